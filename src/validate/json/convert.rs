//! Front matter as the JSON value a schema checks: YAML 1.2's reading as it is
//! (dates stay strings), with what JSON cannot hold reported, never changed in
//! silence. It knows no schema and computes no position.

use serde_json::{Map, Number, Value as Json};

use crate::diagnostic::{Kind, Severity};
use crate::path::{display_path, Segment};
use crate::validate::run::{Found, Target};
use crate::value::Value;

/// The JSON value, and the instance locations (JSON pointers) of values that JSON
/// cannot hold, reported already: the engine's errors there are dropped.
pub(super) struct Converted {
    pub(super) json: Json,
    pub(super) replaced: Vec<String>,
}

/// Converts `value`. A key that is not a string (`1:`, `true:`, `~:`) becomes its
/// text, with an [`Kind::InvalidType`] warning; a key that is a sequence or a
/// mapping is an error and its entry is left out; a repeated key keeps its first
/// value (the repetition is reported as [`Kind::DuplicateKey`] elsewhere); an
/// infinite or NaN float is an error and stands as `null`.
pub(super) fn to_json(value: &Value<'_>, found: &mut Vec<Found>) -> Converted {
    let mut out = Converted {
        json: Json::Null,
        replaced: Vec::new(),
    };
    let mut walk = Walk {
        found,
        replaced: &mut out.replaced,
        ptr: Vec::new(),
        path: Vec::new(),
        pointer: String::new(),
    };
    out.json = walk.value(value);
    out
}

struct Walk<'f> {
    found: &'f mut Vec<Found>,
    replaced: &'f mut Vec<String>,
    ptr: Vec<usize>,
    path: Vec<Segment>,
    pointer: String,
}

impl Walk<'_> {
    fn report(&mut self, kind: Kind, severity: Severity, message: String, target: Target) {
        self.found.push(Found {
            kind,
            severity,
            path: display_path(&self.path),
            message,
            target,
            misread: None,
        });
    }

    fn value(&mut self, value: &Value<'_>) -> Json {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => i64::try_from(*i)
                .map(Number::from)
                .or_else(|_| u64::try_from(*i).map(Number::from))
                .ok()
                .or_else(|| {
                    #[allow(clippy::cast_precision_loss)]
                    Number::from_f64(*i as f64)
                })
                .map_or(Json::Null, Json::Number),
            Value::Float(f) => {
                if let Some(n) = Number::from_f64(*f) {
                    Json::Number(n)
                } else {
                    let message = format!(
                        "invalid type: float `{}`, expected a finite number: JSON Schema has no infinity or NaN",
                        yaml_float(*f)
                    );
                    let target = Target::Value(self.ptr.clone());
                    self.report(Kind::InvalidType, Severity::Error, message, target);
                    self.replaced.push(self.pointer.clone());
                    Json::Null
                }
            }
            Value::Str(s) => Json::String(s.to_string()),
            Value::Seq(items) => Json::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        self.enter(Segment::Index(i), i);
                        let v = self.value(item);
                        self.leave();
                        v
                    })
                    .collect(),
            ),
            Value::Map(entries) => {
                let mut map = Map::new();
                for (i, (key, child)) in entries.iter().enumerate() {
                    let name = match key {
                        Value::Str(s) => s.to_string(),
                        Value::Seq(_) | Value::Map(_) => {
                            self.ptr.push(i);
                            let message = format!(
                                "invalid type: {} as a key, expected a field name",
                                if matches!(key, Value::Seq(_)) {
                                    "sequence"
                                } else {
                                    "mapping"
                                }
                            );
                            let target = Target::Key(self.ptr.clone());
                            self.report(Kind::InvalidType, Severity::Error, message, target);
                            self.ptr.pop();
                            continue;
                        }
                        other => {
                            let text = match other {
                                Value::Null => "null".to_owned(),
                                Value::Float(f) => yaml_float(*f),
                                v => v.text().map(|t| t.into_owned()).unwrap_or_default(),
                            };
                            self.enter(Segment::Key(text.clone()), i);
                            let message = format!(
                                "key `{text}` is {}, read as the field name `{text}`: quote it",
                                other.describe()
                            );
                            let target = Target::Key(self.ptr.clone());
                            self.report(Kind::InvalidType, Severity::Warning, message, target);
                            self.leave();
                            text
                        }
                    };
                    if map.contains_key(&name) {
                        continue;
                    }
                    self.enter(Segment::Key(name.clone()), i);
                    let v = self.value(child);
                    self.leave();
                    map.insert(name, v);
                }
                Json::Object(map)
            }
        }
    }

    fn enter(&mut self, segment: Segment, index: usize) {
        self.pointer.push('/');
        match &segment {
            Segment::Key(k) => self
                .pointer
                .push_str(&k.replace('~', "~0").replace('/', "~1")),
            Segment::Index(i) => self.pointer.push_str(&i.to_string()),
        }
        self.path.push(segment);
        self.ptr.push(index);
    }

    fn leave(&mut self) {
        self.path.pop();
        self.ptr.pop();
        let cut = self.pointer.rfind('/').unwrap_or(0);
        self.pointer.truncate(cut);
    }
}

/// A float as YAML writes it: `.inf`, `-.inf`, `.nan`, or its digits.
fn yaml_float(f: f64) -> String {
    if f.is_nan() {
        ".nan".to_owned()
    } else if f.is_infinite() {
        if f > 0.0 { ".inf" } else { "-.inf" }.to_owned()
    } else {
        f.to_string()
    }
}
