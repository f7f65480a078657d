//! sync.json as a consumer sees it: one record per published entry, a
//! digest, tombstones for deletions (also in Atom), and rebuilds that
//! change exactly what changed.

mod feeds_support;
mod support;

use std::io::{Read, Write};
use std::net::TcpListener;

use feeds_support::{TestSite, gid, records, tree};
use sha2::{Digest, Sha256};

const DELETED_AT: &str = "2026-11-22T00:00:00+07:00";

#[test]
fn the_snapshot_lists_every_published_entry_and_its_digest() {
    let site = TestSite::new("feeds");
    site.build();
    let sync = site.json("sync.json");
    assert_eq!(sync["schema_version"], pbgdpl::sync::SCHEMA_VERSION);
    assert_eq!(
        sync["$schema"],
        "https://stp.example.gov.vn/pbgdpl/schemas/sync.v1.json"
    );
    assert_eq!(
        sync["site"]["province"]["name"],
        "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Thử Nghiệm"
    );
    assert_eq!(
        sync["feeds"]["atom"],
        "https://stp.example.gov.vn/pbgdpl/atom.xml"
    );
    let recs = records(&sync);
    let ids: Vec<&String> = recs.keys().collect();
    let mut expected: Vec<String> = [
        "gt-001",
        "hd-001",
        "kh-001",
        "tin-tuc/tap-huan",
        "tt-000",
        "tt-001",
        "vb-001",
    ]
    .iter()
    .map(|l| gid(l))
    .collect();
    expected.sort();
    assert_eq!(ids, expected.iter().collect::<Vec<_>>());
    assert_eq!(sync["count"], 7);
    let news = &recs[&gid("tin-tuc/tap-huan")];
    assert_eq!(
        news["url"],
        "https://stp.example.gov.vn/pbgdpl/tin-tuc/tap-huan/"
    );
    assert_eq!(news["category"], "tin-tuc");
    assert_eq!(news["date_modified"], "2026-03-01T00:00:00+07:00");
    assert_eq!(
        recs[&gid("gt-001")]["date_modified"],
        serde_json::Value::Null
    );
    assert_eq!(news["sha256"].as_str().unwrap().len(), 64);
    // The digest is the SHA-256 of the canonical (sorted keys, no spaces)
    // JSON of the entries array.
    let canonical = serde_json::to_string(&sync["entries"]).unwrap();
    let digest: String = Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(sync["digest"], digest);
    assert_eq!(sync["deleted"], serde_json::json!([]));
}

#[test]
fn an_edit_changes_only_that_record_and_the_digest() {
    let site = TestSite::new("feeds");
    site.build();
    let before = site.json("sync.json");
    site.edit(
        "content/hoi-dap/thue.md",
        "date = 2026-01-20\n",
        "date = 2026-01-20\nupdated = 2026-02-02\n",
    );
    site.edit(
        "content/hoi-dap/thue.md",
        "phương pháp kê khai.",
        "phương pháp kê khai, từ ngày 01/01/2026.",
    );
    site.build();
    let after = site.json("sync.json");
    let (b, a) = (records(&before), records(&after));
    assert_eq!(b.keys().collect::<Vec<_>>(), a.keys().collect::<Vec<_>>());
    for (id, rb) in &b {
        let ra = &a[id];
        if *id == gid("hd-001") {
            assert_ne!(rb["sha256"], ra["sha256"]);
            assert_eq!(rb["date_modified"], "2026-01-20T00:00:00+07:00");
            assert_eq!(ra["date_modified"], "2026-02-02T00:00:00+07:00");
            assert_eq!(rb["url"], ra["url"]);
        } else {
            assert_eq!(rb, ra, "{id} changed");
        }
    }
    assert_ne!(before["digest"], after["digest"]);
    assert_eq!(after["deleted"], serde_json::json!([]));

    // A change of an attached file is a change of the entry too.
    let h = |s: &serde_json::Value| records(s)[&gid("vb-001")]["sha256"].clone();
    std::fs::write(
        site.src("content/van-ban-moi/nghi-dinh-1/toan-van.pdf"),
        b"%PDF-1.4\n% v2\n",
    )
    .unwrap();
    site.build();
    assert_ne!(h(&after), h(&site.json("sync.json")));
}

