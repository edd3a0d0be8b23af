//! Text helpers shared by `Display` of errors and diagnostics and by the renderer:
//! the one-line form and the escaping of control characters. The lowest layer of
//! `diagnostic`: it names no type of the crate but [`Span`].

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use crate::span::Span;

/// The one-line form shared by errors and diagnostics: ``field `path`: message at
/// line L column C``. The prefix is left out when the message already names the
/// whole path in backticks, and control characters are escaped.
pub(super) fn one_line(
    f: &mut fmt::Formatter<'_>,
    path: &str,
    message: &str,
    span: Span,
) -> fmt::Result {
    if !path.is_empty() && !message.contains(&format!("`{path}`")) {
        write!(f, "field `{}`: ", escape(path))?;
    }
    write!(f, "{} at {}", escape(message), span.location())
}

/// Whether `c` must not reach a terminal raw: control characters and the
/// bidirectional formatting characters that can reorder what a reader sees.
pub(super) fn is_hazard(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with control and bidi characters escaped (`\t`, `\n`, `\u{1b}` …).
pub(super) fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hazard) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_hazard(c) => {
                let _ = write!(out, "{}", c.escape_unicode());
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}
