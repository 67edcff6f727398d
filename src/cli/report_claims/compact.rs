//! The compact record kept for each claim the engine compares, with its strings interned:
//! millions of claims fit in memory as these, and are rebuilt into [`Claim`]s when needed.

use std::sync::Arc;

use foldhash::HashMap;
use jiff::civil::Date;
use rust_decimal::Decimal;

use super::NONE;
use crate::claim::{Claim, ClaimPeriod, Modality, PartOf, ShareOf};
use crate::engine;
use crate::interval::Interval;
use crate::quantity::{Direction, Kind, Measure, Role};
use crate::rules::BoundKind;

/// Strings stored once, numbered in the order first seen.
#[derive(Default)]
pub(super) struct Interner {
    ids: HashMap<Arc<str>, u32>,
    all: Vec<Arc<str>>,
}

impl Interner {
    pub(super) fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = u32::try_from(self.all.len()).unwrap_or(NONE - 1);
        let a: Arc<str> = Arc::from(s);
        self.all.push(a.clone());
        self.ids.insert(a, i);
        i
    }

    pub(super) fn get(&self, i: u32) -> &str {
        if i == NONE {
            return "";
        }
        self.all.get(i as usize).map_or("", |s| s)
    }
}

/// Everything interned, shared by the records.
#[derive(Default)]
pub(super) struct Tables {
    pub(super) strings: Interner,
    /// Entity lists, as lists of interned strings.
    lists: Vec<Box<[u32]>>,
    list_ids: HashMap<Box<[u32]>, u32>,
    /// Partitions ([`engine::partition_key`]), numbered in the order first seen.
    pub(super) partitions: HashMap<(Box<[u32]>, Modality), u32>,
    /// The partition of an entity list and a modality.
    partition_of: HashMap<(u32, Modality), u32>,
    scratch: Vec<u32>,
    /// Documents by source (index into the documents).
    pub(super) doc_of_source: HashMap<u32, usize>,
    /// The date of each document (parsed once), by document.
    pub(super) doc_dates: Vec<(Option<Date>, bool)>,
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

    /// The partition of claims about the entity list `list` in `modality`, if any claim has
    /// them.
    pub(super) fn partition_of(&self, list: u32, modality: Modality) -> Option<u32> {
        self.partition_of.get(&(list, modality)).copied()
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
pub(super) struct Compact {
    /// The document index after renumbering, and the ordinal of the id.
    pub(super) doc: u32,
    pub(super) ordinal: u32,
    /// Which input file, and the byte offset of the line in it.
    pub(super) file: u32,
    pub(super) offset: u64,
    line: u32,
    column: u32,
    pub(super) start: u64,
    end: u64,
    /// The fingerprint when it is 16 hex digits (as claimcheck writes it), else interned in
    /// `fingerprint_sym`.
    fingerprint: u64,
    fingerprint_sym: u32,
    pub(super) source: u32,
    text: u32,
    /// Only when a check reads it, else [`NONE`] (empty).
    sentence: u32,
    metric: u32,
    unit: u32,
    entities: u32,
    /// The partition ([`engine::partition_key`]).
    pub(super) partition: u32,
    value: Option<Decimal>,
    interval: Interval,
    period: Option<PeriodC>,
    base_period: Option<PeriodC>,
    /// A breakdown item's category (interned, [`NONE`] when it is no item) and how many bytes
    /// before the item its total starts.
    part_of: u32,
    part_of_back: u32,
    /// A share's whole (an interned entity list, [`NONE`] when the claim is no share) and how
    /// many bytes before the share its part starts ([`NONE`] when it has none).
    pub(super) share_whole: u32,
    share_back: u32,
    /// The document's date, when the claim line carries its document; else taken from the
    /// document line of its source when the files are read.
    pub(super) document_date: Option<Date>,
    pub(super) date_known: bool,
    pub(super) date_inferred: bool,
    kind: Kind,
    bound: BoundKind,
    measure: Measure,
    direction: Option<Direction>,
    role: Option<Role>,
    pub(super) modality: Modality,
    directional: bool,
}

/// Where a claim is: its id after renumbering, its line, and whether its line gave its
/// document (and so its date).
#[derive(Debug, Clone, Copy)]
pub(super) struct At {
    pub(super) source: u32,
    pub(super) doc: u32,
    pub(super) ordinal: u32,
    pub(super) file: u32,
    pub(super) offset: u64,
    pub(super) date_known: bool,
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
    pub(super) fn new(t: &mut Tables, c: &Claim, sentence: Option<&str>, at: At) -> Self {
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
            part_of: c
                .part_of
                .as_ref()
                .filter(|p| u32::try_from(c.start.wrapping_sub(p.total_start)).is_ok())
                .map_or(NONE, |p| t.strings.intern(&p.category)),
            part_of_back: c
                .part_of
                .as_ref()
                .and_then(|p| u32::try_from(c.start.wrapping_sub(p.total_start)).ok())
                .unwrap_or(0),
            share_whole: c.share_of.as_ref().map_or(NONE, |s| t.list(&s.whole)),
            share_back: c
                .share_of
                .as_ref()
                .and_then(|s| s.part_start)
                .and_then(|p| u32::try_from(c.start.checked_sub(p)?).ok())
                .filter(|&b| b != NONE)
                .unwrap_or(NONE),
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
    pub(super) fn claim(&self, t: &Tables) -> Claim {
        let s = |i: u32| t.strings.get(i).to_string();
        let opt = |i: u32| (i != NONE).then(|| s(i));
        Claim {
            id: format!("{}:{}", self.doc, self.ordinal),
            fingerprint: if self.fingerprint_sym == NONE {
                format!("{:016x}", self.fingerprint)
            } else {
                s(self.fingerprint_sym)
            },
            source: s(self.source).into(),
            doc_index: self.doc as usize,
            line: self.line as usize,
            column: self.column as usize,
            start: usize::try_from(self.start).unwrap_or(usize::MAX),
            end: usize::try_from(self.end).unwrap_or(usize::MAX),
            text: s(self.text),
            sentence: s(self.sentence).into(),
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
            part_of: (self.part_of != NONE).then(|| PartOf {
                category: s(self.part_of),
                total_start: usize::try_from(self.start)
                    .unwrap_or(usize::MAX)
                    .wrapping_sub(self.part_of_back as usize),
            }),
            share_of: (self.share_whole != NONE).then(|| ShareOf {
                part_start: (self.share_back != NONE).then(|| {
                    usize::try_from(self.start)
                        .unwrap_or(usize::MAX)
                        .wrapping_sub(self.share_back as usize)
                }),
                whole: t.strings_of(self.share_whole),
            }),
            document_date: self.document_date,
            date_inferred: self.date_inferred,
        }
    }

    pub(super) fn key(&self) -> (u32, u32) {
        (self.doc, self.ordinal)
    }
}
