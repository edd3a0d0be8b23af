//! The span tree of a front-matter block: each node and the byte range (relative to
//! the block) where it stands, built by a bridge and read by the bridges and by
//! validation to point at a value. It parses nothing itself.

use crate::path::Segment;

/// A node of the block and the byte range (relative to the parsed text) where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NodeKind {
    Scalar,
    Alias,
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// A key and its value. `key` is the key's text when it is a scalar (or an alias of
/// one); `key_value` is the value of a key written as a collection (or an alias of
/// one), as flow text with scalars quoted (`["a", "b"]`), to compare such keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) key: Option<String>,
    pub(crate) key_value: Option<String>,
    pub(crate) key_node: Node,
    pub(crate) value: Node,
}

impl Node {
    /// The node at `path`; with duplicate keys, the first.
    pub(crate) fn get(&self, path: &[Segment]) -> Option<&Node> {
        path.iter()
            .try_fold(self, |node, seg| match (&node.kind, seg) {
                (NodeKind::Map(entries), Segment::Key(k)) => entries
                    .iter()
                    .find(|e| e.key.as_deref() == Some(k))
                    .map(|e| &e.value),
                (NodeKind::Seq(items), Segment::Index(i)) => items.get(*i),
                _ => None,
            })
    }

    /// Where the last entry or item ends, for a collection that has one.
    pub(crate) fn last_child_end(&self) -> Option<usize> {
        match &self.kind {
            NodeKind::Seq(items) => items.last().map(|n| n.end),
            NodeKind::Map(entries) => entries.last().map(|e| e.key_node.end.max(e.value.end)),
            NodeKind::Scalar | NodeKind::Alias => None,
        }
    }

    /// The byte range of the `nth` key (0 for the first) named `key` in the mapping
    /// at `path`.
    pub(crate) fn key_span(
        &self,
        path: &[Segment],
        key: &str,
        nth: usize,
    ) -> Option<(usize, usize)> {
        self.entries(path, key)
            .nth(nth)
            .map(|e| (e.key_node.start, e.key_node.end))
    }

    /// The entries named `key` in the mapping at `path`.
    pub(crate) fn entries<'n>(
        &'n self,
        path: &[Segment],
        key: &'n str,
    ) -> impl Iterator<Item = &'n Entry> + 'n {
        let entries = match self.get(path).map(|n| &n.kind) {
            Some(NodeKind::Map(entries)) => entries.as_slice(),
            _ => &[],
        };
        entries
            .iter()
            .filter(move |e| e.key.as_deref() == Some(key))
    }
}
