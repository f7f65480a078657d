//! A hostile agency server for the hostile-hub suite: serves agency
//! sections on 127.0.0.1 like [`super::Server`], and for each agency can
//! instead hang, dribble, flood, bomb, redirect away, chain forever, lie
//! about ids and addresses, carry scripts, or drop a kept-alive connection.
//! A second listener plays an internal service holding a secret: no
//! request may ever reach it, and its answer may never be published.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// What every hostile answer carries: it must never reach a hub file.
pub const SECRET: &str = "INTERNAL-SECRET: db_password=hunter2";

/// How the server treats one agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Serves its files.
    Normal,
    /// Accepts the connection, never answers.
    Hang,
    /// Sends the headers, then one byte a second.
    Slow,
    /// An endless body.
    Endless,
    /// A small gzip body that inflates far past the size cap.
    GzipBomb,
    /// `sync.json` redirects to `file:///etc/passwd`.
    RedirectFile,
    /// `sync.json` redirects to the internal service.
    RedirectElsewhere,
    /// `sync.json` redirects in a loop.
    RedirectLoop,
    /// A new entry no feed carries, and `next_url` forever.
    EndlessChain,
    /// Like `EndlessChain`, each document answered just within the timeout.
    SlowChain,
    /// `next_url` to the internal service.
    SsrfNextUrl,
    /// A snapshot of another major version, with extra keys.
    WrongSchema,
    /// Serves a copy of another agency's `sync.json` (valid digest).
    CopyOf(String),
    /// A tombstone for another agency's id.
    ForeignTombstone(String),
    /// A new entry whose feed item's `url` is `javascript:`.
    JavascriptItem,
    /// A new entry whose `sync.json` record `url` is `javascript:`.
    JavascriptRecord,
    /// A new entry with scripts in its title, summary and `content_html`.
    ScriptContent,
    /// A new entry dated 9999-12-31.
    FutureDate,
    /// Serves its files, keeps connections alive, and closes a reused
    /// connection without answering.
    ClosedKeepAlive,
    /// `sync.json` lists a new `statistics.json`, whose body never ends.
    StatisticsFlood,
    /// `sync.json` lists a new `statistics.json` (its hash right) with a
    /// script in a text.
    StatisticsScript,
    /// `statistics.url` leads to the internal service.
    StatisticsOutside,
}

#[derive(Default)]
struct Shared {
    roots: BTreeMap<String, PathBuf>,
    bases: BTreeMap<String, String>,
    modes: BTreeMap<String, Mode>,
}

/// The hostile server and the internal service.
pub struct Hostile {
    /// `http://127.0.0.1:<port>/`.
    pub url: String,
    /// The internal service's address.
    pub internal: String,
    shared: Arc<Mutex<Shared>>,
    stop: Arc<AtomicBool>,
    internal_hits: Arc<AtomicUsize>,
    dropped: Arc<AtomicUsize>,
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Recomputes `count` and `digest` after editing `entries`.
pub fn reseal(sync: &mut Value) {
    let entries = sync["entries"].as_array_mut().unwrap();
    entries.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    let n = entries.len();
    let canonical = serde_json::to_string(&sync["entries"]).unwrap();
    sync["count"] = json!(n);
    sync["digest"] = json!(hex(canonical.as_bytes()));
}

/// The new entry a mode adds (its id, under the agency's own address).
fn new_entry(base: &str) -> (String, String) {
    let host = url_host(base);
    (
        format!("tag:{host},2019:/pbgdpl/tin-hostile"),
        format!("{base}tin-tuc/tin-hostile/"),
    )
}

fn url_host(base: &str) -> String {
    base.split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_default()
        .to_string()
}

struct Request {
    path: String,
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
        if buf.len() > 64 * 1024 {
            return None;
        }
    }
    let text = String::from_utf8_lossy(&buf);
    let path = text.lines().next()?.split_whitespace().nth(1)?.to_string();
    Some(Request { path })
}

fn head(status: &str, headers: &[(&str, String)], length: Option<usize>, close: bool) -> Vec<u8> {
    let mut h = format!("HTTP/1.1 {status}\r\n");
    if close {
        h.push_str("Connection: close\r\n");
    } else {
        h.push_str("Connection: keep-alive\r\n");
    }
    if let Some(n) = length {
        h.push_str(&format!("Content-Length: {n}\r\n"));
    }
    for (k, v) in headers {
        h.push_str(&format!("{k}: {v}\r\n"));
    }
    h.push_str("\r\n");
    h.into_bytes()
}

