//! CC005 increment: "an additional $25 million ... which will now amount to $50 million in
//! total": old total + addition = new total.
//!
//! Until the linker marks such pairs, they are recognized from the claim fields: an
//! *addition* is a claim whose sentence has an addition word (`additional`, `another`,
//! `extra`, `more` but not `more than`...) within the three words before its figure, or
//! `more` right after it; a *total* has a total phrase (`in total`, `a total of`, `now
//! amount to`...) within the six words before or the three after. Both lists come from the
//! relation. An addition is paired with the first total after it in the same document (within
//! a few sentences), in the same key (metric, entities, unit, modality); an earlier total of
//! the same document, if any, is the old total. With an old total, old + addition must
//! overlap the new total (with the slack); without one, the addition must not exceed the new
//! total, which is all that can be checked, and the message says so.

use rust_decimal::Decimal;

use super::arithmetic::{
    self, OutOfRange, Style, describe, describe_with_interval, fmt_interval, term,
};
use super::group::{Index, file_name, is_amount, subject};
use super::period;
use super::relations::{Params, Relation, Relations, normalize_words};
use super::{Arithmetic, CheckKind, Draft, Verdict};
use crate::claim::Claim;
use crate::interval::Interval;
use crate::quantity::Measure;

/// The furthest a new total may follow its addition, in bytes (a few sentences).
const MAX_DISTANCE: usize = 600;

/// What a claim is in an increment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Addition,
    Total,
}

/// The words of a text, lower case.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-'
}

/// The first `n` words of `s`, lower-cased.
fn first_words(s: &str, n: usize) -> Vec<String> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// The last `n` words of `s`, lower-cased, in order: only those are read, so a long sentence
/// with many figures is not split into words for each of them.
fn last_words(s: &str, n: usize) -> Vec<String> {
    let mut words: Vec<String> = s
        .rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect();
    words.reverse();
    words
}

/// True when `phrase` occurs in `window` as whole words, not followed by `than` (so `more
/// than` is a bound, not an addition).
fn has_phrase(window: &[String], phrase: &str) -> bool {
    let p: Vec<&str> = phrase.split(' ').collect();
    if p.is_empty() || p.len() > window.len() {
        return false;
    }
    (0..=window.len() - p.len()).any(|i| {
        window[i..i + p.len()].iter().zip(&p).all(|(w, q)| w == q)
            && window.get(i + p.len()).is_none_or(|w| w != "than")
    })
}

/// Recognize an addition or a total from the words around the claim's figure.
pub fn mark(c: &Claim, addition_words: &[String], total_words: &[String]) -> Option<Mark> {
    let lower = c.sentence.to_lowercase();
    let text = c.text.to_lowercase();
    let at = lower.find(&text)?;
    // The longest window read before the figure is 6 words, after it 3.
    let before = last_words(&lower[..at], 6);
    let after = first_words(&lower[at + text.len()..], 3);
    let tail = |n: usize| &before[before.len().saturating_sub(n)..];
    let head = |n: usize| &after[..after.len().min(n)];
    let addition = addition_words.iter().any(|w| has_phrase(tail(3), w))
        || (after.first().is_some_and(|w| w == "more") && after.get(1).is_none_or(|w| w != "than"));
    let total = total_words
        .iter()
        .any(|w| has_phrase(tail(6), w) || has_phrase(head(3), w));
    match (addition, total) {
        (true, false) => Some(Mark::Addition),
        (false, true) => Some(Mark::Total),
        // "an additional $25 million in total" says too little to tell.
        _ => None,
    }
}

/// True when the check looks for addition and total words around this claim's figure (a
/// level or a change in an amount), given that a relation reads its metric.
fn may_mark(c: &Claim) -> bool {
    matches!(c.measure, Measure::Level | Measure::Change) && is_amount(c)
}

/// True when some increment relation of `relations` reads `c`'s sentence: the only use any
/// check makes of a claim's sentence ([`super::reads_sentence`]).
pub fn reads_sentence(c: &Claim, relations: &Relations) -> bool {
    may_mark(c)
        && relations
            .relations
            .iter()
            .any(|r| matches!(r.params, Params::Increment { .. }) && r.applies_to(c))
}

