//! Encoding: lossy WebP with libwebp, progressive JPEG with jpeg-encoder,
//! PNG with the png codec. None of them is given any metadata: what they
//! write is pixels, dimensions and the format's own headers.
//!
//! Why libwebp: the pure-Rust WebP encoder (`image-webp`, used by the
//! `image` crate) only writes lossless WebP, several times larger than a
//! lossy one for a photo (docs/performance.md has the measurements).

use super::{Format, ImageError, JPEG_QUALITY, Pixels, WEBP_QUALITY};

/// The bytes of `pixels` in `format`.
pub fn encode(pixels: &Pixels, format: Format) -> Result<Vec<u8>, ImageError> {
    match format {
        Format::Webp => webp(pixels, WEBP_QUALITY),
        Format::Jpeg => jpeg(pixels, JPEG_QUALITY),
        Format::Png => png(pixels),
    }
}

/// Lossy WebP at `quality`.
pub fn webp(pixels: &Pixels, quality: f32) -> Result<Vec<u8>, ImageError> {
    let encoder = if pixels.alpha {
        webp::Encoder::from_rgba(&pixels.data, pixels.width, pixels.height)
    } else {
        webp::Encoder::from_rgb(&pixels.data, pixels.width, pixels.height)
    };
    let mut config =
        webp::WebPConfig::new().map_err(|()| ImageError::Encode("WebPConfig".into()))?;
    config.quality = quality;
    config.method = 4;
    config.alpha_compression = 1;
    // One thread: the build already runs one photo per core, and a
    // single-threaded encoder gives the same bytes every time.
    config.thread_level = 0;
    let memory = encoder
        .encode_advanced(&config)
        .map_err(|e| ImageError::Encode(format!("WebP: {e:?}")))?;
    Ok(memory.to_vec())
}

/// Lossless WebP (the pure-Rust encoder), for the measurements only.
pub fn webp_lossless(pixels: &Pixels) -> Result<Vec<u8>, ImageError> {
    let mut out = Vec::new();
    let color = if pixels.alpha {
        image::ExtendedColorType::Rgba8
    } else {
        image::ExtendedColorType::Rgb8
    };
    image::codecs::webp::WebPEncoder::new_lossless(&mut out)
        .encode(&pixels.data, pixels.width, pixels.height, color)
        .map_err(|e| ImageError::Encode(e.to_string()))?;
    Ok(out)
}

/// Progressive JPEG at `quality`, 4:2:0, optimised Huffman tables.
pub fn jpeg(pixels: &Pixels, quality: u8) -> Result<Vec<u8>, ImageError> {
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
    encoder.set_progressive(true);
    encoder.set_optimized_huffman_tables(true);
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    let (w, h) = (
        u16::try_from(pixels.width).map_err(|_| ImageError::Encode("JPEG width".into()))?,
        u16::try_from(pixels.height).map_err(|_| ImageError::Encode("JPEG height".into()))?,
    );
    let color = if pixels.alpha {
        jpeg_encoder::ColorType::Rgba
    } else {
        jpeg_encoder::ColorType::Rgb
    };
    encoder
        .encode(&pixels.data, w, h, color)
        .map_err(|e| ImageError::Encode(format!("JPEG: {e}")))?;
    Ok(out)
}

/// PNG, best compression the codec offers at an adaptive filter.
pub fn png(pixels: &Pixels) -> Result<Vec<u8>, ImageError> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    let color = if pixels.alpha {
        image::ExtendedColorType::Rgba8
    } else {
        image::ExtendedColorType::Rgb8
    };
    image::codecs::png::PngEncoder::new_with_quality(
        &mut out,
        image::codecs::png::CompressionType::Best,
        image::codecs::png::FilterType::Adaptive,
    )
    .write_image(&pixels.data, pixels.width, pixels.height, color)
    .map_err(|e| ImageError::Encode(e.to_string()))?;
    Ok(out)
}
