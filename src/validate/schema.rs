//! [`Schema`] and [`Rule`]: what a document must hold, as plain configuration. A
//! schema gives each field a rule and a rule may hold a schema (`Rule::mapping`), so
//! the two live together. Nothing here runs: applying them is [`run`](super::run)'s job.

use std::fmt;
use std::sync::Arc;

use crate::diagnostic::{Kind, Severity};
use crate::limits::Limits;

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
    pub(super) check: Check,
    pub(super) severity: Severity,
}

pub(super) type CustomCheck = Arc<dyn Fn(&str) -> bool + Send + Sync>;

#[derive(Clone)]
pub(super) enum Check {
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
    pub(super) fn describe(&self) -> String {
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
#[derive(Clone, Debug)]
pub struct Schema {
    /// A compiled JSON Schema; `None` for a schema of the builder's rules.
    #[cfg(feature = "validate")]
    pub(super) json: Option<Arc<super::json::Compiled>>,
    pub(super) fields: Vec<Field>,
    pub(super) strict: bool,
    pub(super) require_front_matter: bool,
    pub(super) limits: Limits,
    pub(super) yaml11_warnings: bool,
}

impl Default for Schema {
    fn default() -> Self {
        Schema::new()
    }
}

#[derive(Clone, Debug)]
pub(super) struct Field {
    pub(super) name: String,
    pub(super) required: bool,
    pub(super) rule: Rule,
}

impl Schema {
    /// A schema with no fields that allows any key.
    #[must_use]
    pub const fn new() -> Self {
        Schema {
            #[cfg(feature = "validate")]
            json: None,
            fields: Vec::new(),
            strict: false,
            require_front_matter: false,
            limits: Limits::new(),
            yaml11_warnings: true,
        }
    }

    /// A compiled JSON Schema, with the defaults of [`JsonSchemaOptions`].
    #[cfg(feature = "validate")]
    pub(super) fn from_compiled(compiled: super::json::Compiled) -> Self {
        Schema {
            json: Some(Arc::new(compiled)),
            ..Schema::new()
        }
    }

    /// Compiles a JSON Schema once, to check any number of documents with
    /// [`validate`](crate::validate), [`from_str_validated`](crate::from_str_validated)
    /// or [`Header::validate`](crate::Header::validate) like any schema. The draft is
    /// the one its `$schema` names (2020-12, 2019-09, 7, 6 or 4), 2020-12 when none;
    /// `format` is asserted; see [`JsonSchemaOptions`](crate::JsonSchemaOptions) for the choices.
    ///
    /// The front matter is checked as YAML 1.2 reads it: `2024-05-01` is a string
    /// (check it with `format: date`), `yes` is a string, `1.10` the number 1.1. Every
    /// problem is a positioned [`Diagnostic`](crate::Diagnostic) with a stable kind.
    ///
    /// # Errors
    ///
    /// [`Kind::InvalidValue`] for a schema that is not valid JSON Schema or whose
    /// `$ref` names another document (load it from its file with
    /// [`Schema::from_path`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Kind, Schema};
    ///
    /// let schema = Schema::from_json_schema(&serde_json::json!({
    ///     "type": "object",
    ///     "required": ["title", "author"],
    ///     "properties": {
    ///         "title": {"type": "string", "minLength": 1},
    ///         "date": {"type": "string", "format": "date"},
    ///         "tags": {"type": "array", "items": {"type": "string", "maxLength": 12}},
    ///         "author": {
    ///             "type": "object",
    ///             "properties": {"url": {"type": "string", "format": "uri"}}
    ///         }
    ///     }
    /// }))?;
    /// let src = "---\ntitle: ''\ndate: 2024-02-30\ntags: [rust, a-very-long-tag]\n---\n";
    /// let report = masthead::validate(&masthead::split(src)?, &schema);
    /// let found: Vec<_> = report.iter().map(|d| (d.kind().as_str(), d.path(), d.line(), d.column())).collect();
    /// assert_eq!(found, [
    ///     ("missing-field", "author", 1, 1),
    ///     ("empty-value", "title", 2, 8),
    ///     ("malformed-date", "date", 3, 7),
    ///     ("invalid-value", "tags[1]", 4, 14),
    /// ]);
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[cfg(feature = "validate")]
    pub fn from_json_schema(schema: &serde_json::Value) -> Result<Schema, crate::Error> {
        super::JsonSchemaOptions::new().compile(schema)
    }

    /// Reads a JSON Schema file, written in JSON or YAML, and compiles it: a `$ref`
    /// to a sibling file resolves relative to it; a remote `$ref` is never fetched,
    /// and the schema is refused here. [`JsonSchemaOptions::load`](crate::JsonSchemaOptions::load) with the defaults.
    ///
    /// # Errors
    ///
    /// [`Kind::Io`] for a file that cannot be read, [`Kind::YamlSyntax`] for text
    /// that is neither JSON nor YAML, [`Kind::InvalidValue`] for a schema that is not
    /// valid JSON Schema or needs a remote `$ref`; each message names the file.
    ///
    /// # Examples
    ///
    /// ```
    /// let schema = masthead::Schema::from_path("examples/release.schema.json")?;
    /// let report = masthead::validate_str("---\ntitle: Hi\n---\n", &schema);
    /// assert_eq!(report.error_count(), 4);
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[cfg(feature = "validate")]
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Schema, crate::Error> {
        super::JsonSchemaOptions::new().load(path)
    }

    /// The JSON Schema this schema was compiled from, if it was.
    #[cfg(feature = "validate")]
    #[must_use]
    pub fn json_schema(&self) -> Option<&serde_json::Value> {
        self.json.as_deref().map(super::json::Compiled::json)
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
    ///
    /// It is the JSON Schema `examples/release.schema.json` (shipped with the crate,
    /// so that editors can use it), compiled once per process; the placeholder date
    /// is masthead's extension keyword `x-masthead-placeholder`, a warning.
    #[cfg(feature = "validate")]
    #[must_use]
    pub fn release() -> Self {
        static RELEASE: std::sync::OnceLock<Schema> = std::sync::OnceLock::new();
        RELEASE
            .get_or_init(|| {
                let text = include_str!("../../examples/release.schema.json");
                let json: serde_json::Value =
                    serde_json::from_str(text).expect("release.schema.json is JSON");
                super::JsonSchemaOptions::new()
                    .compile(&json)
                    .expect("release.schema.json is valid JSON Schema")
                    .require_front_matter(true)
            })
            .clone()
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

    /// Whether a plain value of a string field that other YAML readers read as
    /// something else is a warning (default `true`).
    ///
    /// masthead reads YAML 1.2, where `2024-08-01`, `yes`, `NO`, `1:20` and `017` are
    /// strings (or `017` is text in a string field). YAML 1.1 readers, which front
    /// matter often meets later (Jekyll's Psych, js-yaml in Astro and gray-matter,
    /// PyYAML, go-yaml v2), read them as a date, booleans, the number 80 and the
    /// octal number 15; every reader reads `1.10` as the number 1.1. Astro then
    /// refuses a post whose `title` is a date. Such a value, where the schema expects
    /// a string ([`Rule::string`]), is a [`Kind::InvalidType`] warning at the value,
    /// with a note to quote it; quoted values, block scalars and tagged values are
    /// never warned about, nor are fields of any other rule (a `date` field is meant
    /// to be a date).
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Kind, Rule, Schema, Severity};
    ///
    /// let schema = Schema::new().required("title", Rule::string());
    /// let doc = masthead::split("---\ntitle: 2024-08-01\n---\n")?;
    /// let report = masthead::validate(&doc, &schema);
    /// let d = report.iter().next().unwrap();
    /// assert_eq!((d.kind(), d.severity(), d.line(), d.column()), (Kind::InvalidType, Severity::Warning, 2, 8));
    /// assert_eq!(
    ///     d.message(),
    ///     "`2024-08-01` is a string here, but YAML 1.1 readers (Jekyll, Astro, PyYAML) read a date",
    /// );
    /// assert!(report.is_valid());
    ///
    /// let quiet = masthead::validate(&doc, &schema.yaml11_warnings(false));
    /// assert!(quiet.is_empty());
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub fn yaml11_warnings(mut self, yes: bool) -> Self {
        self.yaml11_warnings = yes;
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
