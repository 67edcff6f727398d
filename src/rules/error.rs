//! Located rule-file errors: `file:line:column: message`, then the offending line and a caret.
//!
//! Spans come from the TOML parser (syntax and shape errors) or from `toml::Spanned` fields
//! (semantic errors found after parsing), so every error points at the text to fix.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::{RuleError, line_col};

impl RuleError {
    /// An error about a whole file (it cannot be read, a required file is missing).
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            snippet: None,
        }
    }

    /// An error at a byte span of `text`, with the line and a caret.
    pub fn at(file: &str, text: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        let (line, column) = line_col(text, span.start);
        Self {
            file: file.to_string(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
            snippet: Some(snippet(text, span, line)),
        }
    }

    /// The sort key: file, then position (a file-level error first).
    fn key(&self) -> (&str, usize, usize) {
        (&self.file, self.line.unwrap_or(0), self.column.unwrap_or(0))
    }
}

/// Sort errors by file and position, the order a reader fixes them in.
pub fn sort_errors(errors: &mut [RuleError]) {
    errors.sort_by(|a, b| a.key().cmp(&b.key()));
}

/// A `toml` error as a located [`RuleError`], with a did-you-mean for unknown names.
pub fn toml_error(file: &str, text: &str, e: &toml::de::Error) -> RuleError {
    let message = with_suggestion(e.message().trim());
    match e.span() {
        Some(span) => RuleError::at(file, text, span, message),
        None => RuleError::file(file, message),
    }
}

/// Add "did you mean" to serde's "unknown field `x`, expected one of `a`, `b`" (and the same
/// for enum variants), so a typo names its fix.
fn with_suggestion(message: &str) -> String {
    let first_line = message.lines().next().unwrap_or(message);
    if !(first_line.starts_with("unknown field") || first_line.starts_with("unknown variant")) {
        return message.to_string();
    }
    let quoted: Vec<&str> = first_line.split('`').skip(1).step_by(2).collect();
    match quoted.split_first() {
        Some((unknown, expected)) => {
            format!("{message}{}", suggestion(unknown, expected.iter().copied()))
        }
        None => message.to_string(),
    }
}

/// "; did you mean `x`?" to append to a message, or "" when no candidate is close.
pub(crate) fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates)
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let len = lower.chars().count();
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let d = edit_distance(&lower, &c.to_lowercase());
        // Two edits make a typo of a word, not of a two-letter code (`XY` is not `AD`).
        let close = d * 3 <= len.max(3) || (d <= 2 && len >= 4);
        if close && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance in characters (small inputs: ids and field names).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// ` 5 | text of line 5` and a caret line under the span (clipped to that line).
fn snippet(text: &str, span: Range<usize>, line: usize) -> String {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let content = text[line_start..line_end].trim_end_matches('\r');
    let end = floor_char_boundary(text, span.end.clamp(start, line_end));
    let pad = text[line_start..start].chars().count();
    let width = text[start..end].chars().count().max(1);
    let gutter = " ".repeat(line.to_string().len());
    format!(
        "{gutter} |\n{line} | {content}\n{gutter} | {}{}",
        " ".repeat(pad),
        "^".repeat(width)
    )
}

/// One rule file being loaded: its name as given, where it came from, and its text.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The file as given: `metrics.toml` (bundled) or the user path.
    pub name: String,
    /// `bundled:metrics.toml` or the user path, for `claimcheck rules`.
    pub origin: String,
    pub text: String,
}

impl Source {
    pub(crate) fn error(&self, span: Range<usize>, message: impl Into<String>) -> RuleError {
        RuleError::at(&self.name, &self.text, span, message)
    }

    /// `metrics.toml:12:6` for a span of this file, to name where something else was defined.
    pub(crate) fn place(&self, span: &Range<usize>) -> String {
        let (l, c) = line_col(&self.text, span.start);
        format!("{}:{l}:{c}", self.name)
    }
}

/// One `[[entity]]` or `[[metric]]` rule being layered on the rules before it: the checks and
/// messages the two share, worded with `what` ("entity", "metric").
pub(crate) struct Layer<'a> {
    pub what: &'static str,
    /// Trimmed.
    pub id: String,
    pub id_span: Range<usize>,
    pub src: &'a Source,
}

