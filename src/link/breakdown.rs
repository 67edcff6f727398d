//! Breakdowns: a total followed by a list of its labelled items, as fact sheets print them
//! (`Total FY 2008 Foreign Operations Assistance: $21.06m, Peace and Security=$6.50m, 31%,
//! Governing Justly and Democratically=$4.64m, 22%, ...`; or `is allocated as follows:` and
//! then a label and a figure a line).
//!
//! A total is a money figure with a metric whose line calls it one (`total` before it, or
//! `as follows` after it). Its items are the figures right after it, in its currency, each
//! preceded by a short label in title case (`Peace and Security`, `P&S`, `Democracy
//! Programs`) with only punctuation and white space between the label and the item or share
//! before it; a percentage right after an item is that item's share. The first figure that
//! does not fit ends the list, and it takes three items to make one. Items and shares take
//! the total's metric, entities, period and modality, and are checked against it (CC007), not
//! as levels of its metric: a category of aid is not the aid total.

use crate::claim::{Claim, PartOf};
use crate::quantity::{Kind, Measure};
use crate::token::contains_ignore_ascii_case;

/// Fewest items that make a list a breakdown.
const MIN_ITEMS: usize = 3;
/// Longest label, in words.
const MAX_LABEL_WORDS: usize = 6;
/// Most bytes between one item (or its share) and the next item's figure.
const MAX_GAP: usize = 64;
/// Most bytes between the total's line and its first item's figure.
const MAX_LEAD: usize = 96;
/// How far before and after a total its line is read for `total` or `as follows`.
const SAYS_TOTAL_REACH: usize = 160;

/// The char boundary at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Lower-case words a title-case label may hold (`Investing in People`, `Security & Law`).
const CONNECTORS: [&str; 8] = ["and", "&", "of", "in", "for", "the", "on", "to"];

/// Mark the items and shares of every breakdown among a document's claims (in text order).
/// `spans` holds each claim's byte span in `text` (claims keep file offsets).
pub(super) fn mark(text: &str, spans: &[(usize, usize)], claims: &mut [Claim]) {
    debug_assert_eq!(spans.len(), claims.len());
    let mut i = 0;
    while i < claims.len() {
        let Some((items, next)) = list_after(text, spans, claims, i) else {
            i += 1;
            continue;
        };
        let total = claims[i].clone();
        for (k, label) in items {
            attach(&mut claims[k], &total, label);
        }
        i = next;
    }
}

/// The items (claim index, label) listed after the total at `t`, and the index after them.
fn list_after(
    text: &str,
    spans: &[(usize, usize)],
    claims: &[Claim],
    t: usize,
) -> Option<(Vec<(usize, String)>, usize)> {
    let total = &claims[t];
    if total.kind != Kind::Currency
        || total.measure != Measure::Level
        || total.metric.is_none()
        || total.part_of.is_some()
        || !says_total(text, spans[t], t.checked_sub(1).map_or(0, |p| spans[p].1))
    {
        return None;
    }
    let mut items = Vec::new();
    let mut prev_end = spans[t].1;
    let mut j = t + 1;
    while let Some(c) = claims.get(j) {
        // Another total (`Total ...: $21.06m` restated on the next line) starts its own list.
        if c.kind != Kind::Currency
            || c.unit != total.unit
            || c.measure != Measure::Level
            || says_total(text, spans[j], prev_end)
        {
            break;
        }
        let Some(gap) = text.get(prev_end..spans[j].0) else {
            break;
        };
        let Some(label) = label_before(gap, items.is_empty()) else {
            break;
        };
        items.push((j, label.to_string()));
        prev_end = spans[j].1;
        j += 1;
        // A percentage right after the item is its share (`$6.50m, 31%`).
        if let Some(s) = claims.get(j)
            && s.kind == Kind::Percent
            && text
                .get(prev_end..spans[j].0)
                .is_some_and(|g| g.len() <= 4 && g.chars().all(is_separator))
        {
            items.push((j, label.to_string()));
            prev_end = spans[j].1;
            j += 1;
        }
    }
    let figures = items
        .iter()
        .filter(|(k, _)| claims[*k].kind == Kind::Currency)
        .count();
    (figures >= MIN_ITEMS).then_some((items, j))
}

/// Whether the total's line calls it a total: `total` before it (since `from`, the end of
/// the figure before it), or `as follows` after it.
fn says_total(text: &str, (start, end): (usize, usize), from: usize) -> bool {
    // The words next to the figure only, so a giant line costs no more than a short one.
    let near_start = floor_boundary(text, start.saturating_sub(SAYS_TOTAL_REACH));
    let near_end = floor_boundary(text, (end + SAYS_TOTAL_REACH).min(text.len()));
    let line_start = text[near_start..start]
        .rfind('\n')
        .map_or(near_start, |i| near_start + i + 1)
        .max(from.min(start));
    let line_end = text[end..near_end].find('\n').map_or(near_end, |i| end + i);
    let (before, after) = (&text[line_start..start], &text[end..line_end]);
    contains_ignore_ascii_case(before, "total")
        || contains_ignore_ascii_case(after, "as follows")
        || contains_ignore_ascii_case(after, "following:")
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '*')
}

