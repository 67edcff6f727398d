//! Decimals as text: the shortest exact form (`1.8`, `3000000000`, `-0.05`), as
//! `Decimal::normalize().to_string()` writes it, without going through `fmt`; and every digit
//! of the scale, as `Display` writes it ([`Plain`]).
//!
//! Every figure of `extract` and every claim of `report` prints its value and bounds this way,
//! and rust_decimal's `normalize` and `Display` cost about 700 instructions a number (5% of
//! `extract`).

use std::fmt;

use rust_decimal::Decimal;

/// `d` normalized (no trailing zeros after the point) and written out.
pub fn normalized(d: Decimal) -> String {
    // Sized once: a sign, a point and 29 digits, or `-0.` and 28.
    let mut out = Vec::with_capacity(32);
    push_normalized(d, &mut out);
    String::from_utf8(out).expect("a sign, digits and a point are ASCII")
}

/// [`normalized`], appended to `out`: output written straight into a line, with no string of
/// its own. Only ASCII digits, `-` and `.`, so never anything JSON escapes.
pub fn push_normalized(d: Decimal, out: &mut Vec<u8>) {
    let mut digits = Digits::of(d);
    if digits.is_zero() {
        out.push(b'0');
        return;
    }
    // Normalizing drops the zeros after the point (`1.80` -> `1.8`, `2.000` -> `2`): done on
    // the digits, as rust_decimal's `normalize` divides the 96-bit mantissa by ten per zero.
    digits.drop_trailing_zeros();
    if d.is_sign_negative() {
        out.push(b'-');
    }
    digits.write(out);
}

/// A decimal as `Display` writes it (every digit of its scale: `1.80`, `-0.0`), without the
/// cost of rust_decimal's `Display` (a division of the 96-bit mantissa per digit, and a
/// string). For findings' arithmetic, which writes thousands of rounded figures.
#[derive(Debug, Clone, Copy)]
pub struct Plain(pub Decimal);

impl Plain {
    /// The digits with the point in place, without the sign, into `buf`; returns the length.
    fn unsigned_into(self, buf: &mut [u8; 64]) -> usize {
        let digits = Digits::of(self.0);
        if digits.is_zero() && self.0.scale() == 0 {
            buf[0] = b'0';
            1
        } else {
            digits.write_into(buf)
        }
    }

    /// Appends what `Display` writes with no width or sign flags: for text built piece by
    /// piece without the formatting machinery (findings write thousands of figures).
    pub fn push_to(self, out: &mut String) {
        let mut buf = [0u8; 64];
        let len = self.unsigned_into(&mut buf);
        // As rust_decimal writes it: the sign of a negative (a negative zero's too).
        if !self.0.is_sign_positive() {
            out.push('-');
        }
        out.push_str(std::str::from_utf8(&buf[..len]).expect("digits and a point are ASCII"));
    }
}

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 64];
        let len = self.unsigned_into(&mut buf);
        let text = std::str::from_utf8(&buf[..len]).expect("digits and a point are ASCII");
        // As rust_decimal writes it: the sign (a negative zero's too) and any padding.
        f.pad_integral(self.0.is_sign_positive(), "", text)
    }
}

/// The digits of a decimal's mantissa and where its point goes.
struct Digits {
    /// Written backwards from the end (a 96-bit mantissa has at most 29 digits).
    buf: [u8; 40],
    /// The first digit is `buf[at]`; the digits end at `end`.
    at: usize,
    end: usize,
    /// Digits after the point.
    scale: usize,
}

impl Digits {
    fn of(d: Decimal) -> Self {
        let mut buf = [0u8; 40];
        let mut at = buf.len();
        let magnitude = d.mantissa().unsigned_abs();
        // u64 arithmetic when it fits, which is almost always.
        if let Ok(mut n) = u64::try_from(magnitude) {
            while n > 0 {
                at -= 1;
                buf[at] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        } else {
            let mut n = magnitude;
            while n > 0 {
                at -= 1;
                buf[at] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
        Self {
            buf,
            at,
            end: 40,
            scale: d.scale() as usize,
        }
    }

    fn is_zero(&self) -> bool {
        self.at == self.end
    }

    fn drop_trailing_zeros(&mut self) {
        while self.scale > 0 && self.end > self.at && self.buf[self.end - 1] == b'0' {
            self.end -= 1;
            self.scale -= 1;
        }
    }

    /// The digits with the point in its place, into a buffer on the stack (at most 30 bytes:
    /// 29 digits and the point, or `0.` and 28 digits); returns the length.
    fn write_into(&self, buf: &mut [u8; 64]) -> usize {
        let digits = &self.buf[self.at..self.end];
        let scale = self.scale;
        let mut len = 0;
        let mut put = |bytes: &[u8]| {
            buf[len..len + bytes.len()].copy_from_slice(bytes);
            len += bytes.len();
        };
        if scale == 0 {
            put(digits);
        } else if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            put(int);
            put(b".");
            put(frac);
        } else {
            put(b"0.");
            for _ in digits.len()..scale {
                put(b"0");
            }
            put(digits);
        }
        len
    }

    /// The digits with the point in its place: `0.05` for 5 at scale 2, `18` at scale 0.
    fn write(&self, out: &mut Vec<u8>) {
        let mut buf = [0u8; 64];
        let len = self.write_into(&mut buf);
        out.extend_from_slice(&buf[..len]);
    }
}

/// The decimal digits of `n`, as `Display` writes them, in the end of `buf`.
pub fn decimal(n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    let mut n = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[at..]
}

/// Appends `n` in decimal, as `Display` writes it, without the formatting machinery.
pub fn push_usize(out: &mut String, n: usize) {
    let mut buf = [0u8; 20];
    for &d in decimal(n as u64, &mut buf) {
        out.push(char::from(d));
    }
}

/// A 64-bit hash as sixteen lower-case hex digits, as `format!("{h:016x}")` writes it, without
/// the formatting machinery and into a buffer sized once: every claim and every finding gets
/// a fingerprint.
pub fn hex16(h: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 16];
    for (k, d) in out.iter_mut().rev().enumerate() {
        *d = DIGITS[((h >> (4 * k)) & 0xf) as usize];
    }
    let mut s = String::with_capacity(16);
    s.extend(out.iter().map(|&b| char::from(b)));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn hex16_is_the_padded_hex_format(h in proptest::prelude::any::<u64>()) {
            proptest::prop_assert_eq!(hex16(h), format!("{h:016x}"));
        }
    }

