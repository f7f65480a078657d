//! Photos (issue 12): the featured photo and the pictures of a bundle's
//! Markdown are published resized, as WebP and JPEG in `<picture>`, with
//! every `<img>` sized, and without any of the source's metadata; bad
//! pictures are errors at their line and column, in Vietnamese and
//! English; unchanged photos are never decoded again.

mod support;

use std::path::Path;

use pbgdpl::images::{self, sample};
use support::*;

/// A phone-like photo, 1600×1200, with EXIF (camera, GPS), XMP and a
/// Display P3 profile, turned on its side (orientation 6) as phones do.
fn phone_photo(seed: u64) -> Vec<u8> {
    let m = sample::Metadata {
        orientation: 6,
        icc: Some(moxcms_p3()),
        ..Default::default()
    };
    sample::jpeg(&sample::photo(1200, 1600, seed), 90, Some(&m))
}

fn moxcms_p3() -> Vec<u8> {
    // The profile a recent iPhone writes (Display P3), made by the colour
    // library itself.
    images::sample::display_p3_profile()
}

fn site_with_photos() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = temp_site("minimal");
    let dir = root.join("content/tin-tuc/hoi-nghi-co-anh");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("anh-hoi-nghi.jpg"), phone_photo(1)).unwrap();
    std::fs::write(dir.join("anh hoi truong.jpg"), phone_photo(2)).unwrap();
    write(
        &dir.join("index.md"),
        "+++\ntitle = \"Hội nghị có ảnh\"\ndate = 2026-06-01\nimage = \"anh-hoi-nghi.jpg\"\nimage_alt = \"Đại biểu giơ tay biểu quyết\"\nimage_caption = \"Quang cảnh hội nghị\"\nimage_credit = \"Lê Văn Cường\"\n+++\n\nĐoạn đầu của bài.\n\n![Hội trường trước giờ khai mạc](<anh hoi truong.jpg>)\n",
    );
    (tmp, root)
}

fn has_metadata(bytes: &[u8]) -> bool {
    let find = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    find(b"Exif")
        || find(b"PhoneMaker")
        || find(b"Model X")
        || find(b"http://ns.adobe.com")
        || find(b"ICC_PROFILE")
}

