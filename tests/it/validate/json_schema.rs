//! JSON Schema behind `Schema` (#15): loading (files in JSON and YAML, sibling
//! `$ref`s, remote ones refused), drafts, formats and their options, and what each
//! keyword becomes: kind, severity, path, line, column and message.

use std::path::Path;

use masthead::{JsonSchemaOptions, Kind, Schema, Severity};
use serde_json::json;

pub(super) fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schemas")
        .join(name)
}

/// Every diagnostic of `src` as (kind, severity, path, line, column, message).
#[track_caller]
pub(super) fn check(
    schema: &Schema,
    src: &str,
) -> Vec<(Kind, Severity, String, usize, usize, String)> {
    masthead::validate_str(src, schema)
        .iter()
        .map(|d| {
            (
                d.kind(),
                d.severity(),
                d.path().to_owned(),
                d.line(),
                d.column(),
                d.message().to_owned(),
            )
        })
        .collect()
}

/// (kind, path, line, column) only.
#[track_caller]
fn places(schema: &Schema, src: &str) -> Vec<(Kind, String, usize, usize)> {
    check(schema, src)
        .into_iter()
        .map(|(k, _, p, l, c, _)| (k, p, l, c))
        .collect()
}

fn owned(v: &[(Kind, &str, usize, usize)]) -> Vec<(Kind, String, usize, usize)> {
    v.iter()
        .map(|&(k, p, l, c)| (k, p.to_owned(), l, c))
        .collect()
}

#[test]
fn a_yaml_schema_file_with_a_sibling_ref() {
    let schema = Schema::from_path(fixture("post.schema.yaml")).unwrap();
    let src = "---\ntitle: Hello\nauthr: me\nauthor:\n  url: /me\ntags: [a, b, a]\n---\n";
    assert_eq!(
        check(&schema, src),
        [
            (
                Kind::UnknownField,
                Severity::Error,
                "authr".to_owned(),
                3,
                1,
                "unknown field `authr`, expected `author`, `draft`, `tags` or `title`".to_owned()
            ),
            (
                Kind::MissingField,
                Severity::Error,
                "author.name".to_owned(),
                4,
                1,
                "missing field `author.name`".to_owned()
            ),
            (
                Kind::MalformedUrl,
                Severity::Error,
                "author.url".to_owned(),
                5,
                8,
                "invalid URL `/me`: a relative URL, expected an absolute one with a scheme"
                    .to_owned()
            ),
            (
                Kind::InvalidValue,
                Severity::Error,
                "tags".to_owned(),
                6,
                7,
                "the list repeats an entry, expected unique entries".to_owned()
            ),
        ]
    );
    assert!(masthead::validate_str(
        "---\ntitle: Hello\nauthor: {name: Me, url: 'https://me.nz/'}\n---\n",
        &schema
    )
    .is_empty());
}

#[test]
fn loading_errors_name_the_schema_and_what_is_wrong() {
    let remote = Schema::from_path(fixture("remote.schema.json")).unwrap_err();
    assert_eq!(remote.kind(), Kind::InvalidValue);
    assert!(
        remote
            .message()
            .contains("remote `$ref` `https://example.org/author.schema.json` is never fetched"),
        "{remote}"
    );
    assert!(remote.message().contains("remote.schema.json"), "{remote}");

    let broken = Schema::from_path(fixture("broken.schema.json")).unwrap_err();
    assert_eq!(broken.kind(), Kind::YamlSyntax);
    assert_eq!((broken.line(), broken.column()), (5, 1));
    assert!(broken.message().starts_with("schema `"), "{broken}");
    assert!(broken.message().contains("invalid JSON: EOF"), "{broken}");

    let missing = Schema::from_path(fixture("no-such.schema.json")).unwrap_err();
    assert_eq!(missing.kind(), Kind::Io);
    assert!(
        missing.message().starts_with("cannot read schema `"),
        "{missing}"
    );

    let invalid = Schema::from_json_schema(&json!({"type": "text"})).unwrap_err();
    assert_eq!(invalid.kind(), Kind::InvalidValue);
    assert!(
        invalid.message().contains("not valid JSON Schema"),
        "{invalid}"
    );

    // A value has no folder for a `$ref` to another document.
    let relative = Schema::from_json_schema(&json!({"$ref": "author.schema.json"})).unwrap_err();
    assert_eq!(relative.kind(), Kind::InvalidValue);
    assert!(
        relative.message().contains("load it from its file"),
        "{relative}"
    );

    // A meta-schema that is not a draft's own is never fetched; the drafts' are known.
    let meta = json!({"$schema": "https://example.org/meta.json", "type": "number"});
    let unknown = Schema::from_json_schema(&meta).unwrap_err();
    assert_eq!(unknown.kind(), Kind::InvalidValue);
    assert_eq!(
        unknown.message(),
        "schema: `$schema` names `https://example.org/meta.json`, a meta-schema masthead \
         does not know: it reads the JSON Schema drafts' own (such as \
         `https://json-schema.org/draft/2020-12/schema`) and never fetches another; name \
         one of them, or leave `$schema` out for draft 2020-12"
    );
    for draft in [
        "https://json-schema.org/draft/2020-12/schema",
        "http://json-schema.org/draft-07/schema#",
    ] {
        assert!(Schema::from_json_schema(&json!({"$schema": draft})).is_ok());
    }

    // YAML text, positioned in the text.
    let yaml = JsonSchemaOptions::new()
        .compile_str("type: object\nproperties: [\n")
        .unwrap_err();
    assert_eq!(yaml.kind(), Kind::YamlSyntax);
    assert_eq!(yaml.line(), 3);
}

