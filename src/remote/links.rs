//! Which addresses the hub publishes and which it follows.
//!
//! - **Published addresses** (an entry's `url`, an item's `url`, an
//!   attachment's `url`): `http://` or `https://` only, on the section's
//!   own host and port, under its `base_url` path, without user name or
//!   password ([`under`]). `javascript:`, `data:`, another host (a
//!   phishing copy) are refused.
//! - **Links the hub follows** (`feeds.json`, `next_url`): an address
//!   under the section's `base_url` is read from the same relative place
//!   under the directory the snapshot was read from (a local build, a
//!   mirror, a test server); an address under one of the source's own
//!   directories is read as it is; anything else — another host, an
//!   internal address, `file:` — is refused ([`follow`]). A server's
//!   redirect is followed only to the same host and port, under the same
//!   directory, over the same scheme or from http to https ([`redirect`]).
//! - **Relative paths** ([`relative_segments`]) cannot climb: no `..`, no
//!   absolute path, no backslash, and no percent-encoded `/`, `\`, `.` or
//!   NUL that a server or the file system would decode into one.

use percent_encoding::percent_decode_str;
use url::Url;

use super::fetch::Location;
use super::reason::{Link, Reason};
use crate::i18n::Message;
use crate::msg;

/// Whether `url` may be published as a link at all: `http://` or
/// `https://`, with a host, without user name or password. What the hub
/// keeps of an author's or a document's address, and what a section shows
/// of an upstream item's.
pub fn web_address(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(|h| !h.is_empty())
        && url.username().is_empty()
        && url.password().is_none()
}

/// Checks the address of a feed to fetch, as written in `site.toml`
/// (`[[upstream.sources]] url`): a [`web_address`]; says why not.
pub fn feed_address(text: &str) -> Result<String, Message> {
    let url = Url::parse(text.trim()).map_err(|e| match e {
        url::ParseError::RelativeUrlWithoutBase => msg!("url-no-scheme"),
        e => msg!("url-invalid", detail = e.to_string()),
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(msg!("url-scheme", scheme = url.scheme()));
    }
    if !web_address(&url) {
        return Err(msg!("location-no-host"));
    }
    Ok(url.to_string())
}

/// Whether `address` is an http(s) address on the host and port of
/// `base_url`, under its path.
pub fn under(address: &str, base_url: &str) -> bool {
    let (Ok(url), Ok(base)) = (Url::parse(address), Url::parse(base_url)) else {
        return false;
    };
    inside(&url, &base, false)
}

/// `url` inside `dir`: http(s), no credentials, the same host, under
/// `dir`'s directory path, and on the same port. The schemes must be
/// equal, except that a published address may mix http and https on their
/// default ports, and a `redirect` may go from http to https (on the
/// default ports).
fn inside(url: &Url, dir: &Url, redirect: bool) -> bool {
    let web = |u: &Url| matches!(u.scheme(), "http" | "https");
    if !web(url) || !web(dir) || !url.username().is_empty() || url.password().is_some() {
        return false;
    }
    let same_host = url
        .host_str()
        .zip(dir.host_str())
        .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b));
    let same_port = if url.scheme() == dir.scheme() {
        url.port() == dir.port()
    } else {
        let default_ports = url.port().is_none() && dir.port().is_none();
        default_ports && (!redirect || (dir.scheme() == "http" && url.scheme() == "https"))
    };
    let dir_path = match dir.path().rfind('/') {
        Some(i) => &dir.path()[..=i],
        None => "/",
    };
    same_host && same_port && url.path().starts_with(dir_path)
}

/// Whether a server's redirect to `to` may be followed for a document of
/// a source whose directory is `scope`: same host and port, under the
/// directory, the same scheme or http → https.
pub fn redirect(to: &Url, scope: &Url) -> bool {
    inside(to, scope, true)
}

/// The segments of a relative path, decoded, if none of them climbs or
/// hides a separator.
pub fn relative_segments(relative: &str) -> Option<Vec<String>> {
    if relative.starts_with('/') || relative.contains('\\') {
        return None;
    }
    let mut out = Vec::new();
    for raw in relative.split('/') {
        let decoded = percent_decode_str(raw).collect::<Vec<u8>>();
        let decoded = String::from_utf8(decoded).ok()?;
        let dots = !decoded.is_empty() && decoded.chars().all(|c| c == '.');
        if decoded.contains(['/', '\\', '\0']) || (dots && raw != ".") {
            return None;
        }
        if decoded.is_empty() || decoded == "." {
            continue;
        }
        out.push(decoded);
    }
    Some(out)
}

