//! Why a file could not be imported, in words an officer can act on.

use std::path::PathBuf;

/// An import that could not be done. Nothing is written when one occurs.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read, or the entry written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The file is empty.
    #[error("tệp rỗng (0 byte): không có gì để nhập")]
    Empty,
    /// The file is larger than the importer reads.
    #[error(
        "tệp quá lớn ({size}); lệnh chỉ nhập tệp đến {limit}. Nếu tệp có nhiều ảnh, hãy lưu một bản không có ảnh rồi nhập bản đó"
    )]
    TooLarge {
        /// The file's size, for people.
        size: String,
        /// The limit, for people.
        limit: String,
    },
    /// An old binary Word document (Word 97–2003).
    #[error(
        "đây là tệp Word cũ (.doc, Word 97–2003), lệnh chưa đọc được dạng này.\n  help: mở tệp bằng Word, chọn Tệp → Lưu thành (File → Save As), chọn kiểu \"Tài liệu Word (*.docx)\", rồi nhập tệp .docx vừa lưu"
    )]
    OldDoc,
    /// A password-protected Word document.
    #[error(
        "tệp Word có đặt mật khẩu nên không đọc được nội dung.\n  help: mở tệp bằng Word, vào Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu (File → Info → Protect Document → Encrypt with Password), xóa mật khẩu, lưu lại rồi nhập lại"
    )]
    Encrypted,
    /// Another kind of file (PDF, RTF, a spreadsheet…).
    #[error("đây không phải tệp Word (.docx) mà là {what}.\n  help: {help}")]
    OtherKind {
        /// What the file is.
        what: &'static str,
        /// What to do instead.
        help: &'static str,
    },
    /// Not a Word document, nor anything recognised.
    #[error(
        "không phải tệp Word (.docx) hay tệp văn bản (.txt, .md).\n  help: mở văn bản bằng Word và lưu thành \"Tài liệu Word (*.docx)\""
    )]
    NotADocument,
    /// A damaged `.docx`.
    #[error(
        "tệp .docx bị hỏng, không đọc được ({detail}).\n  help: mở tệp bằng Word; nếu Word sửa được tệp, lưu lại thành .docx rồi nhập lại"
    )]
    Corrupt {
        /// What was wrong, from the zip or XML reader.
        detail: String,
    },
    /// A `.docx` beyond the importer's bounds (a "zip bomb" or a freak).
    #[error("tệp .docx bất thường: {detail}; lệnh dừng để tránh treo máy")]
    Bounds {
        /// Which bound was reached.
        detail: String,
    },
    /// A text file whose encoding is not recognised.
    #[error(
        "tệp văn bản không ở bảng mã UTF-8 và cũng không nhận ra là TCVN3, VNI hay Windows-1258.\n  help: mở tệp bằng Notepad, chọn Lưu thành (Save As) với bảng mã UTF-8, rồi nhập lại"
    )]
    UnknownEncoding,
    /// Nothing readable in the document.
    #[error("văn bản không có chữ nào để nhập")]
    NoText,
    /// The entry would overwrite an existing one.
    #[error("đã có {}; lệnh không ghi đè bài đã có.\n  help: đặt tên khác cho bài bằng --name <tên>, hoặc xóa/chuyển bài cũ đi", .0.display())]
    Exists(PathBuf),
    /// The site or the arguments are not right (unknown category…).
    #[error(transparent)]
    Site(#[from] crate::error::Error),
}

impl ImportError {
    /// Wraps an I/O error with its path.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> ImportError {
        let path = path.into();
        move |source| ImportError::Io { path, source }
    }
}