#[test]
fn drafts_7_and_2020_12() {
    let draft7 = Schema::from_json_schema(&json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": {"count": {"type": "integer", "minimum": 1}},
        "properties": {"n": {"$ref": "#/definitions/count"}, "on": {"format": "date"}},
        "dependencies": {"n": ["on"]}
    }))
    .unwrap();
    assert_eq!(
        places(&draft7, "---\nn: 0\n---\n"),
        owned(&[
            (Kind::MissingField, "on", 1, 1),
            (Kind::InvalidValue, "n", 2, 4)
        ])
    );
    // Formats are asserted in draft 7 too.
    assert_eq!(
        places(&draft7, "---\non: 2024-02-30\n---\n"),
        owned(&[(Kind::MalformedDate, "on", 2, 5)])
    );
    // 2020-12 without `$schema`: `prefixItems` is a keyword.
    let latest = Schema::from_json_schema(&json!({
        "properties": {"pair": {"prefixItems": [{"type": "string"}, {"type": "integer"}]}}
    }))
    .unwrap();
    assert_eq!(
        places(&latest, "---\npair: [a, b]\n---\n"),
        owned(&[(Kind::InvalidType, "pair[1]", 2, 11)])
    );
}

#[test]
fn formats_and_their_options() {
    let schema = json!({"properties": {
        "at": {"type": "string", "format": "date-time"},
        "on": {"format": "date"},
        "mail": {"format": "email"},
        "odd": {"format": "no-such-format"}
    }});
    let lenient = Schema::from_json_schema(&schema).unwrap();
    for ok in [
        "2024-05-01",
        "2024-05-01 10:00",
        "2024-05-01T10:00:00",
        "2024-05-01 10:00:00 -0400",
        "2024-05-01T10:00:00.5+13:00",
    ] {
        let src = format!("---\nat: '{ok}'\nodd: x\n---\n");
        assert!(masthead::validate_str(&src, &lenient).is_empty(), "{ok}");
    }
    assert_eq!(
        check(
            &lenient,
            "---\nat: 2024-02-30 10:00\non: 2024-5-1\nmail: nobody\n---\n"
        ),
        [
            (
                Kind::MalformedDate,
                Severity::Error,
                "at".to_owned(),
                2,
                5,
                "invalid date `2024-02-30 10:00`: 2024-02 has 29 days".to_owned()
            ),
            (
                Kind::MalformedDate,
                Severity::Error,
                "on".to_owned(),
                3,
                5,
                "invalid date `2024-5-1`: expected `YYYY-MM-DD`".to_owned()
            ),
            (
                Kind::InvalidValue,
                Severity::Error,
                "mail".to_owned(),
                4,
                7,
                "`nobody` is not a valid `email`".to_owned()
            ),
        ]
    );
    let strict = JsonSchemaOptions::new()
        .strict_date_time(true)
        .compile(&schema)
        .unwrap();
    assert_eq!(
        places(&strict, "---\nat: 2024-05-01 10:00\n---\n"),
        owned(&[(Kind::MalformedDate, "at", 2, 5)])
    );
    assert!(masthead::validate_str("---\nat: 2024-05-01T10:00:00Z\n---\n", &strict).is_empty());
    let off = JsonSchemaOptions::new()
        .assert_formats(false)
        .compile(&schema)
        .unwrap();
    assert!(masthead::validate_str("---\nat: soon\nmail: nobody\n---\n", &off).is_empty());
}

