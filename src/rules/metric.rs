//! Metrics: what a figure measures (`trade_total`, `exports`, `companies`...), found in text
//! by the aliases in `rules/metrics.toml`.
//!
//! A metric can be stated as another one seen from the other side: `imports` is `exports`
//! with the direction reversed (`normalize_to = "exports"`, `reverse = true`), so "imports to
//! KZ from the US" and "exports from the US to KZ" are compared as one flow US -> KZ.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::RuleError;
use super::entity::Alias;
use super::error::{Layer, Loc, Source, flag, suggestion};
use super::matcher::{Case, Normalized, Phrase, normalize_phrase};

/// The unit a metric's figures carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricUnit {
    Currency,
    Count,
    Percent,
    Rank,
    /// No fixed unit.
    Any,
}

/// How figures of a metric combine over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Adds up over time (trade, investment): a longer period is the same metric, larger.
    Flow,
    /// A level at an instant (companies present, population, debt).
    Stock,
    /// Does not add up (a growth rate, a share).
    Rate,
    /// A position in a ranking.
    Rank,
}

impl MetricUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Currency => "currency",
            Self::Count => "count",
            Self::Percent => "percent",
            Self::Rank => "rank",
            Self::Any => "any",
        }
    }
}

impl Aggregation {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Flow => "flow",
            Self::Stock => "stock",
            Self::Rate => "rate",
            Self::Rank => "rank",
        }
    }
}

/// One `[[metric]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MetricRule {
    pub id: Spanned<String>,
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    #[serde(default)]
    pub unit: Option<Spanned<MetricUnit>>,
    #[serde(default)]
    pub aggregation: Option<Spanned<Aggregation>>,
    #[serde(default)]
    pub directional: Option<Spanned<bool>>,
    #[serde(default)]
    pub signed: Option<Spanned<bool>>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Aliases that are also everyday phrases: matched only with a capital (`Doing Business`).
    #[serde(default)]
    pub capitalized: Vec<Spanned<String>>,
    #[serde(default)]
    pub normalize_to: Option<Spanned<String>>,
    #[serde(default)]
    pub reverse: Option<Spanned<bool>>,
    #[serde(default)]
    pub counts: Vec<Spanned<String>>,
    #[serde(default)]
    pub extend: Option<Spanned<bool>>,
    #[serde(default)]
    pub replace: Option<Spanned<bool>>,
}

/// A metric as the linker sees it.
#[derive(Debug, Clone)]
pub struct Metric {
    pub id: String,
    pub name: String,
    pub unit: MetricUnit,
    pub aggregation: Aggregation,
    /// Its entities are ordered from -> to (exports); otherwise they are a set (trade).
    pub directional: bool,
    /// Can be negative (a trade balance); otherwise a negative figure is a misreading.
    pub signed: bool,
    pub aliases: Vec<Alias>,
    /// The metric this one is another view of (`imports` -> `exports`).
    pub normalize_to: Option<String>,
    /// With `normalize_to`: the direction flips (imports to A from B = exports from B to A).
    pub reverse: bool,
    /// For a count metric: the counted nouns that identify it (`company`, `firm`), lower case,
    /// plurals included.
    pub counts: Vec<String>,
    /// The file that defined it: `bundled:metrics.toml` or a user path.
    pub origin: String,
    /// Files that added aliases with `extend = true`.
    pub extended_by: Vec<String>,
    pub(crate) id_loc: Loc,
    pub(crate) normalize_loc: Option<Loc>,
    pub(crate) reverse_loc: Option<Loc>,
    pub(crate) count_locs: Vec<Loc>,
}

/// A metric alias found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetricMatch {
    /// Byte offsets in the text.
    pub start: usize,
    pub end: usize,
    /// The metric id as matched (`imports`; see [`super::RuleSet::canonical_metric`]).
    pub metric: String,
    /// The alias as written in the rules.
    pub alias: String,
}

