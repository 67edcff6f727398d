//! `rules/relations.toml`: which check kinds apply to which metrics, with their parameters.
//!
//! The check kinds are Rust code; the file only parameterizes them (Vale's `extends`). It is
//! parsed with `deny_unknown_fields`, and every mistake is reported as `file:line:column:
//! message`: syntax errors from the TOML parser, and semantic ones (a field that does not
//! apply to the check, an unknown metric id with a "did you mean", a parts-total relation
//! whose total is one of its own parts, relations whose totals and parts form a cycle) from
//! the spans kept with [`toml::Spanned`]. All errors are collected, not just the first.
//!
//! ```toml
//! schema = 1
//!
//! [[relation]]
//! id = "trade-parts"                 # shown in findings
//! check = "parts-total"              # same-value | parts-total | growth | containment | increment | rank | breakdown | share
//! total = "trade_total"
//! parts = [{ metric = "exports", direction = "forward" },
//!          { metric = "exports", direction = "reverse" }]
//! slack = "0.005"                    # relative slack on the stated total, a decimal string
//! modalities = ["actual"]            # the default: targets and forecasts are not checked
//! ```

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use super::CheckKind;
use crate::claim::{Claim, Modality};
use crate::quantity::Measure;
use crate::rules::{RuleError, did_you_mean, parse_file, sort_errors};

/// The file's schema version this code reads.
pub const SCHEMA: u32 = 1;

/// Which metrics a relation applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetricScope {
    /// `metrics = ["*"]`.
    All,
    Only(BTreeSet<String>),
}

impl MetricScope {
    pub fn contains(&self, metric: &str) -> bool {
        match self {
            Self::All => true,
            Self::Only(set) => set.contains(metric),
        }
    }
}

/// Which way a part's entities run relative to the total's (for a pair of entities).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartDirection {
    /// The total's entities as they are (categories of one flow).
    Same,
    /// The total's two entities in their order (`exports A->B` for `trade_total A-B`).
    Forward,
    /// The total's two entities reversed (`exports B->A`).
    Reverse,
}

/// One part of a parts-total relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub metric: String,
    pub direction: PartDirection,
}

/// What a relation checks, with the parameters of its check kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Params {
    /// Compare claims of one key and period; `measures` says which (levels, changes).
    SameValue { measures: Vec<Measure> },
    /// `total = part + part + ...` for the same entities and period.
    PartsTotal {
        total: String,
        parts: Vec<Part>,
        slack: Decimal,
    },
    /// level(base) x (1 + rate) = level(period), and absolute changes.
    Growth { slack: Decimal },
    /// A non-negative flow over a period >= the flow over a period inside it.
    Containment { slack: Decimal },
    /// Old total + addition = new total; the words mark additions and totals.
    Increment {
        slack: Decimal,
        addition_words: Vec<String>,
        total_words: Vec<String>,
    },
    /// Two ranks for one list and edition agree.
    Rank,
    /// The items listed under a total add up to it; each stated share is its item's part.
    Breakdown { slack: Decimal },
    /// A share stated with a figure is the figure over its whole.
    Share { slack: Decimal },
}

/// One relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub id: String,
    pub check: CheckKind,
    /// The metrics whose claims it reads (for parts-total: the total and the parts).
    pub metrics: MetricScope,
    /// Only claims of these modalities are checked (default: actual figures only).
    pub modalities: Vec<Modality>,
    pub params: Params,
}

impl Relation {
    /// True when the relation reads claims of this metric and modality.
    pub fn reads(&self, metric: &str, modality: Modality) -> bool {
        self.metrics.contains(metric) && self.modalities.contains(&modality)
    }

    /// True when the relation reads this claim.
    pub fn applies_to(&self, c: &Claim) -> bool {
        c.metric
            .as_deref()
            .is_some_and(|m| self.reads(m, c.modality))
    }
}

