//! Where the prepare stage gets the HTML of Markdown bodies from, besides
//! rendering it: `serve` keeps every body in memory ([`KeptBodies`]),
//! `pbgdpl build` in a file beside its output ([`StoredBodies`]), so a
//! rebuild renders only the bodies whose text changed.
//!
//! A body is keyed by its file's digest, where it starts in the file and
//! the base path its links are written for: everything
//! [`markdown::render`] reads.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::fingerprint::Fingerprint;
use crate::incremental::stored::{Reader, put_number, put_text};
use crate::incremental::{Memo, StoredMemo};
use crate::render::Bodies;
use crate::render::markdown::{self, Link, Rendered};

fn key(body: u64, base_path: &str) -> u64 {
    Fingerprint::new().bytes(base_path).number(body).finish()
}

/// Rendered Markdown kept in a [`Memo`] between builds (`serve`).
pub(super) struct KeptBodies<'a>(pub(super) &'a Memo);

impl Bodies for KeptBodies<'_> {
    fn render(&self, body: u64, markdown: &str, base_path: &str) -> Arc<Rendered> {
        self.0
            .get_or_make("markdown", key(body, base_path), || {
                Ok(markdown::render(markdown, base_path))
            })
            // Rendering Markdown cannot fail; the memo's error type is shared.
            .unwrap_or_else(|_| Arc::new(markdown::render(markdown, base_path)))
    }
}

/// Rendered Markdown read from the file the previous `pbgdpl build` left
/// beside its output; the bodies not found in it are rendered. Once the
/// build succeeds, [`StoredBodies::save`] writes the file again if it
/// does not hold exactly this build's bodies.
pub(super) struct StoredBodies {
    stored: StoredMemo,
    /// How many records the file held.
    stored_len: usize,
    /// Every body asked for, by key, as it was given out.
    used: Mutex<Vec<(u64, Arc<Rendered>)>>,
    /// How many were not in the file.
    rendered: AtomicUsize,
}

impl StoredBodies {
    /// The bodies stored in `stored`.
    pub(super) fn new(stored: StoredMemo) -> Self {
        Self {
            stored_len: stored.len(),
            stored,
            used: Mutex::default(),
            rendered: AtomicUsize::new(0),
        }
    }

    /// The bodies of the file `file`.
    pub(super) fn load(file: &std::path::Path) -> Self {
        Self::new(StoredMemo::load(file))
    }

    /// Drops what was read from the file once every body was asked for
    /// (the bodies given out stay), so it takes no memory while the
    /// outputs are rendered.
    pub(super) fn forget_file(&mut self) {
        self.stored = StoredMemo::new();
    }

    /// How many bodies were rendered rather than read.
    #[cfg(test)]
    pub(super) fn rendered(&self) -> usize {
        self.rendered.load(Ordering::Relaxed)
    }

    /// Writes the bodies asked for into `file`, unless it already holds
    /// exactly them. A file that cannot be written is not an error: the
    /// next build renders every body.
    pub(super) fn save(self, file: &std::path::Path) {
        let mut used = self.used.into_inner().unwrap_or_else(|e| e.into_inner());
        used.sort_unstable_by_key(|(k, _)| *k);
        used.dedup_by_key(|(k, _)| *k);
        if self.rendered.load(Ordering::Relaxed) == 0 && used.len() == self.stored_len {
            return;
        }
        drop(self.stored);
        let saved = StoredMemo::save(file, &used, |r, out| encode(r, out));
        if saved.is_err() {
            let _ = std::fs::remove_file(file);
        }
    }
}

impl Bodies for StoredBodies {
    fn render(&self, body: u64, markdown: &str, base_path: &str) -> Arc<Rendered> {
        let key = key(body, base_path);
        let rendered = match self.stored.get(key).and_then(decode) {
            Some(r) => Arc::new(r),
            None => {
                self.rendered.fetch_add(1, Ordering::Relaxed);
                Arc::new(markdown::render(markdown, base_path))
            }
        };
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((key, rendered.clone()));
        rendered
    }
}

