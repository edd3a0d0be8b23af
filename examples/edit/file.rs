//! Reading a document and writing it back atomically: the new text goes to a
//! temporary file in the document's own folder, gets the file's permissions, and is
//! renamed over it. Knows nothing of front matter.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replaces the file at `path` with `text`, atomically: readers see the old file or
/// the new one, never a part. A symbolic link is followed, so that the file it
/// points to is replaced and the link stays. The temporary file is removed when
/// anything fails.
pub(crate) fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let permissions = fs::metadata(&target)?.permissions();
    let temp = temp_path(&target)?;
    let written = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(text.as_bytes())?;
        file.set_permissions(permissions)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, &target)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// `.NAME.PID.edit-tmp` beside `target`: hidden, and unique to this process.
fn temp_path(target: &Path) -> io::Result<PathBuf> {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return Err(io::Error::other("not a file path"));
    };
    let mut temp = std::ffi::OsString::from(".");
    temp.push(name);
    temp.push(format!(".{}.edit-tmp", std::process::id()));
    Ok(dir.join(temp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_keeps_its_mode_and_leaves_no_temporary_file() {
        let dir = crate::tests::scratch("atomic");
        let path = dir.join("post.md");
        fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomically(&path, "new text").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new text");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["post.md"]);
        // A file that is not there: an error, and still nothing left behind.
        assert!(write_atomically(&dir.join("gone.md"), "x").is_err());
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_a_link_to_the_new_text() {
        let dir = crate::tests::scratch("link");
        fs::write(dir.join("real.md"), "old").unwrap();
        std::os::unix::fs::symlink("real.md", dir.join("link.md")).unwrap();
        write_atomically(&dir.join("link.md"), "new").unwrap();
        assert!(fs::symlink_metadata(dir.join("link.md"))
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(dir.join("real.md")).unwrap(), "new");
        fs::remove_dir_all(&dir).unwrap();
    }
}
