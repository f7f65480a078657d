//! `site.toml`: any text as a section's configuration, then its
//! diagnostics rendered as `check` prints them.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pbgdpl::config::Config;
use pbgdpl::diagnostics::Diagnostics;
use pbgdpl::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::from_text("site.toml", "site.toml".into(), text);
    let mut diags = Diagnostics::new();
    if let Some(mut config) = Config::parse(&source, &mut diags) {
        let _ = config.base_path();
        let _ = config.set_base_url("https://stp.example.gov.vn/pbgdpl/");
    }
    let _ = diags.render(false);
    let _ = diags.render_github();
});
