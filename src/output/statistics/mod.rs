//! Statistics (471/QĐ-TTg, 2.7): figures computed from the published content
//! at build time, and the data tables kept in `content/thong-ke/*.toml`.
//!
//! - The `thong-ke` category page shows [`Statistics`] above its list of
//!   reports: activities per quarter and per form, participants, documents
//!   introduced per year and per type, questions answered per field — each
//!   as an SVG bar chart with its data table beside it, and each table also
//!   published as CSV under `/thong-ke/tong-hop/<slug>.csv`.
//! - Every data table gets its own page `/thong-ke/<slug>/` and a CSV
//!   `/thong-ke/<slug>.csv`.
//!
//! Only published entries are counted, in every build (a `--drafts`
//! preview shows the same figures as the public site). CSV files are
//! RFC 4180 (comma, CRLF, quotes where needed), UTF-8 with a byte-order mark
//! so that Excel opens Vietnamese text correctly.
//!
//! | file | job |
//! |---|---|
//! | [`compute`] | the figures and tables, from the published entries |
//! | [`chart`] | a table's bar chart as inline SVG |
//! | [`csv`](mod@csv) | the CSV files |
//! | [`page`] | a data table's page |
//! | this module | the [`Renderer`] that declares and makes the files |

pub mod chart;
pub mod compute;
pub mod csv;
pub mod page;

use crate::content::model::DataTable;
use crate::error::Error;
use crate::render::Prepared;
use crate::routes;

use super::{Job, RenderContext, Renderer};

pub use crate::routes::{STATISTICS_CATEGORY as CATEGORY, SUMMARY_DIR};
pub use compute::{DataTableLink, Figure, StatRow, StatTable, Statistics};

/// Writes the data table pages and every CSV file of the statistics.
pub struct StatisticsFiles;

/// One file of the statistics.
#[derive(Debug, Hash)]
pub enum StatisticsView<'p> {
    /// The CSV of a computed table.
    SummaryCsv(StatTable),
    /// The CSV of a data table.
    TableCsv(&'p DataTable),
    /// The page of a data table.
    TablePage(&'p DataTable),
}

impl Renderer for StatisticsFiles {
    type View<'p> = StatisticsView<'p>;

    fn name(&self) -> &'static str {
        "statistics"
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<StatisticsView<'p>>>, Error> {
        let stats = Statistics::compute(p);
        let mut jobs: Vec<_> = stats
            .tables
            .into_iter()
            .map(|table| {
                Job::file(
                    routes::summary_csv(table.slug),
                    StatisticsView::SummaryCsv(table),
                )
            })
            .collect();
        if crate::category::by_key(CATEGORY).is_some() {
            for table in p.tables {
                jobs.push(Job::file(
                    routes::table_csv(&table.slug),
                    StatisticsView::TableCsv(table),
                ));
                jobs.push(Job::page(
                    &routes::table_page(&table.slug),
                    StatisticsView::TablePage(table),
                ));
            }
        }
        Ok(jobs)
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        view: &StatisticsView<'_>,
        _: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        let bytes = match view {
            StatisticsView::SummaryCsv(table) => csv::summary(table)?,
            StatisticsView::TableCsv(table) => csv::data_table(table)?,
            StatisticsView::TablePage(table) => page::table_page(cx, table)?,
        };
        Ok(vec![bytes])
    }
}
