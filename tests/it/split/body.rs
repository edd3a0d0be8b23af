//! Rules 5 to 7 of the fence grammar (empty front matter, the byte-exact body, line
//! endings), and positions over multi-byte text and very long lines.

use super::*;

// Rule 5: `---` directly followed by a closing fence is an empty front matter.
#[test]
fn empty_front_matter() {
    for input in ["---\n---\n", "---\n...\n"] {
        fm(
            input,
            false,
            (0, 4, 1, 1),
            ("", (4, 4, 2, 1)),
            (4, 8, 2, 1),
            ("", (8, 8, 3, 1)),
        );
    }
    fm(
        "---\r\n---\r\n",
        false,
        (0, 5, 1, 1),
        ("", (5, 5, 2, 1)),
        (5, 10, 2, 1),
        ("", (10, 10, 3, 1)),
    );
    // jekyll test/source/_roles/unnamed.md
    fm(
        "---\r\n---\r\n\r\nNo `name` in front matter.\r\n",
        false,
        (0, 5, 1, 1),
        ("", (5, 5, 2, 1)),
        (5, 10, 2, 1),
        ("\r\nNo `name` in front matter.\r\n", (10, 40, 3, 1)),
    );
    // jekyll test/source/_posts/2009-06-22-empty-yaml.markdown
    fm(
        "---\n---\nEmpty YAML.",
        false,
        (0, 4, 1, 1),
        ("", (4, 4, 2, 1)),
        (4, 8, 2, 1),
        ("Empty YAML.", (8, 19, 3, 1)),
    );
    // Present and empty is not absent.
    let empty = split("---\n---\n").unwrap();
    let absent = split("").unwrap();
    assert!(empty.has_front_matter() && !absent.has_front_matter());
    assert_eq!(
        (empty.front_matter(), absent.front_matter()),
        (Some(""), None)
    );
    assert_ne!(empty, absent);
}

// Rule 6: the body is every byte after the closing fence's line ending.
#[test]
fn body_is_byte_exact() {
    fm(
        "---\na: 1\n---\n---\n...\n---\n",
        false,
        (0, 4, 1, 1),
        ("a: 1\n", (4, 9, 2, 1)),
        (9, 13, 3, 1),
        ("---\n...\n---\n", (13, 25, 4, 1)),
    );
    fm(
        "---\na: 1\n---\n\n  body \r\n\r\n\t",
        false,
        (0, 4, 1, 1),
        ("a: 1\n", (4, 9, 2, 1)),
        (9, 13, 3, 1),
        ("\n  body \r\n\r\n\t", (13, 26, 4, 1)),
    );
    fm(
        "---\n---\n\u{feff}\r---\r",
        false,
        (0, 4, 1, 1),
        ("", (4, 4, 2, 1)),
        (4, 8, 2, 1),
        ("\u{feff}\r---\r", (8, 16, 3, 1)),
    );
    let rules = "---\n".repeat(1_000);
    fm(
        &format!("---\na: 1\n---\n{rules}"),
        false,
        (0, 4, 1, 1),
        ("a: 1\n", (4, 9, 2, 1)),
        (9, 13, 3, 1),
        (&rules, (13, 4_013, 4, 1)),
    );
    // Without front matter, rules in the body are just text.
    no_fm("# T\n---\n---\n", false);
    no_fm("# T\n\n---\n", false);
}

// Rule 7: lines end at LF; a CR before the LF belongs to the line ending.
#[test]
fn line_endings() {
    // A lone CR does not end a line.
    fm(
        "---\na\rb: 1\n---\nx",
        false,
        (0, 4, 1, 1),
        ("a\rb: 1\n", (4, 11, 2, 1)),
        (11, 15, 3, 1),
        ("x", (15, 16, 4, 1)),
    );
    // `\r\r\n` is one line ending in `\r` then a CRLF.
    fm(
        "---\na: 1\r\r\n---\n",
        false,
        (0, 4, 1, 1),
        ("a: 1\r\r\n", (4, 11, 2, 1)),
        (11, 15, 3, 1),
        ("", (15, 15, 4, 1)),
    );
    fm(
        "---\nk: v\n---\r\r\n---\nb",
        false,
        (0, 4, 1, 1),
        ("k: v\n---\r\r\n", (4, 15, 2, 1)),
        (15, 19, 4, 1),
        ("b", (19, 20, 5, 1)),
    );
    fm(
        "---\nk: v\n---\rbody\n---\n",
        false,
        (0, 4, 1, 1),
        ("k: v\n---\rbody\n", (4, 18, 2, 1)),
        (18, 22, 4, 1),
        ("", (22, 22, 5, 1)),
    );
    no_fm("---\r\r\n---\n", false);
    no_fm("---\r", false);
    unterminated("---\r\n", (0, 3, 1, 1));
}

// Positions count characters, not bytes; keys and values may be any text.
#[test]
fn multi_byte_text() {
    let input = "---\nt: \u{e9}\u{20ac}\u{1f600}\n---\nb";
    fm(
        input,
        false,
        (0, 4, 1, 1),
        ("t: \u{e9}\u{20ac}\u{1f600}\n", (4, 17, 2, 1)),
        (17, 21, 3, 1),
        ("b", (21, 22, 4, 1)),
    );
    let at = split(input)
        .unwrap()
        .location(input.find('\u{1f600}').unwrap());
    assert_eq!((at.offset(), at.line(), at.column()), (12, 2, 6));
    fm(
        "---\ncl\u{e9}: 1\n\u{65e5}\u{672c}\u{8a9e}: 2\n\u{43a}\u{43b}\u{44e}\u{447}: 3\n---\n\u{442}\u{435}\u{43b}\u{43e}\n",
        false,
        (0, 4, 1, 1),
        (
            "cl\u{e9}: 1\n\u{65e5}\u{672c}\u{8a9e}: 2\n\u{43a}\u{43b}\u{44e}\u{447}: 3\n",
            (4, 37, 2, 1),
        ),
        (37, 41, 5, 1),
        ("\u{442}\u{435}\u{43b}\u{43e}\n", (41, 50, 6, 1)),
    );
}

#[test]
fn very_long_lines() {
    let value = "\u{e9}".repeat(50_000);
    let block = format!("k: {value}\n");
    fm(
        &format!("---\n{block}---\nbody"),
        false,
        (0, 4, 1, 1),
        (&block, (4, 100_008, 2, 1)),
        (100_008, 100_012, 3, 1),
        ("body", (100_012, 100_016, 4, 1)),
    );
    fm(
        &format!("---{}\nk\n---\n", " \t".repeat(5_000)),
        false,
        (0, 10_004, 1, 1),
        ("k\n", (10_004, 10_006, 2, 1)),
        (10_006, 10_010, 3, 1),
        ("", (10_010, 10_010, 4, 1)),
    );
    let body = "x".repeat(100_000);
    fm(
        &format!("---\n---\n{body}"),
        false,
        (0, 4, 1, 1),
        ("", (4, 4, 2, 1)),
        (4, 8, 2, 1),
        (&body, (8, 100_008, 3, 1)),
    );
    let lines = "k: v\n".repeat(10_000);
    fm(
        &format!("---\n{lines}---\n"),
        false,
        (0, 4, 1, 1),
        (&lines, (4, 50_004, 2, 1)),
        (50_004, 50_008, 10_002, 1),
        ("", (50_008, 50_008, 10_003, 1)),
    );
    no_fm(&format!("{}\n---\n---\n", "-".repeat(100_000)), false);
}
