//! The disclosure an Offer builds from structured terms: an exchange offer's generated risk
//! factors, the quarters the price range lacks (Item 1002(c)), the summary financial
//! information (Item 1010(c)) and Schedule I (Items 1003 and 1008), each from the terms alone.

use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::common::{assert_prints, document, edited, refused_at, render, scratch_terms};

const MERIDIAN: &str = "data/meridian-exchange-commenced.yaml";
const HARLOW: &str = "data/harlow-exchange-whole-blocks.yaml";
const NORTHWIND: &str = "data/northwind-dutch-auction-commenced.yaml";

fn offer_of(text: &str) -> String {
    let (_dir, path) = scratch_terms(text);
    document(&render(&path), "offer-to-exchange.md")
}

fn meridian_offer() -> String {
    document(&render(MERIDIAN), "offer-to-exchange.md")
}

/// The Risk Factors part of an Offer, up to The Offer.
fn risk_factors(offer: &str) -> &str {
    let start = offer.find("## RISK FACTORS").expect("a Risk Factors section");
    let end = offer[start..].find("## THE OFFER").unwrap() + start;
    &offer[start..end]
}

#[test]
fn an_exchange_offers_risk_factors_state_the_computed_liquidation_preference() {
    let offer = meridian_offer();
    let risks = risk_factors(&offer);
    assert_prints(
        risks,
        "The effective price of the Offer, $0.25 per Share (a 201% increase over the last reported sale price of the Shares of $0.083 on December 29, 2023), is computed from the liquidation preference of the Series D Preferred Stock issued in exchange, not from a market price: $25.00 per share of Series D Preferred Stock, and up to $15,000,000 in aggregate liquidation preference for the 600,000 shares of Series D Preferred Stock the Offer may issue.",
    );
    for title in [
        "***You may not be able to exchange all of the Shares you tender.***",
        "***By exchanging your Shares, you will give up the rights of a holder of those Shares.***",
        "***The exchange may have tax consequences to you.***",
        "***The Company may not pay dividends on the Series D Preferred Stock.***",
    ] {
        assert_prints(risks, title);
    }
    // The ranking the terms give, and the dividend the figures compute.
    assert_prints(risks, "the Series D Preferred Stock ranks as follows: Senior to the Shares");
    assert_prints(
        risks,
        "Dividends on the Series D Preferred Stock at 13.00% per year ($3.25 per share per year)",
    );
    // Listed (an application to list is given): no "no established market" risk; counsel's own
    // risk factors follow the generated ones.
    assert!(!risks.contains("no established trading market"), "{risks}");
    assert_prints(risks, "An active trading market for the Series D Preferred Stock may not develop.");
    let other = risks.find("**Other Risks**").expect("counsel's risks under Other Risks");
    assert!(risks[other..].contains("The Company is a holding company and relies on its subsidiaries"));
    // Preferred stock offered: no dilution risk, which is common stock's.
    assert!(!risks.contains("dilute"), "{risks}");
}

#[test]
fn without_a_listing_the_new_security_may_have_no_established_market() {
    let text = edited(
        MERIDIAN,
        "      listing: The Company has applied to list the Series D Preferred Stock on the NYSE American under the symbol “MRHX PRD.”\n",
        "",
    );
    let offer = offer_of(&text);
    let risks = risk_factors(&offer);
    assert_prints(
        risks,
        "***There may be no established trading market for the Series D Preferred Stock, and one may not develop.***",
    );
    assert_prints(risks, "to draft (`offer.consideration.security.listing`).]");
}

#[test]
fn common_stock_offered_dilutes_and_has_no_liquidation_preference_to_rest_on() {
    let offer = document(&render("data/sorrel-preferred-for-common-commenced.yaml"), "offer-to-exchange.md");
    let risks = risk_factors(&offer);
    assert_prints(
        risks,
        "The Company may issue a maximum of 13,180,000 shares of Common Stock in the Offer, reducing the percentage of the outstanding Common Stock each other holder owns.",
    );
    assert!(!risks.contains("liquidation preference, on which"), "{risks}");
    // The Shares sought are preferred: holders give up their preference.
    assert_prints(risks, "their liquidation preference, their rights to dividends");
}

#[test]
fn counsel_may_replace_the_generated_risk_factors() {
    let text =
        edited(MERIDIAN, "  risk_factors:\n", "  risk_factors_replace_generated: true\n  risk_factors:\n");
    let offer = offer_of(&text);
    let risks = risk_factors(&offer);
    assert!(!risks.contains("Risks Relating to the Offer"), "{risks}");
    assert!(!risks.contains("Other Risks"), "{risks}");
    assert_prints(
        risks,
        "***The Company is a holding company and relies on its subsidiaries to fund dividends.***",
    );
}

