//! The hub's HTML pages, rendered with the section theme (`base.html`, the
//! banner, navigation, footer, CSS) and the hub templates
//! (`themes/default/templates/hub/`), plus `sitemap.xml` and `robots.txt`:
//! the jobs of [`HubPages`], run by the build loop like a section's pages.
//!
//! ## Adding a page to the hub
//!
//! A page is a [`HubPage`]: its template, its `page` object and the values
//! its template reads besides what every page has (`site`, `t`, `nav`,
//! `extra_nav`, `page`). Make one from the hub's views (`views.rs`) in a
//! function like `home` below, and push its job in [`HubPages`]'s `jobs`:
//!
//! ```ignore
//! let page = v.page("report", hub.t("hub_report"), REPORT_PATH, hub.t("hub_report_intro"));
//! jobs.push(Job::page(
//!     REPORT_PATH,
//!     HubPage::new("hub/report.html", page)
//!         .with("agencies", &agencies)?
//!         .with("rows", &rows)?,
//! ));
//! ```
//!
//! The values are serialised when the job is planned: what the build loop
//! hashes is exactly what the template sees, so an unchanged page is kept
//! from the previous build and nothing can go stale. The page enters
//! `sitemap.xml` unless `page.noindex` is set. No file is written here.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use crate::category::{CATEGORIES, Category};
use crate::error::Error;
use crate::output::pagination::Pagination;
use crate::output::{Job, RenderContext, Renderer};
use crate::render::context::PageView;
use crate::routes::{self, category_page as category_path};

use super::views::{AGENCIES_PATH, AgencyView, CategoryView, STATUS_PATH, Section, Views};
use super::{Hub, HubSite};

/// One page of the hub as the view of its job: the template, the `page`
/// object, the extra navigation link it is (if any) and the values its
/// template reads, serialised (what is hashed is what is rendered).
#[derive(Debug, Clone)]
pub struct HubPage {
    template: &'static str,
    page: PageView,
    current: Option<&'static str>,
    values: Vec<(&'static str, Value)>,
    /// Fingerprints of the values, as JSON (Tera's maps have no fixed
    /// order to hash them by).
    digests: Vec<u64>,
}

impl HubPage {
    /// A page rendered with `template` (`hub/status.html`).
    pub fn new(template: &'static str, page: PageView) -> Self {
        Self {
            template,
            page,
            current: None,
            values: Vec::new(),
            digests: Vec::new(),
        }
    }

    /// Marks the page as the extra navigation link to `path`
    /// ([`AGENCIES_PATH`], [`STATUS_PATH`]).
    pub fn current(mut self, path: &'static str) -> Self {
        self.current = Some(path);
        self
    }

    /// Gives the template `value` as `name`.
    pub fn with(mut self, name: &'static str, value: &impl Serialize) -> Result<Self, Error> {
        let shown = Value::try_from_serializable(value).map_err(|e| Error::Template {
            name: self.template.to_string(),
            message: e.to_string(),
        })?;
        self.values.push((name, shown));
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        crate::fingerprint::hash_json(value, &mut h);
        self.digests.push(h.finish());
        Ok(self)
    }

    /// The page's `page` object.
    pub fn page(&self) -> &PageView {
        &self.page
    }

    /// Renders the page.
    pub fn render(&self, cx: &RenderContext<'_, HubSite>) -> Result<Vec<u8>, Error> {
        let mut ctx = cx.base_context(&self.page, self.current);
        for (name, value) in &self.values {
            ctx.insert_value(*name, value.clone());
        }
        cx.page(self.template, &ctx)
    }
}

impl Hash for HubPage {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.template.hash(state);
        self.page.hash(state);
        self.current.hash(state);
        for ((name, _), digest) in self.values.iter().zip(&self.digests) {
            name.hash(state);
            digest.hash(state);
        }
    }
}

/// A file of [`HubPages`].
#[derive(Debug, Hash)]
pub enum HubFile {
    /// A page.
    Page(HubPage),
    /// `sitemap.xml` or `robots.txt`, made when the jobs are planned.
    Bytes(Vec<u8>),
}

/// The hub's pages, `sitemap.xml` and `robots.txt`.
pub struct HubPages;

