//! A finding as one JSON line, written field by field (see [`super::fields`]): its tag and
//! check code, then the fields of [`Finding`] and of its arithmetic. The derived `Serialize` of
//! [`FindingOut`] (which flattens the finding) stays the definition; a test holds this writer
//! to it byte for byte on every kind of check.

use super::fields::{opt_string, string, strings, value};
use crate::engine::{Finding, Term};
use crate::render::report::json::FindingOut;

/// Append `f` to `buf` as `serde_json::to_writer` would write it (no line break).
pub fn write(buf: &mut Vec<u8>, f: &FindingOut<'_>) {
    buf.extend_from_slice(b"{\"schema_version\":");
    value(buf, &f.schema_version);
    buf.extend_from_slice(b",\"type\":");
    string(buf, f.item);
    buf.extend_from_slice(b",\"code\":");
    string(buf, f.code);
    fields(buf, f.finding);
    buf.push(b'}');
}

fn fields(buf: &mut Vec<u8>, f: &Finding) {
    buf.extend_from_slice(b",\"id\":");
    string(buf, &f.id);
    buf.extend_from_slice(b",\"check\":");
    value(buf, &f.check);
    buf.extend_from_slice(b",\"rule\":");
    string(buf, &f.rule);
    buf.extend_from_slice(b",\"verdict\":");
    value(buf, &f.verdict);
    buf.extend_from_slice(b",\"metric\":");
    string(buf, &f.metric);
    buf.extend_from_slice(b",\"entities\":");
    strings(buf, &f.entities);
    buf.extend_from_slice(b",\"period\":");
    string(buf, &f.period);
    buf.extend_from_slice(b",\"claims\":");
    strings(buf, &f.claims);
    let a = &f.arithmetic;
    buf.extend_from_slice(b",\"arithmetic\":{\"left\":");
    term(buf, &a.left);
    buf.extend_from_slice(b",\"relation\":");
    string(buf, &a.relation);
    buf.extend_from_slice(b",\"right\":");
    term(buf, &a.right);
    buf.extend_from_slice(b",\"text\":");
    string(buf, &a.text);
    buf.extend_from_slice(b",\"gap\":");
    opt_string(buf, a.gap.as_deref());
    buf.extend_from_slice(b",\"gap_percent\":");
    opt_string(buf, a.gap_percent.as_deref());
    buf.extend_from_slice(b"},\"message\":");
    string(buf, &f.message);
}

fn term(buf: &mut Vec<u8>, t: &Term) {
    buf.extend_from_slice(b"{\"label\":");
    string(buf, &t.label);
    buf.extend_from_slice(b",\"claims\":");
    strings(buf, &t.claims);
    buf.extend_from_slice(b",\"low\":");
    opt_string(buf, t.low.as_deref());
    buf.extend_from_slice(b",\"high\":");
    opt_string(buf, t.high.as_deref());
    buf.extend_from_slice(b",\"low_inclusive\":");
    value(buf, &t.low_inclusive);
    buf.extend_from_slice(b",\"high_inclusive\":");
    value(buf, &t.high_inclusive);
    buf.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every finding the examples and the contradiction fixtures make: the writer gives
    /// serde's bytes for each, on enough kinds of check to cover open bounds and gaps.
    #[test]
    fn every_finding_is_written_as_serde_writes_it() {
        let root = env!("CARGO_MANIFEST_DIR");
        let inputs = ["examples", "tests/fixtures/contradictions"].map(|d| format!("{root}/{d}"));
        let docs = crate::input::collect(&inputs)
            .into_iter()
            .filter_map(|e| match e {
                crate::input::Entry::File { path, source } => {
                    Some((source, std::fs::read_to_string(path).expect("a text file")))
                }
                _ => None,
            });
        let claims = super::super::linked(docs);
        let compared = claims.iter().filter(|c| crate::engine::compared(c));
        let findings = crate::engine::check(compared, &crate::rules::default_rule_set().relations);
        let checks: std::collections::BTreeSet<&str> =
            findings.iter().map(|f| f.check.name()).collect();
        assert!(checks.len() >= 4, "too few kinds of check: {checks:?}");
        let any = |p: fn(&Finding) -> bool| findings.iter().any(p);
        assert!(any(|f| f.arithmetic.gap.is_some()) && any(|f| f.arithmetic.gap.is_none()));
        assert!(any(
            |f| f.arithmetic.right.high.is_none() || f.arithmetic.left.high.is_none()
        ));
        for f in &findings {
            let out = FindingOut::new(f);
            let mut buf = Vec::new();
            write(&mut buf, &out);
            assert_eq!(
                String::from_utf8(buf).unwrap(),
                serde_json::to_string(&out).unwrap()
            );
        }
    }
}
