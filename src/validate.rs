//! Checks that span several entries, or the site as a whole: two entries
//! at one address, repeated ids, links to pages that do not exist, the
//! categories Decision 471 requires, the editorial workflow.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::category::{CATEGORIES, Category};
use crate::content::model::{Status, Visibility};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Message;
use crate::msg;
use crate::render::{Link, Prepared};
use crate::routes::{self, STATISTICS_CATEGORY, reserved_segments};
use crate::site::Site;
use crate::source::SourceFile;
use unicode_normalization::UnicodeNormalization;

/// Checks run on loaded content, before rendering.
pub fn content(site: &Site) -> Diagnostics {
    // Each check reads every entry: they run side by side (on one core,
    // they were a tenth of the time `serve` took to show an edited page),
    // and their findings come in this order all the same.
    let checks: [fn(&Site, &mut Diagnostics); 6] = [
        duplicate_paths,
        reserved_paths,
        duplicate_ids,
        workflow,
        required_categories,
        |site, d| d.extend(crate::content::placeholders::check(site)),
    ];
    let found: Vec<Diagnostics> = checks
        .par_iter()
        .map(|check| {
            let mut d = Diagnostics::new();
            check(site, &mut d);
            d
        })
        .collect();
    let mut d = Diagnostics::new();
    for more in found {
        d.extend(more);
    }
    d
}

fn duplicate_paths(site: &Site, d: &mut Diagnostics) {
    let mut seen: FxHashMap<String, &str> = FxHashMap::default();
    seen.reserve(site.content.entries.len());
    for e in &site.content.entries {
        let path = e.path();
        if let Some(first) = seen.get(&path) {
            let rel = &e.source.rel_path;
            let found = Diagnostic::error(
                "duplicate-path",
                msg!(
                    "duplicate-path",
                    path = format!("/{path}"),
                    first = *first,
                    second = rel
                ),
            )
            .in_file(rel);
            // The same name written with precomposed and decomposed
            // letters (a copy from a Mac): they look the same.
            let same_looking = first.nfc().eq(rel.nfc());
            d.push(if same_looking {
                found.help(msg!("duplicate-path-unicode-forms-help"))
            } else {
                found.help(msg!("duplicate-path-help"))
            });
        } else {
            seen.insert(path, &e.source.rel_path);
        }
    }
    for t in &site.content.tables {
        let path = routes::table_page(&t.slug);
        if let Some(entry) = seen.get(&path) {
            d.push(
                Diagnostic::error(
                    "duplicate-path",
                    msg!(
                        "duplicate-path-table",
                        table = &t.file,
                        entry = *entry,
                        path = format!("/{path}")
                    ),
                )
                .in_file(&t.file)
                .help(msg!("duplicate-path-table-help")),
            );
        }
    }
}

fn reserved_paths(site: &Site, d: &mut Diagnostics) {
    let message =
        |cat: &Category, slug: &str| msg!("reserved-path", path = format!("/{}/{slug}/", cat.key));
    let help = |cat: &Category| {
        msg!(
            "reserved-path-help",
            category = cat.key,
            names = reserved_segments(cat).join(", ")
        )
    };
    // Each category's reserved names, listed once (not for every entry).
    let reserved: Vec<(&str, Vec<&str>)> = CATEGORIES
        .iter()
        .map(|c| (c.key, reserved_segments(c)))
        .collect();
    let taken = |cat: &Category, slug: &str| {
        reserved
            .iter()
            .find(|(key, _)| *key == cat.key)
            .is_some_and(|(_, names)| names.contains(&slug))
    };
    for e in &site.content.entries {
        if taken(e.category, &e.slug) {
            d.push(
                Diagnostic::error("reserved-path", message(e.category, &e.slug))
                    .in_file(&e.source.rel_path)
                    .help(help(e.category)),
            );
        }
    }
    if let Some(cat) = crate::category::by_key(STATISTICS_CATEGORY) {
        for t in &site.content.tables {
            if taken(cat, &t.slug) {
                d.push(
                    Diagnostic::error("reserved-path", message(cat, &t.slug))
                        .in_file(&t.file)
                        .help(help(cat)),
                );
            }
        }
    }
}

