//! `stats.tsv` of a corpus root against the split: every row agrees with the split of
//! its file, and the rows list exactly the documents. The columns are described by the
//! corpus notes; this module must not second-guess them, only read them.

use std::path::Path;

use masthead::Kind;

use crate::corpus::{curated, full, outcome, read_in, walk, Outcome};

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

/// Every row of `root/stats.tsv` agrees with the split of its file; there are `rows`
/// rows, one for each document (every file but `LICENSES/` and the files at the top).
fn stats_agree(root: &Path, rows: usize) {
    let tsv = String::from_utf8(read_in(root, "stats.tsv")).expect("stats.tsv is UTF-8");
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
    let mut paths = Vec::new();
    for line in lines {
        let row = parse_row(line);
        let bytes = read_in(root, row.path);
        let outcome = outcome(row.path, &bytes);
        mismatches.extend(disagreements(&row, &bytes, &outcome));
        paths.push(row.path.to_owned());
    }
    assert_eq!(paths.len(), rows, "rows of {}/stats.tsv", root.display());
    assert!(
        mismatches.is_empty(),
        "{} disagreements between stats.tsv and split:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    let mut documents: Vec<String> = walk(root, "")
        .into_iter()
        .filter(|rel| rel.contains('/') && !rel.starts_with("LICENSES/"))
        .collect();
    paths.sort();
    documents.sort();
    let unlisted: Vec<&String> = documents.iter().filter(|d| !paths.contains(d)).collect();
    assert!(
        paths == documents,
        "stats.tsv does not list exactly the documents; not in it: {unlisted:?}"
    );
}

#[test]
fn stats_tsv_agrees_with_split() {
    // tests/corpus/SOURCES.md: 312 documents.
    stats_agree(curated(), 312);
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_stats_tsv_agrees_with_split() {
    // ../shared/corpus/SOURCES.md says 7,521 files.
    stats_agree(&full(), 7_521);
}
