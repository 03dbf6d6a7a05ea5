//! The offer's timetable: the dates the tender offer rules derive from the terms in force
//! (business day 1, the earliest expiration under Rule 14e-1(a), the periods amendments
//! require, withdrawal rights, the extension notice), checked against those rules, and the
//! timetable `secdraft calendar TERMS` prints.
//!
//! It reads an offer through [`Schedule`], which the terms provide (`Schedule::from(&terms)`),
//! and counts with the [`Calendar`]: the terms validate their dates with it, so it does not
//! import them.
//!
//! Counting convention: a period "from" a day (commencement, or the publication of an
//! amendment) counts that day as business day 1 when it is a business day, otherwise the next
//! business day is day 1; the period ends at the end of its last business day.

use std::fmt;

use chrono::{Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, NonBusinessDay};
use crate::format;

/// The time of day the offer expires, New York City time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum ExpirationTime {
    /// "one minute after 11:59 p.m.": the full last business day.
    #[default]
    #[serde(rename = "one minute after 11:59 p.m.")]
    EndOfDay,
    #[serde(rename = "11:59 p.m.")]
    ElevenFiftyNine,
    #[serde(rename = "5:00 p.m.")]
    FivePm,
}

impl ExpirationTime {
    pub fn words(self) -> &'static str {
        match self {
            ExpirationTime::EndOfDay => "one minute after 11:59 p.m.",
            ExpirationTime::ElevenFiftyNine => "11:59 p.m.",
            ExpirationTime::FivePm => "5:00 p.m.",
        }
    }
}

/// What the timetable reads of an offer: its dates, who makes it, and the amendments in
/// force for the filing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub announcement: NaiveDate,
    pub commencement: Option<NaiveDate>,
    /// False for a communication before the offer commences: it has no timetable yet.
    pub commenced: bool,
    /// The expiration the terms give, if any.
    pub expiration: Option<NaiveDate>,
    /// The time of day the offer expires as commenced; amendments may move it.
    pub expiration_time: ExpirationTime,
    /// A third party's offer (Section 14(d)) rather than the issuer's own (Rule 13e-4).
    pub third_party: bool,
    /// The amendments in force for the filing, in order.
    pub amendments: Vec<ScheduledAmendment>,
    /// The day the results are announced.
    pub results: Option<NaiveDate>,
}

/// One amendment as the timetable reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledAmendment {
    /// Its place in the terms' `amendments` list, to name the field an error is about.
    pub index: usize,
    pub number: u32,
    pub announced: NaiveDate,
    /// The change of consideration or amount sought, or other material change, it makes.
    pub change: Materiality,
    /// The expiration it sets, if it extends the offer.
    pub expiration: Option<NaiveDate>,
    /// The time of day it moves the expiration to, if it does.
    pub expiration_time: Option<ExpirationTime>,
}

/// How far an amendment changes the offer, for the period it must stay open after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Materiality {
    /// The consideration or the amount sought changes (a change of up to 2% of the class
    /// outstanding is not such a change).
    PriceOrAmount,
    /// Another material change: the minimum condition or the conditions.
    OtherMaterial,
    /// An extension only.
    ExtensionOnly,
}

impl Materiality {
    /// The more material first: the period the most material change sets applies.
    pub fn rank(self) -> u8 {
        match self {
            Materiality::PriceOrAmount => 0,
            Materiality::OtherMaterial => 1,
            Materiality::ExtensionOnly => 2,
        }
    }

