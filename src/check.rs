//! Dates and URLs with human reasons: the shared checks behind [`Release`](crate::Release),
//! the validation rules and the TOML bridge. Each returns the whole message; it picks
//! no [`Kind`](crate::Kind) and knows nothing of serde or of any format. It sits at the
//! bottom, beside the data types, because a bridge and validation both use it.

use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};
use url::Url;

/// Parses `YYYY-MM-DD`, or an RFC 3339 date-time whose date (as written, in its own
/// offset) is kept. The error is the whole message: ``invalid date `…`: reason``.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let reason = match s.get(..10).map(|head| (head, ymd(head))) {
        Some((head, Some((y, m, d)))) => {
            if let Some(reason) = date_reason(y, m, d) {
                reason
            } else if head.len() == s.len() {
                // `ymd` checked the shape and `date_reason` the ranges.
                return NaiveDate::from_ymd_opt(y, m, d)
                    .ok_or_else(|| format!("invalid date `{s}`: it is out of range"));
            } else {
                match chrono::DateTime::parse_from_rfc3339(s) {
                    Ok(t) => match chrono_leap_reason(&t) {
                        None => return Ok(t.date_naive()),
                        Some(reason) => reason,
                    },
                    Err(e) => format!(
                        "the time part does not follow RFC 3339 ({})",
                        chrono_reason(&e)
                    ),
                }
            }
        }
        _ => "expected `YYYY-MM-DD` or an RFC 3339 date-time".to_owned(),
    };
    Err(format!("invalid date {}: {reason}", shown(s)))
}

/// `format: date`: exactly `YYYY-MM-DD`, a day that exists. The error is the whole
/// message: ``invalid date `…`: reason``.
pub(crate) fn format_date(s: &str) -> Result<(), String> {
    let reason = match ymd(s) {
        Some((y, m, d)) => match date_reason(y, m, d) {
            None => return Ok(()),
            Some(reason) => reason,
        },
        None => "expected `YYYY-MM-DD`".to_owned(),
    };
    Err(format!("invalid date {}: {reason}", shown(s)))
}

/// `format: date-time`. Strict: RFC 3339 exactly (chrono's reading). Otherwise also
/// the forms front matter is written in: a date alone, a space for the `T`, no
/// seconds, no offset (UTC), a space before the offset, `+HHMM`. The date must
/// exist either way. The error is the whole message: ``invalid date `…`: reason``.
pub(crate) fn format_date_time(s: &str, strict: bool) -> Result<(), String> {
    let head = s.get(..10).unwrap_or(s);
    let reason = match ymd(head) {
        None => "expected `YYYY-MM-DD` or an RFC 3339 date-time".to_owned(),
        Some((y, m, d)) => match date_reason(y, m, d) {
            Some(reason) => reason,
            None if strict => match chrono::DateTime::parse_from_rfc3339(s) {
                Ok(t) => match chrono_leap_reason(&t) {
                    None => return Ok(()),
                    Some(reason) => reason,
                },
                Err(_) if head.len() == s.len() => {
                    "a date alone, expected an RFC 3339 date-time such as `2024-05-01T09:30:00Z`"
                        .to_owned()
                }
                Err(e) => format!(
                    "the time part does not follow RFC 3339 ({})",
                    chrono_reason(&e)
                ),
            },
            None => {
                let rest = &s[head.len()..];
                let time = rest.strip_prefix(['T', 't', ' ']).filter(|t| !t.is_empty());
                match (rest.is_empty(), time) {
                    (true, _) => return Ok(()),
                    (false, Some(t)) => match time_reason(t, true) {
                        None => return Ok(()),
                        Some(reason) => reason,
                    },
                    (false, None) => format!(
                        "unexpected text `{rest}` after the date, expected `T` or a space and a time"
                    ),
                }
            }
        },
    };
    Err(format!("invalid date {}: {reason}", shown(s)))
}

/// `format: time`: `HH:MM:SS` with an optional fraction and an offset; the offset
/// may be left out (UTC), and the seconds too, unless `strict`. The error is the
/// whole message: ``invalid time `…`: reason``.
pub(crate) fn format_time(s: &str, strict: bool) -> Result<(), String> {
    let reason = if strict {
        match chrono::DateTime::parse_from_rfc3339(&format!("2000-01-01T{s}")) {
            Ok(t) => match chrono_leap_reason(&t) {
                None => return Ok(()),
                Some(reason) => reason,
            },
            Err(e) => format!("it does not follow RFC 3339 ({})", chrono_reason(&e)),
        }
    } else {
        match time_reason(s, false) {
            None => return Ok(()),
            Some(reason) => reason,
        }
    };
    Err(format!("invalid time {}: {reason}", shown(s)))
}

