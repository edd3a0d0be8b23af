mod corpus;
mod props;
mod split;
