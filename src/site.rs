//! A site: its configuration and content, loaded and checked, and the build
//! that turns it into output files.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::config::Config;
use crate::content::{self, Content};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::incremental::Preview;
use crate::msg;
use crate::output::{self, NullSink, Recorder, RenderContext, Sink};
use crate::progress::{Progress, Silent};
use crate::render::templates::Theme;
use crate::render::{BodyCache, Prepared};
use crate::validate;
use crate::write::Staging;

/// Options that change what a build publishes.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Preview: also render unapproved, scheduled and expired entries,
    /// clearly marked and `noindex`, and never in feeds.
    pub drafts: bool,
    /// The build's "today" (for `publish_date`/`expiry_date`); defaults to
    /// the current date in Vietnam.
    pub today: Option<NaiveDate>,
    /// Replaces `base_url` from `site.toml`.
    pub base_url: Option<String>,
    /// The previous `sync.json` (path or `http(s)://` URL) to record
    /// deletions against; default: the one in the output directory.
    pub previous: Option<String>,
}

/// The current date in Vietnam (UTC+7).
pub fn today_in_vietnam() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&crate::date::vietnam_offset())
        .date_naive()
}

/// A loaded, checked site.
#[derive(Debug)]
pub struct Site {
    /// The site's root directory.
    pub root: PathBuf,
    /// `site.toml`.
    pub config: Config,
    /// Everything under `content/` and `static/`.
    pub content: Content,
    /// The build's "today".
    pub today: NaiveDate,
    /// Preview build.
    pub drafts: bool,
    /// The previous snapshot, for tombstones (builds only).
    pub previous: Option<crate::sync::Previous>,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Entry pages written.
    pub pages: usize,
    /// Files written in all.
    pub files: usize,
    /// Files written by each renderer (`html`, `sitemap`…) and its time.
    pub by_renderer: Vec<RendererReport>,
    /// Warnings (the build succeeded anyway).
    pub warnings: Diagnostics,
    /// Where the output is.
    pub output: PathBuf,
    /// How long it took.
    pub elapsed: Duration,
}

impl Site {
    /// Loads and checks the site at `root`. Every problem found is
    /// reported together: `Err(Error::Invalid)` carries all of them.
    pub fn load(root: &Path, options: &BuildOptions) -> Result<(Site, Diagnostics), Error> {
        let mut diags = Diagnostics::new();
        let config = Config::load(root, &mut diags)?;
        let content = content::load(root, &mut diags)?;
        let Some(mut config) = config else {
            return Err(Error::Invalid(diags));
        };
        if let Some(url) = &options.base_url {
            config.set_base_url(url)?;
        }
        let site = Site {
            root: root.to_path_buf(),
            config,
            content,
            today: options.today.unwrap_or_else(today_in_vietnam),
            drafts: options.drafts,
            previous: None,
        };
        diags.extend(validate::content(&site));
        if diags.has_errors() {
            return Err(Error::Invalid(diags));
        }
        Ok((site, diags))
    }

    /// Renders every output into `sink`, then checks internal links against
    /// what was written. Returns the number of files written.
    pub fn render(&self, sink: &dyn Sink) -> Result<(usize, Diagnostics), Error> {
        let theme = Theme::load(&self.root)?;
        let report = self.render_with(sink, &theme, None, &Silent, None)?;
        Ok((report.files, report.diagnostics))
    }

    /// Like [`Site::render`], with the theme already loaded, rendered
    /// Markdown and pieces of outputs kept in `cache` between builds
    /// (`serve`), and progress reported to `progress`. With a `preview`
    /// (`serve`), the pages open in the browser are rendered into it first.
    pub fn render_with(
        &self,
        sink: &dyn Sink,
        theme: &Theme,
        cache: Option<&BuildCache>,
        progress: &dyn Progress,
        preview: Option<&Preview<'_>>,
    ) -> Result<RenderReport, Error> {
        progress.stage("prepare", None);
        let prepared = match cache {
            Some(cache) => Prepared::with_cache(self, &cache.bodies),
            None => Prepared::new(self),
        };
        let cx = RenderContext {
            prepared: &prepared,
            theme,
            memo: cache.map(|c| &c.outputs),
        };
        if let Some(preview) = preview {
            preview.render(&cx)?;
        }
        progress.stage("render", Some(estimate_outputs(&prepared)));
        let recorder = Recorder::with_progress(sink, progress);
        let mut by_renderer = Vec::new();
        for renderer in output::renderers() {
            let (before, kept_before) = (recorder.count(), recorder.kept());
            let started = Instant::now();
            renderer.render(&cx, &recorder)?;
            by_renderer.push(RendererReport {
                name: renderer.name(),
                files: recorder.count() - before,
                kept: recorder.kept() - kept_before,
                elapsed: started.elapsed(),
            });
        }
        let clashes = recorder.clashes();
        let written = recorder.into_written();
        let mut diags = validate::links(&prepared, &written);
        diags.extend(validate::nesting(&prepared));
        for path in clashes {
            diags.push(
                Diagnostic::error("output-clash", msg!("output-clash", path = path))
                    .help(msg!("output-clash-help")),
            );
        }
        Ok(RenderReport {
            files: written.len(),
            by_renderer,
            diagnostics: diags,
        })
    }

