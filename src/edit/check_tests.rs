//! Unit tests of the check after each edit (`check.rs`) on texts that no planner
//! makes: it must refuse a text that moves the body or the format or reads back as
//! anything but the one change; and `apply`, the value the edit means, on its own.

use super::{apply, result};
use crate::edit::path::parse;
use crate::edit::yaml::Op;
use crate::value::Value;
use crate::yaml::shape::{piece, value_of};

fn set(yaml: &str) -> Op {
    Op::Set(piece(yaml).unwrap())
}

/// `result` for `doc` edited into `text` by `op` at `path`.
fn check(doc: &str, text: &str, path: &str, op: Op) -> Result<(), String> {
    let doc = crate::split(doc).unwrap();
    result(&doc, text, &parse(path).unwrap(), op)
}

#[test]
fn the_check_refuses_a_text_that_moves_the_body_or_a_value() {
    let doc = "---\na: 1\nb: [x]\n---\nbody\n";
    // The planner's text: the value changed, keys in another order are the same.
    assert_eq!(
        check(doc, "---\na: 2\nb: [x]\n---\nbody\n", "a", set("2")),
        Ok(())
    );
    assert_eq!(
        check(doc, "---\nb: [x]\na: 2\n---\nbody\n", "a", set("2")),
        Ok(())
    );
    let moved = "the edit would change the fences or the body".to_owned();
    assert_eq!(
        check(doc, "---\na: 2\nb: [x]\n---\nother\n", "a", set("2")),
        Err(moved.clone())
    );
    let wrong = "the edited front matter would not read back as the edit meant".to_owned();
    for text in [
        "---\na: 3\nb: [x]\n---\nbody\n",
        "---\na: 2\nb: [y]\n---\nbody\n",
        "---\na: 2\n---\nbody\n",
    ] {
        assert_eq!(
            check(doc, text, "a", set("2")),
            Err(wrong.clone()),
            "{text}"
        );
    }
    // Without front matter, the new block may come in either format.
    assert_eq!(
        check("body\n", "---\na: 2\n---\nbody\n", "a", set("2")),
        Ok(())
    );
    #[cfg(feature = "toml")]
    {
        assert_eq!(
            check(doc, "+++\na = 2\nb = ['x']\n+++\nbody\n", "a", set("2")),
            Err(moved)
        );
        assert_eq!(
            check("body\n", "+++\na = 2\n+++\nbody\n", "a", set("2")),
            Ok(())
        );
    }
}

/// The value `op` at `path` makes of the YAML `before`.
fn applied(before: &str, path: &str, op: Op) -> Value<'static> {
    let mut value = value_of(before).unwrap();
    apply(&mut value, &parse(path).unwrap(), op).unwrap();
    value
}

#[test]
fn apply_changes_only_what_the_edit_names() {
    let before = "{a: null, m: {k: 1}, l: [1, 2]}";
    let same = value_of(before).unwrap();
    // Removing what is absent changes nothing: no key made on the way, no null
    // turned into a mapping, no index past the end.
    for path in ["x.y", "a.b", "m.x", "l[2]", "l[5]", "m.k.z"] {
        assert_eq!(applied(before, path, Op::Remove), same, "{path}");
    }
    assert_eq!(
        applied(before, "l[1]", Op::Remove),
        value_of("{a: null, m: {k: 1}, l: [1]}").unwrap()
    );
    assert_eq!(
        applied(before, "m.k", Op::Remove),
        value_of("{a: null, m: {}, l: [1, 2]}").unwrap()
    );
    // A set makes the keys on its way; a null on the way becomes a mapping.
    assert_eq!(
        applied(before, "a.b.c", set("2")),
        value_of("{a: {b: {c: 2}}, m: {k: 1}, l: [1, 2]}").unwrap()
    );
    assert_eq!(
        applied(before, "m.j", set("[2]")),
        value_of("{a: null, m: {k: 1, j: [2]}, l: [1, 2]}").unwrap()
    );
    assert_eq!(
        applied(before, "l", Op::Push(piece("3").unwrap())),
        value_of("{a: null, m: {k: 1}, l: [1, 2, 3]}").unwrap()
    );
    assert_eq!(
        applied(before, "a", Op::Push(piece("3").unwrap())),
        value_of("{a: [3], m: {k: 1}, l: [1, 2]}").unwrap()
    );
}
