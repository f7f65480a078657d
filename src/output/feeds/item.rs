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
use crate::content::model::Entry;
use crate::date::Timestamp;
use crate::render::{Common, Page};

pub use super::meta::{MetaOut, meta};

use super::doc::{Enclosure, ItemImage, ItemThumbnail, ItemView, JsonItem};

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

/// The `tag:` URI prefix of a site (`tag:host,2019:/base/path/`).
pub fn tag_prefix(config: &Config) -> String {
    tag_prefix_of(&config.base_url)
}

/// The `tag:` URI prefix of the section published at `base_url`: every
/// global id of that section starts with it. A port other than the
/// scheme's default is kept, at the start of the specific part
/// (`tag:127.0.0.1,2019::8080/pbgdpl/`): RFC 4151 allows no port in the
/// authority, and two sections on one host but different ports are two
/// sections.
pub fn tag_prefix_of(base_url: &str) -> String {
    let (host, port, path) = match url::Url::parse(base_url) {
        Ok(u) => (
            u.host_str().unwrap_or("localhost").to_string(),
            u.port().map(|p| format!(":{p}")).unwrap_or_default(),
            u.path().to_string(),
        ),
        Err(_) => ("localhost".to_string(), String::new(), "/".to_string()),
    };
    format!("tag:{host},{TAG_DATE}:{port}{path}")
}

/// The global id of an entry id (see the module documentation).
pub fn global_id(config: &Config, entry_id: &str) -> String {
    global_id_under(&tag_prefix(config), entry_id)
}

/// [`global_id`] with the section's [`tag_prefix`] already made (it
/// parses the base URL): for the ids of many entries.
pub fn global_id_under(prefix: &str, entry_id: &str) -> String {
    format!("{prefix}{}", utf8_percent_encode(entry_id, TAG_KEEP))
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
    /// What pbgdpl adds: the file's SHA-256 and role (left out when the
    /// hashes were not asked for, as in the embeds).
    #[serde(rename = "_pbgdpl", skip_serializing_if = "Option::is_none")]
    pub ext: Option<AttachmentExtension>,
}

/// The `_pbgdpl` object of a feed attachment.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentExtension {
    /// SHA-256 (lowercase hex) of the file's bytes.
    pub sha256: String,
    /// What the file is to the entry (`attachment`, `video`, `captions`,
    /// `audio`, `pdf`, `poster`).
    pub role: &'static str,
}

/// The featured photo of an item (`_pbgdpl.image`): the file shared in
/// feeds (the largest JPEG/PNG copy, at most 1280 px wide, without any of
/// the original's metadata) and what a reader needs to show it.
#[derive(Debug, Clone, Serialize)]
pub struct FeedImage<'a> {
    /// Absolute URL.
    pub url: &'a str,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// MIME type (`image/jpeg`, `image/png`).
    pub mime_type: &'static str,
    /// Size in bytes.
    pub size_in_bytes: u64,
    /// What the photo shows (`image_alt`), for blind readers.
    pub alt: &'a str,
    /// Caption (`image_caption`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<&'a str>,
    /// Who took it (`image_credit`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<&'a str>,
    /// The 320 px copy (or the photo's own width when narrower) in each
    /// format, WebP first: for lists of results (the hub's search). A
    /// reader takes the first whose type it can show.
    pub thumbnails: [FeedThumbnail<'a>; 2],
}

/// A thumbnail of a featured photo (`_pbgdpl.image.thumbnails`).
#[derive(Debug, Clone, Serialize)]
pub struct FeedThumbnail<'a> {
    /// Absolute URL.
    pub url: &'a str,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// MIME type (`image/webp`, `image/jpeg`, `image/png`).
    pub mime_type: &'static str,
}

impl<'a> FeedThumbnail<'a> {
    fn of(i: &'a crate::images::markup::ShareImage) -> FeedThumbnail<'a> {
        FeedThumbnail {
            url: &i.url,
            width: i.width,
            height: i.height,
            mime_type: i.mime,
        }
    }
}

impl<'a> FeedImage<'a> {
    /// The thumbnail a reader without WebP shows (Media RSS
    /// `media:thumbnail`): the 320 px JPEG or PNG copy.
    pub fn thumbnail(&self) -> Option<&FeedThumbnail<'a>> {
        self.thumbnails
            .iter()
            .find(|t| matches!(t.mime_type, "image/jpeg" | "image/png"))
    }

    /// The featured photo of `page`, if it has one.
    pub fn of(page: &'a Page<'a>) -> Option<FeedImage<'a>> {
        let (view, photo) = page.image.as_deref().zip(page.entry.image.as_ref())?;
        Some(FeedImage {
            url: &view.share.url,
            width: view.share.width,
            height: view.share.height,
            mime_type: view.share.mime,
            size_in_bytes: view.share.bytes,
            alt: &photo.alt,
            caption: photo.caption.as_deref(),
            credit: photo.credit.as_deref(),
            thumbnails: [
                FeedThumbnail::of(&view.thumb_webp),
                FeedThumbnail::of(&view.thumb),
            ],
        })
    }
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
    /// The featured photo (`image`), with its description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<FeedImage<'a>>,
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
    /// Body HTML: the page's, except that photos are plain `<img>`s
    /// ([`feed_html`]).
    pub content_html: std::borrow::Cow<'a, str>,
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
    /// The featured photo's address (JSON Feed `image`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<&'a str>,
    /// Attachments.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<FeedAttachment>,
    /// Authors (the entry's author, else the agency).
    pub authors: Vec<Author>,
    /// The pbgdpl extension.
    #[serde(rename = "_pbgdpl")]
    pub ext: ItemExtension<'a>,
    /// The index in `attachments` of the main media file (RSS's one
    /// enclosure).
    #[serde(skip)]
    pub main_file: Option<usize>,
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

