//! What each output file of a build was made from: the fingerprint of its
//! job (the renderer, the site-wide inputs, the theme and the job's view,
//! hashed by the build loop). The next build keeps a file whose job hashes
//! the same.
//!
//! `serve` keeps them in memory; `pbgdpl build` keeps them beside the
//! output directory (`.public.pbgdpl-keys` beside `public/`), written only
//! when a build succeeds, so a build after a failed one still compares
//! with the output on disk.
//!
//! A file of the previous output is kept only when it is still what that
//! build wrote. Reading it back to compare its hash would cost a no-op
//! rebuild a read of the whole output (over 500 MB at 10,000 entries), so
//! the keys also say when they were saved: a file whose inode has not
//! changed since ([`changed_at`]: its ctime, which every write, rename,
//! link or permission change moves on and no program can set back) is
//! still what the build wrote, and costs one `stat`.

use rustc_hash::FxHashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use crate::error::Error;

/// What the build that made a file knew of it: the key of its job, and
/// the file itself, so that a file changed since (by hand, by another
/// program) is never kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Made {
    /// The key of the job that made it.
    pub key: u64,
    /// Its size in bytes.
    pub len: u64,
    /// The xxh3 hash of its bytes; `None` for files copied as they are,
    /// which are only compared by size (their source's size and
    /// modification time are part of the key).
    pub digest: Option<u64>,
}

impl Made {
    /// A file rendered from a job with `key`.
    pub fn rendered(key: u64, bytes: &[u8]) -> Self {
        Self {
            key,
            len: bytes.len() as u64,
            digest: Some(crate::fingerprint::of_bytes(bytes)),
        }
    }
}

/// The fingerprints of the files of one build, by site-relative path.
#[derive(Debug, Default)]
pub struct OutputKeys {
    keys: FxHashMap<String, Made>,
    /// When the keys file read by [`OutputKeys::load`] was saved.
    saved: Option<SystemTime>,
}

/// When the inode behind `meta` last changed: its contents, its name, its
/// links or its permissions (the ctime). `None` where the platform does
/// not say.
pub fn changed_at(meta: &std::fs::Metadata) -> Option<SystemTime> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let secs = u64::try_from(meta.ctime()).ok()?;
        let nanos = u32::try_from(meta.ctime_nsec()).ok()?;
        SystemTime::UNIX_EPOCH.checked_add(std::time::Duration::new(secs, nanos))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

impl OutputKeys {
    /// No file known.
    pub fn new() -> Self {
        Self::default()
    }

    /// What the previous build knew of the file at `path`, if it was made
    /// from a job that hashed to `key`.
    pub fn matching(&self, path: &str, key: u64) -> Option<Made> {
        self.keys.get(path).filter(|m| m.key == key).copied()
    }

    /// What the previous build knew of the file at `path`, whatever made
    /// it.
    pub fn get(&self, path: &str) -> Option<Made> {
        self.keys.get(path).copied()
    }

    /// Every file the previous build made from a job that hashed to
    /// `key`, sorted by path.
    pub fn made_by(&self, key: u64) -> Vec<(&str, Made)> {
        let mut files: Vec<(&str, Made)> = self
            .keys
            .iter()
            .filter(|(_, m)| m.key == key)
            .map(|(p, m)| (p.as_str(), *m))
            .collect();
        files.sort_unstable_by(|a, b| a.0.cmp(b.0));
        files
    }

    /// Whether `other` describes the same files, made from the same jobs
    /// (whenever either was saved).
    pub fn same_files(&self, other: &OutputKeys) -> bool {
        use rayon::prelude::*;
        self.keys.len() == other.keys.len()
            && self
                .keys
                .par_iter()
                .all(|(path, made)| other.keys.get(path) == Some(made))
    }

    /// When these keys were saved, for keys read from a file: a file of
    /// the output they describe whose inode has not [changed](changed_at)
    /// since is as the build wrote it. `None` for keys kept in memory.
    pub fn saved(&self) -> Option<SystemTime> {
        self.saved
    }

