//! The tender offer clock: business days under Rule 14d-1(g)(3), federal holidays computed
//! from 5 U.S.C. 6103 with the weekend observance rule, the one-off closures the SEC treated
//! as holidays, and the dates the rules derive from them.
//!
//! Counting convention: a period "from" a day (commencement, or the publication of an
//! amendment) counts that day as business day 1 when it is a business day, otherwise the next
//! business day is day 1; the period ends at the end of its last business day.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::terms::Date;

/// Closures by executive order that the SEC treated as holidays (reference section 2). Whether
/// they stop the tender offer clock is not settled, so a terms file may remove them.
pub const ONE_OFF_CLOSURES: [(i32, u32, u32, &str); 4] = [
    (2018, 12, 5, "National Day of Mourning for President George H. W. Bush"),
    (2020, 12, 24, "Christmas Eve closure by executive order"),
    (2021, 6, 18, "Juneteenth National Independence Day (first observance)"),
    (2025, 1, 9, "National Day of Mourning for President Jimmy Carter"),
];

/// Days a terms file adds to or removes from the holidays, for closures the built-in list
/// lacks or disputes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Days that are not business days although the rules would count them.
    #[serde(default)]
    pub add: Vec<Date>,
    /// Holidays or closures that should count as business days.
    #[serde(default)]
    pub remove: Vec<Date>,
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
            added: overrides.add.iter().map(|d| d.0).collect(),
            removed: overrides.remove.iter().map(|d| d.0).collect(),
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
        ONE_OFF_CLOSURES
            .iter()
            .find(|(y, m, d, _)| date(*y, *m, *d) == Some(day))
            .map(|(_, _, _, name)| (*name).to_owned())
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
    fn overrides_add_and_remove_days() {
        let remove = Overrides { add: vec![], remove: vec![Date(d(2025, 1, 9))] };
        assert!(Calendar::new(&remove).is_business_day(d(2025, 1, 9)));
        assert!(!Calendar::default().is_business_day(d(2025, 1, 9)));
        let add = Overrides { add: vec![Date(d(2024, 12, 24))], remove: vec![] };
        assert!(!Calendar::new(&add).is_business_day(d(2024, 12, 24)));
    }
}

/// The dates the rules derive for an offer, from its terms in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfferDates {
    pub commencement: NaiveDate,
    /// Business day 1 of the offer.
    pub day_one: NaiveDate,
    /// The earliest expiration date Rule 14e-1(a) allows at the offer's time of day.
    pub earliest_expiration: NaiveDate,
    /// The scheduled expiration in force: as the terms give it, or the earliest allowed.
    pub expiration: NaiveDate,
    pub expiration_computed: bool,
    /// Withdrawal rights also run after this day (issuer offers: the 40th business day;
    /// third-party offers: the 60th day).
    pub withdrawal_after: NaiveDate,
    pub withdrawal_rule: &'static str,
    /// An extension must be announced by 9:00 a.m. on this day.
    pub extension_notice_by: NaiveDate,
    /// For each amendment in force: the period it requires and the earliest expiration.
    pub amendments: Vec<AmendmentPeriod>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmendmentPeriod {
    pub number: u32,
    pub announced: NaiveDate,
    /// 10 (consideration or amount sought), 5 (other material change) or 0 (extension only).
    pub business_days: u32,
    pub rule: &'static str,
    pub earliest_expiration: Option<NaiveDate>,
    pub expiration: NaiveDate,
}

/// An offer whose dates break a rule; `field` is the terms field to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub field: String,
    pub message: String,
    pub help: String,
}

/// The last business day of a period of `days` that an offer expiring at `time` satisfies:
/// expiring at midnight ends day `days`; at 5:00 p.m. or 11:59 p.m. that day has not ended,
/// so the offer must run into the next one.
fn earliest_for(
    cal: &Calendar,
    from: NaiveDate,
    days: u32,
    time: crate::terms::ExpirationTime,
) -> Option<NaiveDate> {
    let extra = u32::from(time != crate::terms::ExpirationTime::EndOfDay);
    cal.period_end(from, days + extra)
}

fn long(d: NaiveDate) -> String {
    crate::format::date_with_weekday(d)
}

