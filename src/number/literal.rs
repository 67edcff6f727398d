//! Numeric literals written with digits: grouping, decimals, exponents, fractions, ordinals.
//!
//! The lexer decides what a run of digits and separators means from its shape alone:
//! `1,234,567` and `12,34,567` (Indian) group thousands, `1 234 567` and `1'234'567` group with
//! spaces or apostrophes, `1.111,11` is continental, `5,00` is a decimal comma; `22,24,26`
//! is a list (so only `22` is taken here), and `2.3.1` or `192.168.0.1` are not numbers at all.
//! Every value is an exact [`Decimal`]; a literal too large for it keeps `value: None` and says
//! why in `error`, so the caller reports it instead of crashing.

use rust_decimal::Decimal;

/// The shape of a literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Digits only, maybe grouped: `590`, `1,200`, `1 234 567`.
    Integer,
    /// With a decimal part: `1.8`, `.08`, `5,00`.
    Decimal,
    /// Scientific or power notation: `1e10`, `1.3x10^6`, `1.1^23`.
    Exponent,
    /// `3/4`, `½`, `2½`.
    Fraction,
}

/// A numeric literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Literal {
    /// The exact value; `None` when it does not fit the decimal type (see `error`).
    pub value: Option<Decimal>,
    pub shape: Shape,
    /// Digits written after the decimal separator (`4.800` -> 3): the implicit precision.
    pub decimals: u32,
    /// Digits written before the decimal separator, separators excluded.
    pub int_digits: u32,
    /// Thousands separators were used (`1,200`, `1 200`).
    pub grouped: bool,
    /// Written with an ordinal suffix: `81st`, `25th`.
    pub ordinal: bool,
    /// Why `value` is `None`.
    pub error: Option<&'static str>,
}

impl Literal {
    fn new(value: Option<Decimal>, shape: Shape) -> Self {
        Self {
            value,
            shape,
            decimals: 0,
            int_digits: 0,
            grouped: false,
            ordinal: false,
            error: if value.is_none() {
                Some(OUT_OF_RANGE)
            } else {
                None
            },
        }
    }

    /// A plain integer of four digits without grouping: it may be a year.
    pub fn is_year_like(&self) -> bool {
        self.shape == Shape::Integer && !self.grouped && !self.ordinal && self.int_digits == 4
    }
}

/// The message for a number that does not fit the exact decimal type.
pub const OUT_OF_RANGE: &str = "number out of range (exact decimals hold about 28 digits)";

const MAX_DIGITS: usize = 40;

/// Collects the significant characters of a literal (digits and one `.`) on the stack.
struct DigitBuf {
    buf: [u8; MAX_DIGITS],
    len: usize,
    overflow: bool,
}

impl DigitBuf {
    fn new() -> Self {
        Self {
            buf: [0; MAX_DIGITS],
            len: 0,
            overflow: false,
        }
    }
    fn push(&mut self, b: u8) {
        // Leading zeros carry no value: drop them so `0033` and long zero runs fit.
        if b == b'0' && self.len == 0 {
            return;
        }
        if self.len < MAX_DIGITS {
            self.buf[self.len] = b;
            self.len += 1;
        } else {
            self.overflow = true;
        }
    }
    fn push_point(&mut self) {
        if self.len == 0 {
            self.push_raw(b'0');
        }
        self.push_raw(b'.');
    }
    fn push_raw(&mut self, b: u8) {
        if self.len < MAX_DIGITS {
            self.buf[self.len] = b;
            self.len += 1;
        } else {
            self.overflow = true;
        }
    }
    fn value(&self) -> Option<Decimal> {
        if self.overflow {
            return None;
        }
        if self.len == 0 {
            return Some(Decimal::ZERO);
        }
        if let Some(d) = small_decimal(&self.buf[..self.len]) {
            return Some(d);
        }
        let s = std::str::from_utf8(&self.buf[..self.len]).ok()?;
        Decimal::from_str_exact(s).ok().or_else(|| {
            // Too many decimal places for an exact value: round, but only in the fraction.
            if s.contains('.') && s.find('.').is_some_and(|p| p <= 29) {
                s.parse::<Decimal>().ok()
            } else {
                None
            }
        })
    }
}

