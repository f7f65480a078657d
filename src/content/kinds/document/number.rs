//! Document numbers (số ký hiệu): the two forms in use and the usual
//! wrong ways of writing them.

use std::sync::LazyLock;

use regex::Regex;

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
}
