//! The kind of an error that the crate's own checks raise through serde (empty
//! values, dates, URLs in [`Release`](crate::Release)), kept beside the message in a
//! thread-local cell so the bridges never classify an error by its text.
//!
//! The checks [`raise`] an error, which records its kind and message; a bridge
//! [`clear`]s the cell before it deserializes and, after a failure, asks
//! [`kind_of`] for the kind of the final message. The kind is given only when that
//! message is the one recorded, so an error of the caller's own `Deserialize`
//! (whatever its text) or one that wrapped the crate's never takes it.

use std::cell::RefCell;

use serde::de;

use super::error::Kind;

thread_local! {
    /// The last error the crate's own checks raised on this thread.
    static RAISED: RefCell<Option<(Kind, String)>> = const { RefCell::new(None) };
}

/// A serde error with `message`, recorded as being of `kind`.
pub(crate) fn raise<E: de::Error>(kind: Kind, message: impl Into<String>) -> E {
    let message = message.into();
    let error = E::custom(&message);
    // Outside a thread's lifetime (a destructor) nothing is recorded: the error is
    // then classified as the caller's own, never wrongly.
    let _ = RAISED.try_with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some((kind, message));
        }
    });
    error
}

/// Forgets any recorded error, before a deserialization starts.
pub(crate) fn clear() {
    let _ = RAISED.try_with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = None;
        }
    });
}

/// The kind recorded for `message`, when the last error the crate raised on this
/// thread has exactly that message; `None` for any other error. Clears the record.
pub(crate) fn kind_of(message: &str) -> Option<Kind> {
    let raised = RAISED
        .try_with(|cell| cell.try_borrow_mut().ok().and_then(|mut slot| slot.take()))
        .ok()
        .flatten();
    raised.and_then(|(kind, recorded)| (recorded == message).then_some(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_follows_the_exact_message_once() {
        clear();
        let _: serde::de::value::Error = raise(Kind::MalformedDate, "invalid date `x`: bad");
        assert_eq!(kind_of("invalid date `x`: bad, and more"), None);
        // The record is taken by the first question, whatever the answer.
        assert_eq!(kind_of("invalid date `x`: bad"), None);
        let _: serde::de::value::Error = raise(Kind::MalformedUrl, "invalid URL `y`: bad");
        assert_eq!(kind_of("invalid URL `y`: bad"), Some(Kind::MalformedUrl));
        assert_eq!(kind_of("invalid URL `y`: bad"), None);
        let _: serde::de::value::Error = raise(Kind::EmptyValue, "null value");
        clear();
        assert_eq!(kind_of("null value"), None);
    }
}
