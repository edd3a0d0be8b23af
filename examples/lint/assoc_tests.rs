//! Tests of which schema each document gets: every association rule and their
//! order, relative paths from nested folders, globs, missing and invalid schema
//! files, `none`, and each file loaded once. Schema files here are stand-ins (a
//! word naming a built-in schema), so these tests do not depend on JSON Schema.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use masthead::{Renderer, Rule, Schema};

use crate::check::{check_all, Linter};
use crate::output::Summary;
use crate::schemas::{Choice, Loaded, Schemas};
use crate::walk::inputs;

/// How many times each stand-in file was loaded.
static LOADS: Mutex<Option<HashMap<PathBuf, usize>>> = Mutex::new(None);

/// Loads a stand-in: `any`, `release`, `strict` (a required `title`, nothing
/// else allowed) or `invalid`.
fn stand_in(path: &Path, label: &str) -> Loaded {
    let mut loads = LOADS.lock().unwrap();
    *loads
        .get_or_insert_with(HashMap::new)
        .entry(path.canonicalize().unwrap_or_default())
        .or_default() += 1;
    match fs::read_to_string(path).as_deref().map(str::trim) {
        Ok("any") => Loaded::Ready(Schema::any()),
        Ok("release") => Loaded::Ready(Schema::release()),
        Ok("strict") => Loaded::Ready(
            Schema::new()
                .required("title", Rule::string().non_empty())
                .strict(true),
        ),
        Ok(_) => Loaded::Invalid(format!("invalid schema `{label}`")),
        Err(e) => Loaded::Unreadable(format!("cannot load schema `{label}`: {e}")),
    }
}

fn loads_of(path: &Path) -> usize {
    let loads = LOADS.lock().unwrap();
    let key = path.canonicalize().unwrap();
    loads
        .as_ref()
        .and_then(|l| l.get(&key))
        .copied()
        .unwrap_or(0)
}

