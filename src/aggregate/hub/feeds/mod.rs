//! The hub's combined feeds: JSON Feed 1.1, Atom 1.0 and RSS 2.0, for all
//! agencies and per category, newest first, with RFC 5005 archives named
//! after their month exactly like an agency's (see [`crate::output::feeds`]).
//! Items are the agencies' own JSON Feed items, unchanged: the same global
//! ids, URLs on the agencies' sites and `_pbgdpl` metadata. In Atom each
//! entry carries `xml:base` = its page, so the root-relative links of its
//! content resolve against the agency's site; RSS, which has no
//! `xml:base`, gets them made absolute.

mod atom;
mod json;
pub mod rss;

use std::io;

use rayon::prelude::*;
use serde_json::Value;

use crate::category::CATEGORIES;
use crate::date::Timestamp;
use crate::error::Error;
use crate::output::Sink;
use crate::output::feeds::item::tag_prefix_of;
use crate::output::feeds::{ATOM_FILE, JSON_FILE, Position, RSS_FILE, Scope, chain, head};
use crate::sync::Tombstone;

use super::{Hub, HubItem};

/// One document of the combined feeds.
pub(super) struct Doc<'h, 'a> {
    pub(super) scope: Scope,
    pub(super) position: Position,
    pub(super) items: Vec<&'h HubItem<'a>>,
    pub(super) tombstones: Vec<&'h Tombstone>,
    pub(super) updated: Timestamp,
}

impl Doc<'_, '_> {
    pub(super) fn path(&self, file: &str) -> String {
        self.scope.path(self.position.archive.as_deref(), file)
    }

    pub(super) fn title(&self, hub: &Hub<'_>) -> String {
        let c = &hub.input.config.hub;
        match self.scope {
            Scope::Site => c.title.clone(),
            Scope::Category(cat) => format!("{} – {}", cat.label(c.language), c.title),
        }
    }

    pub(super) fn description(&self, hub: &Hub<'_>) -> String {
        match self.scope {
            Scope::Site => hub
                .input
                .config
                .hub
                .description
                .clone()
                .unwrap_or_else(|| self.title(hub)),
            Scope::Category(_) => self.title(hub),
        }
    }

    /// The document's head, `permalink` making full URLs.
    pub(super) fn head<'h>(
        &'h self,
        hub: &'h Hub<'_>,
        permalink: &'h dyn Fn(&str) -> String,
    ) -> head::Head<'h> {
        let c = &hub.input.config.hub;
        head::Head {
            scope: self.scope,
            position: &self.position,
            id: format!("{}{}", tag_prefix_of(&c.base_url), self.scope.dir()),
            title: self.title(hub),
            description: self.description(hub),
            home: hub.permalink(&self.scope.dir()),
            language: c.language.code(),
            base_url: &c.base_url,
            updated: self.updated,
            agency: head::Named {
                name: &c.agency.name,
                url: &c.agency.url,
            },
            province: head::Named {
                name: &c.title,
                url: &c.base_url,
            },
            permalink,
        }
    }
}

fn documents<'h, 'a>(
    hub: &'h Hub<'a>,
    scope: Scope,
    items: Vec<&'h HubItem<'a>>,
    tombstones: Vec<&'h Tombstone>,
    fallback: Timestamp,
) -> Vec<Doc<'h, 'a>> {
    let updated =
        |items: &[&HubItem<'_>]| items.iter().map(|i| i.modified).max().unwrap_or(fallback);
    let mut tombstones = Some(tombstones);
    let published = |i: &&HubItem<'_>| i.published.date();
    chain(&items, hub.input.config.hub.feed_limit, published, updated)
        .into_iter()
        .map(|part| Doc {
            scope,
            position: part.position,
            updated: part.updated,
            items: part.items,
            // Tombstones go in the subscription document only (the first).
            tombstones: tombstones.take().unwrap_or_default(),
        })
        .collect()
}

/// Writes every combined feed document.
pub fn write(hub: &Hub<'_>, out: &dyn Sink) -> Result<(), Error> {
    let fallback = hub
        .items
        .iter()
        .map(|i| i.modified)
        .max()
        .unwrap_or_else(|| Timestamp::from_date(hub.input.now.date()));
    let mut docs = documents(
        hub,
        Scope::Site,
        hub.items.iter().collect(),
        hub.tombstones.iter().collect(),
        fallback,
    );
    for c in CATEGORIES.iter() {
        docs.extend(documents(
            hub,
            Scope::Category(c),
            hub.items
                .iter()
                .filter(|i| i.category.key == c.key)
                .collect(),
            hub.tombstones
                .iter()
                .filter(|t| t.category.as_deref() == Some(c.key))
                .collect(),
            fallback,
        ));
    }
    docs.par_iter().try_for_each(|doc| {
        let files: [(&str, io::Result<Vec<u8>>); 3] = [
            (JSON_FILE, json::write(hub, doc)),
            (RSS_FILE, rss::write(hub, doc)),
            (ATOM_FILE, atom::write(hub, doc)),
        ];
        for (file, bytes) in files {
            let path = doc.path(file);
            let bytes = bytes.map_err(Error::io(&path))?;
            out.write(&path, &bytes)?;
        }
        Ok(())
    })
}

/// An item's attachments: (url, mime type, title, size).
pub(super) fn attachments<'v>(item: &'v HubItem<'_>) -> Vec<(&'v str, &'v str, &'v str, u64)> {
    item.value
        .get("attachments")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|a| {
                    Some((
                        a.get("url")?.as_str()?,
                        a.get("mime_type")?.as_str()?,
                        a.get("title").and_then(Value::as_str).unwrap_or(""),
                        a.get("size_in_bytes").and_then(Value::as_u64).unwrap_or(0),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

pub(super) fn tags<'v>(item: &'v HubItem<'_>) -> Vec<&'v str> {
    item.value
        .get("tags")
        .and_then(Value::as_array)
        .map(|t| t.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

pub(super) fn author<'v>(item: &'v HubItem<'_>) -> Option<(&'v str, Option<&'v str>)> {
    let a = item.value.pointer("/authors/0")?;
    Some((
        a.get("name")?.as_str()?,
        a.get("url").and_then(Value::as_str),
    ))
}
