//! The bad-input catalogue of issue #5: inputs that have broken front-matter tools
//! before, each with its exact outcome: a positioned diagnostic of a stated kind, or
//! a clean result whose body is the input's, byte for byte. Then the hostile inputs,
//! which must all end in `limit-exceeded` through typed parsing, validation and the
//! lint path. No test here measures time (the `hostile` bench does).

use masthead::{
    from_slice, from_str, split, split_bytes, validate, Diagnostic, Kind, Limits, Options, Release,
    Renderer, Report, Rule, Schema,
};
use serde::de::IgnoredAny;

use crate::hostile;
use crate::support::assert_no_hazard;

/// The lint example's path on one file: bytes, split, validate, render and JSON.
/// Returns the report, after checking that the rendering and the JSON show no raw
/// control or bidi character.
#[track_caller]
fn lint(bytes: &[u8], schema: &Schema) -> Report {
    let report = match split_bytes(bytes) {
        Ok(doc) => validate(&doc, schema),
        Err(e) => Report::from(e),
    };
    let text = Renderer::new().render_report(&report, "doc.md", &String::from_utf8_lossy(bytes));
    assert_no_hazard(&text);
    // JSON escapes control characters; bidi controls are valid JSON text, and the
    // lint example escapes them when it writes its lines.
    let json = serde_json::to_string(report.as_slice()).unwrap();
    assert!(!json.chars().any(char::is_control), "{json:?}");
    report
}

/// `(kind, line, column)` of every diagnostic.
fn found(report: &Report) -> Vec<(Kind, usize, usize)> {
    report
        .iter()
        .map(|d: &Diagnostic| (d.kind(), d.line(), d.column()))
        .collect()
}

/// The body of `src` as split, which must be every byte after `body_at`.
#[track_caller]
fn assert_body(src: &str, body_at: usize) {
    let doc = split(src).unwrap();
    assert_eq!(doc.body().as_bytes(), &src.as_bytes()[body_at..]);
    assert_eq!(doc.body_span().start(), body_at);
    let parsed = from_str::<IgnoredAny>(src).unwrap();
    assert_eq!(parsed.body.as_bytes(), &src.as_bytes()[body_at..]);
}

#[test]
fn nul_bytes() {
    // In the body: a clean result, every byte kept.
    let src = "---\ntitle: x\n---\na\0b\0\n";
    assert_body(src, 17);
    assert!(lint(src.as_bytes(), &Schema::any()).is_empty());

    // In a value: the YAML reader refuses it, at the NUL itself.
    let src = "---\ntitle: a\0b\n---\nbody\n";
    let err = from_str::<IgnoredAny>(src).unwrap_err();
    assert_eq!(err.kind(), Kind::YamlSyntax);
    assert_eq!((err.span().start(), err.line(), err.column()), (12, 2, 9));
    assert_eq!(
        err.message(),
        "invalid YAML: control characters are not allowed"
    );
    let report = lint(src.as_bytes(), &Schema::release());
    assert_eq!(found(&report), [(Kind::YamlSyntax, 2, 9)]);

    // In the opening fence line: not a fence, so no front matter.
    let src = "---\0\ntitle: x\n---\n";
    assert_body(src, 0);
    let report = lint(src.as_bytes(), &Schema::release());
    assert_eq!(found(&report), [(Kind::NoFrontMatter, 1, 1)]);
}

#[test]
fn lone_carriage_returns() {
    // A lone CR ends no line: `---\r` is not a fence, and the whole input is body.
    let src = "---\rtitle: x\r---\rbody\r";
    assert_body(src, 0);
    assert!(lint(src.as_bytes(), &Schema::any()).is_empty());
    let report = lint(src.as_bytes(), &Schema::release());
    assert_eq!(found(&report), [(Kind::NoFrontMatter, 1, 1)]);

    // Inside a block that LF lines delimit, a lone CR is a line break to YAML.
    let src = "---\ntitle: x\rdate: y\n---\nb\rc\r";
    assert_body(src, 25);
    let err = from_str::<IgnoredAny>(src).map(|_| ()).err();
    assert_eq!(err, None);
}

#[test]
fn fence_alone() {
    // `---` without a line ending opens nothing.
    for src in ["---", "\u{feff}---", "--- \t"] {
        let body_at = if src.starts_with('\u{feff}') { 3 } else { 0 };
        assert_body(src, body_at);
        assert_eq!(split(src).unwrap().front_matter(), None);
    }
}

