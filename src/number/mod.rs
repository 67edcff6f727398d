//! Numbers: digits, words and mixtures (`1 billion 518 million`, `3 hundred and 21`,
//! `one and a half`, `two thirds of a million`, `twenty-fifth`), read from tokens.
//!
//! [`parse_at`] reads the longest number that starts at a token and says what form it has
//! (cardinal, ordinal, fraction) and the place value of its last written digit, from which the
//! quantity layer derives the implicit precision of a rounded figure.

pub mod literal;
pub mod text;
pub mod words;

use rust_decimal::Decimal;

use crate::token::{Gap, TokKind, Token, Tokens};
use literal::Shape;
use words::NumWord;

/// What kind of number was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Cardinal,
    Ordinal,
    Fraction,
}

/// A number read from tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    /// `None` when the number does not fit the exact decimal type.
    pub value: Option<Decimal>,
    pub form: Form,
    /// Place value of the last written digit (`1.8 billion` -> 0.1e9; `twenty-five` -> 1);
    /// zero for exact forms (fractions, exponents).
    pub unit: Decimal,
    /// Written (partly) in words.
    pub words: bool,
    /// A scale word (`million`, `lakh`) was part of it.
    pub scaled: bool,
    /// The power of ten of the last scale word (`3 billion` -> 9), 0 without one.
    pub scale_exp: u8,
    /// Why `value` is `None`.
    pub error: Option<&'static str>,
}

/// Per-token word classes for a chunk, computed once so the grammar never re-lowercases.
#[derive(Debug, Default)]
pub struct Classes {
    pub cls: Vec<Option<NumWord>>,
    /// The chunk, ASCII-lowercased (same byte offsets): lowering it whole is one pass, where
    /// lowering word by word into a buffer needed a UTF-8 check of each word.
    lower: String,
}

impl Classes {
    pub fn compute(&mut self, text: &str, toks: &Tokens) {
        self.cls.clear();
        self.lower.clear();
        self.lower.push_str(text);
        self.lower.make_ascii_lowercase();
        let lower = &self.lower;
        let bytes = lower.as_bytes();
        // The gate of `words::classify` is asked first, on bytes: most words stop there, and
        // only the few that pass are sliced as `str` (a char-boundary check) and looked up.
        self.cls.extend(toks.toks.iter().map(|t| match t.kind {
            // No number word has a letter outside ASCII.
            TokKind::Word if t.end - t.start <= 14 => {
                let w = &bytes[t.start..t.end];
                if words::may_be_number_word(w) && w.is_ascii() {
                    words::look_up(&lower[t.start..t.end])
                } else {
                    None
                }
            }
            TokKind::Symbol('&') => Some(NumWord::And),
            _ => None,
        }));
    }

    pub fn get(&self, i: usize) -> Option<NumWord> {
        self.cls.get(i).copied().flatten()
    }

    /// The bytes `start..end` of the chunk, ASCII-lowercased.
    fn lower(&self, start: usize, end: usize) -> &str {
        &self.lower[start..end]
    }
}

/// Whether `v` has no fractional part: `v.fract().is_zero()`, without the division for a
/// figure of scale 0 (every integer literal), which is always whole.
#[inline]
pub fn is_whole(v: Decimal) -> bool {
    v.scale() == 0 || v.fract().is_zero()
}

/// Context the grammar reads: the text, its tokens and their classes.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a Tokens,
    pub cls: &'a Classes,
}

impl<'a> Ctx<'a> {
    pub fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.toks.get(i)
    }
    pub fn str(&self, i: usize) -> &'a str {
        self.toks
            .toks
            .get(i)
            .map_or("", |t| &self.text[t.start..t.end])
    }
    /// Token `i`, ASCII-lowercased (empty past the end).
    pub fn lower(&self, i: usize) -> &'a str {
        self.toks
            .toks
            .get(i)
            .map_or("", |t| self.cls.lower(t.start, t.end))
    }
    pub fn lower_is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokKind::Word) && self.str(i).eq_ignore_ascii_case(w)
    }
    pub fn is_symbol(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokKind::Symbol(c))
    }
    pub fn is_dash(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| matches!(t.kind, TokKind::Symbol('-' | '\u{2013}' | '\u{2014}')))
    }
    /// Token `i` continues the same line as the token before it.
    pub fn same_line(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap != Gap::Newline)
    }
    pub fn gap(&self, i: usize) -> Gap {
        self.tok(i).map_or(Gap::Newline, |t| t.gap)
    }
}

/// The last element read, which decides what may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Article,
    Small,
    Tens,
    Digits,
    Hundred,
    Scale,
    Fraction,
    And,
}

/// A state worth returning to: the number read so far is complete here.
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    end: usize,
    value: Decimal,
    form: Form,
    unit: Decimal,
}

