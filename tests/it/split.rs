//! Every rule of the fence grammar (DESIGN.md, "Fence grammar (normative)") and its
//! negatives, with exact texts and exact spans: byte range, line and column.

use masthead::{split, split_bytes, Document, Kind, Location, Span};

/// A span as `(start, end, line, column)`.
type Sp = (usize, usize, usize, usize);

const UNTERMINATED: &str =
    "unterminated front matter: the opening `---` has no closing `---` or `...` line";

fn sp(span: Span) -> Sp {
    (span.start(), span.end(), span.line(), span.column())
}

/// Checks what holds for every successful split: the source, the agreement of
/// `split_bytes`, positions that match `Location::of`, and exact reassembly.
#[track_caller]
fn check_document(input: &str, doc: &Document<'_>) {
    assert_eq!(doc.source(), input, "source of {input:?}");
    assert_eq!(
        split_bytes(input.as_bytes()).as_ref(),
        Ok(doc),
        "split_bytes disagrees with split on {input:?}"
    );
    let mut spans = vec![doc.body_span()];
    spans.extend(doc.opening_fence_span());
    spans.extend(doc.front_matter_span());
    spans.extend(doc.closing_fence_span());
    for span in spans {
        assert_eq!(
            span.location(),
            Location::of(input, span.start()),
            "span {span:?} of {input:?} disagrees with Location::of"
        );
        assert_eq!(doc.location(span.start()), span.location());
    }
    let parts = [
        doc.opening_fence_span(),
        doc.front_matter_span(),
        doc.closing_fence_span(),
        Some(doc.body_span()),
    ];
    let mut again = String::from(if doc.has_bom() { "\u{feff}" } else { "" });
    for span in parts.into_iter().flatten() {
        again.push_str(&input[span.range()]);
    }
    assert_eq!(again, input, "reassembly of {input:?}");
}

/// `input` has front matter: the opening fence, the block, the closing fence and the
/// body are exactly these, at exactly these positions.
#[track_caller]
fn fm(input: &str, bom: bool, open: Sp, block: (&str, Sp), close: Sp, body: (&str, Sp)) {
    let doc = split(input).unwrap_or_else(|e| panic!("split({input:?}) failed: {e}"));
    assert!(doc.has_front_matter(), "no front matter in {input:?}");
    assert_eq!(doc.has_bom(), bom, "has_bom of {input:?}");
    assert_eq!(
        doc.front_matter(),
        Some(block.0),
        "front_matter of {input:?}"
    );
    assert_eq!(doc.body(), body.0, "body of {input:?}");
    let spans = (
        doc.opening_fence_span().map(sp),
        doc.front_matter_span().map(sp),
        doc.closing_fence_span().map(sp),
        sp(doc.body_span()),
    );
    assert_eq!(
        spans,
        (Some(open), Some(block.1), Some(close), body.1),
        "spans (open, block, close, body) of {input:?}"
    );
    check_document(input, &doc);
}

/// `input` has no front matter: the whole input after the byte-order mark is the body.
#[track_caller]
fn no_fm(input: &str, bom: bool) {
    let doc = split(input).unwrap_or_else(|e| panic!("split({input:?}) failed: {e}"));
    assert!(!doc.has_front_matter(), "front matter found in {input:?}");
    assert_eq!(doc.has_bom(), bom, "has_bom of {input:?}");
    assert_eq!(doc.front_matter(), None, "front_matter of {input:?}");
    let start = if bom { 3 } else { 0 };
    assert_eq!(doc.body(), &input[start..], "body of {input:?}");
    assert_eq!(
        sp(doc.body_span()),
        (start, input.len(), 1, 1),
        "body span of {input:?}"
    );
    assert_eq!(doc.opening_fence_span(), None);
    assert_eq!(doc.front_matter_span(), None);
    assert_eq!(doc.closing_fence_span(), None);
    check_document(input, &doc);
}

/// `input` opens front matter that never closes; the error points at the opening fence.
#[track_caller]
fn unterminated(input: &str, span: Sp) {
    let err = split(input).expect_err(input);
    assert_eq!(
        err.kind(),
        Kind::UnterminatedFrontMatter,
        "kind for {input:?}"
    );
    assert_eq!(err.kind().as_str(), "unterminated-front-matter");
    assert_eq!(err.path(), "", "path for {input:?}");
    assert_eq!(err.message(), UNTERMINATED, "message for {input:?}");
    assert_eq!(sp(err.span()), span, "span for {input:?}");
    assert_eq!((err.line(), err.column()), (span.2, span.3));
    assert_eq!(err.location(), Location::of(input, span.0));
    assert_eq!(
        err.to_string(),
        format!("{UNTERMINATED} at line {} column {}", span.2, span.3),
        "Display for {input:?}"
    );
    assert_eq!(split_bytes(input.as_bytes()).as_ref(), Err(&err));
}

/// `input` is not UTF-8: the error names the first bad byte, exactly.
#[track_caller]
fn bad_utf8(input: &[u8], span: Sp, display: &str) {
    let err = split_bytes(input).expect_err(&format!("{input:?}"));
    assert_eq!(err.kind(), Kind::InvalidUtf8, "kind for {input:?}");
    assert_eq!(err.kind().as_str(), "invalid-utf8");
    assert_eq!(err.path(), "", "path for {input:?}");
    assert_eq!(sp(err.span()), span, "span for {input:?}");
    assert_eq!((err.line(), err.column()), (span.2, span.3));
    assert_eq!(err.to_string(), display, "Display for {input:?}");
    assert_eq!(
        format!("{} at {}", err.message(), err.location()),
        display,
        "message for {input:?}"
    );
}

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
