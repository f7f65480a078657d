//! The library's error type.

use std::path::PathBuf;

use crate::diagnostics::Diagnostics;
use crate::i18n::Message;
use crate::msg;

/// Everything that can stop a build.
#[derive(Debug)]
pub enum Error {
    /// The site has content errors; each one is a diagnostic with a position.
    Invalid(Diagnostics),

    /// A file or directory could not be read or written.
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },

    /// The output could not be written (no permission, a full disk…); the
    /// previous output is kept.
    Output {
        /// The output directory.
        target: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },

    /// A text file is not valid UTF-8.
    NotUtf8 {
        /// The file, relative to the site root.
        path: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },

    /// A text file is in a legacy Vietnamese encoding (TCVN3, VNI,
    /// Windows-1258) or in UTF-16, not in UTF-8.
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
    Template {
        /// The template's name (`entry.html`, …).
        name: String,
        /// Tera's explanation, including the position in the template.
        message: String,
    },

    /// Data could not be serialised to JSON.
    Json {
        /// What was being written.
        what: String,
        /// serde_json's explanation.
        source: serde_json::Error,
    },

    /// The site root has no `site.toml`.
    NotASite(PathBuf),

    /// `init` refused to overwrite an existing site.
    AlreadyExists(PathBuf),

    /// The previous `sync.json` (given with `--previous`) could not be used.
    Previous {
        /// The path or URL it was read from.
        from: String,
        /// What went wrong.
        message: Message,
    },

    /// Another `pbgdpl aggregate` holds the lock of the state directory.
    Busy {
        /// The state directory.
        dir: PathBuf,
        /// Its lock file.
        lock: PathBuf,
    },

    /// A command-line value was not acceptable.
    Usage(Message),

    /// The preview server (`pbgdpl serve`) could not listen or watch files.
    Serve(Message),
}

impl Error {
    /// What went wrong, in the language of the run.
    pub fn message(&self) -> Message {
        match self {
            Error::Invalid(d) => msg!("error-invalid", errors = d.error_count()),
            Error::Io { path, source } => msg!("error-io", path = path, why = io_reason(source)),
            Error::LegacyEncoding {
                path,
                line,
                column,
                encoding,
                ..
            } => crate::encoding::legacy_encoding_message(path, *line, *column, *encoding),
            Error::NotUtf8 { path, offset } => {
                msg!("error-not-utf8", path = path, offset = *offset)
            }
            Error::Template { name, message } => {
                msg!("error-template", name = name, detail = message)
            }
            Error::Json { what, source } => {
                msg!("error-json", what = what, detail = source.to_string())
            }
            Error::NotASite(dir) => msg!("error-not-a-site", dir = dir),
            Error::AlreadyExists(dir) => msg!("error-already-exists", dir = dir),
            Error::Previous { from, message } => {
                msg!("error-previous", from = from, why = message)
            }
            Error::Busy { dir, lock } => msg!("error-busy", dir = dir, lock = lock),
            Error::Output { target, cause } => crate::write::failure_message(target, cause),
            Error::Usage(m) | Error::Serve(m) => m.clone(),
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message().as_str())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Json { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Why a file operation failed, in the language of the run: the usual
/// reasons in words, others as the system says them.
pub fn io_reason(e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => msg!("io-not-found"),
        ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        ErrorKind::AlreadyExists => msg!("io-already-exists"),
        ErrorKind::StorageFull => msg!("io-storage-full"),
        ErrorKind::ReadOnlyFilesystem => msg!("io-read-only"),
        ErrorKind::IsADirectory => msg!("io-is-a-directory"),
        ErrorKind::NotADirectory => msg!("io-not-a-directory"),
        ErrorKind::AddrInUse => msg!("io-address-in-use"),
        _ => msg!("io-other", detail = e.to_string()),
    }
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
