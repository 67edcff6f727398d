//! Claims files: the JSON Lines that `claimcheck claims --format jsonl` and `claimcheck report
//! --format jsonl` write, read back into [`Claim`]s (for `claimcheck report --claims`).
//!
//! One line is one object tagged with `type`. `claim` lines become claims; `document` lines
//! give a document's metadata (a `claims` line carries it in its `document` field instead);
//! `finding`, `summary` and `error` lines are what an earlier report concluded and are
//! ignored. Any other line (another `type`, no `type`, broken JSON, a field of the wrong
//! shape) is an error with a message saying what is wrong; the caller reports it as
//! `file:line: message`.
//!
//! The fields are those [`crate::render::claims::ClaimOut`] writes, read with the same names
//! and spellings, so a claim read back is the claim that was written (decimals are written
//! normalized, so `2.50` comes back as `2.5`: the same number). Fields a claim can do without
//! (`value`, `direction`, `role`, `attribution`, `linked_by`, `unlinked`, `sentence`,
//! `document`) may be absent; unknown fields are ignored, so a newer writer's additions do not
//! break an older reader.

use std::borrow::Cow;
use std::str::FromStr;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::claim::{Claim, ClaimPeriod, Modality};
use crate::extract::{SCHEMA_VERSION, kind_name};
use crate::interval::{Endpoint, Interval};
use crate::quantity::{Direction, Kind, Measure, Role};
use crate::render::json::DocumentOut;
use crate::rules::BoundKind;

/// What one line of a claims file holds.
#[derive(Debug)]
pub enum Item {
    /// A claim, with the document index and ordinal of its id (`3:12` -> 3, 12) as the run
    /// that wrote it numbered them, and the document it embeds (`claims --format jsonl`).
    Claim {
        doc: u64,
        ordinal: u64,
        claim: Box<Claim>,
        document: Option<Box<DocumentOut>>,
    },
    /// A document's metadata (a `document` line of `report --format jsonl`).
    Document(Box<DocumentOut>),
    /// A finding, summary or error line: an earlier run's conclusions, not input.
    Ignored,
    /// An empty line.
    Blank,
}

/// A line read for checking only ([`parse_line_light`]): a claim's heavy parts are left
/// borrowed from the line, or out.
#[derive(Debug)]
pub enum Light<'a> {
    /// A claim without `attribution`, `linked_by` and `sentence` (given apart, borrowed when
    /// the line has no escape in it), and its document, not yet checked ([`LightDocument`]).
    Claim {
        doc: u64,
        ordinal: u64,
        claim: Box<Claim>,
        sentence: Cow<'a, str>,
        document: Option<LightDocument<'a>>,
    },
    Document(LightDocument<'a>),
    Ignored,
    Blank,
}

/// A document record as a line spells it, borrowed; [`LightDocument::into_document`] reads it.
#[derive(Debug)]
pub struct LightDocument<'a>(DocumentIn<'a>);

impl LightDocument<'_> {
    /// Its source.
    pub fn source(&self) -> &str {
        &self.0.source.0
    }

    /// The document.
    ///
    /// # Errors
    /// An unknown status.
    pub fn into_document(self) -> Result<DocumentOut, String> {
        self.0.into_out()
    }
}

/// A string, borrowed from the line when it has no escape in it.
#[derive(Debug, Default)]
struct Str<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v))
            }
        }
        d.deserialize_str(V).map(Str)
    }
}

impl Str<'_> {
    fn own(self) -> String {
        self.0.into_owned()
    }
}

fn own(s: Option<Str<'_>>) -> Option<String> {
    s.map(Str::own)
}

/// The `type` of a line (read first when the line does not start the way claimcheck writes
/// claims, so any field order is accepted).
#[derive(Deserialize)]
struct Tag<'a> {
    #[serde(rename = "type", borrow)]
    item: Option<Str<'a>>,
}

/// A period as a claim line spells it.
#[derive(Deserialize)]
struct PeriodIn<'a> {
    start: Option<Date>,
    end: Option<Date>,
    #[serde(borrow)]
    label: Str<'a>,
    cumulative: bool,
    #[serde(default)]
    instant: Option<Date>,
    #[serde(default)]
    inherited: bool,
}

impl From<PeriodIn<'_>> for ClaimPeriod {
    fn from(p: PeriodIn<'_>) -> Self {
        Self {
            start: p.start,
            end: p.end,
            label: p.label.own(),
            cumulative: p.cumulative,
            instant: p.instant,
            inherited: p.inherited,
        }
    }
}

