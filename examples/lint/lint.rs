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
//!
//! `lint` is its own package in the workspace (`examples/lint`), so that building it
//! compiles the library's dependencies and its own, not the root's dev-dependencies.
//! This file wires the modules together: arguments, the walk on a thread of its own,
//! chunks checked on every core, output written in the order of the paths.

mod args;
#[cfg(test)]
mod assoc_tests;
mod check;
// The argument loop and the Markdown test, shared with edit.
#[path = "../shared/cli.rs"]
mod cli;
mod config;
mod output;
mod schemas;
mod walk;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use masthead::Renderer;

use crate::args::{parse_args, Args, Command, HELP, USAGE};
use crate::check::{Linter, Pool};
use crate::output::Summary;
use crate::schemas::Schemas;
use crate::walk::inputs;

/// Documents checked between two writes of output: bounds memory whatever the
/// number of files, while both cores stay busy.
const CHUNK: usize = 512;

fn main() -> ExitCode {
    let args = match immediate(parse_args(std::env::args_os().skip(1))) {
        Ok(args) => args,
        Err((status, out, err)) => {
            print!("{out}");
            eprint!("{err}");
            return ExitCode::from(status);
        }
    };
    let started = Instant::now();
    let schemas = match Schemas::new(&args.schema, &args.paths) {
        Ok(schemas) => schemas,
        Err(message) => {
            eprintln!("lint: {message}");
            return ExitCode::from(2);
        }
    };
    let linter = Linter {
        schemas,
        json: args.json,
        header_only: args.header_only,
        renderer: Renderer::new().color(args.color),
    };
    let mut pool = Pool::new(std::sync::Arc::new(linter), args.jobs);
    let progress = io::stderr().is_terminal();
    let mut summary = Summary::default();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // Walk the folders on a thread of their own, two chunks ahead. Whole chunks
    // go through the channel: one item at a time, its lock was 3 % of the cycles.
    let (send, chunks) = std::sync::mpsc::sync_channel(2);
    let paths = args.paths;
    std::thread::spawn(move || {
        let mut items = inputs(paths);
        loop {
            let chunk: Vec<_> = items.by_ref().take(CHUNK).collect();
            if chunk.is_empty() || send.send(chunk).is_err() {
                break;
            }
        }
    });
    for chunk in chunks {
        for outcome in pool.check(chunk) {
            if let Some(message) = outcome.fatal {
                let _ = out.flush();
                eprintln!("lint: {message}");
                return ExitCode::from(2);
            }
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
    let line = summary.lines(started.elapsed());
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

/// The arguments to check with, or what to print at once (stdout, stderr) and the
/// exit status: for `--help`, `--explain KIND` and usage errors.
fn immediate(parsed: Result<Command, String>) -> Result<Args, (u8, String, String)> {
    match parsed {
        Ok(Command::Check(args)) => Ok(args),
        Ok(Command::Help) => Err((0, HELP.to_owned(), String::new())),
        Ok(Command::Explain(kind)) => Err((0, kind.explain().to_owned(), String::new())),
        Ok(Command::PrintSchema) => Err((0, release_schema(), String::new())),
        Err(message) => Err((2, String::new(), format!("lint: {message}\n{USAGE}\n"))),
    }
}

/// The release schema as a JSON Schema document (draft 2020-12), with a final
/// line end: `examples/release.schema.json`, the file the library's tests check
/// against `Schema::release()`.
fn release_schema() -> String {
    let text = include_str!("../release.schema.json");
    if text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;
    use crate::schemas::Choice;

    fn samples() -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../releases"))
    }

    #[test]
    fn explain_prints_the_index_entry_or_lists_the_kinds() {
        let run = |list: &[&str]| {
            immediate(parse_args(list.iter().map(std::ffi::OsString::from))).unwrap_err()
        };
        for kind in masthead::Kind::ALL {
            let (status, out, err) = run(&["--explain", kind.as_str()]);
            assert_eq!(
                (status, out.as_str(), err.as_str()),
                (0, kind.explain(), "")
            );
            assert!(out.starts_with(&format!("# `{kind}`\n")));
        }
        let (status, out, err) = run(&["--explain", "yaml"]);
        assert_eq!((status, out.as_str()), (2, ""));
        assert!(
            err.starts_with("lint: unknown kind `yaml`, expected one of: no-front-matter, "),
            "{err}"
        );
        assert!(
            err.contains(", toml-syntax, io-error\nusage: lint "),
            "{err}"
        );
        let (status, out, _) = run(&["--help"]);
        assert_eq!(status, 0);
        assert!(out.contains("--explain KIND"));
        assert_eq!(run(&["--explain"]).0, 2);
    }

    #[test]
    fn print_schema_writes_the_release_schema_as_json_schema() {
        let (status, out, err) = immediate(parse_args(
            ["--print-schema", "release"].map(std::ffi::OsString::from),
        ))
        .unwrap_err();
        assert_eq!((status, err.as_str()), (0, ""));
        assert!(out.ends_with("}\n"), "{out}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let schema = masthead::Schema::from_json_schema(&json).unwrap();
        let valid = "---\ntitle: T\ndate: 2024-05-13\nurl: https://x.nz/\nministers: [A]\nportfolios: [B]\n---\n";
        assert!(masthead::validate_str(valid, &schema).is_valid());
        let report = masthead::validate_str("---\ntitle: T\n---\n", &schema);
        assert_eq!(report.error_count(), 4);
    }

    #[test]
    fn the_bundled_samples_in_order_with_one_outcome_each() {
        let items: Vec<_> = inputs(vec![samples()]).collect();
        assert_eq!(items.len(), 28);
        let paths: Vec<_> = items
            .iter()
            .map(|i| i.1.as_ref().unwrap().clone())
            .collect();
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(paths, sorted, "walked in sorted order");
        for threads in [1, 3] {
            // Chunks of 10 through one pool, as `main` sends its chunks.
            let mut pool = Pool::new(Arc::new(Linter::plain(Choice::Release, true)), threads);
            let mut walked = inputs(vec![samples()]);
            let mut outcomes = Vec::new();
            loop {
                let chunk: Vec<_> = walked.by_ref().take(10).collect();
                if chunk.is_empty() {
                    break;
                }
                outcomes.extend(pool.check(chunk));
            }
            assert_eq!(outcomes.len(), 28);
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
}
