//! Media in the sync chain: every file an entry publishes (its attachments
//! and the audio, video, captions, PDF and poster of its `[media]` block)
//! is in its feed items with its size and SHA-256, and the entry's hash in
//! `sync.json` covers their bytes.

mod feeds_support;
mod support;

use feeds_support::{TestSite, gid, records};
use serde_json::Value;
use sha2::{Digest, Sha256};

const BASE: &str = "https://stp.example.gov.vn/pbgdpl/";
const DIR: &str = "content/tai-lieu/sach-noi";

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

const VTT: &str = "WEBVTT\n\n00:00.000 --> 00:02.000\nChương I. Những quy định chung\n";

/// The `feeds` fixture with an audio book: a PDF attachment, an mp3 and
/// its captions.
fn site_with_audio_book() -> TestSite {
    let site = TestSite::new("feeds");
    let dir = site.src(DIR);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.md"),
        r#"+++
id = "sach-noi-1"
title = "Sách nói: Luật Hôn nhân và gia đình"
date = 2026-03-28
kind = "Sách nói"
language = "Tiếng Việt"

[[attachments]]
file = "to-gap.pdf"
title = "Tờ gấp kèm theo"

[media]
audio = "chuong 1.mp3"
captions = "chuong-1.vtt"
+++

Bản đọc Chương I.
"#,
    )
    .unwrap();
    std::fs::write(dir.join("to-gap.pdf"), b"%PDF-1.4\n% to gap\n").unwrap();
    std::fs::write(dir.join("chuong 1.mp3"), b"ID3 audio v1").unwrap();
    std::fs::write(dir.join("chuong-1.vtt"), VTT).unwrap();
    site
}

fn item<'f>(feed: &'f Value, id: &str) -> &'f Value {
    feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in the feed"))
}

#[test]
fn every_published_file_is_an_attachment_with_its_size_and_hash() {
    let site = site_with_audio_book();
    site.build();
    let feed = site.json("tai-lieu/feed.json");
    let book = item(&feed, &gid("sach-noi-1"));
    let files: Vec<(&str, &str, u64, &str, &str)> = book["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["url"].as_str().unwrap(),
                a["mime_type"].as_str().unwrap(),
                a["size_in_bytes"].as_u64().unwrap(),
                a["_pbgdpl"]["sha256"].as_str().unwrap(),
                a["_pbgdpl"]["role"].as_str().unwrap(),
            )
        })
        .collect();
    let url = |f: &str| format!("{BASE}tai-lieu/sach-noi/{f}");
    let (pdf, mp3) = (url("to-gap.pdf"), url("chuong%201.mp3"));
    let vtt = url("chuong-1.vtt");
    let (pdf_sha, mp3_sha, vtt_sha) = (
        sha(b"%PDF-1.4\n% to gap\n"),
        sha(b"ID3 audio v1"),
        sha(VTT.as_bytes()),
    );
    assert_eq!(
        files,
        [
            (
                pdf.as_str(),
                "application/pdf",
                18,
                pdf_sha.as_str(),
                "attachment"
            ),
            (
                vtt.as_str(),
                "text/vtt",
                VTT.len() as u64,
                vtt_sha.as_str(),
                "captions"
            ),
            (mp3.as_str(), "audio/mpeg", 12, mp3_sha.as_str(), "audio"),
        ]
    );
    assert_eq!(book["attachments"][0]["title"], "Tờ gấp kèm theo");

    // RSS: one enclosure, the main media file (the audio); Atom: all three.
    let rss = site.read("tai-lieu/rss.xml");
    assert_eq!(rss.matches("<enclosure ").count(), 1, "{rss}");
    assert!(
        rss.contains(&format!(
            "<enclosure url=\"{mp3}\" length=\"12\" type=\"audio/mpeg\"/>"
        )),
        "{rss}"
    );
    let atom = site.read("tai-lieu/atom.xml");
    for (href, mime) in [
        (&pdf, "application/pdf"),
        (&vtt, "text/vtt"),
        (&mp3, "audio/mpeg"),
    ] {
        assert!(
            atom.contains(&format!("rel=\"enclosure\" type=\"{mime}\""))
                && atom.contains(&format!("href=\"{href}\"")),
            "{href} in {atom}"
        );
    }
}

#[test]
fn replacing_a_media_file_changes_that_entry_s_hash_only() {
    let site = site_with_audio_book();
    site.build();
    let before = site.json("sync.json");
    assert_eq!(before["schema_version"], pbgdpl::sync::SCHEMA_VERSION);

    std::fs::write(
        site.src(&format!("{DIR}/chuong 1.mp3")),
        b"ID3 audio v2, longer",
    )
    .unwrap();
    site.build();
    let after = site.json("sync.json");
    let (b, a) = (records(&before), records(&after));
    assert_eq!(b.keys().collect::<Vec<_>>(), a.keys().collect::<Vec<_>>());
    for (id, rb) in &b {
        if *id == gid("sach-noi-1") {
            assert_ne!(rb["sha256"], a[id]["sha256"], "the new mp3 is not seen");
        } else {
            assert_eq!(rb, &a[id], "{id} changed");
        }
    }
    assert_ne!(before["digest"], after["digest"]);
    let feed = site.json("tai-lieu/feed.json");
    let mp3 = &item(&feed, &gid("sach-noi-1"))["attachments"][2];
    assert_eq!(mp3["size_in_bytes"], 20);
    assert_eq!(mp3["_pbgdpl"]["sha256"], sha(b"ID3 audio v2, longer"));

    // Captions are published files too.
    std::fs::write(
        site.src(&format!("{DIR}/chuong-1.vtt")),
        VTT.replace("chung", "chung của Luật"),
    )
    .unwrap();
    site.build();
    let again = records(&site.json("sync.json"));
    assert_ne!(
        a[&gid("sach-noi-1")]["sha256"],
        again[&gid("sach-noi-1")]["sha256"]
    );
}
