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

use std::collections::BTreeMap;

use serde::Serialize;

use crate::category::Kind;
use crate::content::kinds::{ACTIVITY_FORMS, DOCUMENT_TYPES};
use crate::content::model::DataTable;
use crate::date::Timestamp;
use crate::error::Error;
use crate::i18n::Lang;
use crate::render::{Common, Prepared};
use crate::routes;
use crate::text::{fold, group_digits};

use super::chart::{Bar, bar_chart};
use super::{Job, RenderContext, Renderer};

pub use crate::routes::{STATISTICS_CATEGORY as CATEGORY, SUMMARY_DIR};

/// `statistics` in templates: what the `thong-ke` page shows.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct Statistics {
    /// How many published entries the figures come from.
    pub entries_counted: usize,
    /// The newest of them (`dmy`, `machine`…), if any.
    pub newest: Option<Timestamp>,
    /// Key figures.
    pub figures: Vec<Figure>,
    /// The computed tables, each with its chart; empty tables are left out.
    pub tables: Vec<StatTable>,
    /// The data tables of `content/thong-ke/`.
    pub data_tables: Vec<DataTableLink>,
}

/// One key figure (`Hoạt động: 7`).
#[derive(Debug, Clone, Hash, Serialize)]
pub struct Figure {
    /// What is counted.
    pub label: String,
    /// The count, digits grouped.
    pub value: String,
}

/// A computed table: rows of a label and counts, a total, a chart.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct StatTable {
    /// Stable name (`hoat-dong-theo-quy`), used for ids and the CSV file.
    pub slug: &'static str,
    /// Heading.
    pub title: String,
    /// Column headers; the first is the rows' label.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<StatRow>,
    /// The total row.
    pub total: StatRow,
    /// The chart (inline SVG) of the first count column.
    pub chart: String,
    /// Address of the CSV file.
    pub csv_url: String,
}

/// One row of a computed table.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct StatRow {
    /// Row label (`Quý I/2026`, `Hội nghị`).
    pub label: String,
    /// Counts, digits grouped for reading.
    pub values: Vec<String>,
    /// Counts as numbers (for the CSV).
    #[serde(skip)]
    pub raw: Vec<u64>,
}

/// A data table as listed on the `thong-ke` page.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct DataTableLink {
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Its page.
    pub url: String,
    /// Its CSV file.
    pub csv_url: String,
    /// Number of rows.
    pub rows: usize,
}

fn t(p: &Common<'_>, key: &str) -> String {
    p.t(key)
}

fn roman(q: u32) -> &'static str {
    ["I", "II", "III", "IV"]
        .get(q.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

/// Counts keyed by something sortable, with the label to show.
#[derive(Default)]
struct Tally<K: Ord> {
    rows: BTreeMap<K, (String, Vec<u64>)>,
}

impl<K: Ord> Tally<K> {
    fn add(&mut self, key: K, label: impl FnOnce() -> String, values: &[u64]) {
        let row = self
            .rows
            .entry(key)
            .or_insert_with(|| (label(), vec![0; values.len()]));
        for (slot, v) in row.1.iter_mut().zip(values) {
            *slot += v;
        }
    }
}

/// Rows of a table before formatting: label and counts.
type Rows = Vec<(String, Vec<u64>)>;
/// A computed table before formatting: slug, i18n key of its title,
/// columns, rows.
type Candidate<'k> = (&'static str, &'k str, Vec<String>, Rows);

/// A value of a closed list (activity forms, document types) as a row of a
/// count: its place in the list (values outside it last) and a maker of
/// its label.
fn closed_list<'a>(
    list: &'a [&'a str],
    value: Option<&str>,
    unclassified: &'a str,
) -> (usize, impl FnOnce() -> String + 'a) {
    let at = value
        .and_then(|v| list.iter().position(|x| *x == v))
        .unwrap_or(list.len());
    (at, move || {
        list.get(at)
            .map_or_else(|| unclassified.to_string(), |x| x.to_string())
    })
}

/// Sort key of a free-text field: unclassified last, then by name ignoring
/// case and diacritics (so "Đất đai" and "đất đai" are one row).
type FieldKey = (bool, String);

