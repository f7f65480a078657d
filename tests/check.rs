//! `pbgdpl check --format human|json|github [--strict]`, as CI runs it: the
//! exact output (golden files under tests/golden/) and the exit status.
//!
//! To update the golden files after an intended change:
//! `PBGDPL_BLESS=1 cargo test --test check`, then review the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the serve fixture (five warnings: empty required categories),
/// optionally with a broken entry added.
fn site(broken: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let from = manifest().join("tests/fixtures/serve-site");
    for e in walkdir::WalkDir::new(&from).into_iter().flatten() {
        let dest = root.join(e.path().strip_prefix(&from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
    if broken {
        std::fs::write(
            root.join("content/tin-tuc/bai-loi.md"),
            "+++\ntitel = \"Bài có lỗi\"\ndate = 2026-02-30\n+++\n\nXem [trang không có](/tin-tuc/khong-co/).\n",
        )
        .unwrap();
    }
    (dir, root)
}

/// Runs `pbgdpl check` with `args` (messages in Vietnamese unless `args`
/// say `--lang en`); returns (exit code, stdout, stderr).
fn check(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pbgdpl"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PBGDPL_LANG")
        .arg("check")
        .arg("--root")
        .arg(root)
        .args(["--today", "2026-11-22", "--color", "never"])
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Compares `actual` with tests/golden/`name`, or writes it when blessing.
fn golden(name: &str, actual: &str) {
    let path = manifest().join("tests/golden").join(name);
    if std::env::var_os("PBGDPL_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with PBGDPL_BLESS=1", path.display()));
    assert_eq!(actual, expected, "output differs from {}", path.display());
}

#[test]
fn warnings_pass_unless_strict() {
    let (_dir, root) = site(false);
    let (code, json, _) = check(&root, &["--format", "json"]);
    assert_eq!(code, 0);
    golden("check-warnings.json", &json);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["errors"], 0);
    assert_eq!(parsed["warnings"], 5);

    let (code, github, _) = check(&root, &["--format", "github"]);
    assert_eq!(code, 0);
    golden("check-warnings.github", &github);
    assert!(
        github
            .lines()
            .all(|l| l.starts_with("::warning file=content/"))
    );

    // --strict: the same findings fail the check, as errors.
    let (code, github, _) = check(&root, &["--format", "github", "--strict"]);
    assert_eq!(code, 1);
    golden("check-strict.github", &github);
    assert_eq!(
        github.lines().filter(|l| l.starts_with("::error ")).count(),
        5
    );
    let (code, _, stderr) = check(&root, &["--strict"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("kiểm tra không đạt: 5 lỗi, 0 cảnh báo"),
        "{stderr}"
    );
}

#[test]
fn errors_fail_with_positions_in_every_format() {
    let (_dir, root) = site(true);
    let (code, json, _) = check(&root, &["--format", "json"]);
    assert_eq!(code, 1);
    golden("check-errors.json", &json);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let errors: Vec<&serde_json::Value> = parsed["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert!(!errors.is_empty());
    assert!(
        errors
            .iter()
            .all(|d| d["file"] == "content/tin-tuc/bai-loi.md")
    );
    assert!(errors.iter().all(|d| d["line"].as_u64().unwrap() > 0));

    let (code, github, _) = check(&root, &["--format", "github"]);
    assert_eq!(code, 1);
    golden("check-errors.github", &github);
    assert!(github.contains("::error file=content/tin-tuc/bai-loi.md,line=2,col=1,"));

    let (code, stdout, stderr) = check(&root, &[]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty(), "people's format goes to stderr");
    golden("check-errors.vi.txt", &stderr);
    let (_, _, english) = check(&root, &["--lang", "en"]);
    golden("check-errors.en.txt", &english);
    assert!(
        stderr.contains("--> content/tin-tuc/bai-loi.md:2:1"),
        "{stderr}"
    );
}

#[test]
fn machine_formats_keep_their_fields_in_every_language() {
    let (_dir, root) = site(true);
    let (_, vi, _) = check(&root, &["--format", "json"]);
    let (_, en, _) = check(&root, &["--format", "json", "--lang", "en"]);
    let strip = |text: &str| {
        let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
        for d in v["diagnostics"].as_array_mut().unwrap() {
            let d = d.as_object_mut().unwrap();
            assert!(d["message"].is_string());
            d.remove("message");
            d.remove("help");
        }
        v
    };
    assert_eq!(strip(&vi), strip(&en), "codes, files, lines, columns stay");
    let (_, vi, _) = check(&root, &["--format", "github"]);
    let (_, en, _) = check(&root, &["--format", "github", "--lang", "en"]);
    let fields = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.split("::").take(2).collect::<Vec<_>>().join("::"))
            .collect()
    };
    assert_eq!(fields(&vi), fields(&en));
}
