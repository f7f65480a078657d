//! Recognising the layout of an administrative document (Nghị định
//! 30/2020/NĐ-CP, Appendix I): the issuing body and number top left, the
//! national title, place and date top right, the type line and abstract
//! (trích yếu) centred, the body, then the recipients and the signature
//! block. Works on what Word files and text files have in common: lines of
//! text, in a left or right column when the header is a two-column table
//! (or a line split by tabs).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::model::{Block, Document};
use crate::content::kinds::{DOCUMENT_TYPES, check_document_number, suggest_document_number};
use crate::text::fold;

/// What the layout says about the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    /// The issuing body, as a name (`Ủy ban nhân dân tỉnh Sơn La`).
    pub issuer: Option<String>,
    /// Its lines as written (`ỦY BAN NHÂN DÂN`, `TỈNH SƠN LA`).
    pub issuer_lines: Vec<String>,
    /// The number and symbol (`210/KH-UBND`), when valid.
    pub number: Option<String>,
    /// What followed "Số:" when it was no valid number (a draft's "/KH-UBND").
    pub number_as_written: Option<String>,
    /// The place of issue (`Huế`).
    pub place: Option<String>,
    /// The date of issue.
    pub issue_date: Option<NaiveDate>,
    /// The date line as written, when its date could not be read.
    pub date_as_written: Option<String>,
    /// The document type, from the closed list.
    pub document_type: Option<&'static str>,
    /// Whether the type came from the type line (rather than the symbol).
    pub type_from_line: bool,
    /// The abstract (trích yếu), or the name of a law.
    pub summary: Option<String>,
    /// The entry's title, made of the type and the abstract.
    pub title: Option<String>,
    /// The signer's name.
    pub signer: Option<String>,
    /// The signer's position lines (`KT. CHỦ TỊCH / PHÓ CHỦ TỊCH`).
    pub signer_position: Option<String>,
    /// The date it takes effect, when the body says.
    pub effective_date: Option<NaiveDate>,
    /// Which blocks are the body (header and signature block removed).
    pub body: std::ops::Range<usize>,
    /// Text of a header table that is no part of the header (a "Kính gửi"
    /// row, say): it opens the body.
    pub leftover: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Left,
    Right,
    Whole,
}

#[derive(Debug, Clone)]
struct Line {
    text: String,
    col: Col,
    /// Whether the paragraph is centred (always false in text files).
    centered: bool,
}