/// The end of a run of ASCII digits at `i`. Invisible characters between two digits (a soft
/// hyphen or zero-width space left by a web page: `5\u{ad}000`) belong to the run.
fn digit_run(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    loop {
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        match invisible_len(bytes, j) {
            Some(n) if j > i && bytes.get(j + n).is_some_and(u8::is_ascii_digit) => j += n,
            _ => return j,
        }
    }
}

/// The byte length of an invisible character at `j` (soft hyphen, zero-width space / joiners,
/// word joiner, byte-order mark), if there is one.
fn invisible_len(bytes: &[u8], j: usize) -> Option<usize> {
    match bytes.get(j..)? {
        [0xC2, 0xAD, ..] => Some(2),
        [0xE2, 0x80, 0x8B..=0x8D, ..] | [0xE2, 0x81, 0xA0, ..] | [0xEF, 0xBB, 0xBF, ..] => Some(3),
        _ => None,
    }
}

/// Characters used to group thousands with a space: space, no-break space, thin spaces.
fn space_sep_len(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes().get(i)?;
    if *b == b' ' {
        return Some(1);
    }
    let c = text[i..].chars().next()?;
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}').then(|| c.len_utf8())
}

/// Lex the literal starting at byte `start` (a digit, or a `.` before a digit).
/// Returns the end and the literal, or `None` for a digit run that is not a number
/// (versions, IP addresses, phone numbers, dates written with slashes).
pub fn lex(text: &str, start: usize) -> (usize, Option<Literal>) {
    let bytes = text.as_bytes();
    let mut buf = DigitBuf::new();
    let mut i = start;
    let mut grouped = false;

    // Integer part.
    let d0_end = digit_run(bytes, i);
    let d0_len = bytes[i..d0_end]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .count();
    for &b in bytes[i..d0_end].iter().filter(|b| b.is_ascii_digit()) {
        buf.push(b);
    }
    let mut int_digits = d0_len;
    i = d0_end;

    // Not a number: dotted runs of three or more parts (versions, IPs).
    if d0_len > 0 {
        if let Some(end) = dotted_run(bytes, start) {
            return (end, None);
        }
        if let Some(end) = phone_like(bytes, start) {
            return (end, None);
        }
        if let Some(end) = slash_date(bytes, start) {
            return (end, None);
        }
    }

    let mut decimals = 0u32;
    let mut shape = Shape::Integer;

    if d0_len > 0 {
        if let Some((end, groups)) = comma_groups(bytes, start, d0_end) {
            for &b in &bytes[d0_end..end] {
                if b.is_ascii_digit() {
                    buf.push(b);
                }
            }
            int_digits += groups;
            grouped = true;
            i = end;
        } else if let Some((end, groups)) = sep_groups(text, d0_end, d0_len) {
            for &b in &bytes[d0_end..end] {
                if b.is_ascii_digit() {
                    buf.push(b);
                }
            }
            int_digits += groups;
            grouped = true;
            i = end;
        } else if let Some(end) = continental(bytes, start, d0_end) {
            // `1.111,11`: dots group, the comma is the decimal separator.
            let comma = bytes[d0_end..end]
                .iter()
                .position(|&b| b == b',')
                .map(|p| d0_end + p);
            let comma = comma.unwrap_or(end);
            for &b in &bytes[d0_end..comma] {
                if b.is_ascii_digit() {
                    buf.push(b);
                    int_digits += 1;
                }
            }
            buf.push_point();
            for &b in &bytes[comma + 1..end] {
                buf.push_raw(b);
                decimals += 1;
            }
            let mut lit = Literal::new(buf.value(), Shape::Decimal);
            lit.decimals = decimals;
            lit.int_digits = u32::try_from(int_digits).unwrap_or(u32::MAX);
            lit.grouped = true;
            return (end, Some(lit));
        } else if let Some(end) = comma_decimal(bytes, start, d0_end) {
            buf.push_point();
            for &b in &bytes[d0_end + 1..end] {
                buf.push_raw(b);
                decimals += 1;
            }
            shape = Shape::Decimal;
            i = end;
        }
    }

    // Decimal part.
    if shape == Shape::Integer
        && bytes.get(i) == Some(&b'.')
        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
    {
        let frac_end = digit_run(bytes, i + 1);
        buf.push_point();
        for &b in bytes[i + 1..frac_end].iter().filter(|b| b.is_ascii_digit()) {
            buf.push_raw(b);
        }
        let written = bytes[i + 1..frac_end]
            .iter()
            .filter(|b| b.is_ascii_digit())
            .count();
        decimals = u32::try_from(written).unwrap_or(u32::MAX);
        shape = Shape::Decimal;
        i = frac_end;
    }

    let mut value = buf.value();

    // Exponents: `1e10`, `1.3x10^6`, `6.23×10^-4`, `2.48×10−5`, `1.1^23`, `8x2^10`.
    if let Some((end, base, exp)) = exponent(text, i) {
        let v = value.and_then(|m| power(base, exp).and_then(|p| m.checked_mul(p)));
        let mut lit = Literal::new(v, Shape::Exponent);
        lit.int_digits = u32::try_from(int_digits).unwrap_or(u32::MAX);
        lit.decimals = decimals;
        return (end, Some(lit));
    }
    if let Some((end, exp)) = caret_power(bytes, i) {
        let v = value.and_then(|m| checked_powi(m, exp));
        let mut lit = Literal::new(v, Shape::Exponent);
        lit.int_digits = u32::try_from(int_digits).unwrap_or(u32::MAX);
        return (end, Some(lit));
    }

    // Fractions: `3/4`, `20/100` (not dates: those were refused above).
    if shape == Shape::Integer && !grouped && bytes.get(i) == Some(&b'/') {
        let den_end = digit_run(bytes, i + 1);
        if den_end > i + 1 && !bytes.get(den_end).is_some_and(|b| *b == b'/' || *b == b'.') {
            let den = parse_int(&bytes[i + 1..den_end]);
            if let (Some(num), Some(den)) = (value, den) {
                if den.is_zero() {
                    return (den_end, None);
                }
                let mut lit = Literal::new(num.checked_div(den), Shape::Fraction);
                lit.int_digits = u32::try_from(int_digits).unwrap_or(u32::MAX);
                return (den_end, Some(lit));
            }
        }
    }

    // Vulgar fraction glued to an integer: `2½`.
    if shape == Shape::Integer
        && !grouped
        && let Some((frac, len)) = text[i..].chars().next().and_then(vulgar).map(|f| (f, 1))
    {
        let c_len = text[i..].chars().next().map_or(1, char::len_utf8);
        value = value.and_then(|v| v.checked_add(frac));
        let mut lit = Literal::new(value, Shape::Fraction);
        lit.int_digits = u32::try_from(int_digits).unwrap_or(u32::MAX);
        let _ = len;
        return (i + c_len, Some(lit));
    }

    // Ordinal suffix: `81st`, `2nd`, `3rd`, `25th` (only when nothing else follows).
    let mut ordinal = false;
    if shape == Shape::Integer
        && !grouped
        && let Some(suffix_end) = ordinal_suffix(bytes, i, value)
    {
        ordinal = true;
        i = suffix_end;
    }

    let mut lit = Literal::new(value, shape);
    if buf.overflow || (value.is_none()) {
        lit.error = Some(OUT_OF_RANGE);
    }
    lit.decimals = decimals;
    lit.int_digits = u32::try_from(int_digits).unwrap_or(u32::MAX);
    lit.grouped = grouped;
    lit.ordinal = ordinal;
    (i.max(start + 1), Some(lit))
}

