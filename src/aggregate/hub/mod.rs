//! The provincial hub: static HTML in the section's theme (a page per
//! agency, combined per-category lists, a status page, search), combined
//! feeds (JSON Feed, Atom, RSS, with RFC 5005 archives) and a combined
//! `sync.json`, all built from the agencies' last good copies.
//!
//! | path | what |
//! |---|---|
//! | `index.html` | newest entries of every category across agencies, the agencies, the status summary |
//! | `<category>/`, `<category>/page/<n>/` | every agency's entries of one category, newest first |
//! | `co-quan/`, `co-quan/<id>/` | the agencies; one agency: its status, counts, newest entries per category |
//! | `tinh-trang/` | the status page: last sync, failures, counts per required category 2.1–2.7 |
//! | `tim-kiem/`, `tim-kiem/i/` | search across agencies (the section's index format) |
//! | `bao-cao/`, `bao-cao/<period>/` | the province's report per year and quarter, with its CSV and JSON ([`report`]) |
//! | `feed.json`, `atom.xml`, `rss.xml`, `<category>/…`, `archive/<name>/…` | the combined feeds |
//! | `sync.json`, `schemas/` | the combined snapshot (same schema as an agency's) |
//!
//! Each kind of file is a `Renderer<HubSite>` ([`renderers`]) run by the
//! section's build loop ([`crate::pipeline::run`]): it plans jobs from the
//! [`Hub`] and renders each from the job's view and [`HubCommon`]. The loop
//! hashes the views, keeps the files of unchanged jobs from the previous
//! run, renders the others in parallel and writes them. A new page is a
//! [`HubPage`] job of [`pages::HubPages`] (see [`pages`]).

mod common;
pub mod feeds;
pub mod pages;
pub mod report;
mod search;
pub mod snapshot;
mod views;

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use serde_json::Value;

use crate::category::{Category, by_key};
use crate::date::Timestamp;
use crate::error::Error;
use crate::incremental::{KeyRecorder, OutputKeys};
use crate::output::{Output, Recorder, Renderer};
use crate::pipeline::{self, RendererReport, Reuse};
use crate::render::templates::Theme;
use crate::sync::{Previous, Tombstone};

pub use common::{HubCommon, HubSite};
pub use pages::HubPage;

use super::accept::{Document, Reason, schedule};
use super::poll::FailureKind;
use super::sources::{HubConfig, SourceConfig};
use super::state::GoodCopy;

/// One agency as the hub publishes it.
#[derive(Debug)]
pub struct AgencyInput<'a> {
    /// Its entry in `sources.toml`.
    pub source: &'a SourceConfig,
    /// The copy published (the last good one), if there is any.
    pub copy: Option<&'a GoodCopy>,
    /// Why the last attempt failed, if it did.
    pub failure: Option<Failed>,
    /// The first failed attempt in a row (RFC 3339).
    pub failing_since: Option<String>,
    /// The last successful fetch (RFC 3339).
    pub last_success: Option<String>,
    /// The fetch that brought the published copy (RFC 3339).
    pub last_change: Option<String>,
    /// When an item held back for its future date is due (RFC 3339).
    pub hold_until: Option<String>,
    /// Items of the copy held back for their future date (see
    /// [`crate::aggregate::accept::schedule`]); `None` until known.
    pub held: Option<&'a BTreeSet<String>>,
}

/// Why an agency's last attempt failed.
#[derive(Debug, Clone)]
pub struct Failed {
    /// The kind of failure.
    pub kind: FailureKind,
    /// Which document and why (absent in states of earlier versions).
    pub reason: Option<(Document, Reason)>,
}

/// Everything the hub is built from.
#[derive(Debug)]
pub struct HubInput<'a> {
    /// `sources.toml`.
    pub config: &'a HubConfig,
    /// The agencies, in the order of `sources.toml`.
    pub agencies: Vec<AgencyInput<'a>>,
    /// The time of this run.
    pub now: Timestamp,
    /// The hub's previously published snapshot (for tombstones).
    pub previous: Option<Previous>,
}

