//! Full-text search without a server, sized for phones on slow
//! connections: a sharded index of Vietnamese text, and the JavaScript
//! client that reads it (`client.js`). A section and the provincial hub
//! write the same format.
//!
//! ## Terms
//!
//! Text is folded from one table the indexer and the client share
//! ([`fold()`], `fold.json`: `đ` → `d`, tones and vowel marks dropped in any
//! placement and in NFC or NFD, dashes and slashes of every kind made `-`
//! and `/`) and cut into syllables, pairs of syllables and the parts of
//! document numbers ([`tokens`]).
//!
//! ## Files
//!
//! Everything lives under one directory (`tim-kiem/i/` on a section):
//!
//! | file | what |
//! |---|---|
//! | `s/<i>.<hash>.bin` | shard `i`: every term whose [`shard_of`] is `i`, sorted; per term: its length (1 byte), its bytes, the length of its list (varint) and the list ([`postings`]), or `4` and the 8-byte little-endian hash of the file holding a long list |
//! | `p/<hash>.bin` | a long posting list (more than [`index::OWN_FILE`] bytes) |
//! | `g/<g>.<hash>.bin` | group `g`: for documents `g·128` to `g·128 + 127`, the 32-bit hash of each one's fragments (little-endian) |
//! | `f/<doc>.<hash>.<k>.json` | a fragment: what document `doc`'s result shows (title, address, category, date, number, summary, the addresses of the photo's thumbnails, 160 px and 320 px for sharp screens: [`index::Card`]) and chunk `k` of its text (`x`); `hash` is the document's, from its group |
//!
//! `<hash>` is the hash of the file's bytes (of all of a document's
//! fragments for a fragment): a file's name changes whenever its content
//! does, so browsers and CDNs may keep every file forever, and an edit of
//! one entry changes the names of its own fragments, its group and the
//! shards of the terms it gained, lost or reweighted. The [`Manifest`]
//! (written into the search page) names the shards and the groups by
//! their hashes.
//!
//! ## A query
//!
//! The client folds the query, finds the shards of its terms (from the
//! manifest), downloads them and any long lists they point to, keeps the
//! documents that hold every required term (and the filters' values:
//! filters are terms too, `c:<category>`, `t:<type>`, `y:<year>`,
//! `l:<field>`), ranks them by BM25 (the inverse document frequency of each
//! term times its weight in the document: fields boosted by
//! [`Field::boost`], plus the body's term frequency, saturated and
//! normalised by its length), pairs of the query's syllables counting one
//! and a half times; then downloads the groups and the fragments of the
//! results of the page shown, and shows each with a snippet around its
//! best match, highlighted.
//!
//! What the reader waits for after the last keystroke is kept short: the
//! terms of the words already finished (followed by a space) are looked
//! up while the next one is typed, so after the pause that ends typing
//! (100 ms) only the last word's shard and list remain to come; the
//! first three results' groups and fragments are fetched first and each
//! result is shown as soon as it and those above it have come (the count
//! with the first; the list is `aria-busy` until the last); a query
//! replaced by a newer one never shows its results, and the files only
//! it was waiting for are cancelled. Lists are decoded into typed arrays
//! and ranked by counting, without a map per document.

pub mod fold;
pub mod html;
pub mod index;
pub mod postings;
pub mod read;
pub mod table;
pub mod tokens;

use std::collections::BTreeMap;

use base64::Engine;
use serde::{Deserialize, Serialize};

pub use fold::{TABLE_JSON, fold};
pub use index::{Card, Doc, Facet, File, Index, build};

/// The version of the format, in the manifest.
pub const FORMAT: u32 = 2;

/// The JavaScript client, as written into the search page (see
/// [`client_script`]).
const CLIENT: &str = include_str!("client.js");

/// What a text of an entry is: it decides how much a term found in it
/// weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The title.
    Title,
    /// The document number (`14/2019/QĐ-TTg`).
    Number,
    /// The question of a Q&A entry.
    Question,
    /// The summary.
    Summary,
    /// A tag.
    Tag,
    /// Typed metadata: document type, issuer, signer, field, place…
    Meta,
    /// The title of an attachment.
    Attachment,
}

