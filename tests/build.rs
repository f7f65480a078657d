//! What a webmaster sees after `pbgdpl build`: the uniform banner on every
//! page, every category reachable, pagination, attachments, safety,
//! byte-identical and atomic builds.

mod support;

use support::*;

const BANNER_URL: &str = "https://pbgdpl.example.gov.vn";

#[test]
fn every_page_carries_the_provincial_banner() {
    let (tmp, root) = temp_site("minimal");
    let out = tmp.path().join("out");
    build(&root, &out);
    let pages = html_pages(&out);
    assert!(pages.len() > 15, "{:?}", pages.keys());
    for (path, html) in &pages {
        if path.contains("/page/1/") || path.starts_with("embed/") {
            continue; // redirect stubs; embeds are fragments (tests/embed.rs)
        }
        let links = select_attr(html, ".pbgdpl-banner a", "href");
        assert_eq!(links, [BANNER_URL], "banner link in {path}");
        let names = select_text(html, ".pbgdpl-banner__name");
        assert_eq!(
            names,
            ["Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Thử Nghiệm"],
            "{path}"
        );
        assert_eq!(select_text(html, "h1").len(), 1, "exactly one h1 in {path}");
        assert_eq!(select_attr(html, "html", "lang"), ["vi"], "{path}");
    }
}

#[test]
fn two_agencies_of_one_province_get_identical_banner_markup() {
    let (tmp, a) = temp_site("minimal");
    let b = tmp.path().join("other");
    copy_dir(&a, &b);
    let toml = std::fs::read_to_string(b.join("site.toml")).unwrap();
    write(
        &b.join("site.toml"),
        &toml
            .replace("Sở Tư pháp tỉnh Thử Nghiệm", "UBND huyện Thử Nghiệm")
            .replace("https://stp.example.gov.vn", "https://huyen.example.gov.vn"),
    );
    build(&a, &tmp.path().join("out-a"));
    build(&b, &tmp.path().join("out-b"));
    let banner = |dir: &str| {
        let html = std::fs::read_to_string(tmp.path().join(dir).join("index.html")).unwrap();
        select_html(&html, ".pbgdpl-banner")
    };
    let (ba, bb) = (banner("out-a"), banner("out-b"));
    assert_eq!(ba.len(), 1);
    assert_eq!(ba, bb);
    let home_b = std::fs::read_to_string(tmp.path().join("out-b/index.html")).unwrap();
    assert!(home_b.contains("UBND huyện Thử Nghiệm"));
}

#[test]
fn every_category_is_reachable_from_the_navigation_in_standard_order() {
    let (tmp, root) = temp_site("minimal");
    let out = tmp.path().join("out");
    build(&root, &out);
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    // Two copies of one list: folded behind a button on phones, in full
    // on wider screens (the stylesheet shows one).
    let links = select_attr(&home, "nav.site-nav .site-nav__full a", "href");
    let keys: Vec<&str> = pbgdpl::category::CATEGORIES.iter().map(|c| c.key).collect();
    let expected: Vec<String> = keys.iter().map(|k| format!("/{k}/")).collect();
    assert_eq!(links, expected);
    let folded = select_attr(&home, "nav.site-nav details.site-nav__compact a", "href");
    assert_eq!(folded, expected);
    for k in keys {
        assert!(out.join(k).join("index.html").is_file(), "{k} page exists");
    }
    let labels = select_text(&home, "nav.site-nav a");
    assert_eq!(labels[4], "Giới thiệu văn bản pháp luật mới");
    let national = select_text(&home, "nav.national-links a");
    assert_eq!(national.len(), 5);
    assert!(national.contains(&"Cổng thông tin điện tử Pháp điển".to_string()));
    let footer = select_text(&home, "footer");
    assert!(footer[0].contains("Sở Tư pháp tỉnh Thử Nghiệm"));
}