/// Where to fetch a link found in an agency's data: see the module
/// documentation. `root` is the directory the snapshot was read from,
/// `scopes` the source's own directories (from `sources.toml`).
pub fn follow(
    link: &str,
    kind: Link,
    base_url: &str,
    root: &Location,
    scopes: &[Location],
) -> Result<Location, Reason> {
    let url = Url::parse(link).map_err(|_| Reason::LinkNotAddress { link: kind })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Reason::LinkNotAddress { link: kind });
    }
    let outside = Reason::LinkOutside { link: kind };
    if let Ok(base) = Url::parse(base_url)
        && inside(&url, &base, false)
    {
        // The rest of the path, as published (still percent-encoded).
        let rest = &url.path()[base.path().len()..];
        let mut rest = rest.to_string();
        if let Some(q) = url.query() {
            rest.push('?');
            rest.push_str(q);
        }
        return root.join(&rest).map_err(|_| outside);
    }
    for scope in scopes {
        if let Location::Url(dir) = scope
            && inside(&url, dir, true)
        {
            return Ok(Location::Url(url));
        }
    }
    Err(outside)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const BASE: &str = "https://stc.example.gov.vn/pbgdpl/";

    #[test]
    fn published_addresses_stay_in_the_section() {
        for ok in [
            "https://stc.example.gov.vn/pbgdpl/tin-tuc/a/",
            "http://stc.example.gov.vn/pbgdpl/x",
            "https://STC.example.gov.vn/pbgdpl/x#y",
        ] {
            assert!(under(ok, BASE), "{ok}");
        }
        for bad in [
            "javascript:alert(5)",
            "data:text/html,<script>alert(1)</script>",
            "https://stc.example.gov.vn/other/",
            "https://stc.example.gov.vn/pbgdpl/../admin/",
            "https://stc.example.gov.vn/pbgdpl/%2e%2e/admin/",
            "https://evil.example/pbgdpl/x",
            "https://stc.example.gov.vn.evil.example/pbgdpl/x",
            "https://stc.example.gov.vn:8443/pbgdpl/x",
            "https://user:pw@stc.example.gov.vn/pbgdpl/x",
            "file:///etc/passwd",
            "/pbgdpl/x",
            "",
        ] {
            assert!(!under(bad, BASE), "{bad}");
        }
    }

    #[test]
    fn links_are_followed_only_inside_the_source() {
        let dir = Path::new("/srv/hub");
        let root = Location::parse("http://127.0.0.1:9/a/", dir).unwrap();
        let scopes = [root.clone()];
        let f = |link: &str| follow(link, Link::NextUrl, BASE, &root, &scopes);
        assert_eq!(
            f("https://stc.example.gov.vn/pbgdpl/archive/2026-03/feed.json")
                .unwrap()
                .to_string(),
            "http://127.0.0.1:9/a/archive/2026-03/feed.json"
        );
        // The mirror's own addresses.
        assert_eq!(
            f("http://127.0.0.1:9/a/archive/x/feed.json")
                .unwrap()
                .to_string(),
            "http://127.0.0.1:9/a/archive/x/feed.json"
        );
        for bad in [
            "http://127.0.0.3:9300/secret.txt",
            "http://127.0.0.1:9/b/feed.json",
            "http://127.0.0.1:10/a/feed.json",
            "https://stc.example.gov.vn/other/feed.json",
            "https://stc.example.gov.vn/pbgdpl/%2e%2e/%2e%2e/secret",
            "https://stc.example.gov.vn/pbgdpl/a%2F..%2F..%2Fsecret",
        ] {
            assert_eq!(
                f(bad),
                Err(Reason::LinkOutside {
                    link: Link::NextUrl
                }),
                "{bad}"
            );
        }
        for bad in ["file:///etc/passwd", "javascript:x", "not a link"] {
            assert_eq!(
                f(bad),
                Err(Reason::LinkNotAddress {
                    link: Link::NextUrl
                }),
                "{bad}"
            );
        }
        // A local build: paths stay in its directory.
        let local = Location::parse("/srv/a/", dir).unwrap();
        let g = |link: &str| follow(link, Link::FeedsJson, BASE, &local, &[]);
        assert_eq!(
            g("https://stc.example.gov.vn/pbgdpl/feed.json")
                .unwrap()
                .to_string(),
            "/srv/a/feed.json"
        );
        for bad in [
            "https://stc.example.gov.vn/pbgdpl/%2Fetc%2Fpasswd",
            "https://stc.example.gov.vn/pbgdpl/schemas%2F..%2F..%2Fx",
            "https://stc.example.gov.vn/pbgdpl/%2e%2e/x",
            "https://stc.example.gov.vn/pbgdpl/a%00b",
            "https://stc.example.gov.vn/pbgdpl/a%5C..%5Cb",
        ] {
            assert!(g(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn redirects_stay_on_the_host_and_under_the_directory() {
        let scope = Url::parse("http://a.example/pbgdpl/").unwrap();
        let ok = |s: &str| redirect(&Url::parse(s).unwrap(), &scope);
        assert!(ok("http://a.example/pbgdpl/sync.json"));
        assert!(ok("https://a.example/pbgdpl/sync.json"));
        assert!(!ok("http://a.example/other/sync.json"));
        assert!(!ok("http://b.example/pbgdpl/sync.json"));
        assert!(!ok("http://a.example:8080/pbgdpl/sync.json"));
        assert!(!ok("file:///etc/passwd"));
        let secure = Url::parse("https://a.example/pbgdpl/").unwrap();
        assert!(!redirect(
            &Url::parse("http://a.example/pbgdpl/x").unwrap(),
            &secure
        ));
    }

    #[test]
    fn relative_paths_cannot_climb() {
        assert_eq!(
            relative_segments("archive/2026-03/feed.json").unwrap(),
            ["archive", "2026-03", "feed.json"]
        );
        assert_eq!(
            relative_segments("t%C3%A0i%20li%E1%BB%87u.json").unwrap(),
            ["tài liệu.json"]
        );
        for bad in [
            "../x",
            "a/../../x",
            "%2e%2e/x",
            "%2E%2E/x",
            "a%2Fb",
            "%2Fetc%2Fpasswd",
            "a%5Cb",
            "a%00",
            "/etc/passwd",
            "a\\b",
            "...",
        ] {
            assert!(relative_segments(bad).is_none(), "{bad}");
        }
    }
}
