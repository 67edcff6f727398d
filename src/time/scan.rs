//! The grammar of the time scanner, over the tokens of one chunk.
//!
//! [`Ps::expr`] tries, at one token, every form that can start there and returns the longest;
//! the caller moves past it (leftmost-longest, so the output never overlaps). Every form looks at
//! a bounded number of tokens and the few recursive calls carry a depth limit, so a scan is
//! linear in the text.

use super::token::{self, K, Kw, Tok};

/// What a point in time denotes, before it is resolved into dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum V {
    Year(i32),
    Month(i32, u8),
    Quarter(i32, u8),
    Half(i32, u8),
    /// Months `y1-m1 ..= y2-m2` (`January-October 2019`, `Q1-Q3 2022`, `9M 2022`).
    Span(i32, u8, i32, u8),
    YearRange(i32, i32),
    Decade(i32),
    Century(i32),
    /// `FY2021`, `fiscal year 2021`: the US federal convention (Oct..Sep).
    FyUs(i32),
    /// `fiscal years 1992 through 2008`: US federal fiscal years, the first to the last.
    FyRange(i32, i32),
    /// `independence` in `since independence`, `since Kazakhstan's independence`: a date that
    /// depends on the country, before any figure a document about it compares.
    Independence,
    /// `2012-13`, `fiscal 2012-13`: the calendar is unknown.
    FySplit(i32),
    Day(i32, u8, u8),
    DayNoYear(u8, u8),
    /// Days `m1-d1 ..= m2-d2`, the year (if given) being the year of the last day; the first
    /// day is in the year before when its month comes later (`Dec 28-Jan 3, 2023`).
    Days(Option<i32>, u8, u8, u8, u8),
    Time(u8, u8),
    BareMonth(u8),
    BareQuarter(u8),
    BareHalf(u8),
    /// `last year` (-1), `this month` (0), `next quarter` (+1).
    Rel(RelUnit, i8),
    /// `last March` (-1), `this March` (0), `next March` (+1).
    RelMonth(u8, i8),
    /// Months `m1 ..= m2` of the year at an offset from the document's year
    /// (`the first quarter of last year`).
    RelPart(i8, u8, u8),
    /// Months `m1 ..= m2` with no year written (`between January and June`): the latest such
    /// span that has begun by the document's date.
    YearlessSpan(u8, u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RelUnit {
    Year,
    Month,
    Quarter,
}

/// Which part of the period is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Edge {
    Whole,
    /// `the end of 2018`.
    End,
    /// `the beginning of 2018`.
    Start,
}

/// The operator in front of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    None,
    Since,
    After,
    Before,
    Until,
    By,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Pt {
    pub s: usize,
    pub e: usize,
    pub v: V,
    pub edge: Edge,
}

/// One expression found: tokens `s..e`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub s: usize,
    pub e: usize,
    pub v: V,
    pub edge: Edge,
    pub op: Op,
    /// Written with a comparison sign (`>= 2019`): weak, the quantity parser may claim it.
    pub cmp: bool,
}

impl Found {
    fn of(p: Pt) -> Self {
        Found {
            s: p.s,
            e: p.e,
            v: p.v,
            edge: p.edge,
            op: Op::None,
            cmp: false,
        }
    }
}

const MAX_DEPTH: u8 = 3;

fn to24(h: u32, pm: bool) -> u32 {
    match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

/// A two-digit year: `87` is 1987, `17` is 2017.
fn pivot(yy: u32) -> i32 {
    let yy = yy as i32;
    if yy < 50 { 2000 + yy } else { 1900 + yy }
}

fn day_fits(m: u8, d: u32) -> bool {
    let max = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=max).contains(&d)
}

fn valid_date(y: i32, m: u8, d: u32) -> bool {
    (1..=9999).contains(&y)
        && day_fits(m, d)
        && (m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
}

/// First and last month of quarter `q`.
pub(super) fn quarter_months(q: u8) -> (u8, u8) {
    (q * 3 - 2, q * 3)
}

/// First and last month of half `h`.
pub(super) fn half_months(h: u8) -> (u8, u8) {
    (h * 6 - 5, h * 6)
}

/// The (year, month) of a month index `year * 12 + month - 1`.
pub(super) fn month_at(idx: i32) -> (i32, u8) {
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)
}

/// A period with a resolvable calendar position (something a mention may be about).
pub(super) fn complete(v: V) -> bool {
    !matches!(
        v,
        V::BareMonth(_)
            | V::BareQuarter(_)
            | V::BareHalf(_)
            | V::Time(..)
            | V::DayNoYear(..)
            | V::Days(None, ..)
    )
}

pub(super) struct Ps<'a> {
    pub text: &'a str,
    pub t: &'a [Tok],
}

