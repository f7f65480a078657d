//! `pbgdpl import`: Word files of the usual administrative layouts
//! (Nghị định 30/2020/NĐ-CP) become draft entries that pass `check` and
//! build; bad inputs get a message saying what to do.
//!
//! Every Word file is generated here (tests/support/docx.rs).

mod support;

use std::path::{Path, PathBuf};

use support::docx::{Docx, Font, table};
use support::*;

/// A fresh section made by `pbgdpl init`.
fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let o = pbgdpl(&[
        "init",
        root.to_str().unwrap(),
        "--agency",
        "Sở Tư pháp tỉnh Nghệ An",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, root)
}

fn import(root: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    import_in(Lang::Vi, root, file, extra)
}

fn import_in(lang: Lang, root: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "import",
        file.to_str().unwrap(),
        "--root",
        root.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    pbgdpl_in(lang, &args)
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Imports `bytes` as `name` into a fresh site; checks that the site
/// passes `check` and builds with drafts; returns the entry's front matter,
/// its body and the command's output.
fn imported(name: &str, bytes: &[u8], extra: &[&str]) -> (toml::Table, String, String, PathBuf) {
    let (tmp, root) = site();
    let file = tmp.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let o = import(&root, &file, extra);
    assert!(
        o.status.success(),
        "import failed:\n{}{}",
        stdout(&o),
        stderr(&o)
    );
    let out = stdout(&o);
    let index = out
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("Đã tạo bài nháp: "))
        .map(PathBuf::from)
        .expect("the first line names the entry");
    let text = std::fs::read_to_string(&index).unwrap();
    let rest = text.strip_prefix("+++\n").unwrap();
    let end = rest.find("\n+++\n").unwrap();
    let fm: toml::Table = rest[..end].parse().unwrap();
    let body = rest[end + 5..].trim_start().to_string();
    // The draft passes check and shows in a preview build.
    let c = pbgdpl(&["check", "--root", root.to_str().unwrap()]);
    assert!(
        c.status.success(),
        "check failed on the imported entry:\n{text}\n{}",
        stderr(&c)
    );
    let built = tmp.path().join("preview");
    let b = pbgdpl(&[
        "build",
        "--drafts",
        "--root",
        root.to_str().unwrap(),
        "--out",
        built.to_str().unwrap(),
    ]);
    assert!(b.status.success(), "{}", stderr(&b));
    let rel = index.strip_prefix(root.join("content")).unwrap();
    let page = built.join(rel.parent().unwrap()).join("index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains(fm["title"].as_str().unwrap()),
        "the preview page shows the title"
    );
    // The original is attached beside index.md.
    let attached = fm["attachments"][0]["file"].as_str().unwrap();
    assert_eq!(
        std::fs::read(index.parent().unwrap().join(attached)).unwrap(),
        bytes
    );
    (fm, body, out, index)
}

fn s<'a>(fm: &'a toml::Table, key: &str) -> &'a str {
    fm.get(key)
        .and_then(|v| v.as_str())
        .unwrap_or_else(|| panic!("`{key}` missing in {fm:#?}"))
}

fn d(fm: &toml::Table, key: &str) -> String {
    fm.get(key)
        .unwrap_or_else(|| panic!("`{key}` missing in {fm:#?}"))
        .to_string()
}

const QH: &str =
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n**Độc lập - Tự do - Hạnh phúc**\n---------------";

/// A decision (Quyết định) with its grounds ("Căn cứ …"), the header and
/// the signature as borderless tables, typed in .VnTime (TCVN3) as old
/// documents are.
fn quyet_dinh() -> Vec<u8> {
    let f = Font::Tcvn3;
    let left = "ỦY BAN NHÂN DÂN\n**TỈNH THỪA THIÊN HUẾ**\n-------\nSố: 1234/QĐ-UBND";
    let right = format!("{QH}\n//Huế, ngày 08 tháng 5 năm 2025//");
    let mut d = Docx::new()
        .xml(&table(&[&[left, &right]], f))
        .lines("**QUYẾT ĐỊNH**\n**Về việc ban hành Quy chế phối hợp phổ biến, giáo dục pháp luật trên địa bàn tỉnh**\n-----------\n**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ**", true, f)
        .lines("//Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;//\n//Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012;//\n//Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 45/TTr-STP ngày 02 tháng 5 năm 2025.//", false, f)
        .lines("**QUYẾT ĐỊNH:**", true, f)
        .lines("**Điều 1.** Ban hành kèm theo Quyết định này Quy chế phối hợp phổ biến, giáo dục pháp luật trên địa bàn tỉnh.\n**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.\n**Điều 3.** Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.", false, f)
        .xml(&table(
            &[&[
                "**//Nơi nhận://**\n- Như Điều 3;\n- Lưu: VT, NC.",
                "**TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\n\n**Nguyễn Văn Phương**",
            ]],
            f,
        ));
    d.normal_font = Some(".VnTime");
    d.bytes()
}

