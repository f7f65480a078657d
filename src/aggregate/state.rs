//! The state directory: what the aggregator remembers between runs.
//!
//! ```text
//! <state>/state.json                 validators, times, failures, the hub's fingerprint
//! <state>/sources/<id>/sync.json     the agency's last good snapshot, as fetched
//! <state>/sources/<id>/items.json    the feed items of its entries, with the hash they had
//! <state>/sources/<id>/statistics.json  its statistics.json as admitted, with the hash it had
//! <state>/hub-sync.json              the hub's last published sync.json (for tombstones)
//! ```
//!
//! Every file is replaced atomically (written beside, then renamed), so a
//! run that is killed leaves the previous state usable. The default
//! directory is `.<out>.pbgdpl-aggregate/` beside the output directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostics::Diagnostic;
use crate::error::Error;
use crate::msg;

use super::accept::{self, Document, Reason};
use super::fetch::Validators;
use super::poll::FailureKind;
use super::validate::{Schemas, Snapshot};

/// Version of the state files' layout.
const FORMAT: u32 = 1;
const STATE_FILE: &str = "state.json";
const SOURCES_DIR: &str = "sources";
const SYNC_COPY: &str = "sync.json";
const ITEMS_COPY: &str = "items.json";
const STATISTICS_COPY: &str = "statistics.json";
const HUB_SYNC: &str = "hub-sync.json";

/// The default state directory of a hub written to `out`.
pub fn default_dir(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "hub".into());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    parent.join(format!(".{name}.pbgdpl-aggregate"))
}

/// A failed attempt that has not been followed by a success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// What kind of failure.
    pub kind: FailureKind,
    /// Why, for the operator's terminal.
    pub message: String,
    /// Why, for everyone (the status page); absent in states written by
    /// earlier versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// About which document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Document>,
    /// The first failed attempt in a row (RFC 3339).
    pub since: String,
    /// The latest failed attempt (RFC 3339).
    pub last_attempt: String,
}

/// What is remembered of one source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceState {
    /// Where its snapshot was fetched from (validators only apply there).
    pub location: String,
    /// `ETag` of the last successful fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// `Last-Modified` of the last successful fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// Digest of the last good copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// The last successful fetch, changed or not (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_success: Option<String>,
    /// The fetch that brought the current copy (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_change: Option<String>,
    /// The current run of failures, if the last attempt failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<Failure>,
    /// The section (`base_url`) it published on the hub: a local build
    /// that keeps publishing it has a stronger claim on it, and while the
    /// source has no copy its entries are not turned into tombstones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The earliest time an item of the published hub held back for its
    /// future date is due (RFC 3339): the hub is rebuilt then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_until: Option<String>,
}

impl SourceState {
    /// The validators to send, if they belong to `location`.
    pub fn validators_for(&self, location: &str) -> Option<Validators> {
        (self.location == location && (self.etag.is_some() || self.last_modified.is_some())).then(
            || Validators {
                etag: self.etag.clone(),
                last_modified: self.last_modified.clone(),
            },
        )
    }
}

/// `state.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    /// Layout version.
    pub format: u32,
    /// Fingerprint of what the published hub was built from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The first day on which an entry of the published hub starts
    /// counting in the province's report (`YYYY-MM-DD`): the hub is
    /// rebuilt then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_due: Option<String>,
    /// Per source, by id.
    #[serde(default)]
    pub sources: BTreeMap<String, SourceState>,
}

/// A feed item kept with the hash its entry had when it was fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredItem {
    /// The entry's `sha256` in the snapshot the item was fetched for.
    pub sha256: String,
    /// The JSON Feed item, as published.
    pub item: Value,
}

/// An agency's `statistics.json` as admitted
/// ([`accept::statistics`]), with the SHA-256 its `sync.json` gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredStatistics {
    /// `statistics.sha256` of the snapshot it was fetched for.
    pub sha256: String,
    /// The document, admitted.
    pub statistics: Value,
}

impl StoredStatistics {
    /// How many data tables it holds.
    pub fn data_tables(&self) -> usize {
        self.statistics
            .get("data_tables")
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    }
}

/// `items.json`: the admitted items and the rules they were admitted
/// under ([`accept::POLICY`]).
#[derive(Debug, Serialize, Deserialize)]
struct ItemsFile {
    policy: u32,
    items: BTreeMap<String, StoredItem>,
}

