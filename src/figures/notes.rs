//! An offer for notes (`security.notes`): cash at a fixed price for each denomination of
//! principal amount, for up to a principal amount or for every note outstanding.

use rust_decimal::Decimal;

use super::{Computed, FigureError, FigureId, Figures, Input, Sources, div, mul};
use crate::terms::{SoughtNotes, Terms};

const OUTSTANDING: &str = "security.notes.principal_outstanding";

/// Pushes the figures of a fixed-price cash offer for notes.
pub(super) fn fixed(
    t: &Terms,
    notes: &SoughtNotes,
    sources: &Sources,
    figures: &mut Figures,
) -> Result<(), FigureError> {
    let Some(price) = t.offer.cash_price else {
        return Err(FigureError::new("offer", "a cash offer for notes needs `cash_price`"));
    };
    let denomination = sources.input("security.notes.denomination", None, notes.denomination.0);
    let price_figure = figures
        .push(Computed {
            id: FigureId::PricePerDenomination,
            formula: "the cash price for each denomination of principal amount, as stated in the terms",
            inputs: vec![sources.input("offer.cash_price", Some("cash_price"), price.0)],
            value: price.0,
        })
        .as_input();
    let outstanding = notes.principal_outstanding.map(|p| sources.input(OUTSTANDING, None, p.0));
    let Some((sought, formula)) = principal_sought(t, notes, sources) else { return Ok(()) };
    figures.push(Computed {
        id: FigureId::AggregatePurchasePrice,
        formula,
        value: cash_for(sought.value, denomination.value, price_figure.value)?,
        inputs: vec![sought.clone(), denomination, price_figure],
    });
    if let (Some(outstanding), Some(_)) = (outstanding, t.offer.max_principal) {
        figures.push(Computed {
            id: FigureId::PercentOfPrincipalOutstanding,
            formula: "maximum principal amount sought / principal amount outstanding",
            value: div(sought.value, outstanding.value, OUTSTANDING)?,
            inputs: vec![sought, outstanding],
        });
    }
    Ok(())
}

/// The principal amount the offer seeks, as an input, with the formula of the cash paid for
/// it: the maximum sought, or for any and all every note outstanding; `None` when any and all
/// is sought and the terms do not say how much is outstanding.
pub(super) fn principal_sought(
    t: &Terms,
    notes: &SoughtNotes,
    sources: &Sources,
) -> Option<(Input, &'static str)> {
    match t.offer.max_principal {
        Some(max) => Some((
            sources.input("offer.max_principal", None, max.0),
            "maximum principal amount sought / denomination x purchase price per denomination",
        )),
        None => notes.principal_outstanding.map(|p| {
            (
                sources.input(OUTSTANDING, None, p.0),
                "principal amount outstanding / denomination x purchase price per denomination",
            )
        }),
    }
}

/// The cash paid for `principal` at `price` for each `denomination` of it, accrued interest
/// aside: the terms hold every amount sought to whole denominations, so nothing is rounded.
pub(super) fn cash_for(
    principal: Decimal,
    denomination: Decimal,
    price: Decimal,
) -> Result<Decimal, FigureError> {
    mul(div(principal, denomination, "security.notes.denomination")?, price, "offer.cash_price")
}
