//! Building the index: documents in, the files of the index and its
//! manifest out (the format is described in [`super`]).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::Serialize;

use super::postings::{ListBuilder, Posting, weight_byte};
use super::table::{TermTable, term_hash};
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
    /// The thumbnail of the entry's photo, JPEG or PNG, for browsers
    /// without WebP (its smallest such copy's address — 320 px for a
    /// section's photos: only an address, since every byte of a fragment
    /// counts toward what a query downloads).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub i: Option<Cow<'a, str>>,
    /// The thumbnail in WebP, offered first: the smallest WebP copy
    /// (160 px for a section's photos).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub w: Option<Cow<'a, str>>,
    /// A copy twice as wide as `i`, for sharp screens (`2x` in `srcset`);
    /// absent when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub i2: Option<Cow<'a, str>>,
    /// A copy twice as wide as `w`, in WebP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub w2: Option<Cow<'a, str>>,
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
    /// 1 + the last field that counted it (a field counts once per term).
    field: u32,
    /// Times it occurs in the body.
    body: u32,
    /// 1 + the first chunk of the body holding it, 0 if none.
    chunk: u32,
}

/// The buckets the terms are merged in, in parallel: a term's bucket is
/// its shard among [`BUCKETS`] ([`shard_of`]), so a bucket holds whole
/// shards, or a shard whole buckets.
const BUCKETS: usize = 64;

/// One term of one document, as read.
struct DocTerm {
    /// Its text in [`Read::text`].
    text: Range<usize>,
    /// Its [`term_hash`].
    hash: u64,
    /// Its bucket.
    bucket: usize,
    weight: u8,
    chunk: u32,
}

/// The terms of one document with their postings, and its fragment files.
struct Read {
    /// The text of every term, one after the other.
    text: String,
    /// Its terms, by bucket.
    terms: Vec<DocTerm>,
    /// Where each bucket's terms start in `terms` (and where the last
    /// ends).
    bounds: Vec<usize>,
    facets: Vec<Facet>,
    fragments: Vec<Vec<u8>>,
}

impl Read {
    /// The terms of bucket `b`.
    fn bucket(&self, b: usize) -> &[DocTerm] {
        &self.terms[self.bounds[b]..self.bounds[b + 1]]
    }
}

fn read(doc: &Doc<'_>) -> Read {
    let mut held: TermTable<Held> = TermTable::default();
    for (i, (field, text)) in doc.fields.iter().enumerate() {
        let mark = i as u32 + 1;
        index_terms(text, |term, _, _| {
            let h = held.entry(term, term_hash(term), Held::default);
            // A field counts once per term, however often the term occurs in it.
            if h.field != mark {
                h.field = mark;
                h.boost += field.boost();
            }
        });
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
        let h = held.entry(term, term_hash(term), Held::default);
        h.body += 1;
        if h.chunk == 0 {
            h.chunk = chunk as u32 + 1;
        }
    });
    let norm = 1.0 - B + B * atoms as f32 / REFERENCE_LENGTH;
    let (text, held) = held.into_parts();
    let mut terms: Vec<DocTerm> = held
        .map(|(range, hash, h)| {
            let tf = h.body as f32;
            let body = if h.body == 0 {
                0.0
            } else {
                tf * (K1 + 1.0) / (tf + K1 * norm)
            };
            DocTerm {
                bucket: shard_of(&text[range.clone()], BUCKETS),
                text: range,
                hash,
                weight: weight_byte(h.boost + body),
                chunk: h.chunk,
            }
        })
        .collect();
    terms.sort_unstable_by_key(|t| t.bucket);
    let mut bounds = Vec::with_capacity(BUCKETS + 1);
    let mut at = 0;
    for b in 0..BUCKETS {
        bounds.push(at);
        at += terms[at..].iter().take_while(|t| t.bucket == b).count();
    }
    bounds.push(at);
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
        text,
        terms,
        bounds,
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

/// A term's posting list while the index is built.
#[derive(Default)]
struct List {
    /// A filter's list has no weights.
    filter: bool,
    postings: ListBuilder,
}

/// A term's list as written: the term's range in its bucket's text, the
/// term's shard among [`MAX_SHARDS`], the list or where it is.
type Written = (Range<usize>, usize, Vec<u8>);

