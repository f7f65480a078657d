//! Markdown to safe HTML: pulldown-cmark (tables, footnotes, strikethrough,
//! heading ids), syntect highlighting with CSS classes, links rewritten for
//! the site's sub-path, and ammonia removing anything executable.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::nesting::{self, BodyGuard, MAX_NESTING};
use crate::text::{escape_xml, slugify};

/// Syntaxes load once per process (they are large).
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// What wraps every table: a keyboard-focusable box that scrolls sideways
/// on small screens instead of the whole page.
const TABLE_OPEN: &str = "<div class=\"table-scroll\" tabindex=\"0\">\n";

/// Prefix of the CSS classes of highlighted code (`hl-keyword`, …).
pub const HIGHLIGHT_PREFIX: &str = "hl-";

/// A link found in the Markdown, to be checked after all pages are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The target as written.
    pub target: String,
    /// Byte range of the link in the Markdown text given to [`render`].
    pub span: Range<usize>,
}

/// The result of rendering a Markdown body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// Sanitised HTML.
    pub html: String,
    /// Links and images pointing inside the site (root-relative or relative).
    pub internal_links: Vec<Link>,
    /// Plain text of the first paragraph (for summaries).
    pub first_paragraph: String,
    /// Plain text of the whole body (for search): each block (paragraph,
    /// heading, list item, table cell, code block) on a line of its own.
    pub plain_text: String,
    /// Where the body nests deeper than [`MAX_NESTING`] elements (byte
    /// range in the Markdown text), if it does: then it is not rendered
    /// (`html` is empty) and the build reports it.
    pub too_deep: Option<Range<usize>>,
}

/// How deeply highlighted code may nest its spans; deeper code is shown
/// without colours.
const MAX_HIGHLIGHT_NESTING: usize = 24;

