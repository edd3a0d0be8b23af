//! Where each YAML node is: the span tree of a block from saphyr-parser's events, built
//! only to point at a problem (serde_yaml has no positions for values it read fine, nor
//! for repeated keys). It never judges a block: text saphyr cannot read has no tree.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle};

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

/// The longest flow text kept for a value (see [`Flow`]).
const MAX_FLOW: usize = 1 << 16;

/// A collection being read: its node, the key read for its next entry (in a
/// mapping), and its value as flow text when a key or an anchor needs it.
struct Open {
    node: Node,
    pending: Option<(Node, Option<Flow>)>,
    anchor: usize,
    value: Option<String>,
}

fn parse_as_is(text: &str) -> Option<Node> {
    // saphyr counts characters; map character indexes to byte offsets.
    let byte = char_to_byte(text);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    // The value (as flow text) of each anchored node that a key may repeat.
    let mut anchored: HashMap<usize, Flow> = HashMap::new();
    while let Some(event) = parser.next_event() {
        let (event, span) = event.ok()?;
        let (start, end) = (byte(span.start.index()), byte(span.end.index()));
        // Whether the node that starts here is a key, or inside one, or anchored:
        // only then is its value kept, to compare keys written as collections.
        let wanted = |stack: &[Open], anchor: usize| {
            anchor != 0
                || stack.last().is_some_and(|o| {
                    o.value.is_some()
                        || (matches!(o.node.kind, NodeKind::Map(_)) && o.pending.is_none())
                })
        };
        let (done, value) = match event {
            Event::Scalar(value, style, anchor, _) => {
                let content_end = start
                    + text[start..end]
                        .trim_end_matches([' ', '\t', '\r', '\n'])
                        .len();
                // A block scalar (`|`, `>`) starts at its indicator, where serde_yaml
                // points; saphyr starts it at its content. Its end leaves out the
                // line breaks and blank lines it swallowed.
                let start = if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
                    block_indicator(text, start).unwrap_or(start)
                } else {
                    start
                };
                let node = Node {
                    start,
                    end: content_end.max(start),
                    kind: NodeKind::Scalar,
                };
                let value = wanted(&stack, anchor).then(|| Flow {
                    text: flow_scalar(&value),
                    scalar: Some(value.into_owned()),
                });
                if let (Some(v), true) = (&value, anchor != 0) {
                    anchored.insert(anchor, v.clone());
                }
                (node, value)
            }
            Event::Alias(id) => (
                Node {
                    start,
                    end,
                    kind: NodeKind::Alias,
                },
                anchored.get(&id).cloned(),
            ),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    NodeKind::Seq(Vec::new())
                } else {
                    NodeKind::Map(Vec::new())
                };
                let value = wanted(&stack, anchor).then(String::new);
                stack.push(Open {
                    node: Node { start, end, kind },
                    pending: None,
                    anchor,
                    value,
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Open {
                    mut node,
                    anchor,
                    value,
                    ..
                } = stack.pop()?;
                // A flow collection ends at its `]` or `}`; a block one at the end of
                // its last entry, not at the next token, which may come after
                // comments and blank lines.
                node.end = if matches!(text.as_bytes().get(start), Some(b']' | b'}')) {
                    end.max(start)
                } else {
                    node.last_child_end().unwrap_or(node.end)
                }
                .max(node.start);
                let value = value.map(|v| Flow {
                    text: match node.kind {
                        NodeKind::Seq(_) => format!("[{v}]"),
                        _ => format!("{{{v}}}"),
                    },
                    scalar: None,
                });
                if let (Some(v), true) = (&value, anchor != 0) {
                    anchored.insert(anchor, v.clone());
                }
                (node, value)
            }
            Event::DocumentEnd | Event::StreamEnd => return None,
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => continue,
        };
        let Some(open) = stack.last_mut() else {
            return Some(done);
        };
        // The value as the parent's flow text shows it. Past `MAX_FLOW` bytes (aliases
        // replayed in anchored collections), or without the child's value, the
        // parent has none: such keys are not compared.
        if let Some(flow) = &mut open.value {
            let sep = match (&open.node.kind, &open.pending) {
                (NodeKind::Map(_), Some(_)) => ": ",
                (NodeKind::Map(entries), None) if entries.is_empty() => "",
                (NodeKind::Seq(items), _) if items.is_empty() => "",
                _ => ", ",
            };
            match &value {
                Some(v) if flow.len() + sep.len() + v.text.len() <= MAX_FLOW => {
                    flow.push_str(sep);
                    flow.push_str(&v.text);
                }
                _ => open.value = None,
            }
        }
        match &mut open.node.kind {
            NodeKind::Seq(items) => items.push(done),
            NodeKind::Map(entries) => match open.pending.take() {
                None => open.pending = Some((done, value)),
                Some((key_node, key_value)) => {
                    // A scalar key, or an alias of one, is its value.
                    let (key, key_value) = match key_value.map(Flow::into_key) {
                        Some(Key::Scalar(k)) => (Some(k), None),
                        Some(Key::Collection(v)) => (None, Some(v)),
                        None => (None, None),
                    };
                    entries.push(Entry {
                        key,
                        key_value,
                        key_node,
                        value: done,
                    });
                }
            },
            NodeKind::Scalar | NodeKind::Alias => return None,
        }
    }
    None
}

