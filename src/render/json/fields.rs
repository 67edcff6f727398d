//! The values of a JSON line written field by field: keys and punctuation are the caller's
//! literals; values go through serde_json (or, for strings that need no escape, are copied), so
//! escaping and spelling are serde's.

use serde::Serialize;

use crate::extract::Shown;

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

/// Whether any byte is a quote, a backslash or a control character, checked sixteen bytes
/// at a time (claims' sentences make most of `report`'s output). The last bytes, fewer than
/// sixteen, are checked as one more block padded with spaces (which need no escape): most
/// strings written (ids, fingerprints, names, figures) are shorter than a block, and read
/// byte by byte with an exit at each they cost more than a block does.
fn needs_escape(bytes: &[u8]) -> bool {
    const BLOCK: usize = 16;
    let special = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let block = |block: &[u8]| block.iter().fold(false, |any, &b| any | special(b));
    let mut blocks = bytes.chunks_exact(BLOCK);
    for b in &mut blocks {
        if block(b) {
            return true;
        }
    }
    let rest = blocks.remainder();
    let mut last = [b' '; BLOCK];
    last[..rest.len()].copy_from_slice(rest);
    block(&last)
}

pub(super) fn opt_string(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// A value as its derived `Serialize` writes it; a figure's digits go straight into `buf`
/// (they never need an escape).
pub(super) fn opt_shown(buf: &mut Vec<u8>, v: Option<&Shown>) {
    match v {
        Some(Shown::Figure(d)) => {
            buf.push(b'"');
            crate::number::text::push_normalized(*d, buf);
            buf.push(b'"');
        }
        Some(Shown::Text(s)) => string(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// A list of strings, as serde_json writes a `Vec<String>`.
pub(super) fn strings(buf: &mut Vec<u8>, list: &[String]) {
    buf.push(b'[');
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        string(buf, s);
    }
    buf.push(b']');
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
    fn string_lists_are_written_as_serde_writes_them() {
        for list in [
            vec![],
            vec!["KZ".to_string()],
            vec!["a".into(), "b\"c".into(), "".into()],
        ] {
            let mut buf = Vec::new();
            strings(&mut buf, &list);
            assert_eq!(buf, serde_json::to_vec(&list).unwrap(), "{list:?}");
        }
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
