//! The fast path: a serde deserializer straight over the front-matter text, for the
//! YAML that real front matter uses.
//!
//! It takes block mappings (nested ones too) whose keys and values are plain,
//! single-quoted or double-quoted scalars on one line, block sequences of such
//! scalars (indented, or at the column of their key), flow sequences of scalars on
//! one line, comments and blank lines. Anything else makes it *decline*: anchors,
//! aliases, tags, block scalars, flow mappings, multi-line scalars and flow
//! sequences, explicit keys, directives, document markers, tabs, lone carriage
//! returns, characters the YAML reader rejects or treats as line breaks, keys longer
//! than a simple key may be, nested sequences and quoted keys of mappings inside
//! sequences (`- key: value` with a plain key is taken).
//!
//! It works in two phases, as the full deserializer does. The text is first read
//! into a flat list of events (scalar, start and end of a sequence or mapping); a
//! text it cannot read exactly declines before any visitor runs. The events are then
//! handed to `T`'s visitors by a deserializer that mirrors, method by method, what
//! the full deserializer does with the same events: the same scalar resolution (null,
//! booleans, integers in four bases, floats, strings), the same choice of visitor
//! method, the same borrowing rule. Every error, whether a decline or one raised by a
//! visitor, makes the caller take the full path, which then produces the value or
//! the error exactly as it would have without this module; so the fast path only has
//! to be right when it succeeds, and a differential test holds it to that.

use std::borrow::Cow;
use std::fmt;
use std::num::ParseIntError;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde::Deserialize;

/// Why the fast path gave no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Miss {
    /// The block is outside the subset.
    Declined,
    /// The block lies in the subset, so it is valid YAML within the depth and alias
    /// limits and not a null document, but `T`'s visitors raised an error (perhaps
    /// one the full path would not raise, such as one a visitor swallows).
    Rejected {
        /// The field that the visitor of the whole block found missing, when that
        /// was the run's first error: the visitors see the same calls on the full
        /// path, so its first error is the same, raised at the top level, where
        /// the error's position is the opening fence and none of serde_yaml's.
        missing_top_field: Option<&'static str>,
    },
}

/// `T` from `block` when the block lies in the fast path's subset and `T`'s visitors
/// accept it, and whether no mapping of the block can hold a key twice (`true` is
/// a proof; `false` means the caller must check). On a [`Miss`] the caller takes
/// the full path.
pub(crate) fn from_str<'a, T: Deserialize<'a>>(
    block: &'a str,
) -> std::result::Result<(T, bool), Miss> {
    let (events, may_repeat) = parse(block).ok_or(Miss::Declined)?;
    let mut de = Events {
        events: &events,
        pos: 0,
        depth: TOP,
        first_error_depth: None,
    };
    match T::deserialize(&mut de) {
        // An error that a visitor swallowed may have left the events elsewhere than
        // the full path would: only a run without any error counts.
        Ok(_) if de.first_error_depth.is_some() => Err(Miss::Rejected {
            missing_top_field: None,
        }),
        Ok(value) => Ok((value, !may_repeat)),
        // An error first seen at the top comes from the visitor of the whole block:
        // any error inside a value is seen deeper first.
        Err(e) => Err(Miss::Rejected {
            missing_top_field: e
                .missing_field
                .filter(|_| de.first_error_depth == Some(TOP)),
        }),
    }
}

// ---------------------------------------------------------------------------------
// Phase 1: the text as events.

/// How a scalar is written; it decides resolution and borrowing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
}

#[derive(Debug, Clone, PartialEq)]
struct Scalar<'a> {
    /// The scalar's value: quotes removed, escapes and `''` resolved.
    value: Cow<'a, str>,
    /// The scalar as written, quotes included.
    repr: &'a str,
    style: Style,
}

#[derive(Debug, Clone, PartialEq)]
enum Event<'a> {
    Scalar(Scalar<'a>),
    SeqStart,
    SeqEnd,
    MapStart,
    MapEnd,
}

/// Deeper nesting declines (the full deserializer's own limit is 128).
pub(crate) const MAX_DEPTH: usize = 64;

/// The longest simple key the YAML scanner accepts is 1024 characters up to its
/// `:`; a key whose `:` is further than this many bytes away declines.
const MAX_KEY: usize = 1000;

/// The events of `block` and whether a mapping may repeat a key, or `None` when the
/// block is outside the subset.
fn parse(block: &str) -> Option<(Vec<Event<'_>>, bool)> {
    let mut p = Parser {
        text: block,
        bytes: block.as_bytes(),
        pos: 0,
        // 21 events (1,008 bytes) hold a release with one attachment, and stay
        // within the allocator's small-size cache.
        events: Vec::with_capacity(21),
        depth: 0,
        keys: Keys::default(),
        may_repeat: false,
        peeked_at: usize::MAX,
        peeked: None,
        newlines: Newlines::default(),
        next_newline: 0,
    };
    if !plain_text(p.bytes, &mut p.newlines) {
        return None;
    }
    let first = p.peek()?;
    if first.indent != 0 {
        return None;
    }
    p.mapping(0, first)?;
    if p.peek().is_some() {
        return None;
    }
    Some((p.events, p.may_repeat))
}

/// The positions of the first line feeds of the block, in order, found by
/// [`plain_text`] as it looks at every byte anyway; the parser then finds the ends
/// of these lines without searching. Lines past the last one recorded are searched.
struct Newlines {
    at: [usize; Newlines::CAPACITY],
    len: usize,
    /// Whether `at` holds every line feed of the block.
    complete: bool,
}

impl Newlines {
    /// Real front matter has up to about 30 lines; the release a dozen.
    const CAPACITY: usize = 48;

    fn push(&mut self, at: usize) {
        if self.len < Self::CAPACITY {
            self.at[self.len] = at;
            self.len += 1;
        } else {
            self.complete = false;
        }
    }
}

