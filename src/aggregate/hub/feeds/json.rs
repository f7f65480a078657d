//! JSON Feed 1.1 of the hub: the hub's `_pbgdpl` at feed level, the
//! agencies' items as they published them.

use std::io;

use serde_json::Value;

use crate::output::feeds::head;

use super::super::Hub;
use super::Doc;

/// The JSON Feed of one document.
pub(super) fn write(hub: &Hub<'_>, doc: &Doc<'_, '_>) -> io::Result<Vec<u8>> {
    let permalink = |path: &str| hub.permalink(path);
    let items: Vec<&Value> = doc.items.iter().map(|i| i.value).collect();
    head::json(&doc.head(hub, &permalink), items)
}
