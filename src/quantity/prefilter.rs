//! A cheap test run before the scanner: can this text hold a quantity at all?
//!
//! Most paragraphs of prose hold no figure. Tokenizing them, classifying their words, finding
//! their time expressions and splitting their sentences is most of the cost of `extract` on
//! such text, so a paragraph is first checked for anything a quantity can start with: a digit,
//! or a word the scanner itself would start one at (a number word, `doubled`, a vague
//! magnitude's word, the word that ends a currency name, a currency's sub-unit). Each test
//! asks the same tables the scanner asks, so the two cannot drift apart; the test only ever
//! says "maybe" more often than the scanner finds something, never less.

use crate::number::words::{self, NumWord};
use crate::quantity::{change, unit};
use crate::rules::Vocabulary;
use crate::rules::currency::Currencies;
use crate::rules::qualifier::Qualifiers;
use crate::rules::word_set::WordSet;

/// The words from the rules that a quantity may need, ASCII-lowercased, in one set: the words
/// of vague magnitudes but their glue (`tens`, `few`; not the `a` of `a few`, which alone would
/// keep every paragraph), the last token of every currency symbol, code and name
/// (`dollars`, `usd`), and every sub-unit with its plurals (`cent`, `cents`).
#[derive(Debug, Clone, Default)]
pub struct Triggers {
    words: WordSet,
}

impl Triggers {
    pub fn new(currencies: &Currencies, qualifiers: &Qualifiers) -> Self {
        let mut words = WordSet::default();
        // Every word of a vague phrase but its glue: `a few` needs `few`. A phrase of glue
        // words only (none is bundled) keeps them all: safe, if slow.
        let glue = |w: &&str| matches!(*w, "a" | "an" | "of" | "the");
        for phrase in qualifiers.vague.keys() {
            let phrase: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
            let all_glue = phrase.iter().all(glue);
            words.extend(phrase.into_iter().filter(|w| all_glue || !glue(w)));
        }
        words.extend(currencies.last_tokens());
        for s in currencies.subunit_words() {
            // The scanner looks a sub-unit up as written lower-cased, then as its singular.
            let lower = s.to_lowercase();
            words.extend(unit::plurals_of(&lower).iter().map(String::as_str));
            words.insert(&lower);
        }
        Self { words }
    }
}

/// Whether `text` may hold a quantity. `false` means the scanner would find none in it.
///
/// Text with any non-ASCII byte is always "maybe": digits of other scripts, vulgar fractions
/// and words joined across invisible characters are the scanner's to read.
pub fn may_hold_quantity(text: &str, vocab: &Vocabulary) -> bool {
    let bytes = text.as_bytes();
    // One pass for both: a non-ASCII byte or a digit.
    if crate::token::any_byte(bytes, |b| b >= 0x80 || b.is_ascii_digit()) {
        return true;
    }
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        i = crate::token::ascii_alpha_end(bytes, i + 1);
        if word_may_start(&text[start..i], vocab) {
            return true;
        }
    }
    false
}

/// Whether the scanner could read a quantity that needs this word, a run of ASCII letters.
fn word_may_start(word: &str, vocab: &Vocabulary) -> bool {
    if word.len() > 32 {
        // Longer than any word the scanner looks up.
        return false;
    }
    // The trigger set and the scaled-code test read the word in any case: asked first, on
    // the word as written.
    if vocab.triggers.words.contains(word) || crate::rules::currency::is_scaled_code(word) {
        return true;
    }
    // The number-word gate reads the bytes `& 31`, the same in either case.
    // The number classes are only read for words of up to 14 bytes (`number::Classes`).
    let number_gate = word.len() <= 14 && words::may_be_number_word(word.as_bytes());
    // The verb gate reads the word in any case too: a word both gates rule out (most words)
    // is not lower-cased at all.
    if !number_gate && !change::may_be_verb(word.as_bytes()) {
        return false;
    }
    let mut buf = [0u8; 32];
    let lower = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        match crate::token::ascii_lower(word, &mut buf) {
            Some(lower) => lower,
            None => return false,
        }
    } else {
        // Most words of prose are lower-case already: no copy.
        word
    };
    let number_word = number_gate
        && !matches!(
            words::look_up(lower),
            None | Some(NumWord::Article | NumWord::And | NumWord::Point | NumWord::Minus)
        );
    number_word || change::verb_factor(lower).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::default_vocabulary;
    use proptest::prelude::Strategy;

    /// `word_may_start` as it was: the word lower-cased first, then every test.
    fn plain_word_may_start(word: &str, vocab: &Vocabulary) -> bool {
        let mut buf = [0u8; 32];
        let lower = if word.len() > buf.len() {
            return false;
        } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
            match crate::token::ascii_lower(word, &mut buf) {
                Some(lower) => lower,
                None => return false,
            }
        } else {
            word
        };
        let number_word = lower.len() <= 14
            && !matches!(
                words::classify(lower),
                None | Some(NumWord::Article | NumWord::And | NumWord::Point | NumWord::Minus)
            );
        number_word
            || change::verb_factor(lower).is_some()
            || vocab.triggers.words.contains(lower)
            || crate::rules::currency::is_scaled_code(word)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// Same answer as the plain order for any run of ASCII letters, in any case.
        #[test]
        fn word_may_start_is_the_plain_one(
            word in proptest::prop_oneof![
                "[a-zA-Z]{1,40}",
                proptest::sample::select(vec![
                    "doubled", "tripling", "few", "tens", "dollars", "usd", "cents", "pence",
                    "one", "twentyfifth", "first", "a", "and", "point", "minus", "MUSD", "Meur",
                    "hundred", "several", "halves", "dozen", "quarter", "billion", "yen",
                ]).prop_map(str::to_string),
            ],
            upper in proptest::collection::vec(proptest::prelude::any::<bool>(), 40),
        ) {
            let word: String = word
                .chars()
                .zip(&upper)
                .map(|(c, &u)| if u { c.to_ascii_uppercase() } else { c })
                .collect();
            let v = default_vocabulary();
            proptest::prop_assert_eq!(
                word_may_start(&word, v),
                plain_word_may_start(&word, v),
                "{}", word
            );
        }
    }

    #[test]
    fn prose_without_figures_is_skipped() {
        let v = default_vocabulary();
        for text in [
            "The minister met his counterpart and discussed regional security.",
            "Officials said the talks were constructive; someone often attends.",
            // `a` starts `a few`, but is no figure without `few`.
            "A minister met a counterpart for an hour.",
            "",
        ] {
            assert!(!may_hold_quantity(text, v), "{text}");
        }
    }

    #[test]
    fn anything_a_quantity_starts_with_is_kept() {
        let v = default_vocabulary();
        for text in [
            "It rose 5%.",
            "Trade doubled.",
            "a few firms",
            "tens of billions",
            "several companies",
            "a dollar",
            "a cent",
            "the first partner",
            "twentyfifth",
            "one and a half",
            "exports fell by a third",
            "Qu\u{e9}bec",
        ] {
            assert!(may_hold_quantity(text, v), "{text}");
        }
    }
}
