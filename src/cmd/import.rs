//! `pbgdpl import` (`nhap`).

use std::path::PathBuf;
use std::process::ExitCode;

use pbgdpl::import::{ImportOptions, import_file};

/// Flags of `pbgdpl import`.
#[derive(clap::Args)]
pub struct Args {
    /// The Word file (.docx) of the document, or a .txt/.md file of its text.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The category to put the entry in (van-ban-moi, ke-hoach, thong-bao,
    /// huong-dan-chi-dao, thong-ke); chosen by the document type when absent.
    #[arg(long, value_name = "CATEGORY")]
    category: Option<String>,
    /// The entry's directory name (made from the title when absent).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// The site's directory.
    #[arg(long, short, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// The entry's date (YYYY-MM-DD; today in Vietnam when absent).
    #[arg(long, env = "PBGDPL_TODAY", value_name = "DATE", value_parser = parse_day)]
    today: Option<chrono::NaiveDate>,
}

/// A date, or the date of a date-time (`2026-06-05T08:00:00+07:00`).
fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    s.get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .ok_or_else(|| pbgdpl::msg!("import-bad-today", value = s).into_string())
}

/// Imports the file and prints what was found.
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let options = ImportOptions {
        category: a.category,
        name: a.name,
        today: a.today.unwrap_or_else(pbgdpl::site::today_in_vietnam),
    };
    let report = import_file(&a.root, &a.file, &options)?;
    let shown = report
        .index
        .strip_prefix(".")
        .unwrap_or(&report.index)
        .to_path_buf();
    print!("{}", report.summary(&shown));
    Ok(ExitCode::SUCCESS)
}
