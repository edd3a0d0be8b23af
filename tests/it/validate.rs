//! Validation: for every kind it produces, the exact kind, severity, field path, line,
//! column, message and text under the span, each document checked as written (LF),
//! with CRLF line endings and behind a byte-order mark; the reference cases of the
//! `release` schema; `validate` against the typed `Release`; positions over the real
//! beehive releases (and every other document) of the curated corpus, and of the full
//! one in a sweep; the JSON fields of a diagnostic; and no
//! panic on any input.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use masthead::Kind::*;
use masthead::{
    from_str, from_str_validated, split, split_bytes, validate, Diagnostic, Kind, Location,
    Release, Renderer, Report, Rule, Schema, Severity,
};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

use crate::corpus::{curated, files_under, full, relative};

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// One expected diagnostic: kind, severity, path, line, column, message, and the text
/// of the (LF) source under its span.
type Row<'a> = (Kind, Severity, &'a str, usize, usize, &'a str, &'a str);

/// The report of `src`: a split error becomes a one-diagnostic report.
fn report(src: &str, schema: &Schema) -> Report {
    match split(src) {
        Ok(doc) => validate(&doc, schema),
        Err(e) => Report::from(e),
    }
}

/// The byte offset of the 1-based `line` and `column` (in characters, a leading
/// byte-order mark not counted) of `src`, computed without the crate.
fn offset_of(src: &str, line: usize, column: usize) -> usize {
    let bom = if src.starts_with('\u{feff}') { 3 } else { 0 };
    let mut at = bom;
    for (i, text) in src[bom..].split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return at
                + text
                    .char_indices()
                    .nth(column - 1)
                    .map_or(text.len(), |(b, _)| b);
        }
        at += text.len();
    }
    assert_eq!(column, 1, "line {line} is past the end of {src:?}");
    src.len()
}

#[derive(Debug, Clone, Copy)]
enum Variant {
    Lf,
    Crlf,
    Bom,
}

impl Variant {
    fn apply(self, lf: &str) -> String {
        match self {
            Variant::Lf => lf.to_owned(),
            Variant::Crlf => lf.replace('\n', "\r\n"),
            Variant::Bom => format!("\u{feff}{lf}"),
        }
    }

    /// The text under a span of the LF document, in this variant.
    fn text(self, lf: &str) -> String {
        match self {
            Variant::Crlf => lf.replace('\n', "\r\n"),
            Variant::Lf | Variant::Bom => lf.to_owned(),
        }
    }

    /// Where the LF offset `at` (on 1-based `line`) lies in this variant.
    fn offset(self, at: usize, line: usize) -> usize {
        match self {
            Variant::Lf => at,
            Variant::Crlf => at + (line - 1),
            Variant::Bom => at + 3,
        }
    }
}

type Owned = (Kind, Severity, String, usize, usize, String, String);

