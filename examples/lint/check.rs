//! One document's check: reading the file, splitting, validating and turning the
//! report into an `Outcome` (its output text and tallies); and the threads that
//! check a chunk of documents in order. Writes nothing: `main` does.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};

use masthead::{Diagnostic, Document, Kind, Renderer, Report};

use crate::output::{escape_path, fences, json_line, JsonDiagnostic, Record};
use crate::schemas::{Loaded, Named, Schemas};
use crate::walk::Item;

/// What checking one document produced: its output, ready to write, and tallies.
pub(crate) struct Outcome {
    pub(crate) text: String,
    pub(crate) valid: bool,
    pub(crate) unreadable: bool,
    pub(crate) tally: Vec<(&'static str, bool)>,
    /// The schema the document was checked against.
    pub(crate) schema: Arc<Named>,
    /// A reason to stop the run (exit 2): the document's schema is not valid JSON
    /// Schema. The outcome has no text then.
    pub(crate) fatal: Option<String>,
}

/// How every document is checked and shown: the same for all of them.
pub(crate) struct Linter {
    pub(crate) schemas: Schemas,
    pub(crate) json: bool,
    pub(crate) header_only: bool,
    pub(crate) renderer: Renderer,
}

impl Linter {
    /// The unit tests' linter: `--schema choice`, no PATH, whole files, no colour.
    #[cfg(test)]
    pub(crate) fn plain(choice: crate::schemas::Choice, json: bool) -> Self {
        Linter {
            schemas: Schemas::new(&choice, &[]).unwrap(),
            json,
            header_only: false,
            renderer: Renderer::new(),
        }
    }

    /// The outcome of one item of the `root`-th PATH: its file read (whole, or up
    /// to the closing fence with `--header-only`) and checked, or its read error.
    pub(crate) fn check(&self, (root, item): &(usize, Item), buffer: &mut Vec<u8>) -> Outcome {
        let path = match item {
            Ok(path) => path,
            Err((path, e)) => {
                let schema = self.schemas.outside(self.schemas.root(*root), path);
                return self.unreadable(
                    &path.to_string_lossy(),
                    schema,
                    format!("cannot read: {e}"),
                );
            }
        };
        if self.header_only {
            return self.check_header(*root, path);
        }
        match read(path, buffer) {
            Ok(()) => self.check_document(*root, path, buffer),
            Err(e) => {
                let schema = self.schemas.outside(self.schemas.root(*root), path);
                self.unreadable(&path.to_string_lossy(), schema, format!("cannot read: {e}"))
            }
        }
    }

