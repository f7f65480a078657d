//! `pbgdpl import`: a Word file (or a text file) of an administrative
//! document becomes a draft bundle entry. One file per job:
//!
//! | job | module |
//! |---|---|
//! | telling what the file is (docx, old doc, encrypted, PDF…) | [`sniff`] |
//! | reading a `.docx` | [`docx`] |
//! | reading a `.txt` / `.md` | [`text`] |
//! | the document model both produce | [`model`] |
//! | recognising the NĐ 30/2020 layout | [`layout`] |
//! | writing the body as Markdown | [`markdown`] |
//! | writing the entry | [`entry`] |
//! | what went wrong | [`error`] |
//!
//! [`read_docx`] and [`read_document`] take bytes, so they can be fuzzed.

pub mod docx;
pub mod entry;
pub mod error;
pub mod layout;
pub mod markdown;
pub mod model;
pub mod sniff;
pub mod text;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use docx::read_docx;
pub use error::ImportError;
pub use layout::{Header, recognise};
pub use model::Document;

use crate::category::{self, CATEGORIES, Category, Kind};
use crate::encoding::{self, Legacy};
use crate::i18n::Message;
use crate::msg;
use crate::text::slugify;

/// The largest file `import` reads.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a document from the bytes of a `.docx`, `.txt` or `.md` file;
/// `extension` (lower case, no dot) tells text from Markdown and names the
/// kind in errors. Garbled legacy text found in it is repaired.
pub fn read_document(bytes: &[u8], extension: &str) -> Result<Document, ImportError> {
    let mut doc = match sniff::sniff(bytes, extension)? {
        sniff::Kind::Zip => read_docx(bytes)?,
        sniff::Kind::Text => text::read_text(bytes, extension == "md")?,
    };
    let all = doc.all_text();
    if all.trim().is_empty() {
        return Err(ImportError::NoText);
    }
    if let Some(g) = encoding::garbled(&all) {
        doc.map_runs(|t| encoding::repair(t, g.encoding));
        doc.repaired = Some(g.encoding);
    }
    Ok(doc)
}

/// What `import` is asked to do.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The category key; `None` chooses by the document type.
    pub category: Option<String>,
    /// The entry's directory name; `None` makes it from the title.
    pub name: Option<String>,
    /// Today (the entry's date).
    pub today: NaiveDate,
}

/// What `import` did and found.
#[derive(Debug, Clone)]
pub struct ImportReport {
    /// The new entry's `index.md`.
    pub index: PathBuf,
    /// The category it was put in.
    pub category: &'static Category,
    /// Whether the category was chosen from the document type.
    pub category_chosen: bool,
    /// The title written.
    pub title: String,
    /// Whether the title came from the document's type line and abstract.
    pub title_found: bool,
    /// What the layout gave.
    pub header: Header,
    /// The original, as attached.
    pub attachment: String,
    /// Paragraphs, tables and footnotes in the body.
    pub counts: (usize, usize, usize),
    /// Legacy fonts converted (encoding, runs).
    pub converted: Vec<(Legacy, usize)>,
    /// Garbled legacy text repaired.
    pub repaired: Option<Legacy>,
}

/// The categories a document can be imported into (those with document
/// keys), and the one a document type belongs in.
fn category_for(document_type: Option<&str>) -> &'static str {
    match document_type {
        Some("Kế hoạch" | "Chương trình" | "Đề án") => "ke-hoach",
        Some("Thông báo" | "Giấy mời") => "thong-bao",
        Some("Hướng dẫn" | "Công văn" | "Chỉ thị" | "Công điện") => {
            "huong-dan-chi-dao"
        }
        Some("Báo cáo") => "thong-ke",
        _ => "van-ban-moi",
    }
}

fn accepts_documents(c: &Category) -> bool {
    matches!(
        c.kind,
        Kind::Document | Kind::DocumentOptional | Kind::Statistics
    )
}

/// A directory name from a title: its slug, cut at a word under 60 bytes.
fn entry_name(title: &str) -> String {
    let slug = slugify(title);
    let mut name = String::new();
    for part in slug.split('-') {
        if !name.is_empty() && name.len() + 1 + part.len() > 60 {
            break;
        }
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(part);
    }
    if name.is_empty() {
        "van-ban".into()
    } else {
        name
    }
}

