//! `edit`: surgical edits of front matter over whole trees of documents, for
//! maintenance work: set a date, add a tag, remove a key; every other byte kept.
//!
//! ```text
//! cargo run --example edit -- --set updated=2026-11-28 --push tags=rust --remove draft posts/
//! cargo run --example edit -- --dry-run --set updated=2026-11-28 examples/releases
//! cargo run --features toml --example edit -- --push authors=Ann blog/
//! ```
//!
//! Run it with `--help` for the whole contract (edits, output, exit codes).
//!
//! `edit` is its own package in the workspace (`examples/edit`), so that building it
//! compiles the library's dependencies and its own, not the root's dev-dependencies.
//! This file wires the modules together: arguments, the walk, one document at a
//! time edited with `masthead::Editor`, diffed or written back.

mod args;
// The argument loop and the Markdown test, shared with lint.
#[path = "../shared/cli.rs"]
mod cli;
mod diff;
mod file;
mod walk;

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use masthead::{Editor, Renderer};

use crate::args::{parse_args, Args, Command, HELP, USAGE};
use crate::walk::inputs;

fn main() -> ExitCode {
    let (stdout, stderr) = (io::stdout(), io::stderr());
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = stderr.lock();
    let status = run(std::env::args_os().skip(1), &mut out, &mut err);
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    ExitCode::from(status)
}

/// Runs the command line `raw` (without the program's name), writing the diff or
/// the list of edited files to `out` and reports to `err`; the exit status.
fn run(raw: impl IntoIterator<Item = OsString>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let args = match parse_args(raw) {
        Ok(Command::Edit(args)) => args,
        Ok(Command::Help) => {
            return if out.write_all(HELP.as_bytes()).is_ok() {
                0
            } else {
                2
            }
        }
        Err(message) => {
            let _ = writeln!(err, "edit: {message}\n{USAGE}");
            return 2;
        }
    };
    let renderer = Renderer::new().color(args.color);
    let mut summary = Summary::default();
    for item in inputs(args.paths.clone()) {
        let outcome = match item {
            Ok(path) => edit_file(&args, &renderer, &path),
            Err((path, e)) => io_failure(&path, "cannot read", &e),
        };
        summary.add(&outcome);
        if out.write_all(outcome.out.as_bytes()).is_err() {
            // The reader went away (a closed pipe): stop quietly.
            return 2;
        }
        let _ = err.write_all(outcome.err.as_bytes());
    }
    let _ = writeln!(err, "{}", summary.line(args.dry_run));
    summary.status()
}

/// What editing one document came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Edited,
    Unchanged,
    /// It did not split or parse, or an edit could not be made: left untouched.
    Error,
    /// It could not be read or written.
    Io,
}

/// One document's outcome: its state and what to print.
struct Outcome {
    state: State,
    out: String,
    err: String,
}

/// Reads, edits and (unless `--dry-run`) writes back the document at `path`.
fn edit_file(args: &Args, renderer: &Renderer, path: &Path) -> Outcome {
    let shown = path.to_string_lossy();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return io_failure(path, "cannot read", &e),
    };
    let (doc, mut problems) = match masthead::split_bytes(&bytes) {
        Ok(doc) => match Editor::new(doc.source()) {
            Ok(editor) => (Some(editor), String::new()),
            Err(e) => (None, renderer.render_error(&e, &shown, doc.source())),
        },
        Err(e) => (
            None,
            renderer.render_error(&e, &shown, &String::from_utf8_lossy(&bytes)),
        ),
    };
    let Some(mut doc) = doc else {
        return outcome(State::Error, String::new(), problems + "\n");
    };
    let source = doc.as_str().to_owned();
    for edit in &args.edits {
        // A failed edit changes nothing; the next ones are still tried, so that
        // every problem of the document is reported at once.
        if let Err(e) = edit.apply(&mut doc) {
            problems.push_str(&renderer.render_error(&e, &shown, &source));
            problems.push('\n');
        }
    }
    if !problems.is_empty() {
        return outcome(State::Error, String::new(), problems);
    }
    if !doc.is_changed() {
        return outcome(State::Unchanged, String::new(), String::new());
    }
    if args.dry_run {
        let diff = diff::unified(&shown, &source, doc.as_str());
        return outcome(State::Edited, diff, String::new());
    }
    match file::write_atomically(path, doc.as_str()) {
        Ok(()) => outcome(State::Edited, format!("edited {shown}\n"), String::new()),
        Err(e) => io_failure(path, "cannot write", &e),
    }
}

fn outcome(state: State, out: String, err: String) -> Outcome {
    Outcome { state, out, err }
}

/// A file or folder that could not be read or written, reported as lint does.
fn io_failure(path: &Path, what: &str, e: &io::Error) -> Outcome {
    let shown: String = path
        .to_string_lossy()
        .chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect();
    let err = format!("error[io-error]: {what}: {e}\n --> {shown}\n\n");
    outcome(State::Io, String::new(), err)
}

/// Counts of the run.
#[derive(Debug, Default, PartialEq, Eq)]
struct Summary {
    documents: usize,
    edited: usize,
    unchanged: usize,
    errors: usize,
    io: usize,
}

impl Summary {
    fn add(&mut self, outcome: &Outcome) {
        self.documents += 1;
        match outcome.state {
            State::Edited => self.edited += 1,
            State::Unchanged => self.unchanged += 1,
            State::Error => self.errors += 1,
            State::Io => self.io += 1,
        }
    }

    fn line(&self, dry_run: bool) -> String {
        let verb = if dry_run { "would edit" } else { "edited" };
        let mut line = format!(
            "{} documents: {} {verb}, {} unchanged, {} with errors (left untouched)",
            self.documents, self.edited, self.unchanged, self.errors
        );
        if self.io > 0 {
            line.push_str(&format!(", {} unreadable or unwritable", self.io));
        }
        line
    }

    fn status(&self) -> u8 {
        if self.io > 0 {
            2
        } else if self.errors > 0 {
            1
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests;
