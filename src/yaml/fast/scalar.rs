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
