//! Outputs: each kind of file the build emits (HTML pages, static assets,
//! sitemap, feeds, the sync snapshot, embeds…) is one [`Renderer`].
//!
//! A renderer does two things and knows nothing else:
//!
//! 1. [`Renderer::jobs`]: from the prepared site, it declares its jobs.
//!    A [`Job`] names the file(s) it writes and carries one typed *view*:
//!    everything the job shows besides what every page shows
//!    ([`Common`]). The view derives [`Hash`]; it holds entries as
//!    [`Full`] (the whole page) or [`Listed`] (what a list shows), whose
//!    hashes are the pages' fingerprints.
//! 2. [`Renderer::render`]: from the [`Common`] part of the site and one
//!    view, it makes the bytes of the job's files.
//!
//! The build loop ([`crate::pipeline`]) does the rest: it hashes each
//! job's view with the site-wide fingerprint, keeps the previous build's
//! files when that hash has not changed (in `serve` and in `pbgdpl build`
//! alike), renders the other jobs in parallel, writes them through a
//! [`Sink`] and times each renderer. Since what is hashed is what is
//! rendered, a renderer cannot forget an input: `render` has no other way
//! to reach the entries.
//!
//! Files named after their contents (the search index) cannot be listed
//! before they are made: their renderer declares a job that
//! [names files](Job::naming_files) and makes them in
//! [`Renderer::render_named`], handing each to the loop as soon as it is
//! made ([`Emit`]), so that a large index is never whole in memory. The
//! loop keeps every file of such a job while its view hashes as before,
//! and renders it only when it changed.
//!
//! **Adding an output**: write a `Renderer` in `src/output/<name>.rs`
//! (its view type, `jobs`, `render`), take paths from [`crate::routes`],
//! and add it to [`renderers`]. No fingerprint, cache or file-writing code.

pub mod assets;
pub mod banner_image;
pub mod embed;
pub mod feeds;
pub mod files;
pub mod filters;
pub mod html;
pub mod inode;
pub mod minify;
pub mod pagination;
pub mod schemas;
pub mod search;
pub mod sink;
pub mod sitemap;
pub mod statistics;
pub mod statistics_json;
pub mod store;
pub mod sync;
pub mod tags;

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::content::model::Asset;
use crate::error::Error;
use crate::render::templates::Theme;
use crate::render::{Common, Prepared};

pub use crate::incremental::Memo;
pub use crate::render::{Full, Listed};
pub use sink::{DirSink, Finished, Focus, MemorySink, NullSink, Recorder, Sink};

/// One unit of work of a renderer: the files it writes, and the view they
/// are made from.
#[derive(Debug)]
pub struct Job<V> {
    /// Site-relative paths of the files, in the order
    /// [`Renderer::render`] returns their bytes.
    pub paths: Vec<String>,
    /// What the files show besides [`Common`]: hashed by the build loop,
    /// then given to [`Renderer::render`].
    pub view: V,
    /// Whether the job also makes files it names itself, after their
    /// contents ([`Renderer::render_named`]): files whose names are known
    /// only once they are made.
    pub names_files: bool,
}

impl<V> Job<V> {
    /// A job writing one file at `path`.
    pub fn file(path: impl Into<String>, view: V) -> Self {
        Self::files(vec![path.into()], view)
    }

    /// A job writing the files at `paths`.
    pub fn files(paths: Vec<String>, view: V) -> Self {
        Self {
            paths,
            view,
            names_files: false,
        }
    }

    /// A job writing the page at `path` (`tin-tuc/` → `tin-tuc/index.html`).
    pub fn page(path: &str, view: V) -> Self {
        Self::file(crate::routes::index_file(path), view)
    }

    /// The same job, also making files named after their contents
    /// ([`Renderer::render_named`]; a content-hashed index). When its
    /// view is unchanged, the build loop keeps every file the previous
    /// build made from it without rendering anything; when it changed,
    /// the loop renders it and keeps the files whose bytes are the same.
    pub fn naming_files(mut self) -> Self {
        self.names_files = true;
        self
    }
}

