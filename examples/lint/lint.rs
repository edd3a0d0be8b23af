//! `lint`: checks whole trees of front-matter documents and reports every problem,
//! as rustc-style diagnostics or as JSON Lines.
//!
//! ```text
//! cargo run --release --example lint -- --schema release examples/releases
//! cargo run --release --example lint -- --json ../shared/corpus/samples
//! cargo run --release --features toml --example lint -- ../shared/corpus/samples/rust-blog/toml
//! ```
//!
//! Run it with `--help` for the whole contract (flags, output, exit codes).

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use masthead::{Diagnostic, Document, Kind, Renderer, Report, Schema};
use serde::Serialize;

const HELP: &str = "\
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
    0  every document is valid (warnings allowed)
    1  at least one document has an error
    2  usage error, or a file or folder could not be read
";

/// Documents checked between two writes of output: bounds memory whatever the
/// number of files, while both cores stay busy.
const CHUNK: usize = 512;

#[derive(Debug)]
struct Args {
    schema: Schema,
    json: bool,
    header_only: bool,
    color: bool,
    jobs: usize,
    paths: Vec<PathBuf>,
}

fn parse_args(raw: impl IntoIterator<Item = OsString>) -> Result<Option<Args>, String> {
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
            "-h" | "--help" => return Ok(None),
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
    Ok(Some(Args {
        schema,
        json,
        header_only,
        color,
        jobs,
        paths,
    }))
}