/// Running state of the word-number grammar.
struct Acc {
    /// Completed scale groups.
    total: Decimal,
    /// The group being built (below the last scale word).
    current: Decimal,
    /// Start of the current segment (`current` value when the last `and` was read).
    segment_base: Decimal,
    /// Largest scale exponent applied so far.
    max_scale: u8,
    /// The scale exponent applied last.
    last_scale: u8,
    /// Place value of the element before the last `and`: what follows must be smaller.
    and_limit: Option<(Decimal, bool)>,
    /// Checkpoint before the last `and`, to return to if what follows does not fit.
    before_and: Option<Checkpoint>,
    last: Last,
    unit: Decimal,
    words: bool,
    /// A digit literal was part of the number.
    digits: bool,
    scaled: bool,
    form: Form,
    negative: bool,
    best: Option<Checkpoint>,
}

impl Acc {
    fn value(&self) -> Option<Decimal> {
        let v = self.total.checked_add(self.current)?;
        Some(if self.negative { -v } else { v })
    }

    fn checkpoint(&mut self, end: usize) {
        if let Some(value) = self.value() {
            self.best = Some(Checkpoint {
                end,
                value,
                form: self.form,
                unit: self.unit,
            });
        }
    }

    /// The segment value read since the last `and` (the numerator of a fraction).
    fn segment(&self) -> Decimal {
        self.current - self.segment_base
    }
}

fn pow10(e: u8) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(u32::from(e)), 0)
}

/// Read the longest number starting at token `i`.
pub fn parse_at(ctx: Ctx<'_>, i: usize) -> Option<Number> {
    let t = ctx.tok(i)?;
    // A sign: `-5`, `- 1 4/5`, `minus one`, `negative 1200000`.
    let (negative, first) = match (t.kind, ctx.cls.get(i)) {
        (TokKind::Symbol('-' | '\u{2212}'), _) => {
            // A dash glued to a word or number before it joins them (`2020-2025`, `COVID-19`);
            // glued to another dash it is typed punctuation (`rose --5%`), not a sign.
            if i > 0
                && t.gap == Gap::None
                && matches!(
                    ctx.tok(i - 1)?.kind,
                    TokKind::Word
                        | TokKind::Number(_)
                        | TokKind::NotNumber
                        | TokKind::Symbol('-' | '\u{2212}' | '\u{2013}' | '\u{2014}')
                )
            {
                return None;
            }
            let next = ctx.tok(i + 1)?;
            if !matches!(next.kind, TokKind::Number(_)) || next.gap == Gap::Newline {
                return None;
            }
            (true, i + 1)
        }
        (_, Some(NumWord::Minus)) => (true, i + 1),
        _ => (false, i),
    };
    let mut n = parse_unsigned(ctx, first, negative)?;
    n.start = i;
    Some(n)
}

fn parse_unsigned(ctx: Ctx<'_>, first: usize, negative: bool) -> Option<Number> {
    let mut acc = Acc {
        total: Decimal::ZERO,
        current: Decimal::ZERO,
        segment_base: Decimal::ZERO,
        max_scale: 0,
        last_scale: 0,
        and_limit: None,
        before_and: None,
        last: Last::Start,
        unit: Decimal::ONE,
        words: false,
        digits: false,
        scaled: false,
        form: Form::Cardinal,
        negative,
        best: None,
    };
    let mut j = first;
    let mut error = None;
    while let Some(tok) = ctx.tok(j) {
        if j > first && tok.gap == Gap::Newline {
            break;
        }
        match step(ctx, &mut acc, j, &mut error) {
            Some(next) => j = next,
            None => break,
        }
        if acc.form != Form::Cardinal && acc.last != Last::Fraction {
            break;
        }
    }
    finish_and(&mut acc);
    let best = acc.best?;
    let mut end = best.end;
    let mut value = best.value;
    let mut form = best.form;
    let mut unit = best.unit;
    // `two thirds of a million`.
    if form == Form::Fraction && ctx.lower_is(end, "of") {
        let mut k = end + 1;
        if matches!(ctx.cls.get(k), Some(NumWord::Article)) {
            k += 1;
        }
        if let Some(NumWord::Scale(e)) = ctx.cls.get(k)
            && let Some(v) = value.checked_mul(pow10(e))
        {
            value = v;
            end = k + 1;
            form = Form::Cardinal;
            unit = Decimal::ZERO;
            acc.scaled = true;
        }
    }
    // Ratios: `one over three`, `two out of five hundred`.
    if form == Form::Cardinal
        && !acc.scaled
        && let Some((e, v)) = ratio(ctx, end, value)
    {
        end = e;
        value = v;
        form = Form::Fraction;
        unit = Decimal::ZERO;
    }
    // `forty-five (45)` and `45 (forty five)`: the same number restated in brackets.
    if let Some(e) = restated(ctx, end, value) {
        end = e;
    }
    Some(Number {
        start: first,
        end,
        value: Some(value),
        form,
        unit,
        words: acc.words,
        scaled: acc.scaled,
        scale_exp: if acc.scaled { acc.last_scale } else { 0 },
        error,
    })
    .map(|mut n| {
        if error.is_some() {
            n.value = None;
        }
        n
    })
}