impl Field {
    /// What a term found in this field adds to its weight in the
    /// document (the body adds at most 2.2: BM25 with `k1` = 1.2).
    pub fn boost(self) -> f32 {
        match self {
            Field::Title | Field::Number => 6.0,
            Field::Question => 3.0,
            Field::Summary | Field::Tag => 2.0,
            Field::Meta => 1.5,
            Field::Attachment => 1.0,
        }
    }
}

/// The shard of a term among `count` (a power of two): the low bits of
/// the 32-bit FNV-1a hash of its UTF-8 bytes.
pub fn shard_of(term: &str, count: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in term.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h as usize & (count.max(1) - 1)
}

/// What the search page needs to read the index: written into the page as
/// JSON, so a query needs no request before its shards.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Manifest {
    /// Format version ([`FORMAT`]).
    pub v: u32,
    /// Number of documents.
    pub n: usize,
    /// Address of the index's directory (`/pbgdpl/tim-kiem/i/`).
    pub r: String,
    /// The shards' hashes: 32-bit little-endian each, base64; their
    /// number is a power of two.
    pub s: String,
    /// The groups' hashes, likewise.
    pub g: String,
    /// Documents per group.
    pub gs: usize,
    /// Each filter's values and labels, in order (`c`, `t`, `y`, `l`).
    pub f: BTreeMap<char, Vec<(String, String)>>,
}

impl Manifest {
    fn new(
        n: usize,
        shards: &[u32],
        groups: &[u32],
        filters: BTreeMap<char, Vec<(String, String)>>,
    ) -> Self {
        let b64 = |hashes: &[u32]| {
            let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
            base64::engine::general_purpose::STANDARD.encode(bytes)
        };
        Self {
            v: FORMAT,
            n,
            r: String::new(),
            s: b64(shards),
            g: b64(groups),
            gs: index::GROUP,
            f: filters,
        }
    }

    /// The manifest a search page carries (in its
    /// `<script id="search-index">`), if it has one.
    pub fn from_page(html: &str) -> Option<Self> {
        let start = html
            .find("id=\"search-index\"")
            .or_else(|| html.find("id=search-index"))?;
        let json = &html[start..];
        let json = &json[json.find('>')? + 1..];
        serde_json::from_str(&json[..json.find("</script>")?]).ok()
    }

    /// The manifest as JSON safe inside a `<script>` element (`<` is
    /// escaped).
    pub fn to_script_json(&self) -> String {
        // Serialising strings and numbers cannot fail.
        serde_json::to_string(self)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    }
}

/// The table with each group's characters as code points: the page's
/// text stays ASCII, so no minifier or checker sees a lone combining mark.
fn code_points(table: &serde_json::Value) -> serde_json::Value {
    let Some(groups) = table.as_object() else {
        return serde_json::Value::Null;
    };
    groups
        .iter()
        .map(|(target, chars)| {
            let points: Vec<u32> = chars
                .as_str()
                .unwrap_or("")
                .chars()
                .map(u32::from)
                .collect();
            (target.clone(), serde_json::json!(points))
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// The client script for the search page: `client.js` with the folding
/// table written in, without its comments (whole lines of `//`, the
/// opening `/* … */`): every reader downloads it.
pub fn client_script() -> &'static str {
    static SCRIPT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let table: serde_json::Value = serde_json::from_str(TABLE_JSON).unwrap_or_default();
        let code = CLIENT
            .split_once("*/")
            .map_or(CLIENT, |(_, code)| code)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        code.replace("FOLD_TABLE", &code_points(&table).to_string())
    });
    &SCRIPT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_follow_fnv_1a() {
        // FNV-1a of "a" is 0xe40c292c.
        assert_eq!(shard_of("a", 1 << 16), 0x292c);
        assert_eq!(shard_of("anything", 1), 0);
    }

    #[test]
    fn the_client_gets_the_table() {
        let script = client_script();
        assert!(!script.contains("FOLD_TABLE"));
        assert!(script.contains("\"d\":[68,"));
        assert!(script.is_ascii(), "the table is written as code points");
    }
}
