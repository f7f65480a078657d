//! # pbgdpl
//!
//! A static-site generator for the PBGDPL sections (chuyên mục phổ biến,
//! giáo dục pháp luật) that Vietnamese agencies run under Decision
//! 471/QĐ-TTg. A section is Markdown + TOML in a git repository;
//! [`build`] turns it into static HTML in the standard layout shared by the
//! agencies of a province, with the uniform provincial banner.
//!
//! The modules follow the path a page travels:
//!
//! | stage | module |
//! |---|---|
//! | configuration (`site.toml`) | [`config`] |
//! | content: files, front matter, model | [`content`] (with [`fields`], [`source`], [`date`], [`text`]) |
//! | the standard categories | [`category`] |
//! | checks across the site | [`validate`], reported as [`diagnostics`] |
//! | rendering: Markdown, templates | [`render`] (with [`i18n`], bounded by [`nesting`]) |
//! | outputs: HTML, assets, sitemap, feeds, embeds | [`output`] |
//! | the sync snapshot (`sync.json`), previous snapshots | [`sync`] |
//! | writing the output atomically | [`write`](mod@write) |
//! | the whole build | [`site`], reporting [`progress`] |
//! | rebuilding after edits | [`incremental`], [`fingerprint`] |
//! | previewing with live reload | [`serve`] |
//! | scaffolding a new section | [`init`] |
//! | the provincial hub (`pbgdpl aggregate`) | [`aggregate`] |

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
pub mod progress;
pub mod render;
pub mod serve;
pub mod site;
pub mod source;
pub mod sync;
pub mod text;
pub mod validate;
pub mod write;

pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use error::{Error, Result};
pub use site::{
    BuildCache, BuildOptions, BuildReport, RendererReport, Site, build, build_with, check,
};
