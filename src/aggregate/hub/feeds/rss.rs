//! RSS 2.0 of the hub (the format Circular 39/2017/TT-BTTTT requires of
//! state portals), with the entries' root-relative links made absolute.

use std::io;

use crate::output::feeds::RSS_FILE;
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
    let url = |archive: Option<usize>| hub.permalink(&doc.path_of(archive, RSS_FILE));
    let mut x = Xml::new()?;
    x.open(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", "http://www.w3.org/2005/Atom"),
            ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
            ("xmlns:fh", "http://purl.org/syndication/history/1.0"),
        ],
    )?;
    x.open("channel", &[])?;
    x.leaf("title", &[], &doc.title(hub))?;
    x.leaf("link", &[], &hub.permalink(&doc.scope.dir()))?;
    x.leaf("description", &[], &doc.description(hub))?;
    x.leaf("language", &[], c.language.code())?;
    x.leaf(
        "generator",
        &[],
        &format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
    )?;
    x.leaf("docs", &[], "https://www.rssboard.org/rss-specification")?;
    x.leaf("lastBuildDate", &[], &doc.updated.rfc2822())?;
    let link = |x: &mut Xml, rel: &str, href: &str| {
        x.empty(
            "atom:link",
            &[
                ("rel", rel),
                ("type", "application/rss+xml"),
                ("href", href),
            ],
        )
    };
    link(&mut x, "self", &url(doc.archive))?;
    if doc.archive.is_some() {
        link(&mut x, "current", &url(None))?;
    }
    if let Some(n) = doc.prev_archive() {
        link(&mut x, "prev-archive", &url(Some(n)))?;
    }
    if let Some(n) = doc.next_archive() {
        link(&mut x, "next-archive", &url(Some(n)))?;
    }
    if doc.archive.is_some() {
        x.empty("fh:archive", &[])?;
    }
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
