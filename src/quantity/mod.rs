//! Quantities: a number grown into a claim's value, with its bound, scale, unit and measure.
//!
//! [`Scanner::find`] scans the tokens of a text once. At each number it reads the scale (`bn`,
//! `million`), the unit (a currency before or after, percent, a counted noun), the qualifier
//! before it (`more than`, `about`, `nearly`) or after it (`or more`), and whether it states a
//! change (`increased by 58.8%`). Two figures joined as a range (`between 2 and 3 billion`,
//! `$2bn-$3bn`) become one quantity. The value is an exact interval ([`crate::interval`]).

pub mod bound;
pub mod change;
pub mod prefilter;
pub mod unit;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::interval::{Endpoint, Interval};
use crate::number::{self, Ctx, Form, Number, words::NumWord};
use crate::rules::{BoundKind, Vocabulary};
use crate::token::{Gap, TokKind};
pub use change::Direction;
use unit::{PercentUnit, currency_after, currency_before, percent_after};

/// What a quantity is a number of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Currency,
    Percent,
    PercentagePoints,
    Count,
    Number,
    Rank,
}

/// Whether a quantity states a level, a change, or a rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Level,
    Change,
    Rank,
}

/// The role of a level in a two-level change (`rose from $1.8bn to $2.5bn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    From,
    To,
}

/// A quantity found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// Byte span in the text given to [`Scanner::find`].
    pub start: usize,
    pub end: usize,
    /// Token span, for later steps that look at the words around.
    pub first_tok: usize,
    pub end_tok: usize,
    pub kind: Kind,
    /// The stated number (signed for a decrease); `None` for a range or a vague magnitude.
    pub value: Option<Decimal>,
    pub interval: Interval,
    pub bound: BoundKind,
    /// ISO 4217 code, `percent`, `percentage_points`, the singular counted noun, or `None`.
    pub unit: Option<String>,
    pub measure: Measure,
    pub direction: Option<Direction>,
    pub role: Option<Role>,
    /// The qualifier words as written (`more than`, `about`).
    pub qualifier: Option<String>,
    /// For a rate, what the figure is per (`$70 a share` -> `share`, `$350 per kg` -> `kg`).
    pub per: Option<String>,
    /// Why the value could not be read exactly (e.g. out of range).
    pub error: Option<String>,
}

/// Byte spans that belong to time expressions; numbers inside them are not quantities.
pub trait Blocked {
    fn blocks(&self, start: usize, end: usize) -> bool;
}

impl Blocked for [(usize, usize)] {
    fn blocks(&self, start: usize, end: usize) -> bool {
        let i = self.partition_point(|&(_, e)| e <= start);
        self.get(i).is_some_and(|&(s, _)| s < end)
    }
}

/// Work buffers reused across chunks.
#[derive(Default)]
pub struct Scanner {
    pub toks: crate::token::Tokens,
    pub cls: number::Classes,
}

impl Scanner {
    /// Find every quantity in `text`. `blocked` holds sorted byte spans of time expressions.
    pub fn find(
        &mut self,
        text: &str,
        vocab: &Vocabulary,
        blocked: &[(usize, usize)],
    ) -> Vec<Quantity> {
        self.toks.tokenize(text);
        self.cls.compute(text, &self.toks);
        let ctx = Ctx {
            text,
            toks: &self.toks,
            cls: &self.cls,
        };
        // Sized for about one quantity a numeric literal: growing it copied every quantity.
        let mut out: Vec<Quantity> = Vec::with_capacity(self.toks.literals.len());
        let mut i = 0;
        let mut floor = 0;
        let n = self.toks.len();
        while i < n {
            if let Some(mut q) = scan_at(ctx, vocab, blocked, i, floor) {
                // `rose from $1.8bn to $2.5bn`: the figure after `to` is the new level.
                if let Some(prev) = out.last()
                    && prev.role == Some(Role::From)
                    && q.first_tok == prev.end_tok + 1
                    && ctx.lower_is(prev.end_tok, "to")
                {
                    q.role = Some(Role::To);
                    q.measure = if q.kind == Kind::Rank {
                        Measure::Rank
                    } else {
                        Measure::Level
                    };
                    q.direction = None;
                }
                i = q.end_tok.max(i + 1);
                floor = i;
                out.push(q);
            } else {
                i += 1;
            }
        }
        combine_bounds(ctx, &mut out);
        points_near_percent(&mut out);
        amount_or_rate(ctx, &mut out);
        out
    }
}

/// `a $4.7 billion or 19.4% rise`, `increased by 19.4%, or $4.7 billion`: an amount joined by
/// `or` to a change in percent states the same change in money, so it is a change too.
fn amount_or_rate(ctx: Ctx<'_>, out: &mut [Quantity]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let joined = ctx.lower_is(a.end_tok, "or") && b.first_tok == a.end_tok + 1
            || ctx.is_symbol(a.end_tok, ',')
                && ctx.lower_is(a.end_tok + 1, "or")
                && b.first_tok == a.end_tok + 2;
        if !joined || a.role.is_some() || b.role.is_some() {
            continue;
        }
        let is_rate = |q: &Quantity| q.kind == Kind::Percent && q.measure == Measure::Change;
        let is_amount = |q: &Quantity| {
            matches!(q.kind, Kind::Currency | Kind::Count) && q.measure == Measure::Level
        };
        let (amount, rate) = if is_amount(a) && is_rate(b) {
            (k - 1, k)
        } else if is_rate(a) && is_amount(b) {
            (k, k - 1)
        } else {
            continue;
        };
        if out[rate].direction.is_some() {
            out[amount].direction = out[rate].direction;
            out[amount].measure = Measure::Change;
        }
    }
}

/// `rose 2.5 points to 14%`: bare `points` next to a percentage are percentage points (a
/// figure of `points` alone may be an index or a score, so it stays a count).
fn points_near_percent(out: &mut [Quantity]) {
    const NEAR: usize = 12;
    let percents: Vec<usize> = out
        .iter()
        .filter(|q| q.kind == Kind::Percent)
        .map(|q| q.first_tok)
        .collect();
    for q in out.iter_mut() {
        if q.kind == Kind::Count
            && q.unit.as_deref() == Some("point")
            && percents.iter().any(|&p| p.abs_diff(q.first_tok) <= NEAR)
        {
            q.kind = Kind::PercentagePoints;
            q.unit = Some("percentage_points".into());
        }
    }
}

