//! The provincial aggregator (`pbgdpl aggregate`), for the Department of
//! Justice (Sở Tư pháp): it polls every agency listed in `sources.toml`
//! (their `sync.json` and JSON Feed, local or over HTTP with conditional
//! GET), checks what they publish against the schemas and the protocol of
//! `docs/sync.md`, keeps each agency's last good copy in a state
//! directory, and builds the provincial hub from those copies. A source
//! that fails is reported and its last good copy is still published;
//! nothing is lost. When nothing changed since the hub was last built,
//! nothing is rebuilt. Documentation for operators: `docs/aggregate.md`.
//!
//! | stage | module |
//! |---|---|
//! | reading `sources.toml` | [`sources`] |
//! | fetching files and URLs | [`fetch`] |
//! | checking documents | [`validate`] |
//! | what the hub accepts from an agency | [`accept`] |
//! | polling one agency | [`poll`] |
//! | remembering between runs | [`state`] |
//! | what a run did | [`report`] |
//! | building the hub | [`hub`] |
//! | the province's report: figures per agency and period | [`figures`] |

pub mod accept;
/// The fetcher, shared with the section's upstream news: [`crate::remote::fetch`].
pub use crate::remote::fetch;
pub mod figures;
pub mod hub;
pub mod poll;
pub mod report;
pub mod sources;
pub mod state;
pub mod validate;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Timelike;
use rayon::prelude::*;
use serde_json::json;

use crate::date::Timestamp;
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::incremental::OutputKeys;
use crate::msg;
use crate::output::{DirSink, Recorder};
use crate::render::templates::Theme;
use crate::sync::canonical;
use crate::write::Staging;

pub use report::{AggregateReport, SourceReport, SourceResult};

use crate::output::feeds::item::tag_prefix_of;
use fetch::Fetcher;
use hub::{AgencyInput, HubInput};
use poll::{Outcome, Poll, Problem};
use sources::{HubConfig, SourceConfig};
use state::{Failure, GoodCopy, SourceState, State};
use validate::Schemas;

/// What to aggregate, and where.
#[derive(Debug, Clone, Default)]
pub struct AggregateOptions {
    /// The `sources.toml` file.
    pub sources: PathBuf,
    /// The hub's output directory (replaced atomically).
    pub out: PathBuf,
    /// The state directory; default [`state::default_dir`] of `out`.
    pub state: Option<PathBuf>,
    /// The time of this run (recorded as the time of every fetch);
    /// default: now, in Vietnam time.
    pub now: Option<Timestamp>,
    /// Rebuild the hub even when nothing changed.
    pub force: bool,
}

/// The current time in Vietnam, to the second.
pub fn now_in_vietnam() -> Timestamp {
    let now = chrono::Utc::now()
        .with_timezone(&crate::date::vietnam_offset())
        .with_nanosecond(0);
    match now {
        Some(t) => Timestamp::from_datetime(t),
        None => Timestamp::from_datetime(
            chrono::Utc::now().with_timezone(&crate::date::vietnam_offset()),
        ),
    }
}

/// A source's outcome, resolved: the copy the hub publishes and the
/// problem, if any.
struct Resolved {
    copy: Option<GoodCopy>,
    result: SourceResult,
    problem: Option<Problem>,
}

/// Which copy a source offers for publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Offer {
    /// The copy fetched now (changed, or refetched with the same digest).
    Current,
    /// Its last good copy (it failed, or its current copy clashed).
    Prior,
    /// Nothing.
    Nothing,
}

/// One source between its poll and its publication.
struct Pending {
    current: Option<GoodCopy>,
    prior: Option<GoodCopy>,
    offer: Offer,
    result: SourceResult,
    problem: Option<Problem>,
    validators: Option<fetch::Validators>,
}

