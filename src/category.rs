//! The standard categories every PBGDPL section carries, uniform for every
//! agency so sections can be synchronised upward (Decision 471/QĐ-TTg, III.2).

use serde::Serialize;

/// What kind of content a category holds, which decides its typed front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Plain articles (news, notices, other content).
    Article,
    /// Undated pages ordered by weight (introduction).
    Page,
    /// Legal documents introduced (2.1): document metadata required.
    Document,
    /// Plans, guidance, notices: document metadata allowed.
    DocumentOptional,
    /// Activities of the coordination council, reporters, propagandists (2.3).
    Activity,
    /// Legal questions and answers (2.4).
    Question,
    /// Policy–law dialogues (2.5).
    Dialogue,
    /// Materials, videos, legal situations (2.6).
    Material,
    /// Statistics and reports (2.7), plus data tables.
    Statistics,
    /// The agency directory.
    Directory,
}

/// One standard category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Category {
    /// Directory name and URL segment (`van-ban-moi`).
    pub key: &'static str,
    /// Vietnamese label.
    pub label_vi: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// The clause of Decision 471/QĐ-TTg section III.2 it fulfils (`2.1`), if any.
    pub clause: Option<&'static str>,
    /// Whether Decision 471 requires the section to carry it.
    pub required: bool,
    /// Whether entries need a `date`.
    pub dated: bool,
    /// Which typed front matter applies.
    pub kind: Kind,
}

/// A general portal category (not one of the 471 clauses).
const fn general(key: &'static str, vi: &'static str, en: &'static str, kind: Kind) -> Category {
    Category {
        key,
        label_vi: vi,
        label_en: en,
        clause: None,
        required: false,
        dated: !matches!(kind, Kind::Page | Kind::Directory),
        kind,
    }
}

/// A category fulfilling a clause of 471/QĐ-TTg III.2.
const fn clause(
    key: &'static str,
    vi: &'static str,
    en: &'static str,
    clause: &'static str,
    required: bool,
    kind: Kind,
) -> Category {
    Category {
        clause: Some(clause),
        required,
        ..general(key, vi, en, kind)
    }
}

/// Every standard category, in navigation order.
pub static CATEGORIES: [Category; 13] = [
    general("gioi-thieu", "Giới thiệu", "Introduction", Kind::Page),
    general(
        "tin-tuc",
        "Tin tức - Sự kiện",
        "News and events",
        Kind::Article,
    ),
    general(
        "thong-bao",
        "Thông báo - Giấy mời",
        "Notices and invitations",
        Kind::DocumentOptional,
    ),
    general(
        "ke-hoach",
        "Kế hoạch - Chương trình - Đề án",
        "Plans, programmes and projects",
        Kind::DocumentOptional,
    ),
    clause(
        "van-ban-moi",
        "Giới thiệu văn bản pháp luật mới",
        "Newly issued legal documents",
        "2.1",
        true,
        Kind::Document,
    ),
    clause(
        "huong-dan-chi-dao",
        "Hướng dẫn, chỉ đạo công tác PBGDPL",
        "Guidance and direction on legal dissemination",
        "2.2",
        true,
        Kind::DocumentOptional,
    ),
    clause(
        "hoat-dong",
        "Hoạt động Hội đồng phối hợp PBGDPL, Báo cáo viên, Tuyên truyền viên",
        "Activities of the coordination council, legal reporters and propagandists",
        "2.3",
        true,
        Kind::Activity,
    ),
    clause(
        "hoi-dap",
        "Hỏi đáp, tư vấn pháp luật",
        "Legal questions and answers",
        "2.4",
        true,
        Kind::Question,
    ),
    clause(
        "doi-thoai",
        "Đối thoại chính sách - pháp luật",
        "Policy and law dialogues",
        "2.5",
        true,
        Kind::Dialogue,
    ),
    clause(
        "tai-lieu",
        "Tài liệu, video, tình huống pháp luật",
        "Materials, videos and legal situations",
        "2.6",
        true,
        Kind::Material,
    ),
    clause(
        "thong-ke",
        "Số liệu thống kê",
        "Statistics",
        "2.7",
        true,
        Kind::Statistics,
    ),
    clause(
        "khac",
        "Nội dung khác",
        "Other content",
        "2.8",
        false,
        Kind::Article,
    ),
    general("danh-ba", "Danh bạ điện tử", "Directory", Kind::Directory),
];

/// Looks a category up by its directory name.
pub fn by_key(key: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.key == key)
}

impl Category {
    /// The label in the site's language.
    pub fn label(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Vi => self.label_vi,
            crate::i18n::Lang::En => self.label_en,
        }
    }

    /// Position in navigation order.
    pub fn index(&self) -> usize {
        CATEGORIES
            .iter()
            .position(|c| c.key == self.key)
            .unwrap_or(CATEGORIES.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_are_2_1_to_2_7() {
        let req: Vec<_> = CATEGORIES
            .iter()
            .filter(|c| c.required)
            .map(|c| c.clause.unwrap_or_default())
            .collect();
        assert_eq!(req, ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"]);
        assert!(!by_key("gioi-thieu").unwrap().dated);
        assert!(!by_key("danh-ba").unwrap().dated);
        assert!(by_key("tin-tuc").unwrap().dated);
    }
}
