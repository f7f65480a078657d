//! Polling one agency, following the consumer protocol of `docs/sync.md`:
//! fetch `sync.json` conditionally; stop on `304` or an unchanged digest;
//! else fetch the JSON Feed and follow `next_url` only until every new or
//! changed dated entry has its item; keep the items of unchanged entries.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::category::by_key;
use crate::output::feeds::item::tag_prefix_of;

use super::fetch::{Fetched, Fetcher, Location, Validators, rebase};
use super::sources::SourceConfig;
use super::state::{GoodCopy, SourceState, State, StoredItem};
use super::validate::{Schemas, Snapshot};

/// The most feed documents followed for one source in one run.
const MAX_FEED_DOCUMENTS: usize = 10_000;

/// Why a source could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailureKind {
    /// No connection, no such file, an HTTP error status.
    Unreachable,
    /// No complete answer within the timeout.
    Timeout,
    /// What it returned is not a valid document.
    Invalid,
    /// It publishes the same section (or ids) as another source.
    Conflict,
}

/// A failed poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What kind of failure.
    pub kind: FailureKind,
    /// The explanation, naming the document.
    pub message: String,
}

/// What a poll found.
#[derive(Debug)]
pub enum Outcome {
    /// New content: a new good copy.
    Changed {
        /// The new copy.
        copy: GoodCopy,
        /// Validators of the snapshot's response.
        validators: Validators,
    },
    /// Nothing new since the last good copy.
    Unchanged {
        /// `true` for a `304 Not Modified`.
        not_modified: bool,
        /// The refetched copy when the server sent the document again with
        /// the same digest (its other fields may differ).
        copy: Option<GoodCopy>,
        /// Validators of the response, if it sent the document.
        validators: Option<Validators>,
    },
    /// The source could not be used this time.
    Failed(Problem),
}

/// One source's poll: its outcome and its last good copy before it.
#[derive(Debug)]
pub struct Poll {
    /// The last good copy from earlier runs.
    pub prior: Option<GoodCopy>,
    /// What happened.
    pub outcome: Outcome,
}

fn fail(kind: FailureKind, location: &Location, why: String) -> Problem {
    Problem {
        kind,
        message: format!("{location}: {why}"),
    }
}

fn fetch_error(location: &Location, why: String) -> Problem {
    let kind = if why.starts_with("no complete answer") {
        FailureKind::Timeout
    } else {
        FailureKind::Unreachable
    };
    fail(kind, location, why)
}

/// Polls one source; `prior` is its last good copy.
pub fn poll(
    source: &SourceConfig,
    state: &State,
    prior: Option<GoodCopy>,
    fetcher: &Fetcher,
    schemas: &Schemas,
) -> Poll {
    let remembered = state.file.sources.get(&source.id);
    let outcome = match run(source, state, remembered, prior.as_ref(), fetcher, schemas) {
        Ok(o) => o,
        Err(p) => Outcome::Failed(p),
    };
    Poll { prior, outcome }
}

fn run(
    source: &SourceConfig,
    state: &State,
    remembered: Option<&SourceState>,
    prior: Option<&GoodCopy>,
    fetcher: &Fetcher,
    schemas: &Schemas,
) -> Result<Outcome, Problem> {
    let location = &source.sync;
    let known = prior
        .and(remembered)
        .and_then(|r| r.validators_for(&location.to_string()));
    let fetched = fetcher
        .get(location, known.as_ref())
        .map_err(|why| fetch_error(location, why))?;
    let (raw, validators) = match fetched {
        Fetched::NotModified if prior.is_some() => {
            return Ok(Outcome::Unchanged {
                not_modified: true,
                copy: None,
                validators: None,
            });
        }
        Fetched::NotModified => {
            return Err(fail(
                FailureKind::Invalid,
                location,
                "the server answered 304 Not Modified to a request without conditions".into(),
            ));
        }
        Fetched::Fresh { bytes, validators } => (bytes, validators),
    };
    let snapshot = schemas
        .snapshot(&raw)
        .map_err(|why| fail(FailureKind::Invalid, location, why))?;
    if prior.is_some_and(|p| p.snapshot.digest == snapshot.digest) {
        return Ok(Outcome::Unchanged {
            not_modified: false,
            // Same entries: the kept items stay as they are.
            copy: Some(GoodCopy {
                snapshot,
                raw,
                items: None,
            }),
            validators: Some(validators),
        });
    }
    let kept = prior.map(|_| state.items(&source.id)).unwrap_or_default();
    let items = collect_items(source, &snapshot, kept, fetcher, schemas)?;
    Ok(Outcome::Changed {
        copy: GoodCopy {
            snapshot,
            raw,
            items: Some(items),
        },
        validators,
    })
}

/// Dated entries whose item is not kept yet: what the feeds must provide.
pub fn dated_ids(snapshot: &Snapshot) -> BTreeSet<&str> {
    snapshot
        .entries
        .iter()
        .filter(|r| r.date_modified.is_some() && by_key(&r.category).is_some_and(|c| c.dated))
        .map(|r| r.id.as_str())
        .collect()
}

fn collect_items(
    source: &SourceConfig,
    snapshot: &Snapshot,
    kept: BTreeMap<String, StoredItem>,
    fetcher: &Fetcher,
    schemas: &Schemas,
) -> Result<BTreeMap<String, StoredItem>, Problem> {
    let hashes: BTreeMap<&str, &str> = snapshot
        .entries
        .iter()
        .map(|r| (r.id.as_str(), r.sha256.as_str()))
        .collect();
    // Items of entries whose hash did not change are still right.
    let mut items: BTreeMap<String, StoredItem> = kept
        .into_iter()
        .filter(|(id, k)| hashes.get(id.as_str()) == Some(&k.sha256.as_str()))
        .collect();
    let mut needed: BTreeSet<&str> = dated_ids(snapshot)
        .into_iter()
        .filter(|id| !items.contains_key(*id))
        .collect();
    let base = &snapshot.site.base_url;
    let prefix = tag_prefix_of(base);
    let mut next = match &source.feed {
        Some(feed) => Some(feed.clone()),
        None => Some(
            rebase(&snapshot.feeds.json, base, &source.root).map_err(|why| {
                fail(
                    FailureKind::Invalid,
                    &source.sync,
                    format!("feeds.json: {why}"),
                )
            })?,
        ),
    };
    let mut visited = BTreeSet::new();
    while let Some(location) = next.take() {
        if needed.is_empty()
            || visited.len() >= MAX_FEED_DOCUMENTS
            || !visited.insert(location.to_string())
        {
            break;
        }
        let bytes = match fetcher
            .get(&location, None)
            .map_err(|why| fetch_error(&location, why))?
        {
            Fetched::Fresh { bytes, .. } => bytes,
            Fetched::NotModified => break,
        };
        let page = schemas
            .feed(&bytes, &prefix)
            .map_err(|why| fail(FailureKind::Invalid, &location, why))?;
        for item in page.items {
            let Some(id) = item.get("id").and_then(|v| v.as_str()) else {
                continue;
            };
            let Some(sha) = hashes.get(id) else {
                // Not in the snapshot (the feed is newer or older): skip.
                continue;
            };
            if needed.remove(id) {
                items.insert(
                    id.to_string(),
                    StoredItem {
                        sha256: (*sha).to_string(),
                        item,
                    },
                );
            }
        }
        next = match page.next_url {
            Some(link) => Some(rebase(&link, base, &source.root).map_err(|why| {
                fail(FailureKind::Invalid, &location, format!("next_url: {why}"))
            })?),
            None => None,
        };
    }
    Ok(items)
}