impl Default for Newlines {
    fn default() -> Self {
        Newlines {
            at: [0; Newlines::CAPACITY],
            len: 0,
            complete: true,
        }
    }
}

/// `:` and `#`, the bytes that may end a plain scalar on its line.
static STOPS: [bool; 256] = {
    let mut t = [false; 256];
    t[b':' as usize] = true;
    t[b'#' as usize] = true;
    t
};

/// Values up to this many bytes are searched byte by byte in [`Parser::plain_end`].
const SHORT: usize = 32;

/// Bytes that need a closer look in [`plain_text`].
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xEF] = true;
    t
};

/// Whether `bytes` holds only characters that the YAML reader accepts and that are
/// not line breaks or white space beyond LF, CRLF and the space, and no line that
/// starts with a document marker (`---`, `...`). Tabs, lone CRs, C0 and C1 controls,
/// DEL, NEL, the line and paragraph separators, U+FEFF, U+FFFE and U+FFFF fail.
fn plain_text(bytes: &[u8], newlines: &mut Newlines) -> bool {
    if marker_at(bytes, 0) {
        return false;
    }
    // Eight bytes at a time: most chunks are printable ASCII and need no look; in
    // the others, only the bytes that may be special are looked at.
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mut candidates = candidates(u64::from_le_bytes(word));
        while candidates != 0 {
            let i = at + candidates.trailing_zeros() as usize / 8;
            if !plain_bytes(bytes, i, i + 1, newlines) {
                return false;
            }
            candidates &= candidates - 1;
        }
        at += 8;
    }
    plain_bytes(bytes, at, bytes.len(), newlines)
}

/// The high bit of each byte of `x` that may be below 0x20, DEL or not ASCII (with
/// false positives, never a false negative).
fn candidates(x: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let control = x.wrapping_sub(LOW * 0x20) & !x;
    let del = {
        let y = x ^ (LOW * 0x7F);
        y.wrapping_sub(LOW) & !y
    };
    (control | del | x) & HIGH
}

/// [`plain_text`] for `bytes[from..to]`, byte by byte (a check may look past `to`).
#[inline]
fn plain_bytes(bytes: &[u8], from: usize, to: usize, newlines: &mut Newlines) -> bool {
    for i in from..to {
        let b = bytes[i];
        if !SPECIAL[usize::from(b)] {
            continue;
        }
        let next = bytes.get(i + 1).copied();
        let after = bytes.get(i + 2).copied();
        let bad = match b {
            b'\n' => {
                newlines.push(i);
                marker_at(bytes, i + 1)
            }
            b'\r' => next != Some(b'\n'),
            0xC2 => matches!(next, Some(0x80..=0x9F)),
            0xE2 => next == Some(0x80) && matches!(after, Some(0xA8 | 0xA9)),
            0xEF => {
                (next == Some(0xBB) && after == Some(0xBF))
                    || (next == Some(0xBF) && matches!(after, Some(0xBE | 0xBF)))
            }
            _ => true,
        };
        if bad {
            return false;
        }
    }
    true
}

/// Whether a line starting at `i` starts with `---` or `...`.
fn marker_at(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i..i + 3), Some(b"---" | b"..."))
}

/// One line of the block with content on it.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// Leading spaces.
    indent: usize,
    /// The first byte after the indentation.
    start: usize,
    /// The end of the line's text, before CRLF or LF.
    end: usize,
    /// The start of the next line.
    next: usize,
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The start of the first line not yet read.
    pos: usize,
    events: Vec<Event<'a>>,
    depth: usize,
    /// The keys of the mappings being read, innermost last.
    keys: Keys<'a>,
    /// Whether two keys of one mapping may be the same: set when two are, and
    /// whenever the keys are not simply comparable (escapes, quotes inside a key,
    /// more than [`MAX_COMPARED`] keys in a mapping).
    may_repeat: bool,
    /// Where the last [`Parser::peek`] left [`Parser::pos`] (`usize::MAX` before
    /// the first), and its answer.
    peeked_at: usize,
    peeked: Option<Line>,
    newlines: Newlines,
    /// The index in `newlines` of the first line feed at or after [`Parser::pos`].
    next_newline: usize,
}

/// The keys of the mappings being read, kept on the stack: front matter rarely
/// has more than a dozen.
struct Keys<'a> {
    at: [Option<&'a str>; Keys::CAPACITY],
    len: usize,
}

impl<'a> Keys<'a> {
    const CAPACITY: usize = 48;

    /// Adds a key; `false` when there is no room (the key is then not compared).
    fn push(&mut self, key: &'a str) -> bool {
        let Some(slot) = self.at.get_mut(self.len) else {
            return false;
        };
        *slot = Some(key);
        self.len += 1;
        true
    }
}

impl Default for Keys<'_> {
    fn default() -> Self {
        Keys {
            at: [None; Keys::CAPACITY],
            len: 0,
        }
    }
}

/// Mappings with more keys than this are not checked for repeats here.
const MAX_COMPARED: usize = 32;

/// Whether `b` may not start a plain scalar (quotes are handled before).
fn indicator(b: u8) -> bool {
    matches!(
        b,
        b',' | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
            | b'?'
            | b':'
    )
}

impl<'a> Parser<'a> {
    /// The next line with content, skipping blank and comment lines; `None` at the
    /// end of the block.
    #[inline]
    fn peek(&mut self) -> Option<Line> {
        if self.peeked_at != self.pos {
            self.peeked = self.scan();
            self.peeked_at = self.pos;
        }
        self.peeked
    }

