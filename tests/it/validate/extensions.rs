//! Validation's edges that the mutation runs (#17) found untested: warnings reached
//! through `$ref` (plain and percent-encoded), `allOf` branches and enclosing
//! subschemas; what a subschema expects, in words; schema text errors; keys JSON
//! cannot name as written (`.inf`); URL schemes with punctuation; extension keywords
//! as alternatives; the builder's subschemas and settings; repeated keys; errors
//! inside a sibling schema file a `$ref` reaches.

use masthead::{Kind, Rule, Schema, Severity};
use serde_json::json;

use super::json_schema::{check, fixture};

/// (severity, path) only.
#[track_caller]
fn severities(schema: &Schema, src: &str) -> Vec<(Severity, String)> {
    check(schema, src)
        .into_iter()
        .map(|(_, s, p, ..)| (s, p))
        .collect()
}

fn schema(json: serde_json::Value) -> Schema {
    Schema::from_json_schema(&json).expect("a valid JSON Schema")
}

#[test]
fn a_warning_behind_a_ref_stays_a_warning() {
    let s = schema(json!({
        "properties": {
            "a": {"$ref": "#/$defs/soft"},
            "b": {"$ref": "#/$defs/hard"}
        },
        "$defs": {
            "soft": {"type": "string", "x-masthead-warning": true},
            "hard": {"type": "string"}
        }
    }));
    assert_eq!(
        severities(&s, "---\na: 1\nb: 2\n---\n"),
        [
            (Severity::Warning, "a".to_owned()),
            (Severity::Error, "b".to_owned())
        ]
    );
}

#[test]
fn a_percent_encoded_ref_is_decoded() {
    let s = schema(json!({
        "properties": {
            "a": {"$ref": "#/$defs/soft%20one"},
            "b": {"$ref": "#/$defs/hard%20one"}
        },
        "$defs": {
            "soft one": {"type": "string", "x-masthead-warning": true},
            "hard one": {"type": "string"}
        }
    }));
    assert_eq!(
        severities(&s, "---\na: 1\nb: 2\n---\n"),
        [
            (Severity::Warning, "a".to_owned()),
            (Severity::Error, "b".to_owned())
        ]
    );
}

#[test]
fn a_warning_on_an_enclosing_subschema_or_a_branch_holds_for_its_keywords() {
    let s = schema(json!({
        "properties": {
            "outer": {
                "x-masthead-warning": true,
                "properties": {"inner": {"properties": {"n": {"type": "integer"}}}}
            },
            "branch": {"allOf": [{"type": "integer"}, {"minimum": 5, "x-masthead-warning": true}]},
            "plain": {"properties": {"n": {"type": "integer"}}}
        }
    }));
    assert_eq!(
        severities(
            &s,
            "---\nouter:\n  inner:\n    n: x\nbranch: 1\nplain:\n  n: x\n---\n"
        ),
        [
            (Severity::Warning, "outer.inner.n".to_owned()),
            (Severity::Warning, "branch".to_owned()),
            (Severity::Error, "plain.n".to_owned())
        ]
    );
    let s = schema(json!({
        "properties": {"branch": {"allOf": [{"type": "integer"}, {"minimum": 5, "x-masthead-warning": true}]}}
    }));
    assert_eq!(
        severities(&s, "---\nbranch: x\n---\n"),
        [(Severity::Error, "branch".to_owned())]
    );
}

#[test]
fn infinite_keys_are_named_as_yaml_writes_them() {
    let s = schema(json!({
        "properties": {
            ".inf": {"type": "integer"},
            "-.inf": {"type": "integer"},
            "1.5": {"type": "integer"}
        },
        "additionalProperties": false
    }));
    let found = check(&s, "---\n.inf: a\n-.inf: b\n1.5: c\n---\n");
    let paths: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    assert!(
        found.iter().all(|f| f.0 != Kind::UnknownField),
        "{found:#?}"
    );
    for p in [".inf", "-.inf", "1.5"] {
        assert!(paths.iter().any(|q| q.contains(p)), "{p}: {found:#?}");
    }
}