/// All metrics. Their aliases are compiled with the entities' phrases into one matcher
/// (`RuleSet::build`), so a sentence is read once for both.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metrics {
    pub list: Vec<Metric>,
    pub index: HashMap<String, usize>,
    count_nouns: HashMap<String, usize>,
}

/// `company` -> `companies`, `business` -> `businesses`, `firm` -> `firms`.
pub(crate) fn plural_noun(n: &str) -> String {
    if let Some(stem) = n.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    if n.ends_with(['s', 'x', 'z']) || n.ends_with("ch") || n.ends_with("sh") {
        return format!("{n}es");
    }
    format!("{n}s")
}

impl Metrics {
    /// Apply one `[[metric]]` rule: add, extend or replace.
    pub(crate) fn apply(
        &mut self,
        rule: MetricRule,
        src: usize,
        sources: &[Source],
        errors: &mut Vec<RuleError>,
    ) {
        let s = &sources[src];
        let Some(layer) = Layer::new("metric", &rule.id, s, errors) else {
            return;
        };
        let id = layer.id.clone();
        for a in rule
            .aliases
            .iter()
            .chain(&rule.capitalized)
            .chain(&rule.counts)
        {
            if normalize_phrase(a.get_ref()).is_empty() {
                errors.push(s.error(a.span(), format!("empty alias for metric `{id}`")));
                return;
            }
        }
        let existing = self.index.get(&id).copied();
        let Some((extend, replace)) = layer.flags(
            rule.extend.as_ref(),
            rule.replace.as_ref(),
            existing,
            |id| suggestion(id, self.list.iter().map(|m| m.id.as_str())),
            errors,
        ) else {
            return;
        };
        let loc = |span| Loc { src, span };
        let mut aliases: Vec<Alias> = rule
            .aliases
            .iter()
            .map(|a| Alias {
                text: normalize_phrase(a.get_ref()),
                case: Case::Any,
                loc: Some(loc(a.span())),
            })
            .collect();
        aliases.extend(rule.capitalized.iter().map(|a| Alias {
            text: normalize_phrase(a.get_ref()),
            case: Case::Capitalized,
            loc: Some(loc(a.span())),
        }));
        let mut counts = Vec::new();
        let mut count_locs = Vec::new();
        for c in &rule.counts {
            let n = normalize_phrase(c.get_ref()).to_lowercase();
            counts.push(plural_noun(&n));
            counts.push(n);
            count_locs.push(loc(c.span()));
            count_locs.push(loc(c.span()));
        }
        if let (true, Some(i)) = (extend, existing) {
            layer.frozen(
                &[
                    ("name", rule.name.as_ref().map(Spanned::span)),
                    ("unit", rule.unit.as_ref().map(Spanned::span)),
                    ("aggregation", rule.aggregation.as_ref().map(Spanned::span)),
                    ("directional", rule.directional.as_ref().map(Spanned::span)),
                    ("signed", rule.signed.as_ref().map(Spanned::span)),
                    (
                        "normalize_to",
                        rule.normalize_to.as_ref().map(Spanned::span),
                    ),
                    ("reverse", rule.reverse.as_ref().map(Spanned::span)),
                ],
                errors,
            );
            let m = &mut self.list[i];
            m.aliases.extend(aliases);
            m.counts.extend(counts);
            m.count_locs.extend(count_locs);
            m.extended_by.push(s.origin.clone());
            return;
        }
        if let (false, Some(i)) = (replace, existing) {
            let l = &self.list[i].id_loc;
            let first = format!("already defined at {}", sources[l.src].place(&l.span));
            errors.push(layer.duplicate(&first));
            return;
        }
        let missing = |field: &str, values: &str| {
            layer.error(format!("metric `{id}` needs `{field}`{values}"))
        };
        let (Some(name), Some(unit), Some(aggregation)) =
            (&rule.name, &rule.unit, &rule.aggregation)
        else {
            if rule.name.is_none() {
                errors.push(missing("name", ""));
            }
            if rule.unit.is_none() {
                errors.push(missing("unit", " (currency, count, percent, rank or any)"));
            }
            if rule.aggregation.is_none() {
                errors.push(missing("aggregation", " (flow, stock, rate or rank)"));
            }
            return;
        };
        let metric = Metric {
            id,
            name: normalize_phrase(name.get_ref()),
            unit: *unit.get_ref(),
            aggregation: *aggregation.get_ref(),
            directional: flag(rule.directional.as_ref()),
            signed: flag(rule.signed.as_ref()),
            aliases,
            normalize_to: rule
                .normalize_to
                .as_ref()
                .map(|n| n.get_ref().trim().to_string()),
            reverse: flag(rule.reverse.as_ref()),
            counts,
            origin: s.origin.clone(),
            extended_by: Vec::new(),
            id_loc: loc(layer.id_span.clone()),
            normalize_loc: rule.normalize_to.as_ref().map(|n| loc(n.span())),
            reverse_loc: rule.reverse.as_ref().map(|r| loc(r.span())),
            count_locs,
        };
        layer.insert(&mut self.list, &mut self.index, existing, metric);
    }

