//! What a `sync.json` must satisfy beyond its schema, digest and count
//! (checked in [`crate::aggregate::validate`]) before the hub uses it:
//!
//! - `site.base_url` is an http(s) address of a directory;
//! - every entry's id lies under the section's own `tag:` prefix (built
//!   from that address: host, port, path), once;
//! - every entry's `url` is an http(s) address under `base_url`;
//! - every tombstone's id lies under the same prefix (an agency cannot
//!   delete another's entries), and its `url`, if any, under `base_url`;
//! - the section is the source's own ([`own_address`]): the `base_url` that
//!   `sources.toml` gives for it, else the address the hub fetches it from.
//!   A local build without `base_url` in `sources.toml` is taken at its
//!   word, with a weaker claim when two sources publish the same section
//!   (see [`super::claims`]).

use std::collections::BTreeSet;

use url::Url;

use crate::output::feeds::item::tag_prefix_of;

use super::super::fetch::Location;
use super::super::sources::SourceConfig;
use super::super::validate::Snapshot;
use super::links::under;
use super::reason::Reason;

/// How strongly a source's claim on its section is backed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Claim {
    /// A local build with no `base_url` in `sources.toml`: its own word.
    Declared,
    /// A local build that published this section on the hub before.
    Kept,
    /// `base_url` in `sources.toml`, or fetched from under its own address.
    Vouched,
}

/// Checks the records and tombstones of a snapshot (see the module
/// documentation).
pub fn check(snapshot: &Snapshot) -> Result<(), Reason> {
    let base = &snapshot.site.base_url;
    if crate::config::normalize_base_url(base).ok().as_deref() != Some(base.as_str())
        || Url::parse(base).map_or(true, |u| u.host_str().is_none_or(str::is_empty))
    {
        return Err(Reason::BaseUrlUnusable);
    }
    let prefix = tag_prefix_of(base);
    let mut ids = BTreeSet::new();
    for (i, r) in snapshot.entries.iter().enumerate() {
        let entry = i + 1;
        if !r.id.starts_with(&prefix) || r.id.len() == prefix.len() {
            return Err(Reason::IdOutside { entry });
        }
        if !ids.insert(r.id.as_str()) {
            return Err(Reason::IdTwice { entry });
        }
        if !under(&r.url, base) {
            return Err(Reason::UrlOutside { entry });
        }
    }
    for (i, t) in snapshot.deleted.iter().enumerate() {
        let tombstone = i + 1;
        if !t.id.starts_with(&prefix) {
            return Err(Reason::TombstoneOutside { tombstone });
        }
        if t.url.as_deref().is_some_and(|u| !under(u, base)) {
            return Err(Reason::TombstoneUrlOutside { tombstone });
        }
    }
    Ok(())
}

