//! Excerpts: only where the body has the separator, as a span of the source.

use masthead::{split, DEFAULT_EXCERPT_SEPARATOR};

/// The excerpt text and its line and column, with the given separator.
#[track_caller]
fn excerpt<'a>(src: &'a str, separator: &str) -> Option<(&'a str, usize, usize)> {
    let doc = split(src).unwrap();
    let span = doc.excerpt_with(separator)?;
    assert_eq!(span.start(), doc.body_span().start(), "starts at the body");
    assert!(
        src[span.end()..].starts_with(separator),
        "ends at the separator"
    );
    Some((&src[span.range()], span.line(), span.column()))
}

#[test]
fn default_separator() {
    assert_eq!(DEFAULT_EXCERPT_SEPARATOR, "<!-- more -->");
    let src = "---\ntitle: x\n---\nIntro.\n\n<!-- more -->\n\nRest.\n";
    let doc = split(src).unwrap();
    assert_eq!(doc.excerpt(), doc.excerpt_with(DEFAULT_EXCERPT_SEPARATOR));
    assert_eq!(
        excerpt(src, DEFAULT_EXCERPT_SEPARATOR),
        Some(("Intro.\n\n", 4, 1))
    );
}

#[test]
fn no_separator_no_excerpt() {
    for src in [
        "---\ntitle: x\n---\nNo separator.\n",
        "---\ntitle: x\n---\n",
        "",
        // Never guessed from a `---` line, nor from Hugo's spelling.
        "---\ntitle: x\n---\nIntro.\n---\nRest.\n",
        "Intro.\n<!--more-->\nRest.\n",
        // The separator in the front matter is not in the body.
        "---\nsummary: <!-- more -->\n---\nBody.\n",
    ] {
        assert_eq!(split(src).unwrap().excerpt(), None, "{src:?}");
    }
    assert_eq!(excerpt("a <!-- more --> b", ""), None);
}

#[test]
fn edge_cases() {
    // At the start of the body: an empty excerpt.
    assert_eq!(
        excerpt("---\na: 1\n---\n<!-- more -->\nRest", "<!-- more -->"),
        Some(("", 4, 1))
    );
    // Without front matter, after a BOM: the body starts after it.
    assert_eq!(
        excerpt("\u{feff}<!-- more -->", "<!-- more -->"),
        Some(("", 1, 1))
    );
    assert_eq!(
        excerpt("\u{feff}Intro <!-- more -->", "<!-- more -->"),
        Some(("Intro ", 1, 1))
    );
    // CRLF: the excerpt keeps its line endings.
    assert_eq!(
        excerpt(
            "---\r\na: 1\r\n---\r\nIntro.\r\n<!-- more -->\r\nRest\r\n",
            "<!-- more -->"
        ),
        Some(("Intro.\r\n", 4, 1))
    );
    // Anywhere in a line, and the first occurrence wins.
    assert_eq!(
        excerpt("Intro <!--more--> one <!--more--> two", "<!--more-->"),
        Some(("Intro ", 1, 1))
    );
    // Inside a fenced code block too: the body is not read as Markdown.
    assert_eq!(
        excerpt("Intro\n```\n<!-- more -->\n```\n", "<!-- more -->"),
        Some(("Intro\n```\n", 1, 1))
    );
    // A configured separator, even one made of dashes, since it is asked for.
    assert_eq!(
        excerpt("---\na: 1\n---\nIntro\n---\nRest", "\n---\n"),
        Some(("Intro", 4, 1))
    );
    // Multi-byte text before the separator.
    assert_eq!(
        excerpt("Grüße ✓ <!-- more -->", "<!-- more -->"),
        Some(("Grüße ✓ ", 1, 1))
    );
    // The closing fence ends the input: the body and its excerpt are empty.
    let doc = split("---\na: 1\n---").unwrap();
    assert_eq!(doc.excerpt(), None);
}

/// Every excerpt found under `root` is a prefix of its body; there are `expected`.
fn excerpts_are_spans_of_the_body(root: &std::path::Path, expected: usize) {
    let mut found = 0;
    for rel in &crate::corpus::walk(root, "") {
        let bytes = crate::corpus::read_in(root, rel);
        let Ok(doc) = masthead::split_bytes(&bytes) else {
            continue;
        };
        for sep in ["<!-- more -->", "<!--more-->"] {
            if let Some(span) = doc.excerpt_with(sep) {
                found += 1;
                let text = &doc.source()[span.range()];
                assert!(doc.body().starts_with(text), "{rel}");
                assert!(!text.contains(sep), "{rel}");
                assert!(doc.source()[span.end()..].starts_with(sep), "{rel}");
            }
        }
    }
    assert!(found > 0, "the corpus has no excerpt separator at all");
    assert_eq!(found, expected);
}

#[test]
fn corpus_excerpts_are_spans_of_the_body() {
    // Hugo's docs describe `<!--more-->`; whatever the corpus holds, every excerpt
    // found is a prefix of its body.
    excerpts_are_spans_of_the_body(crate::corpus::curated(), 1);
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_corpus_excerpts_are_spans_of_the_body() {
    excerpts_are_spans_of_the_body(&crate::corpus::full(), 11);
}
