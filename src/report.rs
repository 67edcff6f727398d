//! The report: documents, claims and findings of a run, and the counts that summarize it.
//!
//! CONTRACT (built by `claimcheck report`, read by every renderer in `render::report`).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::claim::Claim;
use crate::engine::{Finding, Verdict};
use crate::render::json::{DocumentOut, ErrorOut};

/// Counts that say what was read and what was found: nothing lost, nothing invented.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub documents_read: usize,
    pub documents_skipped: usize,
    pub documents_failed: usize,
    /// Quantity mentions found.
    pub quantities: usize,
    /// Claims linked to a metric.
    pub claims_linked: usize,
    /// Quantities left unlinked (each with its reason in the claims).
    pub claims_unlinked: usize,
    /// Why claims were left out of every check, with how many: no metric, no entity, ...
    /// (a claim with a metric but no entities counts as linked and is listed here too).
    pub unlinked_reasons: BTreeMap<String, usize>,
    /// Checks made (findings of every verdict, unchecked included).
    pub checks: usize,
    pub conflicts: usize,
    pub differences: usize,
    pub consistent: usize,
    pub unchecked: usize,
    /// Findings left out because the baseline accepts them.
    pub baselined: usize,
}

impl Summary {
    /// Count the verdicts of `findings`.
    pub fn count(&mut self, findings: &[Finding]) {
        self.checks = findings.len();
        for f in findings {
            match f.verdict {
                Verdict::Conflict => self.conflicts += 1,
                Verdict::Difference => self.differences += 1,
                Verdict::Consistent | Verdict::ConsistentWithinRounding => self.consistent += 1,
                Verdict::Unchecked => self.unchecked += 1,
            }
        }
    }
}

/// Everything a renderer needs.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    pub documents: &'a [DocumentOut],
    pub claims: &'a [Claim],
    /// Sorted by severity (conflicts first), then by the position of their first claim.
    pub findings: &'a [Finding],
    pub errors: &'a [ErrorOut],
    pub summary: &'a Summary,
}

impl<'a> Report<'a> {
    /// The claim with id `id`. Claims of a run are in document order with ids
    /// `<document>:<ordinal>`, so a binary search finds them (a report of many findings must
    /// not scan every claim for each); other ids fall back to a scan.
    pub fn claim(&self, id: &str) -> Option<&'a Claim> {
        let claims: &'a [Claim] = self.claims;
        // A claim's document index is its id's first part: compare it first, and read the
        // ordinal of an id only within the document.
        let ordinal = |c: &Claim| id_key(&c.id).map_or(usize::MAX, |(_, o)| o);
        if let Some((doc, o)) = id_key(id)
            && let Ok(i) =
                claims.binary_search_by(|c| c.doc_index.cmp(&doc).then_with(|| ordinal(c).cmp(&o)))
            && claims[i].id == id
        {
            return Some(&claims[i]);
        }
        claims.iter().find(|c| c.id == id)
    }
}

/// Every claim of a report, one at a time, for the formats that print them all (json,
/// jsonl). A report's own claims are one; `report --claims` passes one that re-reads them
/// from the claims files, so that millions of claims need not be held in memory to be
/// printed.
pub trait ClaimSource: Sync {
    /// Call `f` with each claim, in report order, stopping at the first error.
    ///
    /// # Errors
    /// The first error of `f`, or of reading the claims.
    fn each(&self, f: &mut dyn FnMut(&Claim) -> std::io::Result<()>) -> std::io::Result<()>;
}

impl ClaimSource for &[Claim] {
    fn each(&self, f: &mut dyn FnMut(&Claim) -> std::io::Result<()>) -> std::io::Result<()> {
        self.iter().try_for_each(f)
    }
}

/// `3:12` -> (3, 12).
pub fn id_key(id: &str) -> Option<(usize, usize)> {
    let (d, o) = id.split_once(':')?;
    Some((d.parse().ok()?, o.parse().ok()?))
}

/// How renderers should present a report.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// Table width in columns.
    pub width: u16,
    /// Style with ANSI colours (only on a terminal, never with NO_COLOR or `--color never`).
    pub color: bool,
    /// Include consistent checks and unchecked pairs, not only conflicts and differences.
    pub show_all: bool,
    /// Say why each pair was compared (the aliases and entities matched).
    pub verbose: bool,
}
