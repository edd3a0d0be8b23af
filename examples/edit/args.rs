//! The command line: the help text, which is the whole contract (edits, paths,
//! output, exit codes), and parsing arguments into `Args`. Touches no file.

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::path::PathBuf;

use masthead::Editor;

use crate::cli;

/// What `--help` prints: the whole contract, kept in step with the code by hand.
pub(crate) const HELP: &str = "\
edit: change front matter in place, one entry at a time, every other byte kept

USAGE:
    cargo run --example edit -- [OPTIONS] EDIT... PATH...

EDITS (one or more, repeatable, applied to each document in the order given):
    --set PATH=VALUE   set the value at PATH, adding the key when it is absent
                       (at the end of its mapping, in its indentation)
    --push PATH=VALUE  append VALUE to the list at PATH, in the list's style
                       (flow or block); an absent key becomes a one-item list
    --remove PATH      remove the entry at PATH with the comment lines right
                       above it and indented under it; an absent PATH is no
                       error
    PATH is a field path as diagnostics print it: `updated`, `author.url`,
    `tags[1]`. VALUE is YAML text, split from PATH at the first `=`:
    `updated=2026-11-28` (a plain date, written plain), `tags=[a, b]`,
    `title=\"Hello: world\"`, `draft=no` (written 'no', a string, so that YAML 1.1
    readers read a string too), `note=~` (null); an empty VALUE is an error. TOML front matter (`+++`, built
    with `--features toml`) takes the same YAML values, written as TOML.

ARGS:
    PATH...            files, or folders walked recursively for *.md, *.markdown
                       and *.mdx in sorted order (files named on the command line
                       are edited whatever their extension)

OPTIONS:
    --dry-run          write nothing: print a unified diff of every document the
                       edits would change (`git apply -p0` takes it)
    --color WHEN       diagnostics in colour: auto (default: when stderr is a
                       terminal), always, never
    -h, --help         print this help

BEHAVIOUR:
    Every edit changes only the lines of its entry: comments, quoting, key order,
    blank lines, line endings, the byte-order mark, the fences and the body stay
    as they were (masthead::Editor). A file is rewritten only when the edits
    change it, atomically: written to a temporary file in its own folder, given
    the file's permissions, then renamed over it (a symbolic link is followed
    and the file it points to is replaced). A document that does not split or
    parse, or an edit that cannot be made in place (a target inside a flow
    mapping, behind an alias or anchor, a multi-line plain scalar, a push to a
    value that is not a list, ...), is reported with its position and the
    document is left untouched; the other edits of that document are still tried,
    so that every problem is reported, and the run goes on.

OUTPUT:
    stdout: with --dry-run, the unified diff; without it, `edited PATH` for each
    file rewritten. stderr: a rustc-style report (path:line:col, 1-based, columns
    in characters, in the original document) for every problem, then a summary
    line: documents, edited (or `would edit`), unchanged, with errors.

EXIT STATUS:
    0  every document was edited or needed no change; --help
    1  at least one document had an error and was left untouched
    2  usage error (an unknown option, no edit, no PATH, an invalid field path or
       VALUE), or a file or folder could not be read or written
";

/// The one line printed after a usage error, on stderr.
pub(crate) const USAGE: &str =
    "usage: edit [--dry-run] (--set PATH=VALUE | --push PATH=VALUE | --remove PATH)... PATH... (see --help)";

/// One edit, as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Edit {
    Set(String, String),
    Push(String, String),
    Remove(String),
}

impl Edit {
    /// Makes the edit on `doc` (removing an absent entry is no error).
    pub(crate) fn apply(&self, doc: &mut Editor) -> Result<(), masthead::Error> {
        match self {
            Edit::Set(path, value) => doc.set_yaml(path, value),
            Edit::Push(path, value) => doc.push_yaml(path, value),
            Edit::Remove(path) => doc.remove(path).map(drop),
        }
    }
}

/// What the command line asks for.
#[derive(Debug)]
pub(crate) enum Command {
    /// `--help`.
    Help,
    /// Edit the paths.
    Edit(Args),
}

#[derive(Debug)]
pub(crate) struct Args {
    pub(crate) edits: Vec<Edit>,
    pub(crate) dry_run: bool,
    pub(crate) color: bool,
    pub(crate) paths: Vec<PathBuf>,
}

