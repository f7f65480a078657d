//! What a section accepts from an upstream feed, by the hub's rules
//! ([`crate::remote::links`]): an address is shown only when it is an
//! `http(s)://` address without user name or password (so no
//! `javascript:`, `data:` or `file:` link), a date only when it is a real
//! date (RFC 3339 in JSON Feed and Atom, RFC 2822 in RSS). An item without
//! a title, a usable address or a date is left out.
//!
//! Nothing from upstream is ever HTML on the page: titles and names are
//! made plain text here (tags dropped, entities read, blanks joined,
//! control characters removed, Unicode NFC, at most [`MAX_TITLE`]
//! characters) and the templates escape them. No image, script or style
//! of the feed is kept, so the page makes no request to a third party.

use unicode_normalization::UnicodeNormalization;
use url::Url;

use super::parse::RawFeed;
use super::{Item, News};
use crate::date::Timestamp;

/// The longest title kept, in characters (longer ones end with `…`).
pub const MAX_TITLE: usize = 300;

/// The longest source or feed name kept, in characters.
pub const MAX_NAME: usize = 120;

/// Admits a parsed feed read from `feed_url`: its newest `limit` usable
/// items, newest first. `title` is the block's title from `site.toml`.
/// `None` when no item is usable (the feed is then treated as broken).
pub fn admit(raw: RawFeed, feed_url: &Url, title: Option<&str>, limit: usize) -> Option<News> {
    let feed_title = raw.title.as_deref().map(|t| plain(t, MAX_NAME));
    let feed_title = feed_title.filter(|t| !t.is_empty());
    let mut items: Vec<Item> = raw
        .items
        .into_iter()
        .filter_map(|i| {
            let title = plain(i.title.as_deref()?, MAX_TITLE);
            let url = web_link(i.url.as_deref()?, feed_url)?;
            let date = Timestamp::from_datetime(i.date?);
            if title.is_empty() {
                return None;
            }
            let source = i
                .source
                .as_deref()
                .map(|s| plain(s, MAX_NAME))
                .filter(|s| !s.is_empty())
                .or_else(|| feed_title.clone())
                .or_else(|| feed_url.host_str().map(str::to_string))
                .unwrap_or_default();
            Some(Item {
                title,
                url,
                dmy: date.dmy_in_vietnam(),
                machine: date.rfc3339(),
                source,
                at: date.starts().timestamp(),
            })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    // Newest first; ties in the feed's order.
    items.sort_by_key(|i| std::cmp::Reverse(i.at));
    items.truncate(limit);
    Some(News {
        title: title.map(str::to_string).or(feed_title).unwrap_or_default(),
        home: raw.home.as_deref().and_then(|h| web_link(h, feed_url)),
        items,
    })
}

/// `address` made absolute against the feed's address, kept only when the
/// hub would publish it: http(s), no credentials.
fn web_link(address: &str, feed_url: &Url) -> Option<String> {
    let url = feed_url.join(address.trim()).ok()?;
    crate::remote::links::web_address(&url).then(|| url.to_string())
}

/// Plain text of a title that may hold HTML: tags dropped, the usual
/// entities read, blanks joined, control characters removed, NFC, at most
/// `max` characters.
pub fn plain(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max * 4));
    let mut in_tag = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '&' => {
                let (decoded, used) = entity(rest);
                out.push(decoded);
                rest = &rest[used..];
            }
            c if c.is_control() || c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let normal: String = joined.nfc().collect();
    if normal.chars().count() <= max {
        return normal;
    }
    let mut cut: String = normal.chars().take(max - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// The character of an entity whose `&` was just read, and how many bytes
/// of `rest` it took; an unknown one stays a plain `&`.
fn entity(rest: &str) -> (char, usize) {
    let Some(end) = rest.get(..rest.len().min(12)).and_then(|s| s.find(';')) else {
        return ('&', 0);
    };
    let name = &rest[..end];
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else {
                name.strip_prefix('#').and_then(|d| d.parse().ok())
            };
            number.and_then(char::from_u32)
        }
    };
    match c {
        Some(c) if !c.is_control() => (c, end + 1),
        Some(_) => (' ', end + 1),
        None => ('&', 0),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::RawItem;
    use super::*;

    fn item(title: &str, url: &str, day: u32) -> RawItem {
        RawItem {
            title: Some(title.into()),
            url: Some(url.into()),
            date: chrono::DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T08:00:00+07:00"))
                .ok(),
            bad_date: false,
            source: None,
        }
    }

    #[test]
    fn titles_become_plain_text() {
        assert_eq!(
            plain("  Tin <b>mới</b>\n&amp; hay&#33; &lt;script&gt; ", 300),
            "Tin mới & hay! <script>"
        );
        assert_eq!(plain("a &bogus; b & c", 300), "a &bogus; b & c");
        assert_eq!(plain("x\u{0}\u{7}y", 300), "x y");
        // Decomposed Vietnamese (as some keyboards type it) becomes NFC.
        assert_eq!(plain("Tie\u{302}\u{301}ng", 300), "Tiếng");
        let long = plain(&"ab ".repeat(400), MAX_TITLE);
        assert_eq!(long.chars().count(), MAX_TITLE);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn only_web_addresses_dated_items_and_the_newest_are_kept() {
        let feed_url = Url::parse("https://p.example/pbgdpl/feed.json").unwrap();
        let mut undated = item("Không ngày", "https://p.example/u/", 1);
        undated.date = None;
        let raw = RawFeed {
            title: Some("Trang <i>tỉnh</i>".into()),
            home: Some("javascript:alert(1)".into()),
            items: vec![
                item("Cũ", "https://p.example/old/", 1),
                item("Mới", "/pbgdpl/new/", 20),
                item("Xấu", "javascript:alert(1)", 25),
                item("Dữ liệu", "data:text/html,x", 25),
                item("Mật khẩu", "https://u:p@p.example/", 25),
                item("Tệp", "file:///etc/passwd", 25),
                item("", "https://p.example/empty/", 25),
                item("Giữa", "https://other.example/x", 10),
                undated,
            ],
        };
        let news = admit(raw, &feed_url, None, 2).unwrap();
        assert_eq!(news.title, "Trang tỉnh");
        assert_eq!(news.home, None);
        let got: Vec<_> = news.items.iter().map(|i| (&*i.title, &*i.url)).collect();
        assert_eq!(
            got,
            [
                ("Mới", "https://p.example/pbgdpl/new/"),
                ("Giữa", "https://other.example/x")
            ]
        );
        assert_eq!(news.items[0].dmy, "20/11/2026");
        assert_eq!(news.items[0].source, "Trang tỉnh");
        let none = RawFeed {
            items: vec![item("Xấu", "javascript:x", 1)],
            ..RawFeed::default()
        };
        assert_eq!(admit(none, &feed_url, Some("T"), 5), None);
    }
}
