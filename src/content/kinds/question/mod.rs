//! Questions and answers (category 2.4): the question, who asked, when it
//! was asked and answered; no personal data in what is published.

mod personal_data;

pub use personal_data::{Found, Kind, find_all, personal_data};

use std::ops::Range;

use crate::content::model::Question;
use crate::diagnostics::Diagnostic;
use crate::fields::{Fields, Key};
use crate::msg;

use super::{EntryFacts, FIELD};

const QUESTION: Key = Key::new("question", "cau_hoi");
const ASKER: Key = Key::new("asker", "nguoi_hoi");
const ASKED_DATE: Key = Key::new("asked_date", "ngay_hoi");
const ANSWERED_DATE: Key = Key::new("answered_date", "ngay_tra_loi");
const ANSWERED_BY: Key = Key::new("answered_by", "co_quan_tra_loi");
/// `consent = true`: the person agreed that their contact details be
/// published with the question.
const CONSENT: Key = Key::new("consent", "dong_y_cong_bo");
const ID_KEY: Key = Key::new("id", "ma");

/// The keys of a Q&A entry.
pub(super) const KEYS: &[Key] = &[
    QUESTION,
    ASKER,
    ASKED_DATE,
    ANSWERED_DATE,
    ANSWERED_BY,
    FIELD,
    CONSENT,
];

/// Narrows `span` (a TOML value in `source`) to where `part` is written in
/// it, from byte `from` of the span on, so the caret points at the phone
/// number rather than the whole text.
fn narrow(
    source: &crate::source::SourceFile,
    span: &Range<usize>,
    part: &str,
    from: usize,
) -> Range<usize> {
    source
        .text
        .get(span.start + from.min(span.len())..span.end)
        .and_then(|raw| raw.find(part))
        .map(|i| span.start + from + i..span.start + from + i + part.len())
        .unwrap_or_else(|| span.clone())
}

/// Reports every piece of personal data in the entry's texts (every key
/// but `id`) and its answer: an error when the entry is approved for
/// publication, a warning in a draft, nothing when the entry says the
/// person agreed (`consent = true`). What is reported is hidden from every
/// output (see [`crate::content::model::Meta::hidden`]).
fn check_personal_data(f: &mut Fields<'_>, facts: &EntryFacts<'_>, hidden: &mut Vec<Range<usize>>) {
    let consent = f.boolean(CONSENT).is_some_and(|c| c.value);
    if consent {
        return;
    }
    let source = f.source();
    let mut places: Vec<(Range<usize>, Kind, String)> = Vec::new();
    for (_, field) in f.texts_except(&[ID_KEY, CONSENT]) {
        let mut cursor = 0;
        for found in find_all(&field.value) {
            let part = &field.value[found.range.clone()];
            let at = narrow(source, &field.span, part, cursor);
            cursor = at.end.saturating_sub(field.span.start);
            places.push((at, found.kind, part.to_string()));
        }
    }
    for found in find_all(facts.body) {
        let at = facts.body_offset + found.range.start..facts.body_offset + found.range.end;
        places.push((at, found.kind, facts.body[found.range].to_string()));
    }
    for (at, kind, part) in places {
        let d = if facts.published {
            Diagnostic::error(
                "personal-data",
                msg!("personal-data-published", what = kind.name(), part = &part),
            )
        } else {
            Diagnostic::warning(
                "personal-data",
                msg!("personal-data", what = kind.name(), part = &part),
            )
        };
        f.report(
            d.at(source, at.clone())
                .help(msg!("personal-data-help", key = f.display(CONSENT))),
        );
        hidden.push(at);
    }
}

/// Reads the keys of a Q&A entry and checks its answer; `hidden` receives
/// the places of personal data.
pub(super) fn read(
    f: &mut Fields<'_>,
    facts: &EntryFacts<'_>,
    hidden: &mut Vec<Range<usize>>,
) -> Question {
    let question = f.text(QUESTION);
    let asker = f.text(ASKER);
    check_personal_data(f, facts, hidden);
    let asked_date = f.date(ASKED_DATE);
    let answered_date = f.date(ANSWERED_DATE);
    if let (Some(a), Some(r)) = (&asked_date, &answered_date)
        && r.value.date() < a.value.date()
    {
        f.error_at(
            "date-order",
            r.span.clone(),
            msg!(
                "answered-before-asked",
                answered = r.value.dmy(),
                asked = a.value.dmy()
            ),
            msg!("answered-before-asked-help"),
        );
    }
    if facts.body.trim().is_empty() {
        let at = facts.body_offset.saturating_sub(1);
        let d = Diagnostic::error("missing-answer", msg!("missing-answer"))
            .at(f.source(), at.saturating_sub(3)..at)
            .help(msg!("missing-answer-help"));
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
