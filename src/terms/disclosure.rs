//! The disclosure the Offer builds from structured terms rather than counsel's prose: the
//! quarters of the price range (Item 1002(c) of Regulation M-A), the summary financial
//! information (Item 1010(c)) and Schedule I, the directors and executive officers, their
//! holdings and their transactions in the 60 days before the Offer (Items 1003(a) and (c),
//! 1008). Each is checked here where it can be wrong, at its own field.

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use super::loaded::LoadedTerms;
use super::scalars::{parse_decimal, scalar_text};
use super::{Count, Date, OfferKind, Positive, Shares, Terms, Text};
use crate::diagnostics::Diagnostic;

type Check = Result<(), Diagnostic>;

/// The day a fiscal year ends, written `MM-DD` (`12-31`, `06-30`). A 52- or 53-week year is
/// given by its nominal end (`01-31` for a year ending on the Saturday nearest January 31).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalYearEnd {
    pub month: u32,
    pub day: u32,
}

impl Serialize for FiscalYearEnd {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{:02}-{:02}", self.month, self.day))
    }
}

impl<'de> Deserialize<'de> for FiscalYearEnd {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const EXPECTING: &str = "the last day of the fiscal year written MM-DD, such as 12-31 or 06-30";
        let text = scalar_text(d, EXPECTING)?;
        let trimmed = text.trim();
        let parsed = trimmed.split_once('-').and_then(|(m, d)| {
            let digits = |s: &str| s.len() == 2 && s.chars().all(|c| c.is_ascii_digit());
            (digits(m) && digits(d)).then(|| (m.parse::<u32>().ok(), d.parse::<u32>().ok()))
        });
        let Some((Some(month), Some(day))) = parsed else {
            return Err(de::Error::custom(format!("expected {EXPECTING}, found `{trimmed}`")));
        };
        // A fiscal year ends on the same day every year: 2023 is not a leap year, so 02-29 is
        // refused (a year ending on the last day of February is `02-28`).
        if NaiveDate::from_ymd_opt(2023, month, day).is_none() {
            return Err(de::Error::custom(format!(
                "`{trimmed}` is not a day that ends every year (a year ending on the last day of February is 02-28)"
            )));
        }
        Ok(FiscalYearEnd { month, day })
    }
}

impl FiscalYearEnd {
    /// The last day of fiscal year `year`, named by the calendar year it ends in.
    pub fn end_of(self, year: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, self.month, self.day).expect("checked on loading against a common year")
    }

    /// Whether the fiscal year is the calendar year.
    pub fn is_calendar(self) -> bool {
        (self.month, self.day) == (12, 31)
    }

    /// The last day of quarter `quarter` (1 to 4) of fiscal year `year`: the year's end moved
    /// back three months for each later quarter, to the end of its month when the year ends
    /// on the last day of a month.
    pub fn quarter_end(self, year: i32, quarter: u8) -> NaiveDate {
        let end = self.end_of(year);
        let back = Months::new(3 * u32::from(4 - quarter.clamp(1, 4)));
        let moved = end.checked_sub_months(back).expect("within the calendar");
        if is_month_end(end) { month_end(moved) } else { moved }
    }

    /// The first day of quarter `quarter` of fiscal year `year`.
    pub fn quarter_start(self, year: i32, quarter: u8) -> NaiveDate {
        let previous = if quarter <= 1 { self.end_of(year - 1) } else { self.quarter_end(year, quarter - 1) };
        previous.checked_add_days(Days::new(1)).expect("within the calendar")
    }

    /// The fiscal year that `date` falls in.
    pub fn year_of(self, date: NaiveDate) -> i32 {
        if self.end_of(date.year()) >= date { date.year() } else { date.year() + 1 }
    }
}

fn is_month_end(date: NaiveDate) -> bool {
    date.succ_opt().is_none_or(|next| next.month() != date.month())
}

fn month_end(date: NaiveDate) -> NaiveDate {
    let first_of_next = if date.month() == 12 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
    };
    first_of_next.and_then(|d| d.pred_opt()).expect("within the calendar")
}

