//! The content model: what an entry is once its front matter has been read
//! and checked. Templates see these types (serialised) as `entry.*`.

use chrono::{DateTime, FixedOffset};
use serde::{Serialize, Serializer, ser::SerializeStruct};

use crate::category::Category;
use crate::date::Timestamp;
use crate::source::SourceFile;

impl Serialize for Timestamp {
    /// Templates get every form they need: `dmy` (15/03/2026), `machine`
    /// (for `<time datetime>`), `rfc3339`, `year`.
    /// A struct, not a map: its keys are static (a template value
    /// allocates a map's keys one by one).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Timestamp", 4)?;
        m.serialize_field("dmy", &self.dmy())?;
        m.serialize_field("machine", &self.machine())?;
        m.serialize_field("rfc3339", &self.rfc3339())?;
        m.serialize_field("year", &self.year())?;
        m.end()
    }
}

/// Where an entry is in the editorial workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Being written.
    Draft,
    /// Waiting for approval.
    Review,
    /// Approved for publication (the default when `status` is absent).
    #[default]
    Approved,
}

/// Whether an entry is public at a given date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Approved, in its publication window.
    Published,
    /// Not approved yet (draft or in review).
    Unapproved,
    /// Approved, but `publish_date` is in the future.
    Scheduled,
    /// Approved, but `expiry_date` has passed.
    Expired,
}

/// Who wrote, edited and approved an entry, and when it may be public.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Editorial {
    /// Workflow status.
    pub status: Status,
    /// Author (`tac_gia`).
    pub author: Option<String>,
    /// Editor (`bien_tap`).
    pub editor: Option<String>,
    /// Approver (`nguoi_duyet`).
    pub approver: Option<String>,
    /// Not public before this date.
    pub publish_date: Option<Timestamp>,
    /// Not public after this date.
    pub expiry_date: Option<Timestamp>,
}

impl Editorial {
    /// Visibility at the instant `now`: `publish_date` and `expiry_date`
    /// count to the minute when they give a time, else from the start of
    /// the publish day to the end of the expiry day, in Vietnam time.
    pub fn visibility(&self, now: DateTime<FixedOffset>) -> Visibility {
        if self.status != Status::Approved {
            Visibility::Unapproved
        } else if self.publish_date.is_some_and(|d| d.starts() > now) {
            Visibility::Scheduled
        } else if self.expiry_date.is_some_and(|d| d.ends() <= now) {
            Visibility::Expired
        } else {
            Visibility::Published
        }
    }
}

/// A downloadable file attached to an entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    /// File name inside the entry's bundle (`toan-van.pdf`).
    pub file: String,
    /// Title shown to readers.
    pub title: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time (nanoseconds since 1970, 0 when unknown), for
    /// `serve` to tell that the file changed.
    #[serde(skip)]
    pub modified: u64,
    /// Human size (`12,3 KB`).
    pub size_label: String,
    /// MIME type.
    pub mime: String,
    /// Short type label (`PDF`, `DOCX`).
    pub kind: String,
    /// What the file is to its entry: a download (`[[attachments]]`), a
    /// file of the `[media]` block, or its featured photo.
    pub role: FileRole,
    /// Where the published bytes are when they are not the bundle's file
    /// `file` itself: a photo is published processed (resized, without
    /// its camera and GPS data), from the image cache. Set by
    /// [`crate::site::Site::process_photos`].
    #[serde(skip)]
    pub stored: Option<Stored>,
}

/// A published file made by pbgdpl (a processed photo's copy in the image
/// cache): where its bytes are, and their SHA-256, known since they were
/// made, so that the feeds and `sync.json` never read the file to hash it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Stored {
    /// The file (in `.pbgdpl-cache/images/`, named after the source's
    /// hash: another photo is another file).
    pub file: std::path::PathBuf,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
}

