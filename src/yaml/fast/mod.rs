//! The fast path: a serde deserializer straight over the front-matter text. It knows
//! the YAML subset of real front matter and declines everything else; it never
//! reports an error of its own (every miss sends the caller to serde_yaml).
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
//!
//! The parts: [`text`], the pre-pass over the bytes; [`parser`], the text as events;
//! [`keys`], the proof that no mapping repeats a key; [`scalar`], escapes and the
//! resolution of plain scalars; [`de`], the events handed to visitors.

use std::borrow::Cow;

use serde::Deserialize;

use de::{Events, TOP};
use parser::parse;
pub(crate) use parser::MAX_DEPTH;

mod de;
mod keys;
mod parser;
mod scalar;
mod text;

#[cfg(test)]
mod differential;
#[cfg(test)]
mod tests;

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

// The events, what the parser makes of the text and the deserializer reads.

/// How a scalar is written; it decides resolution and borrowing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Scalar<'a> {
    /// The scalar's value: quotes removed, escapes and `''` resolved.
    pub(super) value: Cow<'a, str>,
    /// The scalar as written, quotes included.
    pub(super) repr: &'a str,
    pub(super) style: Style,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Event<'a> {
    Scalar(Scalar<'a>),
    SeqStart,
    SeqEnd,
    MapStart,
    MapEnd,
}
