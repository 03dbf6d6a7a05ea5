//! What the templates print of the structured disclosure (src/terms/disclosure.rs): each
//! class's price range with the quarters it is missing, the summary financial information as
//! its tables print, and Schedule I with each holder's percentage computed from the Shares
//! outstanding.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::filing::Filing;
use crate::format;
use crate::terms::{
    Amount, DirectorOrOfficer, FinancialTable, FiscalYearEnd, Positive, SubjectSecurity, SummaryFinancials,
    Terms, quarter_label, quarter_of, required_quarters,
};

#[derive(Serialize)]
pub struct DisclosureView {
    /// One for each class sought, the first first.
    price_ranges: Vec<PriceRange>,
    /// The summary financial information, when the terms give it.
    financials: Option<Financials>,
    schedule_i: ScheduleI,
}

/// A class's price range table, and the quarters Item 1002(c) asks for that it lacks.
#[derive(Serialize)]
struct PriceRange {
    rows: Vec<PriceRow>,
    /// The required quarters no row covers, as they print ("Second Quarter 2022"); empty when
    /// the fiscal year end is unknown.
    missing: Vec<String>,
}

#[derive(Serialize)]
struct PriceRow {
    period: String,
    high: Positive,
    low: Positive,
}

#[derive(Serialize)]
struct Financials {
    units: Option<String>,
    tables: Vec<FinancialTableView>,
}

#[derive(Serialize)]
struct FinancialTableView {
    /// "Income statement data", "Balance sheet data".
    caption: &'static str,
    periods: Vec<String>,
    rows: Vec<FinancialRowView>,
}

#[derive(Serialize)]
struct FinancialRowView {
    item: String,
    values: Vec<String>,
}

#[derive(Serialize)]
struct ScheduleI {
    people: Vec<Person>,
    /// Whether any person's holdings are given: the ownership table prints.
    holdings: bool,
    /// All of them together, when every person's holdings are given.
    group: Option<Holding>,
}

#[derive(Serialize)]
struct Person {
    name: String,
    position: String,
    business_address: Option<String>,
    business_phone: Option<String>,
    citizenship: Option<String>,
    background: Option<String>,
    holding: Option<Holding>,
}

#[derive(Serialize)]
struct Holding {
    shares: String,
    /// The percentage of the class, or `None` when the Shares outstanding are not given.
    percent: Option<String>,
    /// Whether Shares the holder may acquire within 60 days are counted.
    with_rights: bool,
}

pub fn build(filing: &Filing) -> Result<DisclosureView, tera::Error> {
    let t = &filing.in_force;
    let date = t.dates.commencement.unwrap_or(t.filing.date).0;
    let fye = t.issuer.fiscal_year_end;
    let mut price_ranges = vec![price_range(&t.security, fye, date)];
    price_ranges.extend(filing.classes.iter().map(|c| price_range(&c.terms.security, fye, date)));
    Ok(DisclosureView {
        price_ranges,
        financials: t.disclosure.summary_financials.as_ref().map(financials),
        schedule_i: schedule_i(t)?,
    })
}

fn price_range(s: &SubjectSecurity, fye: Option<FiscalYearEnd>, date: NaiveDate) -> PriceRange {
    let calendar = fye.is_some_and(FiscalYearEnd::is_calendar);
    let rows = s
        .price_history
        .iter()
        .map(|p| PriceRow {
            period: match (&p.period, p.fiscal_year, p.quarter) {
                (Some(text), _, _) => text.0.clone(),
                (None, Some(year), Some(quarter)) => quarter_label(i32::from(year), quarter, calendar),
                // Refused on loading: a period is named one way or the other.
                _ => String::new(),
            },
            high: p.high,
            low: p.low,
        })
        .collect();
    let covered: Vec<(i32, u8)> = s.price_history.iter().filter_map(quarter_of).collect();
    let missing = match fye {
        Some(end) => {
            let current = end.year_of(date);
            required_quarters(end, date)
                .into_iter()
                .filter(|q| !covered.contains(q))
                .map(|(year, quarter)| {
                    let label = quarter_label(year, quarter, calendar);
                    if year == current && end.quarter_end(year, quarter) > date {
                        format!("{label} (through {})", format::date(date))
                    } else {
                        label
                    }
                })
                .collect()
        }
        None => Vec::new(),
    };
    PriceRange { rows, missing }
}

/// An amount as a financial table prints it: grouped, with the places it was written with,
/// a negative in parentheses, and a dash where none is presented.
fn amount(value: Option<Amount>, money: bool) -> String {
    let Some(Amount(v)) = value else { return "—".to_owned() };
    let places = v.normalize().scale();
    let places = if money { places.max(2) } else { places };
    let digits = format::grouped(v.abs(), places);
    let text = if money { format!("${digits}") } else { digits };
    if v.is_sign_negative() && !v.is_zero() { format!("({text})") } else { text }
}

