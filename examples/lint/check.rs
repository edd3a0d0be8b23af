//! One document's check: reading the file, splitting, validating and turning the
//! report into an `Outcome` (its output text and tallies); and the threads that
//! check a chunk of documents in order. Writes nothing: `main` does.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use masthead::{Document, Kind, Renderer, Report, Schema};

use crate::output::{escape_path, fences, json_line, JsonDiagnostic, Record};
use crate::walk::Item;

/// What checking one document produced: its output, ready to write, and tallies.
pub(crate) struct Outcome {
    pub(crate) text: String,
    pub(crate) valid: bool,
    pub(crate) unreadable: bool,
    pub(crate) tally: Vec<(&'static str, bool)>,
}

/// How every document is checked and shown: the same for all of them.
pub(crate) struct Linter {
    pub(crate) schema: Schema,
    pub(crate) json: bool,
    pub(crate) header_only: bool,
    pub(crate) renderer: Renderer,
}

impl Linter {
    /// The unit tests' linter: whole files, no colour.
    #[cfg(test)]
    pub(crate) fn plain(schema: Schema, json: bool) -> Self {
        Linter {
            schema,
            json,
            header_only: false,
            renderer: Renderer::new(),
        }
    }

    /// The outcome of one item: its file read (whole, or up to the closing fence
    /// with `--header-only`) and checked, or its read error.
    pub(crate) fn check(&self, item: &Item) -> Outcome {
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
                let named = format!("cannot read `{}`: ", path.display());
                let message = e
                    .message()
                    .strip_prefix(named.as_str())
                    .or_else(|| e.message().strip_prefix("cannot read: "))
                    .unwrap_or("");
                self.unreadable(&shown, &io::Error::other(message.to_owned()))
            }
            Err(e) => self.outcome(&shown, None, &Report::from(e), b""),
        }
    }

    /// The outcome of a document already in memory, shown as `shown`.
    pub(crate) fn check_bytes(&self, shown: &str, bytes: &[u8]) -> Outcome {
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

/// Checks `items` on every core and returns the outcomes in the order of `items`.
pub(crate) fn check_all(linter: &Linter, items: &[Item], threads: usize) -> Vec<Outcome> {
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::output::Summary;

    #[test]
    fn json_records_follow_the_contract() {
        let l = Linter::plain(Schema::release(), true);
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
            "/../releases/no-such-file.md"
        ));
        for json in [true, false] {
            let o = Linter::plain(Schema::any(), json).check(&Ok(missing.clone()));
            assert!(o.unreadable && !o.valid);
            assert!(o.text.contains("io-error"), "{}", o.text);
            let mut summary = Summary::default();
            summary.add(&o);
            summary
                .add(&Linter::plain(Schema::any(), json).check_bytes("ok.md", b"---\na: 1\n---\n"));
            assert_eq!(summary.status(), 2);
        }
    }
}
