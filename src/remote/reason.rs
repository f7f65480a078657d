//! Why the hub refused something an agency sent, said in plain words, in
//! Vietnamese or English, and **never quoting what was received**: a
//! reason names the rule that was broken and where (which document, which
//! entry by its position, which field), with only numbers and names that
//! come from pbgdpl itself or from `sources.toml`. The status page is
//! public: whatever a server answered — an internal page reached by a
//! redirect, a secret file reached by a link — must not end up on it.

use serde::{Deserialize, Serialize};

use crate::i18n::{Message, Strings};
use crate::msg;

/// Why a source could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailureKind {
    /// No connection, no such file, an HTTP error status.
    Unreachable,
    /// No complete answer within the timeout, or the source's time is up.
    Timeout,
    /// What it returned is not a valid document, or breaks the hub's rules.
    Invalid,
    /// It publishes the same section (or ids) as another source.
    Conflict,
}

/// A link an agency's data asks the hub to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Link {
    /// `feeds.json` of `sync.json`.
    FeedsJson,
    /// `next_url` of a feed document.
    NextUrl,
    /// `statistics.url` of `sync.json`.
    Statistics,
}

impl Link {
    fn name(self) -> &'static str {
        match self {
            Link::FeedsJson => "feeds.json",
            Link::NextUrl => "next_url",
            Link::Statistics => "statistics.url",
        }
    }
}

/// One violation of a JSON Schema: where (a JSON Pointer made only of
/// array positions and plain property names) and which rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// The place in the document (`/entries/3/sha256`).
    pub path: String,
    /// The schema's rule (`pattern`, `type string`, `required url`…).
    pub rule: String,
}

/// Why a document (or a whole source) was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Reason {
    /// The file does not exist.
    NoSuchFile,
    /// A directory, a pipe, a device: not a regular file.
    NotRegularFile,
    /// A path (or symbolic link) that leaves the source's directory.
    OutsideDirectory,
    /// The file exists but cannot be read (permissions…).
    Unreadable,
    /// One document took longer than `timeout_seconds`.
    Timeout {
        /// The limit.
        seconds: u64,
    },
    /// The source as a whole took longer than `total_seconds`.
    OverBudget {
        /// The limit.
        seconds: u64,
    },
    /// A document larger than the cap (after decompression).
    TooLarge {
        /// The cap.
        megabytes: u64,
    },
    /// An HTTP error status.
    HttpStatus {
        /// The status code.
        code: u16,
    },
    /// `304 Not Modified` to a request that sent no validators.
    NotModifiedUnasked,
    /// DNS did not know the host.
    HostNotFound,
    /// Nobody listens on that port.
    ConnectionRefused,
    /// The connection failed or was cut.
    ConnectionFailed,
    /// TLS failed (certificate…).
    Tls,
    /// The answer is not valid HTTP.
    BadHttp,
    /// A redirect to another host, outside the source's path, or to a
    /// scheme other than http(s) (`file:`…).
    RedirectOutside,
    /// Too many redirects, or a loop.
    TooManyRedirects {
        /// The limit.
        limit: usize,
    },
    /// Not UTF-8 text.
    NotUtf8,
    /// Not JSON.
    NotJson {
        /// Line of the syntax error.
        line: usize,
        /// Column of the syntax error.
        column: usize,
    },
    /// No `schema_version`: not a pbgdpl document.
    NoSchemaVersion,
    /// A `schema_version` of another major version.
    SchemaMajor,
    /// Violations of the JSON Schema.
    Schema {
        /// The schema's file name.
        schema: String,
        /// The first violations.
        violations: Vec<Violation>,
        /// How many more there are.
        more: usize,
    },
    /// A feed document that is not JSON Feed 1.1.
    NotJsonFeed,
    /// `count` is not the number of entries.
    CountMismatch {
        /// The number of entries.
        actual: usize,
    },
    /// `digest` is not the SHA-256 of the entries.
    DigestMismatch,
    /// `site.base_url` is not an http(s) address of a directory.
    BaseUrlUnusable,
    /// `site.base_url` is not the address `sources.toml` gives for the
    /// source (its `base_url`).
    BaseUrlNotConfigured,
    /// `site.base_url` is not where the source is fetched from (and
    /// `sources.toml` gives no `base_url` for it).
    BaseUrlNotWhereFetched,
    /// An entry's id outside the section's own address.
    IdOutside {
        /// Position of the entry (1-based).
        entry: usize,
    },
    /// An id listed twice.
    IdTwice {
        /// Position of the second (1-based).
        entry: usize,
    },
    /// An entry's `url` that is not an http(s) address under the
    /// section's own address.
    UrlOutside {
        /// Position of the entry (1-based).
        entry: usize,
    },
    /// A tombstone for an id outside the section's own address.
    TombstoneOutside {
        /// Position of the tombstone (1-based).
        tombstone: usize,
    },
    /// A tombstone whose `url` is not under the section's own address.
    TombstoneUrlOutside {
        /// Position of the tombstone (1-based).
        tombstone: usize,
    },
    /// A feed item's id outside the section's own address.
    ItemIdOutside {
        /// Position of the item (1-based).
        item: usize,
    },
    /// A feed item listed twice.
    ItemTwice {
        /// Position of the item (1-based).
        item: usize,
    },
    /// A feed item without a required field.
    ItemMissing {
        /// Position of the item (1-based).
        item: usize,
        /// The field.
        field: String,
    },
    /// A feed item whose `date_published` or `date_modified` is not an
    /// RFC 3339 time.
    ItemDate {
        /// Position of the item (1-based).
        item: usize,
    },
    /// A feed item whose `url` (or an attachment's) is not an http(s)
    /// address under the section's own address.
    ItemUrlOutside {
        /// Position of the item (1-based).
        item: usize,
    },
    /// A feed item whose `content_html` nests deeper than the limit.
    ItemTooDeep {
        /// Position of the item (1-based).
        item: usize,
        /// The limit ([`crate::nesting::MAX_NESTING`]).
        limit: usize,
    },
    /// A link of the agency's data that is not an http(s) address.
    LinkNotAddress {
        /// Which link.
        link: Link,
    },
    /// A link that leaves the source (another host, another path).
    LinkOutside {
        /// Which link.
        link: Link,
    },
    /// More feed documents than the section's entries can fill.
    TooManyDocuments {
        /// The limit.
        limit: usize,
    },
    /// `statistics.json` is not the file `sync.json` lists: its SHA-256
    /// differs.
    StatisticsHash,
    /// `statistics.json` nests deeper than the limit.
    StatisticsTooDeep {
        /// The limit (the hub's `aggregate::accept::statistics::MAX_DEPTH`).
        limit: usize,
    },
    /// A text of `statistics.json` holds markup (a tag, a `javascript:`
    /// link).
    StatisticsMarkup,
    /// The section (or some of its ids) belongs to another source.
    Conflict {
        /// The other source's id in `sources.toml`.
        other: String,
    },
}

