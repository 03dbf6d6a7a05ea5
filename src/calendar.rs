//! The business-day calendar: business days under Rule 14d-1(g)(3), federal holidays computed
//! from 5 U.S.C. 6103 with the weekend observance rule, the closures of the executive
//! departments by executive order (not business days unless the user counts them), and the
//! days a user adds or removes. It knows dates only, not offers: the
//! dates the rules derive for an offer are [`crate::timetable`]'s.
//!
//! Counting convention: a period "from" a day (commencement, or the publication of an
//! amendment) counts that day as business day 1 when it is a business day, otherwise the next
//! business day is day 1; the period ends at the end of its last business day.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use crate::format;

/// A day the President closed the executive departments and agencies by executive order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExecutiveOrderClosure {
    pub date: NaiveDate,
    /// The order, as cited ("Executive Order 13852"), or "Executive order" when its number
    /// is not known.
    pub order: &'static str,
    /// The day the order was signed.
    pub signed: NaiveDate,
    pub occasion: &'static str,
    /// What of the order's citation could not be checked against the Federal Register.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified: Option<&'static str>,
    /// False for an order that closed only part of the workday: a business day under Rule
    /// 14d-1(g)(3) runs from 12:01 a.m. to midnight, so such a day stays a business day.
    pub whole_day: bool,
}

impl ExecutiveOrderClosure {
    /// "Executive Order 13852 of December 1, 2018".
    pub fn citation(&self) -> String {
        format!("{} of {}", self.order, format::date(self.signed))
    }
}

/// `(year, month, day)` of a closure, the order, `(year, month, day)` it was signed, the
/// occasion, and what of the citation is unverified. Each order closed the SEC with the rest
/// of the executive branch, and each deems its day within 5 U.S.C.
/// 6103(b); whether that makes it a "federal holiday" under Rule 14d-1(g)(3) the SEC has not
/// said, which is why the terms choose ([`ExecutiveOrders`]).
type ClosureRow = ((i32, u32, u32), &'static str, (i32, u32, u32), &'static str, Option<&'static str>);

const EXECUTIVE_ORDER_CLOSURE_ROWS: [ClosureRow; 11] = [
    ((2012, 12, 24), "Executive Order 13633", (2012, 12, 21), "Christmas Eve", None),
    ((2014, 12, 26), "Executive Order 13682", (2014, 12, 5), "the day after Christmas Day", None),
    (
        (2015, 12, 24),
        "Executive Order 13713",
        (2015, 12, 11),
        "Christmas Eve (the order closed the last half of the workday only)",
        Some(
            "the signing date; the number and the half-day closing are from a summary of the order, not the Federal Register",
        ),
    ),
    (
        (2018, 12, 5),
        "Executive Order 13852",
        (2018, 12, 1),
        "National Day of Mourning for President George H. W. Bush",
        None,
    ),
    ((2018, 12, 24), "Executive Order 13854", (2018, 12, 18), "Christmas Eve", None),
    ((2019, 12, 24), "Executive Order 13900", (2019, 12, 17), "Christmas Eve", None),
    (
        (2020, 12, 24),
        "Executive Order 13965",
        (2020, 12, 11),
        "Christmas Eve",
        Some("the number is from a summary of the order, not the Federal Register"),
    ),
    (
        (2024, 12, 24),
        "Executive order",
        (2024, 12, 19),
        "Christmas Eve",
        Some("the order's number was not found"),
    ),
    (
        (2025, 1, 9),
        "Executive Order 14133",
        (2024, 12, 30),
        "National Day of Mourning for President Jimmy Carter",
        None,
    ),
    (
        (2025, 12, 24),
        "Executive order",
        (2025, 12, 18),
        "Christmas Eve",
        Some("the order's number was not found"),
    ),
    (
        (2025, 12, 26),
        "Executive order",
        (2025, 12, 18),
        "the day after Christmas Day",
        Some("the order's number was not found"),
    ),
];

/// Closures of part of the workday only (Executive Order 13713: the last half of December 24,
/// 2015): listed, never counted as a closed day.
const PART_DAY_CLOSURES: [(i32, u32, u32); 1] = [(2015, 12, 24)];

/// The table, built once: the calendar asks it for every day it counts.
static CLOSURES: std::sync::LazyLock<Vec<ExecutiveOrderClosure>> =
    std::sync::LazyLock::new(executive_order_closures);

/// The closures by executive order secdraft knows, earliest first.
pub fn executive_order_closures() -> Vec<ExecutiveOrderClosure> {
    EXECUTIVE_ORDER_CLOSURE_ROWS
        .iter()
        .filter_map(|&((y, m, d), order, (sy, sm, sd), occasion, unverified)| {
            Some(ExecutiveOrderClosure {
                date: date(y, m, d)?,
                order,
                signed: date(sy, sm, sd)?,
                occasion,
                unverified,
                whole_day: !PART_DAY_CLOSURES.contains(&(y, m, d)),
            })
        })
        .collect()
}

/// Whether the closures by executive order count as business days. Since the SEC has not said,
/// the default reads each closure the way that cannot put the offer in breach: not a business
/// day for the periods an offer must stay open (Rule 14e-1(a) and (b): a closure counted that
/// the SEC treats as a holiday would end the offer a day short), and a business day for the
/// deadlines that run against the bidder (the day withdrawal rights begin, the Rule 14e-1(d)
/// notice of an extension), so that neither is printed a day late.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExecutiveOrders {
    /// Not business days for periods the offer must stay open; business days for deadlines.
    #[default]
    Conservative,
    /// The closures are not business days.
    Closed,
    /// The closures count as business days.
    BusinessDays,
}

