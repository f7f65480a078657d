//! Reading one entry: front matter keys common to every category, then the
//! typed keys of its category (see [`super::kinds`]).

use crate::category::Category;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fields::{self, Field, Fields, Key, Parsed};
use crate::msg;
use crate::source::SourceFile;
use crate::text::human_size;

use super::front_matter::{self, Split};
use super::kinds;
use super::model::{Attachment, Editorial, Entry, FileRole, Intro, Meta, Status};

/// A file found beside a bundle's `index.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    /// Path relative to the bundle directory, `/`-separated.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time (nanoseconds since 1970, 0 when unknown): with
    /// the size, tells `serve` an attachment changed without reading it.
    pub modified: u64,
}

pub(crate) const ID: Key = Key::new("id", "ma");
pub(crate) const TITLE: Key = Key::new("title", "tieu_de");
pub(crate) const DATE: Key = Key::new("date", "ngay");
pub(crate) const UPDATED: Key = Key::new("updated", "cap_nhat");
pub(crate) const SUMMARY: Key = Key::new("summary", "tom_tat");
pub(crate) const TAGS: Key = Key::new("tags", "the");
pub(crate) const WEIGHT: Key = Key::new("weight", "thu_tu");
pub(crate) const STATUS: Key = Key::new("status", "trang_thai");
pub(crate) const AUTHOR: Key = Key::new("author", "tac_gia");
pub(crate) const EDITOR: Key = Key::new("editor", "bien_tap");
pub(crate) const APPROVER: Key = Key::new("approver", "nguoi_duyet");
pub(crate) const PUBLISH_DATE: Key = Key::new("publish_date", "ngay_dang");
pub(crate) const EXPIRY_DATE: Key = Key::new("expiry_date", "ngay_het_han");
pub(crate) const ATTACHMENTS: Key = Key::new("attachments", "tep_dinh_kem");
const FILE: Key = Key::new("file", "tep");
const DESCRIPTION: Key = Key::new("description", "mo_ta");

/// File extensions listed automatically as downloadable attachments of a
/// bundle (images, audio, video and captions are page assets instead).
const DOCUMENT_EXTENSIONS: [&str; 14] = [
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "csv", "zip",
    "txt",
];

/// Splits off and parses the front matter of a Markdown file.
fn read_front_matter<'s>(
    source: &'s SourceFile,
    diags: &mut Diagnostics,
) -> Option<(Split, Parsed<'s>)> {
    let split = match front_matter::split(source) {
        Ok(s) => s,
        Err(d) => {
            diags.push(*d);
            return None;
        }
    };
    let toml_text = source.text.get(split.toml.clone()).unwrap_or("");
    let parsed = fields::parse(source, toml_text, split.toml.start, diags);
    Some((split, parsed))
}