impl Statistics {
    /// Computes the statistics of the published content.
    pub fn compute(p: &Prepared<'_>) -> Self {
        let lang = p.config.language;
        let unclassified = t(p, "unclassified");
        let mut by_quarter: Tally<(i32, u32)> = Tally::default();
        let mut by_form: Tally<usize> = Tally::default();
        let mut docs_by_year: Tally<i32> = Tally::default();
        let mut docs_by_type: Tally<usize> = Tally::default();
        let mut questions_by_field: Tally<FieldKey> = Tally::default();
        let (mut activities, mut participants, mut documents, mut questions) = (0, 0, 0, 0);
        let (mut dialogues, mut dialogue_participants) = (0, 0);
        let mut counted = 0;
        let mut newest: Option<Timestamp> = None;

        for page in p.published() {
            let e = page.entry;
            let mut count_it = || {
                counted += 1;
                newest = newest.max(e.date);
            };
            match e.category.kind {
                Kind::Activity => {
                    let Some(a) = &e.meta.activity else { continue };
                    count_it();
                    let people = a.participants.unwrap_or(0);
                    activities += 1;
                    participants += people;
                    if let Some(d) = a.held_on.or(e.date) {
                        by_quarter.add((d.year(), d.quarter()), String::new, &[1, people]);
                    }
                    let (form, label) = closed_list(ACTIVITY_FORMS, a.form, &unclassified);
                    by_form.add(form, label, &[1, people]);
                }
                Kind::Document => {
                    let Some(d) = &e.meta.document else { continue };
                    count_it();
                    documents += 1;
                    if let Some(date) = e.date {
                        docs_by_year.add(date.year(), || date.year().to_string(), &[1]);
                    }
                    let (ty, label) = closed_list(DOCUMENT_TYPES, d.document_type, &unclassified);
                    docs_by_type.add(ty, label, &[1]);
                }
                Kind::Question => {
                    let Some(q) = &e.meta.question else { continue };
                    count_it();
                    questions += 1;
                    let key = match &q.field {
                        Some(f) => (false, fold(f)),
                        None => (true, String::new()),
                    };
                    questions_by_field.add(
                        key,
                        || q.field.clone().unwrap_or_else(|| unclassified.clone()),
                        &[1],
                    );
                }
                Kind::Dialogue => {
                    let Some(g) = &e.meta.dialogue else { continue };
                    count_it();
                    dialogues += 1;
                    dialogue_participants += g.participants.unwrap_or(0);
                }
                _ => {}
            }
        }

        // Quarters and years run without gaps, so a quiet quarter shows as 0.
        fill_gaps_quarters(&mut by_quarter);
        fill_gaps_years(&mut docs_by_year);
        for ((year, q), row) in by_quarter.rows.iter_mut() {
            row.0 = match lang {
                Lang::Vi => format!("{} {}/{year}", t(p, "quarter"), roman(*q)),
                Lang::En => format!("Q{q} {year}"),
            };
        }

        let figure = |key: &str, n: u64| Figure {
            label: t(p, key),
            value: group_digits(n, lang),
        };
        let figures = vec![
            figure("stats_activities", activities),
            figure("stats_participants", participants),
            figure("stats_documents", documents),
            figure("stats_questions", questions),
            figure("stats_dialogues", dialogues),
            figure("stats_dialogue_participants", dialogue_participants),
        ];

        let activity_cols = |first: &str| {
            vec![
                t(p, first),
                t(p, "stats_activities"),
                t(p, "stats_participants"),
            ]
        };
        // Types and forms keep the order of their closed lists; fields are
        // sorted by how many questions they have, most first.
        let mut field_rows: Rows = questions_by_field.rows.into_values().collect();
        field_rows.sort_by(|a, b| b.1.cmp(&a.1));
        let candidates: [Candidate<'_>; 5] = [
            (
                "hoat-dong-theo-quy",
                "stats_activities_by_quarter",
                activity_cols("quarter"),
                by_quarter.rows.into_values().collect(),
            ),
            (
                "hoat-dong-theo-hinh-thuc",
                "stats_activities_by_form",
                activity_cols("form"),
                by_form.rows.into_values().collect(),
            ),
            (
                "van-ban-theo-nam",
                "stats_documents_by_year",
                vec![t(p, "stats_year_introduced"), t(p, "stats_documents")],
                docs_by_year.rows.into_values().collect(),
            ),
            (
                "van-ban-theo-loai",
                "stats_documents_by_type",
                vec![t(p, "doc_type"), t(p, "stats_documents")],
                docs_by_type.rows.into_values().collect(),
            ),
            (
                "hoi-dap-theo-linh-vuc",
                "stats_questions_by_field",
                vec![t(p, "field"), t(p, "stats_questions")],
                field_rows,
            ),
        ];
        let tables = candidates
            .into_iter()
            .filter(|c| !c.3.is_empty())
            .map(|(slug, title, columns, rows)| stat_table(p, slug, &t(p, title), columns, rows))
            .collect();

        let data_tables = p
            .tables
            .iter()
            .map(|d| DataTableLink {
                title: d.title.clone(),
                description: d.description.clone(),
                url: p.url(&table_page_path(d)),
                csv_url: p.url(&table_csv_path(d)),
                rows: d.rows.len(),
            })
            .collect();

        Statistics {
            entries_counted: counted,
            newest,
            figures,
            tables,
            data_tables,
        }
    }
}