#[test]
fn crlf_fence_at_the_end() {
    for (src, column) in [("---\r\n", 1), ("\u{feff}---\r\n", 1), ("---\n", 1)] {
        let err = split(src).unwrap_err();
        assert_eq!(err.kind(), Kind::UnterminatedFrontMatter);
        assert_eq!((err.line(), err.column()), (1, column));
        let report = lint(src.as_bytes(), &Schema::any());
        assert_eq!(found(&report), [(Kind::UnterminatedFrontMatter, 1, 1)]);
    }
}

#[test]
fn ten_thousand_fence_lines() {
    let src = "---\n".repeat(10_000);
    let doc = split(&src).unwrap();
    assert_eq!(doc.front_matter(), Some(""));
    assert_body(&src, 8);
    assert_eq!(doc.body_span().line(), 3);
    assert!(lint(src.as_bytes(), &Schema::any()).is_empty());
    let report = lint(src.as_bytes(), &Schema::release());
    assert_eq!(report.error_count(), 5);
    assert!(report.iter().all(|d| (d.line(), d.column()) == (1, 1)));

    // CRLF and `...` fences alike.
    let src = "---\r\n...\r\n".repeat(5_000);
    assert_body(&src, 10);
}

#[test]
fn a_twenty_megabyte_line_of_body() {
    let head = "---\ntitle: x\n---\n";
    let mut src = String::with_capacity(head.len() + 20_000_001);
    src.push_str(head);
    src.push_str(&"é".repeat(10_000_000));
    src.push('!');
    assert_body(&src, head.len());
    assert!(lint(src.as_bytes(), &Schema::any()).is_empty());
    // No front matter at all: the whole 20 MB line is the body.
    assert_body(&src[head.len()..], 0);
}

#[test]
fn bidi_and_terminal_controls_in_values() {
    let schema = Schema::new()
        .required("date", Rule::date())
        .required("url", Rule::url())
        .strict(true);
    // Raw bidi overrides and isolates are printable to YAML; escapes give ESC and BEL.
    let src = "---\ndate: \"2024-13-45\u{202e}\u{2066}\"\nurl: \"\\e[31m/x\\a\"\n\u{202e}k\u{200f}: 1\n---\nbody\u{202e}\x1b[0m\n";
    let report = lint(src.as_bytes(), &schema);
    assert_eq!(
        found(&report),
        [
            (Kind::MalformedDate, 2, 7),
            (Kind::MalformedUrl, 3, 6),
            (Kind::UnknownField, 4, 1),
        ]
    );
    assert!(report.iter().next().unwrap().message().contains('\u{202e}'));
    let one_line: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_no_hazard(&one_line.join("\n"));
    assert_body(src, src.find("body").unwrap());

    // A raw ESC byte is a control character, which YAML refuses, at its place.
    let src = "---\ntitle: \x1b[31mred\n---\n";
    let report = lint(src.as_bytes(), &Schema::any());
    assert_eq!(found(&report), [(Kind::YamlSyntax, 2, 8)]);
}

#[test]
fn invalid_utf8_at_every_byte() {
    let doc = "---\ntitle: Café\nministers: [Hon Ā]\n---\nbody ✓\n";
    let bytes = doc.as_bytes();
    for at in 0..bytes.len() {
        for bad in [0xff_u8, 0x80, 0xc3] {
            let mut input = bytes.to_vec();
            input[at] = bad;
            let result = split_bytes(&input);
            match std::str::from_utf8(&input) {
                Ok(text) => {
                    // The byte completed a valid character after all (0x80 or 0xc3
                    // in the middle of `é`, `Ā` or `✓`).
                    assert_eq!(result.unwrap().source(), text);
                    continue;
                }
                Err(e) => {
                    let err = result.unwrap_err();
                    let first = e.valid_up_to();
                    assert_eq!(err.kind(), Kind::InvalidUtf8, "byte {at}");
                    assert_eq!(err.span().start(), first, "byte {at}");
                    let before = std::str::from_utf8(&input[..first]).unwrap();
                    let line = 1 + before.matches('\n').count();
                    let column = 1 + before.rsplit('\n').next().unwrap().chars().count();
                    assert_eq!((err.line(), err.column()), (line, column), "byte {at}");
                    let typed = from_slice::<Release>(&input).unwrap_err();
                    assert_eq!(typed, err);
                    let report = lint(&input, &Schema::release());
                    assert_eq!(found(&report), [(Kind::InvalidUtf8, line, column)]);
                }
            }
        }
    }
}

