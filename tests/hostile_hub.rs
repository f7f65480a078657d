//! The hostile-hub suite: a province of agencies, most served on
//! 127.0.0.1 by a server that turns hostile (hangs, dribbles, floods,
//! bombs, redirects to `file:`, to an internal service or in a loop,
//! chains `next_url` forever, lies about schemas, ids, tombstones and
//! addresses, carries scripts, dates an entry 9999-12-31, drops kept-alive
//! connections, lists a statistics.json that floods, carries a script or
//! lies outside the section), a few read from local directories turned hostile (a named
//! pipe, symbolic links out, `/dev/zero`, percent-encoded paths), and one
//! local copy of another agency's section listed first. For each:
//!
//! - **bounded**: the run finishes (a generous cap, never a speed) and
//!   the source is marked failed for the right reason; the size cap holds
//!   (the reason says so) and the aggregator's peak memory stays far below
//!   what the hostile answers would need;
//! - **isolated**: the other agencies are published as usual, and the
//!   failing one keeps its last good copy;
//! - **said plainly**: the status page gives the reason in Vietnamese,
//!   without a byte of what was received (every hostile answer carries a
//!   secret marker that must appear in no hub file, state or log);
//! - **no script**: no hub page carries an executable script, event
//!   handler or `javascript:` link from agency data, no feed or search
//!   entry an unsafe address (the same hub is loaded in Chromium by
//!   tests/browser/hostile-hub.test.mjs).

mod hub_support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use hub_support::hostile::{Hostile, Mode, SECRET, reseal};
use hub_support::{Agency, PROVINCE_NAME, PROVINCE_URL, json, text, tree};
use scraper::{Html, Selector};
use serde_json::json;

/// The longest a run may take before the test calls it unbounded: far
/// above what it needs (every hostile source is cut at `total_seconds`),
/// so a busy machine never fails it.
const CAP: Duration = Duration::from_secs(400);
/// The agencies served over HTTP (the others are read from local
/// directories).
const SERVED: usize = 23;
/// `[fetch]` of the suite.
const TIMEOUT: u64 = 5;
const TOTAL: u64 = 12;

