//! Tokens: one linear pass over a text that splits it into words, numeric literals and symbols.
//!
//! Numeric literals are lexed here, at the character level, because their shape decides what they
//! mean: `1,234,567` is one number but `22,24,26` is three; `1 234 567` groups with spaces but
//! `423 0000` is two numbers; `2.3.1` is a version, not a quantity. Everything above this level
//! (number words, scales, units, bounds) works on tokens.

use rust_decimal::Decimal;

use crate::number::literal::{self, Literal};

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Directly attached (`$5`, `5%`, `10km`).
    None,
    /// Horizontal white space only.
    Space,
    /// At least one line break: quantities never span it.
    Newline,
}

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters (Unicode alphabetic), e.g. `billion`, `Kazakhstan`.
    Word,
    /// A numeric literal; the index points into [`Tokens::literals`].
    Number(u32),
    /// Something that looks numeric but is not a quantity: a version (`2.3.1`), an IP address,
    /// a phone number (`+7 717 255 5555`). Its digits must never be read as a number.
    NotNumber,
    /// Any other single character (`$`, `%`, `,`, `-`, `€`...).
    Symbol(char),
}

/// One token with its byte span in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub gap: Gap,
}

/// The tokens of one text, with the literals they refer to. Reused across chunks so that
/// tokenizing allocates only when a chunk is larger than any before it.
#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Token>,
    pub literals: Vec<Literal>,
}

impl Tokens {
    /// Tokenize `text`, replacing the previous contents.
    pub fn tokenize(&mut self, text: &str) {
        self.toks.clear();
        self.literals.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut gap = Gap::None;
        while i < bytes.len() {
            let b = bytes[i];
            // Fast path for ASCII white space.
            if b == b' ' || b == b'\t' {
                if gap == Gap::None {
                    gap = Gap::Space;
                }
                i += 1;
                continue;
            }
            if b == b'\n' || b == b'\r' {
                gap = Gap::Newline;
                i += 1;
                continue;
            }
            // A terminal escape sequence pasted into a document (`ESC [ 31 m`) is no text: skip
            // it whole so its digits are never read.
            if b == 0x1b {
                i = escape_end(bytes, i);
                continue;
            }
            if b.is_ascii_digit() || (b == b'.' && self.dot_starts_number(bytes, i)) {
                let (end, lit) = literal::lex(text, i);
                let kind = match lit {
                    Some(lit) => {
                        self.literals.push(lit);
                        TokKind::Number(u32::try_from(self.literals.len() - 1).unwrap_or(u32::MAX))
                    }
                    None => TokKind::NotNumber,
                };
                self.toks.push(Token {
                    start: i,
                    end,
                    kind,
                    gap,
                });
                gap = Gap::None;
                i = end;
                continue;
            }
            if b == b'+'
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                && let Some(end) = literal::phone_number(bytes, i)
            {
                self.toks.push(Token {
                    start: i,
                    end,
                    kind: TokKind::NotNumber,
                    gap,
                });
                gap = Gap::None;
                i = end;
                continue;
            }
            if b.is_ascii_alphabetic() {
                let mut end = ascii_alpha_end(bytes, i + 1);
                // A word may continue with non-ASCII letters (`Tokayev`, `Québec`).
                if end < bytes.len() && bytes[end] >= 0x80 {
                    end = extend_word(text, end);
                }
                // A URL is one token: its digits (`%2D`, `/2019/`) are never quantities.
                // (Only a `:` or `.` right after the word can start one.)
                if matches!(bytes.get(end), Some(b':' | b'.'))
                    && let Some(url_end) = url_end(bytes, i, end)
                {
                    self.toks.push(Token {
                        start: i,
                        end: url_end,
                        kind: TokKind::NotNumber,
                        gap,
                    });
                    gap = Gap::None;
                    i = url_end;
                    continue;
                }
                self.toks.push(Token {
                    start: i,
                    end,
                    kind: TokKind::Word,
                    gap,
                });
                gap = Gap::None;
                i = end;
                continue;
            }
            if b < 0x80 {
                self.toks.push(Token {
                    start: i,
                    end: i + 1,
                    kind: TokKind::Symbol(b as char),
                    gap,
                });
                gap = Gap::None;
                i += 1;
                continue;
            }
            // Non-ASCII: decode one char.
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = c.len_utf8();
            if is_space(c) {
                if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                    gap = Gap::Newline;
                } else if gap == Gap::None {
                    gap = Gap::Space;
                }
                i += len;
                continue;
            }
            if is_invisible(c) {
                // Soft hyphens and zero-width characters join what they separate.
                i += len;
                continue;
            }
            if c.is_alphabetic() {
                let end = extend_word(text, i);
                self.toks.push(Token {
                    start: i,
                    end,
                    kind: TokKind::Word,
                    gap,
                });
                gap = Gap::None;
                i = end;
                continue;
            }
            if let Some(end) = literal::lex_unicode_digits(text, i) {
                let (end, lit) = end;
                self.literals.push(lit);
                let idx = u32::try_from(self.literals.len() - 1).unwrap_or(u32::MAX);
                self.toks.push(Token {
                    start: i,
                    end,
                    kind: TokKind::Number(idx),
                    gap,
                });
                gap = Gap::None;
                i = end;
                continue;
            }
            self.toks.push(Token {
                start: i,
                end: i + len,
                kind: TokKind::Symbol(c),
                gap,
            });
            gap = Gap::None;
            i += len;
        }
    }

    /// A `.` starts a number (`.08`) when a digit follows and no digit or letter precedes it.
    fn dot_starts_number(&self, bytes: &[u8], i: usize) -> bool {
        bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b'.')
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The literal of a number token.
    pub fn literal(&self, tok: &Token) -> Option<&Literal> {
        match tok.kind {
            TokKind::Number(i) => self.literals.get(i as usize),
            _ => None,
        }
    }

    /// The value of a number token.
    pub fn value(&self, tok: &Token) -> Option<Decimal> {
        self.literal(tok).and_then(|l| l.value)
    }
}