    /// [`Parser::peek`] without the memory of its last answer.
    fn scan(&mut self) -> Option<Line> {
        while self.pos < self.bytes.len() {
            let (end, next) = match self.newline() {
                Some(n) => (n, n + 1),
                None => (self.bytes.len(), self.bytes.len()),
            };
            // `plain_text` allows a CR only before an LF.
            let end = if end > self.pos && self.bytes[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            let indent = self.bytes[self.pos..end]
                .iter()
                .take_while(|&&b| b == b' ')
                .count();
            let start = self.pos + indent;
            if start == end || self.bytes[start] == b'#' {
                self.pos = next;
                continue;
            }
            return Some(Line {
                indent,
                start,
                end,
                next,
            });
        }
        None
    }

    /// The first line feed at or after [`Parser::pos`].
    fn newline(&mut self) -> Option<usize> {
        let recorded = &self.newlines.at[..self.newlines.len];
        while let Some(&at) = recorded.get(self.next_newline) {
            if at >= self.pos {
                return Some(at);
            }
            self.next_newline += 1;
        }
        if self.newlines.complete {
            return None;
        }
        // Every recorded line feed lies before `pos`.
        memchr::memchr(b'\n', &self.bytes[self.pos..]).map(|n| self.pos + n)
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }

    /// A block mapping whose entries start at column `n`, the first on `line`.
    fn mapping(&mut self, n: usize, mut line: Line) -> Option<()> {
        self.enter()?;
        self.events.push(Event::MapStart);
        let base = self.keys.len;
        loop {
            let key = self.events.len();
            self.entry(n, line)?;
            self.compare_key(base, key);
            match self.peek() {
                Some(l) if l.indent == n => line = l,
                Some(l) if l.indent > n => return None,
                _ => break,
            }
        }
        self.events.push(Event::MapEnd);
        self.keys.len = base;
        self.depth -= 1;
        Some(())
    }

    /// Records the key at event `at` among the keys of the mapping that starts at
    /// `base` in [`Parser::keys`], noting whether it may repeat one of them. A key
    /// is compared by its value, which is also the text the repeated-key check
    /// compares, except for quoted keys with escapes, `''` or a backslash: those
    /// are not compared at all.
    fn compare_key(&mut self, base: usize, at: usize) {
        if self.may_repeat {
            return;
        }
        // The repeated-key check compares plain keys by their text, and quoted keys
        // by their inside when it holds neither the quote nor a backslash, by their
        // text with the quotes otherwise: the latter are not compared here.
        let key = match self.events.get(at) {
            Some(Event::Scalar(Scalar {
                value: Cow::Borrowed(v),
                style,
                ..
            })) if *style != Style::SingleQuoted || !v.contains('\\') => *v,
            _ => {
                self.may_repeat = true;
                return;
            }
        };
        let siblings = &self.keys.at[base..self.keys.len];
        if siblings.len() >= MAX_COMPARED || siblings.contains(&Some(key)) || !self.keys.push(key) {
            self.may_repeat = true;
        }
    }

    /// One `key: value` entry of a mapping at column `n`.
    fn entry(&mut self, n: usize, line: Line) -> Option<()> {
        let after = self.key(line)?;
        let i = self.skip_spaces(after, line.end);
        if i == line.end || self.bytes[i] == b'#' {
            // The value is on the lines below, or empty.
            self.pos = line.next;
            match self.peek() {
                Some(l) if l.indent > n => {
                    if self.is_item(l) {
                        self.sequence(l.indent, l)
                    } else {
                        self.mapping(l.indent, l)
                    }
                }
                Some(l) if l.indent == n && self.is_item(l) => self.sequence(n, l),
                _ => {
                    self.empty(i);
                    Some(())
                }
            }
        } else {
            self.inline(line, i, true)?;
            // A more indented line would continue the value.
            match self.peek() {
                Some(l) if l.indent > n => None,
                _ => Some(()),
            }
        }
    }

    /// The key of an entry, pushed as a scalar; the position after its `:`.
    fn key(&mut self, line: Line) -> Option<usize> {
        let start = line.start;
        let colon = match self.bytes[start] {
            b'"' | b'\'' => {
                let end = self.quoted(start, line.end)?;
                let colon = self.skip_spaces(end, line.end);
                (self.bytes.get(colon) == Some(&b':')).then_some(colon)?
            }
            _ => {
                self.plain_start(start, line.end, false)?;
                let colon = self.find_colon(start, line.end)?;
                let value_end = self.trim_end(start, colon);
                self.push_plain(start, value_end);
                colon
            }
        };
        if colon - start > MAX_KEY {
            return None;
        }
        let after = colon + 1;
        (after == line.end || self.bytes[after] == b' ').then_some(after)
    }

    /// The first `:` of a plain key that is followed by a space or the end of the
    /// line; `None` when a comment or the end of the line comes first.
    fn find_colon(&self, start: usize, end: usize) -> Option<usize> {
        // Keys are short: a plain loop beats a vectorised search here.
        let line = &self.bytes[start..end];
        for (k, &b) in line.iter().enumerate() {
            if !STOPS[usize::from(b)] {
                continue;
            }
            if b == b':' {
                if matches!(line.get(k + 1), None | Some(b' ')) {
                    return Some(start + k);
                }
            } else if b == b'#' && k > 0 && line[k - 1] == b' ' {
                return None;
            }
        }
        None
    }

    /// Whether `line` is a block sequence entry: `-` then a space or the end.
    fn is_item(&self, line: Line) -> bool {
        self.bytes[line.start] == b'-'
            && (line.start + 1 == line.end || self.bytes[line.start + 1] == b' ')
    }

    /// A block sequence whose entries start at column `m`, the first on `line`.
    fn sequence(&mut self, m: usize, mut line: Line) -> Option<()> {
        self.enter()?;
        self.events.push(Event::SeqStart);
        loop {
            let i = self.skip_spaces(line.start + 1, line.end);
            if i == line.end || self.bytes[i] == b'#' {
                self.empty(i);
                self.pos = line.next;
            } else if self.inline(line, i, false).is_none() {
                // Not a scalar: perhaps `- key: value`, a mapping whose entries start
                // at the key's column. (A plain scalar that fails pushes no event.)
                if matches!(self.bytes[i], b'"' | b'\'') || self.find_colon(i, line.end).is_none() {
                    return None;
                }
                let column = i - (line.start - line.indent);
                let first = Line {
                    indent: column,
                    start: i,
                    ..line
                };
                self.mapping(column, first)?;
            }
            match self.peek() {
                Some(l) if l.indent == m && self.is_item(l) => line = l,
                Some(l) if l.indent > m => return None,
                _ => break,
            }
        }
        self.events.push(Event::SeqEnd);
        self.depth -= 1;
        Some(())
    }

    /// A value that starts at `i` on `line` and ends with it (a flow sequence only
    /// where `flow`); moves to the next line.
    fn inline(&mut self, line: Line, i: usize, flow: bool) -> Option<()> {
        let end = match self.bytes[i] {
            b'"' | b'\'' => self.quoted(i, line.end)?,
            b'[' if flow => self.flow(i, line.end)?,
            _ => {
                self.plain_start(i, line.end, false)?;
                let stop = self.plain_end(i, line.end)?;
                let value_end = self.trim_end(i, stop);
                self.push_plain(i, value_end);
                value_end
            }
        };
        // Only white space and a comment may follow.
        let rest = self.skip_spaces(end, line.end);
        if rest != line.end && !(self.bytes[rest] == b'#' && rest > end) {
            return None;
        }
        self.pos = line.next;
        Some(())
    }

    /// Where a plain scalar of block context that starts at `start` stops: at a
    /// comment or the end of the line. A `: ` inside it declines.
    fn plain_end(&self, start: usize, end: usize) -> Option<usize> {
        let line = &self.bytes[start..end];
        if line.len() <= SHORT {
            // Dates, names and most values are short: a plain loop beats the
            // setup of a vectorised search.
            for (k, &b) in line.iter().enumerate() {
                if !STOPS[usize::from(b)] {
                    continue;
                }
                if b == b':' {
                    if matches!(line.get(k + 1), None | Some(b' ')) {
                        return None;
                    }
                } else if k > 0 && line[k - 1] == b' ' {
                    return Some(start + k);
                }
            }
            return Some(end);
        }
        for k in memchr::memchr2_iter(b':', b'#', line) {
            if line[k] == b':' {
                if matches!(line.get(k + 1), None | Some(b' ')) {
                    return None;
                }
            } else if k > 0 && line[k - 1] == b' ' {
                return Some(start + k);
            }
        }
        Some(end)
    }

    /// Checks the first character of a plain scalar at `i` (before `end`).
    fn plain_start(&self, i: usize, end: usize, flow: bool) -> Option<()> {
        let b = self.bytes[i];
        if b == b'-' {
            // `-` followed by a blank is a sequence entry; in a flow sequence, keep
            // to `-` before a digit, a letter or `.`.
            let next = self.bytes.get(i + 1).copied().filter(|_| i + 1 < end)?;
            let ok = if flow {
                next.is_ascii_alphanumeric() || next == b'.'
            } else {
                next != b' '
            };
            return ok.then_some(());
        }
        (!indicator(b)).then_some(())
    }

    #[inline]
    fn push_plain(&mut self, start: usize, end: usize) {
        let text = &self.text[start..end];
        self.events.push(Event::Scalar(Scalar {
            value: Cow::Borrowed(text),
            repr: text,
            style: Style::Plain,
        }));
    }

    /// An empty plain scalar (a null) at `i`.
    fn empty(&mut self, i: usize) {
        self.push_plain(i, i);
    }

    /// A quoted scalar starting at `start` and closed before `end`; pushes it and
    /// returns the position after the closing quote.
    fn quoted(&mut self, start: usize, end: usize) -> Option<usize> {
        let quote = self.bytes[start];
        let mut k = start + 1;
        let mut plain_copy = true;
        loop {
            let rest = self.bytes.get(k..end)?;
            let found = if quote == b'"' {
                memchr::memchr2(b'"', b'\\', rest)
            } else {
                memchr::memchr(b'\'', rest)
            };
            k += found?;
            if self.bytes[k] == b'\\' {
                plain_copy = false;
                k += 1 + escape_len(self.bytes.get(k + 1..end)?)?;
            } else if quote == b'\'' && k + 1 < end && self.bytes[k + 1] == b'\'' {
                plain_copy = false;
                k += 2;
            } else {
                break;
            }
        }
        let inner = &self.text[start + 1..k];
        let value = if plain_copy {
            Cow::Borrowed(inner)
        } else if quote == b'\'' {
            Cow::Owned(inner.replace("''", "'"))
        } else {
            Cow::Owned(unescape(inner)?)
        };
        let style = if quote == b'\'' {
            Style::SingleQuoted
        } else {
            Style::DoubleQuoted
        };
        self.events.push(Event::Scalar(Scalar {
            value,
            repr: &self.text[start..=k],
            style,
        }));
        Some(k + 1)
    }

    /// A flow sequence of scalars that starts at `start` (`[`) and closes before
    /// `end`; returns the position after `]`.
    fn flow(&mut self, start: usize, end: usize) -> Option<usize> {
        self.enter()?;
        self.events.push(Event::SeqStart);
        let mut k = self.skip_spaces(start + 1, end);
        if self.bytes.get(k) == Some(&b']') && k < end {
            k += 1;
        } else {
            loop {
                if k >= end {
                    return None;
                }
                k = match self.bytes[k] {
                    b'"' | b'\'' => {
                        let after = self.quoted(k, end)?;
                        self.skip_spaces(after, end)
                    }
                    _ => {
                        self.plain_start(k, end, true)?;
                        let line = &self.bytes[k..end];
                        let stop = k + line.iter().position(|&b| {
                            matches!(b, b',' | b']' | b':' | b'#' | b'[' | b'{' | b'}')
                        })?;
                        if !matches!(self.bytes[stop], b',' | b']') {
                            return None;
                        }
                        let value_end = self.trim_end(k, stop);
                        self.push_plain(k, value_end);
                        stop
                    }
                };
                match self.bytes.get(k) {
                    Some(b',') if k < end => {
                        k = self.skip_spaces(k + 1, end);
                        // A trailing comma declines.
                        if self.bytes.get(k) == Some(&b']') {
                            return None;
                        }
                    }
                    Some(b']') if k < end => {
                        k += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        self.events.push(Event::SeqEnd);
        self.depth -= 1;
        Some(k)
    }

    fn skip_spaces(&self, mut i: usize, end: usize) -> usize {
        while i < end && self.bytes[i] == b' ' {
            i += 1;
        }
        i
    }

    fn trim_end(&self, start: usize, mut end: usize) -> usize {
        while end > start && self.bytes[end - 1] == b' ' {
            end -= 1;
        }
        end
    }
}

/// The length of the escape after a `\` (its letter and any hex digits), when the
/// YAML scanner accepts it.
fn escape_len(rest: &[u8]) -> Option<usize> {
    let digits = match rest.first()? {
        b'0' | b'a' | b'b' | b't' | b'n' | b'v' | b'f' | b'r' | b'e' | b' ' | b'"' | b'/'
        | b'\\' | b'N' | b'_' | b'L' | b'P' => return Some(1),
        b'x' => 2,
        b'u' => 4,
        b'U' => 8,
        _ => return None,
    };
    let hex = rest.get(1..=digits)?;
    let mut code = 0u32;
    for &h in hex {
        code = (code << 4) | char::from(h).to_digit(16)?;
    }
    char::from_u32(code)?;
    Some(1 + digits)
}

/// The value of a double-quoted scalar's inside, escapes resolved.
fn unescape(inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let letter = after.bytes().next()?;
        let (c, used) = match letter {
            b'0' => ('\0', 1),
            b'a' => ('\x07', 1),
            b'b' => ('\x08', 1),
            b't' => ('\t', 1),
            b'n' => ('\n', 1),
            b'v' => ('\x0B', 1),
            b'f' => ('\x0C', 1),
            b'r' => ('\r', 1),
            b'e' => ('\x1B', 1),
            b' ' => (' ', 1),
            b'"' => ('"', 1),
            b'/' => ('/', 1),
            b'\\' => ('\\', 1),
            b'N' => ('\u{85}', 1),
            b'_' => ('\u{A0}', 1),
            b'L' => ('\u{2028}', 1),
            b'P' => ('\u{2029}', 1),
            b'x' | b'u' | b'U' => {
                let digits = match letter {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let hex = after.get(1..=digits)?;
                let code = u32::from_str_radix(hex, 16).ok()?;
                (char::from_u32(code)?, 1 + digits)
            }
            _ => return None,
        };
        out.push(c);
        rest = after.get(used..)?;
    }
    out.push_str(rest);
    Some(out)
}

// ---------------------------------------------------------------------------------
// Phase 2: the events handed to visitors.

/// Any failure of the fast path. It carries nothing but the name of a field that a
/// visitor found missing: the caller takes the full path, which produces the real
/// error, or reports a missing field of the top level itself (see [`Miss`]).
#[derive(Debug)]
pub(crate) struct Decline {
    missing_field: Option<&'static str>,
}

impl Decline {
    const OUTSIDE: Decline = Decline {
        missing_field: None,
    };
}

impl fmt::Display for Decline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outside the fast path")
    }
}

impl std::error::Error for Decline {}

impl de::Error for Decline {
    fn custom<M: fmt::Display>(_msg: M) -> Self {
        Decline::OUTSIDE
    }

    fn missing_field(field: &'static str) -> Self {
        Decline {
            missing_field: Some(field),
        }
    }
}

type Result<T> = std::result::Result<T, Decline>;

struct Events<'p, 'a> {
    events: &'p [Event<'a>],
    pos: usize,
    /// Collections and newtypes left before the recursion limit.
    depth: u8,
    /// The [`Events::depth`] at which the first error went through this
    /// deserializer, if any did.
    first_error_depth: Option<u8>,
}

/// The recursion limit of the full deserializer: [`Events::depth`] at the top.
const TOP: u8 = 128;

impl<'p, 'a> Events<'p, 'a> {
    fn peek(&self) -> Result<&'p Event<'a>> {
        self.events.get(self.pos).ok_or(Decline::OUTSIDE)
    }

    fn next(&mut self) -> Result<&'p Event<'a>> {
        let event = self.peek()?;
        self.pos += 1;
        Ok(event)
    }

    fn track<T>(&mut self, result: Result<T>) -> Result<T> {
        if result.is_err() {
            self.fail();
        }
        result
    }

    /// Records an error.
    fn fail(&mut self) {
        if self.first_error_depth.is_none() {
            self.first_error_depth = Some(self.depth);
        }
    }

    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        let previous = self.depth;
        self.depth = previous.checked_sub(1).ok_or(Decline::OUTSIDE)?;
        let result = f(self);
        self.depth = previous;
        result
    }

    fn visit_sequence<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        let value = self.nested(|de| {
            visitor.visit_seq(Access {
                de,
                empty: false,
                len: 0,
            })
        })?;
        // Entries the visitor left: the full path reads them and fails.
        match self.next()? {
            Event::SeqEnd => Ok(value),
            _ => Err(Decline::OUTSIDE),
        }
    }

