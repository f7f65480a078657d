//! The hub's search index: every dated entry of every agency, in the
//! format of a section's ([`crate::search`]), so the theme's search page
//! works unchanged; filters by agency too.

use std::borrow::Cow;

use serde_json::Value;

use crate::category::CATEGORIES;
use crate::content::kinds::DOCUMENT_TYPES;
use crate::error::Error;
use crate::output::search::{
    BrowseGroup, BrowseLink, SEARCH_INDEX_DIR, SEARCH_PATH, client_file, filter_views, write_index,
};
use crate::output::{Emit, Job, RenderContext, Renderer};
use crate::routes;
use crate::search::{self, Card, Doc, Facet, Field};
use crate::text::slugify;

use super::views::{AGENCIES_PATH, Views};
use super::{Hub, HubItem, HubPage, HubSite};

/// Keys of `_pbgdpl.meta` whose values are no text to search: dates,
/// addresses, files, contact details.
const NOT_TEXT: &[&str] = &[
    "number",
    "question",
    "source_url",
    "issue_date",
    "effective_date",
    "asked_date",
    "answered_date",
    "held_on",
    "language",
    "video",
    "captions",
    "youtube",
    "audio",
    "pdf",
    "poster",
    "transcript",
    "phone",
    "email",
    "participants",
];

/// Every searchable string of `_pbgdpl.meta`.
fn meta_texts<'v>(value: &'v Value, out: &mut Vec<(Field, Cow<'v, str>)>) {
    match value {
        Value::String(s) if !s.is_empty() => out.push((Field::Meta, Cow::Borrowed(s))),
        Value::Array(items) => items.iter().for_each(|v| meta_texts(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                if !NOT_TEXT.contains(&k.as_str()) {
                    meta_texts(v, out);
                }
            }
        }
        _ => {}
    }
}

/// The address of the first thumbnail of the item's photo whose type
/// `wanted` accepts (`accept` admitted them: pictures of the agency's
/// section, as the URL parser writes them).
fn thumbnail<'v>(i: &'v HubItem<'v>, wanted: impl Fn(&str) -> bool) -> Option<Cow<'v, str>> {
    i.value
        .pointer("/_pbgdpl/image/thumbnails")?
        .as_array()?
        .iter()
        .find(|t| {
            t.get("mime_type")
                .and_then(Value::as_str)
                .is_some_and(&wanted)
        })
        .and_then(|t| t.get("url")?.as_str())
        .map(Cow::Borrowed)
}

fn doc<'v>(v: &Views<'_, 'v>, i: &'v HubItem<'v>) -> Doc<'v> {
    let hub = v.hub;
    let agency = &hub.input.agencies[i.agency].source;
    let meta = i.value.pointer("/_pbgdpl/meta");
    let text = |path: &str| {
        meta.and_then(|m| m.pointer(path))
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    let mut fields: Vec<(Field, Cow<'v, str>)> = vec![(Field::Title, Cow::Borrowed(i.title))];
    if let Some(n) = i.number() {
        fields.push((Field::Number, Cow::Borrowed(n)));
    }
    if let Some(q) = text("/question/question").filter(|q| *q != i.title) {
        fields.push((Field::Question, Cow::Borrowed(q)));
    }
    if !i.summary.is_empty() {
        fields.push((Field::Summary, Cow::Borrowed(i.summary)));
    }
    for t in i
        .value
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(t) = t.as_str() {
            fields.push((Field::Tag, Cow::Borrowed(t)));
        }
    }
    if let Some(m) = meta {
        meta_texts(m, &mut fields);
    }
    fields.push((Field::Meta, Cow::Owned(agency.name.clone())));
    let attachments = i.value.get("attachments").and_then(Value::as_array);
    for a in attachments.into_iter().flatten() {
        if let Some(t) = a.get("title").and_then(Value::as_str) {
            fields.push((Field::Attachment, Cow::Borrowed(t)));
        }
    }
    let body = search::html::text(i.text("content_html").unwrap_or(""));
    let category = i.category.label(v.lang);
    let mut facets = vec![
        Facet {
            dimension: 'c',
            value: i.category.key.to_string(),
            label: category.to_string(),
            rank: i.category.index() as i64,
        },
        Facet {
            dimension: 'a',
            value: agency.id.clone(),
            label: agency.name.clone(),
            rank: i.agency as i64,
        },
    ];
    if let Some(t) = text("/document/document_type")
        && let Some(rank) = DOCUMENT_TYPES.iter().position(|d| *d == t)
    {
        facets.push(Facet {
            dimension: 't',
            value: slugify(t),
            label: t.to_string(),
            rank: rank as i64,
        });
    }
    let year = text("/document/issue_date")
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<i32>().ok())
        .unwrap_or(i.published.year());
    facets.push(Facet {
        dimension: 'y',
        value: year.to_string(),
        label: year.to_string(),
        rank: -i64::from(year),
    });
    let field = ["document", "question", "activity", "material"]
        .iter()
        .find_map(|kind| text(&format!("/{kind}/field")));
    if let Some(f) = field.map(str::trim).filter(|f| !f.is_empty()) {
        facets.push(Facet {
            dimension: 'l',
            value: slugify(f),
            label: f.to_string(),
            rank: 0,
        });
    }
    Doc {
        fields,
        body: Cow::Owned(body),
        facets,
        card: Card {
            t: Cow::Borrowed(i.title),
            u: Cow::Borrowed(i.url),
            c: Cow::Owned(format!("{} · {category}", agency.name)),
            d: Some(i.published.dmy()),
            n: i.number().map(Cow::Borrowed),
            s: Cow::Borrowed(i.summary),
            // The agencies' feeds name their 320 px thumbnails only.
            i: thumbnail(i, |m| m != "image/webp"),
            w: thumbnail(i, |m| m == "image/webp"),
            i2: None,
            w2: None,
        },
    }
}

