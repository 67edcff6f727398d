//! A finding as one JSON line, written field by field (see [`super::fields`]): its tag and
//! check code, then the fields of [`Finding`] and of its arithmetic. The derived `Serialize` of
//! [`FindingOut`] (which flattens the finding) stays the definition; a test holds this writer
//! to it byte for byte on every kind of check.

use super::fields::{opt_string, string, strings, value};
use crate::engine::{Finding, Term, Verdict};
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
    // The kebab-case names are the serde names (`rename_all`), plain ASCII.
    quoted(buf, f.check.name());
    buf.extend_from_slice(b",\"rule\":");
    string(buf, &f.rule);
    buf.extend_from_slice(b",\"verdict\":");
    quoted(buf, verdict_name(f.verdict));
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
    buf.extend_from_slice(if t.low_inclusive {
        b",\"low_inclusive\":true"
    } else {
        b",\"low_inclusive\":false"
    });
    buf.extend_from_slice(if t.high_inclusive {
        b",\"high_inclusive\":true}"
    } else {
        b",\"high_inclusive\":false}"
    });
}

/// A name that needs no escape, quoted.
fn quoted(buf: &mut Vec<u8>, name: &str) {
    buf.push(b'"');
    buf.extend_from_slice(name.as_bytes());
    buf.push(b'"');
}

/// A verdict's serde name (`rename_all = "snake_case"`).
fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "conflict",
        Verdict::Difference => "difference",
        Verdict::ConsistentWithinRounding => "consistent_within_rounding",
        Verdict::Consistent => "consistent",
        Verdict::Unchecked => "unchecked",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every check's and verdict's name, as serde writes it.
    #[test]
    fn names_are_written_as_serde_writes_them() {
        for k in crate::render::report::CHECK_KINDS {
            let mut buf = Vec::new();
            quoted(&mut buf, k.name());
            assert_eq!(buf, serde_json::to_vec(&k).unwrap());
        }
        for v in [
            Verdict::Conflict,
            Verdict::Difference,
            Verdict::ConsistentWithinRounding,
            Verdict::Consistent,
            Verdict::Unchecked,
        ] {
            let mut buf = Vec::new();
            quoted(&mut buf, verdict_name(v));
            assert_eq!(buf, serde_json::to_vec(&v).unwrap());
        }
    }

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
