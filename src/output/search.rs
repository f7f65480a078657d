//! The search page (`tim-kiem/`) and its sharded index (`tim-kiem/i/`,
//! format in [`crate::search`]): every published entry, its whole text,
//! searchable with or without diacritics, by document number, filtered by
//! category, document type, year and field.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use serde::Serialize;
use xxhash_rust::xxh3::Xxh3;

use crate::category::CATEGORIES;
use crate::content::kinds::DOCUMENT_TYPES;
use crate::content::model::Entry;
use crate::error::Error;
use crate::render::{Common, Page, Prepared};
use crate::routes;
use crate::search::{self, Card, Doc, Facet, Field};
use crate::text::slugify;

use super::{Emit, Job, RenderContext, Renderer};

pub use crate::routes::{SEARCH_INDEX_DIR, SEARCH_PATH};

/// The entry as the index reads it.
fn doc<'p>(p: &Common<'_>, page: &'p Page<'p>) -> Doc<'p> {
    let e = page.entry;
    let mut fields: Vec<(Field, Cow<'p, str>)> = vec![(Field::Title, Cow::Borrowed(&e.title))];
    let meta = |fields: &mut Vec<(Field, Cow<'p, str>)>, text: Option<&'p str>| {
        if let Some(t) = text.filter(|t| !t.is_empty()) {
            fields.push((Field::Meta, Cow::Borrowed(t)));
        }
    };
    let m = &e.meta;
    if let Some(d) = &m.document {
        if let Some(n) = &d.number {
            fields.push((Field::Number, Cow::Borrowed(n)));
        }
        meta(&mut fields, d.document_type);
        meta(&mut fields, d.issuer.as_deref());
        meta(&mut fields, d.signer.as_deref());
        meta(&mut fields, d.field.as_deref());
    }
    if let Some(q) = &m.question {
        if q.question != e.title {
            fields.push((Field::Question, Cow::Borrowed(&q.question)));
        }
        meta(&mut fields, q.answered_by.as_deref());
        meta(&mut fields, q.field.as_deref());
    }
    if let Some(a) = &m.activity {
        meta(&mut fields, a.place.as_deref());
        meta(&mut fields, a.form);
        meta(&mut fields, a.audience.as_deref());
        meta(&mut fields, a.organizer.as_deref());
        meta(&mut fields, a.field.as_deref());
        for r in &a.reporters {
            meta(&mut fields, Some(r));
        }
    }
    if let Some(d) = &m.dialogue {
        meta(&mut fields, d.place.as_deref());
        meta(&mut fields, d.topic.as_deref());
        meta(&mut fields, d.chair.as_deref());
        meta(&mut fields, d.attendees.as_deref());
        meta(&mut fields, d.outcome.as_deref());
    }
    if let Some(mt) = &m.material {
        meta(&mut fields, mt.kind);
        meta(&mut fields, mt.field.as_deref());
    }
    for c in &m.contacts {
        meta(&mut fields, Some(&c.name));
        meta(&mut fields, c.position.as_deref());
        meta(&mut fields, c.unit.as_deref());
    }
    if !page.summary.is_empty() {
        fields.push((Field::Summary, Cow::Borrowed(&page.summary)));
    }
    for t in &e.tags {
        fields.push((Field::Tag, Cow::Borrowed(t)));
    }
    for a in &e.attachments {
        fields.push((Field::Attachment, Cow::Borrowed(&a.title)));
    }
    // The transcript of a material's captions is part of its text.
    let transcript = m.material.as_ref().map(|mt| &mt.media.transcript);
    let body = match transcript.filter(|t| !t.is_empty()) {
        Some(lines) => Cow::Owned(format!("{}\n{}", page.text(), lines.join("\n"))),
        None => Cow::Borrowed(page.text()),
    };
    let lang = p.config.language;
    Doc {
        fields,
        body,
        facets: facets(e, lang),
        card: Card {
            t: Cow::Borrowed(&e.title),
            u: Cow::Borrowed(&page.url),
            c: Cow::Borrowed(e.category.label(lang)),
            d: e.date.map(|d| d.dmy()),
            n: m.document
                .as_ref()
                .and_then(|d| d.number.as_deref())
                .map(Cow::Borrowed),
            s: Cow::Borrowed(&page.summary),
            // 160 px WebP on ordinary screens, 320 px on sharp ones: ten
            // results with photos cost ~25 KB of pictures, not ~60 KB
            // (browsers without WebP take the 320 px JPEG).
            i: page
                .image
                .as_ref()
                .map(|i| Cow::Borrowed(i.small.src.as_str())),
            w: page
                .image
                .as_ref()
                .map(|i| Cow::Borrowed(i.small_webp.src.as_str())),
            i2: page
                .image
                .as_ref()
                .filter(|i| i.thumb.src != i.small.src)
                .map(|i| Cow::Borrowed(i.thumb.src.as_str())),
            w2: page
                .image
                .as_ref()
                .filter(|i| i.thumb_webp.src != i.small_webp.src)
                .map(|i| Cow::Borrowed(i.thumb_webp.src.as_str())),
        },
    }
}

/// The filters an entry is in: its category, its document type, its year
/// (of issue for a document, else of publication) and its field.
fn facets(e: &Entry, lang: crate::i18n::Lang) -> Vec<Facet> {
    let mut out = vec![Facet {
        dimension: 'c',
        value: e.category.key.to_string(),
        label: e.category.label(lang).to_string(),
        rank: e.category.index() as i64,
    }];
    let m = &e.meta;
    let doc = m.document.as_ref();
    if let Some(t) = doc.and_then(|d| d.document_type) {
        out.push(Facet {
            dimension: 't',
            value: slugify(t),
            label: t.to_string(),
            rank: DOCUMENT_TYPES.iter().position(|d| *d == t).unwrap_or(0) as i64,
        });
    }
    let year = doc.and_then(|d| d.issue_date).or(e.date).map(|d| d.year());
    if let Some(y) = year {
        out.push(Facet {
            dimension: 'y',
            value: y.to_string(),
            label: y.to_string(),
            rank: -i64::from(y),
        });
    }
    let field = doc
        .and_then(|d| d.field.as_deref())
        .or(m.question.as_ref().and_then(|q| q.field.as_deref()))
        .or(m.activity.as_ref().and_then(|a| a.field.as_deref()))
        .or(m.material.as_ref().and_then(|mt| mt.field.as_deref()));
    if let Some(f) = field.map(str::trim).filter(|f| !f.is_empty()) {
        out.push(Facet {
            dimension: 'l',
            value: slugify(f),
            label: f.to_string(),
            rank: 0,
        });
    }
    out
}

/// The search page's script as served: the client
/// ([`search::client_script`]) minified, in a file of the index's
/// directory named by the hash of its bytes.
#[derive(Debug)]
pub struct ClientFile {
    /// Its path in the output (`tim-kiem/i/search.<hash>.js`).
    pub path: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The search page's script, made once per run. A separate file, not a
/// script in the page: browsers and CDNs keep it across queries, pages
/// and builds (its name changes only when its bytes do), and a site may
/// forbid inline scripts in its Content-Security-Policy.
pub fn client_file() -> &'static ClientFile {
    static FILE: std::sync::LazyLock<ClientFile> = std::sync::LazyLock::new(|| {
        let bytes = super::minify::script(search::client_script());
        let hash = xxhash_rust::xxh3::xxh3_64(&bytes) as u32;
        ClientFile {
            path: format!("{SEARCH_INDEX_DIR}search.{hash:08x}.js"),
            bytes,
        }
    });
    &FILE
}

/// Writes the search page and its index.
pub struct Search;

/// The search page and its index, or the client's file.
#[derive(Debug)]
pub enum SearchView<'p> {
    /// The client script's file ([`client_file`]).
    Client(&'static [u8]),
    /// The search page and the files of its index, made together: the
    /// index's files are named after their contents, and the page carries
    /// their names (the manifest). Hashed as what the index reads, so a
    /// build in which no entry's searchable text changed builds no index.
    Index {
        /// The entries, oldest first (a new entry takes the next number).
        docs: Vec<Doc<'p>>,
        /// Address of the index's directory.
        root: String,
        /// The client's path ([`client_file`]).
        client: &'static str,
        /// Where to browse without JavaScript.
        browse: Vec<BrowseGroup>,
    },
}

impl Hash for SearchView<'_> {
    /// The index's view holds the text of every entry: its documents are
    /// hashed in parallel, in chunks, and the chunks' digests in order.
    /// (Hashed on one core, they were the longest stretch of a no-op
    /// rebuild with one core idle.)
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            SearchView::Client(bytes) => {
                state.write_u8(0);
                bytes.hash(state);
            }
            SearchView::Index {
                docs,
                root,
                client,
                browse,
            } => {
                state.write_u8(1);
                let digests: Vec<u64> = docs
                    .par_chunks(64)
                    .map(|chunk| {
                        let mut h = Xxh3::new();
                        chunk.hash(&mut h);
                        h.finish()
                    })
                    .collect();
                digests.hash(state);
                root.hash(state);
                client.hash(state);
                browse.hash(state);
            }
        }
    }
}

