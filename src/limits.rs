//! [`Limits`]: bounds on the work a front-matter block may ask for, and the error for
//! a block over the byte limit. Format-neutral: the YAML check of depth and aliases
//! lives in the YAML bridge, which alone reads YAML.
//!
//! serde_yaml's own guards are not enough for untrusted input: its alias guard counts
//! jumps, not the nodes each jump replays, and it reads every event of the block
//! before its recursion limit fires. So the YAML bridge checks a block against these
//! limits before serde_yaml reads it.

use crate::diagnostic::{Error, Kind};
use crate::document::Document;

/// Bounds on what the front matter of an untrusted document may cost: its size in
/// bytes, how deep its collections nest, and how many nodes its aliases replay.
///
/// The defaults ([`Limits::new`]) fit every real document seen so far with room to
/// spare: 64 KiB of front matter (the largest of 62,000 real blocks is 1.7 KB),
/// 64 levels of nesting (real documents use at most 4) and 10,000 nodes replayed by
/// aliases (real documents use none). A document over a limit fails fast with an
/// error of kind [`Kind::LimitExceeded`], whatever the YAML behind the limit holds.
///
/// Limits apply to typed parsing through [`Options::limits`](crate::Options::limits)
/// and to validation through [`Schema::limits`](crate::Schema::limits);
/// [`from_str`](crate::from_str) and [`validate`](fn@crate::validate) with a default
/// schema use the defaults. [`Limits::none`] turns them off, for trusted input.
///
/// # Examples
///
/// ```
/// use masthead::{Kind, Limits, Options};
///
/// let limits = Limits::new().max_bytes(16).max_depth(2);
/// assert_eq!((limits.byte_limit(), limits.depth_limit()), (16, 2));
///
/// let options = Options::new().limits(limits);
/// let err = options
///     .from_str::<serde::de::IgnoredAny>("---\ntitle: a longer title\n---\n")
///     .unwrap_err();
/// assert_eq!(err.kind(), Kind::LimitExceeded);
/// assert_eq!(err.message(), "front matter is 22 bytes, more than the limit of 16");
/// assert_eq!((err.line(), err.column()), (1, 1));
///
/// let err = options.from_str::<serde::de::IgnoredAny>("---\na: [[1]]\n---\n").unwrap_err();
/// assert_eq!(err.message(), "front matter nests deeper than the limit of 2 levels");
/// assert_eq!((err.line(), err.column()), (2, 5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    max_bytes: usize,
    max_depth: usize,
    max_alias_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new()
    }
}

impl Limits {
    /// The defaults: 64 KiB of front matter, 64 levels of nesting, 10,000 nodes
    /// replayed by aliases.
    ///
    /// # Examples
    ///
    /// ```
    /// let limits = masthead::Limits::new();
    /// assert_eq!(limits.byte_limit(), 65536);
    /// assert_eq!(limits.depth_limit(), 64);
    /// assert_eq!(limits.alias_node_limit(), 10_000);
    /// assert_eq!(limits, masthead::Limits::default());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Limits {
            max_bytes: 64 * 1024,
            max_depth: 64,
            max_alias_nodes: 10_000,
        }
    }

    /// No limits at all, for trusted input. serde_yaml's own guards still apply.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Limits, Options};
    ///
    /// let deep = format!("---\na: {}1{}\n---\n", "[".repeat(100), "]".repeat(100));
    /// assert!(masthead::from_str::<serde::de::IgnoredAny>(&deep).is_err());
    /// assert!(Options::new().limits(Limits::none()).from_str::<serde::de::IgnoredAny>(&deep).is_ok());
    /// assert_eq!(Limits::none().byte_limit(), usize::MAX);
    /// ```
    #[must_use]
    pub const fn none() -> Self {
        Limits {
            max_bytes: usize::MAX,
            max_depth: usize::MAX,
            max_alias_nodes: usize::MAX,
        }
    }

    /// The largest front matter accepted, in bytes, fences not included.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(masthead::Limits::new().max_bytes(1 << 20).byte_limit(), 1 << 20);
    /// ```
    #[must_use]
    pub const fn max_bytes(mut self, n: usize) -> Self {
        self.max_bytes = n;
        self
    }

    /// The deepest nesting of sequences and mappings accepted: a mapping of scalars
    /// is 1 level deep, a list inside it 2. Aliases count with the depth of the node
    /// they replay.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(masthead::Limits::new().max_depth(8).depth_limit(), 8);
    /// ```
    #[must_use]
    pub const fn max_depth(mut self, n: usize) -> Self {
        self.max_depth = n;
        self
    }

    /// The most nodes (scalars, sequences, mappings) that aliases may replay, in
    /// total: an alias to a list of 3 strings replays 4 nodes, and an alias inside
    /// an anchored node replays again wherever that node is replayed.
    ///
    /// # Examples
    ///
    /// ```
    /// use masthead::{Kind, Limits, Options};
    ///
    /// let src = "---\na: &a [x, y, z]\nb: [*a, *a]\n---\n";
    /// let ok = Options::new().limits(Limits::new().max_alias_nodes(8));
    /// assert!(ok.from_str::<serde::de::IgnoredAny>(src).is_ok());
    ///
    /// let strict = Options::new().limits(Limits::new().max_alias_nodes(7));
    /// let err = strict.from_str::<serde::de::IgnoredAny>(src).unwrap_err();
    /// assert_eq!(err.kind(), Kind::LimitExceeded);
    /// assert_eq!(err.message(), "alias `*a` replays more than the limit of 7 nodes");
    /// assert_eq!((err.line(), err.column()), (3, 9));
    /// ```
    #[must_use]
    pub const fn max_alias_nodes(mut self, n: usize) -> Self {
        self.max_alias_nodes = n;
        self
    }

    /// The byte limit; see [`max_bytes`](Limits::max_bytes).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(masthead::Limits::new().byte_limit(), 64 * 1024);
    /// ```
    #[must_use]
    pub const fn byte_limit(&self) -> usize {
        self.max_bytes
    }

    /// The depth limit; see [`max_depth`](Limits::max_depth).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(masthead::Limits::new().depth_limit(), 64);
    /// ```
    #[must_use]
    pub const fn depth_limit(&self) -> usize {
        self.max_depth
    }

    /// The alias limit; see [`max_alias_nodes`](Limits::max_alias_nodes).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(masthead::Limits::new().alias_node_limit(), 10_000);
    /// ```
    #[must_use]
    pub const fn alias_node_limit(&self) -> usize {
        self.max_alias_nodes
    }
}

/// The error for a `block` of `doc` over the byte limit.
pub(crate) fn too_large(doc: &Document<'_>, block: &str, limits: &Limits) -> Error {
    let message = format!(
        "front matter is {} bytes, more than the limit of {}",
        block.len(),
        limits.max_bytes
    );
    at_fence(doc, message)
}

/// The error for a block that is too large, at the opening fence.
fn at_fence(doc: &Document<'_>, message: String) -> Error {
    Error::new(Kind::LimitExceeded, "", message, doc.anchor())
}
