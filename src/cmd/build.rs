//! `pbgdpl build`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::SiteArgs;

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
    /// Print nothing but errors and warnings.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs the build.
pub fn run(args: Args, color: bool) -> anyhow::Result<ExitCode> {
    let options = args.site.options(args.base_url.clone());
    let result = pbgdpl::build(&args.site.root, args.out.as_deref(), &options);
    let summary = result.as_ref().ok().map(|r| {
        format!(
            "built {} entries, {} files into {} in {} ms",
            r.pages,
            r.files,
            r.output.display(),
            r.elapsed.as_millis()
        )
    });
    let code = super::report(result.map(|r| r.warnings), color, "build")?;
    if let (Some(s), false) = (summary, args.quiet) {
        eprintln!("{s}");
    }
    Ok(code)
}