#[test]
fn infinite_values_keep_their_sign() {
    let s = schema(json!({"properties": {"n": {"type": "number"}, "m": {"type": "number"}}}));
    let found = check(&s, "---\nn: .inf\nm: -.inf\n---\n");
    let messages: Vec<&str> = found.iter().map(|f| f.5.as_str()).collect();
    assert_eq!(
        messages,
        [
            "invalid type: float `.inf` (JSON has no infinity or NaN), expected a number",
            "invalid type: float `-.inf` (JSON has no infinity or NaN), expected a number"
        ]
    );
}

#[test]
fn schemes_with_punctuation_are_matched_as_written() {
    let s = Schema::new().required("u", Rule::url().schemes(["git+ssh", "a.b-c"]));
    for ok in ["git+ssh://x.nz/r", "GIT+SSH://x.nz/r", "a.b-c://x.nz/"] {
        assert_eq!(check(&s, &format!("---\nu: {ok}\n---\n")), [], "{ok}");
    }
    for bad in ["gitssh://x.nz/r", "git-ssh://x.nz/r", "aXb-c://x.nz/"] {
        let found = check(&s, &format!("---\nu: {bad}\n---\n"));
        assert_eq!(found.len(), 1, "{bad}: {found:#?}");
        assert_eq!(found[0].0, Kind::MalformedUrl, "{bad}");
    }
}

/// Schema text that does not parse: JSON (text that opens with `{`, after a BOM too) or
/// YAML, each error at its line and column in the text as given.
#[test]
fn schema_text_errors_are_placed_in_the_text() {
    let opts = masthead::JsonSchemaOptions::new();
    for (text, language, at) in [
        ("{\n  \"type\": tru\n}\n", "JSON", (3, 1)),
        ("\u{feff}{\n  \"type\": tru\n}\n", "JSON", (3, 1)),
        (
            "{\"type\": \"object\",\n\"x\": 1,\n  \"y\": [1,, 2]}\n",
            "JSON",
            (3, 11),
        ),
        ("a: 1\nb: c: d\n", "YAML", (2, 5)),
        ("\u{feff}a: 1\nb: c: d\n", "YAML", (2, 5)),
        ("\u{feff}a: 1\n\nb: 2\n  c: d\n", "YAML", (4, 4)),
    ] {
        let e = opts.compile_str(text).unwrap_err();
        assert_eq!(e.kind(), Kind::YamlSyntax, "{text:?}");
        assert_eq!((e.line(), e.column()), at, "{text:?}: {e}");
        assert!(
            e.message().starts_with(&format!("invalid {language}: ")),
            "{text:?}: {e}"
        );
        assert!(!e.message().contains(" at line "), "{text:?}: {e}");
    }
}

/// A YAML schema text's error that names where its context starts gives the line in
/// the text as given (the text is read inside a wrapper one line longer).
#[test]
fn schema_text_error_contexts_are_lines_of_the_text() {
    let opts = masthead::JsonSchemaOptions::new();
    for (text, context) in [
        ("a: [1, 2\nb: 3\n", "line 1 column 4"),
        ("\u{feff}x: 1\ny: 2\na: {b: 1\n", "line 3 column 4"),
    ] {
        let e = opts.compile_str(text).unwrap_err();
        assert_eq!(e.kind(), Kind::YamlSyntax, "{text:?}");
        assert!(
            e.message().ends_with(&format!("that starts at {context})")),
            "{text:?}: {e}"
        );
    }
}

/// `n` levels of `key` (`anyOf`, `allOf`) around `inner`.
fn nested(key: &str, n: usize, inner: serde_json::Value) -> serde_json::Value {
    (0..n).fold(inner, |s, _| json!({ key: [s] }))
}