    proptest::proptest! {
        #[test]
        fn push_usize_is_display(n in proptest::prelude::any::<usize>()) {
            let mut s = String::from("x");
            push_usize(&mut s, n);
            proptest::prop_assert_eq!(s, format!("x{n}"));
        }
    }

    #[test]
    fn push_usize_writes_zero_and_the_largest() {
        let mut s = String::new();
        push_usize(&mut s, 0);
        push_usize(&mut s, usize::MAX);
        assert_eq!(s, format!("0{}", usize::MAX));
    }

    #[test]
    fn hex16_pads_and_reaches_both_ends() {
        assert_eq!(hex16(0), "0000000000000000");
        assert_eq!(hex16(u64::MAX), "ffffffffffffffff");
        assert_eq!(hex16(0xab), format!("{:016x}", 0xab));
    }

    fn display(d: Decimal) -> String {
        d.normalize().to_string()
    }

    #[test]
    fn figures_are_written_as_display_writes_them() {
        for (m, scale, text) in [
            (18, 1, "1.8"),
            (3_000_000_000, 0, "3000000000"),
            (-5, 2, "-0.05"),
            (18, 2, "0.18"),
            (1800, 3, "1.8"),
            (0, 5, "0"),
            (7, 28, "0.0000000000000000000000000007"),
            (i128::from(u64::MAX) + 1, 0, "18446744073709551616"),
        ] {
            let d = Decimal::from_i128_with_scale(m, scale);
            assert_eq!(normalized(d), text);
            assert_eq!(normalized(d), display(d));
        }
        // A negative zero prints without its sign.
        let negative_zero = Decimal::from_parts(0, 0, 0, true, 3);
        assert_eq!(normalized(negative_zero), display(negative_zero));
        assert_eq!(normalized(Decimal::MAX), display(Decimal::MAX));
        assert_eq!(normalized(Decimal::MIN), display(Decimal::MIN));
    }

    #[test]
    fn plain_figures_are_written_as_display_writes_them() {
        for (m, scale, text) in [
            (180, 2, "1.80"),
            (-5, 2, "-0.05"),
            (0, 0, "0"),
            (0, 3, "0.000"),
            (7, 28, "0.0000000000000000000000000007"),
            (3_000_000_000, 0, "3000000000"),
        ] {
            let d = Decimal::from_i128_with_scale(m, scale);
            assert_eq!(Plain(d).to_string(), text);
            assert_eq!(Plain(d).to_string(), d.to_string());
        }
        // rust_decimal drops the sign of a zero made from parts, but a negated zero keeps it,
        // and `Display` writes it.
        let unsigned_zero = Decimal::from_parts(0, 0, 0, true, 1);
        assert_eq!(Plain(unsigned_zero).to_string(), "0.0");
        assert_eq!(Plain(unsigned_zero).to_string(), unsigned_zero.to_string());
        let negative_zero = -Decimal::new(0, 1);
        assert_eq!(Plain(negative_zero).to_string(), "-0.0");
        assert_eq!(Plain(negative_zero).to_string(), negative_zero.to_string());
        assert_eq!(Plain(Decimal::MIN).to_string(), Decimal::MIN.to_string());
    }

    proptest::proptest! {
        #[test]
        fn any_decimal_is_written_as_display_writes_it(
            lo in proptest::prelude::any::<u32>(),
            mid in proptest::prelude::any::<u32>(),
            hi in proptest::prop_oneof![proptest::strategy::Just(0u32), proptest::prelude::any::<u32>()],
            negative in proptest::prelude::any::<bool>(),
            scale in 0u32..=28,
        ) {
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            proptest::prop_assert_eq!(normalized(d), display(d));
            proptest::prop_assert_eq!(Plain(d).to_string(), d.to_string());
            proptest::prop_assert_eq!(format!("{:>40}", Plain(d)), format!("{d:>40}"));
            let mut pushed = String::from("x");
            Plain(d).push_to(&mut pushed);
            proptest::prop_assert_eq!(pushed, format!("x{d}"));
        }
    }
}
