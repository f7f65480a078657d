//! `pbgdpl check`.

use std::process::ExitCode;

use super::SiteArgs;

/// Flags of `pbgdpl check`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
}

/// Runs the checks.
pub fn run(args: Args, color: bool) -> anyhow::Result<ExitCode> {
    let result = pbgdpl::check(&args.site.root, &args.site.options(None));
    let ok = result.is_ok();
    let code = super::report(result, color, "check")?;
    if ok {
        eprintln!("no errors found");
    }
    Ok(code)
}
