//! The whole pipeline on a set of arbitrary documents: the input is split on NUL bytes into
//! documents, each is decoded, extracted and linked, and the rule engine compares them all.
#![no_main]

use claimcheck::extract::{ExtractOptions, Extractor};
use claimcheck::input::{Loaded, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let rules = claimcheck::rules::default_rule_set();
    let mut ex = Extractor::default();
    let mut claims = Vec::new();
    for (i, part) in data.split(|&b| b == 0).take(8).enumerate() {
        if let Loaded::Document(doc) = load_bytes(format!("doc{i}"), part.to_vec()) {
            let mentions = ex.extract(&doc, &rules.vocab, ExtractOptions::default());
            claims.extend(claimcheck::link::link(&doc, i, &mentions, rules));
        }
    }
    for f in claimcheck::engine::check(&claims, &rules.relations) {
        assert!(!f.id.is_empty());
    }
});
