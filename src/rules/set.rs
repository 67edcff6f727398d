//! The rule set: the bundled rules, then every `*.toml` of each user directory, layered.
//!
//! A rule file holds any of `[[metric]]`, `[[entity]]`, `[[fiscal_year]]`,
//! `default_fiscal_year_start` and `not_entities`, plus `schema = 1`. A later file adds ids,
//! adds aliases to an existing id (`extend = true`) or redefines it (`replace = true`); the
//! same id again without either is an error. A user file named `currencies.toml` or
//! `qualifiers.toml` replaces that bundled vocabulary file whole (those formats do not layer).
//!
//! Every file is parsed in full and every error of every file is reported, sorted by file and
//! position, so one run shows all there is to fix.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::RuleError;
use super::entity::{Entities, Entity, EntityKind, EntityMatch, EntityRule, ISO_ORIGIN, Target};
use super::error::{Source, sort_errors, suggestion, toml_error};
use super::fiscal::{FiscalYearRule, FiscalYears, Month};
use super::matcher::{Case, Hit, Normalized, Phrase, PhraseMatcher};
use super::metric::{Metric, MetricMatch, MetricRule, Metrics};
use super::{
    Currencies, CurrencyFile, DEFAULT_RULES, QualifierFile, Qualifiers, Vocabulary, parse_file,
};

const CURRENCIES: &str = "currencies.toml";
const QUALIFIERS: &str = "qualifiers.toml";
/// The rule engine's relations: parsed by `engine::Relations` once the metrics are known.
const RELATIONS: &str = "relations.toml";

/// The top-level keys of a rule file.
const TOP_KEYS: &[&str] = &[
    "schema",
    "metric",
    "entity",
    "fiscal_year",
    "default_fiscal_year_start",
    "not_entities",
];

/// Everything claimcheck reads documents with: number vocabulary, metrics, entities and
/// fiscal calendars. Matchers are compiled once, at load.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Currencies and qualifiers, as the quantity parser uses them.
    pub vocab: Vocabulary,
    metrics: Metrics,
    entities: Entities,
    /// The entities' and the metrics' phrases in one automaton: a sentence is read once for
    /// both.
    phrases: PhraseMatcher<Vocab>,
    fiscal: FiscalYears,
    /// Origins of the files loaded, in load order.
    files: Vec<String>,
    currency_origin: String,
    currency_rules: usize,
    default_dollar: String,
    qualifier_origin: String,
    /// The relations the rule engine checks (`rules/relations.toml`).
    pub relations: crate::engine::Relations,
}

/// What a phrase of the shared matcher stands for.
#[derive(Debug, Clone, Copy)]
enum Vocab {
    /// An entity's alias or demonym, or a phrase that blocks entities.
    Entity(Target),
    /// A metric's alias: (metric, alias) indexes.
    Metric(usize, usize),
}

impl Vocab {
    /// The class of a phrase for [`PhraseMatcher::find_split`]: entities 0, metrics 1.
    fn class(self) -> usize {
        match self {
            Self::Entity(_) => 0,
            Self::Metric(..) => 1,
        }
    }

    /// A hit of an entity phrase, as `Entities::matches` reads it (the entities' class holds
    /// nothing else).
    fn entity_hit(h: Hit<'_, Self>) -> Option<(usize, usize, Target)> {
        match *h.value {
            Self::Entity(t) => Some((h.start, h.end, t)),
            Self::Metric(..) => None,
        }
    }

    /// A hit of a metric alias, as `Metrics::matches` reads it.
    fn metric_hit(h: Hit<'_, Self>) -> Option<(usize, usize, (usize, usize))> {
        match *h.value {
            Self::Metric(m, a) => Some((h.start, h.end, (m, a))),
            Self::Entity(_) => None,
        }
    }
}

/// The parts of one rule file, each entry parsed on its own so one bad entry does not hide
/// the errors of the others.
#[derive(Default)]
struct RawFile {
    metric: Vec<MetricRule>,
    entity: Vec<EntityRule>,
    fiscal_year: Vec<FiscalYearRule>,
    default_fiscal_year_start: Option<Spanned<Month>>,
    not_entities: Vec<Spanned<String>>,
}

impl RuleSet {
    /// The bundled rules, then every `*.toml` in each of `user_dirs` (sorted by name).
    /// With `no_defaults`, the bundled metrics, entities (the ISO country list included) and
    /// fiscal years are left out; the number vocabulary stays unless a user directory
    /// replaces it.
    ///
    /// # Errors
    /// Every problem in every file, sorted by file and position.
    pub fn load(user_dirs: &[PathBuf], no_defaults: bool) -> Result<Self, Vec<RuleError>> {
        let mut errors = Vec::new();
        let mut files = Vec::new();
        for dir in user_dirs {
            let shown = dir.display().to_string();
            let entries = match std::fs::read_dir(dir) {
                Ok(rd) => rd,
                Err(e) => {
                    errors.push(RuleError::file(
                        shown,
                        format!("cannot read rules directory: {e}"),
                    ));
                    continue;
                }
            };
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect();
            paths.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
            for p in paths {
                let name = p.display().to_string();
                match std::fs::read_to_string(&p) {
                    Ok(text) => files.push((name, text)),
                    Err(e) => errors.push(RuleError::file(name, format!("cannot read: {e}"))),
                }
            }
        }
        Self::build(files, no_defaults, errors)
    }

