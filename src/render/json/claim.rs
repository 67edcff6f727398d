//! A claim as one JSON line, written field by field (see [`super::fields`]). `report`'s JSON
//! Lines carry every claim with its sentence: about 0.9 KB a claim on the bench corpus, the
//! largest part of its output. The derived `Serialize` of [`ClaimOut`] stays the definition;
//! a test holds this writer to it byte for byte.

use super::fields::{opt_shown, opt_string, string, strings, value};
use crate::render::claims::ClaimOut;

/// Append `c` to `buf` as `serde_json::to_writer` would write it (no line break).
pub fn write(buf: &mut Vec<u8>, c: &ClaimOut<'_>) {
    buf.extend_from_slice(b"{\"schema_version\":");
    value(buf, &c.schema_version);
    buf.extend_from_slice(b",\"type\":");
    string(buf, c.item);
    buf.extend_from_slice(b",\"id\":");
    string(buf, c.id);
    buf.extend_from_slice(b",\"fingerprint\":");
    string(buf, c.fingerprint);
    buf.extend_from_slice(b",\"source\":");
    string(buf, c.source);
    buf.extend_from_slice(b",\"line\":");
    value(buf, &c.line);
    buf.extend_from_slice(b",\"column\":");
    value(buf, &c.column);
    buf.extend_from_slice(b",\"start\":");
    value(buf, &c.start);
    buf.extend_from_slice(b",\"end\":");
    value(buf, &c.end);
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
    value(buf, &c.low_inclusive);
    buf.extend_from_slice(b",\"high_inclusive\":");
    value(buf, &c.high_inclusive);
    buf.extend_from_slice(b",\"bound\":");
    value(buf, &c.bound);
    buf.extend_from_slice(b",\"unit\":");
    opt_string(buf, c.unit);
    buf.extend_from_slice(b",\"measure\":");
    value(buf, &c.measure);
    if let Some(d) = &c.direction {
        buf.extend_from_slice(b",\"direction\":");
        value(buf, d);
    }
    if let Some(r) = &c.role {
        buf.extend_from_slice(b",\"role\":");
        value(buf, r);
    }
    buf.extend_from_slice(b",\"period\":");
    value(buf, &c.period);
    buf.extend_from_slice(b",\"base_period\":");
    value(buf, &c.base_period);
    buf.extend_from_slice(b",\"metric\":");
    opt_string(buf, c.metric);
    buf.extend_from_slice(b",\"entities\":");
    strings(buf, c.entities);
    buf.extend_from_slice(b",\"directional\":");
    value(buf, &c.directional);
    buf.extend_from_slice(b",\"modality\":");
    value(buf, &c.modality);
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
    value(buf, &c.document);
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