#[test]
fn photos_are_resized_stripped_and_shown_in_picture_elements() {
    let (_tmp, root) = site_with_photos();
    let built = build_with(&root, "2026-11-22", false);
    let files = built.files();
    let dir = "tin-tuc/hoi-nghi-co-anh/";
    // Upright: the 1200×1600 sensor picture on its side is 1600×1200.
    // WebP at every width; the JPEG fallback at the thumbnail's and the
    // phone's width, and the largest JPEG at the photo's own address only.
    for w in [160, 320, 640, 960, 1280] {
        let f = format!("{dir}anh-hoi-nghi-{w}.webp");
        assert!(files.contains(&f), "{f} missing in {files:?}");
        let f = format!("{dir}anh-hoi-nghi-{w}.jpg");
        assert_eq!(files.contains(&f), w == 320 || w == 960, "{f}");
    }
    assert!(files.contains(&format!("{dir}anh-hoi-nghi.jpg")));
    // Eight files a photo: five WebP, three JPEG (one of them at the
    // original's address).
    let published = files
        .iter()
        .filter(|f| f.starts_with(&format!("{dir}anh-hoi-nghi")))
        .count();
    assert_eq!(published, 8, "{files:?}");
    assert!(
        !files.contains(&format!("{dir}anh-hoi-nghi-1600.jpg")),
        "never above 1280"
    );
    for f in files
        .iter()
        .filter(|f| f.starts_with(dir) && !f.ends_with(".html"))
    {
        let bytes = std::fs::read(built.out.join(f)).unwrap();
        assert!(!has_metadata(&bytes), "{f} carries metadata");
        let (_, w, h) = images::decode::dimensions(&bytes).unwrap();
        assert!(w >= h, "{f} is upright: {w}×{h}");
    }
    // The original's address serves the stripped largest JPEG.
    let original = std::fs::read(built.out.join(format!("{dir}anh-hoi-nghi.jpg"))).unwrap();
    assert!(!has_metadata(&original));

    let page = built.page(&format!("{dir}index.html"));
    let imgs: Vec<_> = page.select(&sel("img")).collect();
    assert!(imgs.len() >= 2);
    for img in &imgs {
        for attr in ["width", "height", "alt", "srcset", "sizes"] {
            assert!(
                img.value().attr(attr).is_some(),
                "img without {attr}: {:?}",
                img.value()
            );
        }
    }
    let featured = page.select(&sel(".entry__photo img")).next().unwrap();
    assert_eq!(
        featured.value().attr("alt"),
        Some("Đại biểu giơ tay biểu quyết")
    );
    assert_eq!(featured.value().attr("fetchpriority"), Some("high"));
    assert_eq!(featured.value().attr("width"), Some("960"));
    assert_eq!(featured.value().attr("height"), Some("720"));
    let caption = texts(&page, ".entry__photo figcaption").join(" ");
    assert!(
        caption.contains("Quang cảnh hội nghị") && caption.contains("Lê Văn Cường"),
        "{caption}"
    );
    let body = page
        .select(&sel(".prose picture img"))
        .next()
        .expect("body picture");
    assert_eq!(body.value().attr("loading"), Some("lazy"));
    assert_eq!(
        body.value().attr("alt"),
        Some("Hội trường trước giờ khai mạc")
    );
    let webp = page
        .select(&sel(".prose picture source[type=\"image/webp\"]"))
        .next()
        .unwrap();
    for candidate in webp.value().attr("srcset").unwrap().split(", ") {
        let url = candidate.split(' ').next().unwrap();
        let rel = url.trim_start_matches('/');
        assert!(files.iter().any(|f| f == rel), "srcset {url} not published");
    }
    // Lists show a thumbnail, without repeating the title as alt text.
    let list = built.page("tin-tuc/index.html");
    let thumb = list
        .select(&sel(".entry-list__thumb img"))
        .next()
        .expect("thumbnail");
    assert_eq!(thumb.value().attr("alt"), Some(""));
    assert!(thumb.value().attr("width").is_some());

    // Embeds (included in other portals): the thumbnail, by full URL,
    // sized, decorative beside the title's link.
    let thumb_url = "https://stp.example.gov.vn/tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi-320.jpg";
    for embed in ["embed/section.html", "embed/latest.html"] {
        let html = built.page(embed);
        let thumb = html
            .select(&sel(".pbgdpl-embed__thumb"))
            .next()
            .unwrap_or_else(|| panic!("{embed} has no thumbnail"));
        assert_eq!(thumb.value().attr("src"), Some(thumb_url), "{embed}");
        assert_eq!(thumb.value().attr("width"), Some("320"));
        assert_eq!(thumb.value().attr("height"), Some("240"));
        assert_eq!(thumb.value().attr("alt"), Some(""));
        // Entries without a photo have none.
        assert_eq!(html.select(&sel(".pbgdpl-embed__thumb")).count(), 1);
    }
    assert!(files.contains(&format!("{dir}anh-hoi-nghi-320.jpg")));

    // Feeds: JSON Feed `image` and `_pbgdpl.image`, Media RSS in RSS/Atom,
    // all naming the largest stripped JPEG.
    let feed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(built.out.join("feed.json")).unwrap()).unwrap();
    let item = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == "Hội nghị có ảnh")
        .expect("the entry in feed.json");
    let image = item["image"].as_str().expect("JSON Feed image");
    assert_eq!(
        image,
        "https://stp.example.gov.vn/tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi.jpg"
    );
    let ext = &item["_pbgdpl"]["image"];
    assert_eq!(ext["url"], image);
    assert_eq!(ext["alt"], "Đại biểu giơ tay biểu quyết");
    assert_eq!(
        (ext["width"].as_u64(), ext["height"].as_u64()),
        (Some(1280), Some(960))
    );
    assert_eq!(ext["credit"], "Lê Văn Cường");
    for feed in ["rss.xml", "atom.xml"] {
        let xml = std::fs::read_to_string(built.out.join(feed)).unwrap();
        assert!(
            xml.contains(&format!("<media:content url=\"{image}\" medium=\"image\"")),
            "{feed} has no media:content for the photo"
        );
        assert!(xml.contains(
            "<media:description type=\"plain\">Đại biểu giơ tay biểu quyết</media:description>"
        ));
        // The thumbnail is the small copy lists show (not the 1280 px
        // photo), JPEG for every reader, with its size.
        assert!(
            xml.contains(&format!(
                "<media:thumbnail url=\"{thumb_url}\" width=\"320\" height=\"240\"/>"
            )),
            "{feed} has no media:thumbnail naming the 320 px copy"
        );
        assert_eq!(xml.matches("<media:thumbnail ").count(), 1, "{feed}");
    }
    let without = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["title"] != "Hội nghị có ảnh")
        .all(|i| i.get("image").is_none() && i["_pbgdpl"].get("image").is_none());
    assert!(without, "entries without a photo have no image");
}