/// All relations, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relations {
    pub relations: Vec<Relation>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ModalityName {
    Actual,
    Target,
    Forecast,
    Plan,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum MeasureName {
    Level,
    Change,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    schema: Spanned<u32>,
    #[serde(default)]
    relation: Vec<Spanned<RawRelation>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    id: Spanned<String>,
    check: Spanned<CheckKind>,
    /// Free text for people reading the file.
    #[serde(default)]
    #[expect(dead_code, reason = "documentation for readers of the rules file")]
    description: Option<String>,
    #[serde(default)]
    metrics: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    modalities: Option<Spanned<Vec<ModalityName>>>,
    #[serde(default)]
    measures: Option<Spanned<Vec<MeasureName>>>,
    #[serde(default)]
    total: Option<Spanned<String>>,
    #[serde(default)]
    parts: Option<Spanned<Vec<Spanned<RawPart>>>>,
    #[serde(default)]
    slack: Option<Spanned<String>>,
    #[serde(default)]
    addition_words: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    total_words: Option<Spanned<Vec<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    metric: Spanned<String>,
    #[serde(default)]
    direction: Option<PartDirection>,
}

/// Collects located errors.
struct Errors<'a> {
    file: &'a str,
    text: &'a str,
    list: Vec<RuleError>,
}

impl Errors<'_> {
    fn at(&mut self, span: Range<usize>, message: String) {
        self.list
            .push(RuleError::at(self.file, self.text, span, message));
    }
}

/// A metric id referenced in the file, with where.
struct MetricRef {
    id: String,
    span: Range<usize>,
}

impl Relations {
    /// Parse and check `rules/relations.toml`.
    ///
    /// `known_metrics` says whether a metric id exists (the metrics the linker knows); every id
    /// the file names must pass it, and an unknown one is reported with the nearest known id
    /// (an edit away, or another id in the file) as a suggestion.
    ///
    /// # Errors
    /// Every mistake found, located and sorted by position.
    pub fn parse(
        file_name: &str,
        text: &str,
        known_metrics: &dyn Fn(&str) -> bool,
    ) -> Result<Self, Vec<RuleError>> {
        let raw: RawFile = parse_file(file_name, text).map_err(|e| vec![e])?;
        let mut errors = Errors {
            file: file_name,
            text,
            list: Vec::new(),
        };
        if *raw.schema.get_ref() != SCHEMA {
            errors.at(
                raw.schema.span(),
                format!(
                    "unsupported schema {}; this claimcheck reads schema {SCHEMA}",
                    raw.schema.get_ref()
                ),
            );
        }
        let mut relations = Vec::new();
        let mut refs: Vec<MetricRef> = Vec::new();
        let mut ids: HashSet<String> = HashSet::new();
        // (relation id, where its id is, total, part metrics) for the cycle check.
        let mut edges: Vec<(String, Range<usize>, String, Vec<String>)> = Vec::new();
        for r in &raw.relation {
            let r = r.get_ref();
            let id = r.id.get_ref().clone();
            if id.trim().is_empty() {
                errors.at(r.id.span(), "a relation id must not be empty".into());
            } else if !ids.insert(id.clone()) {
                errors.at(r.id.span(), format!("duplicate relation id `{id}`"));
            }
            if let Some(rel) = build(r, &mut errors, &mut refs) {
                if let Params::PartsTotal { total, parts, .. } = &rel.params {
                    edges.push((
                        id.clone(),
                        r.id.span(),
                        total.clone(),
                        parts.iter().map(|p| p.metric.clone()).collect(),
                    ));
                }
                relations.push(rel);
            }
        }
        check_cycles(&edges, &mut errors);
        let in_file: BTreeSet<&str> = refs
            .iter()
            .map(|r| r.id.as_str())
            .filter(|m| known_metrics(m))
            .collect();
        for r in &refs {
            if !known_metrics(&r.id) {
                let hint = suggest(&r.id, known_metrics, &in_file)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                errors.at(r.span.clone(), format!("unknown metric `{}`{hint}", r.id));
            }
        }
        if errors.list.is_empty() {
            Ok(Self { relations })
        } else {
            sort_errors(&mut errors.list);
            Err(errors.list)
        }
    }

    /// The relations of one check kind.
    pub fn of(&self, check: CheckKind) -> impl Iterator<Item = &Relation> {
        self.relations.iter().filter(move |r| r.check == check)
    }
}

