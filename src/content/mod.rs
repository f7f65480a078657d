//! Content: finding the files of `content/`, splitting front matter from
//! Markdown, reading the common and typed keys into the [`model`].

pub mod entry;
pub mod front_matter;
pub mod kinds;
pub mod line_breaks;
pub mod load;
pub mod model;
pub mod photos;
pub mod placeholders;
pub mod safe;

pub use load::{Content, load};
