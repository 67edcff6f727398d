//! Linking: a quantity becomes a claim when we know what it measures (a metric) and about whom
//! (entities, with direction).
//!
//! For each quantity the linker reads its sentence: the metric alias that governs it (the
//! nearest one in its clause, before it first), the entities around that alias with their
//! direction words (`from`, `to`, `into`, `between ... and`, `with`, possessives and demonyms:
//! `US investment in Kazakhstan` is US -> KZ), whom the sentence quotes, and whether the figure
//! is a fact or a target. What a sentence leaves out comes from context: a change with no
//! metric of its own ("That is an increase of 37.2% compared to 2021.") continues the claim
//! before it; a relative clause ("..., which will now amount to $50 million in total") refers
//! to the same thing as the figure it follows; missing entities come from the document's title
//! and first paragraph. Every choice is recorded in `linked_by`, so a reader can see why.

pub mod anaphora;
pub mod attribution;
pub mod breakdown;
pub mod direction;
pub mod lexicon;
pub mod share;

use std::sync::Arc;

use crate::claim::{Claim, ClaimPeriod, Modality};
use crate::extract::{Mention, PeriodOut};
use crate::input::Document;
use crate::quantity::{Kind, Measure};
use crate::segment;
use crate::token::contains_ignore_ascii_case;
pub use lexicon::{Aggregation, EntityHit, Lexicon, MetricHit, MetricInfo, UnitKind};

/// The entity that stands for every partner at once: a country's foreign trade is its trade
/// with the world.
pub(crate) const WORLD: &str = "WORLD";

