//! Scaffolding: `pbgdpl init` creates a whole section that builds at once;
//! `pbgdpl new` adds one entry with its category's front matter, every
//! optional key written out as a comment.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::category::{self, CATEGORIES, Category, Kind};
use crate::content::kinds;
use crate::content::load::CONTENT_DIR;
use crate::error::Error;
use crate::msg;
use crate::text::slugify;

pub use crate::content::placeholders::{
    DEFAULT_AGENCY, DEFAULT_AGENCY_URL, DEFAULT_BASE_URL, DEFAULT_PROVINCE_NAME,
    DEFAULT_PROVINCE_URL, PLACEHOLDERS, SAMPLE_TITLE,
};

/// What `init` writes into `site.toml`.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The agency's name.
    pub agency: String,
    /// The agency's portal.
    pub agency_url: String,
    /// The provincial PBGDPL site's name.
    pub province_name: String,
    /// The provincial PBGDPL site's address.
    pub province_url: String,
    /// Where the section will be published.
    pub base_url: String,
    /// Date of the sample entries.
    pub today: NaiveDate,
}

pub(crate) fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn site_toml(o: &InitOptions) -> String {
    format!(
        r#"# Cấu hình chuyên mục phổ biến, giáo dục pháp luật (PBGDPL).
# Tài liệu: docs/huong-dan.md (tiếng Việt), docs/content.md (mọi khóa).

# Tên chuyên mục, hiện trên thanh tiêu đề trình duyệt.
title = "Chuyên mục Phổ biến, giáo dục pháp luật"
# Địa chỉ công bố chuyên mục (kết thúc bằng /). Có thể là đường dẫn con
# trong cổng thông tin của cơ quan, ví dụ https://cong.example.gov.vn/pbgdpl/
base_url = {base_url}
# Ngôn ngữ giao diện: "vi" (mặc định) hoặc "en".
language = "vi"
# Mô tả ngắn cho công cụ tìm kiếm và nguồn tin (không bắt buộc).
# description = "…"
# Số bài trên một trang chuyên mục (mặc định 10).
# entries_per_page = 10
# Số bài mới của mỗi chuyên mục trên trang chủ (mặc định 4).
# home_entries_per_category = 4

[agency]
# Tên đầy đủ của cơ quan, đơn vị.
name = {agency}
# Cổng/trang thông tin điện tử của cơ quan.
url = {agency_url}
# address = "Số nhà, đường, phường/xã, tỉnh"
# phone = "0238 3xxx xxx"
# email = "vanthu@example.gov.vn"

[province]
# Trang thông tin điện tử PBGDPL của tỉnh: mọi trang của chuyên mục mang
# banner thống nhất liên kết tới trang này. Các cơ quan trong cùng tỉnh
# dùng đúng cùng tên và địa chỉ để banner giống hệt nhau.
name = {province_name}
url = {province_url}
# Cổng thông tin điện tử của Sở Tư pháp tỉnh (bắt đầu bằng https://), hiện ở
# khối "Hệ thống thông tin pháp luật quốc gia" của mọi trang.
# justice_url = "https://stp.example.gov.vn"

# Địa chỉ các hệ thống pháp luật quốc gia; chỉ cần khai báo khi khác mặc định.
# [national_links]
# legal_documents = "https://vbpl.vn"
# codification = "https://phapdien.moj.gov.vn"
# gazette = "https://congbao.chinhphu.vn"
# bookshelf = "https://tusachphapluat.vn"
# national_portal = "https://pbgdpl.gov.vn"

# Quy trình biên tập: cảnh báo khi bài đã duyệt chưa ghi người duyệt.
# [workflow]
# require_approver = true
"#,
        base_url = toml_str(&o.base_url),
        agency = toml_str(&o.agency),
        agency_url = toml_str(&o.agency_url),
        province_name = toml_str(&o.province_name),
        province_url = toml_str(&o.province_url),
    )
}

