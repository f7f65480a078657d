//! The HTML of a processed photo: `<picture>` with a WebP `<source>` and
//! a JPEG/PNG `<img>` fallback, `srcset`/`sizes` so the browser picks the
//! smallest file that is sharp on its screen, `width`/`height` so the page
//! does not jump while it loads, `loading="lazy"` below the first screen.
//!
//! Bodies are rendered from Markdown without knowing the photos; the
//! `<img>` elements of a rendered body that show a photo of the entry's
//! bundle are then replaced ([`rewrite_body`]).

use percent_encoding::percent_decode_str;
use serde::Serialize;

use crate::text::{escape_xml, path_in_url};

use super::gallery::{Gallery, Processed};
use super::{Format, Variant};

/// The `sizes` of a photo in the text column: the whole screen width on
/// phones, the column (about 45rem) on wider screens.
pub const BODY_SIZES: &str = "(min-width: 60rem) 45rem, 100vw";

/// Whether a photo is on the first screen of its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// Load it at once, first (the featured photo of an entry).
    Eager,
    /// Load it when the reader scrolls near it.
    Lazy,
}

/// The address of an output path under `base_path`.
pub fn url(base_path: &str, dest: &str) -> String {
    format!("{base_path}{}", path_in_url(dest))
}

fn srcset<'a>(base_path: &str, variants: impl Iterator<Item = (&'a Variant, &'a str)>) -> String {
    variants
        .map(|(v, dest)| format!("{} {}w", url(base_path, dest), v.width))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A photo as templates see it (`entry.image`, `e.image` in lists).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Hash)]
pub struct PhotoView {
    /// The fallback file shown by browsers without `srcset` (at most 960
    /// pixels wide).
    pub src: String,
    /// Width of that file's picture, in pixels (for `width=`).
    pub width: u32,
    /// Height of that file's picture, in pixels (for `height=`).
    pub height: u32,
    /// `srcset` of the WebP `<source>`.
    pub webp_srcset: String,
    /// `srcset` of the fallback `<img>`.
    pub srcset: String,
    /// MIME type of the fallback (`image/jpeg`, `image/png`).
    pub fallback_type: &'static str,
    /// The share image (Open Graph): the largest fallback, its full URL,
    /// size and type.
    pub share: ShareImage,
    /// The thumbnail: the largest fallback at most 320 px wide (the
    /// smallest when none is), its full URL, size and type — for lists
    /// shown outside the section's pages (embeds), the feeds' thumbnails,
    /// and search results on sharp screens.
    pub thumb: ShareImage,
    /// The same thumbnail in WebP (about half the bytes), offered first.
    pub thumb_webp: ShareImage,
    /// The smallest fallback (the thumbnail, 320 px wide, or the photo's
    /// own width when narrower: there is no 160 px fallback, see
    /// [`super::FALLBACK_WIDTHS`]): a search result's thumbnail on
    /// ordinary screens of browsers without WebP.
    pub small: ShareImage,
    /// The smallest WebP copy (160 px wide, or the photo's own width when
    /// narrower): a search result's thumbnail on ordinary screens.
    pub small_webp: ShareImage,
}

/// An image as shared on Facebook and Zalo (`og:image`).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Hash)]
pub struct ShareImage {
    /// Full URL.
    pub url: String,
    /// Its address on the site's own pages (`/pbgdpl/tin-tuc/x/anh-320.jpg`).
    pub src: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// MIME type.
    #[serde(rename = "type")]
    pub mime: &'static str,
    /// Size in bytes.
    pub bytes: u64,
}

impl ShareImage {
    /// The copy `v` of a photo, at `src` under the site whose addresses
    /// start with `origin`.
    fn new(v: &Variant, src: String, origin: &str) -> ShareImage {
        ShareImage {
            url: format!("{origin}{src}"),
            src,
            width: v.width,
            height: v.height,
            mime: v.format.mime(),
            bytes: v.bytes,
        }
    }
}

impl PhotoView {
    /// The view of a processed photo; `base_path` is the site's path
    /// (`/pbgdpl/`), `origin` what comes before it in full URLs.
    pub fn new(p: &Processed, base_path: &str, origin: &str) -> PhotoView {
        let fallback = p.outcome.fallback;
        let (shown, src) = p
            .fitting(fallback, 960)
            .map(|(v, d)| (v.clone(), url(base_path, d)))
            .unwrap_or_else(|| {
                (
                    Variant {
                        width: p.outcome.width,
                        height: p.outcome.height,
                        format: fallback,
                        bytes: 0,
                        sha256: String::new(),
                    },
                    url(base_path, &p.dest),
                )
            });
        let copy = |(v, d): (&Variant, &str)| ShareImage::new(v, url(base_path, d), origin);
        let share = p
            .largest(fallback)
            .map(copy)
            .unwrap_or_else(|| ShareImage::new(&shown, src.clone(), origin));
        let thumb = p
            .fitting(fallback, super::THUMB_WIDTH)
            .map(copy)
            .unwrap_or_else(|| share.clone());
        let thumb_webp = p
            .fitting(Format::Webp, super::THUMB_WIDTH)
            .map(copy)
            .unwrap_or_else(|| thumb.clone());
        let small = p
            .of_format(fallback)
            .next()
            .map(copy)
            .unwrap_or_else(|| thumb.clone());
        let small_webp = p
            .of_format(Format::Webp)
            .next()
            .map(copy)
            .unwrap_or_else(|| small.clone());
        PhotoView {
            thumb,
            thumb_webp,
            small,
            small_webp,
            src,
            width: shown.width,
            height: shown.height,
            webp_srcset: srcset(base_path, p.of_format(Format::Webp)),
            srcset: srcset(base_path, p.of_format(fallback)),
            fallback_type: fallback.mime(),
            share,
        }
    }

