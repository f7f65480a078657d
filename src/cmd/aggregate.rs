//! `pbgdpl aggregate`.

use std::path::PathBuf;
use std::process::ExitCode;

use pbgdpl::aggregate::{AggregateOptions, aggregate};
use pbgdpl::date::Timestamp;

/// Exit status when the hub was built but some sources failed (their last
/// good copies were published).
pub const SOURCES_FAILED: u8 = 3;

/// Flags of `pbgdpl aggregate`.
#[derive(clap::Args)]
pub struct Args {
    /// The list of agencies and the hub's settings (docs/aggregate.md).
    #[arg(long, default_value = "sources.toml", value_name = "FILE")]
    sources: PathBuf,
    /// The hub's output directory. Replaced only when the build succeeds.
    #[arg(long, short, value_name = "DIR")]
    out: PathBuf,
    /// Where last good copies, validators and times are kept between runs
    /// (default: .<out>.pbgdpl-aggregate beside the output directory).
    #[arg(long, value_name = "DIR")]
    state: Option<PathBuf>,
    /// The time of this run, recorded as the time of every fetch
    /// (2026-11-22T08:00:00+07:00 or 2026-11-22), for reproducible runs.
    #[arg(long, env = "PBGDPL_NOW", value_name = "TIME", value_parser = parse_time)]
    now: Option<Timestamp>,
    /// Rebuild the hub even if no source changed (after editing templates).
    #[arg(long)]
    force: bool,
    /// Print nothing but failures and warnings.
    #[arg(long, short)]
    quiet: bool,
}

fn parse_time(s: &str) -> Result<Timestamp, String> {
    Timestamp::parse(s).ok_or_else(|| pbgdpl::msg!("cli-bad-time").into_string())
}

/// Runs the aggregator. Exit status: 0 when every source was fetched (or
/// nothing changed), 3 when some failed and the hub was built from their
/// last good copies, 1 for errors in sources.toml, 2 when the hub could
/// not be built at all.
pub fn run(args: Args, color: bool) -> anyhow::Result<ExitCode> {
    let options = AggregateOptions {
        sources: args.sources,
        out: args.out,
        state: args.state,
        now: args.now,
        force: args.force,
    };
    match aggregate(&options) {
        Ok(report) => {
            eprint!("{}", report.warnings.render(color));
            let failed = report.failed();
            eprint!("{}", report.render(color, args.quiet));
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(SOURCES_FAILED)
            })
        }
        Err(e) => super::report(Err(e), color, super::Failed::Aggregate),
    }
}
