//! Every photo of a section, processed: the images of the bundles, found
//! by the content walk, each processed once (in parallel, through the
//! [`Cache`]) whatever the number of entries and pages that show it.
//!
//! A photo is published as its variants beside the original's address
//! (`tin-tuc/hoi-nghi/anh-hoi-nghi-960.webp`, `…-960.jpg`) and, at the
//! original's own address (`tin-tuc/hoi-nghi/anh-hoi-nghi.jpg`), as its
//! largest variant of the same format, so links to the file still work;
//! the original itself, with its camera and GPS data, is never published.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::source::SourceFile;
use crate::text::slugify;

use super::cache::{Cache, Failure};
use super::{Format, ImageError, Limits, Outcome, Variant};

/// File extensions of the photos pbgdpl processes.
pub const PHOTO_EXTENSIONS: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

/// File extensions of pictures it recognises but cannot publish (phones
/// and cameras make them).
pub const UNSUPPORTED_EXTENSIONS: [&str; 6] = ["heic", "heif", "avif", "tif", "tiff", "bmp"];

/// The lower-case extension of a file name.
pub fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether a file of this name is a photo pbgdpl processes.
pub fn is_photo(name: &str) -> bool {
    PHOTO_EXTENSIONS.contains(&extension(name).as_str())
}

/// Whether a file of this name is a picture pbgdpl cannot publish.
pub fn is_unsupported_picture(name: &str) -> bool {
    UNSUPPORTED_EXTENSIONS.contains(&extension(name).as_str())
}

/// Where a photo is shown: the file that refers to it and where.
#[derive(Debug, Clone)]
pub struct ImageUse<'a> {
    /// The file (an entry).
    pub source: &'a SourceFile,
    /// The reference (the value of `image`, the Markdown image).
    pub span: Range<usize>,
}

/// A photo to process.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    /// The file on disk.
    pub path: PathBuf,
    /// Its path relative to the site root (`content/tin-tuc/x/anh.jpg`).
    pub rel: String,
    /// Its output path (`tin-tuc/x/anh.jpg`).
    pub dest: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since 1970 (0 when unknown).
    pub modified: u64,
    /// Where it is shown (none: only published, linked or not).
    pub uses: Vec<ImageUse<'a>>,
}

/// One processed photo.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Processed {
    /// The cache key (hash of the source's bytes).
    pub key: String,
    /// Sizes and formats.
    pub outcome: Arc<Outcome>,
    /// The output path of the original (`tin-tuc/x/anh.jpg`).
    pub dest: String,
    /// The output path of each variant, in the order of
    /// `outcome.variants`.
    pub variant_paths: Vec<String>,
    /// The format published at `dest`.
    pub original_format: Format,
}

impl Processed {
    /// The variants of `format`, smallest first, with their output paths.
    pub fn of_format(&self, format: Format) -> impl Iterator<Item = (&Variant, &str)> {
        self.outcome
            .variants
            .iter()
            .zip(&self.variant_paths)
            .filter(move |(v, _)| v.format == format)
            .map(|(v, p)| (v, p.as_str()))
    }

    /// The largest variant of `format` at most `max_width` wide (the
    /// smallest when none is).
    pub fn fitting(&self, format: Format, max_width: u32) -> Option<(&Variant, &str)> {
        let mut all: Vec<_> = self.of_format(format).collect();
        let fit = all
            .iter()
            .rposition(|(v, _)| v.width <= max_width)
            .unwrap_or(0);
        (!all.is_empty()).then(|| all.swap_remove(fit))
    }

    /// The largest variant of `format`.
    pub fn largest(&self, format: Format) -> Option<(&Variant, &str)> {
        self.of_format(format).last()
    }
}

/// A file of the output made from the cache: where it goes, where it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Copy {
    /// Output path.
    pub dest: String,
    /// The file in the cache.
    pub from: PathBuf,
    /// Its size in bytes (checked when the cache was read).
    pub bytes: u64,
}

/// Every processed photo of the site, by the output path of its original.
#[derive(Debug, Default)]
pub struct Gallery {
    photos: BTreeMap<String, Processed>,
    cache_dir: PathBuf,
}

impl Gallery {
    /// Processes `sources` (in parallel) through `cache`. A photo that
    /// cannot be published is an error at every place that shows it (a
    /// warning, when nothing shows it and its format is one pbgdpl does
    /// not read: it is left out).
    pub fn build(
        cache: &Cache,
        sources: Vec<Source<'_>>,
        limits: &Limits,
    ) -> (Gallery, Diagnostics) {
        let results: Vec<_> = sources
            .par_iter()
            .map(|s| (s, cache.get(&s.path, &s.rel, s.size, s.modified, limits)))
            .collect();
        let mut gallery = Gallery {
            photos: BTreeMap::new(),
            cache_dir: cache.dir().to_path_buf(),
        };
        let mut diags = Diagnostics::new();
        for (s, result) in results {
            match result {
                Ok((key, outcome)) => {
                    gallery
                        .photos
                        .insert(s.dest.clone(), processed(&s.dest, key, outcome));
                }
                Err(failure) => diags.extend(report(s, failure)),
            }
        }
        cache.save();
        (gallery, diags)
    }

