//! The catalogue is complete: both languages hold the same messages, every
//! message is used, every use exists and passes the arguments it needs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use fluent_syntax::parser;

use super::*;

/// The messages and terms of one language: id → variables it uses
/// (directly or through the messages it references) and messages it
/// references.
#[derive(Default)]
struct Parsed {
    messages: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>,
    terms: BTreeSet<String>,
    files: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>,
}

fn collect_pattern(
    p: &ast::Pattern<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            collect_expression(expression, vars, refs);
        }
    }
}

fn collect_expression(
    e: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match e {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, vars, refs);
            for v in variants {
                collect_pattern(&v.value, vars, refs);
            }
        }
        ast::Expression::Inline(i) => collect_inline(i, vars, refs),
    }
}

fn collect_inline(
    i: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_inline(a, vars, refs);
            }
            for a in &arguments.named {
                collect_inline(&a.value, vars, refs);
            }
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                collect_inline(a, vars, refs);
            }
            for a in &arguments.named {
                collect_inline(&a.value, vars, refs);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            collect_expression(expression, vars, refs)
        }
        _ => {}
    }
}

fn parse(lang: Lang) -> Parsed {
    let mut out = Parsed::default();
    for (name, vi, en) in FILES {
        let text = match lang {
            Lang::Vi => vi,
            Lang::En => en,
        };
        let resource = parser::parse(*text).unwrap_or_else(|(_, errors)| {
            panic!("{}/{name}.ftl does not parse: {errors:?}", lang.code())
        });
        let mut ids = BTreeSet::new();
        let mut terms = BTreeSet::new();
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let id = m.id.name.to_string();
                    assert!(
                        m.attributes.is_empty(),
                        "{}/{name}.ftl: {id} has attributes; write each sentence as its own message",
                        lang.code()
                    );
                    let mut vars = BTreeSet::new();
                    let mut refs = BTreeSet::new();
                    if let Some(value) = &m.value {
                        collect_pattern(value, &mut vars, &mut refs);
                    }
                    assert!(
                        out.messages.insert(id.clone(), (vars, refs)).is_none(),
                        "{}: message {id} is defined twice",
                        lang.code()
                    );
                    ids.insert(id);
                }
                ast::Entry::Term(t) => {
                    let id = t.id.name.to_string();
                    assert!(
                        out.terms.insert(id.clone()),
                        "{}: term -{id} is defined twice",
                        lang.code()
                    );
                    terms.insert(id);
                }
                ast::Entry::Junk { content } => {
                    panic!("{}/{name}.ftl: cannot parse {content:?}", lang.code())
                }
                _ => {}
            }
        }
        out.files.insert(name.to_string(), (ids, terms));
    }
    // Variables of referenced messages are needed too.
    let snapshot: BTreeMap<_, _> = out.messages.clone();
    for (vars, refs) in out.messages.values_mut() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<String> = refs.iter().cloned().collect();
        while let Some(r) = todo.pop() {
            if !seen.insert(r.clone()) {
                continue;
            }
            if let Some((v, rr)) = snapshot.get(&r) {
                vars.extend(v.iter().cloned());
                todo.extend(rr.iter().cloned());
            }
        }
    }
    out
}

/// One `msg!(…)` of the source: where, its id and argument names.
#[derive(Debug)]
struct Call {
    at: String,
    id: String,
    args: BTreeSet<String>,
}

/// Every `msg!(…)` in `src/`, read with a small scanner (the id must be a
/// literal, the arguments `name = value`).
fn calls() -> Vec<Call> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") || entry.path().ends_with(file!()) {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let rel = entry
            .path()
            .strip_prefix(&root)
            .unwrap()
            .display()
            .to_string();
        let mut from = 0;
        while let Some(i) = text[from..].find("msg!(") {
            let start = from + i;
            from = start + 5;
            // `msg!(` as a word (not the tail of another macro's name).
            if text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            if text[line_start..start].contains("//") {
                continue; // documentation
            }
            let line = text[..start].matches('\n').count() + 1;
            let at = format!("src/{rel}:{line}");
            let Some(body) = macro_body(&text[start + 5..]) else {
                panic!("{at}: unbalanced msg!(")
            };
            let parts = split_top_level(body);
            let id = parts[0].trim();
            if id == "$id:literal $(, $name:ident = $value:expr)* $(,)?" || id.starts_with('$') {
                continue; // the macro's own definition
            }
            assert!(
                id.starts_with('"') && id.ends_with('"') && id.len() > 2,
                "{at}: the id of msg! must be a string literal, found {id}"
            );
            let args = parts[1..]
                .iter()
                .filter(|p| !p.trim().is_empty())
                .map(|p| {
                    let (name, _) = p.split_once('=').unwrap_or_else(|| {
                        panic!("{at}: msg! arguments are name = value, found {p}")
                    });
                    name.trim().to_string()
                })
                .collect();
            out.push(Call {
                at,
                id: id.trim_matches('"').to_string(),
                args,
            });
        }
    }
    out
}

