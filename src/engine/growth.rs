//! CC003 growth: a change claim against the levels of its metric in its period and its base
//! period.
//!
//! - a rate in percent: level(base) x (1 + rate / 100) must overlap level(period); a
//!   decrease is a negative rate, "doubled" is +100%;
//! - a change in percentage points: level(base) + change, for levels in percent;
//! - an absolute change in the levels' unit ("rose by $600 million"): level(period) -
//!   level(base) must overlap the change.
//!
//! Everything is exact interval arithmetic; the rate's own interval counts (37.2% is
//! [37.15, 37.25]). The later level gets the relation's slack, as a stated total does. The
//! message also gives the rate the two levels imply, so a reader sees the comparison from
//! both sides, and says so when the levels moved the other way than the claim says.

use rust_decimal::Decimal;

use super::arithmetic::{
    self, OutOfRange, Style, claim_term, describe, fmt_interval, fmt_point, term,
};
use super::group::{Group, Index, distinct_intervals, distinct_intervals_of, subject};
use super::period::{self, PeriodKey};
use super::relations::Relation;
use super::{Arithmetic, CheckKind, Draft, Verdict};
use crate::claim::Claim;
use crate::interval::Interval;
use crate::quantity::{Direction, Kind, Measure};

/// How a change relates the two levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// later = base x (1 + rate / 100).
    Rate,
    /// later = base + change (percentage points on percent levels, or an absolute change).
    Add,
}

/// Run the check for one relation.
pub(crate) fn run<'a>(
    rel: &'a Relation,
    slack: Decimal,
    index: &Index<'a>,
    out: &mut Vec<Draft<'a>>,
) {
    for g in &index.groups {
        if !rel.reads(g.metric(), g.modality()) {
            continue;
        }
        for &c in g
            .claims
            .iter()
            .filter(|c| c.measure == Measure::Change && c.role.is_none())
        {
            check_change(rel, slack, c, g, index, out);
        }
    }
}

/// The groups whose levels a change claim is about, and how.
fn level_groups<'g, 'a>(
    c: &Claim,
    g: &'g Group<'a>,
    index: &'g Index<'a>,
) -> (Mode, Vec<&'g Group<'a>>) {
    match c.kind {
        Kind::Percent => (
            Mode::Rate,
            index
                .family(g.metric(), g.entities(), g.modality())
                .filter(|lg| {
                    lg.claims
                        .iter()
                        .any(|l| l.measure == Measure::Level && level_kind_ok(l.kind, c.kind))
                })
                .collect(),
        ),
        Kind::PercentagePoints => (
            Mode::Add,
            index
                .family(g.metric(), g.entities(), g.modality())
                .filter(|lg| {
                    lg.claims
                        .iter()
                        .any(|l| l.measure == Measure::Level && l.kind == Kind::Percent)
                })
                .collect(),
        ),
        _ => (Mode::Add, vec![g]),
    }
}

/// The kinds of level a change of this kind applies to.
fn level_kind_ok(level: Kind, change: Kind) -> bool {
    match change {
        // A relative rate of a percent level is ambiguous (percent or points?): not checked.
        Kind::Percent => !matches!(level, Kind::Percent | Kind::PercentagePoints | Kind::Rank),
        Kind::PercentagePoints => level == Kind::Percent,
        other => level == other,
    }
}

/// A change's interval, signed: a decrease the quantity parser left positive is negated.
pub(super) fn signed_change(c: &Claim) -> Interval {
    let all_positive = c.interval.low.is_some_and(|l| l.value >= Decimal::ZERO)
        && c.interval.high.is_none_or(|h| h.value > Decimal::ZERO);
    if c.direction == Some(Direction::Decrease)
        && all_positive
        && c.value.is_none_or(|v| v >= Decimal::ZERO)
    {
        arithmetic::neg(&c.interval)
    } else {
        c.interval
    }
}

