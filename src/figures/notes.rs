//! An offer for notes (`security.notes`): cash at a fixed price for each denomination of
//! principal amount, for up to a principal amount or for every note outstanding.

use super::{Computed, FigureError, FigureId, Figures, Sources, div, mul};
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
    // Any and all: what every note outstanding would cost, when the terms say how many are.
    let (sought, formula) = match t.offer.max_principal {
        Some(max) => (
            Some(sources.input("offer.max_principal", None, max.0)),
            "maximum principal amount sought / denomination x purchase price per denomination",
        ),
        None => (
            outstanding.clone(),
            "principal amount outstanding / denomination x purchase price per denomination",
        ),
    };
    let Some(sought) = sought else { return Ok(()) };
    let denominations = div(sought.value, denomination.value, "security.notes.denomination")?;
    figures.push(Computed {
        id: FigureId::AggregatePurchasePrice,
        formula,
        value: mul(denominations, price_figure.value, "offer.cash_price")?,
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
