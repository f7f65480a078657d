//! The library's error type.

use std::path::PathBuf;

use crate::diagnostics::Diagnostics;

/// Everything that can stop a build.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The site has content errors; each one is a diagnostic with a position.
    #[error("{} error(s) found in the site", .0.error_count())]
    Invalid(Diagnostics),

    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },

    /// A text file is not valid UTF-8.
    #[error(
        "{path}: the file is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8"
    )]
    NotUtf8 {
        /// The file, relative to the site root.
        path: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },

    /// A text file is in a legacy Vietnamese encoding (TCVN3, VNI,
    /// Windows-1258) or in UTF-16, not in UTF-8.
    #[error(
        "{}",
        crate::encoding::legacy_encoding_message(.path, *.line, *.column, *.encoding)
    )]
    LegacyEncoding {
        /// The file, relative to the site root.
        path: String,
        /// 1-based line of the first character that is not plain ASCII.
        line: usize,
        /// 1-based character column of that character.
        column: usize,
        /// That line, decoded.
        line_text: String,
        /// What the file is in.
        encoding: crate::encoding::Detected,
    },

    /// A template could not be parsed or rendered.
    #[error("template {name}: {message}")]
    Template {
        /// The template's name (`entry.html`, …).
        name: String,
        /// Tera's explanation, including the position in the template.
        message: String,
    },

    /// Data could not be serialised to JSON.
    #[error("could not write {what}: {source}")]
    Json {
        /// What was being written.
        what: String,
        /// serde_json's explanation.
        #[source]
        source: serde_json::Error,
    },

    /// The site root has no `site.toml`.
    #[error("no site.toml in {}: this is not a pbgdpl site (create one with `pbgdpl init`)", .0.display())]
    NotASite(PathBuf),

    /// `init` refused to overwrite an existing site.
    #[error("{} already contains a site.toml or content/; choose an empty directory", .0.display())]
    AlreadyExists(PathBuf),

    /// The previous `sync.json` (given with `--previous`) could not be used.
    #[error("cannot use the previous snapshot {from}: {message}")]
    Previous {
        /// The path or URL it was read from.
        from: String,
        /// What went wrong.
        message: String,
    },

    /// Another `pbgdpl aggregate` holds the lock of the state directory.
    #[error(
        "another `pbgdpl aggregate` is running with the state directory {} (it holds {}); this run stopped without changing anything\n  help: let that run finish; runs started by cron can wait for each other with `flock` (see docs/aggregate.md)",
        .dir.display(),
        .lock.display()
    )]
    Busy {
        /// The state directory.
        dir: PathBuf,
        /// Its lock file.
        lock: PathBuf,
    },

    /// A command-line value was not acceptable.
    #[error("{0}")]
    Usage(String),

    /// The preview server (`pbgdpl serve`) could not listen or watch files.
    #[error("{0}")]
    Serve(String),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
