//! Filing fees (Rule 0-11): the fee-rate table ([`rates`]), the fee's arithmetic (here),
//! the warnings about its inputs ([`warnings`]), and the view of the filing fee exhibit in
//! Inline XBRL ([`Exhibit`]), which the template stage renders like every document. The fee
//! figures themselves are computed with [`crate::figures`], from this arithmetic.

mod exhibit;
mod rates;
mod warnings;

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::format;

pub use exhibit::{EXHIBIT_FILE, Exhibit, FeeFigures, OffsetRow};
pub use rates::{FeeRate, rate_on, rates};
pub use warnings::warnings;

/// Why a fee cannot be computed or its exhibit filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeeError {
    /// The built-in table data/fee-rates.yaml does not parse: a defect of the build.
    Table(String),
    EmptyTable,
    /// The filing date is after the last fiscal year in the table.
    AfterTable {
        date: NaiveDate,
        last_fiscal_year: i32,
        year_end: NaiveDate,
    },
    /// The filing date is before the first fiscal year in the table.
    BeforeTable {
        date: NaiveDate,
        first_fiscal_year: i32,
    },
    /// A fee figure the exhibit prints was not computed.
    MissingFigure(&'static str),
    /// A term the exhibit's notes state is not given (or, for shares, not whole).
    MissingTerm(&'static str),
}

impl FeeError {
    /// The message, with `remedy` for giving a rate by hand: the terms' field by default,
    /// or the command line's option (`pass --rate`).
    pub fn with_remedy(&self, remedy: &str) -> String {
        match self {
            FeeError::Table(why) => {
                format!("the fee-rate table data/fee-rates.yaml built into secdraft is damaged: {why}")
            }
            FeeError::EmptyTable => "the fee-rate table data/fee-rates.yaml is empty".into(),
            FeeError::AfterTable { date, last_fiscal_year, year_end } => format!(
                "{} is after the last fiscal year with a known fee rate (FY{last_fiscal_year} ends {}): add the FY{} rate to data/fee-rates.yaml, or {remedy}",
                crate::format::date(*date),
                crate::format::date(*year_end),
                last_fiscal_year + 1
            ),
            FeeError::BeforeTable { date, first_fiscal_year } => format!(
                "{} is before FY{first_fiscal_year}, the first fiscal year in data/fee-rates.yaml: {remedy}",
                crate::format::date(*date)
            ),
            FeeError::MissingFigure(name) => {
                format!("the fee exhibit prints `{name}`, which was not computed")
            }
            FeeError::MissingTerm(field) => {
                format!(
                    "the fee exhibit's notes state `{field}`, which the terms do not give as a whole amount"
                )
            }
        }
    }
}

impl fmt::Display for FeeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.with_remedy("give `fee.rate_per_million`"))
    }
}

impl std::error::Error for FeeError {}

/// Fee = valuation x rate per million / 1,000,000, to the cent, half up.
pub fn fee(valuation: Decimal, rate_per_million: Decimal) -> Option<Decimal> {
    let raw = valuation.checked_mul(rate_per_million)?.checked_div(Decimal::from(1_000_000))?;
    Some(raw.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// The fee rate as the exhibit prints and tags it: a pure number per dollar (138.10 per
/// million is 0.0001381).
pub fn rate_as_fraction(rate_per_million: Decimal) -> Decimal {
    (rate_per_million / Decimal::from(1_000_000)).normalize()
}

/// A fee computed without terms (`secdraft fee`): from a valuation and a filing date, at
/// the table's rate for the date or at a rate given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The valuation as given, written exactly.
    pub value: String,
    pub date: NaiveDate,
    /// The fiscal year of the table's rate; none for a rate given.
    pub fiscal_year: Option<i32>,
    pub rate_per_million: String,
    pub fee: String,
    /// The SEC order the table's rate is taken from; none for a rate given.
    pub source: Option<String>,
    /// What of that source could not be checked against SEC material, when anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
    /// The exact amounts the text prints.
    #[serde(skip)]
    exact: (Decimal, Decimal, Decimal),
}

impl Quote {
    /// `None` for the fee when it exceeds what a decimal holds.
    pub fn new(value: Decimal, date: NaiveDate, rate: Option<Decimal>) -> Result<Option<Quote>, FeeError> {
        let (row, rate) = match rate {
            Some(rate) => (None, rate),
            None => {
                let row = rate_on(date)?;
                (Some(row), row.rate_per_million.0)
            }
        };
        let Some(amount) = fee(value, rate) else { return Ok(None) };
        Ok(Some(Quote {
            value: value.normalize().to_string(),
            date,
            fiscal_year: row.map(|r| r.fiscal_year),
            rate_per_million: format!("{rate:.2}"),
            fee: format!("{amount:.2}"),
            source: row.map(|r| r.source.clone()),
            unverified: row.and_then(|r| r.unverified.clone()),
            exact: (value, rate, amount),
        }))
    }

    /// The quote as `secdraft fee` prints it: the fee, then the rate's source when the
    /// table gave the rate.
    pub fn text(&self) -> String {
        let (value, rate, amount) = self.exact;
        let mut out = format!(
            "{} filed {}: {} at {} per $1,000,000{}\n",
            format::cents(value),
            format::date(self.date),
            format::cents(amount),
            format::cents(rate),
            self.fiscal_year.map_or(String::new(), |y| format!(" (fiscal year {y})"))
        );
        if let Some(source) = &self.source {
            out.push_str(&format!("  rate: {source}\n"));
        }
        if let Some(unverified) = &self.unverified {
            out.push_str(&format!("  not verified against SEC material: {unverified}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn twenty_five_million_on_november_3_2025_pays_3452_50() {
        let rate = rate_on(date("2025-11-03")).unwrap();
        assert_eq!(rate.fiscal_year, 2026);
        assert_eq!(rate.rate_per_million.0, d("138.10"));
        assert_eq!(fee(d("25000000"), rate.rate_per_million.0).unwrap(), d("3452.50"));
        assert_eq!(rate_as_fraction(d("138.10")), d("0.0001381"));
    }

    #[test]
    fn fees_round_half_up_to_the_cent() {
        // 1,234,567 x 138.10 / 1,000,000 = 170.4937027 -> 170.49
        assert_eq!(fee(d("1234567"), d("138.10")).unwrap(), d("170.49"));
        // 100,000 x 0.05 / 1,000,000 = 0.005 -> 0.01
        assert_eq!(fee(d("100000"), d("0.05")).unwrap(), d("0.01"));
    }
}