/// Why `t` is not `HH:MM[:SS[.fraction]]` with an optional offset (`Z`, `±HH:MM`,
/// `±HHMM`, after an optional space), or `None`.
fn time_reason(t: &str, in_date_time: bool) -> Option<String> {
    let b = t.as_bytes();
    let two = |i: usize| -> Option<u32> {
        let d = b.get(i..i + 2)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0'))
    };
    let expected = if in_date_time {
        "the time is not `HH:MM[:SS]` with an optional offset"
    } else {
        "expected `HH:MM[:SS]` with an optional offset"
    };
    let (Some(h), Some(m)) = (two(0), two(3)) else {
        return Some(expected.to_owned());
    };
    if b.get(2) != Some(&b':') {
        return Some(expected.to_owned());
    }
    if h > 23 {
        return Some(format!("hour {h} is out of range"));
    }
    if m > 59 {
        return Some(format!("minute {m} is out of range"));
    }
    let mut i = 5;
    let mut leap = false;
    if b.get(i) == Some(&b':') {
        let Some(sec) = two(i + 1) else {
            return Some(expected.to_owned());
        };
        leap = sec == 60;
        if sec > 60 {
            return Some(format!("second {sec} is out of range"));
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return Some(expected.to_owned());
            }
            i += 1 + digits;
        }
    }
    let offset = t[i..].strip_prefix(' ').unwrap_or(&t[i..]);
    let Some(east) = offset_minutes(offset) else {
        return Some(format!(
            "unexpected offset `{offset}`, expected `Z` or `+HH:MM`"
        ));
    };
    if leap {
        return leap_reason(h, m, east);
    }
    None
}

/// The minutes east of UTC of an offset as [`time_reason`] reads it: none (UTC),
/// `Z`, `±HH:MM`, `±HHMM` or `±HH`; `None` when it is not one.
fn offset_minutes(offset: &str) -> Option<i32> {
    let ob = offset.as_bytes();
    match ob.first() {
        None => Some(0),
        Some(b'Z' | b'z') => (ob.len() == 1).then_some(0),
        Some(sign @ (b'+' | b'-')) => {
            let o = &offset[1..];
            if !o.bytes().all(|c| c.is_ascii_digit() || c == b':') {
                return None;
            }
            let (oh, om) = match o.len() {
                5 if o.as_bytes()[2] == b':' => (o.get(..2)?, o.get(3..)?),
                4 => (o.get(..2)?, o.get(2..)?),
                2 => (o.get(..2)?, "00"),
                _ => return None,
            };
            let (h, m) = (oh.parse::<i32>().ok()?, om.parse::<i32>().ok()?);
            let east = h * 60 + m;
            (h < 24 && m < 60).then_some(if *sign == b'-' { -east } else { east })
        }
        _ => None,
    }
}

/// Why a leap second of a time chrono read is not one (see [`leap_reason`]), or
/// `None`, also when the time has no leap second. chrono keeps second 60 as second
/// 59 with a nanosecond of a second or more, and accepts it in any minute.
fn chrono_leap_reason(t: &DateTime<FixedOffset>) -> Option<String> {
    if t.nanosecond() < 1_000_000_000 {
        return None;
    }
    leap_reason(t.hour(), t.minute(), t.offset().local_minus_utc() / 60)
}

/// Why second 60 at `h:m` local time, `east` minutes east of UTC, is not a leap
/// second, or `None`: RFC 3339 (section 5.7) has one only at 23:59:60 UTC, so
/// `15:59:60-08:00` is one and `23:59:60+01:00` is not. Which days had one is not
/// checked (that needs a table that grows).
fn leap_reason(h: u32, m: u32, east: i32) -> Option<String> {
    let local = i32::try_from(h * 60 + m).unwrap_or(0);
    let utc = (local - east).rem_euclid(24 * 60);
    (utc != 23 * 60 + 59).then(|| {
        let at = format!("{:02}:{:02}:60", utc / 60, utc % 60);
        let local = format!("{h:02}:{m:02}:60");
        if at == local && east == 0 {
            format!("a leap second (second 60) falls only at 23:59:60 UTC, not at {at}")
        } else {
            format!(
                "a leap second (second 60) falls only at 23:59:60 UTC, and {local} here is {at} UTC"
            )
        }
    })
}

/// `format: uri-reference`: an absolute URL, or a relative reference that resolves
/// against one. The error is the whole message: ``invalid URL `…`: reason``.
pub(crate) fn parse_url_reference(s: &str) -> Result<(), String> {
    match Url::parse(s) {
        Ok(_) => Ok(()),
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            let base = Url::parse("http://example.invalid/").map_err(|e| e.to_string())?;
            base.join(s)
                .map(|_| ())
                .map_err(|e| format!("invalid URL {}: {}", shown(s), url_reason(e, &[])))
        }
        Err(e) => Err(format!("invalid URL {}: {}", shown(s), url_reason(e, &[]))),
    }
}

