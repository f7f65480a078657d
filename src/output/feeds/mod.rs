//! Feeds: JSON Feed 1.1 (`feed.json`), RSS 2.0 (`rss.xml`) and Atom 1.0
//! (`atom.xml`), for the whole section and for each category.
//!
//! | path | what |
//! |---|---|
//! | `feed.json`, `rss.xml`, `atom.xml` | the newest `[feeds] limit` entries of the section |
//! | `<category>/feed.json`, `…/rss.xml`, `…/atom.xml` | the newest entries of one category |
//! | `archive/<n>/…`, `<category>/archive/<n>/…` | older entries, RFC 5005 archives |
//!
//! Only published entries with a date are carried (never drafts, not even
//! in `--drafts` builds; undated pages such as the introduction are in
//! `sync.json` only). Archives are numbered from the oldest: archive 1
//! holds the oldest `limit` entries, and the newest archive the entries
//! just older than the subscription feed, so existing archives stay the
//! same as the section grows. The subscription feed links to the newest
//! archive (`prev-archive`); each archive links to the subscription feed
//! (`current`) and its neighbours (`prev-archive`, `next-archive`), so
//! every entry is reachable. JSON Feed's `next_url` follows the same chain.

pub mod atom;
pub mod item;
pub mod json;
pub mod meta;
pub mod rss;
pub mod xml;

use rayon::prelude::*;

use crate::category::Category;
use crate::date::Timestamp;
use crate::error::Error;
use crate::render::Prepared;
use crate::sync::Tombstone;

use super::{RenderContext, Renderer, Sink};

pub use item::FeedItem;

/// File name of the JSON Feed.
pub const JSON_FILE: &str = "feed.json";
/// File name of the RSS feed.
pub const RSS_FILE: &str = "rss.xml";
/// File name of the Atom feed.
pub const ATOM_FILE: &str = "atom.xml";

/// What a feed covers.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// The whole section.
    Site,
    /// One category.
    Category(&'static Category),
}

impl Scope {
    /// Site-relative directory of the scope's feeds (`""`, `tin-tuc/`).
    pub fn dir(&self) -> String {
        match self {
            Scope::Site => String::new(),
            Scope::Category(c) => format!("{}/", c.key),
        }
    }
}

/// One feed document, written in each of the three formats.
#[derive(Debug)]
pub struct FeedDoc<'i, 'a> {
    /// What it covers.
    pub scope: Scope,
    /// `Some(n)` for archive `n` (1 = oldest), `None` for the subscription feed.
    pub archive: Option<usize>,
    /// How many archives the scope has.
    pub archives: usize,
    /// Its items, newest first.
    pub items: Vec<&'i FeedItem<'a>>,
    /// Deleted entries (subscription Atom feeds only).
    pub tombstones: Vec<&'i Tombstone>,
    /// The newest modification among its items (or of the section).
    pub updated: Timestamp,
}

impl FeedDoc<'_, '_> {
    /// Site-relative path of this document in one format.
    pub fn path(&self, file: &str) -> String {
        self.path_of(self.archive, file)
    }

    /// Site-relative path of the subscription document (`None`) or an archive.
    pub fn path_of(&self, archive: Option<usize>, file: &str) -> String {
        match archive {
            None => format!("{}{file}", self.scope.dir()),
            Some(n) => format!("{}archive/{n}/{file}", self.scope.dir()),
        }
    }

    /// The archive just older than this document.
    pub fn prev_archive(&self) -> Option<usize> {
        match self.archive {
            None => (self.archives > 0).then_some(self.archives),
            Some(n) => (n > 1).then(|| n - 1),
        }
    }

    /// The archive just newer than this one (archives only).
    pub fn next_archive(&self) -> Option<usize> {
        self.archive.filter(|n| *n < self.archives).map(|n| n + 1)
    }

    /// Feed title.
    pub fn title(&self, p: &Prepared<'_>) -> String {
        let c = &p.site.config;
        match self.scope {
            Scope::Site => format!("{} – {}", c.title, c.agency.name),
            Scope::Category(cat) => format!("{} – {}", cat.label(c.language), c.agency.name),
        }
    }

