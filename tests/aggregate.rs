//! `pbgdpl aggregate`, as the provincial Department of Justice runs it:
//! agency sections generated and built with the library, served over HTTP
//! on 127.0.0.1 (one sending garbage, one never answering), aggregated
//! into the hub by the binary, rerun as a cron job would.

mod hub_support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use hub_support::{
    Agency, Mode, Server, aggregate, hub_toml, json, mtimes, served_source_toml, source_toml,
    stderr, text, tree,
};
use scraper::{Html, Selector};
use sha2::{Digest, Sha256};

/// Generated agencies, built, in a temporary directory.
struct Province {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    agencies: Vec<Agency>,
}

impl Province {
    fn new(n: usize, prepare: impl Fn(&Agency) + Sync) -> Province {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let agencies: Vec<Agency> = (1..=n).map(|i| Agency::generate(&dir, i)).collect();
        std::thread::scope(|s| {
            for chunk in agencies.chunks(n.div_ceil(4).max(1)) {
                let prepare = &prepare;
                s.spawn(move || {
                    for a in chunk {
                        prepare(a);
                        a.build();
                    }
                });
            }
        });
        Province {
            _tmp: tmp,
            dir,
            agencies,
        }
    }

    fn write_sources(&self, text: &str) {
        std::fs::write(self.dir.join("sources.toml"), text).unwrap();
    }

    fn hub(&self) -> PathBuf {
        self.dir.join("hub")
    }

    /// A run, its report in English (the tests read it).
    fn run(&self, now: &str) -> std::process::Output {
        aggregate(&self.dir, &["--out", "hub", "--now", now, "--lang", "en"])
    }
}

