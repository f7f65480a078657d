//! RSS 2.0 (<https://www.rssboard.org/rss-specification>), the format
//! Circular 39/2017/TT-BTTTT requires of state-agency portals. Item `guid`s
//! are the global ids; the body is in `content:encoded`; RFC 5005 archive
//! links are `atom:link` elements, as RFC 5005 allows.

use std::io;

use crate::render::Prepared;

use super::xml::Xml;
use super::{FeedDoc, RSS_FILE};

/// The RSS feed of one document.
pub fn write(p: &Prepared<'_>, doc: &FeedDoc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = &p.site.config;
    let url = |archive: Option<usize>| p.permalink(&doc.path_of(archive, RSS_FILE));
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
    x.leaf("title", &[], &doc.title(p))?;
    x.leaf("link", &[], &doc.home(p))?;
    x.leaf("description", &[], &doc.description(p))?;
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
        let cat = item.category();
        x.open("item", &[])?;
        x.leaf("title", &[], item.title)?;
        x.leaf("link", &[], item.url)?;
        x.leaf("guid", &[("isPermaLink", "false")], &item.id)?;
        x.leaf("pubDate", &[], &item.published.rfc2822())?;
        if !item.summary.is_empty() {
            x.leaf("description", &[], item.summary)?;
        }
        x.leaf("content:encoded", &[], item.content_html)?;
        x.leaf(
            "category",
            &[("domain", &p.permalink(&format!("{}/", cat.key)))],
            cat.label(c.language),
        )?;
        for tag in item.tags {
            x.leaf("category", &[], tag)?;
        }
        // RSS 2.0 allows one enclosure; JSON Feed and Atom carry them all.
        if let Some(a) = item.attachments.first() {
            x.empty(
                "enclosure",
                &[
                    ("url", &a.url),
                    ("length", &a.size_in_bytes.to_string()),
                    ("type", &a.mime_type),
                ],
            )?;
        }
        x.close("item")?;
    }
    x.close("channel")?;
    x.close("rss")?;
    Ok(x.finish())
}
