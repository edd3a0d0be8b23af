//! The configuration file: finding the nearest `masthead.toml` / `.masthead.toml`
//! above a PATH, reading its `[schemas]` table and matching a document's path
//! against its globs. Loads no schema and reads no document.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

/// The names a configuration file may have, in the order they are looked for in
/// each folder.
pub(crate) const NAMES: [&str; 2] = ["masthead.toml", ".masthead.toml"];

/// A configuration file: where it is and what its `[schemas]` table maps.
#[derive(Debug)]
pub(crate) struct Config {
    /// The file itself.
    pub(crate) file: PathBuf,
    /// Its folder, canonical: schema paths and globs are relative to it.
    pub(crate) dir: PathBuf,
    /// The `[schemas]` entries, in the order of the file.
    pub(crate) entries: Vec<Entry>,
}

/// One `"schema path" = [globs]` line of `[schemas]`.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The schema file: the configuration's folder joined with the key.
    pub(crate) schema: PathBuf,
    globs: Vec<Glob>,
}

/// One glob, as it is matched.
#[derive(Debug)]
enum Glob {
    /// `**`: everything.
    All,
    /// Has a `/`: matched against the whole path from the configuration's folder.
    Path(glob::Pattern),
    /// Has no `/`: matched against the file name, at any depth (`*.md`).
    Name(glob::Pattern),
    /// No wildcard: this file, or every document inside this folder.
    Literal(String),
}

/// The file's shape: only `[schemas]`, and it is required.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    schemas: BTreeMap<String, toml::Spanned<Globs>>,
}

/// A glob or a list of them, as `yaml.schemas` takes.
#[derive(Deserialize)]
#[serde(untagged, expecting = "a glob or a list of globs")]
enum Globs {
    One(String),
    Many(Vec<String>),
}

impl Config {
    /// The nearest configuration in `start` (a canonical folder) or a folder above
    /// it: `Ok(None)` when there is none, `Err` (a usage error's message, naming
    /// the file and line) when the nearest one cannot be read or is malformed.
    pub(crate) fn find(start: &Path) -> Result<Option<Config>, String> {
        for dir in start.ancestors() {
            for name in NAMES {
                let file = dir.join(name);
                if file.is_file() {
                    return Config::read(&file, dir).map(Some);
                }
            }
        }
        Ok(None)
    }

    /// Reads and checks the configuration `file` in the canonical folder `dir`.
    pub(crate) fn read(file: &Path, dir: &Path) -> Result<Config, String> {
        let shown = file.display();
        let text = fs::read_to_string(file).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
        let line_of = |offset: usize| {
            text.get(..offset)
                .map_or(1, |t| t.matches('\n').count() + 1)
        };
        let parsed: File = toml::from_str(&text).map_err(|e| {
            let at = e.span().map(|s| format!(":{}", line_of(s.start)));
            format!(
                "invalid configuration `{shown}{}`: {}",
                at.unwrap_or_default(),
                e.message().trim_end()
            )
        })?;
        let mut entries = Vec::new();
        for (key, value) in parsed.schemas {
            let start = value.span().start;
            let bad = |why: &str| {
                format!(
                    "invalid configuration `{shown}:{}`: [schemas] `{key}`: {why}",
                    line_of(start)
                )
            };
            if key.trim().is_empty() {
                return Err(bad("the schema path is empty"));
            }
            let texts = match value.into_inner() {
                Globs::One(one) => vec![one],
                Globs::Many(many) => many,
            };
            let globs = texts
                .iter()
                .map(|t| Glob::new(t).map_err(|e| bad(&format!("glob `{t}`: {e}"))))
                .collect::<Result<_, _>>()?;
            entries.push((
                start,
                Entry {
                    schema: dir.join(&key),
                    globs,
                },
            ));
        }
        // The table is read sorted by key: put its entries back in the file's
        // order, where the first match wins.
        entries.sort_by_key(|(start, _)| *start);
        Ok(Config {
            file: file.to_path_buf(),
            dir: dir.to_path_buf(),
            entries: entries.into_iter().map(|(_, e)| e).collect(),
        })
    }

    /// The index of the first entry whose globs match `relative`, a document's path
    /// from the configuration's folder with `/` between its components.
    pub(crate) fn entry_for(&self, relative: &str) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| e.globs.iter().any(|g| g.matches(relative)))
    }
}

impl Glob {
    fn new(text: &str) -> Result<Glob, String> {
        let text = text.trim();
        let text = text.strip_prefix("./").unwrap_or(text);
        let text = text.trim_start_matches('/').trim_end_matches('/');
        if text.is_empty() {
            return Err("empty glob".to_owned());
        }
        if text == "**" {
            return Ok(Glob::All);
        }
        if !text.contains(['*', '?', '[']) {
            return Ok(Glob::Literal(text.to_owned()));
        }
        let pattern = glob::Pattern::new(text).map_err(|e| e.msg.to_owned())?;
        Ok(if text.contains('/') {
            Glob::Path(pattern)
        } else {
            Glob::Name(pattern)
        })
    }

    fn matches(&self, relative: &str) -> bool {
        const OPTIONS: glob::MatchOptions = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: false,
        };
        match self {
            Glob::All => true,
            Glob::Path(p) => p.matches_with(relative, OPTIONS),
            Glob::Name(p) => {
                let name = relative.rsplit('/').next().unwrap_or(relative);
                p.matches_with(name, OPTIONS)
            }
            Glob::Literal(l) => {
                relative == l
                    || relative
                        .strip_prefix(l.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
            }
        }
    }
}

