//! Sentences and clauses: where a quantity looks for its period.
//!
//! A sentence ends at `.`, `!` or `?` followed by white space and a capital, a digit or a quote,
//! unless the word before the dot is an abbreviation (`U.S.`, `Feb.`, `Mr.`); every line break
//! also ends a sentence, since headlines and list items carry no final stop.
//!
//! A run of text with no sentence end (a table flattened to one line, a scraped blob) is cut
//! into pieces of bounded length: every later step looks around a figure within its sentence,
//! and a bounded sentence keeps that work linear in the input.

/// Past this length a sentence ends at the next space.
pub const MAX_SENTENCE: usize = 2048;
/// Past this length a sentence with no space ends at the next character.
const HARD_MAX_SENTENCE: usize = 4 * MAX_SENTENCE;

/// Whether byte `b` may end a sentence: a line break or a stop. Written as an OR of compares,
/// not a table, so that [`next_candidate`] reads sixteen bytes at a time in vector compares.
fn may_end(b: u8) -> bool {
    (b == b'\n') | (b == b'\r') | (b == b'.') | (b == b'!') | (b == b'?')
}

/// The first offset at or after `from` in `s` whose byte, with the byte after it (0 past the
/// end), is in `class`.
///
/// Sentences and clauses are split wherever a few kinds of byte occur, which prose holds one of
/// in every few dozen bytes: most blocks of sixteen bytes hold none. A block is tested whole,
/// without an early exit inside it (an OR the compiler turns into vector compares), and only
/// the block that holds one is read byte by byte. `class` must be a pure function of its two
/// bytes written with non-short-circuit operators (`|`, `&`) to keep the block test vectorized.
fn next_candidate(s: &[u8], mut from: usize, class: impl Fn(u8, u8) -> bool) -> Option<usize> {
    while let Some(w) = s.get(from..).and_then(<[u8]>::first_chunk::<17>) {
        if (0..16).fold(false, |any, k| any | class(w[k], w[k + 1])) {
            break;
        }
        from += 16;
    }
    (from..s.len()).find(|&k| class(s[k], s.get(k + 1).copied().unwrap_or(0)))
}

/// Byte spans of the sentences of `text`.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    sentences_until_into(text, usize::MAX, &mut out);
    out
}

/// How many sentences past `end` [`sentences_until`] finds.
pub const SENTENCES_PAST: usize = 4;

/// The first sentences of `text`: those of [`sentences`] up to the [`SENTENCES_PAST`]th that
/// starts at or after `end` (all of them when fewer start there), a prefix of [`sentences`].
/// A caller that looks only near figures ending by `end` (and asks whether the text has more
/// than three sentences) needs no more, and a long paragraph's tail is not read.
pub fn sentences_until(text: &str, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    sentences_until_into(text, end, &mut out);
    out
}

/// [`sentences_until`], into `out` (cleared first): one buffer serves many texts.
pub fn sentences_until_into(text: &str, end: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    for sentence in Sentences::new(text) {
        out.push(sentence);
        // Enough sentences start at or after `end`: every later one does too.
        if out.len() >= SENTENCES_PAST && out[out.len() - SENTENCES_PAST].0 >= end {
            return;
        }
    }
}

/// The sentences of a text one at a time ([`sentences`] is all of them), for a reader that
/// needs only some sentences of a long text: [`Sentences::skip_to_sentence_of`] jumps over
/// the text before one without splitting it.
///
/// A jump gives the same sentences as splitting all the text before: the splitter starts
/// afresh after a line break or a stop that ends a sentence, whatever came before (the length
/// cuts count from a sentence's start), and whether a stop ends a sentence
/// ([`ends_sentence`]) depends only on the text around it, where the splitting began or not.
/// Splitting from a line's start a slice that ends with the line is not the same: a stop at
/// its end would see no text after it (`."` then a line break and a lower-case word).
#[derive(Debug, Clone)]
pub struct Sentences<'t> {
    text: &'t str,
    /// Where the sentence being read starts.
    start: usize,
    /// The next byte to read.
    i: usize,
    /// The last sentence, which runs to the end of the text, was given.
    done: bool,
}

