//! The head of a feed document, the same for an agency's section and for
//! the provincial hub: what the document covers, who publishes it, when it
//! changed and where it sits in its RFC 5005 archive chain. Each format
//! writes it here ([`open_rss`], [`open_atom`], [`json`]); the section and
//! the hub only differ in their items.

use std::io;

use serde::Serialize;

use crate::date::Timestamp;
use crate::i18n::Lang;
use crate::sync::{FEED_SCHEMA, SCHEMA_VERSION};

use super::xml::Xml;
use super::{ATOM_FILE, JSON_FILE, Position, RSS_FILE, Scope};

/// A name and an address.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Named<'a> {
    /// The name.
    pub name: &'a str,
    /// Its address.
    pub url: &'a str,
}

/// What the head of one feed document says.
pub struct Head<'a> {
    /// What the document covers.
    pub scope: Scope,
    /// Where the document sits in the scope's archive chain.
    pub position: &'a Position,
    /// The Atom feed id (the same for the subscription feed and its archives).
    pub id: String,
    /// Feed title.
    pub title: String,
    /// Feed description.
    pub description: String,
    /// The HTML page the feed describes.
    pub home: String,
    /// The publisher's language.
    pub lang: Lang,
    /// The publisher's `base_url` (Atom `xml:base`, category scheme).
    pub base_url: &'a str,
    /// The newest modification among the document's items.
    pub updated: Timestamp,
    /// Who publishes the feed.
    pub agency: Named<'a>,
    /// The province (for the hub: the hub itself).
    pub province: Named<'a>,
    /// The full URL of a path relative to the publisher's `base_url`.
    pub permalink: &'a dyn Fn(&str) -> String,
}

impl Head<'_> {
    /// The URL of the subscription document (`None`) or of an archive of
    /// this scope, in one format.
    pub fn url(&self, archive: Option<&str>, file: &str) -> String {
        (self.permalink)(&self.scope.path(archive, file))
    }

    /// This document's URL in one format.
    fn own_url(&self, file: &str) -> String {
        self.url(self.position.archive.as_deref(), file)
    }

    /// RFC 5005 links after `self`: `current` (archives), `prev-archive`,
    /// `next-archive`, then `fh:archive` on archives.
    fn archive_links(&self, x: &mut Xml, element: &str, file: &str, mime: &str) -> io::Result<()> {
        let mut link = |rel: &str, archive: Option<&str>| {
            x.empty(
                element,
                &[
                    ("rel", rel),
                    ("type", mime),
                    ("href", &self.url(archive, file)),
                ],
            )
        };
        let position = self.position;
        if position.is_archive() {
            link("current", None)?;
        }
        if let Some(name) = &position.prev {
            link("prev-archive", Some(name))?;
        }
        if let Some(name) = &position.next {
            link("next-archive", Some(name))?;
        }
        if position.is_archive() {
            x.empty("fh:archive", &[])?;
        }
        Ok(())
    }
}

/// Media RSS (<https://www.rssboard.org/media-rss>): the featured photo
/// of an item in RSS and Atom, leaving `enclosure` to attachments.
pub const MEDIA_NS: &str = "http://search.yahoo.com/mrss/";

/// Writes the featured photo of an item as `media:content` (with its
/// description) and `media:thumbnail`: the photo's thumbnail-sized copy
/// when the item names one (what lists show), else the photo itself.
pub fn media(x: &mut Xml, image: Option<&super::doc::ItemImage<'_>>) -> io::Result<()> {
    let Some(i) = image else {
        return Ok(());
    };
    let (w, h) = (i.width.to_string(), i.height.to_string());
    x.open(
        "media:content",
        &[
            ("url", i.url),
            ("medium", "image"),
            ("type", i.mime_type),
            ("fileSize", &i.size.to_string()),
            ("width", &w),
            ("height", &h),
        ],
    )?;
    x.leaf("media:description", &[("type", "plain")], i.alt)?;
    if let Some(credit) = i.credit {
        x.leaf("media:credit", &[], credit)?;
    }
    x.close("media:content")?;
    let (url, w, h) = match &i.thumbnail {
        Some(t) => (t.url, t.width.to_string(), t.height.to_string()),
        None => (i.url, w, h),
    };
    x.empty(
        "media:thumbnail",
        &[("url", url), ("width", &w), ("height", &h)],
    )
}

fn generator() -> String {
    format!("pbgdpl {}", env!("CARGO_PKG_VERSION"))
}