impl Pending {
    fn new(poll: Poll) -> Self {
        let Poll { prior, outcome } = poll;
        match outcome {
            Outcome::Changed { copy, validators } => Pending {
                current: Some(copy),
                prior,
                offer: Offer::Current,
                result: SourceResult::Changed,
                problem: None,
                validators: Some(validators),
            },
            Outcome::Unchanged {
                not_modified,
                copy,
                validators,
            } => {
                let current = copy.or(prior.clone());
                Pending {
                    offer: if current.is_some() {
                        Offer::Current
                    } else {
                        Offer::Nothing
                    },
                    current,
                    prior,
                    result: if not_modified {
                        SourceResult::NotModified
                    } else {
                        SourceResult::Unchanged
                    },
                    problem: None,
                    validators,
                }
            }
            Outcome::Failed(p) => Pending {
                current: None,
                offer: if prior.is_some() {
                    Offer::Prior
                } else {
                    Offer::Nothing
                },
                prior,
                result: SourceResult::Failed(p.kind()),
                problem: Some(p),
                validators: None,
            },
        }
    }

    fn offered(&self) -> Option<&GoodCopy> {
        match self.offer {
            Offer::Current => self.current.as_ref(),
            Offer::Prior => self.prior.as_ref(),
            Offer::Nothing => None,
        }
    }
}

/// The bid of a source for its offered copy (see [`accept::claims`]).
fn bid<'a>(
    source: &SourceConfig,
    pending: &'a Pending,
    kept: Option<&str>,
) -> Option<accept::claims::Bid<'a>> {
    let snapshot = &pending.offered()?.snapshot;
    let claim = accept::records::own_address(snapshot, source, kept).ok()?;
    Some(accept::claims::Bid {
        prefix: tag_prefix_of(&snapshot.site.base_url),
        claim,
        ids: snapshot
            .entries
            .iter()
            .map(|r| r.id.as_str())
            .chain(snapshot.deleted.iter().map(|t| t.id.as_str()))
            .collect(),
    })
}

/// Settles who publishes what when sources clash: the loser steps back to
/// its last good copy, then to nothing, and fails with a conflict (unless
/// it already failed for another reason).
fn settle_claims(config: &HubConfig, state: &State, pending: &mut [Pending]) {
    let kept = |id: &str| state.file.sources.get(id).and_then(|s| s.section.clone());
    loop {
        let losses = {
            let bids: Vec<Option<accept::claims::Bid<'_>>> = config
                .sources
                .iter()
                .zip(pending.iter())
                .map(|(s, p)| bid(s, p, kept(&s.id).as_deref()))
                .collect();
            accept::claims::resolve(&bids)
        };
        if losses.is_empty() {
            return;
        }
        for (loser, winner) in losses {
            let p = &mut pending[loser];
            p.offer = match p.offer {
                Offer::Current if p.prior.is_some() => Offer::Prior,
                _ => Offer::Nothing,
            };
            if p.problem.is_none() {
                let problem = Problem::new(
                    accept::Reason::Conflict {
                        other: config.sources[winner].id.clone(),
                    },
                    accept::Document::Source,
                    &config.sources[loser].sync,
                );
                p.result = SourceResult::Failed(problem.kind());
                p.problem = Some(problem);
            }
        }
    }
}

/// Records one source's resolved outcome in the state: a success stores
/// its copy, validators and times; a failure how long it has lasted.
fn remember(
    state: &mut State,
    source: &SourceConfig,
    pending: Pending,
    now: &str,
) -> Result<Resolved, Error> {
    let remembered = state.file.sources.remove(&source.id).unwrap_or_default();
    let mut entry = SourceState {
        location: source.sync.to_string(),
        ..remembered.clone()
    };
    let offer = pending.offer;
    let Pending {
        current,
        prior,
        result,
        problem,
        validators,
        ..
    } = pending;
    let copy = match offer {
        Offer::Current => current,
        Offer::Prior => prior.clone(),
        Offer::Nothing => None,
    };
    match &problem {
        None => {
            if let Some(c) = &copy {
                let same = prior
                    .as_ref()
                    .is_some_and(|p| p.raw == c.raw && p.statistics == c.statistics);
                if !same || c.items.is_some() {
                    state.save_copy(&source.id, c)?;
                }
                if result == SourceResult::Changed
                    || remembered.digest.as_deref() != Some(c.snapshot.digest.as_str())
                    || remembered.last_change.is_none()
                {
                    entry.last_change = Some(now.to_string());
                }
                entry.digest = Some(c.snapshot.digest.clone());
            }
            if let Some(v) = validators {
                entry.etag = v.etag;
                entry.last_modified = v.last_modified;
            }
            entry.last_success = Some(now.to_string());
            entry.failure = None;
        }
        Some(p) => {
            entry.failure = Some(Failure {
                kind: p.kind(),
                message: p.message(),
                reason: Some(p.reason.clone()),
                document: Some(p.document),
                since: remembered
                    .failure
                    .as_ref()
                    .map(|f| f.since.clone())
                    .unwrap_or_else(|| now.to_string()),
                last_attempt: now.to_string(),
            });
        }
    }
    if let Some(c) = &copy {
        entry.section = Some(c.snapshot.site.base_url.clone());
    }
    state.file.sources.insert(source.id.clone(), entry);
    Ok(Resolved {
        copy,
        result,
        problem,
    })
}

