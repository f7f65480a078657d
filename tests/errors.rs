//! Every user-facing error of the core, as a golden stderr in both
//! languages: one small broken site per error (the minimal fixture plus the
//! files below), checked with `pbgdpl check`, compared with
//! tests/golden/errors/<case>.vi.stderr and <case>.en.stderr. Review changes
//! to them like code; rewrite them with
//! `PBGDPL_BLESS=1 cargo test --test errors`.

mod support;

use support::*;

/// Builds a broken copy of the minimal fixture and compares `check`'s
/// stderr with tests/golden/errors/<name>.{vi,en}.stderr.
fn case(name: &str, files: &[(&str, &str)], remove: &[&str]) {
    case_with(name, files, remove, &[]);
}

/// Like [`case`], with extra `check` arguments.
fn case_with(name: &str, files: &[(&str, &str)], remove: &[&str], args: &[&str]) {
    let (_tmp, root) = temp_site("minimal");
    for r in remove {
        let p = root.join(r);
        if p.is_dir() {
            std::fs::remove_dir_all(p).unwrap();
        } else {
            std::fs::remove_file(p).unwrap();
        }
    }
    for (path, text) in files {
        if path.ends_with('/') {
            std::fs::create_dir_all(root.join(path)).unwrap();
        } else {
            write(&root.join(path), text);
        }
    }
    let mut all = vec!["check", "--root", root.to_str().unwrap()];
    all.extend_from_slice(args);
    golden_in_both(&format!("errors/{name}"), "stderr", |lang| {
        let o = pbgdpl_in(lang, &all);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{name}: check must fail\n{}",
            stderr(&o)
        );
        stderr(&o)
    });
}

const SITE: &str = "site.toml";
const MINIMAL_SITE: &str = include_str!("fixtures/minimal/site.toml");

#[test]
fn unknown_key() {
    case(
        "unknown-key",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitel = \"Tin\"\ndate = 2026-01-01\n+++\n",
        )],
        &[],
    );
}

#[test]
fn missing_title() {
    case(
        "missing-title",
        &[(
            "content/tin-tuc/a.md",
            "+++\ndate = 2026-01-01\n+++\nNội dung.\n",
        )],
        &[],
    );
}

#[test]
fn missing_date() {
    case(
        "missing-date",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = \"Tin\"\n+++\nNội dung.\n",
        )],
        &[],
    );
}

#[test]
fn impossible_date() {
    case(
        "impossible-date",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = \"Tin\"\ndate = \"30/02/2026\"\n+++\n",
        )],
        &[],
    );
}

#[test]
fn wrong_type() {
    case(
        "wrong-type",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = 2026\ndate = 2026-01-01\nweight = \"một\"\n+++\n",
        )],
        &[],
    );
}

#[test]
fn toml_syntax() {
    case(
        "toml-syntax",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = Tin không có ngoặc kép\ndate = 2026-01-01\n+++\n",
        )],
        &[],
    );
}

#[test]
fn word_smart_quotes() {
    case(
        "smart-quotes",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = “Hội nghị phổ biến pháp luật”\ndate = 2026-01-01\n+++\n",
        )],
        &[],
    );
}

#[test]
fn a_date_written_day_first_without_quotes() {
    case(
        "date-day-first",
        &[(
            "content/van-ban-moi/a.md",
            "+++\ntitle = \"A\"\ndate = 2026-03-01\nnumber = \"12/2026/QĐ-UBND\"\ndocument_type = \"Quyết định\"\nissuer = \"UBND tỉnh\"\nissue_date = 28/02/2026\n+++\n",
        )],
        &[],
    );
}

#[test]
fn an_impossible_date_names_the_day_and_the_month() {
    case(
        "impossible-date-unquoted",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = \"A\"\ndate = 31/02/2026\n+++\n",
        )],
        &[],
    );
    case(
        "impossible-month",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = \"A\"\ndate = 2026-13-01\n+++\n",
        )],
        &[],
    );
}

