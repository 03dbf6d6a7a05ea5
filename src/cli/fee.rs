//! `secdraft fee --value N --date D`: the filing fee without a terms file.

use chrono::NaiveDate;
use clap::Args;
use rust_decimal::Decimal;

use crate::calendar::parse_date;
use crate::diagnostics::Diagnostic;
use crate::{fees, terms};

/// Compute a Rule 0-11 filing fee from a transaction valuation and a filing date.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  secdraft fee --value 25000000 --date 2025-11-03 --format json\n\n\
                        The rate is the one in force on the date, by SEC fiscal year (October 1 to \
                        September 30), from data/fee-rates.yaml; the fee is rounded to the cent, half up.\n\n\
                        Exit status: 0 on success, 2 when the value or the date is at fault.")]
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

    #[arg(long, value_enum, default_value_t = super::TextOrJson::Text)]
    format: super::TextOrJson,
}

fn parse_value(text: &str) -> Result<Decimal, String> {
    let value = terms::parse_decimal(text)?;
    if value <= Decimal::ZERO {
        return Err(format!("{text} is not a positive amount"));
    }
    Ok(value)
}

pub fn run(args: &FeeArgs) -> Result<i32, Diagnostic> {
    let quote = fees::Quote::new(args.value, args.date, args.rate)
        .map_err(|e| Diagnostic::new(e.with_remedy("pass --rate")))?
        .ok_or_else(|| Diagnostic::new("the fee exceeds what can be held exactly"))?;
    let out = match args.format {
        super::TextOrJson::Json => super::json(&quote)?,
        super::TextOrJson::Text => quote.text(),
    };
    super::emit(&out);
    Ok(0)
}
