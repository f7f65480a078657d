//! One feed document as every format writes it, the same for an agency's
//! section and for the provincial hub: its [`Head`], its items as
//! [`ItemView`]s and its tombstones. JSON Feed ([`super::json`]), Atom
//! ([`super::atom`]) and RSS ([`super::rss`]) are each written once, from
//! this; the section and the hub differ only in how they make the items
//! (`FeedItem::view`, the hub's items from the agencies' JSON Feed items).

use std::io;

use serde::Serialize;
use serde_json::Value;

use crate::category::Category;
use crate::date::Timestamp;
use crate::sync::Tombstone;

use super::head::Head;
use super::item::FeedItem;
use super::{atom, json, rss};

/// An attachment as the XML formats link it.
#[derive(Debug, Clone, Copy)]
pub struct Enclosure<'a> {
    /// Absolute URL.
    pub url: &'a str,
    /// MIME type.
    pub mime_type: &'a str,
    /// Title shown to readers.
    pub title: &'a str,
    /// Size in bytes.
    pub size: u64,
}

/// An item as JSON Feed publishes it: a section's own item, or an
/// agency's item exactly as the agency published it (the hub).
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(untagged)]
pub enum JsonItem<'a> {
    /// An item of this section.
    Section(&'a FeedItem<'a>),
    /// An item of an agency, unchanged.
    Agency(&'a Value),
}

/// A featured photo as the XML formats show it (Media RSS
/// `media:content`): a section's own (`_pbgdpl.image` of its JSON Feed
/// item), or the one an agency published, as the hub admitted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemImage<'a> {
    /// Absolute URL.
    pub url: &'a str,
    /// MIME type.
    pub mime_type: &'a str,
    /// Width in pixels.
    pub width: u64,
    /// Height in pixels.
    pub height: u64,
    /// Size in bytes.
    pub size: u64,
    /// What the photo shows, for readers who cannot see it.
    pub alt: &'a str,
    /// Who took it.
    pub credit: Option<&'a str>,
    /// A small copy for lists of items (Media RSS `media:thumbnail`): the
    /// photo's 320 px JPEG or PNG copy; `None` when the item names none
    /// (a hub item from a section older than format 1.4).
    pub thumbnail: Option<ItemThumbnail<'a>>,
}

/// A small copy of an item's featured photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemThumbnail<'a> {
    /// Absolute URL.
    pub url: &'a str,
    /// Width in pixels.
    pub width: u64,
    /// Height in pixels.
    pub height: u64,
}

/// One item of a feed document, as every format reads it.
#[derive(Debug, Clone)]
pub struct ItemView<'a> {
    /// Global id (`tag:` URI).
    pub id: &'a str,
    /// The entry's page.
    pub url: &'a str,
    /// Title.
    pub title: &'a str,
    /// Summary (may be empty).
    pub summary: &'a str,
    /// Publication date.
    pub published: Timestamp,
    /// Last modification.
    pub modified: Timestamp,
    /// The entry's category.
    pub category: &'static Category,
    /// Tags.
    pub tags: Vec<&'a str>,
    /// Attached files.
    pub attachments: Vec<Enclosure<'a>>,
    /// The index in `attachments` of RSS's one enclosure (the main media
    /// file), if any.
    pub enclosure: Option<usize>,
    /// The featured photo, if any (Media RSS in RSS and Atom).
    pub image: Option<ItemImage<'a>>,
    /// The author Atom names, and their address.
    pub author: Option<(&'a str, Option<&'a str>)>,
    /// Body HTML.
    pub content_html: &'a str,
    /// Set when the body's root-relative links belong to the entry's own
    /// site, not the feed's (the hub's items): Atom gives the entry this
    /// `xml:base`, RSS (which has none) makes such links absolute on it.
    pub content_base: Option<&'a str>,
    /// The item as JSON Feed carries it.
    pub json: JsonItem<'a>,
}

/// One feed document: its head, its items (newest first) and the entries
/// deleted since earlier builds (subscription documents only).
pub struct FeedDoc<'a> {
    /// What the document says about itself.
    pub head: Head<'a>,
    /// Its items, newest first.
    pub items: Vec<ItemView<'a>>,
    /// Deleted entries (Atom `at:deleted-entry`).
    pub tombstones: Vec<&'a Tombstone>,
}

impl FeedDoc<'_> {
    /// The document in each format, in the order JSON Feed, RSS, Atom
    /// ([`super::FORMATS`]).
    pub fn write(&self) -> [io::Result<Vec<u8>>; 3] {
        [json::write(self), rss::write(self), atom::write(self)]
    }
}
