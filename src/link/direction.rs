//! Entities and their direction around a metric alias.
//!
//! Roles are read from the words next to each entity, in terms of the flow of goods or money:
//! `from X` is the source, `to X` / `into X` / `in X` the destination; an entity written just
//! before the alias (`US investment`, `Kazakhstan's exports`) is the source, or the destination
//! for a reversed metric (`Kazakhstan's imports`); `between X and Y` and `with X` name a
//! symmetric pair. What the sentence leaves out comes from the document's main pair.

use std::collections::HashMap;

use super::SentenceView;
use super::lexicon::{EntityHit, Lexicon, MetricHit, MetricInfo};
use super::next_word_is;
use crate::input::Document;
use crate::token::contains_ignore_ascii_case;

/// The entities a document is about: from its title and first sentences.
#[derive(Debug, Default, Clone)]
pub struct DocumentContext {
    /// The two entities named most often in the title and opening, most frequent first.
    pub main: Vec<String>,
}

impl DocumentContext {
    pub fn new(doc: &Document, lex: &dyn Lexicon, sentences: &[(usize, usize)]) -> Self {
        let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
        let mut order = 0;
        let mut add = |text: &str, weight: usize| {
            for e in lex.entities(text) {
                let entry = counts.entry(e.id).or_insert((0, order));
                entry.0 += weight;
                order += 1;
            }
        };
        if let Some(t) = &doc.meta.title {
            add(t, 2);
        }
        for &(s, e) in sentences.iter().take(4) {
            add(&doc.text[s..e], 1);
        }
        let mut ranked: Vec<(String, (usize, usize))> = counts.into_iter().collect();
        // Countries before blocs and organizations: a readout about the US and Kazakhstan that
        // mentions Central Asia is still about the US and Kazakhstan.
        ranked.sort_by(|a, b| {
            lex.is_country(&b.0)
                .cmp(&lex.is_country(&a.0))
                .then(b.1.0.cmp(&a.1.0))
                .then(a.1.1.cmp(&b.1.1))
                .then(a.0.cmp(&b.0))
        });
        Self {
            main: ranked.into_iter().take(2).map(|(id, _)| id).collect(),
        }
    }