/// If the word `start..end` begins a URL (`https://...`, `www....`), where the URL ends.
fn url_end(bytes: &[u8], start: usize, end: usize) -> Option<usize> {
    let word = &bytes[start..end];
    let scheme = bytes[end..].starts_with(b"://")
        && (word.eq_ignore_ascii_case(b"http")
            || word.eq_ignore_ascii_case(b"https")
            || word.eq_ignore_ascii_case(b"ftp"));
    let www = word.eq_ignore_ascii_case(b"www") && bytes.get(end) == Some(&b'.');
    if !scheme && !www {
        return None;
    }
    let mut j = end;
    while j < bytes.len()
        && !bytes[j].is_ascii_whitespace()
        && !matches!(bytes[j], b'"' | b'<' | b'>')
    {
        j += 1;
    }
    // Trailing punctuation ends the sentence, not the URL.
    while j > end && matches!(bytes[j - 1], b'.' | b',' | b';' | b':' | b')' | b'!' | b'?') {
        j -= 1;
    }
    Some(j)
}

/// The end of an ANSI escape sequence starting at `i` (ESC): CSI (`ESC [ ... final`), OSC
/// (`ESC ] ... BEL` or `ESC \\`), or a two-byte escape.
fn escape_end(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i + 1) {
        Some(b'[') => {
            let mut j = i + 2;
            while j < bytes.len() && (0x30..=0x3f).contains(&bytes[j])
                || j < bytes.len() && (0x20..=0x2f).contains(&bytes[j])
            {
                j += 1;
            }
            if j < bytes.len() && (0x40..=0x7e).contains(&bytes[j]) {
                j + 1
            } else {
                j
            }
        }
        Some(b']') => {
            let mut j = i + 2;
            while j < bytes.len() {
                if bytes[j] == 0x07 {
                    return j + 1;
                }
                if bytes[j] == 0x1b && bytes.get(j + 1) == Some(&b'\\') {
                    return j + 2;
                }
                if bytes[j] == b'\n' {
                    return j;
                }
                j += 1;
            }
            j
        }
        Some(c) if c.is_ascii() && *c != b'\n' => i + 2,
        _ => i + 1,
    }
}

