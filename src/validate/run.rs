//! What a check of the front matter found, before positions: the structural
//! [`Found`] that the engine's errors become, and the checks of the value's shape that
//! no schema states (repeated keys, a root that is not a mapping). It checks no rule
//! and computes no position: that is [`position`](super::position)'s job.

use std::borrow::Cow;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::check;
use crate::diagnostic::{Kind, Severity};
use crate::path::{display_path, Segment};
use crate::value::Value;

/// Where a problem is, before positions are computed: a structural pointer into the
/// YAML (an entry index per mapping, an item index per sequence).
#[derive(Debug)]
pub(super) enum Target {
    /// The opening fence: a field missing from the root.
    Fence,
    /// The key of the entry at the pointer.
    Key(Vec<usize>),
    /// The value at the pointer (the key, when the value is empty text).
    Value(Vec<usize>),
}

#[derive(Debug)]
pub(super) struct Found {
    pub(super) kind: Kind,
    pub(super) severity: Severity,
    pub(super) path: String,
    pub(super) message: String,
    pub(super) target: Target,
    /// For a warning that other YAML readers disagree: how masthead read the
    /// scalar. [`position`](super::position) reads its source text, keeps the
    /// warning only for a plain scalar that they do misread, and writes the message.
    pub(super) misread: Option<Read>,
}

/// How masthead (YAML 1.2) read a scalar of a string field.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Read {
    Str,
    /// A number, with the text a number of that value prints as.
    Number(String),
}

#[derive(Default)]
pub(super) struct Run {
    pub(super) found: Vec<Found>,
}

/// The text of a key, for paths and lookups.
fn key_text<'v>(key: &'v Value<'_>) -> Cow<'v, str> {
    key.text()
        .unwrap_or(Cow::Borrowed(if matches!(key, Value::Null) {
            "~"
        } else {
            "?"
        }))
}

/// Whether two keys name the same entry: scalars by their text, as the typed path
/// sees them (`1` and `'1'` are one field), sequences and mappings by value.
fn same_key(a: &Value<'_>, b: &Value<'_>) -> bool {
    match (a, b) {
        (Value::Seq(_) | Value::Map(_), _) | (_, Value::Seq(_) | Value::Map(_)) => a == b,
        _ => key_text(a) == key_text(b),
    }
}

/// A hash that agrees with [`same_key`]: keys that are the same have equal hashes.
fn key_hash(key: &Value<'_>) -> u64 {
    fn feed(value: &Value<'_>, h: &mut DefaultHasher) {
        match value {
            Value::Seq(items) => {
                (1u8, items.len()).hash(h);
                items.iter().for_each(|v| feed(v, h));
            }
            Value::Map(entries) => {
                (2u8, entries.len()).hash(h);
                for (k, v) in entries {
                    feed(k, h);
                    feed(v, h);
                }
            }
            // Floats that compare equal may print differently (`0` and `-0`).
            Value::Float(_) => 3u8.hash(h),
            Value::Null => 4u8.hash(h),
            Value::Bool(b) => (5u8, b).hash(h),
            Value::Int(i) => (6u8, i).hash(h),
            Value::Str(s) => (7u8, s).hash(h),
        }
    }
    let mut h = DefaultHasher::new();
    if matches!(key, Value::Seq(_) | Value::Map(_)) {
        feed(key, &mut h);
    } else {
        (0u8, key_text(key)).hash(&mut h);
    }
    h.finish()
}

/// How a value shows in an `invalid type` message: ``string `x` ``, `sequence` …
fn unexpected(value: &Value<'_>) -> String {
    match value {
        Value::Seq(_) => "sequence".to_owned(),
        Value::Map(_) => "mapping".to_owned(),
        Value::Null => "null".to_owned(),
        Value::Str(s) => format!("string {}", check::shown(s)),
        other => format!(
            "{} `{}`",
            other
                .describe()
                .trim_start_matches("a ")
                .trim_start_matches("an "),
            key_text(other)
        ),
    }
}

impl Run {
    fn push(
        &mut self,
        kind: Kind,
        severity: Severity,
        path: &[Segment],
        message: String,
        target: Target,
    ) {
        self.found.push(Found {
            kind,
            severity,
            path: display_path(path),
            message,
            target,
            misread: None,
        });
    }

    /// Every repeated key of every mapping, at its repetition.
    pub(super) fn duplicates(
        &mut self,
        value: &Value<'_>,
        ptr: &mut Vec<usize>,
        path: &mut Vec<Segment>,
    ) {
        match value {
            Value::Map(entries) => {
                // Past a few keys, earlier keys are found by hash, so that a mapping
                // of 200,000 keys costs 200,000 lookups, not 20 billion comparisons.
                let mut seen: Option<HashMap<u64, Vec<usize>>> =
                    (entries.len() > 16).then(HashMap::new);
                for (i, (key, child)) in entries.iter().enumerate() {
                    let name = key_text(key);
                    path.push(Segment::Key(name.clone().into_owned()));
                    ptr.push(i);
                    // Keys are compared as the field names they stand for, as the
                    // typed path compares them: `1` and `'1'` are one field.
                    let repeated = match &mut seen {
                        None => entries[..i].iter().any(|(k, _)| same_key(k, key)),
                        Some(seen) => {
                            let earlier = seen.entry(key_hash(key)).or_default();
                            let repeated = earlier.iter().any(|&j| same_key(&entries[j].0, key));
                            earlier.push(i);
                            repeated
                        }
                    };
                    if repeated {
                        let message = format!("duplicate key `{name}`");
                        self.push(
                            Kind::DuplicateKey,
                            Severity::Error,
                            path,
                            message,
                            Target::Key(ptr.clone()),
                        );
                    }
                    self.duplicates(child, ptr, path);
                    ptr.pop();
                    path.pop();
                }
            }
            Value::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Segment::Index(i));
                    ptr.push(i);
                    self.duplicates(item, ptr, path);
                    ptr.pop();
                    path.pop();
                }
            }
            _ => {}
        }
    }

    /// The root of the front matter must be a mapping (null reads as an empty one):
    /// the one check of a schema with no fields, which runs without the engine.
    pub(super) fn root_mapping(&mut self, value: &Value<'_>) {
        if !matches!(value, Value::Map(_)) {
            let message = format!("invalid type: {}, expected a mapping", unexpected(value));
            self.push(
                Kind::InvalidType,
                Severity::Error,
                &[],
                message,
                Target::Value(Vec::new()),
            );
        }
    }
}
