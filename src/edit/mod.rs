//! Surgical edits of front matter, in the spirit of `toml_edit`: [`Editor`] sets,
//! adds, removes and appends entries at field paths and keeps every other byte of
//! the document. It plans each edit on the block's own spans, applies it as one
//! splice and reads the result back; it never rewrites a whole block.
//!
//! # Which lines belong to an entry
//!
//! The one rule that the YAML planner (`yaml.rs`, `layout.rs`) follows and that the
//! oracle of the tests and the `edit` fuzz target (`fuzz/edit_checks.rs`) checks
//! against. An entry is a block mapping's key with its value, or a block list's item;
//! its column is that of its key (or `-`). A comment line is a line of only a
//! comment; its indentation is the column of its `#`.
//!
//! 1. An entry's own lines run from its key's (or `-`'s) line to its value's last
//!    line; every line between them is the entry's, comment or not. Lines inside a
//!    block scalar are its text, even those that start with `#`; the blank lines
//!    after a block scalar that keeps its final line breaks (`|+`, `>+`) are its
//!    text too.
//! 2. The comment lines right below those lines (no blank line between) that are
//!    indented deeper than the entry's column are the entry's too: a note under its
//!    value, a commented-out list item. The first line that is not such a comment
//!    ends the run.
//! 3. The comment lines right above an entry's first line (no blank line between)
//!    that rule 2 does not give to the entry before are the entry's, at any
//!    indentation.
//! 4. Every other line is no entry's: blank lines, comment lines that a blank line
//!    parts from the entries around them, and the schema line
//!    `# yaml-language-server: …`, which also ends the runs of rules 2 and 3.
//! 5. New lines (`set` of an absent key, `push` onto a block list) go right after
//!    the lines of rules 1 and 2 of the mapping's last entry (the list's last item),
//!    in that mapping's (list's) column.
//!
//! So `remove` takes the lines of rules 1 to 3 and nothing else, and `set` replaces
//! a value from its first byte to its last: the comment lines of rules 2 and 3 stay.
//!
//! TOML blocks are edited by `toml_edit`, which gives a key the comment lines above
//! it (its decor) and none below: rule 2 does not apply there.

use std::fmt;

use serde::Serialize;

use crate::diagnostic::{Error, Kind};
use crate::document::{Document, Format};
use crate::path::{display_path, Segment};
use crate::span::Span;
use crate::yaml::shape::{self, Piece};

mod check;
#[cfg(test)]
mod comment_tests;
mod layout;
#[cfg(test)]
mod offset_tests;
mod path;
#[cfg(test)]
mod plan_tests;
mod render;
#[cfg(test)]
mod tests;
#[cfg(feature = "toml")]
mod toml;
mod yaml;

use yaml::{Op, Splice};

/// A document's new text and the splice that made it, in document coordinates:
/// start, length replaced, length written.
type Edited = (String, (usize, usize, usize));

