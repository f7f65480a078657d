//! Front matter and entry parsing: any text as an entry of any category (a
//! plain file or a bundle with files), a category introduction or a data
//! table, then its diagnostics rendered as `check` prints them.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pbgdpl::category::CATEGORIES;
use pbgdpl::content::entry::{BundleFile, parse_entry, parse_intro};
use pbgdpl::content::load::parse_table;
use pbgdpl::diagnostics::Diagnostics;
use pbgdpl::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    // The first byte chooses what the rest is.
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let category = &CATEGORIES[usize::from(pick) % CATEGORIES.len()];
    let mut diags = Diagnostics::new();
    let source = SourceFile::from_text("content/a/b.md", "b.md".into(), text);
    match pick / 16 % 4 {
        0 => {
            parse_entry(source, category, "b".into(), None, &mut diags);
        }
        1 => {
            let files = ["toan-van.pdf", "anh.jpg", "video.mp4", "phu-de.vtt"]
                .map(|name| BundleFile {
                    name: name.into(),
                    size: 1234,
                    modified: 0,
                })
                .to_vec();
            let bundle = Some(("content/a/b".to_string(), files));
            parse_entry(source, category, "b".into(), bundle, &mut diags);
        }
        2 => {
            parse_intro(source, &mut diags);
        }
        _ => {
            parse_table(&source, "b".into(), &mut diags);
        }
    }
    let _ = diags.render(false);
    let _ = diags.render_github();
});
