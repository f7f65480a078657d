//! Feed items, admitted before anything of the hub sees them.
//!
//! An item is refused (and with it the feed document, so the source keeps
//! its last good copy) when its id is not under the section's own
//! address or listed twice, when `url`, `title` or `date_published` is
//! missing, when a date is not RFC 3339, or when its `url` or an
//! attachment's is not an http(s) address inside the section
//! ([`super::links::under`]).
//!
//! An admitted item keeps only the keys a pbgdpl section publishes (`id`,
//! `url`, `title`, `content_html`, `summary`, `date_published`,
//! `date_modified`, `tags`, `language`, `attachments`, `authors`,
//! `_pbgdpl`), with:
//!
//! - `content_html` sanitised exactly as a section's own bodies (no script,
//!   no event handler, no `javascript:` link, nothing off the allow-list),
//!   and refused when it nests deeper than a section may
//!   ([`crate::nesting::MAX_NESTING`]);
//! - authors' `url` kept only when it is an http(s) address;
//! - in `_pbgdpl`, any `…_url` value kept only when it is an http(s)
//!   address.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use crate::output::feeds::item::tag_prefix_of;
use crate::render::markdown::sanitize;

use super::links::under;
use super::reason::Reason;

/// Admits every item of one feed document published at `base_url`.
pub fn page(items: Vec<Value>, base_url: &str) -> Result<Vec<Value>, Reason> {
    let prefix = tag_prefix_of(base_url);
    let mut ids = BTreeSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let item = admit(item, i + 1, base_url, &prefix)?;
        let id = item.get("id").and_then(Value::as_str).unwrap_or_default();
        if !ids.insert(id.to_string()) {
            return Err(Reason::ItemTwice { item: i + 1 });
        }
        out.push(item);
    }
    Ok(out)
}

fn http(text: &str) -> bool {
    url::Url::parse(text).is_ok_and(|u| super::links::web_address(&u))
}

fn rfc3339(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|t| chrono::DateTime::parse_from_rfc3339(t).is_ok())
}

