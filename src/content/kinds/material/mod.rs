//! Materials (category 2.6): leaflets, handbooks, videos, audio books, and
//! their media files, captions and YouTube videos.

mod webvtt;
mod youtube;

pub use webvtt::webvtt_cues;
pub use youtube::youtube_id;

use crate::content::model::{Material, Media};
use crate::fields::{Field, Fields, Key};

use super::{EntryFacts, FIELD};

const KIND: Key = Key::new("kind", "loai_tai_lieu");
const LANGUAGE: Key = Key::new("language", "ngon_ngu");
const MEDIA: Key = Key::new("media", "da_phuong_tien");
const VIDEO: Key = Key::new("video", "video");
const CAPTIONS: Key = Key::new("captions", "phu_de");
const YOUTUBE: Key = Key::new("youtube", "youtube");
const AUDIO: Key = Key::new("audio", "am_thanh");
const PDF: Key = Key::new("pdf", "pdf");
const POSTER: Key = Key::new("poster", "anh_bia");

/// Material kinds accepted in `kind`.
pub const MATERIAL_KINDS: &[&str] = &[
    "Tờ gấp",
    "Sổ tay",
    "Sách",
    "Video",
    "Sách nói",
    "Bài giảng điện tử",
    "Tiểu phẩm",
    "Tình huống pháp luật",
    "Đề cương",
    "Infographic",
    "Khác",
];

/// The keys of a material entry.
pub(super) const KEYS: &[Key] = &[KIND, LANGUAGE, FIELD, MEDIA];

/// Reads the keys of a material entry and its media.
pub(super) fn read(f: &mut Fields<'_>, facts: &EntryFacts<'_>) -> Material {
    let kind = f.choice(KIND, MATERIAL_KINDS).map(|v| v.value);
    let language = f
        .text(LANGUAGE)
        .map(|v| v.value)
        .unwrap_or_else(|| "Tiếng Việt".to_string());
    let field = f.text(FIELD).map(|v| v.value);
    let media = match f.table(MEDIA) {
        Some(mut m) => {
            let media = read_media(&mut m, facts);
            f.absorb(m);
            media
        }
        None => Media::default(),
    };
    Material {
        kind,
        language,
        field,
        media,
    }
}

fn read_media(m: &mut Fields<'_>, facts: &EntryFacts<'_>) -> Media {
    let local = |m: &mut Fields<'_>, key: Key, exts: &[&str]| -> Option<Field<String>> {
        let v = m.text(key)?;
        let ext = v
            .value
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let name = m.display(key);
        if !exts.contains(&ext.as_str()) {
            m.error_at(
                "bad-media",
                v.span,
                format!("`{name}` must be a {} file", exts.join(" / ")),
                format!("use a file ending in .{}", exts.join(", .")),
            );
            return None;
        }
        let exists = facts
            .bundle_files
            .is_some_and(|files| files.iter().any(|b| b.name == v.value));
        if !exists {
            let help = match facts.bundle_files {
                None => "media files need a bundle: move the entry to <name>/index.md and put the file beside it".to_string(),
                Some(files) => match crate::diagnostics::closest(
                    &v.value,
                    files.iter().map(|b| b.name.as_str()),
                ) {
                    Some(c) => format!("did you mean \"{c}\"? the file must sit beside index.md"),
                    None => "put the file beside index.md, or correct its name".to_string(),
                },
            };
            m.error_at(
                "missing-attachment",
                v.span,
                format!("media file \"{}\" does not exist", v.value),
                help,
            );
            return None;
        }
        Some(v)
    };
    let video = local(m, VIDEO, &["mp4", "webm", "ogv"]);
    let captions = local(m, CAPTIONS, &["vtt"]);
    let transcript = captions
        .as_ref()
        .map(|c| read_captions(m, c))
        .unwrap_or_default();
    let audio = local(m, AUDIO, &["mp3", "ogg", "oga", "m4a", "wav"]);
    let pdf = local(m, PDF, &["pdf"]);
    let poster = local(m, POSTER, &["jpg", "jpeg", "png", "webp"]);
    let youtube = m.text(YOUTUBE).and_then(|y| match youtube_id(&y.value) {
        Some(id) => Some(id),
        None => {
            m.error_at(
                "bad-media",
                y.span,
                format!("\"{}\" is not a YouTube video address", y.value),
                "paste the video's address (https://www.youtube.com/watch?v=…) or its 11-character id",
            );
            None
        }
    });
    if let Some(v) = &video
        && captions.is_none()
        && !m.has(CAPTIONS)
    {
        let stem = v
            .value
            .rsplit_once('.')
            .map_or(v.value.as_str(), |(s, _)| s);
        m.error_at(
            "missing-captions",
            v.span.clone(),
            format!("the video \"{}\" has no captions", v.value),
            format!(
                "add captions = \"{stem}.vtt\" under [media] and put that WebVTT subtitle file \
                 beside index.md, so deaf and hard-of-hearing readers can follow the video"
            ),
        );
    }
    Media {
        video: video.map(|v| v.value),
        captions: captions.map(|v| v.value),
        youtube,
        audio: audio.map(|v| v.value),
        pdf: pdf.map(|v| v.value),
        poster: poster.map(|v| v.value),
        transcript,
    }
}

/// Reads a captions file of the bundle: it must be WebVTT (a renamed SRT
/// file plays without captions, silently); its cues make the transcript.
fn read_captions(m: &mut Fields<'_>, captions: &Field<String>) -> Vec<String> {
    let Some(dir) = m.source().path.parent() else {
        return Vec::new();
    };
    let text = match std::fs::read(dir.join(&captions.value)) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                m.error_at(
                    "bad-captions",
                    captions.span.clone(),
                    format!("\"{}\" is not UTF-8 text", captions.value),
                    "save the captions file as UTF-8 (WebVTT files are always UTF-8)",
                );
                return Vec::new();
            }
        },
        Err(_) => return Vec::new(),
    };
    match webvtt_cues(&text) {
        Some(cues) => cues,
        None => {
            m.error_at(
                "bad-captions",
                captions.span.clone(),
                format!("\"{}\" is not a WebVTT file", captions.value),
                "its first line must be WEBVTT; a SubRip (.srt) file needs converting: add a \
                 first line WEBVTT and a blank line, and write times as 00:00:01.000 (dot, not comma)",
            );
            Vec::new()
        }
    }
}
