//! A set of vocabulary words, looked up ASCII-case-insensitively without allocating.
//!
//! The scanners ask "is this token one of these words?" for nearly every word of the text
//! (a vague magnitude's first word, a qualifier's edge, a word that is never a counted noun).
//! A `HashSet<String>` makes each question a lower-cased copy, a UTF-8 check and a string
//! hash. Here a word of up to 16 bytes becomes two integers and its length, lower-cased eight
//! bytes at a time, and is looked up in an open-addressing table. Longer words go to an
//! ordinary set, so the answer is always exactly "is `word.to_ascii_lowercase()` in the set".

use foldhash::HashSet;

#[derive(Debug, Clone)]
pub struct WordSet {
    /// Packed words; a slot of length 0 is empty (the empty word is never packed). The length
    /// is a power of two, at least twice the number of packed words.
    slots: Box<[Key]>,
    /// For each length of a packed word (1 to 16; 0 unused) and each first byte (`& 31`): a
    /// bit for each second byte (`& 31`; bit 0 for a word of one byte) a word of that length
    /// and first byte has. ASCII-lowercasing only changes bit `0x20` of a byte, so a word's
    /// bit is the same in any case; a word whose bit is clear is not in the set.
    starts: Box<[[u32; 32]; 17]>,
    /// The words that do not pack, ASCII-lowercased.
    unpacked: HashSet<Box<[u8]>>,
    /// Every word once, ASCII-lowercased, in the order first inserted, one after another
    /// in one buffer (one allocation, not one a word)...
    text: String,
    /// ... each ending at its offset here.
    ends: Vec<usize>,
}

impl Default for WordSet {
    fn default() -> Self {
        Self {
            slots: vec![Key::EMPTY; MIN_SLOTS].into_boxed_slice(),
            starts: Box::new([[0; 32]; 17]),
            unpacked: HashSet::default(),
            text: String::new(),
            ends: Vec::new(),
        }
    }
}

const MIN_SLOTS: usize = 16;

/// A word of 1 to 16 bytes, ASCII-lowercased: its bytes little-endian, zero-padded, and its
/// length (so `a` and `a\0` differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    lo: u64,
    hi: u64,
    len: u8,
}

impl Key {
    const EMPTY: Self = Self {
        lo: 0,
        hi: 0,
        len: 0,
    };

    /// `None` for the empty word and one longer than 16 bytes.
    fn of(word: &[u8]) -> Option<Self> {
        let (lo, hi) = lower_halves(word)?;
        Some(Self {
            lo,
            hi,
            // At most 16: checked by `lower_halves`.
            #[allow(clippy::cast_possible_truncation)]
            len: word.len() as u8,
        })
    }

