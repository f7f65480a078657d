//! Fetching the agencies' documents: local files, and `http(s)://` with
//! conditional GET (`If-None-Match`, `If-Modified-Since`), timeouts and
//! certificate verification as usual (ureq with rustls; no shortcut).

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use percent_encoding::percent_decode_str;
use url::Url;

/// The largest document accepted (a section with 100 000 entries has a
/// `sync.json` of about 30 MB).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

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
    pub fn parse(text: &str, dir: &Path) -> Result<Location, String> {
        let text = text.trim();
        if let Some((scheme, _)) = text.split_once("://") {
            let scheme = scheme.to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                return Err(format!(
                    "{scheme}:// addresses are not supported, only https:// and http://"
                ));
            }
            let url = Url::parse(text).map_err(|e| e.to_string())?;
            if url.host_str().is_none_or(str::is_empty) {
                return Err("the address has no host name".into());
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

    /// A path relative to this directory (`archive/2026-03/feed.json`). Relative
    /// paths cannot climb out of the directory.
    pub fn join(&self, relative: &str) -> Result<Location, String> {
        let climbs = relative
            .split('/')
            .any(|s| s == ".." || percent_decode_str(s).decode_utf8_lossy() == "..");
        if climbs || relative.starts_with('/') || relative.contains('\\') {
            return Err(format!("{relative:?} leaves the section's directory"));
        }
        match self {
            Location::Url(u) => {
                let base = if u.path().ends_with('/') {
                    u.clone()
                } else {
                    u.join("./").map_err(|e| e.to_string())?
                };
                base.join(relative)
                    .map(Location::Url)
                    .map_err(|e| e.to_string())
            }
            Location::File(p) => {
                let mut path = p.clone();
                for segment in relative.split('/').filter(|s| !s.is_empty() && *s != ".") {
                    path.push(percent_decode_str(segment).decode_utf8_lossy().as_ref());
                }
                Ok(Location::File(path))
            }
        }
    }
}

/// Where to fetch a document the section links to (`feeds.json`, a
/// feed's `next_url`): an address under the section's published
/// `base_url` is fetched from the same place relative to `root`, the
/// directory the snapshot was fetched from; so a section read from a local
/// build, a mirror or a test server is read entirely from there. Other
/// addresses are fetched as they are.
pub fn rebase(link: &str, base_url: &str, root: &Location) -> Result<Location, String> {
    let url = Url::parse(link).map_err(|e| format!("{link:?} is not an address ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("{link:?} is not an http(s) address"));
    }
    match url.as_str().strip_prefix(base_url) {
        Some(rest) => root.join(rest),
        None => Ok(Location::Url(url)),
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

/// Fetches documents, sharing connections between threads.
#[derive(Debug, Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    timeout: Duration,
}

impl Fetcher {
    /// A fetcher that gives up on a document after `timeout` (connection
    /// included).
    pub fn new(timeout: Duration) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout)))
            .timeout_global(Some(timeout))
            .user_agent(format!(
                "pbgdpl/{} (aggregate; +https://pbgdpl.gov.vn)",
                env!("CARGO_PKG_VERSION")
            ))
            .build()
            .into();
        Self { agent, timeout }
    }

    /// Fetches a document; with `known` validators, conditionally. Errors
    /// are plain sentences for the report.
    pub fn get(&self, location: &Location, known: Option<&Validators>) -> Result<Fetched, String> {
        match location {
            Location::File(path) => read_file(path),
            Location::Url(url) => self.get_url(url, known),
        }
    }

    fn get_url(&self, url: &Url, known: Option<&Validators>) -> Result<Fetched, String> {
        let mut request = self
            .agent
            .get(url.as_str())
            .header("Accept", "application/json, application/feed+json");
        if let Some(v) = known {
            if let Some(etag) = &v.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(date) = &v.last_modified {
                request = request.header("If-Modified-Since", date);
            }
        }
        let mut response = request.call().map_err(|e| self.explain(e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if status != 200 {
            return Err(format!(
                "the server answered HTTP {status} instead of the document"
            ));
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
            .limit(MAX_BYTES)
            .read_to_vec()
            .map_err(|e| self.explain(e))?;
        Ok(Fetched::Fresh { bytes, validators })
    }

    fn explain(&self, e: ureq::Error) -> String {
        match e {
            ureq::Error::Timeout(_) => format!(
                "no complete answer within {} s (timeout_seconds in [fetch])",
                self.timeout.as_secs()
            ),
            ureq::Error::StatusCode(code) => format!("the server answered HTTP {code}"),
            ureq::Error::HostNotFound => "the host name was not found (DNS)".to_string(),
            ureq::Error::ConnectionFailed => "the connection failed".to_string(),
            ureq::Error::BodyExceedsLimit(_) => {
                format!("the document is larger than {} MB", MAX_BYTES / 1024 / 1024)
            }
            ureq::Error::Io(io) => match io.kind() {
                std::io::ErrorKind::ConnectionRefused => "the connection was refused".to_string(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => format!(
                    "no complete answer within {} s (timeout_seconds in [fetch])",
                    self.timeout.as_secs()
                ),
                _ => io.to_string(),
            },
            other => other.to_string(),
        }
    }
}

fn read_file(path: &Path) -> Result<Fetched, String> {
    let unreadable = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        _ => format!("it cannot be read ({e})"),
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err("it is a directory, not a file".into());
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "the document is larger than {} MB",
            MAX_BYTES / 1024 / 1024
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    Ok(Fetched::Fresh {
        bytes,
        validators: Validators::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_resolve_and_rebase() {
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

        let root = Location::parse("http://127.0.0.1:9/a/", dir).unwrap();
        let base = "https://a.example.gov.vn/pbgdpl/";
        assert_eq!(
            rebase(
                "https://a.example.gov.vn/pbgdpl/archive/2/feed.json",
                base,
                &root
            )
            .unwrap()
            .to_string(),
            "http://127.0.0.1:9/a/archive/2/feed.json"
        );
        assert_eq!(
            rebase("https://elsewhere.example/feed.json", base, &root)
                .unwrap()
                .to_string(),
            "https://elsewhere.example/feed.json"
        );
        let local = f.parent();
        assert_eq!(
            rebase("https://a.example.gov.vn/pbgdpl/feed.json", base, &local)
                .unwrap()
                .to_string(),
            "/srv/hub/sites/a/feed.json"
        );
        assert!(local.join("../../etc/passwd").is_err());
        assert!(local.join("%2e%2e/x").is_err());
    }
}
