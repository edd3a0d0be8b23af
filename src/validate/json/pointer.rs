//! Reading a schema at an error's location: JSON pointers through local `$ref`s, and
//! what the subschemas around a keyword say (a warning, a required field). It reads
//! the schema only; it maps no error.

use serde_json::Value as Json;

use crate::diagnostic::Severity;
use crate::validate::rule::WARNING;

/// The severity of an error whose keyword is in the subschema at `at`: a warning
/// when that subschema or one it is in says `x-masthead-warning`.
pub(super) fn severity(root: &Json, at: &str) -> Severity {
    let mut prefix = at;
    loop {
        if subschema(root, prefix).is_some_and(|s| s.get(WARNING) == Some(&Json::Bool(true))) {
            return Severity::Warning;
        }
        if prefix.is_empty() {
            return Severity::Error;
        }
        prefix = parent(prefix);
    }
}

pub(super) fn unescape(seg: &str) -> String {
    seg.replace("~1", "/").replace("~0", "~")
}

pub(super) fn parent(pointer: &str) -> &str {
    pointer.rfind('/').map_or("", |i| &pointer[..i])
}

/// The subschema at a schema location (a JSON pointer that may pass through `$ref`
/// keywords), within the root document; `None` past a `$ref` to another document.
pub(super) fn subschema<'j>(root: &'j Json, pointer: &str) -> Option<&'j Json> {
    let mut cur = root;
    for raw in pointer.split('/').skip(1) {
        let seg = unescape(raw);
        if seg == "$ref" || seg == "$dynamicRef" {
            cur = resolve(root, cur.get(&seg)?.as_str()?)?;
            continue;
        }
        cur = match cur {
            Json::Object(m) => m.get(&seg)?,
            Json::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// A local `$ref` (`#`, `#/$defs/x`) within the root document.
pub(super) fn resolve<'j>(root: &'j Json, reference: &str) -> Option<&'j Json> {
    let fragment = reference.strip_prefix('#')?;
    if fragment.is_empty() {
        return Some(root);
    }
    let decoded = percent_decode(fragment);
    root.pointer(&decoded)
}

/// The percent-escapes of a URI fragment decoded (`%20` as a space), every other
/// byte kept as it is (`&`, `=`, `+` and a `%` that starts no escape among them).
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}
