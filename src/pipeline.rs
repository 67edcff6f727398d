//! The per-document pipeline shared by `extract`, `claims` and `report`: load -> decode ->
//! metadata -> extract -> link. Documents are processed in parallel (rayon) and returned in
//! input order, so output never depends on the thread count.

use rayon::prelude::*;

use crate::claim::Claim;
use crate::cli::DocumentSetup;
use crate::extract::{ExtractOptions, Extractor, Mention};
use crate::input::{self, Entry, LoadOptions, Loaded};
use crate::link::{self, Lexicon};
use crate::render::json::DocumentOut;
use crate::rules::Vocabulary;

/// What reading one input gave.
#[derive(Debug)]
pub struct DocResult {
    pub doc: DocumentOut,
    /// The quantity mentions, unless the pipeline links them into claims (then only their
    /// count, in `doc.mentions`, is kept: the claims carry everything later steps need).
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    pub notes: Vec<String>,
    pub error: Option<String>,
    pub skipped: Option<String>,
}

/// Everything the pipeline needs, shared read-only across threads.
pub struct Pipeline<'a> {
    pub vocab: &'a Vocabulary,
    /// When set, quantities are linked into claims.
    pub lexicon: Option<&'a dyn Lexicon>,
    pub extract: ExtractOptions,
    pub load: LoadOptions,
    pub setup: &'a DocumentSetup,
    /// Counts finished documents, when a person is watching.
    pub progress: Option<&'a crate::progress::Progress>,
}

/// The most documents one thread takes at a time (each piece starts a new [`Extractor`]).
const DOCUMENTS_PER_PIECE: usize = 16;

impl Pipeline<'_> {
    /// Process `entries` in parallel on `pool`; `first_index` numbers the documents.
    pub fn run(
        &self,
        pool: &rayon::ThreadPool,
        entries: &[Entry],
        first_index: usize,
    ) -> Vec<DocResult> {
        self.run_then(pool, entries, first_index, |r| r)
    }

    /// [`Self::run`], with `then` applied to each document's result on the thread that made
    /// it: work a caller would otherwise do alone after the parallel part (rendering a
    /// document's output, say) runs in parallel too.
    pub fn run_then<T: Send>(
        &self,
        pool: &rayon::ThreadPool,
        entries: &[Entry],
        first_index: usize,
        then: impl Fn(DocResult) -> T + Sync,
    ) -> Vec<T> {
        pool.install(|| {
            entries
                .par_iter()
                // Small pieces: rayon otherwise hands each thread a quarter of the documents at
                // once, and the thread whose quarter is slowest finishes alone.
                .with_max_len(DOCUMENTS_PER_PIECE)
                .enumerate()
                .map_init(Extractor::default, |ex, (i, entry)| {
                    let result = then(self.one(ex, entry, first_index + i));
                    if let Some(p) = self.progress {
                        p.inc();
                    }
                    result
                })
                .collect()
        })
    }

    fn one(&self, ex: &mut Extractor, entry: &Entry, index: usize) -> DocResult {
        let blank = |source: String, status| DocumentOut {
            source,
            title: None,
            outlet: None,
            url: None,
            date: None,
            date_inferred: false,
            status,
            notes: Vec::new(),
            mentions: 0,
        };
        match input::load(entry, &self.load) {
            Loaded::Document(mut doc) => {
                let path = match entry {
                    Entry::File { path, .. } => Some(path.as_path()),
                    _ => None,
                };
                self.setup.apply(&mut doc, path);
                let mentions = ex.extract_and_date(&mut doc, self.vocab, self.extract);
                let claims = self
                    .lexicon
                    .map(|lex| link::link(&doc, index, &mentions, lex))
                    .unwrap_or_default();
                let notes: Vec<String> = doc.notes.iter().map(|n| n.message.clone()).collect();
                let count = mentions.len();
                let mentions = if self.lexicon.is_some() {
                    Vec::new()
                } else {
                    mentions
                };
                let out = DocumentOut {
                    source: doc.source.clone(),
                    title: doc.meta.title.clone(),
                    outlet: doc.meta.outlet.clone(),
                    url: doc.meta.url.clone(),
                    date: doc.meta.date.map(|d| d.to_string()),
                    date_inferred: doc.meta.extra.contains_key("date_inferred"),
                    status: "read",
                    notes: notes.clone(),
                    mentions: count,
                };
                DocResult {
                    doc: out,
                    mentions,
                    claims,
                    notes,
                    error: None,
                    skipped: None,
                }
            }
            Loaded::Skipped { source, reason } => DocResult {
                doc: blank(source, "skipped"),
                mentions: Vec::new(),
                claims: Vec::new(),
                notes: Vec::new(),
                error: None,
                skipped: Some(reason),
            },
            Loaded::Error { source, message } => DocResult {
                doc: blank(source, "error"),
                mentions: Vec::new(),
                claims: Vec::new(),
                notes: Vec::new(),
                error: Some(message),
                skipped: None,
            },
        }
    }
}
