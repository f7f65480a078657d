//! The hub's `sources.toml`: any text as the list of agencies, then its
//! diagnostics rendered as `aggregate` prints them.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use pbgdpl::aggregate::sources::HubConfig;
use pbgdpl::diagnostics::Diagnostics;
use pbgdpl::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::from_text("sources.toml", "sources.toml".into(), text);
    let mut diags = Diagnostics::new();
    let _ = HubConfig::parse(&source, Path::new("/nonexistent/hub"), &mut diags);
    let _ = diags.render(false);
    let _ = diags.render_github();
});
