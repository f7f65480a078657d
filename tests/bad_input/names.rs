//! Names: repeated ids and addresses, file names with spaces, capitals,
//! diacritics in either Unicode form.

use crate::harness::Case;

const ENTRY: &str = "+++\ntitle = \"Tin\"\ndate = 2026-01-01\n+++\nNội dung.\n";

#[test]
fn duplicate_id() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/a.md",
        "+++\nid = \"tin-1\"\ntitle = \"A\"\ndate = 2026-01-01\n+++\n",
    );
    c.write(
        "content/thong-bao/b.md",
        "+++\nid = \"tin-1\"\ntitle = \"B\"\ndate = 2026-01-02\n+++\n",
    );
    c.fails("duplicate-id", 1, true);
}

#[test]
fn two_names_one_address() {
    let c = Case::new();
    c.write("content/tin-tuc/hoi-nghi.md", ENTRY);
    c.write("content/tin-tuc/Hội Nghị.md", ENTRY);
    c.fails("duplicate-address", 1, true);
}

#[test]
fn the_same_name_in_both_unicode_forms() {
    // "Hội nghị" typed precomposed (NFC) and decomposed (NFD, as macOS
    // keyboards and some copies make): two files, one address.
    let c = Case::new();
    c.write("content/tin-tuc/Hội nghị.md", ENTRY);
    c.write("content/tin-tuc/Ho\u{323}\u{302}i nghi\u{323}.md", ENTRY);
    c.fails("duplicate-address-nfd", 1, true);
}

#[test]
fn spaces_and_capitals_in_file_names_are_accepted() {
    let c = Case::new();
    c.write("content/tin-tuc/Hội Nghị Tập Huấn 2026.md", ENTRY);
    let out = c.builds("spaces-and-capitals");
    assert!(
        out.join("tin-tuc/hoi-nghi-tap-huan-2026/index.html")
            .is_file()
    );
}

#[test]
fn decomposed_file_names_are_accepted() {
    let c = Case::new();
    c.write(
        "content/tin-tuc/Pho\u{302}\u{309} bie\u{302}\u{301}n.md",
        ENTRY,
    );
    let out = c.builds("decomposed-name");
    assert!(out.join("tin-tuc/pho-bien/index.html").is_file());
}
