//! Front matter for Markdown documents, read by a written grammar: a zero-copy
//! splitter, typed serde metadata, and errors that point at the exact line and column
//! of the original document.
//!
//! # Quick start
//!
//! ```
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Deserialize)]
//! struct Post<'a> {
//!     title: &'a str,
//!     #[serde(default)]
//!     tags: Vec<String>,
//! }
//!
//! let src = "---\ntitle: Hello\ntags: [rust, yaml]\n---\n# Hello\n";
//! let post = masthead::from_str::<Post>(src)?;
//! assert_eq!(post.metadata.title, "Hello");
//! assert_eq!(post.metadata.tags, ["rust", "yaml"]);
//! assert_eq!(post.body, "# Hello\n");
//! # Ok::<(), masthead::Error>(())
//! ```
//!
//! # Format
//!
//! [`split`](fn@split) follows this grammar, and nothing else:
//!
//! 1. An optional UTF-8 byte-order mark at byte 0 is skipped and remembered
//!    ([`Document::has_bom`]).
//! 2. The opening fence is the first line: exactly `---`, then optional spaces or tabs,
//!    then LF or CRLF. Anything else (a leading blank line, indentation, `----`,
//!    `---yaml`, text after the dashes, `---` with no line ending) means *no front
//!    matter*: the whole input after the byte-order mark is the body. That is not an
//!    error.
//! 3. The closing fence is the first later line that is exactly `---` or `...`, then
//!    optional spaces or tabs, then LF, CRLF or the end of input. `---more`,
//!    `title: a---` and `  ---` never close.
//! 4. An opening fence with no closing fence is an error,
//!    [`Kind::UnterminatedFrontMatter`], that points at the opening fence. Nothing is
//!    guessed and no byte is dropped.
//! 5. `---` directly followed by a closing fence is an *empty* front matter: present
//!    (`Some("")`), and distinct from absent (`None`).
//! 6. The body is every byte after the closing fence's line ending, unchanged.
//! 7. Lines end at LF; a CR before the LF belongs to the line ending.
//! 8. Splitting costs time proportional to the front matter, never to the body, and
//!    allocates nothing.
//!
//! # Typed metadata
//!
//! [`from_str`] and [`Document::deserialize`] accept any `T: Deserialize<'a>` and go
//! through serde_yaml (its maintained continuation, kept private). Fields of type
//! `&'a str` and `Cow<'a, str>` borrow from the input when the YAML scalar is written
//! as is: plain scalars, single-quoted scalars without `''`, and double-quoted
//! scalars without escapes. Scalars that must be rewritten (escapes, `''`, block
//! scalars `|` and `>`, multi-line flow scalars) cannot borrow: use `Cow<'a, str>`
//! with `#[serde(borrow)]` (or `String`) for fields that may hold them; a `&'a str`
//! field fails with [`Kind::InvalidType`] on such a value, and its rendered
//! diagnostic says what to declare instead.
//!
//! A document without front matter, an empty block and a block of only comments read
//! as an empty mapping, so a struct whose fields are all optional succeeds;
//! [`Options::require_front_matter`] makes an absent block an error.
//!
//! [`Release`] is the reference document's type: a New Zealand government press
//! release.
//!
//! # Reading only the header
//!
//! [`read_front_matter`] reads a document from any [`std::io::BufRead`] only up to the
//! end of its closing fence (at most 64 KiB, [`ReadOptions::limit`]), and
//! [`read_front_matter_path`] does so for a file: the body is never read, however
//! large. The owned [`Header`] has the front matter, the spans of [`split()`] and the
//! offset where the body starts, and deserializes into owned types and validates with
//! positions in the whole file.
//!
//! ```
//! let file = "---\ntitle: Hello\n---\n# A body of any size\n";
//! let header = masthead::read_front_matter(file.as_bytes())?;
//! assert_eq!(header.front_matter(), Some("title: Hello\n"));
//! assert_eq!(header.body_start().line(), 4);
//! # Ok::<(), masthead::Error>(())
//! ```
//!
//! # Errors and positions
//!
//! Parsing stops at the first problem and returns an [`Error`]: a stable [`Kind`], a
//! field path (`ministers[1]`, `author.url`, empty for the root), a human message and a
//! [`Span`] in the *original* document. Positions are never relative to the YAML
//! block: the byte offset is 0-based into the whole input, byte-order mark included;
//! the line and column are 1-based, lines end at LF, columns count characters, and
//! the byte-order mark is not a column. A missing field points at the opening fence;
//! a repeated key at its second occurrence (keys written as collections, `[a, b]`,
//! are compared as values, aliases resolved); a value at its start, which for a
//! block scalar (`|`, `>`) is the indicator, as in serde_yaml's errors.
//!
//! ```
//! let src = "\u{feff}---\r\ntitle: Budget\r\ndate: 2024-02-30\r\n---\r\n";
//! let err = masthead::split(src)?.deserialize::<masthead::Release>().unwrap_err();
//! assert_eq!(err.kind(), masthead::Kind::MalformedDate);
//! assert_eq!((err.line(), err.column(), err.span().start()), (3, 7, 29));
//! assert_eq!(err.message(), "invalid date `2024-02-30`: 2024-02 has 29 days");
//! # Ok::<(), masthead::Error>(())
//! ```
//!
//! An error raised by the `Deserialize` impl of your own type gets its kind from
//! how it was raised, never from a crate check its text resembles: `de::Error::custom`,
//! `invalid_type`, `invalid_value` and `invalid_length` give [`Kind::InvalidType`];
//! `missing_field` gives [`Kind::MissingField`], `unknown_field`
//! [`Kind::UnknownField`] and `duplicate_field` [`Kind::DuplicateKey`]. Those last
//! three are known by the message serde writes for them (serde_yaml and toml keep
//! nothing else of an error), so a `custom` message that begins the same way, like
//! ``missing field `…` ``, is read as that kind too. [`Kind::EmptyValue`],
//! [`Kind::MalformedDate`] and [`Kind::MalformedUrl`] come only from the crate's own
//! checks ([`Release`], validation), also when your type passes such an error on
//! unchanged: your own message ``invalid date `…` `` stays [`Kind::InvalidType`].
//!
//! ```
//! struct Day;
//!
//! impl<'de> serde::Deserialize<'de> for Day {
//!     fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
//!         let text = <&str>::deserialize(d)?;
//!         Err(serde::de::Error::custom(format!("invalid date `{text}`: not a weekday")))
//!     }
//! }
//!
//! let err = masthead::from_str::<std::collections::BTreeMap<String, Day>>("---\nday: sun\n---\n")
//!     .err()
//!     .unwrap();
//! assert_eq!(err.kind(), masthead::Kind::InvalidType);
//! assert_eq!(err.to_string(), "field `day`: invalid date `sun`: not a weekday at line 2 column 6");
//! ```
//!
//! Typed parsing and validation word one problem alike: serde's type errors are put
//! in the crate's wording (``invalid type: string `rust`, expected a list``, where
//! serde writes `string "rust"` and `a sequence`), and an empty value shows as `""`.
//! A [`Renderer`] adds notes and help lines for the common mistakes (a tab in
//! indentation, text where a list is expected, a date in another order, a relative
//! URL, `yes` for a boolean, an unquoted `: `). An error of the input as a whole (a
//! file that cannot be read) has no position: [`Error::has_position`].
//!
//! # Validation
//!
//! A [`Schema`] says what the front matter must hold, and [`validate`](fn@validate) reports every
//! problem of a document against it, each a positioned [`Diagnostic`]. A schema is a
//! JSON Schema, from a file ([`Schema::from_path`], JSON or YAML text; a `$ref` to a
//! sibling file resolves next to it, a remote `$ref` is refused when loading) or from
//! a value ([`Schema::from_json_schema`]), or it is built in Rust ([`Schema::new`],
//! [`Rule`]).
//!
//! ```
//! use masthead::{Kind, Rule, Schema};
//!
//! // From a file: the release schema, for editors too.
//! let schema = Schema::from_path("examples/release.schema.json")?;
//! let report = masthead::validate_str("---\ntitle: Budget\ndate: 2024-02-30\n---\n", &schema);
//! assert!(report.iter().any(|d| d.kind() == Kind::MalformedDate && (d.line(), d.column()) == (3, 7)));
//!
//! // From the builder.
//! let schema = Schema::new().required("title", Rule::string().non_empty());
//! let report = masthead::validate_str("---\ntitle: ''\n---\n", &schema);
//! assert_eq!(report.iter().next().unwrap().kind(), Kind::EmptyValue);
//! # Ok::<(), masthead::Error>(())
//! ```
//!
//! The data a JSON Schema checks is the front matter as YAML 1.2 reads it, turned
//! into JSON: `2024-05-01`, `yes` and `NO` are strings (check a date with
//! `format: date`), `1.10` is the number 1.1, `~` is null; with the `toml` feature a
//! TOML date-time is its RFC 3339 text. What JSON cannot hold is reported, never
//! changed in silence, where the schema looks at it: a key that is not a string (`1:`,
//! `true:`) is checked as its text with an [`Kind::InvalidType`] warning, a key that
//! is a sequence or a mapping is an error, and `.inf` or `.nan` in a number field is
//! an [`Kind::InvalidType`] error that says JSON has no infinity or NaN. A repeated
//! key is [`Kind::DuplicateKey`], and its first value is the one checked.
//!
//! The kinds: `required` gives [`Kind::MissingField`] (at the key of the mapping that
//! lacks the field, the opening fence at the root), `type` [`Kind::InvalidType`],
//! `format` of a date or time [`Kind::MalformedDate`] and of a URI
//! [`Kind::MalformedUrl`] (with the reason; a URI must parse with the url crate and
//! follow RFC 3986, or 3987 for an IRI), `additionalProperties: false` and
//! `unevaluatedProperties: false` [`Kind::UnknownField`] at each key, `minLength` or
//! `minItems` of 1 on an empty or null value [`Kind::EmptyValue`], anything else
//! [`Kind::InvalidValue`]. `anyOf`, `oneOf`, `allOf`, `$ref` and `if`/`then` are
//! explained by their deepest useful cause; one value gets one diagnostic.
//! `format` is asserted in every draft ([`JsonSchemaOptions::assert_formats`]) and
//! `date-time` also takes a date alone, a space for `T` and no offset, unless
//! [`JsonSchemaOptions::strict_date_time`]; a date that does not exist is always
//! [`Kind::MalformedDate`]. masthead's extension keyword `x-masthead-placeholder`
//! lists values that stand for "unknown" (the release archive's `0001-01-01`): valid,
//! and reported as a warning.
//!
//! # Write-back and excerpts
//!
//! [`Editor`] changes one entry at a field path (set, add, remove, append to a
//! list) and keeps every other byte of the document, comments and formatting of the
//! block included; what it cannot change in place is a [`Kind::NotEditable`] error
//! that leaves the document as it was.
//!
//! ```
//! let mut doc = masthead::Editor::new("---\ntitle: Hi # greeting\ntags:\n  - a\n---\n")?;
//! doc.push("tags", "b")?;
//! assert_eq!(doc.as_str(), "---\ntitle: Hi # greeting\ntags:\n  - a\n  - b\n---\n");
//! # Ok::<(), masthead::Error>(())
//! ```
//!
//! [`Document::with_front_matter`], [`to_string`] and [`compose`] write a document
//! back with new front matter, keeping the byte-order mark, the fence lines, the
//! body and the line-ending style; comments and formatting inside the replaced block
//! are not kept. Every string is written so that YAML 1.1 readers (Jekyll, Astro,
//! PyYAML) read it back as the same string too: `yes`, `NO`, `1:20` come out quoted,
//! and a date stays plain only when a date type wrote it (see [`to_string`]).
//! [`Document::excerpt`] is the body up to an explicit separator, only
//! when asked for.
//!
//! # Crate features
//!
//! - `validate` (on by default): JSON Schema validation ([`Schema::from_json_schema`],
//!   [`Schema::from_path`], [`Schema::release`], [`JsonSchemaOptions`]), with the
//!   [jsonschema](https://docs.rs/jsonschema) engine (kept private; no network
//!   client) and [serde_json](https://docs.rs/serde_json), whose `Value` is a public
//!   dependency. Without it (`default-features = false`) the crate splits,
//!   deserializes and writes front matter, and validates with builder schemas only.
//! - `toml` (off by default): TOML front matter between `+++` fences, read with the
//!   [toml](https://docs.rs/toml) crate (kept private). It is split by the same
//!   grammar, closed only by a `+++` line (the `Toml` variant of [`Format`]); typed
//!   parsing, validation and write-back work as for YAML, with errors positioned in the
//!   original document; a block that is not TOML is [`Kind::TomlSyntax`]. TOML
//!   date-times read as text. Without the feature, a document that starts with
//!   `+++` has no front matter.
//! - `schemars` (off by default; turns on `validate`): `Schema::for_type::<T>()`, the
//!   JSON Schema of your own type from [schemars](https://docs.rs/schemars)'
//!   `#[derive(JsonSchema)]` (schemars 1, a public dependency), with chrono's dates
//!   as `format: date` / `date-time` and `url::Url` as `format: uri`: validation of
//!   every problem from the type you deserialize into.
//!
//! # Speed
//!
//! Typed parsing and validation first try a deserializer of the crate's own, straight
//! over the front-matter text, for the YAML that real front matter uses: block
//! mappings (nested, or inside sequences), block sequences, one-line flow sequences,
//! and plain, single- and double-quoted scalars on one line, with comments and blank
//! lines. It declines anything else (anchors, aliases, tags, block scalars, flow
//! mappings, multi-line scalars, explicit keys, directives, tabs), and any block it
//! declines or any error at all goes to serde_yaml. What is the same as serde_yaml
//! alone on the block, exactly:
//!
//! - the value, for every `T` that the block deserializes into: the same null,
//!   boolean, number and string resolution, the same borrowed strings;
//! - an error's kind, message and position, whenever the block is valid YAML, or
//!   serde_yaml's own first error is a syntax error. (Positions are in the whole
//!   document; messages are in the crate's wording, `mapping` for serde's `map`,
//!   values in backticks; a repeated key that serde_yaml lets a map keep is an error,
//!   see *Errors and positions*; an empty block reads as an empty mapping, where
//!   serde_yaml reads null.) Over the official YAML test suite (362 of its 402 cases
//!   can be front matter) the two agree on every value and every error but these.
//!
//! What is deliberately better: serde_yaml reads a block only as far as `T` asks, so
//! on a block that is not YAML it may stop at a type error before it meets the
//! syntax error. The crate reports the syntax error, [`Kind::YamlSyntax`], wherever
//! in the block it is, with serde_yaml's own message and position for it.
//!
//! ```
//! use std::collections::BTreeMap;
//!
//! // serde_yaml alone stops at `n`, which is not a `u32`; the list is never closed.
//! let src = "---\nn: x\nlist: [a, b\n---\n";
//! let err = masthead::from_str::<BTreeMap<String, u32>>(src).unwrap_err();
//! assert_eq!(err.kind(), masthead::Kind::YamlSyntax);
//! assert!(err.message().starts_with("invalid YAML: "));
//! ```
//!
//! The fast path takes 55,166 of the 55,167 blocks of the release archive, and
//! [`from_str`] into a [`Release`] costs a fifth of what serde_yaml alone costs on the
//! already split block (15.1 k instructions against 81.4 k).
//!
//! # Limits
//!
//! Front matter may come from untrusted hands, and YAML can ask for a lot of work in
//! few bytes: aliases that replay an anchor thousands of times, or thousands of
//! nested brackets. Before serde_yaml reads a block, the block is checked against
//! [`Limits`]: its size in bytes (default 64 KiB), its nesting depth (default 64)
//! and the nodes its aliases replay (default 10,000). A block over a limit is an
//! error, or a diagnostic, of kind [`Kind::LimitExceeded`], found in milliseconds
//! whatever the block holds. The check costs almost nothing on ordinary documents.
//! Set limits with [`Options::limits`] and [`Schema::limits`]; [`Limits::none`] is
//! for trusted input.
//!
//! ```
//! let hostile = format!("---\na: &a [{}]\nb: [{}]\n---\n", "x, ".repeat(999), "*a, ".repeat(999));
//! let err = masthead::from_str::<serde::de::IgnoredAny>(&hostile).unwrap_err();
//! assert_eq!(err.kind(), masthead::Kind::LimitExceeded);
//! assert_eq!(err.message(), "alias `*a` replays more than the limit of 10000 nodes");
//! ```
//!
//! # Minimum supported Rust version
//!
//! Rust 1.85, the oldest toolchain the locked dependency tree accepts. Raising it is a
//! minor-version change, listed under *Changed* in the changelog.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]

