//! Unit tests of the YAML planner (`yaml.rs`) at the edges of its cases: what a
//! refusal says, a key with space before its `:`, empty list items, a block mapping
//! written into a list at column 0, a key behind a tag or an anchor.

use super::tests::{edited, refused};
use crate::Kind;

#[test]
fn a_path_through_the_wrong_kind_says_what_it_found() {
    let src = "---\ntitle: T\nl: [a]\nm:\n  k: 1\n---\n";
    for (path, message) in [
        ("title.x", "`title` is a scalar, not a mapping"),
        ("l.x", "`l` is a list, not a mapping"),
        ("m[0]", "`m` is a mapping, not a list"),
        ("title[0]", "`title` is a scalar, not a list"),
    ] {
        let (kind, _, _, got) = refused(src, |d| d.set(path, "y"));
        assert_eq!((kind, got.as_str()), (Kind::InvalidType, message), "{path}");
    }
    let (_, _, _, got) = refused(src, |d| d.push("m", "y"));
    assert_eq!(got, "`m` is a mapping, not a list");
    let (_, _, _, got) = refused(src, |d| d.push("title", "y"));
    assert_eq!(got, "`title` is a scalar, not a list");
}

#[test]
fn a_key_with_space_before_its_colon() {
    let src = "---\na  :\nb :\n  - x\nc: 1\n---\n";
    assert_eq!(
        edited(src, |d| d.set("a", &2)),
        "---\na  : 2\nb :\n  - x\nc: 1\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set("b", "z")),
        "---\na  :\nb : z\nc: 1\n---\n"
    );
}

#[test]
fn empty_list_items() {
    let src = "---\nl:\n- a\n-\n- c\nm:\n-\n---\n";
    // An empty item set to a block mapping: its keys under the first, past `- `.
    assert_eq!(
        edited(src, |d| d.set_yaml("l[1]", "{p: 1, q: 2}")),
        "---\nl:\n- a\n- p: 1\n  q: 2\n- c\nm:\n-\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.remove("l[1]").map(drop)),
        "---\nl:\n- a\n- c\nm:\n-\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.remove("l[2]").map(drop)),
        "---\nl:\n- a\n-\nm:\n-\n---\n"
    );
    // After an empty last item.
    assert_eq!(
        edited(src, |d| d.push("m", "z")),
        "---\nl:\n- a\n-\n- c\nm:\n-\n- z\n---\n"
    );
}

#[test]
fn a_block_mapping_pushed_onto_a_list_at_column_0() {
    assert_eq!(
        edited("---\nl:\n- x\n---\n", |d| d.push_yaml("l", "{a: 1, b: 2}")),
        "---\nl:\n- x\n- a: 1\n  b: 2\n---\n"
    );
}

#[test]
fn a_key_behind_a_tag_or_an_anchor_goes_with_them() {
    for src in [
        "---\na: 1\n!!str b: 2\nc: 3\n---\n",
        "---\na: 1\n&k b: 2\nc: 3\n---\n",
    ] {
        assert_eq!(
            edited(src, |d| d.remove("b").map(drop)),
            "---\na: 1\nc: 3\n---\n"
        );
    }
}

#[test]
fn a_yaml_key_with_a_dot_is_refused_at_that_key() {
    let src = "---\nms.date: 1\nms:\n  x: 1\n---\n";
    let (kind, line, column, message) = refused(src, |d| d.set("ms.date", &2));
    assert_eq!((kind, line, column), (Kind::NotEditable, 2, 1));
    assert!(
        message.starts_with("the path `ms.date` is ambiguous"),
        "{message}"
    );
}

#[test]
fn a_complex_key_is_refused_as_such() {
    for (src, path) in [
        ("---\n? title\n: x\n---\n", "title"),
        ("---\n? a\n: 1\nb: 2\n---\n", "a"),
    ] {
        let (kind, _, _, message) = refused(src, |d| d.set(path, "y"));
        assert_eq!(kind, Kind::NotEditable);
        assert_eq!(
            message,
            format!("the key `{path}` is written as a complex key (`?` or on more than one line)")
        );
    }
}

#[test]
fn a_new_block_collection_takes_the_place_of_the_old_value() {
    // A block list replaced by one: at the old list's column, whatever the style.
    let src = "---\na:\n- x\nb:\n    - y\n---\n";
    assert_eq!(
        edited(src, |d| d.set_yaml("b", "[p, q]")),
        "---\na:\n- x\nb:\n    - p\n    - q\n---\n"
    );
    // A scalar below its key replaced by a list: in the document's style.
    let src = "---\na:\n    plain\nb: 1\n---\n";
    assert_eq!(
        edited(src, |d| d.set_yaml("a", "[p, q]")),
        "---\na:\n  - p\n  - q\nb: 1\n---\n"
    );
    // An item keeps the spaces after its `-`.
    assert_eq!(
        edited("---\nl:\n-   x\n---\n", |d| d.set("l[0]", "z")),
        "---\nl:\n-   z\n---\n"
    );
}

/// The range a TOML edit changes is cut on whole characters: `é` and `è` share their
/// first byte, `é` and `ũ` their last.
#[cfg(feature = "toml")]
#[test]
fn a_toml_edit_between_characters_of_several_bytes() {
    let src = "+++\nt = \"aé\"\nu = 1\n+++\n";
    assert_eq!(
        edited(src, |d| d.set("t", "aè")),
        "+++\nt = \"aè\"\nu = 1\n+++\n"
    );
    assert_eq!(
        edited(src, |d| d.set("t", "aũ")),
        "+++\nt = \"aũ\"\nu = 1\n+++\n"
    );
}

/// A TOML key goes with the comment lines right above it; a blank line above them
/// stays, as in YAML.
#[cfg(feature = "toml")]
#[test]
fn a_toml_key_goes_with_its_comment_lines_only() {
    let src = "+++\n# about a\na = 1\n\n# about b\nb = 2\nc = 3\n+++\n";
    assert_eq!(
        edited(src, |d| d.remove("b").map(drop)),
        "+++\n# about a\na = 1\n\nc = 3\n+++\n"
    );
    assert_eq!(
        edited(src, |d| d.remove("a").map(drop)),
        "+++\n\n# about b\nb = 2\nc = 3\n+++\n"
    );
}