/// The file name and text of a new entry of `category`. With `sample`, the
/// entry is approved and its required keys hold example values, so a fresh
/// section builds; otherwise it is a draft to be filled in.
pub fn entry_template(
    category: &Category,
    title: &str,
    date: NaiveDate,
    sample: bool,
) -> (String, String) {
    let slug = slugify(title);
    let slug = if slug.is_empty() {
        "bai-moi".to_string()
    } else {
        slug
    };
    let id = format!(
        "{}-{}-{}",
        category.key,
        date.format("%Y%m%d"),
        slug.chars().take(40).collect::<String>()
    );
    let d = date.format("%Y-%m-%d");
    let mut fm = String::from("+++\n");
    let _ = writeln!(
        fm,
        "# Mã định danh ổn định: giữ nguyên khi đổi tên tệp hoặc tiêu đề."
    );
    let _ = writeln!(fm, "id = {}", toml_str(&id));
    let _ = writeln!(fm, "title = {}", toml_str(title));
    if category.dated {
        let _ = writeln!(fm, "date = {d}");
    } else {
        let _ = writeln!(
            fm,
            "# date = {d}\n# Thứ tự hiển thị (số nhỏ đứng trước).\nweight = 1"
        );
    }
    fm.push_str("# updated = ");
    let _ = writeln!(fm, "{d}");
    fm.push_str("# summary = \"Một hoặc hai câu tóm tắt nội dung.\"\n");
    fm.push_str("# tags = [\"pháp luật\", \"tuyên truyền\"]\n");
    if sample {
        fm.push_str("# Quy trình: draft (bản nháp) → review (chờ duyệt) → approved (đã duyệt, được công bố).\nstatus = \"approved\"\n");
    } else {
        fm.push_str("# Quy trình: draft (bản nháp) → review (chờ duyệt) → approved (đã duyệt, được công bố).\nstatus = \"draft\"\n");
    }
    fm.push_str(
        "# author = \"Người viết\"\n# editor = \"Người biên tập\"\n# approver = \"Người duyệt\"\n\
         # publish_date = 2026-12-01   # chưa công bố trước ngày này\n\
         # expiry_date = 2027-12-31    # gỡ xuống sau ngày này\n",
    );
    let opt = |line: &str| format!("# {line}\n");
    // Required keys are always written, with example values to replace.
    let req = |line: &str| format!("{line}\n");
    match category.kind {
        Kind::Document => {
            fm.push_str("# Thông tin văn bản (bắt buộc; thay các giá trị ví dụ bằng thông tin của văn bản):\n");
            fm.push_str(&req("number = \"14/2019/QĐ-TTg\""));
            fm.push_str(&req(&format!(
                "document_type = \"Quyết định\"   # {}",
                kinds::DOCUMENT_TYPES.join(", ")
            )));
            fm.push_str(&req("issuer = \"Thủ tướng Chính phủ\""));
            fm.push_str(&req("issue_date = 2019-04-26"));
            document_optional(&mut fm, &opt);
        }
        Kind::DocumentOptional | Kind::Statistics => {
            fm.push_str("# Nếu bài là một văn bản có số ký hiệu:\n");
            fm.push_str(&opt("number = \"266/KH-UBND\""));
            fm.push_str(&opt(&format!(
                "document_type = \"Kế hoạch\"   # {}",
                kinds::DOCUMENT_TYPES.join(", ")
            )));
            fm.push_str(&opt("issuer = \"UBND tỉnh\""));
            fm.push_str(&opt("issue_date = 2026-01-15"));
            document_optional(&mut fm, &opt);
        }
        Kind::Question => {
            fm.push_str(&opt("question = \"Nội dung câu hỏi đầy đủ (không ghi số điện thoại, thư điện tử, số căn cước).\""));
            fm.push_str(&opt("asker = \"Bạn đọc ở xã …\""));
            fm.push_str(&opt(&format!("asked_date = {d}")));
            fm.push_str(&opt(&format!("answered_date = {d}")));
            fm.push_str(&opt("answered_by = \"Tên cơ quan trả lời\""));
            fm.push_str(&opt("field = \"Đất đai\""));
        }
        Kind::Activity => {
            fm.push_str(&opt(&format!("held_on = {d}")));
            fm.push_str(&opt("place = \"Hội trường …\""));
            fm.push_str(&opt(&format!(
                "form = \"Hội nghị\"   # {}",
                kinds::ACTIVITY_FORMS.join(", ")
            )));
            fm.push_str(&opt("audience = \"Cán bộ, công chức và Nhân dân\""));
            fm.push_str(&opt("participants = 120"));
            fm.push_str(&opt("organizer = \"Tên đơn vị tổ chức\""));
            fm.push_str(&opt("reporters = [\"Họ tên báo cáo viên\"]"));
            fm.push_str(&opt("field = \"Đất đai\""));
        }
        Kind::Dialogue => {
            fm.push_str(&opt(&format!("held_on = {d}")));
            fm.push_str(&opt("place = \"Hội trường …\""));
            fm.push_str(&opt("topic = \"Chủ đề đối thoại\""));
            fm.push_str(&opt("chair = \"Người chủ trì\""));
            fm.push_str(&opt("attendees = \"Thành phần tham dự\""));
            fm.push_str(&opt("participants = 80"));
            fm.push_str(&opt("outcome = \"Kết quả đối thoại\""));
        }
        Kind::Material => {
            fm.push_str(&opt(&format!(
                "kind = \"Tờ gấp\"   # {}",
                kinds::MATERIAL_KINDS.join(", ")
            )));
            fm.push_str(&opt("language = \"Tiếng Việt\""));
            fm.push_str(&opt("field = \"Đất đai\""));
            fm.push_str("# Đa phương tiện (tệp nằm cạnh index.md):\n# [media]\n# youtube = \"https://www.youtube.com/watch?v=…\"\n# video = \"clip.mp4\"\n# captions = \"clip.vtt\"   # phụ đề WebVTT: bắt buộc khi có video; với audio là bản lời\n# audio = \"bai-noi.mp3\"\n# pdf = \"to-gap.pdf\"\n# poster = \"anh-bia.jpg\"\n");
        }
        Kind::Directory => {
            fm.push_str("# Mỗi người/bộ phận một khối [[contacts]]:\n[[contacts]]\n");
            fm.push_str(&req("name = \"Văn phòng\""));
            fm.push_str(&opt("position = \"Chánh Văn phòng\""));
            fm.push_str(&opt("unit = \"Văn phòng\""));
            fm.push_str(&opt("phone = \"0238 3xxx xxx\""));
            fm.push_str(&opt("email = \"vanphong@example.gov.vn\""));
        }
        Kind::Article | Kind::Page => {}
    }
    // Tables come last: uncommenting a [[attachments]] header above plain
    // keys would make them keys of the attachment.
    fm.push_str(
        "# Tệp đính kèm (đặt bài trong thư mục <tên>/index.md, tệp nằm cạnh index.md);\n\
         # các khối [[…]] và […] luôn đặt cuối phần thông tin:\n\
         # [[attachments]]\n# file = \"toan-van.pdf\"\n# title = \"Toàn văn\"\n",
    );
    fm.push_str("+++\n\n");
    let body = match category.kind {
        Kind::Question => "Nội dung trả lời câu hỏi.\n",
        _ => "Nội dung bài viết, soạn bằng Markdown.\n",
    };
    fm.push_str(body);
    (format!("{slug}.md"), fm)
}

