//! The figures of the province's report (`bao-cao/` on the hub): per
//! period (each year, each quarter) one row per agency and one column per
//! measure — activities and their participants, documents introduced,
//! questions answered, dialogues, materials by kind and by language —
//! counted from the typed metadata of the agencies' entries
//! (`_pbgdpl.meta`, as the hub admitted it), with a totals row, the
//! required clauses an agency published nothing in during the period, and
//! the combined list of the legal reporters and propagandists named in
//! activities.
//!
//! Pure functions over [`Source`]s: the hub turns its kept items into
//! sources ([`crate::aggregate::hub`]), the pages, CSV and JSON only show
//! what [`compute`] returns. How each measure is counted is documented in
//! `docs/aggregate.md` ("The province's report").
//!
//! | job | module |
//! |---|---|
//! | years and quarters | [`period`] |
//! | the CSV files | [`csv`] |
//! | the JSON document (`schemas/report.v1.json`) | [`json`] |

pub mod csv;
pub mod json;
pub mod period;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::category::{CATEGORIES, Category, Kind};
use crate::content::kinds::MATERIAL_KINDS;
use crate::date::Timestamp;

pub use period::Period;

/// At most this many languages get a column of their own; materials in
/// the others count under "other languages".
pub const MAX_LANGUAGES: usize = 12;

/// Names (reporters, languages) are cut to this many characters.
pub const MAX_NAME: usize = 120;

/// One entry the report counts: what the hub kept of it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// Index of its agency.
    pub agency: usize,
    /// Its category.
    pub category: &'static Category,
    /// Its publication date (`date_published`), in Vietnam.
    pub published: NaiveDate,
    /// Its typed metadata (`_pbgdpl.meta`), if any.
    pub meta: Option<&'a Value>,
}

/// The figures of one agency (or of all: the totals) in one period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Measures {
    /// Activities (2.3) held in the period.
    pub activities: u64,
    /// Participants in those activities (the `participants` they give).
    pub participants: u64,
    /// Activities that give no number of participants.
    pub activities_without_participants: u64,
    /// Legal documents introduced (2.1), by their date of issue.
    pub documents: u64,
    /// Questions answered (2.4), by their date of answer.
    pub questions: u64,
    /// Dialogues (2.5) held in the period.
    pub dialogues: u64,
    /// Participants in those dialogues.
    pub dialogue_participants: u64,
    /// Materials (2.6) published in the period.
    pub materials: u64,
    /// Materials per kind: one count per [`material_kinds`] column.
    pub material_kinds: Vec<u64>,
    /// Materials per language: one count per [`Report::languages`]
    /// column, then the other (or unnamed) languages.
    pub material_languages: Vec<u64>,
    /// Entries per required clause of Decision 471 ([`required`]), dated
    /// in the period.
    pub clauses: Vec<u64>,
}

impl Measures {
    fn new(languages: usize) -> Self {
        Self {
            material_kinds: vec![0; material_kinds().len()],
            material_languages: vec![0; languages + 1],
            clauses: vec![0; required().len()],
            ..Self::default()
        }
    }

    fn add(&mut self, other: &Measures) {
        self.activities += other.activities;
        self.participants += other.participants;
        self.activities_without_participants += other.activities_without_participants;
        self.documents += other.documents;
        self.questions += other.questions;
        self.dialogues += other.dialogues;
        self.dialogue_participants += other.dialogue_participants;
        self.materials += other.materials;
        let sum = |a: &mut Vec<u64>, b: &[u64]| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        sum(&mut self.material_kinds, &other.material_kinds);
        sum(&mut self.material_languages, &other.material_languages);
        sum(&mut self.clauses, &other.clauses);
    }

    /// The clauses (`2.1`…) of [`required`] with no entry in the period.
    pub fn missing(&self) -> Vec<&'static str> {
        required()
            .iter()
            .zip(&self.clauses)
            .filter(|(_, n)| **n == 0)
            .map(|(c, _)| c.clause.unwrap_or_default())
            .collect()
    }
}

