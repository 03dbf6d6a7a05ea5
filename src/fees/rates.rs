//! The fee-rate table, data/fee-rates.yaml (built into the binary): the rate per $1,000,000
//! of each SEC fiscal year (October 1 to September 30).

use std::sync::LazyLock;

use chrono::NaiveDate;
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
    /// The SEC order (and advisory) the rate is taken from, so that counsel can cite it.
    pub source: String,
    /// What of the source could not be checked against SEC material, when anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
}

const TABLE_SOURCE: &str = include_str!("../../data/fee-rates.yaml");

static RATES: LazyLock<Result<Vec<FeeRate>, FeeError>> =
    LazyLock::new(|| parse_table(TABLE_SOURCE).map_err(FeeError::Table));

/// Reads a fee-rate table and checks what a wrong row would silently miscompute: one row per
/// fiscal year with none missing between the first and the last, each taking effect within
/// its own fiscal year, each naming its source.
fn parse_table(text: &str) -> Result<Vec<FeeRate>, String> {
    let mut rates: Vec<FeeRate> = serde_saphyr::from_str(text).map_err(|e| e.to_string())?;
    rates.sort_by_key(|r| r.fiscal_year);
    for row in &rates {
        let fy = row.fiscal_year;
        let (starts, ends) = (NaiveDate::from_ymd_opt(fy - 1, 10, 1), NaiveDate::from_ymd_opt(fy, 9, 30));
        let (Some(starts), Some(ends)) = (starts, ends) else {
            return Err(format!("FY{fy} is not a fiscal year on the calendar"));
        };
        if !(starts..=ends).contains(&row.effective.0) {
            return Err(format!(
                "FY{fy}: effective {} is outside the fiscal year ({starts} to {ends})",
                row.effective.0
            ));
        }
        if row.source.trim().is_empty() {
            return Err(format!("FY{fy}: `source` is empty; name the SEC order the rate is taken from"));
        }
        if row.unverified.as_deref().is_some_and(|u| u.trim().is_empty()) {
            return Err(format!("FY{fy}: `unverified` is empty; say what could not be verified, or drop it"));
        }
    }
    for pair in rates.windows(2) {
        let (earlier, later) = (pair[0].fiscal_year, pair[1].fiscal_year);
        if later == earlier {
            return Err(format!("FY{later} appears twice"));
        }
        if later != earlier + 1 {
            return Err(format!("no row for FY{} between FY{earlier} and FY{later}", earlier + 1));
        }
    }
    Ok(rates)
}

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
    let year_end = NaiveDate::from_ymd_opt(last.fiscal_year, 9, 30).unwrap_or(last.effective.0);
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
                (2012, "114.60".into()),
                (2013, "136.40".into()),
                (2014, "128.80".into()),
                (2015, "116.20".into()),
                (2016, "100.70".into()),
                (2017, "115.90".into()),
                (2018, "124.50".into()),
                (2019, "121.20".into()),
                (2020, "129.80".into()),
                (2021, "109.10".into()),
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
        assert_eq!(rate("2021-09-30").fiscal_year, 2021);
        assert_eq!(rate("2011-10-01").rate_per_million.0.to_string(), "114.60");
        assert!(matches!(
            rate_on(date("2011-09-30")),
            Err(FeeError::BeforeTable { first_fiscal_year: 2012, .. })
        ));
    }

    #[test]
    fn every_row_names_its_source() {
        for row in rates().unwrap() {
            assert!(row.source.contains(&format!("Fiscal Year {}", row.fiscal_year)), "{row:?}");
        }
    }

    const ROW_2024: &str = "- fiscal_year: 2024\n  effective: 2023-10-01\n  rate_per_million: 147.60\n  source: Release 33-11224\n";

    #[test]
    fn a_damaged_table_is_refused_with_the_row_at_fault() {
        let err = |text: &str| parse_table(text).unwrap_err();
        assert!(parse_table(ROW_2024).is_ok());
        let without_source = ROW_2024.replace("  source: Release 33-11224\n", "");
        assert!(err(&without_source).contains("source"), "{}", err(&without_source));
        let empty_source = ROW_2024.replace("Release 33-11224", "\"  \"");
        assert_eq!(
            err(&empty_source),
            "FY2024: `source` is empty; name the SEC order the rate is taken from"
        );
        let early = ROW_2024.replace("2023-10-01", "2023-09-30");
        assert_eq!(
            err(&early),
            "FY2024: effective 2023-09-30 is outside the fiscal year (2023-10-01 to 2024-09-30)"
        );
        let gap =
            format!("{ROW_2024}{}", ROW_2024.replace("2024", "2026").replace("2023-10-01", "2025-10-01"));
        assert_eq!(err(&gap), "no row for FY2025 between FY2024 and FY2026");
        assert_eq!(err(&format!("{ROW_2024}{ROW_2024}")), "FY2024 appears twice");
        let blank_note = format!("{ROW_2024}  unverified: \"\"\n");
        assert!(err(&blank_note).contains("`unverified` is empty"));
    }
}
