//! Unit tests of the text scanning of `layout.rs` on its own: the indentation style
//! a block is found to have, comment lines and their columns, and the blank lines
//! that a block scalar keeps.

use super::{comment_line, detect_style};
use crate::edit::render::Style;
use crate::edit::tests::edited;
use crate::yaml::shape::shape;

fn style(block: &str) -> (usize, usize) {
    let s: Style = detect_style(block, &shape(block).unwrap());
    (s.step, s.seq_under_key)
}

#[test]
fn the_style_is_the_smallest_step_and_the_first_list() {
    // The smallest step wins, wherever it is.
    assert_eq!(style("a:\n    b:\n      c: 1\n"), (2, 2));
    assert_eq!(style("a:\n  b:\n      c: 1\n"), (2, 2));
    // A step found first under a list item, right of its `-`.
    assert_eq!(style("l:\n- a:\n    b: 1\n"), (2, 0));
    assert_eq!(style("l:\n  - a:\n       b: 1\n"), (3, 2));
    // A list under a nested key, level with it or right of it.
    assert_eq!(style("a:\n  l:\n  - x\n"), (2, 0));
    assert_eq!(style("a:\n   l:\n       - x\n"), (3, 4));
    // A collection that starts on its key's line (at its anchor) says nothing.
    assert_eq!(style("a: &x\n  b: 1\n"), (2, 2));
    assert_eq!(style("l: &y\n- x\n"), (2, 0));
    assert_eq!(style("a: &x\n  b: 1\nc:\n    d: 1\n"), (4, 4));
    // Flow collections and scalars say nothing: the defaults.
    assert_eq!(style("a: {b: 1}\nl: [x]\nc: 1\n"), (2, 2));
    assert_eq!(style("a:\n    b: 1\n"), (4, 4));
}

#[test]
fn comment_lines_and_their_columns() {
    let block = "  # two\n\t# tab\n# yaml-language-server: $schema=x\na: 1 # not\n#\n";
    assert_eq!(comment_line(block, 0), Some(2));
    assert_eq!(comment_line(block, 8), Some(1));
    assert_eq!(comment_line(block, 15), None);
    assert_eq!(comment_line(block, 49), None);
    assert_eq!(comment_line(block, 60), Some(0));
    assert_eq!(comment_line(block, block.len()), None);
}

#[test]
fn only_a_kept_block_scalar_keeps_the_blank_lines_after_it() {
    for (value, kept) in [
        ("|\n  x", false),
        (">-\n  x", false),
        ("\"x+y\"", false),
        ("'+'", false),
        ("|+\n  x", true),
        (">2+ # c\n  x", true),
    ] {
        let src = format!("---\na: {value}\n\nb: 1\n---\n");
        let out = edited(&src, |d| d.remove("a").map(drop));
        let expected = if kept {
            "---\nb: 1\n---\n"
        } else {
            "---\n\nb: 1\n---\n"
        };
        assert_eq!(out, expected, "{value:?}");
    }
    // The last item of a list, the last value of a mapping in a list: the same.
    for value in ["\n- a\n- |+\n  x", "\n- k: |+\n    x"] {
        let src = format!("---\na: {value}\n\nb: 1\n---\n");
        let out = edited(&src, |d| d.remove("a").map(drop));
        assert_eq!(out, "---\nb: 1\n---\n", "{value:?}");
    }
}
