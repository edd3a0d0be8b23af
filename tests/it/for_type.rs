//! The `schemars` feature: `Schema::for_type` of a realistic blog `Post` reports every
//! problem of a document at its place (kind, path, line, column), lets a valid post
//! through to its typed metadata and agrees with serde; a hand-written schema that
//! needs a remote document is refused; the README shows the tested doc example.

use chrono::{DateTime, NaiveDate, Utc};
use masthead::{from_str_validated, Report, Schema, Severity};
use schemars::JsonSchema;
use serde::Deserialize;
use url::Url;

#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
struct Post {
    title: String,
    date: NaiveDate,
    updated: Option<DateTime<Utc>>,
    tags: Vec<String>,
    author: Author,
    #[serde(default)]
    cover: Option<Cover>,
    draft: bool,
}

#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
struct Author {
    name: String,
    url: Url,
}

#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
struct Cover {
    image: String,
    alt: String,
}

const VALID: &str = "---
title: Hello
date: 2024-05-01
updated: 2024-05-02T10:00:00Z
tags: [rust, yaml]
author:
  name: Ann
  url: https://example.com/ann
draft: false
---
Body.
";

/// (kind, path, line, column, severity) of every diagnostic.
fn found(report: &Report) -> Vec<(&str, &str, usize, usize, Severity)> {
    report
        .iter()
        .map(|d| {
            (
                d.kind().as_str(),
                d.path(),
                d.line(),
                d.column(),
                d.severity(),
            )
        })
        .collect()
}

#[test]
fn a_valid_post_gets_its_typed_metadata() {
    let schema = Schema::for_type::<Post>().expect("a derived schema compiles");
    let ok = from_str_validated::<Post>(VALID, &schema).expect("the post is valid");
    assert_eq!(ok.metadata.title, "Hello");
    assert_eq!(
        ok.metadata.date,
        NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()
    );
    assert_eq!(ok.metadata.author.url.as_str(), "https://example.com/ann");
    assert_eq!(ok.metadata.cover, None);
    assert_eq!(ok.body, "Body.\n");
    assert!(ok.warnings.is_empty());
}

#[test]
fn four_problems_give_four_positioned_diagnostics() {
    let schema = Schema::for_type::<Post>().expect("a derived schema compiles");
    let src = "---
title: Hello
date: 2024-02-30
tags: [rust, 7]
author:
  name: Ann
  url: /about
---
";
    let report = from_str_validated::<Post>(src, &schema).expect_err("four problems");
    let e = Severity::Error;
    assert_eq!(
        found(&report),
        [
            ("missing-field", "draft", 1, 1, e),
            ("malformed-date", "date", 3, 7, e),
            ("invalid-type", "tags[1]", 4, 14, e),
            ("malformed-url", "author.url", 7, 8, e),
        ]
    );
    // serde alone stops at the first of them.
    assert!(masthead::from_str::<Post>(src).is_err());
}

#[test]
fn nested_unknown_null_and_empty_cases_agree_with_serde() {
    let schema = Schema::for_type::<Post>().expect("a derived schema compiles");
    // One line of VALID changed at a time: the schema and serde agree on each.
    let cases = [
        (
            "draft: false",
            "draft: ~",
            Some(("invalid-type", "draft", 9, 8)),
        ),
        ("title: Hello", "title: ''", None),
        (
            "title: Hello",
            "titel: Hello",
            Some(("missing-field", "title", 1, 1)),
        ),
        (
            "updated: 2024-05-02T10:00:00Z",
            "updated: 2024-05-02T25:00:00Z",
            Some(("malformed-date", "updated", 4, 10)),
        ),
        ("updated: 2024-05-02T10:00:00Z", "updated: ~", None),
        (
            "draft: false",
            "draft: false\nextra: 1",
            Some(("unknown-field", "extra", 10, 1)),
        ),
    ];
    for (from, to, want) in cases {
        let src = VALID.replacen(from, to, 1);
        let serde_ok = masthead::from_str::<Post>(&src).is_ok();
        let report = masthead::validate_str(&src, &schema);
        let first = found(&report).first().map(|&(k, p, l, c, _)| (k, p, l, c));
        match want {
            None => assert!(report.is_valid() && serde_ok, "{to}: {report:?}"),
            Some(want) => {
                assert!(!serde_ok, "{to}: serde accepts it");
                // `titel` is also an unknown field: the missing one comes first.
                assert_eq!(first, Some(want), "{to}: {report:?}");
            }
        }
    }
}

/// A type whose hand-written schema needs a remote document.
struct Remote;

impl JsonSchema for Remote {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Remote".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"$ref": "https://example.com/post.schema.json"})
    }
}

#[test]
fn a_hand_written_schema_that_needs_a_remote_document_is_refused() {
    let err = Schema::for_type::<Remote>().expect_err("a remote $ref is never fetched");
    let message = err.to_string();
    assert!(
        message.contains("remote `$ref` `https://example.com/post.schema.json` is never fetched"),
        "{message}"
    );
}

/// The code of the first fenced block after the line `after` in `text`, whose opening
/// fence is `fence`; each line with `strip` removed from its start.
fn block<'a>(text: &'a str, after: &str, fence: &str, strip: &str) -> Vec<&'a str> {
    let mut lines = text
        .lines()
        .skip_while(|l| l.trim_end() != after)
        .map(|l| {
            l.strip_prefix(strip)
                .unwrap_or(if l == strip.trim_end() { "" } else { l })
        })
        .skip_while(|l| l.trim_end() != fence)
        .skip(1);
    let mut out = Vec::new();
    for line in lines.by_ref() {
        if line.trim_end() == "```" {
            return out;
        }
        out.push(line);
    }
    panic!("no closed {fence} block after {after:?}");
}

#[test]
fn the_readme_example_is_the_tested_doc_example() {
    let readme = include_str!("../../README.md");
    let source = include_str!("../../src/validate/for_type.rs");
    let shown = block(
        readme,
        "### From your type (the `schemars` feature)",
        "```rust,ignore",
        "",
    );
    let tested: Vec<&str> = block(source, "    /// # Examples", "```", "    /// ")
        .into_iter()
        .filter(|l| !l.starts_with("# "))
        .collect();
    assert!(shown.len() > 10, "{shown:?}");
    assert_eq!(shown, tested);
}