#[test]
fn quyet_dinh_with_grounds_header_table_and_tcvn3_font() {
    let (fm, body, out, _) = imported("QD 1234.docx", &quyet_dinh(), &[]);
    assert_eq!(
        s(&fm, "title"),
        "Quyết định về việc ban hành Quy chế phối hợp phổ biến, giáo dục pháp luật trên địa bàn tỉnh"
    );
    assert_eq!(s(&fm, "document_type"), "Quyết định");
    assert_eq!(s(&fm, "number"), "1234/QĐ-UBND");
    assert_eq!(s(&fm, "issuer"), "Ủy ban nhân dân tỉnh Thừa Thiên Huế");
    assert_eq!(d(&fm, "issue_date"), "2025-05-08");
    assert_eq!(
        d(&fm, "effective_date"),
        "2025-05-08",
        "effective on signing"
    );
    assert_eq!(s(&fm, "signer"), "Nguyễn Văn Phương");
    assert_eq!(s(&fm, "status"), "draft");
    assert_eq!(fm["attachments"][0]["file"].as_str(), Some("qd-1234.docx"));
    assert!(
        body.contains("*Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012;*"),
        "{body}"
    );
    assert!(
        body.contains("**Điều 1.** Ban hành kèm theo Quyết định này"),
        "{body}"
    );
    assert!(
        body.contains("**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ**"),
        "{body}"
    );
    assert!(
        !body.contains("Nơi nhận") && !body.contains("Nguyễn Văn Phương"),
        "{body}"
    );
    assert!(!body.contains("CỘNG HÒA"), "{body}");
    assert!(out.starts_with("Đã tạo bài nháp: "));
    golden_in_both("import/quyet-dinh", "stdout", |lang| {
        let (tmp, root) = site();
        let file = tmp.path().join("QD 1234.docx");
        std::fs::write(&file, quyet_dinh()).unwrap();
        let o = import_in(lang, &root, &file, &[]);
        stdout(&o).replace(root.to_str().unwrap(), "<site>")
    });
}

/// A plan (Kế hoạch) whose header is typed as paragraphs split by tabs,
/// with a table of tasks, Word's automatic numbering and bullets, and the
/// signature as paragraphs.
fn ke_hoach() -> Vec<u8> {
    Docx::new()
        .p("**ỦY BAN NHÂN DÂN**\t**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**")
        .p("**TỈNH NGHỆ AN**\t**Độc lập - Tự do - Hạnh phúc**")
        .p("Số: 266/KH-UBND\t//Nghệ An, ngày 26 tháng 5 năm 2020//")
        .center("**KẾ HOẠCH**")
        .center("**Thực hiện Đề án “Tăng cường ứng dụng công nghệ thông tin trong công tác phổ biến, giáo dục pháp luật giai đoạn 2019 - 2021”**")
        .p("Thực hiện Quyết định số 471/QĐ-TTg ngày 26/4/2019 của Thủ tướng Chính phủ, UBND tỉnh xây dựng Kế hoạch thực hiện Đề án trên địa bàn tỉnh như sau:")
        .p("**I. MỤC ĐÍCH, YÊU CẦU**")
        .p("**1. Mục đích**")
        .p("1.1. Xác định rõ mục tiêu, nhiệm vụ, giải pháp và tiến độ thực hiện Đề án.")
        .p("2. Phát huy trách nhiệm, tăng cường sự phối hợp giữa các cơ quan, đơn vị, địa phương.")
        .p("**II. NỘI DUNG**")
        .numbered(1, "Mở Trang thông tin điện tử phổ biến, giáo dục pháp luật;")
        .numbered(1, "Cập nhật, kết nối, chia sẻ thông tin về pháp luật.")
        .p("- Cơ quan chủ trì: Sở Tư pháp.")
        .p("- Thời gian thực hiện: Quý III/2020.")
        .numbered(2, "Sở Thông tin và Truyền thông phối hợp.")
        .table(&[
            &["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"],
            &["1", "Xây dựng Trang thông tin điện tử PBGDPL", "Sở Tư pháp", "Quý III/2020"],
            &["2", "Tập huấn khai thác | sử dụng", "Sở Tư pháp\nSở TT&TT", "Quý IV/2020"],
        ])
        .p("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan phản ánh về Sở Tư pháp để tổng hợp./.")
        .p("**//Nơi nhận://**\t**TM. ỦY BAN NHÂN DÂN**")
        .p("- Bộ Tư pháp;\t**KT. CHỦ TỊCH**")
        .p("- Lưu: VT.\t**PHÓ CHỦ TỊCH**")
        .p("\t**Lê Ngọc Hoa**")
        .bytes()
}

