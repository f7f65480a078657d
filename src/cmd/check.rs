//! `pbgdpl check`.

use std::process::ExitCode;

use pbgdpl::{Error, msg};

use super::SiteArgs;

/// How diagnostics are printed.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// For people: file:line:column, the line, a caret, a hint.
    Human,
    /// One JSON document on stdout (for CI tools).
    Json,
    /// GitHub Actions annotations on stdout.
    Github,
}

/// Flags of `pbgdpl check`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    /// Output format of the diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
}

/// Runs the checks.
pub fn run(args: Args, color: bool) -> anyhow::Result<ExitCode> {
    let (mut result, scheduled) =
        match pbgdpl::check_with_schedule(&args.site.root, &args.site.options(None)) {
            Ok((warnings, scheduled)) => (Ok(warnings), scheduled),
            Err(e) => (Err(e), Vec::new()),
        };
    if args.strict
        && let Ok(warnings) = &result
        && !warnings.is_empty()
    {
        let mut all = warnings.clone();
        all.promote_warnings();
        result = Err(Error::Invalid(all));
    } else if args.strict
        && let Err(Error::Invalid(all)) = &mut result
    {
        all.promote_warnings();
    }
    match args.format {
        Format::Human => {
            let warnings = result.as_ref().ok().map(|w| w.warning_count());
            let code = super::report(result, color, super::Failed::Check)?;
            if let Some(n) = warnings {
                eprintln!("{}", msg!("check-ok", warnings = n));
            }
            eprint!("{}", super::schedule_lines(&scheduled));
            Ok(code)
        }
        Format::Json | Format::Github => {
            let (diags, code) = match result {
                Ok(w) => (w, ExitCode::SUCCESS),
                Err(Error::Invalid(d)) => (d, ExitCode::from(1)),
                Err(e) => return Err(e.into()),
            };
            let text = match args.format {
                Format::Json => diags.render_json(),
                _ => diags.render_github(),
            };
            print!("{text}");
            Ok(code)
        }
    }
}
