//! The inputs: files as given, folders walked recursively in sorted order for
//! Markdown files (lint's order and its Markdown test, from `examples/shared`).
//! Says which documents to edit; reads none.

use std::io;
use std::path::{Path, PathBuf};

use crate::cli::is_markdown;

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
                        Ok(e)
                            if e.file_type().is_file() && is_markdown(Path::new(e.file_name())) =>
                        {
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