/// Turn a document's quantity mentions into claims.
pub fn link(
    doc: &Document,
    doc_index: usize,
    mentions: &[Mention],
    lex: &dyn Lexicon,
) -> Vec<Claim> {
    let body_start = doc.body_start;
    let text = &doc.text;
    let body = &text[body_start..];
    let at_body = |(s, e): (usize, usize)| (s + body_start, e + body_start);
    // The document's context reads its first four sentences.
    let opening: Vec<(usize, usize)> = segment::Sentences::new(body).take(4).map(at_body).collect();
    let context = direction::DocumentContext::new(doc, lex, &opening);
    // Sized once: a claim is large, and growing the vector copied every one of them.
    let mut claims: Vec<Claim> =
        Vec::with_capacity(mentions.iter().filter(|m| m.item == "quantity").count());
    let mut ordinal = 0;
    // For percentages, the country whose partner their sentence speaks of (by claim index).
    let mut partners: Vec<(usize, String)> = Vec::new();
    // Every claim of the document hashes its source first: hashed once.
    let source_hash = SourceHash::new(doc.source.as_bytes());
    // The sentence last read, kept for the next figure in it.
    let mut view: Option<((usize, usize), SentenceView<'_>)> = None;
    let quantities: Vec<&Mention> = mentions.iter().filter(|m| m.item == "quantity").collect();
    // Each figure's sentence. Only the sentences that hold a figure are split: half the text of
    // a typical corpus holds none, and splitting the whole body cost 4% of a report. (A figure
    // starts on no white space, so some sentence holds it: the fallback is never taken.)
    let mut sentence_at = segment::SentenceAt::new(body);
    let spans: Vec<(usize, usize)> = quantities
        .iter()
        .map(|m| {
            sentence_at
                .holding(m.text_start.saturating_sub(body_start))
                .map_or((m.text_start, m.text_end), at_body)
        })
        .collect();
    // One claim per figure, in order: claim `j` is figure `j`'s, so the claim before's
    // sentence is `spans[j - 1]` (found again from the claim, whose offsets are in the file,
    // it could be the wrong one after a BOM, in UTF-16 or in repaired UTF-8).
    for (j, &m) in quantities.iter().enumerate() {
        ordinal += 1;
        let (s_start, s_end) = spans[j];
        let sentence = &text[s_start..s_end];
        let view = match &mut view {
            Some((span, view)) if *span == (s_start, s_end) => &*view,
            slot => {
                // The figures that read this view: this one and the next ones of the sentence.
                let reach = spans[j..]
                    .iter()
                    .zip(&quantities[j..])
                    .take_while(|(span, _)| **span == (s_start, s_end))
                    .map(|(_, q)| q.text_start.wrapping_sub(s_start))
                    .max()
                    .unwrap_or(usize::MAX);
                let fresh = SentenceView::new(text, s_start, sentence, lex, reach);
                &slot.insert(((s_start, s_end), fresh)).1
            }
        };
        let q_start = m.text_start - s_start;
        let q_end = (m.text_end - s_start).min(sentence.len());
        let mut claim = base_claim(doc, doc_index, ordinal, m, &view.normalized);
        let found = find_metric(view, q_start, q_end, m, lex);
        match found {
            Some((hit, how)) => {
                let others = other_figures(mentions, m, s_start, s_end);
                let info = lex.metric_info(&hit.metric);
                let (metric, entities, directional, notes) =
                    direction::resolve(view, q_start, &hit, info.as_ref(), lex, &context, &others);
                claim.metric = Some(metric);
                claim.entities = entities;
                claim.directional = directional;
                claim.linked_by.push(
                    [
                        "metric `",
                        &hit.metric,
                        "` from \"",
                        &hit.alias,
                        "\" (",
                        how,
                        ")",
                    ]
                    .concat(),
                );
                claim.linked_by.extend(notes);
                if claim.entities.is_empty() {
                    claim.unlinked =
                        Some("no entity named in the sentence or the document's title".into());
                }
                stock_instant(&mut claim, info.as_ref());
                to_date(&mut claim, info.as_ref(), view, q_start);
            }
            None => {
                if let Some(prev) = continues(
                    &claims,
                    &claim,
                    text,
                    (s_start, s_end),
                    j.checked_sub(1).map_or((0, 0), |p| spans[p]),
                    q_start,
                ) {
                    claim.metric = prev.metric.clone();
                    claim.entities = prev.entities.clone();
                    claim.directional = prev.directional;
                    if claim.period.is_none() || claim.period.as_ref().is_some_and(|p| p.inherited)
                    {
                        claim.period = prev.period.clone().map(|mut p| {
                            p.inherited = true;
                            p
                        });
                    }
                    claim.linked_by.push(format!(
                        "continues the claim at {}:{} (\"{}\")",
                        prev.line, prev.column, prev.text
                    ));
                    // A continuation shares its figure's gaps: say why, as for that figure.
                    claim.unlinked = if claim.metric.is_none() {
                        Some("no metric named in its sentence".into())
                    } else {
                        prev.unlinked.clone()
                    };
                } else {
                    claim.unlinked = Some(
                        if m.kind == "rank" && !sentence.to_lowercase().contains("rank") {
                            "an ordinal with no ranking named around it".into()
                        } else {
                            "no metric named in its sentence".into()
                        },
                    );
                }
            }
        }
        year_on_year(&mut claim);
        claim.attribution.clone_from(&view.attribution);
        claim.modality = view.modality(q_start);
        claim.fingerprint = source_hash.fingerprint(&claim);
        if claim.kind == Kind::Percent
            && let Some(r) = direction::partner_of(sentence, &view.entities)
        {
            partners.push((claims.len(), r));
        }
        claims.push(claim);
    }
    // Each claim's span in `text`: claims keep file offsets, which differ from text offsets
    // in a document decoded from UTF-16 or Latin-1 (or read past a byte-order mark). The
    // passes below read the text around figures by these.
    let text_spans: Vec<(usize, usize)> = quantities
        .iter()
        .map(|m| (m.text_start, m.text_end))
        .collect();
    earlier_direction(text, &text_spans, &mut claims);
    breakdown::mark(text, &text_spans, &mut claims);
    share::mark(text, &text_spans, &mut claims, lex, &partners);
    claims
}

/// The other figures of the sentence `s_start..s_end` than `m`, as spans in it (read only
/// for a figure whose metric was found: most have none).
///
/// Mentions are sorted by position: only those inside the sentence are looked at, found by
/// binary search, so a long document stays linear.
fn other_figures(
    mentions: &[Mention],
    m: &Mention,
    s_start: usize,
    s_end: usize,
) -> Vec<(usize, usize)> {
    let lo = mentions.partition_point(|o| o.text_start < s_start);
    let hi = mentions.partition_point(|o| o.text_start < s_end);
    mentions[lo..hi.max(lo)]
        .iter()
        .filter(|o| {
            o.item == "quantity"
                && o.text_start >= s_start
                && o.text_end <= s_end
                && o.text_start != m.text_start
        })
        .map(|o| (o.text_start - s_start, o.text_end - s_start))
        .collect()
}

/// A directional metric named with no entity around it (`Budgeted aid for FY2009 was $22.4
/// million`) takes the direction the document gave the same metric before (`Cumulative U.S.
/// aid budgeted for Kazakhstan ...`): a report names the parties once and goes on. Not a
/// figure in brackets, which qualifies the words before it (`health ($4.6 million)`), not the
/// metric at large.
fn earlier_direction(text: &str, text_spans: &[(usize, usize)], claims: &mut [Claim]) {
    debug_assert_eq!(text_spans.len(), claims.len());
    // The last claim of each metric with both parties, as the claims are read in order: one
    // pass, however many claims lack them.
    let mut last: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for i in 0..claims.len() {
        let c = &claims[i];
        let Some(metric) = c.metric.clone() else {
            continue;
        };
        if c.entities.len() == 2 {
            last.insert(metric, i);
            continue;
        }
        if !(c.directional && c.entities.is_empty() && c.unlinked.is_some())
            || text
                .get(..text_spans[i].0)
                .is_some_and(|before| before.trim_end().ends_with('('))
        {
            continue;
        }
        let Some(&p) = last.get(&metric) else {
            continue;
        };
        let prev = &claims[p];
        let (entities, note) = (
            prev.entities.clone(),
            format!(
                "entities {} from the claim at {}:{} (\"{}\"), the document's last with this metric",
                prev.entities.join(" -> "),
                prev.line,
                prev.column,
                prev.text
            ),
        );
        let c = &mut claims[i];
        c.entities = entities;
        c.linked_by.push(note);
        c.unlinked = None;
        c.fingerprint = fingerprint(c);
        last.insert(metric, i);
    }
}

/// The words of `s` joined by one space (white-space runs and the ends dropped), in one
/// string without a list of the words first.
///
/// Most sentences are ASCII and already in that form (the segmenter trims them; a sentence
/// rarely holds a line break or two spaces in a row): they are borrowed after one pass that
/// reads sixteen bytes at a time, and other ASCII text is folded byte by byte. Text with
/// other characters goes through `split_whitespace`, whose Unicode white space the byte paths
/// match for ASCII (the space and U+0009..=U+000D).
fn squeezed(s: &str) -> std::borrow::Cow<'_, str> {
    let white = |b: u8| b == b' ' || (0x09..=0x0d).contains(&b);
    if s.is_ascii() {
        let bytes = s.as_bytes();
        let folded = !crate::token::any_byte(bytes, |b| (0x09..=0x0d).contains(&b))
            && memchr::memmem::find(bytes, b"  ").is_none()
            && bytes.first().is_none_or(|&b| b != b' ')
            && bytes.last().is_none_or(|&b| b != b' ');
        if folded {
            return s.into();
        }
        let mut out = String::with_capacity(s.len());
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && white(bytes[i]) {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && !white(bytes[i]) {
                i += 1;
            }
            if start < i {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..i]);
            }
        }
        return out.into();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.into()
}

