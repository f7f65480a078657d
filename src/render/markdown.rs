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
pub fn render(markdown: &str, base_path: &str) -> Rendered {
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

    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if let Some((depth, at)) = guard.follow(&event, &range) {
            deepest = at..range.end;
            if depth > MAX_NESTING {
                out.too_deep = Some(deepest);
                return out;
            }
        }
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
    out.html = sanitize(&html);
    // The guard errs on the deep side, but an HTML parser can nest raw
    // HTML in ways it does not foresee: measure the result exactly.
    if nesting::deeper_than(&out.html, nesting::MAX_HTML_NESTING) {
        out.html.clear();
        out.too_deep = Some(deepest);
    }
    out
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
