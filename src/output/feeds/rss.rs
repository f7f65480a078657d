//! RSS 2.0 (<https://www.rssboard.org/rss-specification>), the format
//! Circular 39/2017/TT-BTTTT requires of state-agency portals. Item `guid`s
//! are the global ids; the body is in `content:encoded`; RFC 5005 archive
//! links are `atom:link` elements, as RFC 5005 allows.

use std::io;

use crate::render::Common;

use super::xml::Xml;
use super::{FeedDoc, head};

/// The RSS feed of one document.
pub fn write(p: &Common<'_>, doc: &FeedDoc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = p.config;
    let permalink = |path: &str| p.permalink(path);
    let mut x = Xml::new()?;
    head::open_rss(&mut x, &doc.head(p, &permalink))?;
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
        // RSS 2.0 allows one enclosure, the main media file (the audio,
        // video or PDF of `[media]`, else the first attachment); JSON Feed
        // and Atom carry every file.
        if let Some(a) = item.main_file.and_then(|i| item.attachments.get(i)) {
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