/// What the linker reads of one sentence, found once for all the figures in it.
pub(crate) struct SentenceView<'t> {
    pub text: &'t str,
    /// Clause breaks, byte offsets in the sentence ([`segment::clause_breaks`]): found when
    /// first asked for (only a figure with a metric alias in its sentence reads them).
    breaks: std::cell::OnceCell<Vec<usize>>,
    /// The modality phrases of an ASCII sentence ([`modality_hits`]) up to the `reach` it was
    /// made for; `None` for another sentence.
    modality_hits: Option<Vec<ModalityHit>>,
    /// Metric aliases in the sentence.
    metrics: Vec<MetricHit>,
    /// Entities in the sentence, less names inside a currency (`US dollars`, `Canadian
    /// dollars` name no party).
    entities: Vec<EntityHit>,
    /// Whom the sentence quotes ([`attribution::find`]).
    attribution: Option<String>,
    /// The sentence with its white space runs folded to one space, as claims carry it.
    normalized: Arc<str>,
}

impl<'t> SentenceView<'t> {
    /// The view of `sentence`, which starts at byte `s_start` of the document's `text`, for
    /// figures that start at or before byte `reach` of it (past its end: anywhere).
    fn new(text: &str, s_start: usize, sentence: &'t str, lex: &dyn Lexicon, reach: usize) -> Self {
        let (entities, metrics) = lex.entities_and_metrics(sentence);
        // ASCII-lowercased once for the attribution and modality words (same byte offsets).
        let lower = sentence.to_ascii_lowercase();
        let mut entities = entities
            .into_iter()
            .filter(|e| !names_a_currency(&sentence[e.start..e.end], &sentence[e.end..]))
            .collect();
        anaphora::resolve(text, s_start, sentence, lex, &mut entities);
        Self {
            text: sentence,
            breaks: std::cell::OnceCell::new(),
            // A figure reads the phrases that end by its start: none past `reach` counts.
            modality_hits: sentence
                .is_ascii()
                .then(|| modality_hits(&lower[..reach.min(lower.len())])),
            metrics,
            entities,
            attribution: attribution::find_in(sentence, &lower),
            normalized: Arc::from(&*squeezed(sentence)),
        }
    }

