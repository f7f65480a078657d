//! What every page of the hub may show (its settings, addresses and
//! interface strings), and the hub as a [`Kind`] of site for the build
//! loop: its renderers plan their jobs from a [`Hub`] and render them from
//! a [`HubCommon`] and the job's view, like a section's.

use tera::Context;

use crate::config::{NATIONAL_LINKS, Province};
use crate::fingerprint::Fingerprint;
use crate::i18n::{self, Lang, Strings};
use crate::output::Kind;
use crate::render::context::{BaseValues, PageView, Publisher, SiteView};
use crate::routes::{AGENCIES_PATH, REPORT_PATH, STATUS_PATH, Urls};

use super::super::sources::HubConfig;
use super::Hub;

/// The hub as a kind of site: renderers of `Renderer<HubSite>` plan from a
/// [`Hub`] and render from its [`HubCommon`].
pub struct HubSite;

impl Kind for HubSite {
    type Input<'p> = Hub<'p>;
    type Common<'p> = HubCommon<'p>;

    fn common<'p>(input: &'p Hub<'p>) -> &'p HubCommon<'p> {
        &input.common
    }

    fn fingerprint(common: &HubCommon<'_>) -> u64 {
        common.fingerprint
    }
}

/// What every page of the hub may show: `sources.toml`'s `[hub]`, the
/// addresses, the interface strings. Its `fingerprint` covers all of it.
#[derive(Debug)]
pub struct HubCommon<'a> {
    /// `sources.toml`.
    pub config: &'a HubConfig,
    /// The hub's language.
    pub lang: Lang,
    /// The banner's province: the hub itself.
    pub province: Province,
    /// Addresses of paths.
    pub urls: Urls,
    /// Path prefix of internal links (`/` or `/pbgdpl/`).
    pub base_path: String,
    /// Interface strings.
    pub strings: Strings,
    /// Fingerprint of the program's version and `sources.toml`, which
    /// everything above comes from.
    pub fingerprint: u64,
    /// `site`, `t` and `nav` as Tera values, made on first use.
    base_values: BaseValues,
}

impl<'a> HubCommon<'a> {
    /// The common part of the hub configured by `config`.
    pub fn new(config: &'a HubConfig) -> Self {
        let c = &config.hub;
        let base_path = url::Url::parse(&c.base_url)
            .map(|u| u.path().to_string())
            .unwrap_or_else(|_| "/".into());
        Self {
            config,
            lang: c.language,
            province: Province {
                name: c.title.clone(),
                url: c.base_url.clone(),
                justice_url: None,
            },
            urls: Urls::new(&c.base_url, &base_path),
            fingerprint: Fingerprint::new()
                .bytes(env!("CARGO_PKG_VERSION"))
                .bytes(&config.text)
                .bytes(&base_path)
                .finish(),
            base_path,
            strings: i18n::builtin(c.language),
            base_values: BaseValues::default(),
        }
    }

    /// Absolute path of a hub-relative path.
    pub fn url(&self, path: &str) -> String {
        self.urls.url(path)
    }

    /// Full URL of a hub-relative path.
    pub fn permalink(&self, path: &str) -> String {
        self.urls.permalink(path)
    }

    /// A string of the interface.
    pub fn t(&self, key: &str) -> String {
        self.strings.get(key).cloned().unwrap_or_default()
    }

    /// `site`: the section's, published by the hub. The hub links to each
    /// agency's tags, never to a list of its own, and its pages run no
    /// script, not even data: it shows what agencies send
    /// (tests/hostile_hub.rs).
    fn site_view(&self) -> SiteView<'_> {
        let c = &self.config.hub;
        let by = Publisher {
            title: &c.title,
            description: c.description.as_deref(),
            agency: &c.agency,
            province: &self.province,
        };
        let links = NATIONAL_LINKS
            .iter()
            .map(|&(_, _, vi, en, url)| (vi, en, url));
        SiteView::new(by, &self.urls, self.lang, links)
    }

    /// The context every hub page starts from: the section theme's `site`,
    /// `t`, `nav` and `page`, plus `extra_nav` (the agencies and the
    /// status page, the report; `current` is the one shown, if any).
    pub fn base_context(&self, page: &PageView, current: Option<&str>) -> Context {
        let mut ctx = self.base_values.context(
            || self.site_view(),
            &self.strings,
            self.lang,
            &self.urls,
            page,
        );
        let extra = [
            (AGENCIES_PATH, "hub_agencies"),
            (STATUS_PATH, "hub_status"),
            (REPORT_PATH, "report"),
        ]
        .iter()
        .map(|(path, key)| ExtraNav {
            label: self.t(key),
            url: self.url(path),
            current: current == Some(*path),
        })
        .collect::<Vec<_>>();
        ctx.insert("extra_nav", &extra);
        ctx
    }
}

/// An extra navigation link (agencies, status).
#[derive(Debug, serde::Serialize)]
struct ExtraNav {
    label: String,
    url: String,
    current: bool,
}
