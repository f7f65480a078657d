//! The hub's combined feeds: JSON Feed 1.1, Atom 1.0 and RSS 2.0, for all
//! agencies and per category, newest first, with RFC 5005 archives named
//! after their month exactly like an agency's (see [`crate::output::feeds`]).
//! Items are the agencies' own JSON Feed items, unchanged: the same global
//! ids, URLs on the agencies' sites and `_pbgdpl` metadata. In Atom each
//! entry carries `xml:base` = its page, so the root-relative links of its
//! content resolve against the agency's site; RSS, which has no
//! `xml:base`, gets them made absolute. Each format is written by the
//! section's own writer ([`crate::output::feeds::FeedDoc`]); this module
//! only makes the documents and their items.

use serde_json::Value;

use crate::category::CATEGORIES;
use crate::date::Timestamp;
use crate::error::Error;
use crate::output::feeds::item::tag_prefix_of;
use crate::output::feeds::{
    Enclosure, FORMATS, FeedDoc, ItemImage, ItemThumbnail, ItemView, JsonItem, Position, Scope,
    chain, head,
};
use crate::output::{Job, RenderContext, Renderer};
use crate::sync::Tombstone;

use super::{Hub, HubCommon, HubItem, HubSite};

/// One document of the combined feeds (in every format): the view of a
/// job of [`Feeds`].
#[derive(Hash)]
pub struct Doc<'h, 'a> {
    pub(super) scope: Scope,
    pub(super) position: Position,
    pub(super) items: Vec<&'h HubItem<'a>>,
    pub(super) tombstones: Vec<&'h Tombstone>,
    pub(super) updated: Timestamp,
}

impl<'h> Doc<'h, '_> {
    fn path(&self, file: &str) -> String {
        self.scope.path(self.position.archive.as_deref(), file)
    }

    /// The document every format writes, `permalink` making full URLs.
    fn feed(
        &'h self,
        hub: &'h HubCommon<'_>,
        permalink: &'h dyn Fn(&str) -> String,
    ) -> FeedDoc<'h> {
        FeedDoc {
            head: self.head(hub, permalink),
            items: self.items.iter().map(|i| i.view()).collect(),
            tombstones: self.tombstones.clone(),
        }
    }

    fn title(&self, hub: &HubCommon<'_>) -> String {
        let c = &hub.config.hub;
        match self.scope {
            Scope::Site => c.title.clone(),
            Scope::Category(cat) => format!("{} – {}", cat.label(c.language), c.title),
        }
    }

    fn description(&self, hub: &HubCommon<'_>) -> String {
        match self.scope {
            Scope::Site => hub
                .config
                .hub
                .description
                .clone()
                .unwrap_or_else(|| self.title(hub)),
            Scope::Category(_) => self.title(hub),
        }
    }

    /// The document's head, `permalink` making full URLs.
    fn head(
        &'h self,
        hub: &'h HubCommon<'_>,
        permalink: &'h dyn Fn(&str) -> String,
    ) -> head::Head<'h> {
        let c = &hub.config.hub;
        head::Head {
            scope: self.scope,
            position: &self.position,
            id: format!("{}{}", tag_prefix_of(&c.base_url), self.scope.dir()),
            title: self.title(hub),
            description: self.description(hub),
            home: hub.permalink(&self.scope.dir()),
            lang: c.language,
            base_url: &c.base_url,
            updated: self.updated,
            agency: head::Named {
                name: &c.agency.name,
                url: &c.agency.url,
            },
            province: head::Named {
                name: &c.title,
                url: &c.base_url,
            },
            permalink,
        }
    }
}

