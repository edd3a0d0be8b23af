//! Scalars as the full deserializer reads them: the escapes of double-quoted scalars
//! and the resolution of plain ones (null, booleans, integers, floats). Pure functions
//! of the text; they never choose a visitor (the deserializer does).

use std::num::ParseIntError;

/// The length of the escape after a `\` (its letter and any hex digits), when the
/// YAML scanner accepts it.
pub(super) fn escape_len(rest: &[u8]) -> Option<usize> {
    let digits = match rest.first()? {
        b'0' | b'a' | b'b' | b't' | b'n' | b'v' | b'f' | b'r' | b'e' | b' ' | b'"' | b'/'
        | b'\\' | b'N' | b'_' | b'L' | b'P' => return Some(1),
        b'x' => 2,
        b'u' => 4,
        b'U' => 8,
        _ => return None,
    };
    let hex = rest.get(1..=digits)?;
    let mut code = 0u32;
    for &h in hex {
        code = (code << 4) | char::from(h).to_digit(16)?;
    }
    char::from_u32(code)?;
    Some(1 + digits)
}

/// The value of a double-quoted scalar's inside, escapes resolved.
pub(super) fn unescape(inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let letter = after.bytes().next()?;
        let (c, used) = match letter {
            b'0' => ('\0', 1),
            b'a' => ('\x07', 1),
            b'b' => ('\x08', 1),
            b't' => ('\t', 1),
            b'n' => ('\n', 1),
            b'v' => ('\x0B', 1),
            b'f' => ('\x0C', 1),
            b'r' => ('\r', 1),
            b'e' => ('\x1B', 1),
            b' ' => (' ', 1),
            b'"' => ('"', 1),
            b'/' => ('/', 1),
            b'\\' => ('\\', 1),
            b'N' => ('\u{85}', 1),
            b'_' => ('\u{A0}', 1),
            b'L' => ('\u{2028}', 1),
            b'P' => ('\u{2029}', 1),
            b'x' | b'u' | b'U' => {
                let digits = match letter {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let hex = after.get(1..=digits)?;
                let code = u32::from_str_radix(hex, 16).ok()?;
                (char::from_u32(code)?, 1 + digits)
            }
            _ => return None,
        };
        out.push(c);
        rest = after.get(used..)?;
    }
    out.push_str(rest);
    Some(out)
}

// The resolution of plain scalars, as the full deserializer does it (YAML 1.2 core
// schema with its own choices: `0o` and `0b` prefixes, signs before `0x`, leading
// zeros make a string, `1_000` is a string).

#[inline]
pub(super) fn is_null(v: &str) -> bool {
    matches!(v, "null" | "Null" | "NULL" | "~")
}

#[inline]
pub(super) fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

type Radix<T> = fn(&str, u32) -> std::result::Result<T, ParseIntError>;