    fn breaks(&self) -> &[usize] {
        self.breaks
            .get_or_init(|| segment::clause_breaks(self.text, 0, self.text.len()))
    }

    /// The index of the clause byte `pos` is in.
    fn clause_of(&self, pos: usize) -> usize {
        self.breaks().partition_point(|&b| b < pos)
    }

    /// Byte span of clauses `lo..=hi`.
    fn clauses(&self, lo: usize, hi: usize) -> (usize, usize) {
        let breaks = self.breaks();
        let start = if lo == 0 { 0 } else { breaks[lo - 1] };
        (start, breaks.get(hi).copied().unwrap_or(self.text.len()))
    }

    /// The modality of the figure at `q_start` ([`modality`]): for an ASCII sentence, from
    /// the phrases found once in the whole sentence, those inside the figure's window.
    fn modality(&self, q_start: usize) -> Modality {
        match &self.modality_hits {
            Some(hits) => modality_in(hits, self.text.len(), q_start),
            None => modality(self.text, q_start),
        }
    }
}

/// Whether an entity's words are part of a currency's name (`US dollars`, `Canadian dollars`,
/// `US $5 billion`), and so name no party. Before `$`, only a short code does (`US`, `U.S.`,
/// `HK`): `imports from Kazakhstan $16.3 billion` names Kazakhstan.
fn names_a_currency(entity: &str, rest: &str) -> bool {
    next_word_is(rest, &["dollar", "cents"])
        || next_word_is(rest, &["$"])
            && entity.chars().filter(char::is_ascii_alphabetic).count() <= 3
            && !entity.chars().any(char::is_lowercase)
}

/// Whether `rest`, after leading white space, starts with one of `words` (ASCII letter case
/// ignored), without copying it.
pub(crate) fn next_word_is(rest: &str, words: &[&str]) -> bool {
    let rest = rest.trim_start().as_bytes();
    words.iter().any(|w| {
        rest.get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes()))
    })
}

fn base_claim(
    doc: &Document,
    doc_index: usize,
    ordinal: usize,
    m: &Mention,
    normalized_sentence: &Arc<str>,
) -> Claim {
    Claim {
        id: claim_id(doc_index, ordinal),
        fingerprint: String::new(),
        source: Arc::clone(&m.source),
        doc_index,
        line: m.line,
        column: m.column,
        start: m.start,
        end: m.end,
        text: m.text.clone(),
        sentence: Arc::clone(normalized_sentence),
        kind: kind_of(m.kind),
        value: m.decimal_value,
        interval: m.interval,
        bound: m.bound.unwrap_or(crate::rules::BoundKind::Exact),
        unit: m.unit.clone(),
        measure: m.measure.unwrap_or(Measure::Level),
        direction: m.direction,
        role: m.role,
        period: m.period.as_ref().map(claim_period),
        base_period: m.base_period.as_ref().map(claim_period),
        metric: None,
        entities: Vec::new(),
        directional: false,
        modality: Modality::Actual,
        attribution: None,
        linked_by: Vec::new(),
        unlinked: None,
        part_of: None,
        share_of: None,
        document_date: doc.meta.date,
        date_inferred: doc.meta.extra.contains_key("date_inferred"),
    }
}

/// A claim's id, `{doc_index}:{ordinal}`, written without the formatting machinery into one
/// string sized once: every claim gets one.
fn claim_id(doc_index: usize, ordinal: usize) -> String {
    let mut id = String::with_capacity(24);
    crate::number::text::push_usize(&mut id, doc_index);
    id.push(':');
    crate::number::text::push_usize(&mut id, ordinal);
    id
}

