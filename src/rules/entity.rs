//! Entities: who a figure is about. Every ISO 3166 country comes from the `keshvar` crate
//! (code, ISO names, its English alternative names and demonym); `rules/entities.toml` adds
//! what that data lacks or gets wrong for news (`U.S.`, `Britain`, `Kazakh`), blocs and
//! organizations, and phrases that look like entities but are not (`Latin America`, `US$`).
//!
//! Matching: all-caps aliases (`US`, `U.S.`, `EU`) only as written, so the pronoun "us" is
//! never the US; demonyms and `capitalized` aliases need a capital (`Polish`, `Turkey`); other
//! names in any case. Always on word bounds, leftmost-longest.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::RuleError;
use super::error::{Layer, Loc, Source, suggestion};
use super::matcher::{Case, Normalized, Phrase, normalize_phrase};

/// Where the built-in country list comes from, as `claimcheck rules` shows it.
pub const ISO_ORIGIN: &str = "iso3166:keshvar";

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Country,
    /// A group of countries or a region (`EU`, `CENTRAL_ASIA`, `WORLD`).
    Bloc,
    /// An institution (`IMF`, `WORLD_BANK`, `USAID`).
    Organization,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Bloc => "bloc",
            Self::Organization => "organization",
        }
    }
}

/// One `[[entity]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityRule {
    pub id: Spanned<String>,
    #[serde(default)]
    pub kind: Option<Spanned<EntityKind>>,
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Aliases that are also common words: matched only with a capital (`Turkey`, `Chile`).
    #[serde(default)]
    pub capitalized: Vec<Spanned<String>>,
    #[serde(default)]
    pub demonyms: Vec<Spanned<String>>,
    /// For a bloc: the ids of its members.
    #[serde(default)]
    pub members: Vec<Spanned<String>>,
    #[serde(default)]
    pub extend: Option<Spanned<bool>>,
    #[serde(default)]
    pub replace: Option<Spanned<bool>>,
}

/// One phrase an entity or metric is found by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// As written in the rules (white space collapsed).
    pub text: String,
    pub case: Case,
    /// Where a rule file set it; `None` for ISO data.
    pub(crate) loc: Option<Loc>,
}

/// An entity as the linker sees it.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Alpha-2 code for a country, an upper-case id otherwise (`EU`, `WORLD_BANK`).
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// Names and aliases, the name included.
    pub aliases: Vec<Alias>,
    /// Words for its people or things (`American`, `Kazakh`), plurals included.
    pub demonyms: Vec<Alias>,
    /// For a bloc: member ids.
    pub members: Vec<String>,
    /// The file that defined it: `iso3166:keshvar`, `bundled:entities.toml` or a user path.
    pub origin: String,
    /// Files that added aliases with `extend = true`.
    pub extended_by: Vec<String>,
    pub(crate) id_loc: Option<Loc>,
    pub(crate) member_locs: Vec<Loc>,
}

/// An entity mention found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityMatch {
    /// Byte offsets in the text; a possessive `'s` is included.
    pub start: usize,
    pub end: usize,
    pub id: String,
    /// Found by a demonym (`American`), not a name.
    pub demonym: bool,
    /// `Kazakhstan's`, `Kazakhstan’s`, `Philippines'`.
    pub possessive: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Target {
    Entity {
        idx: usize,
        demonym: bool,
    },
    /// A phrase that is not an entity (`Latin America`): it only blocks shorter matches.
    Blocked,
}

/// All entities. Their phrases are compiled with the metrics' into one matcher
/// (`RuleSet::build`), so a sentence is read once for both.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entities {
    pub list: Vec<Entity>,
    pub index: HashMap<String, usize>,
    /// `not_entities` phrases.
    pub blockers: Vec<(String, Loc)>,
}

fn alias(text: &str, case: Case, loc: Option<Loc>) -> Alias {
    Alias {
        text: normalize_phrase(text),
        case,
        loc,
    }
}

/// `American` -> `Americans`; no plural for `Chinese`, `British`, `Swiss`, `Dutch`.
pub(crate) fn plural_demonym(d: &str) -> Option<String> {
    let no_plural = ["ese", "sh", "ch", "ic", "s", "x", "y", "z"];
    (!no_plural.iter().any(|s| d.ends_with(s))).then(|| format!("{d}s"))
}

/// The rule of a demonym or `capitalized` alias: a capital, unless it is all caps.
fn capital_case(d: &str) -> Case {
    match Case::of(d) {
        Case::Exact => Case::Exact,
        _ => Case::Capitalized,
    }
}

