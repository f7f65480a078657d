//! The province's report on the hub (`bao-cao/`): the index of periods,
//! a page per year and per quarter, each with its CSV, its JSON and the
//! CSV of legal reporters and propagandists; the figures come from
//! [`crate::aggregate::figures`], computed over the items the hub kept.

use rayon::prelude::*;
use serde::Serialize;

use crate::aggregate::figures::{
    self, PeriodFigures, Report, Source,
    json::{AgencyInfo, HubInfo, REPORT_SCHEMA, REPORT_SCHEMA_TEXT},
};
use crate::error::Error;
use crate::output::Job;
use crate::routes::{self, REPORT_PATH};
use crate::text::group_digits;

use super::pages::HubFile;
use super::views::{AgencyView, Views};
use super::{Hub, HubPage};

/// The report of a hub, computed from its items as of the run's day.
pub fn compute(hub: &Hub<'_>) -> Report {
    figures::compute(
        hub.input.agencies.len(),
        &sources(hub),
        hub.input.now.date_in_vietnam(),
    )
}

/// The hub's items as the report counts them.
fn sources<'a>(hub: &'a Hub<'_>) -> Vec<Source<'a>> {
    hub.items
        .iter()
        .map(|i| Source {
            agency: i.agency,
            category: i.category,
            published: i.published.date_in_vietnam(),
            meta: i.value.pointer("/_pbgdpl/meta"),
        })
        .collect()
}

/// The earliest day after the run's day on which an entry of the hub
/// starts counting (the report must be made again then), if any.
pub fn next_due(hub: &Hub<'_>) -> Option<chrono::NaiveDate> {
    let today = hub.input.now.date_in_vietnam();
    sources(hub)
        .iter()
        .map(figures::period_date)
        .filter(|d| *d > today)
        .min()
}

#[derive(Serialize)]
struct Cell {
    text: String,
    zero: bool,
}

#[derive(Serialize)]
struct RowView<'a> {
    name: &'a str,
    url: &'a str,
    has_data: bool,
    main: Vec<Cell>,
    materials: Vec<Cell>,
    missing: Vec<&'static str>,
}

#[derive(Serialize)]
struct NamedLink<'a> {
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct ReporterView<'a> {
    name: &'a str,
    agencies: Vec<NamedLink<'a>>,
    activities: String,
}

#[derive(Serialize)]
struct PeriodLink {
    label: String,
    url: String,
    csv: String,
    json: String,
    quarter: bool,
    main: Vec<Cell>,
}

/// The number columns the pages show in the main table (the measures).
const MAIN: usize = 8;

fn cells(v: &Views<'_, '_>, values: &[u64]) -> Vec<Cell> {
    values
        .iter()
        .map(|n| Cell {
            text: group_digits(*n, v.lang),
            zero: *n == 0,
        })
        .collect()
}

