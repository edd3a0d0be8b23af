//! Conformance with the official JSON-Schema-Test-Suite (every file of drafts 2020-12
//! and 7, `optional/` and `optional/format/` included): every test's instance written
//! as front matter gets the suite's verdict through masthead, except the committed
//! list in `exclusions.tsv`, whose entries must still fail as their reason says (so
//! the list cannot rot). It must not copy the suite anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::corpus::walk;

use masthead::{split, validate, JsonSchemaOptions, Schema, Severity};
use serde_json::{json, Value};

mod front_matter;

/// The drafts run, as the suite's folders name them.
const DRAFTS: &[&str] = &["draft2020-12", "draft7"];

/// Where the suite is when neither `MASTHEAD_JSON_SCHEMA_SUITE` nor `MASTHEAD_CORPUS`
/// is set.
const DEFAULT_SUITE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/json-schema-test-suite"
);

/// The committed exclusions: file, case description, test description (`*` for every
/// test of the case) and a reason from [`REASONS`], tab-separated.
const EXCLUSIONS: &str = include_str!("exclusions.tsv");

/// Every reason an exclusion may give, and what it means.
const REASONS: &[(&str, &str)] = &[
    (
        "remote-ref",
        "the schema refers to a document it does not hold (the suite's \
         http://localhost:1234/ remotes): masthead never fetches one, and loading the \
         schema fails with an error naming it",
    ),
    (
        "remote-metaschema",
        "the schema's `$schema` is a custom meta-schema on the suite's remote server: \
         masthead knows the drafts' own meta-schemas and never fetches another, so \
         loading the schema fails with an error naming it (the verdict depends on \
         what that meta-schema says: which vocabularies, whether formats assert)",
    ),
    (
        "url-ipv4-host",
        "a `uri` is also what the url crate reads (the WHATWG URL Standard of browsers, \
         and `url::Url`, which schemars maps to `format: uri`): url reads a host of \
         digits and dots as an IPv4 address and refuses `999.999.999.999` and \
         `087.10.0.1` (no browser opens them), where RFC 3986 reads them as names",
    ),
    (
        "url-empty-host",
        "a `uri-reference` is resolved by the url crate against an `http` base, as a \
         site resolves it: `//` then names an empty host, which url refuses for `http`, \
         where RFC 3986 allows a network-path reference with an empty authority",
    ),
    (
        "url-ipvfuture",
        "an `iri` is also what the url crate reads (the WHATWG URL Standard): it knows \
         no IPvFuture host literal (`[v1.fe]`), which RFC 3986 reserves for addresses \
         that no version yet defines",
    ),
];

/// The root of the suite (the folder holding `tests/`): `$MASTHEAD_JSON_SCHEMA_SUITE`,
/// else `$MASTHEAD_CORPUS/json-schema-test-suite`, else the default beside the crate.
/// Panics when it is missing, so that the sweep never passes by reading nothing.
fn suite() -> PathBuf {
    let (root, from) = if let Some(dir) = std::env::var_os("MASTHEAD_JSON_SCHEMA_SUITE") {
        (PathBuf::from(dir), "MASTHEAD_JSON_SCHEMA_SUITE")
    } else if let Some(dir) = std::env::var_os("MASTHEAD_CORPUS") {
        (
            PathBuf::from(dir).join("json-schema-test-suite"),
            "MASTHEAD_CORPUS",
        )
    } else {
        (PathBuf::from(DEFAULT_SUITE), "the default")
    };
    assert!(
        DRAFTS.iter().all(|d| root.join("tests").join(d).is_dir()),
        "the JSON-Schema-Test-Suite is missing: {} (from {from}) has no tests/draft2020-12 \
         and tests/draft7. Set MASTHEAD_JSON_SCHEMA_SUITE to a checkout of \
         json-schema-org/JSON-Schema-Test-Suite (or MASTHEAD_CORPUS to the corpus folder \
         holding json-schema-test-suite/), or put it at the default {DEFAULT_SUITE}",
        root.display()
    );
    root
}

/// One exclusion of `exclusions.tsv`.
#[derive(Debug)]
struct Exclusion {
    file: String,
    case: String,
    test: String,
    reason: String,
}

