//! Helpers shared by the integration tests: fixture sites, running the
//! binary, reading an output tree, querying HTML.

#![allow(dead_code)]

pub mod docx;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};

/// The fixed "today" every test build uses, so results never depend on the
/// day the tests run.
pub const TODAY: &str = "2026-11-22";

/// A fixture site under tests/fixtures/.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The repository root (the demo section).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a directory tree (a fixture into a temp dir, to modify it).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        if rel.starts_with("public") {
            continue;
        }
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A temporary copy of a fixture site.
pub fn temp_site(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture(name), &root);
    (tmp, root)
}

/// The language of a run of the binary, in tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese, the default.
    Vi,
    /// English (`--lang en`).
    En,
}

impl Lang {
    /// Both, Vietnamese first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// `vi` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// The `pbgdpl` binary with colours off, the fixed today, and no locale
/// from the environment the tests run in (so its messages are Vietnamese,
/// the default, whatever LANG the machine has).
pub fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pbgdpl"));
    c.env("PBGDPL_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PBGDPL_LANG");
    c
}

/// Runs the `pbgdpl` binary (see [`command`]): messages in Vietnamese.
pub fn pbgdpl(args: &[&str]) -> Output {
    command()
        .args(args)
        .output()
        .expect("the pbgdpl binary runs")
}

/// Runs the `pbgdpl` binary with its messages in `lang`.
pub fn pbgdpl_in(lang: Lang, args: &[&str]) -> Output {
    command()
        .args(args)
        .env("PBGDPL_LANG", lang.code())
        .output()
        .expect("the pbgdpl binary runs")
}

/// Text of a process's stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `pbgdpl build` of `root` into `out`, whatever comes of it.
pub fn try_build(root: &Path, out: &Path) -> Output {
    pbgdpl(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

/// Builds `root` into `out` and asserts success.
pub fn build(root: &Path, out: &Path) {
    let o = try_build(root, out);
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
}

/// Every file under `dir`, relative path → bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The HTML pages of an output tree (relative path → text).
pub fn html_pages(dir: &Path) -> BTreeMap<String, String> {
    read_tree(dir)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

/// Values of `attr` on the elements matching `selector`.
pub fn select_attr(html: &str, selector: &str, attr: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// Texts of the elements matching `selector`.
pub fn select_text(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

/// Outer HTML of the elements matching `selector`.
pub fn select_html(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel).map(|e| e.html()).collect()
}

/// Writes a file, creating its directory.
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Compares `actual` with the golden file `tests/golden/<name>`; with
/// `PBGDPL_BLESS=1` in the environment, writes it instead (then review the
/// diff with git before committing).
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("PBGDPL_BLESS").is_some() {
        write(&path, actual);
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with PBGDPL_BLESS=1 to create it",
            path.display()
        )
    });
    assert_eq!(
        actual,
        expected,
        "output differs from {} (PBGDPL_BLESS=1 rewrites it)",
        path.display()
    );
}

/// Compares the output of a run in each language with its golden file:
/// `tests/golden/<name>.vi.<ext>` and `tests/golden/<name>.en.<ext>`
/// (`PBGDPL_BLESS=1` rewrites them).
pub fn golden_in_both(name: &str, ext: &str, run: impl Fn(Lang) -> String) {
    for lang in Lang::ALL {
        golden(&format!("{name}.{}.{ext}", lang.code()), &run(lang));
    }
}

// Helpers of the content-kinds and documentation tests.

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

/// Builds the site at `root` with the library, with a given "today"
/// and with or without drafts, into a temporary directory.
pub fn build_with(root: &Path, today: &str, drafts: bool) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let options = pbgdpl::BuildOptions {
        drafts,
        today: Some(day(today)),
        // Never the network: `[upstream]` feeds of a documented example
        // come from the cache only (tests/upstream.rs fetches from
        // 127.0.0.1).
        offline: true,
        ..Default::default()
    };
    if let Err(e) = pbgdpl::build(root, Some(&out), &options) {
        match e {
            pbgdpl::Error::Invalid(d) => panic!("build failed:\n{}", d.render(false)),
            e => panic!("build failed: {e}"),
        }
    }
    Built { _dir: dir, out }
}

/// The `pbgdpl` binary as a [`Command`], with no inherited PBGDPL_TODAY
/// and no colours.
pub fn pbgdpl_cmd() -> Command {
    let mut c = command();
    c.env_remove("PBGDPL_TODAY");
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
