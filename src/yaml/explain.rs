//! Explaining serde_yaml's errors: the field path, the kind, the message without
//! serde_yaml's block-relative position, and a span in the whole document. It runs
//! only after a failure and never decides whether a block is valid.

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::locate;
use crate::diagnostic::{raised, text, Error, Kind};
use crate::document::Document;
use crate::path::{backticked, display_path, missing_field, segments, Segment};
use crate::span::Span;
use crate::tree::Node;

/// Runs the failed deserialization again to learn the field path, then classifies
/// the error and positions it in the original document.
#[cold]
pub(super) fn explain<'a, T: Deserialize<'a>>(
    doc: &Document<'a>,
    text: &'a str,
    first: &serde_yaml::Error,
) -> Error {
    // Deserialization is deterministic, so the second run fails the same way.
    match serde_path_to_error::deserialize::<_, T>(serde_yaml::Deserializer::from_str(text)) {
        Err(e) => describe(doc, text, segments(e.path()), &e.into_inner(), false),
        Ok(_) => describe(doc, text, Vec::new(), first, false),
    }
}

/// Classifies `err`, the error serde_yaml raised at `path` while deserializing
/// `text`, and positions it in the original document. `valid_yaml` says that the
/// text is known to be YAML, which spares a syntax check.
#[cold]
pub(super) fn describe<'a>(
    doc: &Document<'a>,
    text: &'a str,
    mut path: Vec<Segment>,
    err: &serde_yaml::Error,
    valid_yaml: bool,
) -> Error {
    // In a synthetic `{}` (no block), every position is the document's start.
    let block = doc.front_matter_span().filter(|_| text != "{}");
    let anchor = doc.anchor();
    let at = |offset: usize, len: usize| match block {
        Some(b) => {
            let start = (b.start() + offset).min(b.end());
            Span::of(doc.source(), start, (start + len).min(b.end()))
        }
        None => anchor,
    };
    let mark = err.location().map(|l| l.index());
    let message = err.to_string();

    // serde_yaml reads events as `T` asks for them, so a type error early in the
    // block can come before a syntax error later on: a block that is not YAML is
    // reported as such, with the syntax error's own message and position.
    let syntax = if valid_yaml {
        Ok(IgnoredAny)
    } else {
        serde_yaml::from_str::<IgnoredAny>(text)
    };
    if let Err(syntax) = syntax {
        let first_line = block.map_or(1, |b| b.line());
        let (kind, message, offset) = syntax_message(&syntax.to_string(), first_line);
        let mark = offset.or_else(|| syntax.location().map(|l| l.index()));
        return Error::new(kind, "", message, mark.map_or(anchor, |m| at(m, 0)));
    }

    let mut message = strip_position(&message, err.location().map(|l| (l.line(), l.column())));
    // serde_yaml prefixes the path it knows, which may stop short of ours: an error
    // raised for a null entry names the sequence (`ministers: …`), not the entry.
    for len in (1..=path.len()).rev() {
        // A path from a root sequence reads `.[0]` in serde_yaml's messages.
        let shown = display_path(&path[..len]);
        let rest = message
            .strip_prefix(&format!("{shown}: "))
            .or_else(|| message.strip_prefix(&format!(".{shown}: ")));
        if let Some(rest) = rest {
            message = rest.to_owned();
            break;
        }
    }
    let tree = || block.and_then(|b| locate::parse(&doc.source()[b.range()]));

    if let Some(field) = backticked(&message, "missing field `") {
        // A missing field of the root points at the opening fence; of a nested
        // mapping, at the key that holds it (at the mapping, in a list), as
        // validation does.
        let span = if path.is_empty() {
            anchor
        } else {
            let holder = tree().and_then(|t| match path.split_last() {
                Some((Segment::Key(k), parent)) => t.key_span(parent, k, 0),
                _ => value_span(&t, &path, mark),
            });
            match (holder, mark) {
                (Some((start, end)), _) => at(start, end - start),
                (None, Some(m)) => at(m, 0),
                (None, None) => anchor,
            }
        };
        return missing_field(path, field, span);
    }
    // serde_yaml's own `Value` names no key for a repeated key it cannot print
    // (`duplicate entry in YAML map`, a key written as a sequence, say): find it.
    if message.starts_with("duplicate entry") && block.is_some() {
        if let Some(err) = super::duplicate_key(doc, text) {
            return err;
        }
    }
    let duplicate = backticked(&message, "duplicate field `").or_else(|| quoted_key(&message));
    if let Some(key) = duplicate {
        let second = tree().and_then(|t| t.key_span(&path, &key, 1));
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
        // serde_path_to_error has already entered the unknown key.
        if path.last() == Some(&Segment::Key(key.clone())) {
            path.pop();
        }
        let found = tree().and_then(|t| t.key_span(&path, &key, 0));
        path.push(Segment::Key(key));
        let span = match found {
            Some((start, end)) => at(start, end - start),
            None => mark.map_or(anchor, |m| at(m, 0)),
        };
        return Error::new(Kind::UnknownField, display_path(&path), message, span);
    }
    let kind = raised::kind_of(&message).unwrap_or(if message.ends_with("limit exceeded") {
        Kind::LimitExceeded
    } else {
        Kind::InvalidType
    });
    let span = match (tree().and_then(|t| value_span(&t, &path, mark)), mark) {
        (Some((start, end)), _) => at(start, end - start),
        (None, Some(m)) => at(m, 0),
        (None, None) => anchor,
    };
    let message = if kind == Kind::InvalidType {
        text::serde_message(&message)
    } else {
        message
    };
    Error::new(kind, display_path(&path), message, span)
}

