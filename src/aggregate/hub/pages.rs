//! The hub's HTML pages, rendered with the section theme (`base.html`, the
//! banner, navigation, footer, CSS) and the hub templates
//! (`themes/default/templates/hub/`), plus `sitemap.xml` and `robots.txt`.

use rayon::prelude::*;
use tera::Context;

use crate::category::{CATEGORIES, Category};
use crate::config::Province;
use crate::error::Error;
use crate::output::Sink;
use crate::output::html::Pagination;
use crate::output::minify;
use crate::output::search::{BrowseGroup, BrowseLink, SEARCH_PATH, client_file, filter_views};
use crate::render::templates::Theme;
use crate::routes::{self, category_page as category_path, index_file};
use crate::search::Manifest;

use super::Hub;
use super::views::{AGENCIES_PATH, AgencyView, CategoryView, STATUS_PATH, Section, Views};

/// One page to render.
enum Job {
    Home,
    NotFound,
    Search,
    Status,
    Agencies,
    Agency(usize),
    Category {
        category: &'static Category,
        number: usize,
        total: usize,
        start: usize,
    },
}

/// Writes every page, the search index, and `robots.txt`.
pub fn write(hub: &Hub<'_>, theme: &Theme, out: &dyn Sink) -> Result<(), Error> {
    let c = &hub.input.config.hub;
    let v = Views {
        hub,
        lang: c.language,
        province: Province {
            name: c.title.clone(),
            url: c.base_url.clone(),
            justice_url: None,
        },
    };
    let agencies: Vec<AgencyView<'_>> =
        (0..hub.input.agencies.len()).map(|i| v.agency(i)).collect();
    let per_page = c.entries_per_page.max(1);
    let mut jobs = vec![
        Job::Home,
        Job::NotFound,
        Job::Search,
        Job::Status,
        Job::Agencies,
    ];
    jobs.extend((0..hub.input.agencies.len()).map(Job::Agency));
    for category in CATEGORIES.iter() {
        let count = v.count(category, None);
        let total = routes::page_count(count, per_page);
        for number in 1..=total {
            jobs.push(Job::Category {
                category,
                number,
                total,
                start: (number - 1) * per_page,
            });
        }
    }
    let manifest = super::search::write(&v, out)?;
    jobs.par_iter().try_for_each(|job| {
        let (path, template, ctx) = context(&v, &agencies, &manifest, job);
        let html = theme.render(template, &ctx)?;
        out.write(&path, &minify::html(&html))
    })?;
    let report = super::report::write(&v, theme, &agencies, out)?;
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        hub.permalink("sitemap.xml")
    );
    out.write("robots.txt", robots.as_bytes())?;
    sitemap(&v, &jobs, report, out)
}

