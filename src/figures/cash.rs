//! Cash offers: a fixed price, or a modified Dutch auction over a price range.

use rust_decimal::Decimal;

use super::{Computed, FigureError, FigureId, Figures, Input, Sources, div, floor, mul, premium};
use crate::format;
use crate::terms::Terms;

const CLOSING_PRICE: &str = "security.closing_price.price";

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
            format::shares(MAX_PRICE_POINTS.into()).unwrap_or_default()
        )),
    }
}

/// A price as a message must state it: the decimals it has, however many (an increment of
/// $0.000000001 is not "$0.0000").
fn exact(price: Decimal) -> String {
    let normal = price.normalize();
    if normal.scale() > format::MAX_MONEY_PLACES { format!("${normal}") } else { format::money(price) }
}
const MAX_SHARES: &str = "offer.max_shares";

/// Pushes the figures of a fixed-price cash offer; returns the maximum shares sought.
pub(super) fn fixed(t: &Terms, sources: &Sources, figures: &mut Figures) -> Result<Input, FigureError> {
    let (Some(price), Some(max_shares)) = (t.offer.cash_price, t.offer.max_shares) else {
        return Err(FigureError::new("offer", "a cash offer needs `cash_price` and `max_shares`"));
    };
    let closing = t.security.closing_price.price.0;
    let price_input = sources.input("offer.cash_price", Some("cash_price"), price.0);
    let max_input = sources.input(MAX_SHARES, Some("max_shares"), max_shares.decimal());
    let price_figure = figures
        .push(Computed {
            id: FigureId::PurchasePrice,
            formula: "the cash price per share, as stated in the terms",
            inputs: vec![price_input],
            value: price.0,
        })
        .clone();
    figures.push(Computed {
        id: FigureId::Premium,
        formula: "purchase price / closing price - 1",
        inputs: vec![price_figure.as_input(), sources.input(CLOSING_PRICE, None, closing)],
        value: premium(price.0, closing, CLOSING_PRICE)?,
    });
    figures.push(Computed {
        id: FigureId::AggregatePurchasePrice,
        formula: "purchase price x maximum shares sought",
        inputs: vec![price_figure.as_input(), max_input.clone()],
        value: mul(price.0, max_shares.decimal(), "offer.cash_price")?,
    });
    Ok(max_input)
}

/// Pushes the figures of a modified Dutch auction; returns the maximum shares sought (for a
/// dollar cap, the shares it buys at the lowest price).
pub(super) fn auction(t: &Terms, sources: &Sources, figures: &mut Figures) -> Result<Input, FigureError> {
    let Some(auction) = &t.offer.auction else {
        return Err(FigureError::new("offer.auction", "the auction is not stated"));
    };
    let closing = t.security.closing_price.price.0;
    let (min, max, step) = (auction.min_price.0, auction.max_price.0, auction.increment.0);
    let min_input = sources.input("offer.auction.min_price", Some("min_price"), min);
    let max_input = sources.input("offer.auction.max_price", Some("max_price"), max);
    let points =
        price_points(min, max, step).map_err(|why| FigureError::new("offer.auction.increment", why))?;
    figures.push(Computed {
        id: FigureId::PricePoints,
        formula: "(maximum price - minimum price) / increment + 1",
        inputs: vec![
            min_input.clone(),
            max_input.clone(),
            sources.input("offer.auction.increment", None, step),
        ],
        value: Decimal::from(points),
    });
    let closing_input = sources.input(CLOSING_PRICE, None, closing);
    figures.push(Computed {
        id: FigureId::PremiumAtMinPrice,
        formula: "minimum price / closing price - 1",
        inputs: vec![min_input.clone(), closing_input.clone()],
        value: premium(min, closing, CLOSING_PRICE)?,
    });
    figures.push(Computed {
        id: FigureId::PremiumAtMaxPrice,
        formula: "maximum price / closing price - 1",
        inputs: vec![max_input.clone(), closing_input],
        value: premium(max, closing, CLOSING_PRICE)?,
    });

    match (t.offer.max_shares, auction.max_dollars) {
        (Some(shares), None) => {
            let shares_input = sources.input(MAX_SHARES, Some("max_shares"), shares.decimal());
            figures.push(Computed {
                id: FigureId::AggregateAtMaxPrice,
                formula: "maximum shares sought x maximum price",
                inputs: vec![shares_input.clone(), max_input],
                value: mul(shares.decimal(), max, "offer.auction.max_price")?,
            });
            figures.push(Computed {
                id: FigureId::AggregateAtMinPrice,
                formula: "maximum shares sought x minimum price",
                inputs: vec![shares_input.clone(), min_input],
                value: mul(shares.decimal(), min, "offer.auction.min_price")?,
            });
            Ok(shares_input)
        }
        (None, Some(dollars)) => {
            let dollars_input = sources.input("offer.auction.max_dollars", None, dollars.0);
            let at_min = figures
                .push(Computed {
                    id: FigureId::SharesAtMinPrice,
                    formula: "maximum dollars / minimum price, rounded down to whole shares",
                    inputs: vec![dollars_input.clone(), min_input],
                    value: floor(div(dollars.0, min, "offer.auction.min_price")?),
                })
                .as_input();
            figures.push(Computed {
                id: FigureId::SharesAtMaxPrice,
                formula: "maximum dollars / maximum price, rounded down to whole shares",
                inputs: vec![dollars_input, max_input],
                value: floor(div(dollars.0, max, "offer.auction.max_price")?),
            });
            Ok(at_min)
        }
        _ => Err(FigureError::new(
            "offer.auction",
            "cap the auction with `offer.max_shares` or `offer.auction.max_dollars`, not both",
        )),
    }
}
