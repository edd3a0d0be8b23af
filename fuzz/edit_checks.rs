//! The oracle of surgical edits (issue #14), shared by the `edit` fuzz target and the
//! `sweep_edits` corpus test: it finds each top-level entry's lines from the text
//! alone and checks an `Editor` result byte for byte and value for value.
#![allow(dead_code)]

use masthead::{Editor, Format};
use serde_json::{Map, Value};

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// An edit as the oracle sees it: a path and, for set and push, the value as YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    Set(Vec<Seg>, String),
    Push(Vec<Seg>, String),
    Remove(Vec<Seg>),
}

impl Op {
    pub fn path(&self) -> &[Seg] {
        match self {
            Op::Set(p, _) | Op::Push(p, _) | Op::Remove(p) => p,
        }
    }
}

/// A path as `Editor` takes it: `a.b[1]`.
pub fn path_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if out.is_empty() => out.push_str(k),
            Seg::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Whether `key` can be one step of a path: not empty, no `.`, `[` or `]`.
pub fn addressable(key: &str) -> bool {
    !key.is_empty() && !key.contains(['.', '[', ']'])
}

/// What one checked edit came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Made, and both properties hold.
    Edited,
    /// Refused by the editor: `kind: reason` (names in the reason replaced by `…`).
    Refused(String),
    /// Made, but the oracle cannot check it: why.
    Unchecked(String),
}

/// The metadata of `src` as JSON values: `None` when it does not read as one
/// mapping of JSON-like values.
pub fn metadata(src: &str) -> Option<Map<String, Value>> {
    match masthead::from_str::<Value>(src).ok()?.metadata {
        Value::Object(map) => Some(map),
        Value::Null => Some(Map::new()),
        _ => None,
    }
}

/// The value that YAML text on one line reads as, alone (`a: 1` is a mapping).
pub fn yaml_value(text: &str) -> Option<Value> {
    // A byte-order mark reads as a stream's start alone, not inside a block.
    if text.contains(['\n', '\r', '\u{feff}']) {
        return None;
    }
    let wrapped = format!("---\n{text}\n---\n");
    // Text that the fences would read otherwise (`---`, `...`) has no answer here.
    let block = masthead::split(&wrapped).ok()?.front_matter()?;
    if block.strip_suffix('\n') != Some(text) {
        return None;
    }
    Some(masthead::from_str::<Value>(&wrapped).ok()?.metadata)
}

// The layout finder, in a file of its own (`edit_layout.rs`).
#[path = "edit_layout.rs"]
mod entries;
#[allow(unused_imports)] // `Entry`: for the corpus sweep, not the fuzz targets.
pub use entries::{layout, lines, Entry, Layout};

/// `meta` after `op`, as the editor means it; `Err` when the op cannot apply
/// (a path through a scalar, an index past the end, a push to a non-list).
pub fn expected(meta: &Map<String, Value>, op: &Op) -> Result<Map<String, Value>, String> {
    let mut root = Value::Object(meta.clone());
    let (path, value) = match op {
        Op::Set(p, v) | Op::Push(p, v) => (p, Some(yaml_value(v).ok_or("value")?)),
        Op::Remove(p) => (p, None),
    };
    let (last, parents) = path.split_last().ok_or("empty path")?;
    let mut node = &mut root;
    for seg in parents {
        node = match child(node, seg, value.is_some()) {
            Some(n) => n,
            None if value.is_none() => return Ok(meta.clone()),
            None => return Err("no such parent".to_owned()),
        };
    }
    match (op, value) {
        (Op::Set(..), Some(v)) => *child(node, last, true).ok_or("no slot")? = v,
        (Op::Push(..), Some(v)) => {
            let slot = child(node, last, true).ok_or("no slot")?;
            match slot {
                Value::Array(items) => items.push(v),
                Value::Null => *slot = Value::Array(vec![v]),
                _ => return Err("not a list".to_owned()),
            }
        }
        _ => match (node, last) {
            (Value::Object(map), Seg::Key(k)) => {
                map.remove(k);
            }
            (Value::Array(items), Seg::Index(i)) if *i < items.len() => {
                items.remove(*i);
            }
            _ => {}
        },
    }
    match root {
        Value::Object(map) => Ok(map),
        _ => Err("root".to_owned()),
    }
}