impl<'t> Sentences<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            start: 0,
            i: 0,
            done: false,
        }
    }

    /// Skip to just after the last line break or stop that ends a sentence before byte `at`,
    /// unless the splitter is past it: to the start of the sentence that holds `at` (or of
    /// one before it in its line, when a length cut falls between). The sentences skipped all
    /// end before `at`. Only the bytes from the start of the sentence being read to `at` are
    /// read, backwards, and only the stops of `at`'s line are tested; the bytes from the
    /// sentence start found to `at` are not read again (short of a length cut, none of them
    /// can end a sentence).
    pub fn skip_to_sentence_of(&mut self, at: usize) {
        let at = at.min(self.text.len());
        if self.done || at <= self.start {
            return;
        }
        // Not yet read: between a sentence's start and the next byte lies no break and no stop
        // that ends a sentence (a length cut starts a sentence at a byte that is neither).
        let bytes = self.text.as_bytes();
        let mut to = memchr::memrchr2(b'\n', b'\r', &bytes[self.start..at])
            .map_or(self.start, |k| self.start + k + 1);
        let mut end = at;
        while let Some(k) = memchr::memrchr3(b'.', b'!', b'?', &bytes[to..end]) {
            if ends_sentence(self.text, to + k) {
                to += k + 1;
                break;
            }
            end = to + k;
        }
        self.start = to;
        // Nothing from `to` to `at` ends the sentence, and no length cut falls before
        // MAX_SENTENCE bytes of it: the splitter would step over all of that.
        self.i = self.i.max(at.min(to + MAX_SENTENCE));
    }
}

impl Iterator for Sentences<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let (mut start, mut i) = (self.start, self.i);
        while i < bytes.len() {
            // Short of the length cut only a line break or a stop can end the sentence: skip
            // to the next one (or to the cut), sixteen bytes at a time.
            let cut = (start + MAX_SENTENCE).min(bytes.len());
            if i < cut {
                match next_candidate(&bytes[..cut], i, |b, _| may_end(b)) {
                    Some(k) => i = k,
                    None => {
                        i = cut;
                        continue;
                    }
                }
            }
            let b = bytes[i];
            let piece = if b == b'\n' || b == b'\r' {
                let piece = (start, i);
                start = i + 1;
                piece
            } else if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, i) {
                let piece = (start, i + 1);
                start = i + 1;
                piece
            } else if i - start >= MAX_SENTENCE
                && (b == b' ' || (i - start >= HARD_MAX_SENTENCE && text.is_char_boundary(i)))
            {
                let piece = (start, i);
                start = i;
                piece
            } else {
                i += 1;
                continue;
            };
            i += 1;
            if let Some(sentence) = trimmed(text, piece.0, piece.1) {
                (self.start, self.i) = (start, i);
                return Some(sentence);
            }
        }
        (self.start, self.i) = (start, i);
        if self.done {
            return None;
        }
        self.done = true;
        trimmed(text, start, bytes.len())
    }
}

/// The sentence of the piece `start..end` of `text`: the piece less the white space at its
/// ends, if anything is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead < end - trail).then_some((start + lead, end - trail))
}

/// The sentence of each of a series of byte offsets given in order, as a linker asks for the
/// sentences of its figures: only the sentences that hold them are split, each once
/// ([`Sentences::skip_to_sentence_of`]).
#[derive(Debug, Clone)]
pub struct SentenceAt<'t> {
    sentences: Sentences<'t>,
    /// The last sentence found.
    last: Option<(usize, usize)>,
    /// The offset asked for last (offsets must not go back).
    last_at: usize,
}