/// A rate's stated factor `1 + rate / 100`, signed by its direction.
pub(super) fn point_factor(c: &Claim) -> Option<Decimal> {
    signed_value(c)?
        .checked_div(Decimal::ONE_HUNDRED)?
        .checked_add(Decimal::ONE)
}

pub(super) fn signed_value(c: &Claim) -> Option<Decimal> {
    let v = c.value?;
    Some(
        if c.direction == Some(Direction::Decrease) && v > Decimal::ZERO {
            -v
        } else {
            v
        },
    )
}

fn check_change<'a>(
    rel: &'a Relation,
    slack: Decimal,
    c: &'a Claim,
    g: &Group<'a>,
    index: &Index<'a>,
    out: &mut Vec<Draft<'a>>,
) {
    let (mode, groups) = level_groups(c, g, index);
    let Some(p) = period::key(c) else { return };
    let levels_at = |lg: &Group<'a>, key: PeriodKey| -> Vec<&'a Claim> {
        lg.levels_at(key)
            .iter()
            .copied()
            .filter(|l| level_kind_ok(l.kind, c.kind))
            .collect()
    };
    let base = period::key_of(c.base_period.as_ref(), c);
    let why = match base {
        None => Some("no base period"),
        // A change against its own period says nothing: the base was misread.
        Some(b) if b == p => Some("the base period is the period itself"),
        Some(_) => None,
    };
    let (Some(b), None) = (base, why) else {
        // Nothing to compare against; say so only when the claim's own period has levels a
        // reader would expect it to be checked with.
        let later: Vec<&'a Claim> = groups.iter().flat_map(|lg| levels_at(lg, p)).collect();
        if !later.is_empty()
            && let Some(d) = super::same_value::unchecked_missing_period(
                rel,
                CheckKind::Growth,
                c,
                why.unwrap_or("no base period"),
                &later,
            )
        {
            out.push(d);
        }
        return;
    };
    for lg in groups {
        let bases = distinct_intervals_of(&levels_at(lg, b), c.doc_index);
        let laters = distinct_intervals_of(&levels_at(lg, p), c.doc_index);
        for &base in &bases {
            for &later in &laters {
                out.push(compare(rel, slack, mode, c, base, later));
            }
        }
        // No base level stated: an amount of the same change implies it (`a $4.7 billion or
        // 19.4% rise`).
        if bases.is_empty() && mode == Mode::Rate {
            let amounts: Vec<&'a Claim> = lg
                .claims
                .iter()
                .copied()
                .filter(|d| {
                    d.measure == Measure::Change
                        && d.role.is_none()
                        && level_kind_ok(d.kind, c.kind)
                        && period::key(d) == Some(p)
                        && period::key_of(d.base_period.as_ref(), d) == Some(b)
                })
                .collect();
            for &amount in &distinct_intervals(&amounts) {
                for &later in &laters {
                    out.push(super::growth_amount::compare(rel, slack, c, amount, later));
                }
            }
        }
    }
}

/// The predicted later level (rate and pp modes) or the level difference (absolute change).
fn compute(
    mode: Mode,
    c: &Claim,
    base: &Claim,
    later: &Claim,
    slack: Decimal,
) -> Result<Computed, OutOfRange> {
    let change = signed_change(c);
    let widened = arithmetic::widen(&later.interval, slack)?;
    Ok(match (mode, c.kind) {
        (Mode::Rate, _) => {
            let factor = arithmetic::growth_factor(&change)?;
            let predicted = arithmetic::mul(&base.interval, &factor)?;
            Computed {
                left: predicted,
                right: later.interval,
                left_slack: predicted,
                right_slack: widened,
                factor: Some(factor),
            }
        }
        (Mode::Add, Kind::PercentagePoints) => {
            let predicted = arithmetic::add(&base.interval, &change)?;
            Computed {
                left: predicted,
                right: later.interval,
                left_slack: predicted,
                right_slack: widened,
                factor: None,
            }
        }
        (Mode::Add, _) => Computed {
            // The difference of the levels against the stated change; the slack widens the
            // later level, as for a stated total.
            left: arithmetic::sub(&later.interval, &base.interval)?,
            right: change,
            left_slack: arithmetic::sub(&widened, &base.interval)?,
            right_slack: change,
            factor: None,
        },
    })
}