/// Reads an entry. Problems go to `diags`; `None` when the entry cannot be
/// used at all (no front matter, no title).
pub fn parse_entry(
    source: SourceFile,
    category: &'static Category,
    slug: String,
    bundle: Option<(String, Vec<BundleFile>)>,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    let (split, table) = read_front_matter(&source, diags)?;
    let mut f = Fields::new(&source, &table, split.toml.start, "");

    let id = f.text(ID);
    let title = f.required_text(TITLE, msg!("what-title"));
    let date = if category.dated {
        let d = f.date(DATE);
        if d.is_none() {
            f.missing(
                DATE,
                "missing-key",
                msg!("date-missing", category = category.key),
                msg!("date-missing-help"),
            );
        }
        d
    } else {
        f.date(DATE)
    };
    let updated = f.date(UPDATED);
    if let (Some(d), Some(u)) = (&date, &updated)
        && u.value.date() < d.value.date()
    {
        f.error_at(
            "date-order",
            u.span.clone(),
            msg!(
                "updated-before-date",
                updated = u.value.dmy(),
                date = d.value.dmy()
            ),
            msg!("updated-before-date-help"),
        );
    }
    let summary = f.text(SUMMARY).map(|s| s.value);
    let tags = f.text_list(TAGS).map(|t| t.value).unwrap_or_default();
    let weight = f.integer(WEIGHT).map(|w| w.value);
    let editorial = read_editorial(&mut f);
    let attachments = read_attachments(&mut f, bundle.as_ref());
    let bundle_files = bundle.as_ref().map(|(_, files)| files.as_slice());
    let image = super::photos::read_photo(&mut f, bundle_files).map(Box::new);
    let body = source.text.get(split.body..).unwrap_or("");
    let body_images = super::photos::scan_body(&source, body, split.body, bundle_files, diags);
    let title_text = title.as_ref().map(|t| t.value.clone()).unwrap_or_default();
    let mut meta = kinds::read(
        category,
        &mut f,
        &kinds::EntryFacts {
            title: &title_text,
            title_span: title.as_ref().map(|t| t.span.clone()),
            date: date.as_ref().map(|d| d.value),
            body,
            body_offset: split.body,
            bundle_files: bundle.as_ref().map(|(_, files)| files.as_slice()),
            published: editorial.status == Status::Approved,
        },
    );

    let media_files = media_files(&meta, &attachments, bundle.as_ref());
    diags.extend(f.finish(|key| kinds::where_valid(key, category)));
    diags.extend(super::line_breaks::check(&source, split.body));
    drop(table);

    let mut title = title?;
    let mut summary = summary;
    let mut tags = tags;
    let mut source = source;
    if !meta.hidden.is_empty() {
        // Personal data reaches no page, feed or index: masked in every
        // text read from the entry and in its body.
        let parts: Vec<String> = meta
            .hidden
            .iter()
            .filter_map(|r| source.text.get(r.clone()).map(str::to_string))
            .collect();
        let hide = |text: &mut String| {
            for part in &parts {
                if text.contains(part.as_str()) {
                    *text = text.replace(part.as_str(), &mask(part));
                }
            }
        };
        hide(&mut title.value);
        summary.iter_mut().for_each(hide);
        tags.iter_mut().for_each(hide);
        if let Some(q) = meta.question.as_mut() {
            hide(&mut q.question);
            q.asker.iter_mut().for_each(hide);
            q.answered_by.iter_mut().for_each(hide);
            q.field.iter_mut().for_each(hide);
        }
        source.redact(&meta.hidden);
    }
    // On the text as published (personal data masked), as checked.
    let placeholders = if editorial.status == Status::Approved {
        super::placeholders::scan(&source.text)
    } else {
        Vec::new()
    };
    Some(Entry {
        id: id
            .as_ref()
            .map(|i| i.value.clone())
            .unwrap_or_else(|| format!("{}/{}", category.key, slug)),
        id_explicit: id.is_some(),
        category,
        slug,
        bundle_dir: bundle.map(|(dir, _)| dir),
        title: title.value,
        date: date.map(|d| d.value),
        updated: updated.map(|u| u.value),
        summary,
        tags,
        weight,
        editorial,
        attachments,
        media_files,
        image,
        body_images,
        meta,
        body_offset: split.body,
        front_digest: crate::fingerprint::of(source.text.get(..split.body).unwrap_or("")),
        placeholders,
        source,
    })
}

/// `x` for every visible character of `part`.
fn mask(part: &str) -> String {
    part.chars()
        .map(|c| if c.is_whitespace() { c } else { 'x' })
        .collect()
}

fn read_editorial(f: &mut Fields<'_>) -> Editorial {
    let status = f
        .choice(
            STATUS,
            &[
                "draft",
                "review",
                "approved",
                "nhap",
                "cho_duyet",
                "da_duyet",
            ],
        )
        .map(|s| match s.value {
            "draft" | "nhap" => Status::Draft,
            "review" | "cho_duyet" => Status::Review,
            _ => Status::Approved,
        })
        .unwrap_or_default();
    let publish_date = f.date(PUBLISH_DATE);
    let expiry_date = f.date(EXPIRY_DATE);
    if let (Some(p), Some(e)) = (&publish_date, &expiry_date)
        && e.value <= p.value
    {
        f.error_at(
            "date-order",
            e.span.clone(),
            msg!(
                "expiry-before-publish",
                expiry = e.value.dmy(),
                publish = p.value.dmy()
            ),
            msg!("expiry-before-publish-help"),
        );
    }
    Editorial {
        status,
        author: f.text(AUTHOR).map(|v| v.value),
        editor: f.text(EDITOR).map(|v| v.value),
        approver: f.text(APPROVER).map(|v| v.value),
        publish_date: publish_date.map(|d| d.value),
        expiry_date: expiry_date.map(|d| d.value),
    }
}

