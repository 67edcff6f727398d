//! The values of a JSON line written field by field: keys and punctuation are the caller's
//! literals; values go through serde_json (or, for strings that need no escape, are copied), so
//! escaping and spelling are serde's.

use serde::Serialize;

/// A string, as serde_json writes it. Most need no escape (no quote, backslash or control
/// character; serde_json leaves every other byte as it is): those are copied between quotes
/// after one pass over their bytes, and the rest go to serde_json.
pub(super) fn string(buf: &mut Vec<u8>, s: &str) {
    if !needs_escape(s.as_bytes()) {
        buf.reserve(s.len() + 2);
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else {
        value(buf, s);
    }
}

/// Whether any byte is a quote, a backslash or a control character. Sixteen bytes at a time
/// without an early exit inside them, which the compiler turns into vector compares: claims'
/// sentences make most of `report`'s output.
fn needs_escape(bytes: &[u8]) -> bool {
    let special = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | special(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| special(b))
}

pub(super) fn opt_string(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// One value, as serde_json writes it.
pub(super) fn value<T: Serialize + ?Sized>(buf: &mut Vec<u8>, v: &T) {
    // Writing to a `Vec` cannot fail, and none of these values has a `Serialize` that can.
    serde_json::to_writer(&mut *buf, v).expect("a plain value serializes to a Vec");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string_bytes(s: &str) -> Vec<u8> {
        let mut buf = Vec::new();
        string(&mut buf, s);
        buf
    }

    #[test]
    fn strings_on_both_paths_are_written_as_serde_writes_them() {
        for s in [
            "",
            "plain",
            "a\"b",
            "back\\slash",
            "\u{1f}",
            "\u{7f} kept",
            "é and ✓",
            "\n\t\r",
            "\u{0}",
            // Past one block of sixteen bytes: clean, then a special byte in the second block,
            // in the remainder, and on a block's last byte.
            "a plain sentence longer than one block",
            "sixteen bytes ok, then \"quoted\"",
            "thirty-two bytes of plain text.. then a tab\t",
            "fifteen bytes!!\\ at the edge",
        ] {
            assert_eq!(string_bytes(s), serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_written_as_serde_writes_it(
            s in proptest::prop_oneof![proptest::prelude::any::<String>(), "[\\x00-\\x7f]{0,24}"]
        ) {
            proptest::prop_assert_eq!(string_bytes(&s), serde_json::to_vec(&s).unwrap());
        }
    }
}
