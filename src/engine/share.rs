//! CC008 share: a percentage stated with a figure is that figure's part of its whole.
//! `Kazakhstan ranks as Uzbekistan's third trade partner with a turnover of $2.19 billion
//! (7.5%)`: 7.5% must be $2.19 billion over Uzbekistan's trade with the world in the same
//! period, wherever the corpus states that total.
//!
//! The linker marks the share ([`crate::claim::ShareOf`]): the figure it is written with (the
//! part) and, when the text says whose total it is, the entities of the whole. The index keeps
//! shares out of the groups (a share is no level of its metric) and finds the part by its
//! position; the whole's levels are the group of the part's metric, the whole's entities and
//! the part's unit, in the part's period. The arithmetic is the breakdown's: part / whole as an
//! interval against the stated share, with the relation's slack for rounding.
//!
//! Complexity: one key lookup per share, and one finding per level of the whole.

use rust_decimal::Decimal;

use super::CheckKind;
use super::Draft;
use super::breakdown;
use super::group::{Index, subject};
use super::period;
use super::relations::Relation;
use crate::quantity::Measure;

/// Run the check for one relation.
pub(crate) fn run<'a>(
    rel: &'a Relation,
    slack: Decimal,
    index: &Index<'a>,
    out: &mut Vec<Draft<'a>>,
) {
    for &stated in &index.shares {
        let Some(of) = &stated.share_of else {
            continue;
        };
        let Some(part_start) = of.part_start else {
            continue;
        };
        if of.whole.is_empty() || !rel.applies_to(stated) {
            continue;
        }
        let Some(part) = index.total_at(stated.doc_index, part_start) else {
            continue;
        };
        if part.metric != stated.metric || part.measure != Measure::Level {
            continue;
        }
        let Some(when) = period::key(part) else {
            continue;
        };
        let Some(metric) = part.metric.as_deref() else {
            continue;
        };
        let key = (
            metric,
            of.whole.as_slice(),
            part.unit.as_deref(),
            stated.modality,
        );
        let Some(group) = index.get(&key) else {
            continue;
        };
        let name = subject(part);
        for &whole in group.levels_at(when) {
            out.push(breakdown::share(
                CheckKind::Share,
                rel,
                slack,
                whole,
                part,
                stated,
                &name,
            ));
        }
    }
}
