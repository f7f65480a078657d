//! Benchmark of the provincial hub (`pbgdpl aggregate`) on one agency
//! with many entries: 5,000, 10,000, 20,000 and 50,000. Each size runs in
//! its own process (so its peak memory is its own) and is aggregated
//! twice: a first run (read, check, admit every item, build) and a forced
//! rebuild from the kept copy (what a template change costs). A linear
//! hub takes about twice as long for twice the entries: the last column
//! gives that ratio. Not a test: numbers depend on the machine and its
//! load; see docs/testing.md for measured figures.
//!
//! cargo bench --bench hub              # 5k, 10k, 20k, 50k (cargo test runs a small smoke version)
//! cargo bench --bench hub -- 50000     # one size
//!
//! The agencies are generated under target/bench-hub/ from a small real
//! section built with the library (its `sync.json` and `feed.json` as
//! templates), one feed document with every item.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::NaiveDate;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const BASE: &str = "https://so-thu-nghiem.example.gov.vn/pbgdpl/";
const PROVINCE: &str = "https://pbgdpl.thunghiem.gov.vn/";
const NOW: &str = "2026-11-22T08:00:00+07:00";

fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A small real section, built: its feed, its snapshot, and one feed item
/// of each of its categories (the templates of the generated ones).
fn template(dir: &Path) -> (Value, Value, Vec<Value>) {
    let root = dir.join("template/src");
    let out = dir.join("template/public");
    if !out.join("feed.json").is_file() {
        let _ = std::fs::remove_dir_all(dir.join("template"));
        pbgdpl::init::init(
            &root,
            &pbgdpl::init::InitOptions {
                agency: "Sở Thử Nghiệm".into(),
                agency_url: "https://so-thu-nghiem.example.gov.vn".into(),
                province_name: "Trang PBGDPL tỉnh Thử Nghiệm".into(),
                province_url: PROVINCE.into(),
                base_url: BASE.into(),
                today: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            },
        )
        .expect("init");
        let options = pbgdpl::BuildOptions {
            today: NaiveDate::from_ymd_opt(2026, 11, 22),
            ..Default::default()
        };
        pbgdpl::build(&root, Some(&out), &options).expect("build");
    }
    let read = |name: &str| -> Value {
        serde_json::from_slice(&std::fs::read(out.join(name)).unwrap()).unwrap()
    };
    let feed = read("feed.json");
    let sync = read("sync.json");
    let mut items: Vec<Value> = Vec::new();
    for item in feed["items"].as_array().unwrap() {
        let category = &item["_pbgdpl"]["category"];
        if !items.iter().any(|i| &i["_pbgdpl"]["category"] == category) {
            items.push(item.clone());
        }
    }
    (feed, sync, items)
}

/// Writes an agency of `n` entries into `dir`; returns its directory.
fn generate(dir: &Path, n: usize) -> PathBuf {
    let (mut feed, mut sync, templates) = template(dir);
    let agency = dir.join(format!("agency-{n}-v2"));
    if agency.join("sync.json").is_file() {
        return agency;
    }
    std::fs::create_dir_all(&agency).unwrap();
    let prefix = "tag:so-thu-nghiem.example.gov.vn,2019:/pbgdpl/";
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut items = Vec::with_capacity(n);
    let mut records = Vec::with_capacity(n);
    for i in 0..n {
        let item = &templates[i % templates.len()];
        let category = item["_pbgdpl"]["category"].as_str().unwrap().to_string();
        let day = start + chrono::Days::new((i / 8) as u64 % 2400);
        let date = format!("{day}T00:00:00+07:00");
        let id = format!("{prefix}bai-{i:06}");
        let url = format!("{BASE}{category}/bai-{i:06}/");
        let mut it = item.clone();
        it["id"] = json!(id);
        it["url"] = json!(url);
        it["title"] = json!(format!(
            "Bài số {i}: phổ biến, giáo dục pháp luật về đất đai"
        ));
        it["summary"] = json!(format!("Tóm tắt bài số {i} cho người dân trong tỉnh."));
        it["content_html"] = json!(format!(
            "<p>Nội dung bài số {i}: <a href=\"/pbgdpl/{category}/\">chuyên mục</a>, <strong>Luật Đất đai 2024</strong>.</p>"
        ));
        it["date_published"] = json!(date);
        it["date_modified"] = json!(date);
        it.as_object_mut().unwrap().remove("attachments");
        it["_pbgdpl"]["local_id"] = json!(format!("bai-{i:06}"));
        items.push(it);
        records.push(json!({
            "id": id,
            "url": url,
            "category": category,
            "date_modified": date,
            "sha256": hex(format!("bai-{i}").as_bytes()),
        }));
    }
    records.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    let entries = Value::Array(records);
    let canonical = serde_json::to_string(&entries).unwrap();
    sync["count"] = json!(n);
    sync["digest"] = json!(hex(canonical.as_bytes()));
    sync["entries"] = entries;
    sync["deleted"] = json!([]);
    feed["items"] = Value::Array(items);
    if let Some(f) = feed.as_object_mut() {
        f.remove("next_url");
        if let Some(p) = f.get_mut("_pbgdpl").and_then(Value::as_object_mut) {
            p.remove("prev_archive_url");
        }
    }
    std::fs::write(agency.join("sync.json"), serde_json::to_vec(&sync).unwrap()).unwrap();
    std::fs::write(agency.join("feed.json"), serde_json::to_vec(&feed).unwrap()).unwrap();
    // The snapshot lists the section's statistics.json (with its hash): the
    // hub fetches it, so the generated agency publishes the template's copy.
    if sync.get("statistics").is_some() {
        let path = pbgdpl::sync::STATISTICS_PATH;
        std::fs::copy(dir.join("template/public").join(path), agency.join(path)).unwrap();
    }
    agency
}

