//! Exchange offers: new securities for the shares, in an aggregate liquidation preference or
//! a block ratio ("each N shares for K new shares").

use super::{Computed, FigureError, FigureId, Figures, Input, Sources, div, mul, premium};
use crate::format;
use crate::terms::Terms;

const CLOSING_PRICE: &str = "security.closing_price.price";
const MAX_SHARES: &str = "offer.max_shares";
const AGGREGATE: &str = "offer.consideration.aggregate_liquidation_preference";
const LIQUIDATION_PREFERENCE: &str = "offer.consideration.security.liquidation_preference";
const DIVIDEND_RATE: &str = "offer.consideration.security.dividend_rate";
const BLOCK_SHARES: &str = "offer.consideration.block.shares";
const BLOCK_NEW_SHARES: &str = "offer.consideration.block.new_shares";

/// Pushes the eight exchange figures; returns the maximum shares sought as an input.
pub(super) fn compute(t: &Terms, sources: &Sources, figures: &mut Figures) -> Result<Input, FigureError> {
    let Some(consideration) = &t.offer.consideration else {
        return Err(FigureError::new("offer.consideration", "the consideration is not stated"));
    };
    let Some(max_shares_given) = t.offer.max_shares else {
        return Err(FigureError::new("offer", "an exchange offer needs `max_shares`"));
    };
    let closing = t.security.closing_price.price.0;
    let max_shares = max_shares_given.decimal();
    let max_input = sources.input(MAX_SHARES, Some("max_shares"), max_shares);
    let max_field = sources.path(MAX_SHARES, Some("max_shares"));
    let lp = consideration.security.liquidation_preference.0;
    let rate = consideration.security.dividend_rate.fraction();
    let lp_input = sources.input(LIQUIDATION_PREFERENCE, Some("liquidation_preference"), lp);

    // The consideration fixes, either way it is written, the new shares issued for all the
    // shares sought and the common shares given up per new share.
    let (max_new, aggregate, ratio) = match (
        &consideration.aggregate_liquidation_preference,
        &consideration.block,
    ) {
        (Some(aggregate), _) => {
            let field = sources.path(AGGREGATE, Some("aggregate_liquidation_preference"));
            let aggregate_value = aggregate.0;
            let new_shares = div(aggregate_value, lp, &field)?;
            if !new_shares.fract().is_zero() {
                return Err(FigureError::new(
                    field,
                    format!(
                        "{} of liquidation preference at {} per share is {} new shares: not a whole number",
                        format::money(aggregate_value),
                        format::money(lp),
                        new_shares.normalize()
                    ),
                ));
            }
            let ratio = div(max_shares, new_shares, &field)?;
            if !ratio.fract().is_zero() {
                return Err(FigureError::new(
                    field,
                    format!(
                        "{} shares for {} new shares is {} shares per new share: a fractional block",
                        format::shares(max_shares).unwrap_or_default(),
                        format::shares(new_shares).unwrap_or_default(),
                        ratio.normalize()
                    ),
                ));
            }
            let aggregate_input =
                sources.input(AGGREGATE, Some("aggregate_liquidation_preference"), aggregate_value);
            let max_new = Computed {
                id: FigureId::MaxNewShares,
                formula: "aggregate liquidation preference / liquidation preference per new share",
                inputs: vec![aggregate_input.clone(), lp_input.clone()],
                value: new_shares,
            };
            let ratio = Computed {
                id: FigureId::ExchangeRatio,
                formula: "maximum shares sought / maximum new shares issuable",
                inputs: vec![max_input.clone(), max_new.as_input()],
                value: ratio,
            };
            let aggregate = Computed {
                id: FigureId::AggregateLiquidationPreference,
                formula: "as stated in the terms",
                inputs: vec![aggregate_input],
                value: aggregate_value,
            };
            (max_new, aggregate, ratio)
        }
        (None, Some(block)) => {
            let (n, k) = (block.shares.decimal(), block.new_shares.decimal());
            if !max_shares_given.0.is_multiple_of(block.shares.0) {
                return Err(FigureError::new(
                    max_field,
                    format!(
                        "{} shares is not a whole number of blocks of {}: the last block would be fractional",
                        format::shares(max_shares).unwrap_or_default(),
                        format::shares(n).unwrap_or_default()
                    ),
                ));
            }
            let block_inputs = [
                sources.input(BLOCK_SHARES, Some("block"), n),
                sources.input(BLOCK_NEW_SHARES, Some("block"), k),
            ];
            let max_new = Computed {
                id: FigureId::MaxNewShares,
                formula: "maximum shares sought / shares per block x new shares per block",
                inputs: vec![max_input.clone(), block_inputs[0].clone(), block_inputs[1].clone()],
                value: mul(div(max_shares, n, &max_field)?, k, &max_field)?,
            };
            let ratio = Computed {
                id: FigureId::ExchangeRatio,
                formula: "shares per block / new shares per block",
                inputs: block_inputs.to_vec(),
                value: div(n, k, BLOCK_NEW_SHARES)?,
            };
            let aggregate = Computed {
                id: FigureId::AggregateLiquidationPreference,
                formula: "maximum new shares issuable x liquidation preference per new share",
                inputs: vec![max_new.as_input(), lp_input.clone()],
                value: mul(max_new.value, lp, LIQUIDATION_PREFERENCE)?,
            };
            (max_new, aggregate, ratio)
        }
        (None, None) => {
            return Err(FigureError::new("offer.consideration", "the consideration is not stated"));
        }
    };

    let closing_input = sources.input(CLOSING_PRICE, Some("closing_price.price"), closing);
    let effective_price = Computed {
        id: FigureId::EffectivePrice,
        formula: "liquidation preference per new share / exchange ratio (shares per new share)",
        inputs: vec![lp_input, ratio.as_input()],
        value: div(lp, ratio.value, LIQUIDATION_PREFERENCE)?,
    };
    let premium_figure = Computed {
        id: FigureId::Premium,
        formula: "effective price / closing price - 1",
        inputs: vec![effective_price.as_input(), closing_input.clone()],
        value: premium(effective_price.value, closing, CLOSING_PRICE)?,
    };
    let annual_dividend = Computed {
        id: FigureId::AnnualDividend,
        formula: "dividend rate x effective price",
        inputs: vec![sources.input(DIVIDEND_RATE, Some("dividend_rate"), rate), effective_price.as_input()],
        value: mul(rate, effective_price.value, DIVIDEND_RATE)?,
    };
    let dividend_yield = Computed {
        id: FigureId::DividendYield,
        formula: "annual dividend per common share equivalent / closing price",
        inputs: vec![annual_dividend.as_input(), closing_input.clone()],
        value: div(annual_dividend.value, closing, CLOSING_PRICE)?,
    };
    let first_year = effective_price
        .value
        .checked_add(annual_dividend.value)
        .ok_or_else(|| super::too_large(LIQUIDATION_PREFERENCE))?;
    let total_premium = Computed {
        id: FigureId::TotalPremium,
        formula: "(effective price + annual dividend per common share equivalent) / closing price - 1",
        inputs: vec![effective_price.as_input(), annual_dividend.as_input(), closing_input],
        value: premium(first_year, closing, CLOSING_PRICE)?,
    };

    for figure in [
        effective_price,
        premium_figure,
        annual_dividend,
        dividend_yield,
        total_premium,
        ratio,
        max_new,
        aggregate,
    ] {
        figures.push(figure);
    }
    Ok(max_input)
}
