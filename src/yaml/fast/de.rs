//! The deserializer of the fast path: the parser's events handed to `T`'s visitors,
//! method by method as the full deserializer would hand them. Any error is a
//! [`Decline`] that carries no message: the caller then takes the full path.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use super::scalar::{
    digits_but_not_number, is_null, parse_bool, parse_f64, parse_negative_int, parse_signed_int,
    parse_unsigned_int,
};
use super::{Event, Scalar, Style};

/// Any failure of the fast path. It carries nothing but the name of a field that a
/// visitor found missing: the caller takes the full path, which produces the real
/// error, or reports a missing field of the top level itself (see [`Miss`](super::Miss)).
#[derive(Debug)]
pub(crate) struct Decline {
    pub(super) missing_field: Option<&'static str>,
}

impl Decline {
    const OUTSIDE: Decline = Decline {
        missing_field: None,
    };
}

impl fmt::Display for Decline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outside the fast path")
    }
}

impl std::error::Error for Decline {}

impl de::Error for Decline {
    fn custom<M: fmt::Display>(_msg: M) -> Self {
        Decline::OUTSIDE
    }

    fn missing_field(field: &'static str) -> Self {
        Decline {
            missing_field: Some(field),
        }
    }
}

type Result<T> = std::result::Result<T, Decline>;

pub(super) struct Events<'p, 'a> {
    pub(super) events: &'p [Event<'a>],
    pub(super) pos: usize,
    /// Collections and newtypes left before the recursion limit.
    pub(super) depth: u8,
    /// The [`Events::depth`] at which the first error went through this
    /// deserializer, if any did.
    pub(super) first_error_depth: Option<u8>,
}

/// The recursion limit of the full deserializer: [`Events::depth`] at the top.
pub(super) const TOP: u8 = 128;

impl<'p, 'a> Events<'p, 'a> {
    fn peek(&self) -> Result<&'p Event<'a>> {
        self.events.get(self.pos).ok_or(Decline::OUTSIDE)
    }

    fn next(&mut self) -> Result<&'p Event<'a>> {
        let event = self.peek()?;
        self.pos += 1;
        Ok(event)
    }

    fn track<T>(&mut self, result: Result<T>) -> Result<T> {
        if result.is_err() {
            self.fail();
        }
        result
    }