/// The label right before an item's figure in `gap` (the text since the previous item or
/// share): title-case words, at most [`MAX_LABEL_WORDS`], ending in white space, `=` or `:`.
/// Between the previous item and the label there may only be separators; before the first
/// item, anything on the lines after the total's own, within [`MAX_LEAD`] bytes.
fn label_before(gap: &str, first: bool) -> Option<&str> {
    let head = gap.trim_end().trim_end_matches(['=', ':']).trim_end();
    // The words of `head` as byte spans, last first.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in head.char_indices() {
        match (c.is_whitespace(), word_start) {
            (false, None) => word_start = Some(i),
            (true, Some(s)) => {
                spans.push((s, i));
                word_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = word_start {
        spans.push((s, head.len()));
    }
    let mut label_start = None;
    for &(s, e) in spans.iter().rev().take(MAX_LABEL_WORDS) {
        let word = &head[s..e];
        let title = word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '&' | '-' | '/' | '.' | '\''));
        let connector = label_start.is_some() && CONNECTORS.contains(&word);
        if !title && !connector {
            break;
        }
        label_start = Some(s);
    }
    // A label starts with a title-case word (`and Security` is `Security`).
    let first_word = spans.iter().position(|&(s, _)| Some(s) == label_start)?;
    let (from, _) = *spans[first_word..]
        .iter()
        .find(|&&(s, e)| !CONNECTORS.contains(&&head[s..e]))?;
    let label = &head[from..];
    let before = &head[..from];
    if first {
        // The rest of the total's line, then at most a short lead on the next lines.
        let lead = before.find('\n').map_or(before, |i| &before[i..]);
        (lead.len() + label.len() <= MAX_LEAD).then_some(label)
    } else {
        (gap.len() <= MAX_GAP && before.chars().all(is_separator)).then_some(label)
    }
}

/// An item (or share) takes its total's key, and says which total and category it is.
fn attach(c: &mut Claim, total: &Claim, label: String) {
    c.metric.clone_from(&total.metric);
    c.entities.clone_from(&total.entities);
    c.directional = total.directional;
    c.modality = total.modality;
    c.period = total.period.clone().map(|mut p| {
        p.inherited = true;
        p
    });
    c.unlinked = total.unlinked.clone();
    c.linked_by.push(format!(
        "item \"{label}\" of the total at {}:{} (\"{}\")",
        total.line, total.column, total.text
    ));
    c.part_of = Some(PartOf {
        category: label,
        total_start: total.start,
    });
    c.fingerprint = super::fingerprint(c);
}

#[cfg(test)]
mod tests {
    use super::label_before;

    #[test]
    fn labels_are_short_title_case_runs_right_before_the_figure() {
        assert_eq!(
            label_before(" , Peace and Security=", false),
            Some("Peace and Security")
        );
        assert_eq!(label_before("; P&S ", false), Some("P&S"));
        assert_eq!(
            label_before("\n\nSecurity & Law Enforcement\n\n", false),
            Some("Security & Law Enforcement")
        );
        assert_eq!(
            label_before(" , Investing in People=", false),
            Some("Investing in People")
        );
        assert_eq!(
            label_before("\n\nSocial Services\n\n", false),
            Some("Social Services")
        );
        assert_eq!(
            label_before(" , Cross-Cutting Program Support=", false),
            Some("Cross-Cutting Program Support")
        );
        // The first item may follow a short lead on the next line.
        assert_eq!(
            label_before(
                "\n\nDate: 01/2010 Description: Kazakhstan chart shows EG ",
                true
            ),
            Some("EG")
        );
    }

    #[test]
    fn prose_is_no_label() {
        // Lower-case words, words between the previous item and the label, a long gap.
        assert_eq!(label_before(", not including ", false), None);
        assert_eq!(label_before(" and exports of ", false), None);
        assert_eq!(label_before(", while Exports reached ", false), None);
        assert_eq!(
            label_before(
                " ... a long aside about something else entirely, then Exports ",
                false
            ),
            None
        );
        // A connector is no label's first word, and is no separator either.
        assert_eq!(label_before(" , and Security=", false), None);
        assert_eq!(label_before(" , Security=", false), Some("Security"));
        assert_eq!(label_before(" , in ", false), None);
    }
}
