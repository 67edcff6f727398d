//! Currencies: ISO 4217 codes and names from the `iso_currency` crate, plus the symbols and
//! everyday names in `rules/currencies.toml`.

use foldhash::HashMap;

use iso_currency::{Currency as Iso, IntoEnumIterator};
use serde::Deserialize;

use super::RuleError;
use super::edges::PhraseEdges;

/// `rules/currencies.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyFile {
    pub schema: u32,
    pub default_dollar: String,
    #[serde(default)]
    pub currency: Vec<CurrencyRule>,
}

/// One `[[currency]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyRule {
    /// ISO 4217 code, or `""` for money of an unknown currency.
    pub code: String,
    #[serde(default)]
    pub symbols: Vec<String>,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub subunits: Vec<String>,
}

/// A currency as the parser sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    /// ISO 4217 code; empty when the currency is unknown (`dinars`).
    pub code: String,
}

impl Currency {
    /// The ISO code, or `None` for an unknown currency.
    pub fn iso(&self) -> Option<&str> {
        (!self.code.is_empty()).then_some(self.code.as_str())
    }
}

/// Lookup tables for currency words and symbols, keyed by normalized text (see [`normalize`]).
#[derive(Debug, Clone, Default)]
pub struct Currencies {
    symbols: HashMap<String, Currency>,
    names: HashMap<String, Currency>,
    codes: HashMap<String, Currency>,
    subunits: HashMap<String, Currency>,
    /// The longest key, in words, so lookups know how far to look.
    pub max_tokens: usize,
    /// The first and the last token of every symbol, code and name: a phrase that starts
    /// (ends) with any other token is no currency, so a lookup can stop before joining words.
    edges: PhraseEdges,
}

/// Uppercase codes that are also English words: never read as currency codes.
const CODE_STOPLIST: &[&str] = &[
    "ALL", "TOP", "CUP", "MOP", "BAM", "SOS", "AMD", "PEN", "GEL",
];

/// `MUSD`, `MEUR`: millions of a currency, one token (see `quantity::unit`).
pub fn is_scaled_code(token: &str) -> bool {
    token.len() == 4 && token.starts_with('M') && token.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Codes also accepted in lower case (`20 usd`, `rmb 10`).
const LOWERCASE_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "rub", "kzt", "chf", "cad", "aud", "uzs",
];

/// Normalize a currency phrase for lookup: lowercase, white space collapsed to one space.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// `dollar` -> `dollars`, `penny` -> `pennies`.
fn plural(name: &str) -> String {
    if let Some(stem) = name.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    if name.ends_with('s') || name.ends_with('x') {
        return format!("{name}es");
    }
    format!("{name}s")
}

impl Currencies {
    /// Build the tables from the ISO list and the rules file.
    ///
    /// # Errors
    /// A rule that names a code that is neither in ISO 4217 nor a known historical code.
    pub fn build(file: &CurrencyFile) -> Result<Self, RuleError> {
        let mut t = Self::default();
        for iso in Iso::iter() {
            let c = Currency {
                code: iso.code().to_string(),
            };
            t.codes.insert(iso.code().to_string(), c.clone());
            let name = iso.name();
            if !name.contains('(') {
                t.add_name(name, &c);
            }
        }
        for rule in &file.currency {
            if !rule.code.is_empty() && rule.code.len() != 3 {
                return Err(RuleError::file(
                    "currencies.toml",
                    format!("`{}` is not a three-letter ISO 4217 code", rule.code),
                ));
            }
            let c = Currency {
                code: rule.code.clone(),
            };
            if !rule.code.is_empty() {
                t.codes
                    .entry(rule.code.clone())
                    .or_insert_with(|| c.clone());
            }
            for s in &rule.symbols {
                t.symbols.insert(normalize_symbol(s), c.clone());
            }
            for n in &rule.names {
                t.add_name(n, &c);
            }
            for s in &rule.subunits {
                t.subunits
                    .entry(normalize_symbol(s))
                    .or_insert_with(|| c.clone());
            }
        }
        let dollar = Currency {
            code: file.default_dollar.clone(),
        };
        t.symbols.insert("$".into(), dollar.clone());
        t.add_name("dollar", &dollar);
        t.subunits.insert("cent".into(), dollar.clone());
        t.subunits.insert("cents".into(), dollar.clone());
        t.subunits.insert("¢".into(), dollar);
        t.max_tokens = t
            .symbols
            .keys()
            .chain(t.names.keys())
            .map(|k| k.split(' ').count() * 2 + k.matches('.').count() * 2)
            .max()
            .unwrap_or(1);
        t.index_edges();
        Ok(t)
    }

