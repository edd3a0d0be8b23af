//! [`Document`], the borrowed result of splitting, and [`Parsed`], typed metadata
//! beside the body: data and plain accessors only. It never calls a bridge: the
//! methods that read or rewrite the block live with their entry points.

use crate::span::{Location, Span};

/// The separator of [`Document::excerpt`].
pub const DEFAULT_EXCERPT_SEPARATOR: &str = "<!-- more -->";

/// A document split into front matter and body, borrowing the input.
///
/// Made by [`split`](fn@crate::split) or [`split_bytes`](crate::split_bytes). It is `Copy`
/// and holds nothing but the input and a few offsets; every accessor is free.
///
/// A document has one of two shapes:
///
/// - **with front matter**: an opening fence, a block (possibly empty), a closing
///   fence, then the body;
/// - **without front matter**: the whole input after any byte-order mark is the body.
///
/// The byte-order mark (when present), the opening fence, the block, the closing fence
/// and the body put back together are the input, byte for byte.
///
/// # Examples
///
/// ```
/// let src = "\u{feff}---\r\ntitle: x\r\n...\r\nbody\r\n";
/// let doc = masthead::split(src)?;
/// assert!(doc.has_bom());
/// assert_eq!(doc.front_matter(), Some("title: x\r\n"));
/// assert_eq!(doc.body(), "body\r\n");
/// let [open, block, close] = [
///     doc.opening_fence_span().unwrap(),
///     doc.front_matter_span().unwrap(),
///     doc.closing_fence_span().unwrap(),
/// ];
/// assert_eq!(&src[open.range()], "---\r\n");
/// assert_eq!(&src[close.range()], "...\r\n");
/// assert_eq!((close.line(), doc.body_span().line()), (3, 4));
/// let parts = [open, block, close, doc.body_span()].map(|s| &src[s.range()]);
/// assert_eq!(format!("\u{feff}{}", parts.concat()), src);
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document<'a> {
    source: &'a str,
    bom: bool,
    fences: Option<Fences>,
    body: Span,
}

/// The spans of a front-matter block and its fences, and the block's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fences {
    pub(crate) format: Format,
    pub(crate) open: Span,
    pub(crate) block: Span,
    pub(crate) close: Span,
}

/// The language of a front-matter block, told by its fences.
///
/// `---` fences hold YAML. With the `toml` feature, `+++` fences hold TOML; without
/// it, a document that starts with `+++` has no front matter.
///
/// # Examples
///
/// ```
/// use masthead::Format;
///
/// assert_eq!(masthead::split("---\ntitle: x\n---\n")?.format(), Some(Format::Yaml));
/// assert_eq!(masthead::split("# No front matter\n")?.format(), None);
/// assert_eq!(Format::Yaml.marker(), "---");
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// YAML between `---` fences (the closing fence may also be `...`).
    Yaml,
    /// TOML between `+++` fences (the `toml` feature).
    #[cfg(feature = "toml")]
    Toml,
}

impl Format {
    /// The three characters of the format's fence lines: `---` or `+++`.
    #[must_use]
    pub const fn marker(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            #[cfg(feature = "toml")]
            Format::Toml => "+++",
        }
    }
}

impl<'a> Document<'a> {
    pub(crate) fn new(source: &'a str, bom: bool, fences: Option<Fences>, body: Span) -> Self {
        Document {
            source,
            bom,
            fences,
            body,
        }
    }

    /// The byte-order mark flag, the fences and the body span, to rebuild the
    /// document over another source with the same positions.
    pub(crate) fn parts(&self) -> (bool, Option<Fences>, Span) {
        (self.bom, self.fences, self.body)
    }

    /// The whole input, as given to [`split`](fn@crate::split).
    #[must_use]
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// Whether the input starts with a UTF-8 byte-order mark (bytes 0 to 2).
    #[must_use]
    pub fn has_bom(&self) -> bool {
        self.bom
    }

    /// Whether the document has a front-matter block (possibly an empty one).
    #[must_use]
    pub fn has_front_matter(&self) -> bool {
        self.fences.is_some()
    }

    /// The format of the front-matter block, told by its fences; `None` when the
    /// document has no front matter.
    #[must_use]
    pub fn format(&self) -> Option<Format> {
        self.fences.map(|f| f.format)
    }

