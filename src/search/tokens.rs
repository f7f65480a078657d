//! Words and terms: how text becomes the terms of the index, and a query
//! the terms it looks up. The JavaScript client implements the query side
//! and the atoms the same way; `tests/search/cases.json` holds the cases
//! both are tested on.
//!
//! Folded text ([`super::fold()`]) is cut into **atoms**: runs of letters
//! and digits (a Vietnamese syllable, a number, `qd`, `ttg`). Each atom
//! follows the one before it in one of three ways ([`Link`]): joined by a
//! single connector with nothing around it (`14/2019`, `qd-ttg`), after
//! spaces only (`dat dai`), or broken (punctuation, a line break, a dash
//! with spaces around it, the start of the text). Atoms joined by
//! connectors make a **word** (`14/2019/qd-ttg`, `mac-lenin`).
//!
//! A text is indexed under ([`index_terms`]):
//! - every atom (`quyet`, `14`, `qd`);
//! - every **pair** of atoms that follow each other without a break,
//!   joined by one space (`dat dai`, `qd ttg`): a phrase ranks above the
//!   same syllables scattered;
//! - every run of 2 to [`MAX_RUN`] atoms of a word, with its connectors
//!   (`14/2019`, `2019/qd`, `qd-ttg`, `14/2019/qd-ttg`): a document number
//!   is found whole and by its parts, and `qd-ttg` never matches
//!   `qd-ubnd`.
//!
//! A query ([`query`]) needs every atom of its one-atom words and every
//! word of 2 to [`MAX_RUN`] atoms whole; its pairs of atoms after spaces
//! rank phrases higher.

use super::fold::{Folded, fold_char};

/// Longest atom indexed, in bytes of folded text: longer runs (encoded
/// data, long URLs) are not words anyone types.
pub const MAX_ATOM: usize = 40;

/// Most atoms of a word indexed together (`14/2019/qd-ubnd-vp` has five).
pub const MAX_RUN: usize = 6;

/// How an atom follows the atom before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Nothing joins them: the start of the text, punctuation, a line
    /// break, an atom too long to index.
    Break,
    /// Spaces only: part of the same phrase.
    Space,
    /// One connector and nothing else (`-` or `/`): part of the same word.
    Joined(char),
}

/// One atom: its folded text, how it follows the atom before it, and
/// where it is in the text (byte range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom<'b> {
    /// Folded letters and digits.
    pub text: &'b str,
    /// How it follows the atom before it.
    pub link: Link,
    /// Byte range in the original text.
    pub span: std::ops::Range<usize>,
}

/// What was seen between two atoms.
#[derive(Default)]
struct Gap {
    spaces: bool,
    connectors: u32,
    connector: char,
    broken: bool,
}

impl Gap {
    fn link(&self) -> Link {
        if self.broken {
            Link::Break
        } else if self.connectors == 1 && !self.spaces {
            Link::Joined(self.connector)
        } else if self.connectors == 0 && self.spaces {
            Link::Space
        } else {
            Link::Break
        }
    }
}

/// Calls `each` with every atom of `text`, in order.
pub fn atoms(text: &str, mut each: impl FnMut(Atom<'_>)) {
    let mut buf = String::new();
    let mut start = 0;
    let mut end = 0;
    // The start of the text breaks.
    let mut gap = Gap {
        broken: true,
        ..Gap::default()
    };
    let mut finish = |buf: &mut String, gap: &mut Gap, start: usize, end: usize| {
        if buf.is_empty() {
            return;
        }
        if buf.len() <= MAX_ATOM {
            each(Atom {
                text: buf,
                link: gap.link(),
                span: start..end,
            });
            *gap = Gap::default();
        } else {
            // Too long to be a word: it breaks the phrase around it.
            *gap = Gap {
                broken: true,
                ..Gap::default()
            };
        }
        buf.clear();
    };
    for (i, c) in text.char_indices() {
        match fold_char(c) {
            Folded::Letters(t) => {
                if buf.is_empty() {
                    start = i;
                }
                buf.push_str(t);
                end = i + c.len_utf8();
            }
            Folded::Keep(k) => {
                if buf.is_empty() {
                    start = i;
                }
                buf.push(k);
                end = i + c.len_utf8();
            }
            Folded::Nothing => {
                // Part of the atom it is in (a combining mark).
                if !buf.is_empty() {
                    end = i + c.len_utf8();
                }
            }
            other => {
                finish(&mut buf, &mut gap, start, end);
                match other {
                    Folded::Connector(k) => {
                        gap.connectors += 1;
                        gap.connector = k;
                    }
                    Folded::Space => gap.spaces = true,
                    _ => gap.broken = true,
                }
            }
        }
    }
    finish(&mut buf, &mut gap, start, end);
}

/// What kind of term a text is indexed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// One atom.
    Atom,
    /// Two atoms in a row.
    Pair,
    /// Atoms of one word with their connectors.
    Run,
}

