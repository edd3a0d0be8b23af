//! JSON Schema behind [`Schema`](super::Schema): loading a schema (from a value, text
//! or a file, with sibling `$ref`s and never a remote one), compiling it once with the
//! engine, and the formats masthead checks itself. It names the engine; nothing
//! outside `validate` does, and no engine type leaves this module's children.

mod annotate;
mod convert;
mod custom;
mod describe;
mod errors;
mod formats;
mod input;
mod pointer;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::Value as Json;

use super::run::Found;
use crate::diagnostic::{Error, Kind};
use crate::span::Span;
use crate::value::Value;

/// How a JSON Schema is compiled: [`Schema::from_json_schema`](super::Schema::from_json_schema)
/// uses the defaults, [`JsonSchemaOptions`] changes them.
///
/// # Examples
///
/// ```
/// use masthead::{JsonSchemaOptions, Kind};
///
/// let schema = serde_json::json!({"properties": {"date": {"format": "date-time"}}});
/// let doc = masthead::split("---\ndate: 2024-05-01 10:00\n---\n")?;
/// // Front matter's timestamp forms pass by default…
/// let lenient = JsonSchemaOptions::new().compile(&schema)?;
/// assert!(masthead::validate(&doc, &lenient).is_empty());
/// // …and not with a strict date-time.
/// let strict = JsonSchemaOptions::new().strict_date_time(true).compile(&schema)?;
/// let report = masthead::validate(&doc, &strict);
/// assert_eq!(report.iter().next().unwrap().kind(), Kind::MalformedDate);
/// // Without format assertions, a format is an annotation only.
/// let off = JsonSchemaOptions::new().assert_formats(false).compile(&schema)?;
/// let doc = masthead::split("---\ndate: tomorrow\n---\n")?;
/// assert!(masthead::validate(&doc, &off).is_empty());
/// # Ok::<(), masthead::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSchemaOptions {
    formats: bool,
    strict_date_time: bool,
    /// The Rust checks of a builder schema's `x-masthead-custom` keywords.
    customs: custom::Customs,
}

impl Default for JsonSchemaOptions {
    fn default() -> Self {
        JsonSchemaOptions::new()
    }
}

impl JsonSchemaOptions {
    /// The defaults: formats asserted in every draft, `date-time` lenient.
    #[must_use]
    pub const fn new() -> Self {
        JsonSchemaOptions {
            formats: true,
            strict_date_time: false,
            customs: custom::Customs(Vec::new()),
        }
    }

    /// Whether `format` is an assertion (default `true`, in every draft, because a
    /// date or a URL that does not parse is front matter's commonest fault). With
    /// `false`, formats are annotations only, as draft 2020-12 itself says. Unknown
    /// formats are ignored either way.
    #[must_use]
    pub const fn assert_formats(mut self, yes: bool) -> Self {
        self.formats = yes;
        self
    }

    /// Whether `format: date-time` requires RFC 3339 exactly (default `false`). By
    /// default it also accepts the forms front matter is written in and site
    /// generators read: a date alone (`2024-05-01`), a space for the `T`
    /// (`2024-05-01 10:00:00`), no seconds, no offset (read as UTC). A date that
    /// does not exist (`2024-02-30`) is [`Kind::MalformedDate`] either way.
    #[must_use]
    pub const fn strict_date_time(mut self, yes: bool) -> Self {
        self.strict_date_time = yes;
        self
    }

    /// Compiles `schema`, a JSON Schema (the draft its `$schema` names: 2020-12,
    /// 2019-09, 7, 6 or 4; 2020-12 when none), into a [`Schema`](super::Schema).
    /// A `$ref` to another document is refused: without a file there is no folder
    /// to resolve it against (see [`load`](JsonSchemaOptions::load)).
    ///
    /// # Errors
    ///
    /// [`Kind::InvalidValue`] for a schema that is not valid JSON Schema, or whose
    /// `$ref` names another document; the message says which keyword and why.
    pub fn compile(&self, schema: &Json) -> Result<super::Schema, Error> {
        self.build(schema, None).map(super::Schema::from_compiled)
    }

