//! CC004 containment: a non-negative flow over a period is at least the flow over any period
//! inside it.
//!
//! A "since 2005" total is just the flow over 2005-01-01..the document's date, so cumulative
//! totals, years and parts of years are one check: since-1991 >= since-2005 >= 2018, and the
//! year 2019 >= January-October 2019. It holds when the inner claim's low does not exceed
//! the outer claim's high (with the relation's slack on the outer, the "whole"). When a
//! period's end is unknown (a "since" total in an undated document) or only known to be at
//! least some date (an inferred document date), containment may be undecidable: such a pair
//! is reported as unchecked only when the figures would conflict if it held, since otherwise
//! there is nothing to report either way.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::arithmetic::{self, OutOfRange, Style, claim_term, describe_with_interval};
use super::group::{Group, Index, file_name, is_amount, is_plain_level, subject};
use super::period::{self, End, Span};
use super::relations::Relation;
use super::{Arithmetic, CheckKind, Draft, Verdict};
use crate::claim::Claim;

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
        let spans = level_spans(g);
        let starts: Vec<Date> = spans.iter().map(|(s, _)| s.start).collect();
        // The spans that may still matter to an outer period that ends before they start:
        // those whose end bound is before their start (inconsistent data), or is not a date.
        let odd: Vec<usize> = (0..spans.len())
            .filter(|&k| !ends_after_start(spans[k].0))
            .collect();
        let odd_or_open: Vec<usize> = (0..spans.len())
            .filter(|&k| !ends_after_start(spans[k].0) || !matches!(spans[k].0.end, End::Known(_)))
            .collect();
        for (i, &(sa, a)) in spans.iter().enumerate() {
            // A span starting after `a` ends lies outside it, and is decided so (`contains` says
            // false), unless it is odd; when `a` only ends *at least* somewhere, one whose end is
            // not known either stays undecided. Only those are read past `a`'s end, so a long
            // series of years costs its length, not its square.
            // An odd `a` itself (or one with no end) is read against every later span: with
            // its end before its start, one starting with it may contain it.
            let (near_end, far): (usize, &[usize]) = match sa.end {
                _ if !ends_after_start(sa) => (spans.len(), &[]),
                End::Known(o) => (starts.partition_point(|&s| s <= o), &odd),
                End::AtLeast(o) => (starts.partition_point(|&s| s <= o), &odd_or_open),
                End::Unknown => (spans.len(), &[]),
            };
            let near = (i + 1)..near_end.max(i + 1);
            let far_from = far.partition_point(|&k| k < near.end);
            for j in near.chain(far[far_from..].iter().copied()) {
                let (sb, b) = spans[j];
                pair(rel, slack, (sa, a), (sb, b), out);
            }
        }
        super::implied_base::run(rel, slack, g, index, out);
    }
}

