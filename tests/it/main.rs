mod corpus;
mod de;
mod messages;
mod props;
mod split;
