//! The figure engine: every number the documents print that is not typed in the terms is
//! computed here, exactly, with its name, its formula in words and its inputs, so that a
//! tie-out can trace each printed figure back to the terms file.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::format;
use crate::terms::Terms;

/// What a figure measures, which decides how it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Dollars.
    Money,
    /// A fraction printed as a percentage (2.0120... prints as 201%).
    Percent,
    /// A whole number of shares.
    Shares,
    /// Shares of the subject class given for one new share.
    ExchangeRatio,
}

/// Where an input of a figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A field of the terms file, by path.
    Terms(&'static str),
    /// Another figure, by name.
    Figure(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Input {
    pub source: Source,
    pub value: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub name: &'static str,
    pub formula: &'static str,
    pub inputs: Vec<Input>,
    pub value: Decimal,
    pub unit: Unit,
}

/// The figures of one offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub effective_price: Figure,
    pub premium: Figure,
    pub annual_dividend: Figure,
    pub dividend_yield: Figure,
    pub total_premium: Figure,
    pub exchange_ratio: Figure,
    pub max_new_shares: Figure,
    pub aggregate_liquidation_preference: Figure,
}

impl Figures {
    /// Every figure, in the order a reader meets them.
    pub fn all(&self) -> [&Figure; 8] {
        [
            &self.effective_price,
            &self.premium,
            &self.annual_dividend,
            &self.dividend_yield,
            &self.total_premium,
            &self.exchange_ratio,
            &self.max_new_shares,
            &self.aggregate_liquidation_preference,
        ]
    }
}

/// A set of terms whose figures cannot be computed; `field` is the terms field to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureError {
    pub field: &'static str,
    pub message: String,
}

const CLOSING_PRICE: &str = "security.closing_price.price";
const MAX_SHARES: &str = "offer.max_shares";
const AGGREGATE: &str = "offer.consideration.aggregate_liquidation_preference";
const LIQUIDATION_PREFERENCE: &str = "offer.consideration.security.liquidation_preference";
const DIVIDEND_RATE: &str = "offer.consideration.security.dividend_rate";
const BLOCK_SHARES: &str = "offer.consideration.block.shares";
const BLOCK_NEW_SHARES: &str = "offer.consideration.block.new_shares";

fn terms(path: &'static str, value: Decimal) -> Input {
    Input { source: Source::Terms(path), value }
}

fn figure(f: &Figure) -> Input {
    Input { source: Source::Figure(f.name), value: f.value }
}

fn too_large(field: &'static str) -> FigureError {
    FigureError {
        field,
        message: "the figures computed from this value exceed what can be held exactly".into(),
    }
}

fn div(a: Decimal, b: Decimal, field: &'static str) -> Result<Decimal, FigureError> {
    a.checked_div(b).ok_or_else(|| too_large(field))
}

fn mul(a: Decimal, b: Decimal, field: &'static str) -> Result<Decimal, FigureError> {
    a.checked_mul(b).ok_or_else(|| too_large(field))
}

