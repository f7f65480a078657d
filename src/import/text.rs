//! Reading a `.txt` or `.md` file holding a document's text: one paragraph
//! per line, in any encoding [`crate::encoding`] recognises.

use super::error::ImportError;
use super::model::{Block, Document, Paragraph};
use crate::encoding::{self, Detected};

/// Reads text bytes. `markdown` keeps the lines' Markdown as it is; plain
/// text is escaped when written out.
pub fn read_text(bytes: &[u8], markdown: bool) -> Result<Document, ImportError> {
    let detected = encoding::detect(bytes);
    let text = encoding::decode(bytes, detected).ok_or(ImportError::UnknownEncoding)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut doc = Document {
        markdown,
        from_text: true,
        ..Document::default()
    };
    if let Detected::Legacy(l) = detected {
        doc.converted.push((l, 1));
    }
    for line in text.lines() {
        let trimmed = line.trim_end();
        if trimmed.trim().is_empty() {
            continue;
        }
        doc.blocks.push(Block::Paragraph(Paragraph::plain(trimmed)));
    }
    Ok(doc)
}
