//! What the hub's templates see: entries, agencies with their status and
//! counts, categories (the context every page starts from is
//! [`super::HubCommon::base_context`]).

use serde::Serialize;

use crate::aggregate::poll::{FailureKind, dated_ids};
use crate::category::{CATEGORIES, Category};
use crate::i18n::Lang;
use crate::render::context::PageView;
use crate::routes;

use super::{Hub, HubItem, UndatedEntry};

pub use crate::routes::{AGENCIES_PATH, STATUS_PATH};

/// A date and time for templates.
#[derive(Debug, Serialize)]
pub(super) struct TimeView {
    /// For `<time datetime>`.
    pub(super) machine: String,
    /// `dd/mm/yyyy`.
    pub(super) dmy: String,
    /// `HH:MM` (Vietnam time).
    pub(super) hm: String,
}

pub(super) fn time_view(text: Option<&str>) -> Option<TimeView> {
    let t = chrono::DateTime::parse_from_rfc3339(text?).ok()?;
    let t = t.with_timezone(&crate::date::vietnam_offset());
    Some(TimeView {
        machine: t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        dmy: t.format("%d/%m/%Y").to_string(),
        hm: t.format("%H:%M").to_string(),
    })
}

/// An entry in a hub list.
#[derive(Debug, Serialize)]
pub(super) struct ItemView<'a> {
    pub(super) title: &'a str,
    pub(super) url: &'a str,
    pub(super) summary: &'a str,
    pub(super) date: Option<TimeView>,
    pub(super) number: Option<&'a str>,
    pub(super) agency: &'a str,
    pub(super) agency_url: String,
    pub(super) category_label: &'static str,
    pub(super) category_url: String,
}

/// A category (heading of a list).
#[derive(Debug, Serialize)]
pub(super) struct CategoryView {
    pub(super) key: &'static str,
    pub(super) label: &'static str,
    pub(super) url: String,
    pub(super) clause: Option<&'static str>,
    pub(super) required: bool,
}

/// A count of one required category for one agency.
#[derive(Debug, Serialize)]
pub(super) struct CountView {
    pub(super) clause: &'static str,
    pub(super) label: &'static str,
    pub(super) count: usize,
    pub(super) zero: bool,
}

/// An agency's status.
#[derive(Debug, Serialize)]
pub(super) struct AgencyView<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a str,
    pub(super) url: String,
    pub(super) section_url: Option<&'a str>,
    pub(super) ok: bool,
    pub(super) has_copy: bool,
    pub(super) failure: Option<&'static str>,
    pub(super) failure_detail: Option<String>,
    pub(super) failing_since: Option<TimeView>,
    pub(super) last_success: Option<TimeView>,
    pub(super) last_change: Option<TimeView>,
    pub(super) counts: Vec<CountView>,
    pub(super) total: usize,
    pub(super) missing: Vec<&'static str>,
    pub(super) banner_elsewhere: Option<&'a str>,
    pub(super) not_in_feeds: usize,
    pub(super) held: usize,
}

/// A block of newest entries of one category.
#[derive(Debug, Serialize)]
pub(super) struct Section<'a> {
    pub(super) category: CategoryView,
    pub(super) entries: Vec<ItemView<'a>>,
    pub(super) count: usize,
    pub(super) more_url: String,
}

/// The summary shown on the home and status pages.
#[derive(Debug, Serialize)]
pub(super) struct Summary<'a> {
    pub(super) agencies: usize,
    pub(super) failed: Vec<&'a str>,
    pub(super) missing: Vec<&'a str>,
    pub(super) entries: usize,
    pub(super) now: Option<TimeView>,
}

pub(super) fn failure_key(kind: FailureKind) -> &'static str {
    match kind {
        FailureKind::Unreachable => "hub_failure_unreachable",
        FailureKind::Timeout => "hub_failure_timeout",
        FailureKind::Invalid => "hub_failure_invalid",
        FailureKind::Conflict => "hub_failure_conflict",
    }
}

pub(super) fn same_address(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        crate::config::normalize_base_url(s)
            .unwrap_or_else(|_| s.to_string())
            .to_ascii_lowercase()
    };
    norm(a) == norm(b)
}

/// The views of the hub's pages, made from the hub.
pub(super) struct Views<'h, 'a> {
    pub(super) hub: &'h Hub<'a>,
    pub(super) lang: Lang,
}

impl<'h, 'a> Views<'h, 'a> {
    pub(super) fn new(hub: &'h Hub<'a>) -> Self {
        Self {
            hub,
            lang: hub.lang,
        }
    }

    pub(super) fn category(&self, c: &'static Category) -> CategoryView {
        CategoryView {
            key: c.key,
            label: c.label(self.lang),
            url: self.hub.url(&routes::category(c)),
            clause: c.clause,
            required: c.required,
        }
    }

    pub(super) fn agency_path(&self, index: usize) -> String {
        routes::agency(&self.hub.input.agencies[index].source.id)
    }

