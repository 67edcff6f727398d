//! Byte offset -> 1-based line and column (in characters), computed only when rendering.
//!
//! `\n`, `\r\n` and a lone `\r` each end a line, so positions are right for Unix, Windows
//! and old Mac files alike.

use super::decode::floor_char_boundary;

/// Line starts of a text, for turning byte offsets into line:column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of each line; always starts with 0, strictly increasing.
    line_starts: Vec<usize>,
    /// Checkpoints inside long lines, `(byte offset, 0-based column there)`, increasing: a
    /// column is counted from the nearest one, so a giant line costs no more per lookup than a
    /// short one.
    marks: Vec<(usize, usize)>,
}

/// Bytes between column checkpoints in a long line.
const MARK_STRIDE: usize = 4096;

impl Default for LineIndex {
    /// The index of an empty text: one line.
    fn default() -> Self {
        Self {
            line_starts: vec![0],
            marks: Vec::new(),
        }
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // A `\r` directly followed by `\n` is half of one break; the `\n` records it.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            line_starts.push(i + 1);
        }
        let mut marks = Vec::new();
        for (k, &start) in line_starts.iter().enumerate() {
            let end = line_starts.get(k + 1).copied().unwrap_or(text.len());
            let (mut pos, mut col) = (start, 0);
            while end - pos > MARK_STRIDE {
                let next = floor_char_boundary(text, pos + MARK_STRIDE);
                if next <= pos {
                    break;
                }
                col += text[pos..next].chars().count();
                marks.push((next, col));
                pos = next;
            }
        }
        Self { line_starts, marks }
    }

    /// Number of lines (a text ending in a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.line_starts.get(i).copied())
    }

    /// 1-based line and column (column counted in characters) of byte `offset` in `text`.
    ///
    /// `text` must be the text the index was built from. Offsets past the end clamp to the
    /// end, and an offset inside a character counts as that character's start: never panics.
    /// Cost: two binary searches plus a scan of at most `MARK_STRIDE` bytes.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset);
        let line = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let k = self.marks.partition_point(|&(m, _)| m <= offset);
        let (from, col0) = match k.checked_sub(1).map(|k| self.marks[k]) {
            Some((m, c)) if m >= start => (m, c),
            _ => (start, 0),
        };
        let col = col0 + text.get(from..offset).map_or(0, |s| s.chars().count()) + 1;
        (line + 1, col)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn positions(text: &str) -> Vec<(usize, usize)> {
        let idx = LineIndex::new(text);
        (0..=text.len()).map(|o| idx.line_col(text, o)).collect()
    }

    #[test]
    fn lf() {
        let t = "ab\ncd\n";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, 0), (1, 1));
        assert_eq!(idx.line_col(t, 2), (1, 3));
        assert_eq!(idx.line_col(t, 3), (2, 1));
        assert_eq!(idx.line_col(t, 6), (3, 1));
        assert_eq!(idx.line_count(), 3);
    }

    #[test]
    fn crlf_is_one_break() {
        let t = "ab\r\ncd\r\n\r\nef";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, 4), (2, 1));
        assert_eq!(idx.line_col(t, 5), (2, 2));
        assert_eq!(idx.line_col(t, t.find("ef").unwrap()), (4, 1));
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_start(2), Some(4));
        assert_eq!(idx.line_start(0), None);
        assert_eq!(idx.line_start(5), None);
    }

    #[test]
    fn lone_cr_is_a_break() {
        let t = "ab\rcd\r\ref";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, 3), (2, 1));
        assert_eq!(idx.line_col(t, 4), (2, 2));
        assert_eq!(idx.line_col(t, t.find("ef").unwrap()), (4, 1));
    }

    #[test]
    fn trailing_cr_at_end() {
        let t = "a\r";
        assert_eq!(LineIndex::new(t).line_col(t, 2), (2, 1));
    }

    #[test]
    fn columns_count_chars() {
        let t = "x\né€😀 7";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, t.find('7').unwrap()), (2, 5));
        // Inside a multi-byte char: that char's column.
        assert_eq!(idx.line_col(t, t.find('€').unwrap() + 1), (2, 2));
    }

    #[test]
    fn end_and_beyond() {
        let t = "ab";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, 2), (1, 3));
        assert_eq!(idx.line_col(t, 99), (1, 3));
        let empty = LineIndex::new("");
        assert_eq!(empty.line_col("", 0), (1, 1));
        assert_eq!(LineIndex::default(), empty);
    }

    #[test]
    fn long_lines_count_columns_from_checkpoints() {
        let line = "a\u{e9}\u{1F600}b ".repeat(3000);
        let text = format!("{line}\n{line}\r\nshort\r{line}");
        let idx = LineIndex::new(&text);
        assert!(!idx.marks.is_empty());
        let boundaries = (0..text.len())
            .step_by(97)
            .filter(|&o| text.is_char_boundary(o));
        for offset in boundaries.chain([text.len()]) {
            assert_eq!(
                idx.line_col(&text, offset),
                naive(&text, offset),
                "at {offset}"
            );
        }
    }

    /// Straightforward reference: walk chars from the start of the text.
    fn naive(text: &str, offset: usize) -> (usize, usize) {
        let (mut line, mut col) = (1, 1);
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if i >= offset {
                break;
            }
            let next = chars.peek().map(|&(_, n)| n);
            if c == '\n' || (c == '\r' && next != Some('\n')) {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        (line, col)
    }

    proptest! {
        #[test]
        fn line_col_never_panics_and_is_monotone(
            text in prop_oneof![any::<String>(), "[ab\r\n\u{e9}\u{1F600}]{0,40}"],
            extra in 0usize..8,
        ) {
            let idx = LineIndex::new(&text);
            let pos = positions(&text);
            for w in pos.windows(2) {
                prop_assert!(w[0] <= w[1], "{:?} > {:?}", w[0], w[1]);
            }
            let _ = idx.line_col(&text, text.len() + extra);
            prop_assert_eq!(idx.line_col(&text, 0), (1, 1));
            prop_assert_eq!(idx.line_count(), naive(&text, text.len()).0);
        }

        #[test]
        fn line_col_matches_reference(
            text in prop_oneof![any::<String>(), "[ab\r\n\u{e9}\u{1F600}]{0,40}"],
        ) {
            let idx = LineIndex::new(&text);
            let boundaries = text.char_indices().map(|(i, _)| i).chain([text.len()]);
            for o in boundaries {
                prop_assert_eq!(idx.line_col(&text, o), naive(&text, o), "offset {} in {:?}", o, text);
            }
        }
    }
}
