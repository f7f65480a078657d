//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>) with the `_pbgdpl`
//! extension at feed and item level (schema: `schemas/jsonfeed-pbgdpl.v1.json`).

use super::doc::{FeedDoc, JsonItem};
use super::head;

/// The JSON Feed of one document.
pub fn write(doc: &FeedDoc<'_>) -> std::io::Result<Vec<u8>> {
    let items: Vec<JsonItem<'_>> = doc.items.iter().map(|i| i.json).collect();
    head::json(&doc.head, items)
}
