//! The shapes that surgical edits need, from saphyr-parser's events: a block's nodes
//! with their spans, styles, anchors and key forms ([`Shape`]), and a value given as
//! YAML text as scalars ready to write ([`Piece`]). It edits nothing itself.

use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::compat;
use crate::value::Value;

/// A node of a block and the byte range (relative to the block) where it stands:
/// from its anchor or tag, or a block scalar's indicator, to the end of its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shape {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whether the node has an anchor (`&a`).
    pub(crate) anchored: bool,
    pub(crate) kind: ShapeKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ShapeKind {
    /// A scalar; `plain` for a plain scalar, `lines` says whether it spans lines.
    Scalar {
        plain: bool,
        lines: bool,
    },
    Alias,
    Seq {
        flow: bool,
        items: Vec<Shape>,
    },
    Map {
        flow: bool,
        entries: Vec<ShapeEntry>,
    },
}

/// A key and its value. `key` is the key's value when it is a scalar; `None` for a
/// key written as a collection or an alias.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShapeEntry {
    pub(crate) key: Option<String>,
    pub(crate) key_node: Shape,
    pub(crate) value: Shape,
}

impl Shape {
    /// Whether this node or any node under it has an anchor.
    pub(crate) fn holds_anchor(&self) -> bool {
        self.anchored
            || match &self.kind {
                ShapeKind::Seq { items, .. } => items.iter().any(Shape::holds_anchor),
                ShapeKind::Map { entries, .. } => entries
                    .iter()
                    .any(|e| e.key_node.holds_anchor() || e.value.holds_anchor()),
                ShapeKind::Scalar { .. } | ShapeKind::Alias => false,
            }
    }

    /// Whether the node is an empty plain scalar (a null written as nothing).
    pub(crate) fn is_empty_scalar(&self) -> bool {
        matches!(self.kind, ShapeKind::Scalar { plain: true, .. }) && self.start == self.end
    }
}

/// A mapping's key read, waiting for its value: the key's node and its value.
type Pending = (Shape, Option<String>);

/// The shape of the first YAML document of `text`; `None` when saphyr-parser cannot
/// read it or it holds no node (an empty block, or one of only comments).
///
/// saphyr-parser is stricter than serde_yaml in two ways that real front matter
/// meets: a tab after `:`, and lines that continue a quoted scalar or a flow
/// collection at column 0. A space for each tab, and spaces before such lines in a
/// copy (offsets mapped back), give it a block it reads, of the same meaning.
///
/// The spaces put for tabs are in the copy only: a key's value is read back from
/// `text` itself, so that a key with a tab inside (`a\tb:`) is that key, not
/// `a b`; a block with such a key that is not a plain scalar on one line maps to
/// `None` rather than to a key it does not hold.
pub(crate) fn shape(text: &str) -> Option<Shape> {
    let detabbed = text.contains('\t').then(|| text.replace('\t', " "));
    let copy = detabbed.as_deref().unwrap_or(text);
    let mut shape = shape_as_is(copy).or_else(|| {
        let (copy, inserted) = super::relaxed::indent_continuations(copy)?;
        let mut shape = shape_as_is(&copy)?;
        shape.remap(&|at| super::relaxed::original(at, &inserted));
        Some(shape)
    })?;
    if detabbed.is_some() {
        shape.restore_tabs(text)?;
    }
    Some(shape)
}

impl Shape {
    /// Puts back the tabs of `text` into the keys read from its detabbed copy (same
    /// offsets): a key whose text holds a tab is taken from `text` when it is a plain
    /// scalar written as its value (one line, no tag or anchor); `None` for any other
    /// key with a tab, whose value the copy does not give.
    fn restore_tabs(&mut self, text: &str) -> Option<()> {
        match &mut self.kind {
            ShapeKind::Seq { items, .. } => {
                for item in items {
                    item.restore_tabs(text)?;
                }
            }
            ShapeKind::Map { entries, .. } => {
                for entry in entries {
                    let node = &entry.key_node;
                    let written = text.get(node.start..node.end)?;
                    if let Some(key) = entry.key.as_mut().filter(|_| written.contains('\t')) {
                        let plain = matches!(
                            node.kind,
                            ShapeKind::Scalar {
                                plain: true,
                                lines: false
                            }
                        );
                        if !plain || written.replace('\t', " ") != *key {
                            return None;
                        }
                        written.clone_into(key);
                    }
                    entry.key_node.restore_tabs(text)?;
                    entry.value.restore_tabs(text)?;
                }
            }
            ShapeKind::Scalar { .. } | ShapeKind::Alias => {}
        }
        Some(())
    }