impl<'t> SentenceAt<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            sentences: Sentences::new(text),
            last: None,
            last_at: 0,
        }
    }

    /// The first sentence of [`sentences`] that ends after byte `at` (the one that holds it,
    /// unless `at` is white space between two), `None` past the last. `at` must not be less
    /// than at the call before.
    pub fn holding(&mut self, at: usize) -> Option<(usize, usize)> {
        debug_assert!(
            at >= self.last_at,
            "offsets out of order: {at} after {}",
            self.last_at
        );
        self.last_at = at;
        if self.last.is_none_or(|(_, end)| end <= at) {
            // One skip, then the pieces up to `at` in turn: none before it ends at a break or
            // a stop, only at a length cut. (Skipping again before each piece would search the
            // line back to its start each time: quadratic in a long line without stops.)
            self.sentences.skip_to_sentence_of(at);
            while self.last.is_none_or(|(_, end)| end <= at) {
                self.last = Some(self.sentences.next()?);
            }
        }
        self.last
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "plc", "vs",
    "etc", "no", "nos", "nr", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "gen", "gov", "sen", "rep", "approx", "est", "dept", "e.g", "i.e",
    "u.s", "u.k", "u.n", "e.u", "pp", "vol", "ca", "al", "bln", "mln", "bn", "mn",
];

/// Whether the stop at byte `i` ends a sentence.
fn ends_sentence(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    // Followed by white space, then a capital, digit, quote or bracket.
    let mut j = i + 1;
    // Closing quotes and brackets stay with the sentence.
    while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
        j += 1;
    }
    let rest = &text[j.min(text.len())..];
    let Some(ws) = rest.chars().next() else {
        return true;
    };
    if !ws.is_whitespace() {
        return false;
    }
    let Some(next) = rest.trim_start().chars().next() else {
        return true;
    };
    if !(next.is_uppercase() || next.is_ascii_digit() || "\"'“‘«([".contains(next)) {
        return false;
    }
    if bytes[i] != b'.' {
        return true;
    }
    // The word before the dot.
    let before = &text[..i];
    // The separator may be multi-byte (a no-break space): step over the whole character.
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(p, c)| p + c.len_utf8());
    !abbreviation_or_initial(&before[word_start..])
}

/// Whether the word before a dot is an abbreviation or a single letter (an initial, `J.
/// Smith`, or part of `U.S.`), so the dot ends no sentence. Read in place, ASCII case ignored
/// (the abbreviations are ASCII): no lower-cased copy of the word for every stop.
fn abbreviation_or_initial(word: &str) -> bool {
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
        return true;
    }
    let word = word.trim_end_matches('.');
    ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// Byte offsets (in `text`) of the clause breaks of the sentence `start..end`: `,` (not the
/// comma of `1,200`), `;`, `:`, brackets, en and em dashes, and ` while `, ` whereas `,
/// ` but `, which join contrasting figures.
pub fn clause_breaks(text: &str, start: usize, end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    clause_breaks_into(text, start, end, &mut out);
    out
}

/// [`clause_breaks`], into `out` (cleared first): a paragraph's sentences reuse one buffer.
pub fn clause_breaks_into(text: &str, start: usize, end: usize, out: &mut Vec<usize>) {
    // The candidate test reads the byte after the space: every word must start with `w` or `b`.
    const _: () = {
        let mut i = 0;
        while i < CONTRAST_WORDS.len() {
            assert!(CONTRAST_WORDS[i][1] == b'w' || CONTRAST_WORDS[i][1] == b'b');
            i += 1;
        }
    };
    out.clear();
    let s = &text.as_bytes()[start..end];
    // Where each word may next be found: matches of one word do not overlap.
    let mut word_from = [0usize; CONTRAST_WORDS.len()];
    // The bytes that may give a break; the others are skipped sixteen at a time.
    let candidate = |b: u8, next: u8| {
        (b == b';')
            | (b == b':')
            | (b == b'(')
            | (b == b')')
            | (b == b',')
            | (b == 0xE2)
            | ((b == b' ') & ((next == b'w') | (next == b'b')))
    };
    // One pass over the candidate bytes: every break character is ASCII or starts with 0xE2,
    // and a byte that is an ASCII character is never part of another character.
    let mut from = 0;
    while let Some(off) = next_candidate(s, from, candidate) {
        from = off + 1;
        // Every word starts ` w` or ` b` (the candidate test read the byte after the space).
        clause_break_at(s, off, start, &mut word_from, out);
    }
    // In order: each byte gives at most one break.
}

