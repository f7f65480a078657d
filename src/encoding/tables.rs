//! The code tables of the legacy Vietnamese encodings, as data.
//!
//! These are facts from the published standards, written out here:
//! TCVN 5712:1993 (the VN3 subset, "TCVN3" or "ABC", fonts `.VnTime`,
//! `.VnArial`…) and the VNI-Windows font encoding (`VNI-Times`…).
//! Windows-1258 is decoded by `encoding_rs`.

/// TCVN3 (TCVN 5712:1993, VN3): one byte per letter. The subset has
/// precomposed capitals only for Ă Â Ê Ô Ơ Ư Đ; capitals with a tone are
/// written with the lower-case codes in an upper-case font (`.VnTimeH`).
pub const TCVN3: &[(char, u8)] = &[
    ('Ă', 0xA1),
    ('Â', 0xA2),
    ('Ê', 0xA3),
    ('Ô', 0xA4),
    ('Ơ', 0xA5),
    ('Ư', 0xA6),
    ('Đ', 0xA7),
    ('ă', 0xA8),
    ('â', 0xA9),
    ('ê', 0xAA),
    ('ô', 0xAB),
    ('ơ', 0xAC),
    ('ư', 0xAD),
    ('đ', 0xAE),
    // a
    ('à', 0xB5),
    ('ả', 0xB6),
    ('ã', 0xB7),
    ('á', 0xB8),
    ('ạ', 0xB9),
    // ă
    ('ằ', 0xBB),
    ('ẳ', 0xBC),
    ('ẵ', 0xBD),
    ('ắ', 0xBE),
    ('ặ', 0xC6),
    // â
    ('ầ', 0xC7),
    ('ẩ', 0xC8),
    ('ẫ', 0xC9),
    ('ấ', 0xCA),
    ('ậ', 0xCB),
    // e
    ('è', 0xCC),
    ('ẻ', 0xCE),
    ('ẽ', 0xCF),
    ('é', 0xD0),
    ('ẹ', 0xD1),
    // ê
    ('ề', 0xD2),
    ('ể', 0xD3),
    ('ễ', 0xD4),
    ('ế', 0xD5),
    ('ệ', 0xD6),
    // i
    ('ì', 0xD7),
    ('ỉ', 0xD8),
    ('ĩ', 0xDC),
    ('í', 0xDD),
    ('ị', 0xDE),
    // o
    ('ò', 0xDF),
    ('ỏ', 0xE1),
    ('õ', 0xE2),
    ('ó', 0xE3),
    ('ọ', 0xE4),
    // ô
    ('ồ', 0xE5),
    ('ổ', 0xE6),
    ('ỗ', 0xE7),
    ('ố', 0xE8),
    ('ộ', 0xE9),
    // ơ
    ('ờ', 0xEA),
    ('ở', 0xEB),
    ('ỡ', 0xEC),
    ('ớ', 0xED),
    ('ợ', 0xEE),
    // u
    ('ù', 0xEF),
    ('ủ', 0xF1),
    ('ũ', 0xF2),
    ('ú', 0xF3),
    ('ụ', 0xF4),
    // ư
    ('ừ', 0xF5),
    ('ử', 0xF6),
    ('ữ', 0xF7),
    ('ứ', 0xF8),
    ('ự', 0xF9),
    // y
    ('ỳ', 0xFA),
    ('ỷ', 0xFB),
    ('ỹ', 0xFC),
    ('ý', 0xFD),
    ('ỵ', 0xFE),
];

/// The five tones, in the order used by the tables below: sắc (acute),
/// huyền (grave), hỏi (hook), ngã (tilde), nặng (dot below).
pub const TONES: [char; 5] = ['\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}'];

/// VNI-Windows writes most toned letters as a base letter followed by one
/// mark byte. Lower-case mark bytes, by tone (sắc, huyền, hỏi, ngã, nặng).
pub const VNI_TONE: [u8; 5] = [0xF9, 0xF8, 0xFB, 0xF5, 0xEF];
/// VNI: the circumflex (â ê ô) alone, then with each tone.
pub const VNI_CIRCUMFLEX: (u8, [u8; 5]) = (0xE2, [0xE1, 0xE0, 0xE5, 0xE3, 0xE4]);
/// VNI: the breve (ă) alone, then with each tone.
pub const VNI_BREVE: (u8, [u8; 5]) = (0xEA, [0xE9, 0xE8, 0xFA, 0xFC, 0xEB]);
/// VNI letters written as one byte: ơ ư đ, and the toned i and ỵ. Toned ơ
/// and ư are the one byte followed by a tone byte.
pub const VNI_SINGLE: &[(char, u8)] = &[
    ('ơ', 0xF4),
    ('ư', 0xF6),
    ('đ', 0xF1),
    ('í', 0xED),
    ('ì', 0xEC),
    ('ỉ', 0xE6),
    ('ĩ', 0xF3),
    ('ị', 0xF2),
    ('ỵ', 0xEE),
];
/// VNI: a capital letter's bytes are its lower-case bytes minus this (the
/// mark bytes too: "AÙ" is Á).
pub const VNI_CASE_OFFSET: u8 = 0x20;