/// Checks the report of `lf` under `schema` against `expected`, in the LF, CRLF and
/// BOM variants of the document: same kinds, paths, lines, columns and messages; the
/// same text under each span (with CRLF inside it); byte offsets moved by one per
/// earlier line (CRLF) or by three (BOM).
#[track_caller]
fn check(lf: &str, schema: &Schema, expected: &[Row<'_>]) {
    for variant in [Variant::Lf, Variant::Crlf, Variant::Bom] {
        let src = variant.apply(lf);
        let got = report(&src, schema);
        let found: Vec<Owned> = got
            .iter()
            .map(|d| {
                let text = src[d.span().range()].to_owned();
                let (path, message) = (d.path().to_owned(), d.message().to_owned());
                (
                    d.kind(),
                    d.severity(),
                    path,
                    d.line(),
                    d.column(),
                    message,
                    text,
                )
            })
            .collect();
        let want: Vec<Owned> = expected
            .iter()
            .map(|&(kind, sev, path, line, column, message, text)| {
                let (path, message) = (path.to_owned(), message.to_owned());
                (kind, sev, path, line, column, message, variant.text(text))
            })
            .collect();
        assert_eq!(found, want, "{variant:?} variant of {lf:?}");
        for (d, &(_, _, _, line, column, _, _)) in got.iter().zip(expected) {
            let lf_offset = offset_of(lf, line, column);
            let offset = variant.offset(lf_offset, line);
            assert_eq!(d.span().start(), offset, "{variant:?} offset of {d}");
            assert_eq!(d.span().start(), offset_of(&src, line, column), "{d}");
            assert_eq!(d.span().location(), Location::of(&src, d.span().start()));
        }
        let errors = expected.iter().filter(|r| r.1 == E).count();
        assert_eq!(got.error_count(), errors, "{variant:?} {lf:?}");
        assert_eq!(got.warning_count(), expected.len() - errors);
        assert_eq!(got.is_valid(), errors == 0);
    }
}

/// `title`: a required non-empty string.
fn title() -> Schema {
    Schema::new().required("title", Rule::string().non_empty())
}

/// `ministers`: a required non-empty list of non-empty strings.
fn ministers() -> Schema {
    Schema::new().required(
        "ministers",
        Rule::list(Rule::string().non_empty()).min_len(1),
    )
}

/// `date`: a required date.
fn date() -> Schema {
    Schema::new().required("date", Rule::date())
}

/// `url`: a required absolute `http` or `https` URL.
fn web_url() -> Schema {
    Schema::new().required("url", Rule::url().schemes(["http", "https"]))
}

/// `author`: a required mapping with a required `url`.
fn author() -> Schema {
    Schema::new().required(
        "author",
        Rule::mapping(Schema::new().required("url", Rule::url())),
    )
}

/// `authors`: a required list of mappings, each checked by `entry`.
fn authors(entry: Schema) -> Schema {
    Schema::new().required("authors", Rule::list(Rule::mapping(entry)))
}

/// A strict schema: `title`, and `author` with only `name`.
fn strict() -> Schema {
    let author = Schema::new().optional("name", Rule::string()).strict(true);
    Schema::new()
        .required("title", Rule::string())
        .optional("author", Rule::mapping(author))
        .strict(true)
}

const NO_FENCE: &str = "no front matter: the document does not start with a `---` line";
const UNTERMINATED: &str =
    "unterminated front matter: the opening `---` has no closing `---` or `...` line";
const NOT_A_DATE: &str = "expected `YYYY-MM-DD` or an RFC 3339 date-time";
const MONTH_13: &str = "invalid date `2024-13-45`: month 13 is out of range";
const NULL: &str = "null value, expected a non-empty string";
const BLANK: &str = "blank value \"\", expected a non-empty string";
const SEQ: &str = "invalid type: sequence, expected a string";

#[rustfmt::skip]
#[test]
fn no_front_matter() {
    let row = (NoFrontMatter, E, "", 1, 1, NO_FENCE, "");
    check("# Hello\n\nBody\n", &Schema::release(), &[row]);
    // A blank line before the fence: no front matter, by the grammar.
    check("\n---\ntitle: x\n---\n", &Schema::release(), &[row]);
    // A schema that does not require front matter reads an absent block as empty …
    check("# Hello\n", &Schema::new(), &[]);
    // … so its required fields are missing, at the start of the document.
    let title = Schema::new().required("title", Rule::string());
    check("# Hello\n", &title, &[(MissingField, E, "title", 1, 1, "missing field `title`", "")]);
}

#[rustfmt::skip]
#[test]
fn unterminated_front_matter_from_the_split() {
    let row = (UnterminatedFrontMatter, E, "", 1, 1, UNTERMINATED, "---");
    check("---\ntitle: x\n", &Schema::release(), &[row]);
    check("---\ntitle: x\n----\nbody", &Schema::any(), &[row]);
}

#[rustfmt::skip]
#[test]
fn yaml_syntax() {
    // libyaml stops at the `:` of a mapping it cannot accept …
    check("---\na: b\n c: d\n---\n", &Schema::any(),
        &[(YamlSyntax, E, "", 3, 3, "invalid YAML: mapping values are not allowed in this context", "")]);
    // … at the end of the block (the closing fence's line) for a flow sequence that
    // never closes, before any schema is consulted …
    check("---\ntitle: [a\n---\n", &Schema::release(),
        &[(YamlSyntax, E, "", 3, 1, "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2 column 8)", "")]);
    // … and at a tab that indents a key.
    check("---\n\tdate: x\n---\n", &date(),
        &[(YamlSyntax, E, "", 2, 1, "invalid YAML: found character that cannot start any token, while scanning for the next token", "")]);
}

#[rustfmt::skip]
#[test]
fn invalid_type() {
    let string = Schema::new().required("title", Rule::string());
    check("---\ntitle: [a, b]\n---\n", &string, &[(InvalidType, E, "title", 2, 8, SEQ, "[a, b]")]);
    check("---\ntitle:\n  - a\n  - b\n---\n", &string, &[(InvalidType, E, "title", 3, 3, SEQ, "- a\n  - b")]);
    check("---\ntitle: {a: 1}\n---\n", &string,
        &[(InvalidType, E, "title", 2, 8, "invalid type: mapping, expected a string", "{a: 1}")]);
    // Scalars for a list, each named with its YAML type.
    for (value, what) in [("Jo", "string `Jo`"), ("12", "integer `12`"), ("true", "boolean `true`"), ("1.5", "float `1.5`")] {
        let message = format!("invalid type: {what}, expected a list of non-empty strings");
        check(&format!("---\nministers: {value}\n---\n"), &ministers(),
            &[(InvalidType, E, "ministers", 2, 12, &message, value)]);
    }
    // The root must be a mapping; nothing else is checked when it is not.
    let root_seq = "invalid type: sequence, expected a mapping";
    check("---\n- a\n- b\n---\n", &Schema::any(), &[(InvalidType, E, "", 2, 1, root_seq, "- a\n- b")]);
    check("---\n- a\n---\n", &Schema::release(), &[(InvalidType, E, "", 2, 1, root_seq, "- a")]);
    check("---\nhello\n---\n", &Schema::any(),
        &[(InvalidType, E, "", 2, 1, "invalid type: string `hello`, expected a mapping", "hello")]);
    check("---\n42\n---\n", &Schema::release(),
        &[(InvalidType, E, "", 2, 1, "invalid type: integer `42`, expected a mapping", "42")]);
    // A nested mapping expected.
    check("---\nauthor: Jo\n---\n", &author(),
        &[(InvalidType, E, "author", 2, 9, "invalid type: string `Jo`, expected a mapping", "Jo")]);
    check("---\nauthor:\n  - Jo\n---\n", &author(),
        &[(InvalidType, E, "author", 3, 3, "invalid type: sequence, expected a mapping", "- Jo")]);
    // Inside a list of mappings.
    check("---\nauthors:\n  - name: [A]\n---\n", &authors(Schema::new().required("name", Rule::string())),
        &[(InvalidType, E, "authors[0].name", 3, 11, SEQ, "[A]")]);
    // Too short a list that is not empty.
    check("---\nds: [a]\n---\n", &Schema::new().required("ds", Rule::list(Rule::string()).min_len(2)),
        &[(InvalidType, E, "ds", 2, 5, "invalid length 1, expected at least 2 entries", "[a]")]);
    // A schema names its fields by text: a sequence as a key is no field name …
    check("---\ntitle: x\n? [a]\n: b\n---\n", &title(),
        &[(InvalidType, E, "", 3, 3, "invalid type: sequence as a key, expected a field name", "[a]")]);
    // … while a schema without fields takes any mapping.
    check("---\n? [a]\n: b\n---\n", &Schema::any(), &[]);
}

#[rustfmt::skip]
#[test]
fn missing_field() {
    let two = Schema::new().required("title", Rule::string()).required("date", Rule::date());
    // At the root: the opening fence.
    check("---\ntitle: x\n---\n", &two, &[(MissingField, E, "date", 1, 1, "missing field `date`", "---")]);
    // In a nested mapping, block or flow: its key.
    let nested = (MissingField, E, "author.url", 2, 1, "missing field `author.url`", "author");
    check("---\nauthor:\n  name: A\n---\n", &author(), &[nested]);
    check("---\nauthor: {name: A}\n---\n", &author(), &[nested]);
    // In a mapping inside a list, which has no key: the mapping.
    check("---\nauthors:\n  - name: A\n---\n", &authors(Schema::new().required("url", Rule::url())),
        &[(MissingField, E, "authors[0].url", 3, 5, "missing field `authors[0].url`", "name: A")]);
    // Optional fields may be absent.
    let optional = Schema::new().required("title", Rule::string()).optional("tags", Rule::list(Rule::string()));
    check("---\ntitle: x\n---\n", &optional, &[]);
}

#[rustfmt::skip]
#[test]
fn empty_value() {
    // No text at all: the key stands in for the value.
    check("---\ntitle:\n---\n", &title(), &[(EmptyValue, E, "title", 2, 1, NULL, "title")]);
    check("---\ntitle: ~\n---\n", &title(), &[(EmptyValue, E, "title", 2, 8, NULL, "~")]);
    check("---\ntitle: null\n---\n", &title(), &[(EmptyValue, E, "title", 2, 8, NULL, "null")]);
    check("---\ntitle: \"\"\n---\n", &title(), &[(EmptyValue, E, "title", 2, 8, BLANK, "\"\"")]);
    check("---\ntitle: '  '\n---\n", &title(),
        &[(EmptyValue, E, "title", 2, 8, "blank value \"  \", expected a non-empty string", "'  '")]);
    // A block scalar of blank lines: its indicator.
    check("---\ntitle: |\n  \n\n---\n", &title(), &[(EmptyValue, E, "title", 2, 8, BLANK, "|")]);
    check("---\nministers: []\n---\n", &ministers(),
        &[(EmptyValue, E, "ministers", 2, 12, "empty list, expected at least one entry", "[]")]);
    check("---\nministers: [~]\n---\n", &ministers(), &[(EmptyValue, E, "ministers[0]", 2, 13, NULL, "~")]);
    // An entry that is a bare `-`: the dash stands in for it.
    check("---\nministers:\n  -\n  - A\n---\n", &ministers(), &[(EmptyValue, E, "ministers[0]", 3, 3, NULL, "-")]);
    check("---\nministers:\n  - A\n  - ''\n---\n", &ministers(), &[(EmptyValue, E, "ministers[1]", 4, 5, BLANK, "''")]);
    check("---\nministers:\n---\n", &ministers(),
        &[(EmptyValue, E, "ministers", 2, 1, "null value, expected a list of non-empty strings", "ministers")]);
    check("---\nurl: ''\n---\n", &web_url(), &[(EmptyValue, E, "url", 2, 6, "blank value \"\", expected a URL", "''")]);
    // An optional field may be null.
    check("---\nattachments:\n---\n", &Schema::new().optional("attachments", Rule::list(Rule::url())), &[]);
}

#[rustfmt::skip]
#[test]
fn malformed_date() {
    check("---\ndate: 2024-13-45\n---\n", &date(), &[(MalformedDate, E, "date", 2, 7, MONTH_13, "2024-13-45")]);
    // Characters of several bytes on an earlier line, a comment after the value.
    check("---\ntitle: Grüße 日本\ndate: 2024-02-30 # soon\n---\n", &date(),
        &[(MalformedDate, E, "date", 3, 7, "invalid date `2024-02-30`: 2024-02 has 29 days", "2024-02-30")]);
    // Characters of several bytes before the value on its line: columns count characters.
    check("---\n{é: 1, date: 2023-02-29}\n---\n", &date(),
        &[(MalformedDate, E, "date", 2, 14, "invalid date `2023-02-29`: 2023-02 has 28 days", "2023-02-29")]);
    // A quoted value: the span takes the quotes, the message the value.
    let slashes = format!("invalid date `13/05/2024`: {NOT_A_DATE}");
    check("---\ndate: '13/05/2024'\n---\n", &date(), &[(MalformedDate, E, "date", 2, 7, &slashes, "'13/05/2024'")]);
    let number = format!("invalid date `20240513`: {NOT_A_DATE}");
    check("---\ndate: 20240513\n---\n", &date(), &[(MalformedDate, E, "date", 2, 7, &number, "20240513")]);
    check("---\ndate: 2024-05-13T25:00:00Z\n---\n", &date(), &[(MalformedDate, E, "date", 2, 7,
        "invalid date `2024-05-13T25:00:00Z`: the time part does not follow RFC 3339 (a field is out of range)",
        "2024-05-13T25:00:00Z")]);
    // A tab between the colon and the value.
    check("---\ndate:\t2024-13-45\n---\n", &date(), &[(MalformedDate, E, "date", 2, 7, MONTH_13, "2024-13-45")]);
    // Inside a list and a nested mapping.
    check("---\ndates:\n  - 2024-01-01\n  - 2024-02-30\n---\n", &Schema::new().required("dates", Rule::list(Rule::date())),
        &[(MalformedDate, E, "dates[1]", 4, 5, "invalid date `2024-02-30`: 2024-02 has 29 days", "2024-02-30")]);
    check("---\nevent:\n  date: 2023-02-29\n---\n", &Schema::new().required("event", Rule::mapping(date())),
        &[(MalformedDate, E, "event.date", 3, 9, "invalid date `2023-02-29`: 2023-02 has 28 days", "2023-02-29")]);
    // Through an alias: the alias is where the value is used.
    check("---\na: &x 2024-13-45\ndate: *x\n---\n", &date(), &[(MalformedDate, E, "date", 3, 7, MONTH_13, "*x")]);
}

#[rustfmt::skip]
#[test]
fn malformed_url() {
    check("---\nurl: /release/x\n---\n", &web_url(), &[(MalformedUrl, E, "url", 2, 6,
        "invalid URL `/release/x`: a relative URL, expected an absolute one such as `https://example.org/page`",
        "/release/x")]);
    check("---\nattachments:\n  - https://x.nz/a.pdf\n  - a.pdf\n---\n",
        &Schema::new().optional("attachments", Rule::list(Rule::url())),
        &[(MalformedUrl, E, "attachments[1]", 4, 5,
            "invalid URL `a.pdf`: a relative URL, expected an absolute one with a scheme", "a.pdf")]);
    check("---\nurl: ftp://x.nz/\n---\n", &web_url(), &[(MalformedUrl, E, "url", 2, 6,
        "invalid URL `ftp://x.nz/`: scheme `ftp` is not allowed, expected `http` or `https`", "ftp://x.nz/")]);
    check("---\nurl: 'https://x.nz:99999/'\n---\n", &web_url(), &[(MalformedUrl, E, "url", 2, 6,
        "invalid URL `https://x.nz:99999/`: the port is not a number from 0 to 65535", "'https://x.nz:99999/'")]);
    // A host under a suffix: the suffix itself or a name ending in `.suffix`.
    let govt = Schema::new().required("url", Rule::url().host_suffix(".govt.nz"));
    check("---\nurl: https://www.beehive.govt.nz/\n---\n", &govt, &[]);
    check("---\nurl: https://govt.nz/\n---\n", &govt, &[]);
    for host in ["example.com", "notgovt.nz"] {
        let message = format!("invalid URL `https://{host}/x`: host `{host}` is not `govt.nz` or under it");
        let text = format!("https://{host}/x");
        check(&format!("---\nurl: {text}\n---\n"), &govt, &[(MalformedUrl, E, "url", 2, 6, &message, &text)]);
    }
}

#[rustfmt::skip]
#[test]
fn duplicate_key() {
    let dup = |path, line, column, message, text| (DuplicateKey, E, path, line, column, message, text);
    // Every repetition, each at the repeated key.
    check("---\na: 1\nb: 2\na: 3\na: 4\n---\n", &Schema::any(), &[
        dup("a", 4, 1, "duplicate key `a`", "a"),
        dup("a", 5, 1, "duplicate key `a`", "a"),
    ]);
    // Nested mappings, in source order.
    check("---\nm:\n  k: 1\n  j:\n    k: 1\n    k: 2\n  k: 3\n---\n", &Schema::any(), &[
        dup("m.j.k", 6, 5, "duplicate key `k`", "k"),
        dup("m.k", 7, 3, "duplicate key `k`", "k"),
    ]);
    // Mappings inside a list, block and flow.
    check("---\nl:\n  - k: 1\n    k: 2\n  - {j: 1, j: 2}\n---\n", &Schema::any(), &[
        dup("l[0].k", 4, 5, "duplicate key `k`", "k"),
        dup("l[1].j", 5, 12, "duplicate key `j`", "j"),
    ]);
    // Spelled differently, the same field name.
    check("---\ntitle: a\n'title': b\n---\n", &Schema::any(), &[dup("title", 3, 1, "duplicate key `title`", "'title'")]);
    check("---\n1: a\n'1': b\n---\n", &Schema::any(), &[dup("1", 3, 1, "duplicate key `1`", "'1'")]);
    // An explicit key repeated by an implicit one.
    check("---\n? title\n: x\ntitle: y\n---\n", &Schema::any(), &[dup("title", 4, 1, "duplicate key `title`", "title")]);
    // Validation goes on past a repetition.
    check("---\ntitle: a\ntitle: b\ndate: 2024-13-45\n---\n", &date(), &[
        dup("title", 3, 1, "duplicate key `title`", "title"),
        (MalformedDate, E, "date", 4, 7, MONTH_13, "2024-13-45"),
    ]);
    // A repeated field is checked once, at its first entry.
    check("---\ndate: 2024-01-01\ndate: 2024-13-45\n---\n", &date(), &[dup("date", 3, 1, "duplicate key `date`", "date")]);
}

#[rustfmt::skip]
#[test]
fn unknown_field() {
    check("---\ntitle: x\ntitel: y\n---\n", &strict(),
        &[(UnknownField, E, "titel", 3, 1, "unknown field `titel`, expected `title` or `author`", "titel")]);
    check("---\ntitle: x\nauthor:\n  name: a\n  mail: b\n---\n", &strict(),
        &[(UnknownField, E, "author.mail", 5, 3, "unknown field `mail`, expected `name`", "mail")]);
    check("---\nx: 1\n---\n", &Schema::new().strict(true),
        &[(UnknownField, E, "x", 2, 1, "unknown field `x`, there are no fields", "x")]);
    check("---\nauthors:\n  - name: A\n    url: x\n---\n",
        &authors(Schema::new().required("name", Rule::string()).strict(true)),
        &[(UnknownField, E, "authors[0].url", 4, 5, "unknown field `url`, expected `name`", "url")]);
    // Not strict: anything else is allowed.
    check("---\ntitle: x\ntitel: y\n---\n", &title(), &[]);
}

#[rustfmt::skip]
#[test]
fn the_reference_document_and_the_placeholder_date() {
    check(crate::DESIGN_RELEASE, &Schema::release(), &[]);
    // The archive's placeholder: a warning, and the document stays valid.
    check(&crate::DESIGN_RELEASE.replace("2024-05-13", "0001-01-01"), &Schema::release(),
        &[(MalformedDate, W, "date", 3, 7, "placeholder date `0001-01-01`", "0001-01-01")]);
    // A date that is not one is an error, and the placeholder rule says nothing more.
    check(&crate::DESIGN_RELEASE.replace("2024-05-13", "0001-13-01"), &Schema::release(),
        &[(MalformedDate, E, "date", 3, 7, "invalid date `0001-13-01`: month 13 is out of range", "0001-13-01")]);
}

fn slug() -> Rule {
    Rule::custom(
        "slug",
        |s| s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
        "`{value}` is not a slug of lowercase letters and dashes",
    )
}

#[rustfmt::skip]
#[test]
fn custom_rules() {
    let message = "`Hello World` is not a slug of lowercase letters and dashes";
    let src = "---\nslug: Hello World\n---\n";
    check(src, &Schema::new().required("slug", slug()), &[(InvalidType, E, "slug", 2, 7, message, "Hello World")]);
    check(src, &Schema::new().required("slug", slug().kind(MalformedUrl).warning()),
        &[(MalformedUrl, W, "slug", 2, 7, message, "Hello World")]);
    check("---\nslug: hello-world\n---\n", &Schema::new().required("slug", slug()), &[]);
    // `{value}` stands for the value wherever it appears.
    let quiet = Rule::custom("quiet", |s| s.to_lowercase() == s, "`{value}` shouts; write `{value}` in lowercase");
    check("---\nname: ABC\n---\n", &Schema::new().required("name", quiet),
        &[(InvalidType, E, "name", 2, 7, "`ABC` shouts; write `ABC` in lowercase", "ABC")]);
    // A custom rule checks text; a sequence has none.
    check("---\nslug: [a]\n---\n", &Schema::new().required("slug", slug()),
        &[(InvalidType, E, "slug", 2, 7, "invalid type: sequence, expected a `slug`", "[a]")]);
}

#[rustfmt::skip]
#[test]
fn one_of_and_all() {
    let date_or_dates = Schema::new().required("d", Rule::one_of([Rule::date(), Rule::list(Rule::date())]));
    check("---\nd: 2024-01-01\n---\n", &date_or_dates, &[]);
    check("---\nd: [2024-01-01]\n---\n", &date_or_dates, &[]);
    check("---\nd: x\n---\n", &date_or_dates,
        &[(InvalidType, E, "d", 2, 4, "`x` matches none of: a date, a list of dates", "x")]);
    check("---\nd: [2024-13-45]\n---\n", &date_or_dates,
        &[(InvalidType, E, "d", 2, 4, "sequence matches none of: a date, a list of dates", "[2024-13-45]")]);
    check("---\nd: 12\n---\n", &Schema::new().required("d", Rule::one_of([Rule::date(), Rule::url()])),
        &[(InvalidType, E, "d", 2, 4, "`12` matches none of: a date, a URL", "12")]);
    // One alternative: its own diagnostics.
    let x = format!("invalid date `x`: {NOT_A_DATE}");
    check("---\nd: x\n---\n", &Schema::new().required("d", Rule::one_of([Rule::date()])),
        &[(MalformedDate, E, "d", 2, 4, &x, "x")]);

    // `all`: each rule reports its own problems, until one fails with an error.
    let https = Rule::custom("https", |s| s.starts_with("https:"), "`{value}` is not https").warning();
    let https = Schema::new().required("u", Rule::all([Rule::url(), https]));
    check("---\nu: http://x.nz/\n---\n", &https,
        &[(InvalidType, W, "u", 2, 4, "`http://x.nz/` is not https", "http://x.nz/")]);
    check("---\nu: /x\n---\n", &https, &[(MalformedUrl, E, "u", 2, 4,
        "invalid URL `/x`: a relative URL, expected an absolute one with a scheme", "/x")]);
    check("---\nu: https://x.nz/\n---\n", &https, &[]);
    // Inside a warning rule, every problem is a warning.
    check("---\nds: [x, 2024-01-01]\n---\n", &Schema::new().required("ds", Rule::list(Rule::date()).warning()),
        &[(MalformedDate, W, "ds[0]", 2, 6, &x, "x")]);
}

#[rustfmt::skip]
#[test]
fn missing_title_bad_date_relative_url() {
    let src = "---\ndate: 2024-13-45\nurl: /relative\nministers: [A]\nportfolios: [B]\n---\nbody\n";
    check(src, &Schema::release(), &[
        (MissingField, E, "title", 1, 1, "missing field `title`", "---"),
        (MalformedDate, E, "date", 2, 7, MONTH_13, "2024-13-45"),
        (MalformedUrl, E, "url", 3, 6,
            "invalid URL `/relative`: a relative URL, expected an absolute one such as `https://example.org/page`",
            "/relative"),
    ]);
    assert_eq!(
        report(src, &Schema::release()).to_string(),
        "invalid document: 3 errors, 0 warnings; first: error[missing-field]: missing field `title` at line 1 column 1"
    );
}

#[rustfmt::skip]
#[test]
fn an_empty_block_misses_five_fields() {
    let five = [
        (MissingField, E, "title", 1, 1, "missing field `title`", "---"),
        (MissingField, E, "date", 1, 1, "missing field `date`", "---"),
        (MissingField, E, "url", 1, 1, "missing field `url`", "---"),
        (MissingField, E, "ministers", 1, 1, "missing field `ministers`", "---"),
        (MissingField, E, "portfolios", 1, 1, "missing field `portfolios`", "---"),
    ];
    check("---\n---\n", &Schema::release(), &five);
    check("---\n...\nbody\n", &Schema::release(), &five);
    check("---\n# only a comment\n\n---\n", &Schema::release(), &five);
    check("---\n~\n---\n", &Schema::release(), &five);
}

/// Where the diagnostic `d` of `src` claims to be is where it is: inside the input,
/// on character boundaries, at the line and column of its first byte; and its
/// `Display` is one line free of control characters.
#[track_caller]
fn check_position(src: &str, d: &Diagnostic, origin: &str) {
    let span = d.span();
    assert!(
        span.start() <= span.end() && span.end() <= src.len(),
        "{origin}: {d} has span {span:?} outside the input"
    );
    assert!(
        src.is_char_boundary(span.start()) && src.is_char_boundary(span.end()),
        "{origin}: {d} splits a character"
    );
    assert_eq!(
        span.location(),
        Location::of(src, span.start()),
        "{origin}: {d}"
    );
    let lines = src.split('\n').count();
    assert!(d.line() >= 1 && d.line() <= lines, "{origin}: {d}");
    let shown = d.to_string();
    assert!(
        !shown.chars().any(char::is_control),
        "{origin}: {shown:?} is not one clean line"
    );
}

/// The top-level entries of a block whose keys are plain words at column 1 (as in
/// every beehive file): key, the byte range of its entry (relative to the block) and
/// the text after its colon on the key's line.
fn top_level(block: &str) -> Vec<(&str, std::ops::Range<usize>, &str)> {
    let mut out: Vec<(&str, std::ops::Range<usize>, &str)> = Vec::new();
    let mut at = 0;
    for line in block.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let key = text.split_once(':').filter(|(k, _)| {
            !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
        if let Some((key, rest)) = key {
            if let Some(last) = out.last_mut() {
                last.1.end = at;
            }
            out.push((key, at..block.len(), rest.trim()));
        }
        at += line.len();
    }
    out
}

/// The beehive folder of a corpus root.
struct Beehive<'a> {
    /// Files, and files with front matter.
    files: (usize, usize),
    /// Diagnostics by (kind, severity).
    kinds: &'a [((&'a str, &'a str), usize)],
    /// Missing-field diagnostics by field.
    missing: &'a [(&'a str, usize)],
    /// Files valid under the release schema.
    valid: usize,
}

