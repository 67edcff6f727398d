//! `claimcheck report --claims FILE...`: check claims made elsewhere (`claims --format jsonl`
//! on other machines, or an earlier `report --format jsonl`) without reading the documents
//! again. `claims` is stateless per document, so this is the reduce step of a map/reduce:
//!
//! ```sh
//! claimcheck claims --format jsonl shard-1/ > shard-1.jsonl   # on each machine
//! claimcheck report --claims shard-*.jsonl                     # once, over all of them
//! ```
//!
//! The output is what `report` on the documents prints for the same claims. Document indexes
//! are numbered again, by file order on the command line and then line order (the document of
//! `0:3` in the second file is not the document of `0:3` in the first), so ids never collide
//! and the output does not depend on when or where the shards were made.
//!
//! Scale (millions of claims): a claim line is about 1 KB, mostly the sentence, how it was
//! linked and its document. Nothing holds every claim:
//!
//! 1. *Read*: each file in blocks of whole lines; the lines of a block are parsed in parallel
//!    and folded in line order. A claim the engine compares is kept as a [`Compact`] record
//!    (numbers, dates and flags, with its strings interned: a few distinct sources, metrics,
//!    units, entity lists, texts), plus where its line is; the sentence only when a check
//!    reads it ([`engine::reads_sentence`]). A claim the engine does not compare is only
//!    counted.
//! 2. *Check*: the records are split by [`engine::partition_key`] (claims of different
//!    partitions never meet in a check), and the partitions are checked in parallel, each
//!    materialized as [`Claim`]s only while it is checked. Each check groups by key, so the
//!    cost is O(n log n) plus the pairs within a key; never all pairs.
//! 3. *Print*: the table, markdown, SARIF and GitHub formats need only the claims of the
//!    findings they print, rebuilt from their records (or, with `--verbose` and `--explain`,
//!    which print how a claim was linked and its sentence, re-read from their lines); json and
//!    jsonl print every claim, so the files are read again and each claim is written as it is
//!    read.
//!
//! A line that cannot be read is reported as `file:line: message` and left out; the others are
//! still checked and the run exits with 2.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use jiff::civil::Date;
use rayon::prelude::*;
use rust_decimal::Decimal;

use super::report::{self, ReportArgs, ReportFormat};
use super::{ExitStatus, report_error};
use crate::claim::{Claim, ClaimPeriod, Modality};
use crate::claims_file::{self, Item, Light, LightDocument};
use crate::engine::{self, Finding, Relations, Verdict};
use crate::interval::Interval;
use crate::quantity::{Direction, Kind, Measure, Role};
use crate::render::json::{DocumentOut, ErrorOut};
use crate::report::{ClaimSource, Report, Summary, id_key};
use crate::rules::BoundKind;

/// Bytes read at a time (the lines of a block are parsed in parallel).
const BLOCK: usize = 8 << 20;

/// The longest line read; a longer one is reported and skipped.
const MAX_LINE: usize = 64 << 20;

/// Malformed lines reported one by one per file; the rest are counted.
const MAX_SHOWN_ERRORS: usize = 20;

/// No string, in an interned field.
const NONE: u32 = u32::MAX;

