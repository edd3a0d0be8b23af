//! Plans one edit of a YAML block: finds the entry at a path in the block's shape
//! and returns the one splice (a byte range of the block and its new text) that
//! makes the edit, or says why the entry cannot be edited in place. It writes no
//! document and reads no value; the caller applies and checks the splice.

use crate::diagnostic::Kind;
use crate::path::{display_path, Segment};
use crate::yaml::shape::{dash_of, shape, Piece, Shape, ShapeEntry, ShapeKind};

use super::layout::{
    col, detect_style, entry_lines, is_blank, last_leaf, line_start, own_end, spaces,
};
use super::render::{nested, Style};

/// One edit.
#[derive(Debug, Clone)]
pub(super) enum Op {
    Set(Piece),
    Push(Piece),
    Remove,
}

/// Bytes `start..end` of the block replaced by `text` (LF line endings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Splice {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
}

/// Why an edit cannot be made: a kind, a message and the byte range of the block
/// it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Failure {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) message: String,
}

impl Failure {
    fn new(kind: Kind, node: (usize, usize), message: String) -> Self {
        Failure {
            kind,
            start: node.0,
            end: node.1,
            message,
        }
    }

    fn at(kind: Kind, node: &Shape, message: String) -> Self {
        Failure::new(kind, (node.start, node.end), message)
    }
}

/// Where a node of the walk stands in its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Root,
    Entry(usize),
    Item(usize),
}

type Chain<'s> = Vec<(&'s Shape, Slot)>;

/// The splice that makes `op` at `path` in `block`; `None` when there is nothing to
/// do (removing what is absent).
pub(super) fn plan(block: &str, path: &[Segment], op: Op) -> Result<Option<Splice>, Failure> {
    let root = shape(block);
    if root.is_none() && !is_blank(block) {
        return Err(Failure::new(
            Kind::NotEditable,
            (0, 0),
            "the front matter is YAML that the editor cannot map".to_owned(),
        ));
    }
    let planner = Planner {
        block,
        style: root
            .as_ref()
            .map(|r| detect_style(block, r))
            .unwrap_or_default(),
    };
    let Some(root) = root.as_ref() else {
        // An empty block, or one of only comments: an empty root mapping.
        return planner.add_at_end(path, op);
    };
    if !matches!(root.kind, ShapeKind::Map { .. }) {
        return Err(Failure::at(
            Kind::InvalidType,
            root,
            "the front matter is not a mapping".to_owned(),
        ));
    }
    let mut chain: Chain<'_> = vec![(root, Slot::Root)];
    for (depth, seg) in path.iter().enumerate() {
        let (node, _) = chain[chain.len() - 1];
        let here = display_path(&path[..depth]);
        editable(node, &here)?;
        match (&node.kind, seg) {
            (ShapeKind::Map { flow, entries }, Segment::Key(k)) => {
                dotted(entries, path, depth)?;
                let mut found = entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.key.as_deref() == Some(k.as_str()));
                let first = found.next();
                if let Some((_, again)) = found.next() {
                    let key = display_path(&path[..=depth]);
                    return Err(Failure::at(
                        Kind::DuplicateKey,
                        &again.key_node,
                        format!("duplicate key `{key}`: the edit would not know which to change"),
                    ));
                }
                if *flow {
                    return Err(Failure::at(
                        Kind::NotEditable,
                        node,
                        format!("`{here}` is a flow mapping (`{{…}}`): its entries are not edited in place"),
                    ));
                }
                let Some((i, entry)) = first else {
                    return planner.absent(&chain, path, depth, op);
                };
                planner.check_key(entry.key_node.start, &entry.key_node, path, depth)?;
                chain.push((&entry.value, Slot::Entry(i)));
            }
            (ShapeKind::Seq { items, .. }, Segment::Index(i)) => match items.get(*i) {
                Some(item) => chain.push((item, Slot::Item(*i))),
                None if matches!(op, Op::Remove) => return Ok(None),
                None => {
                    return Err(Failure::at(
                        Kind::MissingField,
                        node,
                        format!(
                            "no item `{}`: the list has {} items",
                            display_path(&path[..=depth]),
                            items.len()
                        ),
                    ))
                }
            },
            _ if matches!(op, Op::Remove) => return Ok(None),
            (kind, seg) => {
                let wanted = match seg {
                    Segment::Key(_) => "a mapping",
                    Segment::Index(_) => "a list",
                };
                return Err(Failure::at(
                    Kind::InvalidType,
                    node,
                    format!("`{here}` is {}, not {wanted}", describe(kind)),
                ));
            }
        }
    }
    let target = chain[chain.len() - 1].0;
    let here = display_path(path);
    editable(target, &here)?;
    if target.holds_anchor() {
        return Err(Failure::at(
            Kind::NotEditable,
            target,
            format!("`{here}` holds an anchor (`&`): aliases elsewhere repeat it"),
        ));
    }
    if matches!(
        target.kind,
        ShapeKind::Scalar {
            plain: true,
            lines: true
        }
    ) {
        return Err(Failure::at(
            Kind::NotEditable,
            target,
            format!("`{here}` is a plain scalar on more than one line"),
        ));
    }
    match op {
        Op::Set(piece) => planner.replace(&chain, &piece, &here).map(Some),
        Op::Push(piece) => planner.push(&chain, piece, &here).map(Some),
        Op::Remove => planner.remove(&chain, &here).map(Some),
    }
}

