//! Rendering, kept apart from the data: a rustc-style [`Renderer`] for diagnostics
//! with the source line and a caret. It reads diagnostics and never builds or
//! changes them; escaping is shared with `Display` in [`text`](super::text).

use std::borrow::Cow;
use std::fmt::Write as _;

use super::error::{Error, Kind};
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
        if diagnostic.has_position() {
            let _ = writeln!(
                out,
                "{pad}{} {}:{}:{}",
                self.paint(BLUE, "-->"),
                escape(origin),
                span.line(),
                span.column()
            );
        } else {
            let _ = writeln!(out, "{pad}{} {}", self.paint(BLUE, "-->"), escape(origin));
        }
        let gutter = self.paint(BLUE, "|");
        let shown =
            source_line(source, span.start(), span.end()).filter(|_| diagnostic.has_position());
        if let Some((line, start, len)) = shown {
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
        for (label, text) in notes(diagnostic, source) {
            let _ = writeln!(
                out,
                "{pad} {} {label}: {}",
                self.paint(BLUE, "="),
                escape(&text)
            );
        }
        out
    }

    /// Renders an [`Error`] as the diagnostic it makes (an error, with the error's
    /// kind, field, message and span); the same as rendering
    /// `Diagnostic::from(error.clone())`.
    ///
    /// # Examples
    ///
    /// ```
    /// let src = "---\ntitle: [a, b]\n---\n";
    /// #[derive(Debug, serde::Deserialize)]
    /// struct Post { #[allow(dead_code)] title: String }
    /// let err = masthead::from_str::<Post>(src).unwrap_err();
    /// let text = masthead::Renderer::new().render_error(&err, "post.md", src);
    /// assert!(text.starts_with("error[invalid-type]: field `title`: invalid type: sequence"));
    /// assert!(text.contains(" --> post.md:2:8"));
    /// ```
    #[must_use]
    pub fn render_error(&self, error: &Error, origin: &str, source: &str) -> String {
        self.render(&Diagnostic::from(error.clone()), origin, source)
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

/// The notes and help lines of a diagnostic, where the fix is not obvious from the
/// message: `("note", why)` and `("help", what to write)`. Each is chosen by the kind
/// and by the text of `source` that the span covers (or the line it is on), so that
/// it shows only where it is right; the message is read only for the shape that was
/// expected, which nothing else records.
fn notes(diagnostic: &Diagnostic, source: &str) -> Vec<(&'static str, String)> {
    let span = diagnostic.span();
    let text = source.get(span.range()).unwrap_or("");
    let expected = diagnostic
        .message()
        .split_once(", expected ")
        .map_or("", |(_, e)| e);
    let found = diagnostic
        .message()
        .strip_prefix("invalid type: ")
        .unwrap_or("");
    let one = |label, s: &str| vec![(label, s.to_owned())];
    if let Some(note) = diagnostic.note() {
        return one("note", note);
    }
    match diagnostic.kind() {
        Kind::UnterminatedFrontMatter => one("note", "end the front matter with a line `---`"),
        Kind::NoFrontMatter => one(
            "note",
            "start the document with a line `---`, the metadata, and a line `---`",
        ),
        Kind::InvalidUtf8 => one("note", "documents must be UTF-8 text"),
        Kind::DuplicateKey => one(
            "note",
            "a YAML mapping cannot repeat a key: keep one of the entries",
        ),
        Kind::YamlSyntax if tab_indented(source, span.start()) => vec![
            ("note", "tabs are not allowed in YAML indentation".to_owned()),
            ("help", "indent with spaces".to_owned()),
        ],
        // `- Māori Crown Relations: Te Arawhiti`: the `: ` made a mapping of text.
        Kind::InvalidType
            if found.starts_with("mapping,")
                && expected.contains("string")
                && !text.starts_with('{')
                && !text.contains('\n')
                && text.contains(": ") =>
        {
            one(
                "note",
                "a `: ` inside a value that is not quoted starts a mapping: put the value in quotes",
            )
        }
        // A `&'a str` field and a value with escapes or folded lines.
        Kind::InvalidType if found.starts_with("string") && expected.starts_with("a borrowed string") => vec![(
            "help",
            "declare the field `String`, or `Cow<'a, str>` with `#[serde(borrow)]`, to take any string"
                .to_owned(),
        )],
        // `tags: a, b`: text where a list was expected.
        Kind::InvalidType if found.starts_with("string") && expected.contains("list") => {
            vec![("help", list_help(diagnostic.path(), text))]
        }
        // `draft: yes` for a `bool`: YAML 1.2 reads `yes` as text.
        Kind::InvalidType
            if expected.contains("boolean")
                && matches!(
                    text.to_ascii_lowercase().as_str(),
                    "yes" | "no" | "on" | "off" | "y" | "n"
                ) =>
        {
            let yes = matches!(text.to_ascii_lowercase().as_str(), "yes" | "on" | "y");
            vec![
                (
                    "note",
                    "YAML 1.2 reads `yes`, `no`, `on` and `off` as text; its booleans are `true` and `false`"
                        .to_owned(),
                ),
                ("help", format!("write `{yes}`")),
            ]
        }
        Kind::MalformedDate => date_help(unquoted(text)).map_or_else(Vec::new, |h| vec![("help", h)]),
        Kind::MalformedUrl => url_help(unquoted(text)).map_or_else(Vec::new, |h| vec![("help", h)]),
        _ => Vec::new(),
    }
}

/// The text of a quoted scalar (`"2024/05/01"`, `'/x'`) without its quotes, when it
/// holds no escape or quote of its own (its text is then its value); other text as is.
fn unquoted(text: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(q).and_then(|t| t.strip_suffix(q)) {
            if !inner.contains([q, '\\']) {
                return inner;
            }
        }
    }
    text
}