#[test]
fn entry_pages_show_breadcrumb_date_metadata_and_attachments() {
    let (tmp, root) = temp_site("minimal");
    let out = tmp.path().join("out");
    build(&root, &out);
    let html = std::fs::read_to_string(out.join("van-ban-moi/nghi-dinh-13/index.html")).unwrap();
    assert_eq!(
        select_text(&html, ".breadcrumb li"),
        [
            "Trang chủ",
            "Giới thiệu văn bản pháp luật mới",
            "Nghị định về bảo vệ dữ liệu cá nhân"
        ]
    );
    assert_eq!(select_text(&html, ".entry__meta time"), ["01/03/2026"]);
    assert_eq!(
        select_attr(&html, ".entry__meta time", "datetime"),
        ["2026-03-01"]
    );
    let meta = select_text(&html, ".meta-table td");
    assert!(meta.contains(&"13/2023/NĐ-CP".to_string()), "{meta:?}");
    assert!(meta.contains(&"17/04/2023".to_string()), "{meta:?}");
    assert_eq!(
        select_text(&html, ".attachments td"),
        ["Toàn văn Nghị định 13/2023/NĐ-CP", "PDF", "33 B"]
    );
    assert_eq!(
        select_attr(&html, ".attachments a", "href"),
        ["/van-ban-moi/nghi-dinh-13/nd-13.pdf"]
    );
    assert!(out.join("van-ban-moi/nghi-dinh-13/nd-13.pdf").is_file());
}

#[test]
fn vietnamese_file_names_get_ascii_slugs() {
    let (tmp, root) = temp_site("minimal");
    let out = tmp.path().join("out");
    build(&root, &out);
    assert!(
        out.join("tin-tuc/pho-bien-phap-luat-ve-dat-dai/index.html")
            .is_file()
    );
    let html =
        std::fs::read_to_string(out.join("tin-tuc/pho-bien-phap-luat-ve-dat-dai/index.html"))
            .unwrap();
    // Internal links inside Markdown resolve.
    assert!(
        select_attr(&html, ".prose a", "href").contains(&"/van-ban-moi/nghi-dinh-13/".to_string())
    );
}

#[test]
fn markdown_features_and_highlighting() {
    let (tmp, root) = temp_site("minimal");
    let out = tmp.path().join("out");
    build(&root, &out);
    let html = std::fs::read_to_string(out.join("tin-tuc/ba/index.html")).unwrap();
    let code = select_html(&html, "pre.code");
    assert_eq!(code.len(), 1);
    assert!(code[0].contains("hl-"), "{}", code[0]);
    assert!(
        !code[0].contains("style="),
        "no inline colours: {}",
        code[0]
    );
    let css = std::fs::read_to_string(out.join("assets/pbgdpl.css")).unwrap();
    assert!(css.contains(".hl-keyword"));
}

#[test]
fn xss_payloads_are_neutralised() {
    let (tmp, root) = temp_site("minimal");
    let out = tmp.path().join("out");
    build(&root, &out);
    let html = std::fs::read_to_string(out.join("tin-tuc/xss/index.html")).unwrap();
    for bad in [
        "xss-script",
        "javascript:",
        "onclick",
        "onerror",
        "evil.example",
        "xss-style",
    ] {
        assert!(!html.contains(bad), "{bad} survived in the page");
    }
    // The only script is the page's JSON-LD, data the browser never runs.
    assert_eq!(
        select_text(&html, "script:not([type=\"application/ld+json\"])").len(),
        0
    );
    // The harmless parts stay.
    assert!(html.contains("Đoạn văn bình thường."));
    assert_eq!(select_attr(&html, ".prose img", "alt"), ["ảnh"]);
}