#[test]
fn ke_hoach_with_header_as_paragraphs_a_table_and_lists() {
    let (fm, body, _, index) = imported("ke-hoach-266.docx", &ke_hoach(), &[]);
    assert!(
        index.to_str().unwrap().contains("/content/ke-hoach/"),
        "a plan goes to ke-hoach"
    );
    assert_eq!(
        s(&fm, "title"),
        "Kế hoạch thực hiện Đề án “Tăng cường ứng dụng công nghệ thông tin trong công tác phổ biến, giáo dục pháp luật giai đoạn 2019 - 2021”"
    );
    assert_eq!(s(&fm, "document_type"), "Kế hoạch");
    assert_eq!(s(&fm, "number"), "266/KH-UBND");
    assert_eq!(s(&fm, "issuer"), "Ủy ban nhân dân tỉnh Nghệ An");
    assert_eq!(d(&fm, "issue_date"), "2020-05-26");
    assert_eq!(s(&fm, "signer"), "Lê Ngọc Hoa");
    assert!(fm.get("effective_date").is_none());
    for expected in [
        "Thực hiện Quyết định số 471/QĐ-TTg ngày 26/4/2019",
        "## I. MỤC ĐÍCH, YÊU CẦU",
        "### 1. Mục đích",
        "1.1. Xác định rõ mục tiêu",
        "2\\. Phát huy trách nhiệm",
        "a) Mở Trang thông tin điện tử",
        "b) Cập nhật, kết nối",
        "- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian thực hiện: Quý III/2020.\n- Sở Thông tin và Truyền thông phối hợp.\n\n| TT |",
        "| TT | Nội dung | Cơ quan chủ trì | Thời gian |\n| --- | --- | --- | --- |\n| 1 | Xây dựng Trang thông tin điện tử PBGDPL | Sở Tư pháp | Quý III/2020 |",
        "| 2 | Tập huấn khai thác \\| sử dụng | Sở Tư pháp<br>Sở TT&TT | Quý IV/2020 |",
        "phản ánh về Sở Tư pháp để tổng hợp./.",
    ] {
        assert!(body.contains(expected), "missing {expected:?} in:\n{body}");
    }
    assert!(
        !body.contains("Nơi nhận") && !body.contains("Lê Ngọc Hoa"),
        "{body}"
    );
}

/// An official letter (Công văn) with its "V/v" abstract under the number.
fn cong_van() -> Vec<u8> {
    let left = "**BỘ TƯ PHÁP**\n-------\nSố: 2500/BTP-PBGDPL\nV/v hướng dẫn triển khai Ngày Pháp luật\nViệt Nam năm 2025";
    let kinh_gui = "Kính gửi: Sở Tư pháp các tỉnh, thành phố.";
    let right = format!("{QH}\n//Hà Nội, ngày 15 tháng 8 năm 2025//");
    Docx::new()
        .xml(&table(&[&[left, &right], &["", kinh_gui]], Font::Unicode))
        .center("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.")
        .p("Thực hiện Luật Phổ biến, giáo dục pháp luật, Bộ Tư pháp đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo tổ chức các hoạt động hưởng ứng Ngày Pháp luật Việt Nam năm 2025.")
        .p("Đề nghị các địa phương báo cáo kết quả trước ngày 30/11/2025./.")
        .p("**//Nơi nhận://**")
        .p("- Như trên;")
        .p("- Lưu: VT, Vụ PBGDPL.")
        .center("**KT. BỘ TRƯỞNG**")
        .center("**THỨ TRƯỞNG**")
        .center("//(Đã ký)//")
        .center("**Phan Chí Hiếu**")
        .bytes()
}

