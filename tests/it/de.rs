//! Typed parsing: borrowing from the input, documents without (or with empty) front
//! matter, `Document::deserialize`, and `Release` on the reference document and on
//! every beehive release of the curated corpus (and of the full one in a sweep).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use masthead::{Kind, Options, Release};
use serde::de::IgnoredAny;
use serde::Deserialize;

/// A file of the curated corpus (`tests/corpus`).
fn corpus(rel: &str) -> PathBuf {
    crate::corpus::curated().join(rel)
}

const REFERENCE: &str = "beehive/releases/2024/05/2024-05-13-new-zealand-expresses-regret-north-koreas-aggressive-rhetoric.md";

/// Whether `part` lies inside `whole` in memory: proof of borrowing.
#[track_caller]
fn assert_inside(whole: &str, part: &str) {
    let range = whole.as_bytes().as_ptr_range();
    let part_range = part.as_bytes().as_ptr_range();
    assert!(
        range.start <= part_range.start && part_range.end <= range.end,
        "{part:?} is not borrowed from the input"
    );
}

#[track_caller]
fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// ---------------------------------------------------------------------------------
// Borrowing

#[derive(Debug, Deserialize)]
struct Borrowed<'a> {
    title: &'a str,
    slug: &'a str,
    #[serde(borrow)]
    tags: Vec<&'a str>,
}

#[test]
fn str_fields_borrow_from_the_input() {
    let src = "---\ntitle: Grüße aus Wellington\nslug: 'grüße'\ntags: [\"a\", b]\n---\nbody\n";
    let parsed = masthead::from_str::<Borrowed>(src).unwrap();
    let meta = &parsed.metadata;
    assert_eq!(meta.title, "Grüße aus Wellington");
    assert_eq!(meta.slug, "grüße");
    assert_eq!(meta.tags, ["a", "b"]);
    for s in [
        meta.title,
        meta.slug,
        meta.tags[0],
        meta.tags[1],
        parsed.body,
    ] {
        assert_inside(src, s);
    }
    // Exactly where they were written.
    assert_eq!(
        src.find("Grüße"),
        Some(meta.title.as_ptr() as usize - src.as_ptr() as usize)
    );
    assert_eq!(parsed.body, "body\n");
}

#[test]
fn str_fields_borrow_with_bom_and_crlf() {
    let src = "\u{feff}---\r\ntitle: Kia ora\r\nslug: kia-ora\r\ntags: []\r\n---\r\nbody\r\n";
    let parsed = masthead::from_str::<Borrowed>(src).unwrap();
    assert_eq!(parsed.metadata.title, "Kia ora");
    assert_inside(src, parsed.metadata.title);
    assert_inside(src, parsed.metadata.slug);
    assert_eq!(parsed.body, "body\r\n");
}

#[derive(Debug, Deserialize)]
struct Cowed<'a> {
    #[serde(borrow)]
    v: Cow<'a, str>,
}

#[test]
fn cow_fields_borrow_when_the_scalar_is_written_as_is() {
    let borrowed = [
        ("v: plain text", "plain text"),
        ("v: 'single quoted'", "single quoted"),
        ("v: \"double quoted\"", "double quoted"),
        ("v: 'é ü ’'", "é ü ’"),
        ("v: 2024-05-13", "2024-05-13"),
        ("v: 42", "42"),
    ];
    for (line, want) in borrowed {
        let src = format!("---\n{line}\n---\n");
        let meta = masthead::from_str::<Cowed>(&src).unwrap().metadata;
        let Cow::Borrowed(v) = meta.v else {
            panic!("{line:?}: owned {:?}", meta.v);
        };
        assert_eq!(v, want);
        assert_inside(&src, v);
    }
    let owned = [
        ("v: \"esc\\\"aped\"", "esc\"aped"),
        ("v: \"tab\\t\"", "tab\t"),
        ("v: \"\\u00e9\"", "é"),
        ("v: 'it''s'", "it's"),
        ("v: |\n  block\n  scalar", "block\nscalar\n"),
        ("v: >\n  folded\n  scalar", "folded scalar\n"),
        ("v: \"two\n  lines\"", "two lines"),
        ("v: plain\n  continued", "plain continued"),
    ];
    for (line, want) in owned {
        let src = format!("---\n{line}\n---\n");
        let meta = masthead::from_str::<Cowed>(&src).unwrap().metadata;
        assert!(matches!(meta.v, Cow::Owned(_)), "{line:?}: {:?}", meta.v);
        assert_eq!(meta.v, want);
    }
}