/// Runs the aggregator: polls every source, updates the state, and
/// rebuilds the hub unless nothing changed. Errors are only for what
/// prevents building the hub at all (`sources.toml` unusable, the output
/// or state directory unwritable); failing sources are in the report.
///
/// ```text
/// open ─→ poll ─→ resolve ─→ persist ─→ build (unless nothing changed)
/// ```
pub fn aggregate(options: &AggregateOptions) -> Result<AggregateReport, Error> {
    let started = Instant::now();
    let mut run = Run::open(options)?;
    let polls = run.poll()?;
    let pending = run.resolve(polls);
    let mut resolved = run.persist(pending)?;
    let mut report = run.report(&resolved);
    if run.up_to_date(&resolved) {
        report.elapsed = started.elapsed();
        return Ok(report);
    }
    report.files = run.build(&mut resolved)?;
    report.rebuilt = true;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// One run of the aggregator: what it was asked, `sources.toml`, and the
/// state directory (locked while the run lasts).
struct Run<'o> {
    options: &'o AggregateOptions,
    config: HubConfig,
    now: Timestamp,
    state_dir: PathBuf,
    state: State,
    schemas: Schemas,
    warnings: Diagnostics,
}

impl<'o> Run<'o> {
    /// Reads `sources.toml`, locks the state directory and cleans up what
    /// a killed run left beside the output.
    fn open(options: &'o AggregateOptions) -> Result<Self, Error> {
        let config = HubConfig::load(&options.sources)?;
        let now = options.now.unwrap_or_else(now_in_vietnam);
        let state_dir = options
            .state
            .clone()
            .unwrap_or_else(|| state::default_dir(&options.out));
        let inside = |inner: &Path, outer: &Path| {
            let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
            abs(inner).starts_with(abs(outer))
        };
        if inside(&state_dir, &options.out) {
            return Err(Error::Usage(msg!(
                "aggregate-state-inside-out",
                state = &state_dir,
                out = &options.out
            )));
        }
        let (state, warning) = State::open(&state_dir)?;
        // Under the lock: what a killed run left beside the output goes.
        crate::write::recover(&options.out)?;
        Ok(Self {
            options,
            config,
            now,
            state_dir,
            state,
            schemas: Schemas::new()?,
            warnings: warning.into_iter().collect(),
        })
    }