/// Check that what followed the last `and` was smaller than what came before it
/// (`3 hundred and 2` is one number, `3 hundred and 2 hundred` is two). On failure, return to
/// the state before the `and` and report `false`: the number ends there.
fn resolve_and(acc: &mut Acc, at_end: bool) -> bool {
    let Some((limit, scale)) = acc.and_limit else {
        return true;
    };
    let seg = acc.segment();
    acc.and_limit = None;
    if acc.last == Last::And || seg >= limit || seg.is_zero() {
        acc.best = acc.before_and;
        return false;
    }
    // `3 million and a half`: a fraction after a scale word is a fraction of that scale.
    if at_end
        && scale
        && seg < Decimal::ONE
        && acc.last == Last::Fraction
        && let Some(v) = seg
            .checked_mul(limit)
            .and_then(|v| acc.segment_base.checked_add(v))
    {
        acc.current = v;
        let end = acc.best.map_or(0, |b| b.end);
        acc.checkpoint(end);
    }
    true
}

/// After the number ends, settle a pending `and`.
fn finish_and(acc: &mut Acc) {
    resolve_and(acc, true);
}

/// One element of the grammar at token `j`; returns the next token, or `None` to stop.
#[allow(clippy::too_many_lines)]
fn step(ctx: Ctx<'_>, acc: &mut Acc, j: usize, error: &mut Option<&'static str>) -> Option<usize> {
    let tok = ctx.tok(j)?;
    if let TokKind::Number(_) = tok.kind {
        return digits(ctx, acc, j, error);
    }
    let cls = ctx.cls.get(j)?;
    // A hyphen joins `twenty-one`, `one-eighth`, `hundred-fifths`.
    match cls {
        NumWord::Small(n) => {
            let ok = match acc.last {
                Last::Start | Last::Hundred | Last::Scale | Last::And => true,
                Last::Tens => (1..=9).contains(&n),
                _ => false,
            };
            if !ok {
                return None;
            }
            // `one` as a pronoun: `the one you mentioned`, `one of the largest`.
            if n == 1 && acc.last == Last::Start && is_pronoun_one(ctx, j) {
                return None;
            }
            acc.current = acc.current.checked_add(Decimal::from(n))?;
            acc.last = if n >= 10 { Last::Tens } else { Last::Small };
            if n >= 10 {
                // `eleven` cannot take a unit after it: mark as Small-like for what follows.
                acc.last = Last::Small;
            }
            acc.words = true;
            acc.unit = Decimal::ONE;
            acc.checkpoint(j + 1);
            Some(skip_hyphen(ctx, j + 1))
        }
        NumWord::Tens(n) => {
            // `twenty-fifth`, `a twenty-first`, `three twenty-firsts`: a compound ordinal
            // (hyphenated, or singular: `twenty fifths` is twenty fifths).
            let next = skip_hyphen(ctx, j + 1);
            if let Some(NumWord::Ordinal {
                value,
                plural,
                scale: false,
            }) = ctx.cls.get(next)
            {
                let hyphenated = next > j + 1;
                if value < 10 && ctx.same_line(next) && (hyphenated || !plural) {
                    let ok = matches!(
                        acc.last,
                        Last::Start | Last::Hundred | Last::Scale | Last::And
                    ) || matches!(acc.last, Last::Article | Last::Small | Last::Digits);
                    if ok {
                        return ordinal(ctx, acc, next, u64::from(n) + value, plural, false);
                    }
                }
            }
            if !matches!(
                acc.last,
                Last::Start | Last::Hundred | Last::Scale | Last::And
            ) {
                return None;
            }
            acc.current = acc.current.checked_add(Decimal::from(n))?;
            acc.last = Last::Tens;
            acc.words = true;
            acc.unit = Decimal::ONE;
            acc.checkpoint(j + 1);
            Some(next)
        }
        NumWord::Hundred => {
            let group = acc.current;
            if group >= Decimal::ONE_HUNDRED && acc.last != Last::Digits {
                // `3 hundred and 2 hundred`: the second hundred starts a new number.
                if acc.and_limit.is_some() {
                    acc.best = acc.before_and;
                    acc.and_limit = None;
                }
                return None;
            }
            if acc.last == Last::Start {
                // `hundreds of` is vague; a bare `hundred` is 100.
                if ctx.str(j).eq_ignore_ascii_case("hundreds") {
                    return None;
                }
            }
            let base = if group.is_zero() { Decimal::ONE } else { group };
            acc.current = base.checked_mul(Decimal::ONE_HUNDRED)?;
            acc.unit = if acc.last == Last::Digits {
                acc.unit
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .unwrap_or(Decimal::ONE_HUNDRED)
            } else {
                Decimal::ONE
            };
            acc.last = Last::Hundred;
            acc.words = true;
            acc.checkpoint(j + 1);
            Some(skip_hyphen(ctx, j + 1))
        }
        NumWord::Scale(e) => {
            if acc.last == Last::Start {
                return None;
            }
            if acc.last == Last::And {
                return None;
            }
            if !resolve_and(acc, false) {
                return None;
            }
            let m = pow10(e);
            if acc.last == Last::Scale && acc.current.is_zero() {
                // `three lakh crore`, `three thousand millions`: scales multiply.
                acc.total = acc.total.checked_mul(m)?;
                acc.max_scale = acc.max_scale.max(e);
                acc.unit = acc.unit.checked_mul(m).unwrap_or(m);
                acc.last_scale = e;
                acc.checkpoint(j + 1);
                return Some(j + 1);
            }
            let group = if acc.current.is_zero() {
                Decimal::ONE
            } else {
                acc.current
            };
            if e > acc.max_scale {
                acc.total = acc
                    .total
                    .checked_add(group)
                    .and_then(|v| v.checked_mul(m))?;
                acc.max_scale = e;
            } else {
                acc.total = acc.total.checked_add(group.checked_mul(m)?)?;
            }
            acc.current = Decimal::ZERO;
            acc.segment_base = Decimal::ZERO;
            // The place value of the last digit written: `1.8 billion` -> 0.1e9; a fraction
            // (`one and a half billion`) is read to a tenth of the scale.
            acc.unit = if acc.unit.is_zero() {
                m.checked_div(Decimal::TEN).unwrap_or(m)
            } else {
                acc.unit.checked_mul(m).unwrap_or(m)
            };
            acc.last_scale = e;
            acc.last = Last::Scale;
            acc.scaled = true;
            acc.words = true;
            if acc.form == Form::Fraction {
                acc.form = Form::Cardinal;
            }
            acc.checkpoint(j + 1);
            Some(j + 1)
        }
        NumWord::Dozen => {
            if acc.last == Last::Start {
                return None;
            }
            let seg = acc.segment();
            let seg = if seg.is_zero() { Decimal::ONE } else { seg };
            acc.current = acc
                .segment_base
                .checked_add(seg.checked_mul(Decimal::from(12))?)?;
            acc.unit = Decimal::ONE;
            acc.last = Last::Scale;
            acc.words = true;
            acc.form = Form::Cardinal;
            acc.checkpoint(j + 1);
            Some(j + 1)
        }
        NumWord::Article => {
            if !matches!(acc.last, Last::Start | Last::And) {
                return None;
            }
            // `a` counts as one only before a number word that needs it.
            let next = ctx.cls.get(j + 1)?;
            if !matches!(
                next,
                NumWord::Hundred
                    | NumWord::Scale(_)
                    | NumWord::Dozen
                    | NumWord::Half { .. }
                    | NumWord::Quarter { .. }
                    | NumWord::Ordinal { .. }
                    | NumWord::Tens(_)
            ) {
                return None;
            }
            if let NumWord::Tens(_) = next {
                // Only `a twenty-first` (a fraction): look for the compound ordinal.
                let k = skip_hyphen(ctx, j + 2);
                if !matches!(ctx.cls.get(k), Some(NumWord::Ordinal { value, .. }) if value < 10) {
                    return None;
                }
            }
            acc.last = Last::Article;
            acc.words = true;
            Some(j + 1)
        }
        NumWord::Half { plural } | NumWord::Quarter { plural } => {
            let den = if matches!(cls, NumWord::Half { .. }) {
                2
            } else {
                4
            };
            let num = match acc.last {
                Last::Article => Decimal::ONE,
                Last::Small | Last::Tens | Last::Digits | Last::Hundred => acc.segment(),
                Last::Start => {
                    // A bare `half` (`more than half`, `half million`); a bare `quarter` is
                    // usually a period, never taken alone.
                    if den == 4 && !matches!(ctx.cls.get(j + 1), Some(NumWord::Scale(_))) {
                        return None;
                    }
                    if plural {
                        return None;
                    }
                    Decimal::ONE
                }
                _ => return None,
            };
            if plural && num <= Decimal::ONE && acc.last != Last::Start {
                // `three halves` is fine, `one halves` is not English.
            }
            let frac = num.checked_div(Decimal::from(den))?;
            acc.current = acc.segment_base.checked_add(frac)?;
            acc.last = Last::Fraction;
            acc.form = Form::Fraction;
            acc.words = true;
            acc.unit = Decimal::ZERO;
            acc.checkpoint(j + 1);
            // `half a million`, `half a dozen`.
            if matches!(ctx.cls.get(j + 1), Some(NumWord::Article))
                && matches!(ctx.cls.get(j + 2), Some(NumWord::Scale(_) | NumWord::Dozen))
            {
                return Some(j + 2);
            }
            Some(j + 1)
        }
        NumWord::Ordinal {
            value,
            plural,
            scale,
        } => ordinal(ctx, acc, j, value, plural, scale),
        NumWord::And => {
            if !matches!(
                acc.last,
                Last::Small | Last::Tens | Last::Digits | Last::Hundred | Last::Scale
            ) {
                return None;
            }
            // A second `and` (`one hundred and three and two thirds`): settle the first.
            if acc.and_limit.is_some() && !resolve_and(acc, false) {
                return None;
            }
            // What follows must be smaller than the place of what came before.
            let (limit, scale) = match acc.last {
                Last::Hundred => (Decimal::ONE_HUNDRED, false),
                Last::Scale => (pow10(acc.last_scale), true),
                _ => (Decimal::ONE, false),
            };
            acc.before_and = acc.best;
            acc.and_limit = Some((limit, scale));
            acc.segment_base = acc.current;
            acc.last = Last::And;
            Some(j + 1)
        }
        NumWord::Point => decimal_words(ctx, acc, j),
        NumWord::Minus => None,
    }
}

