//! Tag pages: `the/` lists every tag (từ khóa) with its number of entries,
//! `the/<slug>/` lists the entries of one tag across categories, newest
//! first and paginated like a category. Tags that differ only in case or
//! diacritics-free spelling share a page (their slug is the same).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::error::Error;
use crate::render::{Listed, Page, Prepared};
use crate::routes;
use crate::text::{fold, slugify};

use super::pagination::Pagination;
use super::{Job, RenderContext, Renderer};

pub use crate::routes::TAGS_SEGMENT;

/// One tag and its pages, in site order (newest first within categories).
struct Tag<'p> {
    label: String,
    slug: String,
    pages: Vec<Listed<'p>>,
}

/// A tag as the templates see it.
#[derive(Debug, Clone, Hash, Serialize)]
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
    routes::tag_page(slug, n)
}

/// The tags of the published pages, by slug.
fn tags<'p>(p: &'p Prepared<'p>) -> Vec<Tag<'p>> {
    let mut by_slug: BTreeMap<String, Tag<'p>> = BTreeMap::new();
    let mut pages: Vec<&'p Page<'p>> = p.published().collect();
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
            if !tag
                .pages
                .last()
                .is_some_and(|q| std::ptr::eq(q.entry(), page.entry))
            {
                tag.pages.push(Listed::new(page));
            }
        }
    }
    by_slug.into_values().collect()
}

/// Site-relative paths of the tag index and of every page of every tag
/// (for the sitemap).
pub fn page_paths(p: &Prepared<'_>) -> Vec<String> {
    let per_page = p.config.entries_per_page;
    std::iter::once(routes::tags())
        .chain(tags(p).iter().flat_map(|t| {
            (1..=routes::page_count(t.pages.len(), per_page)).map(|n| tag_page_path(&t.slug, n))
        }))
        .collect()
}

/// Writes the tag index and every tag's pages.
pub struct Tags;

/// What a tag page shows.
#[derive(Debug, Hash)]
pub enum TagsView<'p> {
    /// The index: every tag with its count, most used first.
    Index(Vec<TagView>),
    /// Page `number` of `total` of one tag.
    Page {
        /// The tag.
        tag: TagView,
        /// Its URL segment.
        slug: String,
        /// This page.
        number: usize,
        /// Pages of the tag.
        total: usize,
        /// The entries of this page.
        entries: Vec<Listed<'p>>,
    },
}

impl Renderer for Tags {
    type View<'p> = TagsView<'p>;

    fn name(&self) -> &'static str {
        "tags"
    }

    fn makes_pages(&self) -> bool {
        true
    }

    fn may_make(&self, path: &str) -> bool {
        path.starts_with(&routes::tags())
    }

    fn lists_entries(&self) -> bool {
        true
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<TagsView<'p>>>, Error> {
        let all = tags(p);
        let view = |t: &Tag<'_>| TagView {
            label: t.label.clone(),
            url: p.url(&tag_page_path(&t.slug, 1)),
            count: t.pages.len(),
        };
        let mut index: Vec<TagView> = all.iter().map(view).collect();
        // Most used first; then in Vietnamese alphabetical order, ignoring
        // diacritics (so "đất đai" sorts with "dat", not after "z").
        index.sort_by_cached_key(|t| (std::cmp::Reverse(t.count), fold(&t.label), t.label.clone()));
        let mut jobs = vec![Job::page(&routes::tags(), TagsView::Index(index))];
        let per_page = p.config.entries_per_page;
        for tag in &all {
            let total = routes::page_count(tag.pages.len(), per_page);
            for number in 1..=total {
                jobs.push(Job::page(
                    &tag_page_path(&tag.slug, number),
                    TagsView::Page {
                        tag: view(tag),
                        slug: tag.slug.clone(),
                        number,
                        total,
                        entries: routes::paged(&tag.pages, number, per_page).to_vec(),
                    },
                ));
            }
        }
        Ok(jobs)
    }

    fn render(
        &self,
        cx: &RenderContext<'_>,
        view: &TagsView<'_>,
        _paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        let p = cx.common;
        let heading = p.t("tags");
        let ctx = match view {
            TagsView::Index(index) => {
                let path = routes::tags();
                let page = p.page_view("tags", heading.clone(), &path, heading);
                let mut ctx = p.base_context(page);
                ctx.insert("tags", index);
                ctx.insert("tag", &None::<()>);
                ctx
            }
            TagsView::Page {
                tag,
                slug,
                number,
                total,
                entries,
            } => {
                let mut title = format!("{heading}: {}", tag.label);
                if *number > 1 {
                    title = format!("{title} – {} {number}", p.t("page"));
                }
                let path = tag_page_path(slug, *number);
                let page = p.page_view("tag", title.clone(), &path, title);
                let mut ctx = p.base_context(page);
                let entries: Vec<tera::Value> = entries.iter().map(|e| p.list_value(*e)).collect();
                ctx.insert_value("entries", tera::Value::from(entries));
                ctx.insert(
                    "pagination",
                    &Pagination::new(*number, *total, |n| p.url(&tag_page_path(slug, n))),
                );
                ctx.insert("tag", tag);
                ctx.insert("tags_url", &p.url(&routes::tags()));
                ctx
            }
        };
        Ok(vec![cx.page("tags.html", &ctx)?])
    }
}
