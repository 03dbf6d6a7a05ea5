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
            sources.input("offer.max_principal", Some("max_principal"), max.0),
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

/// The results of an offer for notes, counted in principal amount (`results.tendered`, in
/// dollars): what was accepted, prorated when more than the maximum was tendered, what is paid
/// for it (accrued interest aside), and what remains outstanding.
pub(super) fn results(
    t: &Terms,
    notes: &SoughtNotes,
    sources: &Sources,
    figures: &mut Figures,
) -> Result<(), FigureError> {
    let Some(r) = &t.results else { return Ok(()) };
    if let super::Outcome::Terminated(_) = super::outcome(t) {
        return Ok(());
    }
    let tendered = sources.input("results.tendered", None, r.tendered.decimal());
    // Any and all: every note tendered is accepted.
    let (accepted, formula, mut inputs) = match t.offer.max_principal {
        Some(max) => (
            tendered.value.min(max.0),
            "the principal amount tendered, up to the maximum sought",
            vec![tendered.clone(), sources.input("offer.max_principal", Some("max_principal"), max.0)],
        ),
        None => {
            (tendered.value, "every note tendered, the offer being for any and all", vec![tendered.clone()])
        }
    };
    let accepted = figures
        .push(Computed {
            id: FigureId::PrincipalAccepted,
            formula,
            inputs: std::mem::take(&mut inputs),
            value: accepted,
        })
        .clone();
    let factor = div(accepted.value, tendered.value, "results.tendered")?;
    figures.push(Computed {
        id: FigureId::ProrationFactor,
        formula: "principal amount accepted / principal amount tendered; 100% when all are accepted",
        inputs: vec![accepted.as_input(), tendered.clone()],
        value: factor,
    });
    if accepted.value < tendered.value {
        let not_accepted = tendered.value - accepted.value;
        let not_accepted_figure = figures
            .push(Computed {
                id: FigureId::PrincipalNotAccepted,
                formula: "principal amount tendered - principal amount accepted",
                inputs: vec![tendered.clone(), accepted.as_input()],
                value: not_accepted,
            })
            .as_input();
        figures.push(Computed {
            id: FigureId::PrincipalNotAcceptedPercent,
            formula: "principal amount tendered and not accepted / principal amount tendered",
            value: div(not_accepted, tendered.value, "results.tendered")?,
            inputs: vec![not_accepted_figure, tendered],
        });
    }
    let price = figures.of(FigureId::PricePerDenomination).map(|f| f.as_input());
    if let Some(price) = price {
        let denomination = sources.input("security.notes.denomination", None, notes.denomination.0);
        figures.push(Computed {
            id: FigureId::AggregatePaid,
            formula: "principal amount accepted / denomination x purchase price per denomination, accrued interest aside",
            value: cash_for(accepted.value, denomination.value, price.value)?,
            inputs: vec![accepted.as_input(), denomination, price],
        });
    }
    if let Some(outstanding) = notes.principal_outstanding {
        figures.push(Computed {
            id: FigureId::PrincipalOutstandingAfter,
            formula: "principal amount outstanding - principal amount accepted (which is cancelled)",
            inputs: vec![sources.input(OUTSTANDING, None, outstanding.0), accepted.as_input()],
            value: outstanding.0 - accepted.value,
        });
    }
    Ok(())
}
