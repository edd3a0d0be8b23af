//! Validation: a declarative [`Schema`] of [`Rule`]s run over the parsed front matter,
//! collecting *every* problem into a [`Report`]. Positions are computed only when
//! there is something to report.

use std::borrow::Cow;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::Deserialize;

use crate::check;
use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::document::{Document, Parsed};
use crate::error::Kind;
use crate::limits::Limits;
use crate::path::{display_path, Segment};
use crate::span::{Location, Span};
use crate::tree::{Node, NodeKind};
use crate::value::Value;

/// A check of one value.
///
/// Rules are built with the constructors below and refined with consuming methods:
/// `Rule::string().non_empty()`, `Rule::list(Rule::url()).min_len(1)`,
/// `Rule::url().schemes(["https"]).host_suffix("govt.nz")`. Any rule can be made a
/// [`warning`](Rule::warning).
///
/// # Examples
///
/// ```
/// use masthead::{Rule, Schema};
///
/// let schema = Schema::new()
///     .required("title", Rule::string().non_empty())
///     .optional("tags", Rule::list(Rule::string()).min_len(1))
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
#[derive(Clone)]
pub struct Rule {
    check: Check,
    severity: Severity,
}

type CustomCheck = Arc<dyn Fn(&str) -> bool + Send + Sync>;

#[derive(Clone)]
enum Check {
    Any,
    String {
        non_empty: bool,
    },
    Date,
    Url {
        schemes: Vec<String>,
        host_suffix: Option<String>,
    },
    List {
        item: Box<Rule>,
        min: usize,
    },
    OneOf(Vec<Rule>),
    All(Vec<Rule>),
    Mapping(Schema),
    Custom {
        name: String,
        kind: Kind,
        check: CustomCheck,
        message: String,
    },
}

impl Rule {
    const fn of(check: Check) -> Self {
        Rule {
            check,
            severity: Severity::Error,
        }
    }

    /// Any value at all.
    #[must_use]
    pub const fn any() -> Self {
        Rule::of(Check::Any)
    }

    /// A scalar, read as text the way a `String` field reads it (`12` and `true` are
    /// text too); sequences and mappings are [`Kind::InvalidType`].
    #[must_use]
    pub const fn string() -> Self {
        Rule::of(Check::String { non_empty: false })
    }

    /// A date: `YYYY-MM-DD`, or an RFC 3339 date-time. A date that does not exist
    /// (`2024-02-30`) is [`Kind::MalformedDate`] with the reason.
    #[must_use]
    pub const fn date() -> Self {
        Rule::of(Check::Date)
    }

    /// An absolute URL, of any scheme until [`schemes`](Rule::schemes) narrows it.
    #[must_use]
    pub const fn url() -> Self {
        Rule::of(Check::Url {
            schemes: Vec::new(),
            host_suffix: None,
        })
    }

    /// A sequence whose every entry passes `item`.
    #[must_use]
    pub fn list(item: Rule) -> Self {
        Rule::of(Check::List {
            item: Box::new(item),
            min: 0,
        })
    }

    /// A value that passes at least one of `rules`.
    #[must_use]
    pub fn one_of(rules: impl IntoIterator<Item = Rule>) -> Self {
        Rule::of(Check::OneOf(rules.into_iter().collect()))
    }

    /// A value that passes every one of `rules`; each reports its own problems.
    #[must_use]
    pub fn all(rules: impl IntoIterator<Item = Rule>) -> Self {
        Rule::of(Check::All(rules.into_iter().collect()))
    }

    /// A mapping checked by its own schema (fields, strictness).
    #[must_use]
    pub fn mapping(schema: Schema) -> Self {
        Rule::of(Check::Mapping(schema))
    }

    /// A scalar whose text passes `check`; otherwise a diagnostic of kind
    /// [`Kind::InvalidType`] (see [`kind`](Rule::kind)) with `message`, in which
    /// `{value}` stands for the value.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Rule, Schema};
    ///
    /// let slug = Rule::custom("slug", |s| s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
    ///     "`{value}` is not a slug of lowercase letters and dashes");
    /// let schema = Schema::new().required("slug", slug);
    /// let report = masthead::validate(&masthead::split("---\nslug: Hello World\n---\n")?, &schema);
    /// assert_eq!(report.iter().next().unwrap().message(), "`Hello World` is not a slug of lowercase letters and dashes");
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub fn custom(
        name: impl Into<String>,
        check: impl Fn(&str) -> bool + Send + Sync + 'static,
        message: impl Into<String>,
    ) -> Self {
        Rule::of(Check::Custom {
            name: name.into(),
            kind: Kind::InvalidType,
            check: Arc::new(check),
            message: message.into(),
        })
    }

