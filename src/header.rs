//! The header-only reader: reads a document from an [`io::BufRead`] only up to the end
//! of its closing fence, so a large body is never read, and returns an owned
//! [`Header`] with the same grammar outcomes and positions as [`split`](crate::split()).
//! It reads and buffers; the grammar itself is `split`'s, never written again here.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Error, Kind};
use crate::document::{Document, Fences};
use crate::span::{Location, Span};
use crate::validate::{validate, Schema};
use crate::Report;

/// The front matter of a document read without its body: the byte-order mark, the
/// opening fence, the block and the closing fence, owned, with the positions they have
/// in the whole file.
///
/// Made by [`read_front_matter`], [`read_front_matter_path`] or [`ReadOptions`]. Its
/// text ([`as_str`](Header::as_str)) is the start of the file, byte for byte, up to the
/// first byte of the body, so every [`Span`] and [`Location`] it gives, and every error
/// of [`deserialize`](Header::deserialize) and [`validate`](Header::validate), is a
/// position in the whole file.
///
/// # Examples
///
/// ```
/// let file = "---\ntitle: Hello\n---\n# A body that is never read\n";
/// let header = masthead::read_front_matter(file.as_bytes())?;
/// assert_eq!(header.front_matter(), Some("title: Hello\n"));
/// assert_eq!(header.as_str(), "---\ntitle: Hello\n---\n");
/// assert_eq!((header.body_start().offset(), header.body_start().line()), (21, 4));
/// assert_eq!(&file[header.body_start().offset()..], "# A body that is never read\n");
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    text: String,
    bom: bool,
    fences: Option<Fences>,
    body: Span,
}

impl Header {
    /// Whether the file starts with a UTF-8 byte-order mark (bytes 0 to 2).
    #[must_use]
    pub fn has_bom(&self) -> bool {
        self.bom
    }

    /// Whether the file has a front-matter block (possibly an empty one).
    #[must_use]
    pub fn has_front_matter(&self) -> bool {
        self.as_document().has_front_matter()
    }

    /// The front-matter text between the fence lines; `None` when the file has no
    /// front matter, `Some("")` when the block is empty. As
    /// [`Document::front_matter`].
    #[must_use]
    pub fn front_matter(&self) -> Option<&str> {
        self.as_document().front_matter()
    }

    /// The span of the opening fence line, its line ending included.
    #[must_use]
    pub fn opening_fence_span(&self) -> Option<Span> {
        self.as_document().opening_fence_span()
    }

    /// The span of the front-matter block, in the whole file.
    #[must_use]
    pub fn front_matter_span(&self) -> Option<Span> {
        self.as_document().front_matter_span()
    }

    /// The span of the closing fence line, its line ending (if any) included.
    #[must_use]
    pub fn closing_fence_span(&self) -> Option<Span> {
        self.as_document().closing_fence_span()
    }

    /// Where the body starts in the file: its byte offset, line and column, equal to
    /// the start of [`Document::body_span`] for the whole file. Without front matter
    /// it is just after the byte-order mark, if any.
    #[must_use]
    pub fn body_start(&self) -> Location {
        self.body.location()
    }

    /// The header's text: the file from byte 0 (byte-order mark included) up to the
    /// first byte of the body. Without front matter, only the byte-order mark (if any).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The header's text, owned; see [`as_str`](Header::as_str).
    #[must_use]
    pub fn into_string(self) -> String {
        self.text
    }