impl Reason {
    /// The kind of failure the status page shows.
    pub fn kind(&self) -> FailureKind {
        use Reason::*;
        match self {
            Timeout { .. } | OverBudget { .. } => FailureKind::Timeout,
            NoSuchFile
            | NotRegularFile
            | Unreadable
            | HttpStatus { .. }
            | HostNotFound
            | ConnectionRefused
            | ConnectionFailed
            | Tls
            | BadHttp => FailureKind::Unreachable,
            Conflict { .. } => FailureKind::Conflict,
            _ => FailureKind::Invalid,
        }
    }

    /// The reason's code: the name of its message in the catalogue
    /// (`aggregate-reason-<code>`) and in the theme's strings
    /// (`hub_reason_<code>`, with `_`).
    pub fn code(&self) -> &'static str {
        match self {
            Reason::NoSuchFile => "no-such-file",
            Reason::NotRegularFile => "not-regular-file",
            Reason::OutsideDirectory => "outside-directory",
            Reason::Unreadable => "unreadable",
            Reason::Timeout { .. } => "timeout",
            Reason::OverBudget { .. } => "over-budget",
            Reason::TooLarge { .. } => "too-large",
            Reason::HttpStatus { .. } => "http-status",
            Reason::NotModifiedUnasked => "not-modified-unasked",
            Reason::HostNotFound => "host-not-found",
            Reason::ConnectionRefused => "connection-refused",
            Reason::ConnectionFailed => "connection-failed",
            Reason::Tls => "tls",
            Reason::BadHttp => "bad-http",
            Reason::RedirectOutside => "redirect-outside",
            Reason::TooManyRedirects { .. } => "too-many-redirects",
            Reason::NotUtf8 => "not-utf8",
            Reason::NotJson { .. } => "not-json",
            Reason::NoSchemaVersion => "no-schema-version",
            Reason::SchemaMajor => "schema-major",
            Reason::Schema { .. } => "schema",
            Reason::NotJsonFeed => "not-json-feed",
            Reason::CountMismatch { .. } => "count-mismatch",
            Reason::DigestMismatch => "digest-mismatch",
            Reason::BaseUrlUnusable => "base-url-unusable",
            Reason::BaseUrlNotConfigured => "base-url-not-configured",
            Reason::BaseUrlNotWhereFetched => "base-url-not-where-fetched",
            Reason::IdOutside { .. } => "id-outside",
            Reason::IdTwice { .. } => "id-twice",
            Reason::UrlOutside { .. } => "url-outside",
            Reason::TombstoneOutside { .. } => "tombstone-outside",
            Reason::TombstoneUrlOutside { .. } => "tombstone-url-outside",
            Reason::ItemIdOutside { .. } => "item-id-outside",
            Reason::ItemTwice { .. } => "item-twice",
            Reason::ItemMissing { .. } => "item-missing",
            Reason::ItemDate { .. } => "item-date",
            Reason::ItemUrlOutside { .. } => "item-url-outside",
            Reason::ItemTooDeep { .. } => "item-too-deep",
            Reason::LinkNotAddress { .. } => "link-not-address",
            Reason::LinkOutside { .. } => "link-outside",
            Reason::TooManyDocuments { .. } => "too-many-documents",
            Reason::StatisticsHash => "statistics-hash",
            Reason::StatisticsTooDeep { .. } => "statistics-too-deep",
            Reason::StatisticsMarkup => "statistics-markup",
            Reason::Conflict { .. } => "conflict",
        }
    }

    /// The reason in plain words, in the language of the run (the
    /// operator's terminal).
    pub fn message(&self) -> Message {
        match self {
            Reason::NoSuchFile => msg!("aggregate-reason-no-such-file"),
            Reason::NotRegularFile => msg!("aggregate-reason-not-regular-file"),
            Reason::OutsideDirectory => msg!("aggregate-reason-outside-directory"),
            Reason::Unreadable => msg!("aggregate-reason-unreadable"),
            Reason::Timeout { seconds } => msg!("aggregate-reason-timeout", seconds = *seconds),
            Reason::OverBudget { seconds } => {
                msg!("aggregate-reason-over-budget", seconds = *seconds)
            }
            Reason::TooLarge { megabytes } => {
                msg!("aggregate-reason-too-large", megabytes = *megabytes)
            }
            Reason::HttpStatus { code } => msg!("aggregate-reason-http-status", code = *code),
            Reason::NotModifiedUnasked => msg!("aggregate-reason-not-modified-unasked"),
            Reason::HostNotFound => msg!("aggregate-reason-host-not-found"),
            Reason::ConnectionRefused => msg!("aggregate-reason-connection-refused"),
            Reason::ConnectionFailed => msg!("aggregate-reason-connection-failed"),
            Reason::Tls => msg!("aggregate-reason-tls"),
            Reason::BadHttp => msg!("aggregate-reason-bad-http"),
            Reason::RedirectOutside => msg!("aggregate-reason-redirect-outside"),
            Reason::TooManyRedirects { limit } => {
                msg!("aggregate-reason-too-many-redirects", limit = *limit)
            }
            Reason::NotUtf8 => msg!("aggregate-reason-not-utf8"),
            Reason::NotJson { line, column } => {
                msg!("aggregate-reason-not-json", line = *line, column = *column)
            }
            Reason::NoSchemaVersion => msg!("aggregate-reason-no-schema-version"),
            Reason::SchemaMajor => msg!(
                "aggregate-reason-schema-major",
                major = crate::sync::SCHEMA_MAJOR
            ),
            Reason::Schema {
                schema,
                violations,
                more,
            } => {
                let mut list = violations
                    .iter()
                    .map(|v| {
                        msg!(
                            "aggregate-reason-schema-violation",
                            path = v.path.as_str(),
                            rule = v.rule.as_str()
                        )
                        .into_string()
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                if *more > 0 {
                    list.push(' ');
                    list.push_str(msg!("aggregate-reason-schema-more", count = *more).as_str());
                }
                msg!(
                    "aggregate-reason-schema",
                    schema = schema.as_str(),
                    violations = list
                )
            }
            Reason::NotJsonFeed => msg!("aggregate-reason-not-json-feed"),
            Reason::CountMismatch { actual } => {
                msg!("aggregate-reason-count-mismatch", actual = *actual)
            }
            Reason::DigestMismatch => msg!("aggregate-reason-digest-mismatch"),
            Reason::BaseUrlUnusable => msg!("aggregate-reason-base-url-unusable"),
            Reason::BaseUrlNotConfigured => msg!("aggregate-reason-base-url-not-configured"),
            Reason::BaseUrlNotWhereFetched => msg!("aggregate-reason-base-url-not-where-fetched"),
            Reason::IdOutside { entry } => msg!("aggregate-reason-id-outside", entry = *entry),
            Reason::IdTwice { entry } => msg!("aggregate-reason-id-twice", entry = *entry),
            Reason::UrlOutside { entry } => msg!("aggregate-reason-url-outside", entry = *entry),
            Reason::TombstoneOutside { tombstone } => {
                msg!("aggregate-reason-tombstone-outside", tombstone = *tombstone)
            }
            Reason::TombstoneUrlOutside { tombstone } => msg!(
                "aggregate-reason-tombstone-url-outside",
                tombstone = *tombstone
            ),
            Reason::ItemIdOutside { item } => {
                msg!("aggregate-reason-item-id-outside", item = *item)
            }
            Reason::ItemTwice { item } => msg!("aggregate-reason-item-twice", item = *item),
            Reason::ItemMissing { item, field } => msg!(
                "aggregate-reason-item-missing",
                item = *item,
                field = field.as_str()
            ),
            Reason::ItemDate { item } => msg!("aggregate-reason-item-date", item = *item),
            Reason::ItemUrlOutside { item } => {
                msg!("aggregate-reason-item-url-outside", item = *item)
            }
            Reason::ItemTooDeep { item, limit } => msg!(
                "aggregate-reason-item-too-deep",
                item = *item,
                limit = *limit
            ),
            Reason::LinkNotAddress { link } => {
                msg!("aggregate-reason-link-not-address", link = link.name())
            }
            Reason::LinkOutside { link } => {
                msg!("aggregate-reason-link-outside", link = link.name())
            }
            Reason::TooManyDocuments { limit } => {
                msg!("aggregate-reason-too-many-documents", limit = *limit)
            }
            Reason::StatisticsHash => msg!("aggregate-reason-statistics-hash"),
            Reason::StatisticsTooDeep { limit } => {
                msg!("aggregate-reason-statistics-too-deep", limit = *limit)
            }
            Reason::StatisticsMarkup => msg!("aggregate-reason-statistics-markup"),
            Reason::Conflict { other } => msg!("aggregate-reason-conflict", other = other.as_str()),
        }
    }

    /// The values the reason's sentence names.
    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Reason::Timeout { seconds } => vec![("seconds", seconds.to_string())],
            Reason::OverBudget { seconds } => vec![("seconds", seconds.to_string())],
            Reason::TooLarge { megabytes } => vec![("megabytes", megabytes.to_string())],
            Reason::HttpStatus { code } => vec![("code", code.to_string())],
            Reason::TooManyRedirects { limit } => vec![("limit", limit.to_string())],
            Reason::NotJson { line, column } => {
                vec![("line", line.to_string()), ("column", column.to_string())]
            }
            Reason::SchemaMajor => vec![("major", crate::sync::SCHEMA_MAJOR.to_string())],
            Reason::CountMismatch { actual } => vec![("actual", actual.to_string())],
            Reason::IdOutside { entry } => vec![("entry", entry.to_string())],
            Reason::IdTwice { entry } => vec![("entry", entry.to_string())],
            Reason::UrlOutside { entry } => vec![("entry", entry.to_string())],
            Reason::TombstoneOutside { tombstone } => vec![("tombstone", tombstone.to_string())],
            Reason::TombstoneUrlOutside { tombstone } => vec![("tombstone", tombstone.to_string())],
            Reason::ItemIdOutside { item } => vec![("item", item.to_string())],
            Reason::ItemTwice { item } => vec![("item", item.to_string())],
            Reason::ItemMissing { item, field } => {
                vec![("item", item.to_string()), ("field", field.clone())]
            }
            Reason::ItemDate { item } => vec![("item", item.to_string())],
            Reason::ItemUrlOutside { item } => vec![("item", item.to_string())],
            Reason::ItemTooDeep { item, limit } => {
                vec![("item", item.to_string()), ("limit", limit.to_string())]
            }
            Reason::LinkNotAddress { link } => vec![("link", link.name().to_string())],
            Reason::LinkOutside { link } => vec![("link", link.name().to_string())],
            Reason::TooManyDocuments { limit } => vec![("limit", limit.to_string())],
            Reason::StatisticsTooDeep { limit } => vec![("limit", limit.to_string())],
            Reason::Conflict { other } => vec![("other", other.clone())],
            _ => Vec::new(),
        }
    }

    /// The reason in plain words for a public page, from the theme's
    /// strings `t` (`hub_reason_<code>`, `{name}` replaced).
    pub fn page(&self, t: &Strings) -> String {
        let mut args = self.args();
        if let Reason::Schema {
            schema,
            violations,
            more,
        } = self
        {
            args.push(("schema", schema.clone()));
            let list: Vec<String> = violations
                .iter()
                .map(|v| {
                    fill(
                        t,
                        "hub_reason_schema_violation",
                        &[("path", v.path.clone()), ("rule", v.rule.clone())],
                    )
                })
                .collect();
            let mut list = list.join("; ");
            if *more > 0 {
                list.push(' ');
                list.push_str(&fill(
                    t,
                    "hub_reason_schema_more",
                    &[("count", more.to_string())],
                ));
            }
            args.push(("violations", list));
        }
        fill(
            t,
            &format!("hub_reason_{}", self.code().replace('-', "_")),
            &args,
        )
    }
}

