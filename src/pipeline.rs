//! The pipeline every command runs, and its build loop.
//!
//! ```text
//! load ─→ validate ─→ prepare ─→ plan + render ─→ check links ─→ commit
//! Site::load   Site::validate   Prepared   run (every Renderer)   build: swap the staging directory
//! (serve: Session reloads       (Markdown)                        serve: swap the in-memory store
//!  what changed)                                                  check: nothing
//! ```
//!
//! [`build`], [`check`] and `serve`'s
//! [`Session`](crate::serve::session::Session) call the same stages
//! ([`Site::load`] / [`Site::validate`], then [`Site::process`]) and differ
//! only in their [`BuildOptions`] and [`Stages`]: what they keep between
//! builds, where they write.
//!
//! ## The build loop ([`run`])
//!
//! For each renderer ([`crate::output::renderers`]) in turn, the loop asks
//! for its jobs ([`Renderer::jobs`](crate::output::Renderer::jobs)) — the
//! next renderer's while this one's run — then for each job, in parallel:
//!
//! 1. skips it when the sink wants none of its files (the first pass of
//!    `serve` renders only the pages open in the browser);
//! 2. hashes the renderer's name, the site-wide fingerprint
//!    ([`Common::fingerprint`](crate::render::Common)), the theme's, the
//!    job's paths and its view: the job's *key*;
//! 3. when the previous build made each of the job's files with the same
//!    key ([`OutputKeys`]), asks the sink to keep them;
//! 4. otherwise renders the job and writes the files it could not keep.
//!
//! Files copied as they are (static files, attachments) are keyed by their
//! source's path, size and modification time. The keys of this build are
//! returned for the next one. Renderers take no part in any of this.
//!
//! Once the last renderer that lists entries is done, the loop tells the
//! site ([`Kind::lists_done`]): a section drops the template values its
//! lists shared, before the search index and the feeds are made, and the
//! loop gives the freed memory back to the system (`memory`).

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3;

use crate::config::Config;
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::incremental::{KeyRecorder, Made, Memo, OutputKeys};
use crate::msg;
use crate::output::{self, Focus, Kind, NullSink, Output, Planned, Recorder, RenderContext, Sink};
use crate::progress::{Progress, Silent};
use crate::render::Prepared;
use crate::render::templates::Theme;
use crate::routes;
use crate::site::{BuildOptions, Site};
use crate::validate;
use crate::write::Staging;

mod bodies;
mod memory;

pub use bodies::BodyFile;

/// The first pass of a `serve` rebuild after an edit of entries: once the
/// content is loaded, checked and prepared, the pages open in the browser
/// are rendered into `sink` and `ready` is called (`serve` swaps them in and
/// reloads the browser); then the whole site is rendered as usual. What the
/// person editing looks at is updated without waiting for the feeds, the
/// tag pages or the sync snapshot (Hugo's "fast render", except that the
/// rest of the site follows at once instead of staying stale).
pub struct Preview<'a> {
    /// Site-relative paths of the pages open in the browser
    /// (`tin-tuc/hop-bao/index.html`).
    pub pages: &'a HashSet<String>,
    /// Where they are written.
    pub sink: &'a dyn Sink,
    /// Called once they are written, before the rest of the site is.
    pub ready: &'a dyn Fn(),
}

impl Preview<'_> {
    /// Renders the wanted pages with every renderer that may make one of
    /// them (an entry's page is not looked for among the tag pages), then
    /// calls `ready`.
    fn render(
        &self,
        prepared: &Prepared<'_>,
        theme: &Theme,
        reuse: Reuse<'_>,
    ) -> Result<(), Error> {
        let focus = Focus::new(self.sink, self.pages);
        let pages: Vec<_> = output::renderers()
            .into_iter()
            .filter(|r| r.makes_pages() && self.pages.iter().any(|p| r.may_make(p)))
            .collect();
        run_into(&pages, prepared, theme, reuse, &focus)?;
        (self.ready)();
        Ok(())
    }
}

