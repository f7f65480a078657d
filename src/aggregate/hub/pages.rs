//! The hub's HTML pages, rendered with the section theme (`base.html`, the
//! banner, navigation, footer, CSS) and the hub templates
//! (`themes/default/templates/hub/`).

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::category::{CATEGORIES, Category};
use crate::config::{NATIONAL_LINKS, Province};
use crate::error::Error;
use crate::i18n::Lang;
use crate::output::Sink;
use crate::output::html::Pagination;
use crate::output::minify;
use crate::output::search::{INDEX_PATH, SEARCH_PATH};
use crate::render::context::{LinkView, NavItem, PageView, SiteView};
use crate::render::templates::Theme;
use crate::text::fold;

use super::{Hub, HubItem, UndatedEntry};
use crate::aggregate::poll::{FailureKind, dated_ids};

/// Where the agency pages are (`co-quan/<id>/`).
pub const AGENCIES_PATH: &str = "co-quan/";
/// Where the status page is.
pub const STATUS_PATH: &str = "tinh-trang/";

/// A date and time for templates.
#[derive(Debug, Serialize)]
struct TimeView {
    /// For `<time datetime>`.
    machine: String,
    /// `dd/mm/yyyy`.
    dmy: String,
    /// `HH:MM` (Vietnam time).
    hm: String,
}

fn time_view(text: Option<&str>) -> Option<TimeView> {
    let t = chrono::DateTime::parse_from_rfc3339(text?).ok()?;
    let t = t.with_timezone(&crate::date::vietnam_offset());
    Some(TimeView {
        machine: t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        dmy: t.format("%d/%m/%Y").to_string(),
        hm: t.format("%H:%M").to_string(),
    })
}

/// An entry in a hub list.
#[derive(Debug, Serialize)]
struct ItemView<'a> {
    title: &'a str,
    url: &'a str,
    summary: &'a str,
    date: Option<TimeView>,
    number: Option<&'a str>,
    agency: &'a str,
    agency_url: String,
    category_label: &'static str,
    category_url: String,
}

/// A category (heading of a list).
#[derive(Debug, Serialize)]
struct CategoryView {
    key: &'static str,
    label: &'static str,
    url: String,
    clause: Option<&'static str>,
    required: bool,
}

/// A count of one required category for one agency.
#[derive(Debug, Serialize)]
struct CountView {
    clause: &'static str,
    label: &'static str,
    count: usize,
    zero: bool,
}

/// An agency's status.
#[derive(Debug, Serialize)]
struct AgencyView<'a> {
    id: &'a str,
    name: &'a str,
    url: String,
    section_url: Option<&'a str>,
    ok: bool,
    has_copy: bool,
    failure: Option<&'static str>,
    failure_detail: Option<&'a str>,
    failing_since: Option<TimeView>,
    last_success: Option<TimeView>,
    last_change: Option<TimeView>,
    counts: Vec<CountView>,
    total: usize,
    missing: Vec<&'static str>,
    banner_elsewhere: Option<&'a str>,
    not_in_feeds: usize,
}

/// A block of newest entries of one category.
#[derive(Debug, Serialize)]
struct Section<'a> {
    category: CategoryView,
    entries: Vec<ItemView<'a>>,
    count: usize,
    more_url: String,
}

/// The summary shown on the home and status pages.
#[derive(Debug, Serialize)]
struct Summary<'a> {
    agencies: usize,
    failed: Vec<&'a str>,
    missing: Vec<&'a str>,
    entries: usize,
    now: Option<TimeView>,
}

/// An extra navigation link (agencies, status).
#[derive(Debug, Serialize)]
struct ExtraNav {
    label: String,
    url: String,
    current: bool,
}

fn category_path(c: &Category, n: usize) -> String {
    if n <= 1 {
        format!("{}/", c.key)
    } else {
        format!("{}/page/{n}/", c.key)
    }
}