pub fn run(args: &ReportArgs) -> ExitStatus {
    let Some(rules) = super::load_rules(&args.rules) else {
        return ExitStatus::Error;
    };
    let Some(pool) = super::thread_pool(args.input.threads) else {
        return ExitStatus::Error;
    };
    let Some(baseline) = report::load_baseline(args) else {
        return ExitStatus::Error;
    };
    let files = match open_inputs(&args.claims) {
        Ok(f) => f,
        Err(e) => {
            report_error("usage", &e);
            return ExitStatus::Error;
        }
    };
    let relations = &rules.set.relations;
    let mut loaded = Loaded::new(relations);
    for (i, f) in files.iter().enumerate() {
        let file = u32::try_from(i).unwrap_or(NONE);
        if let Err(e) = loaded.read(&pool, file, f) {
            loaded.lost(&f.name, &e.to_string());
        }
    }
    let Loaded {
        tables,
        store,
        documents,
        summary,
        errors,
        failed,
        files: file_state,
        ..
    } = loaded.finish();

    let mut findings = check(&pool, &tables, &store, relations);
    let mut summary = summary;
    if let Err(status) = report::apply_baseline(args, &baseline, &mut findings, &mut summary) {
        return status;
    }

    let opts = report::render_options(args);
    let shown_claims = printed_claims(args, &opts, &findings);
    let full = args.verbose || args.explain.is_some();
    let claims = match claims_of(&shown_claims, &tables, &store, &files, full) {
        Ok(c) => c,
        Err(e) => {
            report_error("claims", &e.to_string());
            return ExitStatus::Error;
        }
    };
    let report = Report {
        documents: &documents,
        claims: &claims,
        findings: &findings,
        errors: &errors,
        summary: &summary,
    };
    let stream = Stream {
        pool: &pool,
        files: &files,
        state: &file_state,
    };
    let status = report::print(args, &pool, &report, Some(&stream), failed);
    // The process ends here: freeing millions of records and findings one by one would only
    // cost time.
    std::mem::forget((findings, claims, store, tables));
    status
}

// ---------------------------------------------------------------------------------------------
// Input files

/// A claims file as given, and how to read it again.
struct Input {
    /// The name as given (`-` is `<stdin>`), for messages.
    name: String,
    source: InputSource,
}

enum InputSource {
    Path(PathBuf),
    /// Standard input, copied to a temporary file as it is read so it can be read again.
    Stdin(Spool),
}

/// A temporary file, removed when dropped (on Unix, as soon as it is open).
struct Spool {
    file: File,
    path: PathBuf,
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Spool {
    fn new() -> io::Result<Self> {
        let dir = std::env::temp_dir();
        let pid = std::process::id();
        for n in 0..1000 {
            let path = dir.join(format!("claimcheck-stdin-{pid}-{n}.jsonl"));
            match std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => {
                    #[cfg(unix)]
                    let _ = std::fs::remove_file(&path);
                    return Ok(Self { file, path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other("no temporary file name left"))
    }
}

fn open_inputs(names: &[String]) -> Result<Vec<Input>, String> {
    if names.iter().filter(|n| *n == "-").count() > 1 {
        return Err("`-` (standard input) is given more than once to --claims".into());
    }
    names
        .iter()
        .map(|n| {
            if n == "-" {
                let spool = Spool::new().map_err(|e| format!("a temporary file: {e}"))?;
                Ok(Input {
                    name: "<stdin>".into(),
                    source: InputSource::Stdin(spool),
                })
            } else {
                Ok(Input {
                    name: n.clone(),
                    source: InputSource::Path(PathBuf::from(n)),
                })
            }
        })
        .collect()
}

/// A file to read, from anywhere.
trait ReadSeek: Read + Seek {}

impl<T: Read + Seek> ReadSeek for T {}

impl Input {
    /// A reader from the start of the file.
    fn reader(&self) -> io::Result<Box<dyn ReadSeek + '_>> {
        match &self.source {
            InputSource::Path(p) => {
                if p.is_dir() {
                    return Err(io::Error::other(
                        "is a directory (--claims reads files written by `claimcheck claims \
                         --format jsonl`; documents go to `claimcheck claims` first)",
                    ));
                }
                Ok(Box::new(File::open(p)?))
            }
            InputSource::Stdin(s) => {
                let mut f = &s.file;
                f.seek(SeekFrom::Start(0))?;
                Ok(Box::new(f))
            }
        }
    }
}

/// Read `r` in blocks of whole lines; `f` gets each block with the offset of its first byte
/// and the number of its first line (1-based). A line longer than [`MAX_LINE`] is given to
/// `long` (its number) and skipped. What is read is copied to `tee` when given.
fn blocks(
    mut r: impl Read,
    mut tee: Option<&File>,
    mut f: impl FnMut(u64, u64, &[u8]) -> io::Result<()>,
    mut long: impl FnMut(u64),
) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + (BLOCK >> 2));
    let (mut offset, mut line) = (0u64, 1u64);
    // Skipping the rest of a line that is too long.
    let mut skipping = false;
    let mut eof = false;
    let mut first = true;
    while !eof {
        // Fill the buffer up to a block.
        let start = buf.len();
        buf.resize(if start < BLOCK { BLOCK } else { start + BLOCK }, 0);
        let mut filled = start;
        while filled < buf.len() {
            let n = match r.read(&mut buf[filled..]) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                eof = true;
                break;
            }
            if let Some(t) = tee.as_mut() {
                t.write_all(&buf[filled..filled + n])?;
            }
            filled += n;
        }
        buf.truncate(filled);
        if first {
            first = false;
            // A byte-order mark is not part of the first line.
            if buf.starts_with(b"\xEF\xBB\xBF") {
                buf.drain(..3);
                offset += 3;
            }
        }
        if skipping {
            match memchr::memchr(b'\n', &buf) {
                Some(i) => {
                    buf.drain(..=i);
                    offset += i as u64 + 1;
                    line += 1;
                    skipping = false;
                }
                None => {
                    offset += buf.len() as u64;
                    buf.clear();
                    continue;
                }
            }
        }
        let cut = if eof {
            buf.len()
        } else {
            match memchr::memrchr(b'\n', &buf) {
                Some(i) => i + 1,
                None if buf.len() > MAX_LINE => {
                    long(line);
                    skipping = true;
                    offset += buf.len() as u64;
                    buf.clear();
                    continue;
                }
                // A line longer than a block: read on.
                None => continue,
            }
        };
        if cut > 0 {
            f(offset, line, &buf[..cut])?;
            line += memchr::memchr_iter(b'\n', &buf[..cut]).count() as u64;
            offset += cut as u64;
            buf.drain(..cut);
        }
    }
    Ok(())
}

