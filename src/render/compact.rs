//! Templates made compact once, when the theme loads, instead of every page
//! minified after rendering.
//!
//! Minifying each rendered page (parse, rewrite, serialise 10–35 KB, most
//! of it the same banner, navigation and footer on every page) was the
//! largest cost of a build. What a page gains from it is almost all in its
//! template: the line breaks and indentation between tags. [`template`]
//! takes those out of the template's source, leaving every Tera tag, every
//! attribute value and the content of `<pre>`, `<textarea>`, `<script>` and
//! `<style>` exactly as written, so the page renders as before and what the
//! template inserts (bodies, titles) is untouched.
//!
//! Whitespace between text and inline elements is shown by browsers, so a
//! run of it becomes one space. Whitespace next to the start or end tag of
//! a block element (`<div>`, `</li>`, `<meta>`…) is never shown, so it is
//! removed. HTML comments without Tera tags in them are removed.

/// Elements whose start and end tags make the whitespace beside them
/// invisible: block-level and document-level elements.
const BLOCKS: &[&str] = &[
    "!doctype",
    "address",
    "article",
    "aside",
    "base",
    "blockquote",
    "body",
    "caption",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
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
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "meta",
    "nav",
    "ol",
    "optgroup",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements whose content is copied as written.
const VERBATIM: &[&str] = &["pre", "textarea", "script", "style"];

/// What the output last ended with, or what comes next: whether the
/// whitespace between them can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// A block element's tag: whitespace beside it never shows.
    Block,
    /// Text, an inline element's tag, a Tera tag, the template's edge:
    /// whitespace beside it may show.
    Other,
}

/// `source` (a Tera template of an HTML page or fragment) without the
/// whitespace and comments a browser would not show. Tera tags, attribute
/// values and verbatim elements are left as they are.
pub fn template(source: &str) -> String {
    let mut c = Compactor {
        src: source.as_bytes(),
        out: Vec::with_capacity(source.len()),
        i: 0,
        last: Side::Other,
    };
    c.run();
    // Every cut is at an ASCII byte, so the output is UTF-8; keep the
    // source if that ever failed.
    String::from_utf8(c.out).unwrap_or_else(|_| source.to_string())
}

struct Compactor<'s> {
    src: &'s [u8],
    out: Vec<u8>,
    i: usize,
    last: Side,
}

impl Compactor<'_> {
    fn run(&mut self) {
        while self.i < self.src.len() {
            if let Some(end) = tera_end(self.src, self.i) {
                self.copy_to(end);
                self.last = Side::Other;
                continue;
            }
            let b = self.src[self.i];
            if b.is_ascii_whitespace() {
                self.whitespace();
            } else if self.src[self.i..].starts_with(b"<!--") {
                self.comment();
            } else if b == b'<' && tag_name(self.src, self.i).is_some() {
                self.tag();
            } else {
                self.out.push(b);
                self.i += 1;
                self.last = Side::Other;
            }
        }
    }

    fn copy_to(&mut self, end: usize) {
        self.out.extend_from_slice(&self.src[self.i..end]);
        self.i = end;
    }

    /// A run of whitespace in text: nothing beside a block element's tag,
    /// else one space (none if the output already ends with one).
    fn whitespace(&mut self) {
        let end = self.src[self.i..]
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(self.src.len(), |n| self.i + n);
        self.i = end;
        if self.last == Side::Block || self.next_side() == Side::Block {
            return;
        }
        if !self.out.last().is_some_and(u8::is_ascii_whitespace) {
            self.out.push(b' ');
        }
    }

    /// What starts at the current position.
    fn next_side(&self) -> Side {
        match tag_name(self.src, self.i) {
            Some((name, _)) if is_block(name) => Side::Block,
            _ => Side::Other,
        }
    }

    /// `<!-- … -->`: removed, unless Tera tags inside it make it part of
    /// the template's structure, or it is a conditional comment.
    fn comment(&mut self) {
        let end = find(self.src, self.i + 4, b"-->").map_or(self.src.len(), |n| n + 3);
        let text = &self.src[self.i..end];
        let keep = text.starts_with(b"<!--[")
            || text.windows(2).any(|w| matches!(w, b"{{" | b"{%" | b"{#"));
        if keep {
            self.copy_to(end);
            self.last = Side::Other;
        } else {
            self.i = end;
        }
    }

    /// A start or end tag: whitespace between attributes becomes one space
    /// (none before `>`), attribute values are copied as written. The
    /// content of a verbatim element follows as it is.
    fn tag(&mut self) {
        let Some((name, name_end)) = tag_name(self.src, self.i) else {
            return;
        };
        let closing = self.src[self.i + 1] == b'/';
        self.copy_to(name_end);
        while self.i < self.src.len() {
            if let Some(end) = tera_end(self.src, self.i) {
                self.copy_to(end);
                continue;
            }
            match self.src[self.i] {
                b if b.is_ascii_whitespace() => {
                    let end = self.src[self.i..]
                        .iter()
                        .position(|b| !b.is_ascii_whitespace())
                        .map_or(self.src.len(), |n| self.i + n);
                    self.i = end;
                    let rest = &self.src[end..];
                    if !(rest.starts_with(b">") || rest.starts_with(b"/>")) {
                        self.out.push(b' ');
                    }
                }
                quote @ (b'"' | b'\'') => self.quoted(quote),
                b'>' => {
                    self.out.push(b'>');
                    self.i += 1;
                    break;
                }
                b => {
                    self.out.push(b);
                    self.i += 1;
                }
            }
        }
        self.last = if is_block(name) {
            Side::Block
        } else {
            Side::Other
        };
        if !closing && VERBATIM.iter().any(|v| name.eq_ignore_ascii_case(v)) {
            let end = find_end_tag(self.src, self.i, name).unwrap_or(self.src.len());
            self.copy_to(end);
        }
    }

    /// An attribute value in `quote`s, Tera tags included, as written.
    fn quoted(&mut self, quote: u8) {
        self.out.push(quote);
        self.i += 1;
        while self.i < self.src.len() {
            if let Some(end) = tera_end(self.src, self.i) {
                self.copy_to(end);
                continue;
            }
            let b = self.src[self.i];
            self.out.push(b);
            self.i += 1;
            if b == quote {
                return;
            }
        }
    }
}

