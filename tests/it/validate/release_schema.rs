//! The release JSON Schema (`Schema::release()`, `examples/release.schema.json`)
//! against the engine it replaced: the diagnostics (kind, severity, path, line,
//! column) that the builder's `release` schema gave, kept in `tests/expected/`, on
//! the curated corpus and, in a sweep, on all 55,167 releases of the archive.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use masthead::Schema;

use crate::corpus::{curated, files_under, relative};

/// One line per diagnostic of every UTF-8 document under `root`:
/// `file, kind, severity, path, line, column`, and the number of documents.
fn diagnostics(root: &Path) -> (BTreeSet<String>, usize) {
    let schema = Schema::release();
    let mut lines = BTreeSet::new();
    let mut docs = 0;
    for file in files_under(root) {
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !["md", "markdown", "mdx"].contains(&ext) {
            continue;
        }
        let bytes = std::fs::read(&file).unwrap();
        let Ok(src) = std::str::from_utf8(&bytes) else {
            continue;
        };
        docs += 1;
        let rel = relative(&file, root);
        for d in &masthead::validate_str(src, &schema) {
            lines.insert(format!(
                "{rel}\t{}\t{}\t{}\t{}\t{}",
                d.kind(),
                d.severity(),
                d.path(),
                d.line(),
                d.column()
            ));
        }
    }
    (lines, docs)
}

fn expected(name: &str) -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[track_caller]
fn agree(found: &BTreeSet<String>, want: &BTreeSet<String>) {
    let missing: Vec<&String> = want.difference(found).collect();
    let extra: Vec<&String> = found.difference(want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "the release JSON Schema differs from the old engine:\nnot found: {missing:#?}\nnew: {extra:#?}"
    );
}

#[test]
fn the_release_json_schema_agrees_with_the_old_engine_on_the_curated_corpus() {
    let (found, docs) = diagnostics(curated());
    assert_eq!(docs, 317);
    let want = expected("release-curated.tsv");
    assert_eq!(want.len(), 963);
    agree(&found, &want);
}

/// The archive, extracted into a scratch folder (or `MASTHEAD_ARCHIVE`, the
/// `releases` folder of an extracted archive).
fn archive() -> (PathBuf, Option<PathBuf>) {
    if let Some(dir) = std::env::var_os("MASTHEAD_ARCHIVE") {
        return (PathBuf::from(dir), None);
    }
    let corpus = crate::corpus::full();
    let tar = corpus.parent().unwrap().join("beehive-releases.tar.zst");
    let scratch = std::env::temp_dir().join(format!("masthead-archive-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let status = std::process::Command::new("tar")
        .arg("--zstd")
        .arg("-xf")
        .arg(&tar)
        .arg("-C")
        .arg(&scratch)
        .status()
        .unwrap();
    assert!(status.success(), "cannot extract {}", tar.display());
    (scratch.join("releases"), Some(scratch))
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_the_release_json_schema_agrees_with_the_old_engine_on_the_archive() {
    let (root, scratch) = archive();
    let (found, docs) = diagnostics(&root);
    if let Some(scratch) = scratch {
        std::fs::remove_dir_all(scratch).unwrap();
    }
    assert_eq!(docs, 55_167);
    let want = expected("release-archive.tsv");
    assert_eq!(want.len(), 76);
    agree(&found, &want);
}