/// A front-matter document being edited: change one entry, keep every other byte.
///
/// An editor holds a document and applies edits to it one at a time, each at a
/// field path written as in diagnostics: `updated`, `author.url`, `tags[1]`.
///
/// - [`set`](Editor::set) replaces the value at a path, or adds the key when it is
///   absent: at the end of its mapping, in that mapping's indentation, creating the
///   mappings on the way (`author.url` adds `author:` when there is none).
/// - [`push`](Editor::push) appends to a list, in its style: `[a, b]` becomes
///   `[a, b, c]`, a block list gets a `- c` line at its indentation. An absent key,
///   or one with no value, becomes a list of the one item.
/// - [`remove`](Editor::remove) removes a key's whole entry (or a list's item), with
///   the comment lines directly above it and those indented under it. Removing the
///   last entry of a nested mapping leaves `{}` (`[]` for a list), so that the
///   mapping stays a mapping.
/// - [`set_yaml`](Editor::set_yaml) and [`push_yaml`](Editor::push_yaml) take the
///   value as YAML text, as a command line gives it.
///
/// Every byte outside the edited entry stays as it was: comments, quoting, key
/// order, blank lines, line endings (new lines get the document's), the byte-order
/// mark, the fences and the body. A new value is written in the style of its place:
/// indentation of the mapping (and whether lists stand under their key indented or
/// not), flow inside a flow list or in place of a flow collection, block otherwise.
///
/// Every string is written so that YAML 1.1 readers (PyYAML, Ruby's Psych, go-yaml
/// v2) and YAML 1.2 readers read the same string: `'yes'`, `'1:20'`, `'2024-05-01'`
/// for a `String` are quoted, a string on several lines is written double-quoted
/// with escapes. A date stays a plain date when a date type writes it
/// (`chrono::NaiveDate`) or when it is given as plain YAML (`set_yaml("updated",
/// "2026-11-28")`), as with [`to_string`](crate::to_string).
///
/// After each edit the editor reads the document back and checks that the edited
/// entry holds the new value and every other value is unchanged; an edit that
/// would break that is refused, and the document stays as it was.
///
/// # What is not edited in place
///
/// An edit that cannot change just its entry fails with a positioned [`Error`]
/// (kind [`Kind::NotEditable`] unless said otherwise) and changes nothing:
///
/// - a target inside a flow mapping (`author: {name: A}`): set the whole mapping
///   instead (`set("author", …)`); items of flow lists are editable;
/// - a target that is an alias (`*a`), has an anchor (`&a`), holds one, or lies
///   inside an anchored node: aliases elsewhere repeat it;
/// - a key written with `?` (a complex key) or on several lines, and a plain scalar
///   on several lines;
/// - a key that the mapping repeats ([`Kind::DuplicateKey`], at the second one);
/// - a key with a dot (`ms.date:`), which a path cannot name: every `.` of a path
///   steps into a mapping, so a path that would read such a key as nested
///   (`ms.date`, `ms.date.x`) is refused at that key as ambiguous, for every edit;
/// - a key with a tab inside that is not a plain scalar on one line (`'a\tb':`);
/// - a block that the span parser (saphyr-parser) cannot read although serde_yaml
///   can, beyond the two leniencies it is given (a tab after `:`, and lines that
///   continue a quoted scalar or a flow list at column 0); none of the 7,505 YAML
///   and TOML sample documents of the test corpus is such a block;
/// - an edit after which the block would repeat a key that reading it could not
///   see before (the edit removed what kept the span parser from reading it): the
///   document would no longer read;
/// - a path through a scalar (`title.x`, [`Kind::InvalidType`]), an index past the
///   end of a list ([`Kind::MissingField`]; append with `push`), a front matter
///   whose root is not a mapping ([`Kind::InvalidType`]).
///
/// A document without front matter gets a new block for `set` and `push` (`---`
/// fences before the body, after a byte-order mark, in the body's line endings);
/// `remove` leaves it unchanged. An empty block, or one of only comments, gets the
/// entry at its end. Positions of errors are in the original document; for a later
/// edit, in the document as the earlier edits left it, mapped back to the original
/// wherever the earlier edits did not touch it.
///
/// With the `toml` feature, a `+++` block gets the same operations through
/// `toml_edit`.
///
/// # Examples
///
/// ```
/// let src = "---\r\ntitle: Hello # the title\r\ntags: [rust]\r\ndraft: true\r\n---\r\nBody\r\n";
/// let mut doc = masthead::Editor::new(src)?;
/// doc.set("updated", &chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())?;
/// doc.push_yaml("tags", "yaml")?;
/// assert!(doc.remove("draft")?);
/// assert!(!doc.remove("draft")?);
/// assert_eq!(
///     doc.to_string(),
///     "---\r\ntitle: Hello # the title\r\ntags: [rust, yaml]\r\nupdated: 2026-11-28\r\n---\r\nBody\r\n",
/// );
///
/// let err = masthead::Editor::new("---\nauthor: {name: A}\n---\n")?
///     .set("author.name", "B")
///     .unwrap_err();
/// assert_eq!(err.kind(), masthead::Kind::NotEditable);
/// assert_eq!((err.line(), err.column()), (2, 9));
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    original: String,
    text: String,
    /// The splices made so far, in the coordinates of the text each was made in:
    /// start, length replaced, length written.
    splices: Vec<(usize, usize, usize)>,
}

impl Editor {
    /// Splits `src` and checks that its front matter can be read.
    ///
    /// # Errors
    ///
    /// As [`split`](fn@crate::split) and as reading the block: [`Kind::YamlSyntax`]
    /// (or [`Kind::TomlSyntax`]) for a block that does not parse, [`Kind::InvalidType`]
    /// for a block whose root is not a mapping, all positioned in `src`.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = masthead::Editor::new("---\ntitle: [a\n---\n").unwrap_err();
    /// assert_eq!(err.kind(), masthead::Kind::YamlSyntax);
    /// assert!(masthead::Editor::new("# No front matter\n").is_ok());
    /// ```
    pub fn new(src: &str) -> Result<Editor, Error> {
        let doc = crate::split(src)?;
        check::root_value(&doc)?;
        Ok(Editor {
            original: src.to_owned(),
            text: src.to_owned(),
            splices: Vec::new(),
        })
    }