/// `Korea (Republic of)` -> `Republic of Korea`; `Tanzania, United Republic of` -> `United
/// Republic of Tanzania`; other names as they are.
fn display_name(short: &str) -> String {
    let reorder = |base: &str, rest: &str| {
        let rest = rest.trim();
        (rest.ends_with(" of") || rest.ends_with(" of the")).then(|| format!("{rest} {base}"))
    };
    if let Some((base, rest)) = short.split_once(" (")
        && let Some(n) = reorder(base, rest.trim_end_matches(')'))
    {
        return n;
    }
    if let Some((base, rest)) = short.split_once(", ")
        && let Some(n) = reorder(base, rest)
    {
        return n;
    }
    short.to_string()
}

fn strip_the(s: &str) -> &str {
    s.strip_prefix("The ")
        .or_else(|| s.strip_prefix("the "))
        .unwrap_or(s)
}

/// Latin-script names without brackets or commas: the forms English text uses.
fn usable_name(n: &str) -> bool {
    !n.contains(['(', '[', ',']) && n.chars().all(|c| !c.is_alphabetic() || c < '\u{0250}')
}

/// Every ISO 3166 country, with the names and demonym the crate knows.
pub(crate) fn iso_countries() -> Vec<Entity> {
    keshvar::CountryIterator::new()
        .map(|c| {
            let short = c.iso_short_name();
            let name = display_name(short);
            let mut names: Vec<&str> = vec![&name, strip_the(c.iso_long_name())];
            let base = short.split(['(', ',']).next().unwrap_or(short).trim();
            names.push(base);
            names.extend(
                c.unofficial_name_list()
                    .iter()
                    .map(|n| strip_the(n))
                    .filter(|n| usable_name(n)),
            );
            let aliases: Vec<Alias> = names
                .iter()
                .filter(|n| usable_name(n))
                .map(|n| alias(n, Case::of(n), None))
                .collect();
            let mut demonyms = Vec::new();
            for d in c.maybe_nationality().unwrap_or("").split(", ") {
                let d = d.trim();
                if d.is_empty() || names.contains(&d) {
                    continue;
                }
                demonyms.push(alias(d, capital_case(d), None));
                if let Some(p) = plural_demonym(d) {
                    demonyms.push(alias(&p, capital_case(&p), None));
                }
            }
            Entity {
                id: c.alpha2().to_string(),
                kind: EntityKind::Country,
                name,
                aliases,
                demonyms,
                members: Vec::new(),
                origin: ISO_ORIGIN.to_string(),
                extended_by: Vec::new(),
                id_loc: None,
                member_locs: Vec::new(),
            }
        })
        .collect()
}

impl Entities {
    pub(crate) fn with_iso() -> Self {
        let mut e = Self::default();
        for c in iso_countries() {
            e.index.insert(c.id.clone(), e.list.len());
            e.list.push(c);
        }
        e
    }

    fn lists_from(rule: &EntityRule, src: usize) -> (Vec<Alias>, Vec<Alias>) {
        let loc = |s: &Spanned<String>| {
            Some(Loc {
                src,
                span: s.span(),
            })
        };
        let mut aliases: Vec<Alias> = Vec::new();
        if let Some(n) = &rule.name {
            aliases.push(alias(n.get_ref(), Case::of(n.get_ref()), loc(n)));
        }
        aliases.extend(
            rule.aliases
                .iter()
                .map(|a| alias(a.get_ref(), Case::of(a.get_ref()), loc(a))),
        );
        aliases.extend(
            rule.capitalized
                .iter()
                .map(|a| alias(a.get_ref(), capital_case(a.get_ref()), loc(a))),
        );
        let mut demonyms = Vec::new();
        for d in &rule.demonyms {
            demonyms.push(alias(d.get_ref(), capital_case(d.get_ref()), loc(d)));
            if let Some(p) = plural_demonym(d.get_ref().trim()) {
                demonyms.push(alias(&p, capital_case(&p), loc(d)));
            }
        }
        (aliases, demonyms)
    }

