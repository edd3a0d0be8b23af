//! Which schema each document is checked against, the YAML language server's way
//! (first match wins: the document's own `$schema` key or modeline comment, then the
//! nearest configuration's globs, then `--schema`), and the run's schema files,
//! each loaded once. Validates nothing: `check` does.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

use memchr::memmem;

use masthead::{Document, Kind, Schema};
use serde::Deserialize;

use crate::config::{relative_to, Config};

/// A schema as a document gets it: how records and the summary name it, and the
/// schema itself or why it cannot be used.
#[derive(Debug)]
pub(crate) struct Named {
    /// `any`, `release`, `none`, or the schema file's path.
    pub(crate) label: String,
    pub(crate) schema: Loaded,
}

/// A schema, or why there is none.
#[derive(Debug)]
pub(crate) enum Loaded {
    /// Ready to validate with.
    Ready(Schema),
    /// The file cannot be read (or is remote): the documents that name it get an
    /// `io-error` record with this message and the run goes on.
    Unreadable(String),
    /// The file is not a valid JSON Schema: the run stops (exit 2) with this message.
    Invalid(String),
}

/// What `--schema` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Choice {
    Any,
    Release,
    File(PathBuf),
}

/// Where the documents of one PATH get their schema: the PATH as given, the
/// nearest configuration above it and the PATH's place from that configuration.
#[derive(Debug)]
pub(crate) struct Root {
    given: PathBuf,
    config: Option<Arc<Config>>,
    /// The canonical PATH from the configuration's folder, `/` between components.
    place: Option<String>,
    /// The configuration's schemas, in the order of its entries.
    mapped: Vec<Arc<Named>>,
}

/// Every schema of the run: the built-in ones, `--schema`'s, each PATH's
/// configuration, and the files documents name, each loaded once.
#[derive(Debug)]
pub(crate) struct Schemas {
    default: Arc<Named>,
    none: Arc<Named>,
    roots: Vec<Root>,
    files: Mutex<HashMap<PathBuf, Arc<Named>>>,
    cwd: Option<PathBuf>,
    /// Reads a schema file shown as the label: `load_file`, or a test's stand-in.
    load: Loader,
}

/// A function that loads the schema file at a path, shown as a label.
pub(crate) type Loader = fn(&Path, &str) -> Loaded;

impl Schemas {
    /// The schemas for a run over `paths` with `--schema choice`: finds each PATH's
    /// configuration and loads every schema they and `--schema` name. `Err` is a
    /// usage error's message: a malformed configuration, or a schema named there or
    /// by `--schema` that is not valid JSON Schema (or, for `--schema`, cannot be
    /// read).
    pub(crate) fn new(choice: &Choice, paths: &[PathBuf]) -> Result<Schemas, String> {
        Schemas::with_loader(choice, paths, load_file)
    }

    /// [`new`](Self::new) with another way to load schema files.
    pub(crate) fn with_loader(
        choice: &Choice,
        paths: &[PathBuf],
        load: Loader,
    ) -> Result<Schemas, String> {
        let mut schemas = Schemas {
            load,
            default: builtin("any", Schema::any()),
            none: builtin("none", Schema::any()),
            roots: Vec::new(),
            files: Mutex::default(),
            cwd: std::env::current_dir()
                .ok()
                .and_then(|d| d.canonicalize().ok()),
        };
        schemas.default = match choice {
            Choice::Any => builtin("any", Schema::any()),
            Choice::Release => builtin("release", Schema::release()),
            Choice::File(path) => {
                let named = schemas.file(path, path.display().to_string());
                match &named.schema {
                    Loaded::Ready(_) => named,
                    Loaded::Unreadable(e) | Loaded::Invalid(e) => return Err(e.clone()),
                }
            }
        };
        let mut configs: HashMap<PathBuf, Arc<Config>> = HashMap::new();
        for given in paths {
            let canonical = given.canonicalize().ok();
            let start = canonical.as_ref().and_then(|c| {
                if c.is_dir() {
                    Some(c.as_path())
                } else {
                    c.parent()
                }
            });
            let config = match start {
                Some(start) => Config::find(start)?,
                None => None,
            };
            let config = config
                .map(|c| Arc::clone(configs.entry(c.file.clone()).or_insert_with(|| Arc::new(c))));
            let place = canonical
                .as_ref()
                .zip(config.as_ref())
                .and_then(|(c, config)| relative_to(c, &config.dir));
            let mut mapped = Vec::new();
            if let Some(config) = &config {
                for entry in &config.entries {
                    let label = schemas.shown(&entry.schema);
                    let named = schemas.file(&entry.schema, label);
                    if let Loaded::Invalid(e) = &named.schema {
                        return Err(e.clone());
                    }
                    mapped.push(named);
                }
            }
            schemas.roots.push(Root {
                given: given.clone(),
                config,
                place,
                mapped,
            });
        }
        Ok(schemas)
    }

