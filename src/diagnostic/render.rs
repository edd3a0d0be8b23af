//! Rendering, kept apart from the data: a rustc-style [`Renderer`] for diagnostics
//! with the source line and a caret. It reads diagnostics and never builds or
//! changes them; escaping is shared with `Display` in [`text`](super::text).

use std::borrow::Cow;
use std::fmt::Write as _;

use super::error::Kind;
use super::text::{escape, is_hazard};
use super::{Diagnostic, Report, Severity};

/// Renders diagnostics the way rustc does: a title, ` --> origin:line:column`, the
/// source line, and a caret under the offending text.
///
/// Colour is off unless asked for; a program turns it on when its output is a
/// terminal (`std::io::IsTerminal`). Control and bidirectional-formatting characters
/// of the input are printed as escapes (`\u{1b}`), never raw. A source line longer
/// than 120 characters is shown cut around the offending text, 40 characters of
/// context before it, with `…` where text was left out.
///
/// # Examples
///
/// ```
/// let src = "---\ntitle: Budget\ndate: 2024-13-45\n---\n";
/// let report = masthead::validate(&masthead::split(src)?, &masthead::Schema::release());
/// let date = report.iter().find(|d| d.path() == "date").unwrap();
/// let text = masthead::Renderer::new().render(date, "budget.md", src);
/// assert_eq!(
///     text,
///     "error[malformed-date]: field `date`: invalid date `2024-13-45`: month 13 is out of range
///  --> budget.md:3:7
///   |
/// 3 | date: 2024-13-45
///   |       ^^^^^^^^^^
/// ",
/// );
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Renderer {
    color: bool,
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const BLUE: &str = "\x1b[1;34m";

impl Renderer {
    /// A renderer without colour.
    #[must_use]
    pub const fn new() -> Self {
        Renderer { color: false }
    }

    /// Turns ANSI colour on or off.
    #[must_use]
    pub const fn color(mut self, yes: bool) -> Self {
        self.color = yes;
        self
    }

    fn paint<'s>(&self, style: &'static str, text: &'s str) -> Cow<'s, str> {
        if self.color {
            Cow::Owned(format!("{style}{text}{RESET}"))
        } else {
            Cow::Borrowed(text)
        }
    }

    /// Renders one diagnostic of `source`, naming the document `origin` (a path).
    #[must_use]
    pub fn render(&self, diagnostic: &Diagnostic, origin: &str, source: &str) -> String {
        let mut out = String::new();
        let level = match diagnostic.severity() {
            Severity::Error => "\x1b[1;31m",
            Severity::Warning => "\x1b[1;33m",
        };
        let head = format!("{}[{}]", diagnostic.severity(), diagnostic.kind());
        let path = diagnostic.path();
        let mut title = String::new();
        if !path.is_empty() && !diagnostic.message().contains(&format!("`{path}`")) {
            title = format!("field `{}`: ", escape(path));
        }
        title.push_str(&escape(diagnostic.message()));
        let _ = writeln!(
            out,
            "{}{}",
            self.paint(level, &head),
            self.paint(BOLD, &format!(": {title}"))
        );

        let span = diagnostic.span();
        let number = span.line().to_string();
        let pad = " ".repeat(number.len());
        let _ = writeln!(
            out,
            "{pad}{} {}:{}:{}",
            self.paint(BLUE, "-->"),
            escape(origin),
            span.line(),
            span.column()
        );
        let gutter = self.paint(BLUE, "|");
        if let Some((line, start, len)) = source_line(source, span.start(), span.end()) {
            let (line, start, len, cut_left, cut_right) = window(line, start, len);
            let left = if cut_left { "…" } else { "" };
            let right = if cut_right { "…" } else { "" };
            let shown = format!("{left}{}{right}", escape_line(line));
            let before = left.chars().count()
                + escape_line(line.get(..start).unwrap_or(line))
                    .chars()
                    .count();
            let under = escape_line(line.get(start..start + len).unwrap_or(""))
                .chars()
                .count();
            let carets = "^".repeat(under.max(1));
            let _ = writeln!(out, "{pad} {gutter}");
            let _ = writeln!(out, "{} {gutter} {shown}", self.paint(BLUE, &number));
            let _ = writeln!(
                out,
                "{pad} {gutter} {}{}",
                " ".repeat(before),
                self.paint(level, &carets)
            );
        }
        if let Some(note) = note(diagnostic).or_else(|| reader_note(diagnostic)) {
            let _ = writeln!(out, "{pad} {} note: {note}", self.paint(BLUE, "="));
        }
        out
    }

    /// Renders every diagnostic of a report, each followed by a blank line.
    #[must_use]
    pub fn render_report(&self, report: &Report, origin: &str, source: &str) -> String {
        let mut out = String::new();
        for d in report {
            out.push_str(&self.render(d, origin, source));
            out.push('\n');
        }
        out
    }
}

/// A hint where the fix is not obvious from the message.
fn note(diagnostic: &Diagnostic) -> Option<&'static str> {
    match diagnostic.kind() {
        Kind::UnterminatedFrontMatter => Some("end the front matter with a line `---`"),
        Kind::NoFrontMatter => {
            Some("start the document with a line `---`, the metadata, and a line `---`")
        }
        Kind::InvalidUtf8 => Some("documents must be UTF-8 text"),
        Kind::DuplicateKey => Some("a YAML mapping cannot repeat a key: keep one of the entries"),
        // `- Māori Crown Relations: Te Arawhiti`: the `: ` made a mapping of text.
        Kind::InvalidType if diagnostic.message().starts_with("invalid type: mapping, expected") && diagnostic.message().contains("string") => {
            Some("a `: ` inside a value that is not quoted starts a mapping: put the value in quotes")
        }
        _ => None,
    }
}

