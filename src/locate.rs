//! Where each YAML node is: a tree of byte spans built from saphyr-parser's events,
//! only when a problem has to be pointed at. serde_yaml reports no positions for
//! values that deserialized fine, nor for keys it finds twice. Also the field paths
//! that the YAML and TOML bridges both report errors with.

use std::borrow::Cow;

use saphyr_parser::{Event, Parser};

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

// What the YAML and TOML bridges share to name and report a field.

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

/// A YAML node and the byte range (relative to the parsed text) where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NodeKind {
    Scalar,
    Alias,
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// A key and its value. `key` is the key's text when it is a scalar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) key: Option<String>,
    pub(crate) key_node: Node,
    pub(crate) value: Node,
}

impl Node {
    /// The node at `path`; with duplicate keys, the first.
    pub(crate) fn get(&self, path: &[Segment]) -> Option<&Node> {
        path.iter()
            .try_fold(self, |node, seg| match (&node.kind, seg) {
                (NodeKind::Map(entries), Segment::Key(k)) => entries
                    .iter()
                    .find(|e| e.key.as_deref() == Some(k))
                    .map(|e| &e.value),
                (NodeKind::Seq(items), Segment::Index(i)) => items.get(*i),
                _ => None,
            })
    }

    /// Where the last entry or item ends, for a collection that has one.
    fn last_child_end(&self) -> Option<usize> {
        match &self.kind {
            NodeKind::Seq(items) => items.last().map(|n| n.end),
            NodeKind::Map(entries) => entries.last().map(|e| e.key_node.end.max(e.value.end)),
            NodeKind::Scalar | NodeKind::Alias => None,
        }
    }

    /// The byte range of the `nth` key (0 for the first) named `key` in the mapping
    /// at `path`.
    pub(crate) fn key_span(
        &self,
        path: &[Segment],
        key: &str,
        nth: usize,
    ) -> Option<(usize, usize)> {
        self.entries(path, key)
            .nth(nth)
            .map(|e| (e.key_node.start, e.key_node.end))
    }

    /// The entries named `key` in the mapping at `path`.
    pub(crate) fn entries<'n>(
        &'n self,
        path: &[Segment],
        key: &'n str,
    ) -> impl Iterator<Item = &'n Entry> + 'n {
        let entries = match self.get(path).map(|n| &n.kind) {
            Some(NodeKind::Map(entries)) => entries.as_slice(),
            _ => &[],
        };
        entries
            .iter()
            .filter(move |e| e.key.as_deref() == Some(key))
    }
}

/// Parses the first YAML document of `text` into a tree of spans; `None` when the
/// text is not YAML that saphyr-parser reads, or holds no document.
pub(crate) fn parse(text: &str) -> Option<Node> {
    // saphyr-parser rejects a tab after `:` (`date:\t2024-13-45`), which YAML and
    // serde_yaml accept. A space in its place keeps every byte offset.
    parse_as_is(text).or_else(|| {
        text.contains('\t')
            .then(|| parse_as_is(&text.replace('\t', " ")))?
    })
}

fn parse_as_is(text: &str) -> Option<Node> {
    // saphyr counts characters; map character indexes to byte offsets.
    let bytes_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let byte = |char_index: usize| bytes_at.get(char_index).copied().unwrap_or(text.len());
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<(Node, Option<Node>)> = Vec::new();
    while let Some(event) = parser.next_event() {
        let (event, span) = event.ok()?;
        let (start, end) = (byte(span.start.index()), byte(span.end.index()));
        let done = match event {
            // A block scalar (`|`, `>`) runs to the next token: leave out the line
            // breaks and blank lines it swallowed.
            Event::Scalar(..) => Node {
                start,
                end: start
                    + text[start..end]
                        .trim_end_matches([' ', '\t', '\r', '\n'])
                        .len(),
                kind: NodeKind::Scalar,
            },
            Event::Alias(_) => Node {
                start,
                end,
                kind: NodeKind::Alias,
            },
            Event::SequenceStart(..) => {
                stack.push((
                    Node {
                        start,
                        end,
                        kind: NodeKind::Seq(Vec::new()),
                    },
                    None,
                ));
                continue;
            }
            Event::MappingStart(..) => {
                stack.push((
                    Node {
                        start,
                        end,
                        kind: NodeKind::Map(Vec::new()),
                    },
                    None,
                ));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (mut node, _) = stack.pop()?;
                // A flow collection ends at its `]` or `}`; a block one at the end of
                // its last entry, not at the next token, which may come after
                // comments and blank lines.
                node.end = if matches!(text.as_bytes().get(start), Some(b']' | b'}')) {
                    end.max(start)
                } else {
                    node.last_child_end().unwrap_or(node.end)
                }
                .max(node.start);
                node
            }
            Event::DocumentEnd | Event::StreamEnd => return None,
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => continue,
        };
        let key_text =
            |n: &Node| (n.kind == NodeKind::Scalar).then(|| scalar_text(&text[n.start..n.end]));
        match stack.last_mut() {
            None => return Some(done),
            Some((parent, pending)) => match &mut parent.kind {
                NodeKind::Seq(items) => items.push(done),
                NodeKind::Map(entries) => match pending.take() {
                    None => *pending = Some(done),
                    Some(key_node) => entries.push(Entry {
                        key: key_text(&key_node).map(Cow::into_owned),
                        key_node,
                        value: done,
                    }),
                },
                NodeKind::Scalar | NodeKind::Alias => return None,
            },
        }
    }
    None
}

/// The text of a scalar key as written: quotes removed from simple quoted keys.
/// Keys with escapes keep their source text, which is enough to tell them apart.
fn scalar_text(src: &str) -> Cow<'_, str> {
    let trimmed = src.trim();
    for q in ['"', '\''] {
        if let Some(inner) = trimmed.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            if !inner.contains(q) && !inner.contains('\\') {
                return Cow::Borrowed(inner);
            }
        }
    }
    Cow::Borrowed(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Segment {
        Segment::Key(k.to_owned())
    }

    #[test]
    fn spans_of_values() {
        let text = "title: Hé\ndate: 2024-13-45\nlist:\n  - a\n  - \"b\"\nmap:\n  url: x\n";
        let root = parse(text).unwrap();
        let at = |path: &[Segment]| {
            let n = root.get(path).unwrap();
            &text[n.start..n.end]
        };
        assert_eq!(at(&[key("title")]), "Hé");
        assert_eq!(at(&[key("date")]), "2024-13-45");
        assert_eq!(at(&[key("list"), Segment::Index(1)]), "\"b\"");
        assert_eq!(at(&[key("map"), key("url")]), "x");
        assert_eq!(display_path(&[key("map"), key("url")]), "map.url");
        assert_eq!(display_path(&[key("list"), Segment::Index(1)]), "list[1]");
    }

    #[test]
    fn duplicate_entries() {
        let text = "a: 1\nb: 2\n'a': 3\n";
        let root = parse(text).unwrap();
        let dups: Vec<usize> = root.entries(&[], "a").map(|e| e.key_node.start).collect();
        assert_eq!(dups, [0, 10]);
    }
}