#[test]
fn cong_van_with_its_vv_abstract() {
    let (fm, body, _, index) = imported("cv-2500.docx", &cong_van(), &[]);
    assert!(
        index
            .to_str()
            .unwrap()
            .contains("/content/huong-dan-chi-dao/")
    );
    assert_eq!(
        s(&fm, "title"),
        "Công văn về việc hướng dẫn triển khai Ngày Pháp luật Việt Nam năm 2025"
    );
    assert_eq!(s(&fm, "document_type"), "Công văn");
    assert_eq!(s(&fm, "number"), "2500/BTP-PBGDPL");
    assert_eq!(s(&fm, "issuer"), "Bộ Tư pháp");
    assert_eq!(d(&fm, "issue_date"), "2025-08-15");
    assert_eq!(s(&fm, "signer"), "Phan Chí Hiếu");
    assert!(
        body.starts_with(
            "Kính gửi: Sở Tư pháp các tỉnh, thành phố.\n\nKính gửi: Ủy ban nhân dân các tỉnh"
        ),
        "{body}"
    );
    assert!(
        !body.contains("Nơi nhận") && !body.contains("THỨ TRƯỞNG"),
        "{body}"
    );
}

/// A circular (Thông tư) typed as plain paragraphs, with chapters, articles
/// and a footnote; the recipients come after the signer.
fn thong_tu() -> Vec<u8> {
    Docx::new()
        .center("**BỘ TƯ PHÁP**")
        .center("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**")
        .center("**Độc lập - Tự do - Hạnh phúc**")
        .center("Số: 03/2025/TT-BTP")
        .center("//Hà Nội, ngày 10 tháng 3 năm 2025//")
        .center("**THÔNG TƯ**")
        .center("**Hướng dẫn phổ biến, giáo dục pháp luật trên môi trường mạng**")
        .p("//Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012;//")
        .p("//Bộ trưởng Bộ Tư pháp ban hành Thông tư hướng dẫn phổ biến, giáo dục pháp luật trên môi trường mạng.//")
        .center("**Chương I**")
        .center("**QUY ĐỊNH CHUNG**")
        .p("**Điều 1. Phạm vi điều chỉnh**")
        .footnoted("Thông tư này hướng dẫn việc phổ biến, giáo dục pháp luật trên môi trường mạng.", "Theo Đề án ban hành kèm theo Quyết định số 471/QĐ-TTg.")
        .p("**Điều 2. Đối tượng áp dụng**")
        .p("Thông tư này áp dụng đối với cơ quan, tổ chức có liên quan.")
        .center("**Chương II**")
        .center("**ĐIỀU KHOẢN THI HÀNH**")
        .p("**Điều 3. Hiệu lực thi hành**")
        .p("Thông tư này có hiệu lực thi hành từ ngày 01 tháng 5 năm 2025.")
        .center("**BỘ TRƯỞNG**")
        .center("**Nguyễn Hải Ninh**")
        .p("**//Nơi nhận://**")
        .p("- Văn phòng Chính phủ;")
        .p("- Lưu: VT, Vụ PBGDPL.")
        .bytes()
}

#[test]
fn thong_tu_with_chapters_articles_and_a_footnote() {
    let (fm, body, _, _) = imported(
        "thong-tu-03.docx",
        &thong_tu(),
        &["--category", "van-ban-moi"],
    );
    assert_eq!(
        s(&fm, "title"),
        "Thông tư hướng dẫn phổ biến, giáo dục pháp luật trên môi trường mạng"
    );
    assert_eq!(s(&fm, "number"), "03/2025/TT-BTP");
    assert_eq!(s(&fm, "issuer"), "Bộ Tư pháp");
    assert_eq!(d(&fm, "issue_date"), "2025-03-10");
    assert_eq!(d(&fm, "effective_date"), "2025-05-01");
    assert_eq!(s(&fm, "signer"), "Nguyễn Hải Ninh");
    for expected in [
        "## Chương I. QUY ĐỊNH CHUNG",
        "### Điều 1. Phạm vi điều chỉnh",
        "trên môi trường mạng.[^1]",
        "[^1]: Theo Đề án ban hành kèm theo Quyết định số 471/QĐ-TTg.",
        "## Chương II. ĐIỀU KHOẢN THI HÀNH",
    ] {
        assert!(body.contains(expected), "missing {expected:?} in:\n{body}");
    }
    assert!(
        !body.contains("Nơi nhận") && !body.contains("Nguyễn Hải Ninh"),
        "{body}"
    );
}

