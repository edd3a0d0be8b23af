mod catalogue;
mod corpus;
mod de;
mod excerpt;
mod fuzz_replay;
mod header;
mod hostile;
mod messages;
mod props;
mod render;
mod split;
#[cfg(feature = "toml")]
mod toml;
mod validate;
mod write;
