//! Rules: the vocabulary claimcheck reads numbers with, from plain TOML files in `rules/`.
//!
//! The default rule files are compiled into the binary ([`DEFAULT_RULES`]), so claimcheck works
//! with no set-up. Each file is parsed with `deny_unknown_fields`, and a mistake is reported as
//! `file:line:column: message` with the span the TOML parser gives.

pub mod currency;
pub mod edges;
pub mod entity;
pub mod error;
pub mod fiscal;
mod matcher;
pub mod metric;
pub mod qualifier;
pub mod set;
pub mod word_set;

use std::fmt;

use serde::de::DeserializeOwned;

pub use currency::{Currencies, CurrencyFile};
pub use entity::{Alias, Entity, EntityKind, EntityMatch};
pub use error::{did_you_mean, sort_errors};
pub use fiscal::Month;
pub use matcher::Case;
pub use metric::{Aggregation, Metric, MetricMatch, MetricUnit};
pub use qualifier::{BoundKind, QualifierFile, Qualifiers};
pub use set::{RuleSet, check_dir, default_rule_set};

/// The bundled rule files, in load order: (file name, contents).
pub const DEFAULT_RULES: &[(&str, &str)] = &[
    (
        "currencies.toml",
        include_str!("../../rules/currencies.toml"),
    ),
    (
        "qualifiers.toml",
        include_str!("../../rules/qualifiers.toml"),
    ),
    ("entities.toml", include_str!("../../rules/entities.toml")),
    ("metrics.toml", include_str!("../../rules/metrics.toml")),
    ("relations.toml", include_str!("../../rules/relations.toml")),
    (
        "fiscal_years.toml",
        include_str!("../../rules/fiscal_years.toml"),
    ),
];

/// A mistake in a rule file, with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    /// 1-based line and column, when the parser knows them.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// The offending line with a caret under the span, printed under the message.
    pub snippet: Option<String>,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message)?,
            _ => write!(f, "{}: {}", self.file, self.message)?,
        }
        match &self.snippet {
            Some(s) => write!(f, "\n{s}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for RuleError {}

/// Parse one TOML rule file into `T`, locating any error.
pub fn parse_file<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, RuleError> {
    toml::from_str(text).map_err(|e| error::toml_error(file, text, &e))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The vocabulary the quantity parser reads with.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub currencies: Currencies,
    pub qualifiers: Qualifiers,
    /// What the quantity prefilter looks for, derived from the two above.
    pub triggers: crate::quantity::prefilter::Triggers,
    /// The words a sub-unit look-up can find ([`crate::quantity::unit::subunit_forms`]).
    pub subunit_forms: word_set::WordSet,
}

impl Vocabulary {
    pub fn new(currencies: Currencies, qualifiers: Qualifiers) -> Self {
        let triggers = crate::quantity::prefilter::Triggers::new(&currencies, &qualifiers);
        let subunit_forms = crate::quantity::unit::subunit_forms(&currencies);
        Self {
            currencies,
            qualifiers,
            triggers,
            subunit_forms,
        }
    }

    /// The bundled default rules.
    ///
    /// # Errors
    /// Only if a bundled file is broken, which a unit test rules out.
    pub fn defaults() -> Result<Self, RuleError> {
        let mut currencies = None;
        let mut qualifiers = None;
        for (name, text) in DEFAULT_RULES {
            match *name {
                "currencies.toml" => currencies = Some(parse_file::<CurrencyFile>(name, text)?),
                "qualifiers.toml" => qualifiers = Some(parse_file::<QualifierFile>(name, text)?),
                _ => {}
            }
        }
        let missing = |f: &str| RuleError::file(f, "missing from the bundled rules");
        Ok(Self::new(
            Currencies::build(&currencies.ok_or_else(|| missing("currencies.toml"))?)?,
            Qualifiers::build(&qualifiers.ok_or_else(|| missing("qualifiers.toml"))?)?,
        ))
    }
}

/// The default vocabulary, built once per process.
pub fn default_vocabulary() -> &'static Vocabulary {
    try_default_vocabulary().unwrap_or_else(|e| panic!("bundled rules are broken: {e}"))
}

/// The default vocabulary, built once per process, or why the bundled rules do not load.
/// `extract` uses it so that the vocabulary is built once, not a second time for the
/// look-ups that always read the bundled tables (`quantity::is_currency_word`).
///
/// # Errors
/// Only if a bundled file is broken, which a unit test rules out.
pub fn try_default_vocabulary() -> Result<&'static Vocabulary, &'static RuleError> {
    static VOCAB: std::sync::LazyLock<Result<Vocabulary, RuleError>> =
        std::sync::LazyLock::new(Vocabulary::defaults);
    VOCAB.as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_rules_load() {
        let v = Vocabulary::defaults().unwrap();
        assert_eq!(
            v.currencies.by_symbol("$").map(|c| c.code.as_str()),
            Some("USD")
        );
    }

    #[test]
    fn every_rules_file_is_bundled() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().to_string();
            if name.ends_with(".toml") {
                assert!(
                    DEFAULT_RULES.iter().any(|(n, _)| *n == name),
                    "rules/{name} is not in DEFAULT_RULES"
                );
            }
        }
    }

    #[test]
    fn errors_are_located() {
        let text = "schema = 1\n[tolerance]\napprox = \"0.1\"\nnearly = \"0.1\"\ntolerence = 3\n";
        let err = parse_file::<QualifierFile>("q.toml", text).unwrap_err();
        assert_eq!(err.line, Some(5));
        assert!(
            err.to_string()
                .starts_with("q.toml:5:1: unknown field `tolerence`"),
            "{err}"
        );
    }
}
