//! The check after each edit: the edited document must split as before and read
//! back as the old value with exactly the one change made. It reads values only;
//! it plans and writes nothing.

use crate::diagnostic::{Error, Kind};
use crate::document::{Document, Format};
use crate::limits::Limits;
use crate::path::Segment;
use crate::value::Value;
use crate::yaml::shape::{owned, value_of};

use super::yaml::Op;

/// The front matter's value (an empty mapping for none), checked to be a mapping.
pub(super) fn root_value(doc: &Document<'_>) -> Result<Value<'static>, Error> {
    let value = owned(doc.value(Limits::new())?.0);
    match value {
        Value::Null => Ok(Value::Map(Vec::new())),
        Value::Map(_) => Ok(value),
        other => Err(Error::new(
            Kind::InvalidType,
            "",
            format!(
                "invalid type: {}, expected a mapping at the root of the front matter",
                other.describe()
            ),
            doc.anchor(),
        )),
    }
}

/// Checks that `text`, `doc` after `op` at `path`, reads back as `doc`'s value with
/// that one change, and keeps its body and format.
pub(super) fn result(
    doc: &Document<'_>,
    text: &str,
    path: &[Segment],
    op: Op,
) -> Result<(), String> {
    let mut expected = root_value(doc).map_err(|e| e.to_string())?;
    apply(&mut expected, path, op)?;
    let again =
        crate::split(text).map_err(|e| format!("the edited document does not split: {e}"))?;
    if again.body() != doc.body() || (doc.has_front_matter() && again.format() != doc.format()) {
        return Err("the edit would change the fences or the body".to_owned());
    }
    let got = root_value(&again)
        .map_err(|e| format!("the edited front matter does not read back: {e}"))?;
    // A repeated key that the crate's readers see only after the edit (the edit
    // removed what kept the span parser from reading the block): the document
    // would no longer read.
    if let Some(e) = repeated_key(&again) {
        if repeated_key(doc).is_none() {
            return Err(format!(
                "the edited front matter does not read back: {}",
                e.message()
            ));
        }
    }
    // Debug text, so that NaN equals NaN; keys in any order (a new TOML key comes
    // before the block's tables).
    if format!("{:?}", sorted(got)) != format!("{:?}", sorted(expected)) {
        return Err("the edited front matter would not read back as the edit meant".to_owned());
    }
    Ok(())
}

/// The repeated key that reading `doc`'s YAML block reports, if any.
fn repeated_key(doc: &Document<'_>) -> Option<Error> {
    if doc.format() != Some(Format::Yaml) {
        return None;
    }
    crate::yaml::deserialize_with::<serde::de::IgnoredAny>(doc, &Limits::new())
        .err()
        .filter(|e| e.kind() == Kind::DuplicateKey)
}

/// `value` with the entries of every mapping in the order of their keys.
fn sorted(value: Value<'static>) -> Value<'static> {
    match value {
        Value::Seq(items) => Value::Seq(items.into_iter().map(sorted).collect()),
        Value::Map(entries) => {
            let mut entries: Vec<_> = entries.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            entries.sort_by_cached_key(|(k, _)| format!("{k:?}"));
            Value::Map(entries)
        }
        other => other,
    }
}

/// `op` at `path` of `value`.
fn apply(value: &mut Value<'static>, path: &[Segment], op: Op) -> Result<(), String> {
    let Some((last, parents)) = path.split_last() else {
        return Err("empty path".to_owned());
    };
    let piece = match &op {
        Op::Set(p) | Op::Push(p) => Some(value_of(&p.flow())?),
        Op::Remove => None,
    };
    let mut node = value;
    for seg in parents {
        node = match child(node, seg, piece.is_some()) {
            Some(n) => n,
            None => return Ok(()),
        };
    }
    match (op, piece) {
        (Op::Set(_), Some(new)) => {
            if let Some(slot) = child(node, last, true) {
                *slot = new;
            }
        }
        (Op::Push(_), Some(item)) => {
            if let Some(slot) = child(node, last, true) {
                match slot {
                    Value::Seq(items) => items.push(item),
                    other => *other = Value::Seq(vec![item]),
                }
            }
        }
        _ => match (node, last) {
            (Value::Map(entries), Segment::Key(k)) => {
                if let Some(i) = entries.iter().position(|(key, _)| is_key(key, k)) {
                    entries.remove(i);
                }
            }
            (Value::Seq(items), Segment::Index(i)) if *i < items.len() => {
                items.remove(*i);
            }
            _ => {}
        },
    }
    Ok(())
}

fn is_key(key: &Value<'_>, k: &str) -> bool {
    key.text().as_deref() == Some(k)
}

/// The child of `node` at `seg`; with `create`, an absent key is added (null), and
/// a null node becomes a mapping first.
fn child<'v>(
    node: &'v mut Value<'static>,
    seg: &Segment,
    create: bool,
) -> Option<&'v mut Value<'static>> {
    if create && matches!(node, Value::Null) && matches!(seg, Segment::Key(_)) {
        *node = Value::Map(Vec::new());
    }
    match (node, seg) {
        (Value::Map(entries), Segment::Key(k)) => {
            let i = match entries.iter().position(|(key, _)| is_key(key, k)) {
                Some(i) => i,
                None if create => {
                    entries.push((Value::Str(k.clone().into()), Value::Null));
                    entries.len() - 1
                }
                None => return None,
            };
            entries.get_mut(i).map(|(_, v)| v)
        }
        (Value::Seq(items), Segment::Index(i)) => items.get_mut(*i),
        _ => None,
    }
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
