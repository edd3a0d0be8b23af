//! [`Release`], the reference document's metadata, and the serde visitors behind it.
//! It checks values through serde only: it knows no YAML, no positions and no schema.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use url::Url;

use crate::check;
use crate::diagnostic::raised::raise;
use crate::diagnostic::Kind;

/// The front matter of a New Zealand government press release, the reference
/// document of this crate (55,167 of them, 1996 to today).
///
/// Every field but `attachments` is required. Deserializing checks what the type
/// promises, with the same messages as the `release` schema:
///
/// - `title`, and every entry of `ministers` and `portfolios`, is a non-blank string:
///   `title:`, `title: ~` and `title: ""` are [`EmptyValue`](crate::Kind::EmptyValue)
///   errors, never the text `"~"` or `""`;
/// - `ministers` and `portfolios` have at least one entry;
/// - `date` is `YYYY-MM-DD`, or an RFC 3339 date-time whose date, as written, is kept;
/// - `url` is an absolute `http` or `https` URL, and each attachment an absolute URL.
///
/// Other keys are allowed and ignored.
///
/// # Examples
///
/// ```
/// use masthead::Release;
///
/// let src = "---
/// title: \"New Zealand expresses regret at North Korea’s aggressive rhetoric\"
/// date: 2024-05-13
/// url: https://www.beehive.govt.nz/release/new-zealand-expresses-regret-north-koreas-aggressive-rhetoric
/// ministers:
///   - Rt Hon Winston Peters
/// portfolios:
///   - Foreign Affairs
/// ---
///
/// Foreign Minister Winston Peters has today expressed regret ...
/// ";
/// let release = masthead::from_str::<Release>(src)?.metadata;
/// assert_eq!(release.date.to_string(), "2024-05-13");
/// assert_eq!(release.url.host_str(), Some("www.beehive.govt.nz"));
/// assert_eq!(release.ministers, ["Rt Hon Winston Peters"]);
/// assert!(release.attachments.is_empty());
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Release {
    /// The headline.
    #[serde(deserialize_with = "text")]
    pub title: String,
    /// The day of publication.
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
    /// Where the release is published.
    #[serde(deserialize_with = "web_url")]
    pub url: Url,
    /// The ministers who issued it.
    #[serde(deserialize_with = "texts")]
    pub ministers: Vec<String>,
    /// The portfolios it belongs to.
    #[serde(deserialize_with = "texts")]
    pub portfolios: Vec<String>,
    /// Linked documents; empty when absent.
    #[serde(default, deserialize_with = "urls")]
    pub attachments: Vec<Url>,
}

/// Whether `v` is empty or white space only (`v.trim().is_empty()`, which it
/// decides from the first character that is not white space, usually the first).
fn blank(v: &str) -> bool {
    v.chars().all(char::is_whitespace)
}

/// Deserializes through a visitor that validates *inside* `visit_*`, so that the
/// YAML deserializer positions any error at the value itself.
struct Text;

impl<'de> Visitor<'de> for Text {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a non-empty string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        if blank(v) {
            Err(raise(
                Kind::EmptyValue,
                format!(
                    "blank value {}, expected a non-empty string",
                    check::shown(v)
                ),
            ))
        } else {
            Ok(v.to_owned())
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<String, E> {
        Err(raise(
            Kind::EmptyValue,
            "null value, expected a non-empty string",
        ))
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_option(Text)
}

/// A string entry of a list, checked like [`Text`].
struct TextEntry(String);

impl<'de> Deserialize<'de> for TextEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_option(Text).map(TextEntry)
    }
}

struct Texts;

impl<'de> Visitor<'de> for Texts {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of non-empty strings")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(1).min(64));
        while let Some(TextEntry(s)) = seq.next_element()? {
            out.push(s);
        }
        if out.is_empty() {
            return Err(raise(
                Kind::EmptyValue,
                "empty list, expected at least one entry",
            ));
        }
        Ok(out)
    }

    fn visit_none<E: de::Error>(self) -> Result<Vec<String>, E> {
        Err(raise(
            Kind::EmptyValue,
            "null value, expected a list of non-empty strings",
        ))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<String>, E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Vec<String>, D::Error> {
        d.deserialize_seq(self)
    }
}

fn texts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    d.deserialize_option(Texts)
}

struct Date;

impl<'de> Visitor<'de> for Date {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        if blank(v) {
            return Err(raise(
                Kind::EmptyValue,
                format!("blank value {}, expected a date", check::shown(v)),
            ));
        }
        check::parse_date(v).map_err(|m| raise(Kind::MalformedDate, m))
    }

    fn visit_none<E: de::Error>(self) -> Result<NaiveDate, E> {
        Err(raise(Kind::EmptyValue, "null value, expected a date"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<NaiveDate, E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(self)
    }
}

fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_option(Date)
}

/// A URL, restricted to `schemes` when that is not empty.
#[derive(Clone, Copy)]
struct UrlVisitor(&'static [&'static str]);

const WEB: &[&str] = &["http", "https"];

impl<'de> Visitor<'de> for UrlVisitor {
    type Value = Url;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a URL")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Url, E> {
        if blank(v) {
            return Err(raise(
                Kind::EmptyValue,
                format!("blank value {}, expected a URL", check::shown(v)),
            ));
        }
        check::parse_url(v, self.0).map_err(|m| raise(Kind::MalformedUrl, m))
    }

    fn visit_none<E: de::Error>(self) -> Result<Url, E> {
        Err(raise(Kind::EmptyValue, "null value, expected a URL"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Url, E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Url, D::Error> {
        d.deserialize_str(self)
    }
}

fn web_url<'de, D: Deserializer<'de>>(d: D) -> Result<Url, D::Error> {
    d.deserialize_option(UrlVisitor(WEB))
}

struct UrlEntry(Url);

impl<'de> Deserialize<'de> for UrlEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_option(UrlVisitor(&[])).map(UrlEntry)
    }
}

fn urls<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Url>, D::Error> {
    Option::<Vec<UrlEntry>>::deserialize(d)
        .map(|v| v.unwrap_or_default().into_iter().map(|u| u.0).collect())
}