/// The search page and its index, or the client's file.
#[derive(Debug, Hash)]
pub enum SearchFile<'p> {
    /// The client script's file ([`client_file`]).
    Client(&'static [u8]),
    /// The search page and the files of its index, made together (the
    /// index's files are named after their contents): hashed as what the
    /// index reads, so a run in which no item changed builds no index.
    Index {
        /// The items, oldest first (a new one takes the next number).
        docs: Vec<Doc<'p>>,
        /// Address of the index's directory.
        root: String,
        /// The page, without what the index decides (its manifest and
        /// filters).
        page: Box<HubPage>,
    },
}

/// The hub's search page and its index.
pub struct HubSearch;

impl Renderer<HubSite> for HubSearch {
    type View<'p> = SearchFile<'p>;

    fn name(&self) -> &'static str {
        "search"
    }

    fn makes_pages(&self) -> bool {
        true
    }

    fn jobs<'p>(&'p self, hub: &'p Hub<'p>) -> Result<Vec<Job<SearchFile<'p>>>, Error> {
        let v = Views::new(hub);
        // Oldest first, like a section's: a new entry takes the next number.
        let mut items: Vec<&HubItem<'_>> = hub.items.iter().collect();
        items.sort_by(|a, b| (a.published, a.id).cmp(&(b.published, b.id)));
        let docs: Vec<Doc<'_>> = items.iter().map(|i| doc(&v, i)).collect();
        let client = client_file();
        let title = hub.t("search");
        let mut page = v.page("search", title.clone(), SEARCH_PATH, title);
        page.noindex = true;
        // Without JavaScript: the hub's lists, each category's and each
        // agency's (whose page leads on to its own section).
        let mut browse: Vec<BrowseGroup> = CATEGORIES
            .iter()
            .filter(|c| v.count(c, None) > 0)
            .map(|c| BrowseGroup {
                label: c.label(v.lang).to_string(),
                url: hub.url(&routes::category_page(c, 1)),
                links: Vec::new(),
            })
            .collect();
        browse.push(BrowseGroup {
            label: hub.t("hub_agencies"),
            url: hub.url(AGENCIES_PATH),
            links: (0..hub.input.agencies.len())
                .map(|i| v.agency(i))
                .filter(|a| a.total > 0)
                .map(|a| BrowseLink {
                    label: a.name.to_string(),
                    url: a.url,
                })
                .collect(),
        });
        let page = HubPage::new("search.html", page)
            .with("search_client", &hub.url(&client.path))?
            .with("search_browse", &browse)?;
        Ok(vec![
            Job::file(client.path.clone(), SearchFile::Client(&client.bytes)),
            Job::page(
                SEARCH_PATH,
                SearchFile::Index {
                    docs,
                    root: hub.url(SEARCH_INDEX_DIR),
                    page: Box::new(page),
                },
            )
            .naming_files(),
        ])
    }

    fn render(
        &self,
        cx: &RenderContext<'_, HubSite>,
        file: &SearchFile<'_>,
        paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        // Only the loop's naming jobs make the index (render_named).
        self.render_named(cx, file, paths, &|_, _| Ok(()))
    }

    fn render_named(
        &self,
        cx: &RenderContext<'_, HubSite>,
        file: &SearchFile<'_>,
        _paths: &[String],
        emit: &Emit<'_>,
    ) -> Result<Vec<Vec<u8>>, Error> {
        match file {
            SearchFile::Client(bytes) => Ok(vec![bytes.to_vec()]),
            SearchFile::Index { docs, root, page } => {
                let mut manifest = write_index(docs, emit)?;
                manifest.r = root.clone();
                let page = HubPage::clone(page)
                    .with("search_index", &manifest.to_script_json())?
                    .with("search_filters", &filter_views(&manifest, |k| cx.t(k)))?;
                Ok(vec![page.render(cx)?])
            }
        }
    }
}