/// The theme string `key` with its `{name}` placeholders replaced.
fn fill(t: &Strings, key: &str, args: &[(&str, String)]) -> String {
    let mut text = t.get(key).cloned().unwrap_or_default();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// Which document of a source a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "document")]
pub enum Document {
    /// Its `sync.json`.
    Snapshot,
    /// A document of its JSON Feed chain (1 = the first one read).
    Feed {
        /// Its position in the chain as read.
        number: usize,
    },
    /// Its `statistics.json` (since format 1.2).
    Statistics,
    /// The source as a whole.
    Source,
}

impl Document {
    /// The document, in plain words for a public page (empty for the
    /// whole source).
    pub fn page(self, t: &Strings) -> String {
        match self {
            Document::Snapshot => fill(t, "hub_document_sync", &[]),
            Document::Feed { number: 1 } => fill(t, "hub_document_feed", &[]),
            Document::Feed { number } => {
                fill(t, "hub_document_feed_n", &[("number", number.to_string())])
            }
            Document::Statistics => fill(t, "hub_document_statistics", &[]),
            Document::Source => String::new(),
        }
    }

    /// `document: reason` for a public page, or the reason alone for the
    /// whole source.
    pub fn with(self, reason: &Reason, t: &Strings) -> String {
        let doc = self.page(t);
        if doc.is_empty() {
            reason.page(t)
        } else {
            format!("{doc}: {}", reason.page(t))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, builtin};

    #[test]
    fn reasons_are_said_on_pages_in_both_languages_and_serialise() {
        let r = Reason::Timeout { seconds: 30 };
        assert!(r.page(&builtin(Lang::Vi)).contains("30 giây"));
        assert!(r.page(&builtin(Lang::En)).contains("30 s"));
        assert_eq!(r.kind(), FailureKind::Timeout);
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"reason":"timeout","seconds":30}"#);
        let back: Reason = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        let en = builtin(Lang::En);
        assert_eq!(
            Document::Feed { number: 3 }.with(&Reason::NotJsonFeed, &en),
            "JSON Feed (document 3 along next_url): it is not a JSON Feed 1.1"
        );
        let schema = Reason::Schema {
            schema: "sync.v1.json".into(),
            violations: vec![Violation {
                path: "/entries/0/sha256".into(),
                rule: "pattern".into(),
            }],
            more: 2,
        };
        assert_eq!(
            schema.page(&en),
            "it does not follow schemas/sync.v1.json: /entries/0/sha256 breaks the rule pattern (and 2 more)"
        );
    }

    #[test]
    fn every_reason_has_its_page_string_and_every_placeholder_is_filled() {
        let all = [
            Reason::NoSuchFile,
            Reason::Timeout { seconds: 1 },
            Reason::SchemaMajor,
            Reason::NotJson { line: 1, column: 2 },
            Reason::ItemMissing {
                item: 1,
                field: "url".into(),
            },
            Reason::ItemTooDeep {
                item: 1,
                limit: 100,
            },
            Reason::LinkOutside {
                link: Link::NextUrl,
            },
            Reason::LinkOutside {
                link: Link::Statistics,
            },
            Reason::StatisticsTooDeep { limit: 16 },
            Reason::StatisticsHash,
            Reason::StatisticsMarkup,
            Reason::Conflict { other: "a".into() },
        ];
        for lang in [Lang::Vi, Lang::En] {
            let t = builtin(lang);
            for r in &all {
                let text = r.page(&t);
                assert!(
                    !text.is_empty() && !text.contains('{'),
                    "{lang:?} {r:?}: {text}"
                );
            }
        }
        // Every code has its string.
        let vi = builtin(Lang::Vi);
        let source = include_str!("reason.rs");
        for code in source
            .lines()
            .filter(|l| l.trim().starts_with("Reason::"))
            .filter_map(|l| l.trim().split("=> \"").nth(1))
            .filter_map(|rest| rest.strip_suffix("\","))
        {
            let key = format!("hub_reason_{}", code.replace('-', "_"));
            assert!(vi.contains_key(&key), "no {key} in the theme's strings");
        }
    }
}
