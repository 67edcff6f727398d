//! Decimals as text: the shortest exact form (`1.8`, `3000000000`, `-0.05`), as
//! `Decimal::normalize().to_string()` writes it, without going through `fmt`.
//!
//! Every figure of `extract` and every claim of `report` prints its value and bounds this way,
//! and rust_decimal's `normalize` and `Display` cost about 700 instructions a number (5% of
//! `extract`).

use rust_decimal::Decimal;

/// `d` normalized (no trailing zeros after the point) and written out.
pub fn normalized(d: Decimal) -> String {
    let mut out = Vec::new();
    push_normalized(d, &mut out);
    String::from_utf8(out).expect("a sign, digits and a point are ASCII")
}

/// [`normalized`], appended to `out`: output written straight into a line, with no string of
/// its own. Only ASCII digits, `-` and `.`, so never anything JSON escapes.
pub fn push_normalized(d: Decimal, out: &mut Vec<u8>) {
    let magnitude = d.mantissa().unsigned_abs();
    if magnitude == 0 {
        out.push(b'0');
        return;
    }
    // The digits, written backwards from the end of the buffer (a 96-bit mantissa has at most
    // 29 digits); u64 arithmetic when it fits, which is almost always.
    let mut digits = [0u8; 40];
    let mut at = digits.len();
    if let Ok(mut n) = u64::try_from(magnitude) {
        while n > 0 {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    } else {
        let mut n = magnitude;
        while n > 0 {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    }
    // Normalizing drops the zeros after the point (`1.80` -> `1.8`, `2.000` -> `2`): done on
    // the digits, as rust_decimal's `normalize` divides the 96-bit mantissa by ten per zero.
    let mut scale = d.scale() as usize;
    let mut end = digits.len();
    while scale > 0 && digits[end - 1] == b'0' {
        end -= 1;
        scale -= 1;
    }
    let digits = &digits[at..end];
    out.reserve(digits.len() + scale + 3);
    if d.is_sign_negative() {
        out.push(b'-');
    }
    if scale == 0 {
        out.extend_from_slice(digits);
    } else if digits.len() > scale {
        let (int, frac) = digits.split_at(digits.len() - scale);
        out.extend_from_slice(int);
        out.push(b'.');
        out.extend_from_slice(frac);
    } else {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + scale - digits.len(), b'0');
        out.extend_from_slice(digits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        }
    }
}
