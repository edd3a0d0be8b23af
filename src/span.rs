//! Positions in the original document: [`Span`] (a byte range plus the line and
//! column where it starts) and [`Location`] (a point). Plain data at the bottom of the
//! crate: it knows no grammar and no format.

use std::fmt;
use std::ops::Range;

/// A point in the original document.
///
/// `offset` is a 0-based byte offset into the whole input (a byte-order mark, when
/// present, occupies bytes 0 to 2). `line` and `column` are 1-based; lines end at LF
/// (a CR before the LF belongs to the line ending) and the column counts characters,
/// not bytes. The byte-order mark is not counted as a column.
///
/// # Examples
///
/// ```
/// let doc = masthead::split("---\ntitle: Grüße\n---\nbody\n")?;
/// let at = doc.location(doc.body_span().start());
/// assert_eq!((at.line(), at.column(), at.offset()), (4, 1, 23));
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    offset: usize,
    line: usize,
    column: usize,
}

impl Location {
    pub(crate) const fn new(offset: usize, line: usize, column: usize) -> Self {
        Location {
            offset,
            line,
            column,
        }
    }

    /// The 0-based byte offset into the whole input.
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The 1-based line number.
    #[must_use]
    pub const fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column, counted in characters.
    #[must_use]
    pub const fn column(&self) -> usize {
        self.column
    }

    /// Computes the location of byte `offset` in `src`.
    ///
    /// An offset past the end is clamped to the end, and one inside a multi-byte
    /// character is moved back to the start of that character, so the result always
    /// names a real position. Costs time proportional to `offset`.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::Location;
    ///
    /// let src = "\u{feff}a\r\nbé c";
    /// let at = Location::of(src, src.find('c').unwrap());
    /// assert_eq!((at.line(), at.column()), (2, 4));
    /// ```
    #[must_use]
    pub fn of(src: &str, offset: usize) -> Self {
        let mut offset = offset.min(src.len());
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &src[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
        let text = &before[line_start..];
        let text = text
            .strip_prefix('\u{feff}')
            .filter(|_| line_start == 0)
            .unwrap_or(text);
        Location::new(offset, line, 1 + text.chars().count())
    }
}

impl fmt::Display for Location {
    /// Formats as `line L column C`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} column {}", self.line, self.column)
    }
}

/// A byte range of the original document, with the line and column where it starts.
///
/// # Examples
///
/// ```
/// let src = "---\ntitle: x\n---\nbody\n";
/// let doc = masthead::split(src)?;
/// let block = doc.front_matter_span().unwrap();
/// assert_eq!(&src[block.range()], "title: x\n");
/// assert_eq!((block.line(), block.column()), (2, 1));
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    start: Location,
    end: usize,
}

impl Span {
    pub(crate) const fn new(start: Location, end: usize) -> Self {
        Span { start, end }
    }

    /// The span of `start..end` in `src`, with its line and column computed.
    #[must_use]
    pub(crate) fn of(src: &str, start: usize, end: usize) -> Self {
        let start = Location::of(src, start);
        Span::new(start, end.max(start.offset()).min(src.len()))
    }

    /// The 0-based byte offset of the first byte.
    #[must_use]
    pub const fn start(&self) -> usize {
        self.start.offset
    }

    /// The 0-based byte offset one past the last byte.
    #[must_use]
    pub const fn end(&self) -> usize {
        self.end
    }

    /// `start()..end()`, ready to index the source with.
    #[must_use]
    pub const fn range(&self) -> Range<usize> {
        self.start.offset..self.end
    }

    /// The length in bytes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end - self.start.offset
    }

    /// Whether the span covers no bytes.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The 1-based line of the first byte.
    #[must_use]
    pub const fn line(&self) -> usize {
        self.start.line
    }

    /// The 1-based column (in characters) of the first byte.
    #[must_use]
    pub const fn column(&self) -> usize {
        self.start.column
    }

    /// The location of the first byte.
    #[must_use]
    pub const fn location(&self) -> Location {
        self.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_lines_at_lf_and_columns_in_chars() {
        let src = "ab\r\nçd\ne";
        assert_eq!(Location::of(src, 0), Location::new(0, 1, 1));
        assert_eq!(Location::of(src, 2), Location::new(2, 1, 3));
        assert_eq!(Location::of(src, 3), Location::new(3, 1, 4));
        assert_eq!(Location::of(src, 4), Location::new(4, 2, 1));
        assert_eq!(Location::of(src, 6), Location::new(6, 2, 2));
        assert_eq!(Location::of(src, 8), Location::new(8, 3, 1));
    }

    #[test]
    fn location_skips_bom_and_clamps() {
        let src = "\u{feff}---\n";
        assert_eq!(Location::of(src, 3), Location::new(3, 1, 1));
        assert_eq!(Location::of(src, 4), Location::new(4, 1, 2));
        assert_eq!(Location::of(src, 1), Location::new(0, 1, 1));
        assert_eq!(Location::of(src, 99), Location::new(7, 2, 1));
    }

    #[test]
    fn span_length_and_emptiness() {
        let src = "ab\ncd";
        let span = Span::of(src, 1, 4);
        assert_eq!((span.start(), span.end(), span.range()), (1, 4, 1..4));
        assert_eq!((span.len(), span.is_empty()), (3, false));
        let empty = Span::of(src, 3, 3);
        assert_eq!((empty.len(), empty.is_empty()), (0, true));
        // An end before the start is the start.
        assert_eq!(Span::of(src, 4, 2).len(), 0);
    }
}
