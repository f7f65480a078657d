//! Where rendered files go. Renderers write through a [`Sink`], so the same
//! code builds into a directory, into memory (for `serve` and tests), or
//! nowhere at all (for `check`), like Zola's build modes.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::Error;
use crate::incremental::Made;
use crate::progress::{Progress, Silent};
use rustc_hash::FxHashSet;

/// A destination for output files. Paths are relative, `/`-separated,
/// without a leading slash (`tin-tuc/index.html`).
///
/// A sink only writes. Which files can be kept from the previous build is
/// the build loop's business ([`crate::incremental`]); it then asks the
/// sink to [`keep`](Sink::keep) them.
pub trait Sink: Sync {
    /// Stores a file's bytes.
    fn write(&self, path: &str, contents: &[u8]) -> Result<(), Error>;

    /// Keeps the file this sink's previous build left at `path`, as it was,
    /// and says whether it could: a sink without a previous build cannot,
    /// nor can one whose file is no longer what the build that made it
    /// wrote (`made`). When it returns `true` the file counts as written.
    fn keep(&self, _path: &str, _made: &Made) -> Result<bool, Error> {
        Ok(false)
    }

    /// Stores a copy of a file on disk (attachments, static files).
    fn copy(&self, path: &str, from: &Path) -> Result<(), Error> {
        let bytes = std::fs::read(from).map_err(Error::io(from))?;
        self.write(path, &bytes)
    }

    /// Stores a file on disk that is never changed once written (a
    /// photo's copy in the image cache, named by the hash of its source
    /// and replaced, never rewritten, when made again). A sink on disk may
    /// share it with the output (a hard link: no bytes copied) instead of
    /// copying it; any other sink copies it.
    fn share(&self, path: &str, from: &Path) -> Result<(), Error> {
        self.copy(path, from)
    }

    /// Whether this build makes the file at `path`. Only a [`Focus`] says
    /// no (the first pass of `serve`, which renders the pages open in the
    /// browser before the rest); the build loop asks before doing any
    /// work for a file.
    fn wants(&self, _path: &str) -> bool {
        true
    }
}

/// A sink that only takes some pages: the first pass of a `serve` rebuild,
/// which renders the pages open in the browser and shows them before the
/// rest of the site is rebuilt ([`crate::pipeline::Preview`]). Files it
/// does not want are neither rendered ([`Sink::wants`]) nor stored.
pub struct Focus<'a> {
    sink: &'a dyn Sink,
    pages: &'a HashSet<String>,
}

impl<'a> Focus<'a> {
    /// Passes the files at `pages` to `sink`, and nothing else.
    pub fn new(sink: &'a dyn Sink, pages: &'a HashSet<String>) -> Self {
        Self { sink, pages }
    }
}

impl Sink for Focus<'_> {
    fn write(&self, path: &str, contents: &[u8]) -> Result<(), Error> {
        if self.wants(path) {
            self.sink.write(path, contents)?;
        }
        Ok(())
    }

    fn keep(&self, path: &str, made: &Made) -> Result<bool, Error> {
        // A page it does not want counts as kept, so it is not rendered.
        if self.wants(path) {
            self.sink.keep(path, made)
        } else {
            Ok(true)
        }
    }

    fn copy(&self, path: &str, from: &Path) -> Result<(), Error> {
        if self.wants(path) {
            self.sink.copy(path, from)?;
        }
        Ok(())
    }

    fn share(&self, path: &str, from: &Path) -> Result<(), Error> {
        if self.wants(path) {
            self.sink.share(path, from)?;
        }
        Ok(())
    }

    fn wants(&self, path: &str) -> bool {
        self.pages.contains(path)
    }
}

/// Writes into a directory on disk.
///
/// With a previous output ([`DirSink::with_previous`]), the files it keeps
/// are only checked while the build runs; [`DirSink::finish`] then links
/// them in, or says the previous output is already exactly what the build
/// made (a no-op rebuild), in which case nothing needs to move at all.
#[derive(Debug)]
pub struct DirSink {
    root: PathBuf,
    previous: Option<super::inode::Folder>,
    /// When the keys of the previous output were saved ([`DirSink::trusting`]).
    saved: Option<std::time::SystemTime>,
    /// How many files those keys describe.
    known: usize,
    /// Directories made so far: most files share theirs with others, and
    /// `create_dir_all` costs a system call per path component.
    made: Mutex<HashSet<PathBuf>>,
    /// Files of the previous output to keep, linked in by [`DirSink::finish`].
    kept: Mutex<Vec<String>>,
    /// Whether any file was written or copied.
    wrote: std::sync::atomic::AtomicBool,
    /// Whether a kept file had to be read back (changed since `saved`).
    read_back: std::sync::atomic::AtomicBool,
}

