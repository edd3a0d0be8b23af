//! The scanner and parser of the fast path: the block's lines read into a flat list
//! of events, or `None` for any text outside the subset. It never resolves a plain
//! scalar (the deserializer does); what it cannot read exactly, it declines.

use std::borrow::Cow;

use super::keys::Keys;
use super::scalar::{escape_len, unescape};
use super::text::{plain_text, Newlines};
use super::{Event, Scalar, Style};

/// Deeper nesting declines (the full deserializer's own limit is 128).
pub(crate) const MAX_DEPTH: usize = 64;

/// The longest simple key the YAML scanner accepts is 1024 characters up to its
/// `:`; a key whose `:` is further than this many bytes away declines.
const MAX_KEY: usize = 1000;

/// The events of `block` and whether a mapping may repeat a key, or `None` when the
/// block is outside the subset.
pub(super) fn parse(block: &str) -> Option<(Vec<Event<'_>>, bool)> {
    let mut p = Parser {
        text: block,
        bytes: block.as_bytes(),
        pos: 0,
        // 21 events (1,008 bytes) hold a release with one attachment, and stay
        // within the allocator's small-size cache.
        events: Vec::with_capacity(21),
        depth: 0,
        keys: Keys::default(),
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
    let may_repeat = p.keys.may_repeat();
    Some((p.events, may_repeat))
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
    /// The keys of the mappings being read, innermost last, and the proof that
    /// none repeats.
    keys: Keys<'a>,
    /// Where the last [`Parser::peek`] left [`Parser::pos`] (`usize::MAX` before
    /// the first), and its answer.
    peeked_at: usize,
    peeked: Option<Line>,
    newlines: Newlines,
    /// The index in `newlines` of the first line feed at or after [`Parser::pos`].
    next_newline: usize,
}

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
        let base = self.keys.open();
        loop {
            let key = self.events.len();
            self.entry(n, line)?;
            self.keys.compare(base, self.events.get(key));
            match self.peek() {
                Some(l) if l.indent == n => line = l,
                Some(l) if l.indent > n => return None,
                _ => break,
            }
        }
        self.events.push(Event::MapEnd);
        self.keys.close(base);
        self.depth -= 1;
        Some(())
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
                // Every field spelt out: cargo-mutants 27.1 deletes a field of a
                // `..line` update whatever its filters, and `mapping` never reads its
                // first line's `indent` (it gets the column as `n`).
                let first = Line {
                    indent: column,
                    start: i,
                    end: line.end,
                    next: line.next,
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