    /// Apply one `[[entity]]` rule: add, extend or replace.
    pub(crate) fn apply(
        &mut self,
        rule: EntityRule,
        src: usize,
        sources: &[Source],
        errors: &mut Vec<RuleError>,
    ) {
        let s = &sources[src];
        let Some(layer) = Layer::new("entity", &rule.id, s, errors) else {
            return;
        };
        let id = layer.id.clone();
        for (field, text) in rule
            .aliases
            .iter()
            .chain(&rule.capitalized)
            .chain(&rule.demonyms)
            .map(|a| ("alias", a))
            .chain(rule.name.iter().map(|n| ("name", n)))
        {
            if normalize_phrase(text.get_ref()).is_empty() {
                errors.push(s.error(text.span(), format!("empty {field} for entity `{id}`")));
                return;
            }
        }
        let existing = self.index.get(&id).copied();
        let Some((extend, replace)) = layer.flags(
            rule.extend.as_ref(),
            rule.replace.as_ref(),
            existing,
            |id| self.suggest(id),
            errors,
        ) else {
            return;
        };
        let member_locs: Vec<Loc> = rule
            .members
            .iter()
            .map(|m| Loc {
                src,
                span: m.span(),
            })
            .collect();
        let members: Vec<String> = rule
            .members
            .iter()
            .map(|m| m.get_ref().trim().to_string())
            .collect();
        let (aliases, demonyms) = Self::lists_from(&rule, src);
        if let (true, Some(i)) = (extend, existing) {
            layer.frozen(
                &[
                    ("kind", rule.kind.as_ref().map(Spanned::span)),
                    ("name", rule.name.as_ref().map(Spanned::span)),
                ],
                errors,
            );
            let e = &mut self.list[i];
            e.aliases.extend(aliases);
            e.demonyms.extend(demonyms);
            e.members.extend(members);
            e.member_locs.extend(member_locs);
            e.extended_by.push(s.origin.clone());
            return;
        }
        if let (false, Some(i)) = (replace, existing) {
            let first = match &self.list[i].id_loc {
                Some(l) => format!("already defined at {}", sources[l.src].place(&l.span)),
                None => format!("already defined by {}", self.list[i].origin),
            };
            errors.push(layer.duplicate(&first));
            return;
        }
        let Some(kind) = &rule.kind else {
            errors.push(layer.error(format!(
                "entity `{id}` needs `kind` (country, bloc or organization)"
            )));
            return;
        };
        let Some(name) = &rule.name else {
            errors.push(layer.error(format!("entity `{id}` needs `name`")));
            return;
        };
        let entity = Entity {
            id,
            kind: *kind.get_ref(),
            name: normalize_phrase(name.get_ref()),
            aliases,
            demonyms,
            members,
            origin: s.origin.clone(),
            extended_by: Vec::new(),
            id_loc: Some(Loc {
                src,
                span: layer.id_span.clone(),
            }),
            member_locs,
        };
        layer.insert(&mut self.list, &mut self.index, existing, entity);
    }

    /// Check references and alias claims, resolve ISO-data ambiguities, and compile.
    pub(crate) fn finish(&mut self, sources: &[Source], errors: &mut Vec<RuleError>) {
        for e in &self.list {
            for (m, loc) in e.members.iter().zip(&e.member_locs) {
                if !self.index.contains_key(m) {
                    let msg = format!("entity `{}`: unknown member `{m}`{}", e.id, self.suggest(m));
                    errors.push(sources[loc.src].error(loc.span.clone(), msg));
                }
            }
        }
        self.resolve_claims(sources, errors);
    }

    /// The phrases to find: every alias and demonym, and the blockers.
    pub(crate) fn phrases(&self) -> Vec<Phrase<Target>> {
        let mut phrases = Vec::new();
        for (idx, e) in self.list.iter().enumerate() {
            for (list, demonym) in [(&e.aliases, false), (&e.demonyms, true)] {
                for a in list {
                    phrases.push(Phrase {
                        text: a.text.clone(),
                        case: a.case,
                        value: Target::Entity { idx, demonym },
                    });
                }
            }
        }
        for (b, _) in &self.blockers {
            phrases.push(Phrase {
                text: b.clone(),
                case: Case::of(b),
                value: Target::Blocked,
            });
        }
        phrases
    }

