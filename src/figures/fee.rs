//! The filing fee (Rule 0-11): transaction valuation, rate, fee, fees previously paid,
//! offsets and the net fee due.

use rust_decimal::Decimal;

use super::{Computed, FigureError, FigureId, Figures, Input, Source, Sources, div, mul};
use crate::fees;
use crate::terms::{OfferKind, SoughtClass, Terms};

/// The transaction valuation of terms as they stand, with its inputs and formula: in an offer
/// for several classes, the sum of each class's, every input named at the class's own field.
fn transaction_valuation(
    t: &Terms,
    kind: OfferKind,
    sources: &Sources,
) -> Result<(Decimal, Vec<Input>, &'static str), FigureError> {
    if t.offer.other_classes.is_empty() {
        return class_valuation(t, kind, sources);
    }
    let mut first = t.clone();
    first.offer.other_classes.clear();
    let (mut total, mut inputs, _) = class_valuation(&first, kind, sources)?;
    for i in 0..t.offer.other_classes.len() {
        let view = t.class_view(i).expect("the class is listed");
        let rename = |field: &str| SoughtClass::path(i, field);
        let (value, class_inputs, _) = class_valuation(&view, kind, sources)
            .map_err(|e| FigureError::new(rename(&e.field), SoughtClass::renamed_in_text(i, &e.message)))?;
        total = total.checked_add(value).ok_or_else(|| super::too_large(&rename("offer.max_shares")))?;
        inputs.extend(class_inputs.into_iter().map(|input| match input.source {
            Source::Terms(path) => Input { source: Source::Terms(rename(&path)), value: input.value },
            source => Input { source, value: input.value },
        }));
    }
    let formula = match kind {
        OfferKind::Exchange => {
            "sum over the classes sought of each class's valuation: the market value of its shares sought (average of the high and low prices on the stated date x maximum shares sought), or their book value where there is no market (Rule 0-11(a)(4))"
        }
        _ => {
            "sum over the classes sought of the cash offered for each: purchase price x maximum shares sought (Rule 0-11(b))"
        }
    };
    Ok((total, inputs, formula))
}

/// The transaction valuation of one class, with its inputs and formula.
fn class_valuation(
    t: &Terms,
    kind: OfferKind,
    sources: &Sources,
) -> Result<(Decimal, Vec<Input>, &'static str), FigureError> {
    if let Some(notes) = &t.security.notes {
        return notes_valuation(t, notes, sources);
    }
    let sought = t.shares_sought().map(|(s, _)| s.decimal());
    let sought_field = t.shares_sought().map_or("offer.max_shares", |(_, field)| field);
    let sought_input =
        |v| sources.input(sought_field, (sought_field == "offer.max_shares").then_some("max_shares"), v);
    match kind {
        OfferKind::Cash => {
            let (Some(price), Some(n)) = (t.offer.cash_price, sought) else {
                return Err(FigureError::new("offer", "a cash offer needs `cash_price` and `max_shares`"));
            };
            Ok((
                mul(price.0, n, "offer.cash_price")?,
                vec![sources.input("offer.cash_price", Some("cash_price"), price.0), sought_input(n)],
                "the cash offered: purchase price x maximum shares sought (Rule 0-11(b))",
            ))
        }
        OfferKind::DutchAuction => {
            let Some(auction) = &t.offer.auction else {
                return Err(FigureError::new("offer.auction", "the auction is not stated"));
            };
            match (sought, auction.max_dollars) {
                (Some(n), _) => Ok((
                    mul(auction.max_price.0, n, "offer.auction.max_price")?,
                    vec![
                        sources.input("offer.auction.max_price", Some("max_price"), auction.max_price.0),
                        sought_input(n),
                    ],
                    "the most cash offered: maximum price x maximum shares sought (Rule 0-11(b))",
                )),
                (None, Some(dollars)) => Ok((
                    dollars.0,
                    vec![sources.input("offer.auction.max_dollars", None, dollars.0)],
                    "the most cash offered, as the auction's cap in dollars (Rule 0-11(b))",
                )),
                _ => Err(FigureError::new("offer.auction", "the auction is not capped")),
            }
        }
        OfferKind::Exchange => {
            let Some(n) = sought else {
                return Err(FigureError::new("offer", "an exchange offer needs `max_shares`"));
            };
            let fee_terms = t.fee.as_ref();
            if let Some(mv) = fee_terms.and_then(|f| f.market_value.as_ref()) {
                let average = div(
                    mv.high
                        .0
                        .checked_add(mv.low.0)
                        .ok_or_else(|| super::too_large("fee.market_value.high"))?,
                    Decimal::TWO,
                    "fee.market_value.high",
                )?;
                return Ok((
                    mul(average, n, "fee.market_value.high")?,
                    vec![
                        sources.input("fee.market_value.high", None, mv.high.0),
                        sources.input("fee.market_value.low", None, mv.low.0),
                        sought_input(n),
                    ],
                    "market value of the shares sought: average of the high and low prices on the stated date x maximum shares sought (Rule 0-11(a)(4))",
                ));
            }
            if let Some(book) = fee_terms.and_then(|f| f.book_value_per_share) {
                return Ok((
                    mul(book.0, n, "fee.book_value_per_share")?,
                    vec![sources.input("fee.book_value_per_share", None, book.0), sought_input(n)],
                    "book value of the shares sought, there being no market for them: book value per share x maximum shares sought (Rule 0-11(a)(4))",
                ));
            }
            Err(FigureError::new(
                "fee",
                "the fee of an exchange offer is computed on the market value of the shares sought: give `fee.market_value` (date, high, low), or `fee.book_value_per_share` when there is no market",
            ))
        }
    }
}

