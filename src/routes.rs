//! Routes: every path and URL of a section, in one place.
//!
//! Paths are site-relative, `/`-separated, without a leading slash: a
//! page's path ends in `/` (`tin-tuc/page/2/`) and its file is that plus
//! `index.html`; other files are named as they are (`tin-tuc/rss.xml`).
//! [`Urls`] turns a path into the address a browser follows (with the
//! site's sub-path, `/pbgdpl/tin-tuc/`) or the full URL feeds and the
//! sitemap carry.
//!
//! Pagination ([`page_count`], [`paged`]) and the names a category's own
//! pages take ([`reserved_segments`]) are decided here too, so the pages a
//! renderer writes, the links templates show, the sitemap and the checks
//! of `validate` can never disagree. The hub (`pbgdpl aggregate`) uses the
//! same functions.

use crate::category::{Category, Kind};

/// URL segment of paginated lists (`<list>/page/2/`).
pub const PAGE_SEGMENT: &str = "page";
/// URL segment of the tag pages (`the/<slug>/`).
pub const TAGS_SEGMENT: &str = "the";
/// URL segment of the pages by document type (`/<category>/loai/<type>/`).
pub const TYPE_SEGMENT: &str = "loai";
/// URL segment of the pages by year of issue (`/<category>/nam/<year>/`).
pub const YEAR_SEGMENT: &str = "nam";
/// The category holding statistics.
pub const STATISTICS_CATEGORY: &str = "thong-ke";
/// Directory (inside `thong-ke/`) of the CSV files of computed statistics.
pub const SUMMARY_DIR: &str = "tong-hop";
/// Where the search page is.
pub const SEARCH_PATH: &str = "tim-kiem/";
/// Where the search index's files are (`crate::search`).
pub const SEARCH_INDEX_DIR: &str = "tim-kiem/i/";
/// Where the theme's stylesheet is written.
pub const STYLESHEET_PATH: &str = "assets/pbgdpl.css";

/// The section's default share image (`og:image` of pages without a photo
/// of their own): the uniform banner on a card.
pub const SHARE_IMAGE_PATH: &str = "embed/share.png";
/// Width of the share image, in pixels (Open Graph's large card).
pub const SHARE_IMAGE_WIDTH: u32 = 1200;
/// Height of the share image, in pixels.
pub const SHARE_IMAGE_HEIGHT: u32 = 630;
/// The page shown for addresses that lead nowhere.
pub const NOT_FOUND_FILE: &str = "404.html";
/// The hub's list of agencies (`co-quan/`; one agency: `co-quan/<id>/`).
pub const AGENCIES_PATH: &str = "co-quan/";
/// The hub's status page.
pub const STATUS_PATH: &str = "tinh-trang/";
/// The hub's report: the index of its periods (one period:
/// [`report_period`]).
pub const REPORT_PATH: &str = "bao-cao/";

/// The file of a page at `path` (`tin-tuc/` → `tin-tuc/index.html`).
pub fn index_file(path: &str) -> String {
    format!("{path}index.html")
}

/// How many pages a list of `items` takes at `per_page` items a page: at
/// least one, so an empty list still has its page.
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page.max(1)).max(1)
}

/// The items of page `n` (1-based) of a list.
pub fn paged<T>(items: &[T], n: usize, per_page: usize) -> &[T] {
    let per_page = per_page.max(1);
    let start = (n.saturating_sub(1) * per_page).min(items.len());
    let end = (start + per_page).min(items.len());
    &items[start..end]
}

/// Page `n` of the list whose first page is at `first` (`tin-tuc/` →
/// `tin-tuc/page/2/`).
pub fn nth_page(first: &str, n: usize) -> String {
    if n <= 1 {
        first.to_string()
    } else {
        format!("{first}{PAGE_SEGMENT}/{n}/")
    }
}

/// Where `…/page/1/` of a list leads back to its first page from.
pub fn first_page_alias(first: &str) -> String {
    index_file(&format!("{first}{PAGE_SEGMENT}/1/"))
}

/// Path of a category (`tin-tuc/`).
pub fn category(category: &Category) -> String {
    format!("{}/", category.key)
}

/// Path of page `n` of a category (1 is the category itself).
pub fn category_page(category: &Category, n: usize) -> String {
    nth_page(&self::category(category), n)
}

/// Path of one agency's page on the hub (`co-quan/so-tu-phap/`).
pub fn agency(id: &str) -> String {
    format!("{AGENCIES_PATH}{id}/")
}

/// Path of the hub's report of one period (`bao-cao/2026-quy-3/`).
pub fn report_period(slug: &str) -> String {
    format!("{REPORT_PATH}{slug}/")
}

/// The CSV of the hub's report of one period
/// (`bao-cao/2026/bao-cao-2026.csv`: the name says the period once
/// downloaded).
pub fn report_csv(slug: &str) -> String {
    format!("{}bao-cao-{slug}.csv", report_period(slug))
}

/// The JSON of the hub's report of one period.
pub fn report_json(slug: &str) -> String {
    format!("{}bao-cao-{slug}.json", report_period(slug))
}

/// The CSV of the legal reporters and propagandists of one period.
pub fn report_reporters_csv(slug: &str) -> String {
    format!("{}bao-cao-vien-{slug}.csv", report_period(slug))
}

/// Path of an entry's page (`tin-tuc/hoi-nghi/`).
pub fn entry(category: &Category, slug: &str) -> String {
    format!("{}/{slug}/", category.key)
}

