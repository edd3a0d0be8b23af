//! A JSON-Schema-Test-Suite case made into front matter: the instance written as a
//! YAML 1.2 flow node between `---` fences, and (when the instance is not a mapping,
//! which front matter cannot be) the instance put under one key with the schema moved
//! under `properties` of that key. It validates nothing itself.

use serde_json::{Map, Value};

/// The key a non-mapping instance is put under.
pub(crate) const KEY: &str = "value";

/// The draft-07 meta-schema URI, which the suite's draft7 schemas leave out.
pub(crate) const DRAFT7: &str = "http://json-schema.org/draft-07/schema#";

/// The front matter of `instance` (a mapping) and the schema that checks it.
#[derive(Debug)]
pub(crate) struct Case {
    /// The whole document: fences and the instance as one line of flow YAML.
    pub(crate) document: String,
    /// The schema to load: the suite's, or its wrapper when the instance was wrapped.
    pub(crate) schema: Value,
    /// Whether the instance was put under [`KEY`].
    pub(crate) wrapped: bool,
}

/// The case of `instance` under `schema`, for a suite folder whose draft is `draft7`
/// or not (2020-12). An object instance is the front matter as it is; any other
/// instance becomes `{value: instance}` and the schema `{properties: {value: schema},
/// required: [value]}`, with the schema's own `#…` pointers rewritten to keep pointing
/// at the same subschemas.
pub(crate) fn case(schema: &Value, instance: &Value, draft7: bool) -> Case {
    let meta = if draft7 {
        DRAFT7
    } else {
        "https://json-schema.org/draft/2020-12/schema"
    };
    if let (Value::Object(_), Value::Object(_)) = (schema, instance) {
        let mut schema = schema.clone();
        if let Value::Object(map) = &mut schema {
            map.entry("$schema").or_insert_with(|| meta.into());
        }
        return Case {
            document: document(instance),
            schema,
            wrapped: false,
        };
    }
    let mut inner = schema.clone();
    let mut meta = Value::from(meta);
    if let Value::Object(map) = &mut inner {
        // The wrapper is read as the draft the schema names; a resource of its own
        // keeps its `$schema` too, anything else may hold one only at the root.
        if let Some(m) = map.get("$schema") {
            meta = m.clone();
        }
        if !is_resource(map, draft7) {
            map.remove("$schema");
            rewrite(&mut inner, &format!("#/properties/{KEY}"), draft7);
        }
    }
    let mut wrapper = Map::new();
    wrapper.insert("$schema".into(), meta);
    wrapper.insert(
        "properties".into(),
        Value::Object(Map::from_iter([(KEY.to_owned(), inner)])),
    );
    wrapper.insert("required".into(), Value::from(vec![KEY]));
    let instance = Value::Object(Map::from_iter([(KEY.to_owned(), instance.clone())]));
    Case {
        document: document(&instance),
        schema: Value::Object(wrapper),
        wrapped: true,
    }
}

/// `---`, `value` as one line of flow YAML, `---`.
pub(crate) fn document(value: &Value) -> String {
    let mut out = String::from("---\n");
    flow(value, &mut out);
    out.push_str("\n---\n");
    out
}

/// `value` as a YAML 1.2 flow node: JSON, with a space after every `:` and `,` and
/// every character YAML does not allow raw in a double-quoted scalar escaped.
fn flow(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                flow(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                quoted(key, out);
                out.push_str(": ");
                flow(item, out);
            }
            out.push('}');
        }
        Value::String(s) => quoted(s, out),
        // null, true, false and JSON numbers read the same in YAML 1.2's core schema.
        other => out.push_str(&other.to_string()),
    }
}

