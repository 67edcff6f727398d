//! A mention as one JSON line, written field by field.
//!
//! `extract --format jsonl` writes about 3.5 bytes of JSON for every byte it reads, and through
//! serde the line cost more than finding the figure: every key went through the string escaper
//! and a map-entry call. Here the keys and the punctuation are literals and the values are
//! written as serde_json writes them (see [`super::fields`]). The derived `Serialize` of
//! [`Mention`] stays the definition: a test holds this writer to it byte for byte.

use super::fields::{opt_shown, opt_string, string, value};
use crate::extract::{Mention, PeriodOut};

/// Append `m` to `buf` as `serde_json::to_writer` would write it (no line break).
pub fn write(buf: &mut Vec<u8>, m: &Mention) {
    buf.extend_from_slice(b"{\"schema_version\":");
    value(buf, &m.schema_version);
    buf.extend_from_slice(b",\"type\":");
    string(buf, m.item);
    buf.extend_from_slice(b",\"source\":");
    string(buf, &m.source);
    buf.extend_from_slice(b",\"line\":");
    value(buf, &m.line);
    buf.extend_from_slice(b",\"column\":");
    value(buf, &m.column);
    buf.extend_from_slice(b",\"start\":");
    value(buf, &m.start);
    buf.extend_from_slice(b",\"end\":");
    value(buf, &m.end);
    buf.extend_from_slice(b",\"text\":");
    string(buf, &m.text);
    buf.extend_from_slice(b",\"kind\":");
    string(buf, m.kind);
    buf.extend_from_slice(b",\"value\":");
    opt_shown(buf, m.value.as_ref());
    buf.extend_from_slice(b",\"low\":");
    opt_shown(buf, m.low.as_ref());
    buf.extend_from_slice(b",\"high\":");
    opt_shown(buf, m.high.as_ref());
    buf.extend_from_slice(b",\"low_inclusive\":");
    value(buf, &m.low_inclusive);
    buf.extend_from_slice(b",\"high_inclusive\":");
    value(buf, &m.high_inclusive);
    buf.extend_from_slice(b",\"bound\":");
    value(buf, &m.bound);
    buf.extend_from_slice(b",\"unit\":");
    opt_string(buf, m.unit.as_deref());
    buf.extend_from_slice(b",\"measure\":");
    value(buf, &m.measure);
    if let Some(d) = &m.direction {
        buf.extend_from_slice(b",\"direction\":");
        value(buf, d);
    }
    if let Some(r) = &m.role {
        buf.extend_from_slice(b",\"role\":");
        value(buf, r);
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

fn period(buf: &mut Vec<u8>, p: &PeriodOut) {
    buf.extend_from_slice(b"{\"start\":");
    value(buf, &p.start);
    buf.extend_from_slice(b",\"end\":");
    value(buf, &p.end);
    buf.extend_from_slice(b",\"text\":");
    string(buf, &p.text);
    buf.extend_from_slice(b",\"label\":");
    string(buf, &p.label);
    buf.extend_from_slice(b",\"kind\":");
    value(buf, &p.kind);
    buf.extend_from_slice(b",\"cumulative\":");
    value(buf, &p.cumulative);
    if let Some(i) = &p.instant {
        buf.extend_from_slice(b",\"instant\":");
        value(buf, i);
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
