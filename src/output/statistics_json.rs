//! `statistics.json`: the statistics of the section (Decision 471/QĐ-TTg,
//! clause 2.7) for machines — the figures computed from the published
//! content and every data table of `content/thong-ke/` — so that the
//! provincial hub collects them. `sync.json` lists it with the SHA-256 of
//! its bytes (`statistics`); the schema is `schemas/statistics.v1.json`.
//! The tables keep their HTML pages and CSV files
//! ([`super::statistics`]).

use serde_json::{Value, json};

use crate::content::model::DataTable;
use crate::error::Error;
use crate::render::{Common, Prepared};
use crate::sync::{STATISTICS_PATH, STATISTICS_SCHEMA, STATISTICS_VERSION, canonical};

use super::statistics::{StatRow, Statistics};
use super::{Job, RenderContext, Renderer};

/// What `statistics.json` is made from.
#[derive(Debug, Hash)]
pub struct StatisticsDoc<'p> {
    /// The statistics computed from the published entries.
    pub stats: Statistics,
    /// The data tables of `content/thong-ke/`.
    pub tables: &'p [DataTable],
}

impl<'p> StatisticsDoc<'p> {
    /// The statistics of the prepared site.
    pub fn of(p: &'p Prepared<'p>) -> Self {
        Self {
            stats: Statistics::compute(p),
            tables: p.tables,
        }
    }

    /// The document's bytes (pretty JSON, a final line break).
    pub fn bytes(&self, p: &Common<'_>) -> Result<Vec<u8>, Error> {
        let mut bytes = serde_json::to_vec_pretty(&self.value(p))
            .map_err(|e| Error::io(STATISTICS_PATH)(std::io::Error::other(e)))?;
        bytes.push(b'\n');
        Ok(bytes)
    }

    /// The SHA-256 (lowercase hex) of [`StatisticsDoc::bytes`].
    pub fn sha256(&self, p: &Common<'_>) -> Result<String, Error> {
        Ok(canonical::sha256_hex(&self.bytes(p)?))
    }

    fn value(&self, p: &Common<'_>) -> Value {
        let c = p.config;
        let s = &self.stats;
        // An unknown figure (no entry gave the number) is `null`, never 0;
        // a sum some entries did not contribute to lists them apart.
        let figures: serde_json::Map<String, Value> = s
            .figures
            .iter()
            .map(|f| (f.key.to_string(), json!(f.raw)))
            .collect();
        let not_given: serde_json::Map<String, Value> = s
            .figures
            .iter()
            .filter(|f| f.not_given > 0)
            .map(|f| (f.key.to_string(), json!(f.not_given)))
            .collect();
        let row = |r: &StatRow| json!({ "label": r.label, "values": r.raw });
        let computed: Vec<Value> = s
            .tables
            .iter()
            .map(|t| {
                json!({
                    "slug": t.slug,
                    "title": t.title,
                    "columns": t.columns,
                    "rows": t.rows.iter().map(row).collect::<Vec<_>>(),
                    "total": row(&t.total),
                    "csv_url": p.permalink(&crate::routes::summary_csv(t.slug)),
                })
            })
            .collect();
        let data_tables: Vec<Value> = self
            .tables
            .iter()
            .map(|t| {
                let mut v = json!({
                    "slug": t.slug,
                    "title": t.title,
                    "columns": t.columns,
                    "rows": t.rows,
                    "url": p.permalink(&crate::routes::table_page(&t.slug)),
                    "csv_url": p.permalink(&crate::routes::table_csv(&t.slug)),
                });
                if let (Some(d), Value::Object(m)) = (&t.description, &mut v) {
                    m.insert("description".into(), Value::String(d.clone()));
                }
                v
            })
            .collect();
        json!({
            "$schema": p.permalink(&format!("schemas/{STATISTICS_SCHEMA}")),
            "schema_version": STATISTICS_VERSION,
            "generator": format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
            "base_url": c.base_url,
            "agency": { "name": c.agency.name, "url": c.agency.url },
            "language": c.language.code(),
            "entries_counted": s.entries_counted,
            "newest": s.newest.map(|d| d.rfc3339()),
            "figures": figures,
            "figures_not_given": not_given,
            "computed": computed,
            "data_tables": data_tables,
        })
    }
}

/// Writes `statistics.json`.
pub struct StatisticsJson;

impl Renderer for StatisticsJson {
    type View<'p> = StatisticsDoc<'p>;

    fn name(&self) -> &'static str {
        "statistics-json"
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<StatisticsDoc<'p>>>, Error> {
        Ok(vec![Job::file(STATISTICS_PATH, StatisticsDoc::of(p))])
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        doc: &StatisticsDoc<'_>,
        _: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        Ok(vec![doc.bytes(cx.common)?])
    }
}