impl<'a> Layer<'a> {
    /// `None` (error pushed) if the id is not letters, digits and `_`: ids are what claims carry.
    pub(crate) fn new(
        what: &'static str,
        id: &Spanned<String>,
        src: &'a Source,
        errors: &mut Vec<RuleError>,
    ) -> Option<Self> {
        let layer = Self {
            what,
            id: id.get_ref().trim().to_string(),
            id_span: id.span(),
            src,
        };
        let valid = !layer.id.is_empty()
            && layer
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            errors.push(layer.error(format!(
                "{what} id `{}` must be letters, digits and `_` only",
                layer.id
            )));
            return None;
        }
        Some(layer)
    }

    /// An error at the id.
    pub(crate) fn error(&self, message: String) -> RuleError {
        self.src.error(self.id_span.clone(), message)
    }

    /// `extend` and `replace`, checked: not both, and naming an id that exists (`existing`).
    /// `None` (error pushed) when the rule cannot be applied.
    pub(crate) fn flags(
        &self,
        extend: Option<&Spanned<bool>>,
        replace: Option<&Spanned<bool>>,
        existing: Option<usize>,
        suggest: impl FnOnce(&str) -> String,
        errors: &mut Vec<RuleError>,
    ) -> Option<(bool, bool)> {
        let (what, id) = (self.what, &self.id);
        let (extend_set, replace_set) = (flag(extend), flag(replace));
        if extend_set
            && replace_set
            && let Some(r) = replace
        {
            errors.push(self.src.error(
                r.span(),
                format!("{what} `{id}`: `extend` and `replace` cannot both be set"),
            ));
            return None;
        }
        if (extend_set || replace_set) && existing.is_none() {
            let verb = if extend_set { "extend" } else { "replace" };
            let msg = format!("`{verb}` names unknown {what} `{id}`{}", suggest(id));
            errors.push(self.error(msg));
            return None;
        }
        Some((extend_set, replace_set))
    }

    /// With `extend = true`, an error for each of `fields` (name, span if set) that is set.
    pub(crate) fn frozen(
        &self,
        fields: &[(&str, Option<Range<usize>>)],
        errors: &mut Vec<RuleError>,
    ) {
        for (field, span) in fields {
            if let Some(span) = span {
                errors.push(self.src.error(
                    span.clone(),
                    format!(
                        "`{field}` cannot be changed with `extend = true`; use `replace = true` \
                         to redefine {} `{}`",
                        self.what, self.id
                    ),
                ));
            }
        }
    }

    /// The same id again without `extend` or `replace`; `first` says where it was defined.
    pub(crate) fn duplicate(&self, first: &str) -> RuleError {
        self.error(format!(
            "duplicate {} id `{}` ({first}); set `extend = true` to add aliases or `replace = \
             true` to redefine it",
            self.what, self.id
        ))
    }

    /// Add `item` under the id, or put it in place of the one at `existing`.
    pub(crate) fn insert<T>(
        self,
        list: &mut Vec<T>,
        index: &mut HashMap<String, usize>,
        existing: Option<usize>,
        item: T,
    ) {
        match existing {
            Some(i) => list[i] = item,
            None => {
                index.insert(self.id, list.len());
                list.push(item);
            }
        }
    }
}

/// A boolean rule field, unset meaning false.
pub(crate) fn flag(b: Option<&Spanned<bool>>) -> bool {
    b.is_some_and(|b| *b.get_ref())
}

/// Where a rule came from: a source index and a byte span in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Loc {
    pub src: usize,
    pub span: Range<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_has_line_and_caret() {
        let text = "schema = 1\nalias = [\"x\"]\n";
        let e = RuleError::at("m.toml", text, 11..16, "unknown field `alias`");
        assert_eq!(
            e.to_string(),
            "m.toml:2:1: unknown field `alias`\n  |\n2 | alias = [\"x\"]\n  | ^^^^^"
        );
        assert_eq!(e.message, "unknown field `alias`");
        assert_eq!(
            e.snippet.as_deref(),
            Some("  |\n2 | alias = [\"x\"]\n  | ^^^^^")
        );
        assert_eq!(RuleError::file("m.toml", "gone").snippet, None);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("alias", ["id", "name", "aliases"]),
            Some("aliases")
        );
        assert_eq!(
            did_you_mean("flux", ["flow", "stock", "rate", "rank"]),
            Some("flow")
        );
        assert_eq!(did_you_mean("kz", ["US", "KZ"]), Some("KZ"));
        assert_eq!(did_you_mean("zzzzzz", ["flow", "stock"]), None);
        assert_eq!(did_you_mean("XY", ["AD", "KZ"]), None);
        assert_eq!(did_you_mean("KZZ", ["AD", "KZ"]), Some("KZ"));
        assert_eq!(
            did_you_mean("exprts", ["imports", "exports"]),
            Some("exports")
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn errors_sort_by_file_then_position() {
        let t = "a\nb\nc\n";
        let mut v = vec![
            RuleError::at("b.toml", t, 0..1, "x"),
            RuleError::at("a.toml", t, 4..5, "y"),
            RuleError::at("a.toml", t, 2..3, "z"),
        ];
        sort_errors(&mut v);
        let got: Vec<String> = v
            .iter()
            .map(|e| format!("{}:{}", e.file, e.line.unwrap()))
            .collect();
        assert_eq!(got, ["a.toml:2", "a.toml:3", "b.toml:1"]);
    }
}
