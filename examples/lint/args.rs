//! The command line: the help text, which is the whole contract (flags, output, exit
//! codes), and parsing arguments into `Args`. Touches no file and checks nothing.

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::path::PathBuf;

use masthead::Kind;

use crate::cli;
use crate::schemas::Choice;

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
    --schema SCHEMA    the schema of every document that names none itself and
                       that no configuration maps (see SCHEMAS below):
                       any (default): front matter, when present, must be YAML
                       whose root is a mapping (or empty), without repeated keys;
                       built with `--features toml`, TOML between `+++` fences
                       is front matter too (without it, `+++` is body).
                       release: the press-release schema (title, date, url,
                       ministers, portfolios required; attachments optional).
                       FILE: a JSON Schema file, in JSON or YAML (drafts 2020-12
                       and 7; `$ref`s to sibling files are read, remote ones
                       never fetched); `./any` for a file named `any`.
    --json             one JSON object per document and line (JSON Lines), in the
                       order of the paths: {\"path\", \"schema\", \"valid\",
                       \"front_matter\": null | {\"open_line\", \"close_line\"},
                       \"body_line\", \"diagnostics\": [{\"kind\", \"severity\",
                       \"path\", \"line\", \"column\", \"message\"}]}; \"schema\" is
                       the schema the document was checked against: any,
                       release, none, or the schema file's path; the summary
                       goes to stderr
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
    --print-schema release
                       write the release schema as a JSON Schema (draft
                       2020-12) to stdout and exit, for an editor or a
                       configuration to use; no PATH is needed.
    --color WHEN       auto (default: when stdout is a terminal), always, never
    -j, --jobs N       documents checked at once (default: twice the number of
                       cores, so that reading files overlaps checking them)
    -h, --help         print this help

SCHEMAS:
    Each document gets one schema, the first of these that applies (the YAML
    language server's order, so that CI checks what the editor shows):
    1. the front matter names it: a comment line
       `# yaml-language-server: $schema=PATH`, else a top-level key
       `$schema: PATH`. PATH is read from the document's folder, else from the
       configuration's folder; `none` checks the syntax only. The `$schema` key
       itself is never checked against the schema.
    2. the nearest configuration file, `masthead.toml` or `.masthead.toml`, in
       the folder of each PATH or above it, maps the document's path with its
       [schemas] table: schema paths to globs (a glob or a list of them), both
       relative to the configuration's folder; the first entry of the file
       whose glob matches wins:
           [schemas]
           \"schemas/post.schema.json\" = [\"content/blog/**/*.md\"]
           \"schemas/page.schema.yaml\" = \"pages\"
       `**` matches any number of folders, `*` and `?` never match `/`; a glob
       without `/` matches the file name at any depth (`*.md`); a glob without
       wildcards is a file, or a folder and everything in it.
    3. --schema (any by default).
    Each schema file is loaded once per run. A document whose schema file
    cannot be read gets an io-error record and the run goes on; a schema that
    is not valid JSON Schema, or a malformed configuration, stops the run
    (exit 2) with a message naming the file (and the line, when known).

OUTPUT:
    Without --json: a rustc-style report for every document with problems, then
    a summary (documents, valid, errors and warnings by kind, time), preceded
    by one such line per schema when documents had different ones. Lines and
    columns are 1-based, columns count characters. Kinds are stable:
    no-front-matter, unterminated-front-matter, yaml-syntax, invalid-type,
    missing-field, empty-value, malformed-date, malformed-url, duplicate-key,
    unknown-field, invalid-utf8, limit-exceeded, invalid-value (a JSON Schema
    constraint: enum, pattern, a length, a range ...), toml-syntax (with the
    toml feature), and io-error for a file (or a schema file) that cannot be
    read. A bad or unreadable file never stops the run: every file
    gets its record.

EXIT STATUS:
    0  every document is valid (warnings allowed); --help; --explain KIND;
       --print-schema
    1  at least one document has an error
    2  usage error (an unknown --explain KIND too, a malformed configuration,
       a schema that is not valid JSON Schema), or a file, folder or schema
       file could not be read
";

/// The one line printed after a usage error, on stderr.
pub(crate) const USAGE: &str =
    "usage: lint [--schema any|release|FILE] [--json] [--color WHEN] PATH... | --explain KIND | --print-schema release (see --help)";

/// What the command line asks for.
#[derive(Debug)]
pub(crate) enum Command {
    /// `--help`.
    Help,
    /// `--explain KIND`.
    Explain(Kind),
    /// `--print-schema release`.
    PrintSchema,
    /// Check the paths.
    Check(Args),
}

#[derive(Debug)]
pub(crate) struct Args {
    pub(crate) schema: Choice,
    pub(crate) json: bool,
    pub(crate) header_only: bool,
    pub(crate) color: bool,
    pub(crate) jobs: usize,
    pub(crate) paths: Vec<PathBuf>,
}

/// The arguments after the program's name, or `Err` with the message of a usage
/// error.
pub(crate) fn parse_args(raw: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut schema = Choice::Any;
    let mut json = false;
    let mut header_only = false;
    let mut color = io::stdout().is_terminal();
    let mut jobs = 2 * std::thread::available_parallelism().map_or(1, usize::from);
    let mut paths = Vec::new();
    let mut raw = cli::Raw::new(raw);
    while let Some(opt) = raw.next_option(&mut paths) {
        match opt.flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--explain" => {
                let name = raw.value(&opt)?;
                return Kind::from_name(&name).map(Command::Explain).ok_or_else(|| {
                    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                    format!(
                        "unknown kind `{name}`, expected one of: {}",
                        names.join(", ")
                    )
                });
            }
            "--json" if opt.inline.is_none() => json = true,
            "--header-only" if opt.inline.is_none() => header_only = true,
            "--schema" => {
                let name = raw.value_os(&opt)?;
                schema = match name.to_str() {
                    Some("any") => Choice::Any,
                    Some("release") => Choice::Release,
                    Some("") => return Err("--schema needs a value".to_owned()),
                    _ => Choice::File(PathBuf::from(name)),
                }
            }
            "--print-schema" => {
                let name = raw.value(&opt)?;
                return match name.as_str() {
                    "release" => Ok(Command::PrintSchema),
                    other => Err(format!(
                        "unknown schema `{other}` for --print-schema, expected `release`"
                    )),
                };
            }
            "--color" => color = cli::color(&raw.value(&opt)?, io::stdout().is_terminal())?,
            "-j" | "--jobs" => {
                let v = raw.value(&opt)?;
                jobs = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--jobs takes a positive number, not `{v}`"))?;
            }
            _ => return Err(opt.unknown()),
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
            args(&["--schema", "post.schema.json", "x"])
                .unwrap()
                .unwrap()
                .schema,
            Choice::File(PathBuf::from("post.schema.json"))
        );
        assert_eq!(
            args(&["--schema=release", "x"]).unwrap().unwrap().schema,
            Choice::Release
        );
        assert_eq!(args(&["x"]).unwrap().unwrap().schema, Choice::Any);
        assert_eq!(args(&["--schema"]).unwrap_err(), "--schema needs a value");
        assert_eq!(
            args(&["--schema=", "x"]).unwrap_err(),
            "--schema needs a value"
        );
        assert!(matches!(
            parse_args(["--print-schema", "release"].map(OsString::from)),
            Ok(Command::PrintSchema)
        ));
        assert_eq!(
            args(&["--print-schema", "any"]).unwrap_err(),
            "unknown schema `any` for --print-schema, expected `release`"
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