/// The text between `(` (already consumed) and its matching `)`, skipping
/// string and char literals.
fn macro_body(text: &str) -> Option<&str> {
    let mut depth = 1;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' => {
                // A char literal ('x', '\n') or a lifetime ('a).
                let rest = &text[i + 1..];
                if let Some(end) = rest.char_indices().take(4).find(|(_, c)| *c == '\'')
                    && end.0 > 0
                {
                    for _ in 0..rest[..=end.0].chars().count() {
                        chars.next();
                    }
                }
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[..i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits at commas outside brackets and strings.
fn split_top_level(body: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '\'' if body[i + 1..].chars().nth(1) == Some('\'') => depth += 0,
            '(' | '[' | '{' if !is_char_literal(body, i) => depth += 1,
            ')' | ']' | '}' if depth > 0 && !is_char_literal(body, i) => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    parts
}

/// True when the character at `i` is the content of a char literal (`'('`).
fn is_char_literal(body: &str, i: usize) -> bool {
    body[..i].ends_with('\'') && body[i..].chars().nth(1) == Some('\'')
}

#[test]
fn both_languages_have_the_same_files_and_messages() {
    let vi = parse(Lang::Vi);
    let en = parse(Lang::En);
    for (file, (vi_ids, vi_terms)) in &vi.files {
        let (en_ids, en_terms) = &en.files[file];
        let only_vi: Vec<_> = vi_ids.difference(en_ids).collect();
        let only_en: Vec<_> = en_ids.difference(vi_ids).collect();
        assert!(
            only_vi.is_empty() && only_en.is_empty(),
            "{file}.ftl: messages only in vi: {only_vi:?}; only in en: {only_en:?}"
        );
        assert_eq!(vi_terms, en_terms, "{file}.ftl: the terms differ");
    }
    assert!(!vi.messages.is_empty());
}

#[test]
fn every_message_is_used_and_every_use_exists() {
    let vi = parse(Lang::Vi);
    let en = parse(Lang::En);
    let calls = calls();
    assert!(!calls.is_empty());
    let mut problems = Vec::new();
    for c in &calls {
        for (lang, parsed) in [("vi", &vi), ("en", &en)] {
            match parsed.messages.get(&c.id) {
                None => problems.push(format!("{}: message {} is missing in {lang}", c.at, c.id)),
                Some((vars, _)) => {
                    let missing: Vec<_> = vars.difference(&c.args).collect();
                    if !missing.is_empty() {
                        problems.push(format!(
                            "{}: {} in {lang} uses {missing:?}, which the call does not pass",
                            c.at, c.id
                        ));
                    }
                }
            }
        }
        if let (Some((v, _)), Some((e, _))) = (vi.messages.get(&c.id), en.messages.get(&c.id)) {
            let unused: Vec<_> = c
                .args
                .iter()
                .filter(|a| !v.contains(*a) && !e.contains(*a))
                .collect();
            if !unused.is_empty() {
                problems.push(format!(
                    "{}: {} passes {unused:?}, which neither language uses",
                    c.at, c.id
                ));
            }
        }
    }
    let used: BTreeSet<&str> = calls.iter().map(|c| c.id.as_str()).collect();
    let referenced: BTreeSet<String> = vi
        .messages
        .values()
        .chain(en.messages.values())
        .flat_map(|(_, refs)| refs.iter().cloned())
        .collect();
    for id in vi.messages.keys() {
        if !used.contains(id.as_str()) && !referenced.contains(id) {
            problems.push(format!(
                "message {id} is used nowhere: remove it from both languages"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_message_formats_without_errors() {
    for lang in [Lang::Vi, Lang::En] {
        let parsed = parse(lang);
        let bundle = &BUNDLES[lang as usize];
        for (id, (vars, _)) in &parsed.messages {
            let mut args = FluentArgs::new();
            for v in vars {
                args.set(v.as_str(), FluentValue::from(2));
            }
            let pattern = bundle.get_message(id).and_then(|m| m.value());
            let pattern = pattern.unwrap_or_else(|| panic!("{}: {id} has no value", lang.code()));
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.code());
            assert!(!text.trim().is_empty(), "{}: {id} is empty", lang.code());
        }
    }
}

#[test]
fn messages_take_arguments_and_plurals() {
    let one = Message::in_lang(
        Lang::En,
        "summary-errors",
        &[("errors", 1.into()), ("warnings", 2.into())],
    );
    assert_eq!(one.as_str(), "1 error, 2 warnings");
    let vi = Message::in_lang(
        Lang::Vi,
        "summary-errors",
        &[("errors", 1.into()), ("warnings", 2.into())],
    );
    assert_eq!(vi.as_str(), "1 lỗi, 2 cảnh báo");
    // An unknown id shows itself rather than nothing.
    assert_eq!(
        Message::in_lang(Lang::Vi, "no-such-id", &[]).as_str(),
        "no-such-id"
    );
}

#[test]
fn the_scanner_reads_ids_and_argument_names() {
    let body = macro_body(r#""a-b", x = f(1, 2), y = "),", z = '(')) trailing"#).unwrap();
    let parts = split_top_level(body);
    assert_eq!(parts.len(), 4, "{parts:?}");
    assert_eq!(parts[0], "\"a-b\"");
}
