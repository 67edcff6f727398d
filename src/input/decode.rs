//! Bytes -> text: BOM sniffing, binary detection, UTF-8 / UTF-16 decoding, and the map from
//! decoded-text offsets back to file offsets (output must point into the file as stored).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use super::Note;

/// Like ripgrep: a NUL byte this early means the file is binary, not text.
pub(super) const SNIFF_LEN: usize = 8 * 1024;

/// Text offsets between UTF-16 checkpoints; bounds the counting done by one lookup.
const UTF16_CHECKPOINT_EVERY: usize = 4 * 1024;

/// The outcome of decoding a file's bytes.
#[derive(Debug)]
pub(super) enum Decoded {
    /// A NUL byte at this file offset within the first [`SNIFF_LEN`] bytes.
    Binary { nul_at: usize },
    Text {
        text: String,
        offsets: OffsetMap,
        notes: Vec<Note>,
    },
}

/// Maps byte offsets in decoded text back to byte offsets in the original file.
///
/// Clean UTF-8 (the common case) is an addition: no table, no allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetMap {
    repr: Repr,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repr {
    /// UTF-8: `file = text + bom` until the first repaired sequence, then per `segments`.
    Utf8 { bom: usize, segments: Vec<Segment> },
    /// UTF-16: 2 bytes per code unit after a 2-byte BOM; `checkpoints` are (text, file)
    /// pairs at char boundaries so a lookup counts at most a few KiB of text.
    Utf16 {
        big_endian: bool,
        checkpoints: Vec<(usize, usize)>,
        file_len: usize,
    },
}

/// From text offset `text` on, offsets map to `file + (x - text)`; inside a replacement
/// character (`replacement`), every offset maps to the start of the invalid bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text: usize,
    file: usize,
    replacement: bool,
}

impl Default for OffsetMap {
    fn default() -> Self {
        Self {
            repr: Repr::Utf8 {
                bom: 0,
                segments: Vec::new(),
            },
        }
    }
}

impl OffsetMap {
    /// File offset of byte `x` of `text` (the text this map was built with).
    ///
    /// Exact at char boundaries; an offset inside a character maps into (or to the start
    /// of) that character's bytes. Offsets past the end are not rejected.
    pub fn file_offset(&self, text: &str, x: usize) -> usize {
        match &self.repr {
            Repr::Utf8 { bom, segments } => {
                let i = segments.partition_point(|s| s.text <= x);
                match i.checked_sub(1).map(|i| segments[i]) {
                    None => x + bom,
                    Some(s) if s.replacement => s.file,
                    Some(s) => s.file + (x - s.text),
                }
            }
            Repr::Utf16 {
                checkpoints,
                file_len,
                ..
            } => {
                // Trailing junk (a lone surrogate plus an odd byte) may decode to a single
                // U+FFFD, so the end of the text is pinned to the end of the file.
                if x >= text.len() {
                    return *file_len;
                }
                let x = floor_char_boundary(text, x);
                let i = checkpoints.partition_point(|&(t, _)| t <= x);
                let (t, f) = i.checked_sub(1).map_or((0, 2), |i| checkpoints[i]);
                let units: usize = text
                    .get(t..x)
                    .map_or(0, |s| s.chars().map(char::len_utf16).sum());
                (f + 2 * units).min(*file_len)
            }
        }
    }

    /// Name of the encoding the text was decoded from.
    pub fn encoding(&self) -> &'static str {
        match self.repr {
            Repr::Utf8 { .. } => "UTF-8",
            Repr::Utf16 {
                big_endian: false, ..
            } => "UTF-16LE",
            Repr::Utf16 {
                big_endian: true, ..
            } => "UTF-16BE",
        }
    }
}