/// A document as a `document` line or a claim's `document` field spells it.
#[derive(Debug, Deserialize)]
struct DocumentIn<'a> {
    /// On a `document` line (a claim's `document` has none).
    #[serde(default)]
    schema_version: Option<u32>,
    #[serde(borrow)]
    source: Str<'a>,
    #[serde(default, borrow)]
    title: Option<Str<'a>>,
    #[serde(default, borrow)]
    outlet: Option<Str<'a>>,
    #[serde(default, borrow)]
    url: Option<Str<'a>>,
    #[serde(default, borrow)]
    date: Option<Str<'a>>,
    #[serde(default)]
    date_inferred: bool,
    #[serde(borrow)]
    status: Str<'a>,
    #[serde(default, borrow)]
    notes: Vec<Str<'a>>,
    mentions: usize,
}

impl DocumentIn<'_> {
    fn into_out(self) -> Result<DocumentOut, String> {
        let status = match &*self.status.0 {
            "read" => "read",
            "skipped" => "skipped",
            "error" => "error",
            other => {
                return Err(format!(
                    "document status `{other}` is not one of `read`, `skipped`, `error`"
                ));
            }
        };
        Ok(DocumentOut {
            source: self.source.own(),
            title: own(self.title),
            outlet: own(self.outlet),
            url: own(self.url),
            date: own(self.date),
            date_inferred: self.date_inferred,
            status,
            notes: self.notes.into_iter().map(Str::own).collect(),
            mentions: self.mentions,
        })
    }

    /// An error when the status or the date cannot be read.
    fn check(&self) -> Result<(), String> {
        if !matches!(&*self.status.0, "read" | "skipped" | "error") {
            return Err(format!(
                "document status `{}` is not one of `read`, `skipped`, `error`",
                self.status.0
            ));
        }
        self.date().map(|_| ())
    }

    /// The document's date and whether it was inferred.
    fn date(&self) -> Result<(Option<Date>, bool), String> {
        let date = match self.date.as_ref() {
            Some(d) => Some(
                Date::from_str(&d.0)
                    .map_err(|e| format!("`document.date`: `{}` is not a date ({e})", d.0))?,
            ),
            None => None,
        };
        Ok((date, self.date_inferred))
    }
}

/// A claim line, as [`crate::render::claims::ClaimOut`] writes it; `L` and `A` read
/// `linked_by` and `attribution` ([`IgnoredAny`] skips them, for checking only).
#[derive(Deserialize)]
struct ClaimIn<'a, L, A> {
    #[serde(default)]
    schema_version: Option<u32>,
    #[serde(borrow)]
    id: Str<'a>,
    #[serde(borrow)]
    fingerprint: Str<'a>,
    #[serde(borrow)]
    source: Str<'a>,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    #[serde(borrow)]
    text: Str<'a>,
    #[serde(borrow)]
    kind: Str<'a>,
    #[serde(default, borrow)]
    value: Option<Str<'a>>,
    #[serde(borrow)]
    low: Option<Str<'a>>,
    #[serde(borrow)]
    high: Option<Str<'a>>,
    low_inclusive: Option<bool>,
    high_inclusive: Option<bool>,
    bound: BoundKind,
    #[serde(borrow)]
    unit: Option<Str<'a>>,
    #[serde(borrow)]
    measure: Str<'a>,
    #[serde(default, borrow)]
    direction: Option<Str<'a>>,
    #[serde(default, borrow)]
    role: Option<Str<'a>>,
    #[serde(borrow)]
    period: Option<PeriodIn<'a>>,
    #[serde(borrow)]
    base_period: Option<PeriodIn<'a>>,
    #[serde(borrow)]
    metric: Option<Str<'a>>,
    #[serde(borrow)]
    entities: Vec<Str<'a>>,
    directional: bool,
    #[serde(borrow)]
    modality: Str<'a>,
    #[serde(default)]
    attribution: A,
    #[serde(default)]
    linked_by: L,
    #[serde(default, borrow)]
    unlinked: Option<Str<'a>>,
    #[serde(default, borrow)]
    part_of: Option<PartOfIn<'a>>,
    #[serde(default, borrow)]
    share_of: Option<ShareOfIn<'a>>,
    #[serde(default, borrow)]
    sentence: Str<'a>,
    #[serde(default, borrow)]
    document: Option<DocumentIn<'a>>,
}

