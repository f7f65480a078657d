//! Filtered lists of the document categories: static index pages by
//! document type (`/van-ban-moi/loai/quyet-dinh/`) and by year of issue
//! (`/van-ban-moi/nam/2025/`), paginated like the category, and the filter
//! menu shown on the category page and on every filter page.
//!
//! `van-ban-moi` always offers them; `ke-hoach`, `huong-dan-chi-dao`,
//! `thong-bao` and `thong-ke` offer them when their entries carry document
//! metadata. A filter page lists the same entries as the category page does
//! (published ones; in a `--drafts` preview, marked drafts too).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::category::Category;
use crate::content::kinds::DOCUMENT_TYPES;
use crate::error::Error;
use crate::render::{Common, Listed, Prepared};
use crate::routes;
use crate::text::slugify;

use super::pagination::Pagination;
use super::{Job, RenderContext, Renderer};

pub use crate::routes::{Dimension, TYPE_SEGMENT, YEAR_SEGMENT, has_documents};

/// One value of a filter and the pages it selects, in category order.
#[derive(Debug)]
pub struct FilterValue<'p> {
    /// Type or year.
    pub dimension: Dimension,
    /// Shown to readers (`Quyết định`, `2025`).
    pub label: String,
    /// URL segment (`quyet-dinh`, `2025`).
    pub slug: String,
    /// The pages it selects.
    pub pages: Vec<Listed<'p>>,
}

/// Every filter value of a category, types first (in the order of the
/// closed list), then years (newest first). Empty when the category's
/// entries carry no document type or issue date.
pub fn values<'p>(p: &'p Prepared<'p>, category: &Category) -> Vec<FilterValue<'p>> {
    if !has_documents(category) {
        return Vec::new();
    }
    let pages = p.in_category(category);
    let mut types: BTreeMap<usize, Vec<Listed<'p>>> = BTreeMap::new();
    let mut years: BTreeMap<std::cmp::Reverse<i32>, Vec<Listed<'p>>> = BTreeMap::new();
    for page in pages {
        let Some(doc) = &page.entry.meta.document else {
            continue;
        };
        if let Some(t) = doc.document_type
            && let Some(i) = DOCUMENT_TYPES.iter().position(|d| *d == t)
        {
            types.entry(i).or_default().push(Listed::new(page));
        }
        if let Some(d) = doc.issue_date {
            years
                .entry(std::cmp::Reverse(d.year()))
                .or_default()
                .push(Listed::new(page));
        }
    }
    let mut out: Vec<FilterValue<'p>> = types
        .into_iter()
        .map(|(i, pages)| FilterValue {
            dimension: Dimension::Type,
            label: DOCUMENT_TYPES[i].to_string(),
            slug: slugify(DOCUMENT_TYPES[i]),
            pages,
        })
        .collect();
    out.extend(years.into_iter().map(|(y, pages)| FilterValue {
        dimension: Dimension::Year,
        label: y.0.to_string(),
        slug: y.0.to_string(),
        pages,
    }));
    out
}

/// Site-relative path of page `n` of a filter
/// (`van-ban-moi/loai/quyet-dinh/`, `van-ban-moi/nam/2025/page/2/`).
pub fn filter_page_path(category: &Category, dimension: Dimension, slug: &str, n: usize) -> String {
    routes::filter_page(category, dimension, slug, n)
}

/// Site-relative paths of every page of every filter (for the sitemap).
pub fn page_paths(p: &Prepared<'_>) -> Vec<String> {
    let per_page = p.config.entries_per_page;
    let mut paths = Vec::new();
    for c in p.categories() {
        for v in values(p, c) {
            let total = routes::page_count(v.pages.len(), per_page);
            paths.extend((1..=total).map(|n| filter_page_path(c, v.dimension, &v.slug, n)));
        }
    }
    paths
}

