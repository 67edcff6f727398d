//! CC001 same-value: two claims of one key about one period must be able to both be true.
//!
//! Level claims (no from/to role) are compared when their periods are the same (equal start
//! and end: a cumulative "since" total only equals another with the same start and end);
//! change claims when their period and base period both are. Disjoint intervals are a
//! conflict; overlapping intervals are consistent when the points are equal after
//! normalization (`$1.08 billion` and `$1,080mln`) or when one side is a bound the other
//! satisfies, consistent within rounding when the finer figure rounds to the coarser (39.9 vs
//! 40), and a difference otherwise (`approximately 40` vs 37). Claims that differ only in
//! their currency are unchecked (no exchange rates), and so is a claim without a period when
//! some claim of its key disagrees with it (one finding per such claim, not per pair).
//!
//! Claims that state the same thing (same measure, bound, value and interval) are one
//! statement: statements are compared pairwise, and a finding lists every claim that makes
//! either of its statements, so restatements cost one finding, not one per pair.

use std::collections::BTreeMap;

use foldhash::HashMap;
use std::str::FromStr;

use rayon::prelude::*;
use rust_decimal::Decimal;

use super::arithmetic::{
    self, Style, describe_with_interval, fmt_interval, hull, term, with_interval,
};
use super::group::{Group, Index, file_name, subject};
use super::period::{self, PeriodKey};
use super::relations::Relation;
use super::{Arithmetic, CheckKind, Draft, Term, Verdict};
use crate::claim::Claim;
use crate::number::text::normalized;
use crate::quantity::{Kind, Measure};
use crate::rules::BoundKind;

/// The identity two claims must share to be compared: their period, and for a change its base
/// period. `Err` says what is missing.
type Identity = (PeriodKey, Option<PeriodKey>);

fn identity(c: &Claim) -> Result<Identity, &'static str> {
    let p = period::key(c).ok_or("no period")?;
    if c.measure == Measure::Change {
        let b = period::key_of(c.base_period.as_ref(), c).ok_or("no base period")?;
        return Ok((p, Some(b)));
    }
    Ok((p, None))
}

/// Run the check for one relation.
pub(crate) fn run<'a>(
    rel: &'a Relation,
    measures: &[Measure],
    index: &Index<'a>,
    out: &mut Vec<Draft<'a>>,
) {
    // The groups are checked in parallel: this check makes most of the findings of a large
    // report, and the relations' own parallelism would leave it on one thread. Drafts are
    // joined in group order (rayon's `collect` keeps the order of the splits).
    let per_split: Vec<Vec<Draft<'a>>> = index
        .groups
        .par_iter()
        .fold(Vec::new, |mut drafts, g| {
            if rel.reads(g.metric(), g.modality()) {
                let picked: Vec<&Claim> = g
                    .claims
                    .iter()
                    .copied()
                    .filter(|c| measures.contains(&c.measure) && c.role.is_none())
                    .collect();
                compare_group(rel, &picked, &mut drafts);
                if measures.contains(&Measure::Level) {
                    other_currencies(rel, g, index, &mut drafts);
                }
            }
            drafts
        })
        .collect();
    out.extend(per_split.into_iter().flatten());
}

