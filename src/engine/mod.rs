//! The rule engine: compares claims that share a key and reports findings.
//!
//! CONTRACT (used by `report` and the renderers; keep these names and meanings):
//! [`check`] groups claims by key (metric, entities, unit, modality) and runs every check kind
//! whose rules apply; it never compares all pairs of all claims. Each [`Finding`] names its
//! claims, the check, the verdict, and the arithmetic with the intervals used, as structured
//! fields and as text a reader can redo by hand. Arithmetic is exact (rust_decimal) on intervals.
//!
//! For a derived check (parts-total, growth, containment, increment) a `Difference` means the
//! check holds only once the stated total is widened by the relation's slack (the devset's
//! `result` holds, its `strict_result` does not); `Conflict` fails both, the consistent
//! verdicts pass both.
//!
//! What the checks read of a claim, which `report --claims` keeps in memory for each of
//! millions of claims (`src/cli/report_claims/compact.rs`): every field except `attribution`,
//! `linked_by`, `unlinked` and, but for the claims [`reads_sentence`] names, `sentence`. A
//! check that starts reading one of those must say so there. Claims of different
//! [`partition_key`]s never meet in one check.

pub mod arithmetic;
pub mod breakdown;
pub mod containment;
pub mod group;
pub mod growth;
mod growth_amount;
mod implied_base;
pub mod increment;
pub mod parts_growth;
pub mod parts_total;
pub mod period;
pub mod rank;
pub mod relations;
pub mod same_value;
pub mod share;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use serde::{Deserialize, Serialize};

use crate::claim::{self, Claim};
use group::Index;
pub use relations::{Relation, Relations};

/// What a check concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The claims cannot all be true.
    Conflict,
    /// They can all be true but do not say the same.
    Difference,
    /// Holds only thanks to the implicit precision of a rounded figure.
    ConsistentWithinRounding,
    /// The check was made and holds.
    Consistent,
    /// The claims look comparable but could not be compared (why is in the message).
    Unchecked,
}

/// The kinds of check (each parameterized by relations in `rules/relations.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    /// CC001: two level claims for the same key and period.
    SameValue,
    /// CC002: parts sum to a total.
    PartsTotal,
    /// CC003: level(base) x (1 + rate) vs level(period); absolute changes; "doubled".
    Growth,
    /// CC004: a non-negative flow over a period >= the flow over any period inside it.
    Containment,
    /// CC005: old total + addition = new total.
    Increment,
    /// CC006: two ranks for the same list and edition.
    Rank,
    /// CC007: the items a document lists under a total add up to it; their shares match.
    Breakdown,
    /// CC008: a share stated with a figure is that figure over its whole.
    Share,
}

impl CheckKind {
    /// The stable code (`CC001`...), never reused.
    pub const fn code(self) -> &'static str {
        match self {
            Self::SameValue => "CC001",
            Self::PartsTotal => "CC002",
            Self::Growth => "CC003",
            Self::Containment => "CC004",
            Self::Increment => "CC005",
            Self::Rank => "CC006",
            Self::Breakdown => "CC007",
            Self::Share => "CC008",
        }
    }

    /// The kebab-case name used in `rules/relations.toml` and in output.
    pub const fn name(self) -> &'static str {
        match self {
            Self::SameValue => "same-value",
            Self::PartsTotal => "parts-total",
            Self::Growth => "growth",
            Self::Containment => "containment",
            Self::Increment => "increment",
            Self::Rank => "rank",
            Self::Breakdown => "breakdown",
            Self::Share => "share",
        }
    }
}

impl Verdict {
    /// The verdict as the arithmetic text ends with it.
    pub const fn text(self) -> &'static str {
        match self {
            Self::Conflict => "conflict",
            Self::Difference => "difference",
            Self::ConsistentWithinRounding => "consistent within rounding",
            Self::Consistent => "consistent",
            Self::Unchecked => "unchecked",
        }
    }
}

/// One side of an arithmetic statement: a labelled interval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// What the term is (`exports KZ->US 2019-01..2019-10`, `2021 level x 1.372`).
    pub label: String,
    /// Ids of the claims the term comes from.
    pub claims: Vec<String>,
    /// Decimal strings; `None` for an unbounded end.
    pub low: Option<String>,
    pub high: Option<String>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

