//! Messages of the errors that come before typed parsing: no front matter, front
//! matter that never closes, YAML syntax and bytes that are not UTF-8.

use super::*;

#[test]
fn unterminated_front_matter() {
    const MSG: &str = "unterminated front matter: the opening `---` has no closing `---` or `...` line at line 1 column 1";
    for src in [
        "---\ntitle: x\n",
        "---\n",
        "---\ntitle: x",
        "---\ntitle: x\n----\n  ---\n---more\ntitle: a---\n",
        "---  \ntitle: x\n",
    ] {
        check(&case(
            meta,
            src,
            "unterminated-front-matter",
            "",
            (1, 1, 0),
            "---",
            MSG,
        ));
    }
}

#[test]
fn no_front_matter() {
    const MSG: &str =
        "no front matter: the document does not start with a `---` line at line 1 column 1";
    for src in [
        "# Just Markdown\n",
        "",
        "\n---\ntitle: x\n---\n",
        " ---\ntitle: x\n---\n",
        "----\ntitle: x\n----\n",
        "---yaml\ntitle: x\n---\n",
        "---",
    ] {
        check(&case(
            required_meta,
            src,
            "no-front-matter",
            "",
            (1, 1, 0),
            "",
            MSG,
        ));
    }
}

#[test]
fn yaml_syntax() {
    let cases = [
        // Bad indentation: a key more indented than its sibling, under a scalar.
        case(
            meta,
            "---\ntitle: a\n  b: c\n---\n",
            "yaml-syntax",
            "",
            (3, 4, 16),
            "",
            "invalid YAML: mapping values are not allowed in this context at line 3 column 4",
        ),
        case(
            meta,
            "---\ntitle: x\n bad: y\n---\n",
            "yaml-syntax",
            "",
            (3, 5, 17),
            "",
            "invalid YAML: mapping values are not allowed in this context at line 3 column 5",
        ),
        // An unclosed `[`: the sequence is still open where the block ends, at the
        // closing fence.
        case(
            meta,
            "---\ntitle: [a, b\n---\n",
            "yaml-syntax",
            "",
            (3, 1, 17),
            "",
            "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2 column 8) at line 3 column 1",
        ),
        // Jekyll's own broken fixture, `_broken/bad_post.md`.
        case(
            any,
            "---\nbad yaml: [\n---\nbody\n",
            "yaml-syntax",
            "",
            (3, 1, 16),
            "",
            "invalid YAML: did not find expected node content (while parsing a flow node) at line 3 column 1",
        ),
        // `%` cannot start a plain scalar (PowerShell-Docs, ForEach-Object.md).
        case(
            any,
            "---\naliases:\n  - %\n---\n",
            "yaml-syntax",
            "",
            (3, 5, 17),
            "",
            "invalid YAML: found character that cannot start any token (while scanning for the next token) at line 3 column 5",
        ),
        // Tabs do not indent.
        case(
            meta,
            "---\ntitle: x\n\tdate: y\n---\n",
            "yaml-syntax",
            "",
            (3, 1, 13),
            "",
            "invalid YAML: found a tab character that violates indentation (while scanning a plain scalar that starts at line 2 column 8) at line 3 column 1",
        ),
        case(
            any,
            "---\ntags:\n\t- x\n---\n",
            "yaml-syntax",
            "",
            (3, 1, 10),
            "",
            "invalid YAML: found character that cannot start any token (while scanning for the next token) at line 3 column 1",
        ),
        // An unclosed quote runs to the end of the block.
        case(
            meta,
            "---\ntitle: \"abc\n---\n",
            "yaml-syntax",
            "",
            (3, 1, 16),
            "",
            "invalid YAML: found unexpected end of stream (while scanning a quoted scalar that starts at line 2 column 8) at line 3 column 1",
        ),
        // Columns count characters, offsets bytes: `ü` is one column, two bytes.
        case(
            meta,
            "---\ntitle: ü: b\n---\n",
            "yaml-syntax",
            "",
            (2, 9, 13),
            "",
            "invalid YAML: mapping values are not allowed in this context at line 2 column 9",
        ),
        case(
            meta,
            "---\ntitle: \"日本語\"\nx: [a, b\n---\n",
            "yaml-syntax",
            "",
            (4, 1, 32),
            "",
            "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 3 column 4) at line 4 column 1",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

/// `(input, path-free expectations)` for bytes that are not UTF-8; the CRLF and BOM
/// versions are made here too.
#[test]
fn invalid_utf8() {
    /// `(input, (line, column, offset), bytes of the span, Display)`.
    type Utf8Case = (
        &'static [u8],
        (usize, usize, usize),
        &'static [u8],
        &'static str,
    );
    let cases: [Utf8Case; 4] = [
        (
            b"---\ntitle: caf\xe9\n---\n",
            (2, 11, 14),
            b"\xe9",
            "invalid UTF-8: byte `0xe9` does not begin a valid sequence at line 2 column 11",
        ),
        // After `é` (2 bytes) and `’` (3 bytes): column 10, offset 16.
        (
            b"---\ntitle: \xc3\xa9\xe2\x80\x99\xff\n---\n",
            (2, 10, 16),
            b"\xff",
            "invalid UTF-8: byte `0xff` does not begin a valid sequence at line 2 column 10",
        ),
        (
            b"---\ntitle: x\n---\nbody \xe2\x82",
            (4, 6, 22),
            b"\xe2\x82",
            "invalid UTF-8: the input ends inside a character that begins with byte `0xe2` at line 4 column 6",
        ),
        (
            b"---\ntitle: \xe2\x82\n---\n",
            (2, 8, 11),
            b"\xe2\x82",
            "invalid UTF-8: byte `0xe2` does not begin a valid sequence at line 2 column 8",
        ),
    ];
    for (src, (line, column, offset), text, display) in cases {
        let crlf: Vec<u8> = src
            .iter()
            .flat_map(|&b| {
                if b == b'\n' {
                    vec![b'\r', b'\n']
                } else {
                    vec![b]
                }
            })
            .collect();
        let bom: Vec<u8> = b"\xef\xbb\xbf".iter().chain(src).copied().collect();
        for (variant, bytes, offset) in [
            ("LF", src.to_vec(), offset),
            ("CRLF", crlf, offset + line - 1),
            ("BOM", bom, offset + 3),
        ] {
            let err = masthead::from_slice::<Meta>(&bytes).unwrap_err();
            let got = facts(&err);
            let want = (
                Kind::InvalidUtf8.as_str(),
                "",
                line,
                column,
                offset,
                display.to_owned(),
            );
            assert_eq!(got, want, "{variant} {bytes:?}");
            assert_eq!(&bytes[err.span().range()], text, "{variant}");
            assert_eq!(
                masthead::split_bytes(&bytes).unwrap_err(),
                err,
                "{variant}: from_slice and split_bytes agree"
            );
        }
    }
}
