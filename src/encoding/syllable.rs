//! Whether a word is a well-formed Vietnamese syllable: the test that tells
//! real Vietnamese from text decoded with the wrong table ("Phæ", "bieán").

use unicode_normalization::UnicodeNormalization;

use super::tables::TONES;

/// Initial consonants, longest first.
const INITIALS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", "",
];

/// Final consonants.
const FINALS: &[&str] = &["ch", "ng", "nh", "c", "m", "n", "p", "t", ""];

/// Vowel nuclei, written without tone, that may stand with or without a
/// final consonant.
const NUCLEI_EITHER: &[&str] = &[
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy", "oo",
];

/// Nuclei that need a final consonant (ăn, ân, tiên, muôn, người…).
const NUCLEI_CLOSED: &[&str] = &["ă", "â", "oă", "uâ", "iê", "yê", "uô", "ươ", "uyê"];

/// Nuclei ending in a glide or an open diphthong: never a final consonant.
const NUCLEI_OPEN: &[&str] = &[
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
    "ưi", "ưu", "uơ", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya",
    "uyu", "uêu",
];

fn nucleus_fits(nucleus: &str, final_consonant: &str) -> bool {
    NUCLEI_EITHER.contains(&nucleus)
        || if final_consonant.is_empty() {
            NUCLEI_OPEN.contains(&nucleus)
        } else {
            NUCLEI_CLOSED.contains(&nucleus)
        }
}

/// Whether `c` is a tone mark (combining acute, grave, hook, tilde, dot below).
pub fn is_tone_mark(c: char) -> bool {
    TONES.contains(&c)
}

/// Splits a lower-case letter into its toneless letter and whether it
/// carried a tone; `None` when `c` is not a letter of the Vietnamese
/// alphabet (a–z with ă â ê ô ơ ư đ and the toned vowels).
pub fn untone(c: char) -> Option<(char, bool)> {
    if c.is_ascii_lowercase() {
        return Some((c, false));
    }
    if matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư' | 'đ') {
        return Some((c, false));
    }
    let mut toned = false;
    let mut rest = String::new();
    for d in std::iter::once(c).nfd() {
        if is_tone_mark(d) {
            if toned {
                return None;
            }
            toned = true;
        } else {
            rest.push(d);
        }
    }
    if !toned {
        return None;
    }
    let mut base = rest.nfc();
    let b = base.next()?;
    if base.next().is_some() || !"aăâeêioôơuưy".contains(b) {
        return None;
    }
    Some((b, true))
}

/// Whether `word` is one Vietnamese syllable in a plausible case (all
/// lower case, capitalised, or all capitals): letters of the Vietnamese
/// alphabet only, at most one tone, an initial consonant, a vowel nucleus
/// and a final consonant that Vietnamese has.
pub fn is_syllable(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest_upper = chars.clone().all(|c| !c.is_lowercase());
    let rest_lower = chars.all(|c| !c.is_uppercase());
    if !(rest_lower || (first.is_uppercase() && rest_upper)) {
        return false;
    }
    let mut base = String::with_capacity(word.len());
    let mut tones = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let Some((b, toned)) = untone(c) else {
            return false;
        };
        tones += usize::from(toned);
        base.push(b);
    }
    if tones > 1 {
        return false;
    }
    INITIALS.iter().any(|i| {
        base.strip_prefix(i).is_some_and(|after| {
            FINALS
                .iter()
                .any(|f| after.strip_suffix(f).is_some_and(|n| nucleus_fits(n, f)))
        })
    })
}

/// Every letter of the Vietnamese alphabet that is not plain ASCII, lower
/// case then upper case: the twelve vowels with each of the six tones
/// (none and five marks), and đ.
pub fn accented_letters() -> Vec<char> {
    let bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
    let mut lower = Vec::new();
    for b in bases {
        if !b.is_ascii() {
            lower.push(b);
        }
        for t in TONES {
            let s: String = [b, t].iter().collect::<String>().nfc().collect();
            lower.extend(s.chars().next());
        }
    }
    lower.push('đ');
    let upper: Vec<char> = lower
        .iter()
        .filter_map(|c| c.to_uppercase().next())
        .collect();
    lower.into_iter().chain(upper).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_words_are_syllables() {
        for w in [
            "Phổ", "biến", "pháp", "luật", "về", "đất", "đai", "nghiêng", "Quyết", "ĐỊNH", "giữa",
            "gì", "khuya", "người", "rượu", "khuyên", "quốc", "ngoẹo", "Ủy", "hòa", "hoà", "xã",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn garbled_words_are_not() {
        for w in [
            "Phæ", "biÕn", "ph¸p", "luËt", "vÒ", "®Êt", "hãa", "Phoå", "bieán", "luaät", "ñaát",
            "hÖ", "QUYÕT", "aB", "", "Internet", "ắá",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn the_alphabet_has_every_toned_letter() {
        let letters = accented_letters();
        // 12 vowels × 6 tones − the 6 plain ASCII vowels, + đ; both cases.
        assert_eq!(letters.len(), 2 * (12 * 6 - 6 + 1));
        assert!(letters.contains(&'ỵ') && letters.contains(&'Ỵ') && letters.contains(&'Đ'));
    }
}
