//! Tag pages: `the/` lists every tag (từ khóa) with its number of entries,
//! `the/<slug>/` lists the entries of one tag across categories, newest
//! first and paginated like a category. Tags that differ only in case or
//! diacritics-free spelling share a page (their slug is the same).

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Error;
use crate::render::context::EntryView;
use crate::render::{Page, Prepared};
use crate::text::{fold, slugify};

use super::html::Pagination;
use super::{RenderContext, Renderer, Sink, minify};

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
    for page in pages {
        for label in &page.entry.tags {
            let slug = slugify(label);
            if slug.is_empty() {
                continue;
            }
            let tag = by_slug.entry(slug.clone()).or_insert_with(|| Tag {
                label: label.clone(),
                slug,
                pages: Vec::new(),
            });
            if !tag.pages.iter().any(|q| std::ptr::eq(*q, page)) {
                tag.pages.push(page);
            }
        }
    }
    by_slug.into_values().collect()
}

/// Writes the tag index and every tag's pages.
pub struct Tags;

impl Renderer for Tags {
    fn name(&self) -> &'static str {
        "tags"
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
        let page = p.page_view("tags", heading.clone(), &index_path, heading.clone());
        let mut ctx = p.base_context(page);
        ctx.insert("tags", &index);
        ctx.insert("tag", &None::<()>);
        let html = cx.theme.render("tags.html", &ctx)?;
        out.write(&format!("{index_path}index.html"), &minify::html(&html))?;

        let per_page = p.site.config.entries_per_page.max(1);
        let jobs: Vec<(&Tag<'_, '_>, usize, usize)> = all
            .iter()
            .flat_map(|t| {
                let total = t.pages.len().div_ceil(per_page).max(1);
                (1..=total).map(move |n| (t, n, total))
            })
            .collect();
        jobs.par_iter().try_for_each(|&(tag, number, total)| {
            let path = tag_page_path(&tag.slug, number);
            let mut title = format!("{heading}: {}", tag.label);
            if number > 1 {
                let word = p.strings.get("page").cloned().unwrap_or_default();
                title = format!("{title} – {word} {number}");
            }
            let page = p.page_view("tag", title.clone(), &path, title);
            let mut ctx = p.base_context(page);
            let entries: Vec<EntryView<'_>> = tag
                .pages
                .iter()
                .skip((number - 1) * per_page)
                .take(per_page)
                .map(|pg| p.entry_view(pg, false))
                .collect();
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
            out.write(&format!("{path}index.html"), &minify::html(&html))
        })
    }
}

/// The address of a tag's page (for links from entries).
pub fn tag_url(p: &Prepared<'_>, label: &str) -> String {
    p.url(&tag_page_path(&slugify(label), 1))
}