fn failure_key(kind: FailureKind) -> &'static str {
    match kind {
        FailureKind::Unreachable => "hub_failure_unreachable",
        FailureKind::Timeout => "hub_failure_timeout",
        FailureKind::Invalid => "hub_failure_invalid",
        FailureKind::Conflict => "hub_failure_conflict",
    }
}

fn same_address(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        crate::config::normalize_base_url(s)
            .unwrap_or_else(|_| s.to_string())
            .to_ascii_lowercase()
    };
    norm(a) == norm(b)
}

struct Views<'h, 'a> {
    hub: &'h Hub<'a>,
    lang: Lang,
    province: Province,
}

impl<'h, 'a> Views<'h, 'a> {
    fn category(&self, c: &'static Category) -> CategoryView {
        CategoryView {
            key: c.key,
            label: c.label(self.lang),
            url: self.hub.url(&format!("{}/", c.key)),
            clause: c.clause,
            required: c.required,
        }
    }

    fn agency_path(&self, index: usize) -> String {
        format!(
            "{AGENCIES_PATH}{}/",
            self.hub.input.agencies[index].source.id
        )
    }

    fn item(&self, i: &'h HubItem<'a>) -> ItemView<'h> {
        ItemView {
            title: i.title,
            url: i.url,
            summary: i.summary,
            date: time_view(i.text("date_published")),
            number: i.number(),
            agency: &self.hub.input.agencies[i.agency].source.name,
            agency_url: self.hub.url(&self.agency_path(i.agency)),
            category_label: i.category.label(self.lang),
            category_url: self.hub.url(&format!("{}/", i.category.key)),
        }
    }

    fn undated(&self, u: &'h UndatedEntry<'a>) -> ItemView<'h> {
        let name = &self.hub.input.agencies[u.agency].source.name;
        ItemView {
            title: name,
            url: u.url,
            summary: "",
            date: None,
            number: None,
            agency: name,
            agency_url: self.hub.url(&self.agency_path(u.agency)),
            category_label: u.category.label(self.lang),
            category_url: self.hub.url(&format!("{}/", u.category.key)),
        }
    }

    /// Entries of a category (dated ones newest first, undated ones by
    /// agency), of one agency or all: `take` of them after `skip`.
    fn entries(
        &self,
        c: &Category,
        agency: Option<usize>,
        skip: usize,
        take: usize,
    ) -> Vec<ItemView<'h>> {
        let mine = |a: usize| agency.is_none_or(|x| x == a);
        if c.dated {
            self.hub
                .items
                .iter()
                .filter(|i| i.category.key == c.key && mine(i.agency))
                .skip(skip)
                .take(take)
                .map(|i| self.item(i))
                .collect()
        } else {
            self.hub
                .undated
                .iter()
                .filter(|u| u.category.key == c.key && mine(u.agency))
                .skip(skip)
                .take(take)
                .map(|u| self.undated(u))
                .collect()
        }
    }

    /// How many entries a category has (of one agency or all).
    fn count(&self, c: &Category, agency: Option<usize>) -> usize {
        let mine = |a: usize| agency.is_none_or(|x| x == a);
        if c.dated {
            self.hub
                .items
                .iter()
                .filter(|i| i.category.key == c.key && mine(i.agency))
                .count()
        } else {
            self.hub
                .undated
                .iter()
                .filter(|u| u.category.key == c.key && mine(u.agency))
                .count()
        }
    }

    fn agency(&self, index: usize) -> AgencyView<'h> {
        let a = &self.hub.input.agencies[index];
        let records = a.copy.map(|c| c.snapshot.entries.as_slice()).unwrap_or(&[]);
        let counts: Vec<CountView> = CATEGORIES
            .iter()
            .filter(|c| c.required)
            .map(|c| {
                let count = records.iter().filter(|r| r.category == c.key).count();
                CountView {
                    clause: c.clause.unwrap_or_default(),
                    label: c.label(self.lang),
                    count,
                    zero: count == 0,
                }
            })
            .collect();
        let not_in_feeds = a
            .copy
            .map(|c| {
                c.snapshot
                    .entries
                    .iter()
                    .filter(|r| dated_ids(&c.snapshot).contains(r.id.as_str()))
                    .filter(|r| c.item(&r.id, &r.sha256).is_none())
                    .count()
            })
            .unwrap_or(0);
        let banner = a.copy.map(|c| c.snapshot.site.province.url.as_str());
        AgencyView {
            id: &a.source.id,
            name: &a.source.name,
            url: self.hub.url(&self.agency_path(index)),
            section_url: a.copy.map(|c| c.snapshot.site.base_url.as_str()),
            ok: a.failure.is_none(),
            has_copy: a.copy.is_some(),
            failure: a.failure.as_ref().map(|(k, _)| failure_key(*k)),
            failure_detail: a.failure.as_ref().map(|(_, m)| m.as_str()),
            failing_since: time_view(a.failing_since.as_deref()),
            last_success: time_view(a.last_success.as_deref()),
            last_change: time_view(a.last_change.as_deref()),
            missing: if a.copy.is_some() {
                counts.iter().filter(|c| c.zero).map(|c| c.clause).collect()
            } else {
                Vec::new()
            },
            counts,
            total: records.len(),
            banner_elsewhere: banner
                .filter(|b| !same_address(b, &self.hub.input.config.hub.base_url)),
            not_in_feeds,
        }
    }

    fn summary(&self, agencies: &[AgencyView<'h>]) -> Summary<'h> {
        Summary {
            agencies: agencies.len(),
            failed: agencies.iter().filter(|a| !a.ok).map(|a| a.name).collect(),
            missing: agencies
                .iter()
                .filter(|a| !a.missing.is_empty())
                .map(|a| a.name)
                .collect(),
            entries: agencies.iter().map(|a| a.total).sum(),
            now: time_view(Some(&self.hub.input.now.rfc3339())),
        }
    }

    fn base(&self, page: PageView, current: Option<&str>) -> Context {
        let hub = self.hub;
        let c = &hub.input.config.hub;
        let site = SiteView {
            title: &c.title,
            description: c.description.as_deref(),
            base_url: &c.base_url,
            base_path: &hub.base_path,
            lang: self.lang.code(),
            agency: &c.agency,
            province: &self.province,
            national_links: NATIONAL_LINKS
                .iter()
                .map(|(_, _, vi, en, url)| LinkView {
                    name: match self.lang {
                        Lang::Vi => (*vi).to_string(),
                        Lang::En => (*en).to_string(),
                    },
                    url: (*url).to_string(),
                })
                .collect(),
            stylesheet: hub.url(crate::output::assets::STYLESHEET_PATH),
            generator: format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
        };
        let nav: Vec<NavItem> = CATEGORIES
            .iter()
            .map(|cat| NavItem {
                key: cat.key,
                label: cat.label(self.lang),
                url: hub.url(&format!("{}/", cat.key)),
                clause: cat.clause,
                required: cat.required,
            })
            .collect();
        let extra = [(AGENCIES_PATH, "hub_agencies"), (STATUS_PATH, "hub_status")]
            .iter()
            .map(|(path, key)| ExtraNav {
                label: hub.t(key),
                url: hub.url(path),
                current: current == Some(*path),
            })
            .collect::<Vec<_>>();
        let mut ctx = Context::new();
        ctx.insert("site", &site);
        ctx.insert("t", &hub.strings);
        ctx.insert("nav", &nav);
        ctx.insert("extra_nav", &extra);
        ctx.insert("page", &page);
        ctx
    }

    fn page(&self, kind: &'static str, title: String, path: &str, description: String) -> PageView {
        PageView {
            kind,
            title,
            url: self.hub.url(path),
            canonical: self.hub.permalink(path),
            description,
            noindex: false,
            section: None,
        }
    }
}

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
        let total = count.div_ceil(per_page).max(1);
        for number in 1..=total {
            jobs.push(Job::Category {
                category,
                number,
                total,
                start: (number - 1) * per_page,
            });
        }
    }
    jobs.par_iter().try_for_each(|job| {
        let (path, template, ctx) = context(&v, &agencies, job);
        let html = theme.render(template, &ctx)?;
        out.write(&path, &minify::html(&html))
    })?;
    search_index(&v, out)?;
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        hub.permalink("sitemap.xml")
    );
    out.write("robots.txt", robots.as_bytes())?;
    sitemap(&v, &jobs, out)
}

