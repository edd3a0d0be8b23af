//! The formats masthead checks itself, in place of the engine's: dates with chrono's
//! calendar and front matter's timestamp forms, URLs with the url crate, each with a
//! reason a person can act on. It decides nothing about kinds of other keywords.

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
    let date = |r: Result<(), String>| r.err().map(|m| (Kind::MalformedDate, m));
    match name {
        "date" => date(check::format_date(s)),
        "date-time" => date(check::format_date_time(s, strict)),
        "time" => date(check::format_time(s, strict)),
        "uri" | "iri" => check::parse_url(s, if web { &["http", "https"] } else { &[] })
            .err()
            .map(|m| (Kind::MalformedUrl, m)),
        "uri-reference" | "iri-reference" => check::parse_url_reference(s)
            .err()
            .map(|m| (Kind::MalformedUrl, m)),
        _ => None,
    }
}

/// Whether the format is one of masthead's own.
pub(super) fn is_own(name: &str) -> bool {
    DATES.contains(&name) || URLS.contains(&name)
}