    /// The `<picture>` element, with `alt`, `sizes`, `loading` and an
    /// optional class on the `<img>`.
    pub fn html(&self, alt: &str, sizes: &str, loading: Loading, class: Option<&str>) -> String {
        let class = class
            .map(|c| format!(" class=\"{}\"", escape_xml(c)))
            .unwrap_or_default();
        let loading = match loading {
            Loading::Eager => " fetchpriority=\"high\" decoding=\"async\"",
            Loading::Lazy => " loading=\"lazy\" decoding=\"async\"",
        };
        format!(
            "<picture><source type=\"image/webp\" srcset=\"{webp}\" sizes=\"{sizes}\"><img src=\"{src}\" srcset=\"{srcset}\" sizes=\"{sizes}\" width=\"{w}\" height=\"{h}\" alt=\"{alt}\"{class}{loading}></picture>",
            webp = escape_xml(&self.webp_srcset),
            sizes = escape_xml(sizes),
            src = escape_xml(&self.src),
            srcset = escape_xml(&self.srcset),
            w = self.width,
            h = self.height,
            alt = escape_xml(alt),
        )
    }
}

/// One `<img …>` tag of sanitised HTML: where it is and its attributes.
struct ImgTag {
    start: usize,
    end: usize,
    src: String,
    alt: String,
    title: Option<String>,
}

fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The `<img>` tags of HTML as the sanitiser writes it: attributes
/// double-quoted, `"` and `&` escaped.
fn img_tags(html: &str) -> Vec<ImgTag> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find("<img ") {
        let start = from + i;
        let Some(len) = html[start..].find('>') else {
            break;
        };
        let end = start + len + 1;
        let tag = &html[start + 5..end - 1];
        let mut attrs = std::collections::HashMap::new();
        let mut rest = tag;
        while let Some(eq) = rest.find("=\"") {
            let name = rest[..eq].trim().trim_start_matches('/').trim();
            let value_start = eq + 2;
            let Some(close) = rest[value_start..].find('"') else {
                break;
            };
            attrs.insert(
                name.to_string(),
                unescape(&rest[value_start..value_start + close]),
            );
            rest = &rest[value_start + close + 1..];
        }
        if let Some(src) = attrs.remove("src") {
            out.push(ImgTag {
                start,
                end,
                src,
                alt: attrs.remove("alt").unwrap_or_default(),
                title: attrs.remove("title"),
            });
        }
        from = end;
    }
    out
}

/// The output path a relative image address of the page at `page_dir`
/// (`tin-tuc/x/`) points to, when it stays inside the page's directory.
pub fn resolve(page_dir: &str, src: &str) -> Option<String> {
    if src.is_empty() || src.starts_with('/') || src.starts_with('#') || src.contains(':') {
        return None;
    }
    let src = src.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode_str(src).decode_utf8().ok()?;
    let mut parts: Vec<&str> = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p => parts.push(p),
        }
    }
    (!parts.is_empty()).then(|| format!("{page_dir}{}", parts.join("/")))
}

/// The body HTML of the page at `page_dir` with every `<img>` that shows
/// a photo of `gallery` replaced by its `<picture>`; `None` when there is
/// none. With `first_eager`, the first photo loads at once (it may be on
/// the first screen: the entry has no featured photo).
pub fn rewrite_body(
    html: &str,
    page_dir: &str,
    gallery: &Gallery,
    base_path: &str,
    origin: &str,
    first_eager: bool,
) -> Option<String> {
    if !html.contains("<img ") {
        return None;
    }
    let mut out = String::with_capacity(html.len() + 512);
    let mut at = 0;
    let mut replaced = 0;
    for tag in img_tags(html) {
        let Some(photo) = resolve(page_dir, &tag.src).and_then(|d| gallery.get(&d)) else {
            continue;
        };
        out.push_str(&html[at..tag.start]);
        let loading = if first_eager && replaced == 0 {
            Loading::Eager
        } else {
            Loading::Lazy
        };
        let view = PhotoView::new(photo, base_path, origin);
        let mut picture = view.html(&tag.alt, BODY_SIZES, loading, None);
        if let Some(title) = &tag.title {
            picture = picture.replacen(
                "<img ",
                &format!("<img title=\"{}\" ", escape_xml(title)),
                1,
            );
        }
        out.push_str(&picture);
        at = tag.end;
        replaced += 1;
    }
    if replaced == 0 {
        return None;
    }
    out.push_str(&html[at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_addresses_stay_in_the_page() {
        assert_eq!(resolve("a/b/", "anh.jpg").as_deref(), Some("a/b/anh.jpg"));
        assert_eq!(
            resolve("a/b/", "./anh%20hoi%20nghi.jpg").as_deref(),
            Some("a/b/anh hoi nghi.jpg")
        );
        assert_eq!(resolve("a/b/", "../c/anh.jpg"), None);
        assert_eq!(resolve("a/b/", "/anh.jpg"), None);
        assert_eq!(resolve("a/b/", "https://x/anh.jpg"), None);
    }

    #[test]
    fn img_tags_are_read_as_the_sanitiser_writes_them() {
        let tags = img_tags(
            "<p><img src=\"a%20b.jpg\" alt=\"&quot;x&quot; &amp; y\" title=\"t\"> z <img alt=\"n\"></p>",
        );
        assert_eq!(tags.len(), 1);
        assert_eq!(tags[0].src, "a%20b.jpg");
        assert_eq!(tags[0].alt, "\"x\" & y");
        assert_eq!(tags[0].title.as_deref(), Some("t"));
    }
}
