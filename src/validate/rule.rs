//! [`Rule`] and its typed builders: each emits a JSON Schema subschema, so that a
//! builder schema and a schema file run through one engine. A method exists only on
//! the builder it applies to; nothing here checks a value.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde_json::{json, Map, Value as Json};

use crate::diagnostic::Kind;

/// masthead's extension keyword for a subschema whose problems are warnings.
pub(crate) const WARNING: &str = "x-masthead-warning";
/// masthead's extension keyword for a [`Rule::custom`] check.
pub(crate) const CUSTOM: &str = "x-masthead-custom";
/// masthead's extension keyword: values of a field that stand for "unknown" (the
/// release archive's `0001-01-01`), valid and a warning ([`DateRule::placeholders`];
/// read by the walk beside the engine).
pub(crate) const PLACEHOLDER: &str = "x-masthead-placeholder";
/// masthead's extension keyword for [`UrlRule::host_suffix`].
pub(crate) const HOST_SUFFIX: &str = "x-masthead-host-suffix";
/// masthead's extension keyword for [`UrlRule::schemes`]: the schemes, beside the
/// `pattern` that checks them, so that the reason of a refused URL can name them.
pub(crate) const SCHEMES: &str = "x-masthead-schemes";

/// The dates of [`Rule::date`]: `YYYY-MM-DD`, or an RFC 3339 date-time.
const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2}))?$";

/// The check of a [`Rule::custom`]: the value as the schema sees it (YAML 1.2 read
/// into JSON: `true` is a boolean, `12` a number, `2024-05-01` a string).
pub(crate) type CustomCheck = dyn Fn(&Json) -> bool + Send + Sync;

/// A custom check and what its diagnostics say.
#[derive(Clone)]
pub(crate) struct Custom {
    pub(crate) id: u64,
    pub(crate) check: Arc<CustomCheck>,
    pub(crate) message: String,
}

/// A check of one value: a JSON Schema subschema, made by one of the constructors
/// below and refined by the methods of the typed builder it returns
/// ([`StringRule`], [`UrlRule`], [`ListRule`] …). Every builder converts into a
/// `Rule`, so [`Schema::required`](crate::Schema::required) takes either.
///
/// # Examples
///
/// ```
/// use masthead::{Rule, Schema};
///
/// let schema = Schema::new()
///     .required("title", Rule::string().non_empty())
///     .optional("tags", Rule::list(Rule::string()).non_empty())
///     .optional("author", Rule::mapping(Schema::new().required("url", Rule::url())));
/// let src = "---\ntitle: ''\ntags: []\nauthor:\n  url: /me\n---\n";
/// let report = masthead::validate(&masthead::split(src)?, &schema);
/// let found: Vec<_> = report.iter().map(|d| (d.kind().as_str(), d.path(), d.line(), d.column())).collect();
/// assert_eq!(found, [
///     ("empty-value", "title", 2, 8),
///     ("empty-value", "tags", 3, 7),
///     ("malformed-url", "author.url", 5, 8),
/// ]);
/// # Ok::<(), masthead::Error>(())
/// ```
///
/// A method of another rule does not compile: a date has no schemes, a list no
/// pattern, a string no schemes.
///
/// ```compile_fail
/// let _ = masthead::Rule::date().schemes(["https"]);
/// ```
///
/// ```compile_fail
/// let _ = masthead::Rule::list(masthead::Rule::string()).pattern("^a");
/// ```
///
/// ```compile_fail
/// let _ = masthead::Rule::string().host_suffix("govt.nz");
/// ```
#[derive(Clone)]
pub struct Rule {
    pub(crate) json: Map<String, Json>,
    pub(crate) customs: Vec<Custom>,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("json", &self.json).finish()
    }
}

fn object(value: Json) -> Map<String, Json> {
    match value {
        Json::Object(m) => m,
        _ => Map::new(),
    }
}

impl Rule {
    fn of(value: Json) -> Rule {
        Rule {
            json: object(value),
            customs: Vec::new(),
        }
    }

    /// The JSON Schema this rule emits (with masthead's extension keywords).
    #[must_use]
    pub fn json_schema(&self) -> Json {
        Json::Object(self.json.clone())
    }

    /// Any value at all (in a required field, any value but null).
    #[must_use]
    pub fn any() -> Rule {
        Rule::of(json!({}))
    }

    /// A scalar read as text, the way a `String` field reads it (`12` and `true` are
    /// text too): `{"type": ["string", "number", "boolean"]}`.
    pub fn string() -> StringRule {
        StringRule(Rule::of(json!({"type": ["string", "number", "boolean"]})))
    }