    /// Reads a JSON Schema file, written in JSON or YAML, and compiles it. A `$ref`
    /// to a sibling file (`"post.schema.json#/$defs/author"`, `"../common.yaml"`)
    /// resolves relative to the file; a remote one (`https://…`) is never fetched:
    /// the schema is refused when it is loaded.
    ///
    /// # Errors
    ///
    /// [`Kind::Io`] for a file that cannot be read, [`Kind::YamlSyntax`] for text
    /// that is neither JSON nor YAML (positioned in the schema file), and what
    /// [`compile`](JsonSchemaOptions::compile) refuses.
    pub fn load(&self, path: impl AsRef<Path>) -> Result<super::Schema, Error> {
        let path = path.as_ref();
        let schema = read_schema_file(path)?;
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.build(&schema, Some(absolute))
            .map(super::Schema::from_compiled)
    }

    /// Compiles JSON Schema text, written in JSON or YAML, as
    /// [`load`](JsonSchemaOptions::load) reads a file (without a folder for `$ref`s).
    ///
    /// # Errors
    ///
    /// [`Kind::YamlSyntax`] for text that is neither JSON nor YAML (positioned in
    /// the text), and what [`compile`](JsonSchemaOptions::compile) refuses.
    pub fn compile_str(&self, text: &str) -> Result<super::Schema, Error> {
        let schema = parse_schema_text(text, false)?;
        self.build(&schema, None).map(super::Schema::from_compiled)
    }

    /// Compiles the JSON Schema a builder emitted, with its custom checks.
    pub(in crate::validate) fn build_with(
        self,
        schema: &Json,
        customs: Vec<crate::validate::rule::Custom>,
    ) -> Result<Compiled, Error> {
        let options = JsonSchemaOptions {
            customs: custom::Customs(customs),
            ..self
        };
        options.build(schema, None)
    }

    fn build(&self, schema: &Json, file: Option<PathBuf>) -> Result<Compiled, Error> {
        let base = file.as_deref().map(file_uri);
        let retrieved = Arc::new(Mutex::new(Vec::new()));
        let mut options = jsonschema::options_for::<input::Tree>()
            .should_validate_formats(self.formats)
            .should_ignore_unknown_formats(true)
            .with_retriever(Local {
                file: file.clone(),
                retrieved: Arc::clone(&retrieved),
            });
        options = formats::register(options, self.strict_date_time);
        options = custom::register(options, &self.customs);
        if let Some(base) = &base {
            options = options.with_base_uri(base.clone());
        }
        let validator = options
            .build(schema)
            .map_err(|e| errors::schema_error(&e, file.as_deref()))?;
        let others = retrieved.lock().map(|mut r| std::mem::take(&mut *r));
        Ok(Compiled {
            validator,
            plan: annotate::Plan::of(schema, schema),
            root: Arc::new(schema.clone()),
            others: others.unwrap_or_default(),
            options: self.clone(),
            file,
        })
    }
}

/// A compiled JSON Schema and the root document it came from (read to describe
/// what a failed subschema expects).
pub(super) struct Compiled {
    validator: jsonschema::Validator<input::Tree>,
    plan: annotate::Plan,
    root: Arc<Json>,
    /// The other documents `$ref`s reached (sibling files), with their URIs: an
    /// error in one of them is described from it.
    others: Vec<(String, Json)>,
    options: JsonSchemaOptions,
    file: Option<PathBuf>,
}

impl fmt::Debug for Compiled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonSchema")
            .field("schema", &self.root)
            .field("options", &self.options)
            .field("file", &self.file)
            .finish_non_exhaustive()
    }
}

impl Compiled {
    /// The schema as written.
    pub(super) fn json(&self) -> &Json {
        &self.root
    }

    /// Every problem of `value` (the front matter, a mapping or null) against the
    /// schema, with structural targets; with `yaml11`, the warnings where YAML 1.1
    /// readers read a string field's plain value otherwise. `plain` is
    /// [`Value::plain`] of `value`.
    pub(super) fn run(&self, value: &Value<'_>, yaml11: bool, plain: bool, found: &mut Vec<Found>) {
        // The engine reads the tree in place; a mapping with keys that are not
        // plain field names (`1:`, a repeated key) is read through a plain copy.
        let normal;
        let input = if plain {
            value
        } else {
            normal = input::normalize(value);
            &normal
        };
        annotate::Walk::run(&self.plan, value, yaml11, plain, found);
        if self.validator.is_valid(input) {
            return;
        }
        let mut mapped = errors::Mapper {
            root: &self.root,
            others: &self.others,
            value,
            strict: self.options.strict_date_time,
            found: Vec::new(),
            severity: crate::diagnostic::Severity::Error,
        };
        for error in self.validator.iter_errors(input) {
            mapped.error(&error);
        }
        found.extend(errors::dedupe(mapped.found));
    }
}

