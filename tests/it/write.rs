//! Write-back: `Document::with_front_matter`, `to_string` and `compose` keep every
//! byte outside the block, and the new block reads back as what was written.

use std::collections::BTreeMap;
use std::path::Path;

use masthead::{split, Document, Format, Kind};
use serde::Serialize;

use crate::corpus::{curated, full, read_in, walk};

/// The line ending a test expects for the new block: the first one of the block, or
/// of the opening fence for an empty block; of the body without front matter.
fn expected_eol(doc: &Document<'_>) -> &'static str {
    let src = doc.source();
    let first = |s: &str| {
        s.find('\n')
            .map(|i| if s[..i].ends_with('\r') { "\r\n" } else { "\n" })
    };
    let found = match (doc.front_matter(), doc.opening_fence_span()) {
        (Some(block), Some(open)) => first(block).or_else(|| first(&src[open.range()])),
        _ => first(doc.body()),
    };
    found.unwrap_or("\n")
}

/// Whether every line ending of `text` is `eol`.
fn all_line_endings_are(text: &str, eol: &str) -> bool {
    text.split_inclusive('\n')
        .filter(|l| l.ends_with('\n'))
        .all(|l| l.ends_with("\r\n") == (eol == "\r\n"))
}

#[track_caller]
fn emit(src: &str, text: &str, expected: &str) {
    let doc = split(src).unwrap();
    let out = doc.with_front_matter(text);
    assert_eq!(out, expected, "{src:?} with {text:?}");
    // The result splits back into the same parts.
    let again = split(&out).unwrap();
    assert_eq!(again.body(), doc.body());
    assert_eq!(again.has_bom(), doc.has_bom());
}

#[test]
fn identity_and_replacement() {
    for src in [
        "---\ntitle: x\n---\nbody\n",
        "---\ntitle: x\n---\nbody",
        "---\ntitle: x\n---",
        "---\n---\n",
        "---\r\n---\r\n",
        "---  \t\ntitle: x\n...  \nbody",
        "\u{feff}---\r\ntitle: x # comment\r\n\r\n...\r\nbody\r\n",
        "---\r\na: 1\nb: 2\r\n---\nbody\r\n",
        "---\na: 1\r\nb: 2\n---\r\n",
    ] {
        let doc = split(src).unwrap();
        assert_eq!(doc.with_front_matter(doc.front_matter().unwrap()), src);
    }
    emit(
        "---\ntitle: x\n---\nbody\n",
        "title: y\n",
        "---\ntitle: y\n---\nbody\n",
    );
    // The fence lines are kept as they are: trailing blanks, the `...` closer.
    emit(
        "---  \ntitle: x\n... \t\nbody",
        "a: 1\n",
        "---  \na: 1\n... \t\nbody",
    );
    // A closing fence that ends the input stays so.
    emit("---\ntitle: x\n---", "a: 1\n", "---\na: 1\n---");
}

#[test]
fn missing_final_newline_and_empty_text() {
    emit("---\nx: 1\n---\nb", "y: 2", "---\ny: 2\n---\nb");
    emit("---\r\nx: 1\r\n---\r\nb", "y: 2", "---\r\ny: 2\r\n---\r\nb");
    emit("---\nx: 1\n---\nb", "", "---\n---\nb");
    emit("---\n---\nb", "", "---\n---\nb");
    emit("---\n---\nb", "a: 1", "---\na: 1\n---\nb");
    emit("---\r\n---\r\nb", "a: 1", "---\r\na: 1\r\n---\r\nb");
}

#[test]
fn crlf_and_bom() {
    // LF text in a CRLF document gets CRLF; CRLF text is taken as written.
    emit(
        "\u{feff}---\r\nold: 1\r\n---\r\nbody\r\n",
        "a: 1\nb:\n  - x\n",
        "\u{feff}---\r\na: 1\r\nb:\r\n  - x\r\n---\r\nbody\r\n",
    );
    emit(
        "---\r\nold: 1\r\n---\r\nbody\r\n",
        "a: 1\r\nb: 2\n",
        "---\r\na: 1\r\nb: 2\n---\r\nbody\r\n",
    );
    // An LF document keeps what it is given.
    emit("---\nold: 1\n---\n", "a: 1\r\n", "---\na: 1\r\n---\n");
    // Mixed: the block's first line decides, not the fences.
    emit(
        "---\r\nold: 1\n---\r\n",
        "a: 1\nb: 2\n",
        "---\r\na: 1\nb: 2\n---\r\n",
    );
    emit(
        "---\nold: 1\r\n---\n",
        "a: 1\nb: 2\n",
        "---\na: 1\r\nb: 2\r\n---\n",
    );
    // An empty block: the opening fence decides.
    emit("---\r\n---\n", "a: 1\n", "---\r\na: 1\r\n---\n");
}

#[test]
fn documents_without_front_matter_get_fences() {
    emit("# Body\n", "title: x\n", "---\ntitle: x\n---\n# Body\n");
    emit(
        "# Body\r\nmore\n",
        "title: x",
        "---\r\ntitle: x\r\n---\r\n# Body\r\nmore\n",
    );
    emit(
        "\u{feff}# Body",
        "title: x\n",
        "\u{feff}---\ntitle: x\n---\n# Body",
    );
    emit("", "", "---\n---\n");
    // A body that starts like a fence is still the body.
    emit("----\n---\n", "a: 1\n", "---\na: 1\n---\n----\n---\n");
    #[cfg(not(feature = "toml"))]
    emit("+++\nx = 1\n", "a: 1\n", "---\na: 1\n---\n+++\nx = 1\n");
}

#[derive(Serialize)]
struct Post<'a> {
    title: &'a str,
    date: &'a str,
    tags: Vec<&'a str>,
    draft: bool,
}

