//! The periods of the province's report: a calendar year, or a quarter of
//! one (Vietnam time), and which period a date falls in.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::i18n::Lang;

/// A reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind")]
pub enum Period {
    /// A calendar year.
    Year {
        /// The year.
        year: i32,
    },
    /// A quarter of a year (1–4).
    Quarter {
        /// The year.
        year: i32,
        /// The quarter, 1–4.
        quarter: u8,
    },
}

/// Roman numerals of the quarters, as Vietnamese reports write them.
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

impl Period {
    /// The quarter a date falls in.
    pub fn quarter_of(date: NaiveDate) -> Period {
        Period::Quarter {
            year: date.year(),
            quarter: (date.month0() / 3 + 1) as u8,
        }
    }

    /// The year a date falls in.
    pub fn year_of(date: NaiveDate) -> Period {
        Period::Year { year: date.year() }
    }

    /// The year of the period.
    pub fn year(self) -> i32 {
        match self {
            Period::Year { year } | Period::Quarter { year, .. } => year,
        }
    }

    /// Whether `date` falls in the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        match self {
            Period::Year { year } => date.year() == year,
            q @ Period::Quarter { .. } => Period::quarter_of(date) == q,
        }
    }

    /// Its first day (for ordering and the JSON's `from`).
    pub fn first_day(self) -> Option<NaiveDate> {
        match self {
            Period::Year { year } => NaiveDate::from_ymd_opt(year, 1, 1),
            Period::Quarter { year, quarter } => {
                NaiveDate::from_ymd_opt(year, u32::from(quarter) * 3 - 2, 1)
            }
        }
    }

    /// Its last day.
    pub fn last_day(self) -> Option<NaiveDate> {
        let next = match self {
            Period::Year { year } => NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1),
            Period::Quarter { year, quarter: 4 } => {
                NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)
            }
            Period::Quarter { year, quarter } => {
                NaiveDate::from_ymd_opt(year, u32::from(quarter) * 3 + 1, 1)
            }
        };
        next?.pred_opt()
    }

    /// The period's name in addresses and file names: `2026`,
    /// `2026-quy-3`.
    pub fn slug(self) -> String {
        match self {
            Period::Year { year } => format!("{year}"),
            Period::Quarter { year, quarter } => format!("{year}-quy-{quarter}"),
        }
    }

    /// Its name for people: `Năm 2026`, `Quý III/2026` (`Year 2026`,
    /// `Q3 2026`).
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (Period::Year { year }, Lang::Vi) => format!("Năm {year}"),
            (Period::Year { year }, Lang::En) => format!("Year {year}"),
            (Period::Quarter { year, quarter }, Lang::Vi) => {
                format!("Quý {}/{year}", ROMAN[usize::from(quarter - 1) % 4])
            }
            (Period::Quarter { year, quarter }, Lang::En) => format!("Q{quarter} {year}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_fall_in_their_year_and_quarter() {
        assert_eq!(
            Period::quarter_of(d(2026, 3, 31)),
            Period::Quarter {
                year: 2026,
                quarter: 1
            }
        );
        assert_eq!(
            Period::quarter_of(d(2026, 4, 1)),
            Period::Quarter {
                year: 2026,
                quarter: 2
            }
        );
        let q4 = Period::quarter_of(d(2025, 12, 31));
        assert_eq!(q4.slug(), "2025-quy-4");
        assert_eq!(q4.label(Lang::Vi), "Quý IV/2025");
        assert_eq!(q4.label(Lang::En), "Q4 2025");
        assert_eq!(q4.first_day(), Some(d(2025, 10, 1)));
        assert_eq!(q4.last_day(), Some(d(2025, 12, 31)));
        assert!(q4.contains(d(2025, 11, 5)) && !q4.contains(d(2026, 11, 5)));
        let y = Period::year_of(d(2024, 2, 29));
        assert_eq!(
            (y.slug(), y.label(Lang::Vi)),
            ("2024".into(), "Năm 2024".into())
        );
        assert_eq!(y.last_day(), Some(d(2024, 12, 31)));
        let q2 = Period::Quarter {
            year: 2026,
            quarter: 2,
        };
        assert_eq!(q2.last_day(), Some(d(2026, 6, 30)));
    }
}
