//! The corpus roots of the test binary (the curated set in `tests/corpus`, the full
//! corpus of `MASTHEAD_CORPUS`) and the splitter over them: every file splits without
//! panicking and reassembles exactly, and the outcome counts are known. It must not
//! copy corpus files anywhere.

use std::collections::BTreeMap;
use std::fs;
use std::panic;
use std::path::{Path, PathBuf};

use masthead::{split_bytes, Document, Kind};

use crate::support::{assert_error, reassemble};

/// The curated corpus in the repository (see `tests/corpus/SOURCES.md`): a few hundred
/// real documents, laid out like `samples/` of the full corpus.
const CURATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

/// Where the full corpus is when `MASTHEAD_CORPUS` is unset.
const DEFAULT_FULL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// The curated corpus, always there: the root of the normal corpus tests.
pub(crate) fn curated() -> &'static Path {
    Path::new(CURATED)
}

/// The `samples/` folder of the full corpus, the root of the `sweep_` tests:
/// `$MASTHEAD_CORPUS/samples`, by default `../shared/corpus/samples` beside the crate.
/// Panics when it is missing, so that a sweep never passes by reading nothing.
pub(crate) fn full() -> PathBuf {
    let (corpus, from) = match std::env::var_os("MASTHEAD_CORPUS") {
        Some(dir) => (PathBuf::from(dir), "MASTHEAD_CORPUS"),
        None => (PathBuf::from(DEFAULT_FULL), "the default"),
    };
    let samples = corpus.join("samples");
    assert!(
        samples.join("stats.tsv").is_file(),
        "the full corpus is missing: {} (from {from}) has no samples/stats.tsv. Set \
         MASTHEAD_CORPUS to the corpus folder (the one holding samples/), or check it out \
         at the default {DEFAULT_FULL}; the sweep_ tests need it",
        corpus.display()
    );
    samples
}

/// The bytes of `rel`, a path relative to the curated corpus: for tests that name
/// their file.
pub(crate) fn read(rel: &str) -> Vec<u8> {
    read_in(curated(), rel)
}

/// The bytes of `rel`, a path relative to `root`.
pub(crate) fn read_in(root: &Path, rel: &str) -> Vec<u8> {
    let path = root.join(rel);
    fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every file under `dir`, recursively, sorted. The one corpus walker of the test
/// binary.
pub(crate) fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries =
            fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            let entry = entry.unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                pending.push(entry.path());
            } else if kind.is_file() {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    out
}

/// `path` relative to `root`, with `/` between its parts on every platform.
pub(crate) fn relative(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap();
    let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
    parts.join("/")
}

/// Every file under `root/sub` (`sub` empty for all of `root`), as paths relative
/// to `root` with `/` separators, sorted.
pub(crate) fn walk(root: &Path, sub: &str) -> Vec<String> {
    files_under(&root.join(sub))
        .iter()
        .map(|path| relative(path, root))
        .collect()
}

/// What the split of one file gave, without borrowing the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Front matter: whether the input has a BOM, the opening fence line, the block
    /// and the closing fence line.
    FrontMatter {
        bom: bool,
        open: String,
        block: String,
        close: String,
    },
    NoFrontMatter {
        bom: bool,
    },
    Error(Kind),
}

impl Outcome {
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Outcome::FrontMatter { .. } => "front-matter",
            Outcome::NoFrontMatter { .. } => "none",
            Outcome::Error(kind) => kind.as_str(),
        }
    }
}

/// Splits `bytes` and, when that succeeds, checks that the parts put back together are
/// the input byte for byte.
pub(crate) fn outcome(rel: &str, bytes: &[u8]) -> Outcome {
    let result = panic::catch_unwind(|| split_bytes(bytes));
    let doc: Document<'_> = match result {
        Err(payload) => {
            eprintln!("split_bytes panicked on {rel}");
            panic::resume_unwind(payload)
        }
        Ok(Err(err)) => return Outcome::Error(err.kind()),
        Ok(Ok(doc)) => doc,
    };
    let src = doc.source();
    assert_eq!(src.as_bytes(), bytes, "{rel}: source is not the input");
    let again = reassemble(&doc);
    assert!(
        again.as_bytes() == bytes,
        "{rel}: the parts do not reassemble to the input"
    );
    match (
        doc.opening_fence_span(),
        doc.front_matter(),
        doc.closing_fence_span(),
    ) {
        (Some(open), Some(block), Some(close)) => Outcome::FrontMatter {
            bom: doc.has_bom(),
            open: src[open.range()].to_owned(),
            block: block.to_owned(),
            close: src[close.range()].to_owned(),
        },
        _ => Outcome::NoFrontMatter { bom: doc.has_bom() },
    }
}

