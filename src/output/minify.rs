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

/// Deepest nesting the minifier is given: it recurses once per level.
/// Bodies are held far below this ([`crate::nesting::MAX_NESTING`]); only
/// a theme could go deeper, and its pages are then written unminified.
const MAX_MINIFIED_NESTING: usize = 400;

/// Minifies an HTML document or fragment.
pub fn html(text: &str) -> Vec<u8> {
    if crate::nesting::deeper_than(text, MAX_MINIFIED_NESTING) {
        return text.as_bytes().to_vec();
    }
    minify_html::minify(text.as_bytes(), &CFG)
}

/// Minifies a script (JavaScript): what minify-html does to the content of
/// a `<script>` element. A script it cannot parse comes back as it was.
pub fn script(code: &str) -> Vec<u8> {
    const OPEN: &str = "<script>";
    const CLOSE: &str = "</script>";
    let minified = minify_html::minify(format!("{OPEN}{code}{CLOSE}").as_bytes(), &CFG);
    minified
        .strip_prefix(OPEN.as_bytes())
        .and_then(|m| m.strip_suffix(CLOSE.as_bytes()))
        .map_or_else(|| code.as_bytes().to_vec(), <[u8]>::to_vec)
}

#[cfg(test)]
mod tests {
    #[test]
    fn scripts_are_minified_and_still_say_the_same() {
        let code = "(function () {\n  var answer = 40 + 2;\n  window.answer = answer;\n})();\n";
        let small = super::script(code);
        let small = std::str::from_utf8(&small).unwrap();
        assert!(small.len() < code.len() * 3 / 4, "{small}");
        assert!(small.contains("window.answer"), "{small}");
        let broken = "function (";
        assert_eq!(super::script(broken), broken.as_bytes(), "left as it was");
    }

    #[test]
    fn deep_pages_are_left_as_they_are_not_crashed_on() {
        let page = |depth: usize| format!("{} x {}", "<div>".repeat(depth), "</div>".repeat(depth));
        // On the 2 MiB stack rayon's threads have (an unoptimised build
        // needs the most).
        let (shallow, deep) = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                (
                    super::html(&page(super::MAX_MINIFIED_NESTING)),
                    super::html(&page(20_000)),
                )
            })
            .unwrap()
            .join()
            .unwrap();
        assert!(
            shallow.len() < page(super::MAX_MINIFIED_NESTING).len(),
            "minified"
        );
        assert_eq!(deep, page(20_000).into_bytes(), "left as it was");
    }
}
