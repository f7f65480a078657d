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
//! | polling one agency | [`poll`] |
//! | remembering between runs | [`state`] |
//! | what a run did | [`report`] |
//! | building the hub | [`hub`] |

pub mod fetch;
pub mod hub;
pub mod poll;
pub mod report;
pub mod sources;
pub mod state;
pub mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Timelike;
use rayon::prelude::*;
use serde_json::json;

use crate::date::Timestamp;
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::output::{DirSink, Recorder};
use crate::render::templates::Theme;
use crate::sync::canonical;
use crate::write::Staging;

pub use report::{AggregateReport, SourceReport, SourceResult};

use fetch::Fetcher;
use hub::{AgencyInput, HubInput};
use poll::{FailureKind, Outcome, Poll, Problem};
use sources::HubConfig;
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

/// Another published source already owns the section's address or one of
/// its ids.
fn conflict(
    copy: &GoodCopy,
    owners: &BTreeMap<String, String>,
    ids: &BTreeMap<String, String>,
) -> Option<Problem> {
    let base = &copy.snapshot.site.base_url;
    let other = owners.get(base).cloned().or_else(|| {
        copy.snapshot
            .entries
            .iter()
            .find_map(|r| ids.get(&r.id).cloned())
    })?;
    Some(Problem {
        kind: FailureKind::Conflict,
        message: format!(
            "it publishes the section {base} (or entries) already published by the source `{other}`; each section is listed once"
        ),
    })
}