fn select(html: &str, selector: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn ids(sync: &serde_json::Value) -> BTreeSet<String> {
    sync["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn digest_of(sync: &serde_json::Value) -> String {
    Sha256::digest(serde_json::to_string(&sync["entries"]).unwrap().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every item of a JSON Feed chain, following `next_url` inside `hub`.
fn chain_items(hub: &Path, feed: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut next = Some(hub.join(feed));
    while let Some(path) = next.take() {
        let doc = json(&path);
        for item in doc["items"].as_array().unwrap() {
            out.push(item["id"].as_str().unwrap().to_string());
        }
        next = doc["next_url"]
            .as_str()
            .map(|u| hub.join(u.strip_prefix(hub_support::PROVINCE_URL).unwrap()));
    }
    out
}

fn status_row(hub: &Path, id: &str) -> String {
    select(
        &text(&hub.join("tinh-trang/index.html")),
        &format!("#co-quan-{id}"),
    )
    .pop()
    .unwrap_or_else(|| panic!("no status row for {id}"))
}

#[test]
fn a_hub_of_22_agencies_survives_garbage_and_silence_and_reruns_cheaply() {
    let province = Province::new(22, |a| {
        if a.id == "xa-03" {
            // This commune has published no policy dialogue (2.5).
            a.empty_category("doi-thoai");
        }
    });
    let server = Server::start(&province.agencies);
    server.set_mode("xa-21", Mode::Garbage);
    server.set_mode("xa-22", Mode::Silent);
    let mut sources = hub_toml(1);
    for a in &province.agencies {
        sources.push_str(&served_source_toml(a, &server));
    }
    province.write_sources(&sources);
    let hub = province.hub();

    // First run: 20 good agencies, one sending garbage, one silent.
    let o = province.run("2026-11-22T08:00:00+07:00");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert_eq!(err.matches("changed ").count(), 20, "{err}");
    let failed: Vec<&str> = err.lines().filter(|l| l.starts_with("FAILED")).collect();
    assert_eq!(failed.len(), 2, "{err}");
    assert!(
        failed[0].contains("xa-21") && failed[0].contains("it is not JSON"),
        "{err}"
    );
    assert!(
        failed[1].contains("xa-22") && failed[1].contains("no complete answer within 1 s"),
        "{err}"
    );
    assert!(
        failed[1].contains("no earlier copy: not published"),
        "{err}"
    );
    assert!(err.contains("hub: built"), "{err}");

    // The combined snapshot: every entry of the 20 good agencies, under
    // their own ids, valid digest.
    let sync = json(&hub.join("sync.json"));
    let mut expected = BTreeSet::new();
    for a in &province.agencies[..20] {
        expected.extend(a.ids());
    }
    assert_eq!(ids(&sync), expected);
    assert_eq!(sync["count"], expected.len());
    assert_eq!(sync["digest"], digest_of(&sync));
    assert_eq!(sync["site"]["base_url"], hub_support::PROVINCE_URL);
    assert_eq!(sync["site"]["agency"]["name"], "Sở Tư pháp tỉnh Thử Nghiệm");
    assert!(
        ids(&sync)
            .iter()
            .all(|id| !id.contains("xa-21") && !id.contains("xa-22"))
    );

    // The combined feed reaches every dated entry through its archives.
    let feed = json(&hub.join("feed.json"));
    assert_eq!(feed["items"].as_array().unwrap().len(), 20);
    assert!(feed["next_url"].is_string());
    let chain = chain_items(&hub, "feed.json");
    let unique: BTreeSet<&String> = chain.iter().collect();
    assert_eq!(unique.len(), chain.len(), "an item is in two documents");
    let undated = ["gioi-thieu", "danh-ba"];
    let dated = sync["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !undated.contains(&r["category"].as_str().unwrap()))
        .count();
    assert_eq!(chain.len(), dated);
    // The newest is the latest own news item (2026-11-20: xa-19).
    assert_eq!(
        feed["items"][0]["id"],
        "tag:xa-19.thunghiem.gov.vn,2019:/pbgdpl/tin-19"
    );
    let news = json(&hub.join("tin-tuc/feed.json"));
    assert!(
        news["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["_pbgdpl"]["category"] == "tin-tuc")
    );

    // Pages: one per agency, the combined lists, the status page.
    for a in &province.agencies {
        assert!(hub.join(format!("co-quan/{}/index.html", a.id)).is_file());
    }
    let news_page = text(&hub.join("tin-tuc/index.html"));
    let titles = select(&news_page, ".entry-list__title a");
    assert_eq!(titles.len(), 10);
    assert_eq!(titles[0], "Tin riêng của xã 19");
    // 20 agencies × (a sample and their own news) = 4 pages of 10.
    assert!(hub.join("tin-tuc/page/4/index.html").is_file());
    assert!(!hub.join("tin-tuc/page/5/index.html").exists());
    let agency_links = select(&news_page, ".entry-list__agency");
    assert_eq!(agency_links[0], "UBND xã Thử Nghiệm 19");

    let row = status_row(&hub, "xa-01");
    assert!(
        row.contains("Đồng bộ tốt") && row.contains("08:00 22/11/2026"),
        "{row}"
    );
    let row = status_row(&hub, "xa-21");
    assert!(row.contains("Lỗi đồng bộ: Dữ liệu không hợp lệ"), "{row}");
    assert!(row.contains("Chưa có dữ liệu"), "{row}");
    let row = status_row(&hub, "xa-22");
    assert!(
        row.contains("Lỗi đồng bộ: Không phản hồi trong thời gian chờ"),
        "{row}"
    );
    let status = text(&hub.join("tinh-trang/index.html"));
    let failed_rows = select(&status, "tr.status-table__failed th");
    assert_eq!(
        failed_rows,
        ["UBND xã Thử Nghiệm 21", "UBND xã Thử Nghiệm 22"]
    );
    // Decision 471: xa-03 has no entry in 2.5, and it is highlighted.
    let zero = select(&status, "#co-quan-xa-03 td.count--zero");
    assert_eq!(zero, ["0 (chưa có bài)"]);
    assert_eq!(select(&status, "td.count--zero").len(), 1);
    let summary = select(&status, ".hub-summary .hub-alert");
    assert!(
        summary[0].contains("UBND xã Thử Nghiệm 21, UBND xã Thử Nghiệm 22"),
        "{summary:?}"
    );
    assert!(summary[1].contains("UBND xã Thử Nghiệm 03"), "{summary:?}");

    // Second run, nothing changed: conditional GETs answered 304, no feed
    // fetched, nothing rebuilt.
    let before = mtimes(&hub);
    server.reset_counts();
    let o = province.run("2026-11-22T08:05:00+07:00");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(
        err.contains("hub: nothing changed since the last build"),
        "{err}"
    );
    assert_eq!(err.matches("(304 Not Modified)").count(), 20, "{err}");
    assert_eq!(before, mtimes(&hub), "an unchanged run rewrote the hub");
    let not_modified = server.not_modified();
    assert_eq!(not_modified.len(), 20);
    assert!(not_modified.iter().all(|p| p.ends_with("/sync.json")));
    let requests = server.requests();
    assert!(
        requests.iter().all(|r| r.path.ends_with("/sync.json")),
        "{requests:?}"
    );
    assert!(
        requests.iter().all(|r| r
            .user_agent
            .as_deref()
            .is_some_and(|a| a.starts_with("pbgdpl/") && a.contains("(aggregate; "))),
        "{requests:?}"
    );
    // Both validators of the last response are sent back (the two bad
    // sources never gave any).
    let conditional: Vec<_> = requests
        .iter()
        .filter(|r| r.if_none_match.is_some())
        .collect();
    assert_eq!(conditional.len(), 20, "{requests:?}");
    assert!(
        conditional
            .iter()
            .all(|r| r.if_modified_since.as_deref() == Some(hub_support::LAST_MODIFIED))
    );

    // A good source goes bad: its last good copy is kept and published.
    server.set_mode("xa-05", Mode::Garbage);
    let o = province.run("2026-11-22T08:10:00+07:00");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    let line = err.lines().find(|l| l.contains("xa-05")).unwrap();
    assert!(line.starts_with("FAILED"), "{line}");
    assert!(
        line.contains("publishing its last good copy")
            && line.contains("fetched 2026-11-22T08:00:00+07:00"),
        "{line}"
    );
    assert!(err.contains("hub: built"), "{err}");
    let sync = json(&hub.join("sync.json"));
    assert_eq!(
        ids(&sync),
        expected,
        "the failing agency's entries were lost"
    );
    let row = status_row(&hub, "xa-05");
    assert!(row.contains("Lỗi đồng bộ: Dữ liệu không hợp lệ"), "{row}");
    assert!(row.contains("Lỗi từ 08:10 22/11/2026"), "{row}");
    assert!(
        row.contains("Đang hiển thị bản dữ liệu tốt gần nhất"),
        "{row}"
    );
    assert!(
        row.contains("08:05 22/11/2026"),
        "last success is the 304 of 08:05: {row}"
    );
    let page = text(&hub.join("co-quan/xa-05/index.html"));
    assert!(page.contains("Tin riêng của xã 05"));

    // Still bad, differently (silent): still published.
    server.set_mode("xa-05", Mode::Silent);
    let o = province.run("2026-11-22T08:15:00+07:00");
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(ids(&json(&hub.join("sync.json"))), expected);
    assert!(status_row(&hub, "xa-05").contains("Lỗi từ 08:10 22/11/2026"));

    // It recovers, another agency publishes: only that one's feed is read.
    server.set_mode("xa-05", Mode::Normal);
    let seven = &province.agencies[6];
    seven.add_news("tin-moi", "Tin mới của xã 07", "2026-11-21");
    seven.build();
    server.reset_counts();
    let o = province.run("2026-11-22T08:20:00+07:00");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("changed") && l.contains("xa-07")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.starts_with("unchanged") && l.contains("xa-05")),
        "{err}"
    );
    let feeds_read: Vec<String> = server
        .requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| !p.ends_with("/sync.json"))
        .collect();
    assert_eq!(feeds_read, ["/xa-07/feed.json"]);
    let feed = json(&hub.join("feed.json"));
    assert_eq!(
        feed["items"][0]["id"],
        "tag:xa-07.thunghiem.gov.vn,2019:/pbgdpl/tin-moi"
    );
    assert_eq!(feed["items"][0]["title"], "Tin mới của xã 07");
    assert!(status_row(&hub, "xa-05").contains("Đồng bộ tốt"));
    assert_eq!(
        select(
            &text(&hub.join("tin-tuc/index.html")),
            ".entry-list__title a"
        )[0],
        "Tin mới của xã 07"
    );
}

#[test]
fn errors_in_sources_toml_are_reported_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    let bad = r#"[hub]
titel = "Trang PBGDPL tỉnh Thử Nghiệm"
base_url = "pbgdpl.thunghiem.gov.vn"
entries_per_page = 0

[hub.agency]
name = "Sở Tư pháp"

[fetch]
timeout_seconds = 900

[[source]]
name = "UBND xã A"
sync = "ftp://xa-a.example/sync.json"

[[source]]
name = "UBND xã B"
snyc = "https://xa-b.example/pbgdpl/sync.json"

[[source]]
id = "ubnd-xa-a"
name = "Trùng mã"
sync = "https://xa-c.example/pbgdpl/"
"#;
    std::fs::write(dir.path().join("sources.toml"), bad).unwrap();
    for lang in ["vi", "en"] {
        let o = aggregate(dir.path(), &["--out", "hub", "--lang", lang]);
        assert_eq!(o.status.code(), Some(1));
        hub_support_golden(&format!("aggregate/sources-errors.{lang}.txt"), &stderr(&o));
        assert!(!dir.path().join("hub").exists());
    }
}

/// Compares with `tests/golden/<name>` (`PBGDPL_BLESS=1` rewrites it).
fn hub_support_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("PBGDPL_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with PBGDPL_BLESS=1", path.display()));
    assert_eq!(actual, expected, "stderr differs from {}", path.display());
}

