//! Units after or before a number: currencies, percent, percentage points, scale abbreviations,
//! counted nouns.

use std::borrow::Cow;
use std::sync::LazyLock;

use rust_decimal::Decimal;

use crate::number::Ctx;
use crate::rules::Currencies;
use crate::rules::currency::Currency;
use crate::rules::word_set::WordSet;
use crate::token::{Gap, TokKind};

/// Tokens joined as written (one space for any gap), with an ASCII-lowercased copy and the
/// byte span of each token, so every sub-phrase is a slice. One allocation per lookup site
/// (the text and its lower-cased copy share a buffer; up to eight spans are held inline), not
/// one per candidate length.
#[derive(Debug, Default)]
pub struct Phrase {
    /// The phrase as written, then the same bytes ASCII-lowercased.
    buf: String,
    /// Where the lower-cased copy starts in `buf` (the length of the phrase).
    half: usize,
    /// Byte span of each token in the phrase (the same in both copies: ASCII lowercasing
    /// keeps lengths): the first [`INLINE_SPANS`] here, all of them in `more` past that.
    spans: [(usize, usize); INLINE_SPANS],
    n: usize,
    more: Vec<(usize, usize)>,
    /// Index of the first token in the text.
    pub first: usize,
}

/// Spans held without allocating: every lookup site reads at most eight tokens.
const INLINE_SPANS: usize = 8;

impl Phrase {
    /// Tokens `a..b`, ending at a line break: for phrases read forwards from `a`.
    pub fn after(ctx: Ctx<'_>, a: usize, b: usize) -> Self {
        Self::build(ctx, a, b, false)
    }

    /// Tokens `a..b`, starting after the last line break: for phrases read backwards from `b`.
    pub fn before(ctx: Ctx<'_>, a: usize, b: usize) -> Self {
        Self::build(ctx, a, b, true)
    }

    /// A phrase never spans lines: a line break ends it, or (`restart`) starts it anew.
    fn build(ctx: Ctx<'_>, a: usize, b: usize, restart: bool) -> Self {
        let b = b.min(ctx.toks.len());
        // Sized once: the tokens' span in the text bounds the phrase (gaps become one space),
        // twice over for the lower-cased copy.
        let bytes = match (ctx.tok(a), b.checked_sub(1).and_then(|l| ctx.tok(l))) {
            (Some(first), Some(last)) if a < b => last.end.saturating_sub(first.start),
            _ => 0,
        };
        let mut p = Self {
            first: a,
            buf: String::with_capacity(2 * bytes),
            ..Self::default()
        };
        for k in a..b {
            let Some(t) = ctx.tok(k) else { break };
            if k > p.first {
                match t.gap {
                    Gap::Newline if !restart => break,
                    Gap::Newline => {
                        p.buf.clear();
                        p.n = 0;
                        p.more.clear();
                        p.first = k;
                    }
                    Gap::Space => p.buf.push(' '),
                    Gap::None => {}
                }
            }
            let s = p.buf.len();
            p.buf.push_str(&ctx.text[t.start..t.end]);
            p.push_span((s, p.buf.len()));
        }
        p.half = p.buf.len();
        p.buf.extend_from_within(..p.half);
        p.buf[p.half..].make_ascii_lowercase();
        p
    }

    fn push_span(&mut self, span: (usize, usize)) {
        if self.n < INLINE_SPANS {
            self.spans[self.n] = span;
        } else {
            if self.n == INLINE_SPANS {
                self.more.extend_from_slice(&self.spans);
            }
            self.more.push(span);
        }
        self.n += 1;
    }

    fn span(&self, i: usize) -> (usize, usize) {
        if self.n <= INLINE_SPANS {
            self.spans[i]
        } else {
            self.more[i]
        }
    }

    /// The whole phrase as written.
    pub fn orig(&self) -> &str {
        &self.buf[..self.half]
    }

