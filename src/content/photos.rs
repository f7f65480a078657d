//! Photos of an entry: the featured photo (`image`, with its description
//! `image_alt`, required, and an optional caption and credit) and the
//! pictures of the Markdown body. Both must be files of the entry's
//! bundle; they are checked here, where the entry is read, and processed
//! later by [`crate::images`].

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag};
use regex::Regex;

use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::fields::{Field, Fields, Key};
use crate::images::gallery::{is_photo, is_unsupported_picture};
use crate::msg;
use crate::source::SourceFile;

use super::entry::BundleFile;
use super::model::{BodyImage, Photo};

pub(crate) const IMAGE: Key = Key::new("image", "anh_dai_dien");
pub(crate) const IMAGE_ALT: Key = Key::new("image_alt", "mo_ta_anh");
pub(crate) const IMAGE_CAPTION: Key = Key::new("image_caption", "chu_thich_anh");
pub(crate) const IMAGE_CREDIT: Key = Key::new("image_credit", "tac_gia_anh");

/// Reads `image` and the keys that go with it.
pub fn read_photo(f: &mut Fields<'_>, bundle_files: Option<&[BundleFile]>) -> Option<Photo> {
    let image = f.text(IMAGE);
    let alt = f.text(IMAGE_ALT);
    let caption = f.text(IMAGE_CAPTION);
    let credit = f.text(IMAGE_CREDIT);
    let Some(image) = image else {
        for (key, field) in [
            (IMAGE_ALT, &alt),
            (IMAGE_CAPTION, &caption),
            (IMAGE_CREDIT, &credit),
        ] {
            if let Some(v) = field {
                f.error_at(
                    "image-without-photo",
                    v.span.clone(),
                    msg!("image-alt-without-image", key = key.name),
                    msg!("image-alt-without-image-help"),
                );
            }
        }
        return None;
    };
    let file = check_file(f, &image, bundle_files)?;
    let Some(alt) = alt else {
        if !f.has(IMAGE_ALT) {
            let at = f.insertion_point();
            f.error_at(
                "missing-key",
                at,
                msg!("image-alt-missing", file = &image.value),
                msg!("image-alt-help"),
            );
        } else {
            let span = image.span.clone();
            f.error_at(
                "missing-key",
                span,
                msg!("image-alt-missing", file = &image.value),
                msg!("image-alt-help"),
            );
        }
        return None;
    };
    Some(Photo {
        file,
        alt: alt.value,
        caption: caption.map(|c| c.value),
        credit: credit.map(|c| c.value),
        span: image.span,
    })
}

/// The bundle file `image` names, or an error where it is written.
fn check_file(
    f: &mut Fields<'_>,
    image: &Field<String>,
    bundle_files: Option<&[BundleFile]>,
) -> Option<String> {
    let name = image.value.trim_start_matches("./").to_string();
    if !is_photo(&name) && !is_unsupported_picture(&name) {
        let key = f.display(IMAGE);
        f.error_at(
            "bad-media",
            image.span.clone(),
            msg!("bad-media-kind", key = key, kinds = "JPEG / PNG / WebP"),
            msg!(
                "bad-media-kind-help",
                extensions = ".jpg, .jpeg, .png, .webp"
            ),
        );
        return None;
    }
    match problem(&name, bundle_files) {
        None => Some(name),
        Some((message, help)) => {
            f.error_at("missing-image", image.span.clone(), message, help);
            None
        }
    }
}

/// What is wrong with a picture named `name` (relative to the entry), if
/// anything: the entry is no bundle, the file is outside it or missing.
fn problem(
    name: &str,
    bundle_files: Option<&[BundleFile]>,
) -> Option<(crate::i18n::Message, crate::i18n::Message)> {
    let Some(files) = bundle_files else {
        return Some((
            msg!("media-missing", file = name),
            msg!("image-needs-bundle"),
        ));
    };
    if name.split('/').any(|p| p == "..") || name.starts_with('/') {
        return Some((
            msg!("image-outside", file = name),
            msg!("image-outside-help"),
        ));
    }
    if files.iter().any(|b| b.name == name) {
        return None;
    }
    let help = match closest(name, files.iter().map(|b| b.name.as_str())) {
        Some(c) => msg!("file-did-you-mean", file = c),
        None => msg!("file-put-beside"),
    };
    Some((msg!("media-missing", file = name), help))
}

