//! Front matter as the engine's input, read in place: the engine walks masthead's
//! own [`Value`] tree, so a document is not copied into a `serde_json::Value` to be
//! checked. It answers as [`convert::to_json`] would, and knows no schema.

use std::borrow::Cow;
use std::collections::HashSet;

use jsonschema::json::{Array, Json, Node, NodeIdentity, Object};
use jsonschema::types::JsonType;
use serde_json::{Number, Value as JsonValue};

use super::convert;
use crate::value::Value;

/// The engine's name for masthead's tree (`jsonschema::options_for::<Tree>()`).
///
/// A node of it is a `&Value`. Its mappings must be *plain*: every key a string,
/// no name twice ([`Value::plain`] tells, [`normalize`] makes one that is), so that a
/// mapping reads as the JSON object `to_json` makes of it. Numbers and the
/// non-finite floats (read as their YAML text) are converted as `to_json` does.
pub(super) struct Tree;

impl Json for Tree {
    type Node<'a> = &'a Value<'a>;
    type PreparedKey = Box<str>;
    type StringBuffer = Option<Value<'static>>;

    // Lookups in a mapping scan its entries: one pass over the members is never
    // dearer than one lookup per wanted name.
    const KEYS_PER_LOOKUP: usize = 1 << 16;
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> Box<str> {
        key.into()
    }

    fn with_string_node<T>(
        buffer: &mut Option<Value<'static>>,
        string: &str,
        f: impl FnOnce(Self::Node<'_>) -> T,
    ) -> T {
        f(buffer.insert(Value::Str(Cow::Owned(string.to_owned()))))
    }
}

impl<'a> Node<'a, Tree> for &'a Value<'a> {
    type Object = &'a [(Value<'a>, Value<'a>)];
    type Array = &'a [Value<'a>];
    type Number = Number;