#[test]
fn to_string_keeps_field_order_and_everything_else() {
    let post = Post {
        title: "Hello: world",
        date: "2024-05-13",
        tags: vec!["a", "b"],
        draft: false,
    };
    let src = "\u{feff}---\r\nzzz: old # gone\r\n...\r\nBody\r\n\r\n<!-- more -->\r\n";
    let doc = split(src).unwrap();
    let out = masthead::to_string(&post, &doc).unwrap();
    // A date given as text is a string: quoted, so that YAML 1.1 readers keep it
    // text (a date type writes it plain, see `compat`).
    let expected = "\u{feff}---\r\ntitle: 'Hello: world'\r\ndate: '2024-05-13'\r\ntags:\r\n- a\r\n- b\r\ndraft: false\r\n...\r\nBody\r\n\r\n<!-- more -->\r\n";
    assert_eq!(out, expected);
    // It reads back as written.
    let back: BTreeMap<String, serde_json::Value> = masthead::from_str(&out).unwrap().metadata;
    assert_eq!(back["title"], "Hello: world");
    assert_eq!(back["date"], "2024-05-13");
    assert_eq!(back["tags"], serde_json::json!(["a", "b"]));
    // An empty mapping is an empty block.
    let empty: BTreeMap<String, String> = BTreeMap::new();
    assert_eq!(
        masthead::to_string(&empty, &doc).unwrap(),
        "\u{feff}---\r\n...\r\nBody\r\n\r\n<!-- more -->\r\n"
    );
    // Without front matter: YAML fences.
    let plain = split("Body\n").unwrap();
    assert_eq!(
        masthead::to_string(&empty, &plain).unwrap(),
        "---\n---\nBody\n"
    );
}

