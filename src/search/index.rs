//! Building the index: documents in, the files of the index and its
//! manifest out (the format is described in [`super`]).

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::postings::{ListBuilder, Posting, weight_byte};
use super::tokens::index_terms;
use super::{Field, Manifest, shard_of};

/// What a result shows, as the client reads it from a fragment (short
/// keys keep fragments small).
#[derive(Debug, Clone, Serialize, Hash)]
pub struct Card<'a> {
    /// Title.
    pub t: Cow<'a, str>,
    /// Address of the page (absolute path, or a full URL on the hub).
    pub u: Cow<'a, str>,
    /// Category label (on the hub: `agency · category`).
    pub c: Cow<'a, str>,
    /// Date, dd/mm/yyyy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub d: Option<String>,
    /// Document number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n: Option<Cow<'a, str>>,
    /// Summary.
    pub s: Cow<'a, str>,
    /// The thumbnail of the entry's photo, JPEG or PNG (its smallest
    /// copy's address: only an address, since every byte of a fragment
    /// counts toward what a query downloads).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub i: Option<Cow<'a, str>>,
    /// The same thumbnail in WebP, offered first (about half the bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub w: Option<Cow<'a, str>>,
}

/// A value of a filter an entry has (its category, document type, year,
/// field).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Facet {
    /// Which filter: `c` (category), `t` (document type), `y` (year), `l`
    /// (field, lĩnh vực).
    pub dimension: char,
    /// The value in addresses (`van-ban-moi`, `quyet-dinh`, `2025`).
    pub value: String,
    /// As readers see it (`Văn bản mới`, `Quyết định`, `2025`).
    pub label: String,
    /// Where it comes in the list of its filter (then by label).
    pub rank: i64,
}

/// One searchable entry.
#[derive(Debug, Clone, Hash)]
pub struct Doc<'a> {
    /// Its texts other than the body, each with what it is.
    pub fields: Vec<(Field, Cow<'a, str>)>,
    /// The body as plain text (blocks on lines of their own).
    pub body: Cow<'a, str>,
    /// The filters it is in.
    pub facets: Vec<Facet>,
    /// What its result shows.
    pub card: Card<'a>,
}

/// One file of the index: its path under the index's directory, and its
/// bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct File {
    /// Path relative to the index's directory (`s/12.0a1b2c3d.bin`).
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// The index: its files and its manifest.
#[derive(Debug, Clone)]
pub struct Index {
    /// Every file.
    pub files: Vec<File>,
    /// What the search page needs to find them.
    pub manifest: Manifest,
}

/// Characters per chunk of a body: each result downloads the chunk its
/// best match is in.
pub const CHUNK_CHARS: usize = 1500;

/// Documents per group file (the hashes of their fragments).
pub const GROUP: usize = 128;

/// Posting lists longer than this (bytes) get a file of their own, so a
/// query for a rare word does not download a common one's list.
pub const OWN_FILE: usize = 384;

/// About how large a shard is.
pub const SHARD_TARGET: usize = 4096;

/// BM25's `k1` and `b` for the body, and the length (in atoms) the
/// body's term frequencies are normalised against: a constant rather than
/// the average, so one entry's edit changes only its own postings.
const K1: f32 = 1.2;
const B: f32 = 0.75;
const REFERENCE_LENGTH: f32 = 500.0;

/// Splits a body into chunks of about [`CHUNK_CHARS`] characters, at a
/// line break or a space when there is one: byte ranges.
pub fn chunks(body: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < body.len() {
        let rest = &body[start..];
        let Some((limit, _)) = rest.char_indices().nth(CHUNK_CHARS) else {
            out.push(start..body.len());
            break;
        };
        let window = &rest[..limit];
        let half = window
            .char_indices()
            .nth(CHUNK_CHARS / 2)
            .map_or(0, |(i, _)| i);
        let cut = window[half..]
            .rfind('\n')
            .or_else(|| window[half..].rfind(". "))
            .map(|i| half + i + 1)
            .or_else(|| window[half..].rfind(' ').map(|i| half + i + 1))
            .unwrap_or(limit);
        out.push(start..start + cut);
        start += cut;
    }
    out
}

/// What one document holds of one term, while it is read.
#[derive(Default, Clone, Copy)]
struct Held {
    /// Boosts of the fields other than the body that hold it.
    boost: f32,
    /// Times it occurs in the body.
    body: u32,
    /// 1 + the first chunk of the body holding it, 0 if none.
    chunk: u32,
}

