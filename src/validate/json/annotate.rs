//! What masthead reports beside the engine, where the schema looks: the warnings of
//! its extension keyword `x-masthead-placeholder` and of YAML 1.1 readers on text
//! fields, and the keys that JSON cannot hold. The schema is read once into a
//! [`Plan`] (through `properties`, `items`, `allOf` and local `$ref`s only); each
//! document is then walked along it.

use serde_json::Value as Json;

use crate::compat;
use crate::diagnostic::{Kind, Severity};
use crate::path::{display_path, Segment};
use crate::validate::rule::PLACEHOLDER;
use crate::validate::run::{Found, Read, Target};
use crate::value::Value;

/// What to look at in a value under one subschema, read from the schema once.
#[derive(Debug, Default)]
pub(super) struct Plan {
    /// The values of `x-masthead-placeholder`.
    placeholders: Vec<String>,
    /// Whether the subschema's `format` is a date (its placeholders are dates).
    date: bool,
    /// Whether the value is text: a string, or a scalar read as text, with no format.
    text: bool,
    /// Whether a mapping here is checked by name (its keys must be field names).
    by_name: bool,
    /// The plans of named fields.
    props: Vec<(String, Plan)>,
    /// The plan of every item of a list.
    items: Option<Box<Plan>>,
}

impl Plan {
    /// The plan of `sub` within the schema `root`.
    pub(super) fn of(root: &Json, sub: &Json) -> Plan {
        let mut plan = Plan::default();
        plan.add(root, sub, 0);
        plan
    }

    fn add(&mut self, root: &Json, sub: &Json, depth: usize) {
        let Some(obj) = sub.as_object() else { return };
        // Recursive schemas stop here: their deeper levels get no warnings.
        if depth > 12 {
            return;
        }
        if let Some(target) = obj
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|r| super::pointer::resolve(root, r))
        {
            self.add(root, target, depth + 1);
        }
        for s in obj
            .get("allOf")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            self.add(root, s, depth + 1);
        }
        if let Some(values) = obj.get(PLACEHOLDER).and_then(Json::as_array) {
            self.placeholders
                .extend(values.iter().filter_map(Json::as_str).map(str::to_owned));
        }
        self.date |= matches!(
            obj.get("format").and_then(Json::as_str),
            Some("date" | "date-time")
        );
        self.text |= wants_text(obj);
        self.by_name |= [
            "properties",
            "required",
            "additionalProperties",
            "patternProperties",
        ]
        .iter()
        .any(|k| obj.contains_key(*k));
        for (name, s) in obj
            .get("properties")
            .and_then(Json::as_object)
            .into_iter()
            .flatten()
        {
            match self.props.iter_mut().find(|(n, _)| n == name) {
                Some((_, plan)) => plan.add(root, s, depth + 1),
                None => {
                    let mut plan = Plan::default();
                    plan.add(root, s, depth + 1);
                    self.props.push((name.clone(), plan));
                }
            }
        }
        if let Some(s) = obj.get("items").filter(|s| s.is_object()) {
            self.items
                .get_or_insert_with(Box::default)
                .add(root, s, depth + 1);
        }
    }
}

/// One step of the path walked, borrowed: a path is built only for a finding.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Where the walk is: the entry or item it stepped into, under its parent's frame.
/// Frames live on the stack, so a walk that finds nothing allocates nothing.
#[derive(Clone, Copy)]
struct Frame<'p, 'v> {
    parent: Option<&'p Frame<'p, 'v>>,
    step: Step<'v>,
    /// The entry index in a mapping, the item index in a sequence.
    index: usize,
}

/// The walk of one document: what it found.
pub(super) struct Walk<'f> {
    yaml11: bool,
    /// Whether every mapping has distinct string keys (no repeated key to skip).
    plain: bool,
    found: &'f mut Vec<Found>,
}

