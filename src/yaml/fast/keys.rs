//! The repeated-key proof: the keys of the open mappings, compared as the parser
//! reads them. It proves that no mapping repeats a key, or gives up; it never decides
//! that one does (the bridge's own check does, on the text).

use std::borrow::Cow;

use super::{Event, Scalar, Style};

/// The keys of the mappings being read, kept on the stack: front matter rarely
/// has more than a dozen.
pub(super) struct Keys<'a> {
    at: [Option<&'a str>; Keys::CAPACITY],
    len: usize,
    /// Whether two keys of one mapping may be the same: set when two are, and
    /// whenever the keys are not simply comparable (escapes, quotes inside a key,
    /// more than [`MAX_COMPARED`] keys in a mapping).
    may_repeat: bool,
}

impl<'a> Keys<'a> {
    const CAPACITY: usize = 48;

    /// Where the keys of a mapping that opens now start, for [`Keys::compare`].
    #[inline]
    pub(super) fn open(&self) -> usize {
        self.len
    }

    /// Forgets the keys of the mapping that opened at `base`.
    #[inline]
    pub(super) fn close(&mut self, base: usize) {
        self.len = base;
    }

    /// Whether a mapping may repeat a key: `false` is a proof that none does.
    pub(super) fn may_repeat(&self) -> bool {
        self.may_repeat
    }

    /// Adds a key; `false` when there is no room (the key is then not compared).
    fn push(&mut self, key: &'a str) -> bool {
        let Some(slot) = self.at.get_mut(self.len) else {
            return false;
        };
        *slot = Some(key);
        self.len += 1;
        true
    }

    /// Records `key`, the event of a key, among the keys of the mapping that starts
    /// at `base`, noting whether it may repeat one of them. A key is compared by its
    /// value, which is also the text the repeated-key check compares, except for
    /// quoted keys with escapes, `''` or a backslash: those are not compared at all.
    #[inline]
    pub(super) fn compare(&mut self, base: usize, key: Option<&Event<'a>>) {
        if self.may_repeat {
            return;
        }
        // The repeated-key check compares plain keys by their text, and quoted keys
        // by their inside when it holds neither the quote nor a backslash, by their
        // text with the quotes otherwise: the latter are not compared here.
        let key = match key {
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
        let siblings = &self.at[base..self.len];
        if siblings.len() >= MAX_COMPARED || siblings.contains(&Some(key)) || !self.push(key) {
            self.may_repeat = true;
        }
    }
}

impl Default for Keys<'_> {
    fn default() -> Self {
        Keys {
            at: [None; Keys::CAPACITY],
            len: 0,
            may_repeat: false,
        }
    }
}

/// Mappings with more keys than this are not checked for repeats here.
const MAX_COMPARED: usize = 32;
