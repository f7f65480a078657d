//! The uniform provincial banner as an image, for portals that place
//! banners as pictures: `embed/banner.svg` and `embed/banner.png` (the SVG
//! rendered by resvg at twice its size, for sharp display); and the
//! section's default share image, `embed/share.png`: the banner on a
//! 1200×630 card, the size Facebook and Zalo show large, used as
//! `og:image` by every page without a photo of its own.
//!
//! Both depend only on `[province]` (its name and address), so every
//! agency of a province publishes byte-identical files. The text is set in
//! DejaVu Sans, embedded in the binary and used both to wrap the name in
//! the SVG and to render the PNG, so the PNG is the same on every machine.

use std::sync::{Arc, LazyLock};

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

use crate::config::Province;
use crate::error::Error;

use crate::render::Prepared;

use super::feeds::xml::Xml;
use super::{Job, RenderContext, Renderer};

/// Where the SVG banner is written.
pub const SVG_PATH: &str = "embed/banner.svg";
/// Where the PNG banner is written.
pub const PNG_PATH: &str = "embed/banner.png";
pub use crate::routes::{
    SHARE_IMAGE_HEIGHT as SHARE_HEIGHT, SHARE_IMAGE_PATH as SHARE_PATH,
    SHARE_IMAGE_WIDTH as SHARE_WIDTH,
};
/// Width of the banner in CSS pixels.
pub const WIDTH: u32 = 600;
/// Height of the banner in CSS pixels.
pub const HEIGHT: u32 = 120;
/// The PNG is rendered at this multiple of the SVG's size.
pub const PNG_SCALE: u32 = 2;

const FONT_FAMILY: &str = "DejaVu Sans";
const FONT_STACK: &str = "'DejaVu Sans', Verdana, Arial, sans-serif";
const BACKGROUND: &str = "#9e1b1b";
const TEXT_X: f32 = 112.0;
const TEXT_MAX_WIDTH: f32 = WIDTH as f32 - TEXT_X - 20.0;
const HOST_SIZE: f32 = 14.0;
const LINE_HEIGHT: f32 = 1.25;
/// The icon of `partials/banner.html` (a 32×32 view box).
const ICON: &str = "M16 3a1.5 1.5 0 0 1 1.5 1.5V6h7.2l-4.2 9.4a4.5 4.5 0 0 1-8.4 0h0L16 6.9l3.9 8.5a2.5 2.5 0 0 0 4.6 0L21.3 8h-3.8v19H22v2H10v-2h4.5V8h-3.8l-3.2 7.4a2.5 2.5 0 0 0 4.6 0L16 6.9 11.5 15.4a4.5 4.5 0 0 1-8.4 0L7.3 6h7.2V4.5A1.5 1.5 0 0 1 16 3z";

/// Only the embedded fonts: rendering never depends on the machine's fonts.
static FONTS: LazyLock<Arc<fontdb::Database>> = LazyLock::new(|| {
    let mut db = fontdb::Database::new();
    db.load_font_data(dejavu::sans::regular().to_vec());
    db.load_font_data(dejavu::sans::bold().to_vec());
    db.set_sans_serif_family(FONT_FAMILY);
    Arc::new(db)
});

fn options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: FONTS.clone(),
        languages: vec!["vi".to_string()],
        ..usvg::Options::default()
    }
}

fn image_error(message: String) -> Error {
    Error::Template {
        name: SVG_PATH.to_string(),
        message,
    }
}

/// Width in pixels of `text` set in DejaVu Sans (bold or not) at `size`.
fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let svg = (|| {
        let mut x = Xml::new()?;
        x.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("width", "4000"),
                ("height", "200"),
            ],
        )?;
        x.leaf(
            "text",
            &[
                ("x", "0"),
                ("y", "100"),
                ("font-family", FONT_FAMILY),
                ("font-size", &size.to_string()),
                ("font-weight", if bold { "bold" } else { "normal" }),
            ],
            text,
        )?;
        x.close("svg")?;
        std::io::Result::Ok(x.finish())
    })();
    svg.ok()
        .and_then(|bytes| usvg::Tree::from_data(&bytes, &options()).ok())
        .map(|tree| tree.root().abs_bounding_box().width())
        // Without a measurement, assume wide glyphs (0.62 em each).
        .unwrap_or_else(|| text.chars().count() as f32 * size * 0.62)
}

/// Breaks `text` into lines no wider than `max` at font `size`.
fn wrap(text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), size, true) <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The largest size (24 px down to 14 px) at which the name fits in two
/// lines, or three lines at 14 px.
fn layout(name: &str) -> (f32, Vec<String>) {
    for size in [24.0, 22.0, 20.0, 18.0, 16.0, 14.0] {
        let lines = wrap(name, size, TEXT_MAX_WIDTH);
        let fits = lines
            .iter()
            .all(|l| text_width(l, size, true) <= TEXT_MAX_WIDTH);
        if lines.len() <= 2 && fits {
            return (size, lines);
        }
    }
    let mut lines = wrap(name, 14.0, TEXT_MAX_WIDTH);
    lines.truncate(3);
    (14.0, lines)
}

