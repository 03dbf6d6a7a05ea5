//! What a new security pays, per security and per payment; rounded figures stated as
//! approximate; a premium that became a discount in an amendment's list of changes; and nouns
//! and verbs that agree with a count of one. Golden text through the library, errors through
//! the binary.

use crate::common::{assert_prints, document, edited, refused, render, scratch_terms, secdraft};

const MERIDIAN: &str = "data/meridian-exchange-commenced.yaml";
const MERIDIAN_AMENDED: &str = "data/meridian-exchange-amended.yaml";
const CALDER: &str = "data/calder-notes-exchange-commenced.yaml";
const HARLOW: &str = "data/harlow-exchange-whole-blocks.yaml";
const SEED: &str = "data/ault-alliance-2023-12-13.yaml";

fn offer_of(text: &str) -> String {
    let (_dir, terms) = scratch_terms(text);
    document(&render(&terms), "offer-to-exchange.md")
}

#[test]
fn a_monthly_dividend_that_does_not_end_in_cents_is_approximate() {
    let offer = document(&render(MERIDIAN), "offer-to-exchange.md");
    assert_prints(
        &offer,
        "- ***Dividends.*** Holders are entitled to cumulative cash dividends, when, as and if declared by the board of directors out of funds legally available for the purpose, at the rate of 13.00% per year of the $25.00 liquidation preference per share (equivalent to $3.25 per share per year, or approximately $0.2708 per share for each full monthly dividend period), payable monthly in arrears on the 20th day of each month.",
    );
    assert_prints(
        &offer,
        "accrues dividends at 13.00% per year on its liquidation preference, or $3.25 per year on each share of Series D Preferred Stock (approximately $0.2708 for each full monthly dividend period) and $0.0325 per year for each Share exchanged,",
    );
}

#[test]
fn a_quarterly_dividend_on_a_25_dollar_8_percent_share_is_50_cents_exactly() {
    let text = edited(MERIDIAN, "dividend_rate: 13.00%", "dividend_rate: 8.00%");
    let offer = offer_of(&text.replacen("dividend_frequency: monthly", "dividend_frequency: quarterly", 1));
    assert_prints(
        &offer,
        "at the rate of 8.00% per year of the $25.00 liquidation preference per share (equivalent to $2.00 per share per year, or $0.50 per share for each full quarterly dividend period),",
    );
    assert_prints(
        &offer,
        "or $2.00 per year on each share of Series D Preferred Stock ($0.50 for each full quarterly dividend period) and $0.02 per year for each Share exchanged",
    );
}

#[test]
fn semiannual_and_annual_dividends() {
    let offer = offer_of(&edited(MERIDIAN, "dividend_frequency: monthly", "dividend_frequency: semiannual"));
    assert_prints(
        &offer,
        "(equivalent to $3.25 per share per year, or $1.625 per share for each full semiannual dividend period)",
    );
    // Paid once a year, the payment is the annual dividend: stated once.
    let offer = offer_of(&edited(MERIDIAN, "dividend_frequency: monthly", "dividend_frequency: annual"));
    assert_prints(&offer, "(equivalent to $3.25 per share per year), payable monthly in arrears");
}

#[test]
fn without_a_frequency_only_the_annual_dividend_per_share_is_stated() {
    let offer = offer_of(&edited(MERIDIAN, "      dividend_frequency: monthly\n", ""));
    assert_prints(
        &offer,
        "liquidation preference per share (equivalent to $3.25 per share per year), payable monthly",
    );
    assert!(!offer.contains("dividend period"));
    let (_dir, terms) = scratch_terms(&edited(MERIDIAN, "      dividend_frequency: monthly\n", ""));
    let out = secdraft().args(["figures", "--format", "json"]).arg(&terms).output().unwrap();
    let sheet: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> =
        sheet["figures"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"dividend_per_new_share"));
    assert!(!names.contains(&"dividend_per_payment"));
}

#[test]
fn notes_state_interest_per_note_and_per_payment() {
    let offer = document(&render(CALDER), "offer-to-exchange.md");
    assert_prints(
        &offer,
        "- ***Interest.*** The Notes bear interest at the rate of 10.00% per year on their principal amount (equivalent to $2.50 per year on each $25.00 principal amount, or $0.625 for each full quarterly interest period), payable quarterly in arrears on January 15, April 15, July 15 and October 15 of each year.",
    );
    let offer = offer_of(&edited(CALDER, "interest_frequency: quarterly", "interest_frequency: monthly"));
    assert_prints(&offer, "or approximately $0.2083 for each full monthly interest period)");
}