/// The lines of a block: a paragraph split at line breaks and at tabs (or
/// " | " in text files) into columns; a table's first and last cells.
fn lines_of(block: &Block, markdown: bool, columns: &[char]) -> Vec<Line> {
    let clean = |s: &str| -> String {
        let s = if markdown {
            s.replace(['*', '_', '#'], "")
        } else {
            s.to_string()
        };
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let mut out = Vec::new();
    match block {
        Block::Paragraph(p) => {
            for l in p.text().split('\n') {
                let segs: Vec<String> = l
                    .split(columns)
                    .map(clean)
                    .filter(|s| !s.is_empty())
                    .collect();
                match segs.len() {
                    0 => {}
                    1 => out.push(Line {
                        text: segs[0].clone(),
                        col: Col::Whole,
                        centered: p.centered,
                    }),
                    n => {
                        out.push(Line {
                            text: segs[0].clone(),
                            col: Col::Left,
                            centered: false,
                        });
                        out.push(Line {
                            text: segs[n - 1].clone(),
                            col: Col::Right,
                            centered: false,
                        });
                    }
                }
            }
        }
        Block::Table(t) => {
            // Column by column, so that each block reads top to bottom.
            let two = t.rows.iter().any(|r| r.len() >= 2);
            for (col, pick) in [(Col::Left, 0usize), (Col::Right, usize::MAX)] {
                for row in &t.rows {
                    let cell = if pick == 0 { row.first() } else { row.last() };
                    let Some(cell) = cell else { continue };
                    if pick != 0 && row.len() < 2 {
                        continue;
                    }
                    for p in &cell.paragraphs {
                        for l in p.text().split('\n') {
                            let text = clean(l);
                            if !text.is_empty() {
                                out.push(Line {
                                    text,
                                    col: if two { col } else { Col::Whole },
                                    centered: p.centered,
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

fn is_upper(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

fn is_national_title(text: &str) -> bool {
    let f = fold(text);
    f.contains("cong hoa xa hoi chu nghia viet nam")
        || (f.contains("doc lap") && f.contains("tu do") && f.contains("hanh phuc"))
}

fn is_separator(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '-' | '_' | '=' | '*' | '.' | '–' | '—' | '…') || c.is_whitespace())
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{L}+ )?(?i:số|so)\s*[:.]?\s*(.*)$")
        .expect("constant pattern, checked by the tests")
});

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(.{2,60}?),?\s+ngay\b\s*(\d{1,2})?\s*(?:thang|/)\s*(\d{1,2})?\s*(?:nam|/)\s*(\d{4})?",
    )
    .expect("constant pattern, checked by the tests")
});

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^,]{2,60},\s*ngay\b.*\bnam\b").expect("constant pattern, checked by the tests")
});

/// The number after "Số:", cleaned: spaces and dashes as they should be.
fn parse_number(text: &str) -> Option<String> {
    let rest = NUMBER.captures(text.trim())?.get(1)?.as_str().trim();
    let cleaned: String = rest
        .replace(['–', '—', '‑'], "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" /", "/")
        .replace("/ ", "/")
        .replace(" -", "-")
        .replace("- ", "-");
    let cleaned = cleaned
        .split(' ')
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ',', ';'])
        .to_string();
    Some(cleaned)
}

fn is_number_line(text: &str) -> bool {
    NUMBER.is_match(text.trim()) && text.contains('/') && text.chars().count() < 60
}

/// Place and date from "Huế, ngày 08 tháng 5 năm 2025".
fn parse_date(text: &str) -> Option<(String, Option<NaiveDate>)> {
    let folded = fold(text);
    if !DATE_LINE.is_match(&folded) {
        return None;
    }
    let c = DATE.captures(&folded)?;
    let place_len = text.find(',').unwrap_or(0);
    let place = text[..place_len].trim().to_string();
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let date = match (num(2), num(3), num(4)) {
        (Some(d), Some(m), Some(y)) => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    };
    Some((place, date))
}

/// The document type a type line names (`KẾ HOẠCH`, `QUYẾT ĐỊNH`,
/// `LUẬT HÒA GIẢI Ở CƠ SỞ`), and the rest of the line for a law's name.
fn type_line(text: &str) -> Option<(&'static str, Option<String>)> {
    if !is_upper(text) {
        return None;
    }
    let f = fold(text.trim_end_matches([':', '.']));
    let mut best: Option<&'static str> = None;
    for t in DOCUMENT_TYPES {
        if f == fold(t) && best.is_none_or(|b| t.len() > b.len()) {
            best = Some(t);
        }
    }
    if let Some(t) = best {
        return Some((t, None));
    }
    for t in ["Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp"] {
        let prefix = format!("{} ", fold(t));
        if f.starts_with(&prefix) {
            let words = t.split(' ').count();
            let rest: Vec<&str> = text.split_whitespace().skip(words).collect();
            return Some((
                DOCUMENT_TYPES.iter().find(|d| **d == t).copied()?,
                Some(rest.join(" ")),
            ));
        }
    }
    None
}

/// The document type a symbol implies (`KH` in `210/KH-UBND`).
fn type_from_number(number: &str) -> Option<&'static str> {
    let symbol = number.rsplit('/').next()?;
    let code = symbol.split('-').next()?;
    let t = match code {
        "QĐ" => "Quyết định",
        "KH" => "Kế hoạch",
        "TT" => "Thông tư",
        "TTLT" => "Thông tư liên tịch",
        "NQ" => "Nghị quyết",
        "NQLT" => "Nghị quyết liên tịch",
        "NĐ" => "Nghị định",
        "CT" => "Chỉ thị",
        "TB" => "Thông báo",
        "BC" => "Báo cáo",
        "HD" => "Hướng dẫn",
        "TTr" => "Tờ trình",
        "GM" => "Giấy mời",
        "CĐ" => "Công điện",
        "CTr" => "Chương trình",
        "ĐA" => "Đề án",
        "KL" => "Kết luận",
        "QC" => "Quy chế",
        c if c.starts_with("QH") && symbol == code => "Luật",
        // number/AGENCY-UNIT: an official letter (công văn).
        _ if symbol.contains('-') || number.split('/').count() == 2 => "Công văn",
        _ => return None,
    };
    Some(t)
}

