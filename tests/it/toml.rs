//! TOML front matter between `+++` fences (the `toml` feature): the split, typed
//! parse, validation and write-back, positions in the original document.

use std::borrow::Cow;
use std::collections::BTreeMap;

use masthead::{split, Format, Kind, Release, Schema};
use serde::{Deserialize, Serialize};

use crate::corpus::{curated, full, read_in, walk};
use crate::support::assert_error;

#[test]
fn fences() {
    let doc = split("+++\ntitle = 'x'\n+++\nbody").unwrap();
    assert_eq!(doc.format(), Some(Format::Toml));
    assert_eq!(doc.front_matter(), Some("title = 'x'\n"));
    assert_eq!(doc.body(), "body");
    assert_eq!(Format::Toml.marker(), "+++");
    // The same grammar: trailing blanks, CRLF, a BOM, a fence that ends the input,
    // an empty block.
    let doc = split("\u{feff}+++ \t\r\na = 1\r\n+++  ").unwrap();
    assert!(doc.has_bom());
    assert_eq!((doc.front_matter(), doc.body()), (Some("a = 1\r\n"), ""));
    assert_eq!(split("+++\n+++\n").unwrap().front_matter(), Some(""));
    // Only `+++` closes a TOML block: not `---`, not `...`, not `++++`.
    let doc = split("+++\na = '''\n---\n...\n++++\n'''\n+++\nbody\n").unwrap();
    assert_eq!(doc.front_matter(), Some("a = '''\n---\n...\n++++\n'''\n"));
    // And `+++` does not close a YAML block.
    let doc = split("---\na: |\n  +++\n---\n").unwrap();
    assert_eq!(doc.format(), Some(Format::Yaml));
    assert_eq!(doc.front_matter(), Some("a: |\n  +++\n"));
    // Not opening fences.
    for src in ["++++\n+++\n", " +++\n+++\n", "+++toml\n+++\n", "+++"] {
        assert_eq!(split(src).unwrap().format(), None, "{src:?}");
    }
    let err = split("\n\n+++\n+++\n").unwrap();
    assert!(!err.has_front_matter());
}

#[test]
fn unterminated() {
    let err = split("+++\ntitle = 'x'\n---\n...\n").unwrap_err();
    assert_error(
        &err,
        Kind::UnterminatedFrontMatter,
        (0, 3, 1, 1),
        "unterminated front matter: the opening `+++` has no closing `+++` line at line 1 column 1",
    );
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
struct Post<'a> {
    #[serde(borrow, default)]
    title: Cow<'a, str>,
    path: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
    description: Option<String>,
    extra: Option<BTreeMap<String, toml::Value>>,
}