/// A site in a scratch folder: `files` are (path, text) pairs.
fn site(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lint-assoc-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

/// One record per document of `paths`: (path from `base`, schema label from
/// `base` or as is, valid, the kinds of its diagnostics).
fn run(base: &Path, choice: Choice, paths: &[&str]) -> Vec<(String, String, bool, Vec<String>)> {
    let paths: Vec<PathBuf> = paths.iter().map(|p| base.join(p)).collect();
    let linter = Linter {
        schemas: Schemas::with_loader(&choice, &paths, stand_in).unwrap(),
        json: true,
        header_only: false,
        renderer: Renderer::new(),
    };
    let items: Vec<_> = inputs(paths).collect();
    let canonical = base.canonicalize().unwrap();
    let strip = |s: &str| {
        let s = s.strip_prefix(&*base.to_string_lossy()).unwrap_or(s);
        let s = s.strip_prefix(&*canonical.to_string_lossy()).unwrap_or(s);
        s.trim_start_matches('/').to_owned()
    };
    check_all(linter, items, 2)
        .into_iter()
        .map(|o| {
            assert!(o.fatal.is_none(), "{:?}", o.fatal);
            let r: serde_json::Value = serde_json::from_str(&o.text).unwrap();
            let kinds = r["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["kind"].as_str().unwrap().to_owned())
                .collect();
            (
                strip(r["path"].as_str().unwrap()),
                strip(r["schema"].as_str().unwrap()),
                r["valid"].as_bool().unwrap(),
                kinds,
            )
        })
        .collect()
}

const CONFIG: &str = r#"
[schemas]
"schemas/strict.s" = ["content/posts/**/*.md"]
"schemas/release.s" = "content/news"
"schemas/missing.s" = "*.markdown"
"#;

const RELEASE: &str =
    "---\ntitle: T\ndate: 2024-05-13\nurl: https://x.nz/\nministers: [A]\nportfolios: [B]\n---\n";

fn the_site(name: &str) -> PathBuf {
    site(
        name,
        &[
            ("site/masthead.toml", CONFIG),
            ("site/schemas/strict.s", "strict"),
            ("site/schemas/release.s", "release"),
            ("site/schemas/any.s", "any"),
            ("site/schemas/invalid.s", "invalid"),
            // The configuration's `**` glob.
            ("site/content/posts/2024/a.md", "---\ntitle: x\n---\n"),
            // A `$schema` key, from the document's folder.
            (
                "site/content/posts/2024/b.md",
                "---\n$schema: ../../../schemas/any.s\nother: 1\n---\n",
            ),
            // The key is not checked against the strict schema it names.
            (
                "site/content/posts/2024/c.md",
                "---\n\"$schema\": ../../../schemas/strict.s\ntitle: x\n---\n",
            ),
            // The comment wins over the key; not next to the document, so from
            // the configuration's folder.
            (
                "site/content/posts/d.md",
                "---\n$schema: none\n# yaml-language-server: $schema=schemas/any.s\nx: 1\n---\n",
            ),
            // `none`: syntax only, under a strict glob.
            (
                "site/content/posts/e.md",
                "---\n$schema: none\nanything: [1]\n---\n",
            ),
            // A folder glob; a file that two entries match gets the first.
            ("site/content/news/f.md", RELEASE),
            ("site/content/news/g.markdown", RELEASE),
            // `*.markdown` maps to a missing file: an io-error record.
            ("site/content/other/h.markdown", "---\ntitle: x\n---\n"),
            // No glob matches: --schema.
            ("site/content/other/i.md", "---\ntitle: x\n---\n"),
            // Names a file that is nowhere, and a remote one.
            ("site/content/other/j.md", "---\n$schema: nope.json\n---\n"),
            (
                "site/content/other/k.md",
                "---\n$schema: https://example.org/s.json\n---\n",
            ),
        ],
    )
}

#[test]
fn every_rule_in_order() {
    let base = the_site("order");
    let got = run(&base, Choice::Release, &["site"]);
    let want: Vec<(&str, &str, bool, Vec<&str>)> = vec![
        (
            "site/content/news/f.md",
            "site/schemas/release.s",
            true,
            vec![],
        ),
        (
            "site/content/news/g.markdown",
            "site/schemas/release.s",
            true,
            vec![],
        ),
        (
            "site/content/other/h.markdown",
            "site/schemas/missing.s",
            false,
            vec!["io-error"],
        ),
        (
            "site/content/other/i.md",
            "release",
            false,
            vec!["missing-field"; 4],
        ),
        (
            "site/content/other/j.md",
            "nope.json",
            false,
            vec!["io-error"],
        ),
        (
            "site/content/other/k.md",
            "https://example.org/s.json",
            false,
            vec!["io-error"],
        ),
        (
            "site/content/posts/2024/a.md",
            "site/schemas/strict.s",
            true,
            vec![],
        ),
        (
            "site/content/posts/2024/b.md",
            "site/schemas/any.s",
            true,
            vec![],
        ),
        (
            "site/content/posts/2024/c.md",
            "site/schemas/strict.s",
            true,
            vec![],
        ),
        (
            "site/content/posts/d.md",
            "site/schemas/any.s",
            true,
            vec![],
        ),
        ("site/content/posts/e.md", "none", true, vec![]),
    ];
    let got: Vec<(&str, &str, bool, Vec<&str>)> = got
        .iter()
        .map(|(p, s, v, k)| {
            (
                p.as_str(),
                s.as_str(),
                *v,
                k.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(got, want);
    // Every schema file was loaded once, however many documents used it.
    assert_eq!(loads_of(&base.join("site/schemas/strict.s")), 1);
    assert_eq!(loads_of(&base.join("site/schemas/any.s")), 1);
    let _ = fs::remove_dir_all(&base);
}

#[test]
fn paths_from_nested_folders_and_the_config_above_them() {
    let base = the_site("nested");
    // A PATH deep inside the site finds the configuration two folders up, and
    // globs still match from the configuration's folder.
    let got = run(
        &base,
        Choice::Any,
        &["site/content/posts/2024", "site/content/other/i.md"],
    );
    let labels: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
    assert_eq!(
        labels,
        [
            ("site/content/posts/2024/a.md", "site/schemas/strict.s"),
            ("site/content/posts/2024/b.md", "site/schemas/any.s"),
            ("site/content/posts/2024/c.md", "site/schemas/strict.s"),
            ("site/content/other/i.md", "any"),
        ]
    );
    // A PATH given with `..` in it.
    let got = run(
        &base,
        Choice::Any,
        &["site/content/other/../posts/2024/a.md"],
    );
    assert_eq!(got[0].1, "site/schemas/strict.s");
    let _ = fs::remove_dir_all(&base);
}

#[test]
fn the_summary_counts_by_schema() {
    let base = the_site("summary");
    let paths = vec![base.join("site/content/posts")];
    let linter = Linter {
        schemas: Schemas::with_loader(&Choice::Any, &paths, stand_in).unwrap(),
        json: false,
        header_only: false,
        renderer: Renderer::new(),
    };
    let items: Vec<_> = inputs(paths).collect();
    let mut summary = Summary::default();
    for o in check_all(linter, items, 1) {
        summary.add(&o);
    }
    let text = summary.lines(std::time::Duration::ZERO);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[0].starts_with("schema ")
            && lines[0]
                .ends_with("strict.s: 2 documents: 2 valid, 0 invalid; 0 errors, 0 warnings"),
        "{text}"
    );
    assert!(
        lines[1].ends_with("any.s: 2 documents: 2 valid, 0 invalid; 0 errors, 0 warnings"),
        "{text}"
    );
    assert_eq!(
        lines[2],
        "schema none: 1 document: 1 valid, 0 invalid; 0 errors, 0 warnings"
    );
    assert_eq!(
        lines[3],
        "checked 5 documents in 0.00 s: 5 valid, 0 invalid; 0 errors, 0 warnings"
    );
    let _ = fs::remove_dir_all(&base);
}

#[test]
fn invalid_schemas_stop_the_run_unreadable_ones_do_not() {
    let base = the_site("invalid");
    // Named by a document: its outcome carries the reason to stop.
    fs::write(
        base.join("site/content/other/x.md"),
        "---\n$schema: ../../schemas/invalid.s\n---\n",
    )
    .unwrap();
    let paths = vec![base.join("site/content/other/x.md")];
    let linter = Linter {
        schemas: Schemas::with_loader(&Choice::Any, &paths, stand_in).unwrap(),
        json: true,
        header_only: false,
        renderer: Renderer::new(),
    };
    let items: Vec<_> = inputs(paths).collect();
    let outcome = &check_all(linter, items, 1)[0];
    assert!(
        outcome
            .fatal
            .as_deref()
            .unwrap()
            .ends_with("site/schemas/invalid.s`"),
        "{:?}",
        outcome.fatal
    );
    // Named by a configuration or by --schema: before anything is checked.
    fs::write(
        base.join("site/masthead.toml"),
        "[schemas]\n\"schemas/invalid.s\" = \"**\"\n",
    )
    .unwrap();
    let err = Schemas::with_loader(&Choice::Any, &[base.join("site")], stand_in).unwrap_err();
    assert!(err.ends_with("site/schemas/invalid.s`"), "{err}");
    let err = Schemas::with_loader(&Choice::File(base.join("nope.s")), &[], stand_in).unwrap_err();
    assert!(
        err.starts_with("cannot load schema `") && err.contains("nope.s`: "),
        "{err}"
    );
    // A malformed configuration is a usage error naming the file and line.
    fs::write(base.join("site/masthead.toml"), "[schemas]\n\"a\" = 1\n").unwrap();
    let err =
        Schemas::with_loader(&Choice::Any, &[base.join("site/content")], stand_in).unwrap_err();
    assert!(err.contains("masthead.toml:2`"), "{err}");
    let _ = fs::remove_dir_all(&base);
}

/// The same site layout with real JSON Schema files and the library's loader.
#[test]
fn json_schema_files_with_a_sibling_ref_and_the_schema_key_exempt() {
    let post = r#"{
  "type": "object",
  "required": ["title"],
  "properties": {"title": {"type": "string"}, "author": {"$ref": "author.schema.json"}},
  "additionalProperties": false
}"#;
    let author =
        r#"{"type": "object", "properties": {"url": {"type": "string", "format": "uri"}}}"#;
    let base = site(
        "json",
        &[
            (
                "masthead.toml",
                "[schemas]\n\"schemas/post.schema.json\" = \"posts\"\n",
            ),
            ("schemas/post.schema.json", post),
            ("schemas/author.schema.json", author),
            (
                "schemas/page.schema.yaml",
                "type: object\nrequired: [menu]\n",
            ),
            ("posts/a.md", "---\ntitle: A\nauthor:\n  url: /me\n---\n"),
            (
                "posts/b.md",
                "---\n$schema: ../schemas/post.schema.json\ntitle: B\n---\n",
            ),
            (
                "posts/c.md",
                "---\n$schema: schemas/page.schema.yaml\ntitle: C\n---\n",
            ),
        ],
    );
    let paths = vec![base.join("posts")];
    let linter = Linter {
        schemas: Schemas::new(&Choice::Any, &paths).unwrap(),
        json: true,
        header_only: false,
        renderer: Renderer::new(),
    };
    let items: Vec<_> = inputs(paths).collect();
    let records: Vec<serde_json::Value> = check_all(linter, items, 1)
        .iter()
        .map(|o| serde_json::from_str(&o.text).unwrap())
        .collect();
    let d = &records[0]["diagnostics"][0];
    assert_eq!(
        (
            d["kind"].as_str(),
            d["path"].as_str(),
            d["line"].as_u64(),
            d["column"].as_u64()
        ),
        (Some("malformed-url"), Some("author.url"), Some(4), Some(8)),
        "the $ref to the sibling file is followed: {}",
        records[0]
    );
    assert_eq!(
        records[1]["valid"], true,
        "the $schema key is not an unknown field: {}",
        records[1]
    );
    assert!(records[1]["schema"]
        .as_str()
        .unwrap()
        .ends_with("schemas/post.schema.json"));
    // From the configuration's folder, in YAML.
    assert!(records[2]["schema"]
        .as_str()
        .unwrap()
        .ends_with("schemas/page.schema.yaml"));
    assert_eq!(records[2]["diagnostics"][0]["kind"], "missing-field");
    let _ = fs::remove_dir_all(&base);
}

#[test]
fn a_schema_that_is_not_json_schema_stops_the_run_naming_the_file_and_line() {
    let base = site(
        "broken",
        &[
            (
                "bad.json",
                "{\n  \"type\": \"object\",\n  \"required\": [\"title\"\n}\n",
            ),
            ("wrong.json", "{\"type\": 12}"),
            ("remote.json", "{\"$ref\": \"https://example.org/s.json\"}"),
        ],
    );
    let load = |name: &str| Schemas::new(&Choice::File(base.join(name)), &[]).unwrap_err();
    let bad = load("bad.json");
    assert!(bad.contains("bad.json`: invalid JSON"), "{bad}");
    assert!(bad.ends_with("bad.json:4:1"), "{bad}");
    let wrong = load("wrong.json");
    assert!(
        wrong.contains("wrong.json`") && wrong.contains("not valid JSON Schema"),
        "{wrong}"
    );
    let remote = load("remote.json");
    assert!(remote.contains("remote.json`"), "{remote}");
    let missing = load("missing.json");
    assert!(
        missing.starts_with("cannot read schema `") && missing.contains("missing.json`: "),
        "{missing}"
    );
    let _ = fs::remove_dir_all(&base);
}

/// The example site of the README: what it shows is what lint finds.
#[test]
fn the_example_blog() {
    let blog = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../blog"));
    let paths = vec![blog];
    let linter = Linter {
        schemas: Schemas::new(&Choice::Any, &paths).unwrap(),
        json: false,
        header_only: false,
        renderer: Renderer::new(),
    };
    let items: Vec<_> = inputs(paths).collect();
    let mut summary = Summary::default();
    for o in check_all(linter, items, 2) {
        summary.add(&o);
    }
    assert_eq!(
        (summary.documents, summary.valid, summary.unreadable),
        (31, 21, 0)
    );
    let labels: Vec<_> = summary
        .by_schema
        .iter()
        .map(|(l, s)| (l.rsplit('/').next().unwrap(), s.documents, s.valid))
        .collect();
    assert_eq!(
        labels,
        [
            ("note.schema.json", 1, 1),
            ("none", 1, 1),
            ("page.schema.yaml", 2, 1),
            ("post.schema.json", 27, 18)
        ]
    );
    assert_eq!(summary.status(), 1);
}
