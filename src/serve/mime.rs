//! The `Content-Type` of each output file: mime_guess by extension, with the
//! types browsers and feed readers expect where it is vague (feeds are told
//! apart from other XML and JSON by their root element or `version`), and
//! `charset=utf-8` on every text type, since every text file pbgdpl writes
//! is UTF-8.

/// The `Content-Type` header for the file at `path` with these contents.
pub fn content_type(path: &str, contents: &[u8]) -> String {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let essence: String = match ext.as_str() {
        "html" | "htm" => "text/html".into(),
        "css" => "text/css".into(),
        "js" | "mjs" => "text/javascript".into(),
        "json" if is_json_feed(contents) => "application/feed+json".into(),
        "json" => "application/json".into(),
        "xml" => xml_type(contents).into(),
        "atom" => "application/atom+xml".into(),
        "rss" => "application/rss+xml".into(),
        "txt" => "text/plain".into(),
        "csv" => "text/csv".into(),
        "vtt" => "text/vtt".into(),
        "svg" => "image/svg+xml".into(),
        "webmanifest" => "application/manifest+json".into(),
        "mp3" => "audio/mpeg".into(),
        "mp4" | "m4v" => "video/mp4".into(),
        _ => mime_guess::from_ext(&ext)
            .first_raw()
            .unwrap_or("application/octet-stream")
            .into(),
    };
    let textual = essence.starts_with("text/")
        || essence.ends_with("+xml")
        || essence.ends_with("+json")
        || essence == "application/json"
        || essence == "application/xml";
    if textual {
        format!("{essence}; charset=utf-8")
    } else {
        essence
    }
}

/// JSON Feed documents carry `"version": "https://jsonfeed.org/version/…"`.
fn is_json_feed(contents: &[u8]) -> bool {
    let head = &contents[..contents.len().min(512)];
    String::from_utf8_lossy(head).contains("jsonfeed.org/version/")
}

/// Atom, RSS or other XML, by the root element.
fn xml_type(contents: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(&contents[..contents.len().min(2048)]);
    let mut rest = head.trim_start_matches('\u{feff}').trim_start();
    // Skip the declaration, processing instructions and comments.
    loop {
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>").map_or("", |(_, r)| r).trim_start();
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->").map_or("", |(_, r)| r).trim_start();
        } else {
            break;
        }
    }
    let name: String = rest
        .trim_start_matches('<')
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == ':' || *c == '-')
        .collect();
    match name.rsplit(':').next().unwrap_or("") {
        "feed" => "application/atom+xml",
        "rss" => "application/rss+xml",
        _ => "application/xml",
    }
}

#[cfg(test)]
mod tests {
    use super::content_type;

    #[test]
    fn every_output_type_gets_its_type() {
        let cases: &[(&str, &str, &str)] = &[
            ("index.html", "", "text/html; charset=utf-8"),
            ("assets/pbgdpl.css", "", "text/css; charset=utf-8"),
            ("a.js", "", "text/javascript; charset=utf-8"),
            (
                "feed.json",
                r#"{"version":"https://jsonfeed.org/version/1.1","title":"x"}"#,
                "application/feed+json; charset=utf-8",
            ),
            ("search.json", "[]", "application/json; charset=utf-8"),
            (
                "atom.xml",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                "application/atom+xml; charset=utf-8",
            ),
            (
                "tin-tuc/rss.xml",
                "<?xml version=\"1.0\"?><?xml-stylesheet href=\"x.xsl\"?><!-- c --><rss version=\"2.0\">",
                "application/rss+xml; charset=utf-8",
            ),
            (
                "sitemap.xml",
                "<?xml version=\"1.0\"?>\n<urlset>",
                "application/xml; charset=utf-8",
            ),
            ("robots.txt", "", "text/plain; charset=utf-8"),
            ("so-lieu.csv", "", "text/csv; charset=utf-8"),
            ("phu-de.vtt", "", "text/vtt; charset=utf-8"),
            ("logo.svg", "", "image/svg+xml; charset=utf-8"),
            ("to-gap.pdf", "", "application/pdf"),
            ("video.mp4", "", "video/mp4"),
            ("sach-noi.mp3", "", "audio/mpeg"),
            (
                "mau.docx",
                "",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
            (
                "so-lieu.xlsx",
                "",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            ("anh.PNG", "", "image/png"),
            ("anh.jpg", "", "image/jpeg"),
            ("khong-ro", "", "application/octet-stream"),
        ];
        for (path, contents, expected) in cases {
            assert_eq!(content_type(path, contents.as_bytes()), *expected, "{path}");
        }
    }
}