    /// The header as a [`Document`] whose source is [`as_str`](Header::as_str): the
    /// same spans as the whole file, and an empty body (the body was not read).
    ///
    /// # Examples
    ///
    /// ```
    /// let header = masthead::read_front_matter(&b"\xef\xbb\xbf---\na: 1\n---\nbody"[..])?;
    /// let doc = header.as_document();
    /// assert!(doc.has_bom());
    /// assert_eq!(doc.front_matter(), Some("a: 1\n"));
    /// assert_eq!(doc.body(), "");
    /// assert_eq!(doc.body_span().start(), header.body_start().offset());
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub fn as_document(&self) -> Document<'_> {
        Document::new(&self.text, self.bom, self.fences, self.body)
    }

    /// Deserializes the front matter into an owned `T`, as
    /// [`Document::deserialize`]; errors are positioned in the whole file.
    ///
    /// # Errors
    ///
    /// The first problem found: see [`from_str`](crate::from_str).
    ///
    /// # Examples
    ///
    /// ```
    /// let file = "---\ntitle: Budget\ndate: 2024-02-30\n---\nbody";
    /// let header = masthead::read_front_matter(file.as_bytes())?;
    /// let err = header.deserialize::<masthead::Release>().unwrap_err();
    /// assert_eq!(err.kind(), masthead::Kind::MalformedDate);
    /// assert_eq!((err.line(), err.column()), (3, 7));
    ///
    /// let title: std::collections::BTreeMap<String, String> =
    ///     masthead::read_front_matter(&b"---\ntitle: x\n---\n"[..])?.deserialize()?;
    /// assert_eq!(title["title"], "x");
    /// # Ok::<(), masthead::Error>(())
    /// ```
    pub fn deserialize<T: DeserializeOwned>(&self) -> Result<T, Error> {
        self.as_document().deserialize()
    }

    /// Validates the front matter against `schema`, as [`validate`](crate::validate())
    /// does for a [`Document`]; diagnostics are positioned in the whole file.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::Schema;
    ///
    /// let file = "---\ntitle: x\ndate: 2024-13-45\n---\nbody";
    /// let report = masthead::read_front_matter(file.as_bytes())?.validate(&Schema::release());
    /// let kinds: Vec<_> = report.iter().map(|d| (d.kind().as_str(), d.line())).collect();
    /// assert!(kinds.contains(&("malformed-date", 3)));
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub fn validate(&self, schema: &Schema) -> Report {
        validate(&self.as_document(), schema)
    }
}

/// How [`read_front_matter`] reads: for now, the most bytes it may read. Consuming
/// builder methods, no `build` step.
///
/// # Examples
///
/// ```
/// use masthead::{Kind, ReadOptions};
///
/// let file = format!("---\ntitle: x\n{}---\nbody", "k: v\n".repeat(100));
/// let err = ReadOptions::new().limit(256).read(file.as_bytes()).unwrap_err();
/// assert_eq!(err.kind(), Kind::LimitExceeded);
/// assert_eq!(
///     err.to_string(),
///     "front matter too large: no closing `---` or `...` line in the first 256 bytes \
///      at line 1 column 1",
/// );
/// assert!(ReadOptions::new().limit(1024).read(file.as_bytes())?.has_front_matter());
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    limit: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions::new()
    }
}

impl ReadOptions {
    /// The default [`limit`](ReadOptions::limit): 64 KiB.
    pub const DEFAULT_LIMIT: usize = 64 * 1024;

    /// The defaults: at most [`DEFAULT_LIMIT`](ReadOptions::DEFAULT_LIMIT) bytes.
    #[must_use]
    pub const fn new() -> Self {
        ReadOptions {
            limit: Self::DEFAULT_LIMIT,
        }
    }

    /// The most bytes read from the reader, byte-order mark and fences included.
    /// A front matter whose closing fence line does not end within them is an error
    /// of kind [`Kind::LimitExceeded`]; so is a closing fence without a line ending
    /// that ends exactly at the limit (whether the input ends there cannot be known
    /// without reading one more byte).
    #[must_use]
    pub const fn limit(mut self, bytes: usize) -> Self {
        self.limit = bytes;
        self
    }

    /// Reads the header of a document; see [`read_front_matter`].
    ///
    /// # Errors
    ///
    /// As [`read_front_matter`].
    pub fn read<R: BufRead>(&self, mut reader: R) -> Result<Header, Error> {
        read_header(&mut reader, self.limit)
    }

    /// Reads the header of the file at `path`; see [`read_front_matter_path`].
    ///
    /// # Errors
    ///
    /// As [`read_front_matter_path`].
    pub fn read_path(&self, path: impl AsRef<Path>) -> Result<Header, Error> {
        let path = path.as_ref();
        let named = |e: Error| {
            if e.kind() == Kind::Io {
                let reason = e
                    .message()
                    .strip_prefix("cannot read: ")
                    .unwrap_or(e.message());
                let message = format!("cannot read `{}`: {reason}", path.display());
                if e.has_position() {
                    Error::new(Kind::Io, "", message, e.span())
                } else {
                    Error::without_position(Kind::Io, message)
                }
            } else {
                e
            }
        };
        let file = File::open(path).map_err(|e| named(io_error(&e, &[])))?;
        let take = u64::try_from(self.limit).unwrap_or(u64::MAX);
        // The limit also bounds what the buffer reads ahead from the file.
        let cap = self.limit.clamp(1, 8 * 1024);
        read_header(
            &mut BufReader::with_capacity(cap, file.take(take)),
            self.limit,
        )
        .map_err(named)
    }
}

