//! Materials (category 2.6): leaflets, handbooks, videos, audio books, and
//! their media files, captions and YouTube videos.

pub mod languages;
mod webvtt;
mod youtube;

pub use webvtt::webvtt_cues;
pub use youtube::youtube_id;

use crate::content::model::{Material, Media};
use crate::fields::{Field, Fields, Key};
use crate::msg;

use super::{EntryFacts, FIELD};

const KIND: Key = Key::new("kind", "loai_tai_lieu");
const LANGUAGE: Key = Key::new("language", "ngon_ngu");
const LANG: Key = Key::new("lang", "ma_ngon_ngu");
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
pub(super) const KEYS: &[Key] = &[KIND, LANGUAGE, LANG, FIELD, MEDIA];

/// Reads the keys of a material entry and its media.
pub(super) fn read(f: &mut Fields<'_>, facts: &EntryFacts<'_>) -> Material {
    let kind = f.choice(KIND, MATERIAL_KINDS).map(|v| v.value);
    let written = f.text(LANGUAGE);
    let lang = read_lang(f, written.as_ref());
    let language = written
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
        lang,
        language,
        field,
        media,
    }
}

/// The BCP 47 tag of the material's language: `lang` when written (it
/// must be well formed), else the tag of `language` in the table
/// ([`languages::LANGUAGES`]); a name not in the table without `lang` is
/// an error that asks for one.
fn read_lang(f: &mut Fields<'_>, language: Option<&Field<String>>) -> String {
    if let Some(tag) = f.text(LANG) {
        if languages::well_formed(&tag.value) {
            return tag.value;
        }
        let key = f.display(LANG);
        f.error_at(
            "bad-lang",
            tag.span,
            msg!("material-lang-bad", key = key, tag = &tag.value),
            msg!("material-lang-bad-help"),
        );
        return "und".to_string();
    }
    let Some(language) = language else {
        return "vi".to_string();
    };
    if let Some(tag) = languages::tag_of(&language.value) {
        return tag.to_string();
    }
    let key = f.display(LANG);
    f.error_at(
        "unknown-language",
        language.span.clone(),
        msg!("material-language-unknown", language = &language.value),
        msg!("material-language-unknown-help", key = key),
    );
    "und".to_string()
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
                msg!("bad-media-kind", key = name, kinds = exts.join(" / ")),
                msg!(
                    "bad-media-kind-help",
                    extensions = format!(".{}", exts.join(", ."))
                ),
            );
            return None;
        }
        let exists = facts
            .bundle_files
            .is_some_and(|files| files.iter().any(|b| b.name == v.value));
        if !exists {
            let help = match facts.bundle_files {
                None => msg!("media-needs-bundle"),
                Some(files) => match crate::diagnostics::closest(
                    &v.value,
                    files.iter().map(|b| b.name.as_str()),
                ) {
                    Some(c) => msg!("file-did-you-mean", file = c),
                    None => msg!("file-put-beside"),
                },
            };
            m.error_at(
                "missing-attachment",
                v.span,
                msg!("media-missing", file = v.value),
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
                msg!("bad-youtube", value = y.value),
                msg!("bad-youtube-help"),
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
            msg!("missing-captions", file = &v.value),
            msg!("missing-captions-help", file = format!("{stem}.vtt")),
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
                    msg!("captions-not-utf8", file = &captions.value),
                    msg!("captions-not-utf8-help"),
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
                msg!("captions-not-webvtt", file = &captions.value),
                msg!("captions-not-webvtt-help"),
            );
            Vec::new()
        }
    }
}