fn fill_gaps_quarters(tally: &mut Tally<(i32, u32)>) {
    let (Some(first), Some(last)) = (
        tally.rows.keys().next().copied(),
        tally.rows.keys().next_back().copied(),
    ) else {
        return;
    };
    let width = tally.rows.values().next().map_or(0, |r| r.1.len());
    let mut k = first;
    while k < last {
        k = if k.1 == 4 {
            (k.0 + 1, 1)
        } else {
            (k.0, k.1 + 1)
        };
        tally
            .rows
            .entry(k)
            .or_insert_with(|| (String::new(), vec![0; width]));
    }
}

fn fill_gaps_years(tally: &mut Tally<i32>) {
    let (Some(first), Some(last)) = (
        tally.rows.keys().next().copied(),
        tally.rows.keys().next_back().copied(),
    ) else {
        return;
    };
    let width = tally.rows.values().next().map_or(0, |r| r.1.len());
    for y in first..last {
        tally
            .rows
            .entry(y)
            .or_insert_with(|| (y.to_string(), vec![0; width]));
    }
}

fn stat_table(
    p: &Common<'_>,
    slug: &'static str,
    title: &str,
    columns: Vec<String>,
    rows: Vec<(String, Vec<u64>)>,
) -> StatTable {
    let lang = p.config.language;
    let row = |label: String, raw: Vec<u64>| StatRow {
        label,
        values: raw.iter().map(|n| group_digits(*n, lang)).collect(),
        raw,
    };
    let width = columns.len().saturating_sub(1);
    let mut sums = vec![0u64; width];
    for (_, values) in &rows {
        for (s, v) in sums.iter_mut().zip(values) {
            *s += v;
        }
    }
    let bars: Vec<Bar> = rows
        .iter()
        .map(|(label, values)| {
            let value = values.first().copied().unwrap_or(0);
            Bar {
                label: label.clone(),
                value,
                value_label: group_digits(value, lang),
            }
        })
        .collect();
    StatTable {
        slug,
        title: title.to_string(),
        chart: bar_chart(&format!("bieu-do-{slug}"), title, &bars),
        csv_url: p.url(&summary_csv_path(slug)),
        columns,
        rows: rows.into_iter().map(|(l, v)| row(l, v)).collect(),
        total: row(t(p, "total"), sums),
    }
}

/// Site-relative path of the CSV of a computed table.
pub fn summary_csv_path(slug: &str) -> String {
    routes::summary_csv(slug)
}

/// Site-relative path of a data table's page (`thong-ke/bao-cao-vien/`).
pub fn table_page_path(t: &DataTable) -> String {
    routes::table_page(&t.slug)
}

/// Site-relative path of a data table's CSV (`thong-ke/bao-cao-vien.csv`).
pub fn table_csv_path(t: &DataTable) -> String {
    routes::table_csv(&t.slug)
}