/// Contrast words that open a clause of their own.
const CONTRAST_WORDS: [&[u8]; 3] = [b" while ", b" whereas ", b" but "];

/// The clause break the byte at `off` of sentence bytes `s` (which start at `start` of the
/// text) makes, if any, pushed onto `out`; `word_from` is where each contrast word may next
/// be found (matches of one word do not overlap).
fn clause_break_at(
    s: &[u8],
    off: usize,
    start: usize,
    word_from: &mut [usize; CONTRAST_WORDS.len()],
    out: &mut Vec<usize>,
) {
    let is_break = match s[off] {
        // Brackets set off a restatement (`$1.5 billion ($1.4 billion over the same
        // period of 2022)`): what is inside belongs to its own clause.
        b';' | b':' | b'(' | b')' => true,
        // A comma inside a number (`1,200`) is not a clause break.
        b',' => {
            !(off > 0
                && s[off - 1].is_ascii_digit()
                && s.get(off + 1).is_some_and(u8::is_ascii_digit))
        }
        // En and em dashes (U+2013, U+2014).
        0xE2 => s.get(off + 1) == Some(&0x80) && matches!(s.get(off + 2), Some(0x93 | 0x94)),
        b' ' => {
            for (word, from) in CONTRAST_WORDS.iter().zip(word_from.iter_mut()) {
                if off >= *from && s[off..].starts_with(word) {
                    out.push(start + off);
                    *from = off + word.len();
                }
            }
            false
        }
        _ => false,
    };
    if is_break {
        out.push(start + off);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    fn push(out: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
        out.extend(trimmed(text, start, end));
    }

    /// The byte-by-byte definition of [`sentences`], to hold the skipping loop to it.
    fn sentences_by_byte(text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\n' || b == b'\r' {
                push(&mut out, text, start, i);
                start = i + 1;
            } else if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, i) {
                push(&mut out, text, start, i + 1);
                start = i + 1;
            } else if i - start >= MAX_SENTENCE
                && (b == b' ' || (i - start >= HARD_MAX_SENTENCE && text.is_char_boundary(i)))
            {
                push(&mut out, text, start, i);
                start = i;
            }
            i += 1;
        }
        push(&mut out, text, start, bytes.len());
        out
    }

    /// The byte-by-byte definition of [`clause_breaks`], to hold the skipping loop to it.
    /// Every byte read in turn: the skipping loop must find the same breaks.
    fn clause_breaks_by_byte(text: &str, start: usize, end: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let s = &text.as_bytes()[start..end];
        let mut word_from = [0usize; CONTRAST_WORDS.len()];
        for off in 0..s.len() {
            clause_break_at(s, off, start, &mut word_from, &mut out);
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Every kind of break at every position of a block of sixteen (and across blocks),
        /// grouping commas, dashes and other characters starting with 0xE2, contrast words
        /// that overlap or are cut by the sentence's end: the same breaks as the byte-by-byte
        /// loop, for the whole text and for a part of it.
        #[test]
        fn clause_breaks_match_the_byte_by_byte_definition(
            pieces in proptest::collection::vec(0usize..16, 0..80),
            cut in 0usize..40,
        ) {
            let piece = |k: usize| -> &str {
                match k {
                    0 => "word ",
                    1 => ", ",
                    2 => "1,2",
                    3 => ";",
                    4 => ":",
                    5 => "(",
                    6 => ")",
                    7 => "\u{2013}",
                    8 => "\u{2014}",
                    9 => "\u{2026}",
                    10 => " while ",
                    11 => " whereas ",
                    12 => " but but ",
                    13 => " bw",
                    14 => "abcdefghijklmnopq",
                    _ => " ",
                }
            };
            let text: String = pieces.into_iter().map(piece).collect();
            proptest::prop_assert_eq!(
                clause_breaks(&text, 0, text.len()),
                clause_breaks_by_byte(&text, 0, text.len())
            );
            let mut start = cut.min(text.len());
            while !text.is_char_boundary(start) {
                start += 1;
            }
            let mut end = text.len().saturating_sub(cut).max(start);
            while !text.is_char_boundary(end) {
                end += 1;
            }
            proptest::prop_assert_eq!(
                clause_breaks(&text, start, end),
                clause_breaks_by_byte(&text, start, end)
            );
        }
    }

    /// [`abbreviation_or_initial`] as it was, reading a lower-cased copy of the word.
    fn abbreviation_or_initial_by_copy(word: &str) -> bool {
        let word = word.to_ascii_lowercase();
        if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
            return true;
        }
        ABBREVIATIONS.contains(&word.trim_end_matches('.'))
    }

    proptest::proptest! {
        /// Abbreviations in any case, single letters (ASCII or not), words with non-ASCII
        /// letters, dotted words and their concatenations: the same answer as with the
        /// lower-cased copy.
        #[test]
        fn abbreviation_or_initial_matches_the_lower_cased_copy(
            pieces in proptest::collection::vec(0usize..14, 1..4),
        ) {
            let piece = |k: usize| match k {
                0 => "Mr",
                1 => "U.S",
                2 => "INC",
                3 => "e.g",
                4 => "J",
                5 => "\u{c9}",
                6 => "caf\u{e9}",
                7 => "Sept.",
                8 => "Word",
                9 => "Stra\u{df}e",
                10 => "Feb",
                11 => "x",
                12 => "dR",
                _ => "1.5",
            };
            let word: String = pieces.into_iter().map(piece).collect();
            proptest::prop_assert_eq!(
                abbreviation_or_initial(&word),
                abbreviation_or_initial_by_copy(&word),
                "{:?}", word
            );
        }
    }

    #[test]
    fn abbreviations_in_any_case_and_initials_end_no_sentence() {
        for text in [
            "Mr. Smith",
            "MR. Smith",
            "U.S. Steel",
            "J. Smith",
            "\u{c9}. Smith",
        ] {
            assert!(!ends_sentence(text, text.find(". ").unwrap()), "{text}");
        }
        assert!(ends_sentence("Word. Next", 4));
        assert!(ends_sentence("caf\u{e9}. Next", 5));
    }

    proptest::proptest! {
        /// Sentences of every kind of end, cut at any `end`: a prefix of all the sentences,
        /// holding every one that starts before `end`, and then [`SENTENCES_PAST`] more (or
        /// all there are); with no cut, all of them.
        #[test]
        fn sentences_until_is_a_prefix_of_sentences(
            pieces in proptest::collection::vec(0usize..8, 0..60),
            cut in 0usize..400,
        ) {
            let piece = |k: usize| match k {
                0 => "Prices rose. ",
                1 => "In 2022 it fell by 3.5 percent",
                2 => "\n",
                3 => " U.S. ",
                4 => "! ",
                5 => "? \"Yes",
                6 => "\r\n\n",
                _ => "word ",
            };
            let text: String = pieces.into_iter().map(piece).collect();
            let all = sentences(&text);
            let end = cut.min(text.len() + 1);
            let some = sentences_until(&text, end);
            proptest::prop_assert!(all.starts_with(&some));
            let past = |v: &[(usize, usize)]| v.iter().filter(|s| s.0 >= end).count();
            proptest::prop_assert_eq!(past(&some), past(&all).min(SENTENCES_PAST));
            proptest::prop_assert_eq!(sentences_until(&text, usize::MAX), all);
        }
    }

    #[test]
    fn sentences_until_stops_four_sentences_past_the_end() {
        let text = "One. Two. Three. Four. Five. Six. Seven.";
        assert_eq!(sentences_until(text, 0).len(), 4);
        assert_eq!(sentences_until(text, 5).len(), 5);
        assert_eq!(sentences_until(text, 6).len(), 6);
        assert_eq!(sentences_until(text, text.len()).len(), 7);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// Stops that end sentences and stops that do not (abbreviations, decimals), line
        /// breaks, runs past both length cuts with and without spaces, multi-byte characters
        /// at the cut ([`line_piece`]): the same sentences as the byte-by-byte loop.
        #[test]
        fn sentences_match_the_byte_by_byte_definition(
            pieces in proptest::collection::vec(0usize..PIECES, 0..60),
        ) {
            let text: String = pieces.into_iter().map(line_piece).collect();
            proptest::prop_assert_eq!(sentences(&text), sentences_by_byte(&text));
        }
    }

    /// How many pieces [`line_piece`] has (past the last, a space).
    const PIECES: usize = 29;

    /// Pieces of text for the splitting tests: stops that end sentences and stops that do not
    /// (abbreviations, decimals, a lower-case word after), closing quotes and brackets after a
    /// stop, every kind of line break and blank lines, white space that breaks no line
    /// (U+00A0, U+2028, U+0085, tab, form feed), runs past both length cuts with and without
    /// spaces.
    fn line_piece(k: usize) -> String {
        match k {
            0 => "Word ".into(),
            1 => "word ".into(),
            2 => ". ".into(),
            3 => ".\"".into(),
            4 => "U.S. ".into(),
            5 => "No. ".into(),
            6 => "(".into(),
            7 => ")".into(),
            8 => "]".into(),
            9 => "\n".into(),
            10 => "\r\n".into(),
            11 => "\r".into(),
            12 => "\n \n".into(),
            13 => "\u{a0}".into(),
            14 => "\u{2028}".into(),
            15 => "! ".into(),
            16 => "? ".into(),
            17 => "x".repeat(MAX_SENTENCE - 1),
            18 => "ab ".repeat(MAX_SENTENCE / 3),
            19 => "\u{e9}".repeat(HARD_MAX_SENTENCE / 3),
            20 => "1.8".into(),
            21 => "'".into(),
            22 => "\u{85}\t\u{c}".into(),
            23 => "A".into(),
            24 => "\u{201c}".into(),
            25 => "Mr. ".into(),
            26 => "1.8! ".into(),
            27 => "? \"Q".into(),
            _ => " ".into(),
        }
    }

    /// Every offset of `text` where the splitter starts afresh: 0, and the byte after each
    /// `\n` or `\r` (a line start) and after each stop that ends a sentence.
    fn sentence_starts(text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        (0..=text.len())
            .filter(|&k| {
                k == 0
                    || matches!(bytes[k - 1], b'\n' | b'\r')
                    || (matches!(bytes[k - 1], b'.' | b'!' | b'?') && ends_sentence(text, k - 1))
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Splitting from any line start, or from after any stop that ends a sentence, gives
        /// the sentences of [`sentences`] from there on: those of the rest of the line,
        /// whatever the text after it, and the next lines'.
        #[test]
        fn sentences_from_any_line_or_sentence_start_are_those_of_the_whole_text(
            pieces in proptest::collection::vec(0usize..PIECES, 0..60),
        ) {
            let text: String = pieces.into_iter().map(line_piece).collect();
            let all = sentences(&text);
            for from in sentence_starts(&text) {
                let mut split = Sentences::new(&text);
                split.skip_to_sentence_of(from);
                let on: Vec<(usize, usize)> = split.collect();
                let expected: Vec<(usize, usize)> =
                    all.iter().copied().filter(|s| s.0 >= from).collect();
                proptest::prop_assert_eq!(on, expected, "from {}", from);
            }
        }

        /// The sentence of each of a series of offsets in order (in white space, at line
        /// breaks, past the last sentence, several in one sentence or line, lines skipped,
        /// far into a sentence past the length cuts): the first of [`sentences`] that ends
        /// after it.
        #[test]
        fn sentence_at_is_the_first_sentence_ending_after_the_offset(
            pieces in proptest::collection::vec(0usize..PIECES, 0..60),
            mut at in proptest::collection::vec(0usize..1 << 20, 0..12),
        ) {
            let text: String = pieces.into_iter().map(line_piece).collect();
            let all = sentences(&text);
            at.sort_unstable();
            let mut finder = SentenceAt::new(&text);
            for a in at {
                // A fraction of the way through the text (in millionths, about).
                let a = (a * (text.len() + 1)) >> 20;
                let first = all.partition_point(|&(_, e)| e <= a);
                proptest::prop_assert_eq!(finder.holding(a), all.get(first).copied(), "at {}", a);
                // A skip from the start: the sentences of a line start or sentence start
                // before `a` on, every one that ends after `a` among them.
                let mut split = Sentences::new(&text);
                split.skip_to_sentence_of(a);
                let on: Vec<(usize, usize)> = split.collect();
                proptest::prop_assert!(all.ends_with(&on), "skip to {}", a);
                proptest::prop_assert!(on.len() >= all.len() - first, "skip to {}", a);
            }
        }
    }

    #[test]
    fn a_stop_at_a_line_end_looks_past_the_line() {
        // The stop before `"` and a lower-case word on the next line ends no sentence: `"`
        // stays with it, as when the whole text is split.
        let text = "One.\nIt said \"so.\"\nand more.";
        let mut split = Sentences::new(text);
        split.skip_to_sentence_of(6);
        let got: Vec<&str> = split.map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["It said \"so.\"", "and more."]);
        assert_eq!(sentences(text).len(), 3);
    }

    #[test]
    fn a_run_with_no_stop_is_cut_into_bounded_sentences() {
        let text = "1,234 and 5 ".repeat(2000);
        let spans = sentences(&text);
        assert!(spans.len() > 1);
        assert!(spans.iter().all(|&(s, e)| e - s <= MAX_SENTENCE + 16));
        // Cut at spaces, nothing lost between pieces.
        assert!(
            spans
                .windows(2)
                .all(|w| text[w[0].1..w[1].0].trim().is_empty())
        );
        let glued = "9".repeat(10 * MAX_SENTENCE);
        assert!(
            sentences(&glued)
                .iter()
                .all(|&(s, e)| e - s <= HARD_MAX_SENTENCE)
        );
    }

    #[test]
    fn splits_at_stops_but_not_abbreviations() {
        assert_eq!(
            split("The U.S. grew 5%. Exports rose. Mr. Smith said so."),
            ["The U.S. grew 5%.", "Exports rose.", "Mr. Smith said so."]
        );
        assert_eq!(
            split("It was $1.8 billion. Then $2 bn"),
            ["It was $1.8 billion.", "Then $2 bn"]
        );
        assert_eq!(
            split("Visited Feb. 28 in Astana.\nNext line"),
            ["Visited Feb. 28 in Astana.", "Next line"]
        );
    }

    #[test]
    fn a_no_break_space_before_a_stop_is_not_sliced_through() {
        // Regression: `rfind` gave the start of a two-byte no-break space, and slicing one
        // byte after it panicked.
        let t = "He said\u{a0}yes. Then trade rose.";
        assert_eq!(split(t).len(), 2);
    }

    #[test]
    fn clauses_break_at_punctuation_dashes_and_contrast_words() {
        let t = "a, b (c) d\u{2013}e\u{2014}f; g: h but but i while j 1,2 x,y";
        // `,` `(` `)` en dash, em dash, `;` `:`, the first ` but ` (the second overlaps
        // it), ` while `, and the comma of `x,y` but not the one of `1,2`.
        assert_eq!(
            clause_breaks(t, 0, t.len()),
            [1, 5, 7, 10, 14, 18, 21, 24, 34, 48]
        );
        // Offsets are in the text, for a sentence inside it.
        let u = format!("Intro. {t}");
        assert_eq!(clause_breaks(&u, 7, u.len())[..2], [8, 12]);
    }

    #[test]
    fn clauses_ignore_grouping_commas() {
        let t = "It was 1,200 jobs, while exports rose";
        let b = clause_breaks(t, 0, t.len());
        assert_eq!(b.len(), 2);
    }
}