impl<'a> FeedItem<'a> {
    /// The entry's category.
    pub fn category(&self) -> &'static Category {
        self.page.entry.category
    }

    /// The item as every feed format reads it.
    pub fn view(&'a self) -> ItemView<'a> {
        ItemView {
            id: &self.id,
            url: self.url,
            title: self.title,
            summary: self.summary,
            published: self.published,
            modified: self.modified,
            category: self.category(),
            tags: self.tags.iter().map(String::as_str).collect(),
            attachments: self
                .attachments
                .iter()
                .map(|a| Enclosure {
                    url: &a.url,
                    mime_type: &a.mime_type,
                    title: &a.title,
                    size: a.size_in_bytes,
                })
                .collect(),
            enclosure: self.main_file,
            image: self.ext.image.as_ref().map(|i| ItemImage {
                url: i.url,
                mime_type: i.mime_type,
                width: u64::from(i.width),
                height: u64::from(i.height),
                size: i.size_in_bytes,
                alt: i.alt,
                credit: i.credit,
                thumbnail: i.thumbnail().map(|t| ItemThumbnail {
                    url: t.url,
                    width: u64::from(t.width),
                    height: u64::from(t.height),
                }),
            }),
            author: self
                .page
                .entry
                .editorial
                .author
                .as_deref()
                .map(|name| (name, None)),
            content_html: &self.content_html,
            content_base: None,
            json: JsonItem::Section(self),
        }
    }
}

/// The body as feeds carry it. A page shows its photos as `<picture>`s
/// with every size; a feed reader (and the hub, which sanitises what
/// agencies send exactly as a section's bodies) takes the plain `<img>`
/// inside, so the body of a page with photos is sanitised once more —
/// the hub then passes the item on unchanged.
pub fn feed_html<'a>(page: &'a Page<'a>) -> std::borrow::Cow<'a, str> {
    let html = page.html();
    if page.entry.body_images.is_empty() || !html.contains("<picture") {
        return std::borrow::Cow::Borrowed(html);
    }
    std::borrow::Cow::Owned(crate::render::markdown::sanitize(html))
}

/// The absolute URL of a file of an entry's bundle.
pub fn attachment_url(page: &Page<'_>, file: &str) -> String {
    format!("{}{}", page.permalink, crate::text::path_in_url(file))
}

/// The feed item of a published page; `None` for undated pages
/// (introduction, directory), which feeds leave out. `hashes` are the
/// SHA-256 of the files the entry publishes, in order
/// ([`Entry::published_files`]; see [`crate::output::files`]), or empty
/// to leave them out.
pub fn item<'a>(
    p: &Common<'_>,
    page: &'a Page<'a>,
    hashes: &[std::sync::Arc<String>],
) -> Option<FeedItem<'a>> {
    let e = page.entry;
    let published = e.date?;
    let modified = e.modified().unwrap_or(published);
    let config = p.config;
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
        content_html: feed_html(page),
        summary: &page.summary,
        date_published: published.rfc3339(),
        date_modified: modified.rfc3339(),
        tags: &e.tags,
        language: config.language.code(),
        image: page.image.as_ref().map(|i| i.share.url.as_str()),
        attachments: e
            .published_files()
            .enumerate()
            .map(|(i, a)| FeedAttachment {
                url: attachment_url(page, &a.file),
                mime_type: a.mime.clone(),
                title: a.title.clone(),
                size_in_bytes: a.size,
                ext: hashes
                    .get(i)
                    .filter(|h| !h.is_empty())
                    .map(|h| AttachmentExtension {
                        sha256: String::clone(h),
                        role: a.role.as_str(),
                    }),
            })
            .collect(),
        main_file: e
            .main_file()
            .and_then(|main| e.published_files().position(|a| std::ptr::eq(a, main))),
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
            image: FeedImage::of(page),
        },
        page,
        published,
        modified,
    })
}

/// Every published, dated page, in feed order: newest first (by `date`;
/// ties broken by weight, title, then slug, then category order).
pub fn ordered<'p, 'a>(pages: &'p [Page<'a>]) -> Vec<&'p Page<'a>> {
    let mut pages: Vec<&Page<'a>> = pages
        .iter()
        .filter(|pg| pg.is_published() && pg.entry.date.is_some())
        .collect();
    pages.sort_by(|a, b| {
        Entry::order(a.entry, b.entry)
            .then_with(|| a.entry.category.index().cmp(&b.entry.category.index()))
    });
    pages
}

/// Every published, dated entry as a feed item, in feed order
/// ([`ordered`]).
pub fn items<'a>(p: &Common<'_>, pages: &'a [Page<'a>]) -> Vec<FeedItem<'a>> {
    ordered(pages)
        .into_iter()
        .filter_map(|pg| item(p, pg, &[]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_prefixes_keep_a_port_other_than_the_default() {
        assert_eq!(
            tag_prefix_of("http://127.0.0.1:8080/pbgdpl/"),
            "tag:127.0.0.1,2019::8080/pbgdpl/"
        );
        assert_eq!(
            tag_prefix_of("https://a.example:443/pbgdpl/"),
            "tag:a.example,2019:/pbgdpl/"
        );
        assert_ne!(
            tag_prefix_of("http://127.0.0.1:8001/"),
            tag_prefix_of("http://127.0.0.1:8002/")
        );
    }

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
