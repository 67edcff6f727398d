//! The English number-word lexicon: cardinals, ordinals, scale words and the glue between them.

/// What a word contributes to a number written in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumWord {
    /// zero .. nineteen.
    Small(u8),
    /// twenty .. ninety.
    Tens(u8),
    /// hundred (and "hundreds" when written after a number).
    Hundred,
    /// A power-of-ten scale: thousand (3), lakh (5), million (6), crore (7), billion (9)...
    Scale(u8),
    /// dozen(s).
    Dozen,
    /// An ordinal word: `fifth` is `Ordinal { value: 5, plural: false }`; `fifths` is plural.
    /// Scale ordinals (`hundredth`, `millionth`) have `scale: true`.
    Ordinal {
        value: u64,
        plural: bool,
        scale: bool,
    },
    /// half / halves.
    Half { plural: bool },
    /// quarter / quarters.
    Quarter { plural: bool },
    /// "a" or "an": one, before hundred, thousand, dozen, a fraction or a unit.
    Article,
    /// "and" inside a number.
    And,
    /// "point" (decimal point in words).
    Point,
    /// "minus" or "negative".
    Minus,
}

/// An ordinal (`sord`: a scale ordinal, `hundredth`), for the table below.
const fn ord(value: u64, plural: bool) -> NumWord {
    NumWord::Ordinal {
        value,
        plural,
        scale: false,
    }
}

const fn sord(value: u64, plural: bool) -> NumWord {
    NumWord::Ordinal {
        value,
        plural,
        scale: true,
    }
}

/// Every number word (lower-case) and what it contributes; [`classify`] also reads tens glued
/// to a unit (`twentyfifth`).
#[rustfmt::skip]
const WORDS: &[(&str, NumWord)] = {
    use NumWord::{And, Article, Dozen, Half, Hundred, Minus, Point, Quarter, Scale, Small, Tens};
    &[
        ("zero", Small(0)),
        ("nought", Small(0)),
        ("naught", Small(0)),
        ("nil", Small(0)),
        ("one", Small(1)),
        ("two", Small(2)),
        ("three", Small(3)),
        ("four", Small(4)),
        ("five", Small(5)),
        ("six", Small(6)),
        ("seven", Small(7)),
        ("eight", Small(8)),
        ("nine", Small(9)),
        ("ten", Small(10)),
        ("eleven", Small(11)),
        ("twelve", Small(12)),
        ("thirteen", Small(13)),
        ("fourteen", Small(14)),
        ("fifteen", Small(15)),
        ("sixteen", Small(16)),
        ("seventeen", Small(17)),
        ("eighteen", Small(18)),
        ("nineteen", Small(19)),
        ("twenty", Tens(20)),
        ("thirty", Tens(30)),
        ("forty", Tens(40)),
        ("fourty", Tens(40)),
        ("fifty", Tens(50)),
        ("sixty", Tens(60)),
        ("seventy", Tens(70)),
        ("eighty", Tens(80)),
        ("ninety", Tens(90)),
        ("hundred", Hundred),
        ("hundreds", Hundred),
        ("thousand", Scale(3)),
        ("thousands", Scale(3)),
        ("lakh", Scale(5)),
        ("lakhs", Scale(5)),
        ("lac", Scale(5)),
        ("lacs", Scale(5)),
        ("lkh", Scale(5)),
        ("lkhs", Scale(5)),
        ("million", Scale(6)),
        ("millions", Scale(6)),
        ("crore", Scale(7)),
        ("crores", Scale(7)),
        ("koti", Scale(7)),
        ("krore", Scale(7)),
        ("krores", Scale(7)),
        ("cr", Scale(7)),
        ("billion", Scale(9)),
        ("billions", Scale(9)),
        ("trillion", Scale(12)),
        ("trillions", Scale(12)),
        ("dozen", Dozen),
        ("dozens", Dozen),
        ("dz", Dozen),
        ("dzs", Dozen),
        ("doz", Dozen),
        ("dozs", Dozen),
        ("first", ord(1, false)),
        ("firsts", ord(1, true)),
        ("second", ord(2, false)),
        ("seconds", ord(2, true)),
        ("third", ord(3, false)),
        ("thirds", ord(3, true)),
        ("fourth", ord(4, false)),
        ("fourths", ord(4, true)),
        ("fifth", ord(5, false)),
        ("fifths", ord(5, true)),
        ("sixth", ord(6, false)),
        ("sixths", ord(6, true)),
        ("seventh", ord(7, false)),
        ("sevenths", ord(7, true)),
        ("eighth", ord(8, false)),
        ("eighths", ord(8, true)),
        ("ninth", ord(9, false)),
        ("ninths", ord(9, true)),
        ("nineth", ord(9, false)),
        ("tenth", ord(10, false)),
        ("tenths", ord(10, true)),
        ("eleventh", ord(11, false)),
        ("elevenths", ord(11, true)),
        ("twelfth", ord(12, false)),
        ("twelfths", ord(12, true)),
        ("thirteenth", ord(13, false)),
        ("thirteenths", ord(13, true)),
        ("fourteenth", ord(14, false)),
        ("fourteenths", ord(14, true)),
        ("fifteenth", ord(15, false)),
        ("fifteenths", ord(15, true)),
        ("sixteenth", ord(16, false)),
        ("sixteenths", ord(16, true)),
        ("seventeenth", ord(17, false)),
        ("seventeenths", ord(17, true)),
        ("eighteenth", ord(18, false)),
        ("eighteenths", ord(18, true)),
        ("nineteenth", ord(19, false)),
        ("nineteenths", ord(19, true)),
        ("twentieth", ord(20, false)),
        ("twentieths", ord(20, true)),
        ("thirtieth", ord(30, false)),
        ("thirtieths", ord(30, true)),
        ("fortieth", ord(40, false)),
        ("fortieths", ord(40, true)),
        ("fiftieth", ord(50, false)),
        ("fiftieths", ord(50, true)),
        ("sixtieth", ord(60, false)),
        ("sixtieths", ord(60, true)),
        ("seventieth", ord(70, false)),
        ("seventieths", ord(70, true)),
        ("eightieth", ord(80, false)),
        ("eightieths", ord(80, true)),
        ("ninetieth", ord(90, false)),
        ("ninetieths", ord(90, true)),
        ("hundredth", sord(100, false)),
        ("hundredths", sord(100, true)),
        ("thousandth", sord(1_000, false)),
        ("thousandths", sord(1_000, true)),
        ("millionth", sord(1_000_000, false)),
        ("millionths", sord(1_000_000, true)),
        ("billionth", sord(1_000_000_000, false)),
        ("billionths", sord(1_000_000_000, true)),
        ("trillionth", sord(1_000_000_000_000, false)),
        ("trillionths", sord(1_000_000_000_000, true)),
        ("half", Half { plural: false }),
        ("halves", Half { plural: true }),
        ("quarter", Quarter { plural: false }),
        ("quarters", Quarter { plural: true }),
        ("a", Article),
        ("an", Article),
        ("and", And),
        ("&", And),
        ("point", Point),
        ("minus", Minus),
        ("negative", Minus),
    ]
};

