//! Helpers of the aggregator tests: agency sections generated with the
//! library (`pbgdpl::init`, then `pbgdpl::build`), and a small HTTP server
//! on 127.0.0.1 that serves their outputs with ETags, answers conditional
//! requests with 304, counts what it saw, and can be told to send garbage
//! or to never answer.

#![allow(dead_code)]

pub mod hostile;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

/// The province every generated agency belongs to.
pub const PROVINCE_NAME: &str =
    "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Thử Nghiệm";
/// The hub's address (the agencies' `[province] url`).
pub const PROVINCE_URL: &str = "https://pbgdpl.thunghiem.gov.vn/";
/// The day the sites are built.
pub const TODAY: (i32, u32, u32) = (2026, 11, 22);

/// A generated agency section.
#[derive(Debug, Clone)]
pub struct Agency {
    /// Its id in sources.toml (also its path on the test server).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Where it is published.
    pub base_url: String,
    /// The section's source.
    pub root: PathBuf,
    /// Its built output.
    pub out: PathBuf,
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
}

impl Agency {
    /// Generates agency number `n` under `dir` (not built yet).
    pub fn generate(dir: &Path, n: usize) -> Agency {
        let id = format!("xa-{n:02}");
        let name = format!("UBND xã Thử Nghiệm {n:02}");
        let base_url = format!("https://{id}.thunghiem.gov.vn/pbgdpl/");
        let root = dir.join(&id).join("src");
        let out = dir.join(&id).join("public");
        pbgdpl::init::init(
            &root,
            &pbgdpl::init::InitOptions {
                agency: name.clone(),
                agency_url: format!("https://{id}.thunghiem.gov.vn"),
                province_name: PROVINCE_NAME.into(),
                province_url: PROVINCE_URL.into(),
                base_url: base_url.clone(),
                // The sample entries are older than the agencies' own news.
                today: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            },
        )
        .unwrap();
        // Each agency has its own news item, so the sections differ.
        let agency = Agency {
            id,
            name,
            base_url,
            root,
            out,
        };
        agency.add_news(
            &format!("tin-{n:02}"),
            &format!("Tin riêng của xã {n:02}"),
            &format!("2026-11-{:02}", n % 20 + 1),
        );
        agency
    }

    /// Adds a news entry (`date` as YYYY-MM-DD).
    pub fn add_news(&self, id: &str, title: &str, date: &str) {
        let text = format!(
            "+++\nid = \"{id}\"\ntitle = \"{title}\"\ndate = {date}\nsummary = \"Tóm tắt {title}.\"\nstatus = \"approved\"\n+++\n\nNội dung [liên kết](/tin-tuc/) của {title}.\n"
        );
        let path = self.root.join(format!("content/tin-tuc/{id}.md"));
        std::fs::write(path, text).unwrap();
    }

    /// Removes every entry of a category (keeps its `_index.md`).
    pub fn empty_category(&self, key: &str) {
        let dir = self.root.join("content").join(key);
        for e in std::fs::read_dir(&dir).unwrap() {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            if name != "_index.md" {
                let p = e.path();
                if p.is_dir() {
                    std::fs::remove_dir_all(p).unwrap();
                } else {
                    std::fs::remove_file(p).unwrap();
                }
            }
        }
    }

    /// Builds the section into `out` with the library.
    pub fn build(&self) {
        let options = pbgdpl::BuildOptions {
            today: Some(today()),
            ..Default::default()
        };
        if let Err(e) = pbgdpl::build(&self.root, Some(&self.out), &options) {
            match e {
                pbgdpl::Error::Invalid(d) => panic!("{}: {}", self.id, d.render(false)),
                e => panic!("{}: {e}", self.id),
            }
        }
    }

    /// The ids of the entries of its built `sync.json`.
    pub fn ids(&self) -> Vec<String> {
        let sync: serde_json::Value =
            serde_json::from_slice(&std::fs::read(self.out.join("sync.json")).unwrap()).unwrap();
        sync["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    }
}

/// How the server answers for one agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Serves the files, with ETags and 304s.
    Normal,
    /// Answers 200 with an HTML error page instead of JSON.
    Garbage,
    /// Accepts the connection and never answers.
    Silent,
    /// Answers 500 Internal Server Error.
    Failing,
}

/// A request the server received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Its path.
    pub path: String,
    /// Its `If-None-Match` header.
    pub if_none_match: Option<String>,
    /// Its `If-Modified-Since` header.
    pub if_modified_since: Option<String>,
    /// Its `User-Agent` header.
    pub user_agent: Option<String>,
}

/// The `Last-Modified` the server sends with every file.
pub const LAST_MODIFIED: &str = "Sun, 22 Nov 2026 00:00:00 GMT";

#[derive(Default)]
struct Shared {
    roots: BTreeMap<String, PathBuf>,
    modes: BTreeMap<String, Mode>,
    requests: Vec<Request>,
    not_modified: Vec<String>,
}

