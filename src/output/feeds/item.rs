//! The item model shared by every feed format (and by `sync.json` and the
//! embeds): one published entry with its global id, absolute URLs, dates,
//! attachments, and the `_pbgdpl` extension carrying the category, the
//! Decision 471 clause and the typed metadata.
//!
//! ## Global ids
//!
//! Feed item ids must be unique across every agency of a province (the
//! aggregator merges them), permanent, and unchanged when a file is renamed
//! or a title edited. They are RFC 4151 `tag:` URIs built from the host and
//! path of `base_url` and the entry's id:
//!
//! ```text
//! tag:stc.nghean.gov.vn,2019:/pbgdpl/stc-nghean-2026-0023
//! tag:stc.nghean.gov.vn,2019:/pbgdpl/tin-tuc/hoi-nghi-so-ket     (no explicit id)
//! ```
//!
//! The date part is fixed to 2019 (the year of Decision 471/QĐ-TTg) so the
//! id never depends on anything that can be edited. The entry id is its
//! front-matter `id` when given, else `<category>/<slug>`; characters
//! outside RFC 4151's set are percent-encoded.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::category::{Category, Kind};
use crate::config::Config;
use crate::content::model::{Activity, Contact, Dialogue, Document, Entry, Material, Question};
use crate::date::Timestamp;
use crate::render::{Page, Prepared};

/// The date part of every tag URI.
pub const TAG_DATE: &str = "2019";

/// Characters kept as they are in the specific part of a tag URI
/// (RFC 4151 `pchar`, `/`, `?`); everything else is percent-encoded.
const TAG_KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@')
    .remove(b'/');

/// Characters percent-encoded in attachment file names (path segments).
const SEGMENT: &AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// The `tag:` URI prefix of a site (`tag:host,2019:/base/path/`).
pub fn tag_prefix(config: &Config) -> String {
    let (host, path) = match url::Url::parse(&config.base_url) {
        Ok(u) => (
            u.host_str().unwrap_or("localhost").to_string(),
            u.path().to_string(),
        ),
        Err(_) => ("localhost".to_string(), "/".to_string()),
    };
    format!("tag:{host},{TAG_DATE}:{path}")
}

/// The global id of an entry id (see the module documentation).
pub fn global_id(config: &Config, entry_id: &str) -> String {
    format!(
        "{}{}",
        tag_prefix(config),
        utf8_percent_encode(entry_id, TAG_KEEP)
    )
}

/// An attachment as feeds publish it.
#[derive(Debug, Clone, Serialize)]
pub struct FeedAttachment {
    /// Absolute URL.
    pub url: String,
    /// MIME type.
    pub mime_type: String,
    /// Title shown to readers.
    pub title: String,
    /// Size in bytes.
    pub size_in_bytes: u64,
}

/// A JSON Feed author.
#[derive(Debug, Clone, Serialize)]
pub struct Author {
    /// Name.
    pub name: String,
    /// Home page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

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
    /// Language of the material.
    pub language: &'a str,
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
        document: m.document.as_ref().filter(|d| !d.is_empty()).map(document),
        question: m.question.as_ref().map(question),
        activity: m.activity.as_ref().map(activity),
        dialogue: m.dialogue.as_ref().map(dialogue),
        material: m.material.as_ref().map(material),
        contacts: m.contacts.iter().map(contact).collect(),
    }
}

/// The `_pbgdpl` object of a feed item.
#[derive(Debug, Clone, Serialize)]
pub struct ItemExtension<'a> {
    /// The entry's own id (front-matter `id`, or `<category>/<slug>`).
    pub local_id: &'a str,
    /// Whether `local_id` was written in the front matter (and so survives
    /// renaming the file).
    pub id_explicit: bool,
    /// Category key (`van-ban-moi`).
    pub category: &'static str,
    /// Category label in Vietnamese.
    pub category_label: &'static str,
    /// The clause of Decision 471/QĐ-TTg III.2 the category fulfils (`2.1`).
    pub clause: Option<&'static str>,
    /// Whether Decision 471 requires the category.
    pub required: bool,
    /// Kind of content (`document`, `question`…).
    pub kind: Kind,
    /// Typed metadata.
    pub meta: MetaOut<'a>,
}

