//! Helpers that several test modules share, written once here instead of in each of
//! them: reports, checks of printed text, of a split and of an error. No tests live
//! here.

use masthead::{split, validate, Report, Schema};

/// The report of `src`: a split error becomes a one-diagnostic report.
pub(crate) fn report(src: &str, schema: &Schema) -> Report {
    match split(src) {
        Ok(doc) => validate(&doc, schema),
        Err(e) => Report::from(e),
    }
}
