//! The tokenizer of the time scanner: one pass over the bytes, no allocation per word.
//!
//! Digits, letters and punctuation become separate tokens (`FY2021` is `fy` + `2021`, `4th` is
//! `4` + `th`); whether two tokens touch is read from their byte offsets. Words are classified
//! into the few keywords the grammar needs ([`Kw`]); every other word is [`K::Other`].

/// A keyword of the time grammar (matched case-insensitively).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kw {
    /// A month name or abbreviation; `amb` for words that are also common English words
    /// (`may`, `march`, `mar`): they need more evidence to count as months.
    Month {
        m: u8,
        amb: bool,
    },
    /// `one` ..= `nineteen`, `twenty`, `thirty` ..= `ninety`.
    Card(u8),
    Hundred,
    Thousand,
    Thousands,
    /// `oh` in `nineteen oh five`.
    Oh,
    /// `first` ..= `twelfth`.
    Ord(u8),
    /// Plural decade words: `tens` (1), `twenties` (2) ..= `nineties` (9).
    Tens(u8),
    Noughties,
    And,
    Or,
    The,
    Of,
    In,
    During,
    Throughout,
    Between,
    From,
    To,
    /// `until`, `till`, `til`.
    Until,
    /// `through`, `thru`.
    Through,
    Since,
    /// `independence` (`since independence`).
    Independence,
    After,
    Before,
    By,
    At,
    On,
    For,
    As,
    End,
    Start,
    Beginning,
    /// `starting`, `commencing`.
    Starting,
    /// `ending`, `ended`.
    Ending,
    Year,
    Years,
    Calendar,
    Cy,
    Fy,
    /// `fiscal`, `financial`.
    Fiscal,
    MonthW,
    Months,
    Quarter,
    Quarters,
    Half,
    Q,
    H,
    M,
    S,
    /// Ordinal suffix: `st`, `nd`, `rd`, `th`.
    Suffix,
    Last,
    Final,
    This,
    Next,
    /// `previous`, `prior`, `preceding`.
    Prev,
    Current,
    Later,
    Earlier,
    Greater,
    Less,
    Than,
    /// `is`, `was`, `are`, `were`, `be`.
    Is,
    /// `onwards`, `onward`.
    Onwards,
    Beyond,
    Date,
    No,
    Not,
    Pre,
    Post,
    Am,
    Pm,
    A,
    P,
    /// A time-zone abbreviation: `gmt`, `utc`, `est`, ...
    Zone,
    /// `percent`, `pct`.
    Percent,
    Per,
    Cent,
    Early,
    Mid,
    Late,
    /// `spring`, `summer`, `autumn`, `fall`, `winter`.
    Season,
    Around,
    /// A currency code or word written before amounts: `usd`, `eur`, `rs`, ...
    Cur,
}

/// A token kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum K {
    /// A run of ASCII digits: value (saturating) and digit count (saturating).
    Num(u32, u8),
    W(Kw),
    /// A word that is not a keyword.
    Other,
    /// Punctuation, normalised: all dashes are `-`, all apostrophes `'`, currency signs `$`,
    /// `≥` is `G`, `≤` is `L`, anything else not listed is `#`.
    P(u8),
    /// A blank line: nothing matches across it.
    Brk,
    /// Past the end of the tokens.
    End,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub k: K,
    /// The word starts with an ASCII capital letter.
    pub cap: bool,
}

