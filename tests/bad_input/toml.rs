//! TOML that does not parse, in front matter, site.toml and data tables.

use crate::harness::Case;

#[test]
fn toml_text_without_quotes() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = Hội nghị tập huấn\ndate = 2026-01-01\n+++\n",
    );
    c.fails("toml-text-without-quotes", 1, true);
}

#[test]
fn toml_key_given_twice() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"A\"\ndate = 2026-01-01\ntitle = \"B\"\n+++\n",
    );
    c.fails("toml-key-given-twice", 1, true);
}

#[test]
fn toml_unclosed_string() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"Hội nghị\ndate = 2026-01-01\n+++\n",
    );
    c.fails("toml-unclosed-string", 1, true);
}

#[test]
fn toml_list_where_text_belongs() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = [\"A\", \"B\"]\ndate = 2026-01-01\ntags = \"một thẻ\"\n+++\n",
    );
    c.fails("toml-list-where-text-belongs", 1, true);
}

#[test]
fn toml_syntax_in_site_toml() {
    let c = Case::new();
    let site = c
        .site_toml()
        .replace("entries_per_page = 3", "entries_per_page = = 3");
    c.write("site.toml", site);
    c.fails("toml-syntax-in-site-toml", 1, true);
}

#[test]
fn toml_syntax_in_a_data_table() {
    let c = Case::new();
    c.write(
        "content/thong-ke/so-lieu.toml",
        "title = \"Số liệu\"\ncolumns = [\"Xã\", \"Số buổi\"\nrows = [[\"A\", \"3\"]]\n",
    );
    c.fails("toml-syntax-in-a-data-table", 1, true);
}

#[test]
fn toml_table_header_twice_in_site_toml() {
    let c = Case::new();
    let site = format!("{}\n[agency]\nname = \"Khác\"\n", c.site_toml());
    c.write("site.toml", site);
    c.fails("toml-table-header-twice", 1, true);
}