/// An agency's last good copy.
#[derive(Debug, Clone)]
pub struct GoodCopy {
    /// Its snapshot.
    pub snapshot: Snapshot,
    /// The snapshot's bytes, as fetched.
    pub raw: Vec<u8>,
    /// Feed items by id; `None` until loaded (a run that changes nothing
    /// never reads them).
    pub items: Option<BTreeMap<String, StoredItem>>,
    /// Its `statistics.json`, when the snapshot lists one and it was
    /// admitted for the snapshot's hash.
    pub statistics: Option<StoredStatistics>,
}

impl GoodCopy {
    /// The kept item of an entry, if loaded and still matching its hash.
    pub fn item(&self, id: &str, sha256: &str) -> Option<&StoredItem> {
        self.items
            .as_ref()
            .and_then(|m| m.get(id))
            .filter(|k| k.sha256 == sha256)
    }
}

/// The state directory, open.
#[derive(Debug)]
pub struct State {
    dir: PathBuf,
    /// The state directory's lock, held for as long as the state is open:
    /// two runs on the same state directory would overwrite each other's
    /// state and output.
    _lock: std::fs::File,
    /// `state.json`'s content.
    pub file: StateFile,
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(Error::io(dir))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(Error::io(dir))?;
    std::io::Write::write_all(&mut tmp, bytes).map_err(Error::io(path))?;
    tmp.persist(path).map_err(|e| Error::io(path)(e.error))?;
    Ok(())
}

