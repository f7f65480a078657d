//! A scope's RFC 5005 chain of feed documents, the same for an agency's
//! section and for the provincial hub: the subscription document carries
//! the newest `limit` items; older items are in archive documents named
//! after the time they were published, so that an archive's membership
//! depends only on the dates of its own items:
//!
//! - a month with at most `limit` archived items is one archive, `2026-03`;
//! - a busier month is split by day: consecutive days are packed, oldest
//!   first, into archives of at most `limit` items, each named after its
//!   first day (`2026-03-01`, `2026-03-09`…); a single day with more than
//!   `limit` items gets archives of its own (`2026-03-14`, `2026-03-14-2`…).
//!
//! Publishing, deleting or re-dating an entry therefore changes the
//! subscription document and the archives of the months it leaves and
//! joins, never the rest of the chain: RFC 5005 means archive documents to
//! stay as they are, so consumers that have read them need not read them
//! again (and `serve` rewrites a handful of files after a date edit).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::date::Timestamp;

/// Where a document sits in its scope's chain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Position {
    /// The archive's name (`2026-03`, `2026-03-14`, `2026-03-14-2`), `None`
    /// for the subscription document.
    pub archive: Option<String>,
    /// The archive just older than this document (RFC 5005 `prev-archive`).
    pub prev: Option<String>,
    /// The archive just newer than this one (`next-archive`; archives only).
    pub next: Option<String>,
}

impl Position {
    /// Whether the document is an archive (`fh:archive`).
    pub fn is_archive(&self) -> bool {
        self.archive.is_some()
    }
}

/// One document of a scope's chain: the subscription document or one
/// archive.
#[derive(Debug)]
pub struct Part<T> {
    /// Where it sits in the chain.
    pub position: Position,
    /// The newest modification among its items.
    pub updated: Timestamp,
    /// Its items, newest first.
    pub items: Vec<T>,
}

/// A scope's chain of documents: the subscription document first, then
/// the archives from the oldest to the newest. `items` are newest first;
/// `published` gives an item's publication date, `updated` a document's
/// newest modification.
pub fn chain<T: Copy>(
    items: &[T],
    limit: usize,
    published: impl Fn(&T) -> NaiveDate,
    updated: impl Fn(&[T]) -> Timestamp,
) -> Vec<Part<T>> {
    let limit = limit.max(1);
    let current: Vec<T> = items.iter().take(limit).copied().collect();
    let older = items.get(limit..).unwrap_or_default();
    let archives = archives(older, limit, published);
    let name = |i: usize| archives.get(i).map(|(name, _)| name.clone());
    let subscription = Part {
        position: Position {
            archive: None,
            prev: archives.len().checked_sub(1).and_then(name),
            next: None,
        },
        updated: updated(&current),
        items: current,
    };
    let parts = archives
        .iter()
        .enumerate()
        .map(|(i, (archive, items))| Part {
            position: Position {
                archive: Some(archive.clone()),
                prev: i.checked_sub(1).and_then(name),
                next: name(i + 1),
            },
            updated: updated(items),
            items: items.clone(),
        });
    std::iter::once(subscription).chain(parts).collect()
}

/// The archives of `older` (newest first), oldest archive first, each
/// with its name and its items newest first.
fn archives<T: Copy>(
    older: &[T],
    limit: usize,
    published: impl Fn(&T) -> NaiveDate,
) -> Vec<(String, Vec<T>)> {
    // Oldest first; grouped by month, then by day.
    let mut months: BTreeMap<(i32, u32), BTreeMap<NaiveDate, Vec<T>>> = BTreeMap::new();
    for item in older.iter().rev() {
        let day = published(item);
        months
            .entry((day.year(), day.month()))
            .or_default()
            .entry(day)
            .or_default()
            .push(*item);
    }
    let mut out = Vec::new();
    for ((year, month), days) in months {
        let count: usize = days.values().map(Vec::len).sum();
        if count <= limit {
            out.push((
                format!("{year:04}-{month:02}"),
                days.into_values().flatten().collect(),
            ));
            continue;
        }
        let mut pack: Option<(NaiveDate, Vec<T>)> = None;
        for (day, items) in days {
            if items.len() > limit {
                out.extend(pack.take().map(|(first, items)| (day_name(first), items)));
                for (i, chunk) in items.chunks(limit).enumerate() {
                    let name = match i {
                        0 => day_name(day),
                        _ => format!("{}-{}", day_name(day), i + 1),
                    };
                    out.push((name, chunk.to_vec()));
                }
                continue;
            }
            if pack
                .as_ref()
                .is_some_and(|(_, packed)| packed.len() + items.len() > limit)
            {
                out.extend(pack.take().map(|(first, items)| (day_name(first), items)));
            }
            pack.get_or_insert_with(|| (day, Vec::new()))
                .1
                .extend(items);
        }
        out.extend(pack.map(|(first, items)| (day_name(first), items)));
    }
    for (_, items) in &mut out {
        items.reverse();
    }
    out
}