/// The transaction valuation of a cash offer for notes: the cash paid for the principal amount
/// sought, at the price for each denomination. Accrued interest is paid on top of the price and
/// is not part of the consideration the fee is computed on.
fn notes_valuation(
    t: &Terms,
    notes: &crate::terms::SoughtNotes,
    sources: &Sources,
) -> Result<(Decimal, Vec<Input>, &'static str), FigureError> {
    let Some(price) = t.offer.cash_price else {
        return Err(FigureError::new("offer", "a cash offer for notes needs `cash_price`"));
    };
    let Some((sought, _)) = super::notes::principal_sought(t, notes, sources) else {
        return Err(FigureError::new(
            "security.notes",
            "the fee of an offer for any and all of the notes is computed on the cash paid for every note outstanding: give `security.notes.principal_outstanding`",
        ));
    };
    let formula = if t.offer.max_principal.is_some() {
        "the cash offered, accrued interest excluded: maximum principal amount sought / denomination x purchase price per denomination (Rule 0-11(b))"
    } else {
        "the cash offered, accrued interest excluded: principal amount outstanding / denomination x purchase price per denomination (Rule 0-11(b))"
    };
    let denomination = sources.input("security.notes.denomination", None, notes.denomination.0);
    let value = super::notes::cash_for(sought.value, denomination.value, price.0)?;
    Ok((
        value,
        vec![sought, denomination, sources.input("offer.cash_price", Some("cash_price"), price.0)],
        formula,
    ))
}

/// The rate per million for a filing date, from the terms or the table.
fn rate(t: &Terms, date: chrono::NaiveDate) -> Result<(Decimal, Input), FigureError> {
    if let Some(rate) = t.fee.as_ref().and_then(|f| f.rate_per_million) {
        return Ok((rate.0, Input { source: Source::Terms("fee.rate_per_million".into()), value: rate.0 }));
    }
    let row = fees::rate_on(date).map_err(|e| FigureError::new("filing.date", e.to_string()))?;
    Ok((
        row.rate_per_million.0,
        Input {
            source: Source::Table(format!(
                "data/fee-rates.yaml, FY{} (from {})",
                row.fiscal_year, row.effective.0
            )),
            value: row.rate_per_million.0,
        },
    ))
}

