//! The directory of contacts (legal reporters, advisers, offices).

use crate::content::model::Contact;
use crate::fields::{Fields, Key};
use crate::msg;

const CONTACTS: Key = Key::new("contacts", "lien_he");
const NAME: Key = Key::new("name", "ho_ten");
const POSITION: Key = Key::new("position", "chuc_vu");
const UNIT: Key = Key::new("unit", "don_vi");
const PHONE: Key = Key::new("phone", "dien_thoai");
const EMAIL: Key = Key::new("email", "email");

/// The keys of the directory page.
pub(super) const KEYS: &[Key] = &[CONTACTS];

/// Reads the contacts of the directory page.
pub(super) fn read(f: &mut Fields<'_>) -> Vec<Contact> {
    let mut out = Vec::new();
    for mut c in f.table_list(CONTACTS) {
        let name = c.required_text(NAME, msg!("what-contact-name"));
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
