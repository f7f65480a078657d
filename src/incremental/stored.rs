//! Values kept on disk between runs of `pbgdpl build`: records of bytes by
//! the fingerprint of what they were made from (the rendered Markdown of
//! every body, keyed by its text's digest, where it starts and the base
//! path), in one file beside the output (`.public.pbgdpl-bodies` beside
//! `public/`).
//!
//! The file is only ever a shortcut: a missing, truncated, damaged file,
//! one of another format or written by another build of the program is
//! ignored as a whole (everything is made again), so using it can never
//! change what a build writes. What the records mean is the caller's
//! business; this module knows only keys and bytes.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::Error;

/// What the name of a file being written ends with, before a random part.
pub const TEMPORARY: &str = ".new-";

/// What the file starts with; the format's version is part of it.
const MAGIC: &[u8; 16] = b"pbgdpl-stored\x00\x00\x01";

/// Records read from a file written by [`StoredMemo::save`].
#[derive(Debug, Default)]
pub struct StoredMemo {
    /// The whole file, shared with whoever keeps records past the memo
    /// ([`StoredMemo::bytes`]).
    bytes: Arc<Vec<u8>>,
    /// Where each key's record is in `bytes`.
    records: HashMap<u64, (usize, usize)>,
}

/// Who may read a file: the same version of the program, built at the
/// same time (a record made by another build of the code may not be what
/// this one makes).
fn build_id() -> u64 {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok());
    let modified = exe
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    crate::fingerprint::Fingerprint::new()
        .bytes(env!("CARGO_PKG_VERSION"))
        .number(exe.map_or(0, |m| m.len()))
        .number(modified)
        .finish()
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let b = bytes.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes(b.try_into().ok()?))
}

impl StoredMemo {
    /// Nothing stored.
    pub fn new() -> Self {
        Self::default()
    }

    /// Where `pbgdpl build` keeps the records named `what` (`bodies`) for
    /// the output directory `out`: `.<out>.pbgdpl-<what>` beside it.
    pub fn file_for(out: &Path, what: &str) -> PathBuf {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        parent.join(format!(".{name}.pbgdpl-{what}"))
    }

    /// Reads the records of `file`; none when it is missing, damaged or
    /// was written by another version or build of the program.
    pub fn load(file: &Path) -> Self {
        std::fs::read(file)
            .ok()
            .and_then(Self::parse)
            .unwrap_or_default()
    }

    /// The file is: the magic, the build's id, the number of records, the
    /// xxh3 of everything after the header, then each record as its key,
    /// its length and its bytes (numbers little-endian, 8 bytes).
    fn parse(bytes: Vec<u8>) -> Option<Self> {
        const HEADER: usize = 16 + 3 * 8;
        if bytes.get(..16)? != MAGIC || u64_at(&bytes, 16)? != build_id() {
            return None;
        }
        let count = u64_at(&bytes, 24)?;
        let body = bytes.get(HEADER..)?;
        if u64_at(&bytes, 32)? != crate::fingerprint::of_bytes(body) {
            return None;
        }
        let mut records = HashMap::with_capacity(usize::try_from(count).ok()?.min(1 << 20));
        let mut at = HEADER;
        for _ in 0..count {
            let key = u64_at(&bytes, at)?;
            let len = usize::try_from(u64_at(&bytes, at + 8)?).ok()?;
            let start = at + 16;
            let end = start.checked_add(len)?;
            if end > bytes.len() {
                return None;
            }
            records.insert(key, (start, end));
            at = end;
        }
        if at != bytes.len() {
            return None;
        }
        Some(Self {
            bytes: Arc::new(bytes),
            records,
        })
    }

    /// The bytes stored for `key`.
    pub fn get(&self, key: u64) -> Option<&[u8]> {
        self.bytes.get(self.range(key)?)
    }

    /// Where the bytes stored for `key` are in [`StoredMemo::bytes`].
    pub fn range(&self, key: u64) -> Option<std::ops::Range<usize>> {
        self.records.get(&key).map(|&(start, end)| start..end)
    }

