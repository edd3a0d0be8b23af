//! Unit tests of which lines belong to an entry (the rule of the module docs):
//! what `remove` takes, where `set` and `push` put new lines.

use super::tests::{edited, refused};
use crate::Kind;

/// Rules 2 to 5: which comment lines an entry owns.
#[test]
fn comment_lines_belong_to_entries_by_one_rule() {
    // Rule 2: right below an entry, indented deeper: the entry's (a commented-out
    // item). Rule 3: right above, not the entry before's: the entry's.
    let src = "---\ntags:\n  - a\n  # - b\n# Not yet.\ndraft: true\n   # note\n---\n";
    let without_draft = "---\ntags:\n  - a\n  # - b\n---\n";
    assert_eq!(edited(src, |d| d.remove("draft").map(drop)), without_draft);
    assert_eq!(
        edited(src, |d| d.remove("tags").map(drop)),
        "---\n# Not yet.\ndraft: true\n   # note\n---\n"
    );
    // Rule 5: new lines after the last entry's own comments; a push after the
    // last item's.
    assert_eq!(
        edited(without_draft, |d| d.set("x", &1)),
        "---\ntags:\n  - a\n  # - b\nx: 1\n---\n"
    );
    let noted = "---\ntags:\n  - a\n    # about a\n  # - b\n---\n";
    assert_eq!(
        edited(noted, |d| d.push("tags", "c")),
        "---\ntags:\n  - a\n    # about a\n  - c\n  # - b\n---\n"
    );
    // The same in a nested mapping, where the column is the entries'.
    let nested = "---\na:\n  b:\n    - x\n    # - y\n  c: 1\n---\n";
    assert_eq!(
        edited(nested, |d| d.remove("a.c").map(drop)),
        "---\na:\n  b:\n    - x\n    # - y\n---\n"
    );
    // A first key behind a `-` goes with its own comments; when the next key's
    // comments stand between them, the removal is refused.
    let items = "---\nitems:\n- name: a\n    # about a\n  url: b\n---\n";
    assert_eq!(
        edited(items, |d| d.remove("items[0].name").map(drop)),
        "---\nitems:\n- url: b\n---\n"
    );
    let items = "---\nitems:\n- name: a\n  # about url\n  url: b\n---\n";
    let (kind, line, column, _) = refused(items, |d| d.remove("items[0].name").map(drop));
    assert_eq!((kind, line, column), (Kind::NotEditable, 3, 3));
    // Rule 4: after a blank line, a comment is the next entry's, or no one's.
    let apart = "---\na: 1\n\n  # about b\nb: 2\n\n  # the end\n---\n";
    assert_eq!(
        edited(apart, |d| d.remove("b").map(drop)),
        "---\na: 1\n\n\n  # the end\n---\n"
    );
    assert_eq!(
        edited(apart, |d| d.set("c", &3)),
        "---\na: 1\n\n  # about b\nb: 2\nc: 3\n\n  # the end\n---\n"
    );
}

/// Rule 1 for a block scalar: the blank lines after one that keeps its final line
/// breaks are its value; a new entry goes after them.
#[test]
fn new_lines_after_a_kept_block_scalar_keep_its_blank_lines() {
    let src = "---\ntext: |+\n  line\n\n# end\n---\n";
    assert_eq!(
        edited(src, |d| d.set("x", &1)),
        "---\ntext: |+\n  line\n\nx: 1\n# end\n---\n"
    );
    let list = "---\nl:\n  - >+\n    folded\n\n\n---\n";
    assert_eq!(
        edited(list, |d| d.push("l", "b")),
        "---\nl:\n  - >+\n    folded\n\n\n  - b\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.remove("text").map(drop)),
        "---\n# end\n---\n"
    );
    let clipped = "---\ntext: |\n  line\n\n---\n";
    assert_eq!(
        edited(clipped, |d| d.set("x", &1)),
        "---\ntext: |\n  line\nx: 1\n\n---\n"
    );
}

/// A block scalar's text ends at its last line at its indentation: an empty one
/// (`a: |` then a comment at the key's column) ends at its header, and the
/// comment lines after it are the next entry's (rule 3), not its text.
#[test]
fn an_empty_block_scalar_ends_at_its_header() {
    let src = "---\na: |\n\n# about b\n  # more\nb: 1\n---\n";
    assert_eq!(
        edited(src, |d| d.remove("a").map(drop)),
        "---\n\n# about b\n  # more\nb: 1\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set("a", "x")),
        "---\na: x\n\n# about b\n  # more\nb: 1\n---\n"
    );
    let text = "---\na: |\n  text\n  # text too\n # not text\nb: 1\n---\n";
    assert_eq!(
        edited(text, |d| d.remove("b").map(drop)),
        "---\na: |\n  text\n  # text too\n # not text\n---\n"
    );
}

/// An entry with no value owns the comment lines indented under it (rule 2).
#[test]
fn an_entry_without_a_value_owns_the_comments_under_it() {
    let src = "---\nb: 1\na:\n  # c\n---\n";
    assert_eq!(
        edited(src, |d| d.set("x", &1)),
        "---\nb: 1\na:\n  # c\nx: 1\n---\n"
    );
    assert_eq!(edited(src, |d| d.remove("a").map(drop)), "---\nb: 1\n---\n");
    let first = "---\na:\n  # c\nb: 1\n---\n";
    assert_eq!(
        edited(first, |d| d.remove("b").map(drop)),
        "---\na:\n  # c\n---\n"
    );
}