    /// One entity per alias: two rule files claiming one alias for different entities is an
    /// error; a rule-file alias overrides ISO data; an alias the ISO data gives two countries
    /// (`Congo`, `Dominican`) is dropped; `not_entities` drops ISO aliases and blocks matches.
    fn resolve_claims(&mut self, sources: &[Source], errors: &mut Vec<RuleError>) {
        // Sorting the claims by spelling groups them without a map of 100,000 small vectors.
        struct Claim<'a> {
            key: String,
            entity: usize,
            demonym: bool,
            pos: usize,
            alias: &'a Alias,
        }
        let mut claims: Vec<Claim<'_>> = Vec::new();
        for (entity, e) in self.list.iter().enumerate() {
            for (demonym, list) in [(false, &e.aliases), (true, &e.demonyms)] {
                for (pos, alias) in list.iter().enumerate() {
                    claims.push(Claim {
                        key: alias.text.to_ascii_lowercase(),
                        entity,
                        demonym,
                        pos,
                        alias,
                    });
                }
            }
        }
        claims.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        let blocked: HashSet<String> = self
            .blockers
            .iter()
            .map(|(b, _)| b.to_ascii_lowercase())
            .collect();
        let mut dropped: Vec<(usize, bool, usize)> = Vec::new();
        let mut ruled: HashSet<&str> = HashSet::new();
        for group in claims.chunk_by(|a, b| a.key == b.key) {
            let key = group[0].key.as_str();
            let mut by_rule: Vec<(&Claim<'_>, &Loc)> = group
                .iter()
                .filter_map(|c| c.alias.loc.as_ref().map(|l| (c, l)))
                .collect();
            let iso = group.iter().filter(|c| c.alias.loc.is_none());
            if by_rule.is_empty() {
                if blocked.contains(key) || group.iter().any(|c| c.entity != group[0].entity) {
                    dropped.extend(iso.map(|c| (c.entity, c.demonym, c.pos)));
                }
                continue;
            }
            if blocked.contains(key) {
                ruled.insert(key);
            }
            dropped.extend(iso.map(|c| (c.entity, c.demonym, c.pos)));
            by_rule.sort_by_key(|(_, l)| (l.src, l.span.start));
            let (first, first_loc) = by_rule[0];
            if let Some((other, loc)) = by_rule.iter().find(|(c, _)| c.entity != first.entity) {
                let s = &sources[loc.src];
                errors.push(s.error(
                    loc.span.clone(),
                    format!(
                        "alias `{}` is claimed by both entity `{}` and entity `{}` (at {})",
                        other.alias.text,
                        self.list[first.entity].id,
                        self.list[other.entity].id,
                        sources[first_loc.src].place(&first_loc.span)
                    ),
                ));
            }
        }
        let ruled: HashSet<String> = ruled.into_iter().map(str::to_string).collect();
        std::mem::drop(claims);
        self.blockers
            .retain(|(b, _)| !ruled.contains(&b.to_ascii_lowercase()));
        let mut keep: Vec<[Vec<bool>; 2]> = self
            .list
            .iter()
            .map(|e| [vec![true; e.aliases.len()], vec![true; e.demonyms.len()]])
            .collect();
        for (entity, demonym, pos) in dropped {
            keep[entity][usize::from(demonym)][pos] = false;
        }
        for (e, [keep_a, keep_d]) in self.list.iter_mut().zip(keep) {
            let mut k = keep_a.into_iter();
            e.aliases.retain(|_| k.next().unwrap_or(true));
            let mut k = keep_d.into_iter();
            e.demonyms.retain(|_| k.next().unwrap_or(true));
            dedupe(&mut e.aliases);
            dedupe(&mut e.demonyms);
            // `Philippines` is a name, not the plural of the demonym `Philippine`.
            let names: HashSet<String> = e
                .aliases
                .iter()
                .map(|a| a.text.to_ascii_lowercase())
                .collect();
            e.demonyms
                .retain(|d| !names.contains(&d.text.to_ascii_lowercase()));
        }
    }

    /// The entity mentions of the phrases found in `norm` (`(start, end, target)`, offsets
    /// in the normalized text, leftmost-longest): blockers dropped, possessives read.
    pub(crate) fn matches(
        &self,
        norm: &Normalized<'_>,
        hits: impl IntoIterator<Item = (usize, usize, Target)>,
    ) -> Vec<EntityMatch> {
        let t: &str = &norm.text;
        let mut out = Vec::new();
        for (h_start, h_end, target) in hits {
            let Target::Entity { idx, demonym } = target else {
                continue;
            };
            let h = Span {
                start: h_start,
                end: h_end,
            };
            let rest = &t[h.end..];
            let word_after = |n: usize| rest[n..].chars().next().is_some_and(char::is_alphanumeric);
            let mut end = h.end;
            let mut possessive = false;
            // A bare apostrophe after an `s` is a possessive unless it closes a quote.
            let quoted = t[..h.start].ends_with('\'');
            if (rest.starts_with("'s") || rest.starts_with("'S")) && !word_after(2) {
                end += 2;
                possessive = true;
            } else if t[..h.end].ends_with(['s', 'S'])
                && rest.starts_with('\'')
                && !word_after(1)
                && !quoted
            {
                end += 1;
                possessive = true;
            }
            out.push(EntityMatch {
                start: norm.orig_start(h.start),
                end: norm.orig_end(end),
                id: self.list[idx].id.clone(),
                demonym,
                possessive,
            });
        }
        out
    }