impl Renderer<HubSite> for HubPages {
    type View<'p> = HubFile;

    fn name(&self) -> &'static str {
        "html"
    }

    fn makes_pages(&self) -> bool {
        true
    }

    fn jobs<'p>(&'p self, hub: &'p Hub<'p>) -> Result<Vec<Job<HubFile>>, Error> {
        let v = Views::new(hub);
        let agencies: Vec<AgencyView<'_>> =
            (0..hub.input.agencies.len()).map(|i| v.agency(i)).collect();
        let mut pages = vec![
            Job::page("", home(&v, &agencies)?),
            Job::file(routes::NOT_FOUND_FILE, not_found(&v)),
            Job::page(STATUS_PATH, status(&v, &agencies)?),
            Job::page(AGENCIES_PATH, agencies_page(&v, &agencies)?),
        ];
        let per_agency: Result<Vec<_>, Error> = (0..agencies.len())
            .into_par_iter()
            .map(|i| Ok(Job::page(&v.agency_path(i), agency(&v, &agencies[i], i)?)))
            .collect();
        pages.extend(per_agency?);
        let per_page = hub.input.config.hub.entries_per_page.max(1);
        let lists: Vec<(&'static Category, usize, usize)> = CATEGORIES
            .iter()
            .flat_map(|category| {
                let total = routes::page_count(v.count(category, None), per_page);
                (1..=total).map(move |number| (category, number, total))
            })
            .collect();
        let lists: Result<Vec<_>, Error> = lists
            .into_par_iter()
            .map(|(category, number, total)| {
                let page = category_page(&v, category, number, total, per_page)?;
                Ok(Job::page(&category_path(category, number), page))
            })
            .collect();
        pages.extend(lists?);
        let mut jobs: Vec<Job<HubFile>> = pages
            .into_iter()
            .map(|job| Job {
                paths: job.paths,
                view: HubFile::Page(job.view),
                names_files: job.names_files,
            })
            .collect();
        jobs.extend(super::report::jobs(&v, &agencies)?);
        let mut indexed: Vec<&str> = jobs
            .iter()
            .filter_map(|job| match &job.view {
                HubFile::Page(page) if !page.page.noindex => Some(page.page.canonical.as_str()),
                _ => None,
            })
            .collect();
        indexed.sort_unstable();
        let sitemap = sitemap(&indexed)?;
        let robots = format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            hub.permalink("sitemap.xml")
        );
        jobs.push(Job::file("robots.txt", HubFile::Bytes(robots.into_bytes())));
        jobs.push(Job::file("sitemap.xml", HubFile::Bytes(sitemap)));
        Ok(jobs)
    }

    fn render(
        &self,
        cx: &RenderContext<'_, HubSite>,
        file: &HubFile,
        _paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        Ok(vec![match file {
            HubFile::Page(page) => page.render(cx)?,
            HubFile::Bytes(bytes) => bytes.clone(),
        }])
    }
}

