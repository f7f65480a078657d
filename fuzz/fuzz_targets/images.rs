//! Photos: any bytes as a picture of a bundle, through the whole of
//! `images::process` (recognise, decode within limits, orient, convert to
//! sRGB, resize, encode WebP and JPEG/PNG) with limits small enough to
//! fuzz quickly. Either an error that can be said to a person, or
//! variants that are real pictures of the sizes announced.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pbgdpl::images::{self, Limits, decode};

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_bytes: 1 << 20,
        max_pixels: 1 << 20,
        max_alloc: 64 << 20,
    };
    let _ = decode::sniff(data);
    match images::process(data, &limits) {
        Ok(encoded) => {
            let o = &encoded.outcome;
            assert_eq!(o.variants.len(), encoded.files.len());
            assert!(o.width > 0 && o.height > 0);
            for (v, bytes) in o.variants.iter().zip(&encoded.files) {
                assert!(v.width <= o.width.max(1) && v.height > 0);
                assert_eq!(v.bytes, bytes.len() as u64);
                // Every variant reads back at the size it claims.
                let (_, w, h) = decode::dimensions(bytes).expect("a variant reads back");
                assert_eq!((w, h), (v.width, v.height));
            }
        }
        Err(e) => {
            let _ = e.message("anh.jpg");
            let _ = e.help();
            let _ = e.code();
        }
    }
});
