//! What the templates put in as examples and nobody replaced: the example
//! texts of `pbgdpl new` left in an approved entry, a sample entry of
//! `pbgdpl init` next to the category's real entries, the default agency
//! name and the province-less provincial site name of `site.toml`. Each is a warning (an error
//! with `check --strict`), at the line that holds it.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::config::FILE_NAME;
use crate::content::model::Status;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;
use crate::site::Site;
use crate::source::SourceFile;

/// `pbgdpl init`'s agency name when none is given: a placeholder to replace.
pub const DEFAULT_AGENCY: &str = "Tên cơ quan, đơn vị";
/// `pbgdpl init`'s agency portal when none is given.
pub const DEFAULT_AGENCY_URL: &str = "https://example.gov.vn";
/// `pbgdpl init`'s provincial site name when none is given (no province named).
pub const DEFAULT_PROVINCE_NAME: &str = "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh";
/// `pbgdpl init`'s provincial site address when none is given.
pub const DEFAULT_PROVINCE_URL: &str = "https://pbgdpl.example.gov.vn";
/// `pbgdpl init`'s publication address when none is given.
pub const DEFAULT_BASE_URL: &str = "https://example.gov.vn/pbgdpl/";
/// How the titles of `pbgdpl init`'s sample entries start.
pub const SAMPLE_TITLE: &str = "Bài mẫu chuyên mục";
/// The example texts of the templates of `init` and `new`: left in an
/// approved entry, they would be published as if they were content.
pub const PLACEHOLDERS: &[&str] = &[
    "Nội dung bài viết, soạn bằng Markdown.",
    "Nội dung trả lời câu hỏi.",
    "Một hoặc hai câu tóm tắt nội dung.",
    "Nội dung câu hỏi đầy đủ (không ghi số điện thoại, thư điện tử, số căn cước).",
    "Bạn đọc ở xã …",
    "Tên cơ quan trả lời",
    "Hội trường …",
    "Tên đơn vị tổ chức",
    "Họ tên báo cáo viên",
    "Chủ đề đối thoại",
    "Người chủ trì",
    "Thành phần tham dự",
    "Kết quả đối thoại",
    "https://vbpl.vn/…",
    "https://www.youtube.com/watch?v=…",
];

/// A placeholder found in an entry's text when the entry was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Which one: an index into [`PLACEHOLDERS`].
    pub which: usize,
    /// Where, in bytes of the entry's source text.
    pub at: Range<usize>,
}

/// All of [`PLACEHOLDERS`] as one pattern, so a text is read once.
static ANY: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = PLACEHOLDERS.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&alternatives.join("|")).expect("escaped literals form a valid pattern")
});

/// Every placeholder in `text` outside comment lines, in the order
/// [`check`] reports them: by placeholder, then by position. One pass over
/// the text, done when an entry is read (in parallel, and only again when
/// its file changes), so checking the site costs nothing per text.
pub fn scan(text: &str) -> Vec<Found> {
    let mut found: Vec<Found> = ANY
        .find_iter(text)
        .filter(|m| !in_comment(text, m.start()))
        .filter_map(|m| {
            let which = PLACEHOLDERS.iter().position(|p| *p == m.as_str())?;
            Some(Found {
                which,
                at: m.range(),
            })
        })
        .collect();
    found.sort_by_key(|f| (f.which, f.at.start));
    found
}

/// Whether byte `at` of `text` is on a comment line (`#` first).
fn in_comment(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at].trim_start().starts_with('#')
}

/// Every placeholder left in the site.
pub fn check(site: &Site) -> Diagnostics {
    let mut d = Diagnostics::new();
    entries(site, &mut d);
    site_toml(site, &mut d);
    d
}

/// Byte ranges of `needle` in `text`, outside comment lines.
fn find_outside_comments<'t>(
    text: &'t str,
    needle: &'t str,
) -> impl Iterator<Item = std::ops::Range<usize>> + 't {
    text.match_indices(needle)
        .filter(move |(at, _)| !in_comment(text, *at))
        .map(|(at, needle)| at..at + needle.len())
}

fn entries(site: &Site, d: &mut Diagnostics) {
    for e in &site.content.entries {
        if e.editorial.status != Status::Approved {
            continue;
        }
        let text = e.source.text.as_str();
        if e.title.starts_with(SAMPLE_TITLE) {
            // A sample is a leftover once its category has real entries
            // approved for publication.
            let real = site.content.entries.iter().any(|o| {
                o.category.key == e.category.key
                    && o.editorial.status == Status::Approved
                    && !o.title.starts_with(SAMPLE_TITLE)
            });
            if real {
                let at = find_outside_comments(text, SAMPLE_TITLE)
                    .next()
                    .unwrap_or(0..0);
                d.push(
                    Diagnostic::warning("sample-entry", msg!("sample-entry"))
                        .at(&e.source, at)
                        .help(msg!("sample-entry-help", file = &e.source.rel_path)),
                );
            }
            continue;
        }
        for found in &e.placeholders {
            let text = PLACEHOLDERS[found.which];
            d.push(
                Diagnostic::warning("placeholder", msg!("placeholder", text = text))
                    .at(&e.source, found.at.clone())
                    .help(msg!("placeholder-help")),
            );
        }
    }
}

fn site_toml(site: &Site, d: &mut Diagnostics) {
    let Ok(source) = SourceFile::read(&site.root, FILE_NAME) else {
        return;
    };
    // The example addresses are not checked: example.gov.vn is reserved
    // for examples and tests, and a wrong address shows at once.
    for value in [DEFAULT_AGENCY] {
        let quoted = format!("\"{value}\"");
        for at in find_outside_comments(&source.text, &quoted) {
            d.push(
                Diagnostic::warning("placeholder-site", msg!("placeholder-site", text = value))
                    .at(&source, at)
                    .help(msg!("placeholder-site-help")),
            );
        }
    }
    // The default provincial name ends where the province's name belongs.
    let quoted = format!("\"{DEFAULT_PROVINCE_NAME}\"");
    for at in find_outside_comments(&source.text, &quoted) {
        d.push(
            Diagnostic::warning(
                "placeholder-site",
                msg!("placeholder-province", text = DEFAULT_PROVINCE_NAME),
            )
            .at(&source, at)
            .help(msg!("placeholder-province-help")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_finds_what_a_search_per_placeholder_finds_in_the_same_order() {
        let text = "+++\ntitle = \"x\"\n# summary = \"Một hoặc hai câu tóm tắt nội dung.\"\n+++\n\
                    Người chủ trì: Họ tên báo cáo viên, Người chủ trì\n\
                    # Họ tên báo cáo viên\n  Tên cơ quan trả lời…Tên cơ quan trả lời\n";
        let expected: Vec<Found> = PLACEHOLDERS
            .iter()
            .enumerate()
            .flat_map(|(which, p)| {
                find_outside_comments(text, p).map(move |at| Found { which, at })
            })
            .collect();
        assert_eq!(expected.len(), 5);
        assert_eq!(scan(text), expected);
        assert!(scan("Nội dung thật.").is_empty());
    }
}
