//! Fetching the agencies' documents: local files, and `http(s)://` with
//! conditional GET (`If-None-Match`, `If-Modified-Since`), timeouts and
//! certificate verification as usual (ureq with rustls; no shortcut).
//!
//! Bounded in every way an agency's server (or file system) could abuse:
//!
//! - **time**: each document within `timeout_seconds`, and every document
//!   of one source within its [`Budget`] (`total_seconds`);
//! - **size**: [`MAX_BYTES`] per document, counted after decompression (a
//!   gzip bomb stops there), the same cap for local files;
//! - **where**: redirects are followed by hand, only as
//!   [`links::redirect`](super::links::redirect) allows
//!   (never to another host or to `file:`); local files only inside the
//!   source's directory, symbolic links resolved and checked, regular files
//!   only, opened without blocking (a named pipe cannot hang the run);
//! - **what is said**: failures are [`Reason`]s, which never quote what was
//!   received.
//!
//! A request that fails because the server closed a kept-alive connection
//! before answering is sent again once, on a new connection.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use url::Url;

use super::links::{redirect, relative_segments};
use super::reason::Reason;
use crate::i18n::Message;
use crate::msg;

/// The largest document accepted (a section with 100 000 entries has a
/// `sync.json` of about 30 MB).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The most redirects followed for one document.
pub const MAX_REDIRECTS: usize = 5;

/// How many times a request is sent again after the server closed a
/// kept-alive connection before answering (each time the connection is
/// dropped from the pool, which keeps at most 3 per host).
const MAX_RETRIES: usize = 4;

/// The longest a connection may take to open (within the total timeout).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Where a document is: an `http(s)://` address or a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// An `http://` or `https://` address.
    Url(Url),
    /// A file (or, for a root, a directory) on this machine.
    File(PathBuf),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Url(u) => f.write_str(u.as_str()),
            Location::File(p) => {
                let shown = p.display().to_string();
                f.write_str(&shown)?;
                if p.is_dir() && !shown.ends_with('/') {
                    f.write_str("/")?;
                }
                Ok(())
            }
        }
    }
}

impl Location {
    /// Reads a location as written in `sources.toml`: an address starting
    /// with `http://` or `https://`, or a path (relative to `dir`).
    pub fn parse(text: &str, dir: &Path) -> Result<Location, Message> {
        let text = text.trim();
        if text.is_empty() {
            return Err(msg!("location-empty"));
        }
        if let Some((scheme, _)) = text.split_once("://") {
            let scheme = scheme.to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                return Err(msg!("url-scheme", scheme = scheme));
            }
            let url = Url::parse(text).map_err(|e| msg!("url-invalid", detail = e.to_string()))?;
            if url.host_str().is_none_or(str::is_empty) {
                return Err(msg!("location-no-host"));
            }
            return Ok(Location::Url(url));
        }
        let mut path = dir.join(text);
        if text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
            // Keep the trailing slash: it says "a directory".
            path.push("");
        }
        Ok(Location::File(path))
    }

    fn is_dir(&self) -> bool {
        match self {
            Location::Url(u) => u.path().ends_with('/'),
            Location::File(p) => {
                p.is_dir()
                    || p.as_os_str()
                        .to_string_lossy()
                        .ends_with(std::path::MAIN_SEPARATOR)
            }
        }
    }

    /// The location itself, or `name` inside it when it is a directory
    /// (`https://x/pbgdpl/` → `https://x/pbgdpl/sync.json`).
    pub fn file_in_dir(self, name: &str) -> Location {
        if self.is_dir() {
            self.join(name).unwrap_or(self)
        } else {
            self
        }
    }

    /// The directory holding this document.
    pub fn parent(&self) -> Location {
        match self {
            Location::Url(u) => Location::Url(u.join("./").unwrap_or_else(|_| u.clone())),
            Location::File(p) => {
                if self.is_dir() {
                    return self.clone();
                }
                let mut dir = p.parent().map(Path::to_path_buf).unwrap_or_default();
                dir.push("");
                Location::File(dir)
            }
        }
    }

    /// A path relative to this directory (`archive/2026-03/feed.json`),
    /// percent-encoded as in a URL. It cannot climb out of the directory
    /// (see [`relative_segments`]).
    pub fn join(&self, relative: &str) -> Result<Location, String> {
        let (path, query) = match relative.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (relative, None),
        };
        let leaves = || format!("{relative:?} leaves the section's directory");
        let segments = relative_segments(path).ok_or_else(leaves)?;
        match self {
            Location::Url(u) => {
                let base = if u.path().ends_with('/') {
                    u.clone()
                } else {
                    u.join("./").map_err(|e| e.to_string())?
                };
                let joined = base.join(relative).map_err(|e| e.to_string())?;
                if !joined.path().starts_with(base.path()) {
                    return Err(leaves());
                }
                Ok(Location::Url(joined))
            }
            Location::File(p) => {
                if query.is_some() {
                    return Err(format!("{relative:?} is not a file name"));
                }
                let mut path = p.clone();
                for segment in segments {
                    path.push(segment);
                }
                Ok(Location::File(path))
            }
        }
    }
}

