//! The hub's search index (`search-index.json`), in the format of a
//! section's, so the theme's search page works unchanged: every dated entry
//! of every agency, folded for diacritic-insensitive matching.

use serde::Serialize;

use crate::error::Error;
use crate::output::Sink;
use crate::output::search::INDEX_PATH;
use crate::text::fold;

use super::views::Views;

/// One searchable entry (same short keys as a section's index).
#[derive(Debug, Serialize)]
struct Doc<'a> {
    t: &'a str,
    u: &'a str,
    c: String,
    d: Option<String>,
    s: &'a str,
    k: String,
}

/// Writes `search-index.json`.
pub(super) fn write(v: &Views<'_, '_>, out: &dyn Sink) -> Result<(), Error> {
    let hub = v.hub;
    let docs: Vec<Doc<'_>> = hub
        .items
        .iter()
        .map(|i| {
            let agency = &hub.input.agencies[i.agency].source.name;
            let mut text = format!("{} {} {agency}", i.title, i.summary);
            if let Some(n) = i.number() {
                text.push(' ');
                text.push_str(n);
            }
            Doc {
                t: i.title,
                u: i.url,
                c: format!("{agency} · {}", i.category.label(v.lang)),
                d: Some(i.published.dmy()),
                s: i.summary,
                k: fold(&text),
            }
        })
        .collect();
    let json = serde_json::to_vec(&docs).map_err(|source| Error::Json {
        what: INDEX_PATH.to_string(),
        source,
    })?;
    out.write(INDEX_PATH, &json)
}