    /// A date: `YYYY-MM-DD`, or an RFC 3339 date-time (`format: date-time` narrowed
    /// by a `pattern`). A date that does not exist (`2024-02-30`) is
    /// [`Kind::MalformedDate`] with the reason.
    pub fn date() -> DateRule {
        DateRule(Rule::of(json!({
            "type": "string", "minLength": 1, "format": "date-time", "pattern": DATE_PATTERN
        })))
    }

    /// A date-time as front matter writes it (`format: date-time`): RFC 3339, or,
    /// unless [`JsonSchemaOptions::strict_date_time`](crate::JsonSchemaOptions::strict_date_time),
    /// a date alone, a space for `T`, no offset.
    pub fn date_time() -> DateRule {
        DateRule(Rule::of(
            json!({"type": "string", "minLength": 1, "format": "date-time"}),
        ))
    }

    /// An absolute URL (`format: uri`), of any scheme until [`UrlRule::schemes`]
    /// narrows it.
    pub fn url() -> UrlRule {
        UrlRule(Rule::of(
            json!({"type": "string", "minLength": 1, "format": "uri"}),
        ))
    }

    /// A boolean: `true` or `false` (YAML 1.2: `yes` is text).
    pub fn boolean() -> BasicRule {
        BasicRule(Rule::of(json!({"type": "boolean"})))
    }

    /// An integer.
    pub fn integer() -> NumberRule {
        NumberRule(Rule::of(json!({"type": "integer"})))
    }

    /// A number, integer or not.
    pub fn number() -> NumberRule {
        NumberRule(Rule::of(json!({"type": "number"})))
    }

    /// One of the given values (`enum`), compared as JSON: `Rule::one_of_values(["draft", "published"])`.
    pub fn one_of_values<V: Into<Json>>(values: impl IntoIterator<Item = V>) -> BasicRule {
        let values: Vec<Json> = values.into_iter().map(Into::into).collect();
        BasicRule(Rule::of(json!({ "enum": values })))
    }

    /// A sequence whose every entry passes `item`.
    pub fn list(item: impl Into<Rule>) -> ListRule {
        let item = item.into();
        let mut rule = Rule::of(json!({"type": "array"}));
        rule.json
            .insert("items".to_owned(), Json::Object(item.json));
        rule.customs = item.customs;
        ListRule(rule)
    }

    /// A mapping checked by its own schema (fields, strictness).
    pub fn mapping(schema: crate::Schema) -> BasicRule {
        let (json, customs) = schema.object_json();
        BasicRule(Rule {
            json: object(json),
            customs,
        })
    }

    /// A value that passes at least one of `rules` (`anyOf`); builders of several
    /// kinds meet as `Rule`s: `Rule::one_of([Rule::date().into(), Rule::list(Rule::date()).into()])`.
    /// With no alternative passing, the one that went furthest explains why.
    ///
    /// ```
    /// use masthead::{Rule, Schema};
    /// let schema = Schema::new().required("d", Rule::one_of([Rule::date().into(), Rule::list(Rule::date()).into()]));
    /// assert!(masthead::validate_str("---\nd: [2024-01-01]\n---\n", &schema).is_empty());
    /// let d = masthead::validate_str("---\nd: [2024-13-01]\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind().as_str(), d.path()), ("malformed-date", "d[0]"));
    /// ```
    pub fn one_of(rules: impl IntoIterator<Item = Rule>) -> BasicRule {
        BasicRule(Rule::combine("anyOf", rules))
    }

    /// A value that passes every one of `rules` (`allOf`); each reports its own
    /// problems (one diagnostic per value: an error before a warning).
    ///
    /// ```
    /// use masthead::{Rule, Schema};
    /// let short = Rule::string().max_len(3);
    /// let schema = Schema::new().required("t", Rule::all([Rule::string().non_empty().into(), short.into()]));
    /// let d = masthead::validate_str("---\nt: abcd\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!(d.message(), "`abcd` is longer than 3 characters");
    /// ```
    pub fn all(rules: impl IntoIterator<Item = Rule>) -> BasicRule {
        BasicRule(Rule::combine("allOf", rules))
    }

    fn combine(keyword: &str, rules: impl IntoIterator<Item = Rule>) -> Rule {
        let mut customs = Vec::new();
        let all: Vec<Json> = rules
            .into_iter()
            .map(|r| {
                customs.extend(r.customs);
                Json::Object(r.json)
            })
            .collect();
        let mut rule = Rule::of(json!({ keyword: all }));
        rule.customs = customs;
        rule
    }

