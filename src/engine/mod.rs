//! The rule engine: compares claims that share a key and reports findings.
//!
//! CONTRACT (used by `report` and the renderers; keep these names and meanings):
//! [`check`] groups claims by key (metric, entities, unit, modality) and runs every check kind
//! whose rules apply; it never compares all pairs of all claims. Each [`Finding`] names its
//! claims, the check, the verdict, and the arithmetic with the intervals used, as structured
//! fields and as text a reader can redo by hand. Arithmetic is exact (rust_decimal) on intervals.

use serde::Serialize;

use crate::claim::Claim;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

/// Run every check on the claims.
pub fn check(_claims: &[Claim]) -> Vec<Finding> {
    Vec::new()
}
