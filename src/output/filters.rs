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

use rayon::prelude::*;
use serde::Serialize;

use crate::category::{Category, Kind};
use crate::content::kinds::DOCUMENT_TYPES;
use crate::error::Error;
use crate::fingerprint::Fingerprint;
use crate::render::context::EntryView;
use crate::render::{Page, Prepared};
use crate::text::slugify;

use super::html::{Pagination, category_page_path};
use super::{RenderContext, Renderer, Sink, minify, write_unless_kept};

/// URL segment of the pages by document type (`/<category>/loai/<type>/`).
pub const TYPE_SEGMENT: &str = "loai";
/// URL segment of the pages by year of issue (`/<category>/nam/<year>/`).
pub const YEAR_SEGMENT: &str = "nam";

/// What a filter selects on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    /// The document type (`Quyết định`).
    Type,
    /// The year of issue (`issue_date`).
    Year,
}

impl Dimension {
    fn segment(self) -> &'static str {
        match self {
            Dimension::Type => TYPE_SEGMENT,
            Dimension::Year => YEAR_SEGMENT,
        }
    }
}

/// One value of a filter and the pages it selects, in category order.
#[derive(Debug)]
pub struct FilterValue<'p, 'a> {
    /// Type or year.
    pub dimension: Dimension,
    /// Shown to readers (`Quyết định`, `2025`).
    pub label: String,
    /// URL segment (`quyet-dinh`, `2025`).
    pub slug: String,
    /// The pages it selects.
    pub pages: Vec<&'p Page<'a>>,
}

/// Whether `category` can carry document metadata at all.
pub fn has_documents(category: &Category) -> bool {
    matches!(
        category.kind,
        Kind::Document | Kind::DocumentOptional | Kind::Statistics
    )
}

/// Every filter value of a category, types first (in the order of the
/// closed list), then years (newest first). Empty when the category's
/// entries carry no document type or issue date.
pub fn values<'p, 'a>(p: &'p Prepared<'a>, category: &Category) -> Vec<FilterValue<'p, 'a>> {
    if !has_documents(category) {
        return Vec::new();
    }
    let pages = p.in_category(category);
    let mut types: BTreeMap<usize, Vec<&'p Page<'a>>> = BTreeMap::new();
    let mut years: BTreeMap<std::cmp::Reverse<i32>, Vec<&'p Page<'a>>> = BTreeMap::new();
    for page in pages {
        let Some(doc) = &page.entry.meta.document else {
            continue;
        };
        if let Some(t) = doc.document_type
            && let Some(i) = DOCUMENT_TYPES.iter().position(|d| *d == t)
        {
            types.entry(i).or_default().push(page);
        }
        if let Some(d) = doc.issue_date {
            years
                .entry(std::cmp::Reverse(d.year()))
                .or_default()
                .push(page);
        }
    }
    let mut out: Vec<FilterValue<'p, 'a>> = types
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
    let base = format!("{}/{}/{slug}/", category.key, dimension.segment());
    if n <= 1 {
        base
    } else {
        format!("{base}page/{n}/")
    }
}

/// Site-relative paths of every page of every filter (for the sitemap).
pub fn page_paths(p: &Prepared<'_>) -> Vec<String> {
    let all = all_values(p);
    jobs(&all, p.site.config.entries_per_page)
        .iter()
        .map(Job::dir)
        .collect()
}

/// Adds to `f` everything [`values`] reads, without computing them: the
/// document type and year of issue of every entry of every category. What
/// changes the set of filter pages changes this fingerprint (the sitemap's
/// key).
pub fn fold_inputs(p: &Prepared<'_>, f: Fingerprint) -> Fingerprint {
    p.categories().iter().fold(f, |f, c| {
        p.in_category(c)
            .into_iter()
            .filter_map(|pg| pg.entry.meta.document.as_ref())
            .fold(f.bytes(c.key), |f, doc| {
                f.option(doc.document_type)
                    .number(doc.issue_date.map_or(0, |d| d.year() as u64 + 1))
            })
    })
}

