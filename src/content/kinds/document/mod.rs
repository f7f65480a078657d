//! Legal documents (category 2.1 and the documents of other categories):
//! number, type, issuer, dates, validity.

mod number;

pub use number::{NumberProblem, check_document_number, suggest_document_number};

use crate::fields::{Fields, Key};
use crate::msg;

use super::FIELD;
use crate::content::model::Document;

const NUMBER: Key = Key::new("number", "so_ky_hieu");
const DOCUMENT_TYPE: Key = Key::new("document_type", "loai_van_ban");
const ISSUER: Key = Key::new("issuer", "co_quan_ban_hanh");
const SIGNER: Key = Key::new("signer", "nguoi_ky");
const ISSUE_DATE: Key = Key::new("issue_date", "ngay_ban_hanh");
const EFFECTIVE_DATE: Key = Key::new("effective_date", "ngay_hieu_luc");
const VALIDITY: Key = Key::new("validity", "tinh_trang_hieu_luc");
const SOURCE_URL: Key = Key::new("source_url", "lien_ket_vbpl");

/// Document types accepted in `document_type`.
pub const DOCUMENT_TYPES: &[&str] = &[
    "Hiến pháp",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Lệnh",
    "Nghị quyết",
    "Nghị quyết liên tịch",
    "Nghị định",
    "Quyết định",
    "Thông tư",
    "Thông tư liên tịch",
    "Chỉ thị",
    "Kế hoạch",
    "Hướng dẫn",
    "Công văn",
    "Thông báo",
    "Báo cáo",
    "Đề án",
    "Chương trình",
    "Công điện",
    "Tờ trình",
    "Giấy mời",
    "Quy chế",
    "Quy định",
    "Kết luận",
];

/// Validity statuses accepted in `validity`.
pub const VALIDITIES: &[&str] = &[
    "còn hiệu lực",
    "hết hiệu lực một phần",
    "hết hiệu lực",
    "chưa có hiệu lực",
];

/// The keys of a document entry.
pub(super) const KEYS: &[Key] = &[
    NUMBER,
    DOCUMENT_TYPE,
    ISSUER,
    SIGNER,
    ISSUE_DATE,
    EFFECTIVE_DATE,
    VALIDITY,
    FIELD,
    SOURCE_URL,
];

/// Reads the document keys; `required` when the category is made of documents.
pub(super) fn read(f: &mut Fields<'_>, required: bool) -> Document {
    let number = f.text(NUMBER);
    if let Some(n) = &number
        && let Err(why) = check_document_number(&n.value)
    {
        f.error_at(
            "bad-document-number",
            n.span.clone(),
            msg!("doc-number-invalid", number = &n.value, why = why.message()),
            match suggest_document_number(&n.value) {
                Some(fix) => msg!("doc-number-fix", key = f.display(NUMBER), fix = fix),
                None => msg!("doc-number-forms"),
            },
        );
    }
    let document_type = f.choice(DOCUMENT_TYPE, DOCUMENT_TYPES);
    let issuer = f.text(ISSUER);
    let issue_date = f.date(ISSUE_DATE);
    let effective_date = f.date(EFFECTIVE_DATE);
    if let (Some(i), Some(e)) = (&issue_date, &effective_date)
        && e.value.date() < i.value.date()
    {
        f.error_at(
            "date-order",
            e.span.clone(),
            msg!(
                "effective-before-issue",
                effective = e.value.dmy(),
                issued = i.value.dmy()
            ),
            msg!("effective-before-issue-help"),
        );
    }
    if required {
        let span = f.insertion_point();
        let missing: Vec<&str> = [NUMBER, DOCUMENT_TYPE, ISSUER, ISSUE_DATE]
            .iter()
            .filter(|k| !f.has(**k))
            .map(|k| k.name)
            .collect();
        if !missing.is_empty() {
            f.error_at(
                "missing-key",
                span,
                msg!(
                    "document-keys-missing",
                    keys = missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                msg!("document-keys-missing-help"),
            );
        }
    }
    Document {
        number: number.map(|n| n.value),
        document_type: document_type.map(|t| t.value),
        issuer: issuer.map(|i| i.value),
        signer: f.text(SIGNER).map(|s| s.value),
        issue_date: issue_date.map(|d| d.value),
        effective_date: effective_date.map(|d| d.value),
        validity: f.choice(VALIDITY, VALIDITIES).map(|v| v.value),
        field: f.text(FIELD).map(|v| v.value),
        source_url: f.url(SOURCE_URL).map(|v| v.value),
    }
}