/// Days a user adds to or removes from the holidays (the terms' `calendar`, or `calendar
/// --closed/--open`), for closures the built-in list lacks or disputes, and whether the
/// closures by executive order count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Days that are not business days although the rules would count them.
    pub add: Vec<NaiveDate>,
    /// Holidays or closures that should count as business days.
    pub remove: Vec<NaiveDate>,
    pub executive_orders: ExecutiveOrders,
}

/// Why a day is not a business day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NonBusinessDay {
    pub date: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    added: BTreeSet<NaiveDate>,
    removed: BTreeSet<NaiveDate>,
    executive_orders: ExecutiveOrders,
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The `n`th `weekday` of a month (1-based); `n = 5` means the last.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    if n == 5 {
        let next_month = if month == 12 { date(year + 1, 1, 1) } else { date(year, month + 1, 1) }?;
        let mut d = next_month.pred_opt()?;
        while d.weekday() != weekday {
            d = d.pred_opt()?;
        }
        return Some(d);
    }
    let first = date(year, month, 1)?;
    let offset = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    first.checked_add_days(Days::new(u64::from(offset + 7 * (n - 1))))
}

/// A fixed-date holiday moves to Friday when it falls on Saturday, to Monday on Sunday.
fn observed(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => d.pred_opt().unwrap_or(d),
        Weekday::Sun => d.succ_opt().unwrap_or(d),
        _ => d,
    }
}

/// The federal holidays of `year` (5 U.S.C. 6103), as observed, with their names. Each holiday
/// appears only from the year it began; the Monday holidays follow the Uniform Monday Holiday
/// Act from 1971. A New Year's Day observed on December 31 belongs to the next year's list.
pub fn federal_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let monday_rules = year >= 1971;
    let mut days: Vec<(Option<NaiveDate>, &'static str)> = vec![
        (date(year, 1, 1).map(observed), "New Year's Day"),
        (
            if year >= 1986 { nth_weekday(year, 1, Weekday::Mon, 3) } else { None },
            "Martin Luther King Jr. Day",
        ),
        (
            if monday_rules {
                nth_weekday(year, 2, Weekday::Mon, 3)
            } else {
                date(year, 2, 22).map(observed)
            },
            "Washington's Birthday",
        ),
        (
            if monday_rules {
                nth_weekday(year, 5, Weekday::Mon, 5)
            } else {
                date(year, 5, 30).map(observed)
            },
            "Memorial Day",
        ),
        (
            if year >= 2021 { date(year, 6, 19).map(observed) } else { None },
            "Juneteenth National Independence Day",
        ),
        (date(year, 7, 4).map(observed), "Independence Day"),
        (nth_weekday(year, 9, Weekday::Mon, 1), "Labor Day"),
        (
            if monday_rules {
                nth_weekday(year, 10, Weekday::Mon, 2)
            } else {
                date(year, 10, 12).map(observed)
            },
            "Columbus Day",
        ),
        (
            // From 1971 through 1977 Veterans Day was the fourth Monday of October.
            if (1971..=1977).contains(&year) {
                nth_weekday(year, 10, Weekday::Mon, 4)
            } else {
                date(year, 11, 11).map(observed)
            },
            "Veterans Day",
        ),
        (nth_weekday(year, 11, Weekday::Thu, 4), "Thanksgiving Day"),
        (date(year, 12, 25).map(observed), "Christmas Day"),
    ];
    days.retain(|(d, _)| d.is_some());
    let mut out: Vec<(NaiveDate, &'static str)> =
        days.into_iter().filter_map(|(d, n)| d.map(|d| (d, n))).collect();
    // New Year's Day of the next year, observed on Friday, December 31 of this one.
    if let Some(next) = date(year + 1, 1, 1)
        && next.weekday() == Weekday::Sat
        && let Some(eve) = date(year, 12, 31)
    {
        out.push((eve, "New Year's Day (observed)"));
    }
    out.retain(|(d, _)| d.year() == year);
    out.sort();
    out
}

