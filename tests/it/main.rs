mod corpus;
mod de;
mod messages;
mod props;
mod render;
mod split;
mod validate;
mod write;