    fn visit_mapping<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        let value = self.nested(|de| {
            visitor.visit_map(Access {
                de,
                empty: false,
                len: 0,
            })
        })?;
        match self.next()? {
            Event::MapEnd => Ok(value),
            _ => Err(Decline::OUTSIDE),
        }
    }

    /// Skips one node.
    fn ignore(&mut self) -> Result<()> {
        let mut open = 0usize;
        loop {
            match self.next()? {
                Event::Scalar(_) => {}
                Event::SeqStart | Event::MapStart => open += 1,
                Event::SeqEnd | Event::MapEnd => {
                    open = open.checked_sub(1).ok_or(Decline::OUTSIDE)?
                }
            }
            if open == 0 {
                return Ok(());
            }
        }
    }

    fn any<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.next()? {
            Event::Scalar(s) => visit_scalar(visitor, s),
            Event::SeqStart => self.visit_sequence(visitor),
            Event::MapStart => self.visit_mapping(visitor),
            Event::SeqEnd | Event::MapEnd => Err(Decline::OUTSIDE),
        }
    }

    /// A plain scalar's value (typed numbers and booleans only read plain ones).
    fn plain(&mut self) -> Result<&'p str> {
        match self.next()? {
            Event::Scalar(s) if s.style == Style::Plain => Ok(&s.value),
            _ => Err(Decline::OUTSIDE),
        }
    }

    fn str<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.next()? {
            Event::Scalar(s) => visit_str(visitor, s),
            _ => Err(Decline::OUTSIDE),
        }
    }

    fn option<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        let is_some = match self.peek()? {
            Event::Scalar(s) => {
                s.style != Style::Plain || !(s.value.is_empty() || is_null(&s.value))
            }
            Event::SeqStart | Event::MapStart => true,
            Event::SeqEnd | Event::MapEnd => return Err(Decline::OUTSIDE),
        };
        if is_some {
            visitor.visit_some(self)
        } else {
            self.pos += 1;
            visitor.visit_none()
        }
    }

    fn unit<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.next()? {
            Event::Scalar(s)
                if s.style == Style::Plain && (s.value.is_empty() || is_null(&s.value)) =>
            {
                visitor.visit_unit()
            }
            _ => Err(Decline::OUTSIDE),
        }
    }

    /// A sequence, or an empty plain scalar read as an empty one.
    fn seq<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.next()? {
            Event::SeqStart => self.visit_sequence(visitor),
            Event::Scalar(s) if s.style == Style::Plain && s.value.is_empty() => {
                visitor.visit_seq(Access {
                    de: self,
                    empty: true,
                    len: 0,
                })
            }
            _ => Err(Decline::OUTSIDE),
        }
    }

    /// A mapping, or an empty plain scalar read as an empty one.
    fn map<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.next()? {
            Event::MapStart => self.visit_mapping(visitor),
            Event::Scalar(s) if s.style == Style::Plain && s.value.is_empty() => {
                visitor.visit_map(Access {
                    de: self,
                    empty: true,
                    len: 0,
                })
            }
            _ => Err(Decline::OUTSIDE),
        }
    }

    /// An enum written as a plain or quoted scalar: a unit variant.
    fn enumeration<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.peek()? {
            Event::Scalar(_) => visitor.visit_enum(UnitVariant { de: self }),
            _ => Err(Decline::OUTSIDE),
        }
    }
}

