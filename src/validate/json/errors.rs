//! The engine's errors as masthead's: each becomes a [`Found`] with a stable kind, a
//! field path, a structural target and a message a person can act on; combinators
//! are explained by their deepest useful cause. It computes no position.

use std::collections::HashMap;

use jsonschema::error::ValidationErrorKind as E;
use jsonschema::ValidationError;
use serde_json::Value as Json;

use super::describe::describe;
use super::formats;
use super::pointer::{parent, severity, subschema, unescape};
use super::without_fragment;
use crate::check;
use crate::diagnostic::{Error, Kind, Severity};
use crate::path::{display_path, Segment};
use crate::validate::rule::{CUSTOM, HOST_SUFFIX, SCHEMES};
use crate::validate::run::{Found, Target};
use crate::value::Value;

pub(super) struct Mapper<'a, 'v> {
    pub(super) root: &'a Json,
    /// The other schema documents that `$ref`s reached, by URI (without fragment).
    pub(super) others: &'a [(String, Json)],
    pub(super) value: &'a Value<'v>,
    pub(super) strict: bool,
    pub(super) found: Vec<Found>,
    /// The severity of the error being mapped: a warning under `x-masthead-warning`.
    pub(super) severity: Severity,
}

/// Where an instance location is in the front matter: the entry and item indices,
/// the field path, and the value there.
struct Place<'a, 'v> {
    ptr: Vec<usize>,
    path: Vec<Segment>,
    value: Option<&'a Value<'v>>,
}

impl<'a, 'v> Mapper<'a, 'v> {
    fn place(&self, pointer: &str) -> Place<'a, 'v> {
        let mut place = Place {
            ptr: Vec::new(),
            path: Vec::new(),
            value: Some(self.value),
        };
        for raw in pointer.split('/').skip(1) {
            let seg = unescape(raw);
            match place.value {
                Some(Value::Map(entries)) => {
                    let Some(i) = entries
                        .iter()
                        .position(|(k, _)| super::convert::key_name(k).as_deref() == Some(&seg))
                    else {
                        place.value = None;
                        break;
                    };
                    place.ptr.push(i);
                    place.path.push(Segment::Key(seg));
                    place.value = Some(&entries[i].1);
                }
                Some(Value::Seq(items)) => {
                    let Some(i) = seg.parse::<usize>().ok().filter(|&i| i < items.len()) else {
                        place.value = None;
                        break;
                    };
                    place.ptr.push(i);
                    place.path.push(Segment::Index(i));
                    place.value = Some(&items[i]);
                }
                _ => {
                    place.value = None;
                    break;
                }
            }
        }
        place
    }

    fn push(&mut self, kind: Kind, path: &[Segment], message: String, target: Target) {
        self.found.push(Found {
            kind,
            severity: self.severity,
            path: display_path(path),
            message,
            target,
            misread: None,
        });
    }