fn local_sources(province: &Province) -> String {
    let a = &province.agencies;
    // The three ways of pointing at a local build: the directory, the
    // sync.json file, the feed.json file.
    hub_toml(5)
        + &source_toml(&a[0].id, &a[0].name, &format!("{}/", a[0].out.display()))
        + &source_toml(
            &a[1].id,
            &a[1].name,
            &a[1].out.join("sync.json").display().to_string(),
        )
        + &format!(
            "\n[[source]]\nid = \"{}\"\nname = \"{}\"\nfeed = \"{}\"\n",
            a[2].id,
            a[2].name,
            a[2].out.join("feed.json").display()
        )
}

#[test]
fn local_builds_aggregate_into_the_same_bytes_every_time() {
    let province = Province::new(3, |_| {});
    province.write_sources(&local_sources(&province));
    let now = "2026-11-22T09:30:00+07:00";
    let first = aggregate(&province.dir, &["--out", "one", "--now", now]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let second = aggregate(&province.dir, &["--out", "two", "--now", now]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let (a, b) = (
        tree(&province.dir.join("one")),
        tree(&province.dir.join("two")),
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two runs");
    }
    let sync = json(&province.dir.join("one/sync.json"));
    let mut expected = BTreeSet::new();
    for ag in &province.agencies {
        expected.extend(ag.ids());
    }
    assert_eq!(ids(&sync), expected);
    // The default state directory sits beside the output.
    assert!(
        province
            .dir
            .join(".one.pbgdpl-aggregate/state.json")
            .is_file()
    );
    assert!(
        province
            .dir
            .join(".one.pbgdpl-aggregate/sources/xa-03/sync.json")
            .is_file()
    );

    // --force rebuilds even when nothing changed, from the kept copies
    // (feed items read back from the state directory): the same bytes.
    let o = aggregate(&province.dir, &["--out", "one", "--now", now, "--force"]);
    assert!(stderr(&o).contains("trang tỉnh: đã tạo"), "{}", stderr(&o));
    assert!(
        a == tree(&province.dir.join("one")),
        "a rebuild from the kept copies differs"
    );
    let o = aggregate(&province.dir, &["--out", "one", "--now", now]);
    assert!(
        stderr(&o).contains("trang tỉnh: không có gì thay đổi"),
        "{}",
        stderr(&o)
    );
    // Editing sources.toml (the hub's own settings) rebuilds.
    let edited = local_sources(&province).replace("entries_per_page = 10", "entries_per_page = 3");
    province.write_sources(&edited);
    let o = aggregate(&province.dir, &["--out", "one", "--now", now]);
    assert!(stderr(&o).contains("trang tỉnh: đã tạo"), "{}", stderr(&o));
    assert!(province.dir.join("one/tin-tuc/page/2/index.html").is_file());
}

/// The terminal report of `aggregate`, a line per source and the summary,
/// in Vietnamese (the default) and English.
#[test]
fn the_report_is_in_vietnamese_and_in_english() {
    let province = Province::new(2, |_| {});
    let missing = province.dir.join("khong-co/");
    province.write_sources(
        &(local_sources_two(&province)
            + &source_toml("xa-09", "UBND xã Chín", &missing.display().to_string())),
    );
    let now = "2026-11-22T09:30:00+07:00";
    let ms = regex::Regex::new(r"\d+ ms").unwrap();
    for (lang, args) in [("vi", &[][..]), ("en", &["--lang", "en"][..])] {
        let out = format!("hub-{lang}");
        let mut all = vec!["--out", out.as_str(), "--now", now];
        all.extend(args);
        let first = aggregate(&province.dir, &all);
        assert_eq!(first.status.code(), Some(3), "{}", stderr(&first));
        let again = aggregate(&province.dir, &all);
        let report = format!("{}{}", stderr(&first), stderr(&again))
            .replace(&province.dir.display().to_string(), "<dir>");
        hub_support_golden(
            &format!("aggregate/report.{lang}.txt"),
            &ms.replace_all(&report, "N ms"),
        );
    }
}

#[test]
fn data_tables_alone_meet_clause_2_7_on_the_status_page() {
    // Both agencies publish no statistics report; the first keeps its
    // statistics as a data table only.
    let province = Province::new(2, |a| {
        a.empty_category("thong-ke");
        if a.id == "xa-01" {
            std::fs::write(
                a.root.join("content/thong-ke/bao-cao-vien.toml"),
                "title = \"Số báo cáo viên pháp luật\"\ncolumns = [\"Năm\", \"Số người\"]\nrows = [[\"2026\", \"4\"]]\n",
            )
            .unwrap();
        }
    });
    let sync = json(&province.agencies[0].out.join("sync.json"));
    assert_eq!(sync["statistics"]["data_tables"], 1);
    province.write_sources(&local_sources_two(&province));
    let o = province.run("2026-11-22T10:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let status = text(&province.hub().join("tinh-trang/index.html"));
    assert!(
        select(&status, "#co-quan-xa-01 td.count--zero").is_empty(),
        "{status}"
    );
    assert_eq!(
        select(&status, "#co-quan-xa-02 td.count--zero"),
        ["0 (chưa có bài)"]
    );
}

#[test]
fn a_tampered_snapshot_is_refused_and_the_good_copy_kept() {
    let province = Province::new(2, |_| {});
    province.write_sources(&local_sources_two(&province));
    let o = province.run("2026-11-22T10:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Someone edits a record by hand: the digest no longer matches.
    let path = province.agencies[1].out.join("sync.json");
    let original = text(&path);
    let tampered = original.replacen("\"category\": \"tin-tuc\"", "\"category\": \"khac\"", 1);
    assert_ne!(original, tampered);
    std::fs::write(&path, tampered).unwrap();
    let o = province.run("2026-11-22T10:05:00+07:00");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(err.contains("is not the SHA-256 of its entries"), "{err}");
    let sync = json(&province.hub().join("sync.json"));
    assert_eq!(
        ids(&sync).len(),
        province.agencies[0].ids().len() + province.agencies[1].ids().len()
    );
    // A schema violation is refused too, with the path of the bad value.
    std::fs::write(
        &path,
        original.replacen(
            &format!("\"schema_version\": \"{}\"", pbgdpl::sync::SCHEMA_VERSION),
            "\"schema_version\": \"1\"",
            1,
        ),
    )
    .unwrap();
    let o = province.run("2026-11-22T10:10:00+07:00");
    let err = stderr(&o);
    assert!(
        err.contains("does not follow schemas/sync.v1.json: /schema_version"),
        "{err}"
    );
}

fn local_sources_two(province: &Province) -> String {
    let a = &province.agencies;
    hub_toml(5)
        + &source_toml(&a[0].id, &a[0].name, &format!("{}/", a[0].out.display()))
        + &source_toml(&a[1].id, &a[1].name, &format!("{}/", a[1].out.display()))
}

#[test]
fn deletions_reach_the_hub_snapshot_as_tombstones() {
    let province = Province::new(2, |_| {});
    province.write_sources(&local_sources_two(&province));
    let o = province.run("2026-11-22T10:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Agency 1 deletes its own news entry: its tombstone reaches the hub.
    let one = &province.agencies[0];
    std::fs::remove_file(one.root.join("content/tin-tuc/tin-01.md")).unwrap();
    one.build();
    let o = province.run("2026-11-23T10:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let sync = json(&province.hub().join("sync.json"));
    let gone = "tag:xa-01.thunghiem.gov.vn,2019:/pbgdpl/tin-01";
    assert!(!ids(&sync).contains(gone));
    let deleted = sync["deleted"].as_array().unwrap();
    assert_eq!(deleted.len(), 1, "{deleted:?}");
    assert_eq!(deleted[0]["id"], gone);
    assert_eq!(deleted[0]["deleted_at"], "2026-11-22T00:00:00+07:00");
    let atom = text(&province.hub().join("atom.xml"));
    assert!(
        atom.contains(&format!("<at:deleted-entry ref=\"{gone}\"")),
        "{atom}"
    );

    // Agency 2 is removed from the list: its entries are tombstoned by the
    // hub on the day of the run, and stay so.
    let two_ids = province.agencies[1].ids();
    let a = &province.agencies;
    province.write_sources(
        &(hub_toml(5) + &source_toml(&a[0].id, &a[0].name, &format!("{}/", a[0].out.display()))),
    );
    let o = province.run("2026-11-24T07:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let sync = json(&province.hub().join("sync.json"));
    let deleted: Vec<(String, String)> = sync["deleted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().into(),
                t["deleted_at"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(deleted.len(), 1 + two_ids.len());
    for id in &two_ids {
        assert!(
            deleted.contains(&(id.clone(), "2026-11-24T00:00:00+07:00".into())),
            "{id} has no tombstone"
        );
    }
    assert!(!province.hub().join("co-quan/xa-02").exists());

    // Even with the state directory lost, the tombstones carry over from
    // the published sync.json.
    std::fs::remove_dir_all(province.dir.join(".hub.pbgdpl-aggregate")).unwrap();
    let o = province.run("2026-11-25T07:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let again = json(&province.hub().join("sync.json"));
    assert_eq!(again["deleted"], sync["deleted"]);

    // The state directory cannot live inside the output (each build
    // replaces the output).
    let o = aggregate(&province.dir, &["--out", "hub", "--state", "hub/state"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("không được nằm trong thư mục kết quả"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_second_run_on_the_same_state_stops_without_changing_anything() {
    let province = Province::new(3, |_| {});
    province.write_sources(&local_sources(&province));
    let o = province.run("2026-11-22T07:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hub_before = std::fs::read(province.hub().join("sync.json")).unwrap();
    let state = province.dir.join(".hub.pbgdpl-aggregate");
    let state_before = std::fs::read(state.join("state.json")).unwrap();

    // Another run holds the lock (as a run still going would).
    let held = std::fs::OpenOptions::new()
        .write(true)
        .open(state.join("lock"))
        .unwrap();
    held.try_lock().expect("the lock is free between runs");
    let o = aggregate(
        &province.dir,
        &["--out", "hub", "--now", "2026-11-23T07:00:00+07:00"],
    );
    assert_eq!(o.status.code(), Some(2));
    hub_support_golden("aggregate/busy.vi.txt", &stderr(&o));
    assert_eq!(
        std::fs::read(province.hub().join("sync.json")).unwrap(),
        hub_before
    );
    assert_eq!(
        std::fs::read(state.join("state.json")).unwrap(),
        state_before
    );

    // Once it is released (the other run ended), runs go on.
    drop(held);
    let o = province.run("2026-11-23T07:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn the_same_section_listed_twice_is_a_conflict_not_a_duplicate() {
    let province = Province::new(1, |_| {});
    let a = &province.agencies[0];
    let dir = format!("{}/", a.out.display());
    province.write_sources(
        &(hub_toml(5) + &source_toml("mot", "Một", &dir) + &source_toml("hai", "Hai", &dir)),
    );
    let o = province.run("2026-11-22T10:00:00+07:00");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    let line = err.lines().find(|l| l.contains("hai")).unwrap();
    assert!(
        line.starts_with("FAILED") && line.contains("belongs to the source `mot`"),
        "{err}"
    );
    let sync = json(&province.hub().join("sync.json"));
    assert_eq!(sync["count"], a.ids().len());
    assert!(status_row(&province.hub(), "hai").contains("Trùng chuyên mục với một nguồn khác"));
}

#[test]
fn docs_aggregate_md_documents_every_key_and_its_example_is_valid() {
    let doc = text(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/aggregate.md"));
    for key in pbgdpl::aggregate::sources::KEYS {
        let row = doc.lines().filter(|l| l.starts_with('|')).find(|l| {
            [
                format!("`{}`", key.name),
                format!("`[{}]`", key.name),
                format!("`[[{}]]`", key.name),
                format!("`[hub.{}]`", key.name),
            ]
            .iter()
            .any(|form| {
                l.split('|')
                    .nth(1)
                    .is_some_and(|cell| cell.contains(form.as_str()))
            })
        });
        let row = row.unwrap_or_else(|| panic!("docs/aggregate.md has no row for `{}`", key.name));
        assert!(
            row.contains(key.alias),
            "the row of `{}` does not give its alias {}: {row}",
            key.name,
            key.alias
        );
    }
    let start = doc
        .find("```toml title=\"sources.toml\"\n")
        .expect("the example");
    let body = &doc[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    let body = &body[..body.find("```").unwrap()];
    let src = pbgdpl::source::SourceFile::from_text("sources.toml", "sources.toml".into(), body);
    let mut diags = pbgdpl::Diagnostics::new();
    let config =
        pbgdpl::aggregate::sources::HubConfig::parse(&src, Path::new("/etc/pbgdpl"), &mut diags)
            .unwrap_or_else(|| panic!("{}", diags.render(false)));
    assert!(diags.is_empty(), "{}", diags.render(false));
    // The example sets every key (so it shows them all).
    for key in pbgdpl::aggregate::sources::KEYS {
        assert!(
            body.lines().any(|l| {
                let l = l.trim_start();
                l.starts_with(&format!("{} =", key.name))
                    || l.starts_with(&format!("[{}]", key.name))
                    || l.starts_with(&format!("[[{}]]", key.name))
                    || l.starts_with(&format!("[hub.{}]", key.name))
            }),
            "the example does not use `{}`",
            key.name
        );
    }
    assert_eq!(config.sources.len(), 4);
    assert_eq!(config.sources[1].id, "nghi-loc");
    assert_eq!(
        config.sources[1].sync.to_string(),
        "https://nghiloc.nghean.gov.vn/pbgdpl/sync.json"
    );
    assert_eq!(
        config.sources[2].sync.to_string(),
        "https://portal.example.gov.vn/pbgdpl/sync.json"
    );
    assert_eq!(
        config.sources[3].sync.to_string(),
        "/srv/pbgdpl/stp/public/sync.json"
    );
    // The error shown in the document is what the golden test prints (the
    // document is in English).
    let golden = text(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/aggregate/sources-errors.en.txt"),
    );
    let shown = doc.split("```text\n").nth(1).unwrap();
    let shown = &shown[..shown.find("```").unwrap()];
    assert!(
        golden.contains(shown),
        "docs/aggregate.md shows an error the program does not print:\n{shown}"
    );
}

#[test]
fn a_hub_that_cannot_be_built_is_an_error_and_the_previous_one_stays() {
    let province = Province::new(1, |_| {});
    let a = &province.agencies[0];
    province.write_sources(
        &(hub_toml(5) + &source_toml(&a.id, &a.name, &format!("{}/", a.out.display()))),
    );
    let o = province.run("2026-11-22T10:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = tree(&province.hub());
    // A broken template override beside sources.toml.
    let templates = province.dir.join("templates/hub");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("status.html"), "{% if %}").unwrap();
    let o = aggregate(
        &province.dir,
        &[
            "--out",
            "hub",
            "--now",
            "2026-11-22T10:05:00+07:00",
            "--force",
            "--lang",
            "en",
        ],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.starts_with("error: template"), "{err}");
    assert!(
        before == tree(&province.hub()),
        "the previous hub was touched"
    );
}

#[test]
fn help_documents_every_flag() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_pbgdpl"))
        .args(["aggregate", "--help"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    for flag in [
        "--sources",
        "--out",
        "--state",
        "--now",
        "PBGDPL_NOW",
        "--force",
        "--quiet",
    ] {
        assert!(
            help.contains(flag),
            "`pbgdpl aggregate --help` documents {flag}:\n{help}"
        );
    }
}

#[test]
fn a_mistake_in_sources_toml_never_deletes_published_data() {
    let province = Province::new(2, |_| {});
    province.write_sources(&local_sources_two(&province));
    let o = province.run("2026-11-22T10:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hub_before = tree(&province.hub());
    let state = province.dir.join(".hub.pbgdpl-aggregate");
    let state_before = text(&state.join("state.json"));
    // A blank address (once read as "no source", which turned all of its
    // published entries into deletions), a blank id, and a name that
    // gives no id (once the agency's page replaced co-quan/index.html).
    let a = &province.agencies;
    let broken = hub_toml(5)
        + &source_toml(&a[0].id, &a[0].name, &format!("{}/", a[0].out.display()))
        + "\n[[source]]\nid = \"xa-02\"\nname = \"UBND xã Thử Nghiệm 02\"\nsync = \"\"\n"
        + "\n[[source]]\nid = \"  \"\nname = \"UBND xã C\"\nsync = \"c/\"\n"
        + "\n[[source]]\nname = \"---\"\nsync = \"d/\"\n"
        + "\n[[source]]\nname = \"UBND xã E\"\nsync = \"e/\"\nbase_url = \"\"\n";
    province.write_sources(&broken);
    for lang in ["vi", "en"] {
        let now = "2026-11-23T10:00:00+07:00";
        let o = aggregate(
            &province.dir,
            &["--out", "hub", "--now", now, "--lang", lang],
        );
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        hub_support_golden(
            &format!("aggregate/sources-never-delete.{lang}.txt"),
            &stderr(&o),
        );
        assert!(hub_before == tree(&province.hub()), "the hub was touched");
        assert_eq!(text(&state.join("state.json")), state_before);
    }
}

#[test]
fn two_sections_on_one_host_but_different_ports_are_two_sections() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut sources = hub_toml(5);
    for port in [8001, 8002] {
        let root = dir.join(format!("s{port}/src"));
        let out = dir.join(format!("s{port}/public"));
        pbgdpl::init::init(
            &root,
            &pbgdpl::init::InitOptions {
                agency: format!("Cơ quan {port}"),
                agency_url: format!("http://127.0.0.1:{port}"),
                province_name: hub_support::PROVINCE_NAME.into(),
                province_url: hub_support::PROVINCE_URL.into(),
                base_url: format!("http://127.0.0.1:{port}/pbgdpl/"),
                today: chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            },
        )
        .unwrap();
        let options = pbgdpl::BuildOptions {
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
            ..Default::default()
        };
        pbgdpl::build(&root, Some(&out), &options).unwrap();
        sources.push_str(&source_toml(
            &format!("co-quan-{port}"),
            &format!("Cơ quan {port}"),
            &format!("{}/", out.display()),
        ));
    }
    std::fs::write(dir.join("sources.toml"), sources).unwrap();
    let o = aggregate(dir, &["--out", "hub", "--now", "2026-11-22T08:00:00+07:00"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let sync = json(&dir.join("hub/sync.json"));
    let all = ids(&sync);
    for port in [8001, 8002] {
        let prefix = format!("tag:127.0.0.1,2019::{port}/pbgdpl/");
        assert!(all.iter().any(|id| id.starts_with(&prefix)), "{all:?}");
    }
}

#[test]
fn an_entry_dated_in_the_future_is_held_back_until_its_day() {
    let province = Province::new(1, |_| {});
    let a = &province.agencies[0];
    // The agency's feed dates one entry 2026-12-01 (and its record says
    // it changed), as a slip of the keyboard would.
    let sync_path = a.out.join("sync.json");
    let feed_path = a.out.join("feed.json");
    let mut sync = json(&sync_path);
    let mut feed = json(&feed_path);
    let item = feed["items"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i["_pbgdpl"]["category"] == "tin-tuc")
        .unwrap();
    item["date_published"] = serde_json::json!("2026-12-01T00:00:00+07:00");
    item["title"] = serde_json::json!("Tin ghi nhầm ngày");
    let id = item["id"].as_str().unwrap().to_string();
    for r in sync["entries"].as_array_mut().unwrap() {
        if r["id"] == id.as_str() {
            r["sha256"] = serde_json::json!("1".repeat(64));
        }
    }
    hub_support::hostile::reseal(&mut sync);
    std::fs::write(&sync_path, serde_json::to_vec(&sync).unwrap()).unwrap();
    std::fs::write(&feed_path, serde_json::to_vec(&feed).unwrap()).unwrap();
    province.write_sources(
        &(hub_toml(5) + &source_toml(&a.id, &a.name, &format!("{}/", a.out.display()))),
    );
    let listed = |province: &Province| {
        chain_items(&province.hub(), "feed.json").contains(&id)
            || text(&province.hub().join("tin-tuc/index.html")).contains("Tin ghi nhầm ngày")
    };

    let o = province.run("2026-11-22T08:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !listed(&province),
        "an entry dated 2026-12-01 is listed on 22/11"
    );
    assert!(ids(&json(&province.hub().join("sync.json"))).contains(&id));
    assert!(
        status_row(&province.hub(), &a.id).contains("1 bài có ngày đăng sau thời điểm hiện tại"),
        "{}",
        status_row(&province.hub(), &a.id)
    );
    // Nothing changed at the agency: a run before its day rebuilds nothing.
    let o = province.run("2026-11-28T08:00:00+07:00");
    assert!(stderr(&o).contains("nothing changed"), "{}", stderr(&o));
    // The day before (within the tolerance of a day), the hub is rebuilt
    // and lists it.
    let o = province.run("2026-11-30T08:00:00+07:00");
    assert!(stderr(&o).contains("hub: built"), "{}", stderr(&o));
    assert!(
        listed(&province),
        "the entry is not listed once its day came"
    );
    assert!(!status_row(&province.hub(), &a.id).contains("ngày đăng sau"));
    let o = province.run("2026-11-30T09:00:00+07:00");
    assert!(stderr(&o).contains("nothing changed"), "{}", stderr(&o));
}

/// The province's report (`bao-cao/`): linked from the home and status
/// pages, counts an activity on the day it is held (the hub is rebuilt
/// that day though no agency changed), shows what agencies wrote as text
/// only, and keeps spreadsheets from running it.
#[test]
fn the_report_counts_activities_when_held_and_shows_names_as_text() {
    let province = Province::new(2, |a| {
        if a.id == "xa-01" {
            std::fs::write(
                a.root.join("content/hoat-dong/tap-huan.md"),
                "+++\nid = \"tap-huan\"\ntitle = \"Tập huấn\"\ndate = 2026-11-20\nstatus = \"approved\"\nheld_on = 2026-12-05\nparticipants = 70\nreporters = [\"<script>alert(1)</script>\", \"=1+2\"]\n+++\n\nTập huấn cho tuyên truyền viên.\n",
            )
            .unwrap();
        }
    });
    province.write_sources(&local_sources_two(&province));
    let o = province.run("2026-11-22T10:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hub = province.hub();
    for page in ["index.html", "tinh-trang/index.html"] {
        assert!(
            !select(&text(&hub.join(page)), "main a[href='/bao-cao/']").is_empty(),
            "{page} links to the report"
        );
    }
    let year = json(&hub.join("bao-cao/2026/bao-cao-2026.json"));
    let held_later = year["agencies"][0]["figures"]["participants"].clone();
    let before = year["total"]["activities"].as_u64().unwrap();

    // The next day: nothing is due, nothing is rebuilt.
    let o = province.run("2026-11-23T10:00:00+07:00");
    assert!(stderr(&o).contains("nothing changed"), "{}", stderr(&o));
    // The day it is held: counted, though no agency changed.
    let o = province.run("2026-12-05T10:00:00+07:00");
    assert!(!stderr(&o).contains("nothing changed"), "{}", stderr(&o));
    let year = json(&hub.join("bao-cao/2026/bao-cao-2026.json"));
    assert_eq!(year["total"]["activities"].as_u64().unwrap(), before + 1);
    assert_eq!(
        year["agencies"][0]["figures"]["participants"].as_u64(),
        held_later.as_u64().map(|n| n + 70)
    );
    let names: Vec<&str> = year["reporters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"<script>alert(1)</script>"), "{names:?}");
    let page = text(&hub.join("bao-cao/2026/index.html"));
    assert!(!page.contains("<script>alert(1)"), "markup from an agency");
    assert!(
        select(&page, "#bao-cao-vien ~ div th[scope=row]")
            .iter()
            .any(|n| n == "<script>alert(1)</script>"),
        "shown as text"
    );
    let csv = text(&hub.join("bao-cao/2026/bao-cao-vien-2026.csv"));
    assert!(csv.contains("'=1+2"), "{csv}");
    // A new quarter has its page from its first day.
    let o = province.run("2027-01-01T08:00:00+07:00");
    assert!(!stderr(&o).contains("nothing changed"), "{}", stderr(&o));
    assert!(hub.join("bao-cao/2027-quy-1/index.html").is_file());
    assert!(
        hub.join("bao-cao/2027-quy-1/bao-cao-2027-quy-1.csv")
            .is_file()
    );
}

/// The inode of every file under `dir`: a file kept from the previous
/// build is the same file (hard-linked into the new output).
fn inodes(dir: &Path) -> std::collections::BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().display().to_string();
            (path, e.metadata().unwrap().ino())
        })
        .collect()
}

/// The hub goes through the section's build loop: a rebuild keeps every
/// file whose job did not change (pages, feeds, the snapshot alike) and
/// renders the others, and the result is what a fresh build gives.
#[test]
fn a_rebuilt_hub_keeps_what_did_not_change_and_equals_a_fresh_build() {
    let province = Province::new(2, |_| {});
    province.write_sources(&local_sources_two(&province));
    let now = "2026-11-22T10:00:00+07:00";
    let o = province.run(now);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hub = province.hub();
    let (first, first_files) = (inodes(&hub), tree(&hub));

    // Nothing changed, rebuilt anyway: every file is kept as it was.
    let o = aggregate(&province.dir, &["--out", "hub", "--now", now, "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(tree(&hub), first_files);
    let remade: Vec<String> = inodes(&hub)
        .into_iter()
        .filter(|(path, ino)| first.get(path) != Some(ino))
        .map(|(path, _)| path)
        .collect();
    assert!(
        remade.is_empty(),
        "made again with nothing changed: {remade:?}"
    );

    // Agency 1 publishes a news entry: what shows it is made again, agency
    // 2's own page is kept, and the hub is what a fresh build makes.
    let one = &province.agencies[0];
    one.add_news("tin-moi", "Tin mới của xã", "2026-11-21");
    one.build();
    let o = province.run(now);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = inodes(&hub);
    let two_page = format!("co-quan/{}/index.html", province.agencies[1].id);
    assert_eq!(
        after[&two_page], first[&two_page],
        "agency 2's page was kept"
    );
    assert_ne!(
        after["feed.json"], first["feed.json"],
        "the feed shows the entry"
    );
    assert!(text(&hub.join("feed.json")).contains("Tin mới của xã"));
    let o = aggregate(&province.dir, &["--out", "fresh", "--now", now]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (kept, fresh) = (tree(&hub), tree(&province.dir.join("fresh")));
    assert_eq!(
        kept.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &kept {
        assert!(bytes == &fresh[path], "{path} differs from a fresh build");
    }
}

/// Rewrites an agency's published `statistics.json` and the hash its
/// `sync.json` gives for it (`listed`: the bytes the hash is taken of).
fn publish_statistics(agency: &Agency, bytes: &[u8], listed: &[u8]) {
    std::fs::write(agency.out.join("statistics.json"), bytes).unwrap();
    let path = agency.out.join("sync.json");
    let mut sync = json(&path);
    let sha: String = Sha256::digest(listed)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    sync["statistics"]["sha256"] = serde_json::Value::String(sha);
    std::fs::write(&path, serde_json::to_vec_pretty(&sync).unwrap()).unwrap();
}

/// Issue 14 item 2, hub side: the hub fetches an agency's
/// `statistics.json` when its hash changes, keeps the admitted copy in its
/// state and counts its data tables; a hostile one (too big, another
/// hash, not JSON, nested too deep, breaking the schema, markup in a text)
/// is refused with a reason on the status page and in the terminal report
/// (goldens in Vietnamese and English), and the previous copy stays.
#[test]
fn a_hostile_statistics_json_is_refused_and_the_kept_copy_stays() {
    let province = Province::new(2, |a| {
        a.empty_category("thong-ke");
        if a.id == "xa-01" {
            std::fs::write(
                a.root.join("content/thong-ke/bao-cao-vien.toml"),
                "title = \"Báo cáo viên pháp luật\"\ncolumns = [\"Họ tên\", \"Năm\"]\nrows = [[\"Nguyễn Văn An\", \"2026\"]]\n",
            )
            .unwrap();
        }
    });
    province.write_sources(&local_sources_two(&province));
    let o = province.run("2026-11-22T10:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let kept_path = province
        .dir
        .join(".hub.pbgdpl-aggregate/sources/xa-01/statistics.json");
    let kept = std::fs::read(&kept_path).expect("the admitted statistics are kept");
    assert_eq!(
        json(&kept_path)["statistics"]["data_tables"][0]["rows"][0][0],
        "Nguyễn Văn An"
    );
    let hub = province.hub();
    let status = text(&hub.join("tinh-trang/index.html"));
    assert!(select(&status, "#co-quan-xa-01 td.count--zero").is_empty());
    let report = json(&hub.join("bao-cao/2026/bao-cao-2026.json"));
    assert_eq!(report["agencies"][0]["data_tables"], 1);
    assert_eq!(report["agencies"][1]["data_tables"], 0);

    let a = &province.agencies[0];
    let good = std::fs::read(a.out.join("statistics.json")).unwrap();
    let text_of = |v: &serde_json::Value| serde_json::to_vec(v).unwrap();
    let mut script = serde_json::from_slice::<serde_json::Value>(&good).unwrap();
    script["data_tables"][0]["rows"][0][0] = "<script>alert(1)</script>".into();
    let mut unschemed = serde_json::from_slice::<serde_json::Value>(&good).unwrap();
    unschemed["data_tables"] = "Bảng số liệu".into();
    let deep = format!("{}1{}", "[".repeat(50), "]".repeat(50));
    let big = [
        &good[..good.len() - 2],
        &vec![b' '; 5 * 1024 * 1024],
        b"}\n",
    ]
    .concat();
    let cases: Vec<(&str, Vec<u8>, Vec<u8>, &str)> = vec![
        ("too big", big.clone(), big, "lớn hơn 4 MB"),
        (
            "another hash",
            text_of(&script),
            [&good[..], b" "].concat(),
            "mã SHA-256 khác",
        ),
        (
            "not JSON",
            b"{\"schema_version\": ".to_vec(),
            b"{\"schema_version\": ".to_vec(),
            "không phải JSON",
        ),
        (
            "too deep",
            deep.clone().into_bytes(),
            deep.into_bytes(),
            "sâu hơn 16 tầng",
        ),
        (
            "schema",
            text_of(&unschemed),
            text_of(&unschemed),
            "/data_tables vi phạm quy tắc",
        ),
        ("script", text_of(&script), text_of(&script), "có mã HTML"),
    ];
    let (mut said_en, mut said_vi) = (String::new(), String::new());
    let dir = province.dir.display().to_string();
    let line_of = |o: &std::process::Output| -> String {
        let report = stderr(o);
        let line = report
            .lines()
            .find(|l| l.contains("xa-01"))
            .unwrap_or_else(|| panic!("no line for xa-01 in:\n{report}"));
        format!("{}\n", line.replace(&dir, "<dir>"))
    };
    for (n, (what, bytes, listed, reason)) in cases.into_iter().enumerate() {
        publish_statistics(a, &bytes, &listed);
        let o = province.run(&format!("2026-11-22T11:{n:02}:00+07:00"));
        assert_eq!(o.status.code(), Some(3), "{what}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("statistics.json"),
            "{what}: {}",
            stderr(&o)
        );
        said_en.push_str(&line_of(&o));
        let vi = aggregate(
            &province.dir,
            &[
                "--out",
                "hub",
                "--now",
                &format!("2026-11-22T11:{n:02}:30+07:00"),
            ],
        );
        assert_eq!(vi.status.code(), Some(3), "{what}: {}", stderr(&vi));
        said_vi.push_str(&line_of(&vi));
        let row = status_row(&hub, "xa-01");
        assert!(
            row.contains("statistics.json (số liệu thống kê)") && row.contains(reason),
            "{what}: {row}"
        );
        assert_eq!(
            std::fs::read(&kept_path).unwrap(),
            kept,
            "{what}: kept copy"
        );
        let status = text(&hub.join("tinh-trang/index.html"));
        assert!(
            select(&status, "#co-quan-xa-01 td.count--zero").is_empty(),
            "{what}: the kept data table still counts"
        );
        assert!(!status.contains("alert(1)"), "{what}");
    }
    assert_no_alert(&hub);
    hub_support_golden("aggregate/statistics-refused.en.txt", &said_en);
    hub_support_golden("aggregate/statistics-refused.vi.txt", &said_vi);

    // A good new copy is admitted again.
    let mut more = serde_json::from_slice::<serde_json::Value>(&good).unwrap();
    let table = more["data_tables"][0].clone();
    more["data_tables"].as_array_mut().unwrap().push(table);
    let bytes = text_of(&more);
    publish_statistics(a, &bytes, &bytes);
    let o = province.run("2026-11-22T12:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = json(&hub.join("bao-cao/2026/bao-cao-2026.json"));
    assert_eq!(report["agencies"][0]["data_tables"], 2);
    let admitted = std::fs::read(&kept_path).unwrap();

    // A state without the kept copy (as before the hub kept statistics):
    // the unchanged snapshot's statistics.json is fetched and kept again.
    std::fs::remove_file(&kept_path).unwrap();
    let o = province.run("2026-11-22T13:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read(&kept_path).unwrap(), admitted);
}

/// No file of the hub carries what a hostile agency sent as markup.
fn assert_no_alert(hub: &Path) {
    for (path, bytes) in tree(hub) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("alert(1)"),
            "{path} carries the agency's script"
        );
    }
}

/// Issue 14: an agency replaces the mp3 of an audio book; the hub, which
/// polls it over HTTP on 127.0.0.1, publishes a new hash for that entry
/// only — every other byte of its combined `sync.json` stays the same —
/// and the new file's hash in its feeds.
#[test]
fn a_replaced_audio_file_changes_only_its_entry_in_the_hub_snapshot() {
    let province = Province::new(2, |a| {
        if a.id == "xa-01" {
            let dir = a.root.join("content/tai-lieu/sach-noi");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(
                dir.join("index.md"),
                "+++\nid = \"sach-noi\"\ntitle = \"Sách nói: Luật Hòa giải ở cơ sở\"\ndate = 2026-11-10\nstatus = \"approved\"\nkind = \"Sách nói\"\n\n[media]\naudio = \"chuong-1.mp3\"\n+++\n\nBản đọc Chương I.\n",
            )
            .unwrap();
            std::fs::write(dir.join("chuong-1.mp3"), b"ID3 audio v1").unwrap();
        }
    });
    let server = Server::start(&province.agencies);
    let sources = hub_toml(10)
        + &province
            .agencies
            .iter()
            .map(|a| served_source_toml(a, &server))
            .collect::<String>();
    province.write_sources(&sources);
    let o = province.run("2026-11-22T10:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hub = province.hub();
    let before = text(&hub.join("sync.json"));

    let a = &province.agencies[0];
    let v2 = b"ID3 audio v2, read again by another voice";
    std::fs::write(a.root.join("content/tai-lieu/sach-noi/chuong-1.mp3"), v2).unwrap();
    a.build();
    let o = province.run("2026-11-22T11:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = text(&hub.join("sync.json"));

    let (b, c): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&before).unwrap(),
        serde_json::from_str(&after).unwrap(),
    );
    let entries = |v: &serde_json::Value| -> Vec<(String, String)> {
        v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["id"].as_str().unwrap().to_string(),
                    r["sha256"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let (old, new) = (entries(&b), entries(&c));
    assert_eq!(old.len(), new.len());
    let changed: Vec<&(String, String)> = old
        .iter()
        .zip(&new)
        .filter(|(x, y)| x != y)
        .map(|(x, _)| x)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    let (id, old_sha) = changed[0];
    assert!(id.ends_with("/sach-noi"), "{id}");
    let new_sha = &new.iter().find(|(i, _)| i == id).unwrap().1;
    // Everything else, byte for byte: only the entry's hash and the digest
    // of the entries changed.
    let expected = before
        .replace(old_sha.as_str(), new_sha)
        .replace(b["digest"].as_str().unwrap(), c["digest"].as_str().unwrap());
    assert_eq!(expected, after);
    // The hub's feed carries the new file's hash.
    let feed = json(&hub.join("feed.json"));
    let item = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id.as_str())
        .unwrap();
    let mp3 = item["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["url"].as_str().unwrap().ends_with(".mp3"))
        .unwrap();
    let v2_sha: String = Sha256::digest(v2)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(mp3["_pbgdpl"]["sha256"], v2_sha.as_str());
    assert_eq!(mp3["size_in_bytes"], v2.len());

    // A state that lost (or never had) the kept statistics.json: the
    // agency's server answers 304 for sync.json, and the hub still fetches
    // the statistics it lists and keeps them.
    let kept = province
        .dir
        .join(".hub.pbgdpl-aggregate/sources/xa-01/statistics.json");
    let before = std::fs::read(&kept).expect("the statistics are kept");
    std::fs::remove_file(&kept).unwrap();
    server.reset_counts();
    let o = province.run("2026-11-22T12:00:00+07:00");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        server
            .not_modified()
            .contains(&"/xa-01/sync.json".to_string()),
        "{:?}",
        server.not_modified()
    );
    assert!(
        server
            .requests()
            .iter()
            .any(|r| r.path == "/xa-01/statistics.json"),
        "{:?}",
        server.requests()
    );
    assert_eq!(std::fs::read(&kept).unwrap(), before);
    assert_eq!(text(&hub.join("sync.json")), after);
}

#[test]
fn the_hub_search_shows_the_agencies_photos_as_thumbnails() {
    let title = "Hội nghị tuyên truyền có ảnh";
    let province = Province::new(2, |a| {
        if a.id != "xa-01" {
            return;
        }
        let dir = a.root.join("content/tin-tuc/hoi-nghi-co-anh");
        std::fs::create_dir_all(&dir).unwrap();
        let photo = pbgdpl::images::sample::photo(800, 600, 3);
        std::fs::write(
            dir.join("hoi-truong.jpg"),
            pbgdpl::images::sample::jpeg(&photo, 85, None),
        )
        .unwrap();
        std::fs::write(
            dir.join("index.md"),
            format!(
                "+++\nid = \"hoi-nghi-co-anh\"\ntitle = \"{title}\"\ndate = 2026-11-20\nstatus = \"approved\"\nimage = \"hoi-truong.jpg\"\nimage_alt = \"Hội trường đông người\"\n+++\n\nNội dung hội nghị.\n"
            ),
        )
        .unwrap();
    });
    let a = &province.agencies;
    province.write_sources(
        &(hub_toml(5)
            + &source_toml(&a[0].id, &a[0].name, &format!("{}/", a[0].out.display()))
            + &source_toml(&a[1].id, &a[1].name, &format!("{}/", a[1].out.display()))),
    );
    let run = province.run("2026-11-22T09:30:00+07:00");
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let hub = province.hub();
    // The thumbnails are the agency's own files (the hub copies no
    // picture), WebP and JPEG, by full URL.
    let thumb = "https://xa-01.thunghiem.gov.vn/pbgdpl/tin-tuc/hoi-nghi-co-anh/hoi-truong-320";
    let mut seen = 0;
    for e in std::fs::read_dir(hub.join("tim-kiem/i/f")).unwrap() {
        let f = json(&e.unwrap().path());
        if f["t"] == title {
            assert_eq!(f["i"], format!("{thumb}.jpg"), "{f}");
            assert_eq!(f["w"], format!("{thumb}.webp"), "{f}");
            seen += 1;
        } else {
            assert!(f.get("i").is_none() && f.get("w").is_none(), "{f}");
        }
    }
    assert!(seen > 0, "the entry with a photo is not in the hub's index");
    for ext in ["jpg", "webp"] {
        assert!(
            a[0].out
                .join(format!("tin-tuc/hoi-nghi-co-anh/hoi-truong-320.{ext}"))
                .is_file()
        );
    }
    // The hub's feed passes them on.
    let feed = json(&hub.join("feed.json"));
    let item = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == title)
        .expect("the entry in the hub's feed");
    let thumbnails = &item["_pbgdpl"]["image"]["thumbnails"];
    assert_eq!(thumbnails[0]["url"], format!("{thumb}.webp"));
    assert_eq!(thumbnails[1]["url"], format!("{thumb}.jpg"));
    // Media RSS in the hub's RSS and Atom names the JPEG thumbnail (the
    // one every feed reader shows), with its size.
    for feed in ["rss.xml", "atom.xml"] {
        let xml = text(&hub.join(feed));
        assert!(
            xml.contains(&format!(
                "<media:thumbnail url=\"{thumb}.jpg\" width=\"320\" height=\"240\"/>"
            )),
            "{feed}: {xml}"
        );
    }
}