/// A resolution (Nghị quyết) of a provincial People's Council, in VNI
/// fonts, header and signature as tables.
fn nghi_quyet() -> Vec<u8> {
    let f = Font::Vni;
    let left = "**HỘI ĐỒNG NHÂN DÂN\nTỈNH NINH THUẬN**\n--------\nSố: 09/2020/NQ-HĐND";
    let right = format!("{QH}\n//Ninh Thuận, ngày 14 tháng 7 năm 2020//");
    Docx::new()
        .xml(&table(&[&[left, &right]], f))
        .lines("**NGHỊ QUYẾT**\n**Quy định mức chi thực hiện công tác phổ biến, giáo dục pháp luật trên địa bàn tỉnh Ninh Thuận**\n**HỘI ĐỒNG NHÂN DÂN TỈNH NINH THUẬN\nKHÓA X KỲ HỌP THỨ 13**", true, f)
        .lines("//Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012;//", false, f)
        .lines("**QUYẾT NGHỊ:**", true, f)
        .lines("**Điều 1.** Quy định mức chi thực hiện công tác phổ biến, giáo dục pháp luật.\n**Điều 2.** Nghị quyết này có hiệu lực từ ngày 25 tháng 7 năm 2020./.", false, f)
        .xml(&table(
            &[&["**//Nơi nhận://**\n- Thường trực HĐND tỉnh;\n- Lưu: VT.", "**CHỦ TỊCH**\n\n**Nguyễn Đức Thanh**"]],
            f,
        ))
        .bytes()
}

#[test]
fn nghi_quyet_in_vni_fonts() {
    let (fm, body, out, _) = imported("nq-09.docx", &nghi_quyet(), &[]);
    assert_eq!(
        s(&fm, "title"),
        "Nghị quyết quy định mức chi thực hiện công tác phổ biến, giáo dục pháp luật trên địa bàn tỉnh Ninh Thuận"
    );
    assert_eq!(s(&fm, "number"), "09/2020/NQ-HĐND");
    assert_eq!(s(&fm, "issuer"), "Hội đồng nhân dân tỉnh Ninh Thuận");
    assert_eq!(d(&fm, "issue_date"), "2020-07-14");
    assert_eq!(d(&fm, "effective_date"), "2020-07-25");
    assert_eq!(s(&fm, "signer"), "Nguyễn Đức Thanh");
    assert!(
        body.contains("**HỘI ĐỒNG NHÂN DÂN TỈNH NINH THUẬN"),
        "{body}"
    );
    assert!(body.contains("**QUYẾT NGHỊ:**"), "{body}");
    assert!(
        out.contains("Đã chuyển chữ gõ bằng bảng mã VNI (phông VNI-Times) sang Unicode."),
        "{out}"
    );
}

/// A law (Luật): "Luật số:", the name on the line under LUẬT, chapters,
/// stored (not deflated) parts.
fn luat() -> Vec<u8> {
    let mut d = Docx::new()
        .center("**QUỐC HỘI**")
        .center("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**")
        .center("**Độc lập - Tự do - Hạnh phúc**")
        .center("Luật số: 35/2013/QH13")
        .center("//Hà Nội, ngày 20 tháng 6 năm 2013//")
        .center("**LUẬT**")
        .center("**HÒA GIẢI Ở CƠ SỞ**")
        .p("//Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;//")
        .p("//Quốc hội ban hành Luật hòa giải ở cơ sở.//")
        .center("**Chương I**")
        .center("**NHỮNG QUY ĐỊNH CHUNG**")
        .p("**Điều 1. Phạm vi điều chỉnh**")
        .p("Luật này quy định về nguyên tắc, chính sách của Nhà nước về hòa giải ở cơ sở.")
        .p("**Điều 2. Giải thích từ ngữ**")
        .p("Trong Luật này, các từ ngữ dưới đây được hiểu như sau:")
        .p("1. //Hòa giải ở cơ sở// là việc hòa giải viên hướng dẫn, giúp đỡ các bên đạt được thỏa thuận;")
        .p("2. //Hòa giải viên// là người được công nhận để thực hiện hoạt động hòa giải ở cơ sở.")
        .center("**Chương II**")
        .center("**ĐIỀU KHOẢN THI HÀNH**")
        .p("**Điều 33. Hiệu lực thi hành**")
        .p("Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2014.")
        .p("//Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp thứ 5 thông qua ngày 20 tháng 6 năm 2013.//")
        .center("**CHỦ TỊCH QUỐC HỘI**")
        .center("**Nguyễn Sinh Hùng**");
    d.deflate = false;
    d.bytes()
}