/// All TOML posts of the Rust blog under `root` (`expected` of them) split, parse
/// into a generic table and into a typed post, and validate under `Schema::any()`
/// without a diagnostic; the titles of `borrowing` borrow from the input.
fn rust_blog_toml_posts_under(root: &std::path::Path, expected: usize, borrowing: usize) {
    let mut posts = 0;
    let mut borrowed = 0;
    for rel in &walk(root, "rust-blog/toml") {
        let text = String::from_utf8(read_in(root, rel)).unwrap();
        let doc = split(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(doc.format(), Some(Format::Toml), "{rel}");
        let table: BTreeMap<String, serde_json::Value> =
            doc.deserialize().unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert!(
            table.contains_key("title") || table.contains_key("template"),
            "{rel}"
        );
        let post: Post = doc.deserialize().unwrap_or_else(|e| panic!("{rel}: {e}"));
        if matches!(post.title, Cow::Borrowed(t) if !t.is_empty()) {
            borrowed += 1;
        }
        let report = masthead::validate(&doc, &Schema::any());
        assert!(report.is_empty(), "{rel}: {report:?}");
        posts += 1;
    }
    assert_eq!(posts, expected);
    // Titles without escapes borrow from the input.
    assert_eq!(borrowed, borrowing);
}

#[test]
fn rust_blog_toml_posts() {
    rust_blog_toml_posts_under(curated(), 17, 17);
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_rust_blog_toml_posts() {
    // Over 700 of the 754 titles borrow: all but one.
    rust_blog_toml_posts_under(&full(), 754, 753);
}

#[test]
fn crlf_document() {
    let src = "\u{feff}+++\r\ntitle = \"CRLF\"\r\ndate = 2024-02-30\r\n\r\n[extra]\r\nnote = \"\"\"\r\ntwo\r\nlines\"\"\"\r\n+++\r\nBody\r\n";
    let doc = split(src).unwrap();
    assert_eq!(doc.format(), Some(Format::Toml));
    assert_eq!(doc.body(), "Body\r\n");
    let err = doc.deserialize::<Release>().unwrap_err();
    assert_eq!(
        (
            err.kind(),
            err.path(),
            err.line(),
            err.column(),
            err.span().start()
        ),
        (
            Kind::MalformedDate,
            "date",
            3,
            1 + "date = ".len(),
            3 + 5 + 16 + 7
        )
    );
    assert_eq!(&src[err.span().range()], "2024-02-30");
    assert_eq!(
        err.message(),
        "invalid date `2024-02-30`: 2024-02 has 29 days"
    );
    // Write-back keeps CRLF, the BOM, the fences and the body.
    let fixed = src.replace("2024-02-30", "2024-02-29");
    let mut meta: BTreeMap<String, toml::Value> = split(&fixed).unwrap().deserialize().unwrap();
    // A date-time reads as text; the multi-line string keeps its CRLF.
    assert_eq!(meta["date"].as_str(), Some("2024-02-29"));
    assert_eq!(meta["extra"]["note"].as_str(), Some("two\r\nlines"));
    meta.insert("title".into(), toml::Value::String("New".into()));
    let note = meta.remove("extra");
    let out = masthead::to_string(&meta, &doc).unwrap();
    assert_eq!(
        out,
        "\u{feff}+++\r\ndate = \"2024-02-29\"\r\ntitle = \"New\"\r\n+++\r\nBody\r\n"
    );
    // A string with a line break: TOML keeps line endings inside multi-line strings
    // as written, so CRLF would change it; the block keeps the serializer's LF.
    meta.insert("extra".into(), note.unwrap());
    let out = masthead::to_string(&meta, &doc).unwrap();
    let again = split(&out).unwrap();
    assert!(out.starts_with("\u{feff}+++\r\n") && out.ends_with("\n+++\r\nBody\r\n"));
    assert!(!again.front_matter().unwrap().contains('\r'), "{out:?}");
    let back: BTreeMap<String, toml::Value> = again.deserialize().unwrap();
    assert_eq!(back, meta);
}

/// The kind, path, line, column and message of an error.
type Expected<'a> = (Kind, &'a str, usize, usize, &'a str);

/// The first error of a typed parse of `src`.
#[track_caller]
fn typed(src: &str, want: Expected<'_>) {
    let err = masthead::from_str::<Release>(src).unwrap_err();
    let got = (
        err.kind(),
        err.path(),
        err.line(),
        err.column(),
        err.message(),
    );
    assert_eq!(got, want, "{src:?}");
    assert_eq!(
        err.location(),
        masthead::Location::of(src, err.span().start())
    );
}

const OK: &str = "title = \"x\"\ndate = 2024-05-13\nurl = \"https://www.beehive.govt.nz/\"\nministers = [\"A\"]\nportfolios = [\"B\"]\n";

#[test]
fn typed_positions() {
    let doc = |block: &str| format!("+++\n{block}+++\nbody\n");
    assert_eq!(
        masthead::from_str::<Release>(&doc(OK))
            .unwrap()
            .metadata
            .date
            .to_string(),
        "2024-05-13"
    );
    let cases: Vec<(String, Expected<'_>)> = vec![
        (
            doc("title = \"x\"\ntitle = \"y\"\n"),
            (Kind::DuplicateKey, "title", 3, 1, "duplicate key `title`"),
        ),
        (
            doc("title = \n"),
            (Kind::TomlSyntax, "", 2, 9, "invalid TOML: string values must be quoted, expected literal string"),
        ),
        (
            doc("title = 'open\n"),
            (Kind::TomlSyntax, "", 2, 14, "invalid TOML: invalid literal string, expected `'`"),
        ),
        (
            doc(&OK.replace("2024-05-13", "2024-13-45")),
            (Kind::MalformedDate, "date", 3, 8, "invalid date `2024-13-45`: month 13 is out of range"),
        ),
        (
            doc(&OK.replace("2024-05-13", "\"2024-02-30\"")),
            (Kind::MalformedDate, "date", 3, 8, "invalid date `2024-02-30`: 2024-02 has 29 days"),
        ),
        (
            doc(&OK.replace("\"https://www.beehive.govt.nz/\"", "\"/relative\"")),
            (Kind::MalformedUrl, "url", 4, 7, "invalid URL `/relative`: a relative URL, expected an absolute one such as `https://example.org/page`"),
        ),
        (
            doc(&OK.replace("title = \"x\"", "title = [\"x\"]")),
            (Kind::InvalidType, "title", 2, 9, "invalid type: sequence, expected a non-empty string"),
        ),
        (
            doc(&OK.replace("ministers = [\"A\"]", "ministers = \"A\"")),
            (Kind::InvalidType, "ministers", 5, 13, "invalid type: string `A`, expected a list of non-empty strings"),
        ),
        (
            doc(&OK.replace("[\"B\"]", "[\"B\", 7]")),
            (Kind::InvalidType, "portfolios[1]", 6, 20, "invalid type: integer `7`, expected a non-empty string"),
        ),
        (
            doc(&OK.replace("title = \"x\"\n", "")),
            (Kind::MissingField, "title", 1, 1, "missing field `title`"),
        ),
        (
            doc(&format!("{OK}[extra]\na = 1\n[extra]\nb = 2\n")),
            (Kind::DuplicateKey, "extra", 9, 2, "duplicate key `extra`"),
        ),
        (
            doc(&format!("{OK}[[more]]\na = 1\n[[more]]\na = 1\na = 2\n")),
            (Kind::DuplicateKey, "more[1].a", 11, 1, "duplicate key `a`"),
        ),
    ];
    for (src, want) in &cases {
        typed(src, *want);
        // The same problem, in a CRLF document with a BOM: the same line and column.
        let crlf = format!("\u{feff}{}", src.replace('\n', "\r\n"));
        let mut want = *want;
        if want.4.starts_with("invalid TOML: invalid literal string") {
            // toml lets the literal string run over the CR and stops at the LF.
            want.3 += 1;
        }
        typed(&crlf, want);
    }
}

#[test]
fn validation_positions() {
    let src = "+++\ntitle = \"\"\ndate = \"2024-02-30\"\nurl = \"ftp://x.nz/\"\nministers = []\nportfolios = [\"B\", \"\"]\nattachments = [\"/a.pdf\"]\n\n[extra]\nwhen = 2024-05-13T10:00:00Z\n+++\n";
    let report = masthead::validate(&split(src).unwrap(), &Schema::release());
    let got: Vec<_> = report
        .iter()
        .map(|d| {
            (
                d.kind(),
                d.path(),
                d.line(),
                d.column(),
                &src[d.span().range()],
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Kind::EmptyValue, "title", 2, 9, "\"\""),
            (Kind::MalformedDate, "date", 3, 8, "\"2024-02-30\""),
            (Kind::MalformedUrl, "url", 4, 7, "\"ftp://x.nz/\""),
            (Kind::EmptyValue, "ministers", 5, 13, "[]"),
            (Kind::EmptyValue, "portfolios[1]", 6, 20, "\"\""),
            (Kind::MalformedUrl, "attachments[0]", 7, 16, "\"/a.pdf\""),
        ]
    );
    // A missing field points at the opening fence; a nested schema at the key.
    let schema = Schema::new()
        .required("title", masthead::Rule::string())
        .required(
            "extra",
            masthead::Rule::mapping(
                Schema::new()
                    .required("when", masthead::Rule::date())
                    .required("who", masthead::Rule::string()),
            ),
        );
    let report = masthead::validate(&split(src).unwrap(), &schema);
    let got: Vec<_> = report
        .iter()
        .map(|d| {
            (
                d.kind(),
                d.path(),
                d.line(),
                d.column(),
                &src[d.span().range()],
            )
        })
        .collect();
    assert_eq!(got, [(Kind::MissingField, "extra.who", 9, 2, "extra")]);
    let report = masthead::validate(&split("+++\na = 1\n+++\n").unwrap(), &schema);
    let got: Vec<_> = report
        .iter()
        .map(|d| (d.kind(), d.path(), d.line(), d.column()))
        .collect();
    assert_eq!(
        got,
        [
            (Kind::MissingField, "title", 1, 1),
            (Kind::MissingField, "extra", 1, 1)
        ]
    );
    // Syntax errors and repeated keys stop validation, as for YAML.
    let report = masthead::validate(&split("+++\na = 1\na = 2\n+++\n").unwrap(), &Schema::any());
    let got: Vec<_> = report
        .iter()
        .map(|d| (d.kind(), d.path(), d.line(), d.column()))
        .collect();
    assert_eq!(got, [(Kind::DuplicateKey, "a", 3, 1)]);
    let report = masthead::validate(&split("+++\na = \n+++\n").unwrap(), &Schema::any());
    assert_eq!(
        report.iter().next().map(|d| d.kind().as_str()),
        Some("toml-syntax")
    );
}

#[test]
fn write_back_keeps_the_toml_fences() {
    #[derive(Serialize)]
    struct Meta<'a> {
        title: &'a str,
        authors: Vec<&'a str>,
        extra: Extra,
    }
    #[derive(Serialize)]
    struct Extra {
        release: bool,
    }
    let src = "+++  \npath = \"old\"\n+++\nBody <!-- more --> rest";
    let doc = split(src).unwrap();
    assert_eq!(doc.with_front_matter(doc.front_matter().unwrap()), src);
    let meta = Meta {
        title: "New",
        authors: vec!["A", "B"],
        extra: Extra { release: true },
    };
    let out = masthead::to_string(&meta, &doc).unwrap();
    assert_eq!(
        out,
        "+++  \ntitle = \"New\"\nauthors = [\"A\", \"B\"]\n\n[extra]\nrelease = true\n+++\nBody <!-- more --> rest"
    );
    assert_eq!(
        masthead::compose(&meta, "Body\r\n", Format::Toml).unwrap(),
        "+++\r\ntitle = \"New\"\r\nauthors = [\"A\", \"B\"]\r\n\r\n[extra]\r\nrelease = true\r\n+++\r\nBody\r\n"
    );
    // TOML has no top-level scalars.
    let err = masthead::to_string(&"text", &doc).unwrap_err();
    assert_eq!(
        (err.kind(), err.line(), err.column()),
        (Kind::InvalidType, 1, 1)
    );
}

/// A date that does not exist does not hide the other problems of the block (#16).
#[test]
fn a_date_that_does_not_exist_does_not_stop_validation() {
    let block = OK
        .replace("date = 2024-05-13", "date = 2024-02-30")
        .replace("\"https://www.beehive.govt.nz/\"", "\"/release/x\"");
    let src = format!("+++\n{block}+++\nbody\n");
    let report = masthead::validate_str(&src, &Schema::release());
    let found: Vec<_> = report
        .iter()
        .map(|d| (d.kind(), d.path(), d.line(), d.column(), d.message()))
        .collect();
    assert_eq!(
        found,
        [
            (Kind::MalformedDate, "date", 3, 8, "invalid date `2024-02-30`: 2024-02 has 29 days"),
            (
                Kind::MalformedUrl,
                "url",
                4,
                7,
                "invalid URL `/release/x`: a relative URL, expected an absolute one such as `https://example.org/page`"
            ),
        ]
    );
    // A bad date in a field no rule checks is still reported, once per date, and a
    // date-time too; the rest of the block is read as written.
    let src = "+++\ntitle = \"\"\nupdated = 2024-13-01\nseen = 2023-02-29T10:00:00Z\n+++\n";
    let schema = Schema::new().required("title", masthead::Rule::string().non_empty());
    let report = masthead::validate_str(src, &schema);
    let found: Vec<_> = report
        .iter()
        .map(|d| (d.kind(), d.path(), d.line(), &src[d.span().range()]))
        .collect();
    assert_eq!(
        found,
        [
            (Kind::EmptyValue, "title", 2, "\"\""),
            (Kind::MalformedDate, "updated", 3, "2024-13-01"),
            (Kind::MalformedDate, "seen", 4, "2023-02-29T10:00:00Z"),
        ]
    );
    // Typed parsing still stops at the first.
    let err = masthead::from_str::<Release>(&format!("+++\n{block}+++\n")).unwrap_err();
    assert_eq!(err.kind(), Kind::MalformedDate);
    // Other syntax errors stop validation as before.
    let report = masthead::validate_str("+++\ndate = 2024-02-30\nx = [\n+++\n", &Schema::any());
    let kinds: Vec<Kind> = report.iter().map(|d| d.kind()).collect();
    assert_eq!(kinds, [Kind::TomlSyntax]);
}

/// The kind, path, line and text of each finding of `src` under `schema`.
pub(crate) fn findings<'s>(src: &'s str, schema: &Schema) -> Vec<(Kind, String, usize, &'s str)> {
    masthead::validate_str(src, schema)
        .iter()
        .map(|d| {
            (
                d.kind(),
                d.path().to_owned(),
                d.line(),
                &src[d.span().range()],
            )
        })
        .collect()
}