/// A legal reporter or propagandist named in activities of the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reporter {
    /// The name, as the agencies wrote it (normalised).
    pub name: String,
    /// The agencies whose activities name them, by index.
    pub agencies: Vec<usize>,
    /// How many activities of the period name them.
    pub activities: u64,
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodFigures {
    /// The period.
    pub period: Period,
    /// One row per agency, in the order of `sources.toml`.
    pub rows: Vec<Measures>,
    /// The sums of the rows.
    pub total: Measures,
    /// Legal reporters and propagandists, by name.
    pub reporters: Vec<Reporter>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The languages that have a column of their own, most materials first.
    pub languages: Vec<String>,
    /// Every period, newest year first; each year before its quarters,
    /// newest quarter first.
    pub periods: Vec<PeriodFigures>,
}

/// The required categories of Decision 471, in clause order (2.1–2.7).
pub fn required() -> Vec<&'static Category> {
    CATEGORIES.iter().filter(|c| c.required).collect()
}

/// The material kind columns: every kind of [`MATERIAL_KINDS`], then
/// materials whose kind is not given (`None`).
pub fn material_kinds() -> Vec<Option<&'static str>> {
    MATERIAL_KINDS
        .iter()
        .map(|k| Some(*k))
        .chain(std::iter::once(None))
        .collect()
}

/// A name sent by an agency, made safe to show and to compare: NFC,
/// control characters dropped, runs of spaces made one, trimmed, cut to
/// [`MAX_NAME`] characters.
pub fn clean_name(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .nfc()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.chars().take(MAX_NAME).collect()
}

fn text<'v>(meta: Option<&'v Value>, pointer: &str) -> Option<&'v str> {
    meta?.pointer(pointer)?.as_str()
}

fn number(meta: Option<&Value>, pointer: &str) -> Option<u64> {
    meta?.pointer(pointer)?.as_u64()
}

fn typed_date(meta: Option<&Value>, pointer: &str) -> Option<NaiveDate> {
    text(meta, pointer)
        .and_then(Timestamp::parse)
        .map(|t| t.date_in_vietnam())
}

/// The date that puts an entry in a period: `held_on` for activities and
/// dialogues, `issue_date` for documents, `answered_date` for questions,
/// its publication date otherwise or when that is not given.
pub fn period_date(s: &Source<'_>) -> NaiveDate {
    let pointer = match s.category.kind {
        Kind::Activity => Some("/activity/held_on"),
        Kind::Dialogue => Some("/dialogue/held_on"),
        Kind::Document | Kind::DocumentOptional => Some("/document/issue_date"),
        Kind::Question => Some("/question/answered_date"),
        _ => None,
    };
    pointer
        .and_then(|p| typed_date(s.meta, p))
        .unwrap_or(s.published)
}

/// The language of a material, cleaned (`None` when not given).
fn language(s: &Source<'_>) -> Option<String> {
    Some(clean_name(text(s.meta, "/material/language")?)).filter(|l| !l.is_empty())
}

/// The figures one entry adds to its agency's row.
fn count(s: &Source<'_>, languages: &[String], into: &mut Measures) {
    if let Some(i) = required().iter().position(|c| c.key == s.category.key) {
        into.clauses[i] += 1;
    }
    match s.category.kind {
        Kind::Activity => {
            into.activities += 1;
            match number(s.meta, "/activity/participants") {
                Some(n) => into.participants = into.participants.saturating_add(n),
                None => into.activities_without_participants += 1,
            }
        }
        Kind::Document => into.documents += 1,
        Kind::Question => into.questions += 1,
        Kind::Dialogue => {
            into.dialogues += 1;
            let n = number(s.meta, "/dialogue/participants").unwrap_or(0);
            into.dialogue_participants = into.dialogue_participants.saturating_add(n);
        }
        Kind::Material => {
            into.materials += 1;
            let kind = text(s.meta, "/material/kind").map(|k| k.nfc().collect::<String>());
            let column = kind
                .and_then(|k| MATERIAL_KINDS.iter().position(|m| *m == k))
                .unwrap_or(MATERIAL_KINDS.len());
            into.material_kinds[column] += 1;
            let column = language(s)
                .and_then(|l| languages.iter().position(|x| *x == l))
                .unwrap_or(languages.len());
            into.material_languages[column] += 1;
        }
        _ => {}
    }
}