    /// For a string: blank text (empty or only white space) is [`Kind::EmptyValue`].
    #[must_use]
    pub fn non_empty(mut self) -> Self {
        if let Check::String { non_empty } = &mut self.check {
            *non_empty = true;
        }
        self
    }

    /// For a list: at least `n` entries. An empty list where one is needed is
    /// [`Kind::EmptyValue`]; a shorter list otherwise is [`Kind::InvalidType`].
    #[must_use]
    pub fn min_len(mut self, n: usize) -> Self {
        if let Check::List { min, .. } = &mut self.check {
            *min = n;
        }
        self
    }

    /// For a URL: the schemes allowed, e.g. `["http", "https"]`.
    #[must_use]
    pub fn schemes<S: Into<String>>(mut self, allowed: impl IntoIterator<Item = S>) -> Self {
        if let Check::Url { schemes, .. } = &mut self.check {
            *schemes = allowed.into_iter().map(Into::into).collect();
        }
        self
    }

    /// For a URL: the host must be `suffix` or end with `.suffix`.
    #[must_use]
    pub fn host_suffix(mut self, suffix: impl Into<String>) -> Self {
        if let Check::Url { host_suffix, .. } = &mut self.check {
            *host_suffix = Some(suffix.into().trim_start_matches('.').to_owned());
        }
        self
    }

    /// For a custom rule: the kind its diagnostics carry.
    #[must_use]
    pub fn kind(mut self, kind: Kind) -> Self {
        if let Check::Custom { kind: k, .. } = &mut self.check {
            *k = kind;
        }
        self
    }

    /// Reports this rule's problems as warnings, which leave a document valid.
    #[must_use]
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// What the rule expects, for messages: `a string`, `a list of URLs` …
    fn describe(&self) -> String {
        match &self.check {
            Check::Any => "any value".to_owned(),
            Check::String { non_empty: true } => "a non-empty string".to_owned(),
            Check::String { non_empty: false } => "a string".to_owned(),
            Check::Date => "a date".to_owned(),
            Check::Url { .. } => "a URL".to_owned(),
            Check::List { item, .. } => format!("a list of {}", plural(&item.describe())),
            Check::OneOf(rules) => rules
                .iter()
                .map(Rule::describe)
                .collect::<Vec<_>>()
                .join(" or "),
            Check::All(rules) => rules
                .first()
                .map_or_else(|| "any value".to_owned(), Rule::describe),
            Check::Mapping(_) => "a mapping".to_owned(),
            Check::Custom { name, .. } => format!("a `{name}`"),
        }
    }
}

/// `a string` → `strings`, `a URL` → `URLs`.
fn plural(what: &str) -> String {
    let bare = what
        .strip_prefix("a ")
        .or_else(|| what.strip_prefix("an "))
        .unwrap_or(what);
    format!("{bare}s")
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("expects", &self.describe())
            .field("severity", &self.severity)
            .finish()
    }
}

/// The fields of a mapping and the rule for each.
///
/// # Examples
///
/// ```
/// use masthead::{Kind, Rule, Schema};
///
/// let schema = Schema::new()
///     .require_front_matter(true)
///     .required("title", Rule::string().non_empty())
///     .optional("draft", Rule::any())
///     .strict(true);
/// let src = "---\ntitle: Hi\ntitel: typo\n---\n";
/// let report = masthead::validate(&masthead::split(src)?, &schema);
/// let d = report.iter().next().unwrap();
/// assert_eq!((d.kind(), d.path(), d.line(), d.column()), (Kind::UnknownField, "titel", 3, 1));
/// assert_eq!(d.message(), "unknown field `titel`, expected `title` or `draft`");
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Schema {
    fields: Vec<Field>,
    strict: bool,
    require_front_matter: bool,
    limits: Limits,
}

#[derive(Clone, Debug)]
struct Field {
    name: String,
    required: bool,
    rule: Rule,
}

impl Schema {
    /// A schema with no fields that allows any key.
    #[must_use]
    pub const fn new() -> Self {
        Schema {
            fields: Vec::new(),
            strict: false,
            require_front_matter: false,
            limits: Limits::new(),
        }
    }

    /// The `any` schema: front matter, when present, is YAML whose root is a mapping
    /// (or empty). The same as [`Schema::new`].
    #[must_use]
    pub const fn any() -> Self {
        Schema::new()
    }

