//! What masthead reports beside the engine, where the schema looks: the warnings of
//! its extension keyword `x-masthead-placeholder` and of YAML 1.1 readers on string
//! fields, and the keys and numbers that JSON cannot hold. A walk of the schema along
//! the value, through `properties`, `items`, `allOf` and local `$ref`s only.

use serde_json::Value as Json;

use crate::compat;
use crate::diagnostic::{Kind, Severity};
use crate::path::{display_path, Segment};
use crate::validate::run::{Found, Read, Target};
use crate::value::Value;

/// The walk's state: where it is, and what it found.
pub(super) struct Walk<'a> {
    pub(super) root: &'a Json,
    pub(super) yaml11: bool,
    pub(super) found: &'a mut Vec<Found>,
    pub(super) ptr: Vec<usize>,
    pub(super) path: Vec<Segment>,
}

impl Walk<'_> {
    /// Walks `value` under the subschema `sub`.
    pub(super) fn value(&mut self, sub: &Json, value: &Value<'_>, depth: usize) {
        let Some(obj) = sub.as_object() else { return };
        if depth > 64 {
            return;
        }
        if let Some(target) = obj
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|r| super::errors::resolve(self.root, r))
        {
            self.value(target, value, depth + 1);
        }
        if let Some(all) = obj.get("allOf").and_then(Json::as_array) {
            for s in all {
                self.value(s, value, depth + 1);
            }
        }
        if let (Some(Json::Array(values)), Value::Str(s)) = (obj.get(PLACEHOLDER), value) {
            if values.iter().any(|v| v.as_str() == Some(s)) {
                let date = matches!(
                    obj.get("format").and_then(Json::as_str),
                    Some("date" | "date-time")
                );
                let (kind, what) = if date {
                    (Kind::MalformedDate, "date")
                } else {
                    (Kind::InvalidValue, "value")
                };
                self.push(kind, format!("placeholder {what} `{s}`"), None);
            }
        }
        match value {
            Value::Int(i) if self.yaml11 && wants_text(obj) => {
                self.push(
                    Kind::InvalidType,
                    String::new(),
                    Some(Read::Number(i.to_string())),
                );
            }
            Value::Float(f) if self.yaml11 && wants_text(obj) => {
                self.push(
                    Kind::InvalidType,
                    String::new(),
                    Some(Read::Number(f.to_string())),
                );
            }
            Value::Str(s)
                if self.yaml11 && wants_text(obj) && compat::yaml11(s) != compat::Reading::Str =>
            {
                self.push(Kind::InvalidType, String::new(), Some(Read::Str));
            }
            Value::Map(entries) => {
                let by_name = [
                    "properties",
                    "required",
                    "additionalProperties",
                    "patternProperties",
                ]
                .iter()
                .any(|k| obj.contains_key(*k));
                if by_name {
                    self.keys(entries);
                }
                let Some(props) = obj.get("properties").and_then(Json::as_object) else {
                    return;
                };
                for (i, (key, child)) in entries.iter().enumerate() {
                    let Value::Str(name) = key else { continue };
                    // A repeated key: the first is the one checked.
                    if entries[..i].iter().any(|(k, _)| k == key) {
                        continue;
                    }
                    if let Some(s) = props.get(name.as_ref()) {
                        self.ptr.push(i);
                        self.path.push(Segment::Key(name.to_string()));
                        self.value(s, child, depth + 1);
                        self.path.pop();
                        self.ptr.pop();
                    }
                }
            }
            Value::Seq(items) => {
                let Some(s) = obj.get("items").filter(|s| s.is_object()) else {
                    return;
                };
                for (i, item) in items.iter().enumerate() {
                    self.ptr.push(i);
                    self.path.push(Segment::Index(i));
                    self.value(s, item, depth + 1);
                    self.path.pop();
                    self.ptr.pop();
                }
            }
            _ => {}
        }
    }

    /// The keys of a mapping checked by name that are not strings: a sequence or a
    /// mapping is an error (its entry is not checked), a scalar a warning (it is
    /// checked as its text).
    fn keys(&mut self, entries: &[(Value<'_>, Value<'_>)]) {
        for (i, (key, _)) in entries.iter().enumerate() {
            let (severity, message) = match key {
                Value::Str(_) => continue,
                Value::Seq(_) | Value::Map(_) => (
                    Severity::Error,
                    format!(
                        "invalid type: {} as a key, expected a field name",
                        if matches!(key, Value::Seq(_)) {
                            "sequence"
                        } else {
                            "mapping"
                        }
                    ),
                ),
                other => {
                    let text = super::convert::key_name(other).unwrap_or_default();
                    (
                        Severity::Warning,
                        format!(
                            "key `{text}` is {}, read as the field name `{text}`: quote it",
                            other.describe()
                        ),
                    )
                }
            };
            self.ptr.push(i);
            self.found.push(Found {
                kind: Kind::InvalidType,
                severity,
                path: display_path(&self.path),
                message,
                target: Target::Key(self.ptr.clone()),
                misread: None,
            });
            self.ptr.pop();
        }
    }

    fn push(&mut self, kind: Kind, message: String, misread: Option<Read>) {
        self.found.push(Found {
            kind,
            severity: Severity::Warning,
            path: display_path(&self.path),
            message,
            target: Target::Value(self.ptr.clone()),
            misread,
        });
    }
}

/// masthead's extension keyword: values of a field that stand for "unknown" (the
/// release archive's `0001-01-01`). Such a value is valid, and a warning.
pub(super) const PLACEHOLDER: &str = "x-masthead-placeholder";

/// Whether a subschema says its value is text: a string, or a scalar read as text
/// (`["string", "number", "boolean"]`, the way a `String` field reads it), with no
/// `format` (a date field is meant to be a date).
fn wants_text(obj: &serde_json::Map<String, Json>) -> bool {
    if obj.contains_key("format") {
        return false;
    }
    let scalar = |t: &Json| {
        matches!(
            t.as_str(),
            Some("string" | "number" | "integer" | "boolean" | "null")
        )
    };
    match obj.get("type") {
        Some(Json::String(t)) => t == "string",
        Some(Json::Array(a)) => a.iter().any(|t| t == "string") && a.iter().all(scalar),
        _ => false,
    }
}
