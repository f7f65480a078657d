//! The sync layer: `sync.json`, a complete snapshot of the published
//! section that a consumer (the provincial aggregator, the national portal)
//! compares with the previous one to learn what was added, changed and
//! deleted. The protocol is specified in `docs/sync.md`; the JSON Schema is
//! `schemas/sync.v1.json`.
//!
//! This module holds the snapshot's types, the tombstone rules, and the
//! loading of the previous snapshot; the renderer that writes `sync.json`
//! is [`crate::output::sync`].

pub mod canonical;
pub mod previous;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::date::Timestamp;

pub use previous::{Previous, PreviousRecord};

/// Where the snapshot is published, relative to the site root.
pub const SYNC_PATH: &str = "sync.json";

/// The version of the `sync.json` format and of the feeds' `_pbgdpl`
/// extension. A consumer accepts any `1.x` and ignores fields it does not
/// know; a change that breaks consumers raises the major number.
pub const SCHEMA_VERSION: &str = "1.4";

/// The major version this build reads in previous snapshots.
pub const SCHEMA_MAJOR: &str = "1";

/// File name (under `schemas/`) of the `sync.json` schema.
pub const SYNC_SCHEMA: &str = "sync.v1.json";

/// File name (under `schemas/`) of the JSON Feed `_pbgdpl` extension schema.
pub const FEED_SCHEMA: &str = "jsonfeed-pbgdpl.v1.json";

/// Where the section's statistics are published, relative to the site
/// root (listed in `sync.json` as `statistics`).
pub const STATISTICS_PATH: &str = "statistics.json";

/// File name (under `schemas/`) of the `statistics.json` schema.
pub const STATISTICS_SCHEMA: &str = "statistics.v1.json";

/// The version of the `statistics.json` format.
pub const STATISTICS_VERSION: &str = "1.1";

/// Where a section's statistics are and what they hash to (`sync.json`'s
/// `statistics`, since format 1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatisticsLink {
    /// Full URL of `statistics.json`.
    pub url: String,
    /// SHA-256 (lowercase hex) of its bytes.
    pub sha256: String,
    /// How many data tables (`content/thong-ke/*.toml`) it holds.
    pub data_tables: usize,
}

/// One published entry in the snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Global, stable id (the feeds' item id).
    pub id: String,
    /// Full URL of the entry's page.
    pub url: String,
    /// Category key (`van-ban-moi`).
    pub category: String,
    /// `updated`, else `date` (RFC 3339); `null` for undated pages.
    pub date_modified: Option<String>,
    /// SHA-256 (lowercase hex) of the entry's canonical form.
    pub sha256: String,
}

/// A deleted (or unpublished) entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tombstone {
    /// The id the entry had.
    pub id: String,
    /// When the build first noticed it was gone (RFC 3339).
    pub deleted_at: String,
    /// Its last known URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its last known category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

/// A name and an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    /// Name.
    pub name: String,
    /// Address.
    pub url: String,
}

/// Who publishes the snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    /// Section title.
    pub title: String,
    /// Address of the section (ends with `/`).
    pub base_url: String,
    /// Language code.
    pub language: String,
    /// The agency.
    pub agency: Named,
    /// The provincial PBGDPL site.
    pub province: Named,
}

/// Where the feeds are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedLinks {
    /// JSON Feed 1.1.
    pub json: String,
    /// Atom 1.0.
    pub atom: String,
    /// RSS 2.0.
    pub rss: String,
}

/// The whole `sync.json` document. `E` is the type of its records: the
/// generator writes records it serialised beforehand
/// ([`serde_json::value::RawValue`]), consumers read [`Record`]s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot<E = Record> {
    /// URL of the JSON Schema the document follows.
    #[serde(rename = "$schema")]
    pub schema: String,
    /// Format version (`1.0`).
    pub schema_version: String,
    /// `pbgdpl <version>`.
    pub generator: String,
    /// The publisher.
    pub site: SiteInfo,
    /// The feeds.
    pub feeds: FeedLinks,
    /// The section's statistics (since 1.2; absent from a hub's snapshot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<StatisticsLink>,
    /// Number of entries.
    pub count: usize,
    /// SHA-256 (lowercase hex) of the canonical form of `entries`.
    pub digest: String,
    /// Every published entry, sorted by id.
    pub entries: Vec<E>,
    /// Deleted entries, sorted by id; carried from snapshot to snapshot.
    pub deleted: Vec<Tombstone>,
}