impl OfferDates {
    /// Computes the dates of a commenced offer from the whole terms file; `None` before
    /// commencement.
    pub fn compute(terms: &crate::terms::Terms, cal: &Calendar) -> Result<Option<OfferDates>, DateError> {
        use crate::terms::{FilingRole, Stage};
        let Some(commencement) = terms.dates.commencement.map(|d| d.0) else { return Ok(None) };
        if terms.stage() == Stage::Intent {
            return Ok(None);
        }
        let time = terms.dates.expiration_time;
        let out_of_range = || DateError {
            field: "dates.commencement".into(),
            message: "the offer's dates run past the calendar".into(),
            help: String::new(),
        };
        let day_one = cal.day_one(commencement).ok_or_else(out_of_range)?;
        let earliest = earliest_for(cal, commencement, 20, time).ok_or_else(out_of_range)?;
        let original = terms.dates.expiration.map(|d| d.0);
        if let Some(given) = original
            && given < earliest
        {
            return Err(DateError {
                field: "dates.expiration".into(),
                message: format!(
                    "Rule 14e-1(a) keeps an offer open at least 20 business days: commenced {}, it may expire no earlier than {}, New York City time, on {}",
                    long(commencement),
                    time.words(),
                    long(earliest)
                ),
                help: if time == crate::terms::ExpirationTime::EndOfDay {
                    format!("set `dates.expiration: {earliest}` or later")
                } else {
                    format!(
                        "at {} the 20th business day ({}) has not ended; set `dates.expiration: {earliest}`, or expire at one minute after 11:59 p.m. on the 20th business day",
                        time.words(),
                        long(cal.period_end(commencement, 20).unwrap_or(earliest))
                    )
                },
            });
        }

        let third_party = !terms
            .filing_persons
            .iter()
            .any(|p| p.name == terms.issuer.name && p.roles.contains(&FilingRole::Offeror));
        let (withdrawal_after, withdrawal_rule) = if third_party {
            (
                commencement.checked_add_days(Days::new(60)).ok_or_else(out_of_range)?,
                "Section 14(d)(5) of the Exchange Act: 60 days from the commencement",
            )
        } else {
            (
                cal.period_end(commencement, 40).ok_or_else(out_of_range)?,
                "Rule 13e-4(f)(2)(ii): after 40 business days from the commencement",
            )
        };

        let through = terms.filing.amendment.unwrap_or(0);
        let mut amendments = Vec::new();
        let mut expiration = original.unwrap_or(earliest);
        for (i, a) in terms.amendments.iter().enumerate().filter(|(_, a)| a.number <= through) {
            let before = terms.amended_through(a.number - 1);
            let after = terms.amended_through(a.number);
            let (business_days, rule) = amendment_period(&a.changes, &before, &after);
            if let Some(changed) = a.changes.expiration {
                expiration = changed.0;
            }
            let earliest_after = if business_days > 0 {
                Some(earliest_for(cal, a.date.0, business_days, time).ok_or_else(out_of_range)?)
            } else {
                None
            };
            let floor = earliest_after.map_or(earliest, |e| e.max(earliest));
            if expiration < floor {
                let field = if a.changes.expiration.is_some() {
                    format!("amendments[{i}].changes.expiration")
                } else {
                    format!("amendments[{i}].changes")
                };
                return Err(DateError {
                    field,
                    message: format!(
                        "{rule}: after Amendment No. {} of {}, the offer may expire no earlier than {}, New York City time, on {}",
                        a.number,
                        long(a.date.0),
                        time.words(),
                        long(floor)
                    ),
                    help: format!(
                        "extend the offer: `expiration: {floor}` or later in the amendment's changes"
                    ),
                });
            }
            amendments.push(AmendmentPeriod {
                number: a.number,
                announced: a.date.0,
                business_days,
                rule,
                earliest_expiration: earliest_after,
                expiration,
            });
        }
        let extension_notice_by = cal.next_business_day(expiration).ok_or_else(out_of_range)?;
        Ok(Some(OfferDates {
            commencement,
            day_one,
            earliest_expiration: earliest,
            expiration,
            expiration_computed: original.is_none(),
            withdrawal_after,
            withdrawal_rule,
            extension_notice_by,
            amendments,
        }))
    }
}

/// The minimum period an amendment requires (Rule 14e-1(b) and staff guidance): 10 business
/// days when the consideration or the number sought changes (a change of up to 2% of the class
/// outstanding is not such a change), 5 for another material change, none for an extension.
fn amendment_period(
    changes: &crate::terms::Changes,
    before: &crate::terms::Terms,
    after: &crate::terms::Terms,
) -> (u32, &'static str) {
    let price = changes.aggregate_liquidation_preference.is_some()
        || changes.block.is_some()
        || changes.cash_price.is_some()
        || changes.min_price.is_some()
        || changes.max_price.is_some();
    let amount = match (before.offer.max_shares, after.offer.max_shares, after.security.shares_outstanding) {
        (Some(old), Some(new), Some(outstanding)) => old.0.abs_diff(new.0) > outstanding.0 / 50,
        (Some(old), Some(new), None) => old != new,
        _ => false,
    };
    if price || amount {
        (10, "Rule 14e-1(b) (a change in the consideration or the amount sought)")
    } else if changes.min_shares.is_some() || changes.conditions.is_some() {
        (5, "SEC staff position on other material changes (5 business days)")
    } else {
        (0, "an extension only")
    }
}
