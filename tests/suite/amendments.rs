//! Amendments that change any term: the consideration's security, the closing price the
//! premiums are measured against, the expiration's day and time; each stated old and new, and
//! each held to the period its rule requires (Rule 14e-1(b), Rule 14e-1(d)).

use std::path::Path;

use rust_decimal::Decimal;
use secdraft::pipeline::{self, RenderedSet};

use crate::common::{document, edited, refused_at};

const AMENDED: &str = "data/meridian-exchange-amended.yaml";
const AMENDMENT_1: &str = "      aggregate_liquidation_preference: 18_750_000\n      expiration: 2024-02-13";

fn rendered(changes: &str) -> Result<RenderedSet, secdraft::Diagnostic> {
    rendered_with(AMENDMENT_1, changes)
}

fn rendered_with(from: &str, to: &str) -> Result<RenderedSet, secdraft::Diagnostic> {
    let loaded = secdraft::terms::load_str(Path::new(AMENDED), edited(AMENDED, from, to))?;
    let templates = secdraft::render::Templates::embedded().unwrap();
    pipeline::render_loaded(loaded, &templates)
}

fn figure(set: &RenderedSet, name: &str) -> Decimal {
    set.filing.figures.get(name).unwrap_or_else(|| panic!("no figure {name}")).value
}

#[test]
fn a_new_dividend_rate_and_a_re_measured_closing_price_are_stated_old_and_new() {
    let set = rendered(
        "      aggregate_liquidation_preference: 18_750_000\n      dividend_rate: 14.00%\n      closing_price:\n        price: 0.09\n        date: 2024-01-19\n        market: NYSE American\n      expiration: 2024-02-13",
    )
    .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let release = document(&set, "press-release.md");
    let schedule = document(&set, "schedule-to.md");
    for (what, before, after) in [
        ("Dividend rate of the Series D Preferred Stock", "13.00%", "14.00%"),
        (
            "Closing price the premiums are measured against",
            "$0.083 on December 29, 2023",
            "$0.09 on January 19, 2024",
        ),
    ] {
        assert!(release.contains(&format!("- {what}: {after} (previously {before})")), "{release}");
        assert!(schedule.contains(&format!("| {what} | {before} | {after} |")), "{schedule}");
    }
    // The premiums are measured against the new closing price, the dividend at the new rate.
    let effective = figure(&set, "effective_price");
    let closing = Decimal::new(9, 2);
    assert_eq!(effective, Decimal::new(18_750_000, 0) / Decimal::new(60_000_000, 0));
    assert_eq!(figure(&set, "premium"), effective / closing - Decimal::ONE);
    assert_eq!(figure(&set, "annual_dividend"), Decimal::new(14, 2) * effective);
    let premium = set.filing.figures.get("premium").unwrap().display();
    assert!(release.contains(&format!("Premium over the closing price: {premium}")), "{release}");

    // The figures name the amendment's fields as their inputs.
    let rate = set.filing.figures.get("annual_dividend").unwrap();
    assert!(
        rate.inputs.iter().any(|i| format!("{:?}", i.source).contains("amendments[0].changes.dividend_rate")),
        "{:?}",
        rate.inputs
    );
}

#[test]
fn a_new_dividend_rate_keeps_the_offer_open_ten_business_days() {
    let e = rendered("      dividend_rate: 14.00%\n      expiration: 2024-01-31").unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.expiration"), "{}", e.message);
    assert!(e.message.contains("Rule 14e-1(b)"), "{}", e.message);
    // Re-measuring the closing price changes no term of the offer: no period runs from it, and
    // it is no amendment by itself.
    rendered(
        "      closing_price:\n        price: 0.09\n        date: 2024-01-19\n        market: NYSE American\n      expiration: 2024-01-31",
    )
    .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let e = rendered(
        "      closing_price:\n        price: 0.09\n        date: 2024-01-19\n        market: NYSE American",
    )
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.closing_price"), "{}", e.message);
    assert!(e.message.contains("changes no term of the offer"), "{}", e.message);
}

#[test]
fn an_extension_after_the_scheduled_expiration_comes_by_the_next_business_day() {
    // The offer is scheduled to expire at the end of Tuesday, January 30, 2024.
    let extension = "      expiration: 2024-02-13";
    let on_time = rendered_with(
        &format!("    date: 2024-01-22\n    changes:\n{AMENDMENT_1}"),
        &format!("    date: 2024-01-31\n    changes:\n{extension}"),
    );
    on_time.unwrap_or_else(|e| panic!("{}", e.render(false)));

    let late = rendered_with(
        &format!("    date: 2024-01-22\n    changes:\n{AMENDMENT_1}"),
        &format!("    date: 2024-02-01\n    changes:\n{extension}"),
    )
    .unwrap_err();
    assert_eq!(late.field.as_deref(), Some("amendments[0].date"));
    assert!(late.message.contains("Rule 14e-1(d)"), "{}", late.message);
    assert!(late.message.contains("Wednesday, January 31, 2024"), "{}", late.message);

    let no_extension = rendered_with(
        &format!("    date: 2024-01-22\n    changes:\n{AMENDMENT_1}"),
        "    date: 2024-01-31\n    changes:\n      min_shares: 1_000_000",
    )
    .unwrap_err();
    assert_eq!(no_extension.field.as_deref(), Some("amendments[0].date"));
    assert!(no_extension.help.join(" ").contains("must extend the offer"), "{:?}", no_extension.help);
}

