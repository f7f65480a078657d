//! The files an entry publishes (its attachments and the files of its
//! `[media]` block), as the feeds and `sync.json` describe them: where each
//! is on disk and the SHA-256 of its bytes.
//!
//! A file's bytes are read and hashed once per build, whichever outputs
//! ask ([`RenderContext::file_sha256`]); `serve` keeps the hashes between
//! builds by path, size and modification time, so an unchanged audio file
//! is not read again on every edit. A processed photo's copies are never
//! read: their hashes were kept in the image cache when they were made.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::Error;
use crate::render::Page;
use crate::sync::canonical;

use super::RenderContext;

/// A published file as the build saw it: where it is, its size and its
/// modification time (a replaced file changes them, so its hash is made
/// again only then).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileOnDisk {
    /// The file on disk.
    pub path: PathBuf,
    /// Its size.
    pub size: u64,
    /// Its modification time (nanoseconds since 1970, 0 when unknown).
    pub modified: u64,
    /// The SHA-256 of its bytes when it is already known (a processed
    /// photo's copy, hashed when it was made): it is not read again.
    pub sha256: Option<Arc<String>>,
}

/// Every file `page`'s entry publishes, in the order of
/// [`crate::content::model::Entry::published_files`] (`None` for an entry
/// without a bundle, which publishes no file). The size and modification
/// time come from the walk of the bundle, or from the file system when
/// the walk could not tell; a processed photo's copy comes with its size
/// and hash from the image cache (its file there is named after the
/// source's hash, so another photo is another path).
pub fn on_disk(root: &Path, page: &Page<'_>) -> Result<Option<Vec<FileOnDisk>>, Error> {
    let e = page.entry;
    let Some(dir) = &e.bundle_dir else {
        return Ok(None);
    };
    e.published_files()
        .map(|a| {
            if let Some(stored) = &a.stored {
                return Ok(FileOnDisk {
                    path: stored.file.clone(),
                    size: a.size,
                    modified: 0,
                    sha256: Some(Arc::new(stored.sha256.clone())),
                });
            }
            let path = root.join(dir).join(&a.file);
            if a.modified != 0 {
                return Ok(FileOnDisk {
                    path,
                    size: a.size,
                    modified: a.modified,
                    sha256: None,
                });
            }
            let meta = std::fs::metadata(&path).map_err(Error::io(&path))?;
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as u64);
            Ok(FileOnDisk {
                size: meta.len(),
                modified,
                path,
                sha256: None,
            })
        })
        .collect::<Result<Vec<_>, Error>>()
        .map(Some)
}

/// The SHA-256 (lowercase hex) of every file `page` publishes, in order
/// (none for an entry without a bundle, which publishes no file).
pub fn hashes(cx: &RenderContext<'_>, page: &Page<'_>) -> Result<Vec<Arc<String>>, Error> {
    match on_disk(cx.root, page)? {
        Some(files) => hashes_of(cx, &files),
        None => Ok(Vec::new()),
    }
}

/// The SHA-256 of each of `files`.
pub fn hashes_of(cx: &RenderContext<'_>, files: &[FileOnDisk]) -> Result<Vec<Arc<String>>, Error> {
    files.iter().map(|f| cx.file_sha256(f)).collect()
}

/// Reads and hashes one file, a block at a time (a video need not fit in
/// memory).
pub(super) fn sha256_of(file: &FileOnDisk) -> Result<String, Error> {
    use sha2::Digest;
    use std::io::Read;
    let mut reader = std::fs::File::open(&file.path).map_err(Error::io(&file.path))?;
    let mut hasher = sha2::Sha256::new();
    let mut block = vec![0u8; 1 << 16];
    loop {
        match reader.read(&mut block) {
            Ok(0) => break,
            Ok(n) => hasher.update(&block[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(&file.path)(e)),
        }
    }
    Ok(canonical::hex(&hasher.finalize()))
}