    /// A value that passes `check`, which sees it as typed data (YAML 1.2 read into
    /// JSON: `True` is the boolean `true`, `12` a number, `2024-05-01` a string);
    /// otherwise a diagnostic of kind [`Kind::InvalidValue`] (see
    /// [`CustomRule::kind`]) with `message`, in which `{value}` stands for the value.
    /// It is masthead's extension keyword `x-masthead-custom`: a schema written to a
    /// file for editors names the check, and only masthead runs it.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Rule, Schema};
    ///
    /// let slug = Rule::custom("slug", |v| v.as_str().is_some_and(|s| s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')),
    ///     "`{value}` is not a slug of lowercase letters and dashes");
    /// let schema = Schema::new().required("slug", slug);
    /// let report = masthead::validate(&masthead::split("---\nslug: Hello World\n---\n")?, &schema);
    /// assert_eq!(report.iter().next().unwrap().message(), "`Hello World` is not a slug of lowercase letters and dashes");
    /// // A boolean arrives as one, not as the text `true`.
    /// let flag = Rule::custom("flag", |v| v.is_boolean(), "`{value}` is not a flag");
    /// let report = masthead::validate_str("---\nf: True\n---\n", &Schema::new().required("f", flag));
    /// assert!(report.is_empty());
    /// # Ok::<(), masthead::Error>(())
    /// ```
    pub fn custom(
        name: impl Into<String>,
        check: impl Fn(&Json) -> bool + Send + Sync + 'static,
        message: impl Into<String>,
    ) -> CustomRule {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        let message = message.into();
        let name = name.into();
        let mut rule = Rule::of(json!({
            CUSTOM: {"name": name, "id": id, "kind": Kind::InvalidValue.as_str(), "message": message}
        }));
        rule.customs.push(Custom {
            id,
            check: Arc::new(check),
            message,
        });
        CustomRule(rule)
    }

    pub(super) fn set(&mut self, keyword: &str, value: Json) {
        self.json.insert(keyword.to_owned(), value);
    }

    fn warn(mut self) -> Self {
        self.set(WARNING, Json::Bool(true));
        self
    }

    /// This rule's subschema for a field: `optional` also takes null.
    pub(crate) fn field_json(&self, optional: bool) -> Json {
        let mut json = self.json.clone();
        let empty = json.is_empty();
        match json.get_mut("type") {
            Some(Json::String(t)) if optional => {
                let t = std::mem::take(t);
                json.insert("type".to_owned(), json!([t, "null"]));
            }
            Some(Json::Array(a)) if optional => a.push(json!("null")),
            Some(_) => {}
            None if empty && !optional => {
                json.insert(
                    "type".to_owned(),
                    json!(["string", "number", "boolean", "array", "object"]),
                );
            }
            None if optional && !empty => {
                return json!({"anyOf": [{"type": "null"}, Json::Object(json)]});
            }
            None => {}
        }
        Json::Object(json)
    }
}

macro_rules! builder {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug)]
        #[must_use]
        pub struct $name(pub(super) Rule);

        impl $name {
            /// Reports this rule's problems as warnings, which leave a document
            /// valid (masthead's extension keyword `x-masthead-warning`). Inside
            /// [`Rule::one_of`], a warning still rules its alternative out.
            pub fn warning(self) -> Self {
                $name(self.0.warn())
            }
        }

        impl From<$name> for Rule {
            fn from(r: $name) -> Rule {
                r.0
            }
        }
    };
}

builder!(
    /// A rule with no refinements but [`warning`](BasicRule::warning): booleans,
    /// enums, mappings, `one_of`, `all`.
    BasicRule
);
builder!(
    /// [`Rule::string`]: text, with lengths and a pattern.
    StringRule
);
builder!(
    /// [`Rule::date`] and [`Rule::date_time`].
    DateRule
);
builder!(
    /// [`Rule::url`]: an absolute URL, its schemes and host.
    UrlRule
);
builder!(
    /// [`Rule::list`]: a sequence, its length.
    ListRule
);
builder!(
    /// [`Rule::integer`] and [`Rule::number`]: bounds.
    NumberRule
);
builder!(
    /// [`Rule::custom`]: the kind of its diagnostics.
    CustomRule
);

impl From<crate::Schema> for Rule {
    fn from(schema: crate::Schema) -> Rule {
        Rule::mapping(schema).into()
    }
}