/// What a subschema expects, in the message of a value that no branch of an `anyOf`
/// takes: each way of saying a type, and the bound on `$ref` and combinator nesting
/// (8 levels are followed, the 9th is "a valid value").
#[test]
fn what_a_branch_expects_is_described() {
    let mut defs = serde_json::Map::new();
    for i in 0..12 {
        defs.insert(
            format!("d{i}"),
            json!({"$ref": format!("#/$defs/d{}", i + 1)}),
        );
    }
    defs.insert("d12".to_owned(), json!({"type": "integer"}));
    defs.insert("an int".to_owned(), json!({"type": "integer"}));
    for name in ["R&D int", "caf\u{e9}", "p+q", "p+q r", "x=y%"] {
        defs.insert(name.to_owned(), json!({"type": "integer"}));
    }
    let integer = json!({"type": "integer"});
    let cases = [
        // $ref hops: d5 is 8 from the integer, d4 is 9.
        (json!({"$ref": "#/$defs/d5"}), "an integer"),
        (json!({"$ref": "#/$defs/d4"}), "a valid value"),
        (json!({"$ref": "#/$defs/d0"}), "a valid value"),
        (json!({"$ref": "#/$defs/an%20int"}), "an integer"),
        // Percent-escapes decoded, in either case, and nothing else changed.
        (json!({"$ref": "#/$defs/R&D%20int"}), "an integer"),
        (json!({"$ref": "#/$defs/caf%C3%A9"}), "an integer"),
        (json!({"$ref": "#/$defs/caf%c3%a9"}), "an integer"),
        (json!({"$ref": "#/$defs/p%2bq"}), "an integer"),
        (json!({"$ref": "#/$defs/p+q%20r"}), "an integer"),
        (json!({"$ref": "#/$defs/x=y%25"}), "an integer"),
        // A branch that wants another type, described through the first of its
        // `allOf` (1 level) and then `anyOf` or `oneOf` levels.
        (
            json!({"allOf": [nested("anyOf", 7, integer.clone()), integer]}),
            "an integer",
        ),
        (
            json!({"allOf": [nested("anyOf", 8, integer.clone()), integer]}),
            "a valid value",
        ),
        (
            json!({"allOf": [nested("oneOf", 7, integer.clone()), integer]}),
            "an integer",
        ),
        (
            json!({"allOf": [nested("oneOf", 8, integer.clone()), integer]}),
            "a valid value",
        ),
        (
            json!({"allOf": [{"anyOf": [integer, {"type": "null"}]}, integer]}),
            "an integer or null",
        ),
        (nested("allOf", 8, integer.clone()), "an integer"),
        (nested("allOf", 9, integer.clone()), "a valid value"),
        (json!({"allOf": [false, {"type": "integer"}]}), "nothing"),
        (json!({"allOf": [true, {"type": "integer"}]}), "any value"),
        (json!({"type": "string", "format": "date"}), "a date"),
        (json!({"type": "string", "format": "date-time"}), "a date"),
        (json!({"type": "string", "format": "time"}), "a time"),
        (json!({"type": "string", "format": "uri"}), "a URL"),
        (json!({"type": "string", "format": "email"}), "a string"),
        (
            json!({"allOf": [{"type": "integer"}, {"minimum": 1}]}),
            "an integer",
        ),
        (json!({"type": ["integer", "null"]}), "an integer"),
        (json!({"type": ["null"]}), "null"),
        (json!({"type": "null"}), "null"),
        (json!({"type": ["string", "integer"]}), "a string"),
        (json!({"type": ["string", "array"]}), "a string or a list"),
        (
            json!({"type": ["integer", "boolean"]}),
            "an integer or a boolean",
        ),
        (json!({"type": "string"}), "a string"),
        (
            json!({"type": "string", "minLength": 1}),
            "a non-empty string",
        ),
        (
            json!({"type": "array", "items": {"type": "integer"}}),
            "a list of integers",
        ),
        (json!({"type": "array", "items": true}), "a list"),
        (json!({"type": "array"}), "a list"),
    ];
    for (c, expected) in cases {
        let s = schema(json!({
            "$defs": defs,
            "properties": {"x": {"anyOf": [{"type": "boolean"}, c.clone()]}}
        }));
        let found = check(&s, "---\nx: {}\n---\n");
        let messages: Vec<&str> = found.iter().map(|f| f.5.as_str()).collect();
        assert_eq!(
            messages,
            [format!(
                "invalid type: mapping, expected a boolean or {expected}"
            )],
            "{c}"
        );
    }
}

