//! The HTML pages: home, category lists (paginated), entries, 404.

use std::sync::Arc;

use serde::Serialize;
use tera::{Context, Value};

use crate::category::{Category, Kind};
use crate::error::Error;
use crate::render::{Common, Full, Listed, Prepared};
use crate::routes;

use super::filters::{self, FilterMenu};
use super::pagination::Pagination;
use super::{Job, RenderContext, Renderer, statistics};

/// Renders every HTML page.
pub struct HtmlPages;

/// `languages` in `category.html`: the materials of one language.
#[derive(Debug, serde::Serialize)]
struct LanguageView<'a> {
    lang: &'a str,
    language: &'a str,
    entries: Vec<Value>,
}

/// The materials in one language, for the listing by language.
#[derive(Debug, Clone, Hash)]
pub struct LanguageGroup<'p> {
    /// BCP 47 tag.
    pub lang: &'p str,
    /// The language's name, as the first material in it writes it.
    pub language: &'p str,
    /// Its materials, in the category's order.
    pub entries: Vec<Listed<'p>>,
}

/// The published materials of `pages` grouped by language (by tag),
/// Vietnamese first, then by the number of materials; none when all are
/// in one language.
fn by_language<'p>(pages: &[Listed<'p>]) -> Vec<LanguageGroup<'p>> {
    let mut groups: Vec<LanguageGroup<'p>> = Vec::new();
    for l in pages.iter().filter(|l| l.is_published()) {
        let Some(m) = &l.entry().meta.material else {
            continue;
        };
        match groups.iter_mut().find(|g| g.lang == m.lang) {
            Some(g) => g.entries.push(*l),
            None => groups.push(LanguageGroup {
                lang: &m.lang,
                language: &m.language,
                entries: vec![*l],
            }),
        }
    }
    if groups.len() < 2 {
        return Vec::new();
    }
    groups.sort_by(|a, b| {
        (b.lang == "vi")
            .cmp(&(a.lang == "vi"))
            .then(b.entries.len().cmp(&a.entries.len()))
            .then(a.language.cmp(b.language))
    });
    groups
}

/// What one page shows (besides what every page shows).
#[derive(Debug, Hash)]
pub enum HtmlView<'p> {
    /// The home page: the newest entries of each category shown.
    Home {
        /// Categories in the order shown, with their newest entries.
        sections: Vec<(&'static Category, Vec<Listed<'p>>)>,
    },
    /// Page `number` of `total` of a category.
    CategoryPage {
        /// The category.
        category: &'static Category,
        /// This page.
        number: usize,
        /// Pages of the category.
        total: usize,
        /// The entries of this page.
        entries: Vec<Listed<'p>>,
        /// The category's filter menu (with counts).
        menu: Option<Arc<FilterMenu>>,
        /// The statistics (first page of the statistics category only).
        statistics: Option<Arc<statistics::Statistics>>,
        /// The materials by language (first page of the materials
        /// category, when they are in more than one language).
        languages: Vec<LanguageGroup<'p>>,
    },
    /// `<category>/page/1/`, leading to the category.
    FirstPageRedirect {
        /// The category.
        category: &'static Category,
    },
    /// An entry's page.
    Entry {
        /// The entry.
        page: Full<'p>,
        /// The published entries just before and after it in its category
        /// (newer, older): an edit changes at most its neighbours' pages,
        /// not every page of the category.
        newer: Option<Listed<'p>>,
        /// See `newer`.
        older: Option<Listed<'p>>,
    },
    /// `404.html`.
    NotFound,
}

/// A home-page block: a category and its newest entries.
#[derive(Debug, Serialize)]
struct HomeSection<'v> {
    category: crate::render::context::CategoryView<'v>,
    entries: Vec<Value>,
}

/// Site-relative path of page `n` of a category (1 is the category itself).
pub fn category_page_path(category: &Category, n: usize) -> String {
    routes::category_page(category, n)
}

impl Renderer for HtmlPages {
    type View<'p> = HtmlView<'p>;

    fn name(&self) -> &'static str {
        "html"
    }

    fn makes_pages(&self) -> bool {
        true
    }

    fn lists_entries(&self) -> bool {
        true
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<HtmlView<'p>>>, Error> {
        let per_page = p.config.entries_per_page;
        let mut jobs = vec![
            Job::page("", home(p)),
            Job::file(routes::NOT_FOUND_FILE, HtmlView::NotFound),
        ];
        let mut stats = None;
        for category in p.categories() {
            let pages: Vec<Listed<'p>> = p
                .in_category(category)
                .into_iter()
                .map(Listed::new)
                .collect();
            let total = routes::page_count(pages.len(), per_page);
            let menu = filters::menu(p, category, None).map(Arc::new);
            for number in 1..=total {
                let statistics = (number == 1 && category.kind == Kind::Statistics).then(|| {
                    stats
                        .get_or_insert_with(|| Arc::new(statistics::Statistics::compute(p)))
                        .clone()
                });
                jobs.push(Job::page(
                    &routes::category_page(category, number),
                    HtmlView::CategoryPage {
                        category,
                        number,
                        total,
                        entries: routes::paged(&pages, number, per_page).to_vec(),
                        menu: menu.clone(),
                        statistics,
                        languages: if number == 1 && category.kind == Kind::Material {
                            by_language(&pages)
                        } else {
                            Vec::new()
                        },
                    },
                ));
            }
            jobs.push(Job::file(
                routes::first_page_alias(&routes::category(category)),
                HtmlView::FirstPageRedirect { category },
            ));
            for (i, page) in pages.iter().enumerate() {
                let newer = pages[..i].iter().rev().find(|o| o.is_published()).copied();
                let older = pages[i + 1..].iter().find(|o| o.is_published()).copied();
                jobs.push(Job::page(
                    &page.entry().path(),
                    HtmlView::Entry {
                        page: Full(page.page()),
                        newer,
                        older,
                    },
                ));
            }
        }
        Ok(jobs)
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        view: &HtmlView<'_>,
        _paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        let (template, ctx) = context_for(cx, view);
        Ok(vec![cx.page(template, &ctx)?])
    }
}