/// Every beehive file under `root` validates under the release schema with exact
/// positions, and agrees with the typed `Release`; the counts are `want`.
fn beehive_positions(root: &Path, want: &Beehive<'_>) {
    let beehive = root.join("beehive");
    let release = Schema::release();
    let mut kinds: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut missing: BTreeMap<String, usize> = BTreeMap::new();
    let mut named: Vec<(String, &str, String)> = Vec::new();
    let (mut total, mut with_front_matter, mut valid, mut typed) = (0, 0, 0, 0);
    for path in files_under(&beehive) {
        let origin = relative(&path, &beehive);
        let src = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{origin}: {e}"));
        total += 1;
        let doc = split(&src).unwrap_or_else(|e| panic!("{origin}: {e}"));
        let report = validate(&doc, &release);
        for d in &report {
            check_position(&src, d, &origin);
            if d.path() != "portfolios" {
                named.push((origin.clone(), d.kind().as_str(), d.path().to_owned()));
            }
            if d.kind() == InvalidType {
                assert_eq!(&src[d.span().range()], "Māori Crown Relations: Te Arawhiti");
            }
            *kinds
                .entry((d.kind().as_str(), d.severity().as_str()))
                .or_default() += 1;
            match d.kind() {
                Kind::MissingField => {
                    let open = doc.opening_fence_span().unwrap();
                    assert_eq!(d.span().range(), open.start()..open.start() + 3, "{origin}");
                    assert_eq!(&src[d.span().range()], "---");
                    *missing.entry(d.path().to_owned()).or_default() += 1;
                }
                Kind::NoFrontMatter => {
                    assert!(!doc.has_front_matter());
                    assert_eq!((d.span().start(), d.span().len()), (0, 0), "{origin}");
                }
                _ => {
                    // The field's top-level entry holds the span; a field's own
                    // value on the key's line is exactly the text under it.
                    let block_span = doc.front_matter_span().unwrap();
                    let block = doc.front_matter().unwrap();
                    let top = d.path().split(['.', '[']).next().unwrap();
                    let (_, range, inline) = top_level(block)
                        .into_iter()
                        .find(|(k, _, _)| *k == top)
                        .unwrap_or_else(|| panic!("{origin}: no key for {d}"));
                    let start = d.span().start() - block_span.start();
                    assert!(range.contains(&start), "{origin}: {d} outside `{top}`");
                    if d.path() == top {
                        assert_eq!(&src[d.span().range()], inline, "{origin}: {d}");
                    }
                }
            }
        }
        if report.is_valid() {
            valid += 1;
        }
        if doc.has_front_matter() {
            with_front_matter += 1;
            // Valid under the release schema if and only if it is a `Release`.
            let parsed = from_str::<Release>(&src);
            assert_eq!(
                report.is_valid(),
                parsed.is_ok(),
                "{origin}: validate says {report}, the typed parse {:?}",
                parsed.as_ref().err()
            );
            typed += usize::from(parsed.is_ok());
            let checked = from_str_validated::<Release>(&src, &release);
            match (&checked, report.is_valid()) {
                (Ok(v), true) => {
                    assert_eq!(Some(&v.metadata), parsed.as_ref().ok().map(|p| &p.metadata));
                    assert_eq!(v.warnings, report);
                }
                (Err(r), false) => assert_eq!(r, &report, "{origin}"),
                _ => panic!("{origin}: from_str_validated disagrees with validate"),
            }
        }
    }
    // SOURCES.md: 2,001 files, 1,999 with front matter (LICENSE.md and README.md have
    // none); `ministers` absent in 2 files and `portfolios` in 28; one empty title;
    // two placeholder dates, warnings only. Not in the notes but real: four releases
    // list the portfolio `Māori Crown Relations: Te Arawhiti` unquoted, which YAML
    // reads as a one-entry mapping, not a string.
    assert_eq!((total, with_front_matter), want.files);
    let expected: BTreeMap<(&str, &str), usize> = want.kinds.iter().copied().collect();
    assert_eq!(kinds, expected);
    let expected: BTreeMap<String, usize> = want
        .missing
        .iter()
        .map(|&(k, n)| (k.to_owned(), n))
        .collect();
    assert_eq!(missing, expected);
    // The files SOURCES.md names, and the four it does not.
    let named: Vec<(&str, &str, &str)> = named
        .iter()
        .map(|(origin, kind, path)| (origin.as_str(), *kind, path.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("LICENSE.md", "no-front-matter", ""),
            ("README.md", "no-front-matter", ""),
            ("releases/0001/01/0001-01-01-challenge-laid-new-zealands-digital-future.md", "malformed-date", "date"),
            ("releases/0001/01/0001-01-01-new-zealand-one-worlds-simplest-tax-systems.md", "malformed-date", "date"),
            ("releases/2006/01/2006-01-01-30433.md", "empty-value", "title"),
            ("releases/2010/11/2010-11-11-taskforce-green-funding-cleans-quake-damage.md", "missing-field", "ministers"),
            ("releases/2017/05/2017-05-25-budget-2017-overview.md", "missing-field", "ministers"),
            ("releases/2018/03/2018-03-10-he-ra-maumahara-national-commemoration-recognises-new-zealand-wars-first-time.md", "invalid-type", "portfolios[1]"),
            ("releases/2021/02/2021-02-04-2022-matariki-holiday-date-announced.md", "invalid-type", "portfolios[1]"),
            ("releases/2022/02/2022-02-22-govt-ensures-extra-support-maori-and-pacific-omicron-response.md", "invalid-type", "portfolios[0]"),
            ("releases/2022/05/2022-05-13-kua-panuihia-nga-kaupapa-mo-matariki-ahunga-nui.md", "invalid-type", "portfolios[0]"),
        ]
    );
    // No file with two problems: invalid files are those with an error.
    assert_eq!((valid, typed), (want.valid, want.valid));
}