pub fn compute(t: &Terms) -> Result<Figures, FigureError> {
    let closing = t.security.closing_price.price.0;
    let max_shares = t.offer.max_shares.decimal();
    let new_security = &t.offer.consideration.security;
    let lp = new_security.liquidation_preference.0;
    let rate = new_security.dividend_rate.fraction();

    // The consideration fixes, either way it is written, the new shares issued for all the
    // shares sought and the common shares given up per new share.
    let (max_new_shares, aggregate, exchange_ratio) = match (
        &t.offer.consideration.aggregate_liquidation_preference,
        &t.offer.consideration.block,
    ) {
        (Some(aggregate), _) => {
            let aggregate_value = aggregate.0;
            let new_shares_value = div(aggregate_value, lp, AGGREGATE)?;
            if !new_shares_value.fract().is_zero() {
                return Err(FigureError {
                    field: AGGREGATE,
                    message: format!(
                        "{} of liquidation preference at {} per share is {} new shares: not a whole number",
                        format::money(aggregate_value),
                        format::money(lp),
                        new_shares_value.normalize()
                    ),
                });
            }
            let ratio_value = div(max_shares, new_shares_value, AGGREGATE)?;
            if !ratio_value.fract().is_zero() {
                return Err(FigureError {
                    field: AGGREGATE,
                    message: format!(
                        "{} shares for {} new shares is {} shares per new share: a fractional block",
                        format::shares(max_shares).unwrap_or_default(),
                        format::shares(new_shares_value).unwrap_or_default(),
                        ratio_value.normalize()
                    ),
                });
            }
            let max_new = Figure {
                name: "max_new_shares",
                formula: "aggregate liquidation preference / liquidation preference per new share",
                inputs: vec![terms(AGGREGATE, aggregate_value), terms(LIQUIDATION_PREFERENCE, lp)],
                value: new_shares_value,
                unit: Unit::Shares,
            };
            let ratio = Figure {
                name: "exchange_ratio",
                formula: "maximum shares sought / maximum new shares issuable",
                inputs: vec![terms(MAX_SHARES, max_shares), figure(&max_new)],
                value: ratio_value,
                unit: Unit::ExchangeRatio,
            };
            let aggregate = Figure {
                name: "aggregate_liquidation_preference",
                formula: "as stated in the terms",
                inputs: vec![terms(AGGREGATE, aggregate_value)],
                value: aggregate_value,
                unit: Unit::Money,
            };
            (max_new, aggregate, ratio)
        }
        (None, Some(block)) => {
            let (n, k) = (block.shares.decimal(), block.new_shares.decimal());
            if !t.offer.max_shares.0.is_multiple_of(block.shares.0) {
                return Err(FigureError {
                    field: MAX_SHARES,
                    message: format!(
                        "{} shares is not a whole number of blocks of {}: the last block would be fractional",
                        format::shares(max_shares).unwrap_or_default(),
                        format::shares(n).unwrap_or_default()
                    ),
                });
            }
            let new_shares_value = mul(div(max_shares, n, MAX_SHARES)?, k, MAX_SHARES)?;
            let max_new = Figure {
                name: "max_new_shares",
                formula: "maximum shares sought / shares per block x new shares per block",
                inputs: vec![
                    terms(MAX_SHARES, max_shares),
                    terms(BLOCK_SHARES, n),
                    terms(BLOCK_NEW_SHARES, k),
                ],
                value: new_shares_value,
                unit: Unit::Shares,
            };
            let ratio = Figure {
                name: "exchange_ratio",
                formula: "shares per block / new shares per block",
                inputs: vec![terms(BLOCK_SHARES, n), terms(BLOCK_NEW_SHARES, k)],
                value: div(n, k, BLOCK_NEW_SHARES)?,
                unit: Unit::ExchangeRatio,
            };
            let aggregate = Figure {
                name: "aggregate_liquidation_preference",
                formula: "maximum new shares issuable x liquidation preference per new share",
                inputs: vec![figure(&max_new), terms(LIQUIDATION_PREFERENCE, lp)],
                value: mul(new_shares_value, lp, LIQUIDATION_PREFERENCE)?,
                unit: Unit::Money,
            };
            (max_new, aggregate, ratio)
        }
        (None, None) => {
            return Err(FigureError {
                field: "offer.consideration",
                message: "the consideration is not stated".into(),
            });
        }
    };

    let effective_price = Figure {
        name: "effective_price",
        formula: "liquidation preference per new share / exchange ratio (common shares per new share)",
        inputs: vec![terms(LIQUIDATION_PREFERENCE, lp), figure(&exchange_ratio)],
        value: div(lp, exchange_ratio.value, LIQUIDATION_PREFERENCE)?,
        unit: Unit::Money,
    };
    let premium = Figure {
        name: "premium",
        formula: "effective price / closing price - 1",
        inputs: vec![figure(&effective_price), terms(CLOSING_PRICE, closing)],
        value: div(effective_price.value, closing, CLOSING_PRICE)? - Decimal::ONE,
        unit: Unit::Percent,
    };
    let annual_dividend = Figure {
        name: "annual_dividend",
        formula: "dividend rate x effective price",
        inputs: vec![terms(DIVIDEND_RATE, rate), figure(&effective_price)],
        value: mul(rate, effective_price.value, DIVIDEND_RATE)?,
        unit: Unit::Money,
    };
    let dividend_yield = Figure {
        name: "dividend_yield",
        formula: "annual dividend per common share equivalent / closing price",
        inputs: vec![figure(&annual_dividend), terms(CLOSING_PRICE, closing)],
        value: div(annual_dividend.value, closing, CLOSING_PRICE)?,
        unit: Unit::Percent,
    };
    let first_year_value = effective_price
        .value
        .checked_add(annual_dividend.value)
        .ok_or_else(|| too_large(LIQUIDATION_PREFERENCE))?;
    let total_premium = Figure {
        name: "total_premium",
        formula: "(effective price + annual dividend per common share equivalent) / closing price - 1",
        inputs: vec![figure(&effective_price), figure(&annual_dividend), terms(CLOSING_PRICE, closing)],
        value: div(first_year_value, closing, CLOSING_PRICE)? - Decimal::ONE,
        unit: Unit::Percent,
    };

    Ok(Figures {
        effective_price,
        premium,
        annual_dividend,
        dividend_yield,
        total_premium,
        exchange_ratio,
        max_new_shares,
        aggregate_liquidation_preference: aggregate,
    })
}
