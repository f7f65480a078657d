//! How the command line shows a build's progress: an indicatif bar on a
//! terminal, nothing while it runs otherwise (CI logs get the one-line
//! summary at the end), stage timings with `--verbose`.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pbgdpl::RendererReport;
use pbgdpl::progress::Progress;

/// How much to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verbosity {
    /// Only errors and warnings.
    Quiet,
    /// A summary line (and a bar on a terminal).
    Normal,
    /// Also the time of each stage and the files of each output.
    Verbose,
}

impl Verbosity {
    /// From `--quiet` / `--verbose`.
    pub fn from_flags(quiet: bool, verbose: bool) -> Self {
        match (quiet, verbose) {
            (true, _) => Verbosity::Quiet,
            (false, true) => Verbosity::Verbose,
            (false, false) => Verbosity::Normal,
        }
    }
}

/// The progress observer of one build.
pub struct Bar {
    bar: Option<ProgressBar>,
    color: bool,
    stages: Mutex<Vec<(&'static str, Instant)>>,
}

impl Bar {
    /// A bar on stderr when it is a terminal and the user did not ask for
    /// quiet; otherwise only stage timings are recorded.
    pub fn new(verbosity: Verbosity, color: bool) -> Self {
        let show = verbosity != Verbosity::Quiet && std::io::stderr().is_terminal();
        let bar = show.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Self {
            bar,
            color,
            stages: Mutex::new(Vec::new()),
        }
    }

    fn style(&self, known_length: bool) -> ProgressStyle {
        let template = match (known_length, self.color) {
            (true, true) => "{spinner:.green} {msg:>8} [{bar:40.cyan/blue}] {pos}/{len} files",
            (true, false) => "{spinner} {msg:>8} [{bar:40}] {pos}/{len} files",
            (false, true) => "{spinner:.green} {msg:>8} {pos} files",
            (false, false) => "{spinner} {msg:>8} {pos} files",
        };
        ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ")
    }

    /// Removes the bar from the terminal.
    pub fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// How long each stage took, in order, up to now.
    pub fn timings(&self) -> Vec<(&'static str, Duration)> {
        let stages = self.stages.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        stages
            .iter()
            .enumerate()
            .map(|(i, (name, start))| {
                let end = stages.get(i + 1).map_or(now, |next| next.1);
                (*name, end - *start)
            })
            .collect()
    }
}

impl Progress for Bar {
    fn stage(&self, name: &'static str, total: Option<u64>) {
        self.stages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((name, Instant::now()));
        if let Some(bar) = &self.bar {
            bar.set_style(self.style(total.is_some()));
            match total {
                Some(n) => bar.set_length(n),
                None => bar.unset_length(),
            }
            bar.set_position(0);
            bar.set_message(name);
        }
    }

    fn step(&self, _path: &str) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            // The length is an estimate; never show more done than planned.
            if bar.length().is_some_and(|len| bar.position() > len) {
                bar.set_length(bar.position());
            }
        }
    }
}

/// `html 12 003, sitemap 2, …`: files written by each output.
pub fn by_renderer(reports: &[RendererReport]) -> String {
    reports
        .iter()
        .filter(|r| r.files > 0)
        .map(|r| format!("{} {}", r.name, r.files))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line per output for `--verbose`: its files (and how many were kept
/// from the previous build) and the time it took, so a slow output shows.
pub fn outputs_timed(reports: &[RendererReport]) -> String {
    let width = reports.iter().map(|r| r.name.len()).max().unwrap_or(0);
    reports
        .iter()
        .map(|r| {
            let kept = if r.kept > 0 {
                format!(" ({} kept)", r.kept)
            } else {
                String::new()
            };
            format!(
                "\n    {:>width$}: {} files{kept} in {}",
                r.name,
                r.files,
                elapsed(r.elapsed)
            )
        })
        .collect()
}

/// Seconds with one decimal under a minute, else milliseconds are noise.
pub fn elapsed(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}
