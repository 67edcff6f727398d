//! CC004 containment of a level a growth rate implies: `$1,462 million in January-August 2018,
//! a 29% increase compared to the same period of 2017` says January-August 2017 was
//! 1462 / 1.29 = [1128.6, 1138.1] million, which must not exceed the whole of 2017 ($1,518
//! million) for a non-negative flow. Read only when no source states the base level itself
//! (then the growth check compares the rate with it directly).

use rust_decimal::Decimal;

use super::arithmetic::{
    self, Style, claim_term, describe, describe_with_interval, fmt_interval, term,
};
use super::group::{
    Group, Index, distinct_intervals, file_name, is_amount, is_plain_level, subject,
};
use super::growth::{self, signed_change};
use super::period::{self, End, Span};
use super::relations::Relation;
use super::{CheckKind, Draft, Verdict};
use crate::claim::Claim;
use crate::quantity::{Kind, Measure};

/// Check the bases the group's rates imply against the group's levels over longer periods.
pub(super) fn run<'a>(
    rel: &'a Relation,
    slack: Decimal,
    g: &Group<'a>,
    index: &Index<'a>,
    out: &mut Vec<Draft<'a>>,
) {
    let amounts = |cs: &[&'a Claim]| -> Vec<&'a Claim> {
        cs.iter()
            .copied()
            .filter(|c| is_plain_level(c) && is_amount(c))
            .collect()
    };
    // A rate restated word for word gives the same arithmetic: read it once.
    let mut seen: Vec<(
        period::PeriodKey,
        period::PeriodKey,
        crate::interval::Interval,
    )> = Vec::new();
    for fg in index.family(g.metric(), g.entities(), g.modality()) {
        for &rate in &fg.claims {
            if rate.kind != Kind::Percent || rate.measure != Measure::Change || rate.role.is_some()
            {
                continue;
            }
            let (Some(p), Some(b)) = (
                period::key(rate),
                period::key_of(rate.base_period.as_ref(), rate),
            ) else {
                continue;
            };
            if b == p
                || !amounts(g.levels_at(b)).is_empty()
                || seen.contains(&(p, b, rate.interval))
            {
                continue;
            }
            seen.push((p, b, rate.interval));
            let laters = distinct_intervals(&amounts(g.levels_at(p)));
            if laters.is_empty() {
                continue;
            }
            let base = Span {
                start: b.0,
                end: End::Known(b.1),
            };
            let outers: Vec<&'a Claim> = g
                .claims
                .iter()
                .copied()
                .filter(|c| is_plain_level(c) && is_amount(c))
                .filter(|c| {
                    period::span(c).is_some_and(|s| period::contains(s, base, false) == Some(true))
                })
                .collect();
            for &outer in &distinct_intervals(&outers) {
                for &later in &laters {
                    if let Some(d) = compare(rel, slack, rate, later, outer) {
                        out.push(d);
                    }
                }
            }
        }
    }
}

/// later / (1 + rate) <= outer; `None` when the quotient cannot be formed (a rate of -100% or
/// less, an unbounded figure).
fn compare<'a>(
    rel: &'a Relation,
    slack: Decimal,
    rate: &'a Claim,
    later: &'a Claim,
    outer: &'a Claim,
) -> Option<Draft<'a>> {
    let style = Style::of(later.kind);
    let factor = arithmetic::growth_factor(&signed_change(rate)).ok()?;
    let implied = arithmetic::div_by_positive(&later.interval, &factor)?;
    let widened = arithmetic::widen(&outer.interval, slack).ok()?;
    let (pl, bl, po) = (
        period::label(later.period.as_ref()),
        period::label(rate.base_period.as_ref()),
        period::label(outer.period.as_ref()),
    );
    let strict = arithmetic::can_be_le(&implied, &outer.interval);
    let with_slack = arithmetic::can_be_le(&implied, &widened);
    let points_hold = (|| {
        let f = growth::point_factor(rate)?;
        Some(later.value?.checked_div(f)? <= outer.value?)
    })();
    let o = arithmetic::outcome(
        strict,
        with_slack,
        points_hold,
        &implied,
        &outer.interval,
        outer.value,
    );
    let text = format!(
        "{} ({pl}) / (1 + {}) = {} ({bl}) <= {} ({po}): {}",
        describe(later),
        describe(rate),
        fmt_interval(&implied, style),
        describe_with_interval(outer),
        o.words(slack, &widened, style, &outer.interval)
    );
    let verdict = o.verdict;
    let what = match verdict {
        Verdict::Conflict => "the level the rate implies for the base exceeds the whole period",
        Verdict::Difference => {
            "the level the rate implies stays below the whole only within the slack"
        }
        Verdict::ConsistentWithinRounding => {
            "the level the rate implies stays below the whole only thanks to rounding"
        }
        _ => "the level the rate implies does not exceed the whole",
    };
    Some(Draft {
        check: CheckKind::Containment,
        rule: &rel.id,
        verdict,
        claims: vec![(outer, "outer"), (later, "later"), (rate, "change")],
        period: format!("{bl} within {po}"),
        arithmetic: o.arithmetic(
            term(
                format!("{} {bl} (later / (1 + rate))", subject(later)),
                vec![later.id.clone(), rate.id.clone()],
                &implied,
            ),
            "<=",
            claim_term(outer, &po),
            text,
        ),
        message: format!(
            "{}: {bl}, as {} and {} imply it ({}), lies within {po} ({}): {what}",
            subject(outer),
            describe(later),
            describe(rate),
            file_name(&rate.source),
            file_name(&outer.source)
        ),
    })
}
