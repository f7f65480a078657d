//! Rendering: Markdown bodies to HTML (in parallel), and the view of the
//! site that templates and every output work from.

mod alike;
pub mod body;
pub mod compact;
pub mod context;
mod flat;
pub mod markdown;
pub mod templates;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;

use rayon::prelude::*;

use crate::category::{CATEGORIES, Category};
use crate::config::Config;
use crate::content::model::{Attachment, DataTable, Entry, Intro, Visibility};
use crate::fingerprint::Fingerprint;
use crate::i18n::{self, Strings};
use crate::routes::Urls;
use crate::site::Site;
use crate::source::SourceFile;

pub use body::Body;
pub use markdown::{Link, Rendered};

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
    /// The rendered body (shared with the body cache of `serve`).
    pub body: Body,
    /// `summary` (borrowed from the entry), or the start of the first
    /// paragraph.
    pub summary: Cow<'a, str>,
    /// Internal links of the body, spans relative to the entry's source file.
    pub links: Vec<Link>,
    /// The featured photo, processed (none without `image`); boxed, as
    /// most entries have none (every page is held for the whole build).
    pub image: Option<Box<crate::images::markup::PhotoView>>,
    /// Fingerprint of everything the page is made from (its file, address,
    /// attachments and visibility): an output made from pages whose
    /// fingerprints, and the site's [`Common::fingerprint`], have not
    /// changed is the same as before.
    pub fingerprint: u64,
    /// Fingerprint of what a list of entries (category, tag and filter
    /// pages, the home page, neighbours) can show of the page: everything
    /// but its body, whose only part a list shows is the summary. A body
    /// edit that keeps the summary leaves every list as it was.
    pub list_fingerprint: u64,
    /// The page as lists show it, as a Tera value ([`Common::list_value`]):
    /// made the first time a list shows it, then shared by every list,
    /// neighbour link and the page itself, until the renderers that list
    /// entries are done ([`Prepared::forget_list_values`]).
    list_value: SharedValue,
}

/// A template value made on first use and shared until forgotten.
#[derive(Debug, Default)]
struct SharedValue(Mutex<Option<tera::Value>>);

impl SharedValue {
    /// The value, made by `make` if there is none. Tera values are
    /// reference-counted: the clone shares it.
    fn get_or_make(&self, make: impl FnOnce() -> tera::Value) -> tera::Value {
        let mut value = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        value.get_or_insert_with(make).clone()
    }

    /// Drops the value; the next [`SharedValue::get_or_make`] makes it again.
    fn forget(&self) {
        let value = self.0.lock().unwrap_or_else(PoisonError::into_inner).take();
        drop(value);
    }
}

impl Clone for SharedValue {
    fn clone(&self) -> Self {
        Self(Mutex::new(
            self.0
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
        ))
    }
}

impl Page<'_> {
    /// The body as sanitised HTML.
    pub fn html(&self) -> &str {
        self.body.html()
    }

    /// Plain text of the body, a line per block (search).
    pub fn text(&self) -> &str {
        self.body.plain_text()
    }

    /// True when the page is public.
    pub fn is_published(&self) -> bool {
        self.visibility == Visibility::Published
    }
}

/// Where [`Prepared`] gets the HTML of Markdown bodies: rendered now, or
/// kept from an earlier build.
pub trait Bodies: Sync {
    /// What [`markdown::render`] gives for `markdown` under `base_path`;
    /// `key` fingerprints `markdown` (its file's digest and where it
    /// starts), so the text need not be hashed again.
    fn render(&self, key: u64, markdown: &str, base_path: &str) -> Body;
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
    /// Where it nests too deeply to render (span in the source file).
    pub too_deep: Option<std::ops::Range<usize>>,
}