/// Try to read a quantity whose number starts at token `i`.
fn scan_at(
    ctx: Ctx<'_>,
    vocab: &Vocabulary,
    blocked: &[(usize, usize)],
    i: usize,
    floor: usize,
) -> Option<Quantity> {
    let tok = ctx.tok(i)?;
    // Inside a time expression nothing starts, but after a money sign (`$2020`). Asked only
    // of tokens that may start a quantity: the binary search over the time spans, run for
    // every token, was a fifth of the scan loop.
    let blocked_here = || blocked.blocks(tok.start, tok.end) && !money_symbol_before(ctx, i);
    match tok.kind {
        TokKind::Number(_) | TokKind::Symbol('-' | '\u{2212}') => {
            if blocked_here() {
                return None;
            }
        }
        TokKind::Word => {
            let cls = ctx.cls.get(i);
            if cls.is_none() {
                // A word that is no number word starts a change (`doubled`) or a vague
                // magnitude (`tens of`), or nothing, which most words do; never a word of over
                // 32 bytes or with a letter outside ASCII.
                // The two word tests come before the length and ASCII checks: no verb of
                // change is long or has a letter outside ASCII, and the set of vague words
                // rules out most words before the checks need to be read.
                let w = ctx.lower(i);
                if let Some(pct) = change::verb_factor(w) {
                    return if blocked_here() {
                        None
                    } else {
                        verb_change(ctx, vocab, i, floor, pct)
                    };
                }
                if vocab.qualifiers.vague_edges.may_start(w) && w.len() <= 32 && w.is_ascii() {
                    return if blocked_here() {
                        None
                    } else {
                        vague(ctx, vocab, i, floor)
                    };
                }
                return None;
            }
            if blocked_here() {
                return None;
            }
            // Most number words, and every `a`, start no vague magnitude.
            if vocab.qualifiers.vague_edges.may_start(ctx.str(i))
                && let Some(q) = vague(ctx, vocab, i, floor)
            {
                return Some(q);
            }
            if matches!(cls, Some(NumWord::Article))
                && let Some(q) = article_money(ctx, vocab, i, floor)
            {
                return Some(q);
            }
        }
        _ => return None,
    }
    let num = number::parse_at(ctx, i)?;
    if is_not_quantity(ctx, &num) {
        return None;
    }
    if is_anaphoric(ctx, &num) {
        return None;
    }
    let mut q = build(ctx, vocab, &num, floor)?;
    if blocked.blocks(q.start, q.end)
        && !matches!(
            q.kind,
            Kind::Currency | Kind::Percent | Kind::PercentagePoints
        )
    {
        return None;
    }
    let year = year_like(ctx, &num, &q);
    try_range(ctx, vocab, &mut q, floor);
    if year && (q.bound != BoundKind::Range || range_of_years(&q)) {
        return None;
    }
    Some(q)
}

/// `the two countries`, `these three firms`: a small number in words after a determiner refers
/// back to things already named; it states no figure.
fn is_anaphoric(ctx: Ctx<'_>, num: &Number) -> bool {
    if !num.words || num.scaled || num.form != Form::Cardinal || num.start == 0 {
        return false;
    }
    if num
        .value
        .is_none_or(|v| v >= Decimal::from(20) || v.is_sign_negative())
    {
        return false;
    }
    let prev = ctx.lower(num.start - 1);
    matches!(
        prev,
        "the" | "these" | "those" | "its" | "their" | "our" | "his" | "her" | "both" | "all"
    )
}

/// `$2020` is money even where a year was expected.
fn money_symbol_before(ctx: Ctx<'_>, i: usize) -> bool {
    i > 0
        && ctx.gap(i) == Gap::None
        && matches!(
            ctx.tok(i - 1).map(|t| t.kind),
            Some(TokKind::Symbol('$' | '€' | '£' | '¥'))
        )
}

/// Digits that are part of a name, a label or a time, not a quantity.
fn is_not_quantity(ctx: Ctx<'_>, num: &Number) -> bool {
    let first = num.start;
    let Some(t) = ctx.tok(first) else { return true };
    // `two-way trade`, `a one-off payment`: a compound adjective, not a figure.
    if ctx.is_dash(num.end)
        && ctx.gap(num.end) == Gap::None
        && ctx.gap(num.end + 1) == Gap::None
        && unit::is_compound_adjective(ctx.str(num.end + 1))
    {
        return true;
    }
    if !matches!(t.kind, TokKind::Number(_)) {
        return false;
    }
    // Glued to a word before it: `C5`, `G20`, `COVID-19`, `MP3` (but `US$5`, `USD34.6` are
    // currency prefixes, handled by the caller).
    if first > 0 && t.gap == Gap::None {
        let prev = ctx.tok(first - 1).map(|p| p.kind);
        if prev == Some(TokKind::Word) && !is_currency_word(ctx, first - 1) {
            return true;
        }
        // `COVID-19`, `F-16`, `s-1`: a name or a unit exponent.
        if (ctx.is_dash(first - 1) || ctx.is_symbol(first - 1, '\u{2212}'))
            && first > 1
            && ctx.gap(first - 1) == Gap::None
            && ctx.tok(first - 2).is_some_and(|p| p.kind == TokKind::Word)
        {
            return true;
        }
        // `C5+1`: a code that continues after a plus sign.
        if ctx.is_symbol(first - 1, '+')
            && first > 1
            && ctx.gap(first - 1) == Gap::None
            && matches!(
                ctx.tok(first - 2).map(|t| t.kind),
                Some(TokKind::Number(_) | TokKind::Word)
            )
        {
            return true;
        }
        // `#3`, `§ 12`, `km^3`, `±0.01`.
        if matches!(
            prev,
            Some(TokKind::Symbol(
                '#' | '\u{00A7}' | '\u{00B6}' | '@' | '/' | '_' | '^' | '\u{00B1}' | ':'
            ))
        ) {
            return true;
        }
    }
    // `[3]`: a footnote marker.
    if first > 0
        && ctx.is_symbol(first - 1, '[')
        && ctx.is_symbol(num.end, ']')
        && t.gap == Gap::None
    {
        return true;
    }
    // A time of day: `10:30`, `2 pm`, `2.30 p.m.`
    if ctx.is_symbol(num.end, ':') && ctx.gap(num.end) == Gap::None {
        return true;
    }
    if let Some(next) = ctx.tok(num.end)
        && next.kind == TokKind::Word
        && next.gap != Gap::Newline
    {
        let w = ctx.str(num.end);
        let lower = ctx.lower(num.end);
        let ampm = lower == "am"
            && (w == "AM" || num.value.is_some_and(|v| v <= Decimal::from(12)))
            || lower == "pm"
                && num
                    .value
                    .is_some_and(|v| v <= Decimal::from(12) || w == "PM")
            || (lower == "a" || lower == "p")
                && ctx.is_symbol(num.end + 1, '.')
                && ctx.lower_is(num.end + 2, "m");
        if ampm
            && ctx
                .toks
                .literal(t)
                .is_none_or(|l| l.decimals == 0 || l.decimals == 2)
        {
            return true;
        }
    }
    // Labels: `Section 3`, `page 12`, `Article 5`, `No. 7`.
    if first > 0 {
        let mut p = first - 1;
        if ctx.is_symbol(p, '.') && p > 0 {
            p -= 1;
        }
        if ctx.tok(p).is_some_and(|t| t.kind == TokKind::Word) {
            let w = ctx.lower(p);
            if matches!(
                w,
                "section"
                    | "article"
                    | "chapter"
                    | "paragraph"
                    | "clause"
                    | "page"
                    | "pages"
                    | "footnote"
                    | "figure"
                    | "fig"
                    | "table"
                    | "annex"
                    | "appendix"
                    | "item"
                    | "version"
                    | "v"
                    | "pp"
                    | "vol"
                    | "volume"
                    | "resolution"
                    | "no"
                    | "subsection"
                    | "amendment"
                    | "step"
                    | "exhibit"
                    | "chart"
            ) && !(w == "no" && ctx.str(p) == "no")
            {
                return true;
            }
        }
    }
    false
}

