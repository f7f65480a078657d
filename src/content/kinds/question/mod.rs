//! Questions and answers (category 2.4): the question, who asked, when it
//! was asked and answered; no personal data in what is published.

mod personal_data;

pub use personal_data::personal_data;

use std::ops::Range;

use crate::diagnostics::Diagnostic;
use crate::fields::{Field, Fields, Key};

use super::{EntryFacts, FIELD};
use crate::content::model::Question;
use personal_data::personal_data_at;

const QUESTION: Key = Key::new("question", "cau_hoi");
const ASKER: Key = Key::new("asker", "nguoi_hoi");
const ASKED_DATE: Key = Key::new("asked_date", "ngay_hoi");
const ANSWERED_DATE: Key = Key::new("answered_date", "ngay_tra_loi");
const ANSWERED_BY: Key = Key::new("answered_by", "co_quan_tra_loi");

/// The keys of a Q&A entry.
pub(super) const KEYS: &[Key] = &[
    QUESTION,
    ASKER,
    ASKED_DATE,
    ANSWERED_DATE,
    ANSWERED_BY,
    FIELD,
];

/// Narrows `span` (a TOML value in `source`) to where `part` is written in
/// it, so the caret points at the phone number rather than the whole text.
fn narrow(source: &crate::source::SourceFile, span: &Range<usize>, part: &str) -> Range<usize> {
    source
        .text
        .get(span.clone())
        .and_then(|raw| raw.find(part))
        .map(|i| span.start + i..span.start + i + part.len())
        .unwrap_or_else(|| span.clone())
}

/// Reads the keys of a Q&A entry and checks its answer.
pub(super) fn read(f: &mut Fields<'_>, facts: &EntryFacts<'_>) -> Question {
    let question = f.text(QUESTION);
    let asker = f.text(ASKER);
    let title = facts.title_span.clone().map(|span| Field {
        value: facts.title.to_string(),
        span,
    });
    for field in [&title, &question, &asker].into_iter().flatten() {
        if let Some((what, part)) = personal_data_at(&field.value) {
            let d = Diagnostic::warning(
                "personal-data",
                format!("this looks like {what}: \"{part}\""),
            )
            .at(f.source(), narrow(f.source(), &field.span, part))
            .help("personal data must not be published: remove phone numbers, e-mail addresses and ID numbers from the question");
            f.report(d);
        }
    }
    let asked_date = f.date(ASKED_DATE);
    let answered_date = f.date(ANSWERED_DATE);
    if let (Some(a), Some(r)) = (&asked_date, &answered_date)
        && r.value.date() < a.value.date()
    {
        f.error_at(
            "date-order",
            r.span.clone(),
            format!(
                "`answered_date` ({}) is before `asked_date` ({})",
                r.value.dmy(),
                a.value.dmy()
            ),
            "a question cannot be answered before it was asked; correct one of the dates",
        );
    }
    if facts.body.trim().is_empty() {
        let at = facts.body_offset.saturating_sub(1);
        let d = Diagnostic::error("missing-answer", "this question has no answer")
            .at(f.source(), at.saturating_sub(3)..at)
            .help("write the answer below the closing +++ line; a question without an answer cannot be published");
        f.report(d);
    }
    Question {
        question: question
            .map(|q| q.value)
            .unwrap_or_else(|| facts.title.to_string()),
        asker: asker.map(|a| a.value),
        asked_date: asked_date.map(|d| d.value),
        answered_date: answered_date.map(|d| d.value),
        answered_by: f.text(ANSWERED_BY).map(|v| v.value),
        field: f.text(FIELD).map(|v| v.value),
    }
}
