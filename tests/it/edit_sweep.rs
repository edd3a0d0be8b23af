//! Surgical edits over every sample document with front matter (issue #14): set an
//! existing key, add `updated`, remove a key, push to a list and to a new list, and
//! the maintenance script (bump `updated`, add a tag); each edit changes exactly
//! the lines of its entry and reads back as meant (the oracle: fuzz/edit_checks.rs).

use std::collections::BTreeMap;
use std::path::Path;

use masthead::Format;

use crate::corpus::{curated, full, read_in, walk};

// The oracle, compiled once in this binary: through the fuzz checks' module.
use crate::fuzz_replay::checks::edit_checks as oracle;
use oracle::{addressable, check, layout, metadata, verify, Entry, Op, Seg, Verdict};

/// The values that `set` writes, as YAML, in turn: dates, words other readers
/// misread, lists, mappings, escapes, numbers, null.
const VALUES: [&str; 10] = [
    "2026-11-28",
    "edited by the sweep",
    "yes",
    "[a, b]",
    "{x: 1, y: [2]}",
    "\"two\\nlines\"",
    "1:20",
    "'it''s'",
    "42",
    "~",
];

/// Outcomes of one kind of edit.
#[derive(Debug, Default)]
struct Tally {
    edited: usize,
    refused: BTreeMap<String, usize>,
    /// The first document of each reason of refusal or of no check.
    example: BTreeMap<String, String>,
    unchecked: BTreeMap<String, usize>,
    failed: Vec<String>,
}

/// Tallies by format and kind of edit, and the documents seen by format.
#[derive(Debug, Default)]
struct Sweep {
    documents: BTreeMap<&'static str, usize>,
    tallies: BTreeMap<(&'static str, &'static str), Tally>,
}

impl Sweep {
    /// Checks `op` on `src`; the text after it (the input when it was refused).
    fn run(
        &mut self,
        format: &'static str,
        what: &'static str,
        rel: &str,
        src: &str,
        op: &Op,
    ) -> String {
        let tally = self.tallies.entry((format, what)).or_default();
        match check(src, op) {
            Ok((Verdict::Edited, out)) => {
                tally.edited += 1;
                out
            }
            Ok((Verdict::Refused(why), out)) => {
                tally
                    .example
                    .entry(why.clone())
                    .or_insert_with(|| rel.to_owned());
                *tally.refused.entry(why).or_default() += 1;
                out
            }
            Ok((Verdict::Unchecked(why), out)) => {
                tally
                    .example
                    .entry(why.clone())
                    .or_insert_with(|| rel.to_owned());
                *tally.unchecked.entry(why).or_default() += 1;
                out
            }
            Err(message) => {
                tally.failed.push(format!("{rel}: {op:?}: {message}"));
                src.to_owned()
            }
        }
    }
}

/// A key absent from `meta`: `name`, or `name_2`, `name_3`, ...
fn absent(meta: &serde_json::Map<String, serde_json::Value>, name: &str) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                name.to_owned()
            } else {
                format!("{name}_{n}")
            }
        })
        .find(|k| !meta.contains_key(k))
        .unwrap_or_default()
}

fn key(k: &str) -> Vec<Seg> {
    vec![Seg::Key(k.to_owned())]
}

/// Every edit of the sweep on every document with front matter under `root`.
fn sweep(root: &Path) -> Sweep {
    let mut sweep = Sweep::default();
    for rel in walk(root, "") {
        if rel.ends_with("stats.tsv") || rel.starts_with("LICENSES/") {
            continue;
        }
        let bytes = read_in(root, &rel);
        let Ok(doc) = masthead::split_bytes(&bytes) else {
            continue;
        };
        let format = match doc.format() {
            Some(Format::Yaml) => "yaml",
            None => continue,
            Some(_) => "toml",
        };
        *sweep.documents.entry(format).or_default() += 1;
        let src = doc.source();
        let meta = metadata(src);
        let keys: Vec<String> = meta.iter().flat_map(|m| m.keys().cloned()).collect();
        for (i, k) in keys.iter().enumerate() {
            if !addressable(k) {
                let t = sweep.tallies.entry((format, "set")).or_default();
                *t.unchecked
                    .entry("key not addressable as a path".to_owned())
                    .or_default() += 1;
                continue;
            }
            let value = VALUES[(i + rel.len()) % VALUES.len()];
            sweep.run(format, "set", &rel, src, &Op::Set(key(k), value.to_owned()));
            sweep.run(format, "remove", &rel, src, &Op::Remove(key(k)));
            if meta.as_ref().is_some_and(|m| m[k].is_array()) {
                sweep.run(
                    format,
                    "push",
                    &rel,
                    src,
                    &Op::Push(key(k), "rust".to_owned()),
                );
            }
        }
        let Some(meta) = meta else {
            let t = sweep.tallies.entry((format, "document")).or_default();
            *t.unchecked
                .entry("metadata is not JSON-like".to_owned())
                .or_default() += 1;
            continue;
        };
        let new = absent(&meta, "updated");
        sweep.run(
            format,
            "add",
            &rel,
            src,
            &Op::Set(key(&new), "2026-11-28".to_owned()),
        );
        let list = absent(&meta, "tags");
        sweep.run(
            format,
            "push-new",
            &rel,
            src,
            &Op::Push(key(&list), "rust".to_owned()),
        );
        // The maintenance script of the issue: bump `updated`, add a tag, each
        // step checked on the text the one before left.
        let bumped = sweep.run(
            format,
            "script",
            &rel,
            src,
            &Op::Set(key("updated"), "2026-11-28".to_owned()),
        );
        sweep.run(
            format,
            "script",
            &rel,
            &bumped,
            &Op::Push(key("tags"), "rust".to_owned()),
        );
    }
    sweep
}

