//! HTML minification (minify-html), configured to keep the output valid
//! HTML that checkers and old browsers accept.

use std::sync::LazyLock;

static CFG: LazyLock<minify_html::Cfg> = LazyLock::new(|| {
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.minify_css = true;
    cfg.minify_js = true;
    cfg
});

/// Minifies an HTML document or fragment.
pub fn html(text: &str) -> Vec<u8> {
    minify_html::minify(text.as_bytes(), &CFG)
}
