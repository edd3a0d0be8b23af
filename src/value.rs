//! A YAML value that keeps every entry of a mapping, repeated keys included, in
//! source order, so that validation can report all of them. Scalars borrow from the
//! input where the deserializer allows. Plain data: the bridges build it, validation
//! reads it; it parses nothing.

use std::borrow::Cow;
use std::fmt;

use serde::de::{
    self, Deserialize, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(Cow<'a, str>),
    Seq(Vec<Value<'a>>),
    Map(Vec<(Value<'a>, Value<'a>)>),
}

impl Value<'_> {
    /// The text of a scalar as serde would hand it to a `String` field; `None` for
    /// null, sequences and mappings.
    pub(crate) fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Value::Str(s) => Some(Cow::Borrowed(s)),
            Value::Bool(b) => Some(Cow::Owned(b.to_string())),
            Value::Int(i) => Some(Cow::Owned(i.to_string())),
            Value::Float(f) => Some(Cow::Owned(f.to_string())),
            Value::Null | Value::Seq(_) | Value::Map(_) => None,
        }
    }

    /// What the value is, for messages: `a string`, `a sequence` …
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a sequence",
            Value::Map(_) => "a mapping",
        }
    }
}

impl Value<'_> {
    /// Whether every mapping in the value is plain: its keys all strings, none
    /// twice. Such a value has no repeated key by any reading (keys compare as
    /// their text), and reads as a JSON value with no key changed or dropped.
    /// Front matter nearly always is, and the answer is quick for it.
    pub(crate) fn plain(&self) -> bool {
        // Scalars are plain: only collections are looked into.
        let deep = |v: &Value<'_>| !matches!(v, Value::Seq(_) | Value::Map(_)) || v.plain();
        match self {
            Value::Seq(items) => items.iter().all(deep),
            Value::Map(entries) if entries.len() > 16 => {
                let mut seen = std::collections::HashSet::with_capacity(entries.len());
                entries.iter().all(|(key, child)| {
                    matches!(key, Value::Str(k) if seen.insert(k.as_ref())) && deep(child)
                })
            }
            Value::Map(entries) => {
                // A few keys: each compared with the earlier ones, no allocation.
                for (i, (key, child)) in entries.iter().enumerate() {
                    let Value::Str(key) = key else { return false };
                    let key: &str = key;
                    if entries[..i]
                        .iter()
                        .any(|(e, _)| matches!(e, Value::Str(e) if **e == *key))
                        || !deep(child)
                    {
                        return false;
                    }
                }
                true
            }
            _ => true,
        }
    }
}

impl<'de> Deserialize<'de> for Value<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value<'de>, E> {
        Ok(Value::Int(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value<'de>, E> {
        Ok(Value::Int(v.into()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value<'de>, E> {
        Ok(Value::Int(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value<'de>, E> {
        i128::try_from(v)
            .map(Value::Int)
            .or_else(|_| Ok(Value::Str(Cow::Owned(v.to_string()))))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value<'de>, E> {
        Ok(Value::Float(v))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Owned(v)))
    }

    fn visit_unit<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value<'de>, D::Error> {
        Value::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(256));
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Value::Map(entries))
    }

    /// A tagged value (`!custom x`): the tag is dropped, as it is for typed fields.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value<'de>, A::Error> {
        let (_tag, variant): (de::IgnoredAny, _) = data.variant()?;
        variant.newtype_variant()
    }
}
