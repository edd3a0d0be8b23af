//! The run of a [`Schema`] over the parsed front matter: every violation, found with
//! a structural pointer into the value. It computes no position: that is
//! [`position`](super::position)'s job, done only when something was found.

use std::borrow::Cow;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use super::schema::{Check, Rule, Schema};
use crate::check;
use crate::compat;
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
    /// Whether plain scalars of string fields that YAML 1.1 readers read otherwise
    /// are warned about (`Schema::yaml11_warnings`).
    pub(super) yaml11: bool,
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

    /// A scalar of a string field that YAML 1.1 readers may read as something else
    /// than masthead's string: a candidate, judged on its source text once positions
    /// are known. Quick to refuse: most strings are ordinary text.
    fn maybe_misread(&mut self, value: &Value<'_>, ptr: &[usize], path: &[Segment], sev: Severity) {
        let read = match value {
            Value::Str(s) if compat::yaml11(s) != compat::Reading::Str => Read::Str,
            Value::Int(i) => Read::Number(i.to_string()),
            Value::Float(f) => Read::Number(f.to_string()),
            _ => return,
        };
        self.found.push(Found {
            kind: Kind::InvalidType,
            severity: sev.min(Severity::Warning),
            path: display_path(path),
            message: String::new(),
            target: Target::Value(ptr.to_vec()),
            misread: Some(read),
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

    pub(super) fn mapping(
        &mut self,
        value: &Value<'_>,
        schema: &Schema,
        ptr: &mut Vec<usize>,
        path: &mut Vec<Segment>,
        sev: Severity,
    ) {
        let Value::Map(entries) = value else {
            let message = format!("invalid type: {}, expected a mapping", unexpected(value));
            self.push(
                Kind::InvalidType,
                sev,
                path,
                message,
                Target::Value(ptr.clone()),
            );
            return;
        };
        // Fields are named by text: a schema that names fields (or allows none)
        // reads the mapping the way a struct does, and a struct takes no key that is
        // a sequence or a mapping.
        let fields_by_name = schema.strict || !schema.fields.is_empty();
        if fields_by_name {
            for (i, (key, _)) in entries.iter().enumerate() {
                if matches!(key, Value::Seq(_) | Value::Map(_)) {
                    ptr.push(i);
                    let message = format!(
                        "invalid type: {} as a key, expected a field name",
                        unexpected(key)
                    );
                    self.push(
                        Kind::InvalidType,
                        sev,
                        path,
                        message,
                        Target::Key(ptr.clone()),
                    );
                    ptr.pop();
                }
            }
        }
        for field in &schema.fields {
            let found = entries
                .iter()
                .position(|(k, _)| key_text(k) == field.name.as_str());
            path.push(Segment::Key(field.name.clone()));
            match found {
                None if field.required => {
                    let target = if ptr.is_empty() {
                        Target::Fence
                    } else {
                        Target::Key(ptr.clone())
                    };
                    self.push(
                        Kind::MissingField,
                        sev,
                        path,
                        format!("missing field `{}`", display_path(path)),
                        target,
                    );
                }
                None => {}
                Some(i) => {
                    ptr.push(i);
                    let child = &entries[i].1;
                    if matches!(child, Value::Null) {
                        if field.required {
                            let message = format!("null value, expected {}", field.rule.describe());
                            self.push(
                                Kind::EmptyValue,
                                sev,
                                path,
                                message,
                                Target::Value(ptr.clone()),
                            );
                        }
                    } else {
                        self.rule(&field.rule, child, ptr, path, sev);
                    }
                    ptr.pop();
                }
            }
            path.pop();
        }
        if schema.strict {
            let names: Vec<&str> = schema.fields.iter().map(|f| f.name.as_str()).collect();
            for (i, (key, _)) in entries.iter().enumerate() {
                let name = key_text(key);
                let scalar = !matches!(key, Value::Seq(_) | Value::Map(_));
                if scalar && !names.contains(&name.as_ref()) {
                    path.push(Segment::Key(name.clone().into_owned()));
                    ptr.push(i);
                    let message = if names.is_empty() {
                        format!("unknown field `{name}`, there are no fields")
                    } else {
                        format!("unknown field `{name}`, expected {}", check::one_of(&names))
                    };
                    self.push(
                        Kind::UnknownField,
                        sev,
                        path,
                        message,
                        Target::Key(ptr.clone()),
                    );
                    ptr.pop();
                    path.pop();
                }
            }
        }
    }

    /// Applies `rule` to a value that is present. `outer` is the severity of an
    /// enclosing rule: an error inside a warning rule is a warning.
    fn rule(
        &mut self,
        rule: &Rule,
        value: &Value<'_>,
        ptr: &mut Vec<usize>,
        path: &mut Vec<Segment>,
        outer: Severity,
    ) {
        let sev = rule.severity.min(outer);
        let here = |ptr: &Vec<usize>| Target::Value(ptr.clone());
        let text = value.text();
        let text_or_type = |run: &mut Self, what: &str| -> Option<String> {
            match (&text, value) {
                (Some(t), _) if t.trim().is_empty() => {
                    let message = format!("blank value {}, expected {what}", check::shown(t));
                    run.push(Kind::EmptyValue, sev, path, message, here(ptr));
                    None
                }
                (Some(t), _) => Some(t.to_string()),
                (None, Value::Null) => {
                    run.push(
                        Kind::EmptyValue,
                        sev,
                        path,
                        format!("null value, expected {what}"),
                        here(ptr),
                    );
                    None
                }
                (None, v) => {
                    let message = format!("invalid type: {}, expected {what}", unexpected(v));
                    run.push(Kind::InvalidType, sev, path, message, here(ptr));
                    None
                }
            }
        };
        match &rule.check {
            Check::Any => {}
            Check::String { non_empty } => match (&text, value) {
                (Some(t), _) if *non_empty && t.trim().is_empty() => {
                    let message = format!(
                        "blank value {}, expected a non-empty string",
                        check::shown(t)
                    );
                    self.push(Kind::EmptyValue, sev, path, message, here(ptr));
                }
                (Some(_), _) => {
                    if self.yaml11 {
                        self.maybe_misread(value, ptr, path, sev);
                    }
                }
                _ => {
                    let _ = text_or_type(self, &rule.describe());
                }
            },
            Check::Date => {
                if let Some(t) = text_or_type(self, "a date") {
                    if let Err(message) = check::parse_date(&t) {
                        self.push(Kind::MalformedDate, sev, path, message, here(ptr));
                    }
                }
            }
            Check::Url {
                schemes,
                host_suffix,
            } => {
                if let Some(t) = text_or_type(self, "a URL") {
                    let schemes: Vec<&str> = schemes.iter().map(String::as_str).collect();
                    match check::parse_url(&t, &schemes) {
                        Err(message) => {
                            self.push(Kind::MalformedUrl, sev, path, message, here(ptr))
                        }
                        Ok(url) => {
                            if let Some(suffix) = host_suffix {
                                let host = url.host_str().unwrap_or("");
                                let dotted = format!(".{suffix}");
                                if host != suffix && !host.ends_with(&dotted) {
                                    let message = format!("invalid URL `{t}`: host `{host}` is not `{suffix}` or under it");
                                    self.push(Kind::MalformedUrl, sev, path, message, here(ptr));
                                }
                            }
                        }
                    }
                }
            }
            Check::List { item, min } => match value {
                Value::Seq(items) => {
                    if items.len() < *min {
                        let (kind, message) = if items.is_empty() {
                            (
                                Kind::EmptyValue,
                                "empty list, expected at least one entry".to_owned(),
                            )
                        } else {
                            (
                                Kind::InvalidType,
                                format!(
                                    "invalid length {}, expected at least {min} entries",
                                    items.len()
                                ),
                            )
                        };
                        self.push(kind, sev, path, message, here(ptr));
                    }
                    for (i, entry) in items.iter().enumerate() {
                        ptr.push(i);
                        path.push(Segment::Index(i));
                        self.rule(item, entry, ptr, path, sev);
                        path.pop();
                        ptr.pop();
                    }
                }
                other => {
                    let message = format!(
                        "invalid type: {}, expected {}",
                        unexpected(other),
                        rule.describe()
                    );
                    self.push(Kind::InvalidType, sev, path, message, here(ptr));
                }
            },
            Check::OneOf(rules) => {
                let mut best: Option<Run> = None;
                for r in rules {
                    let mut trial = Run {
                        found: Vec::new(),
                        yaml11: self.yaml11,
                    };
                    trial.rule(r, value, ptr, path, sev);
                    if trial.found.iter().all(|f| f.severity < Severity::Error) {
                        self.found.extend(trial.found);
                        return;
                    }
                    best.get_or_insert(trial);
                }
                if rules.len() == 1 {
                    self.found.extend(best.map(|b| b.found).unwrap_or_default());
                } else {
                    let shown = text
                        .as_deref()
                        .map_or_else(|| unexpected(value), check::shown);
                    let message = format!(
                        "{shown} matches none of: {}",
                        rule.describe().replace(" or ", ", ")
                    );
                    self.push(Kind::InvalidType, sev, path, message, here(ptr));
                }
            }
            Check::All(rules) => {
                for r in rules {
                    let before = self.found.len();
                    self.rule(r, value, ptr, path, sev);
                    // Later rules of a conjunction add nothing once one has failed.
                    if self.found[before..]
                        .iter()
                        .any(|f| f.severity == Severity::Error)
                    {
                        break;
                    }
                }
            }
            Check::Mapping(schema) => self.mapping(value, schema, ptr, path, sev),
            Check::Custom {
                kind,
                check,
                message,
                ..
            } => {
                if let Some(t) = text_or_type(self, &rule.describe()) {
                    if !check(&t) {
                        self.push(*kind, sev, path, message.replace("{value}", &t), here(ptr));
                    }
                }
            }
        }
    }
}
