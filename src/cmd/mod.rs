//! One module per subcommand; each parses its flags, calls one library
//! function and maps the result to an exit status.

pub mod aggregate;
pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod progress;
pub mod serve;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use pbgdpl::{BuildOptions, Diagnostics, Error};

/// `--color`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to emit ANSI colours on stderr.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stderr().is_terminal()
            }
        }
    }
}

/// Options shared by `build`, `check` and `serve`.
#[derive(clap::Args)]
pub struct SiteArgs {
    /// The site's directory (the one holding site.toml).
    #[arg(long, short, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Preview: include drafts, entries awaiting approval, scheduled and
    /// expired entries, marked and hidden from search engines and feeds.
    #[arg(long)]
    pub drafts: bool,
    /// The date the build treats as today (YYYY-MM-DD), for reproducible
    /// builds of scheduled and expiring entries.
    #[arg(long, env = "PBGDPL_TODAY", value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

impl SiteArgs {
    /// The library's build options.
    pub fn options(&self, base_url: Option<String>) -> BuildOptions {
        BuildOptions {
            drafts: self.drafts,
            today: self.today,
            base_url,
            previous: None,
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date like 2026-11-22"))
}

/// Red "error:" prefix when colours are on.
pub fn paint_error(message: &str, color: bool) -> String {
    if color {
        format!("\x1b[1;31merror\x1b[0m: {message}")
    } else {
        format!("error: {message}")
    }
}

/// Prints diagnostics and a summary; maps library errors to exit codes
/// (1 for problems in the site's content, 2 for everything else).
pub fn report(
    result: Result<Diagnostics, Error>,
    color: bool,
    what: &str,
) -> anyhow::Result<ExitCode> {
    match result {
        Ok(warnings) => {
            eprint!("{}", warnings.render(color));
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::Invalid(diags)) => {
            eprint!("{}", diags.render(color));
            let summary = format!(
                "{what} failed: {} error(s), {} warning(s)",
                diags.error_count(),
                diags.warning_count()
            );
            eprintln!("{}", paint_error(&summary, color));
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.into()),
    }
}