/// What a file an entry publishes is to it (`_pbgdpl.role` of a feed
/// attachment).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileRole {
    /// A download listed under the entry (`[[attachments]]`).
    #[default]
    Attachment,
    /// The `[media] video` file.
    Video,
    /// The `[media] captions` (WebVTT) file.
    Captions,
    /// The `[media] audio` file.
    Audio,
    /// The `[media] pdf` file shown inline.
    Pdf,
    /// The `[media] poster` image.
    Poster,
    /// The featured photo (`image`), as published and shared: its largest
    /// JPEG or PNG copy (the original, with its metadata, never is).
    Image,
}

impl FileRole {
    /// The name written in feeds (`video`).
    pub fn as_str(self) -> &'static str {
        match self {
            FileRole::Attachment => "attachment",
            FileRole::Video => "video",
            FileRole::Captions => "captions",
            FileRole::Audio => "audio",
            FileRole::Pdf => "pdf",
            FileRole::Poster => "poster",
            FileRole::Image => "image",
        }
    }
}

/// The featured photo of an entry (`image`), a file of its bundle.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Photo {
    /// File name inside the bundle (`anh-hoi-nghi.jpg`).
    pub file: String,
    /// Its description for readers who cannot see it (`image_alt`).
    pub alt: String,
    /// Caption shown under it (`image_caption`).
    pub caption: Option<String>,
    /// Who took it (`image_credit`).
    pub credit: Option<String>,
    /// Where `image` is written, in the entry's file.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
}

/// A picture of an entry's Markdown body that is a file of its bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyImage {
    /// File name inside the bundle.
    pub file: String,
    /// Where the picture is written, in the entry's file.
    pub span: std::ops::Range<usize>,
}

/// The legal document an entry introduces (2.1) or is (plans, guidance).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    /// Number and symbol (`14/2019/QĐ-TTg`).
    pub number: Option<String>,
    /// Type from the closed list (`Quyết định`).
    pub document_type: Option<&'static str>,
    /// Issuing body.
    pub issuer: Option<String>,
    /// Signer.
    pub signer: Option<String>,
    /// Issue date.
    pub issue_date: Option<Timestamp>,
    /// Effective date.
    pub effective_date: Option<Timestamp>,
    /// Validity status.
    pub validity: Option<&'static str>,
    /// Field (lĩnh vực).
    pub field: Option<String>,
    /// Link to the national legal-document database.
    pub source_url: Option<String>,
}

impl Document {
    /// True when no key was given.
    pub fn is_empty(&self) -> bool {
        *self == Document::default()
    }
}

/// A legal question and its answer (2.4). The answer is the entry's body.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Question {
    /// Full question text (defaults to the title).
    pub question: String,
    /// Who asked, without personal data.
    pub asker: Option<String>,
    /// Date asked.
    pub asked_date: Option<Timestamp>,
    /// Date answered.
    pub answered_date: Option<Timestamp>,
    /// Answering body.
    pub answered_by: Option<String>,
    /// Field.
    pub field: Option<String>,
}

/// An activity of the coordination council, reporters or propagandists (2.3).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Activity {
    /// When it was held (defaults to the entry date).
    pub held_on: Option<Timestamp>,
    /// Place.
    pub place: Option<String>,
    /// Form from the closed list (`Hội nghị`).
    pub form: Option<&'static str>,
    /// Audience.
    pub audience: Option<String>,
    /// Number of participants.
    pub participants: Option<u64>,
    /// Organiser.
    pub organizer: Option<String>,
    /// Legal reporters / propagandists involved.
    pub reporters: Vec<String>,
    /// Field of law the activity disseminated (lĩnh vực).
    pub field: Option<String>,
}

/// A policy–law dialogue (2.5).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Dialogue {
    /// When it was held.
    pub held_on: Option<Timestamp>,
    /// Place.
    pub place: Option<String>,
    /// Topic.
    pub topic: Option<String>,
    /// Who chaired.
    pub chair: Option<String>,
    /// Who took part.
    pub attendees: Option<String>,
    /// Number of participants.
    pub participants: Option<u64>,
    /// Outcome.
    pub outcome: Option<String>,
}