/// Appends `r` to `out`, for [`decode`].
fn encode(r: &Rendered, out: &mut Vec<u8>) {
    put_text(out, &r.html);
    put_text(out, &r.first_paragraph);
    put_text(out, &r.plain_text);
    put_number(out, r.internal_links.len() as u64);
    for link in &r.internal_links {
        put_text(out, &link.target);
        put_number(out, link.span.start as u64);
        put_number(out, link.span.end as u64);
    }
    match &r.too_deep {
        Some(span) => {
            put_number(out, 1);
            put_number(out, span.start as u64);
            put_number(out, span.end as u64);
        }
        None => put_number(out, 0),
    }
}

/// What [`encode`] wrote; `None` unless `bytes` are exactly that.
fn decode(bytes: &[u8]) -> Option<Rendered> {
    let mut r = Reader::new(bytes);
    let range = |r: &mut Reader<'_>| {
        let start = usize::try_from(r.number()?).ok()?;
        let end = usize::try_from(r.number()?).ok()?;
        Some(start..end)
    };
    let html = r.text()?.to_string();
    let first_paragraph = r.text()?.to_string();
    let plain_text = r.text()?.to_string();
    let links = usize::try_from(r.number()?).ok()?;
    let mut internal_links = Vec::with_capacity(links.min(bytes.len() / 24));
    for _ in 0..links {
        let target = r.text()?.to_string();
        internal_links.push(Link {
            target,
            span: range(&mut r)?,
        });
    }
    let too_deep = match r.number()? {
        0 => None,
        1 => Some(range(&mut r)?),
        _ => return None,
    };
    r.is_done().then_some(Rendered {
        html,
        internal_links,
        first_paragraph,
        plain_text,
        too_deep,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_reads_back_as_rendered() {
        let md = "# Tiêu đề\n\nĐoạn [một](/tin-tuc/a/) ![ảnh](b.png).\n\n| a |\n|---|\n| b |\n";
        let r = markdown::render(md, "/pbgdpl/");
        assert!(!r.internal_links.is_empty());
        let mut bytes = Vec::new();
        encode(&r, &mut bytes);
        assert_eq!(decode(&bytes), Some(r.clone()));
        let deep = Rendered {
            too_deep: Some(3..9),
            ..r
        };
        bytes.clear();
        encode(&deep, &mut bytes);
        assert_eq!(decode(&bytes), Some(deep));
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None);
        bytes.push(0);
        assert_eq!(decode(&bytes), None);
    }

    #[test]
    fn stored_bodies_render_only_what_the_file_lacks() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(".public.pbgdpl-bodies");
        let bodies = StoredBodies::new(StoredMemo::load(&file));
        let a = bodies.render(1, "một *hai*", "/");
        let b = bodies.render(2, "[ba](/x/)", "/");
        assert_eq!(bodies.rendered(), 2);
        bodies.save(&file);

        // The same bodies: none rendered, the file left as it is.
        let before = std::fs::metadata(&file).unwrap().modified().unwrap();
        let bodies = StoredBodies::new(StoredMemo::load(&file));
        assert_eq!(*bodies.render(1, "một *hai*", "/"), *a);
        assert_eq!(*bodies.render(2, "[ba](/x/)", "/"), *b);
        assert_eq!(bodies.rendered(), 0);
        bodies.save(&file);
        assert_eq!(
            std::fs::metadata(&file).unwrap().modified().unwrap(),
            before
        );

        // Another base path is another body: its links differ.
        let bodies = StoredBodies::new(StoredMemo::load(&file));
        let moved = bodies.render(2, "[ba](/x/)", "/pbgdpl/");
        assert_eq!(bodies.rendered(), 1);
        assert_ne!(moved.html, b.html);
        bodies.render(1, "một *hai*", "/");
        bodies.save(&file);
        let kept = StoredMemo::load(&file);
        assert_eq!(kept.len(), 2, "only the bodies of the last build are kept");
    }
}