/// What a filter page selects on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    /// The document type (`Quyết định`).
    Type,
    /// The year of issue (`issue_date`).
    Year,
}

impl Dimension {
    /// Its URL segment.
    pub fn segment(self) -> &'static str {
        match self {
            Dimension::Type => TYPE_SEGMENT,
            Dimension::Year => YEAR_SEGMENT,
        }
    }
}

/// Whether entries of `category` can carry document metadata, and so the
/// category has filter pages.
pub fn has_documents(category: &Category) -> bool {
    matches!(
        category.kind,
        Kind::Document | Kind::DocumentOptional | Kind::Statistics
    )
}

/// Path of page `n` of a filter (`van-ban-moi/loai/quyet-dinh/`,
/// `van-ban-moi/nam/2025/page/2/`).
pub fn filter_page(category: &Category, dimension: Dimension, slug: &str, n: usize) -> String {
    nth_page(
        &format!("{}/{}/{slug}/", category.key, dimension.segment()),
        n,
    )
}

/// Path of the tag index (`the/`).
pub fn tags() -> String {
    format!("{TAGS_SEGMENT}/")
}

/// Path of page `n` of a tag (`the/dat-dai/`).
pub fn tag_page(slug: &str, n: usize) -> String {
    nth_page(&format!("{TAGS_SEGMENT}/{slug}/"), n)
}

/// Path of the CSV of a computed statistics table.
pub fn summary_csv(slug: &str) -> String {
    format!("{STATISTICS_CATEGORY}/{SUMMARY_DIR}/{slug}.csv")
}

/// Path of a data table's page (`thong-ke/bao-cao-vien/`).
pub fn table_page(slug: &str) -> String {
    format!("{STATISTICS_CATEGORY}/{slug}/")
}

/// Path of a data table's CSV (`thong-ke/bao-cao-vien.csv`).
pub fn table_csv(slug: &str) -> String {
    format!("{STATISTICS_CATEGORY}/{slug}.csv")
}

/// URL segments a category's own pages use, so no entry may take them as
/// its name: pagination everywhere, the filter pages where entries can
/// carry document metadata, the CSV files of the computed statistics.
pub fn reserved_segments(category: &Category) -> Vec<&'static str> {
    let mut r = vec![PAGE_SEGMENT];
    if has_documents(category) {
        r.extend([TYPE_SEGMENT, YEAR_SEGMENT]);
    }
    if category.key == STATISTICS_CATEGORY {
        r.push(SUMMARY_DIR);
    }
    r
}

/// Addresses of paths: with the site's sub-path, or in full.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Urls {
    /// Path prefix of every internal URL (`/` or `/pbgdpl/`).
    pub base_path: String,
    /// `base_url`, ending in `/` (`https://stc.nghean.gov.vn/pbgdpl/`).
    pub base_url: String,
}

impl Urls {
    /// The addresses of a site published at `base_url` (ending in `/`),
    /// whose path is `base_path`.
    pub fn new(base_url: &str, base_path: &str) -> Self {
        Self {
            base_path: base_path.to_string(),
            base_url: base_url.to_string(),
        }
    }

    /// Absolute path of a site-relative path (`tin-tuc/` → `/pbgdpl/tin-tuc/`).
    pub fn url(&self, path: &str) -> String {
        let path = path.trim_start_matches('/');
        let mut s = String::with_capacity(self.base_path.len() + path.len());
        s.push_str(&self.base_path);
        s.push_str(path);
        s
    }

    /// Full URL of a site-relative path.
    pub fn permalink(&self, path: &str) -> String {
        let path = path.trim_start_matches('/');
        let mut s = String::with_capacity(self.base_url.len() + path.len());
        s.push_str(&self.base_url);
        s.push_str(path);
        s
    }

    /// The scheme and host part of `base_url` (`https://stc.nghean.gov.vn`).
    pub fn origin(&self) -> &str {
        let base = self.base_url.trim_end_matches('/');
        let path = self.base_path.trim_end_matches('/');
        &base[..base.len().saturating_sub(path.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_pagination() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
        assert_eq!(page_count(3, 0), 3);
        let items = [1, 2, 3, 4, 5];
        assert_eq!(paged(&items, 2, 2), &[3, 4]);
        assert_eq!(paged(&items, 3, 2), &[5]);
        assert!(paged(&items, 9, 2).is_empty());
        assert_eq!(nth_page("tin-tuc/", 1), "tin-tuc/");
        assert_eq!(nth_page("tin-tuc/", 3), "tin-tuc/page/3/");
        assert_eq!(first_page_alias("the/x/"), "the/x/page/1/index.html");
        assert_eq!(tag_page("dat-dai", 2), "the/dat-dai/page/2/");
    }

    #[test]
    fn urls_keep_the_sub_path() {
        let u = Urls::new("https://a.gov.vn/pbgdpl/", "/pbgdpl/");
        assert_eq!(u.url("tin-tuc/"), "/pbgdpl/tin-tuc/");
        assert_eq!(u.url("/tin-tuc/"), "/pbgdpl/tin-tuc/");
        assert_eq!(u.permalink(""), "https://a.gov.vn/pbgdpl/");
        assert_eq!(u.origin(), "https://a.gov.vn");
        assert_eq!(
            Urls::new("https://a.gov.vn/", "/").origin(),
            "https://a.gov.vn"
        );
    }
}