/// Admits one item (`index` counts from 1); see the module documentation.
pub fn admit(item: Value, index: usize, base_url: &str, prefix: &str) -> Result<Value, Reason> {
    let Value::Object(mut item) = item else {
        return Err(Reason::ItemMissing {
            item: index,
            field: "id".into(),
        });
    };
    let missing = |field: &str| Reason::ItemMissing {
        item: index,
        field: field.into(),
    };
    let text = |item: &Map<String, Value>, key: &str| {
        item.get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let id = text(&item, "id").ok_or_else(|| missing("id"))?;
    if !id.starts_with(prefix) || id.len() == prefix.len() {
        return Err(Reason::ItemIdOutside { item: index });
    }
    let url = text(&item, "url").ok_or_else(|| missing("url"))?;
    text(&item, "title").ok_or_else(|| missing("title"))?;
    text(&item, "date_published").ok_or_else(|| missing("date_published"))?;
    if !under(&url, base_url) {
        return Err(Reason::ItemUrlOutside { item: index });
    }
    let bad_date = Reason::ItemDate { item: index };
    if !item.get("date_published").is_some_and(rfc3339) {
        return Err(bad_date);
    }
    if item.get("date_modified").is_some_and(|d| !rfc3339(d)) {
        return Err(bad_date);
    }

    let mut out = Map::new();
    for key in [
        "id",
        "url",
        "title",
        "summary",
        "date_published",
        "date_modified",
        "language",
    ] {
        if let Some(v) = item.remove(key).filter(Value::is_string) {
            out.insert(key.into(), v);
        }
    }
    if let Some(Value::String(html)) = item.remove("content_html") {
        // Deeper than a section may write: refused before anything
        // recursive reads it.
        if crate::nesting::deeper_than(&html, crate::nesting::MAX_NESTING) {
            return Err(Reason::ItemTooDeep {
                item: index,
                limit: crate::nesting::MAX_NESTING,
            });
        }
        out.insert("content_html".into(), Value::String(sanitize(&html)));
    }
    if let Some(Value::Array(tags)) = item.remove("tags") {
        let tags: Vec<Value> = tags.into_iter().filter(Value::is_string).collect();
        out.insert("tags".into(), Value::Array(tags));
    }
    if let Some(Value::Array(list)) = item.remove("attachments") {
        let mut kept = Vec::new();
        for a in list {
            let Value::Object(mut a) = a else { continue };
            let url = a.get("url").and_then(Value::as_str).unwrap_or_default();
            if !under(url, base_url) {
                return Err(Reason::ItemUrlOutside { item: index });
            }
            let mut clean = Map::new();
            for key in ["url", "mime_type", "title", "size_in_bytes"] {
                if let Some(v) = a.remove(key) {
                    clean.insert(key.into(), v);
                }
            }
            // Since format 1.1: the file's hash and role, kept only when
            // they are what they claim to be (a 1.0 section sends none).
            if let Some(ext) = a.remove("_pbgdpl").and_then(file_extension) {
                clean.insert("_pbgdpl".into(), ext);
            }
            kept.push(Value::Object(clean));
        }
        out.insert("attachments".into(), Value::Array(kept));
    }
    if let Some(Value::Array(list)) = item.remove("authors") {
        let authors: Vec<Value> = list
            .into_iter()
            .filter_map(|a| {
                let name = a.get("name").and_then(Value::as_str)?.to_string();
                let mut clean = Map::new();
                clean.insert("name".into(), Value::String(name));
                if let Some(u) = a.get("url").and_then(Value::as_str).filter(|u| http(u)) {
                    clean.insert("url".into(), Value::String(u.to_string()));
                }
                Some(Value::Object(clean))
            })
            .collect();
        out.insert("authors".into(), Value::Array(authors));
    }
    // The featured photo (JSON Feed `image`): a file of the section.
    if let Some(Value::String(image)) = item.remove("image")
        && under(&image, base_url)
    {
        out.insert("image".into(), Value::String(image));
    }
    if let Some(mut ext) = item.remove("_pbgdpl") {
        if let Value::Object(map) = &mut ext
            && let Some(image) = map.remove("image")
            && let Some(image) = image_extension(image, base_url)
        {
            map.insert("image".into(), image);
        }
        only_web_links(&mut ext);
        out.insert("_pbgdpl".into(), ext);
    }
    Ok(Value::Object(out))
}

/// The `_pbgdpl.image` of an item (its featured photo, since pbgdpl
/// 0.x with photos), kept only when it is a photo of the section with
/// a size and a description: `url` inside the section, `mime_type` JPEG,
/// PNG or WebP, `width`, `height` and `size_in_bytes` plain numbers,
/// `alt` a non-empty text; `caption` and `credit` kept when they are
/// texts; of `thumbnails` (since 1.4), the first three that are pictures
/// of the section of those types with their size.
fn image_extension(image: Value, base_url: &str) -> Option<Value> {
    const TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];
    let url = image.get("url")?.as_str().filter(|u| under(u, base_url))?;
    let mime = image
        .get("mime_type")?
        .as_str()
        .filter(|m| TYPES.contains(m))?;
    let side = |key: &str| {
        image
            .get(key)
            .and_then(Value::as_u64)
            .filter(|n| (1..=100_000).contains(n))
    };
    let (width, height) = (side("width")?, side("height")?);
    let size = image.get("size_in_bytes")?.as_u64()?;
    let alt = image
        .get("alt")?
        .as_str()
        .filter(|a| !a.trim().is_empty())?;
    let mut clean = serde_json::json!({
        "url": url,
        "mime_type": mime,
        "width": width,
        "height": height,
        "size_in_bytes": size,
        "alt": alt,
    });
    for key in ["caption", "credit"] {
        if let (Some(Value::String(text)), Value::Object(m)) = (image.get(key), &mut clean) {
            m.insert(key.into(), Value::String(text.clone()));
        }
    }
    let thumbnails: Vec<Value> = image
        .get("thumbnails")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| {
            let url = t.get("url")?.as_str().filter(|u| under(u, base_url))?;
            // As the URL parser writes it: no white space, so it stays
            // one address in a `srcset`.
            let url = url::Url::parse(url).ok()?.to_string();
            let mime = t.get("mime_type")?.as_str().filter(|m| TYPES.contains(m))?;
            let side = |key: &str| {
                t.get(key)
                    .and_then(Value::as_u64)
                    .filter(|n| (1..=100_000).contains(n))
            };
            Some(serde_json::json!({
                "url": url,
                "width": side("width")?,
                "height": side("height")?,
                "mime_type": mime,
            }))
        })
        .take(TYPES.len())
        .collect();
    if let (false, Value::Object(m)) = (thumbnails.is_empty(), &mut clean) {
        m.insert("thumbnails".into(), Value::Array(thumbnails));
    }
    Some(clean)
}

/// Removes every `…_url` string that is not an http(s) address.
pub(crate) fn only_web_links(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|k, v| !(k.ends_with("url") && v.as_str().is_some_and(|u| !http(u))));
            map.values_mut().for_each(only_web_links);
        }
        Value::Array(list) => list.iter_mut().for_each(only_web_links),
        _ => {}
    }
}

