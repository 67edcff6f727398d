//! A mention as one JSON line, written field by field.
//!
//! `extract --format jsonl` writes about 3.5 bytes of JSON for every byte it reads, and through
//! serde the line cost more than finding the figure: every key went through the string escaper
//! and a map-entry call. Here the keys and the punctuation are literals and the values are
//! written as serde_json writes them (see [`super::fields`]). The derived `Serialize` of
//! [`Mention`] stays the definition: a test holds this writer to it byte for byte.

use super::fields::{
    bound_name, direction_name, measure_name, name, opt_bool, opt_date, opt_shown, opt_string,
    role_name, string, time_kind_name, uint,
};
use crate::extract::{Mention, PeriodOut, Shown};

/// Append `m` to `buf` as `serde_json::to_writer` would write it (no line break).
///
/// Numbers, booleans, dates and enum names are written directly (serde's serializer cost more
/// than the JSON it wrote for them); tests hold each to serde.
pub fn write(buf: &mut Vec<u8>, m: &Mention) {
    buf.extend_from_slice(b"{\"schema_version\":");
    uint(buf, u64::from(m.schema_version));
    buf.extend_from_slice(b",\"type\":");
    name(buf, m.item);
    buf.extend_from_slice(b",\"source\":");
    string(buf, &m.source);
    buf.extend_from_slice(b",\"line\":");
    uint(buf, m.line as u64);
    buf.extend_from_slice(b",\"column\":");
    uint(buf, m.column as u64);
    buf.extend_from_slice(b",\"start\":");
    uint(buf, m.start as u64);
    buf.extend_from_slice(b",\"end\":");
    uint(buf, m.end as u64);
    buf.extend_from_slice(b",\"text\":");
    string(buf, &m.text);
    buf.extend_from_slice(b",\"kind\":");
    name(buf, m.kind);
    buf.extend_from_slice(b",\"value\":");
    let value_at = buf.len();
    opt_shown(buf, m.value.as_ref());
    let value_bytes = value_at..buf.len();
    buf.extend_from_slice(b",\"low\":");
    shown_like_value(buf, m.low.as_ref(), m.value.as_ref(), value_bytes.clone());
    buf.extend_from_slice(b",\"high\":");
    shown_like_value(buf, m.high.as_ref(), m.value.as_ref(), value_bytes);
    buf.extend_from_slice(b",\"low_inclusive\":");
    opt_bool(buf, m.low_inclusive);
    buf.extend_from_slice(b",\"high_inclusive\":");
    opt_bool(buf, m.high_inclusive);
    buf.extend_from_slice(b",\"bound\":");
    match m.bound {
        Some(b) => name(buf, bound_name(b)),
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"unit\":");
    opt_string(buf, m.unit.as_deref());
    buf.extend_from_slice(b",\"measure\":");
    match m.measure {
        Some(k) => name(buf, measure_name(k)),
        None => buf.extend_from_slice(b"null"),
    }
    if let Some(d) = m.direction {
        buf.extend_from_slice(b",\"direction\":");
        name(buf, direction_name(d));
    }
    if let Some(r) = m.role {
        buf.extend_from_slice(b",\"role\":");
        name(buf, role_name(r));
    }
    if let Some(q) = &m.qualifier {
        buf.extend_from_slice(b",\"qualifier\":");
        string(buf, q);
    }
    if let Some(p) = &m.per {
        buf.extend_from_slice(b",\"per\":");
        string(buf, p);
    }
    buf.extend_from_slice(b",\"period\":");
    match &m.period {
        Some(p) => period(buf, p),
        None => buf.extend_from_slice(b"null"),
    }
    if let Some(p) = &m.base_period {
        buf.extend_from_slice(b",\"base_period\":");
        period(buf, p);
    }
    if let Some(e) = &m.error {
        buf.extend_from_slice(b",\"error\":");
        string(buf, e);
    }
    buf.push(b'}');
}

