//! The rules loader on arbitrary TOML: errors are values, never panics.
#![no_main]

use claimcheck::rules::{CurrencyFile, Currencies, QualifierFile, Qualifiers, parse_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(f) = parse_file::<QualifierFile>("fuzz.toml", text) {
        let _ = Qualifiers::build(&f);
    }
    if let Ok(f) = parse_file::<CurrencyFile>("fuzz.toml", text) {
        let _ = Currencies::build(&f);
    }
});
