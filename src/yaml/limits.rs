//! The YAML check of [`Limits`], before serde_yaml reads a block: a cheap pass that
//! clears ordinary blocks, then saphyr-parser's events (aliases never expanded) when
//! needed. It never reports a syntax error: an unreadable block goes on to serde_yaml.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

use crate::diagnostic::{Error, Kind};
use crate::document::Document;
use crate::limits::Limits;
use crate::span::Span;

/// Checks the front matter `block` of `doc` against `limits`, before any YAML parser
/// reads it.
///
/// For depth and aliases a single pass computes an upper
/// bound: an alias needs a `*` and an anchor an `&`; a flow collection needs a `[` or
/// a `{` (a flow pair `[a: b]` adds a mapping, hence two levels per bracket); and
/// nested block collections start at non-decreasing columns, at most two of them
/// (a mapping and a sequence that is the value of one of its keys) at one column, so
/// their depth is at most twice the number of columns that a line's indentation and
/// its `- `, `? ` and `: ` indicators can reach. Only a block whose bound exceeds the
/// limits is read again, exactly.
///
/// `widest` is the widest structural prefix of a line of `block`
/// ([`widest_prefix`]), which the caller computes in its own pass over the lines;
/// the caller has checked the byte limit ([`too_large`](crate::limits::too_large)).
pub(crate) fn check(
    doc: &Document<'_>,
    block: &str,
    limits: &Limits,
    widest: usize,
) -> Result<(), Error> {
    let bytes = block.as_bytes();
    // Most blocks have no alias and no flow collection: one search clears both.
    let Some(first) = memchr::memchr3(b'*', b'[', b'{', bytes) else {
        if widest.saturating_add(1).saturating_mul(2) <= limits.depth_limit() {
            return Ok(());
        }
        return exact(block, limits).map_err(|found| exceeded(doc, found));
    };
    let rest = &bytes[first..];
    let aliases = limits.alias_node_limit() != usize::MAX
        && memchr::memchr(b'*', rest).is_some()
        && memchr::memchr(b'&', bytes).is_some();
    let deep =
        limits.depth_limit() != usize::MAX && depth_bound(rest, widest) > limits.depth_limit();
    if !aliases && !deep {
        return Ok(());
    }
    exact(block, limits).map_err(|found| exceeded(doc, found))
}

/// The error for what [`exact`] found: a byte range of the block and a message.
fn exceeded(doc: &Document<'_>, (start, end, message): (usize, usize, String)) -> Error {
    let base = doc.front_matter_span().map_or(0, |s| s.start());
    Error::new(
        Kind::LimitExceeded,
        "",
        message,
        Span::of(doc.source(), base + start, base + end),
    )
}

/// An upper bound on the nesting depth of `bytes`, whose widest line prefix is
/// `widest`; see [`check`].
fn depth_bound(bytes: &[u8], widest: usize) -> usize {
    let flow = memchr::memchr2_iter(b'[', b'{', bytes).count();
    flow.saturating_add(widest)
        .saturating_add(1)
        .saturating_mul(2)
}

/// The widest structural prefix of a line of `bytes`: the run of spaces, tabs and
/// `-`, `?`, `:` that starts it.
pub(crate) fn widest_prefix(bytes: &[u8]) -> usize {
    let mut widest = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain([bytes.len()]) {
        let prefix = bytes[start..end]
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'-' | b'?' | b':'))
            .unwrap_or(end - start);
        widest = widest.max(prefix);
        start = end + 1;
    }
    widest
}

/// A node in progress: its anchor, the nodes it holds (aliases expanded) and the
/// depth of its deepest descendant below it.
struct Open {
    anchor: usize,
    size: usize,
    height: usize,
}

/// The exact check over the events of `block`: the first collection that nests too
/// deep, or the first alias that replays past the limit, as a byte range of `block`
/// and a message. A block that saphyr-parser cannot read is left to serde_yaml,
/// which reports the syntax error (within the byte limit, whatever it holds).
fn exact(block: &str, limits: &Limits) -> Result<(), (usize, usize, String)> {
    let found = match walk(block, limits) {
        Walk::Unreadable if block.contains('\t') => walk(&block.replace('\t', " "), limits),
        // saphyr-parser stops at 256 levels of flow nesting, before it emits the
        // events of the outer ones: read the text up to there to find where our own
        // limit is passed. serde_yaml stops at 128 levels, so no limit lets this
        // block through.
        Walk::TooDeep(at) => match walk(&block[..byte_of(block, at)], limits) {
            over @ Walk::Over(..) => over,
            _ => Walk::Over(
                at,
                at + 1,
                "front matter nests deeper than the 256 levels the YAML reader allows".to_owned(),
            ),
        },
        other => other,
    };
    match found {
        Walk::Over(start, end, message) => {
            let (start, end) = (byte_of(block, start), byte_of(block, end));
            Err((start, end, message))
        }
        Walk::Fine | Walk::Unreadable | Walk::TooDeep(_) => Ok(()),
    }
}

