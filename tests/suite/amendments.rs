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

// ---- An amendment that changes terms: the restated Offer, the amended Letter of Transmittal
// and the changes stated part by part ----

#[test]
fn an_amendment_that_changes_the_ratio_files_the_restated_offer_and_the_amended_letter() {
    let set = crate::common::render(AMENDED);
    let schedule = document(&set, "schedule-to.md");
    for row in [
        "| (a)(1)(A)\\*\\* | Offer to Exchange, dated January 2, 2024 |",
        "| (a)(1)(B)\\*\\* | Letter of Transmittal |",
        "| (a)(1)(F)\\* | [Amended and Restated Offer to Exchange, dated January 22, 2024](offer-to-exchange.md) |",
        "| (a)(1)(G)\\* | [Amended Letter of Transmittal](letter-of-transmittal.md) |",
        // Item 12 adds them with the release.
        "| (a)(1)(F) | [Amended and Restated Offer to Exchange, dated January 22, 2024](offer-to-exchange.md) |",
        "| (a)(1)(G) | [Amended Letter of Transmittal](letter-of-transmittal.md) |",
    ] {
        assert!(schedule.contains(row), "{row}\n{schedule}");
    }
    assert!(schedule.contains("by adding the following exhibits:"));
    // Each part names the Offer's sections it amends and the Items that incorporate them; no
    // blanket "every reference is amended".
    assert!(!schedule.contains("every reference"), "{schedule}");
    assert!(schedule.contains(
        "The information set forth in the Offer to Exchange on its cover page and under “Summary Term Sheet,” “Section 1. Number of Shares; Proration” and “Section 9. Source and Amount of Consideration,” and incorporated by reference in Items 1, 4, 6 and 7 of the Schedule TO, is hereby amended and supplemented as follows:"
    ));
    assert!(schedule.contains(
        "under “Summary Term Sheet” and “Section 15. Extension of the Offer; Termination; Amendment,” and incorporated by reference in Items 1, 4 and 6 of the Schedule TO"
    ));
    assert!(
        schedule
            .contains("copies of which are filed herewith as Exhibits (a)(1)(F) and (a)(1)(G), respectively")
    );

    let offer = document(&set, "offer-to-exchange.md");
    assert!(offer.contains("**AMENDED AND RESTATED OFFER TO EXCHANGE**"));
    assert!(
        offer.contains("amends and restates in its entirety the Offer to Exchange dated January 2, 2024")
    );
    assert!(offer.contains("The date of this Amended and Restated Offer to Exchange is January 22, 2024."));
    // Rendered from the terms in force: the new ratio and expiration.
    assert!(offer.contains("for each 80 Shares properly tendered"));
    assert!(offer.contains("TUESDAY, FEBRUARY 13, 2024"));
    let letter = document(&set, "letter-of-transmittal.md");
    assert!(letter.contains("**Exhibit (a)(1)(G)**"));
    assert!(letter.contains("**AMENDED LETTER OF TRANSMITTAL**"));
    assert!(
        letter.contains(
            "Offer to Exchange, dated January 2, 2024, as amended and restated on January 22, 2024"
        )
    );
    assert!(letter.contains("need not complete this Amended Letter of Transmittal"));
}

#[test]
fn an_extension_alone_is_stated_in_the_amendment_and_restates_nothing() {
    let set = rendered("      expiration: 2024-02-13").unwrap_or_else(|e| panic!("{}", e.render(false)));
    let names: Vec<&str> = set.files.iter().map(|f| f.name.as_str()).collect();
    assert!(
        !names.contains(&"offer-to-exchange.md") && !names.contains(&"letter-of-transmittal.md"),
        "{names:?}"
    );
    let schedule = document(&set, "schedule-to.md");
    assert!(!schedule.contains("(a)(1)(F)"), "{schedule}");
    assert!(schedule.contains("by adding the following exhibit:"));
    assert!(schedule.contains("incorporated by reference in Items 1, 4 and 6 of the Schedule TO, is hereby amended and supplemented as follows:\n\nThe Offer, previously scheduled to expire"));
    assert!(!schedule.contains("Section 1. Number of Shares"), "{schedule}");
}