/// The quantity kind from its JSON name.
pub fn kind_of(name: &str) -> Kind {
    match name {
        "currency" => Kind::Currency,
        "percent" => Kind::Percent,
        "percentage_points" => Kind::PercentagePoints,
        "count" => Kind::Count,
        "rank" => Kind::Rank,
        _ => Kind::Number,
    }
}

fn claim_period(p: &PeriodOut) -> ClaimPeriod {
    ClaimPeriod {
        start: p.start,
        end: p.end,
        label: p.label.clone(),
        cumulative: p.cumulative,
        instant: p.instant,
        inherited: p.inherited,
    }
}

/// The metric that governs the quantity at `q_start..q_end` of `sentence`, and how it was
/// chosen.
fn find_metric(
    view: &SentenceView<'_>,
    q_start: usize,
    q_end: usize,
    m: &Mention,
    lex: &dyn Lexicon,
) -> Option<(MetricHit, &'static str)> {
    let hits = &view.metrics;
    let kind = kind_of(m.kind);
    let fits = |h: &MetricHit| lex.metric_unit(&h.metric).is_none_or(|u| u.accepts(kind));
    // A counted noun that names the metric itself: `590 companies`. The alias inside the
    // quantity marks where the noun is, which the entities around it are read against.
    if kind == Kind::Count
        && let Some(noun) = &m.unit
        && let Some(id) = lex.metric_for_noun(noun)
    {
        let inside = hits
            .iter()
            .find(|h| h.metric == id && h.start >= q_start && h.end <= q_end)
            .cloned();
        let hit = inside.unwrap_or(MetricHit {
            start: q_start,
            end: q_end,
            metric: id,
            alias: noun.clone(),
        });
        return Some((hit, "its counted noun"));
    }
    if hits.is_empty() {
        return None;
    }
    let clause_of = |pos: usize| view.clause_of(pos);
    let qc = clause_of(q_start);
    let before = |h: &&MetricHit| h.end <= q_start;
    // An alias may start inside the quantity (`81st largest trading partner`).
    let after = |h: &&MetricHit| h.start >= q_start && h.end > q_end;
    let nearest_before_in_clause = || {
        hits.iter()
            .filter(before)
            .filter(|h| fits(h))
            .filter(|h| clause_of(h.start) == qc)
            .max_by_key(|h| h.end)
            .cloned()
    };
    let nearest_after = |same_clause: bool| {
        hits.iter()
            .filter(after)
            .filter(|h| fits(h))
            .filter(|h| !same_clause || clause_of(h.start) == qc)
            .min_by_key(|h| h.start)
            .cloned()
    };
    if kind == Kind::Rank {
        // `81st largest trading partner`: the ranking follows the ordinal.
        if let Some(h) = nearest_after(true) {
            return Some((h, "after it in its clause"));
        }
    }
    if let Some(h) = nearest_before_in_clause() {
        return Some((h, "before it in its clause"));
    }
    if let Some(h) = nearest_after(true) {
        return Some((h, "after it in its clause"));
    }
    // A clause of its own with no metric (`..., while imports reached $1.1 billion` has one;
    // `..., reaching $5.3 billion` has none): the nearest alias before it in the sentence.
    // Not from inside brackets closed before it: `China - $3.3bn (17% of the total foreign
    // trade), Russia - $2.9bn` names the whole for the 17%, not the metric of $2.9bn.
    let text = view.text;
    let closed_before = |h: &&MetricHit| {
        let open = text[..h.start].rfind('(');
        open.is_some_and(|o| text[o..h.start].find(')').is_none())
            && text[h.end..q_start].contains(')')
    };
    hits.iter()
        .filter(before)
        .filter(|h| fits(h))
        .filter(|h| !closed_before(h))
        .max_by_key(|h| h.end)
        .cloned()
        .map(|h| (h, "earlier in its sentence"))
}

