//! The whole pipeline on a set of arbitrary documents: the input is split on NUL bytes into
//! documents, each is decoded, extracted and linked, and the rule engine compares them all.
//! Every mention, claim and finding is also written as a JSON line by the field-by-field
//! writers, which must give serde_json's bytes. A document that starts with byte 1 is
//! re-encoded as UTF-16LE with a byte-order mark: split on NUL bytes, the input could never
//! hold one, and a UTF-16 document's file offsets differ from its text's (the linker once
//! sliced the text at a file offset).
#![no_main]

use claimcheck::extract::{ExtractOptions, Extractor};
use claimcheck::input::{Loaded, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let rules = claimcheck::rules::default_rule_set();
    let mut ex = Extractor::default();
    let mut claims = Vec::new();
    for (i, part) in data.split(|&b| b == 0).take(8).enumerate() {
        let bytes = match part.split_first() {
            Some((1, rest)) => [0xFF, 0xFE]
                .into_iter()
                .chain(
                    String::from_utf8_lossy(rest)
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes),
                )
                .collect(),
            _ => part.to_vec(),
        };
        if let Loaded::Document(doc) = load_bytes(format!("doc{i}"), bytes) {
            let mentions = ex.extract(&doc, &rules.vocab, ExtractOptions::default());
            let mut by_serde = Vec::new();
            for m in &mentions {
                by_serde.extend(serde_json::to_vec(m).unwrap());
                by_serde.push(b'\n');
            }
            assert_eq!(claimcheck::render::json::mention_lines(&mentions), by_serde);
            claims.extend(claimcheck::link::link(&doc, i, &mentions, rules));
        }
    }
    for c in &claims {
        let out = claimcheck::render::claims::ClaimOut::new(c, None);
        let mut line = Vec::new();
        claimcheck::render::json::claim_line(&mut line, &out);
        assert_eq!(line, serde_json::to_vec(&out).unwrap());
    }
    for f in claimcheck::engine::check(&claims, &rules.relations) {
        assert!(!f.id.is_empty());
        let out = claimcheck::render::report::json::FindingOut::new(&f);
        let mut line = Vec::new();
        claimcheck::render::json::finding_line(&mut line, &out);
        assert_eq!(line, serde_json::to_vec(&out).unwrap());
    }
});
