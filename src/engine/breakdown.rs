//! CC007 breakdown: the items a document lists under a total (a fact sheet's categories:
//! `Total ... Assistance: $21.06m, Peace and Security=$6.50m, 31%, ...`) add up to the total,
//! each stated share is its item's part of the total, and the shares add up to 100%.
//!
//! The linker finds the list ([`crate::link::breakdown`]) and marks each item and share with
//! its total ([`crate::claim::PartOf`]); the index keeps those claims apart from the groups,
//! so an item is never compared as a level of the total's metric. The sum is the parts-total
//! arithmetic (exact intervals, the total widened by the relation's slack for a truncated
//! total). A share is item / total as an interval (the lowest item over the highest total,
//! the highest over the lowest), rounded outwards to four decimals, against the stated share.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};

use super::arithmetic::{self, OutOfRange, Style, describe, fmt_interval, term};
use super::group::{Index, subject};
use super::parts_total;
use super::period;
use super::relations::Relation;
use super::{Arithmetic, CheckKind, Draft, Verdict};
use crate::claim::Claim;
use crate::interval::Interval;
use crate::quantity::Kind;

/// Run the check for one relation.
pub(crate) fn run<'a>(
    rel: &'a Relation,
    slack: Decimal,
    index: &Index<'a>,
    out: &mut Vec<Draft<'a>>,
) {
    // Items by their total, in claim order.
    let mut lists: BTreeMap<(usize, usize), Vec<&'a Claim>> = BTreeMap::new();
    for &c in &index.parts {
        if let Some(p) = &c.part_of {
            lists
                .entry((c.doc_index, p.total_start))
                .or_default()
                .push(c);
        }
    }
    for ((doc, start), parts) in lists {
        let Some(total) = index.total_at(doc, start) else {
            continue;
        };
        if !rel.applies_to(total) {
            continue;
        }
        let items: Vec<&'a Claim> = parts
            .iter()
            .copied()
            .filter(|c| c.kind == total.kind && c.unit == total.unit)
            .collect();
        if let Some(&unread) = items
            .iter()
            .find(|c| c.interval.low.is_none() && c.interval.high.is_none())
        {
            out.push(unreadable(rel, total, &items, unread));
        } else if items.len() >= 2 {
            out.push(parts_total::compare(
                CheckKind::Breakdown,
                rel,
                slack,
                total,
                &items,
            ));
        }
        let shares: Vec<&'a Claim> = parts
            .iter()
            .copied()
            .filter(|c| c.kind == Kind::Percent)
            .collect();
        for &s in &shares {
            let category = s.part_of.as_ref().map(|p| p.category.as_str());
            if let Some(&item) = items
                .iter()
                .find(|i| i.part_of.as_ref().map(|p| p.category.as_str()) == category)
            {
                let category = item.part_of.as_ref().map_or("", |p| p.category.as_str());
                out.push(share(
                    CheckKind::Breakdown,
                    rel,
                    slack,
                    total,
                    item,
                    s,
                    category,
                ));
            }
        }
        if shares.len() >= 2 {
            out.push(shares_sum(rel, total, &shares));
        }
    }
}

/// A sum that cannot be made: an item's figure could not be read (out of the decimal range).
fn unreadable<'a>(
    rel: &'a Relation,
    total: &'a Claim,
    items: &[&'a Claim],
    unread: &'a Claim,
) -> Draft<'a> {
    let period = period::label(total.period.as_ref());
    let category = unread.part_of.as_ref().map_or("", |p| p.category.as_str());
    let mut claims: Vec<(&'a Claim, &'static str)> = vec![(total, "total")];
    claims.extend(items.iter().map(|&c| (c, "part")));
    Draft {
        check: CheckKind::Breakdown,
        rule: &rel.id,
        verdict: Verdict::Unchecked,
        claims,
        period: period.clone(),
        arithmetic: Arithmetic::without_gap(
            term(
                "items".into(),
                items.iter().map(|c| c.id.clone()).collect(),
                &Interval::default(),
            ),
            "overlaps",
            term(subject(total), vec![total.id.clone()], &total.interval),
            format!(
                "items vs {} ({period}): unchecked (the figure of {category}, \"{}\", could not be read)",
                describe(total),
                unread.text
            ),
        ),
        message: format!(
            "{} {period}: the items cannot be added up, as the figure of {category} could not be read",
            subject(total)
        ),
    }
}