    /// Number of files known.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when no file is known.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Where `pbgdpl build` keeps the keys of the output directory `out`.
    pub fn file_for(out: &Path) -> PathBuf {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        parent.join(format!(".{name}.pbgdpl-keys"))
    }

    /// Reads the keys saved by [`OutputKeys::save`]; none when the file is
    /// missing or unreadable (then every file is made again).
    pub fn load(file: &Path) -> Self {
        // Before reading: a save after this moment only makes files look
        // changed, never the other way round.
        let saved = std::fs::metadata(file).ok().and_then(|m| changed_at(&m));
        let Ok(text) = std::fs::read_to_string(file) else {
            return Self::new();
        };
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Self::new();
        }
        let keys = lines
            .filter_map(|line| {
                let mut parts = line.splitn(4, ' ');
                let key = u64::from_str_radix(parts.next()?, 16).ok()?;
                let digest = match parts.next()? {
                    "-" => None,
                    d => Some(u64::from_str_radix(d, 16).ok()?),
                };
                let len = parts.next()?.parse().ok()?;
                let path = parts.next()?.to_string();
                Some((path, Made { key, len, digest }))
            })
            .collect();
        Self { keys, saved }
    }

    /// Saves the keys, replacing the file atomically.
    pub fn save(&self, file: &Path) -> Result<(), Error> {
        let mut paths: Vec<(&String, &Made)> = self.keys.iter().collect();
        paths.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut text = String::with_capacity(paths.len() * 64 + HEADER.len() + 1);
        text.push_str(HEADER);
        text.push('\n');
        for (path, made) in paths {
            // Paths never hold line breaks (they come from file names the
            // build made, which cannot).
            let _ = write!(text, "{:016x} ", made.key);
            let _ = match made.digest {
                Some(d) => write!(text, "{d:016x}"),
                None => write!(text, "-"),
            };
            let _ = writeln!(text, " {} {path}", made.len);
        }
        let dir = file.parent().unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(Error::io(dir))?;
        std::io::Write::write_all(&mut tmp, text.as_bytes()).map_err(Error::io(file))?;
        tmp.persist(file).map_err(|e| Error::io(file)(e.error))?;
        Ok(())
    }
}

const HEADER: &str = concat!("pbgdpl output keys, version ", env!("CARGO_PKG_VERSION"));

/// The keys of the build in progress, filled from every thread.
#[derive(Debug, Default)]
pub struct KeyRecorder {
    keys: Mutex<FxHashMap<String, Made>>,
}

impl KeyRecorder {
    /// Nothing recorded yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records how the file at `path` was made (or kept).
    pub fn record(&self, path: &str, made: Made) {
        self.keys
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), made);
    }

    /// The keys of this build.
    pub fn finish(self) -> OutputKeys {
        OutputKeys {
            keys: self.keys.into_inner().unwrap_or_else(|e| e.into_inner()),
            saved: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_their_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = OutputKeys::file_for(&dir.path().join("public"));
        assert!(file.ends_with(".public.pbgdpl-keys"));
        assert!(OutputKeys::load(&file).is_empty(), "no file yet");
        let r = KeyRecorder::new();
        let page = Made::rendered(7, b"<p>x</p>");
        let copied = Made {
            key: u64::MAX,
            len: 12,
            digest: None,
        };
        r.record("tin-tuc/index.html", page);
        r.record("tệp có dấu cách.pdf", copied);
        r.finish().save(&file).unwrap();
        let keys = OutputKeys::load(&file);
        assert_eq!(keys.matching("tin-tuc/index.html", 7), Some(page));
        assert_eq!(keys.matching("tin-tuc/index.html", 8), None);
        assert_eq!(keys.matching("tệp có dấu cách.pdf", u64::MAX), Some(copied));
        std::fs::write(&file, "something else\n0000000000000007 x\n").unwrap();
        assert!(OutputKeys::load(&file).is_empty(), "another format");
    }
}