/// `filters` in templates: the filter menu of a category.
#[derive(Debug, Serialize)]
pub struct FilterMenu {
    /// The unfiltered category.
    pub all: MenuLink,
    /// By type, then by year; a group without values is left out.
    pub groups: Vec<MenuGroup>,
}

/// A group of filter links.
#[derive(Debug, Serialize)]
pub struct MenuGroup {
    /// `type` or `year` (for `id`s and CSS).
    pub key: Dimension,
    /// Heading (`Lọc theo loại văn bản`).
    pub label: String,
    /// The values.
    pub links: Vec<MenuLink>,
}

/// One link of the filter menu.
#[derive(Debug, Serialize)]
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

fn t(p: &Prepared<'_>, key: &str) -> String {
    p.strings.get(key).cloned().unwrap_or_default()
}

fn active_label(p: &Prepared<'_>, value: &FilterValue<'_, '_>) -> String {
    match value.dimension {
        Dimension::Type => value.label.clone(),
        Dimension::Year => format!("{} {}", t(p, "issue_year"), value.label),
    }
}

/// The filter menu of `category` (`None` when it has nothing to filter);
/// `current` marks the filter page being rendered.
pub fn menu(
    p: &Prepared<'_>,
    category: &Category,
    current: Option<(Dimension, &str)>,
) -> Option<FilterMenu> {
    let values = values(p, category);
    if values.is_empty() {
        return None;
    }
    let mut groups: Vec<MenuGroup> = Vec::new();
    for v in &values {
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
                    Dimension::Type => t(p, "filter_by_type"),
                    Dimension::Year => t(p, "filter_by_year"),
                },
                links: vec![link],
            }),
        }
    }
    Some(FilterMenu {
        all: MenuLink {
            label: t(p, "all"),
            url: p.url(&category_page_path(category, 1)),
            count: p.in_category(category).len(),
            current: current.is_none(),
        },
        groups,
    })
}

/// Fingerprint of the filter menu of `category` (its values, addresses and
/// counts): the category page and every filter page of the category show
/// it, so they change when it does, and only then.
pub fn menu_fingerprint(p: &Prepared<'_>, category: &Category) -> u64 {
    match menu(p, category, None) {
        None => 0,
        Some(menu) => crate::fingerprint::of(serde_json::to_vec(&menu).unwrap_or_default()),
    }
}

/// Writes the filter pages of every category that has document metadata.
pub struct Filters;

struct Job<'v, 'p, 'a> {
    category: &'static Category,
    value: &'v FilterValue<'p, 'a>,
    number: usize,
    total: usize,
}

impl Job<'_, '_, '_> {
    /// Site-relative address of the page (`van-ban-moi/loai/luat/`).
    fn dir(&self) -> String {
        filter_page_path(
            self.category,
            self.value.dimension,
            &self.value.slug,
            self.number,
        )
    }

    /// Site-relative path of the page's file.
    fn path(&self) -> String {
        format!("{}index.html", self.dir())
    }
}

/// The filter values of every category that has some.
fn all_values<'p, 'a>(p: &'p Prepared<'a>) -> Vec<(&'static Category, Vec<FilterValue<'p, 'a>>)> {
    p.categories()
        .iter()
        .map(|c| (c, values(p, c)))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// One job per page of every filter of `all`.
fn jobs<'v, 'p, 'a>(
    all: &'v [(&'static Category, Vec<FilterValue<'p, 'a>>)],
    per_page: usize,
) -> Vec<Job<'v, 'p, 'a>> {
    let per_page = per_page.max(1);
    let mut jobs = Vec::new();
    for (category, values) in all {
        for value in values {
            let total = value.pages.len().div_ceil(per_page).max(1);
            jobs.extend((1..=total).map(|number| Job {
                category,
                value,
                number,
                total,
            }));
        }
    }
    jobs
}