#[test]
fn str_field_rejects_a_scalar_that_must_be_rewritten() {
    #[derive(Debug, Deserialize)]
    struct Title<'a> {
        #[allow(dead_code)]
        title: &'a str,
    }
    let err = masthead::from_str::<Title>("---\ntitle: \"a \\\"b\\\"\"\n---\n").unwrap_err();
    assert_eq!(err.kind(), Kind::InvalidType);
    assert_eq!((err.path(), err.line(), err.column()), ("title", 2, 8));
    assert_eq!(
        err.to_string(),
        "field `title`: invalid type: string `a \"b\"`, expected a borrowed string (a `&str` field cannot hold text that has escapes or folded lines) at line 2 column 8"
    );
}

// ---------------------------------------------------------------------------------
// Document::deserialize and Options

#[derive(Debug, PartialEq, Deserialize)]
struct Meta {
    title: String,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
struct Optional {
    title: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
}

#[test]
fn document_deserialize_matches_from_str() {
    let src = "---\ntitle: Hello\ntags: [rust, yaml]\n---\n# Hello\n";
    let doc = masthead::split(src).unwrap();
    let meta: Meta = doc.deserialize().unwrap();
    let parsed = masthead::from_str::<Meta>(src).unwrap();
    assert_eq!(meta, parsed.metadata);
    assert_eq!(meta.tags, ["rust", "yaml"]);
    assert_eq!(doc.body(), parsed.body);
    // The same document, deserialized again and into another type.
    let map: BTreeMap<String, IgnoredAny> = doc.deserialize().unwrap();
    assert_eq!(map.len(), 2);
    // Options::deserialize on an already split document.
    let again: Meta = Options::new()
        .require_front_matter(true)
        .deserialize(&doc)
        .unwrap();
    assert_eq!(again, meta);
}

#[test]
fn document_deserialize_errors_are_positioned_in_the_whole_document() {
    let src = "\u{feff}---\r\ntitle: Hello\r\ntags: rust\r\n---\r\n";
    let err = masthead::split(src)
        .unwrap()
        .deserialize::<Meta>()
        .unwrap_err();
    assert_eq!(err.kind(), Kind::InvalidType);
    assert_eq!((err.path(), err.line(), err.column()), ("tags", 3, 7));
    assert_eq!(err.span().start(), 3 + 5 + 14 + 6);
    assert_eq!(&src[err.span().range()], "rust");
}

#[test]
fn no_front_matter_reads_as_an_empty_mapping() {
    for src in [
        "# Just Markdown\n",
        "",
        "\u{feff}body",
        "----\ntitle: x\n----\n",
    ] {
        let parsed = masthead::from_str::<Optional>(src).unwrap();
        assert_eq!(parsed.metadata, Optional::default(), "{src:?}");
        assert_eq!(parsed.body, src.trim_start_matches('\u{feff}'));
        let map = masthead::from_str::<BTreeMap<String, String>>(src).unwrap();
        assert!(map.metadata.is_empty());
        masthead::from_str::<IgnoredAny>(src).unwrap();
    }
}

#[test]
fn no_front_matter_with_a_required_field_is_missing_field_at_the_start() {
    for (src, offset) in [("# Just Markdown\n", 0), ("", 0), ("\u{feff}body\r\n", 3)] {
        let err = masthead::from_str::<Meta>(src).unwrap_err();
        assert_eq!(err.kind(), Kind::MissingField, "{src:?}");
        assert_eq!(
            (err.path(), err.line(), err.column(), err.span().start()),
            ("title", 1, 1, offset)
        );
        assert!(err.span().is_empty());
        assert_eq!(err.to_string(), "missing field `title` at line 1 column 1");
    }
}

#[test]
fn required_front_matter() {
    let strict = Options::new().require_front_matter(true);
    let err = strict
        .from_str::<Optional>("# Just Markdown\n")
        .unwrap_err();
    assert_eq!(err.kind(), Kind::NoFrontMatter);
    // An empty block is front matter: present, and read as an empty mapping.
    let parsed = strict.from_str::<Optional>("---\n---\nbody").unwrap();
    assert_eq!(parsed.metadata, Optional::default());
    assert_eq!(parsed.body, "body");
    assert_eq!(strict, Options::new().require_front_matter(true));
    assert_eq!(Options::new(), Options::default());
}

#[test]
fn empty_and_comment_only_blocks_read_as_an_empty_mapping() {
    for src in [
        "---\n---\n",
        "---\n...\nbody",
        "---\r\n---\r\n",
        "\u{feff}---\n---\n",
        "---\n\n\n---\n",
        "---\n   \n\t\n---\n",
        "---\n# just a comment\n---\n",
        "---\n# one\n\n  # two\r\n---\n",
        "---\n#\n---\n",
    ] {
        let parsed = masthead::from_str::<Optional>(src).unwrap();
        assert_eq!(parsed.metadata, Optional::default(), "{src:?}");
        let map = masthead::from_str::<BTreeMap<String, String>>(src).unwrap();
        assert!(map.metadata.is_empty(), "{src:?}");
        // A required field is missing, at the opening fence.
        let err = masthead::from_str::<Meta>(src).unwrap_err();
        assert_eq!(err.kind(), Kind::MissingField);
        assert_eq!((err.line(), err.column()), (1, 1));
        assert_eq!(&src[err.span().range()], "---");
    }
}

#[test]
fn a_null_document_is_not_an_empty_block() {
    // `~` is a null root, not a comment: a struct rejects it by type.
    let err = masthead::from_str::<Optional>("---\n~\n---\n").unwrap_err();
    assert_eq!(err.kind(), Kind::InvalidType);
    assert_eq!((err.path(), err.line(), err.column()), ("", 2, 1));
}

// ---------------------------------------------------------------------------------
// Release

#[test]
fn release_on_the_reference_document() {
    let src = std::fs::read_to_string(corpus(REFERENCE)).unwrap();
    let parsed = masthead::from_str::<Release>(&src).unwrap();
    let release = &parsed.metadata;
    assert_eq!(
        release.title,
        "New Zealand expresses regret at North Korea\u{2019}s aggressive rhetoric"
    );
    assert_eq!(release.date, date(2024, 5, 13));
    assert_eq!(
        release.url.as_str(),
        "https://www.beehive.govt.nz/release/new-zealand-expresses-regret-north-koreas-aggressive-rhetoric"
    );
    assert_eq!(release.url.scheme(), "https");
    assert_eq!(release.url.host_str(), Some("www.beehive.govt.nz"));
    assert_eq!(release.ministers, ["Rt Hon Winston Peters"]);
    assert_eq!(release.portfolios, ["Foreign Affairs"]);
    assert!(release.attachments.is_empty());
    assert!(parsed
        .body
        .starts_with("\nForeign Minister Winston Peters has today expressed regret"));
    assert!(parsed
        .body
        .ends_with("a stable and peaceful region can offer.\u{201d}"));
    assert_inside(&src, parsed.body);
    // The same through split + Document::deserialize.
    let doc = masthead::split(&src).unwrap();
    assert_eq!(doc.deserialize::<Release>().unwrap(), *release);
    assert_eq!(doc.front_matter_span().unwrap().line(), 2);
    assert_eq!(doc.body_span().line(), 10);
}

#[test]
fn the_design_copy_matches_the_corpus_file() {
    let src = std::fs::read_to_string(corpus(REFERENCE)).unwrap();
    let file = masthead::split(&src).unwrap();
    let design = masthead::split(crate::DESIGN_RELEASE).unwrap();
    assert_eq!(file.front_matter(), design.front_matter());
    assert_eq!(
        masthead::from_str::<Release>(crate::DESIGN_RELEASE)
            .unwrap()
            .metadata,
        masthead::from_str::<Release>(&src).unwrap().metadata
    );
}

#[test]
fn release_keeps_the_date_of_an_rfc3339_date_time_as_written() {
    for (written, want) in [
        ("2024-05-13T23:30:00-05:00", date(2024, 5, 13)), // 2024-05-14 in UTC
        ("2024-05-13T08:00:00+12:00", date(2024, 5, 13)), // 2024-05-12 in UTC
        ("2024-05-13T00:00:00Z", date(2024, 5, 13)),
        ("'2024-05-13T23:30:00.5-05:00'", date(2024, 5, 13)),
        ("2024-02-29", date(2024, 2, 29)),
        ("0001-01-01", date(1, 1, 1)),
    ] {
        let src = crate::DESIGN_RELEASE.replace("date: 2024-05-13", &format!("date: {written}"));
        let release = masthead::from_str::<Release>(&src).unwrap().metadata;
        assert_eq!(release.date, want, "{written}");
    }
}

#[test]
fn release_attachments() {
    let absent = masthead::from_str::<Release>(crate::DESIGN_RELEASE).unwrap();
    assert!(absent.metadata.attachments.is_empty());

    for empty in ["attachments: []", "attachments:", "attachments: ~"] {
        let src = crate::DESIGN_RELEASE.replace(
            "  - Foreign Affairs\n",
            &format!("  - Foreign Affairs\n{empty}\n"),
        );
        let release = masthead::from_str::<Release>(&src).unwrap().metadata;
        assert!(release.attachments.is_empty(), "{empty}");
    }

    let src = crate::DESIGN_RELEASE.replace(
        "  - Foreign Affairs\n",
        "  - Foreign Affairs\nattachments:\n  - https://www.beehive.govt.nz/sites/default/files/Budget%202002.pdf\n  - http://example.org/a.doc\n  - mailto:press@beehive.govt.nz\n",
    );
    let release = masthead::from_str::<Release>(&src).unwrap().metadata;
    let urls: Vec<&str> = release.attachments.iter().map(url::Url::as_str).collect();
    assert_eq!(
        urls,
        [
            "https://www.beehive.govt.nz/sites/default/files/Budget%202002.pdf",
            "http://example.org/a.doc",
            "mailto:press@beehive.govt.nz",
        ]
    );
}

#[test]
fn release_on_real_attachments_and_oddities() {
    let read = |rel: &str| std::fs::read_to_string(corpus(rel)).unwrap();
    // URL-encoded `.doc`/`.pdf` links.
    let src = read("beehive/releases/2002/05/2002-05-10-biotechnology-taskforce-named.md");
    let release = masthead::from_str::<Release>(&src).unwrap().metadata;
    assert_eq!(release.title, "Biotechnology taskforce named");
    let urls: Vec<&str> = release.attachments.iter().map(url::Url::as_str).collect();
    assert_eq!(
        urls,
        ["https://www.beehive.govt.nz/sites/default/files/biotechnology%20taskforce%20biographies.doc"]
    );
    // Escaped quotes in a title.
    let src = read("beehive/releases/1996/03/1996-03-26-bse-decision-belt-and-braces-approach.md");
    let release = masthead::from_str::<Release>(&src).unwrap().metadata;
    assert_eq!(release.title, "BSE DECISION \"BELT AND BRACES\" APPROACH");
    // The placeholder year 1 is a valid date for the type (the schema warns).
    let dir = corpus("beehive/releases/0001/01");
    let mut year_one = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let src = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let release = masthead::from_str::<Release>(&src).unwrap().metadata;
        assert_eq!(release.date, date(1, 1, 1));
        year_one += 1;
    }
    assert_eq!(year_one, 2);
}

