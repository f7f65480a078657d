//! Front matter fences: missing, unclosed, YAML, empty files.

use crate::harness::Case;

#[test]
fn unclosed_front_matter() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"Tin\"\ndate = 2026-01-01\n\nNội dung bài.\n",
    );
    c.fails("unclosed-front-matter", 1, true);
}

#[test]
fn no_front_matter() {
    let c = Case::new();
    c.write("content/tin-tuc/a.md", "# Hội nghị\n\nNội dung bài.\n");
    c.fails("no-front-matter", 1, true);
}

#[test]
fn yaml_front_matter() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "---\ntitle: Tin\ndate: 2026-01-01\n---\nNội dung.\n",
    );
    c.fails("yaml-front-matter", 1, true);
}

#[test]
fn empty_file() {
    let c = Case::new();
    c.write("content/tin-tuc/a.md", "");
    c.fails("empty-file", 1, true);
}

#[test]
fn fence_of_four_plus_signs() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "++++\ntitle = \"Tin\"\ndate = 2026-01-01\n++++\n",
    );
    c.fails("fence-of-four-plus-signs", 1, true);
}

#[test]
fn old_mac_line_endings_are_accepted() {
    // Carriage returns alone, as old Mac editors wrote them.
    let c = Case::new();
    c.write(
        "content/tin-tuc/mac.md",
        "+++\rtitle = \"Tin\"\rdate = 2026-01-01\r+++\rNội dung.\r",
    );
    let out = c.builds("old-mac-line-endings");
    assert!(out.join("tin-tuc/mac/index.html").is_file());
}
