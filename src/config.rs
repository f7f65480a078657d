//! `site.toml`: the agency, its province, and how the section is published.

use std::path::Path;

use serde::Serialize;
use url::Url;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::fields::{self, Fields, Key};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::source::SourceFile;

/// The file name of a site's configuration.
pub const FILE_NAME: &str = "site.toml";

/// The agency that runs the section.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Agency {
    /// Full name (`Sở Tài chính tỉnh Nghệ An`).
    pub name: String,
    /// The agency's main portal.
    pub url: String,
    /// Postal address, shown in the footer.
    pub address: Option<String>,
    /// Office telephone, shown in the footer.
    pub phone: Option<String>,
    /// Office e-mail, shown in the footer.
    pub email: Option<String>,
    /// The agency's official channels (Facebook page, Zalo Official
    /// Account, YouTube channel), linked from the footer with `rel="me"`
    /// and named in its schema.org `sameAs`.
    pub channels: Channels,
}

/// The official channels of an agency (`facebook`, `zalo`, `youtube` of
/// `[agency]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Channels {
    /// Facebook page.
    pub facebook: Option<String>,
    /// Zalo Official Account.
    pub zalo: Option<String>,
    /// YouTube channel.
    pub youtube: Option<String>,
}

impl Channels {
    /// The channels set, with their names: `("Facebook", url)`…
    pub fn list(&self) -> Vec<(&'static str, &str)> {
        [
            ("Facebook", &self.facebook),
            ("Zalo", &self.zalo),
            ("YouTube", &self.youtube),
        ]
        .into_iter()
        .filter_map(|(name, url)| url.as_deref().map(|u| (name, u)))
        .collect()
    }
}

/// The province whose PBGDPL site every page's uniform banner links to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Province {
    /// Name of the provincial PBGDPL site.
    pub name: String,
    /// Its address.
    pub url: String,
    /// The portal of the province's Sở Tư pháp (Department of Justice),
    /// which every section links to (`[province] justice_url`), when the
    /// section names it. Always `https://`.
    pub justice_url: Option<String>,
}

/// One of the national legal information systems linked from every page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct NationalLink {
    /// Key in `[national_links]`.
    pub key: &'static str,
    /// Official Vietnamese name.
    pub name_vi: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Address (default or configured).
    pub url: String,
}

/// The national systems, in display order: key, alias, Vietnamese name,
/// English name, default address.
pub const NATIONAL_LINKS: [(&str, &str, &str, &str, &str); 5] = [
    (
        "legal_documents",
        "csdl_van_ban",
        "Cơ sở dữ liệu quốc gia về văn bản pháp luật",
        "National database of legal documents",
        "https://vbpl.vn",
    ),
    (
        "codification",
        "phap_dien",
        "Cổng thông tin điện tử Pháp điển",
        "Codified law portal (Pháp điển)",
        "https://phapdien.moj.gov.vn",
    ),
    (
        "gazette",
        "cong_bao",
        "Công báo điện tử",
        "Official Gazette",
        "https://congbao.chinhphu.vn",
    ),
    (
        "bookshelf",
        "tu_sach",
        "Tủ sách pháp luật điện tử quốc gia",
        "National electronic legal bookshelf",
        "https://tusachphapluat.vn",
    ),
    (
        "national_portal",
        "cong_pbgdpl",
        "Cổng thông tin điện tử PBGDPL quốc gia",
        "National legal dissemination portal",
        "https://pbgdpl.gov.vn",
    ),
];

/// The editorial workflow settings (`[workflow]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Workflow {
    /// Warn on approved entries without an `approver`.
    pub require_approver: bool,
}

/// The feed settings (`[feeds]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Feeds {
    /// How many entries the subscription feeds carry (site-wide and per
    /// category); older entries are in archive documents.
    pub limit: usize,
}

/// The default of `[feeds] limit`.
pub const DEFAULT_FEED_LIMIT: usize = 50;

/// The largest accepted `[feeds] limit`.
pub const MAX_FEED_LIMIT: usize = 1000;

impl Default for Feeds {
    fn default() -> Self {
        Self {
            limit: DEFAULT_FEED_LIMIT,
        }
    }
}

