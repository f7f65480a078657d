//! `pbgdpl serve`.

use std::io::Write as _;
use std::net::IpAddr;
use std::process::ExitCode;
use std::sync::Arc;

use pbgdpl::output::store::Changes;
use pbgdpl::progress::Progress;
use pbgdpl::serve::session::Update;
use pbgdpl::serve::{Events, ServeOptions, serve};
use pbgdpl::{Error, msg};

use super::SiteArgs;
use super::progress::{Bar, Verbosity, by_renderer, elapsed, outputs_timed};

/// Flags of `pbgdpl serve`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    /// Port to listen on; 0 picks a free port (the address is printed).
    #[arg(long, short, default_value_t = 1111)]
    port: u16,
    /// Address to listen on. The default serves this computer only; use
    /// 0.0.0.0 to let other computers of the network see the preview.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    bind: IpAddr,
    /// Print nothing but the address, errors and warnings.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print what changed and which files each rebuild rewrote.
    #[arg(long, short)]
    verbose: bool,
}

/// Prints what the server reports.
struct Printer {
    verbosity: Verbosity,
    color: bool,
    bar: Bar,
}

impl Events for Printer {
    fn listening(&self, url: &str) {
        self.bar.clear();
        // On stdout, alone on its line, so scripts (and tests) can read it.
        println!("{url}");
        let _ = std::io::stdout().flush();
        if self.verbosity != Verbosity::Quiet {
            eprintln!("{}", msg!("serve-listening", url = url));
        }
    }

    fn changed(&self, paths: &[String]) {
        if self.verbosity == Verbosity::Verbose {
            eprintln!("{}", msg!("serve-changed", paths = paths.join(", ")));
        }
    }

    fn due(&self) {
        if self.verbosity != Verbosity::Quiet {
            self.bar.clear();
            eprintln!("{}", msg!("serve-due"));
        }
    }

    fn built(&self, update: &Update, changes: &Changes) {
        self.bar.clear();
        eprint!("{}", update.warnings.render(self.color));
        if self.verbosity == Verbosity::Quiet {
            return;
        }
        let what = if update.full {
            msg!(
                "serve-built",
                entries = update.pages,
                files = update.files,
                outputs = by_renderer(&update.by_renderer)
            )
        } else {
            msg!("serve-rebuilt", sources = update.reparsed.len())
        };
        eprintln!(
            "{}",
            msg!(
                "serve-updated",
                what = what,
                elapsed = elapsed(update.elapsed),
                changed = changes.changed.len(),
                removed = changes.removed.len()
            )
        );
        if self.verbosity == Verbosity::Verbose {
            eprintln!(
                "  {}:{}",
                msg!("serve-outputs"),
                outputs_timed(&update.by_renderer)
            );
            for path in changes.changed.iter().take(30) {
                eprintln!("  {}", msg!("serve-file-changed", path = path));
            }
            for path in changes.removed.iter().take(30) {
                eprintln!("  {}", msg!("serve-file-removed", path = path));
            }
        }
    }

    fn failed(&self, error: &Error) {
        self.bar.clear();
        match error {
            Error::Invalid(diags) => {
                eprint!("{}", diags.render(self.color));
                eprintln!(
                    "{}",
                    super::paint_error(
                        msg!("serve-errors", errors = diags.error_count()).as_str(),
                        self.color
                    )
                );
            }
            other => eprintln!("{}", super::paint_error(&other.to_string(), self.color)),
        }
    }

    fn progress(&self) -> &dyn Progress {
        &self.bar
    }
}

/// Runs the preview server until interrupted.
pub fn run(args: Args, color: bool) -> anyhow::Result<ExitCode> {
    let verbosity = Verbosity::from_flags(args.quiet, args.verbose);
    let options = ServeOptions {
        root: args.site.root.clone(),
        build: args.site.options(None),
        bind: args.bind,
        port: args.port,
    };
    let printer = Printer {
        verbosity,
        color,
        bar: Bar::new(verbosity, color),
    };
    serve(&options, Arc::new(printer))?;
    Ok(ExitCode::SUCCESS)
}
