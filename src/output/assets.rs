//! Files that are not rendered: the theme's stylesheet, the site's
//! `static/` files, and the attachments and images of bundles.

use crate::content::model::Asset;
use crate::error::Error;
use crate::render::Prepared;
use crate::render::templates::STYLESHEET;

use super::{Job, RenderContext, Renderer};

pub use crate::routes::STYLESHEET_PATH;

/// Copies assets and writes the stylesheet.
pub struct Assets;

impl Renderer for Assets {
    /// Nothing: the stylesheet is part of the program.
    type View<'p> = ();

    fn name(&self) -> &'static str {
        "assets"
    }

    fn jobs<'p>(&'p self, _: &'p Prepared<'p>) -> Result<Vec<Job<()>>, Error> {
        Ok(vec![Job::file(STYLESHEET_PATH, ())])
    }

    fn copies<'p>(&'p self, p: &'p Prepared<'p>) -> Vec<&'p Asset> {
        p.site.assets()
    }

    fn render(&self, _: &RenderContext<'_>, _: &(), _: &[String]) -> Result<Vec<Vec<u8>>, Error> {
        Ok(vec![STYLESHEET.as_bytes().to_vec()])
    }
}