/// What one bucket's lists became.
struct Encoded {
    /// The text of its terms.
    text: String,
    /// Its terms, by shard, then by term.
    terms: Vec<Written>,
}

/// Builds the index of `docs`, numbered in the order given: give them
/// oldest first, so that a new entry takes the next number and leaves the
/// files of the others as they were. Every file in memory at once, sorted
/// by path ([`build_into`] hands each over as soon as it is made).
pub fn build(docs: &[Doc<'_>]) -> Index {
    let files = Mutex::new(Vec::new());
    let kept = build_into(docs, |file| {
        files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(file);
        Ok::<(), std::convert::Infallible>(())
    });
    let manifest = match kept {
        Ok(manifest) => manifest,
        Err(never) => match never {},
    };
    let mut files = files.into_inner().unwrap_or_else(PoisonError::into_inner);
    files.par_sort_unstable_by(|a, b| a.path.cmp(&b.path));
    Index { files, manifest }
}

/// Builds the index of `docs` (numbered as in [`build`]), handing each of
/// its files to `emit` as soon as it is made, from any thread: the whole
/// index is never in memory at once. Returns the manifest, or the first
/// error `emit` gave (files may have been handed over before it).
///
/// Entries are read in parallel, a batch at a time: their fragments go
/// out at once, their terms are merged into 64 buckets by shard, one task
/// each, so the lists are built in document order without holding every
/// document's terms. Then each bucket's lists are encoded (long ones go
/// out as their own files), and the shards are written, in parallel, a
/// bucket's encoded lists dropped as soon as its shards are out.
pub fn build_into<E: Send>(
    docs: &[Doc<'_>],
    emit: impl Fn(File) -> Result<(), E> + Sync,
) -> Result<Manifest, E> {
    let mut buckets: Vec<TermTable<List>> = (0..BUCKETS).map(|_| TermTable::default()).collect();
    let mut facet_lists: BTreeMap<String, ListBuilder> = BTreeMap::new();
    let mut fragment_hashes: Vec<u32> = Vec::with_capacity(docs.len());
    for (batch_no, batch) in docs.chunks(BATCH).enumerate() {
        let first = (batch_no * BATCH) as u32;
        let mut read: Vec<Read> = batch.par_iter().map(read).collect();
        let mut fragments = Vec::new();
        for (i, r) in read.iter_mut().enumerate() {
            let id = first + i as u32;
            for f in std::mem::take(&mut r.facets) {
                facet_lists
                    .entry(format!("{}:{}", f.dimension, f.value))
                    .or_default()
                    .push(Posting {
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
            for (k, bytes) in std::mem::take(&mut r.fragments).into_iter().enumerate() {
                fragments.push(File {
                    path: format!("f/{id}.{h:08x}.{k}.json"),
                    bytes,
                });
            }
        }
        // The batch's fragments go out while its terms are merged.
        let (_, sent) = rayon::join(
            || {
                buckets.par_iter_mut().enumerate().for_each(|(b, table)| {
                    for (i, r) in read.iter().enumerate() {
                        for t in r.bucket(b) {
                            table
                                .entry(&r.text[t.text.clone()], t.hash, List::default)
                                .postings
                                .push(Posting {
                                    doc: first + i as u32,
                                    weight: t.weight,
                                    chunk: t.chunk,
                                });
                        }
                    }
                })
            },
            || fragments.into_par_iter().try_for_each(&emit),
        );
        sent?;
    }
    // Filters are terms too (`c:van-ban-moi`).
    for (term, postings) in facet_lists {
        let b = shard_of(&term, BUCKETS);
        *buckets[b].entry(&term, term_hash(&term), List::default) = List {
            filter: true,
            postings,
        };
    }
    // Groups: the fragment hashes of GROUP documents each.
    let mut groups = Vec::new();
    for (g, hashes) in fragment_hashes.chunks(GROUP).enumerate() {
        let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
        let h = hash(&bytes);
        groups.push(h as u32);
        emit(File {
            path: format!("g/{g}.{}.bin", short(h)),
            bytes,
        })?;
    }
    // Every term's list, encoded; long ones in files of their own (one
    // file for equal lists of different terms).
    let sent: Mutex<FxHashSet<u64>> = Mutex::default();
    let own = |h: u64, bytes: Vec<u8>| -> Result<(), E> {
        let first = sent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(h);
        if first {
            emit(File {
                path: format!("p/{h:016x}.bin"),
                bytes,
            })?;
        }
        Ok(())
    };
    let encoded: Vec<Encoded> = buckets
        .into_par_iter()
        .map(|bucket| encode(bucket, &own))
        .collect::<Result<_, E>>()?;
    let inline_bytes: usize = encoded
        .iter()
        .flat_map(|e| &e.terms)
        .map(|(term, _, payload)| term.len() + payload.len() + 3)
        .sum();
    let shard_count = (inline_bytes / SHARD_TARGET)
        .next_power_of_two()
        .clamp(1, MAX_SHARDS);
    // Shard `i` holds terms of the buckets whose number is `i` modulo
    // `step` only: such buckets and shards are made together, and the
    // buckets dropped once their shards are out.
    let step = shard_count.min(BUCKETS);
    let mut sets: Vec<Vec<Encoded>> = (0..step).map(|_| Vec::new()).collect();
    for (b, e) in encoded.into_iter().enumerate() {
        sets[b % step].push(e);
    }
    let made: Vec<Vec<(usize, u32)>> = sets
        .into_par_iter()
        .enumerate()
        .map(|(first, set)| {
            (first..shard_count)
                .step_by(step)
                .map(|i| {
                    let bytes = shard(&set, i, shard_count);
                    let h = hash(&bytes);
                    emit(File {
                        path: format!("s/{i}.{}.bin", short(h)),
                        bytes,
                    })?;
                    Ok::<_, E>((i, h as u32))
                })
                .collect()
        })
        .collect::<Result<_, E>>()?;
    let mut shard_hashes = vec![0; shard_count];
    for (i, h) in made.into_iter().flatten() {
        shard_hashes[i] = h;
    }
    Ok(Manifest::new(
        docs.len(),
        &shard_hashes,
        &groups,
        facet_options(docs),
    ))
}

/// Entries read in parallel before their terms are merged.
const BATCH: usize = 256;

/// Most shards an index has.
const MAX_SHARDS: usize = 1 << 14;

/// A bucket's lists encoded, ordered by their shard among [`MAX_SHARDS`]
/// read from its lowest bit (whose low bits are the shard among fewer);
/// each list longer than [`OWN_FILE`] goes to `own` with its hash.
fn encode<E>(
    bucket: TermTable<List>,
    own: &impl Fn(u64, Vec<u8>) -> Result<(), E>,
) -> Result<Encoded, E> {
    let (text, lists) = bucket.into_parts();
    let mut terms: Vec<Written> = Vec::with_capacity(lists.len());
    for (range, _, list) in lists {
        let bytes = list.postings.encode(!list.filter);
        let payload = if bytes.len() > OWN_FILE {
            let h = hash(&bytes);
            own(h, bytes)?;
            let mut p = vec![4u8];
            p.extend_from_slice(&h.to_le_bytes());
            p
        } else {
            bytes
        };
        let shard = shard_of(&text[range.clone()], MAX_SHARDS);
        terms.push((range, shard, payload));
    }
    // By the shard's bits from the lowest: the terms of one shard among
    // any number of shards are then next to each other.
    terms.sort_unstable_by_key(|t| t.1.reverse_bits());
    Ok(Encoded { text, terms })
}

/// Shard `i` of `count`, from `set`, the buckets holding its terms (see
/// [`build_into`]): its terms, sorted, each with its list (see the format
/// in [`super`]).
fn shard(set: &[Encoded], i: usize, count: usize) -> Vec<u8> {
    let mut terms: Vec<(&str, &[u8])> = Vec::new();
    // A bucket holds the terms of shard `i` among `count` in one run.
    let key = |shard: usize| (shard % count).reverse_bits();
    for e in set {
        let start = e.terms.partition_point(|t| key(t.1) < i.reverse_bits());
        let end = e.terms.partition_point(|t| key(t.1) <= i.reverse_bits());
        terms.extend(
            e.terms[start..end]
                .iter()
                .map(|(r, _, payload)| (&e.text[r.clone()], payload.as_slice())),
        );
    }
    terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut bytes = Vec::new();
    for (term, payload) in terms {
        let term = term.as_bytes();
        // Terms are at most a few hundred bytes (MAX_ATOM × MAX_RUN).
        bytes.push(term.len().min(255) as u8);
        bytes.extend_from_slice(&term[..term.len().min(255)]);
        super::postings::push_varint(&mut bytes, payload.len() as u64);
        bytes.extend_from_slice(payload);
    }
    bytes
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

    fn doc_of(body: String) -> Doc<'static> {
        Doc {
            fields: vec![(Field::Title, Cow::Borrowed("Chung"))],
            body: Cow::Owned(body),
            facets: Vec::new(),
            card: Card {
                t: Cow::Borrowed("Chung"),
                u: Cow::Borrowed("/a/"),
                c: Cow::Borrowed("c"),
                d: None,
                n: None,
                s: Cow::Borrowed(""),
                i: None,
                w: None,
                i2: None,
                w2: None,
            },
        }
    }

    /// Every shard's terms, sorted, each in the shard its hash names,
    /// each list holding its documents — with fewer shards than buckets
    /// and with more.
    #[test]
    fn every_term_is_in_its_shard_in_order_with_its_documents() {
        for (docs, words) in [(3, 5), (40, 20), (300, 120)] {
            let all: Vec<Doc<'_>> = (0..docs)
                .map(|d| {
                    let own: Vec<String> = (0..words).map(|w| format!("u{d}w{w}")).collect();
                    doc_of(format!("chung {}.", own.join(" ")))
                })
                .collect();
            let index = build(&all);
            let get = |path: &str| {
                index
                    .files
                    .iter()
                    .find(|f| f.path == path)
                    .map(|f| f.bytes.clone())
            };
            let shards: Vec<&File> = index
                .files
                .iter()
                .filter(|f| f.path.starts_with("s/"))
                .collect();
            let count = shards.len();
            assert!(count.is_power_of_two());
            let mut terms = 0;
            for f in &shards {
                let i: usize = f.path[2..f.path.find('.').unwrap()].parse().unwrap();
                let read = super::super::read::shard(&f.bytes).expect("a shard");
                assert!(read.windows(2).all(|w| w[0].0 < w[1].0), "{}", f.path);
                assert!(read.iter().all(|(t, _)| shard_of(t, count) == i));
                terms += read.len();
            }
            // Each document's own words, their pairs, "chung", its pair
            // with the first word, and the title's "chung".
            assert_eq!(terms, 1 + docs * (words + (words - 1) + 1), "{docs}");
            let reader = super::super::read::Reader::new(&index.manifest, get).unwrap();
            let common = reader.postings("chung").unwrap();
            assert_eq!(
                common.iter().map(|p| p.doc).collect::<Vec<_>>(),
                (0..docs as u32).collect::<Vec<_>>()
            );
            for d in [0, docs / 2, docs - 1] {
                let w = words - 1;
                let own = reader.postings(&format!("u{d}w{w}")).unwrap();
                assert_eq!(own.iter().map(|p| p.doc).collect::<Vec<_>>(), [d as u32]);
            }
            if docs == 300 {
                assert!(count > BUCKETS, "{count} shards");
            } else {
                assert!(count < BUCKETS, "{count} shards");
            }
        }
    }

    /// Handed over as they are made, the files are those of the whole
    /// index, each once (equal long lists of two terms are one file), and
    /// the first error of the receiver ends the build.
    #[test]
    fn every_file_is_handed_over_once_and_an_error_stops_the_build() {
        // Two terms in the same third of 4,000 documents: equal lists
        // long enough for files of their own.
        let all: Vec<Doc<'_>> = (0..4000)
            .map(|d| {
                let common = if d % 3 == 0 { "alpha beta " } else { "" };
                doc_of(format!("{common}rieng{d} chung."))
            })
            .collect();
        let whole = build(&all);
        let paths = Mutex::new(Vec::new());
        let manifest = build_into(&all, |f| {
            paths.lock().unwrap().push(f.path);
            Ok::<(), ()>(())
        })
        .unwrap();
        let mut paths = paths.into_inner().unwrap();
        let sent = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), sent, "a file handed over twice");
        let expected: Vec<&str> = whole.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, expected);
        assert_eq!(manifest, whole.manifest);
        assert!(paths.iter().any(|p| p.starts_with("p/")), "{paths:?}");

        let calls = std::sync::atomic::AtomicUsize::new(0);
        let failed = build_into(&all, |f| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if f.path.starts_with("g/") {
                Err(f.path)
            } else {
                Ok(())
            }
        });
        assert!(failed.unwrap_err().starts_with("g/0."));
        assert!(calls.into_inner() < sent);
    }

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
