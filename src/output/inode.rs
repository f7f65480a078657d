//! A `stat` of a file of the previous output, relative to an open
//! descriptor of that output: the kernel then looks up only the file's
//! path inside the output, not the output's own path again for each of
//! the thousands of files a rebuild keeps (the path lookup was most of
//! the cost of keeping a file: docs/performance.md, seventeenth
//! measurements).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a `stat` of a file says, as far as keeping it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inode {
    /// A regular file (not a folder, not a link).
    pub is_file: bool,
    /// Its size in bytes.
    pub len: u64,
    /// When the inode last changed ([`crate::incremental::changed_at`]).
    pub changed: Option<SystemTime>,
}

/// A folder whose files are looked at by their path inside it.
#[derive(Debug)]
pub struct Folder {
    dir: PathBuf,
    /// The folder, open (where the system allows `stat` relative to it).
    #[cfg(target_os = "linux")]
    open: Option<std::fs::File>,
}

impl Folder {
    /// The folder at `dir` (it need not exist: its files then have none).
    pub fn open(dir: PathBuf) -> Self {
        Self {
            #[cfg(target_os = "linux")]
            open: std::fs::File::open(&dir).ok(),
            dir,
        }
    }

    /// The folder's path.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The file at `rel` (relative, `/`-separated) in the folder, without
    /// following a link; `None` when there is none.
    pub fn stat(&self, rel: &str) -> Option<Inode> {
        #[cfg(target_os = "linux")]
        if let Some(dir) = &self.open {
            return stat_at(dir, rel);
        }
        let meta = std::fs::symlink_metadata(self.dir.join(rel)).ok()?;
        Some(Inode {
            is_file: meta.is_file(),
            len: meta.len(),
            changed: crate::incremental::changed_at(&meta),
        })
    }
}

#[cfg(target_os = "linux")]
fn stat_at(dir: &std::fs::File, rel: &str) -> Option<Inode> {
    use std::os::fd::AsRawFd;
    if rel.starts_with('/') {
        return None;
    }
    let name = std::ffi::CString::new(rel).ok()?;
    let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: an open descriptor, a NUL-terminated path and room for one
    // `stat`, which fstatat only writes.
    let r = unsafe {
        libc::fstatat(
            dir.as_raw_fd(),
            name.as_ptr(),
            st.as_mut_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
        )
    };
    if r != 0 {
        return None;
    }
    // SAFETY: fstatat succeeded, so it filled the buffer.
    let st = unsafe { st.assume_init() };
    let changed = u64::try_from(st.st_ctime)
        .ok()
        .zip(u32::try_from(st.st_ctime_nsec).ok())
        .and_then(|(s, n)| SystemTime::UNIX_EPOCH.checked_add(std::time::Duration::new(s, n)));
    Some(Inode {
        is_file: st.st_mode & libc::S_IFMT == libc::S_IFREG,
        len: u64::try_from(st.st_size).unwrap_or(u64::MAX),
        changed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_seen_as_a_path_lookup_sees_it() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("a/b")).unwrap();
        std::fs::write(tmp.path().join("a/b/c.html"), "12345").unwrap();
        let folder = Folder::open(tmp.path().to_path_buf());
        let meta = std::fs::symlink_metadata(tmp.path().join("a/b/c.html")).unwrap();
        let seen = folder.stat("a/b/c.html").unwrap();
        assert_eq!(
            seen,
            Inode {
                is_file: true,
                len: 5,
                changed: crate::incremental::changed_at(&meta),
            }
        );
        assert!(!folder.stat("a/b").unwrap().is_file);
        assert_eq!(folder.stat("a/missing.html"), None);
        assert_eq!(Folder::open(tmp.path().join("none")).stat("c.html"), None);
    }
}
