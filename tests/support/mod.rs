//! Helpers shared by the integration tests: fixture sites, builds into
//! temporary directories, reading the output as a browser would.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};

/// A fixture directory under tests/fixtures/.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies a directory tree (files are overwritten).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// `YYYY-MM-DD`.
pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A built site: its temporary directory and output root.
pub struct Built {
    _dir: tempfile::TempDir,
    /// The output directory.
    pub out: PathBuf,
}

impl Built {
    /// The text of an output file; panics with the path when it is missing.
    pub fn text(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path))
            .unwrap_or_else(|e| panic!("output file {path}: {e}"))
    }

    /// Whether an output file exists.
    pub fn has(&self, path: &str) -> bool {
        self.out.join(path).is_file()
    }

    /// An HTML page, parsed.
    pub fn page(&self, path: &str) -> Html {
        Html::parse_document(&self.text(path))
    }

    /// Every output file, relative, `/`-separated, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = walkdir::WalkDir::new(&self.out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&self.out)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        v.sort();
        v
    }
}

/// Builds the site at `root` with the library, with a fixed "today".
pub fn build(root: &Path, today: &str, drafts: bool) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let options = pbgdpl::BuildOptions {
        drafts,
        today: Some(day(today)),
        base_url: None,
    };
    if let Err(e) = pbgdpl::build(root, Some(&out), &options) {
        match e {
            pbgdpl::Error::Invalid(d) => panic!("build failed:\n{}", d.render(false)),
            e => panic!("build failed: {e}"),
        }
    }
    Built { _dir: dir, out }
}

/// The `pbgdpl` binary, with no inherited PBGDPL_TODAY or colours.
pub fn pbgdpl() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pbgdpl"));
    c.env_remove("PBGDPL_TODAY").env("NO_COLOR", "1");
    c
}

/// A CSS selector (panics on a typo in the test).
pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("selector {s}: {e:?}"))
}

/// Text of an element, whitespace collapsed.
pub fn text(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Texts of every element matching `selector`.
pub fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector)).map(text).collect()
}

/// The rows of a two-column metadata table (`th` → `td`) in a page.
pub fn meta_rows(doc: &Html, table: &str) -> Vec<(String, String)> {
    doc.select(&sel(&format!("{table} tr")))
        .filter_map(|tr| {
            let th = tr.select(&sel("th")).next()?;
            let td = tr.select(&sel("td")).next()?;
            Some((text(th), text(td)))
        })
        .collect()
}

/// The value of the metadata row headed `label`.
pub fn meta(doc: &Html, table: &str, label: &str) -> Option<String> {
    meta_rows(doc, table)
        .into_iter()
        .find(|(k, _)| k == label)
        .map(|(_, v)| v)
}

/// The front matter of an entry file, parsed with the toml crate alone.
pub fn front_matter(text: &str) -> toml::Table {
    let text = text.replace("\r\n", "\n");
    let rest = text
        .strip_prefix("+++\n")
        .expect("front matter starts with +++");
    let end = rest.find("\n+++").expect("front matter ends with +++");
    rest[..end + 1].parse().expect("front matter is TOML")
}

/// The calendar date of a TOML date value.
pub fn toml_date(v: &toml::Value) -> NaiveDate {
    let d = v.as_datetime().and_then(|d| d.date).expect("a TOML date");
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()).unwrap()
}

/// Whether an entry with this front matter is public on `today`: approved
/// (or no status), on or after `publish_date`, on or before `expiry_date`.
pub fn is_public(fm: &toml::Table, today: NaiveDate) -> bool {
    let approved = fm
        .get("status")
        .and_then(|s| s.as_str())
        .is_none_or(|s| s == "approved");
    let started = fm.get("publish_date").is_none_or(|d| toml_date(d) <= today);
    let not_ended = fm.get("expiry_date").is_none_or(|d| toml_date(d) >= today);
    approved && started && not_ended
}

/// CSV records of a file, after checking it starts with a UTF-8 BOM and
/// ends its records with CRLF.
pub fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("CSV starts with a UTF-8 byte-order mark");
    let text = std::str::from_utf8(body).expect("CSV is UTF-8");
    assert!(text.ends_with("\r\n"), "CSV records end with CRLF");
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line break is CRLF"
    );
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Lowercase, without Vietnamese diacritics, single spaces — written here
/// independently of the library.
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