/// A figure with no metric of its own that continues the claim before it: a change right
/// after a level ("That is an increase of 37.2%"), or a relative clause ("which will now
/// amount to $50 million in total"). The figure's sentence is `here` (a span of `text`), the
/// claim before's is `before`.
fn continues<'c>(
    claims: &'c [Claim],
    claim: &Claim,
    text: &str,
    here: (usize, usize),
    before: (usize, usize),
    q_start: usize,
) -> Option<&'c Claim> {
    // The figure right before this one, in the same document.
    let prev = claims.last().filter(|c| c.doc_index == claim.doc_index)?;
    let units_agree = claim.unit == prev.unit || claim.measure == Measure::Change;
    // Sentences are what is left of the pieces of the text once trimmed (pieces of white space
    // only are dropped): the sentence before is the one with only white space after it.
    let same = before == here;
    let next = !same && before.1 <= here.0 && text[before.1..here.0].trim().is_empty();
    // Every way below of continuing needs the figure before in this sentence or the one
    // before, and the units to agree: settled before the words are lower-cased and read.
    if !(same || next) || !units_agree {
        return None;
    }
    let sentence = &text[here.0..here.1];
    let lead = sentence[..q_start].to_lowercase();
    let lead = lead.trim_start();
    // `..., which will now amount to $50 million in total`: a relative clause in the same
    // sentence refers to the thing the figure before it measured.
    let relative = same
        && [
            ", which",
            ", bringing",
            ", taking",
            ", raising",
            ", to reach",
        ]
        .iter()
        .any(|w| lead.contains(w));
    // `That is an increase of 37.2%`: the next sentence continues the claim before it.
    let anaphora = next
        && [
            "that is",
            "this is",
            "that was",
            "this was",
            "it is",
            "it was",
            "that means",
            "this means",
            "an increase",
            "a decrease",
            "up ",
            "down ",
        ]
        .iter()
        .any(|a| lead.starts_with(a));
    let is_change = claim.measure == Measure::Change;
    // `It rose above 3 billion dollars`, `Last year it topped ...`: a pronoun for the thing the
    // sentence before measured.
    let pronoun = next
        && lead
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "it" | "they" | "this" | "that"))
        && lead.split_whitespace().count() <= 6;
    (relative || anaphora || is_change || pronoun)
        .then_some(prev)
        .filter(|_| units_agree)
}

/// A stock metric with no stated period is a level at the document's date (`There are about
/// 590 companies`).
fn stock_instant(claim: &mut Claim, info: Option<&MetricInfo>) {
    if claim.period.is_some() || claim.measure != Measure::Level {
        return;
    }
    if info.is_some_and(|i| i.aggregation == Aggregation::Stock)
        && let Some(d) = claim.document_date
    {
        claim.period = Some(ClaimPeriod {
            start: Some(d),
            end: Some(d),
            label: format!("as of {d}"),
            cumulative: false,
            instant: Some(d),
            inherited: true,
        });
        claim
            .linked_by
            .push("a stock with no period: taken at the document's date".into());
    }
}

/// Words that compare with another step than a year (`month-on-month`, `over the past six
/// years`): a growth rate in their sentence has no year-on-year base.
const OTHER_STEPS: [&str; 13] = [
    "month-on-month",
    "month on month",
    "quarter-on-quarter",
    "quarter on quarter",
    "previous month",
    "previous quarter",
    "a month earlier",
    "a quarter earlier",
    "over the past",
    "over the last",
    "in the past",
    "in the last",
    "since",
];

/// A growth rate with no base stated (`exports grew by 32 percent to $1.2 billion` in 2022)
/// is compared with the same months a year before, as statistics offices and the news report
/// it. The base is marked `inherited` and the note says it was implied. A rate over a span of
/// years, a cumulative total, a verb with no figure (`doubled`), a multiple (`2.5 times`,
/// rarely a year's growth) or another step (`month-on-month`, `over the past six years`) gets
/// none.
fn year_on_year(claim: &mut Claim) {
    if claim.measure != Measure::Change
        || claim.base_period.is_some()
        || claim.direction.is_none()
        || !matches!(
            claim.kind,
            Kind::Percent | Kind::PercentagePoints | Kind::Currency | Kind::Count
        )
        || !claim.text.bytes().any(|b| b.is_ascii_digit())
        || ["times", "fold"]
            .iter()
            .any(|w| contains_ignore_ascii_case(&claim.text, w))
    {
        return;
    }
    let Some(p) = claim.period.as_ref().filter(|p| !p.cumulative) else {
        return;
    };
    if p.label.starts_with("as of") {
        return;
    }
    if OTHER_STEPS
        .iter()
        .any(|w| contains_ignore_ascii_case(&claim.sentence, w))
    {
        return;
    }
    let (Some(start), Some(end)) = (p.start, p.end) else {
        return;
    };
    let Some(m) = crate::time::shift::year_earlier(start, end, p.instant) else {
        return;
    };
    claim.linked_by.push(format!(
        "base period {}: a change with no base stated is read year on year",
        m.label
    ));
    claim.base_period = Some(ClaimPeriod {
        start: Some(m.start),
        end: Some(m.end),
        label: m.label,
        cumulative: false,
        instant: m.instant,
        inherited: true,
    });
}