impl Calendar {
    pub fn new(overrides: &Overrides) -> Calendar {
        Calendar {
            added: overrides.add.iter().copied().collect(),
            removed: overrides.remove.iter().copied().collect(),
            executive_orders: overrides.executive_orders,
        }
    }

    /// Why `day` is not a business day, or `None` when it is one.
    pub fn closed(&self, day: NaiveDate) -> Option<String> {
        match day.weekday() {
            Weekday::Sat => return Some("Saturday".into()),
            Weekday::Sun => return Some("Sunday".into()),
            _ => {}
        }
        if self.removed.contains(&day) {
            return None;
        }
        if self.added.contains(&day) {
            return Some("closure added in the terms".into());
        }
        if let Some((_, name)) = federal_holidays(day.year()).into_iter().find(|(d, _)| *d == day) {
            return Some(name.into());
        }
        if self.executive_orders == ExecutiveOrders::BusinessDays {
            return None;
        }
        CLOSURES
            .iter()
            .find(|c| c.date == day && c.whole_day)
            .map(|c| format!("{} ({})", c.occasion, c.citation()))
    }

    /// The calendar for deadlines that run against the bidder (the day withdrawal rights begin,
    /// the Rule 14e-1(d) notice): under the conservative reading a closure by executive order
    /// is a business day there, so the deadline is never printed later than the SEC may hold.
    pub fn for_deadlines(&self) -> Calendar {
        let mut deadlines = self.clone();
        if deadlines.executive_orders == ExecutiveOrders::Conservative {
            deadlines.executive_orders = ExecutiveOrders::BusinessDays;
        }
        deadlines
    }

    pub fn is_business_day(&self, day: NaiveDate) -> bool {
        self.closed(day).is_none()
    }

    /// The holidays and closures in force, by date, between two days inclusive.
    pub fn holidays_between(&self, from: NaiveDate, to: NaiveDate) -> BTreeMap<NaiveDate, String> {
        from.iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            .filter_map(|d| self.closed(d).map(|why| (d, why)))
            .collect()
    }

    /// Business day 1 of a period from `day`: the day itself when it is a business day,
    /// otherwise the next business day.
    pub fn day_one(&self, day: NaiveDate) -> Option<NaiveDate> {
        day.iter_days().take(60).find(|d| self.is_business_day(*d))
    }

    /// The `n`th business day after `day`, not counting `day` itself (`n = 0` is `day`).
    pub fn advance(&self, day: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut current = day;
        let mut left = n;
        while left > 0 {
            current = current.succ_opt()?;
            if self.is_business_day(current) {
                left -= 1;
            }
        }
        Some(current)
    }

    /// The last day of a period of `n` business days from `day` (day 1 as above).
    pub fn period_end(&self, day: NaiveDate, n: u32) -> Option<NaiveDate> {
        let first = self.day_one(day)?;
        self.advance(first, n.checked_sub(1)?)
    }

    /// The next business day after `day`.
    pub fn next_business_day(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.advance(day, 1)
    }

    /// Every day from `from` through `to` that is not a business day, with the reason.
    pub fn skipped(&self, from: NaiveDate, to: NaiveDate) -> Vec<NonBusinessDay> {
        from.iter_days()
            .take_while(|d| *d <= to)
            .filter_map(|d| self.closed(d).map(|reason| NonBusinessDay { date: d, reason }))
            .collect()
    }
}

/// A date the user typed that is not one, or a count that runs past the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// Not written YYYY-MM-DD.
    NotADate(String),
    /// Written YYYY-MM-DD, but no such day (February 30).
    NotOnTheCalendar(String),
    /// Counting `business_days` from `from` runs past the last date the calendar holds.
    PastTheCalendar { from: NaiveDate, business_days: u32 },
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::NotADate(text) => write!(f, "`{text}` is not a date written YYYY-MM-DD"),
            CalendarError::NotOnTheCalendar(text) => write!(f, "{text} is not a date on the calendar"),
            CalendarError::PastTheCalendar { from, business_days } => {
                write!(f, "counting {business_days} business days from {from} runs past the calendar")
            }
        }
    }
}

impl std::error::Error for CalendarError {}

/// A date as the command line takes it: `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, CalendarError> {
    let shaped = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    if !shaped {
        return Err(CalendarError::NotADate(text.to_owned()));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| CalendarError::NotOnTheCalendar(text.to_owned()))
}

/// A count of business days from a date: `end` is the last business day counted, `skipped`
/// the days passed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub from: NaiveDate,
    pub business_days: u32,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub skipped: Vec<NonBusinessDay>,
}

