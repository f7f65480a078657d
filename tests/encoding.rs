//! Legacy Vietnamese encodings met in a site: files in TCVN3, VNI,
//! Windows-1258 or UTF-16 are errors naming the encoding and the command
//! that fixes them; garbled legacy text in a UTF-8 file is a warning with
//! its line; `pbgdpl convert` fixes both and keeps the original.

mod support;

use std::path::Path;

use pbgdpl::encoding::{Legacy, encode_legacy};
use support::*;

const ENTRY: &str = "+++\ntitle = \"Phổ biến pháp luật về đất đai\"\ndate = 2026-05-04\nid = \"tin-tuc/cu\"\n+++\n\n\
    Sáng 04/5/2026, Ủy ban nhân dân xã tổ chức hội nghị tuyên truyền về hòa giải ở cơ sở.\n";

const GARBLED: &str = "+++\ntitle = \"Phæ biÕn ph¸p luËt vÒ ®Êt ®ai\"\ndate = 2026-05-04\nid = \"tin-tuc/cu\"\n+++\n\n\
    S¸ng 04/5/2026, xin giíi thiÖu héi nghÞ tuyªn truyÒn.\n";

fn check(root: &Path) -> std::process::Output {
    pbgdpl(&["check", "--root", root.to_str().unwrap()])
}

fn site_with(rel: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = temp_site("minimal");
    std::fs::write(root.join(rel), bytes).unwrap();
    (tmp, root)
}

#[test]
fn a_file_in_each_legacy_encoding_is_named_with_its_fix() {
    for (name, bytes) in [
        ("tcvn3", encode_legacy(ENTRY, Legacy::Tcvn3).unwrap()),
        ("vni", encode_legacy(ENTRY, Legacy::Vni).unwrap()),
        ("cp1258", encode_legacy(ENTRY, Legacy::Windows1258).unwrap()),
        ("utf16", {
            let mut b = vec![0xFF, 0xFE];
            b.extend(ENTRY.encode_utf16().flat_map(u16::to_le_bytes));
            b
        }),
    ] {
        let (_tmp, root) = site_with("content/tin-tuc/cu.md", &bytes);
        let o = check(&root);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        golden_in_both(&format!("encoding/{name}"), "stderr", |lang| {
            stderr(&pbgdpl_in(
                lang,
                &["check", "--root", root.to_str().unwrap()],
            ))
        });
    }
}

#[test]
fn garbled_legacy_text_is_a_warning_with_its_line() {
    let (_tmp, root) = site_with("content/tin-tuc/loi-phong.md", GARBLED.as_bytes());
    let o = check(&root);
    assert!(o.status.success(), "{}", stderr(&o));
    golden_in_both("encoding/garbled", "stderr", |lang| {
        stderr(&pbgdpl_in(
            lang,
            &["check", "--root", root.to_str().unwrap()],
        ))
    });
    let strict = pbgdpl(&["check", "--strict", "--root", root.to_str().unwrap()]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn convert_fixes_every_kind_and_keeps_the_original_unpublished() {
    let (_tmp, root) = temp_site("minimal");
    let dir = root.join("content/tin-tuc");
    let entry = |id: &str| ENTRY.replace("tin-tuc/cu", &format!("tin-tuc/{id}"));
    let files = [
        (
            "tcvn3.md",
            encode_legacy(&entry("a"), Legacy::Tcvn3).unwrap(),
        ),
        ("vni.md", encode_legacy(&entry("b"), Legacy::Vni).unwrap()),
        (
            "cp1258.md",
            encode_legacy(&entry("c"), Legacy::Windows1258).unwrap(),
        ),
        (
            "garbled.md",
            GARBLED.replace("tin-tuc/cu", "tin-tuc/d").into_bytes(),
        ),
        ("utf8.md", entry("e").into_bytes()),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let mut args = vec!["convert".to_string()];
    args.extend(files.iter().map(|(n, _)| format!("content/tin-tuc/{n}")));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_pbgdpl"))
        .args(&args)
        .current_dir(&root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    golden(
        "encoding/convert.vi.stdout",
        &String::from_utf8(o.stdout).unwrap(),
    );
    let read = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
    // TCVN3 has no toned capitals: "Ủy" comes back in small letters.
    assert_eq!(read("tcvn3.md"), entry("a").replace("Ủy", "ủy"));
    assert_eq!(read("vni.md"), entry("b"));
    assert_eq!(read("cp1258.md"), entry("c"));
    assert!(read("garbled.md").contains("title = \"Phổ biến pháp luật về đất đai\""));
    assert!(read("garbled.md").contains("Sáng 04/5/2026, xin giới thiệu hội nghị tuyên truyền."));
    assert_eq!(read("utf8.md"), entry("e"));
    for (name, bytes) in &files[..4] {
        assert_eq!(&std::fs::read(dir.join(format!("{name}~"))).unwrap(), bytes);
    }
    assert!(!dir.join("utf8.md~").exists());
    // A second run keeps the first backups and converts nothing.
    let again = encode_legacy(&entry("f"), Legacy::Tcvn3).unwrap();
    std::fs::write(dir.join("again.md"), &again).unwrap();
    let o = pbgdpl(&["chuyen-ma", dir.join("again.md").to_str().unwrap()]);
    assert!(o.status.success());
    std::fs::write(dir.join("again.md"), &again).unwrap();
    let o = pbgdpl(&[
        "chuyen-ma",
        "--from",
        "tcvn3",
        dir.join("again.md").to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(dir.join("again.md.2~").is_file());
    // The converted site passes check with no warning and the backups are
    // not published.
    let o = check(&root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    let out = tempfile::tempdir().unwrap();
    build(&root, out.path());
    assert!(
        !read_tree(out.path()).keys().any(|k| k.ends_with('~')),
        "a backup was published"
    );
}

#[test]
fn convert_reports_what_it_cannot_do() {
    let tmp = tempfile::tempdir().unwrap();
    let unknown = tmp.path().join("la.txt");
    std::fs::write(&unknown, [0x00u8, 0x9F, 0x81, 0x8D]).unwrap();
    let o = pbgdpl(&["convert", unknown.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let o = pbgdpl(&["convert", "--from", "latin9", unknown.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let shown = |o: std::process::Output| stderr(&o).replace(tmp.path().to_str().unwrap(), "<tmp>");
    golden_in_both("encoding/convert-unknown", "stderr", |lang| {
        shown(pbgdpl_in(lang, &["convert", unknown.to_str().unwrap()]))
    });
    golden_in_both("encoding/convert-bad-from", "stderr", |lang| {
        shown(pbgdpl_in(
            lang,
            &["convert", "--from", "latin9", unknown.to_str().unwrap()],
        ))
    });
    // The same conversion in English.
    let file = tmp.path().join("a.md");
    std::fs::write(&file, encode_legacy(ENTRY, Legacy::Vni).unwrap()).unwrap();
    let o = pbgdpl_in(Lang::En, &["convert", file.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("converted from VNI (VNI-Times fonts) to UTF-8"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}
