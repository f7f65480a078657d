//! The previous snapshot a build compares with to record deletions: the
//! `sync.json` already in the output directory, or `--previous PATH|URL`
//! (in CI, where the output directory is fresh, pass the published
//! snapshot's URL).

use std::path::Path;
use std::time::Duration;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::error::{Error, io_reason};
use crate::i18n::Message;
use crate::msg;

use super::{SCHEMA_MAJOR, SYNC_PATH, Tombstone};

/// How long to wait for the server to accept the connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the whole download may take.
const TOTAL_TIMEOUT: Duration = Duration::from_secs(60);
/// The largest snapshot accepted (a section with 100 000 entries is ~30 MB).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// What a build needs from the previous snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Previous {
    /// The entries it listed.
    pub entries: Vec<PreviousRecord>,
    /// The tombstones it carried.
    pub deleted: Vec<Tombstone>,
}

/// An entry of the previous snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PreviousRecord {
    /// Its id.
    pub id: String,
    /// Its URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Its category.
    #[serde(default)]
    pub category: Option<String>,
}

#[derive(Deserialize)]
struct Raw {
    schema_version: String,
    #[serde(default)]
    entries: Vec<PreviousRecord>,
    #[serde(default)]
    deleted: Vec<Tombstone>,
}

/// Parses a snapshot's text.
pub fn parse(text: &str) -> Result<Previous, Message> {
    let raw: Raw = serde_json::from_str(text)
        .map_err(|e| msg!("previous-not-sync", detail = e.to_string()))?;
    let major = raw.schema_version.split('.').next().unwrap_or("");
    if major != SCHEMA_MAJOR {
        return Err(msg!(
            "previous-schema",
            found = &raw.schema_version,
            reads = format!("{SCHEMA_MAJOR}.x")
        ));
    }
    Ok(Previous {
        entries: raw.entries,
        deleted: raw.deleted,
    })
}

/// True for `http://` and `https://` addresses.
pub fn is_url(source: &str) -> bool {
    let lower = source.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Downloads a snapshot (certificates verified as usual, with timeouts).
fn fetch(url: &str) -> Result<String, Message> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_global(Some(TOTAL_TIMEOUT))
        .user_agent(format!("pbgdpl/{}", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("Accept", "application/json")
        .call()
        .map_err(|e| msg!("previous-fetch", detail = e.to_string()))?;
    response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_string()
        .map_err(|e| msg!("previous-fetch", detail = e.to_string()))
}

/// Loads a snapshot from a file or an `http(s)://` address.
pub fn load(source: &str) -> Result<Previous, Error> {
    let failed = |message: Message| Error::Previous {
        from: source.to_string(),
        message,
    };
    let text = if is_url(source) {
        fetch(source).map_err(failed)?
    } else {
        std::fs::read_to_string(source).map_err(|e| failed(io_reason(&e)))?
    };
    parse(&text).map_err(failed)
}

/// The previous snapshot of a build writing to `output`: `explicit`
/// (`--previous`) when given, where any failure stops the build; else the
/// `sync.json` in `output`, where a failure is a warning (the build goes
/// on, without new tombstones).
pub fn for_build(
    output: &Path,
    explicit: Option<&str>,
) -> Result<(Option<Previous>, Option<Diagnostic>), Error> {
    if let Some(source) = explicit {
        return Ok((Some(load(source)?), None));
    }
    let path = output.join(SYNC_PATH);
    if !path.is_file() {
        return Ok((None, None));
    }
    let shown = path.display().to_string();
    match load(&shown) {
        Ok(p) => Ok((Some(p), None)),
        Err(e) => Ok((
            None,
            Some(
                Diagnostic::warning(
                    "previous-snapshot",
                    msg!("previous-snapshot", why = e.message()),
                )
                .help(msg!("previous-snapshot-help")),
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ours_and_refuses_others() {
        let p = parse(r#"{"schema_version":"1.3","entries":[{"id":"a","url":"u","extra":1}],"deleted":[],"new_field":true}"#).unwrap();
        assert_eq!(p.entries[0].id, "a");
        assert!(
            parse(r#"{"schema_version":"2.0"}"#)
                .unwrap_err()
                .as_str()
                .contains("pbgdpl")
        );
        assert!(parse("<html>").unwrap_err().as_str().contains("sync.json"));
        assert!(is_url("https://x/sync.json"));
        assert!(!is_url("public/sync.json"));
    }
}
