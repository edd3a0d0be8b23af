//! The kind of an error raised by the caller's own `Deserialize`: it comes from where
//! the error arose, never from its text, so a message that reads like one of the
//! crate's own checks (`invalid date `…``) keeps the caller's kind.

use std::fmt;

use masthead::{Kind, Release};
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::Deserialize;

/// A field whose `Deserialize` fails with the given error for the text `bad`.
#[derive(Debug)]
struct Checked<const HOW: u8>;

impl<'de, const HOW: u8> Deserialize<'de> for Checked<HOW> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<const HOW: u8>;
        impl<const HOW: u8> Visitor<'_> for V<HOW> {
            type Value = Checked<HOW>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a good value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Checked<HOW>, E> {
                if v != "bad" {
                    return Ok(Checked);
                }
                Err(match HOW {
                    0 => E::custom("invalid date `bad`: my own calendar says no"),
                    1 => E::custom("invalid URL `bad`: my own rule"),
                    2 => E::custom("null value, says my own check"),
                    3 => E::invalid_value(Unexpected::Str(v), &self),
                    4 => E::missing_field("partner"),
                    5 => E::invalid_type(Unexpected::Str(v), &self),
                    6 => E::invalid_length(3, &self),
                    7 => E::unknown_field("colour", &["color"]),
                    _ => E::duplicate_field("color"),
                })
            }
        }
        d.deserialize_str(V::<HOW>)
    }
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Meta<const HOW: u8> {
    title: String,
    when: Checked<HOW>,
}

#[track_caller]
fn user_error<const HOW: u8>(src: &str) -> masthead::Error {
    masthead::from_str::<Meta<HOW>>(src).unwrap_err()
}

/// A block the crate's fast path reads, and one it declines (an anchor), so both
/// routes to serde_yaml's error are covered.
const BLOCKS: [&str; 2] = [
    "---\ntitle: x\nwhen: bad\n---\n",
    "---\ntitle: &t x\nwhen: bad\n---\n",
];

#[test]
fn a_custom_error_that_reads_like_the_crates_keeps_the_callers_kind() {
    for src in BLOCKS {
        let err = user_error::<0>(src);
        assert_eq!(err.kind(), Kind::InvalidType, "{src:?}");
        assert_eq!(err.message(), "invalid date `bad`: my own calendar says no");
        assert_eq!((err.path(), err.line(), err.column()), ("when", 3, 7));

        let err = user_error::<1>(src);
        assert_eq!(err.kind(), Kind::InvalidType, "{src:?}");
        assert_eq!(err.message(), "invalid URL `bad`: my own rule");

        let err = user_error::<2>(src);
        assert_eq!(err.kind(), Kind::InvalidType, "{src:?}");
        assert_eq!(err.message(), "null value, says my own check");
    }
}

#[test]
fn serdes_own_errors_raised_by_the_caller_keep_their_kinds() {
    for src in BLOCKS {
        let err = user_error::<3>(src);
        assert_eq!(err.kind(), Kind::InvalidType, "{src:?}");
        assert_eq!(
            err.message(),
            "invalid value: string `bad`, expected a good value"
        );
        let err = user_error::<4>(src);
        assert_eq!(err.kind(), Kind::MissingField, "{src:?}");
        assert_eq!(err.message(), "missing field `when.partner`");
        assert_eq!(user_error::<5>(src).kind(), Kind::InvalidType, "{src:?}");
        assert_eq!(user_error::<6>(src).kind(), Kind::InvalidType, "{src:?}");
        assert_eq!(user_error::<7>(src).kind(), Kind::UnknownField, "{src:?}");
        assert_eq!(user_error::<8>(src).kind(), Kind::DuplicateKey, "{src:?}");
    }
}

/// A caller's type that hands a [`Release`]'s error on unchanged.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Wrapped {
    #[serde(flatten)]
    release: Release,
}

#[test]
fn the_crates_own_error_keeps_its_kind_when_a_callers_type_passes_it_on() {
    let src = "---\ntitle: x\ndate: 2024-13-45\nurl: https://example.org/\n\
               ministers: [A]\nportfolios: [B]\n---\n";
    let direct = masthead::from_str::<Release>(src).unwrap_err();
    assert_eq!(direct.kind(), Kind::MalformedDate);
    let wrapped = masthead::from_str::<Wrapped>(src).unwrap_err();
    assert_eq!(wrapped.kind(), Kind::MalformedDate);
    assert_eq!(wrapped.message(), direct.message());
}

/// Either a release or anything else: a release's error is raised, then dropped
/// when the other variant matches.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum ReleaseOrNot {
    Release(Release),
    Other(serde::de::IgnoredAny),
}

#[derive(Debug)]
struct SameText;

impl<'de> Deserialize<'de> for SameText {
    fn deserialize<D: Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
        Err(de::Error::custom(
            "invalid date `2024-13-45`: month 13 is out of range",
        ))
    }
}

#[test]
fn an_error_the_crate_raised_and_dropped_earlier_does_not_classify_a_later_one() {
    let src = "---\ntitle: x\ndate: 2024-13-45\nurl: https://example.org/\n\
               ministers: [A]\nportfolios: [B]\n---\n";
    assert!(masthead::from_str::<ReleaseOrNot>(src).is_ok());
    // The same text, now raised by the caller's own type.
    let err = masthead::from_str::<SameText>(src).unwrap_err();
    assert_eq!(
        err.message(),
        "invalid date `2024-13-45`: month 13 is out of range"
    );
    assert_eq!(err.kind(), Kind::InvalidType);
}

#[cfg(feature = "toml")]
#[test]
fn toml_a_custom_error_that_reads_like_the_crates_keeps_the_callers_kind() {
    let src = "+++\ntitle = \"x\"\nwhen = \"bad\"\n+++\n";
    let err = user_error::<0>(src);
    assert_eq!(err.kind(), Kind::InvalidType);
    assert_eq!(err.message(), "invalid date `bad`: my own calendar says no");
    assert_eq!(err.path(), "when");
    let release = "+++\ntitle = \"x\"\ndate = \"2024-13-45\"\nurl = \"https://example.org/\"\n\
                   ministers = [\"A\"]\nportfolios = [\"B\"]\n+++\n";
    let err = masthead::from_str::<Release>(release).unwrap_err();
    assert_eq!(err.kind(), Kind::MalformedDate);
}
