//! Writing the output directory without ever losing the previous one.
//!
//! A build writes into a fresh temporary directory beside the target
//! (same file system, so renames are cheap) and only when everything has
//! been rendered is it swapped in. A build that fails drops the temporary
//! directory and leaves the previous output exactly as it was — unlike
//! tools that empty `public/` first.
//!
//! The swap is one atomic exchange of the two directories where the
//! system has one (Linux `renameat2(RENAME_EXCHANGE)`): at every instant
//! the target is either the whole previous output or the whole new one,
//! even if the process is killed. Elsewhere the previous output is first
//! set aside (`.<name>.pbgdpl-old-*`), then the new one renamed in; a kill
//! between the two leaves no target, and [`recover`] puts the previous
//! output back. [`recover`] also removes what a killed build left beside
//! the target (its `.<name>.pbgdpl-new-*` staging directory).

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

fn name_of(target: &Path) -> String {
    target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into())
}

/// The prefix of the staging directories of `target`.
fn new_prefix(target: &Path) -> String {
    format!(".{}.pbgdpl-new-", name_of(target))
}

/// The prefix of the directories a previous output is set aside in.
fn old_prefix(target: &Path) -> String {
    format!(".{}.pbgdpl-old-", name_of(target))
}

/// Exchanges two paths atomically. `Ok(false)` when the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes());
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: two valid NUL-terminated paths; renameat2 only renames.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        return Ok(true);
    }
    let e = std::io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<bool> {
    Ok(false)
}

impl Staging {
    /// Prepares a temporary directory beside `target`.
    pub fn new(target: &Path) -> Result<Self, Error> {
        let parent = parent_of(target);
        std::fs::create_dir_all(&parent).map_err(Error::io(&parent))?;
        let dir = tempfile::Builder::new()
            .prefix(&new_prefix(target))
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
        match exchange(&new, &self.target) {
            Ok(true) => {
                // `new` now holds the previous output.
                let _ = std::fs::remove_dir_all(&new);
                return Ok(());
            }
            Ok(false) => {}
            Err(_) => {
                // The target cannot be exchanged (a mount point, for
                // instance): replace its contents instead.
                let result = replace_contents(&new, &self.target);
                let _ = std::fs::remove_dir_all(&new);
                return result.map_err(Error::io(&self.target));
            }
        }
        let parent = parent_of(&self.target);
        let old = tempfile::Builder::new()
            .prefix(&old_prefix(&self.target))
            .tempdir_in(&parent)
            .map_err(Error::io(&parent))?
            .keep();
        let old_target = old.join("previous");
        if let Err(e) = std::fs::rename(&self.target, &old_target) {
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

/// Cleans up after a build of `target` that was killed: puts back a
/// previous output left set aside when there is no target, and removes
/// every staging and set-aside directory of `target`. Returns what it
/// removed. Call it only when no other build of `target` can be running
/// (the aggregator holds its state directory's lock).
pub fn recover(target: &Path) -> Result<Vec<PathBuf>, Error> {
    let parent = parent_of(target);
    let entries = match std::fs::read_dir(&parent) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(&parent)(e)),
    };
    let (new, old) = (new_prefix(target), old_prefix(target));
    let mut leftovers: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&new) || n.starts_with(&old)
        })
        .map(|e| e.path())
        .collect();
    leftovers.sort();
    if !target.exists()
        && let Some(previous) = leftovers
            .iter()
            .map(|d| d.join("previous"))
            .find(|p| p.is_dir())
    {
        std::fs::rename(&previous, target).map_err(Error::io(target))?;
    }
    for dir in &leftovers {
        std::fs::remove_dir_all(dir).map_err(Error::io(dir))?;
    }
    Ok(leftovers)
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

    #[test]
    fn recover_removes_what_a_killed_build_left_and_restores_a_set_aside_output() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("hub");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("index.html"), "old").unwrap();
        // A build killed while writing: its staging directory stays.
        let killed = Staging::new(&target).unwrap();
        std::fs::write(killed.path().join("half.html"), "x").unwrap();
        let left = killed.dir.keep();
        // Another output's staging directory is not touched.
        let other = Staging::new(&tmp.path().join("other")).unwrap().dir.keep();
        let removed = recover(&target).unwrap();
        assert_eq!(removed, std::slice::from_ref(&left));
        assert!(!left.exists() && other.exists());
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "old"
        );

        // Killed between setting the previous output aside and renaming
        // the new one in (systems without an atomic exchange).
        let aside = tmp.path().join(".hub.pbgdpl-old-abc");
        std::fs::create_dir(&aside).unwrap();
        std::fs::rename(&target, aside.join("previous")).unwrap();
        recover(&target).unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "old"
        );
        assert!(!aside.exists());
    }
}
