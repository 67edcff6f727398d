//! Invariants of the parser, checked on generated input (proptest).

use claimcheck::extract::{ExtractOptions, Extractor};
use claimcheck::input::Document;
use claimcheck::quantity::Scanner;
use claimcheck::rules::Vocabulary;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn vocab() -> &'static Vocabulary {
    claimcheck::rules::default_vocabulary()
}

/// Group the digits of `int` with `sep` every three digits.
fn group(int: &str, sep: &str) -> String {
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A decimal written with any grouping style and scale word reads back to the same value.
    #[test]
    fn written_numbers_read_back_exactly(
        int in 0u64..10_000_000_000,
        frac in proptest::option::of(0u32..1000),
        sep in prop::sample::select(vec!["", ",", " ", "\u{2009}", "\u{202F}", "'"]),
        scale in prop::sample::select(vec![
            ("", 0u32), (" thousand", 3), (" million", 6), (" billion", 9), (" trillion", 12),
            ("bn", 9), (" bn", 9), ("mn", 6), (" mln", 6), ("m", 6), (" bln", 9), ("k", 3), (" tn", 12),
        ]),
    ) {
        let int_s = int.to_string();
        let grouped = if sep.is_empty() { int_s.clone() } else { group(&int_s, sep) };
        let (frac_s, frac_v) = match frac {
            Some(f) => (format!(".{f:03}"), Decimal::new(i64::from(f), 3)),
            None => (String::new(), Decimal::ZERO),
        };
        let text = format!("They paid ${grouped}{frac_s}{} for it.", scale.0);
        let expected = (Decimal::from(int) + frac_v) * Decimal::from(10u64.pow(scale.1));
        let found = Scanner::default().find(&text, vocab(), &[]);
        prop_assert_eq!(found.len(), 1, "{}: {:?}", text, found);
        prop_assert_eq!(found[0].value.map(|v| v.normalize()), Some(expected.normalize()), "{}", text);
    }

    /// `low <= value <= high` whenever they are present (a strict bound such as `more than 5`
    /// has `low = 5` open: the value is the bound itself).
    #[test]
    fn low_value_high_are_ordered(
        words in prop::collection::vec(prop::sample::select(vec![
            "about", "more than", "nearly", "up to", "between", "and", "to", "-", "$", "€", "US$",
            "5", "1.8", "682", "2,500", "0.25", "twenty", "one", "half", "a", "dozen", "billion",
            "million", "bn", "mn", "%", "percent", "points", "companies", "jobs", "tens", "of",
            "hundreds", "rose", "fell", "by", "increase", "doubled", "in", "2022", "since", "2005",
            "81st", "largest", "from", "third", "or more", "roughly", ".", ",",
        ]), 1..24),
    ) {
        let text = words.join(" ");
        for q in Scanner::default().find(&text, vocab(), &[]) {
            if let Some(v) = q.value {
                prop_assert!(q.interval.low.is_none_or(|l| l.value <= v), "{}: {:?}", text, q);
                prop_assert!(q.interval.high.is_none_or(|h| v <= h.value), "{}: {:?}", text, q);
            }
            if let (Some(l), Some(h)) = (q.interval.low, q.interval.high) {
                prop_assert!(l.value <= h.value, "{}: {:?}", text, q);
            }
            prop_assert!(q.start < q.end && q.end <= text.len());
            prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        }
    }

    /// No input makes the pipeline panic, and spans always slice the text.
    #[test]
    fn any_text_extracts_without_panicking(text in "\\PC{0,200}") {
        let doc = Document::from_text("prop", text.clone());
        let mentions = Extractor::default().extract(&doc, vocab(), ExtractOptions { periods: true });
        for m in mentions {
            prop_assert!(m.start <= m.end && m.end <= text.len());
        }
    }

    /// Digits, separators and scale words in any order: still no panic, still linear.
    #[test]
    fn number_soup_never_panics(text in "[0-9,. '\\-/^eEx%$]{0,300}( (billion|million|k|bn|and|point|half|a))*") {
        let doc = Document::from_text("prop", text);
        let _ = Extractor::default().extract(&doc, vocab(), ExtractOptions { periods: true });
    }
}

/// Words a quantity may be made of or stand next to, and words that only look like them.
const PREFILTER_POOL: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "and",
    "point",
    "minus",
    "negative",
    "few",
    "couple",
    "handful",
    "several",
    "tens",
    "hundreds",
    "dozens",
    "scores",
    "doubled",
    "tripled",
    "halved",
    "halves",
    "half",
    "quarter",
    "third",
    "thirds",
    "first",
    "second",
    "seconds",
    "one",
    "ones",
    "someone",
    "often",
    "twenty",
    "twentyfifth",
    "fortytwo",
    "million",
    "millions",
    "bn",
    "mln",
    "k",
    "dollar",
    "dollars",
    "Dollar",
    "US",
    "euro",
    "euros",
    "tenge",
    "cent",
    "cents",
    "penny",
    "pence",
    "tiyn",
    "tiyns",
    "kopecks",
    "USD",
    "usd",
    "MUSD",
    "EUR",
    "rubles",
    "yuan",
    "percent",
    "per",
    "cent",
    "companies",
    "firms",
    "rose",
    "fell",
    "by",
    "more",
    "than",
    "about",
    "nearly",
    "up",
    "to",
    "between",
    "since",
    "last",
    "year",
    "January",
    "May",
    "Q",
    "H",
    "trade",
    "Kazakhstan",
    "dozen",
    "doz",
    "lakh",
    "crore",
    "cr",
    "nil",
    "zero",
    "naught",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// The prefilter never skips a text the scanner would find a quantity in.
    #[test]
    fn the_prefilter_never_skips_a_quantity(
        words in prop::collection::vec(prop::sample::select(PREFILTER_POOL.to_vec()), 1..12),
        seps in prop::collection::vec(prop::sample::select(vec![" ", " ", "-", ", ", ". ", "\n", "$", "%", "'s "]), 12),
    ) {
        let mut text = String::new();
        for (w, s) in words.iter().zip(&seps) {
            text.push_str(w);
            text.push_str(s);
        }
        let found = Scanner::default().find(&text, vocab(), &[]);
        if !claimcheck::quantity::prefilter::may_hold_quantity(&text, vocab()) {
            prop_assert!(found.is_empty(), "skipped {text:?}, which holds {found:?}");
        }
    }
}