/// What one renderer did in a build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RendererReport {
    /// The renderer (`html`, `feeds`…).
    pub name: &'static str,
    /// Files it wrote or kept.
    pub files: usize,
    /// Of those, files kept from the previous build because their inputs
    /// did not change.
    pub kept: usize,
    /// How long it worked: planning its jobs, then running them (the next
    /// renderer plans while this one runs, so these add up to more than
    /// the build took).
    pub elapsed: Duration,
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
    /// Approved entries held back until their `publish_date`, soonest first.
    pub scheduled: Vec<crate::site::Scheduled>,
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
        options.configure(&mut config)?;
        let mut site = Site::new(root, config, content, options);
        diags.extend(site.process_photos(options.images.as_deref()));
        let mut diags = site.validate(diags)?;
        diags.extend(site.fetch_upstream(options));
        Ok((site, diags))
    }

    /// The validate stage of every command: the checks across entries.
    /// `diags` are the problems
    /// found while loading; all of them come back in `Err(Error::Invalid)`
    /// when there is an error, else the warnings.
    pub fn validate(&self, mut diags: Diagnostics) -> Result<Diagnostics, Error> {
        diags.extend(validate::content(self));
        if diags.has_errors() {
            return Err(Error::Invalid(diags));
        }
        Ok(diags)
    }

    /// The pipeline after loading and checking, the same for `build`,
    /// `check` and `serve`: prepare → plan and render every output into
    /// `sink` → check the links against what was written. Errors come
    /// back as `Err(Error::Invalid)` with every diagnostic, `diags`
    /// (the warnings so far) included.
    pub fn process(
        &self,
        mut diags: Diagnostics,
        stages: &Stages<'_>,
        sink: &dyn Sink,
    ) -> Result<Processed, Error> {
        let progress = stages.progress;
        memory::settle();
        progress.stage("prepare", None);
        let mut stored = None;
        let prepared = match (stages.bodies, stages.body_file) {
            (Some(memo), _) => Prepared::with_bodies(self, &bodies::KeptBodies(memo)),
            (None, Some(file)) => {
                let mut kept = file.take();
                let prepared = Prepared::with_bodies(self, &kept);
                kept.forget_file();
                stored = Some((kept, file.path()));
                prepared
            }
            (None, None) => Prepared::new(self),
        };
        let reuse = Reuse {
            memo: stages.memo,
            previous: stages.previous,
        };
        if let Some(preview) = stages.preview {
            preview.render(&prepared, stages.theme, reuse)?;
        }
        // The Markdown's temporaries are freed: the renderers start from
        // what is alive (after `serve`'s first pass, which waits for no one).
        memory::give_back();
        progress.stage("render", Some(estimate_outputs(&prepared)));
        let recorder = Recorder::with_progress(sink, progress);
        let keys = KeyRecorder::new();
        let by_renderer = run(
            &output::renderers(),
            &prepared,
            stages.theme,
            reuse,
            &recorder,
            &keys,
        )?;
        let clashes = recorder.clashes();
        let written = recorder.into_written();
        let (links, nesting) = rayon::join(
            || validate::links(&prepared, &written),
            || validate::nesting(&prepared),
        );
        diags.extend(links);
        diags.extend(nesting);
        if stages.implicit_ids {
            diags.extend(validate::implicit_ids(self));
        }
        for path in clashes {
            diags.push(
                Diagnostic::error("output-clash", msg!("output-clash", path = path))
                    .help(msg!("output-clash-help")),
            );
        }
        if diags.has_errors() {
            return Err(Error::Invalid(diags));
        }
        // Kept for the next build only once this one rendered.
        if let Some((kept, file)) = stored {
            kept.save(file);
        }
        Ok(Processed {
            pages: self.published_entries(),
            files: written.len(),
            by_renderer,
            warnings: diags,
            keys: keys.finish(),
        })
    }

    /// Renders every output into `sink` as a one-off build (nothing kept
    /// from an earlier one), then checks internal links against what was
    /// written. Returns the number of files written and the diagnostics
    /// (errors included).
    pub fn render(&self, sink: &dyn Sink) -> Result<(usize, Diagnostics), Error> {
        let theme = Theme::load(&self.root)?;
        let none = OutputKeys::new();
        match self.process(
            Diagnostics::new(),
            &Stages::new(&theme, &Silent, &none),
            sink,
        ) {
            Ok(done) => Ok((done.files, done.warnings)),
            Err(Error::Invalid(diags)) => Ok((0, diags)),
            Err(e) => Err(e),
        }
    }
}

