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
use crate::fingerprint::Fingerprint;
use crate::output::feeds::{self, ATOM_FILE, JSON_FILE, RSS_FILE};
use crate::render::Page;

use super::{RenderContext, Renderer, Sink, minify, write_unless_kept};

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
    fn name(&self) -> &'static str {
        "embed"
    }

    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error> {
        let p = cx.prepared;
        let lang = p.site.config.language;
        let newest_pages: Vec<&Page<'_>> = feeds::item::ordered(&p.pages)
            .into_iter()
            .take(EMBED_ENTRIES)
            .collect();
        // The embeds show the site (name, menu, strings, feeds) and the
        // newest entries.
        let key = newest_pages
            .iter()
            .fold(
                Fingerprint::new()
                    .number(cx.page_fingerprint())
                    .bytes("embed"),
                |f, pg| f.number(pg.list_fingerprint),
            )
            .finish();
        let mut context = None;
        for name in EMBEDS {
            write_unless_kept(out, name, key, || {
                let ctx = context.get_or_insert_with(|| {
                    let newest: Vec<_> = newest_pages
                        .iter()
                        .filter_map(|pg| feeds::item::item(p, pg))
                        .collect();
                    let view = EmbedView {
                        home: p.permalink(""),
                        categories: p
                            .categories()
                            .iter()
                            .map(|c| CategoryLink {
                                key: c.key,
                                label: c.label(lang),
                                url: p.permalink(&format!("{}/", c.key)),
                                clause: c.clause,
                            })
                            .collect(),
                        entries: newest
                            .iter()
                            .map(|i| EntryLink {
                                title: i.title,
                                url: i.url,
                                dmy: i.published.dmy(),
                                machine: i.published.machine(),
                                category_label: i.category().label(lang),
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
                    ctx
                });
                Ok(minify::html(&cx.theme.render(name, ctx)?))
            })?;
        }
        Ok(())
    }
}