    /// Sets the value at `path` to `value`, serialized; adds the key when absent.
    ///
    /// # Errors
    ///
    /// [`Kind::InvalidType`] for a value that cannot be serialized, and those of
    /// *What is not edited in place* ([`Editor`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut doc = masthead::Editor::new("---\nauthor:\n    name: A\n---\n")?;
    /// doc.set("author.url", "https://example.org/")?;
    /// doc.set("author.name", "yes")?;
    /// assert_eq!(
    ///     doc.as_str(),
    ///     "---\nauthor:\n    name: 'yes'\n    url: https://example.org/\n---\n",
    /// );
    /// # Ok::<(), masthead::Error>(())
    /// ```
    pub fn set<T: Serialize + ?Sized>(&mut self, path: &str, value: &T) -> Result<(), Error> {
        let piece = self.serialized(path, value)?;
        self.apply(path, Op::Set(piece)).map(drop)
    }

    /// Sets the value at `path` to `yaml`, a value written in YAML (as a command
    /// line gives it: `2026-11-28`, `[a, b]`, `"quoted"`); adds the key when absent.
    /// The text must be one YAML value; it is written as given, except that plain
    /// strings that another reader would misread are quoted (`yes` becomes `'yes'`; a
    /// plain date stays plain) and strings on several lines are written
    /// double-quoted.
    ///
    /// # Errors
    ///
    /// [`Kind::YamlSyntax`] for text that is not one YAML value, positioned at the
    /// opening fence; otherwise as [`set`](Editor::set).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut doc = masthead::Editor::new("---\nupdated: 2024-01-01 # bumped by CI\n---\n")?;
    /// doc.set_yaml("updated", "2026-11-28")?;
    /// doc.set_yaml("draft", "no")?;
    /// assert_eq!(doc.as_str(), "---\nupdated: 2026-11-28 # bumped by CI\ndraft: 'no'\n---\n");
    /// # Ok::<(), masthead::Error>(())
    /// ```
    pub fn set_yaml(&mut self, path: &str, yaml: &str) -> Result<(), Error> {
        let piece = self.given(path, yaml)?;
        self.apply(path, Op::Set(piece)).map(drop)
    }

    /// Appends `value`, serialized, to the list at `path`, in the list's style; an
    /// absent key (or one with no value) becomes a list of one item.
    ///
    /// # Errors
    ///
    /// [`Kind::InvalidType`] when the value at `path` is not a list, and those of
    /// [`set`](Editor::set).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut doc = masthead::Editor::new("---\ntags:\n- a # first\n---\n")?;
    /// doc.push("tags", "on")?;
    /// doc.push("authors", "Ann")?;
    /// assert_eq!(doc.as_str(), "---\ntags:\n- a # first\n- 'on'\nauthors:\n- Ann\n---\n");
    /// # Ok::<(), masthead::Error>(())
    /// ```
    pub fn push<T: Serialize + ?Sized>(&mut self, path: &str, value: &T) -> Result<(), Error> {
        let piece = self.serialized(path, value)?;
        self.apply(path, Op::Push(piece)).map(drop)
    }

    /// Appends `yaml`, a value written in YAML, to the list at `path`; see
    /// [`push`](Editor::push) and [`set_yaml`](Editor::set_yaml).
    ///
    /// # Errors
    ///
    /// As [`set_yaml`](Editor::set_yaml) and [`push`](Editor::push).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut doc = masthead::Editor::new("---\ntags: [a]\n---\n")?;
    /// doc.push_yaml("tags", "b, c")?;
    /// assert_eq!(doc.as_str(), "---\ntags: [a, \"b, c\"]\n---\n");
    /// # Ok::<(), masthead::Error>(())
    /// ```
    pub fn push_yaml(&mut self, path: &str, yaml: &str) -> Result<(), Error> {
        let piece = self.given(path, yaml)?;
        self.apply(path, Op::Push(piece)).map(drop)
    }

    /// Removes the entry at `path` (a key with its value, or a list's item); whether
    /// there was one. Nothing at the path is not an error: `Ok(false)`.
    ///
    /// # Errors
    ///
    /// Those of *What is not edited in place* ([`Editor`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut doc = masthead::Editor::new("---\ntitle: A\n# Not yet.\ndraft: true\n\nx: 1\n---\n")?;
    /// assert!(doc.remove("draft")?);
    /// assert!(!doc.remove("author.name")?);
    /// assert_eq!(doc.as_str(), "---\ntitle: A\n\nx: 1\n---\n");
    /// # Ok::<(), masthead::Error>(())
    /// ```
    pub fn remove(&mut self, path: &str) -> Result<bool, Error> {
        self.apply(path, Op::Remove)
    }

    /// The document as edited so far.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The document as edited so far.
    #[must_use]
    pub fn into_string(self) -> String {
        self.text
    }

    /// Whether the edits so far changed the document.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut doc = masthead::Editor::new("---\na: 1\n---\n")?;
    /// doc.set_yaml("a", "1")?;
    /// assert!(!doc.is_changed());
    /// doc.set_yaml("a", "2")?;
    /// assert!(doc.is_changed());
    /// # Ok::<(), masthead::Error>(())
    /// ```
    #[must_use]
    pub fn is_changed(&self) -> bool {
        self.text != self.original
    }

