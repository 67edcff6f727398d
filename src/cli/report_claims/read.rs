//! Reading the claims files once: each line is parsed, its document renumbered and its claim
//! kept as a compact record (or counted), with the lines left out remembered per file.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use jiff::civil::Date;
use rayon::prelude::*;

use super::compact::{At, Compact, Tables};
use super::input::{Input, InputSource, blocks, lines};
use super::{MAX_LINE, MAX_SHOWN_ERRORS, NONE};
use crate::claims_file::{self, Light, LightDocument};
use crate::cli::report_error;
use crate::engine::{self, Relations};
use crate::render::json::{DocumentOut, ErrorOut};
use crate::report::Summary;

/// The ordinals seen in one document, to catch a claim id given twice: a bit set while the
/// ordinals are dense (as claimcheck writes them: 1, 2, 3...), else a hash set.
pub(super) enum Seen {
    Dense(Vec<u64>),
    Sparse(HashSet<u64>),
}

impl Seen {
    /// False when `o` was seen before.
    pub(super) fn insert(&mut self, o: u64, count: u64) -> bool {
        if let Self::Dense(bits) = self
            && o / 64 >= bits.len() as u64
            && o > 4 * count + 4096
        {
            let mut set = HashSet::new();
            for (w, &b) in bits.iter().enumerate() {
                for i in 0..64 {
                    if b & (1 << i) != 0 {
                        set.insert(w as u64 * 64 + i);
                    }
                }
            }
            *self = Self::Sparse(set);
        }
        match self {
            Self::Dense(bits) => {
                let w = usize::try_from(o / 64).unwrap_or(usize::MAX);
                if w >= bits.len() {
                    bits.resize(w + 1, 0);
                }
                let bit = 1u64 << (o % 64);
                let new = bits[w] & bit == 0;
                bits[w] |= bit;
                new
            }
            Self::Sparse(set) => set.insert(o),
        }
    }
}

/// A document as the claims files number it: its index after renumbering.
pub(super) struct DocState {
    pub(super) index: u32,
    seen: Seen,
    count: u64,
}

/// Per input file: its documents' new indexes, and the lines left out (sorted), which a
/// second reading must leave out too.
#[derive(Default)]
pub(super) struct FileState {
    pub(super) docs: HashMap<u64, DocState>,
    pub(super) bad_lines: Vec<u64>,
    errors: usize,
    /// Read to its end (a file that could not be is reported, and not read again).
    pub(super) complete: bool,
}

/// What reading the files gave.
pub(super) struct Loaded<'r> {
    relations: &'r Relations,
    pub(super) tables: Tables,
    pub(super) store: Vec<Compact>,
    pub(super) documents: Vec<DocumentOut>,
    /// Claims per source, for a source without a document record.
    claims_per_source: HashMap<u32, usize>,
    /// Sources in the order first seen (claims or documents).
    source_order: Vec<u32>,
    pub(super) summary: Summary,
    pub(super) errors: Vec<ErrorOut>,
    pub(super) failed: bool,
    pub(super) files: Vec<FileState>,
    next_doc: u32,
    /// Unlinked reasons, interned while reading.
    reasons: HashMap<String, usize>,
    /// The source of the claim before (claims of a document come together).
    last_source: Option<(Arc<str>, u32)>,
}

impl<'r> Loaded<'r> {
    pub(super) fn new(relations: &'r Relations) -> Self {
        Self {
            relations,
            tables: Tables::default(),
            store: Vec::new(),
            documents: Vec::new(),
            claims_per_source: HashMap::new(),
            source_order: Vec::new(),
            summary: Summary::default(),
            errors: Vec::new(),
            failed: false,
            files: Vec::new(),
            next_doc: 0,
            reasons: HashMap::new(),
            last_source: None,
        }
    }

    /// A whole file could not be read (or stopped being readable).
    pub(super) fn lost(&mut self, name: &str, message: &str) {
        report_error(name, message);
        self.errors.push(ErrorOut {
            source: name.to_string(),
            message: message.to_string(),
        });
        self.failed = true;
    }