    /// Feed description.
    pub fn description(&self, p: &Prepared<'_>) -> String {
        let c = &p.site.config;
        match self.scope {
            Scope::Site => c.description.clone().unwrap_or_else(|| self.title(p)),
            Scope::Category(cat) => p
                .intros
                .get(cat.key)
                .and_then(|i| i.intro.description.clone())
                .unwrap_or_else(|| self.title(p)),
        }
    }

    /// The HTML page the feed describes.
    pub fn home(&self, p: &Prepared<'_>) -> String {
        p.permalink(&self.scope.dir())
    }

    /// The Atom feed id (the same for the subscription feed and its archives).
    pub fn feed_id(&self, p: &Prepared<'_>) -> String {
        format!("{}{}", item::tag_prefix(&p.site.config), self.scope.dir())
    }
}

/// Splits a scope's items (newest first) into the subscription feed and
/// its archives (see the module documentation).
pub fn documents<'i, 'a>(
    scope: Scope,
    items: Vec<&'i FeedItem<'a>>,
    limit: usize,
    tombstones: Vec<&'i Tombstone>,
    fallback: Timestamp,
) -> Vec<FeedDoc<'i, 'a>> {
    let limit = limit.max(1);
    let updated =
        |items: &[&FeedItem<'_>]| items.iter().map(|i| i.modified).max().unwrap_or(fallback);
    let current: Vec<_> = items.iter().take(limit).copied().collect();
    let mut older: Vec<_> = items.iter().skip(limit).copied().collect();
    older.reverse();
    let archives = older.len().div_ceil(limit);
    let mut docs = vec![FeedDoc {
        scope,
        archive: None,
        archives,
        updated: updated(&current),
        items: current,
        tombstones,
    }];
    for (i, chunk) in older.chunks(limit).enumerate() {
        let mut chunk = chunk.to_vec();
        chunk.reverse();
        docs.push(FeedDoc {
            scope,
            archive: Some(i + 1),
            archives,
            updated: updated(&chunk),
            items: chunk,
            tombstones: Vec::new(),
        });
    }
    docs
}

/// Writes every feed.
pub struct Feeds;

impl Renderer for Feeds {
    fn name(&self) -> &'static str {
        "feeds"
    }

    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error> {
        let p = cx.prepared;
        let items = item::items(p, &p.pages);
        let tombstones = super::sync::tombstones(p);
        let limit = p.site.config.feeds.limit;
        let fallback = items
            .iter()
            .map(|i| i.modified)
            .max()
            .unwrap_or_else(|| Timestamp::from_date(p.site.today));
        let mut docs = documents(
            Scope::Site,
            items.iter().collect(),
            limit,
            tombstones.iter().collect(),
            fallback,
        );
        for c in p.categories() {
            docs.extend(documents(
                Scope::Category(c),
                items.iter().filter(|i| i.category().key == c.key).collect(),
                limit,
                tombstones
                    .iter()
                    .filter(|t| t.category.as_deref() == Some(c.key))
                    .collect(),
                fallback,
            ));
        }
        docs.par_iter().try_for_each(|doc| {
            let files: [(&str, std::io::Result<Vec<u8>>); 3] = [
                (JSON_FILE, json::write(p, doc)),
                (RSS_FILE, rss::write(p, doc)),
                (ATOM_FILE, atom::write(p, doc)),
            ];
            for (file, bytes) in files {
                let path = doc.path(file);
                let bytes = bytes.map_err(Error::io(&path))?;
                out.write(&path, &bytes)?;
            }
            Ok(())
        })
    }
}

/// Newest published, dated pages of the section (for the embeds).
pub fn newest<'a>(
    p: &Prepared<'_>,
    pages: &'a [crate::render::Page<'a>],
    n: usize,
) -> Vec<FeedItem<'a>> {
    let mut items = item::items(p, pages);
    items.truncate(n);
    items
}
