//! Change expressions: "an increase of 37.2%", "fell by a third", "doubled", "up 12%".

use crate::number::Ctx;
use crate::token::TokKind;

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
}

/// The direction a change word names, if it is one.
pub fn change_word(w: &str) -> Option<Direction> {
    use Direction::{Decrease, Increase};
    Some(match w {
        "increase" | "increased" | "increases" | "increasing" | "rise" | "rose" | "risen"
        | "rises" | "rising" | "grow" | "grew" | "grown" | "grows" | "growing" | "growth"
        | "gain" | "gained" | "gains" | "jump" | "jumped" | "jumps" | "climb" | "climbed"
        | "climbs" | "surge" | "surged" | "surges" | "soar" | "soared" | "soars" | "expand"
        | "expanded" | "expands" | "expansion" | "up" | "advanced" | "rebounded" | "hike"
        | "hiked" | "boost" | "boosted" | "upturn" | "higher" | "climbing" | "jumping"
        | "surging" | "soaring" | "gaining" | "advancing" => Increase,
        "decrease" | "decreased" | "decreases" | "decreasing" | "fall" | "fell" | "fallen"
        | "falls" | "falling" | "decline" | "declined" | "declines" | "declining" | "drop"
        | "dropped" | "drops" | "dropping" | "slip" | "slipped" | "slid" | "shrink" | "shrank"
        | "shrunk" | "shrinks" | "contract" | "contracted" | "contraction" | "plunge"
        | "plunged" | "plummeted" | "tumbled" | "sank" | "slump" | "slumped" | "down" | "cut"
        | "reduced" | "reduction" | "eased" | "lower" | "dip" | "dipped" | "lost" | "loss"
        | "downturn" | "sliding" | "slipping" | "plunging" | "tumbling" | "sinking" => Decrease,
        _ => return None,
    })
}

/// Words allowed between a change word and its figure (`increased by`, `an increase of`).
fn is_link(w: &str) -> bool {
    matches!(
        w,
        "by" | "of" | "some" | "a" | "an" | "the" | "nearly" | "almost" | "about"
    )
}

/// A form of `make`, which with `up` means "amount to".
fn is_make(w: &str) -> bool {
    ["make", "makes", "made", "making"]
        .iter()
        .any(|m| w.eq_ignore_ascii_case(m))
}

/// A change word before token `k` (`increased by 58.8%`, `up 12%`); `floor` is the first token
/// that may be read. Returns the token where the change phrase starts.
pub fn before(ctx: Ctx<'_>, k: usize, floor: usize) -> Option<(usize, Direction)> {
    let mut j = k;
    let mut links = 0;
    // Whether the words between are just `by` (`up by 16.4 percent`).
    let mut just_by = true;
    while j > floor {
        j -= 1;
        let t = ctx.tok(j)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let w = ctx.lower(j);
        if let Some(d) = change_word(w) {
            // `rose to $2.5bn` is a level; `up` needs its figure right after it or after `by`,
            // and `made up` (`trade made up $1.5 billion`) says what a total amounts to, not a
            // change.
            if w == "up" && (!just_by || j > floor && is_make(ctx.str(j - 1))) {
                return None;
            }
            return Some((j, d));
        }
        if !is_link(w) || links >= 2 {
            return None;
        }
        just_by &= w == "by";
        links += 1;
    }
    None
}

