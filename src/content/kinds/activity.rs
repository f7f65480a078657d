//! Activities (category 2.3): conferences, mobile campaigns, contests.

use crate::content::model::Activity;
use crate::fields::{Fields, Key};

use super::{EntryFacts, FIELD, HELD_ON, PARTICIPANTS, PLACE};

const FORM: Key = Key::new("form", "hinh_thuc");
const AUDIENCE: Key = Key::new("audience", "doi_tuong");
const ORGANIZER: Key = Key::new("organizer", "don_vi_to_chuc");
const REPORTERS: Key = Key::new("reporters", "bao_cao_vien");

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

/// The keys of an activity entry.
pub(super) const KEYS: &[Key] = &[
    HELD_ON,
    PLACE,
    FORM,
    AUDIENCE,
    PARTICIPANTS,
    ORGANIZER,
    REPORTERS,
    FIELD,
];

/// Reads the keys of an activity entry.
pub(super) fn read(f: &mut Fields<'_>, facts: &EntryFacts<'_>) -> Activity {
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