fn documents<'h, 'a>(
    hub: &'h Hub<'a>,
    scope: Scope,
    items: Vec<&'h HubItem<'a>>,
    tombstones: Vec<&'h Tombstone>,
    fallback: Timestamp,
) -> Vec<Doc<'h, 'a>> {
    let updated =
        |items: &[&HubItem<'_>]| items.iter().map(|i| i.modified).max().unwrap_or(fallback);
    let mut tombstones = Some(tombstones);
    let published = |i: &&HubItem<'_>| i.published.date();
    chain(&items, hub.input.config.hub.feed_limit, published, updated)
        .into_iter()
        .map(|part| Doc {
            scope,
            position: part.position,
            updated: part.updated,
            items: part.items,
            // Tombstones go in the subscription document only (the first).
            tombstones: tombstones.take().unwrap_or_default(),
        })
        .collect()
}

/// The combined feeds: one job per document, writing it in every format.
pub struct Feeds;

impl Renderer<HubSite> for Feeds {
    type View<'p> = Doc<'p, 'p>;

    fn name(&self) -> &'static str {
        "feeds"
    }

    fn jobs<'p>(&'p self, hub: &'p Hub<'p>) -> Result<Vec<Job<Doc<'p, 'p>>>, Error> {
        let fallback = hub
            .items
            .iter()
            .map(|i| i.modified)
            .max()
            .unwrap_or_else(|| Timestamp::from_date(hub.input.now.date()));
        let mut docs = documents(
            hub,
            Scope::Site,
            hub.items.iter().collect(),
            hub.tombstones.iter().collect(),
            fallback,
        );
        for c in CATEGORIES.iter() {
            docs.extend(documents(
                hub,
                Scope::Category(c),
                hub.items
                    .iter()
                    .filter(|i| i.category.key == c.key)
                    .collect(),
                hub.tombstones
                    .iter()
                    .filter(|t| t.category.as_deref() == Some(c.key))
                    .collect(),
                fallback,
            ));
        }
        Ok(docs
            .into_iter()
            .map(|doc| Job::files(FORMATS.iter().map(|file| doc.path(file)).collect(), doc))
            .collect())
    }

    fn render(
        &self,
        cx: &RenderContext<'_, HubSite>,
        doc: &Doc<'_, '_>,
        paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        let permalink = |path: &str| cx.permalink(path);
        doc.feed(cx.common, &permalink)
            .write()
            .into_iter()
            .zip(paths)
            .map(|(bytes, path)| bytes.map_err(Error::io(path)))
            .collect()
    }
}

/// The position of an item's main file among its attachments, as the
/// section chose it (`Entry::main_file`): the audio, else the video, else
/// the PDF of `[media]`, else the first attachment; for a section of
/// format 1.0 (no roles), its first file. Only files every feed format
/// keeps (url and type given) are counted.
fn main_file(item: &Value) -> Option<usize> {
    let files: Vec<&Value> = item
        .get("attachments")
        .and_then(Value::as_array)?
        .iter()
        .filter(|a| a.get("url").is_some_and(Value::is_string))
        .filter(|a| a.get("mime_type").is_some_and(Value::is_string))
        .collect();
    let roles: Vec<Option<&str>> = files
        .iter()
        .map(|a| a.pointer("/_pbgdpl/role").and_then(Value::as_str))
        .collect();
    if roles.iter().all(Option::is_none) {
        return (!files.is_empty()).then_some(0);
    }
    ["audio", "video", "pdf", "attachment"]
        .iter()
        .find_map(|role| roles.iter().position(|r| *r == Some(*role)))
}

/// The thumbnail of an agency's featured photo that Media RSS names: the
/// first JPEG or PNG of its `thumbnails` (admitted by `accept` as copies
/// of the agency's own section, with their size), as the section chose it.
fn thumbnail(image: &Value) -> Option<ItemThumbnail<'_>> {
    image
        .get("thumbnails")?
        .as_array()?
        .iter()
        .filter(|t| {
            t.get("mime_type")
                .and_then(Value::as_str)
                .is_some_and(|m| matches!(m, "image/jpeg" | "image/png"))
        })
        .find_map(|t| {
            Some(ItemThumbnail {
                url: t.get("url")?.as_str()?,
                width: t.get("width")?.as_u64()?,
                height: t.get("height")?.as_u64()?,
            })
        })
}

