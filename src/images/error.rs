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
    #[error("corrupt image: {0}")]
    Corrupt(String),
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
            ImageError::Corrupt(reason) => msg!("image-corrupt", file = file, reason = reason),
            ImageError::Encode(reason) => msg!("image-encode", file = file, reason = reason),
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
            ImageError::Corrupt(_) | ImageError::Encode(_) => msg!("image-corrupt-help"),
        }
    }
}
