//! Checking what an agency published before the hub trusts it: the JSON
//! Schemas of `schemas/` (the same files every section publishes), then
//! the rules of the protocol (`docs/sync.md`) a schema cannot express:
//! the version, the count, unique ids under the section's own address, and
//! the digest recomputed from the records.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::output::feeds::item::tag_prefix_of;
use crate::output::schemas::SCHEMAS;
use crate::sync::{
    FEED_SCHEMA, FeedLinks, Record, SCHEMA_MAJOR, SYNC_SCHEMA, SiteInfo, Tombstone, canonical,
};

/// How many schema violations a report quotes.
const QUOTED_ERRORS: usize = 3;
/// The longest quoted violation, in characters.
const QUOTED_CHARS: usize = 160;

/// A `sync.json` that passed every check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Format version (`1.x`).
    pub schema_version: String,
    /// Who wrote it.
    pub generator: String,
    /// The publishing section.
    pub site: SiteInfo,
    /// Its feeds.
    pub feeds: FeedLinks,
    /// The digest of `entries`.
    pub digest: String,
    /// Every published entry.
    pub entries: Vec<Record>,
    /// Tombstones.
    pub deleted: Vec<Tombstone>,
}

/// One document of a section's JSON Feed chain, checked.
#[derive(Debug, Clone)]
pub struct FeedPage {
    /// The items, exactly as published.
    pub items: Vec<Value>,
    /// The next (older) document, if any.
    pub next_url: Option<String>,
}

/// The compiled schemas.
pub struct Schemas {
    sync: jsonschema::Validator,
    feed: jsonschema::Validator,
}

impl std::fmt::Debug for Schemas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Schemas").finish_non_exhaustive()
    }
}

fn compile(name: &str) -> Result<jsonschema::Validator, Error> {
    let text = SCHEMAS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or("{}");
    let value: Value = serde_json::from_str(text).map_err(|source| Error::Json {
        what: format!("schemas/{name}"),
        source,
    })?;
    jsonschema::options()
        .should_validate_formats(true)
        .build(&value)
        .map_err(|e| Error::Usage(format!("schemas/{name} does not compile: {e}")))
}

impl Schemas {
    /// Compiles the schemas built into pbgdpl.
    pub fn new() -> Result<Self, Error> {
        Ok(Self {
            sync: compile(SYNC_SCHEMA)?,
            feed: compile(FEED_SCHEMA)?,
        })
    }
}

fn check_schema(
    validator: &jsonschema::Validator,
    value: &Value,
    schema: &str,
) -> Result<(), String> {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| {
            let at = e.instance_path().to_string();
            let mut text = e.to_string();
            if text.chars().count() > QUOTED_CHARS {
                text = text.chars().take(QUOTED_CHARS).collect::<String>() + "…";
            }
            if at.is_empty() {
                text
            } else {
                format!("{at}: {text}")
            }
        })
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    let mut message = format!(
        "it does not follow schemas/{schema}: {}",
        errors
            .iter()
            .take(QUOTED_ERRORS)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ")
    );
    if errors.len() > QUOTED_ERRORS {
        message.push_str(&format!(" (and {} more)", errors.len() - QUOTED_ERRORS));
    }
    Err(message)
}

fn parse_json(bytes: &[u8]) -> Result<Value, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())?;
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        let start: String = text.trim_start().chars().take(40).collect();
        format!("it is not JSON ({e}); it starts with {start:?}")
    })
}

fn major_version(value: &Value) -> Result<(), String> {
    match value.get("schema_version").and_then(Value::as_str) {
        Some(v) if v.split('.').next() == Some(SCHEMA_MAJOR) => Ok(()),
        Some(v) => Err(format!(
            "it has schema_version {v}, this pbgdpl reads {SCHEMA_MAJOR}.x; upgrade pbgdpl"
        )),
        None => Err("it has no schema_version: it is not a pbgdpl document".into()),
    }
}

impl Schemas {
    /// Parses and checks a `sync.json`.
    pub fn snapshot(&self, bytes: &[u8]) -> Result<Snapshot, String> {
        let value = parse_json(bytes)?;
        major_version(&value)?;
        check_schema(&self.sync, &value, SYNC_SCHEMA)?;
        let computed = canonical::hash(value.get("entries").unwrap_or(&Value::Null));
        let snapshot: Snapshot =
            serde_json::from_value(value.clone()).map_err(|e| format!("it cannot be read: {e}"))?;
        let count = value.get("count").and_then(Value::as_u64);
        if count != Some(snapshot.entries.len() as u64) {
            return Err(format!(
                "its count ({}) is not the number of its entries ({})",
                count.map(|c| c.to_string()).unwrap_or_default(),
                snapshot.entries.len()
            ));
        }
        if computed != snapshot.digest {
            return Err(format!(
                "its digest {} is not the SHA-256 of its entries ({computed}): the file is damaged or was edited by hand",
                snapshot.digest
            ));
        }
        let prefix = tag_prefix_of(&snapshot.site.base_url);
        let mut ids = BTreeSet::new();
        for r in &snapshot.entries {
            if !r.id.starts_with(&prefix) {
                return Err(format!(
                    "the id {} is not under the section's own address ({prefix}…)",
                    r.id
                ));
            }
            if !ids.insert(r.id.as_str()) {
                return Err(format!("the id {} is listed twice", r.id));
            }
        }
        Ok(snapshot)
    }