    /// The `release` schema, for the reference document (a press release):
    ///
    /// | field | rule |
    /// |---|---|
    /// | `title` | required, non-empty string |
    /// | `date` | required; `YYYY-MM-DD` or an RFC 3339 date-time; `0001-01-01`, the archive's placeholder, is a warning |
    /// | `url` | required; absolute `http` or `https` URL |
    /// | `ministers` | required; non-empty list of non-empty strings |
    /// | `portfolios` | required; non-empty list of non-empty strings |
    /// | `attachments` | optional; list of absolute URLs |
    /// | anything else | allowed |
    ///
    /// A document that passes it deserializes as a [`Release`](crate::Release).
    ///
    /// # Examples
    ///
    /// ```
    /// let report = masthead::validate(&masthead::split("---\n---\n")?, &masthead::Schema::release());
    /// assert_eq!(report.error_count(), 5);
    /// assert!(report.iter().all(|d| d.kind() == masthead::Kind::MissingField && d.line() == 1));
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub fn release() -> Self {
        let names = || Rule::list(Rule::string().non_empty()).min_len(1);
        let placeholder = Rule::custom(
            "real date",
            |s| s != "0001-01-01",
            "placeholder date `{value}`",
        )
        .kind(Kind::MalformedDate)
        .warning();
        Schema::new()
            .require_front_matter(true)
            .required("title", Rule::string().non_empty())
            .required("date", Rule::all([Rule::date(), placeholder]))
            .required("url", Rule::url().schemes(["http", "https"]))
            .required("ministers", names())
            .required("portfolios", names())
            .optional("attachments", Rule::list(Rule::url()))
    }

    /// Adds a field that must be present and not null.
    #[must_use]
    pub fn required(mut self, name: impl Into<String>, rule: Rule) -> Self {
        self.fields.push(Field {
            name: name.into(),
            required: true,
            rule,
        });
        self
    }

    /// Adds a field that may be absent or null.
    #[must_use]
    pub fn optional(mut self, name: impl Into<String>, rule: Rule) -> Self {
        self.fields.push(Field {
            name: name.into(),
            required: false,
            rule,
        });
        self
    }

    /// In strict mode a key the schema does not name is [`Kind::UnknownField`].
    #[must_use]
    pub fn strict(mut self, yes: bool) -> Self {
        self.strict = yes;
        self
    }

    /// Whether a document without front matter is [`Kind::NoFrontMatter`] (default
    /// `false`: it is checked as an empty mapping).
    #[must_use]
    pub fn require_front_matter(mut self, yes: bool) -> Self {
        self.require_front_matter = yes;
        self
    }

    /// The [`Limits`] for untrusted input (default [`Limits::new`]): a block over
    /// them is reported as one diagnostic of kind [`Kind::LimitExceeded`], found
    /// before serde_yaml reads the block.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Kind, Limits, Schema};
    ///
    /// let src = "---\na: &a [x, x, x, x]\nb: [*a, *a, *a, *a]\n---\n";
    /// let schema = Schema::new().limits(Limits::new().max_alias_nodes(10));
    /// let report = masthead::validate(&masthead::split(src)?, &schema);
    /// let d = report.iter().next().unwrap();
    /// assert_eq!((d.kind(), d.line(), d.column()), (Kind::LimitExceeded, 3, 13));
    /// assert_eq!(d.message(), "alias `*a` replays more than the limit of 10 nodes");
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }
}

/// Checks the front matter of `doc` against `schema` and returns every problem.
///
/// Problems of the document as a whole come first and may stop the check:
/// [`Kind::NoFrontMatter`] (when the schema requires front matter) and
/// [`Kind::YamlSyntax`]. Otherwise every rule runs and every violation is reported:
/// missing and empty fields, wrong types, malformed dates and URLs, unknown fields in
/// strict schemas, and every repeated key anywhere in the block.
///
/// # Examples
///
/// ```
/// let src = "---\ndate: 2024-13-45\nurl: /relative\nministers: [A]\nportfolios: [B]\n---\n";
/// let report = masthead::validate(&masthead::split(src)?, &masthead::Schema::release());
/// for d in &report {
///     println!("{d}");
/// }
/// assert_eq!(report.len(), 3);
/// # Ok::<(), masthead::Error>(())
/// ```
#[must_use]
pub fn validate(doc: &Document<'_>, schema: &Schema) -> Report {
    if !doc.has_front_matter() && schema.require_front_matter {
        return Report::from(crate::options::no_front_matter(doc));
    }
    let value = match doc.value(schema.limits) {
        Ok(v) => v,
        Err(e) => return Report::from(e),
    };
    let mut run = Run { found: Vec::new() };
    let root = match value {
        Value::Null => Value::Map(Vec::new()),
        v => v,
    };
    run.duplicates(&root, &mut Vec::new(), &mut Vec::new());
    run.mapping(
        &root,
        schema,
        &mut Vec::new(),
        &mut Vec::new(),
        Severity::Error,
    );
    if run.found.is_empty() {
        return Report::default();
    }
    Report::new(position(doc, run.found))
}

