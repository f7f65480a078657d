//! The hub's combined `sync.json`: a valid snapshot under the same schema
//! as an agency's, listing every entry of every published agency under its
//! own global id. Tombstones are the agencies' own, plus one for every
//! entry of the hub's previous snapshot that is gone (an agency removed
//! from `sources.toml`), with the usual carry-forward rules.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::Error;
use crate::output::sync::document;
use crate::output::{Job, RenderContext, Renderer};
use crate::sync::{self, Named, Record, SYNC_PATH, SiteInfo, Snapshot, Tombstone};

use super::{Hub, HubInput, HubSite};

/// Every record of the published agencies, sorted by id.
pub fn records(input: &HubInput<'_>) -> Vec<Record> {
    let mut out: Vec<Record> = input
        .agencies
        .iter()
        .filter_map(|a| a.copy)
        .flat_map(|c| c.snapshot.entries.iter().cloned())
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The combined tombstones, sorted by id.
pub fn tombstones(input: &HubInput<'_>) -> Vec<Tombstone> {
    let records = records(input);
    let current: BTreeSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
    let mut out: BTreeMap<String, Tombstone> = BTreeMap::new();
    for copy in input.agencies.iter().filter_map(|a| a.copy) {
        for t in &copy.snapshot.deleted {
            if !current.contains(t.id.as_str()) {
                out.entry(t.id.clone()).or_insert_with(|| t.clone());
            }
        }
    }
    let today = input.now.date();
    for t in sync::tombstones(&current, input.previous.as_ref(), "tag:", today) {
        out.entry(t.id.clone()).or_insert(t);
    }
    out.into_values().collect()
}

/// The combined snapshot.
pub fn snapshot(hub: &Hub<'_>) -> Snapshot {
    let config = &hub.input.config.hub;
    let entries = records(hub.input);
    let site = SiteInfo {
        title: config.title.clone(),
        base_url: config.base_url.clone(),
        language: config.language.code().to_string(),
        agency: Named {
            name: config.agency.name.clone(),
            url: config.agency.url.clone(),
        },
        province: Named {
            name: config.title.clone(),
            url: config.base_url.clone(),
        },
    };
    let permalink = |path: &str| hub.permalink(path);
    let digest = sync::digest(&entries);
    document(site, &permalink, entries, digest, hub.tombstones.clone())
}

/// The bytes of `sync.json`.
pub fn bytes(hub: &Hub<'_>) -> Result<Vec<u8>, Error> {
    let mut bytes = serde_json::to_vec_pretty(&snapshot(hub)).map_err(|source| Error::Json {
        what: SYNC_PATH.to_string(),
        source,
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Writes `sync.json` (made once per build, [`Hub::sync`]).
pub struct SyncManifest;

impl Renderer<HubSite> for SyncManifest {
    type View<'p> = &'p [u8];

    fn name(&self) -> &'static str {
        "sync"
    }

    fn jobs<'p>(&'p self, hub: &'p Hub<'p>) -> Result<Vec<Job<&'p [u8]>>, Error> {
        Ok(vec![Job::file(SYNC_PATH, hub.sync.as_slice())])
    }

    fn render(
        &self,
        _cx: &RenderContext<'_, HubSite>,
        bytes: &&[u8],
        _paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        Ok(vec![bytes.to_vec()])
    }
}
