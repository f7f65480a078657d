//! Publishes the JSON Schemas of `sync.json` and of the feeds' `_pbgdpl`
//! extension (kept in the repository's `schemas/`) under `schemas/`, so a
//! consumer can validate what it fetched against the schema of the same
//! release.

use crate::error::Error;
use crate::sync::{FEED_SCHEMA, STATISTICS_SCHEMA, SYNC_SCHEMA};

use crate::render::Prepared;

use super::{Job, RenderContext, Renderer};

/// The schemas: (file name, text).
pub const SCHEMAS: [(&str, &str); 3] = [
    (SYNC_SCHEMA, include_str!("../../schemas/sync.v1.json")),
    (
        FEED_SCHEMA,
        include_str!("../../schemas/jsonfeed-pbgdpl.v1.json"),
    ),
    (
        STATISTICS_SCHEMA,
        include_str!("../../schemas/statistics.v1.json"),
    ),
];

/// Writes `schemas/*.json`.
pub struct Schemas;

impl Renderer for Schemas {
    /// The schema's text.
    type View<'p> = &'static str;

    fn name(&self) -> &'static str {
        "schemas"
    }

    fn jobs<'p>(&'p self, _: &'p Prepared<'p>) -> Result<Vec<Job<&'static str>>, Error> {
        Ok(SCHEMAS
            .iter()
            .map(|(name, text)| Job::file(format!("schemas/{name}"), *text))
            .collect())
    }

    fn render(
        &self,
        _: &RenderContext<'_>,
        text: &&'static str,
        _: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        Ok(vec![text.as_bytes().to_vec()])
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
