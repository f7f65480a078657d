//! Sharing and discovery (issue 12, item 3), read from the built demo as
//! Facebook, Zalo and search engines read it: Open Graph and Twitter card
//! tags on every page, none of them empty; their image published; JSON-LD
//! of the right schema.org type with its required properties on every
//! kind of page; plain share links and no third-party script; the
//! agency's official channels in the footer with `rel="me"`.

mod support;

use std::collections::BTreeMap;

use scraper::Html;
use support::*;

/// The `content` of `<meta property=…>` / `<meta name=…>`.
fn metas(page: &Html) -> BTreeMap<String, String> {
    page.select(&sel("meta"))
        .filter_map(|m| {
            let v = m.value();
            let key = v.attr("property").or_else(|| v.attr("name"))?;
            Some((key.to_string(), v.attr("content")?.to_string()))
        })
        .collect()
}

/// The JSON-LD documents of a page.
fn json_ld(page: &Html) -> Vec<serde_json::Value> {
    page.select(&sel(r#"script[type="application/ld+json"]"#))
        .map(|s| {
            let text: String = s.text().collect();
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("JSON-LD {text}: {e}"))
        })
        .collect()
}

fn kind(doc: &serde_json::Value) -> &str {
    doc["@type"].as_str().unwrap_or("")
}

fn has(doc: &serde_json::Value, keys: &[&str]) {
    for k in keys {
        let v = &doc[*k];
        assert!(
            !(v.is_null() || v.as_str() == Some("")),
            "{} without {k}: {doc}",
            kind(doc)
        );
    }
}

/// HTML's boolean attributes: present means true, their value is empty.
const BOOLEAN: [&str; 14] = [
    "readonly",
    "hidden",
    "open",
    "disabled",
    "checked",
    "required",
    "async",
    "defer",
    "download",
    "controls",
    "playsinline",
    "muted",
    "default",
    "allowfullscreen",
];

const OG: [&str; 11] = [
    "og:site_name",
    "og:locale",
    "og:type",
    "og:title",
    "og:description",
    "og:url",
    "og:image",
    "og:image:type",
    "og:image:width",
    "og:image:height",
    "og:image:alt",
];
const TWITTER: [&str; 5] = [
    "twitter:card",
    "twitter:title",
    "twitter:description",
    "twitter:image",
    "twitter:image:alt",
];

#[test]
fn every_page_of_the_demo_can_be_shared_and_is_described() {
    let built = build_with(&repo_root(), TODAY, false);
    let base = "https://stc.nghean.gov.vn/pbgdpl/";
    let pages: Vec<String> = built
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html") && !f.starts_with("embed/"))
        .collect();
    let mut types: BTreeMap<String, usize> = BTreeMap::new();
    let mut checked = 0;
    for path in &pages {
        let html = built.text(path);
        if html.contains("http-equiv=\"refresh\"") || html.contains("http-equiv=refresh") {
            continue; // a redirect, not a page
        }
        let page = Html::parse_document(&html);
        // No attribute is ever published empty (the decorative alt="" of
        // thumbnails excepted: it tells screen readers to skip them; and an
        // <option value=""> of a filter, the choice "all").
        for el in page
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            for (name, value) in el.value().attrs() {
                let decorative = name == "alt" && el.value().name() == "img";
                let any_option = name == "value" && el.value().name() == "option";
                assert!(
                    !value.trim().is_empty() || decorative || any_option || BOOLEAN.contains(&name),
                    "{path}: <{} {name}=\"\">",
                    el.value().name()
                );
            }
        }
        let m = metas(&page);
        for key in OG.iter().chain(&TWITTER).chain(&["description"]) {
            assert!(
                m.get(*key).is_some_and(|v| !v.trim().is_empty()),
                "{path}: no {key} (has {:?})",
                m.keys().collect::<Vec<_>>()
            );
        }
        let canonical = page
            .select(&sel("link[rel=canonical]"))
            .next()
            .and_then(|l| l.value().attr("href"))
            .unwrap_or_else(|| panic!("{path}: no canonical"));
        assert_eq!(m["og:url"], canonical, "{path}");
        assert_eq!(m["og:locale"], "vi_VN");
        assert_eq!(m["twitter:card"], "summary_large_image");
        assert_eq!(m["og:image"], m["twitter:image"]);
        // The share image is published, at the size the tags say.
        let image = m["og:image"]
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{path}: og:image {} not on the site", m["og:image"]));
        let bytes = std::fs::read(built.out.join(image))
            .unwrap_or_else(|_| panic!("{path}: og:image {image} was not published"));
        let (_, w, h) = pbgdpl::images::decode::dimensions(&bytes).unwrap();
        assert_eq!(
            (w.to_string(), h.to_string()),
            (m["og:image:width"].clone(), m["og:image:height"].clone()),
            "{path}: {image}"
        );
        // No third-party script: every script is inline.
        for s in page.select(&sel("script[src]")) {
            let src = s.value().attr("src").unwrap();
            assert!(!src.starts_with("http"), "{path}: third-party script {src}");
        }
        for doc in json_ld(&page) {
            assert_eq!(doc["@context"], "https://schema.org", "{path}");
            *types.entry(kind(&doc).to_string()).or_default() += 1;
            match kind(&doc) {
                "GovernmentOrganization" => has(&doc, &["name", "url"]),
                "Legislation" => has(
                    &doc,
                    &[
                        "name",
                        "url",
                        "legislationIdentifier",
                        "legislationType",
                        "legislationDate",
                        "legislationPassedBy",
                    ],
                ),
                "Event" => has(&doc, &["name", "url", "startDate", "location", "organizer"]),
                "FAQPage" => {
                    has(&doc, &["mainEntity", "url"]);
                    has(&doc["mainEntity"][0], &["name", "acceptedAnswer"]);
                }
                "AboutPage" | "ContactPage" => has(&doc, &["name", "url", "publisher"]),
                "NewsArticle" | "Article" => has(
                    &doc,
                    &["headline", "url", "datePublished", "author", "publisher"],
                ),
                other => panic!("{path}: unexpected JSON-LD type {other}"),
            }
            if m["og:type"] == "article" {
                assert_eq!(doc["url"].as_str(), Some(canonical), "{path}");
            }
        }
        let n = json_ld(&page).len();
        match m["og:type"].as_str() {
            "article" => assert_eq!(n, 1, "{path}: an entry has one JSON-LD"),
            _ if path == "index.html" => assert_eq!(n, 1, "the home page names the agency"),
            _ => {}
        }
        checked += 1;
    }
    assert!(checked > 50, "{checked} pages");
    for t in [
        "GovernmentOrganization",
        "Legislation",
        "Event",
        "FAQPage",
        "NewsArticle",
        "Article",
    ] {
        assert!(types.contains_key(t), "no {t} on any page: {types:?}");
    }

    // An entry with a photo shares it; others share the banner card.
    let with_photo = built.page("tin-tuc/so-tai-chinh-huong-ung-ngay-phap-luat-2026/index.html");
    let m = metas(&with_photo);
    // Its largest JPEG (1024 px, the photo's own width), published at the
    // photo's own address.
    assert!(
        m["og:image"]
            .ends_with("/so-tai-chinh-huong-ung-ngay-phap-luat-2026/ngay-phap-luat-2026.jpg"),
        "{}",
        m["og:image"]
    );
    assert_eq!(m["og:image:width"], "1024");
    assert!(m["og:image:alt"].starts_with("Cán bộ Sở Tài chính"));
    let ld = &json_ld(&with_photo)[0];
    assert_eq!(kind(ld), "NewsArticle");
    assert_eq!(ld["image"]["url"], m["og:image"]);
    let home = built.page("index.html");
    assert_eq!(metas(&home)["og:image"], format!("{base}embed/share.png"));
    let org = &json_ld(&home)[0];
    assert_eq!(org["name"], "Sở Tài chính tỉnh Nghệ An");
    assert_eq!(org["sameAs"].as_array().map(Vec::len), Some(2));

    // Plain share links on entry pages; the channels in every footer.
    let share: Vec<_> = with_photo
        .select(&sel(".share a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        share,
        [
            "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fstc%2Enghean%2Egov%2Evn%2Fpbgdpl%2Ftin%2Dtuc%2Fso%2Dtai%2Dchinh%2Dhuong%2Dung%2Dngay%2Dphap%2Dluat%2D2026%2F"
        ]
    );
    let copy = with_photo
        .select(&sel(".share input[readonly]"))
        .next()
        .unwrap();
    assert_eq!(
        copy.value().attr("value"),
        Some(
            "https://stc.nghean.gov.vn/pbgdpl/tin-tuc/so-tai-chinh-huong-ung-ngay-phap-luat-2026/"
        )
    );
    let me: Vec<_> = home
        .select(&sel(r#".site-footer a[rel="me"]"#))
        .map(|a| a.text().collect::<String>())
        .collect();
    assert_eq!(me, ["Facebook", "Zalo"]);
}

#[test]
fn an_entry_that_starts_with_a_table_still_has_a_description() {
    let (_tmp, root) = temp_site("minimal");
    write(
        &root.join("content/tin-tuc/bang-truoc.md"),
        "+++\ntitle = \"Kết quả tuyên truyền quý III\"\ndate = 2026-10-01\n+++\n\n| Hình thức | Số cuộc |\n|---|---|\n| Hội nghị | 12 |\n",
    );
    let built = build_with(&root, TODAY, false);
    let m = metas(&built.page("tin-tuc/bang-truoc/index.html"));
    for key in ["description", "og:description", "twitter:description"] {
        assert!(
            m.get(key).is_some_and(|d| !d.trim().is_empty()),
            "{key}: {:?}",
            m.get(key)
        );
    }
}