/// Whether the section of `snapshot` is the source's own, and how
/// strongly (see the module documentation). `kept` is the section the
/// source published on the hub before, if any.
pub fn own_address(
    snapshot: &Snapshot,
    source: &SourceConfig,
    kept: Option<&str>,
) -> Result<Claim, Reason> {
    let base = &snapshot.site.base_url;
    if let Some(configured) = &source.base_url {
        return if configured == base {
            Ok(Claim::Vouched)
        } else {
            Err(Reason::BaseUrlNotConfigured)
        };
    }
    let fetched_from = [Some(&source.sync), source.feed.as_ref()];
    let mut web = fetched_from.into_iter().flatten().filter_map(|l| match l {
        Location::Url(u) => Some(u),
        Location::File(_) => None,
    });
    match web.next() {
        // Fetched over the web: from under its own address.
        Some(first) => {
            if under(first.as_str(), base) && web.all(|u| under(u.as_str(), base)) {
                Ok(Claim::Vouched)
            } else {
                Err(Reason::BaseUrlNotWhereFetched)
            }
        }
        None if kept == Some(base.as_str()) => Ok(Claim::Kept),
        None => Ok(Claim::Declared),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{FeedLinks, Named, Record, SiteInfo, Tombstone};
    use std::path::Path;

    fn snapshot(base: &str, ids: &[&str]) -> Snapshot {
        Snapshot {
            schema_version: "1.0".into(),
            generator: "pbgdpl".into(),
            site: SiteInfo {
                title: "T".into(),
                base_url: base.into(),
                language: "vi".into(),
                agency: Named {
                    name: "A".into(),
                    url: "https://a.example".into(),
                },
                province: Named {
                    name: "P".into(),
                    url: "https://p.example".into(),
                },
            },
            feeds: FeedLinks {
                json: format!("{base}feed.json"),
                atom: format!("{base}atom.xml"),
                rss: format!("{base}rss.xml"),
            },
            statistics: None,
            digest: String::new(),
            entries: ids
                .iter()
                .map(|id| Record {
                    id: format!("{}{id}", tag_prefix_of(base)),
                    url: format!("{base}{id}/"),
                    category: "tin-tuc".into(),
                    date_modified: None,
                    sha256: "0".repeat(64),
                })
                .collect(),
            deleted: Vec::new(),
        }
    }

    #[test]
    fn records_and_tombstones_stay_in_their_section() {
        let base = "https://a.example/pbgdpl/";
        let good = snapshot(base, &["x", "y"]);
        assert_eq!(check(&good), Ok(()));

        let mut s = good.clone();
        s.entries[1].url = "javascript:alert(5)".into();
        assert_eq!(check(&s), Err(Reason::UrlOutside { entry: 2 }));
        s.entries[1].url = "https://evil.example/pbgdpl/y/".into();
        assert_eq!(check(&s), Err(Reason::UrlOutside { entry: 2 }));

        let mut s = good.clone();
        s.entries[0].id = "tag:b.example,2019:/pbgdpl/x".into();
        assert_eq!(check(&s), Err(Reason::IdOutside { entry: 1 }));

        let mut s = good.clone();
        s.deleted.push(Tombstone {
            id: "tag:b.example,2019:/pbgdpl/gone".into(),
            deleted_at: "2026-11-22T00:00:00+07:00".into(),
            url: None,
            category: None,
        });
        assert_eq!(check(&s), Err(Reason::TombstoneOutside { tombstone: 1 }));
        s.deleted[0].id = format!("{}gone", tag_prefix_of(base));
        s.deleted[0].url = Some("data:text/html,x".into());
        assert_eq!(check(&s), Err(Reason::TombstoneUrlOutside { tombstone: 1 }));

        for bad in [
            "javascript:alert(1)//",
            "https://a.example/pbgdpl",
            "ftp://a/",
        ] {
            let mut s = good.clone();
            s.site.base_url = bad.into();
            assert_eq!(check(&s), Err(Reason::BaseUrlUnusable), "{bad}");
        }
    }

    fn source(sync: &str, base_url: Option<&str>) -> SourceConfig {
        let sync = Location::parse(sync, Path::new("/srv")).unwrap();
        SourceConfig {
            id: "a".into(),
            name: "A".into(),
            root: sync.parent(),
            sync,
            feed: None,
            base_url: base_url.map(str::to_string),
        }
    }

    #[test]
    fn a_section_is_the_sources_own_only_where_it_is_fetched_or_configured() {
        let s = snapshot("https://a.example/pbgdpl/", &["x"]);
        let own = |src: &SourceConfig, kept| own_address(&s, src, kept);
        assert_eq!(
            own(&source("https://a.example/pbgdpl/sync.json", None), None),
            Ok(Claim::Vouched)
        );
        // Someone else's server serving a copy of it: refused.
        assert_eq!(
            own(&source("https://evil.example/pbgdpl/sync.json", None), None),
            Err(Reason::BaseUrlNotWhereFetched)
        );
        // A mirror the operator vouches for.
        let mirror = source(
            "http://127.0.0.1:9/a/sync.json",
            Some("https://a.example/pbgdpl/"),
        );
        assert_eq!(own(&mirror, None), Ok(Claim::Vouched));
        let wrong = source(
            "http://127.0.0.1:9/a/sync.json",
            Some("https://b.example/pbgdpl/"),
        );
        assert_eq!(own(&wrong, None), Err(Reason::BaseUrlNotConfigured));
        // A local build: its word, stronger when it published it before.
        let local = source("a/sync.json", None);
        assert_eq!(own(&local, None), Ok(Claim::Declared));
        assert_eq!(
            own(&local, Some("https://a.example/pbgdpl/")),
            Ok(Claim::Kept)
        );
        assert!(Claim::Vouched > Claim::Kept && Claim::Kept > Claim::Declared);
    }
}
