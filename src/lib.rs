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
//! The modules, by layer, lowest first (each imports only its own layer
//! and those below: `tests/architecture.rs`):
//!
//! | layer | modules |
//! |---|---|
//! | ground: errors, diagnostics, sources, text, dates, categories, strings, writing a directory atomically, the sync snapshot's types, plain caches, the search index's format | [`error`], [`diagnostics`], [`source`], [`text`], [`date`], [`category`], [`i18n`], [`fields`], [`fingerprint`], [`nesting`], [`encoding`], [`write`](mod@write), [`progress`], [`sync`], [`incremental`], [`search`] |
//! | configuration and content: files into the model | [`config`], [`content`], [`site`] |
//! | routes: every path and URL, pagination, reserved names (the section's and the hub's) | [`routes`] |
//! | render: Markdown and templates; the view of the site outputs start from | [`render`] |
//! | outputs: one [`Renderer`](output::Renderer) per kind of file; each feed format written once ([`output::feeds::FeedDoc`]) | [`output`] |
//! | validate: checks across the site | [`validate`] |
//! | pipeline: the stages above, the build loop, `build` and `check` | [`pipeline`] |
//! | serve and hub: previewing with live reload; the provincial hub (`pbgdpl aggregate`: poll → resolve → persist → build; its pages, feeds and snapshot are renderers of another [`Kind`](output::Kind) of site, run by the same build loop) | [`serve`], [`aggregate`] |
//! | face: scaffolding a section, importing documents | [`init`], [`import`] |
//!
//! **A new output** (a kind of file) is a [`Renderer`](output::Renderer) in
//! `src/output/<name>.rs`, added to [`output::renderers`]: it declares its
//! jobs (paths from [`routes`], and a view that derives `Hash`) and renders
//! one job. It writes no fingerprint, cache or file code: the build loop
//! hashes the view, keeps unchanged files (in `serve` and in `build`),
//! renders the rest in parallel and writes them. Stages import only the
//! stages below them (`tests/architecture.rs`).
//!
//! **The hub** (`pbgdpl aggregate`) runs the same loop
//! ([`pipeline::run`]) over its own renderers
//! ([`aggregate::hub::renderers`]): they plan from the agencies' copies
//! ([`aggregate::hub::Hub`]) instead of a section's
//! [`Prepared`](render::Prepared), and a new hub page is one more
//! [`aggregate::hub::HubPage`] job.

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
pub mod images;
pub mod import;
pub mod incremental;
pub mod init;
pub mod nesting;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod remote;
pub mod render;
pub mod routes;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
pub mod sync;
pub mod text;
pub mod upstream;
pub mod validate;
pub mod write;

pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use error::{Error, Result};
pub use pipeline::{BuildReport, RendererReport, build, build_with, check, check_with_schedule};
pub use site::{BuildOptions, Scheduled, Site};
