//! The invariants of the fuzz targets, one function per target. The targets in
//! `fuzz_targets/` and the replay test in `tests/it/fuzz_replay.rs` both include
//! this file, so stable CI checks every seed and past crash exactly as the fuzzer
//! does. Each function panics when an invariant breaks; that is the finding.
#![allow(dead_code)]

use masthead::{
    from_slice, from_str, split, split_bytes, validate, Diagnostic, Document, Error, Kind,
    Location, Options, Release, Renderer, Report, Rule, Schema, Span,
};

#[path = "edit_checks.rs"]
pub mod edit_checks;

/// A target's check of one input.
pub type Check = fn(&[u8]);

/// Every target, by name, as the seed folders and `cargo fuzz run` name them.
pub const TARGETS: [(&str, Check); 7] = [
    ("split", split_target),
    ("from_str_value", from_str_value),
    ("from_str_release", from_str_release),
    ("validate", validate_target),
    ("lint", lint),
    ("write_back", write_back),
    ("edit", edit),
];

/// YAML values that `edit` sets or pushes, chosen by the input's third byte: the
/// words other readers misread, dates, flow collections, escapes, null.
const EDIT_VALUES: [&str; 16] = [
    "x",
    "yes",
    "NO",
    "2026-11-28",
    "1:20",
    "0o17",
    "[a, b]",
    "{x: 1}",
    "[]",
    "{}",
    "\"two\\nlines\"",
    "'it''s'",
    "~",
    "-1.5e3",
    "\"a: b\"",
    "\"#no comment\"",
];

/// Surgical edits: the input's first three bytes choose an operation (set, push,
/// remove), a path among the document's own keys, list items and nested keys
/// (or a new key), and a value (one of `EDIT_VALUES`, or, past them, the
/// input's next line as YAML); the rest is the document. The editor never panics,
/// and whenever it makes the edit, only the lines of the edited entry change and
/// the document reads back as the old metadata with exactly that change
/// (`edit_checks::check`).
pub fn edit(data: &[u8]) {
    use edit_checks::{addressable, check, metadata, Op, Seg};
    let [op, which, value, rest @ ..] = data else {
        return;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        return;
    };
    let (value, src) = match EDIT_VALUES.get(usize::from(*value)) {
        Some(v) => (*v, rest),
        None => rest.split_once('\n').unwrap_or((rest, "")),
    };
    let mut paths = vec![vec![Seg::Key("new".to_owned())]];
    fn walk(node: &serde_json::Value, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
        if path.len() > 3 {
            return;
        }
        let children: Vec<(Seg, &serde_json::Value)> = match node {
            serde_json::Value::Object(map) => map
                .iter()
                .filter(|(k, _)| addressable(k))
                .map(|(k, v)| (Seg::Key(k.clone()), v))
                .collect(),
            serde_json::Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Seg::Index(i), v))
                .collect(),
            _ => Vec::new(),
        };
        for (seg, child) in children {
            path.push(seg);
            out.push(path.clone());
            if child.is_object() {
                let mut new = path.clone();
                new.push(Seg::Key("new".to_owned()));
                out.push(new);
            }
            walk(child, path, out);
            path.pop();
        }
    }
    if let Some(meta) = metadata(src) {
        walk(
            &serde_json::Value::Object(meta),
            &mut Vec::new(),
            &mut paths,
        );
    }
    let path = paths[usize::from(*which) % paths.len()].clone();
    let op = match op % 3 {
        0 => Op::Set(path, value.to_owned()),
        1 => Op::Push(path, value.to_owned()),
        _ => Op::Remove(path),
    };
    if let Err(failure) = check(src, &op) {
        panic!("{op:?} on {src:?}: {failure}");
    }
}