/// One feed item (serialises as a JSON Feed 1.1 item).
#[derive(Debug, Clone, Serialize)]
pub struct FeedItem<'a> {
    /// Global id (`tag:` URI).
    pub id: String,
    /// Full URL of the entry.
    pub url: &'a str,
    /// Title.
    pub title: &'a str,
    /// Body HTML.
    pub content_html: &'a str,
    /// Summary text.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub summary: &'a str,
    /// `date` (RFC 3339).
    pub date_published: String,
    /// `updated`, else `date` (RFC 3339).
    pub date_modified: String,
    /// Tags.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub tags: &'a [String],
    /// Language code.
    pub language: &'static str,
    /// Attachments.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<FeedAttachment>,
    /// Authors (the entry's author, else the agency).
    pub authors: Vec<Author>,
    /// The pbgdpl extension.
    #[serde(rename = "_pbgdpl")]
    pub ext: ItemExtension<'a>,
    /// The page (for the XML formats).
    #[serde(skip)]
    pub page: &'a Page<'a>,
    /// Publication date.
    #[serde(skip)]
    pub published: Timestamp,
    /// Modification date.
    #[serde(skip)]
    pub modified: Timestamp,
}

impl FeedItem<'_> {
    /// The entry's category.
    pub fn category(&self) -> &'static Category {
        self.page.entry.category
    }
}

/// The absolute URL of a file of an entry's bundle.
pub fn attachment_url(page: &Page<'_>, file: &str) -> String {
    let encoded: Vec<String> = file
        .split('/')
        .map(|s| utf8_percent_encode(s, SEGMENT).to_string())
        .collect();
    format!("{}{}", page.permalink, encoded.join("/"))
}

/// The feed item of a published page; `None` for undated pages
/// (introduction, directory), which feeds leave out.
pub fn item<'a>(p: &Prepared<'_>, page: &'a Page<'a>) -> Option<FeedItem<'a>> {
    let e = page.entry;
    let published = e.date?;
    let modified = e.modified().unwrap_or(published);
    let config = &p.site.config;
    let authors = vec![match &e.editorial.author {
        Some(name) => Author {
            name: name.clone(),
            url: None,
        },
        None => Author {
            name: config.agency.name.clone(),
            url: Some(config.agency.url.clone()),
        },
    }];
    Some(FeedItem {
        id: global_id(config, &e.id),
        url: &page.permalink,
        title: &e.title,
        content_html: &page.html,
        summary: &page.summary,
        date_published: published.rfc3339(),
        date_modified: modified.rfc3339(),
        tags: &e.tags,
        language: config.language.code(),
        attachments: e
            .attachments
            .iter()
            .map(|a| FeedAttachment {
                url: attachment_url(page, &a.file),
                mime_type: a.mime.clone(),
                title: a.title.clone(),
                size_in_bytes: a.size,
            })
            .collect(),
        authors,
        ext: ItemExtension {
            local_id: &e.id,
            id_explicit: e.id_explicit,
            category: e.category.key,
            category_label: e.category.label_vi,
            clause: e.category.clause,
            required: e.category.required,
            kind: e.category.kind,
            meta: meta(e),
        },
        page,
        published,
        modified,
    })
}

/// Every published, dated entry as a feed item, newest first (by `date`;
/// ties broken by title, then slug, then category order).
pub fn items<'a>(p: &Prepared<'_>, pages: &'a [Page<'a>]) -> Vec<FeedItem<'a>> {
    let mut items: Vec<FeedItem<'a>> = pages
        .iter()
        .filter(|pg| pg.is_published())
        .filter_map(|pg| item(p, pg))
        .collect();
    items.sort_by(|a, b| {
        Entry::order(a.page.entry, b.page.entry)
            .then_with(|| a.category().index().cmp(&b.category().index()))
    });
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_uris_keep_paths_and_encode_the_rest() {
        let mut d = crate::diagnostics::Diagnostics::new();
        let src = crate::source::SourceFile::from_text(
            "site.toml",
            "site.toml".into(),
            "title = \"t\"\nbase_url = \"https://portal.example.gov.vn/pbgdpl\"\n[agency]\nname = \"a\"\nurl = \"https://a\"\n[province]\nname = \"p\"\nurl = \"https://p\"\n",
        );
        let c = Config::parse(&src, &mut d).unwrap();
        assert_eq!(
            global_id(&c, "tin-tuc/hoi-nghi"),
            "tag:portal.example.gov.vn,2019:/pbgdpl/tin-tuc/hoi-nghi"
        );
        assert_eq!(
            global_id(&c, "mã số 1#2"),
            "tag:portal.example.gov.vn,2019:/pbgdpl/m%C3%A3%20s%E1%BB%91%201%232"
        );
    }
}
