//! The TOML bridge (the `toml` feature): the only module that names the toml crate.
//! It deserializes a `+++` block, converts it for validation, builds its span tree,
//! and turns toml's errors into [`Error`]s positioned in the whole document.

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::{raised, Error, Kind};
use crate::document::Document;
use crate::limits::Limits;
use crate::path::{backticked, display_path, missing_field, segments, Segment};
use crate::span::Span;
use crate::tree::{Entry, Node, NodeKind};
use crate::value::Value;

/// The block of a TOML document (empty for a document without one, which never
/// reaches this module).
fn block<'a>(doc: &Document<'a>) -> (&'a str, usize) {
    match doc.front_matter_span() {
        Some(b) => (&doc.source()[b.range()], b.start()),
        None => ("", 0),
    }
}

/// Deserializes the TOML front matter of `doc` into `T`, borrowing where it can.
pub(crate) fn deserialize<'a, T: Deserialize<'a>>(
    doc: &Document<'a>,
    limits: &Limits,
) -> Result<T, Error> {
    let (text, _) = block(doc);
    within(doc, text, limits)?;
    raised::clear();
    let mut root = DeTable::parse(text).map_err(|e| syntax_error(doc, &e))?;
    datetimes_as_text(root.get_mut());
    let de = toml::de::Deserializer::from(root);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = segments(e.path());
        explain(doc, path, e.inner())
    })
}

/// The TOML front matter as a [`Value`]: tables are mappings in source order,
/// date-times are text. A date that does not exist (`2024-02-30`) does not stop
/// the reading: it becomes its text, at its own position, and its
/// `malformed-date` error comes beside the value, so that validation still reports
/// every other problem of the block.
pub(crate) fn value<'a>(
    doc: &Document<'a>,
    limits: Limits,
) -> Result<(Value<'a>, Vec<Error>), Error> {
    let (text, _) = block(doc);
    within(doc, text, &limits)?;
    let (readable, dates) = without_bad_dates(doc)?;
    let Cow::Owned(owned) = readable else {
        let root = DeTable::parse(text).map_err(|e| syntax_error(doc, &e))?;
        return Ok((table_value(root.into_inner()), dates));
    };
    let root = DeTable::parse(&owned).map_err(|e| syntax_error(doc, &e))?;
    let value = restore(owned_value(table_value(root.into_inner())), &dates, doc);
    Ok((value, dates))
}

/// The most bad dates one block may have read past; more is a syntax error.
const MAX_BAD_DATES: usize = 64;

/// The block with each date that does not exist replaced by a placeholder string of
/// the same length (so every position stays), and the error of each such date.
fn without_bad_dates<'t>(doc: &Document<'t>) -> Result<(Cow<'t, str>, Vec<Error>), Error> {
    let (text, base) = block(doc);
    let mut readable = Cow::Borrowed(text);
    let mut dates = Vec::new();
    while let Err(e) = DeTable::parse(&readable) {
        let err = syntax_error(doc, &e);
        let at = err.span().start().wrapping_sub(base);
        let len = err.span().len();
        let replaceable = err.kind() == Kind::MalformedDate
            && dates.len() < MAX_BAD_DATES
            && len >= 2
            && readable.get(at..at + len).is_some_and(|t| {
                t.starts_with(|c: char| c.is_ascii_digit()) && !t.contains([',', '[', '{'])
            });
        if !replaceable {
            return Err(if dates.is_empty() {
                err
            } else {
                first_error(doc, text)
            });
        }
        readable
            .to_mut()
            .replace_range(at..at + len, &placeholder(len));
        dates.push(err);
    }
    Ok((readable, dates))
}

/// The error of the block as toml reports it, unchanged.
fn first_error(doc: &Document<'_>, text: &str) -> Error {
    match DeTable::parse(text) {
        Err(e) => syntax_error(doc, &e),
        Ok(_) => Error::new(Kind::TomlSyntax, "", "invalid TOML", doc.anchor()),
    }
}

