//! The builder emits JSON Schema and runs through the one engine: a builder schema
//! and the equivalent hand-written JSON Schema give the same diagnostics (kind,
//! severity, path, line, column, message), on the curated corpus and on documents
//! made to break each rule; every builder method applies to its rule.

use masthead::{Rule, Schema};
use serde_json::json;

use crate::corpus::{curated, files_under};

/// The release schema, built: what `examples/release.schema.json` says.
fn release_built() -> Schema {
    let names = || Rule::list(Rule::string().non_empty()).non_empty();
    Schema::new()
        .require_front_matter(true)
        .required("title", Rule::string().non_empty())
        .required("date", Rule::date().placeholders(["0001-01-01"]))
        .required("url", Rule::url().schemes(["http", "https"]))
        .required("ministers", names())
        .required("portfolios", names())
        .optional("attachments", Rule::list(Rule::url()))
}

/// A schema of every builder method, and the same by hand.
fn every_rule() -> (Schema, Schema) {
    let built = Schema::new()
        .required(
            "title",
            Rule::string().non_empty().max_len(20).pattern("^[A-Z]"),
        )
        .optional("slug", Rule::string().min_len(3))
        .optional("when", Rule::date_time())
        .optional("draft", Rule::boolean())
        .optional("weight", Rule::integer().min(0).max(10))
        .optional("ratio", Rule::number().max(1.5))
        .optional("status", Rule::one_of_values(["draft", "published"]))
        .optional("tags", Rule::list(Rule::string()).non_empty().max_len(3))
        .optional("site", Rule::url().host_suffix("example.org").warning())
        .required("author.name", Rule::string())
        .optional("author.url", Rule::url())
        .strict(true);
    let text = json!(["string", "number", "boolean"]);
    let text_or_null = json!(["string", "number", "boolean", "null"]);
    let hand = json!({
        "type": "object",
        "required": ["title", "author"],
        "properties": {
            "title": {"type": text, "minLength": 1, "maxLength": 20, "pattern": "\\S", "allOf": [{"pattern": "^[A-Z]"}]},
            "slug": {"type": text_or_null, "minLength": 3},
            "when": {"type": ["string", "null"], "minLength": 1, "format": "date-time"},
            "draft": {"type": ["boolean", "null"]},
            "weight": {"type": ["integer", "null"], "minimum": 0, "maximum": 10},
            "ratio": {"type": ["number", "null"], "maximum": 1.5},
            "status": {"anyOf": [{"type": "null"}, {"enum": ["draft", "published"]}]},
            "tags": {"type": ["array", "null"], "items": {"type": text}, "minItems": 1, "maxItems": 3},
            "site": {"type": ["string", "null"], "minLength": 1, "format": "uri",
                     "x-masthead-host-suffix": "example.org", "x-masthead-warning": true},
            "author": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": text},
                    "url": {"type": ["string", "null"], "minLength": 1, "format": "uri"}
                },
                "additionalProperties": false
            }
        },
        "additionalProperties": false
    });
    assert_eq!(built.json_schema(), Some(&hand), "the emitted schema");
    (
        built,
        Schema::from_json_schema(&hand).expect("valid JSON Schema"),
    )
}

type Seen = Vec<(String, String, String, usize, usize, String)>;

