//! `pbgdpl serve` as a user meets it: the binary serves a copy of a fixture
//! site (under its /pbgdpl/ sub-path) on a free port; pages reload after an
//! edit (the page open in the browser first, then the rest of the site),
//! errors show in the page with file:line:column and go away when fixed, nothing outside the output is ever served, and clients fetching
//! pages during a rebuild always get a complete page.

mod hub_support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);
const ENTRY: &str = "content/tin-tuc/hoi-nghi-tap-huan-hoa-giai.md";
const ENTRY_PAGE: &str = "tin-tuc/hoi-nghi-tap-huan-hoa-giai/";
/// Written beside the site, outside its output: must never be served.
const SECRET: &str = "BÍ-MẬT-KHÔNG-ĐƯỢC-LỘ";

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().flatten() {
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// A running `pbgdpl serve` on a temporary copy of the fixture.
struct Served {
    child: Child,
    /// `http://127.0.0.1:<port>/pbgdpl/`
    url: String,
    /// `127.0.0.1:<port>`
    host: String,
    root: PathBuf,
    stderr: Arc<Mutex<String>>,
    _dir: tempfile::TempDir,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(WAIT))
        .build()
        .into()
}

/// A response as the test sees it.
struct Page {
    status: u16,
    content_type: String,
    location: String,
    body: Vec<u8>,
}

impl Page {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Served {
    /// Serves the fixture as it stands on 22/11/2026.
    fn start() -> Self {
        Self::start_with(&["--today", "2026-11-22"], |_| {})
    }

    /// Serves the fixture, after `prepare` has changed the copy, with
    /// `args` added; in Vietnamese (the locale of the machine removed).
    fn start_with(args: &[&str], prepare: impl FnOnce(&Path)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/serve-site"),
            &root,
        );
        prepare(&root);
        std::fs::write(dir.path().join("secret.txt"), SECRET).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_pbgdpl"))
            .args(["serve", "--port", "0", "--color", "never"])
            .args(args)
            .arg("--root")
            .arg(&root)
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("PBGDPL_LANG")
            .env_remove("PBGDPL_TODAY")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("pbgdpl serve starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        let mut err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let url = rx.recv_timeout(WAIT).expect("serve prints its address");
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        assert!(
            url.ends_with("/pbgdpl/"),
            "served under the sub-path: {url}"
        );
        let host = url["http://".len()..url.len() - "/pbgdpl/".len()].to_string();
        Served {
            child,
            url,
            host,
            root,
            stderr,
            _dir: dir,
        }
    }

    /// GET of a path relative to the site (`tin-tuc/`), or absolute (`/x`).
    fn get(&self, path: &str) -> Page {
        let url = match path.strip_prefix('/') {
            Some(abs) => format!("http://{}/{abs}", self.host),
            None => format!("{}{path}", self.url),
        };
        let response = agent().get(&url).call().expect("the server answers");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        let (status, content_type, location) = (
            response.status().as_u16(),
            header("content-type"),
            header("location"),
        );
        let body = response
            .into_body()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_vec()
            .expect("a complete body");
        Page {
            status,
            content_type,
            location,
            body,
        }
    }

    /// The request line sent as is (no client normalises the path).
    fn raw(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.host).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.host
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let text = String::from_utf8_lossy(&response).into_owned();
        let status = text
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, text)
    }

    /// Opens the reload channel; returns its lines once it is open.
    fn events(&self) -> Receiver<String> {
        self.events_of("")
    }

    /// Opens the reload channel of a page as the reload script does
    /// (`?page=` and the page's path).
    /// The event stream of a browser showing [`ENTRY_PAGE`].
    fn events_of_entry_page(&self) -> Receiver<String> {
        self.events_of(&format!(
            "?page=%2Fpbgdpl%2F{}",
            ENTRY_PAGE.replace('/', "%2F")
        ))
    }

    fn events_of(&self, query: &str) -> Receiver<String> {
        let response = agent()
            .get(format!("http://{}/__pbgdpl/events{query}", self.host))
            .call()
            .expect("the event stream opens");
        assert_eq!(response.status().as_u16(), 200);
        let content_type = response.headers().get("content-type").unwrap();
        assert!(
            content_type
                .to_str()
                .unwrap()
                .starts_with("text/event-stream")
        );
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let reader = BufReader::new(response.into_body().into_reader());
            for line in reader.lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let first = rx.recv_timeout(WAIT).expect("the stream says hello");
        assert!(first.starts_with("retry:"), "{first}");
        rx
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} contains {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }
}

