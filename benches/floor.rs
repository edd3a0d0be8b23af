//! The floor of `lint`'s CPU time: walk the folders as lint does (depth first, each
//! folder's entries sorted by name, Markdown files only) and read every file into
//! one reused buffer, checking nothing. `benches/lint_cpu.py` times lint against it.
//!
//! `floor PATH...` prints the documents and bytes read. Run without a PATH (as under
//! `cargo test -p masthead-benches --benches`), it reads the bundled sample releases.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Every Markdown file under `root`, in lint's order, passed to `each`.
fn walk(root: &Path, each: &mut impl FnMut(&Path)) {
    let Ok(read) = std::fs::read_dir(root) else {
        return;
    };
    let mut entries: Vec<(OsString, bool)> = read
        .filter_map(Result::ok)
        .filter_map(|e| {
            let kind = e.file_type().ok()?;
            let name = e.file_name();
            let md = Path::new(&name).extension().is_some_and(|x| {
                ["md", "markdown", "mdx"]
                    .iter()
                    .any(|m| x.eq_ignore_ascii_case(m))
            });
            (kind.is_dir() || (kind.is_file() && md)).then_some((name, kind.is_dir()))
        })
        .collect();
    entries.sort_unstable();
    for (name, dir) in entries {
        // Allocated once, as lint's walk does (`join` grows its copy twice).
        let mut path = PathBuf::with_capacity(root.as_os_str().len() + 1 + name.len());
        path.push(root);
        path.push(&name);
        if dir {
            walk(&path, each);
        } else {
            each(&path);
        }
    }
}

fn main() {
    let mut roots: Vec<PathBuf> = std::env::args_os()
        .skip(1)
        .filter(|a| !a.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
        .collect();
    if roots.is_empty() {
        roots.push(PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/releases"
        )));
    }
    let (mut documents, mut bytes) = (0usize, 0usize);
    let mut buffer = Vec::with_capacity(16 * 1024);
    for root in &roots {
        walk(root, &mut |path| {
            buffer.clear();
            // As lint reads: no metadata asked first (`take` hides the size).
            if let Ok(file) = std::fs::File::open(path) {
                if file.take(u64::MAX).read_to_end(&mut buffer).is_ok() {
                    documents += 1;
                    bytes += buffer.len();
                }
            }
        });
    }
    assert!(documents > 0, "no document read under {roots:?}");
    println!("documents {documents} bytes {bytes}");
}