/// A claim's `part_of`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartOfIn<'a> {
    #[serde(borrow)]
    category: Str<'a>,
    total_start: usize,
}

/// A claim's `share_of`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShareOfIn<'a> {
    part_start: Option<usize>,
    #[serde(borrow)]
    whole: Vec<Str<'a>>,
}

/// The beginning of every claim line claimcheck writes: such a line is read as a claim
/// straight away, without reading its `type` first.
const CLAIM_PREFIX: &[u8] = b"{\"schema_version\":1,\"type\":\"claim\",";

/// Read one line (without its line break).
///
/// # Errors
/// What is wrong with the line, in one sentence (no file or line number: the caller adds
/// them).
pub fn parse_line(line: &[u8]) -> Result<Item, String> {
    let line = trim(line);
    Ok(match what(line)? {
        What::Claim => {
            let (doc, ordinal, claim, document) = full_claim(line)?;
            Item::Claim {
                doc,
                ordinal,
                claim: Box::new(claim),
                document: document.map(Box::new),
            }
        }
        What::Document(d) => Item::Document(Box::new(d.into_out()?)),
        What::Ignored => Item::Ignored,
        What::Blank => Item::Blank,
    })
}

/// [`parse_line`], without what checking claims does not need: a claim comes without
/// `attribution` and `linked_by`, its sentence apart (borrowed from the line when it can be),
/// its document unread. The line is validated as fully as by [`parse_line`].
///
/// # Errors
/// As [`parse_line`].
pub fn parse_line_light(line: &[u8]) -> Result<Light<'_>, String> {
    let line = trim(line);
    Ok(match what(line)? {
        What::Claim => light_claim(line)?,
        What::Document(d) => Light::Document(LightDocument(d)),
        What::Ignored => Light::Ignored,
        What::Blank => Light::Blank,
    })
}

fn trim(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// What a line is (a document line is read whole, being small).
enum What<'a> {
    Claim,
    Document(DocumentIn<'a>),
    Ignored,
    Blank,
}

fn what(line: &[u8]) -> Result<What<'_>, String> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(What::Blank);
    }
    if line.starts_with(CLAIM_PREFIX) {
        return Ok(What::Claim);
    }
    let tag: Tag<'_> = serde_json::from_slice(line).map_err(|e| json_error(&e))?;
    match tag.item.as_ref().map(|t| &*t.0) {
        Some("claim") => Ok(What::Claim),
        Some("document") => {
            let d: DocumentIn<'_> = serde_json::from_slice(line).map_err(|e| json_error(&e))?;
            check_schema(d.schema_version)?;
            d.check()?;
            Ok(What::Document(d))
        }
        Some("finding" | "summary" | "error") => Ok(What::Ignored),
        Some(other) => Err(format!(
            "a `{other}` line is not a claim (claims files are written by `claimcheck claims \
             --format jsonl` or `claimcheck report --format jsonl`)"
        )),
        None => Err("no `type` field (expected `\"type\":\"claim\"`)".into()),
    }
}

fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    // serde_json appends ` at line 1 column N`; the line is the caller's to say.
    match msg.rsplit_once(" at line 1 column ") {
        Some((m, col)) => format!("{m} (column {col})"),
        None => msg,
    }
}

fn check_schema(v: Option<u32>) -> Result<(), String> {
    match v {
        Some(v) if v != SCHEMA_VERSION => Err(format!(
            "schema_version {v} is not supported (this claimcheck reads {SCHEMA_VERSION})"
        )),
        _ => Ok(()),
    }
}

/// The full forms of `linked_by` and `attribution`.
type Full<'a> = ClaimIn<'a, Vec<Str<'a>>, Option<Str<'a>>>;

/// A claim line read without `linked_by` and `attribution`.
type Lean<'a> = ClaimIn<'a, IgnoredAny, IgnoredAny>;

fn light_claim(line: &[u8]) -> Result<Light<'_>, String> {
    let mut c: Lean<'_> = serde_json::from_slice(line).map_err(|e| json_error(&e))?;
    let sentence = std::mem::take(&mut c.sentence).0;
    let document = c.document.take();
    if let Some(d) = &document {
        // A bad document is the line's error.
        d.check()?;
    }
    let (doc, ordinal, mut claim) = convert(c, |_| (None, Vec::new()), false)?;
    if let Some(d) = &document {
        (claim.document_date, claim.date_inferred) = d.date()?;
    }
    Ok(Light::Claim {
        doc,
        ordinal,
        claim: Box::new(claim),
        sentence,
        document: document.map(LightDocument),
    })
}