/// Every document to check, in order: files as given, folders walked in sorted
/// order. A path that cannot be read is an item too, so it gets its record.
fn inputs(paths: Vec<PathBuf>) -> impl Iterator<Item = Result<PathBuf, (PathBuf, io::Error)>> {
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

/// What checking one document produced: its output, ready to write, and tallies.
struct Outcome {
    text: String,
    valid: bool,
    unreadable: bool,
    tally: Vec<(&'static str, bool)>,
}

#[derive(Serialize)]
struct Record<'a> {
    path: &'a str,
    valid: bool,
    front_matter: Option<Fences>,
    body_line: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct Fences {
    open_line: usize,
    close_line: usize,
}

#[derive(Serialize)]
#[serde(untagged)]
enum JsonDiagnostic<'a> {
    Document(&'a Diagnostic),
    Io {
        kind: &'static str,
        severity: &'static str,
        path: &'static str,
        line: usize,
        column: usize,
        message: String,
    },
}

struct Linter {
    schema: Schema,
    json: bool,
    header_only: bool,
    renderer: Renderer,
}

impl Linter {
    fn check(&self, item: &Result<PathBuf, (PathBuf, io::Error)>) -> Outcome {
        if self.header_only {
            if let Ok(path) = item {
                return self.check_header(path);
            }
        }
        let (path, bytes) = match item {
            Ok(path) => (path, read(path)),
            Err((path, e)) => (path, Err(io::Error::new(e.kind(), e.to_string()))),
        };
        let shown = path.to_string_lossy();
        match bytes {
            Ok(bytes) => self.check_bytes(&shown, &bytes),
            Err(e) => self.unreadable(&shown, &e),
        }
    }

    /// `--header-only`: the front matter alone, read without the body.
    fn check_header(&self, path: &Path) -> Outcome {
        let shown = path.to_string_lossy();
        match masthead::read_front_matter_path(path) {
            Ok(header) => {
                let report = header.validate(&self.schema);
                self.outcome(&shown, Some(header.as_document()), &report, b"")
            }
            Err(e) if e.kind() == Kind::Io => {
                let message = e.message().strip_prefix("cannot read: ").unwrap_or("");
                self.unreadable(&shown, &io::Error::other(message.to_owned()))
            }
            Err(e) => self.outcome(&shown, None, &Report::from(e), b""),
        }
    }

    fn check_bytes(&self, shown: &str, bytes: &[u8]) -> Outcome {
        let (doc, report) = match masthead::split_bytes(bytes) {
            Ok(doc) => (Some(doc), masthead::validate(&doc, &self.schema)),
            Err(e) => (None, Report::from(e)),
        };
        self.outcome(shown, doc, &report, bytes)
    }

    /// The record of one document: `doc` when it split, and what it came from.
    fn outcome(
        &self,
        shown: &str,
        doc: Option<Document<'_>>,
        report: &Report,
        bytes: &[u8],
    ) -> Outcome {
        let tally = report
            .iter()
            .map(|d| (d.kind().as_str(), d.is_error()))
            .collect();
        let valid = report.is_valid();
        let text = if self.json {
            let record = Record {
                path: shown,
                valid,
                front_matter: doc.as_ref().and_then(fences),
                body_line: doc.map_or(1, |d| d.body_span().line()),
                diagnostics: report.iter().map(JsonDiagnostic::Document).collect(),
            };
            json_line(&record)
        } else if report.is_empty() {
            String::new()
        } else {
            let source = match doc {
                Some(d) => std::borrow::Cow::Borrowed(d.source()),
                None => String::from_utf8_lossy(bytes),
            };
            self.renderer.render_report(report, shown, &source)
        };
        Outcome {
            text,
            valid,
            unreadable: false,
            tally,
        }
    }

    fn unreadable(&self, shown: &str, e: &io::Error) -> Outcome {
        let message = format!("cannot read: {e}");
        let text = if self.json {
            json_line(&Record {
                path: shown,
                valid: false,
                front_matter: None,
                body_line: 1,
                diagnostics: vec![JsonDiagnostic::Io {
                    kind: "io-error",
                    severity: "error",
                    path: "",
                    line: 1,
                    column: 1,
                    message,
                }],
            })
        } else {
            format!(
                "error[io-error]: {message}\n --> {}\n\n",
                escape_path(shown)
            )
        };
        Outcome {
            text,
            valid: false,
            unreadable: true,
            tally: vec![("io-error", true)],
        }
    }
}

/// The bytes of a file. Unlike `std::fs::read` it asks for no metadata first: on
/// small files that is one system call in four saved.
fn read(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(8 * 1024);
    std::fs::File::open(path)?
        .take(u64::MAX)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A path for the terminal: control characters escaped, as the renderer does.
fn escape_path(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn fences(doc: &Document<'_>) -> Option<Fences> {
    Some(Fences {
        open_line: doc.opening_fence_span()?.line(),
        close_line: doc.closing_fence_span()?.line(),
    })
}

/// One JSON Lines record. serde_json escapes control characters; the
/// bidirectional formatting characters, which can reorder what a terminal shows, are
/// escaped here too (`\u202e`), so no input reaches a terminal raw.
fn json_line<T: Serialize>(value: &T) -> String {
    let line = serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    let mut out = String::with_capacity(line.len() + 1);
    for c in line.chars() {
        if matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}

/// Checks `items` on every core and returns the outcomes in the order of `items`.
fn check_all(
    linter: &Linter,
    items: &[Result<PathBuf, (PathBuf, io::Error)>],
    threads: usize,
) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Outcome>> =
        std::iter::repeat_with(|| None).take(items.len()).collect();
    let done: Vec<Vec<(usize, Outcome)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, linter.check(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    for (i, outcome) in done.into_iter().flatten() {
        slots[i] = Some(outcome);
    }
    slots.into_iter().flatten().collect()
}

#[derive(Default)]
struct Summary {
    documents: usize,
    valid: usize,
    unreadable: usize,
    by_kind: BTreeMap<&'static str, (usize, usize)>,
}

impl Summary {
    fn add(&mut self, o: &Outcome) {
        self.documents += 1;
        self.valid += usize::from(o.valid);
        self.unreadable += usize::from(o.unreadable);
        for &(kind, is_error) in &o.tally {
            let entry = self.by_kind.entry(kind).or_default();
            if is_error {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }

    /// The exit status: 2 when a file could not be read, 1 when a document has an
    /// error, 0 otherwise.
    fn status(&self) -> u8 {
        if self.unreadable > 0 {
            2
        } else if self.valid < self.documents {
            1
        } else {
            0
        }
    }

    fn line(&self, elapsed: Duration) -> String {
        let count = |pick: fn(&(usize, usize)) -> usize| -> (usize, String) {
            let parts: Vec<String> = self
                .by_kind
                .iter()
                .filter(|(_, n)| pick(n) > 0)
                .map(|(k, n)| format!("{} {k}", pick(n)))
                .collect();
            let total = self.by_kind.values().map(pick).sum();
            (
                total,
                if parts.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", parts.join(", "))
                },
            )
        };
        let (errors, error_kinds) = count(|n| n.0);
        let (warnings, warning_kinds) = count(|n| n.1);
        let mut out = String::new();
        let _ = write!(
            out,
            "checked {} document{} in {:.2} s: {} valid, {} invalid; {errors} error{}{error_kinds}, {warnings} warning{}{warning_kinds}",
            self.documents,
            plural(self.documents),
            elapsed.as_secs_f64(),
            self.valid,
            self.documents - self.valid,
            plural(errors),
            plural(warnings),
        );
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lint: {message}\nusage: lint [--schema any|release] [--json] [--color WHEN] PATH... (see --help)");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let linter = Linter {
        schema: args.schema,
        json: args.json,
        header_only: args.header_only,
        renderer: Renderer::new().color(args.color),
    };
    let threads = args.jobs;
    let progress = io::stderr().is_terminal();
    let mut summary = Summary::default();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // Walk the folders on a thread of their own, a bounded distance ahead.
    let (send, items) = std::sync::mpsc::sync_channel(2 * CHUNK);
    let paths = args.paths;
    std::thread::spawn(move || {
        for item in inputs(paths) {
            if send.send(item).is_err() {
                break;
            }
        }
    });
    let mut items = items.into_iter();
    loop {
        let chunk: Vec<_> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        for outcome in check_all(&linter, &chunk, threads) {
            summary.add(&outcome);
            if out.write_all(outcome.text.as_bytes()).is_err() {
                // The reader went away (a closed pipe): stop quietly.
                return ExitCode::from(2);
            }
        }
        if progress && started.elapsed() > Duration::from_secs(1) {
            eprint!("\r\x1b[Kchecked {} documents ...", summary.documents);
        }
    }
    if progress {
        eprint!("\r\x1b[K");
    }
    let line = summary.line(started.elapsed());
    if args.json {
        let _ = out.flush();
        eprintln!("{line}");
    } else {
        let _ = writeln!(out, "{line}");
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    ExitCode::from(summary.status())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Option<Args>, String> {
        parse_args(list.iter().map(OsString::from))
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

    fn linter(schema: Schema, json: bool) -> Linter {
        Linter {
            schema,
            json,
            header_only: false,
            renderer: Renderer::new(),
        }
    }

    fn samples() -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/releases"))
    }

    #[test]
    fn the_bundled_samples_in_order_with_one_outcome_each() {
        let items: Vec<_> = inputs(vec![samples()]).collect();
        assert_eq!(items.len(), 28);
        let paths: Vec<_> = items.iter().map(|i| i.as_ref().unwrap().clone()).collect();
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(paths, sorted, "walked in sorted order");
        for threads in [1, 3] {
            let outcomes = check_all(&linter(Schema::release(), true), &items, threads);
            let mut summary = Summary::default();
            for (o, path) in outcomes.iter().zip(&paths) {
                let record: serde_json::Value = serde_json::from_str(&o.text).unwrap();
                assert_eq!(
                    record["path"],
                    path.to_string_lossy().as_ref(),
                    "records keep the input order"
                );
                summary.add(o);
            }
            assert_eq!(
                (summary.documents, summary.valid, summary.unreadable),
                (28, 15, 0)
            );
            assert_eq!(summary.status(), 1);
            assert_eq!(summary.by_kind["malformed-date"], (2, 1));
        }
    }

    #[test]
    fn json_records_follow_the_contract() {
        let l = linter(Schema::release(), true);
        let src = b"---\r\ntitle: x\r\ndate: 2024-13-45\r\n---\r\nbody";
        let record: serde_json::Value =
            serde_json::from_str(&l.check_bytes("a.md", src).text).unwrap();
        assert_eq!(
            record["front_matter"],
            serde_json::json!({"open_line": 1, "close_line": 4})
        );
        assert_eq!(record["body_line"], 5);
        assert_eq!(record["valid"], false);
        let first = &record["diagnostics"][0];
        assert_eq!(first["kind"], "missing-field");
        assert_eq!(
            (first["line"].as_u64(), first["column"].as_u64()),
            (Some(1), Some(1))
        );
        let date = record["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == "date")
            .unwrap();
        assert_eq!(
            date["message"],
            "invalid date `2024-13-45`: month 13 is out of range"
        );
        assert_eq!(
            (date["line"].as_u64(), date["column"].as_u64()),
            (Some(3), Some(7))
        );

        let plain: serde_json::Value =
            serde_json::from_str(&l.check_bytes("b.md", b"# no front matter\n").text).unwrap();
        assert_eq!(plain["front_matter"], serde_json::Value::Null);
        assert_eq!(plain["body_line"], 1);
        assert_eq!(plain["diagnostics"][0]["kind"], "no-front-matter");

        let utf8: serde_json::Value =
            serde_json::from_str(&l.check_bytes("c.md", b"---\na: \xff\n---\n").text).unwrap();
        assert_eq!(utf8["diagnostics"][0]["kind"], "invalid-utf8");
        assert_eq!(
            (
                utf8["diagnostics"][0]["line"].as_u64(),
                utf8["diagnostics"][0]["column"].as_u64()
            ),
            (Some(2), Some(4))
        );
    }

    #[test]
    fn an_unreadable_file_gets_its_record_and_status_2() {
        let missing = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/releases/no-such-file.md"
        ));
        for json in [true, false] {
            let o = linter(Schema::any(), json).check(&Ok(missing.clone()));
            assert!(o.unreadable && !o.valid);
            assert!(o.text.contains("io-error"), "{}", o.text);
            let mut summary = Summary::default();
            summary.add(&o);
            summary.add(&linter(Schema::any(), json).check_bytes("ok.md", b"---\na: 1\n---\n"));
            assert_eq!(summary.status(), 2);
        }
    }

    #[test]
    fn human_output_and_summary() {
        let l = linter(Schema::release(), false);
        let valid = l.check_bytes("ok.md", b"---\ntitle: T\ndate: 2024-05-13\nurl: https://x.nz/\nministers: [A]\nportfolios: [B]\n---\n");
        assert_eq!(valid.text, "", "valid documents print nothing");
        let bad = l.check_bytes("bad.md", b"---\ntitle: T\n");
        assert!(
            bad.text.starts_with("error[unterminated-front-matter]: "),
            "{}",
            bad.text
        );
        assert!(bad.text.contains(" --> bad.md:1:1\n"), "{}", bad.text);
        let mut summary = Summary::default();
        summary.add(&valid);
        summary.add(&bad);
        assert_eq!(
            summary.line(Duration::from_millis(1500)),
            "checked 2 documents in 1.50 s: 1 valid, 1 invalid; 1 error (1 unterminated-front-matter), 0 warnings"
        );
        assert_eq!(Summary::default().status(), 0);
    }

    #[test]
    fn json_records_escape_bidi_controls() {
        let line = json_line(&"a\u{202e}b\u{1b}");
        assert_eq!(line, "\"a\\u202eb\\u001b\"\n");
        let back: String = serde_json::from_str(&line).unwrap();
        assert_eq!(back, "a\u{202e}b\u{1b}");
    }
}