/// Writes `n` dated entries into `tin-tuc` of a fresh copy of the minimal
/// fixture with 3 entries per page, builds, and returns the category pages.
fn paginate(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = temp_site("minimal");
    std::fs::remove_dir_all(root.join("content/tin-tuc")).unwrap();
    std::fs::remove_file(root.join("content/hoi-dap/dang-ky-ket-hon.md")).unwrap();
    for i in 0..n {
        write(
            &root.join(format!("content/tin-tuc/tin-{i:02}.md")),
            &format!(
                "+++\ntitle = \"Tin số {i}\"\ndate = 2026-01-{:02}\n+++\n\nNội dung.\n",
                i + 1
            ),
        );
    }
    if n == 0 {
        std::fs::create_dir_all(root.join("content/tin-tuc")).unwrap();
    }
    let out = tmp.path().join("out");
    build(&root, &out);
    (tmp, out)
}

fn titles(out: &std::path::Path, rel: &str) -> Vec<String> {
    let html = std::fs::read_to_string(out.join(rel)).unwrap();
    select_text(&html, ".entry-list__title a")
}

#[test]
fn pagination_with_no_entries() {
    let (_t, out) = paginate(0);
    let html = std::fs::read_to_string(out.join("tin-tuc/index.html")).unwrap();
    assert_eq!(
        select_text(&html, ".empty"),
        ["Chuyên mục này chưa có bài viết."]
    );
    assert!(select_html(&html, "nav.pagination").is_empty());
    assert!(!out.join("tin-tuc/page/2").exists());
}

#[test]
fn pagination_with_one_entry() {
    let (_t, out) = paginate(1);
    assert_eq!(titles(&out, "tin-tuc/index.html"), ["Tin số 0"]);
    assert!(!out.join("tin-tuc/page/2").exists());
}

#[test]
fn pagination_with_exactly_one_full_page() {
    let (_t, out) = paginate(3);
    assert_eq!(
        titles(&out, "tin-tuc/index.html"),
        ["Tin số 2", "Tin số 1", "Tin số 0"]
    );
    let html = std::fs::read_to_string(out.join("tin-tuc/index.html")).unwrap();
    assert!(select_html(&html, "nav.pagination").is_empty());
    assert!(!out.join("tin-tuc/page/2").exists());
}

/// A long list names its first and last page and the pages near the
/// current one, not every page: its pages do not grow with the section.
#[test]
fn pagination_of_a_long_list_leaves_out_the_far_pages() {
    let (_t, out) = paginate(30);
    let page = |n: usize| {
        let rel = if n == 1 {
            "tin-tuc/index.html".to_string()
        } else {
            format!("tin-tuc/page/{n}/index.html")
        };
        std::fs::read_to_string(out.join(rel)).unwrap()
    };
    assert_eq!(
        select_text(&page(5), "nav.pagination li"),
        [
            "‹ Trang trước",
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "…",
            "10",
            "Trang sau ›"
        ]
    );
    assert_eq!(
        select_text(&page(1), "nav.pagination li"),
        ["1", "2", "3", "…", "10", "Trang sau ›"]
    );
    assert_eq!(
        select_attr(&page(10), "nav.pagination a[aria-label]", "href"),
        [
            "/tin-tuc/",
            "/tin-tuc/page/8/",
            "/tin-tuc/page/9/",
            "/tin-tuc/page/10/"
        ]
    );
    // Every page is still reached, one after the other.
    let mut seen = vec![1];
    let mut html = page(1);
    while let Some(next) = select_attr(&html, "nav.pagination a[rel=next]", "href").pop() {
        let n: usize = next
            .trim_matches('/')
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        seen.push(n);
        html = page(n);
    }
    assert_eq!(seen, (1..=10).collect::<Vec<_>>());
}

