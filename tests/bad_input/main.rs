//! The bad-input corpus: files a careless user or an attacker could put in
//! a section, each a small broken site built with the real binary. For each
//! case the expected diagnostics are golden files in both languages
//! (tests/golden/bad-input/<case>.{vi,en}.stderr; `PBGDPL_BLESS=1`
//! rewrites them), and a failed build leaves the previous output exactly as
//! it was, with nothing left beside it. Inputs that are not plain files
//! (NUL bytes, 20 MB, symbolic links, pipes, an unreadable file, a full
//! disk) are made by the cases themselves. docs/testing.md lists them.

#[path = "../support/mod.rs"]
mod support;

mod harness;

mod dates;
mod front_matter;
mod names;
mod nesting;
mod output;
mod paths;
mod text;
mod toml;
