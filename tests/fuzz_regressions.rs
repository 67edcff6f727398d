//! Inputs the fuzzers found crashing, kept so they never crash again. Each test is named after
//! what the input exposed.

use claimcheck::extract::{ExtractOptions, Extractor};
use claimcheck::input::{Loaded, load_bytes};

fn extract_bytes(name: &str) -> usize {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz/");
    let bytes = std::fs::read(format!("{path}{name}")).unwrap();
    match load_bytes(name, bytes) {
        Loaded::Document(doc) => Extractor::default()
            .extract(
                &doc,
                claimcheck::rules::default_vocabulary(),
                ExtractOptions { periods: true },
            )
            .len(),
        _ => 0,
    }
}

/// `7777…7<<=7777…74-2Tn`: a range whose scale distributed over a 25-digit figure overflowed
/// an unchecked Decimal multiplication (found by the `extract` fuzz target).
#[test]
fn range_scale_multiplication_overflow() {
    assert!(extract_bytes("range_scale_multiplication_overflow.bin") > 0);
}

/// `5\u{c1}\u{c8}\u{be}us...`: `modality` sliced a lower-cased copy of the sentence with
/// offsets from the original, but lower-casing changed the byte length (found by the
/// `pipeline` fuzz target).
#[test]
fn modality_lowercase_changes_byte_length() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fuzz/modality_lowercase_changes_byte_length.bin"
    );
    let bytes = std::fs::read(path).unwrap();
    let rules = claimcheck::rules::default_rule_set();
    for (i, part) in bytes.split(|&b| b == 0).enumerate() {
        if let Loaded::Document(doc) = load_bytes(format!("doc{i}"), part.to_vec()) {
            let mentions =
                Extractor::default().extract(&doc, &rules.vocab, ExtractOptions::default());
            let _ = claimcheck::link::link(&doc, i, &mentions, rules);
        }
    }
    // A hand-written case of the same: `İ` lower-cases to two characters.
    let doc = claimcheck::input::Document::from_text(
        "t",
        "İİİİ exports from Kazakhstan were $5 billion.",
    );
    let mentions = Extractor::default().extract(&doc, &rules.vocab, ExtractOptions::default());
    assert_eq!(claimcheck::link::link(&doc, 0, &mentions, rules).len(), 1);
}