    /// Check `normalize_to` references and alias claims, then compile.
    pub(crate) fn finish(&mut self, sources: &[Source], errors: &mut Vec<RuleError>) {
        for m in &self.list {
            self.check_normalize(m, sources, errors);
        }
        self.check_claims(sources, errors);
        for m in &mut self.list {
            let mut seen = std::collections::HashSet::new();
            m.aliases
                .retain(|a| seen.insert(a.text.to_ascii_lowercase()));
            let mut seen = std::collections::HashSet::new();
            let mut locs = std::mem::take(&mut m.count_locs).into_iter();
            let mut kept_locs = Vec::new();
            m.counts.retain(|c| {
                let l = locs.next();
                let keep = seen.insert(c.clone());
                if keep && let Some(l) = l {
                    kept_locs.push(l);
                }
                keep
            });
            m.count_locs = kept_locs;
        }
        self.count_nouns.clear();
        for (mi, m) in self.list.iter().enumerate() {
            for c in &m.counts {
                self.count_nouns.entry(c.clone()).or_insert(mi);
            }
        }
    }

    /// The phrases to find: every alias, as (metric, alias) indexes.
    pub(crate) fn phrases(&self) -> Vec<Phrase<(usize, usize)>> {
        let mut phrases = Vec::new();
        for (mi, m) in self.list.iter().enumerate() {
            for (ai, a) in m.aliases.iter().enumerate() {
                phrases.push(Phrase {
                    text: a.text.clone(),
                    case: a.case,
                    value: (mi, ai),
                });
            }
        }
        phrases
    }

    fn check_normalize(&self, m: &Metric, sources: &[Source], errors: &mut Vec<RuleError>) {
        if m.reverse
            && m.normalize_to.is_none()
            && let Some(l) = &m.reverse_loc
        {
            errors.push(sources[l.src].error(
                l.span.clone(),
                format!("metric `{}`: `reverse` needs `normalize_to`", m.id),
            ));
        }
        let (Some(target), Some(l)) = (&m.normalize_to, &m.normalize_loc) else {
            return;
        };
        let s = &sources[l.src];
        let Some(&ti) = self.index.get(target) else {
            let msg = format!(
                "metric `{}`: `normalize_to` names unknown metric `{target}`{}",
                m.id,
                suggestion(target, self.list.iter().map(|m| m.id.as_str()))
            );
            errors.push(s.error(l.span.clone(), msg));
            return;
        };
        let t = &self.list[ti];
        let mut seen = vec![m.id.as_str()];
        let mut cur = t;
        loop {
            if seen.contains(&cur.id.as_str()) {
                errors.push(s.error(
                    l.span.clone(),
                    format!(
                        "metric `{}`: `normalize_to` loops ({} -> {})",
                        m.id,
                        seen.join(" -> "),
                        cur.id
                    ),
                ));
                return;
            }
            seen.push(&cur.id);
            match cur.normalize_to.as_ref().and_then(|n| self.index.get(n)) {
                Some(&n) => cur = &self.list[n],
                None => break,
            }
        }
        if m.unit != t.unit && m.unit != MetricUnit::Any && t.unit != MetricUnit::Any {
            errors.push(s.error(
                l.span.clone(),
                format!(
                    "metric `{}` ({}) cannot normalize to `{}` ({}): the units differ",
                    m.id,
                    m.unit.as_str(),
                    t.id,
                    t.unit.as_str()
                ),
            ));
        }
        if m.reverse && !(m.directional && t.directional) {
            errors.push(s.error(
                l.span.clone(),
                format!(
                    "metric `{}`: `reverse` needs both `{}` and `{}` to be directional",
                    m.id, m.id, t.id
                ),
            ));
        }
    }

