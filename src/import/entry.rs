//! Writing the imported document as a draft bundle entry:
//! `content/<category>/<name>/index.md` with the original beside it.
//! Nothing is ever overwritten, and a failed write leaves nothing behind.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::error::ImportError;
use super::layout::Header;
use crate::category::Category;
use crate::content::kinds;
use crate::init::toml_str;

/// What goes into the entry.
pub struct EntryPlan<'a> {
    /// The category.
    pub category: &'static Category,
    /// The bundle's directory name.
    pub name: String,
    /// The title.
    pub title: String,
    /// Whether the title was read from the document (rather than guessed).
    pub title_found: bool,
    /// The recognised header.
    pub header: &'a Header,
    /// The Markdown body.
    pub body: String,
    /// The original file's name as given, and the name it is attached as.
    pub original: (String, String),
    /// Today, the entry's date.
    pub today: NaiveDate,
}

/// The text of `index.md`.
pub fn index_md(plan: &EntryPlan<'_>) -> String {
    let h = plan.header;
    let id = format!(
        "{}-{}-{}",
        plan.category.key,
        plan.today.format("%Y%m%d"),
        plan.name
            .chars()
            .take(40)
            .collect::<String>()
            .trim_end_matches('-')
    );
    let mut fm = String::from("+++\n");
    let _ = writeln!(
        fm,
        "# Nhập từ tệp {} bằng lệnh pbgdpl import ngày {}.\n\
         # Đối chiếu từng mục với văn bản gốc (tệp đính kèm) trước khi trình duyệt;\n\
         # mục nào lệnh chưa tìm thấy được để dạng ghi chú (#): điền giá trị rồi xóa dấu #.",
        toml_str(&plan.original.0),
        plan.today.format("%d/%m/%Y")
    );
    let _ = writeln!(fm, "id = {}", toml_str(&id));
    if plan.title_found {
        let _ = writeln!(fm, "title = {}", toml_str(&plan.title));
    } else {
        let _ = writeln!(
            fm,
            "# Chưa nhận ra tên loại và trích yếu của văn bản: sửa lại tiêu đề.\ntitle = {}",
            toml_str(&plan.title)
        );
    }
    let _ = writeln!(fm, "date = {}", plan.today.format("%Y-%m-%d"));
    fm.push_str(
        "# Quy trình: draft (bản nháp) → review (chờ duyệt) → approved (đã duyệt, được công bố).\n\
         status = \"draft\"\n",
    );
    fm.push_str("# Thông tin văn bản:\n");
    let missing = |fm: &mut String, line: &str, note: &str| {
        let _ = writeln!(fm, "# {line}   # {note}");
    };
    match &h.number {
        Some(n) => {
            let _ = writeln!(fm, "number = {}", toml_str(n));
        }
        None => missing(
            &mut fm,
            "number = \"\"",
            &match &h.number_as_written {
                Some(w) => format!(
                    "chưa điền: văn bản ghi \"Số: {w}\", chưa phải số ký hiệu đầy đủ (ví dụ \"210/KH-UBND\")"
                ),
                None => "chưa tìm thấy dòng \"Số: …\" trong văn bản; ví dụ \"210/KH-UBND\"".into(),
            },
        ),
    }
    match h.document_type {
        Some(t) => {
            let _ = writeln!(fm, "document_type = {}", toml_str(t));
        }
        None => missing(
            &mut fm,
            "document_type = \"\"",
            &format!(
                "chưa nhận ra loại văn bản; chọn một trong: {}",
                kinds::DOCUMENT_TYPES.join(", ")
            ),
        ),
    }
    match &h.issuer {
        Some(i) => {
            let _ = writeln!(fm, "issuer = {}", toml_str(i));
        }
        None => missing(
            &mut fm,
            "issuer = \"\"",
            "chưa tìm thấy tên cơ quan ban hành (góc trên bên trái văn bản)",
        ),
    }
    match h.issue_date {
        Some(d) => {
            let _ = writeln!(fm, "issue_date = {}", d.format("%Y-%m-%d"));
        }
        None => missing(
            &mut fm,
            "issue_date = 2026-01-31",
            &match &h.date_as_written {
                Some(w) => format!("văn bản ghi \"{w}\", chưa đủ ngày tháng năm"),
                None => "chưa tìm thấy dòng \"…, ngày … tháng … năm …\" trong văn bản".into(),
            },
        ),
    }
    match &h.signer {
        Some(s) => {
            let _ = writeln!(fm, "signer = {}", toml_str(s));
        }
        None => missing(
            &mut fm,
            "signer = \"\"",
            "chưa tìm thấy người ký (cuối văn bản)",
        ),
    }
    match h.effective_date {
        Some(d) => {
            let _ = writeln!(fm, "effective_date = {}", d.format("%Y-%m-%d"));
        }
        None => missing(
            &mut fm,
            "effective_date = 2026-01-31",
            "văn bản không ghi ngày có hiệu lực theo cách lệnh đọc được",
        ),
    }
    let _ = writeln!(
        fm,
        "# validity = \"còn hiệu lực\"   # {}",
        kinds::VALIDITIES.join(", ")
    );
    fm.push_str("# field = \"Lĩnh vực của văn bản\"\n");
    fm.push_str(
        "# source_url = \"https://vbpl.vn/…\"   # địa chỉ văn bản trên Cơ sở dữ liệu quốc gia\n",
    );
    fm.push_str("# summary = \"Một hoặc hai câu tóm tắt nội dung.\"\n");
    fm.push_str("# Tệp văn bản gốc, nằm cạnh index.md:\n[[attachments]]\n");
    let _ = writeln!(fm, "file = {}", toml_str(&plan.original.1));
    let _ = writeln!(
        fm,
        "title = {}",
        toml_str(&attachment_title(&plan.original.1))
    );
    fm.push_str("+++\n\n");
    fm.push_str(&plan.body);
    fm
}

fn attachment_title(file: &str) -> String {
    let ext = file.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "docx" => "Toàn văn (tệp Word)".into(),
        _ => "Toàn văn".into(),
    }
}

/// The bundle directory of an entry named `name` in `category`, refusing
/// an existing entry of that name (as a bundle or a single file).
pub fn bundle_dir(root: &Path, category: &Category, name: &str) -> Result<PathBuf, ImportError> {
    let dir = root
        .join(crate::content::load::CONTENT_DIR)
        .join(category.key)
        .join(name);
    for existing in [dir.clone(), dir.with_extension("md")] {
        if existing.exists() {
            return Err(ImportError::Exists(existing));
        }
    }
    Ok(dir)
}

/// Writes the bundle: the directory (which must not exist), the original
/// and `index.md`. On failure, removes what it created.
pub fn write_bundle(
    dir: &Path,
    index: &str,
    original_name: &str,
    original: &[u8],
) -> Result<PathBuf, ImportError> {
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent).map_err(ImportError::io(parent))?;
    }
    std::fs::create_dir(dir).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            ImportError::Exists(dir.to_path_buf())
        } else {
            ImportError::io(dir)(e)
        }
    })?;
    let result = (|| {
        let write_new = |path: &Path, bytes: &[u8]| -> Result<(), ImportError> {
            use std::io::Write as _;
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(ImportError::io(path))?;
            f.write_all(bytes).map_err(ImportError::io(path))
        };
        write_new(&dir.join(original_name), original)?;
        let index_path = dir.join("index.md");
        write_new(&index_path, index.as_bytes())?;
        Ok(index_path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(dir);
    }
    result
}
