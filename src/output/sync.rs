//! `sync.json`: the complete snapshot of the published section (see
//! [`crate::sync`] and `docs/sync.md`).
//!
//! ## The canonical form of an entry
//!
//! Each record's `sha256` is the SHA-256 of the RFC 8785 (JCS)
//! serialisation of this object, built from the entry's source:
//!
//! | key | value |
//! |---|---|
//! | `id` | the global id |
//! | `url` | the entry's full URL |
//! | `category` | category key |
//! | `title` | title |
//! | `date`, `updated` | RFC 3339, only when given |
//! | `summary` | the front-matter `summary`, only when given |
//! | `tags` | tags, in order |
//! | `author` | only when given |
//! | `body` | the Markdown body (NFC, `\n` line endings) |
//! | `attachments` | `[{file, title, mime_type, size, sha256}]`, `sha256` of the file's bytes |
//! | `meta` | the typed metadata, as in the feeds' `_pbgdpl.meta` |
//!
//! Editing the body, a key, or an attached file changes the entry's hash,
//! and only its own record (and the section `digest`). Editorial keys
//! (status, editor, approver, weight) are not content and not hashed.

use std::collections::BTreeSet;

use rayon::prelude::*;
use serde_json::{Value, json};

use crate::error::Error;
use crate::render::{Page, Prepared};
use crate::sync::{
    self, FeedLinks, Named, Record, SCHEMA_VERSION, SYNC_PATH, SYNC_SCHEMA, SiteInfo, Snapshot,
    Tombstone, canonical,
};

use super::feeds::item::{global_id, meta, tag_prefix};
use super::feeds::{ATOM_FILE, JSON_FILE, RSS_FILE};
use super::{RenderContext, Renderer, Sink};

/// The canonical object of an entry (see the module documentation).
pub fn canonical_entry(p: &Prepared<'_>, page: &Page<'_>) -> Result<Value, Error> {
    let e = page.entry;
    let mut attachments = Vec::new();
    for a in &e.attachments {
        let sha = match &e.bundle_dir {
            Some(dir) => {
                let path = p.site.root.join(dir).join(&a.file);
                let bytes = std::fs::read(&path).map_err(Error::io(&path))?;
                canonical::sha256_hex(&bytes)
            }
            None => String::new(),
        };
        attachments.push(json!({
            "file": a.file,
            "title": a.title,
            "mime_type": a.mime,
            "size": a.size,
            "sha256": sha,
        }));
    }
    let mut v = json!({
        "id": global_id(&p.site.config, &e.id),
        "url": page.permalink,
        "category": e.category.key,
        "title": e.title,
        "tags": e.tags,
        "body": e.body(),
        "attachments": attachments,
        "meta": meta(e),
    });
    if let Value::Object(m) = &mut v {
        let mut opt = |k: &str, val: Option<String>| {
            if let Some(val) = val {
                m.insert(k.to_string(), Value::String(val));
            }
        };
        opt("date", e.date.map(|d| d.rfc3339()));
        opt("updated", e.updated.map(|d| d.rfc3339()));
        opt("summary", e.summary.clone());
        opt("author", e.editorial.author.clone());
    }
    Ok(v)
}

/// The record of one published entry.
pub fn record(p: &Prepared<'_>, page: &Page<'_>) -> Result<Record, Error> {
    let e = page.entry;
    Ok(Record {
        id: global_id(&p.site.config, &e.id),
        url: page.permalink.clone(),
        category: e.category.key.to_string(),
        date_modified: e.modified().map(|d| d.rfc3339()),
        sha256: canonical::hash(&canonical_entry(p, page)?),
    })
}

/// The tombstones of this build (see [`crate::sync::tombstones`]).
pub fn tombstones(p: &Prepared<'_>) -> Vec<Tombstone> {
    let ids: Vec<String> = p
        .published()
        .map(|pg| global_id(&p.site.config, &pg.entry.id))
        .collect();
    let current: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let prefix = tag_prefix(&p.site.config);
    sync::tombstones(&current, p.site.previous.as_ref(), &prefix, p.site.today)
}

/// The snapshot of the section.
pub fn snapshot(p: &Prepared<'_>) -> Result<Snapshot, Error> {
    let pages: Vec<&Page<'_>> = p.published().collect();
    let mut entries: Vec<Record> = pages
        .par_iter()
        .map(|pg| record(p, pg))
        .collect::<Result<_, _>>()?;
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let c = &p.site.config;
    Ok(Snapshot {
        schema: p.permalink(&format!("schemas/{SYNC_SCHEMA}")),
        schema_version: SCHEMA_VERSION.to_string(),
        generator: format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
        site: SiteInfo {
            title: c.title.clone(),
            base_url: c.base_url.clone(),
            language: c.language.code().to_string(),
            agency: Named {
                name: c.agency.name.clone(),
                url: c.agency.url.clone(),
            },
            province: Named {
                name: c.province.name.clone(),
                url: c.province.url.clone(),
            },
        },
        feeds: FeedLinks {
            json: p.permalink(JSON_FILE),
            atom: p.permalink(ATOM_FILE),
            rss: p.permalink(RSS_FILE),
        },
        count: entries.len(),
        digest: sync::digest(&entries),
        entries,
        deleted: tombstones(p),
    })
}

/// Writes `sync.json`.
pub struct SyncManifest;

impl Renderer for SyncManifest {
    fn name(&self) -> &'static str {
        "sync"
    }

    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error> {
        let snapshot = snapshot(cx.prepared)?;
        let mut bytes = serde_json::to_vec_pretty(&snapshot)
            .map_err(|e| Error::io(SYNC_PATH)(std::io::Error::other(e)))?;
        bytes.push(b'\n');
        out.write(SYNC_PATH, &bytes)
    }
}
