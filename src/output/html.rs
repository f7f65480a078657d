//! The HTML pages: home, category lists (paginated), entries, 404.

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::category::{Category, Kind};
use crate::error::Error;
use crate::fingerprint::Fingerprint;
use crate::render::context::EntryView;
use crate::render::{Page, Prepared};

use super::{RenderContext, Renderer, Sink, filters, minify, statistics, write_unless_kept};

/// Renders every HTML page.
pub struct HtmlPages;

/// One page to render.
enum Job<'p, 'a> {
    Home,
    CategoryPage {
        category: &'static Category,
        number: usize,
        total: usize,
        pages: Vec<&'p Page<'a>>,
    },
    FirstPageRedirect {
        category: &'static Category,
    },
    Entry {
        page: &'p Page<'a>,
        /// The published entries just before and after it in its category
        /// (newer, older): an edit changes at most its neighbours' pages,
        /// not every page of the category.
        newer: Option<&'p Page<'a>>,
        older: Option<&'p Page<'a>>,
    },
    NotFound,
}

/// `pagination` in templates.
#[derive(Debug, Serialize)]
pub struct Pagination {
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

impl Pagination {
    /// Page `current` of `total`; `url_of(n)` is the address of page `n`.
    pub fn new(current: usize, total: usize, url_of: impl Fn(usize) -> String) -> Self {
        Self {
            current,
            total,
            previous: (current > 1).then(|| url_of(current - 1)),
            next: (current < total).then(|| url_of(current + 1)),
            pages: (1..=total)
                .map(|n| PageLink {
                    number: n,
                    url: url_of(n),
                    current: n == current,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize)]
struct PageLink {
    number: usize,
    url: String,
    current: bool,
}

/// A home-page block: a category and its newest entries.
#[derive(Debug, Serialize)]
struct HomeSection<'v> {
    category: crate::render::context::CategoryView<'v>,
    entries: Vec<EntryView<'v>>,
}

/// Site-relative path of page `n` of a category (1 is the category itself).
pub fn category_page_path(category: &Category, n: usize) -> String {
    if n <= 1 {
        format!("{}/", category.key)
    } else {
        format!("{}/page/{n}/", category.key)
    }
}

impl Renderer for HtmlPages {
    fn name(&self) -> &'static str {
        "html"
    }

    fn makes_pages(&self) -> bool {
        true
    }

    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error> {
        let p = cx.prepared;
        let per_page = p.site.config.entries_per_page.max(1);
        let mut jobs = vec![Job::Home, Job::NotFound];
        for category in p.categories() {
            let pages = p.in_category(category);
            let total = pages.len().div_ceil(per_page).max(1);
            for number in 1..=total {
                let chunk = pages
                    .iter()
                    .skip((number - 1) * per_page)
                    .take(per_page)
                    .copied()
                    .collect();
                jobs.push(Job::CategoryPage {
                    category,
                    number,
                    total,
                    pages: chunk,
                });
            }
            jobs.push(Job::FirstPageRedirect { category });
            for (i, page) in pages.iter().enumerate() {
                let newer = pages[..i].iter().rev().find(|o| o.is_published()).copied();
                let older = pages[i + 1..].iter().find(|o| o.is_published()).copied();
                jobs.push(Job::Entry { page, newer, older });
            }
        }
        let inputs = Inputs::new(cx)?;
        jobs.par_iter().try_for_each(|job| {
            let path = job.path();
            if !out.wants(&path) {
                return Ok(());
            }
            let key = fingerprint(p, &inputs, job);
            write_unless_kept(out, &path, key, || {
                let (_, template, ctx) = context_for(p, &inputs, job);
                Ok(minify::html(&cx.theme.render(template, &ctx)?))
            })
        })
    }
}

/// Fingerprints shared by many pages.
struct Inputs {
    /// Everything every page shows (configuration, theme, strings…).
    site: u64,
    /// The filter menu of each category, by category key: the category
    /// page shows it (with the number of entries of each filter).
    menus: std::collections::HashMap<&'static str, u64>,
    /// The statistics shown on the statistics category page, computed from
    /// the whole site, and their fingerprint.
    statistics: (Arc<statistics::Statistics>, u64),
}

impl Inputs {
    fn new(cx: &RenderContext<'_>) -> Result<Self, Error> {
        let p = cx.prepared;
        let statistics = statistics::computed(cx)?;
        let key = crate::fingerprint::of(serde_json::to_vec(&*statistics).unwrap_or_default());
        Ok(Self {
            site: cx.page_fingerprint(),
            menus: p
                .categories()
                .iter()
                .map(|c| (c.key, filters::menu_fingerprint(p, c)))
                .collect(),
            statistics: (statistics, key),
        })
    }
}

impl Job<'_, '_> {
    /// The site-relative path of the page.
    fn path(&self) -> String {
        match self {
            Job::Entry { page, .. } => format!("{}index.html", page.entry.path()),
            Job::CategoryPage {
                category, number, ..
            } => format!("{}index.html", category_page_path(category, *number)),
            Job::Home => "index.html".to_string(),
            Job::NotFound => "404.html".to_string(),
            Job::FirstPageRedirect { category } => format!("{}/page/1/index.html", category.key),
        }
    }
}

/// The input fingerprint of a page, so it is skipped when nothing it shows
/// changed: the site-wide fingerprint plus that of every entry the page
/// shows or counts.
fn fingerprint(p: &Prepared<'_>, inputs: &Inputs, job: &Job<'_, '_>) -> u64 {
    let site = inputs.site;
    // Lists show their entries without the body.
    let pages = |f: Fingerprint, pages: &[&Page<'_>]| {
        pages.iter().fold(f.number(pages.len() as u64), |f, pg| {
            f.number(pg.list_fingerprint)
        })
    };
    match job {
        Job::Entry { page, newer, older } => {
            let f = Fingerprint::new()
                .number(site)
                .bytes("entry")
                .number(page.fingerprint);
            let neighbour = |f: Fingerprint, o: &Option<&Page<'_>>| match o {
                Some(o) => f.number(1).number(o.list_fingerprint),
                None => f.number(0),
            };
            neighbour(neighbour(f, newer), older).finish()
        }
        Job::CategoryPage {
            category,
            number,
            total,
            pages: list,
        } => {
            let mut f = Fingerprint::new()
                .number(site)
                .bytes("category")
                .bytes(category.key)
                .number(*number as u64)
                .number(*total as u64)
                .number(inputs.menus.get(category.key).copied().unwrap_or(0));
            if *number == 1 && category.kind == Kind::Statistics {
                f = f.number(inputs.statistics.1);
            }
            pages(f, list).finish()
        }
        Job::Home => {
            // The newest entries of every category (see `context_for`).
            let n = p.site.config.home_entries_per_category;
            let f = p.categories().iter().fold(
                Fingerprint::new().number(site).bytes("home"),
                |f, c| {
                    let newest: Vec<&Page<'_>> = p
                        .in_category(c)
                        .into_iter()
                        .filter(|pg| pg.is_published())
                        .take(n)
                        .collect();
                    pages(f.bytes(c.key), &newest)
                },
            );
            f.finish()
        }
        Job::NotFound => Fingerprint::new().number(site).bytes("404").finish(),
        Job::FirstPageRedirect { category } => Fingerprint::new()
            .number(site)
            .bytes("redirect")
            .bytes(category.key)
            .finish(),
    }
}

fn t(p: &Prepared<'_>, key: &str) -> String {
    p.strings.get(key).cloned().unwrap_or_default()
}

fn context_for(
    p: &Prepared<'_>,
    inputs: &Inputs,
    job: &Job<'_, '_>,
) -> (String, &'static str, Context) {
    match job {
        Job::Home => {
            let page = p.page_view(
                "home",
                p.site.config.title.clone(),
                "",
                p.site.config.description.clone().unwrap_or_else(|| {
                    format!("{} {}", t(p, "section_of"), p.site.config.agency.name)
                }),
            );
            let mut ctx = p.base_context(page);
            let n = p.site.config.home_entries_per_category;
            let mut order: Vec<&Category> = p.categories().iter().collect();
            // Required categories first (2.1–2.7), then the general ones.
            order.sort_by_key(|c| (!c.required, c.index()));
            let sections: Vec<HomeSection<'_>> = order
                .into_iter()
                .filter_map(|c| {
                    let entries: Vec<EntryView<'_>> = p
                        .in_category(c)
                        .into_iter()
                        .filter(|pg| pg.is_published())
                        .take(n)
                        .map(|pg| p.entry_view(pg, false))
                        .collect();
                    (c.required || !entries.is_empty()).then(|| HomeSection {
                        category: p.category_view(c),
                        entries,
                    })
                })
                .collect();
            ctx.insert("sections", &sections);
            ctx.insert(
                "intro_html",
                &p.home_intro.as_ref().map(|i| i.html.as_str()),
            );
            ("index.html".into(), "home.html", ctx)
        }
        Job::NotFound => {
            let mut page = p.page_view(
                "404",
                t(p, "not_found_title"),
                "404.html",
                t(p, "not_found_text"),
            );
            page.noindex = true;
            ("404.html".into(), "404.html", p.base_context(page))
        }
        Job::CategoryPage {
            category,
            number,
            total,
            pages,
        } => {
            let path = category_page_path(category, *number);
            let cv = p.category_view(category);
            let mut title = cv.label.to_string();
            if *number > 1 {
                title = format!("{title} – {} {number}", t(p, "page"));
            }
            let description = cv
                .description
                .map(str::to_string)
                .unwrap_or_else(|| cv.label.to_string());
            let mut page = p.page_view("category", title, &path, description);
            page.section = Some(category.key);
            let mut ctx = p.base_context(page);
            let entries: Vec<EntryView<'_>> =
                pages.iter().map(|pg| p.entry_view(pg, false)).collect();
            let pagination =
                Pagination::new(*number, *total, |n| p.url(&category_page_path(category, n)));
            ctx.insert("category", &cv);
            ctx.insert("entries", &entries);
            ctx.insert("pagination", &pagination);
            ctx.insert("filter", &None::<()>);
            ctx.insert("filters", &filters::menu(p, category, None));
            let stats =
                (*number == 1 && category.kind == Kind::Statistics).then(|| &*inputs.statistics.0);
            ctx.insert("statistics", &stats);
            (format!("{path}index.html"), "category.html", ctx)
        }
        Job::FirstPageRedirect { category } => {
            let target = category_page_path(category, 1);
            let mut page = p.page_view(
                "redirect",
                p.category_view(category).label.to_string(),
                &target,
                String::new(),
            );
            page.noindex = true;
            let mut ctx = p.base_context(page);
            ctx.insert("target", &p.permalink(&target));
            (
                format!("{}/page/1/index.html", category.key),
                "redirect.html",
                ctx,
            )
        }
        Job::Entry { page, newer, older } => {
            let e = page.entry;
            let mut pv = p.page_view("entry", e.title.clone(), &e.path(), page.summary.clone());
            pv.noindex = !page.is_published();
            pv.section = Some(e.category.key);
            let mut ctx = p.base_context(pv);
            ctx.insert("entry", &p.entry_view(page, true));
            ctx.insert("category", &p.category_view(e.category));
            ctx.insert("newer", &newer.map(|o| p.entry_view(o, false)));
            ctx.insert("older", &older.map(|o| p.entry_view(o, false)));
            (format!("{}index.html", e.path()), "entry.html", ctx)
        }
    }
}