/// The feeds whose latest items the section shows (`[upstream]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Upstream {
    /// The time all the feeds together may take to fetch, in seconds.
    pub timeout_seconds: u64,
    /// The feeds, in the order of `site.toml`.
    pub feeds: Vec<UpstreamFeed>,
}

impl Default for Upstream {
    fn default() -> Self {
        Self {
            timeout_seconds: DEFAULT_UPSTREAM_TIMEOUT,
            feeds: Vec::new(),
        }
    }
}

/// One upstream feed (`[[upstream.sources]]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct UpstreamFeed {
    /// Its address: a JSON Feed, Atom or RSS document over http(s).
    pub url: String,
    /// The block's title; default: the feed's own.
    pub title: Option<String>,
    /// How many of its items are shown.
    pub limit: usize,
    /// Where its `url` is written in `site.toml` (bytes), for warnings.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
}

/// The default of `[upstream] timeout_seconds`.
pub const DEFAULT_UPSTREAM_TIMEOUT: u64 = 5;
/// The largest `[upstream] timeout_seconds`.
pub const MAX_UPSTREAM_TIMEOUT: u64 = 60;
/// The default of `limit` in `[[upstream.sources]]`.
pub const DEFAULT_UPSTREAM_LIMIT: usize = 5;
/// The largest `limit` in `[[upstream.sources]]`.
pub const MAX_UPSTREAM_LIMIT: usize = 20;
/// The most feeds `[upstream]` may name.
pub const MAX_UPSTREAM_FEEDS: usize = 10;

/// A site's configuration, read from `site.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Config {
    /// Title of the section (`Chuyên mục Phổ biến, giáo dục pháp luật`).
    pub title: String,
    /// Where the section is published, always ending in `/`.
    pub base_url: String,
    /// Interface language.
    pub language: Lang,
    /// Short description for search engines and feeds.
    pub description: Option<String>,
    /// Entries per category page.
    pub entries_per_page: usize,
    /// Entries per category on the home page.
    pub home_entries_per_category: usize,
    /// The agency.
    pub agency: Agency,
    /// The province (uniform banner target).
    pub province: Province,
    /// National systems linked from every page.
    pub national_links: Vec<NationalLink>,
    /// Editorial workflow settings.
    pub workflow: Workflow,
    /// Feed settings.
    pub feeds: Feeds,
    /// The feeds whose latest items the section shows.
    pub upstream: Upstream,
}

const TITLE: Key = Key::new("title", "tieu_de");
const BASE_URL: Key = Key::new("base_url", "dia_chi_trang");
const LANGUAGE: Key = Key::new("language", "ngon_ngu");
const DESCRIPTION: Key = Key::new("description", "mo_ta");
const PER_PAGE: Key = Key::new("entries_per_page", "so_bai_moi_trang");
const HOME_PER_CAT: Key = Key::new("home_entries_per_category", "so_bai_trang_chu");
pub(crate) const AGENCY: Key = Key::new("agency", "co_quan");
const PROVINCE: Key = Key::new("province", "tinh");
pub(crate) const NAME: Key = Key::new("name", "ten");
pub(crate) const URL: Key = Key::new("url", "url");
pub(crate) const ADDRESS: Key = Key::new("address", "dia_chi");
pub(crate) const PHONE: Key = Key::new("phone", "dien_thoai");
pub(crate) const EMAIL: Key = Key::new("email", "email");
const JUSTICE_URL: Key = Key::new("justice_url", "cong_so_tu_phap");
const FACEBOOK: Key = Key::new("facebook", "facebook");
const ZALO: Key = Key::new("zalo", "zalo");
const YOUTUBE: Key = Key::new("youtube", "youtube");
const LINKS: Key = Key::new("national_links", "lien_ket_quoc_gia");
const WORKFLOW: Key = Key::new("workflow", "quy_trinh");
const REQUIRE_APPROVER: Key = Key::new("require_approver", "bat_buoc_nguoi_duyet");
const FEEDS: Key = Key::new("feeds", "nguon_tin");
const FEED_LIMIT: Key = Key::new("limit", "so_bai");
const UPSTREAM: Key = Key::new("upstream", "tin_cap_tren");
const UPSTREAM_TIMEOUT: Key = Key::new("timeout_seconds", "so_giay_cho");
const UPSTREAM_FEEDS: Key = Key::new("sources", "nguon");