/// A flow total stated in the present perfect or "to date" (`has received tens of billions of
/// dollars`) with no period of its own: accumulated up to the document's date, start unknown.
fn to_date(claim: &mut Claim, info: Option<&MetricInfo>, view: &SentenceView<'_>, q_start: usize) {
    if claim.period.is_some()
        || claim.measure != Measure::Level
        || !info.is_some_and(|i| i.aggregation == Aggregation::Flow)
    {
        return;
    }
    // Only the figure's own clause: `an additional $25 million ..., which will now amount to
    // $50 million in total` makes the second figure a total, not the first.
    let c = view.clause_of(q_start);
    let (c_start, c_end) = view.clauses(c, c);
    let lower = view.text[c_start..c_end].to_lowercase();
    let cues = [
        "has received",
        "have received",
        "has invested",
        "have invested",
        "has amounted",
        "have amounted",
        "has reached",
        "has totaled",
        "has totalled",
        "to date",
        "so far",
        "cumulative",
        "in total",
        "overall",
    ];
    let Some(cue) = cues.iter().find(|c| lower.contains(*c)) else {
        return;
    };
    claim.period = Some(ClaimPeriod {
        start: None,
        end: claim.document_date,
        label: "to date".into(),
        cumulative: true,
        instant: None,
        inherited: false,
    });
    claim.linked_by.push(format!(
        "a total \"{cue}\": accumulated up to the document's date"
    ));
}

/// Words before a figure that make it a goal.
const TARGET_WORDS: &[&str] = &[
    "target",
    "aims to",
    "aim to",
    "goal of",
    "goal to",
    "seeks to",
    "intends to",
    "is ready to increase",
    "ready to increase",
    "potential to",
];

/// Words before a figure that make it a forecast.
const FORECAST_WORDS: &[&str] = &[
    "expected to",
    "forecast",
    "projected",
    "projection",
    "will reach",
    "could reach",
    "is set to",
    "estimates that",
];

/// Words before a figure that make it a request or a plan.
const PLAN_WORDS: &[&str] = &[
    "requested",
    "request for",
    "plans to",
    "planned",
    "proposed",
    "budget request",
];

/// One automaton (a DFA: the phrases are few) over the three lists, in order of precedence,
/// with each phrase's modality, built once: a window is read in one pass instead of once per
/// phrase.
static MODALITY_WORDS: std::sync::LazyLock<(aho_corasick::AhoCorasick, Vec<Modality>)> =
    std::sync::LazyLock::new(|| {
        let lists = [
            (TARGET_WORDS, Modality::Target),
            (FORECAST_WORDS, Modality::Forecast),
            (PLAN_WORDS, Modality::Plan),
        ];
        let phrases = lists.iter().flat_map(|(words, _)| words.iter());
        let modality = lists
            .iter()
            .flat_map(|(words, m)| std::iter::repeat_n(*m, words.len()))
            .collect();
        let automaton = aho_corasick::AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(phrases)
            .expect("a few short literal phrases");
        (automaton, modality)
    });

/// Targets, forecasts and plans are not facts: they are compared only with their own kind.
fn modality(sentence: &str, q_start: usize) -> Modality {
    // Lower-case the lead itself: lower-casing the whole sentence can change byte lengths
    // (`İ` becomes two characters), so offsets into the sentence would not fit it.
    // Only the last 120 characters before the figure count.
    let lead = sentence.get(..q_start).unwrap_or(sentence);
    let from = lead
        .char_indices()
        .rev()
        .nth(MODALITY_WINDOW - 1)
        .map_or(0, |(i, _)| i);
    let window = lead[from..].to_lowercase();
    // The lists are in order of precedence (a goal's words outrank a forecast's, which
    // outrank a plan's), and so are their phrases' ids: the lowest id found decides.
    let (automaton, modality) = &*MODALITY_WORDS;
    automaton
        .find_overlapping_iter(&window)
        .map(|hit| hit.pattern().as_usize())
        .min()
        .map_or(Modality::Actual, |first| modality[first])
}

