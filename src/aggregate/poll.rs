//! Polling one agency, following the consumer protocol of `docs/sync.md`:
//! fetch `sync.json` conditionally; stop on `304` or an unchanged digest;
//! else fetch the JSON Feed and follow `next_url` only until every new or
//! changed dated entry has its item; keep the items of unchanged entries.
//!
//! Everything one source costs is bounded: its total time
//! ([`Budget`], `total_seconds`), and the number of feed documents it may
//! make the hub read — never more than its dated entries can fill (each
//! archive holds at least one), plus the subscription document.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use crate::category::by_key;

use super::accept::links::{follow, under};
use super::accept::{Document, Link, Reason, records};
use super::fetch::{Budget, FetchError, Fetched, Fetcher, Location, Validators};
use super::sources::SourceConfig;
use super::state::{GoodCopy, SourceState, State, StoredItem, StoredStatistics};
use super::validate::{Schemas, Snapshot};

/// The most feed documents followed for one source in one run, however
/// many entries it has.
const MAX_FEED_DOCUMENTS: usize = 10_000;

pub use crate::remote::reason::FailureKind;

/// A failed poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Why.
    pub reason: Reason,
    /// About which document.
    pub document: Document,
    /// Where that document was read from (for the operator's terminal:
    /// addresses followed from the agency's data are not shown on pages).
    pub location: String,
    /// A technical detail produced on this machine, for the terminal.
    pub detail: Option<String>,
}

impl Problem {
    /// A problem about a document read from `location`.
    pub fn new(reason: Reason, document: Document, location: &Location) -> Self {
        Self {
            reason,
            document,
            location: location.to_string(),
            detail: None,
        }
    }

    fn fetch(e: FetchError, document: Document, location: &Location) -> Self {
        Self {
            detail: e.detail,
            ..Self::new(e.reason, document, location)
        }
    }

    /// The kind of failure.
    pub fn kind(&self) -> FailureKind {
        self.reason.kind()
    }

    /// For the operator's terminal, in the language of the run: where,
    /// what, and the local detail. (The status page says which document
    /// and what was wrong with [`Document::with`], never where from.)
    pub fn message(&self) -> String {
        let mut text = format!("{}: {}", self.location, self.reason.message());
        if let Some(d) = &self.detail {
            text.push_str(&format!(" ({d})"));
        }
        text
    }
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

/// Polls one source within `total`; `prior` is its last good copy.
pub fn poll(
    source: &SourceConfig,
    state: &State,
    prior: Option<GoodCopy>,
    fetcher: &Fetcher,
    schemas: &Schemas,
    total: Duration,
) -> Poll {
    let remembered = state.file.sources.get(&source.id);
    let budget = Budget::new(total);
    let context = Context {
        source,
        state,
        remembered,
        fetcher,
        schemas,
        budget: &budget,
    };
    let outcome = match context.run(prior.as_ref()) {
        Ok(o) => o,
        Err(p) => Outcome::Failed(p),
    };
    Poll { prior, outcome }
}

struct Context<'a> {
    source: &'a SourceConfig,
    state: &'a State,
    remembered: Option<&'a SourceState>,
    fetcher: &'a Fetcher,
    schemas: &'a Schemas,
    budget: &'a Budget,
}

/// Dated entries of a snapshot: the ones the feeds must provide.
pub fn dated_ids(snapshot: &Snapshot) -> BTreeSet<&str> {
    snapshot
        .entries
        .iter()
        .filter(|r| r.date_modified.is_some() && by_key(&r.category).is_some_and(|c| c.dated))
        .map(|r| r.id.as_str())
        .collect()
}