/// `s` double-quoted. JSON's escapes are YAML's too; YAML also forbids raw DEL, the C1
/// controls (a raw NEL is a line break), the byte-order mark, U+2028/U+2029 (line
/// breaks in YAML 1.1) and the noncharacters U+FFFE/U+FFFF, so those are escaped.
fn quoted(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{feff}'
            | '\u{fffe}'
            | '\u{ffff}' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether the schema object `map` starts a resource of its own, so that `#…` inside
/// it is relative to it: it has an `$id` that is not a bare fragment, and (draft 7)
/// no `$ref` beside it, which makes every sibling ignored.
fn is_resource(map: &Map<String, Value>, draft7: bool) -> bool {
    match map.get("$id").and_then(Value::as_str) {
        Some(id) if !id.starts_with('#') => !(draft7 && map.contains_key("$ref")),
        _ => false,
    }
}

/// Keywords whose value is one subschema.
const ONE: &[&str] = &[
    "additionalItems",
    "additionalProperties",
    "contains",
    "contentSchema",
    "else",
    "if",
    "items",
    "not",
    "propertyNames",
    "then",
    "unevaluatedItems",
    "unevaluatedProperties",
];

/// Keywords whose value is an array of subschemas (`items` too, in draft 7).
const ARRAY: &[&str] = &["allOf", "anyOf", "items", "oneOf", "prefixItems"];

/// Keywords whose value maps names to subschemas (`dependencies`' arrays of names
/// are not schemas and are skipped).
const MAP: &[&str] = &[
    "$defs",
    "definitions",
    "dependencies",
    "dependentSchemas",
    "patternProperties",
    "properties",
];

/// Puts `prefix` in front of every `$ref` and `$dynamicRef` of `schema` that is a
/// JSON pointer into its own document (`#` or `#/…`), walking only schema keywords
/// (never `const`, `enum` or `default`, whose `$ref`s are data) and stopping at a
/// subschema that is a resource of its own.
pub(crate) fn rewrite(schema: &mut Value, prefix: &str, draft7: bool) {
    let Value::Object(map) = schema else { return };
    for key in ["$ref", "$dynamicRef"] {
        if let Some(Value::String(r)) = map.get_mut(key) {
            if r == "#" || r.starts_with("#/") {
                *r = format!("{prefix}{}", &r[1..]);
            }
        }
    }
    for (key, value) in map.iter_mut() {
        let key = key.as_str();
        match value {
            Value::Object(_) if ONE.contains(&key) => walk(value, prefix, draft7),
            Value::Array(items) if ARRAY.contains(&key) => {
                items.iter_mut().for_each(|s| walk(s, prefix, draft7));
            }
            Value::Object(named) if MAP.contains(&key) => {
                named.values_mut().for_each(|s| walk(s, prefix, draft7));
            }
            _ => {}
        }
    }
}

/// [`rewrite`] of a subschema, unless it is a resource of its own.
fn walk(schema: &mut Value, prefix: &str, draft7: bool) {
    if let Value::Object(map) = schema {
        if is_resource(map, draft7) {
            return;
        }
    }
    rewrite(schema, prefix, draft7);
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn every_string_reads_back_the_same() {
        let strings = [
            "plain",
            "quote \" and backslash \\",
            "nul \u{0} bell \u{7} tab \t lf \n cr \r",
            "del \u{7f} c1 \u{80} nel \u{85} \u{9f}",
            "ls \u{2028} ps \u{2029} bom \u{feff} nonchar \u{fffe}\u{ffff}",
            "astral 😀 and 𝔸",
            "# not a comment: - [ ] { } & * ! | > ' % @ `",
            "",
        ];
        for s in strings {
            let value = json!({ s: [s, {"k": s}] });
            let src = document(&value);
            let back = masthead::from_str::<Value>(&src).map(|p| p.metadata);
            assert_eq!(back.ok(), Some(value), "{src:?}");
        }
    }

    #[test]
    fn numbers_and_literals_read_back_the_same() {
        let value = json!({"n": [0, -1, 1.0, 1.5, -0.5, 1e308, 1.5e-7, 9007199254740993u64, i64::MIN, true, false, null, [], {}]});
        let src = document(&value);
        let back = masthead::from_str::<Value>(&src).map(|p| p.metadata);
        assert_eq!(back.ok(), Some(value), "{src:?}");
    }

    #[test]
    fn an_object_instance_is_not_wrapped() {
        let c = case(&json!({"required": ["a"]}), &json!({"a": 1}), true);
        assert!(!c.wrapped);
        assert_eq!(c.document, "---\n{\"a\": 1}\n---\n");
        assert_eq!(c.schema, json!({"$schema": DRAFT7, "required": ["a"]}));
    }

    #[test]
    fn a_scalar_is_wrapped_and_pointers_follow_it() {
        let schema = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$defs": {"a": {"$ref": "#"}, "r": {"$id": "http://x/r", "$ref": "#/$defs/z"}},
            "items": {"$ref": "#/$defs/a"},
            "enum": [{"$ref": "#/$defs/a"}],
            "properties": {"$ref": {"$dynamicRef": "#/$defs/a"}},
            "$ref": "other.json#/x",
        });
        let c = case(&schema, &json!(1), false);
        assert!(c.wrapped);
        assert_eq!(c.document, "---\n{\"value\": 1}\n---\n");
        assert_eq!(
            c.schema,
            json!({
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "properties": {"value": {
                    "$defs": {
                        "a": {"$ref": "#/properties/value"},
                        "r": {"$id": "http://x/r", "$ref": "#/$defs/z"},
                    },
                    "items": {"$ref": "#/properties/value/$defs/a"},
                    "enum": [{"$ref": "#/$defs/a"}],
                    "properties": {"$ref": {"$dynamicRef": "#/properties/value/$defs/a"}},
                    "$ref": "other.json#/x",
                }},
                "required": ["value"],
            })
        );
    }

    #[test]
    fn a_resource_keeps_its_pointers_unless_a_draft7_ref_hides_its_id() {
        let own = json!({"$id": "http://x/s", "$ref": "#/definitions/a"});
        let c = case(&own, &json!(1), false);
        assert_eq!(c.schema["properties"]["value"], own);
        assert_eq!(
            c.schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        let c = case(&own, &json!(1), true);
        assert_eq!(
            c.schema["properties"]["value"]["$ref"],
            "#/properties/value/definitions/a"
        );
        assert_eq!(c.schema["$schema"], DRAFT7);
    }

    #[test]
    fn a_boolean_schema_is_wrapped_even_for_an_object() {
        let c = case(&json!(false), &json!({}), false);
        assert!(c.wrapped);
        assert_eq!(c.schema["properties"]["value"], json!(false));
        assert_eq!(c.document, "---\n{\"value\": {}}\n---\n");
    }
}
