//! Checking what an agency published before the hub trusts it: the JSON
//! Schemas of `schemas/` (the same files every section publishes), then
//! the rules of the protocol (`docs/sync.md`) a schema cannot express:
//! the version, the count and the digest recomputed from the records; then
//! the hub's own rules ([`super::accept`]). Failures are [`Reason`]s,
//! which never quote the document.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::msg;
use crate::output::schemas::SCHEMAS;
use crate::sync::{
    FEED_SCHEMA, FeedLinks, Record, SCHEMA_MAJOR, STATISTICS_SCHEMA, SYNC_SCHEMA, SiteInfo,
    StatisticsLink, Tombstone, canonical,
};

use super::accept::{self, Reason, Violation};

/// How many schema violations a report names.
const QUOTED_ERRORS: usize = 3;

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
    /// Its statistics (since format 1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<StatisticsLink>,
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
    /// The items, admitted ([`accept::items::page`]).
    pub items: Vec<Value>,
    /// The next (older) document, if any.
    pub next_url: Option<String>,
}

/// The compiled schemas.
pub struct Schemas {
    sync: jsonschema::Validator,
    feed: jsonschema::Validator,
    statistics: jsonschema::Validator,
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
        .map_err(|e| {
            Error::Usage(msg!(
                "schema-does-not-compile",
                name = format!("schemas/{name}"),
                detail = e.to_string()
            ))
        })
}

impl Schemas {
    /// Compiles the schemas built into pbgdpl.
    pub fn new() -> Result<Self, Error> {
        Ok(Self {
            sync: compile(SYNC_SCHEMA)?,
            feed: compile(FEED_SCHEMA)?,
            statistics: compile(STATISTICS_SCHEMA)?,
        })
    }
}

/// A JSON Pointer safe to show: array positions and plain property names
/// (the schema's own, all lowercase) are kept, anything else becomes `…`.
fn safe_path(path: &str) -> String {
    if path.is_empty() {
        return "/".into();
    }
    path.split('/')
        .skip(1)
        .map(|seg| {
            let plain = !seg.is_empty()
                && seg.len() <= 40
                && seg.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'$'
                });
            if plain { seg } else { "…" }
        })
        .fold(String::new(), |mut acc, seg| {
            acc.push('/');
            acc.push_str(seg);
            acc
        })
}

/// The rule a violation breaks, in the schema's words (never the value).
fn rule(kind: &jsonschema::error::ValidationErrorKind) -> String {
    use jsonschema::error::{TypeKind, ValidationErrorKind as K};
    match kind {
        K::Required { property } => match property.as_str() {
            Some(p) => format!("required ({p})"),
            None => "required".into(),
        },
        K::Type { kind } => match kind {
            TypeKind::Single(t) => format!("type ({t})"),
            TypeKind::Multiple(_) => "type".into(),
        },
        K::Format { format } => format!("format ({format})"),
        K::Pattern { pattern } if pattern.len() <= 40 => format!("pattern ({pattern})"),
        other => other.keyword().to_string(),
    }
}

fn check_schema(
    validator: &jsonschema::Validator,
    value: &Value,
    schema: &str,
) -> Result<(), Reason> {
    let mut violations = Vec::new();
    let mut more = 0;
    for e in validator.iter_errors(value) {
        if violations.len() < QUOTED_ERRORS {
            violations.push(Violation {
                path: safe_path(&e.instance_path().to_string()),
                rule: rule(e.kind()),
            });
        } else {
            more += 1;
        }
    }
    if violations.is_empty() {
        return Ok(());
    }
    Err(Reason::Schema {
        schema: schema.to_string(),
        violations,
        more,
    })
}

/// Parses a JSON document (UTF-8, a byte-order mark allowed).
pub(crate) fn parse_json(bytes: &[u8]) -> Result<Value, Reason> {
    let text = std::str::from_utf8(bytes).map_err(|_| Reason::NotUtf8)?;
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| Reason::NotJson {
        line: e.line(),
        column: e.column(),
    })
}

fn major_version(value: &Value) -> Result<(), Reason> {
    match value.get("schema_version").and_then(Value::as_str) {
        Some(v) if v.split('.').next() == Some(SCHEMA_MAJOR) => Ok(()),
        Some(_) => Err(Reason::SchemaMajor),
        None => Err(Reason::NoSchemaVersion),
    }
}

