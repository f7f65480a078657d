//! JSON Feed 1.1 of the hub: the hub's `_pbgdpl` at feed level, the
//! agencies' items as they published them.

use std::io;

use serde::Serialize;
use serde_json::Value;

use crate::output::feeds::{ATOM_FILE, JSON_FILE, RSS_FILE, Scope};
use crate::sync::{FEED_SCHEMA, SCHEMA_VERSION, SYNC_PATH};

use super::super::Hub;
use super::Doc;

#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Author<'a> {
    name: &'a str,
    url: &'a str,
}

/// The feed-level `_pbgdpl` object (schema: `jsonfeed-pbgdpl.v1.json`).
#[derive(Serialize)]
struct FeedExtension<'a> {
    schema: String,
    schema_version: &'static str,
    generator: String,
    agency: Named<'a>,
    province: Named<'a>,
    language: &'static str,
    scope: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause: Option<&'static str>,
    sync_url: String,
    atom_url: String,
    rss_url: String,
    archive: bool,
    current_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    prev_archive_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_archive_url: Option<String>,
}

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: String,
    home_page_url: String,
    feed_url: String,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_url: Option<String>,
    language: &'static str,
    authors: Vec<Author<'a>>,
    #[serde(rename = "_pbgdpl")]
    ext: FeedExtension<'a>,
    items: Vec<&'a Value>,
}

/// The JSON Feed of one document.
pub(super) fn write(hub: &Hub<'_>, doc: &Doc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = &hub.input.config.hub;
    let url = |archive: Option<usize>| hub.permalink(&doc.path_of(archive, JSON_FILE));
    let prev = doc.prev_archive().map(|n| url(Some(n)));
    let (scope, category, clause) = match doc.scope {
        Scope::Site => ("site", None, None),
        Scope::Category(cat) => ("category", Some(cat.key), cat.clause),
    };
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: doc.title(hub),
        home_page_url: hub.permalink(&doc.scope.dir()),
        feed_url: url(doc.archive),
        description: doc.description(hub),
        next_url: prev.clone(),
        language: c.language.code(),
        authors: vec![Author {
            name: &c.agency.name,
            url: &c.agency.url,
        }],
        ext: FeedExtension {
            schema: hub.permalink(&format!("schemas/{FEED_SCHEMA}")),
            schema_version: SCHEMA_VERSION,
            generator: format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
            agency: Named {
                name: &c.agency.name,
                url: &c.agency.url,
            },
            province: Named {
                name: &c.title,
                url: &c.base_url,
            },
            language: c.language.code(),
            scope,
            category,
            clause,
            sync_url: hub.permalink(SYNC_PATH),
            atom_url: hub.permalink(&doc.path(ATOM_FILE)),
            rss_url: hub.permalink(&doc.path(RSS_FILE)),
            archive: doc.archive.is_some(),
            current_url: url(None),
            prev_archive_url: prev,
            next_archive_url: doc.next_archive().map(|n| url(Some(n))),
        },
        items: doc.items.iter().map(|i| i.value).collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&feed).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}
