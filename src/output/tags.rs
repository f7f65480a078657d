//! Tag pages: `the/` lists every tag (từ khóa) with its number of entries,
//! `the/<slug>/` lists the entries of one tag across categories, newest
//! first and paginated like a category. Tags that differ only in case or
//! diacritics-free spelling share a page (their slug is the same).

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Error;
use crate::fingerprint::Fingerprint;
use crate::render::context::EntryView;
use crate::render::{Page, Prepared};
use crate::text::{fold, slugify};

use super::html::Pagination;
use super::{RenderContext, Renderer, Sink, minify, write_unless_kept};

/// URL segment of the tag pages.
pub const TAGS_SEGMENT: &str = "the";

/// One tag and its pages, in site order (newest first within categories).
struct Tag<'p, 'a> {
    label: String,
    slug: String,
    pages: Vec<&'p Page<'a>>,
}

/// A tag as the templates see it.
#[derive(Debug, Serialize)]
pub struct TagView {
    /// As written in the first entry that uses it.
    pub label: String,
    /// Address of its page.
    pub url: String,
    /// Number of published entries.
    pub count: usize,
}

/// Site-relative path of page `n` of a tag.
pub fn tag_page_path(slug: &str, n: usize) -> String {
    if n <= 1 {
        format!("{TAGS_SEGMENT}/{slug}/")
    } else {
        format!("{TAGS_SEGMENT}/{slug}/page/{n}/")
    }
}

/// The tags of the published pages, by slug.
fn tags<'p, 'a>(p: &'p Prepared<'a>) -> Vec<Tag<'p, 'a>> {
    let mut by_slug: BTreeMap<String, Tag<'p, 'a>> = BTreeMap::new();
    let mut pages: Vec<&Page<'_>> = p.published().collect();
    // Newest first across categories, then site order.
    pages.sort_by_key(|p| std::cmp::Reverse(p.entry.date));
    // Entries share a few hundred labels: slugify each once.
    let mut slugs: HashMap<&str, String> = HashMap::new();
    for page in pages {
        for label in &page.entry.tags {
            let slug = slugs
                .entry(label.as_str())
                .or_insert_with(|| slugify(label))
                .clone();
            if slug.is_empty() {
                continue;
            }
            let tag = by_slug.entry(slug.clone()).or_insert_with(|| Tag {
                label: label.clone(),
                slug,
                pages: Vec::new(),
            });
            // An entry's labels are read one after the other: the same
            // entry can only be the last one added.
            if !tag.pages.last().is_some_and(|q| std::ptr::eq(*q, page)) {
                tag.pages.push(page);
            }
        }
    }
    by_slug.into_values().collect()
}

/// Site-relative paths of the tag index and of every page of every tag
/// (for the sitemap).
pub fn page_paths(p: &Prepared<'_>) -> Vec<String> {
    let all = tags(p);
    std::iter::once(format!("{TAGS_SEGMENT}/"))
        .chain(
            jobs(&all, p.site.config.entries_per_page)
                .into_iter()
                .map(|(tag, n, _)| tag_page_path(&tag.slug, n)),
        )
        .collect()
}

/// Adds to `f` everything the tag pages are made from, without making
/// them: the tags of every published entry, in order. What changes the set of tag
/// pages changes this fingerprint (the sitemap's key).
pub fn fold_inputs(p: &Prepared<'_>, f: Fingerprint) -> Fingerprint {
    p.published().fold(f, |f, pg| {
        let tags = &pg.entry.tags;
        tags.iter()
            .fold(f.number(tags.len() as u64), |f, t| f.bytes(t))
    })
}

/// One job per page of every tag: the tag, the page number, the number of
/// pages.
fn jobs<'t, 'p, 'a>(
    all: &'t [Tag<'p, 'a>],
    per_page: usize,
) -> Vec<(&'t Tag<'p, 'a>, usize, usize)> {
    let per_page = per_page.max(1);
    all.iter()
        .flat_map(|t| {
            let total = t.pages.len().div_ceil(per_page).max(1);
            (1..=total).map(move |n| (t, n, total))
        })
        .collect()
}

/// Writes the tag index and every tag's pages.
pub struct Tags;

