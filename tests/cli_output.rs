//! What `pbgdpl build` prints when it is not on a terminal (CI logs): one
//! summary line, no progress bar, no colours; `--quiet` and `--verbose`.

use std::path::Path;
use std::process::Command;

fn build(extra: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pbgdpl"));
    cmd.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("PBGDPL_LANG", "en");
    cmd.args(["build", "--today", "2026-11-22", "--root"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/serve-site"))
        .arg("--out")
        .arg(dir.path().join("public"))
        .args(extra);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (out.status.success(), String::from_utf8(out.stderr).unwrap())
}

/// Whether `line` ends with "in 850 ms" or "in 1.4 s" (any number).
fn ends_with_a_duration(line: &str) -> bool {
    let Some((_, last)) = line.rsplit_once(" in ") else {
        return false;
    };
    let Some((number, unit)) = last.split_once(' ') else {
        return false;
    };
    ["ms", "s"].contains(&unit) && !number.is_empty() && number.parse::<f64>().is_ok()
}

fn summary_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("built ")).collect()
}

#[test]
fn a_log_gets_one_plain_summary_line() {
    let (ok, stderr) = build(&[], &[]);
    assert!(ok);
    let lines = summary_lines(&stderr);
    assert_eq!(lines.len(), 1, "{stderr}");
    // Entries, files, files per output (pages, feeds…), where, how long.
    let line = lines[0];
    assert!(line.starts_with("built 5 entries, "), "{line}");
    for part in ["files (", "html 34", "sitemap 2", "feeds ", ") into "] {
        assert!(line.contains(part), "{part} in {line}");
    }
    // How long it took, in whatever unit fits: never asserted on a value
    // or a unit, a busy CI machine may take seconds.
    assert!(
        ends_with_a_duration(line),
        "a duration at the end of {line}"
    );
    assert!(
        !stderr.contains('\x1b'),
        "no colours or bars off a terminal"
    );
    assert!(!stderr.contains('\r'), "no progress bar redraws");
}

#[test]
fn quiet_prints_only_problems_and_verbose_adds_stages() {
    let (ok, quiet) = build(&["--quiet"], &[]);
    assert!(ok);
    assert!(summary_lines(&quiet).is_empty(), "{quiet}");
    assert!(quiet.contains("warning: category"), "warnings still show");

    let (ok, verbose) = build(&["--verbose"], &[]);
    assert!(ok);
    assert_eq!(summary_lines(&verbose).len(), 1);
    for stage in ["load:", "prepare:", "render:"] {
        assert!(verbose.contains(stage), "{stage} in {verbose}");
    }
}

#[test]
fn colours_only_when_asked_and_never_with_no_color() {
    let (_, forced) = build(&["--color", "always"], &[]);
    assert!(forced.contains("\x1b["), "--color always colours warnings");
    let (_, auto) = build(&["--color", "auto"], &[("NO_COLOR", "1")]);
    assert!(!auto.contains('\x1b'));
}
