//! A site: its configuration and content, loaded and checked, and the build
//! that turns it into output files.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::config::Config;
use crate::content::{self, Content};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::output::{self, NullSink, Recorder, RenderContext, Sink};
use crate::render::Prepared;
use crate::render::templates::Theme;
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
        let prepared = Prepared::new(self);
        let recorder = Recorder::new(sink);
        let cx = RenderContext {
            prepared: &prepared,
            theme: &theme,
        };
        for renderer in output::renderers() {
            renderer.render(&cx, &recorder)?;
        }
        let written = recorder.written();
        let mut diags = validate::links(&prepared, &written);
        for path in recorder.clashes() {
            diags.push(
                Diagnostic::error(
                    "output-clash",
                    format!("two outputs were written to {path}"),
                )
                .help("a file in static/ or in a bundle has the same path as a generated page or feed; rename it"),
            );
        }
        Ok((written.len(), diags))
    }
}

/// Builds the site at `root` into `out` (default `root/public`), atomically:
/// the previous output stays untouched unless the whole build succeeds.
pub fn build(
    root: &Path,
    out: Option<&Path>,
    options: &BuildOptions,
) -> Result<BuildReport, Error> {
    let started = Instant::now();
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
    let (files, render_diags) = site.render(&output::DirSink::new(staging.path()))?;
    diags.extend(render_diags);
    if diags.has_errors() {
        return Err(Error::Invalid(diags));
    }
    staging.commit()?;
    let pages = site
        .content
        .entries
        .iter()
        .filter(|e| {
            site.drafts
                || e.editorial.visibility(site.today)
                    == crate::content::model::Visibility::Published
        })
        .count();
    Ok(BuildReport {
        pages,
        files,
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
