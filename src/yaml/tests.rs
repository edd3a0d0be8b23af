//! Unit tests of the YAML bridge's line scan: repeated keys are never missed, the
//! widest prefix is the one the limits check computes, and null documents.

use super::{is_null_document, limits, scan};

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
    assert!(!is_null_document("a: 1\n"));
}
