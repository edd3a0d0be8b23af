//! Strings that other YAML readers misread: every one is written quoted where a
//! YAML 1.1 reader would read anything but the same string, and reads back equal.
//! `tricky_strings_for_other_readers` writes the set for `.ci/yaml_readers.sh`.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Serialize, Serializer};

/// A date as chrono's `serde` feature writes one: through `collect_str`.
struct Date(NaiveDate);

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A date-time as chrono's `serde` feature writes one (`2024-05-01T10:00:00`).
struct DateTime(NaiveDateTime);

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.format("%Y-%m-%dT%H:%M:%S"))
    }
}

/// Strings that some YAML reader (1.1 or 1.2) reads as something else when plain,
/// and a few ordinary ones that must stay plain.
pub(crate) fn tricky() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in ["y", "n", "yes", "no", "true", "false", "on", "off", "null"] {
        let upper = word.to_uppercase();
        let title = format!("{}{}", &upper[..1], &word[1..]);
        let odd: String = word
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 1 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect();
        out.extend([word.to_owned(), upper, title, odd]);
    }
    let more = [
        "",
        "~",
        "<<",
        "=",
        ":name",
        "::",
        "0",
        "17",
        "017",
        "0o17",
        "0x1F",
        "0X1f",
        "0b101",
        "1_000",
        "+1",
        "-1",
        "09",
        "1,000",
        "1:20",
        "-1:20",
        "190:20:30.15",
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
        "inf",
        "nan",
        "+inf",
        "-Infinity",
        "0x1p3",
        "1_000.5",
        "2024-05-01",
        "2024-5-1",
        "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5",
        "2001-12-15T02:59:43.1Z",
        "2024-05-01T10:00:00",
        "12:30:00",
        "- a",
        "a: b",
        "# c",
        "a #b",
        "[a]",
        "{a}",
        "&a",
        "*a",
        "!a",
        "|",
        ">",
        "@a",
        "`a",
        "%a",
        "'a'",
        "\"a\"",
        "a'b",
        " lead",
        "trail ",
        "line\nbreak",
        "tab\there",
        "Norway",
        "yess",
        "1st",
        "v1.10",
        "1.2.3",
        "2024-05",
        "hello world",
        "Māori",
        "?",
        "? a",
        "-",
        "---",
        "...",
        "a,b",
        "10:00am",
        // Date-like, but no reader's timestamp: they stay plain strings.
        "2024-05-01T10:00",
        "2024-05-01 10:00:00 standup",
    ];
    out.extend(more.iter().map(|s| (*s).to_owned()));
    let mut seen = std::collections::HashSet::new();
    out.retain(|s| seen.insert(s.clone()));
    out
}

#[derive(Serialize)]
struct Tricky {
    strings: Vec<String>,
    keys: BTreeMap<String, usize>,
    date: Date,
    time: DateTime,
    date_text: String,
}

fn tricky_document() -> String {
    let strings = tricky();
    let keys = strings
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.contains('\n'))
        .map(|(i, s)| (s.clone(), i))
        .collect();
    let metadata = Tricky {
        strings,
        keys,
        date: Date(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()),
        time: DateTime(
            NaiveDate::from_ymd_opt(2024, 5, 1)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        ),
        date_text: "2024-05-01".to_owned(),
    };
    masthead::compose(&metadata, "body\n", masthead::Format::Yaml).unwrap()
}

/// The tricky document with every string written again by the [`masthead::Editor`]:
/// set in place as the items of a block list (`block`), or pushed one by one onto a
/// flow list that replaced it (`flow`), so that other readers check the edits'
/// quoting too.
fn edited_tricky_document(flow: bool) -> String {
    let strings = tricky();
    let mut editor = masthead::Editor::new(&tricky_document()).unwrap();
    if flow {
        editor.set_yaml("strings", "[]").unwrap();
        for s in &strings {
            editor.push("strings", s).unwrap();
        }
    } else {
        for (i, s) in strings.iter().enumerate() {
            editor.set(&format!("strings[{i}]"), s).unwrap();
        }
    }
    editor.into_string()
}

#[test]
fn edited_strings_read_back_equal_through_masthead() {
    #[derive(serde::Deserialize)]
    struct Back {
        strings: Vec<String>,
    }
    for flow in [false, true] {
        let doc = edited_tricky_document(flow);
        let back = masthead::from_str::<Back>(&doc).unwrap().metadata;
        assert_eq!(back.strings, tricky(), "flow: {flow}");
        let list = doc.split("\nkeys:").next().unwrap();
        assert_eq!(list.contains("strings: ['"), flow, "{list}");
    }
}

