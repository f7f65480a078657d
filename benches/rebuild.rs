//! Benchmark of full and incremental builds on a generated 10,000-entry
//! site (see docs/performance.md for the method and the results).
//!
//! cargo bench --bench rebuild                 # everything (cargo test runs a
//!                                             # small smoke version)
//! cargo bench --bench rebuild -- --generate   # only write the site
//! cargo bench --bench rebuild -- --edits-only # no full builds into a directory
//! cargo bench --bench rebuild -- --reuse-site # keep target/bench-site if it exists
//!
//! The site is written to target/bench-site/ (kept, so `pbgdpl build` can be
//! timed on it with /usr/bin/time -v, as scripts/bench does).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use pbgdpl::BuildOptions;
use pbgdpl::output::store::Store;
use pbgdpl::progress::Progress;
use pbgdpl::serve::session::{Changes, Session};

/// `cargo bench` passes `--bench`; `cargo test --all-targets` runs this
/// file without it, as a quick smoke test on a small site.
fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench" || a == "--generate")
}

/// Entries of the generated site.
fn entries() -> usize {
    if benchmarking() { 10_000 } else { 120 }
}
/// Edits of each kind (`PBGDPL_BENCH_EDITS` to change).
fn edits() -> usize {
    std::env::var("PBGDPL_BENCH_EDITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if benchmarking() { 25 } else { 2 })
}

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = manifest.join(if benchmarking() {
        "target/bench-site"
    } else {
        "target/bench-site-smoke"
    });
    let started = Instant::now();
    let reuse = std::env::args().any(|a| a == "--reuse-site") && dir.join("site.toml").is_file();
    let n = if reuse {
        entry_files(&dir).len()
    } else {
        generate(manifest, &dir)
    };
    println!(
        "generated {n} entries in {} in {:.1} s",
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    if std::env::args().any(|a| a == "--generate") {
        return;
    }
    let options = BuildOptions {
        today: NaiveDate::from_ymd_opt(2026, 11, 22),
        ..BuildOptions::default()
    };

    // Full builds into a directory, as `pbgdpl build` does.
    let out = tempfile::tempdir().expect("temp dir");
    let mut full = Vec::new();
    let full_runs = if std::env::args().any(|a| a == "--edits-only") || !benchmarking() {
        0
    } else {
        3
    };
    for _ in 0..full_runs {
        let t = Instant::now();
        let report = pbgdpl::build(&dir, Some(&out.path().join("public")), &options)
            .expect("the bench site builds");
        full.push(t.elapsed());
        println!(
            "full build: {} entries, {} files in {} ms",
            report.pages,
            report.files,
            t.elapsed().as_millis()
        );
    }

    // serve: the first build into memory, then edits.
    let store = Store::new();
    let mut session = Session::new(&dir, &options);
    let t = Instant::now();
    let w = store.writer();
    session
        .update(&Changes::Unknown, &w, &pbgdpl::progress::Silent)
        .expect("first serve build");
    store.commit(w);
    println!(
        "serve, first build into memory: {} ms",
        t.elapsed().as_millis()
    );

    let files = entry_files(&dir);
    for (label, edit) in [
        ("body edit", Edit::Body),
        ("summary edit", Edit::Summary),
        ("title edit", Edit::Title),
        ("date edit (reorders the category)", Edit::Date),
    ] {
        let mut times = Vec::new();
        let mut stages = Vec::new();
        let mut changed = 0;
        let mut outputs: Vec<(&'static str, f64, f64)> = Vec::new();
        for i in 0..edits() {
            let file = &files[(i * 7919) % files.len()];
            let stamp = Stamps::default();
            let t = Instant::now();
            apply(file, edit, i);
            let w = store.writer();
            let update = session
                .update(&Changes::Paths(vec![file.clone()]), &w, &stamp)
                .expect("the edit rebuilds");
            let changes = store.commit(w);
            let end = Instant::now();
            times.push(end - t);
            stages.push(stamp.split(end));
            changed += changes.changed.len();
            assert_eq!(update.reparsed.len(), 1);
            for r in &update.by_renderer {
                let ms = r.elapsed.as_secs_f64() * 1000.0 / edits() as f64;
                let rendered = (r.files - r.kept) as f64 / edits() as f64;
                match outputs.iter_mut().find(|(n, ..)| *n == r.name) {
                    Some(slot) => {
                        slot.1 += ms;
                        slot.2 += rendered;
                    }
                    None => outputs.push((r.name, ms, rendered)),
                }
            }
        }
        let mut average: Vec<(&str, f64)> = Vec::new();
        for run in &stages {
            for (name, d) in run {
                match average.iter_mut().find(|(n, _)| n == name) {
                    Some(slot) => slot.1 += d.as_secs_f64() * 1000.0 / edits() as f64,
                    None => average.push((name, d.as_secs_f64() * 1000.0 / edits() as f64)),
                }
            }
        }
        let average: Vec<String> = average
            .iter()
            .map(|(n, ms)| format!("{n} {ms:.0} ms"))
            .collect();
        let outputs: Vec<String> = outputs
            .iter()
            .map(|(n, ms, files)| format!("{n} {ms:.1} ms ({files:.0} written)"))
            .collect();
        println!(
            "{label}: {}\n    stages on average: {}; {:.1} files changed per edit\n    outputs on average: {}",
            summary(&mut times),
            average.join(", "),
            changed as f64 / edits() as f64,
            outputs.join(", ")
        );
    }
    full.sort();
    if let Some(median) = full.get(full.len() / 2) {
        println!("full build median: {} ms", median.as_millis());
    }
    end_to_end(&dir, &options, &files);
}

/// Through the real server: write the file, wait for the reload event a
/// browser showing the entry's page would get, fetch the page and find the
/// new text. This includes the watcher's debounce, the rebuild of the open
/// page (the first pass), the event and the HTTP request. Then wait for the
/// `changed` event that says the rest of the site has followed.
fn end_to_end(dir: &Path, options: &BuildOptions, files: &[PathBuf]) {
    struct Quiet;
    impl pbgdpl::serve::Events for Quiet {}
    let serve = pbgdpl::serve::ServeOptions {
        root: dir.to_path_buf(),
        build: options.clone(),
        bind: std::net::Ipv4Addr::LOCALHOST.into(),
        port: 0,
    };
    let server = pbgdpl::serve::Server::start(&serve, std::sync::Arc::new(Quiet))
        .expect("the server starts");
    let url = server.url();
    // http://127.0.0.1:<port> and the site's path (`/` or `/pbgdpl/`).
    let origin: String = url.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    let base_path = url[origin.len()..].to_string();
    let host = origin.trim_start_matches("http://").to_string();
    std::thread::spawn(move || server.run());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into();
    // Let the watcher settle after the first build.
    std::thread::sleep(Duration::from_millis(500));
    for (label, kind) in [
        ("body edits", Edit::Body),
        ("title edits", Edit::Title),
        ("date edits", Edit::Date),
    ] {
        let mut shown = Vec::new();
        let mut complete = Vec::new();
        for i in 0..edits() {
            let file = &files[(i * 7919 + 13) % files.len()];
            let page = page_url(dir, file);
            // A browser tab on the entry's page, as the reload script opens it.
            let tab = Tab::open(&host, &format!("{base_path}{page}"));
            let (text, expected) = match kind {
                Edit::Date => {
                    let text = edited(file, Edit::Date, i);
                    let day = text
                        .lines()
                        .find_map(|l| l.strip_prefix("date = 2026-11-"))
                        .expect("a new date")
                        .to_string();
                    (text, format!("{day}/11/2026"))
                }
                Edit::Title => (edited(file, Edit::Title, i), format!("[{i}] ")),
                _ => {
                    let marker = format!("Dấu kiểm tra đầu cuối số {i} ({}).", nonce());
                    let text = std::fs::read_to_string(file).expect("entry");
                    (format!("{text}\n{marker}\n"), marker)
                }
            };
            let t = Instant::now();
            std::fs::write(file, text).expect("write");
            tab.wait("reload");
            let body = agent
                .get(format!("{url}{page}"))
                .call()
                .expect("the page")
                .into_body()
                .read_to_string()
                .expect("body");
            shown.push(t.elapsed());
            assert!(body.contains(&expected), "the new text is served");
            tab.wait("changed");
            complete.push(t.elapsed());
            std::thread::sleep(Duration::from_millis(200));
        }
        println!(
            "end to end, {label} (write → watcher → open page rebuilt → reload event → page fetched): {}",
            summary(&mut shown)
        );
        println!(
            "    the rest of the site followed (`changed` event): {}",
            summary(&mut complete)
        );
    }
}

/// The event stream of one browser tab, closed when dropped.
struct Tab {
    stream: std::net::TcpStream,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Tab {
    fn open(host: &str, page: &str) -> Self {
        use std::io::{BufRead, Write};
        let mut stream = std::net::TcpStream::connect(host).expect("connect");
        let page: String = url::form_urlencoded::byte_serialize(page.as_bytes()).collect();
        write!(
            stream,
            "GET /__pbgdpl/events?page={page} HTTP/1.1\r\nHost: {host}\r\n\r\n"
        )
        .expect("request");
        let reader = std::io::BufReader::new(stream.try_clone().expect("clone"));
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in reader.lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let tab = Tab { stream, lines };
        // The stream is registered once its first event arrives.
        tab.wait_line(|l| l.starts_with(": pbgdpl serve"));
        tab
    }

    fn wait(&self, event: &str) {
        let wanted = format!("event: {event}");
        self.wait_line(|l| l == wanted);
    }

    fn wait_line(&self, found: impl Fn(&str) -> bool) {
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(60))
                .expect("an event");
            if found(&line) {
                return;
            }
        }
    }
}

impl Drop for Tab {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}

/// The site-relative URL of an entry's page.
fn page_url(dir: &Path, file: &Path) -> String {
    let rel = file
        .strip_prefix(dir.join("content"))
        .expect("inside content");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "index.md") {
        parts.pop();
    } else if let Some(last) = parts.last_mut() {
        *last = last.trim_end_matches(".md").to_string();
    }
    format!("{}/", parts.join("/"))
}

