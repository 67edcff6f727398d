//! Unit tests of the parts of `report --claims`: record size, block and line splitting, and
//! catching a claim id given twice.

use super::compact::Compact;
use super::input::{blocks, lines};
use super::read::Seen;

#[test]
fn a_compact_claim_is_small() {
    // The README's memory per claim says so.
    let size = std::mem::size_of::<Compact>();
    assert!(size <= 224, "{size} bytes");
}

#[test]
fn blocks_split_at_line_ends_and_number_lines() {
    let text = b"a\nbb\r\n\nccc";
    let mut got = Vec::new();
    blocks(
        &text[..],
        None,
        |offset, line, block| {
            for (o, l, b) in lines(offset, line, block) {
                got.push((o, l, String::from_utf8_lossy(b).into_owned()));
            }
            Ok(())
        },
        |_| {},
    )
    .unwrap();
    assert_eq!(
        got,
        [
            (0, 1, "a".to_string()),
            (2, 2, "bb\r".to_string()),
            (6, 3, String::new()),
            (7, 4, "ccc".to_string()),
        ]
    );
}

#[test]
fn ordinals_seen_twice_are_caught_dense_or_sparse() {
    let mut s = Seen::Dense(Vec::new());
    assert!(s.insert(1, 0));
    assert!(s.insert(2, 1));
    assert!(!s.insert(1, 2));
    assert!(s.insert(1 << 40, 2));
    assert!(matches!(s, Seen::Sparse(_)));
    assert!(!s.insert(2, 3));
    assert!(!s.insert(1 << 40, 3));
}