pub(super) fn compute(
    terms: &Terms,
    t: &Terms,
    kind: OfferKind,
    sources: &Sources,
    figures: &mut Figures,
) -> Result<(), FigureError> {
    let (value, inputs, formula) = transaction_valuation(t, kind, sources)?;
    let valuation =
        figures.push(Computed { id: FigureId::TransactionValuation, formula, inputs, value }).clone();
    let (per_million, rate_input) = rate(t, terms.filing.date.0)?;
    let rate_figure = figures
        .push(Computed {
            id: FigureId::FeeRate,
            formula: "rate per $1,000,000 of transaction valuation / 1,000,000",
            inputs: vec![rate_input],
            value: fees::rate_as_fraction(per_million),
        })
        .clone();
    let too_large =
        || FigureError::new("offer", "the fee computed from these terms exceeds what can be held exactly");
    let fee = fees::fee(valuation.value, per_million).ok_or_else(too_large)?;
    let fee_figure = figures
        .push(Computed {
            id: FigureId::FilingFee,
            formula: "transaction valuation x fee rate, to the cent, half up",
            inputs: vec![valuation.as_input(), rate_figure.as_input()],
            value: fee,
        })
        .clone();

    // An amendment has paid with the original filing the fee on the offer as first made.
    let previously = match (t.fee.as_ref().and_then(|f| f.previously_paid), terms.filing.form.is_amendment())
    {
        (Some(paid), _) => Computed {
            id: FigureId::FeesPreviouslyPaid,
            formula: "as stated in the terms",
            inputs: vec![Input { source: Source::Terms("fee.previously_paid".into()), value: paid.0 }],
            value: paid.0,
        },
        (None, true) => {
            // Each filing before the one these figures are of (`sources.through`) paid up to the
            // fee on the offer as it then stood: the original at the rate on the commencement
            // date, an amendment that raised the valuation at the rate on its own date. What has
            // been paid is the largest.
            let through = sources.through;
            let mut paid: Option<(Decimal, Vec<Input>)> = None;
            for n in
                std::iter::once(0).chain(terms.amendments.iter().map(|a| a.number).filter(|n| *n < through))
            {
                let then = terms.amended_through(n);
                let then_sources = Sources { terms, through: n };
                let (value, mut inputs, _) = transaction_valuation(&then, kind, &then_sources)?;
                let filed = match n {
                    0 => terms.dates.commencement.map_or(terms.filing.date.0, |d| d.0),
                    n => terms
                        .amendments
                        .iter()
                        .find(|a| a.number == n)
                        .map_or(terms.filing.date.0, |a| a.date.0),
                };
                let (then_rate, rate_input) = rate(&then, filed)?;
                inputs.push(rate_input);
                let fee = fees::fee(value, then_rate).ok_or_else(too_large)?;
                if paid.as_ref().is_none_or(|(most, _)| fee > *most) {
                    paid = Some((fee, inputs));
                }
            }
            let (value, inputs) = paid.expect("the original filing is always counted");
            Computed {
                id: FigureId::FeesPreviouslyPaid,
                formula: "the fees paid with the earlier filings: the largest of the fee on the offer as first made (at the rate on the commencement date) and on the offer as each earlier amendment left it (at the rate on that amendment's date)",
                inputs,
                value,
            }
        }
        (None, false) => Computed {
            id: FigureId::FeesPreviouslyPaid,
            formula: "none: this is the offer's first fee-bearing filing",
            inputs: vec![Input { source: Source::Terms("filing.form".into()), value: Decimal::ZERO }],
            value: Decimal::ZERO,
        },
    };
    let previously = figures.push(previously).clone();
    // Summed with checks: offsets adding up past what a decimal holds are an error, not a panic.
    let offsets = t
        .fee
        .as_ref()
        .map_or(Some(Decimal::ZERO), |f| {
            f.offsets.iter().try_fold(Decimal::ZERO, |sum, o| sum.checked_add(o.amount.0))
        })
        .ok_or_else(|| {
            FigureError::new("fee.offsets", "the offsets add up to more than can be held exactly")
        })?;
    let offsets = figures
        .push(Computed {
            id: FigureId::FeeOffsets,
            formula: "sum of the offsets claimed (Rule 0-11(a)(2))",
            inputs: vec![Input { source: Source::Terms("fee.offsets".into()), value: offsets }],
            value: offsets,
        })
        .clone();
    let net = fee_figure
        .value
        .checked_sub(previously.value)
        .and_then(|n| n.checked_sub(offsets.value))
        .ok_or_else(too_large)?
        .max(Decimal::ZERO);
    figures.push(Computed {
        id: FigureId::NetFeeDue,
        formula: "amount of filing fee - fees previously paid - fee offsets, not below zero",
        inputs: vec![fee_figure.as_input(), previously.as_input(), offsets.as_input()],
        value: net,
    });
    Ok(())
}