/// Tokenizes `text[from..to]` (both char boundaries) into `out` (not cleared).
pub(super) fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut i = from;
    while i < to {
        let c = b[i];
        // Letters first: most tokens of prose are words.
        if c.is_ascii_alphabetic() {
            let s = i;
            i = letters_end(b, i + 1, to);
            let mut other = false;
            // A word that goes on with non-ASCII letters ("Mayé") is not a keyword.
            while i < to && b[i] >= 0x80 {
                match text[i..].chars().next() {
                    Some(ch) if ch.is_alphabetic() => {
                        other = true;
                        i += ch.len_utf8();
                        while i < to && b[i].is_ascii_alphabetic() {
                            i += 1;
                        }
                    }
                    _ => break,
                }
            }
            let k = if other { K::Other } else { classify(&b[s..i]) };
            out.push(Tok {
                start: s,
                end: i,
                k,
                cap: c.is_ascii_uppercase(),
            });
            i = skip_one_space(b, i, to);
        } else if c.is_ascii_digit() {
            let s = i;
            let mut v: u32 = 0;
            let mut nd: u8 = 0;
            while i < to && b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u32::from(b[i] - b'0'));
                nd = nd.saturating_add(1);
                i += 1;
            }
            out.push(Tok {
                start: s,
                end: i,
                k: K::Num(v, nd),
                cap: false,
            });
            i = skip_one_space(b, i, to);
        } else if c.is_ascii_whitespace() {
            let mut newlines = 0u32;
            while i < to && b[i].is_ascii_whitespace() {
                if b[i] == b'\n' {
                    newlines += 1;
                }
                i += 1;
            }
            if newlines >= 2 {
                out.push(Tok {
                    start: i,
                    end: i,
                    k: K::Brk,
                    cap: false,
                });
            }
        } else if c < 0x80 {
            let p = match c {
                b',' | b'-' | b'/' | b'.' | b':' | b'\'' | b'~' | b'=' | b'<' | b'>' | b'$'
                | b'%' | b'(' | b')' => c,
                b'`' => b'\'',
                _ => b'#',
            };
            out.push(Tok {
                start: i,
                end: i + 1,
                k: K::P(p),
                cap: false,
            });
            i = skip_one_space(b, i + 1, to);
        } else {
            let Some(end) = non_ascii(text, i, to, out) else {
                break;
            };
            i = end;
        }
    }
}

/// The token at `i`, a non-ASCII character: a run of letters (a word of no keyword), white
/// space (none), or a punctuation mark read as its ASCII stand-in. Returns where it ends, or
/// `None` if `i` is past the text.
fn non_ascii(text: &str, mut i: usize, to: usize, out: &mut Vec<Tok>) -> Option<usize> {
    let ch = text.get(i..)?.chars().next()?;
    let s = i;
    i += ch.len_utf8();
    if ch.is_alphabetic() {
        while i < to {
            match text[i..].chars().next() {
                Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                _ => break,
            }
        }
        out.push(Tok {
            start: s,
            end: i,
            k: K::Other,
            cap: false,
        });
    } else if ch.is_whitespace() {
        // NBSP, thin space...: a plain space.
    } else {
        let p = match ch {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => b'-',
            '\u{2018}' | '\u{2019}' | '\u{2032}' => b'\'',
            '\u{2265}' => b'G',
            '\u{2264}' => b'L',
            '\u{FF5E}' | '\u{301C}' => b'~',
            '€' | '£' | '¥' | '₹' | '₩' | '₽' | '₺' | '₪' | '₫' | '₱' | '₦' | '¢' => {
                b'$'
            }
            _ => b'#',
        };
        out.push(Tok {
            start: s,
            end: i,
            k: K::P(p),
            cap: false,
        });
    }
    Some(i)
}

/// Past a single space at `i` (below `to`) followed by a byte that is not ASCII white space,
/// else `i`: the commonest gap between words (and after `,` or `.`) gives no token, and
/// skipping it here saves a turn of the tokenizer's loop. A longer run (or one at `to`) is
/// left to the loop, which counts its line breaks.
#[inline]
fn skip_one_space(b: &[u8], i: usize, to: usize) -> usize {
    if i + 1 < to && b[i] == b' ' && !b[i + 1].is_ascii_whitespace() {
        i + 1
    } else {
        i
    }
}

