//! Source files as read from disk: NFC-normalised text plus a line index, so
//! that any byte offset can be turned into a `line:column` for diagnostics.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::error::Error;

/// A text file of the site (site.toml, a Markdown entry, a data table).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, with `/` separators (as shown in diagnostics).
    pub rel_path: String,
    /// Absolute (or root-joined) path on disk.
    pub path: PathBuf,
    /// The file's text, NFC-normalised, with a leading BOM removed and
    /// `\r\n` (and lone `\r`) line endings turned into `\n`.
    pub text: String,
    /// Where each line starts (byte offsets; `u32`: every entry's table is
    /// held for the whole build, and no text file is 4 GiB).
    line_starts: Vec<u32>,
    digest: u64,
}

/// A position in a source file, 1-based, columns counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

impl SourceFile {
    /// Reads `root/rel_path` and prepares it for parsing.
    pub fn read(root: &Path, rel_path: &str) -> Result<Self, Error> {
        let path = root.join(rel_path);
        let bytes = std::fs::read(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        // Checked with SIMD: the standard library's check walks Vietnamese
        // text (a multi-byte letter every few bytes) a byte at a time, and
        // was 4 % of a no-op rebuild of 10,000 entries.
        if simdutf8::basic::from_utf8(&bytes).is_err() {
            // Where the file stops being UTF-8, for the diagnostic.
            let valid_up_to =
                std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), str::len);
            return Err(not_utf8(rel_path, &bytes, valid_up_to));
        }
        // SAFETY: `bytes` was just checked to be UTF-8.
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        Ok(Self::from_string(rel_path, path, text))
    }

    /// Builds a source file from text already in memory (tests, `serve`).
    pub fn from_text(rel_path: &str, path: PathBuf, text: &str) -> Self {
        Self::from_string(rel_path, path, text.to_string())
    }

    /// [`SourceFile::from_text`], taking the text: a file without a BOM or
    /// carriage returns (nearly all) is not copied.
    fn from_string(rel_path: &str, path: PathBuf, mut text: String) -> Self {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        // Windows line endings, and the lone carriage returns of old Mac
        // files (editors show them as line breaks too).
        if text.contains('\r') {
            text = text.replace("\r\n", "\n").replace('\r', "\n");
        }
        // Most files are already NFC: checking is much cheaper than
        // normalising (which dominated loading a large site).
        let text: String = if crate::text::is_nfc(&text) {
            text
        } else {
            text.nfc().collect()
        };
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| offset_u32(i + 1)));
        // Held for the whole build, by every entry.
        line_starts.shrink_to_fit();
        Self {
            rel_path: rel_path.to_string(),
            path,
            digest: crate::fingerprint::Fingerprint::new().bytes(&text).finish(),
            text,
            line_starts,
        }
    }

    /// The fingerprint of [`SourceFile::text`], computed once when the file
    /// is read: rebuilds compare it instead of hashing every file again.
    pub fn digest(&self) -> u64 {
        self.digest
    }

    /// Masks the text in `ranges` (personal data that must not be shown):
    /// every byte of a visible character becomes `x`, blanks and line
    /// breaks stay, so positions, lines and columns do not move.
    pub fn redact(&mut self, ranges: &[std::ops::Range<usize>]) {
        let mut text = std::mem::take(&mut self.text).into_bytes();
        for range in ranges {
            let end = range.end.min(text.len());
            let Some(part) = text.get(range.start.min(end)..end) else {
                continue;
            };
            let Ok(part) = std::str::from_utf8(part) else {
                continue; // not on character boundaries: never from a match
            };
            let masked: Vec<u8> = part
                .chars()
                .flat_map(|c| {
                    let n = c.len_utf8();
                    let b = if c.is_ascii_whitespace() {
                        c as u8
                    } else {
                        b'x'
                    };
                    std::iter::repeat_n(b, n)
                })
                .collect();
            text[range.start..end].copy_from_slice(&masked);
        }
        // Only ASCII replaced whole characters: still UTF-8.
        self.text = String::from_utf8(text).unwrap_or_default();
    }

    /// The 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line_index = match self.line_starts.binary_search(&offset_u32(offset)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts[line_index] as usize;
        let column = self
            .text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        Position {
            line: line_index + 1,
            column,
        }
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let start = start as usize;
        let end = self
            .line_starts
            .get(line)
            .map(|&e| (e as usize).saturating_sub(1))
            .unwrap_or(self.text.len());
        self.text.get(start..end).unwrap_or("")
    }
}

/// A byte offset as stored in a line table (past 4 GiB, the last offset
/// it can hold: such a text is never read).
fn offset_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// The error for a file that is not UTF-8: which encoding it is in and
/// where its first non-ASCII letter is, when the encoding is recognised.
fn not_utf8(rel_path: &str, bytes: &[u8], valid_up_to: usize) -> Error {
    use crate::encoding::{self, Detected};
    let detected = encoding::detect(bytes);
    let at = match detected {
        Detected::Legacy(_) => encoding::first_non_ascii(bytes),
        Detected::Utf16 { .. } => 2,
        Detected::Utf8 | Detected::Unknown => {
            return Error::NotUtf8 {
                path: rel_path.to_string(),
                offset: valid_up_to,
            };
        }
    };
    let (line, column) = encoding::position(bytes, at, detected);
    let line_text = encoding::decode(bytes, detected)
        .and_then(|t| t.lines().nth(line - 1).map(str::to_string))
        .unwrap_or_default();
    Error::LegacyEncoding {
        path: rel_path.to_string(),
        line,
        column,
        line_text,
        encoding: detected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let f = SourceFile::from_text("a.md", "a.md".into(), "+++\ntiêu = 1\n");
        let off = f.text.find('=').unwrap();
        assert_eq!(f.position(off), Position { line: 2, column: 6 });
        assert_eq!(f.line_text(2), "tiêu = 1");
        assert_eq!(f.line_text(9), "");
    }

    #[test]
    fn redacting_keeps_positions() {
        let mut f = SourceFile::from_text("a.md", "a.md".into(), "gọi 0912\n345 678 nhé\n");
        let start = f.text.find('0').unwrap();
        let end = f.text.find(" nhé").unwrap();
        let ranges = vec![start..end, 0..0];
        f.redact(&ranges);
        assert_eq!(f.text, "gọi xxxx\nxxx xxx nhé\n");
        assert_eq!(f.line_text(2), "xxx xxx nhé");
    }

    #[test]
    fn text_is_nfc_and_crlf_free() {
        // "ệ" written decomposed: e + U+0323 + U+0302
        let f = SourceFile::from_text("a.md", "a.md".into(), "\u{feff}Vie\u{323}\u{302}t\r\nx");
        let mac = SourceFile::from_text("a.md", "a.md".into(), "a\rb\r\nc");
        assert_eq!(mac.text, "a\nb\nc");
        assert_eq!(f.text, "Việt\nx");
    }
}