    /// The slot the key is first looked for in, in a table of `mask + 1` slots.
    fn slot(self, mask: usize) -> usize {
        let x = self.lo ^ self.hi.rotate_left(29) ^ u64::from(self.len);
        // The high bits of the product are the well-mixed ones; truncation is the point.
        #[allow(clippy::cast_possible_truncation)]
        let h = (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize;
        h & mask
    }
}

/// A word of 1 to 16 bytes, ASCII-lowercased, as its bytes little-endian and zero-padded in
/// two halves; `None` for the empty word and one longer than 16 bytes.
fn lower_halves(word: &[u8]) -> Option<(u64, u64)> {
    let len = word.len();
    let (lo, hi) = match len {
        0 | 17.. => return None,
        // Two loads that may overlap; the second is shifted past the bytes of the first.
        8..=16 => {
            let lo = load8(&word[..8]);
            let hi = if len == 8 {
                0
            } else {
                load8(&word[len - 8..]) >> ((16 - len) * 8)
            };
            (lo, hi)
        }
        _ => {
            let lo = word
                .iter()
                .rev()
                .fold(0u64, |v, &b| (v << 8) | u64::from(b));
            (lo, 0)
        }
    };
    Some((lower_ascii(lo), lower_ascii(hi)))
}

/// Where a word of at least one byte is in [`WordSet`]'s `starts`: its first byte's row and
/// its second byte's bit (bit 0 for a word of one byte), the same for both cases of a letter.
#[inline]
fn start_bits(word: &[u8]) -> (usize, u32) {
    let first = usize::from(word[0] & 31);
    let second = word.get(1).map_or(0, |&b| b & 31);
    (first, 1 << second)
}

/// Eight bytes, little-endian (the caller gives exactly eight).
fn load8(bytes: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(bytes);
    u64::from_le_bytes(b)
}

/// Each byte of `x` ASCII-lowercased, eight at a time: a byte `A..=Z` gains `0x20`, every
/// other byte (non-ASCII ones included) is left as it is.
fn lower_ascii(x: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    // The low seven bits of each byte, plus a constant that sets the byte's high bit exactly
    // when those bits are at least `A` (then: above `Z`). No byte carries into the next: the
    // largest sum is 0x7f + 0x3f.
    let low7 = x & (0x7f * EACH);
    let from_a = low7 + (0x80 - u64::from(b'A')) * EACH;
    let past_z = low7 + (0x80 - u64::from(b'Z') - 1) * EACH;
    let upper = from_a & !past_z & !x & (0x80 * EACH);
    x | (upper >> 2)
}

impl WordSet {
    /// Add a word (compared ASCII-lowercased).
    pub fn insert(&mut self, word: &str) {
        if self.contains(word) {
            return;
        }
        let start = self.text.len();
        self.text.push_str(word);
        self.text[start..].make_ascii_lowercase();
        let lower = &self.text.as_bytes()[start..];
        match Key::of(lower) {
            Some(key) => {
                let (first, second) = start_bits(lower);
                let packed = self.ends.len() - self.unpacked.len() + 1;
                if packed * 2 > self.slots.len() {
                    self.grow();
                }
                self.put(key);
                self.starts[usize::from(key.len)][first] |= second;
            }
            None => {
                self.unpacked.insert(lower.into());
            }
        }
        self.ends.push(self.text.len());
    }

    fn put(&mut self, key: Key) {
        let mask = self.slots.len() - 1;
        let mut s = key.slot(mask);
        while self.slots[s].len != 0 {
            s = (s + 1) & mask;
        }
        self.slots[s] = key;
    }

    fn grow(&mut self) {
        let doubled = vec![Key::EMPTY; self.slots.len() * 2].into_boxed_slice();
        let old = std::mem::replace(&mut self.slots, doubled);
        for key in old.iter().copied().filter(|k| k.len != 0) {
            self.put(key);
        }
    }

    /// Whether `word`, ASCII-lowercased, is in the set.
    ///
    /// Most words asked about are in no vocabulary set: a word of a length and first two
    /// letters no packed word has is ruled out by one bit before it is packed and hashed.
    /// The gate is inlined into the callers, so a word it rules out costs no call.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let word = word.as_bytes();
        if let Some(by_first) = self.starts.get(word.len())
            && !word.is_empty()
        {
            let (first, second) = start_bits(word);
            if by_first[first] & second == 0 {
                return false;
            }
        }
        self.contains_past_gate(word)
    }

    /// [`Self::contains`] for a word the gate let through.
    #[inline(never)]
    fn contains_past_gate(&self, word: &[u8]) -> bool {
        match Key::of(word) {
            Some(key) => {
                let mask = self.slots.len() - 1;
                let mut s = key.slot(mask);
                loop {
                    let k = self.slots[s];
                    if k == key {
                        return true;
                    }
                    if k.len == 0 {
                        return false;
                    }
                    s = (s + 1) & mask;
                }
            }
            None => {
                !self.unpacked.is_empty() && self.unpacked.contains(&*word.to_ascii_lowercase())
            }
        }
    }

    /// Every word, ASCII-lowercased, in the order first inserted.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let word = &self.text[start..end];
            start = end;
            word
        })
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

impl<'w> FromIterator<&'w str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'w str>>(words: I) -> Self {
        let mut set = Self::default();
        set.extend(words);
        set
    }
}

