//! Reading the index back, as the JavaScript client does: a term's
//! posting list from its shard (or its own file), a document's fragment
//! from its group. Tests and tools read the files a build wrote with it;
//! the page itself uses `client.js`.

use base64::Engine;

use super::postings::{Posting, decode, read_varint};
use super::{Manifest, shard_of};

/// The hashes a manifest field holds (base64 of 32-bit little-endian
/// numbers), as the hex the file names use.
fn hashes(b64: &str) -> Option<Vec<String>> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
    Some(
        bytes
            .chunks_exact(4)
            .map(|c| format!("{:08x}", u32::from_le_bytes([c[0], c[1], c[2], c[3]])))
            .collect(),
    )
}

/// What one entry of a shard holds: the list itself, or the name of the
/// file holding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry<'b> {
    /// The encoded list.
    List(&'b [u8]),
    /// The list is in `p/<hex>.bin`.
    File(String),
}

/// The terms of a shard with what each holds, in order; `None` when the
/// bytes are not a shard.
pub fn shard(bytes: &[u8]) -> Option<Vec<(&str, Entry<'_>)>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let len = usize::from(bytes[at]);
        at += 1;
        let term = std::str::from_utf8(bytes.get(at..at + len)?).ok()?;
        at += len;
        let size = usize::try_from(read_varint(bytes, &mut at)?).ok()?;
        let payload = bytes.get(at..at.checked_add(size)?)?;
        at += size;
        let entry = match payload {
            [4, hash @ ..] if hash.len() == 8 => {
                let mut h = [0u8; 8];
                h.copy_from_slice(hash);
                Entry::File(format!("{:016x}", u64::from_le_bytes(h)))
            }
            list => Entry::List(list),
        };
        out.push((term, entry));
    }
    Some(out)
}

/// A built index, read through `get` (a path under the index's directory
/// → the file's bytes).
pub struct Reader<'m, G> {
    manifest: &'m Manifest,
    shards: Vec<String>,
    groups: Vec<String>,
    get: G,
}

impl<'m, G: Fn(&str) -> Option<Vec<u8>>> Reader<'m, G> {
    /// A reader of the index `manifest` describes.
    pub fn new(manifest: &'m Manifest, get: G) -> Option<Self> {
        Some(Self {
            manifest,
            shards: hashes(&manifest.s)?,
            groups: hashes(&manifest.g)?,
            get,
        })
    }

    /// The documents holding `term` (a folded term, as
    /// [`super::tokens`] makes them); empty when none does.
    pub fn postings(&self, term: &str) -> Option<Vec<Posting>> {
        let i = shard_of(term, self.shards.len());
        let bytes = (self.get)(&format!("s/{i}.{}.bin", self.shards.get(i)?))?;
        let found = shard(&bytes)?.into_iter().find(|(t, _)| *t == term);
        match found {
            None => Some(Vec::new()),
            Some((_, Entry::List(list))) => decode(list),
            Some((_, Entry::File(hex))) => decode(&(self.get)(&format!("p/{hex}.bin"))?),
        }
    }

    /// Chunk `k` of document `doc`'s fragments, as JSON.
    pub fn fragment(&self, doc: u32, k: u32) -> Option<serde_json::Value> {
        let gs = self.manifest.gs.max(1);
        let g = doc as usize / gs;
        let group = (self.get)(&format!("g/{g}.{}.bin", self.groups.get(g)?))?;
        let at = (doc as usize % gs) * 4;
        let h = u32::from_le_bytes(group.get(at..at + 4)?.try_into().ok()?);
        let bytes = (self.get)(&format!("f/{doc}.{h:08x}.{k}.json"))?;
        serde_json::from_slice(&bytes).ok()
    }
}