#[test]
fn beehive_positions_kinds_and_the_typed_release() {
    // tests/corpus/SOURCES.md: 61 files, 59 with front matter; every named oddity,
    // with 4 of the 28 files without `portfolios`. 13 invalid files: 2 + 1 + 4 + 6.
    beehive_positions(
        curated(),
        &Beehive {
            files: (61, 59),
            kinds: &[
                (("empty-value", "error"), 1),
                (("invalid-type", "error"), 4),
                (("malformed-date", "warning"), 2),
                (("missing-field", "error"), 6),
                (("no-front-matter", "error"), 2),
            ],
            missing: &[("ministers", 2), ("portfolios", 4)],
            valid: 48,
        },
    );
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_beehive_positions_kinds_and_the_typed_release() {
    // 37 invalid files, no file with two problems: 2 + 1 + 4 + 30.
    beehive_positions(
        &full(),
        &Beehive {
            files: (2001, 1999),
            kinds: &[
                (("empty-value", "error"), 1),
                (("invalid-type", "error"), 4),
                (("malformed-date", "warning"), 2),
                (("missing-field", "error"), 30),
                (("no-front-matter", "error"), 2),
            ],
            missing: &[("ministers", 2), ("portfolios", 28)],
            valid: 1964,
        },
    );
}

/// Every file under `root` validates under the release and the `any` schema with
/// positions inside the document; under `any`, only the documents known to be broken
/// give diagnostics; under `release` there are `release_total` diagnostics.
fn positions_under_two_schemas(root: &Path, release_total: usize) {
    let release = Schema::release();
    let any = Schema::any();
    let renderer = Renderer::new();
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut syntax = Vec::new();
    for path in files_under(root) {
        let origin = relative(&path, root);
        let bytes = fs::read(&path).unwrap();
        let (src, reports) = match split_bytes(&bytes) {
            Ok(doc) => (
                doc.source(),
                [
                    ("release", validate(&doc, &release)),
                    ("any", validate(&doc, &any)),
                ],
            ),
            Err(e) => {
                let src = std::str::from_utf8(&bytes).unwrap_or("");
                let one = Report::from(e);
                (src, [("release", one.clone()), ("any", one)])
            }
        };
        for (schema, report) in &reports {
            for d in report {
                *counts.entry((schema, d.kind().as_str())).or_default() += 1;
                if d.kind() == Kind::InvalidUtf8 {
                    continue;
                }
                check_position(src, d, &origin);
                if d.kind() == Kind::MissingField {
                    let marker = &src[d.span().range()];
                    assert!(
                        marker == "---" || (cfg!(feature = "toml") && marker == "+++"),
                        "{origin}: {d}"
                    );
                }
                if d.kind() == Kind::YamlSyntax && *schema == "any" {
                    syntax.push(origin.clone());
                }
                let shown = renderer.render(d, &origin, src);
                assert!(
                    !shown.chars().any(|c| c.is_control() && c != '\n'),
                    "{origin}: {shown:?}"
                );
            }
        }
    }
    // Under `any`, only what SOURCES.md names as broken: two blocks PyYAML rejects
    // for the same reasons, the unterminated fence and the UTF-16 file.
    let any_counts: BTreeMap<&str, usize> = counts
        .iter()
        .filter(|((schema, _), _)| *schema == "any")
        .map(|((_, kind), n)| (*kind, *n))
        .collect();
    assert_eq!(
        any_counts,
        [
            ("invalid-utf8", 1),
            ("unterminated-front-matter", 1),
            ("yaml-syntax", 2)
        ]
        .into()
    );
    assert_eq!(
        syntax,
        [
            "jekyll/test/source/_broken/bad_post.md",
            "powershell-docs/reference/5.1/Microsoft.PowerShell.Core/ForEach-Object.md"
        ]
    );
    // Under `release`, many diagnostics, for the positions above.
    let total: usize = counts
        .iter()
        .filter(|((schema, _), _)| *schema == "release")
        .map(|(_, n)| n)
        .sum();
    assert_eq!(total, release_total, "{counts:?}");
}

#[test]
fn every_sample_positions_under_two_schemas() {
    // With the `toml` feature, the 17 `+++` posts have front matter: a diagnostic
    // per missing field instead of one `no-front-matter` each.
    let release_total = if cfg!(feature = "toml") { 1022 } else { 971 };
    positions_under_two_schemas(curated(), release_total);
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_every_sample_positions_under_two_schemas() {
    // Over 19,000 diagnostics under `release`; with the `toml` feature, the 754
    // `+++` posts have front matter.
    let release_total = if cfg!(feature = "toml") {
        22_187
    } else {
        19_924
    };
    positions_under_two_schemas(&full(), release_total);
}

#[test]
fn documents_valid_under_the_release_schema_are_releases() {
    let doc = |title: &str, date: &str, url: &str, ministers: &str, extra: &str| {
        format!(
            "---\ntitle: {title}\ndate: {date}\nurl: {url}\nministers: {ministers}\nportfolios: [B]\n{extra}---\nbody\n"
        )
    };
    let ok = "https://x.nz/";
    let cases = [
        doc("12", "2024-05-13", ok, "[A]", ""),
        doc("1.50", "2024-05-13", ok, "[A]", ""),
        doc("true", "2024-05-13", ok, "[true, 12, 1.5, ~x]", ""),
        doc("!t x", "!t 2024-05-13", "!t https://x.nz/", "[!t A]", ""),
        doc("&a x", "2024-05-13", ok, "[*a]", ""),
        doc(">\n  folded", "2024-05-13T10:00:00+13:00", ok, "[A]", ""),
        doc("'x'", "'2024-05-13'", "'https://x.nz/'", "['A']", ""),
        doc("x", "2024-05-13", "HTTPS://X.NZ/", "[.nan]", ""),
        doc("x", "2024-05-13", "http:x.nz", "[A]", ""),
        doc("x", "0001-01-01", ok, "[A]", "attachments:\n"),
        doc("x", "2024-05-13", ok, "[A]", "attachments: ~\n"),
        doc("x", "2024-05-13", ok, "[A]", "attachments: []\n"),
        doc("x", "2024-05-13", ok, "[A]", "attachments: [mailto:a@b.nz]\n"),
        doc("x", "2024-05-13", ok, "[A]", "attachments: [~]\n"),
        doc("x", "2024-05-13", ok, "[A]", "attachments: x\n"),
        doc("x", "2024-05-13", ok, "[A]", "extra: [1, {a: b}]\n~: b\n<<: {a: 1}\n"),
        doc("x", "2024-05-13", ok, "[A]", "? [a]\n: b\n"),
        doc("x", "2024-05-13", ok, "[A]", "title: y\n"),
        doc("x", "2024-05-13", ok, "[A]", "1: a\n'1': b\n"),
        doc("x", "2024-02-30", ok, "[A]", ""),
        doc("x", "2024-05-13", "/x", "[A]", ""),
        doc("x", "2024-05-13", ok, "[]", ""),
        doc("x", "2024-05-13", ok, "['']", ""),
        doc("''", "2024-05-13", ok, "[A]", ""),
        doc("[x]", "2024-05-13", ok, "[A]", ""),
        "---\n{title: x, date: 2024-05-13, url: 'https://x.nz/', ministers: [A], portfolios: [B]}\n---\n".to_owned(),
    ];
    let mut seen = [0, 0];
    for src in &cases {
        let report = validate(&split(src).unwrap(), &Schema::release());
        let parsed = from_str::<Release>(src);
        assert_eq!(
            report.is_valid(),
            parsed.is_ok(),
            "{src:?}: validate says {report}, the typed parse {:?}",
            parsed.err()
        );
        let checked = from_str_validated::<Release>(src, &Schema::release());
        assert_eq!(checked.is_ok(), report.is_valid(), "{src:?}");
        seen[usize::from(report.is_valid())] += 1;
    }
    assert_eq!(seen, [11, 15]);

    let src = crate::DESIGN_RELEASE.replace("2024-05-13", "0001-01-01");
    let ok = from_str_validated::<Release>(&src, &Schema::release()).unwrap();
    assert_eq!(ok.metadata.date.to_string(), "0001-01-01");
    assert_eq!(
        ok.body,
        "\nForeign Minister Winston Peters has today expressed regret ...\n"
    );
    assert_eq!(
        (ok.warnings.error_count(), ok.warnings.warning_count()),
        (0, 1)
    );
}

#[test]
fn diagnostics_serialize_to_the_lint_fields() {
    let src = "---\ntitle: x\ndate: 0001-01-01\nurl: /r\n---\n";
    let report = validate(&split(src).unwrap(), &Schema::release());
    assert_eq!(report.len(), 4);
    let json: Vec<serde_json::Value> = report
        .iter()
        .map(|d| serde_json::to_value(d).unwrap())
        .collect();
    for (d, value) in report.iter().zip(&json) {
        let object = value.as_object().unwrap();
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            ["column", "kind", "line", "message", "path", "severity"]
        );
        assert_eq!(object["kind"], d.kind().as_str());
        assert_eq!(object["severity"], d.severity().as_str());
        assert_eq!(object["path"], d.path());
        assert_eq!(object["line"], d.line());
        assert_eq!(object["column"], d.column());
        assert_eq!(object["message"], d.message());
    }
    assert_eq!(
        serde_json::to_string(&report.as_slice()[2]).unwrap(),
        r#"{"kind":"malformed-date","severity":"warning","path":"date","line":3,"column":7,"message":"placeholder date `0001-01-01`"}"#
    );
    assert_eq!(
        serde_json::to_string(&report.as_slice()[0]).unwrap(),
        r#"{"kind":"missing-field","severity":"error","path":"ministers","line":1,"column":1,"message":"missing field `ministers`"}"#
    );
}

/// Pieces of YAML and front matter, to build hostile documents from.
const FRAGMENTS: &[&str] = &[
    "---\n",
    ": ",
    "- ",
    "[",
    "{",
    "\"",
    "'",
    "&a ",
    "*a",
    "!t ",
    "\t",
    "\r\n",
    "#",
    "a",
    "é",
    "~",
    "2024-13-45",
    "http://",
    "title",
    "date",
    "\n",
    "\n  ",
    ", ",
    "]",
    "}",
    "? ",
    "\\",
    "\u{feff}",
    "\u{1b}",
    "\u{202e}",
];

/// Fragments in any order, with or without fences.
fn soup() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..40),
        any::<bool>(),
    )
        .prop_map(|(open, fragments, close)| {
            let mut s = String::from(if open { "---\n" } else { "" });
            s.push_str(&fragments.concat());
            if close {
                s.push_str("\n---\n");
            }
            s
        })
}

