//! The splitter over the real-world corpus in `../shared/corpus/samples`
//! (see `../shared/corpus/SOURCES.md`): every file splits without panicking and
//! reassembles exactly, the outcome counts match the corpus notes, and every row of
//! `stats.tsv` agrees with the split.

use std::collections::BTreeMap;
use std::fs;
use std::panic;
use std::path::{Path, PathBuf};

use masthead::{split_bytes, Document, Kind};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/samples");

/// The corpus folder; fails loudly when it is missing, because CI always has it.
pub(crate) fn samples() -> &'static Path {
    let dir = Path::new(SAMPLES);
    assert!(
        dir.join("stats.tsv").is_file(),
        "the corpus folder {SAMPLES} (with stats.tsv) is missing: these tests need the \
         shared corpus checked out next to the crate, as CI has it"
    );
    dir
}

/// The bytes of `rel`, a path relative to the corpus folder.
pub(crate) fn read(rel: &str) -> Vec<u8> {
    let path = samples().join(rel);
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

/// Every file under `dir`, recursively, as paths relative to the corpus folder with
/// `/` separators, sorted.
pub(crate) fn walk(dir: &Path, out: &mut Vec<String>) {
    for path in files_under(dir) {
        let rel = path.strip_prefix(samples()).unwrap();
        let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
        out.push(parts.join("/"));
    }
}

/// What the split of one file gave, without borrowing the file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
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
    fn name(&self) -> &'static str {
        match self {
            Outcome::FrontMatter { .. } => "front-matter",
            Outcome::NoFrontMatter { .. } => "none",
            Outcome::Error(kind) => kind.as_str(),
        }
    }
}

