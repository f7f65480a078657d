//! A section's `statistics.json` (listed in its `sync.json` since format
//! 1.2), admitted before the hub keeps or shows any of it: at most
//! [`MAX_BYTES`], the SHA-256 its `sync.json` gives, JSON nested at most
//! [`MAX_DEPTH`] levels, valid against `schemas/statistics.v1.json`, no
//! markup in any text (a statistics table holds words and numbers: a tag
//! is refused, not cleaned), and every text normalised: NFC, control
//! characters removed, at most [`MAX_TEXT`] characters; any `…url` value
//! kept only when it is an http(s) address.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::sync::{StatisticsLink, canonical};

use super::reason::Reason;

/// The largest `statistics.json` the hub reads.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// The deepest nesting of arrays and objects a `statistics.json` may have
/// (a pbgdpl section writes 4).
pub const MAX_DEPTH: usize = 16;

/// The longest text kept (characters).
pub const MAX_TEXT: usize = 2000;

/// Admits the bytes of a `statistics.json` listed as `link`; `schema`
/// checks it against `schemas/statistics.v1.json`.
pub fn admit(
    bytes: &[u8],
    link: &StatisticsLink,
    schema: &dyn Fn(&Value) -> Result<(), Reason>,
) -> Result<Value, Reason> {
    if bytes.len() > MAX_BYTES {
        return Err(Reason::TooLarge {
            megabytes: (MAX_BYTES / 1024 / 1024) as u64,
        });
    }
    if canonical::sha256_hex(bytes) != link.sha256 {
        return Err(Reason::StatisticsHash);
    }
    let mut value = crate::aggregate::validate::parse_json(bytes)?;
    if depth(&value) > MAX_DEPTH {
        return Err(Reason::StatisticsTooDeep { limit: MAX_DEPTH });
    }
    schema(&value)?;
    if has_markup(&value) {
        return Err(Reason::StatisticsMarkup);
    }
    normalise(&mut value);
    super::items::only_web_links(&mut value);
    Ok(value)
}

/// How deeply arrays and objects nest (a scalar is 0), without recursion.
fn depth(value: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(value, 0usize)];
    while let Some((v, d)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(a) => Box::new(a.iter()),
            Value::Object(o) => Box::new(o.values()),
            _ => continue,
        };
        deepest = deepest.max(d + 1);
        stack.extend(children.map(|c| (c, d + 1)));
    }
    deepest
}

fn strings(value: &Value) -> Vec<&str> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => out.push(s.as_str()),
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(o) => {
                out.extend(o.keys().map(String::as_str));
                stack.extend(o.values());
            }
            _ => {}
        }
    }
    out
}

/// Whether some text holds an HTML tag, comment or `javascript:` link.
fn has_markup(value: &Value) -> bool {
    strings(value).into_iter().any(|s| {
        let lower = s.to_lowercase();
        lower.contains("javascript:")
            || s.as_bytes().windows(2).any(|w| {
                w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?'))
            })
    })
}

/// A text as the hub keeps it: NFC, control characters (but line breaks)
/// removed, at most [`MAX_TEXT`] characters.
pub fn clean_text(text: &str) -> String {
    text.nfc()
        .filter(|c| *c == '\n' || !c.is_control())
        .take(MAX_TEXT)
        .collect()
}

fn normalise(value: &mut Value) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => *s = clean_text(s),
            Value::Array(a) => stack.extend(a.iter_mut()),
            Value::Object(o) => stack.extend(o.values_mut()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn link(bytes: &[u8]) -> StatisticsLink {
        StatisticsLink {
            url: "https://a.example/pbgdpl/statistics.json".into(),
            sha256: canonical::sha256_hex(bytes),
            data_tables: 1,
        }
    }

    fn admit_value(v: &Value) -> Result<Value, Reason> {
        let bytes = serde_json::to_vec(v).unwrap();
        admit(&bytes, &link(&bytes), &|_| Ok(()))
    }

    fn table(cell: &str) -> Value {
        json!({"schema_version": "1.0", "data_tables": [{"title": "Bảng", "columns": ["Tên"], "rows": [[cell]]}]})
    }

    #[test]
    fn a_plain_document_is_kept_with_its_texts_normalised() {
        let v = admit_value(&table("Nguye\u{302}\u{303}n\u{7} Văn An")).unwrap();
        assert_eq!(v["data_tables"][0]["rows"][0][0], "Nguyễn Văn An");
        let long = admit_value(&table(&"x".repeat(10_000))).unwrap();
        assert_eq!(
            long["data_tables"][0]["rows"][0][0].as_str().unwrap().len(),
            MAX_TEXT
        );
    }

    #[test]
    fn hostile_documents_are_refused_with_a_reason() {
        let good = serde_json::to_vec(&table("a")).unwrap();
        let other = serde_json::to_vec(&table("b")).unwrap();
        let ok = |_: &Value| Ok(());
        assert_eq!(
            admit(&other, &link(&good), &ok),
            Err(Reason::StatisticsHash)
        );
        let big = vec![b' '; MAX_BYTES + 1];
        assert!(matches!(
            admit(&big, &link(&big), &ok),
            Err(Reason::TooLarge { .. })
        ));
        let bad = b"{\"schema_version\": ";
        assert!(matches!(
            admit(bad, &link(bad), &ok),
            Err(Reason::NotJson { .. })
        ));
        let deep = format!("{}1{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(
            admit(deep.as_bytes(), &link(deep.as_bytes()), &ok),
            Err(Reason::StatisticsTooDeep { limit: MAX_DEPTH })
        );
        // Deeper than serde_json reads: not JSON, never a stack overflow.
        let deeper = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(admit(deeper.as_bytes(), &link(deeper.as_bytes()), &ok).is_err());
        for text in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "JavaScript:alert(1)",
            "<!-- x -->",
        ] {
            assert_eq!(
                admit_value(&table(text)),
                Err(Reason::StatisticsMarkup),
                "{text}"
            );
        }
        assert!(admit_value(&table("a < b, 3<4")).is_ok());
        let refused = |_: &Value| Err(Reason::NotJsonFeed);
        assert_eq!(
            admit(&good, &link(&good), &refused),
            Err(Reason::NotJsonFeed)
        );
    }
}
