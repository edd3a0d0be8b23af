//! The error index (issue #16): every `Kind` has an entry, and each entry's example
//! document really produces that kind, rendered exactly as the entry shows.

use masthead::{read_front_matter_path, split_bytes, validate, Kind, Limits, Renderer, Report};
use masthead::{Rule, Schema};

/// The ```text blocks of an entry, without their fences.
fn text_blocks(entry: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut rest = entry;
    while let Some(start) = rest.find("```text\n") {
        let body = &rest[start + "```text\n".len()..];
        let end = body.find("\n```").expect("an unclosed block");
        blocks.push(body[..end].to_owned());
        rest = &body[end + 4..];
    }
    blocks
}

/// How the index says each example is checked.
fn schema(kind: Kind) -> (Schema, &'static str) {
    match kind {
        Kind::NoFrontMatter
        | Kind::InvalidType
        | Kind::MissingField
        | Kind::EmptyValue
        | Kind::MalformedDate
        | Kind::MalformedUrl => (Schema::release(), "checked with `Schema::release()`"),
        Kind::UnknownField => (
            Schema::new().required("title", Rule::string()).strict(true),
            "checked with `Schema::new().required(\"title\", Rule::string()).strict(true)`",
        ),
        Kind::InvalidValue => (
            Schema::from_json_schema(
                &serde_json::json!({"properties": {"lang": {"enum": ["en", "mi"]}}}),
            )
            .unwrap(),
            "checked with `Schema::from_json_schema(&json!({\"properties\": {\"lang\": {\"enum\": [\"en\", \"mi\"]}}}))`",
        ),
        Kind::LimitExceeded => (
            Schema::any().limits(Limits::new().max_depth(3)),
            "checked with `Schema::any().limits(Limits::new().max_depth(3))`",
        ),
        _ => (Schema::any(), "with any schema"),
    }
}

/// What the crate reports for the entry's example of `kind`, rendered.
fn rendered(kind: Kind, blocks: &[String]) -> Option<(Report, String)> {
    if kind == Kind::Io {
        // Relative to the package root, where tests run and no such file is.
        assert!(!std::path::Path::new("missing.md").exists());
        let err = read_front_matter_path("missing.md").unwrap_err();
        let report = Report::from(err);
        let shown = Renderer::new().render_report(&report, "missing.md", "");
        return Some((report, shown));
    }
    if kind == Kind::TomlSyntax && !cfg!(feature = "toml") {
        return None;
    }
    // The document as shown, with a final line ending; `�` stands for the byte 0xE9.
    let mut bytes = Vec::new();
    for c in format!("{}\n", blocks[0]).chars() {
        match c {
            '\u{fffd}' => bytes.push(0xe9),
            c => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    let report = match split_bytes(&bytes) {
        Ok(doc) => validate(&doc, &schema(kind).0),
        Err(e) => Report::from(e),
    };
    let shown = Renderer::new().render_report(&report, "post.md", &String::from_utf8_lossy(&bytes));
    Some((report, shown))
}

#[test]
fn every_kind_has_an_entry_whose_example_produces_it() {
    let mut ran = 0;
    for kind in Kind::ALL {
        let entry = kind.explain();
        assert!(
            entry.starts_with(&format!("# `{kind}`\n\n")),
            "{kind}: {entry}"
        );
        assert!(entry.contains("\nHow to fix it: "), "{kind}: no fix");
        let blocks = text_blocks(entry);
        let expected = if kind == Kind::Io { 1 } else { 2 };
        assert_eq!(blocks.len(), expected, "{kind}: {blocks:?}");
        if kind != Kind::Io {
            assert!(
                entry.contains(schema(kind).1),
                "{kind}: the entry names how it is checked"
            );
        }
        let Some((report, shown)) = rendered(kind, &blocks) else {
            continue;
        };
        ran += 1;
        let kinds: Vec<Kind> = report.iter().map(|d| d.kind()).collect();
        assert_eq!(
            kinds,
            [kind],
            "{kind}: the example produces exactly its kind"
        );
        assert_eq!(
            shown.trim_end_matches('\n'),
            blocks.last().unwrap(),
            "{kind}: the entry's rendering differs from the crate's"
        );
    }
    assert_eq!(ran, if cfg!(feature = "toml") { 15 } else { 14 });
}

#[test]
fn the_index_holds_every_entry_once() {
    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    for (i, kind) in Kind::ALL.iter().enumerate() {
        assert_eq!(Kind::from_name(kind.as_str()), Some(*kind));
        // No two kinds share an entry.
        for other in &Kind::ALL[..i] {
            assert_ne!(kind.explain(), other.explain());
        }
    }
    assert_eq!(Kind::from_name("invalid-value"), Some(Kind::InvalidValue));
    assert_eq!(Kind::from_name("invalid_value"), None);
    assert_eq!(names.len(), 15);
}
