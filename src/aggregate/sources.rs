//! `sources.toml`: the provincial hub (its title, address, the Department
//! of Justice that runs it), how to fetch, and the agencies to aggregate.
//! Read key by key through [`Fields`], like `site.toml`, so every mistake
//! is reported with its line and column and a did-you-mean hint. The
//! format is documented in `docs/aggregate.md`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::config::{
    ADDRESS, AGENCY, Agency, EMAIL, NAME, PHONE, URL, agency_keys, normalize_base_url,
};
use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::error::Error;
use crate::fields::{self, Fields, Key};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::source::SourceFile;
use crate::text::slugify;

use super::fetch::Location;

/// The usual name of the file.
pub const FILE_NAME: &str = "sources.toml";

/// Default entries per page of the combined category lists.
pub const DEFAULT_PER_PAGE: usize = 20;
/// Default newest entries per category on the home and agency pages.
pub const DEFAULT_PER_CATEGORY: usize = 5;
/// Default number of entries in the hub's subscription feeds.
pub const DEFAULT_FEED_LIMIT: usize = 50;
/// Default time a source may take to answer, in seconds.
pub const DEFAULT_TIMEOUT: u64 = 30;
/// Default time one source may take in all (every document, redirects
/// and retries included), in seconds.
pub const DEFAULT_TOTAL: u64 = 300;
/// Default number of sources fetched at the same time.
pub const DEFAULT_PARALLEL: usize = 8;

/// The whole `sources.toml`.
#[derive(Debug, Clone)]
pub struct HubConfig {
    /// The hub itself (`[hub]`).
    pub hub: Hub,
    /// How sources are fetched (`[fetch]`).
    pub fetch: FetchSettings,
    /// The agencies, in the order written (`[[source]]`).
    pub sources: Vec<SourceConfig>,
    /// The file's text (part of the hub's fingerprint: editing the file
    /// rebuilds the hub).
    pub text: String,
    /// The directory holding the file (relative paths start there; the
    /// hub's template overrides are in its `templates/`).
    pub dir: PathBuf,
}

/// The provincial PBGDPL site the aggregator builds.
#[derive(Debug, Clone)]
pub struct Hub {
    /// Its name, also the title of its pages: the name the agencies'
    /// banners carry (`[province] name` in their `site.toml`).
    pub title: String,
    /// Where it is published, ending in `/` (the agencies' `[province] url`).
    pub base_url: String,
    /// Short description for search engines and feeds.
    pub description: Option<String>,
    /// Interface language.
    pub language: Lang,
    /// Entries per page of the combined category lists.
    pub entries_per_page: usize,
    /// Newest entries per category on the home page and agency pages.
    pub entries_per_category: usize,
    /// Entries in the subscription feeds (older ones are in archives).
    pub feed_limit: usize,
    /// The department that runs the hub (Sở Tư pháp).
    pub agency: Agency,
}

/// `[fetch]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchSettings {
    /// How long one document may take, connection included.
    pub timeout: Duration,
    /// How long one source may take in all.
    pub total: Duration,
    /// How many sources are fetched at the same time.
    pub parallel: usize,
}

/// One agency (`[[source]]`).
#[derive(Debug, Clone)]
pub struct SourceConfig {
    /// Short stable id: the address of its hub page (`co-quan/<id>/`) and
    /// the name of its directory in the state directory.
    pub id: String,
    /// Name shown on the hub.
    pub name: String,
    /// Where its `sync.json` is (given, or next to its `feed.json`).
    pub sync: Location,
    /// Where its `feed.json` is, when given; else the snapshot's
    /// `feeds.json`, fetched relative to where the snapshot was fetched.
    pub feed: Option<Location>,
    /// The directory its published URLs map to: the directory of
    /// `sync.json` (see [`super::accept::links::follow`]).
    pub root: Location,
    /// The address its section is published at, when `sources.toml`
    /// gives it (a mirror, a local build): its snapshot must say that
    /// `base_url` (see [`super::accept::records::own_address`]).
    pub base_url: Option<String>,
}