/// `filters` in templates: the filter menu of a category.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct FilterMenu {
    /// The unfiltered category.
    pub all: MenuLink,
    /// By type, then by year; a group without values is left out.
    pub groups: Vec<MenuGroup>,
}

/// A group of filter links.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct MenuGroup {
    /// `type` or `year` (for `id`s and CSS).
    pub key: Dimension,
    /// Heading (`Lọc theo loại văn bản`).
    pub label: String,
    /// The values.
    pub links: Vec<MenuLink>,
}

/// One link of the filter menu.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct MenuLink {
    /// Text (`Quyết định`, `2025`, `Tất cả`).
    pub label: String,
    /// Address.
    pub url: String,
    /// How many entries it lists.
    pub count: usize,
    /// True on the page it leads to (`aria-current="page"`).
    pub current: bool,
}

/// `filter` in templates: the filter a filter page shows.
#[derive(Debug, Serialize)]
pub struct ActiveFilter {
    /// `type` or `year`.
    pub key: Dimension,
    /// The value (`Quyết định`, `2025`).
    pub value: String,
    /// What readers see in the title and breadcrumb
    /// (`Quyết định`, `Năm ban hành 2025`).
    pub label: String,
    /// Address of its first page.
    pub url: String,
}

fn active_label(p: &Common<'_>, dimension: Dimension, label: &str) -> String {
    match dimension {
        Dimension::Type => label.to_string(),
        Dimension::Year => format!("{} {label}", p.t("issue_year")),
    }
}

/// The filter menu of `category` (`None` when it has nothing to filter);
/// `current` marks the filter page being rendered.
pub fn menu(
    p: &Prepared<'_>,
    category: &Category,
    current: Option<(Dimension, &str)>,
) -> Option<FilterMenu> {
    menu_of(p, category, &values(p, category), current)
}

/// The filter menu of `category` from its `values`.
fn menu_of(
    p: &Prepared<'_>,
    category: &Category,
    values: &[FilterValue<'_>],
    current: Option<(Dimension, &str)>,
) -> Option<FilterMenu> {
    if values.is_empty() {
        return None;
    }
    let mut groups: Vec<MenuGroup> = Vec::new();
    for v in values {
        let link = MenuLink {
            label: v.label.clone(),
            url: p.url(&filter_page_path(category, v.dimension, &v.slug, 1)),
            count: v.pages.len(),
            current: current == Some((v.dimension, v.slug.as_str())),
        };
        match groups.last_mut() {
            Some(g) if g.key == v.dimension => g.links.push(link),
            _ => groups.push(MenuGroup {
                key: v.dimension,
                label: match v.dimension {
                    Dimension::Type => p.t("filter_by_type"),
                    Dimension::Year => p.t("filter_by_year"),
                },
                links: vec![link],
            }),
        }
    }
    Some(FilterMenu {
        all: MenuLink {
            label: p.t("all"),
            url: p.url(&routes::category_page(category, 1)),
            count: p.in_category(category).len(),
            current: current.is_none(),
        },
        groups,
    })
}

/// Writes the filter pages of every category that has document metadata.
pub struct Filters;

/// What one filter page shows.
#[derive(Debug, Hash)]
pub enum FilterView<'p> {
    /// Page `number` of `total` of one filter.
    Page {
        /// The category.
        category: &'static Category,
        /// Type or year.
        dimension: Dimension,
        /// The value as shown.
        label: String,
        /// Its URL segment.
        slug: String,
        /// This page.
        number: usize,
        /// Pages of the filter.
        total: usize,
        /// The entries of this page.
        entries: Vec<Listed<'p>>,
        /// The category's filter menu, this filter marked.
        menu: Option<FilterMenu>,
    },
    /// `…/page/1/`, leading back to the filter's first page.
    Redirect {
        /// The category.
        category: &'static Category,
        /// Type or year.
        dimension: Dimension,
        /// The value as shown.
        label: String,
        /// Its URL segment.
        slug: String,
    },
}