/// The exact value of ASCII digits with at most one inner `.` (`12.50`: 1250 at scale 2, as
/// `Decimal::from_str_exact` reads it), when there are at most 18 digits, which a `u64`
/// holds; `None` for anything else, which the caller gives the general parser.
fn small_decimal(s: &[u8]) -> Option<Decimal> {
    if s.is_empty() || s.len() > 19 {
        return None;
    }
    let mut m: u64 = 0;
    let mut point = None;
    for (i, &b) in s.iter().enumerate() {
        if b.is_ascii_digit() {
            m = m * 10 + u64::from(b - b'0');
        } else if b == b'.' && point.is_none() && i > 0 && i + 1 < s.len() {
            point = Some(i);
        } else {
            return None;
        }
    }
    let scale = point.map_or(0, |p| s.len() - p - 1);
    if s.len() - usize::from(point.is_some()) > 18 {
        return None;
    }
    // At most 18 digits: the scale is at most 17.
    #[allow(clippy::cast_possible_truncation)]
    Some(Decimal::from_i128_with_scale(i128::from(m), scale as u32))
}

fn parse_int(digits: &[u8]) -> Option<Decimal> {
    if let Some(d) = small_decimal(digits) {
        return Some(d);
    }
    let s = std::str::from_utf8(digits).ok()?;
    Decimal::from_str_exact(s).ok()
}

