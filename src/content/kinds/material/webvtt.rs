//! WebVTT captions: recognising the format and reading the cues' text.

use std::sync::LazyLock;

use regex::Regex;

/// The text of the cues of a WebVTT file, tags removed, one string per cue;
/// `None` when the text is not WebVTT.
pub fn webvtt_cues(text: &str) -> Option<Vec<String>> {
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"<[^>]*>").expect("constant pattern, checked by the tests"));
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let first = text.lines().next()?;
    if first != "WEBVTT" && !first.starts_with("WEBVTT ") && !first.starts_with("WEBVTT\t") {
        return None;
    }
    let mut cues = Vec::new();
    for block in text.split("\n\n").skip(1) {
        let mut lines = block.lines().skip_while(|l| !l.contains("-->"));
        if lines.next().is_none() {
            continue; // NOTE, STYLE, REGION blocks
        }
        let cue = lines
            .map(|l| TAG.replace_all(l, "").trim().to_string())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let cue = cue
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&nbsp;", "\u{a0}");
        if !cue.is_empty() {
            cues.push(cue);
        }
    }
    Some(cues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webvtt_cues_become_the_transcript() {
        let vtt = "\u{feff}WEBVTT - phụ đề\r\n\r\nNOTE do Sở Tư pháp thực hiện\r\n\r\n1\r\n00:00:00.000 --> 00:00:04.000\r\n<v Người đọc>Chương I.</v>\r\nNhững quy định chung\r\n\r\n00:00:04.000 --> 00:00:06.000 align:start\r\nĐiều 1 &amp; Điều 2\r\n";
        assert_eq!(
            webvtt_cues(vtt),
            Some(vec![
                "Chương I. Những quy định chung".to_string(),
                "Điều 1 & Điều 2".to_string()
            ])
        );
        assert_eq!(webvtt_cues("1\n00:00:00,000 --> 00:00:04,000\nSRT\n"), None);
        assert_eq!(webvtt_cues("WEBVTTX\n"), None);
    }
}
