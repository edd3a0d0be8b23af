//! The command line: the help text, which is the whole contract (flags, output, exit
//! codes), and parsing arguments into `Args`. Touches no file and checks nothing.

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::path::PathBuf;

use masthead::{Kind, Schema};

/// What `--help` prints: the whole contract, kept in step with the code by hand.
pub(crate) const HELP: &str = "\
lint: check the front matter of Markdown documents

USAGE:
    cargo run --release --example lint -- [OPTIONS] PATH...

ARGS:
    PATH...            files, or folders walked recursively for *.md, *.markdown
                       and *.mdx in sorted order (files named on the command line
                       are checked whatever their extension)

OPTIONS:
    --schema NAME      any (default): front matter, when present, must be YAML
                       whose root is a mapping (or empty), without repeated keys;
                       built with `--features toml`, TOML between `+++` fences
                       is front matter too (without it, `+++` is body).
                       release: the press-release schema (title, date, url,
                       ministers, portfolios required; attachments optional).
    --json             one JSON object per document and line (JSON Lines), in the
                       order of the paths: {\"path\", \"valid\", \"front_matter\":
                       null | {\"open_line\", \"close_line\"}, \"body_line\",
                       \"diagnostics\": [{\"kind\", \"severity\", \"path\", \"line\",
                       \"column\", \"message\"}]}; the summary goes to stderr
    --header-only      read each file only up to its closing fence (at most
                       64 KiB, with masthead::read_front_matter_path) and check
                       only the front matter: a body that is not UTF-8 is then
                       not reported, and a header error has no source snippet.
                       Without it (the default) whole files are read and a file
                       that is not UTF-8 anywhere is an invalid-utf8 error.
    --explain KIND     print the error index's entry for KIND and exit: what it
                       means, a minimal document that produces it, the report
                       for it, and how to fix it (the text of
                       masthead::Kind::explain, Markdown); no PATH is needed.
                       An unknown KIND is a usage error that lists the kinds.
    --color WHEN       auto (default: when stdout is a terminal), always, never
    -j, --jobs N       documents checked at once (default: twice the number of
                       cores, so that reading files overlaps checking them)
    -h, --help         print this help

OUTPUT:
    Without --json: a rustc-style report for every document with problems, then
    a summary (documents, valid, errors and warnings by kind, time). Lines and
    columns are 1-based, columns count characters. Kinds are stable:
    no-front-matter, unterminated-front-matter, yaml-syntax, invalid-type,
    missing-field, empty-value, malformed-date, malformed-url, duplicate-key,
    unknown-field, invalid-utf8, limit-exceeded, toml-syntax (with the toml
    feature), and io-error for a file that
    cannot be read. A bad or unreadable file never stops the run: every file
    gets its record.

EXIT STATUS:
    0  every document is valid (warnings allowed); --help; --explain KIND
    1  at least one document has an error
    2  usage error (an unknown --explain KIND too), or a file or folder could
       not be read
";

/// The one line printed after a usage error, on stderr.
pub(crate) const USAGE: &str =
    "usage: lint [--schema any|release] [--json] [--color WHEN] PATH... | --explain KIND (see --help)";

/// What the command line asks for.
#[derive(Debug)]
pub(crate) enum Command {
    /// `--help`.
    Help,
    /// `--explain KIND`.
    Explain(Kind),
    /// Check the paths.
    Check(Args),
}

#[derive(Debug)]
pub(crate) struct Args {
    pub(crate) schema: Schema,
    pub(crate) json: bool,
    pub(crate) header_only: bool,
    pub(crate) color: bool,
    pub(crate) jobs: usize,
    pub(crate) paths: Vec<PathBuf>,
}

/// The arguments after the program's name, or `Err` with the message of a usage
/// error.
pub(crate) fn parse_args(raw: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut schema = Schema::any();
    let mut json = false;
    let mut header_only = false;
    let mut color = io::stdout().is_terminal();
    let mut jobs = 2 * std::thread::available_parallelism().map_or(1, usize::from);
    let mut paths = Vec::new();
    let mut raw = raw.into_iter();
    let mut options_done = false;
    while let Some(arg) = raw.next() {
        let text = arg.to_string_lossy().into_owned();
        if options_done || !text.starts_with('-') || text == "-" {
            paths.push(PathBuf::from(arg));
            continue;
        }
        let (flag, inline) = match text.split_once('=') {
            Some((f, v)) => (f.to_owned(), Some(v.to_owned())),
            None => (text.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| raw.next().map(|v| v.to_string_lossy().into_owned()))
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--explain" => {
                let name = value("--explain")?;
                return Kind::from_name(&name).map(Command::Explain).ok_or_else(|| {
                    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                    format!(
                        "unknown kind `{name}`, expected one of: {}",
                        names.join(", ")
                    )
                });
            }
            "--json" if inline.is_none() => json = true,
            "--header-only" if inline.is_none() => header_only = true,
            "--schema" => {
                schema = match value("--schema")?.as_str() {
                    "any" => Schema::any(),
                    "release" => Schema::release(),
                    other => {
                        return Err(format!(
                            "unknown schema `{other}`, expected `any` or `release`"
                        ))
                    }
                }
            }
            "--color" => {
                color = match value("--color")?.as_str() {
                    "auto" => io::stdout().is_terminal(),
                    "always" => true,
                    "never" => false,
                    other => {
                        return Err(format!(
                            "unknown --color `{other}`, expected auto, always or never"
                        ))
                    }
                }
            }
            "-j" | "--jobs" => {
                let v = value("--jobs")?;
                jobs = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--jobs takes a positive number, not `{v}`"))?;
            }
            "--" => options_done = true,
            _ => return Err(format!("unknown option `{text}`")),
        }
    }
    if paths.is_empty() {
        return Err("no PATH given".to_owned());
    }
    Ok(Command::Check(Args {
        schema,
        json,
        header_only,
        color,
        jobs,
        paths,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Option<Args>, String> {
        parse_args(list.iter().map(OsString::from)).map(|c| match c {
            Command::Check(args) => Some(args),
            _ => None,
        })
    }

    #[test]
    fn explain() {
        let explain = |list: &[&str]| match parse_args(list.iter().map(OsString::from)) {
            Ok(Command::Explain(kind)) => Ok(kind),
            Ok(other) => panic!("{other:?}"),
            Err(e) => Err(e),
        };
        assert_eq!(
            explain(&["--explain", "duplicate-key"]),
            Ok(Kind::DuplicateKey)
        );
        assert_eq!(explain(&["--explain=io-error"]), Ok(Kind::Io));
        assert_eq!(
            explain(&["--explain"]),
            Err("--explain needs a value".to_owned())
        );
        let unknown = explain(&["--explain", "nope"]).unwrap_err();
        assert!(unknown.starts_with("unknown kind `nope`, expected one of: no-front-matter, "));
        for kind in Kind::ALL {
            assert!(unknown.contains(kind.as_str()), "{unknown}");
        }
        assert!(matches!(
            parse_args(["--help"].map(OsString::from)),
            Ok(Command::Help)
        ));
    }

    #[test]
    fn arguments() {
        let a = args(&["--schema", "release", "--json", "x"])
            .unwrap()
            .unwrap();
        assert!(a.json && !a.header_only);
        assert!(args(&["--header-only", "x"]).unwrap().unwrap().header_only);
        assert_eq!(a.paths, [PathBuf::from("x")]);
        assert!(args(&["--schema=any", "a", "b"]).unwrap().is_some());
        assert!(args(&["--help"]).unwrap().is_none());
        assert_eq!(args(&[]).unwrap_err(), "no PATH given");
        assert_eq!(
            args(&["--schema", "nope", "x"]).unwrap_err(),
            "unknown schema `nope`, expected `any` or `release`"
        );
        assert_eq!(
            args(&["--bogus", "x"]).unwrap_err(),
            "unknown option `--bogus`"
        );
        assert_eq!(
            args(&["--", "--json"]).unwrap().unwrap().paths,
            [PathBuf::from("--json")]
        );
        assert_eq!(
            args(&["-j", "0", "x"]).unwrap_err(),
            "--jobs takes a positive number, not `0`"
        );
    }
}
