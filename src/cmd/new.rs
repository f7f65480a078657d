//! `pbgdpl new`.

use std::path::PathBuf;
use std::process::ExitCode;

use pbgdpl::msg;

/// Flags of `pbgdpl new`.
#[derive(clap::Args)]
pub struct Args {
    /// Category directory (van-ban-moi, hoi-dap, hoat-dong, …).
    category: String,
    /// Title of the entry; the file name is made from it.
    title: String,
    /// Create the entry as a directory (<name>/index.md), to put its
    /// attachments and media (PDF, video, captions…) beside index.md.
    #[arg(long)]
    bundle: bool,
    /// The site's directory.
    #[arg(long, short, default_value = ".", value_name = "DIR")]
    root: PathBuf,
}

/// Creates the entry.
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let today = pbgdpl::site::today_in_vietnam();
    let path = pbgdpl::init::new_entry(&a.root, &a.category, &a.title, today, a.bundle)?;
    println!("{}", path.display());
    if a.bundle {
        eprintln!("{}", msg!("new-bundle"));
    }
    eprintln!("{}", msg!("new-created"));
    Ok(ExitCode::SUCCESS)
}