/// The two sides compared, strictly and with the slack on the later level.
struct Computed {
    left: Interval,
    right: Interval,
    left_slack: Interval,
    right_slack: Interval,
    factor: Option<Interval>,
}

/// A change's period and base period as labels, and the finding's period: `2022 vs 2021`.
pub(super) fn change_periods(c: &Claim) -> (String, String, String) {
    let (pl, bl) = (
        period::label(c.period.as_ref()),
        period::label(c.base_period.as_ref()),
    );
    let both = format!("{pl} vs {bl}");
    (pl, bl, both)
}

fn compare<'a>(
    rel: &'a Relation,
    slack: Decimal,
    mode: Mode,
    c: &'a Claim,
    base: &'a Claim,
    later: &'a Claim,
) -> Draft<'a> {
    let style = Style::of(later.kind);
    let (pl, bl, period) = change_periods(c);
    let claims = vec![(later, "later"), (base, "base"), (c, "change")];
    let absolute = mode == Mode::Add && c.kind != Kind::PercentagePoints;
    let computed = match compute(mode, c, base, later, slack) {
        Ok(v) => v,
        Err(OutOfRange) => {
            return Draft {
                check: CheckKind::Growth,
                rule: &rel.id,
                verdict: Verdict::Unchecked,
                claims,
                period: period.clone(),
                arithmetic: Arithmetic::without_gap(
                    claim_term(base, &bl),
                    "overlaps",
                    claim_term(later, &pl),
                    format!(
                        "{} ({bl}) with {} vs {} ({pl}): unchecked (out of range)",
                        describe(base),
                        describe(c),
                        describe(later)
                    ),
                ),
                message: format!(
                    "{}: the growth arithmetic is out of range of exact decimals, not checked",
                    subject(c)
                ),
            };
        }
    };
    let strict = arithmetic::overlaps(&computed.left, &computed.right);
    let with_slack = arithmetic::overlaps(&computed.left_slack, &computed.right_slack);
    let points_hold = point_check(mode, c, base, later);
    let o = arithmetic::outcome(
        strict,
        with_slack,
        points_hold,
        &computed.left,
        &computed.right,
        if absolute {
            signed_value(c)
        } else {
            later.value
        },
    );
    let change_style = Style::of(c.kind);
    let (lhs, right_text, left_label, right_label) = if absolute {
        (
            format!("{} ({pl}) - {} ({bl})", describe(later), describe(base)),
            describe_signed(c, change_style),
            format!("{} {pl} - {bl}", subject(later)),
            format!("{} change {pl} vs {bl}", subject(c)),
        )
    } else if let Some(factor) = &computed.factor {
        let f = match signed_value(c).and_then(|v| {
            v.checked_div(Decimal::ONE_HUNDRED)?
                .checked_add(Decimal::ONE)
        }) {
            Some(f) => fmt_point(f, Style::Scaled),
            None => fmt_interval(factor, Style::Scaled),
        };
        (
            format!("{} ({bl}) x {f}", describe(base)),
            format!("{} ({pl})", fmt_interval(&later.interval, style)),
            format!("{} {bl} x (1 + rate)", subject(base)),
            format!("{} {pl}", subject(later)),
        )
    } else {
        (
            format!(
                "{} ({bl}) + {}",
                describe(base),
                describe_signed(c, change_style)
            ),
            format!("{} ({pl})", fmt_interval(&later.interval, style)),
            format!("{} {bl} + change", subject(base)),
            format!("{} {pl}", subject(later)),
        )
    };
    let result_style = if absolute { change_style } else { style };
    let widened = if absolute {
        &computed.left_slack
    } else {
        &computed.right_slack
    };
    let text = format!(
        "{lhs} = {} vs {right_text}: {}",
        fmt_interval(&computed.left, result_style),
        o.words(slack, widened, result_style, &computed.right)
    );
    let verdict = o.verdict;
    let message = message(verdict, mode, c, base, later, &pl, &bl, slack);
    let mut left_claims = vec![base.id.clone(), c.id.clone()];
    let mut right_claims = vec![later.id.clone()];
    if absolute {
        left_claims = vec![later.id.clone(), base.id.clone()];
        right_claims = vec![c.id.clone()];
    }
    Draft {
        check: CheckKind::Growth,
        rule: &rel.id,
        verdict,
        claims,
        period,
        arithmetic: o.arithmetic(
            term(left_label, left_claims, &computed.left),
            "overlaps",
            term(right_label, right_claims, &computed.right),
            text,
        ),
        message,
    }
}

