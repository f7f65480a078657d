//! The bytes of a file: byte order marks, Windows line endings, tabs, NUL
//! bytes, binary files, a 1 MB line, a 20 MB entry.

use crate::harness::Case;

#[test]
fn byte_order_mark_keeps_positions_right() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "\u{feff}+++\ntitle = \"Tin\"\ndate = 2026-01-01\ntitel = \"x\"\n+++\n",
    );
    c.fails("byte-order-mark", 1, true);
}

#[test]
fn byte_order_mark_in_site_toml() {
    let c = Case::new();
    let site = c.site_toml().replace("entries_per_page", "entries_per_pag");
    c.write("site.toml", format!("\u{feff}{site}"));
    c.fails("byte-order-mark-in-site-toml", 1, true);
}

#[test]
fn byte_order_mark_alone_is_accepted() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/bom.md",
        "\u{feff}+++\ntitle = \"Có BOM\"\ndate = 2026-01-01\n+++\nNội dung.\n",
    );
    let out = c.builds("byte-order-mark-accepted");
    let page = std::fs::read_to_string(out.join("tin-tuc/bom/index.html")).unwrap();
    assert!(page.contains("Có BOM") && !page.contains('\u{feff}'));
}

#[test]
fn windows_line_endings_keep_positions_right() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\r\ntitle = \"Tin\"\r\ndate = 2026-01-01\r\nweight = \"một\"\r\n+++\r\nNội dung.\r\n",
    );
    c.fails("windows-line-endings", 1, true);
}

#[test]
fn windows_line_endings_are_accepted() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/crlf.md",
        "+++\r\ntitle = \"CRLF\"\r\ndate = 2026-01-01\r\n+++\r\nDòng một\r\ndòng hai.\r\n",
    );
    let out = c.builds("windows-line-endings-accepted");
    let page = std::fs::read_to_string(out.join("tin-tuc/crlf/index.html")).unwrap();
    assert!(page.contains("Dòng một") && !page.contains('\r'));
}

#[test]
fn tabs_keep_the_caret_under_the_value() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\ntitle =\t\t\"Tin\"\ndate =\t2026-01-01\nweight =\t\t\"một\"\n+++\n",
    );
    c.fails("tabs", 1, true);
}

#[test]
fn nul_character_in_front_matter() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"Tin\0tức\"\ndate = 2026-01-01\n+++\n",
    );
    c.fails("nul-character-in-front-matter", 1, true);
}

#[test]
fn nul_character_in_the_body() {
    let c = Case::new();
    c.entry("nul", "Một\0hai\0\0ba.\n");
    c.fails("nul-character-in-body", 1, true);
}

#[test]
fn binary_file_named_md() {
    let c = Case::new();
    // The start of a PNG image, saved as an entry.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec();
    png.extend((0..=255u8).cycle().take(2000));
    c.write("content/tin-tuc/anh.md", png);
    c.fails("binary-file", 1, false);
}

#[test]
fn a_one_megabyte_line_is_shown_cut_in_messages() {
    let c = Case::new();
    let long = "rất dài ".repeat(130_000);
    c.write(
        "content/tin-tuc/a.md",
        format!("+++\ntitle = \"{long}\ndate = 2026-01-01\n+++\n"),
    );
    c.fails("one-megabyte-line", 1, true);
}

#[test]
fn a_one_megabyte_line_in_the_body_is_accepted() {
    let c = Case::new();
    c.entry("dong-dai", &format!("{}\n", "rất dài ".repeat(130_000)));
    let out = c.builds("one-megabyte-line-in-body");
    assert!(out.join("tin-tuc/dong-dai/index.html").is_file());
}

#[test]
fn a_twenty_megabyte_entry_is_built() {
    let c = Case::new();
    let paragraph = "Luật phổ biến, giáo dục pháp luật quy định trách nhiệm của cơ quan, tổ chức. ";
    let mut body = String::with_capacity(21 << 20);
    let mut n = 0;
    while body.len() < 20 << 20 {
        n += 1;
        body.push_str(&format!(
            "## Điều {n}\n\n{}\n\n- khoản một;\n- khoản hai.\n\n",
            paragraph.repeat(20)
        ));
    }
    c.entry("rat-lon", &body);
    let out = c.builds("twenty-megabyte-entry");
    let page = std::fs::read_to_string(out.join("tin-tuc/rat-lon/index.html")).unwrap();
    assert!(
        page.contains(&format!("Điều {n}")),
        "the whole entry is there"
    );
}
