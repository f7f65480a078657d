//! Resizing with a Lanczos filter (fast_image_resize: SIMD, and alpha
//! handled so transparent edges do not darken).

use fast_image_resize::images::Image;
use fast_image_resize::{PixelType, ResizeOptions, Resizer};

use super::{ImageError, Pixels};

/// `pixels` scaled to `width`×`height` (a copy when the size is the same).
pub fn resize(pixels: &Pixels, width: u32, height: u32) -> Result<Pixels, ImageError> {
    if (width, height) == (pixels.width, pixels.height) {
        return Ok(pixels.clone());
    }
    let kind = if pixels.alpha {
        PixelType::U8x4
    } else {
        PixelType::U8x3
    };
    // Only sizes the decoder gave reach here: a failure means the pixels
    // do not match them.
    let fail = |_: &dyn std::fmt::Display| ImageError::Corrupt(super::error::Damage::Damaged);
    let mut source = pixels.data.clone();
    let src = Image::from_slice_u8(pixels.width, pixels.height, &mut source, kind)
        .map_err(|e| fail(&e))?;
    let mut dst = Image::new(width, height, kind);
    Resizer::new()
        .resize(&src, &mut dst, &ResizeOptions::new())
        .map_err(|e| fail(&e))?;
    Ok(Pixels {
        width,
        height,
        alpha: pixels.alpha,
        data: dst.into_vec(),
    })
}