fn is_currency_word(ctx: Ctx<'_>, k: usize) -> bool {
    let w = ctx.str(k);
    crate::rules::default_vocabulary()
        .currencies
        .lookup(w)
        .is_some()
        || (w.len() == 4 && w.starts_with('M'))
}

/// A bare four-digit year (`in 2022`) read as a number: not a quantity.
fn year_like(ctx: Ctx<'_>, num: &Number, q: &Quantity) -> bool {
    let Some(lit) = ctx.tok(num.start).and_then(|t| ctx.toks.literal(t)) else {
        return false;
    };
    if num.end != num.start + 1 || !lit.is_year_like() {
        return false;
    }
    let Some(v) = lit.value else { return false };
    if v < Decimal::from(1000) || v > Decimal::from(2199) || q.value != Some(v) {
        return false;
    }
    if matches!(
        q.kind,
        Kind::Currency | Kind::Percent | Kind::PercentagePoints | Kind::Rank
    ) {
        return false;
    }
    // `above 1000`, `more than 2000 companies`: a bound makes it a figure; but `up 5% over
    // 2021` compares with a year.
    if q.qualifier.is_some() {
        let after_percent = q.first_tok > 0
            && (ctx.is_symbol(q.first_tok - 1, '%')
                || matches!(ctx.lower(q.first_tok - 1), "percent" | "cent" | "pct"));
        return after_percent && q.unit.is_none();
    }
    if q.kind == Kind::Count {
        // `the 2020 Doing Business report`: a year naming an edition of something.
        if (num.end..q.end_tok).any(|k| ctx.str(k).chars().next().is_some_and(char::is_uppercase)) {
            return true;
        }
        // `Uzbekistan's 2022 exports`: a possessive before a year.
        if num.start >= 2
            && ctx.lower_is(num.start - 1, "s")
            && (ctx.is_symbol(num.start - 2, '\'') || ctx.is_symbol(num.start - 2, '\u{2019}'))
        {
            return true;
        }
        // `2022 jobs` is a count; `in 2022 exports rose` is a year.
        let prev = num.start.checked_sub(1).map(|p| ctx.lower(p));
        return prev.is_some_and(|p| {
            matches!(
                p,
                "in" | "since"
                    | "by"
                    | "from"
                    | "until"
                    | "till"
                    | "to"
                    | "of"
                    | "during"
                    | "between"
                    | "and"
                    | "before"
                    | "after"
                    | "at"
                    | "for"
                    | "year"
                    | "fiscal"
                    | "fy"
                    | "through"
                    | "end"
                    | "early"
                    | "late"
                    | "mid"
                    | "spring"
                    | "summer"
                    | "autumn"
                    | "fall"
                    | "winter"
                    | "january"
                    | "february"
                    | "march"
                    | "april"
                    | "may"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
                    | "the"
                    | "as"
                    | "on"
                    | "-"
                    | "–"
            )
        });
    }
    true
}

/// A range whose both ends look like years (`1998-2005`): a period, not a quantity.
fn range_of_years(q: &Quantity) -> bool {
    let year = |e: Option<crate::interval::Endpoint>| {
        e.is_some_and(|e| {
            number::is_whole(e.value)
                && e.value >= Decimal::from(1000)
                && e.value <= Decimal::from(2199)
        })
    };
    q.unit.is_none() && year(q.interval.low) && year(q.interval.high)
}

/// The pieces of a quantity being built.
struct Parts {
    first: usize,
    end: usize,
    value: Option<Decimal>,
    unit_place: Decimal,
    form: Form,
    scaled: bool,
    kind: Kind,
    unit: Option<String>,
    qualifier: Option<(usize, BoundKind)>,
    after_bound: Option<BoundKind>,
    direction: Option<Direction>,
    per: Option<String>,
    error: Option<String>,
}