    /// The bundled rules alone.
    ///
    /// # Errors
    /// Only if a bundled file is broken, which the unit tests rule out.
    pub fn defaults() -> Result<Self, Vec<RuleError>> {
        Self::build(Vec::new(), false, Vec::new())
    }

    /// Like [`RuleSet::load`], with the user files given as (name, text) pairs, in load order.
    ///
    /// # Errors
    /// Every problem in every file, sorted by file and position.
    pub fn from_texts(files: &[(&str, &str)], no_defaults: bool) -> Result<Self, Vec<RuleError>> {
        let files = files
            .iter()
            .map(|(n, t)| ((*n).to_string(), (*t).to_string()))
            .collect();
        Self::build(files, no_defaults, Vec::new())
    }

    fn build(
        user: Vec<(String, String)>,
        no_defaults: bool,
        mut errors: Vec<RuleError>,
    ) -> Result<Self, Vec<RuleError>> {
        let base = |n: &str| {
            Path::new(n)
                .file_name()
                .and_then(|f| f.to_str())
                .map(str::to_string)
        };
        let bundled = |want: &str| {
            DEFAULT_RULES
                .iter()
                .find(|(n, _)| *n == want)
                .map(|(n, t)| ((*n).to_string(), format!("bundled:{n}"), (*t).to_string()))
        };
        let mut currency_src = bundled(CURRENCIES);
        let mut qualifier_src = bundled(QUALIFIERS);
        // The bundled relations name bundled metrics: without those, none apply.
        let mut relations_src = if no_defaults {
            None
        } else {
            bundled(RELATIONS)
        };
        let mut sources: Vec<Source> = Vec::new();
        if !no_defaults {
            for (name, text) in DEFAULT_RULES {
                if *name != CURRENCIES && *name != QUALIFIERS && *name != RELATIONS {
                    sources.push(Source {
                        name: (*name).to_string(),
                        origin: format!("bundled:{name}"),
                        text: (*text).to_string(),
                    });
                }
            }
        }
        for (name, text) in user {
            match base(&name).as_deref() {
                Some(CURRENCIES) => currency_src = Some((name.clone(), name, text)),
                Some(QUALIFIERS) => qualifier_src = Some((name.clone(), name, text)),
                Some(RELATIONS) => relations_src = Some((name.clone(), name, text)),
                _ => sources.push(Source {
                    origin: name.clone(),
                    name,
                    text,
                }),
            }
        }

        let vocab = vocabulary(currency_src.as_ref(), qualifier_src.as_ref(), &mut errors);

        let mut entities = if no_defaults {
            Entities::default()
        } else {
            Entities::with_iso()
        };
        let mut metrics = Metrics::default();
        let mut fiscal = FiscalYears::default();
        for i in 0..sources.len() {
            let Some(raw) = parse_rules(&sources[i], &mut errors) else {
                continue;
            };
            for rule in raw.entity {
                entities.apply(rule, i, &sources, &mut errors);
            }
            for b in raw.not_entities {
                let span = b.span();
                entities.blockers.push((
                    super::matcher::normalize_phrase(b.get_ref()),
                    super::error::Loc { src: i, span },
                ));
            }
            for rule in raw.metric {
                metrics.apply(rule, i, &sources, &mut errors);
            }
            fiscal.apply(
                raw.fiscal_year,
                raw.default_fiscal_year_start,
                i,
                &sources,
                &mut errors,
            );
        }
        entities.finish(&sources, &mut errors);
        metrics.finish(&sources, &mut errors);
        let entity_phrases = entities.phrases().into_iter().map(|p| Phrase {
            text: p.text,
            case: p.case,
            value: Vocab::Entity(p.value),
        });
        let metric_phrases = metrics.phrases().into_iter().map(|p| Phrase {
            text: p.text,
            case: p.case,
            value: Vocab::Metric(p.value.0, p.value.1),
        });
        let phrases = match PhraseMatcher::build(entity_phrases.chain(metric_phrases).collect()) {
            Ok(m) => m,
            Err(e) => {
                errors.push(RuleError::file("entities and metrics", e));
                PhraseMatcher::default()
            }
        };
        fiscal.check(&entities, &sources, &mut errors);
        // Relations refer to metrics: parse them once every metric is known.
        let relations = match &relations_src {
            Some((name, _, text)) => {
                match crate::engine::Relations::parse(name, text, &|m| metrics.get(m).is_some()) {
                    Ok(r) => r,
                    Err(e) => {
                        errors.extend(e);
                        crate::engine::Relations::default()
                    }
                }
            }
            None => crate::engine::Relations::default(),
        };

        let Some((vocab, currency_rules, default_dollar)) = vocab else {
            sort_errors(&mut errors);
            return Err(errors);
        };
        if !errors.is_empty() {
            sort_errors(&mut errors);
            return Err(errors);
        }
        let mut files: Vec<String> = Vec::new();
        for (_, origin, _) in [&currency_src, &qualifier_src, &relations_src]
            .into_iter()
            .flatten()
        {
            files.push(origin.clone());
        }
        if !no_defaults {
            files.push(ISO_ORIGIN.to_string());
        }
        files.extend(sources.iter().map(|s| s.origin.clone()));
        Ok(Self {
            vocab,
            metrics,
            entities,
            phrases,
            fiscal,
            files,
            currency_origin: currency_src.map(|c| c.1).unwrap_or_default(),
            currency_rules,
            default_dollar,
            qualifier_origin: qualifier_src.map(|q| q.1).unwrap_or_default(),
            relations,
        })
    }