impl Renderer for Filters {
    type View<'p> = FilterView<'p>;

    fn name(&self) -> &'static str {
        "filters"
    }

    fn makes_pages(&self) -> bool {
        true
    }

    fn may_make(&self, path: &str) -> bool {
        // `van-ban-moi/loai/quyet-dinh/`: segments no entry may take.
        path.split('/')
            .any(|s| s == routes::TYPE_SEGMENT || s == routes::YEAR_SEGMENT)
    }

    fn lists_entries(&self) -> bool {
        true
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<FilterView<'p>>>, Error> {
        let per_page = p.config.entries_per_page;
        let mut jobs = Vec::new();
        let mut redirects = Vec::new();
        for category in p.categories() {
            let values = values(p, category);
            for value in &values {
                let total = routes::page_count(value.pages.len(), per_page);
                let menu = menu_of(p, category, &values, Some((value.dimension, &value.slug)));
                for number in 1..=total {
                    jobs.push(Job::page(
                        &filter_page_path(category, value.dimension, &value.slug, number),
                        FilterView::Page {
                            category,
                            dimension: value.dimension,
                            label: value.label.clone(),
                            slug: value.slug.clone(),
                            number,
                            total,
                            entries: routes::paged(&value.pages, number, per_page).to_vec(),
                            menu: menu.clone(),
                        },
                    ));
                }
                let first = filter_page_path(category, value.dimension, &value.slug, 1);
                redirects.push(Job::file(
                    routes::first_page_alias(&first),
                    FilterView::Redirect {
                        category,
                        dimension: value.dimension,
                        label: value.label.clone(),
                        slug: value.slug.clone(),
                    },
                ));
            }
        }
        jobs.extend(redirects);
        Ok(jobs)
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        view: &FilterView<'_>,
        _paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        let p = cx.common;
        let page = match view {
            FilterView::Page { .. } => cx.page("category.html", &filter_context(p, view))?,
            FilterView::Redirect {
                category,
                dimension,
                label,
                slug,
            } => {
                let target = filter_page_path(category, *dimension, slug, 1);
                let mut page = p.page_view(
                    "redirect",
                    active_label(p, *dimension, label),
                    &target,
                    String::new(),
                );
                page.noindex = true;
                let mut ctx = p.base_context(page);
                ctx.insert("target", &p.permalink(&target));
                cx.page("redirect.html", &ctx)?
            }
        };
        Ok(vec![page])
    }
}

fn filter_context(p: &Common<'_>, view: &FilterView<'_>) -> tera::Context {
    let FilterView::Page {
        category,
        dimension,
        label: value,
        slug,
        number,
        total,
        entries,
        menu,
    } = view
    else {
        return tera::Context::new();
    };
    let cv = p.category_view(category);
    let label = active_label(p, *dimension, value);
    let mut title = format!("{label} – {}", cv.label);
    if *number > 1 {
        title = format!("{title} – {} {number}", p.t("page"));
    }
    let path = filter_page_path(category, *dimension, slug, *number);
    let description = format!("{}: {label}", cv.label);
    let mut page = p.page_view("filter", title, &path, description);
    page.section = Some(category.key);
    let mut ctx = p.base_context(page);
    let entries: Vec<tera::Value> = entries.iter().map(|e| p.list_value(*e)).collect();
    let pagination = Pagination::new(*number, *total, |n| {
        p.url(&filter_page_path(category, *dimension, slug, n))
    });
    ctx.insert("category", &cv);
    ctx.insert_value("entries", tera::Value::from(entries));
    ctx.insert("pagination", &pagination);
    ctx.insert(
        "filter",
        &ActiveFilter {
            key: *dimension,
            value: value.clone(),
            label,
            url: p.url(&filter_page_path(category, *dimension, slug, 1)),
        },
    );
    ctx.insert("filters", menu);
    ctx.insert("statistics", &None::<()>);
    ctx
}
