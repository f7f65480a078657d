//! Reading a TOML table key by key, keeping positions.
//!
//! `site.toml`, front matter and data tables are parsed with toml's spanned
//! document model, then read through [`Fields`]: each typed getter checks one
//! key (canonical English name or its Vietnamese alias), records a diagnostic
//! with the exact position when the value is wrong, and carries on. At the
//! end, [`Fields::finish`] reports every key nobody asked for, with the
//! closest valid key as a hint. One pass therefore reports all the problems
//! of a table, not just the first.

pub mod syntax;

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::date::{self, Timestamp};
use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::i18n::Message;
use crate::msg;
use crate::source::SourceFile;
use crate::text::fold;

/// A key: its canonical English name and its Vietnamese alias (no diacritics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// Canonical name (`title`).
    pub name: &'static str,
    /// Accepted alias (`tieu_de`); may equal `name` when there is none.
    pub alias: &'static str,
}

impl Key {
    /// A key with an alias.
    pub const fn new(name: &'static str, alias: &'static str) -> Self {
        Self { name, alias }
    }
}

/// A value read from TOML, with the byte span (in the source file) it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    /// The value.
    pub value: T,
    /// Byte range of the value in the source file.
    pub span: Range<usize>,
}

type Value<'s> = Spanned<DeValue<'s>>;

/// A TOML table being read key by key. See the module documentation.
pub struct Fields<'s> {
    source: &'s SourceFile,
    offset: usize,
    prefix: String,
    entries: Vec<(String, Range<usize>, &'s Value<'s>)>,
    used: Vec<bool>,
    known: Vec<&'static str>,
    canonical: Vec<&'static str>,
    diags: Diagnostics,
    span: Range<usize>,
    quiet: Vec<Range<usize>>,
    /// Keys whose value was reported as wrong (so they are not also
    /// reported as missing).
    wrong: Vec<&'static str>,
}

/// A parsed TOML document and where its syntax errors are.
pub struct Parsed<'s> {
    /// What could be parsed.
    pub table: Spanned<DeTable<'s>>,
    /// Byte spans (in the source file) of syntax errors, already reported;
    /// [`Fields`] stays silent about values there, to avoid saying it twice.
    pub error_spans: Vec<Range<usize>>,
    /// Byte span of the whole TOML text in the source file.
    pub span: Range<usize>,
}

/// How deeply TOML values may nest (tables, arrays and dotted keys inside
/// each other): the toml parser's own limit, which keeps it off the call
/// stack's end. Documented in docs/content.md and docs/huong-dan.md.
pub const TOML_MAX_NESTING: usize = 80;

/// The line whose key has the most dotted parts (the parser reports a key
/// that nests too deeply without a position): the span of that key.
fn deepest_key(text: &str) -> Option<Range<usize>> {
    let mut best: Option<(usize, Range<usize>)> = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let key = line.split('=').next().unwrap_or("");
        let dots = key.matches('.').count();
        if dots > 0 && best.as_ref().is_none_or(|(d, _)| dots > *d) {
            let lead = key.len() - key.trim_start().len();
            best = Some((dots, start + lead..start + lead + 1));
        }
        start += line.len();
    }
    best.map(|(_, span)| span)
}

/// Parses `text` (a slice of `source.text` starting at byte `offset`) as a
/// TOML document. Syntax errors are reported as diagnostics; the part that
/// parsed is still returned so its keys can be checked too.
pub fn parse<'s>(
    source: &'s SourceFile,
    text: &'s str,
    offset: usize,
    diags: &mut Diagnostics,
) -> Parsed<'s> {
    let (table, errors) = DeTable::parse_recoverable(text);
    let mut error_spans = Vec::new();
    let mut lines_with_errors = Vec::new();
    for e in errors {
        // After a syntax error the parser stumbles over the rest of the
        // line: only the first error of a line says something.
        let line = source
            .position(e.span().map_or(0, |s| s.start) + offset)
            .line;
        // The parser stops at a depth instead of overflowing the stack;
        // say so in plain words, where it happens.
        let too_deep = e.message().contains("recurs");
        let span = e
            .span()
            .or_else(|| too_deep.then(|| deepest_key(text)).flatten())
            .map(|s| s.start + offset..s.end + offset)
            .unwrap_or(offset..offset);
        error_spans.push(span.clone());
        if lines_with_errors.contains(&line) {
            continue;
        }
        lines_with_errors.push(line);
        let d = if too_deep {
            Diagnostic::error(
                "toml-too-deep",
                msg!("toml-too-deep", limit = TOML_MAX_NESTING),
            )
            .help(msg!("toml-too-deep-help"))
        } else {
            let line = source.position(span.start).line;
            let explained = syntax::explain(source.line_text(line), line, e.message().trim());
            Diagnostic::error(explained.code, explained.message).help(explained.help)
        };
        diags.push(d.at(source, span));
    }
    Parsed {
        table,
        error_spans,
        span: offset..offset + text.len(),
    }
}