/// The section digest: SHA-256 of the canonical JSON of the records.
pub fn digest(records: &[Record]) -> String {
    let value = serde_json::to_value(records).unwrap_or(serde_json::Value::Null);
    canonical::hash(&value)
}

/// The RFC 3339 form of the build's "today" (midnight, Vietnam time), the
/// `deleted_at` of tombstones created by this build.
pub fn deleted_at(today: NaiveDate) -> String {
    Timestamp::from_date(today).rfc3339()
}

/// The tombstones of this build: those of the previous snapshot, plus one
/// for every entry of the previous snapshot that is not published any
/// more; minus any entry that is published again. Sorted by id.
///
/// Only ids starting with `prefix` (this site's `tag:` prefix) are
/// considered: a snapshot left by a build for another address (a preview
/// with `--base-url`) says nothing about this site's entries.
pub fn tombstones(
    current: &BTreeSet<&str>,
    previous: Option<&Previous>,
    prefix: &str,
    today: NaiveDate,
) -> Vec<Tombstone> {
    let Some(previous) = previous else {
        return Vec::new();
    };
    let ours = |id: &str| id.starts_with(prefix) && !current.contains(id);
    let mut out: BTreeMap<String, Tombstone> = BTreeMap::new();
    for t in &previous.deleted {
        if ours(&t.id) {
            out.entry(t.id.clone()).or_insert_with(|| t.clone());
        }
    }
    let when = deleted_at(today);
    for r in &previous.entries {
        if ours(&r.id) && !out.contains_key(&r.id) {
            out.insert(
                r.id.clone(),
                Tombstone {
                    id: r.id.clone(),
                    deleted_at: when.clone(),
                    url: r.url.clone(),
                    category: r.category.clone(),
                },
            );
        }
    }
    out.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prev(entries: &[&str], deleted: &[(&str, &str)]) -> Previous {
        Previous {
            entries: entries
                .iter()
                .map(|id| PreviousRecord {
                    id: (*id).into(),
                    url: Some(format!("https://x/{id}/")),
                    category: Some("tin-tuc".into()),
                })
                .collect(),
            deleted: deleted
                .iter()
                .map(|(id, when)| Tombstone {
                    id: (*id).into(),
                    deleted_at: (*when).into(),
                    url: None,
                    category: None,
                })
                .collect(),
        }
    }

    #[test]
    fn tombstones_are_created_carried_and_lifted() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let current: BTreeSet<&str> = ["t:a", "t:c"].into_iter().collect();
        let p = prev(
            &["t:a", "t:b", "preview:x"],
            &[
                ("t:c", "2026-01-01T00:00:00+07:00"),
                ("t:z", "2025-05-05T00:00:00+07:00"),
                ("preview:y", "2025-05-05T00:00:00+07:00"),
            ],
        );
        let t = tombstones(&current, Some(&p), "t:", today);
        let ids: Vec<_> = t.iter().map(|t| t.id.as_str()).collect();
        // b is new, z is carried, c is published again, and the ids of
        // another address (a preview build) are not this site's.
        assert_eq!(ids, ["t:b", "t:z"]);
        assert_eq!(t[0].deleted_at, "2026-11-22T00:00:00+07:00");
        assert_eq!(t[0].url.as_deref(), Some("https://x/t:b/"));
        assert_eq!(t[1].deleted_at, "2025-05-05T00:00:00+07:00");
        assert!(tombstones(&current, None, "t:", today).is_empty());
    }
}