/// The byte range of the value at `path` (relative to the block), to point at.
///
/// serde_yaml's mark is the value's own only for errors raised while reading a
/// scalar or entering a collection; errors raised for a null, or after the last
/// entry of a sequence, carry the mark of the enclosing collection. So the value
/// itself wins, unless the mark lies strictly inside it (a deeper position than the
/// path names). A value with no text (`title:`) yields its key.
fn value_span(root: &Node, path: &[Segment], mark: Option<usize>) -> Option<(usize, usize)> {
    let node = root.get(path)?;
    if mark.is_some_and(|m| node.start < m && m < node.end) {
        return None;
    }
    if node.start == node.end {
        if let Some((Segment::Key(key), parent)) = path.split_last() {
            if let Some(span) = root.key_span(parent, key, 0) {
                return Some(span);
            }
        }
    }
    Some((node.start, node.end))
}

/// `message` without serde_yaml's ` at line L column C` suffix.
fn strip_position(message: &str, at: Option<(usize, usize)>) -> String {
    at.and_then(|(line, column)| message.strip_suffix(&format!(" at line {line} column {column}")))
        .unwrap_or(message)
        .to_owned()
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
fn syntax_message(message: &str, first_line: usize) -> (Kind, String, Option<usize>) {
    let head = message.split(" at line ").next().unwrap_or(message);
    if head.ends_with("limit exceeded") {
        return (Kind::LimitExceeded, head.to_owned(), None);
    }
    // Reader errors (a control character, say) give a byte offset instead.
    if let Some((problem, offset)) = message.rsplit_once(" at position ") {
        if let Ok(offset) = offset.parse() {
            return (
                Kind::YamlSyntax,
                format!("invalid YAML: {problem}"),
                Some(offset),
            );
        }
    }
    // `problem at line L column C, context at line L2 column C2`: the context's
    // position is rebased to the document, the problem's is the error's span.
    let context = message
        .split_once(" at line ")
        .and_then(|(_, rest)| rest.split_once(", "))
        .map(|(_, ctx)| match ctx.split_once(" at line ") {
            Some((what, at)) => match rebase(at, first_line) {
                Some((line, column)) => {
                    format!(" ({what} that starts at line {line} column {column})")
                }
                None => format!(" ({what})"),
            },
            None => format!(" ({ctx})"),
        });
    (
        Kind::YamlSyntax,
        format!("invalid YAML: {head}{}", context.unwrap_or_default()),
        None,
    )
}

/// `L column C` relative to a block whose first line is `first_line` of the document.
fn rebase(at: &str, first_line: usize) -> Option<(usize, usize)> {
    let (line, column) = at.split_once(" column ")?;
    Some((
        line.trim().parse::<usize>().ok()? + first_line - 1,
        column.trim().parse().ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A block with a type error and, later, a repeated key: the type error is the
    /// one serde_yaml raised, and only `duplicate entry` sends for the repeated key.
    #[test]
    fn a_type_error_before_a_repeated_key_stays_a_type_error() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Meta {
            count: u32,
            tags: std::collections::BTreeMap<String, u32>,
        }
        for src in [
            "---\ncount: many\ntags:\n  a: 1\n  a: 2\n---\n",
            // An anchor: the fast path declines, serde_yaml reads.
            "---\ncount: &c many\ntags:\n  a: 1\n  a: 2\n---\n",
        ] {
            let err = crate::from_str::<Meta>(src).unwrap_err();
            assert_eq!(err.kind(), Kind::InvalidType, "{src:?}");
            assert_eq!(
                (err.path(), err.line(), err.column()),
                ("count", 2, 8),
                "{src:?}"
            );
        }
    }

    #[test]
    fn syntax_messages_rebase_their_context() {
        assert_eq!(
            syntax_message("did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1", 2),
            (Kind::YamlSyntax, "invalid YAML: did not find expected key (while parsing a block mapping that starts at line 2 column 1)".to_owned(), None)
        );
        assert_eq!(
            syntax_message("found unexpected end of stream at line 2 column 1", 2),
            (
                Kind::YamlSyntax,
                "invalid YAML: found unexpected end of stream".to_owned(),
                None
            )
        );
        assert_eq!(
            syntax_message("control characters are not allowed at position 7", 2),
            (
                Kind::YamlSyntax,
                "invalid YAML: control characters are not allowed".to_owned(),
                Some(7)
            )
        );
        assert_eq!(
            syntax_message("recursion limit exceeded at line 1 column 200", 2),
            (
                Kind::LimitExceeded,
                "recursion limit exceeded".to_owned(),
                None
            )
        );
    }
}