/// A change as written, with its sign: `+37.2%`, `-10%`, `+600 mn`.
fn describe_signed(c: &Claim, style: Style) -> String {
    match signed_value(c) {
        Some(v) if v >= Decimal::ZERO => format!("+{}", fmt_point(v, style)),
        Some(v) => fmt_point(v, style),
        None => fmt_interval(&signed_change(c), style),
    }
}

/// Whether the stated points alone satisfy the relation (`None` without points).
fn point_check(mode: Mode, c: &Claim, base: &Claim, later: &Claim) -> Option<bool> {
    let (v, b, l) = (signed_value(c)?, base.value?, later.value?);
    match (mode, c.kind) {
        (Mode::Rate, _) => {
            let f = v
                .checked_div(Decimal::ONE_HUNDRED)?
                .checked_add(Decimal::ONE)?;
            Some(later.interval.contains(b.checked_mul(f)?))
        }
        (Mode::Add, Kind::PercentagePoints) => Some(later.interval.contains(b.checked_add(v)?)),
        (Mode::Add, _) => Some(signed_change(c).contains(l.checked_sub(b)?)),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one message from the parts of one check"
)]
fn message(
    verdict: Verdict,
    mode: Mode,
    c: &Claim,
    base: &Claim,
    later: &Claim,
    pl: &str,
    bl: &str,
    slack: Decimal,
) -> String {
    let style = Style::of(later.kind);
    let implied = match mode {
        Mode::Rate => arithmetic::implied_rate(&base.interval, &later.interval).map(|(lo, hi)| {
            let iv = Interval::new(
                lo.map(crate::interval::Endpoint::closed),
                hi.map(crate::interval::Endpoint::closed),
            );
            format!("; the levels imply {}", fmt_interval(&iv, Style::Percent))
        }),
        Mode::Add => arithmetic::sub(&later.interval, &base.interval)
            .ok()
            .map(|d| {
                format!(
                    "; the levels differ by {}",
                    fmt_interval(&d, Style::of(c.kind))
                )
            }),
    }
    .unwrap_or_default();
    let change = signed_change(c);
    let stated_rise = change.low.is_some_and(|l| l.value > Decimal::ZERO);
    let stated_fall = change.high.is_some_and(|h| h.value < Decimal::ZERO);
    let fell =
        matches!((later.interval.high, base.interval.low), (Some(h), Some(l)) if h.value < l.value);
    let rose =
        matches!((later.interval.low, base.interval.high), (Some(l), Some(h)) if l.value > h.value);
    let sign = if stated_rise && fell {
        " (the levels fell while the claim says they rose)"
    } else if stated_fall && rose {
        " (the levels rose while the claim says they fell)"
    } else {
        ""
    };
    let what = match verdict {
        Verdict::Conflict => format!("does not match the levels{sign}"),
        Verdict::Difference => format!(
            "matches the levels only within the {} slack",
            arithmetic::slack_text(slack)
        ),
        Verdict::ConsistentWithinRounding => {
            "matches the levels only thanks to their rounding".to_string()
        }
        _ => "matches the levels".to_string(),
    };
    format!(
        "{} {pl}: the change of {} against {bl} {what}: {} in {bl}, {} in {pl}{implied}",
        subject(c),
        describe(c),
        describe(base),
        fmt_interval(&later.interval, style),
    )
}

