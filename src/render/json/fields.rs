//! The values of a JSON line written field by field: keys and punctuation are the caller's
//! literals; values go through serde_json (or, for strings that need no escape, are copied), so
//! escaping and spelling are serde's.

use serde::Serialize;

use crate::extract::Shown;

/// A string, as serde_json writes it. Most need no escape (no quote, backslash or control
/// character; serde_json leaves every other byte as it is): those are copied between quotes
/// after one pass over their bytes, and the rest go to serde_json.
pub(super) fn string(buf: &mut Vec<u8>, s: &str) {
    if !needs_escape(s.as_bytes()) {
        buf.reserve(s.len() + 2);
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else {
        value(buf, s);
    }
}

/// Whether any byte is a quote, a backslash or a control character, checked sixteen bytes
/// at a time (claims' sentences make most of `report`'s output). The last bytes, fewer than
/// sixteen, are checked as one more block padded with spaces (which need no escape): most
/// strings written (ids, fingerprints, names, figures) are shorter than a block, and read
/// byte by byte with an exit at each they cost more than a block does.
fn needs_escape(bytes: &[u8]) -> bool {
    const BLOCK: usize = 16;
    let special = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let block = |block: &[u8]| block.iter().fold(false, |any, &b| any | special(b));
    let mut blocks = bytes.chunks_exact(BLOCK);
    for b in &mut blocks {
        if block(b) {
            return true;
        }
    }
    let rest = blocks.remainder();
    let mut last = [b' '; BLOCK];
    last[..rest.len()].copy_from_slice(rest);
    block(&last)
}

pub(super) fn opt_string(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// A value as its derived `Serialize` writes it; a figure's digits go straight into `buf`
/// (they never need an escape).
pub(super) fn opt_shown(buf: &mut Vec<u8>, v: Option<&Shown>) {
    match v {
        Some(Shown::Figure(d)) => {
            buf.push(b'"');
            crate::number::text::push_normalized(*d, buf);
            buf.push(b'"');
        }
        Some(Shown::Text(s)) => string(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// A string the program spells itself (a type, kind or enum name: letters and `_`), which
/// never needs an escape: copied between quotes without the check.
pub(super) fn name(buf: &mut Vec<u8>, s: &'static str) {
    debug_assert!(!needs_escape(s.as_bytes()));
    buf.push(b'"');
    buf.extend_from_slice(s.as_bytes());
    buf.push(b'"');
}

/// An unsigned integer, as serde_json writes it (its digits), without the serializer.
pub(super) fn uint(buf: &mut Vec<u8>, n: u64) {
    buf.extend_from_slice(crate::number::text::decimal(n, &mut [0u8; 20]));
}

pub(super) fn boolean(buf: &mut Vec<u8>, b: bool) {
    buf.extend_from_slice(if b { b"true" } else { b"false" });
}

pub(super) fn opt_bool(buf: &mut Vec<u8>, b: Option<bool>) {
    match b {
        Some(b) => boolean(buf, b),
        None => buf.extend_from_slice(b"null"),
    }
}

/// A date as serde_json writes jiff's (`"2019-01-31"`): years 0 to 9999 digit by digit, any
/// other through serde.
pub(super) fn opt_date(buf: &mut Vec<u8>, d: Option<jiff::civil::Date>) {
    let Some(d) = d else {
        buf.extend_from_slice(b"null");
        return;
    };
    let Ok(year) = u16::try_from(d.year()) else {
        return value(buf, &d);
    };
    let two = |n: u8| [b'0' + n / 10, b'0' + n % 10];
    let [y1, y2] = two((year / 100) as u8);
    let [y3, y4] = two((year % 100) as u8);
    let [m1, m2] = two(d.month().unsigned_abs());
    let [d1, d2] = two(d.day().unsigned_abs());
    buf.extend_from_slice(&[b'"', y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2, b'"']);
}

/// The names serde gives the enums of a mention (`rename_all = "snake_case"`); a test holds
/// each to serde.
pub(super) fn bound_name(b: crate::rules::BoundKind) -> &'static str {
    use crate::rules::BoundKind::*;
    match b {
        Exact => "exact",
        Rounded => "rounded",
        Approx => "approx",
        Gt => "gt",
        Ge => "ge",
        Lt => "lt",
        Le => "le",
        Nearly => "nearly",
        Range => "range",
        Vague => "vague",
    }
}

pub(super) fn measure_name(m: crate::quantity::Measure) -> &'static str {
    use crate::quantity::Measure::*;
    match m {
        Level => "level",
        Change => "change",
        Rank => "rank",
    }
}

pub(super) fn direction_name(d: crate::quantity::Direction) -> &'static str {
    use crate::quantity::Direction::*;
    match d {
        Increase => "increase",
        Decrease => "decrease",
    }
}

pub(super) fn role_name(r: crate::quantity::Role) -> &'static str {
    use crate::quantity::Role::*;
    match r {
        From => "from",
        To => "to",
    }
}

pub(super) fn modality_name(m: crate::claim::Modality) -> &'static str {
    use crate::claim::Modality;
    match m {
        Modality::Actual => "actual",
        Modality::Target => "target",
        Modality::Forecast => "forecast",
        Modality::Plan => "plan",
    }
}