const INDENTS: &[&str] = &["", "", "", "", "", "", "  ", "- "];
const KEYS: &[&str] = &[
    "title",
    "date",
    "url",
    "ministers",
    "portfolios",
    "attachments",
    "a",
    "é",
    "'date'",
    "\"t\\u0041\"",
    "? title",
    "[a]",
];
const SEPARATORS: &[&str] = &[
    ": ",
    ": ",
    ": ",
    ": ",
    ":\t",
    ":\n  - ",
    ":\n  - a\n  - ",
    ":\n  k: ",
    ":\n  k: 1\n  k: ",
];
const VALUES: &[&str] = &[
    "",
    "~",
    "x",
    "é 日本",
    "2024-13-45",
    "2024-05-13",
    "0001-01-01",
    "/rel",
    "https://x.nz/",
    "ftp://x.nz/",
    "[a, b]",
    "[]",
    "[~]",
    "['']",
    "{a: 1}",
    "''",
    "\"\\e[31m\u{202e}\"",
    "&a x",
    "*a",
    "!t x",
    "12",
    "# c",
];

/// Fenced documents of lines `indent key separator value`, now and then with a
/// fragment after the value: mostly YAML, so that the rules run.
fn lines() -> impl Strategy<Value = String> {
    let line = (
        proptest::sample::select(INDENTS),
        proptest::sample::select(KEYS),
        proptest::sample::select(SEPARATORS),
        proptest::sample::select(VALUES),
        proptest::option::weighted(0.15, proptest::sample::select(FRAGMENTS)),
    )
        .prop_map(|(indent, key, sep, value, extra)| {
            format!("{indent}{key}{sep}{value}{}\n", extra.unwrap_or(""))
        });
    (
        any::<bool>(),
        proptest::sample::select(&["---\n", "---\r\n"][..]),
        proptest::collection::vec(line, 0..8),
        proptest::sample::select(&["---\n", "---\n", "...\n", "---", ""][..]),
    )
        .prop_map(|(bom, open, lines, close)| {
            let bom = if bom { "\u{feff}" } else { "" };
            format!("{bom}{open}{}{close}body\n", lines.concat())
        })
}