    /// Records an error.
    fn fail(&mut self) {
        if self.first_error_depth.is_none() {
            self.first_error_depth = Some(self.depth);
        }
    }

    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        let previous = self.depth;
        self.depth = previous.checked_sub(1).ok_or(Decline::OUTSIDE)?;
        let result = f(self);
        self.depth = previous;
        result
    }

    fn visit_sequence<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        let value = self.nested(|de| visitor.visit_seq(Access { de, empty: false }))?;
        // Entries the visitor left: the full path reads them and fails.
        match self.next()? {
            Event::SeqEnd => Ok(value),
            _ => Err(Decline::OUTSIDE),
        }
    }

    fn visit_mapping<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        let value = self.nested(|de| visitor.visit_map(Access { de, empty: false }))?;
        match self.next()? {
            Event::MapEnd => Ok(value),
            _ => Err(Decline::OUTSIDE),
        }
    }

    /// Where the node that starts at event `from` ends (the event after it), or
    /// `None` when the events end first or `from` is the end of a collection.
    fn after_node(&self, from: usize) -> Option<usize> {
        let mut open = 0usize;
        for (i, event) in self.events.get(from..)?.iter().enumerate() {
            match event {
                Event::Scalar(_) => {}
                Event::SeqStart | Event::MapStart => open += 1,
                Event::SeqEnd | Event::MapEnd => open = open.checked_sub(1)?,
            }
            if open == 0 {
                return Some(from + i + 1);
            }
        }
        None
    }

    /// How many nodes the open collection has from the next event to its end: the
    /// size hint that spares a visitor growing its `Vec` item by item. A count of
    /// the events left in the collection, so a visitor that asks once (as serde's
    /// and masthead's do) pays for one more pass over them.
    fn children(&self) -> usize {
        let mut at = self.pos;
        let mut nodes = 0;
        while let Some(next) = self.after_node(at) {
            nodes += 1;
            at = next;
        }
        nodes
    }

    /// Skips one node.
    fn ignore(&mut self) -> Result<()> {
        self.pos = self.after_node(self.pos).ok_or(Decline::OUTSIDE)?;
        Ok(())
    }

    fn any<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.next()? {
            Event::Scalar(s) => visit_scalar(visitor, s),
            Event::SeqStart => self.visit_sequence(visitor),
            Event::MapStart => self.visit_mapping(visitor),
            Event::SeqEnd | Event::MapEnd => Err(Decline::OUTSIDE),
        }
    }

    /// A plain scalar's value (typed numbers and booleans only read plain ones).
    fn plain(&mut self) -> Result<&'p str> {
        match self.next()? {
            Event::Scalar(s) if s.style == Style::Plain => Ok(&s.value),
            _ => Err(Decline::OUTSIDE),
        }
    }

    fn str<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.next()? {
            Event::Scalar(s) => visit_str(visitor, s),
            _ => Err(Decline::OUTSIDE),
        }
    }

    fn option<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        let is_some = match self.peek()? {
            Event::Scalar(s) => {
                s.style != Style::Plain || !(s.value.is_empty() || is_null(&s.value))
            }
            Event::SeqStart | Event::MapStart => true,
            Event::SeqEnd | Event::MapEnd => return Err(Decline::OUTSIDE),
        };
        if is_some {
            visitor.visit_some(self)
        } else {
            self.pos += 1;
            visitor.visit_none()
        }
    }

    fn unit<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.next()? {
            Event::Scalar(s)
                if s.style == Style::Plain && (s.value.is_empty() || is_null(&s.value)) =>
            {
                visitor.visit_unit()
            }
            _ => Err(Decline::OUTSIDE),
        }
    }

    /// A sequence, or an empty plain scalar read as an empty one.
    fn seq<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.next()? {
            Event::SeqStart => self.visit_sequence(visitor),
            Event::Scalar(s) if s.style == Style::Plain && s.value.is_empty() => {
                visitor.visit_seq(Access {
                    de: self,
                    empty: true,
                })
            }
            _ => Err(Decline::OUTSIDE),
        }
    }

    /// A mapping, or an empty plain scalar read as an empty one.
    fn map<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.next()? {
            Event::MapStart => self.visit_mapping(visitor),
            Event::Scalar(s) if s.style == Style::Plain && s.value.is_empty() => {
                visitor.visit_map(Access {
                    de: self,
                    empty: true,
                })
            }
            _ => Err(Decline::OUTSIDE),
        }
    }

    /// An enum written as a plain or quoted scalar: a unit variant.
    fn enumeration<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.peek()? {
            Event::Scalar(_) => visitor.visit_enum(UnitVariant { de: self }),
            _ => Err(Decline::OUTSIDE),
        }
    }
}

/// Calls the visitor method the full deserializer calls for this scalar when any
/// type will do.
fn visit_scalar<'a, V: Visitor<'a>>(visitor: V, s: &Scalar<'a>) -> Result<V::Value> {
    if s.style != Style::Plain {
        return visit_str(visitor, s);
    }
    let v: &str = &s.value;
    if v.is_empty() || is_null(v) {
        return visitor.visit_unit();
    }
    if let Some(b) = parse_bool(v) {
        return visitor.visit_bool(b);
    }
    // Past the null and boolean words, a scalar that starts with a letter or a
    // non-ASCII character is text: an integer starts with a digit or a sign, and
    // the words Rust's float parser takes (`inf`, `infinity`, `nan`) are not finite,
    // which the resolution below rejects. Most values of real front matter end here.
    if v.as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic() || !b.is_ascii())
        || inner_sign(v)
    {
        return visit_str(visitor, s);
    }
    if let Some(int) = parse_unsigned_int(v, u64::from_str_radix) {
        return visitor.visit_u64(int);
    }
    if let Some(int) = parse_negative_int(v, i64::from_str_radix) {
        return visitor.visit_i64(int);
    }
    if let Some(int) = parse_unsigned_int(v, u128::from_str_radix) {
        return visitor.visit_u128(int);
    }
    if let Some(int) = parse_negative_int(v, i128::from_str_radix) {
        return visitor.visit_i128(int);
    }
    if !digits_but_not_number(v) {
        if let Some(float) = parse_f64(v) {
            return visitor.visit_f64(float);
        }
    }
    visit_str(visitor, s)
}