    /// An alias (or counted noun) belongs to one metric: report the later claim, naming both.
    fn check_claims(&self, sources: &[Source], errors: &mut Vec<RuleError>) {
        type Claims<'a> = HashMap<String, Vec<(usize, &'a Loc, &'a str)>>;
        let mut aliases: Claims<'_> = HashMap::new();
        let mut counts: Claims<'_> = HashMap::new();
        for (mi, m) in self.list.iter().enumerate() {
            for a in &m.aliases {
                if let Some(l) = &a.loc {
                    aliases
                        .entry(a.text.to_ascii_lowercase())
                        .or_default()
                        .push((mi, l, &a.text));
                }
            }
            for (c, l) in m.counts.iter().zip(&m.count_locs) {
                counts.entry(c.clone()).or_default().push((mi, l, c));
            }
        }
        for (what, claims) in [("alias", aliases), ("counted noun", counts)] {
            for list in claims.into_values() {
                let mut list = list;
                list.sort_by_key(|(_, l, _)| (l.src, l.span.start));
                let (first, first_loc, _) = list[0];
                if let Some((other, l, text)) = list.iter().find(|(i, _, _)| *i != first) {
                    errors.push(sources[l.src].error(
                        l.span.clone(),
                        format!(
                            "{what} `{text}` is claimed by both metric `{}` and metric `{}` (at {})",
                            self.list[first].id,
                            self.list[*other].id,
                            sources[first_loc.src].place(&first_loc.span)
                        ),
                    ));
                }
            }
        }
    }

    /// The metric mentions of the aliases found in `norm` (`(start, end, (metric, alias))`,
    /// offsets in the normalized text, leftmost-longest).
    pub(crate) fn matches(
        &self,
        norm: &Normalized<'_>,
        hits: impl IntoIterator<Item = (usize, usize, (usize, usize))>,
    ) -> Vec<MetricMatch> {
        hits.into_iter()
            .map(|h| {
                let (mi, ai) = h.2;
                let m = &self.list[mi];
                MetricMatch {
                    start: norm.orig_start(h.0),
                    end: norm.orig_end(h.1),
                    metric: m.id.clone(),
                    alias: m.aliases[ai].text.clone(),
                }
            })
            .collect()
    }

    pub(crate) fn get(&self, id: &str) -> Option<&Metric> {
        self.index.get(id).map(|&i| &self.list[i])
    }

    pub(crate) fn by_count_noun(&self, noun: &str) -> Option<&Metric> {
        let key = normalize_phrase(noun).to_lowercase();
        self.count_nouns.get(&key).map(|&i| &self.list[i])
    }