#[test]
fn a_second_build_decodes_nothing_and_gives_the_same_bytes() {
    let (_tmp, root) = site_with_photos();
    let first = build_with(&root, "2026-11-22", false);
    let cache = root.join(".pbgdpl-cache/images");
    let index = std::fs::read_to_string(cache.join("sources.tsv")).unwrap();
    assert_eq!(index.lines().count(), 2, "{index}");
    // Make the cached variants unreadable as images: a build that decoded
    // the photos again would write real ones, a build that trusts the
    // cache publishes these. (Replaced, not rewritten in place: the first
    // build's output shares the cache's files.)
    let mut marked = 0;
    for e in walkdir::WalkDir::new(&cache)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.path().extension().is_some_and(|x| x == "webp") {
            let len = e.metadata().unwrap().len() as usize;
            std::fs::remove_file(e.path()).unwrap();
            std::fs::write(e.path(), vec![b'x'; len]).unwrap();
            marked += 1;
        }
    }
    assert!(marked > 0);
    let second = build_with(&root, "2026-11-22", false);
    let webp = "tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi-960.webp";
    assert!(
        std::fs::read(second.out.join(webp))
            .unwrap()
            .iter()
            .all(|b| *b == b'x')
    );
    // With the cache gone, the same bytes as the first build.
    std::fs::remove_dir_all(root.join(".pbgdpl-cache")).unwrap();
    let third = build_with(&root, "2026-11-22", false);
    assert_eq!(read_tree(&first.out), read_tree(&third.out));
}

/// The options of a library build on 22/11/2026, without the network.
fn offline_options() -> pbgdpl::BuildOptions {
    pbgdpl::BuildOptions {
        today: Some(day("2026-11-22")),
        offline: true,
        ..Default::default()
    }
}

/// The image cache's folder of the photo named `name` (its index,
/// `sources.tsv`, maps each source to the key naming the folder).
fn cached_photo(root: &Path, name: &str) -> std::path::PathBuf {
    let cache = root.join(".pbgdpl-cache/images");
    let index = std::fs::read_to_string(cache.join("sources.tsv")).unwrap();
    let key = index
        .lines()
        .find(|l| l.ends_with(&format!("/{name}")))
        .and_then(|l| l.split('\t').nth(2))
        .unwrap();
    cache.join(key)
}