/// Whether a sign stands inside `v` other than after an exponent mark (`2024-05-13`,
/// `10:00+12:00`): no integer or float is written so (an integer's sign comes first,
/// a float's first or after its `e`), so the scalar is text, and the dates of front
/// matter skip the number parsers.
fn inner_sign(v: &str) -> bool {
    v.as_bytes()
        .windows(2)
        .any(|w| matches!(w[1], b'+' | b'-') && !matches!(w[0], b'e' | b'E'))
}

/// `visit_borrowed_str` when the value can be found in the text, else `visit_str`.
fn visit_str<'a, V: Visitor<'a>>(visitor: V, s: &Scalar<'a>) -> Result<V::Value> {
    match borrowed(s) {
        Some(b) => visitor.visit_borrowed_str(b),
        None => visitor.visit_str(&s.value),
    }
}

/// The value as a slice of the text, by the full deserializer's rule: the value's
/// bytes must end where the scalar's text ends (before the closing quote). That rule
/// also borrows some escaped values by coincidence (`"\\\\"` gives `\\`), and so
/// does this.
pub(super) fn borrowed<'a>(s: &Scalar<'a>) -> Option<&'a str> {
    if let Cow::Borrowed(value) = s.value {
        // Plain scalars are their text; quoted ones without escapes, their inside.
        return Some(value);
    }
    let offset = usize::from(s.style != Style::Plain);
    let end = s.repr.len().checked_sub(offset)?;
    let start = end.checked_sub(s.value.len())?;
    if s.repr.as_bytes().get(start..end)? == s.value.as_bytes() {
        s.repr.get(start..end)
    } else {
        None
    }
}

/// The sequence and mapping access of [`Events`].
struct Access<'d, 'p, 'a> {
    de: &'d mut Events<'p, 'a>,
    /// An empty plain scalar read as an empty collection.
    empty: bool,
}

impl<'a> de::SeqAccess<'a> for Access<'_, '_, 'a> {
    type Error = Decline;

    fn next_element_seed<T: DeserializeSeed<'a>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.empty {
            return Ok(None);
        }
        let result = match self.de.peek() {
            Ok(Event::SeqEnd) => Ok(None),
            Ok(_) => seed.deserialize(&mut *self.de).map(Some),
            Err(e) => Err(e),
        };
        self.de.track(result)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(if self.empty { 0 } else { self.de.children() })
    }
}

impl<'a> de::MapAccess<'a> for Access<'_, '_, 'a> {
    type Error = Decline;

    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.empty {
            return Ok(None);
        }
        let result = match self.de.peek() {
            Ok(Event::MapEnd) => Ok(None),
            Ok(_) => seed.deserialize(&mut *self.de).map(Some),
            Err(e) => Err(e),
        };
        self.de.track(result)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value> {
        let result = seed.deserialize(&mut *self.de);
        self.de.track(result)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(if self.empty {
            0
        } else {
            self.de.children() / 2
        })
    }
}

/// A unit variant named by a scalar.
struct UnitVariant<'d, 'p, 'a> {
    de: &'d mut Events<'p, 'a>,
}

impl<'a> de::EnumAccess<'a> for UnitVariant<'_, '_, 'a> {
    type Error = Decline;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'a>>(self, seed: V) -> Result<(V::Value, Self)> {
        let result = seed.deserialize(&mut *self.de);
        let variant = self.de.track(result)?;
        Ok((variant, self))
    }
}

