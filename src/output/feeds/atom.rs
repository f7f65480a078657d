//! Atom 1.0 (RFC 4287), with RFC 5005 archive links and RFC 6721
//! `at:deleted-entry` tombstones for entries deleted or unpublished since
//! earlier builds (the same tombstones as `sync.json`).

use std::io;

use crate::render::Prepared;

use super::xml::Xml;
use super::{ATOM_FILE, FeedDoc};

/// The Atom feed of one document.
pub fn write(p: &Prepared<'_>, doc: &FeedDoc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = &p.site.config;
    let url = |archive: Option<usize>| p.permalink(&doc.path_of(archive, ATOM_FILE));
    let mut x = Xml::new()?;
    x.open(
        "feed",
        &[
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xmlns:at", "http://purl.org/atompub/tombstones/1.0"),
            ("xmlns:fh", "http://purl.org/syndication/history/1.0"),
            ("xml:lang", c.language.code()),
            ("xml:base", &c.base_url),
        ],
    )?;
    x.leaf("id", &[], &doc.feed_id(p))?;
    x.leaf("title", &[("type", "text")], &doc.title(p))?;
    x.leaf("subtitle", &[("type", "text")], &doc.description(p))?;
    x.leaf("updated", &[], &doc.updated.rfc3339())?;
    x.empty(
        "link",
        &[
            ("rel", "self"),
            ("type", "application/atom+xml"),
            ("href", &url(doc.archive)),
        ],
    )?;
    x.empty(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &doc.home(p)),
        ],
    )?;
    let link = |x: &mut Xml, rel: &str, href: &str| {
        x.empty(
            "link",
            &[
                ("rel", rel),
                ("type", "application/atom+xml"),
                ("href", href),
            ],
        )
    };
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
    x.open("author", &[])?;
    x.leaf("name", &[], &c.agency.name)?;
    x.leaf("uri", &[], &c.agency.url)?;
    x.close("author")?;
    x.leaf(
        "generator",
        &[("version", env!("CARGO_PKG_VERSION"))],
        "pbgdpl",
    )?;
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
