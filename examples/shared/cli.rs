//! What the lint and edit examples' command lines share, included by both with
//! `#[path]` (neither example depends on the other): the argument loop's reading of
//! paths, options and their values, `--color WHEN`, and which files are Markdown.
//! It knows no option of either example and touches no file.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// An option as given, split at its first `=`: `--jobs=4` is `--jobs` with the
/// inline value `4`.
pub(crate) struct Opt {
    pub(crate) flag: String,
    pub(crate) inline: Option<String>,
}

impl Opt {
    /// The usage error of an option the example does not know, as it was written.
    pub(crate) fn unknown(&self) -> String {
        match &self.inline {
            Some(value) => format!("unknown option `{}={value}`", self.flag),
            None => format!("unknown option `{}`", self.flag),
        }
    }
}

/// The arguments after the program's name, read one at a time.
pub(crate) struct Raw<I> {
    raw: I,
    options_done: bool,
}

impl<I: Iterator<Item = OsString>> Raw<I> {
    /// Reads `raw`, the arguments after the program's name.
    pub(crate) fn new(raw: impl IntoIterator<IntoIter = I>) -> Self {
        Raw {
            raw: raw.into_iter(),
            options_done: false,
        }
    }

    /// The next option; the paths before it are pushed on `paths`. A path is an
    /// argument that does not start with `-`, `-` itself, or any argument after
    /// `--` (which is read here, not returned).
    pub(crate) fn next_option(&mut self, paths: &mut Vec<PathBuf>) -> Option<Opt> {
        loop {
            let arg = self.raw.next()?;
            let text = arg.to_string_lossy();
            if self.options_done || !text.starts_with('-') || text == "-" {
                paths.push(PathBuf::from(arg));
                continue;
            }
            if text == "--" {
                self.options_done = true;
                continue;
            }
            let (flag, inline) = match text.split_once('=') {
                Some((f, v)) => (f.to_owned(), Some(v.to_owned())),
                None => (text.into_owned(), None),
            };
            return Some(Opt { flag, inline });
        }
    }

    /// The value of `opt`: its inline value, else the next argument as it is
    /// (a path may not be UTF-8), else the usage error ``{flag} needs a value``.
    pub(crate) fn value_os(&mut self, opt: &Opt) -> Result<OsString, String> {
        opt.inline
            .clone()
            .map(OsString::from)
            .or_else(|| self.raw.next())
            .ok_or_else(|| format!("{} needs a value", opt.flag))
    }

    /// The value of `opt` as text (see [`Raw::value_os`]).
    pub(crate) fn value(&mut self, opt: &Opt) -> Result<String, String> {
        self.value_os(opt).map(|v| v.to_string_lossy().into_owned())
    }
}

/// `--color WHEN`: `auto` (colour when the output is a `terminal`), `always` or
/// `never`.
pub(crate) fn color(when: &str, terminal: bool) -> Result<bool, String> {
    match when {
        "auto" => Ok(terminal),
        "always" => Ok(true),
        "never" => Ok(false),
        other => Err(format!(
            "unknown --color `{other}`, expected auto, always or never"
        )),
    }
}

/// Whether a file name ends in `.md`, `.markdown` or `.mdx`, in any case (a name
/// that is only the extension, `.md`, does not). Compares bytes: no path parsing.
pub(crate) fn is_markdown(name: &Path) -> bool {
    let bytes = name.as_os_str().as_encoded_bytes();
    let Some(dot) = bytes.iter().rposition(|&b| b == b'.') else {
        return false;
    };
    let ext = &bytes[dot + 1..];
    dot > 0
        && ["md", "markdown", "mdx"]
            .iter()
            .any(|m| ext.eq_ignore_ascii_case(m.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument read, as `path:…`, `flag` or `flag=inline`, in order.
    fn read(list: &[&str]) -> Vec<String> {
        let mut raw = Raw::new(list.iter().map(OsString::from));
        let mut out = Vec::new();
        let mut paths = Vec::new();
        let shown = |paths: &mut Vec<PathBuf>| {
            paths
                .drain(..)
                .map(|p| format!("path:{}", p.display()))
                .collect::<Vec<_>>()
        };
        while let Some(opt) = raw.next_option(&mut paths) {
            out.extend(shown(&mut paths));
            out.push(match opt.inline {
                None => opt.flag,
                Some(v) => format!("{}={v}", opt.flag),
            });
        }
        out.extend(shown(&mut paths));
        out
    }

    #[test]
    fn paths_options_and_the_double_dash() {
        assert_eq!(
            read(&[
                "a.md",
                "-",
                "--json",
                "--jobs=4=x",
                "b",
                "--",
                "--x.md",
                "--"
            ]),
            [
                "path:a.md",
                "path:-",
                "--json",
                "--jobs=4=x",
                "path:b",
                "path:--x.md",
                "path:--"
            ]
        );
    }

    #[test]
    fn values_inline_or_next_and_unknown_options_as_written() {
        let mut raw = Raw::new(["--a=1", "--b", "2", "--c"].map(OsString::from));
        let (mut values, mut paths) = (Vec::new(), Vec::new());
        while let Some(opt) = raw.next_option(&mut paths) {
            values.push(raw.value(&opt));
        }
        assert_eq!(
            values,
            [
                Ok("1".to_owned()),
                Ok("2".to_owned()),
                Err("--c needs a value".to_owned())
            ]
        );
        assert!(paths.is_empty());
        let opt = |flag: &str, inline: Option<&str>| Opt {
            flag: flag.to_owned(),
            inline: inline.map(str::to_owned),
        };
        assert_eq!(opt("--x", None).unknown(), "unknown option `--x`");
        assert_eq!(
            opt("--dry-run", Some("yes")).unknown(),
            "unknown option `--dry-run=yes`"
        );
    }

    #[test]
    fn color_when() {
        assert_eq!(color("auto", true), Ok(true));
        assert_eq!(color("auto", false), Ok(false));
        assert_eq!(color("always", false), Ok(true));
        assert_eq!(color("never", true), Ok(false));
        assert_eq!(
            color("blue", true),
            Err("unknown --color `blue`, expected auto, always or never".to_owned())
        );
    }

    #[test]
    fn markdown_files_by_extension_in_any_case() {
        for (name, markdown) in [
            ("a.md", true),
            ("a.MD", true),
            ("b.Markdown", true),
            ("c.mdx", true),
            ("d.txt", false),
            ("md", false),
            (".md", false),
            ("e.md.bak", false),
            ("f.mdd", false),
        ] {
            assert_eq!(is_markdown(Path::new(name)), markdown, "{name}");
        }
    }
}