/// Custom checks and host suffixes as alternatives: the engine asks each branch
/// whether it passes, without its errors.
#[test]
fn extension_keywords_answer_as_alternatives() {
    let lower = Rule::custom(
        "lower",
        |v| v.as_str().is_some_and(|s| s.to_lowercase() == s),
        "`{value}` is not lowercase",
    );
    let short = Rule::custom(
        "short",
        |v| v.as_str().is_some_and(|s| s.len() < 4),
        "`{value}` is long",
    );
    let s = Schema::new()
        .required(
            "a",
            Rule::one_of([lower.clone().into(), Rule::integer().into()]),
        )
        .required("b", Rule::one_of([short.into(), Rule::integer().into()]));
    assert_eq!(check(&s, "---\na: abcdef\nb: ABC\n---\n"), []);
    let found = check(&s, "---\na: ABC\nb: abcdef\n---\n");
    let paths: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(paths, ["a", "b"], "{found:#?}");

    let govt = Rule::url().host_suffix("govt.nz");
    let s = Schema::new().required("u", Rule::one_of([govt.into(), Rule::integer().into()]));
    assert_eq!(check(&s, "---\nu: https://www.govt.nz/\n---\n"), []);
    assert_eq!(check(&s, "---\nu: 7\n---\n"), []);
    let found = check(&s, "---\nu: https://example.com/\n---\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].5,
        "invalid URL `https://example.com/`: host `example.com` is not `govt.nz` or under it"
    );
}

#[test]
fn json_schema_options_compare_and_show_their_choices() {
    use masthead::JsonSchemaOptions;
    assert_eq!(JsonSchemaOptions::new(), JsonSchemaOptions::default());
    assert_ne!(
        JsonSchemaOptions::new(),
        JsonSchemaOptions::new().assert_formats(false)
    );
    assert_eq!(
        format!("{:?}", JsonSchemaOptions::new()),
        "JsonSchemaOptions { formats: true, strict_date_time: false, customs: [] }"
    );
    let shown = format!(
        "{:?}",
        Schema::from_json_schema(&json!({"type": "object"})).unwrap()
    );
    assert!(
        shown.contains(
            r#"JsonSchema { schema: Object {"type": String("object")}, options: JsonSchemaOptions {"#
        ),
        "{shown}"
    );
}

/// The subschema a builder field gets: an optional field also takes null (a type
/// widened, or an `anyOf` with null for a rule with no type); a required field with
/// no rule at all takes any value but null.
#[test]
fn builder_fields_take_null_only_when_optional() {
    let id = |v: &serde_json::Value| v.is_string();
    let s = Schema::new()
        .required("any", Rule::any())
        .optional("maybe", Rule::any())
        .required("n", Rule::integer())
        .optional("m", Rule::integer())
        .required("c", Rule::custom("c", id, "no"))
        .optional("d", Rule::custom("d", id, "no"))
        .optional("e", Rule::one_of_values(["a", "b"]));
    let json = s.json_schema().unwrap().clone();
    let props = &json["properties"];
    assert_eq!(
        props["any"],
        json!({"type": ["string", "number", "boolean", "array", "object"]})
    );
    assert_eq!(props["maybe"], json!({}));
    assert_eq!(props["n"], json!({"type": "integer"}));
    assert_eq!(props["m"], json!({"type": ["integer", "null"]}));
    assert!(props["c"].get("x-masthead-custom").is_some(), "{json}");
    assert_eq!(props["c"].get("type"), None, "{json}");
    assert_eq!(
        format!("{:?}", Rule::integer()),
        r#"NumberRule(Rule { json: {"type": String("integer")} })"#
    );
    assert_eq!(
        Rule::from(Rule::integer().min(1)).json_schema(),
        json!({"type": "integer", "minimum": 1})
    );
    assert_eq!(props["d"]["anyOf"][0], json!({"type": "null"}), "{json}");
    assert!(
        props["d"]["anyOf"][1].get("x-masthead-custom").is_some(),
        "{json}"
    );
    assert_eq!(props["e"]["anyOf"][0], json!({"type": "null"}), "{json}");
    assert_eq!(json["required"], json!(["any", "n", "c"]));
    assert_eq!(
        severities(&s, "---\nany: ~\nmaybe: ~\nn: 1\nc: x\nd: ~\ne: ~\n---\n"),
        [(Severity::Error, "any".to_owned())]
    );
}

