//! `pbgdpl convert`: rewriting a legacy or garbled file as UTF-8 NFC, the
//! original kept beside it.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::{Detected, Legacy, decode, detect, garbled, repair};
use crate::error::Error;
use crate::msg;

/// The largest text file `convert` reads (a text, not a database dump).
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// What [`convert_file`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConvertOutcome {
    /// The file was rewritten; the original is at `backup`.
    Converted {
        /// What the file was in.
        from: Detected,
        /// Whether it was valid UTF-8 holding garbled legacy text (rather
        /// than legacy bytes).
        garbled: bool,
        /// Where the original bytes are kept.
        backup: PathBuf,
    },
    /// The file is already UTF-8 with no garbled text: left untouched.
    Unchanged,
}

/// Where the original of `path` is kept: `<name>~`, or `<name>.2~`,
/// `<name>.3~`… when that exists. Names ending in `~` are ignored by
/// `build`, so a backup inside `content/` is never published.
pub fn backup_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            path.with_file_name(format!("{name}~"))
        } else {
            path.with_file_name(format!("{name}.{n}~"))
        };
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}

fn usage(message: crate::i18n::Message) -> Error {
    Error::Usage(message)
}

/// Rewrites `path` as UTF-8 NFC. `from` forces the legacy encoding; with
/// `None` it is recognised ([`detect`], then [`garbled`] for UTF-8 files).
/// The original bytes are first copied to [`backup_path`]; the new text
/// then replaces the file atomically.
pub fn convert_file(path: &Path, from: Option<Legacy>) -> Result<ConvertOutcome, Error> {
    let meta = std::fs::metadata(path).map_err(Error::io(path))?;
    if !meta.is_file() {
        return Err(usage(msg!("convert-not-a-file", path = path)));
    }
    if meta.len() > MAX_TEXT_BYTES {
        return Err(usage(msg!(
            "convert-too-large",
            path = path,
            size = crate::text::human_size(meta.len()),
            limit = crate::text::human_size(MAX_TEXT_BYTES)
        )));
    }
    let bytes = std::fs::read(path).map_err(Error::io(path))?;
    let detected = detect(&bytes);
    let (text, from, was_garbled) = match (detected, from) {
        (Detected::Utf8, forced) => {
            let text = decode(&bytes, Detected::Utf8).unwrap_or_default();
            let encoding = match forced {
                Some(Legacy::Windows1258) => {
                    return Err(usage(msg!("convert-utf8-cp1258", path = path)));
                }
                Some(l) => l,
                None => match garbled(&text) {
                    Some(g) => g.encoding,
                    None => return Ok(ConvertOutcome::Unchanged),
                },
            };
            let fixed = repair(&text, encoding);
            if fixed == text {
                return Ok(ConvertOutcome::Unchanged);
            }
            (fixed, Detected::Legacy(encoding), true)
        }
        (Detected::Utf16 { .. }, _) => match decode(&bytes, detected) {
            Some(t) => (t, detected, false),
            None => {
                return Err(usage(msg!("convert-bad-utf16", path = path)));
            }
        },
        (_, Some(l)) => (super::decode_legacy(&bytes, l), Detected::Legacy(l), false),
        (Detected::Legacy(l), None) => (super::decode_legacy(&bytes, l), detected, false),
        (Detected::Unknown, None) => {
            return Err(usage(msg!("convert-unknown-encoding", path = path)));
        }
    };
    let text: String = text.nfc().collect();
    let backup = backup_path(path);
    let mut b = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&backup)
        .map_err(Error::io(&backup))?;
    b.write_all(&bytes).map_err(Error::io(&backup))?;
    b.sync_all().map_err(Error::io(&backup))?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir.unwrap_or(Path::new("."))).map_err(Error::io(path))?;
    tmp.write_all(text.as_bytes()).map_err(Error::io(path))?;
    tmp.persist(path).map_err(|e| Error::io(path)(e.error))?;
    Ok(ConvertOutcome::Converted {
        from,
        garbled: was_garbled,
        backup,
    })
}
