//! [`Options`]: how strictly to read a document, and the one place that picks a
//! bridge by the document's format (typed parse, generic value, span tree). It holds
//! no format logic of its own: the bridges do the reading.

use serde::Deserialize;

use crate::diagnostic::Error;
use crate::document::{Document, Parsed};
use crate::limits::Limits;
use crate::span::Span;
use crate::tree::Node;
use crate::value::Value;

/// Settings for typed parsing, in the builder style of `url::ParseOptions`:
/// consuming methods, no separate `build` step.
///
/// # Examples
///
/// ```
/// use masthead::{Kind, Options};
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Meta {
///     title: Option<String>,
/// }
///
/// // By default a document without front matter reads as an empty mapping ...
/// let lenient = masthead::from_str::<Meta>("# Just Markdown\n")?;
/// assert_eq!(lenient.metadata.title, None);
///
/// // ... unless front matter is required.
/// let strict = Options::new().require_front_matter(true);
/// let err = strict.from_str::<Meta>("# Just Markdown\n").unwrap_err();
/// assert_eq!(err.kind(), Kind::NoFrontMatter);
/// assert_eq!(
///     err.to_string(),
///     "no front matter: the document does not start with a `---` line at line 1 column 1",
/// );
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    require_front_matter: bool,
    limits: Limits,
}

impl Options {
    /// The defaults: front matter is optional.
    #[must_use]
    pub const fn new() -> Self {
        Options {
            require_front_matter: false,
            limits: Limits::new(),
        }
    }

    /// Whether a document without front matter is an error of kind
    /// [`Kind::NoFrontMatter`](crate::Kind::NoFrontMatter) (default `false`: it reads
    /// as an empty mapping).
    #[must_use]
    pub const fn require_front_matter(mut self, yes: bool) -> Self {
        self.require_front_matter = yes;
        self
    }

    pub(crate) const fn requires_front_matter(&self) -> bool {
        self.require_front_matter
    }

    /// The [`Limits`] for untrusted input (default [`Limits::new`]): a block over
    /// them is an error of kind [`Kind::LimitExceeded`](crate::Kind::LimitExceeded),
    /// found before serde_yaml reads it.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Kind, Limits, Options};
    ///
    /// let src = format!("---\ntitle: {}\n---\n", "x".repeat(100_000));
    /// let err = masthead::from_str::<masthead::Release>(&src).unwrap_err();
    /// assert_eq!(err.kind(), Kind::LimitExceeded);
    ///
    /// let trusted = Options::new().limits(Limits::new().max_bytes(1 << 20));
    /// let err = trusted.from_str::<masthead::Release>(&src).unwrap_err();
    /// assert_eq!(err.kind(), Kind::MissingField);
    /// ```
    #[must_use]
    pub const fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    pub(crate) const fn limits_in_force(&self) -> &Limits {
        &self.limits
    }

    /// Splits `src` and deserializes its front matter; see [`from_str`](crate::from_str).
    ///
    /// # Errors
    ///
    /// As [`from_str`](crate::from_str), and [`Kind::NoFrontMatter`](crate::Kind::NoFrontMatter)
    /// when front matter is required and absent.
    pub fn from_str<'a, T: Deserialize<'a>>(&self, src: &'a str) -> Result<Parsed<'a, T>, Error> {
        let doc = crate::split(src)?;
        let metadata = self.deserialize(&doc)?;
        Ok(Parsed {
            metadata,
            body: doc.body(),
            document: doc,
        })
    }

    /// Deserializes the front matter of an already split document; see
    /// [`Document::deserialize`].
    ///
    /// # Errors
    ///
    /// As [`Document::deserialize`], and [`Kind::NoFrontMatter`](crate::Kind::NoFrontMatter)
    /// when front matter is required and absent.
    pub fn deserialize<'a, T: Deserialize<'a>>(&self, doc: &Document<'a>) -> Result<T, Error> {
        if self.requires_front_matter() && !doc.has_front_matter() {
            return Err(no_front_matter(doc));
        }
        match doc.format() {
            #[cfg(feature = "toml")]
            Some(crate::Format::Toml) => crate::toml::deserialize(doc, self.limits_in_force()),
            _ => crate::yaml::deserialize_with(doc, self.limits_in_force()),
        }
    }
}

/// The error for a document that has no front matter where one is required.
pub(crate) fn no_front_matter(doc: &Document<'_>) -> Error {
    Error::new(
        crate::Kind::NoFrontMatter,
        "",
        "no front matter: the document does not start with a `---` line",
        Span::new(doc.body_span().location(), doc.body_span().start()),
    )
}

// The methods of `Document` that read its block: they pick the bridge, so they live
// here, above the bridges, and `document` stays below them.
impl<'a> Document<'a> {
    /// Deserializes the front matter into `T`, borrowing from the input where it can.
    ///
    /// A document without front matter, an empty block, and a block of only comments
    /// deserialize as an empty mapping, so a struct whose fields are all optional
    /// succeeds. Use [`Options::require_front_matter`](crate::Options::require_front_matter)
    /// to make a missing block an error.
    ///
    /// # Errors
    ///
    /// The first problem found, positioned in the original document: see
    /// [`from_str`](crate::from_str).
    ///
    /// # Examples
    ///
    /// ```
    /// #[derive(serde::Deserialize)]
    /// struct Meta<'a> {
    ///     title: &'a str,
    /// }
    ///
    /// let doc = masthead::split("---\ntitle: Borrowed\n---\n")?;
    /// let meta: Meta = doc.deserialize()?;
    /// assert_eq!(meta.title, "Borrowed");
    /// # Ok::<(), masthead::Error>(())
    /// ```
    pub fn deserialize<T: Deserialize<'a>>(&self) -> Result<T, Error> {
        Options::new().deserialize(self)
    }

    /// The front matter as a generic value, for validation, with the errors that
    /// did not stop the reading (a TOML date that does not exist, read as its text).
    pub(crate) fn value(&self, limits: Limits) -> Result<(Value<'a>, Vec<Error>), Error> {
        match self.format() {
            #[cfg(feature = "toml")]
            Some(crate::Format::Toml) => crate::toml::value(self, limits),
            _ => crate::yaml::value(self, limits).map(|v| (v, Vec::new())),
        }
    }

    /// The span tree of the block (positions relative to it), to point at values.
    pub(crate) fn tree(&self) -> Option<Node> {
        match self.format() {
            #[cfg(feature = "toml")]
            Some(crate::Format::Toml) => crate::toml::tree(self),
            _ => crate::yaml::tree(self),
        }
    }
}
