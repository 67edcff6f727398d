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
