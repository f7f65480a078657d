//! The hub's combined feeds: JSON Feed 1.1, Atom 1.0 and RSS 2.0, for all
//! agencies and per category, newest first, with RFC 5005 archives numbered
//! from the oldest exactly like an agency's (see [`crate::output::feeds`]).
//! Items are the agencies' own JSON Feed items, unchanged: the same global
//! ids, URLs on the agencies' sites and `_pbgdpl` metadata. In Atom each
//! entry carries `xml:base` = its page, so the root-relative links of its
//! content resolve against the agency's site.

use std::io;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::category::CATEGORIES;
use crate::date::Timestamp;
use crate::error::Error;
use crate::output::Sink;
use crate::output::feeds::xml::Xml;
use crate::output::feeds::{ATOM_FILE, JSON_FILE, RSS_FILE, Scope, split_archives};
use crate::sync::{FEED_SCHEMA, SCHEMA_VERSION, SYNC_PATH, Tombstone};

use super::{Hub, HubItem};

/// One document of the combined feeds.
struct Doc<'h, 'a> {
    scope: Scope,
    archive: Option<usize>,
    archives: usize,
    items: Vec<&'h HubItem<'a>>,
    tombstones: Vec<&'h Tombstone>,
    updated: Timestamp,
}

impl Doc<'_, '_> {
    fn path_of(&self, archive: Option<usize>, file: &str) -> String {
        match archive {
            None => format!("{}{file}", self.scope.dir()),
            Some(n) => format!("{}archive/{n}/{file}", self.scope.dir()),
        }
    }

    fn path(&self, file: &str) -> String {
        self.path_of(self.archive, file)
    }

    fn prev_archive(&self) -> Option<usize> {
        match self.archive {
            None => (self.archives > 0).then_some(self.archives),
            Some(n) => (n > 1).then(|| n - 1),
        }
    }

    fn next_archive(&self) -> Option<usize> {
        self.archive.filter(|n| *n < self.archives).map(|n| n + 1)
    }

    fn title(&self, hub: &Hub<'_>) -> String {
        let c = &hub.input.config.hub;
        match self.scope {
            Scope::Site => c.title.clone(),
            Scope::Category(cat) => format!("{} – {}", cat.label(c.language), c.title),
        }
    }

    fn description(&self, hub: &Hub<'_>) -> String {
        match self.scope {
            Scope::Site => hub
                .input
                .config
                .hub
                .description
                .clone()
                .unwrap_or_else(|| self.title(hub)),
            Scope::Category(_) => self.title(hub),
        }
    }
}

fn documents<'h, 'a>(
    hub: &'h Hub<'a>,
    scope: Scope,
    items: Vec<&'h HubItem<'a>>,
    tombstones: Vec<&'h Tombstone>,
    fallback: Timestamp,
) -> Vec<Doc<'h, 'a>> {
    let updated =
        |items: &[&HubItem<'_>]| items.iter().map(|i| i.modified).max().unwrap_or(fallback);
    let (current, archives) = split_archives(&items, hub.input.config.hub.feed_limit);
    let count = archives.len();
    let mut docs = vec![Doc {
        scope,
        archive: None,
        archives: count,
        updated: updated(&current),
        items: current,
        tombstones,
    }];
    for (i, chunk) in archives.into_iter().enumerate() {
        docs.push(Doc {
            scope,
            archive: Some(i + 1),
            archives: count,
            updated: updated(&chunk),
            items: chunk,
            tombstones: Vec::new(),
        });
    }
    docs
}

/// Writes every combined feed document.
pub fn write(hub: &Hub<'_>, out: &dyn Sink) -> Result<(), Error> {
    let fallback = hub
        .items
        .iter()
        .map(|i| i.modified)
        .max()
        .unwrap_or_else(|| Timestamp::from_date(hub.input.now.date()));
    let mut docs = documents(
        hub,
        Scope::Site,
        hub.items.iter().collect(),
        hub.tombstones.iter().collect(),
        fallback,
    );
    for c in CATEGORIES.iter() {
        docs.extend(documents(
            hub,
            Scope::Category(c),
            hub.items
                .iter()
                .filter(|i| i.category.key == c.key)
                .collect(),
            hub.tombstones
                .iter()
                .filter(|t| t.category.as_deref() == Some(c.key))
                .collect(),
            fallback,
        ));
    }
    docs.par_iter().try_for_each(|doc| {
        let files: [(&str, io::Result<Vec<u8>>); 3] = [
            (JSON_FILE, json(hub, doc)),
            (RSS_FILE, rss(hub, doc)),
            (ATOM_FILE, atom(hub, doc)),
        ];
        for (file, bytes) in files {
            let path = doc.path(file);
            let bytes = bytes.map_err(Error::io(&path))?;
            out.write(&path, &bytes)?;
        }
        Ok(())
    })
}

#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Author<'a> {
    name: &'a str,
    url: &'a str,
}