    /// Entity mentions: byte offsets, sorted, non-overlapping, leftmost-longest, on word
    /// bounds.
    pub fn find_entities(&self, text: &str) -> Vec<EntityMatch> {
        let norm = Normalized::new(text);
        let [hits] = self
            .phrases
            .find_split::<1>(&norm, |v| (v.class() == 0).then_some(0));
        self.entities
            .matches(&norm, hits.into_iter().filter_map(Vocab::entity_hit))
    }

    /// Metric aliases in `text`: case-insensitive, on word bounds, leftmost-longest.
    pub fn find_metrics(&self, text: &str) -> Vec<MetricMatch> {
        let norm = Normalized::new(text);
        let [hits] = self
            .phrases
            .find_split::<1>(&norm, |v| (v.class() == 1).then_some(0));
        self.metrics
            .matches(&norm, hits.into_iter().filter_map(Vocab::metric_hit))
    }

    /// [`Self::find_entities`] and [`Self::find_metrics`] in one pass over `text`.
    pub fn find_entities_and_metrics(&self, text: &str) -> (Vec<EntityMatch>, Vec<MetricMatch>) {
        let norm = Normalized::new(text);
        let [entities, metrics] = self.phrases.find_split::<2>(&norm, |v| Some(v.class()));
        (
            self.entities
                .matches(&norm, entities.into_iter().filter_map(Vocab::entity_hit)),
            self.metrics
                .matches(&norm, metrics.into_iter().filter_map(Vocab::metric_hit)),
        )
    }

    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.get(id)
    }

    /// All metrics, in definition order.
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics.list
    }

    /// The metric a figure is compared as (following `normalize_to`), and whether its
    /// entities' order flips: `imports` -> (`exports`, true).
    pub fn canonical_metric(&self, id: &str) -> Option<(&Metric, bool)> {
        self.metrics.canonical(id)
    }

    /// The count metric whose counted noun this is (`companies` -> `companies`).
    pub fn metric_for_count_noun(&self, noun: &str) -> Option<&Metric> {
        self.metrics.by_count_noun(noun)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.get(id)
    }

    /// All entities: ISO countries first, then rule-file entities in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities.list
    }

    /// The month (1-12) the entity's fiscal year starts in; the default (January) for an
    /// entity without one. FY2021 starting in October runs 2020-10-01..2021-09-30.
    pub fn fiscal_year_start(&self, entity: &str) -> u8 {
        self.fiscal.start(entity).number()
    }

    /// A readable listing of the rule set, for `claimcheck rules`.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Rule files, in load order:");
        for f in &self.files {
            let _ = writeln!(out, "  {f}");
        }
        let _ = writeln!(out, "\nMetrics ({}):", self.metrics.list.len());
        for m in &self.metrics.list {
            let dir = if m.directional {
                "directional"
            } else {
                "symmetric"
            };
            let sign = if m.signed { ", signed" } else { "" };
            let _ = write!(
                out,
                "  {:<22} {:<5} {:<8} {dir}{sign}",
                m.id,
                m.aggregation.as_str(),
                m.unit.as_str(),
            );
            if let Some(t) = &m.normalize_to {
                let rev = if m.reverse { ", reversed" } else { "" };
                let _ = write!(out, " (compared as {t}{rev})");
            }
            let _ = writeln!(out, "  [{}]", origin_list(&m.origin, &m.extended_by));
            let _ = writeln!(out, "      {}", m.name);
            let aliases: Vec<String> = m.aliases.iter().map(alias_shown).collect();
            let _ = writeln!(out, "      aliases: {}", aliases.join(", "));
            if !m.counts.is_empty() {
                let _ = writeln!(out, "      counts: {}", m.counts.join(", "));
            }
        }
        let mut kinds: BTreeMap<EntityKind, usize> = BTreeMap::new();
        let mut origins: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &self.entities.list {
            *kinds.entry(e.kind).or_default() += 1;
            *origins.entry(&e.origin).or_default() += 1;
        }
        let kinds: Vec<String> = kinds
            .iter()
            .map(|(k, n)| format!("{n} {}", plural_kind(*k, *n)))
            .collect();
        let _ = writeln!(
            out,
            "\nEntities ({}): {}; {} phrases, {} of them not entities",
            self.entities.list.len(),
            kinds.join(", "),
            self.phrases.len_where(|v| v.class() == 0),
            self.entities.blockers.len()
        );
        for (o, n) in &origins {
            let _ = writeln!(out, "  {n} from {o}");
        }
        let blocs: Vec<String> = self
            .entities
            .list
            .iter()
            .filter(|e| e.kind != EntityKind::Country)
            .map(|e| e.id.clone())
            .collect();
        if !blocs.is_empty() {
            let _ = writeln!(out, "  blocs and organizations: {}", blocs.join(", "));
        }
        let _ = writeln!(
            out,
            "\nFiscal years: starting in {} unless listed [{}]",
            self.fiscal.default.name(),
            self.fiscal.default_origin
        );
        let mut by_month: BTreeMap<u8, Vec<&str>> = BTreeMap::new();
        for (e, (m, _)) in &self.fiscal.by_entity {
            by_month.entry(m.number()).or_default().push(e);
        }
        for (month, mut ids) in by_month {
            ids.sort_unstable();
            let name = self
                .fiscal
                .by_entity
                .get(ids[0])
                .map_or("", |(m, _)| m.name());
            let _ = writeln!(out, "  {month:>2} {name:<9} {}", ids.join(", "));
        }
        let q = &self.vocab.qualifiers;
        let _ = writeln!(
            out,
            "\nCurrencies: {} ISO 4217 codes, {} with symbols or names in the rules; `$` is {} \
             [{}]",
            iso_currency::Currency::iter().count(),
            self.currency_rules,
            self.default_dollar,
            self.currency_origin
        );
        let _ = writeln!(
            out,
            "Qualifiers: {} before a figure, {} after, {} vague magnitudes; tolerance approx {}, \
             nearly {} [{}]",
            q.before.len(),
            q.after.len(),
            q.vague.len(),
            q.approx(),
            q.nearly(),
            self.qualifier_origin
        );
        out
    }
}