/// The exclusions, checked: four fields, a known reason, no entry twice.
fn exclusions() -> Vec<Exclusion> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (n, line) in EXCLUSIONS.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [file, case, test, reason] = fields[..] else {
            panic!(
                "exclusions.tsv line {}: expected 4 tab-separated fields: {line:?}",
                n + 1
            );
        };
        assert!(
            REASONS.iter().any(|(r, _)| *r == reason),
            "exclusions.tsv line {}: unknown reason {reason:?}",
            n + 1
        );
        assert!(
            seen.insert((file, case, test)),
            "exclusions.tsv line {}: listed twice",
            n + 1
        );
        out.push(Exclusion {
            file: file.into(),
            case: case.into(),
            test: test.into(),
            reason: reason.into(),
        });
    }
    out
}

/// The `.json` files of a draft, every folder of it (`optional/` and
/// `optional/format/` included), sorted, as paths relative to `tests/`.
fn files(tests: &Path, draft: &str) -> Vec<String> {
    walk(tests, draft)
        .into_iter()
        .filter(|f| f.ends_with(".json"))
        .collect()
}

/// The schema of a case, loaded as the suite asks: formats asserted in
/// `optional/format` (with `date-time` as strict as RFC 3339), annotations only
/// elsewhere, as draft 2020-12 says (masthead asserts them by default).
fn load(schema: &Value, formats: bool) -> Result<Schema, masthead::Error> {
    JsonSchemaOptions::new()
        .assert_formats(formats)
        .strict_date_time(true)
        .compile(schema)
}

/// masthead's verdict on `document` under `schema`: no error diagnostic.
fn valid(document: &str, schema: &Schema) -> bool {
    let doc = split(document).unwrap_or_else(|e| panic!("{document:?} does not split: {e}"));
    validate(&doc, schema)
        .iter()
        .all(|d| d.severity() != Severity::Error)
}

