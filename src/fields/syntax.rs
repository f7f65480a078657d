//! Explaining a line the TOML parser could not read, in the words of the
//! person who wrote it. Officers copy values out of Word documents: the
//! usual mistakes are Word's curly quotes (`title = “…”`), dates written
//! the Vietnamese way without quotes (`issue_date = 31/02/2026`), dates that
//! do not exist (`2026-02-30`) and text without quotes. Each gets its own
//! message and, where the fix is certain, the corrected line.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::i18n::Message;
use crate::msg;

/// What went wrong on a line, for a diagnostic.
pub struct Explained {
    /// The diagnostic code.
    pub code: &'static str,
    /// What is wrong.
    pub message: Message,
    /// How to fix it.
    pub help: Message,
}

/// `key = value` on one line (the value up to a trailing comment is not
/// separated: values may contain `#`).
fn key_value(line: &str) -> Option<(&str, &str)> {
    static KV: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^\s*([A-Za-z0-9_.\-"']+)\s*=\s*(.*?)\s*$"#)
            .expect("constant pattern, checked by the tests")
    });
    let c = KV.captures(line)?;
    Some((c.get(1)?.as_str(), c.get(2)?.as_str()))
}

/// The line with its value replaced.
fn with_value(line: &str, key: &str, value: &str) -> String {
    let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
    format!("{indent}{key} = {value}")
}

/// Longest corrected line a help shows, in characters.
const MAX_FIXED_LINE: usize = 200;

const OPENING_QUOTES: [char; 5] = ['“', '„', '‟', '«', '‘'];
const CLOSING_QUOTES: [char; 4] = ['”', '»', '’', '‛'];

/// Explains why `line` (line number `number` of its file) did not parse;
/// `detail` is the parser's own words, used when nothing better is known.
pub fn explain(line: &str, number: usize, detail: &str) -> Explained {
    // A corrected line is shown only when it is short enough to read (a
    // 1 MB line would be printed whole).
    let fixed = |fixed: String| match fixed.chars().count() {
        ..=MAX_FIXED_LINE => msg!("syntax-fixed-line", line = number, fixed = fixed),
        _ => msg!("syntax-help"),
    };
    if let Some((key, value)) = key_value(line) {
        // title = “Tin” — Word's curly quotes.
        if value.starts_with(OPENING_QUOTES) || value.starts_with(CLOSING_QUOTES) {
            let inner = value
                .trim_start_matches(OPENING_QUOTES)
                .trim_start_matches(CLOSING_QUOTES)
                .trim_end_matches(CLOSING_QUOTES)
                .trim_end_matches(OPENING_QUOTES)
                .replace('\\', "\\\\")
                .replace('"', "\\\"");
            return Explained {
                code: "smart-quotes",
                message: msg!("syntax-smart-quotes", key = key),
                help: fixed(with_value(line, key, &format!("\"{inner}\""))),
            };
        }
        // issue_date = 31/02/2026 — a date the Vietnamese way, unquoted.
        if let Some((day, month, year)) = day_month_year(value) {
            return match check_date(year, month, day) {
                Ok(date) => Explained {
                    code: "date-format",
                    message: msg!("date-dmy", key = key),
                    help: fixed(with_value(line, key, &date.format("%Y-%m-%d").to_string())),
                },
                Err(why) => Explained {
                    code: "bad-date",
                    message: why,
                    help: impossible_date_help(key),
                },
            };
        }
        // date = 2026-02-30 — the right form, but no such day.
        if let Some((year, month, day)) = year_month_day(value) {
            return match check_date(year, month, day) {
                // 2026-5-7: one digit where two are needed.
                Ok(date) => Explained {
                    code: "date-format",
                    message: msg!("date-two-digits", key = key),
                    help: fixed(with_value(line, key, &date.format("%Y-%m-%d").to_string())),
                },
                Err(why) => Explained {
                    code: "bad-date",
                    message: why,
                    help: impossible_date_help(key),
                },
            };
        }
        // title = "Tin — the closing quote is missing.
        if value.starts_with('"') && !value.starts_with("\"\"\"") && value[1..].find('"').is_none()
        {
            return Explained {
                code: "toml-syntax",
                message: msg!("syntax-unclosed-quote", key = key),
                help: fixed(with_value(line, key, &format!("{value}\""))),
            };
        }
        // title = Tin không có ngoặc kép — text without quotes.
        if detail.contains("must be quoted") || looks_like_bare_text(value) {
            let text = value.replace('\\', "\\\\").replace('"', "\\\"");
            return Explained {
                code: "toml-syntax",
                message: msg!("syntax-unquoted-text", key = key),
                help: fixed(with_value(line, key, &format!("\"{text}\""))),
            };
        }
    } else if !line.trim_start().starts_with('[')
        && !line.trim_start().starts_with('#')
        && !line.trim().is_empty()
        && (detail.contains("assignment") || detail.contains("key with no value"))
    {
        return Explained {
            code: "toml-syntax",
            message: msg!("syntax-missing-equals"),
            help: msg!("syntax-help"),
        };
    }
    let message = if detail.contains("duplicate key") {
        msg!("syntax-duplicate-key")
    } else if detail.contains("unclosed table") || detail.contains("unclosed array table") {
        msg!("syntax-unclosed-table")
    } else if detail.contains("unclosed array") || detail.contains("missing comma between array") {
        msg!("syntax-list")
    } else {
        msg!("syntax-other", detail = detail)
    };
    Explained {
        code: "toml-syntax",
        message,
        help: msg!("syntax-help"),
    }
}