fn duplicate_ids(site: &Site, d: &mut Diagnostics) {
    // Explicit ids first, then the ids derived from paths: two derived ids
    // never collide without their paths colliding too (reported above).
    let mut seen: FxHashMap<&str, (&str, bool)> = FxHashMap::default();
    seen.reserve(site.content.entries.len());
    let explicit = site.content.entries.iter().filter(|e| e.id_explicit);
    let derived = site.content.entries.iter().filter(|e| !e.id_explicit);
    for e in explicit.chain(derived) {
        match seen.get(e.id.as_str()) {
            None => {
                seen.insert(&e.id, (&e.source.rel_path, e.id_explicit));
            }
            // Two derived ids: their paths collide, which is reported already.
            Some((_, false)) if !e.id_explicit => {}
            Some((first, _)) => d.push(
                Diagnostic::error(
                    "duplicate-id",
                    msg!(
                        "duplicate-id",
                        id = &e.id,
                        first = *first,
                        second = &e.source.rel_path
                    ),
                )
                .in_file(&e.source.rel_path)
                .help(msg!("duplicate-id-help")),
            ),
        }
    }
}

/// Warnings for entries whose id is derived from their file name (for
/// `pbgdpl check`): renaming the file would change the id that feeds and
/// `sync.json` give consumers, who would see a deletion and a new entry.
/// One warning per entry, with the exact line that keeps its id.
pub fn implicit_ids(site: &Site) -> Diagnostics {
    let mut files: Vec<(&str, &str)> = site
        .content
        .entries
        .iter()
        .filter(|e| !e.id_explicit)
        .map(|e| (e.source.rel_path.as_str(), e.id.as_str()))
        .collect();
    files.sort_unstable();
    files
        .into_iter()
        .map(|(file, id)| {
            Diagnostic::warning("implicit-id", msg!("implicit-id", id = id))
                .in_file(file)
                .help(msg!("implicit-id-help", id = id))
        })
        .collect()
}

fn workflow(site: &Site, d: &mut Diagnostics) {
    if !site.config.workflow.require_approver {
        return;
    }
    for e in &site.content.entries {
        if e.editorial.status == Status::Approved && e.editorial.approver.is_none() {
            d.push(
                Diagnostic::warning("missing-approver", msg!("missing-approver"))
                    .in_file(&e.source.rel_path)
                    .help(msg!("missing-approver-help")),
            );
        }
    }
}

fn required_categories(site: &Site, d: &mut Diagnostics) {
    // The categories with a published entry, in one pass over the entries.
    let mut published_in: Vec<&str> = Vec::new();
    for e in &site.content.entries {
        if e.category.required
            && !published_in.contains(&e.category.key)
            && e.editorial.visibility(site.now) == Visibility::Published
        {
            published_in.push(e.category.key);
        }
    }
    for c in CATEGORIES.iter().filter(|c| c.required) {
        let published = published_in.contains(&c.key);
        let has_tables = c.key == "thong-ke" && !site.content.tables.is_empty();
        if !published && !has_tables {
            d.push(
                Diagnostic::warning(
                    "empty-required-category",
                    msg!(
                        "empty-required-category",
                        category = c.key,
                        label = c.label_vi,
                        clause = c.clause.unwrap_or("")
                    ),
                )
                .in_dir(&format!("content/{}", c.key))
                .help(msg!("empty-required-category-help", category = c.key)),
            );
        }
    }
}

/// Resolves a link target as written in a page at site-relative directory
/// `page_dir` (`tin-tuc/x/`) to the output file it needs.
pub fn resolve_link(target: &str, page_dir: &str) -> Option<String> {
    let target = target.split(['#', '?']).next().unwrap_or("");
    if target.is_empty() {
        return None;
    }
    let decoded = percent_decode(target);
    let (base, rest) = match decoded.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (page_dir, decoded.as_ref()),
    };
    let mut parts: Vec<&str> = Vec::with_capacity(8);
    for seg in base.split('/').chain(rest.split('/')) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut path = String::with_capacity(decoded.len() + page_dir.len() + 11);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            path.push('/');
        }
        path.push_str(part);
    }
    let dir = if rest.is_empty() {
        base.ends_with('/') || base.is_empty()
    } else {
        rest.ends_with('/')
    };
    if dir || parts.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path = crate::routes::index_file(&path);
    }
    Some(path)
}

fn percent_decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('%') {
        return s.into();
    }
    percent_encoding::percent_decode_str(s).decode_utf8_lossy()
}

