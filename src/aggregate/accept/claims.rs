//! Which source publishes a section when two claim it.
//!
//! Every id a source publishes (entries and tombstones) lies under its
//! section's `tag:` prefix ([`super::records::check`]), and a section fetched
//! over the web lies where it is fetched from
//! ([`super::records::own_address`]). Two sources can still meet:
//!
//! - **the same section** (the same prefix): listed twice, or a local
//!   build copied from another agency's. The stronger [`Claim`] wins (a
//!   `base_url` in `sources.toml` or the address it is fetched from, then
//!   a local build that published the section before, then a new local
//!   claim); between equal claims, the source listed first.
//! - **nested sections** (`https://x/` and `https://x/pbgdpl/`): the outer
//!   one may not publish ids inside the inner one. The stronger claim wins;
//!   between equal claims, the inner (more specific) section.
//!
//! The loser is the one that fails (“Trùng chuyên mục với một nguồn
//! khác”), never the owner: the owner keeps publishing, whatever the order
//! of `sources.toml`. The loser falls back to its own last good copy if
//! that one does not clash.

use super::records::Claim;

/// A source's bid to publish a section.
#[derive(Debug, Clone)]
pub struct Bid<'a> {
    /// The section's `tag:` prefix.
    pub prefix: String,
    /// How strongly the source's claim is backed.
    pub claim: Claim,
    /// Every id it would publish (entries and tombstones).
    pub ids: Vec<&'a str>,
}

/// For each source that must give way this round, the index of the
/// source it gives way to. `bids` are in the order of `sources.toml`
/// (`None`: nothing to publish). Resolve, drop or replace the losers' bids,
/// and call again until nothing is returned.
pub fn resolve(bids: &[Option<Bid<'_>>]) -> Vec<(usize, usize)> {
    let mut losses: Vec<(usize, usize)> = Vec::new();
    for (i, a) in bids.iter().enumerate() {
        let Some(a) = a else { continue };
        for (j, b) in bids.iter().enumerate().skip(i + 1) {
            let Some(b) = b else { continue };
            let pair = if a.prefix == b.prefix {
                // i is listed first: it wins a tie.
                Some(if b.claim > a.claim { (i, j) } else { (j, i) })
            } else if b.prefix.starts_with(&a.prefix) {
                nested(i, a, j, b)
            } else if a.prefix.starts_with(&b.prefix) {
                nested(j, b, i, a)
            } else {
                None
            };
            if let Some(loss) = pair
                && !losses.iter().any(|(l, _)| *l == loss.0)
            {
                losses.push(loss);
            }
        }
    }
    // A source that loses this round cannot make another lose: once it
    // is out, the other may be fine.
    let losers: Vec<usize> = losses.iter().map(|(l, _)| *l).collect();
    let decided: Vec<(usize, usize)> = losses
        .iter()
        .copied()
        .filter(|(_, w)| !losers.contains(w))
        .collect();
    if decided.is_empty() { losses } else { decided }
}

/// `outer`'s prefix contains `inner`'s: a clash only if `outer` publishes
/// ids inside `inner`'s section. Returns (loser, winner).
fn nested(o: usize, outer: &Bid<'_>, i: usize, inner: &Bid<'_>) -> Option<(usize, usize)> {
    if !outer.ids.iter().any(|id| id.starts_with(&inner.prefix)) {
        return None;
    }
    Some(if outer.claim > inner.claim {
        (i, o)
    } else {
        (o, i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bid<'a>(prefix: &str, claim: Claim, ids: &[&'a str]) -> Option<Bid<'a>> {
        Some(Bid {
            prefix: prefix.into(),
            claim,
            ids: ids.to_vec(),
        })
    }

    #[test]
    fn the_owner_wins_wherever_it_is_listed() {
        let p = "tag:b.example,2019:/pbgdpl/";
        let id = "tag:b.example,2019:/pbgdpl/x";
        // A copy declared by a local build listed first, the real one
        // fetched from its own address listed second.
        let bids = [
            bid(p, Claim::Declared, &[id]),
            bid(p, Claim::Vouched, &[id]),
        ];
        assert_eq!(resolve(&bids), [(0, 1)]);
        // Equal claims: the first listed.
        let bids = [bid(p, Claim::Vouched, &[id]), bid(p, Claim::Vouched, &[id])];
        assert_eq!(resolve(&bids), [(1, 0)]);
        // Kept beats a new declaration.
        let bids = [bid(p, Claim::Declared, &[id]), bid(p, Claim::Kept, &[id])];
        assert_eq!(resolve(&bids), [(0, 1)]);
        // No clash.
        let bids = [
            bid(p, Claim::Vouched, &[id]),
            None,
            bid("tag:c.example,2019:/", Claim::Declared, &[]),
        ];
        assert!(resolve(&bids).is_empty());
    }

    #[test]
    fn an_outer_section_cannot_publish_ids_of_an_inner_one() {
        let outer = "tag:x.example,2019:/";
        let inner = "tag:x.example,2019:/pbgdpl/";
        let theirs = "tag:x.example,2019:/pbgdpl/a";
        let own = "tag:x.example,2019:/tin/a";
        let bids = [
            bid(outer, Claim::Vouched, &[own, theirs]),
            bid(inner, Claim::Vouched, &[theirs]),
        ];
        assert_eq!(resolve(&bids), [(0, 1)]);
        let bids = [
            bid(outer, Claim::Vouched, &[own]),
            bid(inner, Claim::Vouched, &[theirs]),
        ];
        assert!(resolve(&bids).is_empty());
        // A stronger outer claim wins over a declared inner one.
        let bids = [
            bid(inner, Claim::Declared, &[theirs]),
            bid(outer, Claim::Vouched, &[theirs]),
        ];
        assert_eq!(resolve(&bids), [(0, 1)]);
    }
}
