//! [`Document`], the borrowed result of splitting, and [`Parsed`], typed metadata
//! beside the body.

use serde::Deserialize;

use crate::error::Error;
use crate::span::{Location, Span};

/// A document split into front matter and body, borrowing the input.
///
/// Made by [`split`](crate::split) or [`split_bytes`](crate::split_bytes). It is `Copy`
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

/// The spans of a front-matter block and its fences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fences {
    pub(crate) open: Span,
    pub(crate) block: Span,
    pub(crate) close: Span,
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

    /// The whole input, as given to [`split`](crate::split).
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

    /// The line and column of byte `offset` of the [`source`](Document::source).
    ///
    /// Costs time proportional to `offset`; see [`Location::of`].
    #[must_use]
    pub fn location(&self, offset: usize) -> Location {
        Location::of(self.source, offset)
    }

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
        crate::yaml::deserialize(self)
    }
}

/// Typed metadata beside the body, from [`from_str`](crate::from_str).
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
///
/// let parsed = masthead::from_str::<BTreeMap<String, String>>("---\na: b\n---\nbody")?;
/// assert_eq!(parsed.metadata["a"], "b");
/// assert_eq!(parsed.body, "body");
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<'a, T> {
    /// The front matter, deserialized.
    pub metadata: T,
    /// The body, byte for byte, borrowed from the input.
    pub body: &'a str,
}
