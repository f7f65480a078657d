//! RSS 2.0 of the hub (the format Circular 39/2017/TT-BTTTT requires of
//! state portals), with the entries' root-relative links made absolute.

use std::io;

use crate::output::feeds::head;
use crate::output::feeds::xml::Xml;

use super::super::Hub;
use super::{Doc, attachments, tags};

/// The root-relative links (`href="/…"`, `src="/…"`) of an entry's HTML
/// made absolute on the entry's own site: RSS has no `xml:base`, and a
/// reader would resolve them against the hub.
pub fn absolute_links<'h>(html: &'h str, page: &str) -> std::borrow::Cow<'h, str> {
    static ROOT_RELATIVE: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r#"(\s(?:href|src)=")/([^/])"#).ok());
    let origin = match url::Url::parse(page) {
        Ok(u) => u.origin().ascii_serialization(),
        Err(_) => return html.into(),
    };
    match ROOT_RELATIVE.as_ref() {
        Some(re) => re.replace_all(html, format!("${{1}}{origin}/${{2}}").as_str()),
        None => html.into(),
    }
}

/// The RSS feed of one document.
pub(super) fn write(hub: &Hub<'_>, doc: &Doc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = &hub.input.config.hub;
    let permalink = |path: &str| hub.permalink(path);
    let mut x = Xml::new()?;
    head::open_rss(&mut x, &doc.head(hub, &permalink))?;
    for item in &doc.items {
        x.open("item", &[])?;
        x.leaf("title", &[], item.title)?;
        x.leaf("link", &[], item.url)?;
        x.leaf("guid", &[("isPermaLink", "false")], item.id)?;
        x.leaf("pubDate", &[], &item.published.rfc2822())?;
        if !item.summary.is_empty() {
            x.leaf("description", &[], item.summary)?;
        }
        x.leaf(
            "content:encoded",
            &[],
            &absolute_links(item.text("content_html").unwrap_or(""), item.url),
        )?;
        x.leaf(
            "category",
            &[("domain", &hub.permalink(&format!("{}/", item.category.key)))],
            item.category.label(c.language),
        )?;
        for tag in tags(item) {
            x.leaf("category", &[], tag)?;
        }
        if let Some((href, mime, _, size)) = attachments(item).into_iter().next() {
            x.empty(
                "enclosure",
                &[("url", href), ("length", &size.to_string()), ("type", mime)],
            )?;
        }
        x.close("item")?;
    }
    x.close("channel")?;
    x.close("rss")?;
    Ok(x.finish())
}

#[cfg(test)]
mod tests {
    #[test]
    fn root_relative_links_become_absolute_on_the_agency_site() {
        let html = r#"<p><a href="/pbgdpl/x/">x</a> <img src="/pbgdpl/a.png" alt=""> <a href="//cdn.example/y">y</a> <a href="https://z/">z</a></p>"#;
        assert_eq!(
            super::absolute_links(html, "https://stc.example.gov.vn/pbgdpl/tin-tuc/a/"),
            r#"<p><a href="https://stc.example.gov.vn/pbgdpl/x/">x</a> <img src="https://stc.example.gov.vn/pbgdpl/a.png" alt=""> <a href="//cdn.example/y">y</a> <a href="https://z/">z</a></p>"#
        );
    }
}
