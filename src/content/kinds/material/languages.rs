//! The languages of materials: the name an officer writes in `language`
//! (`"Tiếng Thái"`) and the BCP 47 tag (RFC 5646, IANA language subtag
//! registry) that pages, captions and feeds carry, so that screen readers
//! read the material in its language and the province can list materials
//! by language. Names match ignoring case, diacritics and hyphens; a name
//! not in the table needs an explicit `lang` key. The table is documented
//! in docs/content.md.

use crate::text::fold;

/// Language names (first: the name shown) and their BCP 47 tag. Where a
/// name covers several languages (Thái, Mông, Dao), the collective code of
/// ISO 639-5 is used; a section that knows the variety writes it
/// (`"Tiếng Thái Đen"`) or sets `lang`.
pub const LANGUAGES: &[(&[&str], &str)] = &[
    (&["Tiếng Việt", "Việt"], "vi"),
    (&["Tiếng Thái", "Thái"], "tai"),
    (&["Tiếng Thái Đen", "Thái Đen"], "blt"),
    (&["Tiếng Thái Trắng", "Thái Trắng"], "twh"),
    (
        &[
            "Tiếng Mông",
            "Tiếng H'Mông",
            "Tiếng Hmông",
            "Mông",
            "H'Mông",
        ],
        "hmn",
    ),
    (&["Tiếng Mông Lềnh", "Tiếng Mông Xanh"], "hnj"),
    (&["Tiếng Mông Trắng", "Tiếng Mông Đơ"], "mww"),
    (
        &["Tiếng Khmer", "Tiếng Khơ-me", "Tiếng Khơ Me", "Khmer"],
        "km",
    ),
    (&["Tiếng Ê Đê", "Tiếng Êđê", "Tiếng Ê-đê", "Ê Đê"], "rad"),
    (&["Tiếng Gia Rai", "Tiếng Jrai", "Gia Rai"], "jra"),
    (&["Tiếng Ba Na", "Tiếng Bahnar", "Ba Na"], "bdq"),
    (&["Tiếng Xơ Đăng", "Tiếng Sedang"], "sed"),
    (&["Tiếng Cơ Ho", "Tiếng K'Ho"], "kpm"),
    (&["Tiếng Tày", "Tày"], "tyz"),
    (&["Tiếng Nùng", "Nùng"], "nut"),
    (&["Tiếng Mường", "Mường"], "mtq"),
    (&["Tiếng Chăm", "Chăm"], "cjm"),
    (&["Tiếng Dao", "Dao"], "hmx"),
    (&["Tiếng Hoa", "Tiếng Trung", "Hoa"], "zh"),
    (&["Tiếng Lào", "Lào"], "lo"),
    (&["Tiếng Anh", "Anh"], "en"),
    (&["Tiếng Pháp", "Pháp"], "fr"),
];

/// The BCP 47 tag of a language name from the table, if it is there.
pub fn tag_of(name: &str) -> Option<&'static str> {
    let key = normalise(name);
    LANGUAGES
        .iter()
        .find(|(names, _)| names.iter().any(|n| normalise(n) == key))
        .map(|(_, tag)| *tag)
}

/// Names compare without case, diacritics, hyphens and apostrophes.
fn normalise(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether `tag` is a well-formed BCP 47 tag of the kind sections need:
/// a 2–3 letter language, then subtags of 2–8 letters or digits
/// (`tdd`, `hnj`, `vi-VN`, `zh-Hant`).
pub fn well_formed(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_find_their_tags_whatever_the_spelling() {
        assert_eq!(tag_of("Tiếng Việt"), Some("vi"));
        assert_eq!(tag_of("tieng thai"), Some("tai"));
        assert_eq!(tag_of("Tiếng Ê-đê"), Some("rad"));
        assert_eq!(tag_of("TIẾNG KHMER"), Some("km"));
        assert_eq!(tag_of("Tiếng H'Mông"), Some("hmn"));
        assert_eq!(tag_of("Tiếng Pa Kô"), None);
        for (_, tag) in LANGUAGES {
            assert!(well_formed(tag), "{tag}");
        }
        assert!(well_formed("vi-VN") && well_formed("zh-Hant"));
        assert!(!well_formed("tiếng") && !well_formed("v") && !well_formed("vi_VN"));
    }
}