/// A value as messages show it: in backticks, or `""` when it is empty or white
/// space only (two backticks around nothing read as a typo).
pub(crate) fn shown(value: &str) -> String {
    if value.trim().is_empty() {
        format!("\"{value}\"")
    } else {
        format!("`{value}`")
    }
}

/// Year, month and day of exactly `DDDD-DD-DD`.
fn ymd(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    Some((
        s[..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..10].parse().ok()?,
    ))
}

/// Why `y-m-d` is not a date, or `None` when it is one.
fn date_reason(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1..=12).contains(&m) {
        return Some(format!("month {m} is out of range"));
    }
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if d == 0 {
        return Some("day 0 is out of range".to_owned());
    }
    (d > days).then(|| format!("{y:04}-{m:02} has {days} days"))
}

fn chrono_reason(e: &chrono::ParseError) -> &'static str {
    use chrono::format::ParseErrorKind as K;
    match e.kind() {
        K::OutOfRange => "a field is out of range",
        K::TooShort => "it ends too early",
        K::TooLong => "unexpected text after it",
        K::Invalid => "unexpected characters",
        _ => "it is incomplete",
    }
}

/// Parses an absolute URL and, when `schemes` is not empty, checks its scheme. The
/// error is the whole message: ``invalid URL `…`: reason``.
pub(crate) fn parse_url(s: &str, schemes: &[&str]) -> Result<Url, String> {
    let reason = match Url::parse(s) {
        Ok(url) if schemes.is_empty() || schemes.contains(&url.scheme()) => return Ok(url),
        Ok(url) => format!(
            "scheme `{}` is not allowed, expected {}",
            url.scheme(),
            one_of(schemes)
        ),
        Err(e) => url_reason(e, schemes).to_owned(),
    };
    Err(format!("invalid URL {}: {reason}", shown(s)))
}

fn url_reason(e: url::ParseError, schemes: &[&str]) -> &'static str {
    use url::ParseError as E;
    match e {
        E::RelativeUrlWithoutBase if schemes.contains(&"https") => {
            "a relative URL, expected an absolute one such as `https://example.org/page`"
        }
        E::RelativeUrlWithoutBase | E::RelativeUrlWithCannotBeABaseBase => {
            "a relative URL, expected an absolute one with a scheme"
        }
        E::EmptyHost => "the host is empty",
        E::IdnaError => "the host is not a valid international domain name",
        E::InvalidPort => "the port is not a number from 0 to 65535",
        E::InvalidIpv4Address => "the host is not a valid IPv4 address",
        E::InvalidIpv6Address => "the host is not a valid IPv6 address",
        E::InvalidDomainCharacter => "the host contains a character that a domain cannot have",
        E::Overflow => "it is too long",
        _ => "it cannot be parsed",
    }
}

