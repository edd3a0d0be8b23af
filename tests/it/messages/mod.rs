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

mod fences;
mod types;
mod values;

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
fn yaml_value(s: &str) -> Result<(), Error> {
    masthead::from_str::<serde_yaml::Value>(s).map(drop)
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
    let got = facts(&err);
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

/// What a case states of an error: kind, path, line, column, byte offset and
/// `Display`.
fn facts(err: &Error) -> (&'static str, &str, usize, usize, usize, String) {
    (
        err.kind().as_str(),
        err.path(),
        err.line(),
        err.column(),
        err.span().start(),
        err.to_string(),
    )
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

/// Every kind that typed parsing can produce has a row in this module's files;
/// `limit-exceeded` belongs to the limits tests, `toml-syntax` to the TOML tests,
/// `invalid-value` (JSON Schema only) to `validate::json_schema`.
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
        .filter(|k| !["limit-exceeded", "toml-syntax", "io-error", "invalid-value"].contains(k))
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
