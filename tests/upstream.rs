//! News flowing down (`[upstream]` in site.toml), as a section sees it:
//! feeds in the three formats served on 127.0.0.1 by the hub tests' server
//! (tests/hub_support), shown on the home page and in the embeds, never as
//! pages or in the section's own feeds; a feed that hangs, fails, is not a
//! feed, is too large or is hostile never fails the build, which shows the
//! last good copy and warns; `--offline` reads only the copy; the same
//! copy gives the same bytes.

mod hub_support;
mod support;

use std::path::{Path, PathBuf};

use hub_support::{Mode, Server};
use sha2::{Digest, Sha256};
use support::*;

const TODAY: &str = "2026-11-22";

const JSON_FEED: &str = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Trang PBGDPL tỉnh Thử Nghiệm",
  "home_page_url": "https://pbgdpl.thunghiem.gov.vn/",
  "items": [
    {"id": "1", "title": "Hội nghị triển khai Luật Phổ biến, giáo dục pháp luật", "url": "https://pbgdpl.thunghiem.gov.vn/tin-tuc/hoi-nghi/", "date_published": "2026-11-20T08:00:00+07:00", "authors": [{"name": "Sở Tư pháp tỉnh Thử Nghiệm"}]},
    {"id": "2", "title": "Tin cũ hơn", "url": "https://pbgdpl.thunghiem.gov.vn/tin-tuc/cu/", "date_published": "2026-10-01T08:00:00+07:00"}
  ]
}"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Cổng PBGDPL quốc gia</title>
<link href="https://pbgdpl.gov.vn/"/>
<id>tag:pbgdpl.gov.vn,2019:/</id>
<updated>2026-11-21T09:00:00+07:00</updated>
<entry><title type="html">Ngày Pháp luật &lt;b&gt;Việt Nam&lt;/b&gt; 2026</title><link href="https://pbgdpl.gov.vn/ngay-phap-luat/"/><id>x</id><published>2026-11-09T07:30:00+07:00</published><updated>2026-11-09T07:30:00+07:00</updated></entry>
</feed>"#;

const RSS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Báo Pháp luật</title><link>https://baophapluat.example.vn/</link><description>x</description>
<item><title>Hỏi đáp về hòa giải ở cơ sở</title><link>https://baophapluat.example.vn/hoa-giai.html</link><pubDate>Sat, 21 Nov 2026 10:00:00 +0700</pubDate></item>
</channel></rss>"#;

/// A feed that tries everything: script in titles, javascript: and data:
/// links, event handlers, images; one honest item.
const HOSTILE: &str = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "<img src=x onerror=alert(1)>Tỉnh",
  "home_page_url": "javascript:alert(2)",
  "items": [
    {"id": "a", "title": "<script>alert(3)</script>Tin <b onclick=alert(4)>thật</b>", "url": "https://pbgdpl.thunghiem.gov.vn/that/", "date_published": "2026-11-19T08:00:00+07:00", "image": "https://tracker.example/pixel.gif", "content_html": "<script>alert(5)</script>", "authors": [{"name": "<a href=javascript:alert(6)>Kẻ xấu</a>"}]},
    {"id": "b", "title": "Liên kết javascript", "url": "javascript:alert(7)", "date_published": "2026-11-19T08:00:00+07:00"},
    {"id": "c", "title": "Liên kết data", "url": "data:text/html,<script>alert(8)</script>", "date_published": "2026-11-19T08:00:00+07:00"},
    {"id": "d", "title": "\"><script>alert(9)</script>", "url": "https://pbgdpl.thunghiem.gov.vn/x/\"onmouseover=\"alert(10)", "date_published": "2026-11-18T08:00:00+07:00"}
  ]
}"#;

/// A section whose `[upstream]` names `feeds` (url, title), with a
/// one-second budget.
struct Section {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    out: PathBuf,
}

impl Section {
    fn new(feeds: &[(&str, Option<&str>)]) -> Section {
        let (tmp, root) = temp_site("minimal");
        let mut toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
        toml.push_str("\n[upstream]\ntimeout_seconds = 1\n");
        for (url, title) in feeds {
            toml.push_str(&format!("\n[[upstream.sources]]\nurl = \"{url}\"\n"));
            if let Some(t) = title {
                toml.push_str(&format!("title = \"{t}\"\n"));
            }
        }
        std::fs::write(root.join("site.toml"), toml).unwrap();
        let out = tmp.path().join("public");
        Section {
            _tmp: tmp,
            root,
            out,
        }
    }