/// Calls `each(term, kind, span)` with every term `text` is indexed under
/// (see the module documentation); `span` is where the term starts and
/// ends in `text`. A term may come more than once.
pub fn index_terms(text: &str, mut each: impl FnMut(&str, TermKind, std::ops::Range<usize>)) {
    // Nothing is allocated per atom: the current word's atoms are ranges
    // of `letters`, terms are made in buffers reused for the whole text.
    let mut letters = String::new();
    // The atoms of the current word: range in `letters`, connector before
    // it, span in `text`.
    let mut word: Vec<(std::ops::Range<usize>, char, std::ops::Range<usize>)> = Vec::new();
    let mut run = String::new();
    let mut pair = String::new();
    let flush_word =
        |letters: &mut String,
         word: &mut Vec<(std::ops::Range<usize>, char, std::ops::Range<usize>)>,
         run: &mut String,
         each: &mut dyn FnMut(&str, TermKind, std::ops::Range<usize>)| {
            for s in 0..word.len().saturating_sub(1) {
                run.clear();
                run.push_str(&letters[word[s].0.clone()]);
                for (n, next) in word.iter().enumerate().skip(s + 1).take(MAX_RUN - 1) {
                    run.push(next.1);
                    run.push_str(&letters[next.0.clone()]);
                    each(run, TermKind::Run, word[s].2.start..word[n].2.end);
                }
            }
            word.clear();
            letters.clear();
        };
    // The atom before: its folded text and its span.
    let mut previous = String::new();
    let mut previous_span: Option<std::ops::Range<usize>> = None;
    atoms(text, |atom| {
        each(atom.text, TermKind::Atom, atom.span.clone());
        match atom.link {
            Link::Joined(_) => {}
            _ => flush_word(&mut letters, &mut word, &mut run, &mut each),
        }
        let connector = match atom.link {
            Link::Joined(c) => c,
            _ => ' ',
        };
        let start = letters.len();
        letters.push_str(atom.text);
        word.push((start..letters.len(), connector, atom.span.clone()));
        if let Some(span) = previous_span.take()
            && atom.link != Link::Break
        {
            pair.clear();
            pair.push_str(&previous);
            pair.push(' ');
            pair.push_str(atom.text);
            each(&pair, TermKind::Pair, span.start..atom.span.end);
        }
        previous.clear();
        previous.push_str(atom.text);
        previous_span = Some(atom.span);
    });
    flush_word(&mut letters, &mut word, &mut run, &mut each);
}

/// The terms a query looks up.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Query {
    /// Terms every result contains: the atoms of one-atom words, words of
    /// 2 to [`MAX_RUN`] atoms whole (the atoms of longer words).
    pub all: Vec<String>,
    /// Pairs of atoms after spaces: results with them rank higher.
    pub pairs: Vec<String>,
}

/// The terms of a query (see the module documentation), each once, in the
/// order they come.
pub fn query(text: &str) -> Query {
    let mut q = Query::default();
    let mut words: Vec<Vec<(String, Link)>> = Vec::new();
    let mut previous: Option<String> = None;
    atoms(text, |atom| {
        match (atom.link, words.last_mut()) {
            (Link::Joined(_), Some(word)) => word.push((atom.text.to_string(), atom.link)),
            _ => words.push(vec![(atom.text.to_string(), atom.link)]),
        }
        if let Some(before) = previous.take()
            && atom.link == Link::Space
        {
            push_once(&mut q.pairs, format!("{before} {}", atom.text));
        }
        previous = Some(atom.text.to_string());
    });
    for word in words {
        if word.len() == 1 || word.len() > MAX_RUN {
            for (text, _) in word {
                push_once(&mut q.all, text);
            }
        } else {
            let mut whole = String::new();
            for (text, link) in word {
                if let Link::Joined(c) = link {
                    whole.push(c);
                }
                whole.push_str(&text);
            }
            push_once(&mut q.all, whole);
        }
    }
    q
}

fn push_once(list: &mut Vec<String>, term: String) {
    if !list.contains(&term) {
        list.push(term);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(String, TermKind)> {
        let mut out = Vec::new();
        index_terms(text, |t, k, _| out.push((t.to_string(), k)));
        out
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Luật Đất đai";
        let mut spans = Vec::new();
        atoms(text, |a| spans.push(&text[a.span]));
        assert_eq!(spans, ["Luật", "Đất", "đai"]);
        let mut pairs = Vec::new();
        index_terms(text, |t, k, span| {
            if k == TermKind::Pair {
                pairs.push((t.to_string(), &text[span]));
            }
        });
        assert_eq!(
            pairs,
            [
                ("luat dat".to_string(), "Luật Đất"),
                ("dat dai".to_string(), "Đất đai")
            ]
        );
    }

    #[test]
    fn combining_marks_stay_inside_their_atom() {
        let nfd = "Đa\u{0300}i";
        let mut found = Vec::new();
        atoms(nfd, |a| found.push((a.text.to_string(), a.span)));
        assert_eq!(found, [("dai".to_string(), 0..nfd.len())]);
    }

    #[test]
    fn a_word_of_many_atoms_gives_runs_of_at_most_six() {
        let runs: Vec<String> = terms("a-b-c-d-e-f-g-h")
            .into_iter()
            .filter(|(_, k)| *k == TermKind::Run)
            .map(|(t, _)| t)
            .collect();
        assert!(runs.contains(&"a-b-c-d-e-f".to_string()));
        assert!(!runs.iter().any(|r| r.len() > "a-b-c-d-e-f".len()));
        assert_eq!(runs.len(), 7 + 6 + 5 + 4 + 3);
    }
}