/// What every page may show besides its own entries: the configuration,
/// the interface strings, the introductions, the data tables, the build's
/// date and mode. Renderers render from this and their job's view only;
/// its [`Common::fingerprint`] covers all of it.
#[derive(Debug)]
pub struct Common<'a> {
    /// `site.toml`.
    pub config: &'a Config,
    /// The site's root directory.
    pub root: &'a Path,
    /// The build's "today".
    pub today: NaiveDate,
    /// Preview build (`--drafts`).
    pub drafts: bool,
    /// The data tables of `content/thong-ke/`.
    pub tables: &'a [DataTable],
    /// Category introductions by category key.
    pub intros: BTreeMap<&'static str, RenderedIntro<'a>>,
    /// The home page introduction.
    pub home_intro: Option<RenderedIntro<'a>>,
    /// News from the upstream feeds, one block per feed.
    pub upstream: &'a [crate::upstream::News],
    /// Addresses of paths.
    pub urls: Urls,
    /// Path prefix of every internal URL (`/` or `/pbgdpl/`).
    pub base_path: String,
    /// Interface strings.
    pub strings: Strings,
    /// Fingerprint of everything above.
    pub fingerprint: u64,
    /// `site`, `t` and `nav` as Tera values, made on first use.
    base_values: context::BaseValues,
    /// The parts that entries' list values have alike, one copy each.
    alike: alike::Alike,
}

/// The whole site, rendered to HTML fragments, as outputs plan their jobs
/// from it: the site-wide [`Common`] part (also reachable through `Deref`)
/// and the pages.
#[derive(Debug)]
pub struct Prepared<'a> {
    /// The site.
    pub site: &'a Site,
    /// What every page may show.
    pub common: Common<'a>,
    /// Pages to output, in category order then newest first: published
    /// entries, plus unpublished ones in preview (`--drafts`) builds.
    pub pages: Vec<Page<'a>>,
}

impl<'a> std::ops::Deref for Prepared<'a> {
    type Target = Common<'a>;

    fn deref(&self) -> &Common<'a> {
        &self.common
    }
}

/// Everything [`Common::fingerprint`] is made from.
#[derive(Hash)]
struct SiteInputs<'a> {
    version: &'static str,
    config: &'a Config,
    strings: &'a Strings,
    today: NaiveDate,
    drafts: bool,
    base_path: &'a str,
    intros: Vec<(&'a str, &'a str)>,
    tables: &'a [DataTable],
    upstream: &'a [crate::upstream::News],
}

impl<'a> Prepared<'a> {
    /// Renders every Markdown body of the site.
    pub fn new(site: &'a Site) -> Self {
        Self::prepare(site, None)
    }

    /// Like [`Prepared::new`], but takes the HTML of bodies from `bodies`
    /// (which may keep them between builds).
    pub fn with_bodies(site: &'a Site, bodies: &dyn Bodies) -> Self {
        Self::prepare(site, Some(bodies))
    }