/// `1,234,567` or Indian `12,34,567`: returns the end and the number of digits after d0.
fn comma_groups(bytes: &[u8], start: usize, d0_end: usize) -> Option<(usize, usize)> {
    let d0_len = d0_end - start;
    if d0_len == 0 || d0_len > 3 {
        return None;
    }
    let group = |at: usize, n: usize| -> bool {
        bytes.get(at) == Some(&b',')
            && (1..=n).all(|k| bytes.get(at + k).is_some_and(u8::is_ascii_digit))
            && !bytes.get(at + n + 1).is_some_and(u8::is_ascii_digit)
    };
    // Standard: groups of three.
    let mut j = d0_end;
    let mut digits = 0;
    while group(j, 3) {
        j += 4;
        digits += 3;
    }
    if digits > 0 {
        // `1,234,56` would leave a short group: then it is not grouping.
        if bytes.get(j) == Some(&b',') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
            // A following `,dd` that is not a group: a list like `1,234,5`; stop here anyway.
        }
        return Some((j, digits));
    }
    // Indian: one or more groups of two, then a group of three.
    if d0_len <= 2 {
        let mut j = d0_end;
        let mut digits = 0;
        while group(j, 2) {
            j += 3;
            digits += 2;
        }
        if digits > 0 && group(j, 3) {
            return Some((j + 4, digits + 3));
        }
    }
    None
}

/// Space or apostrophe grouping: `1 234 567`, `1'234'567`.
fn sep_groups(text: &str, d0_end: usize, d0_len: usize) -> Option<(usize, usize)> {
    if d0_len == 0 || d0_len > 3 {
        return None;
    }
    let bytes = text.as_bytes();
    let sep_len = |at: usize| -> Option<usize> {
        match bytes.get(at) {
            Some(b'\'') => Some(1),
            Some(0xE2) if text.get(at..at + 3) == Some("\u{2019}") => Some(3),
            _ => space_sep_len(text, at),
        }
    };
    let mut j = d0_end;
    let mut digits = 0;
    let mut first_sep: Option<&str> = None;
    while let Some(len) = sep_len(j) {
        let sep = &text[j..j + len];
        if first_sep.is_some_and(|f| f != sep) {
            break;
        }
        let g = j + len;
        if (0..3).all(|k| bytes.get(g + k).is_some_and(u8::is_ascii_digit))
            && !bytes.get(g + 3).is_some_and(u8::is_ascii_digit)
        {
            first_sep = Some(sep);
            j = g + 3;
            digits += 3;
        } else {
            break;
        }
    }
    (digits > 0).then_some((j, digits))
}

/// Continental grouping with a decimal comma: `1.111,11`, `1.234.567,5`.
fn continental(bytes: &[u8], start: usize, d0_end: usize) -> Option<usize> {
    let d0_len = d0_end - start;
    if d0_len == 0 || d0_len > 3 {
        return None;
    }
    let mut j = d0_end;
    let mut groups = 0;
    while bytes.get(j) == Some(&b'.')
        && (1..=3).all(|k| bytes.get(j + k).is_some_and(u8::is_ascii_digit))
        && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit)
    {
        j += 4;
        groups += 1;
    }
    if groups == 0 || bytes.get(j) != Some(&b',') {
        return None;
    }
    let frac_end = digit_run(bytes, j + 1);
    let n = frac_end - j - 1;
    (n > 0 && n != 3).then_some(frac_end)
}

