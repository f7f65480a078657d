//! `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`: the home page, every
//! page of every category, filter and tag list, every entry and every data
//! table. Only published pages are listed; preview builds ask robots to stay away entirely.

use std::fmt::Write as _;

use crate::error::Error;
use crate::output::{filters, tags};
use crate::render::Prepared;
use crate::routes;
use crate::text::escape_xml;

use super::{Job, RenderContext, Renderer};

/// Writes `sitemap.xml` and `robots.txt`.
pub struct Sitemap;

/// One address of the sitemap and its modification date.
#[derive(Debug, Hash)]
pub struct Url {
    /// Full URL.
    pub loc: String,
    /// `YYYY-MM-DD`, when known.
    pub lastmod: Option<String>,
}

/// `sitemap.xml` (its addresses) or `robots.txt`.
#[derive(Debug, Hash)]
pub enum SitemapView {
    /// Every published page.
    Sitemap(Vec<Url>),
    /// `robots.txt` (made from the site's address and mode).
    Robots,
}

impl Renderer for Sitemap {
    type View<'p> = SitemapView;

    fn name(&self) -> &'static str {
        "sitemap"
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<SitemapView>>, Error> {
        Ok(vec![
            Job::file("sitemap.xml", SitemapView::Sitemap(urls(p))),
            Job::file("robots.txt", SitemapView::Robots),
        ])
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        view: &SitemapView,
        _: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        let text = match view {
            SitemapView::Sitemap(urls) => sitemap(urls),
            SitemapView::Robots if cx.drafts => {
                "# Preview build (--drafts): not for search engines.\nUser-agent: *\nDisallow: /\n"
                    .to_string()
            }
            SitemapView::Robots => format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                cx.permalink("sitemap.xml")
            ),
        };
        Ok(vec![text.into_bytes()])
    }
}

/// Every published page: the home page, every page of every category,
/// filter and tag list, every entry and every data table.
fn urls(p: &Prepared<'_>) -> Vec<Url> {
    let mut out = Vec::new();
    let mut url = |loc: String, lastmod: Option<String>| out.push(Url { loc, lastmod });
    let newest = p.published().filter_map(|pg| pg.entry.modified()).max();
    url(p.permalink(""), newest.map(|d| d.iso_date()));
    let per_page = p.config.entries_per_page;
    for c in p.categories() {
        let pages: Vec<_> = p
            .in_category(c)
            .into_iter()
            .filter(|pg| pg.is_published())
            .collect();
        let newest = pages.iter().filter_map(|pg| pg.entry.modified()).max();
        for n in 1..=routes::page_count(pages.len(), per_page) {
            url(
                p.permalink(&routes::category_page(c, n)),
                if n == 1 {
                    newest.map(|d| d.iso_date())
                } else {
                    None
                },
            );
        }
    }
    for path in filters::page_paths(p)
        .into_iter()
        .chain(tags::page_paths(p))
    {
        url(p.permalink(&path), None);
    }
    for pg in p.published() {
        url(
            pg.permalink.clone(),
            pg.entry.modified().map(|d| d.iso_date()),
        );
    }
    for t in p.tables {
        url(p.permalink(&routes::table_page(&t.slug)), None);
    }
    out
}

/// The text of `sitemap.xml`.
fn sitemap(urls: &[Url]) -> String {
    let mut xml = String::with_capacity(64 * urls.len() + 128);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for Url { loc, lastmod } in urls {
        let _ = write!(xml, "  <url>\n    <loc>{}</loc>\n", escape_xml(loc));
        if let Some(m) = lastmod {
            let _ = writeln!(xml, "    <lastmod>{m}</lastmod>");
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
