//! Rendering: Markdown bodies to HTML (in parallel), and the view of the
//! site that templates and every output work from.

pub mod context;
pub mod markdown;
pub mod templates;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::category::{CATEGORIES, Category};
use crate::content::model::{Entry, Intro, Visibility};
use crate::i18n::{self, Strings};
use crate::site::Site;

pub use markdown::Link;

/// Longest automatic summary, in characters.
const SUMMARY_CHARS: usize = 240;

/// An entry ready for output: its HTML, URL and summary.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// The entry.
    pub entry: &'a Entry,
    /// Whether it is public (only `Published` pages reach feeds and sitemaps).
    pub visibility: Visibility,
    /// Absolute path on the server (`/pbgdpl/tin-tuc/x/`).
    pub url: String,
    /// Full URL (`https://…/pbgdpl/tin-tuc/x/`).
    pub permalink: String,
    /// The body as sanitised HTML.
    pub html: String,
    /// `summary`, or the start of the first paragraph.
    pub summary: String,
    /// Plain text of the start of the body (search, feeds).
    pub text: String,
    /// Internal links of the body, spans relative to the entry's source file.
    pub links: Vec<Link>,
}

impl Page<'_> {
    /// True when the page is public.
    pub fn is_published(&self) -> bool {
        self.visibility == Visibility::Published
    }
}

/// A rendered introduction (`_index.md`).
#[derive(Debug, Clone)]
pub struct RenderedIntro<'a> {
    /// The source.
    pub intro: &'a Intro,
    /// Its HTML.
    pub html: String,
    /// Its internal links (spans relative to the source file).
    pub links: Vec<Link>,
}

/// The whole site, rendered to HTML fragments, as every output sees it.
#[derive(Debug)]
pub struct Prepared<'a> {
    /// The site.
    pub site: &'a Site,
    /// Pages to output, in category order then newest first: published
    /// entries, plus unpublished ones in preview (`--drafts`) builds.
    pub pages: Vec<Page<'a>>,
    /// Category introductions by category key.
    pub intros: BTreeMap<&'static str, RenderedIntro<'a>>,
    /// The home page introduction.
    pub home_intro: Option<RenderedIntro<'a>>,
    /// Path prefix of every internal URL (`/` or `/pbgdpl/`).
    pub base_path: String,
    /// Interface strings.
    pub strings: Strings,
}

impl<'a> Prepared<'a> {
    /// Renders every Markdown body of the site.
    pub fn new(site: &'a Site) -> Self {
        let base_path = site.config.base_path();
        let base_url = site.config.base_url.trim_end_matches('/').to_string();
        let origin_len = base_url.len() - base_path.trim_end_matches('/').len();
        let origin = &base_url[..origin_len];
        let pages = site
            .content
            .entries
            .par_iter()
            .filter_map(|entry| {
                let visibility = entry.editorial.visibility(site.today);
                if visibility != Visibility::Published && !site.drafts {
                    return None;
                }
                let r = markdown::render(entry.body(), &base_path);
                let url = format!("{base_path}{}", entry.path());
                let summary = entry
                    .summary
                    .clone()
                    .unwrap_or_else(|| truncate(&r.first_paragraph, SUMMARY_CHARS));
                Some(Page {
                    entry,
                    visibility,
                    permalink: format!("{origin}{url}"),
                    url,
                    html: r.html,
                    text: r.plain_text,
                    summary,
                    links: offset_links(r.internal_links, entry.body_offset),
                })
            })
            .collect();
        let render_intro = |intro: &'a Intro| {
            let r = markdown::render(intro.body(), &base_path);
            RenderedIntro {
                intro,
                html: r.html,
                links: offset_links(r.internal_links, intro.body_offset),
            }
        };
        let intros = site
            .content
            .intros
            .iter()
            .map(|(k, i)| (*k, render_intro(i)))
            .collect();
        let home_intro = site.content.home_intro.as_ref().map(render_intro);
        Self {
            site,
            pages,
            intros,
            home_intro,
            strings: i18n::builtin(site.config.language),
            base_path,
        }
    }

    /// Pages of one category, newest first.
    pub fn in_category(&self, category: &Category) -> Vec<&Page<'a>> {
        self.pages
            .iter()
            .filter(|p| p.entry.category.key == category.key)
            .collect()
    }

    /// Public pages only, in site order.
    pub fn published(&self) -> impl Iterator<Item = &Page<'a>> {
        self.pages.iter().filter(|p| p.is_published())
    }

    /// Absolute path of a site-relative path (`tin-tuc/` → `/pbgdpl/tin-tuc/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    /// Full URL of a site-relative path.
    pub fn permalink(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.site.config.base_url,
            path.trim_start_matches('/')
        )
    }

    /// The standard categories, in navigation order.
    pub fn categories(&self) -> &'static [Category] {
        &CATEGORIES
    }
}

fn offset_links(links: Vec<Link>, offset: usize) -> Vec<Link> {
    links
        .into_iter()
        .map(|l| Link {
            span: l.span.start + offset..l.span.end + offset,
            target: l.target,
        })
        .collect()
}

/// Shortens text to at most `max` characters at a word boundary, adding `…`.
pub fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncates_at_words() {
        assert_eq!(truncate("ngắn", 10), "ngắn");
        assert_eq!(truncate("một hai ba bốn năm", 12), "một hai ba…");
    }
}