impl<'a> HubItem<'a> {
    /// The item as every feed format reads it: the agency's own item, its
    /// body's links resolving against its page on the agency's site.
    fn view(&self) -> ItemView<'_> {
        let v = self.value;
        let text = |a: &'a Value, key: &str| a.get(key).and_then(Value::as_str);
        let attachments: Vec<Enclosure<'_>> = v
            .get("attachments")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|a| {
                        Some(Enclosure {
                            url: text(a, "url")?,
                            mime_type: text(a, "mime_type")?,
                            title: text(a, "title").unwrap_or(""),
                            size: a.get("size_in_bytes").and_then(Value::as_u64).unwrap_or(0),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        ItemView {
            id: self.id,
            url: self.url,
            title: self.title,
            summary: self.summary,
            published: self.published,
            modified: self.modified,
            category: self.category,
            tags: v
                .get("tags")
                .and_then(Value::as_array)
                .map(|t| t.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default(),
            // RSS's one enclosure: the agency's main file.
            enclosure: main_file(v),
            // The featured photo, as `accept` admitted it (a photo of the
            // agency's section, with its size and description).
            image: v.pointer("/_pbgdpl/image").and_then(|i| {
                Some(ItemImage {
                    url: text(i, "url")?,
                    mime_type: text(i, "mime_type")?,
                    width: i.get("width")?.as_u64()?,
                    height: i.get("height")?.as_u64()?,
                    size: i.get("size_in_bytes")?.as_u64()?,
                    alt: text(i, "alt")?,
                    credit: text(i, "credit"),
                    thumbnail: thumbnail(i),
                })
            }),
            attachments,
            author: v
                .pointer("/authors/0")
                .and_then(|a| Some((text(a, "name")?, text(a, "url")))),
            content_html: self.text("content_html").unwrap_or(""),
            content_base: Some(self.url),
            json: JsonItem::Agency(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{main_file, thumbnail};
    use serde_json::json;

    #[test]
    fn media_rss_takes_the_first_jpeg_or_png_thumbnail_with_its_size() {
        let t = |url: &str, mime: &str| json!({"url": url, "width": 320, "height": 240, "mime_type": mime});
        let image = json!({"thumbnails": [t("a.webp", "image/webp"), t("a.jpg", "image/jpeg")]});
        let got = thumbnail(&image).expect("a thumbnail");
        assert_eq!((got.url, got.width, got.height), ("a.jpg", 320, 240));
        let png = json!({"thumbnails": [t("b.png", "image/png"), t("b.jpg", "image/jpeg")]});
        assert_eq!(thumbnail(&png).map(|t| t.url), Some("b.png"));
        // WebP only, none at all (format 1.3), or without a size: none.
        assert!(thumbnail(&json!({"thumbnails": [t("c.webp", "image/webp")]})).is_none());
        assert!(thumbnail(&json!({"url": "d.jpg"})).is_none());
        let sizeless = json!({"thumbnails": [{"url": "e.jpg", "mime_type": "image/jpeg"}]});
        assert!(thumbnail(&sizeless).is_none());
    }

    #[test]
    fn rss_carries_the_file_the_section_chose() {
        let file = |url: &str, role: Option<&str>| match role {
            Some(r) => {
                json!({"url": url, "mime_type": "x/y", "_pbgdpl": {"sha256": "0", "role": r}})
            }
            None => json!({"url": url, "mime_type": "x/y"}),
        };
        let item = |files: Vec<serde_json::Value>| json!({ "attachments": files });
        let book = item(vec![
            file("a.pdf", Some("attachment")),
            file("c.vtt", Some("captions")),
            file("b.mp3", Some("audio")),
        ]);
        assert_eq!(main_file(&book), Some(2));
        let video = item(vec![
            file("p.jpg", Some("poster")),
            file("v.mp4", Some("video")),
        ]);
        assert_eq!(main_file(&video), Some(1));
        let only_captions = item(vec![file("c.vtt", Some("captions"))]);
        assert_eq!(main_file(&only_captions), None);
        // A section of format 1.0 sends no roles: its first file.
        let old = item(vec![file("a.pdf", None), file("b.mp3", None)]);
        assert_eq!(main_file(&old), Some(0));
        assert_eq!(main_file(&json!({})), None);
    }
}
