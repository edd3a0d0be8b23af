//! The YAML bridge, the only code that names serde_yaml or saphyr: it reads a `---`
//! block (the fast path first), checks it against the limits and for repeated keys,
//! and positions serde_yaml's errors in the whole document. It never picks a format.

use serde::Deserialize;

use crate::diagnostic::{raised, Error, Kind};
use crate::document::Document;
use crate::limits::Limits;
use crate::path::{display_path, missing_field, segments, Segment};
use crate::span::Span;
use crate::tree::{Entry, Node, NodeKind};
use crate::value::Value;
use explain::{describe, explain};

mod explain;
mod fast;
mod limits;
mod locate;
mod quote;
mod relaxed;
pub(crate) mod shape;

/// Deserializes the front matter of `doc` into `T`.
pub(crate) fn deserialize_with<'a, T: Deserialize<'a>>(
    doc: &Document<'a>,
    limits: &Limits,
) -> Result<T, Error> {
    let (value, may_repeat) = read(doc, limits)?;
    // serde_yaml lets a map target (`BTreeMap`, `HashMap`, an ignored value) keep the
    // last of repeated keys; the YAML spec and the design call that an error. A scan
    // of the text clears almost every block without parsing it again.
    if may_repeat {
        if let Some(block) = doc.front_matter() {
            if let Some(err) = duplicate_key(doc, block) {
                return Err(err);
            }
        }
    }
    Ok(value)
}

/// The front matter as a [`Value`] that keeps repeated keys (validation reports
/// every one of them itself).
pub(crate) fn value<'a>(doc: &Document<'a>, limits: Limits) -> Result<Value<'a>, Error> {
    read(doc, &limits).map(|(value, _)| value)
}

/// The span tree of the block (positions relative to it); `None` without a block or
/// for text that saphyr-parser cannot read.
pub(crate) fn tree(doc: &Document<'_>) -> Option<Node> {
    locate::parse(doc.front_matter()?)
}

/// Deserializes `T` from the block, or from an empty mapping when there is none,
/// after checking the block against the limits. Also says whether the block may
/// repeat a key (see [`scan`]). The caller has already refused a document without
/// front matter where one is required.
fn read<'a, T: Deserialize<'a>>(doc: &Document<'a>, limits: &Limits) -> Result<(T, bool), Error> {
    raised::clear();
    let Some(block) = doc.front_matter() else {
        return from_empty(doc).map(|v| (v, false));
    };
    if block.len() > limits.byte_limit() {
        return Err(crate::limits::too_large(doc, block, limits));
    }
    // The fast path gives exactly what serde_yaml gives, or declines. It declines
    // every alias and every nesting deeper than its own bound, so a block it reads
    // is within the depth and alias limits whenever the depth limit is at least that
    // bound. It also declines every null document (it reads only blocks with a
    // `key:` line), so it may run before that check.
    if fast_path_enabled() && limits.depth_limit() >= fast::MAX_DEPTH {
        match fast::from_str(block) {
            Ok((value, distinct_keys)) => {
                return Ok((value, !distinct_keys && scan(block).may_repeat));
            }
            Err(fast::Miss::Rejected {
                missing_top_field: Some(field),
            }) => {
                // What `explain` makes of serde_yaml's error for the same field.
                return Err(missing_field(Vec::new(), field.to_owned(), doc.anchor()));
            }
            Err(fast::Miss::Rejected { .. }) => {
                // The block is YAML within the limits and `T` refused what it says:
                // almost always an error, which `explain` would read the block again
                // to place. Read it once, with the path tracked, and skip the syntax
                // check. (Should `T` accept the block after all, the plain read below
                // gives the value, as it would have without the fast path.)
                let tracked = serde_path_to_error::deserialize::<_, T>(
                    serde_yaml::Deserializer::from_str(block),
                );
                if let Err(e) = tracked {
                    let path = segments(e.path());
                    return Err(describe(doc, block, path, &e.into_inner(), true));
                }
            }
            Err(fast::Miss::Declined) => {}
        }
    }
    let lines = scan(block);
    limits::check(doc, block, limits, lines.widest)?;
    if is_null_document(block) {
        return from_empty(doc).map(|v| (v, false));
    }
    serde_yaml::from_str(block)
        .map(|v| (v, lines.may_repeat))
        .map_err(|first| explain::<T>(doc, block, &first))
}

#[cfg(not(any(test, feature = "__fuzzing")))]
fn fast_path_enabled() -> bool {
    true
}

