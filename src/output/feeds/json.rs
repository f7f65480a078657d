//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>) with the `_pbgdpl`
//! extension at feed and item level (schema: `schemas/jsonfeed-pbgdpl.v1.json`).

use crate::render::Common;

use super::{FeedDoc, head};

/// The JSON Feed of one document.
pub fn write(p: &Common<'_>, doc: &FeedDoc<'_, '_>) -> std::io::Result<Vec<u8>> {
    let permalink = |path: &str| p.permalink(path);
    head::json(&doc.head(p, &permalink), &doc.items)
}
