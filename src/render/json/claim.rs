//! A claim as one JSON line, written field by field (see [`super::fields`]). `report`'s JSON
//! Lines carry every claim with its sentence: about 0.9 KB a claim on the bench corpus, the
//! largest part of its output. The derived `Serialize` of [`ClaimOut`] stays the definition;
//! a test holds this writer to it byte for byte.

use super::fields::{opt_shown, opt_string, string, strings, value};
use crate::claim::{ClaimPeriod, Modality};
use crate::quantity::{Direction, Measure, Role};
use crate::render::claims::ClaimOut;
use crate::rules::BoundKind;

/// Append `c` to `buf` as `serde_json::to_writer` would write it (no line break).
///
/// Numbers, booleans, the enums' names and periods are written directly (their serde
/// spelling, held to serde by the tests), not through serde_json: a call per value, with the
/// enums' names and the periods' keys run through its string escaper, cost more than the
/// rest of the line.
pub fn write(buf: &mut Vec<u8>, c: &ClaimOut<'_>) {
    buf.extend_from_slice(b"{\"schema_version\":");
    number(buf, c.schema_version as usize);
    buf.extend_from_slice(b",\"type\":");
    string(buf, c.item);
    buf.extend_from_slice(b",\"id\":");
    string(buf, c.id);
    buf.extend_from_slice(b",\"fingerprint\":");
    string(buf, c.fingerprint);
    buf.extend_from_slice(b",\"source\":");
    string(buf, c.source);
    buf.extend_from_slice(b",\"line\":");
    number(buf, c.line);
    buf.extend_from_slice(b",\"column\":");
    number(buf, c.column);
    buf.extend_from_slice(b",\"start\":");
    number(buf, c.start);
    buf.extend_from_slice(b",\"end\":");
    number(buf, c.end);
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
    opt_boolean(buf, c.low_inclusive);
    buf.extend_from_slice(b",\"high_inclusive\":");
    opt_boolean(buf, c.high_inclusive);
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
    date(buf, p.start);
    buf.extend_from_slice(b",\"end\":");
    date(buf, p.end);
    buf.extend_from_slice(b",\"label\":");
    string(buf, &p.label);
    buf.extend_from_slice(b",\"cumulative\":");
    boolean(buf, p.cumulative);
    buf.extend_from_slice(b",\"instant\":");
    date(buf, p.instant);
    buf.extend_from_slice(b",\"inherited\":");
    boolean(buf, p.inherited);
    buf.push(b'}');
}

/// A date as jiff's `Serialize` writes it (`"2022-01-01"`), or `null`. Years before 1000 or
/// after 9999, which jiff writes its own way, go through serde.
fn date(buf: &mut Vec<u8>, d: Option<jiff::civil::Date>) {
    let Some(d) = d else {
        buf.extend_from_slice(b"null");
        return;
    };
    let (Ok(year), Ok(month), Ok(day)) = (
        u16::try_from(d.year()),
        u8::try_from(d.month()),
        u8::try_from(d.day()),
    ) else {
        value(buf, &d);
        return;
    };
    if !(1000..=9999).contains(&year) {
        value(buf, &d);
        return;
    }
    let digit = |n: u16| b'0' + (n % 10) as u8;
    let (month, day) = (u16::from(month), u16::from(day));
    buf.extend_from_slice(&[
        b'"',
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
        b'"',
    ]);
}

/// A non-negative integer in decimal, as serde_json (itoa) writes it.
fn number(buf: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}

fn boolean(buf: &mut Vec<u8>, b: bool) {
    buf.extend_from_slice(if b { b"true" } else { b"false" });
}

fn opt_boolean(buf: &mut Vec<u8>, b: Option<bool>) {
    match b {
        Some(b) => boolean(buf, b),
        None => buf.extend_from_slice(b"null"),
    }
}

/// An enum's serde name (plain ASCII letters and underscores: no escape), quoted.
fn name(buf: &mut Vec<u8>, name: &str) {
    buf.push(b'"');
    buf.extend_from_slice(name.as_bytes());
    buf.push(b'"');
}

/// The serde names (`rename_all = "snake_case"`) of the enums a claim line carries.
fn bound_name(b: BoundKind) -> &'static str {
    match b {
        BoundKind::Exact => "exact",
        BoundKind::Rounded => "rounded",
        BoundKind::Approx => "approx",
        BoundKind::Gt => "gt",
        BoundKind::Ge => "ge",
        BoundKind::Lt => "lt",
        BoundKind::Le => "le",
        BoundKind::Nearly => "nearly",
        BoundKind::Range => "range",
        BoundKind::Vague => "vague",
    }
}

fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::Level => "level",
        Measure::Change => "change",
        Measure::Rank => "rank",
    }
}

fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::Increase => "increase",
        Direction::Decrease => "decrease",
    }
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::From => "from",
        Role::To => "to",
    }
}

fn modality_name(m: Modality) -> &'static str {
    match m {
        Modality::Actual => "actual",
        Modality::Target => "target",
        Modality::Forecast => "forecast",
        Modality::Plan => "plan",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Claim;

    fn serde_of(v: &impl serde::Serialize) -> String {
        serde_json::to_string(v).unwrap()
    }

    fn written(f: impl Fn(&mut Vec<u8>)) -> String {
        let mut buf = Vec::new();
        f(&mut buf);
        String::from_utf8(buf).unwrap()
    }

    /// Every variant's name, every kind of number and boolean, and dates of every width of
    /// year: as serde writes them.
    #[test]
    fn values_are_written_as_serde_writes_them() {
        use BoundKind as B;
        for b in [
            B::Exact,
            B::Rounded,
            B::Approx,
            B::Gt,
            B::Ge,
            B::Lt,
            B::Le,
            B::Nearly,
            B::Range,
            B::Vague,
        ] {
            assert_eq!(written(|buf| name(buf, bound_name(b))), serde_of(&b));
        }
        for m in [Measure::Level, Measure::Change, Measure::Rank] {
            assert_eq!(written(|buf| name(buf, measure_name(m))), serde_of(&m));
        }
        for d in [Direction::Increase, Direction::Decrease] {
            assert_eq!(written(|buf| name(buf, direction_name(d))), serde_of(&d));
        }
        for r in [Role::From, Role::To] {
            assert_eq!(written(|buf| name(buf, role_name(r))), serde_of(&r));
        }
        for m in [
            Modality::Actual,
            Modality::Target,
            Modality::Forecast,
            Modality::Plan,
        ] {
            assert_eq!(written(|buf| name(buf, modality_name(m))), serde_of(&m));
        }
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(written(|buf| number(buf, n)), serde_of(&n));
        }
        for b in [None, Some(false), Some(true)] {
            assert_eq!(written(|buf| opt_boolean(buf, b)), serde_of(&b));
        }
        for (y, m, d) in [
            (2022, 1, 1),
            (1999, 12, 31),
            (1000, 6, 15),
            (9999, 12, 31),
            (999, 1, 1),
            (5, 2, 3),
            (0, 1, 1),
            (-1, 1, 1),
            (-9999, 1, 1),
        ] {
            let date = jiff::civil::date(y, m, d);
            assert_eq!(written(|buf| super::date(buf, Some(date))), serde_of(&date));
        }
        assert_eq!(written(|buf| super::date(buf, None)), "null");
    }

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
