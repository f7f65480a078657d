//! Checks that span several entries, or the site as a whole: two entries
//! at one address, repeated ids, links to pages that do not exist, the
//! categories Decision 471 requires, the editorial workflow.

use std::collections::{BTreeMap, HashSet};

use crate::category::{CATEGORIES, Category};
use crate::content::model::{Status, Visibility};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;
use crate::output::{filters, statistics};
use crate::render::{Link, Prepared};
use crate::site::Site;
use crate::source::SourceFile;

/// Checks run on loaded content, before rendering.
pub fn content(site: &Site) -> Diagnostics {
    let mut d = Diagnostics::new();
    duplicate_paths(site, &mut d);
    reserved_paths(site, &mut d);
    duplicate_ids(site, &mut d);
    workflow(site, &mut d);
    required_categories(site, &mut d);
    d
}

fn duplicate_paths(site: &Site, d: &mut Diagnostics) {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for e in &site.content.entries {
        let path = e.path();
        if let Some(first) = seen.get(&path) {
            d.push(
                Diagnostic::error(
                    "duplicate-path",
                    format!("two entries would be published at /{path}: {first} and {}", e.source.rel_path),
                )
                .in_file(&e.source.rel_path)
                .help("rename one of the two files (the address comes from the file name, without diacritics)"),
            );
        } else {
            seen.insert(path, &e.source.rel_path);
        }
    }
    for t in &site.content.tables {
        let path = format!("thong-ke/{}/", t.slug);
        if let Some(entry) = seen.get(&path) {
            d.push(
                Diagnostic::error(
                    "duplicate-path",
                    format!(
                        "data table {} and entry {entry} would both be published at /{path}",
                        t.file
                    ),
                )
                .in_file(&t.file)
                .help("rename the data table file or the entry"),
            );
        }
    }
}

/// URL segments a category's own pages use: pagination everywhere, the
/// filter pages where entries can carry document metadata, the CSV files of
/// the computed statistics.
fn reserved_segments(category: &Category) -> Vec<&'static str> {
    let mut r = vec!["page"];
    if filters::has_documents(category) {
        r.extend([filters::TYPE_SEGMENT, filters::YEAR_SEGMENT]);
    }
    if category.key == statistics::CATEGORY {
        r.push(statistics::SUMMARY_DIR);
    }
    r
}

fn reserved_paths(site: &Site, d: &mut Diagnostics) {
    let message = |cat: &Category, slug: &str| {
        format!(
            "the address /{}/{slug}/ is reserved for the category's own pages",
            cat.key
        )
    };
    let help = |cat: &Category| {
        format!(
            "rename the file: in {} these names are taken: {}",
            cat.key,
            reserved_segments(cat).join(", ")
        )
    };
    for e in &site.content.entries {
        if reserved_segments(e.category).contains(&e.slug.as_str()) {
            d.push(
                Diagnostic::error("reserved-path", message(e.category, &e.slug))
                    .in_file(&e.source.rel_path)
                    .help(help(e.category)),
            );
        }
    }
    if let Some(cat) = crate::category::by_key(statistics::CATEGORY) {
        for t in &site.content.tables {
            if reserved_segments(cat).contains(&t.slug.as_str()) {
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
    let mut seen: BTreeMap<&str, (&str, bool)> = BTreeMap::new();
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
                    format!(
                        "id \"{}\" is used by both {first} and {}",
                        e.id, e.source.rel_path
                    ),
                )
                .in_file(&e.source.rel_path)
                .help("every entry needs its own id; `pbgdpl new` writes a fresh one"),
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
            Diagnostic::warning(
                "implicit-id",
                format!(
                    "no `id`: the entry's id \"{id}\" comes from its file name, so renaming the file changes it"
                ),
            )
            .in_file(file)
            .help(format!(
                "add the line id = \"{id}\" to the front matter: the entry keeps the id it has today, \
                 whatever the file is later called (`pbgdpl new` always writes an id)"
            ))
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
                Diagnostic::warning(
                    "missing-approver",
                    "this entry is approved but does not say who approved it",
                )
                .in_file(&e.source.rel_path)
                .help("add approver = \"…\" (the person who approved publication), as [workflow] require_approver asks"),
            );
        }
    }
}