/// Media to embed on a material's page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Media {
    /// Local video file in the bundle.
    pub video: Option<String>,
    /// WebVTT captions for the local video.
    pub captions: Option<String>,
    /// YouTube video id (11 characters).
    pub youtube: Option<String>,
    /// Local audio file.
    pub audio: Option<String>,
    /// PDF to show inline.
    pub pdf: Option<String>,
    /// Poster image for the video.
    pub poster: Option<String>,
    /// The text of the captions, cue by cue, shown as the transcript of an
    /// audio file.
    pub transcript: Vec<String>,
}

impl Media {
    /// True when no media is given.
    pub fn is_empty(&self) -> bool {
        *self == Media::default()
    }
}

/// A dissemination material (2.6).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Material {
    /// Kind from the closed list (`Tờ gấp`).
    pub kind: Option<&'static str>,
    /// BCP 47 tag of its language (`vi`, `km`, `rad`…), for `lang`
    /// attributes, caption tracks and feeds.
    pub lang: String,
    /// Language of the material, as written.
    pub language: String,
    /// Field.
    pub field: Option<String>,
    /// Media to embed.
    pub media: Media,
}

/// One contact of the directory.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Contact {
    /// Full name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Unit.
    pub unit: Option<String>,
    /// Office phone.
    pub phone: Option<String>,
    /// Office e-mail.
    pub email: Option<String>,
}

/// The typed front matter of an entry, by category kind. An entry has
/// at most one kind's: each is boxed, so that an entry holds 8 bytes for
/// each of the others, not their whole size (a section holds every entry
/// for the whole build: ~900 bytes less an entry, 45 MB at 50,000).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meta {
    /// Document metadata (van-ban-moi; optional in plans, guidance, notices, statistics).
    pub document: Option<Box<Document>>,
    /// Q&A (hoi-dap).
    pub question: Option<Box<Question>>,
    /// Activity (hoat-dong).
    pub activity: Option<Box<Activity>>,
    /// Dialogue (doi-thoai).
    pub dialogue: Option<Box<Dialogue>>,
    /// Material (tai-lieu).
    pub material: Option<Box<Material>>,
    /// Contacts (danh-ba).
    pub contacts: Vec<Contact>,
    /// Byte ranges of the source file that no output may show: personal
    /// data found in a Q&A without consent. Reading the entry masks them
    /// in its texts and its body.
    #[serde(skip)]
    pub hidden: Vec<std::ops::Range<usize>>,
}

/// One entry of a category.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The file it was read from.
    #[serde(skip)]
    pub source: SourceFile,
    /// Its category.
    pub category: &'static Category,
    /// URL slug (from the file or bundle name).
    pub slug: String,
    /// Directory of the bundle relative to the site root, when the entry is
    /// `…/<slug>/index.md`.
    #[serde(skip)]
    pub bundle_dir: Option<String>,
    /// Stable identifier.
    pub id: String,
    /// Whether `id` was written in the front matter.
    pub id_explicit: bool,
    /// Title.
    pub title: String,
    /// Publication date.
    pub date: Option<Timestamp>,
    /// Last update.
    pub updated: Option<Timestamp>,
    /// Summary.
    pub summary: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Ordering weight.
    pub weight: Option<i64>,
    /// Workflow.
    pub editorial: Editorial,
    /// Attachments, in order.
    pub attachments: Vec<Attachment>,
    /// The files of the `[media]` block that are not also attachments
    /// (video, captions, audio, PDF, poster, in that order).
    pub media_files: Vec<Attachment>,
    /// The featured photo (templates see it processed, as `entry.image`);
    /// boxed, as most entries have none.
    #[serde(skip)]
    pub image: Option<Box<Photo>>,
    /// The pictures of the body that are files of the bundle.
    #[serde(skip)]
    pub body_images: Vec<BodyImage>,
    /// Typed metadata.
    pub meta: Meta,
    /// Byte offset of the Markdown body in `source.text`.
    #[serde(skip)]
    pub body_offset: usize,
    /// Fingerprint of the front matter (everything before the body),
    /// computed once when the file is read: what lists of entries show
    /// comes from it, so rebuilds compare it instead of the text.
    #[serde(skip)]
    pub front_digest: u64,
    /// The placeholders of the templates left in its text, found when the
    /// file was read (only for an approved entry: nothing else is checked).
    #[serde(skip)]
    pub placeholders: Vec<crate::content::placeholders::Found>,
}