#[test]
fn replacing_the_generated_risk_factors_with_none_is_refused() {
    let text = std::fs::read_to_string(MERIDIAN).unwrap();
    let (start, end) =
        (text.find("  risk_factors:\n").unwrap(), text.find("  summary_financials:\n").unwrap());
    let text = format!("{}  risk_factors_replace_generated: true\n{}", &text[..start], &text[end..]);
    refused_at(
        &text,
        "risk_factors_replace_generated",
        "give the risk factors that replace the generated ones",
    );
}

#[test]
fn a_cash_offer_keeps_its_risk_factors_as_the_terms_give_them() {
    let offer = document(&render(NORTHWIND), "offer-to-purchase.md");
    assert!(!offer.contains("RISK FACTORS"), "a cash offer without risk factors has no such section");
}

#[test]
fn the_price_range_names_the_quarters_it_lacks() {
    let offer = meridian_offer();
    // Structured periods print as quarters of the calendar fiscal year, beside the text ones.
    assert_prints(
        &offer,
        "| Fourth Quarter 2023 | $0.142 | $0.071 |\n| Third Quarter 2023 | $0.215 | $0.118 |\n| Second Quarter 2023 | $0.262 | $0.177 |\n| First Quarter 2023 | $0.309 | $0.224 |",
    );
    assert_prints(
        &offer,
        "[High and low sales prices of the Shares for the quarters the price range must also cover: First Quarter 2022, Second Quarter 2022, Third Quarter 2022, Fourth Quarter 2022 and First Quarter 2024 (through January 2, 2024): to draft (`security.price_history`).]",
    );
}

#[test]
fn without_the_fiscal_year_end_the_price_range_asks_for_it() {
    let offer = offer_of(&edited(MERIDIAN, "  fiscal_year_end: \"12-31\"\n", ""));
    assert_prints(&offer, "to draft (`issuer.fiscal_year_end`).]");
    assert!(!offer.contains("must also cover"), "no quarters named without the year end");
    // The structured periods still print, as fiscal quarters.
    assert_prints(&offer, "| Second Quarter of Fiscal 2023 | $0.262 | $0.177 |");
}

#[test]
fn a_fiscal_year_ending_in_june_names_its_own_quarters() {
    let offer = offer_of(&edited(MERIDIAN, "  fiscal_year_end: \"12-31\"", "  fiscal_year_end: \"06-30\""));
    // The Offer is dated January 2, 2024: in the fiscal year ending June 30, 2024, whose second
    // quarter (October to December 2023) has ended and whose third is under way.
    assert_prints(&offer, "First Quarter of Fiscal 2022, Second Quarter of Fiscal 2022");
    assert_prints(
        &offer,
        "Second Quarter of Fiscal 2024 and Third Quarter of Fiscal 2024 (through January 2, 2024)",
    );
}

#[test]
fn bad_price_periods_are_refused_at_their_field() {
    refused_at(
        &edited(MERIDIAN, "{fiscal_year: 2023, quarter: 2,", "{fiscal_year: 2023, quarter: 5,"),
        "quarter: 5",
        "a fiscal year has quarters 1 to 4, not 5",
    );
    refused_at(
        &edited(
            MERIDIAN,
            "{fiscal_year: 2023, quarter: 2, high: 0.262, low: 0.177}",
            "{fiscal_year: 2023, quarter: 2, high: 0.262, low: 0.3}",
        ),
        "low: 0.3",
        "the low price 0.3 is above the high price 0.262",
    );
    refused_at(
        &edited(MERIDIAN, "{fiscal_year: 2023, quarter: 2,", "{quarter: 2,"),
        "{quarter: 2,",
        "give the `fiscal_year` the quarter is of too",
    );
    refused_at(
        &edited(MERIDIAN, "{fiscal_year: 2023, quarter: 2,", "{fiscal_year: 2023, quarter: 1,"),
        "{fiscal_year: 2023, quarter: 1, high: 0.309",
        "this quarter is already given, at `security.price_history[2]`",
    );
    refused_at(
        &edited(MERIDIAN, "fiscal_year_end: \"12-31\"", "fiscal_year_end: \"13-01\""),
        "fiscal_year_end",
        "not a day that ends every year",
    );
    refused_at(
        &edited(MERIDIAN, "fiscal_year_end: \"12-31\"", "fiscal_year_end: \"December 31\""),
        "fiscal_year_end",
        "written MM-DD",
    );
}