/// Reads a document from `reader` only up to the end of its closing fence and
/// returns its [`Header`]: the front matter, owned, with its positions and the offset
/// where the body starts. The body is never read.
///
/// The outcome is that of [`split_bytes`](crate::split_bytes) on the whole input, read
/// by the same grammar, with the same spans and errors, except that bytes past the
/// header are not read and so not checked: a body that is not UTF-8 is no error here.
/// No front matter is not an error either: reading stops after the first line, and
/// the header is empty but for a byte-order mark.
///
/// At most 64 KiB are taken from `reader` ([`ReadOptions::limit`] changes that), and
/// `reader` is left at the first byte of the body (a `BufRead` may have buffered
/// more from its own source), so the caller may go on reading the body from it.
///
/// # Errors
///
/// - [`Kind::UnterminatedFrontMatter`] at the opening fence, as [`split`](crate::split()),
///   when the input ends without a closing fence;
/// - [`Kind::LimitExceeded`] at the opening fence when no closing fence line ends
///   within the limit;
/// - [`Kind::InvalidUtf8`] at the first bad byte of the header;
/// - [`Kind::Io`] when the reader fails, positioned where reading stopped (with no
///   position when it fails before the first byte, [`Error::has_position`]).
///
/// # Examples
///
/// ```
/// use std::io::{BufRead, Read};
///
/// let file = "\u{feff}---\r\ntitle: x\r\n---\r\nThe body\r\n";
/// let mut reader = file.as_bytes();
/// let header = masthead::read_front_matter(&mut reader)?;
/// assert!(header.has_bom());
/// assert_eq!(header.front_matter(), Some("title: x\r\n"));
/// assert_eq!(header.closing_fence_span().map(|s| s.line()), Some(3));
/// let mut body = String::new();
/// reader.read_to_string(&mut body).unwrap();
/// assert_eq!(body, "The body\r\n");
///
/// let plain = masthead::read_front_matter(&b"# No front matter\n"[..])?;
/// assert!(!plain.has_front_matter());
/// assert_eq!(plain.body_start().offset(), 0);
///
/// let err = masthead::read_front_matter(&b"---\ntitle: x\n"[..]).unwrap_err();
/// assert_eq!(err.kind(), masthead::Kind::UnterminatedFrontMatter);
/// assert_eq!(err, masthead::split("---\ntitle: x\n").unwrap_err());
/// # Ok::<(), masthead::Error>(())
/// ```
pub fn read_front_matter(reader: impl BufRead) -> Result<Header, Error> {
    ReadOptions::new().read(reader)
}

/// Opens the file at `path` and reads its [`Header`]; see [`read_front_matter`].
/// At most 64 KiB of the file are read, however large it is.
///
/// # Errors
///
/// As [`read_front_matter`]; a [`Kind::Io`] error names the file, and one that
/// happens before the first byte is read (a file that cannot be opened) has no
/// position ([`Error::has_position`]).
///
/// # Examples
///
/// ```
/// let path = std::env::temp_dir().join(format!("masthead-doc-{}.md", std::process::id()));
/// std::fs::write(&path, "---\ntitle: x\n---\nbody\n").unwrap();
/// let header = masthead::read_front_matter_path(&path)?;
/// assert_eq!(header.front_matter(), Some("title: x\n"));
/// assert_eq!(header.body_start().line(), 4);
/// std::fs::remove_file(&path).unwrap();
///
/// let err = masthead::read_front_matter_path(&path).unwrap_err();
/// assert_eq!(err.kind(), masthead::Kind::Io);
/// assert!(!err.has_position());
/// assert_eq!(
///     err.to_string(),
///     format!("cannot read `{}`: the file does not exist", path.display()),
/// );
/// # Ok::<(), masthead::Error>(())
/// ```
pub fn read_front_matter_path(path: impl AsRef<Path>) -> Result<Header, Error> {
    ReadOptions::new().read_path(path)
}