/// A digit literal inside (or starting) a number.
fn digits(
    ctx: Ctx<'_>,
    acc: &mut Acc,
    j: usize,
    error: &mut Option<&'static str>,
) -> Option<usize> {
    let tok = ctx.tok(j)?;
    let lit = *ctx.toks.literal(tok)?;
    let allowed = match acc.last {
        Last::Start => true,
        // `1 billion 518 million`, but not `$5 billion 10 years ago`.
        Last::Scale => {
            tok.gap == Gap::Space
                && !lit.ordinal
                && match ctx.cls.get(j + 1) {
                    Some(NumWord::Scale(e)) => e < acc.last_scale,
                    Some(NumWord::Hundred) => acc.last_scale > 2,
                    _ => false,
                }
        }
        Last::And => acc.and_limit.is_some_and(|(l, _)| l > Decimal::ONE),
        Last::Digits => {
            // `2 1/4`: an integer then a proper fraction.
            lit.shape == Shape::Fraction
                && tok.gap == Gap::Space
                && is_whole(acc.current)
                && lit.value.is_some_and(|v| v < Decimal::ONE)
        }
        _ => false,
    };
    if !allowed {
        return None;
    }
    let Some(v) = lit.value else {
        *error = lit.error.or(Some(literal::OUT_OF_RANGE));
        acc.best = Some(Checkpoint {
            end: j + 1,
            value: Decimal::ZERO,
            form: Form::Cardinal,
            unit: Decimal::ZERO,
        });
        return None;
    };
    if acc.last == Last::And && v.is_zero() {
        return None;
    }
    acc.current = acc.current.checked_add(v)?;
    acc.digits = true;
    acc.unit = match lit.shape {
        Shape::Integer | Shape::Decimal => Decimal::new(1, lit.decimals.min(28)),
        Shape::Exponent | Shape::Fraction => Decimal::ZERO,
    };
    acc.last = Last::Digits;
    if lit.ordinal {
        acc.form = Form::Ordinal;
        acc.unit = Decimal::ZERO;
        acc.checkpoint(j + 1);
        return None;
    }
    if lit.shape == Shape::Fraction {
        acc.form = Form::Fraction;
        acc.checkpoint(j + 1);
        return None;
    }
    acc.checkpoint(j + 1);
    if lit.shape == Shape::Exponent {
        return None;
    }
    // `1 point 1`.
    if matches!(ctx.cls.get(j + 1), Some(NumWord::Point)) && lit.shape == Shape::Integer {
        return Some(j + 1);
    }
    Some(j + 1)
}

