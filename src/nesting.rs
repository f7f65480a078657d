//! How deeply a document nests: the one check that keeps deep documents
//! away from every stage that recurses over them.
//!
//! pulldown-cmark and the TOML parser never recurse on the call stack, but
//! what comes after a Markdown body does: the sanitiser's HTML parser slows
//! down with the square of the depth, and the minifier recurses once per
//! level (a 10,000-deep blockquote overflowed the stack and aborted the
//! whole build). So a body is measured while its Markdown is read
//! ([`BodyGuard`]), and stops being rendered — with a diagnostic at its
//! file:line:column — once it nests deeper than [`MAX_NESTING`] elements.
//! The sanitised HTML is measured again exactly ([`deeper_than`]), and the
//! minifier leaves alone a page deeper than it can safely walk.
//!
//! Raw HTML is measured the way an HTML parser would build it, roughly and
//! erring on the deep side: void elements open nothing, `<li>`, `<p>`,
//! `<td>`… close the previous one, an end tag closes what it matches, and
//! formatting elements (`<b>`, `<font>`…) closed by an enclosing end tag
//! count as open again, as a parser reopens them.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// How many elements a Markdown body may nest inside each other: each
/// blockquote counts one, each level of a list two (the list and its
/// item), each raw HTML element one. Real documents stay below 20; browsers
/// stop nesting at 512. Documented in docs/content.md and docs/huong-dan.md.
pub const MAX_NESTING: usize = 100;

/// How deeply the HTML of a rendered body may nest: [`MAX_NESTING`] plus
/// the markup pbgdpl adds around it (table boxes, highlighted code,
/// footnotes). A body past [`BodyGuard`] is measured against it exactly.
pub const MAX_HTML_NESTING: usize = MAX_NESTING + 40;

/// Elements that never contain anything.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp",
];

/// Formatting elements: an HTML parser reopens them after an enclosing
/// element closes (at most three alike).
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that an end tag or an implied close does not reach across.
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "marquee", "object", "table", "td", "template", "th",
];

/// Elements that close an open `<p>` when they start.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// One open element: its name, and for formatting elements its attributes
/// (two `<font>`s with different colours are not alike).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Open {
    name: Box<str>,
    attrs: Box<str>,
}

/// What the next piece of HTML continues.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Mode {
    #[default]
    Markup,
    /// Inside `<!-- … -->`.
    Comment,
    /// Inside a raw text element, up to `</name`.
    RawText(&'static str),
}

/// Follows the elements that pieces of HTML open and close. Reading stops
/// (and [`HtmlNesting::feed`] reports more than the limit) once the
/// nesting passes the limit, so memory and time stay bounded.
#[derive(Debug, Clone)]
pub struct HtmlNesting {
    open: Vec<Open>,
    mode: Mode,
    limit: usize,
    /// Byte offset, in the last piece read, of the tag that reached its
    /// deepest nesting.
    deepest_at: usize,
}

impl HtmlNesting {
    /// Starts measuring; `limit` is the deepest nesting of interest.
    pub fn new(limit: usize) -> Self {
        Self {
            open: Vec::new(),
            mode: Mode::Markup,
            limit,
            deepest_at: 0,
        }
    }

    /// Where, in the last piece read, the deepest nesting was reached (or
    /// the limit passed): a byte offset.
    pub fn deepest_at(&self) -> usize {
        self.deepest_at
    }

    /// Elements open now.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// Reads the next piece of HTML and returns the deepest nesting reached
    /// while reading it (more than the limit means: too deep, stop).
    pub fn feed(&mut self, html: &str) -> usize {
        let bytes = html.as_bytes();
        let mut peak = self.open.len();
        self.deepest_at = 0;
        let mut i = 0;
        while i < bytes.len() && peak <= self.limit {
            match self.mode {
                Mode::Comment => match find(bytes, i, b"-->") {
                    Some(end) => {
                        self.mode = Mode::Markup;
                        i = end + 3;
                    }
                    None => return peak,
                },
                Mode::RawText(name) => match find_end_tag(bytes, i, name) {
                    Some(end) => {
                        self.mode = Mode::Markup;
                        i = end;
                    }
                    None => return peak,
                },
                Mode::Markup => {
                    let Some(lt) = bytes[i..].iter().position(|&b| b == b'<') else {
                        return peak;
                    };
                    let at = i + lt;
                    i = self.tag(bytes, at);
                    if self.open.len() > peak {
                        peak = self.open.len();
                        self.deepest_at = at;
                    }
                }
            }
        }
        peak
    }

