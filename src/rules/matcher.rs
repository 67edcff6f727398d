//! Phrase matching for entity and metric vocabularies: one Aho-Corasick automaton over every
//! alias, built once, then word bounds, case rules and leftmost-longest selection on top.
//!
//! The text is matched after a light normalization (white-space runs become one space, curly
//! apostrophes become `'`, Unicode hyphens become `-`), so "two‑way\ntrade" still matches
//! `two-way trade`; offsets are mapped back to the original text.

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

/// How an alias's letter case must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Case {
    /// As written: all-caps abbreviations (`US` never matches the pronoun "us").
    Exact,
    /// Any case, but starting with a capital: names that are also words (`Turkey`, `Polish`).
    Capitalized,
    /// Any letter case.
    Any,
}

impl Case {
    /// The rule an alias gets from its own spelling: all-caps abbreviations are exact.
    pub fn of(alias: &str) -> Self {
        let mut letters = alias.chars().filter(|c| c.is_alphabetic()).peekable();
        if letters.peek().is_some() && letters.all(char::is_uppercase) {
            Self::Exact
        } else {
            Self::Any
        }
    }

    fn accepts(self, written: &str, found: &str) -> bool {
        match self {
            Self::Exact => written == found,
            Self::Capitalized => found.chars().next().is_some_and(char::is_uppercase),
            Self::Any => true,
        }
    }
}

/// Normalize a phrase the way text is normalized before matching (see the module docs).
///
/// ASCII text that normalizing leaves as it is ([`needs_normalizing`]) is only trimmed,
/// without the offset map [`normalize`] builds: the linker looks up a counted noun this way
/// for every count it links.
pub fn normalize_phrase(s: &str) -> String {
    if s.is_ascii() && !needs_normalizing(s) {
        return s.trim().to_string();
    }
    normalize(s).0.trim().to_string()
}

/// One phrase to find, with what it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Phrase<T> {
    /// The phrase as written, normalized (see [`normalize_phrase`]).
    pub text: String,
    pub case: Case,
    pub value: T,
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit<'a, T> {
    /// Byte offsets in the normalized text.
    pub start: usize,
    pub end: usize,
    pub value: &'a T,
}

/// The compiled vocabulary.
#[derive(Debug, Clone)]
pub(crate) struct PhraseMatcher<T> {
    ac: Option<AhoCorasick>,
    /// The same patterns as a DFA, built once a run has searched enough text ([`Faster`]).
    faster: Faster,
    /// Per automaton pattern (an ASCII-lowercased phrase): the phrases spelled that way, most
    /// strict case rule first.
    targets: Vec<Vec<Phrase<T>>>,
}

impl<T> Default for PhraseMatcher<T> {
    fn default() -> Self {
        Self {
            ac: None,
            faster: Faster::default(),
            targets: Vec::new(),
        }
    }
}

/// Bytes of text searched with the NFA before the DFA is built. The DFA finds the same
/// matches about twice as fast, but building it over every alias takes some 35 ms (four
/// times the rest of loading the rules): worth it only for a large run, such as 100 MB of
/// documents, where the linker's phrase search is the largest cost after extraction. A run
/// of a few documents, or of the 1 and 10 MB bench corpora, never builds it.
const DFA_AFTER_BYTES: usize = 8 << 20;

/// The DFA of a [`PhraseMatcher`]'s patterns, built when the searches made so far pass
/// [`DFA_AFTER_BYTES`]. The search whose text crosses the mark builds it, on its own thread;
/// searches on other threads go on with the NFA meanwhile. Both automata give the same
/// matches, so which one a search used never shows in its result.
#[derive(Debug, Default)]
struct Faster {
    /// The automaton's patterns (the ASCII-lowercased keys), to build the DFA from.
    keys: Vec<String>,
    searched: std::sync::atomic::AtomicUsize,
    dfa: std::sync::OnceLock<AhoCorasick>,
}

