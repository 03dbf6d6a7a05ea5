//! The commenced documents of an offer for several classes: golden text of the Offer to
//! Exchange and the Offer to Purchase for each class, the fee on the valuation of every class,
//! and the terms a commenced offer for several classes refuses, through the binary.

use crate::common::{assert_prints, document, edited, refused_at, render, scratch_terms, secdraft};

const COMMENCED: &str = "data/sorrel-two-series-commenced.yaml";
const CASH_COMMENCED: &str = "data/sorrel-two-series-cash-commenced.yaml";

#[test]
fn the_offer_to_exchange_defines_each_class_and_states_its_rate_value_and_maximum() {
    let set = render(COMMENCED);
    let offer = document(&set, "offer-to-exchange.md");
    assert_prints(
        &offer,
        "**Offer to Exchange up to 2,000,000 Shares of its 8.25% Series A Cumulative Preferred Stock and up to 1,200,000 Shares of its 9.00% Series B Cumulative Preferred Stock for Shares of its Common Stock**",
    );
    assert_prints(
        &offer,
        "is offering to exchange shares of its Common Stock (the “**Common Stock**”) for (i) up to 2,000,000 shares of its 8.25% Series A Cumulative Preferred Stock, par value $0.01 per share (the “**Series A Shares**”), at the rate of 6.59 shares of Common Stock for each Series A Share; and (ii) up to 1,200,000 shares of its 9.00% Series B Cumulative Preferred Stock, par value $0.01 per share (the “**Series B Shares**” and, together with the Series A Shares, the “**Shares**”), at the rate of 7.53 shares of Common Stock for each Series B Share, in each case properly tendered and not properly withdrawn,",
    );
    assert_prints(
        &offer,
        "For the Series B Shares, at $1.50 per share, the closing price of the Common Stock on the NYSE American on February 28, 2025, the Common Stock offered for each Series B Share had a value of $11.295, a 24% increase over the last reported sale price of the Series B Shares of $9.10 on February 28, 2025.",
    );
    assert_prints(
        &offer,
        "- up to 2,000,000 Series A Shares, issuing 6.59 shares of Common Stock for each Series A Share, or a maximum of 13,180,000 shares of Common Stock and cash in lieu of fractional shares; and\n- up to 1,200,000 Series B Shares, subject to the Series B Minimum Condition (Section 7), issuing 7.53 shares of Common Stock for each Series B Share, or a maximum of 9,036,000 shares of Common Stock and cash in lieu of fractional shares.",
    );
    assert_prints(
        &offer,
        "The exchange ratio of 7.53 for the Series B Shares is the designated value of $12.80 per Series B Share divided by the designated value of $1.70 per share of Common Stock, rounded to two decimal places.",
    );
    assert_prints(
        &offer,
        "- 1,200,000 Series B Shares, representing approximately 66.7% of the 1,800,000 Series B Shares outstanding as of February 28, 2025.",
    );
    assert_prints(
        &offer,
        "The consideration in the Offer consists of a maximum of 13,180,000 shares of Common Stock for the Series A Shares and a maximum of 9,036,000 shares of Common Stock for the Series B Shares,",
    );
    assert_prints(&offer, "### 8. Price Range of the Shares; Dividends");
    assert_prints(
        &offer,
        "***Series B Shares.*** The Series B Shares are listed on the NYSE American under the symbol “SCEN PRB.”",
    );
    assert_prints(&offer, "| Fourth Quarter 2024 | $10.60 | $8.75 |");
}

