//! The rules loader on arbitrary TOML: a user rule file on top of the bundled rules, and the
//! same text as each of the special files. Errors are values, never panics.
#![no_main]

use claimcheck::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Without the bundled entities (slow to build) each run is cheap; the special files are
    // parsed the same way with or without them.
    for name in ["user/extra.toml", "user/currencies.toml", "user/qualifiers.toml", "user/relations.toml"] {
        let _ = RuleSet::from_texts(&[(name, text)], true);
    }
});
