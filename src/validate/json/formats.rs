//! The formats masthead checks itself, in place of the engine's: dates with chrono's
//! calendar and front matter's timestamp forms, URLs with the url crate and RFC 3986
//! (3987 for IRIs), each with a reason a person can act on. It decides nothing about
//! kinds of other keywords.

use crate::check;
use crate::diagnostic::Kind;

/// The formats whose check and reason are masthead's.
const DATES: [&str; 3] = ["date", "date-time", "time"];
const URLS: [&str; 4] = ["uri", "uri-reference", "iri", "iri-reference"];

/// Registers masthead's checks of the date and URL formats on `options`.
pub(super) fn register<R, F: jsonschema::json::Json>(
    options: jsonschema::ValidationOptions<'_, R, F>,
    strict: bool,
) -> jsonschema::ValidationOptions<'_, R, F> {
    let mut options = options;
    for name in DATES.into_iter().chain(URLS) {
        options = options.with_format(name, move |s: &str| {
            reason(name, s, strict, false).is_none()
        });
    }
    options
}

/// Why `s` is not of format `name` (for masthead's formats): its kind and the
/// whole message; `None` when it is, or when the format is not masthead's. `web`:
/// the field also wants an `http` or `https` URL (its `pattern` says so), which the
/// reason of a relative URL then shows as an example.
pub(super) fn reason(name: &str, s: &str, strict: bool, web: bool) -> Option<(Kind, String)> {
    if URLS.contains(&name) && plain_web_url(s) {
        return None;
    }
    let date = |r: Result<(), String>| r.err().map(|m| (Kind::MalformedDate, m));
    match name {
        "date" => date(check::format_date(s)),
        "date-time" => date(check::format_date_time(s, strict)),
        "time" => date(check::format_time(s, strict)),
        "uri" | "iri" => check::parse_url(s, if web { &["http", "https"] } else { &[] })
            .err()
            .or_else(|| rfc_reason(name, s))
            .map(|m| (Kind::MalformedUrl, m)),
        "uri-reference" | "iri-reference" => check::parse_url_reference(s)
            .err()
            .or_else(|| rfc_reason(name, s))
            .map(|m| (Kind::MalformedUrl, m)),
        _ => None,
    }
}

/// Whether `s` is an `http` or `https` URL of the plainest shape, which the url
/// crate and RFC 3986 and 3987 all read as one without question, so that the full
/// parses can be spared (nearly every URL in front matter has it): a host of
/// lower-case labels of letters, digits and inner hyphens, the last starting with a
/// letter (so never an IPv4 address), none punycode (`xn--`); no user, no port; then
/// only characters RFC 3986 allows as they stand, no `%`, at most one `#`. Anything
/// else goes to the full checks, which decide.
fn plain_web_url(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    // Byte by byte, without `str` patterns: this runs on every URL of every document.
    let rest = rest.as_bytes();
    let host_end = rest
        .iter()
        .position(|c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (host, tail) = rest.split_at(host_end);
    let label_ok = |b: &[u8]| {
        (1..=63).contains(&b.len())
            && b.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
            && b.first() != Some(&b'-')
            && b.last() != Some(&b'-')
            && !b.starts_with(b"xn--")
    };
    let last = host.rsplit(|c| *c == b'.').next().unwrap_or_default();
    if !host.split(|c| *c == b'.').all(label_ok)
        || !last.first().is_some_and(u8::is_ascii_lowercase)
    {
        return false;
    }
    let mut hashes = 0;
    for &c in tail {
        if !PLAIN_TAIL[usize::from(c)] {
            hashes += 1;
            if c != b'#' || hashes > 1 {
                return false;
            }
        }
    }
    true
}

/// The bytes RFC 3986 allows as they stand in a path, query or fragment
/// (unreserved, sub-delims, `:`, `@`, `/`, `?`): a table, since a URL's every byte
/// is looked up.
const PLAIN_TAIL: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
                    | b'/'
                    | b'?'
            );
        c += 1;
    }
    table
};

