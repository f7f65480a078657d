//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>) with the `_pbgdpl`
//! extension at feed and item level (schema: `schemas/jsonfeed-pbgdpl.v1.json`).

use serde::Serialize;

use crate::render::Prepared;
use crate::sync::{FEED_SCHEMA, SCHEMA_VERSION};

use super::item::{Author, FeedItem};
use super::{ATOM_FILE, FeedDoc, JSON_FILE, RSS_FILE, Scope};

/// A name and an address.
#[derive(Debug, Serialize)]
struct Named<'a> {
    name: &'a str,
    url: &'a str,
}

/// The feed-level `_pbgdpl` object.
#[derive(Debug, Serialize)]
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
    /// The complete snapshot of the section.
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

#[derive(Debug, Serialize)]
struct JsonFeed<'a, 'i> {
    version: &'static str,
    title: String,
    home_page_url: String,
    feed_url: String,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_url: Option<String>,
    language: &'static str,
    authors: Vec<Author>,
    #[serde(rename = "_pbgdpl")]
    ext: FeedExtension<'a>,
    items: &'i [&'i FeedItem<'i>],
}

/// The JSON Feed of one document.
pub fn write(p: &Prepared<'_>, doc: &FeedDoc<'_, '_>) -> std::io::Result<Vec<u8>> {
    let c = &p.site.config;
    let url = |archive: Option<usize>| p.permalink(&doc.path_of(archive, JSON_FILE));
    let prev = doc.prev_archive().map(|n| url(Some(n)));
    let (scope, category, clause) = match doc.scope {
        Scope::Site => ("site", None, None),
        Scope::Category(cat) => ("category", Some(cat.key), cat.clause),
    };
    let items: Vec<&FeedItem<'_>> = doc.items.clone();
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: doc.title(p),
        home_page_url: doc.home(p),
        feed_url: url(doc.archive),
        description: doc.description(p),
        next_url: prev.clone(),
        language: c.language.code(),
        authors: vec![Author {
            name: c.agency.name.clone(),
            url: Some(c.agency.url.clone()),
        }],
        ext: FeedExtension {
            schema: p.permalink(&format!("schemas/{FEED_SCHEMA}")),
            schema_version: SCHEMA_VERSION,
            generator: format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
            agency: Named {
                name: &c.agency.name,
                url: &c.agency.url,
            },
            province: Named {
                name: &c.province.name,
                url: &c.province.url,
            },
            language: c.language.code(),
            scope,
            category,
            clause,
            sync_url: p.permalink(crate::sync::SYNC_PATH),
            atom_url: p.permalink(&doc.path(ATOM_FILE)),
            rss_url: p.permalink(&doc.path(RSS_FILE)),
            archive: doc.archive.is_some(),
            current_url: url(None),
            prev_archive_url: prev,
            next_archive_url: doc.next_archive().map(|n| url(Some(n))),
        },
        items: &items,
    };
    let mut bytes = serde_json::to_vec_pretty(&feed).map_err(std::io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}
