//! An in-memory output that changes atomically: the files `pbgdpl serve`
//! sends. Readers take a [`Snapshot`] (an `Arc`) and keep reading it while a
//! rebuild writes the next one; [`Store::commit`] swaps the whole output in
//! one step, so a reader sees the old site or the new site, never a mix and
//! never a half-written file.
//!
//! Unchanged files are shared between snapshots, not copied: a rebuild that
//! [`Sink::keep`]s a page, or writes the same bytes again, keeps the
//! previous snapshot's `Arc`. Copied files (attachments, `static/`) are not
//! read into memory at all: the store remembers where they are on disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;

use bytes::Bytes;

use crate::error::Error;
use crate::incremental::Made;

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
            pending: Mutex::new(Pending::default()),
        }
    }

    /// Makes what `writer` received part of the current output, in one
    /// step, keeping every file it did not write: the pages a first pass of
    /// `serve` renders before the rest of the site
    /// ([`crate::pipeline::Preview`]). Says which paths changed.
    pub fn commit_over(&self, writer: &StoreWriter) -> Changes {
        let pending =
            std::mem::take(&mut *writer.pending.lock().unwrap_or_else(|e| e.into_inner()));
        let mut files = writer.previous.files.clone();
        let mut changes = Changes::default();
        for (path, file) in pending.files {
            let same = files
                .get(&path)
                .is_some_and(|old| Arc::ptr_eq(old, &file) || old.body == file.body);
            if !same {
                changes.changed.push(path.clone());
            }
            files.insert(path, file);
        }
        changes.changed.sort_unstable();
        let old = std::mem::replace(
            &mut *self.current.write().unwrap_or_else(|e| e.into_inner()),
            Arc::new(Snapshot { files }),
        );
        drop(old);
        changes
    }

    /// Makes what `writer` received the current output, in one step, and
    /// says which paths changed. Files the build did not write are gone.
    ///
    /// Costs what changed, not the size of the site: the writer counted
    /// the files it shared with the previous snapshot, so the previous
    /// snapshot is only searched for removed files when some are missing.
    pub fn commit(&self, writer: StoreWriter) -> Changes {
        let previous = writer.previous;
        let pending = writer
            .pending
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        let next = Snapshot {
            files: pending.files,
        };
        let differs = |path: &str, file: &Arc<StoredFile>| {
            !previous
                .files
                .get(path)
                .is_some_and(|old| Arc::ptr_eq(old, file) || old.body == file.body)
        };
        let mut changes = Changes::default();
        // Each path written once (a path written twice is an error the
        // build reports; then compare everything).
        let once = pending.shared + pending.fresh.len() == next.files.len();
        if once {
            changes.changed = pending.fresh;
            changes
                .changed
                .retain(|path| next.files.get(path).is_some_and(|f| differs(path, f)));
        } else {
            for (path, file) in &next.files {
                if differs(path, file) {
                    changes.changed.push(path.clone());
                }
            }
        }
        // Paths of the previous snapshot written again: all of them, unless
        // some were removed.
        if !once || pending.shared + pending.fresh_known != previous.files.len() {
            for path in previous.files.keys() {
                if !next.files.contains_key(path) {
                    changes.removed.push(path.clone());
                }
            }
        }
        changes.changed.sort_unstable();
        changes.changed.dedup();
        changes.removed.sort_unstable();
        let old = std::mem::replace(
            &mut *self.current.write().unwrap_or_else(|e| e.into_inner()),
            Arc::new(next),
        );
        drop(previous);
        // Freeing tens of thousands of files takes milliseconds, and the
        // browsers are waiting for the reload: free them on another thread
        // (here, when no thread can be started).
        let _ = std::thread::Builder::new()
            .name("pbgdpl-free".into())
            .spawn(move || drop(old));
        changes
    }
}

/// What a [`StoreWriter`] has received so far.
#[derive(Debug, Default)]
struct Pending {
    files: HashMap<String, Arc<StoredFile>>,
    /// Files that are the previous snapshot's, at the same path.
    shared: usize,
    /// Paths written with a new file.
    fresh: Vec<String>,
    /// How many of `fresh` exist in the previous snapshot.
    fresh_known: usize,
}