use iso_currency::IntoEnumIterator as _;

fn plural_kind(k: EntityKind, n: usize) -> &'static str {
    match (k, n == 1) {
        (EntityKind::Country, true) => "country",
        (EntityKind::Country, false) => "countries",
        (EntityKind::Bloc, true) => "bloc",
        (EntityKind::Bloc, false) => "blocs",
        (EntityKind::Organization, true) => "organization",
        (EntityKind::Organization, false) => "organizations",
    }
}

fn origin_list(origin: &str, extended: &[String]) -> String {
    if extended.is_empty() {
        origin.to_string()
    } else {
        format!("{origin}, extended by {}", extended.join(", "))
    }
}

fn alias_shown(a: &super::entity::Alias) -> String {
    match a.case {
        Case::Capitalized => format!("{} (capitalized)", a.text),
        _ => a.text.clone(),
    }
}

/// Validate a directory of rule files on top of the bundled rules.
pub fn check_dir(dir: &Path) -> Vec<RuleError> {
    RuleSet::load(&[dir.to_path_buf()], false)
        .err()
        .unwrap_or_default()
}

/// The bundled rule set, built once per process.
///
/// # Panics
/// If a bundled file is broken, which the unit tests rule out.
pub fn default_rule_set() -> &'static RuleSet {
    static SET: std::sync::LazyLock<RuleSet> = std::sync::LazyLock::new(|| {
        RuleSet::defaults().unwrap_or_else(|e| {
            let all: Vec<String> = e.iter().map(ToString::to_string).collect();
            panic!("bundled rules are broken:\n{}", all.join("\n"))
        })
    });
    &SET
}

/// Build the vocabulary; `None` if either file is broken (errors pushed).
fn vocabulary(
    currencies: Option<&(String, String, String)>,
    qualifiers: Option<&(String, String, String)>,
    errors: &mut Vec<RuleError>,
) -> Option<(Vocabulary, usize, String)> {
    let missing = |f: &str| RuleError::file(f, "missing from the bundled rules");
    let c = currencies.ok_or_else(|| missing(CURRENCIES));
    let q = qualifiers.ok_or_else(|| missing(QUALIFIERS));
    let c = c.and_then(|(n, _, t)| {
        let file = parse_file::<CurrencyFile>(n, t)?;
        Ok((
            Currencies::build(&file)?,
            file.currency.len(),
            file.default_dollar,
        ))
    });
    let q = q.and_then(|(n, _, t)| Qualifiers::build(&parse_file::<QualifierFile>(n, t)?));
    match (c, q) {
        (Ok((currencies, rules, dollar)), Ok(qualifiers)) => {
            Some((Vocabulary::new(currencies, qualifiers), rules, dollar))
        }
        (c, q) => {
            errors.extend(c.err());
            errors.extend(q.err());
            None
        }
    }
}