/// The end of the run of ASCII letters at `i` in `b[..to]`: eight bytes at a time
/// ([`letters_in`]), the last few one at a time.
#[inline]
fn letters_end(b: &[u8], mut i: usize, to: usize) -> usize {
    while let Some(w) = b[i..to].first_chunk::<8>() {
        let n = letters_in(*w);
        i += n;
        if n < 8 {
            return i;
        }
    }
    while i < to && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// How many of the bytes of `w` are ASCII letters before the first that is not (8 when all
/// are), in one SWAR pass over the bytes as a little-endian `u64`: with each byte's case bit
/// set and its high bit cleared (`y`), `y + 0x1f` reaches the high bit exactly when `y >= 'a'`
/// and `y + 0x05` when `y > 'z'`, neither carrying into the next byte (`y <= 0x7f`); a byte
/// with its high bit set (not ASCII) is no letter.
#[inline]
fn letters_in(w: [u8; 8]) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(w);
    let y = (x | (0x20 * LO)) & !HI;
    let at_least_a = y + (0x80 - u64::from(b'a')) * LO;
    let past_z = y + (0x80 - u64::from(b'z') - 1) * LO;
    let letters = at_least_a & !past_z & !x & HI;
    (!letters & HI).trailing_zeros() as usize / 8
}

/// Whether an expression may start at a token of kind `k`: not at a plain word, a blank line,
/// the commonest glue words or punctuation other than `'` and the comparison signs, where
/// [`super::scan::Ps::expr`] never finds one (a test holds it to `expr`). Skipping them
/// saves a call for every other token of prose.
pub(super) fn may_start(k: K) -> bool {
    !matches!(
        k,
        K::Other
            | K::Brk
            | K::W(
                Kw::And
                    | Kw::Or
                    | Kw::Of
                    | Kw::In
                    | Kw::To
                    | Kw::On
                    | Kw::For
                    | Kw::Is
                    | Kw::A
                    // keywords that are only read after or around the word that starts one
                    | Kw::Hundred
                    | Kw::Thousand
                    | Kw::Thousands
                    | Kw::Oh
                    | Kw::Tens(_)
                    | Kw::During
                    | Kw::Throughout
                    | Kw::Through
                    | Kw::Independence
                    | Kw::Ending
                    | Kw::Years
                    | Kw::MonthW
                    | Kw::Months
                    | Kw::Quarters
                    | Kw::M
                    | Kw::S
                    | Kw::Suffix
                    | Kw::Than
                    | Kw::Onwards
                    | Kw::Beyond
                    | Kw::Date
                    | Kw::Am
                    | Kw::Pm
                    | Kw::P
                    | Kw::Zone
                    | Kw::Percent
                    | Kw::Per
                    | Kw::Cent
                    | Kw::Early
                    | Kw::Mid
                    | Kw::Late
                    | Kw::Season
                    | Kw::Around
                    | Kw::Cur
            )
    ) && !matches!(k, K::P(c) if !matches!(c, b'\'' | b'>' | b'<' | b'G' | b'L'))
}