impl<'a> de::VariantAccess<'a> for UnitVariant<'_, '_, 'a> {
    type Error = Decline;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, _seed: T) -> Result<T::Value> {
        self.de.fail();
        Err(Decline::OUTSIDE)
    }

    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        self.de.fail();
        Err(Decline::OUTSIDE)
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        self.de.fail();
        Err(Decline::OUTSIDE)
    }
}

/// One method of the deserializer: its body, with any error recorded.
macro_rules! tracked {
    ($($name:ident($($arg:ident: $ty:ty),*) => |$de:ident, $v:ident| $body:expr;)*) => {
        $(
            fn $name<V: Visitor<'a>>(self, $($arg: $ty,)* $v: V) -> Result<V::Value> {
                $(let _ = $arg;)*
                let $de = &mut *self;
                let result = $body;
                self.track(result)
            }
        )*
    };
}

impl<'a> Deserializer<'a> for &mut Events<'_, 'a> {
    type Error = Decline;

    tracked! {
        deserialize_any() => |de, v| de.any(v);
        deserialize_bool() => |de, v| match de.plain().map(parse_bool) {
            Ok(Some(b)) => v.visit_bool(b),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_i8() => |de, v| de.deserialize_i64(v);
        deserialize_i16() => |de, v| de.deserialize_i64(v);
        deserialize_i32() => |de, v| de.deserialize_i64(v);
        deserialize_i64() => |de, v| match de.plain().map(|s| parse_signed_int(s, i64::from_str_radix)) {
            Ok(Some(i)) => v.visit_i64(i),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_i128() => |de, v| match de.plain().map(|s| parse_signed_int(s, i128::from_str_radix)) {
            Ok(Some(i)) => v.visit_i128(i),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_u8() => |de, v| de.deserialize_u64(v);
        deserialize_u16() => |de, v| de.deserialize_u64(v);
        deserialize_u32() => |de, v| de.deserialize_u64(v);
        deserialize_u64() => |de, v| match de.plain().map(|s| parse_unsigned_int(s, u64::from_str_radix)) {
            Ok(Some(i)) => v.visit_u64(i),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_u128() => |de, v| match de.plain().map(|s| parse_unsigned_int(s, u128::from_str_radix)) {
            Ok(Some(i)) => v.visit_u128(i),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_f32() => |de, v| de.deserialize_f64(v);
        deserialize_f64() => |de, v| match de.plain().map(parse_f64) {
            Ok(Some(f)) => v.visit_f64(f),
            _ => Err(Decline::OUTSIDE),
        };
        deserialize_char() => |de, v| de.str(v);
        deserialize_str() => |de, v| de.str(v);
        deserialize_string() => |de, v| de.str(v);
        deserialize_bytes() => |_de, _v| Err(Decline::OUTSIDE);
        deserialize_byte_buf() => |_de, _v| Err(Decline::OUTSIDE);
        deserialize_option() => |de, v| de.option(v);
        deserialize_unit() => |de, v| de.unit(v);
        deserialize_unit_struct(name: &'static str) => |de, v| de.unit(v);
        deserialize_newtype_struct(name: &'static str) => |de, v| {
            de.peek().and_then(|_| de.nested(|de| v.visit_newtype_struct(de)))
        };
        deserialize_seq() => |de, v| de.seq(v);
        deserialize_tuple(len: usize) => |de, v| de.seq(v);
        deserialize_tuple_struct(name: &'static str, len: usize) => |de, v| de.seq(v);
        deserialize_map() => |de, v| de.map(v);
        deserialize_struct(name: &'static str, fields: &'static [&'static str]) => |de, v| de.map(v);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]) => |de, v| de.enumeration(v);
        deserialize_identifier() => |de, v| de.str(v);
        deserialize_ignored_any() => |de, v| de.ignore().and_then(|()| v.visit_unit());
    }
}