/// Build a quantity around the number `num`.
#[allow(clippy::too_many_lines)]
fn build(ctx: Ctx<'_>, vocab: &Vocabulary, num: &Number, floor: usize) -> Option<Quantity> {
    let cur = &vocab.currencies;
    let mut p = Parts {
        first: num.start,
        end: num.end,
        value: num.value,
        unit_place: num.unit,
        form: num.form,
        scaled: num.scaled,
        kind: Kind::Number,
        unit: None,
        qualifier: None,
        after_bound: None,
        direction: None,
        per: None,
        error: num.error.map(str::to_string),
    };
    if num.form == Form::Ordinal {
        p.kind = Kind::Rank;
        // `81st largest`: keep the superlative with the rank.
        if let Some(t) = ctx.tok(p.end) {
            let w = ctx.lower(p.end);
            if t.kind == TokKind::Word
                && t.gap == Gap::Space
                && (w.ends_with("est") && w.len() > 4 || w == "most")
            {
                p.end += 1;
            }
        }
    } else {
        // Currency before the number: `$`, `US$`, `USD`, `c $`, `Rs.`, `MUSD`.
        let mut money_scale = None;
        let mut currency = None;
        if let Some(m) = currency_before(ctx, cur, num.start, floor) {
            p.first = m.start;
            money_scale = m.scale;
            currency = Some(m.currency);
        }
        // `$-99.99`
        // Scale abbreviation: `1.8bn`, `10 bln`, `$3m`.
        let money_hint = currency.is_some() || next_is_currency(ctx, vocab, p.end);
        if let Some((end, e)) = scale_at(ctx, p.end, money_hint) {
            apply_scale(&mut p, e);
            p.end = end;
        }
        // `one-yen bid`, `a 12-cent dividend`: a unit glued by a hyphen.
        let glued_unit =
            ctx.is_dash(p.end) && ctx.gap(p.end) == Gap::None && ctx.gap(p.end + 1) == Gap::None;
        if currency.is_none()
            && glued_unit
            && let Some(m) = currency_after(ctx, cur, p.end + 1)
            && m.start == p.end + 1
            && !glued_to_word_after(ctx, m.end)
        {
            p.end = m.end;
            currency = Some(m.currency);
        }
        if currency.is_none()
            && let Some(m) = currency_after(ctx, cur, p.end)
            && m.start == p.end
            && !glued_to_word_after(ctx, m.end)
        {
            p.end = m.end;
            money_scale = money_scale.or(m.scale);
            currency = Some(m.currency);
            // `75 USD million`
            if !p.scaled
                && let Some((end, e)) = scale_at(ctx, p.end, true)
            {
                apply_scale(&mut p, e);
                p.end = end;
            }
        }
        if let Some(e) = money_scale {
            apply_scale(&mut p, e);
        }
        if let Some(c) = currency {
            p.kind = Kind::Currency;
            p.unit = c.iso().map(str::to_string);
            if !p.scaled {
                subunits_after(ctx, vocab, &mut p, c);
            }
            // A rate: `$350 per kg`, `$70 a share`, `$15.4/hour`.
            if let Some((end, per)) = rate_after(ctx, p.end) {
                p.end = end;
                p.per = Some(per);
            }
            // A figure in brackets is a restatement in news prose (`compared to 2022 ($366.5
            // million)`), not an accounting negative: its sign is left alone.
        } else if let Some((end, pu)) = percent_after(ctx, p.end) {
            p.end = end;
            match pu {
                PercentUnit::Percent => {
                    p.kind = Kind::Percent;
                    p.unit = Some("percent".into());
                }
                PercentUnit::Points => {
                    p.kind = Kind::PercentagePoints;
                    p.unit = Some("percentage_points".into());
                }
                PercentUnit::BasisPoints => {
                    p.kind = Kind::PercentagePoints;
                    p.unit = Some("percentage_points".into());
                    p.value = p.value.and_then(|v| v.checked_div(Decimal::ONE_HUNDRED));
                    p.unit_place /= Decimal::ONE_HUNDRED;
                }
            }
        } else if let Some((end, c)) = subunit_alone(ctx, vocab, p.end) {
            // `50 cents`, `470 pence`, `10¢`: money in the main unit.
            p.end = end;
            p.kind = Kind::Currency;
            p.unit = c.iso().map(str::to_string);
            p.value = p.value.and_then(|v| v.checked_div(Decimal::ONE_HUNDRED));
            p.unit_place /= Decimal::ONE_HUNDRED;
        } else if (num.form != Form::Fraction || num.words)
            && let Some((k, noun)) = unit::counted_noun(ctx, p.end)
        {
            p.kind = Kind::Count;
            p.unit = Some(noun);
            p.end = k + 1;
            // `six weeks'`
            if ctx.is_symbol(p.end, '\'') && ctx.gap(p.end) == Gap::None {
                p.end += 1;
            }
        }
    }

    // Qualifier before: `more than`, `about`, `nearly`, `some`. A rank takes none: `three
    // places above the 28th` places one rank relative to another, it does not bound it.
    if p.kind != Kind::Rank
        && let Some((start, b)) = qualifier_before(ctx, vocab, p.first, floor)
    {
        p.qualifier = Some((start, b));
    }
    // Qualifier after: `or more`, `plus`, `+`, `or so`.
    if let Some((end, b)) = qualifier_after(ctx, vocab, p.end) {
        p.after_bound = Some(b);
        p.end = end;
    }
    // A change: `increased by 58.8%`, `up 12%`, `a 12% increase`.
    let change_floor = floor;
    let q_start = p.qualifier.map_or(p.first, |(s, _)| s);
    // `rose above $3 billion` crosses a level; `rose by about 5%` is a change.
    let level_bound = p.qualifier.is_some_and(|(_, b)| {
        !matches!(b, BoundKind::Approx | BoundKind::Nearly | BoundKind::Exact)
    });
    if let Some((_, d)) = change::before(ctx, q_start, change_floor).filter(|_| !level_bound) {
        p.direction = Some(d);
    } else if let Some((end, d)) = change::after(ctx, p.end) {
        if let Some(d) = d {
            p.direction = Some(d);
            if p.kind == Kind::Percent || p.kind == Kind::Currency {
                p.end = end;
            }
        } else if p.kind == Kind::Percent {
            p.direction = Some(Direction::Increase);
            p.end = end;
        }
    }
    if num.form == Form::Ordinal {
        p.direction = None;
    }
    // `has grown by almost 2.5 times`: a factor; the change is (factor - 1) in percent.
    if p.direction == Some(Direction::Increase)
        && p.kind == Kind::Number
        && (ctx.lower_is(p.end, "times") || ctx.lower_is(p.end, "fold"))
    {
        p.end += 1;
        return factor_change(ctx, vocab, p);
    }
    finish(ctx, vocab, p)
}

/// A growth stated as a factor (`2.5 times`): the interval of the factor, in growth percent.
fn factor_change(ctx: Ctx<'_>, vocab: &Vocabulary, mut p: Parts) -> Option<Quantity> {
    let bound = p.qualifier.map_or_else(|| default_bound(&p), |(_, b)| b);
    let factor = p.value?;
    let fi = bound::interval(factor, p.unit_place, bound, &vocab.qualifiers)?;
    let growth = |f: Decimal| {
        f.checked_sub(Decimal::ONE)?
            .checked_mul(Decimal::ONE_HUNDRED)
            .map(|g| g.normalize())
    };
    let to_growth = |e: Option<crate::interval::Endpoint>| match e {
        Some(e) => growth(e.value).map(|value| {
            Some(crate::interval::Endpoint {
                value,
                inclusive: e.inclusive,
            })
        }),
        None => Some(None),
    };
    let mut q = finish(
        ctx,
        vocab,
        Parts {
            value: Some(factor),
            ..p_clone(&p)
        },
    )?;
    p.value = Some(growth(factor)?);
    q.value = p.value;
    q.interval = Interval::new(to_growth(fi.low)?, to_growth(fi.high)?);
    q.kind = Kind::Percent;
    q.unit = Some("percent".into());
    q.bound = bound;
    Some(q)
}

fn p_clone(p: &Parts) -> Parts {
    Parts {
        first: p.first,
        end: p.end,
        value: p.value,
        unit_place: p.unit_place,
        form: p.form,
        scaled: p.scaled,
        kind: p.kind,
        unit: p.unit.clone(),
        qualifier: p.qualifier,
        after_bound: p.after_bound,
        direction: p.direction,
        per: p.per.clone(),
        error: p.error.clone(),
    }
}

/// Fill in the bound and interval, and make the quantity.
fn finish(ctx: Ctx<'_>, vocab: &Vocabulary, mut p: Parts) -> Option<Quantity> {
    let first = p.qualifier.map_or(p.first, |(s, _)| s);
    let start_tok = ctx.tok(first)?;
    let end_tok = ctx.tok(p.end.checked_sub(1)?)?;
    // A change with no unit of its own (`fell by a third`) is a share: read it in percent.
    if p.direction.is_some() && p.kind == Kind::Number && p.form == Form::Fraction {
        p.value = p.value.and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED));
        p.kind = Kind::Percent;
        p.unit = Some("percent".into());
    }
    if p.direction == Some(Direction::Decrease) {
        p.value = p.value.map(|v| -v.abs());
    }
    let bound = match (p.qualifier, p.after_bound) {
        (Some((_, b)), _) => b,
        (None, Some(b)) => b,
        (None, None) => default_bound(&p),
    };
    let interval = match p
        .value
        .map(|v| bound::interval(v, p.unit_place, bound, &vocab.qualifiers))
    {
        Some(Some(i)) => i,
        Some(None) => {
            p.error = Some(crate::number::literal::OUT_OF_RANGE.into());
            p.value = None;
            Interval::default()
        }
        None => Interval::default(),
    };
    let qualifier = p.qualifier.map(|(s, _)| {
        let t = ctx.tok(s).map_or(0, |t| t.start);
        ctx.text[t..ctx.tok(p.first).map_or(t, |f| f.start)]
            .trim_end()
            .to_string()
    });
    // `the 28th it had held before`: a rank the text places in the past is the earlier level.
    let role = (p.kind == Kind::Rank && earlier_rank(ctx, p.end)).then_some(Role::From);
    let measure = if p.kind == Kind::Rank {
        Measure::Rank
    } else if p.direction.is_some() {
        Measure::Change
    } else {
        Measure::Level
    };
    if p.value.is_none() && p.error.is_none() {
        p.error = Some(crate::number::literal::OUT_OF_RANGE.into());
    }
    Some(Quantity {
        start: start_tok.start,
        end: end_tok.end,
        first_tok: first,
        end_tok: p.end,
        kind: p.kind,
        value: p.value.map(|v| v.normalize()),
        interval,
        bound,
        unit: p.unit,
        measure,
        direction: p.direction,
        role,
        qualifier,
        per: p.per,
        error: p.error,
    })
}

