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