/// Fails at the key `ms.date:` of `entries` that `path` from `depth` on would
/// name as nested (`super::path::dotted`).
fn dotted(entries: &[ShapeEntry], path: &[Segment], depth: usize) -> Result<(), Failure> {
    let has = |key: &str| entries.iter().find(|e| e.key.as_deref() == Some(key));
    let Some((key, message)) = super::path::dotted(path, depth, |key| has(key).is_some()) else {
        return Ok(());
    };
    let at = has(&key).map_or((0, 0), |e| (e.key_node.start, e.key_node.end));
    Err(Failure::new(Kind::NotEditable, at, message))
}

/// A node whose content cannot change in place: an alias, or an anchored node.
fn editable(node: &Shape, here: &str) -> Result<(), Failure> {
    let shown = if here.is_empty() { "the root" } else { here };
    if matches!(node.kind, ShapeKind::Alias) {
        return Err(Failure::at(
            Kind::NotEditable,
            node,
            format!("`{shown}` is an alias (`*`) of a value written elsewhere"),
        ));
    }
    if node.anchored {
        return Err(Failure::at(
            Kind::NotEditable,
            node,
            format!("`{shown}` has an anchor (`&`): aliases elsewhere repeat it"),
        ));
    }
    Ok(())
}

fn describe(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::Scalar { .. } => "a scalar",
        ShapeKind::Alias => "an alias",
        ShapeKind::Seq { .. } => "a list",
        ShapeKind::Map { .. } => "a mapping",
    }
}

struct Planner<'b> {
    block: &'b str,
    style: Style,
}