    /// Entries the build publishes (all of them in a `--drafts` preview).
    pub fn published_entries(&self) -> usize {
        self.content
            .entries
            .iter()
            .filter(|e| {
                self.drafts
                    || e.editorial.visibility(self.today)
                        == crate::content::model::Visibility::Published
            })
            .count()
    }
}

/// What `serve` keeps from one build to the next so the next renders
/// faster (see [`crate::incremental`]).
#[derive(Debug, Default)]
pub struct BuildCache {
    /// The HTML of Markdown bodies.
    pub bodies: BodyCache,
    /// Pieces of outputs (records of `sync.json`, entries of the search
    /// index…).
    pub outputs: output::Memo,
}

impl BuildCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// Forgets what the last build did not use, after a successful build.
    pub fn prune(&self) {
        self.bodies.prune();
        self.outputs.prune();
    }
}

/// What [`Site::render_with`] wrote.
#[derive(Debug)]
pub struct RenderReport {
    /// Files written in all.
    pub files: usize,
    /// What each renderer (`html`, `sitemap`…) wrote and how long it
    /// took, in the order they ran.
    pub by_renderer: Vec<RendererReport>,
    /// Broken links and output clashes found.
    pub diagnostics: Diagnostics,
}

/// What one renderer did in a build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RendererReport {
    /// The renderer (`html`, `feeds`…).
    pub name: &'static str,
    /// Files it wrote or kept.
    pub files: usize,
    /// Of those, files kept from the previous build because their inputs
    /// did not change (incremental rebuilds only).
    pub kept: usize,
    /// How long it took.
    pub elapsed: Duration,
}

/// About how many files a render writes, for progress bars.
fn estimate_outputs(p: &Prepared<'_>) -> u64 {
    let per_page = p.site.config.entries_per_page.max(1);
    let lists: usize = p
        .categories()
        .iter()
        .map(|c| p.in_category(c).len().div_ceil(per_page).max(1) + 1)
        .sum();
    (p.pages.len() + p.site.content.assets.len() + lists + 5) as u64
}

/// Builds the site at `root` into `out` (default `root/public`), atomically:
/// the previous output stays untouched unless the whole build succeeds.
pub fn build(
    root: &Path,
    out: Option<&Path>,
    options: &BuildOptions,
) -> Result<BuildReport, Error> {
    build_with(root, out, options, &Silent)
}

/// [`build`], reporting progress to `progress`.
pub fn build_with(
    root: &Path,
    out: Option<&Path>,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, Error> {
    let started = Instant::now();
    progress.stage("load", None);
    let (mut site, mut diags) = Site::load(root, options)?;
    let output = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join("public"));
    // Read the previous snapshot before the new output replaces it.
    let (previous, warning) =
        crate::sync::previous::for_build(&output, options.previous.as_deref())?;
    site.previous = previous;
    diags.extend(warning.into_iter().collect());
    let staging = Staging::new(&output)?;
    let theme = Theme::load(&site.root)?;
    let sink = output::DirSink::new(staging.path());
    let rendered = site.render_with(&sink, &theme, None, progress, None)?;
    diags.extend(rendered.diagnostics);
    if diags.has_errors() {
        return Err(Error::Invalid(diags));
    }
    staging.commit()?;
    let pages = site.published_entries();
    Ok(BuildReport {
        pages,
        files: rendered.files,
        by_renderer: rendered.by_renderer,
        warnings: diags,
        output,
        elapsed: started.elapsed(),
    })
}

/// Loads, checks and renders the site without writing anything. Returns the
/// warnings; errors come back as `Err(Error::Invalid)` with every diagnostic.
pub fn check(root: &Path, options: &BuildOptions) -> Result<Diagnostics, Error> {
    let (site, mut diags) = Site::load(root, options)?;
    let (_, render_diags) = site.render(&NullSink)?;
    diags.extend(render_diags);
    diags.extend(validate::implicit_ids(&site));
    if diags.has_errors() {
        return Err(Error::Invalid(diags));
    }
    Ok(diags)
}