impl Clone for Faster {
    fn clone(&self) -> Self {
        Self {
            keys: self.keys.clone(),
            searched: std::sync::atomic::AtomicUsize::new(
                self.searched.load(std::sync::atomic::Ordering::Relaxed),
            ),
            dfa: self.dfa.clone(),
        }
    }
}

impl Faster {
    /// The automaton to search `len` bytes with: the DFA once built, else `nfa`.
    fn searcher<'a>(&'a self, nfa: &'a AhoCorasick, len: usize) -> &'a AhoCorasick {
        if let Some(dfa) = self.dfa.get() {
            return dfa;
        }
        let before = self
            .searched
            .fetch_add(len, std::sync::atomic::Ordering::Relaxed);
        if before < DFA_AFTER_BYTES && before.saturating_add(len) >= DFA_AFTER_BYTES {
            // Only this search crosses the mark. A build that fails (too large) leaves the
            // NFA in use.
            if let Ok(dfa) = automaton(&self.keys, aho_corasick::AhoCorasickKind::DFA) {
                let _ = self.dfa.set(dfa);
            }
        }
        self.dfa.get().unwrap_or(nfa)
    }
}

/// The automaton over `keys` (ASCII-lowercased phrases) of the kind asked for.
fn automaton(
    keys: &[String],
    kind: aho_corasick::AhoCorasickKind,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(false)
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(keys)
}

impl<T: Clone> PhraseMatcher<T> {
    /// Compile the phrases. A hyphenated phrase also matches with a space ("two-way trade",
    /// "two way trade").
    ///
    /// # Errors
    /// Only if the automaton would be too large, which 100,000 aliases are far from.
    pub(crate) fn build(phrases: Vec<Phrase<T>>) -> Result<Self, String> {
        let mut keyed: Vec<(String, Phrase<T>)> = Vec::with_capacity(phrases.len());
        for p in phrases {
            if p.text.is_empty() {
                continue;
            }
            if p.text.contains('-') {
                let spaced = Phrase {
                    text: p.text.replace('-', " "),
                    case: p.case,
                    value: p.value.clone(),
                };
                keyed.push((spaced.text.to_ascii_lowercase(), spaced));
            }
            keyed.push((p.text.to_ascii_lowercase(), p));
        }
        // Group by spelling, the strictest case rule first (then as given: the sort is stable).
        keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.case.cmp(&b.1.case)));
        let mut keys: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Phrase<T>>> = Vec::new();
        for (key, p) in keyed {
            if keys.last() != Some(&key) {
                keys.push(key);
                targets.push(Vec::new());
            }
            if let Some(t) = targets.last_mut() {
                t.push(p);
            }
        }
        if keys.is_empty() {
            return Ok(Self::default());
        }
        // The keys are ASCII-lowercased, and so is the text searched (`find_split`): the same
        // matches as an ASCII-case-insensitive automaton, which holds a transition for both
        // cases of every letter and took twice as long to build.
        let ac = automaton(&keys, aho_corasick::AhoCorasickKind::ContiguousNFA)
            .map_err(|e| e.to_string())?;
        Ok(Self {
            ac: Some(ac),
            faster: Faster {
                keys,
                ..Faster::default()
            },
            targets,
        })
    }
}

impl<T> PhraseMatcher<T> {
    /// The NFA and a DFA of the phrases, built now, for tests that hold one to the other.
    #[cfg(test)]
    pub(crate) fn both_automata(&self) -> Option<(&AhoCorasick, AhoCorasick)> {
        let nfa = self.ac.as_ref()?;
        let dfa = automaton(&self.faster.keys, aho_corasick::AhoCorasickKind::DFA).ok()?;
        Some((nfa, dfa))
    }

    /// The phrases whose value `class` puts in a class (`Some(k)`, `k < N`): a vocabulary.
    pub(crate) fn len_where(&self, class: impl Fn(&T) -> bool) -> usize {
        self.targets
            .iter()
            .flatten()
            .filter(|p| class(&p.value))
            .count()
    }