/// A schema with no field and not strict emits no JSON Schema and runs no engine:
/// its one check is that the root is a mapping.
#[test]
fn a_schema_without_fields_emits_nothing() {
    assert_eq!(Schema::new().json_schema(), None);
    assert_eq!(Schema::any().json_schema(), None);
    assert_eq!(Schema::new().strict(false).json_schema(), None);
    assert!(Schema::new().strict(true).json_schema().is_some());
    assert_eq!(
        check(&Schema::new(), "---\n- a\n---\n"),
        [(
            Kind::InvalidType,
            Severity::Error,
            String::new(),
            2,
            1,
            "invalid type: sequence, expected a mapping".to_owned()
        )]
    );
}

/// A date the TOML reading refuses is reported once: dropped only where a rule
/// reports the same kind at the same place, kept beside a rule's report of the same
/// kind elsewhere or of another kind at the same place.
#[cfg(feature = "toml")]
#[test]
fn a_refused_toml_date_is_reported_once_beside_the_rules() {
    let src = "+++\nupdated = 2024-13-01\nwhen = \"x\"\nn = 2023-02-29\n+++\n";
    let schema = Schema::new()
        .required("when", Rule::date())
        .required("n", Rule::integer());
    let found: Vec<(Kind, String, usize, usize)> = check(&schema, src)
        .into_iter()
        .map(|(k, _, p, l, c, _)| (k, p, l, c))
        .collect();
    let at = |k, p: &str, l, c| (k, p.to_owned(), l, c);
    assert_eq!(
        found,
        [
            at(Kind::MalformedDate, "updated", 2, 11),
            at(Kind::MalformedDate, "when", 3, 8),
            at(Kind::InvalidType, "n", 4, 5),
            at(Kind::MalformedDate, "n", 4, 5),
        ]
    );
    // The same date under a date rule: one report.
    let schema = Schema::new().required("updated", Rule::date());
    let found = check(
        &schema,
        "+++
updated = 2024-13-01
+++
",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].0, found[0].3, found[0].4),
        (Kind::MalformedDate, 2, 11)
    );
}

/// Keys written as collections are the same key only when they are equal: two
/// different sequences (or mappings) are two keys, though neither has a text.
#[test]
fn collection_keys_repeat_only_when_equal() {
    let s = Schema::new();
    assert_eq!(
        check(
            &s,
            "---\n[a]: 1\n[b]: 2\n{c: d}: 3\n{c: e}: 4\n'?': 5\n---\n"
        ),
        []
    );
    let found = check(&s, "---\n[a]: 1\n[b]: 2\n[a]: 3\n---\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].0, found[0].3, found[0].4),
        (Kind::DuplicateKey, 4, 1)
    );
}

