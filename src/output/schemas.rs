//! Publishes the JSON Schemas of `sync.json` and of the feeds' `_pbgdpl`
//! extension (kept in the repository's `schemas/`) under `schemas/`, so a
//! consumer can validate what it fetched against the schema of the same
//! release.

use crate::error::Error;
use crate::sync::{FEED_SCHEMA, SYNC_SCHEMA};

use super::{RenderContext, Renderer, Sink};

/// The schemas: (file name, text).
pub const SCHEMAS: [(&str, &str); 2] = [
    (SYNC_SCHEMA, include_str!("../../schemas/sync.v1.json")),
    (
        FEED_SCHEMA,
        include_str!("../../schemas/jsonfeed-pbgdpl.v1.json"),
    ),
];

/// Writes `schemas/*.json`.
pub struct Schemas;

impl Renderer for Schemas {
    fn name(&self) -> &'static str {
        "schemas"
    }

    fn render(&self, _cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error> {
        for (name, text) in SCHEMAS {
            out.write(&format!("schemas/{name}"), text.as_bytes())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn schemas_are_json() {
        for (name, text) in super::SCHEMAS {
            let v: serde_json::Value =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(v.get("$schema").is_some(), "{name}");
        }
    }
}