#[derive(Clone, Copy)]
enum Edit {
    Body,
    Summary,
    Title,
    Date,
}

fn apply(file: &Path, edit: Edit, i: usize) {
    std::fs::write(file, edited(file, edit, i)).expect("write entry");
}

/// The text of `file` after edit number `i` of the kind `edit`.
fn edited(file: &Path, edit: Edit, i: usize) -> String {
    let original = std::fs::read_to_string(file).expect("entry");
    let text = original.clone();
    let text = match edit {
        Edit::Body => format!("{text}\nĐoạn bổ sung lần thứ {i}.\n"),
        Edit::Summary => {
            // Top-level keys go before any [table] of the front matter.
            let mut out = String::new();
            let mut inserted = false;
            for line in text.lines().filter(|l| !l.starts_with("summary =")) {
                out.push_str(line);
                out.push('\n');
                if line.starts_with("title = ") && !inserted {
                    inserted = true;
                    out.push_str(&format!(
                        "summary = \"Tóm tắt mới số {i} ({}).\"\n",
                        nonce()
                    ));
                }
            }
            out
        }
        Edit::Title => text.replacen("title = \"", &format!("title = \"[{i}] "), 1),
        Edit::Date => {
            // Always a different day, also on a reused site; entries
            // without a date (the directory) get one.
            let mut day = 1 + (i + nonce()) % 20;
            if text
                .lines()
                .any(|l| l == format!("date = 2026-11-{day:02}"))
            {
                day = 21;
            }
            let date = format!("date = 2026-11-{day:02}");
            let dated = text.lines().any(|l| l.starts_with("date = "));
            let mut out = String::new();
            for line in text.lines().filter(|l| !l.starts_with("updated = ")) {
                if line.starts_with("date = ") {
                    out.push_str(&date);
                } else {
                    out.push_str(line);
                    if !dated && line.starts_with("title = ") {
                        out.push('\n');
                        out.push_str(&date);
                    }
                }
                out.push('\n');
            }
            out
        }
    };
    assert_ne!(original, text, "the edit changes {}", file.display());
    text
}