mod check;
mod compat;
mod diagnostic;
mod document;
mod edit;
mod header;
mod limits;
mod options;
mod path;
mod release;
mod span;
mod split;
#[cfg(feature = "toml")]
mod toml;
mod tree;
mod validate;
mod value;
mod write;
mod yaml;

pub use diagnostic::render::Renderer;
pub use diagnostic::{Diagnostic, Error, Kind, Report, Severity};
pub use document::{Document, Format, Parsed, DEFAULT_EXCERPT_SEPARATOR};
pub use edit::Editor;
pub use header::{read_front_matter, read_front_matter_path, Header, ReadOptions};
pub use limits::Limits;
pub use options::Options;
pub use release::Release;
pub use span::{Location, Span};
pub use split::{split, split_bytes};
#[cfg(feature = "validate")]
pub use validate::JsonSchemaOptions;
pub use validate::{from_str_validated, validate, validate_str, Schema, Validated};
#[cfg(feature = "validate")]
pub use validate::{
    BasicRule, CustomRule, DateRule, ListRule, NumberRule, Rule, StringRule, UrlRule,
};

use serde::{Deserialize, Serialize};

/// Splits `src` and deserializes its front matter into `T`, borrowing from `src`
/// where it can.
///
/// A document without front matter reads as an empty mapping; see
/// [`Options::require_front_matter`] to require it.
///
/// # Errors
///
/// The first problem, positioned in the original document:
/// [`Kind::UnterminatedFrontMatter`] from the split, [`Kind::YamlSyntax`] for text that
/// is not YAML, [`Kind::InvalidType`], [`Kind::MissingField`], [`Kind::DuplicateKey`],
/// [`Kind::UnknownField`] (with `#[serde(deny_unknown_fields)]`), and, from
/// [`Release`], [`Kind::EmptyValue`], [`Kind::MalformedDate`] and
/// [`Kind::MalformedUrl`].
///
/// # Examples
///
/// ```
/// use std::borrow::Cow;
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Meta<'a> {
///     #[serde(borrow)]
///     title: Cow<'a, str>,
/// }
///
/// let src = "---\ntitle: 'It''s here'\n---\n";
/// let parsed = masthead::from_str::<Meta>(src)?;
/// assert_eq!(parsed.metadata.title, "It's here");
///
/// let err = masthead::from_str::<Meta>("---\ntitle: [a, b]\n---\n").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "field `title`: invalid type: sequence, expected a string at line 2 column 8",
/// );
/// # Ok::<(), masthead::Error>(())
/// ```
pub fn from_str<'a, T: Deserialize<'a>>(src: &'a str) -> Result<Parsed<'a, T>, Error> {
    Options::new().from_str(src)
}

/// Like [`from_str`], for bytes.
///
/// # Errors
///
/// [`Kind::InvalidUtf8`] at the first bad byte, otherwise as [`from_str`].
///
/// # Examples
///
/// ```
/// let parsed = masthead::from_slice::<serde::de::IgnoredAny>(b"---\na: 1\n---\nbody")?;
/// assert_eq!(parsed.body, "body");
/// # Ok::<(), masthead::Error>(())
/// ```
pub fn from_slice<'a, T: Deserialize<'a>>(src: &'a [u8]) -> Result<Parsed<'a, T>, Error> {
    let src = std::str::from_utf8(src).map_err(|e| split::utf8_error(src, &e))?;
    from_str(src)
}

/// Serializes `metadata` into the front matter of `doc`: the document re-emitted
/// with the new block, every other byte kept.
///
/// The block is written in the document's format (YAML for a document without front
/// matter), fields in the order `T` serializes them, in the document's line-ending
/// style; the byte-order mark, the fence lines and the body are kept byte for byte,
/// as by [`Document::with_front_matter`]. Comments and formatting of the old block
/// are not kept: the block is written anew. An empty mapping makes an empty block.
///
/// Strings are written so that every YAML reader reads them back as the same
/// strings, not only YAML 1.2 ones: a string that a YAML 1.1 reader (PyYAML, Ruby's
/// Psych in Jekyll, go-yaml v2, js-yaml in Astro and gray-matter) would read as a
/// boolean, null, number, date, merge key or Ruby symbol is quoted, as a value and
/// as a key: `yes`, `NO`, `off`, `y`, `~`, `017`, `0o17`, `1_000`, `1:20`, `.5`,
/// `2024-05-01`, `<<`, `:name`. Dates are the one choice to make: a date or time
/// that its type writes through `Serializer::collect_str` (chrono's `NaiveDate`,
/// `NaiveDateTime` and `DateTime` with its `serde` feature) stays plain, because
/// Astro's `z.date()` and Jekyll want a date there; the same text given as a
/// `String` is quoted, because it is a string, and unquoted js-yaml would hand
/// Astro a `Date` where the schema wants text.
///
/// # Errors
///
/// [`Kind::InvalidType`], positioned at the opening fence, when the serializer
/// refuses `metadata`, when its root is not a mapping (front matter is a mapping),
/// or when the written block would not read back as itself.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
///
/// let src = "---\r\ntitle: Old\r\n---\r\nBody\r\n";
/// let doc = masthead::split(src)?;
/// let mut meta: BTreeMap<String, Vec<String>> = BTreeMap::new();
/// meta.insert("tags".into(), vec!["rust".into(), "yaml".into()]);
/// let out = masthead::to_string(&meta, &doc)?;
/// assert_eq!(out, "---\r\ntags:\r\n- rust\r\n- yaml\r\n---\r\nBody\r\n");
///
/// meta.insert("country".into(), vec!["NO".into(), "2024-05-01".into()]);
/// let out = masthead::to_string(&meta, &doc)?;
/// assert!(out.contains("country:\r\n- 'NO'\r\n- '2024-05-01'\r\n"));
///
/// let err = masthead::to_string(&"just text", &doc).unwrap_err();
/// assert_eq!(err.kind(), masthead::Kind::InvalidType);
/// # Ok::<(), masthead::Error>(())
/// ```
pub fn to_string<T: Serialize + ?Sized>(metadata: &T, doc: &Document<'_>) -> Result<String, Error> {
    write::to_string(metadata, doc)
}

/// A new document: `metadata` serialized in `format` between fences, then `body`
/// byte for byte.
///
/// The line endings follow the body's first line (LF for a body of one line).
///
/// # Errors
///
/// As [`to_string`].
///
/// # Examples
///
/// ```
/// #[derive(serde::Serialize)]
/// struct Post<'a> {
///     title: &'a str,
///     draft: bool,
/// }
///
/// let post = Post { title: "Hello", draft: true };
/// let out = masthead::compose(&post, "# Hello\n", masthead::Format::Yaml)?;
/// assert_eq!(out, "---\ntitle: Hello\ndraft: true\n---\n# Hello\n");
/// # Ok::<(), masthead::Error>(())
/// ```
pub fn compose<T: Serialize + ?Sized>(
    metadata: &T,
    body: &str,
    format: Format,
) -> Result<String, Error> {
    write::compose(metadata, body, format)
}

#[doc = include_str!("diagnostic/kinds/index.md")]
#[doc = include_str!("diagnostic/kinds/no-front-matter.md")]
#[doc = include_str!("diagnostic/kinds/unterminated-front-matter.md")]
#[doc = include_str!("diagnostic/kinds/yaml-syntax.md")]
#[doc = include_str!("diagnostic/kinds/invalid-type.md")]
#[doc = include_str!("diagnostic/kinds/missing-field.md")]
#[doc = include_str!("diagnostic/kinds/empty-value.md")]
#[doc = include_str!("diagnostic/kinds/malformed-date.md")]
#[doc = include_str!("diagnostic/kinds/malformed-url.md")]
#[doc = include_str!("diagnostic/kinds/duplicate-key.md")]
#[doc = include_str!("diagnostic/kinds/unknown-field.md")]
#[doc = include_str!("diagnostic/kinds/invalid-utf8.md")]
#[doc = include_str!("diagnostic/kinds/limit-exceeded.md")]
#[doc = include_str!("diagnostic/kinds/invalid-value.md")]
#[doc = include_str!("diagnostic/kinds/not-editable.md")]
#[doc = include_str!("diagnostic/kinds/toml-syntax.md")]
#[doc = include_str!("diagnostic/kinds/io-error.md")]
pub mod kinds {}

/// Internal hooks for the fuzz crate (the `__fuzzing` feature); not part of the API.
#[cfg(feature = "__fuzzing")]
#[doc(hidden)]
pub mod __fuzz {
    /// Panics if the YAML fast path gives `block` a value that differs from
    /// serde_yaml's, for a generic value and for [`Release`](crate::Release), or if
    /// the crate's result for a document of that block changes with the fast path
    /// on and off; returns whether the fast path took the block.
    pub fn fast_path_agrees(block: &str) -> bool {
        crate::yaml::fast_path_agrees(block)
    }
}

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