/// The group's plain amount levels with a span, by start: an outer period starts no later
/// than its inner one.
fn level_spans<'a>(g: &Group<'a>) -> Vec<(Span, &'a Claim)> {
    let mut spans: Vec<(Span, &'a Claim)> = g
        .claims
        .iter()
        .copied()
        .filter(|c| is_plain_level(c) && is_amount(c))
        .filter_map(|c| Some((period::span(c)?, c)))
        .collect();
    spans.sort_by_key(|(s, _)| s.start);
    spans
}

/// Every pair, as the check read them before the pruning: the reference the tests hold the
/// pruned loop to.
#[cfg(test)]
fn run_all_pairs<'a>(rel: &'a Relation, slack: Decimal, index: &Index<'a>) -> Vec<Draft<'a>> {
    let mut out = Vec::new();
    for g in &index.groups {
        if !rel.reads(g.metric(), g.modality()) {
            continue;
        }
        let spans = level_spans(g);
        for (i, &a) in spans.iter().enumerate() {
            for &b in &spans[i + 1..] {
                pair(rel, slack, a, b, &mut out);
            }
        }
    }
    out
}

/// The containment check of two spans, `a` starting no later than `b`.
fn pair<'a>(
    rel: &'a Relation,
    slack: Decimal,
    (sa, a): (Span, &'a Claim),
    (sb, b): (Span, &'a Claim),
    out: &mut Vec<Draft<'a>>,
) {
    // The same period, with a known end, lies inside neither way: skip it early, since a
    // figure restated by many documents makes many such pairs.
    if sa == sb && matches!(sa.end, End::Known(_)) {
        return;
    }
    let same_doc = a.doc_index == b.doc_index;
    // `a` starts no later than `b`, so only `a` can contain `b`, unless both start together.
    let both = [(a, sa, b, sb), (b, sb, a, sa)];
    let orientations = if sa.start == sb.start {
        &both[..]
    } else {
        &both[..1]
    };
    let mut undecided = None;
    for &(outer, so, inner, si) in orientations {
        match period::contains(so, si, same_doc) {
            Some(true) => {
                out.push(compare(rel, slack, outer, inner));
                return;
            }
            Some(false) => {}
            None => {
                if undecided.is_none() && would_conflict(outer, inner) {
                    undecided = Some((outer, inner));
                }
            }
        }
    }
    if let Some((outer, inner)) = undecided {
        out.push(undecidable(rel, outer, inner));
    }
}

/// Whether a span's end bound is a date no earlier than its start.
fn ends_after_start(s: Span) -> bool {
    match s.end {
        End::Known(e) | End::AtLeast(e) => e >= s.start,
        End::Unknown => false,
    }
}

/// True when the inner figure exceeds the outer one for certain.
fn would_conflict(outer: &Claim, inner: &Claim) -> bool {
    !arithmetic::can_be_le(&inner.interval, &outer.interval)
}

fn labels(outer: &Claim, inner: &Claim) -> (String, String) {
    (
        period::label(outer.period.as_ref()),
        period::label(inner.period.as_ref()),
    )
}

fn compare<'a>(rel: &'a Relation, slack: Decimal, outer: &'a Claim, inner: &'a Claim) -> Draft<'a> {
    let style = Style::of(outer.kind);
    let (po, pi) = labels(outer, inner);
    let period = format!("{pi} within {po}");
    let claims = vec![(outer, "outer"), (inner, "inner")];
    let lhs = format!(
        "{} ({pi}) <= {} ({po})",
        describe_with_interval(inner),
        describe_with_interval(outer)
    );
    let widened = match arithmetic::widen(&outer.interval, slack) {
        Ok(w) => w,
        Err(OutOfRange) => {
            return Draft {
                check: CheckKind::Containment,
                rule: &rel.id,
                verdict: Verdict::Unchecked,
                claims,
                period,
                arithmetic: Arithmetic::without_gap(
                    claim_term(inner, &pi),
                    "<=",
                    claim_term(outer, &po),
                    format!("{lhs}: unchecked (out of range)"),
                ),
                message: format!(
                    "{}: out of range of exact decimals, not checked",
                    subject(outer)
                ),
            };
        }
    };
    let strict = arithmetic::can_be_le(&inner.interval, &outer.interval);
    let with_slack = arithmetic::can_be_le(&inner.interval, &widened);
    let points_hold = match (inner.value, outer.value) {
        (Some(i), Some(o)) => Some(i <= o),
        _ => None,
    };
    let o = arithmetic::outcome(
        strict,
        with_slack,
        points_hold,
        &inner.interval,
        &outer.interval,
        outer.value,
    );
    let text = format!(
        "{lhs}: {}",
        o.words(slack, &widened, style, &outer.interval)
    );
    let verdict = o.verdict;
    let what = match verdict {
        Verdict::Conflict => {
            "the flow over the inner period exceeds the flow over the whole period"
        }
        Verdict::Difference => "the inner figure stays below the whole only within the slack",
        Verdict::ConsistentWithinRounding => {
            "the inner figure stays below the whole only thanks to rounding"
        }
        _ => "the inner figure does not exceed the whole",
    };
    Draft {
        check: CheckKind::Containment,
        rule: &rel.id,
        verdict,
        claims,
        period,
        arithmetic: o.arithmetic(claim_term(inner, &pi), "<=", claim_term(outer, &po), text),
        message: format!(
            "{}: {pi} ({}) lies within {po} ({}): {what}",
            subject(outer),
            file_name(&inner.source),
            file_name(&outer.source)
        ),
    }
}

