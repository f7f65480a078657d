//! Decoding a source image within bounded memory.
//!
//! The format is recognised from the file's first bytes, not its name (a
//! renamed file is still what it is). Before any pixel is decoded, the
//! header gives the size: a file larger than [`Limits::max_bytes`] or a
//! picture of more than [`Limits::max_pixels`] (a "decompression bomb": a
//! few kilobytes declaring 100,000 × 100,000 pixels) is refused, and the
//! decoder itself is bounded by [`Limits::max_alloc`]. Concurrent decodes
//! share a memory budget ([`MEMORY_BUDGET`]), so a build never holds more
//! than that in decoded pixels, however many cores it runs on.

use std::io::Cursor;
use std::sync::{Condvar, Mutex};

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::error::Damage;
use super::{ImageError, Pixels};

/// What may be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest source file, in bytes.
    pub max_bytes: u64,
    /// Most pixels (width × height).
    pub max_pixels: u64,
    /// Most memory the decoder may allocate, in bytes.
    pub max_alloc: u64,
}

/// 32 MiB: a 50-megapixel phone photo is 10–25 MB.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;
/// 64 megapixels (8,000 × 8,000).
pub const MAX_PIXELS: u64 = 64_000_000;

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: MAX_BYTES,
            max_pixels: MAX_PIXELS,
            max_alloc: MAX_PIXELS * 4 + 64 * 1024 * 1024,
        }
    }
}

/// The decoded pixels that all concurrent decodes may hold together.
pub const MEMORY_BUDGET: u64 = 768 * 1024 * 1024;

/// The kinds of file recognised by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// JPEG.
    Jpeg,
    /// PNG.
    Png,
    /// WebP.
    Webp,
    /// GIF (its first frame).
    Gif,
    /// HEIC/HEIF (iPhones): not decoded.
    Heic,
    /// AVIF: not decoded.
    Avif,
    /// TIFF: not decoded.
    Tiff,
    /// BMP: not decoded.
    Bmp,
    /// Photoshop: not decoded.
    Psd,
    /// SVG (a drawing, not a photo): not decoded.
    Svg,
}

impl SourceFormat {
    /// The format's usual name.
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Jpeg => "JPEG",
            SourceFormat::Png => "PNG",
            SourceFormat::Webp => "WebP",
            SourceFormat::Gif => "GIF",
            SourceFormat::Heic => "HEIC",
            SourceFormat::Avif => "AVIF",
            SourceFormat::Tiff => "TIFF",
            SourceFormat::Bmp => "BMP",
            SourceFormat::Psd => "PSD",
            SourceFormat::Svg => "SVG",
        }
    }

    /// Whether pbgdpl decodes it.
    pub fn supported(self) -> bool {
        matches!(
            self,
            SourceFormat::Jpeg | SourceFormat::Png | SourceFormat::Webp | SourceFormat::Gif
        )
    }
}

/// Recognises a file from its first bytes.
pub fn sniff(bytes: &[u8]) -> Option<SourceFormat> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Some(SourceFormat::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Some(SourceFormat::Png);
    }
    if starts(b"RIFF") && bytes.get(8..12) == Some(&b"WEBP"[..]) {
        return Some(SourceFormat::Webp);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Some(SourceFormat::Gif);
    }
    if bytes.get(4..8) == Some(&b"ftyp"[..]) {
        let brand = bytes.get(8..12).unwrap_or_default();
        return match brand {
            b"avif" | b"avis" => Some(SourceFormat::Avif),
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                Some(SourceFormat::Heic)
            }
            _ => None,
        };
    }
    if starts(b"II*\0") || starts(b"MM\0*") {
        return Some(SourceFormat::Tiff);
    }
    if starts(b"BM") && bytes.len() > 26 {
        return Some(SourceFormat::Bmp);
    }
    if starts(b"8BPS") {
        return Some(SourceFormat::Psd);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    if head.contains("<svg") {
        return Some(SourceFormat::Svg);
    }
    None
}

/// A decoded, upright source image.
#[derive(Debug)]
pub struct Decoded {
    /// Its format.
    pub source: SourceFormat,
    /// Upright width.
    pub width: u32,
    /// Upright height.
    pub height: u32,
    /// Whether any pixel is not fully opaque.
    pub has_alpha: bool,
    /// The embedded colour profile, when there is one.
    pub icc: Option<Vec<u8>>,
    /// The pixels (RGB, or RGBA when `has_alpha`).
    pub pixels: Pixels,
}

/// The size a file declares, without decoding it.
pub fn dimensions(bytes: &[u8]) -> Result<(SourceFormat, u32, u32), ImageError> {
    let format = check_format(bytes)?;
    let reader = reader(bytes, format, &Limits::default());
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| ImageError::Corrupt(Damage::of(&e)))?;
    Ok((format, w, h))
}

fn check_format(bytes: &[u8]) -> Result<SourceFormat, ImageError> {
    match sniff(bytes) {
        Some(f) if f.supported() => Ok(f),
        Some(f) => Err(ImageError::Unsupported(f)),
        None if bytes.is_empty() => Err(ImageError::Empty),
        None => Err(ImageError::NotAnImage),
    }
}