fn num(v: f32) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The banner SVG for a province.
pub fn svg(province: &Province) -> Result<String, Error> {
    let host = url::Url::parse(&province.url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| province.url.clone());
    let (size, lines) = layout(&province.name);
    let block = lines.len() as f32 * size * LINE_HEIGHT + 6.0 + HOST_SIZE * LINE_HEIGHT;
    let top = (HEIGHT as f32 - block) / 2.0;
    let write = || -> std::io::Result<Vec<u8>> {
        let (w, h) = (WIDTH.to_string(), HEIGHT.to_string());
        let view_box = format!("0 0 {w} {h}");
        let mut x = Xml::new()?;
        x.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("width", &w),
                ("height", &h),
                ("viewBox", &view_box),
                ("role", "img"),
                ("aria-labelledby", "pbgdpl-banner-title"),
                ("xml:lang", "vi"),
            ],
        )?;
        x.leaf(
            "title",
            &[("id", "pbgdpl-banner-title")],
            &format!("{} ({host})", province.name),
        )?;
        x.empty(
            "rect",
            &[("width", &w), ("height", &h), ("fill", BACKGROUND)],
        )?;
        x.empty(
            "path",
            &[
                ("transform", "translate(24 28) scale(2)"),
                ("fill", "#ffffff"),
                ("d", ICON),
            ],
        )?;
        x.open(
            "g",
            &[
                ("fill", "#ffffff"),
                ("font-family", FONT_STACK),
                ("aria-hidden", "true"),
            ],
        )?;
        let size_s = num(size);
        for (i, line) in lines.iter().enumerate() {
            let y = top + size * 0.95 + i as f32 * size * LINE_HEIGHT;
            x.leaf(
                "text",
                &[
                    ("x", &num(TEXT_X)),
                    ("y", &num(y)),
                    ("font-size", &size_s),
                    ("font-weight", "bold"),
                ],
                line,
            )?;
        }
        let host_y = top + lines.len() as f32 * size * LINE_HEIGHT + 6.0 + HOST_SIZE * 0.95;
        x.leaf(
            "text",
            &[
                ("x", &num(TEXT_X)),
                ("y", &num(host_y)),
                ("font-size", &num(HOST_SIZE)),
            ],
            &host,
        )?;
        x.close("g")?;
        x.close("svg")?;
        Ok(x.finish())
    };
    let bytes = write().map_err(|e| image_error(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| image_error(e.to_string()))
}

/// Renders a banner SVG to PNG at [`PNG_SCALE`] times its size.
pub fn png(svg: &str) -> Result<Vec<u8>, Error> {
    let tree = usvg::Tree::from_str(svg, &options()).map_err(|e| image_error(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH * PNG_SCALE, HEIGHT * PNG_SCALE)
        .ok_or_else(|| image_error("empty image".to_string()))?;
    let scale = PNG_SCALE as f32;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| image_error(e.to_string()))
}

/// Renders a banner SVG as the share card: the banner across the whole
/// width of a [`SHARE_WIDTH`]×[`SHARE_HEIGHT`] picture of its colour.
pub fn share_png(svg: &str) -> Result<Vec<u8>, Error> {
    let tree = usvg::Tree::from_str(svg, &options()).map_err(|e| image_error(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(SHARE_WIDTH, SHARE_HEIGHT)
        .ok_or_else(|| image_error("empty image".to_string()))?;
    let colour = u32::from_str_radix(BACKGROUND.trim_start_matches('#'), 16).unwrap_or(0x9e1b1b);
    pixmap.fill(tiny_skia::Color::from_rgba8(
        (colour >> 16) as u8,
        (colour >> 8) as u8,
        colour as u8,
        255,
    ));
    let scale = SHARE_WIDTH as f32 / WIDTH as f32;
    let top = (SHARE_HEIGHT as f32 - HEIGHT as f32 * scale) / 2.0;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale).post_translate(0.0, top),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| image_error(e.to_string()))
}

/// Writes `embed/banner.svg`, `embed/banner.png` and `embed/share.png`.
pub struct BannerImage;

impl Renderer for BannerImage {
    /// The province (also part of every page, but the banner is made from
    /// it alone).
    type View<'p> = &'p Province;

    fn name(&self) -> &'static str {
        "banner-image"
    }

    fn jobs<'p>(&'p self, p: &'p Prepared<'p>) -> Result<Vec<Job<&'p Province>>, Error> {
        Ok(vec![Job::files(
            vec![
                PNG_PATH.to_string(),
                SVG_PATH.to_string(),
                SHARE_PATH.to_string(),
            ],
            &p.config.province,
        )])
    }

    fn render(
        &self,
        _: &RenderContext<'_>,
        province: &&Province,
        _: &[String],
    ) -> Result<Vec<Vec<u8>>, Error> {
        let drawn = svg(province)?;
        let (banner, share) = (png(&drawn)?, share_png(&drawn)?);
        Ok(vec![banner, drawn.into_bytes(), share])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_wrap_and_fit() {
        let name = "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Nghệ An";
        let (size, lines) = layout(name);
        assert!(lines.len() <= 2, "{lines:?}");
        assert_eq!(lines.join(" "), name);
        for l in &lines {
            assert!(text_width(l, size, true) <= TEXT_MAX_WIDTH, "{l}");
        }
        assert!(text_width("Việt Nam", 20.0, true) > text_width("Việt", 20.0, true));
    }
}
