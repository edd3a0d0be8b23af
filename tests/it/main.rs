mod corpus;
mod de;
mod excerpt;
mod header;
mod messages;
mod props;
mod render;
mod split;
#[cfg(feature = "toml")]
mod toml;
mod validate;
mod write;