    /// "; did you mean `US`?" for an unknown id: the id written in another case, the entity
    /// it is an alias of (`USA`), or the closest id.
    pub(crate) fn suggest(&self, word: &str) -> String {
        let key = normalize_phrase(word).to_ascii_lowercase();
        let by_case = self.list.iter().find(|e| e.id.eq_ignore_ascii_case(word));
        let by_alias = || {
            self.list.iter().find(|e| {
                e.aliases
                    .iter()
                    .chain(&e.demonyms)
                    .any(|a| a.text.to_ascii_lowercase() == key)
            })
        };
        match by_case.or_else(by_alias) {
            Some(e) => format!("; did you mean `{}`?", e.id),
            None => suggestion(word, self.list.iter().map(|e| e.id.as_str())),
        }
    }

    pub(crate) fn get(&self, id: &str) -> Option<&Entity> {
        self.index.get(id).map(|&i| &self.list[i])
    }
}

/// A phrase's span in the normalized text.
struct Span {
    start: usize,
    end: usize,
}

/// One alias per spelling: the strictest case rule wins, then the first written.
fn dedupe(list: &mut Vec<Alias>) {
    let mut best: HashMap<String, usize> = HashMap::new();
    let mut keep = vec![true; list.len()];
    for (i, a) in list.iter().enumerate() {
        match best.entry(a.text.to_ascii_lowercase()) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(i);
            }
            std::collections::hash_map::Entry::Occupied(mut o) => {
                let j = *o.get();
                if a.case < list[j].case {
                    keep[j] = false;
                    o.insert(i);
                } else {
                    keep[i] = false;
                }
            }
        }
    }
    let mut k = keep.into_iter();
    list.retain(|_| k.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::default_rule_set;

    /// (text matched, id, demonym, possessive) for each entity found.
    fn found(text: &str) -> Vec<(String, String, bool, bool)> {
        default_rule_set()
            .find_entities(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    m.id,
                    m.demonym,
                    m.possessive,
                )
            })
            .collect()
    }

    fn ids(text: &str) -> Vec<String> {
        found(text).into_iter().map(|f| f.1).collect()
    }

    #[test]
    fn lower_case_us_is_the_pronoun() {
        assert!(ids("Let us compare; tell us more; trust us.").is_empty());
        assert!(ids("USB sticks and the USSR").is_empty());
        assert_eq!(ids("the US and the USA"), ["US", "US"]);
    }

    #[test]
    fn us_spellings_and_the_demonym() {
        assert_eq!(
            found("U.S. firms, American investors and the U.S.A."),
            [
                ("U.S.".into(), "US".into(), false, false),
                ("American".into(), "US".into(), true, false),
                ("U.S.A.".into(), "US".into(), false, false),
            ]
        );
        assert_eq!(
            ids("United States of America; America; Americans"),
            ["US", "US", "US"]
        );
        assert!(ids("american cheese").is_empty(), "demonyms need a capital");
    }

    #[test]
    fn possessives() {
        assert_eq!(
            found("Kazakhstan's exports and Kazakhstan’s imports; the Americans' view"),
            [
                ("Kazakhstan's".into(), "KZ".into(), false, true),
                ("Kazakhstan’s".into(), "KZ".into(), false, true),
                ("Americans'".into(), "US".into(), true, true),
            ]
        );
        assert_eq!(found("the U.S.'s share")[0].0, "U.S.'s");
        assert!(found("KAZAKHSTAN'S EXPORTS")[0].3);
        assert_eq!(found("the 'United States' deal")[0].0, "United States");
        assert!(!found("the 'United States' deal")[0].3);
    }

    #[test]
    fn kazakhstan_and_central_asia() {
        assert_eq!(
            found("the Republic of Kazakhstan, Kazakh and Kazakhstani firms, Kazakhs"),
            [
                ("Republic of Kazakhstan".into(), "KZ".into(), false, false),
                ("Kazakh".into(), "KZ".into(), true, false),
                ("Kazakhstani".into(), "KZ".into(), true, false),
                ("Kazakhs".into(), "KZ".into(), true, false),
            ]
        );
        assert_eq!(
            ids("Uzbekistan, Kyrgyz, Tajik, Turkmen and Afghan traders in Central Asia"),
            ["UZ", "KG", "TJ", "TM", "AF", "CENTRAL_ASIA"]
        );
        assert_eq!(
            ids("Central Asian states and the C5+1"),
            ["CENTRAL_ASIA", "C5_1"]
        );
    }

    #[test]
    fn all_caps_abbreviations_and_blocs() {
        assert_eq!(
            ids("the UK, the U.K., Britain and British banks"),
            ["GB"; 4]
        );
        assert_eq!(ids("the EU and the European Union"), ["EU", "EU"]);
        assert!(ids("eu uk cis").is_empty());
        assert_eq!(
            ids("the EAEU, the CIS, ASEAN and the G7"),
            ["EAEU", "CIS", "ASEAN", "G7"]
        );
        assert_eq!(
            ids("the World Bank, the IMF and USAID"),
            ["WORLD_BANK", "IMF", "USAID"]
        );
    }

    #[test]
    fn words_that_are_not_entities() {
        assert!(ids("Latin America and South American markets").is_empty());
        assert!(ids("US$5 billion, 3 US dollars and the Kazakh tenge").is_empty());
        assert!(ids("roast turkey on china plates; polish the silver").is_empty());
        assert_eq!(ids("Turkey, China and Polish firms"), ["TR", "CN", "PL"]);
        assert_eq!(ids("the Indian Ocean; Indian exports"), ["IN"]);
        assert_eq!(ids("New Jersey and Jersey"), ["JE"]);
    }

    #[test]
    fn longest_name_wins() {
        assert_eq!(
            ids("the Democratic Republic of the Congo and the Republic of the Congo"),
            ["CD", "CG"]
        );
        assert_eq!(
            ids("Papua New Guinea, Guinea-Bissau, Guinea"),
            ["PG", "GW", "GN"]
        );
        assert_eq!(ids("South Korea, North Korea, Korea"), ["KR", "KP", "KR"]);
        assert_eq!(ids("Northern Ireland and Ireland"), ["GB", "IE"]);
    }

    #[test]
    fn offsets_are_sorted_and_disjoint() {
        let text = "Kazakhstan–US trade: the United States and\nKazakhstan’s partners in the EU.";
        let found = default_rule_set().find_entities(text);
        assert_eq!(found.len(), 5);
        for w in found.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        assert_eq!(&text[found[4].start..found[4].end], "EU");
    }

    #[test]
    fn every_country_is_found_by_its_name() {
        let rs = default_rule_set();
        for e in rs
            .entities()
            .iter()
            .filter(|e| e.kind == EntityKind::Country)
        {
            if !e.aliases.iter().any(|a| a.text == e.name) {
                continue;
            }
            let got: Vec<String> = rs
                .find_entities(&e.name)
                .into_iter()
                .map(|m| m.id)
                .collect();
            assert_eq!(got, std::slice::from_ref(&e.id), "{}", e.name);
        }
    }

    #[test]
    fn iso_display_names() {
        assert_eq!(display_name("Korea (Republic of)"), "Republic of Korea");
        assert_eq!(
            display_name("Congo (Democratic Republic of the)"),
            "Democratic Republic of the Congo"
        );
        assert_eq!(
            display_name("Tanzania, United Republic of"),
            "United Republic of Tanzania"
        );
        assert_eq!(
            display_name("Cocos (Keeling) Islands"),
            "Cocos (Keeling) Islands"
        );
    }

    #[test]
    fn demonym_plurals() {
        assert_eq!(plural_demonym("American").as_deref(), Some("Americans"));
        assert_eq!(plural_demonym("Kazakh").as_deref(), Some("Kazakhs"));
        assert_eq!(plural_demonym("Chinese"), None);
        assert_eq!(plural_demonym("British"), None);
        assert_eq!(plural_demonym("Swiss"), None);
    }

    #[test]
    fn iso_data_covers_the_world() {
        let all = iso_countries();
        assert!(all.len() >= 249, "{}", all.len());
        let kz = all.iter().find(|c| c.id == "KZ").unwrap();
        assert_eq!(kz.name, "Kazakhstan");
        assert!(
            kz.aliases
                .iter()
                .any(|a| a.text == "Republic of Kazakhstan")
        );
        assert!(kz.demonyms.iter().any(|a| a.text == "Kazakhstani"));
    }
}