/// Only a date that does not exist is read past (#16), and at most 64 of them: any
/// other syntax error, a value that only looks like a date, or a 65th bad date stops
/// validation at toml's first error.
#[test]
fn only_dates_that_do_not_exist_are_read_past() {
    let schema = Schema::new().required("title", masthead::Rule::string().non_empty());
    let title = (Kind::EmptyValue, "title".to_owned(), 2, "\"\"");
    // A syntax error at a value that starts with digits, like a date's.
    let src = "+++\ntitle = \"\"\nx = 12abc\n+++\n";
    assert_eq!(
        findings(src, &schema),
        [(Kind::TomlSyntax, String::new(), 3, "12abc")]
    );
    // A date with a sign is no date: toml says so, and the reading stops there.
    let src = "+++\ntitle = \"\"\nx = -2024-02-30\n+++\n";
    assert_eq!(
        findings(src, &schema),
        [(Kind::MalformedDate, "x".to_owned(), 3, "-2024-02-30")]
    );
    // 64 bad dates are read past, each reported; a 65th stops the reading.
    let dates = |n: usize| -> String { (0..n).map(|i| format!("d{i} = 2024-02-30\n")).collect() };
    let src = format!("+++\ntitle = \"\"\n{}+++\n", dates(64));
    let found = findings(&src, &schema);
    assert_eq!(found.len(), 65, "{found:?}");
    assert_eq!(found[0], title);
    assert!(found[1..]
        .iter()
        .enumerate()
        .all(|(i, f)| *f == (Kind::MalformedDate, format!("d{i}"), 3 + i, "2024-02-30")));
    let src = format!("+++\ntitle = \"\"\n{}+++\n", dates(65));
    assert_eq!(
        findings(&src, &schema),
        [(Kind::MalformedDate, "d0".to_owned(), 3, "2024-02-30")]
    );
}