const HUB: Key = Key::new("hub", "trang_tinh");
const TITLE: Key = Key::new("title", "tieu_de");
const BASE_URL: Key = Key::new("base_url", "dia_chi_trang");
const DESCRIPTION: Key = Key::new("description", "mo_ta");
const LANGUAGE: Key = Key::new("language", "ngon_ngu");
const PER_PAGE: Key = Key::new("entries_per_page", "so_bai_moi_trang");
const PER_CATEGORY: Key = Key::new("entries_per_category", "so_bai_moi_chuyen_muc");
const FEED_LIMIT: Key = Key::new("feed_limit", "so_bai_nguon_tin");
const FETCH: Key = Key::new("fetch", "tai_ve");
const TIMEOUT: Key = Key::new("timeout_seconds", "thoi_gian_cho");
const PARALLEL: Key = Key::new("parallel", "song_song");
const TOTAL: Key = Key::new("total_seconds", "tong_thoi_gian");
const SOURCE: Key = Key::new("source", "nguon");
const ID: Key = Key::new("id", "ma");
const SYNC: Key = Key::new("sync", "dong_bo");
const FEED: Key = Key::new("feed", "nguon_tin");

/// Every key of `sources.toml` (documented in `docs/aggregate.md`, which
/// a test checks against this list).
pub const KEYS: [Key; 22] = [
    HUB,
    TITLE,
    BASE_URL,
    DESCRIPTION,
    LANGUAGE,
    PER_PAGE,
    PER_CATEGORY,
    FEED_LIMIT,
    AGENCY,
    NAME,
    URL,
    ADDRESS,
    PHONE,
    EMAIL,
    FETCH,
    TIMEOUT,
    PARALLEL,
    TOTAL,
    SOURCE,
    ID,
    SYNC,
    FEED,
];