/// How many characters before a figure [`modality`] reads.
const MODALITY_WINDOW: usize = 120;

/// A modality phrase found in a sentence: its byte span and its id in [`MODALITY_WORDS`].
type ModalityHit = (usize, usize, usize);

/// Every modality phrase of an ASCII sentence, given lower-cased (`lower`, byte for byte,
/// so offsets fit it), read once for all the figures in it.
fn modality_hits(lower: &str) -> Vec<ModalityHit> {
    MODALITY_WORDS
        .0
        .find_overlapping_iter(lower)
        .map(|hit| (hit.start(), hit.end(), hit.pattern().as_usize()))
        .collect()
}

/// [`modality`] for a figure at `q_start` of an ASCII sentence of `len` bytes whose phrases
/// are `hits`: a phrase counts when it lies inside the window, as a search of the window
/// alone would find it (every character is one byte).
fn modality_in(hits: &[ModalityHit], len: usize, q_start: usize) -> Modality {
    // `sentence.get(..q_start)` is the whole sentence past its end.
    let end = if q_start <= len { q_start } else { len };
    let from = end.saturating_sub(MODALITY_WINDOW);
    hits.iter()
        .filter(|&&(s, e, _)| s >= from && e <= end)
        .map(|&(_, _, id)| id)
        .min()
        .map_or(Modality::Actual, |first| MODALITY_WORDS.1[first])
}

/// The FNV-1a state of [`fingerprint`] after a claim's source: the same for every claim of
/// a document, so hashed once.
pub(crate) struct SourceHash(u64);

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(mut h: u64, s: &[u8]) -> u64 {
    for &b in s {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

impl SourceHash {
    pub(crate) fn new(source: &[u8]) -> Self {
        Self(fnv(fnv(FNV_OFFSET, source), &[0]))
    }

    /// [`fingerprint`] of a claim whose source this is.
    pub(crate) fn fingerprint(&self, c: &Claim) -> String {
        debug_assert_eq!(Self::new(c.source.as_bytes()).0, self.0);
        fingerprint_after_source(self.0, c)
    }
}

/// A stable fingerprint (FNV-1a 64) of what a claim says, independent of where it sits.
pub fn fingerprint(c: &Claim) -> String {
    fingerprint_after_source(SourceHash::new(c.source.as_bytes()).0, c)
}

/// [`fingerprint`] from the hash of the claim's source (and its zero byte), `h`.
fn fingerprint_after_source(mut h: u64, c: &Claim) -> String {
    let mut bytes = |s: &[u8]| h = fnv(h, s);
    // Each field is followed by a zero byte. The entities are fed as joined by `,` and the
    // text as its words joined by one space, lower-cased, without building those strings
    // (the value must never change: baselines are matched on it).
    bytes(c.metric.as_deref().unwrap_or("").as_bytes());
    bytes(&[0]);
    for (i, e) in c.entities.iter().enumerate() {
        if i > 0 {
            bytes(b",");
        }
        bytes(e.as_bytes());
    }
    bytes(&[0]);
    bytes(
        c.period
            .as_ref()
            .map_or("", |p| p.label.as_str())
            .as_bytes(),
    );
    bytes(&[0]);
    bytes(c.unit.as_deref().unwrap_or("").as_bytes());
    bytes(&[0]);
    if c.text.is_ascii() {
        // The words split at the ASCII characters `char::is_whitespace` holds (a vertical tab
        // too), a byte at a time: one space before each word but the first.
        let mut gap = false;
        let mut started = false;
        for &b in c.text.as_bytes() {
            if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
                gap = started;
                continue;
            }
            if gap {
                bytes(b" ");
                gap = false;
            }
            started = true;
            bytes(&[b.to_ascii_lowercase()]);
        }
    } else {
        // Unicode lower-casing is contextual (a final sigma): done on the whole text.
        bytes(squeezed(&c.text).to_lowercase().as_bytes());
    }
    bytes(&[0]);
    crate::number::text::hex16(h)
}

#[cfg(test)]
mod tests;