/// Calls the visitor method the full deserializer calls for this scalar when any
/// type will do.
fn visit_scalar<'a, V: Visitor<'a>>(visitor: V, s: &Scalar<'a>) -> Result<V::Value> {
    if s.style != Style::Plain {
        return visit_str(visitor, s);
    }
    let v: &str = &s.value;
    if v.is_empty() || is_null(v) {
        return visitor.visit_unit();
    }
    if let Some(b) = parse_bool(v) {
        return visitor.visit_bool(b);
    }
    // Past the null and boolean words, a scalar that starts with a letter or a
    // non-ASCII character is text: an integer starts with a digit or a sign, and
    // the words Rust's float parser takes (`inf`, `infinity`, `nan`) are not finite,
    // which the resolution below rejects. Most values of real front matter end here.
    if v.as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic() || !b.is_ascii())
    {
        return visit_str(visitor, s);
    }
    if let Some(int) = parse_unsigned_int(v, u64::from_str_radix) {
        return visitor.visit_u64(int);
    }
    if let Some(int) = parse_negative_int(v, i64::from_str_radix) {
        return visitor.visit_i64(int);
    }
    if let Some(int) = parse_unsigned_int(v, u128::from_str_radix) {
        return visitor.visit_u128(int);
    }
    if let Some(int) = parse_negative_int(v, i128::from_str_radix) {
        return visitor.visit_i128(int);
    }
    if !digits_but_not_number(v) {
        if let Some(float) = parse_f64(v) {
            return visitor.visit_f64(float);
        }
    }
    visit_str(visitor, s)
}

