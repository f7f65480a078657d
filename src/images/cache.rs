//! The on-disk cache of processed photos: `.pbgdpl-cache/images/` beside
//! the section (`pbgdpl init` lists it in `.gitignore`; deleting it is
//! always safe, it is made again).
//!
//! ```text
//! .pbgdpl-cache/images/<key>/info.json     sizes, formats and SHA-256 of the variants
//! .pbgdpl-cache/images/<key>/960.webp      the variants
//! .pbgdpl-cache/images/sources.tsv         path, size, modification time → key
//! .pbgdpl-cache/images/records.json        the info.json of every photo used, by key
//! ```
//!
//! The key is a hash of the source file's bytes and of [`super::VERSION`]:
//! the same photo under two names, or in two sections, is processed once.
//! `sources.tsv` lets a build find the key of a file whose size and
//! modification time have not changed without reading it again (as make
//! and git do); a changed file is read, hashed, and processed only when
//! its bytes are new. A process keeps every outcome it used in memory
//! (`serve`), so a rebuild reads nothing at all for unchanged photos.
//!
//! `info.json` also holds each variant's SHA-256, computed when it was
//! encoded: the feeds and `sync.json` list the published copies with
//! their hashes without reading them back.
//!
//! `records.json` holds the `info.json` of each photo the last build that
//! read a new one used, so a rebuild reads one file instead of one a photo
//! (a file whose key has no record there is read from its `info.json`).
//!
//! A build trusts these records: the variants they list are not `stat`ed when
//! the cache is read, since a rebuild keeps the published copies of an
//! unchanged photo and never opens them. The build loop checks a variant
//! when it copies it into the output; one missing or of the wrong size
//! (a damaged cache) makes it [check every variant](Cache::check_again)
//! and process again the photos whose variants are not all there.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use xxhash_rust::xxh3::xxh3_128;

use super::{Encoded, ImageError, Limits, Outcome, Variant, process};

/// Where the cache is, relative to the section's root.
pub const CACHE_DIR: &str = ".pbgdpl-cache";

const INDEX: &str = "sources.tsv";
const INFO: &str = "info.json";
const RECORDS: &str = "records.json";

/// What a source file's size and modification time were when its key was
/// computed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    size: u64,
    modified: u64,
    key: String,
}

/// The cache of one section (see the module documentation).
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    /// Kept alive when the cache is a temporary directory.
    _temp: Option<tempfile::TempDir>,
    index: Mutex<HashMap<String, Stamp>>,
    outcomes: Mutex<HashMap<String, Arc<Outcome>>>,
    /// The records of `records.json`, taken out as they are used.
    records: Mutex<HashMap<String, Outcome>>,
    dirty: AtomicBool,
    /// Whether an outcome was read from an `info.json` or made: then
    /// `records.json` is written again.
    new_records: AtomicBool,
    /// Whether reading a photo's record checks that each of its variants
    /// is there, with its size ([`Cache::check_again`]).
    checking: AtomicBool,
}

/// Why a photo could not be processed: the image itself, or reading and
/// writing files.
#[derive(Debug)]
pub enum Failure {
    /// The image is not publishable.
    Image(ImageError),
    /// A file could not be read or written.
    Io(PathBuf, std::io::Error),
}

impl Cache {
    /// The cache of the section at `root` (`root/.pbgdpl-cache/images`),
    /// or a temporary one when that directory cannot be made (a read-only
    /// checkout).
    pub fn open(root: &Path) -> Cache {
        let dir = root.join(CACHE_DIR).join("images");
        if std::fs::create_dir_all(&dir).is_ok() {
            return Self::at(dir, None);
        }
        Self::temporary()
    }

    /// A cache that lasts as long as this value.
    pub fn temporary() -> Cache {
        match tempfile::Builder::new().prefix("pbgdpl-images-").tempdir() {
            Ok(t) => Self::at(t.path().to_path_buf(), Some(t)),
            Err(_) => Self::at(std::env::temp_dir().join("pbgdpl-images"), None),
        }
    }