impl Entry {
    /// Every file the entry publishes: its attachments, then the files of
    /// its `[media]` block. Feeds list them all and the entry's hash in
    /// `sync.json` covers their bytes.
    pub fn published_files(&self) -> impl Iterator<Item = &Attachment> {
        self.attachments.iter().chain(&self.media_files)
    }

    /// The entry's main media file (RSS allows one enclosure): the audio,
    /// else the video, else the PDF of its `[media]` block, else its first
    /// attachment.
    pub fn main_file(&self) -> Option<&Attachment> {
        let media = |role: FileRole| {
            let file = self.meta.material.as_ref().and_then(|m| match role {
                FileRole::Audio => m.media.audio.as_deref(),
                FileRole::Video => m.media.video.as_deref(),
                _ => m.media.pdf.as_deref(),
            })?;
            self.published_files().find(|a| a.file == file)
        };
        media(FileRole::Audio)
            .or_else(|| media(FileRole::Video))
            .or_else(|| media(FileRole::Pdf))
            .or_else(|| self.attachments.first())
    }

    /// The Markdown body.
    pub fn body(&self) -> &str {
        self.source.text.get(self.body_offset..).unwrap_or("")
    }

    /// Output path relative to the site root, without a leading slash
    /// (`tin-tuc/hoi-nghi/`).
    pub fn path(&self) -> String {
        format!("{}/{}/", self.category.key, self.slug)
    }

    /// The date used for sorting and feeds: `updated`, else `date`.
    pub fn modified(&self) -> Option<Timestamp> {
        self.updated.or(self.date)
    }

    /// Newest first; undated pages by weight then title.
    pub fn order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
        b.date
            .cmp(&a.date)
            .then(a.weight.unwrap_or(0).cmp(&b.weight.unwrap_or(0)))
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.slug.cmp(&b.slug))
    }
}

/// A category's `_index.md`: an introduction shown above its list.
#[derive(Debug, Clone)]
pub struct Intro {
    /// The file.
    pub source: SourceFile,
    /// Short description (meta description, feed subtitle).
    pub description: Option<String>,
    /// Byte offset of the Markdown body.
    pub body_offset: usize,
}

impl Intro {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        self.source.text.get(self.body_offset..).unwrap_or("")
    }
}

/// A statistics data table (`content/thong-ke/<name>.toml`).
#[derive(Debug, Clone, Hash, Serialize)]
pub struct DataTable {
    /// Slug (file name).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Column headers.
    pub columns: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
    /// The file, relative to the site root.
    #[serde(skip)]
    pub file: String,
}

/// A file copied to the output as is (static files, bundle assets).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Asset {
    /// Path on disk.
    pub source: std::path::PathBuf,
    /// Output path relative to the site root.
    pub dest: String,
    /// The size of a source that never changes once written — a processed
    /// photo in the image cache, whose name is the hash of what it was made
    /// from: it is kept without a `stat` of it, checked (its size) only
    /// when published, and then shared with the output (a hard link,
    /// [`Sink::share`](crate::output::Sink::share)) rather than copied.
    /// `None` for the files of the content, which may change between
    /// builds and are copied.
    pub fixed_size: Option<u64>,
    /// The size and modification time (nanoseconds since 1970) the
    /// content walk read for a file of an entry's folder, so that the
    /// photo stage does not ask again. `None` elsewhere.
    pub walked: Option<(u64, u64)>,
}