/// Write-back: a document re-emitted with its own front matter is the input byte
/// for byte; metadata that reads as a generic value, serialized back into the
/// document, reads back equal, with the body and the byte-order mark unchanged.
pub fn write_back(data: &[u8]) {
    let Ok(doc) = split_bytes(data) else { return };
    if let Some(block) = doc.front_matter() {
        assert_eq!(
            doc.with_front_matter(block),
            doc.source(),
            "identity re-emit"
        );
    }
    let Ok(value) = doc.deserialize::<serde_json::Value>() else {
        return;
    };
    // `to_string` refuses metadata whose text would not read back as written.
    let Ok(out) = masthead::to_string(&value, &doc) else {
        return;
    };
    let again = split(&out).expect("a re-emitted document splits");
    assert_eq!(again.body(), doc.body(), "the body is kept");
    assert_eq!(
        again.has_bom(),
        doc.has_bom(),
        "the byte-order mark is kept"
    );
    let back: serde_json::Value = again.deserialize().expect("re-emitted metadata reads back");
    assert_eq!(back, value, "re-emitted metadata reads back equal");
}

fn split_target(data: &[u8]) {
    split_invariants(data);
}

/// `split`: the byte-order mark, opening fence, block, closing fence and body put
/// back together are the input; spans are in bounds, on character boundaries, in
/// order, and their lines and columns are those of their offsets. Returns whether
/// the input was UTF-8 (other inputs only exercise the UTF-8 error).
pub fn split_invariants(data: &[u8]) -> bool {
    let Ok(src) = std::str::from_utf8(data) else {
        let err = split_bytes(data).unwrap_err();
        assert_eq!(err.kind(), Kind::InvalidUtf8);
        let valid = std::str::from_utf8(data).unwrap_err().valid_up_to();
        assert_eq!(err.span().start(), valid);
        assert!(err.span().end() <= data.len() && err.span().end() > valid);
        let prefix = std::str::from_utf8(&data[..valid]).unwrap();
        assert_eq!(err.location(), Location::of(prefix, valid));
        return false;
    };
    let result = split(src);
    assert_eq!(split_bytes(data), result);
    let bom = if src.starts_with('\u{feff}') { 3 } else { 0 };
    match result {
        Ok(doc) => {
            assert_eq!(doc.has_bom(), bom == 3);
            let body = doc.body_span();
            span_ok(src, body);
            assert_eq!(body.end(), src.len());
            assert_eq!(doc.body(), &src[body.range()]);
            match (
                doc.opening_fence_span(),
                doc.front_matter_span(),
                doc.closing_fence_span(),
            ) {
                (Some(open), Some(block), Some(close)) => {
                    for s in [open, block, close] {
                        span_ok(src, s);
                    }
                    assert_eq!(open.start(), bom);
                    assert_eq!(open.end(), block.start());
                    assert_eq!(block.end(), close.start());
                    assert_eq!(close.end(), body.start());
                    assert_eq!(doc.front_matter(), Some(&src[block.range()]));
                    let parts = [open, block, close, body].map(|s| &src[s.range()]);
                    assert_eq!(format!("{}{}", &src[..bom], parts.concat()), src);
                    let open_text = src[open.range()].trim_end_matches(['\r', '\n']);
                    assert_eq!(open_text.trim_end_matches([' ', '\t']), "---");
                    let close_text = src[close.range()].trim_end_matches(['\r', '\n']);
                    assert!(matches!(
                        close_text.trim_end_matches([' ', '\t']),
                        "---" | "..."
                    ));
                }
                (None, None, None) => {
                    assert_eq!(body.start(), bom);
                    assert_eq!(doc.front_matter(), None);
                }
                other => panic!("fences half there: {other:?}"),
            }
        }
        Err(e) => {
            assert_eq!(e.kind(), Kind::UnterminatedFrontMatter);
            assert_eq!((e.span().start(), e.line(), e.column()), (bom, 1, 1));
            error_ok(src, &e);
        }
    }
    true
}

/// A span of `src`: in bounds, on character boundaries, with the line and column of
/// its start.
fn span_ok(src: &str, span: Span) {
    assert!(
        span.start() <= span.end() && span.end() <= src.len(),
        "{span:?}"
    );
    assert!(
        src.get(span.range()).is_some(),
        "{span:?} splits a character"
    );
    assert_eq!(span.location(), Location::of(src, span.start()), "{span:?}");
}

/// An error positioned inside `src`.
fn error_ok(src: &str, e: &Error) {
    span_ok(src, e.span());
    assert_eq!(e.location(), e.span().location());
    assert!(!e.message().is_empty());
    assert!(!e.to_string().is_empty());
}

