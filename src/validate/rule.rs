//! [`Rule`]: the check of one value, built with constructors and refined with
//! consuming methods. A rule only describes what it expects; applying it to a value
//! is [`run`](super::run)'s job.

use std::fmt;
use std::sync::Arc;

use super::Schema;
use crate::diagnostic::{Kind, Severity};

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