#[test]
fn every_string_reads_back_equal_through_masthead() {
    let doc = tricky_document();
    #[derive(serde::Deserialize)]
    struct Back {
        strings: Vec<String>,
        keys: BTreeMap<String, usize>,
        date: String,
        date_text: String,
    }
    let back = masthead::from_str::<Back>(&doc).unwrap().metadata;
    assert_eq!(back.strings, tricky());
    for (k, i) in &back.keys {
        assert_eq!(&tricky()[*i], k);
    }
    assert_eq!(
        back.keys.len(),
        tricky().iter().filter(|s| !s.contains('\n')).count()
    );
    assert_eq!(back.date, "2024-05-01");
    assert_eq!(back.date_text, "2024-05-01");
}

#[test]
fn misread_strings_are_quoted_and_dates_stay_plain() {
    let doc = tricky_document();
    let lines: Vec<&str> = doc.lines().collect();
    for quoted in [
        "- 'yes'",
        "- 'NO'",
        "- 'y'",
        "- 'On'",
        "- 'off'",
        "- '1:20'",
        "- '0b101'",
        "- '1_000'",
        "- '190:20:30.15'",
        "- '2024-05-01'",
        "- '<<'",
        "- '='",
        "- ':name'",
        "- '1,000'",
        "- '0o17'",
        "- '+.5'",
    ] {
        assert!(lines.contains(&quoted), "{quoted} in\n{doc}");
    }
    for plain in [
        "- Norway",
        "- yess",
        "- v1.10",
        "- 1.2.3",
        "- hello world",
        "- Māori",
    ] {
        assert!(lines.contains(&plain), "{plain} in\n{doc}");
    }
    assert!(lines.iter().any(|l| l.starts_with("  'yes': ")), "{doc}");
    assert!(lines.iter().any(|l| l.starts_with("  '<<': ")), "{doc}");
    assert!(lines.contains(&"date: 2024-05-01"), "{doc}");
    assert!(lines.contains(&"time: 2024-05-01T10:00:00"), "{doc}");
    assert!(lines.contains(&"date_text: '2024-05-01'"), "{doc}");
}

#[test]
fn numbers_and_booleans_of_rust_types_stay_plain() {
    #[derive(Serialize)]
    struct M {
        int: u32,
        f: f64,
        b: bool,
        none: Option<u8>,
        s: &'static str,
    }
    let m = M {
        int: 17,
        f: 1.5,
        b: true,
        none: None,
        s: "no",
    };
    let out = masthead::compose(&m, "", masthead::Format::Yaml).unwrap();
    assert_eq!(
        out,
        "---\nint: 17\nf: 1.5\nb: true\nnone: null\ns: 'no'\n---\n"
    );
}

/// Writes the tricky set for `.ci/yaml_readers.sh`: the document, its two edited
/// forms (`edited-block.md`, `edited-flow.md`) and the expected strings (one JSON
/// array), into the folder `MASTHEAD_TRICKY_OUT`.
#[test]
#[ignore = "run by .ci/yaml_readers.sh"]
fn tricky_strings_for_other_readers() {
    let dir = std::env::var("MASTHEAD_TRICKY_OUT").expect("set MASTHEAD_TRICKY_OUT");
    let dir = std::path::Path::new(&dir);
    std::fs::write(dir.join("tricky.md"), tricky_document()).unwrap();
    std::fs::write(dir.join("edited-block.md"), edited_tricky_document(false)).unwrap();
    std::fs::write(dir.join("edited-flow.md"), edited_tricky_document(true)).unwrap();
    std::fs::write(
        dir.join("expected.json"),
        serde_json::to_string(&tricky()).unwrap(),
    )
    .unwrap();
}

/// The warnings (kind, line, column, message) of `block` against a schema with the
/// string fields `title`, `country`, `answer`, `version`, `time` and `tags`.
fn warnings(block: &str, on: bool) -> Vec<(String, usize, usize, String)> {
    use masthead::{Rule, Schema};
    let mut schema = Schema::new().yaml11_warnings(on);
    for field in ["title", "country", "answer", "version", "time"] {
        schema = schema.optional(field, Rule::string());
    }
    let schema = schema
        .optional("tags", Rule::list(Rule::string()))
        .optional("date", Rule::date())
        .optional("any", Rule::any());
    let src = format!("---\n{block}---\n");
    let report = masthead::validate(&masthead::split(&src).unwrap(), &schema);
    assert!(report.is_valid(), "{report:?}");
    report
        .iter()
        .map(|d| {
            assert_eq!(d.kind(), masthead::Kind::InvalidType);
            assert_eq!(d.severity(), masthead::Severity::Warning);
            (
                d.path().to_owned(),
                d.line(),
                d.column(),
                d.message().to_owned(),
            )
        })
        .collect()
}

