//! Unit tests of the editor's bookkeeping (`mod.rs`): where the errors of later
//! edits point in the original document, the span of a refusal at the fence, and
//! what the editor says of its text.

use super::tests::refused;
use super::Editor;
use crate::Kind;

#[test]
fn errors_inside_and_after_earlier_splices_point_into_the_original() {
    // An error inside a range that an earlier edit wrote points at its start: the
    // flow mapping `{k: v}` is at offset 11 now, inside what replaced `[0]` (7..10).
    let src = "---\na: [0]\nz: 0\n---\n";
    let mut doc = Editor::new(src).unwrap();
    doc.set_yaml("a", "[1, {k: v}]").unwrap();
    assert_eq!(doc.as_str(), "---\na: [1, {k: v}]\nz: 0\n---\n");
    assert!(doc.is_changed());
    let err = doc.set("a[1].k", "w").unwrap_err();
    assert_eq!(err.kind(), Kind::NotEditable);
    assert_eq!((err.span().start(), err.span().end()), (7, 7));
    assert_eq!((err.line(), err.column()), (2, 4));
    // After an inserted line (nothing replaced), the same bytes as in the original.
    let src = "---\nm:\n  k: 1\nz: {q: 1}\n---\n";
    let mut doc = Editor::new(src).unwrap();
    doc.set("m.j", &2).unwrap();
    assert_eq!(doc.as_str(), "---\nm:\n  k: 1\n  j: 2\nz: {q: 1}\n---\n");
    let err = doc.set("z.q", &3).unwrap_err();
    assert_eq!((err.span().start(), err.span().end()), (17, 23));
    assert_eq!((err.line(), err.column()), (4, 4));
    assert_eq!(&src[17..23], "{q: 1}");
}

#[test]
fn a_refused_result_points_at_the_opening_fence() {
    let src = "---\na: 1\na: 2\nb:\n  c: [x,\n]\n---\n";
    let mut doc = Editor::new(src).unwrap();
    let err = doc.remove("b").unwrap_err();
    assert_eq!(err.kind(), Kind::NotEditable);
    assert_eq!((err.span().start(), err.span().end()), (0, 3));
    assert_eq!(
        refused(src, |d| d.remove("b").map(drop)).0,
        Kind::NotEditable
    );
}

#[test]
fn the_editor_shows_its_text() {
    let mut doc = Editor::new("---\na: 1\n---\n").unwrap();
    assert!(!doc.is_changed());
    doc.set("b", &2).unwrap();
    assert!(doc.is_changed());
    assert_eq!(doc.to_string(), "---\na: 1\nb: 2\n---\n");
    assert_eq!(doc.to_string(), doc.as_str());
    assert_eq!(doc.clone().into_string(), doc.as_str());
}