/// The report's jobs: its pages (the index of periods, a page per
/// period) and its files (per period a CSV, the JSON, the CSV of
/// reporters; the JSON Schema), made when the jobs are planned.
pub(super) fn jobs(
    v: &Views<'_, '_>,
    agencies: &[AgencyView<'_>],
) -> Result<Vec<Job<HubFile>>, Error> {
    let hub = v.hub;
    let report = compute(hub);
    let t = |key: &str| hub.t(key);
    let urls: Vec<String> = agencies.iter().map(|a| a.url.clone()).collect();
    let info: Vec<AgencyInfo<'_>> = agencies
        .iter()
        .zip(&urls)
        .zip(&hub.input.agencies)
        .map(|((a, url), input)| AgencyInfo {
            id: a.id,
            name: a.name,
            url,
            has_data: a.has_copy,
            data_tables: input
                .copy
                .and_then(|c| c.statistics.as_ref())
                .map_or(0, |s| s.data_tables()),
        })
        .collect();
    let per_period: Result<Vec<_>, Error> = report
        .periods
        .par_iter()
        .map(|p| {
            let slug = p.period.slug();
            let c = &hub.input.config.hub;
            let files = vec![
                Job::file(
                    routes::report_csv(&slug),
                    HubFile::Bytes(figures::csv::figures(&report, p, &info, &t)?),
                ),
                Job::file(
                    routes::report_reporters_csv(&slug),
                    HubFile::Bytes(figures::csv::reporters(p, &info, &t)?),
                ),
                Job::file(
                    routes::report_json(&slug),
                    HubFile::Bytes(figures::json::document(
                        &report,
                        p,
                        HubInfo {
                            title: &c.title,
                            base_url: &c.base_url,
                        },
                        &info,
                        p.period.label(v.lang),
                    )),
                ),
            ];
            let page = Job::page(
                &routes::report_period(&slug),
                HubFile::Page(period_page(v, &report, p, &info)?),
            );
            Ok((page, files))
        })
        .collect();
    let mut jobs = vec![
        Job::page(REPORT_PATH, HubFile::Page(index_page(v, &report)?)),
        Job::file(
            format!("schemas/{REPORT_SCHEMA}"),
            HubFile::Bytes(REPORT_SCHEMA_TEXT.as_bytes().to_vec()),
        ),
    ];
    for (page, files) in per_period? {
        jobs.push(page);
        jobs.extend(files);
    }
    Ok(jobs)
}

fn period_page(
    v: &Views<'_, '_>,
    report: &Report,
    p: &PeriodFigures,
    agencies: &[AgencyInfo<'_>],
) -> Result<HubPage, Error> {
    let hub = v.hub;
    let t = |key: &str| hub.t(key);
    let label = p.period.label(v.lang);
    let slug = p.period.slug();
    let path = routes::report_period(&slug);
    let title = format!("{} – {label}", t("report_title"));
    let page = v.page("report", title.clone(), &path, title);
    let headers = figures::columns(report, &t);
    // Material columns shown: those with a material in the period.
    let shown: Vec<usize> = (MAIN..headers.len())
        .filter(|i| figures::values(&p.total)[*i] > 0)
        .collect();
    let row = |m: &figures::Measures| {
        let all = figures::values(m);
        let materials: Vec<u64> = shown.iter().map(|i| all[*i]).collect();
        (cells(v, &all[..MAIN]), cells(v, &materials))
    };
    let rows: Vec<RowView<'_>> = agencies
        .iter()
        .zip(&p.rows)
        .map(|(a, m)| {
            let (main, materials) = row(m);
            RowView {
                name: a.name,
                url: a.url,
                has_data: a.has_data,
                main,
                materials,
                missing: if a.has_data { m.missing() } else { Vec::new() },
            }
        })
        .collect();
    let (total_main, total_materials) = row(&p.total);
    let missing: Vec<&str> = rows
        .iter()
        .filter(|r| !r.missing.is_empty())
        .map(|r| r.name)
        .collect();
    let reporters: Vec<ReporterView<'_>> = p
        .reporters
        .iter()
        .map(|r| ReporterView {
            name: &r.name,
            agencies: r
                .agencies
                .iter()
                .filter_map(|i| agencies.get(*i))
                .map(|a| NamedLink {
                    name: a.name,
                    url: a.url,
                })
                .collect(),
            activities: group_digits(r.activities, v.lang),
        })
        .collect();
    let required: Vec<_> = figures::required()
        .into_iter()
        .map(|c| v.category(c))
        .collect();
    let material_headers: Vec<&String> = shown.iter().map(|i| &headers[*i]).collect();
    HubPage::new("hub/report.html", page)
        .current(REPORT_PATH)
        .with("period_label", &label)?
        .with("from", &p.period.first_day().map(dmy))?
        .with("to", &p.period.last_day().map(dmy))?
        .with("main_headers", &&headers[..MAIN])?
        .with("material_headers", &material_headers)?
        .with("rows", &rows)?
        .with("total_main", &total_main)?
        .with("total_materials", &total_materials)?
        .with("missing", &missing)?
        .with("required", &required)?
        .with("reporters", &reporters)?
        .with("index_url", &hub.url(REPORT_PATH))?
        .with("csv_url", &hub.url(&routes::report_csv(&slug)))?
        .with("json_url", &hub.url(&routes::report_json(&slug)))?
        .with(
            "reporters_csv_url",
            &hub.url(&routes::report_reporters_csv(&slug)),
        )
}

fn dmy(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn index_page(v: &Views<'_, '_>, report: &Report) -> Result<HubPage, Error> {
    let hub = v.hub;
    let t = |key: &str| hub.t(key);
    let title = t("report_title");
    let page = v.page("report", title.clone(), REPORT_PATH, t("report_intro"));
    let periods: Vec<PeriodLink> = report
        .periods
        .iter()
        .map(|p| {
            let slug = p.period.slug();
            PeriodLink {
                label: p.period.label(v.lang),
                url: hub.url(&routes::report_period(&slug)),
                csv: hub.url(&routes::report_csv(&slug)),
                json: hub.url(&routes::report_json(&slug)),
                quarter: matches!(p.period, figures::Period::Quarter { .. }),
                main: cells(v, &figures::values(&p.total)[..MAIN]),
            }
        })
        .collect();
    HubPage::new("hub/report_periods.html", page)
        .current(REPORT_PATH)
        .with("periods", &periods)?
        .with("main_headers", &&figures::columns(report, &t)[..MAIN])
}