/// Parse one rule file: all syntax errors, or each entry on its own.
fn parse_rules(src: &Source, errors: &mut Vec<RuleError>) -> Option<RawFile> {
    let (table, syntax) = DeTable::parse_recoverable(&src.text);
    if !syntax.is_empty() {
        // The parser recovers and goes on, but a second error on the same line is an echo of
        // the first ("missing comma" then "unclosed array"): keep the first of each line.
        let mut last_line = None;
        for e in &syntax {
            let e = toml_error(&src.name, &src.text, e);
            if e.line.is_none() || e.line != last_line {
                last_line = e.line;
                errors.push(e);
            }
        }
        return None;
    }
    let mut raw = RawFile::default();
    let mut schema = false;
    for (key, value) in table.into_inner() {
        match key.get_ref().as_ref() {
            "schema" => {
                schema = true;
                if let Some(v) = one::<Spanned<u32>>(src, value, errors)
                    && *v.get_ref() != 1
                {
                    errors.push(src.error(
                        v.span(),
                        format!(
                            "unsupported schema {}; this claimcheck reads schema 1",
                            v.get_ref()
                        ),
                    ));
                }
            }
            "metric" => raw.metric = many(src, value, errors),
            "entity" => raw.entity = many(src, value, errors),
            "fiscal_year" => raw.fiscal_year = many(src, value, errors),
            "default_fiscal_year_start" => raw.default_fiscal_year_start = one(src, value, errors),
            "not_entities" => raw.not_entities = many(src, value, errors),
            other => {
                let msg = format!(
                    "unknown key `{other}`, expected one of {}{}",
                    TOP_KEYS
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    suggestion(other, TOP_KEYS.iter().copied())
                );
                errors.push(src.error(key.span(), msg));
            }
        }
    }
    if !schema {
        errors.push(src.error(0..0, "missing `schema = 1` at the top of the file"));
    }
    Some(raw)
}

fn one<T: DeserializeOwned>(
    src: &Source,
    value: Spanned<DeValue<'_>>,
    errors: &mut Vec<RuleError>,
) -> Option<T> {
    T::deserialize(ValueDeserializer::from(value))
        .map_err(|e| errors.push(toml_error(&src.name, &src.text, &e)))
        .ok()
}

