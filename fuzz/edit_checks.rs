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

/// One top-level entry: its key and its lines (0-based indexes into the document's
/// lines): `above` is the first of the comment lines right above it that are its
/// own, which a removal takes with it (its own line when none); `first` the key's
/// line (a TOML table's header); `last` its value's last line, or the last comment
/// line right below it that is its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub above: usize,
    pub first: usize,
    pub last: usize,
}

/// The lines of a document's front matter and where its entries are.
#[derive(Debug, Clone)]
pub struct Layout {
    pub format: Format,
    /// The block's first line and the closing fence's line.
    pub start: usize,
    pub close: usize,
    pub entries: Vec<Entry>,
    /// TOML: the first table header's line (`close` when none).
    pub tables: usize,
}

/// The lines of `src`, each with its line ending.
pub fn lines(src: &str) -> Vec<&str> {
    src.split_inclusive('\n').collect()
}

fn bare(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

/// The layout of `src`, found from its lines: every line at the root mapping's
/// indentation that is not blank, a comment or a list's `-` starts an entry; which
/// lines around it are the entry's is the editor's rule (module docs of
/// `src/edit/mod.rs`, rules 1 to 4). `None` when the entries found are not exactly
/// the keys of `meta`.
pub fn layout(src: &str, meta: &Map<String, Value>) -> Option<Layout> {
    let doc = masthead::split(src).ok()?;
    let block = doc.front_matter_span()?;
    let all = lines(src);
    let line_of = |at: usize| src[..at].matches('\n').count();
    let start = line_of(block.start());
    let close = line_of(block.end());
    let format = doc.format()?;
    let (entries, tables) = match format {
        Format::Yaml => (yaml_entries(&all[start..close], start)?, close),
        _ => toml_entries(&all[start..close], start)?,
    };
    let mut found: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    let mut keys: Vec<&str> = meta.keys().map(String::as_str).collect();
    found.sort_unstable();
    keys.sort_unstable();
    (found == keys).then_some(Layout {
        format,
        start,
        close,
        entries,
        tables,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Blank,
    Comment(usize),
    Content,
    Key,
}

/// Finds entries among classified lines; `base` is the index of `lines[0]`. The
/// rule of which lines belong to an entry is the editor's, written once in the
/// module docs of `src/edit/mod.rs`; `below` says whether its rule 2 applies
/// (YAML: the comment lines right below an entry that are indented deeper than
/// the entry are its own; not in TOML, where a comment goes with the key below).
fn entries_of(
    classes: &[Class],
    keys: Vec<String>,
    base: usize,
    root: usize,
    below: bool,
) -> Vec<Entry> {
    let starts: Vec<usize> = (0..classes.len())
        .filter(|&i| classes[i] == Class::Key)
        .collect();
    let mut out = Vec::new();
    // The last line of the entry before (rules 1 and 2).
    let mut floor = None;
    for (n, (&first, key)) in starts.iter().zip(keys).enumerate() {
        let next = starts.get(n + 1).copied().unwrap_or(classes.len());
        // Rules 1 and 2: the value's last line, then the comments right below it
        // (no blank line between) indented deeper than the entry.
        let mut last = first;
        for (i, class) in classes.iter().enumerate().take(next).skip(first + 1) {
            match *class {
                Class::Blank => {}
                Class::Comment(indent) if below && indent > root && i == last + 1 => last = i,
                Class::Comment(_) => {}
                _ => last = i,
            }
        }
        // Rule 3: the comment lines right above, at any indentation, except those
        // that rule 2 gave to the entry before.
        let mut above = first;
        while above > 0
            && floor.is_none_or(|f| above - 1 > f)
            && matches!(classes[above - 1], Class::Comment(_))
        {
            above -= 1;
        }
        floor = Some(last);
        out.push(Entry {
            key,
            above: base + above,
            first: base + first,
            last: base + last,
        });
    }
    out
}

fn yaml_entries(lines: &[&str], base: usize) -> Option<Vec<Entry>> {
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let is_comment = |t: &str| t.starts_with('#');
    let root = lines
        .iter()
        .map(|l| bare(l))
        .find(|l| !l.trim().is_empty() && !is_comment(l.trim_start_matches(' ')))
        .map_or(0, indent);
    let mut classes = Vec::new();
    let mut keys = Vec::new();
    let mut open = Open::default();
    // Inside a block scalar (`|`, `>`), at any depth (rule 1 of the editor's).
    let mut scalar: Option<Scalar> = None;
    for line in lines {
        let text = bare(line);
        let rest = text.trim_start_matches(' ');
        let n = text.len() - rest.len();
        if let Some(s) = scalar.as_mut() {
            match s.text {
                // Blank lines: the text of a scalar that keeps its final breaks.
                _ if rest.trim().is_empty() => {
                    classes.push(if s.keep { Class::Content } else { Class::Blank });
                    continue;
                }
                None if n > s.parent => {
                    s.text = Some(n);
                    classes.push(Class::Content);
                    continue;
                }
                Some(at) if n >= at => {
                    classes.push(Class::Content);
                    continue;
                }
                _ => scalar = None,
            }
        }
        // A comment line: only spaces and tabs before its `#`, its indentation.
        let hash = text.len() - text.trim_start_matches([' ', '\t']).len();
        let class = if open.is_open() {
            // A quoted scalar or flow collection that goes on, even at column 0.
            open = scan(text, open);
            Class::Content
        } else if rest.trim().is_empty() {
            Class::Blank
        } else if text[hash..].starts_with("# yaml-language-server:") {
            // The schema line is no entry's (rule 4), and ends the runs of comments.
            Class::Blank
        } else if is_comment(&text[hash..]) {
            Class::Comment(hash)
        } else if n < root {
            return None;
        } else if n > root
            || rest.starts_with('\t')
            || rest == "-"
            || rest.starts_with("- ")
            || rest.starts_with("-\t")
        {
            // Deeper, or a list's `-` at the key's indentation: the value's lines.
            scalar = Scalar::opened(rest, n, false);
            Class::Content
        } else if rest.starts_with(['?', '[', '{', '-', '&', '*', '!', '|', '>']) {
            return None;
        } else {
            let (key, value) = yaml_key(rest)?;
            keys.push(key);
            scalar = Scalar::opened(&rest[value..], n, true);
            open = scan(&rest[value..], Open::default());
            Class::Key
        };
        if class == Class::Content && keys.is_empty() {
            return None;
        }
        classes.push(class);
    }
    Some(entries_of(&classes, keys, base, root, true))
}

/// A block scalar that a line opens: the column that its text must be deeper than,
/// the column of its text once known, and whether it keeps its final line breaks
/// (`|+`). Every line at its text's column or deeper is text, even one that starts
/// with `#`; a line less indented ends it.
#[derive(Debug, Clone, Copy)]
struct Scalar {
    parent: usize,
    text: Option<usize>,
    keep: bool,
}

impl Scalar {
    /// The block scalar that `rest`, a line's text from column `n` on, ends with
    /// the header of (`key: |`, `- >+`, `- key: !t |2-`); `value` when `rest` is
    /// already a value (after a key's `:`).
    fn opened(rest: &str, n: usize, value: bool) -> Option<Scalar> {
        // The key's column: past the `- ` of the items that the line opens.
        let (mut at, mut col, mut dash) = (rest, n, None);
        while !value && (at.starts_with("- ") || at.starts_with("-\t")) {
            let after = at[1..].trim_start_matches([' ', '\t']);
            dash = Some(col);
            col += at.len() - after.len();
            at = after;
        }
        let tokens: Vec<&str> = at
            .split([' ', '\t'])
            .filter(|t| !t.is_empty())
            .take_while(|t| !t.starts_with('#'))
            .collect();
        let (header, before) = tokens.split_last()?;
        let mut chars = header.chars();
        let keep = header.contains('+');
        if !matches!(chars.next(), Some('|' | '>'))
            || header.len() > 3
            || !chars.all(|c| matches!(c, '1'..='9' | '+' | '-'))
        {
            return None;
        }
        // Before the header: tags and an anchor, after a key's `:` (or nothing,
        // after a `-`).
        let props = before
            .iter()
            .rev()
            .take_while(|t| t.starts_with(['!', '&']))
            .count();
        let parent = match &before[..before.len() - props] {
            [] if value => n,
            [] => dash?,
            [.., key] if !value && key.ends_with(':') => col,
            _ => return None,
        };
        Some(Scalar {
            parent,
            text: None,
            keep,
        })
    }
}

/// What a line leaves open for the next: a quoted scalar, flow collections; and the
/// last character that was not a space (a value starts after `:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Open {
    depth: usize,
    quote: Option<char>,
    last: char,
}

impl Default for Open {
    fn default() -> Self {
        Open {
            depth: 0,
            quote: None,
            last: ':',
        }
    }
}

impl Open {
    fn is_open(self) -> bool {
        self.depth > 0 || self.quote.is_some()
    }
}

/// `open` after the YAML text `text` (a value's first line, or a line after it).
fn scan(text: &str, mut open: Open) -> Open {
    let mut chars = text.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        match open.quote {
            Some('"') if c == '\\' => {
                chars.next();
            }
            Some('\'') if c == '\'' && chars.peek() == Some(&'\'') => {
                chars.next();
            }
            Some(q) if c == q => open.quote = None,
            Some(_) => {}
            None => {
                let starts = if open.depth == 0 {
                    open.last == ':'
                } else {
                    matches!(open.last, '[' | '{' | ',' | ':')
                };
                match c {
                    '#' if prev == ' ' || prev == '\t' => break,
                    '"' | '\'' if starts => open.quote = Some(c),
                    '[' | '{' if starts || open.depth > 0 => open.depth += 1,
                    ']' | '}' if open.depth > 0 => open.depth -= 1,
                    _ => {}
                }
            }
        }
        // In a block, a `:` starts a value only before white space (or at the
        // line's end): `a: He:'x` is one plain scalar.
        let indicator = c != ':'
            || open.depth > 0
            || open.quote.is_some()
            || matches!(chars.peek(), None | Some(' ' | '\t'));
        if !c.is_whitespace() {
            open.last = if indicator { c } else { '.' };
        }
        prev = c;
    }
    open
}

/// The key that a block mapping's line `rest` starts with, and where its value
/// starts (after the `:`).
fn yaml_key(rest: &str) -> Option<(String, usize)> {
    let end = match rest.chars().next()? {
        q @ ('"' | '\'') => {
            let mut escaped = false;
            let mut close = None;
            for (i, c) in rest.char_indices().skip(1) {
                if q == '"' && c == '\\' && !escaped {
                    escaped = true;
                    continue;
                }
                if c == q && !escaped {
                    if q == '\'' && rest[i + 1..].starts_with('\'') {
                        escaped = true;
                        continue;
                    }
                    close = Some(i + 1);
                    break;
                }
                escaped = false;
            }
            let close = close?;
            let after = rest[close..].trim_start_matches([' ', '\t']);
            if !after.starts_with(':') {
                return None;
            }
            close
        }
        _ => {
            let colon = rest
                .match_indices(':')
                .map(|(i, _)| i)
                .find(|&i| matches!(rest[i + 1..].chars().next(), None | Some(' ' | '\t')))?;
            if rest[..colon].contains(" #") {
                return None;
            }
            colon
        }
    };
    let text = rest[..end].trim_end();
    let value = end + rest[end..].find(':')? + 1;
    if text.starts_with(['"', '\'']) {
        let meta = metadata(&format!("---\n{text}: 0\n---\n"))?;
        Some((meta.keys().next()?.clone(), value))
    } else {
        Some((text.to_owned(), value))
    }
}

/// TOML: keys before the first header, then tables by the first part of their name.
fn toml_entries(lines: &[&str], base: usize) -> Option<(Vec<Entry>, usize)> {
    let mut classes = Vec::new();
    let mut keys = Vec::new();
    let mut tables = None;
    let mut seen: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let text = bare(line);
        let rest = text.trim_start();
        let class = if rest.is_empty() {
            Class::Blank
        } else if rest.starts_with('#') {
            Class::Comment(text.len() - rest.len())
        } else if text.starts_with('[') {
            let name = rest.trim_start_matches('[');
            let name = name.split([']', '.']).next()?.trim();
            if name.starts_with(['"', '\'']) || name.is_empty() {
                return None;
            }
            tables.get_or_insert(i);
            if seen.last().map(String::as_str) == Some(name) {
                Class::Content
            } else if seen.iter().any(|s| s == name) {
                return None;
            } else {
                seen.push(name.to_owned());
                keys.push(name.to_owned());
                Class::Key
            }
        } else if let Some(key) = toml_key(text).filter(|_| tables.is_none()) {
            keys.push(key);
            Class::Key
        } else {
            Class::Content
        };
        if class == Class::Content && keys.is_empty() {
            return None;
        }
        classes.push(class);
    }
    let tables = base + tables.unwrap_or(lines.len());
    Some((entries_of(&classes, keys, base, 0, false), tables))
}

/// The key of a TOML line `KEY = …` at column 0: a bare key, or a quoted one
/// without escapes; `None` for any other line (a continuation, a dotted key).
fn toml_key(text: &str) -> Option<String> {
    let (key, _) = text.split_once('=')?;
    let key = key.trim_end_matches([' ', '\t']);
    let bare = |k: &str| {
        !k.is_empty()
            && k.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    if bare(key) {
        return Some(key.to_owned());
    }
    let inner = key.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains(['"', '\\'])).then(|| inner.to_owned())
}

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
