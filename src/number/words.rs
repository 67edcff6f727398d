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

/// Classify a lowercase word.
pub fn classify(w: &str) -> Option<NumWord> {
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
        _ => return glued(w),
    })
}

/// Words written without a hyphen: `twentyfifth`, `fortytwo`.
fn glued(w: &str) -> Option<NumWord> {
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
