//! Typed front matter per category kind: legal documents (2.1), Q&A (2.4),
//! activities (2.3), dialogues (2.5), materials (2.6), the directory.
//! Each reader checks its keys and reports precise, fixable errors.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::category::{CATEGORIES, Category, Kind};
use crate::date::Timestamp;
use crate::diagnostics::Diagnostic;
use crate::fields::{Field, Fields, Key};

use super::entry::BundleFile;
use super::model::{Activity, Contact, Dialogue, Document, Material, Media, Meta, Question};

/// Facts about the entry that typed readers need besides its keys.
pub struct EntryFacts<'a> {
    /// The entry's title.
    pub title: &'a str,
    /// Where the title's value is in the source, when it was given.
    pub title_span: Option<Range<usize>>,
    /// The entry's date.
    pub date: Option<Timestamp>,
    /// The Markdown body.
    pub body: &'a str,
    /// Byte offset of the body in the source.
    pub body_offset: usize,
    /// Files of the bundle, when the entry is a bundle.
    pub bundle_files: Option<&'a [BundleFile]>,
}

// Document metadata.
const NUMBER: Key = Key::new("number", "so_ky_hieu");
const DOCUMENT_TYPE: Key = Key::new("document_type", "loai_van_ban");
const ISSUER: Key = Key::new("issuer", "co_quan_ban_hanh");
const SIGNER: Key = Key::new("signer", "nguoi_ky");
const ISSUE_DATE: Key = Key::new("issue_date", "ngay_ban_hanh");
const EFFECTIVE_DATE: Key = Key::new("effective_date", "ngay_hieu_luc");
const VALIDITY: Key = Key::new("validity", "tinh_trang_hieu_luc");
const FIELD: Key = Key::new("field", "linh_vuc");
const SOURCE_URL: Key = Key::new("source_url", "lien_ket_vbpl");
// Q&A.
const QUESTION: Key = Key::new("question", "cau_hoi");
const ASKER: Key = Key::new("asker", "nguoi_hoi");
const ASKED_DATE: Key = Key::new("asked_date", "ngay_hoi");
const ANSWERED_DATE: Key = Key::new("answered_date", "ngay_tra_loi");
const ANSWERED_BY: Key = Key::new("answered_by", "co_quan_tra_loi");
// Activities and dialogues.
const HELD_ON: Key = Key::new("held_on", "ngay_to_chuc");
const PLACE: Key = Key::new("place", "dia_diem");
const FORM: Key = Key::new("form", "hinh_thuc");
const AUDIENCE: Key = Key::new("audience", "doi_tuong");
const PARTICIPANTS: Key = Key::new("participants", "so_nguoi_tham_du");
const ORGANIZER: Key = Key::new("organizer", "don_vi_to_chuc");
const REPORTERS: Key = Key::new("reporters", "bao_cao_vien");
const TOPIC: Key = Key::new("topic", "chu_de");
const CHAIR: Key = Key::new("chair", "chu_tri");
const ATTENDEES: Key = Key::new("attendees", "thanh_phan");
const OUTCOME: Key = Key::new("outcome", "ket_qua");
// Materials.
const KIND: Key = Key::new("kind", "loai_tai_lieu");
const LANGUAGE: Key = Key::new("language", "ngon_ngu");
const MEDIA: Key = Key::new("media", "da_phuong_tien");
const VIDEO: Key = Key::new("video", "video");
const CAPTIONS: Key = Key::new("captions", "phu_de");
const YOUTUBE: Key = Key::new("youtube", "youtube");
const AUDIO: Key = Key::new("audio", "am_thanh");
const PDF: Key = Key::new("pdf", "pdf");
const POSTER: Key = Key::new("poster", "anh_bia");
// Directory.
const CONTACTS: Key = Key::new("contacts", "lien_he");
const NAME: Key = Key::new("name", "ho_ten");
const POSITION: Key = Key::new("position", "chuc_vu");
const UNIT: Key = Key::new("unit", "don_vi");
const PHONE: Key = Key::new("phone", "dien_thoai");
const EMAIL: Key = Key::new("email", "email");

