//! Front matter as the JSON value a schema checks: YAML 1.2's reading as it is
//! (dates stay strings), with what JSON cannot hold reported, never changed in
//! silence. It knows no schema and computes no position.

use serde_json::{Map, Number, Value as Json};

use crate::value::Value;

/// Converts `value`. A key that is not a string (`1:`, `true:`, `~:`) becomes its
/// text and a key that is a sequence or a mapping is left out (where the schema
/// looks, the walk of [`annotate`](super::annotate) reports each); a repeated key
/// keeps its first value (the repetition is reported as a duplicate key elsewhere);
/// an infinite or NaN float becomes its YAML text (`.inf`, `-.inf`, `.nan`), which a
/// number field refuses with a message that says why.
pub(super) fn to_json(value: &Value<'_>) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => int(*i).map_or(Json::Null, Json::Number),
        // JSON has no infinity or NaN: the text YAML writes them with, which a text
        // field takes (as `Release` does) and a number field refuses.
        Value::Float(f) => {
            Number::from_f64(*f).map_or_else(|| Json::String(yaml_float(*f)), Json::Number)
        }
        Value::Str(s) => Json::String(s.to_string()),
        Value::Seq(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => {
            let mut map = Map::new();
            for (key, child) in entries {
                if let Some(name) = key_name(key) {
                    if !map.contains_key(&name) {
                        let v = to_json(child);
                        map.insert(name, v);
                    }
                }
            }
            Json::Object(map)
        }
    }
}

/// An integer as a JSON number: exact within `i64` and `u64`, the nearest float
/// beyond (always finite, so never `None` in practice).
pub(super) fn int(i: i128) -> Option<Number> {
    i64::try_from(i)
        .map(Number::from)
        .or_else(|_| u64::try_from(i).map(Number::from))
        .ok()
        .or_else(|| {
            #[allow(clippy::cast_precision_loss)]
            Number::from_f64(i as f64)
        })
}

/// The field name a key stands for in the JSON value: its text, `null` for a
/// null key; `None` for a sequence or a mapping, and for a float that JSON cannot
/// hold.
pub(super) fn key_name(key: &Value<'_>) -> Option<String> {
    match key {
        Value::Str(s) => Some(s.to_string()),
        Value::Null => Some("null".to_owned()),
        Value::Seq(_) | Value::Map(_) => None,
        Value::Float(f) if !f.is_finite() => Some(yaml_float(*f)),
        other => other.text().map(std::borrow::Cow::into_owned),
    }
}

/// A float as YAML writes it: `.inf`, `-.inf`, `.nan`, or its digits.
pub(super) fn yaml_float(f: f64) -> String {
    if f.is_nan() {
        ".nan".to_owned()
    } else if f.is_infinite() {
        if f > 0.0 { ".inf" } else { "-.inf" }.to_owned()
    } else {
        f.to_string()
    }
}