#[test]
fn rebuilds_keep_the_published_photos_and_remake_a_damaged_cache() {
    let (tmp, root) = site_with_photos();
    let out = tmp.path().join("public");
    let options = offline_options();
    pbgdpl::build(&root, Some(&out), &options).unwrap();
    let first = read_tree(&out);
    let photos = |tree: &std::collections::BTreeMap<String, Vec<u8>>| {
        tree.iter()
            .filter(|(f, _)| f.ends_with(".webp") || f.ends_with(".jpg"))
            .map(|(f, b)| (f.clone(), b.clone()))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    // Two photos: eight files for `anh-hoi-nghi.jpg`, whose own address
    // holds its largest JPEG; nine for `anh hoi truong.jpg`, whose name is no
    // address to share: its largest JPEG is also at a plain name.
    assert_eq!(photos(&first).len(), 17, "{:?}", photos(&first).keys());
    for f in [
        "anh-hoi-nghi.jpg",
        "anh hoi truong.jpg",
        "anh-hoi-truong-1280.jpg",
    ] {
        let f = format!("tin-tuc/hoi-nghi-co-anh/{f}");
        assert!(first.contains_key(&f), "{f} in {:?}", photos(&first).keys());
    }
    assert!(!first.contains_key("tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi-1280.jpg"));
    // An edit of the text: the same photos, byte for byte, as a build
    // from scratch gives.
    let entry = root.join("content/tin-tuc/hoi-nghi-co-anh/index.md");
    let text = std::fs::read_to_string(&entry).unwrap();
    std::fs::write(&entry, format!("{text}\nMột đoạn mới.\n")).unwrap();
    pbgdpl::build(&root, Some(&out), &options).unwrap();
    let edited = read_tree(&out);
    assert_ne!(edited, first);
    assert_eq!(photos(&edited), photos(&first));
    assert_eq!(
        edited,
        read_tree(&build_with(&root, "2026-11-22", false).out)
    );
    // A copy missing from the cache and from the output: the photo is
    // processed again and the copy published, the same bytes.
    let cached = cached_photo(&root, "anh-hoi-nghi.jpg");
    let gone = cached.join("960.webp");
    std::fs::remove_file(&gone).unwrap();
    let published = "tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi-960.webp";
    std::fs::remove_file(out.join(published)).unwrap();
    pbgdpl::build(&root, Some(&out), &options).unwrap();
    assert_eq!(read_tree(&out), edited);
    assert!(gone.exists(), "the cache is whole again");
}

/// A build trusts the image cache's records instead of `stat`ing every
/// cached copy: what happens to the output or to the cache by hand is
/// still noticed, and repaired, by the next build.
#[test]
fn a_damaged_output_or_image_cache_is_repaired_by_the_next_build() {
    let (tmp, root) = site_with_photos();
    let out = tmp.path().join("public");
    let options = offline_options();
    pbgdpl::build(&root, Some(&out), &options).unwrap();
    let first = read_tree(&out);
    let published = "tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi-960.webp";
    let original = "tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi.jpg";
    let truncate = |file: &Path| {
        let bytes = std::fs::read(file).unwrap();
        std::fs::write(file, &bytes[..bytes.len() / 2]).unwrap();
    };
    // Published copies deleted and cut short by hand: made again.
    std::fs::remove_file(out.join(published)).unwrap();
    truncate(&out.join(original));
    pbgdpl::build(&root, Some(&out), &options).unwrap();
    assert_eq!(read_tree(&out), first, "the output is whole again");
    // A published copy is the cache's file itself (a hard link: no bytes
    // copied, no space taken twice)...
    let cached = cached_photo(&root, "anh-hoi-nghi.jpg");
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ino = |p: &Path| std::fs::metadata(p).unwrap().ino();
        assert_eq!(ino(&out.join(published)), ino(&cached.join("960.webp")));
    }
    // ... so the cache's copies deleted, or replaced by a file cut short
    // (a new file, as any program writing one makes), leave the
    // published ones whole: the output stays as it is.
    let gone = cached.join("960.webp");
    // The largest JPEG: the copy published at the photo's own address.
    let largest = std::fs::read_dir(&cached)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".jpg"))
        .max_by_key(|n| n.trim_end_matches(".jpg").parse::<u32>().unwrap())
        .unwrap();
    let cut = cached.join(largest);
    let whole = std::fs::read(&cut).unwrap();
    std::fs::remove_file(&gone).unwrap();
    std::fs::remove_file(&cut).unwrap();
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    pbgdpl::build(&root, Some(&out), &options).unwrap();
    assert_eq!(read_tree(&out), first, "the output is untouched");
    // ... until the output needs them: the cache is checked, the photo
    // processed again, and the same bytes published.
    std::fs::remove_file(out.join(published)).unwrap();
    std::fs::remove_file(out.join(original)).unwrap();
    pbgdpl::build(&root, Some(&out), &options).unwrap();
    assert_eq!(read_tree(&out), first, "the output is whole again");
    assert!(gone.exists(), "the deleted copy is back in the cache");
    assert_eq!(std::fs::read(&cut).unwrap(), whole, "and the cut one whole");
}

/// A section whose repository holds its image cache could make a cached
/// copy a link to any file of the machine that builds it (a key, a
/// password file), of the size the cache records: the build would have
/// published that file, or the link itself. It takes the copy for
/// damaged, makes the photo again and publishes its bytes.
#[cfg(unix)]
#[test]
fn a_link_in_the_image_cache_is_never_published() {
    let (tmp, root) = site_with_photos();
    let out = tmp.path().join("public");
    let options = offline_options();
    pbgdpl::build(&root, Some(&out), &options).unwrap();
    let first = read_tree(&out);
    let published = "tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi-960.webp";
    let cached = cached_photo(&root, "anh-hoi-nghi.jpg").join("960.webp");
    let len = std::fs::metadata(&cached).unwrap().len() as usize;
    let secret = tmp.path().join("bi-mat.txt");
    std::fs::write(&secret, vec![b's'; len]).unwrap();
    std::fs::remove_file(&cached).unwrap();
    std::os::unix::fs::symlink(&secret, &cached).unwrap();
    // The published copy gone, so the build takes it from the cache.
    std::fs::remove_file(out.join(published)).unwrap();
    pbgdpl::build(&root, Some(&out), &options).unwrap();
    assert_eq!(read_tree(&out), first, "the photo's own bytes");
    let is_link = |p: &Path| {
        std::fs::symlink_metadata(p)
            .unwrap()
            .file_type()
            .is_symlink()
    };
    assert!(!is_link(&out.join(published)));
    assert!(!is_link(&cached), "the cache is repaired");
}

