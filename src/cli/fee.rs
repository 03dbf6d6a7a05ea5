//! `secdraft fee --value N --date D`: the filing fee without a terms file.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::parse_date;
use crate::diagnostics::Diagnostic;
use crate::{fees, format, terms};

/// Compute a Rule 0-11 filing fee from a transaction valuation and a filing date.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  secdraft fee --value 25000000 --date 2025-11-03 --format json\n\n\
                        The rate is the one in force on the date, by SEC fiscal year (October 1 to \
                        September 30), from data/fee-rates.yaml; the fee is rounded to the cent, half up.")]
pub struct FeeArgs {
    /// The transaction valuation in dollars, written exactly (25000000 or 25_000_000).
    #[arg(long, value_name = "DOLLARS", value_parser = parse_value)]
    value: Decimal,

    /// The filing date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: NaiveDate,

    /// The rate per $1,000,000, in place of the table's.
    #[arg(long, value_name = "DOLLARS", value_parser = parse_value)]
    rate: Option<Decimal>,

    #[arg(long, value_enum, default_value_t = Output::Text)]
    format: Output,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Output {
    Text,
    Json,
}

fn parse_value(text: &str) -> Result<Decimal, String> {
    let value = terms::parse_decimal(text)?;
    if value <= Decimal::ZERO {
        return Err(format!("{text} is not a positive amount"));
    }
    Ok(value)
}

#[derive(Serialize)]
struct Fee {
    value: String,
    date: NaiveDate,
    fiscal_year: Option<i32>,
    rate_per_million: String,
    fee: String,
}

pub fn run(args: &FeeArgs) -> Result<i32, Diagnostic> {
    let (fiscal_year, rate) = match args.rate {
        Some(rate) => (None, rate),
        None => {
            let row = fees::rate_on(args.date).map_err(|e| Diagnostic::new(e.with_remedy("pass --rate")))?;
            (Some(row.fiscal_year), row.rate_per_million.0)
        }
    };
    let fee = fees::fee(args.value, rate)
        .ok_or_else(|| Diagnostic::new("the fee exceeds what can be held exactly"))?;
    let result = Fee {
        value: args.value.normalize().to_string(),
        date: args.date,
        fiscal_year,
        rate_per_million: format!("{:.2}", rate),
        fee: format!("{:.2}", fee),
    };
    let out = match args.format {
        Output::Json => format!("{}\n", serde_json::to_string_pretty(&result).unwrap_or_default()),
        Output::Text => format!(
            "{} filed {}: {} at {} per $1,000,000{}\n",
            format::cents(args.value),
            format::date(args.date),
            format::cents(fee),
            format::cents(rate),
            fiscal_year.map_or(String::new(), |y| format!(" (fiscal year {y})"))
        ),
    };
    super::emit(&out);
    Ok(0)
}
