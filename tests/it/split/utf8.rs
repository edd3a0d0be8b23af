//! Bytes that are not UTF-8: `split_bytes` names the first bad byte exactly, and on
//! valid UTF-8 it is `split`.

use super::*;

#[test]
fn split_bytes_invalid_utf8() {
    let starts = |byte: &str, at: &str| {
        format!("invalid UTF-8: byte `{byte}` does not begin a valid sequence at {at}")
    };
    let ends = |byte: &str, at: &str| {
        format!(
            "invalid UTF-8: the input ends inside a character that begins with byte `{byte}` at {at}"
        )
    };
    bad_utf8(b"\xff", (0, 1, 1, 1), &starts("0xff", "line 1 column 1"));
    // UTF-16LE with a BOM, like jekyll's _encodings/Unicode16LECRLFandBOM.md.
    bad_utf8(
        b"\xff\xfe-\0-\0-\0\r\0\n\0",
        (0, 1, 1, 1),
        &starts("0xff", "line 1 column 1"),
    );
    bad_utf8(
        b"---\ntitle: caf\xe9\n---\n",
        (14, 15, 2, 11),
        &starts("0xe9", "line 2 column 11"),
    );
    assert_eq!(
        split_bytes(b"---\ntitle: caf\xe9\n---\n")
            .unwrap_err()
            .to_string(),
        "invalid UTF-8: byte `0xe9` does not begin a valid sequence at line 2 column 11"
    );
    // The byte-order mark is not a column.
    bad_utf8(
        b"\xef\xbb\xbf\xff",
        (3, 4, 1, 1),
        &starts("0xff", "line 1 column 1"),
    );
    bad_utf8(
        b"\xef\xbb\xbf---\r\n\xc0\xaf\r\n---\r\n",
        (8, 9, 2, 1),
        &starts("0xc0", "line 2 column 1"),
    );
    // In the body: the whole input is checked.
    bad_utf8(
        b"---\na: 1\n---\nbody \x80",
        (18, 19, 4, 6),
        &starts("0x80", "line 4 column 6"),
    );
    // Columns count characters: `t`, `:`, ` `, `é`, `€` come before the bad byte.
    bad_utf8(
        b"---\nt: \xc3\xa9\xe2\x82\xac\xff\n---\n",
        (12, 13, 2, 6),
        &starts("0xff", "line 2 column 6"),
    );
    // A surrogate, a code point above U+10FFFF, an overlong encoding.
    bad_utf8(
        b"a\xed\xa0\x80",
        (1, 2, 1, 2),
        &starts("0xed", "line 1 column 2"),
    );
    bad_utf8(
        b"---\n\xf4\x90\x80\x80\n---\n",
        (4, 5, 2, 1),
        &starts("0xf4", "line 2 column 1"),
    );
    bad_utf8(
        b"\xe0\x80\x80",
        (0, 1, 1, 1),
        &starts("0xe0", "line 1 column 1"),
    );
    // A sequence cut short by an ASCII byte: the span covers the bytes read.
    bad_utf8(
        b"\xe2\x82x",
        (0, 2, 1, 1),
        &starts("0xe2", "line 1 column 1"),
    );
    bad_utf8(
        b"a\r\nb\r\n\xfe",
        (6, 7, 3, 1),
        &starts("0xfe", "line 3 column 1"),
    );
    // Bad bytes win over an unterminated block.
    bad_utf8(
        b"---\n\xff",
        (4, 5, 2, 1),
        &starts("0xff", "line 2 column 1"),
    );
    // Truncated sequences at the end of the input.
    bad_utf8(
        b"---\nk: \xe2\x82",
        (7, 9, 2, 4),
        &ends("0xe2", "line 2 column 4"),
    );
    bad_utf8(
        b"\xf0\x9f\x98",
        (0, 3, 1, 1),
        &ends("0xf0", "line 1 column 1"),
    );
    bad_utf8(
        b"---\n---\nbody \xc3",
        (13, 14, 3, 6),
        &ends("0xc3", "line 3 column 6"),
    );
    bad_utf8(b"\xef\xbb", (0, 2, 1, 1), &ends("0xef", "line 1 column 1"));
}

#[test]
fn split_bytes_on_valid_utf8_is_split() {
    for input in [
        "",
        "---\nk: v\n---\nbody",
        "\u{feff}---\r\n...\r\nx",
        "no front matter",
        "\u{feff}---",
    ] {
        assert_eq!(split_bytes(input.as_bytes()), split(input), "{input:?}");
    }
    unterminated("---\nk: \u{e9}\n", (0, 3, 1, 1));
}

proptest::proptest! {
    /// `split_bytes` (a SIMD check first) accepts exactly what std's `from_utf8`
    /// accepts, and an error names the byte std names: pieces of valid and broken
    /// sequences at every offset of the 32- and 64-byte blocks the SIMD check reads.
    #[test]
    fn split_bytes_agrees_with_std_on_any_bytes(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                &b"a"[..], b"---\n", b"\n", b"\xc4\x81", b"\xe2\x80\xa8", b"\xf0\x9f\x98\x80",
                b"\xef\xbb\xbf", b"\xc4", b"\xe2\x80", b"\xf0\x9f\x98", b"\x81", b"\xff",
                b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"aaaaaaaaaaaaaaaa",
            ]),
            0..40,
        ),
    ) {
        let bytes = pieces.concat();
        match (split_bytes(&bytes), std::str::from_utf8(&bytes)) {
            // UTF-8: what `split` makes of it, a document or an error (an opening
            // fence without its closing one).
            (ours, Ok(text)) => proptest::prop_assert_eq!(ours, split(text)),
            (Err(e), Err(std)) => {
                proptest::prop_assert_eq!(e.kind(), Kind::InvalidUtf8);
                proptest::prop_assert_eq!(e.span().start(), std.valid_up_to());
            }
            (ours, std) => proptest::prop_assert!(false, "{:?} vs {:?}", ours, std),
        }
    }
}