impl HubConfig {
    /// Reads and checks a `sources.toml`. Problems in the file are
    /// diagnostics (all of them, with positions): `Err(Error::Invalid)`.
    pub fn load(path: &Path) -> Result<HubConfig, Error> {
        let bytes = std::fs::read(path).map_err(Error::io(path))?;
        let shown = path.display().to_string();
        let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            path: shown.clone(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        let source = SourceFile::from_text(&shown, path.to_path_buf(), &text);
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut diags = Diagnostics::new();
        match Self::parse(&source, &dir, &mut diags) {
            Some(config) if !diags.has_errors() => Ok(config),
            _ => Err(Error::Invalid(diags)),
        }
    }

    /// Parses an in-memory `sources.toml`; relative paths start at `dir`.
    pub fn parse(source: &SourceFile, dir: &Path, diags: &mut Diagnostics) -> Option<HubConfig> {
        let table = fields::parse(source, &source.text, 0, diags);
        let mut f = Fields::new(source, &table, 0, "");
        let before = diags.error_count();
        let hub = read_hub(&mut f);
        let fetch = read_fetch(&mut f);
        let sources = read_sources(&mut f, dir);
        diags.extend(f.finish(|_| None));
        if diags.error_count() > before {
            return None;
        }
        Some(HubConfig {
            hub: hub?,
            fetch,
            sources,
            text: source.text.clone(),
            dir: dir.to_path_buf(),
        })
    }
}

/// A whole number between 1 and `max`; `what` says what it is.
fn bounded(f: &mut Fields<'_>, key: Key, max: u64, default: u64, what: Message) -> u64 {
    let Some(n) = f.integer(key) else {
        return default;
    };
    match u64::try_from(n.value) {
        Ok(v) if (1..=max).contains(&v) => v,
        _ => {
            let name = f.display(key);
            f.error_at(
                "bad-number",
                n.span,
                msg!("number-between", key = name, max = max.to_string()),
                msg!(
                    "aggregate-number-help",
                    what = what,
                    default = default.to_string()
                ),
            );
            default
        }
    }
}

fn size(f: &mut Fields<'_>, key: Key, default: usize, what: Message) -> usize {
    let n = bounded(f, key, 1000, default as u64, what);
    usize::try_from(n).unwrap_or(default)
}

fn read_hub(f: &mut Fields<'_>) -> Option<Hub> {
    let Some(mut h) = f.table(HUB) else {
        if !f.has(HUB) {
            let d = Diagnostic::error("missing-key", msg!("table-missing", table = "hub"))
                .at(f.source(), 0..0)
                .help(msg!(
                    "table-missing-help",
                    file = FILE_NAME,
                    example = "[hub]\ntitle = \"Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh …\"\nbase_url = \"https://pbgdpl.….gov.vn/\"\n\n[hub.agency]\nname = \"Sở Tư pháp tỉnh …\"\nurl = \"https://stp.….gov.vn\""
                ));
            f.report(d);
        }
        return None;
    };
    let title = h.required_text(TITLE, msg!("aggregate-what-title"));
    let base_url = h
        .required_text(BASE_URL, msg!("aggregate-what-base-url"))
        .and_then(|u| match normalize_base_url(&u.value) {
            Ok(url) => Some(url),
            Err(why) => {
                h.error_at(
                    "bad-url",
                    u.span,
                    msg!("bad-base-url", key = "hub.base_url", why = why.as_str()),
                    msg!("aggregate-hub-base-url-help"),
                );
                None
            }
        });
    let description = h.text(DESCRIPTION).map(|d| d.value);
    let language = match h.text(LANGUAGE) {
        None => Some(Lang::Vi),
        Some(l) => {
            let lang = Lang::parse(&l.value);
            if lang.is_none() {
                h.error_at(
                    "unknown-value",
                    l.span,
                    msg!("bad-language", value = l.value.as_str()),
                    msg!("bad-language-help"),
                );
            }
            lang
        }
    };
    let entries_per_page = size(
        &mut h,
        PER_PAGE,
        DEFAULT_PER_PAGE,
        msg!("aggregate-what-per-page"),
    );
    let entries_per_category = size(
        &mut h,
        PER_CATEGORY,
        DEFAULT_PER_CATEGORY,
        msg!("aggregate-what-per-category"),
    );
    let feed_limit = size(
        &mut h,
        FEED_LIMIT,
        DEFAULT_FEED_LIMIT,
        msg!("aggregate-what-feed-limit"),
    );
    let agency = read_agency(&mut h);
    f.absorb(h);
    Some(Hub {
        title: title?.value,
        base_url: base_url?,
        description,
        language: language?,
        entries_per_page,
        entries_per_category,
        feed_limit,
        agency: agency?,
    })
}

fn read_agency(h: &mut Fields<'_>) -> Option<Agency> {
    let Some(mut a) = h.table(AGENCY) else {
        if !h.has(AGENCY) {
            let at = h.span();
            h.error_at(
                "missing-key",
                at.start..at.start,
                msg!("aggregate-agency-missing"),
                msg!(
                    "aggregate-agency-missing-help",
                    example = "[hub.agency]\nname = \"Sở Tư pháp tỉnh …\"\nurl = \"https://stp.….gov.vn\""
                ),
            );
        }
        return None;
    };
    let agency = agency_keys(
        &mut a,
        "hub.agency",
        msg!("aggregate-what-agency-name"),
        msg!("aggregate-what-agency-url"),
    );
    h.absorb(a);
    Some(agency)
}

fn read_fetch(f: &mut Fields<'_>) -> FetchSettings {
    let Some(mut t) = f.table(FETCH) else {
        return FetchSettings {
            timeout: Duration::from_secs(DEFAULT_TIMEOUT),
            total: Duration::from_secs(DEFAULT_TOTAL),
            parallel: DEFAULT_PARALLEL,
        };
    };
    let timeout = bounded(
        &mut t,
        TIMEOUT,
        600,
        DEFAULT_TIMEOUT,
        msg!("aggregate-what-timeout"),
    );
    let total = bounded(
        &mut t,
        TOTAL,
        3600,
        DEFAULT_TOTAL,
        msg!("aggregate-total-seconds-what"),
    );
    let parallel = bounded(
        &mut t,
        PARALLEL,
        64,
        DEFAULT_PARALLEL as u64,
        msg!("aggregate-what-parallel"),
    );
    f.absorb(t);
    FetchSettings {
        timeout: Duration::from_secs(timeout),
        total: Duration::from_secs(total),
        parallel: usize::try_from(parallel).unwrap_or(DEFAULT_PARALLEL),
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn read_sources(f: &mut Fields<'_>, dir: &Path) -> Vec<SourceConfig> {
    let tables = f.table_list(SOURCE);
    if tables.is_empty() && !f.has(SOURCE) {
        let at = f.span();
        f.error_at(
            "missing-key",
            at.end..at.end,
            msg!("aggregate-no-source"),
            msg!(
                "aggregate-no-source-help",
                example = "[[source]]\nname = \"Sở Tài chính tỉnh …\"\nsync = \"https://stc.….gov.vn/pbgdpl/sync.json\""
            ),
        );
    }
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for mut s in tables {
        let name = s.required_text(NAME, msg!("what-agency-name"));
        let id = match s.nonempty_text(ID, msg!("aggregate-empty-id-help")) {
            Some(id) if valid_id(&id.value) => Some(id),
            Some(id) => {
                s.error_at(
                    "bad-id",
                    id.span.clone(),
                    msg!("aggregate-bad-id", id = id.value.as_str()),
                    msg!("aggregate-bad-id-help", example = slugify(&id.value)),
                );
                None
            }
            None if s.has(ID) => None,
            None => match &name {
                Some(n) if valid_id(&slugify(&n.value)) => Some(crate::fields::Field {
                    value: slugify(&n.value),
                    span: n.span.clone(),
                }),
                Some(n) => {
                    // `name = "---"`: the id would be empty, and the
                    // agency's page would replace the list of agencies.
                    s.error_at(
                        "bad-id",
                        n.span.clone(),
                        msg!("aggregate-name-gives-no-id", name = n.value.as_str()),
                        msg!("aggregate-name-gives-no-id-help"),
                    );
                    None
                }
                None => None,
            },
        };
        let location = |s: &mut Fields<'_>, key: Key| {
            let f = s.nonempty_text(key, msg!("aggregate-empty-location-help"))?;
            match Location::parse(&f.value, dir) {
                Ok(l) => Some(l),
                Err(why) => {
                    let name = s.display(key);
                    s.error_at(
                        "bad-url",
                        f.span,
                        msg!("bad-base-url", key = name, why = why.as_str()),
                        msg!("aggregate-location-help"),
                    );
                    None
                }
            }
        };
        let sync = location(&mut s, SYNC);
        let feed = location(&mut s, FEED);
        let base_url = s
            .nonempty_text(BASE_URL, msg!("aggregate-empty-base-url-help"))
            .and_then(|u| match crate::config::normalize_base_url(&u.value) {
                Ok(url) => Some(url),
                Err(why) => {
                    let name = s.display(BASE_URL);
                    s.error_at(
                        "bad-url",
                        u.span,
                        msg!(
                            "aggregate-source-base-url-unusable",
                            key = name,
                            why = why.as_str()
                        ),
                        msg!("aggregate-source-base-url-help"),
                    );
                    None
                }
            });
        let misspelt = s.present_keys().iter().any(|k| {
            ![SYNC, FEED]
                .iter()
                .any(|key| k == key.name || k == key.alias)
                && closest(k, [SYNC.name, SYNC.alias, FEED.name, FEED.alias]).is_some()
        });
        if !s.has(SYNC) && !s.has(FEED) && !misspelt {
            let at = s.span();
            s.error_at(
                "missing-key",
                at.start..at.start,
                msg!(
                    "aggregate-no-location",
                    name = name.as_ref().map(|n| n.value.as_str()).unwrap_or("")
                ),
                msg!("aggregate-no-location-help"),
            );
        }
        if let Some(id) = &id {
            let line = s.source().position(id.span.start).line;
            if let Some(first) = seen.get(&id.value) {
                s.error_at(
                    "duplicate-id",
                    id.span.clone(),
                    msg!("aggregate-duplicate-id", id = id.value.as_str()),
                    msg!("aggregate-duplicate-id-help", line = first.to_string()),
                );
            } else {
                seen.insert(id.value.clone(), line);
            }
        }
        f.absorb(s);
        let (Some(name), Some(id)) = (name, id) else {
            continue;
        };
        let (sync, root) = match (sync, &feed) {
            (Some(sync), _) => {
                let sync = sync.file_in_dir("sync.json");
                let root = sync.parent();
                (sync, root)
            }
            (None, Some(feed)) => {
                let feed = feed.clone().file_in_dir("feed.json");
                let root = feed.parent();
                (
                    root.join("sync.json").unwrap_or_else(|_| root.clone()),
                    root,
                )
            }
            (None, None) => continue,
        };
        out.push(SourceConfig {
            id: id.value,
            name: name.value,
            sync,
            feed: feed.map(|l| l.file_in_dir("feed.json")),
            root,
            base_url,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<HubConfig>, String) {
        let src = SourceFile::from_text("sources.toml", "sources.toml".into(), text);
        let mut d = Diagnostics::new();
        let c = HubConfig::parse(&src, Path::new("/srv/hub"), &mut d);
        (c, d.render(false))
    }

    const GOOD: &str = r#"
[hub]
title = "Trang PBGDPL tỉnh Thử Nghiệm"
base_url = "https://pbgdpl.example.gov.vn"
[hub.agency]
name = "Sở Tư pháp tỉnh Thử Nghiệm"
url = "https://stp.example.gov.vn"

[[source]]
name = "Sở Tài chính"
sync = "https://stc.example.gov.vn/pbgdpl/sync.json"

[[source]]
ma = "ubnd-a"
ten = "UBND huyện A"
nguon_tin = "sites/a/"
"#;

    #[test]
    fn reads_hub_and_sources_with_aliases_and_defaults() {
        let (c, d) = parse(GOOD);
        assert_eq!(d, "");
        let c = c.unwrap();
        assert_eq!(c.hub.base_url, "https://pbgdpl.example.gov.vn/");
        assert_eq!(c.hub.entries_per_page, DEFAULT_PER_PAGE);
        assert_eq!(c.fetch.timeout, Duration::from_secs(DEFAULT_TIMEOUT));
        assert_eq!(c.sources.len(), 2);
        assert_eq!(c.sources[0].id, "so-tai-chinh");
        assert_eq!(
            c.sources[0].sync.to_string(),
            "https://stc.example.gov.vn/pbgdpl/sync.json"
        );
        assert_eq!(
            c.sources[0].root.to_string(),
            "https://stc.example.gov.vn/pbgdpl/"
        );
        assert_eq!(c.sources[1].id, "ubnd-a");
        assert_eq!(c.sources[1].sync.to_string(), "/srv/hub/sites/a/sync.json");
        assert_eq!(
            c.sources[1].feed.as_ref().unwrap().to_string(),
            "/srv/hub/sites/a/feed.json"
        );
    }

    #[test]
    fn mistakes_have_positions_and_hints() {
        let bad = GOOD
            .replace("sync = \"https", "synk = \"https")
            .replace("ma = \"ubnd-a\"", "ma = \"UBND A\"")
            + "[fetch]\ntimeout_seconds = 0\n";
        let (c, d) = parse(&bad);
        assert!(c.is_none());
        assert!(d.contains("không có mục `source[0].synk`"), "{d}");
        assert!(d.contains("có phải bạn muốn viết `source[0].sync`?"), "{d}");
        // The misspelt key is reported once, not also as a missing one.
        assert!(!d.contains("chưa ghi nơi lấy"), "{d}");
        assert!(
            d.contains("mã định danh \"UBND A\" không dùng làm địa chỉ ngắn được"),
            "{d}"
        );
        assert!(d.contains("id = \"ubnd-a\""), "{d}");
        assert!(
            d.contains("mục `fetch.timeout_seconds` phải từ 1 đến 600"),
            "{d}"
        );
        assert!(d.contains("sources.toml:18:19"), "{d}");
    }

    #[test]
    fn ids_are_unique() {
        let (c, d) = parse(&format!(
            "{GOOD}\n[[source]]\nname = \"Sở Tài Chính\"\nsync = \"x/\"\n"
        ));
        assert!(c.is_none());
        assert!(
            d.contains("hai nguồn cùng mã định danh \"so-tai-chinh\""),
            "{d}"
        );
        assert!(d.contains("nguồn thứ nhất ở dòng 10"), "{d}");
    }
}
