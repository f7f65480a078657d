//! Decoding and encoding the legacy single-byte encodings with the tables
//! of [`super::tables`].

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use super::Legacy;
use super::tables::{
    TCVN3, TONES, VNI_BREVE, VNI_CASE_OFFSET, VNI_CIRCUMFLEX, VNI_SINGLE, VNI_TONE,
};

/// What a byte means in Windows-1252, the code page the legacy fonts were
/// drawn over: used for every byte a Vietnamese table leaves alone.
fn cp1252(b: u8) -> char {
    static TABLE: LazyLock<Vec<char>> = LazyLock::new(|| {
        (0u8..=255)
            .map(|b| {
                let one = [b];
                let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&one);
                s.chars().next().unwrap_or(char::from(b))
            })
            .collect()
    });
    TABLE[usize::from(b)]
}

/// The byte Windows-1252 writes for `c`, if any: undoes what a Unicode
/// font made of legacy bytes. Characters of the private-use range
/// U+F020–U+F0FF (where Word keeps symbol-font bytes) give their low byte.
pub fn cp1252_byte(c: char) -> Option<u8> {
    static REVERSE: LazyLock<HashMap<char, u8>> =
        LazyLock::new(|| (0u8..=255).map(|b| (cp1252(b), b)).collect());
    if let Some(&b) = REVERSE.get(&c) {
        return Some(b);
    }
    match u32::from(c) {
        n @ 0xF020..=0xF0FF => u8::try_from(n - 0xF000).ok(),
        n @ 0x80..=0x9F => u8::try_from(n).ok(),
        _ => None,
    }
}

fn compose(base: char, marks: &[char]) -> char {
    let s: String = std::iter::once(base)
        .chain(marks.iter().copied())
        .collect::<String>()
        .nfc()
        .collect();
    s.chars().next().unwrap_or(base)
}

const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';

/// VNI: (lower-case base byte, lower-case mark byte) → lower-case letter.
static VNI_PAIRS: LazyLock<HashMap<(u8, u8), char>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    let ohorn = VNI_SINGLE[0].1;
    let uhorn = VNI_SINGLE[1].1;
    for (base_byte, base) in [
        (b'a', 'a'),
        (b'e', 'e'),
        (b'o', 'o'),
        (b'u', 'u'),
        (b'y', 'y'),
        (ohorn, 'ơ'),
        (uhorn, 'ư'),
    ] {
        for (i, mark) in VNI_TONE.iter().enumerate() {
            m.insert((base_byte, *mark), compose(base, &[TONES[i]]));
        }
        if matches!(base, 'a' | 'e' | 'o') {
            m.insert((base_byte, VNI_CIRCUMFLEX.0), compose(base, &[CIRCUMFLEX]));
            for (i, mark) in VNI_CIRCUMFLEX.1.iter().enumerate() {
                m.insert((base_byte, *mark), compose(base, &[CIRCUMFLEX, TONES[i]]));
            }
        }
        if base == 'a' {
            m.insert((base_byte, VNI_BREVE.0), compose(base, &[BREVE]));
            for (i, mark) in VNI_BREVE.1.iter().enumerate() {
                m.insert((base_byte, *mark), compose(base, &[BREVE, TONES[i]]));
            }
        }
    }
    m
});

static VNI_SINGLES: LazyLock<HashMap<u8, char>> =
    LazyLock::new(|| VNI_SINGLE.iter().map(|&(c, b)| (b, c)).collect());

static TCVN3_DECODE: LazyLock<HashMap<u8, char>> =
    LazyLock::new(|| TCVN3.iter().map(|&(c, b)| (b, c)).collect());

/// Lower-cases a VNI byte (a letter or a mark) in the range where VNI
/// capitals sit 0x20 below their small letters.
fn vni_lower(b: u8) -> (u8, bool) {
    if b.is_ascii_uppercase() {
        (b.to_ascii_lowercase(), true)
    } else if (0xC0..=0xDE).contains(&b) && b != 0xD7 {
        (b + VNI_CASE_OFFSET, true)
    } else {
        (b, false)
    }
}

fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

/// Decodes TCVN3 bytes. With `upper_font` (text set in `.VnTimeH`,
/// `.VnArialH`…, whose glyphs are capitals), letters come out in capitals.
/// Without it, a line (or a column of one, between tabs or bars) whose
/// plain letters are all capitals ("UBND TØNH") was typed in an upper-case
/// font too: it comes out in capitals.
pub fn decode_tcvn3(bytes: &[u8], upper_font: bool) -> String {
    let text: String = bytes
        .iter()
        .map(|&b| {
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                TCVN3_DECODE.get(&b).copied().unwrap_or_else(|| cp1252(b))
            };
            if upper_font { upper(c) } else { c }
        })
        .collect();
    let text: String = if upper_font {
        text
    } else {
        text.split_inclusive(['\n', '\t', '|'])
            .map(|line| {
                let mut ascii = line.chars().filter(char::is_ascii_alphabetic).peekable();
                let capitals = ascii.peek().is_some()
                    && line.chars().filter(char::is_ascii_alphabetic).count() >= 3
                    && ascii.all(|c| c.is_ascii_uppercase());
                if capitals {
                    line.to_uppercase()
                } else {
                    line.to_string()
                }
            })
            .collect()
    };
    text.nfc().collect()
}

fn decode_vni(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (lb, base_upper) = vni_lower(b);
        if let Some(&next) = bytes.get(i + 1) {
            let (lm, _) = vni_lower(next);
            if !next.is_ascii()
                && let Some(&c) = VNI_PAIRS.get(&(lb, lm))
            {
                out.push(if base_upper { upper(c) } else { c });
                i += 2;
                continue;
            }
        }
        if b.is_ascii() {
            out.push(char::from(b));
        } else if let Some(&c) = VNI_SINGLES.get(&lb) {
            out.push(if base_upper { upper(c) } else { c });
        } else {
            out.push(cp1252(b));
        }
        i += 1;
    }
    out.nfc().collect()
}