/// The home page: the newest entries of every category, the agencies and
/// the status summary.
fn home(v: &Views<'_, '_>, agencies: &[AgencyView<'_>]) -> Result<HubPage, Error> {
    let hub = v.hub;
    let c = &hub.input.config.hub;
    let page = v.page(
        "home",
        c.title.clone(),
        "",
        c.description.clone().unwrap_or_else(|| c.title.clone()),
    );
    let mut order: Vec<&'static Category> = CATEGORIES.iter().collect();
    order.sort_by_key(|cat| (!cat.required, cat.index()));
    let sections: Vec<Section<'_>> = order
        .into_iter()
        .filter_map(|cat| {
            let count = v.count(cat, None);
            (cat.required || count > 0).then(|| Section {
                category: v.category(cat),
                entries: v.entries(cat, None, 0, c.entries_per_category),
                count,
                more_url: hub.url(&routes::category(cat)),
            })
        })
        .collect();
    HubPage::new("hub/home.html", page)
        .with("sections", &sections)?
        .with("agencies", &agencies)?
        .with("summary", &v.summary(agencies))?
        .with("status_url", &hub.url(STATUS_PATH))?
        .with("agencies_url", &hub.url(AGENCIES_PATH))?
        .with("report_url", &hub.url(routes::REPORT_PATH))
}

/// The page for addresses that do not exist (`404.html`).
fn not_found(v: &Views<'_, '_>) -> HubPage {
    let hub = v.hub;
    let mut page = v.page(
        "404",
        hub.t("not_found_title"),
        routes::NOT_FOUND_FILE,
        hub.t("not_found_text"),
    );
    page.noindex = true;
    HubPage::new("404.html", page)
}

/// The status page: last sync, failures, counts per required category.
fn status(v: &Views<'_, '_>, agencies: &[AgencyView<'_>]) -> Result<HubPage, Error> {
    let hub = v.hub;
    let page = v.page(
        "status",
        hub.t("hub_status"),
        STATUS_PATH,
        hub.t("hub_status_intro"),
    );
    let required: Vec<CategoryView> = CATEGORIES
        .iter()
        .filter(|cat| cat.required)
        .map(|cat| v.category(cat))
        .collect();
    HubPage::new("hub/status.html", page)
        .current(STATUS_PATH)
        .with("agencies", &agencies)?
        .with("required", &required)?
        .with("summary", &v.summary(agencies))?
        .with("report_url", &hub.url(routes::REPORT_PATH))
}

/// The list of agencies.
fn agencies_page(v: &Views<'_, '_>, agencies: &[AgencyView<'_>]) -> Result<HubPage, Error> {
    let hub = v.hub;
    let page = v.page(
        "agencies",
        hub.t("hub_agencies"),
        AGENCIES_PATH,
        hub.t("hub_agencies"),
    );
    HubPage::new("hub/agencies.html", page)
        .current(AGENCIES_PATH)
        .with("agencies", &agencies)?
        .with("status_url", &hub.url(STATUS_PATH))
}

/// One agency: its status, counts and newest entries per category.
fn agency(v: &Views<'_, '_>, a: &AgencyView<'_>, index: usize) -> Result<HubPage, Error> {
    let hub = v.hub;
    let n = hub.input.config.hub.entries_per_category;
    let page = v.page(
        "agency",
        a.name.to_string(),
        &v.agency_path(index),
        a.name.to_string(),
    );
    let sections: Vec<Section<'_>> = CATEGORIES
        .iter()
        .filter_map(|cat| {
            let count = v.count(cat, Some(index));
            (count > 0).then(|| Section {
                category: v.category(cat),
                entries: v.entries(cat, Some(index), 0, n),
                count,
                more_url: a
                    .section_url
                    .map(|u| format!("{u}{}", routes::category(cat)))
                    .unwrap_or_default(),
            })
        })
        .collect();
    HubPage::new("hub/agency.html", page)
        .with("agency", a)?
        .with("sections", &sections)?
        .with("status_url", &hub.url(STATUS_PATH))?
        .with("agencies_url", &hub.url(AGENCIES_PATH))
}

/// Page `number` of `total` of every agency's entries of a category.
fn category_page(
    v: &Views<'_, '_>,
    category: &'static Category,
    number: usize,
    total: usize,
    per_page: usize,
) -> Result<HubPage, Error> {
    let hub = v.hub;
    let path = category_path(category, number);
    let cv = v.category(category);
    let mut title = cv.label.to_string();
    if number > 1 {
        title = format!("{title} – {} {number}", hub.t("page"));
    }
    let mut page = v.page("category", title, &path, cv.label.to_string());
    page.section = Some(category.key);
    let entries = v.entries(category, None, (number - 1) * per_page, per_page);
    let pagination = Pagination::new(number, total, |n| hub.url(&category_path(category, n)));
    HubPage::new("hub/category.html", page)
        .with("category", &cv)?
        .with("entries", &entries)?
        .with("pagination", &pagination)
}

/// `sitemap.xml` listing `urls` (in order).
fn sitemap(urls: &[&str]) -> Result<Vec<u8>, Error> {
    let write = || -> std::io::Result<Vec<u8>> {
        let mut x = crate::output::feeds::xml::Xml::new()?;
        x.open(
            "urlset",
            &[("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")],
        )?;
        for url in urls {
            x.open("url", &[])?;
            x.leaf("loc", &[], url)?;
            x.close("url")?;
        }
        x.close("urlset")?;
        Ok(x.finish())
    };
    write().map_err(Error::io("sitemap.xml"))
}