enum Walk {
    Fine,
    Unreadable,
    /// The reader's own nesting limit, at this character index.
    TooDeep(usize),
    /// Character indexes of the offending event, and the message.
    Over(usize, usize, String),
}

fn walk(text: &str, limits: &Limits) -> Walk {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    // Anchor id → (nodes, height) of the anchored node, once complete.
    let mut anchors: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut replayed: usize = 0;
    while let Some(event) = parser.next_event() {
        let (event, span) = match event {
            Ok(found) => found,
            Err(e) if e.info() == "recursion limit exceeded" => {
                return Walk::TooDeep(e.marker().index())
            }
            Err(_) => return Walk::Unreadable,
        };
        let (start, end) = (span.start.index(), span.end.index());
        let done = match event {
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                stack.push(Open {
                    anchor,
                    size: 1,
                    height: 1,
                });
                if stack.len() > limits.depth_limit() {
                    let message = format!(
                        "front matter nests deeper than the limit of {} levels",
                        limits.depth_limit()
                    );
                    return Walk::Over(start, end.max(start + 1), message);
                }
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(open) => open,
                None => return Walk::Unreadable,
            },
            Event::Scalar(_, _, anchor, _) => Open {
                anchor,
                size: 1,
                height: 0,
            },
            Event::Alias(id) => {
                let (size, height) = anchors.get(&id).copied().unwrap_or((1, 0));
                replayed = replayed.saturating_add(size);
                let name = || {
                    let (from, to) = (byte_of(text, start), byte_of(text, end));
                    text.get(from..to).unwrap_or("").trim_end().to_owned()
                };
                if replayed > limits.alias_node_limit() {
                    let message = format!(
                        "alias `{}` replays more than the limit of {} nodes",
                        name(),
                        limits.alias_node_limit()
                    );
                    return Walk::Over(start, end, message);
                }
                if stack.len().saturating_add(height) > limits.depth_limit() {
                    let message = format!(
                        "alias `{}` nests the front matter deeper than the limit of {} levels",
                        name(),
                        limits.depth_limit()
                    );
                    return Walk::Over(start, end, message);
                }
                Open {
                    anchor: 0,
                    size,
                    height,
                }
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => continue,
        };
        if done.anchor != 0 {
            anchors.insert(done.anchor, (done.size, done.height));
        }
        if let Some(parent) = stack.last_mut() {
            parent.size = parent.size.saturating_add(done.size);
            parent.height = parent.height.max(done.height.saturating_add(1));
        }
    }
    Walk::Fine
}