fn full_claim(line: &[u8]) -> Result<(u64, u64, Claim, Option<DocumentOut>), String> {
    let mut c: Full<'_> = serde_json::from_slice(line).map_err(|e| json_error(&e))?;
    let document = c.document.take();
    let heavy =
        |c: (Option<Str<'_>>, Vec<Str<'_>>)| (own(c.0), c.1.into_iter().map(Str::own).collect());
    let (doc, ordinal, mut claim) = convert(c, heavy, true)?;
    let document = match document {
        Some(d) => {
            (claim.document_date, claim.date_inferred) = d.date()?;
            Some(d.into_out()?)
        }
        None => None,
    };
    Ok((doc, ordinal, claim, document))
}

/// The claim of a line; `heavy` gives its attribution and how it was linked, and `sentence`
/// says whether to keep its sentence.
fn convert<'a, L, A>(
    c: ClaimIn<'a, L, A>,
    heavy: impl FnOnce((A, L)) -> (Option<String>, Vec<String>),
    sentence: bool,
) -> Result<(u64, u64, Claim), String> {
    let (attribution, linked_by) = heavy((c.attribution, c.linked_by));
    check_schema(c.schema_version)?;
    let (doc, ordinal) = split_id(&c.id.0)?;
    let decimal = |field: &str, v: Option<Str<'_>>| -> Result<Option<Decimal>, String> {
        v.map(|s| {
            Decimal::from_str_exact(&s.0)
                .or_else(|_| Decimal::from_str(&s.0))
                .map_err(|e| format!("`{field}`: `{}` is not a decimal number ({e})", s.0))
        })
        .transpose()
    };
    let endpoint = |field: &str,
                    v: Option<Decimal>,
                    inclusive: Option<bool>|
     -> Result<Option<Endpoint>, String> {
        match (v, inclusive) {
            (None, _) => Ok(None),
            (Some(value), Some(inclusive)) => Ok(Some(Endpoint { value, inclusive })),
            (Some(_), None) => Err(format!("`{field}` is given but `{field}_inclusive` is not")),
        }
    };
    let value = decimal("value", c.value)?;
    let low = decimal("low", c.low)?;
    let high = decimal("high", c.high)?;
    let interval = Interval::new(
        endpoint("low", low, c.low_inclusive)?,
        endpoint("high", high, c.high_inclusive)?,
    );
    let claim = Claim {
        id: c.id.own(),
        fingerprint: c.fingerprint.own(),
        source: c.source.own().into(),
        doc_index: usize::try_from(doc).unwrap_or(usize::MAX),
        line: c.line,
        column: c.column,
        start: c.start,
        end: c.end,
        text: c.text.own(),
        sentence: if sentence {
            c.sentence.own().into()
        } else {
            "".into()
        },
        kind: kind(&c.kind.0)?,
        value,
        interval,
        bound: c.bound,
        unit: own(c.unit),
        measure: measure(&c.measure.0)?,
        direction: c.direction.as_ref().map(|d| direction(&d.0)).transpose()?,
        role: c.role.as_ref().map(|r| role(&r.0)).transpose()?,
        period: c.period.map(Into::into),
        base_period: c.base_period.map(Into::into),
        metric: own(c.metric),
        entities: c.entities.into_iter().map(Str::own).collect(),
        directional: c.directional,
        modality: modality(&c.modality.0)?,
        attribution,
        linked_by,
        unlinked: own(c.unlinked),
        part_of: c.part_of.map(|p| crate::claim::PartOf {
            category: p.category.own(),
            total_start: p.total_start,
        }),
        share_of: c.share_of.map(|s| crate::claim::ShareOf {
            part_start: s.part_start,
            whole: s.whole.into_iter().map(Str::own).collect(),
        }),
        document_date: None,
        date_inferred: false,
    };
    Ok((doc, ordinal, claim))
}

/// `3:12` -> (3, 12).
fn split_id(id: &str) -> Result<(u64, u64), String> {
    let parsed = id
        .split_once(':')
        .and_then(|(d, o)| Some((d.parse().ok()?, o.parse().ok()?)));
    parsed.ok_or_else(|| format!("claim id `{id}` is not `<document>:<ordinal>`"))
}

