mod corpus;
mod de;
mod header;
mod messages;
mod props;
mod render;
mod split;
mod validate;
