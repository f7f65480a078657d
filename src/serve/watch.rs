//! Watching the site's files for `serve`: the changes of one save, as one
//! batch, as soon as the save is over.
//!
//! An editor's save is several changes to the file system (truncate and
//! write; or a temporary file renamed over the entry; or the entry renamed
//! to a backup, a new file written and the backup deleted), all within a
//! few milliseconds: measured on this project's machine, Vim's whole save
//! (swap file included) spans 1.8 ms, `sed -i` and a write in place less
//! than 0.1 ms. [`Watcher::next`] hands them over together once the site
//! has been quiet for [`SETTLE`], measured from the last change itself
//! rather than on a timer's tick.
//!
//! Changes that come while a rebuild runs wait in the channel and make the
//! next batch, which is handed over at once if they are already older than
//! [`SETTLE`]. So a rebuild that read a file half-written (a save slower
//! than [`SETTLE`]) is always followed by one that reads the whole file,
//! and the error the half might have caused does not stay on screen.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long the site must be quiet after a change before rebuilding.
pub const SETTLE: Duration = Duration::from_millis(10);

/// A change as notify reports it, with the time it arrived.
type Report = (Instant, notify::Result<Event>);

/// The site's watched directories and the changes they report.
pub struct Watcher {
    watcher: RecommendedWatcher,
    reports: Receiver<Report>,
    watched: Vec<PathBuf>,
}

/// What [`Watcher::next`] found.
#[derive(Debug)]
pub enum Next {
    /// Changes (possibly only reads, which change nothing: then `paths`
    /// is empty).
    Changes(Batch),
    /// Nothing came in the time given.
    Timeout,
    /// The watcher stopped.
    Closed,
}

/// The changes of one save (or of everything that happened during a
/// rebuild).
#[derive(Debug, Default)]
pub struct Batch {
    /// Files and directories created, modified, renamed or deleted.
    pub paths: Vec<PathBuf>,
    /// Changes were lost (the system's queue overflowed): everything must
    /// be loaded again.
    pub rescan: bool,
    /// What went wrong while watching.
    pub errors: Vec<notify::Error>,
}

impl Batch {
    /// Adds a report; says whether it was a change (reading a file, as
    /// rebuilds do, is not).
    fn add(&mut self, report: notify::Result<Event>) -> bool {
        match report {
            Ok(event) if matches!(event.kind, EventKind::Access(_)) => false,
            Ok(event) => {
                self.rescan |= event.need_rescan();
                self.paths.extend(event.paths);
                true
            }
            Err(e) => {
                self.errors.push(e);
                true
            }
        }
    }
}

impl Watcher {
    /// A watcher watching nothing yet.
    pub fn new() -> notify::Result<Self> {
        let (tx, reports) = mpsc::channel();
        let watcher = notify::recommended_watcher(move |report| {
            // The receiver is gone only when serve stops.
            let _ = tx.send((Instant::now(), report));
        })?;
        Ok(Self {
            watcher,
            reports,
            watched: Vec::new(),
        })
    }

    /// Watches the site's root directory itself (`site.toml`), not its
    /// subdirectories (see [`Watcher::watch_new_dirs`]).
    pub fn watch_root(&mut self, root: &Path) -> notify::Result<()> {
        self.watcher.watch(root, RecursiveMode::NonRecursive)
    }

    /// Starts watching, with their subdirectories, the directories of
    /// `wanted` that exist and are not watched yet (a site may create
    /// `templates/` while being served).
    pub fn watch_new_dirs(&mut self, wanted: &[PathBuf]) {
        self.watched.retain(|d| d.is_dir());
        for dir in wanted {
            if dir.is_dir()
                && !self.watched.contains(dir)
                && self.watcher.watch(dir, RecursiveMode::Recursive).is_ok()
            {
                self.watched.push(dir.clone());
            }
        }
    }

    /// Waits for a change (for `wait` at most, or for ever), then for the
    /// site to be quiet for [`SETTLE`]; returns everything that changed.
    pub fn next(&self, wait: Option<Duration>) -> Next {
        let first = match wait {
            None => self
                .reports
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
            Some(wait) => self.reports.recv_timeout(wait),
        };
        let (at, report) = match first {
            Ok(first) => first,
            Err(RecvTimeoutError::Timeout) => return Next::Timeout,
            Err(RecvTimeoutError::Disconnected) => return Next::Closed,
        };
        let mut batch = Batch::default();
        let mut last = batch.add(report).then_some(at);
        loop {
            while let Ok((at, report)) = self.reports.try_recv() {
                if batch.add(report) {
                    last = Some(at);
                }
            }
            // Only reads so far: nothing to wait for.
            let Some(changed) = last else { break };
            let left = SETTLE.saturating_sub(changed.elapsed());
            if left.is_zero() {
                break;
            }
            match self.reports.recv_timeout(left) {
                Ok((at, report)) => {
                    if batch.add(report) {
                        last = Some(at);
                    }
                }
                Err(_) => break,
            }
        }
        Next::Changes(batch)
    }
}
