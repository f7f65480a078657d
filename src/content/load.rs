//! Finding and reading every file under `content/` (and `static/`).
//!
//! The walk is sequential and sorted (so results never depend on the file
//! system's order); parsing then runs in parallel.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::category::{self, CATEGORIES, Category, Kind};
use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::error::Error;
use crate::fields::{self, Fields, Key};
use crate::source::SourceFile;
use crate::text::slugify;

use super::entry::{BundleFile, parse_entry, parse_intro};
use super::model::{Asset, DataTable, Entry, Intro};

/// The content directory's name.
pub const CONTENT_DIR: &str = "content";
/// The static files directory's name.
pub const STATIC_DIR: &str = "static";

/// Everything read from a site's `content/` and `static/`.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Every entry (published or not), by category order then newest first.
    pub entries: Vec<Entry>,
    /// Category introductions (`_index.md`), by category key.
    pub intros: BTreeMap<&'static str, Intro>,
    /// The home page introduction (`content/_index.md`).
    pub home_intro: Option<Intro>,
    /// Statistics data tables.
    pub tables: Vec<DataTable>,
    /// Files copied as they are.
    pub assets: Vec<Asset>,
}

/// One unit of parsing work found by the walk.
enum Job {
    Entry {
        rel: String,
        category: &'static Category,
        slug: String,
        bundle: Option<(String, Vec<BundleFile>)>,
    },
    Intro {
        rel: String,
        category: Option<&'static Category>,
    },
    Table {
        rel: String,
        slug: String,
    },
}

enum Parsed {
    Entry(Box<Entry>),
    Intro(Option<&'static Category>, Intro),
    Table(DataTable),
}

fn rel_of(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn is_hidden(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name == "Thumbs.db"
}

/// Every file below `dir` (not directories, not hidden files), sorted.
fn files_under(dir: &Path) -> Result<Vec<walkdir::DirEntry>, Error> {
    let mut out = Vec::new();
    for f in WalkDir::new(dir).sort_by_file_name().min_depth(1) {
        let f = f.map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            source: e.into(),
        })?;
        if !f.file_type().is_dir() && !is_hidden(&f.file_name().to_string_lossy()) {
            out.push(f);
        }
    }
    Ok(out)
}

/// The entries of `dir` that are not hidden, sorted by name: (name, path,
/// path relative to the site root).
fn visible_children(root: &Path, dir: &Path) -> Result<Vec<(String, PathBuf, String)>, Error> {
    let mut items: Vec<_> = std::fs::read_dir(dir)
        .map_err(Error::io(dir))?
        .collect::<Result<_, _>>()
        .map_err(Error::io(dir))?;
    items.sort_by_key(|e| e.file_name());
    Ok(items
        .into_iter()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(name, _)| !is_hidden(name))
        .map(|(name, path)| {
            let rel = rel_of(root, &path);
            (name, path, rel)
        })
        .collect())
}