    /// [`check`](Self::check), with a panic (a bug: the library promises none)
    /// turned into an outcome that stops the run, naming the file, so that no
    /// document goes unreported and no worker is lost.
    fn guarded(&self, item: &(usize, Item), buffer: &mut Vec<u8>) -> Outcome {
        let checked =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.check(item, buffer)));
        checked.unwrap_or_else(|_| {
            let shown = match &item.1 {
                Ok(path) | Err((path, _)) => path.to_string_lossy().into_owned(),
            };
            Outcome {
                text: String::new(),
                valid: false,
                unreadable: false,
                tally: Vec::new(),
                schema: self
                    .schemas
                    .outside(self.schemas.root(item.0), Path::new(&shown)),
                fatal: Some(format!(
                    "internal error while checking `{shown}` (a bug: please report it)"
                )),
            }
        })
    }

    /// `--header-only`: the front matter alone, read without the body.
    fn check_header(&self, root: usize, path: &Path) -> Outcome {
        let shown = path.to_string_lossy();
        match masthead::read_front_matter_path(path) {
            Ok(header) => {
                let doc = header.as_document();
                let named = self.schemas.for_document(root, path, Some(&doc));
                self.validated(&shown, named, doc, b"")
            }
            Err(e) if e.kind() == Kind::Io => {
                let named = format!("cannot read `{}`: ", path.display());
                let message = e
                    .message()
                    .strip_prefix(named.as_str())
                    .or_else(|| e.message().strip_prefix("cannot read: "))
                    .unwrap_or("");
                let schema = self.schemas.outside(self.schemas.root(root), path);
                self.unreadable(&shown, schema, format!("cannot read: {message}"))
            }
            Err(e) => {
                let named = self.schemas.for_document(root, path, None);
                self.outcome(&shown, named, None, &Report::from(e), b"")
            }
        }
    }

    /// The outcome of a document already in memory, shown as `shown`, under no
    /// PATH (so `--schema` or its own `$schema` decides its schema).
    #[cfg(test)]
    pub(crate) fn check_bytes(&self, shown: &str, bytes: &[u8]) -> Outcome {
        self.check_document(usize::MAX, Path::new(shown), bytes)
    }

    /// The outcome of the document at `path` (of the `root`-th PATH), read.
    fn check_document(&self, root: usize, path: &Path, bytes: &[u8]) -> Outcome {
        // `to_str` first: `to_string_lossy` walks UTF-8 chunks, slower on the
        // valid paths that nearly all are.
        let shown = path
            .to_str()
            .map_or_else(|| path.to_string_lossy(), std::borrow::Cow::Borrowed);
        match masthead::split_bytes(bytes) {
            Ok(doc) => {
                let named = self.schemas.for_document(root, path, Some(&doc));
                self.validated(&shown, named, doc, bytes)
            }
            Err(e) => {
                let named = self.schemas.for_document(root, path, None);
                self.outcome(&shown, named, None, &Report::from(e), bytes)
            }
        }
    }

    /// `doc` validated against `named`, or the record of a schema that cannot be
    /// used.
    fn validated(
        &self,
        shown: &str,
        named: Arc<Named>,
        doc: Document<'_>,
        bytes: &[u8],
    ) -> Outcome {
        match &named.schema {
            Loaded::Ready(schema) => {
                let report = masthead::validate(&doc, schema);
                self.outcome(shown, Arc::clone(&named), Some(doc), &report, bytes)
            }
            Loaded::Unreadable(message) => {
                let message = message.clone();
                self.unreadable(shown, named, message)
            }
            Loaded::Invalid(message) => Outcome {
                text: String::new(),
                valid: false,
                unreadable: true,
                tally: Vec::new(),
                fatal: Some(message.clone()),
                schema: named,
            },
        }
    }

    /// The record of one document: `doc` when it split, and what it came from.
    /// Diagnostics of the `$schema` key itself are left out: it names the schema
    /// and is not checked against it.
    fn outcome(
        &self,
        shown: &str,
        schema: Arc<Named>,
        doc: Option<Document<'_>>,
        report: &Report,
        bytes: &[u8],
    ) -> Outcome {
        let kept: Vec<&Diagnostic> = report.iter().filter(|d| !names_the_schema(d)).collect();
        let tally = kept
            .iter()
            .map(|d| (d.kind().as_str(), d.is_error()))
            .collect();
        let valid = !kept.iter().any(|d| d.is_error());
        let text = if self.json {
            let record = Record {
                path: shown,
                schema: &schema.label,
                valid,
                front_matter: doc.as_ref().and_then(fences),
                body_line: doc.map_or(1, |d| d.body_span().line()),
                diagnostics: kept.iter().copied().map(JsonDiagnostic::Document).collect(),
            };
            json_line(&record)
        } else if kept.is_empty() {
            String::new()
        } else {
            let source = match doc {
                Some(d) => std::borrow::Cow::Borrowed(d.source()),
                None => String::from_utf8_lossy(bytes),
            };
            let mut text = String::new();
            for d in kept {
                text.push_str(&self.renderer.render(d, shown, &source));
                text.push('\n');
            }
            text
        };
        Outcome {
            text,
            valid,
            unreadable: false,
            tally,
            schema,
            fatal: None,
        }
    }

    /// The `io-error` record of a file, or of a document's schema file, that cannot
    /// be read.
    fn unreadable(&self, shown: &str, schema: Arc<Named>, message: String) -> Outcome {
        let text = if self.json {
            json_line(&Record {
                path: shown,
                schema: &schema.label,
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
                "error[io-error]: {}\n --> {}\n\n",
                escape_path(&message),
                escape_path(shown)
            )
        };
        Outcome {
            text,
            valid: false,
            unreadable: true,
            tally: vec![("io-error", true)],
            schema,
            fatal: None,
        }
    }
}

