//! Finding and reading every file under `content/` (and `static/`).
//!
//! The walk is sequential and sorted (so results never depend on the file
//! system's order); parsing then runs in parallel.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::category::{self, CATEGORIES, Category, Kind};
use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::error::Error;
use crate::fields::{self, Fields, Key};
use crate::msg;
use crate::source::SourceFile;
use crate::text::slugify;

use super::entry::{BundleFile, parse_entry, parse_intro};
use super::model::{Asset, DataTable, Entry, Intro};
use super::safe;

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

impl Content {
    /// Adds what parsing one file gave.
    fn insert(&mut self, parsed: Option<Parsed>) {
        match parsed {
            Some(Parsed::Entry(e)) => self.entries.push(*e),
            Some(Parsed::Intro(Some(cat), intro)) => {
                self.intros.insert(cat.key, intro);
            }
            Some(Parsed::Intro(None, intro)) => self.home_intro = Some(intro),
            Some(Parsed::Table(t)) => self.tables.push(t),
            None => {}
        }
    }

    /// Puts everything in the order outputs rely on: entries by category
    /// then newest first, tables and assets by path. The entries are kept
    /// for the whole build: their list gives back what it grew in advance
    /// (up to half of it).
    fn sort(&mut self) {
        self.entries.shrink_to_fit();
        // In parallel: moving 10,000 entries about was a twentieth of
        // what a no-op rebuild did on one core alone.
        self.entries.par_sort_by(|a, b| {
            a.category
                .index()
                .cmp(&b.category.index())
                .then_with(|| Entry::order(a, b))
        });
        self.tables.sort_by(|a, b| a.file.cmp(&b.file));
        self.assets.sort();
    }
}

/// One unit of parsing work found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Whether a file name is one loading skips: hidden files, editors' swap
/// and backup files (`.entry.md.swp`, `entry.md~`), `Thumbs.db`.
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name == "Thumbs.db"
}

/// Whether a directory item is a directory (following symbolic links),
/// without a `stat` when the directory listing already says.
fn is_dir(item: &std::fs::DirEntry) -> bool {
    match item.file_type() {
        Ok(t) if !t.is_symlink() => t.is_dir(),
        _ => item.path().is_dir(),
    }
}

/// Every file below `dir` (not directories, not hidden files), sorted;
/// files that must not be read ([`safe::refused`]) are reported instead.
fn files_under(
    root: &Path,
    real_root: &Path,
    dir: &Path,
    diags: &mut Diagnostics,
) -> Result<Vec<walkdir::DirEntry>, Error> {
    let mut out = Vec::new();
    for f in WalkDir::new(dir).sort_by_file_name().min_depth(1) {
        let f = f.map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            source: e.into(),
        })?;
        if f.file_type().is_dir() || is_hidden(&f.file_name().to_string_lossy()) {
            continue;
        }
        if let Some(d) = safe::refused(
            real_root,
            f.path(),
            Some(f.file_type()),
            &rel_of(root, f.path()),
        ) {
            diags.push(d);
        } else if !f.path_is_symlink() || f.path().is_file() {
            // A link to a folder inside the site is not followed.
            out.push(f);
        }
    }
    Ok(out)
}

fn sorted_dir(path: &Path) -> Result<Vec<std::fs::DirEntry>, Error> {
    let mut items: Vec<_> = std::fs::read_dir(path)
        .map_err(Error::io(path))?
        .collect::<Result<_, _>>()
        .map_err(Error::io(path))?;
    items.sort_by_key(|e| e.file_name());
    Ok(items)
}

/// Reads the whole content of the site at `root`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Result<Content, Error> {
    let mut cache = LoadCache::default();
    reload(root, Content::default(), &mut cache, Reread::All, diags).map(|(c, _)| c)
}

/// Which source files [`reload`] must read again.
#[derive(Debug, Clone, Copy)]
pub enum Reread<'a> {
    /// Every file (the first load, or when changes are unknown).
    All,
    /// Only these files (paths relative to the site root, `/`-separated,
    /// as in diagnostics); every other file is taken from the previous
    /// load if it is still there under the same name.
    Only(&'a BTreeSet<String>),
}

/// What [`reload`] remembers about the files it parsed: how each was found
/// and what diagnostics parsing it gave.
#[derive(Debug, Default)]
pub struct LoadCache {
    files: HashMap<String, Parse>,
    /// Diagnostics of the last walk (unknown directories, misplaced files).
    walk: Diagnostics,
    /// Whether `files` describes a complete walk.
    walked: bool,
}

impl LoadCache {
    /// Whether the last load read the source file `rel` (site-relative,
    /// `/`-separated) or a file below it.
    pub fn knows(&self, rel: &str) -> bool {
        self.files.contains_key(rel)
            || self
                .files
                .keys()
                .any(|k| k.strip_prefix(rel).is_some_and(|r| r.starts_with('/')))
    }
}

