//! Folding for search, from the table the JavaScript client reads too
//! ([`TABLE_JSON`], `src/search/fold.json`).
//!
//! The table maps characters to what they fold to: a lowercase ASCII
//! letter or digit (`Ấ` → `a`, `Đ` → `d`, `Ｑ` → `q`), two letters
//! (`æ` → `ae`), nothing (combining marks, so text in NFD folds like NFC,
//! and `hoà` like `hòa`; zero-width characters), a space (no-break and
//! other spaces), or a connector `-` / `/` (dashes and slashes of every
//! kind, so `QĐ–TTg` with an en dash is `qd-ttg`). Characters the table
//! does not name: ASCII letters and digits stay, `-` and `/` connect,
//! space and tab are spaces; any other letter or digit of any script stays
//! as it is; everything else (punctuation, line breaks) breaks.
//!
//! `fold.json` was made from Unicode's decompositions (every letter of
//! Latin-1, Latin Extended-A/B and Latin Extended Additional whose
//! decomposition is an ASCII letter plus combining marks), plus `đ/Đ`,
//! `ð/Ð`, `ø`, `ł`, `ß`, `æ`, `œ`, `ħ`, `ŧ`, `ı`, the combining marks,
//! dashes, slashes, spaces and full-width letters and digits. It folds
//! every Vietnamese letter exactly as [`crate::text::fold`] does (tested).

use std::collections::HashMap;
use std::sync::LazyLock;

/// The folding table, as both the indexer and the JavaScript client read
/// it: `{ "<folds to>": "<characters>", … }`.
pub const TABLE_JSON: &str = include_str!("fold.json");

/// What one character of text is, once folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded<'t> {
    /// Part of a word: these letters or digits.
    Letters(&'t str),
    /// A letter or digit the table does not name, kept as it is.
    Keep(char),
    /// `-` or `/`: joins the letters on either side into one word
    /// (`14/2019/qd-ttg`).
    Connector(char),
    /// A space: words on either side still make a phrase.
    Space,
    /// Nothing (a combining mark, a zero-width character).
    Nothing,
    /// Punctuation, a line break: ends the phrase.
    Break,
}

struct Table {
    /// For characters below [`Table::DIRECT`]: index into `targets`, or
    /// `u16::MAX`.
    direct: Vec<u16>,
    /// The others the table names.
    other: HashMap<char, u16>,
    /// What characters fold to.
    targets: Vec<&'static str>,
}

impl Table {
    /// Characters below this are looked up in an array (every Latin
    /// letter, the combining marks, Latin Extended Additional).
    const DIRECT: usize = 0x2000;

    fn load() -> Self {
        // The table is part of the program; a broken one fails every test.
        let groups: std::collections::BTreeMap<String, String> =
            serde_json::from_str(TABLE_JSON).unwrap_or_default();
        let mut table = Table {
            direct: vec![u16::MAX; Self::DIRECT],
            other: HashMap::new(),
            targets: Vec::new(),
        };
        for (target, chars) in groups {
            let id = table.targets.len() as u16;
            table.targets.push(Box::leak(target.into_boxed_str()));
            for c in chars.chars() {
                match table.direct.get_mut(c as usize) {
                    Some(slot) => *slot = id,
                    None => {
                        table.other.insert(c, id);
                    }
                }
            }
        }
        table
    }

    fn get(&self, c: char) -> Option<&'static str> {
        let id = match self.direct.get(c as usize) {
            Some(&id) => id,
            None => *self.other.get(&c)?,
        };
        self.targets.get(id as usize).copied()
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(Table::load);

/// Folds one character (see the module documentation).
pub fn fold_char(c: char) -> Folded<'static> {
    if let Some(target) = TABLE.get(c) {
        return match target {
            "" => Folded::Nothing,
            " " => Folded::Space,
            "-" => Folded::Connector('-'),
            "/" => Folded::Connector('/'),
            t => Folded::Letters(t),
        };
    }
    match c {
        'a'..='z' | '0'..='9' => Folded::Letters(ascii(c)),
        '-' | '/' => Folded::Connector(c),
        ' ' | '\t' => Folded::Space,
        c if !c.is_ascii() && (c.is_alphabetic() || c.is_numeric()) => Folded::Keep(c),
        _ => Folded::Break,
    }
}

/// The one-letter string of an ASCII letter or digit.
fn ascii(c: char) -> &'static str {
    const ALL: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let i = match c {
        '0'..='9' => c as usize - '0' as usize,
        _ => c as usize - 'a' as usize + 10,
    };
    &ALL[i..=i]
}

/// Folds text for search: `"Quyết định 14/2019/QĐ–TTg"` →
/// `"quyet dinh 14/2019/qd-ttg"`: letters folded, connectors kept, every
/// space and break one space, trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let piece = match fold_char(c) {
            Folded::Letters(t) => Some(Piece::Str(t)),
            Folded::Keep(c) | Folded::Connector(c) => Some(Piece::Char(c)),
            Folded::Space | Folded::Break => {
                space = true;
                None
            }
            Folded::Nothing => None,
        };
        if let Some(piece) = piece {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            match piece {
                Piece::Str(t) => out.push_str(t),
                Piece::Char(c) => out.push(c),
            }
        }
    }
    out
}

enum Piece {
    Str(&'static str),
    Char(char),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_names_each_character_once() {
        let groups: std::collections::BTreeMap<String, String> =
            serde_json::from_str(TABLE_JSON).expect("fold.json is JSON");
        let mut seen = std::collections::HashSet::new();
        for (target, chars) in &groups {
            for c in chars.chars() {
                assert!(
                    seen.insert(c),
                    "{c:?} is named twice (again for {target:?})"
                );
            }
        }
        assert!(seen.len() > 600);
    }

    #[test]
    fn vietnamese_letters_fold_as_the_rest_of_pbgdpl_folds_them() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợ\
                       pqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        for c in letters.chars().chain(letters.to_uppercase().chars()) {
            let text = c.to_string();
            assert_eq!(fold(&text), crate::text::fold(&text), "{c}");
        }
    }
}