/// A filter of the search page (`<select name="loai">`).
#[derive(Debug, Hash, Serialize)]
pub struct FilterView {
    /// The parameter (`muc`, `loai`, `nam`, `linh-vuc`, `co-quan`).
    pub name: &'static str,
    /// Its label.
    pub label: String,
    /// Its values.
    pub options: Vec<OptionView>,
}

/// One value of a filter.
#[derive(Debug, Hash, Serialize)]
pub struct OptionView {
    /// In the address (`quyet-dinh`).
    pub value: String,
    /// As shown (`Quyết định`).
    pub label: String,
}

/// Links for browsing without JavaScript: one category's page, and its
/// pages by document type and by year (on the hub: the list of agencies
/// and each agency's page).
#[derive(Debug, Hash, Serialize)]
pub struct BrowseGroup {
    /// Category label.
    pub label: String,
    /// Its page.
    pub url: String,
    /// Its filter pages.
    pub links: Vec<BrowseLink>,
}

/// A filter page to browse.
#[derive(Debug, Hash, Serialize)]
pub struct BrowseLink {
    /// `Quyết định`, `2025`.
    pub label: String,
    /// Its address.
    pub url: String,
}

/// The filters of the search page, in order: (parameter, dimension in the
/// index, interface string). The hub's index adds agencies.
pub const FILTERS: [(&str, char, &str); 5] = [
    ("muc", 'c', "search_filter_category"),
    ("loai", 't', "search_filter_type"),
    ("nam", 'y', "search_filter_year"),
    ("linh-vuc", 'l', "search_filter_field"),
    ("co-quan", 'a', "search_filter_agency"),
];

