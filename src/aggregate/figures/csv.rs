//! The report as CSV, for the Sở Tư pháp's spreadsheets: RFC 4180
//! (comma, CRLF), UTF-8 with a byte-order mark so that Excel opens
//! Vietnamese text correctly (Python reads it with `encoding="utf-8-sig"`),
//! the same as a section's statistics. A header row, one row per agency,
//! the totals row; numbers as plain digits.
//!
//! Text that came from an agency (a reporter's name) is never read by a
//! spreadsheet as a formula: a cell starting with `=`, `+`, `-`, `@` or a
//! tab gets a leading apostrophe.

use crate::error::Error;
use crate::output::statistics::csv::csv_bytes;

use super::json::AgencyInfo;
use super::{PeriodFigures, Report, columns, values};

/// A text cell a spreadsheet will not run.
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The figures of one period: agency, the number columns, the required
/// clauses without an entry in the period (none named for an agency the
/// hub has no data of); the totals row last.
pub fn figures(
    report: &Report,
    p: &PeriodFigures,
    agencies: &[AgencyInfo<'_>],
    t: &dyn Fn(&str) -> String,
) -> Result<Vec<u8>, Error> {
    let header = std::iter::once(t("report_agency"))
        .chain(columns(report, t))
        .chain(std::iter::once(t("report_missing")))
        .collect::<Vec<_>>();
    let row = |name: &str, m: &super::Measures, missing: String| {
        std::iter::once(cell(name))
            .chain(values(m).iter().map(u64::to_string))
            .chain(std::iter::once(missing))
            .collect::<Vec<_>>()
    };
    let rows = p
        .rows
        .iter()
        .zip(agencies)
        .map(|(m, a)| {
            let missing = if a.has_data {
                m.missing().join(" ")
            } else {
                t("hub_no_copy")
            };
            row(a.name, m, missing)
        })
        // Clauses are per agency: the totals row names none.
        .chain(std::iter::once(row(
            &t("report_total"),
            &p.total,
            String::new(),
        )));
    csv_bytes(std::iter::once(header).chain(rows))
}

/// The legal reporters and propagandists of one period: name, agencies
/// (separated by `; `), number of activities.
pub fn reporters(
    p: &PeriodFigures,
    agencies: &[AgencyInfo<'_>],
    t: &dyn Fn(&str) -> String,
) -> Result<Vec<u8>, Error> {
    let header = vec![
        t("report_reporter_name"),
        t("report_reporter_agencies"),
        t("report_reporter_activities"),
    ];
    let rows = p.reporters.iter().map(|r| {
        let names: Vec<&str> = r
            .agencies
            .iter()
            .filter_map(|i| agencies.get(*i).map(|a| a.name))
            .collect();
        vec![
            cell(&r.name),
            cell(&names.join("; ")),
            r.activities.to_string(),
        ]
    });
    csv_bytes(std::iter::once(header).chain(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_from_agencies_are_neutralised() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Nguyễn Văn An"), "Nguyễn Văn An");
    }
}
