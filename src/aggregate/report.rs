//! What a run of the aggregator did, per source and for the hub, and how
//! the terminal shows it.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostics::Diagnostics;

use super::poll::FailureKind;

/// What happened to one source in this run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceResult {
    /// New content was fetched.
    Changed,
    /// The document was fetched again, with the same digest.
    Unchanged,
    /// The server answered `304 Not Modified`.
    NotModified,
    /// The source could not be used; its last good copy (if any) is published.
    Failed(FailureKind),
}

/// One source in the report.
#[derive(Debug, Clone)]
pub struct SourceReport {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What happened.
    pub result: SourceResult,
    /// The explanation of a failure.
    pub message: Option<String>,
    /// Entries of the copy the hub publishes, if there is one.
    pub entries: Option<usize>,
    /// When the published copy was fetched (RFC 3339).
    pub copy_from: Option<String>,
}

/// What a run did.
#[derive(Debug)]
pub struct AggregateReport {
    /// Every source, in the order of `sources.toml`.
    pub sources: Vec<SourceReport>,
    /// Whether the hub was (re)built; `false` when nothing had changed.
    pub rebuilt: bool,
    /// Files written (0 when not rebuilt).
    pub files: usize,
    /// The hub's output directory.
    pub output: PathBuf,
    /// The state directory.
    pub state: PathBuf,
    /// Warnings (a damaged state file, for instance).
    pub warnings: Diagnostics,
    /// How long it took.
    pub elapsed: Duration,
}

impl AggregateReport {
    /// How many sources failed this time.
    pub fn failed(&self) -> usize {
        self.sources
            .iter()
            .filter(|s| matches!(s.result, SourceResult::Failed(_)))
            .count()
    }

    /// The report for a terminal: one line per source, then a summary;
    /// with `quiet`, only the lines of failed sources.
    pub fn render(&self, color: bool, quiet: bool) -> String {
        let paint = |code: &str, s: &str| {
            if color {
                format!("\x1b[{code}m{s}\x1b[0m")
            } else {
                s.to_string()
            }
        };
        let mut out = String::new();
        let width = self.sources.iter().map(|s| s.id.len()).max().unwrap_or(0);
        for s in &self.sources {
            if quiet && !matches!(s.result, SourceResult::Failed(_)) {
                continue;
            }
            let (label, code) = match s.result {
                SourceResult::Changed => ("changed  ", "1;32"),
                SourceResult::Unchanged => ("unchanged", "0"),
                SourceResult::NotModified => ("unchanged", "0"),
                SourceResult::Failed(_) => ("FAILED   ", "1;31"),
            };
            let detail = match (&s.result, s.entries) {
                (SourceResult::Failed(_), entries) => {
                    let kept = match (entries, &s.copy_from) {
                        (Some(n), Some(when)) => {
                            format!("publishing its last good copy ({n} entries, fetched {when})")
                        }
                        (Some(n), None) => format!("publishing its last good copy ({n} entries)"),
                        _ => "no earlier copy: not published".to_string(),
                    };
                    format!("{}; {kept}", s.message.as_deref().unwrap_or(""))
                }
                (SourceResult::NotModified, Some(n)) => format!("{n} entries (304 Not Modified)"),
                (_, Some(n)) => format!("{n} entries"),
                (_, None) => String::new(),
            };
            let _ = writeln!(
                out,
                "{} {:width$}  {}: {detail}",
                paint(code, label),
                s.id,
                s.name
            );
        }
        if quiet {
            return out;
        }
        let failed = self.failed();
        let counts = format!("{} sources, {} failed", self.sources.len(), failed);
        if self.rebuilt {
            let _ = writeln!(
                out,
                "hub: built {} files into {} ({counts}) in {} ms",
                self.files,
                self.output.display(),
                self.elapsed.as_millis()
            );
        } else {
            let _ = writeln!(
                out,
                "hub: nothing changed since the last build; {} left as it was ({counts})",
                self.output.display()
            );
        }
        out
    }
}