#[cfg(test)]
mod tests {
    use crate::engine::test_support::{claim, one, run, year};
    use crate::engine::{CheckKind, Verdict};
    use crate::quantity::Direction;

    fn level(id: &str, text: &str, y: i16) -> crate::claim::Claim {
        claim(id, "trade_total", &["KZ", "US"], text)
            .year(y)
            .build()
    }

    fn rate(id: &str, text: &str) -> crate::claim::Claim {
        claim(id, "trade_total", &["KZ", "US"], text)
            .year(2022)
            .change_vs(year(2021))
            .build()
    }

    #[test]
    fn the_seed_growth_is_consistent() {
        let claims = [
            level("0:1", "$2.5 billion", 2021),
            level("1:1", "exceeded 3 billion US dollars", 2022),
            rate("1:2", "37.2 percent"),
        ];
        let f = run(&claims);
        let g = one(&f, CheckKind::Growth, &["0:1", "1:1", "1:2"]);
        assert_eq!(g.verdict, Verdict::Consistent);
        assert_eq!(
            g.arithmetic.text,
            "2.5 bn (2021) x 1.372 = [3.36, 3.50] bn vs > 3 bn (2022): consistent"
        );
        assert_eq!(g.period, "2022 vs 2021");
        assert_eq!(g.arithmetic.left.low.as_deref(), Some("3360175000"));
    }

    #[test]
    fn a_rate_is_checked_against_the_level_its_own_document_states() {
        // The same $3.1 bn for 2022 in two documents: the rate's own sentence gives it in
        // document 2, so that is the level the finding names.
        let claims = [
            level("0:1", "$3.1 billion", 2022),
            level("1:1", "$2.5 billion", 2021),
            level("2:1", "$3.1 billion", 2022),
            rate("2:2", "37 percent"),
        ];
        let f = run(&claims);
        let g = one(&f, CheckKind::Growth, &["1:1", "2:1", "2:2"]);
        assert_eq!(g.verdict, Verdict::Conflict);
        assert!(
            !f.iter()
                .any(|x| x.check == CheckKind::Growth && x.claims.contains(&"0:1".to_string())),
            "{f:#?}"
        );
    }

    #[test]
    fn a_rate_the_levels_contradict_is_a_conflict() {
        // $2.5 bn (2021) and $3.1 bn (2022) imply 19.6%-28.6%, not 37%.
        let claims = [
            level("0:1", "$2.5 billion", 2021),
            level("1:1", "$3.1 billion", 2022),
            rate("1:2", "37 percent"),
        ];
        let f = run(&claims);
        let g = one(&f, CheckKind::Growth, &["0:1", "1:1", "1:2"]);
        assert_eq!(g.verdict, Verdict::Conflict);
        assert_eq!(
            g.arithmetic.text,
            "2.5 bn (2021) x 1.37 = [3.34, 3.51] bn vs [3.05, 3.15] bn (2022): conflict, gap 0.194 bn (6.27%)"
        );
        assert!(
            g.message.contains("the levels imply [19.6, 28.58]%"),
            "{}",
            g.message
        );
    }