#[test]
fn a_new_time_of_expiration_is_printed_with_the_time_it_replaces() {
    let set = rendered(&format!("{AMENDMENT_1}\n      expiration_time: \"5:00 p.m.\""))
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let schedule = document(&set, "schedule-to.md");
    assert!(
        schedule.contains(
            "previously scheduled to expire at one minute after 11:59 p.m., New York City time, on Tuesday, January 30, 2024, has been extended and will now expire at 5:00 p.m., New York City time, on Tuesday, February 13, 2024"
        ),
        "{schedule}"
    );
    let release = document(&set, "press-release.md");
    assert!(release.contains("The Offer will now expire at 5:00 p.m., New York City time"), "{release}");
    assert!(
        release.contains(
            "- Expiration time (New York City time): 5:00 p.m. (previously one minute after 11:59 p.m.)"
        ),
        "{release}"
    );
}

#[test]
fn a_later_time_of_day_is_held_to_the_twenty_business_days_at_that_time() {
    // As commenced, the offer ends at the end of January 30, 2024, business day 20. At 5:00
    // p.m. that day has not ended, so the offer must run to January 31.
    let e = rendered("      expiration_time: \"5:00 p.m.\"").unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes"), "{}", e.message);
    assert!(e.message.contains("Rule 14e-1(a)"), "{}", e.message);
    assert!(
        e.message.contains("5:00 p.m., New York City time, on Wednesday, January 31, 2024"),
        "{}",
        e.message
    );
}

#[test]
fn a_change_must_change_something_of_its_own_kind() {
    let e = rendered("      dividend_rate: 13.00%\n      expiration: 2024-02-13").unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.dividend_rate"), "{}", e.message);
    assert!(e.message.contains("the value already in force"), "{}", e.message);

    let e = rendered("      interest_rate: 9.00%\n      expiration: 2024-02-13").unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.interest_rate"), "{}", e.message);
    assert!(e.message.contains("the new security is preferred stock"), "{}", e.message);

    let e = rendered("      cash_price: 1.00\n      expiration: 2024-02-13").unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.cash_price"), "{}", e.message);
    assert!(
        e.message.contains("the offer is an exchange offer: `cash_price` is not one of its terms"),
        "{}",
        e.message
    );

    let e = rendered("      max_shares: 250_000_000\n      expiration: 2024-02-13").unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.max_shares"), "{}", e.message);
    assert!(e.message.contains("more than the 210,000,000 outstanding"), "{}", e.message);

    let e = rendered("      expiration: 2024-01-29").unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.expiration"), "{}", e.message);
    assert!(e.message.contains("may extend the offer, not shorten it"), "{}", e.message);
}

#[test]
fn a_re_measured_closing_price_is_dated_between_the_one_it_replaces_and_the_amendment() {
    let closing = |date: &str| {
        format!(
            "      closing_price:\n        price: 0.09\n        date: {date}\n        market: NYSE American"
        )
    };
    let e = rendered(&closing("2024-01-23")).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.closing_price.date"), "{}", e.message);
    assert!(e.message.contains("after Amendment No. 1 of January 22, 2024"), "{}", e.message);
    let e = rendered(&closing("2023-12-01")).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.closing_price.date"), "{}", e.message);
    assert!(e.message.contains("after the one it replaces (December 29, 2023)"), "{}", e.message);
}

#[test]
fn a_figure_an_amendment_breaks_is_reported_at_its_change() {
    let e = rendered("      liquidation_preference: 24.99\n      expiration: 2024-02-13").unwrap_err();
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.liquidation_preference"), "{}", e.message);
    assert!(e.message.starts_with("after Amendment No. 1: "), "{}", e.message);
    assert!(e.message.contains("is about 600240.1 new shares"), "{}", e.message);
}

#[test]
fn an_empty_list_of_conditions_or_waivers_is_refused_not_read() {
    // `conditions: []` would drop every condition of the Offer; `waive_conditions: []` waives
    // nothing and would be ignored, whatever else the amendment changes.
    for (changes, at, message) in [
        (
            "      conditions: []\n      expiration: 2024-02-13",
            "conditions: []",
            "error: amendments[0].changes.conditions: an empty list of conditions: it would drop all 3 conditions of the Offer; list the conditions as amended, waive those given up with `waive_conditions: [N, ...]`, or leave `conditions` out",
        ),
        (
            "      waive_conditions: []\n      expiration: 2024-02-13",
            "waive_conditions: []",
            "error: amendments[0].changes.waive_conditions: an empty list waives no condition and would be ignored",
        ),
        (
            "      waive_conditions: []",
            "waive_conditions: []",
            "error: amendments[0].changes.waive_conditions: an empty list waives no condition and would be ignored",
        ),
    ] {
        refused_at(&edited(AMENDED, AMENDMENT_1, changes), at, message);
    }
}
