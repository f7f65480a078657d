//! How the command line shows a build's progress: an indicatif bar on a
//! terminal, nothing while it runs otherwise (CI logs get the one-line
//! summary at the end), stage timings with `--verbose`.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pbgdpl::i18n::Message;
use pbgdpl::progress::Progress;
use pbgdpl::{RendererReport, msg};

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
        let files = msg!("progress-files");
        let template = match (known_length, self.color) {
            (true, true) => {
                format!(
                    "{{spinner:.green}} {{msg:>10}} [{{bar:40.cyan/blue}}] {{pos}}/{{len}} {files}"
                )
            }
            (true, false) => {
                format!("{{spinner}} {{msg:>10}} [{{bar:40}}] {{pos}}/{{len}} {files}")
            }
            (false, true) => format!("{{spinner:.green}} {{msg:>10}} {{pos}} {files}"),
            (false, false) => format!("{{spinner}} {{msg:>10}} {{pos}} {files}"),
        };
        ProgressStyle::with_template(&template)
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
            bar.set_message(stage_name(name).into_string());
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

/// A stage of the build (`load`, `render`…) in the language of the run.
pub fn stage_name(stage: &str) -> Message {
    match stage {
        "load" => msg!("stage-load"),
        "check" => msg!("stage-check"),
        "prepare" => msg!("stage-prepare"),
        "render" => msg!("stage-render"),
        other => msg!("stage-other", name = other),
    }
}

/// An output (`html`, `feeds`…) in the language of the run.
pub fn output_name(output: &str) -> Message {
    known_output(output).unwrap_or_else(|| msg!("output-other", name = output))
}

/// The catalogue's name of one of the build's outputs; `None` for a name
/// it does not know (a test keeps every renderer known).
fn known_output(output: &str) -> Option<Message> {
    Some(match output {
        "html" => msg!("output-html"),
        "assets" => msg!("output-assets"),
        "feeds" => msg!("output-feeds"),
        "sitemap" => msg!("output-sitemap"),
        "search" => msg!("output-search"),
        "sync" => msg!("output-sync"),
        "tags" => msg!("output-tags"),
        "filters" => msg!("output-filters"),
        "statistics" => msg!("output-statistics"),
        "statistics-json" => msg!("output-statistics-json"),
        "embed" => msg!("output-embed"),
        "schemas" => msg!("output-schemas"),
        "banner-image" => msg!("output-banner-image"),
        _ => return None,
    })
}

/// `html 12 003, sitemap 2, …`: files written by each output.
pub fn by_renderer(reports: &[RendererReport]) -> String {
    reports
        .iter()
        .filter(|r| r.files > 0)
        .map(|r| format!("{} {}", output_name(r.name), r.files))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line per output for `--verbose`: its files (and how many were kept
/// from the previous build) and the time it took, so a slow output shows.
pub fn outputs_timed(reports: &[RendererReport]) -> String {
    let names: Vec<Message> = reports.iter().map(|r| output_name(r.name)).collect();
    let width = names
        .iter()
        .map(|n| n.as_str().chars().count())
        .max()
        .unwrap_or(0);
    reports
        .iter()
        .zip(names)
        .map(|(r, name)| {
            let pad = " ".repeat(width - name.as_str().chars().count());
            format!(
                "\n    {pad}{name}: {}",
                msg!(
                    "output-timed",
                    files = r.files,
                    kept = r.kept,
                    elapsed = elapsed(r.elapsed)
                )
            )
        })
        .collect()
}

/// Milliseconds under a second, else seconds with one decimal
/// (milliseconds are noise then), in the language of the run.
pub fn elapsed(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        msg!("elapsed-ms", ms = d.as_millis().to_string()).into_string()
    } else {
        let seconds = format!("{:.1}", d.as_secs_f64());
        let seconds = match pbgdpl::i18n::language() {
            pbgdpl::i18n::Lang::Vi => seconds.replace('.', ","),
            pbgdpl::i18n::Lang::En => seconds,
        };
        msg!("elapsed-s", seconds = seconds).into_string()
    }
}

#[cfg(test)]
mod tests {
    use super::known_output;

    /// The build's summary names every output in the run's language: a
    /// new renderer needs its name in cli.ftl (vi and en), else the
    /// Vietnamese summary would show its English code.
    #[test]
    fn every_renderer_has_a_name_in_the_catalogue() {
        for r in pbgdpl::output::renderers() {
            assert!(
                known_output(r.name()).is_some(),
                "output {:?} has no output-… message in src/i18n/*/cli.ftl",
                r.name()
            );
        }
    }
}