/// Where a job that names files hands over each file it names, as soon as
/// it is made, from any thread: its site-relative path and its bytes. The
/// build loop writes the file (or keeps the previous build's copy) before
/// it returns, so the renderer need not hold it.
pub type Emit<'a> = dyn Fn(&str, &[u8]) -> Result<(), Error> + Sync + 'a;

/// A kind of site the build loop renders: a [`Section`], or the
/// provincial hub (`crate::aggregate::hub::HubSite`). Its renderers plan
/// their jobs from its [`Kind::Input`] and render them from its
/// [`Kind::Common`] part (what every page may show) and the job's view.
pub trait Kind: 'static {
    /// What renderers plan their jobs from (a section's [`Prepared`]).
    type Input<'p>: Sync;
    /// What every job may show besides its view (a section's [`Common`]);
    /// its [`Kind::fingerprint`] covers all of it.
    type Common<'p>: Sync;
    /// The [`Kind::Common`] part of `input`.
    fn common<'p>(input: &'p Self::Input<'p>) -> &'p Self::Common<'p>;
    /// Fingerprint of everything `common` holds.
    fn fingerprint(common: &Self::Common<'_>) -> u64;
    /// Called by the build loop once the last renderer that
    /// [lists entries](Renderer::lists_entries) is done: what only lists
    /// use can be dropped (a section's shared list values).
    fn lists_done(_input: &Self::Input<'_>) {}
}

/// An agency's section: renderers plan from [`Prepared`] and render from
/// [`Common`].
pub struct Section;

impl Kind for Section {
    type Input<'p> = Prepared<'p>;
    type Common<'p> = Common<'p>;

    fn common<'p>(input: &'p Prepared<'p>) -> &'p Common<'p> {
        &input.common
    }

    fn fingerprint(common: &Common<'_>) -> u64 {
        common.fingerprint
    }

    fn lists_done(input: &Prepared<'_>) {
        input.forget_list_values();
    }
}

/// What a renderer sees while rendering: the site-wide part of the
/// site, the theme, and pieces of outputs kept between builds.
pub struct RenderContext<'a, K: Kind = Section> {
    /// What every page may show.
    pub common: &'a K::Common<'a>,
    /// The templates.
    pub theme: &'a Theme,
    memo: Option<&'a Memo>,
    /// The hashes of published files made in this build, when no memo
    /// keeps them between builds.
    files: Memo,
}

impl<'a, K: Kind> RenderContext<'a, K> {
    /// A context; `memo` keeps pieces of outputs between builds (`serve`).
    pub fn new(common: &'a K::Common<'a>, theme: &'a Theme, memo: Option<&'a Memo>) -> Self {
        Self {
            common,
            theme,
            memo,
            files: Memo::new(),
        }
    }

    /// The SHA-256 (lowercase hex) of a published file's bytes: the one
    /// it comes with when known (a processed photo's copy), else read
    /// once per build whichever outputs ask, and kept between builds of
    /// `serve` while its path, size and modification time are the same.
    pub fn file_sha256(&self, file: &files::FileOnDisk) -> Result<Arc<String>, Error> {
        if let Some(known) = &file.sha256 {
            return Ok(known.clone());
        }
        let key = crate::fingerprint::Fingerprint::new().value(file).finish();
        self.memo
            .unwrap_or(&self.files)
            .get_or_make("file-sha256", key, || files::sha256_of(file))
    }

    /// Renders a template into an HTML document. The templates were made
    /// compact when the theme loaded ([`crate::render::compact`]): pages
    /// are not minified one by one.
    pub fn page(&self, template: &str, context: &tera::Context) -> Result<Vec<u8>, Error> {
        Ok(self.theme.render(template, context)?.into_bytes())
    }