/// White space other than ASCII space, tab and line breaks.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Characters that are invisible in print and must not split a token.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The end of a word that continues at `i` (letters, marks and invisible joiners).
fn extend_word(text: &str, i: usize) -> usize {
    let mut end = i;
    for (off, c) in text[i..].char_indices() {
        if c.is_alphabetic() || is_mark(c) {
            end = i + off + c.len_utf8();
        } else if is_invisible(c) {
            // A soft hyphen inside a word is part of it only if a letter follows.
            let next = text[i + off + c.len_utf8()..].chars().next();
            if next.is_some_and(char::is_alphabetic) {
                end = i + off + c.len_utf8();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    end
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Whether `text` holds `word`, ASCII letter case ignored, without a lower-cased copy of
/// either.
pub fn contains_ignore_ascii_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len().max(1))
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// Whether `text` ends with `suffix`, ASCII letter case ignored (as the ASCII-lowercased text
/// ends with the lower-case suffix), without a copy.
pub fn ends_with_ignore_ascii_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether any byte is in `class`: sixteen bytes at a time, without an early exit inside a
/// block, which the compiler turns into vector compares. For scans that usually read to the
/// end (a paragraph with no digit, a string with nothing to escape).
pub fn any_byte(bytes: &[u8], class: impl Fn(u8) -> bool) -> bool {
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | class(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| class(b))
}

/// The end of the run of ASCII letters starting at `start` (`start` itself if there is none):
/// eight bytes at a time, where a byte-by-byte loop cost a compare and a branch a letter.
#[inline]
pub fn ascii_alpha_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(block) = bytes.get(i..i + 8) {
        let mut b = [0u8; 8];
        b.copy_from_slice(block);
        let not_alpha = not_ascii_alpha(u64::from_le_bytes(b));
        if not_alpha != 0 {
            return i + (not_alpha.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// The high bit of each byte of `x` (little-endian) that is no ASCII letter.
#[inline]
fn not_ascii_alpha(x: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    // Setting bit 0x20 maps `A..=Z` onto `a..=z` and no other byte into it. Then, as in
    // `word_set::lower_ascii`: the low seven bits plus a constant set a byte's high bit exactly
    // when they are at least `a` (then: above `z`), with no carry into the next byte; a byte
    // with its own high bit set is not ASCII.
    let low7 = (x | (0x20 * EACH)) & (0x7f * EACH);
    let from_a = low7 + (0x80 - u64::from(b'a')) * EACH;
    let past_z = low7 + (0x80 - u64::from(b'z') - 1) * EACH;
    let alpha = from_a & !past_z & !x & (0x80 * EACH);
    !alpha & (0x80 * EACH)
}

/// Lowercase an ASCII word into `buf` for vocabulary lookups; `None` when it does not fit or is
/// not ASCII (no vocabulary word is).
pub fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_alpha_end(bytes: &[u8], start: usize) -> usize {
        let mut i = start;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        i
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

        /// The eight-bytes-at-a-time scan ends where the byte loop ends, from every start.
        #[test]
        fn ascii_alpha_end_is_the_byte_loop(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => proptest::prelude::any::<u8>(),
                    8 => b'A'..=b'Z',
                    8 => b'a'..=b'z',
                    1 => proptest::sample::select(vec![b'@', b'[', b'`', b'{', 0xc1, 0xda, 0xe1, 0xfa]),
                ],
                0..48,
            ),
        ) {
            for start in 0..=bytes.len() {
                proptest::prop_assert_eq!(
                    ascii_alpha_end(&bytes, start),
                    naive_alpha_end(&bytes, start),
                    "{:?} from {}", bytes, start
                );
            }
        }

        /// The URL check is skipped unless `:` or `.` follows the word: no URL starts otherwise.
        #[test]
        fn urls_start_only_before_a_colon_or_dot(text in "[a-zA-Z:/. wWhtpsf]{0,24}") {
            let bytes = text.as_bytes();
            for start in 0..bytes.len() {
                let end = naive_alpha_end(bytes, start);
                if end > start && !matches!(bytes.get(end), Some(b':' | b'.')) {
                    proptest::prop_assert!(url_end(bytes, start, end).is_none(), "{}", text);
                }
            }
        }
    }

    #[test]
    fn url_check_finds_urls() {
        assert!(url_end(b"http://x.org", 0, 4).is_some());
        assert!(url_end(b"www.x.org", 0, 3).is_some());
        assert_eq!(ascii_alpha_end(b"Hello, world", 0), 5);
        assert_eq!(ascii_alpha_end(b"abcdefghijklmnop1", 0), 16);
    }

    fn kinds(text: &str) -> Vec<(String, TokKind)> {
        let mut t = Tokens::default();
        t.tokenize(text);
        t.toks
            .iter()
            .map(|k| (text[k.start..k.end].to_string(), k.kind))
            .collect()
    }

    #[test]
    fn splits_words_numbers_and_symbols() {
        let k = kinds("$1.8bn, up 5%");
        let texts: Vec<&str> = k.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(texts, ["$", "1.8", "bn", ",", "up", "5", "%"]);
        assert!(matches!(k[1].1, TokKind::Number(_)));
    }

    #[test]
    fn versions_and_phones_are_not_numbers() {
        let k = kinds("version 2.3.1 and +7 717 255 5555 or 192.168.0.1");
        let nn: Vec<&str> = k
            .iter()
            .filter(|(_, k)| *k == TokKind::NotNumber)
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(nn, ["2.3.1", "+7 717 255 5555", "192.168.0.1"]);
    }

    #[test]
    fn gaps_record_line_breaks() {
        let mut t = Tokens::default();
        t.tokenize("5\n6 7");
        let gaps: Vec<Gap> = t.toks.iter().map(|t| t.gap).collect();
        assert_eq!(gaps, [Gap::None, Gap::Newline, Gap::Space]);
    }

    #[test]
    fn terminal_escapes_are_skipped_whole() {
        let k = kinds("the \x1b[31mMinistry\x1b[0m said \x1b]0;title\x07$5");
        let texts: Vec<&str> = k.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(texts, ["the", "Ministry", "said", "$", "5"]);
    }

    #[test]
    fn a_byte_of_the_class_is_found_in_any_block() {
        let prose = "no figure here at all, ".repeat(3);
        let digit = |b: u8| b.is_ascii_digit();
        assert!(!any_byte(prose.as_bytes(), digit));
        assert!(!any_byte(b"", digit));
        // Block edges (0, 15, 16, 31), inside a block (40), the remainder (68 of 69).
        for at in [0, 15, 16, 31, 40, prose.len() - 1] {
            let mut with = prose.clone().into_bytes();
            with[at] = b'7';
            assert!(any_byte(&with, digit), "a digit at {at}");
        }
    }

    #[test]
    fn soft_hyphen_does_not_split_words() {
        let k = kinds("bil\u{00AD}lion");
        assert_eq!(k.len(), 1);
    }
}