/// How the callers of [`Site::process`] differ: what they keep between
/// builds and what they report.
pub struct Stages<'a> {
    /// The templates.
    pub theme: &'a Theme,
    /// Where progress goes.
    pub progress: &'a dyn Progress,
    /// Also warn about entries whose id comes from their file name
    /// (`pbgdpl check`).
    pub implicit_ids: bool,
    /// Rendered Markdown kept between builds (`serve`).
    pub bodies: Option<&'a Memo>,
    /// The file keeping rendered Markdown between builds (`pbgdpl
    /// build`: beside the output), when `bodies` is `None`.
    pub body_file: Option<&'a BodyFile>,
    /// Pieces of outputs kept between builds (`serve`).
    pub memo: Option<&'a Memo>,
    /// The keys of the previous build's files.
    pub previous: &'a OutputKeys,
    /// Render the pages open in the browser first (`serve`).
    pub preview: Option<&'a Preview<'a>>,
}

impl<'a> Stages<'a> {
    /// A one-off build: nothing kept from earlier builds but `previous`.
    pub fn new(theme: &'a Theme, progress: &'a dyn Progress, previous: &'a OutputKeys) -> Self {
        Self {
            theme,
            progress,
            implicit_ids: false,
            bodies: None,
            body_file: None,
            memo: None,
            previous,
            preview: None,
        }
    }
}

/// What [`Site::process`] did.
#[derive(Debug)]
pub struct Processed {
    /// Entries published.
    pub pages: usize,
    /// Files written (or kept) in all.
    pub files: usize,
    /// What each renderer wrote and how long it took, in the order they ran.
    pub by_renderer: Vec<RendererReport>,
    /// Warnings (the build succeeded).
    pub warnings: Diagnostics,
    /// The keys of the files written, for the next build.
    pub keys: OutputKeys,
}

/// About how many files a render writes, for progress bars.
fn estimate_outputs(p: &Prepared<'_>) -> u64 {
    let per_page = p.config.entries_per_page;
    let lists: usize = p
        .categories()
        .iter()
        .map(|c| routes::page_count(p.in_category(c).len(), per_page) + 1)
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

/// What `pbgdpl build` reads before rendering besides the sources: the
/// output's lock, then what the previous build left (its sync snapshot,
/// its files' keys, its rendered Markdown) and the templates.
struct Before {
    /// The output's lock, when the folder that holds the output exists
    /// (otherwise there is no previous build, and the folder is made only
    /// once the sources have loaded: a failed first build leaves nothing).
    lock: Option<crate::write::OutputLock>,
    previous: Option<crate::sync::previous::Previous>,
    warning: Option<Diagnostic>,
    theme: Result<Theme, Error>,
    keys_file: PathBuf,
    previous_keys: OutputKeys,
    body_file: BodyFile,
}

impl Before {
    fn read(root: &Path, output: &Path, options: &BuildOptions) -> Result<Before, Error> {
        let lock = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() && !p.is_dir() => None,
            _ => Some(crate::write::prepare_output(root, output)?),
        };
        // Read the previous snapshot before the new output replaces it.
        let (previous, warning) =
            crate::sync::previous::for_build(output, options.previous.as_deref())?;
        let keys_file = OutputKeys::file_for(output);
        let previous_keys = if output.is_dir() {
            OutputKeys::load(&keys_file)
        } else {
            OutputKeys::new()
        };
        let body_file = BodyFile::read(crate::incremental::StoredMemo::file_for(output, "bodies"));
        Ok(Before {
            lock,
            previous,
            warning,
            theme: Theme::load(root),
            keys_file,
            previous_keys,
            body_file,
        })
    }
}