    fn prepare(site: &'a Site, bodies: Option<&dyn Bodies>) -> Self {
        // A body is identified by its file's digest and where it starts.
        let render = |source: &SourceFile, offset: usize, base_path: &str| {
            let markdown = source.text.get(offset..).unwrap_or("");
            match bodies {
                Some(b) => {
                    let key = Fingerprint::new()
                        .number(source.digest())
                        .number(offset as u64)
                        .finish();
                    b.render(key, markdown, base_path)
                }
                None => Body::from(Arc::new(markdown::render(markdown, base_path))),
            }
        };
        let base_path = site.config.base_path();
        let urls = Urls::new(&site.config.base_url, &base_path);
        let origin = urls.origin();
        let pages = site
            .content
            .entries
            .par_iter()
            .filter_map(|entry| {
                let visibility = entry.editorial.visibility(site.now);
                if visibility != Visibility::Published && !site.drafts {
                    return None;
                }
                let mut r = render(&entry.source, entry.body_offset, &base_path);
                let url = format!("{base_path}{}", entry.path());
                let dir = entry.path();
                let gallery = &site.gallery;
                // The pictures of the body that are photos of the bundle
                // become `<picture>`s with every size.
                if !entry.body_images.is_empty()
                    && let Some(html) = crate::images::markup::rewrite_body(
                        r.html(),
                        &dir,
                        gallery,
                        &base_path,
                        origin,
                        entry.image.is_none(),
                    )
                {
                    r = r.with_html(html);
                }
                let photos: Vec<&crate::images::Processed> = entry
                    .image
                    .iter()
                    .map(|p| &p.file)
                    .chain(entry.body_images.iter().map(|b| &b.file))
                    .filter_map(|f| gallery.get(&format!("{dir}{f}")))
                    .collect();
                let image = entry
                    .image
                    .as_ref()
                    .and_then(|p| gallery.get(&format!("{dir}{}", p.file)))
                    .map(|p| {
                        Box::new(crate::images::markup::PhotoView::new(p, &base_path, origin))
                    });
                let photo_keys = photos
                    .iter()
                    .fold(Fingerprint::new(), |f, p| f.bytes(&p.key))
                    .finish();
                let fingerprint = Fingerprint::new()
                    .number(page_fingerprint(entry, visibility, &url))
                    .number(photo_keys)
                    .finish();
                let summary = match &entry.summary {
                    Some(s) => Cow::Borrowed(s.as_str()),
                    None => Cow::Owned(truncate(r.first_paragraph(), SUMMARY_CHARS)),
                };
                let list_fingerprint = Fingerprint::new()
                    .number(list_fingerprint(entry, visibility, &url, &summary))
                    .number(photo_keys)
                    .finish();
                Some(Page {
                    entry,
                    visibility,
                    permalink: format!("{origin}{url}"),
                    url,
                    summary,
                    links: offset_links(r.internal_links(), entry.body_offset),
                    image,
                    body: r,
                    fingerprint,
                    list_fingerprint,
                    list_value: SharedValue::default(),
                })
            })
            .collect();
        let render_intro = |intro: &'a Intro| {
            let r = render(&intro.source, intro.body_offset, &base_path);
            RenderedIntro {
                intro,
                html: r.html().to_string(),
                links: offset_links(r.internal_links(), intro.body_offset),
                too_deep: r
                    .too_deep()
                    .map(|s| s.start + intro.body_offset..s.end + intro.body_offset),
            }
        };
        let intros = site
            .content
            .intros
            .iter()
            .map(|(k, i)| (*k, render_intro(i)))
            .collect();
        let home_intro = site.content.home_intro.as_ref().map(render_intro);
        let mut common = Common {
            config: &site.config,
            root: &site.root,
            today: site.today,
            drafts: site.drafts,
            tables: &site.content.tables,
            intros,
            home_intro,
            upstream: &site.upstream,
            strings: i18n::builtin(site.config.language),
            urls,
            base_path,
            fingerprint: 0,
            base_values: context::BaseValues::default(),
            alike: alike::Alike::default(),
        };
        common.fingerprint = common.site_fingerprint();
        Self {
            site,
            common,
            pages,
        }
    }

    /// Drops the template values lists share ([`Common::list_value`]). The
    /// build loop calls it once the renderers that list entries are done
    /// (`Kind::lists_done`): they take about 9 KiB an entry, which the
    /// search index and the feeds, rendered next, can use instead. A value
    /// asked for afterwards is made again.
    pub fn forget_list_values(&self) {
        self.pages.par_iter().for_each(|p| p.list_value.forget());
        self.common.alike.clear();
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
}

impl Common<'_> {
    fn site_fingerprint(&self) -> u64 {
        let intros = self.intros.values().map(|i| &i.intro.source);
        let intros = intros
            .chain(self.home_intro.as_ref().map(|i| &i.intro.source))
            .map(|s| (s.rel_path.as_str(), s.text.as_str()))
            .collect();
        crate::fingerprint::hash(&SiteInputs {
            version: env!("CARGO_PKG_VERSION"),
            config: self.config,
            strings: &self.strings,
            today: self.today,
            drafts: self.drafts,
            base_path: &self.base_path,
            intros,
            tables: self.tables,
            upstream: self.upstream,
        })
    }

    /// Absolute path of a site-relative path (`tin-tuc/` → `/pbgdpl/tin-tuc/`).
    pub fn url(&self, path: &str) -> String {
        self.urls.url(path)
    }

    /// Full URL of a site-relative path.
    pub fn permalink(&self, path: &str) -> String {
        self.urls.permalink(path)
    }

    /// The standard categories, in navigation order.
    pub fn categories(&self) -> &'static [Category] {
        &CATEGORIES
    }

    /// An interface string (empty when unknown).
    pub fn t(&self, key: &str) -> String {
        self.strings.get(key).cloned().unwrap_or_default()
    }
}

