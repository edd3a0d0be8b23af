//! The error model: one [`Kind`] per row of the design's diagnostic table, and
//! [`Error`], which carries a kind, a field path, a message and a [`Span`] in the
//! original document. Plain data: it knows nothing of diagnostics or rendering.

use std::fmt;

use crate::span::{Location, Span};

/// What went wrong, as a stable, machine-readable kind.
///
/// Each kind has a kebab-case name, [`Kind::as_str`], that is printed wherever kinds
/// are printed (diagnostics, JSON output) and never changes. Every kind has an entry
/// in the error index, [`kinds`](crate::kinds), also given by [`Kind::explain`].
///
/// A kind says where an error arose, not what its message reads like: an error
/// raised by your own `Deserialize` impl is [`Kind::InvalidType`] (or
/// [`Kind::MissingField`], [`Kind::UnknownField`], [`Kind::DuplicateKey`] when
/// raised with serde's `missing_field`, `unknown_field`, `duplicate_field`), never
/// one of the kinds of the crate's own checks; see the crate docs, *Errors and
/// positions*.
///
/// # Examples
///
/// ```
/// let err = masthead::split("---\ntitle: x\n").unwrap_err();
/// assert_eq!(err.kind(), masthead::Kind::UnterminatedFrontMatter);
/// assert_eq!(err.kind().as_str(), "unterminated-front-matter");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// Front matter is required and the document has none.
    NoFrontMatter,
    /// An opening fence without a closing fence.
    UnterminatedFrontMatter,
    /// The front matter is not valid YAML.
    YamlSyntax,
    /// A value (or the root) has the wrong shape: a list for a string, a scalar for a mapping.
    InvalidType,
    /// A required field is absent.
    MissingField,
    /// A required field is present but null or blank.
    EmptyValue,
    /// A date that does not parse or does not exist.
    MalformedDate,
    /// A URL that does not parse, is relative, or has a disallowed scheme.
    MalformedUrl,
    /// A key repeated in one mapping.
    DuplicateKey,
    /// A key that the schema or type does not allow.
    UnknownField,
    /// The input bytes are not UTF-8.
    InvalidUtf8,
    /// The front matter is larger or deeper than the configured limits.
    LimitExceeded,
    /// An edit ([`Editor`](crate::Editor)) that cannot change its entry in place: a
    /// target inside a flow mapping, behind an alias or anchor, a complex key, a
    /// plain scalar on several lines.
    NotEditable,
    /// The front matter is not valid TOML (`+++` fences, the `toml` feature).
    TomlSyntax,
    /// The input could not be read (from [`read_front_matter`](crate::read_front_matter)
    /// and [`read_front_matter_path`](crate::read_front_matter_path)).
    Io,
}

impl Kind {
    /// Every kind, in the order of the design's table, then `not-editable`,
    /// `toml-syntax` and `io-error`.
    pub const ALL: [Kind; 15] = [
        Kind::NoFrontMatter,
        Kind::UnterminatedFrontMatter,
        Kind::YamlSyntax,
        Kind::InvalidType,
        Kind::MissingField,
        Kind::EmptyValue,
        Kind::MalformedDate,
        Kind::MalformedUrl,
        Kind::DuplicateKey,
        Kind::UnknownField,
        Kind::InvalidUtf8,
        Kind::LimitExceeded,
        Kind::NotEditable,
        Kind::TomlSyntax,
        Kind::Io,
    ];

    /// The stable kebab-case name, e.g. `"malformed-date"`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(masthead::Kind::MissingField.as_str(), "missing-field");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::NoFrontMatter => "no-front-matter",
            Kind::UnterminatedFrontMatter => "unterminated-front-matter",
            Kind::YamlSyntax => "yaml-syntax",
            Kind::InvalidType => "invalid-type",
            Kind::MissingField => "missing-field",
            Kind::EmptyValue => "empty-value",
            Kind::MalformedDate => "malformed-date",
            Kind::MalformedUrl => "malformed-url",
            Kind::DuplicateKey => "duplicate-key",
            Kind::UnknownField => "unknown-field",
            Kind::InvalidUtf8 => "invalid-utf8",
            Kind::LimitExceeded => "limit-exceeded",
            Kind::TomlSyntax => "toml-syntax",
            Kind::Io => "io-error",
            Kind::NotEditable => "not-editable",
        }
    }

    /// The kind's entry in the error index ([`kinds`](crate::kinds)): what it means, a
    /// minimal document that produces it, exactly what [`Renderer`](crate::Renderer)
    /// prints for it, and how to fix it, as Markdown. `lint --explain KIND` prints it.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Kind, Renderer, Report, Schema};
    ///
    /// let text = Kind::MalformedDate.explain();
    /// assert!(text.starts_with("# `malformed-date`\n"));
    ///
    /// // The rendering in the entry is what the crate prints for its example.
    /// let src = "---\ntitle: Budget 2024\ndate: 2024-02-30\n\
    ///            url: https://www.beehive.govt.nz/release/budget-2024\n\
    ///            ministers: [Nicola Willis]\nportfolios: [Finance]\n---\n";
    /// let report = masthead::validate(&masthead::split(src)?, &Schema::release());
    /// let shown = Renderer::new().render_report(&report, "post.md", src);
    /// assert!(text.contains(shown.trim_end()));
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub const fn explain(self) -> &'static str {
        match self {
            Kind::NoFrontMatter => include_str!("kinds/no-front-matter.md"),
            Kind::UnterminatedFrontMatter => include_str!("kinds/unterminated-front-matter.md"),
            Kind::YamlSyntax => include_str!("kinds/yaml-syntax.md"),
            Kind::InvalidType => include_str!("kinds/invalid-type.md"),
            Kind::MissingField => include_str!("kinds/missing-field.md"),
            Kind::EmptyValue => include_str!("kinds/empty-value.md"),
            Kind::MalformedDate => include_str!("kinds/malformed-date.md"),
            Kind::MalformedUrl => include_str!("kinds/malformed-url.md"),
            Kind::DuplicateKey => include_str!("kinds/duplicate-key.md"),
            Kind::UnknownField => include_str!("kinds/unknown-field.md"),
            Kind::InvalidUtf8 => include_str!("kinds/invalid-utf8.md"),
            Kind::LimitExceeded => include_str!("kinds/limit-exceeded.md"),
            Kind::TomlSyntax => include_str!("kinds/toml-syntax.md"),
            Kind::Io => include_str!("kinds/io-error.md"),
            Kind::NotEditable => include_str!("kinds/not-editable.md"),
        }
    }

    /// The kind named `name` ([`Kind::as_str`]), if there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::Kind;
    ///
    /// assert_eq!(Kind::from_name("duplicate-key"), Some(Kind::DuplicateKey));
    /// assert_eq!(Kind::from_name("io-error"), Some(Kind::Io));
    /// assert_eq!(Kind::from_name("DuplicateKey"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error from splitting or parsing a document.