/// A signed amount of a financial statement, written exactly: `125400`, `-3_210`, `0.42`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Amount(pub Decimal);

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const EXPECTING: &str = "an amount written exactly, such as 125400, -3210 or 0.42";
        let text = scalar_text(d, EXPECTING)?;
        parse_decimal(&text).map(Amount).map_err(de::Error::custom)
    }
}

/// The summary financial information of Item 1010(c) of Regulation M-A, as the Offer's
/// Section 10 prints it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SummaryFinancials {
    /// The caption of the amounts: "in thousands, except per share data".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<Text>,
    /// Where the figures come from ("derived from the audited consolidated financial
    /// statements in the Company's Annual Report on Form 10-K ...").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// Income statement data, with per share data, for the periods presented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_statement: Option<FinancialTable>,
    /// Balance sheet data at the dates presented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_sheet: Option<FinancialTable>,
    /// One for each period of `income_statement`; `~` where none is presented.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratio_of_earnings_to_fixed_charges: Vec<Option<Amount>>,
    /// One for each date of `balance_sheet`; `~` where none is presented.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub book_value_per_share: Vec<Option<Amount>>,
    /// Pro forma data showing the effect of the Offer, when material (Item 1010(c)(6)); or a
    /// statement why none is presented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pro_forma: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FinancialTable {
    /// The column headings: "Year Ended December 31, 2023", "December 31, 2023".
    pub periods: Vec<Text>,
    /// The rows, each an `item` with one value for each period.
    pub rows: Vec<FinancialRow>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FinancialRow {
    /// "Revenues", "Net income (loss) per share — diluted".
    pub item: Text,
    /// One for each period of its table; `~` where none is presented.
    pub values: Vec<Option<Amount>>,
}

/// A director or executive officer, for Schedule I.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DirectorOrOfficer {
    /// The person's name.
    pub name: Text,
    /// Position with the Company: "Chief Executive Officer and Director".
    pub position: Text,
    /// Business address; otherwise a note to draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_address: Option<Text>,
    /// Business telephone; otherwise a note to draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_phone: Option<Text>,
    /// Citizenship; otherwise a note to draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizenship: Option<Text>,
    /// Present principal occupation and material occupations during the past five years
    /// (Item 1003(c)(1) and (2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<Text>,
    /// Shares beneficially owned (Rule 13d-3), including `rights_to_acquire`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares_beneficially_owned: Option<Count>,
    /// Of those, Shares the person has the right to acquire within 60 days (options,
    /// warrants): counted as outstanding for this person's percentage alone (Rule
    /// 13d-3(d)(1)(i)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights_to_acquire: Option<Count>,
}

/// A transaction in the Shares during the 60 days before the Offer (Item 1008(b)).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transaction {
    /// Who effected it: a director, an executive officer, the Company or an affiliate.
    pub name: Text,
    /// The day of the transaction; not after the Offer commences.
    pub date: Date,
    /// The number of Shares.
    pub shares: Shares,
    /// Price per Share, when it had one (not a grant or a gift).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Positive>,
    /// "Open market sale", "Grant of restricted stock".
    pub nature: Text,
}

