//! Checks that span several entries, or the site as a whole: two entries
//! at one address, repeated ids, links to pages that do not exist, the
//! categories Decision 471 requires, the editorial workflow.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::category::CATEGORIES;
use crate::content::model::{Status, Visibility};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::{Link, Prepared};
use crate::site::Site;
use crate::source::SourceFile;

/// Checks run on loaded content, before rendering.
pub fn content(site: &Site) -> Diagnostics {
    let mut d = Diagnostics::new();
    duplicate_paths(site, &mut d);
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

fn duplicate_ids(site: &Site, d: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for e in site.content.entries.iter().filter(|e| e.id_explicit) {
        if let Some(first) = seen.insert(&e.id, &e.source.rel_path) {
            d.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!(
                        "id \"{}\" is used by both {first} and {}",
                        e.id, e.source.rel_path
                    ),
                )
                .in_file(&e.source.rel_path)
                .help("every entry needs its own id; `pbgdpl new` writes a fresh one"),
            );
        }
    }
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
    let joined = match decoded.strip_prefix('/') {
        Some(rest) => rest.to_string(),
        None => format!("{page_dir}{decoded}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if joined.ends_with('/') || parts.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Checks every internal link of the rendered pages against what the
/// build actually wrote.
pub fn links(p: &Prepared<'_>, written: &BTreeSet<String>) -> Diagnostics {
    let base = p.base_path.trim_end_matches('/').to_string();
    let check = |source: &SourceFile, page_dir: &str, link: &Link| -> Option<Diagnostic> {
        let path = resolve_link(&link.target, page_dir)?;
        let exists = written.contains(&path)
            || (!path.ends_with(".html") && written.contains(&format!("{path}/index.html")));
        if exists {
            return None;
        }
        let help = if !base.is_empty() && link.target.starts_with(&format!("{base}/")) {
            format!(
                "links starting with / are already inside the section: write {} instead",
                &link.target[base.len()..]
            )
        } else if link.target.starts_with('/') {
            "check the address: pages are at /<category>/<file name without .md>/".to_string()
        } else {
            "relative links are resolved from the entry's own address; put the file beside index.md, or start the link with /".to_string()
        };
        Some(
            Diagnostic::error(
                "broken-link",
                format!("link to {} leads nowhere", link.target),
            )
            .at(source, link.span.clone())
            .help(help),
        )
    };
    // Pages in parallel: a large site has tens of thousands of links.
    let mut d: Diagnostics = p
        .pages
        .par_iter()
        .filter(|page| !page.links.is_empty())
        .flat_map_iter(|page| {
            let dir = page.entry.path();
            page.links
                .iter()
                .filter_map(|link| check(&page.entry.source, &dir, link))
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    for (key, intro) in &p.intros {
        for link in &intro.links {
            if let Some(diag) = check(&intro.intro.source, &format!("{key}/"), link) {
                d.push(diag);
            }
        }
    }
    if let Some(intro) = &p.home_intro {
        for link in &intro.links {
            if let Some(diag) = check(&intro.intro.source, "", link) {
                d.push(diag);
            }
        }
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
