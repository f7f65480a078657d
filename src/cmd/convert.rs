//! `pbgdpl convert` (`chuyen-ma`).

use std::path::PathBuf;
use std::process::ExitCode;

use pbgdpl::encoding::{self, ConvertOutcome, Detected, Legacy};
use pbgdpl::msg;

/// Flags of `pbgdpl convert`.
#[derive(clap::Args)]
pub struct Args {
    /// The files to convert.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The encoding they are in: tcvn3 (ABC, .VnTime), vni, cp1258, or auto
    /// to recognise it.
    #[arg(long, default_value = "auto", value_name = "ENCODING", value_parser = parse_from)]
    from: From,
}

#[derive(Clone, Copy)]
enum From {
    Auto,
    Legacy(Legacy),
}

fn parse_from(s: &str) -> Result<From, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(From::Auto);
    }
    Legacy::parse(s)
        .map(From::Legacy)
        .ok_or_else(|| msg!("convert-unknown-from", value = s).into_string())
}

/// Converts every file; a file that fails does not stop the others.
pub fn run(a: Args, color: bool) -> anyhow::Result<ExitCode> {
    let from = match a.from {
        From::Auto => None,
        From::Legacy(l) => Some(l),
    };
    let mut failed = 0;
    for file in &a.files {
        match encoding::convert_file(file, from) {
            Ok(ConvertOutcome::Converted {
                from,
                garbled,
                backup,
            }) => {
                let line = match (garbled, from) {
                    (true, Detected::Legacy(l)) => msg!(
                        "convert-repaired",
                        file = file,
                        encoding = l.name(),
                        backup = &backup
                    ),
                    _ => msg!(
                        "convert-converted",
                        file = file,
                        encoding = from.name(),
                        backup = &backup
                    ),
                };
                println!("{line}");
            }
            Ok(ConvertOutcome::Unchanged) => {
                println!("{}", msg!("convert-unchanged", file = file));
            }
            Err(e) => {
                failed += 1;
                eprintln!("{}", super::paint_error(&e.to_string(), color));
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
