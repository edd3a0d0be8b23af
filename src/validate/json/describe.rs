//! What a subschema expects, in words, for messages: `a non-empty string`, `a date`,
//! `a list of URLs`. It reads the schema only; it decides no kind.

use serde_json::Value as Json;

use super::errors::{join_or, plural, requires_non_empty};
use super::formats;
use super::pointer::resolve;
use crate::check;

/// What a subschema expects, for messages: `a non-empty string`, `a date`, `a list
/// of URLs`, `an integer or null`.
pub(super) fn describe(root: &Json, sub: &Json) -> String {
    describe_at(root, sub, 0)
}

fn describe_at(root: &Json, sub: &Json, depth: usize) -> String {
    let Some(obj) = sub.as_object() else {
        return if sub == &Json::Bool(false) {
            "nothing"
        } else {
            "any value"
        }
        .to_owned();
    };
    if depth > 8 {
        return "a valid value".to_owned();
    }
    if let Some(target) = obj
        .get("$ref")
        .and_then(Json::as_str)
        .and_then(|r| resolve(root, r))
    {
        return describe_at(root, target, depth + 1);
    }
    match obj.get("format").and_then(Json::as_str) {
        Some("date" | "date-time") => return "a date".to_owned(),
        Some("time") => return "a time".to_owned(),
        Some(f) if formats::is_own(f) => return "a URL".to_owned(),
        _ => {}
    }
    if let Some(values) = obj.get("enum").and_then(Json::as_array) {
        let all: Vec<String> = values.iter().map(|o| o.to_string()).collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        return format!("one of {}", check::one_of(&all));
    }
    if let Some(c) = obj.get("const") {
        return format!("`{c}`");
    }
    let types: Vec<&str> = match obj.get("type") {
        Some(Json::String(t)) => vec![t.as_str()],
        Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).collect(),
        _ => Vec::new(),
    };
    if types.is_empty() {
        for key in ["anyOf", "oneOf"] {
            if let Some(a) = obj.get(key).and_then(Json::as_array) {
                let all: Vec<String> = a.iter().map(|s| describe_at(root, s, depth + 1)).collect();
                return join_or(&all);
            }
        }
        if let Some(first) = obj
            .get("allOf")
            .and_then(Json::as_array)
            .and_then(|a| a.first())
        {
            return describe_at(root, first, depth + 1);
        }
        return "a valid value".to_owned();
    }
    // A value that is wrong is not null: where null is also allowed, the message
    // names the other types; every type but null is any value.
    let types: Vec<&str> = if types.len() > 1 {
        types.into_iter().filter(|t| *t != "null").collect()
    } else {
        types
    };
    if ["string", "number", "boolean", "array", "object"]
        .iter()
        .all(|t| types.contains(t))
    {
        return "any value".to_owned();
    }
    // A scalar read as text (`["string", "number", "boolean"]`) is a string to a
    // reader of the message.
    let types = if types.contains(&"string")
        && types
            .iter()
            .all(|t| matches!(*t, "string" | "number" | "integer" | "boolean"))
    {
        vec!["string"]
    } else {
        types
    };
    let non_empty = requires_non_empty(sub);
    let all: Vec<String> = types
        .iter()
        .map(|t| match *t {
            "string" if non_empty => "a non-empty string".to_owned(),
            "string" => "a string".to_owned(),
            "array" => match obj.get("items") {
                Some(items) if items.is_object() => {
                    format!("a list of {}", plural(&describe_at(root, items, depth + 1)))
                }
                _ => "a list".to_owned(),
            },
            "object" => "a mapping".to_owned(),
            "integer" => "an integer".to_owned(),
            "number" => "a number".to_owned(),
            "boolean" => "a boolean".to_owned(),
            other => other.to_owned(),
        })
        .collect();
    join_or(&all)
}
