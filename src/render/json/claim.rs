//! A claim as one JSON line, written field by field (see [`super::fields`]). `report`'s JSON
//! Lines carry every claim with its sentence: about 0.9 KB a claim on the bench corpus, the
//! largest part of its output. The derived `Serialize` of [`ClaimOut`] stays the definition;
//! a test holds this writer to it byte for byte.

use super::fields::{
    boolean, bound_name, direction_name, measure_name, modality_name, name, opt_bool, opt_date,
    opt_shown, opt_string, role_name, string, strings, uint, value,
};
use crate::claim::ClaimPeriod;
use crate::render::claims::ClaimOut;

/// Append `c` to `buf` as `serde_json::to_writer` would write it (no line break).
///
/// Numbers, booleans, the enums' names and periods are written directly (their serde
/// spelling, held to serde by the tests), not through serde_json: a call per value, with the
/// enums' names and the periods' keys run through its string escaper, cost more than the
/// rest of the line.
pub fn write(buf: &mut Vec<u8>, c: &ClaimOut<'_>) {
    buf.extend_from_slice(b"{\"schema_version\":");
    uint(buf, u64::from(c.schema_version));
    buf.extend_from_slice(b",\"type\":");
    string(buf, c.item);
    buf.extend_from_slice(b",\"id\":");
    string(buf, c.id);
    buf.extend_from_slice(b",\"fingerprint\":");
    string(buf, c.fingerprint);
    buf.extend_from_slice(b",\"source\":");
    string(buf, c.source);
    buf.extend_from_slice(b",\"line\":");
    uint(buf, c.line as u64);
    buf.extend_from_slice(b",\"column\":");
    uint(buf, c.column as u64);
    buf.extend_from_slice(b",\"start\":");
    uint(buf, c.start as u64);
    buf.extend_from_slice(b",\"end\":");
    uint(buf, c.end as u64);
    buf.extend_from_slice(b",\"text\":");
    string(buf, c.text);
    buf.extend_from_slice(b",\"kind\":");
    string(buf, c.kind);
    buf.extend_from_slice(b",\"value\":");
    opt_shown(buf, c.value.as_ref());
    buf.extend_from_slice(b",\"low\":");
    opt_shown(buf, c.low.as_ref());
    buf.extend_from_slice(b",\"high\":");
    opt_shown(buf, c.high.as_ref());
    buf.extend_from_slice(b",\"low_inclusive\":");
    opt_bool(buf, c.low_inclusive);
    buf.extend_from_slice(b",\"high_inclusive\":");
    opt_bool(buf, c.high_inclusive);
    buf.extend_from_slice(b",\"bound\":");
    name(buf, bound_name(c.bound));
    buf.extend_from_slice(b",\"unit\":");
    opt_string(buf, c.unit);
    buf.extend_from_slice(b",\"measure\":");
    name(buf, measure_name(c.measure));
    if let Some(d) = c.direction {
        buf.extend_from_slice(b",\"direction\":");
        name(buf, direction_name(d));
    }
    if let Some(r) = c.role {
        buf.extend_from_slice(b",\"role\":");
        name(buf, role_name(r));
    }
    buf.extend_from_slice(b",\"period\":");
    period(buf, c.period);
    buf.extend_from_slice(b",\"base_period\":");
    period(buf, c.base_period);
    buf.extend_from_slice(b",\"metric\":");
    opt_string(buf, c.metric);
    buf.extend_from_slice(b",\"entities\":");
    strings(buf, c.entities);
    buf.extend_from_slice(b",\"directional\":");
    boolean(buf, c.directional);
    buf.extend_from_slice(b",\"modality\":");
    name(buf, modality_name(c.modality));
    buf.extend_from_slice(b",\"attribution\":");
    opt_string(buf, c.attribution);
    buf.extend_from_slice(b",\"linked_by\":");
    strings(buf, c.linked_by);
    buf.extend_from_slice(b",\"unlinked\":");
    opt_string(buf, c.unlinked);
    if let Some(p) = c.part_of {
        buf.extend_from_slice(b",\"part_of\":");
        value(buf, p);
    }
    if let Some(s) = c.share_of {
        buf.extend_from_slice(b",\"share_of\":");
        value(buf, s);
    }
    buf.extend_from_slice(b",\"sentence\":");
    string(buf, c.sentence);
    buf.extend_from_slice(b",\"document\":");
    match c.document {
        Some(d) => value(buf, d),
        None => buf.extend_from_slice(b"null"),
    }
    buf.push(b'}');
}

/// A period as its derived `Serialize` writes it, or `null`.
fn period(buf: &mut Vec<u8>, p: Option<&ClaimPeriod>) {
    let Some(p) = p else {
        buf.extend_from_slice(b"null");
        return;
    };
    buf.extend_from_slice(b"{\"start\":");
    opt_date(buf, p.start);
    buf.extend_from_slice(b",\"end\":");
    opt_date(buf, p.end);
    buf.extend_from_slice(b",\"label\":");
    string(buf, &p.label);
    buf.extend_from_slice(b",\"cumulative\":");
    boolean(buf, p.cumulative);
    buf.extend_from_slice(b",\"instant\":");
    opt_date(buf, p.instant);
    buf.extend_from_slice(b",\"inherited\":");
    boolean(buf, p.inherited);
    buf.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Claim;

    fn claims_of(text: &str) -> Vec<(Claim, crate::render::json::DocumentOut)> {
        let claims = super::super::linked([("dir/\"q\"\\name.txt".to_string(), text.to_string())]);
        let out = crate::render::json::DocumentOut {
            source: "dir/\"q\"\\name.txt".into(),
            title: Some("A \"title\"".into()),
            outlet: None,
            url: None,
            date: Some("2023-01-01".into()),
            date_inferred: false,
            status: "read",
            notes: vec!["a note".into()],
            mentions: claims.len(),
        };
        claims.into_iter().map(|c| (c, out.clone())).collect()
    }

    /// Claims with and without a metric, a direction, a role, periods and attribution, with
    /// and without their document: the writer gives serde's bytes for each.
    #[test]
    fn every_claim_is_written_as_serde_writes_it() {
        let claims = claims_of(
            "A 7% share.\n\nExports from Kazakhstan to the US rose from $1.8 billion to $2.5 \
             billion in 2022, the ministry said. Bilateral trade between Kazakhstan and the \
             US grew 12% compared with 2020.\n\nSince 2005, US investment in Kazakhstan has \
             exceeded \"$40 billion\", and 590 companies work there.\n\nIt aims to reach $10 \
             billion by 2030.",
        );
        let any = |f: fn(&Claim) -> bool| claims.iter().any(|(c, _)| f(c));
        assert!(any(|c| c.metric.is_some()) && any(|c| c.metric.is_none()));
        assert!(any(|c| c.direction.is_some()) && any(|c| c.role.is_some()));
        assert!(any(|c| c.period.is_some()) && any(|c| c.period.is_none()));
        assert!(any(|c| c.base_period.is_some()) && any(|c| c.attribution.is_some()));
        assert!(any(|c| c.entities.len() >= 2) && any(|c| !c.linked_by.is_empty()));
        assert!(any(|c| c.unlinked.is_some()) && any(|c| c.sentence.contains('"')));
        for (c, doc) in &claims {
            for doc in [None, Some(doc)] {
                let out = ClaimOut::new(c, doc);
                let mut buf = Vec::new();
                write(&mut buf, &out);
                assert_eq!(
                    String::from_utf8(buf).unwrap(),
                    serde_json::to_string(&out).unwrap()
                );
            }
        }
    }
}