#[derive(Debug)]
struct Parse {
    job: Job,
    ok: bool,
    diags: Diagnostics,
}

impl Job {
    fn rel(&self) -> &str {
        match self {
            Job::Entry { rel, .. } | Job::Intro { rel, .. } | Job::Table { rel, .. } => rel,
        }
    }
}

/// The parsed items of a previous load, by source file.
#[derive(Default)]
struct Previous {
    entries: HashMap<String, Entry>,
    intros: HashMap<String, Intro>,
    tables: HashMap<String, DataTable>,
}

impl Previous {
    fn new(content: Content) -> Self {
        let intros = content.intros.into_values().chain(content.home_intro);
        Self {
            entries: content
                .entries
                .into_iter()
                .map(|e| (e.source.rel_path.clone(), e))
                .collect(),
            intros: intros.map(|i| (i.source.rel_path.clone(), i)).collect(),
            tables: content
                .tables
                .into_iter()
                .map(|t| (t.file.clone(), t))
                .collect(),
        }
    }

    /// Takes back what `job` produced last time.
    fn take(&mut self, job: &Job) -> Option<Parsed> {
        Some(match job {
            Job::Entry { rel, .. } => Parsed::Entry(Box::new(self.entries.remove(rel)?)),
            Job::Intro { rel, category } => Parsed::Intro(*category, self.intros.remove(rel)?),
            Job::Table { rel, .. } => Parsed::Table(self.tables.remove(rel)?),
        })
    }
}

/// Loads the content again after some files changed. The directories are
/// walked again (so new, deleted and renamed files are noticed), but only
/// the files in `reread`, and those whose place or bundle changed, are
/// parsed again; everything else is moved over from `previous` with the
/// diagnostics it had. Returns the content and the files that were parsed.
pub fn reload(
    root: &Path,
    mut previous: Content,
    cache: &mut LoadCache,
    reread: Reread<'_>,
    diags: &mut Diagnostics,
) -> Result<(Content, Vec<String>), Error> {
    if let Reread::Only(changed) = reread
        && let Some(reparsed) = reread_in_place(root, &mut previous, cache, changed)
    {
        diags.extend(cache.walk.clone());
        for p in cache.files.values() {
            diags.extend(p.diags.clone());
        }
        return Ok((previous, reparsed));
    }
    let mut walk_diags = Diagnostics::new();
    let (content, reparsed) =
        reload_walking(root, previous, cache, reread, &mut walk_diags, diags)?;
    cache.walk = walk_diags.clone();
    diags.extend(walk_diags);
    Ok((content, reparsed))
}

/// Parses `jobs` in parallel: each job with its result and diagnostics.
fn parse_all(root: &Path, jobs: Vec<Job>) -> Vec<(Job, Option<Parsed>, Diagnostics)> {
    jobs.into_par_iter()
        .map(|job| {
            let mut d = Diagnostics::new();
            let result = parse_job(root, job.clone(), &mut d);
            (job, result, d)
        })
        .collect()
}

/// The common case while editing: only known source files (entries,
/// introductions, tables) or known static files changed. They are parsed
/// again and swapped into `content` without walking the directories.
/// `None` when anything else changed (a new, deleted or renamed file, a
/// bundle's attachment): then the directories must be walked.
fn reread_in_place(
    root: &Path,
    content: &mut Content,
    cache: &mut LoadCache,
    changed: &BTreeSet<String>,
) -> Option<Vec<String>> {
    if !cache.walked {
        return None;
    }
    let mut jobs = Vec::new();
    for rel in changed {
        let path = root.join(rel);
        if !path.is_file() {
            return None;
        }
        match cache.files.get(rel) {
            Some(p) => jobs.push(p.job.clone()),
            None if rel.starts_with(&format!("{STATIC_DIR}/"))
                && content.assets.iter().any(|a| a.source == path) => {}
            None => return None,
        }
    }
    let parsed = parse_all(root, jobs);
    let mut reparsed = Vec::with_capacity(parsed.len());
    for (job, result, d) in parsed {
        let rel = job.rel().to_string();
        content.entries.retain(|e| e.source.rel_path != rel);
        content.intros.retain(|_, i| i.source.rel_path != rel);
        if content
            .home_intro
            .as_ref()
            .is_some_and(|i| i.source.rel_path == rel)
        {
            content.home_intro = None;
        }
        content.tables.retain(|t| t.file != rel);
        let ok = result.is_some();
        content.insert(result);
        cache.files.insert(rel.clone(), Parse { job, ok, diags: d });
        reparsed.push(rel);
    }
    content.sort();
    reparsed.sort();
    Some(reparsed)
}