    #[test]
    fn a_wrong_sign_is_a_conflict() {
        let claims = [
            level("0:1", "$2.5 billion", 2021),
            level("0:2", "$2.0 billion", 2022),
            rate("0:3", "10%"),
        ];
        let f = run(&claims);
        let g = one(&f, CheckKind::Growth, &["0:1", "0:2", "0:3"]);
        assert_eq!(g.verdict, Verdict::Conflict);
        assert!(
            g.message
                .contains("the levels fell while the claim says they rose"),
            "{}",
            g.message
        );
    }

    #[test]
    fn a_stated_fall_where_levels_rose_is_a_conflict() {
        let fell = claim("0:3", "trade_total", &["KZ", "US"], "-10%")
            .year(2022)
            .change_vs(year(2021))
            .build();
        let claims = [
            level("0:1", "$2.5 billion", 2021),
            level("0:2", "$3.1 billion", 2022),
            fell,
        ];
        let g = one(&run(&claims), CheckKind::Growth, &["0:1", "0:2", "0:3"]).clone();
        assert_eq!(g.verdict, Verdict::Conflict);
        assert!(
            g.message
                .contains("the levels rose while the claim says they fell"),
            "{}",
            g.message
        );
        assert!(
            g.arithmetic.text.starts_with("2.5 bn (2021) x 0.9 = "),
            "{}",
            g.arithmetic.text
        );
    }

    #[test]
    fn overflow_is_unchecked() {
        let mut huge = level("0:1", "$2.5 billion", 2021);
        huge.interval = crate::interval::Interval::point(rust_decimal::Decimal::MAX);
        huge.value = Some(rust_decimal::Decimal::MAX);
        let claims = [huge, level("0:2", "$3.1 billion", 2022), rate("0:3", "37%")];
        let g = one(&run(&claims), CheckKind::Growth, &["0:1", "0:2", "0:3"]).clone();
        assert_eq!(g.verdict, Verdict::Unchecked);
        assert!(
            g.arithmetic.text.ends_with("unchecked (out of range)"),
            "{}",
            g.arithmetic.text
        );
    }

    #[test]
    fn decreases_doubling_and_absolute_changes() {
        // "fell by 20%": 2.5 bn x 0.8 = 2 bn.
        let fell = claim("0:3", "trade_total", &["KZ", "US"], "20%")
            .year(2022)
            .change_vs(year(2021))
            .direction(Direction::Decrease)
            .build();
        let claims = [
            level("0:1", "$2.5 billion", 2021),
            level("0:2", "$2.0 billion", 2022),
            fell,
        ];
        let g = one(&run(&claims), CheckKind::Growth, &["0:1", "0:2", "0:3"]).clone();
        assert_eq!(g.verdict, Verdict::Consistent, "{}", g.arithmetic.text);
        assert_eq!(
            g.arithmetic.text,
            "2.5 bn (2021) x 0.8 = [1.94, 2.06] bn vs [1.95, 2.05] bn (2022): consistent"
        );
        // "doubled" is +100%.
        let claims = [
            level("0:1", "$2.5 billion", 2021),
            level("0:2", "$5 billion", 2022),
            rate("0:3", "100%"),
        ];
        assert_eq!(
            one(&run(&claims), CheckKind::Growth, &["0:1", "0:2", "0:3"]).verdict,
            Verdict::Consistent
        );
        // "rose by $600 million": 3.1 - 2.5 = [0.5, 0.7] bn.
        let change = claim("0:3", "trade_total", &["KZ", "US"], "$600 million")
            .year(2022)
            .change_vs(year(2021))
            .build();
        let claims = [
            level("0:1", "$2.5 billion", 2021),
            level("0:2", "$3.1 billion", 2022),
            change,
        ];
        let g = one(&run(&claims), CheckKind::Growth, &["0:1", "0:2", "0:3"]).clone();
        assert_eq!(g.verdict, Verdict::Consistent);
        assert_eq!(
            g.arithmetic.text,
            "3.1 bn (2022) - 2.5 bn (2021) = [500, 700] mn vs +600 mn: consistent"
        );
        let change = claim("0:3", "trade_total", &["KZ", "US"], "$900 million")
            .year(2022)
            .change_vs(year(2021))
            .build();
        let claims = [
            level("0:1", "$2.5 billion", 2021),
            level("0:2", "$3.1 billion", 2022),
            change,
        ];
        assert_eq!(
            one(&run(&claims), CheckKind::Growth, &["0:1", "0:2", "0:3"]).verdict,
            Verdict::Conflict
        );
    }