#[test]
fn a_word_dash_in_a_document_number_is_named() {
    case(
        "document-number-en-dash",
        &[(
            "content/van-ban-moi/a.md",
            "+++\ntitle = \"A\"\ndate = 2026-03-01\nnumber = \"12/2026/QĐ–UBND\"\ndocument_type = \"Quyết định\"\nissuer = \"UBND tỉnh\"\nissue_date = 2026-02-28\n+++\n",
        )],
        &[],
    );
    // Spaces typed around the slashes, as Word documents often have them.
    case(
        "document-number-spaces",
        &[(
            "content/van-ban-moi/a.md",
            "+++\ntitle = \"A\"\ndate = 2026-03-01\nnumber = \"12 / 2026 / QĐ-UBND\"\ndocument_type = \"Quyết định\"\nissuer = \"UBND tỉnh\"\nissue_date = 2026-02-28\n+++\n",
        )],
        &[],
    );
}

#[test]
fn a_missing_closing_quote_and_a_missing_equals_sign() {
    case(
        "unclosed-quote",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = \"Tin hội nghị\ndate = 2026-01-01\n+++\n",
        )],
        &[],
    );
    case(
        "missing-equals",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle \"Tin hội nghị\"\ndate = 2026-01-01\n+++\n",
        )],
        &[],
    );
}

#[test]
fn unclosed_front_matter() {
    case(
        "unclosed-front-matter",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = \"Tin\"\ndate = 2026-01-01\n\nNội dung.\n",
        )],
        &[],
    );
}

#[test]
fn yaml_front_matter() {
    case(
        "yaml-front-matter",
        &[(
            "content/tin-tuc/a.md",
            "---\ntitle: Tin\ndate: 2026-01-01\n---\nNội dung.\n",
        )],
        &[],
    );
}

#[test]
fn unknown_category() {
    case(
        "unknown-category",
        &[(
            "content/van-ban/a.md",
            "+++\ntitle = \"A\"\ndate = 2026-01-01\n+++\n",
        )],
        &[],
    );
}

#[test]
fn entry_outside_category() {
    case(
        "entry-outside-category",
        &[(
            "content/a.md",
            "+++\ntitle = \"A\"\ndate = 2026-01-01\n+++\n",
        )],
        &[],
    );
}

#[test]
fn bundle_without_index() {
    case(
        "bundle-without-index",
        &[("content/tin-tuc/anh-hoi-nghi/anh.jpg", "jpg")],
        &[],
    );
}

#[test]
fn duplicate_path() {
    case(
        "duplicate-path",
        &[
            (
                "content/tin-tuc/hoi-nghi.md",
                "+++\ntitle = \"A\"\ndate = 2026-01-01\n+++\n",
            ),
            (
                "content/tin-tuc/Hội nghị.md",
                "+++\ntitle = \"B\"\ndate = 2026-01-02\n+++\n",
            ),
        ],
        &[],
    );
}

#[test]
fn duplicate_id() {
    case(
        "duplicate-id",
        &[(
            "content/tin-tuc/a.md",
            "+++\nid = \"stp-2026-0001\"\ntitle = \"A\"\ndate = 2026-01-01\n+++\n",
        )],
        &[],
    );
}

#[test]
fn updated_before_date() {
    case(
        "updated-before-date",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = \"A\"\ndate = 2026-03-01\nupdated = 2026-02-01\n+++\n",
        )],
        &[],
    );
}

#[test]
fn broken_link() {
    case(
        "broken-link",
        &[(
            "content/tin-tuc/a.md",
            "+++\nid = \"tin-tuc/a\"\ntitle = \"A\"\ndate = 2026-01-01\n+++\n\nXem [hỏi đáp](/hoi-dap/khong-co/) và [ảnh](anh.jpg).\n",
        )],
        &[],
    );
}

#[test]
fn missing_attachment() {
    case(
        "missing-attachment",
        &[(
            "content/van-ban-moi/nghi-dinh-13/index.md",
            "+++\ntitle = \"NĐ 13\"\ndate = 2026-03-01\nnumber = \"13/2023/NĐ-CP\"\ndocument_type = \"Nghị định\"\nissuer = \"Chính phủ\"\nissue_date = 2023-04-17\n\n[[attachments]]\nfile = \"nd-13.docx\"\ntitle = \"Toàn văn\"\n+++\n",
        )],
        &[],
    );
}