/// A TOML literal string of `len` bytes (at least 2) that no document writes: an
/// invisible separator, then tildes.
fn placeholder(len: usize) -> String {
    let inner = len - 2;
    if inner >= 3 {
        format!("'\u{2063}{}'", "~".repeat(inner - 3))
    } else {
        format!("'{}'", "~".repeat(inner))
    }
}

/// `value` with each placeholder put back as the text of its date.
fn restore<'a>(value: Value<'static>, dates: &[Error], doc: &Document<'a>) -> Value<'a> {
    let originals: Vec<(String, &'a str)> = dates
        .iter()
        .filter_map(|e| {
            let original = doc.source().get(e.span().range())?;
            Some((
                placeholder(original.len())[1..original.len() - 1].to_owned(),
                original,
            ))
        })
        .collect();
    fn walk<'a>(value: Value<'static>, originals: &[(String, &'a str)]) -> Value<'a> {
        match value {
            Value::Str(s) => match originals.iter().find(|(p, _)| *p == s) {
                Some((_, original)) => Value::Str(Cow::Borrowed(original)),
                None => Value::Str(s),
            },
            Value::Seq(items) => {
                Value::Seq(items.into_iter().map(|v| walk(v, originals)).collect())
            }
            Value::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| (walk(k, originals), walk(v, originals)))
                    .collect(),
            ),
            other => other,
        }
    }
    walk(value, &originals)
}

/// `value` with every string owned.
fn owned_value(value: Value<'_>) -> Value<'static> {
    match value {
        Value::Str(s) => Value::Str(Cow::Owned(s.into_owned())),
        Value::Seq(items) => Value::Seq(items.into_iter().map(owned_value).collect()),
        Value::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (owned_value(k), owned_value(v)))
                .collect(),
        ),
        Value::Null => Value::Null,
        Value::Bool(b) => Value::Bool(b),
        Value::Int(i) => Value::Int(i),
        Value::Float(f) => Value::Float(f),
    }
}

/// The byte limit, checked before the toml crate reads the block.
fn within(doc: &Document<'_>, text: &str, limits: &Limits) -> Result<(), Error> {
    if text.len() > limits.byte_limit() {
        return Err(crate::limits::too_large(doc, text, limits));
    }
    Ok(())
}

/// The span tree of the TOML block, positions relative to the block.
pub(crate) fn tree(doc: &Document<'_>) -> Option<Node> {
    let (text, _) = block(doc);
    let (readable, _) = without_bad_dates(doc).ok()?;
    let root = DeTable::parse(&readable).ok()?;
    Some(Node {
        start: 0,
        end: text.len(),
        kind: table_node(root.get_ref()),
    })
}

/// `metadata` as TOML text with LF line endings.
pub(crate) fn to_text<T: serde::Serialize + ?Sized>(metadata: &T) -> Result<String, String> {
    toml::to_string(metadata).map_err(|e| format!("cannot write the metadata as TOML: {e}"))
}

/// Replaces every date-time of `table` with its text, so that it reaches `String`
/// and date fields (and [`Release`](crate::Release)'s `date`) as it does from YAML.
fn datetimes_as_text(table: &mut DeTable<'_>) {
    for (_, value) in table.iter_mut() {
        datetime_as_text(value.get_mut());
    }
}

fn datetime_as_text(value: &mut DeValue<'_>) {
    match value {
        DeValue::Datetime(d) => *value = DeValue::String(Cow::Owned(d.to_string())),
        DeValue::Array(items) => {
            for item in items.iter_mut() {
                datetime_as_text(item.get_mut());
            }
        }
        DeValue::Table(t) => datetimes_as_text(t),
        _ => {}
    }
}