/// Decodes a whole file: UTF-16 by BOM, otherwise UTF-8 (BOM stripped, invalid bytes replaced).
pub(super) fn decode(bytes: Vec<u8>) -> Decoded {
    // Sniff the BOM before looking for NULs: UTF-16 text is full of NUL bytes.
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return decode_utf16(&bytes, UTF_16LE);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return decode_utf16(&bytes, UTF_16BE);
    }
    let sniff = &bytes[..bytes.len().min(SNIFF_LEN)];
    if let Some(nul_at) = memchr::memchr(0, sniff) {
        return Decoded::Binary { nul_at };
    }
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let mut bytes = bytes;
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Text {
            text,
            offsets: OffsetMap {
                repr: Repr::Utf8 {
                    bom,
                    segments: Vec::new(),
                },
            },
            notes: Vec::new(),
        },
        Err(e) => decode_utf8_lossy(e.as_bytes(), bom),
    }
}

/// Replaces each maximal invalid sequence with U+FFFD (as `String::from_utf8_lossy` does),
/// recording where text and file offsets diverge.
fn decode_utf8_lossy(bytes: &[u8], bom: usize) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut segments = Vec::new();
    let mut file = bom;
    let mut first_bad = None;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        file += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            first_bad.get_or_insert(file);
            segments.push(Segment {
                text: text.len(),
                file,
                replacement: true,
            });
            text.push(char::REPLACEMENT_CHARACTER);
            file += bad.len();
            segments.push(Segment {
                text: text.len(),
                file,
                replacement: false,
            });
        }
    }
    let notes = first_bad
        .map(|at| Note {
            code: "invalid-utf8",
            message: format!("invalid UTF-8 at byte {at}; decoded with replacement characters"),
        })
        .into_iter()
        .collect();
    Decoded::Text {
        text,
        offsets: OffsetMap {
            repr: Repr::Utf8 { bom, segments },
        },
        notes,
    }
}

/// Decodes UTF-16 after its 2-byte BOM; unpaired surrogates become U+FFFD with a note.
fn decode_utf16(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    let big_endian = encoding == UTF_16BE;
    let body = bytes.get(2..).unwrap_or_default();
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let text = text.into_owned();
    let mut notes = Vec::new();
    if had_errors {
        let at = first_utf16_error(body, big_endian).map_or(2, |i| i + 2);
        notes.push(Note {
            code: "invalid-utf16",
            message: format!("invalid UTF-16 at byte {at}; decoded with replacement characters"),
        });
    }
    let mut checkpoints = Vec::new();
    let mut units = 0;
    let mut next = UTF16_CHECKPOINT_EVERY;
    for (i, c) in text.char_indices() {
        if i >= next {
            checkpoints.push((i, 2 + 2 * units));
            next = i + UTF16_CHECKPOINT_EVERY;
        }
        units += c.len_utf16();
    }
    let offsets = OffsetMap {
        repr: Repr::Utf16 {
            big_endian,
            checkpoints,
            file_len: bytes.len(),
        },
    };
    // Decoded NULs are as binary as raw ones in UTF-8.
    let sniff = &text.as_bytes()[..text.len().min(SNIFF_LEN)];
    if let Some(i) = memchr::memchr(0, sniff) {
        return Decoded::Binary {
            nul_at: offsets.file_offset(&text, i),
        };
    }
    Decoded::Text {
        text,
        offsets,
        notes,
    }
}