impl Ps<'_> {
    // ----------------------------------------------------------------------------- token access

    fn k(&self, i: usize) -> K {
        self.t.get(i).map_or(K::End, |t| t.k)
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        match self.k(i) {
            K::W(w) => Some(w),
            _ => None,
        }
    }

    fn is(&self, i: usize, w: Kw) -> bool {
        self.kw(i) == Some(w)
    }

    fn pc(&self, i: usize, c: u8) -> bool {
        self.k(i) == K::P(c)
    }

    /// Token `i` starts where token `i - 1` ends.
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && self.t[i].start == self.t[i - 1].end
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.k(i) {
            K::Num(v, nd) => Some((v, nd)),
            _ => None,
        }
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.k(i), K::W(_) | K::Other)
    }

    fn is_alnum(&self, i: usize) -> bool {
        matches!(self.k(i), K::W(_) | K::Other | K::Num(..))
    }

    /// Token `i` is a word or number on the same line as token `i - 1`: the phrase goes on.
    fn goes_on(&self, i: usize) -> bool {
        self.is_alnum(i) && !self.line_start(i)
    }

    /// Token `i` is a plain word on the same line as token `i - 1`.
    pub(super) fn plain_word_follows(&self, i: usize) -> bool {
        self.k(i) == K::Other && !self.line_start(i)
    }

    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }

    fn month(&self, i: usize) -> Option<(u8, bool)> {
        match self.kw(i) {
            Some(Kw::Month { m, amb }) => Some((m, amb)),
            _ => None,
        }
    }

    /// Token `i` is the first of its line (of this chunk).
    fn line_start(&self, i: usize) -> bool {
        if i == 0 || i > self.t.len() {
            return true;
        }
        let gap = self.t[i - 1].end..self.t.get(i).map_or(self.text.len(), |t| t.start);
        self.text.as_bytes()[gap].contains(&b'\n')
    }

    /// Token `i` is an abbreviation followed by its dot (`Apr.`, `Sept.`): the dot's index + 1,
    /// else `i + 1`.
    fn after_abbrev(&self, i: usize) -> usize {
        let short = self.t.get(i).is_some_and(|t| t.end - t.start <= 4);
        // `dec . 12` (tokenized text) when a number follows
        let dot = self.pc(i + 1, b'.') && (self.glued(i + 1) || self.num(i + 2).is_some());
        if short && dot { i + 2 } else { i + 1 }
    }

    /// A date separator at `j` with a number glued on both sides: the number before `j` is
    /// one field of a longer date (`2016-11-05` at the second `-`).
    fn date_goes_on(&self, j: usize) -> bool {
        self.glued(j)
            && matches!(self.k(j), K::P(b'-' | b'/' | b'.'))
            && self.glued(j + 1)
            && self.num(j + 1).is_some()
    }

    /// A date separator is glued to the left of `i` (`5-12-...` at `12`).
    fn sep_left(&self, i: usize) -> bool {
        self.glued(i) && matches!(self.k(i - 1), K::P(b'-' | b'/' | b'.'))
    }

    /// `i`, or the token after it if `i` is a comma (`May 4, 2019`).
    fn skip_comma(&self, i: usize) -> usize {
        if self.pc(i, b',') { i + 1 } else { i }
    }

    fn prev_kw(&self, i: usize) -> Option<Kw> {
        if i == 0 { None } else { self.kw(i - 1) }
    }

    /// A word is glued to the left of token `i` (`COVID2019`, `ab12`).
    fn word_left(&self, i: usize) -> bool {
        self.glued(i) && self.is_word(i - 1)
    }

    /// A word or number is glued to the right of token `i`.
    fn alnum_right(&self, i: usize) -> bool {
        self.glued(i + 1) && self.is_alnum(i + 1)
    }

    /// The number at `i` is a piece of a bigger number (`6,107.31`, `2,019`, `2019.5`).
    fn in_bigger_number(&self, i: usize) -> bool {
        self.number_left(i) || self.number_right(i)
    }

    /// A number goes on to the left of `i`: `6,107.31` at `31`.
    fn number_left(&self, i: usize) -> bool {
        i >= 2
            && self.glued(i)
            && (self.pc(i - 1, b',') || self.pc(i - 1, b'.'))
            && self.glued(i - 1)
            && self.num(i - 2).is_some()
    }

    /// A number goes on to the right of `i`: `2019.5` at `2019`.
    fn number_right(&self, i: usize) -> bool {
        self.glued(i + 1)
            && (self.pc(i + 1, b',') || self.pc(i + 1, b'.') || self.pc(i + 1, b':'))
            && self.glued(i + 2)
            && self.num(i + 2).is_some()
    }

    /// The number at `i` is joined by a dash, tilde or slash to a number that cannot go with
    /// a year: a code or phone number (`555-2016`), a numeric range (`1000-5000`,
    /// `1000 – 5000`), a fraction (`20/2030`).
    fn in_code(&self, i: usize) -> bool {
        // a partner of a year across `-`/`~`: a year, or 1-2 digits (2015-3, 11-2016, 2014-18)
        let dash_ok = |j: usize| match self.num(j) {
            Some((v, 4)) => (1000..=2199).contains(&v),
            Some((_, nd)) => nd <= 2,
            None => true,
        };
        // across `/`: a month (11/2016, 2016/11), a two-digit or four-digit year (2016/17)
        let slash_ok = |j: usize, left: bool| match self.num(j) {
            Some((v, 4)) => (1000..=2199).contains(&v),
            Some((v, nd)) => nd <= 2 && ((1..=12).contains(&v) || (nd == 2 && !left)),
            None => true,
        };
        let left = i >= 2
            && match self.k(i - 1) {
                K::P(b'-' | b'~') => !dash_ok(i - 2),
                K::P(b'/') => self.glued(i) && self.glued(i - 1) && !slash_ok(i - 2, true),
                _ => false,
            };
        let right = match self.k(i + 1) {
            K::P(b'-' | b'~') => !dash_ok(i + 2),
            K::P(b'/') => self.glued(i + 1) && self.glued(i + 2) && !slash_ok(i + 2, false),
            _ => false,
        };
        left || right
    }

    fn currency_before(&self, i: usize) -> bool {
        i > 0 && (self.pc(i - 1, b'$') || self.is(i - 1, Kw::Cur))
    }

    fn percent_after(&self, i: usize) -> bool {
        self.pc(i + 1, b'%')
            || self.is(i + 1, Kw::Percent)
            || (self.is(i + 1, Kw::Per) && self.is(i + 2, Kw::Cent))
    }

    /// A four-digit year 1000..=2199 that is a number of its own.
    fn year4(&self, i: usize) -> Option<i32> {
        let (v, nd) = self.num(i)?;
        if nd != 4
            || !(1000..=2199).contains(&v)
            || self.in_bigger_number(i)
            || self.in_code(i)
            || self.currency_before(i)
            || self.percent_after(i)
        {
            return None;
        }
        Some(v as i32)
    }

    /// A year that ends a phrase: `year4` with nothing glued after it but punctuation.
    fn year_end(&self, i: usize) -> Option<i32> {
        let y = self.year4(i)?;
        if self.alnum_right(i) && !self.is(i + 1, Kw::S) {
            return None;
        }
        Some(y)
    }

    /// A year written `'98` (apostrophe glued to two digits).
    fn apos_yy(&self, i: usize) -> Option<(i32, usize)> {
        if !self.pc(i, b'\'') || self.word_left(i) || !self.glued(i + 1) {
            return None;
        }
        let (v, nd) = self.num(i + 1)?;
        if nd != 2 || self.alnum_right(i + 1) || self.in_bigger_number(i + 1) {
            return None;
        }
        Some((pivot(v), i + 2))
    }

    /// After a month or `of`: a year as `2017`, `'17`, or spelled out.
    fn year_any(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_end(i) {
            return Some((y, i + 1));
        }
        if let Some(r) = self.apos_yy(i) {
            return Some(r);
        }
        self.spelled_year(i).map(|(y, e, _)| (y, e))
    }

    // ----------------------------------------------------------------------------- spelled numbers

    /// 1..=99 in words: `seven`, `nineteen`, `ninety six`, `ninety-six`.
    fn below100(&self, j: usize) -> Option<(u32, usize)> {
        let Some(Kw::Card(n)) = self.kw(j) else {
            return None;
        };
        let n = u32::from(n);
        if n >= 20 {
            if self.pc(j + 1, b'-')
                && self.glued(j + 1)
                && self.glued(j + 2)
                && let Some(Kw::Card(u @ 1..=9)) = self.kw(j + 2)
            {
                return Some((n + u32::from(u), j + 3));
            }
            if let Some(Kw::Card(u @ 1..=9)) = self.kw(j + 1) {
                return Some((n + u32::from(u), j + 2));
            }
        }
        Some((n, j + 1))
    }

    /// `and` followed by a number word: the `and` of `two thousand and five`.
    fn and_num(&self, k: usize) -> usize {
        if self.is(k, Kw::And) && matches!(self.kw(k + 1), Some(Kw::Card(_))) {
            k + 1
        } else {
            k
        }
    }

    /// `a` then `hundred` at `k`, and what follows: `five hundred and six`, `nineteen hundred`.
    fn hundreds(&self, a: u32, k: usize) -> (u32, usize) {
        match self.below100(self.and_num(k + 1)) {
            Some((b, e)) => (a * 100 + b, e),
            None => (a * 100, k + 1),
        }
    }

    fn below1000(&self, j: usize) -> Option<(u32, usize)> {
        let (a, k) = self.below100(j)?;
        if a <= 9 && self.is(k, Kw::Hundred) {
            return Some(self.hundreds(a, k));
        }
        Some((a, k))
    }

    /// A cardinal: `two thousand and fifteen`, `one thousand seven hundred and eighty nine`.
    fn cardinal(&self, j: usize) -> Option<(u32, usize)> {
        let (a, k) = self.below1000(j)?;
        if (1..=9).contains(&a) && self.is(k, Kw::Thousand) {
            let k2 = self.and_num(k + 1);
            if let Some((b, k3)) = self.below1000(k2) {
                return Some((a * 1000 + b, k3));
            }
            return Some((a * 1000, k + 1));
        }
        Some((a, k))
    }

    /// A year said in pairs: `nineteen ninety six`, `twenty fifteen`, `nineteen oh five`,
    /// `nineteen hundred`.
    fn pair_year(&self, j: usize) -> Option<(u32, usize)> {
        let (a, k) = self.below100(j)?;
        if !(10..=21).contains(&a) {
            return None;
        }
        if self.is(k, Kw::Oh)
            && let Some(Kw::Card(u @ 1..=9)) = self.kw(k + 1)
        {
            return Some((a * 100 + u32::from(u), k + 2));
        }
        if self.is(k, Kw::Hundred) {
            return Some(self.hundreds(a, k));
        }
        let (b, k2) = self.below100(k)?;
        if b < 10 {
            return None;
        }
        Some((a * 100 + b, k2))
    }

    /// A spelled-out year, in a context that makes it one. Returns (year, end, pair form).
    /// The pair form (`nineteen ninety six`) is a year anywhere; a plain cardinal (`two
    /// thousand and five`) only after a month, `year`, or a time preposition, and not before an
    /// ordinary word (`in two thousand cases`).
    fn spelled_year(&self, i: usize) -> Option<(i32, usize, bool)> {
        if !matches!(self.kw(i), Some(Kw::Card(_))) {
            return None;
        }
        let prev = self.prev_kw(i);
        if matches!(prev, Some(Kw::Card(_) | Kw::Hundred | Kw::Thousand)) {
            return None; // inside a bigger spelled number
        }
        let after_year = prev == Some(Kw::Year) || self.is(i.wrapping_sub(2), Kw::Year);
        let after_month_or_year = after_year || matches!(prev, Some(Kw::Month { .. }));
        let prep = matches!(
            prev,
            Some(
                Kw::In
                    | Kw::During
                    | Kw::Since
                    | Kw::Until
                    | Kw::By
                    | Kw::Before
                    | Kw::After
                    | Kw::From
                    | Kw::To
                    | Kw::Through
                    | Kw::Of
                    | Kw::Between
                    | Kw::Throughout
            )
        );
        // `nineteen ninety six` is a year anywhere; `twenty twenty` only in a time context
        let pair = self.pair_year(i).filter(|&(v, _)| {
            (1000..=2199).contains(&v)
                && (v < 2000 || prep || prev == Some(Kw::The) || after_month_or_year)
        });
        let card = self.cardinal(i).filter(|&(v, e)| {
            let range = if after_year {
                (100..=2199).contains(&v)
            } else {
                (1000..=2199).contains(&v)
            };
            // a round cardinal (`one thousand`, `fifteen hundred`) is a count, except 2000
            let round = v % 100 == 0 && v != 2000;
            range
                && !round
                && (after_month_or_year
                    || (prep
                        && !self.plain_word_follows(e)
                        && !matches!(self.kw(e), Some(Kw::Years))))
        });
        match (pair, card) {
            (Some((p, pe)), Some((c, ce))) => {
                if ce > pe {
                    Some((c as i32, ce, false))
                } else {
                    Some((p as i32, pe, true))
                }
            }
            (Some((p, pe)), None) => Some((p as i32, pe, true)),
            (None, Some((c, ce))) => Some((c as i32, ce, false)),
            (None, None) => None,
        }
    }

    /// `nineteen seventies`, `twenty-tens`, `two thousand and tens`, `two thousands`.
    fn spelled_decade(&self, i: usize) -> Option<Pt> {
        let (a, k) = self.below100(i)?;
        let mut k2 = k;
        if self.pc(k2, b'-') && self.glued(k2) {
            k2 += 1;
        }
        if (10..=20).contains(&a)
            && let Some(Kw::Tens(d)) = self.kw(k2)
        {
            let y = a as i32 * 100 + i32::from(d) * 10;
            return Some(Pt {
                s: i,
                e: k2 + 1,
                v: V::Decade(y),
                edge: Edge::Whole,
            });
        }
        if (1..=2).contains(&a) {
            if self.is(k, Kw::Thousands) {
                return Some(Pt {
                    s: i,
                    e: k + 1,
                    v: V::Decade(a as i32 * 1000),
                    edge: Edge::Whole,
                });
            }
            if self.is(k, Kw::Thousand) {
                let mut k3 = k + 1;
                if self.is(k3, Kw::And) {
                    k3 += 1;
                }
                if let Some(Kw::Tens(d)) = self.kw(k3) {
                    let y = a as i32 * 1000 + i32::from(d) * 10;
                    return Some(Pt {
                        s: i,
                        e: k3 + 1,
                        v: V::Decade(y),
                        edge: Edge::Whole,
                    });
                }
            }
        }
        None
    }

    // ----------------------------------------------------------------------------- points

    /// The longest point (a period, possibly incomplete: `January` before `to October 2019`)
    /// starting at token `i`.
    pub(super) fn point(&self, i: usize, depth: u8) -> Option<Pt> {
        if depth > MAX_DEPTH {
            return None;
        }
        let mut best: Option<Pt> = None;
        let mut consider = |p: Option<Pt>| {
            if let Some(p) = p
                && best.is_none_or(|b| p.e > b.e)
            {
                best = Some(p);
            }
        };
        match self.k(i) {
            K::Num(..) => {
                consider(self.window(i, depth));
                consider(self.num_date(i));
                consider(self.time_of_day(i));
                consider(self.day_month(i));
                consider(self.num_forms(i));
                consider(self.ord_period(i));
                consider(self.months_of_year(i));
            }
            K::W(w) => match w {
                Kw::Month { .. } => consider(self.month_forms(i)),
                Kw::Q | Kw::H => consider(self.qh_forms(i)),
                Kw::Fy | Kw::Fiscal => consider(self.fiscal(i)),
                Kw::Cy | Kw::Calendar => consider(self.year_kw(i, depth)),
                Kw::Year => {
                    consider(self.year_kw(i, depth));
                    consider(self.window(i, depth));
                }
                Kw::Quarter | Kw::Half => consider(self.window(i, depth)),
                Kw::The => consider(self.the_forms(i, depth)),
                Kw::Ord(_) | Kw::Last | Kw::Final => {
                    consider(self.ord_period(i));
                    consider(self.relative(i));
                }
                Kw::This | Kw::Next | Kw::Prev | Kw::Current => consider(self.relative(i)),
                Kw::Card(_) => {
                    consider(self.window(i, depth));
                    consider(self.months_of_year(i));
                    consider(self.spelled_decade(i));
                    consider(self.spelled_year(i).map(|(y, e, _)| Pt {
                        s: i,
                        e,
                        v: V::Year(y),
                        edge: Edge::Whole,
                    }));
                }
                Kw::Noughties => consider(Some(Pt {
                    s: i,
                    e: i + 1,
                    v: V::Decade(2000),
                    edge: Edge::Whole,
                })),
                Kw::End | Kw::Start | Kw::Beginning => consider(self.edge_form(i, depth)),
                _ => {}
            },
            K::P(b'\'') => consider(self.apostrophe(i)),
            _ => {}
        }
        best
    }

    fn pt(s: usize, e: usize, v: V) -> Option<Pt> {
        Some(Pt {
            s,
            e,
            v,
            edge: Edge::Whole,
        })
    }

    /// Numeric dates: `2018-05-17`, `5/17/2018`, `17.05.2018`, `10-Apr-15`.
    fn num_date(&self, i: usize) -> Option<Pt> {
        let (a, na) = self.num(i)?;
        if self.number_left(i) || self.word_left(i) || self.currency_before(i) {
            return None;
        }
        let sep = match self.k(i + 1) {
            K::P(c @ (b'-' | b'/' | b'.')) if self.glued(i + 1) && self.glued(i + 2) => c,
            _ => return None,
        };
        // 10-Apr-15
        if sep == b'-'
            && na <= 2
            && let Some((m, _)) = self.month(i + 2)
            && self.pc(i + 3, b'-')
            && self.glued(i + 3)
            && self.glued(i + 4)
            && let Some((yv, ny)) = self.num(i + 4)
            && (ny == 2 || ny == 4)
            && !self.alnum_right(i + 4)
            && !self.in_bigger_number(i + 4)
        {
            let y = if ny == 2 { pivot(yv) } else { yv as i32 };
            if valid_date(y, m, a) {
                return Self::pt(i, i + 5, V::Day(y, m, a as u8));
            }
        }
        let (b, nb) = self.num(i + 2)?;
        if !(self.pc(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4)) {
            return None;
        }
        let (c, nc) = self.num(i + 4)?;
        if self.alnum_right(i + 4)
            || (self.glued(i + 5)
                && matches!(self.k(i + 5), K::P(b'-' | b'/' | b'.' | b','))
                && self.glued(i + 6)
                && self.num(i + 6).is_some())
        {
            return None;
        }
        let (y, m, d) = if na == 4 && nb <= 2 && nc <= 2 {
            (a as i32, b, c)
        } else if na <= 2 && nb <= 2 && (nc == 4 || (nc == 2 && sep != b'.')) {
            let y = if nc == 2 { pivot(c) } else { c as i32 };
            if sep == b'.' || a > 12 {
                (y, b, a)
            } else {
                (y, a, b)
            }
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !valid_date(y, m as u8, d) {
            return None;
        }
        Self::pt(i, i + 5, V::Day(y, m as u8, d as u8))
    }

    /// `am`, `pm`, `a.m.`, `p.m.` at `j`: the token after it, and whether it is `pm`.
    fn ampm(&self, j: usize) -> Option<(usize, bool)> {
        if self.is(j, Kw::Am) || self.is(j, Kw::Pm) {
            return (!self.alnum_right(j)).then_some((j + 1, self.is(j, Kw::Pm)));
        }
        if (self.is(j, Kw::A) || self.is(j, Kw::P))
            && self.pc(j + 1, b'.')
            && self.glued(j + 1)
            && self.glued(j + 2)
            && self.is(j + 2, Kw::M)
        {
            let e = if self.pc(j + 3, b'.') && self.glued(j + 3) {
                j + 4
            } else {
                j + 3
            };
            return Some((e, self.is(j, Kw::P)));
        }
        None
    }

    /// `10:30`, `14:00 GMT`, `2:30 p.m.`, `2 pm`.
    fn time_of_day(&self, i: usize) -> Option<Pt> {
        let (mut h, nh) = self.num(i)?;
        if nh > 2 || h > 24 || self.word_left(i) || self.currency_before(i) {
            return None;
        }
        if i >= 2
            && self.glued(i)
            && matches!(self.k(i - 1), K::P(b'.' | b',' | b':'))
            && self.num(i - 2).is_some()
        {
            return None;
        }
        let mut e;
        let mut mm = 0u32;
        // 2.17pm, 10.30 a.m.
        if self.pc(i + 1, b'.')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let Some((m, 2)) = self.num(i + 2)
            && m < 60
            && (1..=12).contains(&h)
            && let Some((e2, pm)) = self.ampm(i + 3)
        {
            let mut e = e2;
            if self.is(e, Kw::Zone) {
                e += 1;
            }
            return Self::pt(i, e, V::Time(to24(h, pm) as u8, m as u8));
        }
        if self.pc(i + 1, b':') && self.glued(i + 1) && self.glued(i + 2) {
            let (m, nm) = self.num(i + 2)?;
            if nm != 2 || m >= 60 {
                return None;
            }
            mm = m;
            e = i + 3;
            if self.pc(e, b':') && self.glued(e) && self.glued(e + 1) {
                let (s, ns) = self.num(e + 1)?;
                if ns != 2 || s >= 60 {
                    return None;
                }
                e += 2;
            }
            if self.alnum_right(e - 1) && self.ampm(e).is_none() {
                return None;
            }
            if self.glued(e)
                && matches!(self.k(e), K::P(b':' | b'.' | b','))
                && self.glued(e + 1)
                && self.num(e + 1).is_some()
            {
                return None;
            }
            if let Some((e2, pm)) = self.ampm(e) {
                if !(1..=12).contains(&h) {
                    return None;
                }
                e = e2;
                h = to24(h, pm);
            }
        } else {
            let (e2, pm) = self.ampm(i + 1)?;
            if !(1..=12).contains(&h) || self.in_bigger_number(i) {
                return None;
            }
            e = e2;
            h = to24(h, pm);
        }
        if self.is(e, Kw::Zone) {
            e += 1;
        }
        Self::pt(i, e, V::Time(h as u8, mm as u8))
    }

    /// After `Sept. 12` (month `m`, day `d`, next token `e`): `-18, 2022`, `-Oct. 2, 2022`,
    /// ` to 18`. `no_year_ok`: a span without a year is acceptable.
    fn day_range_tail(&self, i: usize, m: u8, d: u32, e: usize, no_year_ok: bool) -> Option<Pt> {
        if !(self.pc(e, b'-') || self.is(e, Kw::To) || self.is(e, Kw::Through)) {
            return None;
        }
        let mut k = e + 1;
        let mut m2 = m;
        if let Some((mm, _)) = self.month(k) {
            m2 = mm;
            k = self.after_abbrev(k);
        }
        let (d2, nd2) = self.num(k)?;
        if nd2 > 2
            || !day_fits(m2, d2)
            || self.in_bigger_number(k)
            || (self.pc(k + 1, b':') && self.glued(k + 1))
            || (m2 == m && d2 <= d)
        {
            return None;
        }
        let mut e2 = k + 1;
        if self.is(e2, Kw::Suffix) && self.glued(e2) {
            e2 += 1;
        }
        if self.alnum_right(e2 - 1) {
            return None;
        }
        let y_at = self.skip_comma(e2);
        if let Some(y) = self.year_end(y_at) {
            let y1 = if m2 < m { y - 1 } else { y };
            if valid_date(y, m2, d2) && valid_date(y1, m, d) {
                return Self::pt(i, y_at + 1, V::Days(Some(y), m, d as u8, m2, d2 as u8));
            }
            return None;
        }
        no_year_ok.then_some(Pt {
            s: i,
            e: e2,
            v: V::Days(None, m, d as u8, m2, d2 as u8),
            edge: Edge::Whole,
        })
    }

    /// `28 February 2023`, `4 May`, `4th May`, `4th of May 2019`, `12-18 September 2022`.
    fn day_month(&self, i: usize) -> Option<Pt> {
        let (d, nd) = self.num(i)?;
        if nd > 2 || self.in_bigger_number(i) || self.word_left(i) || self.currency_before(i) {
            return None;
        }
        // 12-18 September 2022
        if self.pc(i + 1, b'-')
            && let Some((d2, nd2)) = self.num(i + 2)
            && nd2 <= 2
            && d2 > d
            && !self.alnum_right(i + 2)
            && let Some((m, amb)) = self.month(i + 3)
            && day_fits(m, d2)
            && d > 0
        {
            let e = self.after_abbrev(i + 3);
            let y_at = self.skip_comma(e);
            if let Some(y) = self.year_end(y_at)
                && valid_date(y, m, d2)
            {
                return Self::pt(i, y_at + 1, V::Days(Some(y), m, d as u8, m, d2 as u8));
            }
            if !amb || self.cap(i + 3) {
                return Self::pt(i, i + 4, V::Days(None, m, d as u8, m, d2 as u8));
            }
        }
        let mut j = i + 1;
        let suffix = self.is(j, Kw::Suffix) && self.glued(j);
        if suffix {
            j += 1;
        }
        if suffix && self.is(j, Kw::Of) {
            j += 1;
        }
        let (m, amb) = self.month(j)?;
        if !day_fits(m, d) || (self.glued(j) && !suffix) {
            return None;
        }
        let e = self.after_abbrev(j);
        let y_at = self.skip_comma(e);
        if let Some(y) = self.year_end(y_at)
            && valid_date(y, m, d)
        {
            return Self::pt(i, y_at + 1, V::Day(y, m, d as u8));
        }
        if amb && !suffix && !self.cap(j) {
            return None;
        }
        Self::pt(i, j + 1, V::DayNoYear(m, d as u8))
    }

    /// Forms that start with a number: years, decades, numeric months, fiscal `2012-13`,
    /// `2017 Q1`, `2016 November`, `1Q17`, `9M 2022`.
    fn num_forms(&self, i: usize) -> Option<Pt> {
        let (v, nd) = self.num(i)?;
        if let Some(y) = self.year4(i)
            && !self.word_left(i)
        {
            return self.year_forms(i, y);
        }
        // 1Q17, 2H 2019, 9M2022
        if nd <= 2
            && !self.in_bigger_number(i)
            && !self.currency_before(i)
            && !self.word_left(i)
            && self.glued(i + 1)
            && let Some(w @ (Kw::Q | Kw::H | Kw::M)) = self.kw(i + 1)
        {
            let j = i + 2;
            let y = if self.glued(j) {
                match self.num(j) {
                    Some((yy, 2)) if !self.alnum_right(j) && !self.in_bigger_number(j) => {
                        Some(pivot(yy))
                    }
                    Some((_, 4)) => self.year_end(j),
                    _ => None,
                }
            } else {
                self.year_end(j)
            };
            if let Some(y) = y {
                let pv = match (w, v) {
                    (Kw::Q, 1..=4) => Some(V::Quarter(y, v as u8)),
                    (Kw::H, 1..=2) => Some(V::Half(y, v as u8)),
                    (Kw::M, 1..=12) => Some(V::Span(y, 1, y, v as u8)),
                    _ => None,
                };
                if let Some(pv) = pv {
                    return Self::pt(i, j + 1, pv);
                }
            }
        }
        // 3/2015, 11-2016, 11 / 2016
        if nd <= 2
            && (1..=12).contains(&v)
            && !self.in_bigger_number(i)
            && !self.word_left(i)
            && !self.currency_before(i)
            && !self.sep_left(i)
            && matches!(self.k(i + 1), K::P(b'-' | b'/'))
            && let Some(y) = self.year_end(i + 2)
            && (1900..=2100).contains(&y)
            && !self.date_goes_on(i + 3)
        {
            return Self::pt(i, i + 3, V::Month(y, v as u8));
        }
        None
    }

    fn year_forms(&self, i: usize, y: i32) -> Option<Pt> {
        // Decades: 1990s, 1990 s, 1970's
        if y % 10 == 0 {
            let dec = |e: usize| {
                let v = if y % 100 == 0 && y != 2000 {
                    V::Century(y)
                } else {
                    V::Decade(y)
                };
                Self::pt(i, e, v)
            };
            if self.is(i + 1, Kw::S) && !self.alnum_right(i + 1) {
                return dec(i + 2);
            }
            if self.pc(i + 1, b'\'')
                && self.glued(i + 1)
                && self.glued(i + 2)
                && self.is(i + 2, Kw::S)
                && !self.alnum_right(i + 2)
            {
                return dec(i + 3);
            }
        }
        if self.alnum_right(i) && !matches!(self.kw(i + 1), Some(Kw::Q | Kw::H)) {
            return None;
        }
        // Y-YY, Y/YYYY, Y-M, Y-YY (range)
        if let K::P(sep @ (b'-' | b'/')) = self.k(i + 1)
            && let Some((v2, n2)) = self.num(i + 2)
            && !self.alnum_right(i + 2)
            && !self.in_bigger_number(i + 2)
            && !self.percent_after(i + 2)
            && !self.date_goes_on(i + 3)
        {
            let next = (y + 1) % 100;
            let spaced = !self.glued(i + 1) || !self.glued(i + 2);
            if n2 == 2 && v2 as i32 == next {
                return Self::pt(i, i + 3, V::FySplit(y));
            }
            if n2 == 4 && sep == b'/' && v2 as i32 == y + 1 {
                return Self::pt(i, i + 3, V::FySplit(y));
            }
            if n2 <= 2 && (1..=12).contains(&v2) && (1900..=2100).contains(&y) {
                return Self::pt(i, i + 3, V::Month(y, v2 as u8));
            }
            if n2 == 2 && sep == b'-' && !spaced && v2 > 12 && v2 as i32 > y % 100 {
                return Self::pt(i, i + 3, V::YearRange(y, y - y % 100 + v2 as i32));
            }
        }
        // 2017 Q1, 2017-q1, 2016H2, 2019-H2
        let mut j = i + 1;
        if matches!(self.k(j), K::P(b'-' | b'/')) {
            j += 1;
        }
        if let Some(w @ (Kw::Q | Kw::H)) = self.kw(j)
            && self.glued(j + 1)
            && let Some((n, 1)) = self.num(j + 1)
            && !self.alnum_right(j + 1)
            && !self.in_bigger_number(j + 1)
        {
            match (w, n) {
                (Kw::Q, 1..=4) => return Self::pt(i, j + 2, V::Quarter(y, n as u8)),
                (Kw::H, 1..=2) => return Self::pt(i, j + 2, V::Half(y, n as u8)),
                _ => {}
            }
        }
        // 2016 the third quarter, the 1988 third quarter
        let k = if self.is(i + 1, Kw::The) {
            i + 2
        } else {
            i + 1
        };
        if let Some((n, e)) = self.ordinal(k) {
            match self.kw(e) {
                Some(Kw::Quarter) if (1..=4).contains(&n) => {
                    return Self::pt(i, e + 1, V::Quarter(y, n));
                }
                Some(Kw::Half) if (1..=2).contains(&n) => return Self::pt(i, e + 1, V::Half(y, n)),
                _ => {}
            }
        }
        // 2017 april, 2016, nov
        let mut j = i + 1;
        let comma = self.pc(j, b',');
        if comma {
            j += 1;
        }
        if let Some((m, amb)) = self.month(j)
            && !self.line_start(j)
        {
            let e = self.after_abbrev(j);
            let ok = if amb || comma {
                !self.goes_on(e)
            } else {
                self.num(e).is_none() || self.line_start(e)
            };
            if ok {
                return Self::pt(i, e, V::Month(y, m));
            }
        }
        Self::pt(i, i + 1, V::Year(y))
    }

    /// An ordinal at `i`: `third`, `3rd`. Returns (n, next token).
    fn ordinal(&self, i: usize) -> Option<(u8, usize)> {
        match self.k(i) {
            K::W(Kw::Ord(n)) => Some((n, i + 1)),
            K::Num(n, nd @ 1..=2)
                if self.is(i + 1, Kw::Suffix)
                    && self.glued(i + 1)
                    && !self.alnum_right(i + 1)
                    && !self.in_bigger_number(i)
                    && nd > 0
                    && (1..=12).contains(&n) =>
            {
                Some((n as u8, i + 2))
            }
            _ => None,
        }
    }

    /// Month names: `April 2017`, `Apr. 2017`, `april of 2017`, `Dec-2018`, `August 99`,
    /// `February 28, 2023`, `Feb 28`, and a bare month (for spans).
    fn month_forms(&self, i: usize) -> Option<Pt> {
        let (m, amb) = self.month(i)?;
        if self.word_left(i) || self.alnum_right(i) && !self.pc(i + 1, b'.') {
            // glued to letters or digits: not a month name of its own
            if !(self.glued(i + 1) && self.num(i + 1).is_some()) {
                return None;
            }
        }
        let cap = self.cap(i);
        let j = self.after_abbrev(i);
        // February 28, 2023 / Feb 28 / May 4th / Oct 26 15:50:06 2016
        if let Some((d, nd)) = self.num(j)
            && nd <= 2
            && !self.in_bigger_number(j)
            && day_fits(m, d)
            && !(self.pc(j + 1, b':') && self.glued(j + 1))
        {
            let mut e = j + 1;
            let suf = self.is(e, Kw::Suffix) && self.glued(e);
            if suf {
                e += 1;
            }
            if !self.alnum_right(e - 1) {
                if let Some(p) = self.day_range_tail(i, m, d, e, !amb || cap || suf) {
                    return Some(p);
                }
                let y_at = self.skip_comma(e);
                if let Some(y) = self.year_end(y_at)
                    && valid_date(y, m, d)
                {
                    return Self::pt(i, y_at + 1, V::Day(y, m, d as u8));
                }
                if let Some(tp) = self.time_of_day(e)
                    && let Some(y) = self.year_end(tp.e)
                    && valid_date(y, m, d)
                {
                    return Self::pt(i, tp.e + 1, V::Day(y, m, d as u8));
                }
                if !amb || cap || suf {
                    return Self::pt(i, e, V::DayNoYear(m, d as u8));
                }
            }
        }
        // August 99
        if let Some((yy, 2)) = self.num(j)
            && yy >= 32
            && !self.alnum_right(j)
            && !self.in_bigger_number(j)
            && !self.percent_after(j)
            && (!amb || cap)
        {
            return Self::pt(i, j + 1, V::Month(pivot(yy), m));
        }
        // April 2017, Dec, 2018, November , 2016
        let j2 = self.skip_comma(j);
        if let Some(y) = self.year_end(j2)
            && (!amb || cap || !self.plain_word_follows(j2 + 1))
        {
            return Self::pt(i, j2 + 1, V::Month(y, m));
        }
        // Dec-2018, Dec/2018
        if matches!(self.k(j), K::P(b'-' | b'/'))
            && self.glued(j)
            && self.glued(j + 1)
            && let Some(y) = self.year_end(j + 1)
        {
            return Self::pt(i, j + 2, V::Month(y, m));
        }
        // Apr '98
        if let Some((y, e)) = self.apos_yy(j) {
            return Self::pt(i, e, V::Month(y, m));
        }
        // april of 2017, June in 2017, April of 87, June of nineteen ninety nine
        if (self.is(j, Kw::Of) || self.is(j, Kw::In)) && (!amb || cap) {
            if let Some((y, e)) = self.year_any(j + 1) {
                return Self::pt(i, e, V::Month(y, m));
            }
            if self.is(j, Kw::Of)
                && let Some((yy, 2)) = self.num(j + 1)
                && !self.alnum_right(j + 1)
                && !self.in_bigger_number(j + 1)
                && !self.percent_after(j + 1)
            {
                return Self::pt(i, j + 2, V::Month(pivot(yy), m));
            }
        }
        // August two thousand and fifteen
        if let Some((y, e, _)) = self.spelled_year(j) {
            return Self::pt(i, e, V::Month(y, m));
        }
        if !amb || cap {
            // `between January and June.`: the dot after a whole name ends the sentence.
            let word = self.t.get(i).map_or("", |t| &self.text[t.start..t.end]);
            let whole = ["may", "june", "july"]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w));
            return Self::pt(i, if whole { i + 1 } else { j }, V::BareMonth(m));
        }
        None
    }

    /// `Q1 2017`, `q1-2019`, `Q3'19`, `H2 2019`, bare `Q1` (for spans).
    fn qh_forms(&self, i: usize) -> Option<Pt> {
        let w = self.kw(i)?;
        if self.word_left(i) || !self.glued(i + 1) {
            return None;
        }
        let (n, 1) = self.num(i + 1)? else {
            return None;
        };
        if self.alnum_right(i + 1) || self.in_bigger_number(i + 1) {
            return None;
        }
        let ok = match w {
            Kw::Q => (1..=4).contains(&n),
            Kw::H => (1..=2).contains(&n),
            _ => false,
        };
        if !ok {
            return None;
        }
        let n = n as u8;
        let mk = |y: i32| {
            if w == Kw::Q {
                V::Quarter(y, n)
            } else {
                V::Half(y, n)
            }
        };
        let mut j = i + 2;
        if let Some((y, e)) = self.apos_yy(j) {
            return Self::pt(i, e, mk(y));
        }
        if matches!(self.k(j), K::P(b'-' | b'/' | b',')) || self.is(j, Kw::Of) {
            j += 1;
        }
        if let Some(y) = self.year_end(j) {
            return Self::pt(i, j + 1, mk(y));
        }
        let bare = if w == Kw::Q {
            V::BareQuarter(n)
        } else {
            V::BareHalf(n)
        };
        Self::pt(i, i + 2, bare)
    }

    /// `FY2021`, `FY 2021`, `FY21`, `FY2012-13`, `fiscal year 2021`, `fiscal 2012-13`.
    fn fiscal(&self, i: usize) -> Option<Pt> {
        let mut j = i + 1;
        let w = self.kw(i)?;
        if w == Kw::Fiscal && self.is(j, Kw::Years) {
            // `fiscal years 1992 through 2008`, `fiscal years 2010-2012`.
            let y1 = self.year4(j + 1)?;
            let to = matches!(self.kw(j + 2), Some(Kw::Through | Kw::To)) || self.pc(j + 2, b'-');
            let y2 = self.year4(j + 3).filter(|&y2| to && y2 > y1)?;
            return Self::pt(i, j + 4, V::FyRange(y1, y2));
        }
        if w == Kw::Fiscal {
            if self.is(j, Kw::Year) {
                j += 1;
            }
        } else if self.pc(j, b'-') && self.glued(j) {
            j += 1;
        }
        let (y, e) = if let Some(y) = self.year4(j) {
            (y, j + 1)
        } else if w == Kw::Fy
            && j == i + 1
            && self.glued(j)
            && let Some((yy, 2)) = self.num(j)
            && !self.in_bigger_number(j)
        {
            (pivot(yy), j + 1)
        } else {
            return None;
        };
        // the second year of a split fiscal year
        if let K::P(b'-' | b'/') = self.k(e)
            && let Some((v2, n2)) = self.num(e + 1)
            && !self.alnum_right(e + 1)
            && ((n2 == 2 && v2 as i32 == (y + 1) % 100) || (n2 == 4 && v2 as i32 == y + 1))
        {
            return Self::pt(i, e + 2, V::FySplit(y));
        }
        if self.alnum_right(e - 1) {
            return None;
        }
        Self::pt(i, e, V::FyUs(y))
    }

    /// `year 2008`, `year of 2008`, `year 247`, `calendar year 2008`, `cy 2008`, `cy18`,
    /// `year-end 2018`.
    fn year_kw(&self, i: usize, depth: u8) -> Option<Pt> {
        match self.kw(i)? {
            Kw::Calendar => {
                if !self.is(i + 1, Kw::Year) {
                    return None;
                }
                let y = self.year_end(i + 2)?;
                Self::pt(i, i + 3, V::Year(y))
            }
            Kw::Cy => {
                if let Some(y) = self.year_end(i + 1) {
                    return Self::pt(i, i + 2, V::Year(y));
                }
                if self.glued(i + 1)
                    && let Some((yy, 2)) = self.num(i + 1)
                    && !self.alnum_right(i + 1)
                    && !self.in_bigger_number(i + 1)
                {
                    return Self::pt(i, i + 2, V::Year(pivot(yy)));
                }
                None
            }
            Kw::Year => {
                if i >= 1 && matches!(self.k(i - 1), K::P(b'-')) && self.glued(i) {
                    return None; // year-on-year, 5-year
                }
                // year-end 2018
                if self.pc(i + 1, b'-')
                    && self.glued(i + 1)
                    && self.is(i + 2, Kw::End)
                    && let Some(p) = self.point(i + 3, depth + 1)
                    && p.edge == Edge::Whole
                    && complete(p.v)
                    && !matches!(p.v, V::Day(..))
                {
                    return Some(Pt {
                        s: i,
                        e: p.e,
                        v: p.v,
                        edge: Edge::End,
                    });
                }
                let mut j = i + 1;
                if self.is(j, Kw::Of) {
                    j += 1;
                }
                if let Some((v, nd)) = self.num(j)
                    && (3..=4).contains(&nd)
                    && (100..=2199).contains(&v)
                    && !self.in_bigger_number(j)
                    && !self.percent_after(j)
                    && !self.alnum_right(j)
                {
                    return Self::pt(i, j + 1, V::Year(v as i32));
                }
                if let Some((y, e, _)) = self.spelled_year(j) {
                    return Self::pt(i, e, V::Year(y));
                }
                None
            }
            _ => None,
        }
    }

    /// `the` + a point that starts with a word (`the year 2008`, `the first quarter of 2017`,
    /// `the previous year`), a decade (`the 1970s`) or a day (`the 4th of May`).
    fn the_forms(&self, i: usize, depth: u8) -> Option<Pt> {
        if self.is(i + 1, Kw::The) {
            return None;
        }
        let j = i + 1;
        let p = self.point(j, depth + 1)?;
        let starts_word = matches!(self.k(j), K::W(_)) || self.ordinal(j).is_some();
        let ok = starts_word
            || matches!(
                p.v,
                V::Decade(_)
                    | V::Century(_)
                    | V::Day(..)
                    | V::DayNoYear(..)
                    | V::Days(..)
                    | V::Span(..)
            );
        ok.then_some(Pt { s: i, ..p })
    }

    /// `last year`, `this month`, `next quarter`, `the previous year`, `last March`.
    fn relative(&self, i: usize) -> Option<Pt> {
        if self.is(i, Kw::Last) && self.prev_kw(i) == Some(Kw::The) {
            return None; // `in the last month`: a rolling window, not the calendar month
        }
        let off: i8 = match self.kw(i)? {
            Kw::Last | Kw::Prev => -1,
            Kw::This | Kw::Current => 0,
            Kw::Next => 1,
            _ => return None,
        };
        let j = i + 1;
        if self.alnum_right(j) || (self.pc(j + 1, b'-') && self.glued(j + 1)) {
            return None;
        }
        let v = match self.kw(j)? {
            Kw::Year => V::Rel(RelUnit::Year, off),
            Kw::MonthW => V::Rel(RelUnit::Month, off),
            Kw::Quarter => V::Rel(RelUnit::Quarter, off),
            Kw::Month { m, amb }
                if (!amb || self.cap(j)) && !self.is(i, Kw::Prev) && !self.is(i, Kw::Current) =>
            {
                V::RelMonth(m, off)
            }
            _ => return None,
        };
        Self::pt(i, j + 1, v)
    }

    /// A year after `of`: a year, or `last year` / `this year` / `the previous year` / `the
    /// year`.
    /// Returns Ok(year) or Err(offset) for a relative year, and the next token.
    fn year_or_rel(&self, j: usize) -> Option<(Result<i32, i8>, usize)> {
        if let Some((y, e)) = self.year_any(j) {
            return Some((Ok(y), e));
        }
        // `the first half of the year`: the document's year, as `this year` is; `of the year
        // 2019`: 2019.
        if self.is(j, Kw::The) && self.is(j + 1, Kw::Year) && !self.alnum_right(j + 1) {
            return Some(match self.year_any(j + 2) {
                Some((y, e)) => (Ok(y), e),
                None => (Err(0), j + 2),
            });
        }
        let k = if self.is(j, Kw::The) { j + 1 } else { j };
        if let Some(Pt {
            v: V::Rel(RelUnit::Year, off),
            e,
            ..
        }) = self.relative(k)
        {
            return Some((Err(off), e));
        }
        None
    }

    /// `first quarter 2017`, `the third quarter of 2020`, `1st quarter of 2013`,
    /// `second half of 2019`, `third month of 2021`, `first ten months of 2019`,
    /// `first three quarters of 2022`, `last two quarters of 2021`.
    fn ord_period(&self, i: usize) -> Option<Pt> {
        let (n, mut j, last) = match self.kw(i) {
            Some(Kw::Last | Kw::Final) => (0u8, i + 1, true),
            _ => {
                let (n, j) = self.ordinal(i)?;
                (n, j, false)
            }
        };
        if self.pc(j, b'-') && self.glued(j) {
            j += 1;
        }
        // (a) ordinal + unit
        let unit = self.kw(j);
        let (m1, m2) = match unit {
            Some(Kw::Quarter) => {
                let q = if last { 4 } else { n };
                if !(1..=4).contains(&q) {
                    return self.ord_span(i, n, j, last);
                }
                quarter_months(q)
            }
            Some(Kw::Half) => {
                let h = if last { 2 } else { n };
                if !(1..=2).contains(&h) {
                    return None;
                }
                half_months(h)
            }
            Some(Kw::MonthW) => {
                let m = if last { 12 } else { n };
                if !(1..=12).contains(&m) {
                    return None;
                }
                (m, m)
            }
            _ => return self.ord_span(i, n, j, last),
        };
        let mut k = j + 1;
        if self.is(k, Kw::Of) || self.is(k, Kw::In) || self.pc(k, b',') {
            k += 1;
        }
        let (y, e) = self.year_or_rel(k)?;
        let v = match y {
            Err(off) => V::RelPart(off, m1, m2),
            Ok(y) => match unit {
                Some(Kw::Quarter) => V::Quarter(y, m2 / 3),
                Some(Kw::Half) => V::Half(y, m2 / 6),
                _ => V::Month(y, m1),
            },
        };
        Self::pt(i, e, v)
    }

    /// `in ten months of 2022`, `for eight months of 2018`: a count of months (or quarters) of
    /// a year after `in`, `for` or `during` is the year's first months, the year to date that
    /// statistics offices report. The preposition is left out of the span.
    fn months_of_year(&self, i: usize) -> Option<Pt> {
        if !matches!(self.prev_kw(i), Some(Kw::In | Kw::For | Kw::During)) {
            return None;
        }
        let count = match self.k(i) {
            K::W(Kw::Card(c)) => u32::from(c),
            K::Num(c, 1..=2) if !self.in_bigger_number(i) => c,
            _ => return None,
        };
        let months = match self.kw(i + 1)? {
            Kw::Months if (2..=11).contains(&count) => count as u8,
            Kw::Quarters if (2..=3).contains(&count) => count as u8 * 3,
            _ => return None,
        };
        if !self.is(i + 2, Kw::Of) {
            return None;
        }
        let (y, e) = self.year_or_rel(i + 3)?;
        let v = match y {
            Ok(y) => V::Span(y, 1, y, months),
            Err(off) => V::RelPart(off, 1, months),
        };
        Self::pt(i, e, v)
    }

    /// `first ten months of 2019`, `first three quarters of 2022`, `last 3 months of 2020`.
    fn ord_span(&self, i: usize, n: u8, j: usize, last: bool) -> Option<Pt> {
        if !last && n != 1 {
            return None;
        }
        let count = match self.k(j) {
            K::W(Kw::Card(c)) => u32::from(c),
            K::Num(c, 1..=2) => c,
            _ => return None,
        };
        let months = match self.kw(j + 1)? {
            Kw::Months if (2..=12).contains(&count) => count as u8,
            Kw::Quarters if (2..=4).contains(&count) => count as u8 * 3,
            _ => return None,
        };
        let mut k = j + 2;
        if self.is(k, Kw::Of) || self.is(k, Kw::In) || self.pc(k, b',') {
            k += 1;
        }
        let (y, e) = self.year_or_rel(k)?;
        let (m1, m2) = if last { (13 - months, 12) } else { (1, months) };
        let v = match y {
            Ok(y) => V::Span(y, m1, y, m2),
            Err(off) => V::RelPart(off, m1, m2),
        };
        Self::pt(i, e, v)
    }

    /// A window of months ending with a month: `the 12 months to June 2023`, `the year to
    /// March 2023`, `the three months ended September 30, 2022`, `the quarter through June 2023`.
    fn window(&self, i: usize, depth: u8) -> Option<Pt> {
        let (n, j) = match self.k(i) {
            K::W(Kw::Card(c)) if self.is(i + 1, Kw::Months) => (u32::from(c), i + 2),
            K::Num(c, 1..=2) if self.is(i + 1, Kw::Months) && !self.in_bigger_number(i) => {
                (c, i + 2)
            }
            K::W(Kw::Year) => (12, i + 1),
            K::W(Kw::Half) => (6, i + 1),
            K::W(Kw::Quarter) => (3, i + 1),
            _ => return None,
        };
        if !(1..=36).contains(&n) || !matches!(self.kw(j), Some(Kw::To | Kw::Through | Kw::Ending))
        {
            return None;
        }
        let p = self.point(j + 1, depth + 1)?;
        let (y, m) = match p.v {
            V::Month(y, m) if p.edge == Edge::Whole => (y, m),
            V::Day(y, m, d) if !valid_date(y, m, u32::from(d) + 1) => (y, m),
            _ => return None,
        };
        let last = y * 12 + i32::from(m) - 1;
        let (y1, m1) = month_at(last - n as i32 + 1);
        Self::pt(i, p.e, V::Span(y1, m1, y, m))
    }

    /// `end of 2018`, `end-2018`, `end-March 2019`, `beginning of 2019`, `start of Q3 2019`.
    fn edge_form(&self, i: usize, depth: u8) -> Option<Pt> {
        let edge = match self.kw(i)? {
            Kw::End => Edge::End,
            Kw::Start | Kw::Beginning => Edge::Start,
            _ => return None,
        };
        let of = self.is(i + 1, Kw::Of);
        let dash =
            edge == Edge::End && self.pc(i + 1, b'-') && self.glued(i + 1) && self.glued(i + 2);
        if !of && !dash {
            return None;
        }
        let j = i + 2;
        let k = if self.is(j, Kw::The) && self.is(j + 1, Kw::Year) {
            j + 1
        } else {
            j
        };
        let p = self.point(k, depth + 1)?;
        if p.edge != Edge::Whole || !complete(p.v) || matches!(p.v, V::Day(..)) {
            return None;
        }
        Some(Pt {
            s: i,
            e: p.e,
            v: p.v,
            edge,
        })
    }

    /// `'98` after a time word, `'90s`.
    fn apostrophe(&self, i: usize) -> Option<Pt> {
        if !self.word_left(i)
            && self.glued(i + 1)
            && let Some((d, 2)) = self.num(i + 1)
            && d % 10 == 0
            && self.glued(i + 2)
            && self.is(i + 2, Kw::S)
            && !self.alnum_right(i + 2)
        {
            let dec = if d <= 10 {
                2000 + d as i32
            } else {
                1900 + d as i32
            };
            return Self::pt(i, i + 3, V::Decade(dec));
        }
        let (y, e) = self.apos_yy(i)?;
        let prev_ok = matches!(
            self.prev_kw(i),
            Some(
                Kw::In
                    | Kw::Since
                    | Kw::Of
                    | Kw::From
                    | Kw::Until
                    | Kw::By
                    | Kw::Before
                    | Kw::After
                    | Kw::During
                    | Kw::Through
                    | Kw::To
                    | Kw::Season
            )
        );
        (prev_ok && !self.pc(e, b'\'')).then_some(Pt {
            s: i,
            e,
            v: V::Year(y),
            edge: Edge::Whole,
        })
    }

    // ----------------------------------------------------------------------------- expressions

    /// A range connector at `j`: `-`, `~`, `to`, `through`, `till`, `until`, and (if allowed)
    /// `and`. Returns the token after it.
    fn connector(&self, j: usize, and_ok: bool) -> Option<usize> {
        match self.k(j) {
            K::P(b'-' | b'~') => Some(j + 1),
            K::W(Kw::To | Kw::Through | Kw::Until) => Some(j + 1),
            K::W(Kw::And) if and_ok => Some(j + 1),
            _ => None,
        }
    }

    /// Two points joined into a range, when they are of the same grain.
    fn combine(a: V, b: V) -> Option<V> {
        if let (V::Year(x), V::Year(y)) = (a, b) {
            return (x < y && y - x <= 1000).then_some(V::YearRange(x, y));
        }
        // May 4 to May 10, 2019 / between 1 March 2020 and 3 April 2020
        let day = |v: V| match v {
            V::Day(y, m, d) => Some((Some(y), m, d)),
            V::DayNoYear(m, d) => Some((None, m, d)),
            _ => None,
        };
        if let (Some((ya, ma, da)), Some((yb, mb, db))) = (day(a), day(b)) {
            let wrap = (ma, da) > (mb, db);
            let ok = match (ya, yb) {
                (Some(x), Some(y)) => {
                    if wrap {
                        x + 1 == y
                    } else {
                        x == y
                    }
                }
                (None, _) => yb.is_some() || !wrap,
                (Some(_), None) => false,
            };
            return (ok && (ma, da) != (mb, db)).then_some(V::Days(yb, ma, da, mb, db));
        }
        // (family, year, first month, last month)
        let parts = |v: V| -> Option<(u8, Option<i32>, (u8, u8))> {
            Some(match v {
                V::Month(y, m) => (0, Some(y), (m, m)),
                V::BareMonth(m) => (0, None, (m, m)),
                V::Quarter(y, q) => (1, Some(y), quarter_months(q)),
                V::BareQuarter(q) => (1, None, quarter_months(q)),
                V::Half(y, h) => (2, Some(y), half_months(h)),
                V::BareHalf(h) => (2, None, half_months(h)),
                _ => return None,
            })
        };
        let (fa, ya, (a1, _)) = parts(a)?;
        let (fb, yb, (b1, b2)) = parts(b)?;
        if fa != fb {
            return None;
        }
        // `between January and June`: a span of one year's months with no year written.
        let Some(yb) = yb else {
            return (ya.is_none() && a1 < b1).then_some(V::YearlessSpan(a1, b2));
        };
        let ya = match ya {
            Some(y) => y,
            None if a1 < b1 => yb,
            // Nov-Feb 2017: November of the year before
            None if a1 > b1 && fa == 0 => yb - 1,
            None => return None,
        };
        if (ya, a1) >= (yb, b1) || yb - ya > 100 {
            return None;
        }
        Some(V::Span(ya, a1, yb, b2))
    }

    /// A range `A conn B` starting at `i` (reported from `s`), or None.
    fn range(&self, s: usize, i: usize, and_ok: bool) -> Option<Found> {
        self.range_from(s, self.point(i, 0)?, and_ok)
    }

    /// A range whose first point is `p1`.
    fn range_from(&self, s: usize, p1: Pt, and_ok: bool) -> Option<Found> {
        if p1.edge != Edge::Whole {
            return None;
        }
        let k = self.connector(p1.e, and_ok)?;
        let p2 = self.point(k, 0)?;
        if p2.edge != Edge::Whole {
            return None;
        }
        let v = Self::combine(p1.v, p2.v)?;
        Some(Found {
            s,
            e: p2.e,
            v,
            edge: Edge::Whole,
            op: Op::None,
            cmp: false,
        })
    }

    /// A point, a range, or a point with a suffix (`2018 or later`, `2005 onwards`).
    fn range_or_point(&self, i: usize) -> Option<Found> {
        let p = self.point(i, 0)?;
        if let Some(f) = self.range_from(i, p, false) {
            return Some(f);
        }
        if matches!(p.v, V::BareMonth(_) | V::BareQuarter(_) | V::BareHalf(_)) {
            return None;
        }
        let e = p.e;
        if p.edge == Edge::Whole && !matches!(p.v, V::Time(..)) {
            if complete(p.v) && matches!(self.kw(e), Some(Kw::Or | Kw::And)) {
                match self.kw(e + 1) {
                    Some(Kw::Later | Kw::After | Kw::Greater | Kw::Beyond) => {
                        return Some(Found {
                            e: e + 2,
                            op: Op::Since,
                            ..Found::of(p)
                        });
                    }
                    Some(Kw::Earlier | Kw::Before) => {
                        return Some(Found {
                            e: e + 2,
                            op: Op::Until,
                            ..Found::of(p)
                        });
                    }
                    _ => {}
                }
            }
            if self.is(e, Kw::Onwards) {
                return Some(Found {
                    e: e + 1,
                    op: Op::Since,
                    ..Found::of(p)
                });
            }
        }
        Some(Found::of(p))
    }

    /// `op` + point at `j`, reported from `s`.
    fn op_point(&self, s: usize, j: usize, op: Op) -> Option<Found> {
        let p = self.point(j, 0)?;
        if !complete(p.v) {
            return None;
        }
        let op = if p.edge != Edge::Whole && op == Op::By {
            Op::None
        } else {
            op
        };
        Some(Found {
            s,
            op,
            ..Found::of(p)
        })
    }

    /// After `since`: `independence`, `the independence (of Kazakhstan)`, `Kazakhstan's
    /// independence`. Returns the end of the phrase.
    fn independence(&self, j: usize) -> Option<usize> {
        // `Kazakhstan's` / `Kazakhstan’s` / `the`
        let j = if self.cap(j) && self.pc(j + 1, b'\'') && self.is(j + 2, Kw::S) {
            j + 3
        } else if self.is(j, Kw::The) {
            j + 1
        } else {
            j
        };
        if !self.is(j, Kw::Independence) {
            return None;
        }
        // `of Kazakhstan`: a capitalized name after `of`.
        if self.is(j + 1, Kw::Of) && self.cap(j + 2) && self.k(j + 2) == K::Other {
            return Some(j + 3);
        }
        Some(j + 1)
    }

    /// Comparison signs before a year: `>= 2019`, `> = 2019`, `<2019`, `≥ 2019`.
    fn comparator(&self, i: usize) -> Option<Found> {
        let (mut op, mut j) = match self.k(i) {
            K::P(b'>') => (Op::After, i + 1),
            K::P(b'<') => (Op::Before, i + 1),
            K::P(b'G') => (Op::Since, i + 1),
            K::P(b'L') => (Op::Until, i + 1),
            _ => return None,
        };
        let mut eq = false;
        if self.pc(j, b'=') && matches!(op, Op::After | Op::Before) {
            op = if op == Op::After {
                Op::Since
            } else {
                Op::Until
            };
            j += 1;
            eq = true;
        }
        // A bare `>` at the start of a line is a Markdown quote, not a comparison.
        if !eq && self.line_start(i) {
            return None;
        }
        let y = self.year_end(j)?;
        Some(Found {
            s: i,
            e: j + 1,
            v: V::Year(y),
            edge: Edge::Whole,
            op,
            cmp: true,
        })
    }

    /// A cheap necessary condition for [`Self::expr`] to find an expression at token `i`:
    /// false only where it finds none (a test holds it to `expr`). Most tokens that pass
    /// [`token::may_start`] are numbers that are no dates and prepositions before plain words:
    /// trying every form at them cost more than the forms found.
    pub(super) fn may_start(&self, i: usize) -> bool {
        match self.k(i) {
            K::Num(v, nd) => self.num_may_start(i, v, nd),
            // `the 1970s`, `the first quarter`, `the years of independence`
            K::W(Kw::The) => self.is(i + 1, Kw::Years) || self.point_may_start(i + 1),
            // only a point after them
            K::W(Kw::By | Kw::After | Kw::Before | Kw::Until | Kw::From | Kw::Between) => {
                self.point_may_start(i + 1)
            }
            // only an edge after it (`at the end of 2018`, `at year-end 2018`)
            K::W(Kw::At) => matches!(
                self.kw(i + 1),
                Some(Kw::The | Kw::End | Kw::Start | Kw::Beginning | Kw::Year)
            ),
            K::W(Kw::As) => self.is(i + 1, Kw::Of),
            K::W(Kw::Later | Kw::Earlier | Kw::Greater | Kw::Less) => self.is(i + 1, Kw::Than),
            K::W(Kw::No | Kw::Not) => self.is(i + 1, Kw::Later),
            K::W(Kw::Pre | Kw::Post) => self.pc(i + 1, b'-'),
            k => token::may_start(k),
        }
    }

    /// A necessary condition for [`Self::point`] (at any depth) to find a point at token `j`:
    /// the kinds of token its match tries forms at.
    fn point_may_start(&self, j: usize) -> bool {
        match self.k(j) {
            K::Num(v, nd) => self.num_may_start(j, v, nd),
            K::W(
                Kw::Month { .. }
                | Kw::Q
                | Kw::H
                | Kw::Fy
                | Kw::Fiscal
                | Kw::Cy
                | Kw::Calendar
                | Kw::Year
                | Kw::Quarter
                | Kw::Half
                | Kw::The
                | Kw::Ord(_)
                | Kw::Last
                | Kw::Final
                | Kw::This
                | Kw::Next
                | Kw::Prev
                | Kw::Current
                | Kw::Card(_)
                | Kw::Noughties
                | Kw::End
                | Kw::Start
                | Kw::Beginning,
            ) => true,
            K::P(b'\'') => true,
            _ => false,
        }
    }

    /// A necessary condition for a point to start at the number `i` (`K::Num(v, nd)`): a
    /// four-digit year, or one or two digits (or four before a date separator) with one of the
    /// few tokens after them that some form starting with a number needs: a date or time
    /// separator, a month, an ordinal suffix, `am`/`pm`, `Q`/`H`/`M`, `months`/`quarters`.
    fn num_may_start(&self, i: usize, v: u32, nd: u8) -> bool {
        if nd == 4 && (1000..=2199).contains(&v) {
            return true;
        }
        if nd > 2 && nd != 4 {
            return false;
        }
        match self.k(i + 1) {
            // `2018-05-17`, `10-Apr-15`, `12-18 September`, `3/2015`
            K::P(b'-' | b'/') => matches!(self.k(i + 2), K::Num(..) | K::W(Kw::Month { .. })),
            // `17.05.2018`, `2.17pm`, `10.30 a.m.`
            K::P(b'.') => {
                self.pc(i + 3, b'.')
                    || matches!(self.kw(i + 3), Some(Kw::Am | Kw::Pm | Kw::A | Kw::P))
            }
            // the rest only after one or two digits: `10:30`, `2 pm`, `4 May`, `4th`,
            // `1Q17`, `9M 2022`, `12 months to`, `ten months of`
            K::P(b':') => nd <= 2,
            K::W(
                Kw::Month { .. }
                | Kw::Suffix
                | Kw::Am
                | Kw::Pm
                | Kw::A
                | Kw::P
                | Kw::Q
                | Kw::H
                | Kw::M
                | Kw::Months
                | Kw::Quarters,
            ) => nd <= 2,
            _ => false,
        }
    }

    /// The expression starting at token `i`, if any.
    pub(super) fn expr(&self, i: usize) -> Option<Found> {
        let pre = match self.k(i) {
            K::W(w) => match w {
                Kw::Between => self.range(i, i + 1, true),
                Kw::From => self.range(i, i + 1, false),
                // `over the years of independence`: as `since independence`.
                Kw::The
                    if self.is(i + 1, Kw::Years)
                        && self.is(i + 2, Kw::Of)
                        && self.is(i + 3, Kw::Independence) =>
                {
                    Some(Found {
                        s: i,
                        e: i + 4,
                        v: V::Independence,
                        edge: Edge::Whole,
                        op: Op::Since,
                        cmp: false,
                    })
                }
                Kw::Since => self
                    .independence(i + 1)
                    .map(|e| Found {
                        s: i,
                        e,
                        v: V::Independence,
                        edge: Edge::Whole,
                        op: Op::Since,
                        cmp: false,
                    })
                    .or_else(|| self.op_point(i, i + 1, Op::Since)),
                Kw::After => self.op_point(i, i + 1, Op::After),
                Kw::Before => self.op_point(i, i + 1, Op::Before),
                Kw::Until => self.op_point(i, i + 1, Op::Until),
                Kw::By => self.op_point(i, i + 1, Op::By),
                Kw::At => self
                    .point(i + 1, 0)
                    .filter(|p| p.edge != Edge::Whole)
                    .map(|p| Found {
                        s: i,
                        ..Found::of(p)
                    }),
                Kw::As if self.is(i + 1, Kw::Of) => self
                    .point(i + 2, 0)
                    .filter(|p| p.edge != Edge::Whole)
                    .map(|p| Found {
                        s: i,
                        ..Found::of(p)
                    }),
                Kw::Starting | Kw::Beginning => {
                    let mut j = i + 1;
                    if matches!(self.kw(j), Some(Kw::In | Kw::On | Kw::From)) {
                        j += 1;
                    }
                    self.op_point(i, j, Op::Since)
                }
                Kw::Prev if self.is(i + 1, Kw::To) => self.op_point(i, i + 2, Op::Before),
                Kw::Pre | Kw::Post
                    if self.pc(i + 1, b'-') && self.glued(i + 1) && self.glued(i + 2) =>
                {
                    let op = if w == Kw::Pre { Op::Before } else { Op::After };
                    self.op_point(i, i + 2, op)
                }
                Kw::Later | Kw::Earlier if self.is(i + 1, Kw::Than) => {
                    let op = if w == Kw::Later {
                        Op::After
                    } else {
                        Op::Before
                    };
                    self.op_point(i, i + 2, op)
                }
                Kw::Greater | Kw::Less
                    if self.is(i + 1, Kw::Than)
                        && (self.prev_kw(i) == Some(Kw::Year)
                            || (self.prev_kw(i) == Some(Kw::Is)
                                && self.is(i.wrapping_sub(2), Kw::Year))) =>
                {
                    let op = if w == Kw::Greater {
                        Op::After
                    } else {
                        Op::Before
                    };
                    self.op_point(i, i + 2, op)
                }
                Kw::Year
                    if matches!(
                        self.kw(i + 1),
                        Some(Kw::Greater | Kw::Later | Kw::Less | Kw::Earlier)
                    ) && self.is(i + 2, Kw::Than) =>
                {
                    let op = if matches!(self.kw(i + 1), Some(Kw::Greater | Kw::Later)) {
                        Op::After
                    } else {
                        Op::Before
                    };
                    self.op_point(i, i + 3, op)
                }
                Kw::No | Kw::Not if self.is(i + 1, Kw::Later) && self.is(i + 2, Kw::Than) => {
                    self.op_point(i, i + 3, Op::Until)
                }
                _ => None,
            },
            K::P(b'>' | b'<' | b'G' | b'L') => self.comparator(i),
            _ => None,
        };
        let plain = self.range_or_point(i);
        match (pre, plain) {
            (Some(a), Some(b)) => Some(if b.e > a.e { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    /// The year at `s..e` has a time word or preposition around it.
    pub(super) fn year_context(
        &self,
        s: usize,
        e: usize,
        prev_strong_year_end: Option<usize>,
    ) -> bool {
        let prev = self.prev_kw(s);
        let strong_prev = matches!(
            prev,
            Some(
                Kw::In
                    | Kw::During
                    | Kw::Throughout
                    | Kw::Since
                    | Kw::Until
                    | Kw::By
                    | Kw::Before
                    | Kw::After
                    | Kw::From
                    | Kw::To
                    | Kw::Through
                    | Kw::Between
                    | Kw::For
                    | Kw::Year
                    | Kw::Calendar
                    | Kw::Early
                    | Kw::Mid
                    | Kw::Late
                    | Kw::Season
                    | Kw::Month { .. }
                    | Kw::Around
            )
        );
        if strong_prev {
            return true;
        }
        if prev == Some(Kw::Of)
            && matches!(
                self.kw(s.wrapping_sub(2)),
                Some(
                    Kw::End
                        | Kw::Start
                        | Kw::Beginning
                        | Kw::Season
                        | Kw::Month { .. }
                        | Kw::Half
                        | Kw::Quarter
                        | Kw::Year
                        | Kw::Months
                        | Kw::Quarters
                        | Kw::Early
                        | Kw::Late
                )
            )
        {
            return true;
        }
        if s >= 1
            && matches!(self.k(s - 1), K::W(Kw::And | Kw::Or) | K::P(b','))
            && prev_strong_year_end == Some(s - 1)
            && !self.plain_word_follows(e)
        {
            return true;
        }
        if s >= 2
            && self.pc(s - 1, b'-')
            && matches!(
                self.kw(s - 2),
                Some(Kw::Mid | Kw::Early | Kw::Late | Kw::Pre | Kw::Post | Kw::End)
            )
        {
            return true;
        }
        if s >= 1 && self.pc(s - 1, b'(') && self.pc(e, b')') {
            return true;
        }
        // 2019's results
        self.pc(e, b'\'') && self.glued(e) && self.is(e + 1, Kw::S)
    }
}
