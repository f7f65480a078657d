//! Diacritic-insensitive search without a server: `search-index.json`
//! holds every published entry's title, summary and the start of its text,
//! folded (`đất đai` → `dat dai`), and the search page (`tim-kiem/`) folds
//! the query the same way in the browser.

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Error;
use crate::fingerprint::Fingerprint;
use crate::render::{Page, Prepared, truncate};
use crate::text::fold;

use super::{RenderContext, Renderer, Sink, minify, write_unless_kept};

/// Where the search page is.
pub const SEARCH_PATH: &str = "tim-kiem/";
/// Where the index is.
pub const INDEX_PATH: &str = "search-index.json";
/// How much of each body is searchable, in characters.
const BODY_CHARS: usize = 600;

/// One searchable entry (short keys keep the index small).
#[derive(Debug, Serialize)]
struct Doc<'a> {
    /// Title.
    t: &'a str,
    /// URL.
    u: &'a str,
    /// Category label.
    c: &'static str,
    /// Date, dd/mm/yyyy.
    d: Option<String>,
    /// Summary.
    s: &'a str,
    /// Folded text to match against.
    k: String,
}

fn doc<'a>(p: &Prepared<'_>, page: &'a Page<'_>) -> Doc<'a> {
    let e = page.entry;
    let mut text = format!("{} {} {}", e.title, page.summary, e.tags.join(" "));
    if let Some(n) = e.meta.document.as_ref().and_then(|d| d.number.as_deref()) {
        text.push(' ');
        text.push_str(n);
    }
    text.push(' ');
    text.push_str(&truncate(page.text(), BODY_CHARS));
    Doc {
        t: &e.title,
        u: &page.url,
        c: e.category.label(p.site.config.language),
        d: e.date.map(|d| d.dmy()),
        s: &page.summary,
        k: fold(&text),
    }
}

/// Writes the search index and page.
pub struct Search;

impl Renderer for Search {
    fn name(&self) -> &'static str {
        "search"
    }

    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error> {
        let p = cx.prepared;
        let published: Vec<&Page<'_>> = p.published().collect();
        let lang = p.site.config.language.code();
        // Each entry's JSON, made again only when the entry changed.
        let pieces: Vec<Arc<Piece>> = published
            .par_iter()
            .map(|page| {
                let key = Fingerprint::new()
                    .number(page.fingerprint)
                    .bytes(lang)
                    .finish();
                cx.memo("search-doc", key, || {
                    let json = serde_json::to_vec(&doc(p, page)).map_err(|source| Error::Json {
                        what: INDEX_PATH.to_string(),
                        source,
                    })?;
                    Ok(Piece {
                        hash: crate::fingerprint::of(&json),
                        json,
                    })
                })
            })
            .collect::<Result<_, _>>()?;
        let key = pieces
            .iter()
            .fold(
                Fingerprint::new().number(pieces.len() as u64),
                |f, piece| f.number(piece.hash),
            )
            .finish();
        // The same bytes as serializing the list of documents at once.
        write_unless_kept(out, INDEX_PATH, key, || {
            let len = pieces
                .iter()
                .map(|piece| piece.json.len() + 1)
                .sum::<usize>();
            let mut json = Vec::with_capacity(len + 2);
            json.push(b'[');
            for (i, piece) in pieces.iter().enumerate() {
                if i > 0 {
                    json.push(b',');
                }
                json.extend_from_slice(&piece.json);
            }
            json.push(b']');
            Ok(json)
        })?;

        let key = Fingerprint::new()
            .number(cx.page_fingerprint())
            .bytes("search")
            .finish();
        write_unless_kept(out, &format!("{SEARCH_PATH}index.html"), key, || {
            let title = p.strings.get("search").cloned().unwrap_or_default();
            let mut page = p.page_view("search", title.clone(), SEARCH_PATH, title);
            page.noindex = true;
            let mut ctx = p.base_context(page);
            ctx.insert("index_url", &p.url(INDEX_PATH));
            Ok(minify::html(&cx.theme.render("search.html", &ctx)?))
        })
    }
}

/// One entry of the index, serialized, and the fingerprint of its bytes.
struct Piece {
    json: Vec<u8>,
    hash: u64,
}