/// Adds what `event` shows of the text to `out` ([`Rendered::plain_text`]).
fn plain_text(event: &Event<'_>, out: &mut String) {
    match event {
        Event::Text(t) | Event::Code(t) => out.push_str(t),
        Event::SoftBreak | Event::HardBreak => out.push(' '),
        Event::End(
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::CodeBlock
            | TagEnd::BlockQuote(_)
            | TagEnd::FootnoteDefinition,
        ) if !out.is_empty() && !out.ends_with('\n') => out.push('\n'),
        _ => {}
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

fn is_internal(url: &str) -> bool {
    !(url.is_empty()
        || url.starts_with('#')
        || url.starts_with("//")
        || url.contains(':') && url.split(':').next().is_some_and(|s| !s.contains('/')))
}

/// Renders Markdown. Root-relative links (`/hoi-dap/…`) get `base_path`
/// (`/pbgdpl/`) in front so they work under a sub-path.
///
/// A body with raw HTML, a link to an address of another scheme than
/// http(s), mailto or tel, or a heading with classes or attributes goes
/// through the sanitiser ([`sanitize`]). Anything else is Markdown alone,
/// whose elements and attributes are all on the sanitiser's allow-list and
/// whose text is escaped: it is written as the sanitiser would write it
/// (`as_sanitised`) without parsing it again (the sanitiser was ~5 % of a
/// build's CPU).
pub fn render(markdown: &str, base_path: &str) -> Rendered {
    render_with(markdown, base_path, Sanitise::IfNeeded).0
}

/// When [`render_with`] runs the sanitiser.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sanitise {
    /// Only for what Markdown alone cannot make ([`needs_sanitising`]).
    IfNeeded,
    /// Always (tests compare both ways).
    #[cfg(test)]
    Always,
}

/// [`render`]; also says whether the sanitiser ran.
fn render_with(markdown: &str, base_path: &str, sanitise: Sanitise) -> (Rendered, bool) {
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut code: Option<(String, String)> = None;
    let mut in_first_paragraph = None::<bool>;
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let mut heading_start: Option<usize> = None;
    // Every later stage (sanitiser, minifier) slows down or recurses with
    // the nesting: measure it here, stop past the limit.
    let mut guard = BodyGuard::new();
    let mut deepest = 0..0;
    // Whether the author wrote anything the sanitiser would change.
    let mut untrusted = false;

    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if let Some((depth, at)) = guard.follow(&event, &range) {
            deepest = at..range.end;
            if depth > MAX_NESTING {
                out.too_deep = Some(deepest);
                return (out, false);
            }
        }
        untrusted = untrusted || needs_sanitising(&event);
        plain_text(&event, &mut out.plain_text);
        if let Some((lang, text)) = &mut code {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    events.push(Event::Html(CowStr::from(highlight(lang, text))));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                // Body headings start at h2: the page title is the only h1.
                let level = if level == HeadingLevel::H1 {
                    HeadingLevel::H2
                } else {
                    level
                };
                heading_start = Some(events.len());
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = if level == HeadingLevel::H1 {
                    HeadingLevel::H2
                } else {
                    level
                };
                if let Some(start) = heading_start.take() {
                    assign_heading_id(&mut events, start, &mut used_ids);
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                events.push(Event::Start(rewrite_link(
                    tag,
                    base_path,
                    range.clone(),
                    &mut out.internal_links,
                )));
            }
            Event::Start(Tag::Paragraph) if in_first_paragraph.is_none() => {
                in_first_paragraph = Some(true);
                events.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::Paragraph) if in_first_paragraph == Some(true) => {
                in_first_paragraph = Some(false);
                events.push(Event::End(TagEnd::Paragraph));
            }
            Event::Text(ref t) | Event::Code(ref t) if in_first_paragraph == Some(true) => {
                out.first_paragraph.push_str(t);
                events.push(event);
            }
            Event::SoftBreak if in_first_paragraph == Some(true) => {
                out.first_paragraph.push(' ');
                events.push(event);
            }
            // Wide tables scroll inside their own focusable box, not the page.
            Event::Start(Tag::Table(align)) => {
                events.push(Event::Html(CowStr::from(TABLE_OPEN)));
                events.push(Event::Start(Tag::Table(align)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html(CowStr::from("</div>\n")));
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let sanitised = untrusted || sanitise != Sanitise::IfNeeded;
    out.html = if sanitised {
        sanitize(&html)
    } else {
        as_sanitised(&html)
    };
    // The guard errs on the deep side, but an HTML parser can nest raw
    // HTML in ways it does not foresee: measure the result exactly.
    if nesting::deeper_than(&out.html, nesting::MAX_HTML_NESTING) {
        out.html.clear();
        out.too_deep = Some(deepest);
    }
    // Every body is held until the build ends: not with the spare room
    // its texts grew with (a third of their size on average).
    out.html.shrink_to_fit();
    out.plain_text.shrink_to_fit();
    out.first_paragraph.shrink_to_fit();
    out.internal_links.shrink_to_fit();
    (out, sanitised)
}

/// `html`, made by Markdown alone (and this module's own tables and
/// highlighted code), written as the sanitiser writes what it keeps: the
/// sanitiser parses and serialises again, escaping in text only `&`, `<`,
/// `>` and no-break spaces, in attribute values only `&`, `"` and no-break
/// spaces (and `<`, `>`), ending void elements with `>` (`<br>`, not
/// `<br />`) and styles without a space after the colon. So here quotes
/// and apostrophes escaped in text, and apostrophes escaped in attribute
/// values, are written as themselves, no-break spaces as `&nbsp;`, and a
/// cell's `style="text-align: left"` as `style="text-align:left"`. A `<` in `html` always opens a tag and a
/// `"` inside a tag always delimits a value (Markdown escapes them
/// elsewhere). `tests::markdown_alone_is_written_as_the_sanitiser_would`
/// holds this to the sanitiser's output byte for byte.
fn as_sanitised(html: &str) -> String {
    const ALIGN: &str = "style=\"text-align: ";
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let (mut in_tag, mut in_value) = (false, false);
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        let mut step = c.len_utf8();
        match c {
            '<' if !in_tag => {
                in_tag = true;
                out.push(c);
            }
            // A table cell's alignment, as the sanitiser writes its styles.
            's' if in_tag && !in_value && rest.starts_with(ALIGN) => {
                out.push_str("style=\"text-align:");
                in_value = true;
                step = ALIGN.len();
            }
            '"' if in_tag => {
                in_value = !in_value;
                out.push(c);
            }
            '>' if in_tag && !in_value => {
                in_tag = false;
                if out.ends_with(" /") {
                    out.truncate(out.len() - 2);
                }
                out.push(c);
            }
            '\u{a0}' => out.push_str("&nbsp;"),
            '&' => {
                let decoded = if !in_tag {
                    [("&quot;", '"'), ("&#39;", '\''), ("&#x27;", '\'')]
                        .iter()
                        .find(|(entity, _)| rest.starts_with(entity))
                } else if in_value {
                    [("&#39;", '\''), ("&#x27;", '\'')]
                        .iter()
                        .find(|(entity, _)| rest.starts_with(entity))
                } else {
                    None
                };
                match decoded {
                    Some((entity, ch)) => {
                        out.push(*ch);
                        step = entity.len();
                    }
                    None => out.push('&'),
                }
            }
            _ => out.push(c),
        }
        rest = &rest[step..];
    }
    out
}

/// Link schemes the sanitiser keeps ([`SANITIZER`]).
const SAFE_SCHEMES: [&str; 4] = ["http:", "https:", "mailto:", "tel:"];

/// Whether the sanitiser could change what `event` makes: raw HTML, a
/// link or image to an address with another scheme (`javascript:`…), a
/// heading with classes or attributes (only its id is kept). Everything
/// else pulldown-cmark writes is on the sanitiser's allow-list, escaped.
fn needs_sanitising(event: &Event<'_>) -> bool {
    match event {
        Event::Html(_) | Event::InlineHtml(_) => true,
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
            dest_url.contains(':')
                && !SAFE_SCHEMES.iter().any(|s| {
                    dest_url
                        .as_bytes()
                        .get(..s.len())
                        .is_some_and(|start| start.eq_ignore_ascii_case(s.as_bytes()))
                })
        }
        Event::Start(Tag::Heading { classes, attrs, .. }) => {
            !classes.is_empty() || !attrs.is_empty()
        }
        _ => false,
    }
}

/// Prefixes root-relative link and image targets with the base path and
/// records every internal target for checking.
fn rewrite_link<'a>(
    tag: Tag<'a>,
    base_path: &str,
    span: Range<usize>,
    links: &mut Vec<Link>,
) -> Tag<'a> {
    let rewrite = |dest: CowStr<'a>, links: &mut Vec<Link>| -> CowStr<'a> {
        if !is_internal(&dest) {
            return dest;
        }
        links.push(Link {
            target: dest.to_string(),
            span,
        });
        match dest.strip_prefix('/') {
            Some(rest) => CowStr::from(format!("{base_path}{rest}")),
            None => dest,
        }
    };
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Link {
            link_type,
            dest_url: rewrite(dest_url, links),
            title,
            id,
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Image {
            link_type,
            dest_url: rewrite(dest_url, links),
            title,
            id,
        },
        other => other,
    }
}

