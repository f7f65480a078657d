//! Atom 1.0 of the hub, with RFC 5005 links and RFC 6721 tombstones;
//! each entry carries `xml:base` (its page on the agency's site).

use std::io;

use crate::output::feeds::head;
use crate::output::feeds::xml::Xml;

use super::super::Hub;
use super::{Doc, attachments, author, tags};

/// The Atom feed of one document.
pub(super) fn write(hub: &Hub<'_>, doc: &Doc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = &hub.input.config.hub;
    let permalink = |path: &str| hub.permalink(path);
    let mut x = Xml::new()?;
    head::open_atom(&mut x, &doc.head(hub, &permalink))?;
    let link = |x: &mut Xml, rel: &str, kind: &str, href: &str| {
        x.empty("link", &[("rel", rel), ("type", kind), ("href", href)])
    };
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
