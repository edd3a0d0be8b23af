//! The fence grammar: finds the front-matter block and the body without copying,
//! without allocating, and without reading the body. It knows the fence grammar and
//! nothing about YAML or TOML.

use crate::diagnostic::{Error, Kind};
use crate::document::{Document, Fences, Format};
use crate::span::{Location, Span};

const BOM: &str = "\u{feff}";

/// Splits a document into front matter and body by the fence grammar.
///
/// - An optional UTF-8 byte-order mark at the start is skipped and remembered.
/// - The opening fence is the first line: exactly `---`, optional spaces or tabs, then
///   LF or CRLF. Anything else means the document has *no front matter*: that is not
///   an error, and the whole input after the byte-order mark is the body.
/// - The closing fence is the first later line that is exactly `---` or `...`, then
///   optional spaces or tabs, then LF, CRLF or the end of input.
/// - The body is every byte after the closing fence's line ending, unchanged.
///
/// The cost is proportional to the front matter, never to the body, and nothing is
/// allocated: every `&str` of the [`Document`] borrows `src`.
///
/// # Errors
///
/// An opening fence without a closing fence is an error of kind
/// [`Kind::UnterminatedFrontMatter`] that points at the opening fence.
///
/// # Examples
///
/// ```
/// let doc = masthead::split("---\ntitle: Hello\n---\n# Hello\n")?;
/// assert_eq!(doc.front_matter(), Some("title: Hello\n"));
/// assert_eq!(doc.body(), "# Hello\n");
///
/// let plain = masthead::split("# No front matter\n")?;
/// assert_eq!(plain.front_matter(), None);
/// assert_eq!(plain.body(), "# No front matter\n");
///
/// let err = masthead::split("---\ntitle: Hello\n").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unterminated front matter: the opening `---` has no closing `---` or `...` line \
///      at line 1 column 1",
/// );
/// # Ok::<(), masthead::Error>(())
/// ```
pub fn split(src: &str) -> Result<Document<'_>, Error> {
    let bytes = src.as_bytes();
    let bom = src.starts_with(BOM);
    let start = if bom { BOM.len() } else { 0 };
    let Some((format, open_end)) = opening_fence(bytes, start) else {
        let body = Span::new(Location::new(start, 1, 1), src.len());
        return Ok(Document::new(src, bom, None, body));
    };
    let open = Span::new(Location::new(start, 1, 1), open_end);
    let mut line_start = open_end;
    let mut line = 2;
    loop {
        if line_start == bytes.len() {
            break;
        }
        // Every closing fence starts with `-`, `.` or `+`: most lines are ruled out by
        // their first byte.
        let close_end = if matches!(bytes[line_start], b'-' | b'.' | b'+') {
            closing_fence(bytes, line_start, format)
        } else {
            None
        };
        if let Some(close_end) = close_end {
            let block = Span::new(Location::new(open_end, 2, 1), line_start);
            let close = Span::new(Location::new(line_start, line, 1), close_end);
            let body_at = if bytes[..close_end].ends_with(b"\n") {
                Location::new(close_end, line + 1, 1)
            } else {
                // The closing fence ends the input: it is ASCII, so its byte length
                // is its length in characters.
                Location::new(close_end, line, 1 + close_end - line_start)
            };
            let body = Span::new(body_at, src.len());
            let fences = Fences {
                format,
                open,
                block,
                close,
            };
            return Ok(Document::new(src, bom, Some(fences), body));
        }
        match memchr::memchr(b'\n', &bytes[line_start..]) {
            Some(i) => {
                line_start += i + 1;
                line += 1;
            }
            None => break,
        }
    }
    let message = match format {
        Format::Yaml => {
            "unterminated front matter: the opening `---` has no closing `---` or `...` line"
        }
        #[cfg(feature = "toml")]
        Format::Toml => "unterminated front matter: the opening `+++` has no closing `+++` line",
    };
    Err(Error::new(
        Kind::UnterminatedFrontMatter,
        "",
        message,
        Span::new(open.location(), start + 3),
    ))
}

/// The format and end of the opening fence at `start`, if there is one: `---` for
/// YAML and, with the `toml` feature, `+++` for TOML.
pub(crate) fn opening_fence(bytes: &[u8], start: usize) -> Option<(Format, usize)> {
    if let Some(end) = fence_end(bytes, start, b"---", false) {
        return Some((Format::Yaml, end));
    }
    #[cfg(feature = "toml")]
    if let Some(end) = fence_end(bytes, start, b"+++", false) {
        return Some((Format::Toml, end));
    }
    None
}

