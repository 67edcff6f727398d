//! Output: one renderer per format, each writing to a `&mut dyn Write`.

pub mod claims;
pub mod json;
pub mod report;
pub mod table;
pub mod value;

use clap::ValueEnum;

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people (default on a terminal).
    Table,
    /// One JSON object per line (default otherwise).
    Jsonl,
    /// One JSON document.
    Json,
}

impl Format {
    /// True for formats meant for people to read directly.
    pub fn is_human_readable(self) -> bool {
        matches!(self, Self::Table)
    }
}

/// Replace control characters and escape sequences from document text so that printing it to
/// a terminal cannot move the cursor, change colours or ring the bell.
pub fn sanitize_for_terminal(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => '\u{FFFD}',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}
