//! Unit tests of the YAML bridge's line scan: repeated keys are never missed, the
//! widest prefix is the one the limits check computes, and null documents.

use super::{duplicate_key, is_null_document, limits, scan, to_text, tree, value};
use crate::path::Segment;
use crate::tree::NodeKind;
use crate::{Kind, Limits};

/// Whether `block` may hold a repeated key; see [`scan`].
fn may_repeat_a_key(block: &str) -> bool {
    scan(block).may_repeat
}

#[test]
fn repeated_keys_are_never_missed_by_the_scan() {
    // Keys that may be equal: the full check decides.
    for block in [
        "a: 1\na: 2\n",
        "a: 1\n'a': 2\n",
        "a: 1\n\"a\" : 2\n",
        "x:\n  a: 1\ny:\n  - a: 2\n",
        "{a: 1, b: 2, a: 3}\n",
        "{\"a\":1, \"a\":2}\n",
        "x: [{a: 1}, {a: 2}]\n",
        "- - a: 1\n  - a: 2\n",
        "\"a, b\": 1\n'a, b': 2\n",
        "\"a: b\": 1\n'a: b': 2\n",
        "\"\\x61\": 1\na: 2\n",
        "'it''s': 1\n\"it's\": 2\n",
        "&k a: 1\na: 2\n",
        "!!str a: 1\na: 2\n",
        "? a\n: 1\na: 2\n",
        "b: &x 1\n*x : 2\n",
        "\"\": 1\n",
        "tags: [a, b]\nauthor: {name: x, url: y}\n",
        "a:\tb\na : c\n",
        "- a: 1\n- a: 2\n",
        // One mapping in a sequence item: the `- ` is no part of the first key.
        "- a: 1\n  a: 2\n",
    ] {
        assert!(may_repeat_a_key(block), "{block:?}");
    }
    // Keys that cannot be equal: no second parse.
    for block in [
        "",
        "title: \"He Rā Maumahara: national commemoration\"\ndate: 2024-05-13\n",
        "url: https://www.beehive.govt.nz/release/x\nattachments:\n  - https://a.nz/b.pdf\n",
        "title: What next? R&D now!\ntime: 12:30\n",
        "tags: [a, b]\nkeywords: []\n",
        "ministers:\n  - Hon A\n  -\nportfolios: [x: y]\n",
    ] {
        assert!(!may_repeat_a_key(block), "{block:?}");
    }
}

#[test]
fn the_line_scan_finds_the_widest_prefix() {
    for block in [
        "",
        "a: 1\n",
        "a:\n  - - b: 1\n",
        "- - - x\n  -\n",
        "a: {b: c}\n      - - x\n",
        "'q': 1\n? - - - a\n: - b\n",
        "a: 1\na: 2\n    - - -x\n",
        "x:\n\t- :-? y\n# c\n          \n",
    ] {
        assert_eq!(
            scan(block).widest,
            limits::widest_prefix(block.as_bytes()),
            "{block:?}"
        );
    }
}

#[test]
fn null_documents() {
    assert!(is_null_document(""));
    assert!(is_null_document("# just a comment\n\n  # another\r\n"));
    // Blank lines before the first comment, or nothing but blank lines.
    assert!(is_null_document("\n  \r\n# after blank lines\n"));
    assert!(is_null_document("\r\n"));
    assert!(!is_null_document("a: 1\n"));
}

#[test]
fn past_32_keys_the_scan_still_finds_a_repeat() {
    // The first 32 keys are kept on the stack, the rest in a set.
    let keys: String = (0..40).map(|i| format!("key{i}: {i}\n")).collect();
    assert!(!may_repeat_a_key(&keys), "40 distinct keys");
    for repeated in [0, 31, 32, 35, 39] {
        let block = format!("{keys}key{repeated}: again\n");
        assert!(may_repeat_a_key(&block), "key{repeated} repeated");
    }
}

#[test]
fn a_block_of_exactly_the_byte_limit_is_read() {
    // The block `a: 1\n` is 5 bytes.
    let doc = crate::split("---\na: 1\n---\n").unwrap();
    assert!(value(&doc, Limits::new().max_bytes(5)).is_ok());
    let err = value(&doc, Limits::new().max_bytes(4)).unwrap_err();
    assert_eq!(err.kind(), Kind::LimitExceeded);
}

#[test]
fn a_depth_limit_below_the_fast_paths_bound_still_applies() {
    // The fast path reads this block, but checks no depth limit of its own.
    let doc = crate::split("---\na:\n  - 1\n---\n").unwrap();
    assert!(value(&doc, Limits::new()).is_ok());
    let err = value(&doc, Limits::new().max_depth(1)).unwrap_err();
    assert_eq!(err.kind(), Kind::LimitExceeded);
    assert_eq!((err.line(), err.column()), (3, 3));
}

#[test]
fn the_span_tree_of_a_block() {
    let doc = crate::split("---\na: [1, 2]\n---\n").unwrap();
    let root = tree(&doc).unwrap();
    let list = root.get(&[Segment::Key("a".into())]).unwrap();
    assert_eq!((list.start, list.end), (3, 9));
    assert!(matches!(&list.kind, NodeKind::Seq(items) if items.len() == 2));
    assert!(tree(&crate::split("no front matter\n").unwrap()).is_none());
}

#[test]
fn a_repeated_key_is_reported_at_its_repetition() {
    let doc = crate::split("---\ntitle: x\ntitle: y\n---\n").unwrap();
    let err = duplicate_key(&doc, doc.front_matter().unwrap()).unwrap();
    assert_eq!(err.kind(), Kind::DuplicateKey);
    assert_eq!(err.message(), "duplicate key `title`");
    assert_eq!(err.span().range(), 13..18);
    assert_eq!((err.line(), err.column()), (3, 1));
    // Of two repeats, the first in the text; nested or not.
    for (block, key, line) in [
        ("a: 1\na: 2\nb: 1\nb: 2\n", "a", 3),
        ("x:\n  a: 1\n  a: 2\nx: 3\n", "a", 4),
        ("- a: 1\n  a: 2\n- b: 1\n  b: 2\n", "a", 3),
    ] {
        let src = format!("---\n{block}---\n");
        let doc = crate::split(&src).unwrap();
        let err = duplicate_key(&doc, block).unwrap();
        assert_eq!(err.message(), format!("duplicate key `{key}`"), "{block:?}");
        assert_eq!(err.line(), line, "{block:?}");
    }
}

#[test]
fn keys_written_as_collections_repeat_by_value() {
    let repeat = |block: &str| {
        let src = format!("---\n{block}---\n");
        let doc = crate::split(&src).unwrap();
        duplicate_key(&doc, block).map(|e| e.line())
    };
    assert_eq!(repeat("? [a, b]\n: 1\n? [a, b]\n: 2\n"), Some(4));
    assert_eq!(repeat("? [a]\n: 1\n? [b]\n: 2\n"), None);
}

#[test]
fn an_empty_mapping_is_written_as_an_empty_block() {
    let empty = std::collections::BTreeMap::<String, u8>::new();
    assert_eq!(to_text(&empty), Ok(String::new()));
    let one = std::collections::BTreeMap::from([("a".to_owned(), 1u8)]);
    assert_eq!(to_text(&one), Ok("a: 1\n".to_owned()));
}
