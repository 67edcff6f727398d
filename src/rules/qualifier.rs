//! Qualifiers: "more than", "about", "nearly", "up to"... and vague magnitudes, from
//! `rules/qualifiers.toml`.

use foldhash::HashMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::RuleError;
use super::currency::normalize;
use super::edges::PhraseEdges;

/// How a figure bounds the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoundKind {
    /// Exactly the figure.
    Exact,
    /// A rounded figure: +/- half a unit of the last digit written.
    Rounded,
    /// About the figure.
    Approx,
    Gt,
    Ge,
    Lt,
    Le,
    /// Just below the figure ("nearly", "almost").
    Nearly,
    /// Between two figures.
    Range,
    /// A vague magnitude ("tens of billions").
    Vague,
}

/// `rules/qualifiers.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifierFile {
    pub schema: u32,
    pub tolerance: Tolerance,
    #[serde(default)]
    pub qualifier: Vec<QualifierRule>,
    #[serde(default)]
    pub vague: Vec<VagueRule>,
}

/// Tolerances, as fractions of the figure.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tolerance {
    #[serde(with = "rust_decimal::serde::str")]
    pub approx: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub nearly: Decimal,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifierRule {
    pub bound: BoundKind,
    #[serde(default)]
    pub before: Vec<String>,
    #[serde(default)]
    pub after: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueRule {
    pub words: Vec<String>,
    #[serde(with = "rust_decimal::serde::str")]
    pub low: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub high: Decimal,
    /// A representative value, where the phrase has one (`a couple` is 2).
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub value: Option<Decimal>,
}

/// A vague magnitude: `[low, high)` before any scale word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vague {
    pub low: Decimal,
    pub high: Decimal,
    pub value: Option<Decimal>,
}

/// Lookup tables for qualifier phrases, keyed by normalized text.
#[derive(Debug, Clone, Default)]
pub struct Qualifiers {
    pub before: HashMap<String, BoundKind>,
    pub after: HashMap<String, BoundKind>,
    pub vague: HashMap<String, Vague>,
    /// The edges of the vague phrases: a cheap gate before any phrase lookup (most number
    /// words, and every `a`, start none).
    pub vague_edges: PhraseEdges,
    /// The edges of the `before` and `after` phrases: most figures have no qualifier next to
    /// them, and the gate saves building the phrase.
    pub before_edges: PhraseEdges,
    pub after_edges: PhraseEdges,
    pub tolerance: Option<Tolerance>,
    /// The longest phrase, in tokens.
    pub max_tokens: usize,
}

impl Qualifiers {
    /// Build the tables.
    ///
    /// # Errors
    /// A tolerance outside `[0, 1)`, or a vague magnitude whose low is not below its high.
    pub fn build(file: &QualifierFile) -> Result<Self, RuleError> {
        let err = |message: String| RuleError::file("qualifiers.toml", message);
        for (name, t) in [
            ("approx", file.tolerance.approx),
            ("nearly", file.tolerance.nearly),
        ] {
            if t.is_sign_negative() || t >= Decimal::ONE {
                return Err(err(format!("tolerance.{name} must be in [0, 1), not {t}")));
            }
        }
        let mut q = Self {
            tolerance: Some(file.tolerance),
            ..Self::default()
        };
        for rule in &file.qualifier {
            for p in &rule.before {
                q.before.insert(normalize(p), rule.bound);
            }
            for p in &rule.after {
                q.after.insert(normalize(p), rule.bound);
            }
        }
        for v in &file.vague {
            if v.low >= v.high {
                return Err(err(format!(
                    "vague {:?}: low {} is not below high {}",
                    v.words, v.low, v.high
                )));
            }
            for w in &v.words {
                q.vague.insert(
                    normalize(w),
                    Vague {
                        low: v.low,
                        high: v.high,
                        value: v.value,
                    },
                );
            }
        }
        q.before_edges = PhraseEdges::of(q.before.keys().map(String::as_str));
        q.after_edges = PhraseEdges::of(q.after.keys().map(String::as_str));
        q.vague_edges = PhraseEdges::of(q.vague.keys().map(String::as_str));
        q.max_tokens = q
            .before
            .keys()
            .chain(q.after.keys())
            .chain(q.vague.keys())
            .map(|k| k.split(' ').count() * 2)
            .max()
            .unwrap_or(1);
        Ok(q)
    }

    pub fn approx(&self) -> Decimal {
        self.tolerance.map_or(Decimal::new(1, 1), |t| t.approx)
    }

    pub fn nearly(&self) -> Decimal {
        self.tolerance.map_or(Decimal::new(1, 1), |t| t.nearly)
    }
}

#[cfg(test)]
mod tests {
    use crate::token::Tokens;

    /// The gates in front of the phrase lookups must let every phrase through, written in any
    /// case: the last token of each `before` phrase and the first of each `after` phrase.
    #[test]
    fn every_qualifier_phrase_passes_its_edge_gate() {
        let q = &crate::rules::default_vocabulary().qualifiers;
        let mut toks = Tokens::default();
        for (keys, last) in [(&q.before, true), (&q.after, false)] {
            assert!(!keys.is_empty());
            for key in keys.keys() {
                let upper = key.to_ascii_uppercase();
                toks.tokenize(&upper);
                let t = if last {
                    toks.toks.last()
                } else {
                    toks.toks.first()
                };
                let t = t.unwrap_or_else(|| panic!("{key:?} has no token"));
                let token = &upper[t.start..t.end];
                let pass = if last {
                    q.before_edges.may_end(token)
                } else {
                    q.after_edges.may_start(token)
                };
                assert!(pass, "{key:?}: {token:?} is gated out");
            }
        }
        // And a word next to most figures is not let through.
        assert!(!q.before_edges.may_end("exports"));
        assert!(!q.after_edges.may_start("in"));
    }
}