impl Renderer for Tags {
    fn name(&self) -> &'static str {
        "tags"
    }

    fn makes_pages(&self) -> bool {
        true
    }

    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error> {
        let p = cx.prepared;
        let all = tags(p);
        let heading = p.strings.get("tags").cloned().unwrap_or_default();

        let mut index: Vec<TagView> = all
            .iter()
            .map(|t| TagView {
                label: t.label.clone(),
                url: p.url(&tag_page_path(&t.slug, 1)),
                count: t.pages.len(),
            })
            .collect();
        // Most used first; then in Vietnamese alphabetical order, ignoring
        // diacritics (so "đất đai" sorts with "dat", not after "z").
        index.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| fold(&a.label).cmp(&fold(&b.label)))
                .then_with(|| a.label.cmp(&b.label))
        });
        let index_path = format!("{TAGS_SEGMENT}/");
        // The index shows the labels, addresses and counts, nothing else.
        let site = cx.page_fingerprint();
        let key = index
            .iter()
            .fold(Fingerprint::new().number(site).bytes("tags"), |f, t| {
                f.bytes(&t.label).bytes(&t.url).number(t.count as u64)
            })
            .finish();
        write_unless_kept(out, &format!("{index_path}index.html"), key, || {
            let page = p.page_view("tags", heading.clone(), &index_path, heading.clone());
            let mut ctx = p.base_context(page);
            ctx.insert("tags", &index);
            ctx.insert("tag", &None::<()>);
            Ok(minify::html(&cx.theme.render("tags.html", &ctx)?))
        })?;

        let per_page = p.site.config.entries_per_page.max(1);
        jobs(&all, per_page)
            .par_iter()
            .try_for_each(|&(tag, number, total)| {
                let path = tag_page_path(&tag.slug, number);
                let file = format!("{path}index.html");
                if !out.wants(&file) {
                    return Ok(());
                }
                let shown = || {
                    tag.pages
                        .iter()
                        .skip((number - 1) * per_page)
                        .take(per_page)
                };
                // A tag page shows the tag, its count, the page number and the
                // entries of this page.
                let key = shown()
                    .fold(
                        Fingerprint::new()
                            .number(site)
                            .bytes("tag")
                            .bytes(&tag.slug)
                            .bytes(&tag.label)
                            .number(tag.pages.len() as u64)
                            .number(number as u64)
                            .number(total as u64),
                        |f, pg| f.number(pg.list_fingerprint),
                    )
                    .finish();
                write_unless_kept(out, &file, key, || {
                    render_tag_page(cx, tag, &heading, &path, shown(), number, total)
                })
            })
    }
}

/// One page of a tag's list.
fn render_tag_page<'p, 'a: 'p>(
    cx: &RenderContext<'_>,
    tag: &Tag<'p, 'a>,
    heading: &str,
    path: &str,
    shown: impl Iterator<Item = &'p &'p Page<'a>>,
    number: usize,
    total: usize,
) -> Result<Vec<u8>, Error> {
    let p = cx.prepared;
    let mut title = format!("{heading}: {}", tag.label);
    if number > 1 {
        let word = p.strings.get("page").cloned().unwrap_or_default();
        title = format!("{title} – {word} {number}");
    }
    let page = p.page_view("tag", title.clone(), path, title);
    let mut ctx = p.base_context(page);
    let entries: Vec<EntryView<'_>> = shown.map(|pg| p.entry_view(pg, false)).collect();
    ctx.insert("entries", &entries);
    ctx.insert(
        "pagination",
        &Pagination::new(number, total, |n| p.url(&tag_page_path(&tag.slug, n))),
    );
    ctx.insert(
        "tag",
        &TagView {
            label: tag.label.clone(),
            url: p.url(&tag_page_path(&tag.slug, 1)),
            count: tag.pages.len(),
        },
    );
    ctx.insert("tags_url", &p.url(&format!("{TAGS_SEGMENT}/")));
    let html = cx.theme.render("tags.html", &ctx)?;
    Ok(minify::html(&html))
}

/// The address of a tag's page (for links from entries).
pub fn tag_url(p: &Prepared<'_>, label: &str) -> String {
    p.url(&tag_page_path(&slugify(label), 1))
}