pub(super) fn time_kind_name(k: crate::time::TimeKind) -> &'static str {
    use crate::time::TimeKind::*;
    match k {
        Year => "year",
        Month => "month",
        Quarter => "quarter",
        Half => "half",
        Months => "months",
        YearRange => "year_range",
        Decade => "decade",
        Century => "century",
        FiscalYear => "fiscal_year",
        Since => "since",
        Until => "until",
        Before => "before",
        After => "after",
        EndOf => "end_of",
        StartOf => "start_of",
        Relative => "relative",
        Date => "date",
        TimeOfDay => "time_of_day",
    }
}

/// A list of strings, as serde_json writes a `Vec<String>`.
pub(super) fn strings(buf: &mut Vec<u8>, list: &[String]) {
    buf.push(b'[');
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        string(buf, s);
    }
    buf.push(b']');
}

/// One value, as serde_json writes it.
pub(super) fn value<T: Serialize + ?Sized>(buf: &mut Vec<u8>, v: &T) {
    // Writing to a `Vec` cannot fail, and none of these values has a `Serialize` that can.
    serde_json::to_writer(&mut *buf, v).expect("a plain value serializes to a Vec");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string_bytes(s: &str) -> Vec<u8> {
        let mut buf = Vec::new();
        string(&mut buf, s);
        buf
    }

    #[test]
    fn string_lists_are_written_as_serde_writes_them() {
        for list in [
            vec![],
            vec!["KZ".to_string()],
            vec!["a".into(), "b\"c".into(), "".into()],
        ] {
            let mut buf = Vec::new();
            strings(&mut buf, &list);
            assert_eq!(buf, serde_json::to_vec(&list).unwrap(), "{list:?}");
        }
    }

    #[test]
    fn strings_on_both_paths_are_written_as_serde_writes_them() {
        for s in [
            "",
            "plain",
            "a\"b",
            "back\\slash",
            "\u{1f}",
            "\u{7f} kept",
            "é and ✓",
            "\n\t\r",
            "\u{0}",
            // Past one block of sixteen bytes: clean, then a special byte in the second block,
            // in the remainder, and on a block's last byte.
            "a plain sentence longer than one block",
            "sixteen bytes ok, then \"quoted\"",
            "thirty-two bytes of plain text.. then a tab\t",
            "fifteen bytes!!\\ at the edge",
        ] {
            assert_eq!(string_bytes(s), serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    fn bytes(write: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let mut buf = Vec::new();
        write(&mut buf);
        buf
    }

    #[test]
    fn enum_names_are_serde_names() {
        use crate::quantity::{Direction, Measure, Role};
        use crate::rules::BoundKind;
        use crate::time::TimeKind;
        let serde_name = |v: &dyn erased::Ser| v.json();
        for b in [
            BoundKind::Exact,
            BoundKind::Rounded,
            BoundKind::Approx,
            BoundKind::Gt,
            BoundKind::Ge,
            BoundKind::Lt,
            BoundKind::Le,
            BoundKind::Nearly,
            BoundKind::Range,
            BoundKind::Vague,
        ] {
            assert_eq!(bytes(|buf| name(buf, bound_name(b))), serde_name(&b));
        }
        for m in [Measure::Level, Measure::Change, Measure::Rank] {
            assert_eq!(bytes(|buf| name(buf, measure_name(m))), serde_name(&m));
        }
        for d in [Direction::Increase, Direction::Decrease] {
            assert_eq!(bytes(|buf| name(buf, direction_name(d))), serde_name(&d));
        }
        for r in [Role::From, Role::To] {
            assert_eq!(bytes(|buf| name(buf, role_name(r))), serde_name(&r));
        }
        {
            use crate::claim::Modality as M;
            for m in [M::Actual, M::Target, M::Forecast, M::Plan] {
                assert_eq!(bytes(|buf| name(buf, modality_name(m))), serde_name(&m));
            }
        }
        for k in [
            TimeKind::Year,
            TimeKind::Month,
            TimeKind::Quarter,
            TimeKind::Half,
            TimeKind::Months,
            TimeKind::YearRange,
            TimeKind::Decade,
            TimeKind::Century,
            TimeKind::FiscalYear,
            TimeKind::Since,
            TimeKind::Until,
            TimeKind::Before,
            TimeKind::After,
            TimeKind::EndOf,
            TimeKind::StartOf,
            TimeKind::Relative,
            TimeKind::Date,
            TimeKind::TimeOfDay,
        ] {
            assert_eq!(bytes(|buf| name(buf, time_kind_name(k))), serde_name(&k));
        }
    }

    /// `serde_json::to_vec` of a value, behind a trait object, for the lists above.
    mod erased {
        pub trait Ser {
            fn json(&self) -> Vec<u8>;
        }
        impl<T: serde::Serialize> Ser for T {
            fn json(&self) -> Vec<u8> {
                serde_json::to_vec(self).unwrap()
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_integer_bool_and_date_is_written_as_serde_writes_it(
            n in proptest::prelude::any::<u64>(),
            small in 0u64..1000,
            b in proptest::prelude::any::<Option<bool>>(),
            year in -9999i16..=9999,
            month in 1i8..=12,
            day in 1i8..=28,
        ) {
            proptest::prop_assert_eq!(bytes(|buf| uint(buf, n)), serde_json::to_vec(&n).unwrap());
            proptest::prop_assert_eq!(
                bytes(|buf| uint(buf, small)),
                serde_json::to_vec(&small).unwrap()
            );
            proptest::prop_assert_eq!(bytes(|buf| opt_bool(buf, b)), serde_json::to_vec(&b).unwrap());
            let d = jiff::civil::Date::new(year, month, day).ok();
            proptest::prop_assert_eq!(bytes(|buf| opt_date(buf, d)), serde_json::to_vec(&d).unwrap());
            proptest::prop_assert_eq!(
                bytes(|buf| opt_date(buf, None)),
                serde_json::to_vec(&None::<jiff::civil::Date>).unwrap()
            );
        }

        #[test]
        fn any_string_is_written_as_serde_writes_it(
            s in proptest::prop_oneof![proptest::prelude::any::<String>(), "[\\x00-\\x7f]{0,24}"]
        ) {
            proptest::prop_assert_eq!(string_bytes(&s), serde_json::to_vec(&s).unwrap());
        }
    }
}
