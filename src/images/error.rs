//! Why a source image could not be processed, said for the person who
//! added it (the messages are in `src/i18n/*/images.ftl`).

use crate::i18n::Message;
use crate::msg;
use crate::text::human_size;

use super::SourceFormat;

/// A source image that cannot be published.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// The file is empty.
    #[error("empty file")]
    Empty,
    /// Not an image at all.
    #[error("not an image")]
    NotAnImage,
    /// An image format pbgdpl does not read (HEIC, TIFF…).
    #[error("unsupported format {}", .0.name())]
    Unsupported(SourceFormat),
    /// The file is larger than the limit.
    #[error("file of {bytes} bytes over the limit of {limit}")]
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The picture declares more pixels than the limit (or none).
    #[error("{width}×{height} pixels over the limit of {limit}")]
    TooManyPixels {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
        /// The limit, in pixels.
        limit: u64,
    },
    /// The decoder found the file broken.
    #[error("corrupt image: {0:?}")]
    Corrupt(Damage),
    /// An encoder failed (should not happen).
    #[error("encoding failed: {0}")]
    Encode(String),
}

impl ImageError {
    /// The diagnostic code.
    pub fn code(&self) -> &'static str {
        match self {
            ImageError::Unsupported(_) => "image-format",
            ImageError::TooLarge { .. } | ImageError::TooManyPixels { .. } => "image-too-large",
            _ => "bad-image",
        }
    }

    /// What is wrong with `file`.
    pub fn message(&self, file: &str) -> Message {
        match self {
            ImageError::Empty => msg!("image-empty", file = file),
            ImageError::NotAnImage => msg!("image-not-an-image", file = file),
            ImageError::Unsupported(f) => msg!("image-unsupported", file = file, format = f.name()),
            ImageError::TooLarge { bytes, limit } => msg!(
                "image-too-large",
                file = file,
                size = human_size(*bytes),
                limit = human_size(*limit)
            ),
            ImageError::TooManyPixels {
                width,
                height,
                limit,
            } => msg!(
                "image-too-many-pixels",
                file = file,
                width = width.to_string(),
                height = height.to_string(),
                limit = (limit / 1_000_000).to_string()
            ),
            ImageError::Corrupt(damage) => {
                msg!("image-corrupt", file = file, reason = damage.reason())
            }
            // The encoder's own text is for developers (Debug), not here.
            ImageError::Encode(_) => msg!("image-encode", file = file),
        }
    }

    /// How to fix it.
    pub fn help(&self) -> Message {
        match self {
            ImageError::Unsupported(SourceFormat::Heic) => msg!("image-heic-help"),
            ImageError::Unsupported(_) | ImageError::NotAnImage | ImageError::Empty => {
                msg!("image-format-help")
            }
            ImageError::TooLarge { .. } | ImageError::TooManyPixels { .. } => {
                msg!("image-too-large-help")
            }
            ImageError::Corrupt(Damage::Variant) => msg!("image-format-help"),
            ImageError::Corrupt(Damage::Memory) => msg!("image-too-large-help"),
            ImageError::Corrupt(_) | ImageError::Encode(_) => msg!("image-corrupt-help"),
        }
    }
}

/// Why a decoder gave up on a file, in words a person can act on. The
/// decoders' own texts are English and technical ("Format error decoding
/// Jpeg: I/O errors Not enough bytes"): they never reach a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// The file stops before the picture does (a copy or a download that
    /// did not finish).
    Truncated,
    /// The picture's data is wrong somewhere in the file.
    Damaged,
    /// A variant of the format the decoder does not read (12-bit or
    /// arithmetic-coded JPEG, an odd colour type).
    Variant,
    /// Opening it would need more memory than allowed.
    Memory,
}

impl Damage {
    /// What a decoder's error means for the person who added the file.
    pub fn of(e: &image::ImageError) -> Damage {
        use image::ImageError as E;
        match e {
            E::Limits(_) => Damage::Memory,
            E::Unsupported(_) => Damage::Variant,
            E::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => Damage::Truncated,
            E::Decoding(d) if ends_early(d) => Damage::Truncated,
            _ => Damage::Damaged,
        }
    }

    /// The reason, for the `image-corrupt` message.
    pub fn reason(self) -> Message {
        match self {
            Damage::Truncated => msg!("image-reason-truncated"),
            Damage::Damaged => msg!("image-reason-damaged"),
            Damage::Variant => msg!("image-reason-variant"),
            Damage::Memory => msg!("image-reason-memory"),
        }
    }
}

/// Whether a decoding error says the data ran out: an I/O error "end of
/// file" under it, or the decoders' words for it.
fn ends_early(e: &image::error::DecodingError) -> bool {
    use std::error::Error as _;
    let mut source = e.source();
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::UnexpectedEof
        {
            return true;
        }
        source = s.source();
    }
    let text = e.to_string().to_ascii_lowercase();
    [
        "not enough bytes",
        "unexpected end",
        "end of file",
        "eof",
        "truncated",
        "no more bytes",
        "premature end",
    ]
    .iter()
    .any(|w| text.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{Limits, decode, sample};

    fn damage(bytes: &[u8]) -> Damage {
        match decode::decode(bytes, &Limits::default()) {
            Err(ImageError::Corrupt(d)) => d,
            other => panic!("not a corrupt image: {other:?}"),
        }
    }

    #[test]
    fn decoder_errors_become_reasons_in_words() {
        let jpeg = sample::jpeg(&sample::photo(64, 48, 1), 90, None);
        // A copy cut in the middle (the decoder alone would fill it grey).
        assert_eq!(damage(&jpeg[..jpeg.len() / 2]), Damage::Truncated);
        assert!(decode::decode(&jpeg, &Limits::default()).is_ok());
        assert_eq!(
            damage(b"\xFF\xD8\xFF\xE0 not really a jpeg"),
            Damage::Truncated
        );
        // A PNG whose image data is overwritten: its checksums fail.
        let mut png = Vec::new();
        image::DynamicImage::ImageRgb8(
            image::RgbImage::from_raw(8, 8, vec![200; 8 * 8 * 3]).unwrap(),
        )
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
        let idat = png.windows(4).position(|w| w == b"IDAT").unwrap();
        for b in &mut png[idat + 4..idat + 12] {
            *b ^= 0x5A;
        }
        assert_eq!(damage(&png), Damage::Damaged);
        let unsupported =
            image::ImageError::Unsupported(image::error::UnsupportedError::from_format_and_kind(
                image::error::ImageFormatHint::Exact(image::ImageFormat::Jpeg),
                image::error::UnsupportedErrorKind::GenericFeature("12-bit".into()),
            ));
        assert_eq!(Damage::of(&unsupported), Damage::Variant);
        let limits = image::ImageError::Limits(image::error::LimitError::from_kind(
            image::error::LimitErrorKind::InsufficientMemory,
        ));
        assert_eq!(Damage::of(&limits), Damage::Memory);
    }
}
