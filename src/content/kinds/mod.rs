//! Typed front matter per category kind, one module per kind, each with its
//! keys, its reader and its own small parsers: legal documents (2.1, with
//! document numbers), Q&A (2.4, with personal data), activities (2.3),
//! dialogues (2.5), materials (2.6, with YouTube ids and WebVTT captions),
//! the directory. Each reader checks its keys and reports precise, fixable
//! errors.

mod activity;
mod dialogue;
mod directory;
mod document;
mod material;
mod question;

pub use activity::ACTIVITY_FORMS;
pub use document::{
    DOCUMENT_TYPES, NumberProblem, VALIDITIES, check_document_number, suggest_document_number,
};
pub use material::{MATERIAL_KINDS, webvtt_cues, youtube_id};
pub use question::{
    Found as PersonalData, Kind as PersonalDataKind, find_all as find_personal_data, personal_data,
};

use std::ops::Range;

use crate::category::{CATEGORIES, Category, Kind};
use crate::date::Timestamp;
use crate::fields::{Fields, Key};
use crate::i18n::Message;
use crate::msg;

use super::entry::BundleFile;
use super::model::Meta;

/// Facts about the entry that typed readers need besides its keys.
pub struct EntryFacts<'a> {
    /// The entry's title.
    pub title: &'a str,
    /// Where the title's value is in the source, when it was given.
    pub title_span: Option<Range<usize>>,
    /// The entry's date.
    pub date: Option<Timestamp>,
    /// The Markdown body.
    pub body: &'a str,
    /// Byte offset of the body in the source.
    pub body_offset: usize,
    /// Files of the bundle, when the entry is a bundle.
    pub bundle_files: Option<&'a [BundleFile]>,
    /// Whether the entry is approved for publication (`status = "approved"`).
    pub published: bool,
}

// Keys shared by several kinds.
const FIELD: Key = Key::new("field", "linh_vuc");
const HELD_ON: Key = Key::new("held_on", "ngay_to_chuc");
const PLACE: Key = Key::new("place", "dia_diem");
const PARTICIPANTS: Key = Key::new("participants", "so_nguoi_tham_du");

fn keys_of(kind: Kind) -> &'static [Key] {
    match kind {
        Kind::Document | Kind::DocumentOptional | Kind::Statistics => document::KEYS,
        Kind::Question => question::KEYS,
        Kind::Activity => activity::KEYS,
        Kind::Dialogue => dialogue::KEYS,
        Kind::Material => material::KEYS,
        Kind::Directory => directory::KEYS,
        Kind::Article | Kind::Page => &[],
    }
}

/// For an unknown key: if another category accepts it, say which.
pub fn where_valid(key: &str, here: &Category) -> Option<Message> {
    let cats: Vec<&str> = CATEGORIES
        .iter()
        .filter(|c| c.key != here.key)
        .filter(|c| {
            keys_of(c.kind)
                .iter()
                .any(|k| k.name == key || k.alias == key)
        })
        .map(|c| c.key)
        .collect();
    (!cats.is_empty()).then(|| {
        msg!(
            "key-only-in",
            key = key,
            categories = cats.join(", "),
            here = here.key
        )
    })
}

/// Reads the typed keys of `category` from `f`.
pub fn read(category: &Category, f: &mut Fields<'_>, facts: &EntryFacts<'_>) -> Meta {
    let mut meta = Meta::default();
    match category.kind {
        Kind::Document => meta.document = Some(Box::new(document::read(f, true))),
        Kind::DocumentOptional | Kind::Statistics => {
            let d = document::read(f, false);
            meta.document = (!d.is_empty()).then(|| Box::new(d));
        }
        Kind::Question => {
            meta.question = Some(Box::new(question::read(f, facts, &mut meta.hidden)));
        }
        Kind::Activity => meta.activity = Some(Box::new(activity::read(f, facts))),
        Kind::Dialogue => meta.dialogue = Some(Box::new(dialogue::read(f))),
        Kind::Material => meta.material = Some(Box::new(material::read(f, facts))),
        Kind::Directory => meta.contacts = directory::read(f),
        Kind::Article | Kind::Page => {}
    }
    meta
}