#[test]
fn a_rebuild_of_the_same_input_is_byte_identical() {
    let site = TestSite::new("feeds");
    site.build();
    let first = tree(&site.out);
    let other = site.out.with_file_name("again");
    site.build_with(&other, &site.options());
    let second = tree(&other);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(bytes == &second[path], "{path} differs between two builds");
    }
    // Rebuilding over the previous output changes nothing either.
    site.build();
    assert!(
        first == tree(&site.out),
        "rebuilding in place changed the output"
    );
}

#[test]
fn a_deleted_entry_leaves_a_tombstone_that_persists() {
    let site = TestSite::new("feeds");
    site.build();
    std::fs::remove_file(site.src("content/khac/ghi-chu.md")).unwrap();
    site.build();
    let sync = site.json("sync.json");
    assert!(!records(&sync).contains_key(&gid("kh-001")));
    assert_eq!(
        sync["deleted"],
        serde_json::json!([{
            "id": gid("kh-001"),
            "deleted_at": DELETED_AT,
            "url": "https://stp.example.gov.vn/pbgdpl/khac/ghi-chu/",
            "category": "khac",
        }])
    );
    let tombstone = format!(
        "<at:deleted-entry ref=\"{}\" when=\"{DELETED_AT}\"/>",
        gid("kh-001")
    );
    assert!(site.read("atom.xml").contains(&tombstone));
    assert!(site.read("khac/atom.xml").contains(&tombstone));
    assert!(!site.read("tin-tuc/atom.xml").contains("deleted-entry"));
    for (path, bytes) in tree(&site.out) {
        if path.ends_with("feed.json") || path.ends_with("rss.xml") {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("Ghi chú khác"),
                "{path}"
            );
        }
    }

    // A later build (another day) carries the tombstone with its first date.
    let mut later = site.options();
    later.today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
    site.build_with(&site.out, &later);
    let sync = site.json("sync.json");
    assert_eq!(sync["deleted"][0]["deleted_at"], DELETED_AT);
    assert!(site.read("atom.xml").contains(&tombstone));

    // Publishing it again lifts the tombstone.
    std::fs::write(
        site.src("content/khac/ghi-chu.md"),
        "+++\nid = \"kh-001\"\ntitle = \"Ghi chú khác\"\ndate = 2025-12-01\n+++\n\nĐăng lại.\n",
    )
    .unwrap();
    site.build_with(&site.out, &later);
    let sync = site.json("sync.json");
    assert_eq!(sync["deleted"], serde_json::json!([]));
    assert!(records(&sync).contains_key(&gid("kh-001")));
}

#[test]
fn unpublishing_an_entry_is_a_deletion() {
    let site = TestSite::new("feeds");
    site.build();
    site.edit(
        "content/hoi-dap/thue.md",
        "+++\nid",
        "+++\nstatus = \"review\"\nid",
    );
    site.build();
    let sync = site.json("sync.json");
    assert_eq!(sync["deleted"][0]["id"], gid("hd-001"));
}

#[test]
fn previous_from_a_path_records_deletions_in_a_fresh_output() {
    let site = TestSite::new("feeds");
    site.build();
    let published = site.out.with_file_name("published-sync.json");
    std::fs::copy(site.out.join("sync.json"), &published).unwrap();
    std::fs::remove_file(site.src("content/tin-tuc/cu.md")).unwrap();
    let fresh = site.out.with_file_name("fresh");
    let mut options = site.options();
    options.previous = Some(published.display().to_string());
    site.build_with(&fresh, &options);
    let sync: serde_json::Value =
        serde_json::from_str(&feeds_support::read(&fresh, "sync.json")).unwrap();
    assert_eq!(sync["deleted"][0]["id"], gid("tt-000"));
    // Without --previous a fresh output knows of no deletion.
    let blank = site.out.with_file_name("blank");
    site.build_with(&blank, &site.options());
    assert!(feeds_support::read(&blank, "sync.json").contains("\"deleted\": []"));
}