/// Splits `bytes` and, when that succeeds, checks that the parts put back together are
/// the input byte for byte.
fn outcome(rel: &str, bytes: &[u8]) -> Outcome {
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
    let spans = [
        doc.opening_fence_span(),
        doc.front_matter_span(),
        doc.closing_fence_span(),
        Some(doc.body_span()),
    ];
    let mut again = String::from(if doc.has_bom() { "\u{feff}" } else { "" });
    for span in spans.into_iter().flatten() {
        again.push_str(&src[span.range()]);
    }
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

/// Every file of the corpus, split.
fn split_all() -> BTreeMap<String, Outcome> {
    let mut files = Vec::new();
    walk(samples(), &mut files);
    files
        .into_iter()
        .map(|rel| {
            let bytes = read(&rel);
            let outcome = outcome(&rel, &bytes);
            (rel, outcome)
        })
        .collect()
}

#[test]
fn every_file_splits_and_reassembles() {
    let all = split_all();
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
    // The numbers of SOURCES.md. TOML (`+++`) front matter is front matter only with
    // the `toml` feature, and the UTF-16LE jekyll file is not UTF-8.
    let rust_blog = if cfg!(feature = "toml") {
        [584 + 754, 0, 0, 0]
    } else {
        [584, 754, 0, 0]
    };
    let expected = [
        ("beehive", [1999, 2, 0, 0]),
        ("rust-blog", rust_blog),
        ("18f", [911, 3, 0, 0]),
        ("powershell-docs", [1204, 2, 0, 0]),
        ("astro-docs", [761, 0, 0, 0]),
        ("jekyll", [297, 4, 1, 1]),
        ("hugo-docs", [997, 1, 0, 0]),
        ("LICENSES", [0, 10, 0, 0]),
        ("(root)", [0, 1, 0, 0]),
    ];
    let names = [
        "front-matter",
        "none",
        "unterminated-front-matter",
        "invalid-utf8",
    ];
    let mut wrong = Vec::new();
    for (top, numbers) in expected {
        let got = names.map(|name| count(top, name));
        if got != numbers {
            wrong.push(format!(
                "{top}: expected {numbers:?}, got {got:?} for {names:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty() && counts.len() == expected.len(),
        "outcome counts differ from SOURCES.md:\n{}\nall counts: {counts:#?}",
        wrong.join("\n")
    );
    assert_eq!(all.len(), 7_532, "files under {SAMPLES}");
}

/// One row of `stats.tsv`.
struct Row<'a> {
    path: &'a str,
    bytes: usize,
    has_bom: &'a str,
    crlf: &'a str,
    first_line: &'a str,
    front_matter_lines: i64,
    fm_kind: &'a str,
    delim_trailing_ws: bool,
}

fn parse_row(line: &str) -> Row<'_> {
    let cols: Vec<&str> = line.split('\t').collect();
    assert_eq!(cols.len(), 10, "stats.tsv row {line:?}");
    Row {
        path: cols[0],
        bytes: cols[1].parse().unwrap(),
        has_bom: cols[2],
        crlf: cols[3],
        first_line: cols[4],
        front_matter_lines: cols[5].parse().unwrap(),
        fm_kind: cols[6],
        delim_trailing_ws: cols[7] == "1",
    }
}

/// Trims a fence line to its marker and trailing blanks, without the line ending.
fn fence_text(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

/// Where the split of one file disagrees with its `stats.tsv` row.
///
/// How the columns are read (checked against the files):
/// - `has_bom`: `0`, `utf8` or `utf16le`. UTF-16 files are not UTF-8 and must give
///   `invalid-utf8`; their other columns describe the decoded text and are skipped.
/// - `fm_kind` `yaml` with `front_matter_lines` >= 0: a `---` block of that many
///   lines (0 for an empty block). `unterminated-yaml` (lines -2): an opening `---`
///   with no closing line. `none` (lines -1): no front matter. `toml`: a `+++` block,
///   front matter with the `toml` feature, and *no* front matter without it (the
///   `+++` line is body).
/// - `first_line`: the first line after the BOM, without its line ending, cut at 80
///   characters; for files with front matter it is the opening fence.
/// - `delim_trailing_ws`: whether a fence line of the block has trailing blanks.
/// - `crlf`: `none`, `all` or `mixed` for the whole file; for `all` every line of the
///   block (and both fences) must end in CRLF, for `none` none may.
fn disagreements(row: &Row<'_>, bytes: &[u8], outcome: &Outcome) -> Vec<String> {
    let mut out = Vec::new();
    let mut differ = |what: &str, tsv: &dyn std::fmt::Debug, split: &dyn std::fmt::Debug| {
        out.push(format!(
            "{}: {what}: stats.tsv says {tsv:?}, split says {split:?}",
            row.path
        ));
    };
    if row.bytes != bytes.len() {
        differ("bytes", &row.bytes, &bytes.len());
    }
    if row.has_bom == "utf16le" {
        if *outcome != Outcome::Error(Kind::InvalidUtf8) {
            differ("UTF-16 file", &"invalid-utf8", outcome);
        }
        return out;
    }
    let expected = match (row.fm_kind, row.front_matter_lines) {
        ("yaml", n) if n >= 0 => "front-matter",
        ("unterminated-yaml", _) => "unterminated-front-matter",
        ("toml", _) if cfg!(feature = "toml") => "front-matter",
        ("none" | "toml", _) => "none",
        (kind, n) => panic!("{}: unknown fm_kind {kind:?} with {n} lines", row.path),
    };
    if outcome.name() != expected {
        differ("outcome", &expected, &outcome.name());
    }
    let bom = row.has_bom == "utf8";
    match outcome {
        Outcome::FrontMatter {
            bom: has_bom,
            open,
            block,
            close,
        } => {
            if *has_bom != bom {
                differ("has_bom", &bom, has_bom);
            }
            let lines = block.matches('\n').count();
            if usize::try_from(row.front_matter_lines).ok() != Some(lines) {
                differ("front_matter_lines", &row.front_matter_lines, &lines);
            }
            if fence_text(open) != row.first_line {
                differ("first_line", &row.first_line, &fence_text(open));
            }
            let trailing = [open, close]
                .iter()
                .any(|fence| fence_text(fence).len() > 3);
            if trailing != row.delim_trailing_ws {
                differ("delim_trailing_ws", &row.delim_trailing_ws, &trailing);
            }
            let crlf_lines = [open.as_str(), block, close]
                .concat()
                .split_inclusive('\n')
                .map(|line| line.ends_with("\r\n"))
                .collect::<Vec<_>>();
            let all_crlf = crlf_lines.iter().all(|&c| c);
            let no_crlf = !crlf_lines.iter().any(|&c| c);
            if (row.crlf == "all" && !all_crlf) || (row.crlf == "none" && !no_crlf) {
                differ("crlf of the fences and block", &row.crlf, &crlf_lines);
            }
        }
        Outcome::NoFrontMatter { bom: has_bom } => {
            if *has_bom != bom {
                differ("has_bom", &bom, has_bom);
            }
        }
        Outcome::Error(_) => {}
    }
    out
}

#[test]
fn stats_tsv_agrees_with_split() {
    let tsv = String::from_utf8(read("stats.tsv")).expect("stats.tsv is UTF-8");
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "path\tbytes\thas_bom\tcrlf\tfirst_line\tfront_matter_lines\tfm_kind\t\
             delim_trailing_ws\tfinal_newline\tbare_cr"
        ),
        "stats.tsv header"
    );
    let mut mismatches = Vec::new();
    let mut rows = 0;
    for line in lines {
        let row = parse_row(line);
        let bytes = read(row.path);
        let outcome = outcome(row.path, &bytes);
        mismatches.extend(disagreements(&row, &bytes, &outcome));
        rows += 1;
    }
    assert_eq!(
        rows, 7_521,
        "rows of stats.tsv (SOURCES.md says 7,521 files)"
    );
    assert!(
        mismatches.is_empty(),
        "{} disagreements between stats.tsv and split:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
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

#[test]
fn crlf_files() {
    let dir = "powershell-docs/reference/5.1/Microsoft.PowerShell.Management";
    let mut files = Vec::new();
    walk(&samples().join(dir), &mut files);
    let mut crlf = 0;
    for rel in &files {
        let bytes = read(rel);
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
    // SOURCES.md: 25 CRLF files, two of them (Get-Acl, Set-Acl) in ...Security.
    assert_eq!(crlf, 23, "CRLF files in {dir}");
    // Set-Acl.md has one stray `\r\r\n` (in its body): the body keeps it.
    let (_, result) =
        split_file("powershell-docs/reference/5.1/Microsoft.PowerShell.Security/Set-Acl.md");
    let (_, fm, body) = result.unwrap();
    assert!(fm.is_some());
    assert_eq!(body.matches("\r\r\n").count(), 1);
}

#[test]
fn jekyll_fixtures() {
    let src = "jekyll/test/source/";
    let err = split_bytes(&read(&format!("{src}_includes/sig.markdown"))).unwrap_err();
    assert_eq!(err.kind(), Kind::UnterminatedFrontMatter);
    assert_eq!(
        (
            err.span().start(),
            err.span().end(),
            err.line(),
            err.column()
        ),
        (0, 3, 1, 1)
    );
    assert_eq!(
        err.to_string(),
        "unterminated front matter: the opening `---` has no closing `---` or `...` line at line 1 column 1"
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
    assert_eq!(err.kind(), Kind::InvalidUtf8);
    assert_eq!(
        (
            err.span().start(),
            err.span().end(),
            err.line(),
            err.column()
        ),
        (0, 1, 1, 1)
    );
    assert_eq!(
        err.to_string(),
        "invalid UTF-8: byte `0xff` does not begin a valid sequence at line 1 column 1"
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
