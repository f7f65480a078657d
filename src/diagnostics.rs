//! Diagnostics for people: every problem found in a site, with the file,
//! line and column, the offending line, a caret, and a hint on how to fix it.
//!
//! Loading and validation push diagnostics into a [`Diagnostics`] collector
//! and carry on, so one run reports every problem (like ripgrep's non-fatal
//! errors); the caller decides at the end whether errors stop the build.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::i18n::Message;
use crate::msg;
use crate::source::SourceFile;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site cannot be published until this is fixed.
    Error,
    /// Publishing works, but something is probably wrong.
    Warning,
}

/// Where a diagnostic points: a span of one line of a source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// File path relative to the site root, `/`-separated.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The whole text of that line.
    #[serde(skip)]
    pub line_text: String,
    /// How many characters the caret underline covers (at least 1).
    #[serde(skip)]
    pub width: usize,
}

/// One problem found in a site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case code for machines (`unknown-key`, `missing-title`…).
    pub code: &'static str,
    /// What is wrong, in plain words, in the language of the run (a
    /// [`msg!`](crate::msg) of the catalogue).
    pub message: String,
    /// Where, when the problem has a position.
    #[serde(skip_serializing_if = "Option::is_none", flatten)]
    pub location: Option<Location>,
    /// How to fix it, in the language of the run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// Longest source line shown whole under a diagnostic, in characters.
const MAX_SHOWN_LINE: usize = 240;

/// The part of a long line around a 1-based `column` (a 1 MB line is not
/// printed whole), with `…` where it is cut, and the column and caret
/// width within that part.
fn excerpt(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    let len = line.chars().count();
    if len <= MAX_SHOWN_LINE {
        return (line.to_string(), column, width);
    }
    let start = column.saturating_sub(1).saturating_sub(MAX_SHOWN_LINE / 3);
    let end = (start + MAX_SHOWN_LINE).min(len);
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(start).take(end - start));
    if end < len {
        shown.push('…');
    }
    let at = column.saturating_sub(1);
    let width = ((at + width).min(end).saturating_sub(at)).max(1);
    (shown, at - start + 1 + usize::from(start > 0), width)
}

impl Diagnostic {
    /// A new error with a code and a message of the catalogue:
    /// `Diagnostic::error("unknown-key", msg!("unknown-key", key = name))`.
    pub fn error(code: &'static str, message: impl Into<Message>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into().into_string(),
            location: None,
            help: None,
        }
    }

    /// A new warning with a code and a message of the catalogue.
    pub fn warning(code: &'static str, message: impl Into<Message>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, message)
        }
    }

    /// Points the diagnostic at a byte range of a source file.
    pub fn at(mut self, source: &SourceFile, span: Range<usize>) -> Self {
        let start = source.position(span.start);
        let line_text = source.line_text(start.line).to_string();
        let end_on_line = if source.position(span.end).line == start.line {
            source.position(span.end).column
        } else {
            line_text.chars().count() + 1
        };
        self.location = Some(Location {
            file: source.rel_path.clone(),
            line: start.line,
            column: start.column,
            width: end_on_line.saturating_sub(start.column).max(1),
            line_text,
        });
        self
    }

    /// Points the diagnostic at a whole file (line 1, column 1).
    pub fn in_file(mut self, file: &str) -> Self {
        self.location = Some(Location {
            file: file.to_string(),
            line: 1,
            column: 1,
            line_text: String::new(),
            width: 0,
        });
        self
    }

    /// Points the diagnostic at a line and column of a file whose text is
    /// not a [`SourceFile`] (a file that could not be read as UTF-8: the
    /// line is shown decoded).
    pub fn at_line(mut self, file: &str, line: usize, column: usize, line_text: &str) -> Self {
        self.location = Some(Location {
            file: file.to_string(),
            line,
            column,
            width: 1,
            line_text: line_text.to_string(),
        });
        self
    }

    /// Points the diagnostic at a directory (no line or column).
    pub fn in_dir(mut self, dir: &str) -> Self {
        self.location = Some(Location {
            file: format!("{}/", dir.trim_end_matches('/')),
            line: 0,
            column: 0,
            line_text: String::new(),
            width: 0,
        });
        self
    }

    /// Adds a hint on how to fix the problem (a message of the catalogue).
    pub fn help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into().into_string());
        self
    }

    /// Renders the diagnostic like cargo does, optionally with ANSI colours.
    pub fn render(&self, color: bool) -> String {
        let paint = |code: &str, s: &str| {
            if color {
                format!("\x1b[{code}m{s}\x1b[0m")
            } else {
                s.to_string()
            }
        };
        let (label, label_color) = match self.severity {
            Severity::Error => (msg!("label-error"), "1;31"),
            Severity::Warning => (msg!("label-warning"), "1;33"),
        };
        let label = label.as_str();
        let help_label = msg!("label-help");
        let mut out = format!(
            "{}{}\n",
            paint(label_color, label),
            paint("1", &format!(": {}", self.message))
        );
        if let Some(loc) = &self.location {
            let gutter = " ".repeat(loc.line.to_string().len());
            if loc.line == 0 {
                let _ = writeln!(out, "{gutter}{} {}", paint("1;34", "-->"), loc.file);
            } else {
                let _ = writeln!(
                    out,
                    "{gutter}{} {}:{}:{}",
                    paint("1;34", "-->"),
                    loc.file,
                    loc.line,
                    loc.column
                );
            }
            if loc.width > 0 {
                let bar = paint("1;34", "|");
                let (shown, column, width) = excerpt(&loc.line_text, loc.column, loc.width);
                let caret_pad: String = shown
                    .chars()
                    .take(column - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(out, "{gutter} {bar}");
                let _ = writeln!(
                    out,
                    "{} {bar} {}",
                    paint("1;34", &loc.line.to_string()),
                    shown
                );
                let _ = writeln!(
                    out,
                    "{gutter} {bar} {caret_pad}{}",
                    paint(label_color, &"^".repeat(width))
                );
            }
            if let Some(help) = &self.help {
                let _ = writeln!(
                    out,
                    "{gutter} = {}: {help}",
                    paint("1", help_label.as_str())
                );
            }
        } else if let Some(help) = &self.help {
            let _ = writeln!(out, "  = {}: {help}", paint("1", help_label.as_str()));
        }
        out
    }

    /// Renders the diagnostic as a GitHub Actions workflow command
    /// (`::error file=…,line=…,col=…::message`).
    pub fn render_github(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let escape_data = |s: &str| {
            s.replace('%', "%25")
                .replace('\r', "%0D")
                .replace('\n', "%0A")
        };
        let escape_prop = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
        let mut message = self.message.clone();
        if let Some(help) = &self.help {
            message.push_str(&format!("\n{}: ", msg!("label-help")));
            message.push_str(help);
        }
        match &self.location {
            Some(loc) if loc.line == 0 => format!(
                "::{kind} file={},title={}::{}",
                escape_prop(&loc.file),
                escape_prop(self.code),
                escape_data(&message)
            ),
            Some(loc) => format!(
                "::{kind} file={},line={},col={},title={}::{}",
                escape_prop(&loc.file),
                loc.line,
                loc.column,
                escape_prop(self.code),
                escape_data(&message)
            ),
            None => format!(
                "::{kind} title={}::{}",
                escape_prop(self.code),
                escape_data(&message)
            ),
        }
    }
}

