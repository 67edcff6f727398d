//! Fiscal years: the month each entity's fiscal year starts in (`rules/fiscal_years.toml`), so
//! `FY2021` of the US means 2020-10-01..2021-09-30 and of Japan 2021-04-01..2022-03-31.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::RuleError;
use super::entity::Entities;
use super::error::{Loc, Source};

/// A month, written by name in the rules (`start = "october"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Month {
    January,
    February,
    March,
    April,
    May,
    June,
    July,
    August,
    September,
    October,
    November,
    December,
}

impl Month {
    /// 1 for January.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    pub fn name(self) -> &'static str {
        crate::time::period::MONTH_NAMES[usize::from(self as u8)]
    }
}

/// One `[[fiscal_year]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FiscalYearRule {
    pub entities: Vec<Spanned<String>>,
    pub start: Spanned<Month>,
}

/// Fiscal-year starts by entity.
#[derive(Debug, Clone)]
pub(crate) struct FiscalYears {
    pub default: Month,
    pub default_origin: String,
    /// entity -> (start, origin)
    pub by_entity: HashMap<String, (Month, String)>,
    /// Where each entity was named, for checking that it exists.
    locs: Vec<(String, Loc)>,
}

impl Default for FiscalYears {
    fn default() -> Self {
        Self {
            default: Month::January,
            default_origin: "built-in".into(),
            by_entity: HashMap::new(),
            locs: Vec::new(),
        }
    }
}

impl FiscalYears {
    /// Apply one file's rules; a later file overrides an earlier one for the same entity.
    pub(crate) fn apply(
        &mut self,
        rules: Vec<FiscalYearRule>,
        default: Option<Spanned<Month>>,
        src: usize,
        sources: &[Source],
        errors: &mut Vec<RuleError>,
    ) {
        let s = &sources[src];
        if let Some(d) = default {
            self.default = *d.get_ref();
            self.default_origin = s.origin.clone();
        }
        let mut in_file: HashMap<String, std::ops::Range<usize>> = HashMap::new();
        for rule in rules {
            for e in &rule.entities {
                let id = e.get_ref().trim().to_string();
                if let Some(first) = in_file.get(&id) {
                    errors.push(s.error(
                        e.span(),
                        format!(
                            "entity `{id}` already has a fiscal year in this file (at {})",
                            s.place(first)
                        ),
                    ));
                    continue;
                }
                in_file.insert(id.clone(), e.span());
                self.locs.push((
                    id.clone(),
                    Loc {
                        src,
                        span: e.span(),
                    },
                ));
                self.by_entity
                    .insert(id, (*rule.start.get_ref(), s.origin.clone()));
            }
        }
    }

    /// Every entity named must exist.
    pub(crate) fn check(
        &self,
        entities: &Entities,
        sources: &[Source],
        errors: &mut Vec<RuleError>,
    ) {
        for (id, loc) in &self.locs {
            if entities.get(id).is_none() {
                let msg = format!(
                    "fiscal year for unknown entity `{id}`{}",
                    entities.suggest(id)
                );
                errors.push(sources[loc.src].error(loc.span.clone(), msg));
            }
        }
    }

    pub(crate) fn start(&self, entity: &str) -> Month {
        self.by_entity.get(entity).map_or(self.default, |(m, _)| *m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_numbers() {
        assert_eq!(Month::January.number(), 1);
        assert_eq!(Month::October.number(), 10);
        assert_eq!(Month::December.name(), "December");
    }
}
