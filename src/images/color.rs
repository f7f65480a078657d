//! Colour: photos from some phones (iPhones: Display P3) and cameras
//! (Adobe RGB) carry a colour profile; browsers show an image without one
//! as sRGB. The pixels are converted to sRGB so the published files need
//! no profile and look as the photographer saw them.

use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};

use super::Pixels;

/// Converts `pixels` from the colour space of the ICC `profile` to sRGB,
/// in place. A profile that cannot be read, or that is not an RGB profile
/// (grey, CMYK: the decoder already gave RGB), leaves the pixels as they
/// are, as a browser would show them without the profile.
pub fn to_srgb(pixels: &mut Pixels, profile: &[u8]) {
    let Ok(source) = ColorProfile::new_from_slice(profile) else {
        return;
    };
    if source.color_space != DataColorSpace::Rgb {
        return;
    }
    let layout = if pixels.alpha {
        Layout::Rgba
    } else {
        Layout::Rgb
    };
    let srgb = ColorProfile::new_srgb();
    let Ok(transform) =
        source.create_transform_8bit(layout, &srgb, layout, TransformOptions::default())
    else {
        return;
    };
    let mut out = vec![0u8; pixels.data.len()];
    if transform.transform(&pixels.data, &mut out).is_ok() {
        pixels.data = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_profile_changes_nothing() {
        let mut p = Pixels {
            width: 1,
            height: 1,
            alpha: false,
            data: vec![10, 20, 30],
        };
        to_srgb(&mut p, b"not a profile");
        assert_eq!(p.data, [10, 20, 30]);
    }

    #[test]
    fn a_display_p3_red_becomes_a_less_saturated_srgb_red() {
        let p3 = ColorProfile::new_display_p3().encode().unwrap();
        let mut p = Pixels {
            width: 1,
            height: 1,
            alpha: false,
            data: vec![200, 60, 60],
        };
        to_srgb(&mut p, &p3);
        assert_ne!(p.data, [200, 60, 60], "converted");
        assert!(
            p.data[0] > 200,
            "P3 red is redder than sRGB's: {:?}",
            p.data
        );
    }
}