/// Pairs of claims of one group that share a period; one unchecked finding per claim that
/// has no period (listing the claims it could not be compared with).
fn compare_group<'a>(rel: &'a Relation, claims: &[&'a Claim], out: &mut Vec<Draft<'a>>) {
    let mut by_period: BTreeMap<Identity, Vec<&'a Claim>> = BTreeMap::new();
    let mut missing: Vec<(&'a Claim, &'static str)> = Vec::new();
    for &c in claims {
        match identity(c) {
            Ok(id) => by_period.entry(id).or_default().push(c),
            Err(why) => missing.push((c, why)),
        }
    }
    for same in by_period.values() {
        let statements = statements(same);
        // Each claim that is compared is written once: the first of a statement meets every
        // other statement of its period.
        let firsts: Vec<Side<'a>> = statements.iter().map(|a| Side::new(a[0])).collect();
        for (i, a) in statements.iter().enumerate() {
            // Restatements of one figure agree: one finding for all of them.
            if a.len() > 1 {
                let second = Side::new(a[1]);
                out.push(with_restatements(
                    compare_sides(rel, &firsts[i], &second),
                    &a[2..],
                    &[],
                ));
            }
            for (j, b) in statements.iter().enumerate().skip(i + 1) {
                out.push(with_restatements(
                    compare_sides(rel, &firsts[i], &firsts[j]),
                    &a[1..],
                    &b[1..],
                ));
            }
        }
    }
    // A claim without a period is reported with the claims it could conflict with (disjoint
    // intervals): with the others it agrees whatever its period, so there is nothing to say.
    // Later undated claims are included, so a pair of undated claims is reported once.
    for (i, &(c, why)) in missing.iter().enumerate() {
        let others: Vec<&'a Claim> = by_period
            .values()
            .flatten()
            .copied()
            .chain(missing[i + 1..].iter().map(|&(o, _)| o))
            .filter(|o| o.measure == c.measure && !arithmetic::overlaps(&o.interval, &c.interval))
            .collect();
        if let Some(d) = unchecked_missing_period(rel, CheckKind::SameValue, c, why, &others) {
            out.push(d);
        }
    }
}

/// What a claim states, for grouping restatements: two claims with the same key, period,
/// measure, kind, bound, value and interval say the same thing, whatever their wording.
type Statement = (
    Measure,
    Kind,
    BoundKind,
    Option<Decimal>,
    Option<(Decimal, bool)>,
    Option<(Decimal, bool)>,
);

fn statement(c: &Claim) -> Statement {
    let end = |e: Option<crate::interval::Endpoint>| e.map(|e| (e.value, e.inclusive));
    (
        c.measure,
        c.kind,
        c.bound,
        c.value,
        end(c.interval.low),
        end(c.interval.high),
    )
}

/// The claims of one period grouped by statement, in order of first appearance, each in
/// claim order. Checking distinct statements pairwise, not claims, keeps a figure that a
/// thousand documents repeat from making a million findings: the cost is the number of
/// claims plus the pairs of distinct statements.
fn statements<'a>(claims: &[&'a Claim]) -> Vec<Vec<&'a Claim>> {
    let mut at: HashMap<Statement, usize> = HashMap::default();
    let mut out: Vec<Vec<&'a Claim>> = Vec::new();
    for &c in claims {
        let k = *at.entry(statement(c)).or_insert_with(|| {
            out.push(Vec::new());
            out.len() - 1
        });
        out[k].push(c);
    }
    out
}

/// A finding on two claims, widened to the claims that restate either side (`left`, `right`):
/// they join its claim list and its terms, and the message says how many there are.
fn with_restatements<'a>(mut d: Draft<'a>, left: &[&'a Claim], right: &[&'a Claim]) -> Draft<'a> {
    if left.is_empty() && right.is_empty() {
        return d;
    }
    d.claims.extend(left.iter().map(|&c| (c, "left")));
    d.claims.extend(right.iter().map(|&c| (c, "right")));
    let ids = |cs: &[&Claim]| cs.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    d.arithmetic.left.claims.extend(ids(left));
    d.arithmetic.right.claims.extend(ids(right));
    let n = left.len() + right.len();
    // Appended in place, not copied through `format!`.
    let m = &mut d.message;
    m.push_str(" (");
    crate::number::text::push_usize(m, n);
    m.push_str(if n == 1 {
        " more claim restates these figures)"
    } else {
        " more claims restate these figures)"
    });
    d
}

/// One unchecked finding for a claim without a period among comparable claims.
/// Most other claims an unchecked finding names.
const MAX_LISTED: usize = 32;