/// The fiscal quarter a price period covers: its structured `fiscal_year` and `quarter`, or
/// one its `period` text names ("Fourth Quarter 2023", "Q4 2023", "Fourth Quarter of Fiscal
/// 2023"), read as a quarter of the fiscal year named.
pub fn quarter_of(p: &super::PricePeriod) -> Option<(i32, u8)> {
    if let (Some(year), Some(quarter)) = (p.fiscal_year, p.quarter) {
        return Some((i32::from(year), quarter));
    }
    let text = p.period.as_ref()?.as_str().to_ascii_lowercase();
    let words: Vec<&str> =
        text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let ordinal = |w: &str| match w {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" => Some(4),
        _ => None,
    };
    let mut quarter = None;
    for (i, w) in words.iter().enumerate() {
        if let Some(q) =
            w.strip_prefix('q').and_then(|d| d.parse::<u8>().ok()).filter(|q| (1..=4).contains(q))
        {
            quarter = Some(q);
        } else if let (Some(q), Some(&"quarter")) = (ordinal(w), words.get(i + 1)) {
            quarter = Some(q);
        }
    }
    // The year: a word of four digits, or `fy2023`; a period naming two years is not one
    // quarter.
    let years: Vec<i32> = words
        .iter()
        .filter_map(|w| w.strip_prefix("fy").unwrap_or(w).parse::<i32>().ok())
        .filter(|y| (1900..=2200).contains(y))
        .collect();
    match (quarter, years.as_slice()) {
        (Some(q), [year]) => Some((*year, q)),
        (Some(q), [first, rest @ ..]) if rest.iter().all(|y| y == first) => Some((*first, q)),
        _ => None,
    }
}

/// How a quarter prints: "Fourth Quarter 2023" in a calendar fiscal year, else "Fourth
/// Quarter of Fiscal 2023".
pub fn quarter_label(year: i32, quarter: u8, calendar: bool) -> String {
    let name = ["First", "Second", "Third", "Fourth"][usize::from(quarter.clamp(1, 4) - 1)];
    if calendar { format!("{name} Quarter {year}") } else { format!("{name} Quarter of Fiscal {year}") }
}

/// The quarters the price range must cover as of `date`: each quarter of the two fiscal years
/// before the one `date` falls in, and each quarter of that year begun by `date`, oldest first.
pub fn required_quarters(end: FiscalYearEnd, date: NaiveDate) -> Vec<(i32, u8)> {
    let current = end.year_of(date);
    let mut quarters: Vec<(i32, u8)> =
        [current - 2, current - 1].iter().flat_map(|y| (1..=4).map(move |q| (*y, q))).collect();
    quarters.extend((1..=4).filter(|q| end.quarter_start(current, *q) <= date).map(|q| (current, q)));
    quarters
}

/// The checks of this module's fields, each placed at the field to fix.
pub fn check(loaded: &LoadedTerms, t: &Terms) -> Check {
    price_history(loaded, &t.security, "security")?;
    for (i, class) in t.offer.other_classes.iter().enumerate() {
        price_history(loaded, &class.security, &format!("offer.other_classes[{i}].security"))?;
    }
    risk_factors(loaded, t)?;
    summary_financials(loaded, t)?;
    directors(loaded, t)?;
    transactions(loaded, t)
}

fn price_history(loaded: &LoadedTerms, s: &super::SubjectSecurity, at: &str) -> Check {
    let mut seen: Vec<((i32, u8), usize)> = Vec::new();
    for (i, p) in s.price_history.iter().enumerate() {
        let here = format!("{at}.price_history[{i}]");
        let err = |field: &str, message: String| Err(loaded.error_at(&format!("{here}{field}"), message));
        match (p.period.is_some(), p.fiscal_year, p.quarter) {
            (_, Some(_), None) => {
                return err(".fiscal_year", "give the `quarter` (1 to 4) of the fiscal year too".into());
            }
            (_, None, Some(_)) => {
                return err(".quarter", "give the `fiscal_year` the quarter is of too".into());
            }
            (false, None, None) => {
                return err(
                    "",
                    "give the period: `fiscal_year` and `quarter`, or its name as `period`".into(),
                );
            }
            _ => {}
        }
        if let Some(q) = p.quarter.filter(|q| !(1..=4).contains(q)) {
            return err(".quarter", format!("a fiscal year has quarters 1 to 4, not {q}"));
        }
        if let Some(y) = p.fiscal_year.filter(|y| !(1900..=2200).contains(y)) {
            return err(".fiscal_year", format!("{y} is not a fiscal year a price range can cover"));
        }
        if p.low.0 > p.high.0 {
            return err(".low", format!("the low price {} is above the high price {}", p.low.0, p.high.0));
        }
        if let (Some(year), Some(quarter)) = (p.fiscal_year, p.quarter) {
            let key = (i32::from(year), quarter);
            if let Some((_, j)) = seen.iter().find(|(k, _)| *k == key) {
                return err("", format!("this quarter is already given, at `{at}.price_history[{j}]`"));
            }
            seen.push((key, i));
        }
    }
    Ok(())
}

