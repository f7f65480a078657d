//! Document numbers (số ký hiệu): the two forms in use and the usual
//! wrong ways of writing them.

use std::sync::LazyLock;

use regex::Regex;

use crate::i18n::Message;
use crate::msg;

/// What is wrong with a document number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberProblem {
    /// The year of a normative document is outside 1945–2100.
    Year(i32),
    /// The symbol after the year starts with a small letter.
    SymbolCase,
    /// "Số 14/2019/QĐ-TTg": the word "Số" copied from the document.
    Prefix,
    /// A character that looks like `-` or `/` but is not (an en dash from
    /// Word, a full-width slash…), at a 1-based character position.
    LookAlike {
        /// The character.
        found: char,
        /// Its 1-based position in the number.
        position: usize,
    },
    /// Blanks inside the number.
    Spaces,
    /// No `/` between the parts.
    NoSlash,
    /// Anything else.
    Unrecognised,
}

impl NumberProblem {
    /// The problem in words, in the language of the run.
    pub fn message(&self) -> Message {
        match self {
            NumberProblem::Year(year) => msg!("doc-number-year", year = year.to_string()),
            NumberProblem::SymbolCase => msg!("doc-number-symbol-case"),
            NumberProblem::Prefix => msg!("doc-number-prefix"),
            NumberProblem::LookAlike { found, position } => msg!(
                "doc-number-look-alike",
                char = *found,
                name = character_name(*found),
                code = format!("U+{:04X}", u32::from(*found)),
                position = *position
            ),
            NumberProblem::Spaces => msg!("doc-number-spaces"),
            NumberProblem::NoSlash => msg!("doc-number-no-slash"),
            NumberProblem::Unrecognised => msg!("doc-number-unrecognised"),
        }
    }
}

/// Characters that Word or a keyboard puts where `-` or `/` belong, and
/// what they should be.
const LOOK_ALIKES: &[(char, char)] = &[
    ('\u{2010}', '-'), // hyphen
    ('\u{2011}', '-'), // non-breaking hyphen
    ('\u{2012}', '-'), // figure dash
    ('\u{2013}', '-'), // en dash (Word's autocorrect of " - ")
    ('\u{2014}', '-'), // em dash
    ('\u{2015}', '-'), // horizontal bar
    ('\u{2212}', '-'), // minus sign
    ('\u{FE63}', '-'), // small hyphen-minus
    ('\u{FF0D}', '-'), // full-width hyphen-minus
    ('\u{00AD}', '-'), // soft hyphen
    ('\\', '/'),       // backslash
    ('\u{2215}', '/'), // division slash
    ('\u{2044}', '/'), // fraction slash
    ('\u{FF0F}', '/'), // full-width solidus
    ('|', '/'),
];

/// The name of a look-alike character, in the language of the run.
fn character_name(c: char) -> Message {
    match c {
        '\u{2013}' => msg!("char-en-dash"),
        '\u{2014}' | '\u{2015}' => msg!("char-em-dash"),
        '\u{2212}' => msg!("char-minus"),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{FE63}' | '\u{FF0D}' | '\u{00AD}' => {
            msg!("char-other-dash")
        }
        '\\' => msg!("char-backslash"),
        _ => msg!("char-other-slash"),
    }
}

/// Checks a document number against the two forms in use: normative
/// documents `number/year/TYPE-ISSUER` (`14/2019/QĐ-TTg`, `59/2020/QH14`)
/// and administrative ones `number/TYPE-ISSUER` (`266/KH-UBND`).
pub fn check_document_number(number: &str) -> Result<(), NumberProblem> {
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
            return Err(NumberProblem::Year(year));
        }
        if !c[3].chars().next().is_some_and(char::is_uppercase) {
            return Err(NumberProblem::SymbolCase);
        }
        return Ok(());
    }
    if ADMINISTRATIVE.is_match(n) {
        return Ok(());
    }
    if n.starts_with("Số") || n.starts_with("số") || n.starts_with("SỐ") {
        return Err(NumberProblem::Prefix);
    }
    if let Some((i, found)) = n
        .chars()
        .enumerate()
        .find(|(_, c)| LOOK_ALIKES.iter().any(|(l, _)| l == c))
    {
        return Err(NumberProblem::LookAlike {
            found,
            position: i + 1,
        });
    }
    if n.contains(char::is_whitespace) {
        return Err(NumberProblem::Spaces);
    }
    if !n.contains('/') {
        return Err(NumberProblem::NoSlash);
    }
    Err(NumberProblem::Unrecognised)
}

/// A corrected form of a document number written the usual wrong ways
/// (`Số 14/2019/QĐ-TTg`, `14 / 2019 / QĐ-TTg`, `14-2019-QĐ-TTg`), when the
/// correction is valid.
pub fn suggest_document_number(number: &str) -> Option<String> {
    let n = number.trim();
    let n = n
        .strip_prefix("Số")
        .or_else(|| n.strip_prefix("số"))
        .or_else(|| n.strip_prefix("SỐ"))
        .unwrap_or(n)
        .trim_start_matches([':', '.', ' ']);
    let compact: String = n
        .split_whitespace()
        .collect::<String>()
        .chars()
        .map(|c| {
            LOOK_ALIKES
                .iter()
                .find(|(l, _)| *l == c)
                .map_or(c, |(_, right)| *right)
        })
        .collect();
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
    fn the_wrong_character_is_named() {
        assert_eq!(
            check_document_number("14/2019/QĐ\u{2013}TTg"),
            Err(NumberProblem::LookAlike {
                found: '\u{2013}',
                position: 11
            })
        );
        assert_eq!(
            check_document_number("Số 14/2019/QĐ-TTg"),
            Err(NumberProblem::Prefix)
        );
        assert_eq!(
            check_document_number("266/KH UBND"),
            Err(NumberProblem::Spaces)
        );
        assert_eq!(
            check_document_number("14/1800/QĐ-TTg"),
            Err(NumberProblem::Year(1800))
        );
        let m = NumberProblem::LookAlike {
            found: '\u{2013}',
            position: 11,
        }
        .message();
        assert!(m.as_str().contains('\u{2013}'), "{m}");
        assert!(m.as_str().contains("11"), "{m}");
    }

    #[test]
    fn document_numbers_written_the_usual_wrong_ways_get_a_fix() {
        let fix = |n: &str| suggest_document_number(n);
        assert_eq!(fix("Số 14/2019/QĐ-TTg").as_deref(), Some("14/2019/QĐ-TTg"));
        assert_eq!(fix("14 / 2019 / QĐ-TTg").as_deref(), Some("14/2019/QĐ-TTg"));
        assert_eq!(fix("14-2019-QĐ-TTg").as_deref(), Some("14/2019/QĐ-TTg"));
        assert_eq!(fix("266-KH-UBND").as_deref(), Some("266/KH-UBND"));
        assert_eq!(
            fix("14/2019/QĐ\u{2013}TTg").as_deref(),
            Some("14/2019/QĐ-TTg")
        );
        assert_eq!(fix("266\\KH–UBND").as_deref(), Some("266/KH-UBND"));
        assert_eq!(fix("abc"), None);
        assert_eq!(fix("14/2019/QĐ-TTg"), None);
    }
}