/// A dated entry of some agency, as the hub lists it.
#[derive(Debug)]
pub struct HubItem<'a> {
    /// Index of its agency in [`HubInput::agencies`].
    pub agency: usize,
    /// The JSON Feed item, as the agency published it.
    pub value: &'a Value,
    /// Global id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// The entry's page on the agency's site.
    pub url: &'a str,
    /// Summary (may be empty).
    pub summary: &'a str,
    /// Publication date.
    pub published: Timestamp,
    /// Last modification.
    pub modified: Timestamp,
    /// Its category (from the snapshot record).
    pub category: &'static Category,
    /// Fingerprint of `value` (the item as the agency published it).
    pub digest: u64,
}

/// An item hashes as its agency, its id, its item's fingerprint and what
/// the hub derives from it (its date of modification depends on the run's
/// time): everything a feed or a page shows of it.
impl Hash for HubItem<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.agency.hash(state);
        self.id.hash(state);
        self.digest.hash(state);
        self.published.hash(state);
        self.modified.hash(state);
        self.category.key.hash(state);
    }
}

/// Fingerprint of a JSON value, as serialised.
fn digest(value: &Value) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    crate::fingerprint::hash_json(value, &mut h);
    h.finish()
}

impl HubItem<'_> {
    /// A string field of the item.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.value.get(key).and_then(Value::as_str)
    }

    /// The document number (`_pbgdpl.meta.document.number`), if any.
    pub fn number(&self) -> Option<&str> {
        self.value
            .pointer("/_pbgdpl/meta/document/number")
            .and_then(Value::as_str)
    }
}

/// An undated entry (an introduction, a directory page): only its record
/// is known.
#[derive(Debug)]
pub struct UndatedEntry<'a> {
    /// Index of its agency.
    pub agency: usize,
    /// Its page.
    pub url: &'a str,
    /// Its category.
    pub category: &'static Category,
}

/// The hub being rendered: its input and derived lists.
#[derive(Debug)]
pub struct Hub<'a> {
    /// The input.
    pub input: &'a HubInput<'a>,
    /// Every dated entry, newest first.
    pub items: Vec<HubItem<'a>>,
    /// Undated entries, by agency order then URL.
    pub undated: Vec<UndatedEntry<'a>>,
    /// Positions in [`Hub::items`] (dated categories) or [`Hub::undated`]
    /// (undated ones), per category key and per agency, in list order:
    /// every list of the hub is a slice of these, so building the hub is
    /// linear in its entries.
    pub lists: BTreeMap<(&'static str, Option<usize>), Vec<usize>>,
    /// Tombstones of the combined snapshot, sorted by id.
    pub tombstones: Vec<Tombstone>,
    /// The combined `sync.json`, as written.
    pub sync: Vec<u8>,
    /// What every page may show (also reachable through `Deref`).
    pub common: HubCommon<'a>,
}

impl<'a> std::ops::Deref for Hub<'a> {
    type Target = HubCommon<'a>;

    fn deref(&self) -> &HubCommon<'a> {
        &self.common
    }
}

fn timestamp(text: Option<&str>) -> Option<Timestamp> {
    text.and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(Timestamp::from_datetime)
}