/// Byte offset (within `body`) of the first unpaired surrogate or odd trailing byte.
fn first_utf16_error(body: &[u8], big_endian: bool) -> Option<usize> {
    let unit = |i: usize| {
        let pair = [body[i], body[i + 1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    };
    let whole = body.len() & !1;
    let mut i = 0;
    while i < whole {
        match unit(i) {
            0xD800..=0xDBFF => {
                if i + 2 < whole && (0xDC00..=0xDFFF).contains(&unit(i + 2)) {
                    i += 4;
                    continue;
                }
                return Some(i);
            }
            0xDC00..=0xDFFF => return Some(i),
            _ => i += 2,
        }
    }
    (whole < body.len()).then_some(whole)
}

/// The largest char boundary of `text` not after `x` (clamped to the text's length).
pub(super) fn floor_char_boundary(text: &str, x: usize) -> usize {
    let mut x = x.min(text.len());
    while !text.is_char_boundary(x) {
        x -= 1;
    }
    x
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn text_of(d: Decoded) -> (String, OffsetMap, Vec<Note>) {
        match d {
            Decoded::Text {
                text,
                offsets,
                notes,
            } => (text, offsets, notes),
            Decoded::Binary { nul_at } => panic!("unexpected binary at {nul_at}"),
        }
    }

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in s.encode_utf16() {
            out.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn clean_utf8_has_empty_table() {
        let (text, map, notes) = text_of(decode(b"abc".to_vec()));
        assert_eq!(text, "abc");
        assert!(notes.is_empty());
        assert_eq!(map, OffsetMap::default());
        assert_eq!(map.file_offset(&text, 2), 2);
    }

    #[test]
    fn utf8_bom_is_stripped_and_offsets_shift_by_3() {
        let (text, map, notes) = text_of(decode(b"\xEF\xBB\xBFr\xC3\xA9sum\xC3\xA9 12".to_vec()));
        assert_eq!(text, "résumé 12");
        assert!(notes.is_empty());
        let at = text.find("12").unwrap();
        assert_eq!(map.file_offset(&text, at), at + 3);
        assert_eq!(map.file_offset(&text, 0), 3);
    }

    #[test]
    fn invalid_utf8_names_first_bad_byte_and_maps_exactly() {
        // "ab" BOM? no; bad byte 0xFF at 2, then "cd", then truncated 3-byte seq at 5..7, then "ef 42".
        let bytes = b"ab\xFFcd\xE2\x82ef 42".to_vec();
        let (text, map, notes) = text_of(decode(bytes.clone()));
        assert_eq!(text, String::from_utf8_lossy(&bytes));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].code, "invalid-utf8");
        assert_eq!(
            notes[0].message,
            "invalid UTF-8 at byte 2; decoded with replacement characters"
        );
        // Every char boundary maps to the byte where that char (or its bad bytes) starts.
        let expected_file = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11];
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for (&t, &f) in boundaries.iter().zip(&expected_file) {
            assert_eq!(map.file_offset(&text, t), f, "text offset {t}");
        }
        assert_eq!(map.file_offset(&text, text.len()), bytes.len());
        assert_eq!(
            &bytes[map.file_offset(&text, text.find("42").unwrap())..],
            b"42"
        );
        // Inside a replacement char: the start of the bad bytes.
        assert_eq!(map.file_offset(&text, 3), 2);
    }

    #[test]
    fn invalid_utf8_after_bom_counts_bom() {
        let (text, map, notes) = text_of(decode(b"\xEF\xBB\xBFa\x80b".to_vec()));
        assert_eq!(text, "a\u{FFFD}b");
        assert_eq!(
            notes[0].message,
            "invalid UTF-8 at byte 4; decoded with replacement characters"
        );
        assert_eq!(map.file_offset(&text, 0), 3);
        assert_eq!(map.file_offset(&text, 1), 4);
        assert_eq!(map.file_offset(&text, 4), 5);
    }

    #[test]
    fn nul_byte_is_binary_with_offset() {
        assert!(matches!(
            decode(b"abc\0def".to_vec()),
            Decoded::Binary { nul_at: 3 }
        ));
        let mut late = vec![b'a'; SNIFF_LEN];
        late.push(0);
        assert!(matches!(decode(late), Decoded::Text { .. }));
    }

    #[test]
    fn utf16_le_and_be_decode_and_map_by_counting() {
        let s = "é 12 \u{1F600} 7%";
        for big_endian in [false, true] {
            let bytes = utf16(s, big_endian);
            let (text, map, notes) = text_of(decode(bytes.clone()));
            assert_eq!(text, s);
            assert!(notes.is_empty());
            assert_eq!(
                map.encoding(),
                if big_endian { "UTF-16BE" } else { "UTF-16LE" }
            );
            assert_eq!(map.file_offset(&text, 0), 2);
            assert_eq!(map.file_offset(&text, text.find("12").unwrap()), 2 + 2 * 2);
            // The emoji is two code units.
            assert_eq!(map.file_offset(&text, text.find('7').unwrap()), 2 + 2 * 8);
            assert_eq!(map.file_offset(&text, text.len()), bytes.len());
        }
    }

    #[test]
    fn utf16_checkpoints_agree_with_counting() {
        let s = "ab\u{1F600}ç ".repeat(3000);
        let bytes = utf16(&s, false);
        let (text, map, _) = text_of(decode(bytes));
        for (i, _) in text.char_indices().step_by(97) {
            let units: usize = text[..i].chars().map(char::len_utf16).sum();
            assert_eq!(map.file_offset(&text, i), 2 + 2 * units);
        }
    }

    #[test]
    fn utf16_unpaired_surrogate_gets_note() {
        // 'a', lone high surrogate, 'b'
        let bytes = vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        let (text, map, notes) = text_of(decode(bytes));
        assert_eq!(text, "a\u{FFFD}b");
        assert_eq!(notes[0].code, "invalid-utf16");
        assert!(notes[0].message.contains("byte 4"), "{}", notes[0].message);
        assert_eq!(map.file_offset(&text, text.find('b').unwrap()), 6);
    }

    #[test]
    fn utf16_odd_length_is_noted_and_clamped() {
        let bytes = vec![0xFF, 0xFE, b'a', 0, b'b'];
        let (text, map, notes) = text_of(decode(bytes));
        assert_eq!(text, "a\u{FFFD}");
        assert!(notes[0].message.contains("byte 4"), "{}", notes[0].message);
        assert_eq!(map.file_offset(&text, text.len()), 5);
    }

    #[test]
    fn utf16_trailing_surrogate_and_odd_byte_end_at_file_end() {
        let bytes = vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, 0x00];
        let (text, map, notes) = text_of(decode(bytes));
        assert_eq!(notes[0].code, "invalid-utf16");
        assert_eq!(map.file_offset(&text, 1), 4);
        assert_eq!(map.file_offset(&text, text.len()), 7);
    }

    #[test]
    fn utf16_with_nul_char_is_binary() {
        let bytes = utf16("ab\0", false);
        assert!(matches!(decode(bytes), Decoded::Binary { nul_at: 6 }));
    }

    #[test]
    fn bom_only_files() {
        assert_eq!(text_of(decode(vec![0xEF, 0xBB, 0xBF])).0, "");
        assert_eq!(text_of(decode(vec![0xFF, 0xFE])).0, "");
        assert_eq!(text_of(decode(Vec::new())).0, "");
    }

    /// Bytes that stress decoding: optional BOMs, NULs late in the file, invalid sequences.
    fn messy_bytes() -> impl Strategy<Value = Vec<u8>> {
        let prefix = prop_oneof![
            Just(vec![]),
            Just(vec![0xEF, 0xBB, 0xBF]),
            Just(vec![0xFF, 0xFE]),
            Just(vec![0xFE, 0xFF]),
        ];
        let body = prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..64),
            "[a\r\n\u{e9}\u{20ac}\u{1F600}\u{FFFD}]{0,20}".prop_map(String::into_bytes),
        ];
        (prefix, body).prop_map(|(mut p, b)| {
            p.extend(b);
            p
        })
    }

    proptest! {
        #[test]
        fn file_offsets_are_exact_and_monotone(bytes in messy_bytes()) {
            let Decoded::Text { text, offsets, .. } = decode(bytes.clone()) else {
                return Ok(());
            };
            let utf16 = offsets.encoding() != "UTF-8";
            let mut last = 0;
            for (t, c) in text.char_indices() {
                let f = offsets.file_offset(&text, t);
                prop_assert!(f >= last && f <= bytes.len(), "t={} f={} last={}", t, f, last);
                last = f;
                if c == char::REPLACEMENT_CHARACTER {
                    continue;
                }
                // The char really is at that file offset.
                let expected: Vec<u8> = if utf16 {
                    let mut buf = [0u16; 2];
                    let big_endian = offsets.encoding() == "UTF-16BE";
                    c.encode_utf16(&mut buf)
                        .iter()
                        .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
                        .collect()
                } else {
                    c.to_string().into_bytes()
                };
                prop_assert!(bytes[f..].starts_with(&expected), "char {:?} at t={} f={}", c, t, f);
            }
            let end = offsets.file_offset(&text, text.len());
            prop_assert!(end >= last);
            // The whole file is accounted for.
            prop_assert_eq!(end, bytes.len());
        }
    }
}
