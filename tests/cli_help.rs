//! `--help` and argument errors speak the language of the run: Vietnamese
//! by default, English with `--lang en`, `PBGDPL_LANG=en` or an English
//! locale. Golden files: tests/golden/help/<case>.{vi,en}.txt
//! (`PBGDPL_BLESS=1 cargo test --test cli_help` rewrites them).

mod support;

use support::*;

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &stderr(o)
}

#[test]
fn help_of_every_command_in_both_languages() {
    for command in [
        "",
        "build",
        "check",
        "serve",
        "init",
        "new",
        "aggregate",
        "import",
        "convert",
    ] {
        let name = if command.is_empty() {
            "pbgdpl"
        } else {
            command
        };
        golden_in_both(&format!("help/{name}"), "txt", |lang| {
            let mut args: Vec<&str> = command.split_whitespace().collect();
            args.push("--help");
            let o = pbgdpl_in(lang, &args);
            assert!(o.status.success(), "{name}: {}", out(&o));
            out(&o)
        });
    }
}

#[test]
fn argument_errors_say_what_is_wrong() {
    for (name, args) in [
        ("unknown-command", &["buidl"][..]),
        ("unknown-option", &["build", "--outt", "x"][..]),
        ("bad-choice", &["check", "--format", "xml"][..]),
        ("bad-date", &["check", "--today", "31/02/2026"][..]),
    ] {
        golden_in_both(&format!("help/error-{name}"), "txt", |lang| {
            let o = pbgdpl_in(lang, args);
            assert_eq!(o.status.code(), Some(2), "{name}: {}", out(&o));
            out(&o)
        });
    }
}

#[test]
fn the_locale_chooses_english_and_help_is_a_command_too() {
    let o = command()
        .args(["check", "--help"])
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(out(&o).contains("Treat warnings as errors"), "{}", out(&o));
    let o = command()
        .args(["check", "--help"])
        .env("LANG", "vi_VN.UTF-8")
        .output()
        .unwrap();
    assert!(out(&o).contains("Coi cảnh báo là lỗi"), "{}", out(&o));
    // --lang wins over the locale; `pbgdpl help check` is `check --help`.
    let o = command()
        .args(["help", "check", "--lang", "vi"])
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(out(&o).contains("Coi cảnh báo là lỗi"), "{}", out(&o));
}