    fn as_object(&self) -> Option<Self::Object> {
        match self {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Self::Array> {
        match self {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self {
            Value::Str(s) => Some(Cow::Borrowed(s)),
            Value::Float(f) if !f.is_finite() => Some(Cow::Owned(convert::yaml_float(*f))),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<Number> {
        match self {
            Value::Int(i) => convert::int(*i),
            Value::Float(f) => Number::from_f64(*f),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    fn json_type(&self) -> JsonType {
        match self {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Int(_) => JsonType::Number,
            Value::Float(f) if f.is_finite() => JsonType::Number,
            Value::Float(_) | Value::Str(_) => JsonType::String,
            Value::Seq(_) => JsonType::Array,
            Value::Map(_) => JsonType::Object,
        }
    }

    fn string_length_within(&self, min: u64, max: u64) -> Option<bool> {
        let Value::Str(s) = self else {
            return self.string_length().map(|n| (min..=max).contains(&n));
        };
        // A character takes one to four bytes: the byte length often decides.
        let bytes = s.len() as u64;
        if bytes < min || bytes.div_ceil(4) > max {
            return Some(false);
        }
        if min <= bytes.div_ceil(4) && bytes <= max {
            return Some(true);
        }
        Some((min..=max).contains(&(s.chars().count() as u64)))
    }

    fn equals_value(&self, expected: &JsonValue) -> bool {
        // `const` and `enum` of text, the common case, without building a value.
        match (self, expected) {
            (Value::Str(s), JsonValue::String(e)) => s == e,
            (Value::Str(_), _) => false,
            _ => jsonschema::json::cmp::equal(&self.to_value(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, JsonValue> {
        Cow::Owned(convert::to_json(self))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(
            std::ptr::from_ref::<Value<'a>>(*self) as usize
        ))
    }
}

/// The members of a plain mapping: its string keys, in order.
pub(super) struct Members<'a>(std::slice::Iter<'a, (Value<'a>, Value<'a>)>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, &'a Value<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.by_ref().find_map(|(k, v)| match k {
            Value::Str(name) => Some((name.as_ref(), v)),
            _ => None,
        })
    }
}

impl<'a> Object<'a, Tree> for &'a [(Value<'a>, Value<'a>)] {
    type Node = &'a Value<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        <[(Value<'a>, Value<'a>)]>::len(self)
    }

    fn get(&self, key: &Box<str>) -> Option<&'a Value<'a>> {
        self.iter().find_map(|(k, v)| match k {
            Value::Str(name) if name.as_ref() == key.as_ref() => Some(v),
            _ => None,
        })
    }

    fn members(&self) -> Members<'a> {
        Members(self.iter())
    }
}

impl<'a> Array<'a, Tree> for &'a [Value<'a>] {
    type Node = &'a Value<'a>;
    type ElementsIter = std::slice::Iter<'a, Value<'a>>;

    fn len(&self) -> usize {
        <[Value<'a>]>::len(self)
    }

    fn elements(&self) -> Self::ElementsIter {
        self.iter()
    }
}

/// A plain copy of `value`: each key as the field name it stands for
/// ([`convert::key_name`]), the keys that stand for none left out, and a name's
/// first entry kept, as [`convert::to_json`] does.
pub(super) fn normalize<'v>(value: &Value<'v>) -> Value<'v> {
    match value {
        Value::Seq(items) => Value::Seq(items.iter().map(normalize).collect()),
        Value::Map(entries) => {
            let mut out: Vec<(Value<'v>, Value<'v>)> = Vec::with_capacity(entries.len());
            let mut seen = HashSet::new();
            for (key, child) in entries {
                let Some(name) = convert::key_name(key) else {
                    continue;
                };
                if seen.insert(name.clone()) {
                    out.push((Value::Str(Cow::Owned(name)), normalize(child)));
                }
            }
            Value::Map(out)
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Value<'_> {
        Value::Str(Cow::Borrowed(text))
    }

    fn map(keys: Vec<Value<'_>>) -> Value<'_> {
        Value::Map(keys.into_iter().map(|k| (k, Value::Null)).collect())
    }

    #[test]
    fn plain_mappings_have_distinct_string_keys() {
        assert!(map(vec![s("a"), s("b")]).plain());
        assert!(!map(vec![s("a"), s("a")]).plain());
        assert!(!map(vec![s("a"), Value::Int(1)]).plain());
        assert!(!Value::Seq(vec![map(vec![Value::Null])]).plain());
        let many: Vec<String> = (0..40).map(|i| format!("k{i}")).collect();
        let mut keys: Vec<Value<'_>> = many.iter().map(|k| s(k)).collect();
        assert!(map(keys.clone()).plain());
        keys.push(s("k7"));
        assert!(!map(keys.clone()).plain());
        keys.pop();
        keys.push(Value::Null);
        assert!(!map(keys).plain());
        let nested = Value::Map(vec![(s("a"), map(vec![Value::Bool(true)]))]);
        assert!(!nested.plain());
        let deep = Value::Map(vec![(s("a"), map(vec![s("x"), s("x")]))]);
        assert!(!deep.plain());
        // Plain collections inside a plain one leave it plain, in a sequence and in a
        // mapping of a few keys or of many.
        let inner = || map(vec![s("x"), s("y")]);
        assert!(Value::Map(vec![(s("a"), inner())]).plain());
        assert!(Value::Seq(vec![inner(), Value::Seq(vec![inner()])]).plain());
        let mut wide: Vec<(Value<'_>, Value<'_>)> = many.iter().map(|k| (s(k), inner())).collect();
        assert!(Value::Map(wide.clone()).plain());
        // Past 16 keys, a repeated key deeper down is still found.
        wide[20].1 = map(vec![s("x"), s("x")]);
        assert!(!Value::Map(wide.clone()).plain());
        wide[20].1 = Value::Seq(vec![map(vec![Value::Int(1)])]);
        assert!(!Value::Map(wide).plain());
    }

    #[test]
    fn a_normalized_tree_is_plain_and_reads_as_its_json() {
        let value = Value::Map(vec![
            (Value::Int(1), s("one")),
            (s("1"), s("again")),
            (Value::Seq(vec![]), s("left out")),
            (Value::Null, Value::Float(f64::INFINITY)),
            (s("n"), Value::Int(i128::MAX)),
        ]);
        let normal = normalize(&value);
        assert!(normal.plain());
        assert_eq!(convert::to_json(&normal), convert::to_json(&value));
        let node: &Value<'_> = &normal;
        let object = node.as_object().unwrap();
        assert_eq!(Object::<Tree>::len(&object), 3);
        let null = Object::<Tree>::get(&object, &Tree::prepare_key("null")).unwrap();
        assert_eq!(null.json_type(), JsonType::String);
        assert_eq!(null.as_string().as_deref(), Some(".inf"));
        let n = Object::<Tree>::get(&object, &Tree::prepare_key("n")).unwrap();
        assert_eq!(n.json_type(), JsonType::Number);
        assert!(n.as_number().unwrap().as_f64().is_some());
        assert!(Object::<Tree>::get(&object, &Tree::prepare_key("2")).is_none());
    }
}