    /// Tokens `i..j` of the phrase (0-based), as written and lower-cased.
    pub fn slice(&self, i: usize, j: usize) -> Option<(&str, &str)> {
        if i >= j || j > self.n {
            return None;
        }
        let (s, e) = (self.span(i).0, self.span(j - 1).1);
        Some((&self.buf[s..e], &self.buf[self.half + s..self.half + e]))
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

/// Join tokens `a..b` as written, one space for any gap; `None` across a line break.
pub fn phrase(ctx: Ctx<'_>, a: usize, b: usize) -> Option<String> {
    let p = Phrase::after(ctx, a, b);
    (p.len() == b - a).then(|| p.orig().to_string())
}

/// A scale abbreviation after a number (`bn`, `mln`, `k`, `MM`, `G`); `money` allows the ones
/// that are only safe next to a currency (`m`, `b`, `T`: otherwise metres, bits, tesla).
pub fn scale_abbrev(word: &str, money: bool) -> Option<u8> {
    Some(match word {
        "k" | "K" | "thsd" | "thous" => 3,
        "mn" | "mln" | "Mn" | "Mln" | "MM" | "mio" | "Mio" | "mil" => 6,
        "M" => 6,
        "m" if money => 6,
        "bn" | "bln" | "Bn" | "Bln" | "BN" | "bil" => 9,
        "G" => 9,
        "b" | "B" if money => 9,
        "tn" | "trln" | "tln" | "Tn" | "TN" | "trn" => 12,
        "T" if money => 12,
        _ => return None,
    })
}

/// A currency match: tokens `start..end`, the currency, and a scale carried by the symbol
/// (`MUSD` is millions of US dollars).
#[derive(Debug, Clone)]
pub struct CurrencyMatch<'c> {
    pub start: usize,
    pub end: usize,
    pub currency: &'c Currency,
    pub scale: Option<u8>,
}

/// The longest currency symbol, code or name starting at token `k`.
pub fn currency_after<'c>(
    ctx: Ctx<'_>,
    cur: &'c Currencies,
    k: usize,
) -> Option<CurrencyMatch<'c>> {
    let first = ctx.tok(k)?;
    if first.gap == Gap::Newline {
        return None;
    }
    if !cur.may_start(ctx.str(k)) {
        return None;
    }
    let max = cur.max_tokens.min(8);
    let p = Phrase::after(ctx, k, k + max);
    for len in (1..=p.len()).rev() {
        let end = k + len;
        let Some((orig, lower)) = p.slice(0, len) else {
            continue;
        };
        if let Some(m) = lookup(cur, orig, lower, k, end) {
            // A phrase glued to more letters is part of a longer word (`Mr`, `USDA`).
            if let Some(next) = ctx.tok(end) {
                let last = ctx.tok(end - 1)?;
                if next.gap == Gap::None && next.kind == TokKind::Word && last.kind == TokKind::Word
                {
                    continue;
                }
            }
            return Some(m);
        }
    }
    None
}

/// The longest currency symbol, code or name ending just before token `k`, not reaching before
/// token `floor`.
pub fn currency_before<'c>(
    ctx: Ctx<'_>,
    cur: &'c Currencies,
    k: usize,
    floor: usize,
) -> Option<CurrencyMatch<'c>> {
    let num = ctx.tok(k)?;
    if num.gap == Gap::Newline || k == 0 || k <= floor {
        return None;
    }
    if !cur.may_end(ctx.str(k - 1)) {
        return None;
    }
    let max = cur.max_tokens.min(8);
    let lo = k.saturating_sub(max).max(floor);
    let p = Phrase::before(ctx, lo, k);
    let n = p.len();
    for len in (1..=n).rev() {
        let start = k - len;
        let Some((orig, lower)) = p.slice(n - len, n) else {
            continue;
        };
        if let Some(m) = lookup(cur, orig, lower, start, k) {
            // The phrase must start at a word boundary (`US$`, not the `S$` of `US$`).
            if start > 0 {
                let t = ctx.tok(start)?;
                let prev = ctx.tok(start - 1)?;
                if t.gap == Gap::None
                    && (prev.kind == TokKind::Word || matches!(prev.kind, TokKind::Number(_)))
                {
                    continue;
                }
            }
            return Some(m);
        }
    }
    None
}

fn lookup<'c>(
    cur: &'c Currencies,
    orig: &str,
    lower: &str,
    start: usize,
    end: usize,
) -> Option<CurrencyMatch<'c>> {
    if let Some(c) = cur.lookup_normalized(orig, lower) {
        return Some(CurrencyMatch {
            start,
            end,
            currency: c,
            scale: None,
        });
    }
    // `MUSD`, `MEUR`: millions of a currency (Scandinavian and German business style).
    if orig.len() == 4
        && orig.starts_with('M')
        && let Some(c) = cur.by_code(&orig[1..])
    {
        return Some(CurrencyMatch {
            start,
            end,
            currency: c,
            scale: Some(6),
        });
    }
    None
}

