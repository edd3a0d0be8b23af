//! Surgical edits of a `+++` TOML block through `toml_edit`.

use crate::document::Document;
use crate::path::Segment;

use super::yaml::{Failure, Op};

/// The new document text after `op` at `path`, and its splice.
pub(super) fn edit(
    _doc: &Document<'_>,
    _path: &[Segment],
    _op: Op,
) -> Result<Option<super::Edited>, Failure> {
    Err(Failure {
        kind: crate::Kind::NotEditable,
        start: 0,
        end: 0,
        message: "TOML front matter cannot be edited yet".to_owned(),
    })
}