/// Walks `content/` and `static/` again, parsing the files that changed
/// and moving the others over from `previous`.
fn reload_walking(
    root: &Path,
    previous: Content,
    cache: &mut LoadCache,
    reread: Reread<'_>,
    walk_diags: &mut Diagnostics,
    diags: &mut Diagnostics,
) -> Result<(Content, Vec<String>), Error> {
    // Until this walk completes, the cache does not describe `content`.
    cache.walked = false;
    let mut jobs = Vec::new();
    let mut content = Content::default();
    let content_dir = root.join(CONTENT_DIR);
    let real_root = safe::real_root(root);
    if let Some(d) = safe::refused(&real_root, &content_dir, None, CONTENT_DIR) {
        walk_diags.push(d);
        cache.files.clear();
        return Ok((content, Vec::new()));
    }
    if !content_dir.is_dir() {
        walk_diags.push(
            Diagnostic::error("no-content", msg!("no-content")).help(msg!("no-content-help")),
        );
        cache.files.clear();
        cache.walked = false;
        return Ok((content, Vec::new()));
    }
    for item in sorted_dir(&content_dir)? {
        let name = item.file_name().to_string_lossy().into_owned();
        let path = item.path();
        let rel = rel_of(root, &path);
        if is_hidden(&name) {
            continue;
        }
        if let Some(d) = safe::refused(&real_root, &path, item.file_type().ok(), &rel) {
            walk_diags.push(d);
            continue;
        }
        if is_dir(&item) {
            match category::by_key(&name) {
                Some(cat) => walk_category(
                    root,
                    &real_root,
                    &path,
                    cat,
                    &mut jobs,
                    &mut content.assets,
                    walk_diags,
                )?,
                None => {
                    let help = match closest(&name, CATEGORIES.iter().map(|c| c.key)) {
                        Some(c) => msg!("unknown-category-did-you-mean", category = c),
                        None => msg!(
                            "unknown-category-list",
                            categories = CATEGORIES
                                .iter()
                                .map(|c| c.key)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    walk_diags.push(
                        Diagnostic::error(
                            "unknown-category",
                            msg!("unknown-category", name = &name),
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
            walk_diags.push(
                Diagnostic::error("entry-outside-category", msg!("entry-outside-category"))
                    .in_file(&rel)
                    .help(msg!("entry-outside-category-help")),
            );
        } else {
            content.assets.push(Asset {
                source: path,
                dest: name,
                fixed_size: None,
                walked: None,
            });
        }
    }
    walk_static(root, &real_root, &mut content.assets, walk_diags)?;

    let mut previous = Previous::new(previous);
    let current: HashSet<String> = jobs.iter().map(|j| j.rel().to_string()).collect();
    let mut kept = Vec::new();
    let mut fresh = Vec::new();
    for job in jobs {
        let unchanged = match reread {
            Reread::All => false,
            Reread::Only(changed) => !changed.contains(job.rel()),
        };
        let known = cache.files.get(job.rel()).filter(|p| p.job == job);
        match known {
            Some(p) if unchanged && !p.ok => kept.push((None, p.diags.clone())),
            Some(p) if unchanged => match previous.take(&job) {
                Some(item) => kept.push((Some(item), p.diags.clone())),
                None => fresh.push(job),
            },
            _ => fresh.push(job),
        }
    }
    let parsed = parse_all(root, fresh);
    let mut reparsed = Vec::with_capacity(parsed.len());
    let mut results = kept;
    for (job, result, d) in parsed {
        reparsed.push(job.rel().to_string());
        let record = Parse {
            job,
            ok: result.is_some(),
            diags: d.clone(),
        };
        cache.files.insert(record.job.rel().to_string(), record);
        results.push((result, d));
    }
    // Forget files that are gone.
    cache.files.retain(|rel, _| current.contains(rel.as_str()));
    for (result, d) in results {
        diags.extend(d);
        content.insert(result);
    }
    content.sort();
    cache.walked = true;
    reparsed.sort();
    Ok((content, reparsed))
}

fn parse_job(root: &Path, job: Job, diags: &mut Diagnostics) -> Option<Parsed> {
    let read = |rel: &str, diags: &mut Diagnostics| match SourceFile::read(root, rel) {
        Ok(s) => {
            if let Some(d) = safe::nul_character(&s) {
                diags.push(d);
                return None;
            }
            if let Some(g) = crate::encoding::garbled(&s.text) {
                diags.push(garbled_warning(&s, &g));
            }
            Some(s)
        }
        Err(Error::LegacyEncoding {
            path,
            line,
            column,
            line_text,
            encoding,
        }) => {
            diags.push(
                Diagnostic::error(
                    "legacy-encoding",
                    crate::msg!("legacy-encoding", encoding = encoding.name()),
                )
                .at_line(&path, line, column, &line_text)
                .help(crate::msg!("legacy-encoding-help", path = &path)),
            );
            None
        }
        Err(e) => {
            if let Some(d) = safe::unreadable(root, rel, &e) {
                diags.push(d);
            }
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

/// The warning for text typed in a `.VnTime` or VNI font that arrived as
/// garbled Unicode ("Phæ biÕn" for "Phổ biến").
fn garbled_warning(source: &SourceFile, g: &crate::encoding::Garbled) -> Diagnostic {
    let message = if g.lines > 1 {
        crate::msg!(
            "garbled-text-lines",
            encoding = g.encoding.name(),
            word = &g.word,
            fixed = &g.fixed,
            lines = g.lines
        )
    } else {
        crate::msg!(
            "garbled-text",
            encoding = g.encoding.name(),
            word = &g.word,
            fixed = &g.fixed
        )
    };
    Diagnostic::warning("garbled-text", message)
        .at(source, g.offset..g.offset + g.word.len())
        .help(crate::msg!(
            "garbled-text-help",
            font = g.encoding.font(),
            path = &source.rel_path
        ))
}

fn walk_category(
    root: &Path,
    real_root: &Path,
    dir: &Path,
    cat: &'static Category,
    jobs: &mut Vec<Job>,
    assets: &mut Vec<Asset>,
    diags: &mut Diagnostics,
) -> Result<(), Error> {
    for item in sorted_dir(dir)? {
        let name = item.file_name().to_string_lossy().into_owned();
        let path = item.path();
        let rel = rel_of(root, &path);
        if is_hidden(&name) {
            continue;
        }
        if let Some(d) = safe::refused(real_root, &path, item.file_type().ok(), &rel) {
            diags.push(d);
            continue;
        }
        if is_dir(&item) {
            if !path.join("index.md").is_file() {
                diags.push(
                    Diagnostic::error(
                        "bundle-without-index",
                        msg!("bundle-without-index", name = &name),
                    )
                    .in_dir(&rel)
                    .help(msg!("bundle-without-index-help", dir = &rel)),
                );
                continue;
            }
            let mut files = Vec::new();
            for f in files_under(root, real_root, &path, diags)? {
                let inner = rel_of(&path, f.path());
                if inner == "index.md" {
                    continue;
                }
                let stamp = f.metadata().ok().map(|m| file_stamp(&m));
                let (size, modified) = stamp.unwrap_or_default();
                let slug = slugify(&name);
                assets.push(Asset {
                    source: f.path().to_path_buf(),
                    dest: format!("{}/{slug}/{inner}", cat.key),
                    fixed_size: None,
                    walked: stamp,
                });
                files.push(BundleFile {
                    name: inner,
                    size,
                    modified,
                });
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
                    Diagnostic::error("misplaced-table", msg!("misplaced-table"))
                        .in_file(&rel)
                        .help(msg!("misplaced-table-help")),
                );
            }
        } else {
            assets.push(Asset {
                source: path,
                dest: format!("{}/{name}", cat.key),
                fixed_size: None,
                walked: None,
            });
        }
    }
    Ok(())
}

/// A file's size and modification time (nanoseconds since 1970; 0 when
/// the platform does not say), as [`Asset::walked`] keeps them.
pub fn file_stamp(meta: &std::fs::Metadata) -> (u64, u64) {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    (meta.len(), modified)
}

fn walk_static(
    root: &Path,
    real_root: &Path,
    assets: &mut Vec<Asset>,
    diags: &mut Diagnostics,
) -> Result<(), Error> {
    let dir = root.join(STATIC_DIR);
    if let Some(d) = safe::refused(real_root, &dir, None, STATIC_DIR) {
        diags.push(d);
        return Ok(());
    }
    if !dir.is_dir() {
        return Ok(());
    }
    for f in files_under(root, real_root, &dir, diags)? {
        assets.push(Asset {
            source: f.path().to_path_buf(),
            dest: rel_of(&dir, f.path()),
            fixed_size: None,
            walked: None,
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
    let title = f.required_text(TABLE_TITLE, msg!("what-table-title"));
    let description = f.text(TABLE_DESCRIPTION).map(|d| d.value);
    let columns = f.text_list(TABLE_COLUMNS);
    if columns.is_none() {
        f.missing(
            TABLE_COLUMNS,
            "missing-key",
            msg!("table-columns-missing"),
            msg!("table-columns-missing-help"),
        );
    }
    let rows = f.rows(TABLE_ROWS).unwrap_or_default();
    if let Some(cols) = &columns {
        for row in &rows {
            if row.value.len() != cols.value.len() {
                f.error_at(
                    "row-length",
                    row.span.clone(),
                    msg!(
                        "row-length",
                        cells = row.value.len(),
                        columns = cols.value.len()
                    ),
                    msg!("row-length-help", columns = cols.value.len()),
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