/// An ordinal word at `j` (or the end of a compound ordinal) with the number before it.
fn ordinal(
    _ctx: Ctx<'_>,
    acc: &mut Acc,
    j: usize,
    value: u64,
    plural: bool,
    scale: bool,
) -> Option<usize> {
    let den = Decimal::from(value);
    match acc.last {
        Last::Start => {
            if plural {
                return None;
            }
            acc.current = den;
            acc.form = Form::Ordinal;
        }
        Last::Article => {
            if value <= 2 && !plural {
                // `a first class seat`, `a second term`: ordinals, not fractions.
                acc.current = den;
                acc.form = Form::Ordinal;
            } else {
                acc.current = acc
                    .segment_base
                    .checked_add(Decimal::ONE.checked_div(den)?)?;
                acc.form = Form::Fraction;
                acc.last = Last::Fraction;
            }
        }
        Last::Small | Last::Tens | Last::Digits | Last::Hundred | Last::Scale => {
            // The numerator is the whole number read so far (`one hundred and thirty-two
            // fifths` is 132/5), unless what followed an `and` cannot stand as a whole number
            // (`twenty and three fifths` is 20 + 3/5).
            let (base, numer, of) = fraction_parts(acc, scale)?;
            let fraction = |d: Decimal| numer.checked_div(d)?.checked_mul(of);
            // `one hundred twenty-fifth` (words only: `280 million first` is two things).
            let compound_ordinal = !acc.digits
                && (matches!(acc.last, Last::Hundred | Last::Scale)
                    || (acc.last == Last::Tens && value < 10));
            if plural {
                acc.total = Decimal::ZERO;
                acc.current = base.checked_add(fraction(den)?)?;
                acc.form = Form::Fraction;
                acc.last = Last::Fraction;
            } else if scale {
                // `two hundredth`, `three trillionth`.
                let whole = acc.total.checked_add(acc.current)?;
                acc.total = Decimal::ZERO;
                acc.current = whole.checked_mul(den)?;
                acc.form = Form::Ordinal;
            } else if compound_ordinal && acc.and_limit.is_none() {
                // `one hundred twenty-fifth`: the ordinal ends the number.
                acc.current = acc.current.checked_add(den)?;
                acc.form = Form::Ordinal;
            } else if value <= 2 {
                return None;
            } else {
                // `one fifth`, `one twenty-fifth`.
                acc.total = Decimal::ZERO;
                acc.current = base.checked_add(fraction(den)?)?;
                acc.form = Form::Fraction;
                acc.last = Last::Fraction;
            }
        }
        Last::And => {
            return None;
        }
        Last::Fraction => return None,
    }
    acc.words = true;
    acc.unit = Decimal::ZERO;
    acc.checkpoint(j + 1);
    if acc.form == Form::Ordinal {
        return None;
    }
    Some(j + 1)
}