/// Document types accepted in `document_type`.
pub const DOCUMENT_TYPES: &[&str] = &[
    "Hiến pháp",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Lệnh",
    "Nghị quyết",
    "Nghị quyết liên tịch",
    "Nghị định",
    "Quyết định",
    "Thông tư",
    "Thông tư liên tịch",
    "Chỉ thị",
    "Kế hoạch",
    "Hướng dẫn",
    "Công văn",
    "Thông báo",
    "Báo cáo",
    "Đề án",
    "Chương trình",
    "Công điện",
    "Tờ trình",
    "Giấy mời",
    "Quy chế",
    "Quy định",
    "Kết luận",
];

/// Validity statuses accepted in `validity`.
pub const VALIDITIES: &[&str] = &[
    "còn hiệu lực",
    "hết hiệu lực một phần",
    "hết hiệu lực",
    "chưa có hiệu lực",
];

/// Activity forms accepted in `form`.
pub const ACTIVITY_FORMS: &[&str] = &[
    "Hội nghị",
    "Tọa đàm",
    "Tuyên truyền lưu động",
    "Hội thi",
    "Trợ giúp pháp lý lưu động",
    "Tập huấn",
    "Sân khấu hóa",
    "Phát thanh",
    "Tuyên truyền trực tuyến",
    "Họp Hội đồng phối hợp",
    "Khác",
];

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

const DOCUMENT_KEYS: &[Key] = &[
    NUMBER,
    DOCUMENT_TYPE,
    ISSUER,
    SIGNER,
    ISSUE_DATE,
    EFFECTIVE_DATE,
    VALIDITY,
    FIELD,
    SOURCE_URL,
];
const QUESTION_KEYS: &[Key] = &[
    QUESTION,
    ASKER,
    ASKED_DATE,
    ANSWERED_DATE,
    ANSWERED_BY,
    FIELD,
];
const ACTIVITY_KEYS: &[Key] = &[
    HELD_ON,
    PLACE,
    FORM,
    AUDIENCE,
    PARTICIPANTS,
    ORGANIZER,
    REPORTERS,
    FIELD,
];
const DIALOGUE_KEYS: &[Key] = &[
    HELD_ON,
    PLACE,
    TOPIC,
    CHAIR,
    ATTENDEES,
    PARTICIPANTS,
    OUTCOME,
];
const MATERIAL_KEYS: &[Key] = &[KIND, LANGUAGE, FIELD, MEDIA];
const DIRECTORY_KEYS: &[Key] = &[CONTACTS];

fn keys_of(kind: Kind) -> &'static [Key] {
    match kind {
        Kind::Document | Kind::DocumentOptional | Kind::Statistics => DOCUMENT_KEYS,
        Kind::Question => QUESTION_KEYS,
        Kind::Activity => ACTIVITY_KEYS,
        Kind::Dialogue => DIALOGUE_KEYS,
        Kind::Material => MATERIAL_KEYS,
        Kind::Directory => DIRECTORY_KEYS,
        Kind::Article | Kind::Page => &[],
    }
}

/// For an unknown key: if another category accepts it, say which.
pub fn where_valid(key: &str, here: &Category) -> Option<String> {
    let cats: Vec<&str> = CATEGORIES
        .iter()
        .filter(|c| c.key != here.key)
        .filter(|c| {
            keys_of(c.kind)
                .iter()
                .any(|k| k.name == key || k.alias == key)
        })
        .map(|c| c.key)
        .collect();
    (!cats.is_empty()).then(|| {
        format!(
            "`{key}` is only used in {}; remove it from this {} entry",
            cats.join(", "),
            here.key
        )
    })
}

/// Reads the typed keys of `category` from `f`.
pub fn read(category: &Category, f: &mut Fields<'_>, facts: &EntryFacts<'_>) -> Meta {
    let mut meta = Meta::default();
    match category.kind {
        Kind::Document => meta.document = Some(read_document(f, true)),
        Kind::DocumentOptional | Kind::Statistics => {
            let d = read_document(f, false);
            meta.document = (!d.is_empty()).then_some(d);
        }
        Kind::Question => meta.question = Some(read_question(f, facts)),
        Kind::Activity => meta.activity = Some(read_activity(f, facts)),
        Kind::Dialogue => meta.dialogue = Some(read_dialogue(f)),
        Kind::Material => meta.material = Some(read_material(f, facts)),
        Kind::Directory => meta.contacts = read_contacts(f),
        Kind::Article | Kind::Page => {}
    }
    meta
}

