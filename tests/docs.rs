//! The documentation is tested like code.
//!
//! Every fenced block of `docs/huong-dan.md` and `docs/content.md` must be
//! one of:
//!
//! - a file: ```` ```markdown title="content/hoi-dap/x.md" ```` (any language
//!   with a `title` naming the file) — written into the site;
//! - a command: ```` ```sh ```` — run with `bash` in the guide's working
//!   directory (which a `cd` changes), `pbgdpl` being the binary under test;
//! - the output of the command before it: ```` ```text output ```` (add
//!   `exit=1` when the command fails on purpose) — compared exactly;
//! - an illustration that is not content: ```` ```text layout ````.
//!
//! A block of any other kind fails the test, so no example can be added
//! without being tested. `content.md`'s files are written into a fresh
//! `pbgdpl init` site; the guide is followed from its first command to its
//! last. Both sites are then built (with the guide's fixed "today"), and
//! every page made from an example must show the example's values.
//! Binary files an example refers to (the PDF, the MP3 the reader is told to
//! copy) cannot be written in a document: they are created as small
//! placeholders when the entry that names them is written. A Word file the
//! guide imports is shown as its text (```` ```text title="x.docx" ````;
//! lines with " | " are the columns of a table): the test makes the .docx.
//!
//! `content.md` is also checked against the code: every key in its tables
//! exists with exactly that alias, every key of the code is documented, and
//! every value of the closed lists is listed.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;
use support::*;

/// The "today" of both documents' sites.
const TODAY: &str = "2026-06-05";

fn doc(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs")
            .join(name),
    )
    .unwrap_or_else(|e| panic!("docs/{name}: {e}"))
}

#[derive(Debug)]
enum Kind {
    File(String),
    Command,
    Output(i32),
    Layout,
}

#[derive(Debug)]
struct Block {
    line: usize,
    kind: Kind,
    body: String,
}