/// The languages that get a column: those of the materials counted, most
/// materials first (then by name), at most [`MAX_LANGUAGES`].
fn language_columns(sources: &[(Source<'_>, NaiveDate)]) -> Vec<String> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for (s, _) in sources {
        if s.category.kind == Kind::Material
            && let Some(l) = language(s)
        {
            *counts.entry(l).or_default() += 1;
        }
    }
    let mut list: Vec<(String, u64)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list.into_iter()
        .take(MAX_LANGUAGES)
        .map(|(l, _)| l)
        .collect()
}

/// The periods of the report: every year and quarter an entry falls in,
/// and every year and quarter of the current year up to `today`.
fn periods(dates: impl Iterator<Item = NaiveDate>, today: NaiveDate) -> Vec<Period> {
    let mut set: BTreeSet<Period> = BTreeSet::new();
    for d in dates {
        set.insert(Period::year_of(d));
        set.insert(Period::quarter_of(d));
    }
    set.insert(Period::year_of(today));
    let mut q = Period::quarter_of(today);
    while let Period::Quarter { year, quarter } = q {
        set.insert(q);
        if quarter == 1 {
            break;
        }
        q = Period::Quarter {
            year,
            quarter: quarter - 1,
        };
    }
    let mut list: Vec<Period> = set.into_iter().collect();
    // Newest year first; a year before its quarters, newest quarter first.
    list.sort_by_key(|p| {
        let quarter = match p {
            Period::Year { .. } => 5,
            Period::Quarter { quarter, .. } => *quarter,
        };
        std::cmp::Reverse((p.year(), quarter))
    });
    list
}

/// The legal reporters and propagandists named in activities: one per
/// name (compared without regard to case), sorted by name.
fn reporters(sources: &[&Source<'_>]) -> Vec<Reporter> {
    let mut by_key: BTreeMap<String, (String, BTreeSet<usize>, u64)> = BTreeMap::new();
    for s in sources {
        if s.category.kind != Kind::Activity {
            continue;
        }
        let Some(list) = s
            .meta
            .and_then(|m| m.pointer("/activity/reporters"))
            .and_then(Value::as_array)
        else {
            continue;
        };
        // A name listed twice in one activity (in any case) counts once.
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for n in list.iter().filter_map(Value::as_str).map(clean_name) {
            if n.is_empty() {
                continue;
            }
            let spelling = names.entry(n.to_lowercase()).or_insert_with(|| n.clone());
            if n < *spelling {
                *spelling = n;
            }
        }
        for (key, name) in names {
            let e = by_key
                .entry(key)
                .or_insert_with(|| (name.clone(), BTreeSet::new(), 0));
            // The same spelling every time, whatever the order of entries.
            if name < e.0 {
                e.0 = name;
            }
            e.1.insert(s.agency);
            e.2 += 1;
        }
    }
    let mut list: Vec<Reporter> = by_key
        .into_values()
        .map(|(name, agencies, activities)| Reporter {
            name,
            agencies: agencies.into_iter().collect(),
            activities,
        })
        .collect();
    // In alphabetical order as a Vietnamese reader expects (Đ after D,
    // not after Z): by the name without marks, then as written.
    list.sort_by_cached_key(|r| (crate::text::fold(&r.name), r.name.clone()));
    list
}

/// Computes the report of `agencies` agencies from their entries, as of
/// `today` (entries whose date is later are not counted yet).
pub fn compute(agencies: usize, sources: &[Source<'_>], today: NaiveDate) -> Report {
    let dated: Vec<(Source<'_>, NaiveDate)> = sources
        .iter()
        .filter(|s| s.agency < agencies)
        .map(|s| (*s, period_date(s)))
        .filter(|(_, d)| *d <= today)
        .collect();
    let languages = language_columns(&dated);
    let periods = periods(dated.iter().map(|(_, d)| *d), today)
        .into_iter()
        .map(|period| {
            let mut rows = vec![Measures::new(languages.len()); agencies];
            let inside: Vec<&Source<'_>> = dated
                .iter()
                .filter(|(_, d)| period.contains(*d))
                .map(|(s, _)| s)
                .collect();
            for s in &inside {
                count(s, &languages, &mut rows[s.agency]);
            }
            let mut total = Measures::new(languages.len());
            for r in &rows {
                total.add(r);
            }
            PeriodFigures {
                period,
                rows,
                total,
                reporters: reporters(&inside),
            }
        })
        .collect();
    Report { languages, periods }
}

/// The interface strings (theme keys) of the measure columns, in order.
const MEASURE_LABELS: [&str; 8] = [
    "report_activities",
    "report_participants",
    "report_without_participants",
    "report_documents",
    "report_questions",
    "report_dialogues",
    "report_dialogue_participants",
    "report_materials",
];

/// The headers of the number columns, in the order of [`values`]: the
/// measures, the materials per kind, the materials per language. `t`
/// gives an interface string of the theme.
pub fn columns(report: &Report, t: &dyn Fn(&str) -> String) -> Vec<String> {
    let kinds = material_kinds().into_iter().map(|k| match k {
        Some(k) => format!("{}: {k}", t("report_material_kind")),
        None => format!("{}: {}", t("report_material_kind"), t("report_unspecified")),
    });
    let languages = report
        .languages
        .iter()
        .map(|l| format!("{}: {l}", t("report_material_language")))
        .chain(std::iter::once(format!(
            "{}: {}",
            t("report_material_language"),
            t("report_other_languages")
        )));
    MEASURE_LABELS
        .iter()
        .map(|k| t(k))
        .chain(kinds)
        .chain(languages)
        .collect()
}

/// The numbers of a row, in the order of [`columns`].
pub fn values(m: &Measures) -> Vec<u64> {
    [
        m.activities,
        m.participants,
        m.activities_without_participants,
        m.documents,
        m.questions,
        m.dialogues,
        m.dialogue_participants,
        m.materials,
    ]
    .into_iter()
    .chain(m.material_kinds.iter().copied())
    .chain(m.material_languages.iter().copied())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::category::by_key;
    use serde_json::json;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn source<'a>(agency: usize, key: &str, published: &str, meta: &'a Value) -> Source<'a> {
        Source {
            agency,
            category: by_key(key).unwrap(),
            published: d(published),
            meta: Some(meta),
        }
    }

    #[test]
    fn typed_dates_choose_the_period_and_measures_add_up() {
        let act1 = json!({"activity": {"held_on": "2025-12-30", "participants": 120, "reporters": ["Nguyễn Văn An", " nguyễn  văn an "]}});
        let act2 = json!({"activity": {"held_on": "2026-02-03", "reporters": ["Trần Thị Bình"]}});
        let act3 = json!({"activity": {"held_on": "2026-05-10", "participants": 45, "reporters": ["Nguyễn Văn An"]}});
        let doc = json!({"document": {"number": "1/2026/QH15", "issue_date": "2025-11-20"}});
        let q = json!({"question": {"question": "?", "answered_date": "2026-01-02"}});
        let dia = json!({"dialogue": {"held_on": "2026-04-01T08:00:00+07:00", "participants": 30}});
        let mat1 =
            json!({"material": {"kind": "Tờ gấp", "language": "Tiếng Việt", "has_media": false}});
        let mat2 = json!({"material": {"kind": "Sách nói", "language": "Tiếng H'Mông", "has_media": true}});
        let mat3 = json!({"material": {"language": "Tiếng Việt", "has_media": false}});
        let future = json!({"activity": {"held_on": "2026-12-20", "participants": 999}});
        let sources = vec![
            // Published in 2026, held in 2025: counts in 2025.
            source(0, "hoat-dong", "2026-01-05", &act1),
            source(0, "hoat-dong", "2026-02-04", &act2),
            source(1, "hoat-dong", "2026-05-11", &act3),
            source(1, "van-ban-moi", "2026-01-10", &doc),
            source(0, "hoi-dap", "2025-12-28", &q),
            source(1, "doi-thoai", "2026-03-30", &dia),
            source(0, "tai-lieu", "2026-06-01", &mat1),
            source(1, "tai-lieu", "2026-06-02", &mat2),
            source(1, "tai-lieu", "2026-07-02", &mat3),
            // Not held yet on the day of the report.
            source(1, "hoat-dong", "2026-11-01", &future),
        ];
        let r = compute(2, &sources, d("2026-11-22"));
        let slugs: Vec<String> = r.periods.iter().map(|p| p.period.slug()).collect();
        assert_eq!(
            slugs,
            [
                "2026",
                "2026-quy-4",
                "2026-quy-3",
                "2026-quy-2",
                "2026-quy-1",
                "2025",
                "2025-quy-4"
            ]
        );
        assert_eq!(r.languages, ["Tiếng Việt", "Tiếng H'Mông"]);
        let y2026 = &r.periods[0];
        assert_eq!(y2026.rows[0].activities, 1);
        assert_eq!(y2026.rows[0].activities_without_participants, 1);
        assert_eq!(y2026.rows[1].participants, 45);
        assert_eq!(y2026.rows[1].documents, 0, "issued in 2025");
        assert_eq!(y2026.rows[0].questions, 1, "answered in 2026");
        assert_eq!(y2026.rows[1].dialogues, 1);
        assert_eq!(y2026.rows[1].dialogue_participants, 30);
        assert_eq!(y2026.total.activities, 2);
        assert_eq!(y2026.total.materials, 3);
        let tờ_gấp = material_kinds().iter().position(|k| *k == Some("Tờ gấp"));
        assert_eq!(y2026.total.material_kinds[tờ_gấp.unwrap()], 1);
        assert_eq!(*y2026.total.material_kinds.last().unwrap(), 1, "no kind");
        assert_eq!(y2026.total.material_languages, [2, 1, 0]);
        let y2025 = &r.periods[5];
        assert_eq!(y2025.rows[0].participants, 120);
        assert_eq!(y2025.rows[1].documents, 1);
        assert_eq!(y2025.total.questions, 0);
        // The reporters: one per name whatever its case and spacing.
        assert_eq!(
            y2026.reporters,
            [
                Reporter {
                    name: "Nguyễn Văn An".into(),
                    agencies: vec![1],
                    activities: 1
                },
                Reporter {
                    name: "Trần Thị Bình".into(),
                    agencies: vec![0],
                    activities: 1
                },
            ]
        );
        assert_eq!(y2025.reporters[0].name, "Nguyễn Văn An");
        assert_eq!(y2025.reporters[0].activities, 1);
        // Quarter 2 of 2026: agency 1's activity and dialogue.
        let q2 = &r.periods[3];
        assert_eq!(q2.total.activities, 1);
        assert_eq!(q2.total.dialogues, 1);
        assert_eq!((q2.rows[0].activities, q2.rows[0].materials), (0, 1));
        assert_eq!(
            r.periods[1].total,
            Measures::new(2),
            "nothing held yet in Q4"
        );
        // Clauses: agency 0 published nothing in 2.1, 2.2, 2.5, 2.7 in 2026.
        assert_eq!(y2026.rows[0].missing(), ["2.1", "2.2", "2.5", "2.7"]);
    }

    #[test]
    fn hostile_text_is_cleaned_and_bounded() {
        assert_eq!(clean_name("  A\u{0}\u{7}  b\n c "), "A b c");
        assert_eq!(clean_name("Nguye\u{302}\u{303}n"), "Nguyễn");
        assert_eq!(clean_name(&"x".repeat(10_000)).chars().count(), MAX_NAME);
        let many: Vec<Value> = (0..40)
            .map(|i| json!({"material": {"language": format!("L{i:02}")}}))
            .collect();
        let sources: Vec<Source<'_>> = many
            .iter()
            .map(|m| source(0, "tai-lieu", "2026-01-01", m))
            .collect();
        let r = compute(1, &sources, d("2026-01-31"));
        assert_eq!(r.languages.len(), MAX_LANGUAGES);
        assert_eq!(r.periods[0].total.material_languages[MAX_LANGUAGES], 28);
    }

    #[test]
    fn a_hub_with_nothing_still_has_this_year() {
        let r = compute(3, &[], d("2026-05-01"));
        let slugs: Vec<String> = r.periods.iter().map(|p| p.period.slug()).collect();
        assert_eq!(slugs, ["2026", "2026-quy-2", "2026-quy-1"]);
        assert_eq!(r.periods[0].rows.len(), 3);
        assert_eq!(r.periods[0].total.missing().len(), 7);
    }
}