impl Planner<'_> {
    /// Fails for a key that an edit cannot name safely: written with `?`, or on more
    /// than one line.
    fn check_key(
        &self,
        start: usize,
        key: &Shape,
        path: &[Segment],
        depth: usize,
    ) -> Result<(), Failure> {
        let before = self.block[line_start(self.block, start)..start].trim_end();
        let shown = display_path(&path[..=depth]);
        if before.ends_with('?') || matches!(key.kind, ShapeKind::Scalar { lines: true, .. }) {
            return Err(Failure::at(
                Kind::NotEditable,
                key,
                format!(
                    "the key `{shown}` is written as a complex key (`?` or on more than one line)"
                ),
            ));
        }
        Ok(())
    }

    /// The `:` after a block mapping's key that ends at `key_end`.
    fn colon(&self, key: &Shape) -> Result<usize, Failure> {
        let rest = &self.block[key.end..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if rest[skipped..].starts_with(':') {
            Ok(key.end + skipped)
        } else {
            Err(Failure::at(
                Kind::NotEditable,
                key,
                "the key is not followed by `:` on its line".to_owned(),
            ))
        }
    }

    /// The `-` of a block list's item that starts at `item`.
    fn dash(&self, item: &Shape) -> Result<usize, Failure> {
        if let Some(dash) = dash_of(self.block, item.start) {
            Ok(dash)
        } else {
            Err(Failure::at(
                Kind::NotEditable,
                item,
                "the list item has no `-` before it".to_owned(),
            ))
        }
    }

    /// The key at `path[depth]` is absent from the mapping at the end of `chain`.
    fn absent(
        &self,
        chain: &Chain<'_>,
        path: &[Segment],
        depth: usize,
        op: Op,
    ) -> Result<Option<Splice>, Failure> {
        let map = chain[chain.len() - 1].0;
        let Some(piece) =
            nested(path, depth, op).map_err(|m| Failure::at(Kind::MissingField, map, m))?
        else {
            return Ok(None);
        };
        let ShapeKind::Map { entries, .. } = &map.kind else {
            return Ok(None);
        };
        let first = entries.first().map_or(map.start, |e| e.key_node.start);
        let indent = col(self.block, first);
        let at = if entries.is_empty() {
            map.start
        } else {
            own_end(self.block, map.end, last_leaf(map), indent)
        };
        Ok(Some(self.entry_at(at, indent, &piece)))
    }

    /// An edit of an empty block.
    fn add_at_end(&self, path: &[Segment], op: Op) -> Result<Option<Splice>, Failure> {
        let Some(piece) =
            nested(path, 0, op).map_err(|m| Failure::new(Kind::MissingField, (0, 0), m))?
        else {
            return Ok(None);
        };
        Ok(Some(self.entry_at(self.block.len(), 0, &piece)))
    }

    /// New lines at `at` for the mapping `piece` (one entry), at `indent`.
    fn entry_at(&self, at: usize, indent: usize, piece: &Piece) -> Splice {
        let mut text = String::new();
        if at > 0 && !self.block[..at].ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&spaces(indent));
        text.push_str(&piece.block(indent, self.style));
        text.push('\n');
        Splice {
            start: at,
            end: at,
            text,
        }
    }

    /// Replaces the value at the end of `chain` with `piece`.
    fn replace(&self, chain: &Chain<'_>, piece: &Piece, here: &str) -> Result<Splice, Failure> {
        let (target, slot) = chain[chain.len() - 1];
        let parent = chain[chain.len() - 2].0;
        let was_flow = matches!(
            target.kind,
            ShapeKind::Seq { flow: true, .. } | ShapeKind::Map { flow: true, .. }
        );
        let inline = piece.is_inline() || was_flow;
        let text = if was_flow {
            piece.flow()
        } else {
            piece.inline()
        };
        match (&parent.kind, slot) {
            (ShapeKind::Seq { flow: true, .. }, _) => Ok(Splice {
                start: target.start,
                end: target.end,
                text: piece.flow(),
            }),
            (ShapeKind::Map { entries, .. }, Slot::Entry(i)) => {
                let key = &entries[i].key_node;
                let colon = self.colon(key)?;
                let same_line = !self.block[colon..target.start.max(colon)].contains('\n');
                let empty = target.is_empty_scalar();
                let key_col = col(self.block, key.start);
                if inline && same_line && !empty {
                    return Ok(Splice {
                        start: target.start,
                        end: target.end,
                        text,
                    });
                }
                if inline {
                    let end = if empty { colon + 1 } else { target.end };
                    return Ok(Splice {
                        start: colon + 1,
                        end,
                        text: format!(" {text}"),
                    });
                }
                let same_kind = matches!(
                    (&target.kind, piece),
                    (ShapeKind::Seq { .. }, Piece::Seq(_)) | (ShapeKind::Map { .. }, Piece::Map(_))
                );
                if !same_line && same_kind {
                    let indent = col(self.block, target.start);
                    return Ok(Splice {
                        start: target.start,
                        end: target.end,
                        text: piece.block(indent, self.style),
                    });
                }
                let mut text = String::new();
                piece.write_value(key_col, self.style, &mut text);
                let end = if empty { colon + 1 } else { target.end };
                Ok(Splice {
                    start: colon + 1,
                    end,
                    text,
                })
            }
            (ShapeKind::Seq { .. }, Slot::Item(_)) => {
                let dash = self.dash(target)?;
                let empty = target.is_empty_scalar();
                let same_line = !self.block[dash..target.start].contains('\n');
                if same_line && !empty {
                    let body = if inline {
                        text
                    } else {
                        piece.block(col(self.block, target.start), self.style)
                    };
                    return Ok(Splice {
                        start: target.start,
                        end: target.end,
                        text: body,
                    });
                }
                let body = if inline {
                    text
                } else {
                    piece.block(col(self.block, dash) + 2, self.style)
                };
                let end = if empty { dash + 1 } else { target.end };
                Ok(Splice {
                    start: dash + 1,
                    end,
                    text: format!(" {body}"),
                })
            }
            _ => Err(Failure::at(
                Kind::NotEditable,
                target,
                format!("`{here}` cannot be replaced in place"),
            )),
        }
    }

    /// Appends `piece` to the list at the end of `chain` (a null becomes a list).
    fn push(&self, chain: &Chain<'_>, piece: Piece, here: &str) -> Result<Splice, Failure> {
        let target = chain[chain.len() - 1].0;
        match &target.kind {
            ShapeKind::Seq { flow: true, items } => Ok(match items.last() {
                Some(last) => Splice {
                    start: last.end,
                    end: last.end,
                    text: format!(", {}", piece.flow()),
                },
                None => {
                    let at = target.end.saturating_sub(1);
                    Splice {
                        start: at,
                        end: at,
                        text: piece.flow(),
                    }
                }
            }),
            ShapeKind::Seq { flow: false, items } => {
                let Some(last) = items.last() else {
                    return self.replace(chain, &Piece::Seq(vec![piece]), here);
                };
                let dash = self.dash(last)?;
                let indent = col(self.block, dash);
                let at = own_end(self.block, last.end.max(dash + 1), last_leaf(last), indent);
                let mut text = String::new();
                if !self.block[..at].ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(&spaces(indent));
                text.push_str("- ");
                text.push_str(&piece.block(indent + 2, self.style));
                text.push('\n');
                Ok(Splice {
                    start: at,
                    end: at,
                    text,
                })
            }
            _ if target.is_empty_scalar() => self.replace(chain, &Piece::Seq(vec![piece]), here),
            kind => Err(Failure::at(
                Kind::InvalidType,
                target,
                format!("`{here}` is {}, not a list", describe(kind)),
            )),
        }
    }

    /// Removes the entry or item at the end of `chain`.
    fn remove(&self, chain: &Chain<'_>, here: &str) -> Result<Splice, Failure> {
        let (target, slot) = chain[chain.len() - 1];
        let (parent, parent_slot) = chain[chain.len() - 2];
        let only_child = match &parent.kind {
            ShapeKind::Map { entries, .. } => entries.len() == 1,
            ShapeKind::Seq { items, .. } => items.len() == 1,
            _ => false,
        };
        let flow_parent = matches!(
            parent.kind,
            ShapeKind::Seq { flow: true, .. } | ShapeKind::Map { flow: true, .. }
        );
        if only_child && parent_slot != Slot::Root && !flow_parent {
            // The last entry of a nested collection: it stays, empty, as `{}` or `[]`.
            let empty = match parent.kind {
                ShapeKind::Seq { .. } => Piece::Seq(Vec::new()),
                _ => Piece::Map(Vec::new()),
            };
            return self.replace(&chain[..chain.len() - 1].to_vec(), &empty, here);
        }
        match (&parent.kind, slot) {
            (ShapeKind::Seq { flow: true, items }, Slot::Item(i)) => {
                let (start, end) = match (i.checked_sub(1), items.get(i + 1)) {
                    (_, Some(next)) => (target.start, next.start),
                    (Some(prev), None) => (items[prev].end, target.end),
                    (None, None) => (target.start, target.end),
                };
                Ok(Splice {
                    start,
                    end,
                    text: String::new(),
                })
            }
            (ShapeKind::Map { entries, .. }, Slot::Entry(i)) => {
                let key = &entries[i].key_node;
                let start = line_start(self.block, key.start);
                if self.block[start..key.start].trim().is_empty() {
                    let before = i.checked_sub(1).map(|p| {
                        let prev = &entries[p];
                        let end = prev.key_node.end.max(prev.value.end);
                        (end, last_leaf(&prev.value))
                    });
                    let end = (target.end.max(key.end), last_leaf(target));
                    let indent = col(self.block, key.start);
                    return Ok(self.cut(entry_lines(self.block, before, start, end, indent)));
                }
                match entries.get(i + 1) {
                    // `- a: 1` then `  b: 2`: the next key moves up behind the `-`,
                    // when no line between is another's (rule 4, or rule 3 of the
                    // next key).
                    Some(next) if i == 0 => {
                        let own = own_end(
                            self.block,
                            target.end.max(key.end),
                            last_leaf(target),
                            col(self.block, key.start),
                        );
                        if own != line_start(self.block, next.key_node.start) {
                            return Err(Failure::at(
                                Kind::NotEditable,
                                key,
                                format!("`{here}` shares its line with the list's `-`, and lines that are not its own (blank, or the next key's comments) stand between it and the next key"),
                            ));
                        }
                        Ok(Splice {
                            start: key.start,
                            end: next.key_node.start,
                            text: String::new(),
                        })
                    }
                    _ => Err(Failure::at(
                        Kind::NotEditable,
                        key,
                        format!("`{here}` does not start its line"),
                    )),
                }
            }
            (ShapeKind::Seq { flow: false, items }, Slot::Item(i)) => {
                let dash = self.dash(target)?;
                let start = line_start(self.block, dash);
                if !self.block[start..dash].trim().is_empty() {
                    return Err(Failure::at(
                        Kind::NotEditable,
                        target,
                        format!("`{here}` does not start its line"),
                    ));
                }
                let before = match i.checked_sub(1).map(|p| &items[p]) {
                    Some(prev) => Some((prev.end.max(self.dash(prev)? + 1), last_leaf(prev))),
                    None => None,
                };
                let end = (target.end.max(dash + 1), last_leaf(target));
                let indent = col(self.block, dash);
                Ok(self.cut(entry_lines(self.block, before, start, end, indent)))
            }
            _ => Err(Failure::at(
                Kind::NotEditable,
                target,
                format!("`{here}` cannot be removed in place"),
            )),
        }
    }

    /// A splice that removes `range`.
    fn cut(&self, (start, end): (usize, usize)) -> Splice {
        Splice {
            start,
            end,
            text: String::new(),
        }
    }
}