/// Checks a document number against the two forms in use: normative
/// documents `number/year/TYPE-ISSUER` (`14/2019/QĐ-TTg`, `59/2020/QH14`)
/// and administrative ones `number/TYPE-ISSUER` (`266/KH-UBND`).
pub fn check_document_number(number: &str) -> Result<(), String> {
    static NORMATIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,5})/(\d{4})/([\p{Lu}\p{Ll}\d]+(?:-[\p{Lu}\p{Ll}\d]+)*)$")
            .expect("constant pattern, checked by the tests")
    });
    static ADMINISTRATIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,6})/([\p{Lu}\p{Ll}\d]+(?:-[\p{Lu}\p{Ll}\d]+)+)$")
            .expect("constant pattern, checked by the tests")
    });
    let n = number.trim();
    if let Some(c) = NORMATIVE.captures(n) {
        let year: i32 = c[2].parse().unwrap_or(0);
        if !(1945..=2100).contains(&year) {
            return Err(format!("the year {year} is not plausible"));
        }
        if !c[3].chars().next().is_some_and(char::is_uppercase) {
            return Err(
                "the symbol after the year must start with a capital letter (QĐ, NĐ, TT…)".into(),
            );
        }
        return Ok(());
    }
    if ADMINISTRATIVE.is_match(n) {
        return Ok(());
    }
    if n.starts_with("Số") || n.starts_with("số") {
        return Err("write only the number and symbol, without \"Số\"".into());
    }
    if n.contains(char::is_whitespace) {
        return Err("it contains spaces".into());
    }
    if !n.contains('/') {
        return Err("the parts must be separated by \"/\"".into());
    }
    Err("it is not in a recognised form".into())
}

/// A corrected form of a document number written the usual wrong ways
/// (`Số 14/2019/QĐ-TTg`, `14 / 2019 / QĐ-TTg`, `14-2019-QĐ-TTg`), when the
/// correction is valid.
pub fn suggest_document_number(number: &str) -> Option<String> {
    let n = number.trim();
    let n = n
        .strip_prefix("Số")
        .or_else(|| n.strip_prefix("số"))
        .unwrap_or(n)
        .trim_start_matches([':', '.', ' ']);
    let compact: String = n.split_whitespace().collect();
    let mut candidates = vec![compact.clone()];
    // 14-2019-QĐ-TTg → 14/2019/QĐ-TTg; 266-KH-UBND → 266/KH-UBND.
    let parts: Vec<&str> = compact.split('-').collect();
    if !compact.contains('/') && parts.len() >= 2 && parts[0].chars().all(|c| c.is_ascii_digit()) {
        let year_next =
            parts.len() >= 3 && parts[1].len() == 4 && parts[1].chars().all(|c| c.is_ascii_digit());
        candidates.push(if year_next {
            format!("{}/{}/{}", parts[0], parts[1], parts[2..].join("-"))
        } else {
            format!("{}/{}", parts[0], parts[1..].join("-"))
        });
    }
    candidates
        .into_iter()
        .find(|c| c != number && check_document_number(c).is_ok())
}

