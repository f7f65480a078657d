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
pub mod minify;
pub mod schemas;
pub mod search;
pub mod sink;
pub mod sitemap;
pub mod statistics;
pub mod store;
pub mod sync;
pub mod tags;

use crate::error::Error;
use crate::render::Prepared;
use crate::render::templates::Theme;

pub use sink::{DirSink, MemorySink, NullSink, Recorder, Sink};

/// Everything a renderer needs.
pub struct RenderContext<'a> {
    /// The rendered site.
    pub prepared: &'a Prepared<'a>,
    /// The templates.
    pub theme: &'a Theme,
}

/// One kind of output.
pub trait Renderer: Sync {
    /// A short name for progress and error messages (`html`, `sitemap`…).
    fn name(&self) -> &'static str;

    /// Writes this renderer's files.
    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error>;
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