#[test]
fn pagination_with_one_more_than_a_page() {
    let (_t, out) = paginate(4);
    assert_eq!(
        titles(&out, "tin-tuc/index.html"),
        ["Tin số 3", "Tin số 2", "Tin số 1"]
    );
    assert_eq!(titles(&out, "tin-tuc/page/2/index.html"), ["Tin số 0"]);
    assert!(!out.join("tin-tuc/page/3").exists());
    let first = std::fs::read_to_string(out.join("tin-tuc/index.html")).unwrap();
    assert_eq!(
        select_attr(&first, "nav.pagination a[rel=next]", "href"),
        ["/tin-tuc/page/2/"]
    );
    assert_eq!(
        select_attr(&first, "nav.pagination a[aria-current=page]", "href"),
        ["/tin-tuc/"]
    );
    let second = std::fs::read_to_string(out.join("tin-tuc/page/2/index.html")).unwrap();
    assert_eq!(
        select_attr(&second, "nav.pagination a[rel=prev]", "href"),
        ["/tin-tuc/"]
    );
    assert!(select_attr(&second, "nav.pagination a[rel=next]", "href").is_empty());
    // /page/1/ sends readers to the category itself.
    let redirect = std::fs::read_to_string(out.join("tin-tuc/page/1/index.html")).unwrap();
    assert_eq!(
        select_attr(&redirect, "link[rel=canonical]", "href"),
        ["https://stp.example.gov.vn/tin-tuc/"]
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let (tmp, root) = temp_site("minimal");
    build(&root, &tmp.path().join("a"));
    build(&root, &tmp.path().join("b"));
    let a = read_tree(&tmp.path().join("a"));
    let b = read_tree(&tmp.path().join("b"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two builds");
    }
}

#[test]
fn a_failed_first_build_makes_no_folder() {
    let (tmp, root) = temp_site("minimal");
    write(
        &root.join("content/tin-tuc/hong.md"),
        "+++\ntitle = \"Bài lỗi\"\ndate = 2026-02-30\n+++\n\nNội dung.\n",
    );
    let out = tmp.path().join("xuat-ban/pbgdpl/public");
    let o = try_build(&root, &out);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("content/tin-tuc/hong.md:3:8"));
    assert!(
        !tmp.path().join("xuat-ban").exists(),
        "the output's folder was made by a build that failed"
    );
    // Fixed, the same command makes it.
    std::fs::remove_file(root.join("content/tin-tuc/hong.md")).unwrap();
    build(&root, &out);
    assert!(out.join("index.html").is_file());
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let (tmp, root) = temp_site("minimal");
    let out = tmp.path().join("public");
    build(&root, &out);
    std::fs::write(out.join("kept-by-webmaster.txt"), "x").unwrap();
    let before = read_tree(&out);

    write(
        &root.join("content/tin-tuc/hong.md"),
        "+++\ntitle = \"Bài lỗi\"\ndate = 2026-02-30\n+++\n\nNội dung.\n",
    );
    let o = try_build(&root, &out);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("content/tin-tuc/hong.md:3:8"), "{err}");
    assert!(err.contains("3 | date = 2026-02-30"), "{err}");
    assert_eq!(read_tree(&out), before, "the previous output changed");
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The keys of the output's files and the rendered bodies stay
        // beside it, for the next build.
        .filter(|n| {
            n.contains("pbgdpl") && n != ".public.pbgdpl-keys" && n != ".public.pbgdpl-bodies"
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary directories left: {leftovers:?}"
    );
}

#[test]
fn one_run_reports_every_error() {
    let (_tmp, root) = temp_site("minimal");
    write(
        &root.join("content/tin-tuc/a.md"),
        "+++\ntitle = \"A\"\ndate = 2026-02-30\n+++\n",
    );
    write(
        &root.join("content/tin-tuc/b.md"),
        "+++\ntitel = \"B\"\ndate = 2026-02-01\n+++\n",
    );
    write(
        &root.join("content/van-ban/c.md"),
        "+++\ntitle = \"C\"\n+++\n",
    );
    let o = pbgdpl(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("content/tin-tuc/a.md:3:8"), "{err}");
    assert!(err.contains("content/tin-tuc/b.md:2:1"), "{err}");
    assert!(err.contains("content/van-ban/"), "{err}");
    assert!(err.contains("3 lỗi, 0 cảnh báo"), "{err}");
}

#[test]
fn init_then_build_works() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("moi");
    let o = pbgdpl(&[
        "init",
        dir.to_str().unwrap(),
        "--agency",
        "Sở Y tế tỉnh Thử Nghiệm",
        "--province-url",
        BANNER_URL,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for c in pbgdpl::category::CATEGORIES.iter() {
        assert!(
            dir.join("content").join(c.key).join("_index.md").is_file(),
            "{}",
            c.key
        );
    }
    let out = dir.join("public");
    let o = pbgdpl(&["build", "--root", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !stderr(&o).contains("warning"),
        "a fresh section has no warnings: {}",
        stderr(&o)
    );
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(select_attr(&home, ".pbgdpl-banner a", "href"), [BANNER_URL]);
    assert!(home.contains("Sở Y tế tỉnh Thử Nghiệm"));
    // A second init refuses to overwrite.
    let again = pbgdpl(&["init", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("đã có site.toml"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn sites_under_a_sub_path_link_within_it() {
    let (tmp, root) = temp_site("minimal");
    let out = tmp.path().join("out");
    let o = pbgdpl(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--base-url",
        "https://portal.example.gov.vn/pbgdpl/",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (path, html) in html_pages(&out) {
        for href in select_attr(&html, "a", "href") {
            if href.starts_with('/') {
                assert!(href.starts_with("/pbgdpl/"), "{href} in {path}");
            }
        }
        for href in select_attr(&html, "link[rel=stylesheet]", "href") {
            assert_eq!(href, "/pbgdpl/assets/pbgdpl.css");
        }
    }
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://portal.example.gov.vn/pbgdpl/tin-tuc/</loc>"));
}

#[test]
fn a_site_can_override_a_template() {
    let (tmp, root) = temp_site("minimal");
    write(
        &root.join("templates/partials/footer.html"),
        "<footer class=\"site-footer\"><p>Chân trang riêng của {{ site.agency.name }}</p></footer>\n",
    );
    let out = tmp.path().join("out");
    build(&root, &out);
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(
        select_text(&home, "footer p"),
        ["Chân trang riêng của Sở Tư pháp tỉnh Thử Nghiệm"]
    );
}

#[test]
fn sitemap_robots_and_404_are_emitted() {
    let (tmp, root) = temp_site("minimal");
    let out = tmp.path().join("out");
    build(&root, &out);
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://stp.example.gov.vn/van-ban-moi/nghi-dinh-13/</loc>"));
    assert!(sitemap.contains("<lastmod>2026-03-01</lastmod>"));
    // Filter and tag pages are listed too, each a page that exists.
    for loc in [
        "van-ban-moi/loai/nghi-dinh/",
        "huong-dan-chi-dao/loai/huong-dan/",
        "the/",
        "the/dat-dai/",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>https://stp.example.gov.vn/{loc}</loc>")),
            "{loc} in the sitemap"
        );
        assert!(out.join(loc).join("index.html").is_file(), "{loc} exists");
    }
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://stp.example.gov.vn/sitemap.xml"));
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert_eq!(select_text(&not_found, "h1"), ["Không tìm thấy trang"]);
    assert_eq!(
        select_attr(&not_found, "meta[name=robots]", "content"),
        ["noindex, nofollow"]
    );
}

#[test]
fn english_interface_strings() {
    let (tmp, root) = temp_site("minimal");
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    write(
        &root.join("site.toml"),
        &toml.replace(
            "entries_per_page = 3",
            "entries_per_page = 3\nlanguage = \"en\"",
        ),
    );
    let out = tmp.path().join("out");
    build(&root, &out);
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(select_attr(&home, "html", "lang"), ["en"]);
    assert_eq!(select_text(&home, ".skip-link"), ["Skip to main content"]);
    assert!(
        select_text(&home, "nav.site-nav a").contains(&"Legal questions and answers".to_string())
    );
}

#[test]
fn the_demo_and_every_example_build_without_errors_or_warnings() {
    let mut sites = vec![repo_root()];
    for e in std::fs::read_dir(repo_root().join("examples")).unwrap() {
        let p = e.unwrap().path();
        if p.join("site.toml").is_file() {
            sites.push(p);
        }
    }
    assert!(sites.len() >= 3);
    for site in sites {
        let o = pbgdpl(&["check", "--offline", "--root", site.to_str().unwrap()]);
        assert!(o.status.success(), "{}:\n{}", site.display(), stderr(&o));
        assert!(
            !stderr(&o).contains("warning:"),
            "{}:\n{}",
            site.display(),
            stderr(&o)
        );
    }
}

/// The URLs of the entries `term` (folded) finds in the index a build
/// wrote into `out`, read as the search page reads it.
fn search(out: &std::path::Path, term: &str) -> Vec<String> {
    use pbgdpl::search::{Manifest, read::Reader};
    let page = std::fs::read_to_string(out.join("tim-kiem/index.html")).unwrap();
    let manifest = Manifest::from_page(&page).expect("the search page carries the manifest");
    let dir = out.join(manifest.r.trim_start_matches('/'));
    let reader = Reader::new(&manifest, |p| std::fs::read(dir.join(p)).ok()).unwrap();
    reader
        .postings(term)
        .expect("the shard of the term is there")
        .iter()
        .map(|p| {
            let f = reader.fragment(p.doc, 0).expect("its fragment is there");
            f["u"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn the_search_index_holds_the_whole_text_of_published_entries_only() {
    let (tmp, root) = temp_site("minimal");
    write(
        &root.join("content/tin-tuc/nhap.md"),
        "+++\ntitle = \"Bản nháp về đất đai\"\ndate = 2026-05-05\nstatus = \"draft\"\n+++\n\nChưa duyệt.\n",
    );
    // A phrase only at the end of a long body.
    let long = format!(
        "+++\ntitle = \"Kế hoạch dài\"\ndate = 2026-05-06\n+++\n\n{}\n\nCuối cùng là hoà giải viên cơ sở.\n",
        "Nội dung tuyên truyền pháp luật cho người dân. ".repeat(400)
    );
    write(&root.join("content/tin-tuc/dai.md"), &long);
    let out = tmp.path().join("out");
    build(&root, &out);
    let land = "/tin-tuc/pho-bien-phap-luat-ve-dat-dai/".to_string();
    assert!(search(&out, "dat dai").contains(&land));
    assert!(
        search(&out, "dong son").contains(&land),
        "titles are indexed"
    );
    assert_eq!(
        search(&out, "hoa giai"),
        ["/tin-tuc/dai/"],
        "the whole body is indexed"
    );
    assert!(
        search(&out, "ban nhap").is_empty(),
        "drafts are not searchable"
    );
    // Document numbers whole and by their parts, not by any NĐ-* number.
    let decree = search(&out, "13/2023/nd-cp");
    assert_eq!(decree.len(), 1);
    assert_eq!(search(&out, "nd-cp"), decree);
    assert_eq!(search(&out, "13/2023"), decree);
    assert!(search(&out, "nd-ttg").is_empty());
    // Filters are terms too.
    assert!(search(&out, "c:tin-tuc").contains(&land));
    let search_page = std::fs::read_to_string(out.join("tim-kiem/index.html")).unwrap();
    assert!(!search_page.contains("search-index.json"));
    assert!(!out.join("search-index.json").exists());
    // The client is a file of its own, named by the hash of its bytes; the
    // page's only inline script is the manifest, data a browser never runs.
    let client = select_attr(&search_page, "script[src]", "src");
    assert_eq!(client.len(), 1, "{client:?}");
    let name = regex::Regex::new(r"^/tim-kiem/i/search\.([0-9a-f]{8})\.js$").unwrap();
    let hash = &name.captures(&client[0]).expect("a content-hashed name")[1];
    let code = std::fs::read(out.join(client[0].trim_start_matches('/'))).unwrap();
    assert_eq!(
        hash,
        format!("{:08x}", xxhash_rust::xxh3::xxh3_64(&code) as u32)
    );
    assert!(String::from_utf8(code).unwrap().contains("search-index"));
    assert_eq!(
        select_attr(&search_page, "script:not([src])", "type"),
        ["application/json"]
    );
    // Every file of the index is named by its content.
    for (path, _) in read_tree(&out.join("tim-kiem/i")) {
        assert!(
            path.split('/').next_back().unwrap().split('.').count() >= 3,
            "{path} has no hash in its name"
        );
    }
    assert!(!out.join("tin-tuc/nhap").exists(), "drafts are not built");
}

/// An edit renames only what it changed: the edited entry's fragments and
/// group, the shards of its terms; the other files keep their names, so
/// browsers keep them.
#[test]
fn an_edit_changes_only_some_files_of_the_index() {
    let (tmp, root) = temp_site("minimal");
    for i in 0..40 {
        write(
            &root.join(format!("content/tin-tuc/tin-{i}.md")),
            &format!(
                "+++\ntitle = \"Tin số {i} về hộ tịch\"\ndate = 2026-04-{:02}\n+++\n\nCấp xã tuyên truyền pháp luật lần {i}.\n",
                i % 28 + 1
            ),
        );
    }
    let out = tmp.path().join("out");
    build(&root, &out);
    let before: std::collections::BTreeSet<String> =
        read_tree(&out.join("tim-kiem/i")).into_keys().collect();
    let edited = root.join("content/tin-tuc/tin-7.md");
    let text = std::fs::read_to_string(&edited).unwrap();
    write(
        &edited,
        &text.replace("lần 7", "lần bảy, thêm chữ khuyến nông"),
    );
    build(&root, &out);
    let after: std::collections::BTreeSet<String> =
        read_tree(&out.join("tim-kiem/i")).into_keys().collect();
    let kept = before.intersection(&after).count();
    let changed = after.difference(&before).count();
    assert!(changed > 0, "the edit shows in the index");
    assert!(
        kept > 4 * changed,
        "{changed} of {} files changed names: {:?}",
        after.len(),
        after.difference(&before).collect::<Vec<_>>()
    );
    assert_eq!(search(&out, "khuyen nong"), ["/tin-tuc/tin-7/"]);
}

#[test]
fn tags_have_pages_across_categories() {
    let (tmp, root) = temp_site("minimal");
    write(
        &root.join("content/hoi-dap/dat-dai.md"),
        "+++\nid = \"hoi-dap/dat-dai\"\ntitle = \"Hỏi về đất đai\"\ndate = 2026-06-01\ntags = [\"Đất đai\"]\n+++\n\nTrả lời.\n",
    );
    write(
        &root.join("content/tin-tuc/nhap.md"),
        "+++\nid = \"tin-tuc/nhap\"\ntitle = \"Nháp\"\ndate = 2026-06-02\nstatus = \"draft\"\ntags = [\"đất đai\", \"bí mật\"]\n+++\n\nChưa duyệt.\n",
    );
    let out = tmp.path().join("out");
    build(&root, &out);
    // "đất đai" and "Đất đai" share one page; newest first across categories.
    let tag = std::fs::read_to_string(out.join("the/dat-dai/index.html")).unwrap();
    assert_eq!(
        select_text(&tag, ".entry-list__title a"),
        [
            "Hỏi về đất đai",
            "Phổ biến pháp luật về đất đai tại xã Đông Sơn"
        ]
    );
    let index = std::fs::read_to_string(out.join("the/index.html")).unwrap();
    assert_eq!(
        select_attr(&index, ".tag-cloud a", "href"),
        ["/the/dat-dai/"]
    );
    assert!(
        !out.join("the/bi-mat").exists(),
        "a draft's tags get no page"
    );
    let entry = std::fs::read_to_string(out.join("hoi-dap/dat-dai/index.html")).unwrap();
    assert_eq!(select_attr(&entry, ".tags a", "href"), ["/the/dat-dai/"]);
}

#[test]
fn national_links_can_be_configured_and_static_files_are_copied() {
    let (tmp, root) = temp_site("minimal");
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    write(
        &root.join("site.toml"),
        &format!("{toml}\n[national_links]\ngazette = \"https://congbao.example.gov.vn\"\n"),
    );
    write(
        &root.join("static/anh/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let out = tmp.path().join("out");
    build(&root, &out);
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    let links = select_attr(&home, "nav.national-links a", "href");
    assert_eq!(links.len(), 5);
    assert!(
        links.contains(&"https://congbao.example.gov.vn".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"https://vbpl.vn".to_string()),
        "defaults stay: {links:?}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("anh/logo.svg")).unwrap(),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    );
}

#[test]
fn require_approver_warns_on_approved_entries_without_one() {
    let (_tmp, root) = temp_site("minimal");
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    write(
        &root.join("site.toml"),
        &format!("{toml}\n[workflow]\nrequire_approver = true\n"),
    );
    write(
        &root.join("content/tin-tuc/da-duyet.md"),
        "+++\nid = \"tin-tuc/da-duyet\"\ntitle = \"Đã duyệt\"\ndate = 2026-06-01\nstatus = \"approved\"\napprover = \"Trần Văn B\"\n+++\n\nNội dung.\n",
    );
    let o = pbgdpl(&["check", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("bài đã duyệt nhưng chưa ghi người duyệt"),
        "{err}"
    );
    assert!(err.contains("content/tin-tuc/ba.md"), "{err}");
    assert!(!err.contains("content/tin-tuc/da-duyet.md"), "{err}");
}

/// Lists share one template value per entry (`Common::list_value`) and an
/// entry's page adds what only it shows (`Common::full_value`): both must
/// be exactly what serialising the entry's view gives, for every kind of
/// entry and every state (drafts, scheduled, photos, attachments, Q&A),
/// also when made again after the build loop dropped them.
#[test]
fn shared_template_values_are_the_entry_views() {
    use pbgdpl::render::{Full, Listed, Prepared};
    let (tmp, kinds) = temp_site("kinds");
    let demo = tmp.path().join("demo");
    for part in ["site.toml", "content", "static"] {
        let from = repo_root().join(part);
        if from.is_dir() {
            copy_dir(&from, &demo.join(part));
        } else if from.is_file() {
            std::fs::create_dir_all(&demo).unwrap();
            std::fs::copy(&from, demo.join(part)).unwrap();
        }
    }
    for root in [kinds, demo] {
        let options = pbgdpl::BuildOptions {
            drafts: true,
            offline: true,
            ..Default::default()
        };
        let (site, _) = pbgdpl::Site::load(&root, &options).expect("the site loads");
        let p = Prepared::new(&site);
        assert!(p.pages.len() > 10, "{}", p.pages.len());
        for page in &p.pages {
            let listed = Listed::new(page);
            let list = tera::Value::from_serializable(&p.list_entry(listed));
            let full = tera::Value::from_serializable(&p.full_entry(Full(page)));
            // Twice: made, then shared.
            for _ in 0..2 {
                assert!(p.list_value(listed) == list, "{}", page.url);
                assert!(p.full_value(Full(page)) == full, "{}", page.url);
            }
            assert!(list != full, "{}: the page shows more than lists", page.url);
        }
        // Forgotten once the lists are done, then made again the same.
        p.forget_list_values();
        for page in &p.pages {
            let listed = Listed::new(page);
            let list = tera::Value::from_serializable(&p.list_entry(listed));
            assert!(p.list_value(listed) == list, "{}", page.url);
        }
    }
}