/// `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` ``.
pub(crate) fn one_of(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn bad_date(s: &str, message: &str) {
        assert_eq!(parse_date(s), Err(message.to_owned()));
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2024-05-13"),
            Ok(NaiveDate::from_ymd_opt(2024, 5, 13).unwrap())
        );
        assert_eq!(
            parse_date("0001-01-01"),
            Ok(NaiveDate::from_ymd_opt(1, 1, 1).unwrap())
        );
        assert_eq!(
            parse_date("2024-02-29"),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap())
        );
        assert_eq!(
            parse_date("2024-05-13T23:30:00-05:00"),
            Ok(NaiveDate::from_ymd_opt(2024, 5, 13).unwrap())
        );
        assert_eq!(
            parse_date("2024-05-13 08:00:00Z"),
            Ok(NaiveDate::from_ymd_opt(2024, 5, 13).unwrap())
        );
        bad_date(
            "2024-13-45",
            "invalid date `2024-13-45`: month 13 is out of range",
        );
        bad_date(
            "2024-00-10",
            "invalid date `2024-00-10`: month 0 is out of range",
        );
        bad_date(
            "2024-02-30",
            "invalid date `2024-02-30`: 2024-02 has 29 days",
        );
        bad_date(
            "2023-02-29",
            "invalid date `2023-02-29`: 2023-02 has 28 days",
        );
        bad_date(
            "1900-02-29",
            "invalid date `1900-02-29`: 1900-02 has 28 days",
        );
        bad_date(
            "2024-04-00",
            "invalid date `2024-04-00`: day 0 is out of range",
        );
        bad_date(
            "2024-13-01T00:00:00Z",
            "invalid date `2024-13-01T00:00:00Z`: month 13 is out of range",
        );
        bad_date(
            "13/05/2024",
            "invalid date `13/05/2024`: expected `YYYY-MM-DD` or an RFC 3339 date-time",
        );
        bad_date(
            "2024-5-13",
            "invalid date `2024-5-13`: expected `YYYY-MM-DD` or an RFC 3339 date-time",
        );
        bad_date(
            "",
            "invalid date \"\": expected `YYYY-MM-DD` or an RFC 3339 date-time",
        );
        bad_date(
            "2024-05-1é",
            "invalid date `2024-05-1é`: expected `YYYY-MM-DD` or an RFC 3339 date-time",
        );
        bad_date(
            "2024-05-13T25:00:00Z",
            "invalid date `2024-05-13T25:00:00Z`: the time part does not follow RFC 3339 (a field is out of range)",
        );
        bad_date(
            "2024-05-13 tomorrow",
            "invalid date `2024-05-13 tomorrow`: the time part does not follow RFC 3339 (unexpected characters)",
        );
    }

    #[test]
    fn a_leap_second_only_at_23_59_60_utc() {
        for strict in [true, false] {
            for ok in [
                "23:59:60Z",
                "23:59:60+00:00",
                "01:29:60+01:30",
                "15:59:60-08:00",
                "00:29:60-23:30",
                "23:59:60.5Z",
            ] {
                assert_eq!(format_time(ok, strict), Ok(()), "{ok} strict={strict}");
            }
            for ok in ["1998-12-31T23:59:60Z", "1998-12-31T15:59:60.123-08:00"] {
                assert_eq!(format_date_time(ok, strict), Ok(()), "{ok} strict={strict}");
            }
            let leap = "a leap second (second 60) falls only at 23:59:60 UTC";
            for (got, want) in [
                (
                    format_time("22:59:60Z", strict),
                    format!("invalid time `22:59:60Z`: {leap}, not at 22:59:60"),
                ),
                (
                    format_time("23:59:60+01:00", strict),
                    format!(
                        "invalid time `23:59:60+01:00`: {leap}, and 23:59:60 here is 22:59:60 UTC"
                    ),
                ),
                (
                    format_time("23:59:60-00:30", strict),
                    format!(
                        "invalid time `23:59:60-00:30`: {leap}, and 23:59:60 here is 00:29:60 UTC"
                    ),
                ),
                (
                    format_date_time("1998-12-31T23:58:60Z", strict),
                    format!("invalid date `1998-12-31T23:58:60Z`: {leap}, not at 23:58:60"),
                ),
            ] {
                assert_eq!(got, Err(want), "strict={strict}");
            }
        }
        // Without an offset, the lenient forms read UTC.
        assert_eq!(format_time("23:59:60", false), Ok(()));
        assert_eq!(format_date_time("2016-12-31 23:59:60", false), Ok(()));
        assert!(format_time("23:58:60", false).is_err());
        assert_eq!(
            format_date_time("2016-12-31 23:59:61", false).unwrap_err(),
            "invalid date `2016-12-31 23:59:61`: second 61 is out of range"
        );
        assert_eq!(
            parse_date("2016-12-31T23:59:60Z"),
            Ok(NaiveDate::from_ymd_opt(2016, 12, 31).unwrap())
        );
        bad_date(
            "2016-12-31T12:59:60+01:00",
            "invalid date `2016-12-31T12:59:60+01:00`: a leap second (second 60) falls only at 23:59:60 UTC, and 12:59:60 here is 11:59:60 UTC",
        );
    }

    #[test]
    fn urls() {
        let web = ["http", "https"];
        assert!(parse_url("https://www.beehive.govt.nz/release/x", &web).is_ok());
        assert!(parse_url("mailto:a@b.nz", &[]).is_ok());
        assert_eq!(
            parse_url("/release/x", &web).unwrap_err(),
            "invalid URL `/release/x`: a relative URL, expected an absolute one such as `https://example.org/page`"
        );
        assert_eq!(
            parse_url("ftp://x.nz/", &web).unwrap_err(),
            "invalid URL `ftp://x.nz/`: scheme `ftp` is not allowed, expected `http` or `https`"
        );
        assert_eq!(
            parse_url("https://x.nz:99999/", &web).unwrap_err(),
            "invalid URL `https://x.nz:99999/`: the port is not a number from 0 to 65535"
        );
        assert_eq!(
            parse_url("https://", &web).unwrap_err(),
            "invalid URL `https://`: the host is empty"
        );
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(one_of(&["a"]), "`a`");
    }
}