fn check_errors(root: &Path, lang: Lang) -> String {
    let o = pbgdpl_in(lang, &["check", "--root", root.to_str().unwrap()]);
    assert!(!o.status.success());
    stderr(&o).replace(root.to_str().unwrap(), "<root>")
}

/// A small PNG whose image data is overwritten (its checksum fails).
fn damaged_png() -> Vec<u8> {
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_raw(8, 8, vec![200; 8 * 8 * 3]).unwrap())
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let idat = png.windows(4).position(|w| w == b"IDAT").unwrap();
    for b in &mut png[idat + 4..idat + 12] {
        *b ^= 0x5A;
    }
    png
}

#[test]
fn bad_pictures_are_errors_at_their_line_in_both_languages() {
    let (_tmp, root) = temp_site("minimal");
    let dir = root.join("content/tin-tuc/anh-loi");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("hong.jpg"), b"\xFF\xD8\xFF\xE0 not really a jpeg").unwrap();
    std::fs::write(dir.join("bom.png"), sample::png_bomb(100_000, 100_000)).unwrap();
    std::fs::write(
        dir.join("iphone.heic"),
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
    )
    .unwrap();
    std::fs::write(dir.join("anh dep.jpg"), phone_photo(3)).unwrap();
    // A photo copied only halfway, and a PNG whose pixels were overwritten.
    let whole = phone_photo(4);
    std::fs::write(dir.join("chep-do.jpg"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(dir.join("sai.png"), damaged_png()).unwrap();
    write(
        &dir.join("index.md"),
        "+++\ntitle = \"Ảnh lỗi\"\ndate = 2026-03-15\nimage = \"hong.jpg\"\nimage_alt = \"Ảnh hỏng\"\n+++\n\n![Bom](bom.png)\n\n![Ảnh iPhone](iphone.heic)\n\n![Ảnh đẹp](anh dep.jpg)\n\n![Thiếu](khong-co.jpg)\n\n![Ngoài](../khac/anh.jpg)\n\n![Chép dở](chep-do.jpg)\n\n![Sai](sai.png)\n",
    );
    golden_in_both("photos/bad-pictures", "stderr", |lang| {
        check_errors(&root, lang)
    });
}

#[test]
fn a_featured_photo_needs_its_description() {
    let (_tmp, root) = temp_site("minimal");
    let dir = root.join("content/tin-tuc/thieu-mo-ta");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("anh.jpg"), phone_photo(4)).unwrap();
    write(
        &dir.join("index.md"),
        "+++\ntitle = \"Thiếu mô tả ảnh\"\ndate = 2026-03-15\nimage = \"anh.jpg\"\n+++\n\nBài.\n",
    );
    write(
        &root.join("content/tin-tuc/mo-ta-khong-anh.md"),
        "+++\ntitle = \"Mô tả mà không có ảnh\"\ndate = 2026-03-15\nimage_alt = \"Ảnh\"\n+++\n\nBài.\n",
    );
    golden_in_both("photos/missing-alt", "stderr", |lang| {
        check_errors(&root, lang)
    });
}

#[test]
fn a_fifty_megabyte_file_is_refused_without_being_read() {
    let (_tmp, root) = temp_site("minimal");
    let dir = root.join("content/tin-tuc/anh-qua-lon");
    std::fs::create_dir_all(&dir).unwrap();
    let f = std::fs::File::create(dir.join("lon.jpg")).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    write(
        &dir.join("index.md"),
        "+++\ntitle = \"Ảnh quá lớn\"\ndate = 2026-03-15\nimage = \"lon.jpg\"\nimage_alt = \"Ảnh\"\n+++\n\nBài.\n",
    );
    golden_in_both("photos/too-large", "stderr", |lang| {
        check_errors(&root, lang)
    });
}