/// A bound: the bytes already written for the value (`value_bytes` of `buf`) when it is the
/// same decimal, as an exact figure's bounds are; else written as it is.
fn shown_like_value(
    buf: &mut Vec<u8>,
    v: Option<&Shown>,
    value: Option<&Shown>,
    value_bytes: std::ops::Range<usize>,
) {
    match (v, value) {
        (Some(Shown::Figure(a)), Some(Shown::Figure(b))) if a.serialize() == b.serialize() => {
            buf.extend_from_within(value_bytes);
        }
        _ => opt_shown(buf, v),
    }
}

fn period(buf: &mut Vec<u8>, p: &PeriodOut) {
    buf.extend_from_slice(b"{\"start\":");
    opt_date(buf, p.start);
    buf.extend_from_slice(b",\"end\":");
    opt_date(buf, p.end);
    buf.extend_from_slice(b",\"text\":");
    string(buf, &p.text);
    buf.extend_from_slice(b",\"label\":");
    string(buf, &p.label);
    buf.extend_from_slice(b",\"kind\":");
    name(buf, time_kind_name(p.kind));
    buf.extend_from_slice(b",\"cumulative\":");
    super::fields::boolean(buf, p.cumulative);
    if p.instant.is_some() {
        buf.extend_from_slice(b",\"instant\":");
        opt_date(buf, p.instant);
    }
    if p.inherited {
        buf.extend_from_slice(b",\"inherited\":true");
    }
    if let Some(u) = &p.unresolved {
        buf.extend_from_slice(b",\"unresolved\":");
        string(buf, u);
    }
    buf.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;
    use crate::input::Document;

    fn serde_line(m: &Mention) -> Vec<u8> {
        serde_json::to_vec(m).unwrap()
    }

    fn written(m: &Mention) -> Vec<u8> {
        let mut buf = Vec::new();
        write(&mut buf, m);
        buf
    }

    /// Every optional field, set and unset, and strings that need escaping: the writer gives
    /// serde's bytes for each.
    #[test]
    fn every_mention_is_written_as_serde_writes_it() {
        let text = "Exports rose from $1.8 billion to $2.5 billion in 2022, up 12% compared \
                    with 2020. Investment was \"$1 bn\".\n\nSince 2005, about 590 companies \
                    have invested $40 billion, or $70 a share; the 81st largest.\tUp to 5 \
                    percentage points at the end of 2018.\n\nIn fiscal 2012-13 the fund held \
                    10^400 euros.\n\n\u{1}tens of billions \\ and 7 ships.";
        let doc = Document::from_text("dir/\"quoted\"\\name.txt", text);
        let vocab = crate::rules::default_vocabulary();
        let mut ex = Extractor::default();
        let mentions = ex.extract(
            &doc,
            vocab,
            crate::extract::ExtractOptions { periods: true },
        );
        // The text above must exercise what the writer branches on.
        let q = |f: fn(&Mention) -> bool| mentions.iter().any(f);
        assert!(q(|m| m.direction.is_some()) && q(|m| m.direction.is_none()));
        assert!(q(|m| m.role.is_some()) && q(|m| m.qualifier.is_some()));
        assert!(q(|m| m.per.is_some()) && q(|m| m.period.is_none()));
        assert!(q(|m| m.base_period.is_some()) && q(|m| m.error.is_some()));
        assert!(q(|m| m.period.as_ref().is_some_and(|p| p.inherited)));
        assert!(q(|m| m
            .period
            .as_ref()
            .is_some_and(|p| p.instant.is_some())));
        assert!(q(|m| m
            .period
            .as_ref()
            .is_some_and(|p| p.unresolved.is_some())));
        assert!(q(|m| m.item == "period") && q(|m| m.item == "quantity"));
        for m in &mentions {
            let line = String::from_utf8(written(m)).unwrap();
            assert_eq!(line, String::from_utf8(serde_line(m)).unwrap());
            // The source's quotes and backslash are escaped (by serde, through `value`).
            assert!(
                line.contains(r#""source":"dir/\"quoted\"\\name.txt""#),
                "{line}"
            );
        }
    }
}