    /// The metric a figure is compared as, and whether its direction flips on the way.
    pub(crate) fn canonical(&self, id: &str) -> Option<(&Metric, bool)> {
        let mut m = self.get(id)?;
        let mut reversed = false;
        for _ in 0..self.list.len() {
            let Some(next) = m.normalize_to.as_deref().and_then(|n| self.get(n)) else {
                break;
            };
            reversed ^= m.reverse;
            m = next;
        }
        Some((m, reversed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::default_rule_set;

    fn found(text: &str) -> Vec<(String, String)> {
        default_rule_set()
            .find_metrics(text)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.metric))
            .collect()
    }

    #[test]
    fn trade_phrases() {
        assert_eq!(
            found("Two-way trade reached $3 billion; bilateral trade turnover grew."),
            [
                ("Two-way trade".into(), "trade_total".into()),
                ("bilateral trade turnover".into(), "trade_total".into())
            ]
        );
        assert_eq!(
            found("trade between Kazakhstan and the US; mutual\ntrade"),
            [
                ("trade between".into(), "trade_total".into()),
                ("mutual\ntrade".into(), "trade_total".into())
            ]
        );
    }

    #[test]
    fn exports_and_imports_are_one_flow() {
        let rs = default_rule_set();
        let text = "exports from Kazakhstan to the US rose, and imports of American goods fell";
        assert_eq!(
            found(text),
            [
                ("exports".into(), "exports".into()),
                ("imports".into(), "imports".into())
            ]
        );
        let entities: Vec<String> = rs.find_entities(text).into_iter().map(|m| m.id).collect();
        assert_eq!(entities, ["KZ", "US", "US"]);
        let (m, reversed) = rs.canonical_metric("imports").unwrap();
        assert_eq!((m.id.as_str(), reversed), ("exports", true));
        let (m, reversed) = rs.canonical_metric("exports").unwrap();
        assert_eq!((m.id.as_str(), reversed), ("exports", false));
        assert!(rs.metric("imports").unwrap().directional);
    }

    #[test]
    fn investment_phrases_longest_first() {
        assert_eq!(
            found("FDI stock, FDI inflows, the stock of foreign direct investment, investments"),
            [
                ("FDI stock".into(), "investment_stock".into()),
                ("FDI inflows".into(), "investment".into()),
                (
                    "stock of foreign direct investment".into(),
                    "investment_stock".into()
                ),
                ("investments".into(), "investment".into())
            ]
        );
    }

    #[test]
    fn ranks_and_case() {
        assert_eq!(
            found("the largest trading partner; 25th in Doing Business"),
            [
                (
                    "largest trading partner".into(),
                    "rank_trading_partner".into()
                ),
                ("Doing Business".into(), "rank_doing_business".into())
            ]
        );
        assert!(
            found("companies doing business in Kazakhstan")
                .iter()
                .all(|(_, m)| m != "rank_doing_business")
        );
        assert!(found("tradeturnover exporter").is_empty());
    }

    #[test]
    fn metric_properties_and_count_nouns() {
        let rs = default_rule_set();
        let tb = rs.metric("trade_balance").unwrap();
        assert!(tb.signed && tb.aggregation == Aggregation::Flow);
        assert_eq!(
            rs.metric("companies").unwrap().aggregation,
            Aggregation::Stock
        );
        assert_eq!(rs.metric("gdp_growth").unwrap().unit, MetricUnit::Percent);
        for noun in ["companies", "firm", "Businesses", "joint ventures"] {
            assert_eq!(
                rs.metric_for_count_noun(noun).unwrap().id,
                "companies",
                "{noun}"
            );
        }
        assert_eq!(rs.metric_for_count_noun("jobs").unwrap().id, "jobs");
        assert!(rs.metric_for_count_noun("tractors").is_none());
        assert!(rs.metric("nope").is_none());
    }

    #[test]
    fn count_noun_plurals() {
        assert_eq!(plural_noun("company"), "companies");
        assert_eq!(plural_noun("business"), "businesses");
        assert_eq!(plural_noun("firm"), "firms");
        assert_eq!(plural_noun("joint venture"), "joint ventures");
    }
}
