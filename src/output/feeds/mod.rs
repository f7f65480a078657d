//! Feeds: JSON Feed 1.1 (`feed.json`), RSS 2.0 (`rss.xml`) and Atom 1.0
//! (`atom.xml`), for the whole section and for each category.
//!
//! | path | what |
//! |---|---|
//! | `feed.json`, `rss.xml`, `atom.xml` | the newest `[feeds] limit` entries of the section |
//! | `<category>/feed.json`, `…/rss.xml`, `…/atom.xml` | the newest entries of one category |
//! | `archive/<name>/…`, `<category>/archive/<name>/…` | older entries, RFC 5005 archives named after their month (`2026-03`) or, in busy months, their first day |
//!
//! Only published entries with a date are carried (never drafts, not even
//! in `--drafts` builds; undated pages such as the introduction are in
//! `sync.json` only). How entries are shared between the subscription
//! feed and the archives is [`chain()`]'s business. The subscription feed
//! links to the newest archive (`prev-archive`); each archive links to the
//! subscription feed (`current`) and its neighbours (`prev-archive`,
//! `next-archive`), so every entry is reachable. JSON Feed's `next_url`
//! follows the same chain.

pub mod atom;
pub mod chain;
pub mod doc;
pub mod head;
pub mod item;
pub mod json;
pub mod meta;
pub mod rss;
pub mod xml;

use chrono::NaiveDate;

use crate::category::Category;
use crate::date::Timestamp;
use crate::error::Error;
use crate::render::{Common, Full, Page, Prepared};
use crate::sync::Tombstone;

use super::{Job, RenderContext, Renderer};

pub use chain::{Part, Position, chain};
pub use doc::{Enclosure, FeedDoc, ItemImage, ItemThumbnail, ItemView, JsonItem};
pub use item::FeedItem;

/// File name of the JSON Feed.
pub const JSON_FILE: &str = "feed.json";
/// File name of the RSS feed.
pub const RSS_FILE: &str = "rss.xml";
/// File name of the Atom feed.
pub const ATOM_FILE: &str = "atom.xml";
/// The file of each format, in the order [`FeedDoc::write`] makes them.
pub const FORMATS: [&str; 3] = [JSON_FILE, RSS_FILE, ATOM_FILE];

/// What a feed covers.
#[derive(Debug, Clone, Copy, Hash)]
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
            Scope::Category(c) => crate::routes::category(c),
        }
    }

    /// Site-relative path of the scope's subscription document (`None`) or
    /// of one of its archives, in one format.
    pub fn path(&self, archive: Option<&str>, file: &str) -> String {
        match archive {
            None => format!("{}{file}", self.dir()),
            Some(name) => format!("{}archive/{name}/{file}", self.dir()),
        }
    }
}

/// One feed document before its items are made: what the build loop
/// hashes, then renders in each of the three formats.
#[derive(Debug, Hash)]
pub struct Plan<'p> {
    /// What it covers.
    pub scope: Scope,
    /// Where it sits in the scope's archive chain.
    pub position: Position,
    /// Its pages, newest first (published and dated).
    pub pages: Vec<Full<'p>>,
    /// Deleted entries (subscription feeds only).
    pub tombstones: Vec<Tombstone>,
    /// The newest modification among its pages (or of the section).
    pub updated: Timestamp,
}

impl Plan<'_> {
    /// Feed title.
    pub fn title(&self, p: &Common<'_>) -> String {
        let c = p.config;
        match self.scope {
            Scope::Site => format!("{} – {}", c.title, c.agency.name),
            Scope::Category(cat) => format!("{} – {}", cat.label(c.language), c.agency.name),
        }
    }

    /// Feed description.
    pub fn description(&self, p: &Common<'_>) -> String {
        let c = p.config;
        match self.scope {
            Scope::Site => c.description.clone().unwrap_or_else(|| self.title(p)),
            Scope::Category(cat) => p
                .intros
                .get(cat.key)
                .and_then(|i| i.intro.description.clone())
                .unwrap_or_else(|| self.title(p)),
        }
    }

    /// The document's head, `permalink` making full URLs.
    pub fn head<'h>(
        &'h self,
        p: &'h Common<'_>,
        permalink: &'h dyn Fn(&str) -> String,
    ) -> head::Head<'h> {
        let c = p.config;
        head::Head {
            scope: self.scope,
            position: &self.position,
            id: format!("{}{}", item::tag_prefix(c), self.scope.dir()),
            title: self.title(p),
            description: self.description(p),
            home: p.permalink(&self.scope.dir()),
            lang: c.language,
            base_url: &c.base_url,
            updated: self.updated,
            agency: head::Named {
                name: &c.agency.name,
                url: &c.agency.url,
            },
            province: head::Named {
                name: &c.province.name,
                url: &c.province.url,
            },
            permalink,
        }
    }
}

