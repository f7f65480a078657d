//! What `serve` adds to HTML pages as it sends them (never to the stored
//! output, and never in `pbgdpl build`): a small script that reloads the
//! page when the site is rebuilt, and, while the content has errors, a panel
//! listing them with `file:line:column`.

use crate::i18n::{Lang, Strings};
use crate::text::escape_xml;

/// Path of the Server-Sent Events stream that announces rebuilds. It sits
/// outside any base path, so it never clashes with a page of the site.
pub const EVENTS_PATH: &str = "/__pbgdpl/events";

/// Id of the error panel element.
pub const PANEL_ID: &str = "pbgdpl-serve-error";

/// The reload script: one `EventSource`, telling the server which page it
/// shows (so that page is rendered first after an edit). A `reload` event
/// reloads the page; a `changed` event (the rest of the site, rebuilt after
/// the page was) reloads it only if it, or a file it loaded (a stylesheet,
/// an image, a chart), is among the changed addresses. Browsers reconnect
/// by themselves if the server restarts.
pub fn script() -> String {
    format!(
        "<script>/* pbgdpl serve */(function(){{\
var p=document.getElementById(\"{PANEL_ID}\");\
if(p){{var b=p.querySelector(\"button\");if(b)b.addEventListener(\"click\",function(){{p.remove();}});}}\
function u(x){{try{{return decodeURI(x).replace(/index\\.html$/,\"\");}}catch(e){{return x;}}}}\
var s=new EventSource(\"{EVENTS_PATH}?page=\"+encodeURIComponent(location.pathname));\
s.addEventListener(\"reload\",function(){{location.reload();}});\
s.addEventListener(\"changed\",function(e){{\
var seen=[u(location.pathname)];\
performance.getEntriesByType(\"resource\").forEach(function(r){{seen.push(u(new URL(r.name).pathname));}});\
var c=JSON.parse(e.data).paths||[];\
for(var i=0;i<c.length;i++){{if(seen.indexOf(u(c[i]))>=0){{location.reload();return;}}}}\
}});\
}})();</script>"
    )
}

fn t<'a>(strings: &'a Strings, key: &'a str) -> &'a str {
    strings.get(key).map(String::as_str).unwrap_or(key)
}

/// The error panel for `errors` (diagnostics rendered as text, without
/// colours), in the site's language.
pub fn error_panel(errors: &str, strings: &Strings) -> String {
    format!(
        "<section id=\"{PANEL_ID}\" role=\"alert\" aria-labelledby=\"{PANEL_ID}-title\" \
style=\"position:fixed;left:0;right:0;bottom:0;max-height:70vh;overflow:auto;z-index:2147483647;\
background:#fff;color:#1a1a1a;border-top:6px solid #b00020;padding:1rem 1.25rem;\
box-shadow:0 -4px 16px rgba(0,0,0,.3);font:16px/1.5 system-ui,sans-serif\">\
<h2 id=\"{PANEL_ID}-title\" style=\"margin:0 0 .5rem;color:#b00020;font-size:1.25rem\">{title}</h2>\
<p style=\"margin:0 0 .75rem\">{help}</p>\
<pre style=\"white-space:pre-wrap;margin:0 0 .75rem;font:14px/1.45 ui-monospace,monospace;\
background:#f6f6f6;padding:.75rem;border:1px solid #ccc\">{errors}</pre>\
<button type=\"button\" style=\"font:inherit;padding:.25rem 1rem\">{close}</button></section>",
        title = escape_xml(t(strings, "serve_error_title")),
        help = escape_xml(t(strings, "serve_error_help")),
        close = escape_xml(t(strings, "serve_error_close")),
        errors = escape_xml(errors.trim_end()),
    )
}

/// Adds `extra` to an HTML page, before its last `</body>` (or at the end).
pub fn inject(html: &[u8], extra: &str) -> Vec<u8> {
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// A whole page for when nothing could be built yet: the error panel and
/// the reload script.
pub fn error_page(errors: &str, strings: &Strings, lang: Lang) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{}</title></head><body>{}{}</body></html>",
        lang.code(),
        escape_xml(t(strings, "serve_error_title")),
        error_panel(errors, strings),
        script()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::builtin;

    #[test]
    fn injects_before_the_body_ends() {
        let page = b"<html><body><p>x</p></body></html>";
        let out = String::from_utf8(inject(page, "<script>s</script>")).unwrap();
        assert_eq!(out, "<html><body><p>x</p><script>s</script></body></html>");
        let fragment = String::from_utf8(inject(b"<p>x</p>", "<i>")).unwrap();
        assert_eq!(fragment, "<p>x</p><i>");
    }

    #[test]
    fn the_panel_escapes_the_errors_and_speaks_vietnamese() {
        let strings = builtin(Lang::Vi);
        let panel = error_panel(
            "error: bad <date>\n --> content/tin-tuc/a.md:3:8\n",
            &strings,
        );
        assert!(panel.contains("content/tin-tuc/a.md:3:8"));
        assert!(panel.contains("bad &lt;date&gt;"));
        assert!(panel.contains("nội dung có lỗi"));
        assert!(script().contains(EVENTS_PATH));
    }
}
