//! Unit tests of the shapes read from saphyr-parser's events: every node's span,
//! checked as the text it covers, its style, anchor and key; and the pieces a value
//! given as YAML text is written as.

use super::*;

/// `shape` drawn as text: each node as the text its span covers, marked with its
/// kind (`p` plain or `q` other scalar, `+` over lines; `*` alias; `[..]` block
/// list, `f[..]` flow list, `{..}` and `f{..}` mappings, each entry `key=` its key
/// value or `?=` none), `&` first for an anchored node.
fn draw(text: &str, shape: &Shape) -> String {
    let at = &text[shape.start..shape.end];
    let anchor = if shape.anchored { "&" } else { "" };
    let inner = match &shape.kind {
        ShapeKind::Scalar { plain, lines } => {
            format!(
                "{}{}",
                if *plain { "p" } else { "q" },
                if *lines { "+" } else { "" }
            )
        }
        ShapeKind::Alias => "*".into(),
        ShapeKind::Seq { flow, items } => format!(
            "{}[{}]",
            if *flow { "f" } else { "" },
            items
                .iter()
                .map(|i| draw(text, i))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ShapeKind::Map { flow, entries } => format!(
            "{}{{{}}}",
            if *flow { "f" } else { "" },
            entries
                .iter()
                .map(|e| format!(
                    "{}={}: {}",
                    e.key.as_deref().unwrap_or("?"),
                    draw(text, &e.key_node),
                    draw(text, &e.value)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!(
        "{anchor}{inner}<{}>",
        at.replace('\n', "\\n").replace('\t', "\\t")
    )
}

/// The shape of `text`, drawn; `None` when it has none.
fn drawn(text: &str) -> Option<String> {
    shape(text).map(|s| draw(text, &s))
}

/// Each block and its shape, drawn.
const SHAPES: &[(&str, Option<&str>)] = &[
    ("a: 1\n", Some("{a=p<a>: p<1>}<a: 1>")),
    ("a: 'x' # c\n", Some("{a=p<a>: q<'x'>}<a: 'x'>")),
    ("a: \"x\" # c\n", Some("{a=p<a>: q<\"x\">}<a: \"x\">")),
    ("a: 'it''s' # c\n", Some("{a=p<a>: q<'it''s'>}<a: 'it''s'>")),
    ("a: \"x\\\"y\" # c\n", Some("{a=p<a>: q<\"x\\\"y\">}<a: \"x\\\"y\">")),
    ("a: \"x\\\\\" # c\n", Some("{a=p<a>: q<\"x\\\\\">}<a: \"x\\\\\">")),
    ("a: 'x\\' # c\n", Some("{a=p<a>: q<'x\\'>}<a: 'x\\'>")),
    ("a: !t 'x' # c\n", Some("{a=p<a>: q<!t 'x'>}<a: !t 'x'>")),
    ("a: !t \"x\" # c\n", Some("{a=p<a>: q<!t \"x\">}<a: !t \"x\">")),
    ("a: x\n  y\nb: 1\n", Some("{a=p<a>: p+<x\\n  y>, b=p<b>: p<1>}<a: x\\n  y\\nb: 1>")),
    ("a: x   # c\n", Some("{a=p<a>: p<x>}<a: x>")),
    ("a: |\n  x\n  y\n\nb: 1\n", Some("{a=p<a>: q+<|\\n  x\\n  y>, b=p<b>: p<1>}<a: |\\n  x\\n  y\\n\\nb: 1>")),
    ("a: >-\n  x\n", Some("{a=p<a>: q+<>-\\n  x>}<a: >-\\n  x>")),
    ("a: |\n# c\nb: 1\n", Some("{a=p<a>: q<|>, b=p<b>: p<1>}<a: |\\n# c\\nb: 1>")),
    ("a: |\n\n# c\nb: 1\n", Some("{a=p<a>: q<|>, b=p<b>: p<1>}<a: |\\n\\n# c\\nb: 1>")),
    ("a: |2\n# c\nb: 1\n", Some("{a=p<a>: q<|2>, b=p<b>: p<1>}<a: |2\\n# c\\nb: 1>")),
    ("a: |1\n  x\n y\nb: 1\n", Some("{a=p<a>: q+<|1\\n  x\\n y>, b=p<b>: p<1>}<a: |1\\n  x\\n y\\nb: 1>")),
    ("a: |+\n  x\n\n  \nb: 1\n", Some("{a=p<a>: q+<|+\\n  x>, b=p<b>: p<1>}<a: |+\\n  x\\n\\n  \\nb: 1>")),
    ("a: |\n  x\n\n\n# c\nb: 1\n", Some("{a=p<a>: q+<|\\n  x>, b=p<b>: p<1>}<a: |\\n  x\\n\\n\\n# c\\nb: 1>")),
    ("a: |2\n   x\nb: 1\n", Some("{a=p<a>: q+<|2\\n   x>, b=p<b>: p<1>}<a: |2\\n   x\\nb: 1>")),
    ("a: |\n  x\n # c\nb: 1\n", Some("{a=p<a>: q+<|\\n  x>, b=p<b>: p<1>}<a: |\\n  x\\n # c\\nb: 1>")),
    ("a: |\n  x\n\n  # c\nb: 1\n", Some("{a=p<a>: q+<|\\n  x\\n\\n  # c>, b=p<b>: p<1>}<a: |\\n  x\\n\\n  # c\\nb: 1>")),
    ("a: |\n  \t\nb: 1\n", Some("{a=p<a>: q<|>, b=p<b>: p<1>}<a: |\\n  \\t\\nb: 1>")),
    ("a: |\n    x\n  # c\nb: 1\n", Some("{a=p<a>: q+<|\\n    x>, b=p<b>: p<1>}<a: |\\n    x\\n  # c\\nb: 1>")),
    ("a: |  # c\n  x\n", Some("{a=p<a>: q+<|  # c\\n  x>}<a: |  # c\\n  x>")),
    ("a: [x, y]\n", Some("{a=p<a>: f[p<x>, p<y>]<[x, y]>}<a: [x, y]>")),
    ("a: {b: c}\n", Some("{a=p<a>: f{b=p<b>: p<c>}<{b: c}>}<a: {b: c}>")),
    ("[x]\n", Some("f[p<x>]<[x]>")),
    ("a: [ ]\n", Some("{a=p<a>: f[]<[ ]>}<a: [ ]>")),
    ("a: [b: c]\n", Some("{a=p<a>: f[{b=p<b>: p<c>}<b: c>]<[b: c]>}<a: [b: c]>")),
    ("a: []\n", Some("{a=p<a>: f[]<[]>}<a: []>")),
    ("a: { }  # c\n", Some("{a=p<a>: f{}<{ }>}<a: { }>")),
    ("a: {x: 1}  # c\nb: 2\n", Some("{a=p<a>: f{x=p<x>: p<1>}<{x: 1}>, b=p<b>: p<2>}<a: {x: 1}  # c\\nb: 2>")),
    ("- [x]  # c\n", Some("[f[p<x>]<[x]>]<- [x]>")),
    ("a: [b: c ]\n", Some("{a=p<a>: f[{b=p<b>: p<c>}<b: c >]<[b: c ]>}<a: [b: c ]>")),
    ("a: [x, [y]]  # c\n", Some("{a=p<a>: f[p<x>, f[p<y>]<[y]>]<[x, [y]]>}<a: [x, [y]]>")),
    ("a:\n  - x\n  - y\n", Some("{a=p<a>: [p<x>, p<y>]<- x\\n  - y>}<a:\\n  - x\\n  - y>")),
    ("- x\n- y\n", Some("[p<x>, p<y>]<- x\\n- y>")),
    ("-   x\n", Some("[p<x>]<-   x>")),
    ("- \n- x\n", Some("[p<>, p<x>]<- \\n- x>")),
    ("-\n  - x\n", Some("[[p<x>]<- x>]<-\\n  - x>")),
    ("a:\n  b: 1\n  c: 2\nd: 3\n", Some("{a=p<a>: {b=p<b>: p<1>, c=p<c>: p<2>}<b: 1\\n  c: 2>, d=p<d>: p<3>}<a:\\n  b: 1\\n  c: 2\\nd: 3>")),
    ("a: &x 1\nb: *x\n", Some("{a=p<a>: &p<&x 1>, b=p<b>: *<*x>}<a: &x 1\\nb: *x>")),
    ("&k a: 1\n", Some("{a=&p<&k a>: p<1>}<&k a: 1>")),
    ("a: &s [x]\n", Some("{a=p<a>: &f[p<x>]<&s [x]>}<a: &s [x]>")),
    ("a: &m\n  b: 1\n", Some("{a=p<a>: &{b=p<b>: p<1>}<&m\\n  b: 1>}<a: &m\\n  b: 1>")),
    ("a: &l\n  - 1\n", Some("{a=p<a>: &[p<1>]<- 1>}<a: &l\\n  - 1>")),
    ("? [a]\n: 1\n", Some("{?=f[p<a>]<[a]>: p<1>}<? [a]\\n: 1>")),
    ("a: &k b\n*k : 2\n", Some("{a=p<a>: &p<&k b>, ?=*<*k>: p<2>}<a: &k b\\n*k : 2>")),
    ("a\tb: 1\n", Some("{a\tb=p<a\\tb>: p<1>}<a\\tb: 1>")),
    ("a:\t1\n", Some("{a=p<a>: p<1>}<a:\\t1>")),
    ("&x\ta: 1\n", None),
    ("\"a\tb\": 1\n", None),
    ("- a\tb: 1\n", Some("[{a\tb=p<a\\tb>: p<1>}<a\\tb: 1>]<- a\\tb: 1>")),
    ("x:\n  a\tb: 1\n", Some("{x=p<x>: {a\tb=p<a\\tb>: p<1>}<a\\tb: 1>}<x:\\n  a\\tb: 1>")),
    ("? {a\tb: 1}\n: 2\n", Some("{?=f{a\tb=p<a\\tb>: p<1>}<{a\\tb: 1}>: p<2>}<? {a\\tb: 1}\\n: 2>")),
    ("a: \"one\ntwo\"\nb: [x,\n]\n", Some("{a=p<a>: q+<\"one\\ntwo\">, b=p<b>: f[p<x>]<[x,\\n]>}<a: \"one\\ntwo\"\\nb: [x,\\n]>")),
    ("a: [x,\n  y]\nb: \"p\nq\"\n", Some("{a=p<a>: f[p<x>, p<y>]<[x,\\n  y]>, b=p<b>: q+<\"p\\nq\">}<a: [x,\\n  y]\\nb: \"p\\nq\">")),
    ("", None),
    ("# c\n", None),
    ("a: 1\n---\nb: 2\n", Some("{a=p<a>: p<1>}<a: 1>")),
    ("a: [\n", None),
    ("x\n", Some("p<x>")),
    ("a:\n", Some("{a=p<a>: p<>}<a>")),
    ("a: ''\n", Some("{a=p<a>: q<''>}<a: ''>")),
    ("a: é\nb: 'ü' # c\n", Some("{a=p<a>: p<é>, b=p<b>: q<'ü'>}<a: é\\nb: 'ü'>")),
];

#[test]
fn every_node_spans_its_text() {
    for &(text, want) in SHAPES {
        assert_eq!(drawn(text).as_deref(), want, "{text:?}");
    }
}

/// A scalar piece written `block` in block context and `flow` in flow context.
fn scalar_piece(block: &str, flow: &str) -> Piece {
    Piece::Scalar {
        block: block.into(),
        flow: flow.into(),
    }
}

/// A scalar piece written the same in both contexts.
fn same(text: &str) -> Piece {
    scalar_piece(text, text)
}

#[test]
fn plain_scalars_keep_their_text_or_are_quoted_for_other_readers() {
    for (text, block, flow) in [
        // As written: a string, a number, a date (other readers read a date too).
        ("x", "x", "x"),
        ("42", "42", "42"),
        ("2024-05-13", "2024-05-13", "2024-05-13"),
        ("~", "~", "~"),
        // A string that YAML 1.1 readers read as a boolean or a number: quoted.
        ("yes", "'yes'", "'yes'"),
        ("1:20", "'1:20'", "'1:20'"),
        ("1,000", "'1,000'", "'1,000'"),
        // What flow context would cut: double-quoted there only.
        ("a, b", "a, b", "\"a, b\""),
        ("a:b", "a:b", "\"a:b\""),
        ("a#b", "a#b", "\"a#b\""),
        ("x]", "x]", "\"x]\""),
        // A plain scalar over lines: one line, double-quoted.
        ("x\n  y", "\"x y\"", "\"x y\""),
    ] {
        assert_eq!(piece(text), Ok(scalar_piece(block, flow)), "{text:?}");
    }
}

#[test]
fn quoted_and_block_scalars() {
    for (text, block) in [
        ("'a, b'", "'a, b'"),
        ("\"a, b\"", "\"a, b\""),
        ("'it''s'", "'it''s'"),
        ("'a\n  b'", "\"a b\""),
        ("\"a\n  b\"", "\"a b\""),
        ("|\n  x\n  y\n", "\"x\\ny\\n\""),
        (">-\n  x\n  y\n", "\"x y\""),
        // A tag is kept with its scalar, on one line.
        ("!t x", "!t x"),
        ("!!str 1", "!!str 1"),
        ("!t 'a, b'", "!t 'a, b'"),
    ] {
        assert_eq!(piece(text), Ok(same(block)), "{text:?}");
    }
}

#[test]
fn collections_are_pieces_of_pieces() {
    assert_eq!(
        piece("a: [x, yes]\nb: {c: 1}\n"),
        Ok(Piece::Map(vec![
            (same("a"), Piece::Seq(vec![same("x"), same("'yes'")])),
            (same("b"), Piece::Map(vec![(same("c"), same("1"))])),
        ]))
    );
    assert_eq!(
        piece("- []\n- {}\n"),
        Ok(Piece::Seq(vec![Piece::Seq(vec![]), Piece::Map(vec![])]))
    );
}

#[test]
fn what_a_piece_cannot_hold_is_named() {
    for (text, message) in [
        (
            "&a x",
            "a value with an anchor (`&`) cannot be written by an edit",
        ),
        (
            "- &a x\n- y\n",
            "a value with an anchor (`&`) cannot be written by an edit",
        ),
        (
            "&a [x]",
            "a value with an anchor (`&`) cannot be written by an edit",
        ),
        (
            "&a {x: 1}",
            "a value with an anchor (`&`) cannot be written by an edit",
        ),
        (
            "!t [x]",
            "a list or mapping with a tag (`!`) cannot be written by an edit",
        ),
        (
            "!t {x: 1}",
            "a list or mapping with a tag (`!`) cannot be written by an edit",
        ),
        (
            "!t |\n  x\n",
            "a value with a tag (`!`) on more than one line cannot be written by an edit",
        ),
        (
            "!t 'a\n  b'",
            "a value with a tag (`!`) on more than one line cannot be written by an edit",
        ),
        (
            "? [a]\n: 1\n",
            "a key written as a list or mapping cannot be written by an edit",
        ),
        (
            "{[a]: 1}",
            "a key written as a list or mapping cannot be written by an edit",
        ),
        ("a\n---\nb\n", "the value holds more than one YAML document"),
        ("", "the value is empty"),
        ("# c\n", "the value is empty"),
    ] {
        assert_eq!(piece(text), Err(message.to_owned()), "{text:?}");
    }
    assert!(piece("[x").unwrap_err().starts_with("invalid YAML: "));
}

#[test]
fn double_quoted_escapes_what_a_double_quoted_scalar_must() {
    assert_eq!(double_quoted("plain é"), "\"plain é\"");
    assert_eq!(
        double_quoted("\"\\\n\t\r\u{feff}\u{1}\u{7f}\u{85}\u{2028}"),
        "\"\\\"\\\\\\n\\t\\r\\uFEFF\\x01\\x7F\\x85\u{2028}\""
    );
    assert_eq!(double_quoted(""), "\"\"");
}

#[test]
fn values_read_back_owned() {
    let text = String::from("a: [1, x, ~, true, 1.5]\n");
    let value = value_of(&text);
    drop(text);
    assert_eq!(
        value,
        Ok(Value::Map(vec![(
            Value::Str("a".into()),
            Value::Seq(vec![
                Value::Int(1),
                Value::Str("x".into()),
                Value::Null,
                Value::Bool(true),
                Value::Float(1.5),
            ])
        )]))
    );
    assert!(value_of("[x").unwrap_err().starts_with("invalid YAML: "));
}

#[test]
fn anchors_are_found_at_any_depth() {
    let held = |text: &str| shape(text).unwrap().holds_anchor();
    assert!(held("&r\n- 1\n"));
    assert!(held("a: &x 1\n"));
    assert!(held("&k a: 1\n"));
    assert!(held("- [x, &y 1]\n"));
    assert!(held("a:\n  b: &z 1\n"));
    assert!(!held("a: [x, {b: 1}]\nc: d\n"));
    assert!(!held("- [x]\n- {b: c}\n"));
}

#[test]
fn only_a_null_written_as_nothing_is_an_empty_scalar() {
    let values = |text: &str| match shape(text).unwrap().kind {
        ShapeKind::Map { entries, .. } => entries
            .iter()
            .map(|e| e.value.is_empty_scalar())
            .collect::<Vec<_>>(),
        _ => unreachable!(),
    };
    assert_eq!(
        values("a:\nb: ''\nc: x\nd: []\ne: ~\n"),
        [true, false, false, false, false]
    );
}

/// The edits that these shapes serve: a flow collection's comment stays on its
/// line, and an empty one written with a space inside keeps its flow style.
#[test]
fn edits_keep_a_flow_collections_comment_and_style() {
    let edited =
        |src: &str, edit: &dyn Fn(&mut crate::edit::Editor) -> Result<(), crate::Error>| {
            let mut doc = crate::edit::Editor::new(src).unwrap();
            edit(&mut doc).unwrap();
            doc.into_string()
        };
    for (src, want) in [
        (
            "---\na: [x, y]  # c\nb: 1\n---\n",
            "---\na: [z]  # c\nb: 1\n---\n",
        ),
        ("---\na: {x: [y]}  # c\n---\n", "---\na: [z]  # c\n---\n"),
        ("---\na: [ ]\n---\n", "---\na: [z]\n---\n"),
        ("---\na: { }\n---\n", "---\na: [z]\n---\n"),
    ] {
        assert_eq!(edited(src, &|d| d.set_yaml("a", "[z]")), want, "{src:?}");
    }
    assert_eq!(
        edited("---\na: []  # c\n---\n", &|d| d.push("a", "z")),
        "---\na: [z]  # c\n---\n"
    );
    assert_eq!(
        edited("---\na: [ ]\n---\n", &|d| d.push("a", "z")),
        "---\na: [ z]\n---\n"
    );
}

#[test]
fn a_list_items_dash_is_the_last_one_before_it_or_the_one_at_it() {
    for (text, item, dash) in [
        ("- x", 2, Some(0)),
        ("-   x", 4, Some(0)),
        ("a:\n  - x", 7, Some(5)),
        ("-\n  x", 4, Some(0)),
        ("-\t\r\n  x", 6, Some(0)),
        // An empty item at its dash, or the next item's.
        ("-", 0, Some(0)),
        ("a:\n- ", 3, Some(3)),
        // No dash: a mapping's value, text before the item, or past the text.
        ("a: b", 3, None),
        ("x", 0, None),
        ("- x", 9, None),
    ] {
        assert_eq!(dash_of(text, item), dash, "{text:?} {item}");
    }
}

/// An empty block scalar is its header alone: the comment lines after it stay.
#[test]
fn an_empty_block_scalar_is_replaced_up_to_its_header() {
    for (src, want) in [
        ("---\na: |\n# c\nb: 1\n---\n", "---\na: z\n# c\nb: 1\n---\n"),
        (
            "---\na: |2\n# c\nb: 1\n---\n",
            "---\na: z\n# c\nb: 1\n---\n",
        ),
        (
            "---\na: >-  # h\n\nb: 1\n---\n",
            "---\na: z  # h\n\nb: 1\n---\n",
        ),
    ] {
        let mut doc = crate::edit::Editor::new(src).unwrap();
        doc.set("a", "z").unwrap();
        assert_eq!(doc.as_str(), want, "{src:?}");
    }
}