fn to_json<T: Serialize>(value: &T, what: &Path) -> Result<Vec<u8>, Error> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|source| Error::Json {
        what: what.display().to_string(),
        source,
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Name of the lock file in the state directory.
pub const LOCK_FILE: &str = "lock";

/// Takes the state directory's lock (an advisory lock on `lock`, released
/// when the process ends, even if it is killed), or says who holds it.
fn lock(dir: &Path) -> Result<std::fs::File, Error> {
    let path = dir.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(Error::io(&path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Busy {
            dir: dir.to_path_buf(),
            lock: path,
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::io(&path)(e)),
    }
}

/// Removes the temporary files a killed run left while replacing a file
/// (`.tmp*`, see [`write_atomic`]); only under the lock.
fn remove_temporary_files(dir: &Path) {
    let sources = dir.join(SOURCES_DIR);
    let mut dirs = vec![dir.to_path_buf()];
    if let Ok(entries) = std::fs::read_dir(&sources) {
        dirs.extend(entries.filter_map(Result::ok).map(|e| e.path()));
    }
    for d in dirs {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let temporary = e.file_name().to_string_lossy().starts_with(".tmp");
            if temporary && e.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

impl State {
    /// Opens (or creates) the state directory and takes its lock. A damaged `state.json` is
    /// a warning: the run starts afresh (unconditional fetches, a full
    /// rebuild) but the last good copies are still used.
    pub fn open(dir: &Path) -> Result<(State, Option<Diagnostic>), Error> {
        std::fs::create_dir_all(dir).map_err(Error::io(dir))?;
        let lock = lock(dir)?;
        remove_temporary_files(dir);
        let path = dir.join(STATE_FILE);
        let mut warning = None;
        let file = match std::fs::read(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => StateFile::default(),
            Err(e) => return Err(Error::io(&path)(e)),
            Ok(bytes) => match serde_json::from_slice::<StateFile>(&bytes) {
                Ok(f) if f.format == FORMAT => f,
                Ok(f) => {
                    warning = Some(msg!(
                        "aggregate-state-format",
                        found = f.format.to_string(),
                        writes = FORMAT.to_string()
                    ));
                    StateFile::default()
                }
                Err(e) => {
                    warning = Some(msg!("aggregate-state-unreadable", detail = e.to_string()));
                    StateFile::default()
                }
            },
        };
        let warning = warning.map(|why| {
            Diagnostic::warning(
                "aggregate-state",
                msg!("aggregate-state-unusable", file = &path, why = why),
            )
            .help(msg!("aggregate-state-unusable-help"))
        });
        Ok((
            State {
                dir: dir.to_path_buf(),
                _lock: lock,
                file: StateFile {
                    format: FORMAT,
                    ..file
                },
            },
            warning,
        ))
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn source_dir(&self, id: &str) -> PathBuf {
        self.dir.join(SOURCES_DIR).join(id)
    }

    /// The last good copy of a source, if there is a usable one (its items
    /// not loaded yet). It is checked again: it may have been damaged on
    /// disk.
    pub fn good_copy(&self, id: &str, schemas: &Schemas) -> Option<GoodCopy> {
        let dir = self.source_dir(id);
        let raw = std::fs::read(dir.join(SYNC_COPY)).ok()?;
        let snapshot = schemas.snapshot(&raw).ok()?;
        // Kept for this snapshot's hash, else none (fetched again).
        let statistics = snapshot.statistics.as_ref().and_then(|link| {
            let bytes = std::fs::read(dir.join(STATISTICS_COPY)).ok()?;
            serde_json::from_slice::<StoredStatistics>(&bytes)
                .ok()
                .filter(|s| s.sha256 == link.sha256)
        });
        Some(GoodCopy {
            snapshot,
            raw,
            items: None,
            statistics,
        })
    }

    /// The kept feed items of a source whose section is at `base_url`
    /// (none when missing or damaged: they are fetched again). Items kept
    /// under earlier rules are admitted again; those refused are dropped.
    pub fn items(&self, id: &str, base_url: &str) -> BTreeMap<String, StoredItem> {
        let Ok(bytes) = std::fs::read(self.source_dir(id).join(ITEMS_COPY)) else {
            return BTreeMap::new();
        };
        let older = match serde_json::from_slice::<ItemsFile>(&bytes) {
            Ok(f) if f.policy == accept::POLICY => return f.items,
            Ok(f) => f.items,
            // The first layout: the bare map.
            Err(_) => serde_json::from_slice(&bytes).unwrap_or_default(),
        };
        let prefix = crate::output::feeds::item::tag_prefix_of(base_url);
        older
            .into_iter()
            .filter_map(|(id, k)| {
                let item = accept::items::admit(k.item, 0, base_url, &prefix).ok()?;
                Some((id, StoredItem { item, ..k }))
            })
            .collect()
    }

    /// Loads a copy's items if they are not loaded yet.
    pub fn load_items(&self, id: &str, copy: &mut GoodCopy) {
        if copy.items.is_none() {
            copy.items = Some(self.items(id, &copy.snapshot.site.base_url));
        }
    }

    /// Stores a source's new good copy: its snapshot, and its items when
    /// they were (re)computed.
    pub fn save_copy(&self, id: &str, copy: &GoodCopy) -> Result<(), Error> {
        let dir = self.source_dir(id);
        if let Some(items) = &copy.items {
            let path = dir.join(ITEMS_COPY);
            let file = ItemsFile {
                policy: accept::POLICY,
                items: items.clone(),
            };
            write_atomic(&path, &to_json(&file, &path)?)?;
        }
        let path = dir.join(STATISTICS_COPY);
        match &copy.statistics {
            Some(s) => write_atomic(&path, &to_json(s, &path)?)?,
            None => match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(Error::io(&path)(e));
                }
                _ => {}
            },
        }
        write_atomic(&dir.join(SYNC_COPY), &copy.raw)
    }

    /// Writes `state.json`.
    pub fn save(&self) -> Result<(), Error> {
        let path = self.dir.join(STATE_FILE);
        write_atomic(&path, &to_json(&self.file, &path)?)
    }

    /// The hub's previously published `sync.json`, if any.
    pub fn hub_snapshot(&self) -> Option<String> {
        std::fs::read_to_string(self.dir.join(HUB_SYNC)).ok()
    }

    /// Remembers the hub's published `sync.json`.
    pub fn save_hub_snapshot(&self, bytes: &[u8]) -> Result<(), Error> {
        write_atomic(&self.dir.join(HUB_SYNC), bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn items_kept_under_earlier_rules_are_admitted_again() {
        let tmp = tempfile::tempdir().unwrap();
        let (state, warning) = State::open(tmp.path()).unwrap();
        assert!(warning.is_none());
        let base = "https://a.example/pbgdpl/";
        let item = |id: &str, url: &str| {
            json!({"sha256": "0".repeat(64), "item": {
                "id": format!("tag:a.example,2019:/pbgdpl/{id}"), "url": url, "title": "T",
                "date_published": "2026-11-20T00:00:00+07:00",
                "content_html": "<p>x</p><script>alert(1)</script>"
            }})
        };
        // The first layout (a bare map), kept before the rules existed.
        let old = json!({
            "tag:a.example,2019:/pbgdpl/x": item("x", "https://a.example/pbgdpl/x/"),
            "tag:a.example,2019:/pbgdpl/y": item("y", "javascript:alert(5)"),
        });
        let dir = tmp.path().join(SOURCES_DIR).join("a");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(ITEMS_COPY), old.to_string()).unwrap();
        let items = state.items("a", base);
        assert_eq!(items.len(), 1, "{items:?}");
        let html = items["tag:a.example,2019:/pbgdpl/x"].item["content_html"]
            .as_str()
            .unwrap();
        assert_eq!(html, "<p>x</p>");
    }
}