/// Whether a diagnostic is about the top-level `$schema` key (or inside it).
fn names_the_schema(d: &Diagnostic) -> bool {
    d.path()
        .strip_prefix("$schema")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Reads a file into `buffer` (cleared first, and reused from file to file by a
/// thread, so that it is allocated once). Unlike `std::fs::read` it asks for no
/// metadata first (`take` hides the file's size from `read_to_end`, which would
/// otherwise ask for it and for the position): a `statx` and an `lseek` saved
/// for every file.
fn read(path: &Path, buffer: &mut Vec<u8>) -> io::Result<()> {
    use std::io::Read;
    buffer.clear();
    std::fs::File::open(path)?
        .take(u64::MAX)
        .read_to_end(buffer)?;
    Ok(())
}

/// The threads that check documents: `threads` workers started once for the whole
/// run, or none for one job (the calling thread checks then, with its one buffer).
/// Each chunk is shared among the workers, each taking the next document until none
/// is left. Starting `threads` threads for every chunk of 512 instead (432 starts
/// over the release archive with the default `-j`) made 433 `clone3`s and 440
/// `munmap`s where the pool makes 5 and 13.
pub(crate) struct Pool {
    linter: Arc<Linter>,
    /// One queue of chunks per worker; every worker gets every chunk.
    workers: Vec<mpsc::Sender<Arc<Chunk>>>,
    /// What each worker checked of a chunk, by index in the chunk.
    done: mpsc::Receiver<Vec<(usize, Outcome)>>,
    /// The file buffer of the calling thread, when it checks alone.
    buffer: Vec<u8>,
}

/// A chunk being checked: its items and the index of the next one to take.
struct Chunk {
    items: Vec<(usize, Item)>,
    next: AtomicUsize,
}

impl Pool {
    /// Starts the workers (none when `threads` is 1).
    pub(crate) fn new(linter: Arc<Linter>, threads: usize) -> Pool {
        let (report, done) = mpsc::channel();
        let workers = if threads <= 1 {
            Vec::new()
        } else {
            (0..threads)
                .map(|_| {
                    let (send, chunks) = mpsc::channel::<Arc<Chunk>>();
                    let (linter, report) = (Arc::clone(&linter), report.clone());
                    std::thread::spawn(move || {
                        let mut buffer = Vec::with_capacity(16 * 1024);
                        for chunk in chunks {
                            let mut mine = Vec::new();
                            loop {
                                let i = chunk.next.fetch_add(1, Ordering::Relaxed);
                                let Some(item) = chunk.items.get(i) else {
                                    break;
                                };
                                mine.push((i, linter.guarded(item, &mut buffer)));
                            }
                            if report.send(mine).is_err() {
                                break;
                            }
                        }
                    });
                    send
                })
                .collect()
        };
        Pool {
            linter,
            workers,
            done,
            buffer: Vec::with_capacity(16 * 1024),
        }
    }

    /// Checks `items` and returns their outcomes in the order of `items`.
    pub(crate) fn check(&mut self, items: Vec<(usize, Item)>) -> Vec<Outcome> {
        if self.workers.is_empty() {
            let (linter, buffer) = (&self.linter, &mut self.buffer);
            return items
                .iter()
                .map(|item| linter.guarded(item, buffer))
                .collect();
        }
        let count = items.len();
        let chunk = Arc::new(Chunk {
            items,
            next: AtomicUsize::new(0),
        });
        let mut slots: Vec<Option<Outcome>> = std::iter::repeat_with(|| None).take(count).collect();
        // Workers stop only when the pool is dropped (a check that panics becomes
        // that document's fatal outcome, `Linter::guarded`); one that is gone all
        // the same takes no part, and the others check its share.
        let sent = self
            .workers
            .iter()
            .filter(|worker| worker.send(Arc::clone(&chunk)).is_ok())
            .count();
        for _ in 0..sent {
            let Ok(mine) = self.done.recv() else { break };
            for (i, outcome) in mine {
                if let Some(slot) = slots.get_mut(i) {
                    *slot = Some(outcome);
                }
            }
        }
        slots.into_iter().flatten().collect()
    }
}

/// Checks `items` with `threads` workers: the tests' entry point.
#[cfg(test)]
pub(crate) fn check_all(linter: Linter, items: Vec<(usize, Item)>, threads: usize) -> Vec<Outcome> {
    Pool::new(Arc::new(linter), threads).check(items)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::output::Summary;
    use crate::schemas::Choice;

    #[test]
    fn json_records_follow_the_contract() {
        let l = Linter::plain(Choice::Release, true);
        let src = b"---\r\ntitle: x\r\ndate: 2024-13-45\r\n---\r\nbody";
        let text = l.check_bytes("a.md", src).text;
        assert!(
            text.starts_with(r#"{"path":"a.md","schema":"release","valid":false,"front_matter":{"#),
            "the fields in the contract's order: {text}"
        );
        assert!(
            text.contains(r#"},"body_line":5,"diagnostics":[{"kind":"#),
            "{text}"
        );
        let record: serde_json::Value = serde_json::from_str(&text).unwrap();
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
            "/../releases/no-such-file.md"
        ));
        for json in [true, false] {
            let o =
                Linter::plain(Choice::Any, json).check(&(0, Ok(missing.clone())), &mut Vec::new());
            assert!(o.unreadable && !o.valid);
            assert!(o.text.contains("io-error"), "{}", o.text);
            let mut summary = Summary::default();
            summary.add(&o);
            summary
                .add(&Linter::plain(Choice::Any, json).check_bytes("ok.md", b"---\na: 1\n---\n"));
            assert_eq!(summary.status(), 2);
        }
    }
}