/// The feed-level `_pbgdpl` object (schema: `jsonfeed-pbgdpl.v1.json`).
#[derive(Serialize)]
struct FeedExtension<'a> {
    schema: String,
    schema_version: &'static str,
    generator: String,
    agency: Named<'a>,
    province: Named<'a>,
    language: &'static str,
    scope: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause: Option<&'static str>,
    sync_url: String,
    atom_url: String,
    rss_url: String,
    archive: bool,
    current_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    prev_archive_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_archive_url: Option<String>,
}

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: String,
    home_page_url: String,
    feed_url: String,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_url: Option<String>,
    language: &'static str,
    authors: Vec<Author<'a>>,
    #[serde(rename = "_pbgdpl")]
    ext: FeedExtension<'a>,
    items: Vec<&'a Value>,
}

fn json(hub: &Hub<'_>, doc: &Doc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = &hub.input.config.hub;
    let url = |archive: Option<usize>| hub.permalink(&doc.path_of(archive, JSON_FILE));
    let prev = doc.prev_archive().map(|n| url(Some(n)));
    let (scope, category, clause) = match doc.scope {
        Scope::Site => ("site", None, None),
        Scope::Category(cat) => ("category", Some(cat.key), cat.clause),
    };
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: doc.title(hub),
        home_page_url: hub.permalink(&doc.scope.dir()),
        feed_url: url(doc.archive),
        description: doc.description(hub),
        next_url: prev.clone(),
        language: c.language.code(),
        authors: vec![Author {
            name: &c.agency.name,
            url: &c.agency.url,
        }],
        ext: FeedExtension {
            schema: hub.permalink(&format!("schemas/{FEED_SCHEMA}")),
            schema_version: SCHEMA_VERSION,
            generator: format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
            agency: Named {
                name: &c.agency.name,
                url: &c.agency.url,
            },
            province: Named {
                name: &c.title,
                url: &c.base_url,
            },
            language: c.language.code(),
            scope,
            category,
            clause,
            sync_url: hub.permalink(SYNC_PATH),
            atom_url: hub.permalink(&doc.path(ATOM_FILE)),
            rss_url: hub.permalink(&doc.path(RSS_FILE)),
            archive: doc.archive.is_some(),
            current_url: url(None),
            prev_archive_url: prev,
            next_archive_url: doc.next_archive().map(|n| url(Some(n))),
        },
        items: doc.items.iter().map(|i| i.value).collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&feed).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// An item's attachments: (url, mime type, title, size).
