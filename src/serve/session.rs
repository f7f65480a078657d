//! `serve`'s caller of the pipeline: a [`Session`] keeps the site loaded
//! between builds and runs the same stages as `pbgdpl build`
//! ([`crate::pipeline`]) after each change, with every cache of
//! [`crate::incremental`]:
//!
//! - the parsed content, by source file ([`content::load::reload`](crate::content::load::reload)):
//!   after an edit only the changed files are read and parsed again; the
//!   directories are walked again so new, deleted and renamed files are
//!   noticed;
//! - the rendered Markdown of every body, by fingerprint of its text;
//! - pieces of whole-site files (`sync.json`, the search index);
//! - the keys of the previous build's files, so the build loop keeps every
//!   file whose job did not change;
//! - the configuration and the theme, reloaded only when `site.toml` or a
//!   template changes.
//!
//! Validation and every renderer run again on the whole site, so every
//! output that depends on the change (category pages, the home page,
//! feeds, the sitemap, statistics, search data…) is right without any
//! renderer knowing about incremental builds. The sink of `serve` is a
//! [`Store`](crate::output::store::Store), which then swaps the new output
//! in atomically and reports which files changed. With a [`Preview`], the
//! pages open in the browser are rendered and shown before the rest.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::config::{self, Config};
use crate::content::Content;
use crate::content::load::{self, CONTENT_DIR, LoadCache, Reread, STATIC_DIR};
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::incremental::{Memo, OutputKeys};
use crate::output::Sink;
use crate::pipeline::{Preview, RendererReport, Stages};
use crate::progress::Progress;
use crate::render::templates::{TEMPLATES_DIR, Theme};
use crate::site::{BuildOptions, Site, today_in_vietnam};

/// A theme directory a site may carry (watched like `templates/`).
pub const THEMES_DIR: &str = "themes";

/// What changed on disk since the previous update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changes {
    /// Unknown: load everything again.
    Unknown,
    /// These paths (files or directories, absolute or relative to the
    /// current directory) were created, modified, renamed or deleted.
    Paths(Vec<PathBuf>),
    /// Nothing on disk: the clock passed an entry's `publish_date` or
    /// `expiry_date` ([`Session::next_change`]); what is published is
    /// worked out again from the loaded content.
    Time,
}

/// What an update did.
#[derive(Debug)]
pub struct Update {
    /// Everything was loaded again (first build, `site.toml` or a template
    /// changed).
    pub full: bool,
    /// Source files parsed again, relative to the site root.
    pub reparsed: Vec<String>,
    /// Entries published.
    pub pages: usize,
    /// Files written (or kept) in all.
    pub files: usize,
    /// Files and time per renderer.
    pub by_renderer: Vec<RendererReport>,
    /// Warnings.
    pub warnings: Diagnostics,
    /// How long the update took.
    pub elapsed: Duration,
}

/// What has to be loaded again.
#[derive(Debug, Default)]
struct Plan {
    config: bool,
    theme: bool,
    /// `None`: every content file.
    reread: Option<BTreeSet<String>>,
    relevant: bool,
}

impl Plan {
    /// True when only Markdown files of `content/` changed.
    fn only_entries(&self) -> bool {
        !self.config
            && !self.theme
            && self.reread.as_ref().is_some_and(|set| {
                !set.is_empty()
                    && set.iter().all(|rel| {
                        rel.starts_with(&format!("{CONTENT_DIR}/")) && rel.ends_with(".md")
                    })
            })
    }
}

/// A site kept loaded between builds.
#[derive(Debug)]
pub struct Session {
    root: PathBuf,
    options: BuildOptions,
    origin: Option<String>,
    today: NaiveDate,
    config: Option<Config>,
    config_diags: Diagnostics,
    theme: Option<Theme>,
    content: Content,
    cache: LoadCache,
    bodies: Memo,
    memo: Memo,
    keys: OutputKeys,
    images: Option<std::sync::Arc<crate::images::Cache>>,
    loaded: bool,
    next_change: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// The upstream news fetched on start (and again when `[upstream]`
    /// changes): the configuration they were fetched for, the blocks and
    /// the warnings.
    upstream: Option<(
        crate::config::Upstream,
        Vec<crate::upstream::News>,
        Diagnostics,
    )>,
}