impl Renderer for Filters {
    fn name(&self) -> &'static str {
        "filters"
    }

    fn makes_pages(&self) -> bool {
        true
    }

    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error> {
        let p = cx.prepared;
        let per_page = p.site.config.entries_per_page.max(1);
        let all = all_values(p);
        let jobs = jobs(&all, per_page);
        let site = cx.page_fingerprint();
        let menus: BTreeMap<&str, u64> = all
            .iter()
            .map(|(c, _)| (c.key, menu_fingerprint(p, c)))
            .collect();
        jobs.par_iter().try_for_each(|job| {
            let file = job.path();
            if !out.wants(&file) {
                return Ok(());
            }
            // What a filter page shows: the category, the filter, its menu,
            // the page number and the entries of the page.
            let key = shown(job, per_page)
                .fold(
                    Fingerprint::new()
                        .number(site)
                        .bytes("filter")
                        .bytes(job.category.key)
                        .bytes(job.value.dimension.segment())
                        .bytes(&job.value.slug)
                        .bytes(&job.value.label)
                        .number(menus.get(job.category.key).copied().unwrap_or(0))
                        .number(job.number as u64)
                        .number(job.total as u64),
                    |f, pg| f.number(pg.list_fingerprint),
                )
                .finish();
            write_unless_kept(out, &file, key, || {
                let html = cx
                    .theme
                    .render("category.html", &filter_context(p, job, per_page))?;
                Ok(minify::html(&html))
            })
        })?;
        // `…/page/1/` leads back to the filter's first page, as for categories.
        for (category, values) in &all {
            for value in values {
                let target = filter_page_path(category, value.dimension, &value.slug, 1);
                let key = Fingerprint::new()
                    .number(site)
                    .bytes("filter-redirect")
                    .bytes(&target)
                    .bytes(&value.label)
                    .finish();
                write_unless_kept(out, &format!("{target}page/1/index.html"), key, || {
                    let mut page =
                        p.page_view("redirect", active_label(p, value), &target, String::new());
                    page.noindex = true;
                    let mut ctx = p.base_context(page);
                    ctx.insert("target", &p.permalink(&target));
                    Ok(minify::html(&cx.theme.render("redirect.html", &ctx)?))
                })?;
            }
        }
        Ok(())
    }
}

/// The pages of one page of a filter.
fn shown<'v, 'p, 'a>(
    job: &Job<'v, 'p, 'a>,
    per_page: usize,
) -> impl Iterator<Item = &'v &'p Page<'a>> {
    job.value
        .pages
        .iter()
        .skip((job.number - 1) * per_page)
        .take(per_page)
}

fn filter_context(p: &Prepared<'_>, job: &Job<'_, '_, '_>, per_page: usize) -> tera::Context {
    let (category, value) = (job.category, job.value);
    let cv = p.category_view(category);
    let label = active_label(p, value);
    let mut title = format!("{label} – {}", cv.label);
    if job.number > 1 {
        title = format!("{title} – {} {}", t(p, "page"), job.number);
    }
    let path = filter_page_path(category, value.dimension, &value.slug, job.number);
    let description = format!("{}: {label}", cv.label);
    let mut page = p.page_view("filter", title, &path, description);
    page.section = Some(category.key);
    let mut ctx = p.base_context(page);
    let entries: Vec<EntryView<'_>> = shown(job, per_page)
        .map(|pg| p.entry_view(pg, false))
        .collect();
    let pagination = Pagination::new(job.number, job.total, |n| {
        p.url(&filter_page_path(category, value.dimension, &value.slug, n))
    });
    ctx.insert("category", &cv);
    ctx.insert("entries", &entries);
    ctx.insert("pagination", &pagination);
    ctx.insert(
        "filter",
        &ActiveFilter {
            key: value.dimension,
            value: value.label.clone(),
            label,
            url: p.url(&filter_page_path(category, value.dimension, &value.slug, 1)),
        },
    );
    ctx.insert(
        "filters",
        &menu(p, category, Some((value.dimension, value.slug.as_str()))),
    );
    ctx.insert("statistics", &None::<()>);
    ctx
}
