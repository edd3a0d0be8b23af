//! Where each YAML node is: the span tree of a block from saphyr-parser's events, built
//! only to point at a problem (serde_yaml has no positions for values it read fine, nor
//! for repeated keys). It never judges a block: text saphyr cannot read has no tree.

use std::borrow::Cow;

use saphyr_parser::{Event, Parser};

use crate::tree::{Entry, Node, NodeKind};

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
    use crate::path::{display_path, Segment};

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
