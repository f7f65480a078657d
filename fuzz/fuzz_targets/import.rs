//! The Word importer: any bytes as a `.docx`, `.txt` or `.md` file read by
//! `pbgdpl import`, its NĐ 30 header recognised, its body written as
//! Markdown and that Markdown rendered as a page would be.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pbgdpl::import::{self, markdown};
use pbgdpl::render::markdown as render;

fuzz_target!(|data: &[u8]| {
    // The first byte chooses the file's extension.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let extension = ["docx", "txt", "md"][usize::from(pick) % 3];
    match import::read_document(bytes, extension) {
        Ok(doc) => {
            let header = import::recognise(&doc);
            let body = doc.blocks.get(header.body.clone()).unwrap_or(&[]);
            let text = markdown::write(&doc, body);
            let _ = render::render(&text, "/");
        }
        Err(e) => {
            let _ = e.message();
            let _ = e.to_string();
        }
    }
});