/// Percent words and signs after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentUnit {
    Percent,
    /// Percentage points.
    Points,
    /// Basis points: hundredths of a percentage point.
    BasisPoints,
}

/// `%`, `percent`, `per cent`, `pct`, `percentage points`, `pp`, `bps` at token `k`.
pub fn percent_after(ctx: Ctx<'_>, k: usize) -> Option<(usize, PercentUnit)> {
    let t = ctx.tok(k)?;
    if t.gap == Gap::Newline {
        return None;
    }
    if matches!(t.kind, TokKind::Symbol('%' | '\u{FF05}' | '\u{066A}')) {
        return Some((k + 1, PercentUnit::Percent));
    }
    if t.kind != TokKind::Word {
        return None;
    }
    // A word token holds no white space, so its ASCII-lowercased form is what
    // `currency::normalize` would make of it (without allocating).
    let w = ctx.lower(k);
    let points_at = |j: usize| {
        ctx.tok(j).is_some_and(|t| t.gap != Gap::Newline)
            && matches!(ctx.lower(j), "point" | "points" | "pts")
    };
    match w {
        "percentage" | "percent" | "percents" | "pct" if points_at(k + 1) => {
            Some((k + 2, PercentUnit::Points))
        }
        "percent" | "percents" | "pct" | "percentage" | "pc" => Some((k + 1, PercentUnit::Percent)),
        "per" if ctx.lower_is(k + 1, "cent") => {
            if points_at(k + 2) {
                Some((k + 3, PercentUnit::Points))
            } else {
                Some((k + 2, PercentUnit::Percent))
            }
        }
        "pp" | "ppt" | "ppts" | "pps" => Some((k + 1, PercentUnit::Points)),
        "p" if ctx.is_symbol(k + 1, '.') && ctx.lower_is(k + 2, "p") => {
            let end = if ctx.is_symbol(k + 3, '.') {
                k + 4
            } else {
                k + 3
            };
            Some((end, PercentUnit::Points))
        }
        "bps" | "bp" => Some((k + 1, PercentUnit::BasisPoints)),
        "basis" if matches!(ctx.lower(k + 1), "point" | "points") => {
            Some((k + 2, PercentUnit::BasisPoints))
        }
        _ => None,
    }
}

/// Words that never name what a number counts.
const NOT_NOUNS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "also",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "away",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "earlier",
    "either",
    "else",
    "end",
    // `(2025 est.)`: an estimate's year, not 2,025 of something.
    "est",
    "ended",
    "enough",
    "even",
    "ever",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "nearly",
    "neither",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "past",
    "per",
    "plus",
    "rather",
    "respectively",
    "same",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "till",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whereas",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "s",
    "t",
    "st",
    "nd",
    "rd",
    "th",
    "percent",
    "percentage",
    "times",
    "time",
    "compared",
    "versus",
    "vs",
    "year-on-year",
    "alone",
    "apiece",
    "each",
    "overall",
    "total",
    "respectively",
    "already",
    "again",
    "amid",
    "reached",
    "amounted",
    "stood",
    "totalled",
    "totaled",
    "rose",
    "fell",
    "grew",
    "increased",
    "decreased",
    "declined",
    "dropped",
    "jumped",
    "exceeded",
    "topped",
    "reaching",
    "according",
    "said",
    "says",
    "say",
    "announced",
    "among",
    "became",
    "made",
    "worth",
    "valued",
];

/// Words that make a compound adjective with a number, not a count (`two-way trade`).
const COMPOUND_ADJECTIVES: &[&str] = &[
    "way",
    "sided",
    "off",
    "time",
    "dimensional",
    "party",
    "tier",
    "track",
    "state",
    "faced",
    "handed",
    "fold",
    "plus",
    "stop",
    "step",
    "speed",
    "sized",
    "size",
    "point",
    "pronged",
];

/// Adjectives often found between a number and its noun (`590 new companies`).
const MODIFIERS: &[&str] = &[
    "new",
    "more",
    "additional",
    "other",
    "foreign",
    "local",
    "major",
    "large",
    "small",
    "big",
    "joint",
    "private",
    "public",
    "state",
    "active",
    "registered",
    "operating",
    "full-time",
    "permanent",
    "direct",
    "international",
    "domestic",
    "different",
    "separate",
    "key",
    "square",
    "cubic",
    "metric",
    "million",
    "billion",
];

