//! Atom 1.0 of the hub, with RFC 5005 links and RFC 6721 tombstones;
//! each entry carries `xml:base` (its page on the agency's site).

use std::io;

use crate::output::feeds::ATOM_FILE;
use crate::output::feeds::xml::Xml;

use super::super::Hub;
use super::{Doc, attachments, author, tags};

/// The Atom feed of one document.
pub(super) fn write(hub: &Hub<'_>, doc: &Doc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = &hub.input.config.hub;
    let url = |archive: Option<usize>| hub.permalink(&doc.path_of(archive, ATOM_FILE));
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
    x.leaf(
        "id",
        &[],
        &format!(
            "{}{}",
            crate::output::feeds::item::tag_prefix_of(&c.base_url),
            doc.scope.dir()
        ),
    )?;
    x.leaf("title", &[("type", "text")], &doc.title(hub))?;
    x.leaf("subtitle", &[("type", "text")], &doc.description(hub))?;
    x.leaf("updated", &[], &doc.updated.rfc3339())?;
    let link = |x: &mut Xml, rel: &str, kind: &str, href: &str| {
        x.empty("link", &[("rel", rel), ("type", kind), ("href", href)])
    };
    link(&mut x, "self", "application/atom+xml", &url(doc.archive))?;
    link(
        &mut x,
        "alternate",
        "text/html",
        &hub.permalink(&doc.scope.dir()),
    )?;
    if doc.archive.is_some() {
        link(&mut x, "current", "application/atom+xml", &url(None))?;
    }
    if let Some(n) = doc.prev_archive() {
        link(
            &mut x,
            "prev-archive",
            "application/atom+xml",
            &url(Some(n)),
        )?;
    }
    if let Some(n) = doc.next_archive() {
        link(
            &mut x,
            "next-archive",
            "application/atom+xml",
            &url(Some(n)),
        )?;
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
        x.open("entry", &[("xml:base", item.url)])?;
        x.leaf("id", &[], item.id)?;
        x.leaf("title", &[("type", "text")], item.title)?;
        x.leaf("updated", &[], &item.modified.rfc3339())?;
        x.leaf("published", &[], &item.published.rfc3339())?;
        link(&mut x, "alternate", "text/html", item.url)?;
        for (href, mime, title, size) in attachments(item) {
            x.empty(
                "link",
                &[
                    ("rel", "enclosure"),
                    ("type", mime),
                    ("length", &size.to_string()),
                    ("title", title),
                    ("href", href),
                ],
            )?;
        }
        if let Some((name, uri)) = author(item) {
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
                ("term", item.category.key),
                ("label", item.category.label(c.language)),
                ("scheme", &c.base_url),
            ],
        )?;
        for tag in tags(item) {
            x.empty("category", &[("term", tag)])?;
        }
        if !item.summary.is_empty() {
            x.leaf("summary", &[("type", "text")], item.summary)?;
        }
        x.leaf(
            "content",
            &[("type", "html")],
            item.text("content_html").unwrap_or(""),
        )?;
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
