//! What a run of the aggregator did, per source and for the hub, and how
//! the terminal shows it.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostics::Diagnostics;
use crate::msg;

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
        let labels = [
            msg!("aggregate-status-changed"),
            msg!("aggregate-status-unchanged"),
            msg!("aggregate-status-failed"),
        ];
        let label_width = labels
            .iter()
            .map(|l| l.as_str().chars().count())
            .max()
            .unwrap_or(0);
        for s in &self.sources {
            if quiet && !matches!(s.result, SourceResult::Failed(_)) {
                continue;
            }
            let (label, code) = match s.result {
                SourceResult::Changed => (&labels[0], "1;32"),
                SourceResult::Unchanged | SourceResult::NotModified => (&labels[1], "0"),
                SourceResult::Failed(_) => (&labels[2], "1;31"),
            };
            let detail = match (&s.result, s.entries) {
                (SourceResult::Failed(_), entries) => {
                    let kept = match (entries, &s.copy_from) {
                        (Some(n), Some(when)) => {
                            msg!("aggregate-kept-copy-fetched", entries = n, when = when)
                        }
                        (Some(n), None) => msg!("aggregate-kept-copy", entries = n),
                        _ => msg!("aggregate-no-copy"),
                    };
                    format!("{}; {kept}", s.message.as_deref().unwrap_or(""))
                }
                (SourceResult::NotModified, Some(n)) => {
                    msg!("aggregate-entries-not-modified", entries = n).into_string()
                }
                (_, Some(n)) => msg!("aggregate-entries", entries = n).into_string(),
                (_, None) => String::new(),
            };
            let label = format!("{:label_width$}", label.as_str());
            let _ = writeln!(
                out,
                "{} {:width$}  {}: {detail}",
                paint(code, &label),
                s.id,
                s.name
            );
        }
        if quiet {
            return out;
        }
        let counts = msg!(
            "aggregate-counts",
            sources = self.sources.len(),
            failed = self.failed()
        );
        let summary = if self.rebuilt {
            msg!(
                "aggregate-built",
                files = self.files,
                dir = self.output.display().to_string(),
                counts = counts,
                ms = self.elapsed.as_millis().to_string()
            )
        } else {
            msg!(
                "aggregate-nothing-changed",
                dir = self.output.display().to_string(),
                counts = counts
            )
        };
        let _ = writeln!(out, "{summary}");
        out
    }
}
