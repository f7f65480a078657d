//! The page navigation of paginated lists (`pagination` in templates):
//! the previous and next page, the first and the last, and the pages near
//! the current one, with a gap for those left out.

use serde::Serialize;

/// `pagination` in templates.
#[derive(Debug, Hash, Serialize)]
pub struct Pagination {
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

/// How many pages either side of the current one the navigation names.
/// With the first and the last page, at most nine numbers: a category of
/// 200 pages does not put 200 links on each of them (every page would
/// grow with the section, and the section's bytes with its square).
const AROUND: usize = 2;

impl Pagination {
    /// Page `current` of `total`; `url_of(n)` is the address of page `n`.
    /// Names the first and the last page and those within `AROUND` (two) of
    /// the current one; a gap stands for the pages between (never for a
    /// single page: that page is named instead).
    pub fn new(current: usize, total: usize, url_of: impl Fn(usize) -> String) -> Self {
        let mut pages: Vec<PageLink> = Vec::new();
        for n in shown(current, total) {
            pages.push(PageLink {
                number: n,
                url: url_of(n),
                current: n == current,
                gap_before: pages.last().is_some_and(|p| p.number + 1 < n),
            });
        }
        Self {
            current,
            total,
            previous: (current > 1).then(|| url_of(current - 1)),
            next: (current < total).then(|| url_of(current + 1)),
            pages,
        }
    }
}

/// The page numbers the navigation of page `current` of `total` names, in
/// order (see [`Pagination::new`]).
fn shown(current: usize, total: usize) -> Vec<usize> {
    let near = |n: usize| n.abs_diff(current) <= AROUND;
    // A page alone between two named ones is named rather than hidden.
    let named = |n: usize| {
        n == 1 || n == total || near(n) || (n == 2 && near(3)) || (n + 1 == total && near(n - 1))
    };
    let around = current.saturating_sub(AROUND)..=current.saturating_add(AROUND);
    let mut out: Vec<usize> = [1, 2, total.saturating_sub(1), total]
        .into_iter()
        .chain(around)
        .filter(|&n| (1..=total).contains(&n) && named(n))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[derive(Debug, Hash, Serialize)]
struct PageLink {
    number: usize,
    url: String,
    current: bool,
    /// Pages are left out between the previous link and this one.
    gap_before: bool,
}

#[cfg(test)]
mod tests {
    use super::{Pagination, shown};

    #[test]
    fn a_long_list_names_its_ends_and_the_pages_near_the_current_one() {
        assert_eq!(shown(1, 221), [1, 2, 3, 221]);
        assert_eq!(shown(219, 221), [1, 217, 218, 219, 220, 221]);
        assert_eq!(shown(100, 221), [1, 98, 99, 100, 101, 102, 221]);
        // Never more than nine numbers, whatever the length.
        for total in 1..60 {
            for current in 1..=total {
                let got = shown(current, total);
                assert!(got.len() <= 9, "{current}/{total}: {got:?}");
                assert!(got.contains(&1) && got.contains(&total) && got.contains(&current));
                assert!(got.windows(2).all(|w| w[0] < w[1]));
            }
        }
    }

    #[test]
    fn a_gap_never_hides_a_single_page() {
        assert_eq!(shown(4, 10), [1, 2, 3, 4, 5, 6, 10]);
        assert_eq!(shown(7, 10), [1, 5, 6, 7, 8, 9, 10]);
        assert_eq!(shown(3, 5), [1, 2, 3, 4, 5]);
        assert_eq!(shown(1, 1), [1]);
        for total in 1..60 {
            for current in 1..=total {
                let got = shown(current, total);
                assert!(
                    got.windows(2).all(|w| w[1] - w[0] != 2),
                    "{current}/{total}: {got:?}"
                );
            }
        }
    }

    #[test]
    fn the_links_mark_the_gaps_and_the_current_page() {
        let p = Pagination::new(6, 12, |n| format!("/p/{n}/"));
        let links: Vec<_> = p
            .pages
            .iter()
            .map(|l| (l.number, l.gap_before, l.current))
            .collect();
        assert_eq!(
            links,
            [
                (1, false, false),
                (4, true, false),
                (5, false, false),
                (6, false, true),
                (7, false, false),
                (8, false, false),
                (12, true, false)
            ]
        );
        assert_eq!(p.previous.as_deref(), Some("/p/5/"));
        assert_eq!(p.next.as_deref(), Some("/p/7/"));
    }
}
