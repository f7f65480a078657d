//! One module per subcommand; each parses its flags, calls one library
//! function and maps the result to an exit status.

pub mod aggregate;
pub mod build;
pub mod check;
pub mod convert;
pub mod help;
pub mod import;
pub mod init;
pub mod new;
pub mod progress;
pub mod serve;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use pbgdpl::date::Timestamp;
use pbgdpl::i18n::{Lang, Message};
use pbgdpl::{BuildOptions, Diagnostics, Error, msg};

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

/// `--lang`: the language of the messages.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum LangChoice {
    /// Vietnamese.
    Vi,
    /// English.
    En,
}

impl From<LangChoice> for Lang {
    fn from(l: LangChoice) -> Lang {
        match l {
            LangChoice::Vi => Lang::Vi,
            LangChoice::En => Lang::En,
        }
    }
}

/// The language of the messages of this run, decided before the arguments
/// are parsed (so that `--help` and argument errors are in it too): the
/// last `--lang vi|en` (or `--lang=…`) among `args`, else `PBGDPL_LANG`,
/// else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: English when it
/// starts with `en`), else Vietnamese.
pub fn language(args: &[std::ffi::OsString]) -> Lang {
    let mut chosen = None;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => iter.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            chosen = Some(lang);
        }
    }
    chosen
        .or_else(|| {
            std::env::var("PBGDPL_LANG")
                .ok()
                .as_deref()
                .and_then(Lang::parse)
        })
        .unwrap_or_else(|| Lang::from_locale(|name| std::env::var(name).ok()))
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
    #[arg(long, env = "PBGDPL_TODAY", value_name = "DATE", value_parser = parse_today)]
    pub today: Option<Timestamp>,
    /// No network: the news of `[upstream]` come from the saved copies in
    /// `.pbgdpl-cache/upstream/` only.
    #[arg(long)]
    pub offline: bool,
}

impl SiteArgs {
    /// The library's build options.
    pub fn options(&self, base_url: Option<String>) -> BuildOptions {
        BuildOptions {
            drafts: self.drafts,
            today: self.today.map(|t| t.date_in_vietnam()),
            now: self.today.filter(Timestamp::has_time),
            base_url,
            offline: self.offline,
            ..BuildOptions::default()
        }
    }
}

/// `--today`: a date (`2026-12-07`) or a date and time
/// (`2026-12-07T08:00:00+07:00`; Vietnam time when no offset is given).
fn parse_today(s: &str) -> Result<Timestamp, String> {
    Timestamp::parse(s.trim()).ok_or_else(|| msg!("cli-bad-date").into_string())
}

/// The lines that name the entries held back until their publish_date and
/// say when the next goes live (nothing when there is none).
pub fn schedule_lines(scheduled: &[pbgdpl::Scheduled]) -> String {
    let Some(next) = scheduled.first() else {
        return String::new();
    };
    const SHOWN: usize = 10;
    let mut out = String::new();
    for s in scheduled.iter().take(SHOWN) {
        out.push_str(&format!(
            "  {}\n",
            msg!("schedule-entry", file = &s.file, when = going_live(&s.at))
        ));
    }
    if scheduled.len() > SHOWN {
        out.push_str(&format!(
            "  {}\n",
            msg!("schedule-more", count = scheduled.len() - SHOWN)
        ));
    }
    format!(
        "{}\n{out}",
        msg!(
            "schedule-summary",
            count = scheduled.len(),
            when = going_live(&next.at)
        )
    )
}

/// "lúc 08:00 ngày 07/12/2026", or "ngày 20/06/2026" for a date alone.
fn going_live(at: &Timestamp) -> Message {
    if at.has_time() {
        msg!(
            "schedule-at",
            time = at.hour_in_vietnam(),
            date = at.dmy_in_vietnam()
        )
    } else {
        msg!("schedule-on", date = at.dmy_in_vietnam())
    }
}

/// The "error:" prefix (in the language of the run), red when colours are on.
pub fn paint_error(message: &str, color: bool) -> String {
    let label = msg!("label-error");
    if color {
        format!("\x1b[1;31m{label}\x1b[0m: {message}")
    } else {
        format!("{label}: {message}")
    }
}

/// Which command failed, for the summary line of [`report`].
#[derive(Clone, Copy)]
pub enum Failed {
    /// `build`.
    Build,
    /// `check`.
    Check,
    /// `aggregate`.
    Aggregate,
}

impl Failed {
    fn summary(self, errors: usize, warnings: usize) -> Message {
        match self {
            Failed::Build => msg!("failed-build", errors = errors, warnings = warnings),
            Failed::Check => msg!("failed-check", errors = errors, warnings = warnings),
            Failed::Aggregate => msg!("failed-aggregate", errors = errors, warnings = warnings),
        }
    }
}

/// Prints diagnostics and a summary; maps library errors to exit codes
/// (1 for problems in the site's content, 2 for everything else).
pub fn report(
    result: Result<Diagnostics, Error>,
    color: bool,
    what: Failed,
) -> anyhow::Result<ExitCode> {
    match result {
        Ok(warnings) => {
            eprint!("{}", warnings.render(color));
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::Invalid(diags)) => {
            eprint!("{}", diags.render(color));
            let summary = what.summary(diags.error_count(), diags.warning_count());
            eprintln!("{}", paint_error(summary.as_str(), color));
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.into()),
    }
}