/// The base and numerator of a fraction whose denominator comes next. With a decimal-like
/// denominator (`hundredths`) what follows `and` is always the numerator: `two hundred and
/// fifty-four hundredths` is 200.54.
fn fraction_parts(acc: &mut Acc, decimal_like: bool) -> Option<(Decimal, Decimal, Decimal)> {
    let whole = acc.total.checked_add(acc.current)?;
    let parts = match acc.and_limit {
        // `six million and two thirds`: a fraction of the scale word before the `and`.
        Some((limit, true)) if acc.segment() < limit => {
            let base = acc.total.checked_add(acc.segment_base)?;
            (base, acc.segment(), limit)
        }
        Some((limit, _)) if acc.segment() >= limit || decimal_like => {
            let base = acc.total.checked_add(acc.segment_base)?;
            (base, acc.segment(), Decimal::ONE)
        }
        _ => (Decimal::ZERO, whole, Decimal::ONE),
    };
    acc.and_limit = None;
    Some(parts)
}

/// `two hundred point zero three`, `nine point nought four`, `point 77`, `1 point 1`.
fn decimal_words(ctx: Ctx<'_>, acc: &mut Acc, j: usize) -> Option<usize> {
    if !matches!(
        acc.last,
        Last::Start | Last::Small | Last::Tens | Last::Hundred | Last::Digits
    ) {
        return None;
    }
    if acc.last == Last::Digits && !is_whole(acc.current) {
        return None;
    }
    let mut k = j + 1;
    let mut digits = String::new();
    if !ctx.same_line(k) {
        return None;
    }
    if let Some(lit) = ctx.tok(k).and_then(|t| ctx.toks.literal(t)) {
        if lit.shape == Shape::Integer && !lit.grouped && ctx.gap(k) == Gap::Space {
            digits.push_str(ctx.str(k));
            k += 1;
        }
    } else {
        while let Some(cls) = ctx.cls.get(k) {
            if !ctx.same_line(k) {
                break;
            }
            match cls {
                NumWord::Small(n) if n < 10 => {
                    digits.push(char::from(b'0' + n));
                    k += 1;
                }
                NumWord::Small(n) => {
                    digits.push_str(&n.to_string());
                    k += 1;
                }
                NumWord::Tens(n) => {
                    let k2 = skip_hyphen(ctx, k + 1);
                    if let Some(NumWord::Small(u)) = ctx.cls.get(k2)
                        && (1..=9).contains(&u)
                    {
                        digits.push_str(&(n + u).to_string());
                        k = k2 + 1;
                        continue;
                    }
                    digits.push_str(&n.to_string());
                    k += 1;
                }
                _ => break,
            }
            if digits.len() > 20 {
                break;
            }
        }
    }
    if digits.is_empty() {
        return None;
    }
    let frac: Decimal = format!("0.{digits}").parse().ok()?;
    acc.current = acc.current.checked_add(frac)?;
    acc.unit = Decimal::new(1, u32::try_from(digits.len()).unwrap_or(28).min(28));
    acc.last = Last::Digits;
    acc.words = true;
    acc.checkpoint(k);
    Some(k)
}