/// Waits for the next reload event; returns its data.
fn wait_for_reload(s: &Served, events: &Receiver<String>) -> String {
    wait_for(s, events, "reload")
}

/// Waits for the next event called `name`; returns its data.
fn wait_for(s: &Served, events: &Receiver<String>, name: &str) -> String {
    loop {
        let Ok(line) = events.recv_timeout(WAIT) else {
            panic!("no {name} event; the server said:\n{}", s.stderr());
        };
        if line == format!("event: {name}") {
            let data = events.recv_timeout(WAIT).expect("the event's data");
            return data.strip_prefix("data: ").unwrap_or(&data).to_string();
        }
    }
}

const PANEL: &str = "id=\"pbgdpl-serve-error\"";

#[test]
fn edits_reload_the_page_errors_show_in_it_and_the_fix_clears_them() {
    let s = Served::start();
    let page = s.get(ENTRY_PAGE);
    assert_eq!(page.status, 200);
    assert!(page.text().contains("45 hòa giải viên"));
    assert!(
        page.text().contains("/__pbgdpl/events"),
        "the reload script"
    );
    assert!(!page.text().contains(PANEL));
    // In serve mode, the site lives at the server's address.
    assert!(
        page.text()
            .contains(&format!("href=\"{}{ENTRY_PAGE}\"", s.url)),
        "canonical link at the served address"
    );

    let events = s.events();
    s.edit(
        ENTRY,
        "45 hòa giải viên của 9 thôn",
        "60 hòa giải viên của 12 thôn",
    );
    let data = wait_for_reload(&s, &events);
    assert!(data.contains("\"changed\""), "{data}");
    assert!(
        s.get(ENTRY_PAGE)
            .text()
            .contains("60 hòa giải viên của 12 thôn")
    );

    // A broken date: the page still shows the last good build, with the
    // error over it, pointing at file:line:column.
    s.edit(ENTRY, "date = 2026-10-05", "date = 2026-13-45");
    let data = wait_for_reload(&s, &events);
    assert!(data.contains("error"), "{data}");
    let broken = s.get(ENTRY_PAGE);
    assert_eq!(broken.status, 200);
    let text = broken.text();
    assert!(text.contains(PANEL), "the error panel");
    assert!(text.contains(&format!("{ENTRY}:4:8")), "file:line:column");
    // In Vietnamese, the frame and the diagnostic inside it alike.
    let panel = &text[text.find(PANEL).unwrap()..];
    assert!(panel.contains("Trang chưa được cập nhật"), "{panel}");
    assert!(panel.contains("lỗi"), "{panel}");
    for english in ["error:", "help:", "not a valid", "invalid", "The page"] {
        assert!(!panel.contains(english), "English {english:?} in:\n{panel}");
    }
    assert!(
        text.contains("60 hòa giải viên của 12 thôn"),
        "last good page"
    );
    // Every HTML page carries the panel; other files are unchanged.
    assert!(s.get("").text().contains(&format!("{ENTRY}:4:8")));
    assert!(!s.get("sitemap.xml").text().contains(PANEL));
    // And the terminal says so too.
    let until = std::time::Instant::now() + WAIT;
    while !s.stderr().contains(&format!("{ENTRY}:4:8")) {
        assert!(std::time::Instant::now() < until, "{}", s.stderr());
        std::thread::sleep(Duration::from_millis(50));
    }

    s.edit(ENTRY, "date = 2026-13-45", "date = 2026-10-05");
    wait_for_reload(&s, &events);
    let fixed = s.get(ENTRY_PAGE).text();
    assert!(!fixed.contains(PANEL), "the panel is gone");
    assert!(fixed.contains("60 hòa giải viên của 12 thôn"));

    // Deleting an entry removes its page.
    std::fs::remove_file(s.root.join("content/tin-tuc/ra-quan-tuyen-truyen.md")).unwrap();
    wait_for_reload(&s, &events);
    assert_eq!(s.get("tin-tuc/ra-quan-tuyen-truyen/").status, 404);
}

