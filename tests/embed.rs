//! Embeds as a portal webmaster uses them: a fragment to include, a page
//! for an iframe, and the uniform banner (HTML, SVG, PNG) that must be the
//! same for every agency of a province.

mod feeds_support;
mod support;

use feeds_support::TestSite;
use regex::Regex;

fn other_agency_same_province() -> TestSite {
    let site = TestSite::new("feeds");
    site.edit(
        "site.toml",
        "https://stp.example.gov.vn/pbgdpl/",
        "https://portal.huyen.example.gov.vn/phap-luat/",
    );
    site.edit(
        "site.toml",
        "Sở Tư pháp tỉnh Thử Nghiệm",
        "UBND huyện Một, tỉnh Thử Nghiệm",
    );
    site.edit(
        "site.toml",
        "https://stp.example.gov.vn\"",
        "https://huyen.example.gov.vn\"",
    );
    site.edit(
        "site.toml",
        "Chuyên mục PBGDPL thử nghiệm",
        "Phổ biến pháp luật huyện",
    );
    std::fs::remove_file(site.src("content/tin-tuc/hop-bao.md")).unwrap();
    site
}

#[test]
fn agencies_of_one_province_publish_identical_banners() {
    let a = TestSite::new("feeds");
    let b = other_agency_same_province();
    a.build();
    b.build();
    for file in ["embed/banner.html", "embed/banner.svg", "embed/banner.png"] {
        let (x, y) = (
            std::fs::read(a.out.join(file)).unwrap(),
            std::fs::read(b.out.join(file)).unwrap(),
        );
        assert!(
            x == y,
            "{file} differs between two agencies of the same province"
        );
    }
    // The banner fragment's markup is the site's banner partial.
    let partial = Regex::new(r#"<div class="pbgdpl-banner">.*?</a></div>"#).unwrap();
    let page = a.read("index.html");
    let embed = a.read("embed/banner.html");
    assert_eq!(
        partial.find(&page).unwrap().as_str(),
        partial.find(&embed).unwrap().as_str()
    );
    assert!(embed.contains("href=\"https://pbgdpl.example.gov.vn\""));

    // Another province, another banner.
    let c = TestSite::new("feeds");
    c.edit(
        "site.toml",
        "tỉnh Thử Nghiệm\"\nurl = \"https://pbgdpl.example.gov.vn\"",
        "tỉnh Khác\"\nurl = \"https://pbgdpl.khac.gov.vn\"",
    );
    c.build();
    for file in ["embed/banner.svg", "embed/banner.png", "embed/banner.html"] {
        assert_ne!(
            std::fs::read(a.out.join(file)).unwrap(),
            std::fs::read(c.out.join(file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn the_banner_image_names_the_province_site() {
    let site = TestSite::new("feeds");
    site.build();
    let svg = site.read("embed/banner.svg");
    assert!(svg.starts_with("<?xml"));
    assert!(svg.contains(r#"width="600" height="120""#));
    assert!(svg.contains("<title id=\"pbgdpl-banner-title\">Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Thử Nghiệm (pbgdpl.example.gov.vn)</title>"));
    let lines: Vec<String> = Regex::new(r#"font-weight="bold">([^<]+)</text>"#)
        .unwrap()
        .captures_iter(&svg)
        .map(|c| c[1].to_string())
        .collect();
    assert!((1..=3).contains(&lines.len()));
    assert_eq!(
        lines.join(" "),
        "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Thử Nghiệm"
    );
    let png = std::fs::read(site.out.join("embed/banner.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR: width and height, twice the SVG's size.
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 1200);
    assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 240);
}

fn hrefs(html: &str) -> Vec<String> {
    Regex::new(r#"(?:href|src)=("[^"]*"|[^\s>]+)"#)
        .unwrap()
        .captures_iter(html)
        .map(|c| c[1].trim_matches('"').to_string())
        .collect()
}

fn css_selectors(html: &str) -> Vec<String> {
    let style = Regex::new(r"(?s)<style>(.*?)</style>").unwrap();
    let css = &style.captures(html).expect("a <style> element")[1];
    Regex::new(r"([^{}]+)\{[^}]*\}")
        .unwrap()
        .captures_iter(css)
        .flat_map(|c| {
            c[1].split(',')
                .map(|s| s.trim().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every CSS selector of the page's `<style>` starts with `root`.
fn assert_scoped(html: &str, root: &str) {
    let selectors = css_selectors(html);
    assert!(selectors.len() > 10, "{selectors:?}");
    for sel in selectors {
        let scoped = sel == root
            || [" ", ":", ">"]
                .iter()
                .any(|c| sel.starts_with(&format!("{root}{c}")));
        assert!(scoped, "selector {sel:?} is not under {root}");
    }
}

#[test]
fn the_section_fragment_is_self_contained_and_scoped() {
    let site = TestSite::new("feeds");
    site.build();
    let html = site.read("embed/section.html");
    for tag in ["<html", "<head", "<body", "<!DOCTYPE", "<!doctype"] {
        assert!(!html.contains(tag), "a fragment has no {tag}");
    }
    assert!(
        html.starts_with(
            "<div id=\"pbgdpl-embed-section\" class=\"pbgdpl-embed pbgdpl-embed--section\" lang=\"vi\">"
        ),
        "{html}"
    );
    // Every link and asset is absolute: it works on any host page.
    let urls = hrefs(&html);
    assert!(urls.len() > 13);
    for u in &urls {
        assert!(
            u.starts_with("https://"),
            "relative URL {u} in the fragment"
        );
    }
    // The banner, the 13 categories, the newest entries.
    assert!(urls.contains(&"https://pbgdpl.example.gov.vn".to_string()));
    for c in pbgdpl::category::CATEGORIES.iter() {
        assert!(
            urls.contains(&format!("https://stp.example.gov.vn/pbgdpl/{}/", c.key)),
            "{}",
            c.key
        );
    }
    let entries: Vec<&str> = Regex::new(r#"<li><a href="(https://[^"]+)">"#)
        .unwrap()
        .captures_iter(&html)
        .map(|c| c.get(1).unwrap().as_str())
        .filter(|u| u.matches('/').count() > 5)
        .collect();
    assert_eq!(
        entries,
        [
            "https://stp.example.gov.vn/pbgdpl/tin-tuc/tap-huan/",
            "https://stp.example.gov.vn/pbgdpl/van-ban-moi/nghi-dinh-1/",
            "https://stp.example.gov.vn/pbgdpl/hoi-dap/thue/",
            "https://stp.example.gov.vn/pbgdpl/tin-tuc/hop-bao/",
            "https://stp.example.gov.vn/pbgdpl/khac/ghi-chu/",
        ]
    );
    // The CSS cannot touch the host page: every selector starts at the
    // fragment's root element (its id and the .pbgdpl-embed class).
    assert_scoped(&html, "#pbgdpl-embed-section.pbgdpl-embed");
    let banner = site.read("embed/banner.html");
    assert!(banner.contains("id=\"pbgdpl-embed-banner\""));
    assert_scoped(&banner, "#pbgdpl-embed-banner.pbgdpl-embed");
}

#[test]
fn the_iframe_page_is_a_small_standalone_page() {
    let site = TestSite::new("feeds");
    site.build();
    let html = site.read("embed/latest.html");
    assert!(
        html.starts_with("<!DOCTYPE html><html lang=\"vi\">"),
        "{}",
        &html[..80]
    );
    assert!(html.contains("<base target=\"_top\">"));
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(html.contains("Tập huấn báo cáo viên pháp luật"));
    assert!(!html.contains("BẢN NHÁP"));
    for u in hrefs(&html) {
        assert!(u.starts_with("https://"), "relative URL {u}");
    }
    assert!(
        html.contains(
            "<body id=\"pbgdpl-embed-latest\" class=\"pbgdpl-embed pbgdpl-embed--latest\">"
        )
    );
    assert_scoped(&html, "#pbgdpl-embed-latest.pbgdpl-embed");
}

#[test]
fn the_justice_department_portal_is_linked_from_every_page_and_the_embeds() {
    let site = TestSite::new("feeds");
    let plain = {
        site.build();
        site.read("index.html")
    };
    assert!(!plain.contains("Cổng thông tin điện tử Sở Tư pháp"));
    site.edit(
        "site.toml",
        "url = \"https://pbgdpl.example.gov.vn\"",
        "url = \"https://pbgdpl.example.gov.vn\"\ncong_so_tu_phap = \"https://stp.thu-nghiem.gov.vn\"",
    );
    site.build();
    let link = r#"<li><a href="https://stp.thu-nghiem.gov.vn/">Cổng thông tin điện tử Sở Tư pháp</a></li>"#;
    let national = Regex::new(r#"(?s)<nav class="national-links".*?</nav>"#).unwrap();
    let mut pages = 0;
    for e in walkdir::WalkDir::new(&site.out) {
        let e = e.unwrap();
        if e.file_name() != "index.html" {
            continue;
        }
        let html = std::fs::read_to_string(e.path()).unwrap();
        let Some(block) = national.find(&html) else {
            continue; // redirects
        };
        assert!(block.as_str().contains(link), "{}", e.path().display());
        pages += 1;
    }
    assert!(pages > 5, "{pages}");
    for embed in ["embed/section.html", "embed/latest.html"] {
        let html = site.read(embed);
        assert!(
            html.contains(
                r#"<a href="https://stp.thu-nghiem.gov.vn/">Cổng thông tin điện tử Sở Tư pháp</a>"#
            ),
            "{embed}: {html}"
        );
    }
    // The banner stays the province's, the same for every agency.
    assert!(!site.read("embed/banner.html").contains("stp.thu-nghiem"));
}