/// Whether a value that failed to parse reads as words (not a number, a
/// date, a list, a table or a quoted text).
fn looks_like_bare_text(value: &str) -> bool {
    let first = value.chars().next();
    first.is_some_and(|c| c.is_alphabetic()) && !matches!(value, "true" | "false")
}

/// `31/02/2026`, `31-02-2026`, `31.02.2026` (day first), unquoted.
fn day_month_year(value: &str) -> Option<(u32, u32, i32)> {
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*(#.*)?$")
            .expect("constant pattern, checked by the tests")
    });
    let c = DMY.captures(value)?;
    Some((c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))
}

/// `2026-02-30`, `2026-5-7` (year first), unquoted, maybe with a time.
fn year_month_day(value: &str) -> Option<(i32, u32, u32)> {
    static YMD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{4})-(\d{1,2})-(\d{1,2})([T ][0-9:.+\-Z]*)?\s*(#.*)?$")
            .expect("constant pattern, checked by the tests")
    });
    let c = YMD.captures(value)?;
    Some((c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))
}

/// The date, or why it does not exist, naming the day and the month.
pub fn check_date(year: i32, month: u32, day: u32) -> Result<NaiveDate, Message> {
    let shown = format!("{day:02}/{month:02}/{year}");
    if !(1..=12).contains(&month) {
        return Err(msg!(
            "date-no-such-month",
            date = shown,
            month = month.to_string()
        ));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let days = (28..=31)
            .rev()
            .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
            .unwrap_or(28);
        msg!(
            "date-no-such-day",
            date = shown,
            month = month.to_string(),
            year = year.to_string(),
            days = days
        )
    })
}

/// A date written as text (`"30/02/2026"`, `"2026-02-30"`) that is not a
/// real day: why, naming the day and the month. `None` when the text is
/// not a date at all.
pub fn impossible_date(text: &str) -> Option<Message> {
    let text = text.trim();
    let (year, month, day) =
        year_month_day(text).or_else(|| day_month_year(text).map(|(d, m, y)| (y, m, d)))?;
    check_date(year, month, day).err()
}

/// How to write a date when the one given does not exist.
pub fn impossible_date_help(key: &str) -> Message {
    msg!("date-check-help", key = key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_quotes_get_the_corrected_line() {
        let e = explain("title = “Tin hội nghị”", 2, "string values must be quoted");
        assert_eq!(e.code, "smart-quotes");
        assert!(
            e.help.as_str().contains("title = \"Tin hội nghị\""),
            "{}",
            e.help
        );
        let e = explain("  title = ‘Tin’", 2, "");
        assert!(e.help.as_str().contains("  title = \"Tin\""), "{}", e.help);
    }

    #[test]
    fn vietnamese_dates_become_year_month_day() {
        let e = explain("issue_date = 28/02/2026", 5, "");
        assert_eq!(e.code, "date-format");
        assert!(
            e.help.as_str().contains("issue_date = 2026-02-28"),
            "{}",
            e.help
        );
        let e = explain("issue_date = 31/02/2026", 5, "");
        assert_eq!(e.code, "bad-date");
        assert!(e.message.as_str().contains("31/02/2026"), "{}", e.message);
        assert!(e.message.as_str().contains("28"), "{}", e.message);
        let e = explain("date = 2026-13-01", 3, "invalid date");
        assert!(e.message.as_str().contains("13"), "{}", e.message);
        let e = explain("date = 2026-5-7", 3, "");
        assert!(e.help.as_str().contains("date = 2026-05-07"), "{}", e.help);
    }

    #[test]
    fn leap_years_are_known() {
        assert!(check_date(2028, 2, 29).is_ok());
        assert!(check_date(2026, 2, 29).is_err());
        assert!(impossible_date("31/04/2026").is_some());
        assert!(impossible_date("30/04/2026").is_none());
        assert!(impossible_date("hôm qua").is_none());
    }

    #[test]
    fn text_without_quotes_gets_them() {
        let e = explain(
            "title = Tin không có ngoặc kép",
            2,
            "string values must be quoted",
        );
        assert_eq!(e.code, "toml-syntax");
        assert!(
            e.help
                .as_str()
                .contains("title = \"Tin không có ngoặc kép\""),
            "{}",
            e.help
        );
        let e = explain("title = \"Tin", 2, "invalid basic string");
        assert!(e.help.as_str().contains("title = \"Tin\""), "{}", e.help);
    }
}