    /// The minimum period (Rule 14e-1(b) and staff guidance) and the rule that sets it.
    fn period(self) -> (u32, &'static str) {
        match self {
            Materiality::PriceOrAmount => {
                (10, "Rule 14e-1(b) (a change in the consideration or the amount sought)")
            }
            Materiality::OtherMaterial => {
                (5, "SEC staff position on other material changes (5 business days)")
            }
            Materiality::ExtensionOnly => (0, "an extension only"),
        }
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
    /// The time of day of that expiration, as the amendments in force leave it.
    pub expiration_time: ExpirationTime,
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

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for DateError {}

/// The last business day of a period of `days` that an offer expiring at `time` satisfies:
/// expiring at midnight ends day `days`; at 5:00 p.m. or 11:59 p.m. that day has not ended,
/// so the offer must run into the next one.
fn earliest_for(cal: &Calendar, from: NaiveDate, days: u32, time: ExpirationTime) -> Option<NaiveDate> {
    let extra = u32::from(time != ExpirationTime::EndOfDay);
    cal.period_end(from, days + extra)
}

fn long(d: NaiveDate) -> String {
    format::date_with_weekday(d)
}

impl OfferDates {
    /// Computes the dates of a commenced offer (`terms` is a `&Terms`, or a [`Schedule`]);
    /// `None` before commencement.
    pub fn compute(terms: impl Into<Schedule>, cal: &Calendar) -> Result<Option<OfferDates>, DateError> {
        Self::of(&terms.into(), cal)
    }

    fn of(s: &Schedule, cal: &Calendar) -> Result<Option<OfferDates>, DateError> {
        let Some(commencement) = s.commencement else { return Ok(None) };
        if !s.commenced {
            return Ok(None);
        }
        let mut time = s.expiration_time;
        let out_of_range = || DateError {
            field: "dates.commencement".into(),
            message: "the offer's dates run past the calendar".into(),
            help: String::new(),
        };
        let day_one = cal.day_one(commencement).ok_or_else(out_of_range)?;
        let mut earliest = earliest_for(cal, commencement, 20, time).ok_or_else(out_of_range)?;
        let original = s.expiration;
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
                help: if time == ExpirationTime::EndOfDay {
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

        let (withdrawal_after, withdrawal_rule) = if s.third_party {
            (
                commencement.checked_add_days(Days::new(60)).ok_or_else(out_of_range)?,
                "Section 14(d)(5) of the Exchange Act: 60 days from the commencement",
            )
        } else {
            (
                cal.for_deadlines().period_end(commencement, 40).ok_or_else(out_of_range)?,
                "Rule 13e-4(f)(2)(ii): after 40 business days from the commencement",
            )
        };

        let mut amendments = Vec::new();
        let mut expiration = original.unwrap_or(earliest);
        let mut expiration_computed = original.is_none();
        for a in &s.amendments {
            let (business_days, rule) = a.change.period();
            // Once the scheduled expiration has passed the offer can only be extended, and only
            // by an announcement on the next business day (Rule 14e-1(d)); any other change
            // would come after the offer ended.
            if a.announced > expiration {
                let notice_by = cal.for_deadlines().next_business_day(expiration).ok_or_else(out_of_range)?;
                if a.expiration.is_none() || a.announced > notice_by {
                    return Err(DateError {
                        field: format!("amendments[{}].date", a.index),
                        message: format!(
                            "Amendment No. {} of {} comes after the offer expired at {}, New York City time, on {}: Rule 14e-1(d) requires an extension to be announced no later than 9:00 a.m., New York City time, on {}, the next business day",
                            a.number,
                            long(a.announced),
                            time.words(),
                            long(expiration),
                            long(notice_by)
                        ),
                        help: if a.expiration.is_none() {
                            format!(
                                "an amendment after {} must extend the offer (`expiration` in its changes) and be announced by {notice_by}",
                                long(expiration)
                            )
                        } else {
                            format!("date the amendment {notice_by} or earlier")
                        },
                    });
                }
            }
            if let Some(moved) = a.expiration_time {
                // Rule 14e-1(a)'s twenty business days are measured at the new time of day.
                time = moved;
                earliest = earliest_for(cal, commencement, 20, time).ok_or_else(out_of_range)?;
            }
            if let Some(changed) = a.expiration {
                expiration = changed;
                expiration_computed = false;
            }
            let earliest_after = if business_days > 0 {
                Some(earliest_for(cal, a.announced, business_days, time).ok_or_else(out_of_range)?)
            } else {
                None
            };
            let floor = earliest_after.map_or(earliest, |e| e.max(earliest));
            if expiration < floor {
                let i = a.index;
                let field = if a.expiration.is_some() {
                    format!("amendments[{i}].changes.expiration")
                } else {
                    format!("amendments[{i}].changes")
                };
                // The floor is the amendment's own period, or else the twenty business days
                // from commencement at the time of day the amendment set.
                let rule = if earliest_after.is_some_and(|e| e >= earliest) {
                    rule
                } else {
                    "Rule 14e-1(a) (open at least 20 business days)"
                };
                return Err(DateError {
                    field,
                    message: format!(
                        "{rule}: after Amendment No. {} of {}, the offer may expire no earlier than {}, New York City time, on {}",
                        a.number,
                        long(a.announced),
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
                announced: a.announced,
                business_days,
                rule,
                earliest_expiration: earliest_after,
                expiration,
            });
        }
        let extension_notice_by =
            cal.for_deadlines().next_business_day(expiration).ok_or_else(out_of_range)?;
        Ok(Some(OfferDates {
            commencement,
            day_one,
            earliest_expiration: earliest,
            expiration,
            expiration_computed,
            expiration_time: time,
            withdrawal_after,
            withdrawal_rule,
            extension_notice_by,
            amendments,
        }))
    }
}

/// One line of a timetable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub date: NaiveDate,
    pub weekday: String,
    pub event: String,
    pub rule: String,
}

/// The timetable of an offer: its events in date order and the holidays and closures
/// between the first and the last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timetable {
    /// The terms file it was read from, as shown.
    pub terms: String,
    pub events: Vec<Event>,
    pub holidays: Vec<NonBusinessDay>,
}

impl Timetable {
    /// The timetable of the offer in `schedule`; `terms` names the file it came from.
    pub fn build(terms: String, schedule: &Schedule, cal: &Calendar) -> Result<Timetable, DateError> {
        let mut events = Vec::new();
        let mut push = |date: NaiveDate, event: String, rule: &str| {
            events.push(Event { date, weekday: date.format("%A").to_string(), event, rule: rule.to_owned() });
        };
        if schedule.commencement.is_none_or(|c| schedule.announcement < c) {
            push(
                schedule.announcement,
                "Announcement of the offer".into(),
                "Rule 14d-2(b): file written communications on Schedule TO-C on the day of first use",
            );
        }
        let dates = OfferDates::of(schedule, cal)?;
        let time = schedule.expiration_time.words();
        if let Some(d) = &dates {
            push(
                d.commencement,
                "Commencement".into(),
                "Rule 14d-2(a): 12:01 a.m. on the day the means to tender are first published or sent",
            );
            if d.day_one != d.commencement {
                push(
                    d.day_one,
                    "Business day 1 (the commencement day is not a business day)".into(),
                    "Rule 14d-1(g)(3)",
                );
            }
            push(
                d.earliest_expiration,
                format!("Earliest expiration, at {time}, New York City time"),
                "Rule 14e-1(a): open at least 20 business days",
            );
            for a in &d.amendments {
                push(
                    a.announced,
                    format!("Amendment No. {} announced", a.number),
                    "publication starts any minimum period",
                );
                if let Some(earliest) = a.earliest_expiration {
                    push(
                        earliest,
                        format!(
                            "Earliest expiration after Amendment No. {} ({} business days)",
                            a.number, a.business_days
                        ),
                        a.rule,
                    );
                }
            }
            let scheduled = if d.expiration_computed {
                "Expiration (none given: the earliest allowed)"
            } else {
                "Scheduled expiration"
            };
            push(
                d.expiration,
                format!("{scheduled}, at {}, New York City time", d.expiration_time.words()),
                "the terms in force",
            );
            push(
                d.extension_notice_by,
                "Any extension announced by 9:00 a.m., New York City time".into(),
                "Rule 14e-1(d): next business day after the scheduled expiration",
            );
            push(
                d.withdrawal_after,
                "Withdrawal rights also run after 11:59 p.m. this day".into(),
                d.withdrawal_rule,
            );
        }
        if let Some(results) = schedule.results {
            push(results, "Results announced".into(), "final amendment to Schedule TO");
        }
        events.sort_by_key(|e| e.date);
        let first = events.first().map_or(schedule.announcement, |e| e.date);
        let last = events.last().map_or(first, |e| e.date);
        let holidays = cal
            .holidays_between(first, last)
            .into_iter()
            .map(|(date, reason)| NonBusinessDay { date, reason })
            .collect();
        Ok(Timetable { terms, events, holidays })
    }

    /// The timetable as `secdraft calendar TERMS` prints it.
    pub fn text(&self) -> String {
        let mut out = format!("Timetable of the offer in {}\n\n", self.terms);
        let width = self.events.iter().map(|e| format::date_with_weekday(e.date).len()).max().unwrap_or(0);
        for e in &self.events {
            out.push_str(&format!("{:width$}  {}\n", format::date_with_weekday(e.date), e.event));
            out.push_str(&format!("{:width$}  ({})\n", "", e.rule));
        }
        if !self.holidays.is_empty() {
            out.push_str("\nHolidays and closures in the period (not business days):\n");
            for h in &self.holidays {
                out.push_str(&format!("  {}: {}\n", format::date_with_weekday(h.date), h.reason));
            }
        }
        out
    }
}