#[test]
fn each_class_is_prorated_separately_with_its_own_minimum_and_allowance() {
    let set = render(COMMENCED);
    let offer = document(&set, "offer-to-exchange.md");
    assert_prints(
        &offer,
        "***Proration.*** Proration applies to each series separately. If more than the maximum number of Shares of a series sought are properly tendered and not properly withdrawn, the Company will accept Shares of that series in the following order of priority:",
    );
    assert_prints(
        &offer,
        "In prorating, each tender of Series A Shares is rounded down to whole Series A Shares and each tender of Series B Shares is rounded down to whole Series B Shares.",
    );
    assert_prints(
        &offer,
        "(approximately 69,000 Series A Shares, based on the 3,450,000 Series A Shares outstanding as of February 28, 2025; and approximately 36,000 Series B Shares, based on the 1,800,000 Series B Shares outstanding as of February 28, 2025)",
    );
    // Only the Series B offer has a minimum, stated at every place the Offer states one.
    assert_prints(
        &offer,
        "THE OFFER FOR THE SERIES B SHARES IS CONDITIONED ON AT LEAST 25% OF THE OUTSTANDING SERIES B SHARES (450,000 SERIES B SHARES,",
    );
    assert_prints(
        &offer,
        "***Series B Minimum Condition.*** Notwithstanding any other provision of the Offer, the Company will not be required to accept for exchange any Series B Shares unless, at the expiration of the Offer, at least 25% of the outstanding Series B Shares (450,000 Series B Shares, based on the 1,800,000 Series B Shares outstanding as of February 28, 2025) have been properly tendered and not properly withdrawn (the “**Series B Minimum Condition**”). The Offer for the Series A Shares is not subject to the Series B Minimum Condition.",
    );
    assert!(!offer.contains("Series A Minimum Condition"), "the Series A offer has no minimum");
    assert_prints(
        &offer,
        "THE OFFER FOR THE SERIES A SHARES IS NOT CONDITIONED ON ANY MINIMUM NUMBER OF SERIES A SHARES BEING TENDERED.",
    );
    // The 2% allowance, and the extension a change requires, are each series' own.
    assert_prints(
        &offer,
        "or the number of Shares sought of a series (other than by accepting up to an additional 2% of the outstanding Shares of that series), the Offer for that series will remain open for at least 10 business days",
    );
    assert_prints(
        &offer,
        "[Whether the Offer for each series is conditioned on the Offer for any other series",
    );
}

