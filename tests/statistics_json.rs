//! Statistics travel upward: `statistics.json` carries the figures computed
//! from the published entries and every data table of `content/thong-ke/`,
//! and `sync.json` lists it with the SHA-256 of its bytes.

mod feeds_support;
mod support;

use feeds_support::TestSite;
use sha2::{Digest, Sha256};

const BASE: &str = "https://stp.example.gov.vn/pbgdpl/";

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

const TABLE: &str = r#"title = "Số báo cáo viên pháp luật"
description = "Theo năm"
columns = ["Năm", "Số báo cáo viên"]
rows = [
  ["2025", "12"],
  ["2026", "15"],
]
"#;

#[test]
fn statistics_json_is_listed_in_sync_json_with_its_hash() {
    let site = TestSite::new("feeds");
    std::fs::create_dir_all(site.src("content/thong-ke")).unwrap();
    std::fs::write(site.src("content/thong-ke/bao-cao-vien.toml"), TABLE).unwrap();
    site.build();
    let bytes = std::fs::read(site.out.join("statistics.json")).unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(stats["base_url"], BASE);
    assert_eq!(stats["schema_version"], "1.1");
    assert_eq!(stats["figures"]["documents"], 1);
    assert_eq!(stats["figures"]["questions"], 1);
    let table = &stats["data_tables"][0];
    assert_eq!(table["slug"], "bao-cao-vien");
    assert_eq!(table["title"], "Số báo cáo viên pháp luật");
    assert_eq!(table["rows"][1], serde_json::json!(["2026", "15"]));
    assert_eq!(table["csv_url"], format!("{BASE}thong-ke/bao-cao-vien.csv"));
    // The HTML page and the CSV stay.
    assert!(site.out.join("thong-ke/bao-cao-vien/index.html").is_file());
    assert!(site.out.join("thong-ke/bao-cao-vien.csv").is_file());

    let sync = site.json("sync.json");
    assert_eq!(sync["schema_version"], pbgdpl::sync::SCHEMA_VERSION);
    assert_eq!(sync["statistics"]["url"], format!("{BASE}statistics.json"));
    assert_eq!(sync["statistics"]["sha256"], sha(&bytes));
    assert_eq!(sync["statistics"]["data_tables"], 1);
    let digest = sync["digest"].clone();

    // A changed data table changes the listed hash, not the entries.
    site.edit("content/thong-ke/bao-cao-vien.toml", "\"15\"", "\"16\"");
    site.build();
    let again = site.json("sync.json");
    let bytes = std::fs::read(site.out.join("statistics.json")).unwrap();
    assert_eq!(again["statistics"]["sha256"], sha(&bytes));
    assert_ne!(again["statistics"]["sha256"], sync["statistics"]["sha256"]);
    assert_eq!(again["digest"], digest);
}

const ACTIVITY: &str = r#"+++
title = "Tuyên truyền lưu động"
date = 2026-03-02
held_on = 2026-03-01
form = "Tuyên truyền lưu động"
+++

Buổi tuyên truyền tại chợ xã.
"#;

#[test]
fn an_unknown_number_of_participants_is_null_not_zero() {
    let site = TestSite::new("feeds");
    std::fs::create_dir_all(site.src("content/hoat-dong")).unwrap();
    std::fs::write(site.src("content/hoat-dong/luu-dong.md"), ACTIVITY).unwrap();
    site.build();
    let stats = site.json("statistics.json");
    assert_eq!(stats["schema_version"], "1.1");
    assert_eq!(stats["figures"]["activities"], 1);
    // Nobody wrote how many came: unknown, not 0.
    assert!(stats["figures"]["participants"].is_null(), "{stats}");
    assert_eq!(stats["figures_not_given"]["participants"], 1);
    // The reader's page says so too.
    let page = site.read("thong-ke/index.html");
    assert!(page.contains("chưa có số liệu"), "{page}");

    // A second activity gives its number: a partial sum, marked as such.
    let second = ACTIVITY
        .replace("Tuyên truyền lưu động\"\ndate", "Hội nghị\"\ndate")
        .replace("form = ", "participants = 40\nform = ");
    std::fs::write(site.src("content/hoat-dong/hoi-nghi.md"), second).unwrap();
    site.build();
    let stats = site.json("statistics.json");
    assert_eq!(stats["figures"]["participants"], 40);
    assert_eq!(stats["figures_not_given"]["participants"], 1);
    assert_eq!(stats["figures_not_given"].get("activities"), None);
}