#[test]
fn the_per_payment_figures_name_their_formula_and_inputs() {
    let out = secdraft().args(["figures", MERIDIAN, "--format", "json"]).output().unwrap();
    let sheet: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let payment = sheet["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "dividend_per_payment")
        .expect("dividend_per_payment")
        .clone();
    assert_eq!(payment["display"], "$0.2708");
    assert_eq!(payment["formula"], "annual dividend per new share / dividend payments a year");
    let inputs = payment["inputs"].to_string();
    assert!(inputs.contains("dividend_per_new_share"), "{inputs}");
    assert!(inputs.contains("offer.consideration.security.dividend_frequency"), "{inputs}");
}

#[test]
fn a_frequency_must_be_one_the_format_knows_and_of_the_right_payment() {
    refused(
        &edited(MERIDIAN, "dividend_frequency: monthly", "dividend_frequency: weekly"),
        &[
            "offer.consideration.security.dividend_frequency",
            "terms.yaml:82:27",
            "monthly, quarterly, semiannual, annual",
        ],
    );
    refused(
        &edited(CALDER, "interest_frequency: quarterly", "dividend_frequency: quarterly"),
        &[
            "offer.consideration.security.dividend_frequency",
            "notes pay interest, not dividends",
            "terms.yaml:79:",
        ],
    );
    refused(
        &edited(MERIDIAN, "dividend_frequency: monthly", "interest_frequency: monthly"),
        &[
            "offer.consideration.security.interest_frequency",
            "preferred stock pays dividends, not interest",
            "terms.yaml:82:",
        ],
    );
}

#[test]
fn a_rounded_effective_price_is_stated_as_approximate() {
    let set = render(HARLOW);
    let offer = document(&set, "offer-to-exchange.md");
    assert_prints(
        &offer,
        "The effective price of the Offer is approximately $0.3333 per Share, a 15% increase",
    );
    assert_prints(&offer, "an effective price of approximately $0.3333 per Share, a 15% increase");
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "The exchange ratio represents an effective price of approximately $0.3333 per Share,",
    );
    // An exact price is stated without it: the seed, word for word.
    let release = document(&render(SEED), "press-release.md");
    assert_prints(&release, "at an Effective Price of $0.25 per Share of Common Stock Exchanged");
    assert_prints(&release, "The $0.25 liquidation preference per common share equivalent of the");
    assert!(!release.contains("approximately $0.25"));
}

#[test]
fn a_rounded_effective_price_in_the_intent_release_is_reworded_around_approximately() {
    // The seed at Harlow's ratio: $25.00 x 2 / 150, a price that does not end.
    let text =
        edited(SEED, "aggregate_liquidation_preference: 15_000_000", "block: {shares: 150, new_shares: 2}");
    let (_dir, terms) = scratch_terms(&text);
    let release = document(&render(&terms), "press-release.md");
    assert_prints(
        &release,
        "at an Effective Price of approximately $0.3333 per Share of Common Stock Exchanged",
    );
    assert_prints(
        &release,
        "- *The effective price per common share equivalent of approximately $0.3333 represents",
    );
    assert_prints(
        &release,
        "The liquidation preference per common share equivalent of the Series D Preferred Stock, approximately $0.3333, represents",
    );
}

#[test]
fn an_amended_annual_dividend_that_prints_rounded_is_approximate() {
    let release = document(&render(MERIDIAN_AMENDED), "press-release.md");
    assert_prints(
        &release,
        "- Annual dividend per common share equivalent: approximately $0.0406 (previously $0.0325);",
    );
    let schedule = document(&render(MERIDIAN_AMENDED), "schedule-to.md");
    assert_prints(
        &schedule,
        "| Annual dividend per common share equivalent | $0.0325 | approximately $0.0406 |",
    );
}

/// Meridian's amendment with a closing price re-measured at `price`, and the price before at
/// `before`.
fn amended_with_closing(before: &str, price: &str) -> (String, String) {
    let text = edited(
        MERIDIAN_AMENDED,
        "      expiration: 2024-02-13\n",
        &format!(
            "      expiration: 2024-02-13\n      closing_price:\n        price: {price}\n        date: 2024-01-19\n        market: NYSE American\n"
        ),
    );
    let text = text.replacen("    price: 0.083\n", &format!("    price: {before}\n"), 1);
    let (_dir, terms) = scratch_terms(&text);
    let set = render(&terms);
    (document(&set, "press-release.md"), document(&set, "schedule-to.md"))
}

#[test]
fn a_premium_that_became_a_discount_is_stated_as_one() {
    let (release, schedule) = amended_with_closing("0.083", "0.33");
    assert_prints(
        &release,
        "- Premium over (discount to) the closing price: a discount of 5% (previously a premium of 201%);",
    );
    assert_prints(
        &schedule,
        "| Premium over (discount to) the closing price | a premium of 201% | a discount of 5% |",
    );
    assert!(!release.contains("\\-"), "{release}");
    assert!(!schedule.contains("\\-"), "{schedule}");
}

#[test]
fn a_discount_on_both_sides_is_a_discount_to_the_closing_price() {
    // $0.25 against $0.30 before, $0.3125 against $0.40 after.
    let (release, schedule) = amended_with_closing("0.30", "0.40");
    assert_prints(&release, "- Discount to the closing price: 22% (previously 17%);");
    assert_prints(&schedule, "| Discount to the closing price | 17% | 22% |");
    assert!(!release.contains("Premium over the closing price"), "{release}");
    assert!(!release.contains("\\-"), "{release}");
}

#[test]
fn a_count_of_one_takes_the_singular() {
    // One new share for each Share: a block of 1.
    let text = edited(
        HARLOW,
        "block:\n      shares: 150\n      new_shares: 2\n",
        "block:\n      shares: 1\n      new_shares: 1\n",
    );
    let offer = offer_of(&text);
    assert_prints(&offer, "for each Share properly tendered and not properly withdrawn");
    assert!(!offer.contains("each 1 Share"), "{offer}");
}

#[test]
fn a_designated_ratio_below_one_is_a_fraction_of_a_share() {
    let text = edited(
        MERIDIAN,
        "    aggregate_liquidation_preference: 15_000_000\n",
        "    designated_values: {share_sought: 0.10, new_share: 25.00, places: 4}\n",
    );
    let offer = offer_of(&text);
    assert_prints(
        &offer,
        "at the rate of 0.004 of a share of Series D Preferred Stock, with a liquidation preference",
    );
    assert_prints(&offer, "you will receive 0.004 of a share of Series D Preferred Stock, with");
    assert!(!offer.contains("0.004 shares"), "{offer}");
}