/// A bad date is read as a placeholder string of its length, then put back: a string
/// of tildes that the document writes itself stays as written.
#[test]
fn a_string_of_tildes_is_not_taken_for_a_bad_date() {
    let src = "+++\nd = 2024-02-30\nnote = \"~~~~~~~~\"\n+++\n";
    let schema = Schema::new().required("note", masthead::Rule::one_of_values(["~~~~~~~~"]));
    assert_eq!(
        findings(src, &schema),
        [(Kind::MalformedDate, "d".to_owned(), 2, "2024-02-30")]
    );
}

/// A date-time reads as text at every depth: in an array, a table, an array of
/// tables.
#[test]
fn nested_date_times_read_as_text() {
    let src = "+++\nd = [2024-05-13]\n[t]\nd = 2024-05-13T10:00:00Z\n[[a]]\nd = 10:00:00\n+++\n";
    let v: BTreeMap<String, toml::Value> = masthead::from_str(src).unwrap().metadata;
    assert_eq!(v["d"][0].as_str(), Some("2024-05-13"));
    assert_eq!(v["t"]["d"].as_str(), Some("2024-05-13T10:00:00Z"));
    assert_eq!(v["a"][0]["d"].as_str(), Some("10:00:00"));
}

/// Errors of nested fields of a typed parse: a missing field at its holder's key (or
/// at the item of a list), an unknown one at its own key.
#[test]
fn nested_field_errors() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        who: String,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        extra: Inner,
        #[serde(default)]
        list: Vec<Inner>,
    }
    let cases = [
        (
            "extra = { }\n",
            (Kind::MissingField, "extra.who", 2, 1, "extra"),
        ),
        (
            "extra = { who = 'x' }\nlist = [{}]\n",
            (Kind::MissingField, "list[0].who", 3, 9, "{}"),
        ),
        (
            "[extra]\nwho = 'x'\nwhen = 1\n",
            (Kind::UnknownField, "extra.when", 4, 1, "when"),
        ),
        (
            "extra = { who = 'x', when = 1 }\n",
            (Kind::UnknownField, "extra.when", 2, 22, "when"),
        ),
        (
            "x = 1\n[extra]\nwho = 'x'\n",
            (Kind::UnknownField, "x", 2, 1, "x"),
        ),
    ];
    for (block, want) in cases {
        let src = format!("+++\n{block}+++\n");
        let err = masthead::from_str::<Outer>(&src).unwrap_err();
        let got = (
            err.kind(),
            err.path(),
            err.line(),
            err.column(),
            &src[err.span().range()],
        );
        assert_eq!(got, want, "{block:?}");
    }
}

