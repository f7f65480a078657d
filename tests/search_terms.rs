//! Folding and terms, on the case list the JavaScript client is tested on
//! too (`tests/search/cases.json`, read by `tests/js/search-terms.test.mjs`):
//! the indexer and the client cannot drift apart.
//!
//! Each case gives a text and what it folds to (`fold`), the terms the
//! indexer files it under (`terms`, sorted) and the terms a query of that
//! text looks up (`query`). `PBGDPL_BLESS=1` writes what the indexer gives
//! into the file (review the diff: the client must then agree).

use std::collections::BTreeSet;
use std::path::Path;

use pbgdpl::search::{fold, tokens};
use serde_json::{Value, json};

fn cases_file() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search/cases.json")
}

fn actual(text: &str) -> Value {
    let mut terms = BTreeSet::new();
    tokens::index_terms(text, |t, _, _| {
        terms.insert(t.to_string());
    });
    let q = tokens::query(text);
    json!({
        "fold": fold(text),
        "terms": terms,
        "query": { "all": q.all, "pairs": q.pairs },
    })
}

#[test]
fn the_indexer_folds_and_cuts_every_case_as_written() {
    let text = std::fs::read_to_string(cases_file()).unwrap();
    let mut cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(cases.len() >= 20);
    let bless = std::env::var_os("PBGDPL_BLESS").is_some();
    let mut wrong = Vec::new();
    for case in &mut cases {
        let text = case["text"].as_str().unwrap().to_string();
        let got = actual(&text);
        for key in ["fold", "terms", "query"] {
            if bless {
                case[key] = got[key].clone();
            } else if case[key] != got[key] {
                wrong.push(format!(
                    "{text:?} ({}): {key} is {}, the case says {}",
                    case["note"], got[key], case[key]
                ));
            }
        }
    }
    if bless {
        let mut out = serde_json::to_string_pretty(&cases).unwrap();
        out.push('\n');
        std::fs::write(cases_file(), out).unwrap();
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Whatever a text is, a query of that text finds it: every term the
/// query needs or ranks by is one the text is filed under.
#[test]
fn a_text_is_found_by_itself() {
    let text = std::fs::read_to_string(cases_file()).unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    for case in cases {
        let text = case["text"].as_str().unwrap();
        let mut terms = BTreeSet::new();
        tokens::index_terms(text, |t, _, _| {
            terms.insert(t.to_string());
        });
        let q = tokens::query(text);
        for t in q.all.iter().chain(&q.pairs) {
            assert!(
                terms.contains(t),
                "{text:?}: the query needs {t:?}, not indexed"
            );
        }
    }
}

fn lists_file() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search/lists.json")
}

/// Posting lists in every form, as the indexer writes them and as they
/// read back (`tests/search/lists.json`, which the client's test decodes
/// too: `tests/js/search-terms.test.mjs`). Each case gives the postings
/// (`[doc, weight byte, chunk]`), whether the list is weighted (a term's)
/// or not (a filter's), the bytes written and what reading them gives
/// (`docs`, `w` weight bytes, `ch` chunks), in the client's shape.
/// `PBGDPL_BLESS=1` writes the bytes and the reading.
#[test]
fn lists_are_written_and_read_back_as_the_client_reads_them() {
    use pbgdpl::search::postings::{ListBuilder, Posting, decode};
    let text = std::fs::read_to_string(lists_file()).unwrap();
    let mut cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    let bless = std::env::var_os("PBGDPL_BLESS").is_some();
    let mut forms = BTreeSet::new();
    for case in &mut cases {
        let mut list = ListBuilder::default();
        for p in case["postings"].as_array().unwrap() {
            let n = |i: usize| p[i].as_u64().unwrap();
            list.push(Posting {
                doc: n(0) as u32,
                weight: n(1) as u8,
                chunk: n(2) as u32,
            });
        }
        let bytes = list.encode(case["weighted"].as_bool().unwrap());
        forms.insert(bytes[0]);
        let read = decode(&bytes).unwrap();
        let got = json!({
            "bytes": bytes,
            "read": {
                "docs": read.iter().map(|p| p.doc).collect::<Vec<_>>(),
                "w": read.iter().map(|p| p.weight).collect::<Vec<_>>(),
                "ch": read.iter().map(|p| p.chunk).collect::<Vec<_>>(),
            },
        });
        for key in ["bytes", "read"] {
            if bless {
                case[key] = got[key].clone();
            } else {
                assert_eq!(case[key], got[key], "{}: {key}", case["note"]);
            }
        }
    }
    assert_eq!(forms.len(), 4, "every form has a case: {forms:?}");
    if bless {
        let mut out = serde_json::to_string_pretty(&cases).unwrap();
        out.push('\n');
        std::fs::write(lists_file(), out).unwrap();
    }
}