fn risk_factors(loaded: &LoadedTerms, t: &Terms) -> Check {
    let d = &t.disclosure;
    if d.risk_factors_replace_generated && d.risk_factors.is_empty() {
        return Err(loaded.error_at(
            "disclosure.risk_factors_replace_generated",
            "give the risk factors that replace the generated ones in `disclosure.risk_factors`",
        ));
    }
    if d.risk_factors_replace_generated && t.kind() != OfferKind::Exchange {
        return Err(loaded.error_at(
            "disclosure.risk_factors_replace_generated",
            "only an exchange offer's Offer generates risk factors to replace; leave this out",
        ));
    }
    Ok(())
}

fn summary_financials(loaded: &LoadedTerms, t: &Terms) -> Check {
    let Some(f) = &t.disclosure.summary_financials else { return Ok(()) };
    let at = "disclosure.summary_financials";
    let err = |field: &str, message: String| Err(loaded.error_at(&format!("{at}{field}"), message));
    if f.income_statement.is_none() && f.balance_sheet.is_none() {
        return err("", "give the `income_statement` data, the `balance_sheet` data or both".into());
    }
    for (name, table) in [("income_statement", &f.income_statement), ("balance_sheet", &f.balance_sheet)] {
        let Some(table) = table else { continue };
        if table.periods.is_empty() {
            return err(
                &format!(".{name}.periods"),
                "give at least one period (a column of the table)".into(),
            );
        }
        if table.rows.is_empty() {
            return err(&format!(".{name}.rows"), "give at least one row".into());
        }
        for (i, row) in table.rows.iter().enumerate() {
            if row.values.len() != table.periods.len() {
                return err(
                    &format!(".{name}.rows[{i}].values"),
                    format!(
                        "{} for {}: give one for each period of `{name}.periods`, `~` where none is presented",
                        counted(row.values.len(), "value"),
                        counted(table.periods.len(), "period")
                    ),
                );
            }
        }
    }
    for (name, values, table) in [
        (
            "ratio_of_earnings_to_fixed_charges",
            &f.ratio_of_earnings_to_fixed_charges,
            ("income_statement", &f.income_statement),
        ),
        ("book_value_per_share", &f.book_value_per_share, ("balance_sheet", &f.balance_sheet)),
    ] {
        if values.is_empty() {
            continue;
        }
        match table.1 {
            None => {
                return err(
                    &format!(".{name}"),
                    format!("give the `{}` whose periods these values are for", table.0),
                );
            }
            Some(t) if t.periods.len() != values.len() => {
                return err(
                    &format!(".{name}"),
                    format!(
                        "{} for {}: give one for each period of `{}.periods`, `~` where none is presented",
                        counted(values.len(), "value"),
                        counted(t.periods.len(), "period"),
                        table.0
                    ),
                );
            }
            _ => {}
        }
    }
    Ok(())
}