/// Every beehive release under `root` (`releases` of them) either parses as a
/// `Release` or fails with a positioned error of an expected kind; `want` maps each
/// outcome (`ok` or `kind path`) to its count, and `attachments` files have
/// attachments. The counts of the full corpus are those of `corpus/SOURCES.md`,
/// checked by hand against the files:
///
/// - 1,999 releases;
/// - `ministers` absent in 2 files (2017-05-25 budget overview, 2010-11-11 taskforce
///   green); `portfolios` absent in 28; no file lacks both, so the first missing
///   field is always the one absent;
/// - `title: ""` in 1 file (2006-01-01-30433.md): empty-value;
/// - not in SOURCES.md: 4 files list the portfolio `Māori Crown Relations: Te
///   Arawhiti` unquoted, which YAML reads as a mapping: invalid-type (two as the
///   first entry, two as the second);
/// - the 2 placeholder dates `0001-01-01` are valid;
/// - the other 1,964 parse, 236 of them with attachments (all 236 files that have
///   them).
fn release_on_every_release(
    root: &Path,
    releases: usize,
    want: &[(&str, usize)],
    attachments: usize,
) {
    let files = crate::corpus::files_under(&root.join("beehive/releases"));
    assert_eq!(files.len(), releases);

    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    let (mut with_attachments, mut year_one) = (0, 0);
    for file in &files {
        let src = std::fs::read_to_string(file).unwrap();
        let outcome = match masthead::from_str::<Release>(&src) {
            Ok(parsed) => {
                with_attachments += usize::from(!parsed.metadata.attachments.is_empty());
                year_one += usize::from(parsed.metadata.date == date(1, 1, 1));
                "ok".to_owned()
            }
            Err(err) => {
                let name = file.display();
                assert!(
                    matches!(
                        err.kind(),
                        Kind::MissingField
                            | Kind::EmptyValue
                            | Kind::MalformedDate
                            | Kind::MalformedUrl
                            | Kind::InvalidType
                    ),
                    "{name}: {err}"
                );
                // The position is inside the document and agrees with the span.
                let lines = src.split('\n').count();
                assert!((1..=lines).contains(&err.line()), "{name}: {err}");
                let line_text = src.split('\n').nth(err.line() - 1).unwrap();
                assert!(
                    err.column() <= line_text.chars().count() + 1,
                    "{name}: {err}"
                );
                assert!(err.span().end() <= src.len(), "{name}: {err}");
                assert_eq!(
                    err.location(),
                    masthead::Location::of(&src, err.span().start())
                );
                if err.kind() == Kind::MissingField {
                    assert_eq!(&src[err.span().range()], "---", "{name}");
                } else {
                    assert!(!err.span().is_empty(), "{name}: {err}");
                }
                format!("{} {}", err.kind(), err.path())
            }
        };
        *outcomes.entry(outcome).or_default() += 1;
    }
    let want: BTreeMap<String, usize> = want.iter().map(|&(k, v)| (k.to_owned(), v)).collect();
    assert_eq!(outcomes, want);
    assert_eq!(outcomes.values().sum::<usize>(), files.len());
    assert_eq!(with_attachments, attachments);
    assert_eq!(year_one, 2);
}

