//! What the linker needs from the rules: entity and metric phrases found in a text, and what
//! each metric is. `rules::RuleSet` implements it; tests use a small in-memory lexicon.

use crate::quantity::Kind;

/// An entity named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityHit {
    /// Byte span in the text searched.
    pub start: usize,
    pub end: usize,
    /// Canonical id (`US`, `KZ`, `EU`, `CENTRAL_ASIA`).
    pub id: String,
    /// Written as a demonym or adjective (`American`, `Kazakh`).
    pub demonym: bool,
    /// Written as a possessive (`Kazakhstan's`).
    pub possessive: bool,
}

/// A metric alias found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricHit {
    pub start: usize,
    pub end: usize,
    /// Canonical metric id.
    pub metric: String,
    /// The alias as listed in the rules.
    pub alias: String,
}

/// The unit kind a metric takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Currency,
    Count,
    Percent,
    Rank,
    Any,
}

impl UnitKind {
    /// Whether a quantity of kind `k` can be a value of this metric (a percent change of a
    /// currency metric is, as a growth rate).
    pub fn accepts(self, k: Kind) -> bool {
        match self {
            Self::Any => true,
            Self::Currency => matches!(k, Kind::Currency | Kind::Percent),
            Self::Count => matches!(k, Kind::Count | Kind::Number | Kind::Percent),
            Self::Percent => matches!(k, Kind::Percent | Kind::PercentagePoints),
            Self::Rank => k == Kind::Rank,
        }
    }
}

/// How a metric adds up over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregation {
    /// Adds up over time (trade, investment): "since 2005" is the same metric over longer.
    Flow,
    /// A level at an instant (companies present, population).
    Stock,
    /// Does not add up (a share, an interest rate, a growth rate).
    Rate,
    Rank,
}

/// What the linker needs to know about a metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricInfo {
    pub id: String,
    pub unit: UnitKind,
    pub aggregation: Aggregation,
    pub directional: bool,
    /// Stated as another metric (`imports` are `exports` seen from the other side).
    pub normalize_to: Option<String>,
    /// The entity written before the alias is the destination (`Kazakhstan's imports`).
    pub reverse: bool,
}

/// The vocabulary the linker reads with.
pub trait Lexicon: Sync {
    /// Entities named in `text`, sorted, non-overlapping.
    fn entities(&self, text: &str) -> Vec<EntityHit>;
    /// Metric aliases in `text`, sorted, non-overlapping.
    fn metrics(&self, text: &str) -> Vec<MetricHit>;
    /// [`Lexicon::entities`] and [`Lexicon::metrics`] of one text: an implementation can find
    /// both in one pass.
    fn entities_and_metrics(&self, text: &str) -> (Vec<EntityHit>, Vec<MetricHit>) {
        (self.entities(text), self.metrics(text))
    }
    fn metric_info(&self, id: &str) -> Option<MetricInfo>;
    /// The count metric a counted noun names (`company` -> `companies`).
    fn metric_for_noun(&self, noun: &str) -> Option<String>;
    /// The unit kind of a metric: [`Lexicon::metric_info`]'s `unit`, which the linker asks of
    /// every alias it weighs; an implementation can answer it without building the whole info.
    fn metric_unit(&self, id: &str) -> Option<UnitKind> {
        self.metric_info(id).map(|i| i.unit)
    }
    /// Whether the entity is a country (not a bloc or an organization).
    fn is_country(&self, _id: &str) -> bool {
        true
    }
}

/// The rules as the linker reads them.
impl Lexicon for crate::rules::RuleSet {
    fn entities(&self, text: &str) -> Vec<EntityHit> {
        self.find_entities(text)
            .into_iter()
            .map(entity_hit)
            .collect()
    }

    fn metrics(&self, text: &str) -> Vec<MetricHit> {
        self.find_metrics(text)
            .into_iter()
            .map(metric_hit)
            .collect()
    }

    fn entities_and_metrics(&self, text: &str) -> (Vec<EntityHit>, Vec<MetricHit>) {
        let (entities, metrics) = self.find_entities_and_metrics(text);
        (
            entities.into_iter().map(entity_hit).collect(),
            metrics.into_iter().map(metric_hit).collect(),
        )
    }

    fn metric_info(&self, id: &str) -> Option<MetricInfo> {
        use crate::rules::metric::Aggregation as A;
        let m = self.metric(id)?;
        Some(MetricInfo {
            id: m.id.clone(),
            unit: unit_kind(m.unit),
            aggregation: match m.aggregation {
                A::Flow => Aggregation::Flow,
                A::Stock => Aggregation::Stock,
                A::Rate => Aggregation::Rate,
                A::Rank => Aggregation::Rank,
            },
            directional: m.directional,
            normalize_to: m.normalize_to.clone(),
            reverse: m.reverse,
        })
    }

    fn metric_for_noun(&self, noun: &str) -> Option<String> {
        self.metric_for_count_noun(noun).map(|m| m.id.clone())
    }

    fn metric_unit(&self, id: &str) -> Option<UnitKind> {
        self.metric(id).map(|m| unit_kind(m.unit))
    }

    fn is_country(&self, id: &str) -> bool {
        self.entity(id)
            .is_some_and(|e| e.kind == crate::rules::EntityKind::Country)
    }
}

fn entity_hit(m: crate::rules::EntityMatch) -> EntityHit {
    EntityHit {
        start: m.start,
        end: m.end,
        id: m.id,
        demonym: m.demonym,
        possessive: m.possessive,
    }
}

fn metric_hit(m: crate::rules::MetricMatch) -> MetricHit {
    MetricHit {
        start: m.start,
        end: m.end,
        metric: m.metric,
        alias: m.alias,
    }
}

/// A rule file's metric unit as the linker reads it.
fn unit_kind(unit: crate::rules::metric::MetricUnit) -> UnitKind {
    use crate::rules::metric::MetricUnit as U;
    match unit {
        U::Currency => UnitKind::Currency,
        U::Count => UnitKind::Count,
        U::Percent => UnitKind::Percent,
        U::Rank => UnitKind::Rank,
        U::Any => UnitKind::Any,
    }
}