fn attachment(file: &BundleFile, title: Option<String>) -> Attachment {
    let ext = file
        .name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let stem = file.name.rsplit('/').next().unwrap_or(&file.name);
    Attachment {
        file: file.name.clone(),
        title: title.unwrap_or_else(|| stem.to_string()),
        size: file.size,
        modified: file.modified,
        size_label: human_size(file.size),
        mime: mime_guess::from_path(&file.name)
            .first_or_octet_stream()
            .essence_str()
            .to_string(),
        kind: ext.to_uppercase(),
        role: FileRole::Attachment,
        stored: None,
    }
}

/// The files of an entry's `[media]` block that are not also among its
/// attachments, each once, in the order video, captions, audio, PDF,
/// poster.
fn media_files(
    meta: &Meta,
    attachments: &[Attachment],
    bundle: Option<&(String, Vec<BundleFile>)>,
) -> Vec<Attachment> {
    let (Some(material), Some((_, files))) = (&meta.material, bundle) else {
        return Vec::new();
    };
    let m = &material.media;
    let named = [
        (FileRole::Video, &m.video),
        (FileRole::Captions, &m.captions),
        (FileRole::Audio, &m.audio),
        (FileRole::Pdf, &m.pdf),
        (FileRole::Poster, &m.poster),
    ];
    let mut out: Vec<Attachment> = Vec::new();
    for (role, name) in named {
        let Some(name) = name else { continue };
        let taken = attachments.iter().chain(&out).any(|a| &a.file == name);
        if let (false, Some(b)) = (taken, files.iter().find(|b| &b.name == name)) {
            out.push(Attachment {
                role,
                ..attachment(b, None)
            });
        }
    }
    out
}

fn read_attachments(
    f: &mut Fields<'_>,
    bundle: Option<&(String, Vec<BundleFile>)>,
) -> Vec<Attachment> {
    let items = f.table_list(ATTACHMENTS);
    let files: &[BundleFile] = bundle.map(|(_, files)| files.as_slice()).unwrap_or(&[]);
    if items.is_empty() {
        return files
            .iter()
            .filter(|b| {
                let ext = b.name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
                !b.name.contains('/')
                    && ext.is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.as_str()))
            })
            .map(|b| attachment(b, None))
            .collect();
    }
    let mut out = Vec::new();
    for mut item in items {
        let file = item.required_text(FILE, msg!("what-attachment-file"));
        let title = item.text(TITLE).map(|t| t.value);
        if let Some(Field { value, span }) = file {
            match files.iter().find(|b| b.name == value) {
                Some(b) => out.push(attachment(b, title)),
                None => {
                    let help = if bundle.is_none() {
                        msg!("attachment-needs-bundle")
                    } else {
                        let names: Vec<&str> = files.iter().map(|b| b.name.as_str()).collect();
                        match crate::diagnostics::closest(&value, names.iter().copied()) {
                            Some(c) => msg!("file-did-you-mean", file = c),
                            None => msg!("file-put-beside"),
                        }
                    };
                    item.report(
                        Diagnostic::error(
                            "missing-attachment",
                            msg!("attachment-missing", file = &value),
                        )
                        .at(item.source(), span)
                        .help(help),
                    );
                }
            }
        }
        f.absorb(item);
    }
    out
}

/// Reads a category's `_index.md`.
pub fn parse_intro(source: SourceFile, diags: &mut Diagnostics) -> Option<Intro> {
    let (split, table) = read_front_matter(&source, diags)?;
    let mut f = Fields::new(&source, &table, split.toml.start, "");
    let description = f.text(DESCRIPTION).map(|d| d.value);
    if let Some(t) = f.text(TITLE) {
        let d = Diagnostic::warning("ignored-key", msg!("intro-title-ignored"))
            .at(&source, t.span)
            .help(msg!("intro-title-ignored-help"));
        f.report(d);
    }
    diags.extend(f.finish(|_| None));
    drop(table);
    Some(Intro {
        source,
        description,
        body_offset: split.body,
    })
}