/// Every diagnostic of one run, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Moves every diagnostic of `other` into this collection.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when at least one diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Turns every warning into an error (`--strict`).
    pub fn promote_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    /// The diagnostics sorted by file, line, column, then message, so that
    /// output does not depend on the order parallel work finished in.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                d.location
                    .as_ref()
                    .map(|l| (l.file.clone(), l.line, l.column))
            };
            key(a)
                .cmp(&key(b))
                .then(a.severity.cmp(&b.severity))
                .then(a.message.cmp(&b.message))
        });
        v.dedup();
        v
    }

    /// Renders every diagnostic for a terminal, followed by a summary line.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            out.push_str(&d.render(color));
            out.push('\n');
        }
        out
    }

    /// Renders the diagnostics as a JSON document
    /// (`{"errors": n, "warnings": n, "diagnostics": [...]}`). The keys and
    /// codes are the same in every language; `message` and `help` are in
    /// the language of the run.
    pub fn render_json(&self) -> String {
        #[derive(Serialize)]
        struct Report<'a> {
            errors: usize,
            warnings: usize,
            diagnostics: Vec<&'a Diagnostic>,
        }
        let report = Report {
            errors: self.error_count(),
            warnings: self.warning_count(),
            diagnostics: self.sorted(),
        };
        serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
    }

    /// Renders the diagnostics as GitHub Actions annotations, one per line.
    /// The fields (`file`, `line`, `col`, `title` = the code) are the same
    /// in every language; the message is in the language of the run.
    pub fn render_github(&self) -> String {
        self.sorted()
            .into_iter()
            .map(|d| d.render_github() + "\n")
            .collect()
    }

    /// Iterates over the diagnostics in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        Self {
            items: iter.into_iter().collect(),
        }
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a
/// plausible typo (used for "did you mean" hints).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_shown_around_the_column() {
        assert_eq!(excerpt("a = 1", 3, 1), ("a = 1".to_string(), 3, 1));
        let line = format!("{}X{}", "a".repeat(5000), "b".repeat(5000));
        let (shown, column, width) = excerpt(&line, 5001, 3);
        assert!(shown.chars().count() <= MAX_SHOWN_LINE + 2, "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().nth(column - 1), Some('X'));
        assert_eq!(width, 3);
        // A caret at the very end of a long line.
        let (shown, column, _) = excerpt(&"a".repeat(500), 501, 1);
        assert_eq!(column, shown.chars().count() + 1);
    }

    #[test]
    fn renders_like_cargo() {
        let src = SourceFile::from_text(
            "content/tin-tuc/a.md",
            "x".into(),
            "+++\ntitel = \"Tin\"\n+++\n",
        );
        let d = Diagnostic::error("unknown-key", crate::msg!("unknown-key", key = "titel"))
            .at(&src, 4..9)
            .help(crate::msg!("unknown-key-did-you-mean", key = "title"));
        assert_eq!(
            d.render(false),
            "lỗi: không có mục `titel` (có thể viết sai tên mục)\n --> content/tin-tuc/a.md:2:1\n  |\n2 | titel = \"Tin\"\n  | ^^^^^\n  = gợi ý: có phải bạn muốn viết `title`?\n"
        );
        assert_eq!(
            d.render_github(),
            "::error file=content/tin-tuc/a.md,line=2,col=1,title=unknown-key::không có mục `titel` (có thể viết sai tên mục)%0Agợi ý: có phải bạn muốn viết `title`?"
        );
    }

    #[test]
    fn suggests_close_words_only() {
        let keys = ["title", "date", "summary"];
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("zzz", keys), None);
        assert_eq!(
            closest("van-ban", ["van-ban-moi", "tin-tuc"]),
            Some("van-ban-moi")
        );
    }
}