/// The lines of a block: (offset in the file, line number, bytes without the line break).
fn lines(offset: u64, first_line: u64, block: &[u8]) -> Vec<(u64, u64, &[u8])> {
    let mut out = Vec::with_capacity(block.len() / 512 + 1);
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', block).chain(std::iter::once(block.len()));
    for (line, end) in (first_line..).zip(ends) {
        if end == block.len() && start == end {
            break;
        }
        out.push((offset + start as u64, line, &block[start..end]));
        start = end + 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Interned strings and compact claims

/// Strings stored once, numbered in the order first seen.
#[derive(Default)]
struct Interner {
    ids: HashMap<Arc<str>, u32>,
    all: Vec<Arc<str>>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = u32::try_from(self.all.len()).unwrap_or(NONE - 1);
        let a: Arc<str> = Arc::from(s);
        self.all.push(a.clone());
        self.ids.insert(a, i);
        i
    }

    fn get(&self, i: u32) -> &str {
        if i == NONE {
            return "";
        }
        self.all.get(i as usize).map_or("", |s| s)
    }
}

/// Everything interned, shared by the records.
#[derive(Default)]
struct Tables {
    strings: Interner,
    /// Entity lists, as lists of interned strings.
    lists: Vec<Box<[u32]>>,
    list_ids: HashMap<Box<[u32]>, u32>,
    /// Partitions ([`engine::partition_key`]), numbered in the order first seen.
    partitions: HashMap<(Box<[u32]>, Modality), u32>,
    /// The partition of an entity list and a modality.
    partition_of: HashMap<(u32, Modality), u32>,
    scratch: Vec<u32>,
    /// Documents by source (index into the documents).
    doc_of_source: HashMap<u32, usize>,
    /// The date of each document (parsed once), by document.
    doc_dates: Vec<(Option<Date>, bool)>,
}

impl Tables {
    fn list(&mut self, items: &[String]) -> u32 {
        let mut syms = std::mem::take(&mut self.scratch);
        syms.clear();
        syms.extend(items.iter().map(|s| self.strings.intern(s)));
        let i = match self.list_ids.get(syms.as_slice()) {
            Some(&i) => i,
            None => {
                let i = u32::try_from(self.lists.len()).unwrap_or(NONE - 1);
                let boxed: Box<[u32]> = syms.as_slice().into();
                self.lists.push(boxed.clone());
                self.list_ids.insert(boxed, i);
                i
            }
        };
        self.scratch = syms;
        i
    }

    /// The number of the partition of claims about `entities` (interned as `list`) in
    /// `modality`.
    fn partition(&mut self, list: u32, entities: &[String], modality: Modality) -> u32 {
        if let Some(&p) = self.partition_of.get(&(list, modality)) {
            return p;
        }
        let (key, modality) = engine::partition_key(entities, modality);
        let syms: Box<[u32]> = key.iter().map(|s| self.strings.intern(s)).collect();
        let next = u32::try_from(self.partitions.len()).unwrap_or(NONE - 1);
        let p = *self.partitions.entry((syms, modality)).or_insert(next);
        self.partition_of.insert((list, modality), p);
        p
    }

    fn strings_of(&self, list: u32) -> Vec<String> {
        self.lists
            .get(list as usize)
            .map(|l| l.iter().map(|&s| self.strings.get(s).to_string()).collect())
            .unwrap_or_default()
    }
}

/// A period, compactly.
#[derive(Debug, Clone, Copy)]
struct PeriodC {
    start: Option<Date>,
    end: Option<Date>,
    instant: Option<Date>,
    label: u32,
    cumulative: bool,
    inherited: bool,
}

/// What the engine reads of a claim, with where its line is: about 200 bytes (see the test
/// `a_compact_claim_is_small`), against about 1 KB for the line and 1.5 KB for a [`Claim`].
#[derive(Debug, Clone)]
struct Compact {
    /// The document index after renumbering, and the ordinal of the id.
    doc: u32,
    ordinal: u32,
    /// Which input file, and the byte offset of the line in it.
    file: u32,
    offset: u64,
    line: u32,
    column: u32,
    start: u64,
    end: u64,
    /// The fingerprint when it is 16 hex digits (as claimcheck writes it), else interned in
    /// `fingerprint_sym`.
    fingerprint: u64,
    fingerprint_sym: u32,
    source: u32,
    text: u32,
    /// Only when a check reads it, else [`NONE`] (empty).
    sentence: u32,
    metric: u32,
    unit: u32,
    entities: u32,
    /// The partition ([`engine::partition_key`]).
    partition: u32,
    value: Option<Decimal>,
    interval: Interval,
    period: Option<PeriodC>,
    base_period: Option<PeriodC>,
    /// The document's date, when the claim line carries its document; else taken from the
    /// document line of its source when the files are read.
    document_date: Option<Date>,
    date_known: bool,
    date_inferred: bool,
    kind: Kind,
    bound: BoundKind,
    measure: Measure,
    direction: Option<Direction>,
    role: Option<Role>,
    modality: Modality,
    directional: bool,
}

/// Where a claim is: its id after renumbering, its line, and whether its line gave its
/// document (and so its date).
#[derive(Debug, Clone, Copy)]
struct At {
    source: u32,
    doc: u32,
    ordinal: u32,
    file: u32,
    offset: u64,
    date_known: bool,
}

fn hex16(s: &str) -> Option<u64> {
    (s.len() == 16 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then(|| u64::from_str_radix(s, 16).ok())
        .flatten()
}

fn period_c(t: &mut Tables, p: &ClaimPeriod) -> PeriodC {
    PeriodC {
        start: p.start,
        end: p.end,
        instant: p.instant,
        label: t.strings.intern(&p.label),
        cumulative: p.cumulative,
        inherited: p.inherited,
    }
}

fn period_full(t: &Tables, p: &PeriodC) -> ClaimPeriod {
    ClaimPeriod {
        start: p.start,
        end: p.end,
        label: t.strings.get(p.label).to_string(),
        cumulative: p.cumulative,
        instant: p.instant,
        inherited: p.inherited,
    }
}

impl Compact {
    /// The record of a claim (its heavy strings dropped), at `at` in the files; its line and
    /// column must fit in 32 bits.
    fn new(t: &mut Tables, c: &Claim, sentence: Option<&str>, at: At) -> Self {
        let (fingerprint, fingerprint_sym) = match hex16(&c.fingerprint) {
            Some(h) => (h, NONE),
            None => (0, t.strings.intern(&c.fingerprint)),
        };
        let entities = t.list(&c.entities);
        Self {
            doc: at.doc,
            ordinal: at.ordinal,
            file: at.file,
            offset: at.offset,
            line: u32::try_from(c.line).unwrap_or(NONE),
            column: u32::try_from(c.column).unwrap_or(NONE),
            start: c.start as u64,
            end: c.end as u64,
            fingerprint,
            fingerprint_sym,
            source: at.source,
            text: t.strings.intern(&c.text),
            sentence: sentence.map_or(NONE, |s| t.strings.intern(s)),
            metric: c.metric.as_deref().map_or(NONE, |m| t.strings.intern(m)),
            unit: c.unit.as_deref().map_or(NONE, |u| t.strings.intern(u)),
            entities,
            partition: t.partition(entities, &c.entities, c.modality),
            value: c.value,
            interval: c.interval,
            period: c.period.as_ref().map(|p| period_c(t, p)),
            base_period: c.base_period.as_ref().map(|p| period_c(t, p)),
            document_date: c.document_date,
            date_known: at.date_known,
            date_inferred: c.date_inferred,
            kind: c.kind,
            bound: c.bound,
            measure: c.measure,
            direction: c.direction,
            role: c.role,
            modality: c.modality,
            directional: c.directional,
        }
    }

    /// The claim again, without what the engine does not read (`attribution`, `linked_by`,
    /// `unlinked`, and the sentence unless it was kept).
    fn claim(&self, t: &Tables) -> Claim {
        let s = |i: u32| t.strings.get(i).to_string();
        let opt = |i: u32| (i != NONE).then(|| s(i));
        Claim {
            id: format!("{}:{}", self.doc, self.ordinal),
            fingerprint: if self.fingerprint_sym == NONE {
                format!("{:016x}", self.fingerprint)
            } else {
                s(self.fingerprint_sym)
            },
            source: s(self.source),
            doc_index: self.doc as usize,
            line: self.line as usize,
            column: self.column as usize,
            start: usize::try_from(self.start).unwrap_or(usize::MAX),
            end: usize::try_from(self.end).unwrap_or(usize::MAX),
            text: s(self.text),
            sentence: s(self.sentence),
            kind: self.kind,
            value: self.value,
            interval: self.interval,
            bound: self.bound,
            unit: opt(self.unit),
            measure: self.measure,
            direction: self.direction,
            role: self.role,
            period: self.period.as_ref().map(|p| period_full(t, p)),
            base_period: self.base_period.as_ref().map(|p| period_full(t, p)),
            metric: opt(self.metric),
            entities: t.strings_of(self.entities),
            directional: self.directional,
            modality: self.modality,
            attribution: None,
            linked_by: Vec::new(),
            unlinked: None,
            document_date: self.document_date,
            date_inferred: self.date_inferred,
        }
    }

    fn key(&self) -> (u32, u32) {
        (self.doc, self.ordinal)
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// The ordinals seen in one document, to catch a claim id given twice: a bit set while the
/// ordinals are dense (as claimcheck writes them: 1, 2, 3...), else a hash set.
enum Seen {
    Dense(Vec<u64>),
    Sparse(HashSet<u64>),
}

impl Seen {
    /// False when `o` was seen before.
    fn insert(&mut self, o: u64, count: u64) -> bool {
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
struct DocState {
    index: u32,
    seen: Seen,
    count: u64,
}

/// Per input file: its documents' new indexes, and the lines left out (sorted), which a
/// second reading must leave out too.
#[derive(Default)]
struct FileState {
    docs: HashMap<u64, DocState>,
    bad_lines: Vec<u64>,
    errors: usize,
    /// Read to its end (a file that could not be is reported, and not read again).
    complete: bool,
}

/// What reading the files gave.
struct Loaded<'r> {
    relations: &'r Relations,
    tables: Tables,
    store: Vec<Compact>,
    documents: Vec<DocumentOut>,
    /// Claims per source, for a source without a document record.
    claims_per_source: HashMap<u32, usize>,
    /// Sources in the order first seen (claims or documents).
    source_order: Vec<u32>,
    summary: Summary,
    errors: Vec<ErrorOut>,
    failed: bool,
    files: Vec<FileState>,
    next_doc: u32,
    /// Unlinked reasons, interned while reading.
    reasons: HashMap<String, usize>,
    /// The source of the claim before (claims of a document come together).
    last_source: Option<(Arc<str>, u32)>,
}

impl<'r> Loaded<'r> {
    fn new(relations: &'r Relations) -> Self {
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
    fn lost(&mut self, name: &str, message: &str) {
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

    fn read(&mut self, pool: &rayon::ThreadPool, file: u32, input: &Input) -> io::Result<()> {
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
                self.last_source = Some((Arc::from(claim.source.as_str()), i));
                i
            }
        };
        // The first document record of a source wins; the claims of a document come
        // together, so most lines repeat the one before.
        if let Some(d) = document
            && (d.source() != claim.source || !self.tables.doc_of_source.contains_key(&source))
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
        // As the engine's index: a claim whose interval says nothing is never grouped.
        let empty = claim.interval.low.is_none() && claim.interval.high.is_none();
        if !report::compared(&claim) || empty {
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
    fn finish(mut self) -> Self {
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

// ---------------------------------------------------------------------------------------------
// Checking

/// Check every partition (in parallel) and sort the findings as `report` does.
fn check(
    pool: &rayon::ThreadPool,
    tables: &Tables,
    store: &[Compact],
    relations: &Relations,
) -> Vec<Finding> {
    let mut parts: Vec<Vec<u32>> = vec![Vec::new(); tables.partitions.len()];
    for (i, c) in store.iter().enumerate() {
        parts[c.partition as usize].push(u32::try_from(i).unwrap_or(NONE));
    }
    // Largest first, so that no thread is left with a big one at the end; then in the order
    // first seen (the findings are sorted afterwards anyway).
    let mut parts: Vec<(u32, Vec<u32>)> = (0..).zip(parts).collect();
    parts.sort_by(|(a, ma), (b, mb)| mb.len().cmp(&ma.len()).then(a.cmp(b)));
    let mut findings: Vec<Finding> = pool.install(|| {
        parts
            .par_iter()
            .with_max_len(1)
            .flat_map_iter(|(_, members)| {
                let claims: Vec<Claim> = members
                    .iter()
                    .map(|&i| store[i as usize].claim(tables))
                    .collect();
                engine::check(&claims, relations)
            })
            .collect()
    });
    let pos = |id: &str| -> Option<(usize, usize)> {
        let (d, o) = id_key(id)?;
        let key = (u32::try_from(d).ok()?, u32::try_from(o).ok()?);
        let i = store.binary_search_by_key(&key, Compact::key).ok()?;
        Some((d, usize::try_from(store[i].start).ok()?))
    };
    pool.install(|| report::sort_findings_by(&mut findings, pos));
    findings
}

// ---------------------------------------------------------------------------------------------
// Printing

/// The ids of the claims the chosen format prints: none for json and jsonl (which print every
/// claim from the files), else those of the findings shown (for `--explain`, the finding
/// explained).
fn printed_claims(
    args: &ReportArgs,
    opts: &crate::report::RenderOptions,
    findings: &[Finding],
) -> Vec<(u32, u32)> {
    let wanted: Vec<&Finding> = if let Some(id) = &args.explain {
        let m: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.id.starts_with(id.as_str()))
            .collect();
        if m.len() == 1 { m } else { Vec::new() }
    } else {
        match args.format {
            ReportFormat::Json | ReportFormat::Jsonl => Vec::new(),
            ReportFormat::Sarif => findings
                .iter()
                .filter(|f| matches!(f.verdict, Verdict::Conflict | Verdict::Difference))
                .collect(),
            _ => findings
                .iter()
                .filter(|f| crate::render::report::shown(f, opts))
                .collect(),
        }
    };
    let mut keys: Vec<(u32, u32)> = wanted
        .iter()
        .flat_map(|f| f.claims.iter())
        .filter_map(|id| {
            let (d, o) = id_key(id)?;
            Some((u32::try_from(d).ok()?, u32::try_from(o).ok()?))
        })
        .collect();
    keys.par_sort_unstable();
    keys.dedup();
    keys
}

/// The claims with these ids (sorted), in id order: rebuilt from their records, or, with
/// `full`, read again from their lines (every field, for `--verbose` and `--explain`).
fn claims_of(
    keys: &[(u32, u32)],
    tables: &Tables,
    store: &[Compact],
    files: &[Input],
    full: bool,
) -> io::Result<Vec<Claim>> {
    let records: Vec<&Compact> = keys
        .iter()
        .filter_map(|k| store.binary_search_by_key(k, Compact::key).ok())
        .map(|i| &store[i])
        .collect();
    if !full {
        return Ok(records.par_iter().map(|c| c.claim(tables)).collect());
    }
    // Read the lines in file order, then put the claims in id order.
    let mut at: Vec<(u32, u64, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, c)| (c.file, c.offset, i))
        .collect();
    at.sort_unstable();
    let mut out: Vec<Option<Claim>> = vec![None; records.len()];
    let mut i = 0;
    while i < at.len() {
        let file = at[i].0;
        let input = &files[file as usize];
        let mut r = BufReader::with_capacity(1 << 16, input.reader()?);
        let mut pos = 0u64;
        let mut line = Vec::new();
        while i < at.len() && at[i].0 == file {
            let (_, offset, slot) = at[i];
            r.seek_relative(i64::try_from(offset - pos).unwrap_or(i64::MAX))?;
            line.clear();
            let n = r.read_until(b'\n', &mut line)?;
            pos = offset + n as u64;
            let rec = records[slot];
            let claim = match claims_file::parse_line(strip_newline(&line)) {
                Ok(Item::Claim { mut claim, .. }) => {
                    claim.id = format!("{}:{}", rec.doc, rec.ordinal);
                    claim.doc_index = rec.doc as usize;
                    claim.document_date = rec.document_date;
                    claim.date_inferred = rec.date_inferred;
                    *claim
                }
                _ => {
                    return Err(io::Error::other(format!(
                        "{}: changed while being read (the claim at byte {offset} is gone)",
                        input.name
                    )));
                }
            };
            out[slot] = Some(claim);
            i += 1;
        }
    }
    Ok(out.into_iter().flatten().collect())
}

fn strip_newline(l: &[u8]) -> &[u8] {
    l.strip_suffix(b"\n").unwrap_or(l)
}

/// Every claim of the files, read again, for json and jsonl: in file order and line order,
/// with the ids of the first reading, leaving out the lines the first reading left out.
struct Stream<'a> {
    pool: &'a rayon::ThreadPool,
    files: &'a [Input],
    state: &'a [FileState],
}

impl ClaimSource for Stream<'_> {
    fn each(&self, f: &mut dyn FnMut(&Claim) -> io::Result<()>) -> io::Result<()> {
        for (input, state) in self.files.iter().zip(self.state) {
            if !state.complete {
                // Reported when it was first read.
                continue;
            }
            let reader = input
                .reader()
                .map_err(|e| io::Error::other(format!("{}: {e}", input.name)))?;
            let mut bad = state.bad_lines.iter().peekable();
            let changed = |line: u64| {
                io::Error::other(format!("{}:{line}: changed while being read", input.name))
            };
            blocks(
                reader,
                None,
                |offset, first_line, block| {
                    let ls = lines(offset, first_line, block);
                    let items: Vec<Result<Item, String>> = self.pool.install(|| {
                        ls.par_iter()
                            .map(|(_, _, l)| claims_file::parse_line(l))
                            .collect()
                    });
                    for ((_, line, _), item) in ls.iter().zip(items) {
                        while bad.next_if(|&&b| b < *line).is_some() {}
                        if bad.next_if(|&&b| b == *line).is_some() {
                            continue;
                        }
                        match item {
                            Ok(Item::Claim {
                                doc,
                                ordinal,
                                mut claim,
                                ..
                            }) => {
                                let d = state.docs.get(&doc).ok_or_else(|| changed(*line))?;
                                claim.id = format!("{}:{ordinal}", d.index);
                                claim.doc_index = d.index as usize;
                                f(&claim)?;
                            }
                            Ok(_) => {}
                            Err(_) => return Err(changed(*line)),
                        }
                    }
                    Ok(())
                },
                |_| {},
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compact_claim_is_small() {
        // The README's memory per claim says so.
        let size = std::mem::size_of::<Compact>();
        assert!(size <= 208, "{size} bytes");
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
}