/// What the last successful fetch of a document returned, sent back as
/// `If-None-Match` and `If-Modified-Since`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` response header.
    pub etag: Option<String>,
    /// The `Last-Modified` response header.
    pub last_modified: Option<String>,
}

/// The result of a fetch.
#[derive(Debug)]
pub enum Fetched {
    /// `304 Not Modified`: the copy from the last fetch is still current.
    NotModified,
    /// The document, with the validators of the response.
    Fresh {
        /// Its bytes.
        bytes: Vec<u8>,
        /// `ETag` and `Last-Modified` (none for files).
        validators: Validators,
    },
}

/// A failed fetch: the reason (for everyone) and, for the operator's
/// terminal only, a technical detail produced on this machine (an
/// operating-system error; never bytes received).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    /// Why.
    pub reason: Reason,
    /// Local technical detail.
    pub detail: Option<String>,
}

impl From<Reason> for FetchError {
    fn from(reason: Reason) -> Self {
        Self {
            reason,
            detail: None,
        }
    }
}

/// The time one source may still take: every document it costs counts.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    end: Instant,
    total: Duration,
}

impl Budget {
    /// A budget of `total`, starting now.
    pub fn new(total: Duration) -> Self {
        Self {
            end: Instant::now() + total,
            total,
        }
    }

    /// The whole budget.
    pub fn total(&self) -> Duration {
        self.total
    }

    /// What is left.
    pub fn left(&self) -> Duration {
        self.end.saturating_duration_since(Instant::now())
    }

    /// The failure of a source over its budget.
    pub fn exhausted(&self) -> Reason {
        Reason::OverBudget {
            seconds: self.total.as_secs(),
        }
    }
}

/// Fetches documents, sharing connections between threads.
#[derive(Debug, Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    timeout: Duration,
    accept: &'static str,
    max_bytes: u64,
}

/// Whether a request failed because the connection was closed or reset
/// before an answer came: typically a kept-alive connection the server
/// had closed; worth one more try on a new connection.
fn connection_dropped(e: &ureq::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(e, ureq::Error::Io(io) if matches!(
        io.kind(),
        UnexpectedEof | ConnectionReset | ConnectionAborted | BrokenPipe
    ))
}

/// Who fetches: named in the `User-Agent` of every request, so a server's
/// logs tell the provincial hub polling its agencies from sections
/// fetching their upstream news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    /// `pbgdpl aggregate` reading its sources.
    Aggregate,
    /// A section's build (or `serve`) reading its `[upstream]` feeds.
    Upstream,
}

impl Caller {
    /// The `User-Agent` header: `pbgdpl/<version> (<caller>; +https://pbgdpl.gov.vn)`.
    pub fn user_agent(self) -> String {
        let name = match self {
            Caller::Aggregate => "aggregate",
            Caller::Upstream => "upstream",
        };
        format!(
            "pbgdpl/{} ({name}; +https://pbgdpl.gov.vn)",
            env!("CARGO_PKG_VERSION")
        )
    }
}