/// A node's value as flow text (`["a", "b"]`, scalars quoted), to compare keys
/// written as collections; with the value of a scalar, or of an alias of one.
#[derive(Clone)]
struct Flow {
    text: String,
    scalar: Option<String>,
}

/// A key as compared with the other keys of its mapping.
enum Key {
    Scalar(String),
    Collection(String),
}

impl Flow {
    fn into_key(self) -> Key {
        match self.scalar {
            Some(s) => Key::Scalar(s),
            None => Key::Collection(self.text),
        }
    }
}

/// A scalar's value in flow text: as is when that cannot be read otherwise, else
/// quoted (`"a, b"`), so that two different keys never read alike.
fn flow_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && value.trim() == value
        && !value.contains([',', '[', ']', '{', '}', ':', '#', '"', '\'', '\\'])
        && !value.chars().any(char::is_control);
    if plain {
        value.to_owned()
    } else {
        format!("{value:?}")
    }
}

/// The offset of the indicator (`|`, `>`) of the block scalar whose content saphyr
/// starts at `content`: on the header line, the first `|` or `>` that stands alone,
/// with its indentation and chomping indicators (`|-`, `>+2`), before an optional
/// comment. The header is the line of `content` (an empty block scalar) or the last
/// line above it that is not blank.
pub(super) fn block_indicator(text: &str, content: usize) -> Option<usize> {
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut from = line_start(content);
    if let Some(i) = indicator_in(&text[from..content]) {
        return Some(from + i);
    }
    while from > 0 {
        let end = from - 1;
        from = line_start(end);
        let line = &text[from..end];
        if !line.trim().is_empty() {
            return indicator_in(line).map(|i| from + i);
        }
    }
    None
}

/// The offset of a block scalar header's indicator in `line`.
fn indicator_in(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    (0..bytes.len()).find(|&i| {
        if !matches!(bytes[i], b'|' | b'>') || (i > 0 && !matches!(bytes[i - 1], b' ' | b'\t')) {
            return false;
        }
        let rest = &line[i + 1..];
        let after = rest.trim_start_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit());
        if rest.len() - after.len() > 2 {
            return false;
        }
        // Then nothing, or a comment after white space.
        let trimmed = after.trim_start_matches([' ', '\t']);
        trimmed.trim_end().is_empty() || (trimmed.starts_with('#') && trimmed.len() < after.len())
    })
}