fn document_optional(fm: &mut String, opt: &dyn Fn(&str) -> String) {
    fm.push_str(&opt("signer = \"Người ký\""));
    fm.push_str(&opt("effective_date = 2026-02-01"));
    fm.push_str(&opt(&format!(
        "validity = \"còn hiệu lực\"   # {}",
        kinds::VALIDITIES.join(", ")
    )));
    fm.push_str(&opt("field = \"Tài chính\""));
    fm.push_str(&opt("source_url = \"https://vbpl.vn/…\""));
}

fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
    }
    std::fs::write(path, text).map_err(Error::io(path))
}

/// Creates a new section in `dir`: `site.toml`, every category with an
/// `_index.md` and one sample entry, a sample data table, `.gitignore`.
pub fn init(dir: &Path, o: &InitOptions) -> Result<Vec<PathBuf>, Error> {
    if dir.join(crate::config::FILE_NAME).exists() || dir.join(CONTENT_DIR).exists() {
        return Err(Error::AlreadyExists(dir.to_path_buf()));
    }
    let mut created = Vec::new();
    let mut put = |rel: &str, text: &str| -> Result<(), Error> {
        let path = dir.join(rel);
        write_new(&path, text)?;
        created.push(path);
        Ok(())
    };
    put(crate::config::FILE_NAME, &site_toml(o))?;
    put(".gitignore", "/public/\n/.pbgdpl-cache/\n")?;
    for c in CATEGORIES.iter() {
        let intro = format!(
            "+++\ndescription = {}\n+++\n\nGiới thiệu ngắn về chuyên mục {}.\n",
            toml_str(c.label_vi),
            c.label_vi
        );
        put(&format!("{CONTENT_DIR}/{}/_index.md", c.key), &intro)?;
        let title = format!("{SAMPLE_TITLE} {}", c.label_vi);
        let (name, text) = entry_template(c, &title, o.today, true);
        put(&format!("{CONTENT_DIR}/{}/{name}", c.key), &text)?;
    }
    put(
        &format!("{CONTENT_DIR}/thong-ke/bao-cao-vien.toml"),
        "# Bảng số liệu: công bố thành bảng HTML và tệp CSV.\n\
         title = \"Danh sách báo cáo viên pháp luật\"\n\
         description = \"Cập nhật theo quyết định công nhận mới nhất.\"\n\
         columns = [\"Họ và tên\", \"Chức vụ\", \"Đơn vị công tác\", \"Quyết định công nhận\"]\n\
         rows = [\n  [\"Họ tên báo cáo viên\", \"Chức vụ\", \"Đơn vị\", \"Số quyết định\"],\n]\n",
    )?;
    Ok(created)
}