fn starts_body(text: &str) -> bool {
    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(can cu|thuc hien|kinh gui|dieu \d|chuong [ivxlc\d]|muc \d|phan [ivxlc\d]|[ivxlc]+\.|\d+\.|[a-z]\))")
            .expect("constant pattern, checked by the tests")
    });
    BODY.is_match(&fold(text))
}

/// The grounds and addresses that open a body ("Căn cứ", "Kính gửi",
/// "Điều 1"), never an abstract.
fn starts_grounds(text: &str) -> bool {
    let f = fold(text);
    ["can cu", "kinh gui", "dieu ", "chuong "]
        .iter()
        .any(|p| f.starts_with(p))
}

/// Words that make a line a signer's position.
fn is_position(text: &str) -> bool {
    if !is_upper(text) || text.chars().count() > 80 {
        return false;
    }
    let f = fold(text);
    ["tm.", "kt.", "tl.", "tuq.", "q.", "tm ", "kt "]
        .iter()
        .any(|p| f.starts_with(p))
        || [
            "chu tich",
            "giam doc",
            "truong",
            "thu tuong",
            "bi thu",
            "chanh",
            "tong bien tap",
            "vien truong",
            "cuc truong",
            "vu truong",
        ]
        .iter()
        .any(|w| f.contains(w))
}

fn is_sign_note(text: &str) -> bool {
    let f = fold(text);
    f.starts_with("(da ky")
        || f == "da ky"
        || f.starts_with("(ky")
        || f.starts_with("(chu ky")
        || f.starts_with("(dau")
}

fn is_recipients(text: &str) -> bool {
    fold(text).starts_with("noi nhan")
}

/// A person's name: two to six capitalised words of letters.
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && text.chars().count() <= 50
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.')
        })
        && !is_position(text)
}