/// `![alt](a file with spaces.jpg)`: CommonMark reads it as text.
static BARE_WITH_SPACES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"!\[([^\]\n]*)\]\(([^()<>\n]*\s[^()<>\n]*)\)"#)
        .expect("constant pattern, checked by the tests")
});

/// The pictures of a body that are files of the entry's bundle, checked:
/// each must be in the bundle and have a description. `body_offset` is
/// where the body starts in `source`.
pub fn scan_body(
    source: &SourceFile,
    body: &str,
    body_offset: usize,
    bundle_files: Option<&[BundleFile]>,
    diags: &mut Diagnostics,
) -> Vec<BodyImage> {
    let mut out = Vec::new();
    if !body.contains("![") {
        return out;
    }
    let at = |r: Range<usize>| r.start + body_offset..r.end + body_offset;
    let mut parser = Parser::new_ext(body, pulldown_cmark::Options::empty()).into_offset_iter();
    let mut in_code = false;
    while let Some((event, range)) = parser.next() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell) if !in_code => {
                let text = &body[range.clone()];
                if !text.contains("![") {
                    continue;
                }
                for m in BARE_WITH_SPACES.captures_iter(text) {
                    let inner = m.get(2).map_or("", |g| g.as_str()).trim();
                    // `![x](a.jpg "title")` is fine: a target, then a title.
                    let titled = inner
                        .split_once(char::is_whitespace)
                        .is_some_and(|(_, rest)| rest.trim_start().starts_with(['"', '\'']));
                    if titled {
                        continue;
                    }
                    let whole = m.get(0).map_or(0..0, |g| g.range());
                    let alt = m.get(1).map_or("", |g| g.as_str());
                    diags.push(
                        Diagnostic::error(
                            "image-path-spaces",
                            msg!("image-path-spaces", file = inner),
                        )
                        .at(
                            source,
                            at(range.start + whole.start..range.start + whole.end),
                        )
                        .help(msg!(
                            "image-path-spaces-help",
                            alt = alt,
                            file = inner
                        )),
                    );
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let dest = dest_url.to_string();
                // The description: the text up to the end of the image.
                let mut alt = String::new();
                for (e, _) in parser.by_ref() {
                    match e {
                        Event::End(pulldown_cmark::TagEnd::Image) => break,
                        Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                        _ => {}
                    }
                }
                let Some(name) = local_name(&dest) else {
                    continue;
                };
                if !is_photo(&name) && !is_unsupported_picture(&name) {
                    continue;
                }
                let span = at(range.clone());
                if let Some((message, help)) = problem(&name, bundle_files) {
                    diags.push(
                        Diagnostic::error("missing-image", message)
                            .at(source, span)
                            .help(help),
                    );
                    continue;
                }
                if alt.trim().is_empty() {
                    diags.push(
                        Diagnostic::warning("image-alt", msg!("image-no-alt", file = &name))
                            .at(source, span.clone())
                            .help(msg!("image-no-alt-help")),
                    );
                }
                out.push(BodyImage { file: name, span });
            }
            _ => {}
        }
    }
    out
}

