//! The results of an offer: whether it was completed or terminated, what was accepted, the
//! proration factor and the oversubscription, and what was paid or issued; and the minimum
//! condition the results are measured against.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Computed, FigureError, FigureId, Figures, Sources, allocate, clearing_price, div, floor, mul};
use crate::format;
use crate::terms::{OfferKind, TerminationReason, Terms};

/// How an offer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Shares were accepted (all, or pro rata).
    Accepted,
    /// Nothing was accepted; tendered shares go back to their holders.
    Terminated(TerminationReason),
}

/// The outcome the results of `t` (the terms in force) report: a termination the terms state,
/// or, where they state none, a termination because fewer shares were tendered than the
/// minimum condition requires and no amendment in force waived it.
pub fn outcome(t: &Terms) -> Outcome {
    let Some(r) = &t.results else { return Outcome::Accepted };
    if let Some(termination) = &r.terminated {
        return Outcome::Terminated(termination.reason);
    }
    match minimum_required(t) {
        Some(required) if !t.minimum_condition_waived() && r.tendered.decimal() < required => {
            Outcome::Terminated(TerminationReason::MinimumNotMet)
        }
        _ => Outcome::Accepted,
    }
}

/// The shares the minimum condition requires, if the offer has one: the number the terms
/// give, or their percentage of the class outstanding rounded up, since a fraction of a share
/// short of the percentage does not meet it. `None` also when a percentage has no count of
/// shares outstanding to apply to (validation refuses such terms).
pub fn minimum_required(t: &Terms) -> Option<Decimal> {
    if let Some(min) = t.offer.min_shares {
        return Some(min.decimal());
    }
    // An offer for notes counts principal amount: its minimum and its results are dollars.
    if let Some(min) = t.offer.min_principal {
        return Some(min.0);
    }
    let percent = t.offer.min_percent?;
    let outstanding = t.security.shares_outstanding?;
    outstanding
        .decimal()
        .checked_mul(percent.fraction())
        .map(|n| n.round_dp_with_strategy(0, RoundingStrategy::ToPositiveInfinity))
}

/// The minimum condition stated as a percentage becomes a number of shares, which the
/// documents print beside it and the results are measured against.
pub(super) fn minimum(t: &Terms, sources: &Sources, figures: &mut Figures) -> Result<(), FigureError> {
    let (Some(percent), Some(outstanding)) = (t.offer.min_percent, t.security.shares_outstanding) else {
        return Ok(());
    };
    let required = minimum_required(t).ok_or_else(|| super::too_large("offer.min_percent"))?;
    figures.push(Computed {
        id: FigureId::MinimumShares,
        formula: "minimum percentage x shares outstanding, rounded up to a whole share",
        inputs: vec![
            sources.input("offer.min_percent", Some("min_percent"), percent.fraction()),
            sources.input("security.shares_outstanding", None, outstanding.decimal()),
        ],
        value: required,
    });
    Ok(())
}