/// A change word right after a quantity ending at token `k` (`a 12% increase`, `5% lower`,
/// `37.2% year-on-year`, `29.8% y/y`). Returns the end of the phrase.
pub fn after(ctx: Ctx<'_>, k: usize) -> Option<(usize, Option<Direction>)> {
    let t = ctx.tok(k)?;
    if t.kind != TokKind::Word || t.gap == crate::token::Gap::Newline {
        return None;
    }
    let w = ctx.lower(k);
    match w {
        "increase" | "rise" | "growth" | "gain" | "jump" | "hike" | "higher" | "expansion"
        | "surge" | "decline" | "drop" | "decrease" | "fall" | "reduction" | "contraction"
        | "lower" | "cut" => Some((k + 1, change_word(w))),
        // `37 percent more than in 2021`: a comparison with an earlier level.
        "more" if ctx.lower_is(k + 1, "than") => Some((k + 1, Some(Direction::Increase))),
        "less" | "fewer" if ctx.lower_is(k + 1, "than") => Some((k + 1, Some(Direction::Decrease))),
        "year" if ctx.is_dash(k + 1) && ctx.lower_is(k + 2, "on") => {
            Some((k + 5, None)).filter(|_| ctx.lower_is(k + 4, "year"))
        }
        "yoy" => Some((k + 1, None)),
        // `29.8% y/y`
        "y" if ctx.is_symbol(k + 1, '/') && ctx.lower_is(k + 2, "y") => Some((k + 3, None)),
        _ => None,
    }
}

/// The verbs (and adverbs) that state a change alone, with the growth each states in percent.
const VERB_FACTORS: [(&str, i64); 18] = [
    ("doubled", 100),
    ("doubling", 100),
    ("doubles", 100),
    ("twofold", 100),
    ("tripled", 200),
    ("trebled", 200),
    ("tripling", 200),
    ("triples", 200),
    ("threefold", 200),
    ("quadrupled", 300),
    ("quadrupling", 300),
    ("fourfold", 300),
    ("fivefold", 400),
    ("quintupled", 400),
    ("tenfold", 900),
    ("halved", -50),
    ("halving", -50),
    ("halves", -50),
];

// The gate keeps every listed word: checked when the list changes, at compile time.
const _: () = {
    let mut i = 0;
    while i < VERB_FACTORS.len() {
        assert!(may_be_verb(VERB_FACTORS[i].0.as_bytes()));
        i += 1;
    }
};

/// Whether `w` (in any ASCII case) may be a word [`verb_factor`] knows: `false` means none.
///
/// Every such word has 6 to 11 bytes and starts with `d`, `f`, `h`, `q` or `t` (a compile-time
/// check holds [`VERB_FACTORS`] to it). The scanner asks [`verb_factor`] of nearly every word
/// it reads, and the prefilter of every word of a paragraph without a digit: a length and a
/// first letter rule out most words before the list is compared.
#[inline]
pub const fn may_be_verb(w: &[u8]) -> bool {
    w.len() >= 6 && w.len() <= 11 && matches!(w[0] | 0x20, b'd' | b'f' | b'h' | b'q' | b't')
}

/// A change stated by a verb alone: `doubled` (+100%), `tripled`, `halved` (-50%),
/// `threefold`. Returns the growth in percent.
#[inline]
pub fn verb_factor(w: &str) -> Option<i64> {
    if !may_be_verb(w.as_bytes()) {
        return None;
    }
    listed_verb_factor(w)
}

/// [`verb_factor`] past its gate: the list itself.
fn listed_verb_factor(w: &str) -> Option<i64> {
    VERB_FACTORS
        .iter()
        .find(|(verb, _)| *verb == w)
        .map(|&(_, factor)| factor)
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// `scan_at` asks for a verb of change before ruling out long and non-ASCII words:
        /// no such word is a verb of change.
        #[test]
        fn no_long_or_non_ascii_word_is_a_verb(w in "[a-z\u{e9}\u{fc}]{1,40}") {
            if w.len() > 32 || !w.is_ascii() {
                proptest::prop_assert!(super::verb_factor(&w).is_none());
            }
        }
    }

    /// Every listed word.
    fn verbs() -> Vec<&'static str> {
        super::VERB_FACTORS.iter().map(|(w, _)| *w).collect()
    }

    #[test]
    fn the_gate_keeps_every_listed_verb_in_any_case() {
        for w in verbs() {
            assert!(super::verb_factor(w).is_some(), "{w}");
            assert!(super::may_be_verb(w.to_ascii_uppercase().as_bytes()), "{w}");
        }
    }

    #[test]
    fn verbs_are_short_and_ascii() {
        for w in ["doubled", "quadrupling", "threefold", "halves"] {
            assert!(super::verb_factor(w).is_some() && w.len() <= 32 && w.is_ascii());
        }
    }
}