/// Validates `src` against `schema`, then deserializes it: typed metadata, with the
/// report's warnings beside it, or the whole report.
///
/// # Errors
///
/// A [`Report`] holding every error (and warning) of the document, or the one error
/// of a deserialization that the schema let through.
///
/// # Examples
///
/// ```
/// use masthead::{Release, Schema};
///
/// let src = "---\ntitle: Placeholder\ndate: 0001-01-01\nurl: https://www.beehive.govt.nz/\n\
///            ministers: [A]\nportfolios: [B]\n---\nbody\n";
/// let ok = masthead::from_str_validated::<Release>(src, &Schema::release())?;
/// assert_eq!(ok.metadata.title, "Placeholder");
/// assert_eq!(ok.warnings.warning_count(), 1);
///
/// let bad = masthead::from_str_validated::<Release>("---\ntitle: x\n---\n", &Schema::release()).unwrap_err();
/// assert_eq!(bad.error_count(), 4);
/// # Ok::<(), masthead::Report>(())
/// ```
pub fn from_str_validated<'a, T: Deserialize<'a>>(
    src: &'a str,
    schema: &Schema,
) -> Result<Validated<'a, T>, Report> {
    let doc = crate::split(src)?;
    let report = validate(&doc, schema);
    if !report.is_valid() {
        return Err(report);
    }
    let metadata = crate::Options::new()
        .require_front_matter(schema.require_front_matter)
        .limits(schema.limits)
        .deserialize(&doc)?;
    Ok(Validated {
        metadata,
        body: doc.body(),
        warnings: report,
    })
}

/// Typed metadata that passed validation, with the body and any warnings; from
/// [`from_str_validated`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validated<'a, T> {
    /// The front matter, deserialized.
    pub metadata: T,
    /// The body, byte for byte, borrowed from the input.
    pub body: &'a str,
    /// The warnings of validation (no errors).
    pub warnings: Report,
}

impl<'a, T> From<Validated<'a, T>> for Parsed<'a, T> {
    fn from(v: Validated<'a, T>) -> Self {
        Parsed {
            metadata: v.metadata,
            body: v.body,
        }
    }
}

/// Where a problem is, before positions are computed: a structural pointer into the
/// YAML (an entry index per mapping, an item index per sequence).
#[derive(Debug)]
enum Target {
    /// The opening fence: a field missing from the root.
    Fence,
    /// The key of the entry at the pointer.
    Key(Vec<usize>),
    /// The value at the pointer (the key, when the value is empty text).
    Value(Vec<usize>),
}

#[derive(Debug)]
struct Found {
    kind: Kind,
    severity: Severity,
    path: String,
    message: String,
    target: Target,
}

