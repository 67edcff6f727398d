//! The whole extract step (decoding, front matter, tokens, numbers, quantities, time) on
//! arbitrary bytes: it must never panic and every span must lie inside the text.
#![no_main]

use claimcheck::extract::{ExtractOptions, Extractor};
use claimcheck::input::{Loaded, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Loaded::Document(doc) = load_bytes("fuzz", data.to_vec()) {
        let vocab = claimcheck::rules::default_vocabulary();
        for m in Extractor::default().extract(&doc, vocab, ExtractOptions { periods: true }) {
            assert!(m.start <= m.end);
            assert!(m.end <= data.len() + 3 * data.len());
        }
    }
});
