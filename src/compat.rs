//! How other YAML readers resolve a plain scalar: the YAML 1.1 readers that front
//! matter meets (PyYAML, Ruby's Psych in Jekyll, go-yaml v2, js-yaml in Astro and
//! gray-matter), for the writer's quoting and validation's warnings. Text only: it
//! parses no YAML and names no YAML library.

/// What a plain scalar becomes for at least one YAML 1.1 reader; `Str` when every
/// one of them reads the same string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Read as text by every reader.
    Str,
    /// `~`, `null` in any case, or nothing at all.
    Null,
    /// `yes`, `no`, `on`, `off`, `true`, `false` in any case; `y`, `Y`, `n`, `N`.
    Bool(bool),
    /// An integer in any base or form: `017` (octal), `0o17`, `0x1F`, `0b101`,
    /// `1_000`, `+1`, `1,000` (Psych), sexagesimal `1:20`.
    Int,
    /// A float in any form: `1.10`, `1e3`, `.5`, `.inf`, `.NaN`, `190:20:30.15`.
    Float,
    /// A date or timestamp: `2024-05-01`, `2024-5-1` (Psych), `2024-05-01 10:00:00`.
    Timestamp,
    /// `<<`, the merge key.
    Merge,
    /// `=`, the value key (PyYAML refuses it).
    ValueKey,
    /// `:name`, a Ruby symbol (Jekyll's safe loading refuses it).
    Symbol,
}

impl Reading {
    /// How a message names the reading: `a date`, `the boolean false` …
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Reading::Str => "a string",
            Reading::Null => "null",
            Reading::Bool(true) => "the boolean true",
            Reading::Bool(false) => "the boolean false",
            Reading::Int => "an integer",
            Reading::Float => "a float",
            Reading::Timestamp => "a date",
            Reading::Merge => "a merge key",
            Reading::ValueKey => "a value key",
            Reading::Symbol => "a Ruby symbol",
        }
    }
}

/// How YAML 1.1 readers read the plain scalar `text`: the first reading other than
/// a string that any of them gives. Conservative by design: a text that one reader
/// reads as something else is reported even when the others read a string.
pub(crate) fn yaml11(text: &str) -> Reading {
    match text {
        "" | "~" => return Reading::Null,
        "<<" => return Reading::Merge,
        "=" => return Reading::ValueKey,
        "y" | "Y" => return Reading::Bool(true),
        "n" | "N" => return Reading::Bool(false),
        _ => {}
    }
    if text.len() <= 5 {
        let is = |words: &[&str]| words.iter().any(|w| text.eq_ignore_ascii_case(w));
        if is(&["null"]) {
            return Reading::Null;
        }
        if is(&["yes", "true", "on"]) {
            return Reading::Bool(true);
        }
        if is(&["no", "false", "off"]) {
            return Reading::Bool(false);
        }
    }
    if text.len() > 1 && text.starts_with(':') {
        return Reading::Symbol;
    }
    if is_timestamp(text) {
        return Reading::Timestamp;
    }
    number(text).unwrap_or(Reading::Str)
}

