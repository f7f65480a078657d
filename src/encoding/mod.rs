//! Legacy Vietnamese encodings: recognising them and converting to UTF-8.
//!
//! Agencies still hold texts typed before Unicode: TCVN3 (ABC, fonts
//! `.VnTime`), VNI-Windows (`VNI-Times`), Windows-1258, and "Unicode"
//! files from old Notepad (UTF-16 with a byte-order mark). Two things go
//! wrong with them:
//!
//! - the bytes are not UTF-8: [`detect`] names the encoding and [`decode`]
//!   turns the bytes into NFC text;
//! - the text went through a Unicode font and arrived as valid but garbled
//!   UTF-8 ("Phæ biÕn ph¸p luËt" for "Phổ biến pháp luật"): [`garbled`]
//!   finds it, [`repair`] turns it back.
//!
//! Both entry points take plain bytes or text, so they can be fuzzed.

mod convert;
mod garbled;
mod legacy;
pub mod syllable;
pub mod tables;

pub use convert::{ConvertOutcome, backup_path, convert_file};
pub use garbled::{Garbled, garbled, repair, repair_word};
pub use legacy::{cp1252_byte, decode_legacy, decode_tcvn3, encode_legacy};

use unicode_normalization::UnicodeNormalization;

use crate::i18n::Message;
use crate::msg;

/// The message of a file in a legacy encoding or UTF-16, with its place
/// (`Error::LegacyEncoding`'s text).
pub fn legacy_encoding_message(
    path: &str,
    line: usize,
    column: usize,
    detected: Detected,
) -> Message {
    msg!(
        "legacy-encoding-at",
        path = path,
        line = line.to_string(),
        column = column.to_string(),
        encoding = detected.name()
    )
    .with_help(msg!("legacy-encoding-help", path = path))
}

/// A legacy single-byte Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, "TCVN3" or "ABC" (fonts `.VnTime`, `.VnArial`).
    Tcvn3,
    /// VNI-Windows (fonts `VNI-Times`, `VNI-Helve`…).
    Vni,
    /// Windows-1258 (Vietnamese code page: base letters and combining tones).
    Windows1258,
}

impl Legacy {
    /// Every legacy encoding, in the order [`detect`] prefers on a tie.
    pub const ALL: [Legacy; 3] = [Legacy::Tcvn3, Legacy::Vni, Legacy::Windows1258];

    /// The value of `pbgdpl convert --from` for this encoding.
    pub fn flag(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "tcvn3",
            Legacy::Vni => "vni",
            Legacy::Windows1258 => "cp1258",
        }
    }

    /// Parses a `--from` value (`tcvn3`, `abc`, `vni`, `cp1258`, `windows-1258`).
    pub fn parse(flag: &str) -> Option<Self> {
        match flag.to_ascii_lowercase().replace(['_', ' '], "-").as_str() {
            "tcvn3" | "tcvn" | "abc" | "vntime" => Some(Legacy::Tcvn3),
            "vni" | "vni-windows" => Some(Legacy::Vni),
            "cp1258" | "windows-1258" | "1258" => Some(Legacy::Windows1258),
            _ => None,
        }
    }

    /// The encoding's name as officers know it (with its fonts).
    pub fn name(self) -> Message {
        match self {
            Legacy::Tcvn3 => msg!("encoding-tcvn3"),
            Legacy::Vni => msg!("encoding-vni"),
            Legacy::Windows1258 => msg!("encoding-cp1258"),
        }
    }

    /// A font typical of the encoding, as officers know them.
    pub fn font(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => ".VnTime",
            Legacy::Vni => "VNI-Times",
            Legacy::Windows1258 => "Windows-1258",
        }
    }
}

/// What a file's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    /// UTF-8 (with or without a byte-order mark).
    Utf8,
    /// UTF-16 with a byte-order mark ("Unicode" in old Notepad).
    Utf16 {
        /// Big-endian (`FE FF`) rather than little-endian (`FF FE`).
        big_endian: bool,
    },
    /// A legacy Vietnamese encoding.
    Legacy(Legacy),
    /// Not text in any encoding recognised here.
    Unknown,
}

impl Detected {
    /// The encoding's name for messages.
    pub fn name(self) -> Message {
        match self {
            Detected::Utf8 => msg!("encoding-utf8"),
            Detected::Utf16 { .. } => msg!("encoding-utf16"),
            Detected::Legacy(l) => l.name(),
            Detected::Unknown => msg!("encoding-unknown"),
        }
    }
}

/// Recognises the encoding of `bytes`: UTF-8 when they are valid UTF-8;
/// UTF-16 when they start with its byte-order mark; otherwise the legacy
/// encoding under which the text reads as the most real Vietnamese words.
pub fn detect(bytes: &[u8]) -> Detected {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Detected::Utf16 { big_endian: false };
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Detected::Utf16 { big_endian: true };
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Detected::Utf8;
    }
    let mut best: Option<(Legacy, i64)> = None;
    for l in Legacy::ALL {
        let score = vietnamese_score(&decode_legacy(bytes, l));
        if score > 0 && best.is_none_or(|(_, s)| score > s) {
            best = Some((l, score));
        }
    }
    best.map_or(Detected::Unknown, |(l, _)| Detected::Legacy(l))
}

