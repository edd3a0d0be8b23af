//! Surgical edits of a `+++` TOML block (the `toml` feature) through `toml_edit`:
//! the value written as TOML, the edit made on `toml_edit`'s document, and the
//! change taken back as the one range of the block that differs. It plans no YAML.

use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::compat;
use crate::diagnostic::Kind;
use crate::document::Document;
use crate::path::{display_path, Segment};
use crate::value::Value as Plain;
use crate::yaml::shape::{value_of, Piece};

use super::yaml::{Failure, Op};
use super::Edited;

/// The new document text after `op` at `path`, and its splice.
pub(super) fn edit(
    doc: &Document<'_>,
    path: &[Segment],
    op: Op,
) -> Result<Option<Edited>, Failure> {
    let span = doc.front_matter_span().map_or(0..0, |s| s.range());
    let block = &doc.source()[span.clone()];
    let whole = |message: &str| Failure {
        kind: Kind::NotEditable,
        start: 0,
        end: 0,
        message: message.to_owned(),
    };
    // toml_edit writes LF line endings: edit the block with LF, and map offsets back.
    let lf = block.replace("\r\n", "\n");
    let crs: Vec<usize> = lf
        .match_indices('\n')
        .map(|(i, _)| i)
        .zip(block.match_indices('\n').map(|(i, _)| i))
        .filter(|&(_, at)| block[..at].ends_with('\r'))
        .map(|(i, _)| i)
        .collect();
    let original = |at: usize| at + crs.partition_point(|&q| q < at);
    let mut toml: DocumentMut = lf
        .parse()
        .map_err(|_| whole("the TOML block does not parse for editing"))?;
    if toml.to_string() != lf {
        return Err(whole(
            "toml_edit does not write this block back byte for byte",
        ));
    }
    // A quoted key with a dot (`"ms.date" = …`) that the path would read as nested.
    if let Some(root) = crate::toml::tree(doc) {
        for depth in 0..path.len() {
            let at = |key: &str| {
                let mut to = path[..depth].to_vec();
                to.push(Segment::Key(key.to_owned()));
                root.get(&to).map(|node| (node.start, node.end))
            };
            if let Some((key, message)) = super::path::dotted(path, depth, |k| at(k).is_some()) {
                let (start, end) = at(&key).unwrap_or((0, 0));
                return Err(Failure {
                    kind: Kind::NotEditable,
                    start,
                    end,
                    message,
                });
            }
        }
    }
    let done = match op {
        Op::Set(piece) => set(toml.as_table_mut(), path, &piece).map(|()| true),
        Op::Push(piece) => push(toml.as_table_mut(), path, &piece).map(|()| true),
        Op::Remove => Ok(remove(toml.as_table_mut(), path)),
    }
    .map_err(|(kind, message)| {
        // At the deepest node of the path that the block has.
        let (start, end) = crate::toml::tree(doc)
            .and_then(|root| {
                (0..=path.len())
                    .rev()
                    .find_map(|n| root.get(&path[..n]).map(|node| (node.start, node.end)))
            })
            .unwrap_or((0, 0));
        Failure {
            kind,
            start,
            end,
            message,
        }
    })?;
    if !done {
        return Ok(None);
    }
    let new = toml.to_string();
    let block = lf.as_str();
    // The one range that differs, on whole characters.
    let mut prefix = block
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !block.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let mut suffix = block[prefix..]
        .bytes()
        .rev()
        .zip(new[prefix..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    while !block.is_char_boundary(block.len() - suffix) || !new.is_char_boundary(new.len() - suffix)
    {
        suffix -= 1;
    }
    // toml_edit removes a key with every blank and comment line above it; only the
    // comment lines right above are the key's (rule 3 of the module docs): the
    // lines up to the last blank line stay.
    if prefix + suffix == new.len() && (prefix == 0 || block[..prefix].ends_with('\n')) {
        let (mut at, mut kept, mut key) = (0, 0, false);
        for line in block[prefix..block.len() - suffix].split_inclusive('\n') {
            let text = line.trim();
            if !text.is_empty() && !text.starts_with('#') {
                key = true;
                break;
            }
            at += line.len();
            if text.is_empty() {
                kept = at;
            }
        }
        if key {
            prefix += kept;
        } else {
            while block[prefix..block.len() - suffix].starts_with('\n') {
                prefix += 1;
            }
        }
    }
    let eol = crate::write::line_ending(doc);
    let middle = &new[prefix.min(new.len() - suffix)..new.len() - suffix];
    let middle = if eol == "\n" {
        middle.to_owned()
    } else {
        middle.replace("\r\n", "\n").replace('\n', eol)
    };
    let (start, end) = (
        span.start + original(prefix),
        span.start + original(block.len() - suffix),
    );
    let source = doc.source();
    let out = format!("{}{middle}{}", &source[..start], &source[end..]);
    Ok(Some((out, (start, end - start, middle.len()))))
}

type Refusal = (Kind, String);

/// Where a path leads in `toml_edit`'s document.
enum Place<'t> {
    Table(&'t mut Table),
    Inline(&'t mut InlineTable),
    Array(&'t mut toml_edit::Array),
    Tables(&'t mut ArrayOfTables),
}

/// The container at `path` (the parents of an edit); with `create`, absent tables
/// are added. `Ok(None)` when a parent is absent and not created.
fn walk<'t>(
    root: &'t mut Table,
    path: &[Segment],
    create: bool,
) -> Result<Option<Place<'t>>, Refusal> {
    let mut place = Place::Table(root);
    for (depth, seg) in path.iter().enumerate() {
        let here = display_path(&path[..=depth]);
        place = match (place, seg) {
            (Place::Table(t), Segment::Key(k)) => {
                if create && !t.contains_key(k) {
                    t.insert(k, Item::Table(Table::new()));
                }
                match t.get_mut(k) {
                    Some(Item::Table(t)) => Place::Table(t),
                    Some(Item::ArrayOfTables(a)) => Place::Tables(a),
                    Some(Item::Value(v)) => value_place(v, &here)?,
                    Some(Item::None) | None => return Ok(None),
                }
            }
            (Place::Inline(t), Segment::Key(k)) => {
                if create && !t.contains_key(k) {
                    t.insert(k.as_str(), Value::InlineTable(InlineTable::new()));
                }
                match t.get_mut(k) {
                    Some(v) => value_place(v, &here)?,
                    None => return Ok(None),
                }
            }
            (Place::Array(a), Segment::Index(i)) => match a.get_mut(*i) {
                Some(v) => value_place(v, &here)?,
                None => return Ok(None),
            },
            (Place::Tables(a), Segment::Index(i)) => match a.get_mut(*i) {
                Some(t) => Place::Table(t),
                None => return Ok(None),
            },
            _ => {
                return Err((
                    Kind::InvalidType,
                    format!(
                        "`{here}` does not hold `{}`",
                        display_path(&path[depth..=depth])
                    ),
                ))
            }
        };
    }
    Ok(Some(place))
}

fn value_place<'t>(value: &'t mut Value, here: &str) -> Result<Place<'t>, Refusal> {
    match value {
        Value::InlineTable(t) => Ok(Place::Inline(t)),
        Value::Array(a) => Ok(Place::Array(a)),
        _ => Err((
            Kind::InvalidType,
            format!("`{here}` is a scalar, not a table or an array"),
        )),
    }
}

fn set(root: &mut Table, path: &[Segment], piece: &Piece) -> Result<(), Refusal> {
    let (last, parents) = path
        .split_last()
        .ok_or((Kind::NotEditable, "empty path".to_owned()))?;
    let value = toml_value(piece)?;
    let here = display_path(path);
    let Some(place) = walk(root, parents, true)? else {
        return Err((Kind::InvalidType, format!("no table for `{here}`")));
    };
    match (place, last) {
        (Place::Table(t), Segment::Key(k)) => match t.get_mut(k) {
            Some(Item::Value(old)) => replace(old, value),
            Some(Item::Table(old)) => match value {
                Value::InlineTable(inline) => {
                    // In the old table's place, after its blank lines and comments.
                    let mut new = inline.into_table();
                    new.set_position(old.position());
                    *new.decor_mut() = old.decor().clone();
                    *old = new;
                }
                // toml_edit writes values before tables: the entry would move.
                _ => {
                    return Err((
                        Kind::NotEditable,
                        format!("`{here}` is a table: a value in its place would move above the tables; remove it first"),
                    ))
                }
            },
            Some(Item::ArrayOfTables(_)) => {
                return Err((
                    Kind::NotEditable,
                    format!("`{here}` is an array of tables: a value in its place would move above the tables; remove it first"),
                ))
            }
            Some(item) => *item = Item::Value(value),
            None => {
                t.insert(k, Item::Value(value));
            }
        },
        (Place::Inline(t), Segment::Key(k)) => match t.get_mut(k) {
            Some(old) => replace(old, value),
            None => {
                t.insert(k.as_str(), value);
            }
        },
        (Place::Array(a), Segment::Index(i)) if *i < a.len() => {
            a.replace(*i, value);
        }
        (Place::Tables(a), Segment::Index(i)) if *i < a.len() => match value {
            Value::InlineTable(inline) => {
                a.replace(*i, inline.into_table());
            }
            _ => {
                return Err((
                    Kind::InvalidType,
                    format!("`{here}` is a table of an array of tables"),
                ))
            }
        },
        (Place::Array(_) | Place::Tables(_), Segment::Index(_)) => {
            return Err((Kind::MissingField, format!("no item `{here}`")));
        }
        _ => {
            return Err((
                Kind::InvalidType,
                format!("`{}` does not hold `{here}`", display_path(parents)),
            ))
        }
    }
    Ok(())
}

/// Replaces `old` with `new`, keeping the white space and comment around it.
fn replace(old: &mut Value, mut new: Value) {
    *new.decor_mut() = old.decor().clone();
    *old = new;
}

fn push(root: &mut Table, path: &[Segment], piece: &Piece) -> Result<(), Refusal> {
    let value = toml_value(piece)?;
    let here = display_path(path);
    let Some(place) = walk(root, path, false)? else {
        return set(root, path, &Piece::Seq(vec![piece.clone()]));
    };
    match place {
        Place::Array(a) => {
            a.push(value);
            Ok(())
        }
        Place::Tables(a) => match value {
            Value::InlineTable(inline) => {
                a.push(inline.into_table());
                Ok(())
            }
            _ => Err((
                Kind::InvalidType,
                format!("`{here}` is an array of tables: push a table"),
            )),
        },
        Place::Table(_) | Place::Inline(_) => Err((
            Kind::InvalidType,
            format!("`{here}` is a table, not an array"),
        )),
    }
}

fn remove(root: &mut Table, path: &[Segment]) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let Ok(Some(place)) = walk(root, parents, false) else {
        return false;
    };
    match (place, last) {
        (Place::Table(t), Segment::Key(k)) => t.remove(k).is_some(),
        (Place::Inline(t), Segment::Key(k)) => t.remove(k).is_some(),
        (Place::Array(a), Segment::Index(i)) if *i < a.len() => {
            a.remove(*i);
            true
        }
        (Place::Tables(a), Segment::Index(i)) if *i < a.len() => {
            a.remove(*i);
            true
        }
        _ => false,
    }
}