/// Look `s` up among `all` by the name `name` gives each; the error lists the names.
fn by_name<T: Copy>(
    field: &str,
    s: &str,
    all: &[T],
    name: impl Fn(T) -> String,
) -> Result<T, String> {
    all.iter().copied().find(|&v| name(v) == s).ok_or_else(|| {
        let names: Vec<String> = all.iter().map(|&v| format!("`{}`", name(v))).collect();
        format!("`{field}`: `{s}` is not one of {}", names.join(", "))
    })
}

/// The name serde gives a unit variant (the same spelling the writers use).
fn serde_name<T: serde::Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Every kind. The match makes adding a variant without listing it here a compile error.
const KINDS: [Kind; 6] = {
    const fn listed(k: Kind) {
        match k {
            Kind::Currency
            | Kind::Percent
            | Kind::PercentagePoints
            | Kind::Count
            | Kind::Number
            | Kind::Rank => {}
        }
    }
    listed(Kind::Currency);
    [
        Kind::Currency,
        Kind::Percent,
        Kind::PercentagePoints,
        Kind::Count,
        Kind::Number,
        Kind::Rank,
    ]
};

const MEASURES: [Measure; 3] = {
    const fn listed(m: Measure) {
        match m {
            Measure::Level | Measure::Change | Measure::Rank => {}
        }
    }
    listed(Measure::Level);
    [Measure::Level, Measure::Change, Measure::Rank]
};

const DIRECTIONS: [Direction; 2] = {
    const fn listed(d: Direction) {
        match d {
            Direction::Increase | Direction::Decrease => {}
        }
    }
    listed(Direction::Increase);
    [Direction::Increase, Direction::Decrease]
};

const ROLES: [Role; 2] = {
    const fn listed(r: Role) {
        match r {
            Role::From | Role::To => {}
        }
    }
    listed(Role::From);
    [Role::From, Role::To]
};

const MODALITIES: [Modality; 4] = {
    const fn listed(m: Modality) {
        match m {
            Modality::Actual | Modality::Target | Modality::Forecast | Modality::Plan => {}
        }
    }
    listed(Modality::Actual);
    [
        Modality::Actual,
        Modality::Target,
        Modality::Forecast,
        Modality::Plan,
    ]
};

fn kind(s: &str) -> Result<Kind, String> {
    by_name("kind", s, &KINDS, |k| kind_name(k).to_string())
}

fn measure(s: &str) -> Result<Measure, String> {
    by_name("measure", s, &MEASURES, serde_name)
}

fn direction(s: &str) -> Result<Direction, String> {
    by_name("direction", s, &DIRECTIONS, serde_name)
}

fn role(s: &str) -> Result<Role, String> {
    by_name("role", s, &ROLES, serde_name)
}