#[test]
fn decoding_is_bounded() {
    let limits = images::Limits::default();
    let bomb = sample::png_bomb(100_000, 100_000);
    assert!(matches!(
        images::process(&bomb, &limits),
        Err(images::ImageError::TooManyPixels { width: 100_000, .. })
    ));
    // Truncated files are errors (a decoder would fill a cut photo with
    // grey); garbled ones errors or pictures; never a panic.
    let good = phone_photo(5);
    for cut in [10, 200, good.len() / 2, good.len() - 2] {
        assert!(
            matches!(
                images::process(&good[..cut], &limits),
                Err(images::ImageError::Corrupt(
                    images::error::Damage::Truncated
                ))
            ),
            "cut at {cut}"
        );
    }
    // Bytes after the end marker (some phones add their own) are no harm.
    let mut trailer = good.clone();
    trailer.extend_from_slice(b"SEFHtrailer of a phone");
    assert!(images::process(&trailer, &limits).is_ok());
    let mut garbled = good.clone();
    for b in garbled.iter_mut().skip(600).step_by(97) {
        *b ^= 0x5A;
    }
    let _ = images::process(&garbled, &limits);
}

/// SHA-256 of some bytes, lowercase hex.
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The sync.json record and the feed.json item of the entry with photos.
fn chain_of(built: &Built) -> (serde_json::Value, serde_json::Value) {
    let read = |f: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(built.out.join(f)).unwrap()).unwrap()
    };
    let find = |list: &serde_json::Value, url_part: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|i| i["url"].as_str().unwrap_or("").contains(url_part))
            .cloned()
            .unwrap_or_else(|| panic!("no {url_part} in {list}"))
    };
    let sync = read("sync.json");
    let feed = read("feed.json");
    (
        find(&sync["entries"], "hoi-nghi-co-anh"),
        find(&feed["items"], "hoi-nghi-co-anh"),
    )
}

#[test]
fn the_featured_photo_is_a_published_file_whose_hash_is_in_the_chain() {
    let (_tmp, root) = site_with_photos();
    let built = build_with(&root, "2026-11-22", false);
    let (record, item) = chain_of(&built);
    let shared = "https://stp.example.gov.vn/tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi.jpg";
    let attachment = item["attachments"]
        .as_array()
        .expect("the photo is an attachment")
        .iter()
        .find(|a| a["_pbgdpl"]["role"] == "image")
        .expect("an attachment of role image");
    assert_eq!(attachment["url"], shared);
    assert_eq!(attachment["mime_type"], "image/jpeg");
    // Its hash and size are those of the file published at its address.
    let bytes = std::fs::read(built.out.join("tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi.jpg")).unwrap();
    assert_eq!(attachment["_pbgdpl"]["sha256"], sha256_hex(&bytes));
    assert_eq!(attachment["size_in_bytes"], bytes.len() as u64);

    // A new photo under the same name: the entry's hash changes, and the
    // listed hash is the new file's.
    let photo = root.join("content/tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi.jpg");
    std::fs::write(&photo, phone_photo(7)).unwrap();
    let again = build_with(&root, "2026-11-22", false);
    let (record2, item2) = chain_of(&again);
    assert_ne!(
        record2["sha256"], record["sha256"],
        "the entry hash must change with its photo"
    );
    let bytes2 = std::fs::read(again.out.join("tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi.jpg")).unwrap();
    assert_ne!(bytes2, bytes);
    let attachment2 = item2["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["_pbgdpl"]["role"] == "image")
        .unwrap();
    assert_eq!(attachment2["_pbgdpl"]["sha256"], sha256_hex(&bytes2));
}

/// Every file listed in `feed.json` with its SHA-256 and size, by the
/// path it is published at; panics when a listed hash or size is not that
/// of the bytes published there.
fn listed_files(out: &Path) -> std::collections::BTreeMap<String, String> {
    let feed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("feed.json")).unwrap()).unwrap();
    let mut listed = std::collections::BTreeMap::new();
    for item in feed["items"].as_array().unwrap() {
        for a in item["attachments"].as_array().into_iter().flatten() {
            let url = a["url"].as_str().unwrap();
            let path = url.strip_prefix("https://stp.example.gov.vn/").unwrap();
            let bytes = std::fs::read(out.join(path)).unwrap();
            let sha = a["_pbgdpl"]["sha256"].as_str().unwrap().to_string();
            assert_eq!(sha, sha256_hex(&bytes), "stale hash listed for {path}");
            assert_eq!(a["size_in_bytes"], bytes.len() as u64, "{path}");
            listed.insert(path.to_string(), sha);
        }
    }
    listed
}