/// An entry's whole page as a job reads it: hashing it hashes the page's
/// [`Page::fingerprint`], which covers everything the page is made from.
#[derive(Debug, Clone, Copy)]
pub struct Full<'p>(pub &'p Page<'p>);

impl std::hash::Hash for Full<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.fingerprint);
    }
}

impl<'p> std::ops::Deref for Full<'p> {
    type Target = Page<'p>;

    fn deref(&self) -> &Page<'p> {
        self.0
    }
}

/// An entry as a list shows it (title, address, dates, summary, front
/// matter; never the body): hashing it hashes [`Page::list_fingerprint`].
/// Lists (category, tag and filter pages, the home page, neighbours,
/// embeds, statistics) take their entries as `Listed`, so a body edit that
/// keeps the summary leaves them as they are.
#[derive(Debug, Clone, Copy)]
pub struct Listed<'p>(&'p Page<'p>);

impl<'p> Listed<'p> {
    /// `page` as lists show it.
    pub fn new(page: &'p Page<'p>) -> Self {
        Self(page)
    }

    /// The entry (its front matter).
    pub fn entry(&self) -> &'p Entry {
        self.0.entry
    }

    /// Whether it is public.
    pub fn visibility(&self) -> Visibility {
        self.0.visibility
    }

    /// True when it is public.
    pub fn is_published(&self) -> bool {
        self.0.is_published()
    }

    /// Absolute path.
    pub fn url(&self) -> &'p str {
        &self.0.url
    }

    /// Full URL.
    pub fn permalink(&self) -> &'p str {
        &self.0.permalink
    }

    /// The summary.
    pub fn summary(&self) -> &'p str {
        &self.0.summary
    }

    /// The featured photo, processed (none without `image`).
    pub fn image(&self) -> Option<&'p crate::images::markup::PhotoView> {
        self.0.image.as_deref()
    }

    /// The page, for the views of lists only ([`Common::list_entry`]).
    pub(crate) fn page(&self) -> &'p Page<'p> {
        self.0
    }
}

impl std::hash::Hash for Listed<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.list_fingerprint);
    }
}

/// Fingerprint of an entry's page: an entry is made from its file (path and
/// text) and the files of its bundle.
fn page_fingerprint(entry: &Entry, visibility: Visibility, url: &str) -> u64 {
    let f = Fingerprint::new()
        .bytes(&entry.source.rel_path)
        .number(entry.source.digest())
        .bytes(url)
        .number(visibility as u64)
        .option(entry.bundle_dir.as_deref());
    attachments_fingerprint(f, entry.published_files())
}

/// Adds every field of `attachments` (formatting them with `Debug` instead
/// cost a fifth of a rebuild on a large site).
fn attachments_fingerprint<'a>(f: Fingerprint, files: impl Iterator<Item = &'a Attachment>) -> u64 {
    files
        .fold(f, |f, a| {
            let Attachment {
                file,
                title,
                size,
                modified,
                size_label,
                mime,
                kind,
                role,
                stored,
            } = a;
            let (stored, sha256) = match stored {
                Some(s) => (Some(s.file.to_string_lossy()), Some(s.sha256.as_str())),
                None => (None, None),
            };
            f.bytes(role.as_str())
                .option(stored.as_deref())
                .option(sha256)
                .bytes(file)
                .bytes(title)
                .number(*size)
                .number(*modified)
                .bytes(size_label)
                .bytes(mime)
                .bytes(kind)
        })
        .finish()
}

/// Fingerprint of an entry as lists show it: like [`page_fingerprint`], with
/// the front matter and the summary instead of the whole file. Every field
/// of [`Entry`] comes from the front matter, the file's place and its
/// bundle, never from the body.
fn list_fingerprint(entry: &Entry, visibility: Visibility, url: &str, summary: &str) -> u64 {
    let f = Fingerprint::new()
        .bytes(&entry.source.rel_path)
        .number(entry.front_digest)
        .bytes(summary)
        .bytes(url)
        .number(visibility as u64)
        .option(entry.bundle_dir.as_deref());
    attachments_fingerprint(f, entry.published_files())
}

fn offset_links(links: &[Link], offset: usize) -> Vec<Link> {
    links
        .iter()
        .map(|l| Link {
            span: l.span.start + offset..l.span.end + offset,
            target: l.target.clone(),
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