/// Imports `file` into the site at `root` as a draft bundle entry.
pub fn import_file(
    root: &Path,
    file: &Path,
    options: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    if !root.join(crate::config::FILE_NAME).is_file() {
        return Err(crate::error::Error::NotASite(root.to_path_buf()).into());
    }
    let chosen = match &options.category {
        Some(key) => match category::by_key(key).filter(|c| accepts_documents(c)) {
            Some(c) => Some(c),
            None => {
                let valid: Vec<&str> = CATEGORIES
                    .iter()
                    .filter(|c| accepts_documents(c))
                    .map(|c| c.key)
                    .collect();
                return Err(crate::error::Error::Usage(msg!(
                    "import-category",
                    key = key,
                    valid = valid.join(", ")
                ))
                .into());
            }
        },
        None => None,
    };
    let meta = std::fs::metadata(file).map_err(ImportError::io(file))?;
    if meta.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            size: crate::text::human_size(meta.len()),
            limit: crate::text::human_size(MAX_INPUT_BYTES),
        });
    }
    let bytes = std::fs::read(file).map_err(ImportError::io(file))?;
    let extension = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let doc = read_document(&bytes, &extension)?;
    let header = recognise(&doc);
    let category = chosen.unwrap_or_else(|| {
        category::by_key(category_for(header.document_type)).unwrap_or(&CATEGORIES[4])
    });
    let (title, title_found) = match &header.title {
        Some(t) => (t.clone(), true),
        None => {
            let first = doc.blocks[header.body.clone()]
                .iter()
                .find_map(|b| match b {
                    model::Block::Paragraph(p) if !p.text().trim().is_empty() => {
                        Some(p.text().trim().replace(['\n', '\t'], " "))
                    }
                    _ => None,
                });
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let t = first.unwrap_or(stem);
            (t.chars().take(150).collect(), false)
        }
    };
    let name = match &options.name {
        Some(n) => slugify(n),
        None => entry_name(&title),
    };
    let dir = entry::bundle_dir(root, category, &name)?;
    let body_blocks = &doc.blocks[header.body.clone()];
    let mut body = markdown::write(&doc, body_blocks);
    if !header.leftover.is_empty() {
        let lines: Vec<model::Block> = header
            .leftover
            .iter()
            .map(|l| model::Block::Paragraph(model::Paragraph::plain(l.clone())))
            .collect();
        body = markdown::write(&doc, &lines) + "\n" + &body;
    }
    let original_name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let attachment = {
        let stem = slugify(
            file.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
                .as_str(),
        );
        let stem = if stem.is_empty() {
            "van-ban".into()
        } else {
            stem
        };
        if extension.is_empty() {
            stem
        } else {
            format!("{stem}.{extension}")
        }
    };
    let plan = entry::EntryPlan {
        category,
        name,
        title: title.clone(),
        title_found,
        header: &header,
        body,
        original: (original_name, attachment.clone()),
        today: options.today,
    };
    let index = entry::write_bundle(&dir, &entry::index_md(&plan), &attachment, &bytes)?;
    let paragraphs = body_blocks
        .iter()
        .filter(|b| matches!(b, model::Block::Paragraph(p) if !p.text().trim().is_empty()))
        .count();
    let tables = body_blocks
        .iter()
        .filter(|b| matches!(b, model::Block::Table(_)))
        .count();
    Ok(ImportReport {
        index,
        category,
        category_chosen: chosen.is_none(),
        title,
        title_found,
        header,
        attachment,
        counts: (paragraphs, tables, doc.footnotes.len()),
        converted: doc.converted.clone(),
        repaired: doc.repaired,
    })
}

impl ImportReport {
    /// What was found and what was not, for the officer (in the language
    /// of the run). `shown` is the entry's path as the officer should see it.
    pub fn summary(&self, shown: &Path) -> String {
        let h = &self.header;
        let mut out = String::new();
        let _ = writeln!(out, "{}", msg!("import-created", path = shown));
        let label = match crate::i18n::language() {
            crate::i18n::Lang::Vi => self.category.label_vi,
            crate::i18n::Lang::En => self.category.label_en,
        };
        let category = if self.category_chosen {
            msg!(
                "import-category-chosen",
                key = self.category.key,
                label = label
            )
        } else {
            msg!(
                "import-category-given",
                key = self.category.key,
                label = label
            )
        };
        let _ = writeln!(out, "{category}");
        for (l, _) in &self.converted {
            let _ = writeln!(out, "{}", msg!("import-converted", encoding = l.name()));
        }
        if let Some(l) = self.repaired {
            let _ = writeln!(out, "{}", msg!("import-repaired", encoding = l.name()));
        }
        let date = |d: Option<NaiveDate>| d.map(|d| d.format("%d/%m/%Y").to_string());
        let items = [
            (
                msg!("import-field-title"),
                "title",
                self.title_found.then(|| self.title.clone()),
            ),
            (
                msg!("import-field-type"),
                "document_type",
                h.document_type.map(str::to_string),
            ),
            (msg!("import-field-number"), "number", h.number.clone()),
            (msg!("import-field-issuer"), "issuer", h.issuer.clone()),
            (
                msg!("import-field-issue-date"),
                "issue_date",
                date(h.issue_date),
            ),
            (
                msg!("import-field-signer"),
                "signer",
                h.signer.as_ref().map(|s| match &h.signer_position {
                    Some(p) => format!("{s} ({p})"),
                    None => s.clone(),
                }),
            ),
            (
                msg!("import-field-effective-date"),
                "effective_date",
                date(h.effective_date),
            ),
        ];
        let _ = writeln!(out, "{}", msg!("import-found"));
        let named = |label: &Message, key: &str| {
            if label.as_str() == key {
                key.to_string()
            } else {
                format!("{label} ({key})")
            }
        };
        for (label, key, value) in &items {
            if let Some(v) = value {
                let _ = writeln!(out, "  {}: {v}", named(label, key));
            }
        }
        if let Some(p) = &h.place {
            let _ = writeln!(out, "  {}", msg!("import-place", place = p));
        }
        let missing: Vec<_> = items.iter().filter(|(_, _, v)| v.is_none()).collect();
        if missing.is_empty() {
            let _ = writeln!(out, "{}", msg!("import-nothing-missing"));
        } else {
            let _ = writeln!(out, "{}", msg!("import-missing"));
            for (label, key, _) in missing {
                let _ = writeln!(out, "  {}", named(label, key));
            }
        }
        let (p, t, f) = self.counts;
        let _ = writeln!(
            out,
            "{}",
            msg!(
                "import-counts",
                paragraphs = p,
                tables = t,
                footnotes = f,
                attachment = &self.attachment
            )
        );
        let _ = writeln!(out, "{}", msg!("import-next"));
        out
    }
}