pub(super) fn compute(
    t: &Terms,
    kind: OfferKind,
    sources: &Sources,
    figures: &mut Figures,
) -> Result<(), FigureError> {
    let Some(r) = &t.results else {
        return Err(FigureError::new(
            "results",
            "the final amendment reports results: give them under `results`",
        ));
    };
    // A terminated offer accepts nothing: it has no acceptance, proration or payment figures;
    // nor has one class of several of which none was tendered.
    if let Outcome::Terminated(_) = outcome(t) {
        return Ok(());
    }
    if r.tendered.0 == 0 {
        return Ok(());
    }
    let additional = r.additional_accepted.0;
    let tendered_input = sources.input("results.tendered", None, r.tendered.decimal());

    // The price paid, and the shares that may be bought at it.
    let (price, base_capacity, eligible) = match (kind, &t.offer.auction) {
        (OfferKind::DutchAuction, Some(auction)) => {
            let step = auction.increment.0;
            let (min, max) = (auction.min_price.0, auction.max_price.0);
            // Bounded by MAX_PRICE_POINTS, so listing the prices is small work.
            let count = super::price_points(min, max, step)
                .map_err(|why| FigureError::new("offer.auction.increment", why))?;
            let points: Vec<Decimal> = (0..count).map(|i| min + step * Decimal::from(i)).collect();
            let dollar_capacity = |dollars: Decimal, p: Decimal| -> Result<u64, FigureError> {
                dollars.checked_div(p).map(floor).and_then(|n| u64::try_from(n).ok()).ok_or_else(|| {
                    FigureError::new(
                        "offer.auction.max_dollars",
                        format!(
                            "{} buys more shares at {} than can be counted",
                            format::dollars(dollars),
                            format::money(p)
                        ),
                    )
                })
            };
            let capacity_at = |p: Decimal| match (t.offer.max_shares, auction.max_dollars) {
                (Some(shares), _) => Ok(shares.0),
                (None, Some(dollars)) => dollar_capacity(dollars.0, p),
                (None, None) => Ok(0),
            };
            // Checked once for every price, so that the clearing price's search reads them; a
            // price of the range is found by its place in it, not by a search.
            let capacities = points.iter().map(|p| capacity_at(*p)).collect::<Result<Vec<u64>, _>>()?;
            let capacity_of = |p: Decimal| -> u64 {
                let place = (p - min).checked_div(step).and_then(|i| usize::try_from(i).ok());
                place.and_then(|i| capacities.get(i)).copied().unwrap_or(0)
            };
            let tenders: Vec<(Option<Decimal>, u64)> =
                r.tenders_by_price.iter().map(|x| (x.price.map(|p| p.0), x.shares.0)).collect();
            let price = clearing_price(&tenders, &points, capacity_of).ok_or_else(|| {
                FigureError::new("results.tenders_by_price", "no tender names a price in the range")
            })?;
            let eligible = tenders
                .iter()
                .filter(|(p, _)| p.is_none_or(|x| x <= price))
                .try_fold(0u64, |sum, (_, s)| sum.checked_add(*s))
                .ok_or_else(|| {
                    FigureError::new(
                        "results.tenders_by_price",
                        "the shares tendered add up to more than can be counted",
                    )
                })?;
            figures.push(Computed {
                id: FigureId::PurchasePrice,
                formula: "the lowest price in the range at which shares tendered at or below it fill the offer; \
                          if none does, the lowest price at which every tender is bought",
                inputs: vec![
                    sources.input("results.tenders_by_price", None, Decimal::from(eligible)),
                    sources.input("offer.auction.min_price", Some("min_price"), auction.min_price.0),
                    sources.input("offer.auction.max_price", Some("max_price"), auction.max_price.0),
                ],
                value: price,
            });
            figures.push(Computed {
                id: FigureId::TenderedAtOrBelowPrice,
                formula: "shares tendered at or below the purchase price, with those tendered at the purchase price",
                inputs: vec![sources.input("results.tenders_by_price", None, Decimal::from(eligible))],
                value: Decimal::from(eligible),
            });
            (Some(price), capacity_at(price)?, eligible)
        }
        (OfferKind::Cash, _) => {
            (t.offer.cash_price.map(|p| p.0), t.offer.max_shares.map_or(0, |s| s.0), r.tendered.0)
        }
        _ => (None, t.offer.max_shares.map_or(0, |s| s.0), r.tendered.0),
    };

    let capacity = base_capacity.checked_add(additional).ok_or_else(|| {
        FigureError::new(
            "results.additional_accepted",
            "with the shares sought, more shares than can be counted",
        )
    })?;
    let lot = exchange_lot(t)?;
    // Tenders are accepted in whole blocks, or, with cash in lieu of fractions, in whole Shares.
    let accepted_in = whole_lot(t);
    // An odd lot is fewer than 100 Shares: where tenders are accepted only in blocks of 100 or
    // more, no odd-lot holder can tender a whole block, and none can have been accepted first.
    if r.odd_lots.0 > 0 && t.offer.odd_lot_priority && accepted_in >= 100 {
        return Err(FigureError::new(
            "results.odd_lots",
            format!(
                "Shares are accepted only in blocks of {}: a holder of fewer than 100 Shares cannot tender a whole block, so no odd lots are counted; give `odd_lots: 0`",
                crate::format::shares(Decimal::from(accepted_in)).unwrap_or_default()
            ),
        ));
    }
    if t.offer.odd_lot_priority && r.odd_lots.0 > capacity {
        return Err(FigureError::new(
            "results.odd_lots",
            format!(
                "{} odd-lot shares are more than the {} the offer can accept: odd lots would be prorated too, which the results do not state; check the count",
                crate::format::shares(Decimal::from(r.odd_lots.0)).unwrap_or_default(),
                crate::format::shares(Decimal::from(capacity)).unwrap_or_default()
            ),
        ));
    }
    let odd = r.odd_lots.0.min(eligible);
    let tenders = [
        super::Tender { shares: odd, odd_lot: true },
        super::Tender { shares: eligible - odd, odd_lot: false },
    ];
    let allocation = allocate(&tenders, capacity, accepted_in, t.offer.odd_lot_priority);
    if allocation.total == 0 {
        return Err(FigureError::new(
            "results.tendered",
            format!(
                "no whole block of {} Shares was tendered, so no Share can be accepted: report the offer as terminated (`results.terminated`)",
                crate::format::shares(Decimal::from(accepted_in)).unwrap_or_default()
            ),
        ));
    }
    let capacity_figure = Computed {
        id: FigureId::SharesPurchasable,
        formula: "maximum shares sought (at the purchase price, for a dollar cap) + shares accepted under the 2% allowance",
        inputs: vec![
            sources.input("offer.max_shares", Some("max_shares"), Decimal::from(base_capacity)),
            sources.input("results.additional_accepted", None, Decimal::from(additional)),
        ],
        value: Decimal::from(capacity),
    };
    let accepted = Computed {
        id: FigureId::SharesAccepted,
        formula: "odd lots in full, then the other tenders pro rata up to the shares purchasable, each rounded down",
        inputs: vec![
            tendered_input,
            capacity_figure.as_input(),
            sources.input("results.odd_lots", None, Decimal::from(odd)),
        ],
        value: Decimal::from(allocation.total),
    };
    let proration = Computed {
        id: FigureId::ProrationFactor,
        formula: "(shares purchasable - odd lots) / (shares tendered - odd lots); 100% when all are accepted",
        inputs: vec![capacity_figure.as_input(), accepted.as_input()],
        value: allocation.factor,
    };
    figures.push(capacity_figure);
    let accepted = figures.push(accepted).clone();
    let prorated = allocation.factor < Decimal::ONE;
    figures.push(proration);
    if prorated {
        let eligible_input = match kind {
            OfferKind::DutchAuction => super::Input {
                source: super::Source::Figure(FigureId::TenderedAtOrBelowPrice),
                value: Decimal::from(eligible),
            },
            _ => sources.input("results.tendered", None, r.tendered.decimal()),
        };
        let not_accepted = Decimal::from(eligible) - accepted.value;
        let oversubscription = figures
            .push(Computed {
                id: FigureId::Oversubscription,
                formula: "shares tendered (at or below the purchase price, in an auction) - shares accepted",
                inputs: vec![eligible_input.clone(), accepted.as_input()],
                value: not_accepted,
            })
            .as_input();
        figures.push(Computed {
            id: FigureId::OversubscriptionPercent,
            formula: "shares tendered and not accepted / shares tendered (at or below the purchase price, in an auction)",
            value: div(not_accepted, Decimal::from(eligible), "results.tendered")?,
            inputs: vec![oversubscription, eligible_input],
        });
    }

    match (kind, price) {
        (OfferKind::Exchange, _) => {
            if let Some(cash) = t.offer.consideration.as_ref().and_then(|c| c.cash_per_share) {
                figures.push(Computed {
                    id: FigureId::AggregatePaid,
                    formula: "shares accepted x cash per share paid with the new securities",
                    inputs: vec![
                        accepted.as_input(),
                        sources.input("offer.consideration.cash_per_share", Some("cash_per_share"), cash.0),
                    ],
                    value: mul(accepted.value, cash.0, "results.tendered")?,
                });
            }
            // With cash in lieu of fractions, each holder's fraction is paid in cash, so the
            // whole new shares the Shares accepted earn together are the most that can be
            // issued: the documents say "approximately", and state no aggregate cash.
            let (formula, value) = if accepted_in == 1 && lot.0 > 1 {
                let ratio =
                    super::Ratio::block(lot.1, lot.0).ok_or_else(|| super::too_large("results.tendered"))?;
                let (whole, _) = ratio
                    .whole_new_shares_for(accepted.value)
                    .ok_or_else(|| super::too_large("results.tendered"))?;
                (
                    "shares accepted x new shares per block / shares per block, rounded down: the most issued, since each holder's fraction of a new share is paid in cash",
                    whole,
                )
            } else {
                (
                    "shares accepted / shares per block, rounded down, x new shares per block",
                    mul(
                        floor(div(accepted.value, Decimal::from(lot.0), "results.tendered")?),
                        Decimal::from(lot.1),
                        "results.tendered",
                    )?,
                )
            };
            figures.push(Computed {
                id: FigureId::NewSharesIssued,
                formula,
                inputs: vec![accepted.as_input()],
                value,
            });
        }
        (_, Some(price)) => {
            figures.push(Computed {
                id: FigureId::AggregatePaid,
                formula: "shares accepted x purchase price",
                inputs: vec![
                    accepted.as_input(),
                    sources.input("offer.cash_price", Some("cash_price"), price),
                ],
                value: mul(accepted.value, price, "results.tendered")?,
            });
        }
        _ => {}
    }
    if let Some(outstanding) = t.security.shares_outstanding {
        figures.push(Computed {
            id: FigureId::SharesOutstandingAfter,
            formula: "shares outstanding - shares accepted (which are cancelled)",
            inputs: vec![
                sources.input("security.shares_outstanding", None, outstanding.decimal()),
                accepted.as_input(),
            ],
            value: outstanding.decimal() - accepted.value,
        });
    }
    Ok(())
}

