//! The inputs: files as given on the command line, folders walked recursively in
//! sorted order for Markdown files. Says which documents to check; reads none.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::cli::is_markdown;

/// One document to check, or a path that could not be walked and its error.
pub(crate) type Item = Result<PathBuf, (PathBuf, io::Error)>;

/// Every document to check, in order, with the index of the PATH it comes from:
/// files as given, folders walked in sorted order. A path that cannot be read is an
/// item too, so it gets its record.
pub(crate) fn inputs(paths: Vec<PathBuf>) -> impl Iterator<Item = (usize, Item)> {
    paths.into_iter().enumerate().flat_map(|(index, root)| {
        let walk: Box<dyn Iterator<Item = Item>> = if root.is_dir() {
            Box::new(Walk {
                pending: Vec::new(),
                stack: vec![],
                root: Some(root),
            })
        } else {
            Box::new(std::iter::once(Ok(root)))
        };
        walk.map(move |item| (index, item))
    })
}

/// A depth-first walk, each folder's entries sorted by name, the way
/// `walkdir::WalkDir::sort_by_file_name` orders them: a folder's documents come
/// before its later siblings. Names are sorted as owned `OsString`s, read once from
/// each entry: comparing `Path::file_name`s re-parses both paths at every
/// comparison, which was 16 % of the cycles of a whole-archive run. Links are not
/// followed (a link to a file or a folder is skipped, as walkdir does by default).
struct Walk {
    /// The folder to read first.
    root: Option<PathBuf>,
    /// The folders being walked, innermost last.
    stack: Vec<Folder>,
    /// Errors to report before going on.
    pending: Vec<(PathBuf, io::Error)>,
}

/// One folder's remaining entries, in reverse order (the next one is last).
struct Folder {
    path: PathBuf,
    entries: Vec<(OsString, bool)>,
}

impl Walk {
    /// Reads `path`'s entries: the sub-folders and the Markdown files.
    fn open(&mut self, path: PathBuf) {
        let read = match fs::read_dir(&path) {
            Ok(read) => read,
            Err(e) => {
                self.pending.push((path, e));
                return;
            }
        };
        let mut entries = Vec::new();
        for entry in read {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.pending.push((path.clone(), e));
                    continue;
                }
            };
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            if kind.is_dir() {
                entries.push((name, true));
            } else if kind.is_file() && is_markdown(Path::new(&name)) {
                entries.push((name, false));
            }
        }
        entries.sort_unstable_by(|a, b| b.0.cmp(&a.0));
        self.stack.push(Folder { path, entries });
    }
}

/// `folder.join(name)`, allocated once: `join` copies `folder`, then grows the
/// copy for the separator and the name (two `realloc`s a file, 4 % of lint's
/// instructions over the archive).
fn joined(folder: &Path, name: &OsStr) -> PathBuf {
    let mut path = PathBuf::with_capacity(folder.as_os_str().len() + 1 + name.len());
    path.push(folder);
    path.push(name);
    path
}

impl Iterator for Walk {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if let Some(root) = self.root.take() {
            self.open(root);
        }
        loop {
            if let Some(error) = self.pending.pop() {
                return Some(Err(error));
            }
            let top = self.stack.last_mut()?;
            let Some((name, is_dir)) = top.entries.pop() else {
                self.stack.pop();
                continue;
            };
            let path = joined(&top.path, &name);
            if is_dir {
                self.open(path);
            } else {
                return Some(Ok(path));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_depth_first_in_byte_order() {
        let root = std::env::temp_dir().join(format!("lint-walk-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for dir in ["b", "a/z", "B"] {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        for file in [
            "a.md", "a/z/x.md", "a/y.md", "b/c.MD", "B/d.mdx", "c.txt", "0.md",
        ] {
            fs::write(root.join(file), "").unwrap();
        }
        let got: Vec<String> = inputs(vec![root.clone()])
            .map(|(index, i)| {
                assert_eq!(index, 0);
                let p = i.unwrap();
                p.strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        let _ = fs::remove_dir_all(&root);
        assert_eq!(
            got,
            ["0.md", "B/d.mdx", "a/y.md", "a/z/x.md", "a.md", "b/c.MD"]
        );
    }
}