impl<'f> Walk<'f> {
    /// Walks the front matter `value` along `plan`; `plain` says what
    /// [`Value::plain`] does of it.
    pub(super) fn run(
        plan: &Plan,
        value: &Value<'_>,
        yaml11: bool,
        plain: bool,
        found: &'f mut Vec<Found>,
    ) {
        let mut walk = Walk {
            yaml11,
            plain,
            found,
        };
        walk.value(plan, value, None);
    }

    fn value<'v>(&mut self, plan: &Plan, value: &'v Value<'v>, at: Option<&Frame<'_, 'v>>) {
        if let Value::Str(s) = value {
            if plan.placeholders.iter().any(|p| p == s) {
                let (kind, what) = if plan.date {
                    (Kind::MalformedDate, "date")
                } else {
                    (Kind::InvalidValue, "value")
                };
                self.push(
                    kind,
                    Severity::Warning,
                    format!("placeholder {what} `{s}`"),
                    None,
                    at,
                    None,
                );
            }
        }
        if plan.text && self.yaml11 {
            let read = match value {
                Value::Str(s) if compat::yaml11(s) != compat::Reading::Str => Some(Read::Str),
                Value::Int(i) => Some(Read::Number(i.to_string())),
                Value::Float(f) => Some(Read::Number(f.to_string())),
                _ => None,
            };
            if let Some(read) = read {
                self.push(
                    Kind::InvalidType,
                    Severity::Warning,
                    String::new(),
                    Some(read),
                    at,
                    None,
                );
            }
        }
        match value {
            Value::Map(entries) => {
                if plan.by_name {
                    self.keys(entries, at);
                }
                if plan.props.is_empty() {
                    return;
                }
                for (i, (key, child)) in entries.iter().enumerate() {
                    let Value::Str(name) = key else { continue };
                    let Some((_, p)) = plan.props.iter().find(|(n, _)| n == name) else {
                        continue;
                    };
                    // A repeated key: the first is the one checked (looked for only in a block
                    // that repeats some key, and only for the few keys the schema names: the
                    // mapping may have 200,000).
                    if !self.plain && entries[..i].iter().any(|(k, _)| k == key) {
                        continue;
                    }
                    let here = Frame {
                        parent: at,
                        step: Step::Key(name),
                        index: i,
                    };
                    self.value(p, child, Some(&here));
                }
            }
            Value::Seq(items) => {
                let Some(p) = &plan.items else { return };
                for (i, item) in items.iter().enumerate() {
                    let here = Frame {
                        parent: at,
                        step: Step::Index(i),
                        index: i,
                    };
                    self.value(p, item, Some(&here));
                }
            }
            _ => {}
        }
    }

    /// The keys of a mapping checked by name that are not strings: a sequence or a
    /// mapping is an error (its entry is not checked), a scalar a warning (it is
    /// checked as its text).
    fn keys(&mut self, entries: &[(Value<'_>, Value<'_>)], at: Option<&Frame<'_, '_>>) {
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
            self.push(Kind::InvalidType, severity, message, None, at, Some(i));
        }
    }

    /// A finding at the frame `at`: at its value, or with `key`, at the key of that
    /// entry of the mapping there.
    fn push(
        &mut self,
        kind: Kind,
        severity: Severity,
        message: String,
        misread: Option<Read>,
        at: Option<&Frame<'_, '_>>,
        key: Option<usize>,
    ) {
        let mut path = Vec::new();
        let mut ptr: Vec<usize> = key.into_iter().collect();
        let mut frame = at;
        while let Some(f) = frame {
            path.push(match f.step {
                Step::Key(k) => Segment::Key(k.to_owned()),
                Step::Index(i) => Segment::Index(i),
            });
            ptr.push(f.index);
            frame = f.parent;
        }
        path.reverse();
        ptr.reverse();
        self.found.push(Found {
            kind,
            severity,
            path: display_path(&path),
            message,
            target: if key.is_some() {
                Target::Key(ptr)
            } else {
                Target::Value(ptr)
            },
            misread,
        });
    }
}

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
