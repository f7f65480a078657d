//! The typed content of a PBGDPL section and its editorial workflow, as a
//! reader and an editor see them: the fixture site `tests/fixtures/kinds`
//! (every category, drafts, entries awaiting approval, scheduled and expired
//! ones) is built with a fixed "today" and its output inspected.
//!
//! Invalid content is checked against golden files: `tests/golden/kinds/*.stderr`
//! hold exactly what `pbgdpl check` prints for each broken entry of
//! `tests/fixtures/invalid/<case>/` (laid over the valid fixture). After an
//! intended change of wording, regenerate them with
//! `PBGDPL_BLESS=1 cargo test --test content_kinds` and review the diff.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use support::*;

/// The fixture's "today".
const TODAY: &str = "2026-06-15";

fn kinds() -> std::path::PathBuf {
    fixture("kinds")
}

fn built() -> Built {
    build_with(&kinds(), TODAY, false)
}

#[test]
fn materials_carry_the_tag_of_their_language_and_are_listed_by_language() {
    let site = built();
    // Tiếng Thái: a collective tag of the Tai languages (docs/content.md).
    let page = site.page("tai-lieu/sach-noi-luat-hon-nhan/index.html");
    let track = page.select(&sel("track")).next();
    let audio = page.select(&sel("figure.media--audio")).next().unwrap();
    assert_eq!(audio.value().attr("lang"), Some("tai"));
    assert!(track.is_none_or(|t| t.value().attr("srclang") == Some("tai")));
    let transcript = page.select(&sel(".transcript .prose")).next().unwrap();
    assert_eq!(transcript.value().attr("lang"), Some("tai"));
    // Vietnamese materials say so too.
    let vi = site.page("tai-lieu/video-co-phu-de/index.html");
    let track = vi.select(&sel("track")).next().unwrap();
    assert_eq!(track.value().attr("srclang"), Some("vi"));
    // Feeds carry the tag beside the name.
    let feed: serde_json::Value = serde_json::from_str(&site.text("tai-lieu/feed.json")).unwrap();
    let thai = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["url"]
                .as_str()
                .unwrap()
                .contains("sach-noi-luat-hon-nhan")
        })
        .unwrap();
    let m = &thai["_pbgdpl"]["meta"]["material"];
    assert_eq!(
        (m["language"].as_str(), m["lang"].as_str()),
        (Some("Tiếng Thái"), Some("tai"))
    );
    // The category lists its materials by language, Vietnamese first.
    let list = site.page("tai-lieu/index.html");
    let names = texts(&list, ".by-language__name");
    assert!(names.len() >= 2, "{names:?}");
    assert!(names[0].starts_with("Tiếng Việt"), "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("Tiếng Thái")),
        "{names:?}"
    );
}

// ---------------------------------------------------------------------------
// Valid entries render their metadata.

