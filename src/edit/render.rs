//! New YAML text for an edit: a [`Piece`] written in block or flow style at a given
//! indentation, with LF line endings (the caller converts), and the pieces an absent
//! path needs (`{key: {…: value}}`). It finds no place in a document, and writes
//! each scalar as its piece has it.

use crate::path::{display_path, Segment};
use crate::yaml::shape::Piece;

use super::yaml::Op;

/// How the document indents: the step of a nested mapping, and how far a block list
/// under a key stands right of the key (0 or the step).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Style {
    pub(super) step: usize,
    pub(super) seq_under_key: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            step: 2,
            seq_under_key: 2,
        }
    }
}

impl Piece {
    /// Whether the piece is written on the line of its key or dash: a scalar, or an
    /// empty list or mapping (`[]`, `{}`).
    pub(super) fn is_inline(&self) -> bool {
        match self {
            Piece::Scalar { .. } => true,
            Piece::Seq(items) => items.is_empty(),
            Piece::Map(entries) => entries.is_empty(),
        }
    }

    /// The piece in flow style, on one line.
    pub(super) fn flow(&self) -> String {
        let mut out = String::new();
        self.write_flow(&mut out);
        out
    }

    fn write_flow(&self, out: &mut String) {
        match self {
            Piece::Scalar { flow, .. } => out.push_str(flow),
            Piece::Seq(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_flow(out);
                }
                out.push(']');
            }
            Piece::Map(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    key.write_flow(out);
                    out.push_str(": ");
                    value.write_flow(out);
                }
                out.push('}');
            }
        }
    }

    /// The piece on the line of a key or dash: a scalar's block text, `[]`, `{}`;
    /// a non-empty collection in flow style.
    pub(super) fn inline(&self) -> String {
        match self {
            Piece::Scalar { block, .. } => block.clone(),
            _ => self.flow(),
        }
    }

    /// The piece in block style: its first line without indentation (the caller
    /// puts it after a key's `: `, a dash, or an indentation of `indent` spaces),
    /// every further line indented from `indent`. No final line ending.
    pub(super) fn block(&self, indent: usize, style: Style) -> String {
        let mut out = String::new();
        self.write_block(indent, style, &mut out);
        out
    }

    fn write_block(&self, indent: usize, style: Style, out: &mut String) {
        let newline = |out: &mut String, indent: usize| {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', indent));
        };
        match self {
            Piece::Scalar { .. } => out.push_str(&self.inline()),
            Piece::Seq(items) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        newline(out, indent);
                    }
                    out.push_str("- ");
                    item.write_block(indent + 2, style, out);
                }
            }
            Piece::Map(entries) if !entries.is_empty() => {
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        newline(out, indent);
                    }
                    out.push_str(&key.inline());
                    out.push(':');
                    value.write_value(indent, style, out);
                }
            }
            Piece::Seq(_) | Piece::Map(_) => out.push_str(&self.inline()),
        }
    }

    /// The piece as the value of a block mapping's key at column `key_indent`, from
    /// just after the key's `:`: ` scalar`, or a line break and the block.
    pub(super) fn write_value(&self, key_indent: usize, style: Style, out: &mut String) {
        if self.is_inline() {
            out.push(' ');
            out.push_str(&self.inline());
            return;
        }
        let indent = key_indent
            + match self {
                Piece::Seq(_) => style.seq_under_key,
                _ => style.step,
            };
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', indent));
        self.write_block(indent, style, out);
    }
}

/// The mapping to add for a key absent at `path[depth]`: `{key: {…: value}}` down
/// the rest of the path (which must name keys only); `None` for a removal.
pub(super) fn nested(path: &[Segment], depth: usize, op: Op) -> Result<Option<Piece>, String> {
    let mut piece = match op {
        Op::Set(p) => p,
        Op::Push(p) => Piece::Seq(vec![p]),
        Op::Remove => return Ok(None),
    };
    for (i, seg) in path.iter().enumerate().skip(depth).rev() {
        let Segment::Key(k) = seg else {
            return Err(format!("no list `{}` to index", display_path(&path[..i])));
        };
        piece = Piece::Map(vec![(key_piece(k), piece)]);
    }
    Ok(Some(piece))
}

/// A key as written by an edit: quoted whenever a reader could take it for
/// something other than the string.
pub(super) fn key_piece(key: &str) -> Piece {
    crate::yaml::to_text(key)
        .ok()
        .and_then(|text| crate::yaml::shape::piece(&text).ok())
        .filter(|p| matches!(p, Piece::Scalar { .. }))
        .unwrap_or_else(|| {
            let text = crate::yaml::shape::double_quoted(key);
            Piece::Scalar {
                block: text.clone(),
                flow: text,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::shape::piece;

    #[test]
    fn block_and_flow() {
        let p = piece("a: 1\nb: [x, 'y']\nc:\n  d: e\n").unwrap();
        assert_eq!(p.flow(), "{a: 1, b: [x, 'y'], c: {d: e}}");
        assert_eq!(
            p.block(2, Style::default()),
            "a: 1\n  b:\n    - x\n    - 'y'\n  c:\n    d: e"
        );
        let flat = Style {
            step: 4,
            seq_under_key: 0,
        };
        assert_eq!(p.block(0, flat), "a: 1\nb:\n- x\n- 'y'\nc:\n    d: e");
        let list = piece("- a: 1\n  b: 2\n- []\n").unwrap();
        assert_eq!(list.block(0, Style::default()), "- a: 1\n  b: 2\n- []");
        // Empty collections stay `{}` and `[]` in a block list; a plain scalar with a
        // comma is written plain in block style and quoted in flow style.
        let mixed = piece("- {}\n- [a, 'b']\n- x, y\n").unwrap();
        assert_eq!(
            mixed.block(0, Style::default()),
            "- {}\n- - a\n  - 'b'\n- x, y"
        );
        assert_eq!(mixed.flow(), "[{}, [a, 'b'], \"x, y\"]");
    }
}