#[test]
fn the_open_page_is_rebuilt_first_and_reloads_again_only_if_it_changes_later() {
    let s = Served::start();
    // A browser tab on the news category (two entries a page), as the
    // reload script opens it.
    let events = s.events_of("?page=%2Fpbgdpl%2Ftin-tuc%2F");
    let order = |page: &str| {
        let text = s.get(page).text();
        let at = |title: &str| text.find(title).unwrap_or(usize::MAX);
        (at("Ra quân tuyên truyền"), at("Hưởng ứng Ngày Pháp luật"))
    };
    let (moved, newest) = order("tin-tuc/");
    assert!(
        moved == usize::MAX && newest < usize::MAX,
        "on page 2 before"
    );

    // The oldest item becomes the newest.
    s.edit(
        "content/tin-tuc/ra-quan-tuyen-truyen.md",
        "date = 2026-09-01",
        "date = 2026-11-20",
    );
    let data = wait_for_reload(&s, &events);
    assert!(data.contains("\"first\":true"), "{data}");
    let (moved, newest) = order("tin-tuc/");
    assert!(moved < newest, "the open page shows the new order at once");

    // Then the rest of the site: its addresses come in a `changed` event,
    // without the page already shown.
    let data = wait_for(&s, &events, "changed");
    let changed: serde_json::Value = serde_json::from_str(&data).unwrap();
    let paths: Vec<&str> = changed["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    for expected in ["/pbgdpl/feed.json", "/pbgdpl/tin-tuc/ra-quan-tuyen-truyen/"] {
        assert!(paths.contains(&expected), "{expected} in {paths:?}");
    }
    assert!(!paths.contains(&"/pbgdpl/tin-tuc/"), "{paths:?}");
    assert!(s.get("feed.json").text().contains("2026-11-20"));
    assert!(
        s.get("tin-tuc/ra-quan-tuyen-truyen/")
            .text()
            .contains("20/11/2026")
    );
}

