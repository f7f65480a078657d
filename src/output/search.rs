//! Diacritic-insensitive search without a server: `search-index.json`
//! holds every published entry's title, summary and the start of its text,
//! folded (`đất đai` → `dat dai`), and the search page (`tim-kiem/`) folds
//! the query the same way in the browser.

use serde::Serialize;

use crate::error::Error;
use crate::render::{Common, Full, Prepared, truncate};
use crate::text::fold;

use super::{Job, RenderContext, Renderer};

pub use crate::routes::{INDEX_PATH, SEARCH_PATH};

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

fn doc<'a>(p: &Common<'_>, page: &'a Full<'_>) -> Doc<'a> {
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
        c: e.category.label(p.config.language),
        d: e.date.map(|d| d.dmy()),
        s: &page.summary,
        k: fold(&text),
    }
}

/// Writes the search index and page.
pub struct Search;

/// The search index (every published entry) or the search page.
#[derive(Debug, Hash)]
pub enum SearchView<'p> {
    /// `search-index.json`.
    Index(Vec<Full<'p>>),
    /// The search page.
    Page,
}

impl Renderer for Search {
    type View<'p> = SearchView<'p>;

    fn name(&self) -> &'static str {
        "search"
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<SearchView<'p>>>, Error> {
        Ok(vec![
            Job::file(
                INDEX_PATH,
                SearchView::Index(p.published().map(Full).collect()),
            ),
            Job::page(SEARCH_PATH, SearchView::Page),
        ])
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        view: &SearchView<'_>,
        _paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        let p = cx.common;
        match view {
            SearchView::Index(pages) => {
                // Each entry's JSON, kept between builds of `serve`; the
                // same bytes as serializing the list at once.
                let pieces = pages
                    .iter()
                    .map(|page| {
                        cx.piece(page, |page| {
                            serde_json::to_vec(&doc(p, page)).map_err(|source| Error::Json {
                                what: INDEX_PATH.to_string(),
                                source,
                            })
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let len = pieces.iter().map(|piece| piece.len() + 1).sum::<usize>();
                let mut json = Vec::with_capacity(len + 2);
                json.push(b'[');
                for (i, piece) in pieces.iter().enumerate() {
                    if i > 0 {
                        json.push(b',');
                    }
                    json.extend_from_slice(piece);
                }
                json.push(b']');
                Ok(vec![json])
            }
            SearchView::Page => {
                let title = p.t("search");
                let mut page = p.page_view("search", title.clone(), SEARCH_PATH, title);
                page.noindex = true;
                let mut ctx = p.base_context(page);
                ctx.insert("index_url", &p.url(INDEX_PATH));
                Ok(vec![cx.page("search.html", &ctx)?])
            }
        }
    }
}
