//! # pbgdpl
//!
//! A static-site generator for the PBGDPL sections (chuyên mục phổ biến,
//! giáo dục pháp luật) that Vietnamese agencies run under Decision
//! 471/QĐ-TTg. A section is Markdown + TOML in a git repository;
//! [`build`] turns it into static HTML in the standard layout shared by the
//! agencies of a province, with the uniform provincial banner.
//!
//! ## The pipeline
//!
//! Every command runs the same stages ([`pipeline`]); they differ only in
//! what they keep between builds and where they write:
//!
//! ```text
//! load        Site::load: site.toml + content/ (serve: Session reloads what changed)
//! validate    Site::validate: checks across entries, all errors at once
//! prepare     Prepared: every Markdown body to HTML, URLs, summaries
//! plan        each Renderer declares its jobs: the files, and the view they show
//! render      the build loop keeps files whose job did not change, renders the rest in parallel
//! check       links against what was written
//! commit      build: swap the staging directory in; serve: swap the store; check: nothing
//! ```
//!
//! | stage | module |
//! |---|---|
//! | ground: errors, diagnostics, sources, text, dates, categories, strings | [`error`], [`diagnostics`], [`source`], [`text`], [`date`], [`category`], [`i18n`], [`fields`], [`fingerprint`], [`nesting`] |
//! | the search index's format, terms and client | [`search`] |
//! | configuration and content: files into the model | [`config`], [`content`], [`site`] |
//! | every path and URL: pagination, reserved names | [`routes`] |
//! | Markdown and templates; the view of the site outputs start from | [`render`] |
//! | outputs: one [`Renderer`](output::Renderer) per kind of file | [`output`] |
//! | checks across the site | [`validate`] |
//! | the stages above, the build loop, `build` and `check` | [`pipeline`] |
//! | caches: output keys, pieces, rendered bodies | [`incremental`] |
//! | writing a directory atomically; the sync snapshot | [`write`](mod@write), [`sync`] |
//! | previewing with live reload (`serve`) | [`serve`] |
//! | the provincial hub (`pbgdpl aggregate`) | [`aggregate`] |
//! | scaffolding a new section | [`init`], reporting [`progress`] |
//!
//! **A new output** (a kind of file) is a [`Renderer`](output::Renderer) in
//! `src/output/<name>.rs`, added to [`output::renderers`]: it declares its
//! jobs (paths from [`routes`], and a view that derives `Hash`) and renders
//! one job. It writes no fingerprint, cache or file code: the build loop
//! hashes the view, keeps unchanged files (in `serve` and in `build`),
//! renders the rest in parallel and writes them. Stages import only the
//! stages below them (`tests/architecture.rs`).

#![deny(missing_docs)]

pub mod aggregate;
pub mod category;
pub mod config;
pub mod content;
pub mod date;
pub mod diagnostics;
pub mod encoding;
pub mod error;
pub mod fields;
pub mod fingerprint;
pub mod i18n;
pub mod import;
pub mod incremental;
pub mod init;
pub mod nesting;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod routes;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
pub mod sync;
pub mod text;
pub mod validate;
pub mod write;

pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use error::{Error, Result};
pub use pipeline::{BuildReport, RendererReport, build, build_with, check, check_with_schedule};
pub use site::{BuildOptions, Scheduled, Site};
