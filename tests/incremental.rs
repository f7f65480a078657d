//! Incremental rebuilds (`pbgdpl serve`): after every kind of edit, the
//! output of the incremental rebuild is byte-for-byte what a fresh build of
//! the same files gives, and an edit to one entry re-reads only that file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pbgdpl::output::MemorySink;
use pbgdpl::output::store::{Changes as StoreChanges, Store};
use pbgdpl::progress::Silent;
use pbgdpl::serve::session::{Changes, Session, Update};
use pbgdpl::{BuildOptions, Error, Site};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn copy_site(from: &Path, to: &Path) {
    for item in ["site.toml", "content", "static", "templates"] {
        let src = from.join(item);
        if src.is_file() {
            std::fs::copy(&src, to.join(item)).unwrap();
            continue;
        }
        for e in walkdir::WalkDir::new(&src).into_iter().flatten() {
            let dest = to.join(e.path().strip_prefix(from).unwrap());
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&dest).unwrap();
            } else {
                std::fs::copy(e.path(), &dest).unwrap();
            }
        }
    }
}

fn options() -> BuildOptions {
    BuildOptions {
        today: NaiveDate::from_ymd_opt(2026, 11, 22),
        ..BuildOptions::default()
    }
}

/// What a fresh, non-incremental build of `root` writes.
fn fresh(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let (site, _) = Site::load(root, &options()).expect("the site loads");
    let sink = MemorySink::new();
    let (_, diags) = site.render(&sink).expect("the site renders");
    assert!(!diags.has_errors(), "{}", diags.render(false));
    sink.into_files()
}

fn served(store: &Store) -> BTreeMap<String, Vec<u8>> {
    let snap = store.snapshot();
    snap.paths()
        .into_iter()
        .map(|p| (p.to_string(), snap.read(p).unwrap().unwrap().to_vec()))
        .collect()
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    session: Session,
    store: Store,
}

impl Fixture {
    fn new(site: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir(&root).unwrap();
        copy_site(&fixture(site), &root);
        let mut f = Fixture {
            session: Session::new(&root, &options()),
            _dir: dir,
            root,
            store: Store::new(),
        };
        let (update, _) = f.update_paths(None).expect("first build");
        assert!(update.full);
        f.assert_same_as_fresh();
        f
    }

    fn update_paths(&mut self, paths: Option<&[&str]>) -> Result<(Update, StoreChanges), Error> {
        let changes = match paths {
            None => Changes::Unknown,
            Some(p) => Changes::Paths(p.iter().map(|p| self.root.join(p)).collect()),
        };
        let writer = self.store.writer();
        let update = self.session.update(&changes, &writer, &Silent)?;
        Ok((update, self.store.commit(writer)))
    }

    fn update(&mut self, paths: &[&str]) -> (Update, StoreChanges) {
        let result = self.update_paths(Some(paths));
        match result {
            Ok(r) => {
                self.assert_same_as_fresh();
                r
            }
            Err(Error::Invalid(d)) => panic!("rebuild failed:\n{}", d.render(false)),
            Err(e) => panic!("rebuild failed: {e}"),
        }
    }