/// The byte offset of each character index of `text` (saphyr-parser's marks count
/// characters), `text.len()` past the end.
pub(super) fn char_to_byte(text: &str) -> impl Fn(usize) -> usize + '_ {
    let bytes_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    move |i| bytes_at.get(i).copied().unwrap_or(text.len())
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

    #[test]
    fn replayed_aliases_keep_flow_text_bounded() {
        // Without a bound, the flow text of `d` would be 100^4 scalars (300 MB; a
        // level more would be 30 GB, more than a mutation run, which drops the
        // bound, should ask of the machine).
        let mut text = format!("a: &a [{}]\n", vec!["x"; 100].join(", "));
        for (name, prev) in [("b", "a"), ("c", "b"), ("d", "c")] {
            let items = vec![format!("*{prev}"); 100].join(", ");
            text.push_str(&format!("{name}: &{name} [{items}]\n"));
        }
        text.push_str("? *d\n: 1\n? [x]\n: 2\n? [x]\n: 3\n");
        let root = parse(&text).unwrap();
        let NodeKind::Map(entries) = &root.kind else {
            panic!("{root:?}")
        };
        assert_eq!(entries.len(), 7);
        assert_eq!(entries[4].key_value, None, "past the bound, no flow text");
        assert_eq!(entries[5].key_value.as_deref(), Some("[x]"));
        assert_eq!(entries[6].key_value.as_deref(), Some("[x]"));
    }

    /// The keys of the root mapping of `text`: each scalar key's value, or each
    /// collection key's flow text.
    fn root_keys(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let root = parse(text).unwrap();
        let NodeKind::Map(entries) = root.kind else {
            panic!("{root:?}")
        };
        entries.into_iter().map(|e| (e.key, e.key_value)).collect()
    }

    /// A key written as a collection reads as its flow text (what a repeated key's
    /// path shows): empty ones, entries after the first, scalars that would read
    /// otherwise quoted, so that different keys never read alike.
    #[test]
    fn keys_written_as_collections_read_as_flow_text() {
        let text = "? []\n: 1\n? {}\n: 2\n? [a, b]\n: 3\n? {a: b, c: [d]}\n: 4\n\
                    ? [\"\"]\n: 5\n? [\"a, b\", ' a', x]\n: 6\n";
        let flow: Vec<_> = root_keys(text).into_iter().map(|(_, f)| f).collect();
        let want = [
            "[]",
            "{}",
            "[a, b]",
            "{a: b, c: [d]}",
            "[\"\"]",
            "[\"a, b\", \" a\", x]",
        ];
        assert_eq!(flow, want.map(|w| Some(w.to_owned())));
    }

    /// An alias of an anchored node, key or value, is that node as a key: a scalar's
    /// value, a collection's flow text.
    #[test]
    fn aliased_keys_read_as_their_anchors() {
        let text = "? &s k\n: 1\n? &c [x, *s]\n: 2\n? *c\n: 3\n? *s\n: 4\n\
                    v: &v [y, {z: &w w}]\n*v : 5\n*w : 6\n";
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(
            root_keys(text),
            [
                (some("k"), None),
                (None, some("[x, k]")),
                (None, some("[x, k]")),
                (some("k"), None),
                (some("v"), None),
                (None, some("[y, {z: w}]")),
                (some("w"), None),
            ]
        );
        // Under an anchored mapping, whose own value is not kept.
        let text = "&r\nv: &v [y]\n*v : 5\n";
        assert_eq!(root_keys(text)[1], (None, some("[y]")));
    }

    /// A collection key's flow text is kept up to `MAX_FLOW` bytes in all, whatever
    /// the size of its first entry.
    #[test]
    fn flow_text_of_keys_is_bounded_in_all() {
        let half = "x".repeat((MAX_FLOW / 2).saturating_sub(8));
        let over = "y".repeat(MAX_FLOW + 1);
        let text = format!("? [{half}, {half}]\n: 1\n? [{over}]\n: 2\n");
        let keys = root_keys(&text);
        assert_eq!(keys[0].1, Some(format!("[{half}, {half}]")));
        assert_eq!(keys[1], (None, None));
    }

    /// The indicator of a block scalar, found from where saphyr starts its content:
    /// on the content's line (empty scalar) or the last line above that is not blank;
    /// alone, with at most two indentation and chomping indicators, before nothing
    /// or a comment.
    #[test]
    fn block_indicators() {
        // The text, with `^` where the content starts (removed), and the indicator.
        let cases: &[(&str, Option<usize>)] = &[
            ("a: |\n  ^x\n", Some(3)),
            ("a: >\n  ^x\n", Some(3)),
            ("|\n^x\n", Some(0)),
            ("- >\n  ^x\n", Some(2)),
            ("a: |-\n  ^x\n", Some(3)),
            ("a: |+\n  ^x\n", Some(3)),
            ("a: |2\n  ^x\n", Some(3)),
            ("a: >-2\n  ^x\n", Some(3)),
            ("a: |2+ # c\n  ^x\n", Some(3)),
            ("a: |\t#c\n  ^x\n", Some(3)),
            ("a: | # c\n\n \n  ^x\n", Some(3)),
            ("\na: | # c\n  ^x\n", Some(4)),
            ("x: 1\na: |^\nb: 2\n", Some(8)),
            ("x: 1\na: | # c^\nb: 2\n", Some(8)),
            // Not alone, too many indicators, then text, a `#` with no space before.
            ("a:|\n  ^x\n", None),
            ("a: x|\n  ^x\n", None),
            ("a: |+++\n  ^x\n", None),
            ("a: |-22\n  ^x\n", None),
            ("a: | x\n  ^x\n", None),
            ("a: |x\n  ^x\n", None),
            ("a: |#c\n  ^x\n", None),
            ("a: x\n  ^x\n", None),
            ("\n\n  ^x\n", None),
            ("^x\n", None),
        ];
        for &(case, want) in cases {
            let content = case.find('^').unwrap();
            let text = case.replace('^', "");
            assert_eq!(block_indicator(&text, content), want, "{case:?}");
        }
    }

    /// A block scalar's node starts at its indicator, where serde_yaml points, and
    /// ends with its content.
    #[test]
    fn block_scalars_span_from_their_indicator() {
        let text = "a: |-\n  x\n\n  y\n\nb: > # c\n\n  z\n";
        let root = parse(text).unwrap();
        let at = |k: &str| {
            let n = root.get(&[key(k)]).unwrap();
            &text[n.start..n.end]
        };
        assert_eq!(at("a"), "|-\n  x\n\n  y");
        assert_eq!(at("b"), "> # c\n\n  z");
    }
}
