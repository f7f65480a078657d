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

/// An entry with a valid front matter and `body`.
fn entry(body: &str) -> String {
    format!("+++\ntitle = \"Sâu\"\ndate = 2026-01-01\n+++\n{body}")
}

/// Builds `root` with the real binary (an abort or a stack overflow kills
/// the process: it must instead exit with the content-error status 1) and
/// asserts every `(position, text)` is in the diagnostics.
fn assert_fails_with(root: &std::path::Path, expected: &[(&str, &str)]) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let root = root.to_str().unwrap();
    for cmd in ["build", "check"] {
        let o = match cmd {
            "build" => pbgdpl_in(
                Lang::En,
                &[cmd, "--root", root, "--out", out.to_str().unwrap()],
            ),
            _ => pbgdpl_in(Lang::En, &[cmd, "--root", root]),
        };
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{cmd}: {err}");
        for (at, text) in expected {
            // A position ending in `:` leaves the column open.
            let at = match at.ends_with(':') {
                true => format!("--> {at}"),
                false => format!("--> {at}\n"),
            };
            assert!(err.contains(&at), "{cmd}: {at}:\n{err}");
            assert!(err.contains(text), "{cmd}: {text}:\n{err}");
        }
        assert!(
            !err.contains("overflow") && !err.contains("panicked"),
            "{err}"
        );
        assert!(
            err.lines().all(|l| l.chars().count() < 400),
            "long lines are cut:\n{err}"
        );
        if cmd == "build" {
            assert!(!out.exists(), "a failed build writes nothing");
        }
    }
}

#[test]
fn deep_documents_are_diagnostics_not_stack_overflows() {
    let (_tmp, root) = temp_site("minimal");
    let files = [
        ("quote", "> ".repeat(10_000) + "x\n"),
        ("list", "- ".repeat(5_000) + "x\n"),
        ("ordered", "1. ".repeat(5_000) + "x\n"),
        (
            "indented",
            (0..300)
                .map(|i| format!("{}- a\n", "  ".repeat(i)))
                .collect(),
        ),
        ("divs", "<div>".repeat(10_000) + "x\n"),
        ("div-lines", "<div>\n".repeat(10_000) + "x\n"),
        (
            "emphasis",
            "*".repeat(20_000) + "x" + &"*".repeat(20_000) + "\n",
        ),
        (
            "reopened",
            (0..3_000)
                .map(|i| format!("<div><font color={i}>x</div>"))
                .collect(),
        ),
    ];
    for (name, body) in &files {
        write(
            &root.join(format!("content/tin-tuc/{name}.md")),
            &entry(body),
        );
    }
    write(
        &root.join("content/hoi-dap/_index.md"),
        &format!("+++\n+++\n{}x\n", "> ".repeat(10_000)),
    );
    let too_deep = "nests more than 100 levels deep";
    assert_fails_with(
        &root,
        &[
            ("content/tin-tuc/quote.md:5:201", too_deep),
            ("content/tin-tuc/list.md:5:101", too_deep),
            ("content/tin-tuc/ordered.md:5:151", too_deep),
            ("content/tin-tuc/indented.md:55:101", too_deep),
            ("content/tin-tuc/divs.md:5:501", too_deep),
            ("content/tin-tuc/div-lines.md:105:1", too_deep),
            ("content/tin-tuc/emphasis.md:5:199", too_deep),
            ("content/tin-tuc/reopened.md:5:", too_deep),
            ("content/hoi-dap/_index.md:3:201", too_deep),
        ],
    );
}

#[test]
fn the_documented_depth_is_allowed() {
    let (_tmp, root) = temp_site("minimal");
    // 99 quotes and the paragraph inside: 100 levels.
    write(
        &root.join("content/tin-tuc/sau.md"),
        &entry(&("> ".repeat(99) + "x\n")),
    );
    // Code that highlights into deep spans is shown without colours.
    write(
        &root.join("content/tin-tuc/json.md"),
        &entry(&format!("```json\n{}\n```\n", "[".repeat(10_000))),
    );
    let tmp = tempfile::tempdir().unwrap();
    build(&root, &tmp.path().join("out"));
    let html = std::fs::read_to_string(tmp.path().join("out/tin-tuc/sau/index.html")).unwrap();
    assert_eq!(html.matches("<blockquote>").count(), 99);
    let json = std::fs::read_to_string(tmp.path().join("out/tin-tuc/json/index.html")).unwrap();
    assert!(json.contains("[[[[[[[["), "the code is there");

    write(
        &root.join("content/tin-tuc/sau.md"),
        &entry(&("> ".repeat(100) + "x\n")),
    );
    assert_fails_with(
        &root,
        &[(
            "content/tin-tuc/sau.md:5:201",
            "nests more than 100 levels deep",
        )],
    );
}

#[test]
fn deep_toml_is_a_diagnostic_not_a_stack_overflow() {
    let (_tmp, root) = temp_site("minimal");
    let arrays = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let tables = format!("{}1{}", "{a = ".repeat(10_000), "}".repeat(10_000));
    write(
        &root.join("content/tin-tuc/mang.md"),
        &format!("+++\ntitle = \"x\"\ndate = 2026-01-01\ntags = {arrays}\n+++\n"),
    );
    write(
        &root.join("content/tin-tuc/bang.md"),
        &format!("+++\ntitle = \"x\"\ndate = 2026-01-01\nsummary = {tables}\n+++\n"),
    );
    write(
        &root.join("content/tin-tuc/khoa.md"),
        &format!(
            "+++\ntitle = \"x\"\ndate = 2026-01-01\n{} = 1\n+++\n",
            vec!["a"; 10_000].join(".")
        ),
    );
    write(
        &root.join("content/thong-ke/so-lieu.toml"),
        &format!("title = \"x\"\ncolumns = [\"a\"]\nrows = {arrays}\n"),
    );
    let site = std::fs::read_to_string(root.join("site.toml")).unwrap();
    write(
        &root.join("site.toml"),
        &format!("[{}]\nx = 1\n{site}", vec!["bang"; 10_000].join(".")),
    );
    let too_deep = "TOML nests too deeply: more than 80";
    assert_fails_with(
        &root,
        &[
            ("content/tin-tuc/mang.md:4:88", too_deep),
            ("content/tin-tuc/bang.md:4:", too_deep),
            ("content/tin-tuc/khoa.md:4:1", too_deep),
            ("content/thong-ke/so-lieu.toml:3:88", too_deep),
            ("site.toml:1:1", too_deep),
        ],
    );
}