/// A name in capitals written as a name (`NGUYỄN VĂN AN` → `Nguyễn Văn An`).
fn name_case(text: &str) -> String {
    if !is_upper(text) {
        return text.to_string();
    }
    text.split_whitespace()
        .map(capitalise)
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

const ADMIN_UNITS: &[&str] = &[
    "thanh pho",
    "thi xa",
    "thi tran",
    "tinh",
    "huyen",
    "quan",
    "xa",
    "phuong",
    "dac khu",
];

const PHRASES: &[&str] = &[
    "uy ban nhan dan",
    "hoi dong nhan dan",
    "hoi dong phoi hop",
    "uy ban mat tran to quoc",
];

const ORGANISATIONS: &[&str] = &[
    "so",
    "bo",
    "ban",
    "cuc",
    "vu",
    "vien",
    "hoi",
    "dai",
    "bao",
    "phong",
    "truong",
    "trung tam",
    "tong cuc",
    "van phong",
    "thanh tra",
    "kho bac",
    "toa an",
    "cong an",
];

/// Writes an issuing body's name, typed in capitals, the usual way:
/// `ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ` → `Ủy ban nhân dân tỉnh Thừa Thiên
/// Huế`, `SỞ TƯ PHÁP` → `Sở Tư pháp`. Abbreviations (`UBND`) stay.
pub fn body_case(text: &str) -> String {
    if !is_upper(text) {
        return text.to_string();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    // UBND, HĐND, PBGDPL: no Vietnamese syllable, an abbreviation.
    let is_abbreviation = |w: &str| {
        let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
        !letters.is_empty() && !crate::encoding::syllable::is_syllable(&letters)
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut proper = false;
    let mut capital_next = true;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // A known phrase at `i`: its words are written in small letters,
        // the first one capitalised at the start of the name.
        let phrase = |list: &[&str], out: &mut Vec<String>, capital_next: bool| {
            let n = phrase_at(list, &folded, i)?;
            for (k, w) in words[i..i + n].iter().enumerate() {
                out.push(if capital_next && k == 0 {
                    capitalise(w)
                } else {
                    w.to_lowercase()
                });
            }
            Some(n)
        };
        // An administrative unit: the place name after it is a proper name.
        if let Some(n) = phrase(ADMIN_UNITS, &mut out, capital_next) {
            capital_next = false;
            proper = true;
            i += n;
            continue;
        }
        // Names of bodies written in small letters after the first.
        if let Some(n) = phrase(PHRASES, &mut out, capital_next) {
            capital_next = false;
            i += n;
            continue;
        }
        if !proper && let Some(n) = phrase(ORGANISATIONS, &mut out, capital_next) {
            i += n;
            // The organisation's field starts with a capital: Sở Tư pháp.
            capital_next = true;
            continue;
        }
        let word = if is_abbreviation(w) {
            w.to_string()
        } else if proper
            || capital_next
            || matches!(folded[i].as_str(), "chinh" if folded.get(i + 1).is_some_and(|n| n == "phu"))
        {
            capitalise(w)
        } else {
            w.to_lowercase()
        };
        out.push(word);
        capital_next = false;
        i += 1;
    }
    out.join(" ")
        .replace("quốc hội", "Quốc hội")
        .replace("Chính Phủ", "Chính phủ")
        .replace("chính phủ", "Chính phủ")
        .replace("việt nam", "Việt Nam")
}

/// How many words the first phrase of `list` found at word `i` of `folded`
/// spans, if one is.
fn phrase_at(list: &[&str], folded: &[String], i: usize) -> Option<usize> {
    list.iter().find_map(|p| {
        let n = p.split(' ').count();
        (i + n <= folded.len() && folded[i..i + n].join(" ") == *p).then_some(n)
    })
}

/// The issuing body from its lines: the parent body above, the issuer
/// below; a locality line ("TỈNH SƠN LA") belongs to the line above it.
fn issuer_name(lines: &[String]) -> Option<String> {
    let last = lines.last()?;
    let starts_with_unit = |l: &str| {
        let f = fold(l);
        ADMIN_UNITS.iter().any(|u| f.starts_with(&format!("{u} ")))
    };
    if lines.len() >= 2 && starts_with_unit(last) {
        let joined = format!("{} {}", lines[lines.len() - 2], last);
        return Some(body_case(&joined));
    }
    let name = body_case(last);
    // A department under a province: add the province (Sở Tư pháp tỉnh Nghệ An).
    if lines.len() >= 2 {
        let parent = &lines[lines.len() - 2];
        let pf = fold(parent);
        let words: Vec<&str> = parent.split_whitespace().collect();
        for (k, _) in words.iter().enumerate() {
            let rest = words[k..].join(" ");
            if ADMIN_UNITS
                .iter()
                .any(|u| fold(&rest).starts_with(&format!("{u} ")))
                && (pf.starts_with("ubnd") || pf.starts_with("uy ban nhan dan"))
            {
                let place = body_case(&format!("UBND {rest}"));
                let place = place.trim_start_matches("UBND ").to_string();
                return Some(format!("{name} {place}"));
            }
        }
    }
    Some(name)
}

/// Sentence case for an abstract or a law's name typed in capitals.
fn sentence_case(text: &str) -> String {
    if !is_upper(text) {
        return text.to_string();
    }
    let lower = text.to_lowercase();
    let s = capitalise_first(&lower);
    s.replace("việt nam", "Việt Nam")
}

fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lower_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    if first_word.chars().count() > 1 && is_upper(first_word) {
        return text.to_string();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Recognises the layout of `doc`.
pub fn recognise(doc: &Document) -> Header {
    let mut h = Header {
        body: 0..doc.blocks.len(),
        ..Header::default()
    };
    let body_start = read_header(doc, &mut h);
    let body_end = read_signature(doc, &mut h, body_start);
    h.body = body_start..body_end.max(body_start);
    if h.document_type.is_none() {
        h.document_type = h.number.as_deref().and_then(type_from_number);
    }
    h.title = title(&h);
    h.effective_date = effective_date(doc, &h);
    h
}

fn title(h: &Header) -> Option<String> {
    let t = h.document_type?;
    match &h.summary {
        Some(s) if matches!(t, "Luật" | "Bộ luật" | "Pháp lệnh" | "Hiến pháp") => {
            Some(format!("{t} {}", capitalise_first(s)))
        }
        Some(s) => Some(format!("{t} {}", lower_first(s))),
        None => h.number.as_ref().map(|n| format!("{t} số {n}")),
    }
}

/// Reads the header; returns the index of the first block of the body.
fn read_header(doc: &Document, h: &mut Header) -> usize {
    #[derive(PartialEq)]
    enum Phase {
        Top,
        Summary,
    }
    let mut phase = Phase::Top;
    let mut summary: Vec<String> = Vec::new();
    let mut law_name = false;
    let mut vv_open = false;
    let mut header_end = 0;
    let mut seen_anything = false;
    let limit = doc.blocks.len().min(40);
    // Whether paragraphs say if they are centred: Word files do, unless
    // nothing at the top is centred (a file typed without formatting).
    let centring_known = !doc.from_text
        && doc.blocks.iter().take(limit).any(|b| match b {
            Block::Paragraph(p) => p.centered,
            Block::Table(_) => false,
        });
    'blocks: for (i, block) in doc.blocks.iter().enumerate().take(limit) {
        let is_table = matches!(block, Block::Table(_));
        let lines = lines_of(block, doc.markdown, doc.columns());
        if lines.is_empty() {
            continue;
        }
        if phase == Phase::Summary {
            for l in &lines {
                let t = l.text.as_str();
                if is_separator(t) {
                    header_end = i + 1;
                    break 'blocks;
                }
                let law_line = law_name && summary.is_empty() && is_upper(t);
                // The abstract is centred under the type line; in a text
                // file, it is the next line and the lines continuing it.
                let abstract_line = !is_upper(t)
                    && summary.len() < 4
                    && !starts_grounds(t)
                    && if l.centered {
                        true
                    } else if centring_known {
                        false
                    } else {
                        summary.is_empty() || t.chars().next().is_some_and(char::is_lowercase)
                    };
                if !law_line && !abstract_line {
                    break 'blocks;
                }
                summary.push(t.to_string());
                header_end = i + 1;
            }
            continue;
        }
        // A table in the header is the header (or part of it).
        if is_table && i >= 6 {
            break;
        }
        let mut recognised = false;
        for l in &lines {
            let t = l.text.as_str();
            if is_national_title(t) || is_separator(t) {
                recognised = true;
            } else if is_number_line(t) {
                recognised = true;
                if let Some(n) = parse_number(t) {
                    if check_document_number(&n).is_ok() {
                        h.number = Some(n);
                    } else if let Some(fixed) = suggest_document_number(&n) {
                        h.number = Some(fixed);
                    } else {
                        h.number_as_written = Some(n);
                    }
                }
            } else if let Some((place, date)) = parse_date(t) {
                recognised = true;
                h.place = (!place.is_empty()).then_some(place);
                h.issue_date = date;
                if date.is_none() {
                    h.date_as_written = Some(t.to_string());
                }
            } else if fold(t).starts_with("v/v") || fold(t).starts_with("v/ v") {
                recognised = true;
                let rest = t
                    .split_once(['v', 'V'])
                    .and_then(|(_, r)| r.split_once(['v', 'V']))
                    .map(|(_, r)| r.trim_start_matches(['.', ':', ' ']))
                    .unwrap_or("");
                summary.push(format!("về việc {rest}"));
                vv_open = true;
                h.document_type = Some("Công văn");
                h.type_from_line = true;
            } else if let Some((t_type, rest)) = type_line(t).filter(|_| l.col != Col::Left) {
                recognised = true;
                h.document_type = Some(t_type);
                h.type_from_line = true;
                summary.clear();
                law_name = matches!(t_type, "Luật" | "Bộ luật" | "Pháp lệnh" | "Hiến pháp");
                if let Some(r) = rest.filter(|r| !r.is_empty()) {
                    summary.push(r);
                }
                phase = Phase::Summary;
                vv_open = false;
            } else if vv_open
                && l.col != Col::Right
                && !is_upper(t)
                && (l.col == Col::Left || t.chars().next().is_some_and(char::is_lowercase))
            {
                recognised = true;
                if let Some(s) = summary.last_mut() {
                    s.push(' ');
                    s.push_str(t);
                }
            } else if is_upper(t)
                && l.col != Col::Right
                && h.number.is_none()
                && h.number_as_written.is_none()
                && !h.type_from_line
            {
                recognised = true;
                h.issuer_lines.push(t.to_string());
            } else if is_table && l.col == Col::Left && is_upper(t) {
                recognised = true;
            } else if is_table {
                // Text in a header table that is none of the above (a
                // "Kính gửi" row, say) opens the body.
                recognised = true;
                h.leftover.push(t.to_string());
            } else {
                break;
            }
        }
        if !recognised {
            break;
        }
        seen_anything = true;
        header_end = i + 1;
        if phase == Phase::Summary {
            continue;
        }
        // The first line of the body ends the header of an official letter.
        if let Some(next) = doc.blocks.get(i + 1)
            && let Some(first) = lines_of(next, doc.markdown, doc.columns()).first()
            && starts_body(&first.text)
            && h.document_type == Some("Công văn")
        {
            break;
        }
    }
    if !seen_anything {
        return 0;
    }
    h.issuer = issuer_name(&h.issuer_lines);
    if !summary.is_empty() {
        let text = summary.join(" ");
        h.summary = Some(if law_name { sentence_case(&text) } else { text });
    }
    // Skip separators and empty paragraphs after the header.
    let mut start = header_end;
    while let Some(b) = doc.blocks.get(start) {
        let lines = lines_of(b, doc.markdown, doc.columns());
        if lines.iter().all(|l| is_separator(&l.text)) {
            start += 1;
        } else {
            break;
        }
    }
    start
}

/// Reads the signature block at the end; returns where the body ends.
fn read_signature(doc: &Document, h: &mut Header, body_start: usize) -> usize {
    let n = doc.blocks.len();
    let floor = body_start.max(n.saturating_sub(25));
    let mut zone: Vec<(usize, Line)> = Vec::new();
    let mut start = n;
    let mut i = n;
    while i > floor {
        i -= 1;
        let lines = lines_of(&doc.blocks[i], doc.markdown, doc.columns());
        if lines.is_empty() {
            start = i;
            continue;
        }
        let table = matches!(doc.blocks[i], Block::Table(_));
        let signature_ish = |l: &Line| {
            let t = l.text.as_str();
            is_position(t)
                || is_name(t)
                || is_sign_note(t)
                || is_recipients(t)
                || is_separator(t)
                || (l.col == Col::Left && (t.starts_with('-') || t.starts_with('+')))
                || ((t.starts_with('-') || t.starts_with('+')) && t.chars().count() < 100)
        };
        let has_signature = lines
            .iter()
            .any(|l| is_position(&l.text) || is_recipients(&l.text));
        if (table && has_signature) || (!table && lines.iter().all(signature_ish)) {
            for l in lines.into_iter().rev() {
                zone.push((i, l));
            }
            start = i;
            if table {
                // Everything after the table was part of the zone already.
                break;
            }
        } else {
            break;
        }
    }
    zone.reverse();
    // The zone starts at its recipients line or at its first position
    // line; dashes above both are the body's own list.
    let first_position = zone.iter().position(|(_, l)| is_position(&l.text));
    let Some(first_position) = first_position else {
        return n;
    };
    let recipients = zone.iter().position(|(_, l)| is_recipients(&l.text));
    let top = recipients.map_or(first_position, |r| r.min(first_position));
    let zone_start = zone[top].0.max(start);
    let right: Vec<&Line> = zone[first_position..]
        .iter()
        .map(|(_, l)| l)
        .filter(|l| l.col != Col::Left)
        .collect();
    let mut positions: Vec<String> = Vec::new();
    for l in &right {
        if is_position(&l.text) {
            positions.push(l.text.clone());
        } else if is_name(&l.text) && !positions.is_empty() {
            h.signer = Some(name_case(&l.text));
        }
    }
    if !positions.is_empty() {
        h.signer_position = Some(positions.join(" / "));
    }
    zone_start
}

static EFFECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"co hieu luc (?:thi hanh )?(?:ke )?tu ngay (?:(\d{1,2}) thang (\d{1,2}) nam (\d{4})|(\d{1,2})/(\d{1,2})/(\d{4})|(ky))")
        .expect("constant pattern, checked by the tests")
});