/// Build one relation, reporting fields that are missing or do not apply.
fn build(r: &RawRelation, errors: &mut Errors<'_>, refs: &mut Vec<MetricRef>) -> Option<Relation> {
    let check = *r.check.get_ref();
    let name = check.name();
    let fields: [(&str, Option<Range<usize>>); 7] = [
        ("metrics", r.metrics.as_ref().map(Spanned::span)),
        ("measures", r.measures.as_ref().map(Spanned::span)),
        ("total", r.total.as_ref().map(Spanned::span)),
        ("parts", r.parts.as_ref().map(Spanned::span)),
        ("slack", r.slack.as_ref().map(Spanned::span)),
        (
            "addition_words",
            r.addition_words.as_ref().map(Spanned::span),
        ),
        ("total_words", r.total_words.as_ref().map(Spanned::span)),
    ];
    let (allowed, required): (&[&str], &[&str]) = match check {
        CheckKind::SameValue => (&["metrics", "measures"], &["metrics"]),
        CheckKind::PartsTotal => (&["total", "parts", "slack"], &["total", "parts"]),
        CheckKind::Growth | CheckKind::Containment | CheckKind::Breakdown | CheckKind::Share => {
            (&["metrics", "slack"], &["metrics"])
        }
        CheckKind::Increment => (
            &["metrics", "slack", "addition_words", "total_words"],
            &["metrics", "addition_words", "total_words"],
        ),
        CheckKind::Rank => (&["metrics"], &["metrics"]),
    };
    let before = errors.list.len();
    for (field, at) in &fields {
        if let Some(at) = at.clone()
            && !allowed.contains(field)
        {
            errors.at(
                at,
                format!("field `{field}` does not apply to check `{name}`"),
            );
        }
    }
    for field in required {
        if fields.iter().any(|(f, at)| f == field && at.is_none()) {
            errors.at(
                r.id.span(),
                format!(
                    "relation `{}`: check `{name}` needs field `{field}`",
                    r.id.get_ref()
                ),
            );
        }
    }
    let modalities = r.modalities.as_ref().map_or_else(
        || vec![Modality::Actual],
        |m| {
            m.get_ref()
                .iter()
                .map(|m| match m {
                    ModalityName::Actual => Modality::Actual,
                    ModalityName::Target => Modality::Target,
                    ModalityName::Forecast => Modality::Forecast,
                    ModalityName::Plan => Modality::Plan,
                })
                .collect()
        },
    );
    if let Some(m) = &r.modalities
        && m.get_ref().is_empty()
    {
        errors.at(m.span(), "`modalities` must not be empty".into());
    }
    let slack = r.slack.as_ref().map_or(Some(Decimal::ZERO), |s| {
        let parsed = Decimal::from_str(s.get_ref().trim()).ok();
        match parsed {
            Some(v) if !v.is_sign_negative() && v < Decimal::new(5, 1) => Some(v),
            _ => {
                errors.at(
                    s.span(),
                    format!(
                        "slack must be a decimal string in [0, 0.5), a fraction of the total (\"0.005\" is 0.5%), not {:?}",
                        s.get_ref()
                    ),
                );
                None
            }
        }
    });
    let metrics = scope(r.metrics.as_ref(), errors, refs);
    let params = match check {
        CheckKind::SameValue => Params::SameValue {
            measures: r.measures.as_ref().map_or_else(
                || vec![Measure::Level],
                |m| {
                    m.get_ref()
                        .iter()
                        .map(|m| match m {
                            MeasureName::Level => Measure::Level,
                            MeasureName::Change => Measure::Change,
                        })
                        .collect()
                },
            ),
        },
        CheckKind::PartsTotal => {
            let total = r.total.as_ref().map(|t| {
                refs.push(MetricRef {
                    id: t.get_ref().clone(),
                    span: t.span(),
                });
                t.get_ref().clone()
            });
            let parts: Vec<Part> = r.parts.as_ref().map_or_else(Vec::new, |ps| {
                ps.get_ref()
                    .iter()
                    .map(|p| {
                        let p = p.get_ref();
                        refs.push(MetricRef {
                            id: p.metric.get_ref().clone(),
                            span: p.metric.span(),
                        });
                        Part {
                            metric: p.metric.get_ref().clone(),
                            direction: p.direction.unwrap_or(PartDirection::Same),
                        }
                    })
                    .collect()
            });
            if let Some(ps) = &r.parts
                && ps.get_ref().len() < 2
            {
                errors.at(
                    ps.span(),
                    "a parts-total relation needs at least two parts".into(),
                );
            }
            if let (Some(t), Some(ps)) = (&r.total, &r.parts) {
                for p in ps.get_ref() {
                    if p.get_ref().metric.get_ref() == t.get_ref() {
                        errors.at(
                            p.get_ref().metric.span(),
                            format!(
                                "relation `{}` refers to itself: `{}` is both the total and one of its parts",
                                r.id.get_ref(),
                                t.get_ref()
                            ),
                        );
                    }
                }
            }
            Params::PartsTotal {
                total: total.unwrap_or_default(),
                parts,
                slack: slack.unwrap_or_default(),
            }
        }
        CheckKind::Growth => Params::Growth {
            slack: slack.unwrap_or_default(),
        },
        CheckKind::Containment => Params::Containment {
            slack: slack.unwrap_or_default(),
        },
        CheckKind::Increment => {
            let words = |w: Option<&Spanned<Vec<String>>>, errors: &mut Errors<'_>, field: &str| {
                let list: Vec<String> = w.map_or_else(Vec::new, |w| {
                    w.get_ref().iter().map(|s| normalize_words(s)).collect()
                });
                if let Some(w) = w
                    && list.iter().any(String::is_empty)
                {
                    errors.at(w.span(), format!("`{field}` must not hold empty phrases"));
                }
                list
            };
            Params::Increment {
                slack: slack.unwrap_or_default(),
                addition_words: words(r.addition_words.as_ref(), errors, "addition_words"),
                total_words: words(r.total_words.as_ref(), errors, "total_words"),
            }
        }
        CheckKind::Rank => Params::Rank,
        CheckKind::Breakdown => Params::Breakdown {
            slack: slack.unwrap_or_default(),
        },
        CheckKind::Share => Params::Share {
            slack: slack.unwrap_or_default(),
        },
    };
    let metrics = match &params {
        Params::PartsTotal { total, parts, .. } => MetricScope::Only(
            std::iter::once(total.clone())
                .chain(parts.iter().map(|p| p.metric.clone()))
                .collect(),
        ),
        _ => metrics.unwrap_or(MetricScope::All),
    };
    (errors.list.len() == before).then(|| Relation {
        id: r.id.get_ref().clone(),
        check,
        metrics,
        modalities,
        params,
    })
}

