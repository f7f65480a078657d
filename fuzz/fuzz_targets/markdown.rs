//! Markdown to HTML: pulldown-cmark, highlighting, the sanitiser, the
//! nesting guard, then the minifier on a page holding the body.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pbgdpl::nesting::{MAX_HTML_NESTING, deeper_than};
use pbgdpl::output::minify;
use pbgdpl::render::markdown;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let r = markdown::render(text, "/pbgdpl/");
    match &r.too_deep {
        Some(span) => {
            assert!(r.html.is_empty(), "a body too deep is not rendered");
            assert!(span.start <= text.len(), "the position is in the text");
        }
        None => assert!(
            !deeper_than(&r.html, MAX_HTML_NESTING),
            "a rendered body is never deeper than the limit"
        ),
    }
    assert!(
        !r.html.to_ascii_lowercase().contains("<script"),
        "the sanitiser removes scripts: {}",
        r.html
    );
    for link in &r.internal_links {
        assert!(link.span.end <= text.len() && text.is_char_boundary(link.span.start));
    }
    let page = format!(
        "<!doctype html><html lang=vi><head><title>t</title></head><body><main>{}</main></body></html>",
        r.html
    );
    let _ = minify::html(&page);
});
