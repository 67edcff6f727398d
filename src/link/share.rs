//! Shares: a percentage of a money or count metric is no level of it but a share of a whole
//! (`96.1% of population`, `0.8% of GDP`, `a turnover of $2.19 billion (7.5%)`), so it is never
//! compared with the metric's levels or with another share of an unknown whole.
//!
//! A percentage in brackets right after a figure of its metric (`$2.19 billion (7.5%)`,
//! `Russia - $2.9bn (15.1%)`) is that figure's share: it takes the figure's entities and
//! period. When the sentence says whose partner the figure's other entity is (`Kazakhstan ranks
//! as Uzbekistan's third trade partner`, `the country's top three trade partners`), the whole
//! is that country's trade with the world, and the share is checked (CC008).

use super::WORLD;
use super::lexicon::{Lexicon, UnitKind};
use crate::claim::{Claim, ShareOf};
use crate::quantity::{Kind, Measure};

/// Mark the shares among a document's claims (in text order). `partners` holds, for the
/// claims whose sentence names one ([`super::direction::partner_of`]), the country whose partner the sentence
/// speaks of, by claim index.
pub(super) fn mark(
    text: &str,
    spans: &[(usize, usize)],
    claims: &mut [Claim],
    lex: &dyn Lexicon,
    partners: &[(usize, String)],
) {
    debug_assert_eq!(spans.len(), claims.len());
    for i in 0..claims.len() {
        let c = &claims[i];
        if c.kind != Kind::Percent
            || c.measure != Measure::Level
            || c.part_of.is_some()
            || !c.metric.as_deref().is_some_and(|m| {
                matches!(
                    lex.metric_unit(m),
                    Some(UnitKind::Currency | UnitKind::Count)
                )
            })
        {
            continue;
        }
        let part = i
            .checked_sub(1)
            .filter(|&p| bracketed_after(text, (spans[p].1, spans[i].0), &claims[p], c))
            .map(|p| claims[p].clone());
        let c = &mut claims[i];
        let Some(part) = part else {
            c.linked_by
                .push("a share of a whole the text does not give: not compared as a level".into());
            c.share_of = Some(ShareOf {
                part_start: None,
                whole: Vec::new(),
            });
            continue;
        };
        // Its own reading of the sentence's names gives way to its part's: keep how its metric
        // was found, and say where the rest comes from.
        c.linked_by.truncate(1);
        c.entities.clone_from(&part.entities);
        c.directional = part.directional;
        c.unlinked.clone_from(&part.unlinked);
        if c.period.as_ref().is_none_or(|p| p.inherited) {
            c.period = part.period.clone().map(|mut p| {
                p.inherited = true;
                p
            });
        }
        let partner_of = partners
            .binary_search_by_key(&i, |(k, _)| *k)
            .ok()
            .map(|k| partners[k].1.as_str());
        let whole = partner_of
            .filter(|r| reporter_fits(&part, r))
            .map(str::to_string);
        c.linked_by.push(match &whole {
            Some(r) => format!(
                "the share of \"{}\" in {r}'s total with the world ({r} is the one whose partner the sentence names)",
                part.text
            ),
            None => format!(
                "the share of \"{}\", in brackets after it, of a whole the text does not give",
                part.text
            ),
        });
        let mut whole: Vec<String> = whole
            .into_iter()
            .chain(std::iter::once(WORLD.to_string()))
            .collect();
        if whole.len() == 1 {
            whole.clear();
        }
        whole.sort();
        c.share_of = Some(ShareOf {
            part_start: Some(part.start),
            whole,
        });
        c.fingerprint = super::fingerprint(c);
    }
}

/// Whether `share` is written in brackets right after `part`, a figure of the same metric;
/// `gap` is the span of text between them.
fn bracketed_after(text: &str, gap: (usize, usize), part: &Claim, share: &Claim) -> bool {
    part.metric == share.metric
        && matches!(part.kind, Kind::Currency | Kind::Count | Kind::Number)
        && part.part_of.is_none()
        && gap.0 <= gap.1
        && text.get(gap.0..gap.1).is_some_and(|gap| gap.trim() == "(")
}

/// Whether `reporter` can own the whole of `part`'s share: it is one of the part's two
/// (symmetric) entities, and neither is the world already.
fn reporter_fits(part: &Claim, reporter: &str) -> bool {
    !part.directional
        && part.entities.len() == 2
        && part.entities.iter().any(|e| e == reporter)
        && part.entities.iter().all(|e| e != WORLD)
}