/// The arguments after the program's name, or `Err` with the message of a usage
/// error.
pub(crate) fn parse_args(raw: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut edits = Vec::new();
    let mut dry_run = false;
    let mut color = io::stderr().is_terminal();
    let mut paths = Vec::new();
    let mut raw = cli::Raw::new(raw);
    while let Some(opt) = raw.next_option(&mut paths) {
        let flag = opt.flag.as_str();
        match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "--dry-run" if opt.inline.is_none() => dry_run = true,
            "--set" | "--push" => {
                let given = raw.value(&opt)?;
                let Some((path, yaml)) = given.split_once('=') else {
                    return Err(format!("{flag} takes PATH=VALUE, not `{given}`"));
                };
                let edit = if flag == "--set" {
                    Edit::Set(path.to_owned(), yaml.to_owned())
                } else {
                    Edit::Push(path.to_owned(), yaml.to_owned())
                };
                edits.push(checked(flag, edit)?);
            }
            "--remove" => edits.push(checked(flag, Edit::Remove(raw.value(&opt)?))?),
            "--color" => color = cli::color(&raw.value(&opt)?, io::stderr().is_terminal())?,
            _ => return Err(opt.unknown()),
        }
    }
    if edits.is_empty() {
        return Err("no edit given (--set, --push or --remove)".to_owned());
    }
    if paths.is_empty() {
        return Err("no PATH given".to_owned());
    }
    Ok(Command::Edit(Args {
        edits,
        dry_run,
        color,
        paths,
    }))
}

/// `edit` when its field path and value are well formed: tried once on an empty
/// document, so that a typo is one usage error, not one error per document.
fn checked(flag: &str, edit: Edit) -> Result<Edit, String> {
    let mut probe = Editor::new("").map_err(|e| e.to_string())?;
    match edit.apply(&mut probe) {
        Ok(()) => Ok(edit),
        Err(e) => Err(format!("{flag}: {}", e.message())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Option<Args>, String> {
        parse_args(list.iter().map(OsString::from)).map(|c| match c {
            Command::Edit(args) => Some(args),
            Command::Help => None,
        })
    }

    #[test]
    fn edits_in_order_repeated_and_inline() {
        let a = args(&[
            "--set",
            "updated=2026-11-28",
            "--push=tags=rust",
            "--remove",
            "draft",
            "--set",
            "title=a = b",
            "--push",
            "tags=[x, y]",
            "a.md",
            "posts",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(
            a.edits,
            [
                Edit::Set("updated".into(), "2026-11-28".into()),
                Edit::Push("tags".into(), "rust".into()),
                Edit::Remove("draft".into()),
                Edit::Set("title".into(), "a = b".into()),
                Edit::Push("tags".into(), "[x, y]".into()),
            ]
        );
        assert!(!a.dry_run);
        assert_eq!(a.paths, [PathBuf::from("a.md"), PathBuf::from("posts")]);
        let a = args(&["--dry-run", "--set", "note=~", "--", "--x.md"])
            .unwrap()
            .unwrap();
        assert!(a.dry_run);
        assert_eq!(a.edits, [Edit::Set("note".into(), "~".into())]);
        assert_eq!(a.paths, [PathBuf::from("--x.md")]);
        assert!(args(&["--help"]).unwrap().is_none());
        assert!(args(&["--set", "a=1", "-h", "x"]).unwrap().is_none());
    }

    #[test]
    fn usage_errors() {
        for (list, message) in [
            (&["x.md"][..], "no edit given (--set, --push or --remove)"),
            (&["--remove", "draft"][..], "no PATH given"),
            (&["--set"][..], "--set needs a value"),
            (
                &["--set", "updated", "x"][..],
                "--set takes PATH=VALUE, not `updated`",
            ),
            (&["--bogus", "x"][..], "unknown option `--bogus`"),
            (
                &["--dry-run=yes", "x"][..],
                "unknown option `--dry-run=yes`",
            ),
            (
                &["--color", "blue", "x"][..],
                "unknown --color `blue`, expected auto, always or never",
            ),
        ] {
            assert_eq!(args(list).unwrap_err(), message, "{list:?}");
        }
        let bad_path = args(&["--remove", "tags[x]", "a.md"]).unwrap_err();
        assert!(
            bad_path.starts_with("--remove: invalid field path `tags[x]`"),
            "{bad_path}"
        );
        let empty = args(&["--set", "note=", "a.md"]).unwrap_err();
        assert!(empty.starts_with("--set: invalid value ``"), "{empty}");
        let bad_value = args(&["--push", "tags=[a", "a.md"]).unwrap_err();
        assert!(
            bad_value.starts_with("--push: invalid value `[a`"),
            "{bad_value}"
        );
    }
}