/// Opens `<rss>` and its `<channel>` and writes the channel's head; the
/// caller writes the items and closes both.
pub fn open_rss(x: &mut Xml, h: &Head<'_>) -> io::Result<()> {
    x.open(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", "http://www.w3.org/2005/Atom"),
            ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
            ("xmlns:fh", "http://purl.org/syndication/history/1.0"),
            ("xmlns:media", MEDIA_NS),
        ],
    )?;
    x.open("channel", &[])?;
    x.leaf("title", &[], &h.title)?;
    x.leaf("link", &[], &h.home)?;
    x.leaf("description", &[], &h.description)?;
    x.leaf("language", &[], h.lang.code())?;
    x.leaf("generator", &[], &generator())?;
    x.leaf("docs", &[], "https://www.rssboard.org/rss-specification")?;
    x.leaf("lastBuildDate", &[], &h.updated.rfc2822())?;
    let mime = "application/rss+xml";
    x.empty(
        "atom:link",
        &[
            ("rel", "self"),
            ("type", mime),
            ("href", &h.own_url(RSS_FILE)),
        ],
    )?;
    h.archive_links(x, "atom:link", RSS_FILE, mime)
}

/// Opens `<feed>` and writes its head; the caller writes the entries and
/// closes it.
pub fn open_atom(x: &mut Xml, h: &Head<'_>) -> io::Result<()> {
    x.open(
        "feed",
        &[
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xmlns:at", "http://purl.org/atompub/tombstones/1.0"),
            ("xmlns:fh", "http://purl.org/syndication/history/1.0"),
            ("xmlns:media", MEDIA_NS),
            ("xml:lang", h.lang.code()),
            ("xml:base", h.base_url),
        ],
    )?;
    x.leaf("id", &[], &h.id)?;
    x.leaf("title", &[("type", "text")], &h.title)?;
    x.leaf("subtitle", &[("type", "text")], &h.description)?;
    x.leaf("updated", &[], &h.updated.rfc3339())?;
    let mime = "application/atom+xml";
    let self_url = h.own_url(ATOM_FILE);
    x.empty(
        "link",
        &[("rel", "self"), ("type", mime), ("href", &self_url)],
    )?;
    x.empty(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &h.home),
        ],
    )?;
    h.archive_links(x, "link", ATOM_FILE, mime)?;
    x.open("author", &[])?;
    x.leaf("name", &[], h.agency.name)?;
    x.leaf("uri", &[], h.agency.url)?;
    x.close("author")?;
    x.leaf(
        "generator",
        &[("version", env!("CARGO_PKG_VERSION"))],
        "pbgdpl",
    )
}

/// The feed-level `_pbgdpl` object (schema: `jsonfeed-pbgdpl.v1.json`).
#[derive(Serialize)]
struct FeedExtension<'a> {
    /// URL of the extension's JSON Schema.
    schema: String,
    schema_version: &'static str,
    generator: String,
    agency: Named<'a>,
    province: Named<'a>,
    language: &'static str,
    /// `site` or `category`.
    scope: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause: Option<&'static str>,
    /// The complete snapshot of the publisher.
    sync_url: String,
    /// The same feed in the other formats.
    atom_url: String,
    rss_url: String,
    /// RFC 5005: this document is an archive.
    archive: bool,
    /// RFC 5005 `current`: the subscription feed.
    current_url: String,
    /// RFC 5005 `prev-archive`.
    #[serde(skip_serializing_if = "Option::is_none")]
    prev_archive_url: Option<String>,
    /// RFC 5005 `next-archive`.
    #[serde(skip_serializing_if = "Option::is_none")]
    next_archive_url: Option<String>,
}

#[derive(Serialize)]
struct JsonFeed<'a, I> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: String,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_url: Option<String>,
    language: &'static str,
    authors: [Named<'a>; 1],
    #[serde(rename = "_pbgdpl")]
    ext: FeedExtension<'a>,
    items: I,
}

/// The JSON Feed document: the head, then `items` (serialised as given).
pub fn json<I: Serialize>(h: &Head<'_>, items: I) -> io::Result<Vec<u8>> {
    let position = h.position;
    let prev = position.prev.as_deref().map(|n| h.url(Some(n), JSON_FILE));
    let (scope, category, clause) = match h.scope {
        Scope::Site => ("site", None, None),
        Scope::Category(cat) => ("category", Some(cat.key), cat.clause),
    };
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &h.title,
        home_page_url: &h.home,
        feed_url: h.own_url(JSON_FILE),
        description: &h.description,
        next_url: prev.clone(),
        language: h.lang.code(),
        authors: [h.agency],
        ext: FeedExtension {
            schema: (h.permalink)(&format!("schemas/{FEED_SCHEMA}")),
            schema_version: SCHEMA_VERSION,
            generator: generator(),
            agency: h.agency,
            province: h.province,
            language: h.lang.code(),
            scope,
            category,
            clause,
            sync_url: (h.permalink)(crate::sync::SYNC_PATH),
            atom_url: h.own_url(ATOM_FILE),
            rss_url: h.own_url(RSS_FILE),
            archive: position.is_archive(),
            current_url: h.url(None, JSON_FILE),
            prev_archive_url: prev,
            next_archive_url: position.next.as_deref().map(|n| h.url(Some(n), JSON_FILE)),
        },
        items,
    };
    let mut bytes = serde_json::to_vec_pretty(&feed).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}