impl Config {
    /// Reads and checks `root/site.toml`. Every problem is pushed to `diags`;
    /// `None` means the configuration is unusable.
    pub fn load(root: &Path, diags: &mut Diagnostics) -> Result<Option<Config>, Error> {
        if !root.join(FILE_NAME).is_file() {
            return Err(Error::NotASite(root.to_path_buf()));
        }
        let source = SourceFile::read(root, FILE_NAME)?;
        Ok(Self::parse(&source, diags))
    }

    /// Parses an in-memory `site.toml`.
    pub fn parse(source: &SourceFile, diags: &mut Diagnostics) -> Option<Config> {
        let table = fields::parse(source, &source.text, 0, diags);
        let mut f = Fields::new(source, &table, 0, "");
        let before = diags.error_count();

        let title = f.required_text(TITLE, msg!("what-site-title"));
        let base_url = f.required_text(BASE_URL, msg!("what-base-url"));
        let base_url = base_url.and_then(|u| match normalize_base_url(&u.value) {
            Ok(url) => Some(url),
            Err(why) => {
                f.error_at(
                    "bad-url",
                    u.span,
                    msg!("bad-base-url", key = "base_url", why = why),
                    msg!("bad-base-url-help"),
                );
                None
            }
        });
        let language = match f.text(LANGUAGE) {
            None => Some(Lang::Vi),
            Some(l) => {
                let lang = Lang::parse(&l.value);
                if lang.is_none() {
                    f.error_at(
                        "unknown-value",
                        l.span,
                        msg!("bad-language", value = &l.value),
                        msg!("bad-language-help"),
                    );
                }
                lang
            }
        };
        let description = f.text(DESCRIPTION).map(|d| d.value);
        let entries_per_page = positive(&mut f, PER_PAGE, 10);
        let home_entries_per_category = positive(&mut f, HOME_PER_CAT, 4);

        let agency = read_agency(&mut f);
        let province = read_province(&mut f);
        let national_links = read_links(&mut f);
        let workflow = match f.table(WORKFLOW) {
            Some(mut w) => {
                let require_approver = w.boolean(REQUIRE_APPROVER).is_some_and(|b| b.value);
                f.absorb(w);
                Workflow { require_approver }
            }
            None => Workflow::default(),
        };

        let feeds = read_feeds(&mut f);
        let upstream = read_upstream(&mut f);

        diags.extend(f.finish(|_| None));
        if diags.error_count() > before {
            return None;
        }
        Some(Config {
            title: title?.value,
            base_url: base_url?,
            language: language?,
            description,
            entries_per_page,
            home_entries_per_category,
            agency: agency?,
            province: province?,
            national_links,
            workflow,
            feeds,
            upstream,
        })
    }

    /// The path part of `base_url` (`/` or `/pbgdpl/`), prefixed to every
    /// internal link so the site works under a sub-path.
    pub fn base_path(&self) -> String {
        Url::parse(&self.base_url)
            .map(|u| u.path().to_string())
            .unwrap_or_else(|_| "/".to_string())
    }

    /// Replaces `base_url` (e.g. from `--base-url`).
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Error> {
        self.base_url = normalize_base_url(url)
            .map_err(|why| Error::Usage(msg!("bad-base-url-option", url = url, why = why)))?;
        Ok(())
    }
}