fn read_document(f: &mut Fields<'_>, required: bool) -> Document {
    let number = f.text(NUMBER);
    if let Some(n) = &number
        && let Err(why) = check_document_number(&n.value)
    {
        f.error_at(
            "bad-document-number",
            n.span.clone(),
            format!("document number \"{}\" is not valid: {why}", n.value),
            match suggest_document_number(&n.value) {
                Some(fix) => format!("write number = \"{fix}\""),
                None => "write it as on the document: normative documents number/year/symbol \
                         (\"14/2019/QĐ-TTg\", \"12/2024/NQ-HĐND\"), others number/symbol \
                         (\"266/KH-UBND\", \"2500/BTP-PBGDPL\")"
                    .to_string(),
            },
        );
    }
    let document_type = f.choice(DOCUMENT_TYPE, DOCUMENT_TYPES);
    let issuer = f.text(ISSUER);
    let issue_date = f.date(ISSUE_DATE);
    let effective_date = f.date(EFFECTIVE_DATE);
    if let (Some(i), Some(e)) = (&issue_date, &effective_date)
        && e.value.date() < i.value.date()
    {
        f.error_at(
            "date-order",
            e.span.clone(),
            format!(
                "`effective_date` ({}) is before `issue_date` ({})",
                e.value.dmy(),
                i.value.dmy()
            ),
            "a document cannot take effect before it is issued; check both dates against the document",
        );
    }
    if required {
        let span = f.insertion_point();
        let missing: Vec<&str> = [NUMBER, DOCUMENT_TYPE, ISSUER, ISSUE_DATE]
            .iter()
            .filter(|k| !f.has(**k))
            .map(|k| k.name)
            .collect();
        if !missing.is_empty() {
            f.error_at(
                "missing-key",
                span,
                format!(
                    "a legal document introduction needs {}",
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "add, for example: number = \"14/2019/QĐ-TTg\", document_type = \"Quyết định\", \
                 issuer = \"Thủ tướng Chính phủ\", issue_date = 2019-04-26",
            );
        }
    }
    Document {
        number: number.map(|n| n.value),
        document_type: document_type.map(|t| t.value),
        issuer: issuer.map(|i| i.value),
        signer: f.text(SIGNER).map(|s| s.value),
        issue_date: issue_date.map(|d| d.value),
        effective_date: effective_date.map(|d| d.value),
        validity: f.choice(VALIDITY, VALIDITIES).map(|v| v.value),
        field: f.text(FIELD).map(|v| v.value),
        source_url: f.url(SOURCE_URL).map(|v| v.value),
    }
}

/// Personal data that must not be published in a question: what it looks
/// like, and a pattern for it.
fn personal_data_patterns() -> &'static [(&'static str, Regex)] {
    static P: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
        [
            ("an e-mail address", r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),
            ("a phone number", r"(?:\+84|\b0)(?:[\s.-]?\d){8,10}\b"),
            ("an ID-card number", r"\b\d{12}\b|\b\d{9}\b"),
        ]
        .into_iter()
        .filter_map(|(what, re)| Regex::new(re).ok().map(|r| (what, r)))
        .collect()
    });
    &P
}

/// What personal data `text` seems to contain, if any.
pub fn personal_data(text: &str) -> Option<&'static str> {
    personal_data_at(text).map(|(what, _)| what)
}

/// What personal data `text` seems to contain and the part that looks like it.
fn personal_data_at(text: &str) -> Option<(&'static str, &str)> {
    personal_data_patterns()
        .iter()
        .find_map(|(what, re)| re.find(text).map(|m| (*what, m.as_str())))
}

/// Narrows `span` (a TOML value in `source`) to where `part` is written in
/// it, so the caret points at the phone number rather than the whole text.
fn narrow(source: &crate::source::SourceFile, span: &Range<usize>, part: &str) -> Range<usize> {
    source
        .text
        .get(span.clone())
        .and_then(|raw| raw.find(part))
        .map(|i| span.start + i..span.start + i + part.len())
        .unwrap_or_else(|| span.clone())
}

fn read_question(f: &mut Fields<'_>, facts: &EntryFacts<'_>) -> Question {
    let question = f.text(QUESTION);
    let asker = f.text(ASKER);
    let title = facts.title_span.clone().map(|span| Field {
        value: facts.title.to_string(),
        span,
    });
    for field in [&title, &question, &asker].into_iter().flatten() {
        if let Some((what, part)) = personal_data_at(&field.value) {
            let d = Diagnostic::warning(
                "personal-data",
                format!("this looks like {what}: \"{part}\""),
            )
            .at(f.source(), narrow(f.source(), &field.span, part))
            .help("personal data must not be published: remove phone numbers, e-mail addresses and ID numbers from the question");
            f.report(d);
        }
    }
    let asked_date = f.date(ASKED_DATE);
    let answered_date = f.date(ANSWERED_DATE);
    if let (Some(a), Some(r)) = (&asked_date, &answered_date)
        && r.value.date() < a.value.date()
    {
        f.error_at(
            "date-order",
            r.span.clone(),
            format!(
                "`answered_date` ({}) is before `asked_date` ({})",
                r.value.dmy(),
                a.value.dmy()
            ),
            "a question cannot be answered before it was asked; correct one of the dates",
        );
    }
    if facts.body.trim().is_empty() {
        let at = facts.body_offset.saturating_sub(1);
        let d = Diagnostic::error("missing-answer", "this question has no answer")
            .at(f.source(), at.saturating_sub(3)..at)
            .help("write the answer below the closing +++ line; a question without an answer cannot be published");
        f.report(d);
    }
    Question {
        question: question
            .map(|q| q.value)
            .unwrap_or_else(|| facts.title.to_string()),
        asker: asker.map(|a| a.value),
        asked_date: asked_date.map(|d| d.value),
        answered_date: answered_date.map(|d| d.value),
        answered_by: f.text(ANSWERED_BY).map(|v| v.value),
        field: f.text(FIELD).map(|v| v.value),
    }
}

