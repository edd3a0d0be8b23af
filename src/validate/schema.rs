//! [`Schema`]: the fields of a mapping and the rule for each, plus the settings of a
//! whole check (strictness, required front matter, limits). Plain configuration:
//! it runs nothing.

use super::Rule;
use crate::diagnostic::Kind;
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
/// assert_eq!(d.message(), "unknown field `titel`, expected `title` or `draft`");
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Schema {
    pub(super) fields: Vec<Field>,
    pub(super) strict: bool,
    pub(super) require_front_matter: bool,
    pub(super) limits: Limits,
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