#[test]
fn release_on_every_beehive_sample() {
    // tests/corpus/SOURCES.md: 59 releases, every oddity above but 24 of the missing
    // `portfolios`; 9 files with attachments.
    let want = [
        ("ok", 48),
        ("missing-field ministers", 2),
        ("missing-field portfolios", 4),
        ("empty-value title", 1),
        ("invalid-type portfolios[0]", 2),
        ("invalid-type portfolios[1]", 2),
    ];
    release_on_every_release(crate::corpus::curated(), 59, &want, 9);
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_release_on_every_beehive_sample() {
    let want = [
        ("ok", 1964),
        ("missing-field ministers", 2),
        ("missing-field portfolios", 28),
        ("empty-value title", 1),
        ("invalid-type portfolios[0]", 2),
        ("invalid-type portfolios[1]", 2),
    ];
    release_on_every_release(&crate::corpus::full(), 1999, &want, 236);
}

#[test]
fn release_errors_on_named_beehive_samples() {
    let cases = [
        (
            "beehive/releases/2017/05/2017-05-25-budget-2017-overview.md",
            "missing field `ministers` at line 1 column 1",
            "---",
        ),
        (
            "beehive/releases/1997/11/1997-11-05-fines-payments.md",
            "missing field `portfolios` at line 1 column 1",
            "---",
        ),
        (
            "beehive/releases/2006/01/2006-01-01-30433.md",
            "field `title`: blank value \"\", expected a non-empty string at line 2 column 8",
            "\"\"",
        ),
        (
            "beehive/releases/2022/05/2022-05-13-kua-panuihia-nga-kaupapa-mo-matariki-ahunga-nui.md",
            "field `portfolios[0]`: invalid type: mapping, expected a non-empty string at line 8 column 5",
            "Māori Crown Relations: Te Arawhiti",
        ),
    ];
    for (rel, display, text) in cases {
        let src = std::fs::read_to_string(corpus(rel)).unwrap();
        let err = masthead::from_str::<Release>(&src).unwrap_err();
        assert_eq!(err.to_string(), display, "{rel}");
        assert_eq!(&src[err.span().range()], text, "{rel}");
    }
}