    /// Polls every source in parallel (at most `[fetch] parallel` at a
    /// time), each against its last good copy.
    fn poll(&self) -> Result<Vec<Poll>, Error> {
        let (config, state, schemas) = (&self.config, &self.state, &self.schemas);
        let fetcher = Fetcher::new(config.fetch.timeout, fetch::Caller::Aggregate);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.fetch.parallel)
            .thread_name(|i| format!("pbgdpl-fetch-{i}"))
            .build()
            .map_err(|e| Error::io(&self.state_dir)(std::io::Error::other(e)))?;
        Ok(pool.install(|| {
            config
                .sources
                .par_iter()
                .map(|s| {
                    let kept = state
                        .file
                        .sources
                        .get(&s.id)
                        .and_then(|m| m.section.as_deref());
                    // A last good copy kept under earlier rules must pass
                    // today's to be published again.
                    let prior = state
                        .good_copy(&s.id, schemas)
                        .filter(|c| accept::records::own_address(&c.snapshot, s, kept).is_ok());
                    poll::poll(s, state, prior, &fetcher, schemas, config.fetch.total)
                })
                .collect()
        }))
    }

    /// Decides which copy each source publishes: clashes between sources
    /// are settled ([`accept::claims`]).
    fn resolve(&self, polls: Vec<Poll>) -> Vec<Pending> {
        let mut pending: Vec<Pending> = polls.into_iter().map(Pending::new).collect();
        settle_claims(&self.config, &self.state, &mut pending);
        pending
    }

    /// Records the outcomes in the state, in the order of `sources.toml`,
    /// forgets sources no longer listed, and saves it.
    fn persist(&mut self, pending: Vec<Pending>) -> Result<Vec<Resolved>, Error> {
        let now = self.now.rfc3339();
        let resolved = self
            .config
            .sources
            .iter()
            .zip(pending)
            .map(|(source, p)| remember(&mut self.state, source, p, &now))
            .collect::<Result<Vec<_>, Error>>()?;
        let config = &self.config;
        self.state
            .file
            .sources
            .retain(|id, _| config.sources.iter().any(|s| &s.id == id));
        self.state.save()?;
        Ok(resolved)
    }

    /// What the run did for each source (the hub not built yet).
    fn report(&mut self, resolved: &[Resolved]) -> AggregateReport {
        let sources = self
            .config
            .sources
            .iter()
            .zip(resolved)
            .map(|(s, r)| {
                let remembered = self.state.file.sources.get(&s.id);
                SourceReport {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    result: r.result,
                    message: r.problem.as_ref().map(Problem::message),
                    entries: r.copy.as_ref().map(|c| c.snapshot.entries.len()),
                    copy_from: r
                        .copy
                        .as_ref()
                        .and(remembered)
                        .and_then(|m| m.last_change.clone()),
                }
            })
            .collect();
        AggregateReport {
            sources,
            rebuilt: false,
            files: 0,
            output: self.options.out.clone(),
            state: self.state_dir.clone(),
            warnings: std::mem::take(&mut self.warnings),
            elapsed: Duration::ZERO,
        }
    }

    /// Whether the published hub already shows what this run found (and
    /// no rebuild was asked for).
    fn up_to_date(&self, resolved: &[Resolved]) -> bool {
        let unchanged = fingerprint(
            &self.config,
            &agency_inputs(&self.config, resolved, &self.state),
            self.now,
            self.state.file.report_due.as_deref(),
        );
        !self.options.force
            && self.state.file.published.as_deref() == Some(unchanged.as_str())
            && self.options.out.is_dir()
    }

    /// Builds the hub from the resolved copies into the output directory,
    /// atomically, and records what it was built from; returns the number
    /// of files written.
    fn build(mut self, resolved: &mut [Resolved]) -> Result<usize, Error> {
        let (config, now, out) = (&self.config, self.now, &self.options.out);
        for (source, r) in config.sources.iter().zip(resolved.iter_mut()) {
            if let Some(copy) = &mut r.copy {
                self.state.load_items(&source.id, copy);
            }
        }
        // Items dated in the future are held back until their date.
        let held: Vec<accept::schedule::Held> = resolved
            .iter()
            .map(|r| {
                r.copy
                    .as_ref()
                    .and_then(|c| c.items.as_ref())
                    .map(|items| accept::schedule::held(items, now))
                    .unwrap_or_default()
            })
            .collect();
        for (source, h) in config.sources.iter().zip(&held) {
            if let Some(entry) = self.state.file.sources.get_mut(&source.id) {
                entry.hold_until = h.next.map(|t| t.rfc3339());
            }
        }
        let mut agencies = agency_inputs(config, resolved, &self.state);
        for (a, h) in agencies.iter_mut().zip(&held) {
            a.held = Some(&h.ids);
        }
        // What this hub is built from, held items included.
        let fingerprint = fingerprint(config, &agencies, now, None);
        let input = HubInput {
            config,
            agencies,
            now,
            // The hub's last snapshot, else the one in the output (a state
            // directory started afresh).
            previous: self
                .state
                .hub_snapshot()
                .or_else(|| std::fs::read_to_string(out.join(crate::sync::SYNC_PATH)).ok())
                .and_then(|text| crate::sync::previous::parse(&text).ok()),
        };
        let theme = Theme::load(&config.dir)?;
        let staging = Staging::new(out)?;
        // Files whose job did not change since the hub last built into
        // `out` are kept from it (hard-linked), as `pbgdpl build` does.
        let keys_file = OutputKeys::file_for(out);
        let previous = if out.is_dir() {
            OutputKeys::load(&keys_file)
        } else {
            OutputKeys::new()
        };
        let sink =
            DirSink::with_previous(staging.path(), out).trusting(previous.saved(), previous.len());
        let recorder = Recorder::new(&sink);
        let built = hub::render(&input, &theme, &previous, &recorder)?;
        let files = recorder.written().len();
        // The keys describe the new output: remove the old ones first, so
        // a crash between the two steps leaves no keys rather than wrong
        // ones.
        let _ = std::fs::remove_file(&keys_file);
        // Unchanged: the previous output already is this build's.
        if sink.finish()? == crate::output::Finished::Changed {
            staging.commit()?;
        }
        // Without the keys the next build renders everything: not an error.
        let _ = built.keys.save(&keys_file);
        self.state.save_hub_snapshot(&built.sync)?;
        self.state.file.published = Some(fingerprint);
        self.state.file.report_due = built.report_due.map(|d| d.to_string());
        self.state.save()?;
        Ok(files)
    }
}

