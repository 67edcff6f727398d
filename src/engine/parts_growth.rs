//! CC002 parts-total at the base period that growth rates imply. `Trade ... amounted to $3.1
//! billion, 37 percent more than in the previous year. Exports ... increased by 32 percent to
//! $1.2 billion, while imports ... increased by 40 percent to $1.9 billion`: each rate implies
//! its figure's level in the base period (level / (1 + rate)), and the parts' implied bases
//! must add up to the total's (1.2 / 1.32 + 1.9 / 1.40 against 3.1 / 1.37).
//!
//! Read within one document (a source's own arithmetic: its total, its parts and all their
//! rates over the same two periods), whether or not another source states the base levels;
//! the plain growth check compares each rate with stated levels. Intervals are exact: each
//! quotient is rounded outwards, the sum is exact, and the total's implied base is widened by
//! the relation's slack for a truncated total.

use foldhash::{HashMap, HashMapExt};
use rust_decimal::Decimal;

use super::arithmetic::{self, Style, describe, fmt_interval, term};
use super::group::{Group, Index, distinct_intervals, is_amount, is_plain_level, subject};
use super::growth::signed_change;
use super::period::{self, PeriodKey};
use super::relations::Relation;
use super::{CheckKind, Draft};
use crate::claim::Claim;
use crate::interval::Interval;
use crate::quantity::{Kind, Measure};

/// The percentage changes of a group's family (the group's metric, entities and modality in
/// any unit), by their period and document, each with its base period; a rate restated in
/// one document is kept once. Built once per group, so each total looks its rates up.
pub(super) struct Rates<'a> {
    by: HashMap<(PeriodKey, usize), Vec<(&'a Claim, PeriodKey)>>,
}