impl<'w> Extend<&'w str> for WordSet {
    fn extend<I: IntoIterator<Item = &'w str>>(&mut self, words: I) {
        for w in words {
            self.insert(w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Key, WordSet, lower_ascii};
    use proptest::prelude::*;

    #[test]
    fn a_key_is_the_zero_padded_bytes_in_two_halves() {
        let word: Vec<u8> = (0..20u8).map(|i| b'A' + i).collect();
        for len in 1..=16 {
            let mut padded = [0u8; 16];
            padded[..len].copy_from_slice(&word[..len]);
            let padded = padded.map(|b| b.to_ascii_lowercase());
            let half = |i: usize| u64::from_le_bytes(padded[i..i + 8].try_into().unwrap());
            let key = Key::of(&word[..len]).unwrap();
            assert_eq!(
                (key.lo, key.hi, usize::from(key.len)),
                (half(0), half(8), len)
            );
        }
        assert!(Key::of(b"").is_none() && Key::of(&word[..17]).is_none());
    }

    #[test]
    fn eight_bytes_are_lowercased_as_each_alone_would_be() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                // The byte among neighbours that are (and are not) letters themselves.
                for fill in [b'A', b'z', 0x00, 0x7f, 0xff, b'@', b'['] {
                    let mut bytes = [fill; 8];
                    bytes[pos] = b;
                    let expected = bytes.map(|c| c.to_ascii_lowercase());
                    let got = lower_ascii(u64::from_le_bytes(bytes)).to_le_bytes();
                    assert_eq!(got, expected, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn words_are_found_in_any_ascii_case_and_only_they() {
        let long = "internationalization";
        let set: WordSet = ["few", "Dozen", "u.s.", "$", long, "a\0b", ""]
            .into_iter()
            .collect();
        for w in [
            "few",
            "FEW",
            "dozen",
            "dOzEn",
            "U.S.",
            "$",
            "INTERNATIONALIZATION",
            "a\0b",
            "A\0B",
            "",
        ] {
            assert!(set.contains(w), "{w:?} is in the set");
        }
        // Words that pad or prefix the ones in the set are not in it.
        for w in [
            "fe",
            "fewer",
            "dozens",
            "us",
            "a",
            "a\0",
            "ab",
            "internationalizatio",
            "é",
        ] {
            assert!(!set.contains(w), "{w:?} is not in the set");
        }
        // Non-ASCII letters are compared as written: only ASCII is case-folded.
        let set: WordSet = ["été"].into_iter().collect();
        assert!(set.contains("éTé"));
        assert!(!set.contains("ÉTÉ"));
    }

    #[test]
    fn words_iterate_once_in_insertion_order_lowercased() {
        let set: WordSet = ["Tens", "few", "TENS", "dozens"].into_iter().collect();
        assert_eq!(set.iter().collect::<Vec<_>>(), ["tens", "few", "dozens"]);
        assert_eq!(set.len(), 3);
        assert!(WordSet::default().is_empty());
    }

    proptest! {
        /// The set answers exactly as a set of lower-cased strings does, through any number
        /// of growths of its table.
        #[test]
        fn the_set_agrees_with_a_hash_set_of_lowercased_words(
            words in prop::collection::vec("[a-zA-Z\\x00-\\x03.$é]{0,20}", 0..200),
            probes in prop::collection::vec("[a-zA-Z\\x00-\\x03.$é]{0,20}", 0..200),
        ) {
            let set: WordSet = words.iter().map(String::as_str).collect();
            let oracle: std::collections::HashSet<String> =
                words.iter().map(|w| w.to_ascii_lowercase()).collect();
            prop_assert_eq!(set.len(), oracle.len());
            for w in words.iter().chain(&probes) {
                for w in [w.clone(), w.to_ascii_uppercase()] {
                    let expected = oracle.contains(&w.to_ascii_lowercase());
                    prop_assert_eq!(set.contains(&w), expected, "{:?}", w);
                }
            }
        }
    }
}
