//! Photos, processed at build time: the featured photo of an entry
//! (`image`) and every picture of a bundle's Markdown.
//!
//! Each source image is decoded once within bounded memory ([`decode`]:
//! size, pixel and allocation limits, formats recognised by their bytes,
//! iPhone HEIC named as such), turned upright (EXIF orientation), converted
//! to sRGB when it carries another colour profile, resized to a few widths
//! ([`WIDTHS`], never enlarged) and encoded in WebP for the browsers of
//! today, and at a few of those widths ([`has_fallback`]) in JPEG (PNG for
//! pictures with transparency or that were PNG) for the fallback of
//! `<picture>`, shared links and feeds. Nothing of the source's metadata survives:
//! the encoders write pixels only (no EXIF, GPS, XMP, ICC, comments).
//!
//! What comes out is kept in an on-disk [`cache`] keyed by the hash of the
//! source's bytes, so an unchanged photo is never decoded again, across
//! builds and in `serve`.
//!
//! [`process`] is the whole job for one file's bytes (a pure function, the
//! entry point for fuzzing: bytes in, `Result` out).

pub mod cache;
pub mod color;
pub mod decode;
pub mod encode;
pub mod error;
pub mod gallery;
pub mod markup;
pub mod resize;
pub mod sample;

use serde::{Deserialize, Serialize};

pub use cache::Cache;
pub use decode::{Limits, SourceFormat};
pub use error::ImageError;
pub use gallery::{Gallery, ImageUse, Processed};

/// The widths, in pixels, every photo is published at (those narrower than
/// the photo itself, then the photo's own width when it is below the
/// largest): thumbnails of search results ([`SMALL_WIDTH`], 320 on sharp
/// screens) and of lists (320, 640 on sharp screens), the text column of a
/// phone (960 for 3× screens) and of a computer (1280).
pub const WIDTHS: [u32; 5] = [SMALL_WIDTH, THUMB_WIDTH, 640, 960, 1280];

/// The smallest copy: a search result's thumbnail on an ordinary screen
/// (shown 7–10rem wide; about 2–3 KB in WebP), so that a page of results
/// that all have photos stays within a query's download budget.
pub const SMALL_WIDTH: u32 = 160;

/// The thumbnail shared outside the section's pages (embeds, the feeds'
/// `thumbnails`, Media RSS) and shown beside search results on sharp
/// screens.
pub const THUMB_WIDTH: u32 = 320;

/// Version of the processing: part of every cache key, raised whenever
/// the widths, the encoders or their settings change, so that old results
/// are made again (2: the 160 px copy; 3: the fallback at fewer widths).
pub const VERSION: u32 = 3;

/// The widths, besides the largest, at which a photo also has a JPEG/PNG
/// copy: the thumbnail ([`THUMB_WIDTH`]: embeds, feeds, search results
/// and lists in browsers without WebP) and the phone's text column (960).
///
/// Every browser of today shows WebP; the fallback is for the few that
/// do not (Safari before 14, iOS 13 and older) and for what a photo is
/// shared with (Facebook and Zalo previews take the largest copy, feed
/// readers the thumbnail). Such a browser picks the 960 px copy where one
/// of 640 would do, or the 320 px one for a 160 px thumbnail — a few tens
/// of kilobytes for a handful of readers — while every photo publishes two
/// files fewer (9 instead of 11: less to encode once, and to keep on every
/// rebuild).
pub const FALLBACK_WIDTHS: [u32; 2] = [THUMB_WIDTH, 960];

/// WebP quality (libwebp's 0–100 scale).
pub const WEBP_QUALITY: f32 = 72.0;
/// JPEG quality (IJG's 1–100 scale).
pub const JPEG_QUALITY: u8 = 78;

/// The format of an output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// WebP (lossy).
    Webp,
    /// Baseline… progressive JPEG.
    Jpeg,
    /// PNG.
    Png,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// One encoded file of a processed photo.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Variant {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Format.
    pub format: Format,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of its bytes (lowercase hex), as the feeds and `sync.json`
    /// list the published file: kept with the variant so that a build
    /// never reads a published copy back to hash it. Empty in the
    /// `info.json` of caches made before it was kept
    /// ([`Cache`] fills it in once).
    #[serde(default)]
    pub sha256: String,
}

/// What processing one source image gave: its upright size, and every
/// variant, smallest first: at each width the WebP copy, then the fallback
/// where there is one ([`has_fallback`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Outcome {
    /// Width of the upright source, in pixels.
    pub width: u32,
    /// Height of the upright source, in pixels.
    pub height: u32,
    /// The fallback format (JPEG, or PNG).
    pub fallback: Format,
    /// The variants.
    pub variants: Vec<Variant>,
}