impl Fetcher {
    /// A fetcher for `caller` that gives up on a document after `timeout`
    /// (connection included).
    pub fn new(timeout: Duration, caller: Caller) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout)))
            .timeout_global(Some(timeout))
            // Redirects are followed by hand, each one checked.
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(caller.user_agent())
            .build()
            .into();
        Self {
            agent,
            timeout,
            accept: "application/json, application/feed+json",
            max_bytes: MAX_BYTES,
        }
    }

    /// The same fetcher asking for `accept` (the `Accept` header) and
    /// refusing documents larger than `max_bytes` (at most [`MAX_BYTES`]).
    pub fn accepting(mut self, accept: &'static str, max_bytes: u64) -> Self {
        self.accept = accept;
        self.max_bytes = max_bytes.min(MAX_BYTES);
        self
    }

    /// Fetches a document of a source whose directory is `scope` (a
    /// redirect or a local path must stay inside it); with `known`
    /// validators, conditionally; within `budget`.
    pub fn get(
        &self,
        location: &Location,
        scope: &Location,
        known: Option<&Validators>,
        budget: &Budget,
    ) -> Result<Fetched, FetchError> {
        if budget.left().is_zero() {
            return Err(budget.exhausted().into());
        }
        match (location, scope) {
            (Location::File(path), Location::File(dir)) => read_file(path, dir, self.max_bytes),
            (Location::File(_), Location::Url(_)) => Err(Reason::OutsideDirectory.into()),
            (Location::Url(url), scope) => {
                let scope = match scope {
                    Location::Url(s) => s.clone(),
                    Location::File(_) => url.join("./").unwrap_or_else(|_| url.clone()),
                };
                self.get_url(url, &scope, known, budget)
            }
        }
    }

    fn get_url(
        &self,
        url: &Url,
        scope: &Url,
        known: Option<&Validators>,
        budget: &Budget,
    ) -> Result<Fetched, FetchError> {
        let mut url = url.clone();
        let mut seen = vec![url.clone()];
        let mut retries = 0;
        loop {
            let left = budget.left();
            if left.is_zero() {
                return Err(budget.exhausted().into());
            }
            let limit = self.timeout.min(left);
            let over = |e: FetchError| {
                if limit < self.timeout && matches!(e.reason, Reason::Timeout { .. }) {
                    budget.exhausted().into()
                } else {
                    e
                }
            };
            let mut request = self.agent.get(url.as_str()).header("Accept", self.accept);
            if let Some(v) = known {
                if let Some(etag) = &v.etag {
                    request = request.header("If-None-Match", etag);
                }
                if let Some(date) = &v.last_modified {
                    request = request.header("If-Modified-Since", date);
                }
            }
            let request = request.config().timeout_global(Some(limit)).build();
            let mut response = match request.call() {
                Ok(r) => r,
                Err(e) if retries < MAX_RETRIES && connection_dropped(&e) => {
                    retries += 1;
                    continue;
                }
                Err(e) => return Err(over(self.explain(e))),
            };
            let status = response.status().as_u16();
            match status {
                200 => {}
                304 => return Ok(Fetched::NotModified),
                301 | 302 | 303 | 307 | 308 => {
                    let next = response
                        .headers()
                        .get("location")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|l| url.join(l).ok())
                        .ok_or(Reason::RedirectOutside)?;
                    if !redirect(&next, scope) {
                        return Err(Reason::RedirectOutside.into());
                    }
                    if seen.contains(&next) || seen.len() > MAX_REDIRECTS {
                        return Err(Reason::TooManyRedirects {
                            limit: MAX_REDIRECTS,
                        }
                        .into());
                    }
                    seen.push(next.clone());
                    url = next;
                    continue;
                }
                code => return Err(Reason::HttpStatus { code }.into()),
            }
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            let validators = Validators {
                etag: header("etag"),
                last_modified: header("last-modified"),
            };
            let bytes = response
                .body_mut()
                .with_config()
                .limit(self.max_bytes)
                .read_to_vec()
                .map_err(|e| over(self.explain(e)))?;
            return Ok(Fetched::Fresh { bytes, validators });
        }
    }

    fn explain(&self, e: ureq::Error) -> FetchError {
        let timeout = Reason::Timeout {
            seconds: self.timeout.as_secs(),
        };
        let reason = match &e {
            ureq::Error::Timeout(_) => timeout,
            ureq::Error::StatusCode(code) => Reason::HttpStatus { code: *code },
            ureq::Error::HostNotFound => Reason::HostNotFound,
            ureq::Error::ConnectionFailed => Reason::ConnectionFailed,
            ureq::Error::BodyExceedsLimit(_) => Reason::TooLarge {
                megabytes: self.max_bytes / 1024 / 1024,
            },
            ureq::Error::TooManyRedirects => Reason::TooManyRedirects {
                limit: MAX_REDIRECTS,
            },
            ureq::Error::Tls(_) => Reason::Tls,
            ureq::Error::Protocol(_) | ureq::Error::Http(_) | ureq::Error::BadUri(_) => {
                Reason::BadHttp
            }
            ureq::Error::Io(io) => match io.kind() {
                std::io::ErrorKind::ConnectionRefused => Reason::ConnectionRefused,
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => timeout,
                std::io::ErrorKind::InvalidData => Reason::BadHttp,
                _ => Reason::ConnectionFailed,
            },
            _ => Reason::ConnectionFailed,
        };
        // Only errors made on this machine carry a detail (an I/O error's
        // text); ureq's other errors may echo what the server sent.
        let detail = match &e {
            ureq::Error::Io(io) => Some(io.kind().to_string()),
            _ => None,
        };
        FetchError { reason, detail }
    }
}

