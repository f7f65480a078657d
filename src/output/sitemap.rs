//! `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`: the home page, every
//! page of every category, filter and tag list, every entry and every data
//! table. Only published pages are listed; preview builds ask robots to stay away entirely.

use std::fmt::Write as _;

use crate::error::Error;
use crate::fingerprint::Fingerprint;
use crate::output::html::category_page_path;
use crate::output::{filters, statistics, tags};
use crate::render::Prepared;
use crate::text::escape_xml;

use super::{RenderContext, Renderer, Sink, write_unless_kept};

/// Writes `sitemap.xml` and `robots.txt`.
pub struct Sitemap;

impl Renderer for Sitemap {
    fn name(&self) -> &'static str {
        "sitemap"
    }

    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error> {
        let p = cx.prepared;
        // The sitemap lists the address and modification date of every
        // published entry (its category and place follow from them), the
        // category pages, the filter pages (from the document type and
        // year of every listed entry), the tag pages (from the entries'
        // tags) and the data tables (part of the site's fingerprint): a
        // body edit leaves it as it is.
        let base = Fingerprint::new().number(p.fingerprint).bytes("sitemap");
        let inputs = tags::fold_inputs(p, filters::fold_inputs(p, base));
        let key = p
            .published()
            .fold(inputs, |f, pg| {
                f.bytes(&pg.permalink)
                    .option(pg.entry.modified().map(|d| d.iso_date()).as_deref())
            })
            .finish();
        write_unless_kept(out, "sitemap.xml", key, || Ok(sitemap(p).into_bytes()))?;

        let robots = if p.site.drafts {
            "# Preview build (--drafts): not for search engines.\nUser-agent: *\nDisallow: /\n"
                .to_string()
        } else {
            format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                p.permalink("sitemap.xml")
            )
        };
        out.write("robots.txt", robots.as_bytes())
    }
}

/// The text of `sitemap.xml`.
fn sitemap(p: &Prepared<'_>) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |loc: String, lastmod: Option<String>| {
        let _ = write!(xml, "  <url>\n    <loc>{}</loc>\n", escape_xml(&loc));
        if let Some(m) = lastmod {
            let _ = writeln!(xml, "    <lastmod>{m}</lastmod>");
        }
        xml.push_str("  </url>\n");
    };
    let newest = p.published().filter_map(|pg| pg.entry.modified()).max();
    url(p.permalink(""), newest.map(|d| d.iso_date()));
    let per_page = p.site.config.entries_per_page.max(1);
    for c in p.categories() {
        let pages: Vec<_> = p
            .in_category(c)
            .into_iter()
            .filter(|pg| pg.is_published())
            .collect();
        let newest = pages.iter().filter_map(|pg| pg.entry.modified()).max();
        let total = pages.len().div_ceil(per_page).max(1);
        for n in 1..=total {
            url(
                p.permalink(&category_page_path(c, n)),
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
    for t in &p.site.content.tables {
        url(p.permalink(&statistics::table_page_path(t)), None);
    }
    xml.push_str("</urlset>\n");
    xml
}