impl Count {
    pub fn new(cal: &Calendar, from: NaiveDate, business_days: u32) -> Result<Count, CalendarError> {
        let past = || CalendarError::PastTheCalendar { from, business_days };
        let start = cal.day_one(from).ok_or_else(past)?;
        let end = cal.period_end(from, business_days).ok_or_else(past)?;
        Ok(Count { from, business_days, start, end, skipped: cal.skipped(from, end) })
    }

    /// The count as `secdraft calendar --from` prints it: weekends go without saying.
    pub fn text(&self) -> String {
        let mut out = format!(
            "{} business days from {}: business day 1 is {}, business day {} is {}.\n",
            self.business_days,
            format::date_with_weekday(self.from),
            format::date_with_weekday(self.start),
            self.business_days,
            format::date_with_weekday(self.end)
        );
        for day in self.skipped.iter().filter(|d| !matches!(d.reason.as_str(), "Saturday" | "Sunday")) {
            out.push_str(&format!("  skipped {}: {}\n", format::date_with_weekday(day.date), day.reason));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn counts_twenty_business_days_across_a_holiday() {
        let cal = Calendar::default();
        // Martin Luther King Jr. Day, January 15, 2024, is skipped.
        assert_eq!(cal.period_end(d(2024, 1, 2), 20), Some(d(2024, 1, 30)));
        // A Saturday start counts from Monday.
        assert_eq!(cal.day_one(d(2024, 1, 6)), Some(d(2024, 1, 8)));
    }

    #[test]
    fn dates_are_read_as_yyyy_mm_dd_on_the_calendar() {
        assert_eq!(parse_date("2024-01-02"), Ok(d(2024, 1, 2)));
        assert_eq!(
            parse_date("2024-1-2").unwrap_err().to_string(),
            "`2024-1-2` is not a date written YYYY-MM-DD"
        );
        assert_eq!(
            parse_date("2023-02-30").unwrap_err().to_string(),
            "2023-02-30 is not a date on the calendar"
        );
    }

    #[test]
    fn a_count_names_the_holidays_it_skips_but_not_the_weekends() {
        let count = Count::new(&Calendar::default(), d(2024, 1, 12), 2).unwrap();
        assert_eq!((count.start, count.end), (d(2024, 1, 12), d(2024, 1, 16)));
        assert_eq!(count.skipped.len(), 3);
        assert!(count.text().ends_with("business day 2 is Tuesday, January 16, 2024.\n  skipped Monday, January 15, 2024: Martin Luther King Jr. Day\n"), "{}", count.text());
    }

    #[test]
    fn overrides_add_and_remove_days() {
        let remove = Overrides { remove: vec![d(2025, 1, 9)], ..Overrides::default() };
        assert!(Calendar::new(&remove).is_business_day(d(2025, 1, 9)));
        assert!(!Calendar::default().is_business_day(d(2025, 1, 9)));
        let add = Overrides { add: vec![d(2024, 12, 23)], ..Overrides::default() };
        assert!(!Calendar::new(&add).is_business_day(d(2024, 12, 23)));
    }

    #[test]
    fn every_executive_order_closure_is_a_weekday_that_is_no_federal_holiday() {
        let closures = executive_order_closures();
        assert_eq!(closures.len(), EXECUTIVE_ORDER_CLOSURE_ROWS.len(), "every row is a date");
        for c in &closures {
            assert!(!matches!(c.date.weekday(), Weekday::Sat | Weekday::Sun), "{c:?}");
            assert!(!federal_holidays(c.date.year()).iter().any(|(h, _)| *h == c.date), "{c:?}");
            assert!(c.signed < c.date, "an order precedes its closure: {c:?}");
        }
        assert!(closures.windows(2).all(|w| w[0].date < w[1].date));
    }

    #[test]
    fn the_terms_choose_whether_executive_order_closures_count() {
        let closed = Calendar::default();
        assert_eq!(
            closed.closed(d(2018, 12, 5)).as_deref(),
            Some(
                "National Day of Mourning for President George H. W. Bush (Executive Order 13852 of December 1, 2018)"
            )
        );
        let counted = Calendar::new(&Overrides {
            executive_orders: ExecutiveOrders::BusinessDays,
            ..Overrides::default()
        });
        for c in executive_order_closures() {
            // A closure of part of the workday leaves a business day under every choice.
            assert_eq!(closed.is_business_day(c.date), !c.whole_day, "{c:?}");
            assert!(counted.is_business_day(c.date), "{c:?}");
        }
        // A day the user adds stays closed whatever the choice; federal holidays are unaffected.
        let added = Overrides {
            add: vec![d(2024, 12, 24)],
            executive_orders: ExecutiveOrders::BusinessDays,
            ..Overrides::default()
        };
        assert!(!Calendar::new(&added).is_business_day(d(2024, 12, 24)));
        assert!(!counted.is_business_day(d(2024, 12, 25)));
    }
}
