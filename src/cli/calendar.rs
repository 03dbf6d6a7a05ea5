//! `secdraft calendar TERMS` (the offer's timetable) and
//! `secdraft calendar --from DATE --business-days N` (a count without terms).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::calendar::{Calendar, NonBusinessDay, OfferDates, Overrides};
use crate::diagnostics::{Diagnostic, display_path};
use crate::format;
use crate::terms::{self, Date};

/// Print the timetable of an offer, or count business days from a date.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft calendar data/meridian-exchange-commenced.yaml\n  \
                        secdraft calendar --from 2024-01-02 --business-days 20 --format json\n\n\
                        A count from a date takes that date as business day 1 when it is a business day, \
                        otherwise the next business day; business days follow Rule 14d-1(g)(3): not a \
                        Saturday, Sunday or federal holiday.")]
pub struct CalendarArgs {
    /// A terms file: print the timetable of its offer.
    #[arg(value_name = "TERMS", conflicts_with_all = ["from", "business_days"], required_unless_present = "from")]
    terms: Option<PathBuf>,

    /// Count from this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "business_days")]
    from: Option<NaiveDate>,

    /// How many business days to count, the first included (1 to 10000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000), requires = "from")]
    business_days: Option<u32>,

    /// Treat this date as a holiday too (repeatable); with --from.
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "from")]
    closed: Vec<NaiveDate>,

    /// Count this holiday or closure as a business day (repeatable); with --from.
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "from")]
    open: Vec<NaiveDate>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    if !shaped {
        return Err(format!("`{text}` is not a date written YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("{text} is not a date on the calendar"))
}

/// The JSON of a count: `end` is the last business day counted, `skipped` the days passed over.
#[derive(Serialize)]
struct Count {
    from: NaiveDate,
    business_days: u32,
    start: NaiveDate,
    end: NaiveDate,
    skipped: Vec<NonBusinessDay>,
}

/// One line of a timetable.
#[derive(Serialize)]
struct Event {
    date: NaiveDate,
    weekday: String,
    event: String,
    rule: String,
}

#[derive(Serialize)]
struct Timetable {
    terms: String,
    events: Vec<Event>,
    holidays: Vec<NonBusinessDay>,
}

pub fn run(args: &CalendarArgs) -> Result<i32, Diagnostic> {
    match (&args.terms, args.from, args.business_days) {
        (Some(path), _, _) => timetable(path, args.format),
        (None, Some(from), Some(n)) => count(from, n, args),
        _ => Err(Diagnostic::new("give a terms file, or --from DATE with --business-days N")),
    }
}

fn count(from: NaiveDate, n: u32, args: &CalendarArgs) -> Result<i32, Diagnostic> {
    let overrides = Overrides {
        add: args.closed.iter().map(|d| Date(*d)).collect(),
        remove: args.open.iter().map(|d| Date(*d)).collect(),
    };
    let cal = Calendar::new(&overrides);
    let past = || Diagnostic::new(format!("counting {n} business days from {from} runs past the calendar"));
    let start = cal.day_one(from).ok_or_else(past)?;
    let end = cal.period_end(from, n).ok_or_else(past)?;
    let result = Count { from, business_days: n, start, end, skipped: cal.skipped(from, end) };
    let mut out = String::new();
    match args.format {
        Format::Json => out = json(&result),
        Format::Text => {
            out.push_str(&format!(
                "{} business days from {}: business day 1 is {}, business day {n} is {}.\n",
                n,
                format::date_with_weekday(from),
                format::date_with_weekday(start),
                format::date_with_weekday(end)
            ));
            for day in result.skipped.iter().filter(|d| !matches!(d.reason.as_str(), "Saturday" | "Sunday")) {
                out.push_str(&format!("  skipped {}: {}\n", format::date_with_weekday(day.date), day.reason));
            }
        }
    }
    super::emit(&out);
    Ok(0)
}

fn timetable(path: &std::path::Path, format_: Format) -> Result<i32, Diagnostic> {
    let loaded = terms::load(path)?;
    let t = &loaded.terms;
    let cal = Calendar::new(&t.calendar);
    let mut events = Vec::new();
    let mut push = |date: NaiveDate, event: String, rule: &str| {
        events.push(Event { date, weekday: date.format("%A").to_string(), event, rule: rule.to_owned() });
    };
    if t.dates.commencement.is_none_or(|c| t.dates.announcement < c) {
        push(
            t.dates.announcement.0,
            "Announcement of the offer".into(),
            "Rule 14d-2(b): file written communications on Schedule TO-C on the day of first use",
        );
    }
    let dates =
        OfferDates::compute(t, &cal).map_err(|e| loaded.error_at(&e.field, e.message).help(e.help))?;
    let time = t.dates.expiration_time.words();
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
        push(d.expiration, format!("{scheduled}, at {time}, New York City time"), "the terms in force");
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
    if let Some(r) = &t.results {
        push(r.date.0, "Results announced".into(), "final amendment to Schedule TO");
    }
    events.sort_by_key(|e| e.date);
    let first = events.first().map_or(t.dates.announcement.0, |e| e.date);
    let last = events.last().map_or(first, |e| e.date);
    let holidays: Vec<NonBusinessDay> = cal
        .holidays_between(first, last)
        .into_iter()
        .map(|(date, reason)| NonBusinessDay { date, reason })
        .collect();
    let table = Timetable { terms: display_path(path), events, holidays };
    let out = match format_ {
        Format::Json => json(&table),
        Format::Text => {
            let mut out = format!("Timetable of the offer in {}\n\n", table.terms);
            let width =
                table.events.iter().map(|e| format::date_with_weekday(e.date).len()).max().unwrap_or(0);
            for e in &table.events {
                out.push_str(&format!("{:width$}  {}\n", format::date_with_weekday(e.date), e.event));
                out.push_str(&format!("{:width$}  ({})\n", "", e.rule));
            }
            if !table.holidays.is_empty() {
                out.push_str("\nHolidays and closures in the period (not business days):\n");
                for h in &table.holidays {
                    out.push_str(&format!("  {}: {}\n", format::date_with_weekday(h.date), h.reason));
                }
            }
            out
        }
    };
    super::emit(&out);
    Ok(0)
}

fn json<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
