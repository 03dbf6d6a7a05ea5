//! The fee-rate table, data/fee-rates.yaml (built into the binary): the rate per $1,000,000
//! of each SEC fiscal year (October 1 to September 30).

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::FeeError;
use crate::terms::{Date, Positive};

/// One SEC fiscal year's fee rate.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FeeRate {
    pub fiscal_year: i32,
    pub effective: Date,
    pub rate_per_million: Positive,
}

const TABLE_SOURCE: &str = include_str!("../../data/fee-rates.yaml");

static RATES: LazyLock<Result<Vec<FeeRate>, FeeError>> = LazyLock::new(|| {
    let mut rates: Vec<FeeRate> =
        serde_saphyr::from_str(TABLE_SOURCE).map_err(|e| FeeError::Table(e.to_string()))?;
    rates.sort_by_key(|r| r.effective);
    Ok(rates)
});

/// The fee-rate table, earliest fiscal year first.
pub fn rates() -> Result<&'static [FeeRate], FeeError> {
    RATES.as_ref().map(Vec::as_slice).map_err(Clone::clone)
}

/// The rate in force on a filing date: the fiscal year that began on or before it. A date
/// after the last fiscal year in the table (or before the first) has no rate.
pub fn rate_on(date: NaiveDate) -> Result<&'static FeeRate, FeeError> {
    let rates = rates()?;
    let (Some(first), Some(last)) = (rates.first(), rates.last()) else {
        return Err(FeeError::EmptyTable);
    };
    let year_end = NaiveDate::from_ymd_opt(last.effective.0.year() + 1, 9, 30).unwrap_or(last.effective.0);
    if date > year_end {
        return Err(FeeError::AfterTable { date, last_fiscal_year: last.fiscal_year, year_end });
    }
    match rates.iter().rev().find(|r| r.effective.0 <= date) {
        Some(rate) => Ok(rate),
        None => Err(FeeError::BeforeTable { date, first_fiscal_year: first.fiscal_year }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_embedded_table_parses() {
        assert!(rates().is_ok_and(|r| !r.is_empty()), "{:?}", rates().err());
    }

    #[test]
    fn the_table_matches_the_reference() {
        let years: Vec<(i32, String)> =
            rates().unwrap().iter().map(|r| (r.fiscal_year, r.rate_per_million.0.to_string())).collect();
        assert_eq!(
            years,
            [
                (2022, "92.70".into()),
                (2023, "110.20".into()),
                (2024, "147.60".into()),
                (2025, "153.10".into()),
                (2026, "138.10".into())
            ]
        );
    }

    #[test]
    fn the_fiscal_year_turns_on_october_1() {
        let rate = |s: &str| rate_on(date(s)).unwrap();
        assert_eq!(rate("2025-09-30").fiscal_year, 2025);
        assert_eq!(rate("2025-10-01").fiscal_year, 2026);
        assert_eq!(rate("2023-09-30").rate_per_million.0.to_string(), "110.20");
        assert_eq!(rate("2023-10-01").rate_per_million.0.to_string(), "147.60");
        assert_eq!(rate("2026-09-30").fiscal_year, 2026);
        let err = rate_on(date("2026-10-01")).unwrap_err().to_string();
        assert!(err.contains("add the FY2027 rate"), "{err}");
        assert!(matches!(
            rate_on(date("2021-09-30")),
            Err(FeeError::BeforeTable { first_fiscal_year: 2022, .. })
        ));
    }
}