/// The keywords, by their lower-case spelling.
pub(super) const WORDS: &[(&[u8], Kw)] = {
    use Kw::*;
    &[
        (b"january", Month { m: 1, amb: false }),
        (b"jan", Month { m: 1, amb: false }),
        (b"february", Month { m: 2, amb: false }),
        (b"feb", Month { m: 2, amb: false }),
        (b"march", Month { m: 3, amb: true }),
        (b"mar", Month { m: 3, amb: true }),
        (b"april", Month { m: 4, amb: false }),
        (b"apr", Month { m: 4, amb: false }),
        (b"may", Month { m: 5, amb: true }),
        (b"june", Month { m: 6, amb: false }),
        (b"jun", Month { m: 6, amb: false }),
        (b"july", Month { m: 7, amb: false }),
        (b"jul", Month { m: 7, amb: false }),
        (b"august", Month { m: 8, amb: false }),
        (b"aug", Month { m: 8, amb: false }),
        (b"september", Month { m: 9, amb: false }),
        (b"sep", Month { m: 9, amb: false }),
        (b"sept", Month { m: 9, amb: false }),
        (b"october", Month { m: 10, amb: false }),
        (b"oct", Month { m: 10, amb: false }),
        (b"november", Month { m: 11, amb: false }),
        (b"nov", Month { m: 11, amb: false }),
        (b"december", Month { m: 12, amb: false }),
        (b"dec", Month { m: 12, amb: false }),
        (b"one", Card(1)),
        (b"two", Card(2)),
        (b"three", Card(3)),
        (b"four", Card(4)),
        (b"five", Card(5)),
        (b"six", Card(6)),
        (b"seven", Card(7)),
        (b"eight", Card(8)),
        (b"nine", Card(9)),
        (b"ten", Card(10)),
        (b"eleven", Card(11)),
        (b"twelve", Card(12)),
        (b"thirteen", Card(13)),
        (b"fourteen", Card(14)),
        (b"fifteen", Card(15)),
        (b"sixteen", Card(16)),
        (b"seventeen", Card(17)),
        (b"eighteen", Card(18)),
        (b"nineteen", Card(19)),
        (b"twenty", Card(20)),
        (b"thirty", Card(30)),
        (b"forty", Card(40)),
        (b"fifty", Card(50)),
        (b"sixty", Card(60)),
        (b"seventy", Card(70)),
        (b"eighty", Card(80)),
        (b"ninety", Card(90)),
        (b"hundred", Hundred),
        (b"thousand", Thousand),
        (b"thousands", Thousands),
        (b"oh", Oh),
        (b"first", Ord(1)),
        (b"second", Ord(2)),
        (b"third", Ord(3)),
        (b"fourth", Ord(4)),
        (b"fifth", Ord(5)),
        (b"sixth", Ord(6)),
        (b"seventh", Ord(7)),
        (b"eighth", Ord(8)),
        (b"ninth", Ord(9)),
        (b"tenth", Ord(10)),
        (b"eleventh", Ord(11)),
        (b"twelfth", Ord(12)),
        (b"tens", Tens(1)),
        (b"twenties", Tens(2)),
        (b"thirties", Tens(3)),
        (b"forties", Tens(4)),
        (b"fifties", Tens(5)),
        (b"sixties", Tens(6)),
        (b"seventies", Tens(7)),
        (b"eighties", Tens(8)),
        (b"nineties", Tens(9)),
        (b"noughties", Noughties),
        (b"naughties", Noughties),
        (b"and", And),
        (b"or", Or),
        (b"the", The),
        (b"of", Of),
        (b"in", In),
        (b"during", During),
        (b"throughout", Throughout),
        (b"between", Between),
        (b"from", From),
        (b"to", To),
        (b"until", Until),
        (b"till", Until),
        (b"til", Until),
        (b"through", Through),
        (b"thru", Through),
        (b"since", Since),
        (b"independence", Independence),
        (b"after", After),
        (b"before", Before),
        (b"by", By),
        (b"at", At),
        (b"on", On),
        (b"for", For),
        (b"as", As),
        (b"end", End),
        (b"start", Start),
        (b"beginning", Beginning),
        (b"starting", Starting),
        (b"commencing", Starting),
        (b"ending", Ending),
        (b"ended", Ending),
        (b"year", Year),
        (b"years", Years),
        (b"calendar", Calendar),
        (b"cy", Cy),
        (b"fy", Fy),
        (b"fiscal", Fiscal),
        (b"financial", Fiscal),
        (b"month", MonthW),
        (b"months", Months),
        (b"quarter", Quarter),
        (b"quarters", Quarters),
        (b"half", Half),
        (b"q", Q),
        (b"h", H),
        (b"m", M),
        (b"s", S),
        (b"st", Suffix),
        (b"nd", Suffix),
        (b"rd", Suffix),
        (b"th", Suffix),
        (b"last", Last),
        (b"final", Final),
        (b"this", This),
        (b"next", Next),
        (b"previous", Prev),
        (b"prior", Prev),
        (b"preceding", Prev),
        (b"current", Current),
        (b"later", Later),
        (b"earlier", Earlier),
        (b"greater", Greater),
        (b"less", Less),
        (b"than", Than),
        (b"is", Is),
        (b"was", Is),
        (b"are", Is),
        (b"were", Is),
        (b"be", Is),
        (b"onwards", Onwards),
        (b"onward", Onwards),
        (b"beyond", Beyond),
        (b"date", Date),
        (b"no", No),
        (b"not", Not),
        (b"pre", Pre),
        (b"post", Post),
        (b"am", Am),
        (b"pm", Pm),
        (b"a", A),
        (b"p", P),
        (b"gmt", Zone),
        (b"utc", Zone),
        (b"bst", Zone),
        (b"cet", Zone),
        (b"cest", Zone),
        (b"est", Zone),
        (b"edt", Zone),
        (b"cst", Zone),
        (b"cdt", Zone),
        (b"pst", Zone),
        (b"pdt", Zone),
        (b"mst", Zone),
        (b"mdt", Zone),
        (b"et", Zone),
        (b"pt", Zone),
        (b"jst", Zone),
        (b"ist", Zone),
        (b"hkt", Zone),
        (b"sgt", Zone),
        (b"percent", Percent),
        (b"pct", Percent),
        (b"per", Per),
        (b"cent", Cent),
        (b"early", Early),
        (b"mid", Mid),
        (b"late", Late),
        (b"spring", Season),
        (b"summer", Season),
        (b"autumn", Season),
        (b"fall", Season),
        (b"winter", Season),
        (b"around", Around),
        (b"circa", Around),
        (b"ca", Around),
        (b"usd", Cur),
        (b"eur", Cur),
        (b"gbp", Cur),
        (b"jpy", Cur),
        (b"cny", Cur),
        (b"rmb", Cur),
        (b"inr", Cur),
        (b"rs", Cur),
        (b"chf", Cur),
        (b"cad", Cur),
        (b"aud", Cur),
        (b"hkd", Cur),
        (b"sgd", Cur),
        (b"krw", Cur),
        (b"brl", Cur),
        (b"mxn", Cur),
        (b"zar", Cur),
        (b"nzd", Cur),
        (b"sek", Cur),
        (b"nok", Cur),
        (b"dkk", Cur),
        (b"rub", Cur),
        (b"c", Around),
    ]
};

