//! What every page of the hub may show (its settings, addresses and
//! interface strings), and the hub as a [`Kind`] of site for the build
//! loop: its renderers plan their jobs from a [`Hub`] and render them from
//! a [`HubCommon`] and the job's view, like a section's.

use std::sync::OnceLock;

use tera::{Context, Value};

use crate::category::CATEGORIES;
use crate::config::{NATIONAL_LINKS, Province};
use crate::fingerprint::Fingerprint;
use crate::i18n::{self, Lang, Strings};
use crate::output::Kind;
use crate::render::context::{LinkView, NavItem, PageView, SiteView};
use crate::routes::{self, AGENCIES_PATH, REPORT_PATH, STATUS_PATH, Urls};

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
    base_values: OnceLock<(Value, Value, Value)>,
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
            base_values: OnceLock::new(),
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

    /// A `page` object for a hub-relative path.
    pub fn page_view(
        &self,
        kind: &'static str,
        title: String,
        path: &str,
        description: String,
    ) -> PageView {
        PageView::new(
            kind,
            title,
            self.url(path),
            self.permalink(path),
            description,
        )
    }

    fn site_view(&self) -> SiteView<'_> {
        let c = &self.config.hub;
        SiteView {
            title: &c.title,
            description: c.description.as_deref(),
            base_url: &c.base_url,
            base_path: &self.base_path,
            lang: self.lang.code(),
            agency: &c.agency,
            province: &self.province,
            national_links: NATIONAL_LINKS
                .iter()
                .map(|(_, _, vi, en, url)| LinkView {
                    name: match self.lang {
                        Lang::Vi => (*vi).to_string(),
                        Lang::En => (*en).to_string(),
                    },
                    url: (*url).to_string(),
                })
                .collect(),
            upstream: &[],
            stylesheet: self.url(routes::STYLESHEET_PATH),
            search_url: self.url(routes::SEARCH_PATH),
            // The hub links to each agency's tags, never to a list of its own.
            tags_url: None,
            generator: format!("pbgdpl {}", env!("CARGO_PKG_VERSION")),
            og_locale: match self.lang {
                Lang::Vi => "vi_VN",
                Lang::En => "en_US",
            },
            share_image: None,
            channels: crate::render::context::channels(&c.agency),
            // The hub's pages run no script, not even data: it shows what
            // agencies send (tests/hostile_hub.rs).
            organization_json_ld: String::new(),
        }
    }

    fn nav(&self) -> Vec<NavItem> {
        CATEGORIES
            .iter()
            .map(|cat| NavItem {
                key: cat.key,
                label: cat.label(self.lang),
                url: self.url(&routes::category(cat)),
                clause: cat.clause,
                required: cat.required,
            })
            .collect()
    }

    /// The context every hub page starts from: the section theme's `site`,
    /// `t`, `nav` and `page`, plus `extra_nav` (the agencies and the
    /// status page, the report; `current` is the one shown, if any).
    pub fn base_context(&self, page: &PageView, current: Option<&str>) -> Context {
        let (site, t, nav) = self.base_values.get_or_init(|| {
            (
                Value::from_serializable(&self.site_view()),
                Value::from_serializable(&self.strings),
                Value::from_serializable(&self.nav()),
            )
        });
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
        let mut ctx = Context::new();
        ctx.insert_value("site", site.clone());
        ctx.insert_value("t", t.clone());
        ctx.insert_value("nav", nav.clone());
        ctx.insert("extra_nav", &extra);
        ctx.insert("page", page);
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