fn read_activity(f: &mut Fields<'_>, facts: &EntryFacts<'_>) -> Activity {
    Activity {
        held_on: f.date(HELD_ON).map(|d| d.value).or(facts.date),
        place: f.text(PLACE).map(|v| v.value),
        form: f.choice(FORM, ACTIVITY_FORMS).map(|v| v.value),
        audience: f.text(AUDIENCE).map(|v| v.value),
        participants: f.count(PARTICIPANTS).map(|v| v.value),
        organizer: f.text(ORGANIZER).map(|v| v.value),
        reporters: f.text_list(REPORTERS).map(|v| v.value).unwrap_or_default(),
        field: f.text(FIELD).map(|v| v.value),
    }
}

fn read_dialogue(f: &mut Fields<'_>) -> Dialogue {
    Dialogue {
        held_on: f.date(HELD_ON).map(|d| d.value),
        place: f.text(PLACE).map(|v| v.value),
        topic: f.text(TOPIC).map(|v| v.value),
        chair: f.text(CHAIR).map(|v| v.value),
        attendees: f.text(ATTENDEES).map(|v| v.value),
        participants: f.count(PARTICIPANTS).map(|v| v.value),
        outcome: f.text(OUTCOME).map(|v| v.value),
    }
}

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

fn read_material(f: &mut Fields<'_>, facts: &EntryFacts<'_>) -> Material {
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

fn read_contacts(f: &mut Fields<'_>) -> Vec<Contact> {
    let mut out = Vec::new();
    for mut c in f.table_list(CONTACTS) {
        let name = c.required_text(NAME, "the person's or office's name");
        let contact = Contact {
            name: name.map(|n| n.value).unwrap_or_default(),
            position: c.text(POSITION).map(|v| v.value),
            unit: c.text(UNIT).map(|v| v.value),
            phone: c.text(PHONE).map(|v| v.value),
            email: c.text(EMAIL).map(|v| v.value),
        };
        f.absorb(c);
        if !contact.name.is_empty() {
            out.push(contact);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers_in_both_forms() {
        for ok in [
            "14/2019/QĐ-TTg",
            "12/2024/NQ-HĐND",
            "59/2020/QH14",
            "13/2023/NĐ-CP",
            "266/KH-UBND",
            "2500/BTP-PBGDPL",
            "07/CT-TTg",
            "01/2021/TTLT-BTP-BTC",
        ] {
            assert!(check_document_number(ok).is_ok(), "{ok}");
        }
        for bad in [
            "14-2019-QĐ-TTg",
            "Số 14/2019/QĐ-TTg",
            "266/KH UBND",
            "abc",
            "14/1800/QĐ-TTg",
            "266/",
        ] {
            assert!(check_document_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn document_numbers_written_the_usual_wrong_ways_get_a_fix() {
        let fix = |n: &str| suggest_document_number(n);
        assert_eq!(fix("Số 14/2019/QĐ-TTg").as_deref(), Some("14/2019/QĐ-TTg"));
        assert_eq!(fix("14 / 2019 / QĐ-TTg").as_deref(), Some("14/2019/QĐ-TTg"));
        assert_eq!(fix("14-2019-QĐ-TTg").as_deref(), Some("14/2019/QĐ-TTg"));
        assert_eq!(fix("266-KH-UBND").as_deref(), Some("266/KH-UBND"));
        assert_eq!(fix("abc"), None);
        assert_eq!(fix("14/2019/QĐ-TTg"), None);
    }

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

    #[test]
    fn personal_data_is_spotted() {
        assert_eq!(
            personal_data("gọi 0912 345 678 giúp tôi"),
            Some("a phone number")
        );
        assert_eq!(
            personal_data("thư: an.nguyen@gmail.com"),
            Some("an e-mail address")
        );
        assert_eq!(
            personal_data("CCCD 001203004567"),
            Some("an ID-card number")
        );
        assert_eq!(
            personal_data("Theo Nghị định 13/2023/NĐ-CP, năm 2026"),
            None
        );
    }
}