    fn remap(&mut self, to: &dyn Fn(usize) -> usize) {
        self.start = to(self.start);
        self.end = to(self.end);
        match &mut self.kind {
            ShapeKind::Seq { items, .. } => items.iter_mut().for_each(|i| i.remap(to)),
            ShapeKind::Map { entries, .. } => entries.iter_mut().for_each(|e| {
                e.key_node.remap(to);
                e.value.remap(to);
            }),
            ShapeKind::Scalar { .. } | ShapeKind::Alias => {}
        }
    }
}

fn shape_as_is(text: &str) -> Option<Shape> {
    let byte = super::locate::char_to_byte(text);
    let mut parser = Parser::new_from_str(text);
    // Open collections, each with the key read for its next entry.
    let mut stack: Vec<(Shape, Option<Pending>)> = Vec::new();
    while let Some(event) = parser.next_event() {
        let (event, span) = event.ok()?;
        let (start, end) = (byte(span.start.index()), byte(span.end.index()));
        let (done, key) = match event {
            Event::Scalar(value, style, anchor, _) => {
                let end = match style {
                    // saphyr ends a quoted scalar at the next token, past a comment.
                    ScalarStyle::SingleQuoted => quoted_end(text, start, '\'').unwrap_or(end),
                    ScalarStyle::DoubleQuoted => quoted_end(text, start, '"').unwrap_or(end),
                    _ => start + text.get(start..end)?.trim_end().len(),
                };
                let (start, end) = if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
                    let at = super::locate::block_indicator(text, start).unwrap_or(start);
                    (at, empty_block_end(text, at, &value).unwrap_or(end))
                } else {
                    (start, end)
                };
                let end = end.max(start);
                let kind = ShapeKind::Scalar {
                    plain: style == ScalarStyle::Plain,
                    lines: text.get(start..end)?.contains('\n'),
                };
                let node = Shape {
                    start,
                    end,
                    anchored: anchor != 0,
                    kind,
                };
                (node, Some(value.into_owned()))
            }
            Event::Alias(_) => (
                Shape {
                    start,
                    end,
                    anchored: false,
                    kind: ShapeKind::Alias,
                },
                None,
            ),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                // saphyr's span of a flow collection's start runs to its next token:
                // `[`, or `[ ` before a `]` (`[ ]`), after any anchor or tag.
                let opening = text.get(start..end).unwrap_or_default().trim_end();
                let flow = opening.ends_with(['[', '{']);
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    ShapeKind::Seq {
                        flow,
                        items: Vec::new(),
                    }
                } else {
                    ShapeKind::Map {
                        flow,
                        entries: Vec::new(),
                    }
                };
                let node = Shape {
                    start,
                    end,
                    anchored: anchor != 0,
                    kind,
                };
                stack.push((node, None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (mut node, _) = stack.pop()?;
                let last = match &node.kind {
                    ShapeKind::Seq { items, .. } => items.last().map(|n| n.end),
                    ShapeKind::Map { entries, .. } => {
                        entries.last().map(|e| e.key_node.end.max(e.value.end))
                    }
                    _ => None,
                };
                // saphyr starts a block list at its first `-`, or past it.
                if let ShapeKind::Seq { flow: false, items } = &node.kind {
                    if let Some(first) = items.first() {
                        node.start = dash_of(text, first.start).unwrap_or(node.start);
                    }
                }
                // A flow collection ends at its `]` or `}`: saphyr's span of it runs on
                // to the next token, past a comment (an implicit mapping in a flow list
                // ends before the list's `]`, its span empty).
                node.end = if matches!(text.as_bytes().get(start), Some(b']' | b'}')) {
                    (start + 1).min(end)
                } else {
                    last.unwrap_or(node.end)
                }
                .max(node.start);
                (node, None)
            }
            Event::DocumentEnd | Event::StreamEnd => return None,
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => continue,
        };
        let Some((open, pending)) = stack.last_mut() else {
            return Some(done);
        };
        match &mut open.kind {
            ShapeKind::Seq { items, .. } => items.push(done),
            ShapeKind::Map { entries, .. } => match pending.take() {
                None => *pending = Some((done, key)),
                Some((key_node, key)) => entries.push(ShapeEntry {
                    key: if matches!(key_node.kind, ShapeKind::Scalar { .. }) {
                        key
                    } else {
                        None
                    },
                    key_node,
                    value: done,
                }),
            },
            ShapeKind::Scalar { .. } | ShapeKind::Alias => return None,
        }
    }
    None
}