fn is_block(name: &str) -> bool {
    BLOCKS.iter().any(|b| name.eq_ignore_ascii_case(b))
}

/// The name of the tag starting at `at` (`<div`, `</li`, `<!DOCTYPE`) and
/// where it ends, if a tag starts there.
fn tag_name(src: &[u8], at: usize) -> Option<(&str, usize)> {
    let rest = src.get(at..)?;
    if rest.first() != Some(&b'<') {
        return None;
    }
    let start = match rest.get(1) {
        Some(b'/') | Some(b'!') => at + 2,
        _ => at + 1,
    };
    if !src.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let end = src[start..]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b':'))
        .map_or(src.len(), |n| start + n);
    // `<!DOCTYPE` keeps its `!` in the name: it is not an element.
    let from = if rest.get(1) == Some(&b'!') {
        at + 1
    } else {
        start
    };
    std::str::from_utf8(&src[from..end])
        .ok()
        .map(|name| (name, end))
}

/// Where the Tera tag starting at `at` ends (just after `}}`, `%}` or
/// `#}`), if one starts there. Strings inside expressions and statements
/// are skipped, so a `%}` in a string does not end the tag. An unclosed
/// tag runs to the end (Tera reports it).
fn tera_end(src: &[u8], at: usize) -> Option<usize> {
    if src.get(at) != Some(&b'{') {
        return None;
    }
    let close = match src.get(at + 1)? {
        b'{' => b'}',
        b'%' => b'%',
        b'#' => b'#',
        _ => return None,
    };
    let mut i = at + 2;
    let mut quote = None;
    while i < src.len() {
        let b = src[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if close != b'#' && matches!(b, b'"' | b'\'' | b'`') => quote = Some(b),
            None if b == close && src.get(i + 1) == Some(&b'}') => return Some(i + 2),
            None => {}
        }
        i += 1;
    }
    Some(src.len())
}

fn find(src: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    src.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

/// Where `</name` (any case) starts after `from`.
fn find_end_tag(src: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    while let Some(n) = find(src, at, b"</") {
        let after = src.get(n + 2..n + 2 + name.len())?;
        if after.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(n);
        }
        at = n + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::template;

    #[test]
    fn line_breaks_between_blocks_go() {
        assert_eq!(
            template(
                "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>{{ t }}</title>\n</head>\n"
            ),
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ t }}</title></head>"
        );
        assert_eq!(
            template("<ul>\n  {% for i in xs %}\n  <li>{{ i }}</li>\n  {% endfor %}\n</ul>\n"),
            "<ul>{% for i in xs %}<li>{{ i }}</li>{% endfor %}</ul>"
        );
    }

    #[test]
    fn whitespace_that_shows_becomes_one_space() {
        assert_eq!(
            template("<p><a href=\"x\">{{ a }}</a>\n   <span>{{ b }}</span> và\n\ttext</p>"),
            "<p><a href=\"x\">{{ a }}</a> <span>{{ b }}</span> và text</p>"
        );
        assert_eq!(template("{{ a }}\n{{ b }}"), "{{ a }} {{ b }}");
        assert_eq!(
            template("<label>x</label>\n<input>"),
            "<label>x</label> <input>"
        );
    }

    #[test]
    fn tera_tags_attributes_and_verbatim_elements_are_kept() {
        let kept = [
            "<a href=\"{{ url }}\" title=\"a  b\n c\">x</a>",
            "<pre>\n  code\n    here\n</pre>",
            "<script>\nvar a = {{ x | js_string }};\n  if (a) {  }\n</script>",
            "<style>\n{{ scope }} a { color: red; }\n</style>",
            "<textarea>\n a\n</textarea>",
        ];
        for source in kept {
            assert!(template(source).contains(source.trim()), "{source:?}");
        }
        assert_eq!(
            template("{% if x %}\n  {{ \"%}  \" }}\n{% endif %}"),
            "{% if x %} {{ \"%}  \" }} {% endif %}"
        );
        assert_eq!(
            template("<a href=\"{{ u }}\"{% if c %}\n  aria-current=\"page\"{% endif %}\n>x</a>"),
            "<a href=\"{{ u }}\"{% if c %} aria-current=\"page\"{% endif %}>x</a>"
        );
    }

    #[test]
    fn comments_go_unless_they_hold_tera_tags() {
        assert_eq!(
            template("<div>\n<!-- note -->\n<p>x</p>\n</div>"),
            "<div><p>x</p></div>"
        );
        assert_eq!(template("a <!-- x --> b"), "a b");
        assert_eq!(template("<!-- {{ x }} -->"), "<!-- {{ x }} -->");
    }

    #[test]
    fn any_text_comes_back_without_panicking() {
        for odd in [
            "<",
            "<a",
            "<a href=\"",
            "{{",
            "{%",
            "<!--",
            "</",
            "<pre>",
            "a < b",
            "đ <đ> {{ \"ư",
        ] {
            let _ = template(odd);
        }
        assert_eq!(template("a < b"), "a < b");
    }
}