    /// The edges of every key: symbols, names, codes and the lower-case codes.
    fn index_edges(&mut self) {
        let edges = PhraseEdges::of(
            self.symbols
                .keys()
                .chain(self.names.keys())
                .chain(self.codes.keys())
                .map(String::as_str)
                .chain(LOWERCASE_CODES.iter().copied()),
        );
        self.edges = edges;
    }

    /// The last token, ASCII-lowercased, of every symbol, code and name.
    pub fn last_tokens(&self) -> impl Iterator<Item = &str> {
        self.edges.last_tokens()
    }

    /// The sub-unit words (`cent`, `tiyn`).
    pub fn subunit_words(&self) -> impl Iterator<Item = &str> {
        self.subunits.keys().map(String::as_str)
    }

    /// Whether a currency phrase may start with this token (as written).
    pub fn may_start(&self, token: &str) -> bool {
        self.edges.may_start(token) || is_scaled_code(token)
    }

    /// Whether a currency phrase may end with this token (as written).
    pub fn may_end(&self, token: &str) -> bool {
        self.edges.may_end(token) || is_scaled_code(token)
    }

    fn add_name(&mut self, name: &str, c: &Currency) {
        let n = normalize(name);
        self.names.insert(plural(&n), c.clone());
        self.names.insert(n, c.clone());
    }

    pub fn by_symbol(&self, key: &str) -> Option<&Currency> {
        self.symbols.get(key)
    }

    pub fn by_name(&self, key: &str) -> Option<&Currency> {
        self.names.get(key)
    }

    pub fn by_subunit(&self, key: &str) -> Option<&Currency> {
        self.subunits.get(key)
    }

    /// An ISO code as written (`USD`, or `usd` for the common ones).
    pub fn by_code(&self, written: &str) -> Option<&Currency> {
        if written.len() != 3 {
            return None;
        }
        if written.bytes().all(|b| b.is_ascii_uppercase()) {
            if CODE_STOPLIST.contains(&written) {
                return None;
            }
            return self.codes.get(written);
        }
        if LOWERCASE_CODES.contains(&written) {
            let upper = if written == "rmb" {
                "CNY".into()
            } else {
                written.to_ascii_uppercase()
            };
            return self.codes.get(&upper);
        }
        None
    }

    /// Any of symbol, code or name for a phrase already joined with single spaces, given as
    /// written and ASCII-lowercased (see `quantity::unit::Phrase`): no allocation.
    pub fn lookup_normalized(&self, orig: &str, lower: &str) -> Option<&Currency> {
        let mut chars = orig.chars();
        if chars.next().is_some() && chars.next().is_none() {
            return self.symbols.get(orig).or_else(|| self.names.get(lower));
        }
        self.symbols
            .get(lower)
            .or_else(|| self.by_code(orig))
            .or_else(|| self.names.get(lower))
    }

    /// Any of symbol, code or name for a phrase.
    pub fn lookup(&self, written: &str) -> Option<&Currency> {
        let key = normalize_symbol(written);
        self.symbols
            .get(&key)
            .or_else(|| self.by_code(written))
            .or_else(|| self.names.get(&key))
    }
}

/// Symbols are case-insensitive, except single letters (`c` is a cent, `C` is Celsius).
fn normalize_symbol(s: &str) -> String {
    if s.chars().count() == 1 {
        s.to_string()
    } else {
        normalize(s)
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn iso_names_and_rules_both_resolve() {
        let v = super::super::Vocabulary::defaults().unwrap();
        let c = &v.currencies;
        assert_eq!(c.lookup("Kazakhstani tenge").unwrap().code, "KZT");
        assert_eq!(c.lookup("tenge").unwrap().code, "KZT");
        assert_eq!(c.lookup("US dollars").unwrap().code, "USD");
        assert_eq!(c.lookup("USD").unwrap().code, "USD");
        assert_eq!(c.lookup("€").unwrap().code, "EUR");
        assert_eq!(c.lookup("ALL"), None);
        assert_eq!(c.lookup("dinars").unwrap().iso(), None);
        assert_eq!(c.lookup("Swiss francs").unwrap().code, "CHF");
    }
}