/// Checks a base URL and makes sure it ends with `/`; says why not.
pub fn normalize_base_url(text: &str) -> Result<String, Message> {
    let mut url = Url::parse(text.trim()).map_err(|e| match e {
        url::ParseError::RelativeUrlWithoutBase => msg!("url-no-scheme"),
        e => msg!("url-invalid", detail = e.to_string()),
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(msg!("url-scheme", scheme = url.scheme()));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(msg!("url-query"));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url.to_string())
}

fn positive(f: &mut Fields<'_>, key: Key, default: usize) -> usize {
    match f.integer(key) {
        None => default,
        Some(n) if n.value >= 1 => usize::try_from(n.value).unwrap_or(default),
        Some(n) => {
            let name = f.display(key);
            f.error_at(
                "bad-number",
                n.span,
                msg!("number-at-least-one", key = name),
                msg!("number-default-help", default = default),
            );
            default
        }
    }
}

fn read_feeds(f: &mut Fields<'_>) -> Feeds {
    let Some(mut t) = f.table(FEEDS) else {
        return Feeds::default();
    };
    let limit = match t.integer(FEED_LIMIT) {
        None => DEFAULT_FEED_LIMIT,
        Some(n) => match usize::try_from(n.value) {
            Ok(v) if (1..=MAX_FEED_LIMIT).contains(&v) => v,
            _ => {
                let name = t.display(FEED_LIMIT);
                t.error_at(
                    "bad-number",
                    n.span,
                    msg!("number-between", key = name, max = MAX_FEED_LIMIT),
                    msg!("feed-limit-help", default = DEFAULT_FEED_LIMIT),
                );
                DEFAULT_FEED_LIMIT
            }
        },
    };
    f.absorb(t);
    Feeds { limit }
}

/// A whole number of `key` between `min` and `max`, else `default` (and
/// an error at the value).
fn bounded(f: &mut Fields<'_>, key: Key, max: u64, default: u64) -> u64 {
    match f.integer(key) {
        None => default,
        Some(n) => match u64::try_from(n.value) {
            Ok(v) if (1..=max).contains(&v) => v,
            _ => {
                let name = f.display(key);
                f.error_at(
                    "bad-number",
                    n.span,
                    msg!("number-between", key = name, max = max),
                    msg!("number-default-help", default = default),
                );
                default
            }
        },
    }
}

fn read_upstream(f: &mut Fields<'_>) -> Upstream {
    let Some(mut t) = f.table(UPSTREAM) else {
        return Upstream::default();
    };
    let timeout_seconds = bounded(
        &mut t,
        UPSTREAM_TIMEOUT,
        MAX_UPSTREAM_TIMEOUT,
        DEFAULT_UPSTREAM_TIMEOUT,
    );
    let mut feeds = Vec::new();
    for mut item in t.table_list(UPSTREAM_FEEDS) {
        let url = match item.text(URL) {
            Some(u) => match crate::remote::links::feed_address(&u.value) {
                Ok(url) => Some((url, u.span)),
                Err(why) => {
                    let key = item.display(URL);
                    item.error_at(
                        "bad-url",
                        u.span,
                        msg!("bad-upstream-url", key = key, why = why),
                        msg!("bad-upstream-url-help"),
                    );
                    None
                }
            },
            None => {
                let key = item.display(URL);
                item.missing(
                    URL,
                    "missing-key",
                    msg!("key-missing", key = key, what = msg!("what-upstream-url")),
                    msg!("bad-upstream-url-help"),
                );
                None
            }
        };
        let title = item.text(TITLE).map(|t| t.value);
        let limit = bounded(
            &mut item,
            FEED_LIMIT,
            MAX_UPSTREAM_LIMIT as u64,
            DEFAULT_UPSTREAM_LIMIT as u64,
        ) as usize;
        let span = item.span();
        t.absorb(item);
        if let Some((url, url_span)) = url {
            if feeds.len() == MAX_UPSTREAM_FEEDS {
                t.error_at(
                    "too-many",
                    span,
                    msg!("upstream-too-many", max = MAX_UPSTREAM_FEEDS),
                    msg!("upstream-too-many-help"),
                );
            } else {
                feeds.push(UpstreamFeed {
                    url,
                    title,
                    limit,
                    span: url_span,
                });
            }
        }
    }
    f.absorb(t);
    Upstream {
        timeout_seconds,
        feeds,
    }
}

fn read_agency(f: &mut Fields<'_>) -> Option<Agency> {
    let Some(mut a) = f.table(AGENCY) else {
        missing_table(
            f,
            "agency",
            "[agency]\nname = \"Sở Tài chính tỉnh …\"\nurl = \"https://…\"",
        );
        return None;
    };
    let agency = agency_keys(
        &mut a,
        "agency",
        msg!("what-agency-name"),
        msg!("what-agency-url"),
    );
    f.absorb(a);
    Some(agency)
}

/// Reads the keys of an agency's table: `[agency]` of `site.toml`, or
/// `[hub.agency]` of the aggregator's `sources.toml`. `path` names the
/// table in messages; `name_help` says what the name is, `portal` what
/// the URL is.
pub(crate) fn agency_keys(
    a: &mut Fields<'_>,
    path: &str,
    name_help: impl Into<Message>,
    portal: impl Into<Message>,
) -> Agency {
    let name = a.required_text(NAME, name_help);
    let url = a.url(URL);
    if url.is_none() {
        a.missing(
            URL,
            "missing-key",
            msg!(
                "key-missing",
                key = format!("{path}.url"),
                what = portal.into()
            ),
            msg!("url-missing-help", table = path),
        );
    }
    Agency {
        name: name.map(|n| n.value).unwrap_or_default(),
        url: url.map(|u| u.value).unwrap_or_default(),
        address: a.text(ADDRESS).map(|v| v.value),
        phone: a.text(PHONE).map(|v| v.value),
        email: a.text(EMAIL).map(|v| v.value),
        channels: Channels {
            facebook: a.url(FACEBOOK).map(|v| v.value),
            zalo: a.url(ZALO).map(|v| v.value),
            youtube: a.url(YOUTUBE).map(|v| v.value),
        },
    }
}

fn read_province(f: &mut Fields<'_>) -> Option<Province> {
    let Some(mut p) = f.table(PROVINCE) else {
        missing_table(
            f,
            "province",
            "[province]\nname = \"Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh …\"\nurl = \"https://…\"",
        );
        return None;
    };
    let name = p.required_text(NAME, msg!("what-province-name"));
    let url = p.url(URL);
    if url.is_none() {
        p.missing(
            URL,
            "missing-key",
            msg!(
                "key-missing",
                key = "province.url",
                what = msg!("what-province-url")
            ),
            msg!("url-missing-help", table = "province"),
        );
    }
    let justice_url = read_justice_url(&mut p);
    let province = Province {
        name: name.map(|n| n.value).unwrap_or_default(),
        url: url.map(|u| u.value).unwrap_or_default(),
        justice_url,
    };
    f.absorb(p);
    Some(province)
}

/// `[province] justice_url`: the Sở Tư pháp's portal, an `https://`
/// address (a government portal has no reason to be served in clear).
fn read_justice_url(p: &mut Fields<'_>) -> Option<String> {
    let u = p.text(JUSTICE_URL)?;
    match https_url(&u.value) {
        Ok(url) => Some(url),
        Err(why) => {
            let key = p.display(JUSTICE_URL);
            p.error_at(
                "bad-url",
                u.span,
                msg!("bad-justice-url", key = key, why = why),
                msg!("bad-justice-url-help"),
            );
            None
        }
    }
}

/// Checks that `text` is a whole `https://` address; says why not.
pub fn https_url(text: &str) -> Result<String, Message> {
    let url = Url::parse(text.trim()).map_err(|e| match e {
        url::ParseError::RelativeUrlWithoutBase => msg!("url-no-https"),
        e => msg!("url-invalid", detail = e.to_string()),
    })?;
    if url.scheme() != "https" {
        return Err(msg!("url-not-https", scheme = url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(msg!("url-no-https"));
    }
    Ok(url.to_string())
}

fn read_links(f: &mut Fields<'_>) -> Vec<NationalLink> {
    let mut table = f.table(LINKS);
    let links = NATIONAL_LINKS
        .iter()
        .map(|&(key, alias, name_vi, name_en, default)| {
            let url = table
                .as_mut()
                .and_then(|t| t.url(Key::new(key, alias)))
                .map(|u| u.value)
                .unwrap_or_else(|| default.to_string());
            NationalLink {
                key,
                name_vi,
                name_en,
                url,
            }
        })
        .collect();
    if let Some(t) = table {
        f.absorb(t);
    }
    links
}

fn missing_table(f: &mut Fields<'_>, name: &str, example: &str) {
    let d = Diagnostic::error("missing-key", msg!("table-missing", table = name))
        .at(f.source(), 0..0)
        .help(msg!(
            "table-missing-help",
            file = "site.toml",
            example = example
        ));
    f.report(d);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<Config>, Diagnostics) {
        let src = SourceFile::from_text("site.toml", "site.toml".into(), text);
        let mut d = Diagnostics::new();
        (Config::parse(&src, &mut d), d)
    }

    const GOOD: &str = r#"
title = "Chuyên mục PBGDPL"
base_url = "https://portal.example.gov.vn/pbgdpl"
[agency]
name = "Sở Tài chính"
url = "https://stc.example.gov.vn"
[province]
name = "Trang PBGDPL tỉnh"
url = "https://pbgdpl.example.gov.vn"
"#;

    #[test]
    fn reads_a_minimal_config() {
        let (c, d) = parse(GOOD);
        assert!(d.is_empty(), "{}", d.render(false));
        let c = c.unwrap();
        assert_eq!(c.base_url, "https://portal.example.gov.vn/pbgdpl/");
        assert_eq!(c.base_path(), "/pbgdpl/");
        assert_eq!(c.language, Lang::Vi);
        assert_eq!(c.entries_per_page, 10);
        assert_eq!(c.national_links.len(), 5);
        assert_eq!(c.national_links[0].url, "https://vbpl.vn");
    }

    #[test]
    fn feed_limit_has_a_default_an_alias_and_bounds() {
        let (c, _) = parse(GOOD);
        assert_eq!(c.unwrap().feeds.limit, DEFAULT_FEED_LIMIT);
        let (c, d) = parse(&format!("{GOOD}[nguon_tin]\nso_bai = 7\n"));
        assert!(d.is_empty(), "{}", d.render(false));
        assert_eq!(c.unwrap().feeds.limit, 7);
        let (c, d) = parse(&format!("{GOOD}[feeds]\nlimit = 0\n"));
        assert!(c.is_none());
        let out = d.render(false);
        assert!(
            out.contains("mục `feeds.limit` phải từ 1 đến 1000"),
            "{out}"
        );
        assert!(out.contains("site.toml:11:9"), "{out}");
    }

    #[test]
    fn justice_url_is_optional_has_an_alias_and_must_be_https() {
        let (c, _) = parse(GOOD);
        assert_eq!(c.unwrap().province.justice_url, None);
        let with = |line: &str| parse(&format!("{GOOD}{line}\n"));
        let (c, d) = with("cong_so_tu_phap = \"https://stp.example.gov.vn\"");
        assert!(d.is_empty(), "{}", d.render(false));
        assert_eq!(
            c.unwrap().province.justice_url.as_deref(),
            Some("https://stp.example.gov.vn/")
        );
        for bad in [
            "justice_url = \"http://stp.example.gov.vn\"",
            "justice_url = \"stp.example.gov.vn\"",
            "justice_url = \"javascript:alert(1)\"",
            "justice_url = \"https://\"",
        ] {
            let (c, d) = with(bad);
            assert!(c.is_none(), "{bad}");
            let out = d.render(false);
            assert!(
                out.contains("mục `province.justice_url` dùng không được"),
                "{out}"
            );
            assert!(out.contains("site.toml:10:15"), "{bad}: {out}");
            assert!(out.contains("https://"), "{out}");
        }
    }

    #[test]
    fn unknown_keys_name_the_line_and_the_closest_key() {
        let (c, d) = parse(&GOOD.replace("title =", "titel ="));
        assert!(c.is_none());
        let out = d.render(false);
        assert!(out.contains("không có mục `titel`"), "{out}");
        assert!(out.contains("site.toml:2:1"), "{out}");
        assert!(out.contains("có phải bạn muốn viết `title`?"), "{out}");
        // The misspelling is reported once, not also as a missing title.
        assert!(!out.contains("thiếu mục `title`"), "{out}");
        assert_eq!(d.error_count(), 1, "{out}");
    }

    #[test]
    fn nested_unknown_keys_get_the_table_prefix() {
        let (_, d) = parse(&GOOD.replace("[province]\nname", "[province]\nnmae"));
        let out = d.render(false);
        assert!(out.contains("không có mục `province.nmae`"), "{out}");
        assert!(out.contains("`province.name`?"), "{out}");
    }
}