#[test]
fn summary_financial_information_prints_from_the_terms() {
    let set = render(MERIDIAN);
    let offer = document(&set, "offer-to-exchange.md");
    assert_prints(
        &offer,
        "***Summary financial information.*** The following tables set forth summary historical financial information of the Company (in thousands, except per share data).",
    );
    assert_prints(
        &offer,
        "| Income statement data | Year Ended December 31, 2021 | Year Ended December 31, 2022 | Nine Months Ended September 30, 2022 | Nine Months Ended September 30, 2023 |",
    );
    assert_prints(
        &offer,
        "| Income (loss) from continuing operations | 6,240 | (3,880) | (1,950) | (8,310) |",
    );
    assert_prints(&offer, "| Ratio of earnings to fixed charges | 1.42 | — | — | — |");
    assert_prints(&offer, "| Book value per share | $0.62 | $0.55 |");
    assert_prints(&offer, "The Company has not presented pro forma data");
    assert!(!offer.contains("(`disclosure.summary_financials`)"), "given, so not left to draft");
    // Item 10 of the Schedule TO refers to it.
    let schedule = document(&set, "schedule-to.md");
    assert_prints(
        &schedule,
        "(c) The summary financial information set forth in the Offer to Exchange under “[Section 10. Information Concerning the Company](offer-to-exchange.md#section-10)” is incorporated herein by reference.",
    );
}

#[test]
fn an_exchange_offer_without_summary_financial_information_leaves_it_to_draft() {
    let offer = document(&render(HARLOW), "offer-to-exchange.md");
    assert_prints(
        &offer,
        "which Item 1010(c) of Regulation M-A requires when the consideration offered is securities",
    );
    assert_prints(&offer, "to draft (`disclosure.summary_financials`).]");
    let schedule = document(&render(HARLOW), "schedule-to.md");
    assert!(!schedule.contains("(c) The summary financial information"), "{schedule}");
    // A cash offer pays no securities: no note.
    let cash = document(&render(NORTHWIND), "offer-to-purchase.md");
    assert!(!cash.contains("disclosure.summary_financials"), "a cash offer needs no summary");
}

#[test]
fn summary_financial_rows_must_fill_their_periods() {
    refused_at(
        &edited(MERIDIAN, "values: [51_070, 54_470, 40_310, 38_420]", "values: [51_070, 54_470, 40_310]"),
        "values: [51_070, 54_470, 40_310]",
        "3 values for 4 periods",
    );
    refused_at(
        &edited(MERIDIAN, "book_value_per_share: [0.62, 0.55]", "book_value_per_share: [0.62]"),
        "book_value_per_share: [0.62]",
        "1 value for 2 periods",
    );
}

#[test]
fn schedule_i_lists_the_directors_and_officers_with_computed_percentages() {
    let offer = meridian_offer();
    // 4,200,000 of 210,000,000 outstanding and the 500,000 Dana Whitfield may acquire: 1.995%.
    assert_prints(&offer, "| Dana R. Whitfield | 4,200,000 | 2.0% |");
    assert_prints(&offer, "| Priya N. Castellanos | 850,000 | 0.4% |");
    assert_prints(
        &offer,
        "| All directors and executive officers as a group (3 persons) | 17,650,000 | 8.4% |",
    );
    assert_prints(
        &offer,
        "| Priya N. Castellanos | December 1, 2023 | 50,000 | $0.095 | Open market purchase |",
    );
    assert_prints(
        &offer,
        "Schedule I to this Offer to Exchange sets forth, for each director and executive officer of the Company",
    );
    assert_prints(
        &offer,
        "| | [SCHEDULE I: INFORMATION CONCERNING THE DIRECTORS AND EXECUTIVE OFFICERS](#schedule-i) |",
    );
    // Schedule I comes after The Offer, before the back cover.
    let schedule = offer.find("## SCHEDULE I").unwrap();
    assert!(schedule > offer.find("### 21.").unwrap() && schedule < offer.rfind("<center>").unwrap());
}

#[test]
fn without_directors_schedule_i_leaves_them_to_draft_in_every_kind_of_offer() {
    let offer = document(&render(NORTHWIND), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "## SCHEDULE I: INFORMATION CONCERNING THE DIRECTORS AND EXECUTIVE OFFICERS {#schedule-i}",
    );
    assert_prints(&offer, "to draft (`disclosure.directors_and_officers`).]");
    assert_prints(&offer, "to draft (`disclosure.transactions_60_days`).]");
    let notes = document(&render("data/halvorsen-notes-tender-commenced.yaml"), "offer-to-purchase.md");
    assert_prints(
        &notes,
        "the Notes each beneficially owns: to draft (`disclosure.directors_and_officers`).]",
    );
}

