//! Loading documents: paths, directories and standard input become decoded [`Document`]s.
//!
//! CONTRACT (used by the rest of the pipeline; keep these names and meanings):
//! - [`collect`] expands the command-line inputs into [`Entry`]s in a stable order;
//! - [`load`] reads one entry into a [`Loaded`] outcome (a document, a skip with its reason,
//!   or an error), never panicking and never stopping the run;
//! - a [`Document`] holds the decoded text, where the body starts (after front matter),
//!   its [`Metadata`], notes about decoding, and a [`LineIndex`] for byte -> line:column;
//! - [`Document::file_offset`] maps an offset in the decoded text back to the original file
//!   bytes, so reported `start`/`end` always point into the file as stored on disk.

mod decode;
pub mod front_matter;
pub mod line_index;
pub mod manifest;
mod read;
mod walk;

use std::path::PathBuf;

pub use decode::OffsetMap;
pub use front_matter::Metadata;
pub use line_index::LineIndex;
pub use read::{load, load_bytes};
pub use walk::collect;

/// One input named on the command line, or found by walking a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A file path, with the name to show for it (the path as given).
    File { path: PathBuf, source: String },
    /// Standard input (`-`).
    Stdin,
    /// An input that could not even be listed (missing path, unreadable directory...).
    Error { source: String, message: String },
}

impl Entry {
    /// The name the input is shown under (its documents' `source`).
    pub fn source(&self) -> &str {
        match self {
            Entry::File { source, .. } | Entry::Error { source, .. } => source,
            Entry::Stdin => read::STDIN_SOURCE,
        }
    }
}

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this many bytes are reported as errors, not read.
    pub max_file_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_size: 256 * 1024 * 1024,
        }
    }
}

/// A note about how a document was decoded (not an error: the document is still processed).
///
/// Codes: `invalid-utf8`, `invalid-utf16`, `front-matter`, `partial-date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub code: &'static str,
    pub message: String,
}

/// A decoded document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given (or `<stdin>`), shown in output.
    pub source: String,
    /// The decoded text of the whole file (UTF-8), front matter included, BOM removed.
    pub text: String,
    /// Byte offset in `text` where the body begins (0 when there is no front matter).
    pub body_start: usize,
    pub meta: Metadata,
    pub notes: Vec<Note>,
    pub line_index: LineIndex,
    /// How offsets in `text` map back to the original file bytes (see [`Document::file_offset`]).
    pub offsets: OffsetMap,
}

impl Document {
    /// A document from text already in memory (tests, benches): file offsets equal text offsets.
    pub fn from_text(source: impl Into<String>, text: impl Into<String>) -> Self {
        Self::from_decoded(source.into(), text.into(), OffsetMap::default(), Vec::new())
    }

    /// Builds a document from decoded text, adding front-matter notes after decoding notes.
    fn from_decoded(
        source: String,
        text: String,
        offsets: OffsetMap,
        mut notes: Vec<Note>,
    ) -> Self {
        let (meta, body_start, fm_notes) = front_matter::split(&text);
        notes.extend(fm_notes);
        let line_index = LineIndex::new(&text);
        Self {
            source,
            text,
            body_start,
            meta,
            notes,
            line_index,
            offsets,
        }
    }

    /// The body: the text after any front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// Byte offset in the original file of byte `text_offset` of [`Document::text`].
    ///
    /// Output reports positions in the file as stored, which differs from `text` after a
    /// stripped BOM, lossy UTF-8 repair or UTF-16 decoding. Clean UTF-8 costs one comparison.
    pub fn file_offset(&self, text_offset: usize) -> usize {
        self.offsets.file_offset(&self.text, text_offset)
    }

    /// Encoding the file was decoded from: `UTF-8`, `UTF-16LE` or `UTF-16BE`.
    pub fn encoding(&self) -> &'static str {
        self.offsets.encoding()
    }

    /// 1-based line and column (in characters) of byte `text_offset` of [`Document::text`].
    pub fn line_col(&self, text_offset: usize) -> (usize, usize) {
        self.line_index.line_col(&self.text, text_offset)
    }
}

/// What reading one entry gave.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "one value per file, moved once into the pipeline; boxing buys nothing"
)]
pub enum Loaded {
    Document(Document),
    /// Not an error: e.g. a binary file found while walking a directory.
    Skipped {
        source: String,
        reason: String,
    },
    /// The input could not be read; the run goes on but exits 2.
    Error {
        source: String,
        message: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_text_is_identity_mapped() {
        let doc = Document::from_text("t", "---\ntitle: A\n---\nBody 12%\n");
        assert_eq!(doc.meta.title.as_deref(), Some("A"));
        assert_eq!(doc.body(), "Body 12%\n");
        assert_eq!(doc.file_offset(5), 5);
        assert_eq!(doc.encoding(), "UTF-8");
        assert_eq!(doc.line_col(doc.body_start), (4, 1));
    }

    #[test]
    fn only_front_matter_has_empty_body() {
        let doc = Document::from_text("t", "---\ntitle: A\n---\n");
        assert_eq!(doc.body(), "");
        assert!(doc.notes.is_empty());
    }
}