    /// Every word-bounded phrase that passes its case rule, then the leftmost-longest
    /// non-overlapping ones, in text order.
    #[cfg(test)]
    pub(crate) fn find<'a>(&'a self, norm: &Normalized<'_>) -> Vec<Hit<'a, T>> {
        let [found] = self.find_split::<1>(norm, |_| Some(0));
        found
    }

    /// [`Self::find`] for `N` vocabularies compiled into one automaton, in one pass over the
    /// text: `class` says which vocabulary a phrase belongs to (`None`: none asked for). Each
    /// match is offered to each vocabulary (its first phrase of that spelling that passes its
    /// case rule), and each vocabulary keeps its own leftmost-longest hits, exactly as a
    /// matcher of its phrases alone would find them: reading a sentence once for the
    /// entities and the metrics halved the linker's matching.
    pub(crate) fn find_split<'a, const N: usize>(
        &'a self,
        norm: &Normalized<'_>,
        class: impl Fn(&T) -> Option<usize>,
    ) -> [Vec<Hit<'a, T>>; N] {
        let Some(ac) = &self.ac else {
            return std::array::from_fn(|_| Vec::new());
        };
        self.find_split_in(self.faster.searcher(ac, norm.text.len()), norm, class)
    }

    /// [`Self::find_split`] with the automaton `ac` (the NFA or the DFA of the phrases).
    #[inline]
    pub(crate) fn find_split_in<'a, const N: usize>(
        &'a self,
        ac: &AhoCorasick,
        norm: &Normalized<'_>,
        class: impl Fn(&T) -> Option<usize>,
    ) -> [Vec<Hit<'a, T>>; N] {
        let mut found: [Vec<Hit<'a, T>>; N] = std::array::from_fn(|_| Vec::new());
        let text: &str = &norm.text;
        // Same byte offsets: ASCII-lowercasing changes no byte's length.
        let lowered = text.to_ascii_lowercase();
        for m in ac.find_overlapping_iter(&lowered) {
            let (s, e) = (m.start(), m.end());
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            let written = &text[s..e];
            if !bounded(text, s, e, written) {
                continue;
            }
            let pid = m.pattern().as_usize();
            for (k, hits) in found.iter_mut().enumerate() {
                if let Some(p) = self.targets[pid]
                    .iter()
                    .find(|p| class(&p.value) == Some(k) && p.case.accepts(&p.text, written))
                {
                    hits.push(Hit {
                        start: s,
                        end: e,
                        value: &p.value,
                    });
                }
            }
        }
        found.map(|mut hits| {
            hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
            let mut out: Vec<Hit<'a, T>> = Vec::with_capacity(hits.len());
            for h in hits {
                if out.last().is_none_or(|l| h.start >= l.end) {
                    out.push(h);
                }
            }
            out
        })
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A phrase that starts (ends) with a word character must not touch another one.
fn bounded(text: &str, s: usize, e: usize, phrase: &str) -> bool {
    let starts_word = phrase.chars().next().is_some_and(is_word);
    let ends_word = phrase.chars().next_back().is_some_and(is_word);
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    !(starts_word && before.is_some_and(is_word) || ends_word && after.is_some_and(is_word))
}

/// A text as matched, with the map back to the original's byte offsets.
#[derive(Debug, Clone)]
pub(crate) struct Normalized<'t> {
    pub text: Cow<'t, str>,
    /// For each normalized byte: the original start and end of the character it came from;
    /// `None` when the text needed no change.
    map: Option<Vec<(usize, usize)>>,
}

impl<'t> Normalized<'t> {
    pub(crate) fn new(original: &'t str) -> Self {
        if !needs_normalizing(original) {
            return Self {
                text: Cow::Borrowed(original),
                map: None,
            };
        }
        let (text, map) = normalize(original);
        Self {
            text: Cow::Owned(text),
            map: Some(map),
        }
    }

    /// Original offset of a match starting at normalized byte `i`.
    pub(crate) fn orig_start(&self, i: usize) -> usize {
        match &self.map {
            None => i,
            Some(m) => m
                .get(i)
                .map_or_else(|| m.last().map_or(0, |l| l.1), |x| x.0),
        }
    }

    /// Original offset just after a match ending at normalized byte `i` (exclusive).
    pub(crate) fn orig_end(&self, i: usize) -> usize {
        match &self.map {
            None => i,
            Some(m) if i == 0 => m.first().map_or(0, |x| x.0),
            Some(m) => m.get(i - 1).map_or(0, |x| x.1),
        }
    }
}

/// Whether [`normalize`] would change `s`. Most sentences are ASCII, where no character has a
/// replacement and the only white space that changes is U+0009..=U+000D: one pass that reads
/// sixteen bytes at a time and a search for two spaces, instead of decoding every character.
fn needs_normalizing(s: &str) -> bool {
    if s.is_ascii() {
        crate::token::any_byte(s.as_bytes(), |b| (0x09..=0x0d).contains(&b))
            || memchr::memmem::find(s.as_bytes(), b"  ").is_some()
    } else {
        s.chars().any(needs_change) || s.contains("  ")
    }
}

fn needs_change(c: char) -> bool {
    (c.is_whitespace() && c != ' ') || replacement(c).is_some()
}

fn replacement(c: char) -> Option<char> {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => Some('\''),
        '\u{2010}' | '\u{2011}' => Some('-'),
        _ => None,
    }
}