/// [`COMPOUND_ADJECTIVES`], [`MODIFIERS`] and [`NOT_NOUNS`] as sets, read for most figures.
struct WordLists {
    compound_adjectives: WordSet,
    modifiers: WordSet,
    not_nouns: WordSet,
}

static WORD_LISTS: LazyLock<WordLists> = LazyLock::new(|| {
    let set = |words: &[&str]| words.iter().copied().collect();
    WordLists {
        compound_adjectives: set(COMPOUND_ADJECTIVES),
        modifiers: set(MODIFIERS),
        not_nouns: set(NOT_NOUNS),
    }
});

/// `word` (in any ASCII case) is one of the compound adjectives (`COMPOUND_ADJECTIVES`).
pub fn is_compound_adjective(word: &str) -> bool {
    WORD_LISTS.compound_adjectives.contains(word)
}

/// The counted noun after a number (`590 companies` -> `company`), skipping a few modifiers
/// and capitalized words (`590 American companies`). Returns the noun's token and its singular.
pub fn counted_noun(ctx: Ctx<'_>, k: usize) -> Option<(usize, String)> {
    let WordLists {
        compound_adjectives,
        modifiers,
        not_nouns,
    } = &*WORD_LISTS;
    let mut j = k;
    let mut skipped = 0;
    // `27-kilometer`: a unit glued by a hyphen; but `two-way`, `one-off` are adjectives.
    if ctx.is_dash(j) && ctx.gap(j) == Gap::None && ctx.gap(j + 1) == Gap::None {
        if compound_adjectives.contains(ctx.str(j + 1)) {
            return None;
        }
        j += 1;
    }
    loop {
        let t = ctx.tok(j)?;
        if t.gap == Gap::Newline || t.kind != TokKind::Word {
            return None;
        }
        let w = ctx.str(j);
        // Lower-cased as a whole (`İ` is not ASCII); an ASCII word is read from the lowered
        // chunk, without a copy.
        let lower: Cow<'_, str> = if w.is_ascii() {
            Cow::Borrowed(ctx.lower(j))
        } else {
            Cow::Owned(w.to_lowercase())
        };
        let first = w.chars().next()?;
        if first.is_uppercase() {
            // `590 American companies`: skip a capitalized modifier, but a capitalized word
            // alone is a name (`2 Fast`), not a unit.
            if skipped >= 2 || w.len() == 1 {
                return None;
            }
            skipped += 1;
            j += 1;
            continue;
        }
        // The lists are ASCII and lower-case, so a look-up of `lower` (ASCII-lowercased
        // again by the set) is a look-up of `lower` as it is.
        if modifiers.contains(&lower)
            && skipped < 2
            && let Some(next) = ctx.tok(j + 1)
            && next.kind == TokKind::Word
            && next.gap == Gap::Space
        {
            skipped += 1;
            j += 1;
            continue;
        }
        if not_nouns.contains(&lower) || lower.len() < 2 && t.gap != Gap::None {
            return None;
        }
        if crate::number::words::classify(&lower).is_some() {
            return None;
        }
        // `40 demonstration farms`: a noun modifying the plural head noun after it.
        if !lower.ends_with('s')
            && let Some(next) = ctx.tok(j + 1)
        {
            let nw = ctx.lower(j + 1);
            if next.kind == TokKind::Word
                && next.gap == Gap::Space
                && nw.len() > 3
                && nw.ends_with('s')
                && !nw.ends_with("ss")
                && !not_nouns.contains(nw)
                && ctx
                    .str(j + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            {
                return Some((j + 1, singular(nw)));
            }
        }
        return Some((j, singular(&lower)));
    }
}