pub(crate) fn unchecked_missing_period<'a>(
    rel: &'a Relation,
    check: CheckKind,
    c: &'a Claim,
    why: &str,
    others: &[&'a Claim],
) -> Option<Draft<'a>> {
    let right = hull(others.iter().map(|o| &o.interval))?;
    let style = Style::of(others.first()?.kind);
    // The finding names at most MAX_LISTED of the others (its text counts them all): a
    // document of thousands of undated figures would otherwise make findings whose size
    // grows with the square of its claims.
    let listed = &others[..others.len().min(MAX_LISTED)];
    let mut claims = vec![(c, "unplaced")];
    claims.extend(listed.iter().map(|&o| (o, "other")));
    // Labels borrowed, not copied: this reads every other claim of the group.
    let mut periods: Vec<&str> = Vec::new();
    for o in others {
        let l = o.period.as_ref().map_or("no period", |p| p.label.as_str());
        if !periods.contains(&l) {
            periods.push(l);
        }
    }
    // At most four labels: three and `N more`.
    let more = (periods.len() > 4).then(|| periods.len() - 3);
    let mut labels = String::new();
    for (i, l) in periods
        .iter()
        .take(if more.is_some() { 3 } else { 4 })
        .enumerate()
    {
        if i > 0 {
            labels.push_str(", ");
        }
        labels.push_str(l);
    }
    if let Some(more) = more {
        labels.push_str(", ");
        crate::number::text::push_usize(&mut labels, more);
        labels.push_str(" more");
    }
    // Each piece written once and joined, not through `format!`: a document of many
    // undated figures makes one of these for each.
    let mut count = String::new();
    crate::number::text::push_usize(&mut count, others.len());
    let described = describe_with_interval(c);
    let subject = subject(c);
    let text = [
        &described,
        " vs ",
        &count,
        " other claim(s) in ",
        &fmt_interval(&right, style),
        " (",
        &labels,
        "): unchecked (",
        why,
        ")",
    ]
    .concat();
    Some(Draft {
        check,
        rule: &rel.id,
        verdict: Verdict::Unchecked,
        claims,
        period: period::label(c.period.as_ref()),
        arithmetic: Arithmetic::without_gap(
            term(
                [subject.as_str(), " (", why, ")"].concat(),
                vec![c.id.clone()],
                &c.interval,
            ),
            "overlaps",
            term(
                [count.as_str(), " other claims of ", &subject].concat(),
                listed.iter().map(|o| o.id.clone()).collect(),
                &right,
            ),
            text,
        ),
        message: [
            &described,
            " (",
            file_name(&c.source),
            "): ",
            why,
            ", so it was not compared with the ",
            &count,
            " other claim(s) of ",
            &subject,
        ]
        .concat(),
    })
}

/// Claims of the same metric, entities and period in two currencies: without an exchange rate
/// they cannot be compared, but a reader should know they exist.
fn other_currencies<'a>(
    rel: &'a Relation,
    g: &Group<'a>,
    index: &Index<'a>,
    out: &mut Vec<Draft<'a>>,
) {
    let Some(unit) = g.key.2 else { return };
    for other in index.family(g.metric(), g.entities(), g.modality()) {
        let Some(other_unit) = other.key.2 else {
            continue;
        };
        // Each pair of groups once, from the first in key order.
        if other_unit <= unit {
            continue;
        }
        for (p, mine) in &g.levels {
            for &a in mine
                .iter()
                .filter(|c| c.role.is_none() && c.kind == Kind::Currency)
            {
                for &b in other
                    .levels_at(*p)
                    .iter()
                    .filter(|c| c.role.is_none() && c.kind == Kind::Currency)
                {
                    out.push(currency_unchecked(rel, a, b, unit, other_unit));
                }
            }
        }
    }
}

fn currency_unchecked<'a>(
    rel: &'a Relation,
    a: &'a Claim,
    b: &'a Claim,
    ua: &str,
    ub: &str,
) -> Draft<'a> {
    let period = period::label(a.period.as_ref());
    Draft {
        check: CheckKind::SameValue,
        rule: &rel.id,
        verdict: Verdict::Unchecked,
        claims: vec![(a, "left"), (b, "right")],
        period: period.clone(),
        arithmetic: Arithmetic::without_gap(
            term(
                format!("{} {period} ({ua})", subject(a)),
                vec![a.id.clone()],
                &a.interval,
            ),
            "overlaps",
            term(
                format!("{} {period} ({ub})", subject(b)),
                vec![b.id.clone()],
                &b.interval,
            ),
            format!(
                "{} {ua} vs {} {ub} ({period}): unchecked (different currencies without a rate)",
                describe_with_interval(a),
                describe_with_interval(b)
            ),
        ),
        message: format!(
            "{} {period} is given in {ua} and in {ub}: different currencies without a rate, not compared",
            subject(a)
        ),
    }
}

