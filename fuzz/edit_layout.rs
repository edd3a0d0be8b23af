//! Where the top-level entries of a document's front matter are, found from its
//! lines alone (the editor's rule of which lines an entry owns, rewritten without
//! the editor's code): the half of the edit oracle (`edit_checks.rs`) that reads
//! layouts. It checks nothing itself.

use masthead::Format;
use serde_json::{Map, Value};

use super::metadata;

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
