//! A hub source's JSON Feed documents: any bytes as one page of an
//! agency's feed chain, checked and admitted as `aggregate` does (item
//! addresses kept inside the section, HTML sanitised).

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use pbgdpl::aggregate::validate::Schemas;
use pbgdpl::i18n::Lang;
use pbgdpl::nesting::{MAX_HTML_NESTING, deeper_than};

static SCHEMAS: LazyLock<Schemas> = LazyLock::new(|| Schemas::new().expect("built-in schemas"));

const BASE_URL: &str = "https://stp.example.gov.vn/pbgdpl/";

fuzz_target!(|data: &[u8]| {
    match SCHEMAS.feed(data, BASE_URL) {
        Ok(page) => {
            for item in &page.items {
                for key in ["url", "external_url"] {
                    if let Some(url) = item.get(key).and_then(|u| u.as_str()) {
                        assert!(url.starts_with(BASE_URL), "{key} {url} leaves the section");
                    }
                }
                if let Some(html) = item.get("content_html").and_then(|h| h.as_str()) {
                    assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
                    let _ = deeper_than(html, MAX_HTML_NESTING);
                }
            }
        }
        Err(reason) => {
            for lang in [Lang::Vi, Lang::En] {
                pbgdpl::i18n::set_language(lang);
                let _ = reason.message().into_string();
            }
        }
    }
});
