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
//! | `attachments` | every file the entry publishes: `[{file, title, mime_type, size, sha256}]` (`sha256` of the file's bytes), with `role` for the files of `[media]` |
//! | `meta` | the typed metadata, as in the feeds' `_pbgdpl.meta` |
//!
//! Editing the body, a key, an attached file or a media file changes the entry's hash,
//! and only its own record (and the section `digest`). Editorial keys
//! (status, editor, approver, weight) are not content and not hashed.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde_json::value::RawValue;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::content::model::FileRole;
use crate::error::Error;
use crate::render::{Common, Full, Page, Prepared};
use crate::sync::{
    self, FeedLinks, Named, Record, SCHEMA_VERSION, STATISTICS_PATH, SYNC_PATH, SYNC_SCHEMA,
    SiteInfo, Snapshot, StatisticsLink, Tombstone, canonical,
};

use super::feeds::item::{global_id, global_id_under, meta, tag_prefix};
use super::feeds::{ATOM_FILE, JSON_FILE, RSS_FILE};
use super::files::{self, FileOnDisk};
use super::statistics_json::StatisticsDoc;
use super::{Job, RenderContext, Renderer};

/// One published entry as `sync.json` records it.
#[derive(Debug, Hash)]
pub struct SyncEntry<'p> {
    /// The entry.
    pub page: Full<'p>,
    /// The files it publishes (none for an entry without a bundle).
    pub files: Option<Vec<FileOnDisk>>,
}

/// The SHA-256 of every file an entry publishes, in order (empty strings
/// for an entry without a bundle).
fn file_hashes(cx: &RenderContext<'_>, entry: &SyncEntry<'_>) -> Result<Vec<String>, Error> {
    let Some(files) = &entry.files else {
        return Ok(vec![
            String::new();
            entry.page.entry.published_files().count()
        ]);
    };
    Ok(files::hashes_of(cx, files)?
        .iter()
        .map(|h| String::clone(h))
        .collect())
}

/// The canonical object of an entry (see the module documentation);
/// `hashes` are the SHA-256 of the files it publishes
/// ([`crate::content::model::Entry::published_files`]).
pub fn canonical_entry(p: &Common<'_>, page: &Page<'_>, hashes: &[String]) -> Value {
    let e = page.entry;
    let attachments: Vec<Value> = e
        .published_files()
        .zip(hashes)
        .map(|(a, sha)| {
            let mut v = json!({
                "file": a.file,
                "title": a.title,
                "mime_type": a.mime,
                "size": a.size,
                "sha256": sha,
            });
            // Attachments hash as in version 1.0; the files of `[media]`
            // (since 1.1) say what they are.
            if a.role != FileRole::Attachment
                && let Value::Object(m) = &mut v
            {
                m.insert("role".into(), Value::String(a.role.as_str().into()));
            }
            v
        })
        .collect();
    let mut v = json!({
        "id": global_id(p.config, &e.id),
        "url": page.permalink,
        "category": e.category.key,
        "title": e.title,
        "tags": e.tags,
        "body": e.body(),
        "attachments": attachments,
        "meta": meta(e),
    });
    if let (Some(photo), Some(view)) = (&e.image, &page.image)
        && let Value::Object(m) = &mut v
    {
        m.insert(
            "image".to_string(),
            json!({
                "file": photo.file,
                "url": view.share.url,
                "alt": photo.alt,
                "caption": photo.caption,
                "credit": photo.credit,
            }),
        );
    }
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
    v
}

/// The record of one published entry.
pub fn record(p: &Common<'_>, page: &Page<'_>, hashes: &[String]) -> Record {
    let e = page.entry;
    Record {
        id: global_id(p.config, &e.id),
        url: page.permalink.clone(),
        category: e.category.key.to_string(),
        date_modified: e.modified().map(|d| d.rfc3339()),
        sha256: canonical::hash(&canonical_entry(p, page, hashes)),
    }
}

/// One entry's part of `sync.json`: its id, its record's canonical JSON
/// (for the section digest) and the record as it appears in the document
/// (serialised once, not on every build of `serve`).
#[derive(Debug)]
struct Piece {
    id: String,
    canonical: String,
    pretty: Box<RawValue>,
}

/// The piece of one entry, kept between builds of `serve` while neither
/// the entry nor any of its attachments changed.
fn piece(cx: &RenderContext<'_>, entry: &SyncEntry<'_>) -> Result<Arc<Piece>, Error> {
    let hashes = file_hashes(cx, entry)?;
    cx.piece(entry, |entry| {
        let record = record(cx.common, entry.page.0, &hashes);
        let canonical = canonical::to_string(&serde_json::to_value(&record).unwrap_or_default());
        Ok(Piece {
            pretty: pretty_record(&record)?,
            id: record.id,
            canonical,
        })
    })
}