    /// The schema for the document at `path`, found under the `root`-th PATH:
    /// its own `$schema` key or modeline comment when `doc` has one, else the
    /// configuration's first matching glob, else `--schema`.
    pub(crate) fn for_document(
        &self,
        root: usize,
        path: &Path,
        doc: Option<&Document<'_>>,
    ) -> Arc<Named> {
        let root = self.roots.get(root);
        if let Some(named) = doc
            .and_then(named_in)
            .map(|name| self.named_by_document(root, path, &name))
        {
            return named;
        }
        self.outside(root, path)
    }

    /// The schema for `path` from the configuration or `--schema`, without reading
    /// the document.
    pub(crate) fn outside(&self, root: Option<&Root>, path: &Path) -> Arc<Named> {
        root.and_then(|r| {
            let config = r.config.as_ref()?;
            let place = r.place.as_deref()?;
            let relative = below(place, &r.given, path)?;
            r.mapped.get(config.entry_for(&relative)?).cloned()
        })
        .unwrap_or_else(|| Arc::clone(&self.default))
    }

    /// The `root`-th PATH's roots, for [`outside`](Self::outside).
    pub(crate) fn root(&self, root: usize) -> Option<&Root> {
        self.roots.get(root)
    }

    /// The schema a document names with `$schema`: `none`, or a path from the
    /// document's folder, then from the configuration's.
    fn named_by_document(&self, root: Option<&Root>, path: &Path, name: &Name) -> Arc<Named> {
        let value = match name {
            Name::Value(v) => v.as_str(),
            Name::NotText => {
                return unreadable(
                    "$schema".to_owned(),
                    "cannot load schema: `$schema` must be a path, a file: URL or `none`"
                        .to_owned(),
                )
            }
        };
        if value == "none" {
            return Arc::clone(&self.none);
        }
        let local = match value.strip_prefix("file://") {
            Some(rest) => rest,
            None if value.contains("://") => {
                return unreadable(
                    value.to_owned(),
                    format!("cannot load schema `{value}`: remote schemas are not fetched"),
                )
            }
            None => value,
        };
        let folder = path.parent().unwrap_or(Path::new(""));
        let mut candidates = vec![folder.join(local)];
        if let Some(config) = root.and_then(|r| r.config.as_ref()) {
            candidates.push(config.dir.join(local));
        }
        match candidates.iter().find(|c| c.is_file()) {
            Some(found) => self.file(found, self.shown(found)),
            None => unreadable(
                value.to_owned(),
                format!(
                    "cannot load schema `{value}`: no such file next to the document{}",
                    if candidates.len() > 1 {
                        " or the configuration"
                    } else {
                        ""
                    }
                ),
            ),
        }
    }

    /// The schema file at `path`, loaded the first time it is asked for and shown
    /// as `label` in records.
    fn file(&self, path: &Path, label: String) -> Arc<Named> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        let named = files.entry(key).or_insert_with(|| {
            Arc::new(Named {
                schema: (self.load)(path, &label),
                label,
            })
        });
        Arc::clone(named)
    }

    /// A path as records show it: from the current folder when it is inside it,
    /// without `.` and `..` components.
    fn shown(&self, path: &Path) -> String {
        let clean = lexical(path);
        let shown = self
            .cwd
            .as_ref()
            .and_then(|cwd| clean.strip_prefix(cwd).ok())
            .unwrap_or(&clean);
        shown.display().to_string()
    }
}

/// The path of `path`, a document found under the PATH `given`, from the
/// configuration's folder, where `given` is at `place`. The walk made `path` by
/// joining `given` with the rest, so that the rest is cut off as text: no path
/// components to parse for every document (they were 3 % of a run's cycles).
fn below<'p>(place: &'p str, given: &Path, path: &Path) -> Option<Cow<'p, str>> {
    let rest = match (path.to_str(), given.to_str()) {
        (Some(p), Some(g)) if p.len() > g.len() && p.starts_with(g) => {
            let rest = &p[g.len()..];
            rest.strip_prefix(std::path::MAIN_SEPARATOR)
                .or_else(|| rest.strip_prefix('/'))
                .or_else(|| {
                    g.ends_with(['/', std::path::MAIN_SEPARATOR])
                        .then_some(rest)
                })?
                .replace(std::path::MAIN_SEPARATOR, "/")
        }
        _ if path == given => String::new(),
        _ => relative_to(path, given)?,
    };
    Some(match (place.is_empty(), rest.is_empty()) {
        (_, true) => Cow::Borrowed(place),
        (true, false) => Cow::Owned(rest),
        (false, false) => Cow::Owned(format!("{place}/{rest}")),
    })
}

fn builtin(label: &str, schema: Schema) -> Arc<Named> {
    Arc::new(Named {
        label: label.to_owned(),
        schema: Loaded::Ready(schema),
    })
}