/// The tens a unit may be glued to (`fortytwo`).
const TENS: [(&str, u8); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The number words, looked up behind a gate. Every word of a scanned text is classified
/// (`number::Classes`), and the prefilter classifies the words of every paragraph without a
/// digit; few of them are number words. A word is ruled out by its length and first two bytes
/// (a bit test) before it is hashed and looked up; the words that pass are looked up in a hash
/// table (a `match` over 136 strings, or a binary search, compared string after string).
struct Lexicon {
    /// Per length, per first byte (`& 31`): a bit per second byte (`& 31`; 0 for a word of one
    /// byte) that some number word of that length, glued ones included, has there.
    gate: Vec<[u32; 32]>,
    /// `WORDS` by spelling.
    table: foldhash::HashMap<&'static str, NumWord>,
}

impl Lexicon {
    fn new() -> Self {
        let mut lexicon = Self {
            gate: Vec::new(),
            table: WORDS.iter().copied().collect(),
        };
        for &(w, class) in WORDS {
            lexicon.open(w.as_bytes());
            // Every glued form `glued` reads: a ten, then a unit or a unit's ordinal.
            let unit = match class {
                NumWord::Small(n) => (1..=9).contains(&n),
                NumWord::Ordinal {
                    value,
                    scale: false,
                    ..
                } => value < 10,
                _ => false,
            };
            if unit {
                for (tens, _) in TENS {
                    lexicon.open([tens.as_bytes(), w.as_bytes()].concat().as_slice());
                }
            }
        }
        lexicon
    }

    /// Let words of this length and first two bytes through the gate.
    fn open(&mut self, w: &[u8]) {
        if self.gate.len() <= w.len() {
            self.gate.resize(w.len() + 1, [0; 32]);
        }
        let (first, second) = Self::key(w);
        self.gate[w.len()][first] |= 1 << second;
    }

    fn key(w: &[u8]) -> (usize, u32) {
        let first = w.first().map_or(0, |&b| usize::from(b & 31));
        let second = w.get(1).map_or(0, |&b| u32::from(b & 31));
        (first, second)
    }

    /// Whether `w` may be a number word: `false` means it is none.
    #[inline]
    fn may_hold(&self, w: &[u8]) -> bool {
        let (first, second) = Self::key(w);
        self.gate
            .get(w.len())
            .is_some_and(|by_first| by_first[first] & (1 << second) != 0)
    }
}

static LEXICON: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::new);