/// The hostile inputs with the default limits: `limit-exceeded` everywhere, with
/// an empty path and a position in the front matter or at its opening fence.
#[test]
fn hostile_inputs_stop_at_the_default_limits() {
    for (name, src) in hostile::all() {
        let block = split(&src).unwrap().front_matter_span().unwrap();
        // At the opening fence (bytes), or inside the block (depth, aliases).
        let check = |kind: Kind, start: usize, what: &str| {
            assert_eq!(kind, Kind::LimitExceeded, "{name} {what}");
            assert!(
                start == 0 || (block.start() <= start && start <= block.end()),
                "{name} {what} at {start}"
            );
        };
        let err = from_str::<Release>(&src).unwrap_err();
        check(err.kind(), err.span().start(), "release");
        assert_eq!(err.path(), "");
        let err = from_str::<IgnoredAny>(&src).unwrap_err();
        check(err.kind(), err.span().start(), "ignored");
        for schema in [Schema::release(), Schema::any()] {
            let report = validate(&split(&src).unwrap(), &schema);
            assert_eq!(report.len(), 1, "{name}");
            let d = report.iter().next().unwrap();
            check(d.kind(), d.span().start(), "validate");
            let report = lint(src.as_bytes(), &schema);
            assert_eq!(report.len(), 1, "{name}");
        }
    }
}

#[test]
fn limit_messages_and_positions() {
    let err = from_str::<IgnoredAny>(&hostile::big_scalar()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "front matter is 8000008 bytes, more than the limit of 65536 at line 1 column 1"
    );
    assert_eq!(err.span().range(), 0..3);

    let err = from_str::<IgnoredAny>(&hostile::anchors()).unwrap_err();
    assert_eq!(
        err.message(),
        "alias `*a` replays more than the limit of 10000 nodes"
    );
    // The second alias: 5,901 nodes each time.
    assert_eq!((err.line(), err.column()), (3, 9));

    let err = from_str::<IgnoredAny>(&hostile::compact_nesting()).unwrap_err();
    assert_eq!(
        err.message(),
        "front matter nests deeper than the limit of 64 levels"
    );
    assert_eq!((err.line(), err.column()), (2, 129));
}

/// Without the byte limit, the depth and alias limits stop the inputs they are for,
/// and the others are read in full: validation stays linear in the keys.
#[test]
fn hostile_inputs_without_the_byte_limit() {
    let limits = Limits::new().max_bytes(usize::MAX);
    let options = Options::new().limits(limits);
    for (src, line, column) in [
        (hostile::flow_nesting(), 2, 67),
        (hostile::block_nesting(), 66, 65),
        (hostile::compact_nesting(), 2, 129),
    ] {
        let err = options.from_str::<IgnoredAny>(&src).unwrap_err();
        assert_eq!(err.kind(), Kind::LimitExceeded);
        assert_eq!((err.line(), err.column()), (line, column));
        let report = validate(&split(&src).unwrap(), &Schema::release().limits(limits));
        assert_eq!(found(&report), [(Kind::LimitExceeded, line, column)]);
    }
    let src = hostile::many_keys();
    assert!(options.from_str::<IgnoredAny>(&src).is_ok());
    let strict = Schema::new()
        .required("k0", Rule::string())
        .strict(true)
        .limits(limits);
    let report = validate(&split(&src).unwrap(), &strict);
    assert_eq!(report.error_count(), 199_999);
    assert_eq!(report.iter().last().unwrap().line(), 200_001);

    let src = hostile::big_scalar();
    let report = validate(&split(&src).unwrap(), &Schema::release().limits(limits));
    assert_eq!(report.error_count(), 4);
}

/// 200,000 keys that are all the same: every repetition is found, in linear time.
#[test]
fn many_repeated_keys() {
    let mut src = String::from("---\n");
    for i in 0..50_000 {
        src.push_str(&format!("k{}: {i}\n", i % 25_000));
    }
    src.push_str("---\n");
    let limits = Limits::new().max_bytes(usize::MAX);
    let report = validate(&split(&src).unwrap(), &Schema::any().limits(limits));
    assert_eq!(report.error_count(), 25_000);
    assert!(report.iter().all(|d| d.kind() == Kind::DuplicateKey));
    let first = report.iter().next().unwrap();
    assert_eq!(
        (first.path(), first.line(), first.column()),
        ("k0", 25_002, 1)
    );
}
