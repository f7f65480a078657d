//! Outputs: each kind of file the build emits (HTML pages, static assets,
//! sitemap…) is one [`Renderer`], writing through a [`Sink`].

pub mod assets;
pub mod html;
pub mod minify;
pub mod sink;
pub mod sitemap;
pub mod store;

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
    ]
}