    fn at(dir: PathBuf, temp: Option<tempfile::TempDir>) -> Cache {
        let index = std::fs::read_to_string(dir.join(INDEX))
            .map(|text| parse_index(&text))
            .unwrap_or_default();
        let records = std::fs::read(dir.join(RECORDS))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Cache {
            dir,
            _temp: temp,
            index: Mutex::new(index),
            outcomes: Mutex::new(HashMap::new()),
            records: Mutex::new(records),
            dirty: AtomicBool::new(false),
            new_records: AtomicBool::new(false),
            checking: AtomicBool::new(false),
        }
    }

    /// From now on, checks that every variant of a photo is in the cache,
    /// with the size its record gives, before using the record (a `stat`
    /// a variant), and forgets the records read so far: the photos whose
    /// variants are not all there are processed again. For a build that
    /// found a variant missing or damaged when copying it.
    pub fn check_again(&self) {
        self.checking.store(true, Ordering::Relaxed);
        self.outcomes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        self.records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// The directory of the cache.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of one variant of the photo of key `key`.
    pub fn variant_path(&self, key: &str, v: &Variant) -> PathBuf {
        self.dir
            .join(key)
            .join(format!("{}.{}", v.width, v.format.extension()))
    }

    /// The key and outcome of the source at `path` (named `rel` in the
    /// index, `size` bytes, modified at `modified` nanoseconds since 1970;
    /// 0 when unknown), processing it when its bytes are new.
    pub fn get(
        &self,
        path: &Path,
        rel: &str,
        size: u64,
        modified: u64,
        limits: &Limits,
    ) -> Result<(String, Arc<Outcome>), Failure> {
        if size > limits.max_bytes {
            return Err(Failure::Image(ImageError::TooLarge {
                bytes: size,
                limit: limits.max_bytes,
            }));
        }
        let known = {
            let index = self.index.lock().unwrap_or_else(|e| e.into_inner());
            index
                .get(rel)
                .filter(|s| modified != 0 && s.size == size && s.modified == modified)
                .map(|s| s.key.clone())
        };
        if let Some(key) = known
            && let Some(outcome) = self.load(&key)
        {
            return Ok((key, outcome));
        }
        let bytes = std::fs::read(path).map_err(|e| Failure::Io(path.to_path_buf(), e))?;
        let key = key_of(&bytes);
        let outcome = match self.load(&key) {
            Some(o) => o,
            None => {
                let encoded = process(&bytes, limits).map_err(Failure::Image)?;
                self.store(&key, &encoded)?
            }
        };
        if modified != 0 {
            let mut index = self.index.lock().unwrap_or_else(|e| e.into_inner());
            index.insert(
                rel.to_string(),
                Stamp {
                    size,
                    modified,
                    key: key.clone(),
                },
            );
            self.dirty.store(true, Ordering::Relaxed);
        }
        Ok((key, outcome))
    }

    /// The outcome of `key`, from memory, from `records.json` or from its
    /// `info.json` (when [checking](Cache::check_again), only from the
    /// latter, and if all its variants are there).
    fn load(&self, key: &str) -> Option<Arc<Outcome>> {
        if let Some(o) = self
            .outcomes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
        {
            return Some(o.clone());
        }
        let recorded = self
            .records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
        if let Some(outcome) = recorded
            && outcome.variants.iter().all(|v| !v.sha256.is_empty())
        {
            return Some(self.remember(key, outcome));
        }
        self.new_records.store(true, Ordering::Relaxed);
        let info = self.dir.join(key).join(INFO);
        let text = std::fs::read(&info).ok()?;
        let mut outcome: Outcome = serde_json::from_slice(&text).ok()?;
        let complete = !self.checking.load(Ordering::Relaxed)
            || outcome.variants.iter().all(|v| {
                std::fs::symlink_metadata(self.variant_path(key, v))
                    .is_ok_and(|m| m.is_file() && m.len() == v.bytes)
            });
        if !complete {
            return None;
        }
        if outcome.variants.iter().any(|v| v.sha256.is_empty()) {
            // Made before the hashes were kept: hash the variants once.
            for v in &mut outcome.variants {
                let bytes = std::fs::read(self.variant_path(key, v)).ok()?;
                if bytes.len() as u64 != v.bytes {
                    return None;
                }
                v.sha256 = crate::sync::canonical::sha256_hex(&bytes);
            }
            write_atomically(&info, &serde_json::to_vec(&outcome).unwrap_or_default());
        }
        Some(self.remember(key, outcome))
    }

    /// Keeps the outcome of `key` in memory for the rest of the process.
    fn remember(&self, key: &str, outcome: Outcome) -> Arc<Outcome> {
        let outcome = Arc::new(outcome);
        self.outcomes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.to_string(), outcome.clone());
        outcome
    }