fn attachments<'v>(item: &'v HubItem<'_>) -> Vec<(&'v str, &'v str, &'v str, u64)> {
    item.value
        .get("attachments")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|a| {
                    Some((
                        a.get("url")?.as_str()?,
                        a.get("mime_type")?.as_str()?,
                        a.get("title").and_then(Value::as_str).unwrap_or(""),
                        a.get("size_in_bytes").and_then(Value::as_u64).unwrap_or(0),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn tags<'v>(item: &'v HubItem<'_>) -> Vec<&'v str> {
    item.value
        .get("tags")
        .and_then(Value::as_array)
        .map(|t| t.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn author<'v>(item: &'v HubItem<'_>) -> Option<(&'v str, Option<&'v str>)> {
    let a = item.value.pointer("/authors/0")?;
    Some((
        a.get("name")?.as_str()?,
        a.get("url").and_then(Value::as_str),
    ))
}

fn atom(hub: &Hub<'_>, doc: &Doc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = &hub.input.config.hub;
    let url = |archive: Option<usize>| hub.permalink(&doc.path_of(archive, ATOM_FILE));
    let mut x = Xml::new()?;
    x.open(
        "feed",
        &[
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xmlns:at", "http://purl.org/atompub/tombstones/1.0"),
            ("xmlns:fh", "http://purl.org/syndication/history/1.0"),
            ("xml:lang", c.language.code()),
            ("xml:base", &c.base_url),
        ],
    )?;
    x.leaf(
        "id",
        &[],
        &format!(
            "{}{}",
            crate::output::feeds::item::tag_prefix_of(&c.base_url),
            doc.scope.dir()
        ),
    )?;
    x.leaf("title", &[("type", "text")], &doc.title(hub))?;
    x.leaf("subtitle", &[("type", "text")], &doc.description(hub))?;
    x.leaf("updated", &[], &doc.updated.rfc3339())?;
    let link = |x: &mut Xml, rel: &str, kind: &str, href: &str| {
        x.empty("link", &[("rel", rel), ("type", kind), ("href", href)])
    };
    link(&mut x, "self", "application/atom+xml", &url(doc.archive))?;
    link(
        &mut x,
        "alternate",
        "text/html",
        &hub.permalink(&doc.scope.dir()),
    )?;
    if doc.archive.is_some() {
        link(&mut x, "current", "application/atom+xml", &url(None))?;
    }
    if let Some(n) = doc.prev_archive() {
        link(
            &mut x,
            "prev-archive",
            "application/atom+xml",
            &url(Some(n)),
        )?;
    }
    if let Some(n) = doc.next_archive() {
        link(
            &mut x,
            "next-archive",
            "application/atom+xml",
            &url(Some(n)),
        )?;
    }
    if doc.archive.is_some() {
        x.empty("fh:archive", &[])?;
    }
    x.open("author", &[])?;
    x.leaf("name", &[], &c.agency.name)?;
    x.leaf("uri", &[], &c.agency.url)?;
    x.close("author")?;
    x.leaf(
        "generator",
        &[("version", env!("CARGO_PKG_VERSION"))],
        "pbgdpl",
    )?;
    for item in &doc.items {
        x.open("entry", &[("xml:base", item.url)])?;
        x.leaf("id", &[], item.id)?;
        x.leaf("title", &[("type", "text")], item.title)?;
        x.leaf("updated", &[], &item.modified.rfc3339())?;
        x.leaf("published", &[], &item.published.rfc3339())?;
        link(&mut x, "alternate", "text/html", item.url)?;
        for (href, mime, title, size) in attachments(item) {
            x.empty(
                "link",
                &[
                    ("rel", "enclosure"),
                    ("type", mime),
                    ("length", &size.to_string()),
                    ("title", title),
                    ("href", href),
                ],
            )?;
        }
        if let Some((name, uri)) = author(item) {
            x.open("author", &[])?;
            x.leaf("name", &[], name)?;
            if let Some(uri) = uri {
                x.leaf("uri", &[], uri)?;
            }
            x.close("author")?;
        }
        x.empty(
            "category",
            &[
                ("term", item.category.key),
                ("label", item.category.label(c.language)),
                ("scheme", &c.base_url),
            ],
        )?;
        for tag in tags(item) {
            x.empty("category", &[("term", tag)])?;
        }
        if !item.summary.is_empty() {
            x.leaf("summary", &[("type", "text")], item.summary)?;
        }
        x.leaf(
            "content",
            &[("type", "html")],
            item.text("content_html").unwrap_or(""),
        )?;
        x.close("entry")?;
    }
    for t in &doc.tombstones {
        x.empty(
            "at:deleted-entry",
            &[("ref", &t.id), ("when", &t.deleted_at)],
        )?;
    }
    x.close("feed")?;
    Ok(x.finish())
}

/// The root-relative links (`href="/…"`, `src="/…"`) of an entry's HTML
/// made absolute on the entry's own site: RSS has no `xml:base`, and a
/// reader would resolve them against the hub.
pub fn absolute_links<'h>(html: &'h str, page: &str) -> std::borrow::Cow<'h, str> {
    static ROOT_RELATIVE: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r#"(\s(?:href|src)=")/([^/])"#).ok());
    let origin = match url::Url::parse(page) {
        Ok(u) => u.origin().ascii_serialization(),
        Err(_) => return html.into(),
    };
    match ROOT_RELATIVE.as_ref() {
        Some(re) => re.replace_all(html, format!("${{1}}{origin}/${{2}}").as_str()),
        None => html.into(),
    }
}

fn rss(hub: &Hub<'_>, doc: &Doc<'_, '_>) -> io::Result<Vec<u8>> {
    let c = &hub.input.config.hub;
    let url = |archive: Option<usize>| hub.permalink(&doc.path_of(archive, RSS_FILE));
    let mut x = Xml::new()?;
    x.open(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", "http://www.w3.org/2005/Atom"),
            ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
            ("xmlns:fh", "http://purl.org/syndication/history/1.0"),
        ],
    )?;
    x.open("channel", &[])?;
    x.leaf("title", &[], &doc.title(hub))?;
    x.leaf("link", &[], &hub.permalink(&doc.scope.dir()))?;
    x.leaf("description", &[], &doc.description(hub))?;
    x.leaf("language", &[], c.language.code())?;
    x.leaf(
        "generator",
        &[],
        &format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
    )?;
    x.leaf("docs", &[], "https://www.rssboard.org/rss-specification")?;
    x.leaf("lastBuildDate", &[], &doc.updated.rfc2822())?;
    let link = |x: &mut Xml, rel: &str, href: &str| {
        x.empty(
            "atom:link",
            &[
                ("rel", rel),
                ("type", "application/rss+xml"),
                ("href", href),
            ],
        )
    };
    link(&mut x, "self", &url(doc.archive))?;
    if doc.archive.is_some() {
        link(&mut x, "current", &url(None))?;
    }
    if let Some(n) = doc.prev_archive() {
        link(&mut x, "prev-archive", &url(Some(n)))?;
    }
    if let Some(n) = doc.next_archive() {
        link(&mut x, "next-archive", &url(Some(n)))?;
    }
    if doc.archive.is_some() {
        x.empty("fh:archive", &[])?;
    }
    for item in &doc.items {
        x.open("item", &[])?;
        x.leaf("title", &[], item.title)?;
        x.leaf("link", &[], item.url)?;
        x.leaf("guid", &[("isPermaLink", "false")], item.id)?;
        x.leaf("pubDate", &[], &item.published.rfc2822())?;
        if !item.summary.is_empty() {
            x.leaf("description", &[], item.summary)?;
        }
        x.leaf(
            "content:encoded",
            &[],
            &absolute_links(item.text("content_html").unwrap_or(""), item.url),
        )?;
        x.leaf(
            "category",
            &[("domain", &hub.permalink(&format!("{}/", item.category.key)))],
            item.category.label(c.language),
        )?;
        for tag in tags(item) {
            x.leaf("category", &[], tag)?;
        }
        if let Some((href, mime, _, size)) = attachments(item).into_iter().next() {
            x.empty(
                "enclosure",
                &[("url", href), ("length", &size.to_string()), ("type", mime)],
            )?;
        }
        x.close("item")?;
    }
    x.close("channel")?;
    x.close("rss")?;
    Ok(x.finish())
}

#[cfg(test)]
mod tests {
    #[test]
    fn root_relative_links_become_absolute_on_the_agency_site() {
        let html = r#"<p><a href="/pbgdpl/x/">x</a> <img src="/pbgdpl/a.png" alt=""> <a href="//cdn.example/y">y</a> <a href="https://z/">z</a></p>"#;
        assert_eq!(
            super::absolute_links(html, "https://stc.example.gov.vn/pbgdpl/tin-tuc/a/"),
            r#"<p><a href="https://stc.example.gov.vn/pbgdpl/x/">x</a> <img src="https://stc.example.gov.vn/pbgdpl/a.png" alt=""> <a href="//cdn.example/y">y</a> <a href="https://z/">z</a></p>"#
        );
    }
}