/// Reads the whole content of the site at `root`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Result<Content, Error> {
    let mut jobs = Vec::new();
    let mut content = Content::default();
    let content_dir = root.join(CONTENT_DIR);
    if !content_dir.is_dir() {
        diags.push(
            Diagnostic::error("no-content", "the site has no content/ directory")
                .help("create content/ with one directory per category (run `pbgdpl init` to see the layout)"),
        );
        return Ok(content);
    }
    for (name, path, rel) in visible_children(root, &content_dir)? {
        if path.is_dir() {
            match category::by_key(&name) {
                Some(cat) => {
                    walk_category(root, &path, cat, &mut jobs, &mut content.assets, diags)?
                }
                None => {
                    let help = match closest(&name, CATEGORIES.iter().map(|c| c.key)) {
                        Some(c) => {
                            format!("did you mean `{c}`? rename the directory to content/{c}/")
                        }
                        None => format!(
                            "the standard categories are: {}",
                            CATEGORIES
                                .iter()
                                .map(|c| c.key)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    diags.push(
                        Diagnostic::error(
                            "unknown-category",
                            format!("`{name}` is not a standard category"),
                        )
                        .in_dir(&rel)
                        .help(help),
                    );
                }
            }
        } else if name == "_index.md" {
            jobs.push(Job::Intro {
                rel,
                category: None,
            });
        } else if name.ends_with(".md") {
            diags.push(
                Diagnostic::error("entry-outside-category", "an entry must be inside a category directory")
                    .in_file(&rel)
                    .help("move it into one of content/tin-tuc/, content/van-ban-moi/, … (see the list of categories)"),
            );
        } else {
            content.assets.push(Asset {
                source: path,
                dest: name,
            });
        }
    }
    walk_static(root, &mut content.assets)?;

    let parsed: Vec<(Option<Parsed>, Diagnostics)> = jobs
        .into_par_iter()
        .map(|job| {
            let mut d = Diagnostics::new();
            let result = parse_job(root, job, &mut d);
            (result, d)
        })
        .collect();
    for (result, d) in parsed {
        diags.extend(d);
        match result {
            Some(Parsed::Entry(e)) => content.entries.push(*e),
            Some(Parsed::Intro(Some(cat), intro)) => {
                content.intros.insert(cat.key, intro);
            }
            Some(Parsed::Intro(None, intro)) => content.home_intro = Some(intro),
            Some(Parsed::Table(t)) => content.tables.push(t),
            None => {}
        }
    }
    content.entries.sort_by(|a, b| {
        a.category
            .index()
            .cmp(&b.category.index())
            .then_with(|| Entry::order(a, b))
    });
    content.assets.sort();
    Ok(content)
}

fn parse_job(root: &Path, job: Job, diags: &mut Diagnostics) -> Option<Parsed> {
    let read = |rel: &str, diags: &mut Diagnostics| match SourceFile::read(root, rel) {
        Ok(s) => Some(s),
        Err(e) => {
            diags.push(Diagnostic::error("unreadable", e.to_string()).in_file(rel));
            None
        }
    };
    match job {
        Job::Entry {
            rel,
            category,
            slug,
            bundle,
        } => {
            let source = read(&rel, diags)?;
            parse_entry(source, category, slug, bundle, diags).map(|e| Parsed::Entry(Box::new(e)))
        }
        Job::Intro { rel, category } => {
            let source = read(&rel, diags)?;
            parse_intro(source, diags).map(|i| Parsed::Intro(category, i))
        }
        Job::Table { rel, slug } => {
            let source = read(&rel, diags)?;
            parse_table(&source, slug, diags).map(Parsed::Table)
        }
    }
}

fn walk_category(
    root: &Path,
    dir: &Path,
    cat: &'static Category,
    jobs: &mut Vec<Job>,
    assets: &mut Vec<Asset>,
    diags: &mut Diagnostics,
) -> Result<(), Error> {
    for (name, path, rel) in visible_children(root, dir)? {
        if path.is_dir() {
            if !path.join("index.md").is_file() {
                diags.push(
                    Diagnostic::error(
                        "bundle-without-index",
                        format!("directory `{name}` has no index.md"),
                    )
                    .in_dir(&rel)
                    .help(format!(
                        "an entry with attachments is a directory holding index.md and its files; \
                             add {rel}/index.md, or move the entry up as {rel}.md"
                    )),
                );
                continue;
            }
            let mut files = Vec::new();
            for f in files_under(&path)? {
                let inner = rel_of(&path, f.path());
                if inner == "index.md" {
                    continue;
                }
                let size = f.metadata().map(|m| m.len()).unwrap_or(0);
                let slug = slugify(&name);
                assets.push(Asset {
                    source: f.path().to_path_buf(),
                    dest: format!("{}/{slug}/{inner}", cat.key),
                });
                files.push(BundleFile { name: inner, size });
            }
            jobs.push(Job::Entry {
                rel: format!("{rel}/index.md"),
                category: cat,
                slug: slugify(&name),
                bundle: Some((rel, files)),
            });
        } else if name == "_index.md" {
            jobs.push(Job::Intro {
                rel,
                category: Some(cat),
            });
        } else if let Some(stem) = name.strip_suffix(".md") {
            jobs.push(Job::Entry {
                rel,
                category: cat,
                slug: slugify(stem),
                bundle: None,
            });
        } else if let Some(stem) = name.strip_suffix(".toml") {
            if cat.kind == Kind::Statistics {
                jobs.push(Job::Table {
                    rel,
                    slug: slugify(stem),
                });
            } else {
                diags.push(
                    Diagnostic::error("misplaced-table", "data tables belong in content/thong-ke/")
                        .in_file(&rel)
                        .help("move the file to content/thong-ke/ to publish it as a statistics table"),
                );
            }
        } else {
            assets.push(Asset {
                source: path,
                dest: format!("{}/{name}", cat.key),
            });
        }
    }
    Ok(())
}

fn walk_static(root: &Path, assets: &mut Vec<Asset>) -> Result<(), Error> {
    let dir = root.join(STATIC_DIR);
    if !dir.is_dir() {
        return Ok(());
    }
    for f in files_under(&dir)? {
        assets.push(Asset {
            source: f.path().to_path_buf(),
            dest: rel_of(&dir, f.path()),
        });
    }
    Ok(())
}

const TABLE_TITLE: Key = Key::new("title", "tieu_de");
const TABLE_DESCRIPTION: Key = Key::new("description", "mo_ta");
const TABLE_COLUMNS: Key = Key::new("columns", "cot");
const TABLE_ROWS: Key = Key::new("rows", "dong");

/// Reads a statistics data table (`content/thong-ke/<name>.toml`).
pub fn parse_table(
    source: &SourceFile,
    slug: String,
    diags: &mut Diagnostics,
) -> Option<DataTable> {
    let table = fields::parse(source, &source.text, 0, diags);
    let mut f = Fields::new(source, &table, 0, "");
    let title = f.required_text(TABLE_TITLE, "the table's title");
    let description = f.text(TABLE_DESCRIPTION).map(|d| d.value);
    let columns = f.text_list(TABLE_COLUMNS);
    if columns.is_none() {
        f.missing(
            TABLE_COLUMNS,
            "missing-key",
            "missing `columns` (the table's column headers)",
            "add columns = [\"Họ và tên\", \"Chức vụ\", …]",
        );
    }
    let rows = f.rows(TABLE_ROWS).unwrap_or_default();
    if let Some(cols) = &columns {
        for row in &rows {
            if row.value.len() != cols.value.len() {
                f.error_at(
                    "row-length",
                    row.span.clone(),
                    format!(
                        "this row has {} cells but the table has {} columns",
                        row.value.len(),
                        cols.value.len()
                    ),
                    format!(
                        "give every row exactly {} cells, in the order of `columns`",
                        cols.value.len()
                    ),
                );
            }
        }
    }
    diags.extend(f.finish(|_| None));
    Some(DataTable {
        slug,
        title: title?.value,
        description,
        columns: columns?.value,
        rows: rows.into_iter().map(|r| r.value).collect(),
        file: source.rel_path.clone(),
    })
}
