//! Whole runs of `edit` on scratch folders: what is written, what is left alone,
//! what is printed and the exit status. Each test has a folder of its own.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::*;

/// A new empty folder for one test, under the system's temporary folder.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("masthead-edit-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The exit status, stdout and stderr of `edit ARGS`.
fn edit(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(args.iter().map(OsString::from), &mut out, &mut err);
    (
        status,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// Sets the modification time of `path` to a fixed moment in the past.
fn age(path: &Path) -> SystemTime {
    let past = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(past)
        .unwrap();
    past
}

fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const POST: &str = "---\ntitle: Hello # keep me\ntags: [a]\ndraft: true\n---\nBody\n";
const EDITED: &str =
    "---\ntitle: Hello # keep me\ntags: [a, rust]\nupdated: 2026-11-28\n---\nBody\n";

#[test]
fn edits_a_tree_in_place_and_leaves_unchanged_files_alone() {
    let dir = scratch("tree");
    let tree = dir.join("posts");
    fs::create_dir(&tree).unwrap();
    let post = tree.join("a.md");
    let text = tree.join("notes.txt");
    fs::write(&post, POST).unwrap();
    fs::write(&text, POST).unwrap();
    let before = [age(&post), age(&text)];
    let shown = tree.to_str().unwrap();
    let (status, out, err) = edit(&[
        "--set",
        "updated=2026-11-28",
        "--push",
        "tags=rust",
        "--remove",
        "draft",
        shown,
    ]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(out, format!("edited {}\n", post.display()));
    assert_eq!(
        err,
        "1 documents: 1 edited, 0 unchanged, 0 with errors (left untouched)\n"
    );
    assert_eq!(fs::read_to_string(&post).unwrap(), EDITED);
    assert_ne!(mtime(&post), before[0]);
    // Not Markdown: not walked.
    assert_eq!(fs::read_to_string(&text).unwrap(), POST);
    assert_eq!(mtime(&text), before[1]);
    // The atomic write left no temporary file behind.
    assert_eq!(names(&tree), ["a.md", "notes.txt"]);
    // Again: the document is already as wanted, so it is not rewritten.
    let again = age(&post);
    let (status, out, err) = edit(&["--set", "updated=2026-11-28", "--remove", "draft", shown]);
    assert_eq!((status, out.as_str()), (0, ""), "{err}");
    assert_eq!(
        err,
        "1 documents: 0 edited, 1 unchanged, 0 with errors (left untouched)\n"
    );
    assert_eq!(mtime(&post), again);
    assert_eq!(fs::read_to_string(&post).unwrap(), EDITED);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let dir = scratch("dry");
    let post = dir.join("a.md");
    fs::write(&post, POST).unwrap();
    let before = age(&post);
    let shown = post.to_str().unwrap();
    let (status, out, err) = edit(&[
        "--dry-run",
        "--set=updated=2026-11-28",
        "--push=tags=rust",
        "--remove=draft",
        shown,
    ]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out,
        format!(
            "--- {shown}\n+++ {shown}\n@@ -1,6 +1,6 @@\n ---\n title: Hello # keep me\n\
             -tags: [a]\n-draft: true\n+tags: [a, rust]\n+updated: 2026-11-28\n ---\n Body\n"
        )
    );
    assert_eq!(
        err,
        "1 documents: 1 would edit, 0 unchanged, 0 with errors (left untouched)\n"
    );
    assert_eq!(fs::read_to_string(&post).unwrap(), POST);
    assert_eq!(mtime(&post), before);
    assert_eq!(names(&dir), ["a.md"]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_document_with_an_error_is_reported_and_left_untouched() {
    let dir = scratch("errors");
    let flow = dir.join("flow.md");
    let broken = dir.join("broken.md");
    let good = dir.join("good.md");
    fs::write(&flow, "---\nauthor: {name: A}\ntags: b\n---\n").unwrap();
    fs::write(&broken, "---\ntitle: [a\n---\n").unwrap();
    fs::write(&good, POST).unwrap();
    let (status, out, err) = edit(&[
        "--color",
        "never",
        "--set",
        "author.name=B",
        "--push",
        "tags=c",
        "--remove",
        "draft",
        flow.to_str().unwrap(),
        broken.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(status, 1);
    // The run went on: the good document was edited.
    assert_eq!(out, format!("edited {}\n", good.display()));
    // Both failed edits of the first document, positioned in it, rustc style.
    assert!(err.contains("error[not-editable]"), "{err}");
    assert!(
        err.contains(&format!(" --> {}:2:9", flow.display())),
        "{err}"
    );
    assert!(err.contains("error[invalid-type]"), "{err}");
    assert!(
        err.contains(&format!(" --> {}:3:7", flow.display())),
        "{err}"
    );
    assert!(err.contains("error[yaml-syntax]"), "{err}");
    assert!(
        err.contains(&format!(" --> {}:", broken.display())),
        "{err}"
    );
    assert!(err.ends_with("3 documents: 1 edited, 0 unchanged, 2 with errors (left untouched)\n"));
    assert_eq!(
        fs::read_to_string(&flow).unwrap(),
        "---\nauthor: {name: A}\ntags: b\n---\n"
    );
    assert_eq!(
        fs::read_to_string(&broken).unwrap(),
        "---\ntitle: [a\n---\n"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn exit_status_two_for_usage_and_io_failures() {
    let (status, out, err) = edit(&["--set", "updated", "x.md"]);
    assert_eq!((status, out.as_str()), (2, ""));
    assert!(
        err.starts_with("edit: --set takes PATH=VALUE, not `updated`\nusage: edit "),
        "{err}"
    );
    let (status, out, _) = edit(&["--help"]);
    assert_eq!(status, 0);
    assert!(out.contains("EXIT STATUS"));
    let dir = scratch("io");
    let missing = dir.join("missing.md");
    let (status, _, err) = edit(&["--remove", "draft", missing.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(err.starts_with("error[io-error]: cannot read: "), "{err}");
    assert!(
        err.contains(&format!(" --> {}\n", missing.display())),
        "{err}"
    );
    fs::remove_dir_all(&dir).unwrap();
}