/// The arithmetic of a finding: `left <relation> right`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Arithmetic {
    pub left: Term,
    /// `overlaps`, `>=`, `<=`, `=`.
    pub relation: String,
    pub right: Term,
    /// The whole statement as a person reads it, e.g.
    /// `2.5 bn (2021) x 1.372 = [3.36, 3.50] bn vs > 3 bn (2022): consistent`.
    pub text: String,
    /// The gap between the two sides when they do not overlap (absolute, and in % of the
    /// right side), as decimal strings.
    pub gap: Option<String>,
    pub gap_percent: Option<String>,
}

impl Arithmetic {
    /// The arithmetic of a check whose sides do not meet in a gap (it holds, or could not be
    /// made).
    pub(crate) fn without_gap(left: Term, relation: &str, right: Term, text: String) -> Self {
        Self {
            left,
            relation: relation.to_string(),
            right,
            text,
            gap: None,
            gap_percent: None,
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// A stable fingerprint (from the check, the rule and the claims' fingerprints) that
    /// survives reordering and reformatting documents: `--baseline` matches on it.
    pub id: String,
    pub check: CheckKind,
    /// The relation (rule) id from `rules/relations.toml` that produced it.
    pub rule: String,
    pub verdict: Verdict,
    pub metric: String,
    pub entities: Vec<String>,
    /// The period(s) concerned, as labels.
    pub period: String,
    /// Ids of the claims compared, in a stable order.
    pub claims: Vec<String>,
    pub arithmetic: Arithmetic,
    /// One sentence saying what was found.
    pub message: String,
}

/// A finding before its id and claim order are fixed.
#[derive(Debug)]
pub(crate) struct Draft<'a> {
    pub check: CheckKind,
    pub rule: &'a str,
    pub verdict: Verdict,
    /// The claims and their part in the check (`total`, `part`, `base`...: documentation
    /// for readers of the code); the first one names the metric and entities.
    pub claims: Vec<(&'a Claim, &'static str)>,
    pub period: String,
    pub arithmetic: Arithmetic,
    pub message: String,
}

/// Whether the engine compares a claim: only claims whose key is complete are compared (a
/// directional metric with an unknown direction, or a pair with one side unknown, would be
/// compared with the wrong things).
pub fn compared(c: &Claim) -> bool {
    c.metric.is_some()
        && (c.entities.len() >= 2
            || !c.directional && c.entities.len() == 1 && c.kind == crate::quantity::Kind::Rank)
}

/// Run every check of every relation on the claims.
///
/// Claims are grouped by key first ([`group::Index`]), so the cost is O(n log n) plus the
/// pairs of claims that share a key; the output is sorted and does not depend on the order of
/// the input claims.
pub fn check<'a>(
    claims: impl IntoIterator<Item = &'a Claim>,
    relations: &Relations,
) -> Vec<Finding> {
    let index = Index::build(claims);
    // Each relation reads the index on its own: they run in parallel (on the caller's rayon
    // pool) and their drafts are joined in the order the relations are declared.
    let drafts: Vec<Draft<'_>> = relations
        .relations
        .par_iter()
        .map(|rel| {
            let mut drafts = Vec::new();
            run_relation(rel, &index, &mut drafts);
            drafts
        })
        .flatten_iter()
        .collect();
    finish(drafts, &index)
}

fn run_relation<'a>(rel: &'a relations::Relation, index: &Index<'a>, drafts: &mut Vec<Draft<'a>>) {
    match &rel.params {
        relations::Params::SameValue { measures } => {
            same_value::run(rel, measures, index, drafts);
        }
        relations::Params::PartsTotal {
            total,
            parts,
            slack,
        } => {
            parts_total::run(rel, total, parts, *slack, index, drafts);
        }
        relations::Params::Growth { slack } => growth::run(rel, *slack, index, drafts),
        relations::Params::Containment { slack } => {
            containment::run(rel, *slack, index, drafts);
        }
        relations::Params::Increment {
            slack,
            addition_words,
            total_words,
        } => increment::run(rel, *slack, addition_words, total_words, index, drafts),
        relations::Params::Rank => rank::run(rel, index, drafts),
        relations::Params::Breakdown { slack } => breakdown::run(rel, *slack, index, drafts),
        relations::Params::Share { slack } => share::run(rel, *slack, index, drafts),
    }
}