/// Checks every internal link of the rendered pages against what the
/// build actually wrote. The pages are checked on every core (on one, this
/// was most of what a no-op rebuild did after its last renderer); the
/// errors come in the pages' order all the same.
pub fn links(p: &Prepared<'_>, written: &rustc_hash::FxHashSet<String>) -> Diagnostics {
    let base = p.base_path.trim_end_matches('/').to_string();
    // Entries that exist but are not published today, by output file:
    // only needed to explain a broken link, so made on the first one.
    let unpublished = std::sync::OnceLock::new();
    let unpublished = || {
        unpublished.get_or_init(|| -> BTreeMap<String, Visibility> {
            p.site
                .content
                .entries
                .iter()
                .map(|e| {
                    (
                        crate::routes::index_file(&e.path()),
                        e.editorial.visibility(p.site.now),
                    )
                })
                .filter(|(_, v)| *v != Visibility::Published)
                .collect()
        })
    };
    let check = |source: &SourceFile, page_dir: &str, link: &Link| -> Option<Diagnostic> {
        let path = resolve_link(&link.target, page_dir)?;
        let exists = written.contains(&path)
            || (!path.ends_with(".html")
                && written.contains(&crate::routes::index_file(&format!("{path}/"))));
        if exists {
            return None;
        }
        let help = if let Some(v) = unpublished().get(&path) {
            let why = match v {
                Visibility::Unapproved => msg!("link-why-unapproved"),
                Visibility::Scheduled => msg!("link-why-scheduled"),
                Visibility::Expired => msg!("link-why-expired"),
                Visibility::Published => Message::default(),
            };
            msg!("link-unpublished", why = why)
        } else if !base.is_empty() && link.target.starts_with(&format!("{base}/")) {
            msg!("link-inside-section", fixed = &link.target[base.len()..])
        } else if link.target.starts_with('/') {
            msg!("link-absolute-help")
        } else {
            msg!("link-relative-help")
        };
        Some(
            Diagnostic::error("broken-link", msg!("broken-link", target = &link.target))
                .at(source, link.span.clone())
                .help(help),
        )
    };
    let pages: Vec<Diagnostic> = p
        .pages
        .par_iter()
        .filter(|page| !page.links.is_empty())
        .flat_map_iter(|page| {
            let dir = page.entry.path();
            page.links
                .iter()
                .filter_map(move |link| check(&page.entry.source, &dir, link))
        })
        .collect();
    let intros = p.intros.iter().flat_map(|(key, intro)| {
        let dir = format!("{key}/");
        intro
            .links
            .iter()
            .filter_map(move |link| check(&intro.intro.source, &dir, link))
    });
    let home = p.home_intro.iter().flat_map(|intro| {
        intro
            .links
            .iter()
            .filter_map(|link| check(&intro.intro.source, "", link))
    });
    pages.into_iter().chain(intros).chain(home).collect()
}

/// Bodies that nest too deeply to render (see [`crate::nesting`]): each
/// is reported where it passes the limit.
pub fn nesting(p: &Prepared<'_>) -> Diagnostics {
    let mut d = Diagnostics::new();
    let pages = p.pages.iter().filter_map(|page| {
        let span = page.body.too_deep()?;
        let offset = page.entry.body_offset;
        Some((&page.entry.source, span.start + offset..span.end + offset))
    });
    let intros = p.intros.values().chain(&p.home_intro);
    let intros = intros.filter_map(|i| Some((&i.intro.source, i.too_deep.clone()?)));
    for (source, span) in pages.chain(intros) {
        // Point at the start only: the span of a deep quote or list runs
        // to the end of the file.
        d.push(
            Diagnostic::error(
                "too-deep",
                msg!("too-deep", limit = crate::nesting::MAX_NESTING),
            )
            .at(source, span.start..span.start + 1)
            .help(msg!("too-deep-help")),
        );
    }
    d
}

#[cfg(test)]
mod tests {
    use super::resolve_link;

    #[test]
    fn resolves_links_like_a_browser() {
        let r = |t: &str| resolve_link(t, "van-ban-moi/nd-13/").unwrap();
        assert_eq!(r("/hoi-dap/a/"), "hoi-dap/a/index.html");
        assert_eq!(r("/hoi-dap/a/#tra-loi"), "hoi-dap/a/index.html");
        assert_eq!(r("toan-van.pdf"), "van-ban-moi/nd-13/toan-van.pdf");
        assert_eq!(r("../khac/"), "van-ban-moi/khac/index.html");
        assert_eq!(r("/"), "index.html");
        assert_eq!(r("/t%E1%BB%87p.pdf"), "tệp.pdf");
        assert_eq!(resolve_link("#x", "a/"), None);
    }
}