fn strict_nested() -> Schema {
    let inner = Schema::new().required("title", Rule::date()).strict(true);
    Schema::new()
        .required("title", Rule::string().non_empty())
        .optional("date", Rule::all([Rule::date(), Rule::string()]))
        .optional(
            "a",
            Rule::one_of([Rule::list(Rule::url()).min_len(2), Rule::mapping(inner)]),
        )
        .strict(true)
}

/// Splits and validates `input` under two schemas; every diagnostic's span lies in
/// the input, on character boundaries, at its line and column, and shows clean.
fn check_input(input: &str, seen: &mut BTreeMap<Kind, usize>) -> Result<(), TestCaseError> {
    let doc = match split(input) {
        Ok(doc) => doc,
        Err(e) => {
            let report = Report::from(e);
            prop_assert_eq!(report.len(), 1);
            *seen.entry(report.as_slice()[0].kind()).or_default() += 1;
            return Ok(());
        }
    };
    for schema in [Schema::release(), strict_nested()] {
        let report = validate(&doc, &schema);
        for d in &report {
            let span = d.span();
            prop_assert!(span.start() <= span.end() && span.end() <= input.len());
            prop_assert!(input.is_char_boundary(span.start()));
            prop_assert!(input.is_char_boundary(span.end()));
            prop_assert_eq!(span.location(), Location::of(input, span.start()));
            let shown = d.to_string();
            prop_assert!(!shown.chars().any(char::is_control), "{:?}", shown);
            let rendered = Renderer::new().render(d, "x.md", input);
            let raw = rendered.chars().any(|c| c.is_control() && c != '\n');
            prop_assert!(!raw, "{:?}", rendered);
            *seen.entry(d.kind()).or_default() += 1;
        }
        let _ = from_str_validated::<Release>(input, &schema);
    }
    Ok(())
}