    /// A line that is left out.
    fn bad_line(&mut self, name: &str, file: u32, line: u64, message: &str) {
        self.failed = true;
        let state = &mut self.files[file as usize];
        state.bad_lines.push(line);
        state.errors += 1;
        if state.errors <= MAX_SHOWN_ERRORS {
            let at = format!("{name}:{line}");
            report_error(&at, message);
            self.errors.push(ErrorOut {
                source: at,
                message: message.to_string(),
            });
        }
    }

    pub(super) fn read(
        &mut self,
        pool: &rayon::ThreadPool,
        file: u32,
        input: &Input,
    ) -> io::Result<()> {
        self.files.push(FileState::default());
        let reader: Box<dyn Read + '_> = match &input.source {
            InputSource::Path(_) => Box::new(input.reader()?),
            InputSource::Stdin(_) => Box::new(io::stdin().lock()),
        };
        let tee = match &input.source {
            InputSource::Stdin(s) => Some(&s.file),
            InputSource::Path(_) => None,
        };
        let name = input.name.as_str();
        let mut long = Vec::new();
        blocks(
            reader,
            tee,
            |offset, first_line, block| {
                let ls = lines(offset, first_line, block);
                let items: Vec<Result<Light<'_>, String>> = pool.install(|| {
                    ls.par_iter()
                        .map(|(_, _, l)| claims_file::parse_line_light(l))
                        .collect()
                });
                for ((offset, line, _), item) in ls.iter().zip(items) {
                    self.fold(name, file, *line, *offset, item);
                }
                Ok(())
            },
            |line| long.push(line),
        )?;
        for line in long {
            self.bad_line(
                name,
                file,
                line,
                &format!("a line longer than {} MiB; left out", MAX_LINE >> 20),
            );
        }
        let state = &mut self.files[file as usize];
        state.complete = true;
        state.bad_lines.sort_unstable();
        if state.errors > MAX_SHOWN_ERRORS {
            let more = state.errors - MAX_SHOWN_ERRORS;
            let msg = format!("{more} more lines that could not be read are left out");
            report_error(name, &msg);
            self.errors.push(ErrorOut {
                source: name.to_string(),
                message: msg,
            });
        }
        Ok(())
    }

    /// A document record; the first one of a source wins.
    fn document(&mut self, d: LightDocument<'_>) {
        let source = self.tables.strings.intern(d.source());
        if self.tables.doc_of_source.contains_key(&source) {
            return;
        }
        // Checked when the line was read.
        let Ok(d) = d.into_document() else { return };
        let date = d.date.as_deref().and_then(|s| s.parse::<Date>().ok());
        self.tables.doc_dates.push((date, d.date_inferred));
        self.tables
            .doc_of_source
            .insert(source, self.documents.len());
        self.documents.push(d);
        if !self.claims_per_source.contains_key(&source) {
            self.source_order.push(source);
            self.claims_per_source.insert(source, 0);
        }
    }

    fn fold(
        &mut self,
        name: &str,
        file: u32,
        line: u64,
        offset: u64,
        item: Result<Light<'_>, String>,
    ) {
        let (doc, ordinal, claim, sentence, document) = match item {
            Err(e) => return self.bad_line(name, file, line, &e),
            Ok(Light::Blank | Light::Ignored) => return,
            Ok(Light::Document(d)) => return self.document(d),
            Ok(Light::Claim {
                doc,
                ordinal,
                claim,
                sentence,
                document,
            }) => (doc, ordinal, claim, sentence, document),
        };
        let fits = u32::try_from(ordinal).is_ok()
            && u32::try_from(claim.line).is_ok_and(|l| l != NONE)
            && u32::try_from(claim.column).is_ok_and(|c| c != NONE);
        if !fits {
            let msg = format!(
                "claim `{}` at line {} column {}: a number too large",
                claim.id, claim.line, claim.column
            );
            return self.bad_line(name, file, line, &msg);
        }
        let Some(index) = self.doc_index(file, doc, ordinal) else {
            let msg = format!(
                "claim id `{}` is given twice in this file; left out",
                claim.id
            );
            return self.bad_line(name, file, line, &msg);
        };
        let date_known = document.is_some();
        let source = match &self.last_source {
            Some((s, i)) if **s == *claim.source => *i,
            _ => {
                let i = self.tables.strings.intern(&claim.source);
                self.last_source = Some((Arc::clone(&claim.source), i));
                i
            }
        };
        // The first document record of a source wins; the claims of a document come
        // together, so most lines repeat the one before.
        if let Some(d) = document
            && (d.source() != &*claim.source || !self.tables.doc_of_source.contains_key(&source))
        {
            self.document(d);
        }
        match self.claims_per_source.get_mut(&source) {
            Some(n) => *n += 1,
            None => {
                self.claims_per_source.insert(source, 1);
                self.source_order.push(source);
            }
        }
        if claim.metric.is_some() {
            self.summary.claims_linked += 1;
        } else {
            self.summary.claims_unlinked += 1;
        }
        if let Some(r) = &claim.unlinked {
            match self.reasons.get_mut(r.as_str()) {
                Some(n) => *n += 1,
                None => {
                    self.reasons.insert(r.clone(), 1);
                }
            }
        }
        // As the engine's index: a claim whose interval says nothing is never grouped, but an
        // item of a breakdown is kept, so that its total's sum says it could not be made.
        let empty = claim.interval.low.is_none() && claim.interval.high.is_none();
        if !crate::engine::compared(&claim) || empty && claim.part_of.is_none() {
            return;
        }
        let sentence = engine::reads_sentence(&claim, self.relations).then_some(&*sentence);
        let at = At {
            source,
            doc: index,
            ordinal: u32::try_from(ordinal).unwrap_or(NONE),
            file,
            offset,
            date_known,
        };
        let c = Compact::new(&mut self.tables, &claim, sentence, at);
        self.store.push(c);
    }

    /// The new index of document `doc` of `file`, numbering documents in the order first
    /// seen; `None` when the document already has a claim with this ordinal.
    fn doc_index(&mut self, file: u32, doc: u64, ordinal: u64) -> Option<u32> {
        let next = self.next_doc;
        let state = self.files[file as usize]
            .docs
            .entry(doc)
            .or_insert_with(|| DocState {
                index: next,
                seen: Seen::Dense(Vec::new()),
                count: 0,
            });
        if !state.seen.insert(ordinal, state.count) {
            return None;
        }
        state.count += 1;
        if state.index == next {
            self.next_doc = self.next_doc.saturating_add(1);
        }
        Some(state.index)
    }

    /// The documents (one per source, with a record for sources that came with none), the
    /// summary, and the records in id order with their documents' dates.
    pub(super) fn finish(mut self) -> Self {
        // Sources without a document record: a document that was read, with as many
        // quantities as claims (all `claims` knows).
        let mut documents = Vec::with_capacity(self.source_order.len());
        let order = std::mem::take(&mut self.source_order);
        for s in &order {
            match self.tables.doc_of_source.get(s) {
                Some(&i) => documents.push(self.documents[i].clone()),
                None => documents.push(DocumentOut {
                    source: self.tables.strings.get(*s).to_string(),
                    title: None,
                    outlet: None,
                    url: None,
                    date: None,
                    date_inferred: false,
                    status: "read",
                    notes: Vec::new(),
                    mentions: self.claims_per_source.get(s).copied().unwrap_or(0),
                }),
            }
        }
        self.source_order = order;
        for d in &documents {
            match d.status {
                "read" => self.summary.documents_read += 1,
                "skipped" => self.summary.documents_skipped += 1,
                _ => self.summary.documents_failed += 1,
            }
            self.summary.quantities += d.mentions;
        }
        self.documents = documents;
        self.summary.unlinked_reasons = std::mem::take(&mut self.reasons)
            .into_iter()
            .collect::<BTreeMap<_, _>>();
        // Dates from document lines for claims whose line had no document.
        let tables = &self.tables;
        self.store.par_iter_mut().for_each(|c| {
            if !c.date_known
                && let Some(&i) = tables.doc_of_source.get(&c.source)
            {
                (c.document_date, c.date_inferred) = tables.doc_dates[i];
            }
        });
        // Id order (already so when each document's lines are together, as claimcheck writes
        // them), for lookups by id.
        if !self.store.windows(2).all(|w| w[0].key() < w[1].key()) {
            self.store.par_sort_unstable_by_key(Compact::key);
        }
        self
    }
}
