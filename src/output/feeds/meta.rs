//! The typed metadata of an entry as feeds and `sync.json` publish it
//! (`_pbgdpl.meta`): the front matter of each category kind with dates as
//! `YYYY-MM-DD` (RFC 3339 when a time was given) and empty keys left out.
//! Schema: `schemas/jsonfeed-pbgdpl.v1.json`, `$defs/meta`.

use serde::Serialize;

use crate::content::model::{Activity, Contact, Dialogue, Document, Entry, Material, Question};
use crate::date::Timestamp;

/// Document metadata (`_pbgdpl.meta.document`).
#[derive(Debug, Clone, Serialize)]
pub struct DocumentOut<'a> {
    /// Number and symbol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<&'a str>,
    /// Type (`Quyết định`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_type: Option<&'static str>,
    /// Issuing body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<&'a str>,
    /// Signer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<&'a str>,
    /// Issue date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<String>,
    /// Effective date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_date: Option<String>,
    /// Validity status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validity: Option<&'static str>,
    /// Field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'a str>,
    /// Link to the national legal-document database.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<&'a str>,
}

/// Question metadata (`_pbgdpl.meta.question`).
#[derive(Debug, Clone, Serialize)]
pub struct QuestionOut<'a> {
    /// The question.
    pub question: &'a str,
    /// Who asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asker: Option<&'a str>,
    /// Date asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asked_date: Option<String>,
    /// Date answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_date: Option<String>,
    /// Answering body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_by: Option<&'a str>,
    /// Field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'a str>,
}

/// Activity metadata (`_pbgdpl.meta.activity`).
#[derive(Debug, Clone, Serialize)]
pub struct ActivityOut<'a> {
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_on: Option<String>,
    /// Place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<&'a str>,
    /// Form (`Hội nghị`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<&'static str>,
    /// Audience.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<&'a str>,
    /// Participants.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<u64>,
    /// Organiser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organizer: Option<&'a str>,
    /// Legal reporters and propagandists.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub reporters: &'a [String],
}

/// Dialogue metadata (`_pbgdpl.meta.dialogue`).
#[derive(Debug, Clone, Serialize)]
pub struct DialogueOut<'a> {
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_on: Option<String>,
    /// Place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<&'a str>,
    /// Topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<&'a str>,
    /// Chair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<&'a str>,
    /// Attendees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendees: Option<&'a str>,
    /// Participants.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<u64>,
    /// Outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<&'a str>,
}

/// Material metadata (`_pbgdpl.meta.material`).
#[derive(Debug, Clone, Serialize)]
pub struct MaterialOut<'a> {
    /// Kind (`Tờ gấp`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// Language of the material, as written.
    pub language: &'a str,
    /// Its BCP 47 tag (`km`, `rad`).
    pub lang: &'a str,
    /// Field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'a str>,
    /// YouTube video id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub youtube: Option<&'a str>,
    /// Whether the page carries a video, audio or PDF of its own.
    pub has_media: bool,
}

/// A directory contact (`_pbgdpl.meta.contacts[]`).
#[derive(Debug, Clone, Serialize)]
pub struct ContactOut<'a> {
    /// Name.
    pub name: &'a str,
    /// Position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<&'a str>,
    /// Unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    /// Office phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<&'a str>,
    /// Office e-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<&'a str>,
}

/// The typed metadata of an entry (`_pbgdpl.meta`); dates are `YYYY-MM-DD`
/// (or RFC 3339 when a time was given).
#[derive(Debug, Clone, Default, Serialize)]
pub struct MetaOut<'a> {
    /// Legal document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentOut<'a>>,
    /// Question and answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<QuestionOut<'a>>,
    /// Activity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<ActivityOut<'a>>,
    /// Dialogue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dialogue: Option<DialogueOut<'a>>,
    /// Material.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub material: Option<MaterialOut<'a>>,
    /// Directory contacts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<ContactOut<'a>>,
}

fn day(t: Option<Timestamp>) -> Option<String> {
    t.map(|t| t.machine())
}

fn document(d: &Document) -> DocumentOut<'_> {
    DocumentOut {
        number: d.number.as_deref(),
        document_type: d.document_type,
        issuer: d.issuer.as_deref(),
        signer: d.signer.as_deref(),
        issue_date: day(d.issue_date),
        effective_date: day(d.effective_date),
        validity: d.validity,
        field: d.field.as_deref(),
        source_url: d.source_url.as_deref(),
    }
}

fn question(q: &Question) -> QuestionOut<'_> {
    QuestionOut {
        question: &q.question,
        asker: q.asker.as_deref(),
        asked_date: day(q.asked_date),
        answered_date: day(q.answered_date),
        answered_by: q.answered_by.as_deref(),
        field: q.field.as_deref(),
    }
}

fn activity(a: &Activity) -> ActivityOut<'_> {
    ActivityOut {
        held_on: day(a.held_on),
        place: a.place.as_deref(),
        form: a.form,
        audience: a.audience.as_deref(),
        participants: a.participants,
        organizer: a.organizer.as_deref(),
        reporters: &a.reporters,
    }
}

fn dialogue(d: &Dialogue) -> DialogueOut<'_> {
    DialogueOut {
        held_on: day(d.held_on),
        place: d.place.as_deref(),
        topic: d.topic.as_deref(),
        chair: d.chair.as_deref(),
        attendees: d.attendees.as_deref(),
        participants: d.participants,
        outcome: d.outcome.as_deref(),
    }
}

fn material(m: &Material) -> MaterialOut<'_> {
    MaterialOut {
        kind: m.kind,
        language: &m.language,
        lang: &m.lang,
        field: m.field.as_deref(),
        youtube: m.media.youtube.as_deref(),
        has_media: m.media.video.is_some() || m.media.audio.is_some() || m.media.pdf.is_some(),
    }
}

fn contact(c: &Contact) -> ContactOut<'_> {
    ContactOut {
        name: &c.name,
        position: c.position.as_deref(),
        unit: c.unit.as_deref(),
        phone: c.phone.as_deref(),
        email: c.email.as_deref(),
    }
}

/// The typed metadata of an entry, as feeds and `sync.json` publish it.
pub fn meta(entry: &Entry) -> MetaOut<'_> {
    let m = &entry.meta;
    MetaOut {
        document: m
            .document
            .as_deref()
            .filter(|d| !d.is_empty())
            .map(document),
        question: m.question.as_deref().map(question),
        activity: m.activity.as_deref().map(activity),
        dialogue: m.dialogue.as_deref().map(dialogue),
        material: m.material.as_deref().map(material),
        contacts: m.contacts.iter().map(contact).collect(),
    }
}