fn day_name(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn someday() -> Timestamp {
        Timestamp::from_date(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap())
    }

    /// Items are their publication dates; `chain` gets them newest first.
    fn run(dates: &[&str], limit: usize) -> Vec<(Option<String>, Vec<String>)> {
        let mut items: Vec<NaiveDate> = dates
            .iter()
            .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap())
            .collect();
        items.sort_by(|a, b| b.cmp(a));
        let parts = chain(&items, limit, |d| *d, |_| someday());
        parts
            .into_iter()
            .map(|p| {
                let items = p.items.iter().map(|d| day_name(*d)).collect();
                (p.position.archive, items)
            })
            .collect()
    }

    fn names(parts: &[(Option<String>, Vec<String>)]) -> Vec<String> {
        parts.iter().filter_map(|(name, _)| name.clone()).collect()
    }

    #[test]
    fn quiet_months_are_one_archive_each() {
        let parts = run(
            &[
                "2026-03-20",
                "2026-03-02",
                "2026-02-11",
                "2025-12-31",
                "2025-12-01",
            ],
            2,
        );
        assert_eq!(parts[0].1, ["2026-03-20", "2026-03-02"]);
        assert_eq!(names(&parts), ["2025-12", "2026-02"]);
        assert_eq!(parts[1].1, ["2025-12-31", "2025-12-01"]);
    }

    #[test]
    fn busy_months_are_packed_by_day_and_busy_days_split() {
        let mut dates = vec!["2026-05-01"; 2];
        dates.extend(["2026-04-01", "2026-04-02", "2026-04-03", "2026-04-05"]);
        dates.extend(["2026-04-10"; 5]);
        dates.push("2026-04-11");
        let parts = run(&dates, 2);
        assert_eq!(
            names(&parts),
            [
                "2026-04-01",
                "2026-04-03",
                "2026-04-10",
                "2026-04-10-2",
                "2026-04-10-3",
                "2026-04-11"
            ]
        );
        assert_eq!(parts[2].1, ["2026-04-05", "2026-04-03"]);
        assert_eq!(parts[5].1, ["2026-04-10"]);
    }

    #[test]
    fn links_run_from_the_subscription_to_the_oldest_and_back() {
        let mut items: Vec<NaiveDate> = ["2026-03-01", "2026-02-01", "2026-01-01"]
            .iter()
            .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap())
            .collect();
        items.sort_by(|a, b| b.cmp(a));
        let parts = chain(&items, 1, |d| *d, |_| someday());
        let at = |i: usize| &parts[i].position;
        assert_eq!(at(0).archive, None);
        assert_eq!(at(0).prev.as_deref(), Some("2026-02"));
        assert_eq!(at(1).archive.as_deref(), Some("2026-01"));
        assert_eq!(
            (at(1).prev.as_deref(), at(1).next.as_deref()),
            (None, Some("2026-02"))
        );
        assert_eq!(
            (at(2).prev.as_deref(), at(2).next.as_deref()),
            (Some("2026-01"), None)
        );
    }

    #[test]
    fn re_dating_an_item_changes_only_the_months_it_leaves_and_joins() {
        let mut before: Vec<String> = Vec::new();
        for month in 1..=9 {
            for day in [3, 12, 25] {
                before.push(format!("2025-{month:02}-{day:02}"));
            }
        }
        let mut after = before.clone();
        after[4] = "2025-07-14".to_string(); // from February to July
        fn as_refs(v: &[String]) -> Vec<&str> {
            v.iter().map(String::as_str).collect()
        }
        let (a, b) = (run(&as_refs(&before), 2), run(&as_refs(&after), 2));
        let a: BTreeMap<_, _> = a.into_iter().skip(1).collect();
        let b: BTreeMap<_, _> = b.into_iter().skip(1).collect();
        let changed: Vec<_> = a
            .keys()
            .chain(b.keys())
            .filter(|k| a.get(*k) != b.get(*k))
            .filter_map(|k| k.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        // February becomes quiet (one archive), July busier (split by day).
        assert!(changed.contains(&"2025-02".to_string()), "{changed:?}");
        assert!(
            changed.iter().any(|n| n.starts_with("2025-07-")),
            "{changed:?}"
        );
        assert!(
            changed
                .iter()
                .all(|n| n.starts_with("2025-02") || n.starts_with("2025-07")),
            "{changed:?}"
        );
    }

    #[test]
    fn an_empty_scope_has_only_the_subscription_document() {
        let parts = run(&[], 50);
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].0, None);
        assert!(parts[0].1.is_empty());
    }
}