/// `part / total x 100` as an interval ([`arithmetic::div_by_positive`]), rounded outwards to
/// four decimals; `None` unless both are bounded, the part not negative and the total positive.
fn share_interval(part: &Interval, total: &Interval) -> Option<Interval> {
    if part.low?.value < Decimal::ZERO {
        return None;
    }
    let q =
        arithmetic::div_by_positive(&arithmetic::scale(part, Decimal::ONE_HUNDRED).ok()?, total)?;
    let round = |v: Decimal, strategy| v.round_dp_with_strategy(4, strategy).normalize();
    Some(Interval::closed(
        round(q.low?.value, RoundingStrategy::ToNegativeInfinity),
        round(q.high?.value, RoundingStrategy::ToPositiveInfinity),
    ))
}

/// A stated share against item / total, for a breakdown's item (CC007, `category` is its
/// label) or a figure's share of a whole (CC008, `category` names the figure).
pub(super) fn share<'a>(
    check: CheckKind,
    rel: &'a Relation,
    slack: Decimal,
    total: &'a Claim,
    item: &'a Claim,
    stated: &'a Claim,
    category: &str,
) -> Draft<'a> {
    let period = period::label(total.period.as_ref());
    let claims = vec![(total, "total"), (item, "part"), (stated, "share")];
    let lhs = format!("{} / {}", describe(item), describe(total));
    let label = format!("{category} / {}", subject(total));
    let Some(computed) = share_interval(&item.interval, &total.interval) else {
        return Draft {
            check,
            rule: &rel.id,
            verdict: Verdict::Unchecked,
            claims,
            period: period.clone(),
            arithmetic: Arithmetic::without_gap(
                term(
                    label,
                    vec![item.id.clone(), total.id.clone()],
                    &Interval::default(),
                ),
                "overlaps",
                term(
                    category.to_string(),
                    vec![stated.id.clone()],
                    &stated.interval,
                ),
                format!(
                    "{lhs} vs {} ({period}): unchecked (the share cannot be computed)",
                    describe(stated)
                ),
            ),
            message: format!(
                "{} {period}: the share of {category} cannot be computed from its figures",
                subject(total)
            ),
        };
    };
    let strict = arithmetic::overlaps(&computed, &stated.interval);
    let with_slack = arithmetic::widen(&stated.interval, slack)
        .is_ok_and(|w| arithmetic::overlaps(&computed, &w));
    let point = item
        .value
        .zip(total.value)
        .and_then(|(p, t)| arithmetic::percent_of(p, t));
    let points_hold = point.map(|p| stated.interval.contains(p));
    let verdict = arithmetic::derived_verdict(strict, with_slack, points_hold);
    let (gap, gap_percent) = if strict {
        (None, None)
    } else {
        arithmetic::gap_strings(&computed, &stated.interval, stated.value)
    };
    let style = Style::Percent;
    let text = format!(
        "{lhs} = {} vs {} ({period}): {}{}",
        fmt_interval(&computed, style),
        arithmetic::describe_with_interval(stated),
        verdict.text(),
        if verdict == Verdict::Conflict {
            arithmetic::gap_text(gap.as_ref(), gap_percent.as_ref(), style, &stated.interval)
        } else {
            String::new()
        }
    );
    let why = match verdict {
        Verdict::Conflict => format!("{category} is not the share of the total the text says"),
        Verdict::Difference => {
            format!("{category}'s stated share holds only within the slack for rounding")
        }
        _ => format!("{category}'s stated share matches its part of the total"),
    };
    Draft {
        check,
        rule: &rel.id,
        verdict,
        claims,
        period: period.clone(),
        arithmetic: Arithmetic {
            left: term(label, vec![item.id.clone(), total.id.clone()], &computed),
            relation: "overlaps".into(),
            right: term(
                category.to_string(),
                vec![stated.id.clone()],
                &stated.interval,
            ),
            text,
            gap,
            gap_percent,
        },
        message: format!("{} {period}: {why}", subject(total)),
    }
}

