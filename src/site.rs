//! A site: its configuration and content, loaded, with the options of the
//! build (`today`, `--drafts`, `--base-url`). The stages that run on it
//! (load and validate, prepare, render, commit) are the
//! [pipeline](crate::pipeline)'s, which adds them to [`Site`].

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::config::Config;
use crate::content::{self, Content};
use crate::diagnostics::Diagnostics;
use crate::error::Error;

/// Options that change what a build publishes.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Preview: also render unapproved, scheduled and expired entries,
    /// clearly marked and `noindex`, and never in feeds.
    pub drafts: bool,
    /// The build's "today" (for `publish_date`/`expiry_date`); defaults to
    /// the current date in Vietnam. A date alone stands for its last
    /// second: everything due that day is published.
    pub today: Option<NaiveDate>,
    /// The build's "now", to the second, when it matters
    /// (`--today 2026-12-07T08:00:00+07:00`); wins over `today`.
    pub now: Option<crate::date::Timestamp>,
    /// Replaces `base_url` from `site.toml`.
    pub base_url: Option<String>,
    /// Use no network: the upstream news come from the cache only
    /// (`--offline`).
    pub offline: bool,
    /// The previous `sync.json` (path or `http(s)://` URL) to record
    /// deletions against; default: the one in the output directory.
    pub previous: Option<String>,
    /// The cache of processed photos to use (`serve` keeps one between
    /// rebuilds); default: the section's `.pbgdpl-cache/`.
    pub images: Option<std::sync::Arc<crate::images::Cache>>,
}

/// The current date in Vietnam (UTC+7).
pub fn today_in_vietnam() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&crate::date::vietnam_offset())
        .date_naive()
}

/// An approved entry waiting for its `publish_date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduled {
    /// Its file, relative to the site root.
    pub file: String,
    /// When it goes live.
    pub at: crate::date::Timestamp,
}

/// A loaded site.
#[derive(Debug)]
pub struct Site {
    /// The site's root directory.
    pub root: PathBuf,
    /// `site.toml`.
    pub config: Config,
    /// Everything under `content/` and `static/`.
    pub content: Content,
    /// The build's "today" (in Vietnam).
    pub today: NaiveDate,
    /// The build's "now": what `publish_date` and `expiry_date` are
    /// compared with.
    pub now: chrono::DateTime<chrono::FixedOffset>,
    /// Preview build.
    pub drafts: bool,
    /// The previous snapshot, for tombstones (builds only).
    pub previous: Option<crate::sync::Previous>,
    /// News from the upstream feeds (`[upstream]`), fetched or read from
    /// the cache by [`crate::upstream::refresh`]; empty until then.
    pub upstream: Vec<crate::upstream::News>,
    /// The processed photos of `content/`.
    pub gallery: crate::images::Gallery,
    /// The files of the processed photos, published instead of the
    /// photos themselves (see [`Site::assets`]).
    pub photo_assets: Vec<crate::content::model::Asset>,
}

impl BuildOptions {
    /// Applies the options that change the configuration (`--base-url`).
    /// Every caller (build, check, serve) goes through here.
    pub fn configure(&self, config: &mut Config) -> Result<(), Error> {
        if let Some(url) = &self.base_url {
            config.set_base_url(url)?;
        }
        Ok(())
    }
}
impl Site {
    /// The site made of a configuration (already
    /// [configured](BuildOptions::configure)) and content, loaded by
    /// [`Site::load`] or by `serve` (which reloads only what changed).
    pub fn new(root: &Path, config: Config, content: Content, options: &BuildOptions) -> Site {
        let now = crate::date::build_instant(options.now, options.today);
        Site {
            root: root.to_path_buf(),
            config,
            content,
            now,
            today: now
                .with_timezone(&crate::date::vietnam_offset())
                .date_naive(),
            drafts: options.drafts,
            previous: None,
            upstream: Vec::new(),
            gallery: Default::default(),
            photo_assets: Vec::new(),
        }
    }

    /// Fetches the upstream feeds (or, with `--offline`, reads their
    /// saved copies) into [`Site::upstream`]; returns a warning for each
    /// feed shown from its copy or not at all. Never fails; takes at most
    /// `[upstream] timeout_seconds`.
    pub fn fetch_upstream(&mut self, options: &BuildOptions) -> crate::diagnostics::Diagnostics {
        let mode = if options.offline {
            crate::upstream::Mode::Offline
        } else {
            crate::upstream::Mode::Fetch
        };
        let (news, warnings) = crate::upstream::refresh(&self.root, &self.config.upstream, mode);
        self.upstream = news;
        warnings
    }

