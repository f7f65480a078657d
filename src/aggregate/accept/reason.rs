//! Why the hub refused something an agency sent, said in plain words, in
//! Vietnamese or English, and **never quoting what was received**: a
//! reason names the rule that was broken and where (which document, which
//! entry by its position, which field), with only numbers and names that
//! come from pbgdpl itself or from `sources.toml`. The status page is
//! public: whatever a server answered — an internal page reached by a
//! redirect, a secret file reached by a link — must not end up on it.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

use super::super::poll::FailureKind;

/// A link an agency's data asks the hub to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Link {
    /// `feeds.json` of `sync.json`.
    FeedsJson,
    /// `next_url` of a feed document.
    NextUrl,
}

impl Link {
    fn name(self) -> &'static str {
        match self {
            Link::FeedsJson => "feeds.json",
            Link::NextUrl => "next_url",
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

    /// The reason in plain words.
    pub fn say(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let pick = |v: String, e: String| if vi { v } else { e };
        use Reason::*;
        match self {
            NoSuchFile => pick("không có tệp này".into(), "no such file".into()),
            NotRegularFile => pick(
                "đây không phải là một tệp thông thường (thư mục, ống dẫn hoặc thiết bị)".into(),
                "it is not a regular file (a directory, a pipe or a device)".into(),
            ),
            OutsideDirectory => pick(
                "đường dẫn (hoặc liên kết tượng trưng) đi ra ngoài thư mục của nguồn".into(),
                "the path (or a symbolic link) leads outside the source's directory".into(),
            ),
            Unreadable => pick(
                "không đọc được tệp (quyền truy cập)".into(),
                "the file cannot be read (permissions)".into(),
            ),
            Timeout { seconds } => pick(
                format!("không nhận đủ dữ liệu trong {seconds} giây (timeout_seconds trong [fetch])"),
                format!("no complete answer within {seconds} s (timeout_seconds in [fetch])"),
            ),
            OverBudget { seconds } => pick(
                format!("nguồn dùng hết {seconds} giây dành cho mỗi nguồn (total_seconds trong [fetch])"),
                format!("the source used up its {seconds} s (total_seconds in [fetch])"),
            ),
            TooLarge { megabytes } => pick(
                format!("tài liệu lớn hơn {megabytes} MB"),
                format!("the document is larger than {megabytes} MB"),
            ),
            HttpStatus { code } => pick(
                format!("máy chủ trả về mã HTTP {code} thay vì tài liệu"),
                format!("the server answered HTTP {code} instead of the document"),
            ),
            NotModifiedUnasked => pick(
                "máy chủ trả về 304 Not Modified cho một yêu cầu không có điều kiện".into(),
                "the server answered 304 Not Modified to a request without conditions".into(),
            ),
            HostNotFound => pick(
                "không tìm thấy tên máy chủ (DNS)".into(),
                "the host name was not found (DNS)".into(),
            ),
            ConnectionRefused => pick(
                "máy chủ từ chối kết nối".into(),
                "the connection was refused".into(),
            ),
            ConnectionFailed => pick(
                "kết nối thất bại hoặc bị ngắt giữa chừng".into(),
                "the connection failed or was cut".into(),
            ),
            Tls => pick(
                "lỗi kết nối bảo mật (TLS, chứng thư số)".into(),
                "the secure connection failed (TLS, certificate)".into(),
            ),
            BadHttp => pick(
                "câu trả lời của máy chủ không đúng giao thức HTTP".into(),
                "the server's answer is not valid HTTP".into(),
            ),
            RedirectOutside => pick(
                "máy chủ chuyển hướng ra ngoài địa chỉ của nguồn (máy chủ khác, đường dẫn khác hoặc không phải http/https); hub không đi theo".into(),
                "the server redirects outside the source's address (another host, another path, or not http/https); the hub does not follow".into(),
            ),
            TooManyRedirects { limit } => pick(
                format!("chuyển hướng quá {limit} lần hoặc thành vòng lặp"),
                format!("more than {limit} redirects, or a loop"),
            ),
            NotUtf8 => pick(
                "tài liệu không phải văn bản UTF-8".into(),
                "it is not UTF-8 text".into(),
            ),
            NotJson { line, column } => pick(
                format!("tài liệu không phải JSON (lỗi cú pháp ở dòng {line}, cột {column})"),
                format!("it is not JSON (syntax error at line {line}, column {column})"),
            ),
            NoSchemaVersion => pick(
                "thiếu schema_version: đây không phải tài liệu của pbgdpl".into(),
                "it has no schema_version: it is not a pbgdpl document".into(),
            ),
            SchemaMajor => pick(
                format!(
                    "schema_version không phải {}.x; cần nâng cấp pbgdpl",
                    crate::sync::SCHEMA_MAJOR
                ),
                format!(
                    "its schema_version is not {}.x; upgrade pbgdpl",
                    crate::sync::SCHEMA_MAJOR
                ),
            ),
            Schema {
                schema,
                violations,
                more,
            } => {
                let list = violations
                    .iter()
                    .map(|v| {
                        if vi {
                            format!("{} vi phạm quy tắc {}", v.path, v.rule)
                        } else {
                            format!("{} breaks the rule {}", v.path, v.rule)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                let tail = match (*more, vi) {
                    (0, _) => String::new(),
                    (n, true) => format!(" (và {n} lỗi khác)"),
                    (n, false) => format!(" (and {n} more)"),
                };
                pick(
                    format!("không đúng schemas/{schema}: {list}{tail}"),
                    format!("it does not follow schemas/{schema}: {list}{tail}"),
                )
            }
            NotJsonFeed => pick(
                "không phải JSON Feed 1.1".into(),
                "it is not a JSON Feed 1.1".into(),
            ),
            CountMismatch { actual } => pick(
                format!("count không bằng số bài ({actual})"),
                format!("its count is not the number of its entries ({actual})"),
            ),
            DigestMismatch => pick(
                "digest không phải SHA-256 của danh sách bài: tệp bị hỏng hoặc bị sửa tay".into(),
                "its digest is not the SHA-256 of its entries: the file is damaged or was edited by hand".into(),
            ),
            BaseUrlUnusable => pick(
                "site.base_url không phải địa chỉ http(s) của một thư mục".into(),
                "its site.base_url is not an http(s) address of a directory".into(),
            ),
            BaseUrlNotConfigured => pick(
                "site.base_url không phải địa chỉ chuyên mục ghi cho nguồn này trong sources.toml (base_url)".into(),
                "its site.base_url is not the address sources.toml gives for this source (base_url)".into(),
            ),
            BaseUrlNotWhereFetched => pick(
                "site.base_url không phải nơi hub tải dữ liệu của nguồn; nếu đây là bản sao (mirror), ghi địa chỉ chuyên mục vào base_url của nguồn trong sources.toml".into(),
                "its site.base_url is not where the hub fetches it from; if this is a mirror, give the section's address as the source's base_url in sources.toml".into(),
            ),
            IdOutside { entry } => pick(
                format!("mã (id) của bài thứ {entry} không thuộc địa chỉ của chính chuyên mục"),
                format!("the id of entry {entry} is not under the section's own address"),
            ),
            IdTwice { entry } => pick(
                format!("bài thứ {entry} trùng mã (id) với một bài trước"),
                format!("entry {entry} has the id of an earlier one"),
            ),
            UrlOutside { entry } => pick(
                format!("địa chỉ (url) của bài thứ {entry} không phải địa chỉ http(s) trong chuyên mục"),
                format!("the url of entry {entry} is not an http(s) address inside the section"),
            ),
            TombstoneOutside { tombstone } => pick(
                format!("bản ghi xóa thứ {tombstone} (deleted) là của một chuyên mục khác"),
                format!("tombstone {tombstone} (deleted) is for another section's id"),
            ),
            TombstoneUrlOutside { tombstone } => pick(
                format!("địa chỉ (url) của bản ghi xóa thứ {tombstone} không thuộc chuyên mục"),
                format!("the url of tombstone {tombstone} is not inside the section"),
            ),
            ItemIdOutside { item } => pick(
                format!("mã (id) của mục thứ {item} trong nguồn tin không thuộc địa chỉ của chuyên mục"),
                format!("the id of feed item {item} is not under the section's own address"),
            ),
            ItemTwice { item } => pick(
                format!("mục thứ {item} trong nguồn tin trùng mã với một mục trước"),
                format!("feed item {item} has the id of an earlier one"),
            ),
            ItemMissing { item, field } => pick(
                format!("mục thứ {item} trong nguồn tin thiếu {field}"),
                format!("feed item {item} has no {field}"),
            ),
            ItemDate { item } => pick(
                format!("ngày của mục thứ {item} trong nguồn tin không đúng định dạng RFC 3339"),
                format!("a date of feed item {item} is not RFC 3339"),
            ),
            ItemUrlOutside { item } => pick(
                format!("mục thứ {item} trong nguồn tin có địa chỉ (url của bài hoặc tệp đính kèm) không phải http(s) trong chuyên mục"),
                format!("feed item {item} has an address (its url or an attachment's) that is not http(s) inside the section"),
            ),
            LinkNotAddress { link } => pick(
                format!("liên kết {} không phải địa chỉ http(s)", link.name()),
                format!("the {} link is not an http(s) address", link.name()),
            ),
            LinkOutside { link } => pick(
                format!(
                    "liên kết {} dẫn ra ngoài chuyên mục (máy chủ hoặc đường dẫn khác); hub không đi theo",
                    link.name()
                ),
                format!(
                    "the {} link leads outside the section (another host or path); the hub does not follow it",
                    link.name()
                ),
            ),
            TooManyDocuments { limit } => pick(
                format!("chuỗi nguồn tin dài hơn {limit} tài liệu, nhiều hơn số bài của chuyên mục"),
                format!("the feed chain is longer than {limit} documents, more than the section's entries need"),
            ),
            Conflict { other } => pick(
                format!("chuyên mục (hoặc một số bài) này thuộc nguồn `{other}`; mỗi chuyên mục chỉ được đăng một lần"),
                format!("the section (or some of its entries) belongs to the source `{other}`; each section is published once"),
            ),
        }
    }
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
    /// The source as a whole.
    Source,
}

impl Document {
    /// The document, in plain words (empty for the whole source).
    pub fn say(self, lang: Lang) -> String {
        match (self, lang) {
            (Document::Snapshot, _) => "sync.json".into(),
            (Document::Feed { number: 1 }, Lang::Vi) => "nguồn tin JSON Feed".into(),
            (Document::Feed { number: 1 }, Lang::En) => "JSON Feed".into(),
            (Document::Feed { number }, Lang::Vi) => {
                format!("nguồn tin JSON Feed (tài liệu thứ {number} theo next_url)")
            }
            (Document::Feed { number }, Lang::En) => {
                format!("JSON Feed (document {number} along next_url)")
            }
            (Document::Source, _) => String::new(),
        }
    }

    /// `document: reason`, or the reason alone for the whole source.
    pub fn with(self, reason: &Reason, lang: Lang) -> String {
        let doc = self.say(lang);
        if doc.is_empty() {
            reason.say(lang)
        } else {
            format!("{doc}: {}", reason.say(lang))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_said_in_both_languages_and_serialise() {
        let r = Reason::Timeout { seconds: 30 };
        assert!(r.say(Lang::Vi).contains("30 giây"));
        assert!(r.say(Lang::En).contains("30 s"));
        assert_eq!(r.kind(), FailureKind::Timeout);
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"reason":"timeout","seconds":30}"#);
        let back: Reason = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        assert_eq!(
            Document::Feed { number: 3 }.with(&Reason::NotJsonFeed, Lang::En),
            "JSON Feed (document 3 along next_url): it is not a JSON Feed 1.1"
        );
    }
}
