//! Files that are not rendered: the theme's stylesheet, the site's
//! `static/` files, and the attachments and images of bundles.

use rayon::prelude::*;

use crate::error::Error;
use crate::render::templates::STYLESHEET;

use super::{RenderContext, Renderer, Sink};

/// Where the theme's stylesheet is written.
pub const STYLESHEET_PATH: &str = "assets/pbgdpl.css";

/// Copies assets and writes the stylesheet.
pub struct Assets;

impl Renderer for Assets {
    fn name(&self) -> &'static str {
        "assets"
    }

    fn render(&self, cx: &RenderContext<'_>, out: &dyn Sink) -> Result<(), Error> {
        out.write(STYLESHEET_PATH, STYLESHEET.as_bytes())?;
        cx.prepared
            .site
            .content
            .assets
            .par_iter()
            .try_for_each(|a| out.copy(&a.dest, &a.source))
    }
}
