//! Posting lists: which documents hold a term, how strongly, and in which
//! chunk of their text it first occurs; encoded in whichever of four
//! binary forms is smallest.
//!
//! Every list starts with its form ([`Form`]) in one byte; numbers are
//! unsigned LEB128 varints:
//!
//! | form | then |
//! |---|---|
//! | 0 `Sparse` | count; per document: id (the first) or gap to the previous id, weight (1 byte), chunk (0: not in the body; k + 1: first in chunk k) |
//! | 1 `Dense` | bitmap length in bytes; the bitmap (bit `i % 8` of byte `i / 8` set: document `i` holds the term); four weight bytes, the list's levels ([`levels`]); per document, in order, which level its weight is (two bits, four to a byte, the first in the lowest bits) |
//! | 2 `Ids` | count; ids as in `Sparse`, without weight or chunk |
//! | 3 `Bits` | bitmap length; the bitmap |
//!
//! A weight byte `q` stands for `2^(q/32) − 1` ([`weight_byte`]). Filters
//! (category, type, year, field) are lists without weights (`Ids`,
//! `Bits`).
//!
//! `Dense` is for terms in many documents (more than about one in twenty:
//! then a bitmap is smaller than the ids). Their lists are what a query of
//! common words downloads, so each document's weight is one of four
//! levels, two bits: a term in nearly every one of 50,000 documents costs
//! 6.25 KB of bitmap and 12.5 KB of levels (four bits a document, as
//! before, made it 31 KB). The levels are the list's own, chosen to keep
//! its weights as close as four values can (a title's weight apart from a
//! body's): such terms rank documents by those differences, their inverse
//! document frequency being small.

/// The forms of a posting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Form {
    /// Ids, weights and chunks.
    Sparse = 0,
    /// A bitmap and four-bit weights.
    Dense = 1,
    /// Ids only.
    Ids = 2,
    /// A bitmap only.
    Bits = 3,
}

/// One document holding a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The document.
    pub doc: u32,
    /// Its weight ([`weight_byte`]).
    pub weight: u8,
    /// 0 when the term is not in the body, else 1 + the chunk it first
    /// occurs in.
    pub chunk: u32,
}

/// The byte standing for weight `w` (≥ 0): `round(32·log2(1 + w))`, at
/// least 1.
pub fn weight_byte(w: f32) -> u8 {
    let q = (32.0 * (1.0 + w.max(0.0)).log2()).round();
    q.clamp(1.0, 255.0) as u8
}

/// The weight a byte stands for.
pub fn weight_of(q: u8) -> f32 {
    (f32::from(q) / 32.0).exp2() - 1.0
}

/// Appends `n` as an unsigned LEB128 varint.
pub fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads a varint at `*at`, moving past it.
pub fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        n |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

/// A posting list being built, documents in increasing order, kept in the
/// `Sparse` form without its header (three bytes a posting, typically).
#[derive(Debug, Default, Clone)]
pub struct ListBuilder {
    count: u32,
    last: u32,
    bytes: Vec<u8>,
}

