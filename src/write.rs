//! Writing the output directory without ever losing the previous one.
//!
//! A build writes into a fresh temporary directory beside the target
//! (same file system, so renames are cheap) and only when everything has
//! been rendered is it swapped in. A build that fails drops the temporary
//! directory and leaves the previous output exactly as it was — unlike
//! tools that empty `public/` first.

use std::path::{Path, PathBuf};

use crate::error::Error;

/// A build in progress: a temporary directory that becomes the output on
/// [`Staging::commit`], or disappears when dropped.
#[derive(Debug)]
pub struct Staging {
    dir: tempfile::TempDir,
    target: PathBuf,
}

fn parent_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl Staging {
    /// Prepares a temporary directory beside `target`.
    pub fn new(target: &Path) -> Result<Self, Error> {
        let parent = parent_of(target);
        std::fs::create_dir_all(&parent).map_err(Error::io(&parent))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.pbgdpl-new-"))
            .tempdir_in(&parent)
            .map_err(Error::io(&parent))?;
        Ok(Self {
            dir,
            target: target.to_path_buf(),
        })
    }

    /// Where the build writes.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Swaps the finished build in place of the target.
    pub fn commit(self) -> Result<(), Error> {
        let new = self.dir.keep();
        make_world_readable(&new)?;
        if !self.target.exists() {
            return std::fs::rename(&new, &self.target).map_err(Error::io(&self.target));
        }
        let parent = parent_of(&self.target);
        let old = tempfile::Builder::new()
            .prefix(".pbgdpl-old-")
            .tempdir_in(&parent)
            .map_err(Error::io(&parent))?
            .keep();
        let old_target = old.join("previous");
        if let Err(e) = std::fs::rename(&self.target, &old_target) {
            // The target cannot be moved (a mount point, for instance):
            // replace its contents instead.
            let _ = std::fs::remove_dir(&old);
            let result = replace_contents(&new, &self.target);
            let _ = std::fs::remove_dir_all(&new);
            return result.map_err(|_| Error::io(&self.target)(e));
        }
        if let Err(e) = std::fs::rename(&new, &self.target) {
            // Put the previous output back; nothing is lost.
            let _ = std::fs::rename(&old_target, &self.target);
            let _ = std::fs::remove_dir_all(&new);
            let _ = std::fs::remove_dir_all(&old);
            return Err(Error::io(&self.target)(e));
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }
}

#[cfg(unix)]
fn make_world_readable(dir: &Path) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).map_err(Error::io(dir))
}

#[cfg(not(unix))]
fn make_world_readable(_dir: &Path) -> Result<(), Error> {
    Ok(())
}

/// Copies `from` into `to` and removes from `to` what `from` lacks.
fn replace_contents(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry?;
        let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest)?;
        } else {
            std::fs::copy(entry.path(), &dest)?;
        }
    }
    let stale: Vec<_> = walkdir::WalkDir::new(to)
        .min_depth(1)
        .contents_first(true)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let rel = e.path().strip_prefix(to).unwrap_or(e.path());
            !from.join(rel).exists()
        })
        .collect();
    for e in stale {
        if e.file_type().is_dir() {
            std::fs::remove_dir_all(e.path())?;
        } else {
            std::fs::remove_file(e.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_keeps_the_old_output() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("old.html"), "old").unwrap();

        let failed = Staging::new(&target).unwrap();
        std::fs::write(failed.path().join("half.html"), "x").unwrap();
        drop(failed);
        assert!(target.join("old.html").exists());
        assert!(!target.join("half.html").exists());

        let ok = Staging::new(&target).unwrap();
        std::fs::write(ok.path().join("new.html"), "new").unwrap();
        ok.commit().unwrap();
        assert!(target.join("new.html").exists());
        assert!(!target.join("old.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "temporary directories are cleaned up");
    }
}
