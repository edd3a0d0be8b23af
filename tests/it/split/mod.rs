//! Every rule of the fence grammar (DESIGN.md, "Fence grammar (normative)") and its
//! negatives, with exact texts and exact spans: byte range, line and column.

use masthead::{split, split_bytes, Document, Kind, Location, Span};

use crate::support::reassemble;

mod body;
mod fences;
mod utf8;

/// A span as `(start, end, line, column)`.
type Sp = (usize, usize, usize, usize);

const UNTERMINATED: &str =
    "unterminated front matter: the opening `---` has no closing `---` or `...` line";

fn sp(span: Span) -> Sp {
    (span.start(), span.end(), span.line(), span.column())
}

/// Checks what holds for every successful split: the source, the agreement of
/// `split_bytes`, positions that match `Location::of`, and exact reassembly.
#[track_caller]
fn check_document(input: &str, doc: &Document<'_>) {
    assert_eq!(doc.source(), input, "source of {input:?}");
    assert_eq!(
        split_bytes(input.as_bytes()).as_ref(),
        Ok(doc),
        "split_bytes disagrees with split on {input:?}"
    );
    let mut spans = vec![doc.body_span()];
    spans.extend(doc.opening_fence_span());
    spans.extend(doc.front_matter_span());
    spans.extend(doc.closing_fence_span());
    for span in spans {
        assert_eq!(
            span.location(),
            Location::of(input, span.start()),
            "span {span:?} of {input:?} disagrees with Location::of"
        );
        assert_eq!(doc.location(span.start()), span.location());
    }
    assert_eq!(reassemble(doc), input, "reassembly of {input:?}");
}

/// `input` has front matter: the opening fence, the block, the closing fence and the
/// body are exactly these, at exactly these positions.
#[track_caller]
fn fm(input: &str, bom: bool, open: Sp, block: (&str, Sp), close: Sp, body: (&str, Sp)) {
    let doc = split(input).unwrap_or_else(|e| panic!("split({input:?}) failed: {e}"));
    assert!(doc.has_front_matter(), "no front matter in {input:?}");
    assert_eq!(doc.has_bom(), bom, "has_bom of {input:?}");
    assert_eq!(
        doc.front_matter(),
        Some(block.0),
        "front_matter of {input:?}"
    );
    assert_eq!(doc.body(), body.0, "body of {input:?}");
    let spans = (
        doc.opening_fence_span().map(sp),
        doc.front_matter_span().map(sp),
        doc.closing_fence_span().map(sp),
        sp(doc.body_span()),
    );
    assert_eq!(
        spans,
        (Some(open), Some(block.1), Some(close), body.1),
        "spans (open, block, close, body) of {input:?}"
    );
    check_document(input, &doc);
}

/// `input` has no front matter: the whole input after the byte-order mark is the body.
#[track_caller]
fn no_fm(input: &str, bom: bool) {
    let doc = split(input).unwrap_or_else(|e| panic!("split({input:?}) failed: {e}"));
    assert!(!doc.has_front_matter(), "front matter found in {input:?}");
    assert_eq!(doc.has_bom(), bom, "has_bom of {input:?}");
    assert_eq!(doc.front_matter(), None, "front_matter of {input:?}");
    let start = if bom { 3 } else { 0 };
    assert_eq!(doc.body(), &input[start..], "body of {input:?}");
    assert_eq!(
        sp(doc.body_span()),
        (start, input.len(), 1, 1),
        "body span of {input:?}"
    );
    assert_eq!(doc.opening_fence_span(), None);
    assert_eq!(doc.front_matter_span(), None);
    assert_eq!(doc.closing_fence_span(), None);
    check_document(input, &doc);
}

/// `input` opens front matter that never closes; the error points at the opening fence.
#[track_caller]
fn unterminated(input: &str, span: Sp) {
    let err = split(input).expect_err(input);
    assert_eq!(
        err.kind(),
        Kind::UnterminatedFrontMatter,
        "kind for {input:?}"
    );
    assert_eq!(err.kind().as_str(), "unterminated-front-matter");
    assert_eq!(err.path(), "", "path for {input:?}");
    assert_eq!(err.message(), UNTERMINATED, "message for {input:?}");
    assert_eq!(sp(err.span()), span, "span for {input:?}");
    assert_eq!((err.line(), err.column()), (span.2, span.3));
    assert_eq!(err.location(), Location::of(input, span.0));
    assert_eq!(
        err.to_string(),
        format!("{UNTERMINATED} at line {} column {}", span.2, span.3),
        "Display for {input:?}"
    );
    assert_eq!(split_bytes(input.as_bytes()).as_ref(), Err(&err));
}

/// `input` is not UTF-8: the error names the first bad byte, exactly.
#[track_caller]
fn bad_utf8(input: &[u8], span: Sp, display: &str) {
    let err = split_bytes(input).expect_err(&format!("{input:?}"));
    assert_eq!(err.kind(), Kind::InvalidUtf8, "kind for {input:?}");
    assert_eq!(err.kind().as_str(), "invalid-utf8");
    assert_eq!(err.path(), "", "path for {input:?}");
    assert_eq!(sp(err.span()), span, "span for {input:?}");
    assert_eq!((err.line(), err.column()), (span.2, span.3));
    assert_eq!(err.to_string(), display, "Display for {input:?}");
    assert_eq!(
        format!("{} at {}", err.message(), err.location()),
        display,
        "message for {input:?}"
    );
}