/// `visit_borrowed_str` when the value can be found in the text, else `visit_str`.
fn visit_str<'a, V: Visitor<'a>>(visitor: V, s: &Scalar<'a>) -> Result<V::Value> {
    match borrowed(s) {
        Some(b) => visitor.visit_borrowed_str(b),
        None => visitor.visit_str(&s.value),
    }
}

/// The value as a slice of the text, by the full deserializer's rule: the value's
/// bytes must end where the scalar's text ends (before the closing quote). That rule
/// also borrows some escaped values by coincidence (`"\\\\"` gives `\\`), and so
/// does this.
fn borrowed<'a>(s: &Scalar<'a>) -> Option<&'a str> {
    if let Cow::Borrowed(value) = s.value {
        // Plain scalars are their text; quoted ones without escapes, their inside.
        return Some(value);
    }
    let offset = usize::from(s.style != Style::Plain);
    let end = s.repr.len().checked_sub(offset)?;
    let start = end.checked_sub(s.value.len())?;
    if s.repr.as_bytes().get(start..end)? == s.value.as_bytes() {
        s.repr.get(start..end)
    } else {
        None
    }
}

// The resolution of plain scalars, as the full deserializer does it (YAML 1.2 core
// schema with its own choices: `0o` and `0b` prefixes, signs before `0x`, leading
// zeros make a string, `1_000` is a string).