    /// The other entity of the document's main pair.
    pub fn other(&self, id: &str) -> Option<String> {
        if self.main.len() == 2 && self.main.iter().any(|m| m == id) {
            self.main.iter().find(|m| *m != id).cloned()
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoleHint {
    Source,
    Destination,
    None,
}

/// Resolve the metric (normalized), its entities and direction for a quantity at `q_start`.
/// Returns `(metric, entities, directional, notes)`.
/// Whether the metric is a ranking: its possessive names whose ranking it is (`America's
/// 81st-largest trading partner` is a partner of the US), the destination.
fn is_ranking(info: Option<&MetricInfo>) -> bool {
    info.is_some_and(|i| i.aggregation == super::lexicon::Aggregation::Rank)
}

/// `others` are the byte spans (in `sentence`) of the other figures of the sentence: entities
/// on the far side of another figure belong to that figure's claim (`sold $682 million of goods
/// to the United States ... and bought $1.1 billion of American goods`).
pub(crate) fn resolve(
    view: &SentenceView<'_>,
    q_start: usize,
    hit: &MetricHit,
    info: Option<&MetricInfo>,
    lex: &dyn Lexicon,
    ctx: &DocumentContext,
    others: &[(usize, usize)],
) -> (String, Vec<String>, bool, Vec<String>) {
    let metric = info
        .and_then(|i| i.normalize_to.clone())
        .unwrap_or_else(|| hit.metric.clone());
    let directional = info.is_some_and(|i| i.directional);
    let reverse = info.is_some_and(|i| i.reverse);
    let mut notes = Vec::new();
    let sentence = view.text;
    let all = &view.entities;
    // The window: the clause(s) from the alias to the quantity.
    let (w_start, w_end) = view.clauses(
        view.clause_of(hit.start.min(q_start)),
        view.clause_of(hit.end.max(q_start)),
    );
    let first = hit.start.min(q_start);
    let last = hit.end.max(q_start);
    let w_start = others
        .iter()
        .filter(|o| o.1 <= first)
        .map(|o| o.1)
        .max()
        .map_or(w_start, |e| e.max(w_start));
    let w_end = others
        .iter()
        .filter(|o| o.0 >= last)
        .map(|o| o.0)
        .min()
        .map_or(w_end, |s| s.min(w_end));
    // After another figure, only an entity written right before the alias (`American
    // investment`) belongs to this claim; the rest finish the other figure's phrase.
    let after_other = others.iter().any(|o| o.1 <= first);
    let attached = |e: &EntityHit| {
        e.end > hit.start || sentence[e.end..hit.start].split_whitespace().count() <= 2
    };
    // `China - $3.3bn, Russia - $2.9bn`, `Russia with $0.8 billion`: a name that labels
    // another figure is that figure's, not this one's.
    let labels_other = |e: &EntityHit| {
        labelled(sentence, e).is_some_and(|at| at != q_start && others.iter().any(|o| o.0 == at))
    };
    let mut window: Vec<&EntityHit> = all
        .iter()
        .filter(|e| e.start >= w_start && e.end <= w_end)
        .filter(|e| !after_other || e.start >= hit.start.min(q_start) || attached(e))
        .filter(|e| !labels_other(e))
        .collect();
    // A ranking is of countries; the organization publishing it (`the World Bank's Doing
    // Business report`) is not a party to it.
    if is_ranking(info) {
        window.retain(|e| lex.is_country(&e.id));
    }
    // A directional metric whose clause names nobody (`..., with these investments exceeding
    // $50 billion`): read the whole sentence (`invest in Kazakhstan`).
    if directional && window.is_empty() {
        window = all.iter().filter(|e| !labels_other(e)).collect();
        // `Uzbekistan exported $699.3 million to Kazakhstan, while imports reached $1,496.2
        // million`: after another flow's clause, the role words are that flow's; this one is
        // the same country's flow the other way, so its subject is the first country named.
        let flow_before = view.metrics.iter().any(|m| {
            m.end <= hit.start
                && m.metric != hit.metric
                && lex.metric_info(&m.metric).is_some_and(|i| i.directional)
                && canonical(lex, &m.metric) == canonical(lex, &hit.metric)
        });
        let mut ids = window.iter().map(|e| e.id.as_str());
        if flow_before
            && let (Some(subject), Some(other)) = (ids.next(), ids.find(|id| *id != window[0].id))
        {
            let (from, to) = if reverse {
                (other, subject)
            } else {
                (subject, other)
            };
            notes.push(format!(
                "from {from} to {to}: the flow before it the other way, for the same subject ({subject})"
            ));
            return (metric, vec![from.to_string(), to.to_string()], true, notes);
        }
    }

    // `Kazakhstan ranks as Uzbekistan's third trade partner with a turnover of $2.19 billion`:
    // a trade partner's turnover is the trade between the two, named anywhere in the sentence.
    let partner = super::next_word_is(&sentence[hit.end..], &["partner"]);
    if !directional && partner && window.len() < 2 {
        window = all.iter().filter(|e| !labels_other(e)).collect();
    }
    // `China remained the country's largest trade partner with $1.1 billion (34.4%), ahead of
    // Russia with $0.8 billion`: a figure a name labels is that partner's trade with the
    // country whose partner it is.
    if !directional
        && let Some(label) = all.iter().find(|e| labelled(sentence, e) == Some(q_start))
        && let Some(reporter) = partner_of(sentence, all).filter(|r| *r != label.id)
    {
        notes.push(format!(
            "entities from \"{}\" (its label) and {reporter} (whose partner it is)",
            &sentence[label.start..label.end]
        ));
        let mut ids = vec![label.id.clone(), reporter];
        ids.sort();
        return (metric, ids, false, notes);
    }
    if !directional {
        let mut ids: Vec<String> = Vec::new();
        for e in &window {
            if !ids.contains(&e.id) {
                ids.push(e.id.clone());
            }
        }
        let mut described: Vec<String> = window
            .iter()
            .map(|e| ["\"", &sentence[e.start..e.end], "\""].concat())
            .collect();
        described.dedup();
        // `Uzbekistan's foreign trade turnover`: one country's trade with the world.
        let world_total = !partner
            && (names_foreign_trade(&hit.alias) || contains_ignore_ascii_case(&hit.alias, "total"));
        if world_total && ids.len() <= 1 {
            if ids.len() == 1 {
                notes.push("with the world (a country's foreign trade)".into());
                ids.push(super::WORLD.into());
            }
            ids.sort();
            return (metric, ids, false, notes);
        }
        if ids.len() == 1 {
            if let Some(o) = ctx.other(&ids[0]) {
                notes.push(format!("entity {o} from the document's title and opening"));
                ids.push(o);
            }
        } else if ids.is_empty() && ctx.main.len() == 2 {
            notes.push(format!(
                "entities {} from the document's title and opening",
                ctx.main.join(", ")
            ));
            ids = ctx.main.clone();
        }
        if !described.is_empty() {
            notes.insert(0, ["entities from ", &described.join(", ")].concat());
        }
        ids.truncate(2);
        ids.sort();
        return (metric, ids, false, notes);
    }

    let mut source: Option<String> = None;
    let mut dest: Option<String> = None;
    for e in &window {
        let hint = if is_ranking(info) && e.possessive && e.end <= hit.start {
            RoleHint::Destination
        } else {
            role_of(sentence, e, hit, reverse)
        };
        // The note is written only for a side it fills.
        let word = &sentence[e.start..e.end];
        match hint {
            RoleHint::Source if source.is_none() => {
                notes.push(["from \"", word, "\""].concat());
                source = Some(e.id.clone());
            }
            RoleHint::Destination if dest.is_none() => {
                notes.push(["to \"", word, "\""].concat());
                dest = Some(e.id.clone());
            }
            _ => {}
        }
    }
    // An entity with no role word: the one not yet used fills the open side. Before `imports`
    // it is the importer (`Kazakhstan's imports`), the destination of the flow.
    for e in &window {
        if source.as_deref() == Some(e.id.as_str()) || dest.as_deref() == Some(e.id.as_str()) {
            continue;
        }
        if reverse && dest.is_none() && e.end <= hit.start {
            notes.push(format!(
                "to \"{}\" (the importer, before the metric)",
                &sentence[e.start..e.end]
            ));
            dest = Some(e.id.clone());
        } else if source.is_none() && e.end <= hit.start {
            notes.push(format!(
                "from \"{}\" (before the metric)",
                &sentence[e.start..e.end]
            ));
            source = Some(e.id.clone());
        } else if dest.is_none() && e.start >= hit.end {
            notes.push(format!(
                "to \"{}\" (after the metric)",
                &sentence[e.start..e.end]
            ));
            dest = Some(e.id.clone());
        }
    }
    // `Kazakhstan's foreign trade ... of which exports accounted for $78.7 billion`: the flows
    // of a country's trade with the world go to or come from the world, not the document's
    // other country.
    let world = view
        .metrics
        .iter()
        .any(|m| m.start < q_start && m.metric == "trade_total" && names_foreign_trade(&m.alias));
    if world && (source.is_none() != dest.is_none()) {
        let missing = if source.is_none() {
            &mut source
        } else {
            &mut dest
        };
        notes.push("the world, from the country's foreign trade in the sentence".into());
        *missing = Some(super::WORLD.into());
    }
    match (&source, &dest) {
        (Some(s), None) => {
            if let Some(o) = ctx
                .other(s)
                .or_else(|| ctx.main.iter().find(|m| *m != s).cloned())
            {
                notes.push(format!("to {o} from the document's title and opening"));
                dest = Some(o);
            }
        }
        (None, Some(d)) => {
            if let Some(o) = ctx
                .other(d)
                .or_else(|| ctx.main.iter().find(|m| *m != d).cloned())
            {
                notes.push(format!("from {o} from the document's title and opening"));
                source = Some(o);
            }
        }
        _ => {}
    }
    let entities: Vec<String> = source.into_iter().chain(dest).collect();
    (metric, entities, true, notes)
}

/// Where the figure an entity labels starts: after the name, nothing but a dash, colon or
/// equals sign, or `with` or `at` (`China - $3.3bn`, `Russia with $0.8 billion`).
fn labelled(sentence: &str, e: &EntityHit) -> Option<usize> {
    let spaced = sentence[e.end..].trim_start();
    let after = spaced.trim_start_matches(['-', '\u{2013}', '\u{2014}', ':', '=']);
    let after = if after.len() == spaced.len() {
        ["with ", "at "].iter().find_map(|w| {
            spaced
                .get(..w.len())
                .filter(|p| p.eq_ignore_ascii_case(w))
                .map(|p| &spaced[p.len()..])
        })?
    } else {
        after
    };
    Some(sentence.len() - after.trim_start().len())
}

/// Most words between a possessive country and `partner(s)` (`Uzbekistan's third leading
/// foreign trade partner`).
const PARTNER_REACH: usize = 6;

/// The country whose partner a sentence speaks of: a possessive country a few words before
/// `partner` or `partners` (`Uzbekistan's third leading foreign trade partner`, `the
/// country's top three trade partners`). `entities` are the sentence's, sorted.
pub(super) fn partner_of(sentence: &str, entities: &[EntityHit]) -> Option<String> {
    entities
        .iter()
        .filter(|e| e.possessive)
        .find(|e| {
            sentence[e.end..]
                .split_whitespace()
                .take(PARTNER_REACH)
                .any(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    w.eq_ignore_ascii_case("partner") || w.eq_ignore_ascii_case("partners")
                })
        })
        .map(|e| e.id.clone())
}

/// The metric a metric is compared as (`imports` -> `exports`).
fn canonical(lex: &dyn Lexicon, id: &str) -> String {
    lex.metric_info(id)
        .and_then(|i| i.normalize_to)
        .unwrap_or_else(|| id.to_string())
}

/// Whether a metric alias names one country's trade with the world (`foreign trade`,
/// `external trade turnover`, `overall trade`).
fn names_foreign_trade(alias: &str) -> bool {
    ["foreign", "external", "overall"]
        .iter()
        .any(|w| contains_ignore_ascii_case(alias, w))
}

/// The role an entity plays for a directional metric, from the words next to it.
fn role_of(sentence: &str, e: &EntityHit, hit: &MetricHit, reverse: bool) -> RoleHint {
    let before = sentence[..e.start].trim_end().to_lowercase();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // `from the United States`: skip an article.
    let prev = if prev == "the" {
        let b2 = before[..before.len() - 3].trim_end();
        b2.rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
    } else {
        prev
    };
    match prev {
        "from" => return RoleHint::Source,
        "to" | "into" | "toward" | "towards" | "in" | "for" => {
            // `investment in Kazakhstan` names the destination; `in 2022` is not an entity.
            return RoleHint::Destination;
        }
        "of" if e.demonym => return RoleHint::Source,
        // `imported by Uzbekistan`: the importer.
        "by" if reverse && e.start >= hit.end => return RoleHint::Destination,
        // `companies with US capital`, `with Chinese participation`.
        // `companies with US capital`, `backed by US capital`, `invested by US firms`.
        "with" | "by"
            if next_word_is(
                &sentence[e.end..],
                &[
                    "capital",
                    "participation",
                    "investment",
                    "ownership",
                    "money",
                    "funding",
                    "firms",
                    "companies",
                    "investors",
                    "businesses",
                    "businessmen",
                ],
            ) =>
        {
            return RoleHint::Source;
        }
        _ => {}
    }
    // `Kazakh goods`, `American products`: where goods come from, whatever the verb.
    if e.demonym
        && next_word_is(
            &sentence[e.end..],
            &[
                "goods",
                "products",
                "commodities",
                "exports",
                "exporters",
                "produce",
            ],
        )
    {
        return RoleHint::Source;
    }
    // Written right before the alias (`US investment`, `Kazakhstan's imports`, `American
    // investment`), with at most two words between.
    if e.end <= hit.start {
        let gap = &sentence[e.end..hit.start];
        let words = gap
            .split_whitespace()
            .filter(|w| !w.starts_with('\'') && *w != "s")
            .count();
        if (e.possessive || e.demonym || words == 0) && words <= 2 {
            return if reverse {
                RoleHint::Destination
            } else {
                RoleHint::Source
            };
        }
    }
    RoleHint::None
}
