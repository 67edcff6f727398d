//! CC006 rank: two ranks for the same list (metric and entities) and edition (period) must
//! agree.
//!
//! "moved from 28th to 25th" is a from/to pair: the "from" rank is about the previous
//! edition even when the sentence dates both, so a "from" rank is only compared with other
//! "from" ranks, and the pair itself is never a disagreement.

use std::collections::BTreeMap;

use super::arithmetic::{self, describe, term};
use super::group::{Index, file_name, subject};
use super::period::{self, PeriodKey};
use super::relations::Relation;
use super::same_value::unchecked_missing_period;
use super::{Arithmetic, CheckKind, Draft, Verdict};
use crate::claim::Claim;
use crate::quantity::{Kind, Measure, Role};

/// Run the check for one relation.
pub(crate) fn run<'a>(rel: &'a Relation, index: &Index<'a>, out: &mut Vec<Draft<'a>>) {
    for g in &index.groups {
        if !rel.reads(g.metric(), g.modality()) {
            continue;
        }
        let ranks: Vec<&'a Claim> = g
            .claims
            .iter()
            .copied()
            .filter(|c| c.measure == Measure::Rank || c.kind == Kind::Rank)
            .collect();
        // (period, is a "from" rank) -> claims
        let mut by_period: BTreeMap<(PeriodKey, bool), Vec<&'a Claim>> = BTreeMap::new();
        let mut missing: Vec<&'a Claim> = Vec::new();
        for &c in &ranks {
            match period::key(c) {
                Some(p) => by_period
                    .entry((p, c.role == Some(Role::From)))
                    .or_default()
                    .push(c),
                None => missing.push(c),
            }
        }
        for same in by_period.values() {
            for (i, &a) in same.iter().enumerate() {
                for &b in &same[i + 1..] {
                    out.push(compare(rel, a, b));
                }
            }
        }
        for (i, &c) in missing.iter().enumerate() {
            let others: Vec<&'a Claim> = by_period
                .values()
                .flatten()
                .copied()
                .chain(missing[i + 1..].iter().copied())
                .filter(|o| !arithmetic::overlaps(&o.interval, &c.interval))
                .collect();
            if let Some(d) = unchecked_missing_period(rel, CheckKind::Rank, c, "no period", &others)
            {
                out.push(d);
            }
        }
    }
}

fn compare<'a>(rel: &'a Relation, a: &'a Claim, b: &'a Claim) -> Draft<'a> {
    let period = period::label(a.period.as_ref());
    let (ia, ib) = (&a.interval, &b.interval);
    let (verdict, what) = if !arithmetic::overlaps(ia, ib) {
        (Verdict::Conflict, "the ranks differ")
    } else if ia == ib {
        (Verdict::Consistent, "the same rank")
    } else {
        (
            Verdict::Difference,
            "the ranks can agree but are not stated alike",
        )
    };
    let (gap, gap_percent) = match (verdict, a.value, b.value) {
        (Verdict::Conflict, Some(x), Some(y)) => {
            let (g, _) = arithmetic::point_gap_strings(x, y);
            (g, None)
        }
        _ => (None, None),
    };
    let text = format!(
        "{} vs {} ({period}): {}{}",
        describe(a),
        describe(b),
        verdict.text(),
        gap.as_ref()
            .map_or_else(String::new, |g| format!(", {g} place(s) apart"))
    );
    Draft {
        check: CheckKind::Rank,
        rule: &rel.id,
        verdict,
        claims: vec![(a, "left"), (b, "right")],
        period: period.clone(),
        arithmetic: Arithmetic {
            left: term(format!("{} {period}", subject(a)), vec![a.id.clone()], ia),
            relation: "=".into(),
            right: term(format!("{} {period}", subject(b)), vec![b.id.clone()], ib),
            text,
            gap,
            gap_percent,
        },
        message: format!(
            "{} {period}: {} ({}) and {} ({}): {what}",
            subject(a),
            describe(a),
            file_name(&a.source),
            describe(b),
            file_name(&b.source)
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::test_support::{claim, of, one, run};
    use crate::engine::{CheckKind, Verdict};
    use crate::quantity::Role;

    fn rank(id: &str, text: &str) -> crate::engine::test_support::B {
        claim(id, "rank_trading_partner", &["KZ", "US"], text).year(2020)
    }

    #[test]
    fn ranks_agree_or_conflict() {
        let claims = [
            rank("0:1", "25th").build(),
            rank("1:1", "25th").build(),
            rank("2:1", "28th").build(),
        ];
        let f = run(&claims);
        assert_eq!(
            one(&f, CheckKind::Rank, &["0:1", "1:1"]).verdict,
            Verdict::Consistent
        );
        let c = one(&f, CheckKind::Rank, &["0:1", "2:1"]);
        assert_eq!(c.verdict, Verdict::Conflict);
        assert_eq!(
            c.arithmetic.text,
            "#25 vs #28 (2020): conflict, 3 place(s) apart"
        );
    }

    #[test]
    fn a_from_to_pair_is_not_a_disagreement() {
        let claims = [
            rank("0:1", "28th").role(Role::From).build(),
            rank("0:2", "25th").role(Role::To).build(),
            rank("1:1", "25th").build(),
        ];
        let f = run(&claims);
        assert_eq!(of(&f, CheckKind::Rank).len(), 1);
        assert_eq!(
            one(&f, CheckKind::Rank, &["0:2", "1:1"]).verdict,
            Verdict::Consistent
        );
    }

    #[test]
    fn a_rank_without_edition_is_unchecked() {
        let mut no_period = rank("1:1", "30th").build();
        no_period.period = None;
        let claims = [rank("0:1", "25th").build(), no_period];
        let f = run(&claims);
        assert_eq!(
            one(&f, CheckKind::Rank, &["0:1", "1:1"]).verdict,
            Verdict::Unchecked
        );
    }
}
