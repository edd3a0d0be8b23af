//! Surgical edits (issue #14): on generated documents in many styles, an edit
//! changes only the lines of its entry, and the result reads back as the old
//! metadata with exactly that change.

use masthead::Editor;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// One top-level entry of a generated document: its key and how it is written.
#[derive(Debug, Clone)]
struct Entry {
    key: String,
    style: u8,
    comment: bool,
    blank: bool,
}

/// The styles an entry is written in.
const STYLES: u8 = 8;

/// A generated document: its text, its metadata, and for each entry the range of
/// its lines (0-based, the block's first line is line 1), comment line included.
struct Generated {
    text: String,
    lines: Vec<(usize, usize)>,
    end: usize,
}

fn generate(
    entries: &[Entry],
    crlf: bool,
    bom: bool,
    dots: bool,
    indent: usize,
    seq_indent: bool,
) -> Generated {
    let pad = " ".repeat(indent);
    let dash = if seq_indent { pad.as_str() } else { "" };
    let mut lines: Vec<String> = vec!["---".to_owned()];
    let mut ranges = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if e.blank {
            lines.push(String::new());
        }
        let first = lines.len();
        if e.comment {
            lines.push(format!("# about {}", e.key));
        }
        let k = &e.key;
        match e.style {
            0 => lines.push(format!("{k}: word{i}")),
            1 => lines.push(format!("{k}: 'it''s {i}' # quoted")),
            2 => lines.push(format!("{k}: [a{i}, \"b{i}\"]")),
            3 => {
                lines.push(format!("{k}:"));
                lines.push(format!("{dash}- a{i}"));
                lines.push(format!("{dash}- b{i} # second"));
            }
            4 => {
                lines.push(format!("{k}:"));
                lines.push(format!("{pad}x: {i}"));
                lines.push(format!("{pad}y: two words"));
            }
            5 => {
                lines.push(format!("{k}: |"));
                lines.push(format!("{pad}line one {i}"));
                lines.push(format!("{pad}line two"));
            }
            6 => lines.push(format!("{k}: 2024-05-{:02}", i % 28 + 1)),
            _ => lines.push(format!("{k}:")),
        }
        ranges.push((first, lines.len()));
    }
    let end = lines.len();
    lines.push(if dots { "..." } else { "---" }.to_owned());
    lines.push("# Body".to_owned());
    lines.push("text --- more".to_owned());
    let eol = if crlf { "\r\n" } else { "\n" };
    let mut text = if bom {
        "\u{feff}".to_owned()
    } else {
        String::new()
    };
    text.push_str(&lines.join(eol));
    text.push_str(eol);
    Generated {
        text,
        lines: ranges,
        end,
    }
}

fn metadata(text: &str) -> Map<String, Value> {
    match masthead::from_str::<Value>(text).unwrap().metadata {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        other => panic!("not a mapping: {other}"),
    }
}

/// The range of lines of `before` that differ from `after` (common lines at both
/// ends left out).
fn changed(before: &str, after: &str) -> (usize, usize) {
    let a: Vec<&str> = before.split('\n').collect();
    let b: Vec<&str> = after.split('\n').collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, a.len() - suffix)
}

#[derive(Debug, Clone)]
enum Edit {
    SetScalar(usize, String),
    SetList(usize),
    Add(String),
    Remove(usize),
    Push(usize),
    SetNested(usize),
}

fn entries() -> impl Strategy<Value = Vec<Entry>> {
    prop::collection::vec((0..STYLES, any::<bool>(), any::<bool>()), 1..7).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (style, comment, blank))| Entry {
                key: format!("key{i}"),
                style,
                comment,
                blank,
            })
            .collect()
    })
}

