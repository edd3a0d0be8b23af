//! Rules 1 to 4 of the fence grammar: the byte-order mark, the opening fence, the
//! closing fence and front matter that never closes, with their negatives.

use super::*;

// Rule 1: an optional byte-order mark at byte 0 is skipped and remembered.
#[test]
fn byte_order_mark() {
    fm(
        "\u{feff}---\ntitle: x\n---\nbody\n",
        true,
        (3, 7, 1, 1),
        ("title: x\n", (7, 16, 2, 1)),
        (16, 20, 3, 1),
        ("body\n", (20, 25, 4, 1)),
    );
    // BOM and CRLF together (synthesized: no upstream file has both).
    fm(
        "\u{feff}---\r\ntitle: x\r\n---\r\nbody\r\n",
        true,
        (3, 8, 1, 1),
        ("title: x\r\n", (8, 18, 2, 1)),
        (18, 23, 3, 1),
        ("body\r\n", (23, 29, 4, 1)),
    );
    fm(
        "\u{feff}---\n---\n",
        true,
        (3, 7, 1, 1),
        ("", (7, 7, 2, 1)),
        (7, 11, 2, 1),
        ("", (11, 11, 3, 1)),
    );
    fm(
        "\u{feff}---\r\n...",
        true,
        (3, 8, 1, 1),
        ("", (8, 8, 2, 1)),
        (8, 11, 2, 1),
        ("", (11, 11, 2, 4)),
    );
    no_fm("", false);
    no_fm("\u{feff}", true);
    no_fm("\u{feff}# Title\n", true);
    no_fm("\u{feff}---", true);
    no_fm("\u{feff}\n---\n---\n", true);
    no_fm("\u{feff} ---\n---\n", true);
    no_fm("\u{feff}----\n---\n", true);
    // Only one byte-order mark is skipped; a second one is body text.
    no_fm("\u{feff}\u{feff}---\nk: v\n---\n", true);
    // A byte-order mark anywhere else is ordinary text.
    no_fm("a\u{feff}---\n---\n", false);
    no_fm(" \u{feff}---\n---\n", false);
}

// Rule 2: the opening fence is exactly `---`, optional spaces or tabs, LF or CRLF.
#[test]
fn opening_fence() {
    fm(
        "---\nk: v\n---\n",
        false,
        (0, 4, 1, 1),
        ("k: v\n", (4, 9, 2, 1)),
        (9, 13, 3, 1),
        ("", (13, 13, 4, 1)),
    );
    fm(
        "--- \t \nk: v\n---\n",
        false,
        (0, 7, 1, 1),
        ("k: v\n", (7, 12, 2, 1)),
        (12, 16, 3, 1),
        ("", (16, 16, 4, 1)),
    );
    fm(
        "---\t\r\nk: v\r\n---\r\n",
        false,
        (0, 6, 1, 1),
        ("k: v\r\n", (6, 12, 2, 1)),
        (12, 17, 3, 1),
        ("", (17, 17, 4, 1)),
    );
    // jekyll test/source/_posts/2015-12-27-extra-spaces.markdown
    fm(
        "---  \nextra: spaces\n---\n\nBest **post** ever\n",
        false,
        (0, 6, 1, 1),
        ("extra: spaces\n", (6, 20, 2, 1)),
        (20, 24, 3, 1),
        ("\nBest **post** ever\n", (24, 44, 4, 1)),
    );
}

// Rule 2, negatives: anything else on the first line means no front matter.
#[test]
fn not_an_opening_fence() {
    for input in [
        "----\nk: v\n---\n",
        "-----\n",
        "---yaml\nk: v\n---\n",
        "--- yaml\nk: v\n---\n",
        "---more\n---\n",
        "---x\n---\n",
        "  ---\nk: v\n---\n",
        " ---\n---\n",
        "\t---\n---\n",
        "\n---\nk: v\n---\n",
        "\r\n---\n---\n",
        " \n---\n---\n",
        "---",
        "--- ",
        "---\t \t",
        "---\r",
        "---\rk: v\n---\n",
        "---\r\r\nk: v\n---\n",
        "--- \r \n---\n",
        "---\r \n---\n",
        "...\nk: v\n...\n",
        "...\n---\n",
        "--\n---\n",
        "-- -\n---\n",
        "- - -\n---\n",
        #[cfg(not(feature = "toml"))]
        "+++\ntitle = 'x'\n+++\n",
        "# Title\n---\nk: v\n---\n",
        "<!-- comment -->\n---\nk: v\n---\n",
        "\u{2014}\n---\n",
        "\u{ff0d}\u{ff0d}\u{ff0d}\n---\n",
        "---\u{a0}\n---\n",
        "---\u{feff}\n---\n",
        "---\u{b}\n---\n",
        "---\u{c}\n---\n",
        "---\0\n---\n",
    ] {
        no_fm(input, false);
    }
}