/// Classify a lowercase word.
///
/// Inlined, so that the gate, which rules out most words, costs no call.
#[inline]
pub fn classify(w: &str) -> Option<NumWord> {
    if !LEXICON.may_hold(w.as_bytes()) {
        return None;
    }
    look_up(w)
}

/// The gate of [`classify`] alone, on a word's bytes: `false` means no number word.
#[inline]
pub fn may_be_number_word(w: &[u8]) -> bool {
    LEXICON.may_hold(w)
}

/// [`classify`] past the gate: the table, then glued tens.
pub fn look_up(w: &str) -> Option<NumWord> {
    match LEXICON.table.get(w) {
        Some(&class) => Some(class),
        None => glued(w),
    }
}

/// Words written without a hyphen: `twentyfifth`, `fortytwo`.
fn glued(w: &str) -> Option<NumWord> {
    glued_with(w, classify)
}

/// A tens word glued to a unit read by `classify` (the tests pass the old `match`).
fn glued_with(w: &str, classify: impl Fn(&str) -> Option<NumWord>) -> Option<NumWord> {
    if w.len() < 7 {
        return None;
    }
    for (prefix, tens) in TENS {
        if let Some(rest) = w.strip_prefix(prefix) {
            return match classify(rest)? {
                NumWord::Small(n) if (1..=9).contains(&n) => Some(NumWord::Small(tens + n)),
                NumWord::Ordinal {
                    value,
                    plural,
                    scale: false,
                } if value < 10 => Some(NumWord::Ordinal {
                    value: u64::from(tens) + value,
                    plural,
                    scale: false,
                }),
                _ => None,
            };
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The match that was the definition of [`classify`], glued words included, to hold the
    /// table and its gate to it.
    fn classify_by_match(w: &str) -> Option<NumWord> {
        use NumWord::{
            And, Article, Dozen, Half, Hundred, Minus, Ordinal, Point, Quarter, Scale, Small, Tens,
        };
        let ord = |value: u64, plural: bool| Ordinal {
            value,
            plural,
            scale: false,
        };
        let sord = |value: u64, plural: bool| Ordinal {
            value,
            plural,
            scale: true,
        };
        Some(match w {
            "zero" | "nought" | "naught" | "nil" => Small(0),
            "one" => Small(1),
            "two" => Small(2),
            "three" => Small(3),
            "four" => Small(4),
            "five" => Small(5),
            "six" => Small(6),
            "seven" => Small(7),
            "eight" => Small(8),
            "nine" => Small(9),
            "ten" => Small(10),
            "eleven" => Small(11),
            "twelve" => Small(12),
            "thirteen" => Small(13),
            "fourteen" => Small(14),
            "fifteen" => Small(15),
            "sixteen" => Small(16),
            "seventeen" => Small(17),
            "eighteen" => Small(18),
            "nineteen" => Small(19),
            "twenty" => Tens(20),
            "thirty" => Tens(30),
            "forty" | "fourty" => Tens(40),
            "fifty" => Tens(50),
            "sixty" => Tens(60),
            "seventy" => Tens(70),
            "eighty" => Tens(80),
            "ninety" => Tens(90),
            "hundred" | "hundreds" => Hundred,
            "thousand" | "thousands" => Scale(3),
            "lakh" | "lakhs" | "lac" | "lacs" | "lkh" | "lkhs" => Scale(5),
            "million" | "millions" => Scale(6),
            "crore" | "crores" | "koti" | "krore" | "krores" | "cr" => Scale(7),
            "billion" | "billions" => Scale(9),
            "trillion" | "trillions" => Scale(12),
            "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => Dozen,
            "first" | "firsts" => ord(1, w.ends_with('s')),
            "second" | "seconds" => ord(2, w.ends_with('s')),
            "third" | "thirds" => ord(3, w.ends_with('s')),
            "fourth" | "fourths" => ord(4, w.ends_with('s')),
            "fifth" | "fifths" => ord(5, w.ends_with('s')),
            "sixth" | "sixths" => ord(6, w.ends_with('s')),
            "seventh" | "sevenths" => ord(7, w.ends_with('s')),
            "eighth" | "eighths" => ord(8, w.ends_with('s')),
            "ninth" | "ninths" | "nineth" => ord(9, w.ends_with("ths")),
            "tenth" | "tenths" => ord(10, w.ends_with('s')),
            "eleventh" | "elevenths" => ord(11, w.ends_with('s')),
            "twelfth" | "twelfths" => ord(12, w.ends_with('s')),
            "thirteenth" | "thirteenths" => ord(13, w.ends_with('s')),
            "fourteenth" | "fourteenths" => ord(14, w.ends_with('s')),
            "fifteenth" | "fifteenths" => ord(15, w.ends_with('s')),
            "sixteenth" | "sixteenths" => ord(16, w.ends_with('s')),
            "seventeenth" | "seventeenths" => ord(17, w.ends_with('s')),
            "eighteenth" | "eighteenths" => ord(18, w.ends_with('s')),
            "nineteenth" | "nineteenths" => ord(19, w.ends_with('s')),
            "twentieth" | "twentieths" => ord(20, w.ends_with('s')),
            "thirtieth" | "thirtieths" => ord(30, w.ends_with('s')),
            "fortieth" | "fortieths" => ord(40, w.ends_with('s')),
            "fiftieth" | "fiftieths" => ord(50, w.ends_with('s')),
            "sixtieth" | "sixtieths" => ord(60, w.ends_with('s')),
            "seventieth" | "seventieths" => ord(70, w.ends_with('s')),
            "eightieth" | "eightieths" => ord(80, w.ends_with('s')),
            "ninetieth" | "ninetieths" => ord(90, w.ends_with('s')),
            "hundredth" | "hundredths" => sord(100, w.ends_with('s')),
            "thousandth" | "thousandths" => sord(1_000, w.ends_with('s')),
            "millionth" | "millionths" => sord(1_000_000, w.ends_with('s')),
            "billionth" | "billionths" => sord(1_000_000_000, w.ends_with('s')),
            "trillionth" | "trillionths" => sord(1_000_000_000_000, w.ends_with('s')),
            "half" => Half { plural: false },
            "halves" => Half { plural: true },
            "quarter" => Quarter { plural: false },
            "quarters" => Quarter { plural: true },
            "a" | "an" => Article,
            "and" | "&" => And,
            "point" => Point,
            "minus" | "negative" => Minus,
            _ => return glued_by_match(w),
        })
    }

    fn glued_by_match(w: &str) -> Option<NumWord> {
        glued_with(w, classify_by_match)
    }

    #[test]
    fn the_table_and_its_gate_classify_as_the_match_did() {
        let mut words: Vec<String> = WORDS.iter().map(|(w, _)| (*w).to_string()).collect();
        for (tens, _) in TENS {
            words.push(tens.to_string());
            for (w, _) in WORDS {
                words.push(format!("{tens}{w}"));
            }
        }
        // Each word, one byte short, one byte longer, and with its second byte changed.
        let mut near = Vec::new();
        for w in &words {
            near.push(w[..w.len() - 1].to_string());
            near.push(format!("{w}s"));
            near.push(format!("{w}x"));
            if w.len() > 1 && w.is_char_boundary(2) {
                near.push(format!("{}q{}", &w[..1], &w[2..]));
            }
        }
        for w in words.iter().chain(&near) {
            assert_eq!(classify(w), classify_by_match(w), "{w:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        #[test]
        fn any_word_is_classified_as_the_match_did(
            pieces in proptest::collection::vec(0usize..14, 0..5),
            tail in "[a-z&]{0,3}",
        ) {
            let piece = |k: usize| match k {
                0 => "twenty",
                1 => "one",
                2 => "first",
                3 => "th",
                4 => "s",
                5 => "hundred",
                6 => "e",
                7 => "n",
                8 => "a",
                9 => "ninet",
                10 => "lakh",
                11 => "ies",
                12 => "seven",
                _ => "x",
            };
            let w: String = pieces.into_iter().map(piece).chain([tail.as_str()]).collect();
            proptest::prop_assert_eq!(classify(&w), classify_by_match(&w), "{:?}", w);
        }
    }

    #[test]
    fn classifies_cardinals_ordinals_and_glue() {
        assert_eq!(classify("seventeen"), Some(NumWord::Small(17)));
        assert_eq!(classify("ninety"), Some(NumWord::Tens(90)));
        assert_eq!(classify("billions"), Some(NumWord::Scale(9)));
        assert_eq!(
            classify("fifths"),
            Some(NumWord::Ordinal {
                value: 5,
                plural: true,
                scale: false
            })
        );
        assert_eq!(
            classify("twentyfifth"),
            Some(NumWord::Ordinal {
                value: 25,
                plural: false,
                scale: false
            })
        );
        assert_eq!(classify("fortytwo"), Some(NumWord::Small(42)));
        assert_eq!(classify("kazakhstan"), None);
    }
}