/// The `_pbgdpl` object of an attachment, reduced to a well-formed
/// `sha256` (64 lowercase hex digits) and a known `role`; `None` when
/// either is not.
fn file_extension(ext: Value) -> Option<Value> {
    const ROLES: [&str; 7] = [
        "attachment",
        "video",
        "captions",
        "audio",
        "pdf",
        "poster",
        "image",
    ];
    let sha = ext.get("sha256")?.as_str()?;
    let role = ext.get("role")?.as_str()?;
    let hex = sha.len() == 64 && sha.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    (hex && ROLES.contains(&role)).then(|| serde_json::json!({ "sha256": sha, "role": role }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BASE: &str = "https://a.example/pbgdpl/";

    fn item(id: &str) -> Value {
        json!({
            "id": format!("tag:a.example,2019:/pbgdpl/{id}"),
            "url": format!("{BASE}tin-tuc/{id}/"),
            "title": "Tin",
            "content_html": "<p>Nội dung <a href=\"/pbgdpl/x/\">x</a></p>",
            "date_published": "2026-11-20T00:00:00+07:00",
            "attachments": [{"url": format!("{BASE}tin-tuc/{id}/a.pdf"), "mime_type": "application/pdf", "title": "A", "size_in_bytes": 3}],
            "authors": [{"name": "A", "url": "https://a.example"}],
            "_pbgdpl": {"category": "tin-tuc", "meta": {"document": {"number": "1/QĐ", "source_url": "https://vbpl.vn/x"}}}
        })
    }

    #[test]
    fn a_good_item_is_kept_as_published() {
        let admitted = page(vec![item("a"), item("b")], BASE).unwrap();
        assert_eq!(admitted[0]["content_html"], item("a")["content_html"]);
        assert_eq!(admitted[0]["attachments"], item("a")["attachments"]);
        assert_eq!(admitted[0]["_pbgdpl"], item("a")["_pbgdpl"]);
        assert_eq!(admitted[0]["authors"], item("a")["authors"]);
    }

    #[test]
    fn a_file_hash_is_kept_only_when_well_formed() {
        let sha = "ab".repeat(32);
        let with_ext = |ext: Value| {
            let mut i = item("a");
            i["attachments"][0]["_pbgdpl"] = ext;
            page(vec![i], BASE).unwrap()[0]["attachments"][0].clone()
        };
        let kept = with_ext(json!({"sha256": sha, "role": "audio", "x": "<script>"}));
        assert_eq!(kept["_pbgdpl"], json!({"sha256": sha, "role": "audio"}));
        for bad in [
            json!({"sha256": "AB".repeat(32), "role": "audio"}),
            json!({"sha256": sha, "role": "<b>script</b>"}),
            json!({"sha256": "ab", "role": "audio"}),
            json!("ab"),
        ] {
            let a = with_ext(bad.clone());
            assert_eq!(a.get("_pbgdpl"), None, "{bad}");
            assert_eq!(a["url"], item("a")["attachments"][0]["url"]);
        }
    }

    #[test]
    fn a_featured_photo_is_kept_only_when_it_is_the_sections_and_described() {
        let photo = json!({
            "url": format!("{BASE}tin-tuc/a/anh-1280.jpg"),
            "mime_type": "image/jpeg",
            "width": 1280,
            "height": 960,
            "size_in_bytes": 120000,
            "alt": "Hội trường",
            "credit": "Lê Văn Quyết",
        });
        let with = |image: Value| {
            let mut i = item("a");
            i["image"] = image["url"].clone();
            i["_pbgdpl"]["image"] = image;
            page(vec![i], BASE).unwrap().remove(0)
        };
        let kept = with(photo.clone());
        assert_eq!(kept["_pbgdpl"]["image"], photo);
        assert_eq!(kept["image"], photo["url"]);
        let spoil = |key: &str, v: Value| {
            let mut p = photo.clone();
            p[key] = v;
            p
        };
        for bad in [
            spoil("url", json!("https://elsewhere.example/a.jpg")),
            spoil("url", json!("javascript:alert(1)")),
            spoil("mime_type", json!("text/html")),
            spoil("width", json!(0)),
            spoil("height", json!("960")),
            spoil("alt", json!("  ")),
            json!("https://a.example/pbgdpl/a.jpg"),
        ] {
            let item = with(bad.clone());
            assert_eq!(item["_pbgdpl"].get("image"), None, "{bad}");
            assert_eq!(item["_pbgdpl"]["category"], "tin-tuc");
        }
    }

    #[test]
    fn thumbnails_are_kept_only_when_they_are_the_sections_pictures() {
        let thumb = |url: &str, mime: &str| json!({"url": url, "width": 320, "height": 240, "mime_type": mime});
        let webp = thumb(&format!("{BASE}tin-tuc/a/anh-320.webp"), "image/webp");
        let jpeg = thumb(&format!("{BASE}tin-tuc/a/anh-320.jpg"), "image/jpeg");
        let with = |thumbnails: Value| {
            let mut i = item("a");
            i["_pbgdpl"]["image"] = json!({
                "url": format!("{BASE}tin-tuc/a/anh-1280.jpg"),
                "mime_type": "image/jpeg",
                "width": 1280,
                "height": 960,
                "size_in_bytes": 120000,
                "alt": "Hội trường",
                "thumbnails": thumbnails,
            });
            let kept = page(vec![i], BASE).unwrap().remove(0);
            kept["_pbgdpl"]["image"].get("thumbnails").cloned()
        };
        let both = json!([webp.clone(), jpeg.clone()]);
        assert_eq!(with(both.clone()), Some(both));
        // Another site's picture, a script, another type, no size: left
        // out, the good ones kept in their order.
        let bad = [
            thumb("https://tracker.example/p.gif", "image/webp"),
            thumb("javascript:alert(1)", "image/jpeg"),
            thumb(&format!("{BASE}a.svg"), "image/svg+xml"),
            json!({"url": format!("{BASE}a.jpg"), "mime_type": "image/jpeg"}),
            json!("https://a.example/pbgdpl/a.jpg"),
        ];
        let mut list: Vec<Value> = bad.to_vec();
        list.insert(2, jpeg.clone());
        assert_eq!(with(Value::Array(list)), Some(json!([jpeg])));
        assert_eq!(with(Value::Array(bad.to_vec())), None);
        assert_eq!(with(json!("not a list")), None);
        // A second address hidden after white space (a `srcset` would
        // read two candidates) is written as one address.
        let sneaky = thumb(
            &format!("{BASE}a.jpg 1x, https://tracker.example/p.jpg 2x"),
            "image/jpeg",
        );
        let kept = with(json!([sneaky])).unwrap();
        let url = kept[0]["url"].as_str().unwrap();
        assert!(!url.contains(char::is_whitespace), "{url}");
        assert!(url.starts_with(BASE), "{url}");
    }

    #[test]
    fn unsafe_addresses_are_refused_and_html_is_sanitised() {
        let with = |f: &dyn Fn(&mut Value)| {
            let mut i = item("a");
            f(&mut i);
            page(vec![item("z"), i], BASE)
        };
        for url in [
            "javascript:alert(5)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "https://phishing.example/pbgdpl/tin-tuc/a/",
            "https://a.example/other/",
        ] {
            assert_eq!(
                with(&|i| i["url"] = json!(url)),
                Err(Reason::ItemUrlOutside { item: 2 }),
                "{url}"
            );
            assert_eq!(
                with(&|i| i["attachments"][0]["url"] = json!(url)),
                Err(Reason::ItemUrlOutside { item: 2 }),
                "{url}"
            );
        }
        assert_eq!(
            with(&|i| i["id"] = json!("tag:b.example,2019:/pbgdpl/a")),
            Err(Reason::ItemIdOutside { item: 2 })
        );
        assert_eq!(
            with(&|i| i["date_published"] = json!("9999-99-99")),
            Err(Reason::ItemDate { item: 2 })
        );
        assert_eq!(
            with(&|i| i["id"] = json!("tag:a.example,2019:/pbgdpl/z")),
            Err(Reason::ItemTwice { item: 2 })
        );
        let ok = with(&|i| {
            i["content_html"] = json!(
                "<p onclick=\"alert(1)\">x</p><script>alert(2)</script><a href=\"javascript:alert(3)\">y</a><img src=x onerror=alert(4)><iframe src=\"https://evil\"></iframe>"
            );
            i["authors"][0]["url"] = json!("javascript:alert(6)");
            i["_pbgdpl"]["meta"]["document"]["source_url"] = json!("javascript:alert(7)");
            i["external_url"] = json!("javascript:alert(8)");
            i["image"] = json!("javascript:alert(9)");
        })
        .unwrap();
        let text = serde_json::to_string(&ok[1]).unwrap();
        for bad in [
            "script",
            "javascript",
            "onclick",
            "onerror",
            "iframe",
            "alert",
        ] {
            assert!(!text.contains(bad), "{bad} survived: {text}");
        }
        assert_eq!(ok[1]["_pbgdpl"]["meta"]["document"]["number"], "1/QĐ");
        let deep = "<div>".repeat(10_000) + "x" + &"</div>".repeat(10_000);
        assert_eq!(
            with(&|i| i["content_html"] = json!(deep)),
            Err(Reason::ItemTooDeep {
                item: 2,
                limit: crate::nesting::MAX_NESTING
            })
        );
    }
}