/// Irregular plurals.
const IRREGULAR: &[(&str, &str)] = &[
    ("people", "person"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("lives", "life"),
    ("knives", "knife"),
    ("wives", "wife"),
    ("halves", "half"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("indices", "index"),
];

/// Every word whose [`singular`] is `w` (`w` itself included when it is its own singular):
/// the inverse of `singular`, so a set of words can be widened once to match their plurals.
pub fn plurals_of(w: &str) -> Vec<String> {
    let mut candidates = vec![w.to_string(), format!("{w}s"), format!("{w}es")];
    if let Some(stem) = w.strip_suffix('y') {
        candidates.push(format!("{stem}ies"));
    }
    candidates.extend(
        IRREGULAR
            .iter()
            .filter(|(_, s)| *s == w)
            .map(|(p, _)| (*p).to_string()),
    );
    candidates.retain(|c| singular(c) == w);
    candidates
}

/// Every sub-unit word and every word whose [`singular`] it is ([`plurals_of`]), compared
/// ASCII-case-insensitively: the only words a sub-unit look-up (the word lower-cased, then its
/// singular) can find. An ASCII word not in the set is no sub-unit, which most words after a
/// figure are not: they are ruled out without the copies a look-up makes.
pub fn subunit_forms(currencies: &Currencies) -> WordSet {
    let mut set = WordSet::default();
    for s in currencies.subunit_words() {
        set.insert(s);
        set.extend(plurals_of(s).iter().map(String::as_str));
    }
    set
}

/// A simple English singular: `companies` -> `company`, `boxes` -> `box`, `jobs` -> `job`.
pub fn singular(w: &str) -> String {
    const SAME: &[&str] = &[
        "series",
        "species",
        "news",
        "means",
        "headquarters",
        "people",
        "sheep",
        "data",
        "gas",
    ];
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return (*s).to_string();
    }
    if SAME.contains(&w) || w.len() <= 3 {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "xes", "ches", "shes", "zzes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix('s') {
        return stem.to_string();
    }
    w.to_string()
}

/// Cents, pence and other sub-units: the divisor that turns them into the main unit.
pub fn subunit_divisor(word: &str) -> Decimal {
    match word {
        // The Chinese jiao/mao is a tenth; everything else listed is a hundredth.
        "mao" | "jiao" => Decimal::TEN,
        _ => Decimal::ONE_HUNDRED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Phrase::build` as it was: three buffers, the lower-cased copy made at the end.
    fn plain_phrase(
        ctx: Ctx<'_>,
        a: usize,
        b: usize,
        restart: bool,
    ) -> (String, String, Vec<(usize, usize)>, usize) {
        let b = b.min(ctx.toks.len());
        let (mut orig, mut spans, mut first) = (String::new(), Vec::new(), a);
        for k in a..b {
            let Some(t) = ctx.tok(k) else { break };
            if k > first {
                match t.gap {
                    Gap::Newline if !restart => break,
                    Gap::Newline => {
                        orig.clear();
                        spans.clear();
                        first = k;
                    }
                    Gap::Space => orig.push(' '),
                    Gap::None => {}
                }
            }
            let s = orig.len();
            orig.push_str(&ctx.text[t.start..t.end]);
            spans.push((s, orig.len()));
        }
        let lower = orig.to_ascii_lowercase();
        (orig, lower, spans, first)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// The one-buffer phrase has the plain one's tokens, slices and first token, for
        /// phrases of up to and past eight tokens, across line breaks both ways.
        #[test]
        fn phrase_is_the_plain_one(
            text in "([A-Za-z\u{e9}]{1,5}|[$%.,]|[0-9]{1,3})([ \n]{0,2}([A-Za-z\u{e9}]{1,5}|[$%.,]|[0-9]{1,3})){0,16}",
            a in 0usize..20,
            len in 0usize..14,
            restart in proptest::prelude::any::<bool>(),
        ) {
            let mut toks = crate::token::Tokens::default();
            toks.tokenize(&text);
            let mut cls = crate::number::Classes::default();
            cls.compute(&text, &toks);
            let ctx = Ctx { text: &text, toks: &toks, cls: &cls };
            let p = Phrase::build(ctx, a, a + len, restart);
            let (orig, lower, spans, first) = plain_phrase(ctx, a, a + len, restart);
            proptest::prop_assert_eq!(p.orig(), orig.as_str());
            proptest::prop_assert_eq!(p.len(), spans.len());
            proptest::prop_assert_eq!(p.first, first);
            for i in 0..=spans.len() + 1 {
                for j in 0..=spans.len() + 1 {
                    let plain = (i < j && j <= spans.len()).then(|| {
                        let (s, e) = (spans[i].0, spans[j - 1].1);
                        (&orig[s..e], &lower[s..e])
                    });
                    proptest::prop_assert_eq!(p.slice(i, j), plain);
                }
            }
        }
    }

    #[test]
    fn long_phrases_keep_every_span() {
        let text = "One Two three four five six seven eight Nine ten";
        let mut toks = crate::token::Tokens::default();
        toks.tokenize(text);
        let mut cls = crate::number::Classes::default();
        cls.compute(text, &toks);
        let ctx = Ctx {
            text,
            toks: &toks,
            cls: &cls,
        };
        let p = Phrase::after(ctx, 0, 10);
        assert_eq!(p.len(), 10);
        assert_eq!(p.slice(7, 10), Some(("eight Nine ten", "eight nine ten")));
        assert_eq!(phrase(ctx, 1, 3).as_deref(), Some("Two three"));
    }

    /// Whether the sub-unit look-up of `subunit_alone` finds `w`.
    fn subunit_found(c: &Currencies, w: &str) -> bool {
        let key = if w.chars().count() == 1 {
            w.to_string()
        } else {
            w.to_lowercase()
        };
        c.by_subunit(&key)
            .or_else(|| c.by_subunit(&singular(&key)))
            .is_some()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        /// Sub-unit words, their plurals and near misses in any ASCII case, and other words:
        /// every ASCII word the look-up finds is in the set of sub-unit forms.
        #[test]
        fn the_subunit_forms_hold_every_word_a_look_up_finds(
            pick in 0usize..1000,
            suffix in proptest::sample::select(vec!["", "s", "es", "ies", "y", "x", "e"]),
            cut in 0usize..2,
            upper in proptest::prelude::any::<bool>(),
            other in "[a-zA-Z]{1,8}",
        ) {
            let v = crate::rules::default_vocabulary();
            let words: Vec<&str> = v.currencies.subunit_words().collect();
            let base = words[pick % words.len()];
            // Its last `cut` characters dropped, keeping one.
            let keep = base.chars().count().saturating_sub(cut).max(1);
            let base: String = base.chars().take(keep).collect();
            let mut w = format!("{base}{suffix}");
            if upper {
                w = w.to_ascii_uppercase();
            }
            for w in [w.as_str(), other.as_str()] {
                if w.is_ascii() && subunit_found(&v.currencies, w) {
                    proptest::prop_assert!(v.subunit_forms.contains(w), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn every_subunit_and_its_plurals_are_sub_unit_forms() {
        let v = crate::rules::default_vocabulary();
        for s in v.currencies.subunit_words() {
            assert!(v.subunit_forms.contains(s), "{s:?}");
            for p in plurals_of(s) {
                assert!(v.subunit_forms.contains(&p), "{p:?}");
            }
        }
        assert!(v.subunit_forms.contains("Cents"));
        assert!(!v.subunit_forms.contains("exports"));
    }

    #[test]
    fn word_lists_are_lower_case_ascii() {
        // The sets fold ASCII case: a list word with a capital would match where the list's
        // exact spelling never did.
        for list in [COMPOUND_ADJECTIVES, MODIFIERS, NOT_NOUNS] {
            for w in list {
                assert!(
                    w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
                    "{w}"
                );
            }
        }
        assert!(is_compound_adjective("WAY") && !is_compound_adjective("kilometer"));
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("companies"), "company");
        assert_eq!(singular("jobs"), "job");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("people"), "person");
        assert_eq!(singular("bus"), "bus");
        assert_eq!(singular("business"), "business");
    }

    #[test]
    fn plurals_invert_singular() {
        assert_eq!(plurals_of("cent"), ["cent", "cents"]);
        // `pennys` too: `singular` strips any final `s`.
        assert_eq!(plurals_of("penny"), ["penny", "pennys", "pennies"]);
        assert_eq!(plurals_of("box"), ["box", "boxs", "boxes"]);
        assert_eq!(plurals_of("person"), ["person", "persons", "people"]);
        for w in ["kopeck", "tiyn", "fen", "paisa", "halala", "life"] {
            for p in plurals_of(w) {
                assert_eq!(singular(&p), w, "{p}");
            }
        }
    }

    #[test]
    fn scale_abbreviations_need_money_when_ambiguous() {
        assert_eq!(scale_abbrev("bn", false), Some(9));
        assert_eq!(scale_abbrev("m", false), None);
        assert_eq!(scale_abbrev("m", true), Some(6));
    }
}
