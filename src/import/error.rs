//! Why a file could not be imported, in words an officer can act on (from
//! the message catalogue, `src/i18n/*/import.ftl`).

use std::fmt;
use std::path::PathBuf;

use crate::i18n::Message;
use crate::msg;

/// What a file is when it is no Word document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherKind {
    /// An old binary Office file that is no Word document.
    OfficeBinary,
    /// A PDF.
    Pdf,
    /// An RTF file.
    Rtf,
    /// A web page saved with a Word name.
    Html,
    /// An OpenDocument text.
    Odt,
    /// An Excel workbook.
    Excel,
    /// A PowerPoint presentation.
    PowerPoint,
}

impl OtherKind {
    fn what(self) -> Message {
        match self {
            OtherKind::OfficeBinary => msg!("import-kind-office"),
            OtherKind::Pdf => msg!("import-kind-pdf"),
            OtherKind::Rtf => msg!("import-kind-rtf"),
            OtherKind::Html => msg!("import-kind-html"),
            OtherKind::Odt => msg!("import-kind-odt"),
            OtherKind::Excel => msg!("import-kind-excel"),
            OtherKind::PowerPoint => msg!("import-kind-powerpoint"),
        }
    }

    fn help(self) -> Message {
        match self {
            OtherKind::OfficeBinary => msg!("import-kind-office-help"),
            OtherKind::Pdf => msg!("import-kind-pdf-help"),
            OtherKind::Rtf | OtherKind::Html => msg!("import-kind-save-as-docx"),
            OtherKind::Odt => msg!("import-kind-odt-help"),
            OtherKind::Excel => msg!("import-kind-excel-help"),
            OtherKind::PowerPoint => msg!("import-kind-powerpoint-help"),
        }
    }
}

/// An import that could not be done. Nothing is written when one occurs.
#[derive(Debug)]
pub enum ImportError {
    /// The file could not be read, or the entry written.
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is empty.
    Empty,
    /// The file is larger than the importer reads.
    TooLarge {
        /// The file's size, for people.
        size: String,
        /// The limit, for people.
        limit: String,
    },
    /// An old binary Word document (Word 97–2003).
    OldDoc,
    /// A password-protected Word document.
    Encrypted,
    /// Another kind of file (PDF, RTF, a spreadsheet…).
    OtherKind(OtherKind),
    /// Not a Word document, nor anything recognised.
    NotADocument,
    /// A damaged `.docx`: what the zip or XML reader said.
    Corrupt {
        /// What was wrong.
        detail: String,
    },
    /// A `.docx` beyond the importer's bounds (a "zip bomb" or a freak).
    Bounds {
        /// Which bound was reached.
        detail: Message,
    },
    /// A text file whose encoding is not recognised.
    UnknownEncoding,
    /// Nothing readable in the document.
    NoText,
    /// The entry would overwrite an existing one.
    Exists(PathBuf),
    /// The site or the arguments are not right (unknown category…).
    Site(crate::error::Error),
}

impl ImportError {
    /// Wraps an I/O error with its path.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> ImportError {
        let path = path.into();
        move |source| ImportError::Io { path, source }
    }

    /// The message, and how to fix the problem when there is something to say.
    pub fn message(&self) -> (Message, Option<Message>) {
        match self {
            ImportError::Io { path, source } => (
                msg!("import-io", path = path, error = source.to_string()),
                None,
            ),
            ImportError::Empty => (msg!("import-empty"), None),
            ImportError::TooLarge { size, limit } => (
                msg!("import-too-large", size = size, limit = limit),
                Some(msg!("import-too-large-help")),
            ),
            ImportError::OldDoc => (msg!("import-old-doc"), Some(msg!("import-old-doc-help"))),
            ImportError::Encrypted => (
                msg!("import-encrypted"),
                Some(msg!("import-encrypted-help")),
            ),
            ImportError::OtherKind(k) => {
                (msg!("import-other-kind", what = k.what()), Some(k.help()))
            }
            ImportError::NotADocument => (
                msg!("import-not-document"),
                Some(msg!("import-not-document-help")),
            ),
            ImportError::Corrupt { detail } => (
                msg!("import-corrupt", detail = detail),
                Some(msg!("import-corrupt-help")),
            ),
            ImportError::Bounds { detail } => (msg!("import-bounds", detail = detail), None),
            ImportError::UnknownEncoding => (
                msg!("import-unknown-encoding"),
                Some(msg!("import-unknown-encoding-help")),
            ),
            ImportError::NoText => (msg!("import-no-text"), None),
            ImportError::Exists(path) => (
                msg!("import-exists", path = path),
                Some(msg!("import-exists-help")),
            ),
            ImportError::Site(e) => (e.message(), None),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.message() {
            (message, Some(help)) => {
                write!(
                    f,
                    "{}",
                    msg!("import-with-help", message = message, help = help)
                )
            }
            (message, None) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Io { source, .. } => Some(source),
            ImportError::Site(e) => Some(e),
            _ => None,
        }
    }
}

impl From<crate::error::Error> for ImportError {
    fn from(e: crate::error::Error) -> Self {
        ImportError::Site(e)
    }
}