fn many<T: DeserializeOwned>(
    src: &Source,
    value: Spanned<DeValue<'_>>,
    errors: &mut Vec<RuleError>,
) -> Vec<T> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(mut items) => items
            .iter_mut()
            .filter_map(|v| {
                let v = std::mem::replace(v, Spanned::new(0..0, DeValue::Boolean(false)));
                one(src, v, errors)
            })
            .collect(),
        other => one::<Vec<T>>(src, Spanned::new(span, other), errors).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example documents, a line at a time, and lines written to put the two vocabularies'
    /// phrases on top of each other.
    fn texts() -> Vec<String> {
        let docs = [
            include_str!("../../examples/01-blinken-astana-wire.md"),
            include_str!("../../examples/02-tleuberdi-washington-readout.md"),
            include_str!("../../examples/03-kz-us-trade-brief.txt"),
            include_str!("../../examples/04-tleuberdi-op-ed-digest.md"),
            include_str!("../../examples/05-kazakhstan-us-ties-qa.md"),
            include_str!("../../examples/06-kz-us-fact-sheet.md"),
            include_str!("../../examples/07-caspian-forwarder-h1.md"),
            include_str!("../../examples/08-steppe-growth-fund-release.md"),
            include_str!("../../examples/09-three-decades-by-the-numbers.md"),
        ];
        let mut texts: Vec<String> = docs
            .iter()
            .flat_map(|d| d.lines())
            .map(str::to_string)
            .collect();
        texts.extend(
            [
                "US exports to Kazakhstan's trade turnover with the US; U.S. foreign direct investment",
                "Kazakh\u{2019}s two\u{2011}way trade, Latin America, US dollars and Canadian dollars",
                "exports exports-imports EXPORTS us US Us trade turnovers investment in Kazakhstan",
            ]
            .map(str::to_string),
        );
        texts
    }

    #[test]
    fn one_automaton_finds_what_each_vocabulary_finds_alone() {
        let rs = crate::rules::default_rule_set();
        let entities = PhraseMatcher::build(rs.entities.phrases()).unwrap();
        let metrics = PhraseMatcher::build(rs.metrics.phrases()).unwrap();
        let mut found = (0, 0);
        for text in texts() {
            let norm = Normalized::new(&text);
            let alone_entities = rs.entities.matches(
                &norm,
                entities
                    .find(&norm)
                    .into_iter()
                    .map(|h| (h.start, h.end, *h.value)),
            );
            let alone_metrics = rs.metrics.matches(
                &norm,
                metrics
                    .find(&norm)
                    .into_iter()
                    .map(|h| (h.start, h.end, *h.value)),
            );
            found.0 += alone_entities.len();
            found.1 += alone_metrics.len();
            assert_eq!(rs.find_entities(&text), alone_entities, "{text:?}");
            assert_eq!(rs.find_metrics(&text), alone_metrics, "{text:?}");
            assert_eq!(
                rs.find_entities_and_metrics(&text),
                (alone_entities, alone_metrics),
                "{text:?}"
            );
        }
        // The texts hold plenty of both.
        assert!(found.0 > 100 && found.1 > 50, "{found:?}");
    }

    /// The DFA a large run switches to finds every phrase the NFA finds, for both
    /// vocabularies, on every line of the examples and on lines that stack their phrases.
    #[test]
    fn the_dfa_finds_what_the_nfa_finds() {
        let rs = crate::rules::default_rule_set();
        let (nfa, dfa) = rs.phrases.both_automata().expect("both automata");
        let hits = |hits: [Vec<crate::rules::matcher::Hit<'_, Vocab>>; 2]| {
            hits.map(|h| {
                h.into_iter()
                    .map(|h| (h.start, h.end, std::ptr::from_ref(h.value)))
                    .collect::<Vec<_>>()
            })
        };
        let mut found = 0;
        for text in texts() {
            let norm = Normalized::new(&text);
            let class = |v: &Vocab| Some(v.class());
            let by_nfa = hits(rs.phrases.find_split_in::<2>(nfa, &norm, class));
            let by_dfa = hits(rs.phrases.find_split_in::<2>(&dfa, &norm, class));
            found += by_nfa[0].len() + by_nfa[1].len();
            assert_eq!(by_nfa, by_dfa, "{text:?}");
        }
        assert!(found > 150, "{found}");
    }

    /// Load user files on top of the defaults; the errors rendered one per string.
    fn errors(files: &[(&str, &str)]) -> Vec<String> {
        match RuleSet::from_texts(files, false) {
            Ok(_) => Vec::new(),
            Err(es) => es.iter().map(ToString::to_string).collect(),
        }
    }

    fn assert_starts(errs: &[String], expected: &str) {
        assert!(
            errs.iter().any(|e| e.starts_with(expected)),
            "no error starting with {expected:?} in:\n{}",
            errs.join("\n")
        );
    }

    #[test]
    fn syntax_error_is_located_once_per_line() {
        let errs = errors(&[(
            "user/syntax.toml",
            "schema = 1\n[[metric]]\nid = \"x\"\naliases = [\"a\"\nname = 3\n",
        )]);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_starts(
            &errs,
            "user/syntax.toml:5:1: missing comma between array elements",
        );
        assert!(errs[0].ends_with("5 | name = 3\n  | ^"), "{}", errs[0]);
    }

    #[test]
    fn unknown_field_suggests_the_right_one() {
        let errs = errors(&[(
            "user/field.toml",
            "schema = 1\n\n[[metric]]\nid = \"exports\"\nextend = true\nalias = [\"outbound\"]\n",
        )]);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_starts(
            &errs,
            "user/field.toml:6:1: unknown field `alias`, expected one of",
        );
        assert!(errs[0].contains("; did you mean `aliases`?"), "{}", errs[0]);
        assert!(
            errs[0].ends_with("6 | alias = [\"outbound\"]\n  | ^^^^^"),
            "{}",
            errs[0]
        );
    }

    #[test]
    fn duplicate_id_without_extend_or_replace() {
        let errs = errors(&[(
            "user/dup.toml",
            "schema = 1\n[[metric]]\nid = \"exports\"\nname = \"x\"\nunit = \"currency\"\n\
             aggregation = \"flow\"\n",
        )]);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_starts(
            &errs,
            "user/dup.toml:3:6: duplicate metric id `exports` (already defined at metrics.toml:",
        );
        let errs = errors(&[(
            "user/dup.toml",
            "schema = 1\n[[entity]]\nid = \"KZ\"\nkind = \"country\"\nname = \"K\"\n",
        )]);
        assert_starts(
            &errs,
            "user/dup.toml:3:6: duplicate entity id `KZ` (already defined by iso3166:keshvar)",
        );
    }

    #[test]
    fn alias_claimed_by_two_metrics_names_both() {
        let errs = errors(&[(
            "user/claim.toml",
            "schema = 1\n[[metric]]\nid = \"exports\"\nextend = true\naliases = [\"Trade turnover\"]\n",
        )]);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_starts(
            &errs,
            "user/claim.toml:5:12: alias `Trade turnover` is claimed by both metric `trade_total` \
             and metric `exports` (at metrics.toml:",
        );
    }

    #[test]
    fn unknown_ids_get_a_suggestion() {
        let errs = errors(&[(
            "user/ref.toml",
            "schema = 1\n[[metric]]\nid = \"exprots\"\nextend = true\naliases = [\"x\"]\n\n\
             [[metric]]\nid = \"reexports\"\nname = \"Re-exports\"\nunit = \"currency\"\n\
             aggregation = \"flow\"\nnormalize_to = \"exprts\"\n\n\
             [[entity]]\nid = \"Kz\"\nreplace = true\nkind = \"country\"\nname = \"K\"\n\n\
             [[fiscal_year]]\nentities = [\"USA\"]\nstart = \"october\"\n",
        )]);
        assert_eq!(errs.len(), 4, "{errs:#?}");
        assert_starts(
            &errs,
            "user/ref.toml:3:6: `extend` names unknown metric `exprots`; did you mean `exports`?",
        );
        assert_starts(
            &errs,
            "user/ref.toml:12:16: metric `reexports`: `normalize_to` names unknown metric \
             `exprts`; did you mean `exports`?",
        );
        assert_starts(
            &errs,
            "user/ref.toml:15:6: `replace` names unknown entity `Kz`; did you mean `KZ`?",
        );
        assert_starts(
            &errs,
            "user/ref.toml:21:13: fiscal year for unknown entity `USA`; did you mean `US`?",
        );
    }

    #[test]
    fn bad_enum_value() {
        let errs = errors(&[(
            "user/enum.toml",
            "schema = 1\n[[metric]]\nid = \"m\"\nname = \"M\"\nunit = \"currency\"\n\
             aggregation = \"flux\"\n",
        )]);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_starts(
            &errs,
            "user/enum.toml:6:15: unknown variant `flux`, expected one of `flow`, `stock`, \
             `rate`, `rank`; did you mean `flow`?",
        );
    }

    #[test]
    fn all_errors_of_all_files_sorted() {
        let errs = errors(&[
            (
                "user/b.toml",
                "schema = 1\n[[metric]]\nid = \"m\"\nname = \"M\"\nunit = \"dollars\"\n\
                 aggregation = \"flow\"\n[[metric]]\nid = \"n\"\nname = \"N\"\n",
            ),
            (
                "user/a.toml",
                "schema = 2\ncolour = 3\n[[entity]]\nid = \"KZ\"\nextend = true\n\
                 kind = \"bloc\"\n[[entity]]\nid = \"NEW\"\nkind = \"bloc\"\nname = \"New\"\n\
                 members = [\"KZZ\"]\n",
            ),
        ]);
        let heads: Vec<&str> = errs
            .iter()
            .map(|e| e.split(": ").next().unwrap_or(""))
            .collect();
        assert_eq!(
            heads,
            [
                "user/a.toml:1:10",
                "user/a.toml:2:1",
                "user/a.toml:6:8",
                "user/a.toml:11:12",
                "user/b.toml:5:8",
                "user/b.toml:8:6",
                "user/b.toml:8:6",
            ],
            "{errs:#?}"
        );
        assert!(errs[0].contains("unsupported schema 2"), "{}", errs[0]);
        assert!(errs[1].contains("unknown key `colour`"), "{}", errs[1]);
        assert!(errs[2].contains("`kind` cannot be changed with `extend = true`"));
        assert!(errs[3].contains("unknown member `KZZ`; did you mean `KZ`?"));
        assert!(errs[4].contains("unknown variant `dollars`"), "{}", errs[4]);
        assert!(errs[5].contains("metric `n` needs `unit`"), "{}", errs[5]);
        assert!(
            errs[6].contains("metric `n` needs `aggregation`"),
            "{}",
            errs[6]
        );
    }

    #[test]
    fn missing_schema_and_both_flags() {
        let errs = errors(&[(
            "user/x.toml",
            "[[metric]]\nid = \"exports\"\nextend = true\nreplace = true\n",
        )]);
        assert_starts(&errs, "user/x.toml:1:1: missing `schema = 1`");
        assert_starts(
            &errs,
            "user/x.toml:4:11: metric `exports`: `extend` and `replace` cannot both be set",
        );
    }

    #[test]
    fn extend_replace_and_add() {
        let user = "schema = 1\n\
            [[metric]]\nid = \"exports\"\nextend = true\naliases = [\"outbound shipments\"]\n\
            [[metric]]\nid = \"aid\"\nreplace = true\nname = \"Aid\"\nunit = \"currency\"\n\
            aggregation = \"flow\"\ndirectional = true\naliases = [\"handouts\"]\n\
            [[metric]]\nid = \"remittances\"\nname = \"Remittances\"\nunit = \"currency\"\n\
            aggregation = \"flow\"\ndirectional = true\naliases = [\"remittances\"]\n\
            [[entity]]\nid = \"KZ\"\nextend = true\naliases = [\"Astana\"]\n\
            [[entity]]\nid = \"SAMRUK\"\nkind = \"organization\"\nname = \"Samruk-Kazyna\"\n\
            [[fiscal_year]]\nentities = [\"KZ\"]\nstart = \"april\"\n";
        let rs = RuleSet::from_texts(&[("user/layer.toml", user)], false).unwrap();
        let metrics =
            |t: &str| -> Vec<String> { rs.find_metrics(t).into_iter().map(|m| m.metric).collect() };
        assert_eq!(
            metrics("outbound shipments and exports"),
            ["exports", "exports"]
        );
        assert_eq!(
            rs.metric("exports").unwrap().extended_by,
            ["user/layer.toml"]
        );
        assert_eq!(metrics("grants and handouts"), ["aid"]);
        assert_eq!(rs.metric("aid").unwrap().origin, "user/layer.toml");
        assert_eq!(metrics("remittances rose"), ["remittances"]);
        let ids: Vec<String> = rs
            .find_entities("Astana and Samruk-Kazyna")
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, ["KZ", "SAMRUK"]);
        assert_eq!(rs.fiscal_year_start("KZ"), 4);
        assert_eq!(rs.fiscal_year_start("US"), 10);
        assert!(rs.describe().contains("extended by user/layer.toml"));
    }

    #[test]
    fn no_defaults_leaves_only_user_rules() {
        let user = "schema = 1\n[[entity]]\nid = \"ACME\"\nkind = \"organization\"\n\
            name = \"Acme\"\n";
        let rs = RuleSet::from_texts(&[("u.toml", user)], true).unwrap();
        assert_eq!(rs.entities().len(), 1);
        assert!(rs.metrics().is_empty());
        assert!(rs.find_entities("Kazakhstan").is_empty());
        assert_eq!(rs.fiscal_year_start("US"), 1);
        assert!(rs.vocab.currencies.lookup("USD").is_some());
    }

    #[test]
    fn load_reads_user_dirs_sorted_and_check_dir_reports() {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        std::fs::write(
            p("b.toml"),
            "schema = 1\n[[metric]]\nid = \"exports\"\nreplace = true\nname = \"E\"\n\
             unit = \"currency\"\naggregation = \"flow\"\ndirectional = true\n\
             aliases = [\"sales abroad\"]\n",
        )
        .unwrap();
        std::fs::write(
            p("a.toml"),
            "schema = 1\n[[metric]]\nid = \"exports\"\nextend = true\naliases = [\"shipments\"]\n",
        )
        .unwrap();
        std::fs::write(p("notes.txt"), "not a rule file").unwrap();
        let rs = RuleSet::load(&[dir.path().to_path_buf()], false).unwrap();
        // a.toml extends, then b.toml replaces: only b's aliases are left.
        assert!(rs.find_metrics("shipments").is_empty());
        assert_eq!(rs.find_metrics("sales abroad")[0].metric, "exports");
        assert!(check_dir(dir.path()).is_empty());
        std::fs::write(p("c.toml"), "schema = 1\n[[metric]]\nid = \"exports\"\n").unwrap();
        let errs = check_dir(dir.path());
        let shown = p("c.toml").display().to_string();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].file, shown);
        assert_eq!((errs[0].line, errs[0].column), (Some(3), Some(6)));
        let missing = check_dir(&p("nope"));
        assert!(
            missing[0]
                .message
                .starts_with("cannot read rules directory")
        );
    }

    #[test]
    fn user_vocabulary_file_replaces_the_bundled_one() {
        let q = "schema = 1\n[tolerance]\napprox = \"0.2\"\nnearly = \"0.1\"\n";
        let rs = RuleSet::from_texts(&[("mine/qualifiers.toml", q)], false).unwrap();
        assert_eq!(rs.vocab.qualifiers.approx().to_string(), "0.2");
        let errs = errors(&[("mine/currencies.toml", "schema = 1\n")]);
        assert_starts(
            &errs,
            "mine/currencies.toml:1:1: missing field `default_dollar`",
        );
    }

    #[test]
    fn bundled_files_are_all_loaded() {
        for f in ["entities.toml", "metrics.toml", "fiscal_years.toml"] {
            assert!(DEFAULT_RULES.iter().any(|(n, _)| *n == f), "{f}");
        }
        let rs = default_rule_set();
        for f in DEFAULT_RULES {
            assert!(
                rs.describe().contains(&format!("bundled:{}", f.0)),
                "{} is not loaded",
                f.0
            );
        }
    }

    #[test]
    fn rule_set_is_shared_across_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<RuleSet>();
    }

    #[test]
    fn describe_lists_the_rules() {
        let d = default_rule_set().describe();
        assert!(d.contains("imports"), "{d}");
        assert!(d.contains("(compared as exports, reversed)"), "{d}");
        assert!(d.contains("countries"), "{d}");
        assert!(d.contains("Currencies:"), "{d}");
        assert!(d.contains("Qualifiers:"), "{d}");
        assert!(d.contains("10 October"), "{d}");
    }

    #[test]
    /// Its load time is measured by `bench/hostile.sh` (a test does not time).
    fn a_hundred_thousand_aliases_load_and_match() {
        let mut text = String::from("schema = 1\n");
        for i in 0..1000 {
            let _ = write!(
                text,
                "[[entity]]\nid = \"E{i}\"\nkind = \"organization\"\nname = \"Org{i}\"\naliases = ["
            );
            for j in 0..99 {
                let _ = write!(text, "\"org{i} unit{j}\", ");
            }
            text.push_str("]\n");
        }
        let rs = RuleSet::from_texts(&[("big.toml", &text)], true).unwrap();
        let found =
            rs.find_entities("Both org500 unit98 and Org7 were there; org5000 unit1 is not.");
        let ids: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["E500", "E7"]);
        assert_eq!(rs.entities().len(), 1000);
    }
}
