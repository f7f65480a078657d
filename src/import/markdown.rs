//! Writing a document's body as Markdown: headings for "Chương", "Mục",
//! short "Điều" and numbered section titles, paragraphs with their bold
//! and italic, lists, pipe tables and footnotes. The numbering of a legal
//! text ("1.", "a)") is kept as written, never renumbered by Markdown.

use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::model::{Block, Document, Paragraph, Run, Table};
use crate::text::fold;

/// Escapes text so Markdown shows it as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would make a line start a list, a heading or a quote.
fn escape_line_start(line: &str) -> String {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,9})([.)])(\s|$)").expect("constant pattern, checked by the tests")
    });
    if let Some(c) = LIST.captures(line) {
        let n = c[1].len();
        return format!("{}\\{}", &line[..n], &line[n..]);
    }
    match line.chars().next() {
        Some('#' | '+' | '-' | '=') => format!("\\{line}"),
        _ => line.to_string(),
    }
}

/// The inline Markdown of runs.
fn inline(runs: &[Run], raw: bool) -> String {
    let mut out = String::new();
    for r in runs {
        if let Some(id) = &r.footnote {
            let _ = write!(out, "[^{}]", footnote_label(id));
            continue;
        }
        let text = r.text.replace('\t', " ");
        let body = if raw { text.clone() } else { escape(&text) };
        let marker = match (r.bold, r.italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let trimmed = body.trim();
        if marker.is_empty() || trimmed.is_empty() || raw {
            out.push_str(&body);
            continue;
        }
        let lead = &body[..body.len() - body.trim_start().len()];
        let trail = &body[body.trim_end().len()..];
        let _ = write!(out, "{lead}{marker}{trimmed}{marker}{trail}");
    }
    // Line breaks inside a paragraph stay line breaks.
    out.split('\n')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\\\n")
        .trim()
        .to_string()
}

fn footnote_label(id: &str) -> String {
    let clean: String = id.chars().filter(char::is_ascii_alphanumeric).collect();
    if clean.is_empty() {
        "chu-thich".into()
    } else {
        clean
    }
}

static CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(chuong|phan) [ivxlc\d]+\b").expect("constant pattern, checked by the tests")
});
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^muc \d+\b").expect("constant pattern, checked by the tests"));
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^dieu \d+").expect("constant pattern, checked by the tests"));
static ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[IVXLC]+[.)] ").expect("constant pattern, checked by the tests")
});
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d+(\.\d+)*\.? ").expect("constant pattern, checked by the tests")
});

