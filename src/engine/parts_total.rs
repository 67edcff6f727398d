//! CC002 parts-total: the parts of a total add up to it (`trade_total A-B = exports A->B +
//! exports B->A`), for the same entities, unit, modality and period.
//!
//! The parts' intervals are added exactly and compared with the total's interval: strictly,
//! then with the total widened by the relation's slack (0.5%, because sources often truncate
//! a total rather than round it). The parts are looked up by key from the total's key, so
//! only the three related groups are read. For each total claim, a part is taken from the
//! total's own document when it states one, else from any document; restatements of one
//! figure are read once.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::arithmetic::{self, OutOfRange, Style, describe, fmt_interval, term};
use super::group::{Group, Index, Key, distinct_intervals, is_amount, is_plain_level, subject};
use super::period::{self, PeriodKey};
use super::relations::{Part, PartDirection, Relation};
use super::{Arithmetic, CheckKind, Draft, Verdict};
use crate::claim::Claim;
use crate::interval::Interval;

/// At most this many combinations of part claims per total claim: more would only repeat the
/// same arithmetic with other sources' restatements.
const MAX_COMBINATIONS: usize = 64;

/// The entities of a part, from the total's.
fn part_entities(total: &[String], dir: PartDirection) -> Option<Vec<String>> {
    match (dir, total) {
        (PartDirection::Same, _) => Some(total.to_vec()),
        (PartDirection::Forward, [a, b]) => Some(vec![a.clone(), b.clone()]),
        (PartDirection::Reverse, [a, b]) => Some(vec![b.clone(), a.clone()]),
        _ => None,
    }
}

/// Plain levels of a group by period.
fn levels_by_period<'a>(g: &Group<'a>) -> BTreeMap<PeriodKey, Vec<&'a Claim>> {
    g.levels
        .iter()
        .map(|(p, cs)| {
            let picked = cs
                .iter()
                .copied()
                .filter(|c| is_plain_level(c) && is_amount(c))
                .collect();
            (*p, picked)
        })
        .collect()
}

/// Run the check for one relation.
pub(crate) fn run<'a>(
    rel: &'a Relation,
    total: &str,
    parts: &[Part],
    slack: Decimal,
    index: &Index<'a>,
    out: &mut Vec<Draft<'a>>,
) {
    for g in &index.groups {
        if g.metric() != total || !rel.modalities.contains(&g.modality()) {
            continue;
        }
        // The parts' groups, by key lookup.
        let mut part_groups: Vec<&Group<'a>> = Vec::new();
        for p in parts {
            let Some(entities) = part_entities(g.entities(), p.direction) else {
                break;
            };
            let key: Key<'_> = (
                p.metric.as_str(),
                entities.as_slice(),
                g.key.2,
                g.modality(),
            );
            match index.get(&key) {
                Some(pg) => part_groups.push(pg),
                None => break,
            }
        }
        if part_groups.len() != parts.len() {
            continue;
        }
        let part_levels: Vec<_> = part_groups.iter().map(|pg| levels_by_period(pg)).collect();
        // The rates of the total's family and of each part's, for the bases they imply.
        let rates: Vec<super::parts_growth::Rates<'a>> = std::iter::once(g)
            .chain(part_groups.iter().copied())
            .map(|pg| super::parts_growth::Rates::of(index, pg))
            .collect();
        for (p, totals) in &g.levels {
            for &t in totals.iter().filter(|c| is_plain_level(c) && is_amount(c)) {
                let mut slots: Vec<Vec<&'a Claim>> = Vec::new();
                for levels in &part_levels {
                    let all = levels.get(p).map_or(&[][..], Vec::as_slice);
                    let same_doc: Vec<&'a Claim> = all
                        .iter()
                        .copied()
                        .filter(|c| c.doc_index == t.doc_index)
                        .collect();
                    let pick = if same_doc.is_empty() {
                        all.to_vec()
                    } else {
                        same_doc
                    };
                    slots.push(distinct_intervals(&pick));
                }
                // The base period the rates of the total and of its parts imply.
                super::parts_growth::check(rel, slack, (t, *p), &part_groups, &rates, out);
                if slots.iter().any(Vec::is_empty) {
                    continue;
                }
                for combo in combinations(&slots) {
                    out.push(compare(CheckKind::PartsTotal, rel, slack, t, &combo));
                }
            }
        }
    }
}

/// The cartesian product of the slots, in order, without using a claim twice, capped.
fn combinations<'a>(slots: &[Vec<&'a Claim>]) -> Vec<Vec<&'a Claim>> {
    let mut acc: Vec<Vec<&'a Claim>> = vec![Vec::new()];
    for slot in slots {
        let mut next = Vec::new();
        for partial in &acc {
            for &c in slot {
                if partial.iter().any(|p| p.id == c.id) {
                    continue;
                }
                let mut v = partial.clone();
                v.push(c);
                next.push(v);
                if next.len() >= MAX_COMBINATIONS {
                    break;
                }
            }
            if next.len() >= MAX_COMBINATIONS {
                break;
            }
        }
        acc = next;
    }
    acc
}