    /// `value` as a piece to write.
    fn serialized<T: Serialize + ?Sized>(&self, path: &str, value: &T) -> Result<Piece, Error> {
        let text =
            crate::yaml::to_text(value).map_err(|m| self.whole(Kind::InvalidType, path, m))?;
        // An empty mapping serializes as an empty text.
        let text = if text.is_empty() { "{}" } else { &text };
        shape::piece(text).map_err(|m| self.whole(Kind::InvalidType, path, m))
    }

    /// `yaml`, given as text, as a piece to write.
    fn given(&self, path: &str, yaml: &str) -> Result<Piece, Error> {
        let bad = |m: String| {
            self.whole(
                Kind::YamlSyntax,
                path,
                format!("invalid value `{yaml}`: {m}"),
            )
        };
        shape::value_of(yaml).map_err(&bad)?;
        shape::piece(yaml).map_err(bad)
    }

    /// An error about the edit as a whole, at the opening fence (or the start).
    fn whole(&self, kind: Kind, path: &str, message: String) -> Error {
        let anchor =
            crate::split(&self.original).map_or(Span::of(&self.original, 0, 0), |d| d.anchor());
        Error::new(kind, path, message, anchor)
    }

    /// Makes one edit: plans it, applies the splice, checks the result.
    fn apply(&mut self, path_text: &str, op: Op) -> Result<bool, Error> {
        let Some(path) = path::parse(path_text) else {
            return Err(self.whole(
                Kind::NotEditable,
                path_text,
                format!("invalid field path `{path_text}`: expected keys and indexes like `author.url` or `tags[1]`"),
            ));
        };
        let doc = crate::split(&self.text)?;
        let wanted = op.clone();
        let new = match doc.format().unwrap_or(Format::Yaml) {
            Format::Yaml => self.yaml(&doc, &path, op)?,
            #[cfg(feature = "toml")]
            Format::Toml => {
                toml::edit(&doc, &path, op).map_err(|f| self.failure(&doc, &path, f))?
            }
        };
        let Some((text, splice)) = new else {
            return Ok(false);
        };
        check::result(&doc, &text, &path, wanted)
            .map_err(|m| self.at_anchor(&doc, Kind::NotEditable, &path, m))?;
        self.text = text;
        self.splices.push(splice);
        Ok(true)
    }

    /// The new text of a YAML document, and its splice in document coordinates.
    fn yaml(&self, doc: &Document<'_>, path: &[Segment], op: Op) -> Result<Option<Edited>, Error> {
        let block = doc.front_matter().unwrap_or("");
        let Some(Splice { start, end, text }) =
            yaml::plan(block, path, op).map_err(|f| self.failure(doc, path, f))?
        else {
            return Ok(None);
        };
        let eol = crate::write::line_ending(doc);
        let text = if eol == "\n" {
            text
        } else {
            text.replace('\n', eol)
        };
        Ok(Some(match doc.front_matter_span() {
            Some(span) => {
                let (start, end) = (span.start() + start, span.start() + end);
                let source = doc.source();
                let out = format!("{}{}{}", &source[..start], text, &source[end..]);
                (out, (start, end - start, text.len()))
            }
            None => {
                // The new block and its fences go before the body: the body keeps
                // its bytes, after them.
                let out = doc.with_front_matter(&text);
                let at = doc.body_span().start();
                (out.clone(), (at, 0, out.len() - doc.source().len()))
            }
        }))
    }

    /// A planner's failure as an error positioned in the original document.
    fn failure(&self, doc: &Document<'_>, path: &[Segment], f: yaml::Failure) -> Error {
        let base = doc.front_matter_span().map_or(0, |s| s.start());
        let (start, end) = (
            self.original_offset(base + f.start),
            self.original_offset(base + f.end),
        );
        Error::new(
            f.kind,
            display_path(path),
            f.message,
            Span::of(&self.original, start, end.max(start)),
        )
    }

    fn at_anchor(
        &self,
        doc: &Document<'_>,
        kind: Kind,
        path: &[Segment],
        message: String,
    ) -> Error {
        let at = self.original_offset(doc.anchor().start());
        Error::new(
            kind,
            display_path(path),
            message,
            Span::of(&self.original, at, at + 3.min(self.original.len() - at)),
        )
    }

    /// The offset in the original document of `at` in the current text: where the
    /// earlier edits did not touch it, the same byte; inside an edited range, its
    /// start.
    fn original_offset(&self, mut at: usize) -> usize {
        for &(start, old, new) in self.splices.iter().rev() {
            if at >= start + new {
                at = at - new + old;
            } else if at > start {
                at = start;
            }
        }
        at.min(self.original.len())
    }
}

impl fmt::Display for Editor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