/// Bounds that a figure inside them satisfies: no point value to disagree with.
fn is_bound(b: BoundKind) -> bool {
    matches!(
        b,
        BoundKind::Gt
            | BoundKind::Ge
            | BoundKind::Lt
            | BoundKind::Le
            | BoundKind::Nearly
            | BoundKind::Vague
    )
}

/// What a same-value finding says of one of its two claims: its figure, its subject and its
/// period, and its interval's ends. Written once per claim of a period and read for each
/// pair it is in (a claim meets every other statement of its period).
struct Side<'a> {
    claim: &'a Claim,
    /// The period as the finding names it when this claim is its left side (`2022`, `2022
    /// vs 2021` for a change).
    period: String,
    /// The figure in short ([`arithmetic::describe`]) and with its interval.
    short: String,
    full: String,
    /// `exports KZ->US`, and the term label `exports KZ->US 2022`.
    subject: String,
    label: String,
    low: Option<String>,
    high: Option<String>,
}

impl<'a> Side<'a> {
    fn new(c: &'a Claim) -> Self {
        let period = match (&c.period, &c.base_period) {
            (Some(p), Some(base)) if c.measure == Measure::Change => {
                [p.label.as_str(), " vs ", &base.label].concat()
            }
            _ => period::label(c.period.as_ref()),
        };
        let short = arithmetic::describe(c);
        let full = with_interval(c, short.clone());
        let subject = subject(c);
        let label = match c.period.as_ref() {
            Some(p) => [subject.as_str(), " ", &p.label].concat(),
            None => [subject.as_str(), " ", &period::label(None)].concat(),
        };
        let end = |e: Option<crate::interval::Endpoint>| e.map(|e| normalized(e.value));
        Self {
            claim: c,
            period,
            short,
            full,
            subject,
            label,
            low: end(c.interval.low),
            high: end(c.interval.high),
        }
    }

    /// The side as a term of the arithmetic.
    fn term(&self) -> Term {
        let iv = &self.claim.interval;
        Term {
            label: self.label.clone(),
            claims: vec![self.claim.id.clone()],
            low: self.low.clone(),
            high: self.high.clone(),
            low_inclusive: iv.low.is_some_and(|e| e.inclusive),
            high_inclusive: iv.high.is_some_and(|e| e.inclusive),
        }
    }
}

/// Compare two claims of the same key and period, from their sides written once.
fn compare_sides<'a>(rel: &'a Relation, sa: &Side<'a>, sb: &Side<'a>) -> Draft<'a> {
    let (a, b) = (sa.claim, sb.claim);
    let style = Style::of(a.kind);
    let period = &sa.period;
    let (ia, ib) = (&a.interval, &b.interval);
    let (verdict, why, (gap, gap_percent)) = if !arithmetic::overlaps(ia, ib) {
        (
            Verdict::Conflict,
            "the intervals are disjoint",
            arithmetic::gap_strings(ia, ib, b.value),
        )
    } else {
        classify(a, b)
    };
    // Joined piece by piece, not with `format!` (see `arithmetic::fmt_point`).
    let message = [
        &sa.subject,
        " ",
        period,
        ": ",
        &sa.short,
        " (",
        file_name(&a.source),
        ") and ",
        &sb.short,
        " (",
        file_name(&b.source),
        "): ",
        why,
    ]
    .concat();
    let text = [
        &sa.full,
        " vs ",
        &sb.full,
        " (",
        period,
        "): ",
        verdict.text(),
        &arithmetic::gap_text(gap.as_ref(), gap_percent.as_ref(), style, ib),
    ]
    .concat();
    Draft {
        check: CheckKind::SameValue,
        rule: &rel.id,
        verdict,
        claims: vec![(a, "left"), (b, "right")],
        period: period.clone(),
        arithmetic: Arithmetic {
            left: sa.term(),
            relation: "overlaps".into(),
            right: sb.term(),
            text,
            gap,
            gap_percent,
        },
        message,
    }
}