fn context<'h>(
    v: &Views<'h, '_>,
    agencies: &[AgencyView<'h>],
    manifest: &Manifest,
    job: &Job,
) -> (String, &'static str, Context) {
    let hub = v.hub;
    let c = &hub.input.config.hub;
    let n = c.entries_per_category;
    match job {
        Job::Home => {
            let page = v.page(
                "home",
                c.title.clone(),
                "",
                c.description.clone().unwrap_or_else(|| c.title.clone()),
            );
            let mut ctx = v.base(page, None);
            let mut order: Vec<&'static Category> = CATEGORIES.iter().collect();
            order.sort_by_key(|cat| (!cat.required, cat.index()));
            let sections: Vec<Section<'_>> = order
                .into_iter()
                .filter_map(|cat| {
                    let count = v.count(cat, None);
                    (cat.required || count > 0).then(|| Section {
                        category: v.category(cat),
                        entries: v.entries(cat, None, 0, n),
                        count,
                        more_url: hub.url(&routes::category(cat)),
                    })
                })
                .collect();
            ctx.insert("sections", &sections);
            ctx.insert("agencies", agencies);
            ctx.insert("summary", &v.summary(agencies));
            ctx.insert("status_url", &hub.url(STATUS_PATH));
            ctx.insert("agencies_url", &hub.url(AGENCIES_PATH));
            ctx.insert("report_url", &hub.url(routes::REPORT_PATH));
            (index_file(""), "hub/home.html", ctx)
        }
        Job::NotFound => {
            let mut page = v.page(
                "404",
                hub.t("not_found_title"),
                routes::NOT_FOUND_FILE,
                hub.t("not_found_text"),
            );
            page.noindex = true;
            (
                routes::NOT_FOUND_FILE.into(),
                "404.html",
                v.base(page, None),
            )
        }
        Job::Search => {
            let title = hub.t("search");
            let mut page = v.page("search", title.clone(), SEARCH_PATH, title);
            page.noindex = true;
            let mut ctx = v.base(page, None);
            // Without JavaScript: the hub's lists, each category's and
            // each agency's (whose page leads on to its own section).
            let mut browse: Vec<BrowseGroup> = CATEGORIES
                .iter()
                .filter(|c| v.count(c, None) > 0)
                .map(|c| BrowseGroup {
                    label: c.label(v.lang).to_string(),
                    url: hub.url(&category_path(c, 1)),
                    links: Vec::new(),
                })
                .collect();
            browse.push(BrowseGroup {
                label: hub.t("hub_agencies"),
                url: hub.url(AGENCIES_PATH),
                links: agencies
                    .iter()
                    .filter(|a| a.total > 0)
                    .map(|a| BrowseLink {
                        label: a.name.to_string(),
                        url: a.url.clone(),
                    })
                    .collect(),
            });
            ctx.insert("search_index", &manifest.to_script_json());
            ctx.insert("search_client", &hub.url(&client_file().path));
            ctx.insert("search_filters", &filter_views(manifest, |k| hub.t(k)));
            ctx.insert("search_browse", &browse);
            (index_file(SEARCH_PATH), "search.html", ctx)
        }
        Job::Status => {
            let page = v.page(
                "status",
                hub.t("hub_status"),
                STATUS_PATH,
                hub.t("hub_status_intro"),
            );
            let mut ctx = v.base(page, Some(STATUS_PATH));
            let required: Vec<CategoryView> = CATEGORIES
                .iter()
                .filter(|cat| cat.required)
                .map(|cat| v.category(cat))
                .collect();
            ctx.insert("agencies", agencies);
            ctx.insert("required", &required);
            ctx.insert("summary", &v.summary(agencies));
            ctx.insert("report_url", &hub.url(routes::REPORT_PATH));
            (index_file(STATUS_PATH), "hub/status.html", ctx)
        }
        Job::Agencies => {
            let page = v.page(
                "agencies",
                hub.t("hub_agencies"),
                AGENCIES_PATH,
                hub.t("hub_agencies"),
            );
            let mut ctx = v.base(page, Some(AGENCIES_PATH));
            ctx.insert("agencies", agencies);
            ctx.insert("status_url", &hub.url(STATUS_PATH));
            (index_file(AGENCIES_PATH), "hub/agencies.html", ctx)
        }
        Job::Agency(index) => {
            let a = &agencies[*index];
            let path = v.agency_path(*index);
            let page = v.page("agency", a.name.to_string(), &path, a.name.to_string());
            let mut ctx = v.base(page, None);
            let sections: Vec<Section<'_>> = CATEGORIES
                .iter()
                .filter_map(|cat| {
                    let count = v.count(cat, Some(*index));
                    (count > 0).then(|| Section {
                        category: v.category(cat),
                        entries: v.entries(cat, Some(*index), 0, n),
                        count,
                        more_url: a
                            .section_url
                            .map(|u| format!("{u}{}", routes::category(cat)))
                            .unwrap_or_default(),
                    })
                })
                .collect();
            ctx.insert("agency", a);
            ctx.insert("sections", &sections);
            ctx.insert("status_url", &hub.url(STATUS_PATH));
            ctx.insert("agencies_url", &hub.url(AGENCIES_PATH));
            (index_file(&path), "hub/agency.html", ctx)
        }
        Job::Category {
            category,
            number,
            total,
            start,
        } => {
            let path = category_path(category, *number);
            let cv = v.category(category);
            let mut title = cv.label.to_string();
            if *number > 1 {
                title = format!("{title} – {} {number}", hub.t("page"));
            }
            let mut page = v.page("category", title, &path, cv.label.to_string());
            page.section = Some(category.key);
            let mut ctx = v.base(page, None);
            let per_page = c.entries_per_page.max(1);
            let entries = v.entries(category, None, *start, per_page);
            let pagination =
                Pagination::new(*number, *total, |n| hub.url(&category_path(category, n)));
            ctx.insert("category", &cv);
            ctx.insert("entries", &entries);
            ctx.insert("pagination", &pagination);
            (index_file(&path), "hub/category.html", ctx)
        }
    }
}

fn sitemap(
    v: &Views<'_, '_>,
    jobs: &[Job],
    report: Vec<String>,
    out: &dyn Sink,
) -> Result<(), Error> {
    let hub = v.hub;
    let mut paths: Vec<String> = jobs
        .iter()
        .filter_map(|job| match job {
            Job::Home => Some(String::new()),
            Job::Status => Some(STATUS_PATH.to_string()),
            Job::Agencies => Some(AGENCIES_PATH.to_string()),
            Job::Agency(i) => Some(v.agency_path(*i)),
            Job::Category {
                category, number, ..
            } => Some(category_path(category, *number)),
            Job::NotFound | Job::Search => None,
        })
        .chain(report)
        .collect();
    paths.sort();
    let write = || -> std::io::Result<Vec<u8>> {
        let mut x = crate::output::feeds::xml::Xml::new()?;
        x.open(
            "urlset",
            &[("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")],
        )?;
        for p in &paths {
            x.open("url", &[])?;
            x.leaf("loc", &[], &hub.permalink(p))?;
            x.close("url")?;
        }
        x.close("urlset")?;
        Ok(x.finish())
    };
    let bytes = write().map_err(Error::io("sitemap.xml"))?;
    out.write("sitemap.xml", &bytes)
}