/// A pair whose figures would conflict if one period lay inside the other, which the known
/// period ends cannot tell.
fn undecidable<'a>(rel: &'a Relation, outer: &'a Claim, inner: &'a Claim) -> Draft<'a> {
    let (po, pi) = labels(outer, inner);
    Draft {
        check: CheckKind::Containment,
        rule: &rel.id,
        verdict: Verdict::Unchecked,
        claims: vec![(outer, "outer"), (inner, "inner")],
        period: format!("{pi} within {po}?"),
        arithmetic: Arithmetic::without_gap(
            claim_term(inner, &pi),
            "<=",
            claim_term(outer, &po),
            format!(
                "{} ({pi}) <= {} ({po}): unchecked (unknown end of period)",
                describe_with_interval(inner),
                describe_with_interval(outer)
            ),
        ),
        message: format!(
            "{}: {pi} would exceed {po} if it lay inside it, but where a period ends is unknown",
            subject(outer)
        ),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::claim::Claim;
    use crate::engine::test_support::{claim, months, of, one, run};
    use crate::engine::{CheckKind, Verdict};

    fn fdi(id: &str, text: &str) -> crate::engine::test_support::B {
        claim(id, "investment", &["US", "KZ"], text)
    }

    fn since(id: &str, text: &str, y: i16, doc_date: Option<jiff::civil::Date>) -> Claim {
        fdi(id, text)
            .since(date(y, 1, 1), &format!("since {y}"), doc_date)
            .build()
    }

    #[test]
    fn the_seed_totals_nest() {
        let d = Some(date(2023, 3, 14));
        let claims = [
            since("0:1", "more than $50 billion", 1991, d),
            since("1:1", "about $40 billion", 2005, d),
            fdi("1:2", "$5.3 billion")
                .year(2018)
                .dated(date(2023, 3, 14), false)
                .build(),
        ];
        let f = run(&claims);
        let a = one(&f, CheckKind::Containment, &["0:1", "1:1"]);
        assert_eq!(a.verdict, Verdict::Consistent);
        assert_eq!(
            a.arithmetic.text,
            "about 40 bn [36, 44] bn (since 2005) <= > 50 bn (since 1991): consistent"
        );
        assert_eq!(a.period, "since 2005 within since 1991");
        let b = one(&f, CheckKind::Containment, &["1:1", "1:2"]);
        assert_eq!(b.verdict, Verdict::Consistent);
        assert_eq!(
            b.arithmetic.text,
            "5.3 bn [5.25, 5.35] bn (2018) <= about 40 bn [36, 44] bn (since 2005): consistent"
        );
        assert_eq!(
            one(&f, CheckKind::Containment, &["0:1", "1:2"]).verdict,
            Verdict::Consistent
        );
        assert_eq!(of(&f, CheckKind::Containment).len(), 3);
    }

    #[test]
    fn inner_figures_above_the_whole_conflict() {
        let d = Some(date(2023, 3, 14));
        let claims = [
            since("0:1", "$30 billion", 1991, d),
            since("1:1", "about $40 billion", 2005, d),
            fdi("1:2", "$50 billion").year(2018).build(),
        ];
        let f = run(&claims);
        let a = one(&f, CheckKind::Containment, &["0:1", "1:1"]);
        assert_eq!(a.verdict, Verdict::Conflict);
        assert_eq!(
            a.arithmetic.text,
            "about 40 bn [36, 44] bn (since 2005) <= 30 bn [29.5, 30.5] bn (since 1991): conflict, gap 5.5 bn (18.33%)"
        );
        assert_eq!(
            one(&f, CheckKind::Containment, &["1:1", "1:2"]).verdict,
            Verdict::Conflict
        );
    }

    #[test]
    fn a_later_cumulative_total_must_not_be_smaller() {
        let claims = [
            since("0:1", "$40 billion", 2005, Some(date(2019, 6, 1))),
            since("1:1", "$30 billion", 2005, Some(date(2023, 6, 1))),
        ];
        let a = one(&run(&claims), CheckKind::Containment, &["0:1", "1:1"]).clone();
        assert_eq!(a.verdict, Verdict::Conflict);
        // The total to 2019 is the inner one.
        assert_eq!(a.arithmetic.left.claims, vec!["0:1"]);
    }

    #[test]
    fn months_inside_a_year_and_rounding() {
        let t = |id: &str, text: &str| claim(id, "trade_total", &["KZ", "UZ"], text);
        let claims = [
            t("0:1", "$4.1 billion")
                .period(months(2022, 1, 10, "Jan-Oct 2022"))
                .build(),
            t("1:1", "$4.6 billion").year(2022).build(),
            // 4.12 > 4.1 as points, but [4.115, 4.125] reaches below 4.15.
            t("2:1", "$4.12 billion")
                .period(months(2022, 1, 11, "Jan-Nov 2022"))
                .build(),
        ];
        let f = run(&claims);
        assert_eq!(
            one(&f, CheckKind::Containment, &["0:1", "1:1"]).verdict,
            Verdict::Consistent
        );
        assert_eq!(
            one(&f, CheckKind::Containment, &["0:1", "2:1"]).verdict,
            Verdict::Consistent
        );
        let claims = [
            t("0:1", "$4.12 billion")
                .period(months(2022, 1, 10, "Jan-Oct 2022"))
                .build(),
            t("1:1", "$4.1 billion").year(2022).build(),
        ];
        assert_eq!(
            one(&run(&claims), CheckKind::Containment, &["0:1", "1:1"]).verdict,
            Verdict::ConsistentWithinRounding
        );
    }

    #[test]
    fn a_rate_implies_a_base_level_inside_a_longer_period() {
        let t = |id: &str, text: &str| claim(id, "trade_total", &["KZ", "US"], text);
        let jan_aug = |y: i16| months(y, 1, 8, &format!("Jan-Aug {y}"));
        let rate = |dir| {
            t("1:2", "29%")
                .period(jan_aug(2018))
                .change_vs(jan_aug(2017))
                .direction(dir)
                .build()
        };
        let year = t("0:1", "$1,518 million").year(2017).build();
        let later = t("1:1", "$1,462 million").period(jan_aug(2018)).build();
        let claims = [
            year.clone(),
            later.clone(),
            rate(crate::quantity::Direction::Increase),
        ];
        let f = run(&claims);
        let c = one(&f, CheckKind::Containment, &["0:1", "1:1", "1:2"]);
        assert_eq!(
            c.arithmetic.text,
            "1.462 bn (Jan-Aug 2018) / (1 + 29%) = [1.12, 1.14] bn (Jan-Aug 2017) <= 1.518 bn [1.5175, 1.5185] bn (2017): consistent"
        );
        // A fall of 29% puts the first eight months of 2017 above the whole year.
        let claims = [
            year.clone(),
            later.clone(),
            rate(crate::quantity::Direction::Decrease),
        ];
        let f = run(&claims);
        assert_eq!(
            one(&f, CheckKind::Containment, &["0:1", "1:1", "1:2"]).verdict,
            Verdict::Conflict
        );
        // With the base level stated, the growth check reads it and no base is implied.
        let stated = t("2:1", "$1,133 million").period(jan_aug(2017)).build();
        let claims = [
            year,
            later,
            stated,
            rate(crate::quantity::Direction::Increase),
        ];
        let f = run(&claims);
        assert!(
            of(&f, CheckKind::Containment)
                .iter()
                .all(|c| !c.arithmetic.text.contains("/ (1 +")),
            "{f:#?}"
        );
    }

    #[test]
    fn unknown_ends() {
        // Undated documents: two "since" totals of one document end together.
        let claims = [
            since("0:1", "$30 billion", 1991, None),
            since("0:2", "$40 billion", 2005, None),
        ];
        assert_eq!(
            one(&run(&claims), CheckKind::Containment, &["0:1", "0:2"]).verdict,
            Verdict::Conflict
        );
        // From two documents it cannot be decided: unchecked, since the figures would conflict.
        let claims = [
            since("0:1", "$30 billion", 1991, None),
            since("1:1", "$40 billion", 2005, None),
        ];
        let u = one(&run(&claims), CheckKind::Containment, &["0:1", "1:1"]).clone();
        assert_eq!(u.verdict, Verdict::Unchecked);
        assert!(
            u.arithmetic
                .text
                .ends_with("unchecked (unknown end of period)"),
            "{}",
            u.arithmetic.text
        );
        // ... and nothing is said when they would not.
        let claims = [
            since("0:1", "$50 billion", 1991, None),
            since("1:1", "$40 billion", 2005, None),
        ];
        assert!(of(&run(&claims), CheckKind::Containment).is_empty());
        // An inferred date is a lower bound of the end: the total still contains what is before.
        let claims = [
            fdi("0:1", "$30 billion")
                .since(date(2005, 1, 1), "since 2005", None)
                .dated(date(2020, 1, 1), true)
                .build(),
            fdi("1:1", "$40 billion").year(2018).build(),
        ];
        assert_eq!(
            one(&run(&claims), CheckKind::Containment, &["0:1", "1:1"]).verdict,
            Verdict::Conflict
        );
    }

    #[test]
    fn stocks_and_other_metrics_are_not_checked() {
        let claims = [
            claim("0:1", "companies", &["US", "KZ"], "590")
                .year(2022)
                .build(),
            claim("0:2", "companies", &["US", "KZ"], "700")
                .period(months(2022, 1, 6, "H1 2022"))
                .build(),
        ];
        assert!(of(&run(&claims), CheckKind::Containment).is_empty());
    }

    /// The loop that skips spans starting after an outer one ends finds exactly the pairs
    /// that reading every pair finds, odd periods (ending before they start, open ends,
    /// unknown ends, equal starts) included.
    #[test]
    fn pruned_pairs_are_all_pairs() {
        use crate::claim::ClaimPeriod;
        use crate::engine::group::Index;
        use crate::engine::test_support::relations;
        let rels = relations();
        let rel = rels
            .relations
            .iter()
            .find(|r| {
                matches!(
                    r.params,
                    crate::engine::relations::Params::Containment { .. }
                )
            })
            .unwrap();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for round in 0..40 {
            let mut claims = Vec::new();
            for k in 0..30 {
                let id = format!("{round}:{k}");
                let y = 2000 + next(12) as i16;
                let text = format!("${} billion", 1 + next(40));
                let b = fdi(&id, &text);
                let c = match next(6) {
                    0 => b.year(y).build(),
                    1 => b.period(months(y, 1, 1 + next(11) as i8, "m")).build(),
                    2 => b
                        .since(date(y, 1, 1), "since", Some(date(2010, 6, 1)))
                        .build(),
                    3 => b.since(date(y, 1, 1), "since", None).build(),
                    4 => b
                        .since(date(y, 1, 1), "since", None)
                        .dated(date(2000 + next(12) as i16, 1, 1), true)
                        .build(),
                    _ => b
                        .period(ClaimPeriod {
                            start: Some(date(y, 1, 1)),
                            end: Some(date(y - 1 - next(3) as i16, 12, 31)),
                            label: "odd".into(),
                            cumulative: false,
                            instant: None,
                            inherited: false,
                        })
                        .build(),
                };
                let mut c = c;
                c.doc_index = next(4) as usize;
                claims.push(c);
            }
            let index = Index::build(&claims);
            let mut pruned = Vec::new();
            super::run(rel, rust_decimal::Decimal::ZERO, &index, &mut pruned);
            let all = super::run_all_pairs(rel, rust_decimal::Decimal::ZERO, &index);
            let show = |d: &[crate::engine::Draft<'_>]| -> Vec<String> {
                d.iter()
                    .map(|d| {
                        let ids: Vec<&str> = d.claims.iter().map(|(c, _)| c.id.as_str()).collect();
                        format!("{ids:?} {:?} {}", d.verdict, d.message)
                    })
                    .collect()
            };
            assert_eq!(show(&pruned), show(&all), "round {round}");
            assert!(!all.is_empty(), "round {round} checked nothing");
        }
    }
}
