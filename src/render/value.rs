//! Values as a person reads them: `> 3 bn USD`, `[1.75, 1.85] bn USD`, `+37.2 %`.

use rust_decimal::Decimal;

use crate::extract::{Mention, PeriodOut};
use crate::interval::Interval;
use crate::rules::BoundKind;

/// A scale word for a magnitude: (divisor, suffix).
fn scale_for(v: Decimal) -> (Decimal, &'static str) {
    let a = v.abs();
    if a >= Decimal::from(1_000_000_000_000_i64) {
        (Decimal::from(1_000_000_000_000_i64), " tn")
    } else if a >= Decimal::from(1_000_000_000) {
        (Decimal::from(1_000_000_000), " bn")
    } else if a >= Decimal::from(1_000_000) {
        (Decimal::from(1_000_000), " mn")
    } else {
        (Decimal::ONE, "")
    }
}

fn num(v: Decimal, div: Decimal) -> String {
    let x = (v / div).normalize();
    // Keep at most 6 decimals for display; the JSON output keeps every digit.
    let x = if x.scale() > 6 {
        x.round_dp(6).normalize()
    } else {
        x
    };
    x.to_string()
}

fn unit_suffix(unit: Option<&str>) -> String {
    match unit {
        Some("percent") => " %".into(),
        Some("percentage_points") => " pp".into(),
        Some(u) => format!(" {u}"),
        None => String::new(),
    }
}

/// The normalized value of a quantity mention.
pub fn human(m: &Mention) -> String {
    human_parts(
        &m.interval,
        m.decimal_value,
        m.bound,
        m.unit.as_deref(),
        m.measure,
        m.error.as_deref(),
    )
}

/// The normalized value of a figure from its parts (used for mentions and claims).
pub fn human_parts(
    i: &Interval,
    value: Option<Decimal>,
    bound: Option<BoundKind>,
    unit: Option<&str>,
    measure: Option<crate::quantity::Measure>,
    error: Option<&str>,
) -> String {
    let reference = value
        .or_else(|| i.high.map(|e| e.value))
        .or_else(|| i.low.map(|e| e.value))
        .unwrap_or(Decimal::ZERO);
    let (div, scale) = scale_for(reference);
    let unit = unit_suffix(unit);
    let sign = |v: Decimal| {
        if measure == Some(crate::quantity::Measure::Change) && v > Decimal::ZERO {
            "+"
        } else {
            ""
        }
    };
    let lo = i.low.map(|e| num(e.value, div));
    let hi = i.high.map(|e| num(e.value, div));
    let body = match bound {
        Some(BoundKind::Exact) => {
            let v = value.unwrap_or(reference);
            format!("{}{}", sign(v), num(v, div))
        }
        Some(BoundKind::Gt) => format!("> {}", lo.unwrap_or_default()),
        Some(BoundKind::Ge) => format!(">= {}", lo.unwrap_or_default()),
        Some(BoundKind::Lt) => format!("< {}", hi.unwrap_or_default()),
        Some(BoundKind::Le) => format!("<= {}", hi.unwrap_or_default()),
        _ => {
            let open = if i.low.is_some_and(|e| e.inclusive) {
                '['
            } else {
                '('
            };
            let close = if i.high.is_some_and(|e| e.inclusive) {
                ']'
            } else {
                ')'
            };
            let prefix = match bound {
                Some(BoundKind::Approx) => "~",
                _ => "",
            };
            format!(
                "{prefix}{open}{}, {}{close}",
                lo.unwrap_or_else(|| "-inf".into()),
                hi.unwrap_or_else(|| "inf".into())
            )
        }
    };
    match error {
        Some(e) => format!("error: {e}"),
        None => format!("{body}{scale}{unit}"),
    }
}

/// A period as a person reads it: its label, and the dates for anything but a plain year.
pub fn period(p: Option<&PeriodOut>) -> String {
    let Some(p) = p else { return String::new() };
    let dates = match (p.start, p.end) {
        (Some(s), Some(e)) => format!("{s}..{e}"),
        (Some(s), None) => format!("{s}.."),
        (None, Some(e)) => format!("..{e}"),
        (None, None) => p.unresolved.clone().unwrap_or_else(|| "unresolved".into()),
    };
    let mut s = if p.label.len() == 4 && p.label.chars().all(|c| c.is_ascii_digit()) {
        p.label.clone()
    } else {
        format!("{} ({dates})", p.label)
    };
    if p.inherited {
        s.push_str(" [from context]");
    }
    s
}
