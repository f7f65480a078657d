//! Policy dialogues (category 2.5).

use crate::content::model::Dialogue;
use crate::fields::{Fields, Key};

use super::{HELD_ON, PARTICIPANTS, PLACE};

const TOPIC: Key = Key::new("topic", "chu_de");
const CHAIR: Key = Key::new("chair", "chu_tri");
const ATTENDEES: Key = Key::new("attendees", "thanh_phan");
const OUTCOME: Key = Key::new("outcome", "ket_qua");

/// The keys of a dialogue entry.
pub(super) const KEYS: &[Key] = &[
    HELD_ON,
    PLACE,
    TOPIC,
    CHAIR,
    ATTENDEES,
    PARTICIPANTS,
    OUTCOME,
];

/// Reads the keys of a dialogue entry.
pub(super) fn read(f: &mut Fields<'_>) -> Dialogue {
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
