//! Reading an upstream feed — JSON Feed 1.x, Atom 1.0, RSS 2.0 or RSS
//! 1.0 — into what the block shows, and nothing else: the feed's title and
//! home page, and for each item its title, address, date and source.
//!
//! Everything is then admitted by [`super::accept`]; this module only
//! finds the values. XML is read by `roxmltree` without a DTD (no entity
//! can expand), and with a cap on its number of nodes.

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

/// The most XML nodes a feed may have (a feed of 100 items has a few
/// thousand).
const MAX_NODES: u32 = 200_000;

/// A feed as found, before admission.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RawFeed {
    /// The feed's own title.
    pub title: Option<String>,
    /// Its home page.
    pub home: Option<String>,
    /// Its items, in document order.
    pub items: Vec<RawItem>,
}

/// An item as found, before admission.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RawItem {
    /// Title (plain text or HTML).
    pub title: Option<String>,
    /// Address (maybe relative).
    pub url: Option<String>,
    /// Date published (or updated, when that is all there is), as written.
    pub date: Option<DateTime<FixedOffset>>,
    /// Whether a date was written but could not be read.
    pub bad_date: bool,
    /// Author or source, when the feed names one.
    pub source: Option<String>,
}

/// Reads `bytes` as one of the feed formats; `None` when it is none of them.
pub fn feed(bytes: &[u8]) -> Option<RawFeed> {
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('{') {
        json_feed(text)
    } else if text.starts_with('<') {
        xml_feed(text)
    } else {
        None
    }
}

fn json_feed(text: &str) -> Option<RawFeed> {
    let v: Value = serde_json::from_str(text).ok()?;
    let version = v.get("version")?.as_str()?;
    if !version.starts_with("https://jsonfeed.org/version/") {
        return None;
    }
    let s = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let author = |v: &Value| {
        v.get("authors")
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .or_else(|| v.get("author"))
            .and_then(|a| s(a, "name"))
    };
    let items = v
        .get("items")?
        .as_array()?
        .iter()
        .map(|i| {
            let written = s(i, "date_published").or_else(|| s(i, "date_modified"));
            let date = written
                .as_deref()
                .and_then(|d| DateTime::parse_from_rfc3339(d).ok());
            RawItem {
                title: s(i, "title"),
                url: s(i, "url"),
                bad_date: written.is_some() && date.is_none(),
                date,
                source: author(i),
            }
        })
        .collect();
    Some(RawFeed {
        title: s(&v, "title"),
        home: s(&v, "home_page_url"),
        items,
    })
}

fn xml_feed(text: &str) -> Option<RawFeed> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).ok()?;
    let root = doc.root_element();
    match root.tag_name().name() {
        "feed" => Some(atom(root)),
        "rss" => {
            let channel = child(root, "channel")?;
            Some(rss(channel, channel.children()))
        }
        // RSS 1.0: the items are beside the channel.
        "RDF" => {
            let channel = child(root, "channel")?;
            Some(rss(channel, root.children()))
        }
        _ => None,
    }
}

fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn text_of(node: roxmltree::Node<'_, '_>, name: &str) -> Option<String> {
    let c = child(node, name)?;
    let text: String = c
        .descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect();
    Some(text)
}

fn atom(feed: roxmltree::Node<'_, '_>) -> RawFeed {
    let link = |node: roxmltree::Node<'_, '_>| {
        node.children()
            .filter(|c| c.is_element() && c.tag_name().name() == "link")
            .find(|l| matches!(l.attribute("rel"), None | Some("alternate")))
            .and_then(|l| l.attribute("href"))
            .map(str::to_string)
    };
    let items = feed
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "entry")
        .map(|e| {
            let written = text_of(e, "published").or_else(|| text_of(e, "updated"));
            let date = written
                .as_deref()
                .and_then(|d| DateTime::parse_from_rfc3339(d.trim()).ok());
            RawItem {
                title: text_of(e, "title"),
                url: link(e),
                bad_date: written.is_some() && date.is_none(),
                date,
                source: child(e, "author").and_then(|a| text_of(a, "name")),
            }
        })
        .collect();
    RawFeed {
        title: text_of(feed, "title"),
        home: link(feed),
        items,
    }
}

fn rss<'a>(
    channel: roxmltree::Node<'a, 'a>,
    items: impl Iterator<Item = roxmltree::Node<'a, 'a>>,
) -> RawFeed {
    let items = items
        .filter(|c| c.is_element() && c.tag_name().name() == "item")
        .map(|i| {
            let rfc2822 = text_of(i, "pubDate");
            let rfc3339 = text_of(i, "date"); // dc:date
            let date = match (&rfc2822, &rfc3339) {
                (Some(d), _) => DateTime::parse_from_rfc2822(d.trim()).ok(),
                (None, Some(d)) => DateTime::parse_from_rfc3339(d.trim()).ok(),
                (None, None) => None,
            };
            RawItem {
                title: text_of(i, "title"),
                url: text_of(i, "link").map(|l| l.trim().to_string()),
                bad_date: (rfc2822.is_some() || rfc3339.is_some()) && date.is_none(),
                date,
                source: text_of(i, "creator").or_else(|| text_of(i, "author")),
            }
        })
        .collect();
    RawFeed {
        title: text_of(channel, "title"),
        home: text_of(channel, "link").map(|l| l.trim().to_string()),
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_formats_give_the_same_item() {
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Tỉnh", "home_page_url": "https://p.example/",
            "items": [{"id": "1", "title": "Tin A", "url": "https://p.example/a/", "date_published": "2026-11-20T08:00:00+07:00",
            "authors": [{"name": "Sở Tư pháp"}]}]}"#;
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Tỉnh</title>
            <link href="https://p.example/"/><link rel="self" href="https://p.example/atom.xml"/>
            <entry><title type="html">Tin A</title><link rel="alternate" href="https://p.example/a/"/>
            <published>2026-11-20T08:00:00+07:00</published><author><name>Sở Tư pháp</name></author></entry></feed>"#;
        let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Tỉnh</title>
            <link>https://p.example/</link><item><title>Tin A</title><link>https://p.example/a/</link>
            <pubDate>Fri, 20 Nov 2026 08:00:00 +0700</pubDate><dc:creator>Sở Tư pháp</dc:creator></item></channel></rss>"#;
        let parsed: Vec<RawFeed> = [json, atom, rss]
            .iter()
            .map(|t| feed(t.as_bytes()).unwrap())
            .collect();
        assert_eq!(parsed[0], parsed[1]);
        assert_eq!(parsed[0], parsed[2]);
        assert_eq!(parsed[0].items[0].title.as_deref(), Some("Tin A"));
        assert_eq!(parsed[0].items[0].source.as_deref(), Some("Sở Tư pháp"));
    }

    #[test]
    fn what_is_not_a_feed_is_refused() {
        for bad in [
            "",
            "<html><body>503</body></html>",
            "{\"items\": []}",
            "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><rss><channel><title>&b;</title></channel></rss>",
            "\u{0}\u{1}",
        ] {
            assert_eq!(feed(bad.as_bytes()), None, "{bad}");
        }
    }
}