#[test]
fn the_fee_is_paid_once_on_the_valuation_of_every_class() {
    let set = render(COMMENCED);
    let fees = document(&set, "filing-fees.htm");
    // $8.41 x 2,000,000 + $9.13 x 1,200,000.
    assert!(fees.contains("27,776,000.00"), "{fees}");
    assert!(fees.contains("and the market value of the 1,200,000 shares of 9.00% Series B Cumulative Preferred Stock sought, based on the average of the high ($9.24) and low ($9.02)"), "{fees}");

    let out = secdraft().args(["figures", COMMENCED, "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let sheet: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let figures = sheet["figures"].as_array().unwrap();
    let valuation = figures.iter().find(|f| f["name"] == "transaction_valuation").unwrap();
    assert!(valuation.get("class").is_none_or(|c| c.is_null()), "the fee is the offer's: {valuation}");
    let inputs: Vec<&str> =
        valuation["inputs"].as_array().unwrap().iter().map(|i| i["path"].as_str().unwrap()).collect();
    assert!(inputs.contains(&"offer.other_classes[0].fee.market_value.high"), "{inputs:?}");
    assert!(inputs.contains(&"offer.other_classes[0].max_shares"), "{inputs:?}");
    assert_eq!(figures.iter().filter(|f| f["name"] == "filing_fee").count(), 1, "one fee for the offer");
}

#[test]
fn a_class_without_its_own_valuation_basis_is_refused_at_the_class() {
    let text = edited(
        COMMENCED,
        "      fee:\n        market_value:\n          date: 2025-02-28\n          high: 9.24\n          low: 9.02\n",
        "",
    );
    refused_at(&text, "    - security:", "offer.other_classes[0].fee.market_value");
}

#[test]
fn the_offer_to_purchase_prices_each_class_on_its_own() {
    let set = render(CASH_COMMENCED);
    let offer = document(&set, "offer-to-purchase.md");
    assert_prints(
        &offer,
        "is offering to purchase (i) up to 2,000,000 shares of its 8.25% Series A Cumulative Preferred Stock, par value $0.01 per share (the “**Series A Shares**”), at a price of $9.25 per Series A Share; and (ii) up to 1,200,000 shares of its 9.00% Series B Cumulative Preferred Stock, par value $0.01 per share (the “**Series B Shares**” and, together with the Series A Shares, the “**Shares**”), at a price of $10.00 per Series B Share (for the Shares of each series, its “**Purchase Price**”), in each case net to the seller in cash,",
    );
    assert_prints(
        &offer,
        "- ***Series B Shares.*** The Purchase Price is $10.00 per Series B Share, a 10% premium over the last reported sale price of the Series B Shares of $9.10 on February 28, 2025.",
    );
    assert_prints(
        &offer,
        "- up to 1,200,000 Series B Shares, subject to the Series B Minimum Condition (Section 7), at a price of $10.00 per Series B Share, or up to $12,000,000 in the aggregate.",
    );
    assert_prints(
        &offer,
        "the aggregate purchase price will be $18,500,000 for the 2,000,000 Series A Shares and $12,000,000 for the 1,200,000 Series B Shares, excluding fees and expenses.",
    );
    let fees = document(&set, "filing-fees.htm");
    assert!(fees.contains("30,500,000.00"), "$18,500,000 + $12,000,000: {fees}");
}

#[test]
fn each_class_of_a_commenced_offer_names_its_shares_once() {
    let text = edited(
        COMMENCED,
        "        short_name: Series B Shares\n",
        "        short_name: Series B Preferred\n",
    );
    refused_at(&text, "short_name: Series B Preferred", "ends in \"Shares\"");
    let text =
        edited(COMMENCED, "        short_name: Series B Shares\n", "        short_name: series a Shares\n");
    refused_at(&text, "short_name: series a Shares", "`security.short_name` already names a class so");
    // An offer for one class calls its shares "the Shares": a name of its own is refused.
    let one = edited(
        "data/sorrel-preferred-for-common-commenced.yaml",
        "  title: 8.25% Series A Cumulative Preferred Stock\n",
        "  title: 8.25% Series A Cumulative Preferred Stock\n  short_name: Series A Shares\n",
    );
    refused_at(
        &one,
        "short_name: Series A Shares",
        "only an offer for several classes names each class's shares",
    );
}

#[test]
fn classes_whose_accrued_dividends_differ_are_each_stated_and_a_missing_one_left_to_draft() {
    let text = edited(COMMENCED, "        accrued_dividends: waived\n", "");
    let (_dir, path) = scratch_terms(&text);
    let offer = document(&render(&path), "offer-to-exchange.md");
    assert_prints(
        &offer,
        "***Accrued dividends.*** By tendering Series A Shares, a stockholder waives all dividends accrued and unpaid on the Series A Shares accepted in the Offer, and no payment will be made for them. Series A Shares not accepted and returned to the stockholder keep their right to accrued and unpaid dividends. [Whether the dividends accrued and unpaid on the Series B Shares accepted are paid or waived by tendering stockholders: to draft (`offer.other_classes[0].security.accrued_dividends`).]",
    );
    assert_prints(&offer, "| Accrued and unpaid dividends | As Section 1 states for each series | None |");
}

#[test]
fn a_class_valuation_past_what_a_decimal_holds_is_refused_at_the_class_field() {
    let text = edited(COMMENCED, "          high: 9.24", "          high: 79228162514264337593543950335");
    refused_at(
        &text,
        "high: 79228162514264337593543950335",
        "offer.other_classes[0].fee.market_value.high: the figures computed from this value exceed what can be held exactly",
    );
}

#[test]
fn a_class_name_with_markdown_in_it_prints_literally() {
    let text = edited(
        COMMENCED,
        "        short_name: Series B Shares",
        "        short_name: 'Series *B* [x](y) Shares'",
    );
    let (_dir, path) = scratch_terms(&text);
    let offer = document(&render(&path), "offer-to-exchange.md");
    assert_prints(
        &offer,
        r"(the “**Series \*B\* \[x\](y) Shares**” and, together with the Series A Shares, the “**Shares**”)",
    );
    assert_prints(&offer, r"for each Series \*B\* \[x\](y) Share,");
}