fn modality(s: &str) -> Result<Modality, String> {
    match s {
        // The common case without a lookup.
        "actual" => Ok(Modality::Actual),
        _ => by_name("modality", s, &MODALITIES, serde_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::claims::ClaimOut;

    fn sample() -> Claim {
        Claim {
            id: "3:12".into(),
            fingerprint: "0123456789abcdef".into(),
            source: "dir/a \"b\".md".into(),
            doc_index: 3,
            line: 7,
            column: 5,
            start: 100,
            end: 117,
            text: "about $2.50 billion".into(),
            sentence: "Trade was about $2.50 billion\nin 2021.".into(),
            kind: Kind::Currency,
            value: Some(Decimal::new(2_500_000_000, 0)),
            interval: Interval::new(
                Some(Endpoint::closed(Decimal::new(225, 2))),
                Some(Endpoint::open(Decimal::new(275, 2))),
            ),
            bound: BoundKind::Approx,
            unit: Some("USD".into()),
            measure: Measure::Change,
            direction: Some(Direction::Decrease),
            role: Some(Role::To),
            period: Some(ClaimPeriod {
                start: Some(jiff::civil::date(2021, 1, 1)),
                end: None,
                label: "since 2021".into(),
                cumulative: true,
                instant: Some(jiff::civil::date(2021, 6, 30)),
                inherited: true,
            }),
            base_period: None,
            metric: Some("trade_total".into()),
            entities: vec!["KZ".into(), "US".into()],
            directional: false,
            modality: Modality::Forecast,
            attribution: Some("the ministry".into()),
            linked_by: vec!["metric `trade_total` from \"trade\"".into()],
            unlinked: None,
            part_of: Some(crate::claim::PartOf {
                category: "Peace & \"Security\"".into(),
                total_start: 42,
            }),
            share_of: Some(crate::claim::ShareOf {
                part_start: Some(7),
                whole: vec!["UZ".into(), "WORLD \"total\"".into()],
            }),
            document_date: Some(jiff::civil::date(2023, 3, 1)),
            date_inferred: true,
        }
    }

    fn document() -> DocumentOut {
        DocumentOut {
            source: "dir/a \"b\".md".into(),
            title: Some("T".into()),
            outlet: None,
            url: Some("https://example.org".into()),
            date: Some("2023-03-01".into()),
            date_inferred: true,
            status: "read",
            notes: vec!["a note".into()],
            mentions: 9,
        }
    }

    #[test]
    fn a_claim_line_reads_back_as_the_claim_written() {
        let c = sample();
        let d = document();
        let line = serde_json::to_string(&ClaimOut::new(&c, Some(&d))).unwrap();
        let Item::Claim {
            doc,
            ordinal,
            claim,
            document,
        } = parse_line(line.as_bytes()).unwrap()
        else {
            panic!("not a claim");
        };
        assert_eq!((doc, ordinal), (3, 12));
        assert_eq!(*claim, c);
        let back = document.unwrap();
        assert_eq!(
            serde_json::to_value(&*back).unwrap(),
            serde_json::to_value(&d).unwrap()
        );
        // Written again, it is the same line.
        assert_eq!(
            serde_json::to_string(&ClaimOut::new(&claim, Some(&back))).unwrap(),
            line
        );
    }

    #[test]
    fn every_variant_reads_back() {
        for k in KINDS {
            assert_eq!(kind(kind_name(k)).unwrap(), k);
        }
        for m in MEASURES {
            assert_eq!(measure(&serde_name(m)).unwrap(), m);
        }
        for d in DIRECTIONS {
            assert_eq!(direction(&serde_name(d)).unwrap(), d);
        }
        for r in ROLES {
            assert_eq!(role(&serde_name(r)).unwrap(), r);
        }
        for m in MODALITIES {
            assert_eq!(modality(&serde_name(m)).unwrap(), m);
        }
    }

    #[test]
    fn field_order_does_not_matter_and_other_types_are_sorted_out() {
        let c = sample();
        let v = serde_json::to_value(ClaimOut::new(&c, None)).unwrap();
        let mut fields: Vec<(String, serde_json::Value)> =
            v.as_object().unwrap().clone().into_iter().collect();
        fields.reverse();
        let reordered = serde_json::Value::Object(fields.into_iter().collect()).to_string();
        assert!(matches!(
            parse_line(reordered.as_bytes()),
            Ok(Item::Claim { .. })
        ));
        assert!(matches!(parse_line(b"  \r"), Ok(Item::Blank)));
        assert!(matches!(
            parse_line(br#"{"type":"finding","period":"2021"}"#),
            Ok(Item::Ignored)
        ));
        let doc = br#"{"schema_version":1,"type":"document","source":"a.md","title":null,"outlet":null,"url":null,"date":null,"date_inferred":false,"status":"read","notes":[],"mentions":2}"#;
        assert!(matches!(parse_line(doc), Ok(Item::Document(d)) if d.mentions == 2));
    }

    #[test]
    fn broken_lines_say_what_is_wrong() {
        let err = |s: &str| parse_line(s.as_bytes()).unwrap_err();
        assert!(
            err("{\"type\":\"claim\"").contains("EOF"),
            "{}",
            err("{\"type\":\"claim\"")
        );
        assert!(err(r#"{"type":"quantity"}"#).contains("`quantity` line is not a claim"));
        assert!(err(r#"{"a":1}"#).contains("no `type`"));
        assert!(
            err("not json").contains("(column 2)"),
            "{}",
            err("not json")
        );
        let c = sample();
        let line = serde_json::to_string(&ClaimOut::new(&c, None)).unwrap();
        let bad = line.replace("\"3:12\"", "\"x\"");
        assert!(err(&bad).contains("claim id `x`"));
        let bad = line.replace("\"forecast\"", "\"hope\"");
        assert!(
            err(&bad).contains("`modality`: `hope` is not one of"),
            "{}",
            err(&bad)
        );
        let bad = line.replace("\"2.25\"", "\"2x25\"");
        assert!(err(&bad).contains("`low`"), "{}", err(&bad));
        let bad = line.replace("\"schema_version\":1", "\"schema_version\":2");
        assert!(err(&bad).contains("schema_version 2"));
        let bad = line.replace("\"line\":7", "\"line\":-7");
        assert!(
            err(&bad).contains("expected usize (column "),
            "{}",
            err(&bad)
        );
    }
}