/// The counts of one draft.
#[derive(Debug, Default)]
struct Counts {
    cases: usize,
    tests: usize,
    agree: usize,
    wrapped: usize,
    excluded: BTreeMap<String, usize>,
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_JSON_SCHEMA_SUITE, MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_json_schema_suite() {
    let root = suite();
    let tests = root.join("tests");
    let exclusions = exclusions();
    let mut used = vec![false; exclusions.len()];
    let mut failures = Vec::new();
    let mut summary = String::new();
    for draft in DRAFTS {
        let mut counts = Counts::default();
        for file in files(&tests, draft) {
            let formats = file.contains("/optional/format/");
            let text = fs::read_to_string(tests.join(&file))
                .unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
            let cases: Vec<Value> = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{file} is not a JSON array: {e}"));
            for case in &cases {
                counts.cases += 1;
                run_case(
                    &file,
                    case,
                    formats,
                    *draft == "draft7",
                    &exclusions,
                    &mut used,
                    &mut counts,
                    &mut failures,
                );
            }
        }
        let excluded: usize = counts.excluded.values().sum();
        let _ = write!(
            summary,
            "{draft}: {} cases, {} tests run ({} instances wrapped under `{}`): {} agree \
             with the suite, {excluded} excluded",
            counts.cases,
            counts.tests,
            counts.wrapped,
            front_matter::KEY,
            counts.agree
        );
        for (reason, n) in &counts.excluded {
            let _ = write!(summary, "; {reason} {n}");
        }
        summary.push('\n');
    }
    for (e, used) in exclusions.iter().zip(&used) {
        if !used {
            failures.push(format!(
                "listed but not in the suite: {} | {} | {}",
                e.file, e.case, e.test
            ));
        }
    }
    println!("{summary}");
    for (reason, meaning) in REASONS {
        println!("{reason}: {meaning}");
    }
    assert!(
        failures.is_empty(),
        "{} disagreement(s) with the JSON-Schema-Test-Suite:\n{}\n\n{summary}",
        failures.len(),
        failures.join("\n")
    );
}

/// Runs every test of `case` (from `file`), counting into `counts` and recording each
/// unexpected verdict, and each listed exclusion that no longer fails, in `failures`.
#[allow(clippy::too_many_arguments)]
fn run_case(
    file: &str,
    case: &Value,
    formats: bool,
    draft7: bool,
    exclusions: &[Exclusion],
    used: &mut [bool],
    counts: &mut Counts,
    failures: &mut Vec<String>,
) {
    let description = case["description"].as_str().unwrap_or_default();
    let listed = |test: &str| {
        exclusions.iter().position(|e| {
            e.file == file && e.case == description && (e.test == "*" || e.test == test)
        })
    };
    for test in case["tests"].as_array().into_iter().flatten() {
        counts.tests += 1;
        let name = test["description"].as_str().unwrap_or_default();
        let want = test["valid"]
            .as_bool()
            .expect("every test says whether it is valid");
        let c = front_matter::case(&case["schema"], &test["data"], draft7);
        counts.wrapped += usize::from(c.wrapped);
        let exclusion = listed(name);
        if let Some(i) = exclusion {
            used[i] = true;
            *counts
                .excluded
                .entry(exclusions[i].reason.clone())
                .or_default() += 1;
        }
        let where_ = format!("{file} | {description} | {name}");
        let got = match load(&c.schema, formats) {
            Ok(schema) => Ok(valid(&c.document, &schema)),
            Err(e) => Err(e.to_string()),
        };
        match (exclusion.map(|i| exclusions[i].reason.as_str()), got) {
            (None, Ok(got)) if got == want => counts.agree += 1,
            (None, Ok(got)) => failures.push(format!(
                "{where_}: masthead says {}, the suite {}\n  {:?}\n  schema {}",
                verdict(got),
                verdict(want),
                c.document,
                c.schema
            )),
            (None, Err(e)) => failures.push(format!("{where_}: the schema does not load: {e}")),
            (Some(reason @ ("remote-ref" | "remote-metaschema")), Err(e)) => {
                let clear = if reason == "remote-ref" {
                    refused_remote(&e)
                } else {
                    refused_metaschema(&e)
                };
                if !clear {
                    failures.push(format!(
                        "{where_}: refused, but the error does not say what is remote: {e}"
                    ));
                }
            }
            (Some(reason @ ("remote-ref" | "remote-metaschema")), Ok(_)) => failures.push(format!(
                "{where_}: listed as {reason}, but the schema loads"
            )),
            (Some(reason), Ok(got)) if got == want => failures.push(format!(
                "{where_}: listed as {reason}, but masthead now agrees with the suite: \
                 remove it from exclusions.tsv"
            )),
            (Some(_), Ok(_)) => {}
            (Some(reason), Err(e)) => failures.push(format!(
                "{where_}: listed as {reason}, but the schema does not load: {e}"
            )),
        }
    }
}

/// `valid` or `invalid`.
fn verdict(valid: bool) -> &'static str {
    if valid {
        "valid"
    } else {
        "invalid"
    }
}

/// The suite's remote server, which every remote reference of the suite names.
const REMOTE: &str = "http://localhost:1234/";

/// Whether a load error says that a remote `$ref` was refused, and which.
fn refused_remote(message: &str) -> bool {
    message.contains(REMOTE)
        && message.contains("remote `$ref`")
        && message.contains("never fetched")
}

/// Whether a load error says that a `$schema` names a meta-schema masthead does not
/// know and will not fetch, and which.
fn refused_metaschema(message: &str) -> bool {
    message.contains(&format!("`$schema` names `{REMOTE}")) && message.contains("never fetches")
}

#[test]
fn a_remote_ref_is_refused_at_load_with_its_address() {
    for schema in [
        json!({"$ref": "http://localhost:1234/draft2020-12/integer.json"}),
        json!({"properties": {"a": {"$ref": "http://localhost:1234/draft2020-12/integer.json#/x"}}}),
        json!({"$schema": "http://json-schema.org/draft-07/schema#",
               "items": {"$ref": "http://localhost:1234/integer.json"}}),
    ] {
        let err = Schema::from_json_schema(&schema).expect_err("a remote $ref is refused");
        let message = err.to_string();
        assert!(refused_remote(&message), "{message}");
    }
}

#[test]
fn the_exclusions_parse_and_give_known_reasons() {
    let list = exclusions();
    assert!(list
        .iter()
        .all(|e| !e.file.is_empty() && !e.case.is_empty()));
    assert!(list
        .iter()
        .all(|e| DRAFTS.iter().any(|d| e.file.starts_with(&format!("{d}/")))));
}
