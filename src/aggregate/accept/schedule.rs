//! Items dated in the future.
//!
//! A section publishes an entry once its date has come; the hub does the
//! same with what it receives. An item whose `date_published` is more
//! than [`TOLERANCE`] after the run (a day, for time zones and clocks set
//! wrong) is **held back**: it is not listed on the hub's pages, feeds or
//! search, so a typing slip (`9999-12-31`, `2062` for `2026`) cannot pin it
//! to the top of every list. Its record stays in the hub's `sync.json`
//! (the agency does publish it), the agency's page and the status page say
//! how many items are held, and the first run after its date lists it (the
//! hub is rebuilt for it). A `date_modified` in the future is ignored: the
//! item counts as modified when it was published.

use std::collections::{BTreeMap, BTreeSet};

use crate::date::Timestamp;

use super::super::state::StoredItem;

/// How far after the run an item may be dated and still be listed.
pub const TOLERANCE: chrono::TimeDelta = chrono::TimeDelta::days(1);

/// The items of one agency held back in a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Held {
    /// Their ids.
    pub ids: BTreeSet<String>,
    /// The earliest time a run lists one of them.
    pub next: Option<Timestamp>,
}

fn published(item: &StoredItem) -> Option<Timestamp> {
    item.item
        .get("date_published")
        .and_then(|v| v.as_str())
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(Timestamp::from_datetime)
}

/// Whether an item dated `date` is listed in a run at `now`.
pub fn due(date: Timestamp, now: Timestamp) -> bool {
    date.instant() <= now.instant() + TOLERANCE
}

/// The items held back at `now`.
pub fn held(items: &BTreeMap<String, StoredItem>, now: Timestamp) -> Held {
    let mut out = Held::default();
    for (id, item) in items {
        let Some(date) = published(item) else {
            continue;
        };
        if !due(date, now) {
            out.ids.insert(id.clone());
            let listed = Timestamp::from_datetime(date.instant() - TOLERANCE);
            out.next = Some(out.next.map_or(listed, |n| n.min(listed)));
        }
    }
    out
}

/// The modification time the hub uses: `modified` unless it is in the
/// future, else `published`.
pub fn modified(published: Timestamp, modified: Option<Timestamp>, now: Timestamp) -> Timestamp {
    match modified {
        Some(m) if due(m, now) && m >= published => m,
        _ => published,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(date: &str) -> StoredItem {
        StoredItem {
            sha256: String::new(),
            item: json!({ "date_published": date }),
        }
    }

    #[test]
    fn far_future_items_are_held_until_their_day() {
        let now = Timestamp::parse("2026-11-22T08:00:00+07:00").unwrap();
        let items: BTreeMap<String, StoredItem> = [
            ("a".to_string(), item("2026-11-22T00:00:00+07:00")),
            // Tomorrow: within the tolerance.
            ("b".to_string(), item("2026-11-23T00:00:00+07:00")),
            ("c".to_string(), item("9999-12-31T00:00:00+07:00")),
            ("d".to_string(), item("2026-12-01T00:00:00+07:00")),
        ]
        .into();
        let h = held(&items, now);
        assert_eq!(h.ids, BTreeSet::from(["c".to_string(), "d".to_string()]));
        assert_eq!(h.next.unwrap().rfc3339(), "2026-11-30T00:00:00+07:00");
        let later = Timestamp::parse("2026-11-30T00:00:00+07:00").unwrap();
        assert_eq!(held(&items, later).ids, BTreeSet::from(["c".to_string()]));

        let p = Timestamp::parse("2026-11-20T00:00:00+07:00").unwrap();
        let future = Timestamp::parse("9999-12-31T00:00:00+07:00").unwrap();
        assert_eq!(modified(p, Some(future), now), p);
        assert_eq!(modified(p, Some(now), now), now);
        assert_eq!(modified(p, None, now), p);
    }
}
