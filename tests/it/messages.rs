//! Messages are API: for every error kind that typed parsing can produce, the exact
//! `Display`, kind, field path, line, column and byte offset, and the text the span
//! covers. Each case also runs on a CRLF and a BOM version of the same document: the
//! line and column stay the same, the offset moves by one byte per earlier line
//! (CRLF) or by the three bytes of the byte-order mark.

// The target structs exist to be deserialized into; their fields are never read.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

use masthead::{Error, Kind, Options, Release};
use serde::de::IgnoredAny;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Meta {
    title: String,
}

#[derive(Debug, Deserialize)]
struct Tags {
    tags: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Author {
    name: String,
    url: String,
}

#[derive(Debug, Deserialize)]
struct Post {
    author: Author,
}

#[derive(Debug, Deserialize)]
struct Posts {
    authors: Vec<Author>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Strict {
    title: String,
    #[serde(default)]
    date: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Site {
    author: StrictAuthor,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StrictAuthor {
    name: String,
}

type Parse = fn(&str) -> Result<(), Error>;

fn meta(s: &str) -> Result<(), Error> {
    masthead::from_str::<Meta>(s).map(drop)
}
fn tags(s: &str) -> Result<(), Error> {
    masthead::from_str::<Tags>(s).map(drop)
}
fn post(s: &str) -> Result<(), Error> {
    masthead::from_str::<Post>(s).map(drop)
}
fn posts(s: &str) -> Result<(), Error> {
    masthead::from_str::<Posts>(s).map(drop)
}
fn strict(s: &str) -> Result<(), Error> {
    masthead::from_str::<Strict>(s).map(drop)
}
fn site(s: &str) -> Result<(), Error> {
    masthead::from_str::<Site>(s).map(drop)
}
fn release(s: &str) -> Result<(), Error> {
    masthead::from_str::<Release>(s).map(drop)
}
fn any(s: &str) -> Result<(), Error> {
    masthead::from_str::<IgnoredAny>(s).map(drop)
}
fn btree(s: &str) -> Result<(), Error> {
    masthead::from_str::<BTreeMap<String, String>>(s).map(drop)
}
fn nested_btree(s: &str) -> Result<(), Error> {
    masthead::from_str::<BTreeMap<String, BTreeMap<String, u32>>>(s).map(drop)
}
fn hash(s: &str) -> Result<(), Error> {
    masthead::from_str::<HashMap<String, String>>(s).map(drop)
}
fn required_meta(s: &str) -> Result<(), Error> {
    Options::new()
        .require_front_matter(true)
        .from_str::<Meta>(s)
        .map(drop)
}
fn document_deserialize(s: &str) -> Result<(), Error> {
    masthead::split(s)?.deserialize::<Meta>().map(drop)
}

/// One row: the LF input, what must come out, and the text its span covers
/// (empty for an empty span).
struct Case {
    parse: Parse,
    src: String,
    kind: &'static str,
    path: &'static str,
    line: usize,
    column: usize,
    offset: usize,
    text: &'static str,
    display: &'static str,
}

#[allow(clippy::too_many_arguments)]
fn case(
    parse: Parse,
    src: impl Into<String>,
    kind: &'static str,
    path: &'static str,
    (line, column, offset): (usize, usize, usize),
    text: &'static str,
    display: &'static str,
) -> Case {
    Case {
        parse,
        src: src.into(),
        kind,
        path,
        line,
        column,
        offset,
        text,
        display,
    }
}

/// Runs `case` on its LF, CRLF and BOM versions.
#[track_caller]
fn check(case: &Case) {
    assert!(
        !case.src.contains('\r'),
        "cases are written with LF: {:?}",
        case.src
    );
    check_one(case, "LF", &case.src, case.offset, case.text);
    let crlf = case.src.replace('\n', "\r\n");
    let text = case.text.replace('\n', "\r\n");
    check_one(case, "CRLF", &crlf, case.offset + case.line - 1, &text);
    let bom = format!("\u{feff}{}", case.src);
    check_one(case, "BOM", &bom, case.offset + 3, case.text);
}

#[track_caller]
fn check_one(case: &Case, variant: &str, src: &str, offset: usize, text: &str) {
    let Err(err) = (case.parse)(src) else {
        panic!("{variant} {src:?}: parsed, expected {}", case.display);
    };
    let got = (
        err.kind().as_str(),
        err.path(),
        err.line(),
        err.column(),
        err.span().start(),
        err.to_string(),
    );
    let want = (
        case.kind,
        case.path,
        case.line,
        case.column,
        offset,
        case.display.to_owned(),
    );
    assert_eq!(got, want, "{variant} {src:?}");
    let span = err.span();
    assert_eq!(&src[span.range()], text, "{variant} {src:?}: span text");
    assert_eq!(span.is_empty(), text.is_empty());
    let at = err.location();
    assert_eq!(
        (at.line(), at.column(), at.offset()),
        (case.line, case.column, offset)
    );
    assert_eq!(at, src_location(src, offset), "{variant} {src:?}: location");
    assert!(
        err.to_string().ends_with(&format!(
            "{} at line {} column {}",
            err.message(),
            case.line,
            case.column
        )),
        "{variant}: Display is the message plus the position: {err}"
    );
}

/// The location of `offset` computed independently of the crate: 1-based line
/// (lines end at LF), 1-based column in characters, a leading BOM not counted.
fn src_location(src: &str, offset: usize) -> masthead::Location {
    let before = &src[..offset];
    let line = 1 + before.matches('\n').count();
    let line_text = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let line_text = if line == 1 {
        line_text.strip_prefix('\u{feff}').unwrap_or(line_text)
    } else {
        line_text
    };
    let at = masthead::Location::of(src, offset);
    assert_eq!(
        (at.line(), at.column()),
        (line, 1 + line_text.chars().count())
    );
    at
}

/// The press release used by the `Release` cases. Lines and their byte offsets:
///
/// ```text
///  1    0  ---
///  2    4  title: Budget
///  3   18  date: 2024-05-30
///  4   35  url: https://www.beehive.govt.nz/release/budget
///  5   83  ministers:
///  6   94    - Hon Nicola Willis
///  7  116  portfolios:
///  8  128    - Finance
///  9  140  ---
/// 10  144  body
/// ```
const RELEASE: &str = "---
title: Budget
date: 2024-05-30
url: https://www.beehive.govt.nz/release/budget
ministers:
  - Hon Nicola Willis
portfolios:
  - Finance
---
body
";

/// [`RELEASE`] with whole lines replaced: `(old, new)`, where an empty `new` removes
/// the line and a `new` with line breaks inserts several.
#[track_caller]
fn release_with(edits: &[(&str, &str)]) -> String {
    let mut lines: Vec<String> = RELEASE.lines().map(str::to_owned).collect();
    for (old, new) in edits {
        let i = lines
            .iter()
            .position(|l| l == old)
            .unwrap_or_else(|| panic!("no line {old:?}"));
        if new.is_empty() {
            lines.remove(i);
        } else {
            (*new).clone_into(&mut lines[i]);
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn the_release_template_parses() {
    let parsed = masthead::from_str::<Release>(RELEASE).unwrap();
    assert_eq!(parsed.metadata.title, "Budget");
    assert_eq!(parsed.body, "body\n");
    assert_eq!(&RELEASE[83..94], "ministers:\n");
    assert_eq!(&RELEASE[140..144], "---\n");
}

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

#[test]
fn invalid_type() {
    let cases = [
        // A list for a string, flow and block.
        case(
            meta,
            "---\ntitle: [a, b]\n---\n",
            "invalid-type",
            "title",
            (2, 8, 11),
            "[a, b]",
            "field `title`: invalid type: sequence, expected a string at line 2 column 8",
        ),
        case(
            meta,
            "---\ntitle:\n  - a\n  - b\n---\n",
            "invalid-type",
            "title",
            (3, 3, 13),
            "- a\n  - b",
            "field `title`: invalid type: sequence, expected a string at line 3 column 3",
        ),
        case(
            meta,
            "---\ntitle: {a: 1}\n---\n",
            "invalid-type",
            "title",
            (2, 8, 11),
            "{a: 1}",
            "field `title`: invalid type: mapping, expected a string at line 2 column 8",
        ),
        // A scalar for a Vec.
        case(
            tags,
            "---\ntags: rust\n---\n",
            "invalid-type",
            "tags",
            (2, 7, 10),
            "rust",
            "field `tags`: invalid type: string `rust`, expected a list at line 2 column 7",
        ),
        // The root is a list or a scalar where a struct is expected.
        case(
            meta,
            "---\n- a\n- b\n---\n",
            "invalid-type",
            "",
            (2, 1, 4),
            "- a\n- b",
            "invalid type: sequence, expected struct Meta at line 2 column 1",
        ),
        case(
            meta,
            "---\n[a, b]\n---\n",
            "invalid-type",
            "",
            (2, 1, 4),
            "[a, b]",
            "invalid type: sequence, expected struct Meta at line 2 column 1",
        ),
        case(
            meta,
            "---\njust a scalar\n---\n",
            "invalid-type",
            "",
            (2, 1, 4),
            "just a scalar",
            "invalid type: string `just a scalar`, expected struct Meta at line 2 column 1",
        ),
        case(
            meta,
            "---\n42\n---\n",
            "invalid-type",
            "",
            (2, 1, 4),
            "42",
            "invalid type: integer `42`, expected struct Meta at line 2 column 1",
        ),
        case(
            release,
            "---\n- title: Budget\n---\n",
            "invalid-type",
            "",
            (2, 1, 4),
            "- title: Budget",
            "invalid type: sequence, expected struct Release at line 2 column 1",
        ),
        // A scalar for a nested struct.
        case(
            post,
            "---\nauthor: Jane\n---\n",
            "invalid-type",
            "author",
            (2, 9, 12),
            "Jane",
            "field `author`: invalid type: string `Jane`, expected struct Author at line 2 column 9",
        ),
        // Release: a scalar for a list, and the unquoted colon of four real releases
        // (`- Māori Crown Relations: Te Arawhiti` is a mapping).
        case(
            release,
            release_with(&[
                ("ministers:", "ministers: Hon Nicola Willis"),
                ("  - Hon Nicola Willis", ""),
            ]),
            "invalid-type",
            "ministers",
            (5, 12, 94),
            "Hon Nicola Willis",
            "field `ministers`: invalid type: string `Hon Nicola Willis`, expected a list of non-empty strings at line 5 column 12",
        ),
        case(
            release,
            release_with(&[("  - Finance", "  - Māori Crown Relations: Te Arawhiti")]),
            "invalid-type",
            "portfolios[0]",
            (8, 5, 132),
            "Māori Crown Relations: Te Arawhiti",
            "field `portfolios[0]`: invalid type: mapping, expected a non-empty string at line 8 column 5",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn missing_field() {
    let cases = [
        // A missing field of the root points at the opening fence.
        case(
            meta,
            "---\nother: 1\n---\n",
            "missing-field",
            "title",
            (1, 1, 0),
            "---",
            "missing field `title` at line 1 column 1",
        ),
        case(
            meta,
            "---\n---\nbody\n",
            "missing-field",
            "title",
            (1, 1, 0),
            "---",
            "missing field `title` at line 1 column 1",
        ),
        case(
            document_deserialize,
            "---\n# only a comment\n---\n",
            "missing-field",
            "title",
            (1, 1, 0),
            "---",
            "missing field `title` at line 1 column 1",
        ),
        case(
            release,
            release_with(&[("ministers:", ""), ("  - Hon Nicola Willis", "")]),
            "missing-field",
            "ministers",
            (1, 1, 0),
            "---",
            "missing field `ministers` at line 1 column 1",
        ),
        case(
            release,
            release_with(&[("title: Budget", "")]),
            "missing-field",
            "title",
            (1, 1, 0),
            "---",
            "missing field `title` at line 1 column 1",
        ),
        // Without front matter there is no fence: the start of the document.
        case(
            meta,
            "# Just Markdown\n",
            "missing-field",
            "title",
            (1, 1, 0),
            "",
            "missing field `title` at line 1 column 1",
        ),
        // A missing field of a nested struct points at the key that holds the
        // mapping; in a list, at the mapping itself.
        case(
            post,
            "---\nauthor:\n  url: https://example.org/\n---\n",
            "missing-field",
            "author.name",
            (2, 1, 4),
            "author",
            "missing field `author.name` at line 2 column 1",
        ),
        case(
            post,
            "---\nauthor: {url: x}\n---\n",
            "missing-field",
            "author.name",
            (2, 1, 4),
            "author",
            "missing field `author.name` at line 2 column 1",
        ),
        case(
            posts,
            "---\nauthors:\n  - name: A\n    url: x\n  - name: B\n---\n",
            "missing-field",
            "authors[1].url",
            (5, 5, 40),
            "name: B",
            "missing field `authors[1].url` at line 5 column 5",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn empty_value() {
    let title = |line: &'static str| release_with(&[("title: Budget", line)]);
    let cases = [
        // A null with no text points at its key.
        case(
            release,
            title("title:"),
            "empty-value",
            "title",
            (2, 1, 4),
            "title",
            "field `title`: null value, expected a non-empty string at line 2 column 1",
        ),
        case(
            release,
            title("title: ~"),
            "empty-value",
            "title",
            (2, 8, 11),
            "~",
            "field `title`: null value, expected a non-empty string at line 2 column 8",
        ),
        case(
            release,
            title("title: null"),
            "empty-value",
            "title",
            (2, 8, 11),
            "null",
            "field `title`: null value, expected a non-empty string at line 2 column 8",
        ),
        case(
            release,
            title("title: \"\""),
            "empty-value",
            "title",
            (2, 8, 11),
            "\"\"",
            "field `title`: blank value \"\", expected a non-empty string at line 2 column 8",
        ),
        case(
            release,
            title("title: \"  \""),
            "empty-value",
            "title",
            (2, 8, 11),
            "\"  \"",
            "field `title`: blank value \"  \", expected a non-empty string at line 2 column 8",
        ),
        case(
            release,
            release_with(&[
                ("ministers:", "ministers: []"),
                ("  - Hon Nicola Willis", ""),
            ]),
            "empty-value",
            "ministers",
            (5, 12, 94),
            "[]",
            "field `ministers`: empty list, expected at least one entry at line 5 column 12",
        ),
        case(
            release,
            release_with(&[
                ("ministers:", "ministers: [~]"),
                ("  - Hon Nicola Willis", ""),
            ]),
            "empty-value",
            "ministers[0]",
            (5, 13, 95),
            "~",
            "field `ministers[0]`: null value, expected a non-empty string at line 5 column 13",
        ),
        case(
            release,
            release_with(&[("  - Hon Nicola Willis", "  - \"\"")]),
            "empty-value",
            "ministers[0]",
            (6, 5, 98),
            "\"\"",
            "field `ministers[0]`: blank value \"\", expected a non-empty string at line 6 column 5",
        ),
        case(
            release,
            release_with(&[("  - Hon Nicola Willis", "  - Hon Nicola Willis\n  -")]),
            "empty-value",
            "ministers[1]",
            (7, 4, 119),
            "",
            "field `ministers[1]`: null value, expected a non-empty string at line 7 column 4",
        ),
        case(
            release,
            release_with(&[("portfolios:", "portfolios: []"), ("  - Finance", "")]),
            "empty-value",
            "portfolios",
            (7, 13, 128),
            "[]",
            "field `portfolios`: empty list, expected at least one entry at line 7 column 13",
        ),
        case(
            release,
            release_with(&[("date: 2024-05-30", "date:")]),
            "empty-value",
            "date",
            (3, 1, 18),
            "date",
            "field `date`: null value, expected a date at line 3 column 1",
        ),
        case(
            release,
            release_with(&[("url: https://www.beehive.govt.nz/release/budget", "url: ~")]),
            "empty-value",
            "url",
            (4, 6, 40),
            "~",
            "field `url`: null value, expected a URL at line 4 column 6",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn malformed_date() {
    let date = |line: &'static str| release_with(&[("date: 2024-05-30", line)]);
    let cases = [
        case(
            release,
            date("date: 2024-13-45"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "2024-13-45",
            "field `date`: invalid date `2024-13-45`: month 13 is out of range at line 3 column 7",
        ),
        case(
            release,
            date("date: 2024-02-30"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "2024-02-30",
            "field `date`: invalid date `2024-02-30`: 2024-02 has 29 days at line 3 column 7",
        ),
        case(
            release,
            date("date: 2023-02-29"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "2023-02-29",
            "field `date`: invalid date `2023-02-29`: 2023-02 has 28 days at line 3 column 7",
        ),
        case(
            release,
            date("date: 13/05/2024"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "13/05/2024",
            "field `date`: invalid date `13/05/2024`: expected `YYYY-MM-DD` or an RFC 3339 date-time at line 3 column 7",
        ),
        // Quoted, the span covers the quotes and the message shows the value.
        case(
            release,
            date("date: '2024-13-45'"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "'2024-13-45'",
            "field `date`: invalid date `2024-13-45`: month 13 is out of range at line 3 column 7",
        ),
        case(
            release,
            date("date: 2024-05-30T25:00:00Z"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "2024-05-30T25:00:00Z",
            "field `date`: invalid date `2024-05-30T25:00:00Z`: the time part does not follow RFC 3339 (a field is out of range) at line 3 column 7",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn malformed_url() {
    let url = |line: &'static str| {
        release_with(&[("url: https://www.beehive.govt.nz/release/budget", line)])
    };
    let cases = [
        case(
            release,
            url("url: /release/budget"),
            "malformed-url",
            "url",
            (4, 6, 40),
            "/release/budget",
            "field `url`: invalid URL `/release/budget`: a relative URL, expected an absolute one such as `https://example.org/page` at line 4 column 6",
        ),
        case(
            release,
            url("url: www.beehive.govt.nz/release/budget"),
            "malformed-url",
            "url",
            (4, 6, 40),
            "www.beehive.govt.nz/release/budget",
            "field `url`: invalid URL `www.beehive.govt.nz/release/budget`: a relative URL, expected an absolute one such as `https://example.org/page` at line 4 column 6",
        ),
        case(
            release,
            url("url: ftp://ftp.beehive.govt.nz/budget"),
            "malformed-url",
            "url",
            (4, 6, 40),
            "ftp://ftp.beehive.govt.nz/budget",
            "field `url`: invalid URL `ftp://ftp.beehive.govt.nz/budget`: scheme `ftp` is not allowed, expected `http` or `https` at line 4 column 6",
        ),
        case(
            release,
            url("url: https://www.beehive.govt.nz:99999/release/budget"),
            "malformed-url",
            "url",
            (4, 6, 40),
            "https://www.beehive.govt.nz:99999/release/budget",
            "field `url`: invalid URL `https://www.beehive.govt.nz:99999/release/budget`: the port is not a number from 0 to 65535 at line 4 column 6",
        ),
        case(
            release,
            url("url: https://www.beehive.govt.nz:port/release/budget"),
            "malformed-url",
            "url",
            (4, 6, 40),
            "https://www.beehive.govt.nz:port/release/budget",
            "field `url`: invalid URL `https://www.beehive.govt.nz:port/release/budget`: the port is not a number from 0 to 65535 at line 4 column 6",
        ),
        // Attachments may use any scheme, but must be absolute.
        case(
            release,
            release_with(&[(
                "  - Finance",
                "  - Finance\nattachments:\n  - https://www.beehive.govt.nz/a.pdf\n  - /sites/default/files/budget.pdf",
            )]),
            "malformed-url",
            "attachments[1]",
            (11, 5, 195),
            "/sites/default/files/budget.pdf",
            "field `attachments[1]`: invalid URL `/sites/default/files/budget.pdf`: a relative URL, expected an absolute one with a scheme at line 11 column 5",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn duplicate_key() {
    let cases = [
        // A derived struct: serde notices the second `title`.
        case(
            meta,
            "---\ntitle: x\ntitle: y\n---\n",
            "duplicate-key",
            "title",
            (3, 1, 13),
            "title",
            "duplicate key `title` at line 3 column 1",
        ),
        case(
            release,
            release_with(&[("  - Finance", "  - Finance\ntitle: Again")]),
            "duplicate-key",
            "title",
            (9, 1, 140),
            "title",
            "duplicate key `title` at line 9 column 1",
        ),
        case(
            post,
            "---\nauthor:\n  url: x\n  name: n\n  url: y\n---\n",
            "duplicate-key",
            "author.url",
            (5, 3, 33),
            "url",
            "field `author.url`: duplicate key `url` at line 5 column 3",
        ),
        // Map targets keep no record of repeated keys; the bridge finds them.
        case(
            btree,
            "---\na: x\nb: y\na: z\n---\n",
            "duplicate-key",
            "a",
            (4, 1, 14),
            "a",
            "duplicate key `a` at line 4 column 1",
        ),
        case(
            hash,
            "---\na: x\nb: y\na: z\n---\n",
            "duplicate-key",
            "a",
            (4, 1, 14),
            "a",
            "duplicate key `a` at line 4 column 1",
        ),
        // `a` and `'a'` are the same key; the third occurrence is not reported.
        case(
            btree,
            "---\na: x\n'a': y\n\"a\": z\n---\n",
            "duplicate-key",
            "a",
            (3, 1, 9),
            "'a'",
            "duplicate key `a` at line 3 column 1",
        ),
        case(
            btree,
            "---\n{a: x, b: y, a: z}\n---\n",
            "duplicate-key",
            "a",
            (2, 14, 17),
            "a",
            "duplicate key `a` at line 2 column 14",
        ),
        // The same key in two mappings is fine; repeated in one nested mapping, not.
        case(
            nested_btree,
            "---\nx:\n  a: 1\ny:\n  a: 2\n  a: 3\n---\n",
            "duplicate-key",
            "y.a",
            (6, 3, 26),
            "a",
            "field `y.a`: duplicate key `a` at line 6 column 3",
        ),
        // Even where the value is ignored.
        case(
            any,
            "---\ntags: [a]\nextra:\n  k: 1\n  k: 2\n---\n",
            "duplicate-key",
            "extra.k",
            (5, 3, 30),
            "k",
            "field `extra.k`: duplicate key `k` at line 5 column 3",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn unknown_field() {
    let cases = [
        case(
            strict,
            "---\ntitle: x\nsubtitle: y\n---\n",
            "unknown-field",
            "subtitle",
            (3, 1, 13),
            "subtitle",
            "unknown field `subtitle`, expected `title` or `date` at line 3 column 1",
        ),
        case(
            strict,
            "---\nsubtitle: y\ntitle: x\n---\n",
            "unknown-field",
            "subtitle",
            (2, 1, 4),
            "subtitle",
            "unknown field `subtitle`, expected `title` or `date` at line 2 column 1",
        ),
        case(
            strict,
            "---\ntitle: x\n\"sub title\": y\n---\n",
            "unknown-field",
            "sub title",
            (3, 1, 13),
            "\"sub title\"",
            "unknown field `sub title`, expected `title` or `date` at line 3 column 1",
        ),
        case(
            site,
            "---\nauthor:\n  name: Jane\n  email: jane@example.org\n---\n",
            "unknown-field",
            "author.email",
            (4, 3, 27),
            "email",
            "field `author.email`: unknown field `email`, expected `name` at line 4 column 3",
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
            let got = (
                err.kind(),
                err.path(),
                err.line(),
                err.column(),
                err.span().start(),
                err.to_string(),
            );
            let want = (
                Kind::InvalidUtf8,
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

/// Every kind that typed parsing can produce has a row above; `limit-exceeded`
/// belongs to the limits tests, `toml-syntax` to the TOML tests.
#[test]
fn every_kind_is_covered() {
    let covered = [
        "no-front-matter",
        "unterminated-front-matter",
        "yaml-syntax",
        "invalid-type",
        "missing-field",
        "empty-value",
        "malformed-date",
        "malformed-url",
        "duplicate-key",
        "unknown-field",
        "invalid-utf8",
    ];
    let all: Vec<&str> = Kind::ALL
        .iter()
        .map(|k| k.as_str())
        .filter(|k| !["limit-exceeded", "toml-syntax", "io-error"].contains(k))
        .collect();
    assert_eq!(all, covered);
}

#[test]
fn error_autotraits_and_size() {
    fn assert_traits<
        T: Clone + Eq + Send + Sync + std::fmt::Debug + std::error::Error + 'static,
    >() {
    }
    assert_traits::<Error>();
    assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    assert_eq!(
        std::mem::size_of::<Result<(), Error>>(),
        std::mem::size_of::<usize>()
    );
    // Clone and Eq compare everything: kind, path, message and span.
    let a = masthead::from_str::<Meta>("---\ntitle: [x]\n---\n").unwrap_err();
    let b = a.clone();
    assert_eq!(a, b);
    let c = masthead::from_str::<Meta>("---\ntitle:  [x]\n---\n").unwrap_err();
    assert_eq!(
        (a.kind(), a.path(), a.message()),
        (c.kind(), c.path(), c.message())
    );
    assert_ne!(a.span(), c.span());
    assert_ne!(a, c);
    // One line, with neither an inner source nor a trailing period.
    for err in [&a, &c] {
        let text = err.to_string();
        assert!(!text.contains('\n') && !text.ends_with('.'), "{text}");
        assert!(std::error::Error::source(err).is_none());
    }
}