/// Creates a new draft entry of `category_key` titled `title` in the site at
/// `root`; returns its path. With `bundle`, the entry is a directory
/// (`<name>/index.md`) ready for attachments and media beside it. Refuses
/// to overwrite an existing entry.
pub fn new_entry(
    root: &Path,
    category_key: &str,
    title: &str,
    today: NaiveDate,
    bundle: bool,
) -> Result<PathBuf, Error> {
    let Some(category) = category::by_key(category_key) else {
        let list = CATEGORIES
            .iter()
            .map(|c| c.key)
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Error::Usage(
            match crate::diagnostics::closest(category_key, CATEGORIES.iter().map(|c| c.key)) {
                Some(c) => msg!(
                    "new-unknown-category-did-you-mean",
                    name = category_key,
                    suggestion = c,
                    categories = list
                ),
                None => msg!(
                    "new-unknown-category",
                    name = category_key,
                    categories = list
                ),
            },
        ));
    };
    if !root.join(crate::config::FILE_NAME).is_file() {
        return Err(Error::NotASite(root.to_path_buf()));
    }
    let (name, text) = entry_template(category, title, today, false);
    let file = root.join(CONTENT_DIR).join(category.key).join(&name);
    let dir = file.with_extension("");
    for existing in [&file, &dir] {
        if existing.exists() {
            return Err(Error::Usage(msg!("new-exists", path = existing)));
        }
    }
    let path = if bundle { dir.join("index.md") } else { file };
    write_new(&path, &text)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The template with every commented `key = value` and `[table]` line
    /// switched on, as an officer following the comments would.
    fn uncommented(text: &str) -> String {
        text.lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if rest.starts_with('[')
                        || rest.split_once(" = ").is_some_and(|(k, _)| {
                            k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        }) =>
                {
                    rest.to_string()
                }
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_placeholders_are_those_of_the_templates() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let all: String = CATEGORIES
            .iter()
            .map(|c| entry_template(c, "Bài mới", today, false).1)
            .collect();
        for p in PLACEHOLDERS {
            assert!(all.contains(p), "{p} is in no template");
        }
    }

    #[test]
    fn uncommenting_a_template_never_moves_keys_into_a_table() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let tables: &[(&str, &[&str])] = &[
            ("attachments", &["file", "title"]),
            (
                "media",
                &["youtube", "video", "captions", "audio", "pdf", "poster"],
            ),
            ("contacts", &["name", "position", "unit", "phone", "email"]),
        ];
        for c in CATEGORIES.iter() {
            let (_, text) = entry_template(c, "Bài mới", today, false);
            let all = uncommented(&text);
            let front = all.split("+++").nth(1).unwrap();
            let doc: toml::Table =
                toml::from_str(front).unwrap_or_else(|e| panic!("{}: {e}\n{front}", c.key));
            for (table, keys) in tables {
                let items = match doc.get(*table) {
                    Some(toml::Value::Table(t)) => vec![t.clone()],
                    Some(toml::Value::Array(a)) => {
                        a.iter().filter_map(|v| v.as_table().cloned()).collect()
                    }
                    _ => continue,
                };
                for item in items {
                    for k in item.keys() {
                        assert!(
                            keys.contains(&k.as_str()),
                            "{}: `{k}` ends up in [{table}]:\n{all}",
                            c.key
                        );
                    }
                }
            }
            assert!(doc.contains_key("status"), "{}", c.key);
        }
    }
}
