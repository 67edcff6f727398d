//! Claims grouped by key, so that checks only ever compare claims that could be compared.
//!
//! Complexity: sorting the claims and building the groups is O(n log n) for n claims (one
//! hash-map insertion per claim, then sorts). Every check then works inside one group (or,
//! for parts-total and growth, inside a few groups found by key lookup in O(1)), bucketing
//! its claims by period with sorts, so the total work is O(n log n) plus the pairs of claims
//! that share a key (and, for same-value and rank, a period as well). Same-value pairs
//! distinct statements, not claims: a figure restated by a thousand documents is one
//! statement. Claims of different keys are never paired.
//!
//! Determinism: claims are sorted by (document, position, id), groups by key, so everything
//! downstream sees the same order whatever order the claims came in.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};
use rayon::slice::ParallelSliceMut;

use crate::claim::{Claim, Modality};
use crate::quantity::{Kind, Measure, Role};

use super::period::{self, PeriodKey};

/// A claim's key, borrowed: the same fields as [`Claim::key`] (metric, entities, unit,
/// modality), without cloning them.
pub type Key<'a> = (&'a str, &'a [String], Option<&'a str>, Modality);

/// The metric, entities and modality shared by groups that differ only in unit.
pub type Family<'a> = (&'a str, &'a [String], Modality);

/// The claims of one key, in claim order.
#[derive(Debug)]
pub struct Group<'a> {
    pub key: Key<'a>,
    pub claims: Vec<&'a Claim>,
    /// Level claims (any role) by period, for lookups by period.
    pub levels: BTreeMap<PeriodKey, Vec<&'a Claim>>,
}

impl<'a> Group<'a> {
    pub fn metric(&self) -> &'a str {
        self.key.0
    }

    pub fn entities(&self) -> &'a [String] {
        self.key.1
    }

    pub fn modality(&self) -> Modality {
        self.key.3
    }

    /// Level claims of a period, in claim order.
    pub fn levels_at(&self, p: PeriodKey) -> &[&'a Claim] {
        self.levels.get(&p).map_or(&[], Vec::as_slice)
    }
}

/// All groups, with lookups by key and by family.
#[derive(Debug)]
pub struct Index<'a> {
    pub groups: Vec<Group<'a>>,
    by_key: HashMap<Key<'a>, usize>,
    by_family: HashMap<Family<'a>, Vec<usize>>,
    /// Claim id -> position in claim order.
    rank: HashMap<&'a str, usize>,
    /// Items (and items' shares) of a breakdown, in claim order: they are read only against
    /// their total (CC007), never as levels of its metric, so they are in no group.
    pub parts: Vec<&'a Claim>,
    /// Shares ([`crate::claim::ShareOf`]), in claim order: read only as part over whole
    /// (CC008), never as levels of their metric, so they are in no group either.
    pub shares: Vec<&'a Claim>,
    /// The claim that starts at a byte of a document, for the totals items name and the
    /// parts shares name.
    at: HashMap<(usize, usize), &'a Claim>,
}

/// A fixed order for modalities (the claim type has none).
pub fn modality_rank(m: Modality) -> u8 {
    match m {
        Modality::Actual => 0,
        Modality::Target => 1,
        Modality::Forecast => 2,
        Modality::Plan => 3,
    }
}

/// The claim order: document, position in it, then id (unique within a run).
pub fn claim_order(a: &Claim, b: &Claim) -> Ordering {
    (
        a.doc_index,
        a.start,
        a.end,
        &a.id,
        &a.source,
        a.line,
        a.column,
    )
        .cmp(&(
            b.doc_index,
            b.start,
            b.end,
            &b.id,
            &b.source,
            b.line,
            b.column,
        ))
        .then_with(|| a.fingerprint.cmp(&b.fingerprint))
        .then_with(|| a.text.cmp(&b.text))
}

fn key_order(a: &Key<'_>, b: &Key<'_>) -> Ordering {
    (a.0, a.1, a.2, modality_rank(a.3)).cmp(&(b.0, b.1, b.2, modality_rank(b.3)))
}

/// A claim's key, borrowed; `None` for an unlinked claim.
pub fn key_of(c: &Claim) -> Option<Key<'_>> {
    Some((
        c.metric.as_deref()?,
        c.entities.as_slice(),
        c.unit.as_deref(),
        c.modality,
    ))
}