    /// The approved entries held back until their `publish_date`, soonest
    /// first (for `build` and `check` to say when the next goes live).
    pub fn scheduled(&self) -> Vec<Scheduled> {
        let mut v: Vec<Scheduled> = self
            .content
            .entries
            .iter()
            .filter(|e| {
                e.editorial.visibility(self.now) == crate::content::model::Visibility::Scheduled
            })
            .filter_map(|e| {
                Some(Scheduled {
                    file: e.source.rel_path.clone(),
                    at: e.editorial.publish_date?,
                })
            })
            .collect();
        v.sort_by(|a, b| a.at.starts().cmp(&b.at.starts()).then(a.file.cmp(&b.file)));
        v
    }

    /// The next instant after the build's "now" when an approved entry
    /// goes live or is withdrawn (its `publish_date` or `expiry_date`), so
    /// that `serve` can rebuild then.
    pub fn next_change(&self) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        self.content
            .entries
            .iter()
            .filter(|e| e.editorial.status == crate::content::model::Status::Approved)
            .flat_map(|e| {
                let starts = e.editorial.publish_date.map(|d| d.starts());
                let ends = e.editorial.expiry_date.map(|d| d.ends());
                [starts, ends]
            })
            .flatten()
            .filter(|at| *at > self.now)
            .min()
    }

    /// Processes the photos of the content (through `cache`, else the
    /// section's own) into [`Site::gallery`]; returns their problems.
    pub fn process_photos(&mut self, cache: Option<&crate::images::Cache>) -> Diagnostics {
        let own;
        let cache = match cache {
            Some(c) => c,
            None => {
                own = crate::images::Cache::open(&self.root);
                &own
            }
        };
        let sources = content::photos::gallery_sources(&self.root, &self.content);
        let (gallery, diags) =
            crate::images::Gallery::build(cache, sources, &crate::images::Limits::default());
        self.photo_assets = gallery
            .copies()
            .into_iter()
            .map(|c| crate::content::model::Asset {
                source: c.from,
                dest: c.dest,
                fixed_size: Some(c.bytes),
                walked: None,
            })
            .collect();
        self.gallery = gallery;
        self.publish_photo_files();
        diags
    }

    /// Makes the files each entry publishes match what the build writes:
    /// a photo among them (an attachment, a `[media]` poster) is published
    /// processed, so its size and hash are those of the processed copy;
    /// the featured photo becomes a published file of its own
    /// ([`FileRole::Image`]: its shared copy), so feeds list it with its
    /// hash and the entry's hash in `sync.json` changes with the photo.
    /// Safe to run again on the same entries (`serve`).
    fn publish_photo_files(&mut self) {
        use crate::content::model::{Attachment, FileRole, Stored};
        let gallery = &self.gallery;
        for e in &mut self.content.entries {
            e.media_files.retain(|a| a.role != FileRole::Image);
            let dir = e.path();
            for a in e.attachments.iter_mut().chain(&mut e.media_files) {
                match gallery.at_original(&format!("{dir}{}", a.file)) {
                    Some((file, v)) => {
                        a.stored = Some(Stored {
                            file,
                            sha256: v.sha256.clone(),
                        });
                        a.size = v.bytes;
                        a.size_label = crate::text::human_size(v.bytes);
                        a.mime = v.format.mime().to_string();
                        a.modified = 0;
                    }
                    None => a.stored = None,
                }
            }
            let Some(photo) = &e.image else { continue };
            let Some((v, path, file)) = gallery.shared(&format!("{dir}{}", photo.file)) else {
                continue;
            };
            let name = path.strip_prefix(dir.as_str()).unwrap_or(path);
            e.media_files.push(Attachment {
                file: name.to_string(),
                title: photo.alt.clone(),
                size: v.bytes,
                modified: 0,
                size_label: crate::text::human_size(v.bytes),
                mime: v.format.mime().to_string(),
                kind: v.format.extension().to_uppercase(),
                role: FileRole::Image,
                stored: Some(Stored {
                    file,
                    sha256: v.sha256.clone(),
                }),
            });
        }
    }

    /// Every file published as it is: the files of `static/` and of
    /// `content/`, except photos, whose processed files are published
    /// instead.
    pub fn assets(&self) -> Vec<&crate::content::model::Asset> {
        let content_dir = self.root.join(content::load::CONTENT_DIR);
        let photo = |a: &crate::content::model::Asset| {
            a.source.starts_with(&content_dir)
                && (crate::images::gallery::is_photo(&a.dest)
                    || crate::images::gallery::is_unsupported_picture(&a.dest))
        };
        let mut out: Vec<_> = self
            .content
            .assets
            .iter()
            .filter(|a| !photo(a))
            .chain(&self.photo_assets)
            .collect();
        out.sort_by(|a, b| a.dest.cmp(&b.dest));
        out
    }

    /// Entries the build publishes (all of them in a `--drafts` preview).
    pub fn published_entries(&self) -> usize {
        self.content
            .entries
            .iter()
            .filter(|e| {
                self.drafts
                    || e.editorial.visibility(self.now)
                        == crate::content::model::Visibility::Published
            })
            .count()
    }
}