#[test]
fn to_string_refuses_what_is_not_front_matter() {
    let doc = split("x\n---\ntitle: a\n---\n").unwrap();
    let doc2 = split("---\ntitle: a\n---\n").unwrap();
    for (value, found) in [
        (serde_json::json!("text"), "a string"),
        (serde_json::json!([1, 2]), "a sequence"),
        (serde_json::json!(12), "an integer"),
    ] {
        for d in [&doc, &doc2] {
            let err = masthead::to_string(&value, d).unwrap_err();
            assert_eq!(err.kind(), Kind::InvalidType);
            assert_eq!(
                err.message(),
                format!(
                    "invalid type: {found}, expected a mapping at the root of the front matter"
                )
            );
            assert_eq!((err.line(), err.column()), (1, 1));
        }
    }
    // serde_yaml's own refusals keep its message.
    let err = masthead::to_string(&BTreeMap::from([((1, 2), 3)]), &doc2);
    if let Err(err) = err {
        assert_eq!(err.kind(), Kind::InvalidType);
    }
}

#[test]
fn compose_a_new_document() {
    let post = Post {
        title: "New",
        date: "2025-01-01",
        tags: vec![],
        draft: true,
    };
    assert_eq!(
        masthead::compose(&post, "# New\r\n", Format::Yaml).unwrap(),
        "---\r\ntitle: New\r\ndate: '2025-01-01'\r\ntags: []\r\ndraft: true\r\n---\r\n# New\r\n"
    );
    // A body that starts with a fence is kept as body.
    let out = masthead::compose(&post, "---\nnot: front matter\n---\n", Format::Yaml).unwrap();
    let doc = split(&out).unwrap();
    assert_eq!(doc.body(), "---\nnot: front matter\n---\n");
    assert_eq!(
        doc.front_matter(),
        Some("title: New\ndate: '2025-01-01'\ntags: []\ndraft: true\n")
    );
}

/// What happened to one corpus document in the round trip.
#[derive(Debug, Default)]
struct Tally {
    files: usize,
    split: usize,
    identical: usize,
    without_front_matter: usize,
    metadata_round_trips: usize,
    not_generic: BTreeMap<String, usize>,
    not_a_mapping: usize,
}

/// The round trip of one document whose front matter reads as `V`: re-serialized,
/// it reads back equal, with the same body, BOM, fences and line endings.
fn round_trip<V>(rel: &str, doc: &Document<'_>, tally: &mut Tally)
where
    V: serde::de::DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let value: V = match doc.deserialize() {
        Ok(v) => v,
        Err(e) => {
            if std::env::var_os("MASTHEAD_SHOW").is_some() {
                eprintln!("{rel}: {e}");
            }
            *tally
                .not_generic
                .entry(e.kind().as_str().to_owned())
                .or_default() += 1;
            return;
        }
    };
    let out = match masthead::to_string(&value, doc) {
        Ok(out) => out,
        Err(e) if e.message().contains("expected a mapping at the root") => {
            tally.not_a_mapping += 1;
            return;
        }
        Err(e) => panic!("{rel}: to_string failed: {e}"),
    };
    let again = split(&out).unwrap_or_else(|e| panic!("{rel}: the output does not split: {e}"));
    assert_eq!(again.body(), doc.body(), "{rel}: body");
    assert_eq!(again.has_bom(), doc.has_bom(), "{rel}: BOM");
    assert_eq!(again.format(), doc.format(), "{rel}: format");
    let fence =
        |d: &Document<'_>, s: Option<masthead::Span>| s.map(|s| d.source()[s.range()].to_owned());
    assert_eq!(
        fence(&again, again.opening_fence_span()),
        fence(doc, doc.opening_fence_span()),
        "{rel}: opening fence"
    );
    assert_eq!(
        fence(&again, again.closing_fence_span()),
        fence(doc, doc.closing_fence_span()),
        "{rel}: closing fence"
    );
    let block = again.front_matter().unwrap();
    assert!(
        all_line_endings_are(block, expected_eol(doc)),
        "{rel}: line endings of the new block {block:?}"
    );
    let back: V = again
        .deserialize()
        .unwrap_or_else(|e| panic!("{rel}: the new block does not parse: {e}\n{block}"));
    assert_eq!(back, value, "{rel}: metadata");
    tally.metadata_round_trips += 1;
}