/// Reads a local file that must lie inside `dir` once every symbolic link
/// is resolved, be a regular file, and be at most `max_bytes`. It is
/// opened without blocking and without following a final symbolic link,
/// so a named pipe or a device cannot hang or flood the run.
fn read_file(path: &Path, dir: &Path, max_bytes: u64) -> Result<Fetched, FetchError> {
    let io = |e: std::io::Error| match e.kind() {
        // The reason says it all.
        std::io::ErrorKind::NotFound => FetchError {
            reason: Reason::NoSuchFile,
            detail: None,
        },
        _ => FetchError {
            reason: Reason::Unreadable,
            detail: Some(crate::error::io_reason(&e).into_string()),
        },
    };
    let dir = std::fs::canonicalize(dir).map_err(io)?;
    let real = std::fs::canonicalize(path).map_err(io)?;
    if !real.starts_with(&dir) {
        return Err(Reason::OutsideDirectory.into());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(&real).map_err(|e| {
        if e.raw_os_error() == Some(libc_eloop()) {
            Reason::OutsideDirectory.into()
        } else {
            io(e)
        }
    })?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(Reason::NotRegularFile.into());
    }
    let too_large = || -> FetchError {
        Reason::TooLarge {
            megabytes: max_bytes / 1024 / 1024,
        }
        .into()
    };
    if meta.len() > max_bytes {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large());
    }
    Ok(Fetched::Fresh {
        bytes,
        validators: Validators::default(),
    })
}

#[cfg(unix)]
fn libc_eloop() -> i32 {
    libc::ELOOP
}

#[cfg(not(unix))]
fn libc_eloop() -> i32 {
    -1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_resolve() {
        let dir = Path::new("/srv/hub");
        let u = Location::parse("https://a.example.gov.vn/pbgdpl/", dir).unwrap();
        assert_eq!(
            u.clone().file_in_dir("sync.json").to_string(),
            "https://a.example.gov.vn/pbgdpl/sync.json"
        );
        let f = Location::parse("sites/a/sync.json", dir).unwrap();
        assert_eq!(f.to_string(), "/srv/hub/sites/a/sync.json");
        assert_eq!(f.parent().to_string(), "/srv/hub/sites/a/");
        assert!(Location::parse("ftp://x/sync.json", dir).is_err());
        assert!(Location::parse("", dir).is_err());
        assert!(Location::parse("  ", dir).is_err());
        let local = f.parent();
        assert!(local.join("../../etc/passwd").is_err());
        assert!(local.join("%2e%2e/x").is_err());
        assert!(local.join("%2Fetc%2Fpasswd").is_err());
        assert!(local.join("schemas%2F..%2F..%2Fx").is_err());
        assert_eq!(
            local.join("archive/2026-03/feed.json").unwrap().to_string(),
            "/srv/hub/sites/a/archive/2026-03/feed.json"
        );
        let web = Location::parse("http://127.0.0.1:9/a/", dir).unwrap();
        assert!(web.join("%2e%2e/b/feed.json").is_err());
        assert_eq!(
            web.join("feed.json?page=2").unwrap().to_string(),
            "http://127.0.0.1:9/a/feed.json?page=2"
        );
    }

    #[cfg(unix)]
    #[test]
    fn local_files_stay_in_their_directory_and_never_block() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("section");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("sync.json"), "{}").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "INTERNAL-SECRET").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("secret.txt"), dir.join("link.json")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.join("zero.json")).unwrap();
        let fifo = dir.join("fifo.json");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);

        let ok = read_file(&dir.join("sync.json"), &dir, MAX_BYTES).unwrap();
        assert!(matches!(ok, Fetched::Fresh { bytes, .. } if bytes == b"{}"));
        let reason = |name: &str| {
            read_file(&dir.join(name), &dir, MAX_BYTES)
                .unwrap_err()
                .reason
        };
        assert_eq!(reason("link.json"), Reason::OutsideDirectory);
        assert_eq!(reason("zero.json"), Reason::OutsideDirectory);
        assert_eq!(reason("fifo.json"), Reason::NotRegularFile);
        assert_eq!(reason("missing.json"), Reason::NoSuchFile);
        assert_eq!(
            read_file(Path::new("/dev/zero"), Path::new("/dev"), MAX_BYTES)
                .unwrap_err()
                .reason,
            Reason::NotRegularFile
        );
        std::fs::create_dir(dir.join("sub.json")).unwrap();
        assert_eq!(reason("sub.json"), Reason::NotRegularFile);
        // A smaller limit (statistics.json) holds for local files too.
        std::fs::write(dir.join("big.json"), vec![b' '; 2 * 1024 * 1024 + 1]).unwrap();
        assert_eq!(
            read_file(&dir.join("big.json"), &dir, 2 * 1024 * 1024)
                .unwrap_err()
                .reason,
            Reason::TooLarge { megabytes: 2 }
        );
    }
}
