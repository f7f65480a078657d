//! Documents nested deeper than the documented limits (src/nesting.rs):
//! an error at the place, never a stack overflow.

use crate::harness::Case;

#[test]
fn ten_thousand_nested_quotes() {
    let c = Case::new();
    c.entry("a", &format!("Mở đầu.\n\n{}x\n", "> ".repeat(10_000)));
    c.fails("deep-quotes", 1, true);
}

#[test]
fn five_thousand_nested_lists() {
    let c = Case::new();
    c.entry("a", &format!("{}x\n", "- ".repeat(5_000)));
    c.fails("deep-lists", 1, true);
}

#[test]
fn ten_thousand_nested_divs() {
    let c = Case::new();
    c.entry("a", &format!("{}x\n", "<div>\n".repeat(10_000)));
    c.fails("deep-divs", 1, true);
}

#[test]
fn deep_toml_in_front_matter() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        format!(
            "+++\ntitle = \"Tin\"\ndate = 2026-01-01\ntags = {}{}\n+++\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    );
    c.fails("deep-toml-front-matter", 1, true);
}

#[test]
fn deep_toml_in_site_toml() {
    let c = Case::new();
    let site = format!(
        "{}\n[{}]\nx = 1\n",
        c.site_toml(),
        vec!["a"; 10_000].join(".")
    );
    c.write("site.toml", site);
    c.fails("deep-toml-site", 1, true);
}

#[test]
fn deep_toml_in_a_data_table() {
    let c = Case::new();
    c.write(
        "content/thong-ke/so-lieu.toml",
        format!(
            "title = \"Số liệu\"\ncolumns = [\"Xã\"]\nrows = {}1{}\n",
            "{a = ".repeat(10_000),
            "}".repeat(10_000)
        ),
    );
    c.fails("deep-toml-table", 1, true);
}
