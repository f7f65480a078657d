//! Atom 1.0 (RFC 4287), with RFC 5005 archive links and RFC 6721
//! `at:deleted-entry` tombstones for entries deleted or unpublished since
//! earlier builds (the same tombstones as `sync.json`).

use std::io;

use crate::render::Common;

use super::xml::Xml;
use super::{FeedDoc, head};

/// The Atom feed of one document.
pub fn write(p: &Common<'_>, doc: &FeedDoc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = p.config;
    let permalink = |path: &str| p.permalink(path);
    let mut x = Xml::new()?;
    head::open_atom(&mut x, &doc.head(p, &permalink))?;
    for item in &doc.items {
        let cat = item.category();
        x.open("entry", &[])?;
        x.leaf("id", &[], &item.id)?;
        x.leaf("title", &[("type", "text")], item.title)?;
        x.leaf("updated", &[], &item.date_modified)?;
        x.leaf("published", &[], &item.date_published)?;
        x.empty(
            "link",
            &[
                ("rel", "alternate"),
                ("type", "text/html"),
                ("href", item.url),
            ],
        )?;
        for a in &item.attachments {
            x.empty(
                "link",
                &[
                    ("rel", "enclosure"),
                    ("type", &a.mime_type),
                    ("length", &a.size_in_bytes.to_string()),
                    ("title", &a.title),
                    ("href", &a.url),
                ],
            )?;
        }
        if let Some(author) = &item.page.entry.editorial.author {
            x.open("author", &[])?;
            x.leaf("name", &[], author)?;
            x.close("author")?;
        }
        x.empty(
            "category",
            &[
                ("term", cat.key),
                ("label", cat.label(c.language)),
                ("scheme", &c.base_url),
            ],
        )?;
        for tag in item.tags {
            x.empty("category", &[("term", tag)])?;
        }
        if !item.summary.is_empty() {
            x.leaf("summary", &[("type", "text")], item.summary)?;
        }
        x.leaf("content", &[("type", "html")], item.content_html)?;
        x.close("entry")?;
    }
    for t in &doc.tombstones {
        x.empty(
            "at:deleted-entry",
            &[("ref", &t.id), ("when", &t.deleted_at)],
        )?;
    }
    x.close("feed")?;
    Ok(x.finish())
}