/// "1 value", "3 values".
fn counted(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

fn directors(loaded: &LoadedTerms, t: &Terms) -> Check {
    let people = &t.disclosure.directors_and_officers;
    for (i, p) in people.iter().enumerate() {
        let here = format!("disclosure.directors_and_officers[{i}]");
        let err = |field: &str, message: String| Err(loaded.error_at(&format!("{here}.{field}"), message));
        if let Some(j) = people[..i].iter().position(|o| o.name == p.name) {
            return err("name", format!("{} is already listed, at `directors_and_officers[{j}]`", p.name));
        }
        let Some(owned) = p.shares_beneficially_owned else {
            if p.rights_to_acquire.is_some() {
                return err(
                    "rights_to_acquire",
                    "give `shares_beneficially_owned`, which includes these".into(),
                );
            }
            continue;
        };
        if t.security.notes.is_some() {
            return err(
                "shares_beneficially_owned",
                "the class sought is notes: holdings of Notes are not shares; leave this out (Schedule I leaves them to draft)".into(),
            );
        }
        if !t.offer.other_classes.is_empty() {
            return err(
                "shares_beneficially_owned",
                "an offer for several classes: holdings of each class are not yet supported; leave this out (Schedule I leaves them to draft)".into(),
            );
        }
        let rights = p.rights_to_acquire.map_or(0, |r| r.0);
        if rights > owned.0 {
            return err(
                "rights_to_acquire",
                format!(
                    "{rights} Shares to acquire, more than the {} beneficially owned, which include them",
                    owned.0
                ),
            );
        }
        if let Some(outstanding) = t.security.shares_outstanding {
            let held = owned.0 - rights;
            if held > outstanding.0 {
                return err(
                    "shares_beneficially_owned",
                    format!(
                        "{held} Shares held (beyond any to acquire), more than the {} outstanding (`security.shares_outstanding`)",
                        outstanding.0
                    ),
                );
            }
        }
    }
    Ok(())
}

fn transactions(loaded: &LoadedTerms, t: &Terms) -> Check {
    let Some(list) = &t.disclosure.transactions_60_days else { return Ok(()) };
    if !list.is_empty() && (t.security.notes.is_some() || !t.offer.other_classes.is_empty()) {
        return Err(loaded.error_at(
            "disclosure.transactions_60_days",
            "transactions are listed in Shares of one class; for notes or several classes leave them out (Schedule I leaves them to draft), or give `[]` for none",
        ));
    }
    let Some(start) = t.dates.commencement else { return Ok(()) };
    for (i, tx) in list.iter().enumerate() {
        if tx.date.0 > start.0 {
            return Err(loaded.error_at(
                &format!("disclosure.transactions_60_days[{i}].date"),
                format!(
                    "{} is after the Offer commences ({}): Item 1008(b) reports the transactions of the 60 days before it",
                    tx.date.0, start.0
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn quarters_of_a_june_year_end_at_month_ends() {
        let end = FiscalYearEnd { month: 6, day: 30 };
        assert_eq!(end.quarter_end(2024, 1), day(2023, 9, 30));
        assert_eq!(end.quarter_end(2024, 2), day(2023, 12, 31));
        assert_eq!(end.quarter_end(2024, 3), day(2024, 3, 31));
        assert_eq!(end.quarter_start(2024, 1), day(2023, 7, 1));
        assert_eq!(end.year_of(day(2024, 1, 2)), 2024);
        assert_eq!(end.year_of(day(2024, 7, 1)), 2025);
    }

    #[test]
    fn the_required_quarters_are_two_years_and_the_current_one_to_date() {
        let end = FiscalYearEnd { month: 12, day: 31 };
        let q = required_quarters(end, day(2024, 1, 2));
        assert_eq!(q.len(), 9);
        assert_eq!(q.first(), Some(&(2022, 1)));
        assert_eq!(q.last(), Some(&(2024, 1)));
        assert_eq!(required_quarters(end, day(2024, 5, 15)).len(), 10);
    }

    #[test]
    fn quarters_are_read_from_the_words_counsel_use() {
        let p = |text: &str| super::super::PricePeriod {
            period: Some(Text(text.into())),
            fiscal_year: None,
            quarter: None,
            high: Positive(Decimal::ONE),
            low: Positive(Decimal::ONE),
        };
        assert_eq!(quarter_of(&p("Fourth Quarter 2023")), Some((2023, 4)));
        assert_eq!(quarter_of(&p("Q3 2023")), Some((2023, 3)));
        assert_eq!(quarter_of(&p("First Quarter of Fiscal 2024 (through January 2, 2024)")), Some((2024, 1)));
        assert_eq!(quarter_of(&p("January 2024")), None);
        assert_eq!(quarter_of(&p("Fourth Quarter 2023 to First Quarter 2024")), None);
    }
}