/// Check one total against one choice of parts (for parts-total, or the items of a
/// breakdown, which are labelled by their category).
pub(super) fn compare<'a>(
    check: CheckKind,
    rel: &'a Relation,
    slack: Decimal,
    total: &'a Claim,
    parts: &[&'a Claim],
) -> Draft<'a> {
    let style = Style::of(total.kind);
    let period = period::label(total.period.as_ref());
    let lhs = parts
        .iter()
        .map(|p| describe(p))
        .collect::<Vec<_>>()
        .join(" + ");
    let mut claims: Vec<(&'a Claim, &'static str)> = vec![(total, "total")];
    claims.extend(parts.iter().map(|&p| (p, "part")));
    let left_label = parts
        .iter()
        .map(|p| {
            p.part_of
                .as_ref()
                .map_or_else(|| subject(p), |q| q.category.clone())
        })
        .collect::<Vec<_>>()
        .join(" + ");
    let right_label = format!("{} {period}", subject(total));
    let computed = arithmetic::sum(parts.iter().map(|p| &p.interval))
        .and_then(|s| Ok((s, arithmetic::widen(&total.interval, slack)?)));
    let (sum, widened) = match computed {
        Ok(v) => v,
        Err(OutOfRange) => {
            return Draft {
                check,
                rule: &rel.id,
                verdict: Verdict::Unchecked,
                claims,
                period: period.clone(),
                arithmetic: Arithmetic::without_gap(
                    term(
                        left_label,
                        parts.iter().map(|p| p.id.clone()).collect(),
                        &Interval::default(),
                    ),
                    "overlaps",
                    term(right_label, vec![total.id.clone()], &total.interval),
                    format!(
                        "{lhs} vs {} ({period}): unchecked (out of range)",
                        describe(total)
                    ),
                ),
                message: format!(
                    "{}: the sum is out of range of exact decimals, not checked",
                    subject(total)
                ),
            };
        }
    };
    let strict = arithmetic::overlaps(&sum, &total.interval);
    let with_slack = arithmetic::overlaps(&sum, &widened);
    let point_sum = parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.value?));
    let points_hold = point_sum.map(|s| total.interval.contains(s));
    let o = arithmetic::outcome(
        strict,
        with_slack,
        points_hold,
        &sum,
        &total.interval,
        total.value,
    );
    let text = format!(
        "{lhs} = {} vs {} ({period}): {}",
        fmt_interval(&sum, style),
        fmt_interval(&total.interval, style),
        o.words(slack, &widened, style, &total.interval)
    );
    let verdict = o.verdict;
    let why = match verdict {
        Verdict::Consistent => "the parts add up to the total".to_string(),
        Verdict::ConsistentWithinRounding => {
            "the parts add up to the total only thanks to the rounding of the figures".to_string()
        }
        Verdict::Difference => format!(
            "the parts add up to the total only within the {} slack allowed for a truncated total",
            arithmetic::slack_text(slack)
        ),
        _ => "the parts cannot add up to the total".to_string(),
    };
    Draft {
        check,
        rule: &rel.id,
        verdict,
        claims,
        period: period.clone(),
        arithmetic: o.arithmetic(
            term(
                left_label,
                parts.iter().map(|p| p.id.clone()).collect(),
                &sum,
            ),
            "overlaps",
            term(right_label, vec![total.id.clone()], &total.interval),
            text,
        ),
        message: format!("{} {period}: {why}", subject(total)),
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::test_support::{B, claim, months, of, one, run};
    use crate::engine::{CheckKind, Verdict};

    fn jan_oct(b: B) -> B {
        b.period(months(2019, 1, 10, "Jan-Oct 2019"))
    }

    fn seed(total: &str) -> Vec<crate::claim::Claim> {
        vec![
            jan_oct(claim("0:1", "exports", &["KZ", "US"], "$682 million")).build(),
            jan_oct(claim("0:2", "exports", &["US", "KZ"], "$1.1 billion")).build(),
            jan_oct(claim("0:3", "trade_total", &["KZ", "US"], total)).build(),
        ]
    }

    #[test]
    fn the_seed_sum_is_consistent() {
        let f = run(&seed("$1.8 billion"));
        let s = one(&f, CheckKind::PartsTotal, &["0:1", "0:2", "0:3"]);
        assert_eq!(s.verdict, Verdict::Consistent);
        assert_eq!(
            s.arithmetic.text,
            "682 mn + 1.1 bn = [1.7315, 1.8325] bn vs [1.75, 1.85] bn (Jan-Oct 2019): consistent"
        );
        assert_eq!(s.arithmetic.left.claims, vec!["0:1", "0:2"]);
        assert_eq!(s.arithmetic.right.claims, vec!["0:3"]);
        assert_eq!(s.rule, "trade-parts");
        assert_eq!(s.metric, "trade_total");
        assert_eq!(s.arithmetic.left.low.as_deref(), Some("1731500000"));
        assert_eq!(s.arithmetic.right.high.as_deref(), Some("1850000000"));
    }

    #[test]
    fn a_sum_far_from_the_total_conflicts() {
        let f = run(&seed("$2.5 billion"));
        let s = one(&f, CheckKind::PartsTotal, &["0:1", "0:2", "0:3"]);
        assert_eq!(s.verdict, Verdict::Conflict);
        assert_eq!(
            s.arithmetic.text,
            "682 mn + 1.1 bn = [1.7315, 1.8325] bn vs [2.45, 2.55] bn (Jan-Oct 2019): conflict, gap 0.6175 bn (24.7%)"
        );
    }

    #[test]
    fn rounding_and_slack() {
        // 354.6 + 1164 = 1518.6 is outside [1517.5, 1518.5], but the intervals overlap.
        let y = |b: B| b.year(2017);
        let claims = vec![
            y(claim(
                "0:1",
                "exports",
                &["KZ", "US"],
                "354.6 million dollars",
            ))
            .build(),
            y(claim(
                "0:2",
                "exports",
                &["US", "KZ"],
                "1,164 million dollars",
            ))
            .build(),
            y(claim(
                "0:3",
                "trade_total",
                &["KZ", "US"],
                "1,518 million dollars",
            ))
            .build(),
        ];
        let s = run(&claims)
            .into_iter()
            .find(|f| f.check == CheckKind::PartsTotal)
            .unwrap();
        assert_eq!(s.verdict, Verdict::ConsistentWithinRounding);
        // 699.3 + 1496.2 = 2195.5 exceeds [2185, 2195] by 0.4 strictly: within the slack only.
        let h1 = |b: B| b.period(months(2023, 1, 6, "H1 2023"));
        let claims = vec![
            h1(claim("0:1", "exports", &["UZ", "KZ"], "$699.3 million")).build(),
            h1(claim("0:2", "exports", &["KZ", "UZ"], "$1,496.2 million")).build(),
            h1(claim("0:3", "trade_total", &["KZ", "UZ"], "$2.19 billion")).build(),
        ];
        let s = run(&claims)
            .into_iter()
            .find(|f| f.check == CheckKind::PartsTotal)
            .unwrap();
        assert_eq!(s.verdict, Verdict::Difference);
        assert_eq!(
            s.arithmetic.text,
            "1.4962 bn + 699.3 mn = [2.1954, 2.1956] bn vs [2.185, 2.195] bn (H1 2023): difference (holds only within the 0.5% slack: [2.1740, 2.2060] bn)"
        );
        assert!(s.message.contains("0.5% slack"), "{}", s.message);
    }

    #[test]
    fn percentages_do_not_add_up() {
        // Shares of the same period are levels in percent: they are not summed.
        let claims = vec![
            jan_oct(claim("0:1", "exports", &["KZ", "US"], "40%")).build(),
            jan_oct(claim("0:2", "exports", &["US", "KZ"], "60%")).build(),
            jan_oct(claim("0:3", "trade_total", &["KZ", "US"], "5%")).build(),
        ];
        assert!(of(&run(&claims), CheckKind::PartsTotal).is_empty());
    }

    #[test]
    fn overflow_is_unchecked() {
        let mut claims = seed("$1.8 billion");
        for c in &mut claims[..2] {
            c.interval = crate::interval::Interval::point(rust_decimal::Decimal::MAX);
        }
        let f = run(&claims);
        let s = one(&f, CheckKind::PartsTotal, &["0:1", "0:2", "0:3"]);
        assert_eq!(s.verdict, Verdict::Unchecked);
        assert!(
            s.arithmetic.text.ends_with("unchecked (out of range)"),
            "{}",
            s.arithmetic.text
        );
    }

    #[test]
    fn parts_come_from_the_totals_document_first() {
        let mut claims = seed("$1.8 billion");
        // Another source's export figure for the same period is not mixed into doc 0's sum.
        claims.push(jan_oct(claim("1:1", "exports", &["KZ", "US"], "$900 million")).build());
        claims.push(jan_oct(claim("1:2", "trade_total", &["KZ", "US"], "$2 billion")).build());
        let f = run(&claims);
        let sums = of(&f, CheckKind::PartsTotal);
        assert_eq!(sums.len(), 2, "{sums:#?}");
        assert_eq!(
            one(&f, CheckKind::PartsTotal, &["0:1", "0:2", "0:3"]).verdict,
            Verdict::Consistent
        );
        // Doc 1 has no import figure: it takes doc 0's.
        let s = one(&f, CheckKind::PartsTotal, &["1:1", "0:2", "1:2"]);
        assert_eq!(s.verdict, Verdict::Consistent);
    }
}
