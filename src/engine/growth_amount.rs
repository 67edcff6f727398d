//! CC003 growth, when no source states the base level: a rate and an amount for the same
//! change (`$29.2 billion, a $4.7 billion or 19.4% rise over the previous year`) imply the
//! base themselves. The later level less the amount is the base, and the base grown by the
//! rate must give the later level again: (29.2 - 4.7) x 1.194 against 29.2, all as exact
//! intervals, the later level widened by the relation's slack as for a stated total.

use rust_decimal::Decimal;

use super::arithmetic::{self, OutOfRange, Style, describe, fmt_interval, fmt_point, term};
use super::group::subject;
use super::growth::{point_factor, signed_change, signed_value};
use super::relations::Relation;
use super::{Arithmetic, CheckKind, Draft, Verdict};
use crate::claim::Claim;
use crate::interval::Interval;

/// Check a rate `rate` against an amount `amount` of the same change and the later level.
pub(super) fn compare<'a>(
    rel: &'a Relation,
    slack: Decimal,
    rate: &'a Claim,
    amount: &'a Claim,
    later: &'a Claim,
) -> Draft<'a> {
    let style = Style::of(later.kind);
    let (pl, bl, period) = super::growth::change_periods(rate);
    let claims = vec![(later, "later"), (amount, "change"), (rate, "change")];
    let rate_iv = signed_change(rate);
    let (amount_iv, amount_point) = (signed_change(amount), signed_value(amount));
    let computed = (|| {
        let base = arithmetic::sub(&later.interval, &amount_iv)?;
        let predicted = arithmetic::mul(&base, &arithmetic::growth_factor(&rate_iv)?)?;
        Ok::<_, OutOfRange>((predicted, arithmetic::widen(&later.interval, slack)?))
    })();
    let lhs = format!(
        "({} - {}) ({bl}) x (1 + {})",
        describe(later),
        describe(amount),
        describe(rate)
    );
    let left_label = format!(
        "{} {bl} (later less the change) x (1 + rate)",
        subject(later)
    );
    let right_label = format!("{} {pl}", subject(later));
    let ids = vec![amount.id.clone(), rate.id.clone(), later.id.clone()];
    let Ok((predicted, widened)) = computed else {
        return Draft {
            check: CheckKind::Growth,
            rule: &rel.id,
            verdict: Verdict::Unchecked,
            claims,
            period,
            arithmetic: Arithmetic::without_gap(
                term(left_label, ids, &Interval::default()),
                "overlaps",
                term(right_label, vec![later.id.clone()], &later.interval),
                format!(
                    "{lhs} vs {} ({pl}): unchecked (out of range)",
                    describe(later)
                ),
            ),
            message: format!(
                "{}: the growth arithmetic is out of range of exact decimals, not checked",
                subject(rate)
            ),
        };
    };
    let strict = arithmetic::overlaps(&predicted, &later.interval);
    let with_slack = arithmetic::overlaps(&predicted, &widened);
    let points_hold = (|| {
        let l = later.value?;
        let f = point_factor(rate)?;
        Some(
            later
                .interval
                .contains(l.checked_sub(amount_point?)?.checked_mul(f)?),
        )
    })();
    let o = arithmetic::outcome(
        strict,
        with_slack,
        points_hold,
        &predicted,
        &later.interval,
        later.value,
    );
    // The rate the two figures imply, for the reader: amount / (later - amount).
    let implied = (|| {
        let base = later.value?.checked_sub(amount_point?)?;
        arithmetic::percent_of(amount_point?, base)
    })()
    .map(|r| {
        format!(
            "; {} and {} imply {}",
            describe(later),
            describe(amount),
            fmt_point(r, Style::Percent)
        )
    })
    .unwrap_or_default();
    let text = format!(
        "{lhs} = {} vs {} ({pl}): {}",
        fmt_interval(&predicted, style),
        fmt_interval(&later.interval, style),
        o.words(slack, &widened, style, &later.interval)
    );
    let verdict = o.verdict;
    let why = match verdict {
        Verdict::Conflict => "the rate and the amount of the change cannot both be right",
        Verdict::Difference => {
            "the rate and the amount of the change agree only within the slack for a truncated level"
        }
        Verdict::ConsistentWithinRounding => {
            "the rate and the amount of the change agree only thanks to rounding"
        }
        _ => "the rate and the amount of the change agree",
    };
    Draft {
        check: CheckKind::Growth,
        rule: &rel.id,
        verdict,
        claims,
        period,
        arithmetic: o.arithmetic(
            term(left_label, ids, &predicted),
            "overlaps",
            term(right_label, vec![later.id.clone()], &later.interval),
            text,
        ),
        message: format!("{} {pl} vs {bl}: {why}{implied}", subject(rate)),
    }
}