/// What [`DirSink::finish`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finished {
    /// The sink's directory holds the whole build: swap it in.
    Changed,
    /// Nothing was written and the previous output holds exactly the files
    /// the build kept: it is the build's output already, and the sink's
    /// directory is empty.
    Unchanged,
}

impl DirSink {
    /// Writes under `root` (which must exist).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            previous: None,
            saved: None,
            known: 0,
            made: Mutex::default(),
            kept: Mutex::default(),
            wrote: Default::default(),
            read_back: Default::default(),
        }
    }

    /// Writes under `root`; files kept from the previous build are taken
    /// from `previous` (the output being replaced) by [`DirSink::finish`],
    /// which must be called once the build is done.
    pub fn with_previous(root: impl Into<PathBuf>, previous: impl Into<PathBuf>) -> Self {
        Self {
            previous: Some(super::inode::Folder::open(previous.into())),
            ..Self::new(root)
        }
    }

    /// Takes the files of the previous output whose inode has not changed
    /// since `saved` (when the keys describing them, `known` files, were
    /// saved: [`OutputKeys::saved`](crate::incremental::OutputKeys::saved))
    /// to be
    /// as the build wrote them: keeping one costs a `stat` instead of
    /// reading and hashing it. Without it, every kept file is read back.
    ///
    /// The same goes for folders: one whose inode has not changed since
    /// holds the names it held then (adding, removing or renaming a name
    /// in a folder changes it), so when all `known` files are kept, [`DirSink::finish`] proves that the previous output holds
    /// nothing else with a `stat` per folder instead of reading them all.
    pub fn trusting(mut self, saved: Option<std::time::SystemTime>, known: usize) -> Self {
        self.saved = saved;
        self.known = known;
        self
    }

    fn target(&self, path: &str) -> Result<PathBuf, Error> {
        let target = self.root.join(path);
        if let Some(parent) = target.parent() {
            let made = |m: &Mutex<HashSet<PathBuf>>| {
                m.lock().unwrap_or_else(|e| e.into_inner()).contains(parent)
            };
            if !made(&self.made) {
                std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
                self.made
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(parent.to_path_buf());
            }
        }
        Ok(target)
    }
}

impl Sink for DirSink {
    fn write(&self, path: &str, contents: &[u8]) -> Result<(), Error> {
        self.wrote.store(true, Ordering::Relaxed);
        let target = self.target(path)?;
        std::fs::write(&target, contents).map_err(Error::io(target))
    }

    fn copy(&self, path: &str, from: &Path) -> Result<(), Error> {
        self.wrote.store(true, Ordering::Relaxed);
        let target = self.target(path)?;
        std::fs::copy(from, &target).map_err(Error::io(from))?;
        Ok(())
    }

    fn share(&self, path: &str, from: &Path) -> Result<(), Error> {
        self.wrote.store(true, Ordering::Relaxed);
        let target = self.target(path)?;
        // One system call instead of creating a file and copying its
        // bytes; copied where the output is on another file system or
        // one without hard links.
        if std::fs::hard_link(from, &target).is_err() {
            std::fs::copy(from, &target).map_err(Error::io(from))?;
        }
        Ok(())
    }

    fn keep(&self, path: &str, made: &Made) -> Result<bool, Error> {
        let Some(previous) = &self.previous else {
            return Ok(false);
        };
        // Only what the previous build wrote, unchanged since: a file
        // edited or damaged in the output is made again. Its inode
        // untouched since the keys were saved says so; else its hash.
        let Some(inode) = previous.stat(path) else {
            return Ok(false);
        };
        if !inode.is_file || inode.len != made.len {
            return Ok(false);
        }
        let untouched = self
            .saved
            .zip(inode.changed)
            .is_some_and(|(saved, changed)| changed < saved);
        if let Some(digest) = made.digest.filter(|_| !untouched) {
            self.read_back.store(true, Ordering::Relaxed);
            let Ok(bytes) = std::fs::read(previous.path().join(path)) else {
                return Ok(false);
            };
            if crate::fingerprint::of_bytes(&bytes) != digest {
                return Ok(false);
            }
        }
        self.kept
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path.to_string());
        Ok(true)
    }
}