/// `path` (absolute and canonical) from `dir`, with `/` between components: `None`
/// when it is not inside `dir`.
pub(crate) fn relative_to(path: &Path, dir: &Path) -> Option<String> {
    let rest = path.strip_prefix(dir).ok()?;
    let mut out = String::new();
    for c in rest.components() {
        if let Component::Normal(part) = c {
            if !out.is_empty() {
                out.push('/');
            }
            out.push_str(&part.to_string_lossy());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glob(text: &str) -> Glob {
        Glob::new(text).unwrap()
    }

    #[test]
    fn globs_match_like_the_yaml_language_server_s() {
        let cases = [
            ("content/blog/**/*.md", "content/blog/a.md", true),
            ("content/blog/**/*.md", "content/blog/2024/05/a.md", true),
            ("content/blog/**/*.md", "content/docs/a.md", false),
            ("content/blog/*.md", "content/blog/2024/a.md", false),
            ("content/*/a.md", "content/blog/a.md", true),
            ("*.md", "a.md", true),
            ("*.md", "deep/in/side/a.md", true),
            ("*.md", "a.mdx", false),
            ("**", "any/thing.md", true),
            ("**/*.mdx", "x/y.mdx", true),
            ("content/blog", "content/blog/a.md", true),
            ("content/blog/", "content/blog/x/a.md", true),
            ("./content/blog", "content/blog/a.md", true),
            ("content/blog", "content/blogroll/a.md", false),
            ("content/blog/a.md", "content/blog/a.md", true),
            ("post-?.md", "x/post-1.md", true),
            ("post-[0-9].md", "post-x.md", false),
        ];
        for (g, path, want) in cases {
            assert_eq!(glob(g).matches(path), want, "{g} on {path}");
        }
        assert!(Glob::new("").is_err());
        assert!(Glob::new("a/[b").is_err());
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("lint-config-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("site/content/blog")).unwrap();
        dir.canonicalize().unwrap()
    }

    #[test]
    fn the_nearest_file_walking_up_first_match_in_file_order() {
        let dir = scratch("find");
        assert!(Config::find(&dir.join("site/content/blog"))
            .unwrap()
            .is_none());
        fs::write(
            dir.join(".masthead.toml"),
            "[schemas]\n\"top.json\" = \"**\"\n",
        )
        .unwrap();
        fs::write(
            dir.join("site/masthead.toml"),
            "# comment\n[schemas]\n\"z.json\" = [\"content/blog/**/*.md\"]\n\"a.json\" = \"*.md\"\n",
        )
        .unwrap();
        let config = Config::find(&dir.join("site/content/blog"))
            .unwrap()
            .unwrap();
        assert_eq!(config.file, dir.join("site/masthead.toml"));
        assert_eq!(config.dir, dir.join("site"));
        let schemas: Vec<_> = config.entries.iter().map(|e| e.schema.clone()).collect();
        assert_eq!(schemas, [dir.join("site/z.json"), dir.join("site/a.json")]);
        assert_eq!(config.entry_for("content/blog/x.md"), Some(0));
        assert_eq!(config.entry_for("other/x.md"), Some(1));
        assert_eq!(config.entry_for("other/x.mdx"), None);
        // Both names in one folder: `masthead.toml` wins; above it, the dot file.
        fs::write(dir.join("site/.masthead.toml"), "[schemas]\n").unwrap();
        assert_eq!(
            Config::find(&dir.join("site")).unwrap().unwrap().file,
            dir.join("site/masthead.toml")
        );
        assert_eq!(
            Config::find(&dir).unwrap().unwrap().file,
            dir.join(".masthead.toml")
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_malformed_file_is_an_error_naming_it_and_the_line() {
        let dir = scratch("bad");
        let file = dir.join("masthead.toml");
        for (text, want) in [
            ("[schemas]\n\"a.json\" = [\"x\"\n", ":2`: unclosed array"),
            ("[schema]\n", ":1`: unknown field `schema`"),
            ("title = 1\n", ":1`: unknown field `title`"),
            (
                "\n\n[schemas]\n\"a.json\" = 3\n",
                ":4`: a glob or a list of globs",
            ),
            (
                "[schemas]\n\"a.json\" = [\"a/[b\"]\n",
                "`: [schemas] `a.json`: glob `a/[b`: ",
            ),
            (
                "[schemas]\n\"a.json\" = [1]\n",
                ":2`: a glob or a list of globs",
            ),
            (
                "[schemas]\n\"\" = \"*.md\"\n",
                ":2`: [schemas] ``: the schema path is empty",
            ),
            ("", "missing field `schemas`"),
        ] {
            fs::write(&file, text).unwrap();
            let err = Config::find(&dir).unwrap_err();
            assert!(
                err.starts_with(&format!("invalid configuration `{}", file.display())),
                "{err}"
            );
            assert!(err.contains(want), "{text:?}: {err}");
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn relative_paths_use_slashes() {
        let base = Path::new("/srv/site");
        assert_eq!(
            relative_to(&base.join("content").join("a.md"), base).as_deref(),
            Some("content/a.md")
        );
        assert_eq!(relative_to(Path::new("/elsewhere/a.md"), base), None);
    }
}
