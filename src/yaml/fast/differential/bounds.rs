//! The parser's bounds against serde_yaml and the crate's limits: nesting depth,
//! collections side by side, the length of a simple key, long plain values. Tests
//! only: they compare the two paths and change neither.

use std::collections::BTreeMap;

use serde::de::IgnoredAny;

use super::{agree, fast, Took, Tree};
use crate::value::Value;
use crate::Kind;

/// `levels` mappings nested one in the other, the innermost holding `k: v`.
fn nested(levels: usize) -> String {
    let mut block = String::new();
    for level in 0..levels - 1 {
        block.push_str(&format!("{}k:\n", "  ".repeat(level)));
    }
    block.push_str(&format!("{}k: v\n", "  ".repeat(levels - 1)));
    block
}

#[test]
fn the_depth_bound_is_the_default_depth_limit() {
    // The fast path reads up to the default limit's 64 levels and declines deeper
    // blocks, which the limits check then refuses: a 65th level never gets through.
    for (levels, taken) in [(63, true), (64, true), (65, false), (66, false)] {
        let block = nested(levels);
        assert_eq!(
            fast::from_str::<IgnoredAny>(&block).is_ok(),
            taken,
            "{levels}"
        );
        let expected = if taken { Took::Fast } else { Took::Declined };
        assert_eq!(agree::<Tree>(&block), expected, "{levels}");
        let doc = format!("---\n{block}---\n");
        let read = crate::from_str::<IgnoredAny>(&doc);
        assert_eq!(
            read.err().map(|e| e.kind()),
            (!taken).then_some(Kind::LimitExceeded),
            "{levels}"
        );
    }
    // A list or a flow sequence is a level too.
    for (levels, taken) in [(63, true), (64, false)] {
        let pad = "  ".repeat(levels - 1);
        let block = nested(levels);
        let outer = block.strip_suffix(&format!("{pad}k: v\n")).unwrap();
        for last in [
            format!("{pad}k: [v]\n"),
            format!("{pad}k:\n{pad}- v\n"),
            format!("{pad}k:\n{pad}  - v\n"),
        ] {
            let block = format!("{outer}{last}");
            assert_eq!(
                fast::from_str::<IgnoredAny>(&block).is_ok(),
                taken,
                "{levels}: {last:?}"
            );
            let doc = format!("---\n{block}---\n");
            let read = crate::from_str::<IgnoredAny>(&doc);
            assert_eq!(read.is_ok(), taken, "{levels}: {last:?}");
        }
    }
}

#[test]
fn collections_side_by_side_are_no_deeper() {
    // Each entry holds a mapping, a list at its key's column, an indented list and
    // a flow sequence: 400 collections, never more than two open at once.
    let mut block = String::new();
    for i in 0..100 {
        block.push_str(&format!(
            "m{i}:\n  a: 1\nl{i}:\n- x\ni{i}:\n  - y\nf{i}: [z, w]\n"
        ));
    }
    let items = format!("list:\n{}", "- a: 1\n  b: [2]\n".repeat(100));
    for block in [block, items] {
        assert_eq!(agree::<Tree>(&block), Took::Fast);
        assert_eq!(agree::<Value<'_>>(&block), Took::Fast);
    }
}

#[test]
fn simple_keys_end_within_the_scanners_bound() {
    // serde_yaml's scanner looks 1024 characters ahead for a simple key's `:`; the
    // fast path takes keys whose `:` is at most 1000 bytes from their start and
    // declines longer ones (serde_yaml reads some of them, then refuses the rest).
    for (len, taken) in [(999, true), (1000, true), (1001, false), (1030, false)] {
        for quote in ["", "'", "\""] {
            let inner = "k".repeat(len - 2 * quote.len());
            let key = format!("{quote}{inner}{quote}");
            for block in [format!("{key}: v\n"), format!("a: 1\n{key}: v\n")] {
                let expected = if taken { Took::Fast } else { Took::Declined };
                let took = agree::<BTreeMap<String, String>>(&block);
                assert_eq!(took, expected, "{len} {quote}");
            }
        }
    }
}

#[test]
fn long_plain_values_end_as_short_ones() {
    // Values past 32 bytes are searched with memchr, shorter ones byte by byte: the
    // same pieces at each length around that bound end (at a comment) or decline
    // (at `: `) alike, in a mapping and in a list.
    let pieces = [
        "", "a", ":", ": ", ":x", " :", "#", " #", " # c", "a:", "x #y", "é", " ", "-",
    ];
    let mut taken = 0;
    for p in pieces {
        for q in pieces {
            for form in ["key: ", "- "] {
                let mut tooks = Vec::new();
                for pad in [0, 1, 22, 24, 26, 28, 30, 32, 40] {
                    let value = format!("{}w{p}w{q}", "v".repeat(pad));
                    let block = match form {
                        "key: " => format!("key: {value}\nnext: 1\n"),
                        _ => format!("list:\n- {value}\n- b\n"),
                    };
                    tooks.push(agree::<Tree>(&block));
                }
                assert!(
                    tooks.iter().all(|&t| t == tooks[0]),
                    "{form}{p:?}{q:?}: {tooks:?}"
                );
                taken += usize::from(tooks[0] == Took::Fast);
            }
        }
    }
    assert!(taken > 100, "{taken}");
}