/// A test HTTP server: `/<agency id>/<path>` serves `<agency out>/<path>`.
pub struct Server {
    /// `http://127.0.0.1:<port>/`.
    pub url: String,
    shared: Arc<Mutex<Shared>>,
    stop: Arc<AtomicBool>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn etag(bytes: &[u8]) -> String {
    let hex: String = Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("\"{hex}\"")
}

fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

fn handle(mut stream: TcpStream, shared: Arc<Mutex<Shared>>, stop: Arc<AtomicBool>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let text = String::from_utf8_lossy(&buf).into_owned();
    let mut lines = text.lines();
    let path = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("/")
        .to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let if_none_match = header("if-none-match");
    let (agency, rest) = path
        .trim_start_matches('/')
        .split_once('/')
        .map(|(a, r)| (a.to_string(), r.to_string()))
        .unwrap_or_default();
    let (mode, root) = {
        let mut s = shared.lock().unwrap();
        s.requests.push(Request {
            path: path.clone(),
            if_none_match: if_none_match.clone(),
            if_modified_since: header("if-modified-since"),
            user_agent: header("user-agent"),
        });
        (
            s.modes.get(&agency).copied().unwrap_or(Mode::Normal),
            s.roots.get(&agency).cloned(),
        )
    };
    match mode {
        Mode::Silent => {
            while !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        Mode::Failing => respond(
            &mut stream,
            "500 Internal Server Error",
            &[("Content-Type", "text/html".into())],
            b"<html><body><h1>500</h1></body></html>",
        ),
        Mode::Garbage => respond(
            &mut stream,
            "200 OK",
            &[("Content-Type", "text/html".into())],
            b"<html><body><h1>502 Bad Gateway</h1></body></html>",
        ),
        Mode::Normal => {
            let file = root.map(|r| r.join(if rest.is_empty() { "index.html" } else { &rest }));
            match file.and_then(|f| std::fs::read(f).ok()) {
                None => respond(&mut stream, "404 Not Found", &[], b"not found"),
                Some(bytes) => {
                    let tag = etag(&bytes);
                    if if_none_match.as_deref() == Some(tag.as_str()) {
                        shared.lock().unwrap().not_modified.push(path);
                        respond(
                            &mut stream,
                            "304 Not Modified",
                            &[("ETag", tag), ("Last-Modified", LAST_MODIFIED.into())],
                            b"",
                        );
                    } else {
                        respond(
                            &mut stream,
                            "200 OK",
                            &[
                                ("ETag", tag),
                                ("Last-Modified", LAST_MODIFIED.into()),
                                ("Content-Type", "application/json".into()),
                            ],
                            &bytes,
                        );
                    }
                }
            }
        }
    }
}

impl Server {
    /// Serves the outputs of `agencies` under `/<id>/`.
    pub fn start(agencies: &[Agency]) -> Server {
        let dirs: Vec<(&str, &Path)> = agencies
            .iter()
            .map(|a| (a.id.as_str(), a.out.as_path()))
            .collect();
        Self::serve_dirs(&dirs)
    }

    /// Serves each directory under `/<name>/` (any files: feeds of an
    /// upstream site, a section's output…).
    pub fn serve_dirs(dirs: &[(&str, &Path)]) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Mutex::new(Shared {
            roots: dirs
                .iter()
                .map(|(id, dir)| (id.to_string(), dir.to_path_buf()))
                .collect(),
            ..Default::default()
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, st) = (shared.clone(), stop.clone());
        listener.set_nonblocking(true).unwrap();
        std::thread::spawn(move || {
            while !st.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let _ = stream.set_nonblocking(false);
                        let (s, st) = (s.clone(), st.clone());
                        std::thread::spawn(move || handle(stream, s, st));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server {
            url: format!("http://127.0.0.1:{port}/"),
            shared,
            stop,
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

    /// Forgets what was counted so far.
    pub fn reset_counts(&self) {
        let mut s = self.shared.lock().unwrap();
        s.requests.clear();
        s.not_modified.clear();
    }

    /// The requests received.
    pub fn requests(&self) -> Vec<Request> {
        self.shared.lock().unwrap().requests.clone()
    }

    /// Paths answered with 304 Not Modified.
    pub fn not_modified(&self) -> Vec<String> {
        let mut v = self.shared.lock().unwrap().not_modified.clone();
        v.sort();
        v
    }
}

/// Runs `pbgdpl aggregate` with `args`, colours off, messages in
/// Vietnamese whatever the machine's locale (`--lang en` in `args` for English).
pub fn aggregate(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pbgdpl"))
        .arg("aggregate")
        .args(args)
        .current_dir(dir)
        .env_remove("PBGDPL_NOW")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PBGDPL_LANG")
        .env("NO_COLOR", "1")
        .output()
        .expect("the pbgdpl binary runs")
}

/// stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The `[hub]` part of a sources.toml.
pub fn hub_toml(timeout: u64) -> String {
    format!(
        "[hub]\ntitle = \"{PROVINCE_NAME}\"\nbase_url = \"{PROVINCE_URL}\"\nentries_per_page = 10\nfeed_limit = 20\n\n[hub.agency]\nname = \"Sở Tư pháp tỉnh Thử Nghiệm\"\nurl = \"https://stp.thunghiem.gov.vn\"\n\n[fetch]\ntimeout_seconds = {timeout}\nparallel = 8\n"
    )
}

/// A `[[source]]` section.
pub fn source_toml(id: &str, name: &str, sync: &str) -> String {
    format!("\n[[source]]\nid = \"{id}\"\nname = \"{name}\"\nsync = \"{sync}\"\n")
}

/// A `[[source]]` section of an agency served from a test server: its
/// section's published address (`base_url`) is given, as for a mirror.
pub fn served_source_toml(agency: &Agency, server: &Server) -> String {
    format!(
        "{}base_url = \"{}\"\n",
        source_toml(&agency.id, &agency.name, &server.sync_url(&agency.id)),
        agency.base_url
    )
}

/// Every file under `dir` with its modification time.
pub fn mtimes(dir: &Path) -> BTreeMap<String, std::time::SystemTime> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                e.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect()
}

/// Every file under `dir` by relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// A JSON file.
pub fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(
        &std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap()
}

/// A text file.
pub fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