    /// Every byte read, shared: records can be read from them after the
    /// memo is dropped.
    pub fn bytes(&self) -> &Arc<Vec<u8>> {
        &self.bytes
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Replaces `file` atomically with `records` (each key with the bytes
    /// `encode` writes for it). `encode` is called once per record, in
    /// order, so records are written without holding them all at once.
    pub fn save<T>(
        file: &Path,
        records: &[(u64, T)],
        mut encode: impl FnMut(&T, &mut Vec<u8>),
    ) -> Result<(), Error> {
        let dir = file.parent().unwrap_or(Path::new("."));
        let failed = |e: std::io::Error| Error::io(file)(e);
        // Named after the file, so that what a killed build leaves is
        // found and removed (`write::recover`).
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!("{name}{TEMPORARY}"))
            .tempfile_in(dir)
            .map_err(Error::io(dir))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, tmp.as_file_mut());
        let mut hash = xxhash_rust::xxh3::Xxh3::new();
        // The header is written again once the body's hash is known.
        out.write_all(&[0; 16 + 3 * 8]).map_err(&failed)?;
        let mut buffer = Vec::new();
        for (key, value) in records {
            buffer.clear();
            buffer.extend_from_slice(&key.to_le_bytes());
            buffer.extend_from_slice(&[0; 8]);
            encode(value, &mut buffer);
            let len = (buffer.len() - 16) as u64;
            buffer[8..16].copy_from_slice(&len.to_le_bytes());
            hash.update(&buffer);
            out.write_all(&buffer).map_err(&failed)?;
        }
        out.flush().map_err(&failed)?;
        drop(out);
        let mut header = Vec::with_capacity(16 + 3 * 8);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&build_id().to_le_bytes());
        header.extend_from_slice(&(records.len() as u64).to_le_bytes());
        header.extend_from_slice(&hash.digest().to_le_bytes());
        use std::io::{Seek, SeekFrom};
        let f = tmp.as_file_mut();
        f.seek(SeekFrom::Start(0)).map_err(&failed)?;
        f.write_all(&header).map_err(&failed)?;
        tmp.persist(file).map_err(|e| failed(e.error))?;
        Ok(())
    }
}

/// Bytes written one after another and read back in the same order: how
/// callers of [`StoredMemo`] encode a record.
#[derive(Debug)]
pub struct Reader<'a> {
    rest: &'a [u8],
    len: usize,
}

impl<'a> Reader<'a> {
    /// Reads `bytes` from the start.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self {
            rest: bytes,
            len: bytes.len(),
        }
    }

    /// The next number.
    pub fn number(&mut self) -> Option<u64> {
        let n = u64_at(self.rest, 0)?;
        self.rest = &self.rest[8..];
        Some(n)
    }

    /// Where the next text is (from the start of the bytes read), without
    /// looking at it: for texts read later, or never.
    pub fn skip_text(&mut self) -> Option<std::ops::Range<usize>> {
        let len = usize::try_from(self.number()?).ok()?;
        let start = self.len - self.rest.len();
        self.rest = self.rest.get(len..)?;
        Some(start..start + len)
    }

    /// The next text.
    pub fn text(&mut self) -> Option<&'a str> {
        let len = usize::try_from(self.number()?).ok()?;
        let text = self.rest.get(..len)?;
        self.rest = &self.rest[len..];
        simdutf8::basic::from_utf8(text).ok()
    }

    /// True when everything was read.
    pub fn is_done(&self) -> bool {
        self.rest.is_empty()
    }
}

/// Appends a number for [`Reader::number`].
pub fn put_number(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// Appends a text for [`Reader::text`].
pub fn put_text(out: &mut Vec<u8>, text: &str) {
    put_number(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn save(file: &Path, records: &[(u64, &str)]) {
        StoredMemo::save(file, records, |t, out| put_text(out, t)).unwrap();
    }

    fn text(memo: &StoredMemo, key: u64) -> Option<String> {
        let mut r = Reader::new(memo.get(key)?);
        let t = r.text()?.to_string();
        r.is_done().then_some(t)
    }

    #[test]
    fn records_round_trip_and_a_damaged_file_is_ignored_whole() {
        let dir = tempfile::tempdir().unwrap();
        let file = StoredMemo::file_for(&dir.path().join("public"), "bodies");
        assert!(file.ends_with(".public.pbgdpl-bodies"));
        assert!(StoredMemo::load(&file).is_empty(), "no file yet");
        save(&file, &[(1, "một"), (7, "<p>hai</p>"), (9, "")]);
        let memo = StoredMemo::load(&file);
        assert_eq!(memo.len(), 3);
        assert_eq!(text(&memo, 7).as_deref(), Some("<p>hai</p>"));
        assert_eq!(text(&memo, 9).as_deref(), Some(""));
        assert_eq!(text(&memo, 2), None);

        let good = std::fs::read(&file).unwrap();
        // One byte changed anywhere, a file cut short, another format.
        for at in [0, 17, 30, good.len() - 3] {
            let mut bad = good.clone();
            bad[at] ^= 0x20;
            std::fs::write(&file, &bad).unwrap();
            assert!(StoredMemo::load(&file).is_empty(), "byte {at}");
        }
        std::fs::write(&file, &good[..good.len() - 1]).unwrap();
        assert!(StoredMemo::load(&file).is_empty(), "cut short");
        std::fs::write(&file, b"pbgdpl output keys\n").unwrap();
        assert!(StoredMemo::load(&file).is_empty(), "another file");
        // Nothing left beside it but the file itself.
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }
}
