//! Typed front matter: a struct that borrows its strings from the input, the
//! reference [`masthead::Release`] type, and one error positioned in the original
//! document.
//!
//! `&'a str` fields borrow plain and simply quoted scalars. Scalars that must be
//! rewritten (escapes, `''`, block scalars `|` and `>`) cannot borrow: a
//! `Cow<'a, str>` field with `#[serde(borrow)]` borrows when it can and owns
//! otherwise.
//!
//! ```text
//! cargo run --example typed
//! ```

use std::borrow::Cow;
use std::process::ExitCode;

use serde::Deserialize;

/// A blog post's metadata, borrowing from the document where it can.
#[derive(Debug, Deserialize)]
struct Post<'a> {
    /// Always borrowed: a `&str` field fails on a scalar that cannot borrow.
    title: &'a str,
    /// Borrowed here: a plain scalar.
    #[serde(borrow)]
    author: Cow<'a, str>,
    /// Owned here: a folded block scalar is rewritten.
    #[serde(borrow)]
    summary: Cow<'a, str>,
    #[serde(borrow, default)]
    tags: Vec<&'a str>,
}

const POST: &str = "---
title: Moving the allotment to raised beds
author: Mere Tipene
summary: >
  Why we rebuilt the garden,
  and what it cost.
tags: [garden, diy]
---
Last autumn the clay won.
";

/// A press release in the shape of the reference document (invented content).
const RELEASE: &str = "---
title: \"Minister opens the new Kāpiti ferry terminal\"
date: 2025-11-20T09:30:00+13:00
url: https://www.example.govt.nz/release/kapiti-ferry-terminal
ministers:
  - Hon Jane Example
portfolios:
  - Transport
  - Regional Development
attachments:
  - https://www.example.govt.nz/sites/default/files/terminal-factsheet.pdf
---

The Minister today opened the terminal.
";

/// The same release with a day that does not exist, after a byte-order mark and
/// with CRLF line endings: the error still points at the right line and column.
const BAD_RELEASE: &str = "\u{feff}---\r\n\
title: \"Minister opens the new Kāpiti ferry terminal\"\r\n\
date: 2025-02-29\r\n\
url: https://www.example.govt.nz/release/kapiti-ferry-terminal\r\n\
ministers: [Hon Jane Example]\r\n\
portfolios: [Transport]\r\n\
---\r\n";

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
    let post = masthead::from_str::<Post>(POST)?;
    let Post {
        title,
        author,
        summary,
        tags,
    } = &post.metadata;
    println!("== post");
    println!("  title:   {title:?} (borrowed: {})", borrows(POST, title));
    for (name, value) in [("author", author), ("summary", summary)] {
        let how = match value {
            Cow::Borrowed(s) if borrows(POST, s) => "borrowed from the input",
            Cow::Borrowed(_) => "borrowed",
            Cow::Owned(_) => "owned: the scalar was rewritten",
        };
        println!("  {:<8} {value:?} ({how})", format!("{name}:"));
    }
    println!("  tags:    {tags:?}");
    println!("  body:    {:?}", post.body);

    let release = masthead::from_str::<masthead::Release>(RELEASE)?.metadata;
    println!("== release");
    println!("  title:       {}", release.title);
    println!("  date:        {}", release.date);
    println!("  url:         {}", release.url);
    println!("  ministers:   {}", release.ministers.join(", "));
    println!("  portfolios:  {}", release.portfolios.join(", "));
    for url in &release.attachments {
        println!("  attachment:  {url}");
    }

    println!("== release with an error");
    let Err(err) = masthead::from_str::<masthead::Release>(BAD_RELEASE) else {
        return Err("the bad release parsed without an error".into());
    };
    println!("  one line: {err}");
    println!(
        "  kind `{}`, field `{}`, bytes {:?}",
        err.kind(),
        err.path(),
        err.span().range()
    );
    snippet(BAD_RELEASE, &err);
    Ok(())
}

/// Whether `s` points into `src`, i.e. was borrowed rather than copied.
fn borrows(src: &str, s: &str) -> bool {
    src.as_bytes().as_ptr_range().contains(&s.as_ptr())
}

/// The error's source line with a caret under its column, rustc style.
fn snippet(src: &str, err: &masthead::Error) {
    let (start, end) = (err.span().start(), err.span().end());
    let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    let mut text = src[line_start..line_end].trim_end_matches('\r');
    if line_start == 0 {
        // The byte-order mark is not a column.
        text = text.trim_start_matches('\u{feff}');
    }
    // Columns and carets count characters, not bytes.
    let marked = src[start..end.min(line_end)].trim_end_matches('\r');
    let width = marked.chars().count().max(1);
    let gutter = " ".repeat(err.line().to_string().len());
    println!("  error[{}]: {}", err.kind(), err.message());
    println!("  {gutter}--> {}:{}", err.line(), err.column());
    println!("  {gutter} |");
    println!("  {} | {text}", err.line());
    println!(
        "  {gutter} | {}{}",
        " ".repeat(err.column() - 1),
        "^".repeat(width)
    );
}
