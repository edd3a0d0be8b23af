//! Unit tests of the fast path's parts: the events of real blocks, what it declines,
//! quoted scalars and cut blocks. The comparison with serde_yaml is in `differential`.

use std::borrow::Cow;

use serde::de::IgnoredAny;

use super::de::borrowed;
use super::parser::parse;
use super::{from_str, Event, Miss, Scalar, Style};

/// The number of events of `block`, or `None` when the fast path declines it.
fn events_of(block: &str) -> Option<usize> {
    parse(block).map(|(e, _)| e.len())
}

fn plain(v: &str) -> Event<'_> {
    Event::Scalar(Scalar {
        value: Cow::Borrowed(v),
        repr: v,
        style: Style::Plain,
    })
}

#[test]
fn reads_the_reference_release() {
    let block = "title: \"New Zealand expresses regret\"\ndate: 2024-05-13\nministers:\n  - Rt Hon Winston Peters\nportfolios:\n- Foreign Affairs\n";
    let (events, may_repeat) = parse(block).unwrap();
    assert!(!may_repeat);
    assert_eq!(events.len(), 14);
    assert_eq!(events[4], plain("2024-05-13"));
    assert_eq!(events[6], Event::SeqStart);
    assert_eq!(events[7], plain("Rt Hon Winston Peters"));
    assert_eq!(events[11], plain("Foreign Affairs"));
    assert_eq!(events[13], Event::MapEnd);
    assert!(from_str::<IgnoredAny>(block).is_ok());
    // A block in the subset that the type refuses is rejected, not declined:
    // the caller then knows it is YAML.
    let rejected = Miss::Rejected {
        missing_top_field: None,
    };
    assert_eq!(from_str::<u32>(block).err(), Some(rejected));
    assert_eq!(
        from_str::<IgnoredAny>("a: &x 1\n").err(),
        Some(Miss::Declined)
    );
}

#[test]
fn declines_outside_the_subset() {
    for block in [
        "a: &x 1\nb: *x\n",
        "a: !tag x\n",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "a: {b: 1}\n",
        "a: foo\n  bar\n",
        "a: \"foo\n  bar\"\n",
        "a: [1,\n  2]\n",
        "? a\n: b\n",
        "%YAML 1.2\n",
        "a:\tb\n",
        "a: b\r c\n",
        "- a\n- b\n",
        "a\n",
        "a: b: c\n",
        "a: b:\n",
        "a: 'b' c\n",
        "a: \"\\q\"\n",
        "a: \"\\ud800\"\n",
        "  a: 1\n",
        "a:\n  - - b\n",
        "a:\n    b: 1\n  c: 2\n",
        "a: [b, ]\n",
        "a: [b,,c]\n",
        "a: [b: c]\n",
        "--- a\n",
        "a: 1\n... \n",
        "a: @x\n",
        "a: `x`\n",
        "a: \u{85}\n",
        "a: x\u{2028}y\n",
        "a: x\u{feff}\n",
        "a: \x7f\n",
        "a: x\n-\n",
        "a:\n-\n  b\n",
        "a: 'x'#c\n",
        "a #b: c\n",
        "a: [x] y\n",
        "a: 'x' y\n",
        "a: -\n",
        "a: [-]\n",
        "a: [- x]\n",
        "a: 'x\n",
        "a: [x\n",
        "a: [x] # c\n b: 1\n",
        "a: \"x\"'y\"\n",
        "a:\n- [x]\n",
        "a:\n- 'a': 1\n",
        "a:\n  -x\n",
    ] {
        assert_eq!(events_of(block), None, "{block:?}");
    }
}

#[test]
fn reads_quoted_scalars() {
    let (events, _) = parse("'a''b': \"x\\ty\\u00e9\\\\\"\nc: ''''\nd: \"\\\\\\\\\"\n").unwrap();
    let Event::Scalar(key) = &events[1] else {
        panic!()
    };
    assert_eq!((&*key.value, borrowed(key)), ("a'b", None));
    let Event::Scalar(value) = &events[2] else {
        panic!()
    };
    assert_eq!(&*value.value, "x\ty\u{e9}\\");
    assert_eq!(
        (key.style, value.style),
        (Style::SingleQuoted, Style::DoubleQuoted)
    );
    // The full deserializer's borrowing rule, coincidences included.
    let Event::Scalar(quote) = &events[4] else {
        panic!()
    };
    assert_eq!((&*quote.value, borrowed(quote)), ("'", Some("'")));
    let Event::Scalar(slashes) = &events[6] else {
        panic!()
    };
    assert_eq!((&*slashes.value, borrowed(slashes)), ("\\\\", Some("\\\\")));
}

