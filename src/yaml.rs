//! The YAML bridge: the only module that names serde_yaml. It deserializes the
//! front-matter block and turns serde_yaml's errors into [`Error`]s with a kind, a
//! field path and a span in the whole document.

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::document::Document;
use crate::error::{Error, Kind};
use crate::locate::{self, display_path, Segment};
use crate::release::EMPTY_PREFIXES;
use crate::span::Span;
use crate::Options;

/// Deserializes the front matter of `doc` with the default options.
pub(crate) fn deserialize<'a, T: Deserialize<'a>>(doc: &Document<'a>) -> Result<T, Error> {
    deserialize_with(doc, &Options::new())
}

/// Deserializes the front matter of `doc` into `T`.
pub(crate) fn deserialize_with<'a, T: Deserialize<'a>>(
    doc: &Document<'a>,
    options: &Options,
) -> Result<T, Error> {
    let Some(block) = doc.front_matter() else {
        if options.requires_front_matter() {
            return Err(no_front_matter(doc));
        }
        return from_empty(doc);
    };
    if is_null_document(block) {
        return from_empty(doc);
    }
    serde_yaml::from_str(block).map_err(|first| explain::<T>(doc, block, &first))
}

/// The error for a document that has no front matter where one is required.
pub(crate) fn no_front_matter(doc: &Document<'_>) -> Error {
    Error::new(
        Kind::NoFrontMatter,
        "",
        "no front matter: the document does not start with a `---` line",
        Span::new(doc.body_span().location(), doc.body_span().start()),
    )
}

/// Whether `block` holds nothing but blank lines and comments (a null document).
fn is_null_document(block: &str) -> bool {
    block.lines().all(|line| {
        let line = line.trim_start_matches([' ', '\t']);
        line.trim_end().is_empty() || line.starts_with('#')
    })
}

/// `T` from an empty mapping, for documents whose front matter is absent or empty.
/// Errors point at the opening fence, or at the start of a document without one.
fn from_empty<'a, T: Deserialize<'a>>(doc: &Document<'a>) -> Result<T, Error> {
    serde_yaml::from_str("{}").map_err(|first| explain::<T>(doc, "{}", &first))
}

/// Runs the failed deserialization again to learn the field path, then classifies
/// the error and positions it in the original document.
#[cold]
fn explain<'a, T: Deserialize<'a>>(
    doc: &Document<'a>,
    text: &'a str,
    first: &serde_yaml::Error,
) -> Error {
    // Deserialization is deterministic, so the second run fails the same way.
    let (mut path, rerun) =
        match serde_path_to_error::deserialize::<_, T>(serde_yaml::Deserializer::from_str(text)) {
            Err(e) => (segments(e.path()), Some(e.into_inner())),
            Ok(_) => (Vec::new(), None),
        };
    let err = rerun.as_ref().unwrap_or(first);
    // In a synthetic `{}` (no block), every position is the document's start.
    let block = doc.front_matter_span().filter(|_| text != "{}");
    let anchor = doc.opening_fence_span().unwrap_or_else(|| doc.body_span());
    let anchor = Span::new(
        anchor.location(),
        anchor.start() + if doc.has_front_matter() { 3 } else { 0 },
    );
    let at = |offset: usize, len: usize| match block {
        Some(b) => {
            let start = (b.start() + offset).min(b.end());
            Span::of(doc.source(), start, (start + len).min(b.end()))
        }
        None => anchor,
    };
    let mark = err.location().map(|l| l.index());
    let message = err.to_string();

    if serde_yaml::from_str::<IgnoredAny>(text).is_err() {
        let (kind, message) = syntax_message(&message);
        return Error::new(kind, "", message, mark.map_or(anchor, |m| at(m, 0)));
    }

    let mut message = strip_position(&message, err.location().map(|l| (l.line(), l.column())));
    let yaml_path = display_path(&path);
    if let Some(rest) = message.strip_prefix(&format!("{yaml_path}: ")) {
        message = rest.to_owned();
    }
    let tree = || block.and_then(|b| locate::parse(&doc.source()[b.range()]));

    if let Some(field) = backticked(&message, "missing field `") {
        path.push(Segment::Key(field));
        let span = if path.len() == 1 {
            anchor
        } else {
            mark.map_or(anchor, |m| at(m, 0))
        };
        return Error::new(Kind::MissingField, display_path(&path), message, span);
    }
    let duplicate = backticked(&message, "duplicate field `").or_else(|| quoted_key(&message));
    if let Some(key) = duplicate {
        let second = tree().and_then(|t| {
            t.entries(&path, &key)
                .nth(1)
                .map(|e| (e.key_node.start, e.key_node.end))
        });
        path.push(Segment::Key(key.clone()));
        let span = match second {
            Some((start, end)) => at(start, end - start),
            None => mark.map_or(anchor, |m| at(m, 0)),
        };
        return Error::new(
            Kind::DuplicateKey,
            display_path(&path),
            format!("duplicate key `{key}`"),
            span,
        );
    }
    if let Some(key) = backticked(&message, "unknown field `") {
        let found = tree().and_then(|t| {
            t.entries(&path, &key)
                .next()
                .map(|e| (e.key_node.start, e.key_node.end))
        });
        path.push(Segment::Key(key));
        let span = match found {
            Some((start, end)) => at(start, end - start),
            None => mark.map_or(anchor, |m| at(m, 0)),
        };
        return Error::new(Kind::UnknownField, display_path(&path), message, span);
    }
    let kind = if EMPTY_PREFIXES.iter().any(|p| message.starts_with(p)) {
        Kind::EmptyValue
    } else if message.starts_with("invalid date `") {
        Kind::MalformedDate
    } else if message.starts_with("invalid URL `") {
        Kind::MalformedUrl
    } else if message.ends_with("limit exceeded") {
        Kind::LimitExceeded
    } else {
        Kind::InvalidType
    };
    // Point at the whole value when the tree agrees with serde_yaml's mark.
    let span = match mark {
        Some(m) => {
            let value = tree().and_then(|t| {
                t.get(&path)
                    .filter(|n| n.start == m)
                    .map(|n| n.end - n.start)
            });
            at(m, value.unwrap_or(0))
        }
        None => anchor,
    };
    Error::new(kind, display_path(&path), message, span)
}