type Classified = (Verdict, &'static str, (Option<String>, Option<String>));

/// Overlapping intervals: the same statement, a satisfied bound, a rounding, or a difference.
fn classify(a: &Claim, b: &Claim) -> Classified {
    let none = (None, None);
    if is_bound(a.bound) || is_bound(b.bound) {
        return (
            Verdict::Consistent,
            "one is a bound the other satisfies",
            none,
        );
    }
    if a.bound == BoundKind::Range
        || b.bound == BoundKind::Range
        || a.value.is_none()
        || b.value.is_none()
    {
        if a.interval == b.interval {
            return (Verdict::Consistent, "the same range", none);
        }
        if arithmetic::within(&a.interval, &b.interval)
            || arithmetic::within(&b.interval, &a.interval)
        {
            return (
                Verdict::Consistent,
                "one lies within the other's range",
                none,
            );
        }
        return (
            Verdict::Difference,
            "the ranges overlap but are not the same",
            none,
        );
    }
    let (Some(pa), Some(pb)) = (a.value, b.value) else {
        return (Verdict::Difference, "overlapping", none);
    };
    if pa == pb {
        return (Verdict::Consistent, "the same figure", none);
    }
    let gaps = arithmetic::point_gap_strings(pa, pb);
    if rounds_to(a, b) || rounds_to(b, a) {
        return (
            Verdict::ConsistentWithinRounding,
            "the finer figure rounds to the coarser one",
            gaps,
        );
    }
    (
        Verdict::Difference,
        "the figures differ but their intervals overlap",
        gaps,
    )
}

/// True when `fine` is written more precisely than `coarse` and rounds to it.
fn rounds_to(fine: &Claim, coarse: &Claim) -> bool {
    let (Some(pf), Some(pc)) = (fine.value, coarse.value) else {
        return false;
    };
    let (Some(uf), Some(uc)) = (precision(fine), precision(coarse)) else {
        return false;
    };
    uf < uc && arithmetic::round_to(pf, uc) == Some(pc)
}

/// The unit of the last digit written: from the interval of a rounded figure (its width), else
/// from the digits of the text (`$1,080mln` -> 1 mn, `approximately 40 percent` -> 1).
pub(crate) fn precision(c: &Claim) -> Option<Decimal> {
    if c.bound == BoundKind::Rounded
        && let (Some(l), Some(h)) = (c.interval.low, c.interval.high)
    {
        return h.value.checked_sub(l.value);
    }
    let value = c.value?.abs();
    let literal = first_literal(&c.text)?;
    if literal.is_zero() {
        return None;
    }
    let decimals = literal.scale();
    let factor = value.checked_div(literal.normalize())?;
    let mut p = Decimal::ONE;
    for _ in 0..=15 {
        if factor == p {
            let unit = Decimal::new(1, decimals);
            return unit.checked_mul(factor);
        }
        p = p.checked_mul(Decimal::TEN)?;
    }
    None
}

/// The first number written in digits in a text (`1,080` -> 1080, `1.08` -> 1.08).
fn first_literal(text: &str) -> Option<Decimal> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let lit: String = rest[..end]
        .trim_end_matches([',', '.'])
        .chars()
        .filter(|&c| c != ',')
        .collect();
    Decimal::from_str(&lit).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Modality;
    use crate::engine::test_support::{claim, of, one, run, year};

    fn trade(id: &str, text: &str) -> crate::engine::test_support::B {
        claim(id, "trade_total", &["KZ", "UZ"], text).year(2022)
    }

    #[test]
    fn equal_figures_and_satisfied_bounds_are_consistent() {
        let claims = [
            trade("0:1", "$5bn").build(),
            trade("1:1", "$5.0bn").build(),
            trade("2:1", "nearly $5 billion").build(),
            trade("3:1", "$4.6 billion").build(),
        ];
        let f = run(&claims);
        let same = one(&f, CheckKind::SameValue, &["0:1", "1:1"]);
        assert_eq!(same.verdict, Verdict::Consistent);
        assert_eq!(
            same.arithmetic.text,
            "5 bn [4.5, 5.5] bn vs 5 bn [4.95, 5.05] bn (2022): consistent"
        );
        assert_eq!(
            one(&f, CheckKind::SameValue, &["1:1", "2:1"]).verdict,
            Verdict::Consistent
        );
        assert_eq!(
            one(&f, CheckKind::SameValue, &["2:1", "3:1"]).verdict,
            Verdict::Consistent
        );
    }

    #[test]
    fn disjoint_figures_conflict_with_the_gap() {
        let claims = [
            trade("0:1", "$5.0bn").build(),
            trade("1:1", "$4.6 billion").build(),
        ];
        let f = run(&claims);
        let c = one(&f, CheckKind::SameValue, &["0:1", "1:1"]);
        assert_eq!(c.verdict, Verdict::Conflict);
        assert_eq!(
            c.arithmetic.text,
            "5 bn [4.95, 5.05] bn vs 4.6 bn [4.55, 4.65] bn (2022): conflict, gap 0.3 bn (6.52%)"
        );
        assert_eq!(c.arithmetic.gap.as_deref(), Some("300000000"));
    }

    #[test]
    fn rounding_only_and_real_differences() {
        let g = |id: &str, text: &str| {
            claim(id, "trade_total", &["KZ", "US"], text)
                .year(2022)
                .change_vs(year(2021))
                .build()
        };
        let claims = [
            g("0:1", "37 percent"),
            g("1:1", "37.2 percent"),
            g("2:1", "approximately 40 percent"),
        ];
        let f = run(&claims);
        let r = one(&f, CheckKind::SameValue, &["0:1", "1:1"]);
        assert_eq!(r.verdict, Verdict::ConsistentWithinRounding);
        assert_eq!(r.period, "2022 vs 2021");
        let d = one(&f, CheckKind::SameValue, &["0:1", "2:1"]);
        assert_eq!(d.verdict, Verdict::Difference);
        assert_eq!(d.arithmetic.gap.as_deref(), Some("3"));
        assert_eq!(d.arithmetic.gap_percent.as_deref(), Some("7.5"));
        assert_eq!(
            one(&f, CheckKind::SameValue, &["1:1", "2:1"]).verdict,
            Verdict::Difference
        );
        // 39.9 rounds to 40; 4.6 bn rounds to 5 bn.
        let claims = [g("0:1", "39.9%"), g("1:1", "40%")];
        assert_eq!(run(&claims)[0].verdict, Verdict::ConsistentWithinRounding);
        let claims = [
            trade("0:1", "$5bn").build(),
            trade("1:1", "$4.6 billion").build(),
        ];
        assert_eq!(run(&claims)[0].verdict, Verdict::ConsistentWithinRounding);
    }

    #[test]
    fn scale_words_do_not_matter() {
        let e = |id: &str, text: &str| claim(id, "exports", &["KZ", "UZ"], text).year(2023).build();
        let claims = [e("0:1", "$1.08 billion"), e("1:1", "$1,080mln")];
        let f = run(&claims);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].verdict, Verdict::Consistent);
        assert_eq!(
            f[0].arithmetic.text,
            "1.08 bn [1.075, 1.085] bn vs 1.08 bn [1.0795, 1.0805] bn (2023): consistent"
        );
    }

    #[test]
    fn currencies_and_missing_periods_are_unchecked() {
        let claims = [
            trade("0:1", "$5bn").build(),
            trade("1:1", "2.3 trillion KZT").build(),
            claim("2:1", "trade_total", &["KZ", "UZ"], "$3 billion").build(),
            // Undated, agreeing with the dated claim: reported only with the undated 2:1,
            // which it disagrees with.
            claim("3:1", "trade_total", &["KZ", "UZ"], "about $5 billion").build(),
        ];
        let f = run(&claims);
        let c = one(&f, CheckKind::SameValue, &["0:1", "1:1"]);
        assert_eq!(c.verdict, Verdict::Unchecked);
        assert!(
            c.arithmetic
                .text
                .ends_with("unchecked (different currencies without a rate)"),
            "{}",
            c.arithmetic.text
        );
        let n = one(&f, CheckKind::SameValue, &["2:1", "0:1", "3:1"]);
        assert_eq!(n.verdict, Verdict::Unchecked);
        assert_eq!(
            n.arithmetic.text,
            "3 bn [2.5, 3.5] bn vs 2 other claim(s) in [4.5, 5.5] bn (2022, no period): unchecked (no period)"
        );
        assert_eq!(of(&f, CheckKind::SameValue).len(), 2);
    }

    #[test]
    fn an_unchecked_finding_names_a_bounded_number_of_claims() {
        // One undated figure against 40 dated ones it disagrees with.
        let mut claims: Vec<Claim> = (0..40)
            .map(|k| {
                claim(&format!("{k}:1"), "trade_total", &["KZ", "UZ"], "$5bn")
                    .year(2000 + k as i16)
                    .build()
            })
            .collect();
        claims.push(claim("99:1", "trade_total", &["KZ", "UZ"], "$1bn").build());
        let f = run(&claims);
        let n = of(&f, CheckKind::SameValue)
            .into_iter()
            .find(|f| f.verdict == Verdict::Unchecked)
            .expect("an unchecked finding");
        assert_eq!(n.claims.len(), 1 + MAX_LISTED);
        assert_eq!(n.arithmetic.right.claims.len(), MAX_LISTED);
        assert!(
            n.arithmetic.text.contains("vs 40 other claim(s)"),
            "{}",
            n.arithmetic.text
        );
        // Three periods named and the rest counted.
        assert!(
            n.arithmetic
                .text
                .ends_with("(2000, 2001, 2002, 37 more): unchecked (no period)"),
            "{}",
            n.arithmetic.text
        );
        assert_eq!(
            n.arithmetic.right.label,
            "40 other claims of trade_total KZ-UZ"
        );
    }

    #[test]
    fn different_periods_and_modalities_are_not_compared() {
        let claims = [
            trade("0:1", "$5bn").build(),
            claim("1:1", "trade_total", &["KZ", "UZ"], "$2.5bn")
                .year(2021)
                .build(),
            trade("2:1", "$10bn").modality(Modality::Target).build(),
        ];
        assert!(of(&run(&claims), CheckKind::SameValue).is_empty());
    }

    #[test]
    fn ranges() {
        let range = |id: &str, lo: i64, hi: i64| {
            let mut c = trade(id, "$2bn").build();
            c.bound = BoundKind::Range;
            c.value = None;
            c.interval = crate::interval::Interval::closed(
                Decimal::from(lo) * Decimal::from(1_000_000_000),
                Decimal::from(hi) * Decimal::from(1_000_000_000),
            );
            c
        };
        let claims = [
            range("0:1", 2, 3),
            trade("1:1", "$2.5 billion").build(),
            range("2:1", 1, 4),
            range("3:1", 3, 5),
        ];
        let f = run(&claims);
        assert_eq!(
            one(&f, CheckKind::SameValue, &["0:1", "1:1"]).verdict,
            Verdict::Consistent
        );
        assert_eq!(
            one(&f, CheckKind::SameValue, &["0:1", "2:1"]).verdict,
            Verdict::Consistent
        );
        let d = one(&f, CheckKind::SameValue, &["0:1", "3:1"]);
        assert_eq!(d.verdict, Verdict::Difference);
        assert_eq!(
            d.arithmetic.text,
            "[2, 3] bn vs [3, 5] bn (2022): difference"
        );
        assert_eq!(
            one(&f, CheckKind::SameValue, &["1:1", "3:1"]).verdict,
            Verdict::Conflict
        );
    }

    #[test]
    fn precision_reads_the_last_written_digit() {
        let p = |text: &str| precision(&claim("0:1", "trade_total", &["A"], text).build());
        assert_eq!(p("$1,080mln"), Some(Decimal::from(1_000_000)));
        assert_eq!(p("approximately 40 percent"), Some(Decimal::ONE));
        assert_eq!(p("$1.08 billion"), Some(Decimal::from(10_000_000)));
        assert_eq!(
            p("more than $50 billion"),
            Some(Decimal::from(1_000_000_000))
        );
    }
}