impl Context<'_> {
    fn run(&self, prior: Option<&GoodCopy>) -> Result<Outcome, Problem> {
        let source = self.source;
        let location = &source.sync;
        let known = prior
            .and(self.remembered)
            .and_then(|r| r.validators_for(&location.to_string()));
        let fetched = self
            .fetcher
            .get(location, &location.parent(), known.as_ref(), self.budget)
            .map_err(|e| Problem::fetch(e, Document::Snapshot, location))?;
        let fail = |reason| Problem::new(reason, Document::Snapshot, location);
        let (raw, validators) = match fetched {
            Fetched::NotModified if let Some(p) = prior => {
                // A snapshot listing statistics the hub does not keep yet
                // (a state from before format 1.2 was read): fetched now.
                let copy = match (&p.snapshot.statistics, &p.statistics) {
                    (Some(_), None) => Some(GoodCopy {
                        statistics: self.statistics(&p.snapshot, Some(p))?,
                        ..p.clone()
                    }),
                    _ => None,
                };
                return Ok(Outcome::Unchanged {
                    not_modified: true,
                    copy,
                    validators: None,
                });
            }
            Fetched::NotModified => return Err(fail(Reason::NotModifiedUnasked)),
            Fetched::Fresh { bytes, validators } => (bytes, validators),
        };
        let snapshot = self.schemas.snapshot(&raw).map_err(fail)?;
        let kept = self.remembered.and_then(|r| r.section.as_deref());
        records::own_address(&snapshot, source, kept).map_err(fail)?;
        let statistics = self.statistics(&snapshot, prior)?;
        if prior.is_some_and(|p| p.snapshot.digest == snapshot.digest) {
            return Ok(Outcome::Unchanged {
                not_modified: false,
                // Same entries: the kept items stay as they are.
                copy: Some(GoodCopy {
                    snapshot,
                    raw,
                    items: None,
                    statistics,
                }),
                validators: Some(validators),
            });
        }
        let kept = prior
            .map(|_| self.state.items(&source.id, &snapshot.site.base_url))
            .unwrap_or_default();
        let items = self.collect_items(&snapshot, kept)?;
        Ok(Outcome::Changed {
            copy: GoodCopy {
                snapshot,
                raw,
                items: Some(items),
                statistics,
            },
            validators,
        })
    }

    /// The section's `statistics.json` when its snapshot lists one: the
    /// kept copy when its hash did not change, else fetched (inside the
    /// source, like the feeds) and admitted ([`super::accept::statistics`]).
    /// A refused one fails the source: its last good copy, statistics
    /// included, stays published.
    fn statistics(
        &self,
        snapshot: &Snapshot,
        prior: Option<&GoodCopy>,
    ) -> Result<Option<StoredStatistics>, Problem> {
        let Some(link) = &snapshot.statistics else {
            return Ok(None);
        };
        if let Some(kept) = prior
            .and_then(|p| p.statistics.as_ref())
            .filter(|s| s.sha256 == link.sha256)
        {
            return Ok(Some(kept.clone()));
        }
        let source = self.source;
        let scopes = self.scopes();
        let location = follow(
            &link.url,
            Link::Statistics,
            &snapshot.site.base_url,
            &source.root,
            &scopes,
        )
        .map_err(|r| Problem::new(r, Document::Snapshot, &source.sync))?;
        let scope = self.scope_of(&location, &scopes);
        let document = Document::Statistics;
        let fetcher = self.fetcher.clone().accepting(
            "application/json",
            super::accept::statistics::MAX_BYTES as u64,
        );
        let bytes = match fetcher
            .get(&location, &scope, None, self.budget)
            .map_err(|e| Problem::fetch(e, document, &location))?
        {
            Fetched::Fresh { bytes, .. } => bytes,
            Fetched::NotModified => {
                return Err(Problem::new(
                    Reason::NotModifiedUnasked,
                    document,
                    &location,
                ));
            }
        };
        let statistics = self
            .schemas
            .statistics(&bytes, link)
            .map_err(|r| Problem::new(r, document, &location))?;
        Ok(Some(StoredStatistics {
            sha256: link.sha256.clone(),
            statistics,
        }))
    }

    /// The directories this source may be read from: where its
    /// `sync.json` and its `feed.json` are.
    fn scopes(&self) -> Vec<Location> {
        let mut out = vec![self.source.root.clone()];
        if let Some(feed) = &self.source.feed
            && !out.contains(&feed.parent())
        {
            out.push(feed.parent());
        }
        out
    }

    /// The scope a document lies in (for redirects and local paths).
    fn scope_of(&self, location: &Location, scopes: &[Location]) -> Location {
        scopes
            .iter()
            .find(|s| match (location, s) {
                (Location::Url(u), Location::Url(dir)) => under(u.as_str(), dir.as_str()),
                (Location::File(p), Location::File(dir)) => p.starts_with(dir),
                _ => false,
            })
            .cloned()
            .unwrap_or_else(|| location.parent())
    }

    fn collect_items(
        &self,
        snapshot: &Snapshot,
        kept: BTreeMap<String, StoredItem>,
    ) -> Result<BTreeMap<String, StoredItem>, Problem> {
        let source = self.source;
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
        let dated = dated_ids(snapshot);
        // Each archive holds at least one entry: an honest chain is never
        // longer than the dated entries, plus the subscription document.
        let limit = (dated.len() + 2).min(MAX_FEED_DOCUMENTS);
        let mut needed: BTreeSet<&str> = dated
            .into_iter()
            .filter(|id| !items.contains_key(*id))
            .collect();
        let base = &snapshot.site.base_url;
        let scopes = self.scopes();
        let mut next = match &source.feed {
            Some(feed) => Some(feed.clone()),
            None => Some(
                follow(
                    &snapshot.feeds.json,
                    Link::FeedsJson,
                    base,
                    &source.root,
                    &scopes,
                )
                .map_err(|r| Problem::new(r, Document::Snapshot, &source.sync))?,
            ),
        };
        let mut visited = BTreeSet::new();
        while let Some(location) = next.take() {
            if needed.is_empty() || !visited.insert(location.to_string()) {
                break;
            }
            let document = Document::Feed {
                number: visited.len(),
            };
            if visited.len() > limit {
                return Err(Problem::new(
                    Reason::TooManyDocuments { limit },
                    document,
                    &location,
                ));
            }
            let scope = self.scope_of(&location, &scopes);
            let bytes = match self
                .fetcher
                .get(&location, &scope, None, self.budget)
                .map_err(|e| Problem::fetch(e, document, &location))?
            {
                Fetched::Fresh { bytes, .. } => bytes,
                Fetched::NotModified => break,
            };
            let page = self
                .schemas
                .feed(&bytes, base)
                .map_err(|r| Problem::new(r, document, &location))?;
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
                Some(link) => Some(
                    follow(&link, Link::NextUrl, base, &source.root, &scopes)
                        .map_err(|r| Problem::new(r, document, &location))?,
                ),
                None => None,
            };
        }
        Ok(items)
    }
}
