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
use crate::support::report;

mod builder;
mod extensions;
mod json_schema;
mod kinds;
mod panics;
mod positions;
mod release_schema;

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// One expected diagnostic: kind, severity, path, line, column, message, and the text
/// of the (LF) source under its span.
type Row<'a> = (Kind, Severity, &'a str, usize, usize, &'a str, &'a str);

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