#[test]
fn no_input_panics_and_every_span_is_real() {
    let config = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(512)
    };
    // A fixed seed: the coverage check below must not depend on luck.
    let rng = proptest::test_runner::TestRng::deterministic_rng(
        proptest::test_runner::RngAlgorithm::ChaCha,
    );
    let mut runner = TestRunner::new_with_rng(config, rng);
    let seen = std::cell::RefCell::new(BTreeMap::new());
    let inputs = prop_oneof![soup(), lines()];
    let result = runner.run(&inputs, |input| check_input(&input, &mut seen.borrow_mut()));
    if let Err(e) = result {
        panic!("{e}");
    }
    // The generator must reach the rules, or the property proves little.
    let seen = seen.into_inner();
    let kinds = [
        NoFrontMatter,
        UnterminatedFrontMatter,
        YamlSyntax,
        InvalidType,
        MissingField,
        EmptyValue,
        MalformedDate,
        DuplicateKey,
        UnknownField,
    ];
    for kind in kinds {
        assert!(seen.contains_key(&kind), "{kind:?} in {seen:?}");
    }
}

#[test]
fn no_bytes_panic() {
    let config = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(256)
    };
    let mut runner = TestRunner::new(config);
    let bytes = proptest::collection::vec(
        prop_oneof![
            any::<u8>(),
            proptest::sample::select(b"-\n:[{'\" ".to_vec())
        ],
        0..64,
    );
    let result = runner.run(&bytes, |mut bytes| {
        bytes.splice(0..0, b"---\n".iter().copied());
        match split_bytes(&bytes) {
            Ok(doc) => {
                let report = validate(&doc, &Schema::release());
                for d in &report {
                    prop_assert!(d.span().end() <= bytes.len());
                }
            }
            Err(e) => prop_assert!(e.span().end() <= bytes.len()),
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
