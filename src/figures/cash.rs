//! Cash offers: a fixed price, or a modified Dutch auction over a price range.

use rust_decimal::Decimal;

use super::{Computed, FigureError, FigureId, Figures, Input, Sources, div, floor, mul, premium};
use crate::terms::{Terms, price_points};

const CLOSING_PRICE: &str = "security.closing_price.price";

const MAX_SHARES: &str = "offer.max_shares";

/// Pushes the figures of a fixed-price cash offer; returns the maximum shares sought.
pub(super) fn fixed(t: &Terms, sources: &Sources, figures: &mut Figures) -> Result<Input, FigureError> {
    let (Some(price), Some((max_shares, field))) = (t.offer.cash_price, t.shares_sought()) else {
        return Err(FigureError::new("offer", "a cash offer needs `cash_price` and `max_shares`"));
    };
    let closing = t.security.closing_price.as_ref().map(|c| c.price.0);
    let price_input = sources.input("offer.cash_price", Some("cash_price"), price.0);
    // All outstanding shares are sought as counted in `security.shares_outstanding`.
    let change = (field == MAX_SHARES).then_some("max_shares");
    let max_input = sources.input(field, change, max_shares.decimal());
    let price_figure = figures
        .push(Computed {
            id: FigureId::PurchasePrice,
            formula: "the cash price per share, as stated in the terms",
            inputs: vec![price_input],
            value: price.0,
        })
        .clone();
    // A premium needs a closing price to be measured from; the terms need not give one.
    if let Some(closing) = closing {
        figures.push(Computed {
            id: FigureId::Premium,
            formula: "purchase price / closing price - 1",
            inputs: vec![
                price_figure.as_input(),
                sources.input(CLOSING_PRICE, Some("closing_price.price"), closing),
            ],
            value: premium(price.0, closing, CLOSING_PRICE)?,
        });
    }
    figures.push(Computed {
        id: FigureId::AggregatePurchasePrice,
        formula: if field == MAX_SHARES {
            "purchase price x maximum shares sought"
        } else {
            "purchase price x shares outstanding (all outstanding shares are sought)"
        },
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
    if let Some(closing) = t.security.closing_price.as_ref().map(|c| c.price.0) {
        let closing_input = sources.input(CLOSING_PRICE, Some("closing_price.price"), closing);
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
    }

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
