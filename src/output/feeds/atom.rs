//! Atom 1.0 (RFC 4287), with RFC 5005 archive links and RFC 6721
//! `at:deleted-entry` tombstones for entries deleted or unpublished since
//! earlier builds (the same tombstones as `sync.json`). An item whose
//! body belongs to another site (the hub's) carries `xml:base` = its page.

use std::io;

use super::doc::FeedDoc;
use super::head;
use super::xml::Xml;

/// The Atom feed of one document.
pub fn write(doc: &FeedDoc<'_>) -> io::Result<Vec<u8>> {
    let h = &doc.head;
    let mut x = Xml::new()?;
    head::open_atom(&mut x, h)?;
    for item in &doc.items {
        let cat = item.category;
        match item.content_base {
            Some(base) => x.open("entry", &[("xml:base", base)])?,
            None => x.open("entry", &[])?,
        }
        x.leaf("id", &[], item.id)?;
        x.leaf("title", &[("type", "text")], item.title)?;
        x.leaf("updated", &[], &item.modified.rfc3339())?;
        x.leaf("published", &[], &item.published.rfc3339())?;
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
                    ("type", a.mime_type),
                    ("length", &a.size.to_string()),
                    ("title", a.title),
                    ("href", a.url),
                ],
            )?;
        }
        head::media(&mut x, item.image.as_ref())?;
        if let Some((name, uri)) = item.author {
            x.open("author", &[])?;
            x.leaf("name", &[], name)?;
            if let Some(uri) = uri {
                x.leaf("uri", &[], uri)?;
            }
            x.close("author")?;
        }
        x.empty(
            "category",
            &[
                ("term", cat.key),
                ("label", cat.label(h.lang)),
                ("scheme", h.base_url),
            ],
        )?;
        for tag in &item.tags {
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