/// Whether `text` is a YAML 1.1 date or timestamp as any reader reads one:
/// `YYYY-M-D` with one or two digit month and day, alone or followed by `T`, `t`
/// or blanks and a time `H:MM:SS` (with any fraction and zone).
pub(crate) fn is_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let mut i = 5;
    for part in 0..2 {
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&digits) {
            return false;
        }
        i += digits;
        if part == 0 {
            if b.get(i) != Some(&b'-') {
                return false;
            }
            i += 1;
        }
    }
    let rest = &text[i..];
    if rest.is_empty() {
        return true;
    }
    let time = match rest.strip_prefix(['T', 't']) {
        Some(t) => t,
        None if rest.starts_with([' ', '\t']) => rest.trim_start_matches([' ', '\t']),
        None => return false,
    };
    // `H:M:S` (go-yaml takes one-digit minutes and seconds; the others two), an
    // optional fraction, and an optional zone after optional blanks: `Z`, `-5`,
    // `+05:00` or `+0500` (Psych). Anything else after the time keeps the text a
    // string for every reader (their patterns are anchored at both ends).
    let mut t = time.as_bytes();
    for part in 0..3 {
        let digits = t.iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&digits) {
            return false;
        }
        t = &t[digits..];
        if part < 2 {
            let [b':', rest @ ..] = t else {
                return false;
            };
            t = rest;
        }
    }
    if let [b'.', rest @ ..] = t {
        t = &rest[rest.iter().take_while(|c| c.is_ascii_digit()).count()..];
    }
    while let [b' ' | b'\t', rest @ ..] = t {
        t = rest;
    }
    match t {
        [] | [b'Z'] => true,
        [b'+' | b'-', zone @ ..] => {
            let hours = zone
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
                .min(2);
            let minutes = match &zone[hours..] {
                [b':', m @ ..] => m,
                m => m,
            };
            (1..=2).contains(&hours)
                && (minutes.is_empty()
                    || (minutes.len() == 2 && minutes.iter().all(u8::is_ascii_digit)))
        }
        _ => false,
    }
}

/// The number a YAML 1.1 reader makes of `text`, if any.
fn number(text: &str) -> Option<Reading> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let first = unsigned.bytes().next()?;
    if !(first.is_ascii_digit() || first == b'.') {
        // go-yaml reads `+inf`, `-Infinity`, `+nan` through Go's ParseFloat.
        let signed = unsigned.len() < text.len();
        let special = ["inf", "infinity", "nan"]
            .iter()
            .any(|w| unsigned.eq_ignore_ascii_case(w));
        return (signed && special).then_some(Reading::Float);
    }
    // Past the first character, only texts of number characters are numbers.
    let number_char =
        |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b',' | b':' | b'+' | b'-');
    if !unsigned.bytes().all(number_char) {
        return None;
    }
    let lower = unsigned.to_ascii_lowercase();
    match lower.as_str() {
        ".inf" | ".infinity" | ".nan" => return Some(Reading::Float),
        _ => {}
    }
    let all = |s: &str, ok: fn(u8) -> bool| !s.is_empty() && s.bytes().all(ok);
    for (prefix, ok) in [
        ("0x", u8::is_ascii_hexdigit as fn(&u8) -> bool),
        ("0o", |c: &u8| (b'0'..=b'7').contains(c)),
        ("0b", |c: &u8| matches!(c, b'0' | b'1')),
    ] {
        if let Some(digits) = lower.strip_prefix(prefix) {
            if digits.bytes().all(|c| c == b'_' || ok(&c)) && digits.bytes().any(|c| ok(&c)) {
                return Some(Reading::Int);
            }
            // Go's ParseFloat reads hexadecimal floats (`0x1p3`).
            let hex_float =
                |c: u8| c.is_ascii_hexdigit() || matches!(c, b'_' | b'.' | b'p' | b'+' | b'-');
            if prefix == "0x" && all(digits, hex_float) && digits.contains('p') {
                return Some(Reading::Float);
            }
        }
    }
    // Digits with `_` (and Psych's `,`): an integer in some base, for someone.
    if all(unsigned, |c| c.is_ascii_digit() || c == b'_')
        || (first.is_ascii_digit()
            && all(unsigned, |c| c.is_ascii_digit() || c == b',')
            && !unsigned.ends_with(',')
            && !unsigned.contains(",,"))
    {
        return Some(Reading::Int);
    }
    if let Some(reading) = sexagesimal(unsigned) {
        return Some(reading);
    }
    // Floats with or without a dot or an exponent, underscores anywhere (go-yaml
    // drops them before Go's ParseFloat; PyYAML and js-yaml allow them).
    let plain: String = unsigned.chars().filter(|&c| c != '_').collect();
    let float_chars = |c: u8| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-');
    if all(&plain, float_chars) && plain.parse::<f64>().is_ok() {
        return Some(Reading::Float);
    }
    // PyYAML's float pattern also takes `1.2.3`-like runs after the dot (`[0-9.]*`
    // in the YAML 1.1 spec's regex is `[0-9_]*` in PyYAML; js-yaml 3 agrees): a
    // text of digits, one dot and digits is covered above.
    None
}

