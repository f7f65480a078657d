//! A hub source's `sync.json`: any bytes as an agency's snapshot, checked
//! as `aggregate` checks it, and the reason for refusing it in words.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use pbgdpl::aggregate::validate::Schemas;
use pbgdpl::i18n::Lang;

static SCHEMAS: LazyLock<Schemas> = LazyLock::new(|| Schemas::new().expect("built-in schemas"));

fuzz_target!(|data: &[u8]| {
    if let Err(reason) = SCHEMAS.snapshot(data) {
        for lang in [Lang::Vi, Lang::En] {
            pbgdpl::i18n::set_language(lang);
            let _ = reason.message().into_string();
        }
    }
});
