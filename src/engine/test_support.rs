//! Hand-built claims for the engine's tests, with intervals by the devset conventions (a plain
//! figure is +/- half a unit of its last written digit, `about` is +/-10%, `nearly` is
//! [0.9x, x), `more than` is open and unbounded, `tens of billions` is [2e10, 1e11)).

use std::str::FromStr;

use jiff::civil::{Date, date};
use rust_decimal::Decimal;

use crate::claim::{Claim, ClaimPeriod, Modality};
use crate::interval::{Endpoint, Interval};
use crate::quantity::{Direction, Kind, Measure, Role};
use crate::rules::BoundKind;

use super::Relations;

/// The shipped relations, with every metric id the tests use known.
pub fn relations() -> Relations {
    Relations::parse(
        "relations.toml",
        include_str!("../../rules/relations.toml"),
        &|_| true,
    )
    .unwrap()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A figure read from text the way the quantity parser would read it.
pub fn figure(text: &str) -> (Kind, Option<String>, Option<Decimal>, Interval, BoundKind) {
    let lower = text.to_lowercase();
    if lower.contains("tens of billions") {
        let iv = Interval::new(
            Some(Endpoint::closed(d("20000000000"))),
            Some(Endpoint::open(d("100000000000"))),
        );
        return (
            Kind::Currency,
            Some("USD".into()),
            None,
            iv,
            BoundKind::Vague,
        );
    }
    let (bound, rest) = [
        ("about ", BoundKind::Approx),
        ("approximately ", BoundKind::Approx),
        ("around ", BoundKind::Approx),
        ("more than ", BoundKind::Gt),
        ("over ", BoundKind::Gt),
        ("exceeded ", BoundKind::Gt),
        ("at least ", BoundKind::Ge),
        ("up to ", BoundKind::Lt),
        ("nearly ", BoundKind::Nearly),
        ("almost ", BoundKind::Nearly),
    ]
    .into_iter()
    .find_map(|(p, b)| lower.strip_prefix(p).map(|r| (b, r)))
    .unwrap_or((BoundKind::Rounded, lower.as_str()));
    let start = rest.find(|c: char| c.is_ascii_digit() || c == '-').unwrap();
    let lit_end = rest[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.' || c == '-'))
        .map_or(rest.len(), |e| start + e);
    let lit: String = rest[start..lit_end].chars().filter(|&c| c != ',').collect();
    let lit = d(&lit);
    let after = &rest[lit_end..];
    let scale = if after.contains("trillion") {
        d("1000000000000")
    } else if after.contains("billion") || after.contains("bn") {
        d("1000000000")
    } else if after.contains("million") || after.contains("mln") || after.contains("mn") {
        d("1000000")
    } else {
        Decimal::ONE
    };
    let (kind, unit) = if after.contains('%') || after.contains("percent") {
        (Kind::Percent, Some("percent".to_string()))
    } else if after.starts_with("th")
        || after.starts_with("st")
        || after.starts_with("nd")
        || after.starts_with("rd")
    {
        (Kind::Rank, None)
    } else if rest.contains("kzt") || rest.contains("tenge") {
        (Kind::Currency, Some("KZT".to_string()))
    } else {
        (Kind::Currency, Some("USD".to_string()))
    };
    let value = lit * scale;
    let half = Decimal::new(5, lit.scale() + 1) * scale;
    let rounded = Interval::closed(value - half, value + half);
    let iv = match bound {
        _ if kind == Kind::Rank => Interval::point(value),
        BoundKind::Rounded => rounded,
        BoundKind::Approx => {
            let t = (value.abs() * d("0.1")).max(half);
            Interval::closed(value - t, value + t)
        }
        BoundKind::Gt => Interval::new(Some(Endpoint::open(value)), None),
        BoundKind::Ge => Interval::new(Some(Endpoint::closed(value)), None),
        BoundKind::Lt => Interval::new(None, Some(Endpoint::open(value))),
        BoundKind::Nearly => Interval::new(
            Some(Endpoint::closed(value * d("0.9"))),
            Some(Endpoint::open(value)),
        ),
        _ => unreachable!(),
    };
    let bound = if kind == Kind::Rank {
        BoundKind::Exact
    } else {
        bound
    };
    (kind, unit, Some(value), iv, bound)
}

/// A claim builder.
#[derive(Debug, Clone)]
pub struct B(pub Claim);

/// A level claim `id` (`"<doc>:<ordinal>"`) of a metric between entities, with a figure.
pub fn claim(id: &str, metric: &str, entities: &[&str], text: &str) -> B {
    let (doc, ord) = id.split_once(':').unwrap();
    let doc_index: usize = doc.parse().unwrap();
    let ord: usize = ord.parse().unwrap();
    let (kind, unit, value, interval, bound) = figure(text);
    let measure = if kind == Kind::Rank {
        Measure::Rank
    } else {
        Measure::Level
    };
    B(Claim {
        id: id.to_string(),
        fingerprint: format!("fp-{id}-{text}"),
        source: format!("doc{doc_index}.txt").into(),
        doc_index,
        line: ord + 1,
        column: 1,
        start: ord * 100,
        end: ord * 100 + text.len(),
        text: text.to_string(),
        sentence: format!("It was {text}.").into(),
        kind,
        value,
        interval,
        bound,
        unit,
        measure,
        direction: None,
        role: None,
        period: None,
        base_period: None,
        metric: Some(metric.to_string()),
        entities: entities.iter().map(ToString::to_string).collect(),
        directional: metric == "exports" || metric == "aid" || metric == "investment",
        modality: Modality::Actual,
        attribution: None,
        linked_by: Vec::new(),
        unlinked: None,
        part_of: None,
        share_of: None,
        document_date: None,
        date_inferred: false,
    })
}

fn period(start: Date, end: Date, label: &str) -> ClaimPeriod {
    ClaimPeriod {
        start: Some(start),
        end: Some(end),
        label: label.to_string(),
        cumulative: false,
        instant: None,
        inherited: false,
    }
}

/// The calendar year as a period.
pub fn year(y: i16) -> ClaimPeriod {
    period(date(y, 1, 1), date(y, 12, 31), &y.to_string())
}

/// Months `m1..=m2` of a year.
pub fn months(y: i16, m1: i8, m2: i8, label: &str) -> ClaimPeriod {
    let end = date(y, m2, 1).last_of_month();
    period(date(y, m1, 1), end, label)
}

impl B {
    pub fn period(mut self, p: ClaimPeriod) -> Self {
        self.0.period = Some(p);
        self
    }

    pub fn year(self, y: i16) -> Self {
        self.period(year(y))
    }

    /// A cumulative total since `start` to the document's date (left to the engine).
    pub fn since(mut self, start: Date, label: &str, document_date: Option<Date>) -> Self {
        self.0.period = Some(ClaimPeriod {
            start: Some(start),
            end: None,
            label: label.to_string(),
            cumulative: true,
            instant: None,
            inherited: false,
        });
        self.0.document_date = document_date;
        self
    }

    pub fn dated(mut self, date: Date, inferred: bool) -> Self {
        self.0.document_date = Some(date);
        self.0.date_inferred = inferred;
        self
    }

    /// A change against a base year.
    pub fn change_vs(mut self, base: ClaimPeriod) -> Self {
        self.0.measure = Measure::Change;
        self.0.base_period = Some(base);
        if self.0.value.is_some_and(|v| v < Decimal::ZERO) {
            self.0.direction = Some(Direction::Decrease);
        } else {
            self.0.direction = Some(Direction::Increase);
        }
        self
    }

    pub fn direction(mut self, d: Direction) -> Self {
        self.0.direction = Some(d);
        self
    }

    pub fn role(mut self, r: Role) -> Self {
        self.0.role = Some(r);
        self
    }

    pub fn modality(mut self, m: Modality) -> Self {
        self.0.modality = m;
        self
    }

    pub fn sentence(mut self, s: &str) -> Self {
        self.0.sentence = s.into();
        self
    }

    pub fn at(mut self, start: usize) -> Self {
        self.0.start = start;
        self.0.end = start + self.0.text.len();
        self
    }

    pub fn build(self) -> Claim {
        self.0
    }
}

/// Run every shipped relation on the claims.
pub fn run(claims: &[Claim]) -> Vec<super::Finding> {
    super::check(claims, &relations())
}

/// The findings of one check kind.
pub fn of(findings: &[super::Finding], check: super::CheckKind) -> Vec<&super::Finding> {
    findings.iter().filter(|f| f.check == check).collect()
}

/// The one finding of a check over exactly these claims (in any order).
pub fn one<'f>(
    findings: &'f [super::Finding],
    check: super::CheckKind,
    ids: &[&str],
) -> &'f super::Finding {
    let mut want: Vec<&str> = ids.to_vec();
    want.sort_unstable();
    let hits: Vec<&super::Finding> = findings
        .iter()
        .filter(|f| {
            let mut got: Vec<&str> = f.claims.iter().map(String::as_str).collect();
            got.sort_unstable();
            f.check == check && got == want
        })
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "want one {check:?} finding over {ids:?}, got {hits:#?}\nall: {findings:#?}"
    );
    hits[0]
}
