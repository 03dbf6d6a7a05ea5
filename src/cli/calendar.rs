//! `secdraft calendar TERMS` (the offer's timetable) and
//! `secdraft calendar --from DATE --business-days N` (a count without terms).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crate::calendar::{Calendar, Count, Overrides, parse_date};
use crate::diagnostics::{Diagnostic, display_path};
use crate::terms;
use crate::timetable::Timetable;

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

pub fn run(args: &CalendarArgs) -> Result<i32, Diagnostic> {
    let out = match (&args.terms, args.from, args.business_days) {
        (Some(path), _, _) => {
            let table = timetable(path)?;
            if args.format == Format::Json { super::json(&table)? } else { table.text() }
        }
        (None, Some(from), Some(n)) => {
            let overrides = Overrides { add: args.closed.clone(), remove: args.open.clone() };
            let count = Count::new(&Calendar::new(&overrides), from, n)
                .map_err(|e| Diagnostic::new(e.to_string()))?;
            if args.format == Format::Json { super::json(&count)? } else { count.text() }
        }
        _ => return Err(Diagnostic::new("give a terms file, or --from DATE with --business-days N")),
    };
    super::emit(&out);
    Ok(0)
}

fn timetable(path: &Path) -> Result<Timetable, Diagnostic> {
    let loaded = terms::load(path)?;
    let t = &loaded.terms;
    Timetable::build(display_path(path), &t.into(), &t.business_calendar())
        .map_err(|e| loaded.error_with_help(&e.field, e.message, e.help))
}