/// The agencies as the hub shows them.
fn agency_inputs<'a>(
    config: &'a HubConfig,
    resolved: &'a [Resolved],
    state: &State,
) -> Vec<AgencyInput<'a>> {
    config
        .sources
        .iter()
        .zip(resolved)
        .map(|(s, r)| {
            let m = state.file.sources.get(&s.id);
            let failure = m.and_then(|m| m.failure.as_ref());
            AgencyInput {
                source: s,
                copy: r.copy.as_ref(),
                failure: failure.map(|f| hub::Failed {
                    kind: f.kind,
                    reason: f
                        .reason
                        .clone()
                        .map(|r| (f.document.unwrap_or(accept::Document::Source), r)),
                }),
                failing_since: failure.map(|f| f.since.clone()),
                last_success: m.and_then(|m| m.last_success.clone()),
                last_change: m.and_then(|m| m.last_change.clone()),
                hold_until: m.and_then(|m| m.hold_until.clone()),
                held: None,
            }
        })
        .collect()
}

/// What the published hub depends on: the program, `sources.toml`, and
/// per source its copy, what the status page says about it, and whether
/// an item it held back for its future date is due at `now`. The time of
/// a successful check that changed nothing is not part of it (else every
/// run would rebuild), so the status page shows, for a source that works,
/// when its data last changed and when the page was built.
///
/// The province's report depends on the day too: the quarter of `now`
/// (a new quarter has its page), and whether `report_due` (the first day
/// on which an entry of the published hub starts counting, see
/// [`hub::report::next_due`]) has come. A build passes `None`: nothing it
/// publishes is due yet.
fn fingerprint(
    config: &HubConfig,
    agencies: &[AgencyInput<'_>],
    now: Timestamp,
    report_due: Option<&str>,
) -> String {
    let sources: Vec<serde_json::Value> = agencies
        .iter()
        .map(|a| {
            let copy = a
                .copy
                .and_then(|c| serde_json::to_value(&c.snapshot).ok())
                .map(|v| canonical::hash(&v));
            let due = a
                .hold_until
                .as_deref()
                .and_then(Timestamp::parse)
                .is_some_and(|t| t <= now);
            json!({
                "id": a.source.id,
                "copy": copy,
                "statistics": a.copy.and_then(|c| c.statistics.as_ref()).map(|s| &s.sha256),
                "last_change": a.last_change,
                "held_due": due,
                "failure": a.failure.as_ref().map(|f| json!({
                    "kind": f.kind,
                    "reason": f.reason,
                    "since": a.failing_since,
                    "last_success": a.last_success,
                })),
            })
        })
        .collect();
    let today = now.date_in_vietnam();
    let report_due = report_due
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .is_some_and(|d| d <= today);
    canonical::hash(&json!({
        "generator": env!("CARGO_PKG_VERSION"),
        "config": config.text,
        "sources": sources,
        "quarter": figures::Period::quarter_of(today).slug(),
        "report_due": report_due,
    }))
}

/// The default state directory for an output directory (see [`state`]).
pub fn default_state_dir(out: &Path) -> PathBuf {
    state::default_dir(out)
}