#[test]
fn a_legal_document_shows_its_metadata_table_and_attachments() {
    let site = built();
    let doc = site.page("van-ban-moi/luat-dat-dai/index.html");
    let table = "table.meta-table";
    assert_eq!(
        texts(&doc, "table.meta-table caption"),
        ["Thông tin văn bản"]
    );
    for (label, value) in [
        ("Số ký hiệu", "31/2024/QH15"),
        ("Loại văn bản", "Luật"),
        ("Cơ quan ban hành", "Quốc hội"),
        ("Người ký", "Vương Đình Huệ"),
        ("Ngày ban hành", "18/01/2024"),
        ("Ngày có hiệu lực", "01/08/2024"),
        ("Tình trạng hiệu lực", "còn hiệu lực"),
        ("Lĩnh vực", "Đất đai"),
    ] {
        assert_eq!(meta(&doc, table, label).as_deref(), Some(value), "{label}");
    }
    let source: Vec<_> = doc
        .select(&sel("a[href^='https://vbpl.vn/']"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        source,
        ["https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=164818"]
    );
    // The metadata table comes before the body, at the top of the entry.
    let html = site.text("van-ban-moi/luat-dat-dai/index.html");
    assert!(html.find("meta-table").unwrap() < html.find("16 chương").unwrap());

    let rows: Vec<Vec<String>> = doc
        .select(&sel(".attachments tbody tr"))
        .map(|tr| tr.select(&sel("td")).map(text).collect())
        .collect();
    assert_eq!(
        rows,
        [[
            "Toàn văn Luật Đất đai số 31/2024/QH15".to_string(),
            "PDF".to_string(),
            format!(
                "{} B",
                std::fs::metadata(
                    kinds().join("content/van-ban-moi/luat-dat-dai/luat-31-2024-qh15.pdf")
                )
                .unwrap()
                .len()
            ),
        ]]
    );
    let href = doc
        .select(&sel(".attachments a"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(
        href,
        "/pbgdpl/van-ban-moi/luat-dat-dai/luat-31-2024-qh15.pdf"
    );
    assert!(site.has("van-ban-moi/luat-dat-dai/luat-31-2024-qh15.pdf"));
}

#[test]
fn new_document_types_are_accepted_and_shown() {
    let site = built();
    for (page, ty) in [
        ("thong-bao/giay-moi-hoi-nghi/index.html", "Giấy mời"),
        ("van-ban-moi/quy-dinh-tiep-cong-dan/index.html", "Quy định"),
        ("van-ban-moi/ket-luan-giao-ban/index.html", "Kết luận"),
        ("ke-hoach/ke-hoach-pbgdpl-2026/index.html", "Kế hoạch"),
        ("thong-ke/bao-cao-nam-2025/index.html", "Báo cáo"),
    ] {
        let doc = site.page(page);
        assert_eq!(
            meta(&doc, "table.meta-table", "Loại văn bản").as_deref(),
            Some(ty),
            "{page}"
        );
    }
}

#[test]
fn a_question_is_shown_question_first_with_faq_json_ld() {
    let site = built();
    let path = "hoi-dap/thu-tuc-cap-giay-chung-nhan/index.html";
    let doc = site.page(path);
    let question = "Gia đình tôi sử dụng đất ổn định từ năm 1995, không có giấy tờ. Nay muốn được cấp Giấy chứng nhận thì cần làm thủ tục gì?";
    assert_eq!(texts(&doc, "blockquote.qa__question"), [question]);
    let headings = texts(&doc, "section.qa h2");
    assert_eq!(headings, ["Câu hỏi", "Trả lời"]);
    let html = site.text(path);
    let main = &html[html.find("<main").unwrap()..];
    assert!(main.find(question).unwrap() < main.find("Điều 138").unwrap());
    let dl = texts(&doc, "section.qa dl div");
    for item in [
        "Người hỏi: Bạn đọc ở xã Yên Bình",
        "Ngày hỏi: 02/03/2026",
        "Lĩnh vực: Đất đai",
        "Cơ quan trả lời: Sở Tư pháp tỉnh Kiểm Thử",
        "Ngày trả lời: 09/03/2026",
    ] {
        let (k, v) = item.split_once(": ").unwrap();
        assert!(
            dl.iter().any(|d| d.contains(k) && d.contains(v)),
            "{item} in {dl:?}"
        );
    }
    let ld = doc
        .select(&sel("script[type='application/ld+json']"))
        .next()
        .expect("JSON-LD");
    let json: serde_json::Value = serde_json::from_str(&ld.inner_html()).unwrap();
    assert_eq!(json["@type"], "FAQPage");
    assert_eq!(json["mainEntity"][0]["@type"], "Question");
    assert_eq!(json["mainEntity"][0]["name"], question);
    assert!(
        json["mainEntity"][0]["acceptedAnswer"]["text"]
            .as_str()
            .unwrap()
            .contains("Điều 138")
    );
}

#[test]
fn an_activity_shows_its_metadata_with_the_canonical_form() {
    let site = built();
    let doc = site.page("hoat-dong/hoi-nghi-pho-bien-luat-dat-dai/index.html");
    let t = "table.meta-table";
    for (label, value) in [
        ("Thời gian", "10/02/2026"),
        ("Địa điểm", "Hội trường UBND tỉnh"),
        ("Hình thức", "Hội nghị"),
        ("Đối tượng", "Công chức địa chính - xây dựng cấp xã"),
        ("Số người tham dự", "150"),
        (
            "Đơn vị tổ chức",
            "Sở Tư pháp phối hợp với Sở Nông nghiệp và Môi trường",
        ),
        (
            "Báo cáo viên, tuyên truyền viên",
            "Nguyễn Văn Bình, Phạm Thị Thu",
        ),
        ("Lĩnh vực", "Đất đai"),
    ] {
        assert_eq!(meta(&doc, t, label).as_deref(), Some(value), "{label}");
    }
    // Written without diacritics, shown as the closed list spells it.
    let doc = site.page("hoat-dong/tuyen-truyen-luu-dong-vung-cao/index.html");
    assert_eq!(
        meta(&doc, t, "Hình thức").as_deref(),
        Some("Tuyên truyền lưu động")
    );
    // Without held_on, the activity is dated by its entry date.
    let doc = site.page("hoat-dong/hop-hoi-dong-phoi-hop/index.html");
    assert_eq!(meta(&doc, t, "Thời gian").as_deref(), Some("15/01/2026"));
}

#[test]
fn a_dialogue_shows_its_metadata() {
    let site = built();
    let doc = site.page("doi-thoai/doi-thoai-thu-tuc-dat-dai/index.html");
    let t = "table.meta-table";
    for (label, value) in [
        ("Thời gian", "17/04/2026"),
        ("Địa điểm", "Hội trường UBND huyện Yên Bình"),
        ("Chủ đề", "Thủ tục cấp Giấy chứng nhận quyền sử dụng đất"),
        ("Chủ trì", "Phó Chủ tịch UBND tỉnh"),
        ("Thành phần", "Đại diện các sở, ngành và 60 người dân"),
        ("Số người tham dự", "60"),
        (
            "Kết quả",
            "Giải đáp 14 kiến nghị; giao Sở Nông nghiệp và Môi trường rà soát thủ tục.",
        ),
    ] {
        assert_eq!(meta(&doc, t, label).as_deref(), Some(value), "{label}");
    }
}

#[test]
fn materials_embed_video_with_captions_youtube_and_audio_with_transcript() {
    let site = built();
    let base = "/pbgdpl/tai-lieu/video-co-phu-de/";
    let doc = site.page("tai-lieu/video-co-phu-de/index.html");
    assert_eq!(
        meta(&doc, "table.meta-table", "Loại tài liệu").as_deref(),
        Some("Video")
    );
    let video = doc.select(&sel("video")).next().expect("a <video>");
    assert_eq!(
        video.value().attr("poster"),
        Some(&*format!("{base}anh-bia.jpg"))
    );
    let track = doc.select(&sel("video track")).next().expect("a <track>");
    assert_eq!(track.value().attr("kind"), Some("captions"));
    assert_eq!(
        track.value().attr("src"),
        Some(&*format!("{base}hoa-giai.vi.vtt"))
    );
    assert_eq!(track.value().attr("srclang"), Some("vi"));
    for f in ["hoa-giai.mp4", "hoa-giai.vi.vtt", "anh-bia.jpg"] {
        assert!(site.has(&format!("tai-lieu/video-co-phu-de/{f}")), "{f}");
    }

    let doc = site.page("tai-lieu/video-youtube-hoa-giai/index.html");
    let iframe = doc.select(&sel("iframe")).next().expect("an <iframe>");
    assert_eq!(
        iframe.value().attr("src"),
        Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    );
    assert!(iframe.value().attr("title").is_some());
    // With iframes or JavaScript off, a plain link still leads to the video.
    assert_eq!(
        doc.select(&sel(
            "figcaption a[href='https://www.youtube.com/watch?v=dQw4w9WgXcQ']"
        ))
        .count(),
        1
    );

    let doc = site.page("tai-lieu/sach-noi-luat-hon-nhan/index.html");
    assert_eq!(
        meta(&doc, "table.meta-table", "Ngôn ngữ").as_deref(),
        Some("Tiếng Thái")
    );
    let audio = doc.select(&sel("audio")).next().expect("an <audio>");
    assert_eq!(
        audio.value().attr("src"),
        Some("/pbgdpl/tai-lieu/sach-noi-luat-hon-nhan/chuong-1.mp3")
    );
    let transcript: Vec<_> = doc
        .select(&sel(".media--audio figcaption a[href$='.vtt']"))
        .collect();
    assert_eq!(transcript.len(), 1, "one transcript link");
    assert_eq!(text(transcript[0]), "Tải về lời thoại dạng văn bản");
    assert!(transcript[0].value().attr("download").is_some());
    assert!(site.has("tai-lieu/sach-noi-luat-hon-nhan/chuong-1.vtt"));
    // The transcript is also readable on the page, without downloading.
    assert_eq!(
        texts(&doc, "details.transcript summary"),
        ["Lời thoại dạng văn bản"]
    );
    assert_eq!(
        texts(&doc, "details.transcript p"),
        ["Chương I. Những quy định chung."]
    );
}

#[test]
fn the_directory_and_the_editorial_roles_are_shown() {
    let site = built();
    let doc = site.page("danh-ba/dau-moi-pbgdpl/index.html");
    let cells: Vec<String> = texts(&doc, "table.data-table tbody tr > *");
    assert_eq!(
        cells,
        [
            "Phòng Phổ biến, giáo dục pháp luật",
            "Trưởng phòng",
            "Sở Tư pháp",
            "0200 3812 345",
            "pbgdpl@stp.kiemthu.gov.vn"
        ]
    );
    assert_eq!(doc.select(&sel("a[href='tel:02003812345']")).count(), 1);

    let doc = site.page("tin-tuc/so-ket-6-thang/index.html");
    let roles: Vec<String> = doc
        .select(&sel("dl.editorial div"))
        .map(|d| texts_in(d, "dt, dd").join(" "))
        .collect();
    assert_eq!(
        roles,
        [
            "Tác giả Lê Thị Hoa",
            "Biên tập Trần Văn Nam",
            "Người duyệt Nguyễn Văn Bình"
        ]
    );
}

#[test]
fn a_data_table_has_an_accessible_page_and_a_csv() {
    let site = built();
    let doc = site.page("thong-ke/bao-cao-vien/index.html");
    assert_eq!(
        texts(&doc, "h1"),
        ["Danh sách báo cáo viên pháp luật cấp tỉnh"]
    );
    assert_eq!(
        texts(&doc, "table.data-table caption"),
        ["Danh sách báo cáo viên pháp luật cấp tỉnh"]
    );
    assert_eq!(
        doc.select(&sel("table.data-table thead th[scope='col']"))
            .count(),
        5
    );
    // "TT" is only a running number: the name heads each row.
    assert_eq!(
        texts(&doc, "table.data-table tbody th[scope='row']"),
        ["Nguyễn Văn Bình", "Phạm Thị Thu", "Hoàng Văn \"Sơn\""]
    );
    assert_eq!(
        texts(&doc, "table.data-table tbody td.num"),
        ["1", "24", "2", "1050", "3", "7"]
    );
    let csv_link = doc
        .select(&sel("a[download][href$='.csv']"))
        .next()
        .expect("a CSV link");
    assert_eq!(
        csv_link.value().attr("href"),
        Some("/pbgdpl/thong-ke/bao-cao-vien.csv")
    );
    let bytes = std::fs::read(site.out.join("thong-ke/bao-cao-vien.csv")).unwrap();
    assert_eq!(
        csv_records(&bytes),
        [
            vec!["TT", "Họ và tên", "Chức vụ", "Đơn vị", "Số buổi báo cáo"],
            vec!["1", "Nguyễn Văn Bình", "Giám đốc", "Sở Tư pháp", "24"],
            vec![
                "2",
                "Phạm Thị Thu",
                "Trưởng phòng",
                "Phòng Phổ biến, giáo dục pháp luật",
                "1050"
            ],
            vec!["3", "Hoàng Văn \"Sơn\"", "Chuyên viên", "Thanh tra Sở", "7"],
        ]
    );
    // Quoting as RFC 4180 asks: commas and quotes inside a field.
    let raw = String::from_utf8(bytes).unwrap();
    assert!(raw.contains("\"Phòng Phổ biến, giáo dục pháp luật\""));
    assert!(raw.contains("\"Hoàng Văn \"\"Sơn\"\"\""));
    // Listed on the statistics page, and in the sitemap.
    let doc = site.page("thong-ke/index.html");
    assert_eq!(
        doc.select(&sel(
            ".data-tables a[href='/pbgdpl/thong-ke/bao-cao-vien/']"
        ))
        .count(),
        1
    );
    assert!(
        site.text("sitemap.xml")
            .contains("<loc>https://stp.kiemthu.gov.vn/pbgdpl/thong-ke/bao-cao-vien/</loc>")
    );
}

// ---------------------------------------------------------------------------
// Filter pages of the document categories.

fn texts_in(e: scraper::ElementRef<'_>, selector: &str) -> Vec<String> {
    e.select(&sel(selector)).map(text).collect()
}

fn entry_titles(doc: &scraper::Html) -> Vec<String> {
    texts(doc, ".entry-list__title a")
}

fn menu(doc: &scraper::Html) -> Vec<(String, Option<String>)> {
    doc.select(&sel("nav.filter-menu a"))
        .map(|a| (text(a), a.value().attr("aria-current").map(str::to_string)))
        .collect()
}

#[test]
fn document_categories_have_static_pages_by_type_and_year() {
    let site = built();
    let doc = site.page("van-ban-moi/index.html");
    let m = menu(&doc);
    assert_eq!(
        m.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        [
            "Tất cả (5)",
            "Luật (1)",
            "Nghị định (1)",
            "Quyết định (1)",
            "Quy định (1)",
            "Kết luận (1)",
            "2026 (3)",
            "2025 (1)",
            "2024 (1)",
        ],
        "types in the order of the closed list, years newest first; drafts, \
         entries awaiting approval, scheduled and expired ones are not counted"
    );
    assert_eq!(
        m.iter()
            .filter(|(_, c)| c.is_some())
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>(),
        ["Tất cả (5)"]
    );
    assert_eq!(
        texts(&doc, "nav.filter-menu h2"),
        ["Lọc theo loại văn bản", "Lọc theo năm ban hành"]
    );

    let doc = site.page("van-ban-moi/loai/quyet-dinh/index.html");
    assert_eq!(
        entry_titles(&doc),
        ["Quyết định ban hành bảng giá đất năm 2026"]
    );
    assert_eq!(
        texts(&doc, "h1"),
        ["Giới thiệu văn bản pháp luật mới: Quyết định"]
    );
    let current: Vec<_> = menu(&doc)
        .into_iter()
        .filter(|(_, c)| c.as_deref() == Some("page"))
        .map(|(t, _)| t)
        .collect();
    assert_eq!(current, ["Quyết định (1)"]);
    assert_eq!(
        texts(&doc, ".breadcrumb a[aria-current='page']"),
        ["Quyết định"]
    );

    // Year of issue, newest entries first, paginated like the category (2 a page).
    let p1 = site.page("van-ban-moi/nam/2026/index.html");
    let p2 = site.page("van-ban-moi/nam/2026/page/2/index.html");
    assert_eq!(
        entry_titles(&p1),
        [
            "Quy định về tiếp công dân tại Sở Tư pháp",
            "Kết luận giao ban công tác tư pháp quý I",
        ]
    );
    assert_eq!(
        entry_titles(&p2),
        ["Quyết định ban hành bảng giá đất năm 2026"]
    );
    assert_eq!(texts(&p1, "nav.pagination a[aria-current='page']"), ["1"]);
    assert_eq!(
        p1.select(&sel(
            "nav.pagination a[rel='next'][href='/pbgdpl/van-ban-moi/nam/2026/page/2/']"
        ))
        .count(),
        1
    );
    assert!(
        site.text("van-ban-moi/nam/2026/page/1/index.html")
            .contains("/pbgdpl/van-ban-moi/nam/2026/")
    );
    assert_eq!(
        entry_titles(&site.page("van-ban-moi/nam/2024/index.html")),
        ["Luật Đất đai năm 2024"]
    );

    // Types that only unpublished entries have get no page.
    for ty in ["nghi-quyet", "thong-tu", "chi-thi", "cong-van"] {
        assert!(
            !site.has(&format!("van-ban-moi/loai/{ty}/index.html")),
            "{ty}"
        );
    }
    // Other categories offer filters when their entries carry document metadata.
    assert_eq!(
        menu(&site.page("thong-bao/index.html"))
            .into_iter()
            .map(|(t, _)| t)
            .collect::<Vec<_>>(),
        ["Tất cả (1)", "Giấy mời (1)", "2026 (1)"]
    );
    assert!(site.has("thong-bao/loai/giay-moi/index.html"));
    assert!(menu(&site.page("tin-tuc/index.html")).is_empty());
    assert!(!site.has("tin-tuc/loai"));
}

#[test]
fn every_internal_link_of_the_output_leads_to_a_file() {
    for drafts in [false, true] {
        let site = build_with(&kinds(), TODAY, drafts);
        let files = site.files();
        for f in files.iter().filter(|f| f.ends_with(".html")) {
            let doc = site.page(f);
            for a in doc.select(&sel(
                "a[href], link[href], img[src], source[src], track[src], audio[src], video[poster]",
            )) {
                let v = a.value();
                let target = v
                    .attr("href")
                    .or(v.attr("src"))
                    .or(v.attr("poster"))
                    .unwrap();
                let Some(path) = target.strip_prefix("/pbgdpl/") else {
                    continue;
                };
                let path = path.split('#').next().unwrap();
                let file = if path.is_empty() || path.ends_with('/') {
                    format!("{path}index.html")
                } else {
                    path.to_string()
                };
                assert!(
                    files.contains(&file),
                    "{f} links to {target}, which was not written (drafts: {drafts})"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The editorial workflow.

/// Unpublished entries of the fixture on 2026-06-15: (output dir, title).
const UNPUBLISHED: &[(&str, &str)] = &[
    (
        "van-ban-moi/du-thao-nghi-quyet-chua-duyet",
        "Dự thảo giới thiệu Nghị quyết chưa duyệt",
    ),
    (
        "van-ban-moi/thong-tu-cho-duyet",
        "Giới thiệu Thông tư đang chờ duyệt",
    ),
    ("van-ban-moi/chi-thi-sap-dang", "Chỉ thị sắp đăng theo lịch"),
    ("van-ban-moi/cong-van-het-han", "Công văn đã hết hạn đăng"),
    (
        "hoat-dong/hoi-nghi-dang-soan",
        "Hội nghị đang soạn thảo tin",
    ),
    ("hoat-dong/tap-huan-cho-duyet", "Tập huấn chờ duyệt tin"),
    ("hoat-dong/hoi-thi-sap-dien-ra", "Hội thi sắp đăng tin"),
    ("hoi-dap/cau-hoi-dang-soan", "Câu hỏi đang soạn trả lời"),
    ("doi-thoai/doi-thoai-nhap", "Đối thoại đang soạn"),
];

#[test]
fn unpublished_entries_appear_nowhere_in_a_normal_build() {
    let site = built();
    let files = site.files();
    for (dir, title) in UNPUBLISHED {
        assert!(!site.has(&format!("{dir}/index.html")), "{dir} was written");
        let slug = dir.rsplit('/').next().unwrap();
        // Not on the home page, any category or filter page, the sitemap,
        // the statistics, a CSV — nor in any other file.
        for f in &files {
            let Ok(body) = std::fs::read_to_string(site.out.join(f)) else {
                continue;
            };
            assert!(!body.contains(title), "{title} appears in {f}");
            assert!(!body.contains(slug), "{slug} appears in {f}");
        }
    }
    assert!(site.text("robots.txt").contains("Sitemap:"));
}

#[test]
fn scheduled_and_expired_entries_follow_the_fixed_today() {
    let cases = [
        // (today, entry, published?)
        ("2026-06-30", "van-ban-moi/chi-thi-sap-dang", false),
        ("2026-07-01", "van-ban-moi/chi-thi-sap-dang", true),
        ("2026-06-01", "van-ban-moi/cong-van-het-han", true),
        ("2026-06-02", "van-ban-moi/cong-van-het-han", false),
        ("2026-06-19", "hoat-dong/hoi-thi-sap-dien-ra", false),
        ("2026-06-20", "hoat-dong/hoi-thi-sap-dien-ra", true),
    ];
    for (today, dir, expected) in cases {
        let site = build_with(&kinds(), today, false);
        assert_eq!(
            site.has(&format!("{dir}/index.html")),
            expected,
            "{dir} on {today}"
        );
        let category = dir.split('/').next().unwrap();
        let link = sel(&format!(".entry-list a[href='/pbgdpl/{dir}/']"));
        let listed = site
            .files()
            .iter()
            .filter(|f| f.starts_with(&format!("{category}/")) && f.ends_with("index.html"))
            .any(|f| site.page(f).select(&link).next().is_some());
        assert_eq!(listed, expected, "{dir} listed on {today}");
        assert_eq!(
            site.text("sitemap.xml")
                .contains(&format!("/pbgdpl/{dir}/<")),
            expected,
            "{dir} in the sitemap on {today}"
        );
    }
    // The same day given through the environment, as CI would.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let status = pbgdpl_cmd()
        .args(["build", "--quiet", "--root"])
        .arg(kinds())
        .arg("--out")
        .arg(&out)
        .env("PBGDPL_TODAY", "2026-07-01")
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        out.join("van-ban-moi/chi-thi-sap-dang/index.html")
            .is_file()
    );
}

#[test]
fn a_drafts_preview_marks_unpublished_entries_and_keeps_them_out_of_indexes() {
    let site = build_with(&kinds(), TODAY, true);
    for (dir, marker) in [
        ("van-ban-moi/du-thao-nghi-quyet-chua-duyet", "BẢN NHÁP"),
        ("van-ban-moi/thong-tu-cho-duyet", "CHỜ DUYỆT"),
        ("van-ban-moi/chi-thi-sap-dang", "CHƯA ĐẾN NGÀY ĐĂNG"),
        ("van-ban-moi/cong-van-het-han", "ĐÃ HẾT HẠN"),
    ] {
        let doc = site.page(&format!("{dir}/index.html"));
        assert_eq!(texts(&doc, ".preview-notice .marker"), [marker], "{dir}");
        assert_eq!(
            doc.select(&sel("meta[name='robots'][content*='noindex']"))
                .count(),
            1,
            "{dir} is noindex"
        );
    }
    // Published entries of the same preview are not marked.
    let doc = site.page("van-ban-moi/luat-dat-dai/index.html");
    assert_eq!(doc.select(&sel(".preview-notice")).count(), 0);
    assert_eq!(doc.select(&sel("meta[name='robots']")).count(), 0);

    // The category lists them, marked; the home page and the sitemap do not.
    let listing: String = [
        "van-ban-moi/index.html",
        "van-ban-moi/page/2/index.html",
        "van-ban-moi/page/3/index.html",
        "van-ban-moi/page/4/index.html",
        "van-ban-moi/page/5/index.html",
    ]
    .iter()
    .filter(|f| site.has(f))
    .map(|f| site.text(f))
    .collect();
    for (_, title) in &UNPUBLISHED[..4] {
        assert!(listing.contains(title), "{title} listed in the preview");
    }
    let doc = site.page("van-ban-moi/index.html");
    assert!(!texts(&doc, ".entry-list .marker").is_empty());
    let home = site.text("index.html");
    let sitemap = site.text("sitemap.xml");
    for (dir, title) in UNPUBLISHED {
        assert!(!home.contains(title), "{title} on the home page");
        assert!(!sitemap.contains(dir), "{dir} in the sitemap");
    }
    assert!(site.text("robots.txt").contains("Disallow: /"));

    // The statistics of a preview are those of the public site.
    let public = built();
    for f in public.files().iter().filter(|f| f.ends_with(".csv")) {
        assert_eq!(site.text(f), public.text(f), "{f}");
    }
}

// ---------------------------------------------------------------------------
// Statistics add up: the fixture is counted here, from its files, without
// the library, and compared with the rendered tables and the CSV files.

/// The front matter of every entry of a category of the fixture.
fn entries_of(category: &str) -> Vec<toml::Table> {
    let dir = kinds().join("content").join(category);
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        let file = if path.is_dir() {
            path.join("index.md")
        } else if path.extension().is_some_and(|x| x == "md")
            && path.file_name().is_some_and(|n| n != "_index.md")
        {
            path
        } else {
            continue;
        };
        out.push(front_matter(&std::fs::read_to_string(file).unwrap()));
    }
    out
}

fn public_entries(category: &str, today: NaiveDate) -> Vec<toml::Table> {
    entries_of(category)
        .into_iter()
        .filter(|fm| is_public(fm, today))
        .collect()
}

/// `1.450` → 1450.
fn number(s: &str) -> u64 {
    s.replace('.', "")
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {s}"))
}

/// The rows (label → numbers) and the total of a rendered statistics table.
fn rendered_table(site: &Built, slug: &str) -> (Vec<(String, Vec<u64>)>, Vec<u64>) {
    let doc = site.page("thong-ke/index.html");
    let row = |tr: scraper::ElementRef<'_>| {
        let label = text(tr.select(&sel("th")).next().unwrap());
        let values = tr.select(&sel("td")).map(|td| number(&text(td))).collect();
        (label, values)
    };
    let rows = doc
        .select(&sel(&format!("#bang-so-lieu-{slug} tbody tr")))
        .map(row)
        .collect();
    let total = doc
        .select(&sel(&format!("#bang-so-lieu-{slug} tfoot tr")))
        .map(row)
        .next()
        .unwrap_or_else(|| panic!("table {slug} has a total"));
    assert_eq!(total.0, "Tổng cộng");
    (rows, total.1)
}

/// The same table read back from its CSV file.
fn csv_table(site: &Built, slug: &str) -> (Vec<(String, Vec<u64>)>, Vec<u64>) {
    let bytes = std::fs::read(site.out.join(format!("thong-ke/tong-hop/{slug}.csv"))).unwrap();
    let mut records = csv_records(&bytes);
    records.remove(0);
    let total = records.pop().unwrap();
    assert_eq!(total[0], "Tổng cộng");
    let nums = |r: &[String]| r[1..].iter().map(|v| v.parse::<u64>().unwrap()).collect();
    (
        records.iter().map(|r| (r[0].clone(), nums(r))).collect(),
        nums(&total),
    )
}

/// Checks a rendered table and its CSV against the expected rows.
fn assert_table(site: &Built, slug: &str, expected: &[(String, Vec<u64>)]) {
    let total: Vec<u64> = (0..expected[0].1.len())
        .map(|i| expected.iter().map(|r| r.1[i]).sum())
        .collect();
    assert_eq!(
        rendered_table(site, slug),
        (expected.to_vec(), total.clone()),
        "HTML table {slug}"
    );
    assert_eq!(
        csv_table(site, slug),
        (expected.to_vec(), total),
        "CSV {slug}"
    );
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

fn statistics_add_up_on(today: &str) {
    let site = build_with(&kinds(), today, false);
    let today = day(today);

    // Activities per quarter (of held_on, else date), without gaps.
    let activities = public_entries("hoat-dong", today);
    let mut per_quarter: BTreeMap<(i32, u32), (u64, u64)> = BTreeMap::new();
    let mut per_form: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut participants = 0;
    for a in &activities {
        let held = toml_date(a.get("held_on").or(a.get("date")).unwrap());
        let people = a
            .get("participants")
            .and_then(|p| p.as_integer())
            .unwrap_or(0) as u64;
        participants += people;
        let q = per_quarter
            .entry((held.year(), held.month0() / 3 + 1))
            .or_default();
        q.0 += 1;
        q.1 += people;
        let form = a
            .get("form")
            .and_then(|f| f.as_str())
            .map(fold)
            .unwrap_or_default();
        let f = per_form.entry(form).or_default();
        f.0 += 1;
        f.1 += people;
    }
    let (first, last) = (
        *per_quarter.keys().next().unwrap(),
        *per_quarter.keys().last().unwrap(),
    );
    let mut expected = Vec::new();
    let mut k = first;
    loop {
        let (n, p) = per_quarter.get(&k).copied().unwrap_or((0, 0));
        expected.push((
            format!("Quý {}/{}", ROMAN[k.1 as usize - 1], k.0),
            vec![n, p],
        ));
        if k == last {
            break;
        }
        k = if k.1 == 4 {
            (k.0 + 1, 1)
        } else {
            (k.0, k.1 + 1)
        };
    }
    assert_table(&site, "hoat-dong-theo-quy", &expected);

    // Per form: compare as a set keyed by the folded form name.
    let (rows, total) = rendered_table(&site, "hoat-dong-theo-hinh-thuc");
    let rendered: BTreeMap<String, (u64, u64)> = rows
        .into_iter()
        .map(|(label, v)| {
            let key = if label == "Chưa phân loại" {
                String::new()
            } else {
                fold(&label)
            };
            (key, (v[0], v[1]))
        })
        .collect();
    assert_eq!(rendered, per_form, "activities per form");
    assert_eq!(total, vec![activities.len() as u64, participants]);
    let (csv_rows, csv_total) = csv_table(&site, "hoat-dong-theo-hinh-thuc");
    assert_eq!(csv_rows.len(), per_form.len());
    assert_eq!(csv_total, total);

    // Documents introduced (van-ban-moi) per year of the entry's date, and per type.
    let documents = public_entries("van-ban-moi", today);
    let mut per_year: BTreeMap<i32, u64> = BTreeMap::new();
    let mut per_type: BTreeMap<String, u64> = BTreeMap::new();
    for d in &documents {
        *per_year.entry(toml_date(&d["date"]).year()).or_default() += 1;
        *per_type
            .entry(d["document_type"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let (y0, y1) = (
        *per_year.keys().next().unwrap(),
        *per_year.keys().last().unwrap(),
    );
    let expected: Vec<_> = (y0..=y1)
        .map(|y| (y.to_string(), vec![per_year.get(&y).copied().unwrap_or(0)]))
        .collect();
    assert_table(&site, "van-ban-theo-nam", &expected);
    let (rows, total) = rendered_table(&site, "van-ban-theo-loai");
    assert_eq!(
        rows.into_iter()
            .map(|(l, v)| (l, v[0]))
            .collect::<BTreeMap<_, _>>(),
        per_type
    );
    assert_eq!(total, vec![documents.len() as u64]);

    // Questions answered per field (fields compared ignoring case).
    let questions = public_entries("hoi-dap", today);
    let mut per_field: BTreeMap<String, u64> = BTreeMap::new();
    for q in &questions {
        let f = q
            .get("field")
            .and_then(|f| f.as_str())
            .map(fold)
            .unwrap_or_default();
        *per_field.entry(f).or_default() += 1;
    }
    let (rows, total) = rendered_table(&site, "hoi-dap-theo-linh-vuc");
    let rendered: BTreeMap<String, u64> = rows
        .iter()
        .map(|(l, v)| {
            (
                if l == "Chưa phân loại" {
                    String::new()
                } else {
                    fold(l)
                },
                v[0],
            )
        })
        .collect();
    assert_eq!(rendered, per_field);
    assert_eq!(total, vec![questions.len() as u64]);
    let counts: Vec<u64> = rows.iter().map(|r| r.1[0]).collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most asked fields first: {counts:?}"
    );
    assert_eq!(csv_table(&site, "hoi-dap-theo-linh-vuc").1, total);

    // The key figures.
    let dialogues = public_entries("doi-thoai", today);
    let doc = site.page("thong-ke/index.html");
    let shown: BTreeMap<String, String> = doc
        .select(&sel(".stats-summary div"))
        .map(|d| {
            (
                text(d.select(&sel("dt")).next().unwrap()),
                text(d.select(&sel("dd")).next().unwrap()),
            )
        })
        .collect();
    // A sum of people says how many entries did not give the number.
    let missing = |entries: &[toml::Table]| {
        entries
            .iter()
            .filter(|e| e.get("participants").is_none())
            .count()
    };
    for (label, list) in [
        ("Số người tham dự", &activities),
        ("Người dự đối thoại", &dialogues),
    ] {
        let (n, shown) = (missing(list), &shown[label]);
        match n {
            0 => assert!(!shown.contains('('), "{label}: {shown}"),
            n if n == list.len() => assert_eq!(shown, "chưa có số liệu", "{label}"),
            n => assert!(
                shown.ends_with(&format!("(chưa ghi số ở {n} bài viết)")),
                "{label}: {shown}"
            ),
        }
    }
    let figures: BTreeMap<String, u64> = shown
        .iter()
        .filter(|(_, v)| *v != "chưa có số liệu")
        .map(|(k, v)| (k.clone(), number(v.split(" (").next().unwrap())))
        .collect();
    let dialogue_people: u64 = dialogues
        .iter()
        .map(|d| {
            d.get("participants")
                .and_then(|p| p.as_integer())
                .unwrap_or(0) as u64
        })
        .sum();
    assert_eq!(figures["Số hoạt động"], activities.len() as u64);
    assert_eq!(figures["Số người tham dự"], participants);
    assert_eq!(figures["Văn bản được giới thiệu"], documents.len() as u64);
    assert_eq!(figures["Câu hỏi đã trả lời"], questions.len() as u64);
    assert_eq!(figures["Buổi đối thoại"], dialogues.len() as u64);
    assert_eq!(figures["Người dự đối thoại"], dialogue_people);
}

#[test]
fn statistics_add_up() {
    statistics_add_up_on(TODAY);
    // A later day publishes the scheduled activity: the figures follow.
    statistics_add_up_on("2026-07-01");
}

#[test]
fn statistics_show_large_numbers_the_vietnamese_way_with_charts_beside_tables() {
    let site = built();
    let doc = site.page("thong-ke/index.html");
    // 1.200 + 230 + 20 in the second quarter of 2026.
    assert!(texts(&doc, "#bang-so-lieu-hoat-dong-theo-quy td").contains(&"1.450".to_string()));
    let charts = doc.select(&sel("figure.chart svg[role='img']")).count();
    assert_eq!(charts, 5);
    assert_eq!(doc.select(&sel(".stat table.data-table")).count(), 5);
    for svg in doc.select(&sel("figure.chart svg")) {
        let ids = svg.value().attr("aria-labelledby").unwrap();
        for id in ids.split_whitespace() {
            assert_eq!(doc.select(&sel(&format!("#{id}"))).count(), 1, "{id}");
        }
        assert!(svg.select(&sel("title")).next().is_some());
        assert!(!text(svg.select(&sel("desc")).next().unwrap()).is_empty());
    }
    // The statistics sit above the list of reports, on the first page only.
    let html = site.text("thong-ke/index.html");
    assert!(html.find("stats-summary").unwrap() < html.find("entry-list__title").unwrap());
    assert_eq!(doc.select(&sel("script")).count(), 0, "no JavaScript");
}

#[test]
fn builds_are_byte_identical() {
    let a = built();
    let b = built();
    assert_eq!(a.files(), b.files());
    for f in a.files() {
        assert_eq!(
            std::fs::read(a.out.join(&f)).unwrap(),
            std::fs::read(b.out.join(&f)).unwrap(),
            "{f}"
        );
    }
}

// ---------------------------------------------------------------------------
// Invalid content: one clear error per problem, with file:line:column.

/// Lays `tests/fixtures/invalid/<case>` over a copy of the valid fixture.
fn broken_site(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&kinds(), dir.path());
    copy_dir(&fixture("invalid").join(case), dir.path());
    dir
}

fn golden_path(case: &str, lang: Lang) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/kinds")
        .join(format!("{case}.{}.stderr", lang.code()))
}

/// Runs `pbgdpl check` on the broken site in each language and compares
/// stderr with the golden files; `build` must report the same diagnostics
/// and fail the same way.
fn golden_case(case: &str, expect_success: bool) {
    let site = broken_site(case);
    let run = |cmd: &str, lang: Lang| {
        let mut c = pbgdpl_cmd();
        c.arg(cmd).arg("--root").arg(site.path());
        c.args(["--today", TODAY, "--color", "never", "--lang", lang.code()]);
        if cmd == "build" {
            c.arg("--quiet")
                .arg("--out")
                .arg(site.path().join("public"));
        }
        c.output().unwrap()
    };
    for lang in Lang::ALL {
        let check = run("check", lang);
        let stderr = String::from_utf8(check.stderr).unwrap();
        // Compared exactly (or rewritten with PBGDPL_BLESS=1).
        support::golden(&format!("kinds/{case}.{}.stderr", lang.code()), &stderr);
        assert_eq!(
            check.status.success(),
            expect_success,
            "{case}: check exit status"
        );
        assert_eq!(
            check.status.code(),
            Some(if expect_success { 0 } else { 1 })
        );

        let build = run("build", lang);
        assert_eq!(
            build.status.code(),
            check.status.code(),
            "{case}: build exit status"
        );
        let build_err = String::from_utf8(build.stderr).unwrap();
        // The same diagnostics; only the last line (the summary) differs.
        let body = |s: &str| {
            let blocks: Vec<&str> = s.split("\n\n").collect();
            blocks[..blocks.len().saturating_sub(1)].join("\n\n")
        };
        assert_eq!(
            body(&build_err),
            body(&stderr),
            "{case}: build reports the same"
        );
        assert_eq!(
            site.path().join("public").exists(),
            expect_success,
            "{case}: a failed build writes no output"
        );
    }
}

#[test]
fn golden_bad_document_number() {
    golden_case("bad-document-number", false);
}

#[test]
fn golden_unknown_document_type_lists_the_valid_ones() {
    golden_case("unknown-document-type", false);
    let text = std::fs::read_to_string(golden_path("unknown-document-type", Lang::Vi)).unwrap();
    for ty in ["Hiến pháp", "Giấy mời", "Quy chế", "Quy định", "Kết luận"] {
        assert!(text.contains(&format!("\"{ty}\"")), "{ty} listed");
    }
}

#[test]
fn golden_effective_date_before_issue_date() {
    golden_case("effective-before-issue", false);
}

#[test]
fn golden_missing_answer() {
    golden_case("missing-answer", false);
}

#[test]
fn golden_negative_participants() {
    golden_case("negative-participants", false);
}

#[test]
fn golden_unknown_material_language_and_bad_lang() {
    golden_case("unknown-material-language", false);
}

#[test]
fn golden_unknown_activity_form() {
    golden_case("unknown-activity-form", false);
}

#[test]
fn golden_local_video_without_captions() {
    golden_case("video-without-captions", false);
}

#[test]
fn golden_missing_attachment() {
    golden_case("missing-attachment", false);
}

#[test]
fn golden_missing_document_keys() {
    golden_case("missing-document-keys", false);
}

#[test]
fn golden_answered_before_asked() {
    golden_case("answered-before-asked", false);
}

#[test]
fn golden_reserved_path() {
    golden_case("reserved-path", false);
}

#[test]
fn golden_several_errors_in_one_entry_are_all_reported() {
    golden_case("several-errors", false);
}

#[test]
fn golden_link_to_an_unpublished_entry() {
    golden_case("link-to-draft", false);
}

#[test]
fn pbgdpl_new_writes_a_draft_that_checks_and_previews_in_every_category() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&kinds(), site.path());
    for c in [
        "gioi-thieu",
        "tin-tuc",
        "thong-bao",
        "ke-hoach",
        "van-ban-moi",
        "huong-dan-chi-dao",
        "hoat-dong",
        "hoi-dap",
        "doi-thoai",
        "tai-lieu",
        "thong-ke",
        "khac",
        "danh-ba",
    ] {
        let out = pbgdpl_cmd()
            .args(["new", c, "Bài mới: thử nghiệm Đặc biệt", "--root"])
            .arg(site.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{c}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = String::from_utf8(out.stdout).unwrap();
        let path = Path::new(path.trim());
        assert_eq!(
            path,
            site.path()
                .join(format!("content/{c}/bai-moi-thu-nghiem-dac-biet.md"))
        );
        let fm = front_matter(&std::fs::read_to_string(path).unwrap());
        assert_eq!(fm["status"].as_str(), Some("draft"), "{c}");
        assert_eq!(fm["title"].as_str(), Some("Bài mới: thử nghiệm Đặc biệt"));
        assert!(
            fm["id"].as_str().unwrap().starts_with(c),
            "{c}: a stable id"
        );
        // A second `new` with the same title refuses to overwrite.
        let again = pbgdpl_cmd()
            .args(["new", c, "Bài mới: thử nghiệm Đặc biệt", "--root"])
            .arg(site.path())
            .output()
            .unwrap();
        assert!(!again.status.success(), "{c}: overwrote");
    }
    // --bundle makes a directory for the entry's files.
    let out = pbgdpl_cmd()
        .args(["new", "tai-lieu", "Tờ gấp có tệp", "--bundle", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        Path::new(String::from_utf8(out.stdout).unwrap().trim()),
        site.path().join("content/tai-lieu/to-gap-co-tep/index.md")
    );
    let check = pbgdpl_cmd()
        .args(["check", "--today", TODAY, "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let preview = build_with(site.path(), TODAY, true);
    let public = build_with(site.path(), TODAY, false);
    for c in ["van-ban-moi", "hoi-dap", "hoat-dong", "tai-lieu", "danh-ba"] {
        let page = format!("{c}/bai-moi-thu-nghiem-dac-biet/index.html");
        assert_eq!(
            texts(&preview.page(&page), ".preview-notice .marker"),
            ["BẢN NHÁP"],
            "{c}"
        );
        assert!(!public.has(&page), "{c}: a new entry is a draft");
    }
}

#[test]
fn golden_captions_that_are_not_webvtt() {
    golden_case("srt-captions", false);
}

#[test]
fn golden_personal_data_in_a_published_question_is_an_error() {
    golden_case("personal-data", false);
}

#[test]
fn golden_personal_data_in_a_draft_is_a_warning_for_every_match() {
    golden_case("personal-data-draft", true);
}

#[test]
fn personal_data_never_reaches_a_page_or_a_feed() {
    // A preview build shows the draft, with the personal data masked
    // everywhere: page, feeds, search index, sync.json.
    let site = broken_site("personal-data-draft");
    let out = site.path().join("public");
    let o = pbgdpl_cmd()
        .args(["build", "--drafts", "--quiet", "--today", TODAY, "--root"])
        .arg(site.path())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        for secret in [
            "0912 345 678",
            "0987.654.321",
            "an.nguyen@gmail.com",
            "001203004567",
        ] {
            assert!(
                !text.contains(secret),
                "{secret} in {}",
                entry.path().display()
            );
        }
        if text.contains("xxxx xxx xxx") {
            seen += 1;
        }
    }
    assert!(seen > 0, "the masked number shows in the preview");
}

#[test]
fn consented_personal_data_is_published() {
    let site = broken_site("personal-data-consent");
    let o = pbgdpl_cmd()
        .args(["check", "--strict", "--today", TODAY, "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !err.contains("personal") && !err.contains("cá nhân"),
        "{err}"
    );
}

#[test]
fn check_json_gives_machine_readable_positions() {
    let site = broken_site("several-errors");
    let out = pbgdpl_cmd()
        .args(["check", "--format", "json", "--today", TODAY, "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"], 4);
    let found: Vec<(String, String, u64, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let file = "content/hoat-dong/nhieu-loi.md".to_string();
    assert_eq!(
        found,
        [
            ("bad-date".to_string(), file.clone(), 3, 8),
            ("unknown-value".to_string(), file.clone(), 4, 8),
            ("wrong-type".to_string(), file.clone(), 5, 16),
            ("unknown-key".to_string(), file, 6, 1),
        ]
    );
}