fn is_null(v: &str) -> bool {
    matches!(v, "null" | "Null" | "NULL" | "~")
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

type Radix<T> = fn(&str, u32) -> std::result::Result<T, ParseIntError>;

fn parse_unsigned_int<T>(scalar: &str, from_str_radix: Radix<T>) -> Option<T> {
    let unpositive = scalar.strip_prefix('+').unwrap_or(scalar);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(int) = from_str_radix(rest, radix) {
                return Some(int);
            }
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

fn parse_signed_int<T>(scalar: &str, from_str_radix: Radix<T>) -> Option<T> {
    let unpositive = if let Some(unpositive) = scalar.strip_prefix('+') {
        if unpositive.starts_with(['+', '-']) {
            return None;
        }
        unpositive
    } else {
        scalar
    };
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(int) = from_str_radix(rest, radix) {
                return Some(int);
            }
        }
        if let Some(int) = negative_prefixed(scalar, prefix, radix, from_str_radix) {
            return Some(int);
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

/// `-0x1F` and friends: the digits read with the minus sign in front.
fn negative_prefixed<T>(
    scalar: &str,
    prefix: &str,
    radix: u32,
    from_str_radix: Radix<T>,
) -> Option<T> {
    let rest = scalar.strip_prefix('-')?.strip_prefix(prefix)?;
    from_str_radix(&format!("-{rest}"), radix).ok()
}

fn parse_negative_int<T>(scalar: &str, from_str_radix: Radix<T>) -> Option<T> {
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(int) = negative_prefixed(scalar, prefix, radix, from_str_radix) {
            return Some(int);
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(scalar, 10).ok()
}

fn parse_f64(scalar: &str) -> Option<f64> {
    let unpositive = if let Some(unpositive) = scalar.strip_prefix('+') {
        if unpositive.starts_with(['+', '-']) {
            return None;
        }
        unpositive
    } else {
        scalar
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = scalar {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = scalar {
        return Some(f64::NAN.copysign(1.0));
    }
    unpositive.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Leading zeros followed by digits only make a string (YAML 1.2).
fn digits_but_not_number(scalar: &str) -> bool {
    let scalar = scalar.strip_prefix(['-', '+']).unwrap_or(scalar);
    scalar.len() > 1 && scalar.starts_with('0') && scalar[1..].bytes().all(|b| b.is_ascii_digit())
}

/// The sequence and mapping access of [`Events`].
struct Access<'d, 'p, 'a> {
    de: &'d mut Events<'p, 'a>,
    /// An empty plain scalar read as an empty collection.
    empty: bool,
    len: usize,
}

impl<'a> de::SeqAccess<'a> for Access<'_, '_, 'a> {
    type Error = Decline;

    fn next_element_seed<T: DeserializeSeed<'a>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.empty {
            return Ok(None);
        }
        let result = match self.de.peek() {
            Ok(Event::SeqEnd) => Ok(None),
            Ok(_) => {
                self.len += 1;
                seed.deserialize(&mut *self.de).map(Some)
            }
            Err(e) => Err(e),
        };
        self.de.track(result)
    }
}

impl<'a> de::MapAccess<'a> for Access<'_, '_, 'a> {
    type Error = Decline;

    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.empty {
            return Ok(None);
        }
        let result = match self.de.peek() {
            Ok(Event::MapEnd) => Ok(None),
            Ok(_) => {
                self.len += 1;
                seed.deserialize(&mut *self.de).map(Some)
            }
            Err(e) => Err(e),
        };
        self.de.track(result)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value> {
        let result = seed.deserialize(&mut *self.de);
        self.de.track(result)
    }
}

/// A unit variant named by a scalar.
struct UnitVariant<'d, 'p, 'a> {
    de: &'d mut Events<'p, 'a>,
}

impl<'a> de::EnumAccess<'a> for UnitVariant<'_, '_, 'a> {
    type Error = Decline;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'a>>(self, seed: V) -> Result<(V::Value, Self)> {
        let result = seed.deserialize(&mut *self.de);
        let variant = self.de.track(result)?;
        Ok((variant, self))
    }
}

impl<'a> de::VariantAccess<'a> for UnitVariant<'_, '_, 'a> {
    type Error = Decline;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, _seed: T) -> Result<T::Value> {
        self.de.fail();
        Err(Decline::OUTSIDE)
    }

    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        self.de.fail();
        Err(Decline::OUTSIDE)
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        self.de.fail();
        Err(Decline::OUTSIDE)
    }
}

/// One method of the deserializer: its body, with any error recorded.
macro_rules! tracked {
    ($($name:ident($($arg:ident: $ty:ty),*) => |$de:ident, $v:ident| $body:expr;)*) => {
        $(
            fn $name<V: Visitor<'a>>(self, $($arg: $ty,)* $v: V) -> Result<V::Value> {
                $(let _ = $arg;)*
                let $de = &mut *self;
                let result = $body;
                self.track(result)
            }
        )*
    };
}

impl<'a> Deserializer<'a> for &mut Events<'_, 'a> {
    type Error = Decline;