/// The end of a closing fence of `format` at `at`, if there is one: `---` or `...`
/// for YAML, `+++` for TOML.
pub(crate) fn closing_fence(bytes: &[u8], at: usize, format: Format) -> Option<usize> {
    match format {
        Format::Yaml => {
            fence_end(bytes, at, b"---", true).or_else(|| fence_end(bytes, at, b"...", true))
        }
        #[cfg(feature = "toml")]
        Format::Toml => fence_end(bytes, at, b"+++", true),
    }
}

/// Splits a document given as bytes; see [`split`](fn@split).
///
/// # Errors
///
/// Bytes that are not UTF-8 give an error of kind [`Kind::InvalidUtf8`] positioned at
/// the first bad byte; otherwise as [`split`](fn@split).
///
/// # Examples
///
/// ```
/// let doc = masthead::split_bytes(b"---\ntitle: x\n---\nbody")?;
/// assert_eq!(doc.body(), "body");
///
/// let err = masthead::split_bytes(b"---\ntitle: caf\xe9\n---\n").unwrap_err();
/// assert_eq!(err.kind(), masthead::Kind::InvalidUtf8);
/// assert_eq!((err.span().start(), err.line(), err.column()), (14, 2, 11));
/// assert_eq!(err.to_string(), "invalid UTF-8: byte `0xe9` does not begin a valid sequence at line 2 column 11");
/// # Ok::<(), masthead::Error>(())
/// ```
pub fn split_bytes(src: &[u8]) -> Result<Document<'_>, Error> {
    // simdutf8's `basic` check says only whether `src` is UTF-8, as fast as it can;
    // std's says where it is not.
    match simdutf8::basic::from_utf8(src) {
        Ok(text) => split(text),
        Err(_) => match std::str::from_utf8(src) {
            Ok(text) => split(text),
            Err(e) => Err(utf8_error(src, &e)),
        },
    }
}

/// The positioned error for the first bad byte of `src`.
pub(crate) fn utf8_error(src: &[u8], e: &std::str::Utf8Error) -> Error {
    let at = e.valid_up_to();
    // The prefix up to the first bad byte is valid by definition.
    let valid = std::str::from_utf8(&src[..at]).unwrap_or_default();
    let location = Location::of(valid, at);
    let byte = src.get(at).copied().unwrap_or_default();
    let (message, len) = match e.error_len() {
        Some(len) => (
            format!("invalid UTF-8: byte `{byte:#04x}` does not begin a valid sequence"),
            len,
        ),
        None => (
            format!("invalid UTF-8: the input ends inside a character that begins with byte `{byte:#04x}`"),
            src.len() - at,
        ),
    };
    Error::new(
        Kind::InvalidUtf8,
        "",
        message,
        Span::new(location, at + len),
    )
}

/// If a fence line made of `marker` starts at `at`, the offset just past its line
/// ending (or the end of input, when `eof_ok`).
fn fence_end(bytes: &[u8], at: usize, marker: &[u8; 3], eof_ok: bool) -> Option<usize> {
    let rest = bytes.get(at..)?;
    if !rest.starts_with(marker) {
        return None;
    }
    let mut i = at + marker.len();
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    match bytes.get(i) {
        None => eof_ok.then_some(i),
        Some(b'\n') => Some(i + 1),
        Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => Some(i + 2),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::fence_end;

    #[test]
    fn fence_lines() {
        assert_eq!(fence_end(b"---\n", 0, b"---", false), Some(4));
        assert_eq!(fence_end(b"--- \t\r\nx", 0, b"---", false), Some(7));
        assert_eq!(fence_end(b"---", 0, b"---", false), None);
        assert_eq!(fence_end(b"---", 0, b"---", true), Some(3));
        assert_eq!(fence_end(b"--- ", 0, b"---", true), Some(4));
        assert_eq!(fence_end(b"----\n", 0, b"---", true), None);
        assert_eq!(fence_end(b"---yaml\n", 0, b"---", true), None);
        assert_eq!(fence_end(b"---\r", 0, b"---", true), None);
        assert_eq!(fence_end(b"---\rx\n", 0, b"---", true), None);
        assert_eq!(fence_end(b"...\n", 0, b"...", true), Some(4));
        assert_eq!(fence_end(b"x\n...", 2, b"...", true), Some(5));
        assert_eq!(fence_end(b"x\n", 5, b"...", true), None);
    }
}
