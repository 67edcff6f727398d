//! From a figure and its bound kind to an exact interval.

use rust_decimal::Decimal;

use crate::interval::{Endpoint, Interval};
use crate::rules::{BoundKind, Qualifiers};

/// The interval a figure `v` stands for, given the place value of its last written digit
/// (`unit_place`: 0.1e9 for `1.8 billion`; zero when the figure is exact) and its bound.
///
/// - exact: `[v, v]`;
/// - rounded: `[v - u/2, v + u/2]` (implicit precision of a rounded figure);
/// - approx: `v` +/- the larger of the rounding and the approx tolerance times `|v|`;
/// - gt / ge / lt / le: one-sided, open or closed at `v`;
/// - nearly: `[v - tolerance x |v|, v)`.
///
/// Arithmetic is checked: a figure so large that its interval leaves the decimal range gives
/// `None`, which the caller reports as out of range.
pub fn interval(
    v: Decimal,
    unit_place: Decimal,
    bound: BoundKind,
    q: &Qualifiers,
) -> Option<Interval> {
    // Half the unit place is read only by the bounds that round (halving never fails: it
    // neither divides by zero nor overflows).
    let half = || unit_place.checked_div(Decimal::TWO);
    Some(match bound {
        BoundKind::Exact => Interval::point(v),
        BoundKind::Rounded => {
            let half = half()?;
            Interval::closed(v.checked_sub(half)?, v.checked_add(half)?)
        }
        BoundKind::Approx => {
            let d = half()?.max(v.abs().checked_mul(q.approx())?);
            Interval::closed(v.checked_sub(d)?.normalize(), v.checked_add(d)?.normalize())
        }
        BoundKind::Gt => Interval::new(Some(Endpoint::open(v)), None),
        BoundKind::Ge => Interval::new(Some(Endpoint::closed(v)), None),
        BoundKind::Lt => Interval::new(None, Some(Endpoint::open(v))),
        BoundKind::Le => Interval::new(None, Some(Endpoint::closed(v))),
        BoundKind::Nearly => {
            let low = v.checked_sub(v.abs().checked_mul(q.nearly())?)?.normalize();
            Interval::new(Some(Endpoint::closed(low)), Some(Endpoint::open(v)))
        }
        BoundKind::Range | BoundKind::Vague => Interval::point(v),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The interval as computed before halving became lazy: the unit place halved up front.
    fn eager(
        v: Decimal,
        unit_place: Decimal,
        bound: BoundKind,
        q: &Qualifiers,
    ) -> Option<Interval> {
        let half = unit_place.checked_div(Decimal::TWO)?;
        Some(match bound {
            BoundKind::Exact => Interval::point(v),
            BoundKind::Rounded => Interval::closed(v.checked_sub(half)?, v.checked_add(half)?),
            BoundKind::Approx => {
                let d = half.max(v.abs().checked_mul(q.approx())?);
                Interval::closed(v.checked_sub(d)?.normalize(), v.checked_add(d)?.normalize())
            }
            _ => return interval(v, unit_place, bound, q),
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

        #[test]
        fn lazy_halving_is_the_eager_one(
            m in proptest::prelude::any::<i64>(),
            scale in 0u32..=28,
            u in proptest::prelude::any::<u64>(),
            u_scale in 0u32..=28,
            big in proptest::prelude::any::<bool>(),
            k in 0usize..10,
        ) {
            let q = &crate::rules::default_vocabulary().qualifiers;
            let v = if big { Decimal::MAX - Decimal::from(m.unsigned_abs()) } else {
                Decimal::from_i128_with_scale(i128::from(m), scale)
            };
            let u = Decimal::from_i128_with_scale(i128::from(u), u_scale);
            let bound = [
                BoundKind::Exact, BoundKind::Rounded, BoundKind::Approx, BoundKind::Gt,
                BoundKind::Ge, BoundKind::Lt, BoundKind::Le, BoundKind::Nearly,
                BoundKind::Range, BoundKind::Vague,
            ][k];
            proptest::prop_assert_eq!(
                format!("{:?}", interval(v, u, bound, q)),
                format!("{:?}", eager(v, u, bound, q))
            );
        }
    }
}
