//! YouTube video ids.

/// The 11-character id of a YouTube video, from an id or any usual URL form.
pub fn youtube_id(text: &str) -> Option<String> {
    let valid = |id: &str| {
        id.len() == 11
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let text = text.trim();
    if valid(text) {
        return Some(text.to_string());
    }
    let url = url::Url::parse(text).ok()?;
    let host = url
        .host_str()?
        .trim_start_matches("www.")
        .trim_start_matches("m.");
    let id = match host {
        "youtu.be" => url.path_segments()?.next()?.to_string(),
        "youtube.com" | "youtube-nocookie.com" => {
            let mut segs = url.path_segments()?;
            match segs.next()? {
                "watch" => url.query_pairs().find(|(k, _)| k == "v")?.1.into_owned(),
                "embed" | "shorts" | "live" | "v" => segs.next()?.to_string(),
                _ => return None,
            }
        }
        _ => return None,
    };
    valid(&id).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn youtube_ids() {
        let id = Some("dQw4w9WgXcQ".to_string());
        assert_eq!(
            youtube_id("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3"),
            id
        );
        assert_eq!(youtube_id("https://youtu.be/dQw4w9WgXcQ"), id);
        assert_eq!(
            youtube_id("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
            id
        );
        assert_eq!(youtube_id("dQw4w9WgXcQ"), id);
        assert_eq!(youtube_id("https://example.com/watch?v=dQw4w9WgXcQ"), None);
    }
}
