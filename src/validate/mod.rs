//! Validation: a [`Schema`] (a JSON Schema, loaded or emitted by the builder) run
//! over the parsed front matter by one engine, collecting *every* problem into a
//! [`Report`]. This module holds the entry points only; the schema, the builder, the
//! engine and the positions are its parts (the date and URL checks it shares with the
//! bridges live in `crate::check`).

#[cfg(feature = "validate")]
mod emit;
#[cfg(feature = "schemars")]
mod for_type;
#[cfg(feature = "validate")]
mod json;
mod position;
#[cfg(feature = "validate")]
mod refine;
#[cfg(feature = "validate")]
mod rule;
mod run;
mod schema;

use serde::Deserialize;

#[cfg(feature = "validate")]
pub use json::JsonSchemaOptions;
#[cfg(feature = "validate")]
pub use rule::{BasicRule, CustomRule, DateRule, ListRule, NumberRule, Rule, StringRule, UrlRule};
pub use schema::Schema;

use crate::diagnostic::Report;
use crate::document::{Document, Format, Parsed};
use crate::value::Value;

/// Checks the front matter of `doc` against `schema` and returns every problem.
///
/// Problems of the document as a whole come first and may stop the check:
/// [`Kind::NoFrontMatter`](crate::Kind::NoFrontMatter) (when the schema requires
/// front matter) and [`Kind::YamlSyntax`](crate::Kind::YamlSyntax). Otherwise every
/// rule runs and every violation is reported: missing and empty fields, wrong types,
/// malformed dates and URLs, unknown fields in strict schemas, and every repeated key
/// anywhere in the block.
///
/// # Examples
///
/// ```
/// let src = "---\ndate: 2024-13-45\nurl: /relative\nministers: [A]\nportfolios: [B]\n---\n";
/// let report = masthead::validate(&masthead::split(src)?, &masthead::Schema::release());
/// for d in &report {
///     println!("{d}");
/// }
/// assert_eq!(report.len(), 3);
/// # Ok::<(), masthead::Error>(())
/// ```
#[must_use]
pub fn validate(doc: &Document<'_>, schema: &Schema) -> Report {
    if !doc.has_front_matter() && schema.require_front_matter {
        return Report::from(crate::options::no_front_matter(doc));
    }
    let (value, read_errors) = match doc.value(schema.limits) {
        Ok(v) => v,
        Err(e) => return Report::from(e),
    };
    let mut run = run::Run::default();
    // TOML quotes every string: YAML readers never see a TOML block.
    let yaml11 = schema.yaml11_warnings && doc.format().is_none_or(|f| f == Format::Yaml);
    let root = match value {
        Value::Null => Value::Map(Vec::new()),
        v => v,
    };
    // A plain value (string keys, none twice: nearly all front matter) repeats none.
    let plain = root.plain();
    if !plain {
        run.duplicates(&root, &mut Vec::new(), &mut Vec::new());
    }
    #[cfg(feature = "validate")]
    {
        if let Some(json) = &schema.json {
            json.run(&root, yaml11, plain, &mut run.found);
        }
        if schema.has_builder() {
            match &schema.built().compiled {
                Ok(built) => built.run(&root, yaml11, plain, &mut run.found),
                Err(e) => return Report::from(e.clone()),
            }
        } else if schema.json.is_none() {
            run.root_mapping(&root);
        }
    }
    #[cfg(not(feature = "validate"))]
    {
        let _ = (yaml11, plain);
        run.root_mapping(&root);
    }
    if run.found.is_empty() && read_errors.is_empty() {
        return Report::default();
    }
    let mut diagnostics = position::position(doc, run.found);
    // An error of the reading (a TOML date that does not exist) that a rule found
    // again at the same place is reported once.
    for e in read_errors {
        let d = crate::Diagnostic::from(e);
        if !diagnostics
            .iter()
            .any(|f| f.kind() == d.kind() && f.span() == d.span())
        {
            diagnostics.push(d);
        }
    }
    Report::new(diagnostics)
}

/// Splits `src` and checks its front matter against `schema`: [`validate`] in one
/// call. A document that cannot be split (an unterminated front matter, say) gives a
/// report of that one error.
///
/// # Examples
///
/// ```
/// use masthead::{Kind, Schema};
///
/// let report = masthead::validate_str("---\ntitle: x\n---\n", &Schema::release());
/// assert_eq!(report.error_count(), 4);
/// let report = masthead::validate_str("---\ntitle: x\n", &Schema::release());
/// let kinds: Vec<Kind> = report.iter().map(|d| d.kind()).collect();
/// assert_eq!(kinds, [Kind::UnterminatedFrontMatter]);
/// ```
#[must_use]
pub fn validate_str(src: &str, schema: &Schema) -> Report {
    match crate::split(src) {
        Ok(doc) => validate(&doc, schema),
        Err(e) => Report::from(e),
    }
}

/// Validates `src` against `schema`, then deserializes it: typed metadata, with the
/// report's warnings beside it, or the whole report.
///
/// # Errors
///
/// A [`Report`] holding every error (and warning) of the document, or the one error
/// of a deserialization that the schema let through.
///
/// # Examples
///
/// ```
/// use masthead::{Release, Schema};
///
/// let src = "---\ntitle: Placeholder\ndate: 0001-01-01\nurl: https://www.beehive.govt.nz/\n\
///            ministers: [A]\nportfolios: [B]\n---\nbody\n";
/// let ok = masthead::from_str_validated::<Release>(src, &Schema::release())?;
/// assert_eq!(ok.metadata.title, "Placeholder");
/// assert_eq!(ok.warnings.warning_count(), 1);
///
/// let bad = masthead::from_str_validated::<Release>("---\ntitle: x\n---\n", &Schema::release()).unwrap_err();
/// assert_eq!(bad.error_count(), 4);
/// # Ok::<(), masthead::Report>(())
/// ```
pub fn from_str_validated<'a, T: Deserialize<'a>>(
    src: &'a str,
    schema: &Schema,
) -> Result<Validated<'a, T>, Report> {
    let doc = crate::split(src)?;
    let report = validate(&doc, schema);
    if !report.is_valid() {
        return Err(report);
    }
    let metadata = crate::Options::new()
        .require_front_matter(schema.require_front_matter)
        .limits(schema.limits)
        .deserialize(&doc)?;
    Ok(Validated {
        metadata,
        body: doc.body(),
        document: doc,
        warnings: report,
    })
}

/// Typed metadata that passed validation, with the body and any warnings; from
/// [`from_str_validated`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validated<'a, T> {
    /// The front matter, deserialized.
    pub metadata: T,
    /// The body, byte for byte, borrowed from the input.
    pub body: &'a str,
    /// The whole document, split: spans, fences, [`excerpt`](Document::excerpt).
    pub document: Document<'a>,
    /// The warnings of validation (no errors).
    pub warnings: Report,
}

impl<'a, T> From<Validated<'a, T>> for Parsed<'a, T> {
    fn from(v: Validated<'a, T>) -> Self {
        Parsed {
            metadata: v.metadata,
            body: v.body,
            document: v.document,
        }
    }
}