struct Run {
    found: Vec<Found>,
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
        Value::Str(s) => format!("string `{s}`"),
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
        });
    }

    /// Every repeated key of every mapping, at its repetition.
    fn duplicates(&mut self, value: &Value<'_>, ptr: &mut Vec<usize>, path: &mut Vec<Segment>) {
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

    fn mapping(
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
                    let message = format!("blank value `{t}`, expected {what}");
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
                    let message = format!("blank value `{t}`, expected a non-empty string");
                    self.push(Kind::EmptyValue, sev, path, message, here(ptr));
                }
                (Some(_), _) => {}
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
                    let mut trial = Run { found: Vec::new() };
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
                        .map_or_else(|| unexpected(value), |t| format!("`{t}`"));
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

/// Turns structural targets into spans of the original document. The span tree is
/// built once, only here, and only when there is something to report.
fn position(doc: &Document<'_>, found: Vec<Found>) -> Vec<Diagnostic> {
    let block = doc.front_matter_span();
    let tree = doc.tree();
    let fence = doc.anchor();
    let base = block.map_or(0, |b| b.start());
    let ranges: Vec<Option<(usize, usize)>> = found
        .iter()
        .map(|f| {
            let node = match (&f.target, &tree) {
                (Target::Fence, _) | (_, None) => None,
                (Target::Key(ptr), Some(root)) => walk(root, ptr, true),
                (Target::Value(ptr), Some(root)) => walk(root, ptr, false),
            };
            node.map(|(start, end)| {
                let (start, end) = dash_of_empty_item(&doc.source()[base..], start, end);
                (base + start, base + end)
            })
        })
        .collect();
    let spans = spans_of(doc.source(), &ranges);
    found
        .into_iter()
        .zip(spans)
        .map(|(f, span)| {
            let span = span.unwrap_or(fence);
            Diagnostic::new(f.kind, f.severity, f.path, span, f.message)
        })
        .collect()
}

/// The spans of many byte ranges of `src`, as [`Span::of`] computes them one by
/// one, in a single pass over `src`: a report of 200,000 diagnostics costs one read
/// of the document, not 200,000.
fn spans_of(src: &str, ranges: &[Option<(usize, usize)>]) -> Vec<Option<Span>> {
    let mut order: Vec<usize> = (0..ranges.len()).filter(|&i| ranges[i].is_some()).collect();
    order.sort_by_key(|&i| ranges[i].map_or(0, |r| r.0));
    let mut spans = vec![None; ranges.len()];
    // The position reached: its offset, line, line start and column.
    let (mut at, mut line, mut line_start, mut column) = (0, 1, 0, 1);
    let bom = usize::from(src.starts_with('\u{feff}'));
    for i in order {
        let Some((start, end)) = ranges[i] else {
            continue;
        };
        let mut start = start.min(src.len());
        while !src.is_char_boundary(start) {
            start -= 1;
        }
        let passed = &src[at..start];
        let breaks = memchr::memchr_iter(b'\n', passed.as_bytes()).count();
        if breaks > 0 {
            line += breaks;
            line_start = at + memchr::memrchr(b'\n', passed.as_bytes()).map_or(0, |j| j + 1);
            column = 1 + src[line_start..start].chars().count();
        } else {
            column += passed.chars().count();
        }
        at = start;
        let shown = if line_start == 0 && start >= 3 {
            column - bom
        } else {
            column
        };
        let location = Location::new(start, line, shown);
        spans[i] = Some(Span::new(location, end.max(start).min(src.len())));
    }
    spans
}

/// An empty entry of a block sequence (`-` alone on its line) has an empty span
/// after the dash; the dash stands in for it, as a key stands in for an empty value.
fn dash_of_empty_item(text: &str, start: usize, end: usize) -> (usize, usize) {
    if start != end {
        return (start, end);
    }
    let before = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches([' ', '\t']);
    if before.ends_with('-') {
        (before.len() - 1, before.len())
    } else {
        (start, end)
    }
}

/// The byte range (relative to the block) of the node at `ptr`, or of its key. A
/// value with no text (`title:`) yields its key. Where the span tree and serde_yaml
/// disagree in shape (an alias, say), the deepest node reached stands in.
fn walk(root: &Node, ptr: &[usize], key: bool) -> Option<(usize, usize)> {
    let mut node = root;
    let mut key_of_node: Option<&Node> = None;
    for (depth, &i) in ptr.iter().enumerate() {
        let last = depth + 1 == ptr.len();
        match &node.kind {
            NodeKind::Map(entries) => {
                let Some(entry) = entries.get(i) else { break };
                if last && key {
                    return Some((entry.key_node.start, entry.key_node.end));
                }
                key_of_node = Some(&entry.key_node);
                node = &entry.value;
            }
            NodeKind::Seq(items) => {
                let Some(item) = items.get(i) else { break };
                key_of_node = None;
                node = item;
            }
            NodeKind::Scalar | NodeKind::Alias => break,
        }
    }
    match key_of_node {
        Some(k) if node.start == node.end => Some((k.start, k.end)),
        _ => Some((node.start, node.end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_in_one_pass_agree_with_one_at_a_time() {
        for src in [
            "",
            "a: 1\nb: é\n",
            "\u{feff}k: x\r\nvé: [a, b]\n\n- z\n",
            "\u{feff}",
        ] {
            let mut ranges = Vec::new();
            for start in (0..=src.len() + 2).rev() {
                ranges.push(Some((start, start + 2)));
                ranges.push(None);
            }
            let spans = spans_of(src, &ranges);
            for (range, span) in ranges.iter().zip(spans) {
                assert_eq!(
                    span,
                    range.map(|(start, end)| Span::of(src, start, end)),
                    "{src:?} {range:?}"
                );
            }
        }
    }
}