#[cfg(any(test, feature = "__fuzzing"))]
thread_local! {
    /// Tests and the fuzz crate turn the fast path off to compare the crate's
    /// results with and without it.
    static FAST_PATH: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

#[cfg(any(test, feature = "__fuzzing"))]
fn fast_path_enabled() -> bool {
    FAST_PATH.with(std::cell::Cell::get)
}

/// The crate's result for `T` on `doc` with the fast path `on` or off.
#[cfg(any(test, feature = "__fuzzing"))]
fn through_crate<'a, T: Deserialize<'a>>(doc: &Document<'a>, on: bool) -> Result<T, Error> {
    FAST_PATH.with(|f| f.set(on));
    let result = deserialize_with(doc, &Limits::new());
    FAST_PATH.with(|f| f.set(true));
    result
}

/// Panics unless the result (value, or error with kind, path, message and
/// position) is the same with the fast path on and off.
#[cfg(any(test, feature = "__fuzzing"))]
#[track_caller]
fn same_through_crate<'a, T>(doc: &Document<'a>)
where
    T: Deserialize<'a> + std::fmt::Debug,
{
    let on = through_crate::<T>(doc, true);
    let off = through_crate::<T>(doc, false);
    assert_eq!(
        format!("{on:?}"),
        format!("{off:?}"),
        "{}: the crate's result changes with the fast path on {:?}",
        std::any::type_name::<T>(),
        doc.front_matter()
    );
}

/// The first repeated key of `block`, by the position of its repetition.
#[cold]
pub(super) fn duplicate_key(doc: &Document<'_>, block: &str) -> Option<Error> {
    let root = locate::parse(block)?;
    let mut path = Vec::new();
    let (second, path) = first_repeat(&root, &mut path)?;
    let base = doc.front_matter_span()?.start();
    let key = match path.last() {
        Some(Segment::Key(k)) => k.clone(),
        _ => String::new(),
    };
    Some(Error::new(
        Kind::DuplicateKey,
        display_path(&path),
        format!("duplicate key `{key}`"),
        Span::of(doc.source(), base + second.start, base + second.end),
    ))
}

/// The earliest second occurrence of a key in any mapping under `node`, with the
/// path of the repeated key.
fn first_repeat<'n>(node: &'n Node, path: &mut Vec<Segment>) -> Option<(&'n Node, Vec<Segment>)> {
    let mut best: Option<(&Node, Vec<Segment>)> = None;
    let mut consider = |found: Option<(&'n Node, Vec<Segment>)>| {
        if let Some(f) = found {
            if best.as_ref().is_none_or(|b| f.0.start < b.0.start) {
                best = Some(f);
            }
        }
    };
    match &node.kind {
        NodeKind::Map(entries) => {
            for (i, entry) in entries.iter().enumerate() {
                // Keys written as collections are compared as values, aliases
                // resolved: `[a, b]` and `*a` of `&a [a, b]` are one key.
                let same = |e: &Entry| match (&entry.key, &entry.key_value) {
                    (Some(key), _) => e.key.as_ref() == Some(key),
                    (None, Some(value)) => e.key_value.as_ref() == Some(value),
                    (None, None) => false,
                };
                let Some(key) = entry.key.as_ref().or(entry.key_value.as_ref()) else {
                    continue;
                };
                path.push(Segment::Key(key.clone()));
                if entries[..i].iter().any(same) {
                    consider(Some((&entry.key_node, path.clone())));
                }
                consider(first_repeat(&entry.value, path));
                path.pop();
            }
        }
        NodeKind::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Segment::Index(i));
                consider(first_repeat(item, path));
                path.pop();
            }
        }
        NodeKind::Scalar | NodeKind::Alias => {}
    }
    best
}

/// What one read of a block's lines tells.
struct Lines {
    /// Whether the block may hold a repeated key: `false` only when the text proves
    /// that it does not.
    may_repeat: bool,
    /// The widest structural prefix of a line: indentation and `-`, `?`, `:`
    /// indicators, for the depth bound of [`limits::check`].
    widest: usize,
}