    /// The schema document that holds `e`'s keyword: another file when the engine's
    /// absolute location of it names one a `$ref` reached (by the URI it was read
    /// from, or by its own `$id`), else the root.
    fn document(&self, e: &ValidationError<'_>) -> &'a Json {
        fn id(json: &Json) -> Option<&str> {
            json.get("$id").and_then(Json::as_str).map(without_fragment)
        }
        e.absolute_keyword_location()
            .and_then(|uri| {
                let doc = without_fragment(uri.as_str());
                self.others
                    .iter()
                    .find(|(u, json)| u == doc || id(json) == Some(doc))
            })
            .map_or(self.root, |(_, json)| json)
    }

    /// Maps one engine error (and, for a combinator, its best branch).
    pub(super) fn error(&mut self, e: &ValidationError<'_>) {
        let pointer = e.instance_path().as_str();
        let place = self.place(pointer);
        let schema_path = e.schema_path().as_str();
        let keyword_parent = parent(schema_path);
        // The engine's schema path is within the document the keyword is in.
        let root = self.document(e);
        let sub = subschema(root, keyword_parent);
        let instance: &Json = e.instance();
        let here = Target::Value(place.ptr.clone());
        self.severity = severity(root, keyword_parent);
        let empty = is_empty(instance) && sub.is_some_and(requires_non_empty);
        let expected = || sub.map_or_else(|| "a valid value".to_owned(), |s| describe(root, s));
        let format = sub.and_then(|s| s.get("format")).and_then(Json::as_str);
        match e.kind() {
            E::Custom { message, .. } => {
                let kind = if schema_path.ends_with(HOST_SUFFIX) {
                    Kind::MalformedUrl
                } else {
                    sub.and_then(|s| s.get(CUSTOM))
                        .and_then(|c| c.get("kind"))
                        .and_then(Json::as_str)
                        .and_then(|k| Kind::ALL.into_iter().find(|x| x.as_str() == k))
                        .unwrap_or(Kind::InvalidValue)
                };
                self.push(kind, &place.path, message.clone(), here);
            }
            E::Required { property } => {
                let name = property
                    .as_str()
                    .map_or_else(|| property.to_string(), str::to_owned);
                let mut path = place.path.clone();
                path.push(Segment::Key(name));
                let target = if place.ptr.is_empty() {
                    Target::Fence
                } else {
                    Target::Key(place.ptr.clone())
                };
                let message = format!("missing field `{}`", display_path(&path));
                self.push(Kind::MissingField, &path, message, target);
            }
            E::AdditionalProperties { unexpected } | E::UnevaluatedProperties { unexpected } => {
                let names: Vec<&str> = sub
                    .and_then(|s| s.get("properties"))
                    .and_then(Json::as_object)
                    .map(|p| p.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                // The keys of the mapping by name, found once: 200,000 unknown keys
                // cost 200,000 lookups, not a scan each.
                let mut index: HashMap<String, usize> = HashMap::new();
                if let Some(Value::Map(entries)) = place.value {
                    for (i, (k, _)) in entries.iter().enumerate() {
                        if let Some(name) = super::convert::key_name(k) {
                            index.entry(name).or_insert(i);
                        }
                    }
                }
                let expected = if names.is_empty() {
                    None
                } else {
                    Some(check::one_of(&names))
                };
                for name in unexpected {
                    let mut path = place.path.clone();
                    path.push(Segment::Key(name.clone()));
                    let mut ptr = place.ptr.clone();
                    ptr.extend(index.get(name.as_str()));
                    let message = match &expected {
                        None => format!("unknown field `{name}`, there are no fields"),
                        Some(expected) => format!("unknown field `{name}`, expected {expected}"),
                    };
                    self.push(Kind::UnknownField, &path, message, Target::Key(ptr));
                }
            }
            _ if empty => {
                let message = match instance {
                    Json::Null => format!("null value, expected {}", expected()),
                    Json::String(s) => {
                        format!("blank value {}, expected {}", check::shown(s), expected())
                    }
                    _ => "empty list, expected at least one entry".to_owned(),
                };
                self.push(Kind::EmptyValue, &place.path, message, here);
            }
            // A number or a boolean where a date or URL is wanted: read as text, it
            // says what is wrong with it.
            E::Type { .. }
                if matches!(instance, Json::Number(_) | Json::Bool(_))
                    && format.is_some_and(formats::is_own) =>
            {
                let text = instance.to_string();
                let (kind, message) =
                    formats::reason(format.unwrap_or_default(), &text, true, false)
                        .unwrap_or_else(|| pattern_message(format, &text, "", sub));
                self.push(kind, &place.path, message, here);
            }
            E::Type { .. } => {
                let shown = match place.value {
                    Some(Value::Float(f)) if !f.is_finite() => format!(
                        "float `{}` (JSON has no infinity or NaN)",
                        super::convert::yaml_float(*f)
                    ),
                    _ => unexpected(instance),
                };
                let message = format!("invalid type: {shown}, expected {}", expected());
                self.push(Kind::InvalidType, &place.path, message, here);
            }
            E::Format { format } => {
                let (kind, message) = match instance.as_str() {
                    Some(s) if formats::is_own(format) => {
                        let pattern = sub.and_then(|s| s.get("pattern")).and_then(Json::as_str);
                        let web = schemes_of(sub, pattern.unwrap_or_default())
                            .iter()
                            .any(|s| s == "http" || s == "https");
                        formats::reason(format, s, self.strict, web).unwrap_or((
                            Kind::InvalidValue,
                            format!("{} is not a valid `{format}`", check::shown(s)),
                        ))
                    }
                    _ => (
                        Kind::InvalidValue,
                        format!("{} is not a valid `{format}`", shown(instance)),
                    ),
                };
                self.push(kind, &place.path, message, here);
            }
            E::Pattern { pattern } => {
                let text = instance.as_str().unwrap_or_default();
                let (kind, message) = pattern_message(format, text, pattern, sub);
                self.push(kind, &place.path, message, here);
            }
            E::AnyOf { context } | E::OneOfNotValid { context } => {
                self.combinator(e, context, root, sub, &place, pointer);
            }
            kind => {
                let message =
                    value_message(kind, instance).unwrap_or_else(|| lower(&e.to_string()));
                self.push(Kind::InvalidValue, &place.path, message, here);
            }
        }
    }

    /// `anyOf` / `oneOf` with no passing branch: the branch that went furthest
    /// explains it; when every branch wants another type here, one `invalid-type`
    /// lists what they want.
    fn combinator(
        &mut self,
        e: &ValidationError<'_>,
        context: &[Vec<ValidationError<'static>>],
        root: &Json,
        sub: Option<&Json>,
        place: &Place<'_, '_>,
        pointer: &str,
    ) {
        let depth = |err: &ValidationError<'_>| err.instance_path().as_str().matches('/').count();
        let own = pointer.matches('/').count();
        let wrong_type_here = |branch: &[ValidationError<'static>]| {
            branch
                .iter()
                .any(|err| depth(err) == own && matches!(err.kind(), E::Type { .. }))
        };
        let best = context
            .iter()
            .filter(|b| !b.is_empty() && !wrong_type_here(b))
            .max_by_key(|b| {
                (
                    b.iter().map(depth).max().unwrap_or(0),
                    std::cmp::Reverse(b.len()),
                )
            });
        if let Some(branch) = best {
            for err in branch {
                self.error(err);
            }
            return;
        }
        let instance: &Json = e.instance();
        let options: Vec<String> = sub
            .and_then(|s| s.get(e.kind().keyword()))
            .and_then(Json::as_array)
            .map(|a| a.iter().map(|s| describe(root, s)).collect())
            .unwrap_or_default();
        let expected = if options.is_empty() {
            "another type".to_owned()
        } else {
            join_or(&options)
        };
        let message = format!(
            "invalid type: {}, expected {expected}",
            unexpected(instance)
        );
        let kind = if is_empty(instance) && matches!(instance, Json::Null) {
            Kind::EmptyValue
        } else {
            Kind::InvalidType
        };
        let message = if kind == Kind::EmptyValue {
            format!("null value, expected {expected}")
        } else {
            message
        };
        self.push(kind, &place.path, message, Target::Value(place.ptr.clone()));
    }
}

/// A `pattern` that a string does not match (in `sub`). On a field of a date or
/// URL format the pattern narrows the format (the release schema's RFC 3339 shapes
/// and web schemes): the kind is the format's, and the reason says what is wrong.
fn pattern_message(
    format: Option<&str>,
    text: &str,
    pattern: &str,
    sub: Option<&Json>,
) -> (Kind, String) {
    match format {
        Some("date" | "date-time") => {
            let message = check::parse_date(text).err().unwrap_or_else(|| {
                format!(
                    "invalid date {}: it does not match `{pattern}`",
                    check::shown(text)
                )
            });
            (Kind::MalformedDate, message)
        }
        Some(f) if formats::is_own(f) && f != "time" => {
            // A URL that does not parse says why; one that does, which part the
            // pattern refuses (most often the scheme).
            let schemes = schemes_of(sub, pattern);
            let schemes: Vec<&str> = schemes.iter().map(String::as_str).collect();
            let message = match check::parse_url(text, &schemes) {
                Err(message) => message,
                Ok(u) => format!(
                    "invalid URL {}: scheme `{}` or another part does not match `{pattern}`",
                    check::shown(text),
                    u.scheme()
                ),
            };
            (Kind::MalformedUrl, message)
        }
        _ => (
            Kind::InvalidValue,
            format!(
                "{} does not match the pattern `{pattern}`",
                check::shown(text)
            ),
        ),
    }
}

/// The schemes a URL field allows (its subschema `sub`, its `pattern`): the list of
/// `x-masthead-schemes` (which `UrlRule::schemes` writes beside its pattern), or
/// `http` and `https` for a pattern that names them (the release schema's
/// `^[Hh][Tt][Tt][Pp][Ss]?:`); none when it is neither.
fn schemes_of(sub: Option<&Json>, pattern: &str) -> Vec<String> {
    if let Some(listed) = sub.and_then(|s| s.get(SCHEMES)).and_then(Json::as_array) {
        return listed
            .iter()
            .filter_map(Json::as_str)
            .map(str::to_ascii_lowercase)
            .collect();
    }
    if pattern.contains("[Hh][Tt][Tt][Pp]") || pattern.contains("http") {
        vec!["http".to_owned(), "https".to_owned()]
    } else {
        Vec::new()
    }
}

/// The message of a constraint that is `invalid-value`, for the common keywords.
fn value_message(kind: &E, v: &Json) -> Option<String> {
    let value = shown(v);
    Some(match kind {
        E::Enum { options } => {
            let all: Vec<String> = options
                .as_array()
                .map(|a| a.iter().map(|o| o.to_string()).collect())
                .unwrap_or_default();
            let all: Vec<&str> = all.iter().map(String::as_str).collect();
            format!(
                "{value} is not one of the allowed values, expected {}",
                check::one_of(&all)
            )
        }
        E::Constant { expected_value } => {
            format!("{value} is not the allowed value `{expected_value}`")
        }
        E::MinLength { limit } => format!("{value} is shorter than {limit} characters"),
        E::MaxLength { limit } => format!("{value} is longer than {limit} characters"),
        E::MinItems { limit } => format!("the list has fewer than {limit} entries"),
        E::MaxItems { limit } => format!("the list has more than {limit} entries"),
        E::MinProperties { limit } => format!("the mapping has fewer than {limit} fields"),
        E::MaxProperties { limit } => format!("the mapping has more than {limit} fields"),
        E::Minimum { limit } => format!("{value} is less than the minimum `{limit}`"),
        E::Maximum { limit } => format!("{value} is greater than the maximum `{limit}`"),
        E::ExclusiveMinimum { limit } => format!("{value} is not greater than `{limit}`"),
        E::ExclusiveMaximum { limit } => format!("{value} is not less than `{limit}`"),
        E::MultipleOf { multiple_of } => format!("{value} is not a multiple of `{multiple_of}`"),
        E::UniqueItems => "the list repeats an entry, expected unique entries".to_owned(),
        E::OneOfMultipleValid { .. } => {
            format!("{value} matches more than one schema of `oneOf`, expected exactly one")
        }
        E::Not { .. } => format!("{value} matches the schema of `not`, which it must not"),
        E::FalseSchema => "no value is allowed here".to_owned(),
        E::Contains => "no entry of the list matches `contains`".to_owned(),
        E::Custom { message, .. } => message.clone(),
        _ => return None,
    })
}

/// Keeps one diagnostic per value: of the kinds found there, the most basic
/// (`empty-value`, then `invalid-type`, then a date or URL, then `invalid-value`),
/// and of that kind the first. Missing and unknown fields are all kept.
pub(super) fn dedupe(found: Vec<Found>) -> Vec<Found> {
    // Errors before warnings; of each, the most basic kind.
    let rank = |k: Kind, s: Severity| {
        let kind = match k {
            Kind::EmptyValue => 0,
            Kind::InvalidType => 1,
            Kind::MalformedDate | Kind::MalformedUrl => 2,
            _ => 3,
        };
        (std::cmp::Reverse(s), kind)
    };
    // By path, in maps: an invalid list of 100,000 items is 100,000 lookups, not a
    // scan of all the others for each.
    let mut best: HashMap<String, (Kind, Severity)> = HashMap::new();
    for f in &found {
        if let Target::Value(_) = f.target {
            best.entry(f.path.clone())
                .and_modify(|(k, s)| {
                    if rank(f.kind, f.severity) < rank(*k, *s) {
                        (*k, *s) = (f.kind, f.severity);
                    }
                })
                .or_insert((f.kind, f.severity));
        }
    }
    // The first finding that is its path's best is kept, and the path leaves the map:
    // any later one of the same path is dropped.
    found
        .into_iter()
        .filter(|f| {
            !matches!(f.target, Target::Value(_))
                || (best.get(&f.path) == Some(&(f.kind, f.severity))
                    && best.remove(&f.path).is_some())
        })
        .collect()
}

/// A schema that cannot be compiled, as an error of the schema (not of a document).
pub(super) fn schema_error(e: &ValidationError<'_>, file: Option<&std::path::Path>) -> Error {
    let at = e.schema_path().as_str();
    let place = if at.is_empty() {
        String::new()
    } else {
        format!(" at `{at}`")
    };
    let what = match e.kind() {
        E::Referencing(jsonschema::ReferencingError::UnknownSpecification { specification }) => {
            format!(
                "`$schema` names `{specification}`, a meta-schema masthead does not know: it \
                 reads the JSON Schema drafts' own (such as \
                 `https://json-schema.org/draft/2020-12/schema`) and never fetches another; \
                 name one of them, or leave `$schema` out for draft 2020-12"
            )
        }
        E::Referencing(r) if file.is_none() => format!(
            "{r}; a `$ref` to another document needs the schema's file: load it from its file"
        ),
        E::Referencing(r) => r.to_string(),
        _ => format!("not valid JSON Schema: {}", lower(&e.to_string())),
    };
    let message = match file {
        Some(file) => format!("schema `{}`{place}: {what}", file.display()),
        None => format!("schema{place}: {what}"),
    };
    Error::without_position(Kind::InvalidValue, message)
}

fn lower(s: &str) -> String {
    let mut c = s.chars();
    let mut out: String = c
        .next()
        .map(|f| f.to_lowercase().collect())
        .unwrap_or_default();
    out.push_str(c.as_str());
    out.trim_end_matches('.').to_owned()
}

/// Whether a subschema asks for a non-empty value (`minLength`, `minItems`,
/// `minProperties` of at least 1).
pub(super) fn requires_non_empty(sub: &Json) -> bool {
    ["minLength", "minItems", "minProperties"]
        .iter()
        .any(|k| sub.get(k).and_then(Json::as_u64).is_some_and(|n| n >= 1))
}

/// Null, blank text, an empty list.
fn is_empty(v: &Json) -> bool {
    match v {
        Json::Null => true,
        Json::String(s) => s.trim().is_empty(),
        Json::Array(a) => a.is_empty(),
        _ => false,
    }
}

pub(super) fn join_or(all: &[String]) -> String {
    match all.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => all.concat(),
    }
}

/// `a string` → `strings`, `a URL` → `URLs`.
pub(super) fn plural(what: &str) -> String {
    let bare = what
        .strip_prefix("a ")
        .or_else(|| what.strip_prefix("an "))
        .unwrap_or(what);
    format!("{bare}s")
}

/// How a value shows in an `invalid type` message: ``string `x` ``, `sequence` …
fn unexpected(v: &Json) -> String {
    match v {
        Json::Array(_) => "sequence".to_owned(),
        Json::Object(_) => "mapping".to_owned(),
        Json::Null => "null".to_owned(),
        Json::String(s) => format!("string {}", check::shown(s)),
        Json::Bool(b) => format!("boolean `{b}`"),
        Json::Number(n) if n.is_f64() => format!("float `{n}`"),
        Json::Number(n) => format!("integer `{n}`"),
    }
}

/// A value in a message: text in backticks, anything else as JSON in backticks.
fn shown(v: &Json) -> String {
    match v {
        Json::String(s) => check::shown(s),
        Json::Array(_) => "the list".to_owned(),
        Json::Object(_) => "the mapping".to_owned(),
        other => format!("`{other}`"),
    }
}