/// The note of a warning that other YAML readers read a plain value otherwise
/// (`Schema::yaml11_warnings`), kept apart from [`note`] for its own reasons.
fn reader_note(diagnostic: &Diagnostic) -> Option<&'static str> {
    let warned = diagnostic.kind() == Kind::InvalidType
        && diagnostic.severity() == Severity::Warning
        && diagnostic
            .message()
            .contains(" readers (Jekyll, Astro, PyYAML) read ");
    warned.then_some("quote the value (`'…'`) so that every YAML reader reads it as text")
}

/// The line holding byte `start` (without its line ending or a byte-order mark),
/// with the offset of `start` in it and how many of `start..end`'s bytes it holds.
fn source_line(source: &str, start: usize, end: usize) -> Option<(&str, usize, usize)> {
    if start > source.len() || !source.is_char_boundary(start) {
        return None;
    }
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let mut line = &source[line_start..line_end];
    let mut at = start - line_start;
    if let Some(rest) = line.strip_prefix('\u{feff}') {
        line = rest;
        at = at.saturating_sub(3);
    }
    let line = line.strip_suffix('\r').unwrap_or(line);
    let at = at.min(line.len());
    let mut len = end.saturating_sub(start).min(line.len() - at);
    while !line.is_char_boundary(at + len) {
        len -= 1;
    }
    Some((line, at, len))
}

/// The most characters of a source line shown; a longer line is cut around the
/// span, keeping [`CONTEXT`] characters before it, and marked with `…`.
const WIDTH: usize = 120;
const CONTEXT: usize = 40;

/// The part of `line` to show for the span at byte `at` of `len` bytes: the part,
/// the span within it, and whether text was cut on the left and on the right.
fn window(line: &str, at: usize, len: usize) -> (&str, usize, usize, bool, bool) {
    if line.len() <= WIDTH {
        // No more bytes than the width, so no more characters either.
        return (line, at, len, false, false);
    }
    let left = line[..at]
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let right = line[left..]
        .char_indices()
        .nth(WIDTH)
        .map_or(line.len(), |(i, _)| left + i);
    let len = len.min(right - at);
    (
        &line[left..right],
        at - left,
        len,
        left > 0,
        right < line.len(),
    )
}

/// A source line for display: tabs become four spaces, other hazards are escaped.
fn escape_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hazard) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.split('\t').map(escape).collect::<Vec<_>>().join("    "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape("x\u{202e}y\tz\n"), "x\\u{202e}y\\tz\\n");
        assert_eq!(escape_line("\tk: \u{7}"), "    k: \\u{7}");
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let short = "a: b";
        assert_eq!(window(short, 3, 1), (short, 3, 1, false, false));
        // A span near the start: only the right is cut.
        let line = format!("date: 2024-13-01 # {}", "é".repeat(500));
        let (shown, at, len, l, r) = window(&line, 6, 10);
        assert_eq!((at, len, l, r), (6, 10, false, true));
        assert_eq!(shown.chars().count(), WIDTH);
        assert!(shown.starts_with("date: 2024-13-01"));
        // A span far to the right: both sides cut, 40 characters kept before it.
        let line = format!("k: {}XY{}", "é".repeat(5000), "z".repeat(5000));
        let at = line.find("XY").unwrap();
        let (shown, at, len, l, r) = window(&line, at, 2);
        assert_eq!((l, r, len), (true, true, 2));
        assert_eq!(shown[..at].chars().count(), CONTEXT);
        assert_eq!(&shown[at..at + 2], "XY");
        assert_eq!(shown.chars().count(), WIDTH);
        // A span running past the window ends with it; one at the end of the line
        // keeps its context.
        let (shown, at, len, _, r) = window(&line, 3, line.len() - 3);
        assert_eq!((at, len, r), (3, shown.len() - 3, true));
        let (shown, at, len, l, r) = window(&line, line.len(), 0);
        assert_eq!((at, len, l, r), (shown.len(), 0, true, false));
    }

    #[test]
    fn source_lines() {
        let src = "\u{feff}a: b\r\nc: dé\n";
        assert_eq!(source_line(src, 6, 7), Some(("a: b", 3, 1)));
        assert_eq!(source_line(src, 12, 99), Some(("c: dé", 3, 3)));
        assert_eq!(source_line(src, 99, 99), None);
    }
}