/// Gives the heading that starts at `events[start]` an id from its text,
/// unless it has one (`{#id}`), keeping ids unique on the page.
fn assign_heading_id(events: &mut [Event<'_>], start: usize, used: &mut HashMap<String, usize>) {
    let text: String = events[start + 1..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
        if id.is_some() {
            return;
        }
        let mut base = slugify(&text);
        if base.is_empty() {
            base = "muc".to_string();
        }
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let unique = if *n == 1 {
            base
        } else {
            format!("{base}-{}", *n - 1)
        };
        *id = Some(CowStr::from(unique));
    }
}

/// Highlights a code block with CSS classes (`hl-…`), never inline colours.
fn highlight(lang: &str, code: &str) -> String {
    let syntax = (!lang.is_empty())
        .then(|| {
            SYNTAXES
                .find_syntax_by_token(lang)
                .or_else(|| SYNTAXES.find_syntax_by_extension(lang))
        })
        .flatten();
    let lang_class = if lang.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escape_xml(&slugify(lang)))
    };
    let Some(syntax) = syntax else {
        return format!(
            "<pre class=\"code\"><code{lang_class}>{}</code></pre>\n",
            escape_xml(code)
        );
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        &SYNTAXES,
        ClassStyle::SpacedPrefixed {
            prefix: HIGHLIGHT_PREFIX,
        },
    );
    let plain = || {
        format!(
            "<pre class=\"code\"><code{lang_class}>{}</code></pre>\n",
            escape_xml(code)
        )
    };
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return plain();
        }
    }
    let spans = generator.finalize();
    if nesting::deeper_than(&spans, MAX_HIGHLIGHT_NESTING) {
        return plain();
    }
    format!("<pre class=\"code\"><code{lang_class}>{spans}</code></pre>\n")
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tags([
        "figure",
        "figcaption",
        "details",
        "summary",
        "mark",
        "section",
        "caption",
    ])
    .add_tag_attributes("h2", ["id"])
    .add_tag_attributes("h3", ["id"])
    .add_tag_attributes("h4", ["id"])
    .add_tag_attributes("h5", ["id"])
    .add_tag_attributes("h6", ["id"])
    .add_tag_attributes("div", ["id", "class", "tabindex"])
    .add_tag_attributes("section", ["class"])
    .add_tag_attributes("sup", ["id", "class"])
    .add_tag_attributes("li", ["id"])
    .add_tag_attributes("a", ["id", "class"])
    .add_tag_attributes("span", ["class"])
    .add_tag_attributes("code", ["class"])
    .add_tag_attributes("pre", ["class"])
    .add_tag_attributes("th", ["style", "scope"])
    .add_tag_attributes("td", ["style"])
    .add_tag_attributes("img", ["loading"])
    .filter_style_properties(HashSet::from(["text-align"]))
    .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
    .link_rel(None);
    b
});

