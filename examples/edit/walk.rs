//! The inputs: files as given, folders walked recursively in sorted order for
//! Markdown files (lint's walk, copied: neither example depends on the other).
//! Says which documents to edit; reads none.

use std::io;
use std::path::{Path, PathBuf};

/// One document to edit, or a path that could not be walked and its error.
pub(crate) type Item = Result<PathBuf, (PathBuf, io::Error)>;

/// Every document to edit, in order: files as given, folders walked in sorted
/// order. A path that cannot be read is an item too, so it gets its record.
pub(crate) fn inputs(paths: Vec<PathBuf>) -> impl Iterator<Item = Item> {
    paths.into_iter().flat_map(|root| {
        let walk: Box<dyn Iterator<Item = _>> = if root.is_dir() {
            Box::new(
                walkdir::WalkDir::new(&root)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_map(move |entry| match entry {
                        Ok(e) if e.file_type().is_file() && is_markdown(e.path()) => {
                            Some(Ok(e.into_path()))
                        }
                        Ok(_) => None,
                        Err(e) => {
                            let path = e.path().map_or_else(|| root.clone(), Path::to_path_buf);
                            Some(Err((path, io::Error::other(e.to_string()))))
                        }
                    }),
            )
        } else {
            Box::new(std::iter::once(Ok(root)))
        };
        walk
    })
}

fn is_markdown(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["md", "markdown", "mdx"]
            .iter()
            .any(|m| e.eq_ignore_ascii_case(m))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_files_by_extension_in_any_case() {
        for (name, markdown) in [
            ("a.md", true),
            ("a.MD", true),
            ("b.Markdown", true),
            ("c.mdx", true),
            ("d.txt", false),
            ("md", false),
            ("e.md.bak", false),
        ] {
            assert_eq!(is_markdown(Path::new(name)), markdown, "{name}");
        }
    }
}
