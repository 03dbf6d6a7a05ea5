//! `secdraft calendar TERMS` (the offer's timetable),
//! `secdraft calendar --from DATE --business-days N` (a count without terms) and
//! `secdraft calendar --closures` (the closures by executive order secdraft knows).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crate::calendar::{
    Calendar, Count, ExecutiveOrderClosure, ExecutiveOrders, Overrides, executive_order_closures, parse_date,
};
use crate::diagnostics::{Diagnostic, display_path};
use crate::timetable::Timetable;

/// Print the timetable of an offer, or count business days from a date.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft calendar data/meridian-exchange-commenced.yaml\n  \
                        secdraft calendar --from 2024-01-02 --business-days 20 --format json\n  \
                        secdraft calendar --closures\n\n\
                        A count from a date takes that date as business day 1 when it is a business day, \
                        otherwise the next business day; business days follow Rule 14d-1(g)(3): not a \
                        Saturday, Sunday or federal holiday. Days the executive departments were closed by \
                        executive order (listed by --closures) are not business days unless the terms' \
                        `calendar.executive_order_closures` (or --executive-orders) says they count.\n\n\
                        Exit status: 0 on success, 2 when the terms or the dates are at fault.")]
pub struct CalendarArgs {
    /// A terms file, or `-` to read it from standard input: print the timetable of its offer.
    #[arg(
        value_name = "TERMS",
        conflicts_with_all = ["from", "business_days", "closures"],
        required_unless_present_any = ["from", "closures"]
    )]
    terms: Option<PathBuf>,

    #[command(flatten)]
    stdin: super::StdinArgs,

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

    /// Whether the closures by executive order count as business days; with --from or --closures.
    #[arg(long, value_enum, value_name = "CHOICE", default_value_t = ExecutiveOrderChoice::Closed, conflicts_with = "terms")]
    executive_orders: ExecutiveOrderChoice,

    /// List the closures by executive order, each with its order, and whether they count.
    #[arg(long, conflicts_with_all = ["from", "business_days"])]
    closures: bool,

    #[arg(long, value_enum, default_value_t = super::TextOrJson::Text)]
    format: super::TextOrJson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExecutiveOrderChoice {
    /// Not business days (the default).
    Closed,
    /// Business days.
    BusinessDays,
}

impl From<ExecutiveOrderChoice> for ExecutiveOrders {
    fn from(choice: ExecutiveOrderChoice) -> ExecutiveOrders {
        match choice {
            ExecutiveOrderChoice::Closed => ExecutiveOrders::Closed,
            ExecutiveOrderChoice::BusinessDays => ExecutiveOrders::BusinessDays,
        }
    }
}

/// `secdraft calendar --closures`: the closures and how they are counted.
#[derive(Debug, serde::Serialize)]
struct Closures {
    business_days: bool,
    closures: Vec<ExecutiveOrderClosure>,
}

impl Closures {
    fn text(&self) -> String {
        let mut out = format!(
            "Closures of the executive departments by executive order ({}):\n",
            if self.business_days { "counted as business days" } else { "not business days" }
        );
        for c in &self.closures {
            out.push_str(&format!(
                "  {}: {}, {}\n",
                crate::format::date_with_weekday(c.date),
                c.occasion,
                c.citation()
            ));
            if !c.whole_day {
                out.push_str("    part of the workday only: a business day all the same\n");
            }
            if let Some(unverified) = c.unverified {
                out.push_str(&format!("    not verified: {unverified}\n"));
            }
        }
        out
    }
}

pub fn run(args: &CalendarArgs) -> Result<i32, Diagnostic> {
    let executive_orders = ExecutiveOrders::from(args.executive_orders);
    if args.closures {
        let listing = Closures {
            business_days: executive_orders == ExecutiveOrders::BusinessDays,
            closures: executive_order_closures(),
        };
        super::emit(&if args.format == super::TextOrJson::Json {
            super::json(&listing)?
        } else {
            listing.text()
        });
        return Ok(0);
    }
    let out = match (&args.terms, args.from, args.business_days) {
        (Some(path), _, _) => {
            let table = timetable(path, &args.stdin)?;
            if args.format == super::TextOrJson::Json { super::json(&table)? } else { table.text() }
        }
        (None, Some(from), Some(n)) => {
            let overrides =
                Overrides { add: args.closed.clone(), remove: args.open.clone(), executive_orders };
            let count = Count::new(&Calendar::new(&overrides), from, n)
                .map_err(|e| Diagnostic::new(e.to_string()))?;
            if args.format == super::TextOrJson::Json { super::json(&count)? } else { count.text() }
        }
        _ => return Err(Diagnostic::new("give a terms file, or --from DATE with --business-days N")),
    };
    super::emit(&out);
    Ok(0)
}

fn timetable(path: &Path, stdin: &super::StdinArgs) -> Result<Timetable, Diagnostic> {
    let loaded = stdin.load_terms(path, &[])?;
    let t = &loaded.terms;
    Timetable::build(display_path(&stdin.name_of(path)), &t.into(), &t.business_calendar())
        .map_err(|e| loaded.error_with_help(&e.field, e.message, e.help))
}