    /// `pbgdpl build` (English) with `args`; must succeed. Returns stderr.
    fn build(&self, args: &[&str]) -> String {
        let mut all = vec![
            "build",
            "--root",
            self.root.to_str().unwrap(),
            "--out",
            self.out.to_str().unwrap(),
            "--today",
            TODAY,
        ];
        all.extend_from_slice(args);
        let o = pbgdpl_in(Lang::En, &all);
        assert!(o.status.success(), "the build must succeed: {}", stderr(&o));
        stderr(&o)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out.join(rel)).unwrap()
    }

    fn cache_files(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.root.join(".pbgdpl-cache/upstream")) {
            Ok(d) => d.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }
}

fn feeds_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// Every file of `dir` (relative path) whose text contains `needle`.
fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            std::fs::read(e.path())
                .map(|b| String::from_utf8_lossy(&b).contains(needle))
                .unwrap_or(false)
        })
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    found.sort();
    found
}

#[test]
fn feeds_in_the_three_formats_are_shown_on_the_home_page_and_in_the_embeds_only() {
    let dir = feeds_dir(&[
        ("feed.json", JSON_FEED),
        ("atom.xml", ATOM),
        ("rss.xml", RSS),
    ]);
    let server = Server::serve_dirs(&[("tinh", dir.path())]);
    let json = format!("{}tinh/feed.json", server.url);
    let atom = format!("{}tinh/atom.xml", server.url);
    let rss = format!("{}tinh/rss.xml", server.url);
    let site = Section::new(&[
        (&json, None),
        (&atom, Some("Tin từ Cổng PBGDPL quốc gia")),
        (&rss, None),
    ]);
    let err = site.build(&[]);
    assert!(!err.contains("warning"), "{err}");

    let home = site.read("index.html");
    // JSON Feed: the feed's own title heads the block, newest first,
    // dd/mm/yyyy, the item's author as its source; a link to the feed's site.
    let doc = scraper::Html::parse_document(&home);
    let blocks = texts(&doc, "section.upstream h2");
    assert_eq!(
        blocks,
        [
            "Trang PBGDPL tỉnh Thử Nghiệm",
            "Tin từ Cổng PBGDPL quốc gia",
            "Báo Pháp luật"
        ]
    );
    let items = texts(&doc, "section.upstream li");
    assert_eq!(
        items,
        [
            "Hội nghị triển khai Luật Phổ biến, giáo dục pháp luật 20/11/2026 · Sở Tư pháp tỉnh Thử Nghiệm",
            "Tin cũ hơn 01/10/2026 · Trang PBGDPL tỉnh Thử Nghiệm",
            "Ngày Pháp luật Việt Nam 2026 09/11/2026 · Cổng PBGDPL quốc gia",
            "Hỏi đáp về hòa giải ở cơ sở 21/11/2026 · Báo Pháp luật",
        ]
    );
    let links = select_attr(&home, "section.upstream li a", "href");
    assert_eq!(
        links,
        [
            "https://pbgdpl.thunghiem.gov.vn/tin-tuc/hoi-nghi/",
            "https://pbgdpl.thunghiem.gov.vn/tin-tuc/cu/",
            "https://pbgdpl.gov.vn/ngay-phap-luat/",
            "https://baophapluat.example.vn/hoa-giai.html"
        ]
    );
    assert!(home.contains(r#"<time datetime="2026-11-20T08:00:00+07:00">20/11/2026</time>"#));

    // In both embeds too.
    for embed in ["embed/section.html", "embed/latest.html"] {
        let html = site.read(embed);
        for title in [
            "Hội nghị triển khai Luật Phổ biến",
            "Ngày Pháp luật Việt Nam 2026",
            "Hỏi đáp về hòa giải ở cơ sở",
        ] {
            assert!(html.contains(title), "{embed} lacks {title}");
        }
    }
    // Never a page of the section, nor in its feeds or sync.json.
    assert_eq!(
        files_containing(&site.out, "Hỏi đáp về hòa giải ở cơ sở"),
        ["embed/latest.html", "embed/section.html", "index.html"]
    );
    // The copies are beside the section, not in the output.
    assert_eq!(site.cache_files().len(), 3);
    assert!(
        files_containing(&site.out, "baophapluat.example.vn/hoa-giai")
            .iter()
            .all(|f| f.ends_with(".html"))
    );
}

#[test]
fn a_feed_that_hangs_fails_or_is_not_a_feed_leaves_the_build_green_with_the_saved_copy() {
    let dir = feeds_dir(&[("feed.json", JSON_FEED)]);
    let server = Server::serve_dirs(&[("tinh", dir.path())]);
    let url = format!("{}tinh/feed.json", server.url);
    let site = Section::new(&[(&url, None)]);
    site.build(&[]);
    let first = site.read("index.html");
    assert!(first.contains("Hội nghị triển khai Luật"));

    for (mode, why) in [
        (
            Mode::Silent,
            "no complete answer within 1 s (timeout_seconds in [upstream])",
        ),
        (Mode::Failing, "500"),
        (Mode::Garbage, "is not a JSON Feed, Atom or RSS feed"),
    ] {
        server.set_mode("tinh", mode);
        let err = site.build(&[]);
        assert!(
            err.contains(&format!("could not fetch the news of {url}")),
            "{mode:?}: {err}"
        );
        assert!(err.contains(why), "{mode:?}: {err}");
        assert!(err.contains("the block shows the copy saved on"), "{err}");
        assert_eq!(site.read("index.html"), first, "{mode:?}");
    }

    // Too large: refused whatever it holds.
    server.set_mode("tinh", Mode::Normal);
    let big = JSON_FEED.replace(
        "\"Tin cũ hơn\"",
        &format!("\"{}\"", "x".repeat(5 * 1024 * 1024)),
    );
    std::fs::write(dir.path().join("feed.json"), big).unwrap();
    let err = site.build(&[]);
    assert!(err.contains("could not fetch the news of"), "{err}");
    assert_eq!(site.read("index.html"), first);

    // Nothing left to fall back on: still green, no block.
    for f in site.cache_files() {
        std::fs::remove_file(f).unwrap();
    }
    server.set_mode("tinh", Mode::Failing);
    let err = site.build(&[]);
    assert!(
        err.contains("the site is built without this block"),
        "{err}"
    );
    assert!(!site.read("index.html").contains("Hội nghị triển khai Luật"));
}

#[test]
fn nothing_executable_or_third_party_comes_through_from_a_hostile_feed() {
    let dir = feeds_dir(&[("feed.json", HOSTILE)]);
    let server = Server::serve_dirs(&[("tinh", dir.path())]);
    let site = Section::new(&[(&format!("{}tinh/feed.json", server.url), None)]);
    site.build(&[]);
    for file in ["index.html", "embed/section.html", "embed/latest.html"] {
        let html = site.read(file);
        let doc = scraper::Html::parse_document(&html);
        assert!(
            texts(&doc, "li").iter().any(|t| t.contains("Tin thật")),
            "{file}: the honest item is shown"
        );
        // The only script element a page has is pbgdpl's own JSON-LD
        // (data, never run), and nothing of the feed is in it.
        for script in doc.select(&scraper::Selector::parse("script").unwrap()) {
            assert_eq!(
                script.value().attr("type"),
                Some("application/ld+json"),
                "{file}: a script element"
            );
            let data = script.text().collect::<String>();
            assert!(!data.contains("alert"), "{file}: the feed in the JSON-LD");
            assert!(!data.contains("tracker.example"), "{file}");
        }
        assert!(!html.contains("href=\"javascript"), "{file}");
        assert!(
            !html.contains("tracker.example"),
            "{file}: a third-party image"
        );
        assert!(!html.contains("onmouseover=\""), "{file}");
    }
    let home = site.read("index.html");
    let doc = scraper::Html::parse_document(&home);
    let items = texts(&doc, "section.upstream li");
    // Script text is shown as text (escaped), tags dropped; the items with
    // javascript: and data: links are left out; the quote stays in the URL.
    assert_eq!(
        items,
        [
            "alert(3)Tin thật 19/11/2026 · Kẻ xấu",
            "\">alert(9) 18/11/2026 · Tỉnh"
        ]
    );
    let links = select_attr(&home, "section.upstream li a", "href");
    assert_eq!(links[0], "https://pbgdpl.thunghiem.gov.vn/that/");
    assert!(
        links[1].starts_with("https://pbgdpl.thunghiem.gov.vn/x/"),
        "{links:?}"
    );
    assert!(
        select_attr(&home, "section.upstream a", "href")
            .iter()
            .all(|h| h.starts_with("https://"))
    );
}

#[test]
fn offline_builds_read_only_the_saved_copy_and_give_the_same_bytes() {
    let dir = feeds_dir(&[("feed.json", JSON_FEED)]);
    let server = Server::serve_dirs(&[("tinh", dir.path())]);
    let url = format!("{}tinh/feed.json", server.url);
    let site = Section::new(&[(&url, None)]);

    // Without a copy: a warning, no block, the build is green.
    let err = site.build(&["--offline"]);
    assert!(
        err.contains(&format!(
            "--offline: there is no saved copy of the feed {url}"
        )),
        "{err}"
    );
    assert!(!site.read("index.html").contains("Hội nghị triển khai Luật"));
    assert!(server.requests().is_empty(), "--offline made a request");

    site.build(&[]);
    let online = read_tree(&site.out);
    assert_eq!(server.requests().len(), 1);
    // The section says who asks: not the provincial hub's polling.
    let agent = server.requests()[0].user_agent.clone().unwrap_or_default();
    assert_eq!(
        agent,
        format!(
            "pbgdpl/{} (upstream; +https://pbgdpl.gov.vn)",
            env!("CARGO_PKG_VERSION")
        )
    );
    // The feed changes upstream; offline builds keep showing the copy,
    // byte for byte, and ask nothing.
    std::fs::write(
        dir.path().join("feed.json"),
        JSON_FEED.replace("Tin cũ hơn", "Tin khác"),
    )
    .unwrap();
    server.reset_counts();
    let err = site.build(&["--offline"]);
    assert!(!err.contains("warning"), "{err}");
    assert!(server.requests().is_empty(), "--offline made a request");
    let offline = read_tree(&site.out);
    assert_eq!(
        online.keys().collect::<Vec<_>>(),
        offline.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &online {
        assert!(
            offline[path] == *bytes,
            "{path} differs between the two builds"
        );
    }
    // `check --offline` too.
    let o = pbgdpl_in(
        Lang::En,
        &[
            "check",
            "--offline",
            "--root",
            site.root.to_str().unwrap(),
            "--today",
            TODAY,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(server.requests().is_empty());
    // Online again: the new copy replaces the old.
    site.build(&[]);
    assert!(site.read("index.html").contains("Tin khác"));
}

/// The file name of the saved copy of `url` (docs/sync.md).
fn copy_name(url: &str) -> String {
    let hex: String = Sha256::digest(url.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{hex}.feed")
}

#[test]
fn warnings_are_explained_in_both_languages() {
    // Nothing listens on port 9 of 127.0.0.1: the connection is refused.
    let url = "http://127.0.0.1:9/feed.json";
    let site = Section::new(&[(url, Some("Tin từ Trang PBGDPL tỉnh"))]);
    let copy = site
        .root
        .join(".pbgdpl-cache/upstream")
        .join(copy_name(url));
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::write(&copy, JSON_FEED).unwrap();
    let saved = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_000_000);
    std::fs::File::options()
        .write(true)
        .open(&copy)
        .unwrap()
        .set_modified(saved)
        .unwrap();
    let root = site.root.to_str().unwrap();
    golden_in_both("upstream/failed-with-copy", "stderr", |lang| {
        let o = pbgdpl_in(lang, &["check", "--root", root, "--today", TODAY]);
        assert!(o.status.success(), "{}", stderr(&o));
        stderr(&o)
    });
    std::fs::remove_file(&copy).unwrap();
    golden_in_both("upstream/offline-no-copy", "stderr", |lang| {
        let o = pbgdpl_in(
            lang,
            &["check", "--offline", "--root", root, "--today", TODAY],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        stderr(&o)
    });
}

#[test]
fn bad_upstream_keys_are_errors_at_their_line() {
    let site = Section::new(&[("ftp://pbgdpl.example.gov.vn/feed.xml", None)]);
    let root = site.root.to_str().unwrap();
    golden_in_both("upstream/bad-url", "stderr", |lang| {
        let o = pbgdpl_in(lang, &["check", "--offline", "--root", root]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        stderr(&o)
    });
}

#[test]
fn init_keeps_the_cache_out_of_git() {
    let tmp = tempfile::tempdir().unwrap();
    let o = pbgdpl(&[
        "init",
        tmp.path().join("s").to_str().unwrap(),
        "--agency",
        "Sở Tư pháp tỉnh Thử Nghiệm",
        "--agency-url",
        "https://stp.example.gov.vn",
        "--province-name",
        "Trang PBGDPL tỉnh Thử Nghiệm",
        "--province-url",
        "https://pbgdpl.example.gov.vn",
        "--base-url",
        "https://stp.example.gov.vn/pbgdpl/",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ignore = std::fs::read_to_string(tmp.path().join("s/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "/.pbgdpl-cache/"), "{ignore}");
}