/// The part of the claims a check can ever read together with a claim of these entities and
/// this modality: its entities (sorted) and modality. Every check reads one group, the groups of its family (same metric, entities and
/// modality in another unit: same-value, growth) or, for parts-total, groups of the same
/// entities in either direction; never claims about other entities or of another modality.
/// So [`check`] over all claims gives the findings of [`check`] over each partition (the same
/// findings with the same ids; only their order across partitions is the caller's to fix),
/// which lets `report --claims` check partitions in parallel, materializing one at a time.
/// A check that compares claims about different entities must widen this key: a share
/// (CC008) reads the levels of its whole (`UZ-WORLD`) as well as its own partition's, so
/// `report --claims` joins the two partitions of every share whose whole has claims.
pub fn partition_key(
    entities: &[String],
    modality: claim::Modality,
) -> (Vec<&str>, claim::Modality) {
    let mut entities: Vec<&str> = entities.iter().map(String::as_str).collect();
    entities.sort_unstable();
    (entities, modality)
}

/// True when a check reads `c.sentence` (the increment check's addition and total words);
/// for any other claim, the sentence can be left out of what the engine is given.
pub fn reads_sentence(c: &Claim, relations: &Relations) -> bool {
    increment::reads_sentence(c, relations)
}

/// Fix each finding's claim order and id, and sort the findings.
fn finish(drafts: Vec<Draft<'_>>, index: &Index<'_>) -> Vec<Finding> {
    let keyed: Vec<(Vec<usize>, Finding)> = drafts
        .into_par_iter()
        .map(|d| {
            let subject = d.claims.first().map(|(c, _)| *c);
            // Each claim's rank is looked up once; the sort is stable, so claims of equal
            // rank keep the order the check gave them.
            let mut claims: Vec<(usize, &Claim)> = d
                .claims
                .iter()
                .map(|&(c, _)| (index.rank(&c.id), c))
                .collect();
            claims.sort_by_key(|&(rank, _)| rank);
            let ranks: Vec<usize> = claims.iter().map(|&(rank, _)| rank).collect();
            let mut prints: Vec<&str> =
                claims.iter().map(|(_, c)| c.fingerprint.as_str()).collect();
            prints.sort_unstable();
            let id = fingerprint(d.check, d.rule, &prints);
            let finding = Finding {
                id,
                check: d.check,
                rule: d.rule.to_string(),
                verdict: d.verdict,
                metric: subject.and_then(|c| c.metric.clone()).unwrap_or_default(),
                entities: subject.map(|c| c.entities.clone()).unwrap_or_default(),
                period: d.period,
                claims: claims.iter().map(|(_, c)| c.id.clone()).collect(),
                arithmetic: d.arithmetic,
                message: d.message,
            };
            (ranks, finding)
        })
        .collect();
    // Sort positions, not findings: a finding is a few hundred bytes, and a sort that moves
    // hundreds of thousands of them spends its time copying memory.
    let mut order: Vec<usize> = (0..keyed.len()).collect();
    order.par_sort_by(|&i, &j| {
        let ((ra, a), (rb, b)) = (&keyed[i], &keyed[j]);
        (
            a.check,
            &a.metric,
            &a.entities,
            ra,
            &a.rule,
            a.verdict,
            &a.period,
            &a.message,
            &a.arithmetic.text,
        )
            .cmp(&(
                b.check,
                &b.metric,
                &b.entities,
                rb,
                &b.rule,
                b.verdict,
                &b.period,
                &b.message,
                &b.arithmetic.text,
            ))
    });
    // Identical fingerprints (a figure repeated word for word in one document) would give
    // identical ids: number the repeats, in output order, so ids stay unique and stable. The
    // ids are counted borrowed, and the findings moved once, into a list sized once.
    let mut repeat = vec![0usize; keyed.len()];
    {
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(keyed.len());
        for &i in &order {
            let n = seen.entry(keyed[i].1.id.as_str()).or_insert(0);
            *n += 1;
            repeat[i] = *n;
        }
    }
    let mut slots: Vec<Option<Finding>> = keyed.into_iter().map(|(_, f)| Some(f)).collect();
    let mut out = Vec::with_capacity(slots.len());
    for i in order {
        let Some(mut f) = slots[i].take() else {
            continue;
        };
        if repeat[i] > 1 {
            f.id = format!("{}-{}", f.id, repeat[i]);
        }
        out.push(f);
    }
    out
}

/// FNV-1a 64 of the check, the rule and the sorted claim fingerprints: the same on every run
/// and platform (std's hasher is randomly keyed and may change between releases).
pub fn fingerprint(check: CheckKind, rule: &str, claim_fingerprints: &[&str]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
        // A separator no string contains, so ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(PRIME);
    };
    feed(check.name().as_bytes());
    feed(rule.as_bytes());
    for f in claim_fingerprints {
        feed(f.as_bytes());
    }
    crate::number::text::hex16(h)
}
