//! Quoting for other readers: serde_yaml writes a string plain whenever YAML 1.2
//! reads it back as that string; this pass quotes the plain ones that a YAML 1.1
//! reader would misread, and keeps dates written by date types plain. It decides
//! nothing about what is misread: that is `crate::compat`'s knowledge.

use std::cell::RefCell;
use std::fmt::Display;
use std::hash::{BuildHasher, Hasher};

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde::ser::{self, Serialize, Serializer};

use crate::compat;
use crate::value::Value;

/// The texts that date and time types wrote (through `collect_str`), each replaced
/// in serde_yaml's output by a token that the pass below puts back, unquoted.
pub(super) struct Dates {
    token: String,
    texts: RefCell<Vec<String>>,
}

impl Dates {
    pub(super) fn new() -> Self {
        // A token no metadata holds: random for each write.
        let nonce = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        Dates {
            token: format!("mastheadplaindate{nonce:016x}n"),
            texts: RefCell::new(Vec::new()),
        }
    }

    fn token_for(&self, text: String) -> String {
        let mut texts = self.texts.borrow_mut();
        texts.push(text);
        format!("{}{}", self.token, texts.len() - 1)
    }

    fn text_of(&self, scalar: &str) -> Option<String> {
        let i: usize = scalar.strip_prefix(&self.token)?.parse().ok()?;
        self.texts.borrow().get(i).cloned()
    }
}

/// `text` (serde_yaml's output for metadata serialized through [`Plain`]) with every
/// plain string scalar that a YAML 1.1 reader would misread put in single quotes,
/// and every date token replaced by its date, plain. `None` when the text is not
/// YAML that saphyr-parser reads (serde_yaml's output always is).
pub(super) fn requote(text: &str, dates: &Dates) -> Option<String> {
    let byte = super::locate::char_to_byte(text);
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    let mut parser = Parser::new_from_str(text);
    while let Some(event) = parser.next_event() {
        let (event, span) = event.ok()?;
        // Tagged too: serde_yaml writes a newtype variant as `!Variant value`.
        let Event::Scalar(value, ScalarStyle::Plain, _, tag) = event else {
            continue;
        };
        let replacement = if let Some(date) = dates.text_of(&value) {
            date
        } else if compat::needs_quotes(&value) && reads_as_string(&value) {
            format!("'{}'", value.replace('\'', "''"))
        } else {
            continue;
        };
        let (start, end) = (byte(span.start.index()), byte(span.end.index()));
        let end = start + text.get(start..end)?.trim_end().len();
        // A tagged scalar's span starts at its tag, which stays: replace only the
        // value after it (one line, as serde_yaml writes every tagged scalar).
        let start = match tag {
            None => start,
            Some(_) if text.get(start..end)?.ends_with(&*value) => end - value.len(),
            Some(_) => continue,
        };
        out.push_str(text.get(copied..start)?);
        out.push_str(&replacement);
        copied = end;
    }
    out.push_str(text.get(copied..)?);
    Some(out)
}

/// Whether serde_yaml (YAML 1.2) reads the plain scalar `text` as a string: then it
/// came from a string, not from a number, a boolean or a unit.
fn reads_as_string(text: &str) -> bool {
    matches!(serde_yaml::from_str::<Value<'_>>(text), Ok(Value::Str(_)))
}

/// Metadata serialized as itself, except that a date or time written through
/// `collect_str` (chrono's and jiff's types) whose text is a YAML 1.1 timestamp
/// becomes a token of [`Dates`].
pub(super) struct Plain<'d, T: ?Sized>(pub(super) &'d T, pub(super) &'d Dates);

impl<T: Serialize + ?Sized> Serialize for Plain<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Proxy(s, self.1))
    }
}

/// A serializer (or one of its compound parts) that forwards everything to `S`,
/// wrapping nested values in [`Plain`].
struct Proxy<'d, S>(S, &'d Dates);

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $method(self, $($arg: $ty),*) -> Result<S::Ok, S::Error> {
            self.0.$method($($arg),*)
        })*
    };
}

impl<'d, S: Serializer> Serializer for Proxy<'d, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Proxy<'d, S::SerializeSeq>;
    type SerializeTuple = Proxy<'d, S::SerializeTuple>;
    type SerializeTupleStruct = Proxy<'d, S::SerializeTupleStruct>;
    type SerializeTupleVariant = Proxy<'d, S::SerializeTupleVariant>;
    type SerializeMap = Proxy<'d, S::SerializeMap>;
    type SerializeStruct = Proxy<'d, S::SerializeStruct>;
    type SerializeStructVariant = Proxy<'d, S::SerializeStructVariant>;

    forward! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&Plain(v, self.1))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &Plain(v, self.1))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &Plain(v, self.1))
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Ok(Proxy(self.0.serialize_seq(len)?, self.1))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        Ok(Proxy(self.0.serialize_tuple(len)?, self.1))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        Ok(Proxy(self.0.serialize_tuple_struct(name, len)?, self.1))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        let inner = self.0.serialize_tuple_variant(name, index, variant, len)?;
        Ok(Proxy(inner, self.1))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        Ok(Proxy(self.0.serialize_map(len)?, self.1))
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(Proxy(self.0.serialize_struct(name, len)?, self.1))
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        let inner = self.0.serialize_struct_variant(name, index, variant, len)?;
        Ok(Proxy(inner, self.1))
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        let text = value.to_string();
        if compat::is_timestamp(&text) {
            return self.0.serialize_str(&self.1.token_for(text));
        }
        self.0.serialize_str(&text)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! compound {
    ($trait:ident, $method:ident $(, $key:ident: $kty:ty)?) => {
        impl<S: ser::$trait> ser::$trait for Proxy<'_, S> {
            type Ok = S::Ok;
            type Error = S::Error;

            fn $method<T: Serialize + ?Sized>(&mut self, $($key: $kty,)? v: &T) -> Result<(), S::Error> {
                self.0.$method($($key,)? &Plain(v, self.1))
            }

            fn end(self) -> Result<S::Ok, S::Error> {
                self.0.end()
            }
        }
    };
}

compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);
compound!(SerializeStructVariant, serialize_field, key: &'static str);

impl<S: ser::SerializeStruct> ser::SerializeStruct for Proxy<'_, S> {
    type Ok = S::Ok;
    type Error = S::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), S::Error> {
        self.0.serialize_field(key, &Plain(v, self.1))
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), S::Error> {
        self.0.skip_field(key)
    }

    fn end(self) -> Result<S::Ok, S::Error> {
        self.0.end()
    }
}

impl<S: ser::SerializeMap> ser::SerializeMap for Proxy<'_, S> {
    type Ok = S::Ok;
    type Error = S::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), S::Error> {
        self.0.serialize_key(&Plain(k, self.1))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), S::Error> {
        self.0.serialize_value(&Plain(v, self.1))
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        k: &K,
        v: &V,
    ) -> Result<(), S::Error> {
        self.0.serialize_entry(&Plain(k, self.1), &Plain(v, self.1))
    }

    fn end(self) -> Result<S::Ok, S::Error> {
        self.0.end()
    }
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, Ipv4Addr};

    use serde::ser::{Serialize, SerializeMap, Serializer};

    /// The proxy passes on that serde_yaml is a format for humans: a type that writes
    /// itself one way for humans and another for machines (an address: its text, or a
    /// tagged list of octets) writes the text.
    #[test]
    fn types_written_for_humans_stay_text() {
        #[derive(serde::Serialize)]
        struct Meta {
            host: IpAddr,
        }
        let meta = Meta {
            host: IpAddr::V4(Ipv4Addr::new(192, 168, 0, 1)),
        };
        assert_eq!(
            super::super::to_text(&meta).as_deref(),
            Ok("host: 192.168.0.1\n")
        );
    }

    /// A map that writes its entries a key and a value at a time, as a hand-written
    /// `Serialize` may: both go through the proxy, quoted where other readers
    /// misread them.
    #[test]
    fn keys_and_values_written_apart_are_quoted() {
        struct Apart;
        impl Serialize for Apart {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_key("yes")?;
                map.serialize_value("no")?;
                map.serialize_key("title")?;
                map.serialize_value("on")?;
                map.end()
            }
        }
        assert_eq!(
            super::super::to_text(&Apart).as_deref(),
            Ok("'yes': 'no'\ntitle: 'on'\n")
        );
    }

    /// A date as chrono's types write one: through `collect_str`.
    struct Day;

    impl Serialize for Day {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str("2024-05-01")
        }
    }

    /// Values nested in every shape serde has (an option, a newtype, sequences,
    /// tuples, variants, maps, structs) go through the proxy too: a date stays a
    /// plain date and a string other readers misread is quoted, at any depth.
    #[test]
    fn nested_values_keep_dates_plain_and_misread_strings_quoted() {
        #[derive(serde::Serialize)]
        struct Newtype(Day);
        #[derive(serde::Serialize)]
        struct Pair(Day, &'static str);
        #[derive(serde::Serialize)]
        enum Kind {
            Tuple(Day, &'static str),
            Struct { day: Day, word: &'static str },
        }
        #[derive(serde::Serialize)]
        struct Inner {
            day: Day,
            word: &'static str,
        }
        #[derive(serde::Serialize)]
        struct Meta {
            some: Option<Day>,
            newtype: Newtype,
            seq: Vec<&'static str>,
            tuple: (Day, &'static str),
            pair: Pair,
            tuple_variant: Kind,
            struct_variant: Kind,
            map: std::collections::BTreeMap<&'static str, Day>,
            inner: Inner,
            flag: bool,
            last: &'static str,
        }
        let meta = Meta {
            some: Some(Day),
            newtype: Newtype(Day),
            seq: vec!["on", "x"],
            tuple: (Day, "no"),
            pair: Pair(Day, "off"),
            tuple_variant: Kind::Tuple(Day, "y"),
            struct_variant: Kind::Struct {
                day: Day,
                word: "n",
            },
            map: [("yes", Day)].into(),
            inner: Inner {
                day: Day,
                word: "NO",
            },
            flag: true,
            last: "~",
        };
        let want = "some: 2024-05-01\nnewtype: 2024-05-01\nseq:\n- 'on'\n- x\n\
                    tuple:\n- 2024-05-01\n- 'no'\npair:\n- 2024-05-01\n- 'off'\n\
                    tuple_variant: !Tuple\n- 2024-05-01\n- 'y'\n\
                    struct_variant: !Struct\n  day: 2024-05-01\n  word: 'n'\n\
                    map:\n  'yes': 2024-05-01\ninner:\n  day: 2024-05-01\n  word: 'NO'\n\
                    flag: true\nlast: '~'\n";
        assert_eq!(super::super::to_text(&meta).as_deref(), Ok(want));
    }
}