/// `per kg`, `a share`, `an hour`, `/hour` after an amount of money.
fn rate_after(ctx: Ctx<'_>, k: usize) -> Option<(usize, String)> {
    if ctx.gap(k) == Gap::Newline {
        return None;
    }
    let word_at = |j: usize| {
        ctx.tok(j)
            .is_some_and(|t| t.kind == TokKind::Word && t.gap != Gap::Newline)
    };
    if (ctx.lower_is(k, "per") || ctx.is_symbol(k, '/') && ctx.gap(k) == Gap::None)
        && word_at(k + 1)
    {
        return Some((k + 2, ctx.str(k + 1).to_ascii_lowercase()));
    }
    if (ctx.lower_is(k, "a") || ctx.lower_is(k, "an")) && word_at(k + 1) {
        let w = ctx.lower(k + 1);
        if matches!(
            w,
            "share"
                | "barrel"
                | "ton"
                | "tonne"
                | "year"
                | "month"
                | "week"
                | "day"
                | "hour"
                | "head"
                | "person"
                | "unit"
                | "kilogram"
                | "kg"
                | "litre"
                | "liter"
                | "gallon"
                | "piece"
                | "dozen"
                | "pound"
                | "ounce"
        ) && !is_time_ago(ctx, k + 2)
        {
            return Some((k + 2, w.to_string()));
        }
    }
    None
}

/// `a year earlier`, `a month ago`: a time before the figure's, not a rate per year.
fn is_time_ago(ctx: Ctx<'_>, k: usize) -> bool {
    ctx.same_line(k)
        && ["earlier", "ago", "before", "later", "previously", "prior"]
            .iter()
            .any(|w| ctx.lower_is(k, w))
}

/// A rank followed within a few words by a word that puts it in the past (`the 28th it had
/// held before`, `28th a year earlier`).
fn earlier_rank(ctx: Ctx<'_>, end: usize) -> bool {
    (end..end + 5).take_while(|&k| ctx.same_line(k)).any(|k| {
        matches!(
            ctx.lower(k),
            "before" | "previously" | "earlier" | "formerly" | "prior"
        )
    })
}

/// A plain figure is exact when it is a whole number written without a scale word (`590`,
/// `$94,000`); a figure with decimals, a scale word, or a percentage is rounded.
fn default_bound(p: &Parts) -> BoundKind {
    if p.form != Form::Cardinal || p.unit_place.is_zero() {
        return BoundKind::Exact;
    }
    let whole = p.value.is_some_and(number::is_whole);
    if p.scaled
        || !whole
        || p.unit_place < Decimal::ONE
        || p.kind == Kind::Percent
        || p.kind == Kind::PercentagePoints
    {
        BoundKind::Rounded
    } else {
        BoundKind::Exact
    }
}

fn apply_scale(p: &mut Parts, e: u8) {
    let m = Decimal::from_i128_with_scale(10i128.pow(u32::from(e)), 0);
    p.value = p.value.and_then(|v| v.checked_mul(m));
    if p.value.is_none() {
        p.error = Some(crate::number::literal::OUT_OF_RANGE.into());
    }
    p.unit_place = if p.unit_place.is_zero() {
        m / Decimal::TEN
    } else {
        p.unit_place.checked_mul(m).unwrap_or(m)
    };
    p.scaled = true;
}

/// A scale abbreviation at token `k`: glued (`1.8bn`) or after a space (`10 bln`).
fn scale_at(ctx: Ctx<'_>, k: usize, money: bool) -> Option<(usize, u8)> {
    let t = ctx.tok(k)?;
    if t.kind != TokKind::Word || t.gap == Gap::Newline {
        return None;
    }
    let w = ctx.str(k);
    // `10 m` with a space is metres unless money; `10M` glued is a million.
    let e = scale_abbrev_ctx(w, ctx.lower(k), money, t.gap == Gap::None)?;
    // Must end the word: `10km` is not `10k`.
    if ctx
        .tok(k + 1)
        .is_some_and(|n| n.gap == Gap::None && n.kind == TokKind::Word)
    {
        return None;
    }
    // `10 m.` abbreviations may carry a dot: `3 bln.`, `5 mln.`
    Some((k + 1, e))
}

/// `lower` is `w` ASCII-lowercased.
fn scale_abbrev_ctx(w: &str, lower: &str, money: bool, glued: bool) -> Option<u8> {
    if let Some(e) = unit::scale_abbrev(w, money) {
        if !glued && matches!(w, "M" | "G" | "K") && !money {
            // `1,674,200.5 M` and `2.33 k` are scales in number context; keep them.
            return Some(e);
        }
        return Some(e);
    }
    if let Some(NumWord::Scale(e)) = crate::number::words::classify(lower) {
        return Some(e);
    }
    None
}

fn next_is_currency(ctx: Ctx<'_>, vocab: &Vocabulary, k: usize) -> bool {
    // `5m euros`, `3 bln dollars`: look one token past a possible scale word.
    (k..k + 2).any(|j| currency_after(ctx, &vocab.currencies, j).is_some_and(|m| m.start == j))
}

/// A currency glued to letters after it is a word, not money (`USDA`).
fn glued_to_word_after(ctx: Ctx<'_>, k: usize) -> bool {
    ctx.tok(k)
        .is_some_and(|t| t.gap == Gap::None && t.kind == TokKind::Word)
}

/// `3 dollars 50 cents`, `$20 and 43c`, `15 dollars 50`: sub-units after an amount.
fn subunits_after(
    ctx: Ctx<'_>,
    vocab: &Vocabulary,
    p: &mut Parts,
    c: &crate::rules::currency::Currency,
) {
    let mut k = p.end;
    if ctx.lower_is(k, "and") {
        k += 1;
    }
    if ctx.gap(k) == Gap::Newline || k == p.end && ctx.gap(k) != Gap::Space {
        return;
    }
    let Some(n) = number::parse_at(ctx, k) else {
        return;
    };
    let Some(v) = n.value else { return };
    if n.form != Form::Cardinal
        || v >= Decimal::ONE_HUNDRED
        || !number::is_whole(v)
        || v.is_sign_negative()
    {
        return;
    }
    if let Some((end, sub)) = subunit_alone(ctx, vocab, n.end) {
        let word = ctx.str(n.end).to_lowercase();
        // The sub-unit must be the currency's own (`sen` of the ringgit) or the generic cent.
        if sub.code == c.code || matches!(word.as_str(), "cent" | "cents" | "c" | "\u{a2}") {
            let div = unit::subunit_divisor(ctx.lower(n.end));
            p.value = p
                .value
                .and_then(|x| v.checked_div(div).and_then(|f| x.checked_add(f)));
            p.end = end;
            p.unit_place = Decimal::ZERO;
            return;
        }
    }
    // `15 dollars 50`: two digits (or words) ending the phrase.
    let ends_clause = ctx.tok(n.end).is_none_or(|t| {
        t.gap == Gap::Newline || !matches!(t.kind, TokKind::Word | TokKind::Number(_))
    }) && currency_after(ctx, &vocab.currencies, n.end).is_none();
    let two_digits = ctx
        .toks
        .literal(ctx.tok(k).expect("token exists"))
        .is_none_or(|l| l.int_digits == 2);
    if ends_clause && two_digits && p.value.is_some_and(number::is_whole) {
        p.value = p.value.and_then(|x| {
            v.checked_div(Decimal::ONE_HUNDRED)
                .and_then(|f| x.checked_add(f))
        });
        p.end = n.end;
        p.unit_place = Decimal::ZERO;
    }
}

