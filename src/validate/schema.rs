//! [`Schema`]: what a document must hold. A JSON Schema, loaded or emitted from the
//! builder's fields and [`Rule`]s and compiled once, with the settings
//! that are not JSON Schema. Nothing here checks a value: the engine does.

#[cfg(feature = "validate")]
use std::sync::{Arc, OnceLock};

#[cfg(feature = "validate")]
use super::rule::{Custom, Rule};
use crate::limits::Limits;

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
/// assert_eq!(d.message(), "unknown field `titel`, expected `draft` or `title`");
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Schema {
    /// A compiled JSON Schema, loaded (`from_json_schema`, `from_path` …).
    #[cfg(feature = "validate")]
    pub(super) json: Option<Arc<super::json::Compiled>>,
    /// The builder's fields, in the order they were added.
    #[cfg(feature = "validate")]
    pub(super) fields: Vec<Field>,
    /// The JSON Schema of the builder's fields, emitted and compiled on first use.
    #[cfg(feature = "validate")]
    pub(super) built: OnceLock<Built>,
    #[cfg(feature = "validate")]
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

/// One field of the builder: its path (a dotted name is a path into nested
/// mappings), whether it is required, and its rule.
#[cfg(feature = "validate")]
#[derive(Clone, Debug)]
pub(super) struct Field {
    pub(super) path: Vec<String>,
    pub(super) required: bool,
    pub(super) rule: Rule,
}

/// The builder's JSON Schema and its compilation (an error for a `pattern` the
/// engine refuses).
#[cfg(feature = "validate")]
#[derive(Clone, Debug)]
pub(super) struct Built {
    pub(super) json: serde_json::Value,
    pub(super) compiled: Result<Arc<super::json::Compiled>, crate::Error>,
}

impl Schema {
    /// A schema with no fields that allows any key.
    #[must_use]
    pub const fn new() -> Self {
        Schema {
            #[cfg(feature = "validate")]
            json: None,
            #[cfg(feature = "validate")]
            fields: Vec::new(),
            #[cfg(feature = "validate")]
            built: OnceLock::new(),
            #[cfg(feature = "validate")]
            strict: false,
            require_front_matter: false,
            limits: Limits::new(),
            yaml11_warnings: true,
        }
    }

    /// A compiled JSON Schema, with the defaults of [`JsonSchemaOptions`](crate::JsonSchemaOptions).
    #[cfg(feature = "validate")]
    pub(super) fn from_compiled(compiled: super::json::Compiled) -> Self {
        Schema {
            json: Some(Arc::new(compiled)),
            ..Schema::new()
        }
    }

    /// Whether the builder has anything to check beyond a mapping at the root.
    #[cfg(feature = "validate")]
    pub(super) fn has_builder(&self) -> bool {
        !self.fields.is_empty() || self.strict
    }

    /// The builder's JSON Schema, compiled once.
    #[cfg(feature = "validate")]
    pub(super) fn built(&self) -> &Built {
        self.built.get_or_init(|| {
            let (json, customs) = self.object_json();
            let compiled = super::JsonSchemaOptions::new()
                .build_with(&json, customs)
                .map(Arc::new);
            Built { json, compiled }
        })
    }

    /// The builder's fields as a JSON Schema object, with the custom checks it names.
    #[cfg(feature = "validate")]
    pub(super) fn object_json(&self) -> (serde_json::Value, Vec<Custom>) {
        super::emit::object(&self.fields, self.strict)
    }

    /// Compiles a JSON Schema once, to check any number of documents with
    /// [`validate`](fn@crate::validate), [`from_str_validated`](crate::from_str_validated)
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
    /// [`Kind::InvalidValue`](crate::Kind::InvalidValue) for a schema that is not valid JSON Schema or whose
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
    /// [`Kind::Io`](crate::Kind::Io) for a file that cannot be read, [`Kind::YamlSyntax`](crate::Kind::YamlSyntax) for text
    /// that is neither JSON nor YAML, [`Kind::InvalidValue`](crate::Kind::InvalidValue) for a schema that is not
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

    /// The JSON Schema this schema was compiled from, or the one its builder fields
    /// emit (with masthead's extension keywords `x-masthead-…`, which other tools
    /// ignore): write it to a file for editors. `None` for a schema of no fields
    /// that is not strict. A schema loaded and then given builder fields gives the
    /// loaded one.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Rule, Schema};
    ///
    /// let schema = Schema::new().required("title", Rule::string().non_empty()).strict(true);
    /// assert_eq!(schema.json_schema(), Some(&serde_json::json!({
    ///     "type": "object",
    ///     "required": ["title"],
    ///     "properties": {"title": {"type": ["string", "number", "boolean"], "minLength": 1, "pattern": "\\S"}},
    ///     "additionalProperties": false,
    /// })));
    /// ```
    #[cfg(feature = "validate")]
    #[must_use]
    pub fn json_schema(&self) -> Option<&serde_json::Value> {
        match &self.json {
            Some(json) => Some(json.json()),
            None if self.has_builder() => Some(&self.built().json),
            None => None,
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

    /// Adds a field that must be present and not null. A dotted name is a path into
    /// nested mappings: `required("author.url", Rule::url())` requires a mapping
    /// `author` with a field `url` (and merges with other fields under `author`).
    /// For a key with a dot in it (`ms.date`), use [`required_key`](Schema::required_key).
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Rule, Schema};
    ///
    /// let schema = Schema::new().required("author.url", Rule::url());
    /// let report = masthead::validate_str("---\nauthor:\n  name: Jo\n---\n", &schema);
    /// let d = report.iter().next().unwrap();
    /// assert_eq!((d.kind().as_str(), d.path(), d.line(), d.column()), ("missing-field", "author.url", 2, 1));
    /// ```
    #[cfg(feature = "validate")]
    #[must_use]
    pub fn required(self, name: impl AsRef<str>, rule: impl Into<Rule>) -> Self {
        self.field(
            name.as_ref().split('.').map(str::to_owned).collect(),
            true,
            rule.into(),
        )
    }

    /// Adds a field that may be absent or null; a dotted name is a path, as in
    /// [`required`](Schema::required) (the mappings on the way are optional too).
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Rule, Schema};
    ///
    /// let schema = Schema::new().optional("draft", Rule::boolean());
    /// assert!(masthead::validate_str("---\ndraft: ~\n---\n", &schema).is_empty());
    /// let d = masthead::validate_str("---\ndraft: yes\n---\n", &schema).iter().next().cloned().unwrap();
    /// assert_eq!((d.kind().as_str(), d.message()), ("invalid-type", "invalid type: string `yes`, expected a boolean"));
    /// ```
    #[cfg(feature = "validate")]
    #[must_use]
    pub fn optional(self, name: impl AsRef<str>, rule: impl Into<Rule>) -> Self {
        self.field(
            name.as_ref().split('.').map(str::to_owned).collect(),
            false,
            rule.into(),
        )
    }

    /// Adds a required field whose key is `key` as written, dots and all.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Rule, Schema};
    ///
    /// let schema = Schema::new().required_key("ms.date", Rule::date());
    /// assert!(masthead::validate_str("---\nms.date: 2024-05-01\n---\n", &schema).is_empty());
    /// ```
    #[cfg(feature = "validate")]
    #[must_use]
    pub fn required_key(self, key: impl Into<String>, rule: impl Into<Rule>) -> Self {
        self.field(vec![key.into()], true, rule.into())
    }

    /// Adds an optional field whose key is `key` as written, dots and all.
    #[cfg(feature = "validate")]
    #[must_use]
    pub fn optional_key(self, key: impl Into<String>, rule: impl Into<Rule>) -> Self {
        self.field(vec![key.into()], false, rule.into())
    }

    #[cfg(feature = "validate")]
    fn field(mut self, path: Vec<String>, required: bool, rule: Rule) -> Self {
        self.fields.push(Field {
            path,
            required,
            rule,
        });
        self.built = OnceLock::new();
        self
    }

    /// In strict mode a key the schema does not name is [`Kind::UnknownField`](crate::Kind::UnknownField)
    /// (`additionalProperties: false`, in every mapping of this schema's fields).
    #[cfg(feature = "validate")]
    #[must_use]
    pub fn strict(mut self, yes: bool) -> Self {
        self.strict = yes;
        self.built = OnceLock::new();
        self
    }

    /// Whether a document without front matter is [`Kind::NoFrontMatter`](crate::Kind::NoFrontMatter) (default
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
    /// a string ([`Rule::string`]), is a [`Kind::InvalidType`](crate::Kind::InvalidType) warning at the value,
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
    /// them is reported as one diagnostic of kind [`Kind::LimitExceeded`](crate::Kind::LimitExceeded), found
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