/// Whether `text` (LF line endings) reads as the same TOML with CRLF line endings:
/// not when a multi-line string holds a line break, which TOML keeps as written.
pub(crate) fn same_with_crlf(text: &str) -> bool {
    let crlf = text.replace('\n', "\r\n");
    match (
        toml::from_str::<toml::Table>(text),
        toml::from_str::<toml::Table>(&crlf),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The entries of a table in source order (toml keeps them sorted by key).
fn in_source_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(&'t Spanned<Cow<'i, str>>, &'t Spanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

fn table_value(table: DeTable<'_>) -> Value<'_> {
    let mut entries: Vec<_> = table.into_iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    Value::Map(
        entries
            .into_iter()
            .map(|(k, v)| (Value::Str(k.into_inner()), to_value(v.into_inner())))
            .collect(),
    )
}

fn to_value(value: DeValue<'_>) -> Value<'_> {
    match value {
        DeValue::String(s) => Value::Str(s),
        DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
            .map_or_else(|_| Value::Str(Cow::Owned(i.to_string())), Value::Int),
        DeValue::Float(f) => f
            .as_str()
            .parse()
            .map_or_else(|_| Value::Str(Cow::Owned(f.to_string())), Value::Float),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(d) => Value::Str(Cow::Owned(d.to_string())),
        DeValue::Array(items) => Value::Seq(
            items
                .into_iter()
                .map(|item| to_value(item.into_inner()))
                .collect(),
        ),
        DeValue::Table(t) => table_value(t),
    }
}

fn node(value: &Spanned<DeValue<'_>>) -> Node {
    let Range { start, end } = value.span();
    let kind = match value.get_ref() {
        DeValue::Array(items) => NodeKind::Seq(items.iter().map(node).collect()),
        DeValue::Table(t) => table_node(t),
        _ => NodeKind::Scalar,
    };
    Node { start, end, kind }
}

fn table_node(table: &DeTable<'_>) -> NodeKind {
    NodeKind::Map(
        in_source_order(table)
            .into_iter()
            .map(|(k, v)| {
                let Range { start, end } = k.span();
                Entry {
                    key: Some(k.get_ref().to_string()),
                    key_value: None,
                    key_node: Node {
                        start,
                        end,
                        kind: NodeKind::Scalar,
                    },
                    value: node(v),
                }
            })
            .collect(),
    )
}

/// The span of bytes `range` of the block, in the whole document.
fn rebase(doc: &Document<'_>, range: Range<usize>) -> Span {
    let (text, base) = block(doc);
    let start = range.start.min(text.len());
    let end = range.end.clamp(start, text.len());
    Span::of(doc.source(), base + start, base + end)
}

/// A block that toml does not parse: `toml-syntax`; `duplicate-key` for a key (or
/// table) defined twice, at its second definition; `malformed-date` for a date
/// that TOML reads as a date but that does not exist (`2024-13-45`, `2024-02-30`),
/// at the value, with the message validation gives for it.
fn syntax_error(doc: &Document<'_>, err: &toml::de::Error) -> Error {
    let (text, _) = block(doc);
    let span = err.span().map_or_else(|| doc.anchor(), |r| rebase(doc, r));
    let message = err.message().lines().collect::<Vec<_>>().join(" ");
    let at = err.span().map_or(0, |r| r.start.min(text.len()));
    if message == "duplicate key" {
        let key = unquote(doc.source()[span.range()].trim());
        let mut path = table_path(text, at);
        // A header defined twice names its table, which `table_path` found.
        if !line_at(text, at).0.trim_start().starts_with('[') {
            path.push(Segment::Key(key.to_owned()));
        }
        return Error::new(
            Kind::DuplicateKey,
            display_path(&path),
            format!("duplicate key `{key}`"),
            span,
        );
    }
    if message.starts_with("invalid date") || message.starts_with("invalid time") {
        // toml's span of a date that does not exist is the date itself, wherever it
        // stands: a key's value, or inside inline arrays and tables.
        let date = err.span().and_then(|r| Some((text.get(r.clone())?, r)));
        if let Some((value, range)) = date {
            if let (Err(reason), Some(inner)) =
                (crate::check::parse_date(value), statement_path(text, at))
            {
                let mut path = table_path(text, at);
                path.extend(inner);
                let span = rebase(doc, range);
                return Error::new(Kind::MalformedDate, display_path(&path), reason, span);
            }
        }
    }
    Error::new(
        Kind::TomlSyntax,
        "",
        format!("invalid TOML: {message}"),
        span,
    )
}

/// `key` without the quotes of a simple quoted key.
fn unquote(key: &str) -> &str {
    ['"', '\'']
        .iter()
        .find_map(|&q| key.strip_prefix(q)?.strip_suffix(q))
        .unwrap_or(key)
}

/// The line of `text` around byte `at`, and where it starts.
fn line_at(text: &str, at: usize) -> (&str, usize) {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (text[start..end].trim_end_matches('\r'), start)
}

/// The path from its table to the value at byte `at` (a date toml refused): the
/// keys of the statement that holds it, then the way down its inline arrays and
/// tables (`x = [1, { d = … }]` gives `x`, `[1]`, `d`). The statement starts on the
/// value's line or, for an array written over several lines, on an earlier one:
/// the nearest line that starts with a key and `=`. `None` when there is none, or
/// the brackets between do not nest. Only used once toml has rejected the block.
fn statement_path(text: &str, at: usize) -> Option<Vec<Segment>> {
    let mut line_end = at;
    let (key, value_from) = loop {
        let (line, start) = line_at(text, line_end);
        if let Some((key, eq)) = statement_key(line) {
            break (key, start + eq + 1);
        }
        // The line feed that ends the line above.
        line_end = start.checked_sub(1)?;
    };
    let mut path: Vec<Segment> = key_path(key).collect();
    // A line whose `=` follows the value holds no statement of it.
    path.extend(inline_path(text.get(value_from..at)?)?);
    Some(path)
}

/// The key of a `key = …` line and the offset of its `=`, when the text before the
/// first `=` outside quotes is a key: bare keys (letters, digits, `_`, `-`), quoted
/// keys, dots and blanks only (so not `{ a = 1 },` inside an array).
fn statement_key(line: &str) -> Option<(&str, usize)> {
    let eq = unquoted(line, b'=').next()?;
    let key = &line[..eq];
    let bare = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b' ' | b'\t');
    let is_key = !key.trim().is_empty() && structure(key).all(|(_, b)| bare(b));
    is_key.then_some((key.trim(), eq))
}

/// The way down from a statement's `=` to the end of `value` (the text between
/// them): an index for each inline array still open, the keys of the entry for
/// each inline table still open.
fn inline_path(value: &str) -> Option<Vec<Segment>> {
    enum Open {
        Array(usize),
        // The keys of the current entry, and where its key starts.
        Table(Vec<Segment>, usize),
    }
    let mut open = Vec::new();
    for (i, b) in structure(value) {
        match b {
            b'[' => open.push(Open::Array(0)),
            b'{' => open.push(Open::Table(Vec::new(), i + 1)),
            b']' | b'}' => {
                open.pop()?;
            }
            b',' => match open.last_mut()? {
                Open::Array(n) => *n += 1,
                Open::Table(keys, from) => {
                    keys.clear();
                    *from = i + 1;
                }
            },
            // A key's `=` stands only in a table.
            b'=' => match open.last_mut() {
                Some(Open::Table(keys, from)) => {
                    let key = &value[*from..i];
                    *keys = key_path(key).collect();
                }
                _ => return None,
            },
            _ => {}
        }
    }
    Some(
        open.into_iter()
            .flat_map(|o| match o {
                Open::Array(n) => vec![Segment::Index(n)],
                Open::Table(keys, _) => keys,
            })
            .collect(),
    )
}

/// The path segments of a dotted key, each part unquoted: `a."b.c"` is `a`, then
/// `b.c`.
fn key_path(key: &str) -> impl Iterator<Item = Segment> + '_ {
    let mut from = 0;
    unquoted(key, b'.')
        .chain(std::iter::once(key.len()))
        .map(move |dot| {
            let part = unquote(key[from..dot].trim());
            from = dot + 1;
            Segment::Key(part.to_owned())
        })
}

/// The offsets of the byte `sep` in `s` outside TOML's quoted strings and comments.
fn unquoted(s: &str, sep: u8) -> impl Iterator<Item = usize> + '_ {
    structure(s).filter_map(move |(i, b)| (b == sep).then_some(i))
}

/// The bytes of `s` (with their offsets) outside TOML's quoted strings (`"…"` with
/// backslash escapes, `'…'` as written) and comments (`#` to the end of the line).
fn structure(s: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    let mut quote = None;
    let mut escaped = false;
    let mut comment = false;
    s.bytes().enumerate().filter_map(move |(i, b)| {
        match quote {
            _ if comment => comment = b != b'\n',
            Some(_) if escaped => escaped = false,
            Some(b'"') if b == b'\\' => escaped = true,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'#' => comment = true,
            None => return Some((i, b)),
        }
        None
    })
}

/// The path of the table that holds byte `at`: its nearest `[table]` or
/// `[[array.of.tables]]` header above, the latter with the index of its entry.
/// Only used once toml has rejected the block (no span tree is left), to name the
/// field of a syntax-level error; a header-like line inside a multi-line string
/// would mislead it.
fn table_path(text: &str, at: usize) -> Vec<Segment> {
    let (line, start) = line_at(text, at);
    let before = &text[..start + line.len()];
    let header = |line: &str| -> Option<(bool, String)> {
        let line = line.trim();
        let line = line.split('#').next()?.trim_end();
        if let Some(name) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
            return Some((true, name.trim().to_owned()));
        }
        let name = line.strip_prefix('[')?.strip_suffix(']')?;
        Some((false, name.trim().to_owned()))
    };
    let Some((array, name)) = before.lines().rev().find_map(header) else {
        return Vec::new();
    };
    let mut path: Vec<Segment> = key_path(&name).collect();
    if array {
        let index = before
            .lines()
            .filter(|l| header(l).as_ref() == Some(&(true, name.clone())))
            .count();
        path.push(Segment::Index(index.saturating_sub(1)));
    }
    path
}

/// Classifies a deserialization error and positions it: at the value of its path,
/// at the holder's key for a missing nested field, at the opening fence for a
/// missing field of the root.
fn explain(doc: &Document<'_>, mut path: Vec<Segment>, err: &toml::de::Error) -> Error {
    let message = err.message().lines().collect::<Vec<_>>().join(" ");
    let tree = || tree(doc);
    let from_toml = err.span().map(|r| rebase(doc, r));
    let at = |range: (usize, usize)| rebase(doc, range.0..range.1);
    if let Some(field) = backticked(&message, "missing field `") {
        let span = if path.is_empty() {
            doc.anchor()
        } else {
            let holder = tree().and_then(|t| match path.split_last() {
                Some((Segment::Key(k), parent)) => t.key_span(parent, k, 0),
                _ => t.get(&path).map(|n| (n.start, n.end)),
            });
            holder.map(at).or(from_toml).unwrap_or_else(|| doc.anchor())
        };
        return missing_field(path, field, span);
    }
    if let Some(key) = backticked(&message, "unknown field `") {
        if path.last() == Some(&Segment::Key(key.clone())) {
            path.pop();
        }
        let found = tree().and_then(|t| t.key_span(&path, &key, 0));
        path.push(Segment::Key(key));
        let span = found.map(at).or(from_toml).unwrap_or_else(|| doc.anchor());
        return Error::new(Kind::UnknownField, display_path(&path), message, span);
    }
    let kind = raised::kind_of(&message).unwrap_or(if message.starts_with("duplicate field `") {
        Kind::DuplicateKey
    } else {
        Kind::InvalidType
    });
    let span = tree()
        .and_then(|t| t.get(&path).map(|n| (n.start, n.end)))
        .map(at)
        .or(from_toml)
        .unwrap_or_else(|| doc.anchor());
    let message = if kind == Kind::InvalidType {
        crate::diagnostic::text::serde_message(&message)
    } else {
        message
    };
    Error::new(kind, display_path(&path), message, span)
}
