//! An in-memory output that changes atomically: the files `pbgdpl serve`
//! sends. Readers take a [`Snapshot`] (an `Arc`) and keep reading it while a
//! rebuild writes the next one; [`Store::commit`] swaps the whole output in
//! one step, so a reader sees the old site or the new site, never a mix and
//! never a half-written file.
//!
//! Unchanged files are shared between snapshots, not copied: a rebuild that
//! [`Sink::reuse`]s a page, or writes the same bytes again, keeps the
//! previous snapshot's `Arc`. Copied files (attachments, `static/`) are not
//! read into memory at all: the store remembers where they are on disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;

use bytes::Bytes;

use crate::error::Error;

use super::Sink;

/// The contents of a stored file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Rendered bytes.
    Bytes(Bytes),
    /// A file copied as it is, read from disk when it is requested.
    Disk {
        /// The source file (an attachment, a file of `static/`).
        path: PathBuf,
        /// Its size when the build saw it.
        len: u64,
        /// Its modification time when the build saw it.
        modified: Option<SystemTime>,
    },
}

/// One file of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    /// The contents.
    pub body: Body,
    /// The fingerprint of the inputs it was made from, when its renderer
    /// gave one.
    pub fingerprint: Option<u64>,
}

/// A complete output, as one build left it.
#[derive(Debug, Default)]
pub struct Snapshot {
    files: HashMap<String, Arc<StoredFile>>,
}

impl Snapshot {
    /// The file at a site-relative path (`tin-tuc/index.html`).
    pub fn get(&self, path: &str) -> Option<&StoredFile> {
        self.files.get(path).map(Arc::as_ref)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when nothing has been built.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every path, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.files.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    /// The bytes of a file (read from disk for copied files).
    pub fn read(&self, path: &str) -> Option<std::io::Result<Bytes>> {
        Some(match &self.get(path)?.body {
            Body::Bytes(b) => Ok(b.clone()),
            Body::Disk { path, .. } => std::fs::read(path).map(Bytes::from),
        })
    }
}

/// The output of `serve`: the current snapshot, replaced whole by each
/// successful rebuild.
#[derive(Debug, Default)]
pub struct Store {
    current: RwLock<Arc<Snapshot>>,
}

/// What a commit changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Paths added or whose contents differ, sorted.
    pub changed: Vec<String>,
    /// Paths that are gone, sorted.
    pub removed: Vec<String>,
}

impl Changes {
    /// True when the new snapshot serves exactly what the old one did.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }
}

impl Store {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The current output. Hold it for as long as a response needs it.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A sink for the next build, remembering the current snapshot so
    /// unchanged files can be reused.
    pub fn writer(&self) -> StoreWriter {
        StoreWriter {
            previous: self.snapshot(),
            next: Mutex::new(HashMap::new()),
        }
    }

    /// Makes what `writer` received the current output, in one step, and
    /// says which paths changed. Files the build did not write are gone.
    pub fn commit(&self, writer: StoreWriter) -> Changes {
        let next = Snapshot {
            files: writer.next.into_inner().unwrap_or_else(|e| e.into_inner()),
        };
        let previous = &writer.previous;
        let mut changes = Changes::default();
        for (path, file) in &next.files {
            let same = previous
                .files
                .get(path)
                .is_some_and(|old| Arc::ptr_eq(old, file) || old.body == file.body);
            if !same {
                changes.changed.push(path.clone());
            }
        }
        for path in previous.files.keys() {
            if !next.files.contains_key(path) {
                changes.removed.push(path.clone());
            }
        }
        changes.changed.sort_unstable();
        changes.removed.sort_unstable();
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(next);
        changes
    }
}

/// The sink of one build into a [`Store`]; nothing is visible until
/// [`Store::commit`].
#[derive(Debug)]
pub struct StoreWriter {
    previous: Arc<Snapshot>,
    next: Mutex<HashMap<String, Arc<StoredFile>>>,
}

impl StoreWriter {
    fn put(&self, path: &str, file: StoredFile) {
        // Share the previous snapshot's copy when nothing changed, so
        // unchanged files cost no memory and compare in O(1).
        let file = match self.previous.files.get(path) {
            Some(old) if **old == file => old.clone(),
            _ => Arc::new(file),
        };
        self.next
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), file);
    }
}

impl Sink for StoreWriter {
    fn write(&self, path: &str, contents: &[u8]) -> Result<(), Error> {
        self.put(
            path,
            StoredFile {
                body: Body::Bytes(Bytes::copy_from_slice(contents)),
                fingerprint: None,
            },
        );
        Ok(())
    }

    fn copy(&self, path: &str, from: &Path) -> Result<(), Error> {
        let meta = std::fs::metadata(from).map_err(Error::io(from))?;
        self.put(
            path,
            StoredFile {
                body: Body::Disk {
                    path: from.to_path_buf(),
                    len: meta.len(),
                    modified: meta.modified().ok(),
                },
                fingerprint: None,
            },
        );
        Ok(())
    }

    fn reuse(&self, path: &str, fingerprint: u64) -> Result<bool, Error> {
        let Some(old) = self.previous.files.get(path) else {
            return Ok(false);
        };
        if old.fingerprint != Some(fingerprint) {
            return Ok(false);
        }
        self.next
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), old.clone());
        Ok(true)
    }

    fn write_fingerprinted(
        &self,
        path: &str,
        fingerprint: u64,
        contents: &[u8],
    ) -> Result<(), Error> {
        self.put(
            path,
            StoredFile {
                body: Body::Bytes(Bytes::copy_from_slice(contents)),
                fingerprint: Some(fingerprint),
            },
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &Snapshot, path: &str) -> String {
        String::from_utf8(s.read(path).unwrap().unwrap().to_vec()).unwrap()
    }

    #[test]
    fn readers_keep_their_snapshot_until_they_ask_again() {
        let store = Store::new();
        let w = store.writer();
        w.write("a.html", b"old a").unwrap();
        w.write_fingerprinted("b.html", 7, b"old b").unwrap();
        let first = store.commit(w);
        assert_eq!(first.changed, ["a.html", "b.html"]);
        let reader = store.snapshot();

        let w = store.writer();
        w.write("a.html", b"new a").unwrap();
        assert!(w.reuse("b.html", 7).unwrap());
        assert!(!w.reuse("c.html", 7).unwrap());
        // Not visible before the commit.
        assert_eq!(text(&store.snapshot(), "a.html"), "old a");
        let changes = store.commit(w);
        assert_eq!(changes.changed, ["a.html"]);
        assert!(changes.removed.is_empty());
        assert_eq!(text(&reader, "a.html"), "old a");
        assert_eq!(text(&store.snapshot(), "a.html"), "new a");
        assert_eq!(text(&store.snapshot(), "b.html"), "old b");
    }

    #[test]
    fn a_changed_fingerprint_is_not_reused_and_unwritten_files_go() {
        let store = Store::new();
        let w = store.writer();
        w.write_fingerprinted("b.html", 7, b"b").unwrap();
        w.write("gone.html", b"x").unwrap();
        store.commit(w);
        let w = store.writer();
        assert!(!w.reuse("b.html", 8).unwrap());
        w.write_fingerprinted("b.html", 8, b"b").unwrap();
        let changes = store.commit(w);
        assert!(changes.changed.is_empty(), "same bytes: nothing to reload");
        assert_eq!(changes.removed, ["gone.html"]);
        assert!(store.snapshot().get("gone.html").is_none());
    }
}