#[test]
fn listed_hashes_come_from_the_cache_and_are_always_the_published_bytes() {
    let (tmp, root) = site_with_photos();
    let out = tmp.path().join("public");
    let options = offline_options();
    let build = || {
        pbgdpl::build(&root, Some(&out), &options).unwrap_or_else(|e| panic!("{e}"));
        listed_files(&out)
    };
    let entry = root.join("content/tin-tuc/hoi-nghi-co-anh/index.md");
    let photo = root.join("content/tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi.jpg");
    let shared = "tin-tuc/hoi-nghi-co-anh/anh-hoi-nghi.jpg";
    let edit = |n: u32| {
        let mut text = std::fs::read_to_string(&entry).unwrap();
        text.push_str(&format!("\nSửa lần {n}.\n"));
        std::fs::write(&entry, text).unwrap();
    };
    let first = build();
    assert!(first.contains_key(shared), "{first:?}");
    // The text changes: the feeds and sync.json are made again, with the
    // photo's hash as the cache kept it.
    edit(1);
    assert_eq!(build(), first);
    // Another photo under the same name: new copies, new hashes.
    std::fs::write(&photo, phone_photo(7)).unwrap();
    let other = build();
    assert_ne!(other[shared], first[shared]);
    // The first photo back: its copies are in the cache, with their hashes.
    std::fs::write(&photo, phone_photo(1)).unwrap();
    assert_eq!(build(), first);
    // A cache made before the hashes were kept in it (and before the
    // records of every photo were kept in one file): each photo's copies
    // are hashed once and the hashes written down.
    let cache = root.join(".pbgdpl-cache/images");
    std::fs::remove_file(cache.join("records.json")).unwrap();
    let mut stripped = 0;
    for e in walkdir::WalkDir::new(&cache)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_name() == "info.json" {
            let mut info: serde_json::Value =
                serde_json::from_slice(&std::fs::read(e.path()).unwrap()).unwrap();
            for v in info["variants"].as_array_mut().unwrap() {
                v.as_object_mut().unwrap().remove("sha256").unwrap();
            }
            std::fs::write(e.path(), serde_json::to_vec(&info).unwrap()).unwrap();
            stripped += 1;
        }
    }
    assert!(stripped >= 3, "{stripped} photos in the cache");
    edit(2);
    assert_eq!(build(), first);
    // The two photos the site shows have their hashes again (the third,
    // no longer shown, was not looked at).
    let hashed = walkdir::WalkDir::new(&cache)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "info.json")
        .filter(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .contains("\"sha256\"")
        })
        .count();
    assert_eq!(hashed, 2);
}

/// What a build under an address-space limit of `bytes` prints, and
/// whether it succeeded.
fn build_within(root: &Path, out: &Path, bytes: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut c = pbgdpl_cmd();
    c.args(["build", "--root", root.to_str().unwrap(), "--out"])
        .arg(out)
        .env("PBGDPL_LANG", "en")
        // The address space a process reserves grows with the cores (a
        // 16 MiB stack and a malloc arena per thread): the same two threads
        // on every machine, as on CI.
        .env("RAYON_NUM_THREADS", "2")
        .env("MALLOC_ARENA_MAX", "2");
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between
    // fork and exec.
    unsafe {
        c.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    c.output().unwrap()
}

/// A real JPEG whose header says 65,500 × 65,500 pixels (12 GB to decode).
fn jpeg_declaring_huge_size() -> Vec<u8> {
    let mut jpeg = sample::jpeg(&sample::photo(64, 48, 9), 80, None);
    let sof = jpeg
        .windows(2)
        .position(|w| w[0] == 0xFF && matches!(w[1], 0xC0 | 0xC2))
        .expect("a frame header");
    // FF Cx, length (2), precision (1), height (2), width (2).
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0xFF, 0xDC, 0xFF, 0xDC]);
    jpeg
}

/// A build's address space is limited to this: the site with its photos
/// builds in half of it (measured: 512 MiB is enough, 256 MiB is not), a
/// decode of either bomb would need more than ten times as much (the PNG
/// 40 GB, the JPEG 12 GB).
const MEMORY_LIMIT: u64 = 1 << 30;