#[test]
fn urls_follow_rfc_3986_as_well_as_the_url_crate() {
    let schema = Schema::from_json_schema(&json!({"properties": {
        "u": {"format": "uri"},
        "r": {"format": "uri-reference"},
        "i": {"format": "iri"},
        "ir": {"format": "iri-reference"}
    }}))
    .unwrap();
    let ok = "---\nu: https://example.org/a%20b?q=1#top\nr: ../a/b.md\ni: https://例え.jp/パス\nir: ./ça\n---\n";
    assert!(masthead::validate_str(ok, &schema).is_empty());
    let message = |key: &str, value: &str| {
        let src = format!("---\n{key}: '{value}'\n---\n");
        let found = check(&schema, &src);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].0, found[0].3, found[0].4),
            (Kind::MalformedUrl, 2, key.len() + 3)
        );
        found[0].5.clone()
    };
    let invalid = "invalid URL";
    for (key, value, reason) in [
        ("u", "https://example.org/foo bar.txt", "a space (character 24) is not allowed in a URI, write it as `%20`"),
        ("u", "https://example.org/a|b", "`|` (character 22) is not allowed in a URI, write it as `%7C`"),
        ("u", "https://example.org/café", "`é` (character 24) is not allowed in a URI (only in an IRI), write it as `%C3%A9`"),
        ("u", "https://example.org/50%", "`%` (character 23) is not a percent-encoded byte (`%` and two hex digits), write a `%` itself as `%25`"),
        ("u", "http:/[::1]", "RFC 3986 does not allow `[` at character 7"),
        ("r", "/a\\b", "`\\` (character 3) is not allowed in a URI reference, write it as `%5C`"),
        ("r", "1:b", "a `:` in the first segment of a relative reference reads as a scheme, write `./1:b`"),
        ("ir", "#ƒräg\\mênt", "`\\` (character 6) is not allowed in an IRI reference, write it as `%5C`"),
    ] {
        assert_eq!(message(key, value), format!("{invalid} `{value}`: {reason}"));
    }
    // What the url crate refuses keeps url's reason.
    assert_eq!(
        message("u", "http://999.999.999.999/"),
        "invalid URL `http://999.999.999.999/`: the host is not a valid IPv4 address"
    );
}

#[test]
fn international_host_names_and_addresses_are_checked() {
    let schema = Schema::from_json_schema(&json!({"properties": {
        "host": {"format": "idn-hostname"},
        "mail": {"format": "idn-email"}
    }}))
    .unwrap();
    assert!(masthead::validate_str(
        "---\nhost: 실례.테스트\nmail: 실례@실례.테스트\n---\n",
        &schema
    )
    .is_empty());
    assert_eq!(
        check(
            &schema,
            "---\nhost: -dash.example\nmail: a＠b.example\n---\n"
        ),
        [
            (
                Kind::InvalidValue,
                Severity::Error,
                "host".to_owned(),
                2,
                7,
                "`-dash.example` is not a valid `idn-hostname`".to_owned()
            ),
            (
                Kind::InvalidValue,
                Severity::Error,
                "mail".to_owned(),
                3,
                7,
                "`a＠b.example` is not a valid `idn-email`".to_owned()
            ),
        ]
    );
}

#[test]
fn combinators_are_explained_by_their_deepest_cause() {
    let schema = Schema::from_json_schema(&json!({
        "properties": {
            "when": {"anyOf": [
                {"type": "string", "format": "date"},
                {"type": "array", "items": {"type": "string", "format": "date"}}
            ]},
            "cover": {"oneOf": [
                {"type": "string", "format": "uri"},
                {"type": "object", "required": ["src"], "properties": {"src": {"format": "uri"}}}
            ]},
            "draft": {"type": "boolean"}
        },
        "if": {"properties": {"draft": {"const": false}}, "required": ["draft"]},
        "then": {"required": ["date"]}
    }))
    .unwrap();
    assert_eq!(
        check(
            &schema,
            "---\nwhen: [2024-01-01, 2024-02-30]\ncover: {alt: x}\ndraft: false\n---\n"
        ),
        [
            (
                Kind::MissingField,
                Severity::Error,
                "date".to_owned(),
                1,
                1,
                "missing field `date`".to_owned()
            ),
            (
                Kind::MalformedDate,
                Severity::Error,
                "when[1]".to_owned(),
                2,
                20,
                "invalid date `2024-02-30`: 2024-02 has 29 days".to_owned()
            ),
            (
                Kind::MissingField,
                Severity::Error,
                "cover.src".to_owned(),
                3,
                1,
                "missing field `cover.src`".to_owned()
            ),
        ]
    );
    assert_eq!(
        check(&schema, "---\nwhen: 5\n---\n"),
        [(
            Kind::InvalidType,
            Severity::Error,
            "when".to_owned(),
            2,
            7,
            "invalid type: integer `5`, expected a date or a list of dates".to_owned()
        )]
    );
}