/// Removes scripts, event handlers, `javascript:` URLs and anything else
/// not on the allow-list, keeping the markup Markdown produces.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_footnotes_strikethrough_heading_ids() {
        let r = render(
            "# Đất đai\n\n## Đất đai\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~cũ~~ mới[^1]\n\n[^1]: Ghi chú.\n",
            "/",
        );
        assert!(
            r.html.contains("<h2 id=\"dat-dai\">Đất đai</h2>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"dat-dai-1\">"), "{}", r.html);
        assert!(
            r.html
                .contains("<div class=\"table-scroll\" tabindex=\"0\">\n<table>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<del>cũ</del>"));
        assert!(r.html.contains("footnote-definition"), "{}", r.html);
    }

    #[test]
    fn code_is_highlighted_with_classes_only() {
        let r = render("```rust\nfn main() { let x = 1; }\n```\n", "/");
        assert!(r.html.contains("class=\"hl-"), "{}", r.html);
        assert!(!r.html.contains("style="), "{}", r.html);
        let plain = render("```\n<b>x</b>\n```\n", "/");
        assert!(plain.html.contains("&lt;b&gt;"), "{}", plain.html);
    }

    /// Renders `md` with the sanitiser, whatever it holds.
    fn sanitised(md: &str) -> Rendered {
        render_with(md, "/", Sanitise::Always).0
    }

    /// Bodies of Markdown alone, one construct or more each.
    const MARKDOWN_ALONE: &[&str] = &[
        "# Đất đai {#dat}\n\n## Mục *một*\n\nVăn bản \"trích\" & a < b > c,\\\ndòng mới, ~~cũ~~ `mã <b> \"x\" 'y'`[^1].\n\n[^1]: Ghi chú.\n",
        "| a | b | c |\n|:--|:-:|--:|\n| 1 | [x](/hoi-dap/a/ \"tiêu đề 'a' <b> & \\\"c\\\"\") | ![ảnh \"x\" 'y'](a.png \"t\") |\n",
        "---\n\n1. [web](https://vbpl.vn/?a=1&b=2)\n2. <https://x.vn>, [thư](mailto:a@b.vn), [gọi](tel:0238)\n\n3. HTTPS://VBPL.VN/A'B\n",
        "> trích dẫn\n> > lồng\n\n```rust\nfn main() { let s = \"a'b<c>&\"; }\n```\n\n    thụt lề <i> \"x\" 'y'\n",
        "5. năm\n6. sáu\n\n- a\n  - b\n    - c\n\n* * *\n\nCâu có dấu nháy 'đơn', \"kép\", khoảng\u{a0}trắng cứng, &amp; &copy; &#39; &quot;.\n",
        "![](/anh/a.png)\n\n[rỗng]()\n\n[tham chiếu][1]\n\n[1]: /hoi-dap/b/ 'tiêu đề'\n",
        "Điều 1. **Phạm vi**\n\nKhoản 1: _nghiêng_, ***đậm nghiêng***, `a`` b`.\n\n### Điều 2 {#dieu-2}\n\n#### a) Điểm\n\n###### sáu\n",
        "a  \nb\\\nc\n\n| chỉ | tiêu đề |\n|---|---|\n\nVăn bản cuối [^x].\n\n[^x]: Chú thích *một*\n    và dòng hai.\n",
    ];

    /// Every body of the demo section and the examples, front matter cut.
    fn bodies_of_the_demo_and_examples() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "md") {
                    let text = std::fs::read_to_string(&p).unwrap();
                    let body = text.splitn(3, "+++").nth(2).unwrap_or(&text);
                    out.push(body.to_string());
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        walk(&root.join("content"), &mut out);
        walk(&root.join("examples"), &mut out);
        out
    }

    #[test]
    fn markdown_alone_is_written_as_the_sanitiser_would() {
        let mut fast = 0;
        let corpus = bodies_of_the_demo_and_examples();
        assert!(corpus.len() > 40, "{} bodies", corpus.len());
        for md in MARKDOWN_ALONE
            .iter()
            .copied()
            .chain(corpus.iter().map(String::as_str))
        {
            let (r, ran) = render_with(md, "/", Sanitise::IfNeeded);
            let s = sanitised(md);
            // Byte for byte what the sanitiser gives.
            assert_eq!(r.html, s.html, "{md}");
            assert_eq!(r.internal_links, s.internal_links);
            fast += usize::from(!ran);
        }
        for md in MARKDOWN_ALONE {
            assert!(!render_with(md, "/", Sanitise::IfNeeded).1, "{md}");
        }
        // Most real bodies are Markdown alone: the fast path is taken.
        assert!(fast > corpus.len() / 2, "{fast} of {}", corpus.len());
    }

    #[test]
    fn anything_else_is_sanitised() {
        for md in [
            "<b onclick=\"x()\">a</b>",
            "a <span style=\"color:red\">b</span>",
            "<!-- ghi chú -->\n\nchữ",
            "[x](javascript:alert(1))",
            "[x](JAVA&#115;CRIPT:alert(1))",
            "[x](vbscript:msgbox)",
            "![x](data:image/png;base64,AAAA)",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "## Tiêu đề {.lon onclick=x}",
            "## Tiêu đề {data-x=1}",
        ] {
            let (r, ran) = render_with(md, "/", Sanitise::IfNeeded);
            assert!(ran, "{md}");
            assert_eq!(r.html, sanitised(md).html, "{md}");
            for bad in [
                "onclick",
                "javascript",
                "JAVA",
                "vbscript",
                "data:",
                "data-x",
                "style=",
                "lon",
                "<!--",
            ] {
                assert!(!r.html.contains(bad), "{bad} in {}", r.html);
            }
        }
    }

    #[test]
    fn xss_is_neutralised() {
        let r = render(
            "<script>alert(1)</script>\n\n<a href=\"javascript:alert(2)\" onclick=\"alert(3)\">x</a>\n\n[y](javascript:alert(4))\n\n<img src=x onerror=alert(5)>\n",
            "/",
        );
        for bad in ["<script", "javascript:", "onclick", "onerror", "alert(1)"] {
            assert!(!r.html.contains(bad), "{bad} in {}", r.html);
        }
    }

    #[test]
    fn links_get_the_sub_path_and_are_collected() {
        let md = "Xem [hỏi đáp](/hoi-dap/a/) và [tệp](toan-van.pdf), [ngoài](https://vbpl.vn), [mục](#x).";
        let r = render(md, "/pbgdpl/");
        assert!(r.html.contains("href=\"/pbgdpl/hoi-dap/a/\""), "{}", r.html);
        assert!(r.html.contains("href=\"toan-van.pdf\""));
        let targets: Vec<_> = r.internal_links.iter().map(|l| l.target.as_str()).collect();
        assert_eq!(targets, ["/hoi-dap/a/", "toan-van.pdf"]);
        assert_eq!(
            &md[r.internal_links[0].span.clone()],
            "[hỏi đáp](/hoi-dap/a/)"
        );
        assert_eq!(r.first_paragraph, "Xem hỏi đáp và tệp, ngoài, mục.");
    }
}