/// The normalized text and, per normalized byte, the original character's byte range.
fn normalize(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            while chars.peek().is_some_and(|(_, n)| n.is_whitespace()) {
                chars.next();
            }
            out.push(' ');
            map.push((i, end));
            continue;
        }
        let r = replacement(c).unwrap_or(c);
        out.push(r);
        map.extend(std::iter::repeat_n((i, end), r.len_utf8()));
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search that crosses the mark builds the DFA; the searches after it use it and
    /// find the same.
    #[test]
    fn a_large_run_switches_to_the_dfa() {
        let m = PhraseMatcher::build(vec![Phrase {
            text: "trade".to_string(),
            case: Case::Any,
            value: 1u8,
        }])
        .expect("one phrase");
        let norm = Normalized::new("Trade and more trade");
        let before = m.find_split::<1>(&norm, |_| Some(0));
        assert!(m.faster.dfa.get().is_none());
        m.faster
            .searched
            .store(DFA_AFTER_BYTES - 1, std::sync::atomic::Ordering::Relaxed);
        let after = m.find_split::<1>(&norm, |_| Some(0));
        assert!(m.faster.dfa.get().is_some());
        assert_eq!(before, after);
        assert_eq!(after[0].len(), 2);
    }

    fn m(phrases: &[(&str, Case, u32)]) -> PhraseMatcher<u32> {
        PhraseMatcher::build(
            phrases
                .iter()
                .map(|(t, c, v)| Phrase {
                    text: normalize_phrase(t),
                    case: *c,
                    value: *v,
                })
                .collect(),
        )
        .unwrap()
    }

    fn find(pm: &PhraseMatcher<u32>, text: &str) -> Vec<(String, u32)> {
        let n = Normalized::new(text);
        pm.find(&n)
            .into_iter()
            .map(|h| {
                let (s, e) = (n.orig_start(h.start), n.orig_end(h.end));
                (text[s..e].to_string(), *h.value)
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// ASCII text with and without each ASCII white space, runs of spaces, and text with
        /// curly apostrophes, Unicode hyphens and white space: the ASCII path agrees with
        /// reading every character.
        #[test]
        fn needs_normalizing_matches_reading_every_character(
            pieces in proptest::collection::vec(0usize..12, 0..40),
        ) {
            let piece = |k: usize| match k {
                0 => "trade",
                1 => " ",
                2 => "  ",
                3 => "\n",
                4 => "\t",
                5 => "\u{b}",
                6 => "\u{c}",
                7 => "\r",
                8 => "\u{2019}",
                9 => "\u{2011}",
                10 => "\u{a0}",
                _ => "é",
            };
            let text: String = pieces.into_iter().map(piece).collect();
            proptest::prop_assert_eq!(
                needs_normalizing(&text),
                text.chars().any(needs_change) || text.contains("  ")
            );
            let (folded, _) = normalize(&text);
            proptest::prop_assert_eq!(normalize_phrase(&text), folded.trim());
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Phrases of any letter case are found in text of any ASCII letter case, at the same
        /// offsets (the automaton reads the text ASCII-lowercased), and the case rules still
        /// read the text as written.
        #[test]
        fn phrases_are_found_in_any_ascii_case(
            pieces in proptest::collection::vec(0usize..9, 0..16),
            flips in proptest::collection::vec(proptest::prelude::any::<bool>(), 160),
        ) {
            let pm = m(&[
                ("Trade", Case::Any, 1),
                ("trade TURNOVER", Case::Any, 2),
                ("US", Case::Exact, 3),
                ("Turkey", Case::Capitalized, 4),
                ("\u{e9}t\u{e9}", Case::Any, 5),
            ]);
            let piece = |k: usize| match k {
                0 => "trade ",
                1 => "trade turnover ",
                2 => "us ",
                3 => "turkey ",
                4 => "\u{e9}t\u{e9} ",
                5 => "tradeturnover ",
                6 => "\u{c9}t\u{c9} ",
                7 => ", ",
                _ => "x ",
            };
            let lower: String = pieces.into_iter().map(piece).collect();
            let text: String = lower
                .chars()
                .zip(flips.iter().cycle())
                .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            let found = find(&pm, &text);
            let lower_found = find(&pm, &lower);
            // Phrases of any case: the same hits as in the lower-case text.
            let any = |hits: &[(String, u32)]| -> Vec<(String, u32)> {
                hits.iter()
                    .filter(|(_, v)| matches!(v, 1 | 2 | 5))
                    .map(|(w, v)| (w.to_ascii_lowercase(), *v))
                    .collect()
            };
            proptest::prop_assert_eq!(any(&found), any(&lower_found), "{:?}", text);
            // Case rules read the text as written: `US` only so, `Turkey` only capitalized.
            let words: Vec<&str> = text.split(' ').collect();
            let count = |v: u32| found.iter().filter(|h| h.1 == v).count();
            proptest::prop_assert_eq!(count(3), words.iter().filter(|w| **w == "US").count());
            proptest::prop_assert_eq!(
                count(4),
                words
                    .iter()
                    .filter(|w| w.eq_ignore_ascii_case("turkey") && w.starts_with('T'))
                    .count()
            );
        }
    }

    #[test]
    fn longest_word_bounded_match_wins() {
        let pm = m(&[
            ("trade", Case::Any, 1),
            ("trade turnover", Case::Any, 2),
            ("US", Case::Exact, 3),
        ]);
        assert_eq!(
            find(&pm, "Trade turnover with US firms; USB trades; us"),
            [("Trade turnover".into(), 2), ("US".into(), 3)]
        );
    }

    #[test]
    fn a_failed_long_match_does_not_hide_a_shorter_one() {
        let pm = m(&[("trade", Case::Any, 1), ("trade turnovers", Case::Any, 2)]);
        assert_eq!(find(&pm, "trade turnoverse"), [("trade".into(), 1)]);
    }

    #[test]
    fn offsets_map_back_through_normalization() {
        let pm = m(&[
            ("two-way trade", Case::Any, 1),
            ("Kazakhstan's", Case::Any, 2),
        ]);
        let text = "“two\u{2011}way \n trade” and Kazakhstan’s";
        assert_eq!(
            find(&pm, text),
            [
                ("two\u{2011}way \n trade".into(), 1),
                ("Kazakhstan’s".into(), 2)
            ]
        );
    }

    #[test]
    fn capitalized_phrases_need_a_capital() {
        let pm = m(&[("Turkey", Case::Capitalized, 1)]);
        assert_eq!(find(&pm, "turkey TURKEY Turkey").len(), 2);
    }
}