impl<'a> Rates<'a> {
    pub(super) fn of(index: &Index<'a>, g: &Group<'a>) -> Self {
        let mut by: HashMap<(PeriodKey, usize), Vec<(&'a Claim, PeriodKey)>> = HashMap::new();
        for fg in index.family(g.metric(), g.entities(), g.modality()) {
            for &c in &fg.claims {
                if c.kind != Kind::Percent || c.measure != Measure::Change || c.role.is_some() {
                    continue;
                }
                let (Some(p), Some(b)) =
                    (period::key(c), period::key_of(c.base_period.as_ref(), c))
                else {
                    continue;
                };
                let list = by.entry((p, c.doc_index)).or_default();
                if b != p
                    && !list
                        .iter()
                        .any(|(o, ob)| *ob == b && o.interval == c.interval)
                {
                    list.push((c, b));
                }
            }
        }
        Self { by }
    }

    fn at(&self, p: PeriodKey, doc: usize) -> &[(&'a Claim, PeriodKey)] {
        self.by.get(&(p, doc)).map_or(&[], Vec::as_slice)
    }

    fn is_empty(&self) -> bool {
        self.by.is_empty()
    }
}

/// `level / (1 + rate)`, when it can be formed.
fn implied_base(level: &Claim, rate: &Claim) -> Option<Interval> {
    let factor = arithmetic::growth_factor(&signed_change(rate)).ok()?;
    arithmetic::div_by_positive(&level.interval, &factor)
}

/// Check the bases implied for the total `t` (a plain amount of group `g` in period `p`) and
/// for its parts, each from the parts' groups, all stated in `t`'s document. `rates` are the
/// total's family's, then each part group's, in the order of `part_groups`.
pub(super) fn check<'a>(
    rel: &'a Relation,
    slack: Decimal,
    (t, p): (&'a Claim, PeriodKey),
    part_groups: &[&Group<'a>],
    rates: &[Rates<'a>],
    out: &mut Vec<Draft<'a>>,
) {
    let Some((total_rates, part_rates)) = rates.split_first() else {
        return;
    };
    if part_rates.iter().any(Rates::is_empty) {
        return;
    }
    for &(rate, b) in total_rates.at(p, t.doc_index) {
        // Each part: its level in `p` and its rate over the same base, from `t`'s document.
        let mut parts: Vec<(&'a Claim, &'a Claim)> = Vec::new();
        for (pg, pr) in part_groups.iter().zip(part_rates) {
            let levels: Vec<&'a Claim> = pg
                .levels_at(p)
                .iter()
                .copied()
                .filter(|c| c.doc_index == t.doc_index && is_plain_level(c) && is_amount(c))
                .collect();
            let rates: Vec<&'a Claim> = pr
                .at(p, t.doc_index)
                .iter()
                .filter(|&&(_, rb)| rb == b)
                .map(|&(r, _)| r)
                .collect();
            // One reading only: a document that states two levels or two rates for a part is
            // not read here.
            match (
                distinct_intervals(&levels).as_slice(),
                distinct_intervals(&rates).as_slice(),
            ) {
                (&[level], &[part_rate]) => parts.push((level, part_rate)),
                _ => return,
            }
        }
        if parts.is_empty() {
            return;
        }
        if let Some(d) = compare(rel, slack, t, rate, &parts) {
            out.push(d);
        }
    }
}

fn compare<'a>(
    rel: &'a Relation,
    slack: Decimal,
    total: &'a Claim,
    rate: &'a Claim,
    parts: &[(&'a Claim, &'a Claim)],
) -> Option<Draft<'a>> {
    let style = Style::of(total.kind);
    let whole = implied_base(total, rate)?;
    let bases: Vec<Interval> = parts
        .iter()
        .map(|(level, r)| implied_base(level, r))
        .collect::<Option<_>>()?;
    let sum = arithmetic::sum(bases.iter()).ok()?;
    let widened = arithmetic::widen(&whole, slack).ok()?;
    let strict = arithmetic::overlaps(&sum, &whole);
    let with_slack = arithmetic::overlaps(&sum, &widened);
    let o = arithmetic::outcome(strict, with_slack, None, &sum, &whole, None);
    let bl = period::label(rate.base_period.as_ref());
    let quotient =
        |level: &Claim, r: &Claim| format!("{} / (1 + {})", describe(level), describe(r));
    let lhs = parts
        .iter()
        .map(|(level, r)| quotient(level, r))
        .collect::<Vec<_>>()
        .join(" + ");
    let text = format!(
        "{bl} implied: {lhs} = {} vs {} = {}: {}",
        fmt_interval(&sum, style),
        quotient(total, rate),
        fmt_interval(&whole, style),
        o.words(slack, &widened, style, &whole)
    );
    let verdict = o.verdict;
    let what = match verdict {
        super::Verdict::Conflict => "the bases the parts' rates imply do not add up to the total's",
        super::Verdict::Difference => {
            "the bases the parts' rates imply add up to the total's only within the slack"
        }
        _ => "the bases the parts' rates imply add up to the total's",
    };
    let mut claims: Vec<(&'a Claim, &'static str)> = vec![(total, "total"), (rate, "change")];
    let mut part_ids = Vec::new();
    for &(level, r) in parts {
        claims.push((level, "part"));
        claims.push((r, "change"));
        part_ids.extend([level.id.clone(), r.id.clone()]);
    }
    Some(Draft {
        check: CheckKind::PartsTotal,
        rule: &rel.id,
        verdict,
        claims,
        period: format!("{bl} (implied)"),
        arithmetic: o.arithmetic(
            term(format!("parts {bl} (level / (1 + rate))"), part_ids, &sum),
            "overlaps",
            term(
                format!("{} {bl} (level / (1 + rate))", subject(total)),
                vec![total.id.clone(), rate.id.clone()],
                &whole,
            ),
            text,
        ),
        message: format!("{} {bl}: {what}", subject(total)),
    })
}

#[cfg(test)]
mod tests {
    use crate::engine::test_support::{claim, one, run, year};
    use crate::engine::{CheckKind, Verdict};

    fn level(id: &str, metric: &str, entities: &[&str], text: &str) -> crate::claim::Claim {
        claim(id, metric, entities, text).year(2022).build()
    }

    fn rate(id: &str, metric: &str, entities: &[&str], text: &str) -> crate::claim::Claim {
        claim(id, metric, entities, text)
            .year(2022)
            .change_vs(year(2021))
            .build()
    }

    /// A source's total, its two flows and the rates of all three (the devset's 2022 figures).
    fn source(export_rate: &str) -> Vec<crate::claim::Claim> {
        vec![
            level("0:1", "trade_total", &["KZ", "US"], "$3.1 billion"),
            rate("0:2", "trade_total", &["KZ", "US"], "37 percent"),
            rate("0:3", "exports", &["KZ", "US"], export_rate),
            level("0:4", "exports", &["KZ", "US"], "$1.2 billion"),
            rate("0:5", "exports", &["US", "KZ"], "40 percent"),
            level("0:6", "exports", &["US", "KZ"], "$1.9 billion"),
        ]
    }

    #[test]
    fn the_bases_the_rates_imply_add_up() {
        let f = run(&source("32 percent"));
        let g = one(
            &f,
            CheckKind::PartsTotal,
            &["0:1", "0:2", "0:3", "0:4", "0:5", "0:6"],
        );
        assert_eq!(g.verdict, Verdict::Consistent);
        // 1.15 / 1.325 + 1.85 / 1.405 = 2.1846 .. 1.25 / 1.315 + 1.95 / 1.395 = 2.3484, and
        // 3.05 / 1.375 = 2.2182 .. 3.15 / 1.365 = 2.3077.
        assert_eq!(
            g.arithmetic.text,
            "2021 implied: 1.2 bn / (1 + 32%) + 1.9 bn / (1 + 40%) = [2.18, 2.35] bn vs 3.1 bn / (1 + 37%) = [2.21, 2.31] bn: consistent"
        );
        assert_eq!(g.period, "2021 (implied)");
    }

    #[test]
    fn bases_that_cannot_add_up_are_a_conflict() {
        // Exports up 320%: 1.2 / 4.2 + 1.9 / 1.4 is about 1.64, far below 3.1 / 1.37.
        let f = run(&source("320 percent"));
        let g = one(
            &f,
            CheckKind::PartsTotal,
            &["0:1", "0:2", "0:3", "0:4", "0:5", "0:6"],
        );
        assert_eq!(g.verdict, Verdict::Conflict);
        // Another document's figures are not mixed in.
        let mut claims = source("32 percent");
        claims.retain(|c| c.id != "0:5");
        claims.push(rate("1:1", "exports", &["US", "KZ"], "40 percent"));
        let f = run(&claims);
        assert!(!f.iter().any(|x| x.period.ends_with("(implied)")), "{f:#?}");
    }
}