/// Our path segments from serde_path_to_error's.
fn segments(path: &serde_path_to_error::Path) -> Vec<Segment> {
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

/// `message` without serde_yaml's ` at line L column C` suffix.
fn strip_position(message: &str, at: Option<(usize, usize)>) -> String {
    at.and_then(|(line, column)| message.strip_suffix(&format!(" at line {line} column {column}")))
        .unwrap_or(message)
        .to_owned()
}

/// The text between `prefix` and the next backtick, when `message` starts with `prefix`.
fn backticked(message: &str, prefix: &str) -> Option<String> {
    let rest = message.strip_prefix(prefix)?;
    Some(rest[..rest.find('`')?].to_owned())
}

/// The key of serde_yaml's `duplicate entry with key "k"` (maps and `Value`s).
fn quoted_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("duplicate entry with key ")?;
    let key = rest
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(rest);
    Some(key.replace("\\\"", "\"").replace("\\\\", "\\"))
}

/// A libyaml message, `problem at line L column C, context at line …`, without its
/// block-relative positions (the error's span carries the rebased one).
fn syntax_message(message: &str) -> (Kind, String) {
    if message.ends_with("limit exceeded") || message.starts_with("recursion limit exceeded") {
        return (
            Kind::LimitExceeded,
            message
                .split(" at line ")
                .next()
                .unwrap_or(message)
                .to_owned(),
        );
    }
    let mut parts = message.splitn(2, " at line ");
    let problem = parts.next().unwrap_or(message);
    let context = parts
        .next()
        .and_then(|rest| rest.split_once(", ").map(|(_, ctx)| ctx))
        .map(|ctx| ctx.split(" at line ").next().unwrap_or(ctx));
    let text = match context {
        Some(ctx) => format!("invalid YAML: {problem}, {ctx}"),
        None => format!("invalid YAML: {problem}"),
    };
    (Kind::YamlSyntax, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_messages_lose_relative_positions() {
        assert_eq!(
            syntax_message("did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1"),
            (Kind::YamlSyntax, "invalid YAML: did not find expected key, while parsing a block mapping".to_owned())
        );
        assert_eq!(
            syntax_message("found unexpected end of stream at line 2 column 1"),
            (
                Kind::YamlSyntax,
                "invalid YAML: found unexpected end of stream".to_owned()
            )
        );
    }

    #[test]
    fn null_documents() {
        assert!(is_null_document(""));
        assert!(is_null_document("# just a comment\n\n  # another\r\n"));
        assert!(!is_null_document("a: 1\n"));
    }
}