/// The modification date a page has in feeds: `updated`, else `date`.
fn modified(page: &Page<'_>) -> Option<Timestamp> {
    page.entry.modified()
}

/// Splits a scope's pages (newest first) into the subscription feed and
/// its archives (see the module documentation).
pub fn plans<'p>(
    scope: Scope,
    pages: Vec<&'p Page<'p>>,
    limit: usize,
    tombstones: Vec<Tombstone>,
    fallback: Timestamp,
) -> Vec<Plan<'p>> {
    let updated = |pages: &[&Page<'_>]| {
        pages
            .iter()
            .filter_map(|pg| modified(pg))
            .max()
            .unwrap_or(fallback)
    };
    let mut tombstones = Some(tombstones);
    let published = |pg: &&Page<'_>| pg.entry.date.map_or(NaiveDate::MIN, |d| d.date());
    chain(&pages, limit, published, updated)
        .into_iter()
        .map(|part| Plan {
            scope,
            position: part.position,
            updated: part.updated,
            pages: part.items.into_iter().map(Full).collect(),
            // Tombstones go in the subscription document only (the first).
            tombstones: tombstones.take().unwrap_or_default(),
        })
        .collect()
}

/// Writes every feed.
pub struct Feeds;

impl Renderer for Feeds {
    type View<'p> = Plan<'p>;

    fn name(&self) -> &'static str {
        "feeds"
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<Plan<'p>>>, Error> {
        let pages = item::ordered(&p.pages);
        let tombstones = super::sync::tombstones(p);
        let limit = p.config.feeds.limit;
        let fallback = pages
            .iter()
            .filter_map(|pg| modified(pg))
            .max()
            .unwrap_or_else(|| Timestamp::from_date(p.today));
        let mut docs = plans(
            Scope::Site,
            pages.clone(),
            limit,
            tombstones.clone(),
            fallback,
        );
        for c in p.categories() {
            docs.extend(plans(
                Scope::Category(c),
                pages
                    .iter()
                    .filter(|pg| pg.entry.category.key == c.key)
                    .copied()
                    .collect(),
                limit,
                tombstones
                    .iter()
                    .filter(|t| t.category.as_deref() == Some(c.key))
                    .cloned()
                    .collect(),
                fallback,
            ));
        }
        Ok(docs
            .into_iter()
            .map(|plan| {
                let archive = plan.position.archive.clone();
                Job::files(
                    FORMATS
                        .iter()
                        .map(|file| plan.scope.path(archive.as_deref(), file))
                        .collect(),
                    plan,
                )
            })
            .collect())
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        plan: &Plan<'_>,
        paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        let p = cx.common;
        let mut items: Vec<FeedItem<'_>> = Vec::with_capacity(plan.pages.len());
        for pg in &plan.pages {
            let hashes = super::files::hashes(cx, pg.0)?;
            items.extend(item::item(p, pg.0, &hashes));
        }
        let permalink = |path: &str| p.permalink(path);
        let doc = FeedDoc {
            head: plan.head(p, &permalink),
            items: items.iter().map(FeedItem::view).collect(),
            tombstones: plan.tombstones.iter().collect(),
        };
        doc.write()
            .into_iter()
            .zip(paths)
            .map(|(bytes, path)| bytes.map_err(Error::io(path)))
            .collect()
    }
}

/// Newest published, dated pages of the section (for the embeds).
pub fn newest<'a>(p: &Common<'_>, pages: &'a [Page<'a>], n: usize) -> Vec<FeedItem<'a>> {
    item::ordered(pages)
        .into_iter()
        .take(n)
        .filter_map(|pg| item::item(p, pg, &[]))
        .collect()
}