#[test]
fn bombs_are_refused_within_bounded_memory_and_the_output_stays() {
    let (_tmp, root) = site_with_photos();
    let out = root.with_file_name("public");
    // The site with its two phone photos builds within the limit.
    let first = build_within(&root, &out, MEMORY_LIMIT);
    assert!(first.status.success(), "{}", stderr(&first));
    let before = read_tree(&out);

    let dir = root.join("content/tin-tuc/hoi-nghi-co-anh");
    std::fs::write(dir.join("bom.png"), sample::png_bomb(100_000, 100_000)).unwrap();
    std::fs::write(dir.join("khong-lo.jpg"), jpeg_declaring_huge_size()).unwrap();
    let index = dir.join("index.md");
    let text = std::fs::read_to_string(&index).unwrap();
    std::fs::write(
        &index,
        text + "\n![Bom](bom.png)\n\n![Khổng lồ](khong-lo.jpg)\n",
    )
    .unwrap();
    let second = build_within(&root, &out, MEMORY_LIMIT);
    let err = stderr(&second);
    assert!(!second.status.success(), "{err}");
    // A diagnostic at each picture's line and column, not a crash.
    assert!(err.contains("`bom.png` is 100000 × 100000 pixels"), "{err}");
    assert!(
        err.contains("`khong-lo.jpg` is 65500 × 65500 pixels"),
        "{err}"
    );
    assert!(
        err.contains("content/tin-tuc/hoi-nghi-co-anh/index.md:14:1"),
        "{err}"
    );
    assert!(
        err.contains("content/tin-tuc/hoi-nghi-co-anh/index.md:16:1"),
        "{err}"
    );
    assert!(!err.contains("memory allocation"), "{err}");
    assert_eq!(read_tree(&out), before, "the previous output changed");
}

/// Every fragment of a built search index (`tim-kiem/i/f/*.json`).
fn search_fragments(out: &Path) -> Vec<serde_json::Value> {
    let dir = out.join("tim-kiem/i/f");
    let mut all = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        all.push(serde_json::from_slice(&bytes).unwrap());
    }
    all
}

#[test]
fn search_results_and_feeds_name_the_photos_thumbnails() {
    let (_tmp, root) = site_with_photos();
    let built = build_with(&root, "2026-11-22", false);
    let files = built.files();
    let dir = "tin-tuc/hoi-nghi-co-anh/";
    // The search result's card names the smallest WebP copy (160 px) and
    // the one twice as wide for sharp screens, and the JPEG thumbnail
    // (320 px, the smallest JPEG) for browsers without WebP, by address
    // under the site, and nothing more about them.
    let fragments = search_fragments(&built.out);
    let (with, without): (Vec<_>, Vec<_>) =
        fragments.iter().partition(|f| f["t"] == "Hội nghị có ảnh");
    assert!(!with.is_empty() && !without.is_empty());
    for f in &with {
        assert_eq!(f["i"], format!("/{dir}anh-hoi-nghi-320.jpg"));
        assert_eq!(f["w"], format!("/{dir}anh-hoi-nghi-160.webp"));
        assert!(f.get("i2").is_none(), "{f}");
        assert_eq!(f["w2"], format!("/{dir}anh-hoi-nghi-320.webp"));
    }
    for f in ["160.webp", "320.webp", "320.jpg"] {
        assert!(files.contains(&format!("{dir}anh-hoi-nghi-{f}")));
    }
    // The small copy is a fraction of the 320 px one.
    let size = |f: &str| std::fs::metadata(built.out.join(f)).unwrap().len();
    assert!(
        size(&format!("{dir}anh-hoi-nghi-160.webp")) * 2
            < size(&format!("{dir}anh-hoi-nghi-320.webp"))
    );
    for f in &without {
        for key in ["i", "w", "i2", "w2"] {
            assert!(f.get(key).is_none(), "{f}");
        }
    }

    // The feed gives the same thumbnails by full URL with their size, WebP
    // first (what the hub's search shows).
    let feed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(built.out.join("feed.json")).unwrap()).unwrap();
    let item = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == "Hội nghị có ảnh")
        .unwrap();
    let base = format!("https://stp.example.gov.vn/{dir}anh-hoi-nghi-320");
    assert_eq!(
        item["_pbgdpl"]["image"]["thumbnails"],
        serde_json::json!([
            {"url": format!("{base}.webp"), "width": 320, "height": 240, "mime_type": "image/webp"},
            {"url": format!("{base}.jpg"), "width": 320, "height": 240, "mime_type": "image/jpeg"},
        ])
    );
}