    /// Parses and checks one document of a section's JSON Feed chain;
    /// `prefix` is the section's `tag:` prefix.
    pub fn feed(&self, bytes: &[u8], prefix: &str) -> Result<FeedPage, String> {
        let value = parse_json(bytes)?;
        if let Some(ext) = value.get("_pbgdpl") {
            major_version(ext)?;
        }
        check_schema(&self.feed, &value, FEED_SCHEMA)?;
        if value.get("version").and_then(Value::as_str) != Some("https://jsonfeed.org/version/1.1")
        {
            return Err(
                "it is not a JSON Feed 1.1 (its version is not https://jsonfeed.org/version/1.1)"
                    .into(),
            );
        }
        let items = value
            .get("items")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut ids = BTreeSet::new();
        for item in &items {
            let id = item.get("id").and_then(Value::as_str).unwrap_or_default();
            if !id.starts_with(prefix) {
                return Err(format!(
                    "the item {id} is not under the section's own address ({prefix}…)"
                ));
            }
            if !ids.insert(id) {
                return Err(format!("the item {id} is listed twice"));
            }
            for key in ["url", "title", "date_published"] {
                if item
                    .get(key)
                    .and_then(Value::as_str)
                    .is_none_or(str::is_empty)
                {
                    return Err(format!("the item {id} has no {key}"));
                }
            }
            let date = item
                .get("date_published")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if chrono::DateTime::parse_from_rfc3339(date).is_err() {
                return Err(format!(
                    "the item {id} has a date_published that is not RFC 3339: {date:?}"
                ));
            }
        }
        Ok(FeedPage {
            items,
            next_url: value
                .get("next_url")
                .and_then(Value::as_str)
                .map(str::to_string),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn snapshot_json(entries: Value) -> Value {
        let digest = canonical::hash(&entries);
        json!({
            "schema_version": "1.0",
            "generator": "pbgdpl 0.1.0",
            "site": {
                "title": "T", "base_url": "https://a.example/pbgdpl/", "language": "vi",
                "agency": {"name": "A", "url": "https://a.example"},
                "province": {"name": "P", "url": "https://p.example"}
            },
            "feeds": {"json": "https://a.example/pbgdpl/feed.json", "atom": "https://a.example/pbgdpl/atom.xml", "rss": "https://a.example/pbgdpl/rss.xml"},
            "count": entries.as_array().map(Vec::len).unwrap_or(0),
            "digest": digest,
            "entries": entries,
            "deleted": []
        })
    }

    fn record(id: &str) -> Value {
        json!({"id": id, "url": "https://a.example/pbgdpl/x/", "category": "tin-tuc",
               "date_modified": null, "sha256": "0".repeat(64)})
    }

    #[test]
    fn a_good_snapshot_passes_and_each_rule_is_enforced() {
        let s = Schemas::new().unwrap();
        let good = snapshot_json(json!([record("tag:a.example,2019:/pbgdpl/x")]));
        let bytes = serde_json::to_vec(&good).unwrap();
        assert_eq!(s.snapshot(&bytes).unwrap().entries.len(), 1);

        let mut bad = good.clone();
        bad["digest"] = json!("1".repeat(64));
        let e = s.snapshot(&serde_json::to_vec(&bad).unwrap()).unwrap_err();
        assert!(e.contains("is not the SHA-256 of its entries"), "{e}");

        let twice = snapshot_json(json!([
            record("tag:a.example,2019:/pbgdpl/x"),
            record("tag:a.example,2019:/pbgdpl/x")
        ]));
        let e = s
            .snapshot(&serde_json::to_vec(&twice).unwrap())
            .unwrap_err();
        assert!(e.contains("listed twice"), "{e}");

        let foreign = snapshot_json(json!([record("tag:b.example,2019:/x")]));
        let e = s
            .snapshot(&serde_json::to_vec(&foreign).unwrap())
            .unwrap_err();
        assert!(e.contains("not under the section's own address"), "{e}");

        let mut wrong_type = good.clone();
        wrong_type["entries"][0]["sha256"] = json!("xyz");
        wrong_type["digest"] = json!(canonical::hash(&wrong_type["entries"]));
        let e = s
            .snapshot(&serde_json::to_vec(&wrong_type).unwrap())
            .unwrap_err();
        assert!(
            e.contains("schemas/sync.v1.json") && e.contains("/entries/0/sha256"),
            "{e}"
        );

        let mut v2 = good;
        v2["schema_version"] = json!("2.0");
        let e = s.snapshot(&serde_json::to_vec(&v2).unwrap()).unwrap_err();
        assert!(e.contains("upgrade pbgdpl"), "{e}");

        let e = s.snapshot(b"<html>oops</html>").unwrap_err();
        assert!(e.contains("it is not JSON") && e.contains("<html>"), "{e}");
    }
}