fn effective_date(doc: &Document, h: &Header) -> Option<NaiveDate> {
    for b in doc.blocks.get(h.body.clone())? {
        for l in lines_of(b, doc.markdown, doc.columns()) {
            let f = fold(&l.text);
            let Some(c) = EFFECTIVE.captures(&f) else {
                continue;
            };
            if c.get(7).is_some() {
                return h.issue_date;
            }
            let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            let (d, m, y) = match (n(1), n(2), n(3)) {
                (Some(d), Some(m), Some(y)) => (d, m, y),
                _ => (n(4)?, n(5)?, n(6)?),
            };
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_cased_as_names() {
        assert_eq!(
            body_case("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ"),
            "Ủy ban nhân dân tỉnh Thừa Thiên Huế"
        );
        assert_eq!(body_case("SỞ TƯ PHÁP"), "Sở Tư pháp");
        assert_eq!(body_case("BỘ TƯ PHÁP"), "Bộ Tư pháp");
        assert_eq!(body_case("QUỐC HỘI"), "Quốc hội");
        assert_eq!(body_case("CHÍNH PHỦ"), "Chính phủ");
        assert_eq!(body_case("UBND TỈNH NGHỆ AN"), "UBND tỉnh Nghệ An");
        assert_eq!(
            body_case("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"),
            "Hội đồng nhân dân thành phố Hải Phòng"
        );
        assert_eq!(
            issuer_name(&["UBND TỈNH NGHỆ AN".into(), "SỞ TƯ PHÁP".into()]).unwrap(),
            "Sở Tư pháp tỉnh Nghệ An"
        );
        assert_eq!(
            issuer_name(&["ỦY BAN NHÂN DÂN".into(), "XÃ NGHI PHONG".into()]).unwrap(),
            "Ủy ban nhân dân xã Nghi Phong"
        );
    }

    #[test]
    fn numbers_dates_and_types() {
        assert_eq!(
            parse_number("Số: 210 / KH–UBND").as_deref(),
            Some("210/KH-UBND")
        );
        assert_eq!(parse_number("Số: /KH-UBND").as_deref(), Some("/KH-UBND"));
        assert_eq!(
            parse_date("Huế, ngày 08 tháng 5 năm 2025"),
            Some(("Huế".into(), NaiveDate::from_ymd_opt(2025, 5, 8)))
        );
        assert_eq!(
            parse_date("Long An, ngày     tháng 3 năm 2021"),
            Some(("Long An".into(), None))
        );
        assert_eq!(parse_date("Căn cứ Luật ngày 20 tháng 6 năm 2013"), None);
        assert_eq!(type_line("QUYẾT ĐỊNH"), Some(("Quyết định", None)));
        assert_eq!(
            type_line("LUẬT HÒA GIẢI Ở CƠ SỞ"),
            Some(("Luật", Some("HÒA GIẢI Ở CƠ SỞ".into())))
        );
        assert_eq!(type_line("Quyết định"), None);
        assert_eq!(type_from_number("14/2019/QĐ-TTg"), Some("Quyết định"));
        assert_eq!(type_from_number("2500/BTP-PBGDPL"), Some("Công văn"));
        assert_eq!(type_from_number("35/2013/QH13"), Some("Luật"));
        assert!(is_position("KT. CHỦ TỊCH") && is_position("PHÓ CHỦ TỊCH"));
        assert!(is_name("Nguyễn Văn Phương") && !is_name("PHÓ CHỦ TỊCH"));
    }
}