/// Why `s`, which the url crate reads, is not what RFC 3986 (a `uri` or
/// `uri-reference`) or RFC 3987 (an `iri` or `iri-reference`) calls one, or `None`.
/// url follows the WHATWG URL Standard, which percent-encodes a space, `"`, `<>`,
/// `|`, non-ASCII text in a URI and a stray `%`, and reads `\` as `/`; RFC 3986,
/// which the formats name (and feeds and sitemaps require), forbids them. The
/// message says which character and how to write it.
fn rfc_reason(name: &str, s: &str) -> Option<String> {
    use fluent_uri::{Iri, IriRef, Uri, UriRef};
    let (parsed, what) = match name {
        "uri" => (Uri::parse(s).map(drop), "a URI"),
        "uri-reference" => (UriRef::parse(s).map(drop), "a URI reference"),
        "iri" => (Iri::parse(s).map(drop), "an IRI"),
        _ => (IriRef::parse(s).map(drop), "an IRI reference"),
    };
    let e = parsed.err()?;
    let at = s.get(e.index()..).unwrap_or_default();
    let n = s.get(..e.index()).map_or(0, |head| head.chars().count()) + 1;
    use fluent_uri::ParseErrorKind as K;
    let reason = match e.kind() {
        K::InvalidPctEncodedOctet => {
            let octet: String = at.chars().take(3).collect();
            format!(
                "`{octet}` (character {n}) is not a percent-encoded byte (`%` and two hex \
                 digits), write a `%` itself as `%25`"
            )
        }
        K::InvalidIpv6Addr => "the host is not a valid IPv6 address".to_owned(),
        K::UnexpectedChar if name.ends_with("-reference") && colon_first(s) => format!(
            "a `:` in the first segment of a relative reference reads as a scheme, write \
             `./{s}`"
        ),
        K::UnexpectedChar => {
            let c = at.chars().next().unwrap_or(' ');
            let rfc = if name.starts_with("iri") {
                "RFC 3987"
            } else {
                "RFC 3986"
            };
            if c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c) {
                // A character some part allows: the parser stopped where it stands.
                format!("{rfc} does not allow `{c}` at character {n}")
            } else {
                let mut bytes = [0; 4];
                let encoded: String = c
                    .encode_utf8(&mut bytes)
                    .bytes()
                    .map(|b| format!("%{b:02X}"))
                    .collect();
                let shown = match c {
                    ' ' => "a space".to_owned(),
                    c if c.is_control() => format!("control character U+{:04X}", u32::from(c)),
                    c => format!("`{c}`"),
                };
                let iri = if c.is_ascii() || name.starts_with("iri") {
                    ""
                } else {
                    " (only in an IRI)"
                };
                format!(
                    "{shown} (character {n}) is not allowed in {what}{iri}, write it as \
                     `{encoded}`"
                )
            }
        }
    };
    Some(format!("invalid URL {}: {reason}", check::shown(s)))
}

/// Whether the format is one of masthead's own.
pub(super) fn is_own(name: &str) -> bool {
    DATES.contains(&name) || URLS.contains(&name)
}

/// Whether the first segment of `s` (up to `/`, `?` or `#`) has a `:` after
/// something that is not a scheme (a letter, then letters, digits, `+`, `-`, `.`).
fn colon_first(s: &str) -> bool {
    let first = s.split(['/', '?', '#']).next().unwrap_or_default();
    first.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            || !scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

#[cfg(test)]
mod tests {
    use super::{plain_web_url, reason, URLS};
    use proptest::prelude::*;

    /// The full checks of every URL format, without the shortcut.
    fn full(name: &str, s: &str) -> bool {
        use crate::check;
        let parsed = match name {
            "uri" | "iri" => check::parse_url(s, &[]).is_ok(),
            _ => check::parse_url_reference(s).is_ok(),
        };
        parsed && super::rfc_reason(name, s).is_none()
    }

    #[test]
    fn the_plain_shape_is_what_front_matter_writes() {
        for s in [
            "https://www.beehive.govt.nz/release/new-funding-2024",
            "http://example.org",
            "https://a-b.example/path/to/page?x=1&y=(2)#top",
            "https://blog.example/2024/05/01/it's-here/",
        ] {
            assert!(plain_web_url(s), "{s}");
            assert!(URLS.iter().all(|name| full(name, s)), "{s}");
        }
        for s in [
            "https://1.2.3.4/",
            "http://example.0x1/",
            "https://xn--nxasmq6b.example/",
            "https://Example.org/",
            "https://example.org:8080/",
            "https://user@example.org/",
            "https://example..org/",
            "https://-a.example/",
            "https://example.org/a%20b",
            "https://example.org/a b",
            "https://example.org/a#b#c",
            "https://example.org/[x]",
            "ftp://example.org/",
            "https:/example.org/",
        ] {
            assert!(!plain_web_url(s), "{s}");
        }
        // What the shortcut leaves to the full checks still fails there.
        assert!(reason("uri", "https://example.org/a b", false, false).is_some());
        assert!(reason("uri", "https://999.999.999.999/", false, false).is_some());
    }

    #[test]
    fn the_tail_table_holds_what_rfc_3986_allows_as_it_stands() {
        let allowed = b"-._~!$&'()*+,;=:@/?";
        for b in 0..=u8::MAX {
            let expected = b.is_ascii_alphanumeric() || allowed.contains(&b);
            assert_eq!(super::PLAIN_TAIL[usize::from(b)], expected, "byte {b:#04x}");
        }
    }

    proptest! {
        /// The shortcut says yes only where every full check says yes.
        #[test]
        fn the_shortcut_never_passes_what_the_full_checks_refuse(
            scheme in prop::sample::select(vec!["http://", "https://"]),
            host in "[a-z0-9.\\-]{0,12}",
            tail in "[a-zA-Z0-9/?#%:@!$&'()*+,;=._~ \\-]{0,16}",
        ) {
            let s = format!("{scheme}{host}{tail}");
            if plain_web_url(&s) {
                for name in URLS {
                    prop_assert!(full(name, &s), "{} is no {}", s, name);
                }
            }
        }
    }
}