/// A record as `serde_json::to_vec_pretty` lays it out inside the
/// document's `entries` array (two levels deep: four more spaces after
/// each line break; JSON strings hold no raw line breaks).
fn pretty_record(record: &Record) -> Result<Box<RawValue>, Error> {
    let json_error = |e: serde_json::Error| Error::io(SYNC_PATH)(std::io::Error::other(e));
    let text = serde_json::to_string_pretty(record).map_err(json_error)?;
    RawValue::from_string(text.replace('\n', "\n    ")).map_err(json_error)
}

/// The tombstones of this build (see [`crate::sync::tombstones`]).
pub fn tombstones(p: &Prepared<'_>) -> Vec<Tombstone> {
    if p.site.previous.is_none() {
        // Nothing to compare with (serve, a first build).
        return Vec::new();
    }
    let prefix = tag_prefix(p.config);
    let ids: Vec<String> = p
        .published()
        .map(|pg| global_id_under(&prefix, &pg.entry.id))
        .collect();
    let current: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    sync::tombstones(&current, p.site.previous.as_ref(), &prefix, p.today)
}

/// The snapshot of the section, made of `pieces` (sorted by id).
fn snapshot<'a>(
    p: &Common<'_>,
    pieces: &'a [Arc<Piece>],
    tombstones: &[Tombstone],
    statistics: Option<StatisticsLink>,
) -> Snapshot<&'a RawValue> {
    // The digest is the SHA-256 of the canonical JSON array of the records
    // ([`sync::digest`]), hashed piece by piece.
    let mut digest = Sha256::new();
    digest.update(b"[");
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            digest.update(b",");
        }
        digest.update(piece.canonical.as_bytes());
    }
    digest.update(b"]");
    let entries: Vec<&RawValue> = pieces.iter().map(|piece| &*piece.pretty).collect();
    let c = p.config;
    let site = SiteInfo {
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
    };
    let permalink = |path: &str| p.permalink(path);
    Snapshot {
        statistics,
        ..document(
            site,
            &permalink,
            entries,
            canonical::hex(&digest.finalize()),
            tombstones.to_vec(),
        )
    }
}

/// The `sync.json` of `site` (a section, or the hub) made of `entries`
/// (sorted by id) with their `digest`: the same document head for both,
/// `permalink` making the publisher's full URLs.
pub fn document<E>(
    site: SiteInfo,
    permalink: &dyn Fn(&str) -> String,
    entries: Vec<E>,
    digest: String,
    deleted: Vec<Tombstone>,
) -> Snapshot<E> {
    Snapshot {
        schema: permalink(&format!("schemas/{SYNC_SCHEMA}")),
        schema_version: SCHEMA_VERSION.to_string(),
        generator: format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
        site,
        feeds: FeedLinks {
            json: permalink(JSON_FILE),
            atom: permalink(ATOM_FILE),
            rss: permalink(RSS_FILE),
        },
        statistics: None,
        count: entries.len(),
        digest,
        entries,
        deleted,
    }
}

/// Writes `sync.json`.
pub struct SyncManifest;

/// What `sync.json` is made from.
#[derive(Debug, Hash)]
pub struct SyncView<'p> {
    /// Every published entry.
    pub entries: Vec<SyncEntry<'p>>,
    /// Entries deleted since earlier builds.
    pub tombstones: Vec<Tombstone>,
    /// The section's statistics (`statistics.json`), listed with the hash
    /// of its bytes.
    pub statistics: StatisticsDoc<'p>,
}

impl Renderer for SyncManifest {
    type View<'p> = SyncView<'p>;

    fn name(&self) -> &'static str {
        "sync"
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<SyncView<'p>>>, Error> {
        let entries = p
            .published()
            .map(|page| {
                Ok(SyncEntry {
                    page: Full(page),
                    files: files::on_disk(p.root, page)?,
                })
            })
            .collect::<Result<_, Error>>()?;
        Ok(vec![Job::file(
            SYNC_PATH,
            SyncView {
                entries,
                tombstones: tombstones(p),
                statistics: StatisticsDoc::of(p),
            },
        )])
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        view: &SyncView<'_>,
        _: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        use rayon::prelude::*;
        let mut pieces: Vec<Arc<Piece>> = view
            .entries
            .par_iter()
            .map(|entry| piece(cx, entry))
            .collect::<Result<_, _>>()?;
        pieces.sort_by(|a, b| a.id.cmp(&b.id));
        let statistics = StatisticsLink {
            url: cx.common.permalink(STATISTICS_PATH),
            sha256: view.statistics.sha256(cx.common)?,
            data_tables: view.statistics.tables.len(),
        };
        let snapshot = snapshot(cx.common, &pieces, &view.tombstones, Some(statistics));
        let mut bytes = serde_json::to_vec_pretty(&snapshot)
            .map_err(|e| Error::io(SYNC_PATH)(std::io::Error::other(e)))?;
        bytes.push(b'\n');
        Ok(vec![bytes])
    }
}