/// The YAML 1.1 warnings, on by default, off on request; the other settings of a
/// builder schema each change its report.
#[test]
fn schema_settings_change_the_report() {
    let s = Schema::new().required("t", Rule::string());
    let src = "---\nt: yes\n---\n";
    assert_eq!(severities(&s, src), [(Severity::Warning, "t".to_owned())]);
    assert_eq!(severities(&s.clone().yaml11_warnings(false), src), []);
    let deep = "---\nt: x\na: [[[1]]]\n---\n";
    assert_eq!(severities(&s, deep), []);
    let limited = s.clone().limits(masthead::Limits::new().max_depth(2));
    assert_eq!(check(&limited, deep).len(), 1);
    assert_eq!(
        severities(&s, "a: 1\n"),
        [(Severity::Error, "t".to_owned())]
    );
    assert_eq!(
        check(&s.clone().require_front_matter(true), "a: 1\n")[0].0,
        Kind::NoFrontMatter
    );
    let literal = Schema::new().optional_key("a.b", Rule::integer());
    assert_eq!(
        severities(&literal, "---\na.b: x\na: {b: y}\n---\n"),
        [(Severity::Error, "a.b".to_owned())]
    );
}

/// The walk that finds where YAML 1.1 readers disagree follows a schema 12 levels
/// deep (`$ref`, `allOf`, `properties`, `items`), and stops at a `$ref` that loops.
#[test]
fn the_warning_walk_goes_twelve_levels_deep() {
    let text = json!({"type": "string"});
    let warned =
        |s: &serde_json::Value| !severities(&schema(s.clone()), "---\nt: yes\n---\n").is_empty();
    // `t` is level 1, each `allOf` one more.
    assert!(warned(
        &json!({"properties": {"t": nested("allOf", 11, text.clone())}})
    ));
    assert!(!warned(
        &json!({"properties": {"t": nested("allOf", 12, text.clone())}})
    ));
    // A field met again in a second branch continues from that branch's level.
    assert!(!warned(&json!({"allOf": [
        {"properties": {"t": {}}},
        {"properties": {"t": nested("allOf", 11, text.clone())}}
    ]})));
    assert!(warned(&json!({"allOf": [
        {"properties": {"t": {}}},
        {"properties": {"t": nested("allOf", 10, text.clone())}}
    ]})));
    let looped = json!({
        "$defs": {"loop": {"$ref": "#/$defs/loop"}},
        "properties": {"t": {"allOf": [{"$ref": "#/$defs/loop"}, text]}}
    });
    assert!(warned(&looped));
}

/// An error in a sibling file a `$ref` reached is described from that file.
#[test]
fn errors_in_a_sibling_file_are_described_from_it() {
    let schema = Schema::from_path(fixture("post.schema.yaml")).unwrap();
    let src = "---\ntitle: Hello\nauthor: {name: [1], url: 'https://me.nz/'}\n---\n";
    let found = check(&schema, src);
    assert_eq!(
        found
            .iter()
            .map(|f| (f.0, f.2.as_str(), f.5.as_str()))
            .collect::<Vec<_>>(),
        [(
            Kind::InvalidType,
            "author.name",
            "invalid type: sequence, expected a non-empty string"
        )]
    );
    let src = "---\ntitle: Hello\nauthor: {name: '', url: 'https://me.nz/'}\n---\n";
    let found = check(&schema, src);
    assert_eq!(
        found
            .iter()
            .map(|f| (f.0, f.2.as_str()))
            .collect::<Vec<_>>(),
        [(Kind::EmptyValue, "author.name")],
        "{found:?}"
    );
    // A sibling with its own `$id`: the engine names its keywords by that URI.
    let dir = std::env::temp_dir().join(format!("masthead-sibling-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("person.schema.json"),
        r#"{"$id": "https://example.com/person.json", "type": "object",
            "properties": {"name": {"type": "string"}}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("page.schema.json"),
        r#"{"type": "object", "properties": {"who": {"$ref": "person.schema.json"}}}"#,
    )
    .unwrap();
    let schema = Schema::from_path(dir.join("page.schema.json"));
    std::fs::remove_dir_all(&dir).unwrap();
    let found = check(&schema.unwrap(), "---\nwho: {name: [1]}\n---\n");
    assert_eq!(
        found
            .iter()
            .map(|f| (f.2.as_str(), f.5.as_str()))
            .collect::<Vec<_>>(),
        [("who.name", "invalid type: sequence, expected a string")]
    );
}