/// The stated shares of one breakdown add up to 100%.
fn shares_sum<'a>(rel: &'a Relation, total: &'a Claim, shares: &[&'a Claim]) -> Draft<'a> {
    let period = period::label(total.period.as_ref());
    let hundred = Interval::closed(Decimal::ONE_HUNDRED, Decimal::ONE_HUNDRED);
    let mut claims: Vec<(&'a Claim, &'static str)> = vec![(total, "total")];
    claims.extend(shares.iter().map(|&s| (s, "share")));
    let lhs = shares
        .iter()
        .map(|s| describe(s))
        .collect::<Vec<_>>()
        .join(" + ");
    let ids: Vec<String> = shares.iter().map(|s| s.id.clone()).collect();
    let style = Style::Percent;
    let (verdict, sum) = match arithmetic::sum(shares.iter().map(|s| &s.interval)) {
        Ok(sum) => {
            let strict = arithmetic::overlaps(&sum, &hundred);
            let points = shares
                .iter()
                .try_fold(Decimal::ZERO, |acc, s| acc.checked_add(s.value?));
            let points_hold = points.map(|p| p == Decimal::ONE_HUNDRED);
            (
                arithmetic::derived_verdict(strict, strict, points_hold),
                sum,
            )
        }
        Err(OutOfRange) => (Verdict::Unchecked, Interval::default()),
    };
    let text = if verdict == Verdict::Unchecked {
        format!("{lhs} vs 100% ({period}): unchecked (out of range)")
    } else {
        format!(
            "{lhs} = {} vs 100% ({period}): {}",
            fmt_interval(&sum, style),
            verdict.text()
        )
    };
    let why = match verdict {
        Verdict::Conflict => "the stated shares cannot add up to 100%",
        Verdict::ConsistentWithinRounding => {
            "the stated shares add up to 100% only thanks to their rounding"
        }
        Verdict::Unchecked => "the stated shares could not be added",
        _ => "the stated shares add up to 100%",
    };
    Draft {
        check: CheckKind::Breakdown,
        rule: &rel.id,
        verdict,
        claims,
        period: period.clone(),
        arithmetic: Arithmetic::without_gap(
            term("shares".into(), ids, &sum),
            "overlaps",
            term("100%".into(), vec![total.id.clone()], &hundred),
            text,
        ),
        message: format!("{} {period}: {why}", subject(total)),
    }
}

#[cfg(test)]
mod tests {
    use crate::claim::{Claim, PartOf};
    use crate::engine::test_support::{claim, of, one, run, year};
    use crate::engine::{CheckKind, Verdict};
    use crate::interval::Interval;

    fn aid(id: &str, text: &str) -> Claim {
        claim(id, "aid", &["US", "KZ"], text)
            .period(year(2013))
            .build()
    }

    /// An item of the total that starts at byte 100 (claim `0:1`).
    fn item(id: &str, text: &str, category: &str) -> Claim {
        let mut c = aid(id, text);
        c.part_of = Some(PartOf {
            category: category.into(),
            total_start: 100,
        });
        c
    }

    #[test]
    fn items_add_up_and_shares_match() {
        let claims = [
            aid("0:1", "$18.40 million"),
            item("0:2", "$7.36 million", "Peace and Security"),
            item("0:3", "40%", "Peace and Security"),
            item("0:4", "$11.04 million", "Economic Growth"),
            item("0:5", "50%", "Economic Growth"),
        ];
        let f = run(&claims);
        let sum = one(&f, CheckKind::Breakdown, &["0:1", "0:2", "0:4"]);
        assert_eq!(
            sum.arithmetic.text,
            "7.36 mn + 11.04 mn = [18.39, 18.41] mn vs [18.395, 18.405] mn (2013): consistent"
        );
        // 11.04 / 18.40 = 60%, not the 50% stated; 40% + 50% is not 100%.
        let share = one(&f, CheckKind::Breakdown, &["0:1", "0:4", "0:5"]);
        assert_eq!(
            share.verdict,
            Verdict::Conflict,
            "{}",
            share.arithmetic.text
        );
        assert_eq!(
            one(&f, CheckKind::Breakdown, &["0:1", "0:3", "0:5"]).verdict,
            Verdict::Conflict
        );
        assert_eq!(
            one(&f, CheckKind::Breakdown, &["0:1", "0:2", "0:3"]).verdict,
            Verdict::Consistent
        );
        // Items are never levels of the total's metric: no same-value finding pairs them.
        assert!(of(&f, CheckKind::SameValue).is_empty(), "{f:#?}");
    }

    #[test]
    fn an_unreadable_item_or_total_is_not_added_up() {
        let mut unread = item("0:3", "$5 million", "Health");
        unread.interval = Interval::default();
        unread.value = None;
        let claims = [
            aid("0:1", "$18.40 million"),
            item("0:2", "$7.36 million", "Peace and Security"),
            unread,
        ];
        let f = run(&claims);
        let sum = one(&f, CheckKind::Breakdown, &["0:1", "0:2", "0:3"]);
        assert_eq!(sum.verdict, Verdict::Unchecked, "{}", sum.arithmetic.text);
        assert!(sum.arithmetic.text.contains("could not be read"));
        // A total whose figure could not be read checks nothing.
        let mut total = aid("0:1", "$18.40 million");
        total.interval = Interval::default();
        let claims = [
            total,
            item("0:2", "$7.36 million", "Peace and Security"),
            item("0:3", "$11.04 million", "Economic Growth"),
        ];
        assert!(of(&run(&claims), CheckKind::Breakdown).is_empty());
    }
}