    tracked! {
        deserialize_any() => |de, v| de.any(v);
        deserialize_bool() => |de, v| match de.plain().map(parse_bool) {
            Ok(Some(b)) => v.visit_bool(b),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_i8() => |de, v| de.deserialize_i64(v);
        deserialize_i16() => |de, v| de.deserialize_i64(v);
        deserialize_i32() => |de, v| de.deserialize_i64(v);
        deserialize_i64() => |de, v| match de.plain().map(|s| parse_signed_int(s, i64::from_str_radix)) {
            Ok(Some(i)) => v.visit_i64(i),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_i128() => |de, v| match de.plain().map(|s| parse_signed_int(s, i128::from_str_radix)) {
            Ok(Some(i)) => v.visit_i128(i),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_u8() => |de, v| de.deserialize_u64(v);
        deserialize_u16() => |de, v| de.deserialize_u64(v);
        deserialize_u32() => |de, v| de.deserialize_u64(v);
        deserialize_u64() => |de, v| match de.plain().map(|s| parse_unsigned_int(s, u64::from_str_radix)) {
            Ok(Some(i)) => v.visit_u64(i),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_u128() => |de, v| match de.plain().map(|s| parse_unsigned_int(s, u128::from_str_radix)) {
            Ok(Some(i)) => v.visit_u128(i),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_f32() => |de, v| de.deserialize_f64(v);
        deserialize_f64() => |de, v| match de.plain().map(parse_f64) {
            Ok(Some(f)) => v.visit_f64(f),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_char() => |de, v| de.str(v);
        deserialize_str() => |de, v| de.str(v);
        deserialize_string() => |de, v| de.str(v);
        deserialize_bytes() => |_de, _v| Err(Decline::OUTSIDE);
        deserialize_byte_buf() => |_de, _v| Err(Decline::OUTSIDE);
        deserialize_option() => |de, v| de.option(v);
        deserialize_unit() => |de, v| de.unit(v);
        deserialize_unit_struct(name: &'static str) => |de, v| de.unit(v);
        deserialize_newtype_struct(name: &'static str) => |de, v| {
            de.peek().and_then(|_| de.nested(|de| v.visit_newtype_struct(de)))
        };
        deserialize_seq() => |de, v| de.seq(v);
        deserialize_tuple(len: usize) => |de, v| de.seq(v);
        deserialize_tuple_struct(name: &'static str, len: usize) => |de, v| de.seq(v);
        deserialize_map() => |de, v| de.map(v);
        deserialize_struct(name: &'static str, fields: &'static [&'static str]) => |de, v| de.map(v);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]) => |de, v| de.enumeration(v);
        deserialize_identifier() => |de, v| de.str(v);
        deserialize_ignored_any() => |de, v| de.ignore().and_then(|()| v.visit_unit());
    }
}

/// Skips a value without a visitor, for [`IgnoredAny`] in tests.
#[cfg(test)]
pub(crate) fn events_of(block: &str) -> Option<usize> {
    parse(block).map(|(e, _)| e.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::IgnoredAny;

    fn plain(v: &str) -> Event<'_> {
        Event::Scalar(Scalar {
            value: Cow::Borrowed(v),
            repr: v,
            style: Style::Plain,
        })
    }

    #[test]
    fn reads_the_reference_release() {
        let block = "title: \"New Zealand expresses regret\"\ndate: 2024-05-13\nministers:\n  - Rt Hon Winston Peters\nportfolios:\n- Foreign Affairs\n";
        let (events, may_repeat) = parse(block).unwrap();
        assert!(!may_repeat);
        assert_eq!(events.len(), 14);
        assert_eq!(events[4], plain("2024-05-13"));
        assert_eq!(events[6], Event::SeqStart);
        assert_eq!(events[7], plain("Rt Hon Winston Peters"));
        assert_eq!(events[11], plain("Foreign Affairs"));
        assert_eq!(events[13], Event::MapEnd);
        assert!(from_str::<IgnoredAny>(block).is_ok());
        // A block in the subset that the type refuses is rejected, not declined:
        // the caller then knows it is YAML.
        let rejected = Miss::Rejected {
            missing_top_field: None,
        };
        assert_eq!(from_str::<u32>(block).err(), Some(rejected));
        assert_eq!(
            from_str::<IgnoredAny>("a: &x 1\n").err(),
            Some(Miss::Declined)
        );
    }

    #[test]
    fn declines_outside_the_subset() {
        for block in [
            "a: &x 1\nb: *x\n",
            "a: !tag x\n",
            "a: |\n  text\n",
            "a: >\n  text\n",
            "a: {b: 1}\n",
            "a: foo\n  bar\n",
            "a: \"foo\n  bar\"\n",
            "a: [1,\n  2]\n",
            "? a\n: b\n",
            "%YAML 1.2\n",
            "a:\tb\n",
            "a: b\r c\n",
            "- a\n- b\n",
            "a\n",
            "a: b: c\n",
            "a: b:\n",
            "a: 'b' c\n",
            "a: \"\\q\"\n",
            "a: \"\\ud800\"\n",
            "  a: 1\n",
            "a:\n  - - b\n",
            "a:\n    b: 1\n  c: 2\n",
            "a: [b, ]\n",
            "a: [b,,c]\n",
            "a: [b: c]\n",
            "--- a\n",
            "a: 1\n... \n",
            "a: @x\n",
            "a: `x`\n",
            "a: \u{85}\n",
            "a: x\u{2028}y\n",
            "a: x\u{feff}\n",
            "a: \x7f\n",
            "a: x\n-\n",
            "a:\n-\n  b\n",
            "a: 'x'#c\n",
        ] {
            assert_eq!(events_of(block), None, "{block:?}");
        }
    }

    #[test]
    fn reads_quoted_scalars() {
        let (events, _) =
            parse("'a''b': \"x\\ty\\u00e9\\\\\"\nc: ''''\nd: \"\\\\\\\\\"\n").unwrap();
        let Event::Scalar(key) = &events[1] else {
            panic!()
        };
        assert_eq!((&*key.value, borrowed(key)), ("a'b", None));
        let Event::Scalar(value) = &events[2] else {
            panic!()
        };
        assert_eq!(&*value.value, "x\ty\u{e9}\\");
        // The full deserializer's borrowing rule, coincidences included.
        let Event::Scalar(quote) = &events[4] else {
            panic!()
        };
        assert_eq!((&*quote.value, borrowed(quote)), ("'", Some("'")));
        let Event::Scalar(slashes) = &events[6] else {
            panic!()
        };
        assert_eq!((&*slashes.value, borrowed(slashes)), ("\\\\", Some("\\\\")));
    }

    #[test]
    fn never_panics_on_cut_blocks() {
        let block = "title: \"a \\u00e9 b\" # c\r\nlist: [x, 'y', \"z\"]\r\nseq:\r\n- 1\r\n  # c\r\n- ''\r\nmap:\r\n  k: v\r\n";
        for end in 0..=block.len() {
            if let Some(cut) = block.get(..end) {
                let _ = parse(cut);
            }
        }
    }
}
