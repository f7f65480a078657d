//! The text of sanitised HTML (the bodies agencies publish in their
//! feeds), for the hub's index: tags dropped, a line per block, character
//! references decoded.

/// Elements whose end (or, for `br`, presence) ends a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "table",
    "br",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "section",
    "article",
];

/// Elements whose content is not text a reader sees.
const HIDDEN: &[&str] = &["script", "style", "template"];

/// The plain text of `html`.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut hidden: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        if hidden.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let tag = &rest[lt + 1..];
        let end = tag_end(tag);
        let inside = &tag[..end.min(tag.len())];
        rest = tag.get(end + 1..).unwrap_or("");
        let closing = inside.starts_with('/');
        let name: String = inside
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if let Some(h) = &hidden {
            if closing && *h == name {
                hidden = None;
            }
            continue;
        }
        if !closing && HIDDEN.contains(&name.as_str()) {
            hidden = Some(name);
            continue;
        }
        if BLOCKS.contains(&name.as_str())
            && (closing || name == "br")
            && !out.is_empty()
            && !out.ends_with('\n')
        {
            out.push('\n');
        }
    }
    if hidden.is_none() {
        push_text(&mut out, rest);
    }
    out.trim().to_string()
}

/// Where a tag ends (the index of its `>`), skipping quoted attribute values.
fn tag_end(tag: &str) -> usize {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '>') => return i,
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    tag.len()
}

/// Appends text with its character references decoded.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| reference(&after[..e]));
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn blocks_make_lines_and_references_are_decoded() {
        assert_eq!(
            text(
                "<h2>Điều 1</h2><p>Đất &amp; nhà <b>ở</b><br>dòng &#273;&#x111;</p><ul><li>a</li><li>b</li></ul>"
            ),
            "Điều 1\nĐất & nhà ở\ndòng đđ\na\nb"
        );
    }

    #[test]
    fn quoted_brackets_and_scripts_are_no_text() {
        assert_eq!(
            text("<a title=\"a>b\" href='/x'>liên kết</a><script>var x = '<p>';</script> tiếp"),
            "liên kết tiếp"
        );
        assert_eq!(text("a &bogus; b & c"), "a &bogus; b & c");
    }
}