/// A processed photo: the [`Outcome`] and the bytes of each variant (same
/// order).
#[derive(Debug, Clone)]
pub struct Encoded {
    /// Sizes and formats.
    pub outcome: Outcome,
    /// The bytes of each variant.
    pub files: Vec<Vec<u8>>,
}

/// The widths a photo `width` pixels wide is published at.
pub fn widths_for(width: u32) -> Vec<u32> {
    let mut out: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < width).collect();
    let largest = WIDTHS[WIDTHS.len() - 1];
    if width <= largest {
        out.push(width);
    }
    out
}

/// Whether a copy `width` pixels wide of a photo whose largest copy is
/// `largest` pixels wide has a JPEG/PNG fallback beside its WebP: at the
/// [`FALLBACK_WIDTHS`] and the largest width.
pub fn has_fallback(width: u32, largest: u32) -> bool {
    width == largest || FALLBACK_WIDTHS.contains(&width)
}

/// Processes one source image (its whole file): decode within `limits`,
/// orient, convert to sRGB, resize, encode. Pure and deterministic; never
/// panics on any input.
pub fn process(bytes: &[u8], limits: &Limits) -> Result<Encoded, ImageError> {
    let decoded = decode::decode(bytes, limits)?;
    let fallback = if decoded.has_alpha || decoded.source == SourceFormat::Png {
        Format::Png
    } else {
        Format::Jpeg
    };
    let (width, height) = (decoded.width, decoded.height);
    let widths = widths_for(width);
    // Largest first: each smaller size is made from the next larger one
    // (a fraction of the work of resizing the full photo each time), and
    // the colour conversion runs on the largest output, not the source.
    let mut sized = Vec::with_capacity(widths.len());
    let mut current = decoded.pixels;
    for &w in widths.iter().rev() {
        let h = scaled_height(width, height, w);
        current = resize::resize(&current, w, h)?;
        sized.push(current.clone());
    }
    sized.reverse();
    if let Some(profile) = &decoded.icc {
        for image in &mut sized {
            color::to_srgb(image, profile);
        }
    }
    let mut outcome = Outcome {
        width,
        height,
        fallback,
        variants: Vec::new(),
    };
    let mut files = Vec::new();
    let largest = widths.last().copied().unwrap_or(width);
    for image in &sized {
        let formats = if has_fallback(image.width, largest) {
            2
        } else {
            1
        };
        for format in [Format::Webp, fallback].into_iter().take(formats) {
            let bytes = encode::encode(image, format)?;
            outcome.variants.push(Variant {
                width: image.width,
                height: image.height,
                format,
                bytes: bytes.len() as u64,
                sha256: crate::sync::canonical::sha256_hex(&bytes),
            });
            files.push(bytes);
        }
    }
    Ok(Encoded { outcome, files })
}

/// The height of a `width`×`height` picture scaled to `w` pixels wide
/// (at least 1).
pub fn scaled_height(width: u32, height: u32, w: u32) -> u32 {
    if w == width {
        return height;
    }
    let h = (u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width.max(1));
    (h as u32).max(1)
}

/// Pixels in memory: 8-bit RGB or RGBA, rows top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pixels {
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
    /// Whether there are four channels (RGBA) or three (RGB).
    pub alpha: bool,
    /// The samples.
    pub data: Vec<u8>,
}

impl Pixels {
    /// Channels per pixel.
    pub fn channels(&self) -> usize {
        if self.alpha { 4 } else { 3 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_enlarge() {
        assert_eq!(widths_for(4000), [160, 320, 640, 960, 1280]);
        assert_eq!(widths_for(1280), [160, 320, 640, 960, 1280]);
        assert_eq!(widths_for(800), [160, 320, 640, 800]);
        assert_eq!(widths_for(300), [160, 300]);
        assert_eq!(widths_for(100), [100]);
        assert_eq!(scaled_height(4000, 3000, 960), 720);
        assert_eq!(scaled_height(3000, 1, 320), 1);
    }

    #[test]
    fn fallbacks_at_the_thumbnail_the_phone_and_the_largest_width() {
        let at = |width: u32| -> Vec<u32> {
            let widths = widths_for(width);
            let largest = *widths.last().unwrap();
            widths
                .into_iter()
                .filter(|w| has_fallback(*w, largest))
                .collect()
        };
        assert_eq!(at(4000), [320, 960, 1280]);
        assert_eq!(at(1000), [320, 960, 1000]);
        assert_eq!(at(800), [320, 800]);
        assert_eq!(at(300), [300]);
        assert_eq!(at(100), [100]);
    }
}