/// The byte limit counts the block's bytes: a block of exactly the limit is read.
#[test]
fn the_byte_limit_holds_at_its_edge() {
    let src = "+++\na = 1\n+++\n";
    for (limit, ok) in [(6, true), (5, false)] {
        let limits = masthead::Limits::new().max_bytes(limit);
        let typed = masthead::Options::new()
            .limits(limits)
            .from_str::<BTreeMap<String, i64>>(src);
        assert_eq!(
            typed.map(|p| p.metadata["a"]).map_err(|e| e.kind()),
            if ok { Ok(1) } else { Err(Kind::LimitExceeded) },
            "{limit}"
        );
        let kinds: Vec<Kind> = masthead::validate_str(src, &Schema::any().limits(limits))
            .iter()
            .map(|d| d.kind())
            .collect();
        assert_eq!(
            kinds,
            if ok {
                vec![]
            } else {
                vec![Kind::LimitExceeded]
            },
            "{limit}"
        );
    }
}

/// Validation points into tables at every depth: a header table, an inline table,
/// a table of an array of tables.
#[test]
fn validation_points_into_nested_tables() {
    let inner = || Schema::new().required("when", masthead::Rule::date());
    let schema = Schema::new()
        .required("extra", masthead::Rule::mapping(inner()))
        .required("inline", masthead::Rule::mapping(inner()))
        .required(
            "list",
            masthead::Rule::list(masthead::Rule::mapping(inner())),
        );
    let src = "+++\ninline = { when = 'b' }\n[extra]\nwhen = 'a'\n[[list]]\nwhen = 'c'\n+++\n";
    assert_eq!(
        findings(src, &schema),
        [
            (Kind::MalformedDate, "inline.when".to_owned(), 2, "'b'"),
            (Kind::MalformedDate, "extra.when".to_owned(), 4, "'a'"),
            (Kind::MalformedDate, "list[0].when".to_owned(), 6, "'c'"),
        ]
    );
}