#[test]
fn a_later_filing_lists_the_restated_offer_as_previously_filed() {
    let schedule = document(&crate::common::render("data/meridian-exchange-results.yaml"), "schedule-to.md");
    assert!(
        schedule
            .contains("| (a)(1)(F)\\*\\* | Amended and Restated Offer to Exchange, dated January 22, 2024 |")
    );
    assert!(schedule.contains("| (a)(1)(G)\\*\\* | Amended Letter of Transmittal |"));
}

// ---- Odd lots and the multiple in which Shares are accepted ----

#[test]
fn the_odd_lot_priority_the_results_apply_is_the_one_holders_were_told_of() {
    // As commenced, one new share for each 100 Shares: no holder of fewer than 100 Shares can
    // tender a whole block, so Section 1 prorates all tenders alike.
    let commenced =
        document(&crate::common::render("data/meridian-exchange-commenced.yaml"), "offer-to-exchange.md");
    assert!(!commenced.contains("Odd Lot Holder"), "the commenced Offer states no odd-lot priority");
    // Amendment No. 1 makes the block 80 Shares: it says so, who cannot tender, and that odd
    // lots are now accepted first; the restated Offer's Section 1 states the priority.
    let amended = crate::common::render(AMENDED);
    let schedule = document(&amended, "schedule-to.md");
    assert!(schedule.contains(
        "Shares will now be accepted only in multiples of 80, instead of multiples of 100; any Shares tendered in excess of the largest multiple of 80 will be returned, and a stockholder who holds fewer than 80 Shares cannot tender Shares in the Offer."
    ), "{schedule}");
    assert!(schedule.contains(
        "the Company will now accept first, without proration, all Shares properly tendered by any stockholder who owns beneficially or of record fewer than 100 Shares and tenders all of them"
    ));
    let restated = document(&amended, "offer-to-exchange.md");
    assert!(restated.contains("(an “**Odd Lot Holder**”)"));
    // The results apply the priority Amendment No. 1 announced.
    let results = document(&crate::common::render("data/meridian-exchange-results.yaml"), "schedule-to.md");
    assert!(results.contains("accepting first, without proration"), "{results}");
}

#[test]
fn an_amendment_that_ends_the_odd_lot_priority_says_so() {
    // Commenced at 80 Shares a block (odd lots first), amended to 125 Shares a block.
    let text = edited(
        AMENDED,
        "    aggregate_liquidation_preference: 15_000_000",
        "    aggregate_liquidation_preference: 18_750_000",
    )
    .replacen(
        AMENDMENT_1,
        "      aggregate_liquidation_preference: 12_000_000\n      expiration: 2024-02-13",
        1,
    );
    let loaded =
        secdraft::terms::load_str(Path::new(AMENDED), text).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let set = pipeline::render_loaded(loaded, &secdraft::render::Templates::embedded().unwrap())
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let schedule = document(&set, "schedule-to.md");
    assert!(
        schedule.contains("Shares will now be accepted only in multiples of 125, instead of multiples of 80"),
        "{schedule}"
    );
    assert!(schedule.contains(
        "Shares tendered by such stockholders will no longer be accepted first: if more than the maximum number of Shares are properly tendered and not properly withdrawn, the Company will accept Shares from all tendering stockholders on a pro rata basis."
    ));
    assert!(!document(&set, "offer-to-exchange.md").contains("Odd Lot Holder"));
}

#[test]
fn a_waiver_is_stated_against_the_conditions_section_and_restates_nothing() {
    let set = rendered("      waive_conditions: [3]\n      expiration: 2024-02-13")
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    assert!(!set.files.iter().any(|f| f.name == "offer-to-exchange.md"));
    let schedule = document(&set, "schedule-to.md");
    assert!(schedule.contains(
        "The information set forth in the Offer to Exchange under “Summary Term Sheet” and “Section 7. Conditions of the Offer,” and incorporated by reference in Items 1, 4 and 6 of the Schedule TO, is hereby amended and supplemented as follows:\n\nThe Company has waived the condition of the Offer set forth in Section 7 of the Offer to Exchange that “the Series D Preferred Stock to be issued in the Offer shall have been approved for listing"
    ), "{schedule}");
}
