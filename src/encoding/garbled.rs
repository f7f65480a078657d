//! Legacy text that arrived as valid but garbled UTF-8: typed in a
//! `.VnTime` or VNI font, then copied through a Unicode font, so that each
//! byte became the Windows-1252 character drawn at its place ("Phæ biÕn
//! ph¸p luËt" for "Phổ biến pháp luật", "Phoå bieán" in VNI).

use super::Legacy;
use super::legacy::{cp1252_byte, decode_legacy};
use super::syllable::is_syllable;

/// Where garbled legacy text was found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Garbled {
    /// The encoding the text was typed in.
    pub encoding: Legacy,
    /// 1-based line of the first garbled word.
    pub line: usize,
    /// 1-based character column of that word.
    pub column: usize,
    /// Byte offset of that word in the text.
    pub offset: usize,
    /// The first garbled word, as it is.
    pub word: String,
    /// What it should read.
    pub fixed: String,
    /// How many lines hold garbled words.
    pub lines: usize,
}

/// The fewest garbled words that make a text "garbled": one odd word may be
/// a symbol used on purpose.
const MIN_WORDS: usize = 2;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{A1}'..='\u{FF}').contains(&c)
}

/// Whether a line may hold garbled text at all: it has a Latin-1 character
/// that is no Vietnamese letter (æ Õ ¸ Ë ® …). Keeps the scan cheap on
/// ordinary Vietnamese text.
///
/// In UTF-8, U+00A1–U+00BF are the bytes C2 A1–BF (symbols, all odd) and
/// U+00C0–U+00FF are C3 80–BF; no other character starts with C2 or C3.
/// Each byte is looked at with the next, without a branch, so the compiler
/// makes SIMD of it: this runs over every source on every build, and
/// decoding every character instead was 3 % of a no-op rebuild.
fn suspicious(text: &str) -> bool {
    fn odd(x: u8, y: u8) -> u8 {
        // The Vietnamese letters of U+00C0–U+00FF, capital and small (the
        // small one's second byte is the capital's + 0x20): À Á Â Ã È É Ê
        // Ì Í Ò Ó Ô Õ Ù Ú Ý.
        let c = y & !0x20;
        let letter = (c == 0x80)
            | (c == 0x81)
            | (c == 0x82)
            | (c == 0x83)
            | (c == 0x88)
            | (c == 0x89)
            | (c == 0x8A)
            | (c == 0x8C)
            | (c == 0x8D)
            | (c == 0x92)
            | (c == 0x93)
            | (c == 0x94)
            | (c == 0x95)
            | (c == 0x99)
            | (c == 0x9A)
            | (c == 0x9D);
        u8::from(((x == 0xC2) & (y >= 0xA1)) | ((x == 0xC3) & !letter))
    }
    let b = text.as_bytes();
    // In blocks, so that a text with an odd character stops early; each
    // block's last byte is paired with the next block's first.
    const BLOCK: usize = 4096;
    let mut start = 0;
    while start + 1 < b.len() {
        let end = (start + BLOCK).min(b.len() - 1);
        let found = b[start..end]
            .iter()
            .zip(&b[start + 1..end + 1])
            .fold(0, |found, (&x, &y)| found | odd(x, y));
        if found != 0 {
            return true;
        }
        start = end;
    }
    false
}

/// `word` read back through `encoding`, when that gives real Vietnamese.
/// Words typed in an upper-case font (all their plain letters capitals)
/// come back in capitals.
pub fn repair_word(word: &str, encoding: Legacy) -> Option<String> {
    let bytes: Vec<u8> = word.chars().map(cp1252_byte).collect::<Option<_>>()?;
    let mut fixed = decode_legacy(&bytes, encoding);
    let ascii_letters: Vec<char> = word.chars().filter(char::is_ascii_alphabetic).collect();
    if !ascii_letters.is_empty() && ascii_letters.iter().all(char::is_ascii_uppercase) {
        fixed = fixed.to_uppercase();
    }
    (fixed != word && is_syllable(&fixed)).then_some(fixed)
}