fn child<'v>(node: &'v mut Value, seg: &Seg, create: bool) -> Option<&'v mut Value> {
    if create && node.is_null() && matches!(seg, Seg::Key(_)) {
        *node = Value::Object(Map::new());
    }
    match (node, seg) {
        (Value::Object(map), Seg::Key(k)) => {
            if create && !map.contains_key(k) {
                map.insert(k.clone(), Value::Null);
            }
            map.get_mut(k)
        }
        (Value::Array(items), Seg::Index(i)) => items.get_mut(*i),
        _ => None,
    }
}

/// The reason of a refusal, without the names it quotes.
pub fn reason(e: &masthead::Error) -> String {
    let mut out = String::new();
    for (i, part) in e.message().split('`').enumerate() {
        out.push_str(if i % 2 == 0 { part } else { "…" });
    }
    format!("{}: {out}", e.kind())
}

/// Makes `op` on `src` with an [`Editor`] and checks the result: (a) the output is
/// the input with only the edited entry's lines changed, and (b) it reads back as
/// the old metadata with exactly that change. `Err` is a failure of either.
pub fn check(src: &str, op: &Op) -> Result<(Verdict, String), String> {
    let mut doc = match Editor::new(src) {
        Ok(doc) => doc,
        Err(e) => return Ok((Verdict::Refused(reason(&e)), src.to_owned())),
    };
    let path = path_text(op.path());
    let made = match op {
        Op::Set(_, v) => doc.set_yaml(&path, v).map(|()| true),
        Op::Push(_, v) => doc.push_yaml(&path, v).map(|()| true),
        Op::Remove(_) => doc.remove(&path),
    };
    let made = match made {
        Ok(made) => made,
        Err(e) => return Ok((Verdict::Refused(reason(&e)), src.to_owned())),
    };
    let out = doc.into_string();
    verify(src, &out, op, made).map(|verdict| (verdict, out))
}

/// Checks `out`, what an editor made of `src` with `op` (`made`: what `remove`
/// returned): (a) and (b) of [`check`].
pub fn verify(src: &str, out: &str, op: &Op, made: bool) -> Result<Verdict, String> {
    let path = path_text(op.path());
    let unchecked = |why: &str| Ok(Verdict::Unchecked(why.to_owned()));
    let Some(before) = metadata(src) else {
        return unchecked("metadata is not JSON-like");
    };
    if let Op::Set(_, v) | Op::Push(_, v) = op {
        if yaml_value(v).is_none() {
            return unchecked("the value does not read alone as one line of YAML");
        }
    }
    let Ok(want) = expected(&before, op) else {
        return Err(format!(
            "the edit of `{path}` was made, the oracle expected a refusal"
        ));
    };
    // (b) The edited key holds the new value, every other value is equal.
    let got = metadata(out).ok_or_else(|| format!("the edit of `{path}` does not read back"))?;
    if got != want {
        return Err(format!(
            "the edit of `{path}` reads back as {}, expected {}",
            Value::Object(got),
            Value::Object(want)
        ));
    }
    if matches!(op, Op::Remove(_)) && made != (before != want) {
        return Err(format!("remove `{path}` said {made}"));
    }
    // (a) Only the entry's lines changed.
    let Some(layout) = layout(src, &before) else {
        let doc = masthead::split(src).map_err(|e| e.to_string())?;
        if doc.has_front_matter() {
            return unchecked("entry lines not found");
        }
        let body = doc.body_span().start();
        if !out.starts_with(&src[..body]) || !out.ends_with(&src[body..]) {
            return Err("a new block moved bytes of the document".to_owned());
        }
        return Ok(Verdict::Edited);
    };
    lines_check(src, out, &layout, op, &want).map(|()| Verdict::Edited)
}

/// The byte offset of line `n` of `src` (its length past the last line).
fn offset(all: &[&str], n: usize) -> usize {
    all[..n.min(all.len())].iter().map(|l| l.len()).sum()
}