impl Session {
    /// A session for the site at `root`; nothing is loaded before the first
    /// [`Session::update`].
    pub fn new(root: &Path, options: &BuildOptions) -> Self {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        Self {
            root,
            today: options.today.unwrap_or_else(today_in_vietnam),
            options: options.clone(),
            origin: None,
            config: None,
            config_diags: Diagnostics::new(),
            theme: None,
            content: Content::default(),
            cache: LoadCache::default(),
            bodies: Memo::new(),
            memo: Memo::new(),
            keys: OutputKeys::new(),
            upstream: None,
            images: options.images.clone(),
            loaded: false,
            next_change: None,
        }
    }

    /// Publishes at `origin` (`http://127.0.0.1:1111`) instead of the
    /// scheme and host of `base_url`, keeping its path (`/pbgdpl/`).
    pub fn with_origin(mut self, origin: &str) -> Self {
        self.origin = Some(origin.trim_end_matches('/').to_string());
        self
    }

    /// The site's root directory (canonical).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The configuration of the last update, when `site.toml` was usable.
    pub fn config(&self) -> Option<&Config> {
        self.config.as_ref()
    }

    /// The build's "today".
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// When the last update's site changes by itself: the next
    /// `publish_date` or `expiry_date` of an approved entry still ahead.
    /// `None` when there is none, or when the time is fixed
    /// (`--today`): then only edits change the site.
    pub fn next_change(&self) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        self.next_change
    }

    /// The directories and files whose changes matter, below the root.
    pub fn watched(&self) -> Vec<PathBuf> {
        [CONTENT_DIR, STATIC_DIR, TEMPLATES_DIR, THEMES_DIR]
            .iter()
            .map(|d| self.root.join(d))
            .collect()
    }

    /// Site-relative `/`-separated path of `path`, if it is inside the site.
    fn relative(&self, path: &Path) -> Option<String> {
        let absolute;
        let path = if path.is_relative() {
            absolute = std::env::current_dir().ok()?.join(path);
            &absolute
        } else {
            path
        };
        let rel = path.strip_prefix(&self.root).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
        )
    }

    /// Whether `rel` (in `content/` or `static/`) is a file that no load
    /// reads and the last one did not read either, so its change changes
    /// nothing: an editor's swap, backup or test file (Vim's save touches
    /// `.entry.md.swp`, `entry.md~` and `4913` beside the entry), or a
    /// file that came and went between two loads. Without this, each save
    /// from such an editor would walk every directory again and skip the
    /// first pass for the open pages.
    fn never_loaded(&self, rel: &str) -> bool {
        let path = self.root.join(rel);
        if self.cache.knows(rel)
            || self
                .content
                .assets
                .iter()
                .any(|a| a.source.starts_with(&path))
        {
            return false;
        }
        let name = rel.rsplit('/').next().unwrap_or(rel);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) => load::is_hidden(name) && !meta.is_dir(),
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        }
    }

    fn plan(&self, changes: &Changes) -> Plan {
        let paths = match changes {
            Changes::Paths(paths) => paths,
            Changes::Time => {
                return Plan {
                    reread: Some(BTreeSet::new()),
                    relevant: true,
                    ..Plan::default()
                };
            }
            Changes::Unknown => {
                return Plan {
                    config: true,
                    theme: true,
                    reread: None,
                    relevant: true,
                };
            }
        };
        let mut plan = Plan {
            reread: Some(BTreeSet::new()),
            ..Plan::default()
        };
        for path in paths {
            let Some(rel) = self.relative(path) else {
                continue;
            };
            let top = rel.split('/').next().unwrap_or("");
            if rel == config::FILE_NAME {
                plan.config = true;
                plan.relevant = true;
            } else if top == TEMPLATES_DIR || top == THEMES_DIR {
                plan.theme = true;
                plan.relevant = true;
            } else if top == CONTENT_DIR || top == STATIC_DIR {
                if self.never_loaded(&rel) {
                    continue;
                }
                plan.relevant = true;
                if let Some(set) = &mut plan.reread {
                    set.insert(rel);
                }
            }
        }
        if plan.config {
            // site.toml rebuilds everything.
            plan.theme = true;
            plan.reread = None;
        }
        plan
    }

    /// Whether any of `changes` concerns the site (its `site.toml`,
    /// `content/`, `static/`, `templates/` or `themes/`).
    pub fn concerns(&self, changes: &Changes) -> bool {
        self.plan(changes).relevant
    }

    /// Loads what changed and renders the site into `sink`. Content errors
    /// come back as `Err(Error::Invalid)` with every diagnostic; the
    /// session stays usable, and the update after the fix succeeds.
    pub fn update(
        &mut self,
        changes: &Changes,
        sink: &dyn Sink,
        progress: &dyn Progress,
    ) -> Result<Update, Error> {
        self.update_with(changes, sink, progress, None)
    }

    /// [`Session::update`], rendering the pages of `preview` first when
    /// only entries changed (Markdown files in `content/`); a change to
    /// anything else (`site.toml`, templates, static files, attachments)
    /// may change every page, and is rendered in one pass.
    pub fn update_with(
        &mut self,
        changes: &Changes,
        sink: &dyn Sink,
        progress: &dyn Progress,
        preview: Option<&Preview<'_>>,
    ) -> Result<Update, Error> {
        let started = Instant::now();
        let plan = if self.loaded {
            self.plan(changes)
        } else {
            self.plan(&Changes::Unknown)
        };
        let full = plan.config && plan.theme && plan.reread.is_none();
        let preview = preview.filter(|_| plan.only_entries());
        progress.stage("load", None);
        // Until the content is reloaded, an error (a broken template, an
        // unreadable site.toml) must not lose the changes of this update:
        // the next update then loads everything.
        self.loaded = false;
        self.next_change = None;
        if plan.config {
            self.load_config()?;
        }
        if plan.theme || self.theme.is_none() {
            self.theme = None;
            self.theme = Some(Theme::load(&self.root)?);
        }
        let reread = match &plan.reread {
            Some(set) => Reread::Only(set),
            None => Reread::All,
        };
        let mut diags = self.config_diags.clone();
        let previous = std::mem::take(&mut self.content);
        let (content, reparsed) =
            load::reload(&self.root, previous, &mut self.cache, reread, &mut diags)?;
        self.content = content;
        self.loaded = true;
        let (Some(config), Some(theme)) = (&self.config, &self.theme) else {
            return Err(Error::Invalid(diags));
        };
        progress.stage("check", None);
        let content = std::mem::take(&mut self.content);
        let mut site = Site::new(&self.root, config.clone(), content, &self.options);
        if self.options.today.is_none() && self.options.now.is_none() {
            self.next_change = site.next_change();
        }
        // Fetched on start, and again only when [upstream] changes.
        match &self.upstream {
            Some((fetched_for, news, _)) if *fetched_for == site.config.upstream => {
                site.upstream = news.clone();
            }
            _ => {
                let warnings = site.fetch_upstream(&self.options);
                self.upstream = Some((
                    site.config.upstream.clone(),
                    site.upstream.clone(),
                    warnings,
                ));
            }
        }
        if let Some((_, _, warnings)) = &self.upstream {
            diags.extend(warnings.clone());
        }
        // Unchanged photos come from the cache's memory: nothing is read.
        let images = self
            .images
            .get_or_insert_with(|| std::sync::Arc::new(crate::images::Cache::open(&self.root)))
            .clone();
        diags.extend(site.process_photos(Some(&images)));
        let diags = match site.validate(diags) {
            Ok(diags) => diags,
            Err(e) => {
                // The content stays loaded for the next update.
                self.content = site.content;
                return Err(e);
            }
        };
        let stages = Stages {
            theme,
            progress,
            implicit_ids: false,
            bodies: Some(&self.bodies),
            body_file: None,
            memo: Some(&self.memo),
            previous: &self.keys,
            preview,
        };
        let processed = site.process(diags, &stages, sink);
        self.content = site.content;
        let done = processed?;
        self.keys = done.keys;
        self.bodies.prune();
        self.memo.prune();
        Ok(Update {
            full,
            reparsed,
            pages: done.pages,
            files: done.files,
            by_renderer: done.by_renderer,
            warnings: done.warnings,
            elapsed: started.elapsed(),
        })
    }

    fn load_config(&mut self) -> Result<(), Error> {
        self.config = None;
        let mut diags = Diagnostics::new();
        let config = Config::load(&self.root, &mut diags);
        self.config_diags = diags;
        let Some(mut config) = config? else {
            return Ok(());
        };
        self.options.configure(&mut config)?;
        if let Some(origin) = &self.origin {
            let url = format!("{origin}{}", config.base_path());
            config.set_base_url(&url)?;
        }
        self.config = Some(config);
        Ok(())
    }
}