/// A decimal comma: `5,00`, `3,5` (never inside a list like `1,2,3`).
fn comma_decimal(bytes: &[u8], start: usize, d0_end: usize) -> Option<usize> {
    if bytes.get(d0_end) != Some(&b',') {
        return None;
    }
    let frac_end = digit_run(bytes, d0_end + 1);
    let n = frac_end - d0_end - 1;
    if !(1..=2).contains(&n) {
        return None;
    }
    // Part of a list on either side: `1,2,3`.
    if bytes.get(frac_end) == Some(&b',') && bytes.get(frac_end + 1).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    if start >= 2 && bytes[start - 1] == b',' && bytes[start - 2].is_ascii_digit() {
        return None;
    }
    Some(frac_end)
}

/// Three or more dot-separated digit groups: a version or an IP address.
fn dotted_run(bytes: &[u8], start: usize) -> Option<usize> {
    let mut j = digit_run(bytes, start);
    let mut parts = 1;
    let mut all_three = true;
    while bytes.get(j) == Some(&b'.') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
        let e = digit_run(bytes, j + 1);
        if e - j - 1 != 3 {
            all_three = false;
        }
        j = e;
        parts += 1;
    }
    // `1.111.111,5` is continental grouping, handled elsewhere.
    if parts >= 3 && !(all_three && bytes.get(j) == Some(&b',')) {
        // Continental integers `1.234.567` (all groups of three, short head) are rare in English
        // and indistinguishable from versions; treat them as not numbers.
        Some(j)
    } else {
        None
    }
}

/// `555-123-4567`, `555.123.4567` style phone numbers.
fn phone_like(bytes: &[u8], start: usize) -> Option<usize> {
    let a = digit_run(bytes, start);
    if a - start != 3 {
        return None;
    }
    let sep = *bytes.get(a)?;
    if sep != b'-' {
        return None;
    }
    let b = digit_run(bytes, a + 1);
    if b - a - 1 != 3 || bytes.get(b) != Some(&sep) {
        return None;
    }
    let c = digit_run(bytes, b + 1);
    (c - b - 1 == 4).then_some(c)
}

/// `5/17/2018`: two slashes between digit runs is a date, never a fraction.
fn slash_date(bytes: &[u8], start: usize) -> Option<usize> {
    let a = digit_run(bytes, start);
    if bytes.get(a) != Some(&b'/') {
        return None;
    }
    let b = digit_run(bytes, a + 1);
    if b == a + 1 || bytes.get(b) != Some(&b'/') {
        return None;
    }
    let c = digit_run(bytes, b + 1);
    (c > b + 1).then_some(c)
}

/// A phone number written with a leading `+`: `+7 717 255 5555`, `+1 (202) 555-0100`.
pub fn phone_number(bytes: &[u8], start: usize) -> Option<usize> {
    let mut j = start + 1;
    let mut digits = 0;
    let mut last_digit_end = j;
    while j < bytes.len() {
        match bytes[j] {
            b'0'..=b'9' => {
                digits += 1;
                j += 1;
                last_digit_end = j;
            }
            b' ' | b'-' | b'.' | b'(' | b')'
                if bytes
                    .get(j + 1)
                    .is_some_and(|b| b.is_ascii_digit() || *b == b'(') =>
            {
                j += 1;
            }
            b')' | b'(' => j += 1,
            _ => break,
        }
    }
    (digits >= 7).then_some(last_digit_end)
}

/// `e10`, `E+14`, `e-1`, `x10^6`, `×10^-4`, `×10−5`, `x10-3`, `x2^10` after a mantissa.
fn exponent(text: &str, i: usize) -> Option<(usize, Decimal, i64)> {
    let bytes = text.as_bytes();
    match bytes.get(i)? {
        b'e' | b'E' => {
            let (end, exp) = signed_int(text, i + 1)?;
            // `3em` is not an exponent; the exponent must end the word.
            if bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                return None;
            }
            Some((end, Decimal::TEN, exp))
        }
        b'x' | b'*' => times_power(text, i + 1),
        0xC3 if text[i..].starts_with('\u{00D7}') => times_power(text, i + 2),
        _ => None,
    }
}

