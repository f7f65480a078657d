//! The `pbgdpl` command: parses arguments and calls the library.

mod cmd;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Static-site generator for PBGDPL sections (chuyên mục phổ biến, giáo dục
/// pháp luật) under Decision 471/QĐ-TTg.
#[derive(Parser)]
#[command(name = "pbgdpl", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,

    /// When to colour messages.
    #[arg(long, global = true, value_enum, default_value_t = cmd::ColorChoice::Auto)]
    color: cmd::ColorChoice,

    /// The language of the messages: vi (default) or en. Also PBGDPL_LANG,
    /// or a locale (LANG, LC_ALL, LC_MESSAGES) starting with "en".
    #[arg(long, global = true, value_enum, env = "PBGDPL_LANG")]
    lang: Option<cmd::LangChoice>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the section into static HTML (atomically: a failed build keeps the previous output).
    Build(cmd::build::Args),
    /// Load and check everything, write nothing; exit status 1 on errors.
    Check(cmd::check::Args),
    /// Build the provincial hub from the agencies' sync.json and feeds (for the Department of Justice).
    Aggregate(cmd::aggregate::Args),
    /// Create a new section with every standard category and sample entries.
    Init(cmd::init::Args),
    /// Add a new draft entry to a category.
    New(cmd::new::Args),
    /// Turn a Word file (.docx) of a document into a draft entry: its
    /// number, type, issuer, dates and signer read from the layout, its text
    /// as Markdown, the original attached.
    #[command(visible_alias = "nhap")]
    Import(cmd::import::Args),
    /// Convert files typed in TCVN3 (.VnTime), VNI or Windows-1258, or saved
    /// as UTF-16, to UTF-8; the original is kept as <file>~.
    #[command(visible_alias = "chuyen-ma")]
    Convert(cmd::convert::Args),
    /// Preview the section: build into memory, serve it, rebuild and reload the browser on every change.
    Serve(cmd::serve::Args),
}

/// Stack of the thread that runs the command and of rayon's workers: a
/// known size, not whatever `ulimit -s` or `RUST_MIN_STACK` say. The
/// nesting limits (`pbgdpl::nesting`) keep every stage far below it.
const STACK_SIZE: usize = 16 << 20;

fn main() -> ExitCode {
    // Fails only when the pool exists already, which it cannot here.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(STACK_SIZE)
        .build_global();
    let command = std::thread::Builder::new()
        .name("pbgdpl".into())
        .stack_size(STACK_SIZE)
        .spawn(run);
    match command.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        // A panic has printed its message already.
        Ok(Err(_)) => ExitCode::from(101),
        Err(e) => {
            let message = pbgdpl::msg!("cli-cannot-start", error = e.to_string());
            eprintln!("{}", cmd::paint_error(message.as_str(), false));
            ExitCode::from(2)
        }
    }
}

/// The command line with every text in the language of the run.
fn command() -> clap::Command {
    cmd::help::localize(Cli::command())
}

/// Parses the arguments; prints help, the version or what is wrong with
/// them (in the language of the run) and gives the exit status otherwise.
fn parse(mut args: Vec<std::ffi::OsString>) -> Result<Cli, ExitCode> {
    // `pbgdpl help build` is `pbgdpl build --help`.
    if args.get(1).is_some_and(|a| a == "help" || a == "tro-giup") {
        args.remove(1);
        args.push("--help".into());
    }
    let mut command = command();
    let error = match command.try_get_matches_from_mut(&args) {
        Ok(matches) => match Cli::from_arg_matches(&matches) {
            Ok(cli) => return Ok(cli),
            Err(e) => e,
        },
        Err(e) => e,
    };
    match error.kind() {
        ErrorKind::DisplayHelp => {
            print!("{}", cmd::help::words(&error.render().to_string()));
            Err(ExitCode::SUCCESS)
        }
        ErrorKind::DisplayVersion => {
            let _ = error.print();
            Err(ExitCode::SUCCESS)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            eprint!("{}", cmd::help::words(&command.render_help().to_string()));
            Err(ExitCode::from(2))
        }
        _ => {
            let color = cmd::ColorChoice::Auto.enabled();
            match cmd::help::explain(&error) {
                Some(text) => {
                    eprintln!("{}", cmd::paint_error(&text, color));
                    let usage = error
                        .get(clap::error::ContextKind::Usage)
                        .map(|u| u.to_string())
                        .unwrap_or_default();
                    if let Some((_, rest)) = usage.split_once(": ") {
                        let rest = cmd::help::words(rest);
                        eprintln!("\n{} {rest}", pbgdpl::msg!("help-usage"));
                    }
                    eprintln!("\n{}", pbgdpl::msg!("clap-see-help"));
                }
                None => {
                    let _ = error.print();
                }
            }
            Err(ExitCode::from(2))
        }
    }
}

fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    pbgdpl::i18n::set_language(cmd::language(&args));
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let color = cli.color.enabled();
    let result = match cli.command {
        Command::Build(a) => cmd::build::run(a, color),
        Command::Check(a) => cmd::check::run(a, color),
        Command::Aggregate(a) => cmd::aggregate::run(a, color),
        Command::Init(a) => cmd::init::run(a),
        Command::New(a) => cmd::new::run(a),
        Command::Serve(a) => cmd::serve::run(a, color),
        Command::Convert(a) => cmd::convert::run(a, color),
        Command::Import(a) => cmd::import::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", cmd::paint_error(&e.to_string(), color));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pbgdpl::i18n::{Lang, set_language};

    /// Every (sub)command and option with its text, in the language set.
    fn texts() -> Vec<(String, String)> {
        let mut command = command();
        command.build();
        let mut out = Vec::new();
        let mut stack = vec![(String::new(), &command)];
        while let Some((path, c)) = stack.pop() {
            let path = format!("{path} {}", c.get_name());
            out.push((
                path.clone(),
                c.get_about().map(|a| a.to_string()).unwrap_or_default(),
            ));
            for a in c.get_arguments().filter(|a| !a.is_hide_set()) {
                out.push((
                    format!("{path} {}", a.get_id()),
                    a.get_help().map(|h| h.to_string()).unwrap_or_default(),
                ));
            }
            stack.extend(c.get_subcommands().map(|s| (path.clone(), s)));
        }
        out.sort();
        out
    }

    #[test]
    fn every_command_and_option_is_explained_in_both_languages() {
        set_language(Lang::Vi);
        let vi = texts();
        set_language(Lang::En);
        let en = texts();
        set_language(Lang::Vi);
        assert_eq!(vi.len(), en.len());
        let mut missing = Vec::new();
        for ((what, vi), (_, en)) in vi.iter().zip(&en) {
            if vi.is_empty() || vi == en {
                missing.push(what.clone());
            }
        }
        assert!(
            missing.is_empty(),
            "no Vietnamese text (add it to cmd/help.rs and src/i18n/*/cli.ftl): {missing:?}"
        );
    }
}
