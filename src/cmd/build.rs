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
    /// The previously published sync.json (file or http(s) URL) to record
    /// deletions against, for CI where the output directory starts empty.
    /// Default: the sync.json already in the output directory.
    #[arg(long, value_name = "PATH|URL")]
    previous: Option<String>,
    /// Print nothing but errors and warnings.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs the build.
pub fn run(args: Args, color: bool) -> anyhow::Result<ExitCode> {
    let mut options = args.site.options(args.base_url.clone());
    options.previous = args.previous.clone();
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