    /// `make(view)`, or the value it gave for an equal view (same type,
    /// same hash) in this or the previous build when pieces are kept
    /// (`serve`): for whole-site files made of one piece per entry
    /// (`sync.json`, the search index), whose pieces mostly do not change.
    pub fn piece<V: Hash, T: std::any::Any + Send + Sync>(
        &self,
        view: &V,
        make: impl FnOnce(&V) -> Result<T, Error>,
    ) -> Result<Arc<T>, Error> {
        match self.memo {
            Some(memo) => {
                let key = crate::fingerprint::Fingerprint::new()
                    .number(K::fingerprint(self.common))
                    .bytes(std::any::type_name::<V>())
                    .value(view)
                    .finish();
                memo.get_or_make(std::any::type_name::<T>(), key, || make(view))
            }
            None => make(view).map(Arc::new),
        }
    }

    /// True when pieces are kept between builds (`serve`).
    pub fn keeps_pieces(&self) -> bool {
        self.memo.is_some()
    }
}

impl<'a, K: Kind> std::ops::Deref for RenderContext<'a, K> {
    type Target = K::Common<'a>;

    fn deref(&self) -> &K::Common<'a> {
        self.common
    }
}

/// One kind of output (see the module documentation) of a [`Kind`] of
/// site (a [`Section`] unless said otherwise).
pub trait Renderer<K: Kind = Section>: Sync {
    /// What one job is made from besides [`Common`]. Its [`Hash`] must
    /// reach everything [`Renderer::render`] reads of it (derive it).
    type View<'p>: Hash + Sync + Send
    where
        Self: 'p;

    /// A short name for progress and error messages (`html`, `sitemap`…).
    fn name(&self) -> &'static str;

    /// Whether it makes pages a browser shows (HTML), so that the first
    /// pass of a `serve` rebuild runs its jobs for the pages open in the
    /// browser.
    fn makes_pages(&self) -> bool {
        false
    }

    /// For a renderer that makes pages: whether the page at `path` (a
    /// site-relative output path, `tin-tuc/hop-bao/index.html`) may be
    /// one of them. The first pass of a `serve` rebuild plans only the
    /// renderers that may make a page open in the browser; saying yes
    /// wrongly costs time, saying no wrongly leaves the page stale until
    /// the rest of the site follows.
    fn may_make(&self, _path: &str) -> bool {
        true
    }

    /// Whether its pages list entries with [`Common::list_value`], the
    /// template values lists share: the build loop keeps those values
    /// until the last renderer that says so is done. Saying so is only
    /// about memory (a value dropped too early is made again).
    fn lists_entries(&self) -> bool {
        false
    }

    /// Declares the jobs of this build.
    fn jobs<'p>(&'p self, site: &'p K::Input<'p>) -> Result<Vec<Job<Self::View<'p>>>, Error>;

    /// Files copied as they are (static files, attachments).
    fn copies<'p>(&'p self, _site: &'p K::Input<'p>) -> Vec<&'p Asset> {
        Vec::new()
    }

    /// The bytes of each of `paths` (the job's), made from `view`.
    fn render(
        &self,
        cx: &RenderContext<'_, K>,
        view: &Self::View<'_>,
        paths: &[String],
    ) -> Result<Vec<Vec<u8>>, Error>;

    /// For a job [naming files](Job::naming_files): the bytes of each of
    /// `paths`, after handing every file it names after its contents to
    /// `emit`. A renderer without such jobs names none.
    fn render_named(
        &self,
        cx: &RenderContext<'_, K>,
        view: &Self::View<'_>,
        paths: &[String],
        _emit: &Emit<'_>,
    ) -> Result<Vec<Vec<u8>>, Error> {
        self.render(cx, view, paths)
    }
}