/// Runs `pbgdpl aggregate`, killing it past [`CAP`].
fn run_bounded(dir: &Path, now: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pbgdpl"))
        .args(["aggregate", "--out", "hub", "--now", now, "--lang", "en"])
        .current_dir(dir)
        .env_remove("PBGDPL_NOW")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > CAP {
            let _ = child.kill();
            panic!("pbgdpl aggregate did not finish within {CAP:?}: a source is unbounded");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The peak resident memory of this test's finished children, in MB.
fn children_peak_mb() -> u64 {
    // SAFETY: getrusage fills the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(r, 0);
    (usage.ru_maxrss as u64) / 1024
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn line_of<'a>(report: &'a str, id: &str) -> &'a str {
    report
        .lines()
        .find(|l| l.split_whitespace().nth(1) == Some(id))
        .unwrap_or_else(|| panic!("no line for {id} in:\n{report}"))
}

fn status_row(hub: &Path, id: &str) -> String {
    let html = text(&hub.join("tinh-trang/index.html"));
    let doc = Html::parse_document(&html);
    let sel = Selector::parse(&format!("#co-quan-{id}")).unwrap();
    doc.select(&sel)
        .next()
        .unwrap_or_else(|| panic!("no status row for {id}"))
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn ids(sync: &serde_json::Value) -> BTreeSet<String> {
    sync["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// Copies a built section to a directory of its own.
fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// A local section's `sync.json` with one more entry (so the hub reads
/// its feed), and `edit` applied.
fn change_local(dir: &Path, base: &str, edit: impl Fn(&mut serde_json::Value)) {
    let mut sync = json(&dir.join("sync.json"));
    let host = base.split('/').nth(2).unwrap();
    sync["entries"].as_array_mut().unwrap().push(json!({
        "id": format!("tag:{host},2019:/pbgdpl/tin-hostile"),
        "url": format!("{base}tin-tuc/tin-hostile/"),
        "category": "tin-tuc",
        "date_modified": "2026-11-21T00:00:00+07:00",
        "sha256": "0".repeat(64),
    }));
    reseal(&mut sync);
    edit(&mut sync);
    let path = dir.join("sync.json");
    let _ = std::fs::remove_file(&path);
    std::fs::write(path, serde_json::to_vec(&sync).unwrap()).unwrap();
}

fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

fn symlink(target: &Path, link: &Path) {
    let _ = std::fs::remove_file(link);
    std::os::unix::fs::symlink(target, link).unwrap();
}

/// Checks a fragment or page of HTML: no script (but, on `tim-kiem/`, the
/// index's manifest as JSON data and the theme's search client loaded from
/// `tim-kiem/i/search.<hash>.js`), no frame, no event handler, no address but
/// http(s), root-relative or a fragment.
fn assert_safe_html(what: &str, html: &str, scripts_allowed: bool) {
    let all = Selector::parse("*").unwrap();
    let doc = Html::parse_document(html);
    let client_file = regex::Regex::new(r"^/([^/]+/)*tim-kiem/i/search\.[0-9a-f]{8}\.js$").unwrap();
    for el in doc.select(&all) {
        let name = el.value().name();
        if name == "script" {
            let data = el.value().attr("type") == Some("application/json")
                && el.value().attr("src").is_none();
            let client = el
                .value()
                .attr("src")
                .is_some_and(|src| client_file.is_match(src));
            assert!(scripts_allowed && (data || client), "{what}: a <script>");
        }
        assert!(
            !matches!(name, "iframe" | "object" | "embed" | "frame"),
            "{what}: <{name}>"
        );
        for (attr, value) in el.value().attrs() {
            assert!(!attr.starts_with("on"), "{what}: {attr}= on <{name}>");
            if matches!(attr, "href" | "src" | "action" | "formaction" | "srcdoc") {
                let v = value.trim().to_ascii_lowercase();
                assert!(
                    v.starts_with("http://")
                        || v.starts_with("https://")
                        || (v.starts_with('/') && !v.starts_with("//"))
                        || v.starts_with('#'),
                    "{what}: {attr}={value:?} on <{name}>"
                );
            }
        }
    }
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every unsafe thing a hub page, feed or index could carry.
fn assert_no_script(hub: &Path) {
    let xml_content = regex::Regex::new(
        r"(?s)<(content|content:encoded)\b[^>]*>(.*?)</(content|content:encoded)>",
    )
    .unwrap();
    for (path, bytes) in tree(hub) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        assert!(
            !text.contains("INTERNAL-SECRET") && !text.contains("hunter2"),
            "{path} quotes what a hostile server sent"
        );
        assert!(
            !text.contains("javascript:"),
            "{path} carries a javascript: address"
        );
        if path.ends_with(".html") {
            assert_safe_html(&path, &text, path == "tim-kiem/index.html");
        } else if path.ends_with("feed.json") {
            let feed: serde_json::Value = serde_json::from_str(&text).unwrap();
            for item in feed["items"].as_array().unwrap() {
                let html = item["content_html"].as_str().unwrap_or("");
                assert_safe_html(&format!("{path} content_html"), html, false);
                assert!(item["url"].as_str().unwrap().starts_with("https://xa-"));
                for a in item["attachments"].as_array().into_iter().flatten() {
                    assert!(a["url"].as_str().unwrap().starts_with("https://xa-"));
                }
            }
        } else if path.ends_with(".xml") {
            for c in xml_content.captures_iter(&text) {
                assert_safe_html(&format!("{path} content"), &unescape_xml(&c[2]), false);
            }
        }
    }
    // Every address the search page sets as a.href: the fragments' `u`.
    let mut fragments = 0;
    for (path, bytes) in tree(hub) {
        if path.starts_with("tim-kiem/i/f/") {
            fragments += 1;
            let f: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            let u = f["u"].as_str().unwrap();
            assert!(u.starts_with("https://xa-"), "{path}: {u}");
        }
    }
    assert!(fragments > 0, "the hub's search index has fragments");
}

struct Case {
    id: &'static str,
    mode: Mode,
    /// What the terminal says (English), and the status page (Vietnamese).
    said: &'static [&'static str],
    page: &'static [&'static str],
}

#[test]
fn a_hub_survives_hostile_agencies() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let n = 27;
    let agencies: Vec<Agency> = (1..=n).map(|i| Agency::generate(&dir, i)).collect();
    std::thread::scope(|s| {
        for chunk in agencies.chunks(n.div_ceil(4)) {
            s.spawn(move || chunk.iter().for_each(Agency::build));
        }
    });
    let served: Vec<(String, PathBuf, String)> = agencies[..SERVED]
        .iter()
        .map(|a| (a.id.clone(), a.out.clone(), a.base_url.clone()))
        .collect();
    let server = Hostile::start(&served);
    let local = dir.join("local");
    for a in &agencies[SERVED..] {
        copy_dir(&a.out, &local.join(&a.id));
    }
    // A local copy of xa-02's section, listed first: a take-over attempt.
    copy_dir(&agencies[1].out, &local.join("mao-danh"));
    std::fs::write(dir.join("secret.txt"), SECRET).unwrap();

    let mut sources = format!(
        "[hub]\ntitle = \"{PROVINCE_NAME}\"\nbase_url = \"{PROVINCE_URL}\"\nentries_per_page = 10\nfeed_limit = 20\n\n[hub.agency]\nname = \"Sở Tư pháp tỉnh Thử Nghiệm\"\nurl = \"https://stp.thunghiem.gov.vn\"\n\n[fetch]\ntimeout_seconds = {TIMEOUT}\ntotal_seconds = {TOTAL}\nparallel = 32\n"
    );
    sources.push_str(&format!(
        "\n[[source]]\nid = \"mao-danh\"\nname = \"Cơ quan mạo danh\"\nsync = \"{}/\"\n",
        local.join("mao-danh").display()
    ));
    for a in &agencies[..SERVED] {
        sources.push_str(&format!(
            "\n[[source]]\nid = \"{}\"\nname = \"{}\"\nsync = \"{}\"\nbase_url = \"{}\"\n",
            a.id,
            a.name,
            server.sync_url(&a.id),
            a.base_url
        ));
    }
    for a in &agencies[SERVED..] {
        sources.push_str(&format!(
            "\n[[source]]\nid = \"{}\"\nname = \"{}\"\nsync = \"{}/\"\n",
            a.id,
            a.name,
            local.join(&a.id).display()
        ));
    }
    std::fs::write(dir.join("sources.toml"), sources).unwrap();
    let hub = dir.join("hub");

    // Run 1: everybody behaves, but the copy listed first is refused and
    // the owner publishes its section.
    let o = run_bounded(&dir, "2026-11-22T08:00:00+07:00");
    let report = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{report}");
    assert_eq!(report.matches("changed ").count(), n, "{report}");
    let line = line_of(&report, "mao-danh");
    assert!(
        line.starts_with("FAILED") && line.contains("belongs to the source `xa-02`"),
        "{line}"
    );
    assert!(
        status_row(&hub, "mao-danh").contains("Trùng chuyên mục với một nguồn khác"),
        "{}",
        status_row(&hub, "mao-danh")
    );
    let first = json(&hub.join("sync.json"));
    let published = ids(&first);
    for a in &agencies {
        assert!(a.ids().iter().all(|id| published.contains(id)), "{}", a.id);
    }

    // Run 2: they turn hostile.
    let cases = [
        Case {
            id: "xa-03",
            mode: Mode::Hang,
            said: &["no complete answer within 5 s"],
            page: &[
                "Không phản hồi trong thời gian chờ",
                "không nhận đủ dữ liệu trong 5 giây",
            ],
        },
        Case {
            id: "xa-04",
            mode: Mode::Slow,
            said: &["no complete answer within 5 s"],
            page: &["không nhận đủ dữ liệu trong 5 giây"],
        },
        Case {
            id: "xa-05",
            mode: Mode::Endless,
            said: &[],
            page: &[],
        },
        Case {
            id: "xa-06",
            mode: Mode::GzipBomb,
            said: &[],
            page: &[],
        },
        Case {
            id: "xa-07",
            mode: Mode::RedirectFile,
            said: &["redirects outside the source's address"],
            page: &["chuyển hướng ra ngoài địa chỉ của nguồn"],
        },
        Case {
            id: "xa-08",
            mode: Mode::RedirectElsewhere,
            said: &["redirects outside the source's address"],
            page: &["chuyển hướng ra ngoài địa chỉ của nguồn"],
        },
        Case {
            id: "xa-09",
            mode: Mode::RedirectLoop,
            said: &["more than 5 redirects, or a loop"],
            page: &["chuyển hướng quá 5 lần"],
        },
        Case {
            id: "xa-10",
            mode: Mode::EndlessChain,
            said: &["the feed chain is longer than"],
            page: &["chuỗi nguồn tin dài hơn"],
        },
        Case {
            id: "xa-11",
            mode: Mode::SlowChain,
            said: &["used up its 12 s (total_seconds in [fetch])"],
            page: &["dùng hết 12 giây"],
        },
        Case {
            id: "xa-12",
            mode: Mode::SsrfNextUrl,
            said: &["the next_url link leads outside the section"],
            page: &["liên kết next_url dẫn ra ngoài chuyên mục"],
        },
        Case {
            id: "xa-13",
            mode: Mode::WrongSchema,
            said: &["upgrade pbgdpl"],
            page: &["Dữ liệu không hợp lệ", "cần nâng cấp pbgdpl"],
        },
        Case {
            id: "xa-14",
            mode: Mode::CopyOf("xa-02".into()),
            said: &["not the address sources.toml gives for this source"],
            page: &["không phải địa chỉ chuyên mục ghi cho nguồn này"],
        },
        Case {
            id: "xa-15",
            mode: Mode::ForeignTombstone("xa-02".into()),
            said: &["tombstone 1 (deleted) is for another section's id"],
            page: &["bản ghi xóa thứ 1 (deleted) là của một chuyên mục khác"],
        },
        Case {
            id: "xa-16",
            mode: Mode::JavascriptItem,
            said: &["feed item 1 has an address"],
            page: &["mục thứ 1 trong nguồn tin có địa chỉ"],
        },
        Case {
            id: "xa-17",
            mode: Mode::JavascriptRecord,
            said: &["is not an http(s) address inside the section"],
            page: &["không phải địa chỉ http(s) trong chuyên mục"],
        },
        Case {
            id: "xa-21",
            mode: Mode::StatisticsFlood,
            said: &["statistics.json"],
            page: &["statistics.json (số liệu thống kê)"],
        },
        Case {
            id: "xa-22",
            mode: Mode::StatisticsScript,
            said: &["a text of statistics.json holds HTML"],
            page: &[
                "statistics.json (số liệu thống kê)",
                "một chữ trong statistics.json có mã HTML",
            ],
        },
        Case {
            id: "xa-23",
            mode: Mode::StatisticsOutside,
            said: &["the statistics.url link leads outside the section"],
            page: &["liên kết statistics.url dẫn ra ngoài chuyên mục"],
        },
    ];
    for c in &cases {
        server.set_mode(c.id, c.mode.clone());
    }
    server.set_mode("xa-18", Mode::ScriptContent);
    server.set_mode("xa-19", Mode::FutureDate);
    // Keep-alive: the agency publishes something new, so the hub reads its
    // feed over the connection the server then drops.
    let twenty = &agencies[19];
    twenty.add_news("tin-ke-tiep", "Tin kế tiếp của xã 20", "2026-11-21");
    twenty.build();
    server.set_mode("xa-20", Mode::ClosedKeepAlive);
    let (l24, l25, l26, l27) = (
        local.join("xa-24"),
        local.join("xa-25"),
        local.join("xa-26"),
        local.join("xa-27"),
    );
    change_local(&l24, &agencies[23].base_url, |_| {});
    mkfifo(&l24.join("feed.json"));
    change_local(&l25, &agencies[24].base_url, |_| {});
    symlink(&dir.join("secret.txt"), &l25.join("feed.json"));
    symlink(Path::new("/dev/zero"), &l26.join("sync.json"));
    let base27 = agencies[26].base_url.clone();
    change_local(&l27, &base27, |s| {
        s["feeds"]["json"] = json!(format!("{base27}%2F..%2F..%2F..%2Fsecret.txt"));
    });

    let o = run_bounded(&dir, "2026-11-22T09:00:00+07:00");
    let report = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{report}");
    assert!(
        !report.contains("INTERNAL-SECRET") && !report.contains("hunter2"),
        "the terminal report quotes a hostile answer:\n{report}"
    );
    let second = json(&hub.join("sync.json"));
    let now_published = ids(&second);
    let keeps_its_copy = |a: &Agency| {
        let row = status_row(&hub, &a.id);
        assert!(
            row.contains("Đang hiển thị bản dữ liệu tốt gần nhất"),
            "{}: {row}",
            a.id
        );
        for id in a.ids() {
            assert!(now_published.contains(&id), "{} lost {id}", a.id);
        }
    };
    let by_id = |id: &str| agencies.iter().find(|a| a.id == id).unwrap();
    for c in &cases {
        let line = line_of(&report, c.id);
        assert!(line.starts_with("FAILED"), "{line}");
        for s in c.said {
            assert!(line.contains(s), "{}: expected {s:?} in\n{line}", c.id);
        }
        let row = status_row(&hub, c.id);
        assert!(
            row.contains("Lỗi đồng bộ") && row.contains("Lý do:"),
            "{row}"
        );
        for s in c.page {
            assert!(row.contains(s), "{}: expected {s:?} in\n{row}", c.id);
        }
        keeps_its_copy(by_id(c.id));
    }
    // The size cap holds (or the time limit comes first on a slow
    // machine): never more than 64 MB read, 4 MB of a statistics.json.
    for (id, cap) in [("xa-05", 64), ("xa-06", 64), ("xa-21", 4)] {
        let line = line_of(&report, id);
        assert!(
            line.contains(&format!("larger than {cap} MB"))
                || line.contains("no complete answer within"),
            "{line}"
        );
    }
    let peak = children_peak_mb();
    eprintln!("peak memory of the aggregator: {peak} MB");
    assert!(
        peak < 1536,
        "the aggregator used {peak} MB: a hostile answer was read past the cap"
    );
    // No request ever reached the internal service.
    assert_eq!(
        server.internal_hits(),
        0,
        "the hub was led to the internal service"
    );
    // The victim keeps publishing; tombstones for it are not published.
    let deleted: BTreeSet<String> = second["deleted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    assert!(agencies[1].ids().iter().all(|id| !deleted.contains(id)));
    assert!(status_row(&hub, "xa-02").contains("Đồng bộ tốt"));

    // Accepted, but made harmless.
    for id in ["xa-18", "xa-19", "xa-20"] {
        let line = line_of(&report, id);
        assert!(line.starts_with("changed"), "{line}");
    }
    assert!(
        server.dropped() >= 1,
        "no kept-alive connection was dropped"
    );
    let pinned = "tag:xa-19.thunghiem.gov.vn,2019:/pbgdpl/tin-hostile";
    assert!(now_published.contains(pinned));
    let feed = json(&hub.join("feed.json"));
    assert!(
        feed["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["id"] != pinned),
        "an entry dated 9999-12-31 is listed"
    );
    assert!(
        status_row(&hub, "xa-19").contains("1 bài có ngày đăng sau thời điểm hiện tại"),
        "{}",
        status_row(&hub, "xa-19")
    );
    let news = text(&hub.join("tin-tuc/index.html"));
    assert!(
        news.contains("&lt;img src=x onerror="),
        "the title is shown as text"
    );

    // Local sources turned hostile.
    for (id, said, page) in [
        (
            "xa-24",
            "it is not a regular file",
            "không phải là một tệp thông thường",
        ),
        (
            "xa-25",
            "leads outside the source's directory",
            "đi ra ngoài thư mục của nguồn",
        ),
        (
            "xa-26",
            "leads outside the source's directory",
            "đi ra ngoài thư mục của nguồn",
        ),
        (
            "xa-27",
            "the feeds.json link leads outside",
            "liên kết feeds.json dẫn ra ngoài",
        ),
    ] {
        let line = line_of(&report, id);
        assert!(line.starts_with("FAILED") && line.contains(said), "{line}");
        assert!(
            status_row(&hub, id).contains(page),
            "{}",
            status_row(&hub, id)
        );
        keeps_its_copy(by_id(id));
    }
    for id in ["xa-01", "xa-02"] {
        assert!(!line_of(&report, id).starts_with("FAILED"), "{report}");
    }
    assert_no_script(&hub);
    let state = dir.join(".hub.pbgdpl-aggregate");
    for (path, bytes) in tree(&state) {
        let t = String::from_utf8_lossy(&bytes);
        assert!(
            !t.contains("INTERNAL-SECRET"),
            "state {path} keeps a hostile answer"
        );
    }

    // Run 3: they behave again, and everything is published.
    for a in &agencies[..SERVED] {
        server.set_mode(&a.id, Mode::Normal);
    }
    for a in &agencies[SERVED..] {
        let d = local.join(&a.id);
        std::fs::remove_dir_all(&d).unwrap();
        copy_dir(&a.out, &d);
    }
    let o = run_bounded(&dir, "2026-11-22T10:00:00+07:00");
    let report = stderr(&o);
    let failed: Vec<&str> = report.lines().filter(|l| l.starts_with("FAILED")).collect();
    assert_eq!(failed.len(), 1, "only the copy stays refused:\n{report}");
    assert!(failed[0].contains("mao-danh"), "{report}");
    assert_no_script(&hub);
}