/// Every file under `root`, split.
fn split_all(root: &Path) -> BTreeMap<String, Outcome> {
    walk(root, "")
        .into_iter()
        .map(|rel| {
            let bytes = read_in(root, &rel);
            let outcome = outcome(&rel, &bytes);
            (rel, outcome)
        })
        .collect()
}

/// The outcomes counted per top-level folder, in the order of the counts.
const OUTCOMES: [&str; 4] = [
    "front-matter",
    "none",
    "unterminated-front-matter",
    "invalid-utf8",
];

/// The counts of the Rust blog: TOML (`+++`) front matter is front matter only with
/// the `toml` feature, and body without it.
fn rust_blog(yaml: usize, toml: usize) -> [usize; 4] {
    if cfg!(feature = "toml") {
        [yaml + toml, 0, 0, 0]
    } else {
        [yaml, toml, 0, 0]
    }
}

/// Every file under `root` splits and reassembles; per top-level folder (`(root)`
/// for files at the top), the number of files of each outcome of [`OUTCOMES`] is
/// `expected`, and there are `files` files in all.
fn splits_and_reassembles(root: &Path, expected: &[(&str, [usize; 4])], files: usize) {
    let all = split_all(root);
    // Per top-level folder: outcome name -> count.
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for (rel, outcome) in &all {
        let top = rel.split('/').next().unwrap();
        let top = if top == rel { "(root)" } else { top };
        *counts
            .entry(top)
            .or_default()
            .entry(outcome.name())
            .or_default() += 1;
    }
    let count = |top: &str, name: &str| {
        counts
            .get(top)
            .and_then(|c| c.get(name))
            .copied()
            .unwrap_or(0)
    };
    let mut wrong = Vec::new();
    for &(top, numbers) in expected {
        let got = OUTCOMES.map(|name| count(top, name));
        if got != numbers {
            wrong.push(format!(
                "{top}: expected {numbers:?}, got {got:?} for {OUTCOMES:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty() && counts.len() == expected.len(),
        "outcome counts differ from SOURCES.md:\n{}\nall counts: {counts:#?}",
        wrong.join("\n")
    );
    assert_eq!(all.len(), files, "files under {}", root.display());
}

#[test]
fn every_file_splits_and_reassembles() {
    // The numbers of tests/corpus/SOURCES.md; the UTF-16LE jekyll file is not UTF-8.
    // At the top: stats.tsv, SOURCES.md and .gitattributes.
    let expected = [
        ("beehive", [59, 2, 0, 0]),
        ("rust-blog", rust_blog(12, 17)),
        ("18f", [48, 3, 0, 0]),
        ("powershell-docs", [24, 2, 0, 0]),
        ("astro-docs", [17, 0, 0, 0]),
        ("jekyll", [98, 4, 1, 1]),
        ("hugo-docs", [23, 1, 0, 0]),
        ("LICENSES", [0, 10, 0, 0]),
        ("(root)", [0, 3, 0, 0]),
    ];
    splits_and_reassembles(curated(), &expected, 325);
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_every_file_splits_and_reassembles() {
    // The numbers of ../shared/corpus/SOURCES.md.
    let expected = [
        ("beehive", [1999, 2, 0, 0]),
        ("rust-blog", rust_blog(584, 754)),
        ("18f", [911, 3, 0, 0]),
        ("powershell-docs", [1204, 2, 0, 0]),
        ("astro-docs", [761, 0, 0, 0]),
        ("jekyll", [297, 4, 1, 1]),
        ("hugo-docs", [997, 1, 0, 0]),
        ("LICENSES", [0, 10, 0, 0]),
        ("(root)", [0, 1, 0, 0]),
    ];
    splits_and_reassembles(&full(), &expected, 7_532);
}

/// `(has_bom, front_matter, body)` of a split, owned.
type Parts = (bool, Option<String>, String);

/// The text of one corpus file, which must be valid UTF-8, and its split.
#[track_caller]
fn split_file(rel: &str) -> (String, Result<Parts, masthead::Error>) {
    let bytes = read(rel);
    let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{rel} is not UTF-8: {e}"));
    let result = masthead::split(&text).map(|doc| {
        (
            doc.has_bom(),
            doc.front_matter().map(str::to_owned),
            doc.body().to_owned(),
        )
    });
    (text, result)
}

#[test]
fn byte_order_mark_files() {
    for rel in [
        "powershell-docs/reference/5.1/Microsoft.PowerShell.Utility/Write-Host.md",
        "powershell-docs/reference/7.4/Microsoft.PowerShell.Utility/Write-Host.md",
    ] {
        let bytes = read(rel);
        let doc = split_bytes(&bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert!(doc.has_bom(), "{rel}");
        let block = doc
            .front_matter()
            .unwrap_or_else(|| panic!("{rel}: no front matter"));
        assert!(
            block.starts_with("document type: cmdlet\n"),
            "{rel}: {block:?}"
        );
        assert!(block.ends_with("title: Write-Host\n"), "{rel}: {block:?}");
        assert_eq!(block.lines().count(), 8, "{rel}");
        let open = doc.opening_fence_span().unwrap();
        assert_eq!(
            (open.start(), open.end(), open.line(), open.column()),
            (3, 7, 1, 1)
        );
        let close = doc.closing_fence_span().unwrap();
        assert_eq!((close.line(), close.column()), (10, 1), "{rel}");
        assert_eq!(&doc.source()[close.range()], "---\n", "{rel}");
        assert_eq!((doc.body_span().line(), doc.body_span().column()), (11, 1));
        assert!(doc.body().starts_with("\n# Write-Host\n"), "{rel}");
    }
    // A BOM without front matter.
    let (text, result) = split_file("powershell-docs/LICENSE.md");
    let (bom, fm, body) = result.unwrap();
    assert!(bom && fm.is_none());
    assert_eq!(body, text["\u{feff}".len()..]);
    // UTF-8 BOM and front matter (LF despite the file name).
    let (_, result) = split_file("jekyll/test/source/_encodings/UTF8CRLFandBOM.md");
    let (bom, fm, _) = result.unwrap();
    assert!(bom);
    assert_eq!(fm.map(|b| b.lines().count()), Some(4));
}

/// The PowerShell folder with CRLF files: each one has CRLF fences and block lines,
/// and there are `expected` of them under `root`.
fn crlf_management_files(root: &Path, expected: usize) {
    let dir = "powershell-docs/reference/5.1/Microsoft.PowerShell.Management";
    let mut crlf = 0;
    for rel in &walk(root, dir) {
        let bytes = read_in(root, rel);
        if !bytes.windows(2).any(|w| w == b"\r\n") {
            continue;
        }
        crlf += 1;
        let doc = split_bytes(&bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let open = doc
            .opening_fence_span()
            .unwrap_or_else(|| panic!("{rel}: no front matter"));
        let close = doc.closing_fence_span().unwrap();
        assert_eq!(&doc.source()[open.range()], "---\r\n", "{rel}");
        assert_eq!(&doc.source()[close.range()], "---\r\n", "{rel}");
        let block = doc.front_matter().unwrap();
        assert!(!block.is_empty(), "{rel}");
        assert!(
            block
                .split_inclusive('\n')
                .all(|line| line.ends_with("\r\n")),
            "{rel}: a block line without CRLF"
        );
        assert_eq!(
            (close.line(), close.column()),
            (block.lines().count() + 2, 1),
            "{rel}"
        );
    }
    assert_eq!(crlf, expected, "CRLF files in {dir}");
}

#[test]
fn crlf_files() {
    // tests/corpus/SOURCES.md: 4 CRLF files in that folder (and 3 LF ones).
    crlf_management_files(curated(), 4);
    // Set-Acl.md has one stray `\r\r\n` (in its body): the body keeps it.
    let (_, result) =
        split_file("powershell-docs/reference/5.1/Microsoft.PowerShell.Security/Set-Acl.md");
    let (_, fm, body) = result.unwrap();
    assert!(fm.is_some());
    assert_eq!(body.matches("\r\r\n").count(), 1);
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_crlf_files() {
    // ../shared/corpus/SOURCES.md: 25 CRLF files, two of them (Get-Acl, Set-Acl) in
    // ...Security.
    crlf_management_files(&full(), 23);
}

#[test]
fn jekyll_fixtures() {
    let src = "jekyll/test/source/";
    let err = split_bytes(&read(&format!("{src}_includes/sig.markdown"))).unwrap_err();
    assert_error(
        &err,
        Kind::UnterminatedFrontMatter,
        (0, 3, 1, 1),
        "unterminated front matter: the opening `---` has no closing `---` or `...` line at line 1 column 1",
    );

    let (_, result) = split_file(&format!("{src}_roles/unnamed.md"));
    let (bom, fm, body) = result.unwrap();
    assert!(!bom);
    assert_eq!(fm.as_deref(), Some(""), "an empty front matter, present");
    assert_eq!(body, "\r\nNo `name` in front matter.\r\n");

    let bytes = read(&format!("{src}_posts/2014-03-03-yaml-with-dots.md"));
    let doc = split_bytes(&bytes).unwrap();
    let close = doc.closing_fence_span().unwrap();
    assert_eq!(&doc.source()[close.range()], "...\n");
    assert_eq!((close.line(), close.column()), (3, 1));
    assert_eq!(
        doc.front_matter(),
        Some("title: Test Post Where YAML Ends in Dots\n")
    );

    let bytes = read(&format!("{src}_posts/2015-12-27-extra-spaces.markdown"));
    let doc = split_bytes(&bytes).unwrap();
    assert_eq!(
        &doc.source()[doc.opening_fence_span().unwrap().range()],
        "---  \n"
    );
    assert_eq!(doc.front_matter(), Some("extra: spaces\n"));

    let (text, result) = split_file(&format!("{src}_posts/2009-06-22-no-yaml.markdown"));
    assert_eq!(result.unwrap(), (false, None, text));
    let (_, result) = split_file(&format!("{src}_posts/2009-06-22-empty-yaml.markdown"));
    assert_eq!(
        result.unwrap(),
        (false, Some(String::new()), "Empty YAML.".to_owned())
    );

    let err = split_bytes(&read(&format!("{src}_encodings/Unicode16LECRLFandBOM.md"))).unwrap_err();
    assert_error(
        &err,
        Kind::InvalidUtf8,
        (0, 1, 1, 1),
        "invalid UTF-8: byte `0xff` does not begin a valid sequence at line 1 column 1",
    );
}

#[test]
fn documents_without_front_matter() {
    // Prose, then a `---` rule on line 3: not front matter.
    let (text, result) = split_file("beehive/LICENSE.md");
    assert!(
        text.lines().nth(2) == Some("---"),
        "beehive/LICENSE.md line 3"
    );
    assert_eq!(result.unwrap(), (false, None, text));
    // An HTML comment before the opening `---`.
    for rel in [
        "18f/examples/blog-post.md",
        "18f/examples/project-template.md",
    ] {
        let (text, result) = split_file(rel);
        assert!(text.contains("\n---\n"), "{rel}");
        assert_eq!(result.unwrap(), (false, None, text), "{rel}");
    }
    // TOML front matter is body to a YAML-only splitter; with the `toml` feature,
    // it is front matter.
    let (text, result) = split_file("rust-blog/toml/content/Rust-1.0@1.md");
    assert!(text.starts_with("+++\n"));
    let (bom, fm, body) = result.unwrap();
    if cfg!(feature = "toml") {
        assert!(!bom && fm.is_some_and(|fm| fm.starts_with("path = ")));
        assert!(text.ends_with(&body) && body.len() < text.len());
    } else {
        assert_eq!((bom, fm, body), (false, None, text));
    }
}

#[test]
fn beehive_reference_document_and_empty_bodies() {
    let (text, result) = split_file(
        "beehive/releases/2024/05/2024-05-13-new-zealand-expresses-regret-north-koreas-aggressive-rhetoric.md",
    );
    let (bom, fm, body) = result.unwrap();
    assert!(!bom);
    let fm = fm.unwrap();
    assert!(fm.starts_with("title: \"New Zealand expresses regret at North Korea\u{2019}s"));
    assert_eq!(fm.lines().count(), 7);
    assert!(body.starts_with("\nForeign Minister Winston Peters"));
    assert!(!text.ends_with('\n') && text.ends_with(&body));
    // Front matter only: the body is the one blank line after the closing fence.
    let (_, result) = split_file("beehive/releases/2000/08/2000-08-01-14296.md");
    let (_, fm, body) = result.unwrap();
    assert!(fm.unwrap().ends_with("  - Defence\n"));
    assert_eq!(body, "\n");
}