/// The longest keyword, derived from `WORDS`: longer words skip the lookup. At most 16 letters,
/// so [`pack`] keeps every letter.
const LONGEST: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < WORDS.len() {
        if WORDS[i].0.len() > n {
            n = WORDS[i].0.len();
        }
        i += 1;
    }
    assert!(n <= 16, "a keyword longer than `pack` holds");
    n
};

/// A word of at most 16 ASCII letters packed into an integer, lower-cased: distinct words give
/// distinct keys (letters are never zero, so the length is encoded too).
const fn pack(w: &[u8]) -> u128 {
    let mut v = 0u128;
    let mut i = 0;
    while i < w.len() {
        v = (v << 8) | (w[i] | 0x20) as u128;
        i += 1;
    }
    v
}

const SLOTS: usize = 1024;

const fn slot(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize
}

/// `WORDS` in an open-addressing hash table (linear probing; key 0 is an empty slot), built at
/// compile time.
static TABLE: [(u128, Kw); SLOTS] = {
    let mut t = [(0u128, Kw::And); SLOTS];
    let mut i = 0;
    while i < WORDS.len() {
        let key = pack(WORDS[i].0);
        let mut s = slot(key);
        while t[s].0 != 0 {
            assert!(t[s].0 != key, "duplicate keyword");
            s = (s + 1) % SLOTS;
        }
        t[s] = (key, WORDS[i].1);
        i += 1;
    }
    t
};

/// For each keyword length, first letter and second letter (each `& 31`, which is the same
/// for both cases of a letter; bit 0 for a word of one letter): whether a keyword starts so.
/// Built at compile time from `WORDS`. Most words of a text are no keyword and are ruled out
/// by one bit before they are packed and hashed.
static STARTS: [[u32; 32]; LONGEST + 1] = {
    let mut t = [[0u32; 32]; LONGEST + 1];
    let mut i = 0;
    while i < WORDS.len() {
        let w = WORDS[i].0;
        let second = if w.len() > 1 { w[1] & 31 } else { 0 };
        t[w.len()][(w[0] & 31) as usize] |= 1 << second;
        i += 1;
    }
    t
};

