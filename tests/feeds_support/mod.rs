//! Helpers shared by the feed, sync and embed tests: copy a fixture site
//! into a temporary directory (so tests can edit it), build it, read the
//! output.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pbgdpl::BuildOptions;
use serde_json::Value;

/// The build's "today" in every test.
pub const TODAY: (i32, u32, u32) = (2026, 11, 22);

/// A fixture copied into a temporary directory.
pub struct TestSite {
    _tmp: tempfile::TempDir,
    /// The site's root.
    pub root: PathBuf,
    /// The default output directory.
    pub out: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
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

/// The path of a fixture.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

impl TestSite {
    /// Copies `tests/fixtures/<name>`.
    pub fn new(name: &str) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        copy_dir(&fixture(name), &root);
        let out = tmp.path().join("public");
        Self {
            _tmp: tmp,
            root,
            out,
        }
    }

    /// Options with the test's "today".
    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            today: NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2),
            ..BuildOptions::default()
        }
    }

    /// Builds into the default output directory; panics with the
    /// diagnostics on failure.
    pub fn build(&self) -> pbgdpl::BuildReport {
        self.build_with(&self.out, &self.options())
    }

    /// Builds into `out` with `options`.
    pub fn build_with(&self, out: &Path, options: &BuildOptions) -> pbgdpl::BuildReport {
        match pbgdpl::build(&self.root, Some(out), options) {
            Ok(r) => r,
            Err(pbgdpl::Error::Invalid(d)) => panic!("build failed:\n{}", d.render(false)),
            Err(e) => panic!("build failed: {e}"),
        }
    }

    /// A file of the site (to edit).
    pub fn src(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Replaces text in a source file.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.src(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    /// An output file as text.
    pub fn read(&self, rel: &str) -> String {
        read(&self.out, rel)
    }

    /// An output file as JSON.
    pub fn json(&self, rel: &str) -> Value {
        serde_json::from_str(&self.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// A file under `dir` as text.
pub fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every file under `dir`, by relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
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

/// The global id of an entry of the `feeds` fixture.
pub fn gid(local: &str) -> String {
    format!("tag:stp.example.gov.vn,2019:/pbgdpl/{local}")
}

/// The ids of a JSON Feed's items, in order.
pub fn item_ids(feed: &Value) -> Vec<String> {
    feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// The sync.json records by id.
pub fn records(sync: &Value) -> BTreeMap<String, Value> {
    sync["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap().to_string(), r.clone()))
        .collect()
}

/// `href` of every `<link rel="REL" …>` (Atom) or `<atom:link rel="REL" …>` (RSS).
pub fn links(xml: &str, rel: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"<(?:atom:)?link rel="([^"]+)"[^>]*href="([^"]+)""#).unwrap();
    re.captures_iter(xml)
        .filter(|c| &c[1] == rel)
        .map(|c| c[2].to_string())
        .collect()
}

/// The `<id>` of every Atom entry, in order.
pub fn atom_entry_ids(xml: &str) -> Vec<String> {
    let re = regex::Regex::new(r"(?s)<entry>\s*<id>([^<]+)</id>").unwrap();
    re.captures_iter(xml).map(|c| c[1].to_string()).collect()
}