    fn assert_same_as_fresh(&self) {
        let expected = fresh(&self.root);
        let got = served(&self.store);
        let paths = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(paths(&got), paths(&expected), "the same files");
        for (path, bytes) in &expected {
            assert!(
                got[path] == *bytes,
                "{path} differs from a fresh build:\n{}",
                String::from_utf8_lossy(&got[path])
            );
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        assert!(text.contains(from), "{rel} contains {from:?}");
        std::fs::write(self.path(rel), text.replacen(from, to, 1)).unwrap();
    }

    fn page_bytes(&self, path: &str) -> Vec<u8> {
        let snap = self.store.snapshot();
        let bytes = snap.read(path);
        bytes
            .unwrap_or_else(|| panic!("{path} is not served"))
            .unwrap()
            .to_vec()
    }

    fn page(&self, path: &str) -> String {
        let bytes = self.store.snapshot().read(path).unwrap().unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }
}

const ENTRY: &str = "content/tin-tuc/hoi-nghi-tap-huan-hoa-giai.md";

#[test]
fn editing_one_entry_rereads_only_that_file_and_rewrites_what_shows_it() {
    let mut f = Fixture::new("tests/fixtures/serve-site");
    f.edit(
        ENTRY,
        "45 hòa giải viên của 9 thôn",
        "52 hòa giải viên của 10 thôn",
    );
    let (update, changes) = f.update(&[ENTRY]);
    assert!(!update.full);
    assert_eq!(update.reparsed, [ENTRY]);
    assert!(
        f.page("tin-tuc/hoi-nghi-tap-huan-hoa-giai/index.html")
            .contains("52 hòa giải viên của 10 thôn")
    );
    // No other page shows the body; the pages that list the entry show its
    // summary, which did not change, so they are kept. Feeds, the search
    // index and sync.json carry the body (or its hash), so they change; the
    // search page carries the index's manifest (the names of its files).
    let html = |c: &StoreChanges| -> Vec<String> {
        c.changed
            .iter()
            .filter(|p| p.ends_with(".html"))
            .cloned()
            .collect()
    };
    assert_eq!(
        html(&changes),
        [
            "tim-kiem/index.html",
            "tin-tuc/hoi-nghi-tap-huan-hoa-giai/index.html"
        ]
    );
    for path in ["feed.json", "tin-tuc/feed.json", "sync.json"] {
        assert!(changes.changed.contains(&path.to_string()), "{path}");
    }

    // A new summary shows on the category page and the home page.
    f.edit(ENTRY, "cho 45 hòa giải viên.", "cho 52 hòa giải viên.");
    let (_, changes) = f.update(&[ENTRY]);
    assert_eq!(
        html(&changes),
        [
            "index.html",
            "tim-kiem/index.html",
            "tin-tuc/hoi-nghi-tap-huan-hoa-giai/index.html",
            "tin-tuc/index.html",
        ]
    );

    // A new title also shows in the "other entries" of its neighbours.
    f.edit(ENTRY, "title = \"Hội nghị", "title = \"Hội nghị trực tuyến");
    let (_, changes) = f.update(&[ENTRY]);
    for path in [
        "tin-tuc/ngay-phap-luat-2026/index.html",
        "tin-tuc/ra-quan-tuyen-truyen/index.html",
        "sitemap.xml",
    ] {
        let changed = changes.changed.contains(&path.to_string());
        assert_eq!(changed, path != "sitemap.xml", "{path}");
    }
    assert!(!changes.changed.contains(&"hoi-dap/index.html".to_string()));

    // An introduction and a static file alone: read again in place.
    f.edit(
        "content/tin-tuc/_index.md",
        "trên địa bàn xã",
        "trong toàn xã",
    );
    let (update, changes) = f.update(&["content/tin-tuc/_index.md"]);
    assert_eq!(update.reparsed, ["content/tin-tuc/_index.md"]);
    assert!(changes.changed.contains(&"tin-tuc/index.html".to_string()));
    std::fs::write(f.path("static/ghi-chu.txt"), "Bản mới.\n").unwrap();
    let (update, changes) = f.update(&["static/ghi-chu.txt"]);
    assert!(update.reparsed.is_empty());
    assert_eq!(changes.changed, ["ghi-chu.txt"]);
}

#[test]
fn dates_deletions_renames_and_new_files_rebuild_like_a_fresh_build() {
    let mut f = Fixture::new("tests/fixtures/serve-site");
    // A new date reorders the category and its pagination.
    f.edit(ENTRY, "date = 2026-10-05", "date = 2026-11-20");
    f.update(&[ENTRY]);
    assert!(f.page("tin-tuc/index.html").contains("Hội nghị tập huấn"));

    // A rename: the old page disappears, the new one appears.
    let renamed = "content/tin-tuc/tap-huan-hoa-giai-vien.md";
    std::fs::rename(f.path(ENTRY), f.path(renamed)).unwrap();
    let (update, changes) = f.update(&[ENTRY, renamed]);
    assert_eq!(update.reparsed, [renamed]);
    assert!(
        changes
            .removed
            .contains(&"tin-tuc/hoi-nghi-tap-huan-hoa-giai/index.html".to_string())
    );
    assert!(
        changes
            .changed
            .contains(&"tin-tuc/tap-huan-hoa-giai-vien/index.html".to_string())
    );

    // A deletion, and a new entry.
    std::fs::remove_file(f.path("content/tin-tuc/ra-quan-tuyen-truyen.md")).unwrap();
    std::fs::write(
        f.path("content/hoi-dap/dang-ky-ket-hon.md"),
        "+++\ntitle = \"Đăng ký kết hôn ở đâu?\"\ndate = 2026-11-01\n+++\n\nTại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên.\n",
    )
    .unwrap();
    let (update, changes) = f.update(&[
        "content/tin-tuc/ra-quan-tuyen-truyen.md",
        "content/hoi-dap/dang-ky-ket-hon.md",
    ]);
    assert_eq!(update.reparsed, ["content/hoi-dap/dang-ky-ket-hon.md"]);
    assert!(
        changes
            .removed
            .contains(&"tin-tuc/ra-quan-tuyen-truyen/index.html".to_string())
    );
    // A new file in a bundle, a static file changed, an introduction edited.
    std::fs::write(
        f.path("content/tai-lieu/video-hoa-giai/bien-ban.pdf"),
        "%PDF-1.4\n",
    )
    .unwrap();
    std::fs::write(f.path("static/ghi-chu.txt"), "Đã sửa.\n").unwrap();
    f.edit(
        "content/tin-tuc/_index.md",
        "trên địa bàn xã",
        "trên địa bàn xã Nghi Phong",
    );
    let (_, changes) = f.update(&[
        "content/tai-lieu/video-hoa-giai/bien-ban.pdf",
        "static/ghi-chu.txt",
        "content/tin-tuc/_index.md",
    ]);
    assert!(
        changes
            .changed
            .contains(&"tai-lieu/video-hoa-giai/bien-ban.pdf".to_string())
    );
    assert!(changes.changed.contains(&"ghi-chu.txt".to_string()));

    // An attachment rewritten with the same size: its hash in sync.json
    // changes like in a fresh build (compared by `update`).
    let pdf = "content/tai-lieu/video-hoa-giai/bien-ban.pdf";
    let sync_before = f.page("sync.json");
    std::fs::write(f.path(pdf), "%PDF-1.7\n").unwrap();
    let (_, changes) = f.update(&[pdf]);
    assert!(changes.changed.contains(&"sync.json".to_string()));
    assert_ne!(f.page("sync.json"), sync_before);
}

#[test]
fn templates_and_site_toml_rebuild_everything() {
    let mut f = Fixture::new("tests/fixtures/serve-site");
    // A site template override appears.
    let base = pbgdpl::render::templates::BUILTIN
        .iter()
        .find(|(n, _)| *n == "partials/footer.html")
        .unwrap()
        .1;
    std::fs::create_dir_all(f.path("templates/partials")).unwrap();
    std::fs::write(
        f.path("templates/partials/footer.html"),
        format!("{base}<p class=\"ghi-chu\">Bản thử nghiệm</p>"),
    )
    .unwrap();
    let (update, changes) = f.update(&["templates/partials/footer.html"]);
    assert!(
        update.reparsed.is_empty(),
        "templates do not change content"
    );
    assert!(
        changes
            .changed
            .contains(&"tin-tuc/ngay-phap-luat-2026/index.html".to_string())
    );
    assert!(f.page("hoi-dap/index.html").contains("Bản thử nghiệm"));

    f.edit(
        "site.toml",
        "name = \"Ủy ban nhân dân xã Nghi Phong\"",
        "name = \"UBND xã Nghi Phong\"",
    );
    let (update, _) = f.update(&["site.toml"]);
    assert!(update.full);
    assert!(
        f.page("tin-tuc/ra-quan-tuyen-truyen/index.html")
            .contains("UBND xã Nghi Phong")
    );
}

#[test]
fn an_error_keeps_the_session_and_the_fix_recovers() {
    let mut f = Fixture::new("tests/fixtures/serve-site");
    let before = served(&f.store);
    f.edit(ENTRY, "date = 2026-10-05", "date = 2026-13-45");
    let Err(Error::Invalid(diags)) = f.update_paths(Some(&[ENTRY])) else {
        panic!("a bad date is an error");
    };
    let text = diags.render(false);
    assert!(text.contains(&format!("{ENTRY}:4:8")), "{text}");
    // The failed build committed nothing: the previous output is intact.
    assert_eq!(served(&f.store), before);
    // Another file changes while the error is still there: still an error.
    f.edit(
        "content/hoi-dap/quyen-thua-ke-dat-dai.md",
        "Bộ luật Dân sự năm 2015",
        "Bộ luật Dân sự 2015",
    );
    assert!(
        f.update_paths(Some(&["content/hoi-dap/quyen-thua-ke-dat-dai.md"]))
            .is_err()
    );
    f.edit(ENTRY, "date = 2026-13-45", "date = 2026-10-06");
    f.update(&[ENTRY]);

    // A broken template is reported, and fixed like content. An entry
    // edited in the same update is not lost when the fix comes alone.
    std::fs::create_dir_all(f.path("templates")).unwrap();
    std::fs::write(f.path("templates/404.html"), "{% if %}").unwrap();
    f.edit(ENTRY, "của 9 thôn", "của 9 thôn và 2 tổ dân phố");
    let err = f
        .update_paths(Some(&["templates/404.html", ENTRY]))
        .unwrap_err();
    assert!(matches!(err, Error::Template { .. }), "{err}");
    std::fs::remove_file(f.path("templates/404.html")).unwrap();
    f.update(&["templates/404.html"]);
    assert!(
        f.page("tin-tuc/hoi-nghi-tap-huan-hoa-giai/index.html")
            .contains("và 2 tổ dân phố")
    );
}

#[test]
fn the_demo_section_rebuilds_like_a_fresh_build() {
    // The repository's demo: bundles, data tables, every category.
    let mut f = Fixture::new(".");
    let entry = "content/hoi-dap/ke-khai-gia-hang-hoa-dich-vu.md";
    f.edit(entry, "+++\n\n", "+++\n\nĐoạn mở đầu mới.\n\n");
    let (update, _) = f.update(&[entry]);
    assert_eq!(update.reparsed, [entry]);
    let table = "content/thong-ke/bao-cao-vien.toml";
    let text = std::fs::read_to_string(f.path(table)).unwrap();
    std::fs::write(
        f.path(table),
        text.replacen("title = \"", "title = \"Mới: ", 1),
    )
    .unwrap();
    let (update, _) = f.update(&[table]);
    assert_eq!(update.reparsed, [table]);
    // A new document type and a new tag: new filter and tag pages, listed
    // in the sitemap.
    let letter = "content/huong-dan-chi-dao/cong-van-to-chuc-hoat-dong-ngay-phap-luat-2026.md";
    f.edit(
        letter,
        "document_type = \"Công văn\"",
        "document_type = \"Chỉ thị\"",
    );
    f.edit(
        letter,
        "tags = [\"Ngày Pháp luật\"",
        "tags = [\"Chỉ thị mới\", \"Ngày Pháp luật\"",
    );
    let (_, changes) = f.update(&[letter]);
    assert!(changes.changed.contains(&"sitemap.xml".to_string()));
    let sitemap = f.page("sitemap.xml");
    assert!(
        sitemap.contains("huong-dan-chi-dao/loai/chi-thi/"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("huong-dan-chi-dao/loai/cong-van/"));
    assert!(sitemap.contains("/the/chi-thi-moi/"));
}

#[test]
fn a_placeholder_typed_into_an_entry_is_warned_at_its_place_and_the_fix_clears_it() {
    let mut f = Fixture::new("tests/fixtures/serve-site");
    let text = std::fs::read_to_string(f.path(ENTRY)).unwrap();
    let before = format!("{text}\n");
    let line = before.matches('\n').count() + 1;
    std::fs::write(f.path(ENTRY), format!("{before}Họ tên báo cáo viên\n")).unwrap();
    let (update, _) = f.update(&[ENTRY]);
    assert_eq!(update.reparsed, [ENTRY], "only the edited file is read");
    let warnings = update.warnings.render(false);
    assert!(
        warnings.contains(&format!("{ENTRY}:{line}:1")),
        "{warnings}"
    );

    // Another entry's edit: the warning stays, the entry is not read again.
    let other = "content/tin-tuc/ra-quan-tuyen-truyen.md";
    f.edit(other, "date = 2026-09-01", "date = 2026-09-02");
    let (update, _) = f.update(&[other]);
    assert_eq!(update.reparsed, [other]);
    let warnings = update.warnings.render(false);
    assert!(
        warnings.contains(&format!("{ENTRY}:{line}:1")),
        "{warnings}"
    );

    std::fs::write(f.path(ENTRY), &text).unwrap();
    let (update, _) = f.update(&[ENTRY]);
    assert!(!update.warnings.render(false).contains(ENTRY));
}

#[test]
fn a_preview_renders_the_open_pages_first_then_the_whole_site_follows() {
    let mut f = Fixture::new("tests/fixtures/serve-site");
    // The oldest news item becomes the newest: the category's first page
    // (open in the browser) and its entry page change.
    let moved = "content/tin-tuc/ra-quan-tuyen-truyen.md";
    f.edit(moved, "date = 2026-09-01", "date = 2026-11-20");
    let open: std::collections::HashSet<String> = [
        "tin-tuc/index.html",
        "tin-tuc/ra-quan-tuyen-truyen/index.html",
        "no-such-page/index.html",
    ]
    .map(String::from)
    .into();
    let first = MemorySink::new();
    let main = f.store.writer();
    let calls = std::cell::Cell::new(0);
    let ready = || calls.set(calls.get() + 1);
    let preview = pbgdpl::pipeline::Preview {
        pages: &open,
        sink: &first,
        ready: &ready,
    };
    let changes = Changes::Paths(vec![f.path(moved)]);
    f.session
        .update_with(&changes, &main, &Silent, Some(&preview))
        .expect("the rebuild succeeds");
    f.store.commit(main);
    f.assert_same_as_fresh();
    assert_eq!(calls.get(), 1, "ready is called once");
    // The first pass wrote the open pages, as the full pass did, and
    // nothing else.
    let first = first.into_files();
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        [
            "tin-tuc/index.html",
            "tin-tuc/ra-quan-tuyen-truyen/index.html"
        ]
    );
    for (path, bytes) in &first {
        assert_eq!(f.page(path).as_bytes(), bytes.as_slice(), "{path}");
    }
    assert!(f.page("tin-tuc/index.html").contains("20/11/2026"));

    // A change to anything but an entry (a static file) is rendered in one
    // pass: no preview.
    std::fs::write(f.path("static/ghi-chu.txt"), "đã sửa").unwrap();
    let first = MemorySink::new();
    let preview = pbgdpl::pipeline::Preview {
        pages: &open,
        sink: &first,
        ready: &ready,
    };
    let main = f.store.writer();
    let changes = Changes::Paths(vec![f.path("static/ghi-chu.txt")]);
    f.session
        .update_with(&changes, &main, &Silent, Some(&preview))
        .expect("the rebuild succeeds");
    f.store.commit(main);
    assert_eq!(calls.get(), 1);
    assert!(first.into_files().is_empty());
    f.assert_same_as_fresh();
}

/// The files of the search index a store serves, by path under its
/// directory.
fn index_files(store: &Store) -> BTreeMap<String, Vec<u8>> {
    served(store)
        .into_iter()
        .filter_map(|(p, bytes)| {
            let rel = p.strip_prefix(pbgdpl::routes::SEARCH_INDEX_DIR)?;
            Some((rel.to_string(), bytes))
        })
        .collect()
}

/// A term's documents in one version of the index (its list may be in a
/// file of its own).
fn holders(files: &BTreeMap<String, Vec<u8>>, entry: &pbgdpl::search::read::Entry<'_>) -> Vec<u32> {
    use pbgdpl::search::read::Entry;
    let list = match entry {
        Entry::List(list) => list.to_vec(),
        Entry::File(hex) => files[&format!("p/{hex}.bin")].clone(),
    };
    pbgdpl::search::postings::decode(&list)
        .expect("a posting list")
        .iter()
        .map(|p| p.doc)
        .collect()
}

/// serve's rebuild after an edit of one entry keeps every file of the
/// index that does not hold that entry: only its fragments, its group and
/// the shards (and long lists) of terms it gained, lost or reweighted get
/// new names; the rest are kept, not written again.
#[test]
fn editing_one_entry_keeps_the_index_files_of_the_others() {
    use pbgdpl::search::read;
    let mut f = Fixture::new("tests/fixtures/serve-site");
    let before = index_files(&f.store);
    f.edit(
        ENTRY,
        "45 hòa giải viên của 9 thôn",
        "45 hòa giải viên của 9 thôn, cùng cán bộ khuyến nông",
    );
    let (update, changes) = f.update(&[ENTRY]);
    let after = index_files(&f.store);

    // The edited entry's number in the index: the one holding the new word.
    let manifest =
        pbgdpl::search::Manifest::from_page(&f.page("tim-kiem/index.html")).expect("a manifest");
    let reader = read::Reader::new(&manifest, |p| after.get(p).cloned()).unwrap();
    let found = reader.postings("khuyen").expect("the new word is indexed");
    assert_eq!(found.len(), 1);
    let doc = found[0].doc;

    let new: Vec<&String> = after.keys().filter(|p| !before.contains_key(*p)).collect();
    let kept = after.len() - new.len();
    assert!(!new.is_empty(), "the edit shows in the index");
    assert!(
        kept > new.len(),
        "{} new of {}: {new:?}",
        new.len(),
        after.len()
    );
    // What kept its name kept its bytes and was not written again.
    let dir = pbgdpl::routes::SEARCH_INDEX_DIR;
    for path in after.keys().filter(|p| before.contains_key(*p)) {
        assert_eq!(before[path], after[path], "{path}");
        assert!(
            !changes.changed.contains(&format!("{dir}{path}")),
            "{path} rewritten"
        );
    }
    let search = update
        .by_renderer
        .iter()
        .find(|r| r.name == "search")
        .expect("the search renderer ran");
    assert_eq!(
        search.kept, kept,
        "every unchanged file of the index is kept (the page shows new names)"
    );

    // Each new file belongs to the edited entry.
    let group = doc as usize / pbgdpl::search::index::GROUP;
    for path in &new {
        let name = path.rsplit('/').next().unwrap();
        match path.split('/').next().unwrap() {
            "f" => assert!(
                name.starts_with(&format!("{doc}.")),
                "{path}: another entry's fragment"
            ),
            "g" => assert!(
                name.starts_with(&format!("{group}.")),
                "{path}: another group"
            ),
            "p" => {}
            "s" => {
                // Every term whose entry differs from the same shard's
                // before holds the edited entry, before or after.
                let number = name.split('.').next().unwrap();
                let old = before
                    .iter()
                    .find(|(p, _)| p.starts_with(&format!("s/{number}.")))
                    .expect("the shard existed");
                let old_terms = read::shard(old.1).unwrap();
                let new_terms = read::shard(&after[*path]).unwrap();
                // A term's documents in either version (none where absent).
                let docs = |files: &BTreeMap<String, Vec<u8>>,
                            terms: &[(&str, read::Entry<'_>)],
                            t: &str| {
                    terms
                        .iter()
                        .find(|(u, _)| *u == t)
                        .map(|(_, e)| holders(files, e))
                        .unwrap_or_default()
                };
                let all: std::collections::BTreeSet<&str> = old_terms
                    .iter()
                    .chain(&new_terms)
                    .map(|(t, _)| *t)
                    .collect();
                let mut differing = 0;
                for t in all {
                    let (was, is) = (docs(&before, &old_terms, t), docs(&after, &new_terms, t));
                    if was != is {
                        differing += 1;
                        let changed: Vec<u32> = was
                            .iter()
                            .chain(&is)
                            .filter(|d| was.contains(d) != is.contains(d))
                            .copied()
                            .collect();
                        assert!(
                            changed.is_empty() || changed == [doc],
                            "{path}: term {t:?} changed for {changed:?}, not only {doc}"
                        );
                    } else {
                        let a = old_terms.iter().find(|(u, _)| *u == t).map(|(_, e)| e);
                        let b = new_terms.iter().find(|(u, _)| *u == t).map(|(_, e)| e);
                        if a != b {
                            differing += 1;
                        }
                    }
                }
                assert!(differing > 0, "{path} got a new name for nothing");
            }
            other => panic!("{path}: unexpected file in {other}/"),
        }
    }
}

#[test]
fn a_photo_replaced_under_the_same_name_is_published_anew() {
    use pbgdpl::images::sample;
    let mut f = Fixture::new("examples/ubnd-xa");
    let photo = "content/hoat-dong/huong-ung-ngay-phap-luat-2026/toa-dam-phap-luat-gan-dan.jpg";
    let published = "hoat-dong/huong-ung-ngay-phap-luat-2026/toa-dam-phap-luat-gan-dan-960.webp";
    let before = f.page_bytes(published);
    // Another picture of another size, under the same name: what the
    // content walk read of the file (its size and time) must be the new
    // file's, or the photo stage would take it for the old one.
    let other = sample::jpeg(&sample::photo(1100, 700, 7), 85, None);
    std::fs::write(f.path(photo), other).unwrap();
    f.update(&[photo]);
    assert_ne!(f.page_bytes(published), before);
}
