//! Write-back: a document re-emitted with new front-matter text, every other byte
//! kept (byte-order mark, fence lines, body), in the document's line-ending style.
//! It writes through the bridges and never edits bytes outside the block.

use serde::Serialize;

use crate::diagnostic::{Error, Kind};
use crate::document::{Document, Format};
use crate::span::Span;
use crate::value::Value;

const BOM: &str = "\u{feff}";

/// The document's line ending: the first one of the front-matter block, or of the
/// opening fence when the block has none (an empty block, or a block of one line
/// that ends the input); without front matter, the first one of the body; LF when
/// there is none at all.
pub(crate) fn line_ending(doc: &Document<'_>) -> &'static str {
    let first_of = |span: Span| first_line_ending(&doc.source()[span.range()]);
    match (doc.front_matter_span(), doc.opening_fence_span()) {
        (Some(block), Some(open)) => first_of(block).or_else(|| first_of(open)),
        _ => first_of(doc.body_span()),
    }
    .unwrap_or("\n")
}

/// The first line ending of `text`, if it has one.
fn first_line_ending(text: &str) -> Option<&'static str> {
    memchr::memchr(b'\n', text.as_bytes()).map(|i| {
        if text[..i].ends_with('\r') {
            "\r\n"
        } else {
            "\n"
        }
    })
}

/// `text` in the line-ending style `eol`, ending with a line ending when it is not
/// empty. Text that holds a CRLF already is taken as written; text with LF line
/// endings only gets CRLF in a CRLF document.
fn block_text(text: &str, eol: &str, convert: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16 + 2);
    if convert && eol == "\r\n" && !text.contains("\r\n") {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("\r\n");
            }
            out.push_str(line);
        }
    } else {
        out.push_str(text);
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(eol);
    }
    out
}

// The method of `Document` that rewrites its block: it lives with the other
// write-back entry points, so that `document` stays below them.
impl Document<'_> {
    /// The same document with `text` as its front matter: every other byte is kept.
    ///
    /// - The byte-order mark, both fence lines (`...` closers and trailing blanks
    ///   included) and the body are copied byte for byte.
    /// - `text` is written in the document's line-ending style, that of the first
    ///   line of the block (of the opening fence, for an empty block): in a CRLF
    ///   document, text with LF line endings gets CRLF; text that holds a CRLF is
    ///   taken as written, and so is every line ending of an LF document.
    /// - Text that does not end with a line ending gets one, so that the closing
    ///   fence stays on a line of its own. Empty text makes an empty block.
    /// - A document without front matter gets `---` fences before its body (after a
    ///   byte-order mark), in the line-ending style of the body's first line (LF for
    ///   a body of one line).
    ///
    /// Re-emitting a document's own front matter gives back its input, byte for
    /// byte. Nothing of the old block survives its replacement: comments, quoting,
    /// key order and blank lines are whatever `text` has. `text` must not hold a
    /// line that closes the block (`---` or `...` in YAML); [`to_string`](crate::to_string)
    /// checks this, this method does not.
    ///
    /// # Examples
    ///
    /// ```
    /// let src = "\u{feff}---  \r\ntitle: Old # a comment\r\n...\r\nBody\r\n";
    /// let doc = masthead::split(src)?;
    /// assert_eq!(doc.with_front_matter(doc.front_matter().unwrap()), src);
    /// assert_eq!(
    ///     doc.with_front_matter("title: New\ntags: [a]"),
    ///     "\u{feff}---  \r\ntitle: New\r\ntags: [a]\r\n...\r\nBody\r\n",
    /// );
    ///
    /// let plain = masthead::split("# Body\n")?;
    /// assert_eq!(plain.with_front_matter("title: x\n"), "---\ntitle: x\n---\n# Body\n");
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub fn with_front_matter(&self, text: &str) -> String {
        emit(self, text, true)
    }
}

