//! Text pasted from Word keeps one line break between the parts of a
//! document ("Điều 1. …" / "Điều 2. …"), where Markdown needs a blank line:
//! the page would show the whole decision as one run-on paragraph. The
//! first line of each such paragraph that starts a new part gets a warning.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;
use crate::source::SourceFile;

/// A line that starts a part of a legal or administrative document:
/// Chương/Mục/Điều/Phần, a numbered clause ("2.", "2)"), a lettered
/// point ("b)"), or a recipients/signature line.
fn starts_a_part(line: &str) -> bool {
    static PART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(?:Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU|Phần|PHẦN)\s+[0-9IVXLC]+[.:]?(?:\s|$)|[0-9]{1,3}[.)]\s+\S|[a-zđ]\)\s+\S|Nơi nhận:)",
        )
        .expect("constant pattern, checked by the tests")
    });
    PART.is_match(line)
}

/// Lines that Markdown does not join to the line above: blank, headings,
/// lists, quotes, tables, HTML, indented code.
fn stands_alone(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty()
        || line.starts_with("    ")
        || line.starts_with('\t')
        || t.starts_with('#')
        || t.starts_with("- ")
        || t.starts_with("* ")
        || t.starts_with("+ ")
        || t.starts_with('>')
        || t.starts_with('|')
        || t.starts_with('<')
        || t.starts_with("1. ")
        || t.starts_with("1) ")
}

/// Warnings for the body of `source` starting at byte `body`.
pub fn check(source: &SourceFile, body: usize) -> Diagnostics {
    let mut d = Diagnostics::new();
    let text = source.text.get(body..).unwrap_or("");
    let mut offset = body;
    let mut previous_joins = false; // the line above is paragraph text
    let mut reported = false; // this paragraph already has its warning
    let mut fence: Option<&str> = None;
    let mut in_list = false; // numbered lines are items of a list
    let mut after_blank = false;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let t = line.trim_start();
        // `1. `, `12) `: one to three digits, then `.` or `)` and a blank
        // (read from the line's first bytes, not by searching the line).
        let numbered = {
            let b = t.as_bytes();
            let digits = b.iter().take(4).take_while(|c| c.is_ascii_digit()).count();
            (1..=3).contains(&digits)
                && matches!(b.get(digits), Some(b'.' | b')'))
                && b.get(digits + 1) == Some(&b' ')
        };
        if !t.is_empty() {
            if stands_alone(line) && (numbered || t.starts_with(['-', '*', '+'])) {
                in_list = true;
            } else if after_blank && !numbered && !line.starts_with(' ') {
                in_list = false;
            }
            after_blank = false;
        } else {
            after_blank = true;
        }
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
        } else if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            previous_joins = false;
        } else if line.trim().is_empty() {
            previous_joins = false;
            reported = false;
        } else if stands_alone(line) || (in_list && numbered) {
            previous_joins = false;
        } else {
            if previous_joins && !reported && starts_a_part(t) {
                let start = offset + (line.len() - t.len());
                let end = start + t.chars().take(12).map(char::len_utf8).sum::<usize>();
                d.push(
                    Diagnostic::warning("run-on-lines", msg!("run-on-lines"))
                        .at(source, start..end)
                        .help(msg!("run-on-lines-help")),
                );
                reported = true;
            }
            previous_joins = true;
        }
        offset += raw.len();
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(body: &str) -> Vec<usize> {
        let src = SourceFile::from_text("a.md", "a.md".into(), body);
        check(&src, 0)
            .iter()
            .map(|d| d.location.as_ref().unwrap().line)
            .collect()
    }

    #[test]
    fn a_pasted_decision_is_one_warning_per_paragraph() {
        let pasted = "QUYẾT ĐỊNH\nBan hành Quy chế\nĐiều 1. Ban hành kèm theo…\nĐiều 2. Quyết định có hiệu lực…\nĐiều 3. Chánh Văn phòng…\n\nĐoạn khác.\n2. Hai\n3. Ba\n";
        assert_eq!(lines(pasted), [3, 8]);
    }

    #[test]
    fn markdown_as_meant_is_left_alone() {
        let fine = "Điều 1. Ban hành.\n\nĐiều 2. Hiệu lực.\n\n1. Một\n2. Hai\n3. Ba\n\n4. Bốn\n\n- a\n- b\n\n```\nx\nĐiều 3. trong mã\n```\nCâu có số 2. ở giữa.\n";
        assert!(lines(fine).is_empty(), "{:?}", lines(fine));
    }
}
