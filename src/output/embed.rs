//! Outputs for embedding the section into an agency's existing portal
//! (documented with copy-paste snippets in `docs/embed.md`):
//!
//! | path | what |
//! |---|---|
//! | `embed/section.html` | an HTML fragment (no `html`/`head`/`body`) for server-side include: the banner, the category menu and the newest entries |
//! | `embed/latest.html` | a small standalone page of the newest entries, for an `<iframe>` |
//! | `embed/banner.html` | the uniform provincial banner as a fragment, identical for every agency of a province |
//!
//! Fragments use absolute URLs only (they work wherever they are included)
//! and carry their own CSS, every selector of which starts with the
//! fragment's root element (`#pbgdpl-embed-section.pbgdpl-embed`), so they
//! cannot restyle the host page and keep it valid HTML.

use serde::Serialize;
use tera::Context;

use crate::error::Error;
use crate::output::feeds::{self, ATOM_FILE, JSON_FILE, RSS_FILE};
use crate::render::{Listed, Prepared};

use super::{Job, RenderContext, Renderer};

/// How many entries the embeds list.
pub const EMBED_ENTRIES: usize = 5;

/// The embeds: (output path, template).
pub const EMBEDS: [&str; 3] = [
    "embed/section.html",
    "embed/latest.html",
    "embed/banner.html",
];

/// A category link of the embed menu.
#[derive(Debug, Serialize)]
struct CategoryLink {
    key: &'static str,
    label: &'static str,
    url: String,
    clause: Option<&'static str>,
}

/// An entry of the embed list.
#[derive(Debug, Serialize)]
struct EntryLink<'a> {
    title: &'a str,
    url: &'a str,
    dmy: String,
    machine: String,
    category_label: &'static str,
    /// The featured photo's thumbnail (its 320 px copy, full URL), if
    /// any.
    thumb: Option<&'a crate::images::markup::ShareImage>,
}

/// `embed` in the embed templates (every URL absolute).
#[derive(Debug, Serialize)]
struct EmbedView<'a> {
    home: String,
    categories: Vec<CategoryLink>,
    entries: Vec<EntryLink<'a>>,
    atom: String,
    rss: String,
    json: String,
}

/// Writes the embeds.
pub struct Embeds;

impl Renderer for Embeds {
    /// The newest entries (the rest is the site's).
    type View<'p> = Vec<Listed<'p>>;

    fn name(&self) -> &'static str {
        "embed"
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<Vec<Listed<'p>>>>, Error> {
        let newest = feeds::item::ordered(&p.pages)
            .into_iter()
            .take(EMBED_ENTRIES)
            .map(Listed::new)
            .collect();
        Ok(vec![Job::files(
            EMBEDS.iter().map(|s| s.to_string()).collect(),
            newest,
        )])
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        newest: &Vec<Listed<'_>>,
        paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        let p = cx.common;
        let lang = p.config.language;
        let view = EmbedView {
            home: p.permalink(""),
            categories: p
                .categories()
                .iter()
                .map(|c| CategoryLink {
                    key: c.key,
                    label: c.label(lang),
                    url: p.permalink(&crate::routes::category(c)),
                    clause: c.clause,
                })
                .collect(),
            entries: newest
                .iter()
                .filter_map(|e| {
                    let published = e.entry().date?;
                    Some(EntryLink {
                        title: &e.entry().title,
                        url: e.permalink(),
                        dmy: published.dmy(),
                        machine: published.machine(),
                        category_label: e.entry().category.label(lang),
                        thumb: e.image().map(|i| &i.thumb),
                    })
                })
                .collect(),
            atom: p.permalink(ATOM_FILE),
            rss: p.permalink(RSS_FILE),
            json: p.permalink(JSON_FILE),
        };
        let mut ctx = Context::new();
        ctx.insert("site", &p.site_view());
        ctx.insert("t", &p.strings);
        ctx.insert("embed", &view);
        paths.iter().map(|name| cx.page(name, &ctx)).collect()
    }
}