/// The document with `text` as its block, its line endings converted to the
/// document's style when `convert` says so.
fn emit(doc: &Document<'_>, text: &str, convert: bool) -> String {
    let source = doc.source();
    let eol = line_ending(doc);
    let text = block_text(text, eol, convert);
    match doc.front_matter_span() {
        Some(block) => {
            let (head, tail) = (&source[..block.start()], &source[block.end()..]);
            let mut out = String::with_capacity(head.len() + text.len() + tail.len());
            out.push_str(head);
            out.push_str(&text);
            out.push_str(tail);
            out
        }
        None => {
            let body = doc.body();
            let mut out = String::with_capacity(body.len() + text.len() + 14);
            if doc.has_bom() {
                out.push_str(BOM);
            }
            for part in ["---", eol, &text, "---", eol, body] {
                out.push_str(part);
            }
            out
        }
    }
}

/// See [`crate::to_string`].
pub(crate) fn to_string<T: Serialize + ?Sized>(
    metadata: &T,
    doc: &Document<'_>,
) -> Result<String, Error> {
    let format = doc.format().unwrap_or(Format::Yaml);
    let text = match format {
        Format::Yaml => crate::yaml::to_text(metadata),
        #[cfg(feature = "toml")]
        Format::Toml => crate::toml::to_text(metadata),
    }
    .map_err(|message| serialize_error(doc, message))?;
    // TOML keeps the line endings inside a multi-line string as they are, so CRLF
    // there would change the string: such a block keeps the serializer's LF.
    let convert = match format {
        Format::Yaml => true,
        #[cfg(feature = "toml")]
        Format::Toml => line_ending(doc) == "\n" || crate::toml::same_with_crlf(&text),
    };
    let out = emit(doc, &text, convert);
    check(doc, &out, &text, convert)?;
    Ok(out)
}

/// See [`crate::compose`].
pub(crate) fn compose<T: Serialize + ?Sized>(
    metadata: &T,
    body: &str,
    format: Format,
) -> Result<String, Error> {
    // The new document, before it has a block: an empty one of the right format.
    // Splitting `body` itself would read a body that starts with a fence as front
    // matter.
    let marker = format.marker();
    let eol = first_line_ending(body).unwrap_or("\n");
    let shell = format!("{marker}{eol}{marker}{eol}{body}");
    let doc = crate::split(&shell)?;
    to_string(metadata, &doc)
}

/// The error for metadata that the format's serializer refuses.
fn serialize_error(doc: &Document<'_>, message: String) -> Error {
    Error::new(Kind::InvalidType, "", message, doc.anchor())
}

/// Checks that `out` reads back as a document whose block is exactly `text` (in the
/// document's line endings) and whose root is a mapping, as front matter must be.
fn check(doc: &Document<'_>, out: &str, text: &str, convert: bool) -> Result<(), Error> {
    let again = crate::split(out)?;
    let expected = block_text(text, line_ending(doc), convert);
    if again.front_matter() != Some(expected.as_str()) || again.body() != doc.body() {
        return Err(serialize_error(
            doc,
            "the serialized front matter holds a line that would close the block".to_owned(),
        ));
    }
    match again.value(crate::Limits::none())?.0 {
        Value::Null | Value::Map(_) => Ok(()),
        other => Err(serialize_error(
            doc,
            format!(
                "invalid type: {}, expected a mapping at the root of the front matter",
                other.describe()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_text_line_endings() {
        assert_eq!(block_text("a: 1\nb: 2\n", "\r\n", true), "a: 1\r\nb: 2\r\n");
        assert_eq!(block_text("a: 1\nb: 2", "\r\n", true), "a: 1\r\nb: 2\r\n");
        assert_eq!(block_text("a: 1\r\nb: 2\n", "\r\n", true), "a: 1\r\nb: 2\n");
        assert_eq!(block_text("a: 1\r\n", "\n", true), "a: 1\r\n");
        assert_eq!(block_text("a: 1", "\n", true), "a: 1\n");
        assert_eq!(block_text("", "\r\n", true), "");
        assert_eq!(block_text("\n", "\r\n", true), "\r\n");
        assert_eq!(block_text("a\nb", "\r\n", false), "a\nb\r\n");
    }
}