/// Builds the index of `docs` into the index's directory: each file goes
/// to `emit` as soon as it is made. Returns the manifest (its root not
/// set). Used by the section and the hub.
pub fn write_index(docs: &[Doc<'_>], emit: &Emit<'_>) -> Result<search::Manifest, Error> {
    search::index::build_into(docs, |f| {
        emit(&format!("{SEARCH_INDEX_DIR}{}", f.path), &f.bytes)
    })
}

/// The filters of a search page from an index's manifest.
pub fn filter_views(manifest: &search::Manifest, t: impl Fn(&str) -> String) -> Vec<FilterView> {
    FILTERS
        .iter()
        .filter_map(|(name, dim, label)| {
            let options = manifest.f.get(dim).filter(|o| o.len() > 1)?;
            Some(FilterView {
                name,
                label: t(label),
                options: options
                    .iter()
                    .map(|(value, label)| OptionView {
                        value: value.clone(),
                        label: label.clone(),
                    })
                    .collect(),
            })
        })
        .collect()
}

/// Where readers without JavaScript can browse instead.
fn browse(p: &Prepared<'_>) -> Vec<BrowseGroup> {
    let lang = p.config.language;
    CATEGORIES
        .iter()
        .filter(|c| p.published().any(|page| page.entry.category.key == c.key))
        .map(|c| BrowseGroup {
            label: c.label(lang).to_string(),
            url: p.url(&routes::category(c)),
            links: super::filters::values(p, c)
                .into_iter()
                .filter(|v| v.pages.iter().any(|l| l.is_published()))
                .map(|v| BrowseLink {
                    url: p.url(&routes::filter_page(c, v.dimension, &v.slug, 1)),
                    label: v.label,
                })
                .collect(),
        })
        .collect()
}

impl Renderer for Search {
    type View<'p> = SearchView<'p>;

    fn name(&self) -> &'static str {
        "search"
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<SearchView<'p>>>, Error> {
        // Oldest first: a new entry takes the next number.
        let mut pages: Vec<&Page<'_>> = p.published().collect();
        pages.sort_by(|a, b| (a.entry.date, &a.url).cmp(&(b.entry.date, &b.url)));
        let client = client_file();
        Ok(vec![
            Job::file(client.path.clone(), SearchView::Client(&client.bytes)),
            Job::page(
                SEARCH_PATH,
                SearchView::Index {
                    // In parallel: a view of every published page, planned
                    // before each build (a no-op too) to be hashed.
                    docs: pages.par_iter().map(|page| doc(p, page)).collect(),
                    root: p.url(SEARCH_INDEX_DIR),
                    client: &client.path,
                    browse: browse(p),
                },
            )
            .naming_files(),
        ])
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        view: &SearchView<'_>,
        paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        // Only the loop's naming jobs make the index (render_named).
        self.render_named(cx, view, paths, &|_, _| Ok(()))
    }

    fn render_named(
        &self,
        cx: &RenderContext<'_>,
        view: &SearchView<'_>,
        _paths: &[String],
        emit: &Emit<'_>,
    ) -> Result<Vec<Vec<u8>>, Error> {
        let p = cx.common;
        match view {
            SearchView::Client(bytes) => Ok(vec![bytes.to_vec()]),
            SearchView::Index {
                docs,
                root,
                client,
                browse,
            } => {
                let mut manifest = write_index(docs, emit)?;
                manifest.r = root.clone();
                let title = p.t("search");
                let mut page = p.page_view("search", title.clone(), SEARCH_PATH, title);
                page.noindex = true;
                let mut ctx = p.base_context(page);
                ctx.insert("search_index", &manifest.to_script_json());
                ctx.insert("search_client", &p.url(client));
                ctx.insert("search_filters", &filter_views(&manifest, |k| p.t(k)));
                ctx.insert("search_browse", browse);
                Ok(vec![cx.page("search.html", &ctx)?])
            }
        }
    }
}
