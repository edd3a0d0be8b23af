//! What the benches share: the inputs (the full corpus found at run time, or the
//! curated set `tests/corpus/`; corpus files are never copied elsewhere) and the
//! peers, each called the way its documentation shows.

#![allow(dead_code)] // each bench binary uses a part of this module

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

/// The repository: the root crate's folder, the parent of this package's.
pub fn repo() -> &'static Path {
    let benches = Path::new(env!("CARGO_MANIFEST_DIR"));
    benches.parent().unwrap_or(benches)
}

/// The reference release, relative to `samples/` (and to `tests/corpus/`).
pub const REFERENCE: &str = "beehive/releases/2024/05/\
    2024-05-13-new-zealand-expresses-regret-north-koreas-aggressive-rhetoric.md";

/// Where the sample documents come from: the full corpus, or the curated set.
#[derive(Debug, Clone)]
pub struct Samples {
    /// The folder laid out like `samples/`.
    pub dir: PathBuf,
    /// Whether this is the full corpus (`MASTHEAD_CORPUS` or `../shared/corpus`).
    pub full: bool,
}

/// The samples the benches measure, found once per process: `$MASTHEAD_CORPUS/samples`
/// when the variable is set (a missing folder is then an error), else
/// `<repo>/../shared/corpus/samples` when it exists, else the curated set
/// `<repo>/tests/corpus`. The first call prints one line on stderr that says which
/// set is measured and how to get the full one.
pub fn samples() -> &'static Samples {
    static SAMPLES: OnceLock<Samples> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let default = repo()
            .parent()
            .map_or_else(|| repo().join(".."), Path::to_path_buf)
            .join("shared/corpus");
        let found = match std::env::var_os("MASTHEAD_CORPUS") {
            Some(dir) => {
                let dir = PathBuf::from(dir).join("samples");
                assert!(
                    dir.is_dir(),
                    "MASTHEAD_CORPUS is set but {} is not a folder",
                    dir.display()
                );
                Samples { dir, full: true }
            }
            None if default.join("samples").is_dir() => Samples {
                dir: default.join("samples"),
                full: true,
            },
            None => Samples {
                dir: repo().join("tests/corpus"),
                full: false,
            },
        };
        if found.full {
            eprintln!("corpus: the full corpus, {}", found.dir.display());
        } else {
            eprintln!(
                "corpus: the curated set {} (for the full corpus set MASTHEAD_CORPUS \
                 or put it at {})",
                found.dir.display(),
                default.display()
            );
        }
        found
    })
}

pub const KIB: usize = 1024;
pub const MIB: usize = 1024 * KIB;

/// The reference release, as text.
pub fn reference() -> String {
    let path = samples().dir.join(REFERENCE);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the reference document {}: {e}", path.display()))
}

/// The reference document's fences and front matter, then a body of exactly `len`
/// bytes (or up to 3 fewer, to end on a character) made by repeating its body.
pub fn with_body(src: &str, len: usize) -> String {
    let doc = masthead::split(src).expect("the reference document splits");
    let head = &src[..doc.body_span().start()];
    let unit = doc.body();
    assert!(!unit.is_empty(), "the reference document has a body");
    let mut out = String::with_capacity(head.len() + len + unit.len());
    out.push_str(head);
    while out.len() - head.len() < len {
        out.push_str(unit);
    }
    let mut end = head.len() + len;
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

/// A front matter of `n` keys (`key_000: value number 0`), then a short body.
pub fn many_keys(n: usize) -> String {
    let mut out = String::from("---\n");
    for i in 0..n {
        out.push_str(&format!("key_{i:03}: value number {i}\n"));
    }
    out.push_str("---\n\nA short body.\n");
    out
}

/// Every `*.md` file under `dir`, sorted.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The releases of `beehive/releases` in [`samples`], as text: 1,999 in the full
/// corpus, fewer in the curated set.
pub fn releases() -> Vec<String> {
    let dir = samples().dir.join("beehive/releases");
    markdown_files(&dir)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

/// The hand split people write: a `---\n` first line, then the first `\n---\n`.
/// Returns the block (with its last line ending) and the body.
pub fn hand_split(src: &str) -> Option<(&str, &str)> {
    let rest = src.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    Some((&rest[..=end], &rest[end + 5..]))
}

/// The baseline: the hand split, then `serde_yaml::from_str` on the block.
pub fn baseline<T: DeserializeOwned>(src: &str) -> Option<(T, &str)> {
    let (block, body) = hand_split(src)?;
    serde_yaml::from_str(block).ok().map(|t| (t, body))
}

/// A Rust peer: its name and its typed parse (split + YAML + `T`), as each documents
/// it. None of them has a public split without YAML parsing: their "split" in the
/// benches is this call with `T = serde::de::IgnoredAny`.
pub struct Peer {
    pub name: &'static str,
    /// What the call does beyond splitting, for the reader of the results.
    pub does: &'static str,
}

pub const PEERS: [Peer; 4] = [
    Peer {
        name: "gray_matter",
        does: "copies the input (orig), rebuilds the body line by line into a new String \
               (content), trims and copies the block, parses it with yaml-rust2 into a \
               Pod tree, then deserializes T from the tree",
    },
    Peer {
        name: "markdown_frontmatter",
        does: "trims leading white space, splits by lines (no copy), parses the block \
               into a serde_yaml 0.9 Value, then T from the Value",
    },
    Peer {
        name: "fronma",
        does: "strip_prefix(\"---\\n\") and str::find(\"---\\n\") (no copy), then \
               serde_yaml 0.8 from_str::<T>",
    },
    Peer {
        name: "yaml_front_matter",
        does: "copies every block line into a new String, collects and joins every body \
               line into a new String, then serde_yaml 0.8 from_str::<T>",
    },
];

/// Runs peer `name` on `src` into `T`; `Some(body length)` when it succeeds.
pub fn run_peer<T: DeserializeOwned>(name: &str, src: &str) -> Option<(T, usize)> {
    match name {
        "gray_matter" => {
            let m = gray_matter::Matter::<gray_matter::engine::YAML>::new();
            let parsed = m.parse::<T>(src).ok()?;
            Some((parsed.data?, parsed.content.len()))
        }
        "markdown_frontmatter" => {
            let (t, body) = markdown_frontmatter::parse::<T>(src).ok()?;
            Some((t, body.len()))
        }
        "fronma" => {
            let parsed = fronma::parser::parse::<T>(src).ok()?;
            Some((parsed.headers, parsed.body.len()))
        }
        "yaml_front_matter" => {
            let doc = yaml_front_matter::YamlFrontMatter::parse::<T>(src).ok()?;
            Some((doc.metadata, doc.content.len()))
        }
        _ => panic!("unknown peer {name}"),
    }
}
