//! The report as JSON, one document per period, following
//! `schemas/report.v1.json` (published by the hub under `schemas/`).
//! Every figure is a number; the materials per kind and per language are
//! lists whose `null` kind or language counts the materials without one
//! (or, for languages, in a language without a column of its own).

use serde::Serialize;

use super::{Measures, PeriodFigures, Report, material_kinds};

/// File name (under `schemas/`) of the report's schema.
pub const REPORT_SCHEMA: &str = "report.v1.json";

/// The schema's text.
pub const REPORT_SCHEMA_TEXT: &str = include_str!("../../../schemas/report.v1.json");

/// The version of the report's format.
pub const REPORT_VERSION: &str = "1.0";

/// Who publishes the report.
#[derive(Debug, Serialize)]
pub struct HubInfo<'a> {
    /// The hub's title.
    pub title: &'a str,
    /// The hub's address.
    pub base_url: &'a str,
}

/// One agency as the report names it.
#[derive(Debug, Clone, Copy)]
pub struct AgencyInfo<'a> {
    /// Its id in `sources.toml`.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// Its page on the hub.
    pub url: &'a str,
    /// Whether the hub has any data of it.
    pub has_data: bool,
    /// The data tables of its `statistics.json` as the hub admitted it.
    pub data_tables: usize,
}

#[derive(Serialize)]
struct PeriodOut {
    kind: &'static str,
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    quarter: Option<u8>,
    slug: String,
    label: String,
    from: String,
    to: String,
}

#[derive(Serialize)]
struct KindCount<'a> {
    kind: Option<&'a str>,
    count: u64,
}

#[derive(Serialize)]
struct LanguageCount<'a> {
    language: Option<&'a str>,
    count: u64,
}

#[derive(Serialize)]
struct FiguresOut<'a> {
    activities: u64,
    participants: u64,
    activities_without_participants: u64,
    documents: u64,
    questions: u64,
    dialogues: u64,
    dialogue_participants: u64,
    materials: u64,
    materials_by_kind: Vec<KindCount<'a>>,
    materials_by_language: Vec<LanguageCount<'a>>,
}

#[derive(Serialize)]
struct AgencyOut<'a> {
    id: &'a str,
    name: &'a str,
    url: &'a str,
    has_data: bool,
    data_tables: usize,
    figures: FiguresOut<'a>,
    missing_clauses: Vec<&'static str>,
}

#[derive(Serialize)]
struct ReporterOut<'a> {
    name: &'a str,
    agencies: Vec<&'a str>,
    activities: u64,
}

#[derive(Serialize)]
struct Document<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    report_version: &'static str,
    generator: String,
    hub: HubInfo<'a>,
    period: PeriodOut,
    agencies: Vec<AgencyOut<'a>>,
    total: FiguresOut<'a>,
    reporters: Vec<ReporterOut<'a>>,
}

fn figures<'a>(report: &'a Report, m: &Measures) -> FiguresOut<'a> {
    FiguresOut {
        activities: m.activities,
        participants: m.participants,
        activities_without_participants: m.activities_without_participants,
        documents: m.documents,
        questions: m.questions,
        dialogues: m.dialogues,
        dialogue_participants: m.dialogue_participants,
        materials: m.materials,
        materials_by_kind: material_kinds()
            .into_iter()
            .zip(&m.material_kinds)
            .map(|(kind, count)| KindCount {
                kind,
                count: *count,
            })
            .collect(),
        materials_by_language: report
            .languages
            .iter()
            .map(|l| Some(l.as_str()))
            .chain(std::iter::once(None))
            .zip(&m.material_languages)
            .map(|(language, count)| LanguageCount {
                language,
                count: *count,
            })
            .collect(),
    }
}

/// The JSON document of one period (pretty-printed, ending in a newline).
pub fn document(
    report: &Report,
    p: &PeriodFigures,
    hub: HubInfo<'_>,
    agencies: &[AgencyInfo<'_>],
    label: String,
) -> Vec<u8> {
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let (kind, quarter) = match p.period {
        super::Period::Year { .. } => ("year", None),
        super::Period::Quarter { quarter, .. } => ("quarter", Some(quarter)),
    };
    let doc = Document {
        schema: format!("{}schemas/{REPORT_SCHEMA}", hub.base_url),
        report_version: REPORT_VERSION,
        generator: format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
        period: PeriodOut {
            kind,
            year: p.period.year(),
            quarter,
            slug: p.period.slug(),
            label,
            from: day(p.period.first_day()),
            to: day(p.period.last_day()),
        },
        hub,
        agencies: agencies
            .iter()
            .zip(&p.rows)
            .map(|(a, m)| AgencyOut {
                id: a.id,
                name: a.name,
                url: a.url,
                has_data: a.has_data,
                data_tables: a.data_tables,
                figures: figures(report, m),
                missing_clauses: if a.has_data { m.missing() } else { Vec::new() },
            })
            .collect(),
        total: figures(report, &p.total),
        reporters: p
            .reporters
            .iter()
            .map(|r| ReporterOut {
                name: &r.name,
                agencies: r
                    .agencies
                    .iter()
                    .filter_map(|i| agencies.get(*i).map(|a| a.id))
                    .collect(),
                activities: r.activities,
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