#[test]
fn plain_values_other_readers_misread_are_warnings() {
    let block = "title: 2024-08-01\ncountry: NO\nanswer: yes\nversion: 1.10\ntime: 1:20\n\
                 tags: [On, ok, '017', 017]\ndate: 2024-08-01\nany: yes\n";
    let found = warnings(block, true);
    let r = "(Jekyll, Astro, PyYAML)";
    let want = [
        (
            "title",
            2,
            8,
            format!("`2024-08-01` is a string here, but YAML 1.1 readers {r} read a date"),
        ),
        (
            "country",
            3,
            10,
            format!("`NO` is a string here, but YAML 1.1 readers {r} read the boolean false"),
        ),
        (
            "answer",
            4,
            9,
            format!("`yes` is a string here, but YAML 1.1 readers {r} read the boolean true"),
        ),
        (
            "version",
            5,
            10,
            "`1.10` is a string here, but other YAML readers (Astro's js-yaml among them) read \
             the number `1.1`"
                .to_owned(),
        ),
        (
            "time",
            6,
            7,
            format!("`1:20` is a string here, but YAML 1.1 readers {r} read the number `80`"),
        ),
        (
            "tags[0]",
            7,
            8,
            format!("`On` is a string here, but YAML 1.1 readers {r} read the boolean true"),
        ),
        (
            "tags[3]",
            7,
            23,
            format!("`017` is a string here, but YAML 1.1 readers {r} read the number `15`"),
        ),
    ];
    let want: Vec<_> = want
        .into_iter()
        .map(|(p, l, c, m)| (p.to_owned(), l, c, m))
        .collect();
    assert_eq!(found, want);
    // Off: nothing.
    assert_eq!(warnings(block, false), []);
}

#[test]
fn quoted_block_and_agreed_values_are_not_warned() {
    let block = "title: '2024-08-01'\ncountry: \"NO\"\nanswer: |\n  yes\nversion: !!str 1.10\n\
                 time: 2024\ntags: [Norway, 1.5, true, '1:20', 'y']\n";
    assert_eq!(warnings(block, true), []);
}

#[test]
fn the_warning_renders_with_a_note_to_quote() {
    let schema = masthead::Schema::new().required("country", masthead::Rule::string());
    let src = "---\ncountry: NO\n---\n";
    let report = masthead::validate(&masthead::split(src).unwrap(), &schema);
    let text = masthead::Renderer::new().render_report(&report, "post.md", src);
    assert_eq!(
        text,
        "warning[invalid-type]: field `country`: `NO` is a string here, but YAML 1.1 readers (Jekyll, Astro, PyYAML) read the boolean false
 --> post.md:2:10
  |
2 | country: NO
  |          ^^
  = note: quote the value (`'…'`) so that every YAML reader reads it as text

"
    );
}

#[cfg(feature = "toml")]
#[test]
fn toml_blocks_get_no_yaml_warnings() {
    use masthead::{Rule, Schema};
    let schema = Schema::new()
        .optional("version", Rule::string())
        .optional("country", Rule::string());
    let src = "+++\nversion = 1.10\ncountry = \"NO\"\n+++\n";
    let report = masthead::validate(&masthead::split(src).unwrap(), &schema);
    assert!(report.is_empty(), "{report:?}");
    // The same values in YAML are warned about.
    let src = "---\nversion: 1.10\ncountry: NO\n---\n";
    let report = masthead::validate(&masthead::split(src).unwrap(), &schema);
    assert_eq!(report.warning_count(), 2);
}

/// serde_yaml writes a newtype variant as a tagged scalar (`!On 2024-05-01`): its
/// date stays a date and its string is quoted, as anywhere else; no token leaks.
#[test]
fn tagged_scalars_are_quoted_and_keep_their_dates() {
    #[derive(Serialize)]
    enum Published {
        On(Date),
        Note(String),
    }
    #[derive(Serialize)]
    struct Meta {
        published: Published,
        answer: Published,
    }
    let meta = Meta {
        published: Published::On(Date(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap())),
        answer: Published::Note("yes".to_owned()),
    };
    let doc = masthead::compose(&meta, "", masthead::Format::Yaml).unwrap();
    assert_eq!(
        doc, "---\npublished: !On 2024-05-01\nanswer: !Note 'yes'\n---\n",
        "{doc}"
    );
}

#[test]
fn a_number_warning_names_a_reader_that_reads_the_number() {
    // A YAML 1.1 float needs a dot: PyYAML and Psych keep `1e3` as text, js-yaml 4
    // (YAML 1.2) reads 1000; so the message names js-yaml, not PyYAML.
    let found = warnings("version: 1e3\ntitle: 1.10\n", true);
    assert_eq!(
        found,
        [
            (
                "version".to_owned(),
                2,
                10,
                "`1e3` is a string here, but other YAML readers (Astro's js-yaml among them) \
                 read the number `1000`"
                    .to_owned()
            ),
            (
                "title".to_owned(),
                3,
                8,
                "`1.10` is a string here, but other YAML readers (Astro's js-yaml among them) \
                 read the number `1.1`"
                    .to_owned()
            ),
        ]
    );
    let src = "---\nversion: 1e3\n---\n";
    let schema = masthead::Schema::new().optional("version", masthead::Rule::string());
    let report = masthead::validate_str(src, &schema);
    let shown = masthead::Renderer::new().render_report(&report, "post.md", src);
    assert!(shown.contains("= note: quote the value"), "{shown}");
}