impl ListBuilder {
    /// Adds a document (after every document added before).
    pub fn push(&mut self, p: Posting) {
        let gap = if self.count == 0 {
            p.doc
        } else {
            p.doc - self.last
        };
        push_varint(&mut self.bytes, u64::from(gap));
        self.bytes.push(p.weight);
        push_varint(&mut self.bytes, u64::from(p.chunk));
        self.last = p.doc;
        self.count += 1;
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// True when no document was added.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The postings added.
    pub fn postings(&self) -> Vec<Posting> {
        let mut out = Vec::with_capacity(self.count as usize);
        let mut at = 0;
        let mut doc = 0u32;
        for i in 0..self.count {
            let gap = read_varint(&self.bytes, &mut at).unwrap_or(0) as u32;
            doc = if i == 0 { gap } else { doc + gap };
            let weight = self.bytes.get(at).copied().unwrap_or(1);
            at += 1;
            let chunk = read_varint(&self.bytes, &mut at).unwrap_or(0) as u32;
            out.push(Posting { doc, weight, chunk });
        }
        out
    }

    /// The list in its smallest form; `weighted: false` for filters.
    pub fn encode(&self, weighted: bool) -> Vec<u8> {
        let postings = self.postings();
        let last = postings.last().map_or(0, |p| p.doc as usize);
        let bitmap_len = last / 8 + 1;
        if weighted {
            let sparse_len = self.bytes.len() + 6;
            let dense_len = bitmap_len + LEVELS + postings.len().div_ceil(4) + 6;
            if sparse_len <= dense_len {
                let mut out = Vec::with_capacity(sparse_len);
                out.push(Form::Sparse as u8);
                push_varint(&mut out, u64::from(self.count));
                out.extend_from_slice(&self.bytes);
                out
            } else {
                let mut out = Vec::with_capacity(dense_len);
                out.push(Form::Dense as u8);
                push_varint(&mut out, bitmap_len as u64);
                push_bitmap(&mut out, &postings, bitmap_len);
                let (levels, level_of) = levels(&postings);
                out.extend_from_slice(&levels);
                for four in postings.chunks(4) {
                    let mut byte = 0;
                    for (i, p) in four.iter().enumerate() {
                        byte |= level_of[usize::from(p.weight)] << (2 * i);
                    }
                    out.push(byte);
                }
                out
            }
        } else {
            let mut ids = Vec::with_capacity(postings.len() + 6);
            ids.push(Form::Ids as u8);
            push_varint(&mut ids, u64::from(self.count));
            let mut previous = 0;
            for (i, p) in postings.iter().enumerate() {
                let gap = if i == 0 { p.doc } else { p.doc - previous };
                push_varint(&mut ids, u64::from(gap));
                previous = p.doc;
            }
            if ids.len() <= bitmap_len + 6 {
                ids
            } else {
                let mut out = Vec::with_capacity(bitmap_len + 6);
                out.push(Form::Bits as u8);
                push_varint(&mut out, bitmap_len as u64);
                push_bitmap(&mut out, &postings, bitmap_len);
                out
            }
        }
    }
}

/// Weights a dense list's documents may have.
pub const LEVELS: usize = 4;

/// The levels of a dense list: the [`LEVELS`] weight bytes its documents'
/// weights are rounded to, in increasing order, and the level of each
/// weight byte. The weights are split into that many runs (of increasing
/// weight) with the least squared error, in weight rather than in bytes
/// (what a query adds up), each run standing for its mean: an exact
/// clustering, by dynamic programming over the distinct weight bytes (at
/// most 255).
pub fn levels(postings: &[Posting]) -> ([u8; LEVELS], [u8; 256]) {
    let mut count = [0u64; 256];
    for p in postings {
        count[usize::from(p.weight)] += 1;
    }
    let distinct: Vec<u8> = (0..=255u8).filter(|&q| count[usize::from(q)] > 0).collect();
    let m = distinct.len();
    // Prefix sums of count, count·w, count·w² over the distinct bytes.
    let mut n = vec![0.0f64; m + 1];
    let mut s1 = vec![0.0f64; m + 1];
    let mut s2 = vec![0.0f64; m + 1];
    for (i, &q) in distinct.iter().enumerate() {
        let c = count[usize::from(q)] as f64;
        let w = f64::from(weight_of(q));
        n[i + 1] = n[i] + c;
        s1[i + 1] = s1[i] + c * w;
        s2[i + 1] = s2[i] + c * w * w;
    }
    // Squared error of distinct values i..j standing for their mean.
    let cost = |i: usize, j: usize| {
        let c = n[j] - n[i];
        let s = s1[j] - s1[i];
        (s2[j] - s2[i] - s * s / c).max(0.0)
    };
    let runs = LEVELS.min(m);
    // best[k][j]: least error of the first j values in k + 1 runs, and
    // where its last run starts.
    let mut best = vec![vec![(f64::INFINITY, 0usize); m + 1]; runs];
    for (j, first) in best[0].iter_mut().enumerate().skip(1) {
        *first = (cost(0, j), 0);
    }
    for k in 1..runs {
        for j in k + 1..=m {
            for i in k..j {
                let e = best[k - 1][i].0 + cost(i, j);
                if e < best[k][j].0 {
                    best[k][j] = (e, i);
                }
            }
        }
    }
    let mut levels = [0u8; LEVELS];
    let mut level_of = [0u8; 256];
    let mut end = m;
    for k in (0..runs).rev() {
        let start = best[k][end].1;
        let mean = (s1[end] - s1[start]) / (n[end] - n[start]);
        levels[k] = weight_byte(mean as f32);
        for &q in &distinct[start..end] {
            level_of[usize::from(q)] = k as u8;
        }
        end = start;
    }
    // Fewer distinct weights than levels: the last one repeated.
    for k in runs.max(1)..LEVELS {
        levels[k] = levels[k - 1];
    }
    (levels, level_of)
}

fn push_bitmap(out: &mut Vec<u8>, postings: &[Posting], len: usize) {
    let start = out.len();
    out.resize(start + len, 0);
    for p in postings {
        out[start + p.doc as usize / 8] |= 1 << (p.doc % 8);
    }
}

/// Reads an encoded list back: (doc, weight byte, chunk) per document.
/// The indexer's tests and tools use it; the JavaScript client has its
/// own reader of the same format.
pub fn decode(bytes: &[u8]) -> Option<Vec<Posting>> {
    let (&form, rest) = bytes.split_first()?;
    let mut at = 0;
    let mut out = Vec::new();
    match form {
        0 | 2 => {
            let count = read_varint(rest, &mut at)?;
            let mut doc = 0u32;
            for i in 0..count {
                let gap = u32::try_from(read_varint(rest, &mut at)?).ok()?;
                doc = if i == 0 { gap } else { doc.checked_add(gap)? };
                let (weight, chunk) = if form == 0 {
                    let w = *rest.get(at)?;
                    at += 1;
                    (w, u32::try_from(read_varint(rest, &mut at)?).ok()?)
                } else {
                    (0, 0)
                };
                out.push(Posting { doc, weight, chunk });
            }
        }
        1 | 3 => {
            let len = usize::try_from(read_varint(rest, &mut at)?).ok()?;
            let bitmap = rest.get(at..at.checked_add(len)?)?;
            at += len;
            for (byte, bits) in bitmap.iter().enumerate() {
                for bit in 0..8 {
                    if bits & (1 << bit) != 0 {
                        out.push(Posting {
                            doc: (byte * 8 + bit) as u32,
                            weight: 0,
                            chunk: 0,
                        });
                    }
                }
            }
            if form == 1 {
                let levels = rest.get(at..at + LEVELS)?;
                at += LEVELS;
                for (i, p) in out.iter_mut().enumerate() {
                    let level = rest.get(at + i / 4)? >> (2 * (i % 4)) & 3;
                    p.weight = levels[usize::from(level)];
                }
            }
        }
        _ => return None,
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(docs: &[(u32, u8, u32)]) -> ListBuilder {
        let mut b = ListBuilder::default();
        for &(doc, weight, chunk) in docs {
            b.push(Posting { doc, weight, chunk });
        }
        b
    }

    #[test]
    fn sparse_lists_keep_everything() {
        let docs = [(3, 40, 0), (700, 200, 3), (701, 1, 1)];
        let bytes = list(&docs).encode(true);
        assert_eq!(bytes[0], Form::Sparse as u8);
        let back: Vec<_> = decode(&bytes)
            .unwrap()
            .iter()
            .map(|p| (p.doc, p.weight, p.chunk))
            .collect();
        assert_eq!(back, docs);
    }

    #[test]
    fn dense_lists_keep_documents_and_four_levels_of_weight() {
        // A common word: in the body of most documents (weights 20–54), in
        // the title of some (90–110).
        let docs: Vec<(u32, u8, u32)> = (0..1000)
            .map(|d| {
                let w = if d % 10 == 0 {
                    90 + d % 21
                } else {
                    20 + d % 35
                };
                (d, w as u8, 1)
            })
            .collect();
        let bytes = list(&docs).encode(true);
        assert_eq!(bytes[0], Form::Dense as u8);
        assert!(
            bytes.len() <= 2 + 1000 / 8 + 4 + 1000 / 4,
            "{}",
            bytes.len()
        );
        let back = decode(&bytes).unwrap();
        assert_eq!(back.len(), 1000);
        let levels: std::collections::BTreeSet<u8> = back.iter().map(|p| p.weight).collect();
        assert_eq!(levels.len(), 4, "{levels:?}");
        let title_level = back[0].weight;
        let mut error = 0.0;
        for (p, d) in back.iter().zip(&docs) {
            assert_eq!(p.doc, d.0);
            // Every title above every body.
            assert_eq!(p.weight >= title_level.min(back[10].weight), d.1 >= 90);
            error += (weight_of(p.weight) - weight_of(d.1)).abs();
        }
        // Heavier stays at least as heavy.
        for (a, b) in back.iter().zip(&docs) {
            for (c, d) in back.iter().zip(&docs).step_by(7) {
                if b.1 < d.1 {
                    assert!(
                        a.weight <= c.weight,
                        "{} → {}, {} → {}",
                        b.1,
                        a.weight,
                        d.1,
                        c.weight
                    );
                }
            }
        }
        // Closer than the four bits a document of format 1 (the byte's top
        // four bits, rounded up), whose mean error here is 27 % of the
        // mean weight; the levels' is 12 %.
        let mean: f32 = docs.iter().map(|d| weight_of(d.1)).sum::<f32>() / 1000.0;
        assert!(
            error / 1000.0 < 0.15 * mean,
            "mean error {} of {mean}",
            error / 1000.0
        );
    }

    #[test]
    fn levels_are_the_weights_themselves_when_there_are_few() {
        let (levels, level_of) = levels(&[
            Posting {
                doc: 0,
                weight: 30,
                chunk: 0,
            },
            Posting {
                doc: 1,
                weight: 90,
                chunk: 0,
            },
            Posting {
                doc: 2,
                weight: 30,
                chunk: 0,
            },
        ]);
        assert_eq!(levels, [30, 90, 90, 90]);
        assert_eq!((level_of[30], level_of[90]), (0, 1));
        let (one, _) = super::levels(&[Posting {
            doc: 4,
            weight: 7,
            chunk: 1,
        }]);
        assert_eq!(one, [7; 4]);
    }

    #[test]
    fn levels_split_where_the_weights_are_apart() {
        // Two bodies' weights, close; two titles', far from them and from
        // each other: the titles get levels of their own.
        let ps: Vec<Posting> = [20u8, 21, 22, 23, 24, 25, 100, 140]
            .iter()
            .enumerate()
            .map(|(d, &weight)| Posting {
                doc: d as u32,
                weight,
                chunk: 0,
            })
            .collect();
        let (levels, level_of) = levels(&ps);
        assert_eq!(level_of[100], 2);
        assert_eq!(level_of[140], 3);
        assert_eq!(&levels[2..], &[100, 140]);
        assert!(level_of[20] <= level_of[25] && level_of[25] <= 1);
    }

    #[test]
    fn filters_have_no_weights() {
        let sparse = list(&[(5, 9, 9), (90, 9, 9)]).encode(false);
        assert_eq!(sparse[0], Form::Ids as u8);
        let dense: Vec<_> = (0..500).map(|d| (d * 2, 9, 9)).collect();
        let bits = list(&dense).encode(false);
        assert_eq!(bits[0], Form::Bits as u8);
        let docs: Vec<u32> = decode(&bits).unwrap().iter().map(|p| p.doc).collect();
        assert_eq!(docs, (0..500).map(|d| d * 2).collect::<Vec<_>>());
    }

    #[test]
    fn weights_round_trip_closely() {
        for w in [0.0f32, 0.3, 1.0, 2.2, 6.0, 15.0] {
            let back = weight_of(weight_byte(w));
            assert!((back - w).abs() <= 0.03 * (1.0 + w), "{w} → {back}");
        }
        assert_eq!(weight_byte(-1.0), 1);
    }

    #[test]
    fn damaged_lists_are_refused_not_read_past_their_end() {
        assert!(decode(&[]).is_none());
        assert!(decode(&[0, 5, 1]).is_none());
        assert!(decode(&[1, 200]).is_none());
        assert!(decode(&[9]).is_none());
    }
}