#[test]
fn never_panics_on_cut_blocks() {
    let block = "title: \"a \\u00e9 b\" # c\r\nlist: [x, 'y', \"z\"]\r\nseq:\r\n- 1\r\n  # c\r\n- ''\r\nmap:\r\n  k: v\r\n";
    for end in 0..=block.len() {
        if let Some(cut) = block.get(..end) {
            let _ = parse(cut);
        }
    }
}

#[test]
fn signs_inside_a_scalar_resolve_as_serde_yaml_resolves_them() {
    // Dates and times are text without a number parse; a sign after an exponent
    // mark, or first, is still read as a number.
    for v in [
        "2024-05-13",
        "2024-05-13T10:00:00+12:00",
        "12:30-1",
        "1-2",
        "1+",
        "0x1e-5",
        "1e-5",
        "1E+5",
        "1.5e-3",
        "-1",
        "+1",
        "-0x1F",
        "+0o17",
        "-.inf",
        "+.5",
        "-1e+2",
        "--1",
        "+-1",
        "1e--5",
    ] {
        let block = format!("a: {v}\n");
        let ours = from_str::<serde_yaml::Value>(&block).map(|(value, _)| value);
        let theirs: serde_yaml::Value = serde_yaml::from_str(&block).unwrap();
        assert_eq!(ours.ok(), Some(theirs), "{v}");
    }
}

#[test]
fn collections_hint_their_exact_size() {
    use crate::value::Value;
    // The size hint is the count of what is left, nested collections counted once:
    // a visitor that trusts it allocates once, to the size.
    let block = "a: 1\nb: [x, y, z]\nc:\n  - p\n  - q\nd:\n  e: f\n  g: [h]\ni: []\n";
    let (value, _) = from_str::<Value<'_>>(block).unwrap();
    fn exact(value: &Value<'_>) {
        match value {
            Value::Seq(items) => {
                assert_eq!(items.capacity(), items.len(), "{items:?}");
                items.iter().for_each(exact);
            }
            Value::Map(entries) => {
                assert_eq!(entries.capacity(), entries.len(), "{entries:?}");
                entries.iter().for_each(|(k, v)| {
                    exact(k);
                    exact(v);
                });
            }
            _ => {}
        }
    }
    exact(&value);
    let Value::Map(top) = &value else {
        panic!("{value:?}")
    };
    assert_eq!(top.len(), 5);
    // An empty value read as an empty list hints nothing.
    #[derive(serde::Deserialize)]
    struct Lists {
        a: Vec<u8>,
    }
    let (lists, _) = from_str::<Lists>("a:\n").unwrap();
    assert!(lists.a.is_empty());
    assert_eq!(lists.a.capacity(), 0);
}

#[test]
fn takes_the_subset_as_serde_yaml_reads_it() {
    // The positive twin of `declines_outside_the_subset`: blocks at the edges of the
    // subset that the fast path must take, and read as serde_yaml does.
    for block in [
        "C#: v\n",
        "a#b: c\n",
        "a:b: c\n",
        "k: C#\n",
        "k: a#b\n",
        "k: a:b\n",
        "k: x # c\n",
        "k: x #c\nl: 1\n",
        "k: 'x' # c\n",
        "k: \"x\"  # c\n",
        "k:    x   \n",
        "a:\nb: 1\n",
        "a: # c\n  b: 1\n",
        "a: # c\nb: 1\n",
        "a:\n- x\nb: 1\n",
        "a:\n  - x\n  # c\n  -\n  - y # c\nb:\n",
        "a:\n  - b: 1\n    c: 2\n  - d\n",
        "a:\n- b: 1\n  c: [x]\n- b:\n    c: 1\n",
        "a: [x, 'y', \"z\"] # c\n",
        "a: []\n",
        "a: [ ]\n",
        "a: [-1, -a, -.5, a b]\n",
        "a: -x\n",
        "a:\n  -x: 1\n",
        "a:\n  - b: 1\n    c: [2]\n  - d: 3\n    e: 4\n",
        "a: x\n\n\nb: y\n",
        "\na: 1\n",
        "# c\na: 1\n",
        "a: 1\r\nb:\r\n- 2\r\n",
        "a: 1",
        "a:",
        "a: 'x'",
        "a: [x]",
        "'a': 1\n",
        "\"a\" : 1\n",
        "'a''b': 'it''s'\n",
        "a: 'x''y' # c\n",
        "a: \"\\\\\" # c\n",
    ] {
        let theirs: serde_yaml::Value = serde_yaml::from_str(block).unwrap();
        let ours = from_str::<serde_yaml::Value>(block).map(|(value, _)| value);
        assert_eq!(ours, Ok(theirs), "{block:?}");
    }
}