/// Differs between runs, so edits of a reused site (`--reuse-site`) are
/// not the previous run's edits again.
fn nonce() -> usize {
    static NONCE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *NONCE.get_or_init(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as usize % 1000)
    })
}

fn summary(times: &mut [Duration]) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "min {:.0} ms, median {:.0} ms, p90 {:.0} ms, max {:.0} ms",
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10]),
        ms(times[times.len() - 1])
    )
}

/// Records when each stage starts.
#[derive(Default)]
struct Stamps(Mutex<Vec<(&'static str, Instant)>>);

impl Progress for Stamps {
    fn stage(&self, name: &'static str, _total: Option<u64>) {
        self.0.lock().unwrap().push((name, Instant::now()));
    }
}

impl Stamps {
    /// Time spent in each stage, in order.
    fn split(&self, end: Instant) -> Vec<(&'static str, Duration)> {
        let v = self.0.lock().unwrap();
        v.iter()
            .enumerate()
            .map(|(i, (name, t))| (*name, v.get(i + 1).map_or(end, |n| n.1) - *t))
            .collect()
    }
}

fn entry_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir.join("content"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "md")
                && p.file_name().is_some_and(|n| n != "_index.md")
        })
        .collect();
    v.sort();
    v
}

/// Writes a site of exactly [`entries`] entries: the demo section's entries
/// (every category, bundles with attachments, typed metadata), copied under
/// new names with new ids. Returns the number of entries.
fn generate(manifest: &Path, dir: &Path) -> usize {
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("remove old bench site");
    }
    let content = dir.join("content");
    std::fs::create_dir_all(&content).expect("bench dir");
    std::fs::copy(manifest.join("site.toml"), dir.join("site.toml")).expect("site.toml");
    let demo = manifest.join("content");
    let mut sources = Vec::new();
    for cat in std::fs::read_dir(&demo).expect("demo content").flatten() {
        let cat_dir = cat.path();
        if !cat_dir.is_dir() {
            continue;
        }
        let name = cat.file_name();
        std::fs::create_dir_all(content.join(&name)).expect("category dir");
        for item in std::fs::read_dir(&cat_dir).expect("category").flatten() {
            let path = item.path();
            let file = item.file_name().to_string_lossy().into_owned();
            if file == "_index.md" || file.ends_with(".toml") {
                std::fs::copy(&path, content.join(&name).join(&file)).expect("copy");
            } else if path.is_dir() || file.ends_with(".md") {
                sources.push(path);
            }
        }
    }
    sources.sort();
    let mut count = 0;
    for copy in 0.. {
        for src in &sources {
            if count == entries() {
                return count;
            }
            let rel = src.strip_prefix(&demo).expect("inside demo");
            let cat = rel.parent().expect("category");
            let stem = rel
                .file_name()
                .expect("name")
                .to_string_lossy()
                .trim_end_matches(".md")
                .to_string();
            let name = if copy == 0 {
                stem
            } else {
                format!("{stem}-b{copy:03}")
            };
            if src.is_dir() {
                let target = content.join(cat).join(&name);
                std::fs::create_dir_all(&target).expect("bundle");
                for f in std::fs::read_dir(src).expect("bundle").flatten() {
                    let fname = f.file_name();
                    if fname == "index.md" {
                        let text = renumber(&std::fs::read_to_string(f.path()).expect("md"), copy);
                        std::fs::write(target.join("index.md"), text).expect("write");
                    } else {
                        std::fs::copy(f.path(), target.join(fname)).expect("copy");
                    }
                }
            } else {
                let text = renumber(&std::fs::read_to_string(src).expect("md"), copy);
                std::fs::write(content.join(cat).join(format!("{name}.md")), text).expect("write");
            }
            count += 1;
        }
    }
    count
}

/// Gives copy `n` its own id and a distinct title.
fn renumber(text: &str, n: usize) -> String {
    if n == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 32);
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("id = \"") {
            out.push_str(&format!("id = \"b{n:03}-{rest}"));
        } else if let Some(rest) = line.strip_prefix("title = \"") {
            out.push_str(&format!("title = \"(bản {n}) {rest}"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}
