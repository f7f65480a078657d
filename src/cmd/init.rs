//! `pbgdpl init`.

use std::path::PathBuf;
use std::process::ExitCode;

use pbgdpl::init::{InitOptions, init};
use pbgdpl::msg;

/// Flags of `pbgdpl init`.
#[derive(clap::Args)]
pub struct Args {
    /// Directory to create the section in (created if missing; must not hold a site).
    dir: PathBuf,
    /// The agency's full name.
    #[arg(long, default_value = pbgdpl::init::DEFAULT_AGENCY)]
    agency: String,
    /// The agency's portal.
    #[arg(long, default_value = pbgdpl::init::DEFAULT_AGENCY_URL)]
    agency_url: String,
    /// Name of the provincial PBGDPL site the banner links to.
    #[arg(long, default_value = pbgdpl::init::DEFAULT_PROVINCE_NAME)]
    province_name: String,
    /// Address of the provincial PBGDPL site.
    #[arg(long, default_value = pbgdpl::init::DEFAULT_PROVINCE_URL)]
    province_url: String,
    /// Where the section will be published.
    #[arg(long, default_value = pbgdpl::init::DEFAULT_BASE_URL)]
    base_url: String,
}

/// Creates the section.
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let options = InitOptions {
        agency: a.agency,
        agency_url: a.agency_url,
        province_name: a.province_name,
        province_url: a.province_url,
        base_url: a.base_url,
        today: pbgdpl::site::today_in_vietnam(),
    };
    let created = init(&a.dir, &options)?;
    eprintln!(
        "{}",
        msg!("init-created", files = created.len(), dir = &a.dir)
    );
    Ok(ExitCode::SUCCESS)
}