/// How much `text` reads as Vietnamese: among its words that have a
/// non-ASCII letter, the well-formed syllables minus the others.
pub fn vietnamese_score(text: &str) -> i64 {
    let mut score = 0i64;
    for word in text.split(|c: char| !(c.is_alphanumeric() || syllable::is_tone_mark(c))) {
        if word.is_ascii() || word.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        score += if syllable::is_syllable(word) { 1 } else { -1 };
    }
    score
}

/// Decodes `bytes` in the encoding `detected` into NFC text without a
/// byte-order mark. `None` for [`Detected::Unknown`], or UTF-8/UTF-16
/// bytes that are not valid in that encoding.
pub fn decode(bytes: &[u8], detected: Detected) -> Option<String> {
    let text = match detected {
        Detected::Utf8 => {
            let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
            std::str::from_utf8(b).ok()?.to_string()
        }
        Detected::Utf16 { big_endian } => {
            let enc = if big_endian {
                encoding_rs::UTF_16BE
            } else {
                encoding_rs::UTF_16LE
            };
            let (text, _, had_errors) = enc.decode(bytes);
            if had_errors {
                return None;
            }
            text.into_owned()
        }
        Detected::Legacy(l) => return Some(decode_legacy(bytes, l)),
        Detected::Unknown => return None,
    };
    Some(text.nfc().collect())
}

/// The 1-based line and character column of byte `offset` of a legacy or
/// UTF-16 file, once decoded as `detected` (for `file:line:col`).
pub fn position(bytes: &[u8], offset: usize, detected: Detected) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    match detected {
        Detected::Utf16 { big_endian } => {
            let units: Vec<u16> = bytes[2.min(bytes.len())..]
                .chunks_exact(2)
                .map(|c| {
                    if big_endian {
                        u16::from_be_bytes([c[0], c[1]])
                    } else {
                        u16::from_le_bytes([c[0], c[1]])
                    }
                })
                .take(offset.saturating_sub(2) / 2)
                .collect();
            let text = String::from_utf16_lossy(&units);
            line_col(&text)
        }
        // The column of the letter the byte belongs to (a VNI mark byte
        // belongs to the letter before it).
        Detected::Legacy(l) if offset < bytes.len() => {
            let (line, col) = line_col(&decode_legacy(&bytes[..=offset], l));
            (line, col.saturating_sub(1).max(1))
        }
        Detected::Legacy(l) => line_col(&decode_legacy(bytes, l)),
        Detected::Utf8 | Detected::Unknown => line_col(&String::from_utf8_lossy(&bytes[..offset])),
    }
}

fn line_col(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let last = before.rsplit('\n').next().unwrap_or("");
    (line, last.chars().count() + 1)
}

/// The first byte of `bytes` that is not plain ASCII text: where a legacy
/// encoding first shows.
pub fn first_non_ascii(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Kế hoạch phổ biến, giáo dục pháp luật năm 2026\n\
        Thực hiện Quyết định số 471/QĐ-TTg, Ủy ban nhân dân xã ban hành kế hoạch \
        tuyên truyền về đất đai, hòa giải ở cơ sở như sau:\n";

    #[test]
    fn every_legacy_encoding_is_recognised_and_decoded() {
        for l in Legacy::ALL {
            let bytes = encode_legacy(TEXT, l).unwrap();
            assert_eq!(detect(&bytes), Detected::Legacy(l), "{l:?}");
            let decoded = decode(&bytes, detect(&bytes)).unwrap();
            // TCVN3 has no toned capitals: "Ủy" comes back as "ủy".
            if l == Legacy::Tcvn3 {
                assert_eq!(decoded, TEXT.replace("Ủy", "ủy"));
            } else {
                assert_eq!(decoded, TEXT);
            }
        }
    }

    #[test]
    fn utf16_with_a_bom_and_utf8() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(TEXT.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(detect(&le), Detected::Utf16 { big_endian: false });
        assert_eq!(decode(&le, detect(&le)).unwrap(), TEXT);
        let mut be = vec![0xFE, 0xFF];
        be.extend(TEXT.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, detect(&be)).unwrap(), TEXT);
        assert_eq!(detect(TEXT.as_bytes()), Detected::Utf8);
        assert_eq!(detect(&[0x00, 0x9F, 0x81]), Detected::Unknown);
    }

    #[test]
    fn positions_count_decoded_characters() {
        let bytes = encode_legacy("dòng một\nxin chào ạ", Legacy::Vni).unwrap();
        let at = first_non_ascii(&bytes);
        assert_eq!(position(&bytes, at, Detected::Legacy(Legacy::Vni)), (1, 2));
        let second = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
        let at = second + first_non_ascii(&bytes[second..]);
        assert_eq!(position(&bytes, at, Detected::Legacy(Legacy::Vni)), (2, 7));
    }
}