/// [`build`], reporting progress to `progress`. Files whose inputs did not
/// change since the previous build into the same directory are kept from
/// it (see [`OutputKeys`]).
pub fn build_with(
    root: &Path,
    out: Option<&Path>,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, Error> {
    // The image cache trusts its records of processed photos; a copy
    // found missing or damaged in it when publishing makes the build
    // check every cached copy and run again (the failed attempt left the
    // previous output untouched). Only a missing or cut file: a full disk
    // or a refused permission would fail the same way twice.
    let first = build_once(root, out, options, progress);
    let Err(error) = &first else {
        return first;
    };
    let cache = match &options.images {
        Some(cache) => cache.clone(),
        None => std::sync::Arc::new(crate::images::Cache::open(root)),
    };
    if !damages(error, cache.dir()) {
        return first;
    }
    cache.check_again();
    let options = BuildOptions {
        images: Some(cache),
        ..options.clone()
    };
    build_once(root, out, &options, progress)
}

/// Whether `error` is a file of the image cache (under `cache`) found
/// missing or cut short: what checking the cache again repairs.
fn damages(error: &Error, cache: &Path) -> bool {
    use std::io::ErrorKind;
    matches!(error, Error::Io { path, source }
    if path.starts_with(cache)
        && matches!(
            source.kind(),
            ErrorKind::NotFound | ErrorKind::InvalidData | ErrorKind::UnexpectedEof
        ))
}

/// One attempt of [`build_with`].
fn build_once(
    root: &Path,
    out: Option<&Path>,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, Error> {
    let started = Instant::now();
    progress.stage("load", None);
    let output = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join("public"));
    // The sources load while what the previous build left beside its
    // output is read: on a no-op rebuild these reads were a third of the
    // time one core worked alone.
    let (loaded, before) = rayon::join(
        || Site::load(root, options),
        || Before::read(root, &output, options),
    );
    let (mut site, mut diags) = loaded?;
    let Before {
        lock,
        previous,
        warning,
        theme,
        keys_file,
        previous_keys,
        body_file,
    } = before?;
    // A first build into a new folder makes it now, the sources loaded.
    let _lock = match lock {
        Some(lock) => lock,
        None => crate::write::prepare_output(root, &output)?,
    };
    let scheduled = site.scheduled();
    site.previous = previous;
    diags.extend(warning.into_iter().collect());
    let theme = theme?;
    let staging = Staging::new(&output)?;
    let sink = output::DirSink::with_previous(staging.path(), &output)
        .trusting(previous_keys.saved(), previous_keys.len());
    let mut stages = Stages::new(&theme, progress, &previous_keys);
    stages.body_file = Some(&body_file);
    let done = site
        .process(diags, &stages, &sink)
        .map_err(|e| staging.blame(e))?;
    let read_back = sink.read_back();
    // A no-op rebuild leaves the previous output where it is: it is
    // already this build's, file for file; and its keys too, when they
    // describe it as this build would: the moment they were saved still
    // tells which files are untouched. (Both looked at together: on one
    // core, comparing the keys was a no-op's last stretch.)
    let (finished, same_files) =
        rayon::join(|| sink.finish(), || done.keys.same_files(&previous_keys));
    let finished = finished.map_err(|e| staging.blame(e))?;
    let same_keys = !read_back && same_files;
    if finished == output::Finished::Changed || !same_keys {
        // The keys describe the new output: remove the old ones first, so
        // a crash between the two steps leaves no keys rather than wrong
        // ones.
        let _ = std::fs::remove_file(&keys_file);
        if finished == output::Finished::Changed {
            staging.commit()?;
        }
        // Without the keys the next build renders everything: not an error.
        let _ = done.keys.save(&keys_file);
    }
    let report = BuildReport {
        scheduled,
        pages: done.pages,
        files: done.files,
        by_renderer: done.by_renderer,
        warnings: done.warnings,
        output,
        elapsed: started.elapsed(),
    };
    free_later((site, previous_keys, done.keys));
    Ok(report)
}

/// Frees `value` on a thread of its own. Giving back the memory of a
/// 10,000-entry section (its sources, entries and the keys of 30,000
/// files) took one core about a tenth of a no-op rebuild, after the
/// output was complete: the caller (`pbgdpl build` prints its report and
/// exits) need not wait for it.
fn free_later<T: Send + 'static>(value: T) {
    // When no thread can be started, `spawn` drops the closure, and the
    // value with it, in this one.
    let _ = std::thread::Builder::new()
        .name("pbgdpl-free".into())
        .spawn(move || drop(value));
}

/// Loads, checks and renders the site without writing anything. Returns the
/// warnings; errors come back as `Err(Error::Invalid)` with every diagnostic.
pub fn check(root: &Path, options: &BuildOptions) -> Result<Diagnostics, Error> {
    check_with_schedule(root, options).map(|(warnings, _)| warnings)
}

/// [`check`], also returning the approved entries held back until their
/// `publish_date`, soonest first.
pub fn check_with_schedule(
    root: &Path,
    options: &BuildOptions,
) -> Result<(Diagnostics, Vec<crate::site::Scheduled>), Error> {
    let (site, diags) = Site::load(root, options)?;
    let scheduled = site.scheduled();
    let theme = Theme::load(&site.root)?;
    let none = OutputKeys::new();
    let mut stages = Stages::new(&theme, &Silent, &none);
    stages.implicit_ids = true;
    site.process(diags, &stages, &NullSink)
        .map(|done| (done.warnings, scheduled))
}

