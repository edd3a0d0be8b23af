//! Positions of what a [`Run`](super::run::Run) found: from structural pointers to
//! spans in the original document, in one pass over the block. It decides nothing
//! about validity.

use super::run::{Found, Read, Target};
use crate::compat;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::span::{Location, Span};
use crate::tree::{Node, NodeKind};

/// Turns structural targets into spans of the original document. The span tree is
/// built once, only here, and only when there is something to report.
pub(super) fn position(doc: &Document<'_>, found: Vec<Found>) -> Vec<Diagnostic> {
    let block = doc.front_matter_span();
    let tree = doc.tree();
    let fence = doc.anchor();
    let base = block.map_or(0, |b| b.start());
    let ranges: Vec<Option<(usize, usize)>> = found
        .iter()
        .map(|f| {
            let node = match (&f.target, &tree) {
                (Target::Fence, _) | (_, None) => None,
                (Target::Key(ptr), Some(root)) => walk(root, ptr, true),
                (Target::Value(ptr), Some(root)) => walk(root, ptr, false),
            };
            node.map(|(start, end)| {
                let (start, end) = dash_of_empty_item(&doc.source()[base..], start, end);
                (base + start, base + end)
            })
        })
        .collect();
    let spans = spans_of(doc.source(), &ranges);
    found
        .into_iter()
        .zip(ranges.iter().zip(spans))
        .filter_map(|(mut f, (range, span))| {
            let mut note = None;
            if let Some(read) = &f.misread {
                let text = range.and_then(|(start, end)| doc.source().get(start..end))?;
                f.message = misread(text, read)?;
                note = Some(QUOTE_NOTE);
            }
            let span = span.unwrap_or(fence);
            let d = Diagnostic::new(f.kind, f.severity, f.path, span, f.message);
            Some(match note {
                Some(note) => d.with_note(note),
                None => d,
            })
        })
        .collect()
}

/// The note of a warning that other YAML readers read a plain value otherwise.
const QUOTE_NOTE: &str = "quote the value (`'…'`) so that every YAML reader reads it as text";

/// The message for a scalar of a string field that masthead read as `read` and
/// whose source is `text`, when YAML 1.1 readers read it otherwise; `None` for a
/// quoted, block, tagged or anchored scalar, and for text every reader agrees on.
fn misread(text: &str, read: &Read) -> Option<String> {
    if text.is_empty() || text.starts_with(['\'', '"', '|', '>', '!', '&', '*']) {
        return None;
    }
    let readers = "(Jekyll, Astro, PyYAML)";
    match read {
        Read::Str => match compat::yaml11(text) {
            compat::Reading::Str => None,
            other => Some(match (other, compat::yaml11_int(text)) {
                (compat::Reading::Int, Some(n)) => format!(
                    "`{text}` is a string here, but YAML 1.1 readers {readers} read the number `{n}`"
                ),
                _ => format!(
                    "`{text}` is a string here, but YAML 1.1 readers {readers} read {}",
                    other.describe()
                ),
            }),
        },
        // `1.10`, `+1`, `1e3`: YAML 1.2 reads a number, which prints otherwise, and so
        // does js-yaml 4 (a YAML 1.2 reader); not every YAML 1.1 reader does (PyYAML
        // keeps `1e3` as text: its floats need a dot), so only Astro's is named.
        Read::Number(number) if number != text => Some(format!(
            "`{text}` is a string here, but other YAML readers (Astro's js-yaml among them) \
             read the number `{number}`"
        )),
        Read::Number(_) => None,
    }
}

/// The spans of many byte ranges of `src`, as [`Span::of`] computes them one by
/// one, in a single pass over `src`: a report of 200,000 diagnostics costs one read
/// of the document, not 200,000.
fn spans_of(src: &str, ranges: &[Option<(usize, usize)>]) -> Vec<Option<Span>> {
    let mut order: Vec<usize> = (0..ranges.len()).filter(|&i| ranges[i].is_some()).collect();
    order.sort_by_key(|&i| ranges[i].map_or(0, |r| r.0));
    let mut spans = vec![None; ranges.len()];
    // The position reached: its offset, line, line start and column.
    let (mut at, mut line, mut line_start, mut column) = (0, 1, 0, 1);
    let bom = usize::from(src.starts_with('\u{feff}'));
    for i in order {
        let Some((start, end)) = ranges[i] else {
            continue;
        };
        let mut start = start.min(src.len());
        while !src.is_char_boundary(start) {
            start -= 1;
        }
        let passed = &src[at..start];
        let breaks = memchr::memchr_iter(b'\n', passed.as_bytes()).count();
        if breaks > 0 {
            line += breaks;
            line_start = at + memchr::memrchr(b'\n', passed.as_bytes()).map_or(0, |j| j + 1);
            column = 1 + src[line_start..start].chars().count();
        } else {
            column += passed.chars().count();
        }
        at = start;
        let shown = if line_start == 0 && start >= 3 {
            column - bom
        } else {
            column
        };
        let location = Location::new(start, line, shown);
        spans[i] = Some(Span::new(location, end.max(start).min(src.len())));
    }
    spans
}

/// An empty entry of a block sequence (`-` alone on its line) has an empty span
/// after the dash; the dash stands in for it, as a key stands in for an empty value.
fn dash_of_empty_item(text: &str, start: usize, end: usize) -> (usize, usize) {
    if start != end {
        return (start, end);
    }
    let before = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches([' ', '\t']);
    if before.ends_with('-') {
        (before.len() - 1, before.len())
    } else {
        (start, end)
    }
}

/// The byte range (relative to the block) of the node at `ptr`, or of its key. A
/// value with no text (`title:`) yields its key. Where the span tree and serde_yaml
/// disagree in shape (an alias, say), the deepest node reached stands in.
fn walk(root: &Node, ptr: &[usize], key: bool) -> Option<(usize, usize)> {
    let mut node = root;
    let mut key_of_node: Option<&Node> = None;
    for (depth, &i) in ptr.iter().enumerate() {
        let last = depth + 1 == ptr.len();
        match &node.kind {
            NodeKind::Map(entries) => {
                let Some(entry) = entries.get(i) else { break };
                if last && key {
                    return Some((entry.key_node.start, entry.key_node.end));
                }
                key_of_node = Some(&entry.key_node);
                node = &entry.value;
            }
            NodeKind::Seq(items) => {
                let Some(item) = items.get(i) else { break };
                key_of_node = None;
                node = item;
            }
            NodeKind::Scalar | NodeKind::Alias => break,
        }
    }
    match key_of_node {
        Some(k) if node.start == node.end => Some((k.start, k.end)),
        _ => Some((node.start, node.end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_in_one_pass_agree_with_one_at_a_time() {
        for src in [
            "",
            "a: 1\nb: é\n",
            "\u{feff}k: x\r\nvé: [a, b]\n\n- z\n",
            "\u{feff}",
        ] {
            let mut ranges = Vec::new();
            for start in (0..=src.len() + 2).rev() {
                ranges.push(Some((start, start + 2)));
                ranges.push(None);
            }
            let spans = spans_of(src, &ranges);
            for (range, span) in ranges.iter().zip(spans) {
                assert_eq!(
                    span,
                    range.map(|(start, end)| Span::of(src, start, end)),
                    "{src:?} {range:?}"
                );
            }
        }
    }
}
