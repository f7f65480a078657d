//! Text helpers for Vietnamese: URL slugs, diacritic-insensitive folding,
//! and human-readable sizes.

/// An ASCII URL slug: `Phổ biến pháp luật về đất đai` → `pho-bien-phap-luat-ve-dat-dai`
/// (đ → d, tones and vowel marks dropped, lowercase, `-` between words).
pub fn slugify(text: &str) -> String {
    slug::slugify(text)
}

/// Folds text for comparison and search: lowercase ASCII without diacritics
/// and with single spaces (`"  Quyết  ĐỊNH "` → `"quyet dinh"`).
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A file size the Vietnamese way: `512 B`, `12,3 KB`, `4,5 MB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit]).replace('.', ",")
}

/// A count with its thousands grouped the way the language writes them:
/// `1.034` in Vietnamese, `1,034` in English.
pub fn group_digits(n: u64, lang: crate::i18n::Lang) -> String {
    let sep = match lang {
        crate::i18n::Lang::Vi => '.',
        crate::i18n::Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Characters percent-encoded in a segment of a file's path in an
/// address: controls, space, quotes and the characters that end or split
/// an address (`#`, `?`, `%`, `<`, `>`, `` ` ``, `{`, `}`), and the comma,
/// which separates the candidates of a `srcset`.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b',');

/// A file's path (`tin-tuc/x/ảnh hội nghị.jpg`) as it is written in an
/// address: each segment percent-encoded, the slashes kept, so it is safe
/// in `href`, `src` and `srcset` (`tin-tuc/x/%E1%BA%A3nh%20h%E1%BB%99i…`).
/// The one place that encodes the files of a bundle: photos, their copies
/// and attachments alike.
pub fn path_in_url(path: &str) -> String {
    path.split('/')
        .map(|s| percent_encoding::utf8_percent_encode(s, PATH_SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// Escapes text for XML/HTML element content and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_slugs() {
        assert_eq!(
            slugify("Phổ biến pháp luật về đất đai"),
            "pho-bien-phap-luat-ve-dat-dai"
        );
        assert_eq!(slugify("ĐỐI THOẠI chính sách"), "doi-thoai-chinh-sach");
        assert_eq!(
            slugify("Nghị định 13/2023/NĐ-CP"),
            "nghi-dinh-13-2023-nd-cp"
        );
    }

    #[test]
    fn folding_ignores_case_and_marks() {
        assert_eq!(fold("  Quyết  ĐỊNH "), "quyet dinh");
        assert_eq!(fold("Tuyên truyền viên"), fold("tuyen truyen vien"));
    }

    #[test]
    fn grouped_digits() {
        use crate::i18n::Lang;
        assert_eq!(group_digits(0, Lang::Vi), "0");
        assert_eq!(group_digits(999, Lang::Vi), "999");
        assert_eq!(group_digits(1034, Lang::Vi), "1.034");
        assert_eq!(group_digits(1_234_567, Lang::En), "1,234,567");
    }

    #[test]
    fn sizes() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(12_595), "12,3 KB");
        assert_eq!(human_size(5 * 1024 * 1024), "5,0 MB");
    }
}
