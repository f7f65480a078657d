//! The statistics of the published content: key figures and computed
//! tables (activities per quarter and per form, documents per year and per
//! type, questions per field), each table with its chart.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::category::Kind;
use crate::content::kinds::{ACTIVITY_FORMS, DOCUMENT_TYPES};
use crate::date::Timestamp;
use crate::i18n::Lang;
use crate::render::{Common, Prepared};
use crate::routes;
use crate::text::{fold, group_digits};

use super::chart::{Bar, bar_chart};

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
    /// What is counted, for machines (`activities`, `participants`…).
    pub key: &'static str,
    /// The count; `None` when no entry gave the number (participants
    /// left out everywhere): unknown, not 0.
    pub raw: Option<u64>,
    /// How many of the counted entries did not give the number, so the
    /// count (a sum over the others) is partial when this is not 0.
    pub not_given: u64,
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
        // Entries whose number of participants was not written: a sum
        // over them is not a count, so the figure says so.
        let (mut activities_unknown, mut dialogues_unknown) = (0u64, 0u64);
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
                    activities_unknown += u64::from(a.participants.is_none());
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
                    dialogues_unknown += u64::from(g.participants.is_none());
                }
                _ => {}
            }
        }

        // Quarters and years run without gaps, so a quiet quarter shows as 0.
        fill_gaps(
            &mut by_quarter,
            |(y, q)| if q == 4 { (y + 1, 1) } else { (y, q + 1) },
            |_| String::new(),
        );
        fill_gaps(&mut docs_by_year, |y| y + 1, |y| y.to_string());
        for ((year, q), row) in by_quarter.rows.iter_mut() {
            row.0 = match lang {
                Lang::Vi => format!("{} {}/{year}", t(p, "quarter"), roman(*q)),
                Lang::En => format!("Q{q} {year}"),
            };
        }

        let figure = |key: &'static str, n: u64| Figure {
            key,
            raw: Some(n),
            not_given: 0,
            label: t(p, &format!("stats_{key}")),
            value: group_digits(n, lang),
        };
        // A sum of people: unknown when no entry gave the number, and
        // marked as partial when some did not.
        let people = |key: &'static str, sum: u64, entries: u64, unknown: u64| {
            let none_given = entries > 0 && unknown == entries;
            Figure {
                key,
                raw: (!none_given).then_some(sum),
                not_given: unknown,
                label: t(p, &format!("stats_{key}")),
                value: if none_given {
                    t(p, "stats_unknown")
                } else if unknown > 0 {
                    format!(
                        "{} ({} {} {})",
                        group_digits(sum, lang),
                        t(p, "stats_not_given"),
                        group_digits(unknown, lang),
                        t(p, "entries_count")
                    )
                } else {
                    group_digits(sum, lang)
                },
            }
        };
        let figures = vec![
            figure("activities", activities),
            people("participants", participants, activities, activities_unknown),
            figure("documents", documents),
            figure("questions", questions),
            figure("dialogues", dialogues),
            people(
                "dialogue_participants",
                dialogue_participants,
                dialogues,
                dialogues_unknown,
            ),
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
                url: p.url(&routes::table_page(&d.slug)),
                csv_url: p.url(&routes::table_csv(&d.slug)),
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

/// Adds an empty row for every period between the first and the last one
/// present (`next` gives the period after a period), so a chart shows a quiet
/// quarter or year as zero instead of skipping it.
fn fill_gaps<K: Ord + Copy>(
    tally: &mut Tally<K>,
    next: impl Fn(K) -> K,
    label: impl Fn(K) -> String,
) {
    let (Some(first), Some(last)) = (
        tally.rows.keys().next().copied(),
        tally.rows.keys().next_back().copied(),
    ) else {
        return;
    };
    let width = tally.rows.values().next().map_or(0, |r| r.1.len());
    let mut k = first;
    while k < last {
        k = next(k);
        tally
            .rows
            .entry(k)
            .or_insert_with(|| (label(k), vec![0; width]));
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
        csv_url: p.url(&routes::summary_csv(slug)),
        columns,
        rows: rows.into_iter().map(|(l, v)| row(l, v)).collect(),
        total: row(t(p, "total"), sums),
    }
}
