//! The last good copy of each upstream feed, beside the section and never
//! in its output:
//!
//! ```text
//! .pbgdpl-cache/upstream/<first 16 hex digits of the SHA-256 of the feed's address>.feed
//! ```
//!
//! A copy is the feed's bytes as they were fetched, saved only when they
//! parsed and gave at least one item; it is read again (and admitted
//! again, by the rules of the running version) at every build. `pbgdpl
//! init` and the generated `.gitignore` keep `.pbgdpl-cache/` out of git;
//! a CI that wants the block reproducible commits or restores it.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The cache directory of a section, beside `site.toml`.
pub const CACHE_DIR: &str = ".pbgdpl-cache";

/// The copies of one section's upstream feeds.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache of the section at `root` (`root/.pbgdpl-cache/upstream`).
    pub fn new(root: &Path) -> Self {
        Self {
            dir: root.join(CACHE_DIR).join("upstream"),
        }
    }

    /// The file of the copy of the feed at `url`.
    pub fn file(&self, url: &str) -> PathBuf {
        let digest = Sha256::digest(url.as_bytes());
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{hex}.feed"))
    }

    /// Saves a good copy, atomically (a reader never sees half a file).
    pub fn save(&self, url: &str, bytes: &[u8]) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        tmp.write_all(bytes)?;
        tmp.persist(self.file(url)).map_err(|e| e.error)?;
        Ok(())
    }

    /// The saved copy of the feed at `url` and the day it was saved
    /// (`dd/mm/yyyy` in Vietnam), if there is one.
    pub fn load(&self, url: &str) -> Option<(Vec<u8>, String)> {
        let path = self.file(url);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() || meta.len() > super::MAX_BYTES {
            return None;
        }
        let bytes = std::fs::read(&path).ok()?;
        let day = meta
            .modified()
            .ok()
            .map(|t| {
                chrono::DateTime::<chrono::Utc>::from(t)
                    .with_timezone(&crate::date::vietnam_offset())
                    .format("%d/%m/%Y")
                    .to_string()
            })
            .unwrap_or_default();
        Some((bytes, day))
    }
}