/// Reads the header from `reader`, taking at most `limit` bytes from it.
fn read_header<R: BufRead>(reader: &mut R, limit: usize) -> Result<Header, Error> {
    let mut buf = Vec::new();
    let mut reader = reader.take(u64::try_from(limit).unwrap_or(u64::MAX));
    // The first line decides whether there is front matter at all.
    let ended = read_line(&mut reader, &mut buf)?;
    let start = if buf.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    let first = &buf[start..];
    let opening =
        crate::split::opening_fence(&buf, start).filter(|&(_, end)| ended && end == buf.len());
    let Some((format, _)) = opening else {
        // No front matter (or an opening fence that could not be finished within the
        // limit): keep only the byte-order mark.
        if !ended && reader.limit() == 0 && is_fence_prefix(first) {
            return Err(too_large(&buf, start, limit));
        }
        buf.truncate(start);
        return finish(buf);
    };
    loop {
        let line_start = buf.len();
        let ended = read_line(&mut reader, &mut buf)?;
        let line = &buf[line_start..];
        if line.is_empty() {
            if reader.limit() == 0 {
                // The limit, not necessarily the end of the input.
                return Err(too_large(&buf, start, limit));
            }
            // The end of the input: no closing fence.
            return finish(buf);
        }
        if ended {
            if crate::split::closing_fence(&buf, line_start, format) == Some(buf.len()) {
                return finish(buf);
            }
            continue;
        }
        if reader.limit() == 0 {
            return Err(too_large(&buf, start, limit));
        }
        // The last line of the input, without a line ending.
        return finish(buf);
    }
}

/// Appends one line (through its LF, if any) to `buf`; whether it ended with LF.
fn read_line<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>) -> Result<bool, Error> {
    match reader.read_until(b'\n', buf) {
        Ok(_) => Ok(buf.last() == Some(&b'\n')),
        Err(e) => Err(io_error(&e, buf)),
    }
}

/// Whether an unfinished first line may still become an opening fence.
fn is_fence_prefix(line: &[u8]) -> bool {
    let n = line.len().min(3);
    let marker = |m: &[u8; 3]| line[..n] == m[..n];
    (marker(b"---") || (cfg!(feature = "toml") && marker(b"+++")))
        && line
            .get(3..)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .all(|(i, &b)| b == b' ' || b == b'\t' || (b == b'\r' && i + 4 == line.len()))
}

/// The header from the bytes read: checked as UTF-8, then split by the grammar (the
/// bytes are a prefix of the input that ends where the body starts, so the spans are
/// those of the whole input).
fn finish(buf: Vec<u8>) -> Result<Header, Error> {
    let text = String::from_utf8(buf).map_err(|e| {
        let bytes = e.as_bytes();
        crate::split::utf8_error(bytes, &e.utf8_error())
    })?;
    let doc = crate::split(&text)?;
    let (bom, fences, body) = doc.parts();
    Ok(Header {
        text,
        bom,
        fences,
        body,
    })
}

/// The error for a front matter that does not end within `limit` bytes: at the
/// opening fence, like an unterminated one.
fn too_large(buf: &[u8], start: usize, limit: usize) -> Error {
    // An invalid byte before the limit is reported first, as `split_bytes` would.
    if let Err(e) = std::str::from_utf8(buf) {
        if e.error_len().is_some() {
            return crate::split::utf8_error(buf, &e);
        }
    }
    // The opening fence, whole or cut by the limit, starts with its marker.
    let closers = if buf.get(start) == Some(&b'+') {
        "`+++`"
    } else {
        "`---` or `...`"
    };
    Error::new(
        Kind::LimitExceeded,
        "",
        format!("front matter too large: no closing {closers} line in the first {limit} bytes"),
        Span::new(Location::new(start, 1, 1), start + 3),
    )
}

/// A read error, positioned after the bytes read so far; with no position when
/// nothing was read (a position there would say nothing).
fn io_error(e: &io::Error, buf: &[u8]) -> Error {
    let message = format!("cannot read: {}", io_reason(e));
    if buf.is_empty() {
        return Error::without_position(Kind::Io, message);
    }
    let valid = match std::str::from_utf8(buf) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&buf[..e.valid_up_to()]).unwrap_or_default(),
    };
    let at = Location::of(valid, valid.len());
    Error::new(Kind::Io, "", message, Span::new(at, at.offset()))
}

/// Why reading failed, lowercase as the crate's messages are: the common reasons in
/// words, others as the system says them, their first letter lowered.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "the file does not exist".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = e.to_string();
            let mut chars = text.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_fence_prefix;

    #[test]
    fn fence_prefixes() {
        assert!(is_fence_prefix(b""));
        assert!(is_fence_prefix(b"--"));
        assert!(is_fence_prefix(b"---   "));
        assert!(is_fence_prefix(b"---  \r"));
        assert!(!is_fence_prefix(b"---x"));
        assert!(!is_fence_prefix(b"-x"));
        assert!(!is_fence_prefix(b"--- \r "));
        // `+++` opens a TOML block only with the `toml` feature.
        assert_eq!(is_fence_prefix(b"++"), cfg!(feature = "toml"));
    }
}
