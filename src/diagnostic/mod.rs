//! Diagnostics as plain data: [`Diagnostic`], [`Severity`] and [`Report`], all the
//! problems of one document, and the [`Error`] and [`Kind`] they are built from.
//! A diagnostic is plain data: rendering lives in [`render`], never here.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

mod error;
pub(crate) mod raised;
pub(crate) mod render;
pub(crate) mod text;

pub use error::{Error, Kind};

use crate::span::Span;

/// How bad a diagnostic is.
///
/// # Examples
///
/// ```
/// assert_eq!(masthead::Severity::Warning.as_str(), "warning");
/// assert!(masthead::Severity::Error > masthead::Severity::Warning);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; the document is still valid.
    Warning,
    /// The document is invalid.
    Error,
}

impl Severity {
    /// `"error"` or `"warning"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem of a document: kind, severity, field path, span and message.
///
/// `Display` is one line: ``error[malformed-date]: field `date`: invalid date
/// `2024-13-45`: month 13 is out of range at line 3 column 7``. Control characters
/// from the input are escaped. `Serialize` gives the fields of the `lint --json`
/// contract: `kind`, `severity`, `path`, `line`, `column`, `message`.
///
/// # Examples
///
/// ```
/// let src = "---\ntitle: x\ndate: 2024-13-45\n---\n";
/// let report = masthead::validate(&masthead::split(src)?, &masthead::Schema::release());
/// let date = report.iter().find(|d| d.path() == "date").unwrap();
/// assert_eq!(date.kind(), masthead::Kind::MalformedDate);
/// assert_eq!((date.line(), date.column()), (3, 7));
/// assert_eq!(&src[date.span().range()], "2024-13-45");
/// assert_eq!(
///     date.to_string(),
///     "error[malformed-date]: field `date`: invalid date `2024-13-45`: month 13 is out of range at line 3 column 7",
/// );
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    kind: Kind,
    severity: Severity,
    path: String,
    span: Span,
    message: String,
    positioned: bool,
    /// A note that the code which found the problem knows to give (the renderer's
    /// other notes it works out from the kind and the source).
    note: Option<&'static str>,
}

impl Diagnostic {
    pub(crate) fn new(
        kind: Kind,
        severity: Severity,
        path: String,
        span: Span,
        message: String,
    ) -> Self {
        Diagnostic {
            kind,
            severity,
            path,
            span,
            message,
            positioned: true,
            note: None,
        }
    }

    /// The same diagnostic with a note for the renderer.
    pub(crate) fn with_note(mut self, note: &'static str) -> Self {
        self.note = Some(note);
        self
    }

    /// The note given where the problem was found, if any.
    pub(crate) fn note(&self) -> Option<&'static str> {
        self.note
    }

    /// Whether the diagnostic names a place in the document; see
    /// [`Error::has_position`]. Without one, `Display` and the renderer print no
    /// line and column (the JSON of `Serialize` keeps `line` 1 and `column` 1).
    ///
    /// # Examples
    ///
    /// ```
    /// let err = masthead::read_front_matter_path("no/such/file.md").unwrap_err();
    /// let d = masthead::Diagnostic::from(err);
    /// assert!(!d.has_position());
    /// assert!(!d.to_string().contains(" at line "));
    /// ```
    #[must_use]
    pub fn has_position(&self) -> bool {
        self.positioned
    }

    /// The stable kind.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Error or warning.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Whether the severity is [`Severity::Error`].
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The field path (`ministers[1]`, `author.url`), empty for the root or the
    /// document as a whole.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Where, in the original document.
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The 1-based line.
    #[must_use]
    pub fn line(&self) -> usize {
        self.span.line()
    }

    /// The 1-based column, in characters.
    #[must_use]
    pub fn column(&self) -> usize {
        self.span.column()
    }

    /// The human message: lowercase, no trailing period, values in backticks.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<Error> for Diagnostic {
    fn from(e: Error) -> Self {
        let mut d = Diagnostic::new(
            e.kind(),
            Severity::Error,
            e.path().to_owned(),
            e.span(),
            e.message().to_owned(),
        );
        d.positioned = e.has_position();
        d
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: ", self.severity, self.kind)?;
        let span = self.positioned.then_some(self.span);
        text::one_line(f, &self.path, &self.message, span)
    }
}

impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Diagnostic", 6)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("line", &self.line())?;
        st.serialize_field("column", &self.column())?;
        st.serialize_field("message", &self.message)?;
        st.end()
    }
}

/// Every diagnostic of one document, in source order.
///
/// As an error (from [`from_str_validated`](crate::from_str_validated)) its `Display`
/// is one line: the counts and the first error.
///
/// # Examples
///
/// ```
/// let src = "---\ndate: 2024-13-45\nurl: /relative\nministers: [A]\nportfolios: [B]\n---\n";
/// let report = masthead::validate(&masthead::split(src)?, &masthead::Schema::release());
/// assert!(!report.is_valid());
/// assert_eq!(report.error_count(), 3);
/// let kinds: Vec<_> = report.iter().map(|d| d.kind().as_str()).collect();
/// assert_eq!(kinds, ["missing-field", "malformed-date", "malformed-url"]);
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("{}", summary(self))]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
}

fn summary(report: &Report) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut out = format!(
        "invalid document: {}, {}",
        plural(report.error_count(), "error"),
        plural(report.warning_count(), "warning")
    );
    if let Some(first) = report.iter().find(|d| d.is_error()) {
        out.push_str("; first: ");
        out.push_str(&first.to_string());
    }
    out
}

impl Report {
    /// A report of `diagnostics`, sorted into source order.
    pub(crate) fn new(mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by_key(|d| (d.span.start(), d.span.end()));
        Report { diagnostics }
    }

    /// Whether no diagnostic is an error (warnings allowed).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.error_count() == 0
    }

    /// The number of diagnostics.
    #[must_use]
    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    /// Whether there are no diagnostics at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The number of errors.
    #[must_use]
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// The number of warnings.
    #[must_use]
    pub fn warning_count(&self) -> usize {
        self.len() - self.error_count()
    }

    /// The diagnostics in source order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.diagnostics.iter()
    }

    /// The diagnostics as a slice, in source order.
    #[must_use]
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The diagnostics, in source order.
    #[must_use]
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

impl From<Error> for Report {
    fn from(e: Error) -> Self {
        Report::new(vec![e.into()])
    }
}

impl<'r> IntoIterator for &'r Report {
    type Item = &'r Diagnostic;
    type IntoIter = std::slice::Iter<'r, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl IntoIterator for Report {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.diagnostics.into_iter()
    }
}