fn times_power(text: &str, i: usize) -> Option<(usize, Decimal, i64)> {
    let bytes = text.as_bytes();
    let base_end = digit_run(bytes, i);
    if base_end == i || base_end - i > 3 {
        return None;
    }
    let base = parse_int(&bytes[i..base_end])?;
    let mut j = base_end;
    if bytes.get(j) == Some(&b'^') {
        j += 1;
    } else if base != Decimal::TEN {
        return None;
    }
    let (end, exp) = signed_int(text, j)?;
    Some((end, base, exp))
}

/// `^23`, `^+23`, `^-1`, `^--23` (power notation on the mantissa itself).
fn caret_power(bytes: &[u8], i: usize) -> Option<(usize, i64)> {
    if bytes.get(i) != Some(&b'^') {
        return None;
    }
    let mut j = i + 1;
    let mut neg = false;
    while let Some(&b) = bytes.get(j) {
        match b {
            b'+' => j += 1,
            b'-' => {
                neg = !neg;
                j += 1;
            }
            _ => break,
        }
    }
    let end = digit_run(bytes, j);
    if end == j || end - j > 4 {
        return None;
    }
    let n: i64 = std::str::from_utf8(&bytes[j..end]).ok()?.parse().ok()?;
    // `-1.1^--23` reads as -(1.1^23) in the peers' convention: an even count of minus signs.
    Some((end, if neg { -n } else { n }))
}

/// An optionally signed integer (`+14`, `-1`, `−5` with U+2212).
fn signed_int(text: &str, i: usize) -> Option<(usize, i64)> {
    let bytes = text.as_bytes();
    let mut j = i;
    let mut neg = false;
    if bytes.get(j) == Some(&b'+') {
        j += 1;
    } else if bytes.get(j) == Some(&b'-') {
        neg = true;
        j += 1;
    } else if text.get(j..).is_some_and(|s| s.starts_with('\u{2212}')) {
        neg = true;
        j += 3;
    }
    let end = digit_run(bytes, j);
    if end == j || end - j > 6 {
        return None;
    }
    let n: i64 = std::str::from_utf8(&bytes[j..end]).ok()?.parse().ok()?;
    Some((end, if neg { -n } else { n }))
}

/// `base^exp` exactly, or `None` when it leaves the decimal range.
fn power(base: Decimal, exp: i64) -> Option<Decimal> {
    checked_powi(base, exp)
}

fn checked_powi(base: Decimal, exp: i64) -> Option<Decimal> {
    if exp.abs() > 200 {
        return None;
    }
    let mut result = Decimal::ONE;
    for _ in 0..exp.unsigned_abs() {
        result = result.checked_mul(base)?;
    }
    if exp < 0 {
        if result.is_zero() {
            return None;
        }
        result = Decimal::ONE.checked_div(result)?;
    }
    Some(result.normalize())
}

/// `st`, `nd`, `rd`, `th` right after an integer, ending the word.
fn ordinal_suffix(bytes: &[u8], i: usize, value: Option<Decimal>) -> Option<usize> {
    let s0 = bytes.get(i)?.to_ascii_lowercase();
    let s1 = bytes.get(i + 1)?.to_ascii_lowercase();
    if bytes.get(i + 2).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let suffix = [s0, s1];
    let ok = matches!(&suffix, b"st" | b"nd" | b"rd" | b"th");
    // Accept `21th`-style slips too: the suffix alone marks an ordinal.
    (ok && value.is_some()).then_some(i + 2)
}

/// The value of a vulgar fraction character.
pub fn vulgar(c: char) -> Option<Decimal> {
    let (n, d): (i64, i64) = match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        '⅐' => (1, 7),
        '⅑' => (1, 9),
        '⅒' => (1, 10),
        _ => return None,
    };
    Decimal::from(n).checked_div(Decimal::from(d))
}