/// The sink of one build into a [`Store`]; nothing is visible until
/// [`Store::commit`].
#[derive(Debug)]
pub struct StoreWriter {
    previous: Arc<Snapshot>,
    pending: Mutex<Pending>,
}

impl StoreWriter {
    fn put(&self, path: &str, file: StoredFile) {
        // Share the previous snapshot's copy when nothing changed, so
        // unchanged files cost no memory and compare in O(1).
        let old = self.previous.files.get(path);
        let (file, shared) = match old {
            Some(old) if **old == file => (old.clone(), true),
            _ => (Arc::new(file), false),
        };
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        pending.files.insert(path.to_string(), file);
        if shared {
            pending.shared += 1;
        } else {
            pending.fresh.push(path.to_string());
            if old.is_some() {
                pending.fresh_known += 1;
            }
        }
    }
}

impl Sink for StoreWriter {
    fn write(&self, path: &str, contents: &[u8]) -> Result<(), Error> {
        self.put(
            path,
            StoredFile {
                body: Body::Bytes(Bytes::copy_from_slice(contents)),
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
            },
        );
        Ok(())
    }

    fn keep(&self, path: &str, _made: &Made) -> Result<bool, Error> {
        // What is in memory was written by the previous build: nobody
        // else can have changed it.
        let Some(old) = self.previous.files.get(path) else {
            return Ok(false);
        };
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        pending.files.insert(path.to_string(), old.clone());
        pending.shared += 1;
        Ok(true)
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
        w.write("b.html", b"old b").unwrap();
        let first = store.commit(w);
        assert_eq!(first.changed, ["a.html", "b.html"]);
        let reader = store.snapshot();

        let w = store.writer();
        w.write("a.html", b"new a").unwrap();
        let made = Made::rendered(7, b"old b");
        assert!(w.keep("b.html", &made).unwrap());
        assert!(!w.keep("c.html", &made).unwrap());
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
    fn same_bytes_are_no_change_and_unwritten_files_go() {
        let store = Store::new();
        let w = store.writer();
        w.write("b.html", b"b").unwrap();
        w.write("gone.html", b"x").unwrap();
        store.commit(w);
        let w = store.writer();
        w.write("b.html", b"b").unwrap();
        let changes = store.commit(w);
        assert!(changes.changed.is_empty(), "same bytes: nothing to reload");
        assert_eq!(changes.removed, ["gone.html"]);
        assert!(store.snapshot().get("gone.html").is_none());
    }

    #[test]
    fn a_commit_over_the_output_keeps_what_it_did_not_write() {
        let store = Store::new();
        let w = store.writer();
        w.write("a.html", b"a").unwrap();
        w.write("b.html", b"b").unwrap();
        store.commit(w);
        let w = store.writer();
        w.write("b.html", b"new b").unwrap();
        w.write("c.html", b"c").unwrap();
        let changes = store.commit_over(&w);
        assert_eq!(changes.changed, ["b.html", "c.html"]);
        assert!(changes.removed.is_empty());
        let now = store.snapshot();
        assert_eq!(text(&now, "a.html"), "a");
        assert_eq!(text(&now, "b.html"), "new b");
        assert_eq!(now.len(), 3);
    }

    #[test]
    fn changes_name_new_changed_and_removed_paths_only() {
        let store = Store::new();
        let w = store.writer();
        for p in ["a.html", "b.html", "c.html"] {
            w.write(p, p.as_bytes()).unwrap();
        }
        store.commit(w);
        // One changed, one new, one removed, one the same.
        let w = store.writer();
        w.write("a.html", b"a.html").unwrap();
        w.write("b.html", b"new b").unwrap();
        w.write("d.html", b"d").unwrap();
        let changes = store.commit(w);
        assert_eq!(changes.changed, ["b.html", "d.html"]);
        assert_eq!(changes.removed, ["c.html"]);
        // A path written twice: the last write counts.
        let w = store.writer();
        for p in ["a.html", "b.html", "d.html"] {
            w.write(p, b"x").unwrap();
        }
        w.write("a.html", b"a.html").unwrap();
        let changes = store.commit(w);
        assert_eq!(changes.changed, ["b.html", "d.html"]);
        assert!(changes.removed.is_empty());
        assert_eq!(text(&store.snapshot(), "a.html"), "a.html");
    }
}