/// The home page: the newest published entries of every category,
/// required categories first (2.1–2.7), then the general ones that have
/// entries.
fn home<'p>(p: &'p Prepared<'p>) -> HtmlView<'p> {
    let n = p.config.home_entries_per_category;
    let mut order: Vec<&'static Category> = p.categories().iter().collect();
    order.sort_by_key(|c| (!c.required, c.index()));
    let sections = order
        .into_iter()
        .filter_map(|c| {
            let entries: Vec<Listed<'p>> = p
                .in_category(c)
                .into_iter()
                .filter(|pg| pg.is_published())
                .take(n)
                .map(Listed::new)
                .collect();
            (c.required || !entries.is_empty()).then_some((c, entries))
        })
        .collect();
    HtmlView::Home { sections }
}

fn context_for(cx: &Common<'_>, view: &HtmlView<'_>) -> (&'static str, Context) {
    let p = cx;
    match view {
        HtmlView::Home { sections } => {
            let page = p.page_view(
                "home",
                p.config.title.clone(),
                "",
                p.config
                    .description
                    .clone()
                    .unwrap_or_else(|| format!("{} {}", p.t("section_of"), p.config.agency.name)),
            );
            let mut ctx = p.base_context(page);
            let sections: Vec<HomeSection<'_>> = sections
                .iter()
                .map(|(c, entries)| HomeSection {
                    category: p.category_view(c),
                    entries: entries.iter().map(|e| p.list_value(*e)).collect(),
                })
                .collect();
            ctx.insert("sections", &sections);
            ctx.insert(
                "intro_html",
                &p.home_intro.as_ref().map(|i| i.html.as_str()),
            );
            ("home.html", ctx)
        }
        HtmlView::NotFound => {
            let mut page = p.page_view(
                "404",
                p.t("not_found_title"),
                routes::NOT_FOUND_FILE,
                p.t("not_found_text"),
            );
            page.noindex = true;
            ("404.html", p.base_context(page))
        }
        HtmlView::CategoryPage {
            category,
            number,
            total,
            entries,
            menu,
            statistics,
            languages,
        } => {
            let path = routes::category_page(category, *number);
            let cv = p.category_view(category);
            let mut title = cv.label.to_string();
            if *number > 1 {
                title = format!("{title} – {} {number}", p.t("page"));
            }
            let description = cv
                .description
                .map(str::to_string)
                .unwrap_or_else(|| cv.label.to_string());
            let mut page = p.page_view("category", title, &path, description);
            page.section = Some(category.key);
            let mut ctx = p.base_context(page);
            let entries: Vec<Value> = entries.iter().map(|e| p.list_value(*e)).collect();
            let pagination = Pagination::new(*number, *total, |n| {
                p.url(&routes::category_page(category, n))
            });
            ctx.insert("category", &cv);
            ctx.insert_value("entries", Value::from(entries));
            ctx.insert("pagination", &pagination);
            ctx.insert("filter", &None::<()>);
            ctx.insert("filters", &menu.as_deref());
            ctx.insert("statistics", &statistics.as_deref());
            let languages: Vec<LanguageView<'_>> = languages
                .iter()
                .map(|g| LanguageView {
                    lang: g.lang,
                    language: g.language,
                    entries: g.entries.iter().map(|e| p.list_value(*e)).collect(),
                })
                .collect();
            ctx.insert("languages", &languages);
            ("category.html", ctx)
        }
        HtmlView::FirstPageRedirect { category } => {
            let target = routes::category_page(category, 1);
            let mut page = p.page_view(
                "redirect",
                p.category_view(category).label.to_string(),
                &target,
                String::new(),
            );
            page.noindex = true;
            let mut ctx = p.base_context(page);
            ctx.insert("target", &p.permalink(&target));
            ("redirect.html", ctx)
        }
        HtmlView::Entry { page, newer, older } => {
            let e = page.entry;
            let mut pv = p.page_view(
                "entry",
                e.title.clone(),
                &e.path(),
                page.summary.to_string(),
            );
            pv.noindex = !page.is_published();
            pv.section = Some(e.category.key);
            let mut ctx = p.base_context(pv);
            ctx.insert_value("entry", p.full_value(*page));
            ctx.insert("category", &p.category_view(e.category));
            let neighbour = |o: Option<Listed<'_>>| o.map_or_else(Value::none, |o| p.list_value(o));
            ctx.insert_value("newer", neighbour(*newer));
            ctx.insert_value("older", neighbour(*older));
            ("entry.html", ctx)
        }
    }
}