fn required_categories(site: &Site, d: &mut Diagnostics) {
    for c in CATEGORIES.iter().filter(|c| c.required) {
        let published = site
            .content
            .entries
            .iter()
            .filter(|e| e.category.key == c.key)
            .any(|e| e.editorial.visibility(site.today) == Visibility::Published);
        let has_tables = c.key == "thong-ke" && !site.content.tables.is_empty();
        if !published && !has_tables {
            d.push(
                Diagnostic::warning(
                    "empty-required-category",
                    format!(
                        "category {} ({}) has no published entry, but Decision 471/QĐ-TTg (III.{}) requires it",
                        c.key,
                        c.label_vi,
                        c.clause.unwrap_or("")
                    ),
                )
                .in_dir(&format!("content/{}", c.key))
                .help(format!("publish at least one entry: pbgdpl new {} \"Tiêu đề\"", c.key)),
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
        path.push_str("index.html");
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
/// build actually wrote.
pub fn links(p: &Prepared<'_>, written: &HashSet<String>) -> Diagnostics {
    let mut d = Diagnostics::new();
    let base = p.base_path.trim_end_matches('/').to_string();
    // Entries that exist but are not published today, by output file:
    // only needed to explain a broken link, so made on the first one.
    let unpublished = std::cell::OnceCell::new();
    let unpublished = || {
        unpublished.get_or_init(|| -> BTreeMap<String, Visibility> {
            p.site
                .content
                .entries
                .iter()
                .map(|e| {
                    (
                        format!("{}index.html", e.path()),
                        e.editorial.visibility(p.site.today),
                    )
                })
                .filter(|(_, v)| *v != Visibility::Published)
                .collect()
        })
    };
    let mut check = |source: &SourceFile, page_dir: &str, link: &Link| {
        let Some(path) = resolve_link(&link.target, page_dir) else {
            return;
        };
        let exists = written.contains(&path)
            || (!path.ends_with(".html") && written.contains(&format!("{path}/index.html")));
        if exists {
            return;
        }
        let help = if let Some(v) = unpublished().get(&path) {
            let why = match v {
                Visibility::Unapproved => "it is not approved yet",
                Visibility::Scheduled => "its publish_date has not come yet",
                Visibility::Expired => "its expiry_date has passed",
                Visibility::Published => "",
            };
            format!(
                "that entry is not published ({why}); publish it first, or remove the link until it is"
            )
        } else if !base.is_empty() && link.target.starts_with(&format!("{base}/")) {
            format!(
                "links starting with / are already inside the section: write {} instead",
                &link.target[base.len()..]
            )
        } else if link.target.starts_with('/') {
            "check the address: pages are at /<category>/<file name without .md>/".to_string()
        } else {
            "relative links are resolved from the entry's own address; put the file beside index.md, or start the link with /".to_string()
        };
        d.push(
            Diagnostic::error(
                "broken-link",
                format!("link to {} leads nowhere", link.target),
            )
            .at(source, link.span.clone())
            .help(help),
        );
    };
    for page in p.pages.iter().filter(|page| !page.links.is_empty()) {
        let dir = page.entry.path();
        for link in &page.links {
            check(&page.entry.source, &dir, link);
        }
    }
    for (key, intro) in &p.intros {
        for link in &intro.links {
            check(&intro.intro.source, &format!("{key}/"), link);
        }
    }
    if let Some(intro) = &p.home_intro {
        for link in &intro.links {
            check(&intro.intro.source, "", link);
        }
    }
    d
}

/// Bodies that nest too deeply to render (see [`crate::nesting`]): each
/// is reported where it passes the limit.
pub fn nesting(p: &Prepared<'_>) -> Diagnostics {
    let mut d = Diagnostics::new();
    let pages = p.pages.iter().filter_map(|page| {
        let span = page.body.too_deep.as_ref()?;
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