/// What the loop may reuse: pieces of outputs and the keys of the
/// previous build's files.
#[derive(Clone, Copy)]
pub struct Reuse<'a> {
    /// Pieces of outputs kept between builds (`serve`).
    pub memo: Option<&'a Memo>,
    /// The keys of the previous build's files.
    pub previous: &'a OutputKeys,
}

/// Runs `outputs` on the prepared site (a section's [`Prepared`], or the
/// hub: any [`Kind`]) into `out`; returns what each did. `out` must count
/// what it receives (a [`Recorder`] does) for the reports to say how many
/// files each renderer wrote.
pub fn run<'p, K: Kind>(
    outputs: &[&'p (dyn Output<K> + 'static)],
    input: &'p K::Input<'p>,
    theme: &'p Theme,
    reuse: Reuse<'p>,
    out: &crate::output::Recorder<'_>,
    keys: &KeyRecorder,
) -> Result<Vec<RendererReport>, Error> {
    let common = K::common(input);
    let cx = RenderContext::<K>::new(common, theme, reuse.memo);
    let site_key = {
        let mut h = Xxh3::new();
        h.write_u64(K::fingerprint(common));
        h.write_u64(theme.fingerprint());
        h.finish()
    };
    let mut reports = Vec::with_capacity(outputs.len());
    let last_list = outputs.iter().rposition(|o| o.lists_entries());
    let plan = |n: usize| -> Result<Option<TimedPlan<'p, K>>, Error> {
        let Some(output) = outputs.get(n) else {
            return Ok(None);
        };
        let started = Instant::now();
        let planned = output.plan(input)?;
        Ok(Some((planned, started.elapsed())))
    };
    let mut next = plan(0)?;
    for (n, output) in outputs.iter().enumerate() {
        let Some((planned, planning)) = next.take() else {
            break;
        };
        let (files, kept) = (out.count(), out.kept());
        // The next renderer plans while this one's jobs run: planning is
        // mostly one core's work (a no-op rebuild spent a third of its
        // single-core time there), the jobs spread over every core.
        let (ran, planned_next) = rayon::join(
            || -> Result<Duration, Error> {
                let started = Instant::now();
                run_jobs(
                    output.name(),
                    &*planned,
                    &cx,
                    site_key,
                    reuse.previous,
                    out,
                    keys,
                )?;
                copy(planned.copies(), reuse.previous, out, keys)?;
                Ok(started.elapsed())
            },
            || plan(n + 1),
        );
        let running = ran?;
        drop(planned);
        next = planned_next?;
        if Some(n) == last_list {
            K::lists_done(input);
            // What the lists shared is freed: the outputs after them do
            // not grow the process on top of it.
            memory::give_back();
        }
        reports.push(RendererReport {
            name: output.name(),
            files: out.count() - files,
            kept: out.kept() - kept,
            elapsed: planning + running,
        });
    }
    Ok(reports)
}

/// A renderer's jobs and how long planning them took.
type TimedPlan<'p, K> = (Box<dyn Planned<K> + 'p>, Duration);

/// Runs the jobs of `outputs` into `out` without counting anything: the
/// first pass of a `serve` rebuild, whose `out` takes only some pages.
pub fn run_into<'p>(
    outputs: &[&'p (dyn Output + 'static)],
    prepared: &'p Prepared<'p>,
    theme: &'p Theme,
    reuse: Reuse<'p>,
    out: &dyn Sink,
) -> Result<(), Error> {
    let recorder = crate::output::Recorder::new(out);
    run(
        outputs,
        prepared,
        theme,
        reuse,
        &recorder,
        &KeyRecorder::new(),
    )
    .map(|_| ())
}

fn job_key<K: Kind>(name: &str, site_key: u64, planned: &dyn Planned<K>, i: usize) -> u64 {
    let mut h = Xxh3::new();
    name.hash(&mut h);
    h.write_u64(site_key);
    planned.paths(i).hash(&mut h);
    planned.hash_view(i, &mut h);
    h.finish()
}