fn financials(f: &SummaryFinancials) -> Financials {
    let rows = |table: &FinancialTable| -> Vec<FinancialRowView> {
        table
            .rows
            .iter()
            .map(|r| FinancialRowView {
                item: r.item.0.clone(),
                values: r.values.iter().map(|v| amount(*v, false)).collect(),
            })
            .collect()
    };
    let periods = |table: &FinancialTable| table.periods.iter().map(|p| p.0.clone()).collect::<Vec<_>>();
    let mut tables = Vec::new();
    if let Some(table) = &f.income_statement {
        let mut view = FinancialTableView {
            caption: "Income statement data",
            periods: periods(table),
            rows: rows(table),
        };
        if !f.ratio_of_earnings_to_fixed_charges.is_empty() {
            view.rows.push(FinancialRowView {
                item: "Ratio of earnings to fixed charges".into(),
                values: f.ratio_of_earnings_to_fixed_charges.iter().map(|v| amount(*v, false)).collect(),
            });
        }
        tables.push(view);
    }
    if let Some(table) = &f.balance_sheet {
        let mut view =
            FinancialTableView { caption: "Balance sheet data", periods: periods(table), rows: rows(table) };
        if !f.book_value_per_share.is_empty() {
            view.rows.push(FinancialRowView {
                item: "Book value per share".into(),
                values: f.book_value_per_share.iter().map(|v| amount(*v, true)).collect(),
            });
        }
        tables.push(view);
    }
    Financials { units: f.units.as_ref().map(|u| u.0.clone()), tables }
}

/// `owned` of `outstanding` Shares as a percentage at `places`, counting the `rights` the
/// holder may acquire within 60 days as outstanding (Rule 13d-3(d)(1)(i)). A holding that
/// rounds to nothing prints as "less than" the least the places show.
pub fn percent_of_class(owned: u64, rights: u64, outstanding: u64, places: u32) -> Result<String, String> {
    let base = Decimal::from(outstanding) + Decimal::from(rights);
    if base.is_zero() {
        return Err("no Shares outstanding to compute a percentage of".into());
    }
    let fraction = Decimal::from(owned) / base;
    let printed = format::percent(fraction, places).map_err(|why| why.to_string())?;
    let least = Decimal::new(1, places) / Decimal::ONE_HUNDRED;
    let shown =
        fraction.round_dp_with_strategy(places + 2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if owned > 0 && shown.is_zero() {
        return Ok(format!("less than {}", format::percent(least, places).map_err(|why| why.to_string())?));
    }
    Ok(printed)
}

fn schedule_i(t: &Terms) -> Result<ScheduleI, tera::Error> {
    let places = t.presentation.percent_places.of_outstanding.0;
    let outstanding = t.security.shares_outstanding.map(|s| s.0);
    let holding = |owned: u64, rights: u64| -> Result<Holding, tera::Error> {
        let percent = outstanding
            .map(|o| percent_of_class(owned, rights, o, places))
            .transpose()
            .map_err(|why| tera::Error::message(format!("disclosure.directors_and_officers: {why}")))?;
        Ok(Holding {
            shares: format::shares(Decimal::from(owned)).unwrap_or_default(),
            percent,
            with_rights: rights > 0,
        })
    };
    let people = &t.disclosure.directors_and_officers;
    let person = |p: &DirectorOrOfficer| -> Result<Person, tera::Error> {
        Ok(Person {
            name: p.name.0.clone(),
            position: p.position.0.clone(),
            business_address: p.business_address.as_ref().map(|a| a.0.clone()),
            business_phone: p.business_phone.as_ref().map(|a| a.0.clone()),
            citizenship: p.citizenship.as_ref().map(|a| a.0.clone()),
            background: p.background.as_ref().map(|a| a.0.clone()),
            holding: p
                .shares_beneficially_owned
                .map(|owned| holding(owned.0, p.rights_to_acquire.map_or(0, |r| r.0)))
                .transpose()?,
        })
    };
    let all_given = !people.is_empty() && people.iter().all(|p| p.shares_beneficially_owned.is_some());
    let group = if all_given {
        let owned = people.iter().filter_map(|p| p.shares_beneficially_owned).map(|s| s.0).sum();
        let rights = people.iter().filter_map(|p| p.rights_to_acquire).map(|s| s.0).sum();
        Some(holding(owned, rights)?)
    } else {
        None
    };
    Ok(ScheduleI {
        people: people.iter().map(person).collect::<Result<_, _>>()?,
        holdings: people.iter().any(|p| p.shares_beneficially_owned.is_some()),
        group,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holding_that_rounds_to_nothing_is_less_than_the_least_shown() {
        assert_eq!(percent_of_class(1_000, 0, 210_000_000, 1).unwrap(), "less than 0.1%");
        assert_eq!(percent_of_class(2_100_000, 0, 210_000_000, 1).unwrap(), "1.0%");
        assert_eq!(percent_of_class(0, 0, 210_000_000, 1).unwrap(), "0.0%");
        // Options count as outstanding for their holder alone.
        assert_eq!(percent_of_class(100, 100, 900, 0).unwrap(), "10%");
    }

    #[test]
    fn financial_amounts_print_as_tables_set_them() {
        assert_eq!(amount(Some(Amount(Decimal::new(-321_000, 0))), false), "(321,000)");
        assert_eq!(amount(Some(Amount(Decimal::new(259, 2))), false), "2.59");
        assert_eq!(amount(Some(Amount(Decimal::new(-5, 1))), true), "($0.50)");
        assert_eq!(amount(None, false), "—");
    }
}