/// Splits a line into its words, with their byte offsets.
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        match (is_word_char(c) && i < line.len(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// A garbled word of a line: not Vietnamese as it is, Vietnamese once read
/// back through a legacy table.
fn garbled_word(word: &str) -> Option<(Legacy, String)> {
    // A garbled word mixes plain letters with the symbols its toned
    // letters became; a symbol alone ("©", "½") is meant.
    if word.is_ascii()
        || !word.chars().any(|c| c.is_ascii_alphabetic())
        || word.chars().any(|c| c.is_ascii_digit())
        || is_syllable(word)
    {
        return None;
    }
    [Legacy::Tcvn3, Legacy::Vni]
        .into_iter()
        .find_map(|l| repair_word(word, l).map(|f| (l, f)))
}

/// Finds garbled TCVN3 or VNI text in `text`: at least two words that are
/// no Vietnamese as written but are once read back through the legacy
/// table. Names the first one and counts the lines affected.
pub fn garbled(text: &str) -> Option<Garbled> {
    let mut first: Option<Garbled> = None;
    let mut counts = [0usize; 2];
    let mut lines = 0;
    let mut offset = 0;
    // Nearly every text has no odd character at all.
    if !suspicious(text) {
        return None;
    }
    for (n, line) in text.split('\n').enumerate() {
        if suspicious(line) {
            let mut hit = false;
            for (at, word) in words(line) {
                let Some((enc, fixed)) = garbled_word(word) else {
                    continue;
                };
                counts[usize::from(enc == Legacy::Vni)] += 1;
                hit = true;
                if first.is_none() {
                    first = Some(Garbled {
                        encoding: enc,
                        line: n + 1,
                        column: line[..at].chars().count() + 1,
                        offset: offset + at,
                        word: word.to_string(),
                        fixed,
                        lines: 0,
                    });
                }
            }
            lines += usize::from(hit);
        }
        offset += line.len() + 1;
    }
    let mut g = first?;
    if counts[0] + counts[1] < MIN_WORDS {
        return None;
    }
    g.encoding = if counts[1] > counts[0] {
        Legacy::Vni
    } else {
        Legacy::Tcvn3
    };
    g.lines = lines;
    Some(g)
}

/// Turns garbled `encoding` text back into Vietnamese: every word that is
/// no Vietnamese as written and is once read back; everything else (real
/// Unicode Vietnamese, English, numbers, markup) is kept as it is.
pub fn repair(text: &str, encoding: Legacy) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        // Only lines with a garbled word are touched: there, even a word
        // with no plain letter ("ë" for "ở") is garbled text.
        if !suspicious(line) || !words(line).any(|(_, w)| garbled_word(w).is_some()) {
            out.push_str(line);
            continue;
        }
        let mut last = 0;
        for (at, word) in words(line) {
            if word.is_ascii() || word.chars().any(|c| c.is_ascii_digit()) || is_syllable(word) {
                continue;
            }
            if let Some(fixed) = repair_word(word, encoding) {
                out.push_str(&line[last..at]);
                out.push_str(&fixed);
                last = at + word.len();
            }
        }
        out.push_str(&line[last..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encoding::syllable::untone;

    #[test]
    fn tcvn3_through_a_unicode_font_is_found_and_repaired() {
        let text = "+++\ntitle = \"Phæ biÕn ph¸p luËt vÒ ®Êt ®ai\"\n+++\n";
        let g = garbled(text).unwrap();
        assert_eq!(g.encoding, Legacy::Tcvn3);
        assert_eq!((g.line, g.column), (2, 10));
        assert_eq!((g.word.as_str(), g.fixed.as_str()), ("Phæ", "Phổ"));
        assert_eq!(g.lines, 1);
        assert_eq!(
            repair(text, Legacy::Tcvn3),
            "+++\ntitle = \"Phổ biến pháp luật về đất đai\"\n+++\n"
        );
    }

    #[test]
    fn vni_and_capitals_are_repaired() {
        let text = "Phoå bieán phaùp luaät veà ñaát ñai\nQUYÕT ®ÞNH";
        assert_eq!(garbled(text).unwrap().encoding, Legacy::Vni);
        assert_eq!(
            repair(text, Legacy::Vni).lines().next(),
            Some("Phổ biến pháp luật về đất đai")
        );
        assert_eq!(repair("QUYÕT ®ÞNH", Legacy::Tcvn3), "QUYẾT ĐỊNH");
    }

    #[test]
    fn odd_characters_are_found_by_their_bytes() {
        // The bytes' view against the characters' for every character up to
        // U+0400, alone and between Vietnamese words.
        let by_chars = |text: &str| {
            text.chars().any(|c| {
                let n = u32::from(c);
                (0xA1..=0xFF).contains(&n) && {
                    let l = c.to_lowercase().next();
                    !c.is_alphabetic() || l.is_none_or(|l| untone(l).is_none())
                }
            })
        };
        for c in (0..0x400).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("Phổ biến {c} pháp luật")] {
                assert_eq!(suspicious(&text), by_chars(&text), "U+{:04X}", u32::from(c));
            }
        }
        assert!(!suspicious(
            "Phổ biến pháp luật về đất đai, hòa giải ở cơ sở."
        ));
        assert!(suspicious("Phæ biÕn"));
        // Across the blocks the scan goes by.
        for at in 4090..4100 {
            let text = format!("{}æ{}", "a".repeat(at), "ạ".repeat(10));
            assert!(suspicious(&text), "æ at byte {at}");
            assert!(!suspicious(&text.replace('æ', "á")), "á at byte {at}");
        }
    }

    #[test]
    fn real_vietnamese_and_symbols_are_left_alone() {
        for text in [
            "Phổ biến pháp luật về đất đai, hòa giải ở cơ sở.",
            "Nhiệt độ 25°C; © 2026 Sở Tư pháp; «Luật» ½ §3",
            "Café, naïve, résumé",
        ] {
            assert_eq!(garbled(text), None, "{text}");
            assert_eq!(repair(text, Legacy::Tcvn3), text);
        }
    }
}
