//! Encoding detection and repair: any bytes as a file that may be UTF-8,
//! UTF-16 or a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258), and
//! any text as possibly garbled legacy text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pbgdpl::encoding::{self, Legacy};

fuzz_target!(|data: &[u8]| {
    let detected = encoding::detect(data);
    if let Some(text) = encoding::decode(data, detected) {
        if let Some(g) = encoding::garbled(&text) {
            let _ = encoding::repair(&text, g.encoding);
        }
    }
    for legacy in Legacy::ALL {
        let _ = encoding::decode_legacy(data, legacy);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(g) = encoding::garbled(text) {
            let repaired = encoding::repair(text, g.encoding);
            assert!(!repaired.is_empty() || text.is_empty());
        }
    }
});