#[test]
fn misplaced_data_table() {
    case(
        "misplaced-table",
        &[("content/tin-tuc/bang.toml", "title = \"Bảng\"\n")],
        &[],
    );
}

#[test]
fn site_toml_unknown_key() {
    case(
        "site-unknown-key",
        &[(SITE, &MINIMAL_SITE.replace("base_url", "base_ulr"))],
        &[],
    );
}

#[test]
fn site_toml_missing_province() {
    let text = MINIMAL_SITE.split("[province]").next().unwrap();
    case("site-missing-province", &[(SITE, text)], &[]);
}

#[test]
fn site_toml_bad_base_url() {
    case(
        "site-bad-base-url",
        &[(
            SITE,
            &MINIMAL_SITE.replace("https://stp.example.gov.vn/\"", "stp.example.gov.vn\""),
        )],
        &[],
    );
}

#[test]
fn site_toml_justice_url_not_https() {
    case(
        "site-justice-url",
        &[(
            SITE,
            &MINIMAL_SITE.replace(
                "url = \"https://pbgdpl.example.gov.vn\"",
                "url = \"https://pbgdpl.example.gov.vn\"\njustice_url = \"http://stp.example.gov.vn\"",
            ),
        )],
        &[],
    );
}

#[test]
fn no_site_toml() {
    let tmp = tempfile::tempdir().unwrap();
    let o = pbgdpl_in(Lang::En, &["build", "--root", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("error: no site.toml in "), "{err}");
    assert!(err.contains("pbgdpl init"), "{err}");
}

#[test]
fn empty_required_category_is_a_warning_and_fails_strict_checks() {
    let (_tmp, root) = temp_site("minimal");
    std::fs::remove_dir_all(root.join("content/doi-thoai")).unwrap();
    let o = pbgdpl_in(Lang::En, &["check", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: category doi-thoai"),
        "{}",
        stderr(&o)
    );
    case_with(
        "empty-required-category",
        &[],
        &["content/doi-thoai"],
        &["--strict"],
    );
}

#[test]
fn examples_left_from_the_templates_fail_strict_checks() {
    case_with(
        "placeholder",
        &[(
            "content/tin-tuc/a.md",
            "+++\ntitle = \"Hội nghị\"\ndate = 2026-01-01\n# summary = \"Một hoặc hai câu tóm tắt nội dung.\"\n+++\n\nNội dung bài viết, soạn bằng Markdown.\n",
        )],
        &[],
        &["--strict"],
    );
    case_with(
        "sample-entry",
        &[(
            "content/tin-tuc/bai-mau.md",
            "+++\ntitle = \"Bài mẫu chuyên mục Tin tức - Sự kiện\"\ndate = 2026-01-01\n+++\n\nGiới thiệu.\n",
        )],
        &[],
        &["--strict"],
    );
    case_with(
        "placeholder-site",
        &[(
            SITE,
            &MINIMAL_SITE
                .replace("Sở Tư pháp tỉnh Thử Nghiệm", "Tên cơ quan, đơn vị")
                .replace("pháp luật tỉnh Thử Nghiệm\"", "pháp luật tỉnh\""),
        )],
        &[],
        &["--strict"],
    );
}

#[test]
fn text_pasted_from_word_with_single_line_breaks() {
    case_with(
        "run-on-lines",
        &[(
            "content/van-ban-moi/a.md",
            "+++\nid = \"van-ban-moi/a\"\ntitle = \"Quyết định ban hành Quy chế\"\ndate = 2026-03-01\nnumber = \"12/2026/QĐ-UBND\"\ndocument_type = \"Quyết định\"\nissuer = \"UBND tỉnh\"\nissue_date = 2026-02-28\n+++\n\nQUYẾT ĐỊNH\nBan hành Quy chế phối hợp phổ biến, giáo dục pháp luật\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.\n",
        )],
        &[],
        &["--strict"],
    );
}