impl<'a> Index<'a> {
    /// Group the claims. O(n log n).
    pub fn build(claims: impl IntoIterator<Item = &'a Claim>) -> Self {
        let mut sorted: Vec<&'a Claim> = claims.into_iter().collect();
        sorted.par_sort_by(|a, b| claim_order(a, b));
        let rank = sorted
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut map: HashMap<Key<'a>, Vec<&'a Claim>> = HashMap::new();
        let mut parts = Vec::new();
        let mut shares = Vec::new();
        for &c in &sorted {
            // A claim whose interval says nothing (a figure that could not be read) agrees
            // with everything and would only add noise.
            let empty = c.interval.low.is_none() && c.interval.high.is_none();
            if c.part_of.is_some() {
                parts.push(c);
            } else if c.share_of.is_some() {
                shares.push(c);
            } else if let Some(k) = key_of(c)
                && !empty
            {
                map.entry(k).or_default().push(c);
            }
        }
        // Only the totals that items name, and the parts that shares name, are looked up by
        // position.
        let mut at: HashMap<(usize, usize), &'a Claim> = HashMap::new();
        if !parts.is_empty() || !shares.is_empty() {
            let wanted: std::collections::HashSet<(usize, usize)> = parts
                .iter()
                .filter_map(|c| c.part_of.as_ref().map(|p| (c.doc_index, p.total_start)))
                .chain(shares.iter().filter_map(|c| {
                    let part = c.share_of.as_ref()?.part_start?;
                    Some((c.doc_index, part))
                }))
                .collect();
            // A total whose figure could not be read is in no group, and checks nothing.
            for &c in &sorted {
                let empty = c.interval.low.is_none() && c.interval.high.is_none();
                if c.part_of.is_none()
                    && c.share_of.is_none()
                    && !empty
                    && wanted.contains(&(c.doc_index, c.start))
                {
                    at.entry((c.doc_index, c.start)).or_insert(c);
                }
            }
        }
        let mut groups: Vec<Group<'a>> = map
            .into_iter()
            .map(|(key, claims)| {
                let mut levels: BTreeMap<PeriodKey, Vec<&'a Claim>> = BTreeMap::new();
                for &c in &claims {
                    if c.measure == Measure::Level
                        && let Some(p) = period::key(c)
                    {
                        levels.entry(p).or_default().push(c);
                    }
                }
                Group {
                    key,
                    claims,
                    levels,
                }
            })
            .collect();
        groups.sort_by(|a, b| key_order(&a.key, &b.key));
        let by_key = groups.iter().enumerate().map(|(i, g)| (g.key, i)).collect();
        let mut by_family: HashMap<Family<'a>, Vec<usize>> = HashMap::new();
        for (i, g) in groups.iter().enumerate() {
            by_family
                .entry((g.key.0, g.key.1, g.key.3))
                .or_default()
                .push(i);
        }
        Self {
            groups,
            by_key,
            by_family,
            rank,
            parts,
            shares,
            at,
        }
    }

    /// The claim of document `doc` that starts at byte `start`, when a breakdown or a share
    /// names it.
    pub fn total_at(&self, doc: usize, start: usize) -> Option<&'a Claim> {
        self.at.get(&(doc, start)).copied()
    }

    /// The group of a key.
    pub fn get(&self, key: &Key<'_>) -> Option<&Group<'a>> {
        self.by_key.get(key).map(|&i| &self.groups[i])
    }

    /// The groups of a metric, entities and modality, whatever their unit, in key order.
    pub fn family(
        &self,
        metric: &'a str,
        entities: &'a [String],
        modality: Modality,
    ) -> impl Iterator<Item = &Group<'a>> {
        self.by_family
            .get(&(metric, entities, modality))
            .into_iter()
            .flatten()
            .map(|&i| &self.groups[i])
    }

    /// A claim's position in claim order (unknown ids last).
    pub fn rank(&self, id: &str) -> usize {
        self.rank.get(id).copied().unwrap_or(usize::MAX)
    }
}

/// Entities as shown: `KZ->US` for a directional metric, `KZ-US` for a symmetric one.
pub fn entities_label(c: &Claim) -> String {
    c.entities.join(if c.directional { "->" } else { "-" })
}

/// What a claim is about: `exports KZ->US`.
pub fn subject(c: &Claim) -> String {
    let m = c.metric.as_deref().unwrap_or("unlinked");
    if c.entities.is_empty() {
        m.to_string()
    } else {
        [m, " ", &entities_label(c)].concat()
    }
}

/// The last component of a source path, for messages (the claims carry the full source).
pub fn file_name(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}

/// Levels in the sense of the derived checks: a level claim that is not the starting point
/// of a "from ... to ..." pair (whose period is the base, often mislabelled).
pub fn is_plain_level(c: &Claim) -> bool {
    c.measure == Measure::Level && c.role != Some(Role::From)
}

/// An amount that adds up (money, counts, plain numbers), as sums and containment need:
/// percentages and ranks do not add.
pub fn is_amount(c: &Claim) -> bool {
    matches!(c.kind, Kind::Currency | Kind::Count | Kind::Number)
}

/// [`distinct_intervals`], each interval stood for by a claim of document `doc` when one
/// states it: a rate is checked against the level its own text gives (`$3.1 billion, which is
/// 37 percent more`), not against the same figure restated elsewhere.
pub fn distinct_intervals_of<'a>(claims: &[&'a Claim], doc: usize) -> Vec<&'a Claim> {
    let mut out = distinct_intervals(claims);
    for o in &mut out {
        if o.doc_index != doc
            && let Some(&own) = claims
                .iter()
                .find(|c| c.doc_index == doc && c.interval == o.interval)
        {
            *o = own;
        }
    }
    out
}

/// Keep the first claim of each distinct interval: restatements of one figure give the same
/// arithmetic, so they would only repeat a finding.
pub fn distinct_intervals<'a>(claims: &[&'a Claim]) -> Vec<&'a Claim> {
    let mut out: Vec<&'a Claim> = Vec::new();
    for &c in claims {
        if !out.iter().any(|o| o.interval == c.interval) {
            out.push(c);
        }
    }
    out
}
