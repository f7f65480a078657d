//! Outputs: each kind of file the build emits (HTML pages, static assets,
//! sitemap, feeds, the sync snapshot, embeds…) is one [`Renderer`],
//! writing through a [`Sink`].

pub mod assets;
pub mod banner_image;
pub mod chart;
pub mod embed;
pub mod feeds;
pub mod filters;
pub mod html;
pub mod memo;
pub mod minify;
pub mod schemas;
pub mod search;
pub mod sink;
pub mod sitemap;
pub mod statistics;
pub mod store;
pub mod sync;
pub mod tags;

use std::sync::Arc;

use crate::error::Error;
use crate::fingerprint::Fingerprint;
use crate::render::Prepared;
use crate::render::templates::Theme;

pub use memo::Memo;
pub use sink::{DirSink, Focus, MemorySink, NullSink, Recorder, Sink};

/// Everything a renderer needs.
pub struct RenderContext<'a> {
    /// The rendered site.
    pub prepared: &'a Prepared<'a>,
    /// The templates.
    pub theme: &'a Theme,
    /// Pieces of outputs kept from the previous build (`serve`); none in
    /// one-off builds.
    pub memo: Option<&'a Memo>,
}

impl RenderContext<'_> {
    /// Fingerprint of what every page made from the templates shows besides
    /// its own entries: the site ([`Prepared::fingerprint`]) and the theme.
    pub fn page_fingerprint(&self) -> u64 {
        Fingerprint::new()
            .number(self.prepared.fingerprint)
            .number(self.theme.fingerprint())
            .finish()
    }

    /// True when values are kept between builds (`serve`).
    pub fn memoizes(&self) -> bool {
        self.memo.is_some()
    }

    /// `make()`, or the value it gave for the same `kind` and `key` in the
    /// previous build when there is a [`Memo`]. `key` must fingerprint
    /// everything `make` reads.
    pub fn memo<T: std::any::Any + Send + Sync>(
        &self,
        kind: &'static str,
        key: u64,
        make: impl FnOnce() -> Result<T, Error>,
    ) -> Result<Arc<T>, Error> {
        match self.memo {
            Some(memo) => memo.get_or_make(kind, key, make),
            None => make().map(Arc::new),
        }
    }
}

/// Writes the file at `path`, made from inputs whose fingerprint is
/// `fingerprint`: the sink keeps the previous build's file when it was made
/// from the same inputs (`serve`), and `render` only runs when it does not.
/// The fingerprint must cover everything the file shows: a file kept
/// wrongly is stale, which is far worse than slow.
pub fn write_unless_kept(
    out: &dyn Sink,
    path: &str,
    fingerprint: u64,
    render: impl FnOnce() -> Result<Vec<u8>, Error>,
) -> Result<(), Error> {
    if out.reuse(path, fingerprint)? {
        return Ok(());
    }
    out.write_fingerprinted(path, fingerprint, &render()?)
}

/// One kind of output.
pub trait Renderer: Sync {
    /// A short name for progress and error messages (`html`, `sitemap`…).
    fn name(&self) -> &'static str;

    /// Writes this renderer's files.
    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error>;

    /// Whether it makes pages a browser shows (HTML), so that the first
    /// pass of a `serve` rebuild runs it for the pages open in the
    /// browser ([`Focus`]); such a renderer asks [`Sink::wants`] before
    /// working on a page.
    fn makes_pages(&self) -> bool {
        false
    }
}

/// Every renderer of a build, in the order they run.
pub fn renderers() -> Vec<Box<dyn Renderer>> {
    vec![
        Box::new(assets::Assets),
        Box::new(html::HtmlPages),
        Box::new(sitemap::Sitemap),
        Box::new(filters::Filters),
        Box::new(statistics::StatisticsFiles),
        Box::new(search::Search),
        Box::new(tags::Tags),
        Box::new(feeds::Feeds),
        Box::new(sync::SyncManifest),
        Box::new(schemas::Schemas),
        Box::new(embed::Embeds),
        Box::new(banner_image::BannerImage),
    ]
}