///
/// It says *what* ([`kind`](Error::kind), [`message`](Error::message)), *which field*
/// ([`path`](Error::path), like `ministers[1]` or `author.url`, empty for the root or
/// the document as a whole) and *where* ([`span`](Error::span), in the original
/// document, including any byte-order mark and CRLF line endings).
///
/// `Display` is one line: ``field `date`: invalid date `2024-13-45`: month 13 is out of
/// range at line 3 column 7``. An error keeps no copy of the input; it is cheap to
/// clone and compare, and `Send + Sync`.
///
/// # Examples
///
/// ```
/// let src = "---\ntitle: Budget\ndate: 2024-13-45\nurl: https://example.org/\n\
///            ministers: [A]\nportfolios: [B]\n---\n";
/// let err = masthead::from_str::<masthead::Release>(src).unwrap_err();
/// assert_eq!(err.kind(), masthead::Kind::MalformedDate);
/// assert_eq!(err.path(), "date");
/// assert_eq!((err.line(), err.column()), (3, 7));
/// assert_eq!(
///     err.to_string(),
///     "field `date`: invalid date `2024-13-45`: month 13 is out of range at line 3 column 7",
/// );
/// ```
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[error("{inner}")]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: Kind,
    path: String,
    message: String,
    span: Span,
    /// Whether `span` names a place in the document; an error of the input as a
    /// whole (a file that cannot be opened) has none, and an empty span at its start.
    positioned: bool,
}

impl Error {
    pub(crate) fn new(
        kind: Kind,
        path: impl Into<String>,
        message: impl Into<String>,
        span: Span,
    ) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                path: path.into(),
                message: message.into(),
                span,
                positioned: true,
            }),
        }
    }

    /// An error with no place in the document: its span is the empty span at the
    /// start, and neither `Display` nor a rendering prints a position.
    pub(crate) fn without_position(kind: Kind, message: impl Into<String>) -> Self {
        let mut error = Error::new(kind, "", message, Span::new(Location::new(0, 1, 1), 0));
        error.inner.positioned = false;
        error
    }

    /// Whether the error names a place in the document. Only an error of the input
    /// as a whole has none: a file that cannot be opened, or that fails before its
    /// first byte is read ([`Kind::Io`]). Its [`span`](Error::span) is then the empty
    /// span at the start, and `Display` prints no ` at line L column C`.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = masthead::read_front_matter_path("no/such/file.md").unwrap_err();
    /// assert_eq!(err.kind(), masthead::Kind::Io);
    /// assert!(!err.has_position());
    /// assert!(!err.to_string().contains(" at line "));
    /// assert!(masthead::split("---\n").unwrap_err().has_position());
    /// ```
    #[must_use]
    pub fn has_position(&self) -> bool {
        self.inner.positioned
    }

    /// The kind of problem.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.inner.kind
    }

    /// The field path: `title`, `ministers[1]`, `author.url`; empty for the root or
    /// for problems of the document as a whole (a missing fence, bad UTF-8).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    /// The human message without field and position, lowercase, values in
    /// backticks: ``invalid date `2024-13-45`: month 13 is out of range``.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// Where the problem is, in the original document.
    #[must_use]
    pub fn span(&self) -> Span {
        self.inner.span
    }

    /// The location of the start of [`span`](Error::span).
    #[must_use]
    pub fn location(&self) -> Location {
        self.inner.span.location()
    }

    /// The 1-based line of the problem.
    #[must_use]
    pub fn line(&self) -> usize {
        self.inner.span.line()
    }

    /// The 1-based column of the problem, counted in characters.
    #[must_use]
    pub fn column(&self) -> usize {
        self.inner.span.column()
    }
}

impl fmt::Display for Inner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::text::one_line(
            f,
            &self.path,
            &self.message,
            self.positioned.then_some(self.span),
        )
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Inner {
            kind,
            path,
            message,
            span,
            positioned,
        } = &*self.inner;
        f.debug_struct("Error")
            .field("kind", kind)
            .field("path", path)
            .field("message", message)
            .field("span", span)
            .field("positioned", positioned)
            .finish()
    }
}