/// The jobs of one renderer, as the build loop handles them (the
/// renderer's view type erased).
pub trait Planned<K: Kind = Section>: Sync + Send {
    /// Number of jobs.
    fn len(&self) -> usize;
    /// True when there is no job.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The paths of job `i`.
    fn paths(&self, i: usize) -> &[String];
    /// Feeds the view of job `i` to `state`.
    fn hash_view(&self, i: usize, state: &mut dyn Hasher);
    /// Whether job `i` names files ([`Job::naming_files`]).
    fn names_files(&self, i: usize) -> bool;
    /// Renders job `i`.
    fn render(&self, i: usize, cx: &RenderContext<'_, K>) -> Result<Vec<Vec<u8>>, Error>;
    /// Renders job `i`, handing the files it names to `emit`.
    fn render_named(
        &self,
        i: usize,
        cx: &RenderContext<'_, K>,
        emit: &Emit<'_>,
    ) -> Result<Vec<Vec<u8>>, Error>;
    /// Files copied as they are.
    fn copies(&self) -> &[&Asset];
}

/// A renderer as the build loop sees it.
pub trait Output<K: Kind = Section>: Sync {
    /// [`Renderer::name`].
    fn name(&self) -> &'static str;
    /// [`Renderer::makes_pages`].
    fn makes_pages(&self) -> bool;
    /// [`Renderer::may_make`].
    fn may_make(&self, path: &str) -> bool;
    /// [`Renderer::lists_entries`].
    fn lists_entries(&self) -> bool;
    /// [`Renderer::jobs`], type-erased.
    fn plan<'p>(&'p self, site: &'p K::Input<'p>) -> Result<Box<dyn Planned<K> + 'p>, Error>;
}

struct Plan<'p, K: Kind, R: Renderer<K> + 'p> {
    renderer: &'p R,
    jobs: Vec<Job<R::View<'p>>>,
    copies: Vec<&'p Asset>,
}

impl<'p, K: Kind, R: Renderer<K> + 'p> Planned<K> for Plan<'p, K, R> {
    fn len(&self) -> usize {
        self.jobs.len()
    }

    fn paths(&self, i: usize) -> &[String] {
        &self.jobs[i].paths
    }

    fn hash_view(&self, i: usize, mut state: &mut dyn Hasher) {
        self.jobs[i].view.hash(&mut state);
    }

    fn names_files(&self, i: usize) -> bool {
        self.jobs[i].names_files
    }

    fn render(&self, i: usize, cx: &RenderContext<'_, K>) -> Result<Vec<Vec<u8>>, Error> {
        let job = &self.jobs[i];
        self.renderer.render(cx, &job.view, &job.paths)
    }

    fn render_named(
        &self,
        i: usize,
        cx: &RenderContext<'_, K>,
        emit: &Emit<'_>,
    ) -> Result<Vec<Vec<u8>>, Error> {
        let job = &self.jobs[i];
        self.renderer.render_named(cx, &job.view, &job.paths, emit)
    }

    fn copies(&self) -> &[&Asset] {
        &self.copies
    }
}

impl<K: Kind, R: Renderer<K>> Output<K> for R {
    fn name(&self) -> &'static str {
        Renderer::name(self)
    }

    fn makes_pages(&self) -> bool {
        Renderer::makes_pages(self)
    }

    fn may_make(&self, path: &str) -> bool {
        Renderer::may_make(self, path)
    }

    fn lists_entries(&self) -> bool {
        Renderer::lists_entries(self)
    }

    fn plan<'p>(&'p self, site: &'p K::Input<'p>) -> Result<Box<dyn Planned<K> + 'p>, Error> {
        Ok(Box::new(Plan {
            renderer: self,
            jobs: self.jobs(site)?,
            copies: self.copies(site),
        }))
    }
}

/// Every renderer of a build, in the order they run. Those that list
/// entries come first, one after the other: the template values they
/// share are dropped once they are done ([`Kind::lists_done`]), before the
/// search index and the feeds take their memory.
pub fn renderers() -> Vec<&'static dyn Output> {
    vec![
        &assets::Assets,
        &html::HtmlPages,
        &filters::Filters,
        &tags::Tags,
        &sitemap::Sitemap,
        &statistics::StatisticsFiles,
        &statistics_json::StatisticsJson,
        &search::Search,
        &feeds::Feeds,
        &sync::SyncManifest,
        &schemas::Schemas,
        &embed::Embeds,
        &banner_image::BannerImage,
    ]
}
