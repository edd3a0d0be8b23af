//! Splits documents into front matter and body, and prints each part with its span
//! in the original document (byte range and line:column).
//!
//! The samples cover the shapes of the fence grammar: LF line endings, a byte-order
//! mark with CRLF line endings and a `...` closing fence, a document without front
//! matter, and an unterminated block, which is the one error of splitting.
//!
//! ```text
//! cargo run --example split
//! ```

use std::process::ExitCode;

use masthead::{Document, Span};

/// A blog post with LF line endings.
const POST: &str = "---
title: Tide tables for the harbour
date: 2025-03-02
tags: [sailing, weather]
---
# Tide tables

High water is at 06:14 and 18:37.
";

/// Windows style: a byte-order mark, CRLF line endings, a `...` closing fence.
const WINDOWS: &str =
    "\u{feff}---\r\ntitle: Quarterly report\r\nauthor: Aroha\r\n...\r\nFigures below.\r\n";

/// No opening fence on the first line, so no front matter: all of it is body.
const PLAIN: &str = "\n---\ntitle: not front matter\n---\n";

/// An opening fence that is never closed.
const UNTERMINATED: &str = "---\ntitle: Draft\n\nStill writing.\n";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    for (name, src) in [("post", POST), ("windows", WINDOWS), ("plain", PLAIN)] {
        let doc = masthead::split(src)?;
        show(name, &doc);
        // The parts put back together are the input, byte for byte.
        let bom = if doc.has_bom() { "\u{feff}" } else { "" };
        let spans = [
            doc.opening_fence_span(),
            doc.front_matter_span(),
            doc.closing_fence_span(),
            Some(doc.body_span()),
        ];
        let rebuilt: String = spans.iter().flatten().map(|s| &src[s.range()]).collect();
        assert_eq!(format!("{bom}{rebuilt}"), src);
    }

    // The only split error: it points at the opening fence.
    println!("== unterminated");
    let Err(e) = masthead::split(UNTERMINATED) else {
        return Err("an unterminated block split without an error".into());
    };
    println!(
        "  error[{}] at {}:{}: {}",
        e.kind(),
        e.line(),
        e.column(),
        e.message()
    );
    Ok(())
}

fn show(name: &str, doc: &Document<'_>) {
    println!("== {name}");
    println!("  byte-order mark: {}", doc.has_bom());
    match doc.front_matter() {
        Some(block) => {
            let spans = [
                ("opening fence", doc.opening_fence_span()),
                ("front matter", doc.front_matter_span()),
                ("closing fence", doc.closing_fence_span()),
            ];
            for (label, span) in spans {
                if let Some(span) = span {
                    println!("  {label:<14} {}", at(span));
                }
            }
            println!("  front matter text: {block:?}");
        }
        None => println!("  no front matter"),
    }
    println!("  {:<14} {}", "body", at(doc.body_span()));
    println!("  body text: {:?}", doc.body());
}

/// `line:column, bytes start..end`.
fn at(span: Span) -> String {
    format!(
        "{}:{}, bytes {}..{}",
        span.line(),
        span.column(),
        span.start(),
        span.end()
    )
}