/// The terms of one document with their postings, and its fragment files.
struct Read {
    terms: Vec<(String, u8, u32)>,
    facets: Vec<Facet>,
    fragments: Vec<Vec<u8>>,
}

fn read(doc: &Doc<'_>) -> Read {
    let mut held: FxHashMap<String, Held> = FxHashMap::default();
    let mut seen = rustc_hash::FxHashSet::default();
    for (field, text) in &doc.fields {
        // A field counts once per term, however often the term occurs in it.
        seen.clear();
        index_terms(text, |term, _, _| {
            if !seen.contains(term) {
                seen.insert(term.to_string());
            }
        });
        for term in seen.drain() {
            held.entry(term).or_default().boost += field.boost();
        }
    }
    let chunks = chunks(&doc.body);
    let mut atoms = 0u32;
    let mut chunk = 0;
    index_terms(&doc.body, |term, kind, span| {
        if kind == super::tokens::TermKind::Atom {
            atoms += 1;
        }
        while chunk + 1 < chunks.len() && span.start >= chunks[chunk].end {
            chunk += 1;
        }
        let h = match held.get_mut(term) {
            Some(h) => h,
            None => held.entry(term.to_string()).or_default(),
        };
        h.body += 1;
        if h.chunk == 0 {
            h.chunk = chunk as u32 + 1;
        }
    });
    let norm = 1.0 - B + B * atoms as f32 / REFERENCE_LENGTH;
    let terms = held
        .into_iter()
        .map(|(term, h)| {
            let tf = h.body as f32;
            let body = if h.body == 0 {
                0.0
            } else {
                tf * (K1 + 1.0) / (tf + K1 * norm)
            };
            (term, weight_byte(h.boost + body), h.chunk)
        })
        .collect();
    let fragments = if chunks.is_empty() {
        vec![fragment(&doc.card, 0, "")]
    } else {
        chunks
            .iter()
            .enumerate()
            .map(|(k, r)| fragment(&doc.card, k, &doc.body[r.clone()]))
            .collect()
    };
    let mut facets = doc.facets.clone();
    facets.sort_by(|a, b| (a.dimension, &a.value).cmp(&(b.dimension, &b.value)));
    facets.dedup_by(|a, b| a.dimension == b.dimension && a.value == b.value);
    Read {
        terms,
        facets,
        fragments,
    }
}

/// A fragment: the card, which chunk, and the chunk's text.
fn fragment(card: &Card<'_>, k: usize, text: &str) -> Vec<u8> {
    #[derive(Serialize)]
    struct Fragment<'c, 'a> {
        #[serde(flatten)]
        card: &'c Card<'a>,
        k: usize,
        x: &'c str,
    }
    // Serialising a struct of strings cannot fail.
    serde_json::to_vec(&Fragment {
        card,
        k,
        x: text.trim(),
    })
    .unwrap_or_default()
}

/// Hex of the low 32 bits of a hash.
fn short(hash: u64) -> String {
    format!("{:08x}", hash as u32)
}

fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Builds the index of `docs`, numbered in the order given: give them
/// oldest first, so that a new entry takes the next number and leaves the
/// files of the others as they were.
pub fn build(docs: &[Doc<'_>]) -> Index {
    let mut lists: FxHashMap<String, ListBuilder> = FxHashMap::default();
    let mut facet_lists: BTreeMap<String, (Facet, ListBuilder)> = BTreeMap::new();
    let mut fragment_hashes: Vec<u32> = Vec::with_capacity(docs.len());
    let mut files: Vec<File> = Vec::new();
    // Read in batches (in parallel), merge in order: the lists are built
    // in document order without holding every document's terms at once.
    for (batch_no, batch) in docs.chunks(256).enumerate() {
        let read: Vec<Read> = batch.par_iter().map(read).collect();
        for (i, r) in read.into_iter().enumerate() {
            let id = (batch_no * 256 + i) as u32;
            for (term, weight, chunk) in r.terms {
                lists.entry(term).or_default().push(Posting {
                    doc: id,
                    weight,
                    chunk,
                });
            }
            for f in r.facets {
                let key = format!("{}:{}", f.dimension, f.value);
                let entry = facet_lists
                    .entry(key)
                    .or_insert_with(|| (f, ListBuilder::default()));
                entry.1.push(Posting {
                    doc: id,
                    weight: 1,
                    chunk: 0,
                });
            }
            let mut all = Vec::new();
            for f in &r.fragments {
                all.extend_from_slice(f);
                all.push(0);
            }
            let h = hash(&all) as u32;
            fragment_hashes.push(h);
            for (k, bytes) in r.fragments.into_iter().enumerate() {
                files.push(File {
                    path: format!("f/{id}.{h:08x}.{k}.json"),
                    bytes,
                });
            }
        }
    }
    // Groups: the fragment hashes of GROUP documents each.
    let mut groups = Vec::new();
    for (g, hashes) in fragment_hashes.chunks(GROUP).enumerate() {
        let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
        let h = hash(&bytes);
        groups.push(h as u32);
        files.push(File {
            path: format!("g/{g}.{}.bin", short(h)),
            bytes,
        });
    }
    // Every term's list, encoded; long ones in files of their own.
    let mut encoded: Vec<(String, Vec<u8>)> = lists
        .into_par_iter()
        .map(|(term, list)| {
            let bytes = list.encode(true);
            (term, bytes)
        })
        .collect();
    encoded.extend(
        facet_lists
            .into_iter()
            .map(|(term, (_, list))| (term, list.encode(false))),
    );
    encoded.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut own: BTreeMap<u64, Vec<u8>> = BTreeMap::new();
    let mut inline_bytes = 0;
    let entries: Vec<(String, Vec<u8>)> = encoded
        .into_iter()
        .map(|(term, bytes)| {
            let payload = if bytes.len() > OWN_FILE {
                let h = hash(&bytes);
                own.insert(h, bytes);
                let mut p = vec![4u8];
                p.extend_from_slice(&h.to_le_bytes());
                p
            } else {
                bytes
            };
            inline_bytes += term.len() + payload.len() + 3;
            (term, payload)
        })
        .collect();
    for (h, bytes) in own {
        files.push(File {
            path: format!("p/{h:016x}.bin"),
            bytes,
        });
    }
    let shard_count = (inline_bytes / SHARD_TARGET)
        .next_power_of_two()
        .clamp(1, 1 << 14);
    let mut shards: Vec<Vec<u8>> = vec![Vec::new(); shard_count];
    for (term, payload) in entries {
        let shard = &mut shards[shard_of(&term, shard_count)];
        let term = term.as_bytes();
        // Terms are at most a few hundred bytes (MAX_ATOM × MAX_RUN).
        shard.push(term.len().min(255) as u8);
        shard.extend_from_slice(&term[..term.len().min(255)]);
        super::postings::push_varint(shard, payload.len() as u64);
        shard.extend_from_slice(&payload);
    }
    let mut shard_hashes = Vec::with_capacity(shard_count);
    for (i, bytes) in shards.into_iter().enumerate() {
        let h = hash(&bytes);
        shard_hashes.push(h as u32);
        files.push(File {
            path: format!("s/{i}.{}.bin", short(h)),
            bytes,
        });
    }
    let manifest = Manifest::new(docs.len(), &shard_hashes, &groups, facet_options(docs));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Index { files, manifest }
}

/// The values of each filter with their labels, in order.
fn facet_options(docs: &[Doc<'_>]) -> BTreeMap<char, Vec<(String, String)>> {
    let mut seen: BTreeMap<char, BTreeMap<String, (i64, String)>> = BTreeMap::new();
    for f in docs.iter().flat_map(|d| &d.facets) {
        seen.entry(f.dimension)
            .or_default()
            .entry(f.value.clone())
            .or_insert_with(|| (f.rank, f.label.clone()));
    }
    seen.into_iter()
        .map(|(dim, values)| {
            let mut v: Vec<(i64, String, String)> = values
                .into_iter()
                .map(|(value, (rank, label))| (rank, label, value))
                .collect();
            v.sort_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| super::fold::fold(&a.1).cmp(&super::fold::fold(&b.1)))
                    .then_with(|| a.2.cmp(&b.2))
            });
            (
                dim,
                v.into_iter()
                    .map(|(_, label, value)| (value, label))
                    .collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cut_at_line_breaks_and_cover_the_text() {
        let para = "Một hai ba bốn năm sáu bảy tám chín mười.\n".repeat(100);
        let cs = chunks(&para);
        assert!(cs.len() > 1);
        let mut at = 0;
        for c in &cs {
            assert_eq!(c.start, at);
            assert!(para[c.clone()].chars().count() <= CHUNK_CHARS);
            assert!(para[..c.end].ends_with('\n'));
            at = c.end;
        }
        assert_eq!(at, para.len());
        assert!(chunks("").is_empty());
        let word = "a".repeat(CHUNK_CHARS * 2 + 5);
        assert_eq!(chunks(&word).len(), 3);
    }
}