#[test]
fn no_transactions_is_said_when_the_terms_say_so() {
    let text = edited(
        MERIDIAN,
        "  transactions_60_days:\n    - name: Priya N. Castellanos\n      date: 2023-12-01\n      shares: 50_000\n      price: 0.095\n      nature: Open market purchase\n",
        "  transactions_60_days: []\n",
    );
    assert_prints(
        &offer_of(&text),
        "Neither the Company nor, to its knowledge, any of its directors, executive officers, affiliates or subsidiaries has effected any transaction in the Shares during the 60 days before the date of this Offer to Exchange.",
    );
}

#[test]
fn bad_schedule_i_input_is_refused_at_its_field() {
    refused_at(
        &edited(MERIDIAN, "rights_to_acquire: 500_000", "rights_to_acquire: 5_000_000"),
        "rights_to_acquire: 5_000_000",
        "more than the 4200000 beneficially owned",
    );
    refused_at(
        &edited(MERIDIAN, "shares_beneficially_owned: 12_600_000", "shares_beneficially_owned: 212_600_000"),
        "shares_beneficially_owned: 212_600_000",
        "more than the 210000000 outstanding",
    );
    refused_at(
        &edited(MERIDIAN, "date: 2023-12-01", "date: 2024-01-05"),
        "date: 2024-01-05",
        "is after the Offer commences",
    );
    refused_at(
        &edited(MERIDIAN, "- name: Howard T. Lindqvist", "- name: \"Dana R. Whitfield\""),
        "- name: \"Dana R. Whitfield\"",
        "Dana R. Whitfield is already listed",
    );
}

/// The percentage Schedule I prints for one holder: its digits after the point, and its value.
fn printed_percent(offer: &str, name: &str) -> String {
    let row = offer.lines().find(|l| l.starts_with(&format!("| {name} |"))).unwrap();
    row.split('|').nth(3).unwrap().trim().to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]
    #[test]
    fn a_holders_percentage_is_its_shares_of_those_outstanding_at_the_printed_places(
        outstanding in 1_000u64..1_000_000_000_000,
        share in 0u64..=1_000_000,
        places in 0u32..=3,
    ) {
        // `share` millionths of the Shares outstanding, rounded down to a whole Share.
        let owned = u64::try_from(u128::from(outstanding) * u128::from(share) / 1_000_000).unwrap();
        let text = std::fs::read_to_string(MERIDIAN).unwrap()
            .replace("shares_outstanding: 210_000_000", &format!("shares_outstanding: {outstanding}"))
            .replace("      rights_to_acquire: 500_000\n", "")
            .replace("shares_beneficially_owned: 4_200_000", &format!("shares_beneficially_owned: {owned}"))
            .replace("shares_beneficially_owned: 850_000", "shares_beneficially_owned: 0")
            .replace("shares_beneficially_owned: 12_600_000", "shares_beneficially_owned: 0")
            .replace("    of_outstanding: 1\n", &format!("    of_outstanding: {places}\n"));
        let offer = offer_of(&text);
        let printed = printed_percent(&offer, "Dana R. Whitfield");
        let exact = Decimal::from(owned) * Decimal::ONE_HUNDRED / Decimal::from(outstanding);
        if let Some(least) = printed.strip_prefix("less than ") {
            // A holding that rounds to nothing at the places shown is "less than" the least of them.
            let least: Decimal = least.trim_end_matches('%').parse().unwrap();
            prop_assert!(owned > 0 && exact < least, "{printed} for {owned} of {outstanding}");
            prop_assert_eq!(least, Decimal::new(1, places));
        } else {
            let number = printed.trim_end_matches('%');
            let shown: Decimal = number.parse().unwrap();
            let digits = number.split_once('.').map_or(0, |(_, f)| f.len() as u32);
            // At the places asked, or more only where fewer would show a part as 100%.
            let rounded = exact.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
            prop_assert!(digits == places || (rounded == Decimal::ONE_HUNDRED && exact < Decimal::ONE_HUNDRED), "{printed}");
            prop_assert_eq!(shown, exact.round_dp_with_strategy(digits, RoundingStrategy::MidpointAwayFromZero), "{} of {}", owned, outstanding);
        }
    }
}