/// The byte offset of character `index` of `text`.
fn byte_of(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Lines that nest by indentation, by `- `, `? ` and `: ` indicators, by flow
    /// brackets and by aliases, tabs and unreadable text included.
    fn block() -> impl Strategy<Value = String> {
        let prefix = prop::sample::select(vec!["", "- ", "? ", ": ", "- - ", "-\t", "\t"]);
        let body = prop::sample::select(vec![
            "a: x",
            "b:",
            "x",
            "- y",
            "[x, [y]]",
            "{a: [b, {c: d}]}",
            "&a [x, y, z]",
            "&b {k: *a}",
            "*a",
            "[*a, *a, *b]",
            "k: *b",
            "c: &c\n  - z",
            "[a: b]",
            "[",
            "]]",
        ]);
        prop::collection::vec((0..7usize, prefix, body), 1..9).prop_map(|lines| {
            lines
                .into_iter()
                .map(|(indent, prefix, body)| format!("{}{prefix}{body}\n", " ".repeat(indent)))
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The cheap pass only saves the exact read: with the prefix width the
        /// bridge's own scan gives, `check` refuses a block exactly when `exact`
        /// does, whatever the limits (`usize::MAX` is no limit).
        #[test]
        fn the_cheap_pass_agrees_with_the_exact_check(
            block in block(),
            depth in prop::sample::select(vec![0, 1, 2, 3, 4, 5, 6, 8, usize::MAX]),
            aliases in prop::sample::select(vec![0, 1, 2, 3, 5, 8, 13, usize::MAX]),
        ) {
            let text = format!("---\n{block}---\n");
            let doc = crate::split(&text).unwrap();
            let block = doc.front_matter().unwrap();
            let limits = Limits::none().max_depth(depth).max_alias_nodes(aliases);
            let widest = crate::yaml::scan(block).widest;
            prop_assert_eq!(
                check(&doc, block, &limits, widest).is_ok(),
                exact(block, &limits).is_ok(),
                "widest {}", widest
            );
        }
    }

    #[test]
    fn the_depth_limit_is_reached_not_passed() {
        let text = "a:\n  b:\n    c: 1\n";
        assert!(matches!(
            walk(text, &Limits::new().max_depth(3)),
            Walk::Fine
        ));
        let Walk::Over(start, end, message) = walk(text, &Limits::new().max_depth(2)) else {
            panic!("not over")
        };
        assert!(start < end && end <= text.len(), "{start}..{end}");
        assert_eq!(
            message,
            "front matter nests deeper than the limit of 2 levels"
        );
        // An alias's depth too: `*a` at depth 2 replays 2 levels, 4 in all.
        let text = "a: &a [[x]]\nb: [*a]\n";
        assert!(matches!(
            walk(text, &Limits::new().max_depth(4)),
            Walk::Fine
        ));
    }

    #[test]
    fn errors_are_placed_in_the_whole_document() {
        let text = "---\na:\n  b:\n    c: 1\n---\n";
        let doc = crate::split(text).unwrap();
        let block = doc.front_matter().unwrap();
        let limits = Limits::new().max_depth(2);
        let (start, end, _) = exact(block, &limits).unwrap_err();
        assert!(start > 0);
        let err = check(&doc, block, &limits, crate::yaml::scan(block).widest).unwrap_err();
        assert_eq!(err.span().range(), 4 + start..4 + end);
    }

    #[test]
    fn a_block_saphyr_refuses_for_its_tabs_is_checked_without_them() {
        // A tab before a key is not indentation: saphyr-parser refuses the block,
        // serde_yaml too, but the limits speak first, on the text with spaces.
        let text = "a:\n\tb:\n\t\tc: 1\n";
        assert!(matches!(walk(text, &Limits::none()), Walk::Unreadable));
        let (_, _, message) = exact(text, &Limits::new().max_depth(1)).unwrap_err();
        assert_eq!(
            message,
            "front matter nests deeper than the limit of 1 levels"
        );
    }

    #[test]
    fn flow_nesting_past_the_readers_own_limit() {
        let text = format!("a: {}x{}\n", "[".repeat(300), "]".repeat(300));
        // Our limit first: found in the text before the reader's limit.
        let (start, _, message) = exact(&text, &Limits::new().max_depth(10)).unwrap_err();
        assert_eq!(
            message,
            "front matter nests deeper than the limit of 10 levels"
        );
        assert_eq!(start, 3 + 9, "the tenth bracket opens the eleventh level");
        // A limit past the reader's: its own limit, one character wide.
        let (start, end, message) = exact(&text, &Limits::new().max_depth(1000)).unwrap_err();
        assert_eq!(
            message,
            "front matter nests deeper than the 256 levels the YAML reader allows"
        );
        assert_eq!(end, start + 1);
        assert_eq!(&text[start..end], "[");
    }

    #[test]
    fn depth_bounds_are_upper_bounds() {
        for (text, depth) in [
            ("a: 1\n", 1),
            ("a:\n  b:\n    c: 1\n", 3),
            ("a:\n- b\n", 2),
            ("- - - x\n", 3),
            ("- a: [b: {c: d}]\n", 5),
            ("? - a\n: - b\n", 2),
            ("a: [[[[x]]]]\n", 5),
        ] {
            let bytes = text.as_bytes();
            assert!(
                depth_bound(bytes, widest_prefix(bytes)) >= depth,
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_exact_check_counts_replayed_nodes() {
        // `*a` replays 4 nodes, twice; `*b` replays b, 1 + 2 * 4 nodes: 17 in all.
        let limits = Limits::new().max_alias_nodes(17);
        let text = "a: &a [x, y, z]\nb: &b [*a, *a]\nc: *b\n";
        assert!(matches!(walk(text, &limits), Walk::Fine));
        let limits = Limits::new().max_alias_nodes(16);
        let Walk::Over(start, _, message) = walk(text, &limits) else {
            panic!("not over")
        };
        assert_eq!(&text[start..], "*b\n");
        assert_eq!(
            message,
            "alias `*b` replays more than the limit of 16 nodes"
        );
    }

    #[test]
    fn aliases_count_their_depth() {
        let limits = Limits::new().max_depth(3);
        let text = "a: &a [[x]]\nb: [*a]\n";
        let Walk::Over(start, _, message) = walk(text, &limits) else {
            panic!("not over")
        };
        assert_eq!(&text[start..], "*a]\n");
        assert_eq!(
            message,
            "alias `*a` nests the front matter deeper than the limit of 3 levels"
        );
    }
}