#[test]
fn luat_with_its_name_under_the_type_line() {
    let (fm, body, _, _) = imported("luat-hoa-giai.docx", &luat(), &[]);
    assert_eq!(s(&fm, "title"), "Luật Hòa giải ở cơ sở");
    assert_eq!(s(&fm, "document_type"), "Luật");
    assert_eq!(s(&fm, "number"), "35/2013/QH13");
    assert_eq!(s(&fm, "issuer"), "Quốc hội");
    assert_eq!(d(&fm, "issue_date"), "2013-06-20");
    assert_eq!(d(&fm, "effective_date"), "2014-01-01");
    assert_eq!(s(&fm, "signer"), "Nguyễn Sinh Hùng");
    for expected in [
        "## Chương I. NHỮNG QUY ĐỊNH CHUNG",
        "### Điều 2. Giải thích từ ngữ",
        "1\\. *Hòa giải ở cơ sở* là việc hòa giải viên",
        "*Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII",
    ] {
        assert!(body.contains(expected), "missing {expected:?} in:\n{body}");
    }
}

/// The text of a plan as a `.txt` file, its header columns split by " | "
/// as text copied from a table is.
const KE_HOACH_TXT: &str = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
TỈNH LONG AN | Độc lập - Tự do - Hạnh phúc |
Số: 75/KH-UBND | Long An, ngày 12 tháng 3 năm 2021 |
KẾ HOẠCH
Thực hiện Đề án 471 năm 2021
trên địa bàn tỉnh Long An
Thực hiện Quyết định số 471/QĐ-TTg ngày 26/4/2019 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Tiếp tục thể chế hóa đầy đủ chủ trương, chính sách pháp luật của Đảng và Nhà nước.
- Cơ quan chủ trì: Sở Tư pháp.
Nơi nhận: | TM. ỦY BAN NHÂN DÂN |
- Như trên; | KT. CHỦ TỊCH |
- Lưu: VT. | PHÓ CHỦ TỊCH |
| Phạm Văn Cảnh |
";

#[test]
fn a_text_file_with_the_same_header() {
    let (fm, body, _, _) = imported("ke-hoach-75.txt", KE_HOACH_TXT.as_bytes(), &[]);
    assert_eq!(
        s(&fm, "title"),
        "Kế hoạch thực hiện Đề án 471 năm 2021 trên địa bàn tỉnh Long An"
    );
    assert_eq!(s(&fm, "number"), "75/KH-UBND");
    assert_eq!(s(&fm, "issuer"), "Ủy ban nhân dân tỉnh Long An");
    assert_eq!(d(&fm, "issue_date"), "2021-03-12");
    assert_eq!(s(&fm, "signer"), "Phạm Văn Cảnh");
    assert!(
        body.starts_with("Thực hiện Quyết định số 471/QĐ-TTg"),
        "{body}"
    );
    assert!(
        body.contains("## I. MỤC ĐÍCH, YÊU CẦU\n\n1\\. Tiếp tục thể chế hóa"),
        "{body}"
    );
    assert!(!body.contains("Nơi nhận"), "{body}");
    // The same text in TCVN3 bytes is converted, and so is a Markdown file.
    let legacy =
        pbgdpl::encoding::encode_legacy(KE_HOACH_TXT, pbgdpl::encoding::Legacy::Tcvn3).unwrap();
    let (fm, _, out, _) = imported("ke-hoach-75-tcvn3.txt", &legacy, &[]);
    assert_eq!(s(&fm, "number"), "75/KH-UBND");
    assert!(out.contains("Đã chuyển chữ gõ bằng bảng mã TCVN3"), "{out}");
    // And so is a file saved as "Unicode" by Notepad (UTF-16 with a BOM).
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(KE_HOACH_TXT.encode_utf16().flat_map(u16::to_le_bytes));
    let (fm, _, _, _) = imported("ke-hoach-75-unicode.txt", &utf16, &[]);
    assert_eq!(s(&fm, "issuer"), "Ủy ban nhân dân tỉnh Long An");
    let md = KE_HOACH_TXT
        .replace("I. MỤC ĐÍCH, YÊU CẦU", "## I. MỤC ĐÍCH, YÊU CẦU")
        .replace("KẾ HOẠCH", "**KẾ HOẠCH**");
    let (fm, body, _, _) = imported("ke-hoach-75.md", md.as_bytes(), &[]);
    assert_eq!(s(&fm, "document_type"), "Kế hoạch");
    assert!(body.contains("## I. MỤC ĐÍCH, YÊU CẦU"), "{body}");
}