fn context<'h>(
    v: &Views<'h, '_>,
    agencies: &[AgencyView<'h>],
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
                        more_url: hub.url(&format!("{}/", cat.key)),
                    })
                })
                .collect();
            ctx.insert("sections", &sections);
            ctx.insert("agencies", agencies);
            ctx.insert("summary", &v.summary(agencies));
            ctx.insert("status_url", &hub.url(STATUS_PATH));
            ctx.insert("agencies_url", &hub.url(AGENCIES_PATH));
            ("index.html".into(), "hub/home.html", ctx)
        }
        Job::NotFound => {
            let mut page = v.page(
                "404",
                hub.t("not_found_title"),
                "404.html",
                hub.t("not_found_text"),
            );
            page.noindex = true;
            ("404.html".into(), "404.html", v.base(page, None))
        }
        Job::Search => {
            let title = hub.t("search");
            let mut page = v.page("search", title.clone(), SEARCH_PATH, title);
            page.noindex = true;
            let mut ctx = v.base(page, None);
            ctx.insert("index_url", &hub.url(INDEX_PATH));
            (format!("{SEARCH_PATH}index.html"), "search.html", ctx)
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
            (format!("{STATUS_PATH}index.html"), "hub/status.html", ctx)
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
            (
                format!("{AGENCIES_PATH}index.html"),
                "hub/agencies.html",
                ctx,
            )
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
                            .map(|u| format!("{u}{}/", cat.key))
                            .unwrap_or_default(),
                    })
                })
                .collect();
            ctx.insert("agency", a);
            ctx.insert("sections", &sections);
            ctx.insert("status_url", &hub.url(STATUS_PATH));
            ctx.insert("agencies_url", &hub.url(AGENCIES_PATH));
            (format!("{path}index.html"), "hub/agency.html", ctx)
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
            (format!("{path}index.html"), "hub/category.html", ctx)
        }
    }
}

/// One searchable entry (same short keys as a section's index).
#[derive(Debug, Serialize)]
struct Doc<'a> {
    t: &'a str,
    u: &'a str,
    c: String,
    d: Option<String>,
    s: &'a str,
    k: String,
}

fn search_index(v: &Views<'_, '_>, out: &dyn Sink) -> Result<(), Error> {
    let hub = v.hub;
    let docs: Vec<Doc<'_>> = hub
        .items
        .iter()
        .map(|i| {
            let agency = &hub.input.agencies[i.agency].source.name;
            let mut text = format!("{} {} {agency}", i.title, i.summary);
            if let Some(n) = i.number() {
                text.push(' ');
                text.push_str(n);
            }
            Doc {
                t: i.title,
                u: i.url,
                c: format!("{agency} · {}", i.category.label(v.lang)),
                d: Some(i.published.dmy()),
                s: i.summary,
                k: fold(&text),
            }
        })
        .collect();
    let json = serde_json::to_vec(&docs).map_err(|source| Error::Json {
        what: INDEX_PATH.to_string(),
        source,
    })?;
    out.write(INDEX_PATH, &json)
}

fn sitemap(v: &Views<'_, '_>, jobs: &[Job], out: &dyn Sink) -> Result<(), Error> {
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
