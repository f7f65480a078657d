//! No input makes pbgdpl panic: malformed, hostile or strange files give
//! diagnostics (or are accepted), never a crash.

mod support;

use support::*;

const NASTY: &[&str] = &[
    "",
    "+++",
    "+++\n",
    "+++\n+++",
    "+++\r\ntitle = \"CRLF\"\r\ndate = 2026-01-01\r\n+++\r\nThân bài.\r\n",
    "\u{feff}+++\ntitle = \"BOM\"\ndate = 2026-01-01\n+++\n",
    "+++\ntitle = \"\"\ndate = 2026-01-01\n+++\n",
    "+++\ntitle = \"   \"\ndate = 2026-01-01\n+++\n",
    "+++\ntitle = [\"a\"]\ndate = [2026-01-01]\ntags = [[1]]\n+++\n",
    "+++\ntitle = \"x\"\ndate = 2026-01-01\nweight = 99999999999999999999999\n+++\n",
    "+++\ntitle = \"x\"\ndate = 2026-01-01\n[attachments]\nfile = 3\n+++\n",
    "+++\ntitle = \"x\"\ndate = 2026-01-01\n[[attachments]]\n[[attachments]]\nfile = \"../../etc/passwd\"\n+++\n",
    "+++\ntitle = \"x\"\ndate = 10:30:00\n+++\n",
    "+++\ntitle = \"x\"\ndate = 0001-01-01\nupdated = 9999-12-31T23:59:59Z\n+++\n",
    "+++\na = {b = {c = {d = {e = {f = {g = {h = {i = {j = 1}}}}}}}}}\n+++\n",
    "+++\ntitle = \"x\"\ndate = 2026-01-01\n+++\n[a]: <>\n\n[b](</../../>)\n\n![](/)\n\n[c](%)\n",
    "+++\ntitle = \"x\"\ndate = 2026-01-01\n+++\n```\nunclosed fence",
    "+++\ntitle = \"x\"\ndate = 2026-01-01\n+++\n<div><table><tr><td>unclosed",
    "+++\ntitle = \"x\"\ndate = 2026-01-01\n+++\n[^1]\n\n[^1]: [^1]\n",
    "+++\ntitle = \"\u{202e}đảo ngược\u{0}\"\ndate = 2026-01-01\n+++\n\u{0}\u{1}\u{7f}",
];

#[test]
fn malformed_entries_never_crash_the_tool() {
    for (i, text) in NASTY.iter().enumerate() {
        let (_tmp, root) = temp_site("minimal");
        write(&root.join(format!("content/tin-tuc/nasty-{i}.md")), text);
        let o = pbgdpl(&["check", "--root", root.to_str().unwrap()]);
        let err = stderr(&o);
        assert!(
            matches!(o.status.code(), Some(0) | Some(1)),
            "input {i} {text:?} crashed or failed oddly ({:?}):\n{err}",
            o.status.code()
        );
        assert!(!err.contains("panicked"), "input {i} panicked:\n{err}");
        if o.status.code() == Some(1) {
            assert!(
                err.contains(&format!("nasty-{i}.md")),
                "input {i}: the error names the file:\n{err}"
            );
        }
    }
}

#[test]
fn invalid_utf8_is_reported_with_the_file() {
    let (_tmp, root) = temp_site("minimal");
    std::fs::write(
        root.join("content/tin-tuc/latin1.md"),
        b"+++\ntitle = \"Ti\xeau\"\n+++\n",
    )
    .unwrap();
    let o = pbgdpl(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("content/tin-tuc/latin1.md"), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn help_and_version() {
    let v = pbgdpl(&["--version"]);
    assert!(v.status.success());
    assert_eq!(
        String::from_utf8_lossy(&v.stdout).trim(),
        format!("pbgdpl {}", env!("CARGO_PKG_VERSION"))
    );
    for (cmd, flags) in [
        (
            "build",
            &["--root", "--out", "--base-url", "--drafts", "--today"][..],
        ),
        (
            "check",
            &["--root", "--format", "--strict", "--drafts", "--today"][..],
        ),
        (
            "init",
            &[
                "--agency",
                "--province-name",
                "--province-url",
                "--base-url",
            ][..],
        ),
        ("new", &["--root"][..]),
    ] {
        let o = pbgdpl(&[cmd, "--help"]);
        assert!(o.status.success(), "{cmd} --help");
        let help = String::from_utf8_lossy(&o.stdout);
        for f in flags {
            assert!(
                help.contains(f),
                "`pbgdpl {cmd} --help` documents {f}:\n{help}"
            );
        }
    }
}
