//! Front matter: a leading `---` ... `---` block of `key: value` lines is metadata, not text.
//!
//! Deliberately a tiny subset of YAML (flat `key: value`, optional quotes, `- item` lists):
//! news front matter rarely needs more, and a full YAML parser is not worth the dependency.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::Note;

/// Document metadata from front matter (or, later, a sources manifest).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Only a full, valid `YYYY-MM-DD` date; anything else stays as text in `extra["date"]`.
    pub date: Option<Date>,
    /// Other keys, kept for the JSON output (list items are joined with `, `).
    pub extra: BTreeMap<String, String>,
}

/// Split off front matter: returns the metadata, the byte offset where the body begins,
/// and notes (e.g. a malformed line or date). Without front matter: default, 0, no notes.
///
/// The block opens with a first line `---` (a UTF-8 BOM may precede it) and closes with a
/// line `---` or `...`; `\n`, `\r\n` and `\r` all end lines. An unclosed block is not front
/// matter (body_start 0), with a note. Bad lines get a note naming their 1-based line number
/// and are skipped.
pub fn split(text: &str) -> (Metadata, usize, Vec<Note>) {
    let bom = if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let mut lines = Lines { text, pos: bom };
    match lines.next() {
        Some(first) if is_fence(&text[first.0..first.1], false) => {}
        _ => return (Metadata::default(), 0, Vec::new()),
    }
    let mut parser = Parser::default();
    for (i, (start, end, next)) in lines.enumerate() {
        let line = &text[start..end];
        if is_fence(line, true) {
            return (parser.meta, next, parser.notes);
        }
        parser.line(i + 2, line);
    }
    let note = front_matter_note("unclosed front matter (no closing ---)".to_string());
    (Metadata::default(), 0, vec![note])
}

/// `---` (or, when closing, `...`), ignoring trailing spaces and tabs.
fn is_fence(line: &str, closing: bool) -> bool {
    let line = line.trim_end_matches([' ', '\t']);
    line == "---" || (closing && line == "...")
}

fn front_matter_note(message: String) -> Note {
    Note {
        code: "front-matter",
        message,
    }
}

/// Lines as (content start, content end, next line start), any of `\n`, `\r\n`, `\r` ending one.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Lines<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        if start >= bytes.len() {
            return None;
        }
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            None => (bytes.len(), bytes.len()),
            Some(i) => {
                let end = start + i;
                let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
                (end, end + if crlf { 2 } else { 1 })
            }
        };
        self.pos = next;
        Some((start, end, next))
    }
}

/// State while reading the lines between the fences.
#[derive(Default)]
struct Parser {
    meta: Metadata,
    notes: Vec<Note>,
    /// The `extra` key whose value was empty, so indented `- item` lines belong to it.
    list_key: Option<String>,
}

impl Parser {
    fn line(&mut self, line_no: usize, line: &str) {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return;
        }
        let nested = line.starts_with([' ', '\t']) || trimmed.starts_with("- ") || trimmed == "-";
        if nested && let Some(key) = &self.list_key {
            if let Some(item) = trimmed.strip_prefix('-') {
                let item = unquote(item.trim());
                if let Some(value) = self.meta.extra.get_mut(key) {
                    if !value.is_empty() {
                        value.push_str(", ");
                    }
                    value.push_str(&item);
                }
            }
            return;
        }
        self.list_key = None;
        let Some((key, value)) = line.split_once(':').filter(|(k, _)| !k.trim().is_empty()) else {
            self.notes.push(front_matter_note(format!(
                "line {line_no}: expected `key: value` in front matter, found `{}`",
                shorten(trimmed)
            )));
            return;
        };
        let key = key.trim();
        let value = unquote(value.trim());
        let known = key.to_ascii_lowercase();
        let field = match known.as_str() {
            "title" => &mut self.meta.title,
            "outlet" => &mut self.meta.outlet,
            "url" => &mut self.meta.url,
            "date" => {
                self.date(line_no, value);
                return;
            }
            _ => {
                if value.is_empty() {
                    self.list_key = Some(key.to_string());
                }
                self.meta.extra.insert(key.to_string(), value);
                return;
            }
        };
        if !value.is_empty() {
            *field = Some(value);
        }
    }

    fn date(&mut self, line_no: usize, value: String) {
        if value.is_empty() {
            return;
        }
        match parse_date(&value) {
            DateValue::Full(date) => {
                self.meta.date = Some(date);
                self.meta.extra.remove("date");
            }
            DateValue::Partial => {
                self.notes.push(Note {
                    code: "partial-date",
                    message: format!(
                        "line {line_no}: date `{value}` has no day; kept as text, not used as a date"
                    ),
                });
                self.meta.date = None;
                self.meta.extra.insert("date".to_string(), value);
            }
            DateValue::Invalid => {
                self.notes.push(front_matter_note(format!(
                    "line {line_no}: cannot read date `{}` (expected YYYY-MM-DD)",
                    shorten(&value)
                )));
                self.meta.date = None;
                self.meta.extra.insert("date".to_string(), value);
            }
        }
    }
}