/// Whether odd lots (holders of fewer than 100 Shares who tender all of them) can be accepted
/// first: the terms give the priority, and tenders are not accepted only in blocks of 100 or
/// more Shares, which no odd-lot holder could tender.
pub fn odd_lot_priority_applies(t: &Terms) -> bool {
    t.offer.odd_lot_priority && whole_lot(t) < 100
}

/// The fewest Shares a tender must hold to be accepted: the block, where tenders are accepted
/// only in whole blocks; 1 otherwise (cash offers, cash in lieu of fractions).
pub fn whole_lot(t: &Terms) -> u64 {
    let cash_in_lieu =
        t.offer.consideration.as_ref().is_some_and(|c| {
            matches!(c.fractional_shares, Some(crate::terms::FractionalShares::CashInLieu(_)))
        });
    if cash_in_lieu { 1 } else { exchange_lot(t).map_or(1, |(shares, _)| shares) }
}

/// Shares per block and new shares per block of an exchange: tenders are accepted in whole
/// blocks. (1, 1) for cash offers.
fn exchange_lot(t: &Terms) -> Result<(u64, u64), FigureError> {
    let Some(consideration) = &t.offer.consideration else { return Ok((1, 1)) };
    // A designated ratio (6.59 new shares for each share) is accepted in the blocks that earn
    // whole new shares (100 shares for 659).
    if consideration.block.is_none()
        && let Some(values) = &consideration.designated_values
        && let Some(per_share) = values.share_sought.0.checked_div(values.new_share.0).map(|r| {
            r.round_dp_with_strategy(values.places.0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        })
        && let Some(ratio) = super::Ratio::new(per_share, Decimal::ONE)
    {
        let whole = |d: Decimal| u64::try_from(d).ok();
        if let (Some(shares), Some(new_shares)) = (whole(ratio.shares), whole(ratio.new_shares)) {
            return Ok((shares, new_shares));
        }
    }
    match (&consideration.block, &consideration.aggregate_liquidation_preference, t.offer.max_shares) {
        (Some(block), _, _) => Ok((block.shares.0, block.new_shares.0)),
        (None, Some(aggregate), Some(max)) => {
            let field = "offer.consideration.aggregate_liquidation_preference";
            let (preference, _) = consideration.security.face().ok_or_else(|| {
                FigureError::new(field, "the liquidation preference per new share is not stated")
            })?;
            let preference = preference.0;
            let new_shares = div(aggregate.0, preference, field)?;
            let ratio = div(max.decimal(), new_shares, field)?;
            // The exchange figures have refused a ratio that is not whole.
            let lot = u64::try_from(ratio).ok().filter(|_| ratio.fract().is_zero()).ok_or_else(|| {
                FigureError::new(
                    field,
                    format!("{} shares per new share is not a whole block", ratio.normalize()),
                )
            })?;
            Ok((lot, 1))
        }
        _ => Ok((1, 1)),
    }
}