#[test]
fn an_entry_is_never_overwritten() {
    let (tmp, root) = site();
    let file = tmp.path().join("luat.docx");
    std::fs::write(&file, luat()).unwrap();
    assert!(import(&root, &file, &[]).status.success());
    let index = root.join("content/van-ban-moi/luat-hoa-giai-o-co-so/index.md");
    let before = std::fs::read_to_string(&index).unwrap();
    let o = import(&root, &file, &[]);
    assert_eq!(o.status.code(), Some(2));
    golden_in_both("import/exists", "stderr", |lang| {
        stderr(&import_in(lang, &root, &file, &[])).replace(root.to_str().unwrap(), "<site>")
    });
    assert_eq!(std::fs::read_to_string(&index).unwrap(), before);
    // Under another name it is imported again.
    let o = import(&root, &file, &["--name", "luat-hoa-giai-ban-2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        root.join("content/van-ban-moi/luat-hoa-giai-ban-2/index.md")
            .is_file()
    );
}

fn ole(stream: &str) -> Vec<u8> {
    let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    b.extend(std::iter::repeat_n(0u8, 1024));
    b.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
    b.extend(std::iter::repeat_n(0u8, 1024));
    b
}

/// Bad inputs: each gets a message saying what the file is and what to
/// do, nothing is written, the exit status is 2.
#[test]
fn bad_inputs_are_explained() {
    let deep = {
        let mut d = Docx::new();
        d = d.xml(&"<w:sdt><w:sdtContent>".repeat(300));
        d.xml(&"</w:sdtContent></w:sdt>".repeat(300))
    };
    let mut no_document = Docx::new();
    no_document.no_document = true;
    let mut odt = Docx::new();
    odt.no_document = true;
    odt.extra.push((
        "mimetype".into(),
        b"application/vnd.oasis.opendocument.text".to_vec(),
    ));
    odt.extra
        .push(("content.xml".into(), b"<office:document-content/>".to_vec()));
    let mut broken = ke_hoach();
    let cut = broken.len() / 2;
    broken.truncate(cut);
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        ("empty", "trong.docx", Vec::new()),
        ("old-doc", "cu.doc", ole("WordDocument")),
        ("password", "mat-khau.docx", ole("EncryptedPackage")),
        ("pdf", "van-ban.pdf", b"%PDF-1.7\n...".to_vec()),
        ("not-a-docx", "la.docx", b"this is not a Word file".to_vec()),
        ("no-document", "rong.docx", no_document.bytes()),
        ("odt", "van-ban.docx", odt.bytes()),
        ("truncated", "hong.docx", broken),
        ("too-deep", "sau.docx", deep.bytes()),
        (
            "unknown-encoding",
            "la.txt",
            vec![0x00, 0x9F, 0x81, 0x8D, 0x90],
        ),
    ];
    for (name, file_name, bytes) in cases {
        let (tmp, root) = site();
        let file = tmp.path().join(file_name);
        std::fs::write(&file, &bytes).unwrap();
        let before = read_tree(&root.join("content"));
        let o = import(&root, &file, &[]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert_eq!(
            read_tree(&root.join("content")),
            before,
            "{name} wrote something"
        );
        golden_in_both(&format!("import/{name}"), "stderr", |lang| {
            stderr(&import_in(lang, &root, &file, &[]))
        });
    }
}

/// A zip bomb: a part that inflates beyond the bound is refused without
/// reading it whole; so is a package of too many entries.
#[test]
fn zip_bombs_are_bounded() {
    let mut big = Docx::new().p("x");
    big.extra
        .push(("word/numbering.xml".into(), vec![b' '; 65 * 1024 * 1024]));
    let bytes = big.bytes();
    assert!(
        bytes.len() < 1024 * 1024,
        "the bomb is small: {}",
        bytes.len()
    );
    let err = pbgdpl::import::read_document(&bytes, "docx").unwrap_err();
    assert!(
        err.to_string().contains("khi giải nén lớn hơn 64,0 MB"),
        "{err}"
    );
    let mut many = Docx::new().p("x");
    for i in 0..10_001 {
        many.extra
            .push((format!("customXml/item{i}.xml"), Vec::new()));
    }
    let err = pbgdpl::import::read_document(&many.bytes(), "docx").unwrap_err();
    assert!(
        err.to_string().contains("nhiều hơn giới hạn 10000"),
        "{err}"
    );
}

/// Damaged Word files (bytes changed, cut short) and random bytes end in
/// an error or a document, never in a panic.
#[test]
fn mutated_word_files_never_panic() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for original in [luat(), thong_tu(), nghi_quyet()] {
        for _ in 0..150 {
            let mut bytes = original.clone();
            for _ in 0..(next() % 8 + 1) {
                let at = (next() as usize) % bytes.len();
                bytes[at] = next() as u8;
            }
            if next() % 4 == 0 {
                let keep = (next() as usize) % bytes.len();
                bytes.truncate(keep);
            }
            if let Ok(doc) = pbgdpl::import::read_document(&bytes, "docx") {
                let h = pbgdpl::import::recognise(&doc);
                let _ = pbgdpl::import::markdown::write(&doc, &doc.blocks[h.body]);
            }
            let _ = pbgdpl::encoding::detect(&bytes);
            let _ = pbgdpl::encoding::garbled(&String::from_utf8_lossy(&bytes));
        }
    }
}

