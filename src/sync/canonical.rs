//! Canonical JSON: the byte form hashed for `sync.json`.
//!
//! Objects have their keys sorted by code point and no whitespace is
//! written anywhere; strings are escaped as serde_json escapes them (only
//! `"`, `\`, and control characters; everything else as UTF-8). For the
//! values pbgdpl hashes (strings, integers, booleans, null, arrays,
//! objects with ASCII keys) this is exactly the JSON Canonicalization
//! Scheme of RFC 8785, so a consumer can recompute every hash with any JCS
//! implementation.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The canonical (RFC 8785) serialisation of a JSON value.
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            // RFC 8785 sorts by UTF-16 code units; for the ASCII keys used
            // here that is the same as sorting by bytes.
            keys.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                if let Some(v) = map.get(key) {
                    write(v, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(v, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// Lowercase hexadecimal SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lowercase hexadecimal of a digest.
pub fn hex(digest: &[u8]) -> String {
    let mut hex = String::with_capacity(digest.len() * 2);
    for b in digest {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// SHA-256 (lowercase hex) of the canonical form of a value.
pub fn hash(value: &Value) -> String {
    sha256_hex(to_string(value).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sorts_keys_and_drops_whitespace() {
        let v = json!({"b": [1, {"z": null, "a": true}], "a": "Việt \"x\"\n"});
        assert_eq!(
            to_string(&v),
            r#"{"a":"Việt \"x\"\n","b":[1,{"a":true,"z":null}]}"#
        );
    }

    #[test]
    fn hashes_like_sha256sum() {
        // printf 'abc' | sha256sum
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