impl Schemas {
    /// Admits a `statistics.json` listed in `sync.json` as `link`
    /// ([`accept::statistics::admit`]).
    pub fn statistics(&self, bytes: &[u8], link: &StatisticsLink) -> Result<Value, Reason> {
        accept::statistics::admit(bytes, link, &|v| {
            check_schema(&self.statistics, v, STATISTICS_SCHEMA)
        })
    }

    /// Parses and checks a `sync.json`: JSON, version, schema, count,
    /// digest, then the hub's rules for records and tombstones
    /// ([`accept::records::check`]).
    pub fn snapshot(&self, bytes: &[u8]) -> Result<Snapshot, Reason> {
        let value = parse_json(bytes)?;
        major_version(&value)?;
        check_schema(&self.sync, &value, SYNC_SCHEMA)?;
        let computed = canonical::hash(value.get("entries").unwrap_or(&Value::Null));
        let count = value.get("count").and_then(Value::as_u64);
        let snapshot: Snapshot = serde_json::from_value(value).map_err(|_| Reason::Schema {
            schema: SYNC_SCHEMA.to_string(),
            violations: vec![Violation {
                path: "/".into(),
                rule: "structure".into(),
            }],
            more: 0,
        })?;
        if count != Some(snapshot.entries.len() as u64) {
            return Err(Reason::CountMismatch {
                actual: snapshot.entries.len(),
            });
        }
        if computed != snapshot.digest {
            return Err(Reason::DigestMismatch);
        }
        accept::records::check(&snapshot)?;
        Ok(snapshot)
    }

    /// Parses and checks one document of a section's JSON Feed chain
    /// published at `base_url`; its items come out admitted by
    /// [`accept::items::page`] (checked, addresses kept inside the
    /// section, HTML sanitised).
    pub fn feed(&self, bytes: &[u8], base_url: &str) -> Result<FeedPage, Reason> {
        let value = parse_json(bytes)?;
        if let Some(ext) = value.get("_pbgdpl") {
            major_version(ext)?;
        }
        check_schema(&self.feed, &value, FEED_SCHEMA)?;
        if value.get("version").and_then(Value::as_str) != Some("https://jsonfeed.org/version/1.1")
        {
            return Err(Reason::NotJsonFeed);
        }
        let next_url = value
            .get("next_url")
            .and_then(Value::as_str)
            .map(str::to_string);
        let items = match value {
            Value::Object(mut map) => match map.remove("items") {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        Ok(FeedPage {
            items: accept::items::page(items, base_url)?,
            next_url,
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
        assert_eq!(e, Reason::DigestMismatch);

        let twice = snapshot_json(json!([
            record("tag:a.example,2019:/pbgdpl/x"),
            record("tag:a.example,2019:/pbgdpl/x")
        ]));
        let e = s
            .snapshot(&serde_json::to_vec(&twice).unwrap())
            .unwrap_err();
        assert_eq!(e, Reason::IdTwice { entry: 2 });

        let foreign = snapshot_json(json!([record("tag:b.example,2019:/x")]));
        let e = s
            .snapshot(&serde_json::to_vec(&foreign).unwrap())
            .unwrap_err();
        assert_eq!(e, Reason::IdOutside { entry: 1 });

        let mut wrong_type = good.clone();
        wrong_type["entries"][0]["sha256"] = json!("xyz");
        wrong_type["digest"] = json!(canonical::hash(&wrong_type["entries"]));
        let e = s
            .snapshot(&serde_json::to_vec(&wrong_type).unwrap())
            .unwrap_err();
        let said = e.page(&crate::i18n::builtin(crate::i18n::Lang::En));
        assert!(
            said.contains("schemas/sync.v1.json") && said.contains("/entries/0/sha256"),
            "{said}"
        );
        assert!(!said.contains("xyz"), "the value is quoted: {said}");

        let mut v2 = good;
        v2["schema_version"] = json!("2.0");
        let e = s.snapshot(&serde_json::to_vec(&v2).unwrap()).unwrap_err();
        assert_eq!(e, Reason::SchemaMajor);

        let e = s
            .snapshot(b"INTERNAL-SECRET: db_password=hunter2")
            .unwrap_err();
        assert_eq!(e, Reason::NotJson { line: 1, column: 1 });
        assert!(
            !e.page(&crate::i18n::builtin(crate::i18n::Lang::Vi))
                .contains("SECRET")
        );
    }

    #[test]
    fn schema_violations_name_the_place_and_rule_not_the_value() {
        assert_eq!(safe_path("/entries/3/sha256"), "/entries/3/sha256");
        assert_eq!(safe_path("/meta/INTERNAL-SECRET=1"), "/meta/…");
        assert_eq!(safe_path(""), "/");
    }
}