/// `uri` without its `#fragment`.
pub(super) fn without_fragment(uri: &str) -> &str {
    uri.split('#').next().unwrap_or(uri)
}

/// `file:///abs/path`, percent-encoded, for the engine's base URI.
fn file_uri(path: &Path) -> String {
    url::Url::from_file_path(path)
        .map_or_else(|()| format!("file://{}", path.display()), |u| u.to_string())
}

/// The engine's way to read a `$ref` to another document: sibling files only.
struct Local {
    file: Option<PathBuf>,
    /// Each document read, with the URI it was asked for by.
    retrieved: Arc<Mutex<Vec<(String, Json)>>>,
}

impl jsonschema::Retrieve for Local {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Json, Box<dyn std::error::Error + Send + Sync>> {
        let text = uri.as_str();
        if uri.scheme().as_str() != "file" {
            return Err(format!(
                "remote `$ref` `{text}` is never fetched: save the schema beside this one \
                 and refer to it by a relative path"
            )
            .into());
        }
        if self.file.is_none() {
            return Err(format!(
                "`$ref` `{text}` names another document, and a schema compiled from a value \
                 has no folder: load it from its file"
            )
            .into());
        }
        let path = url::Url::parse(text)
            .ok()
            .and_then(|u| u.to_file_path().ok())
            .ok_or_else(|| format!("`$ref` `{text}` is not a file path"))?;
        let json = read_schema_file(&path).map_err(|e| e.to_string())?;
        if let Ok(mut retrieved) = self.retrieved.lock() {
            retrieved.push((without_fragment(text).to_owned(), json.clone()));
        }
        Ok(json)
    }
}

/// Reads and parses a schema file: JSON for `.json` or text that opens with `{`,
/// YAML otherwise.
fn read_schema_file(path: &Path) -> Result<Json, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::without_position(
            Kind::Io,
            format!("cannot read schema `{}`: {e}", path.display()),
        )
    })?;
    let json = path.extension().is_some_and(|e| e == "json");
    parse_schema_text(&text, json).map_err(|e| {
        Error::new(
            e.kind(),
            e.path(),
            format!("schema `{}`: {}", path.display(), e.message()),
            e.span(),
        )
    })
}

/// Parses schema text: JSON when `json` is set or the text opens with `{`, else YAML
/// (as front matter is read, YAML 1.2). Errors are positioned in the text.
fn parse_schema_text(text: &str, json: bool) -> Result<Json, Error> {
    let body = text.trim_start_matches('\u{feff}');
    if json || body.trim_start().starts_with('{') {
        return serde_json::from_str(body).map_err(|e| {
            let offset = offset_of(text, e.line(), e.column());
            let message = format!("invalid JSON: {}", strip_position(&e.to_string()));
            Error::new(
                Kind::YamlSyntax,
                "",
                message,
                Span::of(text, offset, offset),
            )
        });
    }
    // YAML: read as a front-matter block of a document made for it, then rebased.
    let wrapped = format!("---\n{body}\n---\n");
    let bom = text.len() - body.len();
    let doc = crate::split(&wrapped)?;
    let value = crate::yaml::value(&doc, crate::Limits::new()).map_err(|e| {
        let at = |offset: usize| (offset.saturating_sub(4) + bom).min(text.len());
        let start = at(e.span().start());
        let end = at(e.span().end()).max(start);
        let message = unwrapped_lines(e.message());
        Error::new(e.kind(), e.path(), message, Span::of(text, start, end))
    })?;
    Ok(convert::to_json(&value))
}

/// A message about the wrapped text with the line of its context (`… that starts at
/// line L column C`, a line of the wrapper) made a line of the text: one less, for
/// the wrapper's opening fence.
fn unwrapped_lines(message: &str) -> String {
    const AT: &str = " that starts at line ";
    let Some((head, rest)) = message.rsplit_once(AT) else {
        return message.to_owned();
    };
    match rest.split_once(' ') {
        Some((line, tail)) => match line.parse::<usize>() {
            Ok(line) => format!("{head}{AT}{} {tail}", line.saturating_sub(1).max(1)),
            Err(_) => message.to_owned(),
        },
        None => message.to_owned(),
    }
}

/// The byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(start..).unwrap_or("");
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// serde_json's message without its ` at line L column C`.
fn strip_position(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}
