//! Personal data that must not be published: e-mail addresses, phone
//! numbers, ID-card numbers.

use std::sync::LazyLock;

use regex::Regex;

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
pub(super) fn personal_data_at(text: &str) -> Option<(&'static str, &str)> {
    personal_data_patterns()
        .iter()
        .find_map(|(what, re)| re.find(text).map(|m| (*what, m.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

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
