//! Where things stand in a block's text: columns, line starts, comment lines, and
//! the indentation style of a document, for the YAML planner. Plain text scanning
//! over offsets the planner already has; it parses nothing.

use crate::yaml::shape::{Shape, ShapeKind};

use super::render::Style;

pub(super) fn is_blank(block: &str) -> bool {
    block.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    })
}

/// The document's indentation: the smallest step of a nested block mapping, and how
/// far the first block list under a key stands right of its key.
pub(super) fn detect_style(block: &str, root: &Shape) -> Style {
    fn walk(block: &str, node: &Shape, step: &mut Option<usize>, seq: &mut Option<usize>) {
        match &node.kind {
            ShapeKind::Map {
                flow: false,
                entries,
            } => {
                for e in entries {
                    let (k, v) = (col(block, e.key_node.start), col(block, e.value.start));
                    let below =
                        block[e.key_node.end..e.value.start.max(e.key_node.end)].contains('\n');
                    match &e.value.kind {
                        ShapeKind::Map { flow: false, .. } if below && v > k => {
                            *step = Some(step.map_or(v - k, |s| s.min(v - k)));
                        }
                        ShapeKind::Seq { flow: false, .. } if below && v >= k => {
                            seq.get_or_insert(v - k);
                        }
                        _ => {}
                    }
                    walk(block, &e.value, step, seq);
                }
            }
            ShapeKind::Seq { flow: false, items } => {
                for item in items {
                    walk(block, item, step, seq);
                }
            }
            _ => {}
        }
    }
    let (mut step, mut seq) = (None, None);
    walk(block, root, &mut step, &mut seq);
    let step = step.unwrap_or(2);
    Style {
        step,
        seq_under_key: seq.unwrap_or(step),
    }
}

/// The column (in bytes) of `at` on its line.
pub(super) fn col(block: &str, at: usize) -> usize {
    at - line_start(block, at)
}

pub(super) fn line_start(block: &str, at: usize) -> usize {
    block[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The start of the line after the one that holds `at` (the block's end if none).
pub(super) fn next_line(block: &str, at: usize) -> usize {
    block[at..].find('\n').map_or(block.len(), |i| at + i + 1)
}

pub(super) fn spaces(n: usize) -> String {
    " ".repeat(n)
}

/// Whether the line that starts at `at` holds only a comment; its indentation (the
/// column of its `#`, spaces and tabs before it counted one each). The schema line
/// `# yaml-language-server: …` is no entry's comment: `None`.
pub(super) fn comment_line(block: &str, at: usize) -> Option<usize> {
    let line = &block[at..next_line(block, at)];
    let text = line.trim_start_matches([' ', '\t']);
    (text.starts_with('#') && !text.starts_with("# yaml-language-server:"))
        .then_some(line.len() - text.len())
}

/// Whether the line that starts at `at` holds nothing but white space.
fn blank_line(block: &str, at: usize) -> bool {
    block[at..next_line(block, at)].trim().is_empty()
}

/// The start of the line after a value's last line (rule 1 of the module docs):
/// the line after the one that holds `end`, the value's last byte; when `last`, the
/// node the value ends with, is a block scalar that keeps its final line breaks
/// (`|+`), after the blank lines that follow it too, which are part of its value.
pub(super) fn value_end(block: &str, end: usize, last: &Shape) -> usize {
    let mut to = next_line(block, end);
    if keeps_breaks(block, last) {
        while to < block.len() && blank_line(block, to) {
            to = next_line(block, to);
        }
    }
    to
}

/// The start of the line after an entry's own lines (rules 1 and 2 of the module
/// docs): after its value's last line ([`value_end`]), and after the comment lines
/// right below it that are indented deeper than `indent`, the entry's column.
pub(super) fn own_end(block: &str, end: usize, last: &Shape, indent: usize) -> usize {
    let mut to = value_end(block, end, last);
    while to < block.len() && comment_line(block, to).is_some_and(|i| i > indent) {
        to = next_line(block, to);
    }
    to
}

/// The byte range that removing an entry takes (rules 1 to 3 of the module docs):
/// from its line at `start`, or from the comment lines right above it that are not
/// the entry's before (`before`: that entry's last byte and the node it ends with),
/// to the end of its own lines (`end`: its last byte and the node it ends with);
/// `indent` is its column.
pub(super) fn entry_lines(
    block: &str,
    before: Option<(usize, &Shape)>,
    start: usize,
    end: (usize, &Shape),
    indent: usize,
) -> (usize, usize) {
    let floor = before.map_or(0, |(at, last)| own_end(block, at, last, indent));
    let mut from = start;
    while from > floor {
        let above = line_start(block, from - 1);
        if comment_line(block, above).is_none() {
            break;
        }
        from = above;
    }
    (from, own_end(block, end.0, end.1, indent))
}

/// Whether `node` is a block scalar with the keep indicator (`|+`, `>2+`).
fn keeps_breaks(block: &str, node: &Shape) -> bool {
    let ShapeKind::Scalar { plain: false, .. } = node.kind else {
        return false;
    };
    let head = block[node.start..]
        .split([' ', '\t', '\r', '\n', '#'])
        .next();
    head.is_some_and(|h| h.starts_with(['|', '>']) && h.contains('+'))
}

/// The last node that `node` ends with: its last entry's value or last item, all
/// the way down.
pub(super) fn last_leaf(node: &Shape) -> &Shape {
    match &node.kind {
        ShapeKind::Seq { flow: false, items } => items.last().map_or(node, last_leaf),
        ShapeKind::Map {
            flow: false,
            entries,
        } => entries.last().map_or(node, |e| last_leaf(&e.value)),
        _ => node,
    }
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