fn is_upper(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// What a paragraph is in the body.
enum Kind {
    Heading(usize),
    Bullet,
    Paragraph,
}

struct Levels {
    chapter: usize,
    section: usize,
    article: usize,
}

fn kind(p: &Paragraph, text: &str, levels: &Levels) -> Kind {
    if let Some(l) = p.heading {
        return Kind::Heading((usize::from(l) + 1).min(6));
    }
    if let Some(label) = &p.list {
        return if label.bullet {
            Kind::Bullet
        } else {
            Kind::Paragraph
        };
    }
    let short = text.chars().count() <= 120;
    let f = fold(text);
    if CHAPTER.is_match(&f) && short {
        return Kind::Heading(levels.chapter);
    }
    if SECTION.is_match(&f) && short {
        return Kind::Heading(levels.section);
    }
    // "Điều 1. Phạm vi điều chỉnh" is a title; "Điều 1. Ban hành kèm theo…."
    // is a sentence.
    if ARTICLE.is_match(&f) && short && !text.trim_end().ends_with(['.', ';', ',', ':']) {
        return Kind::Heading(levels.article);
    }
    if ROMAN.is_match(text) && short && (is_upper(text) || p.all_bold()) {
        return Kind::Heading(2);
    }
    if NUMBERED.is_match(text) && short && p.all_bold() && !text.ends_with([';', ',', ':']) {
        return Kind::Heading(3);
    }
    if ['-', '+', '•', '–'].iter().any(|m| text.starts_with(*m)) {
        return Kind::Bullet;
    }
    Kind::Paragraph
}

/// Writes `blocks` of `doc` as Markdown.
pub fn write(doc: &Document, blocks: &[Block]) -> String {
    let raw = doc.markdown;
    let texts: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(fold(&p.text())),
            Block::Table(_) => None,
        })
        .collect();
    let has_chapters = texts.iter().any(|t| CHAPTER.is_match(t));
    let has_sections = texts.iter().any(|t| SECTION.is_match(t));
    let levels = Levels {
        chapter: 2,
        section: 3,
        article: 2 + usize::from(has_chapters) + usize::from(has_sections),
    };
    let mut out = String::new();
    let mut in_list = false;
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Table(t) => {
                if in_list {
                    out.push('\n');
                }
                in_list = false;
                if let Some(table) = table(t, raw) {
                    out.push_str(&table);
                    out.push('\n');
                }
            }
            Block::Paragraph(p) => {
                let text = p.text();
                let text = text.trim();
                if text.is_empty() {
                    i += 1;
                    continue;
                }
                let mut md = inline(&p.runs, raw);
                match kind(p, text, &levels) {
                    Kind::Heading(level) => {
                        if in_list {
                            out.push('\n');
                        }
                        in_list = false;
                        let mut heading = text.replace(['\t', '\n'], " ");
                        // A chapter's name on the next line joins its heading.
                        if CHAPTER.is_match(&fold(text))
                            && let Some(Block::Paragraph(next)) = blocks.get(i + 1)
                            && is_upper(&next.text())
                            && next.text().chars().count() <= 150
                            && !CHAPTER.is_match(&fold(&next.text()))
                        {
                            heading = format!(
                                "{}. {}",
                                heading.trim_end_matches('.'),
                                next.text().trim()
                            );
                            i += 1;
                        }
                        let heading = if raw { heading } else { escape(&heading) };
                        let _ = writeln!(out, "{} {}\n", "#".repeat(level), heading.trim());
                    }
                    Kind::Bullet => {
                        let item = if p.list.is_some() {
                            md
                        } else {
                            strip_marker(&md)
                        };
                        let _ = writeln!(out, "- {}", item.replace("\\\n", " "));
                        in_list = true;
                    }
                    Kind::Paragraph => {
                        if in_list {
                            out.push('\n');
                        }
                        in_list = false;
                        if let Some(label) = p.list.as_ref().filter(|l| !l.bullet) {
                            md = format!("{} {md}", label.label);
                        }
                        let md = if raw { md } else { escape_line_start(&md) };
                        let _ = writeln!(out, "{md}\n");
                    }
                }
            }
        }
        i += 1;
    }
    if in_list {
        out.push('\n');
    }
    for (id, paragraphs) in &doc.footnotes {
        let used = out.contains(&format!("[^{}]", footnote_label(id)));
        if !used {
            continue;
        }
        let text: Vec<String> = paragraphs
            .iter()
            .map(|p| inline(&p.runs, raw))
            .filter(|t| !t.is_empty())
            .collect();
        let _ = writeln!(out, "[^{}]: {}", footnote_label(id), text.join(" "));
    }
    let out = out.trim_end().to_string() + "\n";
    out.nfc().collect()
}

/// A bullet paragraph's Markdown without its typed marker ("- ", "+ ",
/// "• "), also when the marker is inside the bold.
fn strip_marker(md: &str) -> String {
    let markers = ['-', '+', '•', '–'];
    for emphasis in ["***", "**", "*", ""] {
        if let Some(rest) = md.strip_prefix(emphasis)
            && rest.starts_with(markers)
        {
            let rest = rest.trim_start_matches(markers).trim_start();
            return if emphasis.is_empty() || rest.starts_with(emphasis) {
                rest.to_string()
            } else {
                format!("{emphasis}{rest}")
            };
        }
    }
    md.to_string()
}

/// A pipe table; `None` for a table without text.
fn table(t: &Table, raw: bool) -> Option<String> {
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|row| {
            let mut cells = Vec::new();
            for c in row {
                let text = c
                    .paragraphs
                    .iter()
                    .map(|p| inline(&p.runs, raw).replace("\\\n", "<br>"))
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("<br>");
                let text = if raw { text.replace('|', "\\|") } else { text };
                cells.push(text);
                for _ in 1..c.span {
                    cells.push(String::new());
                }
            }
            cells
        })
        .filter(|r| !r.is_empty())
        .collect();
    let width = rows.iter().map(Vec::len).max()?;
    if rows.iter().flatten().all(String::is_empty) {
        return None;
    }
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        out.push('|');
        for k in 0..width {
            let cell = row.get(k).map(String::as_str).unwrap_or("");
            let _ = write!(out, " {cell} |");
        }
        out.push('\n');
        if n == 0 {
            out.push('|');
            for _ in 0..width {
                out.push_str(" --- |");
            }
            out.push('\n');
        }
    }
    Some(out)
}