// Rule 3: the closing fence is the first later `---` or `...` line, optional spaces or
// tabs, then LF, CRLF or the end of input.
#[test]
fn closing_fence() {
    fm(
        "---\nk: v\n...\nbody",
        false,
        (0, 4, 1, 1),
        ("k: v\n", (4, 9, 2, 1)),
        (9, 13, 3, 1),
        ("body", (13, 17, 4, 1)),
    );
    fm(
        "---\nk: v\n---  \t\nb",
        false,
        (0, 4, 1, 1),
        ("k: v\n", (4, 9, 2, 1)),
        (9, 16, 3, 1),
        ("b", (16, 17, 4, 1)),
    );
    fm(
        "---\nk: v\n...\t \r\nb",
        false,
        (0, 4, 1, 1),
        ("k: v\n", (4, 9, 2, 1)),
        (9, 16, 3, 1),
        ("b", (16, 17, 4, 1)),
    );
    fm(
        "---\r\nk: v\r\n...\r\n\r\n# T\r\n",
        false,
        (0, 5, 1, 1),
        ("k: v\r\n", (5, 11, 2, 1)),
        (11, 16, 3, 1),
        ("\r\n# T\r\n", (16, 23, 4, 1)),
    );
    // The first fence line closes, whichever marker it uses.
    fm(
        "---\na: 1\n...\nb: 2\n---\n",
        false,
        (0, 4, 1, 1),
        ("a: 1\n", (4, 9, 2, 1)),
        (9, 13, 3, 1),
        ("b: 2\n---\n", (13, 22, 4, 1)),
    );
    // Fences with different line endings.
    fm(
        "---\r\nk: v\n---\r\nx",
        false,
        (0, 5, 1, 1),
        ("k: v\n", (5, 10, 2, 1)),
        (10, 15, 3, 1),
        ("x", (15, 16, 4, 1)),
    );
    // jekyll test/source/_posts/2014-03-03-yaml-with-dots.md
    fm(
        "---\ntitle: Test Post Where YAML Ends in Dots\n...\n\n# Test\n",
        false,
        (0, 4, 1, 1),
        ("title: Test Post Where YAML Ends in Dots\n", (4, 45, 2, 1)),
        (45, 49, 3, 1),
        ("\n# Test\n", (49, 57, 4, 1)),
    );
}

// Rule 3, negatives: lines that look like fences but never close.
#[test]
fn lines_that_do_not_close() {
    fm(
        "---\ntitle: a---\n---more\n...more\n  ---\n \t...\n\t---\n----\n....\n.. .\n- --\n---x\n---\n",
        false,
        (0, 4, 1, 1),
        (
            "title: a---\n---more\n...more\n  ---\n \t...\n\t---\n----\n....\n.. .\n- --\n---x\n",
            (4, 74, 2, 1),
        ),
        (74, 78, 13, 1),
        ("", (78, 78, 14, 1)),
    );
    fm(
        "---\n--- x\n---\u{a0}\n---\r\r\n---\rx\n---\n",
        false,
        (0, 4, 1, 1),
        ("--- x\n---\u{a0}\n---\r\r\n---\rx\n", (4, 28, 2, 1)),
        (28, 32, 6, 1),
        ("", (32, 32, 7, 1)),
    );
    // `---` inside a YAML block scalar still closes: the grammar knows no YAML.
    fm(
        "---\ntext: |\n  a\n---\n  b\n",
        false,
        (0, 4, 1, 1),
        ("text: |\n  a\n", (4, 16, 2, 1)),
        (16, 20, 4, 1),
        ("  b\n", (20, 24, 5, 1)),
    );
    // A byte-order mark on a later line is text.
    fm(
        "---\n\u{feff}---\n...\n",
        false,
        (0, 4, 1, 1),
        ("\u{feff}---\n", (4, 11, 2, 1)),
        (11, 15, 3, 1),
        ("", (15, 15, 4, 1)),
    );
}

