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

/// Whether the line that starts at `at` holds only a comment; its indentation.
pub(super) fn comment_line(block: &str, at: usize) -> Option<usize> {
    let line = &block[at..next_line(block, at)];
    let text = line.trim_start_matches(' ');
    text.starts_with('#').then_some(line.len() - text.len())
}
