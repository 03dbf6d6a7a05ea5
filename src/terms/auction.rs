//! An auction's price range: how many prices it holds, checked where the terms are validated
//! and listed by the figures.

use rust_decimal::Decimal;

use crate::format;

/// The most prices an auction's range may hold. Modified Dutch auctions state ranges of a few
/// dollars in steps of $0.01 to $0.25, a few hundred prices at most; 10,000 leaves room for
/// any range counsel would state, while the clearing price, which tries the prices in turn,
/// and the checks of each tender's price stay small work. A range past it is a mistyped
/// increment (0.000000001 for 0.01 lists billions of prices), refused where it is stated.
pub const MAX_PRICE_POINTS: u64 = 10_000;

/// The number of prices from `min` to `max` in steps of `step`, when it is a whole number
/// no larger than [`MAX_PRICE_POINTS`]; otherwise the reason, for the increment's field.
pub fn price_points(min: Decimal, max: Decimal, step: Decimal) -> Result<u64, String> {
    let range = || format!("{} to {} in steps of {}", exact(min), exact(max), exact(step));
    let steps = max
        .checked_sub(min)
        .and_then(|width| width.checked_div(step))
        .ok_or_else(|| format!("the range {} holds more prices than can be counted", range()))?;
    if !steps.fract().is_zero() {
        return Err(format!(
            "the range {} to {} is not a whole number of {} increments",
            exact(min),
            exact(max),
            exact(step)
        ));
    }
    match u64::try_from(steps).ok().and_then(|s| s.checked_add(1)) {
        Some(points) if points <= MAX_PRICE_POINTS => Ok(points),
        _ => Err(format!(
            "the range {} holds {} increments, more prices than the {} an auction can sensibly offer",
            range(),
            format::shares(steps).unwrap_or_else(|| steps.to_string()),
            format::shares(MAX_PRICE_POINTS.into()).unwrap_or_else(|| MAX_PRICE_POINTS.to_string())
        )),
    }
}

/// A price as a message must state it: the decimals it has, however many (an increment of
/// $0.000000001 is not "$0.0000").
fn exact(price: Decimal) -> String {
    let normal = price.normalize();
    if normal.scale() > format::MAX_MONEY_PLACES { format!("${normal}") } else { format::money(price) }
}