/// Skip a hyphen or dash joining two number words (`twenty-one`, `fifty - two`).
fn skip_hyphen(ctx: Ctx<'_>, k: usize) -> usize {
    if ctx.is_dash(k) && ctx.cls.get(k + 1).is_some() && ctx.same_line(k + 1) {
        k + 1
    } else {
        k
    }
}

/// `one` used as a pronoun rather than a number.
fn is_pronoun_one(ctx: Ctx<'_>, j: usize) -> bool {
    const BEFORE: [&str; 13] = [
        "the", "this", "that", "which", "each", "every", "any", "no", "another", "some", "last",
        "only", "such",
    ];
    let prev_is = |w: &str| j > 0 && ctx.lower_is(j - 1, w);
    if BEFORE.iter().any(|w| prev_is(w)) {
        return true;
    }
    // `a symbolic one.`: an article, an adjective, then `one` ending the phrase.
    let ends_phrase = ctx
        .tok(j + 1)
        .is_none_or(|t| t.kind != TokKind::Word || t.gap == Gap::Newline);
    if ends_phrase
        && j >= 2
        && ctx.tok(j - 1).is_some_and(|t| t.kind == TokKind::Word)
        && ["a", "an", "the"].iter().any(|a| ctx.lower_is(j - 2, a))
    {
        return true;
    }
    ctx.lower_is(j + 1, "of") || ctx.lower_is(j + 1, "another") || ctx.lower_is(j + 1, "you")
}

/// `one over three`, `1 over 3` (at the end of a clause), `two out of five hundred` (a proper
/// fraction only: `five out of three` is two numbers).
fn ratio(ctx: Ctx<'_>, end: usize, value: Decimal) -> Option<(usize, Decimal)> {
    let (k, out_of) = if ctx.lower_is(end, "over") {
        (end + 1, false)
    } else if ctx.lower_is(end, "out") && ctx.lower_is(end + 1, "of") {
        (end + 2, true)
    } else {
        return None;
    };
    if !ctx.same_line(k) {
        return None;
    }
    let den = parse_unsigned(ctx, k, false)?;
    if den.form != Form::Cardinal || den.scaled && !out_of {
        return None;
    }
    let d = den.value?;
    if d.is_zero() {
        return None;
    }
    if out_of {
        if value >= d {
            return None;
        }
    } else if ctx
        .tok(den.end)
        .is_some_and(|t| t.kind == TokKind::Word && t.gap != Gap::Newline)
    {
        // `$2000 over 3 years`: a duration, not a ratio.
        return None;
    }
    Some((den.end, value.checked_div(d)?))
}

/// `forty-five (45)`: the bracket repeats the number.
fn restated(ctx: Ctx<'_>, end: usize, value: Decimal) -> Option<usize> {
    if !ctx.is_symbol(end, '(') || !ctx.same_line(end) {
        return None;
    }
    let inner = parse_unsigned(ctx, end + 1, false)?;
    if inner.value != Some(value) || !ctx.is_symbol(inner.end, ')') {
        return None;
    }
    // Only when one side is in words and the other in digits.
    let first_digits = matches!(ctx.tok(end.saturating_sub(1))?.kind, TokKind::Number(_));
    let inner_digits = matches!(ctx.tok(end + 1)?.kind, TokKind::Number(_));
    (first_digits != inner_digits).then_some(inner.end + 1)
}

#[cfg(test)]
mod tests {
    /// `Classes::compute` as it was: each word sliced, checked for ASCII and classified.
    fn plain_classes(text: &str, toks: &Tokens) -> Vec<Option<NumWord>> {
        let lower = text.to_ascii_lowercase();
        toks.toks
            .iter()
            .map(|t| match t.kind {
                TokKind::Word if t.end - t.start <= 14 => Some(&lower[t.start..t.end])
                    .filter(|w| w.is_ascii())
                    .and_then(words::classify),
                TokKind::Symbol('&') => Some(NumWord::And),
                _ => None,
            })
            .collect()
    }

    use proptest::prelude::Strategy;