/// Base 60 (`1:20`, `190:20:30.15`): digits, then `:` groups of one or two digits
/// (each below 60), an integer, or a float with a fraction after the last group.
fn sexagesimal(text: &str) -> Option<Reading> {
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let mut groups = whole.split(':');
    let head = groups.next()?;
    let head_ok = !head.is_empty()
        && head.as_bytes()[0].is_ascii_digit()
        && head.bytes().all(|c| c.is_ascii_digit() || c == b'_');
    let mut count = 0;
    for g in groups {
        let b = g.as_bytes();
        let ok = matches!(b.len(), 1 | 2)
            && b.iter().all(u8::is_ascii_digit)
            && (b.len() == 1 || b[0] <= b'5');
        if !ok {
            return None;
        }
        count += 1;
    }
    if !head_ok || count == 0 {
        return None;
    }
    match fraction {
        None => Some(Reading::Int),
        Some(f) if f.bytes().all(|c| c.is_ascii_digit() || c == b'_') => Some(Reading::Float),
        Some(_) => None,
    }
}

/// The integer PyYAML makes of `text` when it reads one (`1:20` is 80, `017` is 15,
/// `0b101` is 5, `1_000` is 1000), for messages; `None` for other texts and values
/// beyond `i128`.
pub(crate) fn yaml11_int(text: &str) -> Option<i128> {
    if yaml11(text) != Reading::Int {
        return None;
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let digits: String = unsigned.chars().filter(|&c| c != '_' && c != ',').collect();
    let lower = digits.to_ascii_lowercase();
    let value = if digits.contains(':') {
        digits.split(':').try_fold(0i128, |acc, part| {
            acc.checked_mul(60)?.checked_add(part.parse::<i128>().ok()?)
        })
    } else if let Some(hex) = lower.strip_prefix("0x") {
        i128::from_str_radix(hex, 16).ok()
    } else if let Some(bin) = lower.strip_prefix("0b") {
        i128::from_str_radix(bin, 2).ok()
    } else if let Some(oct) = lower.strip_prefix("0o") {
        i128::from_str_radix(oct, 8).ok()
    } else if digits.len() > 1 && digits.starts_with('0') {
        // `017` is octal for YAML 1.1; `09` is no octal number (go-yaml reads 9).
        i128::from_str_radix(&digits, 8)
            .or_else(|_| digits.parse())
            .ok()
    } else {
        digits.parse().ok()
    }?;
    Some(if negative { -value } else { value })
}

/// Whether a string written as a plain scalar would be misread by a YAML 1.1 reader,
/// so that the writer must quote it.
pub(crate) fn needs_quotes(text: &str) -> bool {
    yaml11(text) != Reading::Str
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn reads(texts: &[&str], want: Reading) {
        for t in texts {
            assert_eq!(yaml11(t), want, "{t:?}");
        }
    }

    #[test]
    fn booleans_and_nulls_in_every_spelling() {
        reads(
            &[
                "y", "Y", "yes", "Yes", "YES", "yEs", "true", "TRUE", "on", "On", "ON",
            ],
            Reading::Bool(true),
        );
        reads(
            &[
                "n", "N", "no", "No", "NO", "false", "False", "off", "Off", "OFF", "oFf",
            ],
            Reading::Bool(false),
        );
        reads(&["", "~", "null", "Null", "NULL", "nUll"], Reading::Null);
    }

    #[test]
    fn numbers_in_every_base_and_form() {
        reads(
            &[
                "0", "17", "017", "0o17", "0x1F", "0X1f", "0b101", "1_000", "+1", "-1", "09",
                "1,000", "1:20", "-1:20", "0:59",
            ],
            Reading::Int,
        );
        reads(
            &[
                "1.10",
                "1.0",
                "1.",
                "1e3",
                "1E+3",
                "1e-3",
                ".5",
                "+.5",
                "-1.5",
                ".inf",
                "-.Inf",
                "+.INF",
                ".NaN",
                ".nan",
                "190:20:30.15",
                "1_000.5",
                "+inf",
                "-Infinity",
                "0x1p3",
            ],
            Reading::Float,
        );
    }

    #[test]
    fn integer_values_for_messages() {
        for (text, want) in [
            ("1:20", Some(80)),
            ("-1:20", Some(-80)),
            ("190:20:30", Some(685_230)),
            ("017", Some(15)),
            ("0o17", Some(15)),
            ("0x1F", Some(31)),
            ("0b101", Some(5)),
            ("1_000", Some(1000)),
            ("1,000", Some(1000)),
            ("+1", Some(1)),
            ("09", Some(9)),
            ("0b1_0", Some(2)),
            ("0x_1F", Some(31)),
            ("1_0:20", Some(620)),
            ("1.5", None),
            ("yes", None),
        ] {
            assert_eq!(yaml11_int(text), want, "{text}");
        }
    }

    #[test]
    fn timestamps_and_keys() {
        reads(
            &[
                "2024-05-01",
                "2024-5-1",
                "2001-12-14t21:59:43.10-05:00",
                "2001-12-14 21:59:43.10 -5",
                "2001-12-15T02:59:43.1Z",
                "2024-05-01\t10:00:00",
                "2024-05-01T1:2:3Z",
                "2024-05-01 10:00:00 +0500",
                "2024-05-01T10:00:00.5+05:00",
            ],
            Reading::Timestamp,
        );
        reads(&["<<"], Reading::Merge);
        reads(&["="], Reading::ValueKey);
        reads(&[":name", "::"], Reading::Symbol);
    }

    #[test]
    fn strings_stay_strings() {
        reads(
            &[
                "yess",
                "nope",
                "Norway",
                "o",
                "t",
                "inf",
                "nan",
                "Infinity",
                "1st",
                "3D",
                "1.2.3",
                "v1.10",
                "2024-05",
                "2024-05-01x",
                "20240-05-01",
                "year-05-01",
                "2024-05-01 noon",
                "2024-05-01T10:00",
                "2024-05-01 10:00:00 standup",
                "2024-05-01 10:00:00+5:3",
                "1:60",
                "1:2:3:",
                "a:b",
                ":",
                "1,",
                "1,,0",
                "0x",
                "0b2",
                "0o8",
                ".",
                "-",
                "+",
                "e3",
                "1e",
                "1.0.0",
                "12:30 pm",
                "10:00am",
                "hello world",
                "<<<",
                "==",
            ],
            Reading::Str,
        );
    }

    #[test]
    fn near_numbers_stay_strings() {
        // A base prefix takes only its own digits; a hexadecimal float needs its `p`
        // and only `0x` has one; sexagesimal is digits, then `:` groups of one or two
        // digits, then at most one fraction of digits.
        reads(
            &[
                "0x1G", "0b12", "0x1.8", "0b1p3", "1a:20", "1:123", "1:20.5.5",
            ],
            Reading::Str,
        );
        reads(&["0b1_0", "0x_1F", "1_0:20"], Reading::Int);
    }

    #[test]
    fn each_reading_has_its_own_description() {
        for (reading, want) in [
            (Reading::Str, "a string"),
            (Reading::Null, "null"),
            (Reading::Bool(true), "the boolean true"),
            (Reading::Bool(false), "the boolean false"),
            (Reading::Int, "an integer"),
            (Reading::Float, "a float"),
            (Reading::Timestamp, "a date"),
            (Reading::Merge, "a merge key"),
            (Reading::ValueKey, "a value key"),
            (Reading::Symbol, "a Ruby symbol"),
        ] {
            assert_eq!(reading.describe(), want, "{reading:?}");
        }
    }

    #[test]
    fn quotes_exactly_what_a_reader_misreads() {
        for text in ["yes", "~", "017", "1.5", "2024-05-01", "<<", ":name"] {
            assert!(needs_quotes(text), "{text:?}");
        }
        for text in ["hello", "1st", "v1.10", "year-05-01", "1:20.5.5"] {
            assert!(!needs_quotes(text), "{text:?}");
        }
    }
}