fn run_jobs<K: Kind>(
    name: &str,
    planned: &dyn Planned<K>,
    cx: &RenderContext<'_, K>,
    site_key: u64,
    previous: &OutputKeys,
    out: &dyn Sink,
    keys: &KeyRecorder,
) -> Result<(), Error> {
    (0..planned.len()).into_par_iter().try_for_each(|i| {
        let paths = planned.paths(i);
        if !paths.iter().any(|p| out.wants(p)) {
            return Ok(());
        }
        let key = job_key(name, site_key, planned, i);
        if planned.names_files(i) {
            return run_naming_job(name, planned, i, cx, key, previous, out, keys);
        }
        let mut missing = Vec::new();
        for (n, path) in paths.iter().enumerate() {
            match previous.matching(path, key) {
                Some(made) if out.keep(path, &made)? => keys.record(path, made),
                _ => missing.push(n),
            }
        }
        if !missing.is_empty() {
            let files = planned.render(i, cx)?;
            for n in missing {
                let bytes = files.get(n).ok_or_else(|| Error::Template {
                    name: name.to_string(),
                    message: format!("no content for {}", paths[n]),
                })?;
                out.write(&paths[n], bytes)?;
                keys.record(&paths[n], Made::rendered(key, bytes));
            }
        }
        Ok(())
    })
}

/// Runs job `i` of `planned`, which names files after their contents
/// ([`output::Job::naming_files`]): when the previous build made its
/// paths with the same key, keeps every file it made with that key (its
/// named files too) without rendering; otherwise renders it and keeps
/// each file whose bytes the previous build wrote at the same path.
#[allow(clippy::too_many_arguments)]
fn run_naming_job<K: Kind>(
    name: &str,
    planned: &dyn Planned<K>,
    i: usize,
    cx: &RenderContext<'_, K>,
    key: u64,
    previous: &OutputKeys,
    out: &dyn Sink,
    keys: &KeyRecorder,
) -> Result<(), Error> {
    let paths = planned.paths(i);
    let kept: HashSet<&str> = if paths.iter().all(|p| previous.matching(p, key).is_some()) {
        let made = previous.made_by(key);
        let kept: Vec<Option<&str>> = made
            .par_iter()
            .map(|(path, made)| {
                Ok(out.keep(path, made)?.then(|| {
                    keys.record(path, *made);
                    *path
                }))
            })
            .collect::<Result<_, Error>>()?;
        if kept.iter().all(Option::is_some) {
            return Ok(());
        }
        kept.into_iter().flatten().collect()
    } else {
        HashSet::new()
    };
    // Each file as soon as it is made: kept when the previous build wrote
    // the same bytes at its path, else written.
    let emit = |path: &str, bytes: &[u8]| -> Result<(), Error> {
        let made = Made::rendered(key, bytes);
        if kept.contains(path) {
            keys.record(path, made);
            return Ok(());
        }
        let same = previous
            .get(path)
            .filter(|old| old.len == made.len && old.digest == made.digest);
        match same {
            Some(old) if out.keep(path, &old)? => {}
            _ => out.write(path, bytes)?,
        }
        keys.record(path, made);
        Ok(())
    };
    let files = planned.render_named(i, cx, &emit)?;
    if files.len() != paths.len() {
        return Err(Error::Template {
            name: name.to_string(),
            message: format!("{} files for {} paths", files.len(), paths.len()),
        });
    }
    paths
        .par_iter()
        .zip(files.par_iter())
        .try_for_each(|(path, bytes)| emit(path, bytes))
}

/// Copies files as they are, keeping those whose source did not change.
fn copy(
    assets: &[&crate::content::model::Asset],
    previous: &OutputKeys,
    out: &dyn Sink,
    keys: &KeyRecorder,
) -> Result<(), Error> {
    assets.par_iter().try_for_each(|a| {
        if !out.wants(&a.dest) {
            return Ok(());
        }
        // A file of the content is known by its size and modification
        // time; one that never changes (a processed photo in the cache,
        // named by the hash of its source) by its path and size alone,
        // without a `stat`: one system call fewer for each of a photo's
        // copies on every build.
        let (len, modified) = match a.fixed_size {
            Some(len) => (len, 0),
            None => {
                let meta = std::fs::metadata(&a.source).map_err(Error::io(&a.source))?;
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                (meta.len(), modified)
            }
        };
        let mut h = Xxh3::new();
        "copy".hash(&mut h);
        a.source.hash(&mut h);
        len.hash(&mut h);
        modified.hash(&mut h);
        let made = Made {
            key: h.finish(),
            len,
            digest: None,
        };
        let kept = match previous.matching(&a.dest, made.key) {
            Some(old) => out.keep(&a.dest, &old)?,
            None => false,
        };
        if !kept {
            if a.fixed_size.is_some() {
                cached_whole(&a.source, len)?;
                out.share(&a.dest, &a.source)?;
            } else {
                out.copy(&a.dest, &a.source)?;
            }
        }
        keys.record(&a.dest, made);
        Ok(())
    })
}