    /// Reads the markup starting with the `<` at `at`; returns where
    /// reading goes on.
    fn tag(&mut self, bytes: &[u8], at: usize) -> usize {
        let rest = &bytes[at + 1..];
        if rest.starts_with(b"!--") {
            self.mode = Mode::Comment;
            return at + 4;
        }
        match rest.first() {
            Some(b'!' | b'?') => return skip_to_gt(bytes, at + 1),
            Some(b'/') if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, end) = tag_name(bytes, at + 2);
                self.end(&name);
                return skip_to_gt(bytes, end);
            }
            Some(c) if c.is_ascii_alphabetic() => {}
            _ => return at + 1,
        }
        let (name, name_end) = tag_name(bytes, at + 1);
        let (attrs_end, self_closing) = attributes_end(bytes, name_end);
        let attrs = String::from_utf8_lossy(&bytes[name_end..attrs_end.min(bytes.len())]);
        let foreign = self.open.iter().any(|o| matches!(&*o.name, "svg" | "math"));
        self.start(&name, attrs.trim(), self_closing && foreign);
        if let Some(raw) = RAW_TEXT.iter().find(|r| **r == name) {
            self.mode = Mode::RawText(raw);
        }
        (attrs_end + 1).min(bytes.len())
    }

    fn start(&mut self, name: &str, attrs: &str, self_closed: bool) {
        match name {
            "li" => self.close_implied(&["li"], &["ol", "ul", "menu"]),
            "dd" | "dt" => self.close_implied(&["dd", "dt"], &["dl"]),
            "tr" => {
                self.close_implied(&["td", "th"], &[]);
                self.close_implied(&["tr"], &[]);
            }
            "td" | "th" => self.close_implied(&["td", "th"], &["tr"]),
            "tbody" | "thead" | "tfoot" => {
                self.close_implied(&["td", "th"], &[]);
                self.close_implied(&["tr"], &[]);
                self.close_implied(&["tbody", "thead", "tfoot"], &[]);
            }
            "option" | "optgroup" => self.close_implied(&["option"], &["select"]),
            "a" | "nobr" => self.close_implied(&[name], &[]),
            _ => {}
        }
        if CLOSES_P.contains(&name) {
            self.close_implied(&["p"], &["button"]);
        }
        if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            && self
                .open
                .last()
                .is_some_and(|o| matches!(&*o.name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
        {
            self.open.pop();
        }
        if VOID.contains(&name) || self_closed {
            return;
        }
        let attrs = if FORMATTING.contains(&name) {
            attrs
        } else {
            ""
        };
        self.open.push(Open {
            name: name.into(),
            attrs: attrs.into(),
        });
    }

    fn end(&mut self, name: &str) {
        if FORMATTING.contains(&name) {
            // A parser's adoption agency moves what is inside a misnested
            // formatting element rather than closing it: only a properly
            // nested one is closed here.
            if self.open.last().is_some_and(|o| &*o.name == name) {
                self.open.pop();
            }
            return;
        }
        if let Some(at) = self.find_in_scope(&[name], &[]) {
            self.close_from(at, !SCOPE.contains(&name));
        }
    }

    /// Closes the innermost open element named in `names`, unless an
    /// element of `stop` or a scope boundary comes first.
    fn close_implied(&mut self, names: &[&str], stop: &[&str]) {
        if let Some(at) = self.find_in_scope(names, stop) {
            self.close_from(at, true);
        }
    }

    fn find_in_scope(&self, names: &[&str], stop: &[&str]) -> Option<usize> {
        for (i, o) in self.open.iter().enumerate().rev() {
            if names.contains(&&*o.name) {
                return Some(i);
            }
            if SCOPE.contains(&&*o.name) || stop.contains(&&*o.name) {
                return None;
            }
        }
        None
    }

    /// Closes the element at `at` and everything inside it; with `reopen`,
    /// the formatting elements inside count as open again (a parser
    /// reopens them where the text goes on), at most three alike.
    fn close_from(&mut self, at: usize, reopen: bool) {
        let closed = self.open.split_off(at);
        if !reopen {
            return;
        }
        for o in closed.into_iter().skip(1) {
            if FORMATTING.contains(&&*o.name) && self.open.iter().filter(|x| **x == o).count() < 3 {
                self.open.push(o);
            }
        }
    }
}

/// True when `html` nests more than `limit` elements inside each other.
/// Exact for HTML as serialisers write it (every element closed).
pub fn deeper_than(html: &str, limit: usize) -> bool {
    HtmlNesting::new(limit).feed(html) > limit
}

/// Measures a Markdown body event by event: the elements its Markdown
/// opens (blockquotes, lists, emphasis…) plus those its raw HTML opens.
#[derive(Debug, Clone)]
pub struct BodyGuard {
    markdown: usize,
    html: HtmlNesting,
    deepest: usize,
}

impl Default for BodyGuard {
    fn default() -> Self {
        Self::new()
    }
}

impl BodyGuard {
    /// A guard allowing [`MAX_NESTING`] levels.
    pub fn new() -> Self {
        Self {
            markdown: 0,
            html: HtmlNesting::new(MAX_NESTING),
            deepest: 0,
        }
    }

    /// Follows one event (found at `range` of the Markdown text). Returns
    /// the nesting reached with it and where, when it is the deepest so
    /// far, so the caller can remember where that was.
    pub fn follow(&mut self, event: &Event<'_>, range: &Range<usize>) -> Option<(usize, usize)> {
        let (depth, at) = match event {
            // An HTML block's text is measured below; it adds no element.
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => return None,
            Event::Start(_) => {
                self.markdown += 1;
                (self.markdown + self.html.depth(), range.start)
            }
            Event::End(_) => {
                self.markdown = self.markdown.saturating_sub(1);
                return None;
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                self.html.limit = MAX_NESTING.saturating_sub(self.markdown);
                let depth = self.markdown + self.html.feed(html);
                // The text of a piece of HTML is its source, less a
                // quote's `>` on other lines: close enough for a position.
                let at = (range.start + self.html.deepest_at()).min(range.end.saturating_sub(1));
                (depth, at.max(range.start))
            }
            _ => return None,
        };
        (depth > self.deepest).then(|| {
            self.deepest = depth;
            (depth, at)
        })
    }
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Where `</name` starts (any case), from `from` on.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(bytes, i, b"</") {
        let after = &bytes[p + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(p);
        }
        i = p + 2;
    }
    None
}

/// A tag's name (lowercase) starting at `from`, and where it ends.
fn tag_name(bytes: &[u8], from: usize) -> (String, usize) {
    let end = bytes[from..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        .map_or(bytes.len(), |p| p + from);
    (
        String::from_utf8_lossy(&bytes[from..end]).to_ascii_lowercase(),
        end,
    )
}

/// Where the `>` ending a start tag is (or the end of the text), skipping
/// quoted attribute values, and whether the tag ends with `/>`.
fn attributes_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return (i, i > from && bytes[i - 1] == b'/'),
            _ => {}
        }
    }
    (bytes.len(), false)
}

