//! `pbgdpl build`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::SiteArgs;
use super::progress::{Bar, Verbosity, by_renderer, elapsed, outputs_timed, stage_name};
use pbgdpl::msg;

/// Flags of `pbgdpl build`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    /// Output directory (default: <root>/public). Replaced only when the build succeeds.
    #[arg(long, short, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Publish at this address instead of site.toml's base_url.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// The previously published sync.json (file or http(s) URL) to record
    /// deletions against, for CI where the output directory starts empty.
    /// Default: the sync.json already in the output directory.
    #[arg(long, value_name = "PATH|URL")]
    previous: Option<String>,
    /// Print nothing but errors and warnings.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print how long each stage took and how many files each output wrote.
    #[arg(long, short)]
    verbose: bool,
}

/// Runs the build.
pub fn run(args: Args, color: bool) -> anyhow::Result<ExitCode> {
    let verbosity = Verbosity::from_flags(args.quiet, args.verbose);
    let mut options = args.site.options(args.base_url.clone());
    options.previous = args.previous.clone();
    let bar = Bar::new(verbosity, color);
    let result = pbgdpl::build_with(&args.site.root, args.out.as_deref(), &options, &bar);
    bar.clear();
    let summary = result.as_ref().ok().map(|r| {
        let mut s = msg!(
            "build-summary",
            entries = r.pages,
            files = r.files,
            outputs = by_renderer(&r.by_renderer),
            out = &r.output,
            elapsed = elapsed(r.elapsed)
        )
        .into_string();
        if verbosity == Verbosity::Verbose {
            for (stage, took) in bar.timings() {
                s.push_str(&format!("\n  {:>10}: {}", stage_name(stage), elapsed(took)));
                if stage == "render" {
                    s.push_str(&outputs_timed(&r.by_renderer));
                }
            }
        }
        s
    });
    let scheduled = result
        .as_ref()
        .map(|r| r.scheduled.clone())
        .unwrap_or_default();
    let code = super::report(result.map(|r| r.warnings), color, super::Failed::Build)?;
    if let (Some(s), false) = (summary, verbosity == Verbosity::Quiet) {
        eprintln!("{s}");
        eprint!("{}", super::schedule_lines(&scheduled));
    }
    Ok(code)
}