impl DirSink {
    /// Whether a file was kept only after reading it back, its inode
    /// having changed since the keys were saved ([`DirSink::trusting`]):
    /// keys saved again would spare the next build that read.
    pub fn read_back(&self) -> bool {
        self.read_back.load(Ordering::Relaxed)
    }

    /// Ends the build: when nothing was written and the previous output
    /// holds exactly the files kept from it (no other file, no other
    /// folder), says [`Finished::Unchanged`] and touches nothing — the
    /// previous output is this build's. Otherwise links every kept file
    /// into the sink's directory (in parallel; copied where the file
    /// system has no hard links) and says [`Finished::Changed`].
    pub fn finish(self) -> Result<Finished, Error> {
        use rayon::prelude::*;
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        let Some(previous) = &self.previous else {
            return Ok(Finished::Changed);
        };
        let previous = previous.path();
        let wrote = self.wrote.load(Ordering::Relaxed);
        // Every file kept is one the keys describe (the build loop keeps
        // only those), so keeping as many as they describe is keeping
        // them all: the output the keys were saved with.
        let all_known = kept.len() == self.known;
        if !wrote
            && ((all_known
                && self
                    .saved
                    .is_some_and(|s| untouched_folders(previous, &kept, s)))
                || holds_exactly(previous, &kept))
        {
            return Ok(Finished::Unchanged);
        }
        kept.par_iter().try_for_each(|path| {
            let old = previous.join(path);
            let target = self.target(path)?;
            if std::fs::hard_link(&old, &target).is_err() {
                std::fs::copy(&old, &target).map_err(Error::io(&old))?;
            }
            Ok(())
        })?;
        Ok(Finished::Changed)
    }
}

/// Whether `dir` and every folder of the files at `paths` (relative,
/// `/`-separated) are folders whose inode has not changed since `saved`:
/// then each holds the names it held at that moment. When `paths` are
/// every file of the output as it was then, `dir` holds them and nothing
/// else (a name added anywhere changes the folder holding it).
fn untouched_folders(dir: &Path, paths: &[String], saved: std::time::SystemTime) -> bool {
    use rayon::prelude::*;
    let folders: HashSet<&str> = paths
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .chain([""])
        .collect();
    let folders: Vec<&str> = folders.into_iter().collect();
    folders.par_iter().all(|folder| {
        let path = match *folder {
            "" => dir.to_path_buf(),
            f => dir.join(f),
        };
        std::fs::symlink_metadata(path).is_ok_and(|meta| {
            meta.is_dir()
                && crate::incremental::changed_at(&meta).is_some_and(|changed| changed < saved)
        })
    })
}

/// Whether `dir` holds the files at `paths` (relative, `/`-separated) and
/// nothing else: no other file, link or folder. A folder is counted once
/// per file under it, so an empty folder left in the output is caught.
fn holds_exactly(dir: &Path, paths: &[String]) -> bool {
    let wanted: HashSet<&str> = paths.iter().map(String::as_str).collect();
    let folders: HashSet<&str> = paths
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    let mut files = 0;
    for item in walkdir::WalkDir::new(dir).min_depth(1) {
        let Ok(item) = item else {
            return false;
        };
        let Ok(rel) = item.path().strip_prefix(dir) else {
            return false;
        };
        let Some(rel) = rel.to_str() else {
            return false;
        };
        #[cfg(windows)]
        let rel = &rel.replace('\\', "/");
        let kind = item.file_type();
        let known = if kind.is_dir() {
            folders.contains(rel)
        } else {
            files += 1;
            kind.is_file() && wanted.contains(rel)
        };
        if !known {
            return false;
        }
    }
    files == wanted.len()
}

/// Keeps every file in memory.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    /// An empty in-memory output.
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the files out, sorted by path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    /// A copy of one file, if it was written.
    pub fn get(&self, path: &str) -> Option<Vec<u8>> {
        let files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.get(path).cloned()
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, contents: &[u8]) -> Result<(), Error> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.insert(path.to_string(), contents.to_vec());
        Ok(())
    }
}

