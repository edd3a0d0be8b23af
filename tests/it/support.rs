//! Helpers that several test modules share: the report of a document, the check that
//! printed text carries no raw control or bidi character, reassembly of a split, and
//! the exact kind, span and `Display` of an error. No tests live here.

use masthead::{split, validate, Document, Error, Kind, Report, Schema};

/// The report of `src`: a split error becomes a one-diagnostic report.
pub(crate) fn report(src: &str, schema: &Schema) -> Report {
    match split(src) {
        Ok(doc) => validate(&doc, schema),
        Err(e) => Report::from(e),
    }
}

/// No control character but line feeds, and no byte-order mark or bidi control,
/// printed raw.
#[track_caller]
pub(crate) fn assert_no_hazard(text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{feff}' | '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "raw {bad:?} in {text:?}");
}

/// The parts of `doc` put back together: the byte-order mark (if any), the fences,
/// the block and the body, which must be its source byte for byte.
pub(crate) fn reassemble(doc: &Document<'_>) -> String {
    let spans = [
        doc.opening_fence_span(),
        doc.front_matter_span(),
        doc.closing_fence_span(),
        Some(doc.body_span()),
    ];
    let mut again = String::from(if doc.has_bom() { "\u{feff}" } else { "" });
    for span in spans.into_iter().flatten() {
        again.push_str(&doc.source()[span.range()]);
    }
    again
}

/// `err` is of `kind`, covers exactly `(start, end, line, column)` and shows as
/// `display`.
#[track_caller]
pub(crate) fn assert_error(
    err: &Error,
    kind: Kind,
    (start, end, line, column): (usize, usize, usize, usize),
    display: &str,
) {
    assert_eq!(err.kind(), kind);
    assert_eq!(
        (
            err.span().start(),
            err.span().end(),
            err.line(),
            err.column()
        ),
        (start, end, line, column)
    );
    assert_eq!(err.to_string(), display);
}
