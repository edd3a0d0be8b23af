//! The YAML bridge: the only module that names serde_yaml. It deserializes the
//! front-matter block and turns serde_yaml's errors into [`Error`]s with a kind, a
//! field path and a span in the whole document.

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::diagnostic::{raised, Error, Kind};
use crate::document::Document;
use crate::fast;
use crate::limits::Limits;
use crate::locate::{
    self, backticked, display_path, missing_field, segments, Node, NodeKind, Segment,
};
use crate::span::Span;
use crate::value::Value;
use crate::Options;

/// Deserializes the front matter of `doc` into `T`.
pub(crate) fn deserialize_with<'a, T: Deserialize<'a>>(
    doc: &Document<'a>,
    options: &Options,
) -> Result<T, Error> {
    let (value, may_repeat) = read(doc, options)?;
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
    read(doc, &Options::new().limits(limits)).map(|(value, _)| value)
}

/// Deserializes `T` from the block, or from an empty mapping when there is none,
/// after checking the block against the limits. Also says whether the block may
/// repeat a key (see [`scan`]).
fn read<'a, T: Deserialize<'a>>(doc: &Document<'a>, options: &Options) -> Result<(T, bool), Error> {
    raised::clear();
    let Some(block) = doc.front_matter() else {
        if options.requires_front_matter() {
            return Err(no_front_matter(doc));
        }
        return from_empty(doc).map(|v| (v, false));
    };
    let limits = options.limits_in_force();
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
    crate::limits::check(doc, block, limits, lines.widest)?;
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
    let result = deserialize_with(doc, &Options::new());
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
fn duplicate_key(doc: &Document<'_>, block: &str) -> Option<Error> {
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
                let Some(key) = &entry.key else { continue };
                path.push(Segment::Key(key.clone()));
                if entries[..i].iter().any(|e| e.key.as_ref() == Some(key)) {
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
    /// indicators, for the depth bound of [`crate::limits::check`].
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
            widest: crate::limits::widest_prefix(block.as_bytes()),
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
        widest: widest.max(crate::limits::widest_prefix(&block.as_bytes()[start..])),
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

/// Whether `block` may hold a repeated key; see [`scan`].
#[cfg(test)]
fn may_repeat_a_key(block: &str) -> bool {
    scan(block).may_repeat
}

/// `metadata` as YAML text with LF line endings; an empty mapping is an empty block.
pub(crate) fn to_text<T: serde::Serialize + ?Sized>(metadata: &T) -> Result<String, String> {
    match serde_yaml::to_string(metadata) {
        Ok(text) if text == "{}\n" => Ok(String::new()),
        Ok(text) => Ok(text),
        Err(e) => Err(format!("cannot write the metadata as YAML: {e}")),
    }
}

/// The error for a document that has no front matter where one is required.
pub(crate) fn no_front_matter(doc: &Document<'_>) -> Error {
    Error::new(
        Kind::NoFrontMatter,
        "",
        "no front matter: the document does not start with a `---` line",
        Span::new(doc.body_span().location(), doc.body_span().start()),
    )
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

/// Runs the failed deserialization again to learn the field path, then classifies
/// the error and positions it in the original document.
#[cold]
fn explain<'a, T: Deserialize<'a>>(
    doc: &Document<'a>,
    text: &'a str,
    first: &serde_yaml::Error,
) -> Error {
    // Deserialization is deterministic, so the second run fails the same way.
    match serde_path_to_error::deserialize::<_, T>(serde_yaml::Deserializer::from_str(text)) {
        Err(e) => describe(doc, text, segments(e.path()), &e.into_inner(), false),
        Ok(_) => describe(doc, text, Vec::new(), first, false),
    }
}

/// Classifies `err`, the error serde_yaml raised at `path` while deserializing
/// `text`, and positions it in the original document. `valid_yaml` says that the
/// text is known to be YAML, which spares a syntax check.
#[cold]
fn describe<'a>(
    doc: &Document<'a>,
    text: &'a str,
    mut path: Vec<Segment>,
    err: &serde_yaml::Error,
    valid_yaml: bool,
) -> Error {
    // In a synthetic `{}` (no block), every position is the document's start.
    let block = doc.front_matter_span().filter(|_| text != "{}");
    let anchor = doc.anchor();
    let at = |offset: usize, len: usize| match block {
        Some(b) => {
            let start = (b.start() + offset).min(b.end());
            Span::of(doc.source(), start, (start + len).min(b.end()))
        }
        None => anchor,
    };
    let mark = err.location().map(|l| l.index());
    let message = err.to_string();

    // serde_yaml reads events as `T` asks for them, so a type error early in the
    // block can come before a syntax error later on: a block that is not YAML is
    // reported as such, with the syntax error's own message and position.
    let syntax = if valid_yaml {
        Ok(IgnoredAny)
    } else {
        serde_yaml::from_str::<IgnoredAny>(text)
    };
    if let Err(syntax) = syntax {
        let first_line = block.map_or(1, |b| b.line());
        let (kind, message, offset) = syntax_message(&syntax.to_string(), first_line);
        let mark = offset.or_else(|| syntax.location().map(|l| l.index()));
        return Error::new(kind, "", message, mark.map_or(anchor, |m| at(m, 0)));
    }

    let mut message = strip_position(&message, err.location().map(|l| (l.line(), l.column())));
    // serde_yaml prefixes the path it knows, which may stop short of ours: an error
    // raised for a null entry names the sequence (`ministers: …`), not the entry.
    for len in (1..=path.len()).rev() {
        if let Some(rest) = message.strip_prefix(&format!("{}: ", display_path(&path[..len]))) {
            message = rest.to_owned();
            break;
        }
    }
    let tree = || block.and_then(|b| locate::parse(&doc.source()[b.range()]));

    if let Some(field) = backticked(&message, "missing field `") {
        // A missing field of the root points at the opening fence; of a nested
        // mapping, at the key that holds it (at the mapping, in a list), as
        // validation does.
        let span = if path.is_empty() {
            anchor
        } else {
            let holder = tree().and_then(|t| match path.split_last() {
                Some((Segment::Key(k), parent)) => t.key_span(parent, k, 0),
                _ => value_span(&t, &path, mark),
            });
            match (holder, mark) {
                (Some((start, end)), _) => at(start, end - start),
                (None, Some(m)) => at(m, 0),
                (None, None) => anchor,
            }
        };
        return missing_field(path, field, span);
    }
    let duplicate = backticked(&message, "duplicate field `").or_else(|| quoted_key(&message));
    if let Some(key) = duplicate {
        let second = tree().and_then(|t| t.key_span(&path, &key, 1));
        path.push(Segment::Key(key.clone()));
        let span = match second {
            Some((start, end)) => at(start, end - start),
            None => mark.map_or(anchor, |m| at(m, 0)),
        };
        return Error::new(
            Kind::DuplicateKey,
            display_path(&path),
            format!("duplicate key `{key}`"),
            span,
        );
    }
    if let Some(key) = backticked(&message, "unknown field `") {
        // serde_path_to_error has already entered the unknown key.
        if path.last() == Some(&Segment::Key(key.clone())) {
            path.pop();
        }
        let found = tree().and_then(|t| t.key_span(&path, &key, 0));
        path.push(Segment::Key(key));
        let span = match found {
            Some((start, end)) => at(start, end - start),
            None => mark.map_or(anchor, |m| at(m, 0)),
        };
        return Error::new(Kind::UnknownField, display_path(&path), message, span);
    }
    let kind = raised::kind_of(&message).unwrap_or(if message.ends_with("limit exceeded") {
        Kind::LimitExceeded
    } else {
        Kind::InvalidType
    });
    let span = match (tree().and_then(|t| value_span(&t, &path, mark)), mark) {
        (Some((start, end)), _) => at(start, end - start),
        (None, Some(m)) => at(m, 0),
        (None, None) => anchor,
    };
    Error::new(kind, display_path(&path), message, span)
}

/// The byte range of the value at `path` (relative to the block), to point at.
///
/// serde_yaml's mark is the value's own only for errors raised while reading a
/// scalar or entering a collection; errors raised for a null, or after the last
/// entry of a sequence, carry the mark of the enclosing collection. So the value
/// itself wins, unless the mark lies strictly inside it (a deeper position than the
/// path names). A value with no text (`title:`) yields its key.
fn value_span(root: &Node, path: &[Segment], mark: Option<usize>) -> Option<(usize, usize)> {
    let node = root.get(path)?;
    if mark.is_some_and(|m| node.start < m && m < node.end) {
        return None;
    }
    if node.start == node.end {
        if let Some((Segment::Key(key), parent)) = path.split_last() {
            if let Some(span) = root.key_span(parent, key, 0) {
                return Some(span);
            }
        }
    }
    Some((node.start, node.end))
}

/// `message` without serde_yaml's ` at line L column C` suffix.
fn strip_position(message: &str, at: Option<(usize, usize)>) -> String {
    at.and_then(|(line, column)| message.strip_suffix(&format!(" at line {line} column {column}")))
        .unwrap_or(message)
        .to_owned()
}

/// The key of serde_yaml's `duplicate entry with key "k"` (maps and `Value`s).
fn quoted_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("duplicate entry with key ")?;
    let key = rest
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(rest);
    Some(key.replace("\\\"", "\"").replace("\\\\", "\\"))
}

/// A libyaml message, `problem at line L column C, context at line …`, without its
/// block-relative positions (the error's span carries the rebased one).
fn syntax_message(message: &str, first_line: usize) -> (Kind, String, Option<usize>) {
    let head = message.split(" at line ").next().unwrap_or(message);
    if head.ends_with("limit exceeded") {
        return (Kind::LimitExceeded, head.to_owned(), None);
    }
    // Reader errors (a control character, say) give a byte offset instead.
    if let Some((problem, offset)) = message.rsplit_once(" at position ") {
        if let Ok(offset) = offset.parse() {
            return (
                Kind::YamlSyntax,
                format!("invalid YAML: {problem}"),
                Some(offset),
            );
        }
    }
    // `problem at line L column C, context at line L2 column C2`: the context's
    // position is rebased to the document, the problem's is the error's span.
    let context = message
        .split_once(" at line ")
        .and_then(|(_, rest)| rest.split_once(", "))
        .map(|(_, ctx)| match ctx.split_once(" at line ") {
            Some((what, at)) => match rebase(at, first_line) {
                Some((line, column)) => {
                    format!(" ({what} that starts at line {line} column {column})")
                }
                None => format!(" ({what})"),
            },
            None => format!(" ({ctx})"),
        });
    (
        Kind::YamlSyntax,
        format!("invalid YAML: {head}{}", context.unwrap_or_default()),
        None,
    )
}

/// `L column C` relative to a block whose first line is `first_line` of the document.
fn rebase(at: &str, first_line: usize) -> Option<(usize, usize)> {
    let (line, column) = at.split_once(" column ")?;
    Some((
        line.trim().parse::<usize>().ok()? + first_line - 1,
        column.trim().parse().ok()?,
    ))
}

#[cfg(test)]
mod differential;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_messages_rebase_their_context() {
        assert_eq!(
            syntax_message("did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1", 2),
            (Kind::YamlSyntax, "invalid YAML: did not find expected key (while parsing a block mapping that starts at line 2 column 1)".to_owned(), None)
        );
        assert_eq!(
            syntax_message("found unexpected end of stream at line 2 column 1", 2),
            (
                Kind::YamlSyntax,
                "invalid YAML: found unexpected end of stream".to_owned(),
                None
            )
        );
        assert_eq!(
            syntax_message("control characters are not allowed at position 7", 2),
            (
                Kind::YamlSyntax,
                "invalid YAML: control characters are not allowed".to_owned(),
                Some(7)
            )
        );
        assert_eq!(
            syntax_message("recursion limit exceeded at line 1 column 200", 2),
            (
                Kind::LimitExceeded,
                "recursion limit exceeded".to_owned(),
                None
            )
        );
    }

    #[test]
    fn repeated_keys_are_never_missed_by_the_scan() {
        // Keys that may be equal: the full check decides.
        for block in [
            "a: 1\na: 2\n",
            "a: 1\n'a': 2\n",
            "a: 1\n\"a\" : 2\n",
            "x:\n  a: 1\ny:\n  - a: 2\n",
            "{a: 1, b: 2, a: 3}\n",
            "{\"a\":1, \"a\":2}\n",
            "x: [{a: 1}, {a: 2}]\n",
            "- - a: 1\n  - a: 2\n",
            "\"a, b\": 1\n'a, b': 2\n",
            "\"a: b\": 1\n'a: b': 2\n",
            "\"\\x61\": 1\na: 2\n",
            "'it''s': 1\n\"it's\": 2\n",
            "&k a: 1\na: 2\n",
            "!!str a: 1\na: 2\n",
            "? a\n: 1\na: 2\n",
            "b: &x 1\n*x : 2\n",
            "\"\": 1\n",
            "tags: [a, b]\nauthor: {name: x, url: y}\n",
            "a:\tb\na : c\n",
            "- a: 1\n- a: 2\n",
        ] {
            assert!(may_repeat_a_key(block), "{block:?}");
        }
        // Keys that cannot be equal: no second parse.
        for block in [
            "",
            "title: \"He Rā Maumahara: national commemoration\"\ndate: 2024-05-13\n",
            "url: https://www.beehive.govt.nz/release/x\nattachments:\n  - https://a.nz/b.pdf\n",
            "title: What next? R&D now!\ntime: 12:30\n",
            "tags: [a, b]\nkeywords: []\n",
            "ministers:\n  - Hon A\n  -\nportfolios: [x: y]\n",
        ] {
            assert!(!may_repeat_a_key(block), "{block:?}");
        }
    }

    #[test]
    fn the_line_scan_finds_the_widest_prefix() {
        for block in [
            "",
            "a: 1\n",
            "a:\n  - - b: 1\n",
            "- - - x\n  -\n",
            "a: {b: c}\n      - - x\n",
            "'q': 1\n? - - - a\n: - b\n",
            "a: 1\na: 2\n    - - -x\n",
            "x:\n\t- :-? y\n# c\n          \n",
        ] {
            assert_eq!(
                scan(block).widest,
                crate::limits::widest_prefix(block.as_bytes()),
                "{block:?}"
            );
        }
    }

    #[test]
    fn null_documents() {
        assert!(is_null_document(""));
        assert!(is_null_document("# just a comment\n\n  # another\r\n"));
        assert!(!is_null_document("a: 1\n"));
    }
}