/// Checks that the file `source` of the image cache, about to be
/// published, is there — a file, not a link to somewhere else — with the
/// size the cache recorded: the cache's records are trusted when it is
/// read ([`crate::images::Cache`]), so a damaged cache shows here, as an
/// error on the file that [`build_with`] answers by checking the whole
/// cache and building again.
fn cached_whole(source: &Path, len: u64) -> Result<(), Error> {
    let meta = std::fs::symlink_metadata(source).map_err(Error::io(source))?;
    if !meta.is_file() || meta.len() != len {
        return Err(Error::io(source)(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{} bytes, {len} expected", meta.len()),
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::output::{DirSink, Emit, Job, Renderer};

    #[test]
    fn only_a_missing_or_cut_cached_file_is_repaired_by_building_again() {
        use std::io::{Error as IoError, ErrorKind};
        let cache = Path::new("/site/.pbgdpl-cache/images");
        let io = |path: &str, kind: ErrorKind| Error::Io {
            path: PathBuf::from(path),
            source: IoError::new(kind, "x"),
        };
        let file = "/site/.pbgdpl-cache/images/ab12/960.webp";
        assert!(damages(&io(file, ErrorKind::NotFound), cache));
        assert!(damages(&io(file, ErrorKind::InvalidData), cache));
        // A full disk or a refusal would fail the same way again.
        assert!(!damages(&io(file, ErrorKind::StorageFull), cache));
        assert!(!damages(&io(file, ErrorKind::PermissionDenied), cache));
        // Not the cache's.
        assert!(!damages(
            &io("/site/content/anh.jpg", ErrorKind::NotFound),
            cache
        ));
    }

    /// A site whose input is a list of words.
    struct Words;

    impl Kind for Words {
        type Input<'p> = Vec<&'static str>;
        type Common<'p> = ();

        fn common<'p>(_: &'p Vec<&'static str>) -> &'p () {
            &()
        }

        fn fingerprint(_: &()) -> u64 {
            0
        }
    }

    /// An index of words: a page listing them and one file per word,
    /// named by the word. Counts how often it is made.
    struct WordIndex;

    static MADE: AtomicUsize = AtomicUsize::new(0);

    impl Renderer<Words> for WordIndex {
        type View<'p> = &'p [&'static str];

        fn name(&self) -> &'static str {
            "words"
        }

        fn jobs<'p>(
            &'p self,
            words: &'p Vec<&'static str>,
        ) -> Result<Vec<Job<Self::View<'p>>>, Error> {
            Ok(vec![
                Job::file("index.html", words.as_slice()).naming_files(),
            ])
        }

        fn render(
            &self,
            cx: &RenderContext<'_, Words>,
            view: &Self::View<'_>,
            paths: &[String],
        ) -> Result<Vec<Vec<u8>>, Error> {
            self.render_named(cx, view, paths, &|_, _| Ok(()))
        }

        fn render_named(
            &self,
            _: &RenderContext<'_, Words>,
            words: &Self::View<'_>,
            _: &[String],
            emit: &Emit<'_>,
        ) -> Result<Vec<Vec<u8>>, Error> {
            MADE.fetch_add(1, Ordering::SeqCst);
            for w in words.iter() {
                emit(&format!("w/{w}.txt"), w.as_bytes())?;
            }
            Ok(vec![words.join(" ").into_bytes()])
        }
    }

    /// Builds `words` into `dir`, from the previous build in `previous`;
    /// returns the keys, the number of files kept and written. When the
    /// previous output already is the build's, it is moved to `dir`.
    fn build(
        words: Vec<&'static str>,
        theme: &Theme,
        dir: &Path,
        previous: Option<(&Path, &OutputKeys)>,
    ) -> (OutputKeys, usize, usize) {
        std::fs::create_dir_all(dir).unwrap();
        let none = OutputKeys::new();
        let sink = match previous {
            Some((old, _)) => DirSink::with_previous(dir, old),
            None => DirSink::new(dir),
        };
        let recorder = Recorder::new(&sink);
        let keys = KeyRecorder::new();
        let reuse = Reuse {
            memo: None,
            previous: previous.map_or(&none, |(_, k)| k),
        };
        run::<Words>(&[&WordIndex], &words, theme, reuse, &recorder, &keys).unwrap();
        let kept = recorder.kept();
        let written = recorder.count() - kept;
        if sink.finish().unwrap() == output::Finished::Unchanged {
            std::fs::remove_dir(dir).unwrap();
            std::fs::rename(previous.unwrap().0, dir).unwrap();
        }
        (keys.finish(), kept, written)
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir.join("w"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// A site that counts how often the build loop said its lists were
    /// done.
    struct Lists;

    static LISTS_DONE: AtomicUsize = AtomicUsize::new(0);

    impl Kind for Lists {
        type Input<'p> = ();
        type Common<'p> = ();

        fn common(_: &()) -> &() {
            &()
        }

        fn fingerprint(_: &()) -> u64 {
            0
        }

        fn lists_done(_: &()) {
            LISTS_DONE.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// Writes `<name>.txt`: how often the lists were done when it rendered.
    struct Seen {
        name: &'static str,
        lists: bool,
    }

    impl Renderer<Lists> for Seen {
        type View<'p> = ();

        fn name(&self) -> &'static str {
            self.name
        }

        fn lists_entries(&self) -> bool {
            self.lists
        }

        fn jobs<'p>(&'p self, _: &'p ()) -> Result<Vec<Job<()>>, Error> {
            Ok(vec![Job::file(format!("{}.txt", self.name), ())])
        }

        fn render(
            &self,
            _: &RenderContext<'_, Lists>,
            _: &(),
            _: &[String],
        ) -> Result<Vec<Vec<u8>>, Error> {
            let done = LISTS_DONE.load(Ordering::SeqCst);
            Ok(vec![done.to_string().into_bytes()])
        }
    }

    #[test]
    fn lists_are_done_once_the_last_renderer_listing_entries_ran() {
        static A: Seen = Seen {
            name: "a",
            lists: true,
        };
        static B: Seen = Seen {
            name: "b",
            lists: false,
        };
        static C: Seen = Seen {
            name: "c",
            lists: true,
        };
        static D: Seen = Seen {
            name: "d",
            lists: false,
        };
        let tmp = tempfile::tempdir().unwrap();
        let theme = Theme::load(tmp.path()).unwrap();
        let sink = output::MemorySink::new();
        let recorder = Recorder::new(&sink);
        let none = OutputKeys::new();
        let reuse = Reuse {
            memo: None,
            previous: &none,
        };
        let outputs: [&dyn Output<Lists>; 4] = [&A, &B, &C, &D];
        run::<Lists>(&outputs, &(), &theme, reuse, &recorder, &KeyRecorder::new()).unwrap();
        let seen: Vec<String> = ["a", "b", "c", "d"]
            .iter()
            .map(|n| String::from_utf8(sink.get(&format!("{n}.txt")).unwrap()).unwrap())
            .collect();
        assert_eq!(seen, ["0", "0", "0", "1"]);
        assert_eq!(LISTS_DONE.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_job_naming_files_is_made_only_when_its_view_changes() {
        let tmp = tempfile::tempdir().unwrap();
        let theme = Theme::load(tmp.path()).unwrap();
        let dir = |n: &str| tmp.path().join(n);
        let made = || MADE.load(Ordering::SeqCst);

        let (keys, kept, written) = build(vec!["a", "b"], &theme, &dir("1"), None);
        assert_eq!((made(), kept, written), (1, 0, 3));

        // Nothing changed: every file kept, nothing made.
        let (keys, kept, written) =
            build(vec!["a", "b"], &theme, &dir("2"), Some((&dir("1"), &keys)));
        assert_eq!((made(), kept, written), (1, 3, 0));
        assert_eq!(files(&dir("2")), ["a.txt", "b.txt"]);

        // One word changed: made again; the file of the other is kept.
        let (keys, kept, written) =
            build(vec!["a", "c"], &theme, &dir("3"), Some((&dir("2"), &keys)));
        assert_eq!((made(), kept, written), (2, 1, 2));
        assert_eq!(files(&dir("3")), ["a.txt", "c.txt"]);
        assert_eq!(std::fs::read(dir("3").join("index.html")).unwrap(), b"a c");

        // A kept file damaged since: the job is made again, nothing lost.
        std::fs::write(dir("3").join("w/c.txt"), "x").unwrap();
        build(vec!["a", "c"], &theme, &dir("4"), Some((&dir("3"), &keys)));
        assert_eq!(made(), 3);
        assert_eq!(std::fs::read(dir("4").join("w/c.txt")).unwrap(), b"c");
        assert_eq!(files(&dir("4")), ["a.txt", "c.txt"]);
    }
}