fn unreadable(label: String, message: String) -> Arc<Named> {
    Arc::new(Named {
        label,
        schema: Loaded::Unreadable(message),
    })
}

/// `path` without `.` components and with `name/..` pairs folded.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Loads a JSON Schema file (JSON or YAML, `$ref`s to sibling files resolved
/// from it) with the library, naming it as `label` in messages: unreadable, or not
/// a valid JSON Schema (with ` --> label:line:column` when the error is in its
/// text).
fn load_file(path: &Path, label: &str) -> Loaded {
    match Schema::from_path(path) {
        Ok(schema) => Loaded::Ready(schema),
        Err(e) => {
            let message = e.message().replace(&path.display().to_string(), label);
            if e.kind() == Kind::Io {
                Loaded::Unreadable(message)
            } else if e.has_position() {
                Loaded::Invalid(format!(
                    "{message}\n --> {label}:{}:{}",
                    e.line(),
                    e.column()
                ))
            } else {
                Loaded::Invalid(message)
            }
        }
    }
}

/// What a block names as its schema.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Name {
    Value(String),
    NotText,
}

/// The schema a document's front matter names: a `# yaml-language-server:
/// $schema=…` comment line first (the language server reads it first), then a
/// top-level `$schema` key. Both are looked for only when the block's text has
/// `$schema`, so that other documents cost one substring search.
pub(crate) fn named_in(doc: &Document<'_>) -> Option<Name> {
    static SCHEMA: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("$schema"));
    let block = doc.front_matter()?;
    SCHEMA.find(block.as_bytes())?;
    if let Some(value) = block.lines().find_map(modeline) {
        return Some(Name::Value(value.to_owned()));
    }
    #[derive(Deserialize)]
    struct Key {
        #[serde(rename = "$schema")]
        schema: Option<serde_json::Value>,
    }
    let key = masthead::from_str::<Key>(doc.source())
        .ok()?
        .metadata
        .schema?;
    Some(match key {
        serde_json::Value::String(s) => Name::Value(s.trim().to_owned()),
        _ => Name::NotText,
    })
}

/// The value of `$schema=` in a `# yaml-language-server:` comment line.
fn modeline(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('#')?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start().strip_prefix("yaml-language-server")?;
    let rest = rest.trim_start().strip_prefix(':')?;
    let at = rest.find("$schema=")?;
    let value = rest[at + "$schema=".len()..].split_whitespace().next()?;
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named_in_block(block: &str) -> Option<Name> {
        let src = format!("---\n{block}\n---\nbody\n");
        named_in(&masthead::split(&src).unwrap())
    }

    #[test]
    fn a_block_names_its_schema_by_modeline_or_key() {
        let value = |s: &str| Some(Name::Value(s.to_owned()));
        assert_eq!(named_in_block("title: a\n"), None);
        assert_eq!(
            named_in_block("$schema: ../post.json\ntitle: a"),
            value("../post.json")
        );
        assert_eq!(named_in_block("\"$schema\": 'none'"), value("none"));
        assert_eq!(named_in_block("$schema: [a]"), Some(Name::NotText));
        assert_eq!(named_in_block("nested:\n  $schema: x.json\n"), None);
        assert_eq!(
            named_in_block("# yaml-language-server: $schema=a.json\n$schema: b.json"),
            value("a.json"),
            "the comment comes first"
        );
        assert_eq!(
            named_in_block("title: a\n  #\tyaml-language-server :  x=1 $schema=s.yaml  y\n"),
            value("s.yaml")
        );
        for not in [
            "#yaml-language-server: $schema=a.json",
            "# yaml-language-server $schema=a.json",
            "# yaml-language-server: schema=a.json",
            "title: x # yaml-language-server: $schema=a.json",
        ] {
            assert_eq!(named_in_block(not), None, "{not}");
        }
        // A block that does not parse names nothing by key.
        assert_eq!(named_in_block("$schema: [a\n"), None);
    }

    #[test]
    fn a_document_s_place_from_the_configuration() {
        let below = |place: &str, given: &str, path: &str| {
            below(place, Path::new(given), Path::new(path)).map(Cow::into_owned)
        };
        assert_eq!(below("", "site", "site/a/b.md").as_deref(), Some("a/b.md"));
        assert_eq!(
            below("content", "c/", "c/a.md").as_deref(),
            Some("content/a.md")
        );
        assert_eq!(
            below("content/a.md", "x.md", "x.md").as_deref(),
            Some("content/a.md")
        );
        assert_eq!(below("p", "site", "siteb/a.md"), None);
        assert_eq!(
            below("p", "./s/../s", "./s/../s/a.md").as_deref(),
            Some("p/a.md")
        );
    }

    #[test]
    fn paths_are_shown_without_dots() {
        assert_eq!(lexical(Path::new("a/./b/../c.json")), Path::new("a/c.json"));
        assert_eq!(lexical(Path::new("../x/../y")), Path::new("../y"));
    }
}