fn lines_check(
    src: &str,
    out: &str,
    layout: &Layout,
    op: &Op,
    want: &Map<String, Value>,
) -> Result<(), String> {
    if out == src {
        // Nothing changed (a removal of what is absent, a value set to itself).
        return Ok(());
    }
    let all = lines(src);
    let Some(Seg::Key(top)) = op.path().first() else {
        return Err("a path must start with a key".to_owned());
    };
    let shown = path_text(op.path());
    // New lines in the document's line ending, where its block has one kind only
    // (in a mixed block, the replaced lines may keep endings of either kind); an
    // empty block takes the opening fence's.
    let from = if all[layout.start..layout.close].is_empty() {
        layout.start.saturating_sub(1)
    } else {
        layout.start
    };
    let block = all[from..layout.close.max(from + 1).min(all.len())].concat();
    let (ends, crlfs) = (block.matches('\n').count(), block.matches("\r\n").count());
    let eol_ok = |x: &str| {
        let (n, rn) = (x.matches('\n').count(), x.matches("\r\n").count());
        match (crlfs, ends) {
            (0, _) => rn == 0,
            (c, e) if c == e => n == rn,
            _ => true,
        }
    };
    match layout.entries.iter().find(|e| &e.key == top) {
        Some(entry) => {
            let whole = matches!(op, Op::Remove(_)) && op.path().len() == 1;
            let from = offset(&all, if whole { entry.above } else { entry.first });
            let to = offset(&all, entry.last + 1);
            let (head, tail) = (&src[..from], &src[to..]);
            if whole && out != format!("{head}{tail}") {
                return Err(format!(
                    "remove `{shown}`: expected exactly lines {}..={} removed:\n{src}\n=>\n{out}",
                    entry.above + 1,
                    entry.last + 1
                ));
            }
            let fits = out.len() >= head.len() + tail.len()
                && out.starts_with(head)
                && out.ends_with(tail);
            if !fits {
                return Err(format!(
                    "`{shown}`: bytes outside lines {}..={} changed:\n{src}\n=>\n{out}",
                    entry.first + 1,
                    entry.last + 1
                ));
            }
            let new = &out[head.len()..out.len() - tail.len()];
            if !eol_ok(new) {
                return Err(format!("`{shown}`: new lines without the document's CRLF"));
            }
            Ok(())
        }
        None => {
            // A new entry: lines inserted at one line boundary after the last entry
            // (in TOML, before the first table), holding exactly the new entry.
            let low = layout
                .entries
                .iter()
                .filter(|e| e.first < layout.tables)
                .map(|e| e.last + 1)
                .max()
                .unwrap_or(layout.start);
            let high = layout.tables.min(layout.close);
            let inserted = out.len().checked_sub(src.len()).ok_or("shorter")?;
            let fence = if layout.format == Format::Yaml {
                "---"
            } else {
                "+++"
            };
            let value = want.get(top).ok_or(format!(
                "`{shown}` changed the document, none of its entries"
            ))?;
            let mut one = Map::new();
            one.insert(top.clone(), value.clone());
            // The new lines, at a line boundary where the rest is as it was; one
            // such place must hold the entry alone (around blank lines, several
            // places can give the same text).
            let alone = |at: usize| {
                if !(out.starts_with(&src[..at]) && out.ends_with(&src[at..])) {
                    return false;
                }
                let new = &out[at..at + inserted];
                let read = metadata(&format!("{fence}\n{}{fence}\n", new.replace("\r\n", "\n")));
                // Its own lines only: no blank line before or after it.
                let added = lines(new);
                let blank = |l: Option<&&str>| l.is_none_or(|l| l.trim().is_empty());
                read.as_ref() == Some(&one)
                    && eol_ok(new)
                    && !blank(added.first())
                    && !blank(added.last())
            };
            if !(low..=high).map(|n| offset(&all, n)).any(alone) {
                return Err(format!(
                    "add `{shown}`: not the new entry alone, inserted at a line boundary between lines {} and {}:\n{src}\n=>\n{out}",
                    low + 1,
                    high + 1
                ));
            }
            Ok(())
        }
    }
}