    proptest::proptest! {
        /// The scale-0 shortcut answers as `fract` does.
        #[test]
        fn is_whole_is_fract_is_zero(
            m in proptest::prelude::any::<i64>(),
            small in -1000i64..1000,
            scale in 0u32..=28,
            pick in proptest::prelude::any::<bool>(),
        ) {
            let v = Decimal::from_i128_with_scale(i128::from(if pick { m } else { small }), scale);
            proptest::prop_assert_eq!(super::is_whole(v), v.fract().is_zero(), "{}", v);
        }
    }

    #[test]
    fn is_whole_reads_the_value_not_the_scale() {
        assert!(super::is_whole(Decimal::new(500, 2)));
        assert!(!super::is_whole(Decimal::new(501, 2)));
        assert!(super::is_whole(Decimal::new(7, 0)));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// The gate-first classes are the plain ones, in any case and with non-ASCII words.
        #[test]
        fn classes_are_the_plain_ones(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "one", "Two", "THREE", "twentyfifth", "fortytwo", "hundred", "a", "an",
                        "and", "&", "point", "minus", "half", "Thirds", "dozen", "million",
                        "first", "seventy", "s\u{e9}ven", "tw\u{f6}", "Ninetieth", "zero",
                    ]).prop_map(str::to_string),
                    "[a-zA-Z\u{e9}]{1,16}",
                    "[0-9.,&%-]{1,4}",
                ],
                0..24,
            ),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "-", "", "\n"]), 24),
        ) {
            let mut text = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(sep);
            }
            let mut toks = Tokens::default();
            toks.tokenize(&text);
            let mut cls = super::Classes::default();
            cls.compute(&text, &toks);
            let plain = plain_classes(&text, &toks);
            proptest::prop_assert_eq!(&cls.cls, &plain, "{}", text);
        }
    }

    #[test]
    fn classes_find_number_words() {
        let text = "Twenty-five and one hundred & a fortytwo";
        let mut toks = Tokens::default();
        toks.tokenize(text);
        let mut cls = super::Classes::default();
        cls.compute(text, &toks);
        assert!(
            cls.cls.iter().filter(|c| c.is_some()).count() >= 6,
            "{:?}",
            cls.cls
        );
        assert_eq!(cls.cls, plain_classes(text, &toks));
    }

    use super::*;

    fn read(text: &str) -> Vec<(String, String)> {
        let mut toks = Tokens::default();
        toks.tokenize(text);
        let mut cls = Classes::default();
        cls.compute(text, &toks);
        let ctx = Ctx {
            text,
            toks: &toks,
            cls: &cls,
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some(n) = parse_at(ctx, i) {
                let s = toks.toks[n.start].start;
                let e = toks.toks[n.end - 1].end;
                out.push((
                    text[s..e].to_string(),
                    n.value.unwrap().normalize().to_string(),
                ));
                i = n.end;
            } else {
                i += 1;
            }
        }
        out
    }

    fn one(text: &str) -> String {
        let r = read(text);
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        r[0].1.clone()
    }

    #[test]
    fn words() {
        assert_eq!(one("twenty-five"), "25");
        assert_eq!(one("one hundred and five"), "105");
        assert_eq!(one("a dozen"), "12");
        assert_eq!(one("half a million"), "500000");
        assert_eq!(one("one and a half billion"), "1500000000");
        assert_eq!(one("1 billion 518 million"), "1518000000");
        assert_eq!(one("two hundred and two thousand"), "202000");
        assert_eq!(one("three lakh crore"), "3000000000000");
        assert_eq!(one("two point two million"), "2200000");
        assert_eq!(one("3 million and a half"), "3500000");
        assert_eq!(one("one hundred and three quarters"), "100.75");
        assert!(one("two thirds of a million").starts_with("666666.66"));
    }

    #[test]
    fn and_splits_numbers_that_do_not_nest() {
        let r = read("3 hundred and 2 hundred");
        let v: Vec<&str> = r.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(v, ["300", "200"]);
        let r = read("between 20 and 30");
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn ordinals_and_fractions() {
        assert_eq!(one("twenty-fifth"), "25");
        assert_eq!(one("one hundred twenty fifth"), "125");
        assert_eq!(one("three fifths"), "0.6");
        assert_eq!(one("a fifth"), "0.2");
        assert_eq!(one("two hundredth"), "200");
        assert_eq!(one("one over twenty"), "0.05");
        assert_eq!(one("2 1/4"), "2.25");
    }

    #[test]
    fn pronoun_one_is_not_a_number() {
        assert!(read("The one you mentioned").is_empty());
        assert!(read("one of the largest").is_empty());
    }

    #[test]
    fn signs() {
        assert_eq!(one("-9.5"), "-9.5");
        assert_eq!(one("minus five point five"), "-5.5");
        // A doubled hyphen is a typed dash, not a sign.
        assert_eq!(one("fell --5 points"), "5");
        assert_eq!(one("fell —-5 points"), "5");
    }
}
