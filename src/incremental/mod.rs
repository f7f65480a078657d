//! Incremental rebuilds: every cache of the build, in one place. Each is
//! a plain data structure that knows nothing of the stages above it; the
//! build loop ([`crate::pipeline`]) decides what to keep and what to make
//! again, and the renderers never see a key.
//!
//! - [`OutputKeys`]: what each output file of the previous build was made
//!   from (the key of its job), so unchanged files are kept; `pbgdpl build`
//!   keeps them beside its output directory, `serve` in memory;
//! - [`Memo`]: values kept by key between builds: pieces of outputs
//!   (records of `sync.json`, entries of the search index, attachment
//!   hashes) and the rendered Markdown of every body;
//! - [`StoredMemo`]: records kept on disk between runs of `pbgdpl build`
//!   (the rendered Markdown of every body, beside the output);
//! - [`LoadCache`](crate::content::load::LoadCache): the parsed content by
//!   source file (it lives with the loader, which alone knows files).
//!
//! `serve` keeps them in a [`Session`](crate::serve::session::Session).

mod memo;
mod outputs;
pub mod stored;

pub use memo::Memo;
pub use outputs::{KeyRecorder, Made, OutputKeys, changed_at};
pub use stored::StoredMemo;