/// A picture's address as a file name relative to the entry (percent
/// escapes decoded, `./` dropped); `None` for web addresses and
/// root-relative paths (files of `static/`, checked as links).
fn local_name(dest: &str) -> Option<String> {
    if dest.is_empty() || dest.starts_with('/') || dest.starts_with('#') || dest.contains(':') {
        return None;
    }
    let dest = dest.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(dest)
        .decode_utf8()
        .ok()?
        .into_owned();
    Some(
        decoded
            .split('/')
            .filter(|p| !p.is_empty() && *p != ".")
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// The photos of `content` for [`crate::images::Gallery::build`]: every
/// picture file of `content/` (bundles, and files beside a category's
/// entries), with the places entries show it. Files of `static/` are
/// published as they are and not listed.
pub fn gallery_sources<'a>(
    root: &std::path::Path,
    content: &'a super::Content,
) -> Vec<crate::images::gallery::Source<'a>> {
    use crate::images::gallery::{ImageUse, Source};
    use std::collections::HashMap;
    let mut uses: HashMap<String, Vec<ImageUse<'a>>> = HashMap::new();
    for e in &content.entries {
        let dir = e.path();
        let photo = e.image.iter().map(|p| (&p.file, &p.span));
        let body = e.body_images.iter().map(|b| (&b.file, &b.span));
        for (file, span) in photo.chain(body) {
            uses.entry(format!("{dir}{file}"))
                .or_default()
                .push(ImageUse {
                    source: &e.source,
                    span: span.clone(),
                });
        }
    }
    let content_dir = root.join(super::load::CONTENT_DIR);
    content
        .assets
        .iter()
        .filter(|a| a.source.starts_with(&content_dir))
        .filter(|a| is_photo(&a.dest) || is_unsupported_picture(&a.dest))
        .map(|a| {
            // What the content walk read, else (a photo outside entries'
            // folders) asked now.
            let (size, modified) = a.walked.unwrap_or_else(|| {
                std::fs::metadata(&a.source)
                    .map(|m| super::load::file_stamp(&m))
                    .unwrap_or_default()
            });
            let rel = a
                .source
                .strip_prefix(root)
                .unwrap_or(&a.source)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            Source {
                path: a.source.clone(),
                rel,
                size,
                modified,
                uses: uses.remove(&a.dest).unwrap_or_default(),
                dest: a.dest.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(names: &[&str]) -> Vec<BundleFile> {
        names
            .iter()
            .map(|n| BundleFile {
                name: n.to_string(),
                size: 1,
                modified: 1,
            })
            .collect()
    }

    fn scan(body: &str, bundle: Option<&[BundleFile]>) -> (Vec<BodyImage>, Vec<Diagnostic>) {
        let source = SourceFile::from_text("a.md", "a.md".into(), body);
        let mut d = Diagnostics::new();
        let images = scan_body(&source, body, 0, bundle, &mut d);
        (images, d.iter().cloned().collect())
    }

    #[test]
    fn pictures_of_the_bundle_are_found_and_checked() {
        let f = files(&["anh hoi nghi.jpg", "b.png"]);
        let (images, diags) = scan(
            "Ảnh: ![Hội nghị](<anh hoi nghi.jpg>) và ![](./b.png \"t\") ![x](https://a/b.jpg)\n",
            Some(&f),
        );
        let names: Vec<_> = images.iter().map(|i| i.file.as_str()).collect();
        assert_eq!(names, ["anh hoi nghi.jpg", "b.png"]);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, "image-alt");
    }

    #[test]
    fn a_bare_path_with_spaces_and_a_missing_file_are_errors() {
        let f = files(&["anh hoi nghi.jpg"]);
        let body = "Xem ![Hội nghị](anh hoi nghi.jpg) nhé.\n\n![a](../x.jpg)\n\n![b](anh-hoi-nghi.jpg)\n\n```\n![c](a b.jpg)\n```\n";
        let (images, diags) = scan(body, Some(&f));
        assert!(images.is_empty());
        let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            ["image-path-spaces", "missing-image", "missing-image"],
            "{diags:?}"
        );
        let at = diags[0].location.as_ref().unwrap();
        assert_eq!((at.line, at.column), (1, 5));
        let (_, diags) = scan("![a](anh.jpg \"Tiêu đề\")\n", None);
        assert_eq!(diags[0].code, "missing-image");
    }
}