    #[test]
    fn rounding_only_growth() {
        // 3.9 x 1.178 = 4.5942, inside [4.55, 4.65]: consistent; 3.9 x 1.22 = 4.758 is not, yet
        // [3.85, 3.95] x [1.2195, 1.2205] reaches 4.65: consistent within rounding.
        let claims = [
            level("0:1", "$3.9 billion", 2021),
            level("0:2", "$4.6 billion", 2022),
            rate("0:3", "17.8%"),
        ];
        assert_eq!(
            one(&run(&claims), CheckKind::Growth, &["0:1", "0:2", "0:3"]).verdict,
            Verdict::Consistent
        );
        let claims = [
            level("0:1", "$3.9 billion", 2021),
            level("0:2", "$4.6 billion", 2022),
            rate("0:3", "20.5%"),
        ];
        assert_eq!(
            one(&run(&claims), CheckKind::Growth, &["0:1", "0:2", "0:3"]).verdict,
            Verdict::ConsistentWithinRounding
        );
    }

    #[test]
    fn without_a_base_period_it_is_unchecked() {
        let mut r = rate("0:3", "37%");
        r.base_period = None;
        let claims = [level("0:2", "$3.1 billion", 2022), r];
        let g = one(&run(&claims), CheckKind::Growth, &["0:2", "0:3"]).clone();
        assert_eq!(g.verdict, Verdict::Unchecked);
        assert!(
            g.arithmetic.text.ends_with("unchecked (no base period)"),
            "{}",
            g.arithmetic.text
        );
    }

    #[test]
    fn a_rate_and_an_amount_of_one_change_imply_the_base() {
        // `$29.2 billion in 2022, a $4.7 billion or 19.4% rise`: (29.2 - 4.7) x 1.194.
        let amount = claim("0:2", "trade_total", &["KZ", "US"], "$4.7 billion")
            .year(2022)
            .change_vs(year(2021))
            .build();
        let claims = [
            level("0:1", "$29.2 billion", 2022),
            amount.clone(),
            rate("0:3", "19.4%"),
        ];
        let g = one(&run(&claims), CheckKind::Growth, &["0:1", "0:2", "0:3"]).clone();
        assert_eq!(
            g.arithmetic.text,
            "(29.2 bn - 4.7 bn) (2021) x (1 + 19.4%) = [29.1214, 29.3847] bn vs [29.15, 29.25] bn (2022): consistent within rounding"
        );
        assert!(g.message.ends_with("imply 19.18%"), "{}", g.message);
        // A rate the amount cannot give: (29.2 - 4.7) x 1.3 = [31.72, 31.85].
        let claims = [
            level("0:1", "$29.2 billion", 2022),
            amount.clone(),
            rate("0:3", "30%"),
        ];
        let g = one(&run(&claims), CheckKind::Growth, &["0:1", "0:2", "0:3"]).clone();
        assert_eq!(g.verdict, Verdict::Conflict, "{}", g.arithmetic.text);
        // With the base level stated, the rate is checked against it, not the amount.
        let claims = [
            level("0:1", "$24.5 billion", 2021),
            level("0:4", "$29.2 billion", 2022),
            amount,
            rate("0:3", "19.4%"),
        ];
        let f = run(&claims);
        assert!(
            crate::engine::test_support::of(&f, CheckKind::Growth)
                .iter()
                .all(|g| !g.arithmetic.text.starts_with('(')),
            "{f:#?}"
        );
    }
}