/// A diagnostic positioned inside `src`.
fn diagnostic_ok(src: &str, d: &Diagnostic) {
    span_ok(src, d.span());
    assert!(!d.message().is_empty());
}

/// A typed parse of `src` into `T`: the body is the split's, and any error is
/// positioned inside the document.
fn typed<'a, T: serde::Deserialize<'a>>(src: &'a str) {
    let doc = split(src);
    match from_str::<T>(src) {
        Ok(parsed) => assert_eq!(Some(parsed.body), doc.ok().map(|d| d.body())),
        Err(e) => error_ok(src, &e),
    }
    // Required front matter: the same, or an error positioned inside the document.
    if let Err(e) = Options::new().require_front_matter(true).from_str::<T>(src) {
        error_ok(src, &e);
    }
}

/// `from_str` into a generic value (`serde_json::Value`: every scalar, sequence and
/// mapping, and an error for keys that are not strings); never a panic, every error
/// inside the document.
pub fn from_str_value(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    typed::<serde_json::Value>(src);
    typed::<serde::de::IgnoredAny>(src);
}

/// `from_str` and `from_slice` into [`Release`]: never a panic, every error inside
/// the document, and the two agree.
pub fn from_str_release(data: &[u8]) {
    let slice = from_slice::<Release>(data);
    let Ok(src) = std::str::from_utf8(data) else {
        assert_eq!(slice.unwrap_err().kind(), Kind::InvalidUtf8);
        return;
    };
    typed::<Release>(src);
    assert_eq!(slice, from_str::<Release>(src));
}

/// A strict schema with nested rules of every kind.
fn strict_schema() -> Schema {
    Schema::new()
        .required("title", Rule::string().non_empty())
        .optional("date", Rule::date())
        .optional("tags", Rule::list(Rule::string()).min_len(1))
        .optional("links", Rule::list(Rule::url().schemes(["https"])))
        .optional(
            "author",
            Rule::mapping(
                Schema::new()
                    .required("name", Rule::string())
                    .optional("url", Rule::url().host_suffix("example.org"))
                    .strict(true),
            ),
        )
        .optional(
            "draft",
            Rule::one_of([Rule::from(Rule::string()), Rule::list(Rule::any()).into()]),
        )
        .strict(true)
}

/// `validate` with the release schema and a strict schema: never a panic, every
/// diagnostic inside the document.
pub fn validate_target(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = split(src) else {
        return;
    };
    for schema in [Schema::release(), strict_schema(), Schema::any()] {
        let report = validate(&doc, &schema);
        for d in &report {
            diagnostic_ok(src, d);
        }
        assert_eq!(report.is_valid(), report.error_count() == 0);
    }
    let _ = masthead::from_str_validated::<Release>(src, &Schema::release())
        .map_err(|report| report.iter().for_each(|d| diagnostic_ok(src, d)));
}

/// The lint example's path on arbitrary bytes: split, validate with both schemas,
/// render and serialize. The rendering shows no raw control or bidi character and
/// the JSON reads back.
pub fn lint(data: &[u8]) {
    let doc: Result<Document<'_>, Error> = split_bytes(data);
    let shown = String::from_utf8_lossy(data);
    for schema in [Schema::any(), Schema::release()] {
        let report = match &doc {
            Ok(doc) => validate(doc, &schema),
            Err(e) => Report::from(e.clone()),
        };
        for d in &report {
            // Positions are in the bytes, which are the source when they are UTF-8.
            assert!(d.span().end() <= data.len());
            if doc.is_ok() {
                diagnostic_ok(&shown, d);
            }
        }
        let text = Renderer::new().render_report(&report, "fuzz.md", &shown);
        if let Some(c) = text.chars().find(|&c| is_hazard(c)) {
            panic!("raw {c:?} in the rendering {text:?}");
        }
        let json = serde_json::to_string(report.as_slice()).unwrap();
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back.as_array().map(Vec::len), Some(report.len()));
    }
}

/// A character a terminal must never receive raw: controls other than the line
/// feed, and bidi controls.
fn is_hazard(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