/// Discards everything (`pbgdpl check` renders every page to find errors,
/// but writes nothing).
#[derive(Debug, Default)]
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _path: &str, _contents: &[u8]) -> Result<(), Error> {
        Ok(())
    }

    fn copy(&self, _path: &str, from: &Path) -> Result<(), Error> {
        // Still make sure the file is readable, as a real build would.
        std::fs::metadata(from).map_err(Error::io(from))?;
        Ok(())
    }
}

/// A sink wrapper that remembers what was written, so links can be checked
/// against the real output and two outputs claiming one path are caught.
/// It also reports each written file to a [`Progress`] observer.
pub struct Recorder<'a> {
    sink: &'a dyn Sink,
    progress: &'a dyn Progress,
    written: Mutex<FxHashSet<String>>,
    clashes: Mutex<Vec<String>>,
    kept: AtomicUsize,
}

impl<'a> Recorder<'a> {
    /// Wraps a sink.
    pub fn new(sink: &'a dyn Sink) -> Self {
        Self::with_progress(sink, &Silent)
    }

    /// Wraps a sink, reporting every file written to `progress`.
    pub fn with_progress(sink: &'a dyn Sink, progress: &'a dyn Progress) -> Self {
        Self {
            sink,
            progress,
            written: Mutex::new(FxHashSet::default()),
            clashes: Mutex::new(Vec::new()),
            kept: AtomicUsize::new(0),
        }
    }

    fn record(&self, path: &str) {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        if !written.insert(path.to_string()) {
            self.clashes
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(path.to_string());
        }
        drop(written);
        self.progress.step(path);
    }