/// Reads each line of `block` once, for [`Lines`]. It runs on every typed parse and
/// every validation, so it allocates only past 32 keys.
///
/// A key of a block mapping is a plain scalar that starts its line (after the
/// indentation and any `- ` indicators) and ends at the first `: `, `:` tab or `:` at
/// the end of the line, so those texts are a superset of every such key. Lines that
/// could hold keys written some other way send the block to the full check: a quoted
/// key, a flow mapping (`{`), an explicit key (`?`), a tag, an anchor or an alias
/// before a key. Repeats among the candidates (including the same key in two sibling
/// mappings) do too; the full check then decides. Once that is settled, the rest of
/// the block is read for its prefixes only.
fn scan(block: &str) -> Lines {
    if memchr::memchr(b'{', block.as_bytes()).is_some() {
        return Lines {
            may_repeat: true,
            widest: limits::widest_prefix(block.as_bytes()),
        };
    }
    // The first 32 keys live on the stack: a typical block allocates nothing here.
    let mut small: [&str; 32] = [""; 32];
    let mut seen = 0;
    let mut large: Option<std::collections::HashSet<&str>> = None;
    let mut widest = 0;
    let mut start = 0;
    let rest_of = |widest: usize, start: usize| Lines {
        may_repeat: true,
        widest: widest.max(limits::widest_prefix(&block.as_bytes()[start..])),
    };
    for end in memchr::memchr_iter(b'\n', block.as_bytes()).chain([block.len()]) {
        let line = &block[start..end];
        let line_start = start;
        start = end + 1;
        let mut rest = line.trim_start_matches([' ', '\t']);
        while let Some(after) = rest
            .strip_prefix('-')
            .filter(|r| r.is_empty() || r.starts_with([' ', '\t']))
        {
            rest = after.trim_start_matches([' ', '\t']);
        }
        let more = rest
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'-' | b'?' | b':'))
            .count();
        widest = widest.max(line.len() - rest.len() + more);
        match rest.as_bytes().first() {
            None | Some(b'#') => continue,
            Some(b'"' | b'\'' | b'?' | b'!' | b'&' | b'*') => return rest_of(widest, line_start),
            Some(_) => {}
        }
        let bytes = rest.as_bytes();
        let Some(colon) = memchr::memchr_iter(b':', bytes)
            .find(|&i| matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\r')))
        else {
            continue;
        };
        let key = rest[..colon].trim_end_matches([' ', '\t']);
        if let Some(set) = &mut large {
            if !set.insert(key) {
                return rest_of(widest, line_start);
            }
        } else if small[..seen].contains(&key) {
            return rest_of(widest, line_start);
        } else if seen < small.len() {
            small[seen] = key;
            seen += 1;
        } else {
            let mut set: std::collections::HashSet<&str> = small.into_iter().collect();
            set.insert(key);
            large = Some(set);
        }
    }
    Lines {
        may_repeat: false,
        widest,
    }
}

/// For the fuzz crate: panics where the fast path and serde_yaml disagree on
/// `block`, as a generic value or as a [`Release`](crate::Release), or where the
/// crate's result for a document of that block (value or error, with its position)
/// changes with the fast path on and off; whether the fast path took the block.
#[cfg(any(test, feature = "__fuzzing"))]
pub(crate) fn fast_path_agrees(block: &str) -> bool {
    fn agree<'a, T: Deserialize<'a> + std::fmt::Debug>(block: &'a str) -> bool {
        let Ok((fast, _)) = fast::from_str::<T>(block) else {
            return false;
        };
        match serde_yaml::from_str::<T>(block) {
            // Debug text, so that NaN equals NaN and -0.0 differs from 0.0.
            Ok(full) => assert_eq!(
                format!("{fast:?}"),
                format!("{full:?}"),
                "the fast path differs on {block:?}"
            ),
            Err(e) => {
                panic!("the fast path gave {fast:?} where serde_yaml fails ({e}) on {block:?}")
            }
        }
        true
    }
    let value = agree::<Value<'_>>(block);
    let release = agree::<crate::Release>(block);
    let newline = if block.ends_with('\n') { "" } else { "\n" };
    let text = format!("---\n{block}{newline}---\n");
    if let Ok(doc) = crate::split(&text) {
        same_through_crate::<Value<'_>>(&doc);
        same_through_crate::<crate::Release>(&doc);
    }
    value || release
}

/// `metadata` as YAML text with LF line endings; an empty mapping is an empty block.
///
/// Every string that a YAML 1.1 reader would read as something else is quoted (see
/// [`crate::compat`]); a date or time that a type writes through `collect_str`
/// (chrono's `NaiveDate`, `NaiveDateTime`, `DateTime`) stays plain, so that other
/// readers read a date, while the same text given as a `String` is quoted.
pub(crate) fn to_text<T: serde::Serialize + ?Sized>(metadata: &T) -> Result<String, String> {
    let dates = quote::Dates::new();
    match serde_yaml::to_string(&quote::Plain(metadata, &dates)) {
        Ok(text) if text == "{}\n" => Ok(String::new()),
        Ok(text) => quote::requote(&text, &dates).ok_or_else(|| {
            "cannot write the metadata as YAML: the output does not parse".to_owned()
        }),
        Err(e) => Err(format!("cannot write the metadata as YAML: {e}")),
    }
}

/// Whether `block` holds nothing but blank lines and comments (a null document).
fn is_null_document(block: &str) -> bool {
    // Almost every block starts with content: decide that from its first character.
    let first = block.trim_start_matches([' ', '\t']).chars().next();
    if first.is_some_and(|c| c != '#' && !c.is_whitespace()) {
        return false;
    }
    block.lines().all(|line| {
        let line = line.trim_start_matches([' ', '\t']);
        line.trim_end().is_empty() || line.starts_with('#')
    })
}

/// `T` from an empty mapping, for documents whose front matter is absent or empty.
/// Errors point at the opening fence, or at the start of a document without one.
fn from_empty<'a, T: Deserialize<'a>>(doc: &Document<'a>) -> Result<T, Error> {
    serde_yaml::from_str("{}").map_err(|first| explain::<T>(doc, "{}", &first))
}

#[cfg(test)]
mod tests;