    /// The photo whose original is published at `dest`.
    pub fn get(&self, dest: &str) -> Option<&Processed> {
        self.photos.get(dest)
    }

    /// Every photo, by output path.
    pub fn iter(&self) -> impl Iterator<Item = &Processed> {
        self.photos.values()
    }

    /// Number of photos.
    pub fn len(&self) -> usize {
        self.photos.len()
    }

    /// True when the site has no photo.
    pub fn is_empty(&self) -> bool {
        self.photos.is_empty()
    }

    /// The file in the cache holding the variant `v` of `p`.
    pub fn variant_file(&self, p: &Processed, v: &Variant) -> PathBuf {
        self.cache_dir
            .join(&p.key)
            .join(format!("{}.{}", v.width, v.format.extension()))
    }

    /// What is published at a photo's own address `dest` (its largest
    /// variant of the original's format): the file in the cache and the
    /// variant.
    pub fn at_original(&self, dest: &str) -> Option<(PathBuf, &Variant)> {
        let p = self.get(dest)?;
        let (v, _) = p.largest(p.original_format)?;
        Some((self.variant_file(p, v), v))
    }

    /// The copy of a photo that is shared (`og:image`, the feeds' image):
    /// its largest JPEG or PNG variant, with its output path and the file
    /// in the cache.
    pub fn shared(&self, dest: &str) -> Option<(&Variant, &str, PathBuf)> {
        let p = self.get(dest)?;
        let (v, path) = p.largest(p.outcome.fallback)?;
        Some((v, path, self.variant_file(p, v)))
    }

    /// Every file to publish: each variant, and the original's address
    /// when no variant is published there.
    pub fn copies(&self) -> Vec<Copy> {
        let mut out = Vec::new();
        for p in self.photos.values() {
            let file = |v: &Variant| self.variant_file(p, v);
            for (v, dest) in p.outcome.variants.iter().zip(&p.variant_paths) {
                out.push(Copy {
                    dest: dest.clone(),
                    from: file(v),
                    bytes: v.bytes,
                });
            }
            if let Some((v, _)) = p
                .largest(p.original_format)
                .filter(|(_, path)| *path != p.dest)
            {
                out.push(Copy {
                    dest: p.dest.clone(),
                    from: file(v),
                    bytes: v.bytes,
                });
            }
        }
        out.sort();
        out
    }
}

/// The output paths of a photo's variants: `<dir>/<stem>-<width>.<ext>`.
fn processed(dest: &str, key: String, outcome: Arc<Outcome>) -> Processed {
    let (dir, name) = match dest.rsplit_once('/') {
        Some((d, n)) => (format!("{d}/"), n),
        None => (String::new(), dest),
    };
    let raw_stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let mut stem = slugify(raw_stem);
    if stem.is_empty() {
        stem = "anh".to_string();
    }
    let mut variant_paths: Vec<String> = outcome
        .variants
        .iter()
        .map(|v| format!("{dir}{stem}-{}.{}", v.width, v.format.extension()))
        .collect();
    let ext = extension(name);
    let original_format = match ext.as_str() {
        "webp" => Format::Webp,
        "png" if outcome.fallback == Format::Png => Format::Png,
        "jpg" | "jpeg" if outcome.fallback == Format::Jpeg => Format::Jpeg,
        _ => outcome.fallback,
    };
    // The original's address holds its largest copy in the original's
    // format: when its name says that format and is fit for an address
    // (already its own slug: `anh-hoi-nghi.jpg`, not `Ảnh hội nghị.jpg`),
    // that copy is published there only, not a second time under a width's
    // name (a file, and the largest copy's bytes, fewer a photo; shared
    // links and feeds name the photo's own address).
    let own_name = raw_stem == stem
        && matches!(
            (original_format, ext.as_str()),
            (Format::Jpeg, "jpg" | "jpeg") | (Format::Png, "png") | (Format::Webp, "webp")
        );
    if own_name
        && let Some(i) = outcome
            .variants
            .iter()
            .rposition(|v| v.format == original_format)
    {
        variant_paths[i] = dest.to_string();
    }
    Processed {
        key,
        outcome,
        dest: dest.to_string(),
        variant_paths,
        original_format,
    }
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

fn report(s: &Source<'_>, failure: Failure) -> Diagnostics {
    let mut out = Diagnostics::new();
    let name = file_name(&s.rel);
    match failure {
        Failure::Io(path, source) => {
            out.push(
                Diagnostic::error("unreadable", Error::Io { path, source }.message())
                    .in_file(&s.rel),
            );
        }
        Failure::Image(e) => {
            let skipped = s.uses.is_empty() && matches!(e, ImageError::Unsupported(_));
            if s.uses.is_empty() {
                let d = if skipped {
                    Diagnostic::warning(e.code(), e.message(name))
                } else {
                    Diagnostic::error(e.code(), e.message(name))
                };
                out.push(d.in_file(&s.rel).help(e.help()));
            }
            for u in &s.uses {
                out.push(
                    Diagnostic::error(e.code(), e.message(name))
                        .at(u.source, u.span.clone())
                        .help(e.help()),
                );
            }
        }
    }
    out
}
