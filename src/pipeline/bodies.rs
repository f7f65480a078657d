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
use crate::render::body::Kept;
use crate::render::markdown::{self, Link, Rendered};
use crate::render::{Bodies, Body};

fn key(body: u64, base_path: &str) -> u64 {
    Fingerprint::new().bytes(base_path).number(body).finish()
}

/// Rendered Markdown kept in a [`Memo`] between builds (`serve`).
pub(super) struct KeptBodies<'a>(pub(super) &'a Memo);

impl Bodies for KeptBodies<'_> {
    fn render(&self, body: u64, markdown: &str, base_path: &str) -> Body {
        Body::from(
            self.0
                .get_or_make("markdown", key(body, base_path), || {
                    Ok(markdown::render(markdown, base_path))
                })
                // Rendering Markdown cannot fail; the memo's error type is shared.
                .unwrap_or_else(|_| Arc::new(markdown::render(markdown, base_path))),
        )
    }
}

/// The file of rendered Markdown beside a build's output, read ahead of
/// the stage that needs it: `pbgdpl build` reads it while the sources
/// load.
pub struct BodyFile {
    path: std::path::PathBuf,
    read: Mutex<Option<StoredBodies>>,
}

impl BodyFile {
    /// Reads the bodies the previous build left at `path` (none when the
    /// file is missing or damaged: then every body is rendered).
    pub fn read(path: std::path::PathBuf) -> Self {
        let read = Mutex::new(Some(StoredBodies::load(&path)));
        Self { path, read }
    }

    /// Where the file is.
    pub(super) fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// The bodies read (read again if an earlier build took them).
    pub(super) fn take(&self) -> StoredBodies {
        let taken = self.read.lock().map(|mut r| r.take()).unwrap_or(None);
        taken.unwrap_or_else(|| StoredBodies::load(&self.path))
    }
}

/// Rendered Markdown read from the file the previous `pbgdpl build` left
/// beside its output; the bodies not found in it are rendered. Once the
/// build succeeds, [`StoredBodies::save`] writes the file again if it
/// does not hold exactly this build's bodies.
///
/// The HTML and plain text of a body read from the file stay in its bytes
/// until an output asks for them ([`Kept`]): a no-op rebuild, which
/// renders no output, reads only the first paragraph and the links.
pub(super) struct StoredBodies {
    stored: StoredMemo,
    /// How many records the file held.
    stored_len: usize,
    /// Every body asked for, by key, as it was given out.
    used: Mutex<Vec<(u64, Body)>>,
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

    /// Drops the records' index once every body was asked for (the
    /// bodies given out, and the file's bytes they hold, stay).
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
        let saved = StoredMemo::save(file, &used, encode);
        if saved.is_err() {
            let _ = std::fs::remove_file(file);
        }
    }
}

impl Bodies for StoredBodies {
    fn render(&self, body: u64, markdown: &str, base_path: &str) -> Body {
        let key = key(body, base_path);
        let bytes = self.stored.bytes();
        let kept = self.stored.range(key).and_then(|at| decode(bytes, at));
        let rendered = match kept {
            Some(b) => b,
            None => {
                self.rendered.fetch_add(1, Ordering::Relaxed);
                Body::from(Arc::new(markdown::render(markdown, base_path)))
            }
        };
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((key, rendered.clone()));
        rendered
    }
}

/// Appends `r` to `out`, for [`decode`]: what every build reads first,
/// the HTML and plain text last.
fn encode(r: &Body, out: &mut Vec<u8>) {
    put_text(out, r.first_paragraph());
    put_number(out, r.internal_links().len() as u64);
    for link in r.internal_links() {
        put_text(out, &link.target);
        put_number(out, link.span.start as u64);
        put_number(out, link.span.end as u64);
    }
    match r.too_deep() {
        Some(span) => {
            put_number(out, 1);
            put_number(out, span.start as u64);
            put_number(out, span.end as u64);
        }
        None => put_number(out, 0),
    }
    put_text(out, r.html());
    put_text(out, r.plain_text());
}

/// What [`encode`] wrote at `at` in `bytes`; `None` unless they are
/// exactly that. The HTML and plain text stay in `bytes`.
fn decode(bytes: &Arc<Vec<u8>>, at: std::ops::Range<usize>) -> Option<Body> {
    let start = at.start;
    let mut r = Reader::new(bytes.get(at)?);
    let range = |r: &mut Reader<'_>| {
        let start = usize::try_from(r.number()?).ok()?;
        let end = usize::try_from(r.number()?).ok()?;
        Some(start..end)
    };
    let first_paragraph = r.text()?.to_string();
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
    let html = r.skip_text()?;
    let plain_text = r.skip_text()?;
    let within = |range: std::ops::Range<usize>| start + range.start..start + range.end;
    r.is_done().then(|| {
        Body::kept(
            Rendered {
                html: String::new(),
                internal_links,
                first_paragraph,
                plain_text: String::new(),
                too_deep,
            },
            Kept {
                bytes: bytes.clone(),
                html: within(html),
                plain_text: within(plain_text),
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole body, whatever holds its parts.
    fn whole(b: &Body) -> Rendered {
        Rendered {
            html: b.html().to_string(),
            internal_links: b.internal_links().to_vec(),
            first_paragraph: b.first_paragraph().to_string(),
            plain_text: b.plain_text().to_string(),
            too_deep: b.too_deep().cloned(),
        }
    }

    fn read(bytes: &[u8]) -> Option<Rendered> {
        // Behind another record, as in a file.
        let mut file = vec![7; 5];
        file.extend_from_slice(bytes);
        let len = file.len();
        decode(&Arc::new(file), 5..len).map(|b| whole(&b))
    }

    #[test]
    fn a_body_reads_back_as_rendered() {
        let md = "# Tiêu đề\n\nĐoạn [một](/tin-tuc/a/) ![ảnh](b.png).\n\n| a |\n|---|\n| b |\n";
        let r = markdown::render(md, "/pbgdpl/");
        assert!(!r.internal_links.is_empty());
        let mut bytes = Vec::new();
        encode(&Body::from(Arc::new(r.clone())), &mut bytes);
        assert_eq!(read(&bytes), Some(r.clone()));
        let deep = Rendered {
            too_deep: Some(3..9),
            ..r
        };
        bytes.clear();
        encode(&Body::from(Arc::new(deep.clone())), &mut bytes);
        assert_eq!(read(&bytes), Some(deep));
        assert_eq!(read(&bytes[..bytes.len() - 1]), None);
        bytes.push(0);
        assert_eq!(read(&bytes), None);
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
        assert_eq!(whole(&bodies.render(1, "một *hai*", "/")), whole(&a));
        assert_eq!(whole(&bodies.render(2, "[ba](/x/)", "/")), whole(&b));
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
        assert_ne!(moved.html(), b.html());
        bodies.render(1, "một *hai*", "/");
        bodies.save(&file);
        let kept = StoredMemo::load(&file);
        assert_eq!(kept.len(), 2, "only the bodies of the last build are kept");
    }
}