/// Run the check for one relation.
pub(crate) fn run<'a>(
    rel: &'a Relation,
    slack: Decimal,
    addition_words: &[String],
    total_words: &[String],
    index: &Index<'a>,
    out: &mut Vec<Draft<'a>>,
) {
    let additions: Vec<String> = addition_words.iter().map(|w| normalize_words(w)).collect();
    let totals: Vec<String> = total_words.iter().map(|w| normalize_words(w)).collect();
    for g in &index.groups {
        if !rel.reads(g.metric(), g.modality()) {
            continue;
        }
        // Claims are in document order within a group.
        let marked: Vec<(Mark, &'a Claim)> = g
            .claims
            .iter()
            .copied()
            .filter(|c| may_mark(c))
            .filter_map(|c| Some((mark(c, &additions, &totals)?, c)))
            .filter(|(m, c)| *m == Mark::Addition || c.measure == Measure::Level)
            .collect();
        for (i, &(m, add)) in marked.iter().enumerate() {
            if m != Mark::Addition {
                continue;
            }
            let new_total = marked[i + 1..]
                .iter()
                .filter(|(m, t)| {
                    *m == Mark::Total
                        && t.doc_index == add.doc_index
                        && t.start.saturating_sub(add.end) <= MAX_DISTANCE
                })
                .map(|&(_, t)| t)
                .next();
            let Some(new_total) = new_total else { continue };
            let old_total = marked[..i]
                .iter()
                .rev()
                .filter(|(m, t)| *m == Mark::Total && t.doc_index == add.doc_index)
                .map(|&(_, t)| t)
                .next();
            out.push(compare(rel, slack, old_total, add, new_total));
        }
    }
}

fn compare<'a>(
    rel: &'a Relation,
    slack: Decimal,
    old: Option<&'a Claim>,
    add: &'a Claim,
    new: &'a Claim,
) -> Draft<'a> {
    let style = Style::of(new.kind);
    let period = new
        .period
        .as_ref()
        .map_or_else(|| "as stated".to_string(), |p| p.label.clone());
    let mut claims = vec![(new, "new_total"), (add, "addition")];
    if let Some(o) = old {
        claims.push((o, "old_total"));
    }
    let addition = add.interval;
    let computed = (|| -> Result<(Interval, Interval), OutOfRange> {
        let left = match old {
            Some(o) => arithmetic::add(&o.interval, &addition)?,
            None => addition,
        };
        Ok((left, arithmetic::widen(&new.interval, slack)?))
    })();
    let left_claims: Vec<String> = old
        .iter()
        .map(|o| o.id.clone())
        .chain([add.id.clone()])
        .collect();
    let lhs = match old {
        Some(o) => format!("{} + {}", describe(o), describe(add)),
        None => describe(add),
    };
    let relation = if old.is_some() { "overlaps" } else { "<=" };
    let Ok((left, widened)) = computed else {
        return Draft {
            check: CheckKind::Increment,
            rule: &rel.id,
            verdict: Verdict::Unchecked,
            claims,
            period,
            arithmetic: Arithmetic::without_gap(
                term(format!("{} addition", subject(add)), left_claims, &addition),
                relation,
                term(
                    format!("{} new total", subject(new)),
                    vec![new.id.clone()],
                    &new.interval,
                ),
                format!("{lhs} vs {}: unchecked (out of range)", describe(new)),
            ),
            message: format!(
                "{}: out of range of exact decimals, not checked",
                subject(new)
            ),
        };
    };
    let (strict, with_slack, points_hold) = match old {
        Some(o) => (
            arithmetic::overlaps(&left, &new.interval),
            arithmetic::overlaps(&left, &widened),
            match (o.value, add.value) {
                (Some(a), Some(b)) => a.checked_add(b).map(|s| new.interval.contains(s)),
                _ => None,
            },
        ),
        None => (
            arithmetic::can_be_le(&addition, &new.interval),
            arithmetic::can_be_le(&addition, &widened),
            match (add.value, new.value) {
                (Some(a), Some(n)) => Some(a <= n),
                _ => None,
            },
        ),
    };
    let o = arithmetic::outcome(
        strict,
        with_slack,
        points_hold,
        &left,
        &new.interval,
        new.value,
    );
    let words = o.words(slack, &widened, style, &new.interval);
    let text = match old {
        Some(_) => format!(
            "{lhs} = {} vs {} ({period}): {words}",
            fmt_interval(&left, style),
            fmt_interval(&new.interval, style)
        ),
        None => format!(
            "{} <= {} ({period}): {words}",
            describe_with_interval(add),
            describe_with_interval(new)
        ),
    };
    let verdict = o.verdict;
    let message = match (old, verdict) {
        (Some(_), Verdict::Conflict) => {
            "the old total plus the addition does not make the new total"
        }
        (Some(_), Verdict::Difference) => {
            "the old total plus the addition makes the new total only within the slack"
        }
        (Some(_), _) => "the old total plus the addition makes the new total",
        (None, Verdict::Conflict) => "the addition exceeds the new total it is said to be part of",
        (None, _) => {
            "no earlier total is stated; checked only that the addition does not exceed the new total"
        }
    };
    Draft {
        check: CheckKind::Increment,
        rule: &rel.id,
        verdict,
        claims,
        period: period.clone(),
        arithmetic: o.arithmetic(
            term(
                if old.is_some() {
                    format!("{} old total + addition", subject(add))
                } else {
                    format!("{} addition", subject(add))
                },
                left_claims,
                &left,
            ),
            relation,
            term(
                format!(
                    "{} new total {}",
                    subject(new),
                    period::label(new.period.as_ref())
                ),
                vec![new.id.clone()],
                &new.interval,
            ),
            text,
        ),
        message: format!("{} ({}): {message}", subject(new), file_name(&new.source)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::test_support::{claim, of, one, relations, run};

    /// Every word of `s`, lower-cased: the definition the windowed readers are held to.
    fn all_words(s: &str) -> Vec<String> {
        s.split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn windows_are_the_ends_of_all_the_words(s in "[a-zA-Z' ,.$İ0-9-]{0,60}", n in 0usize..8) {
            let all = all_words(&s);
            proptest::prop_assert_eq!(last_words(&s, n), all[all.len().saturating_sub(n)..].to_vec());
            proptest::prop_assert_eq!(first_words(&s, n), all[..all.len().min(n)].to_vec());
        }
    }

    const SENTENCE: &str = "The United States will provide an additional $25 million, which will now amount to $50 million in total.";

    fn aid(id: &str, text: &str, at: usize, sentence: &str) -> Claim {
        claim(id, "aid", &["US", "KZ"], text)
            .at(at)
            .sentence(sentence)
            .build()
    }

    fn words_of() -> (Vec<String>, Vec<String>) {
        let r = relations();
        let rel = r.of(CheckKind::Increment).next().unwrap();
        match &rel.params {
            crate::engine::relations::Params::Increment {
                addition_words,
                total_words,
                ..
            } => (addition_words.clone(), total_words.clone()),
            _ => unreachable!(),
        }
    }

    #[test]
    fn additions_and_totals_are_recognized() {
        let (a, t) = words_of();
        assert_eq!(
            mark(&aid("0:1", "$25 million", 0, SENTENCE), &a, &t),
            Some(Mark::Addition)
        );
        assert_eq!(
            mark(&aid("0:2", "$50 million", 60, SENTENCE), &a, &t),
            Some(Mark::Total)
        );
        let s = "It gave more than $25 million last year.";
        assert_eq!(mark(&aid("0:1", "$25 million", 0, s), &a, &t), None);
        let s = "Washington pledged another $10 million.";
        assert_eq!(
            mark(&aid("0:1", "$10 million", 0, s), &a, &t),
            Some(Mark::Addition)
        );
        let s = "It brings the total to $60 million.";
        assert_eq!(
            mark(&aid("0:1", "$60 million", 0, s), &a, &t),
            Some(Mark::Total)
        );
    }

    #[test]
    fn the_seed_increment_is_consistent() {
        let claims = [
            aid("0:1", "$25 million", 0, SENTENCE),
            aid("0:2", "$50 million", 60, SENTENCE),
        ];
        let f = run(&claims);
        let i = one(&f, CheckKind::Increment, &["0:1", "0:2"]);
        assert_eq!(i.verdict, Verdict::Consistent);
        assert_eq!(
            i.arithmetic.text,
            "25 mn [24.5, 25.5] mn <= 50 mn [49.5, 50.5] mn (as stated): consistent"
        );
        assert!(
            i.message.contains("no earlier total is stated"),
            "{}",
            i.message
        );
    }

    #[test]
    fn old_total_plus_addition_must_make_the_new_total() {
        let first = "By 2020 the programme had received $25 million in total.";
        let ok = [
            aid("0:1", "$25 million", 0, first),
            aid("0:2", "$25 million", 100, SENTENCE),
            aid("0:3", "$50 million", 160, SENTENCE),
        ];
        let f = run(&ok);
        let i = one(&f, CheckKind::Increment, &["0:1", "0:2", "0:3"]);
        assert_eq!(i.verdict, Verdict::Consistent);
        assert_eq!(
            i.arithmetic.text,
            "25 mn + 25 mn = [49, 51] mn vs [49.5, 50.5] mn (as stated): consistent"
        );
        let first = "By 2020 the programme had received $40 million in total.";
        let bad = [
            aid("0:1", "$40 million", 0, first),
            aid("0:2", "$25 million", 100, SENTENCE),
            aid("0:3", "$50 million", 160, SENTENCE),
        ];
        let f = run(&bad);
        assert_eq!(
            one(&f, CheckKind::Increment, &["0:1", "0:2", "0:3"]).verdict,
            Verdict::Conflict
        );
    }

    #[test]
    fn an_addition_above_the_total_conflicts_and_other_documents_do_not_pair() {
        let s = "It adds an additional $75 million, which will now amount to $50 million in total.";
        let claims = [
            aid("0:1", "$75 million", 0, s),
            aid("0:2", "$50 million", 60, s),
        ];
        assert_eq!(
            one(&run(&claims), CheckKind::Increment, &["0:1", "0:2"]).verdict,
            Verdict::Conflict
        );
        let claims = [
            aid("0:1", "$25 million", 0, SENTENCE),
            aid("1:2", "$50 million", 60, SENTENCE),
        ];
        assert!(of(&run(&claims), CheckKind::Increment).is_empty());
    }
}