fn send(
    stream: &mut TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
    close: bool,
) {
    let _ = stream.write_all(&head(status, headers, Some(body.len()), close));
    let _ = stream.write_all(body);
}

fn json_headers() -> Vec<(&'static str, String)> {
    vec![("Content-Type", "application/json".into())]
}

fn gzip_bomb() -> &'static [u8] {
    static BOMB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOMB.get_or_init(|| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..160 {
            e.write_all(&zeros).unwrap();
        }
        e.finish().unwrap()
    })
}

/// What the server answers for one request: `None` to close without a
/// word (a dropped kept-alive connection).
struct Ctx {
    shared: Arc<Mutex<Shared>>,
    stop: Arc<AtomicBool>,
    internal: String,
    own: String,
}

impl Ctx {
    fn file(&self, agency: &str, rest: &str) -> Option<Vec<u8>> {
        let root = self.shared.lock().unwrap().roots.get(agency).cloned()?;
        std::fs::read(root.join(if rest.is_empty() { "index.html" } else { rest })).ok()
    }

    fn json_file(&self, agency: &str, rest: &str) -> Option<Value> {
        serde_json::from_slice(&self.file(agency, rest)?).ok()
    }

    fn base(&self, agency: &str) -> String {
        self.shared
            .lock()
            .unwrap()
            .bases
            .get(agency)
            .cloned()
            .unwrap_or_default()
    }

    /// The agency's snapshot with the new entry added.
    fn sync_with_new(&self, agency: &str, url: Option<&str>) -> Value {
        let mut sync = self.json_file(agency, "sync.json").unwrap();
        let (id, page) = new_entry(&self.base(agency));
        sync["entries"].as_array_mut().unwrap().push(json!({
            "id": id,
            "url": url.unwrap_or(&page),
            "category": "tin-tuc",
            "date_modified": "2026-11-21T00:00:00+07:00",
            "sha256": hex(b"hostile"),
        }));
        reseal(&mut sync);
        sync
    }

    /// The agency's feed with the new entry's item, edited by `edit`.
    fn feed_with_new(&self, agency: &str, edit: impl Fn(&mut Value)) -> Value {
        let mut feed = self.json_file(agency, "feed.json").unwrap();
        let (id, page) = new_entry(&self.base(agency));
        let mut item = feed["items"][0].clone();
        item["id"] = json!(id);
        item["url"] = json!(page);
        item["title"] = json!("Tin mới");
        item["date_published"] = json!("2026-11-21T00:00:00+07:00");
        item["date_modified"] = json!("2026-11-21T00:00:00+07:00");
        item["_pbgdpl"]["category"] = json!("tin-tuc");
        edit(&mut item);
        feed["items"].as_array_mut().unwrap().insert(0, item);
        feed
    }

