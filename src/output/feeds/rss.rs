//! RSS 2.0 (<https://www.rssboard.org/rss-specification>), the format
//! Circular 39/2017/TT-BTTTT requires of state-agency portals. Item `guid`s
//! are the global ids; the body is in `content:encoded`; RFC 5005 archive
//! links are `atom:link` elements, as RFC 5005 allows. RSS has no
//! `xml:base`: the root-relative links of an item whose body belongs to
//! another site (the hub's) are made absolute on that site.

use std::borrow::Cow;
use std::io;

use super::doc::FeedDoc;
use super::head;
use super::xml::Xml;

/// The root-relative links (`href="/…"`, `src="/…"`) of an entry's HTML
/// made absolute on the site of `page`, the entry's own page: a reader
/// would otherwise resolve them against the feed's site.
pub fn absolute_links<'h>(html: &'h str, page: &str) -> Cow<'h, str> {
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
pub fn write(doc: &FeedDoc<'_>) -> io::Result<Vec<u8>> {
    let h = &doc.head;
    let mut x = Xml::new()?;
    head::open_rss(&mut x, h)?;
    for item in &doc.items {
        let cat = item.category;
        x.open("item", &[])?;
        x.leaf("title", &[], item.title)?;
        x.leaf("link", &[], item.url)?;
        x.leaf("guid", &[("isPermaLink", "false")], item.id)?;
        x.leaf("pubDate", &[], &item.published.rfc2822())?;
        if !item.summary.is_empty() {
            x.leaf("description", &[], item.summary)?;
        }
        let content = match item.content_base {
            Some(page) => absolute_links(item.content_html, page),
            None => Cow::Borrowed(item.content_html),
        };
        x.leaf("content:encoded", &[], &content)?;
        x.leaf(
            "category",
            &[("domain", &(h.permalink)(&crate::routes::category(cat)))],
            cat.label(h.lang),
        )?;
        for tag in &item.tags {
            x.leaf("category", &[], tag)?;
        }
        // RSS 2.0 allows one enclosure, the main media file (the audio,
        // video or PDF of `[media]`, else the first attachment); JSON Feed
        // and Atom carry every file.
        if let Some(a) = item.enclosure.and_then(|i| item.attachments.get(i)) {
            x.empty(
                "enclosure",
                &[
                    ("url", a.url),
                    ("length", &a.size.to_string()),
                    ("type", a.mime_type),
                ],
            )?;
        }
        head::media(&mut x, item.image.as_ref())?;
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