#[test]
fn empty_values_and_nested_paths() {
    let schema = Schema::from_json_schema(&json!({
        "required": ["title", "tags"],
        "properties": {
            "title": {"type": "string", "minLength": 1},
            "tags": {"type": "array", "minItems": 1, "items": {"type": "string", "maxLength": 5}},
            "author": {"properties": {"url": {"type": "string", "format": "uri"}}}
        }
    }))
    .unwrap();
    assert_eq!(
        check(&schema, "---\ntitle: ''\ntags: []\n---\n"),
        [
            (
                Kind::EmptyValue,
                Severity::Error,
                "title".to_owned(),
                2,
                8,
                "blank value \"\", expected a non-empty string".to_owned()
            ),
            (
                Kind::EmptyValue,
                Severity::Error,
                "tags".to_owned(),
                3,
                7,
                "empty list, expected at least one entry".to_owned()
            ),
        ]
    );
    assert_eq!(
        places(&schema, "---\ntitle:\ntags: ~\n---\n"),
        owned(&[
            (Kind::EmptyValue, "title", 2, 1),
            (Kind::EmptyValue, "tags", 3, 7)
        ])
    );
    assert_eq!(
        places(
            &schema,
            "---\ntitle: x\ntags:\n  - a\n  - b\n  - toolong\nauthor:\n  url: me\n---\n"
        ),
        owned(&[
            (Kind::InvalidValue, "tags[2]", 6, 5),
            (Kind::MalformedUrl, "author.url", 8, 8)
        ])
    );
}

#[test]
fn what_json_cannot_hold_is_reported() {
    let schema = Schema::from_json_schema(&json!({
        "properties": {"n": {"type": "number"}, "t": {"type": "string"}, "m": {"properties": {}}}
    }))
    .unwrap();
    assert_eq!(
        check(&schema, "---\nn: .inf\nt: .nan\nm: {1: a, [x]: b}\n---\n"),
        [
            (
                Kind::InvalidType,
                Severity::Error,
                "n".to_owned(),
                2,
                4,
                "invalid type: float `.inf` (JSON has no infinity or NaN), expected a number"
                    .to_owned()
            ),
            (
                Kind::InvalidType,
                Severity::Warning,
                "t".to_owned(),
                3,
                4,
                "`.nan` is a string here, but other YAML readers (Astro's js-yaml among them) read the number `NaN`"
                    .to_owned()
            ),
            (
                Kind::InvalidType,
                Severity::Warning,
                "m".to_owned(),
                4,
                5,
                "key `1` is an integer, read as the field name `1`: quote it".to_owned()
            ),
            (
                Kind::InvalidType,
                Severity::Error,
                "m".to_owned(),
                4,
                11,
                "invalid type: sequence as a key, expected a field name".to_owned()
            ),
        ]
    );
}

#[test]
fn the_release_schema_file_is_the_release_schema() {
    let file = Schema::from_path(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/release.schema.json"),
    )
    .unwrap()
    .require_front_matter(true);
    let src =
        "---\ntitle: x\ndate: 0001-01-01\nurl: ftp://x.nz/\nministers: [A]\nportfolios: []\n---\n";
    assert_eq!(check(&file, src), check(&Schema::release(), src));
    assert_eq!(
        check(&Schema::release(), src),
        [
            (
                Kind::MalformedDate,
                Severity::Warning,
                "date".to_owned(),
                3,
                7,
                "placeholder date `0001-01-01`".to_owned()
            ),
            (
                Kind::MalformedUrl,
                Severity::Error,
                "url".to_owned(),
                4,
                6,
                "invalid URL `ftp://x.nz/`: scheme `ftp` is not allowed, expected `http` or `https`"
                    .to_owned()
            ),
            (
                Kind::EmptyValue,
                Severity::Error,
                "portfolios".to_owned(),
                6,
                13,
                "empty list, expected at least one entry".to_owned()
            ),
        ]
    );
    assert_eq!(
        Schema::release().json_schema().unwrap()["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}