fn skip_to_gt(bytes: &[u8], from: usize) -> usize {
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(bytes.len(), |p| from + p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(html: &str) -> usize {
        HtmlNesting::new(10_000).feed(html)
    }

    #[test]
    fn counts_what_a_parser_builds() {
        assert_eq!(depth("<div><p>a<b>b</b></p></div>"), 3);
        assert_eq!(depth("<p>a<br>b<img src=x></p>"), 1);
        // Implied ends: list items, paragraphs and cells close each other.
        assert_eq!(depth(&format!("<ul>{}</ul>", "<li>a".repeat(500))), 2);
        assert_eq!(depth(&"<p>a".repeat(500)), 1);
        assert_eq!(depth("<table><tr><td>a<td>b<tr><td>c</table>"), 3);
        // Nested lists do nest.
        assert_eq!(depth(&"<ul><li>".repeat(50)), 100);
        // Comments, raw text and quoted `>` open nothing.
        assert_eq!(depth("<!-- <div><div> --><a title='<b>'>x</a>"), 1);
        assert_eq!(depth("<textarea><div><div></textarea><i>"), 1);
        assert_eq!(depth("a < b <3 </ x <!doctype html>"), 0);
    }

    #[test]
    fn formatting_elements_count_as_reopened() {
        // `</div>` closes the <font> inside, which a parser reopens at the
        // next text: the nesting grows with every round.
        let rounds: String = (0..60)
            .map(|i| format!("<div><font color={i}>x</div>"))
            .collect();
        assert!(depth(&rounds) >= 60);
        // Alike ones are reopened at most three times.
        assert!(depth(&"<p><b>x</p>".repeat(200)) <= 5);
        // Misnested formatting nests as the parser's adoption agency does.
        assert!(depth(&"<b><div>x</b>".repeat(40)) >= 80);
    }

    #[test]
    fn pieces_continue_each_other_and_reading_stops_past_the_limit() {
        let mut n = HtmlNesting::new(3);
        assert_eq!(n.feed("<div><!-- a"), 1);
        assert_eq!(n.feed("<div> --><div>"), 2);
        assert_eq!(n.depth(), 2);
        assert_eq!(n.feed(&"<div>".repeat(1000)), 4);
        assert!(deeper_than(&"<div>".repeat(101), 100));
        assert!(!deeper_than(&"<div></div>".repeat(101), 100));
    }

    #[test]
    fn markdown_and_html_add_up() {
        // Two quotes, a paragraph, two <span>s.
        let md = "> > a <span><span>x</span></span>\n";
        let mut g = BodyGuard::new();
        let deepest = pulldown_cmark::Parser::new(md)
            .into_offset_iter()
            .filter_map(|(e, r)| g.follow(&e, &r))
            .max();
        assert_eq!(deepest, Some((5, md.find("<span><span>").unwrap() + 6)));
        // Past the limit, the position is the tag that passed it.
        let md = "<div>".repeat(MAX_NESTING * 2);
        let mut g = BodyGuard::new();
        let passed = pulldown_cmark::Parser::new(&md)
            .into_offset_iter()
            .filter_map(|(e, r)| g.follow(&e, &r))
            .find(|(depth, _)| *depth > MAX_NESTING);
        assert_eq!(passed, Some((MAX_NESTING + 1, MAX_NESTING * 5)));
    }
}