/// A sub-unit word or sign right after a number: `cents`, `pence`, `c`, `¢`, `sen`.
fn subunit_alone<'v>(
    ctx: Ctx<'_>,
    vocab: &'v Vocabulary,
    k: usize,
) -> Option<(usize, &'v crate::rules::currency::Currency)> {
    let t = ctx.tok(k)?;
    if t.gap == Gap::Newline {
        return None;
    }
    let w = ctx.str(k);
    // Neither a sub-unit nor a plural of one: the look-up below cannot find it.
    if w.is_ascii() && !vocab.subunit_forms.contains(w) {
        return None;
    }
    // Single letters only when glued (`43c`, `10p`); `10 c` with a space is too ambiguous.
    if w.chars().count() == 1 && t.gap != Gap::None && w != "¢" {
        return None;
    }
    if glued_to_word_after(ctx, k + 1) {
        return None;
    }
    let key = if w.chars().count() == 1 {
        w.to_string()
    } else {
        w.to_lowercase()
    };
    vocab
        .currencies
        .by_subunit(&key)
        .or_else(|| vocab.currencies.by_subunit(&unit::singular(&key)))
        .map(|c| (k + 1, c))
}

/// The longest qualifier phrase ending right before token `k`.
fn qualifier_before(
    ctx: Ctx<'_>,
    vocab: &Vocabulary,
    k: usize,
    floor: usize,
) -> Option<(usize, BoundKind)> {
    let q = &vocab.qualifiers;
    let mut k = k;
    // `higher than the tenth`: an article between the qualifier and an ordinal.
    if k > floor + 1 && ctx.lower_is(k - 1, "the") {
        k -= 1;
    }
    if k <= floor || !q.before_edges.may_end(ctx.str(k - 1)) {
        return None;
    }
    let max = q.max_tokens.min(8);
    let p = unit::Phrase::before(ctx, k.saturating_sub(max).max(floor), k);
    let n = p.len();
    for len in (1..=n).rev() {
        let start = k - len;
        let Some((_, key)) = p.slice(n - len, n) else {
            continue;
        };
        if let Some(b) = q.before.get(key) {
            // Whole words only.
            if start > 0
                && ctx.gap(start) == Gap::None
                && ctx.tok(start).is_some_and(|t| t.kind == TokKind::Word)
                && ctx.tok(start - 1).is_some_and(|t| t.kind == TokKind::Word)
            {
                continue;
            }
            return Some((start, *b));
        }
    }
    None
}

/// A qualifier phrase right after token `k` (`or more`, `plus`).
fn qualifier_after(ctx: Ctx<'_>, vocab: &Vocabulary, k: usize) -> Option<(usize, BoundKind)> {
    let q = &vocab.qualifiers;
    if ctx.gap(k) == Gap::Newline || !q.after_edges.may_start(ctx.str(k)) {
        return None;
    }
    let p = unit::Phrase::after(ctx, k, k + 4);
    for len in (1..=p.len()).rev() {
        let Some((_, key)) = p.slice(0, len) else {
            continue;
        };
        if let Some(b) = q.after.get(key) {
            // `+` only glued (`50+`); words must end there (`or more` but not `or moreover`).
            if key == "+" && ctx.gap(k) != Gap::None {
                continue;
            }
            if glued_to_word_after(ctx, k + len) {
                continue;
            }
            // `5,000 or less than 6,000`, `above a quarter and below a half`: the phrase
            // belongs to the next figure.
            if number::parse_at(ctx, k + len).is_some()
                || ctx
                    .tok(k + len)
                    .is_some_and(|t| matches!(t.kind, TokKind::Number(_)))
            {
                continue;
            }
            if key.ends_with("than") {
                continue;
            }
            return Some((k + len, *b));
        }
    }
    None
}

/// `doubled`, `more than tripled`, `halved`, `threefold`: a change with no figure, of `pct`
/// percent ([`change::verb_factor`] of the word at `i`).
fn verb_change(
    ctx: Ctx<'_>,
    vocab: &Vocabulary,
    i: usize,
    floor: usize,
    pct: i64,
) -> Option<Quantity> {
    let value = Decimal::from(pct);
    let qual = qualifier_before(ctx, vocab, i, floor);
    let first = qual.map_or(i, |(s, _)| s);
    let bound = qual.map_or(BoundKind::Exact, |(_, b)| b);
    // `nearly doubled` is a factor just below 2: growth in [80%, 100%).
    let interval = match bound {
        BoundKind::Nearly => {
            // Small constants (the factors of `doubled` .. `tenfold`): no overflow possible.
            let factor = Decimal::ONE + value / Decimal::ONE_HUNDRED;
            let low = factor * (Decimal::ONE - vocab.qualifiers.nearly());
            Interval::new(
                Some(Endpoint::closed(
                    (low - Decimal::ONE) * Decimal::ONE_HUNDRED,
                )),
                Some(Endpoint::open(value)),
            )
        }
        b => bound::interval(value, Decimal::ZERO, b, &vocab.qualifiers)?,
    };
    let qualifier = qual.and_then(|(s, _)| {
        Some(
            ctx.text[ctx.tok(s)?.start..ctx.tok(i)?.start]
                .trim_end()
                .to_string(),
        )
    });
    Some(Quantity {
        start: ctx.tok(first)?.start,
        end: ctx.tok(i)?.end,
        first_tok: first,
        end_tok: i + 1,
        kind: Kind::Percent,
        value: Some(value),
        interval,
        bound,
        unit: Some("percent".into()),
        measure: Measure::Change,
        direction: Some(if pct < 0 {
            Direction::Decrease
        } else {
            Direction::Increase
        }),
        role: None,
        qualifier,
        per: None,
        error: None,
    })
}