/// CSV bytes: UTF-8 with a byte-order mark, RFC 4180 records (CRLF).
pub fn csv_bytes(records: impl IntoIterator<Item = Vec<String>>) -> Result<Vec<u8>, Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(&mut out);
        for r in records {
            w.write_record(&r).map_err(csv_error)?;
        }
        w.flush().map_err(|e| Error::Io {
            path: "(csv)".into(),
            source: e,
        })?;
    }
    Ok(out)
}

fn csv_error(e: csv::Error) -> Error {
    Error::Io {
        path: "(csv)".into(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// `table` in the data-table template.
#[derive(Debug, Serialize)]
struct TableView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    columns: &'a [String],
    /// Index of the column whose cells head their rows (`th scope="row"`):
    /// the first, or the second when the first is only a running number (TT).
    row_header: usize,
    rows: Vec<Vec<Cell<'a>>>,
    csv_url: String,
    url: String,
}

#[derive(Debug, Serialize)]
struct Cell<'a> {
    text: &'a str,
    numeric: bool,
}

fn is_numeric(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-' | ' '))
}

fn row_header(table: &DataTable) -> usize {
    let first_is_counter = table
        .columns
        .first()
        .is_some_and(|c| matches!(fold(c).as_str(), "tt" | "stt" | "so tt" | "no." | "no"));
    usize::from(first_is_counter && table.columns.len() > 1)
}

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
                    summary_csv_path(table.slug),
                    StatisticsView::SummaryCsv(table),
                )
            })
            .collect();
        if crate::category::by_key(CATEGORY).is_some() {
            for table in p.tables {
                jobs.push(Job::file(
                    table_csv_path(table),
                    StatisticsView::TableCsv(table),
                ));
                jobs.push(Job::page(
                    &table_page_path(table),
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
            StatisticsView::SummaryCsv(table) => {
                let records = std::iter::once(table.columns.clone()).chain(
                    table.rows.iter().chain([&table.total]).map(|r| {
                        std::iter::once(r.label.clone())
                            .chain(r.raw.iter().map(u64::to_string))
                            .collect()
                    }),
                );
                csv_bytes(records)?
            }
            StatisticsView::TableCsv(table) => {
                let records =
                    std::iter::once(table.columns.clone()).chain(table.rows.iter().cloned());
                csv_bytes(records)?
            }
            StatisticsView::TablePage(table) => table_page(cx, table)?,
        };
        Ok(vec![bytes])
    }
}

/// The page of a data table.
fn table_page(cx: &RenderContext<'_>, table: &DataTable) -> Result<Vec<u8>, Error> {
    let p = cx.common;
    let path = &table_page_path(table);
    let Some(category) = crate::category::by_key(CATEGORY) else {
        return Ok(Vec::new());
    };
    let category = p.category_view(category);
    let description = table
        .description
        .clone()
        .unwrap_or_else(|| table.title.clone());
    let mut page = p.page_view("table", table.title.clone(), path, description);
    page.section = Some(CATEGORY);
    let mut ctx = p.base_context(page);
    ctx.insert("category", &category);
    let view = TableView {
        title: &table.title,
        description: table.description.as_deref(),
        columns: &table.columns,
        row_header: row_header(table),
        rows: table
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| Cell {
                        text: c,
                        numeric: is_numeric(c),
                    })
                    .collect()
            })
            .collect(),
        csv_url: p.url(&table_csv_path(table)),
        url: p.url(path),
    };
    ctx.insert("table", &view);
    cx.page("data_table.html", &ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_rfc4180_with_a_bom() {
        let bytes = csv_bytes(vec![
            vec!["Họ và tên".to_string(), "Ghi chú".to_string()],
            vec![
                "Nguyễn Văn An".to_string(),
                "có dấu phẩy, và \"ngoặc\"".to_string(),
            ],
        ])
        .unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{feff}Họ và tên,Ghi chú\r\nNguyễn Văn An,\"có dấu phẩy, và \"\"ngoặc\"\"\"\r\n"
        );
    }

    #[test]
    fn numbers_are_recognised() {
        assert!(is_numeric("1.034"));
        assert!(is_numeric("12,5%"));
        assert!(!is_numeric("19/01/2026"));
        assert!(!is_numeric("Sở Tài chính"));
        assert!(!is_numeric(""));
    }
}