fn reader<'b>(
    bytes: &'b [u8],
    format: SourceFormat,
    limits: &Limits,
) -> ImageReader<Cursor<&'b [u8]>> {
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(match format {
        SourceFormat::Png => ImageFormat::Png,
        SourceFormat::Webp => ImageFormat::WebP,
        SourceFormat::Gif => ImageFormat::Gif,
        _ => ImageFormat::Jpeg,
    });
    let mut l = image::Limits::default();
    l.max_image_width = Some(100_000);
    l.max_image_height = Some(100_000);
    l.max_alloc = Some(limits.max_alloc);
    reader.limits(l);
    reader
}

/// Decodes a whole source file (see the module documentation).
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<Decoded, ImageError> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(ImageError::TooLarge {
            bytes: bytes.len() as u64,
            limit: limits.max_bytes,
        });
    }
    let format = check_format(bytes)?;
    let (w, h) = reader(bytes, format, limits)
        .into_dimensions()
        .map_err(|e| ImageError::Corrupt(Damage::of(&e)))?;
    // A decoder fills what is missing of a cut JPEG with grey, as
    // browsers do: published, that is half a photo.
    if format == SourceFormat::Jpeg && !jpeg_complete(bytes) {
        return Err(ImageError::Corrupt(Damage::Truncated));
    }
    let pixels = u64::from(w) * u64::from(h);
    if pixels > limits.max_pixels || w == 0 || h == 0 {
        return Err(ImageError::TooManyPixels {
            width: w,
            height: h,
            limit: limits.max_pixels,
        });
    }
    // Decoded RGBA, and the copies made while converting.
    let _memory = Budget::take(pixels.saturating_mul(8).min(MEMORY_BUDGET));
    let mut decoder = reader(bytes, format, limits)
        .into_decoder()
        .map_err(|e| ImageError::Corrupt(Damage::of(&e)))?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|e| ImageError::Corrupt(Damage::of(&e)))?;
    image.apply_orientation(orientation);
    let has_alpha = image.color().has_alpha() && {
        let rgba = image.to_rgba8();
        rgba.pixels().any(|p| p.0[3] != 255)
    };
    let (width, height) = (image.width(), image.height());
    let data = if has_alpha {
        image.into_rgba8().into_raw()
    } else {
        image.into_rgb8().into_raw()
    };
    Ok(Decoded {
        source: format,
        width,
        height,
        has_alpha,
        icc: icc.filter(|p| !p.is_empty()),
        pixels: Pixels {
            width,
            height,
            alpha: has_alpha,
            data,
        },
    })
}

/// Whether a JPEG file holds its end: its marker segments are walked to
/// the first scan, after which an end-of-image marker (`FF D9`) must come
/// (the compressed data never holds one: an `FF` there is followed by
/// `00` or a restart marker). A copy cut short has none. Data after the
/// end (some phones add their own) does not matter; a header the walk
/// cannot read is left to the decoder.
fn jpeg_complete(bytes: &[u8]) -> bool {
    let mut i = 2;
    while let (Some(&ff), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) {
        if ff != 0xFF {
            return true;
        }
        match marker {
            0xFF => i += 1,
            0xDA => return bytes[i..].windows(2).any(|w| w == [0xFF, 0xD9]),
            0x01 | 0xD0..=0xD7 => i += 2,
            _ => {
                let Some(len) = bytes.get(i + 2..i + 4) else {
                    return false;
                };
                i += 2 + usize::from(u16::from_be_bytes([len[0], len[1]]));
            }
        }
    }
    false
}

/// A share of [`MEMORY_BUDGET`], given back when dropped.
struct Budget(u64);

static IN_USE: Mutex<u64> = Mutex::new(0);
static FREED: Condvar = Condvar::new();

impl Budget {
    /// Waits until `bytes` fit in the budget beside the decodes running
    /// (one decode alone always fits).
    fn take(bytes: u64) -> Budget {
        let mut used = IN_USE.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + bytes > MEMORY_BUDGET {
            used = FREED.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += bytes;
        Budget(bytes)
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        let mut used = IN_USE.lock().unwrap_or_else(|e| e.into_inner());
        *used = used.saturating_sub(self.0);
        FREED.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_recognised_by_their_bytes() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE1]), Some(SourceFormat::Jpeg));
        assert_eq!(
            sniff(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
            Some(SourceFormat::Heic)
        );
        assert_eq!(sniff(b"\0\0\0\x1cftypavif"), Some(SourceFormat::Avif));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(SourceFormat::Webp));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><svg"),
            Some(SourceFormat::Svg)
        );
        assert_eq!(sniff(b"hello"), None);
        assert!(matches!(
            decode(b"", &Limits::default()),
            Err(ImageError::Empty)
        ));
        assert!(matches!(
            decode(b"not an image at all", &Limits::default()),
            Err(ImageError::NotAnImage)
        ));
    }
}