/// A piece (YAML text) as a TOML value: a plain YAML date stays a date, every
/// other scalar keeps its YAML 1.2 meaning; TOML has no null.
fn toml_value(piece: &Piece) -> Result<Value, Refusal> {
    Ok(match piece {
        Piece::Scalar { block, .. } => {
            if !block.starts_with(['\'', '"']) && compat::is_timestamp(block) {
                if let Ok(date @ Value::Datetime(_)) = block.parse::<Value>() {
                    return Ok(date);
                }
            }
            match value_of(block).map_err(|m| (Kind::InvalidType, m))? {
                Plain::Null => {
                    return Err((Kind::InvalidType, "TOML has no null value".to_owned()))
                }
                Plain::Bool(b) => Value::from(b),
                Plain::Int(i) => Value::from(i64::try_from(i).map_err(|_| {
                    (
                        Kind::InvalidType,
                        format!("`{i}` is out of TOML's integer range"),
                    )
                })?),
                Plain::Float(f) => Value::from(f),
                Plain::Str(s) => basic_string(&s),
                Plain::Seq(_) | Plain::Map(_) => {
                    return Err((Kind::InvalidType, "unexpected collection".to_owned()))
                }
            }
        }
        Piece::Seq(items) => {
            let mut array = toml_edit::Array::new();
            for item in items {
                array.push(toml_value(item)?);
            }
            Value::Array(array)
        }
        Piece::Map(entries) => {
            let mut table = InlineTable::new();
            for (key, value) in entries {
                let key = match key {
                    Piece::Scalar { block, .. } => match value_of(block) {
                        Ok(k) => k.text().map(|t| t.into_owned()).unwrap_or_default(),
                        Err(m) => return Err((Kind::InvalidType, m)),
                    },
                    _ => return Err((Kind::InvalidType, "a key must be a string".to_owned())),
                };
                table.insert(key.as_str(), toml_value(value)?);
            }
            Value::InlineTable(table)
        }
    })
}

/// A TOML basic string on one line, every control character escaped, so that the
/// document's line endings never reach the value.
fn basic_string(s: &str) -> Value {
    let mut text = String::with_capacity(s.len() + 2);
    text.push('"');
    for c in s.chars() {
        match c {
            '"' => text.push_str("\\\""),
            '\\' => text.push_str("\\\\"),
            '\n' => text.push_str("\\n"),
            '\t' => text.push_str("\\t"),
            '\r' => text.push_str("\\r"),
            c if c.is_control() => text.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => text.push(c),
        }
    }
    text.push('"');
    text.parse().unwrap_or_else(|_| Value::from(s))
}