/// Decodes bytes of a legacy encoding into NFC text.
pub fn decode_legacy(bytes: &[u8], encoding: Legacy) -> String {
    match encoding {
        Legacy::Tcvn3 => decode_tcvn3(bytes, false),
        Legacy::Vni => decode_vni(bytes),
        Legacy::Windows1258 => {
            let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
            text.nfc().collect()
        }
    }
}

/// Encodes `text` in a legacy encoding: the inverse of [`decode_legacy`],
/// for tests and tools that make legacy files. Capitals with a tone have
/// no TCVN3 code: they are written with the small letter's code, as in an
/// upper-case font (decode them with [`decode_tcvn3`]`(…, true)`).
/// Fails with the first character the encoding cannot write.
pub fn encode_legacy(text: &str, encoding: Legacy) -> Result<Vec<u8>, char> {
    static TCVN3_ENCODE: LazyLock<HashMap<char, u8>> =
        LazyLock::new(|| TCVN3.iter().copied().collect());
    static VNI_ENCODE: LazyLock<HashMap<char, Vec<u8>>> = LazyLock::new(|| {
        let mut m: HashMap<char, Vec<u8>> = HashMap::new();
        for (&(base, mark), &c) in VNI_PAIRS.iter() {
            m.insert(c, vec![base, mark]);
            m.insert(upper(c), vec![vni_upper(base), vni_upper(mark)]);
        }
        for &(c, b) in VNI_SINGLE {
            m.insert(c, vec![b]);
            m.insert(upper(c), vec![vni_upper(b)]);
        }
        m
    });
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        match encoding {
            Legacy::Tcvn3 => {
                let b = TCVN3_ENCODE
                    .get(&c)
                    .or_else(|| c.to_lowercase().next().and_then(|l| TCVN3_ENCODE.get(&l)))
                    .copied()
                    .or_else(|| cp1252_byte(c).filter(|b| !TCVN3_DECODE.contains_key(b)))
                    .ok_or(c)?;
                out.push(b);
            }
            Legacy::Vni => match VNI_ENCODE.get(&c) {
                Some(bytes) => out.extend_from_slice(bytes),
                None => out.push(cp1252_byte(c).ok_or(c)?),
            },
            Legacy::Windows1258 => {
                let mut one = [0u8; 4];
                let (bytes, _, unmappable) =
                    encoding_rs::WINDOWS_1258.encode(c.encode_utf8(&mut one));
                if !unmappable {
                    out.extend_from_slice(&bytes);
                    continue;
                }
                // A toned letter: its toneless letter, then the tone mark.
                let decomposed: Vec<char> = std::iter::once(c).nfd().collect();
                let (tones, rest): (Vec<char>, Vec<char>) =
                    decomposed.into_iter().partition(|d| TONES.contains(d));
                let base: String = rest.into_iter().collect::<String>().nfc().collect();
                for part in base.chars().chain(tones) {
                    let (bytes, _, unmappable) =
                        encoding_rs::WINDOWS_1258.encode(part.encode_utf8(&mut one));
                    if unmappable {
                        return Err(c);
                    }
                    out.extend_from_slice(&bytes);
                }
            }
        }
    }
    Ok(out)
}

fn vni_upper(b: u8) -> u8 {
    if b.is_ascii_lowercase() {
        b.to_ascii_uppercase()
    } else if b >= 0xE0 && b != 0xF7 {
        b - VNI_CASE_OFFSET
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::super::syllable::accented_letters;
    use super::*;

    #[test]
    fn every_letter_with_every_tone_round_trips_in_vni_and_windows_1258() {
        for enc in [Legacy::Vni, Legacy::Windows1258] {
            for c in accented_letters() {
                let s = c.to_string();
                let bytes = encode_legacy(&s, enc).unwrap_or_else(|e| panic!("{enc:?}: {e}"));
                assert_eq!(decode_legacy(&bytes, enc), s, "{enc:?} {c} {bytes:02X?}");
            }
        }
    }

    #[test]
    fn every_letter_with_every_tone_round_trips_in_tcvn3() {
        for c in accented_letters() {
            let s = c.to_string();
            let bytes = encode_legacy(&s, Legacy::Tcvn3).unwrap();
            assert_eq!(bytes.len(), 1, "{c}");
            let upper_font = c.is_uppercase() && decode_tcvn3(&bytes, false) != s;
            assert_eq!(decode_tcvn3(&bytes, upper_font), s, "{c} {bytes:02X?}");
        }
    }

    #[test]
    fn known_texts() {
        let t = "Phổ biến pháp luật về đất đai";
        assert_eq!(
            encode_legacy(t, Legacy::Tcvn3).unwrap(),
            b"Ph\xe6 bi\xd5n ph\xb8p lu\xcbt v\xd2 \xae\xcat \xaeai"
        );
        assert_eq!(
            encode_legacy("Phổ biến", Legacy::Vni).unwrap(),
            b"Pho\xe5 bie\xe1n"
        );
        assert_eq!(
            decode_legacy(
                b"CO\xc4NG HO\xd8A XA\xd5 HO\xc4I CHU\xdb NGH\xd3A VIE\xc4T NAM",
                Legacy::Vni
            ),
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        );
        assert_eq!(
            decode_tcvn3(b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c", false),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(decode_tcvn3(b"quy\xd5t \xae\xdenh", true), "QUYẾT ĐỊNH");
        assert_eq!(decode_legacy(b"Vi\xea\xf2t", Legacy::Windows1258), "Việt");
    }
}