/// Runs the aggregator: polls every source, updates the state, and
/// rebuilds the hub unless nothing changed. Errors are only for what
/// prevents building the hub at all (`sources.toml` unusable, the output
/// or state directory unwritable); failing sources are in the report.
pub fn aggregate(options: &AggregateOptions) -> Result<AggregateReport, Error> {
    let started = Instant::now();
    let config = HubConfig::load(&options.sources)?;
    let now = options.now.unwrap_or_else(now_in_vietnam);
    let now_text = now.rfc3339();
    let state_dir = options
        .state
        .clone()
        .unwrap_or_else(|| state::default_dir(&options.out));
    let inside = |inner: &Path, outer: &Path| {
        let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        abs(inner).starts_with(abs(outer))
    };
    if inside(&state_dir, &options.out) {
        return Err(Error::Usage(format!(
            "the state directory {} cannot be inside the output directory {}: every build replaces the output",
            state_dir.display(),
            options.out.display()
        )));
    }
    let (mut state, warning) = State::open(&state_dir)?;
    let warnings: Diagnostics = warning.into_iter().collect();
    let schemas = Schemas::new()?;
    let fetcher = Fetcher::new(config.fetch.timeout);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.fetch.parallel)
        .thread_name(|i| format!("pbgdpl-fetch-{i}"))
        .build()
        .map_err(|e| Error::io(&state_dir)(std::io::Error::other(e)))?;
    let polls: Vec<Poll> = pool.install(|| {
        config
            .sources
            .par_iter()
            .map(|s| {
                let prior = state.good_copy(&s.id, &schemas);
                poll::poll(s, &state, prior, &fetcher, &schemas)
            })
            .collect()
    });

    // Apply the outcomes in the order of sources.toml (so that the first
    // source listing a section owns it).
    let mut resolved: Vec<Resolved> = Vec::new();
    let mut owners: BTreeMap<String, String> = BTreeMap::new();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for (source, poll) in config.sources.iter().zip(polls) {
        let Poll { prior, outcome } = poll;
        let remembered = state.file.sources.remove(&source.id).unwrap_or_default();
        let mut entry = SourceState {
            location: source.sync.to_string(),
            ..remembered.clone()
        };
        let (candidate, result, mut problem, validators) = match outcome {
            Outcome::Changed { copy, validators } => {
                (Some(copy), SourceResult::Changed, None, Some(validators))
            }
            Outcome::Unchanged {
                not_modified,
                copy,
                validators,
            } => (
                copy.or(prior.clone()),
                if not_modified {
                    SourceResult::NotModified
                } else {
                    SourceResult::Unchanged
                },
                None,
                validators,
            ),
            Outcome::Failed(p) => (None, SourceResult::Failed(p.kind), Some(p), None),
        };
        if problem.is_none() {
            problem = candidate.as_ref().and_then(|c| conflict(c, &owners, &ids));
        }
        let (copy, result) = match &problem {
            None => {
                let copy = candidate;
                if let Some(c) = &copy {
                    let same = prior.as_ref().is_some_and(|p| p.raw == c.raw);
                    if !same || c.items.is_some() {
                        state.save_copy(&source.id, c)?;
                    }
                    if result == SourceResult::Changed
                        || remembered.digest.as_deref() != Some(c.snapshot.digest.as_str())
                        || remembered.last_change.is_none()
                    {
                        entry.last_change = Some(now_text.clone());
                    }
                    entry.digest = Some(c.snapshot.digest.clone());
                }
                if let Some(v) = validators {
                    entry.etag = v.etag;
                    entry.last_modified = v.last_modified;
                }
                entry.last_success = Some(now_text.clone());
                entry.failure = None;
                (copy, result)
            }
            Some(p) => {
                entry.failure = Some(Failure {
                    kind: p.kind,
                    message: p.message.clone(),
                    since: remembered
                        .failure
                        .as_ref()
                        .map(|f| f.since.clone())
                        .unwrap_or_else(|| now_text.clone()),
                    last_attempt: now_text.clone(),
                });
                // A conflicting source is not published at all; another
                // failure publishes the last good copy.
                let copy = (p.kind != FailureKind::Conflict).then_some(prior).flatten();
                (copy, SourceResult::Failed(p.kind))
            }
        };
        if let Some(c) = &copy {
            owners
                .entry(c.snapshot.site.base_url.clone())
                .or_insert_with(|| source.id.clone());
            for r in &c.snapshot.entries {
                ids.entry(r.id.clone()).or_insert_with(|| source.id.clone());
            }
        }
        state.file.sources.insert(source.id.clone(), entry);
        resolved.push(Resolved {
            copy,
            result,
            problem,
        });
    }
    // Forget sources no longer listed.
    state
        .file
        .sources
        .retain(|id, _| config.sources.iter().any(|s| &s.id == id));
    state.save()?;

    let reports: Vec<SourceReport> = config
        .sources
        .iter()
        .zip(&resolved)
        .map(|(s, r)| {
            let remembered = state.file.sources.get(&s.id);
            SourceReport {
                id: s.id.clone(),
                name: s.name.clone(),
                result: r.result,
                message: r.problem.as_ref().map(|p| p.message.clone()),
                entries: r.copy.as_ref().map(|c| c.snapshot.entries.len()),
                copy_from: r
                    .copy
                    .as_ref()
                    .and(remembered)
                    .and_then(|m| m.last_change.clone()),
            }
        })
        .collect();

    let fingerprint = fingerprint(&config, &agency_inputs(&config, &resolved, &state));
    let mut report = AggregateReport {
        sources: reports,
        rebuilt: false,
        files: 0,
        output: options.out.clone(),
        state: state_dir.clone(),
        warnings,
        elapsed: Duration::ZERO,
    };
    if !options.force
        && state.file.published.as_deref() == Some(fingerprint.as_str())
        && options.out.is_dir()
    {
        report.elapsed = started.elapsed();
        return Ok(report);
    }

    for (source, r) in config.sources.iter().zip(resolved.iter_mut()) {
        if let Some(copy) = &mut r.copy {
            state.load_items(&source.id, copy);
        }
    }
    let input = HubInput {
        config: &config,
        agencies: agency_inputs(&config, &resolved, &state),
        now,
        // The hub's last snapshot, else the one in the output (a state
        // directory started afresh).
        previous: state
            .hub_snapshot()
            .or_else(|| std::fs::read_to_string(options.out.join(crate::sync::SYNC_PATH)).ok())
            .and_then(|text| crate::sync::previous::parse(&text).ok()),
    };
    let theme = Theme::load(&config.dir)?;
    let staging = Staging::new(&options.out)?;
    let sink = DirSink::new(staging.path());
    let recorder = Recorder::new(&sink);
    let built = hub::render(&input, &theme, &recorder)?;
    report.files = recorder.written().len();
    staging.commit()?;
    state.save_hub_snapshot(&built.sync)?;
    state.file.published = Some(fingerprint);
    state.save()?;
    report.rebuilt = true;
    report.elapsed = started.elapsed();
    Ok(report)
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
                failure: failure.map(|f| (f.kind, f.message.clone())),
                failing_since: failure.map(|f| f.since.clone()),
                last_success: m.and_then(|m| m.last_success.clone()),
                last_change: m.and_then(|m| m.last_change.clone()),
            }
        })
        .collect()
}

/// What the published hub depends on: the program, `sources.toml`, and
/// per source its copy and what the status page says about it. The time
/// of a successful check that changed nothing is not part of it (else
/// every run would rebuild), so the status page shows, for a source that
/// works, when its data last changed and when the page was built.
fn fingerprint(config: &HubConfig, agencies: &[AgencyInput<'_>]) -> String {
    let sources: Vec<serde_json::Value> = agencies
        .iter()
        .map(|a| {
            let copy = a
                .copy
                .and_then(|c| serde_json::to_value(&c.snapshot).ok())
                .map(|v| canonical::hash(&v));
            json!({
                "id": a.source.id,
                "copy": copy,
                "last_change": a.last_change,
                "failure": a.failure.as_ref().map(|(kind, message)| json!({
                    "kind": kind,
                    "message": message,
                    "since": a.failing_since,
                    "last_success": a.last_success,
                })),
            })
        })
        .collect();
    canonical::hash(&json!({
        "generator": env!("CARGO_PKG_VERSION"),
        "config": config.text,
        "sources": sources,
    }))
}

/// The default state directory for an output directory (see [`state`]).
pub fn default_state_dir(out: &Path) -> PathBuf {
    state::default_dir(out)
}
