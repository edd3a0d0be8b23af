//! Text helpers shared by `Display` of errors and diagnostics and by the renderer:
//! the one-line form and the escaping of control characters. The lowest layer of
//! `diagnostic`: it names no type of the crate but [`Span`].

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use crate::span::Span;

/// The one-line form shared by errors and diagnostics: ``field `path`: message at
/// line L column C`` (no position for an error that has none). The prefix is left out when the message already names the
/// whole path in backticks, and control characters are escaped.
pub(super) fn one_line(
    f: &mut fmt::Formatter<'_>,
    path: &str,
    message: &str,
    span: Option<Span>,
) -> fmt::Result {
    if !path.is_empty() && !message.contains(&format!("`{path}`")) {
        write!(f, "field `{}`: ", escape(path))?;
    }
    write!(f, "{}", escape(message))?;
    match span {
        Some(span) => write!(f, " at {}", span.location()),
        None => Ok(()),
    }
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

/// A serde message in the crate's wording, so that typed parsing and validation say
/// one problem one way: `string "x"` becomes ``string `x` `` (`""` when empty), `map`
/// `mapping`, `unit value` `null`, `floating point` `float`, and `expected a
/// sequence` (or `map`) `expected a list` (`a mapping`). A `&str` field that cannot
/// borrow its value is told why. Other messages pass unchanged.
pub(crate) fn serde_message(message: &str) -> String {
    let Some((head, rest)) = ["invalid type: ", "invalid value: "]
        .iter()
        .find_map(|p| message.strip_prefix(p).map(|rest| (*p, rest)))
    else {
        return message.to_owned();
    };
    let (found, expected) = match rest.strip_prefix("string \"") {
        Some(quoted) => match debug_string(quoted)
            .and_then(|(text, after)| Some((text, after.strip_prefix(", expected ")?)))
        {
            Some((text, expected)) => (format!("string {}", crate::check::shown(&text)), expected),
            None => return message.to_owned(),
        },
        None => match rest.split_once(", expected ") {
            Some((found, expected)) => (found.to_owned(), expected),
            None => return message.to_owned(),
        },
    };
    let found = match found.as_str() {
        "map" => "mapping".to_owned(),
        "unit value" => "null".to_owned(),
        f => f.replacen("floating point ", "float ", 1),
    };
    let expected = match expected {
        "a sequence" => "a list",
        "a map" => "a mapping",
        "a borrowed string" if found.starts_with("string") => {
            "a borrowed string (a `&str` field cannot hold text that has escapes or folded lines)"
        }
        e => e,
    };
    format!("{head}{found}, expected {expected}")
}

/// Reads a string as `{:?}` prints it, from after its opening quote: the text and
/// what follows the closing quote; `None` if it does not close.
fn debug_string(s: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &s[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                'u' => {
                    let (_, open) = chars.next()?;
                    if open != '{' {
                        return None;
                    }
                    let mut hex = String::new();
                    loop {
                        match chars.next()?.1 {
                            '}' => break,
                            h => hex.push(h),
                        }
                    }
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::serde_message;

    #[test]
    fn serde_messages_in_the_crate_wording() {
        let cases = [
            (
                "invalid type: string \"rust\", expected a sequence",
                "invalid type: string `rust`, expected a list",
            ),
            (
                "invalid type: string \"a \\\"b\\\"\\n\", expected a borrowed string",
                "invalid type: string `a \"b\"\n`, expected a borrowed string (a `&str` field cannot hold text that has escapes or folded lines)",
            ),
            (
                "invalid type: string \"\", expected u32",
                "invalid type: string \"\", expected u32",
            ),
            (
                "invalid type: map, expected a string",
                "invalid type: mapping, expected a string",
            ),
            (
                "invalid type: unit value, expected a string",
                "invalid type: null, expected a string",
            ),
            (
                "invalid type: floating point `1.5`, expected a map",
                "invalid type: float `1.5`, expected a mapping",
            ),
            (
                "invalid value: string \"x, y\", expected one of `a`",
                "invalid value: string `x, y`, expected one of `a`",
            ),
            ("missing field `title`", "missing field `title`"),
            ("invalid type: string \"open", "invalid type: string \"open"),
        ];
        for (serde, ours) in cases {
            assert_eq!(serde_message(serde), ours, "{serde}");
        }
    }
}