/// A document without the administrative layout (an article, a leaflet):
/// its first line becomes the title, every document key is left as a
/// comment with its note, and the summary says what to fill in; Word's
/// heading styles and characters Markdown would read as markup survive.
#[test]
fn a_document_without_the_layout() {
    let doc = Docx::new()
        .heading(1, "Hỏi đáp về hòa giải ở cơ sở")
        .p("Câu hỏi *thường gặp* về [hòa giải] và mức chi 5_000 đồng <tối thiểu>.")
        .heading(2, "Hòa giải viên là ai?")
        .p("**Hòa giải viên** là người //được bầu// tại cộng đồng dân cư.")
        .p("# không phải đề mục")
        .bytes();
    let (tmp, root) = site();
    let file = tmp.path().join("hoi-dap.docx");
    std::fs::write(&file, &doc).unwrap();
    let o = import(&root, &file, &["--category", "thong-bao"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for missing in [
        "số ký hiệu (number)",
        "cơ quan ban hành (issuer)",
        "người ký (signer)",
    ] {
        assert!(out.contains(&format!("  {missing}\n")), "{out}");
    }
    let index = root.join("content/thong-bao/hoi-dap-ve-hoa-giai-o-co-so/index.md");
    let text = std::fs::read_to_string(&index).unwrap();
    assert!(text.contains("# Chưa nhận ra tên loại và trích yếu của văn bản: sửa lại tiêu đề.\ntitle = \"Hỏi đáp về hòa giải ở cơ sở\""), "{text}");
    assert!(
        text.contains("# number = \"\"   # chưa tìm thấy dòng \"Số: …\""),
        "{text}"
    );
    for expected in [
        "## Hỏi đáp về hòa giải ở cơ sở",
        "Câu hỏi \\*thường gặp\\* về \\[hòa giải\\] và mức chi 5\\_000 đồng \\<tối thiểu\\>.",
        "### Hòa giải viên là ai?",
        "**Hòa giải viên** là người *được bầu* tại cộng đồng dân cư.",
        "\\# không phải đề mục",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // thong-bao has the document keys optional: the draft passes check.
    let c = pbgdpl(&["check", "--root", root.to_str().unwrap()]);
    assert!(c.status.success(), "{}", stderr(&c));
    // In van-ban-moi they are required: check says which to fill in.
    let o = import(&root, &file, &["--category", "van-ban-moi"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let c = pbgdpl(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(c.status.code(), Some(1));
    assert!(stderr(&c).contains("number"), "{}", stderr(&c));
}