    fn answer(&self, stream: &mut TcpStream, mode: &Mode, agency: &str, rest: &str) {
        let ok_json = |stream: &mut TcpStream, v: &Value| {
            send(
                stream,
                "200 OK",
                &json_headers(),
                &serde_json::to_vec(v).unwrap(),
                true,
            )
        };
        let own = |p: &str| format!("{}{agency}/{p}", self.own);
        match mode {
            Mode::Normal | Mode::ClosedKeepAlive => unreachable!(),
            Mode::Hang => {
                while !self.stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            Mode::Slow => {
                let _ = stream.write_all(&head("200 OK", &json_headers(), Some(4096), true));
                for b in SECRET.bytes().cycle() {
                    if self.stop.load(Ordering::SeqCst) || stream.write_all(&[b]).is_err() {
                        return;
                    }
                    std::thread::sleep(Duration::from_secs(1));
                }
            }
            Mode::Endless => {
                let _ = stream.write_all(&head("200 OK", &json_headers(), None, true));
                let chunk = format!("{SECRET} ").repeat(4096);
                while !self.stop.load(Ordering::SeqCst) {
                    if stream.write_all(chunk.as_bytes()).is_err() {
                        return;
                    }
                }
            }
            Mode::GzipBomb => send(
                stream,
                "200 OK",
                &[
                    ("Content-Type", "application/json".into()),
                    ("Content-Encoding", "gzip".into()),
                ],
                gzip_bomb(),
                true,
            ),
            Mode::RedirectFile => send(
                stream,
                "302 Found",
                &[("Location", "file:///etc/passwd".into())],
                b"",
                true,
            ),
            Mode::RedirectElsewhere => send(
                stream,
                "301 Moved Permanently",
                &[("Location", format!("{}secret.json", self.internal))],
                b"",
                true,
            ),
            Mode::RedirectLoop => {
                let to = if rest == "sync.json" {
                    "moved.json"
                } else {
                    "sync.json"
                };
                send(
                    stream,
                    "307 Temporary Redirect",
                    &[("Location", own(to))],
                    b"",
                    true,
                )
            }
            Mode::EndlessChain | Mode::SlowChain | Mode::SsrfNextUrl => {
                if *mode == Mode::SlowChain && rest != "sync.json" {
                    std::thread::sleep(Duration::from_millis(1500));
                }
                if rest == "sync.json" {
                    return ok_json(stream, &self.sync_with_new(agency, None));
                }
                let mut feed = self.json_file(agency, "feed.json").unwrap();
                let n: usize = rest
                    .strip_prefix("chain/")
                    .and_then(|r| r.strip_suffix(".json"))
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(0);
                feed["next_url"] = json!(if *mode == Mode::SsrfNextUrl {
                    format!("{}secret.json", self.internal)
                } else {
                    format!("{}chain/{}.json", self.base(agency), n + 1)
                });
                ok_json(stream, &feed)
            }
            Mode::WrongSchema => ok_json(
                stream,
                &json!({"schema_version": "2.0", "note": SECRET, "entries": [SECRET]}),
            ),
            Mode::CopyOf(other) => match rest {
                "sync.json" => ok_json(stream, &self.json_file(other, "sync.json").unwrap()),
                _ => ok_json(stream, &self.json_file(other, rest).unwrap_or(json!({}))),
            },
            Mode::ForeignTombstone(other) => {
                let mut sync = self.json_file(agency, "sync.json").unwrap();
                let victim = self.json_file(other, "sync.json").unwrap();
                sync["deleted"] = json!([{
                    "id": victim["entries"][0]["id"],
                    "deleted_at": "2026-11-22T00:00:00+07:00"
                }]);
                ok_json(stream, &sync)
            }
            Mode::StatisticsFlood | Mode::StatisticsScript | Mode::StatisticsOutside => {
                let mut statistics = self.json_file(agency, "statistics.json").unwrap();
                statistics["agency"]["name"] = json!(format!("<script>{SECRET}</script>"));
                let scripted = serde_json::to_vec(&statistics).unwrap();
                match (rest, mode) {
                    ("sync.json", _) => {
                        let mut sync = self.json_file(agency, "sync.json").unwrap();
                        sync["statistics"]["sha256"] = json!(hex(&scripted));
                        if *mode == Mode::StatisticsOutside {
                            sync["statistics"]["url"] =
                                json!(format!("{}statistics.json", self.internal));
                        }
                        ok_json(stream, &sync)
                    }
                    ("statistics.json", Mode::StatisticsFlood) => {
                        let _ = stream.write_all(&head("200 OK", &json_headers(), None, true));
                        let chunk = format!("{SECRET} ").repeat(4096);
                        while !self.stop.load(Ordering::SeqCst) {
                            if stream.write_all(chunk.as_bytes()).is_err() {
                                return;
                            }
                        }
                    }
                    ("statistics.json", _) => {
                        send(stream, "200 OK", &json_headers(), &scripted, true)
                    }
                    _ => match self.file(agency, rest) {
                        None => send(stream, "404 Not Found", &[], b"not found", true),
                        Some(bytes) => send(stream, "200 OK", &json_headers(), &bytes, true),
                    },
                }
            }
            Mode::JavascriptRecord => ok_json(
                stream,
                &self.sync_with_new(agency, Some("javascript:alert(document.domain)")),
            ),
            Mode::JavascriptItem | Mode::ScriptContent | Mode::FutureDate => {
                if rest == "sync.json" {
                    return ok_json(stream, &self.sync_with_new(agency, None));
                }
                let feed = self.feed_with_new(agency, |item| match mode {
                    Mode::JavascriptItem => {
                        item["url"] = json!("javascript:alert(document.domain)");
                    }
                    Mode::ScriptContent => {
                        item["title"] = json!("<img src=x onerror=\"window.__pwned=1\">Tin");
                        item["summary"] = json!("<script>window.__pwned=1</script>");
                        item["content_html"] = json!(
                            "<p onmouseover=\"window.__pwned=1\">x</p><script>window.__pwned=1</script><a href=\"javascript:window.__pwned=1\">y</a><svg><script>window.__pwned=1</script></svg><iframe srcdoc=\"<script>window.__pwned=1</script>\"></iframe>"
                        );
                        item["external_url"] = json!("javascript:window.__pwned=1");
                        item["authors"] = json!([{"name": "A", "url": "javascript:window.__pwned=1"}]);
                    }
                    _ => {
                        item["title"] = json!("Tin ghim lên đầu");
                        item["date_published"] = json!("9999-12-31T00:00:00+07:00");
                    }
                });
                ok_json(stream, &feed)
            }
        }
    }
}

fn handle(mut stream: TcpStream, ctx: Arc<Ctx>, dropped: Arc<AtomicUsize>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut keep_alive = false;
    loop {
        let Some(req) = read_request(&mut stream) else {
            return;
        };
        if keep_alive {
            // A reused connection: close it without answering, as a
            // server whose keep-alive timer just ran out.
            dropped.fetch_add(1, Ordering::SeqCst);
            return;
        }
        let (agency, rest) = req
            .path
            .trim_start_matches('/')
            .split_once('/')
            .map(|(a, r)| (a.to_string(), r.to_string()))
            .unwrap_or_default();
        let mode = ctx
            .shared
            .lock()
            .unwrap()
            .modes
            .get(&agency)
            .cloned()
            .unwrap_or(Mode::Normal);
        match mode {
            Mode::Normal | Mode::ClosedKeepAlive => {
                let close = mode == Mode::Normal;
                match ctx.file(&agency, &rest) {
                    None => send(&mut stream, "404 Not Found", &[], b"not found", close),
                    Some(bytes) => send(&mut stream, "200 OK", &json_headers(), &bytes, close),
                }
                if close {
                    return;
                }
                keep_alive = true;
            }
            other => {
                ctx.answer(&mut stream, &other, &agency, &rest);
                return;
            }
        }
    }
}

fn listen(
    stop: Arc<AtomicBool>,
    on: impl Fn(TcpStream) + Send + Sync + 'static,
) -> (TcpListener, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let l = listener.try_clone().unwrap();
    let on = Arc::new(on);
    std::thread::spawn(move || {
        while !stop.load(Ordering::SeqCst) {
            match l.accept() {
                Ok((stream, _)) => {
                    let _ = stream.set_nonblocking(false);
                    let on = on.clone();
                    std::thread::spawn(move || on(stream));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    (listener, port)
}

impl Hostile {
    /// Serves `agencies` (id, output directory, base_url) under `/<id>/`.
    pub fn start(agencies: &[(String, PathBuf, String)]) -> Hostile {
        let stop = Arc::new(AtomicBool::new(false));
        let internal_hits = Arc::new(AtomicUsize::new(0));
        let hits = internal_hits.clone();
        let (_internal, internal_port) = listen(stop.clone(), move |mut s| {
            hits.fetch_add(1, Ordering::SeqCst);
            let _ = read_request(&mut s);
            send(&mut s, "200 OK", &[], SECRET.as_bytes(), true);
        });
        let shared = Arc::new(Mutex::new(Shared {
            roots: agencies
                .iter()
                .map(|(i, o, _)| (i.clone(), o.clone()))
                .collect(),
            bases: agencies
                .iter()
                .map(|(i, _, b)| (i.clone(), b.clone()))
                .collect(),
            ..Default::default()
        }));
        let internal = format!("http://127.0.0.1:{internal_port}/");
        let dropped = Arc::new(AtomicUsize::new(0));
        // The port is known once bound; the handlers read it from here.
        let own: Arc<Mutex<String>> = Arc::new(Mutex::new(String::new()));
        let (sh, st, int, d, o) = (
            shared.clone(),
            stop.clone(),
            internal.clone(),
            dropped.clone(),
            own.clone(),
        );
        let (_listener, port) = listen(stop.clone(), move |s| {
            let ctx = Arc::new(Ctx {
                shared: sh.clone(),
                stop: st.clone(),
                internal: int.clone(),
                own: o.lock().unwrap().clone(),
            });
            handle(s, ctx, d.clone());
        });
        let url = format!("http://127.0.0.1:{port}/");
        *own.lock().unwrap() = url.clone();
        Hostile {
            url,
            internal,
            shared,
            stop,
            internal_hits,
            dropped,
        }
    }

    /// Changes how an agency is answered.
    pub fn set_mode(&self, id: &str, mode: Mode) {
        self.shared
            .lock()
            .unwrap()
            .modes
            .insert(id.to_string(), mode);
    }

    /// The address of an agency's `sync.json`.
    pub fn sync_url(&self, id: &str) -> String {
        format!("{}{id}/sync.json", self.url)
    }

    /// How many requests reached the internal service.
    pub fn internal_hits(&self) -> usize {
        self.internal_hits.load(Ordering::SeqCst)
    }

    /// How many reused connections were closed without an answer.
    pub fn dropped(&self) -> usize {
        self.dropped.load(Ordering::SeqCst)
    }
}