/// The `metrics` field: `["*"]` or a list of ids.
fn scope(
    m: Option<&Spanned<Vec<Spanned<String>>>>,
    errors: &mut Errors<'_>,
    refs: &mut Vec<MetricRef>,
) -> Option<MetricScope> {
    let m = m?;
    let list = m.get_ref();
    if list.iter().any(|s| s.get_ref() == "*") {
        if list.len() > 1 {
            errors.at(
                m.span(),
                "`*` (every metric) must be the only entry of `metrics`".into(),
            );
        }
        return Some(MetricScope::All);
    }
    if list.is_empty() {
        errors.at(
            m.span(),
            "`metrics` must not be empty (use [\"*\"] for every metric)".into(),
        );
    }
    for s in list {
        refs.push(MetricRef {
            id: s.get_ref().clone(),
            span: s.span(),
        });
    }
    Some(MetricScope::Only(
        list.iter().map(|s| s.get_ref().clone()).collect(),
    ))
}

/// Lower case, single spaces.
pub fn normalize_words(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A step of the metric graph: (metric, relation id, where the relation's id is).
type Edge<'g> = (&'g str, &'g str, Range<usize>);

/// Report the cycles that parts-total relations form through their metrics: a total whose
/// part is (through other relations) made of that total could never be checked soundly.
fn check_cycles(edges: &[(String, Range<usize>, String, Vec<String>)], errors: &mut Errors<'_>) {
    // metric -> [(part metric, relation id, where the relation's id is)]
    let mut graph: BTreeMap<&str, Vec<Edge<'_>>> = BTreeMap::new();
    for (id, span, total, parts) in edges {
        for p in parts {
            if p != total {
                graph.entry(total).or_default().push((p, id, span.clone()));
            }
        }
    }
    let mut done: HashSet<&str> = HashSet::new();
    let mut reported: HashSet<Vec<&str>> = HashSet::new();
    let starts: Vec<&str> = graph.keys().copied().collect();
    for start in starts {
        let mut path: Vec<Edge<'_>> = Vec::new();
        visit(start, &graph, &mut path, &mut done, &mut reported, errors);
    }
}

/// Depth-first search; `path` holds (metric, relation into the next metric, its offset).
fn visit<'g>(
    node: &'g str,
    graph: &BTreeMap<&'g str, Vec<Edge<'g>>>,
    path: &mut Vec<Edge<'g>>,
    done: &mut HashSet<&'g str>,
    reported: &mut HashSet<Vec<&'g str>>,
    errors: &mut Errors<'_>,
) {
    if done.contains(node) {
        return;
    }
    if let Some(i) = path.iter().position(|(m, _, _)| *m == node) {
        let cycle = &path[i..];
        let mut members: Vec<&str> = cycle.iter().map(|(m, _, _)| *m).collect();
        members.sort_unstable();
        if reported.insert(members) {
            let metrics: Vec<&str> = cycle.iter().map(|(m, _, _)| *m).chain([node]).collect();
            let mut rels: Vec<&str> = cycle.iter().map(|(_, r, _)| *r).collect();
            rels.dedup();
            // At the relation that closes the cycle (the last one in the file).
            let at = cycle
                .iter()
                .map(|(_, _, o)| o.clone())
                .max_by_key(|o| o.start)
                .unwrap_or(0..0);
            errors.at(
                at,
                format!(
                    "relations form a cycle: {} (relations {})",
                    metrics.join(" -> "),
                    rels.iter()
                        .map(|r| format!("`{r}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        return;
    }
    for (next, rel, span) in graph.get(node).map_or(&[][..], Vec::as_slice) {
        path.push((node, rel, span.clone()));
        visit(next, graph, path, done, reported, errors);
        path.pop();
    }
    // Fully explored: any cycle through it has been found.
    done.insert(node);
}

/// A known id close to an unknown one: one edit away (probing `known`), else the nearest
/// known id named elsewhere in the file.
fn suggest(
    unknown: &str,
    known: &dyn Fn(&str) -> bool,
    in_file: &BTreeSet<&str>,
) -> Option<String> {
    const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz0123456789_";
    let chars: Vec<char> = unknown.chars().collect();
    let mut candidates: BTreeSet<String> = BTreeSet::new();
    let lower = unknown.to_lowercase();
    if known(&lower) {
        candidates.insert(lower);
    }
    for i in 0..=chars.len() {
        let (a, b) = chars.split_at(i);
        let head: String = a.iter().collect();
        if let Some((_, rest)) = b.split_first() {
            candidates.insert(format!("{head}{}", rest.iter().collect::<String>()));
            if let Some((&second, tail)) = rest.split_first() {
                let mut s = head.clone();
                s.push(second);
                s.push(b[0]);
                s.extend(tail);
                candidates.insert(s);
            }
        }
        for ch in ALPHABET.chars() {
            let tail: String = b.iter().collect();
            candidates.insert(format!("{head}{ch}{tail}"));
            if let Some((_, rest)) = b.split_first() {
                candidates.insert(format!("{head}{ch}{}", rest.iter().collect::<String>()));
            }
        }
    }
    candidates.remove(unknown);
    if let Some(c) = candidates.into_iter().find(|c| known(c)) {
        return Some(c);
    }
    did_you_mean(unknown, in_file.iter().copied()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &[
        "trade_total",
        "exports",
        "investment",
        "aid",
        "funding",
        "rank_trading_partner",
        "a",
        "b",
        "c",
    ];

    fn known(m: &str) -> bool {
        KNOWN.contains(&m)
    }

    /// Errors as `file:line:column: message`, without the snippet.
    fn parse(text: &str) -> Result<Relations, Vec<String>> {
        Relations::parse("relations.toml", text, &known).map_err(|e| {
            e.iter()
                .map(|e| {
                    format!(
                        "{}:{}:{}: {}",
                        e.file,
                        e.line.unwrap(),
                        e.column.unwrap(),
                        e.message
                    )
                })
                .collect()
        })
    }

    /// The metric ids of the bundled `metrics.toml`.
    fn bundled_metric_ids() -> Vec<String> {
        let metrics: toml::Table =
            toml::from_str(include_str!("../../rules/metrics.toml")).unwrap();
        metrics["metric"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn the_shipped_file_parses_with_the_bundled_metrics() {
        let ids = bundled_metric_ids();
        let known = |m: &str| ids.iter().any(|i| i == m);
        let text = include_str!("../../rules/relations.toml");
        let r = Relations::parse("relations.toml", text, &known).unwrap_or_else(|e| {
            panic!(
                "{}",
                e.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        for check in [
            CheckKind::SameValue,
            CheckKind::PartsTotal,
            CheckKind::Growth,
            CheckKind::Containment,
            CheckKind::Increment,
            CheckKind::Rank,
            CheckKind::Breakdown,
            CheckKind::Share,
        ] {
            assert!(
                r.of(check).next().is_some(),
                "no {check:?} relation shipped"
            );
        }
        let parts = r.of(CheckKind::PartsTotal).next().unwrap();
        assert_eq!(
            parts.params,
            Params::PartsTotal {
                total: "trade_total".into(),
                parts: vec![
                    Part {
                        metric: "exports".into(),
                        direction: PartDirection::Forward
                    },
                    Part {
                        metric: "exports".into(),
                        direction: PartDirection::Reverse
                    },
                ],
                slack: Decimal::new(5, 3),
            }
        );
    }

    #[test]
    fn unknown_fields_are_located() {
        let e = parse("schema = 1\n[[relation]]\nid = \"x\"\ncheck = \"rank\"\nmetrics = [\"a\"]\ntolerance = \"1\"\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("relations.toml:6:1: unknown field `tolerance`"),
            "{e:?}"
        );
        let e = parse("schema = 1\n[[relation]]\nid = \"x\"\ncheck = \"sum\"\n").unwrap_err();
        assert!(
            e[0].starts_with("relations.toml:4:9: unknown variant `sum`"),
            "{e:?}"
        );
    }

    #[test]
    fn unknown_metrics_get_a_suggestion() {
        let e = parse("schema = 1\n[[relation]]\nid = \"x\"\ncheck = \"containment\"\nmetrics = [\"trade_total\", \"export\", \"aidd\", \"zzz\"]\n").unwrap_err();
        assert_eq!(
            e,
            vec![
                "relations.toml:5:27: unknown metric `export`; did you mean `exports`?",
                "relations.toml:5:37: unknown metric `aidd`; did you mean `aid`?",
                "relations.toml:5:45: unknown metric `zzz`",
            ]
        );
    }

    #[test]
    fn semantic_mistakes_are_all_reported() {
        let text = "schema = 2
[[relation]]
id = \"x\"
check = \"growth\"
metrics = [\"*\"]
parts = [{ metric = \"a\" }, { metric = \"b\" }]
slack = \"5%\"

[[relation]]
id = \"x\"
check = \"parts-total\"
total = \"a\"
";
        let e = parse(text).unwrap_err();
        assert_eq!(
            e,
            vec![
                "relations.toml:1:10: unsupported schema 2; this claimcheck reads schema 1",
                "relations.toml:6:9: field `parts` does not apply to check `growth`",
                "relations.toml:7:9: slack must be a decimal string in [0, 0.5), a fraction of the total (\"0.005\" is 0.5%), not \"5%\"",
                "relations.toml:10:6: duplicate relation id `x`",
                "relations.toml:10:6: relation `x`: check `parts-total` needs field `parts`",
            ]
        );
    }

    #[test]
    fn a_relation_that_refers_to_itself_is_rejected() {
        let e = parse("schema = 1\n[[relation]]\nid = \"loop\"\ncheck = \"parts-total\"\ntotal = \"a\"\nparts = [{ metric = \"a\" }, { metric = \"b\" }]\n").unwrap_err();
        assert_eq!(
            e,
            vec![
                "relations.toml:6:21: relation `loop` refers to itself: `a` is both the total and one of its parts"
            ]
        );
    }

    #[test]
    fn cycles_are_named() {
        let text = "schema = 1
[[relation]]
id = \"ab\"
check = \"parts-total\"
total = \"a\"
parts = [{ metric = \"b\" }, { metric = \"c\" }]

[[relation]]
id = \"ba\"
check = \"parts-total\"
total = \"b\"
parts = [{ metric = \"a\" }, { metric = \"c\" }]
";
        let e = parse(text).unwrap_err();
        assert_eq!(
            e,
            vec!["relations.toml:9:6: relations form a cycle: a -> b -> a (relations `ab`, `ba`)"]
        );
    }

    #[test]
    fn errors_show_the_line() {
        let e = Relations::parse(
            "relations.toml",
            "schema = 1\n[[relation]]\nid = \"x\"\ncheck = \"rank\"\nmetrics = [\"aidd\"]\n",
            &known,
        )
        .unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "relations.toml:5:12: unknown metric `aidd`; did you mean `aid`?\n  |\n5 | metrics = [\"aidd\"]\n  |            ^^^^^^"
        );
    }

    #[test]
    fn defaults_apply() {
        let r = parse(
            "schema = 1\n[[relation]]\nid = \"sv\"\ncheck = \"same-value\"\nmetrics = [\"*\"]\n",
        )
        .unwrap();
        let rel = &r.relations[0];
        assert_eq!(rel.metrics, MetricScope::All);
        assert_eq!(rel.modalities, vec![Modality::Actual]);
        assert_eq!(
            rel.params,
            Params::SameValue {
                measures: vec![Measure::Level]
            }
        );
    }
}