    /// How many distinct paths were written so far.
    pub fn count(&self) -> usize {
        self.written.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// How many files the sink kept from the previous build
    /// ([`Sink::keep`]) so far.
    pub fn kept(&self) -> usize {
        self.kept.load(Ordering::Relaxed)
    }

    /// Every path written so far.
    pub fn written(&self) -> FxHashSet<String> {
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Every path written, taking them out of the recorder.
    pub fn into_written(self) -> FxHashSet<String> {
        self.written.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    /// Paths written more than once.
    pub fn clashes(&self) -> Vec<String> {
        let mut c = self
            .clashes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        c.sort();
        c.dedup();
        c
    }
}

impl Sink for Recorder<'_> {
    fn write(&self, path: &str, contents: &[u8]) -> Result<(), Error> {
        self.record(path);
        self.sink.write(path, contents)
    }

    fn copy(&self, path: &str, from: &Path) -> Result<(), Error> {
        self.record(path);
        self.sink.copy(path, from)
    }

    fn share(&self, path: &str, from: &Path) -> Result<(), Error> {
        self.record(path);
        self.sink.share(path, from)
    }

    fn keep(&self, path: &str, made: &Made) -> Result<bool, Error> {
        let kept = self.sink.keep(path, made)?;
        if kept {
            self.kept.fetch_add(1, Ordering::Relaxed);
            self.record(path);
        }
        Ok(kept)
    }

    fn wants(&self, path: &str) -> bool {
        self.sink.wants(path)
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::*;

    #[test]
    fn a_kept_file_is_read_back_unless_untouched_since_the_keys_were_saved() {
        let tmp = tempfile::tempdir().unwrap();
        let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
        std::fs::create_dir_all(&old).unwrap();
        std::fs::create_dir_all(&new).unwrap();
        let made = Made::rendered(1, b"<p>a</p>");
        // Changed since the build: same size, other bytes.
        std::fs::write(old.join("a.html"), b"<p>b</p>").unwrap();
        let changed =
            crate::incremental::changed_at(&std::fs::metadata(old.join("a.html")).unwrap())
                .unwrap();

        // Keys saved before the change (or none saved): the file is read,
        // its hash differs, it is not kept.
        for saved in [None, Some(changed - Duration::from_secs(1))] {
            let sink = DirSink::with_previous(&new, &old).trusting(saved, 1);
            assert!(!sink.keep("a.html", &made).unwrap(), "{saved:?}");
            assert!(!new.join("a.html").exists());
        }
        // Keys saved after it: the inode says the file is as the build
        // wrote it, and it is kept without being read.
        let sink =
            DirSink::with_previous(&new, &old).trusting(Some(changed + Duration::from_secs(1)), 1);
        assert!(sink.keep("a.html", &made).unwrap());
        sink.write("b.html", b"new").unwrap();
        assert_eq!(sink.finish().unwrap(), Finished::Changed);
        assert_eq!(std::fs::read(new.join("a.html")).unwrap(), b"<p>b</p>");
        // Another size is never kept.
        let longer = Made::rendered(1, b"<p>aa</p>");
        let sink = DirSink::with_previous(&new, &old)
            .trusting(Some(SystemTime::now() + Duration::from_secs(60)), 1);
        assert!(!sink.keep("a.html", &longer).unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn a_shared_file_is_linked_in_and_counts_as_written() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
        std::fs::create_dir_all(&old).unwrap();
        std::fs::create_dir_all(&new).unwrap();
        let cached = tmp.path().join("960.webp");
        std::fs::write(&cached, b"RIFF").unwrap();
        let sink = DirSink::with_previous(&new, &old);
        sink.share("tin-tuc/a/anh-960.webp", &cached).unwrap();
        let ino = |p: &Path| std::fs::metadata(p).unwrap().ino();
        assert_eq!(ino(&new.join("tin-tuc/a/anh-960.webp")), ino(&cached));
        // Something was written: the new directory is the output.
        assert_eq!(sink.finish().unwrap(), Finished::Changed);
        // Other sinks copy it.
        let memory = MemorySink::new();
        memory.share("anh.webp", &cached).unwrap();
        assert_eq!(memory.get("anh.webp").unwrap(), b"RIFF");
    }

    #[test]
    fn a_build_that_keeps_the_whole_previous_output_moves_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
        std::fs::create_dir_all(old.join("tin-tuc/a")).unwrap();
        std::fs::create_dir_all(&new).unwrap();
        let page = b"<p>a</p>";
        std::fs::write(old.join("index.html"), page).unwrap();
        std::fs::write(old.join("tin-tuc/a/index.html"), page).unwrap();
        let made = Made::rendered(1, page);
        let paths = ["index.html", "tin-tuc/a/index.html"];
        let keep_all = |sink: &DirSink| {
            for p in paths {
                assert!(sink.keep(p, &made).unwrap(), "{p}");
            }
        };

        // Every file kept, nothing else there: the previous output is the
        // build's; nothing is linked into the new directory.
        let sink = DirSink::with_previous(&new, &old);
        keep_all(&sink);
        assert_eq!(sink.finish().unwrap(), Finished::Unchanged);
        assert_eq!(std::fs::read_dir(&new).unwrap().count(), 0);

        // Something written too: every kept file is linked in.
        let sink = DirSink::with_previous(&new, &old);
        keep_all(&sink);
        sink.write("sitemap.xml", b"<urlset/>").unwrap();
        assert_eq!(sink.finish().unwrap(), Finished::Changed);
        for p in paths {
            assert_eq!(std::fs::read(new.join(p)).unwrap(), page, "{p}");
        }

        // A file or an empty folder the build did not make in the previous
        // output: it must go, so the new directory is swapped in.
        for stray in ["tin-tuc/a/extra.txt", "tin-tuc/b/"] {
            let (old, new) = (tmp.path().join("old2"), tmp.path().join("new2"));
            let _ = std::fs::remove_dir_all(&old);
            let _ = std::fs::remove_dir_all(&new);
            std::fs::create_dir_all(old.join("tin-tuc/a")).unwrap();
            std::fs::create_dir_all(&new).unwrap();
            std::fs::write(old.join("index.html"), page).unwrap();
            std::fs::write(old.join("tin-tuc/a/index.html"), page).unwrap();
            match stray.strip_suffix('/') {
                Some(dir) => std::fs::create_dir_all(old.join(dir)).unwrap(),
                None => std::fs::write(old.join(stray), b"x").unwrap(),
            }
            let sink = DirSink::with_previous(&new, &old);
            keep_all(&sink);
            assert_eq!(sink.finish().unwrap(), Finished::Changed, "{stray}");
            assert_eq!(std::fs::read(new.join("index.html")).unwrap(), page);
        }
    }
}