    pub(super) fn item(&self, i: &'h HubItem<'a>) -> ItemView<'h> {
        ItemView {
            title: i.title,
            url: i.url,
            summary: i.summary,
            date: time_view(i.text("date_published")),
            number: i.number(),
            agency: &self.hub.input.agencies[i.agency].source.name,
            agency_url: self.hub.url(&self.agency_path(i.agency)),
            category_label: i.category.label(self.lang),
            category_url: self.hub.url(&routes::category(i.category)),
        }
    }

    pub(super) fn undated(&self, u: &'h UndatedEntry<'a>) -> ItemView<'h> {
        let name = &self.hub.input.agencies[u.agency].source.name;
        ItemView {
            title: name,
            url: u.url,
            summary: "",
            date: None,
            number: None,
            agency: name,
            agency_url: self.hub.url(&self.agency_path(u.agency)),
            category_label: u.category.label(self.lang),
            category_url: self.hub.url(&routes::category(u.category)),
        }
    }

    /// Entries of a category (dated ones newest first, undated ones by
    /// agency), of one agency or all: `take` of them after `skip`.
    pub(super) fn entries(
        &self,
        c: &Category,
        agency: Option<usize>,
        skip: usize,
        take: usize,
    ) -> Vec<ItemView<'h>> {
        let hub = self.hub;
        let list = hub.list(c, agency);
        let page = list.get(skip..).unwrap_or(&[]);
        let page = &page[..take.min(page.len())];
        if c.dated {
            page.iter().map(|&i| self.item(&hub.items[i])).collect()
        } else {
            page.iter()
                .map(|&u| self.undated(&hub.undated[u]))
                .collect()
        }
    }

    /// How many entries a category has (of one agency or all).
    pub(super) fn count(&self, c: &Category, agency: Option<usize>) -> usize {
        self.hub.list(c, agency).len()
    }

    pub(super) fn agency(&self, index: usize) -> AgencyView<'h> {
        let a = &self.hub.input.agencies[index];
        let records = a.copy.map(|c| c.snapshot.entries.as_slice()).unwrap_or(&[]);
        let counts: Vec<CountView> = CATEGORIES
            .iter()
            .filter(|c| c.required)
            .map(|c| {
                let mut count = records.iter().filter(|r| r.category == c.key).count();
                if c.key == crate::routes::STATISTICS_CATEGORY {
                    // Clause 2.7 is also met by data tables alone (format
                    // 1.2): those of the statistics.json the hub admitted.
                    count += a
                        .copy
                        .and_then(|c| c.statistics.as_ref())
                        .map_or(0, |s| s.data_tables());
                }
                CountView {
                    clause: c.clause.unwrap_or_default(),
                    label: c.label(self.lang),
                    count,
                    zero: count == 0,
                }
            })
            .collect();
        let not_in_feeds = a
            .copy
            .map(|c| {
                let dated = dated_ids(&c.snapshot);
                c.snapshot
                    .entries
                    .iter()
                    .filter(|r| dated.contains(r.id.as_str()))
                    .filter(|r| c.item(&r.id, &r.sha256).is_none())
                    .count()
            })
            .unwrap_or(0);
        let held = a.held.map(|h| h.len()).unwrap_or(0);
        let banner = a.copy.map(|c| c.snapshot.site.province.url.as_str());
        AgencyView {
            id: &a.source.id,
            name: &a.source.name,
            url: self.hub.url(&self.agency_path(index)),
            section_url: a.copy.map(|c| c.snapshot.site.base_url.as_str()),
            ok: a.failure.is_none(),
            has_copy: a.copy.is_some(),
            failure: a.failure.as_ref().map(|f| failure_key(f.kind)),
            failure_detail: a
                .failure
                .as_ref()
                .and_then(|f| f.reason.as_ref())
                .map(|(document, reason)| document.with(reason, &self.hub.strings)),
            failing_since: time_view(a.failing_since.as_deref()),
            last_success: time_view(a.last_success.as_deref()),
            last_change: time_view(a.last_change.as_deref()),
            missing: if a.copy.is_some() {
                counts.iter().filter(|c| c.zero).map(|c| c.clause).collect()
            } else {
                Vec::new()
            },
            counts,
            total: records.len(),
            banner_elsewhere: banner
                .filter(|b| !same_address(b, &self.hub.input.config.hub.base_url)),
            not_in_feeds,
            held,
        }
    }

    pub(super) fn summary(&self, agencies: &[AgencyView<'h>]) -> Summary<'h> {
        Summary {
            agencies: agencies.len(),
            failed: agencies.iter().filter(|a| !a.ok).map(|a| a.name).collect(),
            missing: agencies
                .iter()
                .filter(|a| !a.missing.is_empty())
                .map(|a| a.name)
                .collect(),
            entries: agencies.iter().map(|a| a.total).sum(),
            now: time_view(Some(&self.hub.input.now.rfc3339())),
        }
    }

    pub(super) fn page(
        &self,
        kind: &'static str,
        title: String,
        path: &str,
        description: String,
    ) -> PageView {
        PageView::at(&self.hub.urls, kind, title, path, description)
    }
}