/// `tens of billions of dollars`, `hundreds of companies`, `several hundred`, `a few million`.
///
/// The callers first ask `vague_edges` whether a vague phrase starts at `i`.
fn vague(ctx: Ctx<'_>, vocab: &Vocabulary, i: usize, floor: usize) -> Option<Quantity> {
    let q = &vocab.qualifiers;
    let mut found = None;
    let p = unit::Phrase::after(ctx, i, i + 3);
    for len in (1..=p.len()).rev() {
        let Some((_, key)) = p.slice(0, len) else {
            continue;
        };
        if let Some(v) = q.vague.get(key) {
            found = Some((i + len, *v));
            break;
        }
    }
    let (mut k, v) = found?;
    let key = ctx.lower(i);
    let plural_magnitude = key.ends_with('s') && key != "several";
    let mut low = v.low;
    let mut high = v.high;
    // `tens of billions`, `several hundred`, `hundreds of thousands`.
    let mut k2 = k;
    if ctx.lower_is(k2, "of") && plural_magnitude {
        k2 += 1;
    }
    let mut scaled = false;
    let scale_e = match ctx.cls.get(k2) {
        Some(NumWord::Scale(e)) => Some(e),
        Some(NumWord::Hundred) => Some(2),
        _ => None,
    };
    if let Some(e) = scale_e {
        let m = Decimal::from_i128_with_scale(10i128.pow(u32::from(e)), 0);
        low = low.checked_mul(m)?;
        high = high.checked_mul(m)?;
        k = k2 + 1;
        scaled = true;
    }
    // A bare `tens` or `scores` needs its scale word; `several`, `a few`, `dozens` need a noun or scale.
    let mut kind = Kind::Number;
    let mut unit = None;
    let mut k3 = k;
    if ctx.lower_is(k3, "of") {
        k3 += 1;
    }
    if let Some(m) = currency_after(ctx, &vocab.currencies, k3) {
        if m.start == k3 {
            kind = Kind::Currency;
            unit = m.currency.iso().map(str::to_string);
            k = m.end;
        }
    } else if let Some(m) = ctx.tok(k3).and_then(|_| {
        // `hundreds of the U.S. companies`: allow a determiner and names before the noun.
        let mut j = k3;
        if ctx.lower_is(j, "the") || ctx.lower_is(j, "these") || ctx.lower_is(j, "their") {
            j += 1;
        }
        // Skip a name written with dots: `U.S.`
        while ctx.tok(j).is_some_and(|t| {
            t.kind == TokKind::Word
                && ctx.str(j).len() <= 2
                && ctx.str(j).chars().all(char::is_uppercase)
        }) && ctx.is_symbol(j + 1, '.')
        {
            j += 2;
        }
        unit::counted_noun(ctx, j)
    }) {
        kind = Kind::Count;
        unit = Some(m.1);
        k = m.0 + 1;
    }
    if !scaled && kind == Kind::Number && v.value.is_none() {
        return None;
    }
    if key == "tens" && !scaled {
        return None;
    }
    let qual = qualifier_before(ctx, vocab, i, floor);
    let first = qual.map_or(i, |(s, _)| s);
    let value = v.value;
    let interval = match value {
        Some(val) => bound::interval(val, Decimal::ONE, BoundKind::Approx, &vocab.qualifiers)?,
        None => Interval::new(Some(Endpoint::closed(low)), Some(Endpoint::open(high))),
    };
    Some(Quantity {
        start: ctx.tok(first)?.start,
        end: ctx.tok(k - 1)?.end,
        first_tok: first,
        end_tok: k,
        kind,
        value,
        interval,
        bound: if value.is_some() {
            BoundKind::Approx
        } else {
            BoundKind::Vague
        },
        unit,
        measure: Measure::Level,
        direction: None,
        role: None,
        qualifier: qual.map(|(s, _)| {
            ctx.text[ctx.tok(s).map_or(0, |t| t.start)..ctx.tok(i).map_or(0, |t| t.start)]
                .trim_end()
                .to_string()
        }),
        per: None,
        error: None,
    })
}

/// `a dollar`, `one penny`: money with an article for a number.
fn article_money(ctx: Ctx<'_>, vocab: &Vocabulary, i: usize, floor: usize) -> Option<Quantity> {
    if !matches!(ctx.cls.get(i), Some(NumWord::Article)) {
        return None;
    }
    let m = currency_after(ctx, &vocab.currencies, i + 1);
    let (end, code, value) = if let Some(m) = m.filter(|m| m.start == i + 1) {
        // Only a currency named by a word (`a dollar`), never a symbol or code (`a $5m deal`).
        if ctx.tok(i + 1).is_none_or(|t| t.kind != TokKind::Word)
            || ctx
                .tok(m.end)
                .is_some_and(|t| matches!(t.kind, TokKind::Number(_)) || t.gap == Gap::None)
        {
            return None;
        }
        if ctx.is_dash(m.end) {
            return None;
        }
        (m.end, m.currency.iso().map(str::to_string), Decimal::ONE)
    } else if let Some((end, c)) = subunit_alone(ctx, vocab, i + 1) {
        if ctx.str(i + 1).len() < 4 {
            return None;
        }
        (end, c.iso().map(str::to_string), Decimal::new(1, 2))
    } else {
        return None;
    };
    // `a dollar and 42 cents`.
    let (end, value) = match article_subunits(ctx, vocab, end) {
        Some((e, cents)) => (e, value + cents),
        None => (end, value),
    };
    let qual = qualifier_before(ctx, vocab, i, floor);
    let first = qual.map_or(i, |(s, _)| s);
    let bound = qual.map_or(BoundKind::Exact, |(_, b)| b);
    Some(Quantity {
        start: ctx.tok(first)?.start,
        end: ctx.tok(end - 1)?.end,
        first_tok: first,
        end_tok: end,
        kind: Kind::Currency,
        value: Some(value),
        interval: bound::interval(value, Decimal::ZERO, bound, &vocab.qualifiers)?,
        bound,
        unit: code,
        measure: Measure::Level,
        direction: None,
        role: None,
        qualifier: None,
        per: None,
        error: None,
    })
}

/// `and 42 cents` after a currency named by a word: the sub-units, in the main unit.
fn article_subunits(ctx: Ctx<'_>, vocab: &Vocabulary, k: usize) -> Option<(usize, Decimal)> {
    let k = if ctx.lower_is(k, "and") { k + 1 } else { k };
    let n = number::parse_at(ctx, k)?;
    let v = n.value?;
    if n.form != Form::Cardinal
        || v >= Decimal::ONE_HUNDRED
        || v.is_sign_negative()
        || !number::is_whole(v)
    {
        return None;
    }
    let (end, _) = subunit_alone(ctx, vocab, n.end)?;
    Some((end, v.checked_div(Decimal::ONE_HUNDRED)?))
}