/// The fenced blocks of a Markdown document, classified.
fn blocks(name: &str, md: &str) -> Vec<Block> {
    let attr = Regex::new(r#"(\w+)=(?:"([^"]*)"|(\S+))"#).unwrap();
    let mut out = Vec::new();
    let mut lines = md.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let mut body = String::new();
        for (_, l) in lines.by_ref() {
            if l.starts_with("```") {
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        let lang = info.split_whitespace().next().unwrap_or("");
        let attrs: BTreeMap<String, String> = attr
            .captures_iter(info)
            .map(|c| {
                let v = c.get(2).or(c.get(3)).unwrap().as_str().to_string();
                (c[1].to_string(), v)
            })
            .collect();
        let flags: Vec<&str> = info.split_whitespace().skip(1).collect();
        let kind = if let Some(path) = attrs.get("title") {
            Kind::File(path.clone())
        } else if lang == "sh" {
            Kind::Command
        } else if lang == "text" && flags.contains(&"output") {
            Kind::Output(attrs.get("exit").map_or(0, |e| e.parse().unwrap()))
        } else if lang == "text" && flags.contains(&"layout") {
            Kind::Layout
        } else {
            panic!(
                "docs/{name}:{}: a block that is not tested (```{info}); give it \
                 title=\"<file>\", or make it a sh command, a text output or a text layout",
                i + 1
            );
        };
        out.push(Block {
            line: i + 1,
            kind,
            body,
        });
    }
    out
}

/// Extensions of files an example may name but cannot contain.
const BINARY: &[&str] = &[
    "pdf", "mp3", "mp4", "webm", "jpg", "jpeg", "png", "webp", "docx", "xlsx",
];

/// Writes a file block; for an entry, creates placeholders for the binary
/// files it names that are not in its directory yet.
fn write_file(dir: &Path, rel: &str, body: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, body).unwrap();
    if !rel.ends_with(".md") {
        return;
    }
    let fm = front_matter(body);
    let mut named = Vec::new();
    if let Some(media) = fm.get("media").and_then(|m| m.as_table()) {
        named.extend(
            media
                .values()
                .filter_map(|v| v.as_str())
                .map(str::to_string),
        );
    }
    if let Some(list) = fm.get("attachments").and_then(|a| a.as_array()) {
        named.extend(
            list.iter()
                .filter_map(|a| a.get("file")?.as_str())
                .map(str::to_string),
        );
    }
    for name in named {
        let ext = name.rsplit('.').next().unwrap_or("");
        let file = path.parent().unwrap().join(&name);
        if BINARY.contains(&ext) && !file.exists() {
            std::fs::write(&file, placeholder(&name, ext)).unwrap();
        }
    }
}

/// The bytes of a file an example names: a real (small) picture for
/// images, which the build decodes; text for the other kinds.
fn placeholder(name: &str, ext: &str) -> Vec<u8> {
    use pbgdpl::images::{Format, encode, sample};
    let pixels = sample::photo(160, 90, 1);
    match ext {
        "jpg" | "jpeg" => sample::jpeg(&pixels, 80, None),
        "png" => encode::encode(&pixels, Format::Png).unwrap(),
        "webp" => encode::encode(&pixels, Format::Webp).unwrap(),
        _ => format!("placeholder for {name}\n").into_bytes(),
    }
}

/// Everything a reader can find in a page: its text and its attribute values.
fn haystack(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    for node in doc.tree.nodes() {
        match node.value() {
            scraper::Node::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            scraper::Node::Element(e) => {
                for (_, v) in e.attrs() {
                    out.push(' ');
                    out.push_str(v);
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    collapse(&out)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keys whose value is not meant to be shown on the page.
const NOT_SHOWN: &[&str] = &["id", "status", "weight", "publish_date", "expiry_date"];

/// Asserts that every value of `value` (recursively) is in the page.
fn assert_shown(page: &str, hay: &str, key: &str, value: &toml::Value) {
    if NOT_SHOWN.contains(&key) {
        return;
    }
    match value {
        toml::Value::String(s) => {
            assert!(
                hay.contains(&collapse(s)),
                "{page}: `{key}` = {s:?} is not shown"
            );
        }
        toml::Value::Integer(n) => {
            assert!(
                hay.contains(&n.to_string()),
                "{page}: `{key}` = {n} is not shown"
            );
        }
        toml::Value::Datetime(_) => {
            let dmy = toml_date(value).format("%d/%m/%Y").to_string();
            assert!(hay.contains(&dmy), "{page}: `{key}` ({dmy}) is not shown");
        }
        toml::Value::Array(items) => {
            for item in items {
                assert_shown(page, hay, key, item);
            }
        }
        toml::Value::Table(t) => {
            for (k, v) in t {
                assert_shown(page, hay, k, v);
            }
        }
        toml::Value::Boolean(_) | toml::Value::Float(_) => {}
    }
}

/// The first words of an entry's body, as a reader sees them.
fn body_start(text: &str) -> Option<String> {
    let text = text.replace("\r\n", "\n");
    let rest = text.strip_prefix("+++\n")?;
    let body = &rest[rest.find("\n+++")? + 4..];
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = line.trim_start_matches(['#', '-', '*', ' ']);
    Some(line.chars().take(24).collect::<String>().trim().to_string())
}

/// Builds `root` as the public site and as a preview, and checks that every
/// example file shows up as it should.
fn check_site(name: &str, root: &Path, files: &BTreeMap<String, String>) {
    let today = day(TODAY);
    let public = build_with(root, TODAY, false);
    let preview = build_with(root, TODAY, true);
    let mut checked = 0;
    for (rel, body) in files {
        let rel = rel.as_str();
        if rel == "site.toml" {
            let fm: toml::Table = body.parse().unwrap();
            let hay = haystack(&public.text("index.html"));
            for (k, v) in fm["agency"].as_table().unwrap() {
                assert_shown("index.html", &hay, k, v);
            }
            assert_shown("index.html", &hay, "province", &fm["province"]["name"]);
            assert_shown("index.html", &hay, "title", &fm["title"]);
            checked += 1;
            continue;
        }
        let Some(content) = rel.strip_prefix("content/") else {
            panic!("docs/{name}: example file {rel} is outside content/");
        };
        let (category, rest) = content.split_once('/').unwrap();
        if rest.ends_with(".toml") {
            let table: toml::Table = body.parse().unwrap();
            let slug = rest.trim_end_matches(".toml");
            let page = format!("{category}/{slug}/index.html");
            let hay = haystack(&public.text(&page));
            for (k, v) in &table {
                assert_shown(&page, &hay, k, v);
            }
            let csv = csv_records(
                &std::fs::read(public.out.join(format!("{category}/{slug}.csv"))).unwrap(),
            );
            assert_eq!(
                csv.len(),
                1 + table["rows"].as_array().unwrap().len(),
                "{rel}: CSV rows"
            );
            checked += 1;
        } else if rest == "_index.md" {
            let page = format!("{category}/index.html");
            let hay = haystack(&public.text(&page));
            for (k, v) in &front_matter(body) {
                assert_shown(&page, &hay, k, v);
            }
            let start = body_start(body).unwrap();
            assert!(
                hay.contains(&start),
                "{page}: the introduction is not shown"
            );
            checked += 1;
        } else if rest.ends_with(".md") {
            let slug = rest.trim_end_matches(".md").trim_end_matches("/index");
            let page = format!("{category}/{slug}/index.html");
            let fm = front_matter(body);
            assert_eq!(
                public.has(&page),
                is_public(&fm, today),
                "docs/{name}: {rel} is published exactly when approved and in its dates"
            );
            let shown = if public.has(&page) { &public } else { &preview };
            let hay = haystack(&shown.text(&page));
            for (k, v) in &fm {
                assert_shown(&page, &hay, k, v);
            }
            let start = body_start(body).unwrap();
            assert!(
                hay.contains(&collapse(&start)),
                "{page}: the body ({start}…) is not shown"
            );
            checked += 1;
        } else {
            // Captions, transcripts: copied as they are.
            assert_eq!(
                std::fs::read_to_string(public.out.join(content)).unwrap(),
                *body,
                "{rel} is published as written"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, files.len());
}

fn init_site(dir: &Path) {
    pbgdpl::init::init(
        dir,
        &pbgdpl::init::InitOptions {
            agency: "Sở Tư pháp tỉnh Nghệ An".into(),
            agency_url: "https://stp.nghean.gov.vn".into(),
            province_name: "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Nghệ An"
                .into(),
            province_url: "https://pbgdpl.nghean.gov.vn".into(),
            base_url: "https://stp.nghean.gov.vn/pbgdpl/".into(),
            today: day(TODAY),
        },
    )
    .unwrap();
}

#[test]
fn every_example_of_content_md_builds_and_shows_its_values() {
    let md = doc("content.md");
    let dir = tempfile::tempdir().unwrap();
    init_site(dir.path());
    let mut files = BTreeMap::new();
    for b in blocks("content.md", &md) {
        match b.kind {
            Kind::File(path) => {
                write_file(dir.path(), &path, &b.body);
                files.insert(path, b.body);
            }
            Kind::Layout => {}
            Kind::Command | Kind::Output(_) => {
                panic!("docs/content.md:{}: the reference runs no commands", b.line)
            }
        }
    }
    // Every category has an example.
    for c in pbgdpl::category::CATEGORIES.iter() {
        assert!(
            files.keys().any(|f| f.starts_with(&format!("content/{}/", c.key)) && !f.ends_with("_index.md")),
            "docs/content.md has no example for {}",
            c.key
        );
    }
    check_site("content.md", dir.path(), &files);
}

#[test]
fn the_guide_works_from_the_first_command_to_the_last() {
    let md = doc("huong-dan.md");
    let blocks = blocks("huong-dan.md", &md);
    let scratch = tempfile::tempdir().unwrap();
    let mut cwd = scratch.path().to_path_buf();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_pbgdpl"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let cwd_file = scratch.path().join(".cwd");
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let mut site_root: Option<PathBuf> = None;
    let mut commands = 0;
    // What the officer saw, command by command: written to the file named
    // by PBGDPL_GUIDE_TRANSCRIPT, for a person to read through.
    let mut transcript = String::new();
    for (i, b) in blocks.iter().enumerate() {
        match &b.kind {
            Kind::Command => {
                commands += 1;
                let script = format!(
                    "exec 2>&1\ntrap 'pwd > \"{}\"' EXIT\nset -e\n{}",
                    cwd_file.display(),
                    b.body
                );
                let out = Command::new("bash")
                    .arg("-c")
                    .arg(&script)
                    .current_dir(&cwd)
                    .env("PATH", &path)
                    .env("PBGDPL_TODAY", TODAY)
                    .env("NO_COLOR", "1")
                    // The guide shows what an officer sees: Vietnamese,
                    // whatever the machine's locale.
                    .env_remove("LANG")
                    .env_remove("LC_ALL")
                    .env_remove("LC_MESSAGES")
                    .env_remove("PBGDPL_LANG")
                    .output()
                    .unwrap();
                let output = String::from_utf8(out.stdout).unwrap();
                transcript.push_str(&format!("$ {}\n{output}\n", b.body.trim()));
                if let Some(english) = english_in(&output) {
                    panic!(
                        "docs/huong-dan.md:{}: `{}` says {english:?}, in English, to an officer \
                         who reads only Vietnamese:\n{output}",
                        b.line,
                        b.body.trim()
                    );
                }
                let (expected_exit, expected) = match blocks.get(i + 1) {
                    Some(Block {
                        kind: Kind::Output(code),
                        body,
                        ..
                    }) => (*code, Some(body)),
                    _ => (0, None),
                };
                assert_eq!(
                    out.status.code(),
                    Some(expected_exit),
                    "docs/huong-dan.md:{}: `{}` exited with {:?}:\n{output}",
                    b.line,
                    b.body.trim(),
                    out.status.code()
                );
                if let Some(expected) = expected {
                    assert_eq!(
                        output,
                        *expected,
                        "docs/huong-dan.md:{}: the output shown is not what `{}` prints",
                        b.line,
                        b.body.trim()
                    );
                }
                cwd = PathBuf::from(std::fs::read_to_string(&cwd_file).unwrap().trim());
                if cwd.join("site.toml").is_file() {
                    site_root = Some(cwd.clone());
                }
            }
            Kind::Output(_) => {
                assert!(
                    matches!(
                        blocks.get(i.wrapping_sub(1)).map(|b| &b.kind),
                        Some(Kind::Command)
                    ),
                    "docs/huong-dan.md:{}: an output must follow its command",
                    b.line
                );
            }
            Kind::File(rel) => {
                let root = site_root.clone().unwrap_or_else(|| {
                    panic!(
                        "docs/huong-dan.md:{}: a file before the section exists",
                        b.line
                    )
                });
                assert_eq!(
                    cwd, root,
                    "docs/huong-dan.md:{}: files are written from the section's directory",
                    b.line
                );
                // A Word file the reader receives is shown as its text:
                // the test makes the .docx.
                if rel.ends_with(".docx") {
                    std::fs::write(cwd.join(rel), support::docx::from_text(&b.body)).unwrap();
                    continue;
                }
                write_file(&cwd, rel, &b.body);
                files.insert(rel.clone(), b.body.clone());
            }
            Kind::Layout => {}
        }
    }
    if let Some(file) = std::env::var_os("PBGDPL_GUIDE_TRANSCRIPT") {
        std::fs::write(file, &transcript).unwrap();
    }
    assert!(commands >= 10, "the guide runs its commands");
    let root = site_root.expect("the guide creates a section");
    // The guide's own builds happened.
    assert!(root.join("public/index.html").is_file());
    assert!(root.join("xem-truoc/index.html").is_file());
    // Every kind of entry the guide adds is among its examples.
    for c in [
        "van-ban-moi",
        "hoi-dap",
        "hoat-dong",
        "doi-thoai",
        "tai-lieu",
        "thong-ke",
        "danh-ba",
        "thong-bao",
    ] {
        assert!(
            files
                .keys()
                .any(|f| f.starts_with(&format!("content/{c}/"))),
            "the guide has no example for {c}"
        );
    }
    check_site("huong-dan.md", &root, &files);
    // The guide's approved Q&A is public; the drafts it leaves are not.
    let public = build_with(&root, TODAY, false);
    assert!(public.has("hoi-dap/tranh-chap-dat-dai-co-phai-hoa-giai-o-xa-khong/index.html"));
    // The entry made from a Word file, approved, is published with its file.
    assert!(
        public.has("ke-hoach/ke-hoach-tuyen-truyen-pho-bien-luat-hoa-giai-o-co-so-nam/index.html")
    );
    assert!(
        public.has(
            "ke-hoach/ke-hoach-tuyen-truyen-pho-bien-luat-hoa-giai-o-co-so-nam/ke-hoach-45.docx"
        )
    );
    assert!(!public.has("van-ban-moi/luat-hoa-giai-o-co-so/index.html"));
}

/// An English word in what a command printed, leaving aside what is not
/// prose: names of files, keys and options, addresses, quoted values.
fn english_in(output: &str) -> Option<String> {
    let code = Regex::new(r#"`[^`]*`|"[^"]*"|\S*[/\\._=@#~<>\[\]]\S*|--?[a-z][a-z-]*"#).unwrap();
    let english = Regex::new(
        r"(?i)\b(the|and|with|for|not|is|are|was|of|unknown|key|did|you|error|errors|warning|warnings|help|entry|entries|file|files|built|created|found|missing|scheduled|changed|unchanged|failed|serving|usage|done)\b",
    )
    .unwrap();
    output.lines().find_map(|line| {
        let prose = code.replace_all(line, " ");
        english
            .find(&prose)
            .map(|m| format!("{} (in: {line})", m.as_str()))
    })
}

#[test]
fn english_in_finds_english_prose_only() {
    assert_eq!(english_in("không có lỗi, 2 cảnh báo\n"), None);
    assert_eq!(
        english_in("  content/tin-tuc/a.md — đăng lúc 08:00 ngày 07/12/2026\n"),
        None
    );
    assert_eq!(
        english_in("mục `title` của tệp \"the-file.md\" --help https://a.vn/of\n"),
        None
    );
    assert!(english_in("no errors found\n").is_some());
    assert!(english_in("lỗi: unknown key `titel`\n").is_some());
    // Vietnamese words that look like English ones are not English.
    assert_eq!(english_in("lệnh in ra chữ to, do lỗi\n"), None);
    assert!(english_in("built 7 entries, 105 files\n").is_some());
    assert!(english_in("= help: did you mean `title`?\n").is_some());
    assert!(english_in("error: x\n").is_some());
}

/// `(name, alias)` of every `Key::new("…", "…")` in the source.
fn keys_in_code() -> BTreeSet<(String, String)> {
    let re = Regex::new(r#"Key::new\("([a-z_]+)", "([a-z_]+)"\)"#).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut keys = BTreeSet::new();
    for e in walkdir::WalkDir::new(src)
        .into_iter()
        .filter_map(Result::ok)
    {
        // sources.toml (the aggregator's keys) is documented in
        // docs/aggregate.md and checked by tests/aggregate.rs.
        if e.path()
            .starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/aggregate"))
        {
            continue;
        }
        if e.path().extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(e.path()).unwrap();
            for c in re.captures_iter(&text) {
                keys.insert((c[1].to_string(), c[2].to_string()));
            }
        }
    }
    for (key, alias, ..) in pbgdpl::config::NATIONAL_LINKS {
        keys.insert((key.to_string(), alias.to_string()));
    }
    keys
}

/// `(name, alias)` of every row of content.md's key tables; an alias `—`
/// means the key has none (its alias is its name).
fn keys_in_doc() -> BTreeSet<(String, String)> {
    let re = Regex::new(r"^\| `([a-z_]+)` \| (?:`([a-z_]+)`|—) \|").unwrap();
    doc("content.md")
        .lines()
        .filter_map(|l| re.captures(l))
        .map(|c| {
            let name = c[1].to_string();
            let alias = c.get(2).map_or(name.clone(), |a| a.as_str().to_string());
            (name, alias)
        })
        .collect()
}

#[test]
fn content_md_documents_exactly_the_keys_of_the_code() {
    let code = keys_in_code();
    let docs = keys_in_doc();
    assert!(code.len() > 60, "keys found in the code: {}", code.len());
    let undocumented: Vec<_> = code.difference(&docs).collect();
    assert!(
        undocumented.is_empty(),
        "keys missing from docs/content.md: {undocumented:?}"
    );
    let unknown: Vec<_> = docs.difference(&code).collect();
    assert!(
        unknown.is_empty(),
        "docs/content.md documents keys the code does not have: {unknown:?}"
    );
}

#[test]
fn content_md_lists_every_value_of_the_closed_lists() {
    use pbgdpl::content::kinds::{ACTIVITY_FORMS, DOCUMENT_TYPES, MATERIAL_KINDS, VALIDITIES};
    let md = collapse(&doc("content.md"));
    let guide = collapse(&doc("huong-dan.md"));
    for (what, list) in [
        ("document types", DOCUMENT_TYPES),
        ("validity statuses", VALIDITIES),
        ("activity forms", ACTIVITY_FORMS),
        ("material kinds", MATERIAL_KINDS),
    ] {
        let line = list.join(", ");
        assert!(
            md.contains(&line),
            "docs/content.md lists the {what} as: {line}"
        );
        assert!(
            guide.contains(&line),
            "docs/huong-dan.md lists the {what} as: {line}"
        );
    }
}

#[test]
fn every_built_in_template_is_documented() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/templates.md"),
    )
    .unwrap();
    for (name, _) in pbgdpl::render::templates::BUILTIN {
        assert!(
            doc.contains(&format!("`{name}`")),
            "docs/templates.md does not describe {name}"
        );
    }
}