// Rule 3: a closing fence may end the input; the body is then empty and starts at the
// end of the closing line.
#[test]
fn closing_fence_at_end_of_input() {
    fm(
        "---\nk: v\n---",
        false,
        (0, 4, 1, 1),
        ("k: v\n", (4, 9, 2, 1)),
        (9, 12, 3, 1),
        ("", (12, 12, 3, 4)),
    );
    fm(
        "---\nk: v\n...",
        false,
        (0, 4, 1, 1),
        ("k: v\n", (4, 9, 2, 1)),
        (9, 12, 3, 1),
        ("", (12, 12, 3, 4)),
    );
    fm(
        "---\nk: v\n--- \t",
        false,
        (0, 4, 1, 1),
        ("k: v\n", (4, 9, 2, 1)),
        (9, 14, 3, 1),
        ("", (14, 14, 3, 6)),
    );
    fm(
        "---\r\nk: v\r\n---",
        false,
        (0, 5, 1, 1),
        ("k: v\r\n", (5, 11, 2, 1)),
        (11, 14, 3, 1),
        ("", (14, 14, 3, 4)),
    );
    fm(
        "---\n---",
        false,
        (0, 4, 1, 1),
        ("", (4, 4, 2, 1)),
        (4, 7, 2, 1),
        ("", (7, 7, 2, 4)),
    );
    fm(
        "---\nt: \u{e9}\n---",
        false,
        (0, 4, 1, 1),
        ("t: \u{e9}\n", (4, 10, 2, 1)),
        (10, 13, 3, 1),
        ("", (13, 13, 3, 4)),
    );
    fm(
        "\u{feff}---\n\u{3b1}: \u{3b2}\n...",
        true,
        (3, 7, 1, 1),
        ("\u{3b1}: \u{3b2}\n", (7, 14, 2, 1)),
        (14, 17, 3, 1),
        ("", (17, 17, 3, 4)),
    );
}

// Rule 4: an opening fence without a closing fence is an error at the opening fence.
#[test]
fn unterminated_front_matter() {
    let many_lines = format!("---\n{}", "k: v\n".repeat(10_000));
    for input in [
        "---\n",
        "---\r\n",
        "--- \n",
        "---\t\r\n",
        "---\ntitle: x\n",
        "---\ntitle: x",
        "---\n\n",
        "---\n  ---\n",
        "---\ntitle: a---\n---more\n",
        "---\n----\n",
        "---\n.. .\n",
        "---\n....",
        "---\n---x",
        "---\n -- -\n",
        "---\n+++\n",
        "---\n\u{feff}---\n",
        // A fence line ending in a lone CR is not a fence line.
        "---\nk: v\n---\r",
        "---\nk: v\n...\r",
        "---\nk: v\n---\r\r\n",
        "---\nk: v\n...\rx",
        // jekyll test/source/_includes/sig.markdown
        "---\nTom Preston-Werner\ngithub.com/mojombo\n",
        &many_lines,
    ] {
        unterminated(input, (0, 3, 1, 1));
    }
    for input in ["\u{feff}---\n", "\u{feff}---\r\n", "\u{feff}---\nk: v\n"] {
        unterminated(input, (3, 6, 1, 1));
    }
    assert_eq!(
        split("---\n").unwrap_err().to_string(),
        "unterminated front matter: the opening `---` has no closing `---` or `...` line at line 1 column 1"
    );
    assert_eq!(
        split("\u{feff}---\r\ntitle: x\r\n").unwrap_err().to_string(),
        "unterminated front matter: the opening `---` has no closing `---` or `...` line at line 1 column 1"
    );
}