/// Numbers in non-ASCII digits (Arabic-Indic, full-width...) and vulgar fractions (`½`).
pub fn lex_unicode_digits(text: &str, start: usize) -> Option<(usize, Literal)> {
    let first = text[start..].chars().next()?;
    if let Some(v) = vulgar(first) {
        let mut lit = Literal::new(Some(v), Shape::Fraction);
        lit.int_digits = 0;
        return Some((start + first.len_utf8(), lit));
    }
    first.to_digit(10).or_else(|| unicode_digit(first))?;
    let mut buf = DigitBuf::new();
    let mut end = start;
    let mut decimals = 0;
    let mut int_digits = 0;
    let mut seen_point = false;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if let Some(d) = unicode_digit(c) {
            buf.push(b'0' + u8::try_from(d).unwrap_or(0));
            if seen_point {
                decimals += 1;
            } else {
                int_digits += 1;
            }
            end = start + off + c.len_utf8();
        } else if (c == '.' || c == '\u{066B}' || c == '．')
            && !seen_point
            && chars
                .peek()
                .is_some_and(|(_, n)| unicode_digit(*n).is_some())
        {
            buf.push_point();
            seen_point = true;
        } else {
            break;
        }
    }
    if end == start {
        return None;
    }
    let mut lit = Literal::new(
        buf.value(),
        if seen_point {
            Shape::Decimal
        } else {
            Shape::Integer
        },
    );
    lit.decimals = decimals;
    lit.int_digits = int_digits;
    Some((end, lit))
}

