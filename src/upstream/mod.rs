//! News flowing down: the latest items of the feeds a section names in
//! `site.toml` (`[[upstream.sources]]`: the provincial hub, the national
//! portal — any JSON Feed, Atom or RSS address), shown in a block on the
//! home page and in the embeds (docs/sync.md, "News from upstream").
//!
//! ```text
//! fetch   every feed at once, within one time budget ([`crate::remote::fetch`], the hub's fetcher)
//! parse   JSON Feed, Atom or RSS → title, address, date, source ([`parse`])
//! admit   the hub's rules for addresses and dates; text only ([`accept`])
//! keep    the last good copy in .pbgdpl-cache/upstream/ beside the section ([`cache`])
//! ```
//!
//! A feed that fails, hangs, is too large or is not a feed never fails the
//! build and never holds it beyond the budget: its last good copy is shown
//! and a warning says so. `--offline` reads only the copies. The block
//! depends on the copy, not on the time of the build, so the same content
//! and the same cache give the same pages.

pub mod accept;
pub mod cache;
pub mod parse;

use std::path::Path;
use std::time::Duration;

use serde::Serialize;
use url::Url;

use crate::config::{Upstream, UpstreamFeed};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Message;
use crate::msg;
use crate::remote::fetch::{Budget, Caller, Fetched, Fetcher, Location};
use crate::remote::reason::Reason;

/// The largest upstream feed read, in bytes.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// What `Accept` asks an upstream server for.
const ACCEPT: &str = "application/feed+json, application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.1";

/// One block of news from one upstream feed, as the templates show it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct News {
    /// The block's title: from `site.toml`, else the feed's own; empty
    /// when neither (the theme then says "Tin từ Trang PBGDPL tỉnh").
    pub title: String,
    /// The feed's home page, when it gives an http(s) one.
    pub home: Option<String>,
    /// The newest items, newest first.
    pub items: Vec<Item>,
}

/// One item of an upstream feed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Item {
    /// Title, plain text.
    pub title: String,
    /// Its address (http or https).
    pub url: String,
    /// Date published, `dd/mm/yyyy` in Vietnam.
    pub dmy: String,
    /// The same for `<time datetime>`.
    pub machine: String,
    /// Who published it: the item's author, else the feed's title, else
    /// its host.
    pub source: String,
    /// Seconds since 1970, for sorting.
    #[serde(skip)]
    pub at: i64,
}

/// Whether [`refresh`] may use the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Fetch every feed (within the budget), falling back on the cache.
    Fetch,
    /// Read only the cache (`--offline`).
    Offline,
}

/// The blocks of the feeds `upstream` names, for the section at `root`,
/// and a warning for each feed that could not be fetched (or, offline,
/// has no saved copy). Never fails; takes at most the configured time.
pub fn refresh(root: &Path, upstream: &Upstream, mode: Mode) -> (Vec<News>, Diagnostics) {
    let mut diags = Diagnostics::new();
    if upstream.feeds.is_empty() {
        return (Vec::new(), diags);
    }
    let cache = cache::Cache::new(root);
    // Warnings point at each feed's `url` in site.toml (read again: the
    // configuration keeps positions, not the text).
    let site_toml = crate::source::SourceFile::read(root, crate::config::FILE_NAME).ok();
    let budget = Duration::from_secs(upstream.timeout_seconds);
    let fetched: Vec<Result<Vec<u8>, Message>> = match mode {
        Mode::Offline => upstream
            .feeds
            .iter()
            .map(|_| Err(msg!("upstream-offline")))
            .collect(),
        Mode::Fetch => fetch_all(&upstream.feeds, budget),
    };
    let mut blocks = Vec::new();
    for (feed, got) in upstream.feeds.iter().zip(fetched) {
        let Ok(url) = Url::parse(&feed.url) else {
            continue; // site.toml's check refused it already
        };
        let fresh = got.and_then(|bytes| match read(&bytes, &url, feed) {
            Some(news) => {
                // A copy that cannot be saved is fetched again next time.
                let _ = cache.save(&feed.url, &bytes);
                Ok(news)
            }
            None => Err(msg!("upstream-not-a-feed")),
        });
        match fresh {
            Ok(news) => blocks.push(news),
            Err(why) => {
                let saved = cache
                    .load(&feed.url)
                    .and_then(|(bytes, day)| read(&bytes, &url, feed).map(|n| (n, day)));
                let (head, help) = match (mode, &saved) {
                    (Mode::Offline, None) => (
                        msg!("upstream-offline-no-copy", url = &feed.url),
                        msg!("upstream-no-copy-help"),
                    ),
                    (Mode::Offline, Some((news, _))) => {
                        blocks.push(news.clone());
                        continue;
                    }
                    (Mode::Fetch, Some((_, day))) => (
                        msg!("upstream-failed", url = &feed.url, why = why),
                        msg!("upstream-using-copy", date = day.as_str()),
                    ),
                    (Mode::Fetch, None) => (
                        msg!("upstream-failed", url = &feed.url, why = why),
                        msg!("upstream-no-copy-help"),
                    ),
                };
                let warning = Diagnostic::warning("upstream-unavailable", head);
                let warning = match &site_toml {
                    Some(source) if source.text.get(feed.span.clone()).is_some() => {
                        warning.at(source, feed.span.clone())
                    }
                    _ => warning.in_file(crate::config::FILE_NAME),
                };
                diags.push(warning.help(help));
                if let Some((news, _)) = saved {
                    blocks.push(news);
                }
            }
        }
    }
    (blocks, diags)
}

/// Parses and admits one feed's bytes.
fn read(bytes: &[u8], url: &Url, feed: &UpstreamFeed) -> Option<News> {
    let raw = parse::feed(bytes)?;
    accept::admit(raw, url, feed.title.as_deref(), feed.limit)
}

/// Fetches every feed at once, all within `budget`: the bytes, or why not.
fn fetch_all(feeds: &[UpstreamFeed], budget: Duration) -> Vec<Result<Vec<u8>, Message>> {
    let fetcher = Fetcher::new(budget, Caller::Upstream).accepting(ACCEPT, MAX_BYTES);
    let budget = Budget::new(budget);
    std::thread::scope(|s| {
        let handles: Vec<_> = feeds
            .iter()
            .map(|feed| {
                let fetcher = &fetcher;
                s.spawn(move || {
                    let url = Url::parse(&feed.url)
                        .map_err(|e| msg!("url-invalid", detail = e.to_string()))?;
                    let location = Location::Url(url);
                    let scope = location.parent();
                    match fetcher.get(&location, &scope, None, &budget) {
                        Ok(Fetched::Fresh { bytes, .. }) => Ok(bytes),
                        // Never asked conditionally: cannot happen.
                        Ok(Fetched::NotModified) => Err(msg!("upstream-not-a-feed")),
                        // Said in the section's words, not the hub's.
                        Err(e) => Err(match e.reason {
                            Reason::Timeout { .. } | Reason::OverBudget { .. } => msg!(
                                "upstream-timeout",
                                seconds = budget.total().as_secs().to_string()
                            ),
                            reason => reason.message(),
                        }),
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(msg!("upstream-not-a-feed")))
            })
            .collect()
    })
}