/// Runs the sweep, prints its counts, and fails on any failure or on documents
/// counts other than `yaml` and `toml`.
fn check_edits_and_report(root: &Path, yaml: usize, toml: usize) {
    let sweep = sweep(root);
    let mut failures = Vec::new();
    eprintln!("documents with front matter: {:?}", sweep.documents);
    for ((format, what), t) in &sweep.tallies {
        eprintln!(
            "{format} {what}: {} edited, {} refused {:?}, {} unchecked {:?}, {} failed",
            t.edited,
            t.refused.values().sum::<usize>(),
            t.refused,
            t.unchecked.values().sum::<usize>(),
            t.unchecked,
            t.failed.len()
        );
        for (why, rel) in &t.example {
            eprintln!("    {why}: first in {rel}");
        }
        failures.extend(t.failed.iter().take(5).cloned());
    }
    assert!(
        failures.is_empty(),
        "{} failures, the first:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert_eq!(sweep.documents.get("yaml").copied().unwrap_or(0), yaml);
    if cfg!(feature = "toml") {
        assert_eq!(sweep.documents.get("toml").copied().unwrap_or(0), toml);
    }
}

#[test]
fn edits_on_the_curated_corpus() {
    // tests/corpus/SOURCES.md: 17 TOML posts; without the feature they have no
    // front matter.
    check_edits_and_report(curated(), 281, 17);
}

#[test]
fn the_oracle_finds_entry_lines() {
    let src = "---\n# about a\na: |\n  text\n  # not a comment\n\nb:\n- x\n  # under b\n\n# above c\n\n# right above c\nc: {x: 1}\n# trailing\n---\nbody\n";
    let meta = metadata(src).unwrap();
    let entry = |key: &str, above, first, last| Entry {
        key: key.to_owned(),
        above,
        first,
        last,
    };
    assert_eq!(
        layout(src, &meta).unwrap().entries,
        [
            entry("a", 1, 2, 4),
            entry("b", 6, 6, 8),
            entry("c", 12, 13, 13)
        ]
    );
    // Quoted scalars and flow lists that go on at column 0, with `key: ` and `#`
    // inside them.
    let src = "---\nt: \"a\nb: c\n# d\" # e\nl: [x,\ny: 'it''s\nz']\nm: it's\n---\n";
    let meta = metadata(src).unwrap();
    assert_eq!(
        layout(src, &meta).unwrap().entries,
        [
            entry("t", 1, 1, 3),
            entry("l", 4, 4, 6),
            entry("m", 7, 7, 7)
        ]
    );
    // The editor's rule (src/edit/mod.rs): a comment right below an entry and
    // indented deeper is that entry's, not the next one's; the schema line is no
    // entry's.
    let ruled =
        "---\na:\n- x\n  # - y\n# about b\nb: 1\n# yaml-language-server: $schema=s.json\nc: 2\n---\n";
    assert_eq!(
        layout(ruled, &metadata(ruled).unwrap()).unwrap().entries,
        [
            entry("a", 1, 1, 3),
            entry("b", 4, 5, 5),
            entry("c", 7, 7, 7)
        ]
    );
    // Block scalars at any depth: `#` lines inside are text, and so are the blank
    // lines after one that keeps its final line breaks.
    let kept = "---\na:\n  t: |+\n    x\n\n    # text\n\nb:\n  - >\n    y\n\n    # text\n\n---\n";
    assert_eq!(
        layout(kept, &metadata(kept).unwrap()).unwrap().entries,
        [entry("a", 1, 1, 6), entry("b", 7, 7, 11)]
    );
    // A `:` inside a plain scalar starts no value: its quote opens nothing.
    let plain = "---\nt: He:'''x\n\n\nb: 1\n---\n";
    assert_eq!(
        layout(plain, &metadata(plain).unwrap()).unwrap().entries,
        [entry("t", 1, 1, 1), entry("b", 4, 4, 4)]
    );
    // A key the text does not show as an entry: no layout, so no line check.
    let mut more = meta.clone();
    more.insert("d".to_owned(), serde_json::Value::Null);
    assert!(layout(src, &more).is_none());
}

#[test]
fn the_oracle_catches_edits_that_move_other_bytes() {
    let src = "---\na: 1\n# about b\nb: 2\n---\nBody\n";
    let set = Op::Set(key("a"), "3".to_owned());
    assert_eq!(
        verify(src, "---\na: 3\n# about b\nb: 2\n---\nBody\n", &set, true),
        Ok(Verdict::Edited)
    );
    // The same value, but a byte of another entry moved; a wrong value.
    assert!(verify(src, "---\na: 3\n# about b\nb: 2 \n---\nBody\n", &set, true).is_err());
    assert!(verify(src, "---\na: 4\n# about b\nb: 2\n---\nBody\n", &set, true).is_err());
    // A removal must take the comment right above, and nothing else.
    let remove = Op::Remove(key("b"));
    assert_eq!(
        verify(src, "---\na: 1\n---\nBody\n", &remove, true),
        Ok(Verdict::Edited)
    );
    assert!(verify(src, "---\na: 1\n# about b\n---\nBody\n", &remove, true).is_err());
    // A new key goes after the last entry, alone on its lines.
    let add = Op::Set(key("c"), "2026-11-28".to_owned());
    assert_eq!(
        verify(
            src,
            "---\na: 1\n# about b\nb: 2\nc: 2026-11-28\n---\nBody\n",
            &add,
            true
        ),
        Ok(Verdict::Edited)
    );
    assert!(verify(
        src,
        "---\na: 1\nc: 2026-11-28\n# about b\nb: 2\n---\nBody\n",
        &add,
        true
    )
    .is_err());
    assert!(verify(
        src,
        "---\na: 1\n# about b\nb: 2\nc: 2026-11-28\n\n---\nBody\n",
        &add,
        true
    )
    .is_err());
    // The real editor passes.
    for op in [set, remove, add, Op::Push(key("tags"), "rust".to_owned())] {
        assert_eq!(check(src, &op).unwrap().0, Verdict::Edited, "{op:?}");
    }
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_edits() {
    check_edits_and_report(&full(), 6_753, 754);
}

/// A TOML table set to a value: toml_edit writes values before tables, so the
/// value would move above them (and it came out as `extra= "yes"`). It must be
/// refused, or stay in place; a table set to a table stays where it was.
#[cfg(feature = "toml")]
#[test]
fn a_toml_table_is_not_moved_by_set() {
    let src = "+++\ntitle = \"T\"\n\n[extra]\nteam = \"x\"\n\n[more]\nk = 1\n+++\nBody\n";
    match check(src, &Op::Set(key("extra"), "yes".to_owned())) {
        Ok((Verdict::Refused(why), _)) => assert!(why.starts_with("not-editable: "), "{why}"),
        other => panic!("{other:?}"),
    }
    let (verdict, out) = check(src, &Op::Set(key("extra"), "{team: y}".to_owned())).unwrap();
    assert_eq!(verdict, Verdict::Edited);
    assert_eq!(out, src.replace("team = \"x\"", "team = \"y\""));
}

/// A key with a dot, as every PowerShell document has (`ms.date`, 1,290 keys of
/// the sample corpus): a field path cannot name it (every `.` nests), and
/// `ms.date` silently added a new `ms:` mapping (#14). Every edit whose path would
/// read such a key as nested is refused at that key, for set, push and remove,
/// also where `ms:` exists beside it; the sweep counts these keys as "not
/// addressable as a path" and leaves them out.
#[test]
fn a_key_with_a_dot_is_refused_not_nested() {
    let src = "---\ntitle: A\nms.date: 01/02/2023\nms:\n  x: 1\n---\nBody\n";
    let mut doc = masthead::Editor::new(src).unwrap();
    let refusals = [
        doc.set_yaml("ms.date", "11/28/2026").unwrap_err(),
        doc.push_yaml("ms.date", "x").unwrap_err(),
        doc.remove("ms.date").unwrap_err(),
        doc.set_yaml("ms.date.y", "1").unwrap_err(),
    ];
    for err in refusals {
        assert_eq!(err.kind(), masthead::Kind::NotEditable, "{err}");
        assert_eq!((err.line(), err.column()), (3, 1), "{err}");
        assert!(err.message().contains("ambiguous"), "{err}");
        assert!(err.message().contains("`ms.date`"), "{err}");
    }
    assert_eq!(doc.as_str(), src);
    // The case reported: no `ms:` beside it (a new `ms:` mapping was added).
    let src = "---\ntitle: A\nms.date: 01/02/2023\n---\nBody\n";
    let err = masthead::Editor::new(src)
        .unwrap()
        .set_yaml("ms.date", "11/28/2026")
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.line(), err.column()),
        (masthead::Kind::NotEditable, 3, 1)
    );
    // Nested, with no `ms:` beside it: refused too, at the nested key.
    let src = "---\nauthor:\n  ms.date: 1\n---\n";
    let err = masthead::Editor::new(src)
        .unwrap()
        .set("author.ms.date", &2)
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.line(), err.column()),
        (masthead::Kind::NotEditable, 3, 3)
    );
    // Other paths through the same mapping are edited as before.
    let mut doc = masthead::Editor::new(src).unwrap();
    doc.set("author.ms", &2).unwrap();
    assert_eq!(doc.as_str(), "---\nauthor:\n  ms.date: 1\n  ms: 2\n---\n");
}