/// At most 40 characters of `s`, for notes that quote user text.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s.to_string(),
    }
}

/// Strips one pair of matching `"` or `'` quotes, undoing the simple YAML escapes.
fn unquote(v: &str) -> String {
    let quoted = |q: char| v.len() >= 2 && v.starts_with(q) && v.ends_with(q);
    if quoted('"') {
        v[1..v.len() - 1]
            .replace("\\\"", "\"")
            .replace("\\\\", "\\")
    } else if quoted('\'') {
        v[1..v.len() - 1].replace("''", "'")
    } else {
        v.to_string()
    }
}

enum DateValue {
    Full(Date),
    /// `YYYY-MM` or `YYYY`: a real date, but not a day.
    Partial,
    Invalid,
}

/// `YYYY-MM-DD`, optionally followed by a time (`T...` or ` ...`), which is ignored.
fn parse_date(v: &str) -> DateValue {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|d| d.iter().fold(0i16, |n, &c| n * 10 + i16::from(c - b'0')))
    };
    let Some(year) = digits(0..4) else {
        return DateValue::Invalid;
    };
    if b.len() == 4 {
        return DateValue::Partial;
    }
    let Some(month) = digits(5..7).filter(|_| b[4] == b'-') else {
        return DateValue::Invalid;
    };
    if b.len() == 7 {
        return if (1..=12).contains(&month) {
            DateValue::Partial
        } else {
            DateValue::Invalid
        };
    }
    let Some(day) = digits(8..10).filter(|_| b[7] == b'-') else {
        return DateValue::Invalid;
    };
    if !matches!(b.get(10), None | Some(b'T' | b't' | b' ')) {
        return DateValue::Invalid;
    }
    // month and day are at most 99, so they fit in i8.
    let (Ok(month), Ok(day)) = (i8::try_from(month), i8::try_from(day)) else {
        return DateValue::Invalid;
    };
    Date::new(year, month, day).map_or(DateValue::Invalid, DateValue::Full)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn no_front_matter() {
        assert_eq!(split("Hello\n---\n"), (Metadata::default(), 0, vec![]));
        assert_eq!(split(""), (Metadata::default(), 0, vec![]));
        assert_eq!(split("----\na: b\n---\n"), (Metadata::default(), 0, vec![]));
    }

    #[test]
    fn basic_fields_and_extra() {
        let text = "---\ntitle: \"Jobs: up 3%\"\noutlet: 'The Times'\nurl: https://x.test/a#b\ndate: 2024-03-05\nauthor: Ann\n---\nBody\n";
        let (meta, body, notes) = split(text);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(meta.title.as_deref(), Some("Jobs: up 3%"));
        assert_eq!(meta.outlet.as_deref(), Some("The Times"));
        assert_eq!(meta.url.as_deref(), Some("https://x.test/a#b"));
        assert_eq!(meta.date, Some(date(2024, 3, 5)));
        assert_eq!(meta.extra.get("author").map(String::as_str), Some("Ann"));
        assert_eq!(&text[body..], "Body\n");
    }

    #[test]
    fn crlf_and_bom_and_dots_closer() {
        let text = "\u{FEFF}---\r\ntitle: A\r\n...\r\nBody\r\n";
        let (meta, body, notes) = split(text);
        assert!(notes.is_empty());
        assert_eq!(meta.title.as_deref(), Some("A"));
        assert_eq!(&text[body..], "Body\r\n");
    }

    #[test]
    fn lone_cr_lines() {
        let text = "---\rtitle: A\r---\rBody";
        let (meta, body, _) = split(text);
        assert_eq!(meta.title.as_deref(), Some("A"));
        assert_eq!(&text[body..], "Body");
    }

    #[test]
    fn only_front_matter() {
        for text in ["---\ntitle: A\n---\n", "---\ntitle: A\n---", "---\n---\n"] {
            let (_, body, notes) = split(text);
            assert_eq!(body, text.len(), "{text:?}");
            assert!(notes.is_empty());
        }
    }

    #[test]
    fn unclosed_is_not_front_matter() {
        let (meta, body, notes) = split("---\ntitle: A\nBody text\n");
        assert_eq!(meta, Metadata::default());
        assert_eq!(body, 0);
        assert_eq!(
            notes,
            vec![front_matter_note(
                "unclosed front matter (no closing ---)".into()
            )]
        );
    }

    #[test]
    fn malformed_line_is_noted_with_line_number_and_parsing_continues() {
        let (meta, body, notes) = split("---\ntitle: A\nnot a pair\n: empty key\nurl: u\n---\nB");
        assert_eq!(
            body,
            "---\ntitle: A\nnot a pair\n: empty key\nurl: u\n---\n".len()
        );
        assert_eq!(meta.url.as_deref(), Some("u"));
        assert_eq!(notes.len(), 2);
        assert!(notes.iter().all(|n| n.code == "front-matter"));
        assert!(
            notes[0].message.starts_with("line 3:"),
            "{}",
            notes[0].message
        );
        assert!(
            notes[1].message.starts_with("line 4:"),
            "{}",
            notes[1].message
        );
    }

    #[test]
    fn dates() {
        let (meta, _, notes) = split("---\ndate: 2024-02-29T10:00:00Z\n---\n");
        assert_eq!(meta.date, Some(date(2024, 2, 29)));
        assert!(notes.is_empty());

        let (meta, _, notes) = split("---\ndate: \"2024-03\"\n---\n");
        assert_eq!(meta.date, None);
        assert_eq!(meta.extra.get("date").map(String::as_str), Some("2024-03"));
        assert_eq!(notes[0].code, "partial-date");
        assert!(notes[0].message.starts_with("line 2:"));

        let (meta, _, notes) = split("---\ntitle: x\ndate: 2024\n---\n");
        assert_eq!(meta.extra.get("date").map(String::as_str), Some("2024"));
        assert_eq!(notes[0].code, "partial-date");

        for bad in [
            "2023-02-29",
            "2024-13",
            "March 5",
            "2024-3-5",
            "2024-03-05x",
        ] {
            let (meta, _, notes) = split(&format!("---\n\ndate: {bad}\n---\n"));
            assert_eq!(meta.date, None, "{bad}");
            assert_eq!(notes.len(), 1, "{bad}");
            assert_eq!(notes[0].code, "front-matter");
            assert!(
                notes[0].message.starts_with("line 3: cannot read date"),
                "{}",
                notes[0].message
            );
        }
    }

    #[test]
    fn lists_and_comments() {
        let text = "---\n# comment\ntags:\n  - economy\n  - \"jobs\"\nauthor: B\n---\n";
        let (meta, _, notes) = split(text);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(
            meta.extra.get("tags").map(String::as_str),
            Some("economy, jobs")
        );
        assert_eq!(meta.extra.get("author").map(String::as_str), Some("B"));
    }

    #[test]
    fn unquote_escapes() {
        assert_eq!(unquote(r#""say \"hi\"""#), r#"say "hi""#);
        assert_eq!(unquote("'it''s'"), "it's");
        assert_eq!(unquote("\""), "\"");
        assert_eq!(unquote("plain"), "plain");
    }
}