fn edit(n: usize) -> impl Strategy<Value = Edit> {
    let words = prop::sample::select(vec![
        "new",
        "yes",
        "NO",
        "1:20",
        "a, b",
        "x: y",
        "two\nlines",
        "2024-01-01",
        "it's",
    ]);
    prop_oneof![
        (0..n, words.clone()).prop_map(|(i, w)| Edit::SetScalar(i, w.to_owned())),
        (0..n).prop_map(Edit::SetList),
        words.prop_map(|w| Edit::Add(w.to_owned())),
        (0..n).prop_map(Edit::Remove),
        (0..n).prop_map(Edit::Push),
        (0..n).prop_map(Edit::SetNested),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_edit_changes_only_its_entry(
        (entries, op) in entries().prop_flat_map(|e| { let n = e.len(); (Just(e), edit(n)) }),
        crlf: bool, bom: bool, dots: bool, four: bool, seq_indent: bool,
    ) {
        let generated = generate(&entries, crlf, bom, dots, if four { 4 } else { 2 }, seq_indent);
        let src = generated.text.as_str();
        let before = metadata(src);
        let mut doc = Editor::new(src).unwrap();
        let mut expected = before.clone();
        // The lines the edit may change, as a range of the original's lines.
        let (allowed, key) = match &op {
            Edit::SetScalar(i, w) => {
                doc.set(&entries[*i].key, w.as_str()).unwrap();
                expected.insert(entries[*i].key.clone(), json!(w));
                (generated.lines[*i], entries[*i].key.clone())
            }
            Edit::SetList(i) => {
                doc.set(&entries[*i].key, &["p", "q"]).unwrap();
                expected.insert(entries[*i].key.clone(), json!(["p", "q"]));
                (generated.lines[*i], entries[*i].key.clone())
            }
            Edit::Add(w) => {
                doc.set("added", w.as_str()).unwrap();
                expected.insert("added".to_owned(), json!(w));
                ((generated.end, generated.end), "added".to_owned())
            }
            Edit::Remove(i) => {
                prop_assert!(doc.remove(&entries[*i].key).unwrap());
                expected.remove(&entries[*i].key);
                (generated.lines[*i], entries[*i].key.clone())
            }
            Edit::Push(i) => {
                let k = &entries[*i].key;
                match before.get(k) {
                    Some(Value::Array(_)) | Some(Value::Null) => {
                        doc.push(k, "pushed").unwrap();
                        let mut list = before[k].as_array().cloned().unwrap_or_default();
                        list.push(json!("pushed"));
                        expected.insert(k.clone(), Value::Array(list));
                    }
                    _ => {
                        let err = doc.push(k, "pushed").unwrap_err();
                        prop_assert_eq!(err.kind(), masthead::Kind::InvalidType);
                    }
                }
                (generated.lines[*i], k.clone())
            }
            Edit::SetNested(i) => {
                let k = &entries[*i].key;
                let path = format!("{k}.z");
                match before.get(k) {
                    Some(Value::Object(map)) => {
                        doc.set(&path, &7).unwrap();
                        let mut map = map.clone();
                        map.insert("z".to_owned(), json!(7));
                        expected.insert(k.clone(), Value::Object(map));
                    }
                    _ => {
                        prop_assert!(doc.set(&path, &7).is_err());
                    }
                }
                (generated.lines[*i], k.clone())
            }
        };
        let out = doc.as_str();
        // Reads back: the edited key as meant, every other key equal.
        prop_assert_eq!(&metadata(out), &expected, "edit of `{}`:\n{}", key, out);
        let split = masthead::split(out).unwrap();
        prop_assert_eq!(split.body(), masthead::split(src).unwrap().body());
        prop_assert_eq!(split.has_bom(), bom);
        // Only the entry's lines changed; new lines in the document's line ending.
        let (from, to) = changed(src, out);
        if from < to || out != src {
            prop_assert!(
                allowed.0 <= from && to <= allowed.1.max(from),
                "lines {}..{} changed, the entry is {:?}:\n{}\n=>\n{}", from, to, allowed, src, out
            );
        }
        if crlf {
            prop_assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
        } else {
            prop_assert!(!out.contains('\r'));
        }
    }
}

#[test]
fn edits_keep_every_other_byte_of_a_real_document() {
    let src = crate::DESIGN_RELEASE;
    let mut doc = Editor::new(src).unwrap();
    doc.set_yaml("date", "2024-05-14").unwrap();
    doc.push("ministers", "Hon Judith Collins").unwrap();
    doc.set("updated", "yes").unwrap();
    let (from, to) = changed(src, doc.as_str());
    assert_eq!((from, to), (2, 8), "{}", doc.as_str());
    assert_eq!(
        doc.as_str(),
        src.replace("date: 2024-05-13", "date: 2024-05-14")
            .replace(
                "  - Rt Hon Winston Peters\n",
                "  - Rt Hon Winston Peters\n  - Hon Judith Collins\n"
            )
            .replace(
                "  - Foreign Affairs\n",
                "  - Foreign Affairs\nupdated: 'yes'\n"
            )
    );
}

/// A generated TOML document: its text, each entry's lines (comment line
/// included), and the line after the last root entry.
#[cfg(feature = "toml")]
fn generate_toml(styles: &[(u8, bool)], crlf: bool, table: bool) -> Generated {
    let mut lines: Vec<String> = vec!["+++".to_owned()];
    let mut ranges = Vec::new();
    for (i, &(style, comment)) in styles.iter().enumerate() {
        let first = lines.len();
        if comment {
            lines.push(format!("# about key{i}"));
        }
        match style % 6 {
            0 => lines.push(format!("key{i} = \"word{i}\"")),
            1 => lines.push(format!("key{i} = ['a{i}', \"b{i}\"] # list")),
            2 => lines.push(format!("key{i} = {{ x = {i}, y = \"two\" }}")),
            3 => lines.push(format!("key{i} = 2024-05-{:02}", i % 28 + 1)),
            4 => lines.push(format!("key{i} = {i} # number")),
            _ => {
                lines.push(format!("key{i} = \"\"\""));
                lines.push(format!("line {i}"));
                lines.push("\"\"\"".to_owned());
            }
        }
        ranges.push((first, lines.len()));
    }
    let end = lines.len();
    if table {
        lines.push(String::new());
        lines.push("[table]".to_owned());
        lines.push("k = \"v\"".to_owned());
    }
    lines.push("+++".to_owned());
    lines.push("Body".to_owned());
    let eol = if crlf { "\r\n" } else { "\n" };
    let mut text = lines.join(eol);
    text.push_str(eol);
    Generated {
        text,
        lines: ranges,
        end,
    }
}

#[cfg(feature = "toml")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_toml_edit_changes_only_its_entry(
        (styles, op) in prop::collection::vec((0u8..6, any::<bool>()), 1..6)
            .prop_flat_map(|s| { let n = s.len(); (Just(s), edit(n)) }),
        crlf: bool, table: bool,
    ) {
        let generated = generate_toml(&styles, crlf, table);
        let src = generated.text.as_str();
        let before = metadata(src);
        let mut doc = Editor::new(src).unwrap();
        let mut expected = before.clone();
        let key = |i: usize| format!("key{i}");
        let allowed = match &op {
            Edit::SetScalar(i, w) => {
                doc.set(&key(*i), w.as_str()).unwrap();
                expected.insert(key(*i), json!(w));
                generated.lines[*i]
            }
            Edit::SetList(i) => {
                doc.set(&key(*i), &["p", "q"]).unwrap();
                expected.insert(key(*i), json!(["p", "q"]));
                generated.lines[*i]
            }
            Edit::Add(w) => {
                doc.set("added", w.as_str()).unwrap();
                expected.insert("added".to_owned(), json!(w));
                (generated.end, generated.end)
            }
            Edit::Remove(i) => {
                prop_assert!(doc.remove(&key(*i)).unwrap());
                expected.remove(&key(*i));
                generated.lines[*i]
            }
            Edit::Push(i) => {
                if let Some(Value::Array(list)) = before.get(&key(*i)) {
                    doc.push(&key(*i), "pushed").unwrap();
                    let mut list = list.clone();
                    list.push(json!("pushed"));
                    expected.insert(key(*i), Value::Array(list));
                } else {
                    prop_assert!(doc.push(&key(*i), "pushed").is_err());
                }
                generated.lines[*i]
            }
            Edit::SetNested(i) => {
                if let Some(Value::Object(map)) = before.get(&key(*i)) {
                    doc.set(&format!("key{i}.z"), &7).unwrap();
                    let mut map = map.clone();
                    map.insert("z".to_owned(), json!(7));
                    expected.insert(key(*i), Value::Object(map));
                } else {
                    let nested = format!("key{i}.z");
                    prop_assert!(doc.set(&nested, &7).is_err());
                }
                generated.lines[*i]
            }
        };
        let out = doc.as_str();
        prop_assert_eq!(&metadata(out), &expected, "{}", out);
        let (from, to) = changed(src, out);
        if out != src {
            prop_assert!(
                allowed.0 <= from && to <= allowed.1.max(from),
                "lines {}..{} changed, the entry is {:?}:\n{}\n=>\n{}", from, to, allowed, src, out
            );
        }
        if crlf {
            prop_assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
        } else {
            prop_assert!(!out.contains('\r'));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// No input makes an edit panic; an edit that succeeds reads back (the editor
    /// checks the value itself) and keeps the body.
    #[test]
    fn edits_of_arbitrary_blocks_never_panic(
        block in "([a-c]{1,2}|: |:|-|- |  |\\[|\\]|\\{|\\}|, |'|\"|#|\\n|\\r\\n|\\||>|&a|\\*a|!|\\? |\t|é){0,40}",
        path in prop::sample::select(vec!["a", "b", "a.b", "a[0]", "c[1].a", "b.c.a"]),
        op in 0u8..5,
    ) {
        let src = format!("---\n{block}\n---\nbody\n");
        let Ok(mut doc) = Editor::new(&src) else { return Ok(()) };
        let result = match op {
            0 => doc.set(path, "x: y"),
            1 => doc.set_yaml(path, "[1, {k: v}]"),
            2 => doc.push(path, "yes"),
            3 => doc.remove(path).map(drop),
            _ => doc.set(path, &["a", "b"]),
        };
        if result.is_ok() {
            let again = masthead::split(doc.as_str()).unwrap();
            prop_assert_eq!(again.body(), masthead::split(&src).unwrap().body());
            let reads = |text: &str| masthead::from_str::<serde::de::IgnoredAny>(text).is_ok();
            prop_assert!(reads(doc.as_str()) || !reads(&src), "{:?}", doc.as_str());
        } else {
            prop_assert_eq!(doc.as_str(), src.as_str());
        }
    }
}