/// Serves `body` once on 127.0.0.1 and returns its URL.
fn serve_once(status: &'static str, body: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let response = format!(
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes());
        }
    });
    format!("http://127.0.0.1:{port}/pbgdpl/sync.json")
}

#[test]
fn previous_from_a_url_is_fetched() {
    let site = TestSite::new("feeds");
    site.build();
    let url = serve_once("200 OK", site.read("sync.json"));
    std::fs::remove_file(site.src("content/tin-tuc/cu.md")).unwrap();
    let fresh = site.out.with_file_name("fresh");
    let mut options = site.options();
    options.previous = Some(url);
    site.build_with(&fresh, &options);
    let sync = feeds_support::read(&fresh, "sync.json");
    assert!(
        sync.contains(&format!(
            "\"id\": \"{}\",\n      \"deleted_at\"",
            gid("tt-000")
        )),
        "{sync}"
    );
}

#[test]
fn an_unusable_previous_stops_the_build_and_keeps_the_output() {
    let site = TestSite::new("feeds");
    site.build();
    let before = tree(&site.out);
    let url = serve_once("404 Not Found", "no".to_string());
    let mut options = site.options();
    options.previous = Some(url.clone());
    match pbgdpl::build(&site.root, Some(&site.out), &options) {
        Err(e @ pbgdpl::Error::Previous { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains(&url) && msg.contains("404"), "{msg}");
        }
        other => panic!("expected an error, got {other:?}"),
    }
    let garbage = site.out.with_file_name("garbage.json");
    std::fs::write(&garbage, "<html>not json</html>").unwrap();
    options.previous = Some(garbage.display().to_string());
    let err = pbgdpl::build(&site.root, Some(&site.out), &options).unwrap_err();
    assert!(
        err.to_string()
            .contains("không phải tệp sync.json của pbgdpl"),
        "{err}"
    );
    assert!(
        before == tree(&site.out),
        "a failed build touched the output"
    );
}

#[test]
fn a_damaged_sync_json_in_the_output_is_a_warning() {
    let site = TestSite::new("feeds");
    site.build();
    std::fs::write(site.out.join("sync.json"), "{ broken").unwrap();
    let report = site.build();
    let w: Vec<_> = report
        .warnings
        .iter()
        .filter(|d| d.code == "previous-snapshot")
        .collect();
    assert_eq!(w.len(), 1);
    assert!(
        w[0].message
            .contains("các bài đã xóa từ lần tạo trang trước sẽ không được ghi nhận")
    );
    assert_eq!(site.json("sync.json")["count"], 7);
}

#[test]
fn schemas_are_published_with_the_site() {
    let site = TestSite::new("feeds");
    site.build();
    for name in ["sync.v1.json", "jsonfeed-pbgdpl.v1.json"] {
        let published = site.read(&format!("schemas/{name}"));
        let repo = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("schemas")
                .join(name),
        )
        .unwrap();
        assert_eq!(published, repo);
    }
}

#[test]
fn the_command_line_takes_previous_and_reports_a_missing_file() {
    let site = TestSite::new("feeds");
    let missing = site.out.with_file_name("nowhere.json");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_pbgdpl"))
        .args(["build", "--quiet", "--color", "never", "--root"])
        .arg(&site.root)
        .arg("--out")
        .arg(&site.out)
        .arg("--previous")
        .arg(&missing)
        .env("PBGDPL_TODAY", "2026-11-22")
        .env("PBGDPL_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot use the previous snapshot"),
        "{stderr}"
    );
    assert!(stderr.contains("nowhere.json"), "{stderr}");
    assert!(
        !site.out.exists(),
        "nothing is written when the build stops"
    );
}

#[test]
fn a_preview_for_another_address_leaves_no_tombstones() {
    let site = TestSite::new("feeds");
    let mut preview = site.options();
    preview.base_url = Some("http://127.0.0.1:8000/pbgdpl/".into());
    site.build_with(&site.out, &preview);
    assert!(
        site.read("sync.json")
            .contains("tag:127.0.0.1,2019::8000/pbgdpl/")
    );
    site.build();
    let sync = site.json("sync.json");
    assert_eq!(sync["deleted"], serde_json::json!([]));
    assert!(records(&sync).contains_key(&gid("hd-001")));
}
