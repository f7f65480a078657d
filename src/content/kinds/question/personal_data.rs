//! Personal data that must not be published: e-mail addresses, phone
//! numbers, ID-card numbers (CMND: 9 digits, CCCD: 12 digits).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::i18n::Message;
use crate::msg;

/// A kind of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An e-mail address.
    Email,
    /// A phone number (Vietnamese mobile or landline, or +84…).
    Phone,
    /// A 9-digit identity-card or 12-digit citizen-ID number.
    IdCard,
}

impl Kind {
    /// What it is, in words ("một số điện thoại").
    pub fn name(self) -> Message {
        match self {
            Kind::Email => msg!("personal-email"),
            Kind::Phone => msg!("personal-phone"),
            Kind::IdCard => msg!("personal-id-card"),
        }
    }
}

/// One piece of personal data found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// What it is.
    pub kind: Kind,
    /// Where, as a byte range of the text searched.
    pub range: Range<usize>,
}

fn patterns() -> &'static [(Kind, Regex)] {
    static P: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
        [
            (Kind::Email, r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),
            (Kind::Phone, r"(?:\+84|\b0)(?:[\s.-]?\d){8,10}\b"),
            (Kind::IdCard, r"\b\d{12}\b|\b\d{9}\b"),
        ]
        .into_iter()
        .filter_map(|(kind, re)| Regex::new(re).ok().map(|r| (kind, r)))
        .collect()
    });
    &P
}

/// Every piece of personal data in `text`, in order, none overlapping
/// (an e-mail address wins over the digits inside it).
pub fn find_all(text: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let digits = has_digit_run(text, 9);
    for (kind, re) in patterns() {
        let may_hold = match kind {
            Kind::Email => text.contains('@'),
            Kind::Phone | Kind::IdCard => digits,
        };
        if !may_hold {
            continue;
        }
        for m in re.find_iter(text) {
            let range = m.range();
            if found
                .iter()
                .all(|f| f.range.end <= range.start || range.end <= f.range.start)
            {
                found.push(Found { kind: *kind, range });
            }
        }
    }
    found.sort_by_key(|f| f.range.start);
    found
}

/// Whether `text` has `n` digits in a row, with at most one blank, `.` or
/// `-` between two of them: what a phone number (`0` or `+84`, then eight
/// digits or more) and an ID number (nine digits or twelve) need. Most
/// texts have none, and skip the patterns, whose Unicode word boundaries
/// make them slow on Vietnamese text. Counts every numeric character, so
/// it never misses a match of `\d`.
fn has_digit_run(text: &str, n: usize) -> bool {
    let (mut run, mut gap) = (0, false);
    for c in text.chars() {
        if c.is_numeric() {
            run += 1;
            gap = false;
            if run >= n {
                return true;
            }
        } else if run > 0 && !gap && (c.is_whitespace() || c == '.' || c == '-') {
            gap = true;
        } else {
            run = 0;
            gap = false;
        }
    }
    false
}

/// What personal data `text` seems to contain first, if any, in words.
pub fn personal_data(text: &str) -> Option<Message> {
    find_all(text).first().map(|f| f.kind.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        find_all(text)
            .into_iter()
            .map(|f| (f.kind, &text[f.range]))
            .collect()
    }

    #[test]
    fn personal_data_is_spotted() {
        assert_eq!(
            kinds("gọi 0912 345 678 giúp tôi"),
            [(Kind::Phone, "0912 345 678")]
        );
        assert_eq!(
            kinds("thư: an.nguyen@gmail.com"),
            [(Kind::Email, "an.nguyen@gmail.com")]
        );
        assert_eq!(kinds("CCCD 001203004567"), [(Kind::IdCard, "001203004567")]);
        assert!(kinds("Theo Nghị định 13/2023/NĐ-CP, năm 2026").is_empty());
    }

    #[test]
    fn texts_skipped_by_the_quick_test_hold_nothing_the_patterns_find() {
        let texts = [
            "gọi 0912 345 678",
            "gọi +84 912 345 678",
            "gọi +84\u{a0}912\u{3000}345-678",
            "số ０９１２３４５６７８ nhé",
            "CMND 123456789.",
            "0912  345 678 (hai dấu cách: không phải số điện thoại)",
            "12 34 56 78 9",
            "Bảng: | 4523 | 17 | 2019 |, số 13/2019/NQ-HĐND",
            "an@x.vn",
        ];
        for text in texts {
            let all: Vec<Found> = patterns()
                .iter()
                .flat_map(|(kind, re)| re.find_iter(text).map(|m| (*kind, m.range())))
                .map(|(kind, range)| Found { kind, range })
                .collect();
            let quick = has_digit_run(text, 9);
            for f in &all {
                assert!(f.kind == Kind::Email || quick, "{text:?}: {f:?}");
            }
            if !all.is_empty() {
                assert!(!find_all(text).is_empty(), "{text:?}");
            }
        }
        assert!(!has_digit_run("Bảng: | 4523 | 17 |, 13/2019/NQ-HĐND", 9));
    }

    #[test]
    fn every_match_is_found_in_order() {
        assert_eq!(
            kinds("thư an@x.vn, gọi 0912.345.678 hoặc +84 912 345 679, CMND 123456789"),
            [
                (Kind::Email, "an@x.vn"),
                (Kind::Phone, "0912.345.678"),
                (Kind::Phone, "+84 912 345 679"),
                (Kind::IdCard, "123456789"),
            ]
        );
    }
}