/// Whether the line holding byte `at` is indented with a tab.
fn tab_indented(source: &str, at: usize) -> bool {
    source_line(source, at, at).is_some_and(|(line, _, _)| {
        line.chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .any(|c| c == '\t')
    })
}

/// `write a list: `tags: [a, b]`, or one `- item` per line` for the text `a, b` of
/// field `tags`. Text that is quoted, or that holds a bracket or brace, is not split
/// (quotes around `a, b` would make a one-item list of it): the help shows the shape.
fn list_help(path: &str, text: &str) -> String {
    let key = path.rsplit(['.', ']']).next().filter(|k| !k.is_empty());
    let items: Vec<&str> = text.split(',').map(str::trim).collect();
    let plain = !text.contains(['\n', '"', '\'', '[', ']', '{', '}']);
    match key {
        Some(key) if plain => format!(
            "write a list: `{key}: [{}]`, or one `- item` per line",
            items.join(", ")
        ),
        _ => "write a list: `[a, b]`, or one `- item` per line".to_owned(),
    }
}

/// For a date written `2024/05/01`, `2024-5-1`, `06/09/2017`, `01-05-2024` or
/// `June 12, 2016`: how to write it as `YYYY-MM-DD`. `None` for a date already in
/// that shape (it does not exist) and for text that is no date.
fn date_help(text: &str) -> Option<String> {
    if let Some(iso) = month_name_date(text) {
        return Some(format!("write dates as `YYYY-MM-DD`: `{iso}`"));
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    // `YYYY-MM-DD`, when that date exists.
    let iso = |y: &str, month: &str, day: &str| {
        let iso = format!("{y}-{month:0>2}-{day:0>2}");
        crate::check::parse_date(&iso).is_ok().then_some(iso)
    };
    if digits(a, 4..=4) && digits(b, 1..=2) && digits(c, 1..=2) {
        let iso = iso(a, b, c)?;
        return (iso != text).then(|| format!("write dates as `YYYY-MM-DD`: `{iso}`"));
    }
    if !(digits(a, 1..=2) && digits(b, 1..=2) && digits(c, 4..=4)) {
        return None;
    }
    Some(match (iso(c, a, b), iso(c, b, a)) {
        (Some(month_first), Some(day_first)) if month_first != day_first => format!(
            "write dates as `YYYY-MM-DD`: `{month_first}` if `{a}` is the month, `{day_first}` if it is the day"
        ),
        (Some(one), _) | (None, Some(one)) => format!("write dates as `YYYY-MM-DD`: `{one}`"),
        (None, None) => return None,
    })
}

/// `June 12, 2016` or `12 June 2016` as `2016-06-12`.
fn month_name_date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<String> = text
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && m.starts_with(w.trim_end_matches('.')))
    };
    let number = |w: &str, n: usize| {
        (w.len() <= n && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.to_owned())
    };
    let (m, d, y) = match words.as_slice() {
        [m, d, y] if month(m).is_some() => (month(m)?, number(d, 2)?, number(y, 4)?),
        [d, m, y] if month(m).is_some() => (month(m)?, number(d, 2)?, number(y, 4)?),
        _ => return None,
    };
    let iso = format!("{y}-{:02}-{d:0>2}", m + 1);
    (y.len() == 4 && crate::check::parse_date(&iso).is_ok()).then_some(iso)
}

/// For a relative URL (`/release/x`, `www.example.org/x`): how to make it absolute.
fn url_help(text: &str) -> Option<String> {
    let scheme = text.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
    });
    if text.is_empty() || scheme || text.contains(char::is_whitespace) {
        return None;
    }
    Some(if let Some(path) = text.strip_prefix("//") {
        format!("include the scheme: `https://{path}`")
    } else if text.starts_with('/') {
        format!("include the scheme and host: `https://example.org{text}`")
    } else if text
        .split('/')
        .next()
        .is_some_and(|host| host.contains('.'))
    {
        format!("include the scheme: `https://{text}`")
    } else {
        "include the scheme and host: `https://example.org/…`".to_owned()
    })
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