/// Join `A-B`, `A to B`, `between A and B`, `from A to B` into a range (or, after a change
/// verb, into two levels: `rose from $1.8bn to $2.5bn`).
fn try_range(ctx: Ctx<'_>, vocab: &Vocabulary, a: &mut Quantity, floor: usize) {
    let j = a.end_tok;
    let Some(joiner) = ctx.tok(j) else { return };
    if joiner.gap == Gap::Newline {
        return;
    }
    // Whether the word before token `k` is `w` (most figures start no range: no allocation).
    let prev_is = |k: usize, w: &str| k.checked_sub(1).is_some_and(|p| ctx.lower_is(p, w));
    // `between the tenth and the fifteenth`: look past an article.
    let a_lead = if prev_is(a.first_tok, "the") {
        a.first_tok - 1
    } else {
        a.first_tok
    };
    let (after_between, after_from) = (prev_is(a_lead, "between"), prev_is(a_lead, "from"));
    let a_digits = ctx
        .tok(a.end_tok.saturating_sub(1))
        .is_some_and(|t| !matches!(t.kind, TokKind::Word))
        || (a.first_tok..a.end_tok)
            .any(|k| matches!(ctx.tok(k).map(|t| t.kind), Some(TokKind::Number(_))));
    let (b_start, between) =
        if ctx.is_dash(j) && ctx.gap(j) == Gap::None && ctx.lower_is(j + 1, "to") {
            // `8- to 16-meter`: a suspended hyphen.
            (j + 2, false)
        } else if ctx.is_dash(j) || ctx.is_symbol(j, '~') {
            // `10-20`, `$2bn-$3bn`; never words (`three-nought-four` is three numbers).
            let b_digits = ctx
                .tok(j + 1)
                .is_some_and(|t| !matches!(t.kind, TokKind::Word))
                || currency_after(ctx, &vocab.currencies, j + 1).is_some();
            if !a_digits || !b_digits {
                return;
            }
            (j + 1, false)
        } else if ctx.lower_is(j, "to") || ctx.lower_is(j, "through") || ctx.lower_is(j, "thru") {
            (j + 1, false)
        } else if ctx.lower_is(j, "and") && after_between {
            (j + 1, true)
        } else {
            return;
        };
    if ctx.gap(b_start) == Gap::Newline || a.measure == Measure::Change && !ctx.is_dash(j) {
        return;
    }
    let b_start = if ctx.lower_is(b_start, "the") && a_lead < a.first_tok {
        b_start + 1
    } else {
        b_start
    };
    // B is read without a qualifier of its own; a dash directly before B is a joiner, not a sign.
    let Some(num_b) = number::parse_at(ctx, b_start).or_else(|| {
        // `$10-$20`: a currency symbol starts B.
        let m = currency_after(ctx, &vocab.currencies, b_start)?;
        (m.start == b_start)
            .then(|| number::parse_at(ctx, m.end))
            .flatten()
    }) else {
        return;
    };
    if is_not_quantity(ctx, &num_b) {
        return;
    }
    let Some(b) = build(ctx, vocab, &num_b, b_start) else {
        return;
    };
    if b.qualifier.is_some() || b.interval == Interval::default() && b.value.is_none() {
        return;
    }
    let (Some(mut va), Some(vb)) = (a.value, b.value) else {
        return;
    };
    let vb = vb.abs();
    // Units must agree; a missing one is shared (`2-3 bn USD`, `between $2 and 3 billion`).
    if a.unit.is_some() && b.unit.is_some() && a.unit != b.unit || a.per != b.per && a.per.is_some()
    {
        return;
    }
    if a.kind != b.kind && a.kind != Kind::Number && b.kind != Kind::Number {
        return;
    }
    // Scale distributes from B to A when A has none: `2 to 3 billion`.
    let b_scale = scale_factor(ctx, vocab, &num_b, &b);
    if b_scale > Decimal::ONE
        && va.checked_mul(b_scale).is_some_and(|x| x <= vb)
        && vb
            .checked_div(b_scale)
            .and_then(|x| x.checked_add(Decimal::ONE))
            .is_some_and(|x| va < x)
        && !a_has_scale(a)
    {
        let Some(x) = va.checked_mul(b_scale) else {
            return;
        };
        va = x;
    }
    let change_verb = after_from
        && a_lead >= 2
        && (change::change_word(ctx.lower(a_lead - 2)).is_some()
            || matches!(
                ctx.lower(a_lead - 2),
                "moved" | "moving" | "went" | "changed" | "improved" | "improving" | "slid"
            ));
    if change_verb && !between && ctx.lower_is(j, "to") {
        // Two levels (`rose from $1.8bn to $2.5bn`, `moved from 28th to 25th`): the
        // quantities stay separate, each with its role; the scanner gives B its role.
        a.role = Some(Role::From);
        a.measure = if a.kind == Kind::Rank {
            Measure::Rank
        } else {
            Measure::Level
        };
        a.direction = None;
        return;
    }
    if va >= vb {
        return;
    }
    let first = if between || after_from {
        a_lead - 1
    } else {
        a.first_tok
    };
    if first < floor {
        return;
    }
    a.first_tok = first;
    a.start = ctx.tok(first).map_or(a.start, |t| t.start);
    a.end_tok = b.end_tok;
    a.end = b.end;
    if a.unit.is_none() {
        a.unit = b.unit.clone();
        a.kind = b.kind;
    }
    let signed = |v: Decimal| {
        if a.direction == Some(Direction::Decrease) {
            -v
        } else {
            v
        }
    };
    let (lo, hi) = if a.direction == Some(Direction::Decrease) {
        (signed(vb), signed(va))
    } else {
        (va, vb)
    };
    a.value = None;
    a.bound = BoundKind::Range;
    a.interval = Interval::closed(lo.normalize(), hi.normalize());
}

fn a_has_scale(a: &Quantity) -> bool {
    a.value.is_some_and(|v| v.abs() >= Decimal::from(1000))
}

/// The scale factor applied to B (`3 billion` -> 1e9), from its value and written number.
fn scale_factor(ctx: Ctx<'_>, _vocab: &Vocabulary, num: &Number, b: &Quantity) -> Decimal {
    let _ = ctx;
    if num.scaled && num.scale_exp > 0 {
        return Decimal::from_i128_with_scale(10i128.pow(u32::from(num.scale_exp)), 0);
    }
    let (Some(raw), Some(v)) = (num.value, b.value) else {
        return Decimal::ONE;
    };
    if raw.is_zero() {
        return Decimal::ONE;
    }
    let Some(f) = v.abs().checked_div(raw.abs()).map(|f| f.round()) else {
        return Decimal::ONE;
    };
    if f > Decimal::ONE { f } else { Decimal::ONE }
}

/// `more than 10 and less than 20`, `at most 100 and at least 20`: two one-sided bounds joined
/// into one range.
fn combine_bounds(ctx: Ctx<'_>, out: &mut Vec<Quantity>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let joined = b.first_tok >= a.end_tok
            && b.first_tok - a.end_tok <= 2
            && (a.end_tok..b.first_tok).all(|k| {
                let w = ctx.lower(k);
                matches!(w, "and" | "but" | "," | "or" | ";")
            })
            && b.first_tok > a.end_tok;
        let lower = |q: &Quantity| matches!(q.bound, BoundKind::Gt | BoundKind::Ge);
        let upper = |q: &Quantity| matches!(q.bound, BoundKind::Lt | BoundKind::Le);
        let units_agree = a.unit == b.unit || a.unit.is_none() || b.unit.is_none();
        if joined && units_agree && (lower(a) && upper(b) || upper(a) && lower(b)) {
            let (lo, hi) = if lower(a) { (a, b) } else { (b, a) };
            if let (Some(l), Some(h)) = (lo.interval.low, hi.interval.high)
                && l.value < h.value
            {
                let merged = Quantity {
                    start: a.start,
                    end: b.end,
                    first_tok: a.first_tok,
                    end_tok: b.end_tok,
                    value: None,
                    interval: Interval::new(Some(l), Some(h)),
                    bound: BoundKind::Range,
                    qualifier: None,
                    unit: a.unit.clone().or_else(|| b.unit.clone()),
                    kind: if a.unit.is_some() { a.kind } else { b.kind },
                    ..a.clone()
                };
                out[i] = merged;
                out.remove(i + 1);
                continue;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests;