/// Peak resident memory of this process, in MB (Linux).
fn peak_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// One size, in this process: prints `n first_s rebuild_s peak_mb`.
fn one(dir: &Path, n: usize) {
    let agency = generate(dir, n);
    let work = tempfile::tempdir_in(dir).unwrap();
    let sources = work.path().join("sources.toml");
    std::fs::write(
        &sources,
        format!(
            "[hub]\ntitle = \"Trang PBGDPL tỉnh Thử Nghiệm\"\nbase_url = \"{PROVINCE}\"\n\n[hub.agency]\nname = \"Sở Tư pháp\"\nurl = \"https://stp.thunghiem.gov.vn\"\n\n[[source]]\nid = \"so-thu-nghiem\"\nname = \"Sở Thử Nghiệm\"\nsync = \"{}/\"\n",
            agency.display()
        ),
    )
    .unwrap();
    let options = pbgdpl::aggregate::AggregateOptions {
        sources,
        out: work.path().join("hub"),
        state: Some(work.path().join("state")),
        now: pbgdpl::date::Timestamp::parse(NOW),
        force: true,
    };
    let time = || {
        let t = Instant::now();
        let report = pbgdpl::aggregate::aggregate(&options).expect("aggregate");
        assert_eq!(report.failed(), 0, "{}", report.render(false, false));
        t.elapsed().as_secs_f64()
    };
    let first = time();
    let rebuild = time();
    println!("{n} {first:.3} {rebuild:.3} {}", peak_mb().unwrap_or(0));
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(if benchmarking() {
        "target/bench-hub"
    } else {
        "target/bench-hub-smoke"
    });
    std::fs::create_dir_all(&dir).unwrap();
    let args: Vec<String> = std::env::args().collect();
    if let Some(pos) = args.iter().position(|a| a == "--one") {
        let n = args[pos + 1].parse().expect("a size");
        one(&dir, n);
        return;
    }
    let asked: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if !asked.is_empty() {
        asked
    } else if benchmarking() {
        vec![5_000, 10_000, 20_000, 50_000]
    } else {
        vec![100, 200]
    };
    println!(
        "entries  first run  forced rebuild  peak memory  time ratio to the size before (per 2x entries)"
    );
    let mut previous: Option<(usize, f64)> = None;
    for n in sizes {
        let mut child = Command::new(std::env::current_exe().unwrap());
        if benchmarking() {
            child.arg("--bench");
        }
        let out = child.args(["--one", &n.to_string()]).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let f: Vec<f64> = line
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        let (first, rebuild, peak) = (f[1], f[2], f[3]);
        let ratio = previous
            .map(|(m, t)| {
                // Normalised to a doubling of the entries.
                let growth = (n as f64 / m as f64).log2();
                format!("{:.2}", (rebuild / t).powf(1.0 / growth))
            })
            .unwrap_or_else(|| "–".into());
        println!("{n:>7}  {first:>8.2} s  {rebuild:>12.2} s  {peak:>8} MB  {ratio}");
        previous = Some((n, rebuild));
    }
}