    /// Writes a processed photo under `key`: into a fresh directory, then
    /// renamed into place, so a killed build leaves no half-written entry.
    fn store(&self, key: &str, encoded: &Encoded) -> Result<Arc<Outcome>, Failure> {
        let io = |p: &Path| {
            let p = p.to_path_buf();
            move |e| Failure::Io(p, e)
        };
        let staging = tempfile::Builder::new()
            .prefix(".tmp-")
            .tempdir_in(&self.dir)
            .map_err(io(&self.dir))?;
        for (v, bytes) in encoded.outcome.variants.iter().zip(&encoded.files) {
            let name = format!("{}.{}", v.width, v.format.extension());
            let file = staging.path().join(name);
            std::fs::write(&file, bytes).map_err(io(&file))?;
        }
        let info = serde_json::to_vec(&encoded.outcome).unwrap_or_default();
        let file = staging.path().join(INFO);
        std::fs::write(&file, info).map_err(io(&file))?;
        let target = self.dir.join(key);
        let staged = staging.keep();
        if std::fs::rename(&staged, &target).is_err() {
            // Another build stored the same photo meanwhile, or a broken
            // entry is in the way: replace it.
            let _ = std::fs::remove_dir_all(&target);
            if let Err(e) = std::fs::rename(&staged, &target) {
                let _ = std::fs::remove_dir_all(&staged);
                if self.load(key).is_none() {
                    return Err(Failure::Io(target, e));
                }
            }
        }
        self.new_records.store(true, Ordering::Relaxed);
        Ok(self.remember(key, encoded.outcome.clone()))
    }

    /// Writes `sources.tsv` and `records.json` when they changed
    /// (atomically; the records of every photo used since the cache was
    /// opened). Failing to write them only costs reading the sources or
    /// the `info.json` files again next time.
    pub fn save(&self) {
        if self.new_records.swap(false, Ordering::Relaxed) {
            let outcomes = self.outcomes.lock().unwrap_or_else(|e| e.into_inner());
            let records: std::collections::BTreeMap<&str, &Outcome> =
                outcomes.iter().map(|(k, o)| (k.as_str(), &**o)).collect();
            if let Ok(bytes) = serde_json::to_vec(&records) {
                write_atomically(&self.dir.join(RECORDS), &bytes);
            }
        }
        if !self.dirty.swap(false, Ordering::Relaxed) {
            return;
        }
        let mut lines: Vec<String> = {
            let index = self.index.lock().unwrap_or_else(|e| e.into_inner());
            index
                .iter()
                .map(|(rel, s)| format!("{}\t{}\t{}\t{}", s.size, s.modified, s.key, rel))
                .collect()
        };
        lines.sort();
        let mut text = lines.join("\n");
        text.push('\n');
        write_atomically(&self.dir.join(INDEX), text.as_bytes());
    }
}

/// Replaces the file at `path` with `bytes` (written beside it, then
/// renamed: a reader sees the old file or the new one). Failing only
/// costs doing the work again next time.
fn write_atomically(path: &Path, bytes: &[u8]) {
    let Some(dir) = path.parent() else { return };
    if let Ok(mut f) = tempfile::NamedTempFile::new_in(dir) {
        use std::io::Write;
        if f.write_all(bytes).is_ok() {
            let _ = f.persist(path);
        }
    }
}

fn parse_index(text: &str) -> HashMap<String, Stamp> {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(4, '\t');
            let size = parts.next()?.parse().ok()?;
            let modified = parts.next()?.parse().ok()?;
            let key = parts.next()?.to_string();
            let rel = parts.next()?.to_string();
            (key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit())).then_some((
                rel,
                Stamp {
                    size,
                    modified,
                    key,
                },
            ))
        })
        .collect()
}

/// The cache key of a source file's bytes.
pub fn key_of(bytes: &[u8]) -> String {
    let mut salted = xxh3_128(bytes);
    salted ^= u128::from(super::VERSION) << 64;
    format!("{salted:032x}")
}