#[test]
fn the_build_output_never_carries_the_reload_script() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let status = Command::new(env!("CARGO_BIN_EXE_pbgdpl"))
        .args(["build", "--quiet", "--today", "2026-11-22", "--root"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/serve-site"))
        .arg("--out")
        .arg(&out)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let mut pages = 0;
    for e in walkdir::WalkDir::new(&out).into_iter().flatten() {
        if e.path().extension().is_some_and(|x| x == "html") {
            pages += 1;
            let text = std::fs::read_to_string(e.path()).unwrap();
            assert!(!text.contains("__pbgdpl"), "{}", e.path().display());
            assert!(!text.contains("EventSource"), "{}", e.path().display());
        }
    }
    assert!(pages > 10);
}

#[test]
fn serves_the_sub_path_with_the_right_types_and_the_sites_404() {
    let s = Served::start();
    let root = s.get("/");
    assert_eq!(root.status, 302);
    assert_eq!(root.location, "/pbgdpl/");
    assert_eq!(s.get("/pbgdpl").location, "/pbgdpl/");
    let dir = s.get("tai-lieu/video-hoa-giai");
    assert_eq!(dir.status, 302);
    assert_eq!(dir.location, "/pbgdpl/tai-lieu/video-hoa-giai/");

    let bundle = "tai-lieu/video-hoa-giai/";
    for (path, expected) in [
        ("", "text/html; charset=utf-8"),
        ("assets/pbgdpl.css", "text/css; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("ghi-chu.txt", "text/plain; charset=utf-8"),
        ("img/logo.svg", "image/svg+xml; charset=utf-8"),
        (&format!("{bundle}tinh-huong.mp4"), "video/mp4"),
        (&format!("{bundle}phu-de.vtt"), "text/vtt; charset=utf-8"),
        (&format!("{bundle}ban-doc.mp3"), "audio/mpeg"),
        (&format!("{bundle}to-gap.pdf"), "application/pdf"),
        (
            &format!("{bundle}mau-don.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            &format!("{bundle}so-lieu.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (&format!("{bundle}so-lieu.csv"), "text/csv; charset=utf-8"),
    ] {
        let page = s.get(path);
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(page.content_type, expected, "{path}");
    }
    // Copied files are served byte for byte.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/serve-site/content/tai-lieu/video-hoa-giai/to-gap.pdf");
    assert_eq!(
        s.get(&format!("{bundle}to-gap.pdf")).body,
        std::fs::read(fixture).unwrap()
    );

    for missing in [
        "khong-co/",
        "tin-tuc/khong-co.html",
        "/khac/",
        "/index.html",
    ] {
        let page = s.get(missing);
        assert_eq!(page.status, 404, "{missing}");
        let text = page.text();
        assert!(text.contains("pbgdpl.nghean.gov.vn"), "the site's 404 page");
        assert!(text.contains("/__pbgdpl/events"), "with the reload script");
    }
}

#[test]
fn nothing_outside_the_output_is_ever_served() {
    let s = Served::start();
    for path in [
        "/../secret.txt",
        "/pbgdpl/../../secret.txt",
        "/pbgdpl/%2e%2e/%2e%2e/secret.txt",
        "/pbgdpl/%2E%2E/site.toml",
        "/pbgdpl/..%2f..%2fsecret.txt",
        "/pbgdpl/..%5c..%5csecret.txt",
        "/pbgdpl/..\\..\\secret.txt",
        "//etc/passwd",
        "/pbgdpl//etc/passwd",
        "/pbgdpl/%2fetc%2fpasswd",
        "/pbgdpl/C:/Windows/win.ini",
        "/etc/passwd",
        "/pbgdpl/site.toml",
        "/pbgdpl/content/tin-tuc/_index.md",
        "/pbgdpl/tin-tuc/%00index.html",
        "/pbgdpl/./index.html",
    ] {
        let (status, text) = s.raw(path);
        assert!(
            status == 403 || status == 404 || status == 400,
            "{path}: {status}"
        );
        assert!(!text.contains(SECRET), "{path} leaked the secret");
        assert!(!text.contains("root:x:0"), "{path} leaked /etc/passwd");
        assert!(!text.contains("[agency]"), "{path} leaked site.toml");
    }
    let (status, _) = s.raw("/pbgdpl/../secret.txt");
    assert_eq!(status, 403);
    // Only GET and HEAD.
    let response = agent().post(&s.url).send("x").expect("the server answers");
    assert_eq!(response.status().as_u16(), 405);
}

#[test]
fn a_hundred_clients_during_rebuilds_all_get_complete_pages() {
    let s = Arc::new(Served::start());
    let marker = |n: usize| format!("Phiên bản số {n:03}.");
    let events = s.events();
    s.edit(ENTRY, "của 9 thôn.", &format!("của 9 thôn. {}", marker(0)));
    wait_for_reload(&s, &events);
    assert!(s.get(ENTRY_PAGE).text().contains(&marker(0)));
    let done = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..100)
        .map(|i| {
            let s = s.clone();
            let done = done.clone();
            std::thread::spawn(move || {
                let agent = agent();
                let mut seen = Vec::new();
                let mut round = 0;
                // Until the rebuilds are over (and at most 300 requests).
                while round < 3 || (!done.load(Ordering::SeqCst) && round < 300) {
                    round += 1;
                    let path = if (i + round) % 3 == 0 { "" } else { ENTRY_PAGE };
                    let url = format!("{}{path}", s.url);
                    let response = agent.get(&url).call().expect("an answer");
                    assert_eq!(response.status().as_u16(), 200);
                    let declared: usize = response
                        .headers()
                        .get("content-length")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.parse().ok())
                        .expect("a Content-Length");
                    let body = response.into_body().read_to_vec().expect("a body");
                    let page = Page {
                        status: 200,
                        content_type: String::new(),
                        location: String::new(),
                        body,
                    };
                    assert_eq!(page.body.len(), declared, "complete body");
                    let text = page.text();
                    assert!(text.trim_end().ends_with("</html>"), "a whole page");
                    if !path.is_empty() {
                        let versions = text.matches("Phiên bản số").count();
                        assert_eq!(versions, 1, "one version of the entry, not a mix");
                        let at = text.find("Phiên bản số").unwrap();
                        seen.push(text[at..at + "Phiên bản số 000".len()].to_string());
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                seen
            })
        })
        .collect();
    // Rebuild while they read.
    for n in 1..=4 {
        s.edit(ENTRY, &marker(n - 1), &marker(n));
        wait_for_reload(&s, &events);
    }
    done.store(true, Ordering::SeqCst);
    let mut versions: Vec<String> = Vec::new();
    for c in clients {
        versions.extend(c.join().expect("a client failed"));
    }
    versions.sort();
    versions.dedup();
    assert!(
        versions.len() >= 2,
        "the clients read while the site was rebuilt: {versions:?}"
    );
    assert!(s.get(ENTRY_PAGE).text().contains(&marker(4)));
}

/// Without `--today`, serve rebuilds by itself when the clock reaches an
/// entry's `publish_date` (the entry appears) or `expiry_date` (it goes),
/// and open pages reload.
#[test]
fn a_scheduled_entry_appears_on_time_and_an_expiring_one_goes() {
    let vietnam = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    let at = chrono::Utc::now().with_timezone(&vietnam) + chrono::Duration::seconds(8);
    let stamp = at.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let s = Served::start_with(&[], |root| {
        std::fs::write(
            root.join("content/tin-tuc/hen-gio.md"),
            format!(
                "+++\nid = \"tin-tuc/hen-gio\"\ntitle = \"Thông báo hẹn giờ\"\n\
                 date = 2026-11-20\npublish_date = {stamp}\n+++\n\nĐã đến giờ đăng.\n"
            ),
        )
        .unwrap();
        std::fs::write(
            root.join("content/tin-tuc/het-gio.md"),
            format!(
                "+++\nid = \"tin-tuc/het-gio\"\ntitle = \"Giấy mời hết giờ\"\n\
                 date = 2026-11-20\nexpiry_date = {stamp}\n+++\n\nSắp gỡ.\n"
            ),
        )
        .unwrap();
    });
    let events = s.events();
    let before = s.get("tin-tuc/hen-gio/").status;
    let expiring = s.get("tin-tuc/het-gio/").status;
    // Only when the answers came before the hour can they say what the
    // site was before it (the test does not depend on how fast it runs).
    if chrono::Utc::now() < at {
        assert_eq!(before, 404, "held back before its time");
        assert_eq!(expiring, 200, "shown until its time");
    }
    let until = std::time::Instant::now() + WAIT + Duration::from_secs(8);
    loop {
        if s.get("tin-tuc/hen-gio/").status == 200 && s.get("tin-tuc/het-gio/").status == 404 {
            break;
        }
        assert!(
            std::time::Instant::now() < until,
            "the schedule was not applied; the server said:\n{}",
            s.stderr()
        );
        let _ = events.recv_timeout(Duration::from_millis(500));
    }
    assert!(s.get("tin-tuc/").text().contains("Thông báo hẹn giờ"));
    assert!(!s.get("tin-tuc/").text().contains("Giấy mời hết giờ"));
    if before == 404 {
        assert!(s.stderr().contains("đến giờ đăng"), "{}", s.stderr());
    }
}

#[test]
fn serve_fetches_the_upstream_news_on_start_and_keeps_them_between_rebuilds() {
    let feeds = tempfile::tempdir().unwrap();
    std::fs::write(
        feeds.path().join("feed.json"),
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Trang PBGDPL tỉnh",
            "items": [{"id": "1", "title": "Tin mới của tỉnh", "url": "https://pbgdpl.example.gov.vn/tin/",
            "date_published": "2026-11-21T08:00:00+07:00"}]}"#,
    )
    .unwrap();
    let upstream = hub_support::Server::serve_dirs(&[("tinh", feeds.path())]);
    let feed = format!("{}tinh/feed.json", upstream.url);
    let s = Served::start_with(&["--today", "2026-11-22"], |root| {
        let path = root.join("site.toml");
        let mut toml = std::fs::read_to_string(&path).unwrap();
        toml.push_str(&format!(
            "\n[upstream]\ntimeout_seconds = 2\n[[upstream.sources]]\nurl = \"{feed}\"\n"
        ));
        std::fs::write(path, toml).unwrap();
    });
    let home = s.get("").text();
    assert!(home.contains("Tin mới của tỉnh"), "{home}");
    assert!(home.contains("21/11/2026"));
    assert_eq!(upstream.requests().len(), 1);
    // An edit rebuilds without fetching again.
    let events = s.events();
    s.edit(ENTRY, "Hội nghị", "Hội nghị trực tuyến");
    wait_for_reload(&s, &events);
    assert!(s.get("").text().contains("Tin mới của tỉnh"));
    assert_eq!(upstream.requests().len(), 1, "{}", s.stderr());
    assert!(
        s.root.join(".pbgdpl-cache/upstream").is_dir(),
        "the copy is saved beside the section"
    );
}

/// Polls `page` until `done` says yes (at most [`WAIT`]); returns its text.
fn poll(s: &Served, page: &str, done: impl Fn(&str) -> bool) -> String {
    let until = std::time::Instant::now() + WAIT;
    loop {
        let text = s.get(page).text();
        if done(&text) {
            return text;
        }
        assert!(
            std::time::Instant::now() < until,
            "{page} never became right; the server said:\n{}",
            s.stderr()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A save written in two parts with a pause between them (a slow disk, a
/// big file): a rebuild may read the first half, which is broken, but the
/// rebuild after the second part shows the whole file and no error.
#[test]
fn a_half_written_save_is_followed_by_the_whole_file_and_no_error_stays() {
    let s = Served::start();
    let _events = s.events_of_entry_page();
    let path = s.root.join(ENTRY);
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "của 9 thôn",
        "của 9 thôn, ghi nửa chừng",
        1,
    );
    // Cut in the middle of the front matter (and of a character).
    let cut = text.find("title = \"Hội").unwrap() + "title = \"Hộ".len() - 1;
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(&text.as_bytes()[..cut]).unwrap();
    file.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    file.write_all(&text.as_bytes()[cut..]).unwrap();
    drop(file);
    poll(&s, ENTRY_PAGE, |t| {
        t.contains("ghi nửa chừng") && !t.contains(PANEL)
    });
    // The rest of the site follows.
    poll(&s, "feed.json", |t| t.contains("ghi nửa chừng"));
    assert!(
        !s.get(ENTRY_PAGE).text().contains(PANEL),
        "no error came back"
    );
}

/// Vim's save, as the system reports it: its swap file, a test file made
/// and deleted, the entry renamed to a backup, the new entry written, the
/// backup deleted. Only the entry changed: the open page is rendered
/// first, as after any edit of an entry.
#[test]
fn a_save_with_swap_and_backup_files_renders_the_open_page_first() {
    let s = Served::start();
    let events = s.events_of_entry_page();
    let path = s.root.join(ENTRY);
    let dir = path.parent().unwrap();
    let swap = dir.join(".hoi-nghi-tap-huan-hoa-giai.md.swp");
    let backup = dir.join("hoi-nghi-tap-huan-hoa-giai.md~");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "của 9 thôn",
        "của 9 thôn, lưu bằng Vim",
        1,
    );
    std::fs::write(&swap, "b0VIM").unwrap();
    std::fs::write(dir.join("4913"), "").unwrap();
    std::fs::remove_file(dir.join("4913")).unwrap();
    std::fs::rename(&path, &backup).unwrap();
    std::fs::write(&path, &text).unwrap();
    std::fs::remove_file(&backup).unwrap();
    std::fs::write(&swap, "b0VIM 2").unwrap();
    loop {
        let data = wait_for_reload(&s, &events);
        if data.contains("\"first\":true") {
            break;
        }
    }
    poll(&s, ENTRY_PAGE, |t| {
        t.contains("lưu bằng Vim") && !t.contains(PANEL)
    });
    std::fs::remove_file(&swap).unwrap();
}

/// The first pass renders only the renderers that may make an open page:
/// an open tag page is among them, and shows an edit of its entry first.
#[test]
fn an_open_tag_page_is_rendered_first_too() {
    let s = Served::start_with(&["--today", "2026-11-22"], |root| {
        let path = root.join(ENTRY);
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replacen(
            "date = 2026-10-05",
            "date = 2026-10-05\ntags = [\"hòa giải\"]",
            1,
        );
        std::fs::write(&path, text).unwrap();
    });
    assert!(s.get("the/hoa-giai/").text().contains("Hội nghị tập huấn"));
    let events = s.events_of("?page=%2Fpbgdpl%2Fthe%2Fhoa-giai%2F");
    s.edit(
        ENTRY,
        "title = \"Hội nghị tập huấn",
        "title = \"Hội nghị bồi dưỡng",
    );
    let data = wait_for_reload(&s, &events);
    assert!(data.contains("\"first\":true"), "{data}");
    assert!(s.get("the/hoa-giai/").text().contains("Hội nghị bồi dưỡng"));
}