fn seen(src: &str, schema: &Schema) -> Seen {
    masthead::validate_str(src, schema)
        .iter()
        .map(|d| {
            let (kind, severity) = (d.kind().as_str(), d.severity().as_str());
            let (kind, severity, path) =
                (kind.to_owned(), severity.to_owned(), d.path().to_owned());
            (
                kind,
                severity,
                path,
                d.line(),
                d.column(),
                d.message().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_built_release_schema_reports_what_the_release_json_schema_does() {
    let built = release_built();
    let json = Schema::release();
    let mut docs = 0;
    let mut found = 0;
    for file in files_under(curated()) {
        let Ok(src) = std::fs::read_to_string(&file) else {
            continue;
        };
        let want = seen(&src, &json);
        assert_eq!(seen(&src, &built), want, "{}", file.display());
        docs += 1;
        found += want.len();
    }
    assert!(
        docs > 100 && found > 100,
        "{docs} documents, {found} diagnostics"
    );
}

#[test]
fn a_builder_schema_and_its_json_schema_by_hand_agree() {
    let (built, hand) = every_rule();
    let cases = [
        "title: Hello\nauthor: {name: Jo}\n",
        "title: ''\nauthor: {name: Jo}\n",
        "title: hello\nauthor: {name: Jo}\n",
        "title: A title that is much too long\nauthor: {name: Jo}\n",
        "title: Hi\nslug: ab\nauthor: {name: Jo}\n",
        "title: Hi\nwhen: 2024-02-30 10:00\nauthor: {name: Jo}\n",
        "title: Hi\ndraft: yes\nweight: 11\nratio: 2\nauthor: {name: Jo}\n",
        "title: Hi\nweight: 1.5\nstatus: gone\nauthor: {name: Jo}\n",
        "title: Hi\ntags: []\nauthor: {name: Jo}\n",
        "title: Hi\ntags: [a, b, c, d]\nauthor: {name: Jo}\n",
        "title: Hi\nsite: https://example.com/\nauthor: {name: Jo}\n",
        "title: Hi\nsite: /relative\nauthor: {name: Jo}\n",
        "title: Hi\nauthor: {url: /me}\n",
        "title: Hi\nauthor: {name: [Jo], mail: x}\ntitel: y\n",
        "title: ~\nauthor:\n",
        "- a\n",
    ];
    for case in cases {
        let src = format!("---\n{case}---\n");
        let want = seen(&src, &hand);
        assert_eq!(seen(&src, &built), want, "{case}");
        assert!(
            !want.is_empty() || case.starts_with("title: Hello"),
            "{case}"
        );
    }
}

#[test]
fn every_builder_method_applies() {
    let (built, _) = every_rule();
    let kinds = |case: &str| -> Vec<(String, String, String)> {
        seen(&format!("---\n{case}---\n"), &built)
            .into_iter()
            .map(|(k, s, p, ..)| (k, s, p))
            .collect()
    };
    let one = |k: &str, s: &str, p: &str| vec![(k.to_owned(), s.to_owned(), p.to_owned())];
    let ok = "author: {name: Jo}\n";
    assert_eq!(kinds(&format!("title: Hello\n{ok}")), []);
    assert_eq!(
        kinds(&format!("title: ' '\n{ok}")),
        one("empty-value", "error", "title")
    );
    assert_eq!(
        kinds(&format!("title: hello\n{ok}")),
        one("invalid-value", "error", "title")
    );
    assert_eq!(
        kinds(&format!("title: Abcdefghijklmnopqrstu\n{ok}")),
        one("invalid-value", "error", "title")
    );
    assert_eq!(
        kinds(&format!("title: Hi\nslug: ab\n{ok}")),
        one("invalid-value", "error", "slug")
    );
    assert_eq!(
        kinds(&format!("title: Hi\nwhen: x\n{ok}")),
        one("malformed-date", "error", "when")
    );
    assert_eq!(
        kinds(&format!("title: Hi\ndraft: 1\n{ok}")),
        one("invalid-type", "error", "draft")
    );
    assert_eq!(
        kinds(&format!("title: Hi\nweight: -1\n{ok}")),
        one("invalid-value", "error", "weight")
    );
    assert_eq!(
        kinds(&format!("title: Hi\nweight: 11\n{ok}")),
        one("invalid-value", "error", "weight")
    );
    assert_eq!(
        kinds(&format!("title: Hi\nratio: 1.6\n{ok}")),
        one("invalid-value", "error", "ratio")
    );
    assert_eq!(
        kinds(&format!("title: Hi\nstatus: x\n{ok}")),
        one("invalid-value", "error", "status")
    );
    assert_eq!(
        kinds(&format!("title: Hi\ntags: []\n{ok}")),
        one("empty-value", "error", "tags")
    );
    assert_eq!(
        kinds(&format!("title: Hi\ntags: [a, b, c, d]\n{ok}")),
        one("invalid-value", "error", "tags")
    );
    assert_eq!(
        kinds(&format!("title: Hi\nsite: https://x.com/\n{ok}")),
        one("malformed-url", "warning", "site")
    );
    assert_eq!(
        kinds("title: Hi\n"),
        one("missing-field", "error", "author")
    );
    assert_eq!(
        kinds("title: Hi\nauthor: {}\n"),
        one("missing-field", "error", "author.name")
    );
    assert_eq!(
        kinds("title: Hi\nauthor: {name: Jo, url: x}\n"),
        one("malformed-url", "error", "author.url")
    );
    assert_eq!(
        kinds(&format!("title: Hi\nx: 1\n{ok}")),
        one("unknown-field", "error", "x")
    );
}

#[test]
fn a_dotted_name_is_a_path_and_a_key_with_a_dot_is_asked_for_as_written() {
    let nested = Schema::new().required("ms.date", Rule::date());
    let literal = Schema::new().required_key("ms.date", Rule::date());
    let src = "---\nms.date: 2024-05-01\n---\n";
    assert_eq!(seen(src, &literal), []);
    assert_eq!(seen(src, &nested)[0].0, "missing-field");
    assert_eq!(seen("---\nms:\n  date: 2024-05-01\n---\n", &nested), []);
}

#[test]
fn a_pattern_the_engine_refuses_is_reported_not_a_panic() {
    let schema = Schema::new().required("t", Rule::string().pattern("(unclosed"));
    let report = masthead::validate_str("---\nt: x\n---\n", &schema);
    let d = report.iter().next().expect("the schema error");
    assert_eq!(d.kind(), masthead::Kind::InvalidValue);
    assert!(
        d.message().contains("not valid JSON Schema"),
        "{}",
        d.message()
    );
}

#[test]
fn schemes_are_written_beside_their_pattern_and_named_in_the_message() {
    let built = Schema::new().required("u", Rule::url().schemes(["FTP", "sftp"]));
    let field = &built.json_schema().unwrap()["properties"]["u"];
    assert_eq!(field["pattern"], "^([Ff][Tt][Pp]|[Ss][Ff][Tt][Pp]):");
    assert_eq!(field["x-masthead-schemes"], json!(["ftp", "sftp"]));
    let expected = "invalid URL `https://x.nz/`: scheme `https` is not allowed, expected \
                    `ftp` or `sftp`";
    let message = |schema: &Schema| {
        let report = masthead::validate_str("---\nu: https://x.nz/\n---\n", schema);
        let d = report.iter().next().cloned().unwrap();
        (d.kind(), d.message().to_owned())
    };
    assert_eq!(
        message(&built),
        (masthead::Kind::MalformedUrl, expected.to_owned())
    );
    // A schema file that lists its schemes gets the same message, whatever the
    // pattern's spelling; without the list, only `http(s)` patterns are read.
    let by_hand = |extra: serde_json::Value| {
        let mut field = json!({"type": "string", "format": "uri", "pattern": "^(ftp|sftp):"});
        field
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        Schema::from_json_schema(&json!({"type": "object", "properties": {"u": field}})).unwrap()
    };
    assert_eq!(
        message(&by_hand(json!({"x-masthead-schemes": ["ftp", "sftp"]}))),
        (masthead::Kind::MalformedUrl, expected.to_owned())
    );
    let (kind, unlisted) = message(&by_hand(json!({})));
    assert_eq!(kind, masthead::Kind::MalformedUrl);
    assert!(
        unlisted.contains("does not match `^(ftp|sftp):`"),
        "{unlisted}"
    );
}