/// The end of the block scalar whose indicator (`|`, `>`) is at `indicator` and
/// whose value is `value`, when it has no text lines: the end of its header, since
/// saphyr's end then lies past the comment lines after it (`a: |`, then `# c`).
/// `None` when it has text: saphyr's end, trimmed, is then the end of its last line
/// (a line less indented than its text ends it, an indentation indicator or not).
fn empty_block_end(text: &str, indicator: usize, value: &str) -> Option<usize> {
    let header = text.get(indicator..)?.split('\n').next()?;
    if !value.trim_matches('\n').is_empty() || !header.starts_with(['|', '>']) {
        return None;
    }
    Some(indicator + header.find([' ', '\t', '\r']).unwrap_or(header.len()))
}

/// The offset just past the quoted scalar whose opening `quote` is the first one
/// at or after `start` (after a tag).
fn quoted_end(text: &str, start: usize, quote: char) -> Option<usize> {
    let open = start + text.get(start..)?.find(quote)?;
    let mut chars = text[open + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                if quote == '\'' && text[open + 1 + i + 1..].starts_with('\'') {
                    chars.next();
                } else {
                    return Some(open + 1 + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The `-` of the block list item whose content starts at `item` (or that is empty
/// there): the last one before it, past white space, or the one at it.
pub(crate) fn dash_of(text: &str, item: usize) -> Option<usize> {
    let trimmed = text.get(..item)?.trim_end_matches([' ', '\t', '\r', '\n']);
    if trimmed.ends_with('-') {
        Some(trimmed.len() - 1)
    } else {
        (text.as_bytes().get(item) == Some(&b'-')).then_some(item)
    }
}

/// A value to write, its scalars already in the text they are written as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// A scalar: its text in block context, and in flow context (inside `[]`/`{}`).
    Scalar {
        block: String,
        flow: String,
    },
    Seq(Vec<Piece>),
    Map(Vec<(Piece, Piece)>),
}

/// `text`, one YAML value, as a [`Piece`]. Every scalar keeps the text it is written
/// in, except that a plain string that a YAML 1.1 reader would misread is put in
/// single quotes (a plain date stays plain: other readers read a date, as the
/// writer meant), a string on more than one line or in a block scalar is written
/// double-quoted with escapes, and a plain string that flow context would cut
/// (`a, b`) is quoted there. Errors name what cannot be written: anchors, aliases,
/// tags on collections, keys written as collections.
pub(crate) fn piece(text: &str) -> Result<Piece, String> {
    let byte = super::locate::char_to_byte(text);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<(Piece, Option<Piece>)> = Vec::new();
    let mut root = None;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| format!("invalid YAML: {e}"))?;
        let (start, end) = (byte(span.start.index()), byte(span.end.index()));
        let done = match event {
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _)
                if anchor != 0 =>
            {
                return Err("a value with an anchor (`&`) cannot be written by an edit".into())
            }
            Event::Alias(_) => {
                return Err("a value with an alias (`*`) cannot be written by an edit".into())
            }
            Event::SequenceStart(_, Some(_)) | Event::MappingStart(_, Some(_)) => {
                return Err(
                    "a list or mapping with a tag (`!`) cannot be written by an edit".into(),
                )
            }
            Event::Scalar(value, style, _, tag) => {
                let raw = text.get(start..end).unwrap_or_default().trim_end();
                scalar(&value, style, raw, tag.is_some())?
            }
            Event::SequenceStart(..) => {
                stack.push((Piece::Seq(Vec::new()), None));
                continue;
            }
            Event::MappingStart(..) => {
                stack.push((Piece::Map(Vec::new()), None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop().ok_or("unbalanced YAML events")?.0
            }
            Event::DocumentEnd => break,
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing | Event::StreamEnd => {
                continue
            }
        };
        let Some((open, pending)) = stack.last_mut() else {
            root = Some(done);
            continue;
        };
        match open {
            Piece::Seq(items) => items.push(done),
            Piece::Map(entries) => match pending.take() {
                None if matches!(done, Piece::Scalar { .. }) => *pending = Some(done),
                None => {
                    return Err(
                        "a key written as a list or mapping cannot be written by an edit".into(),
                    )
                }
                Some(key) => entries.push((key, done)),
            },
            Piece::Scalar { .. } => return Err("unbalanced YAML events".into()),
        }
    }
    let extra = parser
        .next_event()
        .and_then(Result::ok)
        .is_some_and(|(e, _)| matches!(e, Event::DocumentStart(_)));
    if extra {
        return Err("the value holds more than one YAML document".into());
    }
    root.ok_or_else(|| "the value is empty".into())
}

/// One scalar as a [`Piece`]; `raw` is its text as written (tag included).
fn scalar(value: &str, style: ScalarStyle, raw: &str, tagged: bool) -> Result<Piece, String> {
    let one_line = !raw.contains('\n');
    if tagged {
        return if one_line && !matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
            Ok(Piece::Scalar {
                block: raw.to_owned(),
                flow: raw.to_owned(),
            })
        } else {
            Err(
                "a value with a tag (`!`) on more than one line cannot be written by an edit"
                    .into(),
            )
        };
    }
    let text = match style {
        ScalarStyle::Plain if one_line => {
            if !compat::is_timestamp(value) && compat::needs_quotes(value) && reads_as_string(value)
            {
                single_quoted(value)
            } else {
                raw.to_owned()
            }
        }
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted if one_line => raw.to_owned(),
        _ => double_quoted(value),
    };
    // In flow context a plain string may not hold these; quote it there.
    let flow = if style == ScalarStyle::Plain
        && text == raw
        && value.contains([',', '[', ']', '{', '}', '#', ':'])
    {
        double_quoted(value)
    } else {
        text.clone()
    };
    Ok(Piece::Scalar { block: text, flow })
}

/// Whether serde_yaml (YAML 1.2) reads the plain scalar `text` as a string.
fn reads_as_string(text: &str) -> bool {
    matches!(serde_yaml::from_str::<Value<'_>>(text), Ok(Value::Str(_)))
}

fn single_quoted(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// `value` as a YAML double-quoted scalar, every control character escaped.
pub(crate) fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            c if c.is_control() => {
                let n = u32::from(c);
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02X}"));
                } else {
                    out.push_str(&format!("\\u{n:04X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text`, one YAML value, read by serde_yaml into a [`Value`] (for checking an
/// edit's result).
pub(crate) fn value_of(text: &str) -> Result<Value<'static>, String> {
    serde_yaml::from_str::<Value<'_>>(text)
        .map(owned)
        .map_err(|e| format!("invalid YAML: {e}"))
}

/// A value that borrows nothing.
pub(crate) fn owned(value: Value<'_>) -> Value<'static> {
    match value {
        Value::Null => Value::Null,
        Value::Bool(b) => Value::Bool(b),
        Value::Int(i) => Value::Int(i),
        Value::Float(f) => Value::Float(f),
        Value::Str(s) => Value::Str(std::borrow::Cow::Owned(s.into_owned())),
        Value::Seq(items) => Value::Seq(items.into_iter().map(owned).collect()),
        Value::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (owned(k), owned(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests;