/// The value of a decimal digit in any script (ASCII excluded: the fast path handles it).
fn unicode_digit(c: char) -> Option<u32> {
    let cp = c as u32;
    let zero = match cp {
        0x0660..=0x0669 => 0x0660, // Arabic-Indic
        0x06F0..=0x06F9 => 0x06F0, // Extended Arabic-Indic (Persian)
        0x0966..=0x096F => 0x0966, // Devanagari
        0xFF10..=0xFF19 => 0xFF10, // Full-width
        0x09E6..=0x09EF => 0x09E6, // Bengali
        _ => return None,
    };
    Some(cp - zero)
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// The u64 fast path reads exactly what the general parser reads, scale included.
        #[test]
        fn small_decimal_is_from_str_exact(
            s in "[0-9]{0,20}(\\.[0-9]{0,20})?|[0-9.]{0,22}|0{0,5}[1-9][0-9]{0,17}",
        ) {
            if let Some(d) = super::small_decimal(s.as_bytes()) {
                let e = rust_decimal::Decimal::from_str_exact(&s);
                proptest::prop_assert!(e.is_ok(), "{s}");
                let e = e.unwrap();
                proptest::prop_assert_eq!((d.mantissa(), d.scale()), (e.mantissa(), e.scale()), "{}", s);
            }
        }
    }

    #[test]
    fn small_decimal_takes_short_literals() {
        for (s, m, scale) in [
            ("0", 0, 0),
            ("12.50", 1250, 2),
            ("0.05", 5, 2),
            ("999999999999999999", 999_999_999_999_999_999, 0),
            ("99999999.9999999999", 999_999_999_999_999_999, 10),
        ] {
            let d = super::small_decimal(s.as_bytes()).unwrap();
            assert_eq!((d.mantissa(), d.scale()), (m, scale), "{s}");
        }
        for s in [
            "",
            ".5",
            "5.",
            "1.2.3",
            "1_000",
            "1234567890123456789",
            "-1",
        ] {
            assert!(super::small_decimal(s.as_bytes()).is_none(), "{s}");
        }
    }

    use super::*;
    use std::str::FromStr;

    fn v(text: &str) -> (String, Option<String>) {
        let (end, lit) = lex(text, 0);
        (
            text[..end].to_string(),
            lit.and_then(|l| l.value).map(|d| d.normalize().to_string()),
        )
    }

    fn d(s: &str) -> Option<String> {
        Some(Decimal::from_str(s).unwrap().normalize().to_string())
    }

    #[test]
    fn grouping_styles() {
        assert_eq!(v("1,234,567"), ("1,234,567".into(), d("1234567")));
        assert_eq!(v("12,34,567.89"), ("12,34,567.89".into(), d("1234567.89")));
        assert_eq!(v("1 234 567 people"), ("1 234 567".into(), d("1234567")));
        assert_eq!(v("1\u{202F}234.5"), ("1\u{202F}234.5".into(), d("1234.5")));
        assert_eq!(v("1'250'000"), ("1'250'000".into(), d("1250000")));
        assert_eq!(v("1.111,11"), ("1.111,11".into(), d("1111.11")));
        assert_eq!(v("5,00"), ("5,00".into(), d("5")));
    }

    #[test]
    fn lists_are_not_grouping() {
        assert_eq!(v("22,24,26,31").0, "22");
        assert_eq!(v("1,2,3,4").0, "1");
        assert_eq!(v("423 0000").0, "423");
        assert_eq!(v("2019 100").0, "2019");
    }

    #[test]
    fn decimals_keep_their_precision() {
        let (_, lit) = lex("4.800", 0);
        let lit = lit.unwrap();
        assert_eq!(lit.decimals, 3);
        assert_eq!(lit.value.unwrap().normalize().to_string(), "4.8");
        assert_eq!(v(".08"), (".08".into(), d("0.08")));
    }

    #[test]
    fn exponents_and_powers() {
        assert_eq!(v("1e10").1, d("10000000000"));
        assert_eq!(v("12.32e+14").1, d("1232000000000000"));
        assert_eq!(v("1.3x10^6").1, d("1300000"));
        assert_eq!(v("6.23x10^-4").1, d("0.000623"));
        assert_eq!(v("2.48\u{00D7}10\u{2212}5").1, d("0.0000248"));
        assert_eq!(v("8x2^10").1, d("8192"));
        assert_eq!(v("2.5^-1").1, d("0.4"));
    }

    #[test]
    fn out_of_range_is_an_error_not_a_panic() {
        let (_, lit) = lex("10^400", 0);
        let lit = lit.unwrap();
        assert_eq!(lit.value, None);
        assert_eq!(lit.error, Some(OUT_OF_RANGE));
        let (_, lit) = lex("1e309", 0);
        assert_eq!(lit.unwrap().value, None);
        let digits = "9".repeat(100_000);
        let (end, lit) = lex(&digits, 0);
        assert_eq!(end, digits.len());
        assert_eq!(lit.unwrap().value, None);
    }

    #[test]
    fn not_numbers() {
        assert_eq!(lex("2.3.1", 0).1, None);
        assert_eq!(lex("192.168.0.1", 0).1, None);
        assert_eq!(lex("0.0.1", 0).1, None);
        assert_eq!(lex("5/17/2018", 0).1, None);
        assert_eq!(lex("555-123-4567", 0).1, None);
        assert_eq!(phone_number(b"+7 717 255 5555", 0), Some(15));
        assert_eq!(phone_number(b"+5%", 0), None);
    }

    #[test]
    fn fractions_and_ordinals() {
        assert_eq!(v("3/4").1, d("0.75"));
        assert_eq!(v("2\u{00BD}").1, d("2.5"));
        let (end, lit) = lex("81st largest", 0);
        assert_eq!(end, 4);
        assert!(lit.unwrap().ordinal);
        assert!(!lex("10km", 0).1.unwrap().ordinal);
    }

    #[test]
    fn invisible_characters_inside_a_number_are_ignored() {
        assert_eq!(v("5\u{ad}000 jobs").1, d("5000"));
        assert_eq!(v("7\u{200b}000").1, d("7000"));
        assert_eq!(v("1.2\u{ad}5").1, d("1.25"));
        // Not between digits: the number ends.
        assert_eq!(v("5\u{ad} jobs").0, "5");
    }

    #[test]
    fn unicode_digits() {
        let (end, lit) = lex_unicode_digits("١٢٣", 0).unwrap();
        assert_eq!(end, "١٢٣".len());
        assert_eq!(lit.value.unwrap().to_string(), "123");
        let (_, lit) = lex_unicode_digits("１２.５", 0).unwrap();
        assert_eq!(lit.value.unwrap().to_string(), "12.5");
    }
}