    /// The front-matter text between the fence lines, without them; `None` when the
    /// document has no front matter, `Some("")` when the block is empty.
    #[must_use]
    pub fn front_matter(&self) -> Option<&'a str> {
        self.fences.map(|f| &self.source[f.block.range()])
    }

    /// The body: every byte after the closing fence's line ending, or the whole input
    /// after any byte-order mark when there is no front matter.
    #[must_use]
    pub fn body(&self) -> &'a str {
        &self.source[self.body.range()]
    }

    /// The span of the opening fence line, its line ending included.
    #[must_use]
    pub fn opening_fence_span(&self) -> Option<Span> {
        self.fences.map(|f| f.open)
    }

    /// The span of the front-matter block (empty for an empty block).
    #[must_use]
    pub fn front_matter_span(&self) -> Option<Span> {
        self.fences.map(|f| f.block)
    }

    /// The span of the closing fence line, its line ending (if any) included.
    #[must_use]
    pub fn closing_fence_span(&self) -> Option<Span> {
        self.fences.map(|f| f.close)
    }

    /// The span of the body. It starts on the line after the closing fence, or at the
    /// end of the closing fence when that ends the input.
    #[must_use]
    pub fn body_span(&self) -> Span {
        self.body
    }

    /// Where an error about the whole front matter points: the opening fence's
    /// marker (its three characters), or the empty span where the body starts (after
    /// any byte-order mark) in a document without one.
    pub(crate) fn anchor(&self) -> Span {
        match self.fences {
            Some(f) => Span::new(f.open.location(), f.open.start() + 3),
            None => Span::new(self.body.location(), self.body.start()),
        }
    }

    /// The line and column of byte `offset` of the [`source`](Document::source).
    ///
    /// Costs time proportional to `offset`; see [`Location::of`].
    #[must_use]
    pub fn location(&self, offset: usize) -> Location {
        Location::of(self.source, offset)
    }

    /// The excerpt: the body up to the first `<!-- more -->`, as a span of the
    /// source; `None` when the body has no such separator. See
    /// [`excerpt_with`](Document::excerpt_with).
    ///
    /// # Examples
    ///
    /// ```
    /// let src = "---\ntitle: x\n---\nIntro.\n<!-- more -->\nRest.\n";
    /// let doc = masthead::split(src)?;
    /// let excerpt = doc.excerpt().unwrap();
    /// assert_eq!(&src[excerpt.range()], "Intro.\n");
    /// assert_eq!((excerpt.line(), excerpt.column()), (4, 1));
    /// assert_eq!(masthead::split("No separator.\n")?.excerpt(), None);
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub fn excerpt(&self) -> Option<Span> {
        self.excerpt_with(DEFAULT_EXCERPT_SEPARATOR)
    }

    /// The excerpt up to `separator`: the span from the start of the body to the
    /// first occurrence of `separator` in the body, which is not part of it.
    ///
    /// The excerpt exists only when asked for and only where the body says so: it
    /// is never guessed (not from a `---` line, not from the first paragraph).
    /// `None` when the body does not hold `separator`, or when `separator` is
    /// empty. The separator counts wherever it stands, as in Hugo and Jekyll: on a
    /// line of its own, inside a line, even inside a fenced code block (the body is
    /// not read as Markdown); its first occurrence ends the excerpt. The excerpt
    /// keeps the line ending before the separator, CRLF included; a separator at the
    /// start of the body gives an empty excerpt. The search costs time proportional
    /// to the excerpt (to the body, when it has no separator).
    ///
    /// # Examples
    ///
    /// ```
    /// let src = "+++ not a fence\r\nIntro <!--more--> rest\r\n";
    /// let doc = masthead::split(src)?;
    /// assert_eq!(doc.excerpt(), None);
    /// let excerpt = doc.excerpt_with("<!--more-->").unwrap();
    /// assert_eq!(&src[excerpt.range()], "+++ not a fence\r\nIntro ");
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub fn excerpt_with(&self, separator: &str) -> Option<Span> {
        if separator.is_empty() {
            return None;
        }
        let at = memchr::memmem::find(self.body().as_bytes(), separator.as_bytes())?;
        Some(Span::new(self.body.location(), self.body.start() + at))
    }
}

/// Typed metadata beside the body, from [`from_str`](crate::from_str), with the
/// split [`Document`] it came from, so spans and excerpts need no second split.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
///
/// let src = "---\na: b\n---\nIntro.\n<!-- more -->\nRest.\n";
/// let parsed = masthead::from_str::<BTreeMap<String, String>>(src)?;
/// assert_eq!(parsed.metadata["a"], "b");
/// assert_eq!(parsed.body, "Intro.\n<!-- more -->\nRest.\n");
/// let excerpt = parsed.document.excerpt().unwrap();
/// assert_eq!(&src[excerpt.range()], "Intro.\n");
/// assert_eq!(parsed.document.body(), parsed.body);
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<'a, T> {
    /// The front matter, deserialized.
    pub metadata: T,
    /// The body, byte for byte, borrowed from the input (the same as
    /// `document.body()`).
    pub body: &'a str,
    /// The whole document, split: spans, fences, [`excerpt`](Document::excerpt).
    pub document: Document<'a>,
}