/// Classifies an ASCII word.
fn classify(w: &[u8]) -> K {
    let Some(by_first) = STARTS.get(w.len()) else {
        return K::Other;
    };
    let second = w.get(1).map_or(0, |&b| b & 31);
    if w.is_empty() || by_first[usize::from(w[0] & 31)] & (1 << second) == 0 {
        return K::Other;
    }
    look_up(w)
}

/// [`classify`] past the gate: the hash table (a word of at most `LONGEST` letters).
fn look_up(w: &[u8]) -> K {
    let key = pack(w);
    let mut s = slot(key);
    loop {
        let (k, kw) = TABLE[s];
        if k == key {
            return K::W(kw);
        }
        if k == 0 {
            return K::Other;
        }
        s = (s + 1) % SLOTS;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Any word, in any case, of any length: the gate rules out only words the table
        /// does not hold.
        #[test]
        fn the_gate_rules_out_only_non_keywords(w in "[a-zA-Z]{1,12}") {
            let w = w.as_bytes();
            let ungated = if w.len() > LONGEST { K::Other } else { look_up(w) };
            proptest::prop_assert_eq!(classify(w), ungated);
        }
    }

    /// The tokenizer as it was before the SWAR letter scan and the single-space skip: one
    /// byte at a time.
    fn tokenize_by_byte(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
        let b = text.as_bytes();
        let mut i = from;
        while i < to {
            let c = b[i];
            if c.is_ascii_digit() {
                let s = i;
                let mut v: u32 = 0;
                let mut nd: u8 = 0;
                while i < to && b[i].is_ascii_digit() {
                    v = v.saturating_mul(10).saturating_add(u32::from(b[i] - b'0'));
                    nd = nd.saturating_add(1);
                    i += 1;
                }
                out.push(Tok {
                    start: s,
                    end: i,
                    k: K::Num(v, nd),
                    cap: false,
                });
            } else if c.is_ascii_alphabetic() {
                let s = i;
                while i < to && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let mut other = false;
                // A word that goes on with non-ASCII letters ("Mayé") is not a keyword.
                while i < to && b[i] >= 0x80 {
                    match text[i..].chars().next() {
                        Some(ch) if ch.is_alphabetic() => {
                            other = true;
                            i += ch.len_utf8();
                            while i < to && b[i].is_ascii_alphabetic() {
                                i += 1;
                            }
                        }
                        _ => break,
                    }
                }
                let k = if other { K::Other } else { classify(&b[s..i]) };
                out.push(Tok {
                    start: s,
                    end: i,
                    k,
                    cap: c.is_ascii_uppercase(),
                });
            } else if c.is_ascii_whitespace() {
                let mut newlines = 0u32;
                while i < to && b[i].is_ascii_whitespace() {
                    if b[i] == b'\n' {
                        newlines += 1;
                    }
                    i += 1;
                }
                if newlines >= 2 {
                    out.push(Tok {
                        start: i,
                        end: i,
                        k: K::Brk,
                        cap: false,
                    });
                }
            } else if c < 0x80 {
                let p = match c {
                    b',' | b'-' | b'/' | b'.' | b':' | b'\'' | b'~' | b'=' | b'<' | b'>' | b'$'
                    | b'%' | b'(' | b')' => c,
                    b'`' => b'\'',
                    _ => b'#',
                };
                out.push(Tok {
                    start: i,
                    end: i + 1,
                    k: K::P(p),
                    cap: false,
                });
                i += 1;
            } else {
                let Some(end) = non_ascii(text, i, to, out) else {
                    break;
                };
                i = end;
            }
        }
    }

    fn toks(text: &str, from: usize, to: usize, by_byte: bool) -> Vec<(usize, usize, K, bool)> {
        let mut out = Vec::new();
        if by_byte {
            tokenize_by_byte(text, from, to, &mut out);
        } else {
            tokenize(text, from, to, &mut out);
        }
        out.iter().map(|t| (t.start, t.end, t.k, t.cap)).collect()
    }

    /// Every byte a letter run can stop at, around the ends of 8-byte blocks.
    #[test]
    fn letters_in_matches_the_byte_test_for_every_byte_at_every_place() {
        for n in 0..8 {
            for x in 0..=255u8 {
                let mut w = *b"abcdefgh";
                w[n] = x;
                let expected = w.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(letters_in(w), expected, "{w:?}");
                let mut w = *b"ZYXWVUTS";
                w[n] = x;
                let expected = w.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(letters_in(w), expected, "{w:?}");
            }
        }
        // Every pair of bytes in the first two places (the rest letters).
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                let w = [x, y, b'q', b'Q', b'a', b'z', b'A', b'Z'];
                let expected = w.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(letters_in(w), expected, "{w:?}");
            }
        }
    }

    #[test]
    fn tokenize_matches_the_byte_by_byte_tokenizer_on_examples() {
        for text in [
            "",
            " ",
            "a",
            "abcdefgh",
            "abcdefghi jklmnopqrstuvwxyz ABCDEFGHIJKLMNOP",
            "In FY2021, revenue  rose 4th\n\nquarter Mayé  2019 \u{a0}x\t y",
            "internationalization and  globalization, 2019-2020 \u{2013} since December 1991",
            "x \n y  \n\n z ",
        ] {
            assert_eq!(
                toks(text, 0, text.len(), false),
                toks(text, 0, text.len(), true)
            );
            // Stopping short: the blocks never read past `to`.
            for to in (0..=text.len()).filter(|&t| text.is_char_boundary(t)) {
                assert_eq!(
                    toks(text, 0, to, false),
                    toks(text, 0, to, true),
                    "{text:?} to {to}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Words, spaces, line breaks, digits, punctuation and non-ASCII letters and spaces in
        /// any mix, cut at any char boundaries.
        #[test]
        fn tokenize_matches_the_byte_by_byte_tokenizer(
            text in "([a-zA-Z]{0,20}|[ \n\t\r]{0,3}|[0-9]{1,6}|[,.;:'`$%()\\-]|é|\u{a0}|\u{2013}|@|\\[|\\{){0,40}",
            a in 0usize..200,
            b in 0usize..200,
        ) {
            let boundaries: Vec<usize> =
                (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let from = boundaries[a % boundaries.len()];
            let to = boundaries[b % boundaries.len()].max(from);
            proptest::prop_assert_eq!(toks(&text, from, to, false), toks(&text, from, to, true));
        }
    }

    #[test]
    fn every_keyword_passes_the_gate_in_any_case() {
        for (w, kw) in WORDS {
            let upper = w.to_ascii_uppercase();
            assert_eq!(classify(&upper), K::W(*kw));
        }
    }

    #[test]
    fn keyword_table_is_consistent() {
        for (w, kw) in WORDS {
            assert_eq!(classify(w), K::W(*kw));
        }
        assert!(
            WORDS
                .iter()
                .all(|(w, _)| w.len() <= LONGEST && w.iter().all(u8::is_ascii_lowercase))
        );
        assert_eq!(classify(b"SePt"), K::W(Kw::Month { m: 9, amb: false }));
        assert_eq!(classify(b"septe"), K::Other);
        assert_eq!(classify(b"throughout"), K::W(Kw::Throughout));
        assert_eq!(classify(b"a"), K::W(Kw::A));
        assert_eq!(classify(b"aa"), K::Other);
        // Ruled out by the gate: no keyword of that length starts so; and longer than any.
        assert_eq!(classify(b"zz"), K::Other);
        assert_eq!(classify(b"Kazakhstan"), K::Other);
        assert_eq!(classify(b"internationalization"), K::Other);
        assert_eq!(classify(b""), K::Other);
    }
}
