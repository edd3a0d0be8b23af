//! Field paths (`author.url`, `ministers[1]`) and the errors named by them, shared by
//! the YAML and TOML bridges and by validation. Knows no YAML or TOML syntax: it
//! reads serde's paths and messages only.

use crate::diagnostic::{Error, Kind};
use crate::span::Span;

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    /// A key of a mapping.
    Key(String),
    /// An index into a sequence.
    Index(usize),
}

/// Our path segments from serde_path_to_error's.
pub(crate) fn segments(path: &serde_path_to_error::Path) -> Vec<Segment> {
    use serde_path_to_error::Segment as S;
    path.iter()
        .filter_map(|seg| match seg {
            S::Seq { index } => Some(Segment::Index(*index)),
            S::Map { key } => Some(Segment::Key(key.clone())),
            S::Enum { variant } => Some(Segment::Key(variant.clone())),
            S::Unknown => None,
        })
        .collect()
}

/// The text between `prefix` and the next backtick, when `message` starts with `prefix`.
pub(crate) fn backticked(message: &str, prefix: &str) -> Option<String> {
    let rest = message.strip_prefix(prefix)?;
    Some(rest[..rest.find('`')?].to_owned())
}

/// The error for `field` missing from the mapping at `path`.
pub(crate) fn missing_field(mut path: Vec<Segment>, field: String, span: Span) -> Error {
    path.push(Segment::Key(field));
    let message = format!("missing field `{}`", display_path(&path));
    Error::new(Kind::MissingField, display_path(&path), message, span)
}

/// Formats a path as users see it: `author.url`, `ministers[1]`, empty for the root.
pub(crate) fn display_path(path: &[Segment]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}
