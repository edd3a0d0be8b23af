//! What the user sees: the JSON Lines record of a document, terminal-safe paths and
//! records, and the summary line with the exit status. Decides nothing about
//! validity: the library's report does.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use masthead::{Diagnostic, Document};
use serde::Serialize;

use crate::check::Outcome;

/// The `--json` record of one document: the field names and order are the contract.
#[derive(Serialize)]
pub(crate) struct Record<'a> {
    pub(crate) path: &'a str,
    /// `any`, `release`, `none` or the schema file's path.
    pub(crate) schema: &'a str,
    pub(crate) valid: bool,
    pub(crate) front_matter: Option<Fences>,
    pub(crate) body_line: usize,
    pub(crate) diagnostics: Vec<JsonDiagnostic<'a>>,
}

/// The lines of the opening and closing fences, 1-based.
#[derive(Serialize)]
pub(crate) struct Fences {
    open_line: usize,
    close_line: usize,
}

/// A diagnostic of the document, or the `io-error` of a file that cannot be read,
/// with the same fields.
#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum JsonDiagnostic<'a> {
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

/// A path for the terminal: control characters escaped, as the renderer does.
pub(crate) fn escape_path(s: &str) -> String {
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

/// Both fences of a document with front matter, `None` without.
pub(crate) fn fences(doc: &Document<'_>) -> Option<Fences> {
    Some(Fences {
        open_line: doc.opening_fence_span()?.line(),
        close_line: doc.closing_fence_span()?.line(),
    })
}

/// One JSON Lines record. serde_json escapes control characters; the
/// bidirectional formatting characters, which can reorder what a terminal shows, are
/// escaped here too (`\u202e`), so no input reaches a terminal raw. Their UTF-8
/// forms all start with the byte 0xD8 (U+061C) or 0xE2 (the others): a record
/// without either, which is nearly all of them, is kept as serde_json wrote it.
pub(crate) fn json_line<T: Serialize>(value: &T) -> String {
    let mut line =
        serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    if memchr::memchr2(0xD8, 0xE2, line.as_bytes()).is_none() {
        line.push('\n');
        return line;
    }
    let mut out = String::with_capacity(line.len() + 16);
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

/// The tallies of a run, for the summary line and the exit status.
#[derive(Default)]
pub(crate) struct Summary {
    pub(crate) documents: usize,
    pub(crate) valid: usize,
    pub(crate) unreadable: usize,
    pub(crate) by_kind: BTreeMap<&'static str, (usize, usize)>,
    /// The same tallies for each schema, in the order they were first used.
    pub(crate) by_schema: Vec<(String, Summary)>,
}

impl Summary {
    /// Counts one document, in the total and under its schema.
    pub(crate) fn add(&mut self, o: &Outcome) {
        let label = o.schema.label.as_str();
        let i = match self.by_schema.iter().position(|(l, _)| l == label) {
            Some(i) => i,
            None => {
                self.by_schema.push((label.to_owned(), Summary::default()));
                self.by_schema.len() - 1
            }
        };
        self.by_schema[i].1.count(o);
        self.count(o);
    }

    fn count(&mut self, o: &Outcome) {
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
    pub(crate) fn status(&self) -> u8 {
        if self.unreadable > 0 {
            2
        } else if self.valid < self.documents {
            1
        } else {
            0
        }
    }

    /// The summary: a line per schema when documents had different ones, then the
    /// totals' line; without the last line end.
    pub(crate) fn lines(&self, elapsed: Duration) -> String {
        let mut out = String::new();
        if self.by_schema.len() > 1 {
            for (label, tally) in &self.by_schema {
                let _ = writeln!(
                    out,
                    "schema {}: {} document{}: {}",
                    escape_path(label),
                    tally.documents,
                    plural(tally.documents),
                    tally.counts()
                );
            }
        }
        let _ = write!(
            out,
            "checked {} document{} in {:.2} s: {}",
            self.documents,
            plural(self.documents),
            elapsed.as_secs_f64(),
            self.counts()
        );
        out
    }

    /// `v valid, i invalid; e errors (by kind), w warnings (by kind)`, or with the
    /// number of documents first for a schema's line.
    fn counts(&self) -> String {
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
        format!(
            "{} valid, {} invalid; {errors} error{}{error_kinds}, {warnings} warning{}{warning_kinds}",
            self.valid,
            self.documents - self.valid,
            plural(errors),
            plural(warnings),
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Linter;
    use crate::schemas::Choice;

    #[test]
    fn human_output_and_summary() {
        let l = Linter::plain(Choice::Release, false);
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
            summary.lines(Duration::from_millis(1500)),
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
