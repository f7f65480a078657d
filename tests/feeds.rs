//! Feeds as a subscriber sees them: JSON Feed, RSS and Atom, site-wide and
//! per category, paged into RFC 5005 archives, never carrying drafts, with
//! ids that survive renaming.

mod feeds_support;
mod support;

use std::collections::BTreeSet;

use feeds_support::{TestSite, atom_entry_ids, gid, item_ids, links};
use serde_json::Value;

const BASE: &str = "https://stp.example.gov.vn/pbgdpl/";

#[test]
fn site_feed_carries_the_newest_published_entries_with_the_extension() {
    let site = TestSite::new("feeds");
    site.build();
    let feed = site.json("feed.json");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["feed_url"], format!("{BASE}feed.json"));
    assert_eq!(feed["home_page_url"], BASE);
    assert_eq!(feed["language"], "vi");
    // limit = 2: the two newest by date; the draft (05/03) and the scheduled
    // entry (06/03) are newer but not published.
    assert_eq!(item_ids(&feed), [gid("tin-tuc/tap-huan"), gid("vb-001")]);
    let ext = &feed["_pbgdpl"];
    assert_eq!(ext["agency"]["name"], "Sở Tư pháp tỉnh Thử Nghiệm");
    assert_eq!(ext["province"]["url"], "https://pbgdpl.example.gov.vn");
    assert_eq!(ext["schema_version"], pbgdpl::sync::SCHEMA_VERSION);
    assert_eq!(ext["scope"], "site");
    assert_eq!(ext["archive"], false);
    assert_eq!(
        ext["generator"],
        format!("pbgdpl {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(ext["sync_url"], format!("{BASE}sync.json"));
    assert_eq!(
        ext["prev_archive_url"],
        format!("{BASE}archive/2026-01/feed.json")
    );

    let news = &feed["items"][0];
    assert_eq!(news["title"], "Tập huấn báo cáo viên pháp luật");
    assert_eq!(news["url"], format!("{BASE}tin-tuc/tap-huan/"));
    assert_eq!(news["summary"], "Tập huấn kỹ năng cho báo cáo viên.");
    assert_eq!(news["date_published"], "2026-02-10T00:00:00+07:00");
    assert_eq!(news["date_modified"], "2026-03-01T00:00:00+07:00");
    assert!(news["content_html"].as_str().unwrap().contains("&amp;"));
    assert_eq!(news["authors"][0]["name"], "Sở Tư pháp tỉnh Thử Nghiệm");
    assert_eq!(news["_pbgdpl"]["local_id"], "tin-tuc/tap-huan");
    assert_eq!(news["_pbgdpl"]["id_explicit"], false);
    assert_eq!(news["_pbgdpl"]["clause"], Value::Null);

    let doc = &feed["items"][1];
    assert_eq!(doc["_pbgdpl"]["category"], "van-ban-moi");
    assert_eq!(doc["_pbgdpl"]["clause"], "2.1");
    assert_eq!(doc["_pbgdpl"]["required"], true);
    assert_eq!(doc["_pbgdpl"]["kind"], "document");
    let meta = &doc["_pbgdpl"]["meta"]["document"];
    assert_eq!(meta["number"], "1/2026/NĐ-CP");
    assert_eq!(meta["document_type"], "Nghị định");
    assert_eq!(meta["issuer"], "Chính phủ");
    assert_eq!(meta["issue_date"], "2026-01-05");
    assert_eq!(meta["effective_date"], "2026-03-01");
    assert_eq!(meta["validity"], "còn hiệu lực");
    let att = &doc["attachments"][0];
    assert_eq!(
        att["url"],
        format!("{BASE}van-ban-moi/nghi-dinh-1/toan-van.pdf")
    );
    assert_eq!(att["mime_type"], "application/pdf");
    assert!(att["size_in_bytes"].as_u64().unwrap() > 0);

    // The same entries, in the same order, in RSS and Atom.
    let rss = site.read("rss.xml");
    let atom = site.read("atom.xml");
    assert_eq!(atom_entry_ids(&atom), item_ids(&feed));
    for id in item_ids(&feed) {
        assert!(
            rss.contains(&format!("<guid isPermaLink=\"false\">{id}</guid>")),
            "{id}"
        );
    }
    assert!(rss.contains("<pubDate>Tue, 10 Feb 2026 00:00:00 +0700</pubDate>"));
    assert!(rss.contains(&format!(
        "<enclosure url=\"{BASE}van-ban-moi/nghi-dinh-1/toan-van.pdf\""
    )));
    assert!(atom.contains("<link rel=\"enclosure\" type=\"application/pdf\""));
    assert!(
        atom.contains("<category term=\"van-ban-moi\" label=\"Giới thiệu văn bản pháp luật mới\"")
    );
}

#[test]
fn hoi_dap_items_carry_the_question() {
    let site = TestSite::new("feeds");
    site.build();
    let feed = site.json("hoi-dap/feed.json");
    assert_eq!(item_ids(&feed), [gid("hd-001")]);
    let item = &feed["items"][0];
    assert_eq!(item["_pbgdpl"]["clause"], "2.4");
    assert_eq!(
        item["_pbgdpl"]["meta"]["question"]["question"],
        "Hộ kinh doanh nộp thuế theo phương pháp nào từ năm 2026?"
    );
    assert_eq!(
        item["_pbgdpl"]["meta"]["question"]["answered_by"],
        "Sở Tư pháp"
    );
    assert_eq!(feed["_pbgdpl"]["scope"], "category");
    assert_eq!(feed["_pbgdpl"]["category"], "hoi-dap");
    assert_eq!(feed["home_page_url"], format!("{BASE}hoi-dap/"));
}

#[test]
fn every_category_has_its_three_feeds() {
    let site = TestSite::new("feeds");
    site.build();
    for c in pbgdpl::category::CATEGORIES.iter() {
        for file in ["feed.json", "rss.xml", "atom.xml"] {
            assert!(
                site.out.join(c.key).join(file).is_file(),
                "{}/{file}",
                c.key
            );
        }
    }
    // News: newest two in the subscription feed, the old one archived.
    let news = site.json("tin-tuc/feed.json");
    assert_eq!(item_ids(&news), [gid("tin-tuc/tap-huan"), gid("tt-001")]);
    let archive = site.json("tin-tuc/archive/2025-11/feed.json");
    assert_eq!(item_ids(&archive), [gid("tt-000")]);
    assert_eq!(
        archive["_pbgdpl"]["current_url"],
        format!("{BASE}tin-tuc/feed.json")
    );
    // Undated pages (the introduction) are in sync.json, not in feeds.
    let intro = site.json("gioi-thieu/feed.json");
    assert!(item_ids(&intro).is_empty());
    let sync = site.json("sync.json");
    assert!(feeds_support::records(&sync).contains_key(&gid("gt-001")));
}

fn all_dated_published() -> BTreeSet<String> {
    [
        "tin-tuc/tap-huan",
        "vb-001",
        "hd-001",
        "tt-001",
        "kh-001",
        "tt-000",
    ]
    .iter()
    .map(|l| gid(l))
    .collect()
}

#[test]
fn archives_reach_every_entry_in_every_format() {
    let site = TestSite::new("feeds");
    site.build();
    // JSON Feed: follow next_url from the subscription feed.
    let mut seen = Vec::new();
    let mut url = Some(format!("{BASE}feed.json"));
    let mut docs = 0;
    while let Some(u) = url {
        let feed = site.json(u.strip_prefix(BASE).unwrap());
        seen.extend(item_ids(&feed));
        url = feed["next_url"].as_str().map(str::to_string);
        docs += 1;
        assert!(docs < 10, "next_url loops");
    }
    assert_eq!(docs, 4);
    assert_eq!(seen.len(), 6, "{seen:?}");
    assert_eq!(
        seen.iter().cloned().collect::<BTreeSet<_>>(),
        all_dated_published()
    );
    // Archives are named after the month their entries were published.
    assert_eq!(
        item_ids(&site.json("archive/2025-11/feed.json")),
        [gid("tt-000")]
    );
    assert_eq!(
        item_ids(&site.json("archive/2026-01/feed.json")),
        [gid("hd-001"), gid("tt-001")]
    );

    // Atom and RSS: follow prev-archive; every archive points back to the
    // subscription feed and is marked as an archive.
    for (file, ids) in [
        ("atom.xml", atom_entry_ids as fn(&str) -> Vec<String>),
        ("rss.xml", |x: &str| {
            regex::Regex::new(r#"<guid isPermaLink="false">([^<]+)</guid>"#)
                .unwrap()
                .captures_iter(x)
                .map(|c| c[1].to_string())
                .collect()
        }),
    ] {
        let mut seen = BTreeSet::new();
        let mut next = Some(format!("{BASE}{file}"));
        let mut docs = 0;
        while let Some(u) = next {
            let xml = site.read(u.strip_prefix(BASE).unwrap());
            seen.extend(ids(&xml));
            if docs > 0 {
                assert_eq!(links(&xml, "current"), [format!("{BASE}{file}")]);
                assert!(xml.contains("<fh:archive/>"));
            } else {
                assert!(!xml.contains("<fh:archive/>"));
            }
            next = links(&xml, "prev-archive").into_iter().next();
            docs += 1;
            assert!(docs < 10);
        }
        assert_eq!(seen, all_dated_published(), "{file}");
    }
    // The oldest archive links forward only.
    let first = site.read("archive/2025-11/atom.xml");
    assert!(links(&first, "prev-archive").is_empty());
    assert_eq!(
        links(&first, "next-archive"),
        [format!("{BASE}archive/2025-12/atom.xml")]
    );
}

#[test]
fn re_dating_an_entry_rewrites_only_the_archives_of_the_months_it_leaves_and_joins() {
    let site = TestSite::new("feeds");
    site.build();
    let archives = |site: &TestSite| -> std::collections::BTreeMap<String, Vec<u8>> {
        feeds_support::tree(&site.out)
            .into_iter()
            .filter(|(path, _)| path.contains("archive/"))
            .collect()
    };
    let before = archives(&site);
    // The Q&A entry moves from January 2026 to November 2025.
    site.edit(
        "content/hoi-dap/thue.md",
        "date = 2026-01-20",
        "date = 2025-11-15",
    );
    site.build();
    let after = archives(&site);
    let changed: BTreeSet<&str> = before
        .keys()
        .chain(after.keys())
        .filter(|path| before.get(*path) != after.get(*path))
        .map(|path| path.rsplit_once('/').map_or(path.as_str(), |(dir, _)| dir))
        .collect();
    assert_eq!(
        changed,
        BTreeSet::from(["archive/2025-11", "archive/2026-01"])
    );
    // December's archive was not touched, in any format.
    for file in ["feed.json", "atom.xml", "rss.xml"] {
        assert!(after.contains_key(&format!("archive/2025-12/{file}")));
    }
    assert_eq!(
        item_ids(&site.json("archive/2025-11/feed.json")),
        [gid("hd-001"), gid("tt-000")]
    );
}

#[test]
fn drafts_never_reach_feeds_even_in_preview_builds() {
    let site = TestSite::new("feeds");
    let mut options = site.options();
    options.drafts = true;
    site.build_with(&site.out, &options);
    // The preview shows the draft as a page…
    assert!(site.out.join("tin-tuc/ban-nhap/index.html").is_file());
    // …but no feed, archive, embed or snapshot carries it.
    for (path, bytes) in feeds_support::tree(&site.out) {
        if path.ends_with(".json") || path.ends_with(".xml") || path.starts_with("embed/") {
            let text = String::from_utf8_lossy(&bytes);
            for marker in [
                "BẢN NHÁP KHÔNG ĐƯỢC ĐĂNG",
                "tt-draft",
                "BÀI HẸN GIỜ",
                "tt-scheduled",
            ] {
                assert!(!text.contains(marker), "{marker} in {path}");
            }
        }
    }
}

#[test]
fn explicit_ids_survive_renaming_the_file_and_editing_the_title() {
    let site = TestSite::new("feeds");
    site.build();
    let before = site.json("tin-tuc/feed.json");
    std::fs::rename(
        site.src("content/tin-tuc/hop-bao.md"),
        site.src("content/tin-tuc/hop-bao-2026.md"),
    )
    .unwrap();
    site.edit(
        "content/tin-tuc/hop-bao-2026.md",
        "Họp báo công bố Luật mới",
        "Họp báo giới thiệu Luật mới",
    );
    site.build();
    let after = site.json("tin-tuc/feed.json");
    assert_eq!(item_ids(&before), item_ids(&after));
    let item = &after["items"][1];
    assert_eq!(item["id"], gid("tt-001"));
    assert_eq!(item["url"], format!("{BASE}tin-tuc/hop-bao-2026/"));
    assert_eq!(item["title"], "Họp báo giới thiệu Luật mới");
    // Nothing was deleted: the id is still published.
    let sync = site.json("sync.json");
    assert_eq!(sync["deleted"], serde_json::json!([]));
    assert!(
        site.read("atom.xml").contains(&gid("tt-001"))
            || site
                .read("archive/2026-01/atom.xml")
                .contains(&gid("tt-001"))
    );
}

#[test]
fn renaming_an_entry_without_id_is_a_deletion_and_check_warns_about_it() {
    let site = TestSite::new("feeds");
    let warnings = pbgdpl::check(&site.root, &site.options()).unwrap();
    let implicit: Vec<_> = warnings
        .iter()
        .filter(|d| d.code == "implicit-id")
        .collect();
    assert_eq!(implicit.len(), 1, "one warning per entry without id");
    let loc = implicit[0].location.as_ref().unwrap();
    assert_eq!(loc.file, "content/tin-tuc/tap-huan.md");
    assert!(implicit[0].message.contains("đổi tên tệp sẽ làm đổi mã"));
    assert!(implicit[0].help.as_deref().unwrap().contains("pbgdpl new"));

    site.build();
    std::fs::rename(
        site.src("content/tin-tuc/tap-huan.md"),
        site.src("content/tin-tuc/tap-huan-bcv.md"),
    )
    .unwrap();
    site.build();
    let ids = item_ids(&site.json("feed.json"));
    assert!(ids.contains(&gid("tin-tuc/tap-huan-bcv")));
    let sync = site.json("sync.json");
    assert_eq!(sync["deleted"][0]["id"], gid("tin-tuc/tap-huan"));
}

#[test]
fn a_check_with_ids_everywhere_has_no_implicit_id_warning() {
    let site = TestSite::new("feeds");
    site.edit(
        "content/tin-tuc/tap-huan.md",
        "+++\n",
        "+++\nid = \"tt-002\"\n",
    );
    let warnings = pbgdpl::check(&site.root, &site.options()).unwrap();
    assert!(warnings.iter().all(|d| d.code != "implicit-id"));
}

#[test]
fn pages_link_to_the_feeds() {
    let site = TestSite::new("feeds");
    site.build();
    let home = site.read("index.html");
    assert!(
        home.contains(r#"type="application/atom+xml" title="Chuyên mục PBGDPL thử nghiệm (Atom)" href="/pbgdpl/atom.xml""#),
        "{home}"
    );
    assert!(home.contains(r#"type="application/rss+xml" title="Chuyên mục PBGDPL thử nghiệm (RSS)" href="/pbgdpl/rss.xml""#));
    assert!(home.contains(r#"type="application/feed+json" title="Chuyên mục PBGDPL thử nghiệm (JSON Feed)" href="/pbgdpl/feed.json""#));
    // Readers get one plain link to the feed.
    assert!(home.contains("Nhận tin mới của chuyên mục"));
    let category = site.read("hoi-dap/index.html");
    assert!(category.contains(r#"(Atom)" href="/pbgdpl/hoi-dap/atom.xml">"#));
    let entry = site.read("hoi-dap/thue/index.html");
    assert!(entry.contains(r#"(RSS)" href="/pbgdpl/hoi-dap/rss.xml">"#));
}

#[test]
fn the_limit_comes_from_site_toml() {
    let site = TestSite::new("feeds");
    site.edit("site.toml", "limit = 2", "so_bai = 50");
    site.build();
    assert_eq!(item_ids(&site.json("feed.json")).len(), 6);
    assert!(!site.out.join("archive").exists());
    assert!(site.json("feed.json").get("next_url").is_none());
}
