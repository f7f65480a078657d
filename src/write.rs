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
use crate::i18n::Message;
use crate::msg;

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
        let failed = |e| failure(target, e);
        let parent = parent_of(target);
        std::fs::create_dir_all(&parent).map_err(failed)?;
        let dir = tempfile::Builder::new()
            .prefix(&new_prefix(target))
            .tempdir_in(&parent)
            .map_err(failed)?;
        Ok(Self {
            dir,
            target: target.to_path_buf(),
        })
    }

    /// Where the build writes.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `error`, said as a failure to write the output when it happened
    /// writing into the staging directory (a full disk, for instance).
    pub fn blame(&self, error: Error) -> Error {
        match error {
            Error::Io { path, source } if path.starts_with(self.dir.path()) => {
                failure(&self.target, source)
            }
            other => other,
        }
    }

    /// Swaps the finished build in place of the target.
    pub fn commit(self) -> Result<(), Error> {
        let target = self.target.clone();
        self.swap().map_err(|e| match e {
            Error::Io { source, .. } => failure(&target, source),
            other => other,
        })
    }

    fn swap(self) -> Result<(), Error> {
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

/// The error for an I/O failure while writing the output `target`.
pub fn failure(target: &Path, cause: std::io::Error) -> Error {
    Error::Output {
        target: target.to_path_buf(),
        cause,
    }
}

/// What [`Error::Output`] says: what went wrong in plain words and what to
/// do, without the staging directory's name.
pub fn failure_message(target: &Path, cause: &std::io::Error) -> Message {
    use std::io::ErrorKind as K;
    let (reason, help) = match cause.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => (
            msg!("output-reason-permission"),
            msg!("output-permission-help"),
        ),
        K::StorageFull | K::QuotaExceeded => (msg!("output-reason-full"), msg!("output-full-help")),
        _ => (crate::error::io_reason(cause), msg!("output-other-help")),
    };
    msg!(
        "output-refused",
        what = msg!("output-write-failed", path = target, reason = reason),
        help = help
    )
}

/// The right to replace an output directory, held by one build at a time:
/// an advisory lock on the directory holding it (on a `.<name>.pbgdpl-lock`
/// file beside it where directories cannot be locked), released when the
/// process ends, even if it is killed.
#[derive(Debug)]
pub struct OutputLock {
    _file: std::fs::File,
}

/// Gets `target` ready for a build of the site at `root`: refuses a target
/// whose replacement would lose anything (a file, the site itself or a
/// folder of it, a directory pbgdpl did not write), takes its lock, and
/// cleans up what a killed build left ([`recover`]).
pub fn prepare_output(root: &Path, target: &Path) -> Result<OutputLock, Error> {
    refuse_unsafe_output(root, target)?;
    let parent = parent_of(target);
    std::fs::create_dir_all(&parent).map_err(|e| failure(target, e))?;
    let (file, path) = lock_file(&parent, target)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(refusal(
                msg!("output-busy", path = parent.as_path()),
                msg!("output-busy-help"),
            ));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path)(e)),
    }
    recover(target)?;
    Ok(OutputLock { _file: file })
}

/// What [`prepare_output`] locks: the directory holding the output (no
/// file left behind in a site's folder).
#[cfg(unix)]
fn lock_file(parent: &Path, _target: &Path) -> Result<(std::fs::File, PathBuf), Error> {
    let file = std::fs::File::open(parent).map_err(Error::io(parent))?;
    Ok((file, parent.to_path_buf()))
}

#[cfg(not(unix))]
fn lock_file(parent: &Path, target: &Path) -> Result<(std::fs::File, PathBuf), Error> {
    let path = parent.join(format!(".{}.pbgdpl-lock", name_of(target)));
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(Error::io(&path))?;
    Ok((file, path))
}

fn refusal(what: Message, help: Message) -> Error {
    Error::Usage(msg!("output-refused", what = what, help = help))
}

/// `path` made absolute with its symbolic links resolved, as far as it
/// exists (a new output directory does not yet).
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut missing = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return missing.iter().rev().fold(real, |p, name| p.join(name));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

fn refuse_unsafe_output(root: &Path, target: &Path) -> Result<(), Error> {
    let meta = std::fs::symlink_metadata(target).ok();
    if meta.as_ref().is_some_and(|m| !m.is_dir()) && !target.is_dir() {
        return Err(refusal(
            msg!("output-is-file", path = target),
            msg!("output-is-file-help"),
        ));
    }
    let (out, site) = (resolved(target), resolved(root));
    if site.starts_with(&out) {
        return Err(refusal(
            msg!("output-holds-site", path = target),
            msg!("output-holds-site-help"),
        ));
    }
    for source in ["content", "static", "templates"] {
        if out.starts_with(site.join(source)) {
            return Err(refusal(
                msg!("output-in-sources", path = target, folder = source),
                msg!("output-in-sources-help"),
            ));
        }
    }
    let mut items = match std::fs::read_dir(target) {
        Ok(items) => items,
        Err(_) => return Ok(()),
    };
    if items.next().is_some() && !written_by_pbgdpl(target) {
        return Err(refusal(
            msg!("output-not-ours", path = target),
            msg!("output-not-ours-help"),
        ));
    }
    Ok(())
}

/// True when `dir` holds a pbgdpl output: every build writes `sync.json`
/// (even a damaged one says the folder is an output: the build warns
/// about it and replaces it).
fn written_by_pbgdpl(dir: &Path) -> bool {
    dir.join("sync.json").is_file()
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
    // Files kept beside the output (`.<name>.pbgdpl-bodies`) are written
    // under a temporary name first.
    let ours = format!(".{}.pbgdpl-", name_of(target));
    let mut half_written = Vec::new();
    let mut leftovers: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(&ours)
                && n.contains(crate::incremental::stored::TEMPORARY)
                && e.file_type().is_ok_and(|t| t.is_file())
            {
                half_written.push(e.path());
                return false;
            }
            n.starts_with(&new) || n.starts_with(&old)
        })
        .map(|e| e.path())
        .collect();
    for file in &half_written {
        std::fs::remove_file(file).map_err(Error::io(file))?;
    }
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
        // A file kept beside the output, half written when it was killed.
        let half = tmp.path().join(".hub.pbgdpl-bodies.new-x1y2");
        std::fs::write(&half, "x").unwrap();
        // Another output's staging directory is not touched.
        let other = Staging::new(&tmp.path().join("other")).unwrap().dir.keep();
        let removed = recover(&target).unwrap();
        assert_eq!(removed, std::slice::from_ref(&left));
        assert!(!left.exists() && other.exists() && !half.exists());
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