pub(super) fn parse_unsigned_int<T>(scalar: &str, from_str_radix: Radix<T>) -> Option<T> {
    let unpositive = scalar.strip_prefix('+').unwrap_or(scalar);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(int) = from_str_radix(rest, radix) {
                return Some(int);
            }
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

pub(super) fn parse_signed_int<T>(scalar: &str, from_str_radix: Radix<T>) -> Option<T> {
    let unpositive = if let Some(unpositive) = scalar.strip_prefix('+') {
        if unpositive.starts_with(['+', '-']) {
            return None;
        }
        unpositive
    } else {
        scalar
    };
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(int) = from_str_radix(rest, radix) {
                return Some(int);
            }
        }
        if let Some(int) = negative_prefixed(scalar, prefix, radix, from_str_radix) {
            return Some(int);
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

/// `-0x1F` and friends: the digits read with the minus sign in front.
fn negative_prefixed<T>(
    scalar: &str,
    prefix: &str,
    radix: u32,
    from_str_radix: Radix<T>,
) -> Option<T> {
    let rest = scalar.strip_prefix('-')?.strip_prefix(prefix)?;
    from_str_radix(&format!("-{rest}"), radix).ok()
}

pub(super) fn parse_negative_int<T>(scalar: &str, from_str_radix: Radix<T>) -> Option<T> {
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(int) = negative_prefixed(scalar, prefix, radix, from_str_radix) {
            return Some(int);
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(scalar, 10).ok()
}

pub(super) fn parse_f64(scalar: &str) -> Option<f64> {
    let unpositive = if let Some(unpositive) = scalar.strip_prefix('+') {
        if unpositive.starts_with(['+', '-']) {
            return None;
        }
        unpositive
    } else {
        scalar
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = scalar {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = scalar {
        return Some(f64::NAN.copysign(1.0));
    }
    unpositive.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Leading zeros followed by digits only make a string (YAML 1.2).
#[inline]
pub(super) fn digits_but_not_number(scalar: &str) -> bool {
    let scalar = scalar.strip_prefix(['-', '+']).unwrap_or(scalar);
    scalar.len() > 1 && scalar.starts_with('0') && scalar[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{escape_len, unescape};

    /// Every escape the scanner knows, and near misses: the escape (after its `\`),
    /// its length when [`escape_len`] accepts it, and its character.
    const ESCAPES: &[(&str, Option<usize>, Option<char>)] = &[
        ("0", Some(1), Some('\0')),
        ("a", Some(1), Some('\x07')),
        ("b", Some(1), Some('\x08')),
        ("t", Some(1), Some('\t')),
        ("n", Some(1), Some('\n')),
        ("v", Some(1), Some('\x0B')),
        ("f", Some(1), Some('\x0C')),
        ("r", Some(1), Some('\r')),
        ("e", Some(1), Some('\x1B')),
        (" ", Some(1), Some(' ')),
        ("\"", Some(1), Some('"')),
        ("/", Some(1), Some('/')),
        ("\\", Some(1), Some('\\')),
        ("N", Some(1), Some('\u{85}')),
        ("_", Some(1), Some('\u{A0}')),
        ("L", Some(1), Some('\u{2028}')),
        ("P", Some(1), Some('\u{2029}')),
        ("x41", Some(3), Some('A')),
        ("xfF", Some(3), Some('\u{FF}')),
        ("u00e9", Some(5), Some('é')),
        ("u2028", Some(5), Some('\u{2028}')),
        ("uFFFD", Some(5), Some('\u{FFFD}')),
        ("U0001F600", Some(9), Some('😀')),
        ("U0010FFFF", Some(9), Some('\u{10FFFF}')),
        // A surrogate, past the last code point, too few or bad digits, an unknown
        // letter: the scanner refuses them all.
        ("uD800", None, None),
        ("uDFFF", None, None),
        ("U00110000", None, None),
        ("x4", None, None),
        ("xg1", None, None),
        ("u12", None, None),
        ("q", None, None),
        ("", None, None),
    ];

    /// Plain scalars that resolution treats differently: words, signs, prefixes,
    /// leading zeros, the edges of the integer types, floats.
    const PLAIN: &[&str] = &[
        "",
        "~",
        "null",
        "Null",
        "NULL",
        "nULL",
        "true",
        "True",
        "TRUE",
        "tRUE",
        "false",
        "False",
        "FALSE",
        "yes",
        "0",
        "-0",
        "+0",
        "00",
        "007",
        "-007",
        "+007",
        "08",
        "0.",
        "1",
        "-1",
        "+1",
        "++1",
        "+-1",
        "-+1",
        "--1",
        "12",
        "+12",
        "-12",
        "1_000",
        "0x1F",
        "0X1F",
        "0x",
        "0x-1",
        "0x+1",
        "-0x1F",
        "+0x1F",
        "-0x-1",
        "+0x-1",
        "0o17",
        "-0o17",
        "+0o17",
        "0o8",
        "0b101",
        "-0b101",
        "+0b101",
        "0b2",
        "-0b",
        "0xffffffffffffffff",
        "0x10000000000000000",
        "-0x8000000000000000",
        "-0x8000000000000001",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "1.5",
        "-1.5",
        "+1.5",
        ".5",
        "-.5",
        "+.5",
        "1e3",
        "1E3",
        "-1e3",
        "+1e-3",
        "1.",
        ".inf",
        ".Inf",
        ".INF",
        "+.inf",
        "-.inf",
        "-.Inf",
        "-.INF",
        ".nan",
        ".NaN",
        ".NAN",
        "-.nan",
        "+.nan",
        "inf",
        "nan",
        "infinity",
        "1e999",
        "-1e999",
        "0.0",
        "-0.0",
        "00.5",
        "0e0",
        "1,000",
        "1:20",
        "x1",
    ];

    /// Each resolution function gives what serde_yaml reads for that type, or
    /// nothing where serde_yaml reads something else.
    #[test]
    fn plain_scalars_resolve_as_serde_yaml_resolves_them() {
        use super::*;
        use crate::value::Value;
        for &s in PLAIN {
            let value = serde_yaml::from_str::<Value<'_>>(s).ok();
            assert_eq!(
                is_null(s),
                value == Some(Value::Null) && !s.is_empty(),
                "{s:?}"
            );
            assert_eq!(parse_bool(s), serde_yaml::from_str::<bool>(s).ok(), "{s:?}");
            let signed = serde_yaml::from_str::<i64>(s).ok();
            assert_eq!(parse_signed_int(s, i64::from_str_radix), signed, "{s:?}");
            let signed = serde_yaml::from_str::<i128>(s).ok();
            assert_eq!(parse_signed_int(s, i128::from_str_radix), signed, "{s:?}");
            let unsigned = serde_yaml::from_str::<u64>(s).ok();
            assert_eq!(
                parse_unsigned_int(s, u64::from_str_radix),
                unsigned,
                "{s:?}"
            );
            let unsigned = serde_yaml::from_str::<u128>(s).ok();
            assert_eq!(
                parse_unsigned_int(s, u128::from_str_radix),
                unsigned,
                "{s:?}"
            );
            let negative = signed.filter(|n| *n < 0);
            assert_eq!(
                parse_negative_int(s, i128::from_str_radix).filter(|n| *n < 0),
                negative,
                "{s:?}"
            );
            let float = serde_yaml::from_str::<f64>(s)
                .ok()
                .map(|f| format!("{f:?}"));
            let ours = parse_f64(s).map(|f| format!("{f:?}"));
            if ours.is_some() || !matches!(value, Some(Value::Int(_))) {
                assert_eq!(ours, float, "{s:?}");
            }
            // Digits after at most one sign that serde_yaml reads as a string.
            let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
            let not_number = matches!(value, Some(Value::Str(_)))
                && !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit());
            assert_eq!(digits_but_not_number(s), not_number, "{s:?}");
        }
    }

    #[test]
    fn escapes_have_their_length() {
        for &(escape, len, _) in ESCAPES {
            // A letter that is no hex digit after the escape, as the text goes on.
            let rest = format!("{escape}zz");
            assert_eq!(escape_len(rest.as_bytes()), len, "\\{escape}");
        }
    }

    /// [`unescape`] against serde_yaml on the same double-quoted scalar, and the
    /// table: every escape alone, between text, and twice in a row.
    #[test]
    fn escapes_read_as_serde_yaml_reads_them() {
        for &(escape, _, c) in ESCAPES {
            for inner in [
                format!("\\{escape}"),
                format!("ab\\{escape}zz"),
                format!("\\{escape}.\\{escape}"),
            ] {
                let serde = serde_yaml::from_str::<String>(&format!("\"{inner}\"")).ok();
                let ours = unescape(&inner);
                assert_eq!(ours, serde, "{inner:?}");
                if let Some(c) = c {
                    assert!(ours.is_some_and(|s| s.contains(c)), "{inner:?}");
                }
            }
        }
        assert_eq!(unescape("no escapes").as_deref(), Some("no escapes"));
        assert_eq!(unescape("ends in \\"), None);
    }
}