impl<'s> Fields<'s> {
    /// Starts reading a parsed table. `offset` is where the TOML text starts
    /// in `source`, `prefix` is prepended to key names in messages (`media.`).
    pub fn new(
        source: &'s SourceFile,
        parsed: &'s Parsed<'s>,
        offset: usize,
        prefix: &str,
    ) -> Self {
        let table = &parsed.table;
        let entries: Vec<_> = table
            .get_ref()
            .iter()
            .map(|(k, v)| {
                let s = k.span();
                (k.get_ref().to_string(), s.start + offset..s.end + offset, v)
            })
            .collect();
        Self {
            source,
            offset,
            prefix: prefix.to_string(),
            used: vec![false; entries.len()],
            entries,
            known: Vec::new(),
            canonical: Vec::new(),
            diags: Diagnostics::new(),
            span: parsed.span.clone(),
            quiet: parsed.error_spans.clone(),
            wrong: Vec::new(),
        }
    }

    /// The source file being read.
    pub fn source(&self) -> &'s SourceFile {
        self.source
    }

    /// Span of the whole table (for errors about a missing key).
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Records an error or warning found by the caller.
    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
    }

    /// Shorthand: an error at a span.
    pub fn error_at(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<Message>,
        help: impl Into<Message>,
    ) {
        if self
            .quiet
            .iter()
            .any(|q| q.start < span.end.max(span.start + 1) && span.start < q.end.max(q.start + 1))
        {
            return;
        }
        let d = Diagnostic::error(code, message)
            .at(self.source, span)
            .help(help);
        self.diags.push(d);
    }

    /// An error about the value of `key` (which is then not also reported
    /// as missing).
    fn value_error(
        &mut self,
        key: Key,
        code: &'static str,
        span: Range<usize>,
        message: Message,
        help: Message,
    ) {
        self.wrong.push(key.name);
        self.error_at(code, span, message, help);
    }

    /// Display name of a key, with the table prefix (`media.video`).
    pub fn display(&self, key: Key) -> String {
        format!("{}{}", self.prefix, key.name)
    }

    fn take(&mut self, key: Key) -> Option<(Range<usize>, &'s Value<'s>)> {
        self.known.push(key.name);
        self.canonical.push(key.name);
        if key.alias != key.name {
            self.known.push(key.alias);
        }
        let mut found: Option<(usize, Range<usize>, &'s Value<'s>)> = None;
        for (i, (name, kspan, value)) in self.entries.iter().enumerate() {
            if name == key.name || name == key.alias {
                self.used[i] = true;
                if let Some((_, first_span, _)) = &found {
                    let d = Diagnostic::error(
                        "duplicate-key",
                        msg!(
                            "duplicate-key",
                            key = self.display(key),
                            first = &self.entries[found.as_ref().map(|f| f.0).unwrap_or(i)].0,
                            second = name
                        ),
                    )
                    .at(self.source, kspan.clone())
                    .help(msg!(
                        "duplicate-key-help",
                        line = self.source.position(first_span.start).line
                    ));
                    self.diags.push(d);
                } else {
                    found = Some((i, kspan.clone(), value));
                }
            }
        }
        // A value with no text is what the parser put in place of one it
        // could not read: its syntax error is reported already.
        found
            .filter(|(_, _, v)| !v.span().is_empty())
            .map(|(_, _, v)| (self.value_span(v), v))
    }

    fn value_span(&self, v: &Value<'_>) -> Range<usize> {
        let s = v.span();
        s.start + self.offset..s.end + self.offset
    }

    fn type_error(&mut self, key: Key, span: Range<usize>, expected: Message, example: &str) {
        let name = self.display(key);
        self.value_error(
            key,
            "wrong-type",
            span,
            msg!("wrong-type", key = &name, expected = expected),
            msg!("wrong-type-help", key = name, example = example),
        );
    }

    /// A text value. Surrounding blanks are trimmed; an empty text counts as absent.
    pub fn text(&mut self, key: Key) -> Option<Field<String>> {
        let (span, v) = self.take(key)?;
        match v.get_ref() {
            DeValue::String(s) => {
                let t = s.trim();
                (!t.is_empty()).then(|| Field {
                    value: t.to_string(),
                    span,
                })
            }
            _ => {
                self.type_error(key, span, msg!("type-text"), "\"…\"");
                None
            }
        }
    }

    /// A text value that may be absent but, when written, is not empty:
    /// `key = ""` is an error, never read as "absent" (a blank address
    /// must not silently drop what it configures).
    pub fn nonempty_text(&mut self, key: Key, help: impl Into<Message>) -> Option<Field<String>> {
        let present = self.has(key);
        let before = self.diags.error_count();
        let field = self.text(key);
        if field.is_none() && present && self.diags.error_count() == before {
            let name = self.display(key);
            let span = self.missing_span(key);
            self.error_at("empty-value", span, msg!("key-empty", key = name), help);
        }
        field
    }

    /// A text value that must be present and non-empty.
    pub fn required_text(&mut self, key: Key, what: impl Into<Message>) -> Option<Field<String>> {
        let present = self
            .entries
            .iter()
            .any(|(n, _, _)| n == key.name || n == key.alias);
        let field = self.text(key);
        // A misspelt key (`titel`) is reported once, as unknown with a
        // did-you-mean hint, not also as missing. (Looked for only when the
        // key is missing: comparing every key of every entry with the
        // required ones was 1 % of a rebuild.)
        let misspelt = || {
            self.entries
                .iter()
                .enumerate()
                .any(|(i, (n, _, _))| !self.used[i] && closest(n, [key.name, key.alias]).is_some())
        };
        if field.is_none()
            && !misspelt()
            && !self.wrong.contains(&key.name)
            && !self.written_but_unreadable(key)
        {
            let name = self.display(key);
            let message = if present {
                msg!("key-empty", key = &name)
            } else {
                msg!("key-missing", key = &name, what = what.into())
            };
            let span = self.missing_span(key);
            self.error_at(
                "missing-key",
                span,
                message,
                msg!("key-missing-help", key = name),
            );
        }
        field
    }

    /// True when the table holds `key` (under either name), whatever its value.
    pub fn has(&self, key: Key) -> bool {
        self.entries
            .iter()
            .any(|(n, _, _)| n == key.name || n == key.alias)
            || self.written_but_unreadable(key)
    }

    /// True when a line the parser could not read starts with `key`: after
    /// a syntax error the key is written, so it is not also "missing".
    fn written_but_unreadable(&self, key: Key) -> bool {
        if self.quiet.is_empty() || !self.prefix.is_empty() {
            return false;
        }
        let text = self.source.text.get(self.span.clone()).unwrap_or("");
        text.lines().any(|line| {
            let line = line.trim_start();
            [key.name, key.alias].iter().any(|k| {
                line.strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with([' ', '\t', '=']))
            })
        })
    }

    /// Reports that a needed `key` is absent, where it should be added. Does
    /// nothing when the key is present: a wrong value was already reported
    /// by the getter that read it.
    pub fn missing(
        &mut self,
        key: Key,
        code: &'static str,
        message: impl Into<Message>,
        help: impl Into<Message>,
    ) {
        if !self.has(key) {
            let at = self.insertion_point();
            self.error_at(code, at, message, help);
        }
    }

    fn missing_span(&self, key: Key) -> Range<usize> {
        self.entries
            .iter()
            .find(|(n, _, _)| n == key.name || n == key.alias)
            .map(|(_, s, _)| s.clone())
            .unwrap_or_else(|| self.insertion_point())
    }

    /// Where a missing key should be added: the closing `+++` of front
    /// matter, or the start of the table.
    pub fn insertion_point(&self) -> Range<usize> {
        let rest = self.source.text.get(self.span.end..).unwrap_or("");
        let trimmed = rest.trim_start();
        if trimmed.starts_with("+++") {
            let at = self.span.end + (rest.len() - trimmed.len());
            at..at + 3
        } else {
            self.span.start..self.span.start
        }
    }

    /// A URL (absolute http(s), or a path starting with `/`).
    pub fn url(&mut self, key: Key) -> Option<Field<String>> {
        let f = self.text(key)?;
        let ok = f.value.starts_with('/')
            || url::Url::parse(&f.value)
                .map(|u| matches!(u.scheme(), "http" | "https"))
                .unwrap_or(false);
        if ok {
            Some(f)
        } else {
            let name = self.display(key);
            self.value_error(
                key,
                "bad-url",
                f.span,
                msg!("bad-url", key = name, value = f.value),
                msg!("bad-url-help"),
            );
            None
        }
    }

    /// A date: TOML date (`2026-03-15`), date-time, or a quoted
    /// `"15/03/2026"` / `"2026-03-15"`.
    pub fn date(&mut self, key: Key) -> Option<Field<Timestamp>> {
        let (span, v) = self.take(key)?;
        let parsed = match v.get_ref() {
            DeValue::Datetime(dt) => date::from_toml(dt),
            DeValue::String(s) => Timestamp::parse(s),
            _ => None,
        };
        if parsed.is_none() {
            let name = self.display(key);
            let impossible = match v.get_ref() {
                DeValue::String(s) => syntax::impossible_date(s),
                _ => None,
            };
            let (message, help) = match impossible {
                Some(why) => (
                    msg!("bad-date-impossible", key = &name, why = why),
                    syntax::impossible_date_help(&name),
                ),
                None => (
                    msg!("bad-date", key = &name),
                    msg!("bad-date-help", key = &name),
                ),
            };
            self.value_error(key, "bad-date", span.clone(), message, help);
        }
        parsed.map(|value| Field { value, span })
    }

    /// An integer.
    pub fn integer(&mut self, key: Key) -> Option<Field<i64>> {
        let (span, v) = self.take(key)?;
        let n = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        if n.is_none() {
            self.type_error(key, span.clone(), msg!("type-integer"), "120");
        }
        n.map(|value| Field { value, span })
    }

    /// A whole number that cannot be negative.
    pub fn count(&mut self, key: Key) -> Option<Field<u64>> {
        let f = self.integer(key)?;
        match u64::try_from(f.value) {
            Ok(value) => Some(Field {
                value,
                span: f.span,
            }),
            Err(_) => {
                let name = self.display(key);
                self.value_error(
                    key,
                    "negative-number",
                    f.span,
                    msg!("negative-number", key = name, value = f.value.to_string()),
                    msg!("negative-number-help"),
                );
                None
            }
        }
    }

    /// A boolean.
    pub fn boolean(&mut self, key: Key) -> Option<Field<bool>> {
        let (span, v) = self.take(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(Field { value: *b, span }),
            _ => {
                self.type_error(key, span, msg!("type-boolean"), "true");
                None
            }
        }
    }

    /// A list of texts. A single text is accepted as a one-item list.
    pub fn text_list(&mut self, key: Key) -> Option<Field<Vec<String>>> {
        let (span, v) = self.take(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Field {
                value: vec![s.trim().to_string()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect(),
                span,
            }),
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) if !s.trim().is_empty() => {
                            out.push(s.trim().to_string())
                        }
                        DeValue::String(_) => {}
                        _ => {
                            let item_span = self.value_span(item);
                            self.type_error(
                                key,
                                item_span,
                                msg!("type-text-list"),
                                "[\"…\", \"…\"]",
                            );
                        }
                    }
                }
                Some(Field { value: out, span })
            }
            _ => {
                self.type_error(key, span, msg!("type-text-list"), "[\"…\", \"…\"]");
                None
            }
        }
    }

    /// A list of rows, each a list of cells (text, numbers or dates), as in
    /// a data table's `rows = [["…", 3], …]`. Each row keeps its span.
    pub fn rows(&mut self, key: Key) -> Option<Vec<Field<Vec<String>>>> {
        let (span, v) = self.take(key)?;
        let DeValue::Array(rows) = v.get_ref() else {
            self.type_error(
                key,
                span,
                msg!("type-rows"),
                "[[\"…\", \"…\"], [\"…\", \"…\"]]",
            );
            return None;
        };
        let mut out = Vec::new();
        for row in rows.iter() {
            let row_span = self.value_span(row);
            let DeValue::Array(cells) = row.get_ref() else {
                self.type_error(key, row_span, msg!("type-row"), "[[\"…\", \"…\"]]");
                continue;
            };
            let mut values = Vec::new();
            for cell in cells.iter() {
                let text = match cell.get_ref() {
                    DeValue::String(s) => s.trim().to_string(),
                    DeValue::Integer(i) => i.as_str().replace('_', ""),
                    DeValue::Float(x) => x.as_str().replace('_', ""),
                    DeValue::Boolean(b) => b.to_string(),
                    DeValue::Datetime(d) => date::from_toml(d)
                        .map(|t| t.dmy())
                        .unwrap_or_else(|| d.to_string()),
                    DeValue::Array(_) | DeValue::Table(_) => {
                        let cell_span = self.value_span(cell);
                        self.type_error(key, cell_span, msg!("type-cells"), "[\"…\", 12]");
                        String::new()
                    }
                };
                values.push(text);
            }
            out.push(Field {
                value: values,
                span: row_span,
            });
        }
        Some(out)
    }

    /// One value out of a closed list, matched ignoring case and diacritics
    /// (`"quyet dinh"` finds `"Quyết định"`). Returns the canonical spelling.
    pub fn choice(&mut self, key: Key, options: &[&'static str]) -> Option<Field<&'static str>> {
        let f = self.text(key)?;
        let wanted = fold(&f.value);
        if let Some(hit) = options.iter().find(|o| fold(o) == wanted) {
            return Some(Field {
                value: hit,
                span: f.span,
            });
        }
        let name = self.display(key);
        let list = options
            .iter()
            .map(|o| format!("\"{o}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let help = match closest(&f.value, options.iter().copied()) {
            Some(s) => msg!("unknown-value-did-you-mean", suggestion = s, list = list),
            None => msg!("unknown-value-help", list = list),
        };
        self.value_error(
            key,
            "unknown-value",
            f.span,
            msg!("unknown-value", key = name, value = f.value),
            help,
        );
        None
    }

    /// A sub-table (`[media]`), read by a nested reader whose diagnostics
    /// must be merged back with [`Fields::absorb`].
    pub fn table(&mut self, key: Key) -> Option<Fields<'s>> {
        let (span, v) = self.take(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(self.child(key, t, self.value_span(v), "")),
            _ => {
                let name = self.display(key);
                self.value_error(
                    key,
                    "wrong-type",
                    span,
                    msg!("table-expected", key = &name),
                    msg!("table-expected-help", key = name),
                );
                None
            }
        }
    }

    /// An array of tables (`[[attachments]]`); each element gets its own reader.
    pub fn table_list(&mut self, key: Key) -> Vec<Fields<'s>> {
        let Some((span, v)) = self.take(key) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        match v.get_ref() {
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let DeValue::Table(t) = item.get_ref() {
                        let item_span = self.value_span(item);
                        out.push(self.child(key, t, item_span, &format!("[{i}]")));
                    } else {
                        let item_span = self.value_span(item);
                        let name = self.display(key);
                        self.value_error(
                            key,
                            "wrong-type",
                            item_span,
                            msg!("table-list-item", key = &name),
                            msg!("table-list-help", key = name),
                        );
                    }
                }
            }
            _ => {
                let name = self.display(key);
                self.value_error(
                    key,
                    "wrong-type",
                    span,
                    msg!("table-list-expected", key = &name),
                    msg!("table-list-help", key = name),
                );
            }
        }
        out
    }

    fn child(&self, key: Key, t: &'s DeTable<'s>, span: Range<usize>, index: &str) -> Fields<'s> {
        // The child table's spans are relative to the same TOML text.
        let entries: Vec<_> = t
            .iter()
            .map(|(k, val)| {
                let s = k.span();
                (
                    k.get_ref().to_string(),
                    s.start + self.offset..s.end + self.offset,
                    val,
                )
            })
            .collect();
        Fields {
            source: self.source,
            offset: self.offset,
            prefix: format!("{}{}{index}.", self.prefix, key.name),
            used: vec![false; entries.len()],
            entries,
            known: Vec::new(),
            canonical: Vec::new(),
            diags: Diagnostics::new(),
            span,
            quiet: self.quiet.clone(),
            wrong: Vec::new(),
        }
    }

    /// Merges a nested reader's diagnostics (after its own `finish`).
    pub fn absorb(&mut self, child: Fields<'s>) {
        let d = child.finish(|_| None);
        self.diags.extend(d);
    }

    /// Every text of the table, with its key, in order: the text values
    /// and the texts inside lists, except those of `skip` (for checks that
    /// look at every text, like personal data). Reading them does not
    /// count as using the keys.
    pub fn texts_except(&self, skip: &[Key]) -> Vec<(String, Field<String>)> {
        let mut out = Vec::new();
        for (name, _, value) in &self.entries {
            if skip.iter().any(|k| k.name == name || k.alias == name) {
                continue;
            }
            match value.get_ref() {
                DeValue::String(s) => out.push((
                    name.clone(),
                    Field {
                        value: s.to_string(),
                        span: self.value_span(value),
                    },
                )),
                DeValue::Array(items) => {
                    for item in items.iter() {
                        if let DeValue::String(s) = item.get_ref() {
                            out.push((
                                name.clone(),
                                Field {
                                    value: s.to_string(),
                                    span: self.value_span(item),
                                },
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Names of keys present in the table, in order (for callers that read
    /// free-form tables).
    pub fn present_keys(&self) -> Vec<String> {
        self.entries.iter().map(|(n, _, _)| n.clone()).collect()
    }

    /// Reports every key that no getter asked for, suggesting the closest
    /// valid key, and returns all diagnostics. `hint` may explain a key that
    /// exists elsewhere (e.g. only in another category).
    pub fn finish(mut self, hint: impl Fn(&str) -> Option<Message>) -> Diagnostics {
        for (i, (name, span, _)) in self.entries.iter().enumerate() {
            if self.used[i] {
                continue;
            }
            let help =
                hint(name).unwrap_or_else(|| match closest(name, self.known.iter().copied()) {
                    Some(k) => msg!(
                        "unknown-key-did-you-mean",
                        key = format!("{}{k}", self.prefix)
                    ),
                    None => msg!(
                        "unknown-key-valid",
                        list = self
                            .canonical
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
            let d = Diagnostic::error(
                "unknown-key",
                msg!("unknown-key", key = format!("{}{name}", self.prefix)),
            )
            .at(self.source, span.clone())
            .help(help);
            self.diags.push(d);
        }
        self.diags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<Diagnostic> {
        let source = SourceFile::from_text("a.toml", "a.toml".into(), text);
        let mut diags = Diagnostics::new();
        parse(&source, &source.text, 0, &mut diags);
        diags.iter().cloned().collect()
    }

    #[test]
    fn nesting_limit_is_the_documented_one_and_reported_where_it_is() {
        let arrays = |n: usize| format!("a = {}{}\n", "[".repeat(n), "]".repeat(n));
        assert!(errors(&arrays(TOML_MAX_NESTING)).is_empty());
        assert!(!errors(&arrays(TOML_MAX_NESTING + 1)).is_empty());
        let deep = errors(&format!("title = \"x\"\n{}", arrays(10_000)));
        assert_eq!(deep.len(), 1);
        assert_eq!(deep[0].code, "toml-too-deep");
        assert_eq!(deep[0].location.as_ref().unwrap().line, 2);

        let keys = |n: usize| vec!["a"; n].join(".") + " = 1\n";
        assert!(errors(&keys(TOML_MAX_NESTING)).is_empty());
        assert!(!errors(&keys(TOML_MAX_NESTING + 1)).is_empty());
        let deep = errors(&format!("title = \"x\"\nb.c = 1\n{}", keys(10_000)));
        assert_eq!(deep[0].code, "toml-too-deep");
        let at = deep[0].location.as_ref().unwrap();
        assert_eq!((at.line, at.column), (3, 1));
    }
}