/// Every document under `root`: re-emitting its own front matter gives its bytes
/// back; its metadata, read as a generic value and written back, reads back equal.
/// There are `files` files besides `stats.tsv`; with the `toml` feature, all
/// `toml_posts` TOML documents do both.
#[allow(
    clippy::match_single_binding,
    reason = "with the `toml` feature, TOML documents take arms of their own"
)]
fn round_trip_every_document(root: &Path, files: usize, toml_posts: usize) {
    let all = walk(root, "");
    let mut yaml = Tally::default();
    #[cfg(feature = "toml")]
    let mut toml_tally = Tally::default();
    for rel in &all {
        if rel.ends_with("stats.tsv") {
            continue;
        }
        let bytes = read_in(root, rel);
        let Ok(doc) = masthead::split_bytes(&bytes) else {
            yaml.files += 1;
            continue;
        };
        let tally = match doc.format() {
            #[cfg(feature = "toml")]
            Some(Format::Toml) => &mut toml_tally,
            _ => &mut yaml,
        };
        tally.files += 1;
        tally.split += 1;
        let src = doc.source();
        match doc.front_matter() {
            Some(block) => {
                let out = doc.with_front_matter(block);
                assert!(out == src, "{rel}: identity re-emit differs");
                tally.identical += 1;
            }
            None => {
                tally.without_front_matter += 1;
                let out = doc.with_front_matter("");
                let again = split(&out).unwrap();
                assert_eq!(
                    (again.front_matter(), again.body(), again.has_bom()),
                    (Some(""), doc.body(), doc.has_bom()),
                    "{rel}"
                );
                continue;
            }
        }
        match doc.format() {
            #[cfg(feature = "toml")]
            Some(Format::Toml) => round_trip::<toml::Table>(rel, &doc, tally),
            _ => round_trip::<serde_json::Value>(rel, &doc, tally),
        }
    }
    eprintln!("YAML and plain documents: {yaml:#?}");
    #[cfg(feature = "toml")]
    {
        // All TOML posts of the Rust blog: byte-exact identity, and their
        // metadata written back reads back equal.
        eprintln!("TOML documents: {toml_tally:#?}");
        assert_eq!(yaml.files + toml_tally.files, files);
        assert_eq!(
            (
                toml_tally.split,
                toml_tally.identical,
                toml_tally.metadata_round_trips
            ),
            (toml_posts, toml_posts, toml_posts),
            "{toml_tally:#?}"
        );
    }
    #[cfg(not(feature = "toml"))]
    {
        // Without the feature, the TOML posts are documents without front matter.
        let _ = toml_posts;
        assert_eq!(yaml.files, files);
    }
    // Every document that splits re-emits byte for byte. The metadata of every
    // block that reads as JSON-like data round-trips; the rest are 5 Hugo
    // archetypes with template maps as keys (`{{ .Name }}`) and the 2 blocks that
    // are not YAML (see SOURCES.md).
    let not_generic: usize = yaml.not_generic.values().sum();
    assert_eq!(yaml.identical + yaml.without_front_matter, yaml.split);
    assert_eq!(
        yaml.metadata_round_trips + not_generic + yaml.not_a_mapping,
        yaml.identical
    );
    assert_eq!(
        yaml.not_generic,
        BTreeMap::from([
            ("invalid-type".to_owned(), 5),
            ("yaml-syntax".to_owned(), 2)
        ]),
    );
    assert_eq!(yaml.not_a_mapping, 0);
}

#[test]
fn corpus_round_trip() {
    // tests/corpus/SOURCES.md: 17 TOML posts.
    round_trip_every_document(curated(), 324, 17);
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_corpus_round_trip() {
    // ../shared/corpus/SOURCES.md: 754 TOML posts.
    round_trip_every_document(&full(), 7_531, 754);
}