impl<'a> Hub<'a> {
    /// Derives the lists from the input.
    pub fn new(input: &'a HubInput<'a>) -> Self {
        let mut items = Vec::new();
        let mut undated = Vec::new();
        for (index, agency) in input.agencies.iter().enumerate() {
            let Some(copy) = agency.copy else { continue };
            for record in &copy.snapshot.entries {
                let Some(category) = by_key(&record.category) else {
                    continue;
                };
                if !category.dated {
                    // Introductions and directories: listed by their
                    // record only, never in the feeds.
                    undated.push(UndatedEntry {
                        agency: index,
                        url: &record.url,
                        category,
                    });
                    continue;
                }
                let kept = copy.item(&record.id, &record.sha256);
                let Some(value) = kept.map(|k| &k.item) else {
                    continue;
                };
                if agency.held.is_some_and(|h| h.contains(&record.id)) {
                    continue;
                }
                let text = |k: &str| value.get(k).and_then(Value::as_str);
                let Some(published) = timestamp(text("date_published")) else {
                    continue;
                };
                items.push(HubItem {
                    agency: index,
                    value,
                    id: &record.id,
                    title: text("title").unwrap_or(&record.url),
                    url: text("url").unwrap_or(&record.url),
                    summary: text("summary").unwrap_or(""),
                    published,
                    modified: schedule::modified(
                        published,
                        timestamp(text("date_modified")),
                        input.now,
                    ),
                    category,
                    digest: 0,
                });
            }
        }
        items
            .par_iter_mut()
            .for_each(|i| i.digest = digest(i.value));
        items.sort_by(|a, b| {
            b.published
                .cmp(&a.published)
                .then_with(|| a.title.cmp(b.title))
                .then_with(|| a.id.cmp(b.id))
        });
        undated.sort_by(|a, b| a.agency.cmp(&b.agency).then_with(|| a.url.cmp(b.url)));
        let mut lists: BTreeMap<(&'static str, Option<usize>), Vec<usize>> = BTreeMap::new();
        // Dated and undated categories are disjoint: each list indexes one
        // of the two vectors.
        let keyed = items
            .iter()
            .map(|i| (i.category.key, i.agency))
            .enumerate()
            .chain(
                undated
                    .iter()
                    .map(|u| (u.category.key, u.agency))
                    .enumerate(),
            );
        for (position, (key, agency)) in keyed {
            lists.entry((key, None)).or_default().push(position);
            lists.entry((key, Some(agency))).or_default().push(position);
        }
        let tombstones = snapshot::tombstones(input);
        Self {
            input,
            items,
            undated,
            lists,
            tombstones,
            sync: Vec::new(),
            common: HubCommon::new(input.config),
        }
    }

    /// Positions of the entries of a category (of one agency, or all), in
    /// list order: in [`Hub::items`] for a dated category, in
    /// [`Hub::undated`] for an undated one.
    pub fn list(&self, category: &Category, agency: Option<usize>) -> &[usize] {
        self.lists
            .get(&(category.key, agency))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// What a hub build produced.
#[derive(Debug)]
pub struct Built {
    /// The combined `sync.json`, as written.
    pub sync: Vec<u8>,
    /// The first day after the run's on which an entry starts counting in
    /// the report ([`report::next_due`]): the hub is rebuilt then.
    pub report_due: Option<chrono::NaiveDate>,
    /// What each renderer wrote (or kept) and how long it took.
    pub by_renderer: Vec<RendererReport>,
    /// The keys of the files written, for the next build.
    pub keys: OutputKeys,
}

/// Every renderer of the hub, in the order they run. **A new hub output**
/// is a `Renderer<HubSite>` added here; a new hub *page* is one more
/// [`HubPage`] in [`pages::HubPages`]'s jobs (see [`pages`]).
pub fn renderers() -> Vec<&'static dyn Output<HubSite>> {
    vec![
        &StaticFiles,
        &snapshot::SyncManifest,
        &feeds::Feeds,
        &search::HubSearch,
        &pages::HubPages,
    ]
}

/// Renders the hub into `out` through the build loop
/// ([`pipeline::run`]): files whose job did not change since the build
/// that made `previous` are kept, the others rendered in parallel.
pub fn render(
    input: &HubInput<'_>,
    theme: &Theme,
    previous: &OutputKeys,
    out: &Recorder<'_>,
) -> Result<Built, Error> {
    let mut hub = Hub::new(input);
    hub.sync = snapshot::bytes(&hub)?;
    let keys = KeyRecorder::new();
    let reuse = Reuse {
        memo: None,
        previous,
    };
    let by_renderer = pipeline::run(&renderers(), &hub, theme, reuse, out, &keys)?;
    Ok(Built {
        report_due: report::next_due(&hub),
        sync: std::mem::take(&mut hub.sync),
        by_renderer,
        keys: keys.finish(),
    })
}

/// The stylesheet and the schemas, as a section publishes them.
struct StaticFiles;

impl Renderer<HubSite> for StaticFiles {
    type View<'p> = &'static str;

    fn name(&self) -> &'static str {
        "assets"
    }

    fn jobs<'p>(
        &'p self,
        _hub: &'p Hub<'p>,
    ) -> Result<Vec<crate::output::Job<&'static str>>, Error> {
        let mut jobs = vec![crate::output::Job::file(
            crate::output::assets::STYLESHEET_PATH,
            crate::render::templates::STYLESHEET,
        )];
        for (name, text) in crate::output::schemas::SCHEMAS {
            jobs.push(crate::output::Job::file(format!("schemas/{name}"), text));
        }
        Ok(jobs)
    }

    fn render(
        &self,
        _cx: &crate::output::RenderContext<'_, HubSite>,
        text: &&'static str,
        _paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        Ok(vec![text.as_bytes().to_vec()])
    }
}
